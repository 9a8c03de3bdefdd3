"""The common envelope and small elements every Kasvuopas card is made of, and `plain` for user text."""

from __future__ import annotations

import json
import re
from typing import Any

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
# Cards are kept under 28 KB as sent (the activity's JSON, see `sent_size`), light on phones and
# well under Teams' ~100 KB message limit; the tests check every card the bot sends.
MAX_CARD_BYTES = 28 * 1024

# Teams renders Markdown in TextBlocks and FactSets: emphasis, links, lists, code. User text is shown
# as typed by escaping what would start any of them (CommonMark's backslash escapes).
_INLINE_MARKS = re.compile(r"([\\`*_\[\]~<>|])")
_LINE_MARKS = re.compile(r"^(\s*)([-+#>]|\d+[.)])", re.MULTILINE)


def plain(text: str) -> str:
    """User text for a TextBlock or FactSet: shown literally, never as a link, list or emphasis."""
    return _LINE_MARKS.sub(
        lambda found: found.group(1) + _escape_last(found.group(2)), _INLINE_MARKS.sub(r"\\\1", text)
    )


def _escape_last(mark: str) -> str:
    # "-" -> "\-", "12." -> "12\.": the character that makes the line a list item or heading
    return mark[:-1] + "\\" + mark[-1]


def sent_size(value: Any) -> int:
    """Bytes of `value` as botbuilder's connector client and aiohttp put it on the wire."""
    # `json.dumps` with its defaults: every non-ASCII character a `\\uXXXX` escape, an emoji two of them.
    return len(json.dumps(value).encode("ascii"))


def fit(text: str, budget: int) -> str:
    """The longest start of `text` that takes at most `budget` bytes as sent."""
    # For refilling a form with what was typed when that was too much: the form itself must still fit.
    if sent_size(text) <= budget:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if sent_size(text[:middle]) <= budget:
            low = middle
        else:
            high = middle - 1
    return text[:low]


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
