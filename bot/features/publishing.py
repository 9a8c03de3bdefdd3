"""What webinars and announcements share: choosing targets and turning cards into outbox activities."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext

from adaptive_cards.base import attachment
from adaptive_cards.forms import TARGET_ALL, TARGET_CHOSEN, TARGET_HERE
from bot.conversations import conversation_info
from bot.domain.registry import CHANNEL, ConversationRegistry, base_conversation_id


def card_activity(card: dict[str, Any]) -> dict[str, Any]:
    """An activity dict carrying one card, as stored in the outbox."""
    return {"type": "message", "attachments": [attachment(card)]}


def text_activity(text: str, mentions: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """A text message; `mentions` are (Teams user id, name) pairs written as <at>name</at> in `text`."""
    activity: dict[str, Any] = {"type": "message", "text": text, "textFormat": "markdown"}
    if mentions:
        activity["entities"] = [
            {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {"id": user_id, "name": name}}
            for user_id, name in mentions
        ]
    return activity


def channel_choices(registry: ConversationRegistry) -> list[tuple[str, str]]:
    """(conversation id, "Team › Channel") for every active channel of the network."""
    return [
        (row["conversation_id"], f"{row['team_name'] or '?'} › {row['channel_name'] or '?'}")
        for row in registry.active(CHANNEL)
    ]


def resolve_targets(turn_context: TurnContext, registry: ConversationRegistry, data: dict[str, Any]) -> list[str]:
    """The conversation ids the coordinator chose: all channels (default), here, or a chosen set."""
    target = data.get("target") or TARGET_ALL
    if target == TARGET_HERE:
        registry.record(conversation_info(turn_context.activity))
        return [base_conversation_id(turn_context.activity.conversation.id)]
    known = [conversation_id for conversation_id, _ in channel_choices(registry)]
    if target == TARGET_CHOSEN:
        chosen = {value for value in str(data.get("channels") or "").split(",") if value}
        return [conversation_id for conversation_id in known if conversation_id in chosen]
    return known


def references(registry: ConversationRegistry, conversation_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored conversation references of the targets that are still active."""
    found = {}
    for conversation_id in conversation_ids:
        row = registry.get(conversation_id)
        if row is not None and row["active"]:
            found[conversation_id] = ConversationRegistry.reference_of(row)
    return found
