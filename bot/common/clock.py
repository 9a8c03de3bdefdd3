"""The one clock and the one stored time format.

Everything that needs the time takes a `Clock` (a function returning an aware UTC datetime), so
tests and benchmarks drive time themselves. This is the only module that reads the system time.
Times are stored as fixed-width ISO 8601 UTC text with milliseconds and an offset
(`2026-12-16T12:00:00.000+00:00`), which sorts and compares correctly as plain strings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real current time, aware and in UTC."""
    return datetime.now(UTC)


def to_stored_time(moment: datetime) -> str:
    """An aware datetime in the stored form; naive datetimes are refused (their zone is unknown)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give times with a time zone")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_stored_time(text: str) -> datetime:
    """The inverse of `to_stored_time`."""
    return datetime.fromisoformat(text).astimezone(UTC)


def optional_time(text: str | None) -> datetime | None:
    """A stored time that may be missing (NULL), as a datetime or None."""
    return from_stored_time(text) if text else None


def stored_now(clock: Clock) -> str:
    """The clock's current time in the stored form."""
    return to_stored_time(clock())
