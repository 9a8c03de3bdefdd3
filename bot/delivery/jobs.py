"""Scheduled jobs: reminders, deadlines and scheduled announcements as rows with a due time (UTC).

A job runs at least once: if the process stops after its handler ran but before the job was
marked done, the handler runs again on restart. Handlers therefore enqueue their messages with
idempotency keys derived from the job, which makes the second run a no-op.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.common.clock import Clock, from_stored_time, to_stored_time
from bot.storage.database import Database, Row


@dataclass(frozen=True)
class Job:
    """A job as read; its stored due time doubles as a version for the conditional marks."""

    id: int
    job_key: str
    kind: str
    due_at: datetime
    payload: dict[str, Any]
    status: str
    attempts: int
    last_error: str | None
    stored_due_at: str  # exactly as stored, to detect a reschedule that happened while the job ran


_COLUMNS = "id, job_key, kind, due_at, payload_json, status, attempts, last_error"


def _job(row: Row) -> Job:
    row_id, job_key, kind, due_at, payload_json, status, attempts, last_error = row
    payload = json.loads(payload_json or "{}")
    return Job(row_id, job_key, kind, from_stored_time(due_at), payload, status, attempts, last_error, due_at)


class JobStore:
    """Reads and writes the `jobs` table; all times come from the injected clock."""

    def __init__(self, db: Database, clock: Clock, on_change: Callable[[], None] | None = None) -> None:
        self._db = db
        self._clock = clock
        self._on_change = on_change

    def schedule(self, job_key: str, kind: str, due_at: datetime, payload: dict[str, Any]) -> bool:
        """Schedule a job, or move a pending (or revive a cancelled) one to `due_at` with this payload.

        Returns False, changing nothing, when the job already ran (done or failed): give a job that
        must run again a new key, e.g. one that names the new date.
        """
        due = to_stored_time(due_at)  # raises on a naive datetime
        now = to_stored_time(self._clock())
        payload_json = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        changed = self._db.execute(
            "INSERT INTO jobs (job_key, kind, due_at, payload_json, status, attempts, created_at)"
            " VALUES (?, ?, ?, ?, 'pending', 0, ?)"
            " ON CONFLICT(job_key) DO UPDATE SET kind = excluded.kind, payload_json = excluded.payload_json,"
            "   status = 'pending', last_error = NULL, done_at = NULL,"
            "   attempts = CASE WHEN jobs.status = 'pending' AND jobs.due_at = excluded.due_at"
            "     THEN jobs.attempts ELSE 0 END,"
            "   due_at = excluded.due_at"
            " WHERE jobs.status IN ('pending', 'cancelled')",
            [job_key, kind, due, payload_json, now],
        )
        scheduled = changed == 1
        if scheduled and self._on_change is not None:
            self._on_change()
        return scheduled

    def cancel(self, job_key: str) -> bool:
        """Cancel a pending job; True if there was one."""
        changed = self._db.execute(
            "UPDATE jobs SET status = 'cancelled', done_at = ? WHERE job_key = ? AND status = 'pending'",
            [to_stored_time(self._clock()), job_key],
        )
        return changed == 1

    def get(self, job_key: str) -> Job | None:
        """One job in any status, or None."""
        row = self._db.one(f"SELECT {_COLUMNS} FROM jobs WHERE job_key = ?", [job_key])
        return _job(row) if row else None

    def due(self, limit: int = 50) -> list[Job]:
        """Pending jobs whose due time has come, earliest first."""
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM jobs WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
            [to_stored_time(self._clock()), limit],
        )
        return [_job(row) for row in rows]

    def next_due_at(self) -> datetime | None:
        """When the earliest pending job is due, or None."""
        earliest = self._db.value("SELECT MIN(due_at) FROM jobs WHERE status = 'pending'")
        return from_stored_time(earliest) if earliest else None

    # The marks below apply only if the job is still pending at the due time it was run for, so a
    # reschedule or cancel that happened while its handler ran wins.

    def mark_done(self, job: Job) -> bool:
        """The handler succeeded."""
        return self._mark(job, "status = 'done', attempts = attempts + 1, done_at = ?", [to_stored_time(self._clock())])

    def mark_retry(self, job: Job, retry_at: datetime, error: str) -> bool:
        """The handler failed; run it again at `retry_at`."""
        return self._mark(job, "attempts = attempts + 1, last_error = ?, due_at = ?", [error, to_stored_time(retry_at)])

    def mark_failed(self, job: Job, error: str) -> bool:
        """Given up on the job; the reason stays in `last_error`."""
        return self._mark(
            job,
            "status = 'failed', attempts = attempts + 1, last_error = ?, done_at = ?",
            [error, to_stored_time(self._clock())],
        )

    def _mark(self, job: Job, assignments: str, values: list[Any]) -> bool:
        changed = self._db.execute(
            f"UPDATE jobs SET {assignments} WHERE id = ? AND status = 'pending' AND due_at = ?",
            [*values, job.id, job.stored_due_at],
        )
        return changed == 1
