"""One language per card: every command's card in Finnish and in English carries no wording of the other.

The harness checks every card any test sees (tests/languages.py); this test makes sure each command's
card is rendered in both languages, and that the check can tell the languages apart on it.
"""

from __future__ import annotations

import pytest

from bot.i18n import catalogue
from tests.activities import COORDINATOR
from tests.cards import cards_in
from tests.harness import BotHarness
from tests.languages import language_mix, languages_on

COMMANDS = {
    "fi": [
        "apua",
        "aloittava yrittäjä tarvitsee takauksen pankkilainaan",
        "zzkvx qwerty",
        "yritysprofiili",
        "kysely",
        "kysely Kumpi päivä? ; ti ; ke",
        "webinaari",
        "webinaarit",
        "tiedote",
        "ohjaus",
        "ohjaukset",
        "raportti",
        "tila",
        "aukot",
    ],
    "en": [
        "help",
        "a new entrepreneur needs a guarantee for a bank loan",
        "zzkvx qwerty",
        "profile",
        "poll",
        "poll Which day? ; Tue ; Wed",
        "webinar",
        "webinars",
        "announce",
        "referral",
        "referrals",
        "report",
        "status",
        "gaps",
    ],
}
LOCALES = {"fi": "fi-FI", "en": "en-US"}


@pytest.mark.parametrize("language", ["fi", "en"])
async def test_every_commands_card_is_in_the_readers_language_only(bot: BotHarness, language: str) -> None:
    other = "en" if language == "fi" else "fi"
    seen = 0
    for command in COMMANDS[language]:
        replies = await bot.send(bot.teams.personal(command, user=COORDINATOR, locale=LOCALES[language]))
        for card in (card for reply in replies for card in cards_in(reply)):
            found = languages_on(card)
            assert not found[other], f"{command!r}: {other} wording on a {language} card: {found[other][:3]}"
            seen += bool(found[language])
    assert seen >= len(COMMANDS[language]) - 2  # the check recognised the language on nearly every card


def test_a_mixed_card_is_recognised() -> None:
    finnish, english = catalogue("fi")["welcome.body"], catalogue("en")["welcome.body"]
    card = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": text} for text in (finnish, english)]}
    assert language_mix(card)
    assert not language_mix({"type": "AdaptiveCard", "body": card["body"][:1]})


async def test_the_network_language_is_configurable_for_cards_many_read(start_bot) -> None:
    bot = await start_bot(network_language="en")
    (reply,) = await bot.send_through_connector(bot.teams.channel("kysely Kumpi päivä? ; ti ; ke"))
    (card,) = cards_in(reply)
    found = languages_on(card)
    assert found["en"] and not found["fi"]  # a Finnish-speaking adviser's poll, posted in English
