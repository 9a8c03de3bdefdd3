"""The conversation registry: every conversation the bot is in, with what is needed to post there later."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from bot.domain.db import utc_now

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


def base_conversation_id(conversation_id: str) -> str:
    """A channel thread id (`19:…@thread.tacv2;messageid=…`) without the thread part."""
    return conversation_id.split(";messageid=", 1)[0]


class ConversationRegistry:
    """Reads and writes the `conversations` table."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def record(self, info: ConversationInfo) -> bool:
        """Insert or refresh a conversation and mark it active; empty names never erase known ones.

        Returns True when the conversation is new or was inactive (the bot was just installed).
        """
        now = utc_now()
        key = base_conversation_id(info.conversation_id)
        reference = dict(info.reference)
        conversation = dict(reference.get("conversation") or {})
        conversation["id"] = key
        reference["conversation"] = conversation
        reference.pop("activity_id", None)
        reference.pop("activityId", None)
        with self._db.atomic():
            before = self._db.execute("SELECT active FROM conversations WHERE conversation_id = ?", [key]).fetchone()
            self._upsert(key, info, reference, now)
        return before is None or not before[0]

    def _upsert(self, key: str, info: ConversationInfo, reference: dict, now: str) -> None:
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
        self._db.execute("UPDATE conversations SET team_name = ? WHERE team_id = ?", [team_name, team_id])

    def deactivate(self, conversation_id: str) -> None:
        """Mark one conversation as no longer reachable (channel deleted, chat left)."""
        self._db.execute(
            "UPDATE conversations SET active = 0, last_seen = ? WHERE conversation_id = ?",
            [utc_now(), base_conversation_id(conversation_id)],
        )

    def deactivate_team(self, team_id: str) -> None:
        """Mark every conversation of a team inactive (the bot was removed from the team)."""
        self._db.execute(
            "UPDATE conversations SET active = 0, last_seen = ? WHERE team_id = ?",
            [utc_now(), team_id],
        )

    def get(self, conversation_id: str) -> dict[str, Any] | None:
        """One conversation row, or None."""
        rows = list(
            self._db["conversations"].rows_where("conversation_id = ?", [base_conversation_id(conversation_id)])
        )
        return rows[0] if rows else None

    def active(self, conversation_type: str | None = None) -> list[dict[str, Any]]:
        """Active conversations, optionally of one type, teams and channels sorted by name."""
        where, args = "active = 1", []
        if conversation_type:
            where += " AND conversation_type = ?"
            args.append(conversation_type)
        return list(
            self._db["conversations"].rows_where(where, args, order_by="team_name, channel_name, conversation_id")
        )

    def personal_chat_of(self, user_aad_id: str) -> dict[str, Any] | None:
        """The active personal chat with a user, if the bot has one."""
        rows = list(
            self._db["conversations"].rows_where(
                "user_aad_id = ? AND conversation_type = ? AND active = 1",
                [user_aad_id, PERSONAL],
            )
        )
        return rows[0] if rows else None

    @staticmethod
    def reference_of(row: dict[str, Any]) -> dict[str, Any]:
        """The stored conversation reference as a dict (botbuilder's serialised form)."""
        return json.loads(row["reference_json"])
