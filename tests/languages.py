"""One language per card: a card that shows wording of both catalogues mixes Finnish and English.

Every card the harness sees is checked (tests/cards.py). The wording is taken from the catalogue
files and the features' own texts: each text is cut at its placeholders ({title}, {count}) and the
pieces long enough to be a phrase, and found in only one language, mark that language.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bot.features.curator_texts import TEXTS as CURATOR_TEXTS
from bot.features.finder import TEXTS as FINDER_TEXTS
from bot.features.referrals.texts import TEXTS as REFERRAL_TEXTS
from bot.features.status import TEXTS as STATUS_TEXTS
from bot.i18n import LANGUAGES, catalogue

PLACEHOLDER = re.compile(r"\{[^}]*\}|\*\*|[()\[\]:;,.!?“”\"–…·|]")
MIN_PHRASE = 12  # characters: shorter pieces ("Tila", "OK") are names, numbers or shared words


def _texts(language: str) -> list[str]:
    texts = list(catalogue(language).values())
    for feature in (CURATOR_TEXTS, FINDER_TEXTS, REFERRAL_TEXTS, STATUS_TEXTS):
        texts += feature.get(language, {}).values()
    return texts


@cache
def phrases() -> dict[str, frozenset[str]]:
    """Per language, the catalogue phrases that appear in no text of the other language."""
    pieces = {
        language: {
            piece.strip().lower()
            for text in _texts(language)
            for piece in PLACEHOLDER.split(text)
            if len(piece.strip()) >= MIN_PHRASE and " " in piece.strip()
        }
        for language in LANGUAGES
    }
    everything = {language: "\n".join(_texts(language)).lower() for language in LANGUAGES}
    return {
        language: frozenset(
            piece for piece in own if not any(piece in everything[other] for other in LANGUAGES if other != language)
        )
        for language, own in pieces.items()
    }


def _visible(card: Any) -> list[str]:
    """Every text on the card a reader sees: blocks, facts, buttons, labels, choices, placeholders."""
    found: list[str] = []
    if isinstance(card, dict):
        for key in ("text", "title", "label", "placeholder", "errorMessage", "altText"):
            if isinstance(card.get(key), str):
                found.append(card[key])
        if "type" not in card and isinstance(card.get("value"), str):  # a fact's value (an input's is typed)
            found.append(card["value"])
        for value in card.values():
            if isinstance(value, (dict, list)):
                found += _visible(value)
    elif isinstance(card, list):
        for item in card:
            found += _visible(item)
    return found


def languages_on(card: dict[str, Any]) -> dict[str, list[str]]:
    """The catalogue phrases of each language found on the card."""
    shown = "\n".join(_visible(card)).lower()
    return {language: sorted(piece for piece in phrases()[language] if piece in shown) for language in LANGUAGES}


def language_mix(card: dict[str, Any]) -> str:
    """An explanation when the card shows phrases of more than one language, else ""."""
    found = {language: pieces for language, pieces in languages_on(card).items() if pieces}
    if len(found) < 2:
        return ""
    return "; ".join(f"{language}: {pieces[:3]}" for language, pieces in found.items())
