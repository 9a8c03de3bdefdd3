"""Checking cards the way Teams would accept them: the Adaptive Cards 1.5 schema, Microsoft's own
parser (npm `adaptivecards`, run by Node) and the size of the message as it is sent."""

from __future__ import annotations

import atexit
import json
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema_rs import ValidationError, ValidationErrorKind

from adaptive_cards.base import CARD_CONTENT_TYPE, MAX_CARD_BYTES, attachment, sent_size
from tests.languages import language_mix

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "adaptive_cards" / "schema" / "adaptive-card-1.5.schema.json"
PARSER_SCRIPT = Path(__file__).resolve().parent / "card_parser.mjs"
REPORTED_ERRORS = 5  # enough to see a pattern, short enough to read in a failed assertion

# A reply as botbuilder posts it to a Teams channel thread, with ids as long as Teams' own: a card is
# measured inside it, since the whole activity is what Teams receives and limits.
_WIRE_ACTIVITY: dict[str, Any] = {
    "type": "message",
    "serviceUrl": "https://smba.trafficmanager.net/emea/8f0c2a51-0000-4c6e-9a57-3d2b1c0e7a10/",
    "channelId": "msteams",
    "from": {"id": "28:0c8a5b3e-1f2d-4c5b-9e7a-6d4c3b2a1f00", "name": "Kasvuopas"},
    "conversation": {
        "isGroup": True,
        "conversationType": "channel",
        "tenantId": "8f0c2a51-0000-4c6e-9a57-3d2b1c0e7a10",
        "id": "19:Yk2lF8wr6PeX9z0Q7oU1rS5tK3nM4aG9abcdefghij@thread.tacv2;messageid=1700000000000",
    },
    "recipient": {
        "id": "29:1Aa2Bb3Cc4Dd5Ee6Ff7Gg8Hh9Ii0Jj1Kk2Ll3Mm4Nn5Oo6Pp7Qq8Rr9Ss0Tt1Uu2Vv3Ww4Xx5Yy6Zz7Aa8Bb9Cc0Dd1Ee",
        "name": "Maija Testinen",
        "aadObjectId": "a1d3f6e0-0000-4000-8000-000000000001",
    },
    "locale": "fi-FI",
    "inputHint": "acceptingInput",
    "replyToId": "1700000000000",
}


def wire_size(card: dict[str, Any]) -> int:
    """Bytes of `card` as Teams receives it: in a reply activity, serialised as botbuilder does."""
    # msrest's `json.dumps` with its defaults: every non-ASCII character escaped, an emoji 12 bytes.
    return sent_size({**_WIRE_ACTIVITY, "attachments": [attachment(card)]})


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
    size = wire_size(card)
    if size > MAX_CARD_BYTES:
        return [f"(card): card is {size} bytes as sent, over the {MAX_CARD_BYTES}-byte limit"]
    if card.get("version") != "1.5":
        return [f"version: card version {card.get('version')!r}, expected 1.5"]
    errors = [leaf for error in _validator().iter_errors(_without_msteams(card)) for leaf in _explaining(error)]
    found = list(dict.fromkeys(_describe(error) for error in errors))  # in card order, each once
    return found or [f"Microsoft's parser: {message}" for message in parser_errors(card)]


def assert_valid_card(card: dict[str, Any]) -> None:
    """Fail unless `card` is a valid Adaptive Card 1.5 of at most 28 KB, in one language."""
    errors = card_errors(card)
    assert not errors, "invalid Adaptive Card: " + "; ".join(errors[:REPORTED_ERRORS])
    mix = language_mix(card)
    assert not mix, f"a card in two languages: {mix}"


def cards_in(activity: dict[str, Any]) -> list[dict[str, Any]]:
    """The Adaptive Card contents attached to an activity."""
    return [
        attachment["content"]
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == CARD_CONTENT_TYPE
    ]


def assert_valid_cards(activities: list[dict[str, Any]]) -> None:
    """Validate every card attached to any of the activities, and the activity's own size as sent."""
    for activity in activities:
        for card in cards_in(activity):
            assert_valid_card(card)
        if cards_in(activity):
            size = sent_size(activity)
            assert size <= MAX_CARD_BYTES, f"activity is {size} bytes as sent, over the {MAX_CARD_BYTES}-byte limit"


# ---- Microsoft's parser --------------------------------------------------------------------------


class CardParser:
    """One Node process for the whole test session, parsing cards one JSON line at a time."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            ["node", str(PARSER_SCRIPT)],
            cwd=ROOT,  # node_modules/ is here
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._answers: dict[str, dict[str, list[str]]] = {}  # the same card is checked once
        atexit.register(self.close)

    def check(self, card: dict[str, Any]) -> dict[str, list[str]]:
        """{"errors": [...], "warnings": [...]} for one card, as the parser reports them."""
        line = json.dumps(card, ensure_ascii=False, sort_keys=True)
        if line not in self._answers:
            stdin, stdout = self._process.stdin, self._process.stdout
            assert stdin is not None and stdout is not None
            stdin.write(line + "\n")
            stdin.flush()
            answer = stdout.readline()
            assert answer, f"the card parser stopped (exit code {self._process.poll()}); is Node installed?"
            self._answers[line] = json.loads(answer)
        return self._answers[line]

    def close(self) -> None:
        """Let Node finish with the end of its input."""
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait(timeout=10)


@cache
def _parser() -> CardParser:
    return CardParser()


def parser_errors(card: dict[str, Any]) -> list[str]:
    """The errors Microsoft's parser reports for `card`."""
    return list(_parser().check(card)["errors"])
