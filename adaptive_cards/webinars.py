"""Webinar cards: the form, the preview with targets, the announcement card, the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from adaptive_cards.base import card, execute_action, heading, plain, text_block
from adaptive_cards.forms import open_url, problems, text_input

FORM_VERB = "webinar.preview"
PUBLISH_VERB = "webinar.publish"
EDIT_VERB = "webinar.edit"
TARGETS_VERB = "webinar.targets"  # the preview's channel picker
RSVP_VERB = "webinar.rsvp"
CANCEL_VERB = "webinar.cancel"
RESCHEDULE_VERB = "webinar.reschedule"
RECORDING_VERB = "webinar.recording"

Texts = Callable[..., str]


@dataclass(frozen=True)
class WebinarView:
    """What a webinar card shows, already formatted for the reader's language (texts as typed)."""

    code: str  # the public code: in the buttons' data and under "Hallinnoi" for `webinaari peru KOODI`
    title: str
    when: str  # "ke 16.12.2026 klo 14.00"
    duration_min: int
    presenter: str
    organisation: str
    description: str
    join_url: str
    calendar_url: str
    recording_url: str
    attending: int
    cancelled: bool


def form_card(texts: Texts, values: dict[str, str], errors: dict[str, str], origin: str) -> dict[str, Any]:
    """The webinar form (`origin`: its coordinator's ticket), refilled after a failed check."""
    body: list[dict[str, Any]] = [heading(texts("webinar.form_title")), *problems(texts("webinar.form_fix"), errors)]
    # (input id, label text key, placeholder, extra Input.Text properties)
    fields: tuple[tuple[str, str, str, dict[str, Any]], ...] = (
        ("title", "webinar.field.title", "", {"maxLength": 120}),
        ("organisation", "webinar.field.organisation", "", {}),
        ("presenter", "webinar.field.presenter", "", {}),
        ("start", "webinar.field.start", "16.12.2026 14:00", {}),
        ("duration", "webinar.field.duration", "45", {}),
        ("join_url", "webinar.field.join_url", "https://teams.microsoft.com/l/meetup-join/…", {}),
        ("description", "webinar.field.description", "", {"isMultiline": True, "maxLength": 2000}),
        ("repeat_until", "webinar.field.repeat_until", "31.3.2027", {}),
    )
    for input_id, label, placeholder, extra in fields:
        if placeholder:
            extra = {**extra, "placeholder": placeholder}
        body.append(text_input(input_id, texts(label), values.get(input_id, ""), errors.get(input_id, ""), **extra))
    return card(body, [execute_action(texts("webinar.preview_button"), FORM_VERB, {"origin": origin})])


def _details(texts: Texts, view: WebinarView) -> list[dict[str, Any]]:
    facts = [{"title": texts("webinar.when"), "value": f"{view.when} ({view.duration_min} min)"}]
    who = ", ".join(plain(part) for part in (view.presenter, view.organisation) if part)
    if who:
        facts.append({"title": texts("webinar.presenter"), "value": who})
    facts.append({"title": texts("webinar.attending"), "value": str(view.attending)})
    blocks: list[dict[str, Any]] = [{"type": "FactSet", "facts": facts}]
    if view.description:
        blocks.append(text_block(plain(view.description)))
    return blocks


def preview_card(
    texts: Texts, views: Sequence[WebinarView], where: list[dict[str, Any]], origin: str
) -> dict[str, Any]:
    """What will be published and `where`; the buttons name the draft by its first session's code."""
    body: list[dict[str, Any]] = [
        heading(texts("webinar.preview_title")),
        text_block(plain(views[0].title), weight="Bolder"),
    ]
    body += _details(texts, views[0])
    if len(views) > 1:
        body.append(text_block(texts("webinar.series", count=len(views)), weight="Bolder"))
        body += [text_block(f"• {view.when}", spacing="None") for view in views]
    body += where
    data = {"webinar": views[0].code, "origin": origin}
    return card(
        body,
        [
            execute_action(texts("webinar.publish_button"), PUBLISH_VERB, data),
            execute_action(texts("webinar.edit_button"), EDIT_VERB, data),
        ],
    )


def webinar_card(texts: Texts, view: WebinarView, answer: bool | None = None) -> dict[str, Any]:
    """The card posted to the channels: details, attendance, RSVP, calendar, join, and management."""
    title = texts("webinar.cancelled_title", title=plain(view.title)) if view.cancelled else plain(view.title)
    body: list[dict[str, Any]] = [
        text_block(texts("webinar.kicker"), size="Small", isSubtle=True, weight="Bolder"),
        heading(title),
        *_details(texts, view),
    ]
    if answer is not None and not view.cancelled:
        body.append(text_block(texts("webinar.you_attend" if answer else "webinar.you_skip"), color="Good"))
    actions: list[dict[str, Any]] = []
    if view.recording_url:
        actions.append(open_url(texts("webinar.recording_button"), view.recording_url))
    if not view.cancelled:
        actions += [
            execute_action(texts("webinar.attend"), RSVP_VERB, {"webinar": view.code, "attending": True}),
            execute_action(texts("webinar.skip"), RSVP_VERB, {"webinar": view.code, "attending": False}),
            open_url(texts("webinar.calendar"), view.calendar_url),
            open_url(texts("webinar.join"), view.join_url),
        ]
    manage = {
        "type": "Action.ShowCard",
        "title": texts("webinar.manage"),
        "card": {
            "type": "AdaptiveCard",
            "body": [
                text_block(texts("webinar.manage_note", code=view.code), size="Small", isSubtle=True),
                text_input("new_start", texts("webinar.field.new_start"), "", placeholder="16.12.2026 14:00"),
                text_input("recording_url", texts("webinar.field.recording"), "", placeholder="https://…"),
            ],
            "actions": [
                execute_action(texts("webinar.reschedule_button"), RESCHEDULE_VERB, {"webinar": view.code}),
                execute_action(texts("webinar.recording_save"), RECORDING_VERB, {"webinar": view.code}),
                execute_action(texts("webinar.cancel_button"), CANCEL_VERB, {"webinar": view.code}),
            ],
        },
    }
    if not view.cancelled:
        actions.append(manage)
    return card(body, actions)


def list_card(texts: Texts, views: Sequence[WebinarView]) -> dict[str, Any]:
    """Upcoming webinars with date, presenter, attendance and their buttons."""
    body: list[dict[str, Any]] = [heading(texts("webinar.list_title"))]
    if not views:
        body.append(text_block(texts("webinar.list_empty")))
    for view in views:
        body.append(
            {
                "type": "Container",
                "separator": True,
                "items": [
                    text_block(plain(view.title), weight="Bolder"),
                    *_details(texts, view)[:1],
                    {
                        "type": "ActionSet",
                        "actions": [
                            execute_action(
                                texts("webinar.attend"), RSVP_VERB, {"webinar": view.code, "attending": True}
                            ),
                            open_url(texts("webinar.calendar"), view.calendar_url),
                            open_url(texts("webinar.join"), view.join_url),
                        ],
                    },
                ],
            }
        )
    return card(body)
