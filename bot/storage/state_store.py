"""Key/value rows with eTags: the SQL behind the bot's persisted conversation and user state."""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from bot.common.clock import Clock, stored_now
from bot.storage.database import Database

ANY_ETAG = "*"
HEALTH_KEY = "kasvuopas/health"


class EtagConflict(Exception):
    """The row was changed by someone else since it was read."""


@dataclass(frozen=True)
class StoredValue:
    """One stored value (JSON text) with the eTag it had when read."""

    value_json: str
    etag: str


class StateStore:
    """Optimistic-concurrency key/value storage in the `bot_state` table."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def read(self, keys: Iterable[str]) -> dict[str, StoredValue]:
        """Return the stored values for those of `keys` that exist."""
        wanted = list(keys)
        if not wanted:
            return {}
        marks = ",".join("?" for _ in wanted)
        rows = self._db.all(f"SELECT key, value_json, etag FROM bot_state WHERE key IN ({marks})", wanted)
        return {key: StoredValue(value_json, etag) for key, value_json, etag in rows}

    def write(self, key: str, value_json: str, expected_etag: str | None) -> str:
        """Store `value_json` under `key`; with an eTag other than `*`, only if it still matches.

        Returns the new eTag. Raises EtagConflict when another writer got there first.
        """
        new_etag = uuid.uuid4().hex
        now = stored_now(self._clock)
        with self._db.transaction():
            if expected_etag in (None, "", ANY_ETAG):
                self._db.execute(
                    "INSERT INTO bot_state (key, etag, value_json, updated_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, "
                    "value_json = excluded.value_json, updated_at = excluded.updated_at",
                    [key, new_etag, value_json, now],
                )
                return new_etag
            changed = self._db.execute(
                "UPDATE bot_state SET etag = ?, value_json = ?, updated_at = ? WHERE key = ? AND etag = ?",
                [new_etag, value_json, now, key, expected_etag],
            )
            if changed == 1:
                return new_etag
            exists = self._db.value("SELECT 1 FROM bot_state WHERE key = ?", [key])
            if exists:
                raise EtagConflict(f"state {key!r} was changed by another writer")
            # The row was deleted meanwhile; a write with a stale eTag recreates it.
            self._db.execute(
                "INSERT INTO bot_state (key, etag, value_json, updated_at) VALUES (?, ?, ?, ?)",
                [key, new_etag, value_json, now],
            )
            return new_etag

    def writable(self) -> bool:
        """True when a small write reaches the database (the health check: a full disk or a read-only
        file answers reads but not writes)."""
        try:
            self.write(HEALTH_KEY, json.dumps(stored_now(self._clock)), None)
        except sqlite3.Error:
            return False
        return True

    def delete(self, keys: Iterable[str]) -> None:
        """Remove the given keys; missing keys are ignored."""
        with self._db.transaction():
            for key in keys:
                self._db.execute("DELETE FROM bot_state WHERE key = ?", [key])


SECRET_KEY = "kasvuopas/signing-secret"


def stored_secret(store: StateStore) -> bytes:
    """The signing secret kept in the database (made on first use), for when settings give none.

    Keeping it in the database means links handed out before a restart still work after it.
    """
    found = store.read([SECRET_KEY]).get(SECRET_KEY)
    if found is not None:
        return bytes.fromhex(json.loads(found.value_json))
    secret = secrets.token_bytes(32)
    store.write(SECRET_KEY, json.dumps(secret.hex()), None)
    return secret
