"""The finder's inverted index: folded terms, multi-word phrases and names, to the services that use them.

A one-word keyword counts by its word. A multi-word keyword or provider name ("uusi alku", "open
UAS", "Team Finland") counts in full only as a phrase, its words in order in the question; its
words one by one count as little as a summary word. A keyword written with a capital (ProAgria,
Xamk, Neuvo) and a one-word provider name are names: a question that names one is relevant even
without a need.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.text import WordAnalysis, fold, guessed_form, same_english_word, same_stem

PART_FACTOR = 0.6  # a compound part of an indexed word counts less than the whole word
PHRASE_WORD_WEIGHT = 1.0  # one word of a phrase, found without the rest of it
STEM_QUALITY = 0.8
FUZZY_QUALITY = 0.6
FUZZY_CUTOFF = 88
FUZZY_MIN_LENGTH = 5
ENGLISH_FUZZY_MIN_LENGTH = 7  # shorter English words are too often other words one letter away
STRONG_WEIGHT = 2.5  # a keyword, name or provider word: a match on one is a topical hit
# A one-word keyword (a compound or a word the analyser does not know) of at most this many services,
# found in at most SPECIFIC_POSTINGS services in all, names what it is about as a name does
# ("anniskelulupa", "metsänomistaja", "kemera").
SPECIFIC_KEYWORD_SERVICES = 3
SPECIFIC_POSTINGS = 6
SPECIFIC_PART_LENGTH = 5  # a part of a written compound ("kemera-tuista") counts when this long


@dataclass(frozen=True)
class Phrase:
    """A multi-word keyword or provider name of one service: the base forms of each of its words."""

    words: tuple[frozenset[str], ...]
    service: int
    weight: float
    name: bool
    owner: bool = False  # the name of the service's own provider


@dataclass
class TextMatch:
    """Per question word and service, the text score; and whether the question named a name or hit a keyword."""

    per_word: list[dict[int, float]]
    in_phrase: list[set[int]] = field(default_factory=list)  # per word: services whose phrase it completed
    exact: list[set[int]] = field(default_factory=list)  # per word: services it names by a rare keyword as written
    named: bool = False
    named_services: set[int] = field(default_factory=set)  # the services a name in the question names
    strong: bool = False
    specific: bool = False  # the question used a rare one-word keyword as it is written in the knowledge base


class Index:
    """Inverted index from folded terms to the services whose fields contain them."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        self.stopwords = stopwords  # folded, as the terms are
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        self.by_initial: dict[str, list[str]] = defaultdict(list)  # typos rarely hit the first letter
        self.vocabulary: list[str] = []
        self.idf: dict[str, float] = {}
        self.top_weight: dict[str, float] = {}  # the most a term weighs in any service
        self.names: set[str] = set()
        self.name_words: set[str] = set()  # the words of multi-word names ("team", "finland" of Team Finland)
        # a name in a provider's name ("Finnvera", "Xamk" of "Xamk – Kaakkois-Suomen …") -> that provider's services
        self.owners: dict[str, set[int]] = defaultdict(set)
        self._provider_words: dict[str, set[int]] = defaultdict(set)  # every word of a provider name, until freeze
        self.specific: frozenset[str] = frozenset()  # rare one-word keywords, see SPECIFIC_KEYWORD_SERVICES
        self._keyword_services: dict[str, set[int]] = defaultdict(set)
        self._keyword_terms: set[str] = set()  # one-word keywords: a topic of their own, whatever names use them
        self.phrases: dict[str, list[Phrase]] = defaultdict(list)  # by a base form of the first word
        self._starts: dict[str, list[str]] = defaultdict(list)  # names and phrase starts by their first letters

    def _content(self, analyses: Iterable[WordAnalysis]) -> list[WordAnalysis]:
        return [a for a in analyses if a.lemmas - self.stopwords and not a.lemmas & self.stopwords]

    def add(self, service: int, analyses: Sequence[WordAnalysis], weight: float, phrase: bool = False) -> None:
        """Index a field's text; with `phrase`, a text of several words counts in full only as a phrase."""
        words = self._content(analyses) if phrase else list(analyses)
        if phrase and len(analyses) > 1:
            if len(words) > 1:
                self._add_phrase(Phrase(tuple(a.lemmas for a in words), service, weight, False))
            weight = min(weight, PHRASE_WORD_WEIGHT)
        for analysis in words:
            for term in analysis.lemmas:
                self._post(term, service, weight)
            # A hyphenated compound's last part is the generic word its front specifies ("YEL-raja",
            # "EU-rahoitus"): alone in a question it means no more than a word of a phrase does.
            head = analysis.head if "-" in analysis.word else ""
            for term in analysis.parts:
                part_weight = weight * PART_FACTOR
                self._post(term, service, min(part_weight, PHRASE_WORD_WEIGHT) if term == head else part_weight)

    def add_keyword(self, service: int, analyses: Sequence[WordAnalysis], weight: float) -> None:
        """Index a keyword that is not a name: a phrase when it has several words, else a candidate specific term."""
        # Only compounds and words the analyser does not know (brand-like: "kemera", "metka"): a plain
        # noun such as "toimisto" is a keyword of a few services and still says little on its own.
        if len(analyses) == 1 and (analyses[0].parts or not analyses[0].known):
            for term in analyses[0].lemmas:
                self._keyword_services[term].add(service)
        if len(analyses) == 1:
            self._keyword_terms |= analyses[0].lemmas
        self.add(service, analyses, weight, phrase=True)

    def add_name(
        self, service: int, analyses: Sequence[WordAnalysis], weight: float, is_name: bool = True, owner: bool = False
    ) -> None:
        """Index a name: one word is a name term; several words are a phrase that is a name when complete.

        `is_name=False` indexes a name that is also an everyday phrase ("Mikkelin kaupunki", the city a
        resident writes to about anything) as a phrase that scores but does not make a question relevant.
        `owner`: the name is the service's provider's, so a question naming it asks for that provider.
        """
        words = self._content(analyses)
        if len(analyses) == 1 and is_name:
            # The name as written, not the analyser's other readings of it ("Neuvo" is no "neuvoa").
            as_written = {term for a in words for term in a.lemmas if term == fold(a.word)}
            terms = as_written or {term for a in words for term in a.lemmas}
            self.names |= terms
            if owner:
                for term in terms:
                    self._provider_words[term].add(service)
            self.add(service, words, weight)
            return
        if owner:
            for analysis in words:
                for term in analysis.lemmas:
                    self._provider_words[term].add(service)
        if len(words) > 1:
            self._add_phrase(Phrase(tuple(a.lemmas for a in words), service, weight, is_name, owner and is_name))
            if is_name:
                self.name_words |= {term for a in words for term in a.lemmas}
        self.add(service, words, min(weight, PHRASE_WORD_WEIGHT))

    def services_of_keyword(self, analysis: WordAnalysis) -> set[int]:
        """The services that have the word as one of their rare keywords."""
        found: set[int] = set()
        for term in analysis.lemmas & self.specific:
            found |= self._keyword_services[term]
        return found

    def _add_phrase(self, phrase: Phrase) -> None:
        for term in phrase.words[0]:
            self.phrases[term].append(phrase)

    def _post(self, term: str, service: int, weight: float) -> None:
        if term in self.stopwords or len(term) < 2:
            return
        current = self.postings[term].get(service, 0.0)
        if weight > current:
            self.postings[term][service] = weight

    def freeze(self, service_count: int) -> None:
        """Compute the rarity weights and the lookup tables once every service is in."""
        for term in self.names | set(self.phrases):
            self._starts[term[:4]].append(term)
        self.vocabulary = sorted(self.postings)
        self.name_words -= self._keyword_terms
        # A provider's name words that are names in their own right ("Xamk", "Miksei") name that provider.
        self.owners = defaultdict(set, {t: s for t, s in self._provider_words.items() if t in self.names})
        for term in self.vocabulary:
            self.by_prefix[term[:4]].append(term)
            if len(term) >= FUZZY_MIN_LENGTH:
                self.by_initial[term[0]].append(term)
            self.idf[term] = math.log(1 + service_count / len(self.postings[term]))
            self.top_weight[term] = max(self.postings[term].values())
        self.specific = frozenset(
            term
            for term, services in self._keyword_services.items()
            if len(services) <= SPECIFIC_KEYWORD_SERVICES
            and len(self.postings.get(term, ())) <= SPECIFIC_POSTINGS
            and term not in self.stopwords
        )

    def related_terms(self, word: str, english: bool = False) -> list[tuple[str, float]]:
        """Index terms that look like inflected or mistyped forms of `word`, with a match quality."""
        if english:
            return self._related_english_terms(word)
        # A hyphenated compound that begins with the word ("businessfinland-rahoitus") is no form of it:
        # its parts are indexed as parts, and the whole compound's rarity would outweigh the word itself.
        found = [
            (term, STEM_QUALITY)
            for term in self.by_prefix.get(word[:4], ())
            if same_stem(word, term) and not term.startswith(f"{word}-")
        ]
        if found or len(word) < FUZZY_MIN_LENGTH:
            return found
        for term, score, _ in process.extract(
            word, self.by_initial.get(word[0], ()), scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF, limit=5
        ):
            if abs(len(term) - len(word)) <= max(3, 0.3 * len(word)):
                found.append((term, FUZZY_QUALITY * score / 100))
        return found

    def _related_english_terms(self, word: str) -> list[tuple[str, float]]:
        # English adds its endings: a shared beginning is no relation ("party" is no "part"), and a
        # typo is a letter or two in a long word, never a word inside another (partial matching).
        found = [(term, STEM_QUALITY) for term in self.by_prefix.get(word[:4], ()) if same_english_word(word, term)]
        if found or len(word) < ENGLISH_FUZZY_MIN_LENGTH:
            return found
        return [
            (term, FUZZY_QUALITY * score / 100)
            for term, score, _ in process.extract(
                word, self.by_initial.get(word[0], ()), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
            )
        ]

    def starts(self, analysis: WordAnalysis) -> set[str]:
        """The names and phrase starts the word may be: its base forms, or for a guess, terms of the same stem."""
        if analysis.known:
            return set(analysis.lemmas)
        return set(analysis.lemmas) | {
            term
            for lemma in analysis.lemmas
            for term in self._starts.get(lemma[:4], ())
            if (same_english_word if analysis.english else same_stem)(lemma, term)
        }

    def names_of(self, analysis: WordAnalysis) -> set[str]:
        """The names the word may be; a guess only as a form of the whole name or before a hyphen
        ("Leader-rahoitusta"): "suomen" is no "suomenyrittajat", though its first letters are."""
        names = self.starts(analysis) & self.names
        if analysis.known or not names:
            return names
        return {
            name
            for name in names
            for lemma in analysis.lemmas
            if lemma.startswith(name + "-") or guessed_form(lemma, name) == "whole"
        }

    def candidates(self, analysis: WordAnalysis) -> dict[str, float]:
        """The index terms a question word may mean, with the quality of each match."""
        found: dict[str, float] = {}
        for term in analysis.lemmas:
            if term in self.postings:
                found[term] = 1.0
        for term in analysis.parts:
            if term in self.postings and term not in self.stopwords:
                found.setdefault(term, PART_FACTOR)
        if not analysis.known:
            for lemma in analysis.lemmas:
                for term, quality in self.related_terms(lemma, analysis.english):
                    # the best of the readings that reach it, whichever reading comes first
                    found[term] = max(found.get(term, 0.0), quality)
        return found


def _is_specific(index: Index, analysis: WordAnalysis) -> bool:
    """The word is a rare one-word keyword as written (or a long part of a compound written with a hyphen)."""
    if analysis.lemmas & index.specific:
        return True
    long_parts = {part for part in analysis.parts if len(part) >= SPECIFIC_PART_LENGTH}
    return "-" in analysis.word and bool(long_parts & index.specific)


def _same_word(analysis: WordAnalysis, terms: frozenset[str], idf: dict[str, float]) -> str | None:
    """The phrase word's base form that the question word is, if any (guessed words by their stem).

    Of several ("verojen" reads as vero and vera), the one that weighs most, as match_text takes the
    best term of a word: never whichever a set happens to yield first, which changes from run to run.
    """
    found: frozenset[str] | set[str] = analysis.lemmas & terms
    if not found and not analysis.known:
        same = same_english_word if analysis.english else same_stem
        found = {term for lemma in analysis.lemmas for term in terms if same(lemma, term)}
    return max(found, key=lambda term: (idf.get(term, 0.0), term)) if found else None


COMPOUND_NAME_MIN = 6  # "neuvo" (a programme) is also the front of "neuvonantaja"


def _front_name(index: Index, analysis: WordAnalysis) -> bool:
    return any(
        len(part) >= COMPOUND_NAME_MIN and part in index.names and lemma.startswith(part)
        for part in analysis.parts
        for lemma in analysis.lemmas
    )


def match_text(index: Index, words: Sequence[tuple[WordAnalysis, float, bool]]) -> TextMatch:
    """Score every service for the question words (analysis, factor, scored), best term per word and service."""
    per_word: list[dict[int, float]] = []
    result = TextMatch(per_word, [set() for _ in words], [set() for _ in words])
    for position, (analysis, factor, scored) in enumerate(words):
        best: dict[int, float] = {}
        # A municipality (unscored) is no name; a compound that begins with a name ("yrityskummitoiminta",
        # "Finnvera-laina") names it too, when the name is long enough not to be an ordinary word's front.
        names = index.names_of(analysis)
        named = scored and bool(names or _front_name(index, analysis))
        if named:  # a provider or programme named: it means that name, whatever else it could say of the company
            factor = 1.0
        if scored:
            for term, quality in index.candidates(analysis).items():
                scale = quality * index.idf[term] * factor
                postings = index.postings[term]
                if not best:
                    best = {service: weight * scale for service, weight in postings.items()}
                else:
                    for service, weight in postings.items():
                        value = weight * scale
                        if value > best.get(service, 0.0):
                            best[service] = value
                # One word of a name ("our team's party") is no topical hit: the whole name is (see
                # _match_phrases), wherever else its words are written.
                strong = quality >= STEM_QUALITY and index.top_weight[term] >= STRONG_WEIGHT
                if factor == 1.0 and strong and term not in index.name_words:
                    result.strong = True
            if named:
                result.named = True
                for term in names:  # a provider named: its services
                    result.named_services |= index.owners.get(term, set())
            if factor == 1.0 and _is_specific(index, analysis):
                result.specific = True
                result.exact[position] = index.services_of_keyword(analysis)
        per_word.append(best)
    _match_phrases(index, words, per_word, result)
    return result


def _match_phrases(
    index: Index, words: Sequence[tuple[WordAnalysis, float, bool]], per_word: list[dict[int, float]], result: TextMatch
) -> None:
    for start, (analysis, _, _) in enumerate(words):
        for term in index.starts(analysis):
            for phrase in index.phrases.get(term, ()):
                end = start + len(phrase.words)
                if end > len(words):
                    continue
                matched = [
                    _same_word(words[start + k][0], phrase.words[k], index.idf) for k in range(len(phrase.words))
                ]
                if any(found is None for found in matched):
                    continue
                if phrase.name:
                    result.named = True
                    if phrase.owner:
                        result.named_services.add(phrase.service)
                elif words[start][1] == 1.0 and all(
                    len(index.postings.get(found, ())) <= SPECIFIC_POSTINGS for found in matched if found is not None
                ):
                    result.specific = True  # a rare keyword phrase said in full ("de minimis") names its subject
                for k, found in enumerate(matched):
                    _, factor, scored = words[start + k]
                    if phrase.name:  # a name's words mean the name, not the company's context
                        factor = 1.0
                    result.in_phrase[start + k].add(phrase.service)
                    if scored and found is not None and found in index.idf:
                        value = phrase.weight * index.idf[found] * factor
                        if value > per_word[start + k].get(phrase.service, 0.0):
                            per_word[start + k][phrase.service] = value
                if words[start][1] == 1.0:
                    result.strong = True
