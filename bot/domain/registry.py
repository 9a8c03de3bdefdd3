"""The conversation registry: every conversation the bot is in, with what is needed to post there later."""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from bot.common.clock import Clock, stored_now
from bot.common.conversation_ids import base_conversation_id
from bot.storage.database import Database, as_dict

RECENT_LIMIT = 5000  # conversations remembered as recently recorded
PERSONAL = "personal"
GROUP_CHAT = "groupChat"
CHANNEL = "channel"


@dataclass(frozen=True)
class ConversationInfo:
    """What the Teams edge knows about a conversation, in plain values."""

    conversation_id: str
    conversation_type: str
    service_url: str
    reference: dict[str, Any]
    tenant_id: str = ""
    team_id: str = ""
    team_name: str = ""
    channel_id: str = ""
    channel_name: str = ""
    user_aad_id: str = ""


class ConversationRegistry:
    """Reads and writes the `conversations` table.

    Every message records its conversation; a conversation recorded with the same facts within the
    last `refresh` is not written again (one write per conversation an hour instead of one a turn).
    """

    def __init__(self, db: Database, clock: Clock, refresh: timedelta = timedelta(hours=1)) -> None:
        self._db = db
        self._clock = clock
        self._refresh = refresh
        self._recent: OrderedDict[str, tuple[ConversationInfo, datetime]] = OrderedDict()

    def record(self, info: ConversationInfo) -> bool:
        """Insert or refresh a conversation and mark it active; empty names never erase known ones.

        Returns True when the conversation is new or was inactive (the bot was just installed).
        """
        key = base_conversation_id(info.conversation_id)
        # The reference names the activity it came with; that changes every turn and is not stored.
        reference = {name: value for name, value in info.reference.items() if name not in ("activityId", "activity_id")}
        facts = replace(info, reference=reference)
        recent = self._recent.get(key)
        if recent is not None and recent[0] == facts and self._clock() - recent[1] < self._refresh:
            return False
        written = self._write(key, info)
        self._recent[key] = (facts, self._clock())
        self._recent.move_to_end(key)
        while len(self._recent) > RECENT_LIMIT:
            self._recent.popitem(last=False)
        return written

    def _forget(self, conversation_id: str | None = None) -> None:
        if conversation_id is None:
            self._recent.clear()
        else:
            self._recent.pop(base_conversation_id(conversation_id), None)

    def _write(self, key: str, info: ConversationInfo) -> bool:
        now = stored_now(self._clock)
        reference = dict(info.reference)
        conversation = dict(reference.get("conversation") or {})
        conversation["id"] = key
        reference["conversation"] = conversation
        reference.pop("activity_id", None)
        reference.pop("activityId", None)
        with self._db.transaction():
            before = self._db.value("SELECT active FROM conversations WHERE conversation_id = ?", [key])
            self._upsert(key, info, reference, now)
        return before is None or not before

    def _upsert(self, key: str, info: ConversationInfo, reference: dict[str, Any], now: str) -> None:
        self._db.execute(
            """
            INSERT INTO conversations (conversation_id, conversation_type, tenant_id, team_id,
                team_name, channel_id, channel_name, user_aad_id, service_url, reference_json,
                active, first_seen, last_seen)
            VALUES (:id, :type, :tenant, :team, :team_name, :channel, :channel_name, :user,
                :service_url, :reference, 1, :now, :now)
            ON CONFLICT(conversation_id) DO UPDATE SET
                conversation_type = excluded.conversation_type,
                tenant_id = COALESCE(NULLIF(excluded.tenant_id, ''), conversations.tenant_id),
                team_id = COALESCE(NULLIF(excluded.team_id, ''), conversations.team_id),
                team_name = COALESCE(NULLIF(excluded.team_name, ''), conversations.team_name),
                channel_id = COALESCE(NULLIF(excluded.channel_id, ''), conversations.channel_id),
                channel_name = COALESCE(NULLIF(excluded.channel_name, ''), conversations.channel_name),
                user_aad_id = COALESCE(NULLIF(excluded.user_aad_id, ''), conversations.user_aad_id),
                service_url = excluded.service_url,
                reference_json = excluded.reference_json,
                active = 1,
                last_seen = excluded.last_seen
            """,
            {
                "id": key,
                "type": info.conversation_type,
                "tenant": info.tenant_id,
                "team": info.team_id,
                "team_name": info.team_name,
                "channel": info.channel_id,
                "channel_name": info.channel_name,
                "user": info.user_aad_id,
                "service_url": info.service_url,
                "reference": json.dumps(reference, ensure_ascii=False, sort_keys=True),
                "now": now,
            },
        )

    def rename_team(self, team_id: str, team_name: str) -> None:
        """Update the team name on every conversation of the team."""
        self._forget()
        self._db.execute("UPDATE conversations SET team_name = ? WHERE team_id = ?", [team_name, team_id])

    def deactivate(self, conversation_id: str) -> None:
        """Mark one conversation as no longer reachable (channel deleted, chat left, 403/404 on sending)."""
        self._forget(conversation_id)
        self._db.execute(
            "UPDATE conversations SET active = 0, last_seen = ? WHERE conversation_id = ?",
            [stored_now(self._clock), base_conversation_id(conversation_id)],
        )

    def deactivate_team(self, team_id: str) -> None:
        """Mark every conversation of a team inactive (the bot was removed from the team)."""
        self._forget()
        self._db.execute(
            "UPDATE conversations SET active = 0, last_seen = ? WHERE team_id = ?",
            [stored_now(self._clock), team_id],
        )

    def get(self, conversation_id: str) -> dict[str, Any] | None:
        """One conversation row, or None."""
        row = self._db.one(
            "SELECT * FROM conversations WHERE conversation_id = ?", [base_conversation_id(conversation_id)]
        )
        return as_dict(row) if row is not None else None

    def active(self, conversation_type: str | None = None) -> list[dict[str, Any]]:
        """Active conversations, optionally of one type, teams and channels sorted by name."""
        where, args = "active = 1", []
        if conversation_type:
            where += " AND conversation_type = ?"
            args.append(conversation_type)
        rows = self._db.all(
            f"SELECT * FROM conversations WHERE {where} ORDER BY team_name, channel_name, conversation_id", args
        )
        return [as_dict(row) for row in rows]

    def personal_chat_of(self, user_aad_id: str) -> dict[str, Any] | None:
        """The active personal chat with a user, if the bot has one."""
        row = self._db.one(
            "SELECT * FROM conversations WHERE user_aad_id = ? AND conversation_type = ? AND active = 1",
            [user_aad_id, PERSONAL],
        )
        return as_dict(row) if row is not None else None

    @staticmethod
    def reference_of(row: dict[str, Any]) -> dict[str, Any]:
        """The stored conversation reference as a dict (Bot Framework's JSON form)."""
        reference: dict[str, Any] = json.loads(row["reference_json"])
        return reference
