"""Cards of the service finder: results, narrowing form, company profile form, no-match help."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from adaptive_cards.base import card, execute_action, heading, plain, text_block

REFER_VERB = "finder.refer"
MORE_VERB = "finder.more"
FEEDBACK_VERB = "finder.feedback"
FORM_KEY = "kasvuopas"  # Action.Submit data carries {"kasvuopas": <form name>, ...}
NARROW_FORM = "narrow"
PROFILE_FORM = "profile"
NEED_FORM = "need"

Texts = Callable[..., str]
Choices = Sequence[tuple[str, str]]  # (value, title)


def _choice_set(
    input_id: str, label: str, choices: Choices, multi: bool = False, placeholder: str = ""
) -> dict[str, Any]:
    choice_set: dict[str, Any] = {
        "type": "Input.ChoiceSet",
        "id": input_id,
        "label": label,
        "style": "compact" if not multi else "expanded",
        "isMultiSelect": multi,
        "choices": [{"title": title, "value": value} for value, title in choices],
    }
    if placeholder:
        choice_set["placeholder"] = placeholder
    return choice_set


def _facet_choice(texts: Texts, input_id: str, choices: Choices) -> dict[str, Any]:
    """A company fact to pick, left unpicked for "any" (the placeholder says so)."""
    return _choice_set(input_id, texts(f"finder.{input_id}"), choices, placeholder=texts("finder.any"))


def _submit(title: str, form: str, **data: Any) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": title, "data": {FORM_KEY: form, **data}}


def _conditions(texts: Texts, result: dict[str, Any]) -> list[dict[str, Any]]:
    """The service's eligibility rules the question left open, for the adviser to check."""
    conditions = result.get("conditions") or []
    if not conditions:
        return []
    shown = texts("finder.conditions", conditions="; ".join(conditions))
    # Default colour: the yellow "Warning" colour is hard to read on Teams' light theme.
    return [text_block(f"⚠ {shown}", size="Small", spacing="Small")]


def _result_block(texts: Texts, rank: int, result: dict[str, Any]) -> dict[str, Any]:
    contact = result.get("contact") or {}
    reach = [f"[{texts('finder.web')}]({result['link']})"]
    if contact.get("phone"):
        reach.append(f"{texts('finder.phone')} {contact['phone']}")
    if contact.get("email"):
        reach.append(contact["email"])
    return {
        "type": "Container",
        "separator": True,
        "spacing": "Medium",
        "items": [
            # plain(): "1. Name" would otherwise be a Markdown list item, indented and renumbered
            text_block(plain(f"{rank}. {result['name']}"), weight="Bolder"),
            text_block(plain(result["provider"]), isSubtle=True, spacing="None"),
            text_block(result["why"], size="Small", spacing="Small"),
            *_conditions(texts, result),
            text_block(result["summary"], spacing="Small"),
            text_block(" · ".join(reach), size="Small", spacing="Small"),
        ],
    }


def _refer_chooser(texts: Texts, results: Sequence[dict[str, Any]], search: str) -> list[dict[str, Any]]:
    """One **Kirjaa ohjaus** button, with a choice of the services shown when there are several."""
    if len(results) == 1:
        data = {"search": search, "service_id": results[0]["service_id"]}
        return [{"type": "ActionSet", "actions": [execute_action(texts("finder.refer"), REFER_VERB, data)]}]
    chooser = _choice_set(
        "service_id",
        texts("finder.refer_choice"),
        [(result["service_id"], f"{rank}. {result['name']}") for rank, result in enumerate(results, start=1)],
    )
    # Radio buttons that wrap: a drop-down cuts long service names off on a phone.
    chooser.update(style="expanded", wrap=True, value=results[0]["service_id"])
    return [
        {**chooser, "separator": True, "spacing": "Large"},
        {"type": "ActionSet", "actions": [execute_action(texts("finder.refer"), REFER_VERB, {"search": search})]},
    ]


def results_card(
    texts: Texts,
    question: str,
    understood: str,
    results: Sequence[dict[str, Any]],
    search: str,
    more_available: bool,
    narrow: dict[str, Choices] | None = None,
    feedback_given: bool | None = None,
    recordings: Sequence[tuple[str, str]] = (),
    note: str = "",
) -> dict[str, Any]:
    """The finder's answer: the services that fit, each with why, link and contact, one referral
    button with a choice of them, and recordings of past webinars about them. `search` is the code
    of the stored search that every button names; `note` says what the answer leaves out and why."""
    body: list[dict[str, Any]] = [
        heading(texts("finder.title")),
        text_block(texts("finder.quoted", question=plain(question)), isSubtle=True, spacing="None"),
    ]
    if understood:
        body.append(text_block(understood, size="Small", isSubtle=True, spacing="Small"))
    if note:
        body.append(text_block(note, size="Small", color="Warning", spacing="Small"))
    body += [_result_block(texts, rank, result) for rank, result in enumerate(results, start=1)]
    if results:
        body += _refer_chooser(texts, results, search)
    if recordings:
        body.append(text_block(texts("finder.recordings"), weight="Bolder", separator=True, spacing="Large"))
        body += [text_block(f"▶ [{plain(title)}]({url})", spacing="Small") for title, url in recordings]
    if narrow:
        body.append(text_block(texts("finder.narrow_intro"), weight="Bolder", separator=True, spacing="Large"))
        body += [
            _facet_choice(texts, "municipality", narrow["municipality"]),
            _facet_choice(texts, "stage", narrow["stage"]),
            _facet_choice(texts, "size", narrow["size"]),
            {
                "type": "ActionSet",
                "actions": [_submit(texts("finder.narrow_button"), NARROW_FORM, search=search)],
            },
        ]
    actions: list[dict[str, Any]] = []
    if more_available:
        actions.append(execute_action(texts("finder.more"), MORE_VERB, {"search": search}))
    if feedback_given is None:
        shown = len(results)  # the feedback answer keeps as many results as the card showed
        actions += [
            execute_action(texts("finder.helpful"), FEEDBACK_VERB, {"search": search, "helpful": True, "shown": shown}),
            execute_action(
                texts("finder.not_helpful"), FEEDBACK_VERB, {"search": search, "helpful": False, "shown": shown}
            ),
        ]
    else:
        body.append(text_block(texts("finder.thanks"), size="Small", isSubtle=True, separator=True))
    return card(body, actions)


def no_match_card(texts: Texts, question: str, needs: Choices, note: str = "") -> dict[str, Any]:
    """Nothing relevant: say so (and `note`, why), and offer the need categories to choose from."""
    return card(
        [
            heading(texts("finder.none_title")),
            text_block(texts("finder.quoted", question=plain(question)), isSubtle=True, spacing="None"),
            *([text_block(note, color="Warning")] if note else []),
            text_block(texts("finder.none_body")),
            _choice_set("need", texts("finder.need"), needs),
            {"type": "ActionSet", "actions": [_submit(texts("finder.search_button"), NEED_FORM, question=question)]},
        ]
    )


def profile_card(texts: Texts, choices: dict[str, Choices]) -> dict[str, Any]:
    """The company profile form: pick municipality, stage, size, sector and needs instead of typing."""
    return card(
        [
            heading(texts("finder.profile_title")),
            text_block(texts("finder.profile_intro")),
            _facet_choice(texts, "municipality", choices["municipality"]),
            _facet_choice(texts, "stage", choices["stage"]),
            _facet_choice(texts, "size", choices["size"]),
            _facet_choice(texts, "sector", choices["sector"]),
            _choice_set("needs", texts("finder.needs"), choices["needs"], multi=True),
        ],
        [_submit(texts("finder.search_button"), PROFILE_FORM)],
    )
