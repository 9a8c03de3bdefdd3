"""The card checker itself: it must reject what Teams would reject and say where."""

from __future__ import annotations

from typing import Any

import pytest

from adaptive_cards.base import MAX_CARD_BYTES, card, execute_action, text_block
from tests.cards import _parser, assert_valid_card, card_errors, parser_errors


def _card_with(*body: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A card as the bot builds it (with Teams' `msteams` extension), plus overrides."""
    return {**card(list(body)), **extra}


def test_a_card_as_the_bot_builds_it_is_valid() -> None:
    valid = _card_with(text_block("Hei"), actions=[execute_action("Apua", "help.show", {"page": 1})])
    assert card_errors(valid) == []
    assert_valid_card(valid)


@pytest.mark.parametrize(
    ("invalid", "expected"),
    [
        pytest.param(
            _card_with(text_block("Hei"), {"type": "Carousel", "pages": []}),
            "body/1: type 'Carousel' is not allowed here",
            id="unknown-element-type",
        ),
        pytest.param(
            _card_with({"type": "TextBlock", "wrap": True}),
            'body/0: "text" is a required property',
            id="textblock-without-text",
        ),
        pytest.param(
            _card_with({"type": "Container", "items": [text_block("a"), {"type": "TextBlock", "size": "Large"}]}),
            'body/0/items/1: "text" is a required property',
            id="nested-textblock-without-text",
        ),
        pytest.param(
            _card_with(text_block("Hei"), actions=[{"type": "Action.OpenUrl", "title": "Avaa"}]),
            'actions/0: "url" is a required property',
            id="openurl-without-url",
        ),
        pytest.param(
            _card_with(text_block("Hei"), version="1.6"),
            "version: card version '1.6', expected 1.5",
            id="wrong-version",
        ),
        pytest.param(
            _card_with(text_block("x" * MAX_CARD_BYTES)),
            f"over the {MAX_CARD_BYTES}-byte limit",
            id="oversize",
        ),
    ],
)
def test_an_invalid_card_is_rejected_naming_the_path(invalid: dict[str, Any], expected: str) -> None:
    errors = card_errors(invalid)
    assert any(expected in error for error in errors), errors
    with pytest.raises(AssertionError, match="invalid Adaptive Card") as failure:
        assert_valid_card(invalid)
    assert expected in str(failure.value)


def test_only_the_first_few_errors_are_reported() -> None:
    many = _card_with(*({"type": "TextBlock"} for _ in range(8)))
    assert len(card_errors(many)) == 8
    with pytest.raises(AssertionError) as failure:
        assert_valid_card(many)
    assert "body/4:" in str(failure.value)
    assert "body/5:" not in str(failure.value)


def test_the_msteams_extension_is_not_checked_against_the_schema() -> None:
    with_mention = _card_with(text_block("<at>Aino</at>"), msteams={"width": "Full", "entities": [{"type": "mention"}]})
    assert card_errors(with_mention) == []


# ---- Microsoft's parser ---------------------------------------------------------------------------


def test_microsofts_parser_catches_what_the_schema_does_not() -> None:
    empty_value = _card_with(
        {
            "type": "Input.ChoiceSet",
            "id": "size",
            "choices": [{"title": "(ei väliä)", "value": ""}, {"title": "1", "value": "1"}],
        }
    )
    required = _card_with({"type": "Input.Text", "id": "company", "label": "Yritys", "isRequired": True})
    for invalid, message in (
        (empty_value, "must have their title and value properties set"),
        (required, "Required inputs should have an error message"),
    ):
        errors = card_errors(invalid)
        assert errors and all(error.startswith("Microsoft's parser:") for error in errors), errors
        assert any(message in error for error in errors), errors
        with pytest.raises(AssertionError, match="Microsoft's parser"):
            assert_valid_card(invalid)


def test_a_choice_without_a_value_is_reported_on_every_card() -> None:
    # The finder's forms once offered "(ei väliä)" as a choice with an empty value; "any" is now the
    # placeholder of an unpicked choice, and no card may carry such a choice again.
    facet = {"type": "Input.ChoiceSet", "id": "stage", "choices": [{"title": "(ei väliä)", "value": ""}]}
    narrowing = _card_with(
        facet, actions=[{"type": "Action.Submit", "title": "Tarkenna", "data": {"kasvuopas": "narrow"}}]
    )
    assert any("title and value" in error for error in card_errors(narrowing))


def test_the_parser_is_started_once_for_the_whole_session() -> None:
    cards = [
        _card_with(text_block(f"Kortti {number}"), actions=[execute_action("Paina", "x.y", {"n": number})])
        for number in range(50)
    ]
    assert all(parser_errors(each) == [] for each in cards)
    assert _parser() is _parser()  # one Node process answers every card, one JSON line at a time
