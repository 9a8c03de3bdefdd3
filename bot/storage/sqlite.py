"""The SQLite backend: one file, WAL, busy timeout, foreign keys, migrations applied on open.

sqlite-utils is the driver underneath (and what operators use to look at the file); the stores
only see the `Database` interface.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import sqlite_utils

from bot.common.clock import Clock, system_clock
from bot.storage.checkpoint import CHECKPOINT_INTERVAL, BackgroundCheckpoints
from bot.storage.database import Params, Row
from bot.storage.migrations import apply_migrations

BUSY_TIMEOUT_MS = 5000


class SqliteDatabase:
    """The `Database` interface over one SQLite connection (the bot runs one event loop, one connection)."""

    dialect = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are opened explicitly by `transaction()`.
        self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self.driver = sqlite_utils.Database(self._conn)
        if self.path != ":memory:":
            self.driver.enable_wal()
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._depth = 0
        self._checkpoints: BackgroundCheckpoints | None = None

    def checkpoint_in_background(self, interval: float = CHECKPOINT_INTERVAL) -> None:
        """Checkpoint the WAL from a thread of its own, not on the commit that fills it (see checkpoint.py)."""
        if self.path == ":memory:" or self._checkpoints is not None:
            return
        self._conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._checkpoints = BackgroundCheckpoints(self.path, interval)
        self._checkpoints.start()

    def _cursor(self, sql: str, params: Params) -> sqlite3.Cursor:
        cursor = self._conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params)

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run a statement; returns how many rows it changed."""
        return self._cursor(sql, params).rowcount

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT; returns the new row's id."""
        row_id = self._cursor(sql, params).lastrowid
        if row_id is None:
            raise sqlite3.DatabaseError("the statement inserted no row")
        return row_id

    def one(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a query, or None."""
        return cast(Row | None, self._cursor(sql, params).fetchone())

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row of a query."""
        return cast(list[Row], self._cursor(sql, params).fetchall())

    def value(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None."""
        row = self._conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT (a savepoint when nested); rolled back on any exception."""
        if self._depth:
            name = f"nested_{self._depth}"
            self._conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
                raise
            else:
                self._conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        # IMMEDIATE takes the write lock up front, so a reader never has to upgrade (and deadlock).
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def run_script(self, script: str) -> None:
        """Run several statements in order (migrations), inside the caller's transaction."""
        statement = ""
        for line in script.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self._conn.execute(statement)
                statement = ""
        if statement.strip() and not _only_comments(statement):
            raise sqlite3.DatabaseError(f"incomplete SQL statement at the end of the script: {statement.strip()[:80]}")

    def has_table(self, name: str) -> bool:
        """True when the table exists."""
        return self.value("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) is not None

    def ok(self) -> bool:
        """True when the database answers a trivial query."""
        try:
            return bool(self.value("SELECT 1") == 1)
        except sqlite3.Error:
            return False

    def close(self) -> None:
        """Close the connection (after the background checkpoints, if any, have stopped)."""
        if self._checkpoints is not None:
            self._checkpoints.stop()
            self._checkpoints = None
        self._conn.close()


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def open_database(path: Path | str, clock: Clock = system_clock) -> SqliteDatabase:
    """Open (creating if needed) the database at `path` and bring its schema up to date."""
    db = SqliteDatabase(path)
    apply_migrations(db, clock)
    return db
