"""The common envelope and small elements every Kasvuopas card is made of."""

from __future__ import annotations

from typing import Any

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
# Teams refuses messages over ~28 KB; cards are kept under it (tests check every card sent).
MAX_CARD_BYTES = 28 * 1024


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """An Adaptive Card 1.5 with the given body and actions, full width in Teams."""
    result: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }
    if actions:
        result["actions"] = actions
    return result


def attachment(content: dict[str, Any]) -> dict[str, Any]:
    """A Bot Framework attachment carrying the card."""
    return {"contentType": CARD_CONTENT_TYPE, "content": content}


def text_block(text: str, **style: Any) -> dict[str, Any]:
    """A wrapping TextBlock; `style` adds properties such as size="Large" or weight="Bolder"."""
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def heading(text: str) -> dict[str, Any]:
    """A card title."""
    return text_block(text, size="Large", weight="Bolder", style="heading")


def execute_action(title: str, verb: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """A Universal Actions button: Teams sends an `adaptiveCard/action` invoke with this verb."""
    action: dict[str, Any] = {"type": "Action.Execute", "title": title, "verb": verb}
    if data:
        action["data"] = data
    return action
