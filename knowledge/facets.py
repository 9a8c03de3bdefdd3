"""Facts about the company read from the question: municipality, size, stage and sector."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.lexicon import Lexicon, Triggers
from knowledge.text import WordAnalysis, fold, same_stem
from knowledge.vocab import MUNICIPALITIES, Municipality

_MUNICIPALITY_FORMS = {fold(form): m for m in MUNICIPALITIES for form in (*m.forms, m.fi.lower())}
_MUNICIPALITY_LEMMAS = {fold(m.fi): m for m in MUNICIPALITIES}
_HEADCOUNT = re.compile(r"\b(\d{1,5})\s*(?:-\s*)?([a-zåäö]+)")


@dataclass(frozen=True)
class Facets:
    """What the question says about the company (None where it says nothing)."""

    municipality: Municipality | None = None
    size: str | None = None
    stage: str | None = None
    sector: str | None = None


def size_for_headcount(people: int) -> str:
    """The size class of a company with this many people."""
    if people <= 1:
        return "solo"
    if people < 10:
        return "micro"
    if people < 50:
        return "small"
    if people < 250:
        return "medium"
    return "large"


def municipality_of(analysis: WordAnalysis) -> Municipality | None:
    """The municipality a word names (Mikkelissä, juvalainen, Pieksämäeltä), if any."""
    folded = fold(analysis.word)
    if folded in _MUNICIPALITY_FORMS:
        return _MUNICIPALITY_FORMS[folded]
    if analysis.known:
        for lemma in analysis.lemmas | analysis.parts:
            if lemma in _MUNICIPALITY_LEMMAS:
                return _MUNICIPALITY_LEMMAS[lemma]
    return None


def is_municipality(analysis: WordAnalysis) -> bool:
    """True when the word names one of the municipalities."""
    return municipality_of(analysis) is not None


def _municipality(analyses: list[WordAnalysis]) -> Municipality | None:
    for analysis in analyses:
        found = municipality_of(analysis)
        if found is not None:
            return found
    return None


def _size(text: str, lexicon: Lexicon) -> str | None:
    folded = fold(text)
    for match in _HEADCOUNT.finditer(folded):
        number, word = int(match.group(1)), match.group(2)
        if any(word.startswith(fold(person)[:4]) for person in lexicon.person_words):
            return size_for_headcount(number)
    for size, words in lexicon.sizes.items():
        if any(fold(word) in folded for word in words):
            return size
    return None


def _first_trigger(triggers: Triggers, terms: set[str], guessed: set[str]) -> str | None:
    # `guessed` are words the analyser did not know: compared by stem instead of exactly.
    for key, words in triggers.items():
        for word in words:
            trigger = fold(word)
            if trigger in terms or any(same_stem(guess, trigger) for guess in guessed):
                return key
    return None


def read_facets(text: str, analyses: list[WordAnalysis], lexicon: Lexicon) -> Facets:
    """Municipality, size, stage and sector from the question and its analysed words, by the lexicon's words."""
    lemmas: set[str] = set()
    with_parts: set[str] = set()
    guessed: set[str] = set()
    for analysis in analyses:
        lemmas |= analysis.lemmas
        with_parts |= analysis.lemmas | analysis.parts
        if not analysis.known:
            guessed.add(fold(analysis.word))
    return Facets(
        municipality=_municipality(analyses),
        size=_size(text, lexicon),
        stage=_first_trigger(lexicon.stages, lemmas, guessed),
        sector=_first_trigger(lexicon.sectors, with_parts, guessed),
    )
