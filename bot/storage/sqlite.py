"""Opening the one SQLite database: WAL, busy timeout, foreign keys, migrations applied."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from bot.domain.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 5000


def utc_clock() -> datetime:
    """The real current time, aware and in UTC (the default clock of everything that schedules)."""
    return datetime.now(UTC)


def to_stored_time(moment: datetime) -> str:
    """An aware datetime as the fixed-width UTC text the tables compare as strings."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give times with a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_stored_time(text: str) -> datetime:
    """The inverse of `to_stored_time` (also reads the seconds-only form of `utc_now`)."""
    return datetime.fromisoformat(text).astimezone(UTC)


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string, the form every table stores."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def open_database(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path` and bring its schema up to date."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: sqlite-utils and our `atomic` blocks manage transactions explicitly.
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    db = sqlite_utils.Database(conn)
    if str(path) != ":memory:":
        db.enable_wal()
    conn.execute("PRAGMA synchronous = NORMAL")
    MIGRATIONS.apply(db)
    return db


def database_ok(db: sqlite_utils.Database) -> bool:
    """True when the database answers a trivial query (used by the health check)."""
    try:
        return db.execute("SELECT 1").fetchone() == (1,)
    except sqlite3.Error:
        return False
