"""Teams-shaped activities, as the Teams service posts them to /api/messages (invented ids)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

TENANT = "8f0c2a51-0000-4c6e-9a57-3d2b1c0e7a10"
OTHER_TENANT = "11111111-2222-3333-4444-555555555555"
BOT_ID = "28:0c8a5b3e-1f2d-4c5b-9e7a-6d4c3b2a1f00"
BOT_NAME = "Kasvuopas"
TEAM_ID = "19:Jw3kE9yq7QfZ0x1R8pV2sT6uL4mN5bH0@thread.tacv2"
CHANNEL_ID = "19:Yk2lF8wr6PeX9z0Q7oU1rS5tK3nM4aG9@thread.tacv2"
GROUP_CHAT_ID = "19:meeting_ZmFrZS1ncm91cC1jaGF0@thread.v2"


@dataclass(frozen=True)
class User:
    """A Teams user as the bot sees them."""

    id: str
    name: str
    aad_object_id: str

    def account(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "aadObjectId": self.aad_object_id}

    def member(self) -> dict[str, Any]:
        """The roster entry the connector returns for this user."""
        return {
            "id": self.id,
            "name": self.name,
            "aadObjectId": self.aad_object_id,
            "givenName": self.name.split()[0],
            "userPrincipalName": f"{self.name.split()[0].lower()}@kasvuopas.example.fi",
            "tenantId": TENANT,
            "userRole": "user",
        }


ADVISER = User("29:1Aa-adviser-000000000000000000001", "Maija Testinen", "a1d3f6e0-0000-4000-8000-000000000001")
COORDINATOR = User(
    "29:1Bb-coordinator-0000000000000000002", "Kalle Koordinaattori", "c0c0c0c0-0000-4000-8000-000000000002"
)
COLLEAGUE = User("29:1Cc-colleague-00000000000000000003", "Liisa Esimerkki", "e5e5e5e5-0000-4000-8000-000000000003")


@dataclass
class TeamsFactory:
    """Builds activities aimed at one service URL (the fake connector)."""

    service_url: str
    tenant: str = TENANT
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1_700_000_000_000))

    def _base(self, kind: str, conversation: dict[str, Any], user: User, locale: str) -> dict[str, Any]:
        return {
            "type": kind,
            "id": str(next(self._ids)),
            "timestamp": "2026-11-29T08:15:00.000Z",
            "localTimestamp": "2026-11-29T10:15:00.000+02:00",
            "serviceUrl": self.service_url,
            "channelId": "msteams",
            "from": user.account(),
            "conversation": {"tenantId": self.tenant, **conversation},
            "recipient": {"id": BOT_ID, "name": BOT_NAME},
            "locale": locale,
            "entities": [
                {
                    "type": "clientInfo",
                    "locale": locale,
                    "country": "FI",
                    "platform": "Web",
                    "timezone": "Europe/Helsinki",
                }
            ],
            "channelData": {"tenant": {"id": self.tenant}},
        }

    def personal(self, text: str, user: User = ADVISER, locale: str = "fi-FI") -> dict[str, Any]:
        """A 1:1 chat message."""
        activity = self._base(
            "message",
            {"conversationType": "personal", "id": f"a:1personal-{user.aad_object_id}"},
            user,
            locale,
        )
        activity.update({"text": text, "textFormat": "plain"})
        return activity

    def _channel_conversation(self, thread: str | None) -> dict[str, Any]:
        conversation_id = CHANNEL_ID + (f";messageid={thread}" if thread else "")
        return {"isGroup": True, "conversationType": "channel", "id": conversation_id}

    def _team_channel_data(self) -> dict[str, Any]:
        return {
            "teamsChannelId": CHANNEL_ID,
            "teamsTeamId": TEAM_ID,
            "channel": {"id": CHANNEL_ID, "name": "Neuvojat"},
            "team": {
                "id": TEAM_ID,
                "name": "Etelä-Savon yrityspalvelut",
                "aadGroupId": "0a0a0a0a-1111-4222-8333-444444444444",
            },
            "tenant": {"id": self.tenant},
        }

    def channel(
        self,
        text: str,
        user: User = ADVISER,
        locale: str = "fi-FI",
        mentions: tuple[User, ...] = (),
        thread: str | None = "1700000000000",
    ) -> dict[str, Any]:
        """A channel message that @mentions the bot first (and optionally other people)."""
        activity = self._base("message", self._channel_conversation(thread), user, locale)
        bot_tag = f"<at>{BOT_NAME}</at>"
        other_tags = " ".join(f"<at>{person.name}</at>" for person in mentions)
        body = text if not other_tags else f"{text} {other_tags}"
        activity["text"] = f"{bot_tag} {body}"
        activity["textFormat"] = "plain"
        activity["entities"].append({"type": "mention", "text": bot_tag, "mentioned": {"id": BOT_ID, "name": BOT_NAME}})
        for person in mentions:
            activity["entities"].append(
                {
                    "type": "mention",
                    "text": f"<at>{person.name}</at>",
                    "mentioned": {"id": person.id, "name": person.name},
                }
            )
        activity["channelData"] = self._team_channel_data()
        return activity

    def group_chat(self, text: str, user: User = ADVISER, locale: str = "fi-FI") -> dict[str, Any]:
        """A group-chat message that @mentions the bot."""
        conversation = {"isGroup": True, "conversationType": "groupChat", "id": GROUP_CHAT_ID}
        activity = self._base("message", conversation, user, locale)
        bot_tag = f"<at>{BOT_NAME}</at>"
        activity.update({"text": f"{bot_tag} {text}", "textFormat": "plain"})
        activity["entities"].append({"type": "mention", "text": bot_tag, "mentioned": {"id": BOT_ID, "name": BOT_NAME}})
        return activity

    def installation_update(
        self, scope: str = "team", action: str = "add", user: User = COORDINATOR, locale: str = "fi-FI"
    ) -> dict[str, Any]:
        """The installationUpdate Teams sends when the app is added to or removed from a scope."""
        if scope == "team":
            conversation = self._channel_conversation(None)
            conversation["id"] = TEAM_ID
        elif scope == "groupChat":
            conversation = {"isGroup": True, "conversationType": "groupChat", "id": GROUP_CHAT_ID}
        else:
            conversation = {"conversationType": "personal", "id": f"a:1personal-{user.aad_object_id}"}
        activity = self._base("installationUpdate", conversation, user, locale)
        activity["action"] = action
        if scope == "team":
            data = self._team_channel_data()
            data.update(
                {
                    "teamsChannelId": TEAM_ID,
                    "channel": {"id": TEAM_ID},
                    "settings": {"selectedChannel": {"id": TEAM_ID}},
                }
            )
            activity["channelData"] = data
        return activity

    def bot_added_to_team(self, user: User = COORDINATOR) -> dict[str, Any]:
        """conversationUpdate with the bot in membersAdded (sent on install in a team)."""
        conversation = self._channel_conversation(None)
        conversation["id"] = TEAM_ID
        activity = self._base("conversationUpdate", conversation, user, "fi-FI")
        activity["membersAdded"] = [{"id": BOT_ID}]
        data = self._team_channel_data()
        data.update({"eventType": "teamMemberAdded", "teamsChannelId": TEAM_ID, "channel": {"id": TEAM_ID}})
        activity["channelData"] = data
        return activity

    def bot_removed_from_team(self, user: User = COORDINATOR) -> dict[str, Any]:
        """conversationUpdate with the bot in membersRemoved."""
        activity = self.bot_added_to_team(user)
        activity.pop("membersAdded")
        activity["membersRemoved"] = [{"id": BOT_ID}]
        activity["channelData"]["eventType"] = "teamMemberRemoved"
        return activity

    def channel_event(self, event_type: str, channel_id: str, name: str | None) -> dict[str, Any]:
        """channelCreated / channelRenamed / channelDeleted."""
        activity = self.bot_added_to_team()
        activity.pop("membersAdded")
        data = self._team_channel_data()
        channel = {"id": channel_id}
        if name:
            channel["name"] = name
        data.update({"eventType": event_type, "channel": channel})
        activity["channelData"] = data
        return activity

    def submit(
        self, value: dict[str, Any], user: User = ADVISER, locale: str = "fi-FI", reply_to: str = "m1"
    ) -> dict[str, Any]:
        """The message Teams sends for an Action.Submit button: no text, the inputs in `value`."""
        activity = self.personal("", user=user, locale=locale)
        activity.pop("text")
        activity.update({"value": value, "replyToId": reply_to})
        return activity

    def card_action(
        self,
        verb: str,
        data: dict[str, Any] | None = None,
        conversation: str = "personal",
        user: User = ADVISER,
        locale: str = "fi-FI",
        reply_to: str = "m1",
    ) -> dict[str, Any]:
        """The `adaptiveCard/action` invoke Teams sends for an Action.Execute button."""
        if conversation == "channel":
            conv = self._channel_conversation("1700000000000")
        else:
            conv = {"conversationType": "personal", "id": f"a:1personal-{user.aad_object_id}"}
        activity = self._base("invoke", conv, user, locale)
        activity.update(
            {
                "name": "adaptiveCard/action",
                "replyToId": reply_to,
                "value": {
                    "action": {"type": "Action.Execute", "verb": verb, "data": data or {}},
                    "trigger": "manual",
                },
            }
        )
        if conversation == "channel":
            activity["channelData"] = self._team_channel_data()
        return activity
