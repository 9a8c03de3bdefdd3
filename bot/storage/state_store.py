"""Key/value rows with eTags: the SQL behind the bot's persisted conversation and user state."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from bot.domain.db import utc_now

ANY_ETAG = "*"


class EtagConflict(Exception):
    """The row was changed by someone else since it was read."""


@dataclass(frozen=True)
class StoredValue:
    """One stored value (JSON text) with the eTag it had when read."""

    value_json: str
    etag: str


class StateStore:
    """Optimistic-concurrency key/value storage in the `bot_state` table."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def read(self, keys: Iterable[str]) -> dict[str, StoredValue]:
        """Return the stored values for those of `keys` that exist."""
        keys = list(keys)
        if not keys:
            return {}
        marks = ",".join("?" for _ in keys)
        rows = self._db.execute(f"SELECT key, value_json, etag FROM bot_state WHERE key IN ({marks})", keys).fetchall()
        return {key: StoredValue(value_json, etag) for key, value_json, etag in rows}

    def write(self, key: str, value_json: str, expected_etag: str | None) -> str:
        """Store `value_json` under `key`; with an eTag other than `*`, only if it still matches.

        Returns the new eTag. Raises EtagConflict when another writer got there first.
        """
        new_etag = uuid.uuid4().hex
        now = utc_now()
        with self._db.atomic():
            if expected_etag in (None, "", ANY_ETAG):
                self._db.execute(
                    "INSERT INTO bot_state (key, etag, value_json, updated_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, "
                    "value_json = excluded.value_json, updated_at = excluded.updated_at",
                    [key, new_etag, value_json, now],
                )
                return new_etag
            cursor = self._db.execute(
                "UPDATE bot_state SET etag = ?, value_json = ?, updated_at = ? WHERE key = ? AND etag = ?",
                [new_etag, value_json, now, key, expected_etag],
            )
            if cursor.rowcount == 1:
                return new_etag
            exists = self._db.execute("SELECT 1 FROM bot_state WHERE key = ?", [key]).fetchone()
            if exists:
                raise EtagConflict(f"state {key!r} was changed by another writer")
            # The row was deleted meanwhile; a write with a stale eTag recreates it.
            self._db.execute(
                "INSERT INTO bot_state (key, etag, value_json, updated_at) VALUES (?, ?, ?, ?)",
                [key, new_etag, value_json, now],
            )
            return new_etag

    def delete(self, keys: Iterable[str]) -> None:
        """Remove the given keys; missing keys are ignored."""
        with self._db.atomic():
            for key in keys:
                self._db.execute("DELETE FROM bot_state WHERE key = ?", [key])
