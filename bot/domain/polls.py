"""Quick polls: checking the input, voting with database-enforced uniqueness, tallies, closing, CSV."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.common.clock import Clock, optional_time, stored_now, to_stored_time
from bot.common.helsinki_time import TimeInputError, parse_local_datetime
from bot.common.spreadsheet import excel_csv
from bot.domain.referral_store import new_code
from bot.storage.database import Database, Row

MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_QUESTION, MAX_OPTION = 200, 80
# The question and options as sent (JSON with every non-ASCII character escaped, an emoji 12 bytes):
# each option is on the card twice (button and tooltip), so this keeps the card well under its limit.
MAX_TEXT_BYTES = 3000
ANONYMITY_THRESHOLD = 3  # anonymous polls show per-option counts only from this many voters on
MAX_CODE = 16  # longer than any code: anything longer is not looked up at all


@dataclass
class PollInput:
    """What the creator typed or filled in."""

    question: str = ""
    options: list[str] = field(default_factory=list)
    anonymous: bool = True
    multiple: bool = False
    live_results: bool = True
    deadline: str = ""

    def as_form(self) -> dict[str, str]:
        """The values for refilling the form."""
        return {
            "question": self.question,
            "options": "\n".join(self.options),
            "anonymous": "true" if self.anonymous else "false",
            "multiple": "true" if self.multiple else "false",
            "live_results": "true" if self.live_results else "false",
            "deadline": self.deadline,
        }


@dataclass(frozen=True)
class Poll:
    """A stored poll; `code` names it in card payloads and commands, `id` stays internal."""

    id: int
    code: str
    conversation_id: str
    question: str
    options: list[str]
    anonymous: bool
    multiple: bool
    live_results: bool
    deadline: datetime | None
    status: str
    created_by: str
    created_by_name: str
    activity_id: str
    reference: dict[str, Any]

    @property
    def closed(self) -> bool:
        """True once closed by hand or by the deadline."""
        return self.status == "closed"


@dataclass(frozen=True)
class Tally:
    """The counts of a poll (and, for named polls, who voted what)."""

    counts: list[int]
    voters: int
    names: list[list[str]]  # per option; empty lists for anonymous polls


def hidden_reason(poll: Poll, tally: Tally) -> str | None:
    """Why the counts are not shown (a message key, `{minimum}` in it), or None when they are."""
    if not poll.live_results and not poll.closed:
        return "poll.hidden_live"
    if poll.anonymous and tally.voters < ANONYMITY_THRESHOLD:
        # A closed poll gets no more answers: its card must not promise results that will never come.
        return "poll.hidden_too_few" if poll.closed else "poll.hidden_anonymous"
    return None


class VoteRefused(Exception):
    """The vote was not recorded; the message key says why."""


def parse_quick(parts: list[str]) -> PollInput:
    """`Kysymys? ; vaihtoehto 1 ; vaihtoehto 2 ; …`."""
    return PollInput(question=parts[0] if parts else "", options=parts[1:])


def from_form(values: dict[str, Any]) -> PollInput:
    """The form's inputs (options one per line)."""

    def flag(name: str, default: bool) -> bool:
        value = str(values.get(name, "")).lower()
        return default if value == "" else value == "true"

    options = [line.strip() for line in str(values.get("options") or "").splitlines()]
    return PollInput(
        question=str(values.get("question") or ""),
        options=[option for option in options if option] if any(options) else [],
        anonymous=flag("anonymous", True),
        multiple=flag("multiple", False),
        live_results=flag("live_results", True),
        deadline=str(values.get("deadline") or "").strip(),
    )


def check(values: PollInput, now: datetime) -> tuple[datetime | None, dict[str, str]]:
    """The deadline (None = none) and the problems as message keys."""
    errors: dict[str, str] = {}
    question = values.question.strip()
    if not question:
        errors["question"] = "poll.error.question_missing"
    elif len(question) > MAX_QUESTION:
        errors["question"] = "poll.error.question_long"
    options = [option.strip() for option in values.options]
    if any(not option for option in options):
        errors["options"] = "poll.error.option_empty"
    elif len(options) < MIN_OPTIONS:
        errors["options"] = "poll.error.too_few"
    elif len(options) > MAX_OPTIONS:
        errors["options"] = "poll.error.too_many"
    elif len({option.casefold() for option in options}) != len(options):
        errors["options"] = "poll.error.duplicate"
    elif any(len(option) > MAX_OPTION for option in options):
        errors["options"] = "poll.error.option_long"
    elif len(json.dumps([question, *options])) > MAX_TEXT_BYTES:
        errors["options"] = "poll.error.too_big"
    deadline = None
    if values.deadline:
        try:
            deadline = parse_local_datetime(values.deadline, now)
            if deadline <= now:
                errors["deadline"] = "poll.error.deadline_past"
        except TimeInputError:
            errors["deadline"] = "poll.error.deadline"
    return deadline, errors


def _poll(row: Row, options: list[str]) -> Poll:
    return Poll(
        id=row["id"],
        code=row["code"],
        conversation_id=row["conversation_id"],
        question=row["question"],
        options=options,
        anonymous=bool(row["anonymous"]),
        multiple=bool(row["multiple"]),
        live_results=bool(row["live_results"]),
        deadline=optional_time(row["deadline"]),
        status=row["status"],
        created_by=row["created_by"] or "",
        created_by_name=row["created_by_name"] or "",
        activity_id=row["activity_id"] or "",
        reference=json.loads(row["reference_json"] or "{}"),
    )


class Polls:
    """The `polls`, `poll_options` and `poll_votes` tables."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(
        self, values: PollInput, deadline: datetime | None, conversation_id: str, creator: str, creator_name: str
    ) -> int:
        """Store a checked poll with a fresh public code; returns its id."""
        with self._db.transaction():
            code = new_code()
            while self._db.value("SELECT 1 FROM polls WHERE code = ?", [code]) is not None:
                code = new_code()
            poll_id = self._db.insert(
                "INSERT INTO polls (code, conversation_id, question, anonymous, multiple, live_results, deadline,"
                " status, created_by, created_by_name, created_at, voters, activity_id, reference_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, 0, '', '')",
                [
                    code,
                    conversation_id,
                    values.question.strip(),
                    int(values.anonymous),
                    int(values.multiple),
                    int(values.live_results),
                    to_stored_time(deadline) if deadline else None,
                    creator,
                    creator_name,
                    stored_now(self._clock),
                ],
            )
            for position, text in enumerate(values.options):
                self._db.execute(
                    "INSERT INTO poll_options (poll_id, position, text, votes) VALUES (?, ?, ?, 0)",
                    [poll_id, position, text.strip()],
                )
        return poll_id

    def get(self, poll_id: int) -> Poll | None:
        """One poll by its internal id, or None."""
        return self._with_options(self._db.one("SELECT * FROM polls WHERE id = ?", [poll_id]))

    def get_by_code(self, code: str) -> Poll | None:
        """One poll by its public code (as typed: case and spaces do not matter), or None."""
        code = code.strip().upper()
        if not code or len(code) > MAX_CODE:
            return None
        return self._with_options(self._db.one("SELECT * FROM polls WHERE code = ?", [code]))

    def _with_options(self, row: Row | None) -> Poll | None:
        if row is None:
            return None
        options = [
            text
            for (text,) in self._db.all(
                "SELECT text FROM poll_options WHERE poll_id = ? ORDER BY position", [row["id"]]
            )
        ]
        return _poll(row, options)

    def set_message(self, poll_id: int, activity_id: str, reference: dict[str, Any]) -> None:
        """Remember the shared card message, to update it as votes come in."""
        self._db.execute(
            "UPDATE polls SET activity_id = ?, reference_json = ? WHERE id = ?",
            [activity_id, json.dumps(reference, ensure_ascii=False), poll_id],
        )

    def vote(
        self, poll: Poll, voter: str, voter_name: str, position: int, conversation_id: str, voter_id: str = ""
    ) -> list[int]:
        """Record a tap; single choice moves the vote, multiple choice toggles. Returns the voter's choices.

        Raises VoteRefused (closed poll, no such option, another conversation's poll).
        """
        if poll.closed:
            raise VoteRefused("poll.refused.closed")
        if not 0 <= position < len(poll.options):
            raise VoteRefused("poll.refused.no_option")
        if conversation_id != poll.conversation_id:
            raise VoteRefused("poll.refused.other_conversation")
        now = stored_now(self._clock)
        with self._db.transaction():
            held = self.choices_of(poll.id, voter)
            if poll.multiple and position in held:
                self._db.execute(
                    "DELETE FROM poll_votes WHERE poll_id = ? AND voter_aad_id = ? AND position = ?",
                    [poll.id, voter, position],
                )
                self._count(poll.id, position, -1, voters=-1 if len(held) == 1 else 0)
            elif poll.multiple:
                self._insert_vote(poll, voter, voter_id, voter_name, position, now)
                self._count(poll.id, position, +1, voters=+1 if not held else 0)
            elif held and held[0] != position:
                self._db.execute(
                    "UPDATE poll_votes SET position = ?, voted_at = ?, voter_name = ?"
                    " WHERE poll_id = ? AND voter_aad_id = ?",
                    [position, now, voter_name, poll.id, voter],
                )
                self._count(poll.id, held[0], -1)
                self._count(poll.id, position, +1)
            elif not held:
                self._insert_vote(poll, voter, voter_id, voter_name, position, now)
                self._count(poll.id, position, +1, voters=+1)
        return self.choices_of(poll.id, voter)

    def _count(self, poll_id: int, position: int, change: int, voters: int = 0) -> None:
        # The counters change in the same transaction as the vote rows, so they always agree with them.
        self._db.execute(
            "UPDATE poll_options SET votes = votes + ? WHERE poll_id = ? AND position = ?", [change, poll_id, position]
        )
        if voters:
            self._db.execute("UPDATE polls SET voters = voters + ? WHERE id = ?", [voters, poll_id])

    def _insert_vote(self, poll: Poll, voter: str, voter_id: str, voter_name: str, position: int, now: str) -> None:
        self._db.execute(
            "INSERT INTO poll_votes (poll_id, voter_aad_id, voter_id, voter_name, position, single, voted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [poll.id, voter, voter_id, voter_name, position, int(not poll.multiple), now],
        )

    def choices_of(self, poll_id: int, voter: str) -> list[int]:
        """The options a voter has chosen."""
        rows = self._db.all(
            "SELECT position FROM poll_votes WHERE poll_id = ? AND voter_aad_id = ? ORDER BY position",
            [poll_id, voter],
        )
        return [position for (position,) in rows]

    def tally(self, poll: Poll) -> Tally:
        """Votes per option and the number of people who voted (names only for named polls)."""
        counts = [0] * len(poll.options)
        for position, votes in self._db.all("SELECT position, votes FROM poll_options WHERE poll_id = ?", [poll.id]):
            counts[position] = votes
        names: list[list[str]] = [[] for _ in poll.options]
        if not poll.anonymous:
            for position, name in self._db.all(
                "SELECT position, voter_name FROM poll_votes WHERE poll_id = ? ORDER BY voted_at, id", [poll.id]
            ):
                names[position].append(name)
        voters = int(self._db.value("SELECT voters FROM polls WHERE id = ?", [poll.id]) or 0)
        return Tally(counts, voters, names)

    def recent_voter_ids(self, poll_id: int, limit: int = 60) -> list[str]:
        """Teams ids of the latest voters (the card asks Teams to fetch a personal view for them)."""
        rows = self._db.all(
            "SELECT voter_id FROM poll_votes WHERE poll_id = ? ORDER BY voted_at DESC, id DESC LIMIT ?",
            [poll_id, limit * 3],  # a multiple-choice voter may hold several rows
        )
        recent = dict.fromkeys(voter_id for (voter_id,) in rows if voter_id)
        return list(recent)[:limit]

    def close(self, poll_id: int) -> bool:
        """Close the poll; False if it was already closed."""
        closed = self._db.execute(
            "UPDATE polls SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'",
            [stored_now(self._clock), poll_id],
        )
        return closed == 1

    def csv(self, poll: Poll, labels: CsvLabels) -> bytes:
        """The results for Finnish Excel: counts (blank while hidden), names for named polls only."""
        tally = self.tally(poll)
        hidden = hidden_reason(poll, tally) is not None
        header: list[str | int] = [labels.option, labels.votes, *([] if poll.anonymous else [labels.names])]
        rows: list[list[str | int]] = [[labels.question, poll.question], [labels.voters, tally.voters], [], header]
        for position, option in enumerate(poll.options):
            row: list[str | int] = [option, "" if hidden else tally.counts[position]]
            if not poll.anonymous:
                # Who chose what would give the hidden counts away, so the names wait with them.
                row.append("" if hidden else ", ".join(tally.names[position]))
            rows.append(row)
        return excel_csv(rows)


@dataclass(frozen=True)
class CsvLabels:
    """The CSV's headers in the reader's language."""

    question: str
    voters: str
    option: str
    votes: str
    names: str
