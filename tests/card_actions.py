"""Pressing a card's buttons as Teams does: the button's own data, the card's inputs, elsewhere if asked."""

from __future__ import annotations

import copy
from typing import Any

from tests.activities import ADVISER, User
from tests.harness import BotHarness, Reply, actions_in, inputs_in

OTHER_CHAT = "19:meeting_T3RoZXItY2hhdC1ub2JvZHktdXNlcw@thread.v2"  # a group chat no card was sent to


def button(card: dict[str, Any], verb: str, index: int = 0) -> dict[str, Any]:
    """The `index`-th Action.Execute button of `verb` on the card (nested ones included)."""
    found = actions_in(card, verb=verb)
    assert len(found) > index, f"no {verb!r} button #{index} on the card"
    return found[index]


def data_of(card: dict[str, Any], verb: str, index: int = 0, **changes: Any) -> dict[str, Any]:
    """What Teams sends for the button: every input's value, the button's data, then the changes."""
    values = {element["id"]: element.get("value", "") for element in inputs_in(card)}
    return {**values, **button(card, verb, index).get("data", {}), **changes}


async def press(
    bot: BotHarness,
    card: dict[str, Any],
    verb: str,
    *,
    index: int = 0,
    user: User = ADVISER,
    conversation: str = "personal",
    reply_to: str = "m1",
    **changes: Any,
) -> Reply:
    """Press the button as `user` in `conversation` ("personal", "channel" or a group chat's id)."""
    return await bot.invoke(action(bot, verb, data_of(card, verb, index, **changes), user, conversation, reply_to))


def action(
    bot: BotHarness, verb: str, data: dict[str, Any], user: User, conversation: str, reply_to: str = "m1"
) -> dict[str, Any]:
    """The `adaptiveCard/action` invoke for `data`, in a personal chat, the channel or a group chat."""
    if conversation in ("personal", "channel"):
        return bot.teams.card_action(verb, data, conversation=conversation, user=user, reply_to=reply_to)
    return in_group_chat(bot.teams.card_action(verb, data, user=user, reply_to=reply_to), conversation)


def in_group_chat(activity: dict[str, Any], chat_id: str) -> dict[str, Any]:
    """The same activity as if sent in the group chat `chat_id`."""
    moved = copy.deepcopy(activity)
    tenant = moved["conversation"].get("tenantId")
    moved["conversation"] = {"isGroup": True, "conversationType": "groupChat", "id": chat_id, "tenantId": tenant}
    moved["channelData"] = {"tenant": {"id": tenant}}
    return moved


def card_of(reply: Reply) -> dict[str, Any]:
    """The card an invoke answered with (fails when it answered with a message)."""
    body = reply.body or {}
    assert body.get("type") == "application/vnd.microsoft.card.adaptive", body
    return body["value"]


def message_of(reply: Reply) -> str:
    """The plain-text message an invoke answered with (fails when it answered with a card)."""
    body = reply.body or {}
    assert body.get("type") == "application/vnd.microsoft.activity.message", body
    return str(body["value"])
