"""Form pieces shared by the coordinators' cards: inputs, the list of problems, the choice of targets."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from adaptive_cards.base import card, fit, heading, text_block

TARGET_ALL, TARGET_HERE, TARGET_CHOSEN = "all", "here", "chosen"
# A form refilled with what was typed keeps at most this much of one field (as sent): an announcement
# of 4,000 emoji would otherwise come back as a form too big to send.
MAX_VALUE_BYTES = 8000

Texts = Callable[..., str]


def text_input(input_id: str, label: str, value: str, error: str = "", **extra: Any) -> dict[str, Any]:
    """An Input.Text refilled with as much of `value` as fits; `error` is shown under it."""
    element: dict[str, Any] = {
        "type": "Input.Text",
        "id": input_id,
        "label": label,
        "value": fit(value, MAX_VALUE_BYTES),
        **extra,
    }
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


def target_inputs(texts: Texts, channel_count: int, chosen_count: int, picker: dict[str, Any]) -> list[dict[str, Any]]:
    """Where to publish: every network channel (the default), this conversation, or chosen channels."""
    # The channels are not listed (hundreds would not fit a card): `picker` opens them a page at a time,
    # and the choice is kept with the draft. Expanded, wrapping choices: on a phone a drop-down cuts
    # "Kaikille verkoston kanaville (12)" short and hides the other options.
    return [
        {
            "type": "Input.ChoiceSet",
            "id": "target",
            "label": texts("webinar.target"),
            "style": "expanded",
            "wrap": True,
            "value": TARGET_CHOSEN if chosen_count else TARGET_ALL,
            "choices": [
                {"title": texts("webinar.target_all", count=channel_count), "value": TARGET_ALL},
                {"title": texts("webinar.target_here"), "value": TARGET_HERE},
                {"title": texts("webinar.target_chosen", count=chosen_count), "value": TARGET_CHOSEN},
            ],
        },
        {"type": "ActionSet", "actions": [picker]},
    ]


def channel_picker_card(
    texts: Texts,
    channels: Sequence[tuple[str, str]],
    selected: Sequence[str],
    page: int,
    pages: int,
    chosen_count: int,
    move: Callable[[str, dict[str, Any]], dict[str, Any]],
    total: int = 0,
) -> dict[str, Any]:
    """One page of the network's channels (`total` in all) to tick; `move(title, data)` makes its buttons."""
    # Action.Execute sends the card's inputs: each button carries this page's ticks to the bot, which
    # keeps the choice with the draft and shows the next page, the previous one or the preview again.
    body: list[dict[str, Any]] = [heading(texts("webinar.picker_title"))]
    if not chosen_count and total:
        # Unticked boxes would read as "nowhere": say that no ticks keeps the preview's default.
        body.append(text_block(texts("webinar.picker_none", count=total)))
    if chosen_count or pages > 1:
        key = "webinar.picker_page" if chosen_count else "webinar.picker_page_only"
        body.append(text_block(texts(key, page=page + 1, pages=pages, count=chosen_count), isSubtle=True, size="Small"))
    if channels:
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": "channels",
                "label": texts("webinar.channels"),
                "isMultiSelect": True,
                "style": "expanded",
                "wrap": True,  # "Team › Channel" names wrap on a phone instead of being cut short
                "value": ",".join(selected),
                "choices": [{"title": title, "value": value} for value, title in channels],
            }
        )
    else:
        body.append(text_block(texts("webinar.picker_empty")))
    actions = []
    if page > 0:
        actions.append(move(texts("webinar.picker_previous"), {"from_page": page, "page": page - 1}))
    if page + 1 < pages:
        actions.append(move(texts("webinar.picker_next"), {"from_page": page, "page": page + 1}))
    actions.append(move(texts("webinar.picker_done"), {"from_page": page, "done": True}))
    return card(body, actions)
