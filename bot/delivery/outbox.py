"""The durable outbox: one row per (message, target), written before anything is sent.

(The report of what happened to the rows is `bot.delivery.report`.)

Rows move pending → sending → sent | failed | inactive | unknown (see `DeliveryEngine` for who
moves them). Updates of one posted message are coalesced: at most one pending update row per
(conversation, message), whose payload a newer update replaces.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.common.clock import Clock, from_stored_time, to_stored_time
from bot.delivery.report import (
    INTERRUPTED,
    SEND,
    STATUSES,
    SUPERSEDED,
    UPDATE,
    DeliveryReport,
    outcome,
)
from bot.storage.database import Database


@dataclass(frozen=True)
class DueRow:
    """The few columns needed to decide whether a due row may be sent now."""

    id: int
    conversation_id: str


@dataclass(frozen=True)
class OutboxRow:
    """A claimed row: everything the transport needs."""

    id: int
    group_key: str
    operation: str
    conversation_id: str
    reference: dict[str, Any]
    activity: dict[str, Any]
    activity_id: str | None
    attempts: int


@dataclass(frozen=True)
class SentCopy:
    """A message that reached a target, for updating it in place later."""

    conversation_id: str
    reference: dict[str, Any]
    activity_id: str


def _update_key_prefix(conversation_id: str, activity_id: str) -> str:
    # '|' never occurs in Teams ids, so the prefix names exactly one message and a range scan
    # over the unique idempotency_key index finds its update rows without another index.
    return f"update|{conversation_id}|{activity_id}|"


class Outbox:
    """Reads and writes the `outbox` table; all times come from the injected clock."""

    def __init__(self, db: Database, clock: Clock, on_enqueue: Callable[[], None] | None = None) -> None:
        self._db = db
        self._clock = clock
        self._on_enqueue = on_enqueue

    def _notify(self) -> None:
        if self._on_enqueue is not None:
            self._on_enqueue()

    def enqueue_send(
        self,
        group_key: str,
        idempotency_key: str,
        conversation_id: str,
        reference: dict[str, Any],
        activity: dict[str, Any],
        not_before: datetime | None = None,
        operation: str = SEND,
    ) -> int | None:
        """Queue a new message to one target; returns the row id, or None when the key was already queued."""
        if operation == UPDATE:
            raise ValueError("use enqueue_update for updates")
        now = self._clock()
        inserted = self._db.execute(
            "INSERT INTO outbox (idempotency_key, group_key, operation, conversation_id, reference_json,"
            " payload_json, status, attempts, next_attempt_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING",
            [
                idempotency_key,
                group_key,
                operation,
                conversation_id,
                json.dumps(reference, ensure_ascii=False),
                json.dumps(activity, ensure_ascii=False),
                to_stored_time(not_before or now),
                to_stored_time(now),
            ],
        )
        if inserted != 1:
            return None
        self._notify()
        return self.row_id(idempotency_key)

    def enqueue_update(
        self,
        group_key: str,
        conversation_id: str,
        reference: dict[str, Any],
        activity_id: str,
        activity: dict[str, Any],
        min_interval: float = 1.0,
    ) -> int:
        """Queue new content for a posted message, coalescing with a pending update of the same message.

        The row is not due before the last successful update of that message plus `min_interval`
        seconds, so a burst of votes becomes about one update a second per message. Returns the row id.
        """
        now = self._clock()
        prefix = _update_key_prefix(conversation_id, activity_id)
        in_range = "idempotency_key >= ? AND idempotency_key < ?"
        bounds = [prefix, prefix[:-1] + chr(ord("|") + 1)]
        reference_json, payload_json = (
            json.dumps(reference, ensure_ascii=False),
            json.dumps(activity, ensure_ascii=False),
        )
        with self._db.transaction():
            pending = self._db.one(f"SELECT id FROM outbox WHERE {in_range} AND status = 'pending'", bounds)
            if pending:
                self._db.execute(
                    "UPDATE outbox SET payload_json = ?, reference_json = ?, group_key = ? WHERE id = ?",
                    [payload_json, reference_json, group_key, pending[0]],
                )
                return int(pending[0])  # its due time is unchanged: no need to wake the engine
            else:
                counts = self._db.one(
                    f"SELECT MAX(CASE WHEN status = 'sent' THEN finished_at END),"
                    f" COUNT(CASE WHEN status = 'sending' THEN 1 END) FROM outbox WHERE {in_range}",
                    bounds,
                )
                last_sent, in_flight = counts if counts is not None else (None, 0)
                interval = timedelta(seconds=min_interval)
                not_before = now
                if last_sent:
                    not_before = max(not_before, from_stored_time(last_sent) + interval)
                if in_flight:  # the update being sent now counts as sent now
                    not_before = max(not_before, now + interval)
                row_id = self._db.insert(
                    "INSERT INTO outbox (idempotency_key, group_key, operation, conversation_id, reference_json,"
                    " payload_json, activity_id, status, attempts, next_attempt_at, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
                    [
                        f"{prefix}{uuid.uuid4().hex}",
                        group_key,
                        UPDATE,
                        conversation_id,
                        reference_json,
                        payload_json,
                        activity_id,
                        to_stored_time(not_before),
                        to_stored_time(now),
                    ],
                )
        self._notify()
        return row_id

    def recover_interrupted(self) -> int:
        """After a restart: sends left in `sending` become `unknown` (never resent); updates resume.

        Returns how many sends became `unknown`.
        """
        now = to_stored_time(self._clock())
        with self._db.transaction():
            unknown = self._db.execute(
                "UPDATE outbox SET status = 'unknown', finished_at = ?, last_error = ?"
                " WHERE status = 'sending' AND operation != ?",
                [now, INTERRUPTED, UPDATE],
            )
            # Replacing a message's content twice is harmless, so an interrupted update is retried,
            # unless a newer update of the same message is already waiting.
            self._db.execute(
                "UPDATE outbox SET status = 'unknown', finished_at = ?, last_error = ?"
                " WHERE status = 'sending' AND operation = ? AND EXISTS (SELECT 1 FROM outbox AS newer"
                " WHERE newer.status = 'pending' AND newer.operation = outbox.operation"
                " AND newer.conversation_id = outbox.conversation_id AND newer.activity_id = outbox.activity_id)",
                [now, SUPERSEDED, UPDATE],
            )
            self._db.execute(
                "UPDATE outbox SET status = 'pending' WHERE status = 'sending' AND operation = ?", [UPDATE]
            )
        return unknown

    def due_rows(self, limit: int) -> list[DueRow]:
        """Pending rows whose time has come, oldest first."""
        rows = self._db.all(
            "SELECT id, conversation_id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
            " ORDER BY next_attempt_at, id LIMIT ?",
            [to_stored_time(self._clock()), limit],
        )
        return [DueRow(row_id, conversation_id) for row_id, conversation_id in rows]

    def next_due_at(self) -> datetime | None:
        """When the earliest pending row becomes due, or None when nothing is pending."""
        earliest = self._db.value("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
        return from_stored_time(earliest) if earliest else None

    def claim(self, row_id: int) -> OutboxRow | None:
        """Mark a pending row `sending` (committed before the transport is called); None if already taken."""
        with self._db.transaction():
            taken = self._db.execute(
                "UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'",
                [row_id],
            )
            if taken != 1:
                return None
            row = self._db.one(
                "SELECT id, group_key, operation, conversation_id, reference_json, payload_json, activity_id, attempts"
                " FROM outbox WHERE id = ?",
                [row_id],
            )
        if row is None:
            return None
        return OutboxRow(
            id=row[0],
            group_key=row[1] or "",
            operation=row[2],
            conversation_id=row[3],
            reference=json.loads(row[4] or "{}"),
            activity=json.loads(row[5]),
            activity_id=row[6],
            attempts=row[7],
        )

    def mark_sent(self, row_id: int, activity_id: str | None) -> None:
        """The target has the message; remember the id Teams gave it (sends) or keep the updated one."""
        self._db.execute(
            "UPDATE outbox SET status = 'sent', activity_id = COALESCE(?, activity_id), finished_at = ? WHERE id = ?",
            [activity_id, to_stored_time(self._clock()), row_id],
        )

    def mark_retry(self, row_id: int, retry_at: datetime, error: str) -> None:
        """Back to `pending`, not before `retry_at`; an update that a newer one replaced meanwhile is dropped."""
        with self._db.transaction():
            # Retrying it would put stale content on the card after the newer update.
            newer = self._db.one(
                "SELECT 1 FROM outbox AS failed JOIN outbox AS newer ON newer.operation = failed.operation"
                " AND newer.conversation_id = failed.conversation_id AND newer.activity_id = failed.activity_id"
                " AND newer.status = 'pending' AND newer.id != failed.id WHERE failed.id = ? AND failed.operation = ?",
                [row_id, UPDATE],
            )
            if newer:
                self._finish(row_id, "failed", SUPERSEDED)
                return
            self._db.execute(
                "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
                [to_stored_time(retry_at), error, row_id],
            )

    def mark_failed(self, row_id: int, error: str) -> None:
        """Given up: reported with `error`."""
        self._finish(row_id, "failed", error)

    def mark_inactive(self, row_id: int, error: str) -> None:
        """The target can no longer be reached (bot removed or blocked)."""
        self._finish(row_id, "inactive", error)

    def _finish(self, row_id: int, status: str, error: str) -> None:
        self._db.execute(
            "UPDATE outbox SET status = ?, last_error = ?, finished_at = ? WHERE id = ?",
            [status, error, to_stored_time(self._clock()), row_id],
        )

    def status(self, idempotency_key: str) -> str | None:
        """The status of one row, or None when no row has that key."""
        status: str | None = self._db.value("SELECT status FROM outbox WHERE idempotency_key = ?", [idempotency_key])
        return status

    def row_id(self, idempotency_key: str) -> int | None:
        """The id of the row with that key, or None."""
        row_id: int | None = self._db.value("SELECT id FROM outbox WHERE idempotency_key = ?", [idempotency_key])
        return row_id

    def sent_copies(self, group_key: str, key_prefix: str = "") -> list[SentCopy]:
        """Sent messages of a group (only those whose idempotency key starts with `key_prefix`), to update later."""
        rows = self._db.all(
            "SELECT conversation_id, reference_json, activity_id FROM outbox"
            " WHERE group_key = ? AND operation = ? AND status = 'sent' AND activity_id IS NOT NULL"
            " AND substr(idempotency_key, 1, ?) = ? ORDER BY id",
            [group_key, SEND, len(key_prefix), key_prefix],
        )
        return [
            SentCopy(conversation_id, json.loads(reference or "{}"), activity)
            for conversation_id, reference, activity in rows
        ]

    def status_counts(self, since: datetime) -> dict[str, int]:
        """Rows waiting or being sent now, and rows finished since `since`, by status."""
        rows = self._db.all(
            "SELECT status, COUNT(*) FROM outbox WHERE status IN ('pending', 'sending') OR finished_at >= ?"
            " GROUP BY status",
            [to_stored_time(since)],
        )
        return {status: count for status, count in rows}

    def report(self, group_key: str) -> DeliveryReport:
        """Counts per status and one line per target, with a readable reason for anything not plainly sent."""
        rows = self._db.all(
            "SELECT conversation_id, operation, status, attempts, last_error, activity_id, finished_at"
            " FROM outbox WHERE group_key = ? ORDER BY id",
            [group_key],
        )
        targets = [outcome(*row) for row in rows]
        counts = dict.fromkeys(STATUSES, 0)
        for target in targets:
            counts[target.status] = counts.get(target.status, 0) + 1
        return DeliveryReport(group_key, counts, targets)
