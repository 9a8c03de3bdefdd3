"""Cards of the service finder: results, narrowing form, company profile form, no-match help."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from adaptive_cards.base import card, execute_action, heading, text_block

REFER_VERB = "finder.refer"
MORE_VERB = "finder.more"
FEEDBACK_VERB = "finder.feedback"
FORM_KEY = "kasvuopas"  # Action.Submit data carries {"kasvuopas": <form name>, ...}
NARROW_FORM = "narrow"
PROFILE_FORM = "profile"
NEED_FORM = "need"

Texts = Callable[..., str]
Choices = Sequence[tuple[str, str]]  # (value, title)


def _choice_set(input_id: str, label: str, choices: Choices, multi: bool = False) -> dict[str, Any]:
    return {
        "type": "Input.ChoiceSet",
        "id": input_id,
        "label": label,
        "style": "compact" if not multi else "expanded",
        "isMultiSelect": multi,
        "choices": [{"title": title, "value": value} for value, title in choices],
    }


def _submit(title: str, form: str, **data: Any) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": title, "data": {FORM_KEY: form, **data}}


def _result_block(texts: Texts, rank: int, result: dict[str, Any], search_id: int) -> dict[str, Any]:
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
            text_block(f"{rank}. {result['name']}", weight="Bolder"),
            text_block(result["provider"], isSubtle=True, spacing="None"),
            text_block(result["why"], size="Small", spacing="Small"),
            text_block(result["summary"], spacing="Small"),
            text_block(" · ".join(reach), size="Small", spacing="Small"),
            {
                "type": "ActionSet",
                "actions": [
                    execute_action(
                        texts("finder.refer"),
                        REFER_VERB,
                        {"search_id": search_id, "service_id": result["service_id"]},
                    )
                ],
            },
        ],
    }


def results_card(
    texts: Texts,
    question: str,
    understood: str,
    results: Sequence[dict[str, Any]],
    search_id: int,
    more_available: bool,
    narrow: dict[str, Choices] | None = None,
    feedback_given: bool | None = None,
    recordings: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The finder's answer: the services that fit, each with why, link, contact and a referral button,
    and recordings of past webinars about them."""
    body: list[dict[str, Any]] = [
        heading(texts("finder.title")),
        text_block(f"“{question}”", isSubtle=True, spacing="None"),
    ]
    if understood:
        body.append(text_block(understood, size="Small", isSubtle=True, spacing="Small"))
    body += [_result_block(texts, rank, result, search_id) for rank, result in enumerate(results, start=1)]
    if recordings:
        body.append(text_block(texts("finder.recordings"), weight="Bolder", separator=True, spacing="Large"))
        body += [text_block(f"▶ [{title}]({url})", spacing="Small") for title, url in recordings]
    if narrow:
        body.append(text_block(texts("finder.narrow_intro"), weight="Bolder", separator=True, spacing="Large"))
        body += [
            _choice_set("municipality", texts("finder.municipality"), narrow["municipality"]),
            _choice_set("stage", texts("finder.stage"), narrow["stage"]),
            _choice_set("size", texts("finder.size"), narrow["size"]),
            {
                "type": "ActionSet",
                "actions": [_submit(texts("finder.narrow_button"), NARROW_FORM, search_id=search_id)],
            },
        ]
    actions: list[dict[str, Any]] = []
    if more_available:
        actions.append(execute_action(texts("finder.more"), MORE_VERB, {"search_id": search_id}))
    if feedback_given is None:
        actions += [
            execute_action(texts("finder.helpful"), FEEDBACK_VERB, {"search_id": search_id, "helpful": True}),
            execute_action(texts("finder.not_helpful"), FEEDBACK_VERB, {"search_id": search_id, "helpful": False}),
        ]
    else:
        body.append(text_block(texts("finder.thanks"), size="Small", isSubtle=True, separator=True))
    return card(body, actions)


def no_match_card(texts: Texts, question: str, needs: Choices) -> dict[str, Any]:
    """Nothing relevant: say so, and offer the need categories to choose from."""
    return card(
        [
            heading(texts("finder.none_title")),
            text_block(f"“{question}”", isSubtle=True, spacing="None"),
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
            _choice_set("municipality", texts("finder.municipality"), choices["municipality"]),
            _choice_set("stage", texts("finder.stage"), choices["stage"]),
            _choice_set("size", texts("finder.size"), choices["size"]),
            _choice_set("sector", texts("finder.sector"), choices["sector"]),
            _choice_set("needs", texts("finder.needs"), choices["needs"], multi=True),
        ],
        [_submit(texts("finder.search_button"), PROFILE_FORM)],
    )
