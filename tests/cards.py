"""Checking cards the way Teams would accept them: Adaptive Cards 1.5 schema and the size limit."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema_rs import ValidationError, ValidationErrorKind

from adaptive_cards.base import CARD_CONTENT_TYPE, MAX_CARD_BYTES

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "adaptive_cards" / "schema" / "adaptive-card-1.5.schema.json"
REPORTED_ERRORS = 5  # enough to see a pattern, short enough to read in a failed assertion


@cache
def _validator() -> jsonschema_rs.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # The schema is draft-06 with only local `#/definitions/...` refs. Its "uri"/"uri-reference" formats
    # are not asserted, as python-jsonschema (used before) did not assert them either: same verdicts.
    return jsonschema_rs.validator_for(schema, validate_formats=False)


def _without_msteams(value: Any) -> Any:
    # `msteams` is Teams' own extension (width, entities for mentions); the schema does not know it.
    # Nor does it know Teams' static typeahead, `Input.ChoiceSet` with style "filtered", which Teams
    # documents for Adaptive Cards 1.5 and shows as a compact list elsewhere.
    if isinstance(value, dict):
        if value.get("type") == "Input.ChoiceSet" and value.get("style") == "filtered":
            value = {**value, "style": "compact"}
        return {key: _without_msteams(item) for key, item in value.items() if key != "msteams"}
    if isinstance(value, list):
        return [_without_msteams(item) for item in value]
    return value


def _misses_branch(error: ValidationError, at: list[str | int]) -> bool:
    """Whether `error` says the value at `at` is another kind of thing than an anyOf branch describes."""
    path = list(error.instance_path)
    kind = error.kind
    return (isinstance(kind, ValidationErrorKind.Enum) and path == [*at, "type"]) or (
        isinstance(kind, ValidationErrorKind.Type) and path == at
    )


def _explaining(error: ValidationError) -> list[ValidationError]:
    """The errors that explain `error`: for an anyOf, those of the branch meant for the value's `type`."""
    # Every element, action and inline is an anyOf over all types, so the failure itself always sits on
    # the container ("not valid under any of the schemas"); the useful errors are in the matching branch.
    branches = error.kind.context if isinstance(error.kind, ValidationErrorKind.AnyOf) else []
    at = list(error.instance_path)
    meant = [branch for branch in branches if not any(_misses_branch(sub, at) for sub in branch)]
    if not meant:
        return [error]
    return [leaf for sub in min(meant, key=len) for leaf in _explaining(sub)]


def _describe(error: ValidationError) -> str:
    """`path: message`, with an unknown `type` said plainly instead of dumping the whole element."""
    path = "/".join(map(str, error.instance_path)) or "(card)"
    instance = error.instance
    if isinstance(error.kind, ValidationErrorKind.AnyOf) and isinstance(instance, dict) and "type" in instance:
        return f"{path}: type {instance['type']!r} is not allowed here"
    return f"{path}: {error.message[:300]}"


def card_errors(card: dict[str, Any]) -> list[str]:
    """What is wrong with `card` as an Adaptive Card 1.5 for Teams, each as `json/path: message`; empty if valid."""
    size = len(json.dumps(card, ensure_ascii=False).encode("utf-8"))
    if size > MAX_CARD_BYTES:
        return [f"(card): card is {size} bytes, over the {MAX_CARD_BYTES}-byte limit"]
    if card.get("version") != "1.5":
        return [f"version: card version {card.get('version')!r}, expected 1.5"]
    errors = [leaf for error in _validator().iter_errors(_without_msteams(card)) for leaf in _explaining(error)]
    return list(dict.fromkeys(_describe(error) for error in errors))  # in card order, each once


def assert_valid_card(card: dict[str, Any]) -> None:
    """Fail unless `card` is a valid Adaptive Card 1.5 of at most 28 KB."""
    errors = card_errors(card)
    assert not errors, "invalid Adaptive Card: " + "; ".join(errors[:REPORTED_ERRORS])


def cards_in(activity: dict[str, Any]) -> list[dict[str, Any]]:
    """The Adaptive Card contents attached to an activity."""
    return [
        attachment["content"]
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == CARD_CONTENT_TYPE
    ]


def assert_valid_cards(activities: list[dict[str, Any]]) -> None:
    """Validate every card attached to any of the activities."""
    for activity in activities:
        for card in cards_in(activity):
            assert_valid_card(card)
