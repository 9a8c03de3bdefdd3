"""The curator's gaps digest: what the finder answered badly over a period, grouped, never who asked.

Four kinds of gap, all read from the `searches` and `search_feedback` tables:
- questions that found nothing (`results_json` is `[]`);
- answers marked 👎 in the period, with their question and the services shown;
- low-confidence answers: services were shown although the finder read no need from the question
  (`needs_json` is `[]`), so the answer rests on word matches alone. Searches from before needs were
  stored (`needs_json` NULL) are left out rather than guessed. (The finder's top score is not stored;
  a `top_score` column would allow a score threshold as well.)
- services of the knowledge base that were in no answer at all.
Near-identical questions (same words after folding case and ä/ö, word order or a typo apart) are one
line. A digest is stored as a snapshot, so that a card's buttons name a line of it, never free text.
"""

from __future__ import annotations

import json
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from rapidfuzz import fuzz, process

from bot.common.clock import Clock, from_stored_time, to_stored_time
from bot.domain.identifiers import find_personal_ids
from bot.storage.database import Database
from bot.storage.state_store import StateStore
from knowledge.text import fold

NO_RESULTS, DISLIKED, LOW_CONFIDENCE = "no_results", "disliked", "low_confidence"
KINDS = (NO_RESULTS, DISLIKED, LOW_CONFIDENCE)
_PREFIX = {NO_RESULTS: "n", DISLIKED: "d", LOW_CONFIDENCE: "l"}
SIMILAR = 88  # token_sort_ratio from which two questions are one line ("kahvilan rahoitus" ~ "rahoitus kahvila")
MAX_VARIANTS = 3  # other wordings kept with a line
MAX_LINES = 500  # per kind: a snapshot stays small however long the period
SNAPSHOT_PREFIX = "curator/digest/"
SNAPSHOT_DAYS = 90  # older snapshots are removed; their cards then ask for a fresh digest
_NON_WORD = re.compile(r"[^\w]+")
PERSONAL_ID_MASK = "[henkilötunnus]"


def normalise(question: str) -> str:
    """The question as grouping compares it: lower case, no ä/ö, words only."""
    return _NON_WORD.sub(" ", fold(question)).strip()


@dataclass(frozen=True)
class GapLine:
    """One line of the digest: a question (and its near-identical wordings) and what went wrong."""

    id: str  # unique in its digest: kind letter + position, e.g. "n3"
    kind: str
    question: str  # the commonest wording, the latest on a tie
    count: int  # searches (for 👎: votes) grouped in the line
    variants: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # what the finder read, commonest first
    service_ids: tuple[str, ...] = ()  # for 👎: the services that were shown, commonest first
    last_asked: str = ""  # stored time


@dataclass(frozen=True)
class Digest:
    """The gaps of one period."""

    since: datetime
    until: datetime
    searches: int
    no_results: tuple[GapLine, ...] = ()
    disliked: tuple[GapLine, ...] = ()
    low_confidence: tuple[GapLine, ...] = ()
    never_shown: tuple[str, ...] = ()  # service ids, in knowledge-base order
    services: int = 0  # services in the knowledge base when the digest was made

    def lines(self, kind: str) -> tuple[GapLine, ...]:
        """The lines of one kind."""
        lines: tuple[GapLine, ...] = getattr(self, kind)
        return lines

    def line(self, line_id: str) -> GapLine | None:
        """The line with this id, or None."""
        return next((line for kind in KINDS for line in self.lines(kind) if line.id == line_id), None)

    @property
    def empty(self) -> bool:
        """True when there is nothing to look at."""
        return not (self.no_results or self.disliked or self.low_confidence or self.never_shown)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON (no user ids exist in a digest to leave out)."""
        data = asdict(self)
        data["since"], data["until"] = to_stored_time(self.since), to_stored_time(self.until)
        return data

    @staticmethod
    def from_json(data: dict[str, Any]) -> Digest:
        """The inverse of `to_json`."""

        def lines(kind: str) -> tuple[GapLine, ...]:
            listed = ("variants", "needs", "service_ids")  # JSON lists back to tuples
            return tuple(
                GapLine(**{**item, **{key: tuple(item.get(key) or ()) for key in listed}}) for item in data[kind]
            )

        return Digest(
            since=from_stored_time(data["since"]),
            until=from_stored_time(data["until"]),
            searches=int(data["searches"]),
            no_results=lines(NO_RESULTS),
            disliked=lines(DISLIKED),
            low_confidence=lines(LOW_CONFIDENCE),
            never_shown=tuple(data.get("never_shown") or ()),
            services=int(data.get("services") or 0),
        )


@dataclass
class _Asked:
    question: str
    asked_at: str
    needs: list[str] = field(default_factory=list)
    service_ids: list[str] = field(default_factory=list)


@dataclass
class _Group:
    key: str
    asked: list[_Asked] = field(default_factory=list)


def _group_questions(asked: Sequence[_Asked]) -> list[_Group]:
    """Near-identical questions together, the biggest group first."""
    exact: dict[str, _Group] = {}
    for item in asked:
        key = normalise(item.question) or item.question.strip().lower()
        exact.setdefault(key, _Group(key)).asked.append(item)
    merged: list[_Group] = []
    keys: list[str] = []
    for group in sorted(exact.values(), key=lambda g: (-len(g.asked), g.key)):
        found = process.extractOne(group.key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR)
        if found is None:
            merged.append(group)
            keys.append(group.key)
        else:
            merged[found[2]].asked.extend(group.asked)
    merged.sort(key=lambda g: _latest(g.asked).asked_at, reverse=True)  # stable: the newest first on a tie
    return sorted(merged, key=lambda g: -len(g.asked))


def _latest(asked: list[_Asked]) -> _Asked:
    return max(asked, key=lambda item: item.asked_at)


def _commonest(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(value for value, _ in Counter(values).most_common())


def _line(kind: str, position: int, group: _Group) -> GapLine:
    wordings = Counter(item.question.strip() for item in group.asked)
    latest = _latest(group.asked)
    question = max(wordings, key=lambda text: (wordings[text], text == latest.question.strip()))
    return GapLine(
        id=f"{_PREFIX[kind]}{position}",
        kind=kind,
        question=question,
        count=len(group.asked),
        variants=tuple(text for text, _ in wordings.most_common() if text != question)[:MAX_VARIANTS],
        needs=_commonest(need for item in group.asked for need in item.needs),
        service_ids=_commonest(service for item in group.asked for service in item.service_ids[:3]),
        last_asked=latest.asked_at,
    )


def _lines(kind: str, asked: Sequence[_Asked]) -> tuple[GapLine, ...]:
    return tuple(_line(kind, index, group) for index, group in enumerate(_group_questions(asked)[:MAX_LINES], 1))


def _masked(question: object) -> str:
    """The question without personal identity codes: one typed by mistake is not passed on."""
    text = str(question)
    for start, end in reversed(find_personal_ids(text)):
        text = text[:start] + PERSONAL_ID_MASK + text[end:]
    return text


def _json_list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    value = json.loads(text or "[]")
    return [str(item) for item in value] if isinstance(value, list) else []


def build_digest(db: Database, since: datetime, until: datetime, service_ids: Sequence[str]) -> Digest:
    """The gaps of the period [since, until); `service_ids` is the knowledge base's service list."""
    start, end = to_stored_time(since), to_stored_time(until)
    rows = db.all(
        "SELECT id, question, asked_at, results_json, needs_json FROM searches"
        " WHERE asked_at >= ? AND asked_at < ? ORDER BY asked_at, id",
        [start, end],
    )
    disliked_ids = {
        int(row[0])
        for row in db.all(
            "SELECT DISTINCT search_id FROM search_feedback WHERE helpful = 0 AND given_at >= ? AND given_at < ?",
            [start, end],
        )
    }
    nothing: list[_Asked] = []
    weak: list[_Asked] = []
    shown: set[str] = set()
    for search_id, question, asked_at, results_json, needs_json in rows:
        results, needs = _json_list(results_json) or [], _json_list(needs_json)
        shown.update(results)
        item = _Asked(_masked(question), str(asked_at), needs or [], results)
        if not results:
            nothing.append(item)
        elif needs == [] and int(search_id) not in disliked_ids:
            weak.append(item)
    disliked = _disliked(db, start, end)
    never = tuple(service for service in service_ids if service not in shown) if rows else ()
    return Digest(
        since=since,
        until=until,
        searches=len(rows),
        no_results=_lines(NO_RESULTS, nothing),
        disliked=_lines(DISLIKED, disliked),
        low_confidence=_lines(LOW_CONFIDENCE, weak),
        never_shown=never,
        services=len(service_ids),
    )


def _disliked(db: Database, start: str, end: str) -> list[_Asked]:
    """One item per 👎 given in the period (a later 👍 by the same person replaced it), with its question."""
    rows = db.all(
        "SELECT s.question, s.asked_at, s.results_json, s.needs_json FROM search_feedback f"
        " JOIN searches s ON s.id = f.search_id"
        " WHERE f.helpful = 0 AND f.given_at >= ? AND f.given_at < ? ORDER BY f.given_at",
        [start, end],
    )
    return [
        _Asked(_masked(question), str(asked_at), _json_list(needs_json) or [], _json_list(results_json) or [])
        for question, asked_at, results_json, needs_json in rows
    ]


class DigestStore:
    """Digest snapshots in the key/value `bot_state` table, named by an unguessable token."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._state = StateStore(db, clock)

    def save(self, digest: Digest, token: str | None = None) -> str:
        """Store a digest; returns its token (a given one makes a re-run replace its own snapshot)."""
        token = token or secrets.token_urlsafe(12)
        self._state.write(SNAPSHOT_PREFIX + token, json.dumps(digest.to_json(), ensure_ascii=False), None)
        cutoff = to_stored_time(self._clock() - timedelta(days=SNAPSHOT_DAYS))
        self._db.execute(
            "DELETE FROM bot_state WHERE key >= ? AND key < ? AND updated_at < ?",
            [SNAPSHOT_PREFIX, SNAPSHOT_PREFIX[:-1] + chr(ord("/") + 1), cutoff],
        )
        return token

    def get(self, token: object) -> Digest | None:
        """The stored digest, or None for an unknown, removed or malformed token."""
        if not isinstance(token, str) or not token or len(token) > 64:
            return None
        found = self._state.read([SNAPSHOT_PREFIX + token]).get(SNAPSHOT_PREFIX + token)
        if found is None:
            return None
        try:
            return Digest.from_json(json.loads(found.value_json))
        except (ValueError, KeyError, TypeError):
            return None


# ---- turning a line into an alias or a draft ------------------------------------------------------
