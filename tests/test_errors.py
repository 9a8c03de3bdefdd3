"""When something breaks inside a turn: a polite answer with a reference, no internals, a log line."""

import json
import logging
from typing import Any

import pytest

from adaptive_cards.help import HELP_VERB
from bot.feature import CardVerb, Command, Feature
from bot.features import FEATURES
from bot.services import Services
from bot.turn import InvokeAnswer, Turn
from tests.harness import texts_of

SECRET = "{broken"


def broken_feature(_services: Services) -> Feature:
    """A feature whose command and button fail inside the turn, as a bug or a lost database would."""

    async def fail(_turn: Turn, _args: str) -> None:
        json.loads(SECRET)

    async def fail_button(_turn: Turn, _data: dict[str, Any]) -> InvokeAnswer:
        json.loads(SECRET)
        raise AssertionError("not reached")

    return Feature(
        name="broken",
        commands=[Command("broken", "rikki", "broken", fail)],
        card_verbs=[CardVerb("broken.press", fail_button)],
    )


@pytest.fixture
async def bot(start_bot):
    return await start_bot(features=[*FEATURES, broken_feature])


async def test_a_failing_turn_answers_with_a_reference_and_no_stack_trace(bot, caplog):
    with caplog.at_level(logging.ERROR):
        replies = await bot.send(bot.teams.personal("rikki"))
    shown = texts_of(replies)
    assert "Pahoittelut, jokin meni vikaan" in shown
    assert "Traceback" not in shown and "JSONDecodeError" not in shown and SECRET not in shown
    failures = [record for record in caplog.records if record.getMessage() == "turn failed"]
    assert len(failures) == 1
    assert failures[0].ref in shown  # the reference the user sees is in the log line
    assert failures[0].exc_info is not None


async def test_a_failing_turn_answers_in_english_for_an_english_user(bot):
    replies = await bot.send(bot.teams.personal("broken", locale="en-US"))
    assert "Sorry, something went wrong" in texts_of(replies)


async def test_a_failing_card_action_returns_a_message_invoke_response(bot):
    reply = await bot.invoke(bot.teams.card_action("broken.press"))
    assert reply.status == 200
    assert reply.body["type"] == "application/vnd.microsoft.activity.message"
    assert "jokin meni vikaan" in reply.body["value"]


async def test_malformed_card_action_is_a_400_in_the_universal_actions_shape(bot):
    activity = bot.teams.card_action(HELP_VERB)
    activity["value"] = {"action": {"type": "Action.Submit"}}
    reply = await bot.invoke(activity)
    assert reply.status == 400
    assert reply.body["type"] == "application/vnd.microsoft.error"


async def test_message_texts_are_not_logged_at_info(bot, caplog):
    secret = "Kahvila Pikkupulla Oy tarvitsee rahoitusta"
    with caplog.at_level(logging.INFO):
        await bot.send(bot.teams.personal(secret))
        await bot.send(bot.teams.personal(f"koordinaattorit {secret}"))
    for record in caplog.records:
        if record.levelno >= logging.INFO:
            assert secret not in record.getMessage()
            assert secret not in json.dumps(vars(record), default=str)
