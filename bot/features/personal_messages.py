"""1:1 messages to a person through the outbox: into their chat with the bot, or by opening one.

Webinar reminders and referral notices both need this; the person is reached privately when the
bot has a 1:1 chat with them, or through the team or chat where they were last seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.delivery.outbox import Outbox
from bot.delivery.report import OPEN_PERSONAL
from bot.domain.registry import ConversationRegistry


@dataclass(frozen=True)
class Recipient:
    """Someone to message privately, and where the bot last saw them."""

    key: str  # Entra object id (or Teams id): how the registry knows their 1:1 chat
    user_id: str  # Teams id (29:…)
    name: str
    seen_in: str  # a conversation id the bot shares with them


def queue_personal_message(
    outbox: Outbox,
    registry: ConversationRegistry,
    group_key: str,
    idempotency_key: str,
    recipient: Recipient,
    activity: dict[str, Any],
) -> bool:
    """Queue a 1:1 message; False when the bot has no way to reach the person privately."""
    chat = registry.personal_chat_of(recipient.key)
    if chat is not None:
        outbox.enqueue_send(
            group_key, idempotency_key, chat["conversation_id"], ConversationRegistry.reference_of(chat), activity
        )
        return True
    # No 1:1 chat yet: open one through a team or chat the person is in (the bot is there too).
    origin = registry.get(recipient.seen_in) if recipient.seen_in else None
    if origin is None or not origin["service_url"] or not recipient.user_id:
        return False
    reference = ConversationRegistry.reference_of(origin)
    reference["user"] = {"id": recipient.user_id, "name": recipient.name}
    outbox.enqueue_send(
        group_key, idempotency_key, f"personal:{recipient.key}", reference, activity, operation=OPEN_PERSONAL
    )
    return True
