"""The feature layer: a feature is one module plus one line, declarations are checked, roles in one place."""

from typing import Any

import pytest

from bot.app import DB_KEY, create_app
from bot.feature import COORDINATOR, CardVerb, Command, Feature
from bot.features import FEATURES
from bot.i18n import Catalogues
from bot.router import DeclarationError
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_answer
from tests.activities import ADVISER
from tests.activities import COORDINATOR as COORDINATOR_USER
from tests.conftest import make_settings
from tests.harness import actions_in, card_text, texts_of

GREETING_TEXTS = {
    "fi": {"help.commands.greet": "Tervehdi verkostoa.", "greet.hello": "Hei {name}!", "greet.again": "Uudelleen"},
    "en": {"help.commands.greet": "Greet the network.", "greet.hello": "Hello {name}!", "greet.again": "Again"},
}


def greeting(_services: Services) -> Feature:
    """A whole feature in a few lines: a command, a button, its texts."""

    def hello_card(turn: Turn) -> dict[str, Any]:
        return {
            "type": "AdaptiveCard",
            "version": "1.5",
            "body": [{"type": "TextBlock", "text": turn.texts("greet.hello", name=turn.person.name), "wrap": True}],
            "actions": [{"type": "Action.Execute", "title": turn.texts("greet.again"), "verb": "greet.again"}],
        }

    async def greet(turn: Turn, _args: str) -> None:
        await turn.reply(hello_card(turn))

    async def again(turn: Turn, _data: dict[str, Any]) -> InvokeAnswer:
        return card_answer(hello_card(turn))

    return Feature(
        name="greeting",
        commands=[Command("greet", "tervehdi", "greet", greet)],
        card_verbs=[CardVerb("greet.again", again, role=COORDINATOR)],
        texts=GREETING_TEXTS,
    )


@pytest.fixture
async def bot(start_bot):
    return await start_bot(features=[*FEATURES, greeting])  # the one line


async def test_a_feature_added_to_the_list_answers_its_command_and_button_in_both_languages(bot):
    replies = await bot.send(bot.teams.personal("tervehdi"))
    assert "Hei Maija Testinen!" in texts_of(replies)
    english = await bot.send(bot.teams.personal("greet", locale="en-US"))
    assert "Hello Maija Testinen!" in texts_of(english)
    pressed = await bot.invoke(bot.teams.card_action("greet.again", user=COORDINATOR_USER))
    assert "Hei Kalle Koordinaattori!" in card_text(pressed.body["value"])


async def test_the_help_card_lists_the_new_command_with_its_own_description(bot):
    shown = texts_of(await bot.send(bot.teams.personal("apua")))
    assert "tervehdi" in shown and "Tervehdi verkostoa." in shown


async def test_the_role_a_button_declares_is_checked_before_its_handler_runs(bot):
    refused = await bot.invoke(bot.teams.card_action("greet.again", user=ADVISER))
    assert refused.body["type"] == "application/vnd.microsoft.activity.message"
    assert "vain verkoston koordinaattoreille" in refused.body["value"]


async def test_coordinators_see_the_status_card_and_can_refresh_it(bot):
    replies = await bot.send(bot.teams.personal("tila", user=COORDINATOR_USER))
    shown = texts_of(replies)
    assert "Kasvuopaksen tila" in shown and "palveluntarjoajaa" in shown and "odottaa" in shown
    card = replies[0]["attachments"][0]["content"]
    (refresh,) = actions_in(card, verb="status.refresh")
    pressed = await bot.invoke(bot.teams.card_action("status.refresh", user=COORDINATOR_USER, locale="en-US"))
    assert "Kasvuopas status" in card_text(pressed.body["value"]) and refresh["title"] == "Päivitä"


async def test_advisers_are_refused_the_status_command_politely(bot):
    shown = texts_of(await bot.send(bot.teams.personal("tila", user=ADVISER)))
    assert "vain verkoston koordinaattoreille" in shown and "Kasvuopaksen tila" not in shown


def _clashing(command: Command) -> Any:
    return lambda _services: Feature(name="clash", commands=[command])


async def _noop(_turn: Turn, _args: str) -> None:
    return None


@pytest.mark.parametrize(
    "extra",
    [
        _clashing(Command("again", "kysely", "again", _noop)),  # `kysely` belongs to polls
        lambda _services: Feature(name="polls"),  # a feature name used twice
        lambda _services: Feature(name="verbs", card_verbs=[CardVerb("poll.vote", lambda _t, _d: None)]),  # type: ignore[arg-type,return-value]
    ],
)
def test_two_features_cannot_declare_the_same_thing(tmp_path, extra):
    with pytest.raises(DeclarationError):
        create_app(make_settings(tmp_path), start_delivery=False, features=[*FEATURES, extra])


def test_feature_texts_must_exist_in_both_languages_and_not_replace_others():
    catalogues = Catalogues()
    with pytest.raises(ValueError, match="same keys"):
        catalogues.add("half", {"fi": {"half.title": "Puoli"}})
    with pytest.raises(ValueError, match="already defined"):
        catalogues.add("thief", {"fi": {"help.title": "Oma"}, "en": {"help.title": "Own"}})


def test_the_assembled_bot_has_every_feature_once(tmp_path):
    app = create_app(make_settings(tmp_path), start_delivery=False)
    try:
        from bot.app import ROUTER

        names = [feature.name for feature in app[ROUTER].features]
        assert names == [
            "finder",
            "referrals",
            "polls",
            "webinars",
            "announcements",
            "language",
            "coordinators",
            "knowledge_base",
            "status",
        ]
    finally:
        app[DB_KEY].close()
