"""Finnish-aware text analysis: normalising, aliases, base forms and compound parts.

Voikko (libvoikko + voikko-fi) gives base forms, compound parts and spelling suggestions. Without
it, words are kept as typed (folded) and the finder matches them by prefix and fuzzy similarity.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Protocol

log = logging.getLogger(__name__)

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})
_DASHES = re.compile(r"[‐‑‒–—−]")
_TOKEN = re.compile(r"[0-9a-zåäöéü&]+(?:[-'’][0-9a-zåäöéü&]+)*")
_WORDBASE = re.compile(r"\+([^+(]*)\(([^)]*)\)")
MIN_PART_LENGTH = 3
SUGGESTIONS_TRIED = 2


def fold(text: str) -> str:
    """Lower case without Finnish diacritics: advisers often type `tyontekija` for `työntekijä`."""
    return text.lower().translate(_FOLD)


def _alias_pattern(keys: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(keys, key=len, reverse=True)
    # Inflected forms: long keys take an ending directly (te-toimistosta, työkkäriin), short ones
    # only after a colon (ELY:stä, BF:n), so that `over` is never read as OV.
    long = [re.escape(key) for key in ordered if len(key) >= 5]
    short = [re.escape(key) for key in ordered if len(key) < 5]
    branches = []
    if long:
        branches.append(r"(?P<long>" + "|".join(long) + r")(?::?[a-z]{0,6})")
    if short:
        branches.append(r"(?P<short>" + "|".join(short) + r")(?::[a-z]{1,5})?")
    if not branches:
        return None
    return re.compile(r"(?<![\w&-])(?:" + "|".join(branches) + r")(?![\w&])")


class Aliases:
    """Abbreviations, old names and split compounds with what they mean, compiled for rewriting texts."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table: Mapping[str, str] = MappingProxyType(dict(table))
        self._meaning = {fold(key): value for key, value in table.items()}
        self._pattern = _alias_pattern(self._meaning)

    def expand(self, text: str) -> str:
        """Lower-case `text` and rewrite the aliases in it (ELY, TE, SPV, "omistajan vaihdos")."""
        text = _DASHES.sub("-", text.lower())
        if self._pattern is None:
            return text
        # Match on the folded text, but keep the original characters where nothing was replaced.
        pieces: list[str] = []
        position = 0
        for match in self._pattern.finditer(fold(text)):
            pieces.append(text[position : match.start()])
            pieces.append(self._meaning[match["long"] or match["short"]])
            position = match.end()
        pieces.append(text[position:])
        return "".join(pieces)


def tokens(text: str) -> list[str]:
    """The words of a lower-cased text (hyphenated words and `t&k` kept whole)."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


@dataclass(frozen=True)
class WordAnalysis:
    """What one word means for matching: its folded base forms and compound parts."""

    word: str
    lemmas: frozenset[str]
    parts: frozenset[str]
    known: bool  # the analyser recognised the word (not just a guess from a suggestion)


class Analyzer(Protocol):
    """Turns a word into base forms and compound parts."""

    name: str

    def analyse(self, word: str) -> WordAnalysis: ...


class PlainAnalyzer:
    """The fallback without Voikko: the word itself, folded; hyphenated words also by their parts."""

    name = "plain"

    def analyse(self, word: str) -> WordAnalysis:
        """The folded word as its only lemma; the finder does prefix and fuzzy matching."""
        folded = fold(word)
        parts = frozenset(p for p in re.split(r"[-']", folded) if len(p) >= MIN_PART_LENGTH and p != folded)
        return WordAnalysis(word, frozenset({folded}), parts, known=False)


class Voikko(Protocol):
    """What the analyser uses of `libvoikko.Voikko`."""

    def analyze(self, word: str) -> list[dict[str, str]]: ...

    def suggest(self, word: str) -> list[str]: ...


class VoikkoAnalyzer:
    """Base forms and compound parts from Voikko, with spelling suggestions for unknown words."""

    name = "voikko"

    def __init__(self, voikko: Voikko, suggest: bool = True) -> None:
        self._voikko = voikko
        self._suggest = suggest
        self.analyse = lru_cache(maxsize=50_000)(self._analyse)

    def _readings(self, word: str) -> tuple[set[str], set[str]]:
        lemmas: set[str] = set()
        parts: set[str] = set()
        for reading in self._voikko.analyze(word):
            base = reading.get("BASEFORM")
            if base:
                lemmas.add(fold(base))
            for _surface, part in _WORDBASE.findall(reading.get("WORDBASES", "")):
                part = part.replace("=", "")
                if part and not part.startswith("+") and len(part) >= MIN_PART_LENGTH:
                    parts.add(fold(part))
        return lemmas, parts - lemmas

    def _analyse(self, word: str) -> WordAnalysis:
        lemmas, parts = self._readings(word)
        if lemmas:
            return WordAnalysis(word, frozenset(lemmas), frozenset(parts), known=True)
        if "-" in word:
            for piece in word.split("-"):
                if len(piece) >= MIN_PART_LENGTH:
                    piece_lemmas, piece_parts = self._readings(piece)
                    parts |= piece_lemmas | piece_parts | {fold(piece)}
        guesses: set[str] = set()
        if self._suggest and len(word) >= 4 and not any(char.isdigit() for char in word):
            for suggestion in self._voikko.suggest(word)[:SUGGESTIONS_TRIED]:
                suggested_lemmas, suggested_parts = self._readings(suggestion)
                guesses |= suggested_lemmas
                parts |= suggested_parts
        return WordAnalysis(word, frozenset({fold(word)} | guesses), frozenset(parts), known=False)


def create_analyzer(use_voikko: bool | None = None, suggest: bool = True) -> Analyzer:
    """Voikko when it is installed (and not disabled with KASVUOPAS_NO_VOIKKO=1), else the plain analyser.

    `suggest` lets Voikko guess unknown words from its spelling suggestions (for questions, not
    for the knowledge base's own curated words).
    """
    if use_voikko is None:
        use_voikko = os.environ.get("KASVUOPAS_NO_VOIKKO", "") not in ("1", "true", "yes")
    if use_voikko:
        try:
            import libvoikko  # type: ignore[import-untyped]  # no stubs published

            return VoikkoAnalyzer(libvoikko.Voikko("fi"), suggest=suggest)
        except (ImportError, OSError) as error:  # the library itself is missing
            log.warning("Voikko not available (%s); using prefix and fuzzy matching", error)
        except Exception as error:  # noqa: BLE001 - libvoikko.VoikkoException: the library but no Finnish dictionary
            log.warning("Voikko has no Finnish dictionary (%s); using prefix and fuzzy matching", error)
    return PlainAnalyzer()


def analyse_text(text: str, analyzer: Analyzer, aliases: Aliases) -> list[WordAnalysis]:
    """Aliases expanded, then every word analysed."""
    return [analyzer.analyse(word) for word in tokens(aliases.expand(text))]


def all_terms(analyses: Iterable[WordAnalysis]) -> set[str]:
    """Every lemma and compound part of the analysed words."""
    found: set[str] = set()
    for analysis in analyses:
        found |= analysis.lemmas | analysis.parts
    return found


def common_prefix_length(a: str, b: str) -> int:
    """How many leading characters `a` and `b` share."""
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def same_stem(word: str, term: str) -> bool:
    """True when `word` looks like an inflected form of `term` (or `term` is its first part).

    Finnish endings change the last letters (takaus → takauksen, eläke → eläkkeelle), so the
    shared beginning must cover most of the shorter word and at least four letters.
    """
    if len(word) < 4 or len(term) < 4:
        return word == term
    shared = common_prefix_length(word, term)
    return shared >= 4 and shared >= 0.7 * min(len(word), len(term))
