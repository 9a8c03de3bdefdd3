"""The welcome card and the command list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from adaptive_cards.base import card, execute_action, heading, text_block

HELP_VERB = "kasvuopas.help"

Texts = Callable[..., str]


@dataclass(frozen=True)
class HelpEntry:
    """One line of the command list: how to type it and what it does."""

    usage: str
    description: str
    coordinator_only: bool = False


WELCOME_HINTS = {"channel": "welcome.channel_hint", "groupChat": "welcome.group_hint"}


def welcome_card(texts: Texts, conversation_kind: str) -> dict[str, Any]:
    """The short card the bot posts when it is installed in a team or chat (personal, groupChat, channel)."""
    body = [heading(texts("welcome.title")), text_block(texts("welcome.body"))]
    if conversation_kind in WELCOME_HINTS:  # where Teams passes the bot only messages that mention it
        body.append(text_block(texts(WELCOME_HINTS[conversation_kind]), isSubtle=True))
    return card(body, [execute_action(texts("welcome.help_button"), HELP_VERB)])


def _entry_rows(entries: Sequence[HelpEntry]) -> list[dict[str, Any]]:
    # One entry under the other, usage above its description: side-by-side columns squeezed the
    # description to a few letters a line beside a long usage, on a narrow window and on a phone.
    return [
        {
            "type": "Container",
            "separator": True,
            "spacing": "Small",
            "items": [
                text_block(entry.usage, weight="Bolder", fontType="Monospace"),
                text_block(entry.description, spacing="None"),
            ],
        }
        for entry in entries
    ]


def help_card(texts: Texts, entries: Sequence[HelpEntry], in_channel: bool) -> dict[str, Any]:
    """The list of commands in the user's language; coordinator commands in their own section."""
    body = [heading(texts("help.title")), text_block(texts("help.intro"))]
    if in_channel:
        body.append(text_block(texts("help.channel_hint"), isSubtle=True))
    body += _entry_rows([entry for entry in entries if not entry.coordinator_only])
    coordinator_entries = [entry for entry in entries if entry.coordinator_only]
    if coordinator_entries:
        body.append(text_block(texts("help.coordinator_section"), weight="Bolder", separator=True))
        body += _entry_rows(coordinator_entries)
    body.append(text_block(texts("help.language_note"), isSubtle=True, size="Small"))
    return card(body)
