"""What advisers asked the finder, what it answered, and what they said about the answer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.common.clock import Clock, stored_now
from bot.storage.database import Database


@dataclass(frozen=True)
class LoggedSearch:
    """A stored question and the service ids it was answered with."""

    id: int
    question: str
    language: str
    facets: dict[str, Any]
    service_ids: list[str]
    user_aad_id: str
    conversation_id: str


class SearchLog:
    """The `searches`, `search_feedback` and `referral_intents` tables."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(
        self,
        question: str,
        language: str,
        facets: dict[str, Any],
        service_ids: list[str],
        user_aad_id: str,
        conversation_id: str,
        needs: list[str] | None = None,
    ) -> int:
        """Store a question and its answer; returns the search id the card's buttons refer to."""
        return self._db.insert(
            "INSERT INTO searches (asked_at, user_aad_id, conversation_id, language, question, facets_json,"
            " results_json, needs_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                stored_now(self._clock),
                user_aad_id,
                conversation_id,
                language,
                question,
                json.dumps(facets, ensure_ascii=False, sort_keys=True),
                json.dumps(service_ids),
                json.dumps(needs or []),
            ],
        )

    def get(self, search_id: int) -> LoggedSearch | None:
        """One stored search, or None."""
        row = self._db.one(
            "SELECT id, question, language, facets_json, results_json, user_aad_id, conversation_id"
            " FROM searches WHERE id = ?",
            [search_id],
        )
        if row is None:
            return None
        return LoggedSearch(row[0], row[1], row[2], json.loads(row[3] or "{}"), json.loads(row[4]), row[5], row[6])

    def give_feedback(self, search_id: int, user_aad_id: str, helpful: bool) -> None:
        """Record 👍 or 👎 for a search; a user's later vote replaces their earlier one."""
        self._db.execute(
            "INSERT INTO search_feedback (search_id, user_aad_id, helpful, given_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(search_id, user_aad_id) DO UPDATE SET helpful = excluded.helpful,"
            " given_at = excluded.given_at",
            [search_id, user_aad_id, int(helpful), stored_now(self._clock)],
        )

    def feedback_counts(self, search_id: int) -> tuple[int, int]:
        """(helpful, not helpful) votes for a search."""
        row = self._db.one(
            "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0) FROM search_feedback WHERE search_id = ?",
            [search_id],
        )
        return (int(row[0]), int(row[1])) if row is not None else (0, 0)
