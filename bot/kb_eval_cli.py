"""`kasvuopas kb eval`: finder quality on labelled question sets for both analysers (logic: knowledge.evaluation)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.text import Analyzer


def _today() -> date:
    """Today in Helsinki, from the one clock: ages such as "perustettu 2012" are counted from it."""
    from bot.common.clock import system_clock
    from bot.common.helsinki_time import to_helsinki

    return to_helsinki(system_clock()).date()


def _kb_folder(args: argparse.Namespace) -> Path:
    if getattr(args, "kb", None):
        return Path(args.kb)
    from bot.settings import Settings

    return Settings().kb_path


def kb_eval(args: argparse.Namespace) -> int:
    """Print top-1, top-3, MRR, ineligible-in-top-3 and off-topic-empty per analyser; -v lists the failures."""
    # Imported here so that adding the subcommand to the `kasvuopas` parser costs nothing.
    from knowledge.evaluation import QuestionSetError, finder_search, load_cases, score, unknown_labels
    from knowledge.loader import load_knowledge_base
    from knowledge.text import PlainAnalyzer, create_analyzer

    today = date.fromisoformat(args.today) if getattr(args, "today", None) else _today()
    kb = load_knowledge_base(_kb_folder(args))  # no review-date checks: they do not change the answers
    if kb.errors:
        for problem in kb.errors:
            print(f"error: {problem}", file=sys.stderr)
        print("kasvuopas kb eval: the knowledge base has errors; run `kasvuopas kb check`", file=sys.stderr)
        return 2
    try:
        sets = [(Path(name), load_cases(Path(name))) for name in args.questions]
    except (OSError, QuestionSetError) as error:
        print(f"kasvuopas kb eval: {error}", file=sys.stderr)
        return 2
    voikko = create_analyzer(use_voikko=True)
    analyzers: list[Analyzer] = [voikko] if voikko.name == "voikko" else []
    analyzers.append(PlainAnalyzer())
    worst = 1.0
    for path, cases in sets:
        for label in unknown_labels(cases, kb):
            print(f"warning: {path.name}: {label}")
        print(f"{path.name}: {len(cases)} questions")
        for analyzer in analyzers:
            scores = score(cases, finder_search(kb, analyzer, today), analyzer.name)
            print(f"  {scores.summary()}")
            worst = min(worst, scores.rate(scores.top3) if scores.answered else 1.0)
            if args.verbose:
                for failure in scores.failures:
                    print(f"    {failure}")
    return 1 if worst < args.min_top3 else 0


def add_kb_eval_parser(kb_commands: Any) -> None:
    """Add `eval` to the `kasvuopas kb` subcommands."""
    evaluate = kb_commands.add_parser("eval", help="finder quality on labelled question sets (JSON lines)")
    evaluate.add_argument("questions", nargs="+", help="question-set files (.jsonl)")
    evaluate.add_argument("--kb", help="knowledge-base folder (default: KASVUOPAS_KB)")
    evaluate.add_argument("--today", help="reference date for company ages, YYYY-MM-DD (default: today)")
    evaluate.add_argument("--min-top3", type=float, default=0.0, help="exit 1 when a set's top-3 is below this")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list the failures")
    evaluate.set_defaults(func=kb_eval)


def main(argv: list[str] | None = None) -> int:
    """Run `kb eval` on its own (`python -m bot.kb_eval_cli QUESTIONS.jsonl`) until bot/cli.py wires it in."""
    parser = argparse.ArgumentParser(prog="kasvuopas kb")
    add_kb_eval_parser(parser.add_subparsers(dest="kb_command", required=True))
    args = parser.parse_args(["eval", *(sys.argv[1:] if argv is None else argv)])
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
