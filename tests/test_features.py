"""The feature layer: a feature is one module plus one line, declarations are checked, roles in one place."""

import logging
from dataclasses import dataclass
from typing import Any

import pytest

from bot.app import DB_KEY, ROUTER, create_app
from bot.feature import (
    COORDINATOR,
    Anywhere,
    CardVerb,
    Command,
    Feature,
    MadeFor,
    Named,
    Origins,
    Pressed,
    by_owner,
    in_conversation,
)
from bot.features import FEATURES
from bot.i18n import Catalogues
from bot.router import DeclarationError
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_answer, message_answer
from tests.activities import ADVISER, COLLEAGUE
from tests.activities import COORDINATOR as COORDINATOR_USER
from tests.card_actions import message_of
from tests.conftest import make_settings
from tests.harness import actions_in, card_text, texts_of

GREETING_TEXTS = {
    "fi": {"help.commands.greet": "Tervehdi verkostoa.", "greet.hello": "Hei {name}!", "greet.again": "Uudelleen"},
    "en": {"help.commands.greet": "Greet the network.", "greet.hello": "Hello {name}!", "greet.again": "Again"},
}


def greeting(_services: Services) -> Feature:
    """A whole feature in a few lines: a command, a button (with who may press it), its texts."""

    def hello_card(turn: Turn) -> dict[str, Any]:
        return {
            "type": "AdaptiveCard",
            "version": "1.5",
            "body": [{"type": "TextBlock", "text": turn.texts("greet.hello", name=turn.person.name), "wrap": True}],
            "actions": [{"type": "Action.Execute", "title": turn.texts("greet.again"), "verb": "greet.again"}],
        }

    async def greet(turn: Turn, _args: str) -> None:
        await turn.reply(hello_card(turn))

    async def again(turn: Turn, _pressed: Pressed[None]) -> InvokeAnswer:
        return card_answer(hello_card(turn))

    return Feature(
        name="greeting",
        commands=[Command("greet", "tervehdi", "greet", greet)],
        card_verbs=[CardVerb("greet.again", again, COORDINATOR, Anywhere("a greeting names nothing"))],
        texts=GREETING_TEXTS,
    )


@dataclass(frozen=True)
class Note:
    """A stored object a button names: whose it is and where it lives."""

    code: str
    owner: str
    conversation_id: str


NOTE = Note("N1", ADVISER.aad_object_id, f"a:1personal-{ADVISER.aad_object_id}")
NOTE_TEXTS = {
    "fi": {"help.commands.ticket": "Lippu.", "note.gone": "Muistiinpanoa ei ole.", "note.not_yours": "Ei sinun."},
    "en": {"help.commands.ticket": "A ticket.", "note.gone": "There is no such note.", "note.not_yours": "Not yours."},
}


def notes(services: Services) -> Feature:
    """A button on an object: the router loads it and checks the rules; the handler gets it."""
    origins = Origins(services.links, services.clock)

    async def show(_turn: Turn, pressed: Pressed[Note]) -> InvokeAnswer:
        return message_answer(f"{pressed.subject.code} {pressed.data.get('extra', '')}")

    async def ticket(turn: Turn, _args: str) -> None:
        await turn.reply(origins.ticket(turn))

    async def signed(_turn: Turn, _pressed: Pressed[None]) -> InvokeAnswer:
        return message_answer("signed ok")

    load = {NOTE.code: NOTE}.get
    rules = (in_conversation(lambda note: note.conversation_id), by_owner(lambda note: note.owner, "note.not_yours"))
    return Feature(
        name="notes",
        commands=[Command("ticket", "lippu", "ticket", ticket)],
        card_verbs=[
            CardVerb("note.show", show, access=Named(lambda data: load(str(data.get("note"))), rules, "note.gone")),
            CardVerb("note.signed", signed, access=MadeFor(origins)),
        ],
        texts=NOTE_TEXTS,
    )


@pytest.fixture
async def bot(start_bot):
    return await start_bot(features=[*FEATURES, greeting, notes])  # the one line (and a test feature)


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


async def test_a_verbs_access_rule_runs_before_its_handler_which_gets_the_object(bot):
    shown = await bot.invoke(bot.teams.card_action("note.show", {"note": "N1", "extra": "x"}))
    assert message_of(shown) == "N1 x"
    for data, user, conversation, refusal in (
        ({"note": "N2"}, ADVISER, "personal", "Muistiinpanoa ei ole."),
        ({"note": "N1"}, ADVISER, "channel", "Tämä painike toimii vain siinä keskustelussa"),
        ({"note": "N1"}, COLLEAGUE, "personal", "Tämä painike toimii vain siinä keskustelussa"),
    ):
        reply = await bot.invoke(bot.teams.card_action("note.show", data, user=user, conversation=conversation))
        assert refusal in message_of(reply)
    someone_else = bot.teams.card_action("note.show", {"note": "N1"})
    someone_else["from"] = COLLEAGUE.account()  # in the note's own conversation, but not its owner
    assert message_of(await bot.invoke(someone_else)) == "Ei sinun."
    english = await bot.invoke(bot.teams.card_action("note.show", {"note": "N9"}, locale="en-US"))
    assert message_of(english) == "There is no such note."


async def test_a_card_made_for_one_person_works_for_them_only_and_only_there(bot):
    (reply,) = await bot.send(bot.teams.personal("lippu"))
    origin = reply["text"]
    assert message_of(await bot.invoke(bot.teams.card_action("note.signed", {"origin": origin}))) == "signed ok"
    for user, conversation, data in (
        (COLLEAGUE, "personal", {"origin": origin}),
        (ADVISER, "channel", {"origin": origin}),
        (ADVISER, "personal", {"origin": origin[:-2] + "xx"}),
        (ADVISER, "personal", {}),
    ):
        refused = await bot.invoke(bot.teams.card_action("note.signed", data, user=user, conversation=conversation))
        assert "tehtiin toiselle henkilölle" in message_of(refused)


async def test_a_verb_without_an_access_rule_is_named_at_start_up(start_bot, caplog):
    async def legacy(_turn: Turn, _data: dict[str, Any]) -> InvokeAnswer:
        return message_answer("legacy")

    def undeclared(_services: Services) -> Feature:
        return Feature(name="undeclared", card_verbs=[CardVerb("legacy.press", legacy)])

    with caplog.at_level(logging.WARNING):
        bot = await start_bot(features=[*FEATURES, undeclared])
    warned = [record for record in caplog.records if record.getMessage() == "card verbs without an access rule"]
    assert warned and "legacy.press" in warned[-1].verbs
    assert "legacy.press" in bot.client.app[ROUTER].undeclared


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
            "curator",
            "status",
        ]
    finally:
        app[DB_KEY].close()
