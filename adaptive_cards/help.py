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


def welcome_card(texts: Texts, in_channel: bool) -> dict[str, Any]:
    """The short card the bot posts when it is installed in a team or chat."""
    body = [heading(texts("welcome.title")), text_block(texts("welcome.body"))]
    if in_channel:
        body.append(text_block(texts("welcome.channel_hint"), isSubtle=True))
    return card(body, [execute_action(texts("welcome.help_button"), HELP_VERB)])


def _entry_rows(entries: Sequence[HelpEntry]) -> list[dict[str, Any]]:
    return [
        {
            "type": "ColumnSet",
            "spacing": "Small",
            "columns": [
                {
                    "type": "Column",
                    "width": "auto",
                    "items": [text_block(entry.usage, weight="Bolder", fontType="Monospace")],
                },
                {"type": "Column", "width": "stretch", "items": [text_block(entry.description)]},
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
