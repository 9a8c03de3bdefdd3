"""Referral cards: the form, the choice of service, the confirmation, the provider's card, the
adviser's follow-up and the list of referrals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from adaptive_cards.base import card, execute_action, heading, plain, text_block
from adaptive_cards.forms import problems, text_input

SUBMIT_VERB = "referral.submit"
CHOOSE_VERB = "referral.choose"
ANSWER_VERB = "referral.answer"  # the provider's buttons
OUTCOME_VERB = "referral.outcome"  # the adviser's follow-up buttons
PAGE_VERB = "referral.page"
PROVIDER_ANSWERS = ("contacting", "not_ours", "needs_info")
OUTCOMES = ("served", "waiting", "no_need", "elsewhere")

Texts = Callable[..., str]
Choices = Sequence[tuple[str, str]]  # (value, title)


@dataclass(frozen=True)
class ReferralView:
    """One referral as a card shows it, in the reader's language (values as typed; the card escapes them)."""

    code: str
    facts: list[tuple[str, str]]  # (label, value) in display order
    status: str  # the status in words
    answered: str = ""  # "Otetaan yhteyttä: Name, ke 2.12.2026 klo 10.15", already escaped (a typed note)
    mention: tuple[str, str] | None = None  # (Teams id, name) of the referring adviser
    removed: bool = False
    outcome_buttons: bool = False
    summary: str = ""  # one line for lists: "Alkutakaus – Finnvera · Mikkeli · 2.12.2026"


def _choice_set(
    input_id: str, label: str, choices: Choices, value: str, error: str = "", **extra: Any
) -> dict[str, Any]:
    # Nothing chosen is no choice at all (a placeholder), never a choice with an empty value.
    element: dict[str, Any] = {
        "type": "Input.ChoiceSet",
        "id": input_id,
        "label": label,
        "style": "compact",
        "value": value,
        "choices": [{"title": title, "value": choice} for choice, title in choices if choice],
        **extra,
    }
    if error:
        element["errorMessage"] = error
    return element


def _required(texts: Texts, element: dict[str, Any]) -> dict[str, Any]:
    """A required input, with the message Teams shows when it is left empty (unless a check's is there)."""
    return {"isRequired": True, "errorMessage": texts("referral.error.required"), **element}


def form_card(
    texts: Texts,
    values: dict[str, str],
    errors: dict[str, str],
    choices: dict[str, Choices],
    data: dict[str, Any],
) -> dict[str, Any]:
    """The referral form, refilled after a failed check; `data` goes with its submit button."""
    body: list[dict[str, Any]] = [
        heading(texts("referral.form_title")),
        text_block(texts("referral.form_intro"), isSubtle=True, size="Small"),
        *problems(texts("referral.form_fix"), errors),
        _required(
            texts,
            text_input(
                "company",
                texts("referral.field.company"),
                values.get("company", ""),
                errors.get("company", ""),
                maxLength=120,
            ),
        ),
        text_input(
            "business_id",
            texts("referral.field.business_id"),
            values.get("business_id", ""),
            errors.get("business_id", ""),
            placeholder="1234567-8",
            maxLength=20,
        ),
        _required(
            texts,
            _choice_set(
                "municipality",
                texts("referral.field.municipality"),
                choices["municipality"],
                values.get("municipality", ""),
                errors.get("municipality", ""),
                placeholder=texts("referral.choose"),
            ),
        ),
        _choice_set(
            "stage",
            texts("referral.field.stage"),
            choices["stage"],
            values.get("stage", ""),
            errors.get("stage", ""),
            placeholder=texts("referral.choose"),
        ),
        _choice_set(
            "size",
            texts("referral.field.size"),
            choices["size"],
            values.get("size", ""),
            errors.get("size", ""),
            placeholder=texts("referral.choose"),
        ),
        # "filtered": Teams lets the adviser type to search the knowledge base's services.
        _required(
            texts,
            _choice_set(
                "service",
                texts("referral.field.service"),
                choices["service"],
                values.get("service", ""),
                errors.get("service", ""),
                placeholder=texts("referral.choose"),
                **{"style": "filtered"},
            ),
        ),
        text_input(
            "other_provider",
            texts("referral.field.other_provider"),
            values.get("other_provider", ""),
            errors.get("other_provider", ""),
            maxLength=120,
        ),
        _required(
            texts,
            text_input(
                "need",
                texts("referral.field.need"),
                values.get("need", ""),
                errors.get("need", ""),
                isMultiline=True,
                maxLength=500,
            ),
        ),
        {
            "type": "Input.Toggle",
            "id": "consent",
            "title": texts("referral.field.consent"),
            "value": values.get("consent", "false"),
            "valueOn": "true",
            "valueOff": "false",
            "wrap": True,
            **({"errorMessage": errors["consent"]} if errors.get("consent") else {}),
        },
    ]
    return card(body, [execute_action(texts("referral.submit"), SUBMIT_VERB, data)])


def choose_card(texts: Texts, typed: str, candidates: Choices, values: dict[str, Any]) -> dict[str, Any]:
    """A short choice when the typed service fits several: one button per candidate, carrying `values`."""
    body = [heading(texts("referral.choose_title")), text_block(texts("referral.choose_intro", text=plain(typed)))]
    actions = [
        execute_action(title, CHOOSE_VERB, {**values, "service": service_id}) for service_id, title in candidates
    ]
    return card([*body, {"type": "ActionSet", "actions": actions}])


def _facts(facts: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "FactSet", "facts": [{"title": label, "value": plain(value)} for label, value in facts]}


def confirmation_card(texts: Texts, view: ReferralView, notes: Sequence[str]) -> dict[str, Any]:
    """What the adviser sees after logging: the referral and what happens next."""
    body = [heading(texts("referral.logged_title")), _facts(view.facts)]
    body += [text_block(note, spacing="Small") for note in notes]
    return card(body)


def provider_card(texts: Texts, view: ReferralView) -> dict[str, Any]:
    """The card in the provider's conversation: the referral, who sent it, and the answer buttons."""
    if view.removed:
        return card([heading(texts("referral.provider_removed")), text_block(f"{texts('referral.code')}: {view.code}")])
    adviser = f"<at>{view.mention[1]}</at>" if view.mention else ""
    company, *others = view.facts  # the company is the title
    body: list[dict[str, Any]] = [
        heading(texts("referral.provider_title", company=plain(company[1]))),
        text_block(texts("referral.provider_intro", adviser=adviser or "-")),
        _facts(others),
    ]
    if view.answered:
        body.append(text_block(view.answered, weight="Bolder", color="Good"))
    note_form = {
        "type": "Action.ShowCard",
        "title": texts("referral.answer.needs_info"),
        "card": {
            "type": "AdaptiveCard",
            "body": [text_input("note", texts("referral.answer.note"), "", maxLength=300, isMultiline=True)],
            "actions": [
                execute_action(texts("referral.answer.send"), ANSWER_VERB, {"code": view.code, "answer": "needs_info"})
            ],
        },
    }
    actions = [
        execute_action(texts(f"referral.answer.{answer}"), ANSWER_VERB, {"code": view.code, "answer": answer})
        for answer in ("contacting", "not_ours")
    ] + [note_form]
    result = card(body, actions)
    if view.mention:
        result["msteams"]["entities"] = [
            {"type": "mention", "text": adviser, "mentioned": {"id": view.mention[0], "name": view.mention[1]}}
        ]
    return result


def _outcome_buttons(texts: Texts, code: str, **extra: Any) -> list[dict[str, Any]]:
    return [
        execute_action(texts(f"referral.outcome.{outcome}"), OUTCOME_VERB, {"code": code, "outcome": outcome, **extra})
        for outcome in OUTCOMES
    ]


def follow_up_card(texts: Texts, view: ReferralView, intro: str, note: str = "") -> dict[str, Any]:
    """ "Saiko yritys apua?": the adviser's 1:1 card with the outcome buttons."""
    body = [heading(texts("referral.follow_up_title")), text_block(intro), _facts(view.facts)]
    if note:
        body.append(text_block(note, weight="Bolder", color="Good"))
    return card(body, None if view.removed else _outcome_buttons(texts, view.code))


def list_card(
    texts: Texts,
    title: str,
    views: Sequence[ReferralView],
    page: int,
    total: int,
    page_size: int,
    scope: str,
    origin: str,
) -> dict[str, Any]:
    """A page of referrals, newest first, each with its status buttons; `origin`: the reader's ticket."""
    body: list[dict[str, Any]] = [heading(title)]
    if not views:
        body.append(text_block(texts("referral.list_empty")))
        return card(body)
    first = page * page_size + 1
    body.append(
        text_block(
            texts("referral.list_page", first=first, last=first + len(views) - 1, total=total),
            isSubtle=True,
            size="Small",
        )
    )
    for view in views:
        company = view.facts[0][1] if view.facts else view.code
        container: dict[str, Any] = {
            "type": "Container",
            "separator": True,
            "items": [
                text_block(f"**{plain(company)}** · {view.code}"),
                text_block(plain(view.summary), spacing="None", isSubtle=True),
                text_block(f"{texts('referral.status')}: **{view.status}**", spacing="None"),
            ],
        }
        if view.outcome_buttons and not view.removed:
            container["items"].append(
                {
                    "type": "ActionSet",
                    "actions": [
                        {
                            "type": "Action.ShowCard",
                            "title": texts("referral.change_status"),
                            "card": {
                                "type": "AdaptiveCard",
                                "body": [],
                                "actions": _outcome_buttons(texts, view.code, page=page, scope=scope, origin=origin),
                            },
                        }
                    ],
                }
            )
        body.append(container)
    actions = []
    if page > 0:
        data = {"page": page - 1, "scope": scope, "origin": origin}
        actions.append(execute_action(texts("referral.list_previous"), PAGE_VERB, data))
    if first + len(views) - 1 < total:
        data = {"page": page + 1, "scope": scope, "origin": origin}
        actions.append(execute_action(texts("referral.list_next"), PAGE_VERB, data))
    return card(body, actions or None)
