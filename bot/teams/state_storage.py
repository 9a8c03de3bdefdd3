"""botbuilder `Storage` over the project's SQLite database, so dialog state survives a restart."""

from __future__ import annotations

from typing import Any

import jsonpickle
from botbuilder.core import Storage, StoreItem

from bot.storage.state_store import ANY_ETAG, StateStore

ETAG_FIELD = "e_tag"


def _etag_of(item: Any) -> str | None:
    if isinstance(item, dict):
        return item.get(ETAG_FIELD)
    return getattr(item, ETAG_FIELD, None)


class SqliteStorage(Storage):
    """Stores BotState documents as jsonpickle JSON with eTag optimistic concurrency.

    jsonpickle is what botbuilder itself uses to fingerprint state, and it round-trips
    the dialog stack's objects (DialogState, DialogInstance) that plain JSON cannot.
    """

    def __init__(self, store: StateStore) -> None:
        super().__init__()
        self._store = store

    async def read(self, keys: list[str]) -> dict[str, Any]:
        """Return the stored items, each carrying its current eTag; a missing key reads as an empty item.

        botbuilder 4.17's CachedBotState fingerprints a missing state (None) differently from the empty
        dict it then uses, so every first turn of a new user or conversation would write an empty row.
        """
        found: dict[str, Any] = {key: {} for key in keys}
        for key, stored in self._store.read(keys).items():
            item = jsonpickle.decode(stored.value_json)
            if isinstance(item, dict):
                item[ETAG_FIELD] = stored.etag
            elif isinstance(item, StoreItem) or hasattr(item, ETAG_FIELD):
                item.e_tag = stored.etag
            found[key] = item
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        """Write items; an item read with an eTag is only written if nobody changed it since."""
        if changes is None:
            raise ValueError("SqliteStorage.write(): changes are required")
        for key, item in changes.items():
            etag = _etag_of(item)
            if isinstance(item, dict):
                item = {k: v for k, v in item.items() if k != ETAG_FIELD}
            self._store.write(key, jsonpickle.encode(item), etag if etag != ANY_ETAG else None)

    async def delete(self, keys: list[str]) -> None:
        """Delete the given keys."""
        self._store.delete(keys)
