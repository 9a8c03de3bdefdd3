"""Checking cards the way Teams would accept them: Adaptive Cards 1.5 schema and the size limit."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from adaptive_cards.base import CARD_CONTENT_TYPE, MAX_CARD_BYTES

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "adaptive_cards" / "schema" / "adaptive-card-1.5.schema.json"


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _without_msteams(value: Any) -> Any:
    # `msteams` is Teams' own extension (width, entities for mentions); the schema does not know it.
    if isinstance(value, dict):
        return {key: _without_msteams(item) for key, item in value.items() if key != "msteams"}
    if isinstance(value, list):
        return [_without_msteams(item) for item in value]
    return value


def assert_valid_card(card: dict[str, Any]) -> None:
    """Fail unless `card` is a valid Adaptive Card 1.5 of at most 28 KB."""
    size = len(json.dumps(card, ensure_ascii=False).encode("utf-8"))
    assert size <= MAX_CARD_BYTES, f"card is {size} bytes, over the {MAX_CARD_BYTES}-byte limit"
    assert card.get("version") == "1.5", f"card version {card.get('version')!r}, expected 1.5"
    errors = sorted(_validator().iter_errors(_without_msteams(copy.deepcopy(card))), key=str)
    assert not errors, "invalid Adaptive Card: " + "; ".join(
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors[:5]
    )


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
