"""Facts about the company read from the question: municipality, size, stage, sector, employee origin, age."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from knowledge.company_facts import NUMBER_WORDS, WrittenFacts, read_written_facts
from knowledge.lexicon import Lexicon, Triggers
from knowledge.text import Stems, WordAnalysis, fold, is_among
from knowledge.vocab import MUNICIPALITIES, NEIGHBOUR_REGIONS, OTHER_MUNICIPALITY, VILLAGES, Municipality

_MUNICIPALITY_FORMS = {fold(form): m for m in MUNICIPALITIES for form in (*m.forms, m.fi.lower())}
# The name and the inhabitant adjective: Voikko reads "kangasniemeläisessä" as "kangasniemeläinen".
_MUNICIPALITY_LEMMAS = {
    **{fold(form): m for m in MUNICIPALITIES for form in m.forms if fold(form).endswith("lainen")},
    **{fold(m.fi): m for m in MUNICIPALITIES},
}
_BY_CODE = {m.code: m for m in MUNICIPALITIES}
_VILLAGE_STEMS = tuple((stem, _BY_CODE[code]) for stem, _, code in VILLAGES)
VILLAGE_ENDING_LETTERS = 6  # "-ella", "-lta" after the stem; the inhabitant word's cases twice as many
VILLAGE_ADJECTIVE_AT = 5  # "-elai-" begins the inhabitant word ("haukivuorelainen")
MISTYPED_MIN_LENGTH = 7
ADJECTIVE_ENDING_LETTERS = 7  # "-lai" + "sessa", "-sille", "stensa"
_HEADCOUNT = re.compile(r"\b(\d{1,5})\s*\+?\s*(?:-\s*)?([a-zåäö]+)")  # "250+ hlö": at least 250
# ... or in words ("five staff", "kolme työntekijää")
_HEADCOUNT_IN_WORDS = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s+([a-zåäö]+)")


@dataclass(frozen=True)
class Facets:
    """What the question says about the company (None where it says nothing)."""

    municipality: Municipality | None = None
    size: str | None = None
    stage: str | None = None
    sector: str | None = None
    employee_origin: str | None = None  # of the employee being hired: eu_eea | outside_eu_eea | in_finland
    workload: str | None = None  # the entrepreneur's: full_time | part_time ("sivutoiminen")
    job: str | None = None  # the hire's: summer ("kesätöihin"), employed ("ei ole työtön"); only when hiring
    farm_production: str | None = None  # a farm's: livestock | crops ("lypsykarjatila", "viljatila")
    market: str | None = None  # where the company sells abroad: eu_eea | outside_eu_eea ("vientiä Japaniin")
    company_form: str | None = None  # limited | sole_trader | partnership | cooperative ("oy", "tmi")
    transfer_side: str | None = None  # seller | buyer | partner in a change of owner ("myy kampaamonsa")
    debts: str | None = None  # none, when the question says the company has no debts ("velkoja ei ole")
    investment: str | None = None  # replacement, when a new machine replaces an old one ("vanhan tilalle")
    project: str | None = None  # started, when what is funded is already begun or bought ("kone on jo ostettu")
    applicant: str | None = None  # group for an association or business group ("kyläyhdistys"), company for one company
    person: str | None = None  # employee, when the matter is an employee's own ("työntekijä sairastui")
    company_age: float | None = None  # years ("toiminut 1,5v": 1.5)
    employee_age: int | None = None  # of the person being hired ("palkkatuki 58-vuotiaalle")
    applicant_age: int | None = None  # of the farmer or successor who applies ("jatkaja on 43 v")
    not_sectors: frozenset[str] = frozenset()  # sectors the question denies ("joka ei ole maatila")
    not_sizes: frozenset[str] = frozenset()  # sizes the question rules out ("pk-yritys": not large)

    @property
    def says_nothing(self) -> bool:
        """True when no fact about the company was read."""
        facts = (
            self.municipality,
            self.size,
            self.stage,
            self.sector,
            self.employee_origin,
            self.company_age,
            self.workload,
            self.job,
            self.farm_production,
            self.market,
            self.company_form,
            self.transfer_side,
            self.debts,
            self.investment,
            self.project,
            self.applicant,
            self.person,
        )
        return all(fact is None for fact in facts) and not self.not_sectors and not self.not_sizes

    def merged(self, given: Facets | None) -> Facets:
        """These facets with every fact `given` states put in their place."""
        if given is None:
            return self
        return Facets(
            municipality=given.municipality or self.municipality,
            size=given.size or self.size,
            stage=given.stage or self.stage,
            sector=given.sector or self.sector,
            employee_origin=given.employee_origin or self.employee_origin,
            workload=given.workload or self.workload,
            job=given.job or self.job,
            farm_production=given.farm_production or self.farm_production,
            market=given.market or self.market,
            company_form=given.company_form or self.company_form,
            transfer_side=given.transfer_side or self.transfer_side,
            debts=given.debts or self.debts,
            investment=given.investment or self.investment,
            project=given.project or self.project,
            applicant=given.applicant or self.applicant,
            person=given.person or self.person,
            company_age=given.company_age if given.company_age is not None else self.company_age,
            employee_age=given.employee_age if given.employee_age is not None else self.employee_age,
            applicant_age=given.applicant_age if given.applicant_age is not None else self.applicant_age,
            not_sectors=frozenset() if given.sector else self.not_sectors,
            not_sizes=frozenset() if given.size else self.not_sizes,
        )


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


@lru_cache(maxsize=16384)  # asked of the same word by several readers of one question
def municipality_of(analysis: WordAnalysis) -> Municipality | None:
    """The municipality a word names (Mikkelissä, juvalainen, Pieksämäeltä, savonlinnasa), if any."""
    folded = fold(analysis.word)
    if folded in _MUNICIPALITY_FORMS:
        return _MUNICIPALITY_FORMS[folded]
    if analysis.known:
        for lemma in analysis.lemmas | analysis.parts:
            if lemma in _MUNICIPALITY_LEMMAS:
                return _MUNICIPALITY_LEMMAS[lemma]
        return next((found for lemma in analysis.lemmas if (found := _village(lemma)) is not None), None)
    return _inflected_adjective(folded) or _village(folded) or _mistyped_municipality(folded)


def _village(folded: str) -> Municipality | None:
    """The municipality of a former municipality or village a word names ("punkaharjulla", "haukivuorelainen")."""
    for stem, municipality in _VILLAGE_STEMS:
        rest = folded[len(stem) :]
        if folded.startswith(stem) and (
            len(rest) <= VILLAGE_ENDING_LETTERS
            or ("lai" in rest[:VILLAGE_ADJECTIVE_AT] and len(rest) <= 2 * VILLAGE_ENDING_LETTERS)
        ):
            return municipality
    return None


# Each municipality's "to" form ("Mikkeliin", "Juvalle"): the place something goes to
_DESTINATION_FORMS = frozenset(fold(municipality.forms[2]) for municipality in MUNICIPALITIES)


def is_destination(analyses: list[WordAnalysis], index: int) -> bool:
    """The word names a municipality as where to ("Mikkeliin", "Juvalle", "to Mikkeli")."""
    if fold(analyses[index].word) in _DESTINATION_FORMS:
        return True
    return index > 0 and fold(analyses[index - 1].word) == "to" and is_municipality(analyses[index])


# The inhabitant adjective's stem ("kangasniemelai-"): its cases end in a few letters more
_ADJECTIVE_STEMS = tuple((form[:-3], m) for form, m in _MUNICIPALITY_LEMMAS.items() if form.endswith("lainen"))


def _inflected_adjective(folded: str) -> Municipality | None:
    """A guessed word that is a case of the inhabitant adjective ("kangasniemelaisessa")."""
    for stem, municipality in _ADJECTIVE_STEMS:
        if folded.startswith(stem) and len(folded) - len(stem) <= ADJECTIVE_ENDING_LETTERS:
            return municipality
    return None


def _mistyped_municipality(folded: str) -> Municipality | None:
    """A long word one letter away from a municipality's form ("savonlinnasa", "mikkelisä")."""
    # Only for words the analyser did not know, and long ones: a short word one letter away from
    # "Juva" is as likely another word.
    if len(folded) < MISTYPED_MIN_LENGTH:
        return None
    found = {
        municipality
        for form, municipality in _MUNICIPALITY_FORMS.items()
        if abs(len(form) - len(folded)) <= 1 and Levenshtein.distance(form, folded, score_cutoff=1) <= 1
    }
    return found.pop() if len(found) == 1 else None


# The region and its parts: where the company is, at most; never what the question is about.
_REGION_STARTS = ("etela-savo", "ita-savo", "keski-savo", "south savo")


def is_municipality(analysis: WordAnalysis) -> bool:
    """True when the word names one of the municipalities."""
    return municipality_of(analysis) is not None


def is_place(analysis: WordAnalysis) -> bool:
    """True when the word names a municipality or the region (Etelä-Savossa, Itä-Savon)."""
    return is_municipality(analysis) or fold(analysis.word).startswith(_REGION_STARTS)


def _municipality(analyses: list[WordAnalysis]) -> Municipality | None:
    for analysis in analyses:
        found = municipality_of(analysis)
        if found is not None:
            return found
    return None


def _municipalities_named(analyses: list[WordAnalysis]) -> list[tuple[int, str]]:
    return [(index, found.code) for index, analysis in enumerate(analyses) if (found := municipality_of(analysis))]


def moved_from(analyses: list[WordAnalysis]) -> set[int]:
    """The municipality a company moves from when the one it moves to is named too ("asiakas muuttaa savonlinnasta
    enonkoskelle"): the company's place is where it goes."""
    named = _municipalities_named(analyses)
    moving = any(fold(analysis.word).startswith(MOVING_STEMS) for analysis in analyses)
    origins = {index for index, _ in named if fold(analyses[index].word).endswith(FROM_ENDINGS)}
    goals = {code for index, code in named if index not in origins and is_destination(analyses, index)}
    return origins if moving and goals and goals != {code for index, code in named if index in origins} else set()


MOVING_STEMS = ("muutta", "muutet", "muuttaa", "siirta", "siirty", "moving", "moves", "relocat")
FROM_ENDINGS = ("sta", "stä")  # the elative: where from


def family_places(analyses: list[WordAnalysis]) -> set[int]:
    """The municipalities said of the family's life ("poika aloitti lukion Mikkelissä") when another is named
    too ("meidän leipomo täällä Mäntyharjulla"): no company's place."""
    named = _municipalities_named(analyses)
    family = {index for index, _ in named if _said_of_family(analyses, index)}
    others = {code for index, code in named if index not in family}
    return family if others and others != {code for index, code in named if index in family} else set()


# a family's school, home or holiday, said in an e-mail before the company's own place
_FAMILY_STEMS = (
    "lukio", "koulu", "yliopisto", "opiskel", "poika", "tytar", "lapsi", "lapse", "vaimo", "mies", "puoliso",
    "mummo", "vanhemm", "mokill", "loma", "son", "daughter", "school", "wife", "husband", "kids", "holiday",
    "perhe", "family", "asuu", "asumme", "asutaan",  # "perhe asuu mikkelissä mutta yritys tulee kangasniemelle"
)  # fmt: skip
FAMILY_REACH = 4
BUT_WORDS = frozenset({"mutta", "mut", "but", "vaan"})


def _said_of_family(analyses: list[WordAnalysis], index: int) -> bool:
    before = analyses[max(0, index - FAMILY_REACH) : index]
    if any(analysis.clause_end for analysis in before):  # only the place's own clause
        before = before[max(i for i, analysis in enumerate(before) if analysis.clause_end) + 1 :]
    if any(fold(analysis.word) in BUT_WORDS for analysis in before):  # "… mikkelissä mutta yritys tulee juvalle"
        before = before[max(i for i, analysis in enumerate(before) if fold(analysis.word) in BUT_WORDS) + 1 :]
    return any(fold(analysis.word).startswith(_FAMILY_STEMS) for analysis in before)


# English: "a company based in Joensuu", "a founder living in Lahti"
_FROM_WORDS = (("based", "in"), ("located", "in"), ("from",), ("living", "in"), ("lives", "in"))
# "Kuopiossa toimiva", "Joensuussa sijaitseva", "Lappeenrannassa asuva" (a founder lives there)
_BASED_STEMS = ("toimi", "sijait", "asuv", "asuu", "based")  # and "a Tampere based company"
_FOUNDING_STEMS = ("perusta",)  # "perustaa kampaamon Lappeenrantaan": the new company will be there
FOUNDING_REACH = 3
_IS_FROM = frozenset({"on", "ovat", "olen", "olemme", "ollaan"})
# "we run a cafe in Lappeenranta", "our company in Tampere": the asker's own business is there
_OWN_BUSINESS = frozenset({"run", "runs", "running", "operate", "operates", "own", "owns", "our", "my"})
OWN_BUSINESS_REACH = 4
_ENGLISH_COMPANY = frozenset({"company", "firm", "business", "startup", "start-up", "enterprise", "sme"})
_OTHER_PARTY = frozenset({"to", "for", "with", "from", "by", "at", "buy", "buying", "acquire", "sell"})
# "we sell to a bakery in Kuopio", "a partnership with a farm in Joroinen": the other party is there
# ("for" is left out: "funding for a cafe in Lahti" is for the client's own café)
_SOLD_TO = _OTHER_PARTY - {"for"}
# "kahvila Kuopiossa", "marjatila Suonenjoella": where a business named just before it is
_AT_ENDINGS = ("ssa", "ssä", "lla", "llä")
# "Kouvolasta soitti yrittäjä", "Lahdesta otti yhteyttä kahvila": the caller is from there
_CALLER_STEMS = ("soitt", "otti", "ottanut", "yhteydenot", "kysy", "kysel", "laittoi", "lahetti")
CALLER_REACH = 3
_COMPANY_STEMS = ("firma", "yritys", "yhtio", "tmi", "oy", "ky")
# "Asiakas Kuopiosta", "yrittäjä Joensuusta": the client is from there (not "asiakkaita Kuopiosta", customers)
_CLIENT_WORDS = frozenset({"asiakas", "asiakkaani", "asiakkaamme", "yrittaja", "yrittajat"})
# "Is there support in Kuopio", "help in Joensuu": what is asked for there is for a company there
_ASKED_THERE = frozenset(
    {"support", "help", "funding", "financing", "services", "service", "grants", "grant", "aid", "advice", "anything"}
)


def _outside(analyses: list[WordAnalysis], lexicon: Lexicon) -> Municipality | None:
    """Another municipality, when the company is said to be from outside Etelä-Savo ("kuopiolainen",
    "based in Joensuu", "Kuopiossa toimiva", "perustaa kampaamon Lappeenrantaan")."""
    outside, towns = lexicon.outside_words, lexicon.outside_towns
    outside_stems, town_stems = _outside_stems(lexicon)
    words = [fold(analysis.word) for analysis in analyses]
    for index, analysis in enumerate(analyses):
        if is_among(analysis, outside, outside_stems):
            return _elsewhere(analysis)
        if words[index].endswith("-based") and words[index][: -len("-based")] in towns:
            return _elsewhere(analysis)  # "a Tampere-based food company"
        if not is_among(analysis, towns, town_stems):
            continue
        before = tuple(words[max(0, index - 2) : index])
        if any(before[-len(phrase) :] == phrase for phrase in _FROM_WORDS):
            return _elsewhere(analysis)
        if index + 1 < len(words) and words[index + 1].startswith(_BASED_STEMS):
            return _elsewhere(analysis)
        if any(word.startswith(_FOUNDING_STEMS) for word in words[max(0, index - FOUNDING_REACH) : index]):
            return _elsewhere(analysis)
        if index > 0 and words[index - 1] in _IS_FROM and words[index].endswith("sta"):
            return _elsewhere(analysis)  # "yritys on Lahdesta": where it comes from
        if (
            index > 0
            and words[index - 1] in ("a", "an")
            and (index < 2 or words[index - 2] not in _OTHER_PARTY)  # "we sell to a Tampere company"
            and _ENGLISH_COMPANY & set(words[index + 1 : index + 4])
        ):
            return _elsewhere(analysis)  # "A Tampere software company": the town as what the company is
        if words[index].endswith("sta") and (
            any(word.startswith(_CALLER_STEMS) for word in words[index + 1 : index + 1 + CALLER_REACH])
            or (index > 0 and words[index - 1].startswith(_COMPANY_STEMS))  # "firma Varkaudesta"
            or (index > 0 and words[index - 1] in _CLIENT_WORDS)
        ):
            return _elsewhere(analysis)
        if index > 1 and words[index - 1] == "in" and words[index - 2] in _ASKED_THERE:
            return _elsewhere(analysis)
        if index > 0 and words[index].endswith(_AT_ENDINGS) and _names_the_business(analyses[index - 1], lexicon):
            return _elsewhere(analysis)  # "kahvila Kuopiossa tarvitsee", "marjatila Suonenjoella"
        if (
            index > 1
            and words[index - 1] == "in"
            and _names_the_business(analyses[index - 2], lexicon)
            and not set(words[max(0, index - 5) : index - 2]) & _SOLD_TO
        ):
            return _elsewhere(analysis)  # "funding for a cafe in Lahti", "we have a bakery in Kuopio"
        before_in = set(words[max(0, index - 1 - OWN_BUSINESS_REACH) : index - 1])
        if index > 1 and words[index - 1] == "in" and before_in & _OWN_BUSINESS:
            return _elsewhere(analysis)
        if index > 1 and words[index - 1] == "in" and before_in & _ENGLISH_COMPANY and not before_in & _OTHER_PARTY:
            return _elsewhere(analysis)  # "We are a startup in Tampere" (not "we sell to a firm in Tampere")
    return None


def _names_the_business(analysis: WordAnalysis, lexicon: Lexicon) -> bool:
    """True for a word that names a business in its base form: a company word or a sector's ("kahvila", "farm")."""
    word = fold(analysis.word)
    if word in _ENGLISH_COMPANY or word in _COMPANY_STEMS or word.startswith(("yritys", "firma")):
        return True
    # the base form only: "myy leipää kahvilalle Kuopiossa" sells to a café there
    return word in analysis.lemmas and bool((analysis.lemmas | analysis.parts) & _sector_words(lexicon))


@lru_cache(maxsize=8)
def _sector_words(lexicon: Lexicon) -> frozenset[str]:
    """Every sector word of the lexicon, folded."""
    return frozenset(fold(word) for words in lexicon.sectors.values() for word in words)


def _elsewhere(analysis: WordAnalysis) -> Municipality:
    """Outside Etelä-Savo: in a neighbouring region when the word names one of its towns ("kuopiolainen")."""
    word = fold(analysis.word).removesuffix("-based")
    for region, forms, stems in _REGION_FORMS:
        if analysis.lemmas & forms or word in forms or stems.has(word):
            return region
    return OTHER_MUNICIPALITY


_REGION_FORMS = tuple((region, frozenset(region.forms), Stems(region.forms)) for region in NEIGHBOUR_REGIONS)


@lru_cache(maxsize=8)
def _outside_stems(lexicon: Lexicon) -> tuple[Stems, Stems]:
    """The outside inhabitant words and towns, for guessed words, made once per lexicon."""
    return Stems(lexicon.outside_words), Stems(lexicon.outside_towns)


@lru_cache(maxsize=8)
def _size_words(lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """The lexicon's person-word beginnings and size phrases, folded once."""
    persons = tuple(fold(person)[:4] for person in lexicon.person_words)
    sizes = tuple((size, tuple(fold(word) for word in words)) for size, words in lexicon.sizes.items())
    return persons, sizes


# "60% owned by a Swedish group with 400 employees", "belongs to a German group": the group's size counts
# the [sizes] large phrases that name a group, not a large company ("konserni", "part of a group", "subsidiary of")
GROUP_PHRASES = ("konserni", "part of a group", "group company", "subsidiary of")
GROUP_LARGE_HEADCOUNT = 200  # a company this big with any group beside it has 250 people or more
_LARGE_GROUP = re.compile(
    r"\b(?:iso\w*|suur\w*|kansainvali\w*|monikansalli\w*|porssi\w*|large|big|multinational|listed|global)\s+"
    r"(?:\w+\s+)?(?:konserni|group|corporation)"
)
_OWNED_BY_GROUP = re.compile(
    r"\b(?:owned by|belongs to|belonging to|member of) (?:a |an |the )?(?:[\w-]+ ){0,3}(?:group|corporation)\b"
)


def _said_not(folded: str, phrase: str) -> bool:
    """The phrase is denied just before it ("ei kuulu konserniin", "not part of a group")."""
    return re.search(r"\b(?:ei|eika|not|no|isnt)\s+(?:\w+\s+){0,2}" + re.escape(phrase), folded) is not None


def _size(text: str, lexicon: Lexicon) -> str | None:
    folded = fold(text)
    persons, sizes = _size_words(lexicon)
    large = [word for word in next(words for size, words in sizes if size == "large") if not _said_not(folded, word)]
    headcounts = [
        int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS[match.group(1)]
        for match in [*_HEADCOUNT.finditer(folded), *_HEADCOUNT_IN_WORDS.finditer(folded)]
        if match.group(2).startswith(persons)
    ]
    if any(word in folded for word in large if not word.startswith(GROUP_PHRASES)):
        return "large"  # "suuryritys", "large company"
    if any(word in folded for word in large) or _OWNED_BY_GROUP.search(folded):
        # A company in a group is an SME by the group's headcount (the EU definition): large when the group is
        # said to be large ("konserni jossa yli 500 työntekijää", "iso konserni") or the company alone nearly is
        # ("240 hlö, osa konsernia"); otherwise its size is open, whatever its own headcount ("40 hlö, osa
        # ruotsalaista konsernia"), and the SME services show their condition.
        big = _LARGE_GROUP.search(folded) or any(count >= GROUP_LARGE_HEADCOUNT for count in headcounts)
        return "large" if big else None
    if headcounts:
        return size_for_headcount(headcounts[0])
    for size, words in sizes:
        if size != "large" and any(word in folded for word in words):  # large is read above, with its denials
            return size
    return None


_BECOMING = re.compile(r"\w*ksi\b|\w*\s+(?:yrittajaksi|entrepreneur)")  # "päätoimiseksi": what one becomes
_BECOMING_BEFORE = re.compile(r"(?:siirty\w*|laajen\w*|become|becoming|move|moving|go|going)\s+(?:to\s+)?$")


def _workload(text: str, lexicon: Lexicon) -> str | None:
    """Full-time or part-time, by the lexicon's [workload] phrases as written. A side business that becomes
    full-time ("sivutoiminen siirtyy päätoimiseksi") is full-time; asked beside one ("starttirahaa
    sivutoimiseen vai pitääkö olla päätoiminen?"), full-time is only the condition asked about."""
    folded = fold(text)
    found = {key for key, phrases in lexicon.workloads.items() if any(fold(p) in folded for p in phrases)}
    if found == {"full_time", "part_time"}:
        return "full_time" if _becomes_full_time(folded, lexicon.workloads["full_time"]) else "part_time"
    return found.pop() if found else None


def _job(text: str, lexicon: Lexicon) -> str | None:
    """The job a hire is for, by the lexicon's [job] phrases as written ("kesätöihin", "summer job")."""
    folded = fold(text)
    return next((key for key, phrases in lexicon.jobs.items() if any(fold(p) in folded for p in phrases)), None)


def _farm_production(text: str, lexicon: Lexicon) -> str | None:
    """Livestock, crops or forestry, by the lexicon's [farm_production] word beginnings as written; both
    livestock and crops said ("viljaa ja lypsykarjaa") leave it open, and a farm's forest is still a farm's."""
    folded = fold(text)
    found = {key for key, pattern in _farm_patterns(lexicon).items() if pattern.search(folded)}
    farming = found - {"forestry"}
    if farming:
        return farming.pop() if len(farming) == 1 else None
    return found.pop() if found else None


def _as_written(analysis: WordAnalysis) -> str:
    """The word as typed, and for a mistyped one the words the analyser took it for."""
    return " ".join((analysis.word, *sorted(analysis.lemmas))) if not analysis.known else analysis.word


# What a neighbour owns is not the company's ("naapurin lehmät karkaavat pihaan")
NEIGHBOURS = ("naapurin", "neighbour's", "neighbor's", "neighbours", "neighbors")


# Whom the company serves is not what it is ("our accounting office serves 200 farms", "asiakkaina maatiloja")
SERVES = ("serves", "serving", "palvelee", "palvelemme", "palvelevat", "asiakkaina", "asiakkainamme", "asiakkainaan")
SERVED_REACH = 3


def others_things(analyses: list[WordAnalysis]) -> set[int]:
    """The words that name a neighbour's things or the customers served: no fact of the company."""
    found: set[int] = set()
    for index, analysis in enumerate(analyses):
        word = fold(analysis.word)
        if word in NEIGHBOURS:
            found.add(index + 1)
        elif word in SERVES:
            found.update(range(index + 1, index + 1 + SERVED_REACH))
    return {index for index in found if index < len(analyses)}


@lru_cache(maxsize=8)
def _farm_patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    return _beginning_patterns(lexicon.farm_productions)


def _transfer_side(text: str, lexicon: Lexicon) -> str | None:
    """The seller's or the buyer's side of a change of owner, by the lexicon's [transfer_side] word beginnings
    as written, the longest first ("kuka ostaa" is a seller's question, though "ostaa" alone is a buyer's);
    both said ("myyjä ja ostaja") leave it open."""
    pattern, side_of = _side_pattern(lexicon)
    folded = fold(text)
    phrases = [match.group(0) for match in pattern.finditer(folded)]
    # the side named outright ("seller side neuvontaa", "myyjän puolelta") is the asker's, whoever else buys
    # ... and so is a sale to the asker or the deal's financing ("myydä toimiston minulle", "takaus yrityskauppaan")
    outright = BUYER_OUTRIGHT | SELLER_OUTRIGHT
    named = {side_of[phrase] for phrase in phrases if phrase.endswith(SIDE_ENDS) or phrase in outright}
    words = re.findall(r"\w+", folded)
    if not named and len(words) <= SHORT_SIDE_WORDS:
        # a short note names the asker's side by its bare role ("omistajanvaihdos ostaja pertunmaa")
        named = {BARE_SIDES[word] for word in words if word in BARE_SIDES}
    if not named and _BUYER_BUYS.search(folded):
        named = {"buyer"}  # the buyer as the one who buys or bought ("ostaja on jo viime kuussa ostanut")
    if not named and _NO_SUCCESSOR.search(folded):
        named = {"seller"}  # nobody to continue, words between ("eikä lapsista kukaan halua jatkaa")
    found = named or {side_of[phrase] for phrase in phrases}
    return found.pop() if len(found) == 1 else None


SIDE_ENDS = ("side", "puol")  # "seller side", "buy-side", "myyjän puol", "ostajan puol"
# the buyer's side said outright: the sale is to the asker, the asker continues, the deal is financed
BUYER_OUTRIGHT = frozenset(
    {"minulle", "meille", "to me", "to us", "olisimme jatkamassa", "olisin jatkamassa", "jatkaisin"}
    | {"takaus yrityskauppaan", "takausta yrityskauppaan", "rahoitus yrityskauppaan", "rahoitusta yrityskauppaan"}
    | {"laina yrityskauppaan", "lainaa yrityskauppaan", "rahotus yrityskauppaan", "rahotusta yrityskauppaan"}
    # ... and money or advice for the buyer ("yrityskaupan rahoitus ostajalle")
    | {f"{thing} ostajalle" for thing in ("rahoitus", "rahoitusta", "rahotus", "rahotusta", "laina", "lainaa")}
    | {"neuvoa ostajalle", "apua ostajalle", "financing for the buyer", "help for the buyer", "helps the buyer"}
    # the would-be buyer is who asks ("kyläkauppa myynnissä, ostajaehdokas kysyy rahotusta")
    | {"ostajaehdokas kysyy", "ostajaehdokas tarvii", "ostajaehdokas tarvitsee", "ostajaehdokas hakee"}
    # ... and the asker who would buy ("olisin kiinnostunut ostamaan sen", though its owner retires)
    | {"olisin kiinnostunut ost", "olisimme kiinnostuneita ost", "olen kiinnostunut ost", "oon kiinnostunut ost"}
    | {"haluaisin ost", "haluaisimme ost", "haluan ost", "haluamme ost", "i would like to buy", "we would like to buy"}
    # ... and the one who asks the seller, or buys a company ready-made ("mitä myyjältä pitäis kysyä", "valmiin
    # firman osto")
    | {"myyjalta", "valmiin firman ost", "valmiin yrityksen ost", "firman ostoa", "yrityksen ostoa"}
)
# ... and the seller's, help asked for the seller ("Mistä myyjä saa apua?", though a buyer is named too)
SELLER_OUTRIGHT = frozenset(
    {"myyja saa", "myyjalle apua", "apua myyjalle", "neuvoa myyjalle", "helps the seller", "help the seller"}
    | {"help for the seller"}
    # a buyer after the asker's company: the owners sell ("naapurifirma haluais ostaa meidät")
    | {"ostaa meidat", "ostais meidat", "ostaisi meidat", "buy us"}
    # ... and the asker who would sell ("haluaisin myydä firman parin vuoden sisään")
    | {"haluaisin myy", "haluaisimme myy", "haluan myy", "haluamme myy", "haluisin myy", "myisin", "myisimme"}
    | {"i would like to sell", "we would like to sell", "i want to sell", "we want to sell"}
    # ... and the owner who sells his own ("harkitsee yrityksensä myymistä", "yrittäjä 64 v, myy kaupan")
    | {"yrityksensa myy", "firmansa myy", "yhtionsa myy", "liikkeensa myy", "kauppansa myy", "tilansa myy"}
    | {"myy kaupan", "myy firman", "myy yrityksen", "myy liikkeen", "myy yhtion", "myy kahvilan", "myy tilan"}
    # ... and the staff who might buy it ("voisiko joku työntekijöistä ostaa yrityksen")
    | {"tyontekijoista ostaa", "tyontekijoista ostais", "tyontekijoista ostaisi", "tyontekijat ostaisi"}
)
# the buyer as the subject of buying, words between ("ostaja on jo viime kuussa ostanut konepajan")
_BUYER_BUYS = re.compile(
    r"\b(?:ostaja|buyer)\s+(?:[\w-]+\s+){0,4}?(?:osti|ostanut|ostaa|ostamassa|ostamaan|aikoo|bought|buys|is buying)\b"
    r"|\b(?:ostaja|buyer)\s+\d{2}\s*-?\s*v\b"  # the buyer described ("ostaja 35v, kauppahinta 200 t€")
)
_NO_SUCCESSOR = re.compile(
    r"\b(?:ei|eika|eivat|kukaan)\s+(?:\w+\s+){0,3}?(?:halua|haluu|aio|aiovat|kiinnosta|ole\s+jatkamassa)\s+jatka(?:a|maan)\b"
)
BARE_SIDES = {"ostaja": "buyer", "buyer": "buyer", "myyja": "seller", "seller": "seller"}
SHORT_SIDE_WORDS = 4


@lru_cache(maxsize=8)
def _side_pattern(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of every side's phrases, longest first, and the side of each phrase (folded); the sides said
    outright (BUYER_OUTRIGHT, SELLER_OUTRIGHT) are among them whatever the lexicon lists."""
    side_of = {fold(phrase): side for side, phrases in lexicon.transfer_sides.items() for phrase in phrases}
    side_of.update(dict.fromkeys(BUYER_OUTRIGHT, "buyer"))
    side_of.update(dict.fromkeys(SELLER_OUTRIGHT, "seller"))
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(side_of, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternatives + ")"), side_of


# A purchase made with its object between the verb and the time ("osti koneen jo viime kuussa", "bought the
# excavator last month"): the project has begun, which the [project] phrases say only next to each other
_BOUGHT = (
    r"\b(?:osti|ostin|ostimme|ostivat|ostettiin|hankki|hankin|hankimme|hankkivat|hankittiin|tilasi|tilasin"
    r"|tilasimme|tilasivat|tilattiin|bought|purchased|ordered)\s+(?:[\w-]+\s+){0,3}?"
)
_BEFORE_NOW = r"viime\s+(?:kuussa|viikolla|vuonna|syksyna|kevaana|kesana|talvena)\b"
# ... or the time first and the perfect after it ("on jo viime kuussa ostanut konepajan")
_MADE_AFTER_TIME = (
    r"\b(?:jo|" + _BEFORE_NOW + r")\s+(?:[\w-]+\s+){0,2}?"
    r"(?:ostanut|ostaneet|hankkinut|hankkineet|tilannut|tilanneet)\b"
)
_PURCHASE_MADE = re.compile(
    _BOUGHT + r"(?:jo\b|already\b|" + _BEFORE_NOW + r"|last\s+(?:month|week|year|autumn|spring|summer|winter)\b"
    r"|(?:\w+\s+)?(?:days?|weeks?|months?)\s+ago\b)|" + _MADE_AFTER_TIME
)


# Work on what was bought is a project of its own, not begun ("jo ostanut koulukiinteistön ja haluaa nyt tukea sen
# remonttiin")
RENOVATION_STEMS = ("remont", "korjat", "korjaa", "kunnost", "saneera", "renovat", "refurbish")  # folded
_LATER_WORK = re.compile(r"\b(?:" + "|".join((*RENOVATION_STEMS, "korjau", "muutosty", "convert")) + r")\w*")


def _project(text: str, lexicon: Lexicon) -> str | None:
    """Started, when what is funded is already bought or begun, and the question asks for no work on it after."""
    folded = fold(text)
    started = _said(text, lexicon.projects) or ("started" if _PURCHASE_MADE.search(folded) else None)
    return None if started == "started" and _LATER_WORK.search(folded) else started


# a registered association by its abbreviation, a word of its own ("ry pyörittää kahvilaa"), unless a company or
# an entrepreneur is named: then the association serves or gathers them ("leader ry rahoitus mikroyritykselle",
# "Enonkosken yrittäjät ry, miten liittyä")
_ASSOCIATION = re.compile(r"(?<!\w)ry\b")
# An association that gives or lends something to the asker ("kyläyhdistys ry antais tilat", "tilat saa
# seuralta") is a third party, not the applicant
_ASSOCIATION_GIVES = re.compile(
    r"(?<!\w)(?:ry|\w*yhdistys|\w*seura)\s+(?:ry\s+)?(?:\w+\s+)?"
    r"(?:anta|antais|vuokra|vuokrais|lainaa|lainais|tarjoa|tarjoais|luovutta)\w*"
    r"|(?<!\w)(?:ry:lta|\w*yhdistykselta|\w*seuralta)\b"
)
_COMPANY_OR_ENTREPRENEUR = re.compile(r"(?<!\w)(?:\w*yrity|\w*yritt|\w*firm|oy\b|tmi\b|compan|business|entrepreneur)")


def _applicant(text: str, lexicon: Lexicon) -> str | None:
    """Who applies, if not one company: the lexicon's [applicant] phrases or an association by its abbreviation; an
    association that gives or lends the asker something is not who asks."""
    folded = fold(text)
    if _ASSOCIATION_GIVES.search(folded):
        return None
    return _said(text, lexicon.applicants) or _association(folded)


def _association(folded: str) -> str | None:
    """ "group" when the asker is an association named by its abbreviation (see _ASSOCIATION)."""
    if _ASSOCIATION.search(folded) and not _COMPANY_OR_ENTREPRENEUR.search(folded):
        return "group"
    return None


def _said(text: str, triggers: Triggers) -> str | None:
    """The one key whose phrases the text has, as written at a word's beginning ([investment], [project],
    [applicant])."""
    found = {key for key, pattern in _phrase_patterns(triggers).items() if pattern.search(fold(text))}
    return found.pop() if len(found) == 1 else None


_PHRASE_PATTERNS: dict[int, tuple[Triggers, dict[str, re.Pattern[str]]]] = {}  # by id, as _LOOKUPS


def _phrase_patterns(triggers: Triggers) -> dict[str, re.Pattern[str]]:
    cached = _PHRASE_PATTERNS.get(id(triggers))
    if cached is None or cached[0] is not triggers:
        if len(_PHRASE_PATTERNS) > 64:
            _PHRASE_PATTERNS.clear()
        # at a word's beginning, or after a hyphen ("ICT-klusterin")
        patterns = {
            key: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(p)) for p in phrases) + ")")
            for key, phrases in triggers.items()
            if phrases
        }
        cached = _PHRASE_PATTERNS[id(triggers)] = (triggers, patterns)
    return cached[1]


def _beginning_patterns(triggers: Triggers) -> dict[str, re.Pattern[str]]:
    """Per key, a pattern for its phrases at the beginning of a word."""
    return {
        key: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(fold(p)) for p in phrases) + ")")
        for key, phrases in triggers.items()
        if phrases
    }


def company_form(text: str, lexicon: Lexicon, denied: frozenset[str] = frozenset()) -> str | None:
    """The company's legal form by the lexicon's [company_form] words; none when two are named or the form
    word is `denied` (folded words a negation reaches)."""
    found = {
        key
        for key, pattern in _form_patterns(lexicon).items()
        for match in pattern.finditer(fold(text))
        if match.group(0) not in denied
    }
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8)
def _form_patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    def alternative(phrase: str) -> str:
        folded = re.escape(fold(phrase))
        if len(phrase) <= 3:  # a short form may end a compound: "LVI-ky:ssä", "kuljetus-oy"
            return r"(?<!\w)" + folded + r"(?::\w+)?(?![\w-])"
        return r"(?<![\w-])" + folded + r"\w*"

    return {
        key: re.compile("|".join(map(alternative, phrases)))
        for key, phrases in lexicon.company_forms.items()
        if phrases
    }


def _becomes_full_time(folded: str, phrases: Iterable[str]) -> bool:
    for phrase in map(fold, phrases):
        for match in re.finditer(re.escape(phrase), folded):
            if _BECOMING.match(folded, match.end()) or _BECOMING_BEFORE.search(folded, 0, match.start()):
                return True
    return False


def first_trigger(triggers: Triggers, terms: set[str], guessed: set[str]) -> str | None:
    """The first key (in the table's order) with a word among `terms`, or among the `guessed` words by letters."""
    by_word, stems = _lookup(triggers)
    found = {by_word[term] for term in terms if term in by_word}
    for guess in guessed:
        for trigger, form in stems.forms(guess):
            if form == "whole":
                found.add(by_word[trigger])
            elif any(kind == "whole" for _, kind in stems.forms(guess[len(trigger) :])):
                # a compound of two words of the table ("lypsykarjatila", "ruokarekka") is what its front
                # says; not one on another word ("rakennuslupaa" is a permit, no building company)
                found.add(by_word[trigger])
    return next((key for key in triggers if key in found), None)


_LOOKUPS: dict[int, tuple[Triggers, dict[str, str], Stems]] = {}  # by id; the table is kept, so the id stays its


def _lookup(triggers: Triggers) -> tuple[dict[str, str], Stems]:
    """Folded word -> the first key that lists it, and the words for comparing guesses; built once per table."""
    cached = _LOOKUPS.get(id(triggers))
    if cached is None or cached[0] is not triggers:
        by_word: dict[str, str] = {}
        for key, words in triggers.items():
            for word in words:
                by_word.setdefault(fold(word), key)
        if len(_LOOKUPS) > 64:  # reloaded lexicons: forget the old tables
            _LOOKUPS.clear()
        cached = _LOOKUPS[id(triggers)] = (triggers, by_word, Stems(by_word))
    return cached[1], cached[2]


def read_facets(
    text: str,
    analyses: list[WordAnalysis],
    lexicon: Lexicon,
    today: date | None = None,
    written: WrittenFacts | None = None,
    not_guessed: Iterable[str] = (),
    denied: frozenset[str] = frozenset(),
) -> Facets:
    """What the question and its analysed words say about the company, by the lexicon's words.

    `today` lets a founding year ("perustettu 2012") give the company's age; `written` is the
    employee origin and company age when the caller has read them already; `not_guessed` are guessed
    words (folded) not to read a sector or stage from, by letters or suggested readings; `denied` the
    folded words a negation reaches, none of which names the company's form.
    """
    lemmas: set[str] = set()
    with_parts: set[str] = set()
    guessed: set[str] = set()
    unread = set(not_guessed)
    for analysis in analyses:
        readings = analysis.lemmas
        if not analysis.known and fold(analysis.word) in unread:
            # a stop word's spelling suggestions say nothing of the company ("ekan" is no "rekka"); the word as
            # written still does ("uusi yritys")
            readings = readings & {fold(analysis.word)}
        lemmas |= readings
        with_parts |= readings | analysis.parts
        if not analysis.known:
            guessed.add(fold(analysis.word))
    guessed -= unread
    written = written or read_written_facts(text, lexicon, today)
    return Facets(
        municipality=_municipality(analyses) or _outside(analyses, lexicon),
        size=_size(text, lexicon),
        stage=first_trigger(lexicon.stages, lemmas, guessed),
        sector=first_trigger(lexicon.sectors, with_parts, guessed),
        employee_origin=written.employee_origin,
        workload=_workload(text, lexicon),
        job=_job(text, lexicon),
        # from the words that are the company's: not "naapurin lehmät" (see others_things)
        # (a mistyped word by the analyser's reading of it too: "metsänomistja" is a forest owner)
        farm_production=_farm_production(" ".join(_as_written(analysis) for analysis in analyses), lexicon),
        company_form=company_form(text, lexicon, denied),
        transfer_side=_transfer_side(text, lexicon),
        investment=_said(text, lexicon.investments),
        project=_project(text, lexicon),
        applicant=_applicant(text, lexicon),
        company_age=written.company_age,
        employee_age=written.employee_age,
        applicant_age=written.applicant_age,
    )
