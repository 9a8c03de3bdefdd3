"""Opening the one SQLite database: WAL, busy timeout, foreign keys, migrations applied."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from bot.domain.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 5000


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
