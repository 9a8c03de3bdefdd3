"""Curator's edits to the knowledge-base folder: an alias in its lexicon, a draft entry for a gap.

Both are checked before anything is replaced: the folder must load with the change, and a draft
never overwrites a file. Drafts go to `drafts/`, which the loader does not read.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import tomli_w

from bot.domain.curation import DISLIKED, LOW_CONFIDENCE, NO_RESULTS, Digest, GapLine
from knowledge.lexicon import BUNDLED_LEXICON, LEXICON_FILE
from knowledge.loader import load_knowledge_base
from knowledge.problems import read_toml
from knowledge.text import fold
from knowledge.trello_text import slug

DRAFTS = "drafts"  # under the knowledge-base folder; the loader reads only the folder's own *.toml
MAX_MEANING = 80
MAX_CANDIDATES = 15
_WORD = re.compile(r"[^\W\d_][\w&'-]*", re.UNICODE)
_TABLE = re.compile(r"^\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


class CurationRefused(Exception):
    """A change to the knowledge-base files was refused; `reason` names the text to show, `values` fill it."""

    def __init__(self, reason: str, **values: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


def alias_candidates(line: GapLine, existing: Iterable[str] = ()) -> list[str]:
    """What a coordinator may make an alias of: the line's words and word pairs, as advisers wrote them."""
    taken = {fold(key) for key in existing}
    found: dict[str, str] = {}
    for text in (line.question, *line.variants):
        words = [word.strip("-'") for word in _WORD.findall(text.lower())]
        words = [word for word in words if len(word) >= 3]
        for candidate in [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]:
            if fold(candidate) not in taken:
                found.setdefault(fold(candidate), candidate)
    return list(found.values())[:MAX_CANDIDATES]


def lexicon_path(folder: Path) -> Path:
    """The lexicon the folder uses: its own, else the bundled one."""
    own = folder / LEXICON_FILE
    return own if own.is_file() else BUNDLED_LEXICON


def alias_keys(folder: Path) -> list[str]:
    """The alias keys of the lexicon in use (empty when it cannot be read)."""
    data = read_toml(lexicon_path(folder), LEXICON_FILE)
    table = data.get("aliases") if isinstance(data, dict) else None
    return list(table) if isinstance(table, dict) else []


def _with_alias(text: str, entry: str) -> str | None:
    """`text` with `entry` after the last key of its [aliases] table, comments left in place."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, row in enumerate(lines) if (m := _TABLE.match(row.strip())) and m.group(1) == "aliases"]
    if len(starts) != 1:
        return None
    end = next((i for i in range(starts[0] + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
    last = starts[0]
    for i in range(starts[0] + 1, end):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            last = i
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, entry + "\n")
    return "".join(lines)


def _check_folder(folder: Path, lexicon_text: str, today: date) -> None:
    """Load the folder as it would be with this lexicon; CurationRefused names the first error."""
    with tempfile.TemporaryDirectory(prefix="kasvuopas-lexicon-") as scratch:
        for path in folder.glob("*.toml"):
            if path.name != LEXICON_FILE:
                shutil.copyfile(path, Path(scratch) / path.name)
        (Path(scratch) / LEXICON_FILE).write_text(lexicon_text, encoding="utf-8")
        kb = load_knowledge_base(Path(scratch), today)
    if kb.errors:
        raise CurationRefused("kb_invalid", problem=str(kb.errors[0]))


def add_alias(folder: Path, word: str, meaning: str, today: date) -> str | None:
    """Add `word = meaning` to the folder's lexicon (started from the bundled one if it has none).

    The file is replaced atomically, and only after the folder loaded with it. Returns the previous
    text of the folder's own lexicon (None: it had none), for `restore_lexicon` if the reload fails.
    """
    meaning = " ".join(meaning.split())
    if not meaning or len(meaning) > MAX_MEANING or not any(char.isalnum() for char in meaning):
        raise CurationRefused("meaning_invalid", limit=str(MAX_MEANING))
    if fold(meaning) == fold(word):
        raise CurationRefused("meaning_same", word=word)
    if fold(word) in {fold(key) for key in alias_keys(folder)}:
        raise CurationRefused("alias_exists", word=word)
    own = folder / LEXICON_FILE
    previous = own.read_text(encoding="utf-8") if own.is_file() else None
    source = previous if previous is not None else BUNDLED_LEXICON.read_text(encoding="utf-8")
    entry = f"{json.dumps(word, ensure_ascii=False)} = {json.dumps(meaning, ensure_ascii=False)}"
    text = _with_alias(source, entry)
    if text is None:
        raise CurationRefused("no_alias_table")
    _check_folder(folder, text, today)
    _replace(own, text)
    return previous


def restore_lexicon(folder: Path, previous: str | None) -> None:
    """Undo `add_alias`: the previous text back, or no lexicon of the folder's own."""
    own = folder / LEXICON_FILE
    if previous is None:
        own.unlink(missing_ok=True)
    else:
        _replace(own, previous)


def _replace(path: Path, text: str) -> None:
    scratch = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")  # not *.toml: never loaded
    try:
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, path)
    finally:
        scratch.unlink(missing_ok=True)


_WHY = {
    NO_RESULTS: "found nothing",
    DISLIKED: "got an answer marked not helpful (👎)",
    LOW_CONFIDENCE: "got an answer although the finder read no need from it",
}


def write_gap_draft(folder: Path, digest: Digest, line: GapLine, today: date) -> Path:
    """A draft service for a line's question in `<folder>/drafts/`, in the shape the Trello import writes."""
    base = slug(line.question)[:50].rstrip("-") or "kysymys"
    path = folder / DRAFTS / f"aukko-{base}.toml"
    if path.exists():
        raise CurationRefused("draft_exists", file=f"{DRAFTS}/{path.name}")
    period = f"{digest.since.date().isoformat()}–{digest.until.date().isoformat()}"
    notes = [f"From the gaps digest {period}: {line.count} question(s) {_WHY[line.kind]}.", f"Asked: {line.question}"]
    notes += [f"Also asked: {variant}" for variant in line.variants]
    if line.service_ids:
        notes.append(f"Services shown then: {', '.join(line.service_ids)}")
    words = [candidate for candidate in alias_candidates(line) if " " not in candidate]
    notes.append(f"Words advisers used (candidates for keywords_fi): {', '.join(words)}")
    content = {
        "provider": {
            "id": "tuntematon",
            "kind": "TODO",
            "municipalities": ["TODO"],
            "notes": "Draft from the gaps digest: which provider offers this? Move the service to its file.",
        },
        "service": [
            {"id": f"aukko-{base}", "needs": list(line.needs) or ["TODO"], "charge": "TODO", "notes": "\n".join(notes)}
        ],
    }
    header = [
        f"DRAFT from the Kasvuopas gaps digest on {today.isoformat()} - NOT REVIEWED.",
        "Find the service that answers this question, fill in the fields below and move the",
        "[[service]] table into its provider's file in the knowledge-base folder (or move this file",
        "there once the provider is filled in). `kasvuopas kb check` names each missing field.",
        "To fill in: provider name, kind, municipalities and a public contact (or move the service);",
        "service name_fi, name_en, summary_fi, summary_en, needs, link, source_url, last_reviewed, charge.",
    ]
    text = "".join(f"# {row}\n" for row in header) + "\n" + tomli_w.dumps(content, multiline_strings=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return path
