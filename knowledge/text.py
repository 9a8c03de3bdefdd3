"""Finnish-aware text analysis: normalising, aliases, base forms and compound parts.

Voikko (libvoikko + voikko-fi) gives base forms, compound parts and spelling suggestions. Without
it, words are kept as typed (folded) and the finder matches them by prefix and fuzzy similarity.
"""

from __future__ import annotations

import logging
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Protocol

from rapidfuzz.distance import OSA

log = logging.getLogger(__name__)

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})
_DASHES = re.compile(r"[‐‑‒–—−]")
_TOKEN = re.compile(r"[0-9a-zåäöéü&]+(?:[-'’][0-9a-zåäöéü&]+)*")
# "+matkail(matkata)(+la)": a stem may carry more than one bracket (its base, then a derivation).
_WORDBASE_PIECE = re.compile(r"\+?([^+(]+)((?:\([^)]*\))*)")  # "ymis(+yä)" may follow a bracket with no "+"
_FIRST_BRACKET = re.compile(r"\(([^)]*)\)")
MIN_PART_LENGTH = 3
MINEN_STEM = "mis"  # the compound form of a verbal noun in "-minen"
PREFIX_LETTERS = 6  # Voikko's prefixes ("digi", "kyber", "yhteis") are short
SUGGESTIONS_TRIED = 4
# A suggestion stands for a typo only when it is that close to the typed word (after ä/ö are folded):
# Voikko also suggests unrelated words for names, slang and English ("rekry" -> "kerry", "meat" -> "melat").
SUGGESTION_EDITS, SUGGESTION_EDITS_LONG, LONG_WORD = 1, 2, 8


@lru_cache(maxsize=16384)  # the same words are folded many times a question, and again the next
def fold(text: str) -> str:
    """Lower case without Finnish diacritics: advisers often type `tyontekija` for `työntekijä`."""
    return text.lower().translate(_FOLD)


def _alias_pattern(keys: Iterable[str], heads: Iterable[str] = ()) -> re.Pattern[str] | None:
    ordered = sorted(keys, key=len, reverse=True)
    # A long key may also be the front of a compound on an empty head ("rekryasiassa", "rekry-apua"):
    # the compound means what the key does.
    empty = "|".join(re.escape(head) for head in sorted(heads, key=len, reverse=True))
    # Inflected forms: long keys take an ending directly (te-toimistosta, työkkäriin), short ones
    # only after a colon (ELY:stä, BF:n), so that `over` is never read as OV.
    long = [re.escape(key) for key in ordered if len(key) >= 5]
    short = [re.escape(key) for key in ordered if len(key) < 5]
    branches = []
    # A long key may also end a hyphenated compound ("kv-rekry"); a short one only stands alone.
    if long:
        compound = rf"(?:-?(?:{empty}))?" if empty else ""
        branches.append(r"(?<![\w&])(?P<long>" + "|".join(long) + r")" + compound + r"(?::?[a-z]{0,6})")
    if short:
        branches.append(r"(?<![\w&-])(?P<short>" + "|".join(short) + r")(?::[a-z]{1,5})?")
    if not branches:
        return None
    return re.compile(r"(?:" + "|".join(branches) + r")(?![\w&])")


class Aliases:
    """Abbreviations, old names and split compounds with what they mean, compiled for rewriting texts."""

    def __init__(self, table: Mapping[str, str], empty_heads: Iterable[str] = ()) -> None:
        self.table: Mapping[str, str] = MappingProxyType(dict(table))
        self._meaning = {fold(key): value for key, value in table.items()}
        self._pattern = _alias_pattern(self._meaning, (fold(head) for head in empty_heads))

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


def _lowered(text: str) -> str:
    return text.lower().replace("’", "'")


def tokens(text: str) -> list[str]:
    """The words of a lower-cased text (hyphenated words and `t&k` kept whole)."""
    return _TOKEN.findall(_lowered(text))


@dataclass(frozen=True)
class WordAnalysis:
    """What one word means for matching: its folded base forms and compound parts."""

    word: str
    lemmas: frozenset[str]
    parts: frozenset[str]
    known: bool  # the analyser recognised the word (not just a guess from a suggestion)
    head: str = ""  # a compound's last part, which says what it is ("yritys" in "ohjelmistoyritys")
    english: bool = False  # a word of an English question: its forms are English ones, not Finnish
    clause_end: bool = False  # a comma, colon, dash or full stop follows it: what qualifies a word stops here


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
        pieces = [p for p in re.split(r"[-']", folded) if len(p) >= MIN_PART_LENGTH and p != folded]
        return WordAnalysis(word, frozenset({folded}), frozenset(pieces), False, pieces[-1] if pieces else "")


class EnglishAnalyzer(PlainAnalyzer):
    """English questions: the plain reading, marked English, so that forms are matched as English ones."""

    name = "english"

    def analyse(self, word: str) -> WordAnalysis:
        """The folded word, marked as English."""
        return replace(super().analyse(word), english=True)


class Voikko(Protocol):
    """What the analyser uses of `libvoikko.Voikko`."""

    def analyze(self, word: str) -> list[dict[str, str]]: ...

    def suggest(self, word: str) -> list[str]: ...


def _elements(wordbases: str) -> list[tuple[str, str]]:
    """A word's stems from Voikko's WORDBASES: (as written in the word, as a word of its own)."""
    elements: list[tuple[str, str]] = []
    for surface, brackets in _WORDBASE_PIECE.findall(wordbases):
        first = _FIRST_BRACKET.match(brackets)
        base = first.group(1).replace("=", "") if first else ""
        if surface == "-":
            continue
        if base and not base.startswith("+"):
            elements.append((surface, base))
        elif not elements and not brackets and MIN_PART_LENGTH <= len(surface) <= PREFIX_LETTERS:
            # a prefix of its own: +digi+tuki(tuki) is digi and tuki; a long one is an adverb ("uudelleen")
            elements.append((surface, surface))
        elif elements:  # a derivational suffix belongs to the stem before it: kehit+ys is kehitys
            written, _ = elements[-1]
            joined = written + surface
            # ... and a "-minen" noun's compound form is that noun ("kansainvälistymis" of "kansainvälistymisapu")
            elements[-1] = (joined, joined[:-1] + "nen" if joined.endswith(MINEN_STEM) else joined)
    return [(fold(written), fold(own)) for written, own in elements]


def compound_parts(wordbases: str) -> list[str]:
    """The words a compound is made of, from Voikko's WORDBASES; none for a word that is not a compound.

    `+kahvin(kahvi)+keitin(keitin)` gives kahvi and keitin. A derivational suffix stays with its
    stem (`+kehit(kehittää)+ys(+ys)` is kehitys, not kehittää), and a derived word alone
    (`+neuvo(neuvoa)+n+ta(+ta)`, neuvonta) is no compound: reading it as "neuvoa" would make
    ordinary words collide with names and keywords. Runs of neighbouring parts are words too
    ("tuotekehitys" in "tuotekehityshanke"). The last part (the head) comes first.
    """
    elements = _elements(wordbases)
    if len(elements) < 2:
        return []
    parts = [own for _, own in reversed(elements)]
    for start in range(len(elements)):
        for end in range(start + 2, len(elements) + (start > 0)):
            parts.append("".join(written for written, _ in elements[start : end - 1]) + elements[end - 1][1])
    return parts


# Voikko's word classes of proper names (a place, a first name, a surname, another name)
PROPER_NAME_CLASSES = frozenset({"paikannimi", "etunimi", "sukunimi", "nimi"})


SPOKEN_CONDITIONAL_ENDINGS = ("i", "iin")  # "maksais" is "maksaisi", "otettais" is "otettaisiin"

REFERATIVE = re.compile(r"\+\w+\((\w+)\)\+v\+[aä]\(")  # "+osta(ostaa)+v+a(+a)": "ostavansa" of "ostaa"


class VoikkoAnalyzer:
    """Base forms and compound parts from Voikko, with spelling suggestions for unknown words."""

    name = "voikko"

    def __init__(self, voikko: Voikko, suggest: bool = True) -> None:
        self._voikko = voikko
        self._suggest = suggest
        self.analyse = lru_cache(maxsize=50_000)(self._analyse)

    def _readings(self, word: str) -> tuple[set[str], set[str], str]:
        lemmas: set[str] = set()
        parts: set[str] = set()
        head = ""
        readings = self._voikko.analyze(word)
        if any(reading.get("MOOD") == "A-infinitive" for reading in readings):
            # A verb written as such is the verb, not a plural noun form of the same letters ("kokeilla" is to
            # try, not "on cooks"); a singular form stays ("tukea" is also the partitive of "tuki")
            readings = [reading for reading in readings if reading.get("NUMBER") != "plural"]
        if any(reading.get("CLASS") not in PROPER_NAME_CLASSES for reading in readings):
            # a common word is not also a name of the same letters: "ostaa" is to buy, not the village Osta
            readings = [reading for reading in readings if reading.get("CLASS") not in PROPER_NAME_CLASSES]
        for reading in readings:
            base = reading.get("BASEFORM")
            if base:
                lemmas.add(fold(base))
            # the participle with a possessive says what the subject does ("harkitsee ostavansa rautakaupan"
            # considers buying one): the verb itself
            referative = REFERATIVE.match(reading.get("WORDBASES", "")) if reading.get("POSSESSIVE") else None
            if referative:
                lemmas.add(fold(referative.group(1)))
            pieces = compound_parts(reading.get("WORDBASES", ""))
            parts |= {piece for piece in pieces if len(piece) >= MIN_PART_LENGTH}
            head = head or (pieces[0] if pieces else "")
        return lemmas, parts - lemmas, head

    def _spoken_conditional(self, word: str) -> set[str]:
        """The verb of a spoken conditional ("maksais", "otettais"), which Voikko knows only written out
        ("maksaisi", "otettaisiin"): guessed from its spelling, it would be a liver ("maksa") or worse."""
        if not word.endswith("is"):
            return set()
        for ending in SPOKEN_CONDITIONAL_ENDINGS:
            readings = self._voikko.analyze(word + ending)
            verbs = {
                fold(reading["BASEFORM"])
                for reading in readings
                if reading.get("MOOD") == "conditional" and reading.get("BASEFORM")
            }
            if verbs:
                return verbs
        return set()

    def _analyse(self, word: str) -> WordAnalysis:
        lemmas, parts, head = self._readings(word)
        if lemmas:
            return WordAnalysis(word, frozenset(lemmas), frozenset(parts), True, head)
        if verbs := self._spoken_conditional(word):
            return WordAnalysis(word, frozenset(verbs), frozenset(), True)
        if "-" in word:
            for piece in word.split("-"):
                if len(piece) >= MIN_PART_LENGTH:
                    piece_lemmas, piece_parts, _ = self._readings(piece)
                    parts |= piece_lemmas | piece_parts | {fold(piece)}
                    head = min(piece_lemmas, default=fold(piece))
        guesses: set[str] = set()
        if self._suggest and len(word) >= 4 and not any(char.isdigit() for char in word):
            folded = fold(word)
            edits = SUGGESTION_EDITS_LONG if len(folded) >= LONG_WORD else SUGGESTION_EDITS
            for suggestion in self._voikko.suggest(word)[:SUGGESTIONS_TRIED]:
                # transposed letters ("stratti") are one slip of the fingers, not two
                if OSA.distance(folded, fold(suggestion), score_cutoff=edits) > edits:
                    continue
                suggested_lemmas, suggested_parts, suggested_head = self._readings(suggestion)
                guesses |= suggested_lemmas
                parts |= suggested_parts
                head = head or suggested_head
        return WordAnalysis(word, frozenset({fold(word)} | guesses), frozenset(parts), False, head)


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


_CLAUSE_END = re.compile(r"\s*(?:[,;:.!?()]|\s[-–—]\s)")


# An acronym inflected without its colon ("ELYstä", "TEsta", "YTJhen"): the colon put back, so that the acronym is
# read as itself, as in "ELY:stä"
_ACRONYM_ENDING = re.compile(r"\b([A-ZÅÄÖ]{2,})([a-zåäö]{1,5})\b")


def analyse_text(text: str, analyzer: Analyzer, aliases: Aliases) -> list[WordAnalysis]:
    """Aliases expanded, then every word analysed, each marked where a clause ends after it."""
    expanded = _lowered(aliases.expand(_ACRONYM_ENDING.sub(r"\1:\2", text)))
    analyses = []
    for found in _TOKEN.finditer(expanded):
        analysis = analyzer.analyse(found.group())
        if _CLAUSE_END.match(expanded, found.end()):
            analysis = replace(analysis, clause_end=True)
        analyses.append(analysis)
    return analyses


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


ENGLISH_STEM_LETTERS = 5
ENGLISH_ROOT_LETTERS = 3  # the shortest root left when an ending is taken off ("hir" of "hiring")


def english_stem(word: str) -> str:
    """An English word without its possessive or plural ending (team's → team, companies → company)."""
    for possessive in ("'s", "’s", "s'"):
        if word.endswith(possessive):
            word = word[: -len(possessive) + (possessive == "s'")]
            break
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_VERB_ENDINGS = ("ing", "ed", "er")


def english_root(word: str) -> str:
    """An English word without its plural and verb endings, and a final e (hire, hired, hiring → hir)."""
    word = english_stem(word)
    for ending in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= ENGLISH_ROOT_LETTERS:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > ENGLISH_ROOT_LETTERS else word


def same_english_word(word: str, term: str) -> bool:
    """True when `word` and `term` look like forms of one English word (companies, company's) or of
    one stem (exporter, exporting), judged by a longer shared beginning than Finnish needs: "party"
    is no "part", as a Finnish ending could make it."""
    if english_root(word) == english_root(term):  # the same stem gives the same root
        return True
    if english_stem(word).endswith("ist") != english_stem(term).endswith("ist"):
        return False  # a person of the trade is not its thing: "machinists" are hired, a "machine" bought
    if person_and_thing(english_stem(word), english_stem(term)):
        return False  # "electricity" is no "electrician", "development" no "developer"
    return same_stem(word, term) and common_prefix_length(word, term) >= ENGLISH_STEM_LETTERS


_PERSON_ENDINGS = ("er", "or", "ian", "ist")
_THING_ENDINGS = ("ment", "ity", "ics", "ism", "ance", "ence")


def person_and_thing(word: str, term: str) -> bool:
    """One names a person by an agent ending, the other an abstract thing of the same stem."""
    return (word.endswith(_PERSON_ENDINGS) and term.endswith(_THING_ENDINGS)) or (
        term.endswith(_PERSON_ENDINGS) and word.endswith(_THING_ENDINGS)
    )


def same_stem(word: str, term: str) -> bool:
    """True when `word` looks like an inflected form of `term` (or `term` is its first part).

    Finnish endings change the last letters (takaus → takauksen, eläke → eläkkeelle), so the
    shared beginning must cover most of the shorter word and at least four letters.
    """
    if len(word) < 4 or len(term) < 4:
        return word == term
    shared = common_prefix_length(word, term)
    return shared >= 4 and shared >= 0.7 * min(len(word), len(term))


def is_among(analysis: WordAnalysis, words: frozenset[str], guesses: Stems) -> bool:
    """The word is one of `words` as a whole word; a guessed word by its letters (see guessed_form:
    "kelan" is no "kela-kortti", "yksin" no "yksityisesti")."""
    if analysis.lemmas & words:
        return True
    return not analysis.known and guesses.has(fold(analysis.word))


GUESS_SHARE = 0.75  # of a trigger word that a guessed word must share to be one of its forms
GUESS_ENDING_LETTERS = 5  # the longest case endings: maksuvaikeus -> maksuvaikeuksissa


def guessed_form(word: str, trigger: str) -> str | None:
    """How a word the analyser did not know relates to a lexicon word, judged by their letters.

    "whole" when it looks like an inflected form (rahoitusta, työntekijöitä), "part" when it looks
    like a compound that starts with it (konepaja on kone), None otherwise. Stricter than
    `same_stem`: inflection seldom shortens a word, so "toimi" is no form of "toimitila", and most
    of the trigger must be shared, so "kahvinkeitin" is no form of "kahvila".
    """
    shared = common_prefix_length(word, trigger)
    if len(word) < len(trigger) - 1 or shared < min(4, len(trigger)) or shared < GUESS_SHARE * len(trigger):
        return None
    tail = trigger[shared:]
    if len(tail) >= 2 and trigger[-1] in _KEPT_FINALS and tail[0] not in _GRADING:
        return None  # "korjaan" is no "korjaamo": a word on -o, -u or -y keeps its end in every form
    if word.endswith(_NO_COMPOUND_ENDS):
        return "whole" if not tail and _FORM_ENDING.fullmatch(word, len(trigger)) else None
    if len(word) - len(trigger) > GUESS_ENDING_LETTERS:
        return "part"
    if not tail and not _FORM_ENDING.fullmatch(word, len(trigger)):
        return "part"  # "tilattua", "uusitaan", "rakennuslupaa": no ending of "tila", "uusi", "rakennus"
    return "whole"


# What may follow a whole word in one of its forms, folded: a case ending (after a lengthened stem vowel,
# "koneeseen", and with the plural i or j), a possessive suffix and a clitic, or an English ending
# ("exporting"). A verb's endings are not among them.
_FORM_ENDING = re.compile(
    r"(?:[aeiouy]?[ij]?(?:|n|a|ta|tta|na|ksi|lla|lta|lle|ssa|sta|[aeiouy]n|h[aeiouy]n|seen|t|ne|den|tten))"
    r"(?:|ni|si|nsa|mme|nne|[ae]n)(?:|kin|kaan|ko|han|pa)|s|es|ed|ing|ings|er|ers|'s"
)
# An adverb ("hallitusti") or a passive verb ("lopetetaan") ends so; no compound noun does.
_NO_COMPOUND_ENDS = ("sti", "taan", "daan")
_KEPT_FINALS = frozenset("ouy")  # folded: ö is o
_GRADING = frozenset("kpt")  # consonants that may change before the end ("tuotanto" -> "tuotannon")


class Stems:
    """Lexicon words to compare guessed words with, by their first letters (a guessed form must share them)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_start: dict[str, list[str]] = defaultdict(list)
        for word in set(words):
            self._by_start[word[:4]].append(word)  # a word under four letters is its own start

    def forms(self, word: str) -> Iterator[tuple[str, str]]:
        """(lexicon word, "whole" or "part") for each lexicon word `word` may be a form of; see guessed_form."""
        for start in {word[:4], word[:3], word[:2], word[:1]}:
            for trigger in self._by_start.get(start, ()):
                form = guessed_form(word, trigger)
                if form is not None:
                    yield trigger, form

    def has(self, word: str, form: str = "whole") -> bool:
        """True when `word` may be a form (of kind `form`) of one of the words."""
        return any(kind == form for _, kind in self.forms(word))
