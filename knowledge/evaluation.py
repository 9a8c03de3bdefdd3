"""Finder quality on a labelled question set: top-1, top-3, MRR, ineligible in top 3, off-topic answered empty.

A question set is JSON lines, one question each:
    {"q": "...", "expect_any": ["finnvera", "uyk-rahoitusneuvonta"], "forbid_top3": ["eures"], "tags": ["origin"]}
    {"q": "kiitos paljon", "expect_none": true}
    {"q": "...", "gap": "what is missing from the knowledge base", "expect_any": [...]}
Labels are provider ids or service ids of the knowledge base. A `gap` question marks a coverage hole:
it is counted apart, never as a miss.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from knowledge.finder import Finder
from knowledge.loader import KnowledgeBase
from knowledge.text import Analyzer

TOP = 5  # results asked for each question; a hit below this rank counts as a miss


@dataclass(frozen=True)
class Case:
    """One labelled question."""

    question: str
    expect_any: frozenset[str] = frozenset()
    forbid_top3: frozenset[str] = frozenset()
    expect_none: bool = False
    gap: str = ""
    tags: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Outcome:
    """What the finder answered to one case: the (service id, provider id) of each result, best first."""

    case: Case
    results: tuple[tuple[str, str], ...]

    def rank(self) -> int | None:
        """The 1-based rank of the first expected result, if any."""
        for position, ids in enumerate(self.results, start=1):
            if self.case.expect_any & set(ids):
                return position
        return None

    def ineligible(self) -> bool:
        """True when a forbidden id is among the first three results."""
        return any(self.case.forbid_top3 & set(ids) for ids in self.results[:3])


@dataclass
class Scores:
    """The figures for one analyser, with the cases that failed."""

    analyzer: str
    answered: int = 0  # questions with an expected answer (not gaps, not off-topic)
    top1: int = 0
    top3: int = 0
    reciprocal_ranks: float = 0.0
    ineligible: int = 0
    off_topic: int = 0
    off_topic_empty: int = 0
    gaps: int = 0
    gaps_found: int = 0  # gap questions whose hoped-for answer is there anyway
    failures: list[str] = field(default_factory=list)

    def rate(self, count: float) -> float:
        """`count` as a share of the answered questions."""
        return count / self.answered if self.answered else 0.0

    def summary(self) -> str:
        """One line of figures."""

        def figure(count: float) -> str:
            return f"{self.rate(count):.3f}" if self.answered else "–"

        return (
            f"{self.analyzer}: top-1 {figure(self.top1)}  top-3 {figure(self.top3)}  "
            f"MRR {figure(self.reciprocal_ranks)}  ineligible-in-top-3 {self.ineligible}  "
            f"off-topic-empty {self.off_topic_empty}/{self.off_topic}  "
            f"({self.answered} questions, {self.gaps} gaps, {self.gaps_found} of them answered)"
        )


class QuestionSetError(ValueError):
    """A question set that cannot be read, naming the file and line."""


def _labels(value: Any, where: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise QuestionSetError(f"{where}: {key} must be a list of ids")
    return frozenset(value)


def parse_cases(lines: Iterable[str], source: str = "questions") -> list[Case]:
    """The cases of a JSON-lines question set; QuestionSetError names the line of a bad one."""
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise QuestionSetError(f"{where}: not JSON ({error.msg})") from None
        if not isinstance(data, dict) or not isinstance(data.get("q"), str) or not data["q"].strip():
            raise QuestionSetError(f'{where}: each line needs a question text in "q"')
        case = Case(
            question=data["q"],
            expect_any=_labels(data.get("expect_any"), where, "expect_any"),
            forbid_top3=_labels(data.get("forbid_top3"), where, "forbid_top3"),
            expect_none=bool(data.get("expect_none", False)),
            gap=str(data.get("gap") or ""),
            tags=tuple(_labels(data.get("tags"), where, "tags")),
            line=number,
        )
        if not (case.expect_any or case.expect_none or case.gap):
            raise QuestionSetError(f"{where}: give expect_any, expect_none or gap")
        cases.append(case)
    return cases


def load_cases(path: Path) -> list[Case]:
    """The cases of a question-set file."""
    return parse_cases(path.read_text(encoding="utf-8").splitlines(), path.name)


def unknown_labels(cases: Sequence[Case], kb: KnowledgeBase) -> list[str]:
    """Messages for labels that are neither a provider nor a service of `kb` (likely typos)."""
    known = set(kb.providers) | {service.id for service in kb.services}
    return [
        f"line {case.line}: unknown id '{label}'"
        for case in cases
        for label in sorted(case.expect_any | case.forbid_top3)
        if label not in known
    ]


Search = Callable[[str], list[tuple[str, str]]]


def finder_search(kb: KnowledgeBase, analyzer: Analyzer, today: date | None = None) -> Search:
    """A search function over `kb` with `analyzer`, returning (service id, provider id) pairs."""
    finder = Finder(kb, analyzer)

    def search(question: str) -> list[tuple[str, str]]:
        matches = finder.search(question, top=TOP, today=today).matches
        return [(match.service.id, match.provider.id) for match in matches]

    return search


def score(cases: Sequence[Case], search: Search, analyzer: str) -> Scores:
    """Run every case through `search` and count."""
    scores = Scores(analyzer)
    for case in cases:
        outcome = Outcome(case, tuple(search(case.question)))
        got = [service for service, _ in outcome.results[:3]]
        if outcome.ineligible():
            scores.ineligible += 1
            scores.failures.append(f"INELIGIBLE  {case.question!r} forbid {sorted(case.forbid_top3)} got {got}")
        if case.expect_none:
            scores.off_topic += 1
            if outcome.results:
                scores.failures.append(f"NOT EMPTY   {case.question!r} got {got}")
            else:
                scores.off_topic_empty += 1
            continue
        rank = outcome.rank()
        if case.gap:
            scores.gaps += 1
            scores.gaps_found += rank is not None and rank <= 3
            continue
        scores.answered += 1
        if rank is not None:
            scores.top1 += rank == 1
            scores.top3 += rank <= 3
            scores.reciprocal_ranks += 1 / rank
        if rank is None or rank > 3:
            where = f"rank {rank}" if rank else "not found"
            scores.failures.append(f"MISS ({where})  {case.question!r} want {sorted(case.expect_any)} got {got}")
    return scores
