"""`kieli en` / `language fi`: each user chooses the language of the bot's replies to them."""

from __future__ import annotations

from bot.domain.preferences import Preferences
from bot.feature import Command, Feature
from bot.i18n import LANGUAGES
from bot.services import Services
from bot.turn import Turn

LANGUAGE_WORDS = {"fi": "fi", "suomi": "fi", "finnish": "fi", "en": "en", "englanti": "en", "english": "en"}


class LanguageFeature:
    """Stores the choice by the user's Teams id; the edge reads it at the start of every turn."""

    def __init__(self, preferences: Preferences) -> None:
        self._preferences = preferences

    async def command(self, turn: Turn, args: str) -> None:
        """Set the language, then confirm in the new one."""
        choice = LANGUAGE_WORDS.get(args.strip().lower())
        if choice not in LANGUAGES:
            await turn.reply(turn.texts("language.usage"))
            return
        self._preferences.set_language(turn.person.id, choice)
        turn.texts = turn.texts.in_language(choice)
        await turn.reply(turn.texts("language.set"))


def feature(services: Services) -> Feature:
    """The `kieli` command."""
    language = LanguageFeature(services.preferences)
    return Feature(
        name="language",
        commands=[Command("language", "kieli", "language", language.command, usage_fi=" fi|en", usage_en=" en|fi")],
        tables=("user_settings",),
    )
