"""The service finder: which services fit the company an adviser describes, best first, with why.

Relevance is decided from what was understood, not from a score: a question is answered when it
names a need, names a provider (or a brand keyword), uses a rare keyword of a few services as it is
written ("anniskelulupa", "kemera"), or describes a company and hits a keyword;
anything else gets no services. Among the services, the stated need dominates: a service that
meets none of the question's needs keeps only part of its text score, and words that say who the
company is (sector, stage, place) filter and re-rank rather than decide. Eligibility rules
(`only_for` / `not_for`) and the service area filter like the municipality always has.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise

from knowledge.facets import Facets, is_municipality
from knowledge.index import Index, match_text
from knowledge.lexicon import LEXICON_FILE, Lexicon
from knowledge.loader import KnowledgeBase, KnowledgeBaseError
from knowledge.match import WHOLE_REGION, Match, SearchResult
from knowledge.models import Provider, Service
from knowledge.problems import Problem
from knowledge.question import TOPIC_NEED, QuestionReader, Understanding
from knowledge.ranking import NAMED_BONUS, SHOWN_FIRST, Ranked, Ranker, heading_joined, names_only_subjects, profile_of
from knowledge.text import Analyzer, PlainAnalyzer, WordAnalysis, analyse_text, create_analyzer, fold, tokens
from knowledge.vocab import ALL_AREA, MUNICIPALITY_BY_CODE, MUNICIPALITY_CODES, NEEDS, term_by_id

__all__ = ["Finder", "Match", "SearchResult"]

# How much a word found in each field counts (before its rarity weight).
FIELD_WEIGHTS = {"name": 3.0, "keywords": 3.0, "provider": 3.5, "needs": 1.5, "summary": 1.0, "eligibility": 0.5}


MUNICIPALITY_NOUNS = frozenset({"kaupunki", "kunta"})


def _is_name(keyword: str) -> bool:
    """A keyword written like a name (ProAgria, Xamk, Neuvo; Team Finland, Work in Finland), not an
    abbreviation or a word: each word capitalised, but for short linking words inside."""
    words = keyword.split()
    if not words or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return False
    if len(words) == 1:
        return len(tokens(keyword)) == 1
    return all(_capitalised(word) or (len(word) <= SHORT_LINK and word.islower()) for word in words)


SHORT_LINK = 3  # "in", "for", "of" inside a name
# "BF ei käy / sovi / kelpaa / onnistu", "muuta kuin Finnveraa", "other than BF": a provider ruled out
REFUSING_VERBS = ("kay", "sovi", "sovellu", "kelpaa", "onnistu", "tule")
REFUSED_STEMS = ("evatty", "evattiin", "evattu", "hylatty", "hylattiin", "kielteinen")  # "starttiraha evätty"
SAYING_STEMS = ("sano", "said", "say")  # "sanoneet ei", "said no"
# "Finnvera declined", and a provider's decision that came back negative ("ELY:n päätös tuli kielteisenä")
DECLINED_STEMS = ("kieltaytyi", "kieltaytyneet", "declined", "refused", "turned", "kieltei", "hylkaav", "rejected")
SAID_NO_REACH = 4  # "finnvera on jo sanonut ei"
NOT_BEEN_WORDS = frozenset({"ollut", "ollu", "ole", "oo"})  # "ei ollut yrittäjäkassassa"
OTHER_WORDS = frozenset({"muu", "muuta", "muut", "muita", "muuhun", "other", "else"})
THAN_WORDS = frozenset({"kuin", "than"})
NAME_ENDING_LETTERS = 3  # "starttirahaa": a case ending after a service's name word
NAME_START_LETTERS = 4  # names are looked up by this many first letters (each is at least SERVICE_NAME_WORD_LETTERS)
ONE_PLACE_AREA = 2  # municipalities a municipality's own service may serve
SERVICE_NAME_WORD_LETTERS = 6  # a service name's word this long names it ("Starttiraha"); shorter ones are common


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(char.islower() for char in word)


def _is_municipality_itself(name: list[WordAnalysis]) -> bool:
    """A provider named as the municipality ("Mikkelin kaupunki", "Juvan kunta"): residents name it too."""
    return len(name) == 2 and is_municipality(name[0]) and bool(name[1].lemmas & MUNICIPALITY_NOUNS)


class Finder:
    """Ranks the knowledge base's services for a free-text question."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer | None = None) -> None:
        if kb.lexicon is None:  # the lexicon file has errors: nothing to read questions with
            raise KnowledgeBaseError(kb.errors or [Problem(LEXICON_FILE, "", "no lexicon was loaded")])
        self.kb = kb
        self.lexicon: Lexicon = kb.lexicon
        self.analyzer = analyzer or create_analyzer()
        self.reader = QuestionReader(self.lexicon, self.analyzer)
        index_analyzer = create_analyzer(suggest=False) if self.analyzer.name == "voikko" else self.analyzer
        self._english = PlainAnalyzer()
        self._services = list(kb.services)
        self._index = Index(self.reader.stopwords)
        for position, service in enumerate(self._services):
            self._index_service(position, service, index_analyzer)
        self._index.freeze(len(self._services))
        # the words services are called by ("Starttiraha", "Oppisopimus"): a definition of one is a question for it
        self._services_called: dict[str, set[int]] = {}
        for position, service in enumerate(self._services):
            for analysis in self._analyse(service.name_fi, index_analyzer):
                for lemma in analysis.lemmas:
                    if len(lemma) >= SERVICE_NAME_WORD_LETTERS and lemma not in self.reader.stopwords:
                        self._services_called.setdefault(lemma, set()).add(position)
        self._service_name_words = frozenset(self._services_called)
        # ... and the services that take such a word as a keyword of their own (the statement for a starttiraha
        # application): a refusal of the one makes the other moot too
        for position, service in enumerate(self._services):
            for keyword in service.keywords_fi:
                analyses = self._analyse(keyword, index_analyzer)
                for lemma in analyses[0].lemmas if len(analyses) == 1 else ():
                    if lemma in self._service_name_words:
                        self._services_called[lemma].add(position)
        # the names by their first letters, for a guessed word (a scan of all of them is slow at 10,000 services)
        self._called_by_start: dict[str, list[tuple[str, set[int]]]] = defaultdict(list)
        for name, services in self._services_called.items():
            self._called_by_start[name[:NAME_START_LETTERS]].append((name, services))
        self._ranker = Ranker([profile_of(service, kb.provider_of(service)) for service in self._services])
        self._with_subjects = [p for p, profile in enumerate(self._ranker.profiles) if profile.not_for_subjects]
        # each municipality's own (municipal) services, for a question about what the municipality offers
        self._municipal_by_code: dict[str, list[int]] = {}
        self._own_by_code: dict[str, list[int]] = {}
        self._contacts: set[int] = set()
        # the services of one municipality (or one with the merged neighbour it serves: Mäntyharju and Pertunmaa)
        self._one_place = {
            position
            for position, service in enumerate(self._services)
            if len(set(service.municipalities or kb.provider_of(service).municipalities) & MUNICIPALITY_CODES)
            in range(1, ONE_PLACE_AREA + 1)
        }
        # the same service offered by each area's own provider ("Starttiraha" of the three employment areas)
        by_name: dict[str, list[int]] = {}
        for position, service in enumerate(self._services):
            by_name.setdefault(service.name_fi, []).append(position)
        self._variant_of = {
            position: name for name, positions in by_name.items() if len(positions) > 1 for position in positions
        }
        for position, service in enumerate(self._services):
            provider = kb.provider_of(service)
            if provider.kind == "municipal":
                area = service.municipalities or provider.municipalities
                for code in area:
                    self._municipal_by_code.setdefault(code, []).append(position)
                if len(area) == 1:  # the municipality's own, not a joint employment area's
                    self._own_by_code.setdefault(area[0], []).append(position)
                    if service.needs[:1] == [TOPIC_NEED]:  # its business contact, for what no own service meets
                        self._contacts.add(position)

    def _index_service(self, position: int, service: Service, analyzer: Analyzer) -> None:
        provider = self.kb.provider_of(service)
        for language, field_analyzer in (("fi", analyzer), ("en", self._english)):
            english = language == "en"
            index = self._index
            weights = FIELD_WEIGHTS
            index.add(
                position,
                self._analyse(service.name_en if english else service.name_fi, field_analyzer),
                weights["name"],
            )
            for keyword in service.keywords_en if english else service.keywords_fi:
                analyses = self._analyse(keyword, field_analyzer)
                if _is_name(keyword):
                    index.add_name(position, analyses, weights["keywords"])
                else:
                    index.add_keyword(position, analyses, weights["keywords"])
            for need in service.needs:
                label = term_by_id(NEEDS, need).label(language)
                index.add(position, self._analyse(label, field_analyzer), weights["needs"])
            index.add(
                position,
                self._analyse(service.summary_en if english else service.summary_fi, field_analyzer),
                weights["summary"],
            )
            if not english:
                name = self._analyse(provider.name, field_analyzer)
                index.add_name(
                    position, name, weights["provider"], is_name=not _is_municipality_itself(name), owner=True
                )
                index.add(position, self._analyse(service.eligibility_fi, field_analyzer), weights["eligibility"])

    def _analyse(self, text: str, analyzer: Analyzer) -> list[WordAnalysis]:
        return analyse_text(text, analyzer, self.lexicon.aliases)

    # ---- the question ---------------------------------------------------------------------

    def read_facets(self, text: str, today: date | None = None) -> Facets:
        """What `text` says about the company, read as a question would be."""
        return self.reader.read(text, self._today(today)).facets

    def facet_words(self, given: Facets, read: Facets) -> str:
        """Words that say the `given` facts the text did not: a form's choice then ranks as if typed.

        The first word of each list in the lexicon's [stages], [sizes] and [sectors] tables is the one used.
        """
        words = []
        if given.municipality is not None and given.municipality != read.municipality:
            words.append(given.municipality.fi if given.municipality.code in MUNICIPALITY_CODES else "")
        for value, known, table in (
            (given.stage, read.stage, self.lexicon.stages),
            (given.size, read.size, self.lexicon.sizes),
            (given.sector, read.sector, self.lexicon.sectors),
        ):
            if value and value != known and table.get(value):
                words.append(table[value][0])
        return " ".join(word for word in words if word)

    def _today(self, today: date | None) -> date | None:
        return today if today is not None else self.kb.today

    def understand(self, question: str, facets: Facets | None = None, today: date | None = None) -> Understanding:
        """What is understood of `question`, with the `facets` a form gave ranking as if they were typed."""
        today = self._today(today)
        if facets is not None:
            extra = self.facet_words(facets, self.reader.read(question, today).facets)
            question = f"{question} {extra}" if extra else question
        return self.reader.read(question, today, facets)

    # ---- ranking --------------------------------------------------------------------------

    def _ruled_out(self, question: str) -> set[int]:
        """The services of a provider the question rules out: "BF ei käy", "Finnvera ei sovi", "muuta kuin
        Business Finlandin rahoitusta", "not Finnvera"; and a service said to be refused already ("starttiraha
        evätty", "starttirahaa ei myönnetty", "start-up grant was rejected")."""
        analyses = self._analyse(question, self.analyzer)
        found: set[int] = set()
        for index, analysis in enumerate(analyses):
            # the words as typed, so that both analysers read them alike
            after = [fold(a.word) for a in analyses[index + 1 : index + 3]]
            before = [fold(a.word) for a in analyses[max(0, index - 2) : index]]
            called = set().union(*(self._services_called.get(lemma, set()) for lemma in analysis.lemmas))
            if not called and not analysis.known:  # a guess, by its letters: "starttirahaa" is starttiraha
                word = fold(analysis.word)
                called = set().union(
                    *(
                        services
                        for name, services in self._called_by_start.get(word[:NAME_START_LETTERS], ())
                        if word.startswith(name) and len(word) - len(name) <= NAME_ENDING_LETTERS
                    )
                )
            if called and (
                (after and after[0].startswith(REFUSED_STEMS))
                or after[:2] == ["ei", "myonnetty"]
                or (len(after) == 2 and after[0] in ("was", "got") and after[1].startswith(("reject", "denied")))
            ):
                found |= called  # the service was applied for and refused: something else is asked
            names = self._index.names_of(analysis)
            if not names:
                continue
            refused = len(after) == 2 and after[0] in ("ei", "eika") and after[1].startswith(REFUSING_VERBS)
            # "pankki ja finnvera jo sanoneet ei", "Finnvera said no", "Finnvera declined": it refused already
            later = [fold(a.word) for a in analyses[index + 1 : index + 1 + SAID_NO_REACH]]
            refused = refused or any(
                word.startswith(SAYING_STEMS) and following in ("ei", "no") for word, following in pairwise(later)
            )
            refused = refused or any(word.startswith(DECLINED_STEMS) for word in later)
            other_than = len(before) == 2 and before[0] in OTHER_WORDS and before[1] in THAN_WORDS
            # "ei ollut yrittäjäkassassa": never a member, so none of its benefits
            not_member = len(before) == 2 and before[0] in ("ei", "eika") and before[1] in NOT_BEEN_WORDS
            if refused or other_than or not_member or (before and before[-1] in ("not", "except")):
                for name in names:
                    found |= self._index.owners.get(name, set())
        return found

    def _names_a_service(self, understood: Understanding) -> bool:
        """A question word is what a service is called ("mitä tarkoittaa starttiraha")."""
        return any(word.analysis.lemmas & self._service_name_words for word in understood.words if word.scored)

    def _municipal_services(self, understood: Understanding) -> set[int]:
        """What the company's own municipality offers, when the question asks for the municipality's; its business
        contact, when the question asks for general advice."""
        municipality = understood.facets.municipality
        if municipality is None:
            return set()
        if understood.municipal:
            return set(self._municipal_by_code.get(municipality.code, ()))
        if set(understood.needs) == {TOPIC_NEED}:
            # general advice for a company of a known municipality: its own business contact is a first stop
            return set(self._own_by_code.get(municipality.code, ())) & self._contacts
        return set()

    def _area_note(self, service: Service, provider: Provider, facets: Facets) -> str:
        area = service.municipalities or provider.municipalities
        if ALL_AREA in area:
            return ALL_AREA
        if facets.municipality is not None:
            return facets.municipality.fi
        if set(area) >= MUNICIPALITY_CODES:
            return WHOLE_REGION
        return ", ".join(MUNICIPALITY_BY_CODE[code].fi for code in area if code in MUNICIPALITY_BY_CODE)

    def search(
        self, question: str, top: int = 5, facets: Facets | None = None, today: date | None = None
    ) -> SearchResult:
        """The services that fit `question`, best first.

        `facets` (from a form) take the place of what the text says and rank as if typed; `today` is
        the reference date for company ages ("perustettu 2012"), by default the date the knowledge
        base was checked on.
        """
        understood = self.understand(question, facets, today)
        read, needs = understood.facets, understood.needs
        if understood.private or understood.errand:
            return SearchResult([], read, needs)  # a private person's own matter, or an errand for the bot
        words = [(word.analysis, word.factor, word.scored) for word in understood.words]
        text = match_text(self._index, words)
        if not (needs or text.named or text.specific or (understood.business and text.strong)):
            return SearchResult([], read, needs)  # nothing understood that a service could meet
        if understood.private_subject and not text.named:
            return SearchResult([], read, needs)  # a private person's subject, however business-like
        if understood.defines and not (text.named or any(text.in_phrase) or self._names_a_service(understood)):
            return SearchResult([], read, needs)  # a word explained ("mitä tarkoittaa käyttöpääoma"), no service
        ranker = self._ranker
        # a provider the question rules out ("BF ei käy"), or a service it says was refused ("starttiraha evätty")
        ruled_out = self._ruled_out(question)
        text.named_services -= ruled_out
        matches = []
        municipal = self._municipal_services(understood)
        named = text.named_services | municipal
        relevance = ranker.relevance(understood, text.per_word, text.in_phrase, text.exact, named)
        for position in ruled_out:
            relevance.pop(position, None)
        for position in municipal:  # what the municipality offers was asked: its own services are candidates
            relevance.setdefault(position, NAMED_BONUS)
        joined = heading_joined(fold(question))
        for position in self._with_subjects:  # "energiatukea aurinkopaneeleihin": what the service does not fund
            # by its own terms, even when it is named ("BF:n energiatuki aurinkovoimalaan?")
            profile = ranker.profiles[position]
            if position in relevance and names_only_subjects(
                understood, profile.not_for_subjects, profile.needs[0], joined
            ):
                del relevance[position]
        # the services the question names by name or keyword: those shown only when named may come in
        asked = named.union(*text.exact, *text.in_phrase)
        # of unknown place, a few more, to fill the places that municipalities' own services give up
        spare = SHOWN_FIRST if read.municipality is None else 0
        ranked_all = ranker.rank(relevance, understood, top + len(municipal) + spare, asked)
        code = read.municipality.code if municipal and read.municipality else ""
        own = set(self._own_by_code.get(code, ()))
        ranked_all = _with_own_municipality_shown(ranked_all, own, own & self._contacts)
        if read.municipality is None:  # of unknown place: one municipality's service is its own for few companies
            ranked_all = _one_place_shown_first(ranked_all, self._one_place, self._variant_of)
        ranked_all = ranked_all[:top]
        for ranked in ranker.covering(ranked_all, relevance, understood, named=asked):
            service = self._services[ranked.position]
            provider = self.kb.provider_of(service)
            meets = tuple(need for need in service.needs if need in needs)
            area = self._area_note(service, provider, read)
            matches.append(Match(service, provider, ranked.score, meets, area, ranked.conditions))
        return SearchResult(matches, read, needs)


def _one_place_shown_first(ranked: list[Ranked], one_place: set[int], variant_of: dict[int, str]) -> list[Ranked]:
    """For a company of unknown place, at most one municipality's own service among the places shown first, and
    one area's variant of a service each area offers: the others wait after them ("mistä neuvoa osuuskunnan
    perustamiseen" asks no three towns' advisers, "esihenkilökoulutusta" no three employment areas' one course)."""
    shown: list[Ranked] = []
    later: list[Ranked] = []
    for item in ranked:
        variant = variant_of.get(item.position)
        another_place = item.position in one_place and any(other.position in one_place for other in shown)
        another_area = variant is not None and any(variant_of.get(other.position) == variant for other in shown)
        if another_place or another_area:
            later.append(item)
        elif len(shown) < SHOWN_FIRST:
            shown.append(item)
        else:
            later.append(item)
    rest = [item for item in ranked if item not in shown and item not in later]
    return [*shown, *sorted(later + rest, key=ranked.index)]


def _with_own_municipality_shown(ranked: list[Ranked], own_services: set[int], contacts: set[int]) -> list[Ranked]:
    """Asked what the municipality itself offers ("onko kunnalla kesäseteliä"), its best own service (`own`:
    of a provider serving that municipality alone) takes the last of the places shown first when none is there;
    of equal ones, its business contact (`contacts`)."""
    if not own_services or any(item.position in own_services for item in ranked[:SHOWN_FIRST]):
        return ranked
    candidates = [item for item in ranked[SHOWN_FIRST:] if item.position in own_services]
    if not candidates:
        return ranked
    own = max(candidates, key=lambda item: (round(item.score, 6), item.position in contacts))
    rest = [item for item in ranked if item is not own]
    return [*rest[: SHOWN_FIRST - 1], own, *rest[SHOWN_FIRST - 1 :]]
