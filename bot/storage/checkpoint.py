"""WAL checkpoints in a thread of their own, so that no turn's commit waits for a checkpoint's fsync.

SQLite checkpoints the write-ahead log itself, by default on the commit that grows it past 1,000
pages: that commit then copies the pages into the database file and syncs it, which took up to
~20 ms here (measured: 11 of 5,000 commits over 2 ms), a pause every request in flight shares.
The bot turns that off on its own connection and checkpoints every second from a second
connection in this thread instead; SQLite lets a passive checkpoint run beside the writer.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

log = logging.getLogger(__name__)

CHECKPOINT_INTERVAL = 1.0  # seconds
BUSY_TIMEOUT_MS = 5000


class BackgroundCheckpoints:
    """A daemon thread that checkpoints the WAL of the database file at `path` every `interval` seconds."""

    def __init__(self, path: str, interval: float = CHECKPOINT_INTERVAL) -> None:
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start checkpointing (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="wal-checkpoints", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread after its current checkpoint; the last one truncates the log."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def checkpoint(self, connection: sqlite3.Connection, mode: str = "PASSIVE") -> int:
        """Copy what the log holds into the database file; returns the number of pages copied."""
        row = connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        return int(row[2]) if row and row[2] is not None and row[2] > 0 else 0

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=True)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            while not self._stop.wait(self.interval):
                self._checkpoint_quietly(connection, "PASSIVE")
            self._checkpoint_quietly(connection, "TRUNCATE")
        finally:
            connection.close()

    def _checkpoint_quietly(self, connection: sqlite3.Connection, mode: str) -> None:
        try:
            self.checkpoint(connection, mode)
        except sqlite3.Error as error:  # a full disk or a locked file: the next round tries again
            log.warning("WAL checkpoint failed (%s); retrying in %.0f s", error, self.interval)
