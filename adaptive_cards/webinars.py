"""Webinar cards: the form, the preview, the card posted to channels, one person's own view, the list,
and the coordinator's management card (with the confirmation before cancelling)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from adaptive_cards.base import card, execute_action, heading, plain, text_block
from adaptive_cards.forms import open_url, problems, text_input

FORM_VERB = "webinar.preview"
PUBLISH_VERB = "webinar.publish"
EDIT_VERB = "webinar.edit"
TARGETS_VERB = "webinar.targets"  # the preview's channel picker
RSVP_VERB = "webinar.rsvp"
# "Show my sign-up": the presser's own view on demand, and the refresh action of the posted card. Teams
# refreshes only the users the card lists (at most 60) and the Agents Playground not at all, so without
# the button a person could lose sight of their own sign-up when the shared card is updated.
MINE_VERB = "webinar.mine"
OWN_LIST_VERB = "webinar.own_list"  # a list shown to everyone: the presser's own sign-ups
MANAGE_VERB = "webinar.manage"  # the coordinator's management card
CANCEL_VERB = "webinar.cancel"  # without `confirmed`: the question; with it: the cancellation
RESCHEDULE_VERB = "webinar.reschedule"
RECORDING_VERB = "webinar.recording"
MAX_REFRESH_USERS = 60  # Teams' limit for `refresh.userIds`

Texts = Callable[..., str]


@dataclass(frozen=True)
class WebinarView:
    """What a webinar card shows, already formatted for the reader's language (texts as typed)."""

    code: str  # the public code: in the buttons' data and in the coordinators' typed commands
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


def _facts(texts: Texts, view: WebinarView, extra: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    facts = [{"title": texts("webinar.when"), "value": f"{view.when} ({view.duration_min} min)"}]
    who = ", ".join(plain(part) for part in (view.presenter, view.organisation) if part)
    if who:
        facts.append({"title": texts("webinar.presenter"), "value": who})
    facts.append({"title": texts("webinar.attending"), "value": str(view.attending)})
    facts += [{"title": title, "value": value} for title, value in extra]
    return {"type": "FactSet", "facts": facts}


def _details(texts: Texts, view: WebinarView) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [_facts(texts, view)]
    if view.description:
        blocks.append(text_block(plain(view.description)))
    return blocks


def _title(texts: Texts, view: WebinarView) -> str:
    return texts("webinar.cancelled_title", title=plain(view.title)) if view.cancelled else plain(view.title)


def _note(text: str, ok: bool = True) -> dict[str, Any]:
    # The caller escapes any user text in `text`.
    return text_block(text, color="Good" if ok else "Attention", weight="Bolder")


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


def _with_refresh(result: dict[str, Any], code: str, refresh_for: Sequence[str]) -> dict[str, Any]:
    if refresh_for:
        result["refresh"] = {
            "action": {"type": "Action.Execute", "verb": MINE_VERB, "data": {"webinar": code}},
            "userIds": list(refresh_for)[:MAX_REFRESH_USERS],
        }
    return result


def _links(texts: Texts, view: WebinarView) -> list[dict[str, Any]]:
    """Calendar and join (while it is on), and the recording once there is one."""
    actions: list[dict[str, Any]] = []
    if view.recording_url:
        actions.append(open_url(texts("webinar.recording_button"), view.recording_url))
    if not view.cancelled:
        actions += [
            open_url(texts("webinar.calendar"), view.calendar_url),
            open_url(texts("webinar.join"), view.join_url),
        ]
    return actions


def _rsvp(texts: Texts, code: str, signed_up: bool, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """**Osallistun**, or **Peru ilmoittautuminen** for someone who has signed up."""
    data = {"webinar": code, "attending": not signed_up, **(extra or {})}
    return execute_action(texts("webinar.unattend" if signed_up else "webinar.attend"), RSVP_VERB, data)


def webinar_card(texts: Texts, view: WebinarView, refresh_for: Sequence[str] = ()) -> dict[str, Any]:
    """The card posted for everyone: details, sign-up, one's own sign-up, calendar and join; nothing to manage."""
    body: list[dict[str, Any]] = [
        text_block(texts("webinar.kicker"), size="Small", isSubtle=True, weight="Bolder"),
        heading(_title(texts, view)),
        *_details(texts, view),
    ]
    actions: list[dict[str, Any]] = []
    if not view.cancelled:
        actions += [
            execute_action(texts("webinar.attend"), RSVP_VERB, {"webinar": view.code, "attending": True}),
            execute_action(texts("webinar.mine_button"), MINE_VERB, {"webinar": view.code}),
        ]
    actions += _links(texts, view)
    # The listed people see their own view (their sign-up and the button that fits it) in Teams.
    return _with_refresh(card(body, actions), view.code, () if view.cancelled else refresh_for)


def own_card(
    texts: Texts, view: WebinarView, signed_up: bool, note: str = "", refresh_for: Sequence[str] = ()
) -> dict[str, Any]:
    """One person's own view of the posted card: whether they signed up, and the button that fits."""
    body: list[dict[str, Any]] = [
        text_block(texts("webinar.kicker"), size="Small", isSubtle=True, weight="Bolder"),
        heading(_title(texts, view)),
        *_details(texts, view),
    ]
    if not view.cancelled:
        state = texts("webinar.you_attend" if signed_up else "webinar.you_not_signed_up")
        body.append(text_block(state, color="Good" if signed_up else "Default", weight="Bolder", separator=True))
    if note:
        body.append(text_block(note, spacing="Small"))  # the caller escapes any user text in it
    actions = [] if view.cancelled else [_rsvp(texts, view.code, signed_up)]
    return _with_refresh(card(body, actions + _links(texts, view)), view.code, () if view.cancelled else refresh_for)


@dataclass(frozen=True)
class ListItem:
    """One webinar on the list, with the reader's own sign-up (None on a list everyone sees)."""

    view: WebinarView
    signed_up: bool | None = None


def list_card(
    texts: Texts, items: Sequence[ListItem], own: bool, note: str = "", manage_origin: str = ""
) -> dict[str, Any]:
    """Upcoming webinars; a reader's `own` list shows their sign-up on each, a shared one a button to see it."""
    # `manage_origin`: the ticket of a coordinator's own list, which offers **Hallinnoi** on each webinar.
    body: list[dict[str, Any]] = [heading(texts("webinar.list_title"))]
    if note:
        body.append(_note(note))
    if not items:
        body.append(text_block(texts("webinar.list_empty")))
    for item in items:
        view = item.view
        # A coordinator's own list shows each webinar's code, for the typed commands.
        extra = [(texts("webinar.code"), view.code)] if manage_origin else []
        rows: list[dict[str, Any]] = [text_block(plain(view.title), weight="Bolder"), _facts(texts, view, extra)]
        if item.signed_up is not None:
            state = texts("webinar.you_attend" if item.signed_up else "webinar.you_not_signed_up")
            rows.append(text_block(state, color="Good" if item.signed_up else "Default", spacing="Small"))
        actions = [_rsvp(texts, view.code, bool(item.signed_up), {"view": "list"}), *_links(texts, view)]
        if manage_origin:
            actions.append(
                execute_action(texts("webinar.manage"), MANAGE_VERB, {"webinar": view.code, "origin": manage_origin})
            )
        rows.append({"type": "ActionSet", "actions": actions})
        body.append({"type": "Container", "separator": True, "spacing": "Medium", "items": rows})
    actions = [] if own or not items else [execute_action(texts("webinar.own_list_button"), OWN_LIST_VERB)]
    return card(body, actions)


def manage_card(
    texts: Texts,
    view: WebinarView,
    origin: str,
    published_to: str,
    note: str = "",
    ok: bool = True,
    new_start: str = "",
) -> dict[str, Any]:
    """A coordinator's own card for one published webinar: move it, add the recording, cancel it."""
    # Shown only to the coordinator (in their chat, or as the answer to their press); every button carries
    # their ticket and the router re-checks the role on each press.
    body: list[dict[str, Any]] = [
        text_block(texts("webinar.manage_kicker"), size="Small", isSubtle=True, weight="Bolder"),
        heading(_title(texts, view)),
    ]
    if note:
        body.append(_note(note, ok))
    extra = [(texts("webinar.published_fact"), published_to), (texts("webinar.code"), view.code)]
    if view.recording_url:
        extra.append((texts("webinar.recording"), plain(view.recording_url)))
    body.append(_facts(texts, view, extra))
    if view.cancelled:
        return card(body)
    body.append(text_block(texts("webinar.manage_note", code=view.code), size="Small", isSubtle=True))
    data = {"webinar": view.code, "origin": origin}

    def show(title: str, inputs: list[dict[str, Any]], button: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "Action.ShowCard",
            "title": title,
            "card": {"type": "AdaptiveCard", "body": inputs, "actions": [button]},
        }

    actions = [
        show(
            texts("webinar.reschedule_open"),
            [text_input("new_start", texts("webinar.field.new_start"), new_start, placeholder="16.12.2026 14:00")],
            execute_action(texts("webinar.reschedule_button"), RESCHEDULE_VERB, data),
        ),
        show(
            texts("webinar.recording_open"),
            [text_input("recording_url", texts("webinar.field.recording"), "", placeholder="https://…")],
            execute_action(texts("webinar.recording_save"), RECORDING_VERB, data),
        ),
        execute_action(texts("webinar.cancel_button"), CANCEL_VERB, data),
        # The card is the coordinator's alone and is not updated as people sign up: this shows the count now.
        execute_action(texts("webinar.manage_refresh"), MANAGE_VERB, data),
    ]
    return card(body, actions)


def series_card(
    texts: Texts, views: Sequence[WebinarView], origin: str, published_to: str, note: str
) -> dict[str, Any]:
    """A coordinator's own card for a series just published: each session managed on its own."""
    first = views[0]
    body: list[dict[str, Any]] = [
        text_block(texts("webinar.manage_kicker"), size="Small", isSubtle=True, weight="Bolder"),
        heading(plain(first.title)),
        _note(note),
        {"type": "FactSet", "facts": [{"title": texts("webinar.published_fact"), "value": published_to}]},
    ]
    for view in views:
        data = {"webinar": view.code, "origin": origin}
        body.append(
            {
                "type": "Container",
                "separator": True,
                "items": [
                    text_block(f"{view.when} · {texts('webinar.code')} {view.code}"),
                    {"type": "ActionSet", "actions": [execute_action(texts("webinar.manage"), MANAGE_VERB, data)]},
                ],
            }
        )
    return card(body)


def cancel_question_card(texts: Texts, view: WebinarView, origin: str, channels: int) -> dict[str, Any]:
    """ "Perutaanko …?" before anything is cancelled: **Kyllä, peru** or **Älä peru**."""
    data = {"webinar": view.code, "origin": origin}
    body = [
        text_block(texts("webinar.manage_kicker"), size="Small", isSubtle=True, weight="Bolder"),
        heading(texts("webinar.cancel_question", title=plain(view.title))),
        text_block(view.when, weight="Bolder", spacing="None"),
        text_block(texts("webinar.cancel_consequences", channels=channels, attending=view.attending)),
    ]
    return card(
        body,
        [
            execute_action(texts("webinar.cancel_yes"), CANCEL_VERB, {**data, "confirmed": True}),
            execute_action(texts("webinar.cancel_no"), MANAGE_VERB, data),
        ],
    )
