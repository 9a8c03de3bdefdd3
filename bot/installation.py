"""Installation and conversation events: the bot learns where it is, says hello once, follows renames.

Teams sends both `installationUpdate` and `conversationUpdate` (membersAdded with the bot) on an
install; the registry makes the welcome card go out once. Plain Python over the activity JSON.
"""

from __future__ import annotations

import logging
from typing import Any

from adaptive_cards.help import welcome_card
from bot.activity import channel_data, channel_info, team_of
from bot.domain.registry import CHANNEL, ConversationRegistry
from bot.turn import Turn

log = logging.getLogger(__name__)

ADD_ACTIONS = {"add", "add-upgrade"}
REMOVE_ACTIONS = {"remove", "remove-upgrade"}


def _ids(accounts: Any) -> set[str]:
    return {str(account.get("id")) for account in accounts or [] if isinstance(account, dict)}


class Installation:
    """Keeps the conversation registry in step with where the bot is installed."""

    def __init__(self, registry: ConversationRegistry) -> None:
        self._registry = registry

    async def on_installation_update(self, turn: Turn) -> None:
        """Installed or uninstalled in a team, group chat or personal chat."""
        action = str(turn.activity.get("action") or "")
        if action in ADD_ACTIONS:
            await self.installed(turn)
        elif action in REMOVE_ACTIONS:
            self.uninstalled(turn)

    async def on_conversation_update(self, turn: Turn) -> None:
        """The bot added or removed; channels created, renamed or deleted; the team renamed."""
        activity = turn.activity
        bot_id = str((activity.get("recipient") or {}).get("id") or "")
        if bot_id in _ids(activity.get("membersAdded")):
            await self.installed(turn)
            return
        if bot_id in _ids(activity.get("membersRemoved")):
            self.uninstalled(turn)
            return
        data = channel_data(activity)
        event = data.get("eventType")
        channel: dict[str, Any] = data["channel"] if isinstance(data.get("channel"), dict) else {}
        team = team_of(activity)
        if event in ("channelCreated", "channelRenamed", "channelRestored") and channel.get("id"):
            self._registry.record(channel_info(activity, str(channel["id"]), channel.get("name")))
        elif event == "channelDeleted" and channel.get("id"):
            self._registry.deactivate(str(channel["id"]))
        elif event == "teamRenamed" and team.get("id"):
            self._registry.rename_team(str(team["id"]), str(team.get("name") or ""))

    async def installed(self, turn: Turn) -> None:
        """Register the conversation (and a team's channels); welcome only on a new install."""
        is_new = self._registry.record(turn.conversation.info)
        if turn.conversation.kind == CHANNEL:
            await self._register_team_channels(turn)
        if is_new:
            log.info("installed", extra={"conversation_type": turn.conversation.kind})
            await turn.reply(welcome_card(turn.texts, turn.conversation.kind))

    def uninstalled(self, turn: Turn) -> None:
        """Nothing is sent there any more (the whole team, when the bot left a team)."""
        team_id = team_of(turn.activity).get("id")
        if team_id:
            self._registry.deactivate_team(str(team_id))
        else:
            self._registry.deactivate(turn.conversation.id)
        log.info("uninstalled", extra={"conversation_type": turn.conversation.kind})

    async def _register_team_channels(self, turn: Turn) -> None:
        team_id = team_of(turn.activity).get("id")
        if not team_id:
            return
        channels = await turn.io.team_channels(str(team_id))
        if channels is None:
            log.warning("could not list the team's channels")
            return
        for channel_id, name in channels:
            self._registry.record(channel_info(turn.activity, channel_id, name))
