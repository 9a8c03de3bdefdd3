"""Recognising commands in what a user typed: the cheap "is this a command?" check, kept apart
from the handlers so that tests can list what must and must not match."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

_AT_TAG = re.compile(r"<at[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_WORD_EDGE_PUNCTUATION = "!?.,:;\"'()"


class Recognisable(Protocol):
    """Anything with a key and the words that invoke it (the router's `Command`)."""

    @property
    def key(self) -> str: ...

    @property
    def words(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class ParsedCommand:
    """A recognised command and the rest of the text after its word."""

    key: str
    word: str
    args: str


def clean_message_text(text: str | None, bot_names: Iterable[str] = ()) -> str:
    """The text with the bot's @mention, HTML markup and extra white space removed.

    Channel messages arrive as `<at>Kasvuopas</at> apua`, often wrapped in `<p>` and with
    `&nbsp;`. Mentions of other people are kept as their plain names (commands such as
    `koordinaattori lisää @Maija` read them from the mention entities, not from the text).
    """
    if not text:
        return ""
    names = {name.strip().lower() for name in bot_names if name}

    def keep_other_mentions(match: re.Match[str]) -> str:
        inner = html.unescape(match.group(1)).strip()
        return "" if not names or inner.lower() in names else inner

    text = _AT_TAG.sub(keep_other_mentions, text)
    text = _HTML_TAG.sub(" ", text)
    text = html.unescape(text).replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip()


def _first_word(text: str) -> tuple[str, str]:
    head, _, rest = text.partition(" ")
    return head.strip(_WORD_EDGE_PUNCTUATION).lower(), rest.strip()


def parse_command(text: str, commands: Iterable[Recognisable]) -> ParsedCommand | None:
    """The command that `text` starts with, or None for free text.

    A command is its word alone or followed by a space (`kysely`, `kysely Mikä aika? ; …`,
    `Apua!`); a word that only begins like a command (`kyselyt`, `apuaa`) is free text.
    """
    word, rest = _first_word(text)
    if not word:
        return None
    for command in commands:
        if word in command.words:
            return ParsedCommand(command.key, word, rest)
    return None


def split_parts(args: str) -> list[str]:
    """The `;`-separated parts of quick syntax, trimmed (`a ; b ;c` → [a, b, c])."""
    return [part.strip() for part in args.split(";")] if args.strip() else []
