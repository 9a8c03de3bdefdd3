"""`kasvuopas kb gaps` and `kasvuopas kb import-ptv`: the curator's loop on the command line.

`bot.cli` adds both to its `kb` sub-commands with `add_curation_commands(kb_commands)`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.common.clock import Clock, system_clock
from bot.common.helsinki_time import to_helsinki, to_utc

if TYPE_CHECKING:
    from bot.domain.curation import Digest

_SINCE = re.compile(r"^(\d{1,4})\s*([hdw])$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str, now: datetime) -> datetime:
    """`30d`, `2w`, `12h` before `now`, or a date (`2026-11-01`: its start in Helsinki). ValueError otherwise."""
    text = text.strip().lower()
    if match := _SINCE.match(text):
        return now - timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    try:
        day = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"--since {text!r}: give e.g. 30d, 2w, 12h or a date 2026-11-01") from None
    return to_utc(datetime.combine(day, time()))


def _configured(args: argparse.Namespace, name: str) -> Path:
    given = getattr(args, name, None)
    if given:
        return Path(given)
    from pydantic import ValidationError

    from bot.settings import Settings

    try:
        settings = Settings()
    except ValidationError as error:
        messages = "; ".join(str(item["msg"]).removeprefix("Value error, ") for item in error.errors())
        print(f"kasvuopas: configuration error: {messages}", file=sys.stderr)
        raise SystemExit(2) from None
    return Path(settings.db_path if name == "db" else settings.kb_path)


def _gap_lines(digest: Digest, names: dict[str, str]) -> list[str]:
    since, until = to_helsinki(digest.since), to_helsinki(digest.until)
    out = [f"Gaps in the finder's answers {since:%Y-%m-%d %H:%M} – {until:%Y-%m-%d %H:%M} (Helsinki)."]
    out.append(f"Questions asked: {digest.searches}. Who asked is not shown.")
    titles = {
        "no_results": "Questions that found nothing",
        "disliked": "Answers marked not helpful (👎)",
        "low_confidence": "Low-confidence answers (services shown, but no need read from the question)",
    }
    for kind, title in titles.items():
        lines = digest.lines(kind)
        out.append(f"{title}: {len(lines)}")
        for line in lines:
            out.append(f"  {line.id:>5} ×{line.count}  {line.question}")
            out.extend(f"{'':10}also: {variant}" for variant in line.variants)
            if line.service_ids:
                out.append(f"{'':10}shown: {', '.join(line.service_ids)}")
            elif line.needs:
                out.append(f"{'':10}needs read: {', '.join(line.needs)}")
    never = [f"{service} ({names.get(service, '?')})" for service in digest.never_shown]
    out.append(f"Services in no answer: {len(never)} of {digest.services}")
    out.extend(f"  {item}" for item in never)
    return out


def kb_gaps(args: argparse.Namespace, clock: Clock = system_clock) -> int:
    """Print the gaps digest of the bot's database: text, or JSON with `--json`."""
    from bot.domain.curation import build_digest
    from bot.storage.sqlite import open_database
    from knowledge.loader import load_knowledge_base

    now = clock()
    try:
        since = parse_since(args.since, now)
    except ValueError as error:
        print(f"kasvuopas kb gaps: {error}", file=sys.stderr)
        return 2
    db_path, folder = _configured(args, "db"), _configured(args, "kb")
    if not db_path.is_file():
        print(f"kasvuopas kb gaps: no database at {db_path} (give --db PATH)", file=sys.stderr)
        return 2
    kb = load_knowledge_base(folder, to_helsinki(now).date())
    if kb.errors:
        print(
            f"warning: the knowledge base in {folder} has {len(kb.errors)} errors; listing what loaded", file=sys.stderr
        )
    db = open_database(db_path, clock)
    try:
        digest = build_digest(db, since, now, [service.id for service in kb.services])
    finally:
        db.close()
    if args.json:
        print(json.dumps(digest.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_gap_lines(digest, {service.id: service.name_fi for service in kb.services})))
    return 0


def kb_import_ptv(args: argparse.Namespace, clock: Clock = system_clock) -> int:
    """Draft files and a change report from a PTV export (fetched first, and saved, with `--fetch URL`)."""
    from knowledge.ptv_format import PtvFormatError, fetch_export, known_codes, read_export
    from knowledge.ptv_import import ETELA_SAVO, PtvImportError, import_ptv

    source = Path(args.source)
    codes = known_codes(args.municipality or ETELA_SAVO, ETELA_SAVO)
    if args.municipality and len(codes) != len(args.municipality):
        print(f"kasvuopas kb import-ptv: municipality codes must be among {', '.join(ETELA_SAVO)}", file=sys.stderr)
        return 2
    try:
        if args.fetch:
            if source.exists():
                raise PtvImportError(f"{source} exists: the fetched export is saved there, so give a new file name")
            data = fetch_export(args.fetch, codes)
            source.parent.mkdir(parents=True, exist_ok=True)
            with open(source, "x", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
            print(f"Fetched {len(data['pages'])} page(s) from {args.fetch}; saved the export as {source}")
        else:
            data = json.loads(source.read_text(encoding="utf-8"))
        export = read_export(data)
        origin = str(data.get("source") or source) if isinstance(data, dict) else str(source)
        today = to_helsinki(clock()).date()
        report = import_ptv(export, origin, Path(args.outdir), _configured(args, "kb"), today, codes)
    except (OSError, ValueError, PtvFormatError, PtvImportError) as error:
        print(f"kasvuopas kb import-ptv: {error}", file=sys.stderr)
        return 2
    print(report)
    return 0


def add_curation_commands(kb_commands: Any) -> None:
    """Add `gaps` and `import-ptv` to the `kb` sub-command parsers of `kasvuopas`."""
    gaps = kb_commands.add_parser("gaps", help="what the finder answered badly: the curator's digest")
    gaps.add_argument("--since", default="30d", help="period: 30d (default), 2w, 12h or a date 2026-11-01")
    gaps.add_argument("--db", help="the bot's SQLite file (default: KASVUOPAS_DB)")
    gaps.add_argument("--kb", help="knowledge-base folder (default: KASVUOPAS_KB)")
    gaps.add_argument("--json", action="store_true", help="print the digest as JSON")
    gaps.set_defaults(func=kb_gaps)
    ptv = kb_commands.add_parser("import-ptv", help="draft entries and a change report from the PTV service catalogue")
    ptv.add_argument("source", help="a saved PTV export (JSON); with --fetch, where to save the fetched one")
    ptv.add_argument("outdir", help="folder for the drafts and ptv-changes.txt (must not hold files of the same name)")
    ptv.add_argument(
        "--fetch", metavar="URL", help="fetch from this API address first (https://api.palvelutietovaranto.suomi.fi)"
    )
    ptv.add_argument(
        "--municipality", nargs="+", metavar="CODE", help="municipality codes (default: all of Etelä-Savo)"
    )
    ptv.add_argument("--kb", help="the curated knowledge-base folder to compare with (default: KASVUOPAS_KB)")
    ptv.set_defaults(func=kb_import_ptv)
