"""Form pieces shared by the coordinators' cards: inputs, the list of problems, the choice of targets."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from adaptive_cards.base import text_block

TARGET_ALL, TARGET_HERE, TARGET_CHOSEN = "all", "here", "chosen"

Texts = Callable[..., str]


def text_input(input_id: str, label: str, value: str, error: str = "", **extra: Any) -> dict[str, Any]:
    """An Input.Text refilled with `value`; `error` is shown under it (Teams' errorMessage)."""
    element: dict[str, Any] = {"type": "Input.Text", "id": input_id, "label": label, "value": value, **extra}
    if error:
        element["errorMessage"] = error
    return element


def open_url(title: str, url: str) -> dict[str, Any]:
    """A button that opens a link."""
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def problems(heading_text: str, errors: Mapping[str, str]) -> list[dict[str, Any]]:
    """What to fix, above a form that came back after a failed check (empty when nothing failed)."""
    if not errors:
        return []
    return [text_block(heading_text, color="Attention", weight="Bolder")] + [
        text_block(f"• {message}", color="Attention", spacing="None") for message in errors.values()
    ]


def target_inputs(texts: Texts, channels: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """Where to publish: every network channel (the default), this conversation, or chosen channels."""
    return [
        {
            "type": "Input.ChoiceSet",
            "id": "target",
            "label": texts("webinar.target"),
            "value": TARGET_ALL,
            "choices": [
                {"title": texts("webinar.target_all", count=len(channels)), "value": TARGET_ALL},
                {"title": texts("webinar.target_here"), "value": TARGET_HERE},
                {"title": texts("webinar.target_chosen"), "value": TARGET_CHOSEN},
            ],
        },
        {
            "type": "Input.ChoiceSet",
            "id": "channels",
            "label": texts("webinar.channels"),
            "isMultiSelect": True,
            "style": "expanded",
            "choices": [{"title": title, "value": value} for value, title in channels],
        },
    ]
