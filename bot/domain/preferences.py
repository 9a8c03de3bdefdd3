"""Per-user settings: for now the reply language a user chose with `kieli en` / `language fi`."""

from __future__ import annotations

from bot.common.clock import Clock, stored_now
from bot.storage.database import Database


class Preferences:
    """The `user_settings` table, keyed by the user's Teams id."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def language_of(self, user_id: str) -> str | None:
        """The language the user chose, or None when they have not chosen."""
        language: str | None = self._db.value("SELECT language FROM user_settings WHERE user_id = ?", [user_id])
        return language

    def set_language(self, user_id: str, language: str) -> None:
        """Remember the user's choice."""
        self._db.execute(
            "INSERT INTO user_settings (user_id, language, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
            [user_id, language, stored_now(self._clock)],
        )
