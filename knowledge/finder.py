"""The service finder: which services fit the company an adviser describes, best first, with why."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from knowledge.facets import Facets, is_municipality, read_facets
from knowledge.lexicon import LEXICON_FILE, Lexicon
from knowledge.loader import KnowledgeBase, KnowledgeBaseError
from knowledge.models import Provider, Service
from knowledge.problems import Problem
from knowledge.text import (
    Analyzer,
    PlainAnalyzer,
    WordAnalysis,
    analyse_text,
    create_analyzer,
    fold,
    same_stem,
)
from knowledge.vocab import ALL_AREA, MUNICIPALITY_BY_CODE, MUNICIPALITY_CODES, NEEDS, term_by_id

# How much a word found in each field counts (before its rarity weight).
FIELD_WEIGHTS = {"name": 3.0, "keywords": 3.0, "provider": 2.5, "needs": 1.5, "summary": 1.0, "eligibility": 0.5}
PART_FACTOR = 0.6  # a compound part of an indexed word counts less than the whole word
STEM_QUALITY = 0.8
FUZZY_QUALITY = 0.6
FUZZY_CUTOFF = 88
FUZZY_MIN_LENGTH = 5
NEED_PRIMARY = 2.0
NEED_SECONDARY = 1.0
LOCAL_BONUS = 1.0
STAGE_FIT, SIZE_FIT, SECTOR_FIT = 0.7, 0.5, 1.0
MIN_SCORE = 2.0  # below this nothing is relevant enough to show
RELATIVE_CUTOFF = 0.3  # drop results far below the best one
ENGLISH_MARKERS = frozenset(
    [
        "the",
        "a",
        "an",
        "we",
        "our",
        "need",
        "needs",
        "for",
        "with",
        "where",
        "how",
        "can",
        "what",
        "is",
        "are",
        "to",
        "of",
    ]
)


@dataclass(frozen=True)
class Match:
    """One service in the answer."""

    service: Service
    provider: Provider
    score: float
    needs: tuple[str, ...]  # the question's needs this service meets
    area_note: str  # "whole country" or the municipality rule that let it through

    def why(self, language: str = "fi") -> str:
        """A short explanation: the needs it meets and where it is available."""
        needs = self.needs or tuple(self.service.needs[:1])
        labels = ", ".join(term_by_id(NEEDS, need).label(language) for need in needs)
        lead = "Needs" if language == "en" else "Tarve"
        return f"{lead}: {labels} · {self.area_note_in(language)}"

    def area_note_in(self, language: str) -> str:
        """The area rule in `language`."""
        if self.area_note == ALL_AREA:
            return "available everywhere in Finland" if language == "en" else "koko Suomi"
        return f"serves {self.area_note}" if language == "en" else f"palvelee: {self.area_note}"

    def as_dict(self, language: str = "fi") -> dict[str, Any]:
        """The result as JSON for the command line and the cards."""
        service, provider = self.service, self.provider
        return {
            "service_id": service.id,
            "name": service.name_en if language == "en" else service.name_fi,
            "provider": provider.name,
            "score": round(self.score, 3),
            "why": self.why(language),
            "needs": list(self.needs),
            "summary": service.summary_en if language == "en" else service.summary_fi,
            "link": service.link,
            "contact": {"web": provider.web, "phone": provider.phone, "email": provider.email},
        }


@dataclass
class SearchResult:
    """The ranked matches and what was understood of the question."""

    matches: list[Match]
    facets: Facets
    needs: dict[str, float] = field(default_factory=dict)

    @property
    def vague(self) -> bool:
        """True when the question names a need but nothing about the company to narrow by."""
        facts = (self.facets.municipality, self.facets.size, self.facets.stage, self.facets.sector)
        return bool(self.matches) and not any(facts)


@dataclass(frozen=True)
class _Profile:
    """What ranking needs of a service, precomputed (attribute access on pydantic models is slow)."""

    service_id: str
    needs: tuple[str, ...]
    area: frozenset[str] | None  # None: the whole country
    stages: frozenset[str]
    sizes: frozenset[str]
    sectors: frozenset[str]


def _profile(service: Service, provider: Provider) -> _Profile:
    area = service.municipalities or provider.municipalities
    return _Profile(
        service.id,
        tuple(service.needs),
        None if ALL_AREA in area else frozenset(area),
        frozenset(service.stages),
        frozenset(service.sizes),
        frozenset(service.sectors),
    )


class _Index:
    """Inverted index from folded terms to the services whose fields contain them."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        self.stopwords = stopwords  # folded, as the terms are
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        self.by_initial: dict[str, list[str]] = defaultdict(list)  # typos rarely hit the first letter
        self.vocabulary: list[str] = []
        self.idf: dict[str, float] = {}

    def add(self, service_index: int, analyses: Iterable[WordAnalysis], weight: float) -> None:
        for analysis in analyses:
            for term in analysis.lemmas:
                self._post(term, service_index, weight)
            for term in analysis.parts:
                self._post(term, service_index, weight * PART_FACTOR)

    def _post(self, term: str, service_index: int, weight: float) -> None:
        if term in self.stopwords or len(term) < 2:
            return
        current = self.postings[term].get(service_index, 0.0)
        if weight > current:
            self.postings[term][service_index] = weight

    def freeze(self, service_count: int) -> None:
        self.vocabulary = sorted(self.postings)
        for term in self.vocabulary:
            self.by_prefix[term[:4]].append(term)
            if len(term) >= FUZZY_MIN_LENGTH:
                self.by_initial[term[0]].append(term)
            self.idf[term] = math.log(1 + service_count / len(self.postings[term]))

    def related_terms(self, word: str) -> list[tuple[str, float]]:
        """Index terms that look like inflected or mistyped forms of `word`, with a match quality."""
        found = [(term, STEM_QUALITY) for term in self.by_prefix.get(word[:4], ()) if same_stem(word, term)]
        if found or len(word) < FUZZY_MIN_LENGTH:
            return found
        for term, score, _ in process.extract(
            word, self.by_initial.get(word[0], ()), scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF, limit=5
        ):
            if abs(len(term) - len(word)) <= max(3, 0.3 * len(word)):
                found.append((term, FUZZY_QUALITY * score / 100))
        return found


class Finder:
    """Ranks the knowledge base's services for a free-text question."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer | None = None) -> None:
        if kb.lexicon is None:  # the lexicon file has errors: nothing to read questions with
            raise KnowledgeBaseError(kb.errors or [Problem(LEXICON_FILE, "", "no lexicon was loaded")])
        self.kb = kb
        self.lexicon: Lexicon = kb.lexicon
        self.analyzer = analyzer or create_analyzer()
        index_analyzer = create_analyzer(suggest=False) if self.analyzer.name == "voikko" else self.analyzer
        self._english = PlainAnalyzer()
        # Folded once here: the analysers give folded lemmas.
        self._stopwords = frozenset(fold(word) for word in self.lexicon.stopwords)
        self._person_stems = tuple(fold(word)[:4] for word in self.lexicon.person_words)
        self._need_triggers = {need: {fold(word) for word in words} for need, words in self.lexicon.needs.items()}
        self._services = list(kb.services)
        self._index = _Index(self._stopwords)
        for position, service in enumerate(self._services):
            self._index_service(position, service, index_analyzer)
        self._index.freeze(len(self._services))
        self._profiles = [_profile(service, kb.provider_of(service)) for service in self._services]
        self._by_need: dict[str, list[int]] = defaultdict(list)
        for position, service in enumerate(self._services):
            for need in service.needs:
                self._by_need[need].append(position)

    def _index_service(self, position: int, service: Service, analyzer: Analyzer) -> None:
        provider = self.kb.provider_of(service)
        finnish = {
            "name": [service.name_fi],
            "keywords": service.keywords_fi,
            "provider": [provider.name],
            "needs": [term_by_id(NEEDS, need).fi for need in service.needs],
            "summary": [service.summary_fi],
            "eligibility": [service.eligibility_fi],
        }
        english = {
            "name": [service.name_en],
            "keywords": service.keywords_en,
            "needs": [term_by_id(NEEDS, need).en for need in service.needs],
            "summary": [service.summary_en],
        }
        for fields, field_analyzer in ((finnish, analyzer), (english, self._english)):
            for name, phrases in fields.items():
                for phrase in phrases:
                    self._index.add(position, self._analyse(phrase, field_analyzer), FIELD_WEIGHTS[name])

    def _analyse(self, text: str, analyzer: Analyzer) -> list[WordAnalysis]:
        return analyse_text(text, analyzer, self.lexicon.aliases)

    # ---- the question ---------------------------------------------------------------------

    def _analyse_question(self, question: str) -> list[WordAnalysis]:
        words = question.lower().split()
        english = sum(word.strip("?.,!") in ENGLISH_MARKERS for word in words)
        analyzer = self._english if words and english >= max(2, len(words) // 4) else self.analyzer
        return self._analyse(question, analyzer)

    def read_facets(self, text: str) -> Facets:
        """What `text` says about the company (municipality, size, stage, sector), read with this finder's lexicon."""
        return read_facets(text, self._analyse(text, self.analyzer), self.lexicon)

    def _topics(self, analyses: list[WordAnalysis]) -> list[WordAnalysis]:
        """The words that say what the company needs: a headcount ("2 hengen") is a size, not a topic."""
        topics = []
        for index, analysis in enumerate(analyses):
            after_number = index > 0 and analyses[index - 1].word.isdigit()
            if after_number and any(fold(analysis.word).startswith(stem) for stem in self._person_stems):
                continue
            topics.append(analysis)
        return topics

    def _needs_of(self, analyses: list[WordAnalysis]) -> dict[str, float]:
        strengths: dict[str, float] = {}
        for analysis in analyses:
            guessed = not analysis.known
            word = fold(analysis.word)
            for need, triggers in self._need_triggers.items():
                if analysis.lemmas & triggers or (guessed and any(same_stem(word, t) for t in triggers)):
                    strengths[need] = 1.0
                elif analysis.parts & triggers:
                    strengths[need] = max(strengths.get(need, 0.0), 0.5)
        return strengths

    def _text_scores(self, analyses: list[WordAnalysis]) -> defaultdict[int, float]:
        scores: defaultdict[int, float] = defaultdict(float)
        index = self._index
        for analysis in analyses:
            if analysis.lemmas <= self._stopwords or is_municipality(analysis):
                continue  # a place is a facet (area filter, local bonus), not a topic
            candidates: dict[str, float] = {}
            for term in analysis.lemmas:
                if term in index.postings:
                    candidates[term] = 1.0
            for term in analysis.parts:
                if term in index.postings and term not in self._stopwords:
                    candidates.setdefault(term, PART_FACTOR)
            if not analysis.known:
                for lemma in analysis.lemmas:
                    for term, quality in index.related_terms(lemma):
                        candidates.setdefault(term, quality)
            best: dict[int, float] = {}
            for term, quality in candidates.items():
                idf = index.idf[term]
                for position, weight in index.postings[term].items():
                    value = weight * quality * idf
                    if value > best.get(position, 0.0):
                        best[position] = value
            for position, value in best.items():
                scores[position] += value
        return scores

    # ---- ranking --------------------------------------------------------------------------

    def _area_note(self, service: Service, provider: Provider, facets: Facets) -> str:
        area = service.municipalities or provider.municipalities
        if ALL_AREA in area:
            return ALL_AREA
        if facets.municipality is not None:
            return facets.municipality.fi
        if set(area) >= MUNICIPALITY_CODES:
            return "koko Etelä-Savo"
        return ", ".join(MUNICIPALITY_BY_CODE[code].fi for code in area)

    def _facet_adjustment(self, profile: _Profile, facets: Facets) -> float:
        adjustment = 0.0
        if facets.municipality is not None and profile.area is not None:
            adjustment += LOCAL_BONUS
        for value, allowed, weight in (
            (facets.stage, profile.stages, STAGE_FIT),
            (facets.size, profile.sizes, SIZE_FIT),
        ):
            if value and allowed:
                adjustment += weight if value in allowed else -weight
        if profile.sectors:
            adjustment += SECTOR_FIT if facets.sector in profile.sectors else -SECTOR_FIT / 2
        return adjustment

    def search(self, question: str, top: int = 5, facets: Facets | None = None) -> SearchResult:
        """The services that fit `question`, best first; `facets` overrides what is read from the text."""
        analyses = self._analyse_question(question)
        read = read_facets(question, analyses, self.lexicon)
        if facets is not None:
            read = Facets(
                municipality=facets.municipality or read.municipality,
                size=facets.size or read.size,
                stage=facets.stage or read.stage,
                sector=facets.sector or read.sector,
            )
        topics = self._topics(analyses)
        needs = self._needs_of(topics)
        base = self._text_scores(topics)
        for need, strength in needs.items():
            for position in self._by_need.get(need, ()):
                primary = self._profiles[position].needs[0] == need
                base[position] += strength * (NEED_PRIMARY if primary else NEED_SECONDARY)
        code = read.municipality.code if read.municipality else None
        scored: list[tuple[float, str, int]] = []
        for position, relevance in base.items():
            if relevance < MIN_SCORE:
                continue
            profile = self._profiles[position]
            if code is not None and profile.area is not None and code not in profile.area:
                continue  # not offered where the company is
            if read.sector and profile.sectors and read.sector not in profile.sectors:
                continue  # made for other sectors
            score = relevance + self._facet_adjustment(profile, read)
            if score > 0:
                scored.append((score, profile.service_id, position))
        best = heapq.nsmallest(top, scored, key=lambda item: (-item[0], item[1]))
        matches = []
        for score, _, position in best:
            if score < best[0][0] * RELATIVE_CUTOFF:
                break
            service = self._services[position]
            provider = self.kb.provider_of(service)
            met = tuple(need for need in service.needs if need in needs)
            matches.append(Match(service, provider, score, met, self._area_note(service, provider, read)))
        return SearchResult(matches, read, needs)
