"""Delivery reports: what happened to each row of a fan-out, with a reason people can read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.common.clock import from_stored_time

SEND = "send"  # a new message; the transport may define other kinds of new message (e.g. opening a 1:1 chat)
UPDATE = "update"  # new content for a posted message; the only operation that is coalesced and repeatable
OPEN_PERSONAL = "personal"  # a new message in a 1:1 chat that the transport first opens
STATUSES = ("pending", "sending", "sent", "failed", "inactive", "unknown")
INTERRUPTED = "interrupted"  # last_error of a send found in `sending` at start-up
SUPERSEDED = "superseded"  # last_error of an interrupted or failed update that a newer one replaces


@dataclass(frozen=True)
class TargetOutcome:
    """What happened to one row of a delivery."""

    conversation_id: str
    operation: str
    status: str
    cause: str  # "", throttled, blocked, removed, rejected, error, interrupted or superseded: for localised cards
    retries: int  # transport calls after the first
    reason: str  # in English, for logs and as a fallback text
    activity_id: str | None
    finished_at: datetime | None


@dataclass(frozen=True)
class DeliveryReport:
    """Counts per status (every status present) and one outcome per row, in enqueue order."""

    group_key: str
    counts: dict[str, int]
    targets: list[TargetOutcome]

    @property
    def finished(self) -> bool:
        """True when nothing is waiting or being sent."""
        return self.counts["pending"] + self.counts["sending"] == 0


def _cause(last_error: str | None) -> str:
    if not last_error:
        return ""
    if last_error in (INTERRUPTED, SUPERSEDED):
        return last_error
    match = re.match(r"HTTP (\d+)", last_error)
    code = int(match[1]) if match else 0
    return {429: "throttled", 403: "blocked", 404: "removed", 400: "rejected", 413: "rejected"}.get(code, "error")


def _times(count: int) -> str:
    return f"{count} time" if count == 1 else f"{count} times"


def _reason(status: str, operation: str, cause: str, attempts: int, last_error: str) -> str:
    retries = max(attempts - 1, 0)
    if status == "sent":
        if not retries:
            return ""
        return (
            f"throttled, retried {_times(retries)}"
            if cause == "throttled"
            else f"retried {_times(retries)} after {last_error}"
        )
    if status == "pending":
        if not attempts:
            return "waiting"
        return (
            f"throttled, will retry (tried {_times(attempts)})"
            if cause == "throttled"
            else f"will retry after {last_error}"
        )
    if status == "sending":
        return "sending now"
    if status == "inactive":
        return "blocked by the user" if cause == "blocked" else "bot removed from the conversation"
    if status == "unknown":
        if cause == SUPERSEDED:
            return "process stopped while updating; a newer update follows"
        return "process stopped while sending; check the channel"
    if cause == SUPERSEDED:
        return "replaced by a newer update"
    if cause == "removed" and operation == UPDATE:
        return "the message or its conversation no longer exists"
    if cause == "rejected":
        return f"rejected by Teams: {last_error}"
    return f"failed after {_times(attempts).replace('time', 'attempt')}: {last_error}"


def outcome(
    conversation_id: str,
    operation: str,
    status: str,
    attempts: int,
    last_error: str | None,
    activity_id: str | None,
    finished_at: str | None,
) -> TargetOutcome:
    """One row of the report."""
    cause = _cause(last_error)
    return TargetOutcome(
        conversation_id=conversation_id,
        operation=operation,
        status=status,
        cause=cause,
        retries=max(attempts - 1, 0),
        reason=_reason(status, operation, cause, attempts, last_error or ""),
        activity_id=activity_id,
        finished_at=from_stored_time(finished_at) if finished_at else None,
    )
