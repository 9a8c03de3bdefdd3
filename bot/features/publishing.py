"""What webinars and announcements share: choosing where to publish."""

from __future__ import annotations

from typing import Any

from adaptive_cards.forms import TARGET_ALL, TARGET_CHOSEN, TARGET_HERE
from bot.domain.registry import CHANNEL, ConversationRegistry
from bot.turn import Turn


def conversation_label(registry: ConversationRegistry, conversation_id: str) -> str:
    """ "Team › Channel" (or the chat's kind) of a conversation the bot knows, else the id itself."""
    row = registry.get(conversation_id)
    return conversation_id if row is None else _label(row)


def _label(row: dict[str, Any]) -> str:
    return f"{row['team_name'] or '?'} › {row['channel_name'] or row['conversation_type']}"


def channel_choices(registry: ConversationRegistry) -> list[tuple[str, str]]:
    """(conversation id, "Team › Channel") for every active channel of the network."""
    return [(row["conversation_id"], _label(row)) for row in registry.active(CHANNEL)]


def resolve_targets(turn: Turn, registry: ConversationRegistry, data: dict[str, Any]) -> list[str]:
    """The conversation ids the coordinator chose: all channels (default), here, or a chosen set."""
    target = data.get("target") or TARGET_ALL
    if target == TARGET_HERE:
        registry.record(turn.conversation.info)
        return [turn.conversation.base_id]
    known = [conversation_id for conversation_id, _ in channel_choices(registry)]
    if target == TARGET_CHOSEN:
        chosen = {value for value in str(data.get("channels") or "").split(",") if value}
        return [conversation_id for conversation_id in known if conversation_id in chosen]
    return known


def no_targets_key(data: dict[str, Any]) -> str:
    """Why there is nowhere to publish: nothing was chosen, or the bot is in no channel yet."""
    return "webinar.no_targets" if data.get("target") == TARGET_CHOSEN else "webinar.no_channels"


def references(registry: ConversationRegistry, conversation_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored conversation references of the targets that are still active."""
    found = {}
    for conversation_id in conversation_ids:
        row = registry.get(conversation_id)
        if row is not None and row["active"]:
            found[conversation_id] = ConversationRegistry.reference_of(row)
    return found
