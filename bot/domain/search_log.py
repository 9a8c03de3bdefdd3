"""What advisers asked the finder, what it answered, and what they said about the answer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.common.clock import Clock, stored_now
from bot.domain.referral_store import new_code
from bot.storage.database import Database

MAX_CODE = 16  # longer than any code: anything longer is not looked up at all


@dataclass(frozen=True)
class LoggedSearch:
    """A stored question and the service ids it was answered with."""

    id: int
    code: str  # what cards carry: the id stays internal
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
    ) -> LoggedSearch:
        """Store a question and its answer with a fresh public code, which the card's buttons carry."""
        with self._db.transaction():
            code = new_code()
            while self._db.value("SELECT 1 FROM searches WHERE code = ?", [code]) is not None:
                code = new_code()
            search_id = self._db.insert(
                "INSERT INTO searches (code, asked_at, user_aad_id, conversation_id, language, question, facets_json,"
                " results_json, needs_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    code,
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
        return LoggedSearch(search_id, code, question, language, facets, service_ids, user_aad_id, conversation_id)

    def get(self, search_id: int) -> LoggedSearch | None:
        """One stored search by its internal id, or None."""
        return self._one("id", search_id)

    def get_by_code(self, code: object) -> LoggedSearch | None:
        """One stored search by the public code a card carries, or None (also for anything not a code)."""
        if not isinstance(code, str) or not code or len(code) > MAX_CODE:
            return None
        return self._one("code", code.strip().upper())

    def _one(self, column: str, value: object) -> LoggedSearch | None:
        row = self._db.one(
            "SELECT id, code, question, language, facets_json, results_json, user_aad_id, conversation_id"
            f" FROM searches WHERE {column} = ?",
            [value],
        )
        if row is None:
            return None
        facets, results = json.loads(row[4] or "{}"), json.loads(row[5])
        return LoggedSearch(row[0], row[1] or "", row[2], row[3], facets, results, row[6], row[7])

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
