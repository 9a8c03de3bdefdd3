"""Ranking: from what was understood and the text matches to the best services, the stated need dominating.

A service scores by the needs of the question it meets (its first need counts most; more of the
question's needs, more still), plus its text matches, of which a service that meets none of the
needs keeps only part. Then the company's facts filter (area, sector, eligibility rules) and re-rank
(local services, aimed-at stage, size and sector, rules met or left open).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from knowledge.company_facts import is_nationality
from knowledge.eligibility import Condition, Rules, company_age, judge, possible_values, rules_of
from knowledge.facets import Facets
from knowledge.models import Provider, Service
from knowledge.question import HIRING_NEEDS, TOPIC_NEED, Understanding
from knowledge.text import WordAnalysis, fold, guessed_form
from knowledge.vocab import ALL_AREA, FARM_SECTOR, MUNICIPALITY_CODES, SECTORS, SIZES

NEED_PRIMARY = 4.0  # a service's first need met
NEED_SECONDARY = 2.5  # one of its other needs met
MULTI_NEED_BONUS = 3.0  # for each further need word of the question whose need a service meets
OFF_NEED_FACTOR = 0.4  # the text score left to a service that meets none of the question's needs
OFF_SENSE_FACTOR = 0.15  # a need word in a service without that need: most likely another sense of it
NAMED_BONUS = 4.0  # a service of the provider or programme the question names
NEED_WORD_CAP = 6.0  # the most a word that named a need adds as text: its need is scored already
LOCAL_BONUS = 1.0
UNKNOWN_PLACE_COST = 2.0  # times LOCAL_BONUS, for a service of part of the region when the company's place is unknown
ONE_PLACE_COST = 5.0  # ... and for a municipality's own service
ONE_PLACE_AREA = 2  # municipalities a municipality's own service may serve (Mäntyharju serves Pertunmaa too)
STAGE_FIT, SIZE_FIT, SECTOR_FIT = 0.7, 0.5, 1.0
# A service only for ideas and start-ups is not for a company known to have run this many years.
STARTUP_STAGES = frozenset({"idea", "startup"})
GROWN_SIZES = frozenset({"small", "medium", "large"})  # ten people or more
ESTABLISHED_AFTER_YEARS = 5
RULE_FIT = 2.5  # for each only_for rule the company is known to meet: the service is made for this case
OPEN_RULE_COST = 1.5  # for each only_for rule the question left open: the service may not apply
# Advisers name the sector when it matters ("maatila", "kahvila"): a service only for one sector is
# unlikely to fit a question that does not name it; so is one only for hires from abroad when the
# question does not say where the hire comes from. A not_for rule left open rarely bites.
OPEN_SECTOR_RULE_COST = 4.0
OPEN_EXCLUSION_COST = 0.25
SIZE_ORDER = {term.id: order for order, term in enumerate(SIZES)}  # solo, micro, small, medium, large
MIN_SCORE = 2.0  # below this a service is noise, even in a relevant answer
SHOWN_FIRST = 3  # the answers the card shows before "show more": each thing asked should be among them
COVER_MIN_SHARE = 0.5  # of the score of the answer it would displace, for the best answer to the other thing
RELATIVE_CUTOFF = 0.3  # drop results far below the best one, unless they meet a need of the question


@dataclass(frozen=True)
class Profile:
    """What ranking needs of a service, precomputed (attribute access on pydantic models is slow)."""

    service_id: str
    needs: tuple[str, ...]
    need_set: frozenset[str]
    area: frozenset[str] | None  # None: the whole country
    area_share: float  # of the region's municipalities it serves
    stages: frozenset[str]
    sizes: frozenset[str]
    sectors: frozenset[str]
    rules: Rules
    local_bonus: float  # the most its area adds, for a company whose municipality is known
    any_bonus: float  # the most the company's facts could add, whatever they are
    largest_size: int  # of the sizes it is for (SIZE_ORDER), when it names any
    for_hiring: bool  # its rules are about a person hired (a work permit, a youth voucher)
    named_only: bool = False  # shown only when the question names it (see Service.named_only)
    not_for_subjects: frozenset[str] = frozenset()  # folded words it is not for (see Service.not_for_subjects)

    def max_bonus(self, facets: Facets, known: dict[str, frozenset[str] | None], age: float | None) -> float:
        """The most what is known of the company can add to the score (bounds the ranking loop)."""
        bonus = self.local_bonus if facets.municipality is not None else 0.0
        if facets.stage and self.stages:
            bonus += STAGE_FIT
        if facets.size and self.sizes:
            bonus += SIZE_FIT
        if facets.sector and self.sectors:
            bonus += SECTOR_FIT
        met = sum(known[fact] is not None for fact, _ in self.rules.only)
        if self.rules.max_age is not None and age is not None:
            met += 1
        if self.rules.min_age is not None and age is not None:
            met += 1
        if self.rules.employee_age is not None and facets.employee_age is not None:
            met += 1
        if self.rules.applicant_age is not None and facets.applicant_age is not None:
            met += 1
        return bonus + RULE_FIT * met


def profile_of(service: Service, provider: Provider) -> Profile:
    """The ranking profile of a service."""
    area = service.municipalities or provider.municipalities
    local = None if ALL_AREA in area else frozenset(area)
    share = 1.0 if local is None else len(local & MUNICIPALITY_CODES) / len(MUNICIPALITY_CODES)
    rules = rules_of(service)
    local_bonus = LOCAL_BONUS * (2 - share) if local is not None else 0.0
    any_bonus = local_bonus + RULE_FIT * rules.count
    any_bonus += (STAGE_FIT if service.stages else 0.0) + (SIZE_FIT if service.sizes else 0.0)
    any_bonus += SECTOR_FIT if service.sectors else 0.0
    return Profile(
        service.id,
        tuple(service.needs),
        frozenset(service.needs),
        local,
        share,
        frozenset(service.stages),
        frozenset(service.sizes),
        frozenset(service.sectors),
        rules,
        local_bonus,
        any_bonus,
        max((SIZE_ORDER[size] for size in service.sizes), default=len(SIZE_ORDER)),
        rules.for_hiring,
        service.named_only,
        frozenset(fold(word) for word in service.not_for_subjects),
    )


# Words that name a need only as support for it ("energiatukea"): no subject of their own.
# words for the support itself, which name no subject of it ("kiertotalous rahoitus" is funding for the subject)
_SUPPORT_WORDS = frozenset(
    {"energiatuki", "energia-avustus", "energia", "energy", "tuki", "avustus", "aid", "grant", "energiainvestointi"}
    | {"rahoitus", "funding", "financing", "subsidy"}
    # why the need arose, not what is done about it: "sähkölasku kolminkertaistui, aurinkopaneelit?" asks only of solar
    | {"sahkolasku", "energialasku", "sahkokulu", "energiakulu", "energiakustannus", "sahkonkulutus"}
)
# ... and the topic as a heading, no project of its own ("energiatehokkuus, aurinkopaneelit katolle" asks of solar
# only; "energiatehokkuusinvestointi" or a heat pump would be one), unless joined to the subject as a second one
# ("aurinkopaneelit ja energiatehokkuus")
_HEADING_WORDS = frozenset({"energiatehokkuus", "energiatehokas", "efficiency", "energy-efficiency"})
_HEADING_JOINED = re.compile(
    r"\b(?:ja|seka|and)\s+(?:energiatehok|efficien|energy[ -]efficien)|(?:energiatehok|efficien)\w*\s+(?:ja|seka|and)\b"
)


def heading_joined(folded_question: str) -> bool:
    """The question joins the heading word to another topic by "ja" or "and" ("aurinkopaneelit ja
    energiatehokkuus"): then it is a subject of its own."""
    return _HEADING_JOINED.search(folded_question) is not None


def names_only_subjects(
    understood: Understanding, subjects: frozenset[str], need: str, heading_is_subject: bool = False
) -> bool:
    """The question names one of the subjects, and no other subject of the service's main `need`
    ("aurinkovoimala ja energiatehokkuusinvestointi" asks about efficiency too)."""
    named = False
    for word in understood.words:
        analysis = word.analysis
        terms = analysis.lemmas | analysis.parts
        guessed = not analysis.known and any(guessed_form(fold(analysis.word), subject) for subject in subjects)
        if terms & subjects or guessed:
            named = True
        elif (
            need in word.needs
            and not _is_support(analysis)
            and not is_nationality(fold(analysis.word))
            and (heading_is_subject or not analysis.lemmas & _HEADING_WORDS)
        ):
            return False
    return named


def _is_support(analysis: WordAnalysis) -> bool:
    if analysis.lemmas & _SUPPORT_WORDS:
        return True
    word = fold(analysis.word)  # a guess by its letters: "energiatukea"
    return not analysis.known and any(guessed_form(word, support) == "whole" for support in _SUPPORT_WORDS)


@dataclass(frozen=True)
class Ranked:
    """A service that made the answer: its score and the eligibility rules left open."""

    position: int
    score: float
    conditions: tuple[Condition, ...]


def _open_cost(condition: Condition, size: str | None = None) -> float:
    """What a rule the question left open costs a service's score."""
    if condition.fact == "max_company_age_years" and size in GROWN_SIZES:
        return OPEN_SECTOR_RULE_COST  # a company of ten or more is seldom a start-up, unless it says so
    if condition.excluded:
        return OPEN_EXCLUSION_COST
    if condition.fact in ("workload", "farm_production", "transfer_side", "company_form", "min_company_age_years"):
        # a founder is full-time, a farm farms, unless said otherwise; a change of owner has two sides; the legal
        # form is seldom said unless it rules a service out, nor a company's age unless it is new: the card shows
        # the rule, the rank stays
        return 0.0
    # advisers say where a hire comes from when it matters ("Ukrainasta", "EU:n ulkopuolelta"), as they name the sector
    return OPEN_SECTOR_RULE_COST if condition.fact in ("sectors", "employee_origin") else OPEN_RULE_COST


class Ranker:
    """Scores and filters the services of one knowledge base."""

    def __init__(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        self._need_sets = [profile.need_set for profile in profiles]
        self._by_need: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for position, profile in enumerate(profiles):
            for index, need in enumerate(profile.needs):
                self._by_need[need].append((position, NEED_PRIMARY if index == 0 else NEED_SECONDARY))

    def relevance(
        self,
        understood: Understanding,
        per_word: list[dict[int, float]],
        in_phrase: Sequence[set[int]] = (),
        exact: Sequence[set[int]] = (),
        named: Iterable[int] = (),
    ) -> dict[int, float]:
        """Each service's score before the company's facts: needs met, then text.

        A word that named a need counts fully only in services that meet that need; elsewhere it most
        likely means something else ("open" a café is not "open UAS") and keeps OFF_SENSE_FACTOR. Any
        other word counts fully in services that meet one of the question's needs, and keeps
        OFF_NEED_FACTOR elsewhere. A word that completed one of a service's phrases ("wage subsidy")
        counts fully there: the phrase says which sense it has. A need word that is also a rare keyword
        of a service as written ("työterveyshuolto") names that service: there it is not capped. The
        services of a provider or programme the question names (`named`: "Business Finlandin rahoitus")
        come before others that only meet the need.
        """
        # General advice fits any subject: asking for it ("neuvontaa tietoturvaan") leaves the subject
        # words their full weight in the services made for the subject. (When it was only inferred from a
        # business-only subject, "alarajahuojennus", the business advisers are the answer: it gates.)
        needs = frozenset(understood.needs)
        if any(TOPIC_NEED in source for source in understood.need_sources):
            needs -= {TOPIC_NEED}
        need_sets = self._need_sets
        relevance: dict[int, float] = defaultdict(float)
        phrases = list(in_phrase) or [set() for _ in per_word]
        exacts = list(exact) or [set() for _ in per_word]
        for word, best, confirmed, exactly in zip(understood.words, per_word, phrases, exacts, strict=True):
            wanted = word.needs or needs
            elsewhere = OFF_SENSE_FACTOR if word.needs else OFF_NEED_FACTOR
            cap = NEED_WORD_CAP if word.needs else math.inf
            fits: dict[frozenset[str], bool] = {}  # by a service's needs: few distinct sets, many services
            for position, value in best.items():
                own = need_sets[position]
                fit = fits.get(own)
                if fit is None:
                    fit = fits[own] = not wanted or not wanted.isdisjoint(own)
                value = value if value < cap or position in exactly else cap
                relevance[position] += value if fit or position in confirmed else value * elsewhere
        for need, strength in understood.needs.items():
            for position, weight in self._by_need.get(need, ()):
                relevance[position] += strength * weight
        for position in named:
            if position in relevance:
                relevance[position] += NAMED_BONUS
        return relevance

    def covering(
        self,
        ranked: list[Ranked],
        relevance: dict[int, float],
        understood: Understanding,
        shown: int = SHOWN_FIRST,
        named: Collection[int] = (),
    ) -> list[Ranked]:
        """`ranked` with the first `shown` covering each thing asked: when a question asks for two things
        ("hitsaajia ei löydy ja investointi mietityttää") and the first answers all meet one, the best
        service for the other takes the last of those places (the one it displaces moves down)."""
        sources = list(dict.fromkeys(understood.need_sources))
        if len(sources) != 2 or len(ranked) < shown:  # with more, which of them the adviser means is unclear
            return ranked
        head = ranked[:shown]
        profiles = self.profiles
        missing = [
            source for source in sources if all(profiles[item.position].need_set.isdisjoint(source) for item in head)
        ]
        best: Ranked | None = None
        for source in missing:
            subset = {
                position: value
                for position, value in relevance.items()
                if not profiles[position].need_set.isdisjoint(source)
            }
            found = self.rank(subset, understood, 1, named) if subset else []
            if found and (best is None or found[0].score > best.score):
                best = found[0]
        if best is None or best.score < COVER_MIN_SHARE * head[-1].score:
            return ranked  # nothing good enough for the other thing: a poor answer to it helps no one
        rest = [item for item in ranked if item.position != best.position]
        return [*rest[: shown - 1], best, *rest[shown - 1 :]][: len(ranked)]

    def _facet_adjustment(self, profile: Profile, facets: Facets) -> float:
        adjustment = 0.0
        if profile.area is not None:
            # The more local a service, the better it fits a company of its place (the municipality's
            # own adviser before the region's), and the less likely one of unknown place: one
            # municipality's adviser is its own for one company in twelve, so it yields to the region's.
            share = profile.area_share
            # (a municipality's own service, of one or two, all the more so)
            cost = ONE_PLACE_COST if share * len(MUNICIPALITY_CODES) <= ONE_PLACE_AREA else UNKNOWN_PLACE_COST
            adjustment += LOCAL_BONUS * ((2 - share) if facets.municipality is not None else -cost * (1 - share))
        for value, allowed, weight in (
            (facets.stage, profile.stages, STAGE_FIT),
            (facets.size, profile.sizes, SIZE_FIT),
        ):
            if value and allowed:
                adjustment += weight if value in allowed else -weight
        if profile.sectors:
            adjustment += SECTOR_FIT if facets.sector in profile.sectors else -SECTOR_FIT / 2
        return adjustment

    @staticmethod
    def _offered(
        profile: Profile, codes: frozenset[str] | None, read: Facets, hiring: bool, asked_other: bool = False
    ) -> bool:
        """False for a service not offered where the company is, made for other sectors, only for
        smaller companies than this one (a large company gets no SME aid, a medium one no micro aid),
        for employers when this is a company of one that is not hiring, only for someone hired when the
        question asks for something else (`asked_other`), or only for ideas and start-ups when this
        company has run for years."""
        if codes is not None and profile.area is not None and profile.area.isdisjoint(codes):
            return False
        size = read.size
        if size is not None and profile.sizes and SIZE_ORDER[size] > profile.largest_size:
            return False
        if size == "micro" and profile.sizes and "micro" not in profile.sizes and "solo" not in profile.sizes:
            return False  # made for companies of ten or more (export credits): a micro company is too small
        if size == "solo" and profile.sizes and "solo" not in profile.sizes and not hiring:
            return False
        if asked_other and not hiring and profile.for_hiring:
            return False  # only for someone hired (a work permit, a youth voucher), and nobody is
        old = read.company_age is not None and read.company_age >= ESTABLISHED_AFTER_YEARS
        if old and read.stage is None and profile.stages and profile.stages <= STARTUP_STAGES:
            return False
        return not (read.sector and profile.sectors and read.sector not in profile.sectors)

    def rank(
        self, relevance: dict[int, float], understood: Understanding, top: int, named: Collection[int] = ()
    ) -> list[Ranked]:
        """The `top` services, best first (ties by service id), without those the company cannot use."""
        read = understood.facets
        sources = set(understood.need_sources)
        known, age = possible_values(read), company_age(read)
        if not understood.farm_said and known["sectors"] is None:  # a farm is always named: no farm-only service
            known["sectors"] = frozenset(term.id for term in SECTORS) - {FARM_SECTOR}
        codes = read.municipality.area_codes() if read.municipality else None
        hiring = not HIRING_NEEDS.isdisjoint(understood.needs)
        asked_other = bool(understood.needs)  # needs named, none about hiring (then `hiring` is False)
        profiles = self.profiles
        denied = understood.denied_needs
        # A service that meets more of what was asked ranks higher; few distinct need sets, many services.
        multi_by_needs: dict[frozenset[str], float] = {}

        def multi(profile: Profile) -> float:
            bonus = multi_by_needs.get(profile.need_set)
            if bonus is None:
                met = sum(not profile.need_set.isdisjoint(source) for source in sources) if len(sources) > 1 else 0
                bonus = multi_by_needs[profile.need_set] = MULTI_NEED_BONUS * max(0, met - 1)
            return bonus

        # Best possible score first, so that the loop can stop once nothing below can reach the answer.
        # The bound here is cheap (what any facts could add); the tighter one, by what is known of this
        # company, is taken only for the services the loop reaches.
        any_multi = MULTI_NEED_BONUS * max(0, len(sources) - 1)
        candidates = [
            (-(value + profiles[position].any_bonus + any_multi), position, value)
            for position, value in relevance.items()
            if value >= MIN_SCORE
            and self._offered(profiles[position], codes, read, hiring, asked_other)
            and (not profiles[position].named_only or position in named)
            # made for what the question says it does not want ("rekrytointia ei tarvita", "not a loan")
            and (position in named or not profiles[position].needs or profiles[position].needs[0] not in denied)
        ]
        heapq.heapify(candidates)  # cheaper than sorting: the loop below stops after a few
        scored: list[tuple[float, str, int, tuple[Condition, ...]]] = []
        best_scores: list[float] = []  # a min-heap of the `top` best scores so far
        while candidates:
            negative_upper, position, value = heapq.heappop(candidates)
            if len(best_scores) >= top and -negative_upper < best_scores[0]:
                break
            profile = profiles[position]
            if (
                len(best_scores) >= top
                and value + profile.max_bonus(read, known, age) + multi(profile) < best_scores[0]
            ):
                continue  # cannot reach the answer with what is known of the company
            judgement = judge(profile.rules, known, age, read.employee_age, read.applicant_age)
            if judgement is None:
                continue  # the company is known not to qualify
            score = value + self._facet_adjustment(profile, read)
            score += RULE_FIT * judgement.met - sum(_open_cost(condition, read.size) for condition in judgement.open)
            score += multi(profile)
            if score <= 0:
                continue
            scored.append((score, profile.service_id, position, judgement.open))
            heapq.heappush(best_scores, score)
            if len(best_scores) > top:
                heapq.heappop(best_scores)
        best = heapq.nsmallest(top, scored, key=lambda item: (-item[0], item[1]))
        needs = frozenset(understood.needs)
        return [
            Ranked(position, score, conditions)
            for score, _, position, conditions in best
            if score >= best[0][0] * RELATIVE_CUTOFF
            or not needs.isdisjoint(self.profiles[position].need_set)
            or position in named  # named, or the municipality's own when what it offers is asked
        ]
