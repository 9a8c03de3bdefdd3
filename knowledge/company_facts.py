"""Facts about the company read as written: where the employee it hires comes from, and how old it is.

Both are read from the folded question text by the lexicon's [employee_origin] and [company_age]
phrases, the same way with or without Voikko, and say which words they used: those words are
context (who the company is), not the topic of the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from knowledge.lexicon import Lexicon, Triggers
from knowledge.text import fold, tokens

_NUMBER_WORDS = {
    "yksi": 1, "yhden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "neljä": 4, "neljän": 4,
    "viisi": 5, "viiden": 5, "kuusi": 6, "kuuden": 6, "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9,
    "kymmenen": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
NUMBER_WORDS = {fold(word): value for word, value in _NUMBER_WORDS.items()}  # folded: "neljan" is 4
_NUMBER = r"(\d{1,3}|" + "|".join(sorted((fold(word) for word in _NUMBER_WORDS), key=len, reverse=True)) + r")"
# years of activity may have a decimal ("toiminut 1,5v", "1.5 years")
_YEARS_NUMBER = _NUMBER.replace(r"\d{1,3}", r"\d{1,3}(?:[,.]\d)?", 1)
_YEAR = r"((?:19|20)\d{2})(?!\d)"
# years followed by a person are that person's age, not the company's
_NOT_A_PERSON_AFTER = (
    r"(?!\s+(?:opiskelij|mies|miehe|nainen|naise|hakij|yrittaj|tyoton|elakelai"
    r"|student|man\b|woman|founder|entrepreneur))"
)
_START = r"(?<![a-z0-9])"
_COMPANY = r"(?:\w*(?:yrity|firma|yhtio|liike)|company|business|firm)"  # "30-vuotias perheyritys", not "…yrittäjä"
_GAP = r"(?:[a-z0-9.:-]+\s+){0,3}?"  # a few words between
# Where a company is from is said with an adjective next to the company word ("hollantilainen yritys";
# in English a word may come between: "a Dutch food company"). A country in a case ending ("Espanjasta
# hoivayritykseen") or an adjective on other people ("hollantilaisia hitsaajia") is the employees' origin.
_FINNISH_ADJECTIVE = re.compile(r"lai(?:nen|s\w*)$")
_FINNISH_PEOPLE = re.compile(r"lais(?:ia|et|ten|ille|ilta|iin)$")  # "virolaisia", "filippiiniläisille"
# ... and one person by a trade, or coming to work ("puolalainen sähkömies haluis töihin", "virolainen hitsaaja"); not
# a founder, an owner, an investor or a student ("ukrainalainen yrittäjä")
_ONE_WORKER_NEXT = re.compile(
    r"\s+(?:(?!yrittaj|omistaj|sijoittaj|ostaj|opiskelij|asiaka|asiakk)\w*(?:mies|miehe|tekija|ja|jaa|ijan)\b"
    r"|(?:\w+\s+){0,4}(?:toihin|duuniin|hommiin)\b)"
)
# ... unless they are customers or visitors: "virolaiset asiakkaat", "ruotsalaisille matkailijoille", groups
_CUSTOMERS_NEXT = re.compile(
    r"(?:\s+(?:ja|tai|and|or)\s+\w+)?"  # "saksalaisia ja hollantilaisia asiakkaita"
    # (not one "client": the adviser's, "a Ukrainian client wants to start a company")
    r"\s+(?:asiak|matkailij|turist|ostaj|kuluttaj|vierai|vieras|kaupp|markkin|customer|clients|tourist|visitor"
    r"|buyer|market|consumer|jalleenmyyj|maahantuoj|tukku|reseller|retailer|distributor|importer|wholesaler"
    r"|ryhm|groups?\b|guests?\b|matkaaj)"  # "japanilaisille ryhmille": travel groups are customers
    # ... or they buy, or do not: "ruotsalaiset ei osta", "the Germans don't order"
    r"|\s+(?:(?:ei|eivat|eika|don't|dont|do not|won't|never|will|would)\s+)?(?:osta|tilaa|tilaisi|buy|order|purchase)"
)
# ... or customers named first, the country after ("ulkomaisia asiakkaita, varsinkin Saksasta ja Hollannista")
_CUSTOMERS_BEFORE = re.compile(
    # plural: "asiakas" alone is the adviser's client ("asiakas miettii rekrytä filippiineiltä", "a client from X")
    r"(?:asiakkai\w*|asiakkaat|matkailij\w*|turist\w*|vierai\w*|customers|clients|tourists|guests|visitors),?\s+"
    r"(?:\w+,?\s+){0,2}$"
)
# English nationality adjectives as written (a suffix rule would take Finnish "Saksaan", to Germany).
_ENGLISH_NATIONALITY_TEXT = """
    ukrainian german dutch swedish estonian polish finnish russian chinese indian filipino thai vietnamese
    spanish french italian danish norwegian latvian lithuanian romanian bulgarian hungarian czech american
    british turkish japanese korean nepalese nepali pakistani bangladeshi kenyan nigerian brazilian mexican
    canadian irish greek portuguese european belgian austrian swiss icelandic slovak slovenian croatian
"""
ENGLISH_NATIONALITIES = frozenset(_ENGLISH_NATIONALITY_TEXT.split())
# a couple (one, not couples: those may be guests) starts a company: "hollantilainen pariskunta osti maatalon"
_COUPLE = r"(?:pariskunta|couple)\b"
_COMPANY_NEXT = re.compile(r"\s+(?:(?:" + _COMPANY + r"|yrittaj)\w*\b|" + _COUPLE + ")")  # "ukrainalainen yrittäjä" too
# The asker or the founder said where they are from: no employee to hire and no market to sell to.
_FOUNDER_BEFORE = re.compile(
    r"(?:\bi'?m|\bi am|\bwe are|\bwe're|\bas an?|\bolen|\bolemme|\b(?:i|we) (?:moved|came)(?: here)?|\bmuutin"
    r"|\bmuutimme|\b(?:client|customer|entrepreneur|founder|she|he) (?:is|comes|came)(?: originally)?|\bkotoisin)"
    r"\s+(?:an?\s+)?(?:from\s+)?$"
)  # "I moved from Ukraine", "my client is from Kenya", "kotoisin Virosta": where the asker or client comes from
_GROUP_NEXT = re.compile(r"\s+(?:[a-z-]+\s+)?(?:konserni|group|emoyhtio|parent)")
_FOUNDER_NEXT = re.compile(r"\s+(?:entrepreneur|founder|self-employed|sole trader|freelancer)")
_COMPANY_SOON = re.compile(r"\s+(?:[a-z-]+\s+)?(?:" + _COMPANY + r"\w*\b|" + _COUPLE + ")")
# A company or an investor from abroad, the word for it next or one word on ("Estonian construction subcontractor",
# "ruotsalainen sijoittaja"); no founder ("ukrainalainen yrittäjä") and no couple
_FOREIGN_ACTOR_SOON = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:" + _COMPANY + r"|investor|sijoittaj|\w*contractor|\w*urakoitsij|alihankkij|maker"
    r"|manufacturer|valmistaj|konserni|group)\w*\b"
)
_NOMINATIVE_ENDINGS = ("lainen", "laiset")  # "hollantilainen yritys" is the subject, "hollantilaiselle" not
_OBJECT_BEFORE = re.compile(r"\b(?:to|for|with|from|by)\s+(?:an?\s+|the\s+)?$")


def is_nationality(word: str) -> bool:
    """The folded word is a nationality ("ukrainalainen", "virolaisia", "Ukrainian"): who someone is."""
    return _FINNISH_ADJECTIVE.search(word) is not None or word in ENGLISH_NATIONALITIES


def _of_company(word: str, text: str, start: int, end: int) -> bool:
    """The origin `word` (from `start` to `end`) says where a company or its founder is from."""
    if _FOUNDER_BEFORE.search(text, 0, start) or _FOUNDER_NEXT.match(text, end):
        return True  # "I'm from Ukraine", "as an EU citizen", "non-EU entrepreneur with residence permit"
    if word.endswith("-owned") or (is_nationality(word) and _GROUP_NEXT.match(text, end)):
        return True  # "osa ruotsalaista konsernia", "kuuluu ruotsalaiseen konserniin": where the owner is
    if _FINNISH_ADJECTIVE.search(word):
        return bool(_COMPANY_NEXT.match(text, end))
    return bool(word in ENGLISH_NATIONALITIES and _COMPANY_SOON.match(text, end))


def _company_of(word: str, text: str, start: int, end: int) -> bool:
    """The nationality `word` (from `start` to `end`) is the subject's, a company's or an investor's ("hollantilainen
    yritys", "a Dutch food company", "Swedish investor"): one from abroad, which may come here; not a customer
    ("myy hollantilaiselle yritykselle", "sells to a Dutch company")."""
    english = word in ENGLISH_NATIONALITIES and not _OBJECT_BEFORE.search(text, 0, start)
    return (word.endswith(_NOMINATIVE_ENDINGS) or english) and bool(_FOREIGN_ACTOR_SOON.match(text, end))


@dataclass(frozen=True)
class WrittenFacts:
    """Employee origin and company age as read, and the words that said them (folded)."""

    employee_origin: str | None = None
    company_age: float | None = None  # years, "1,5v" as 1.5
    words: frozenset[str] = frozenset()
    abroad: bool = False  # a foreign country or the EU was named, whichever origin that gives
    people: bool = False  # the origin was said of people ("virolaisia rakennusmiehiä"): someone to hire
    market: bool = False  # a country was named as a place (to sell to), not only as people's nationality
    employee_age: int | None = None  # a person's age said ("58-vuotiaalle", "16v nuorelle"): whom to hire
    market_area: str | None = None  # eu_eea | outside_eu_eea: where a country named as where to sell lies
    named_area: str | None = None  # the same for every country named, whatever its role
    applicant_age: int | None = None  # the farmer's or successor's own age ("jatkaja on 43 v", "viljelijä 44 v")
    company_abroad: bool = False  # a company or an investor from abroad ("Dutch company", "ruotsalainen sijoittaja")


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(fold(phrase)) for phrase in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    origin: re.Pattern[str] | None
    origin_ids: dict[str, str]
    new: re.Pattern[str] | None
    founded: tuple[re.Pattern[str], ...]
    active: tuple[re.Pattern[str], ...]
    vocabulary: frozenset[str] = frozenset()  # the words an age is said with (not the business or place between)


@lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> _Patterns:
    origin_ids = {fold(phrase): origin for origin, phrases in lexicon.origins.items() for phrase in phrases}
    origin = re.compile(_START + "(" + _alternation(origin_ids) + r")[\w:/-]*") if origin_ids else None
    age: Triggers = lexicon.company_age
    new = re.compile(_START + "(?:" + _alternation(age["new"]) + ")") if age.get("new") else None
    founded: tuple[re.Pattern[str], ...] = ()
    active: tuple[re.Pattern[str], ...] = ()
    if age.get("founded"):
        words = "(?:" + _alternation(age["founded"]) + r")[\w]*"
        founded = (
            re.compile(_START + words + r"\s+" + _GAP + _YEAR),
            re.compile(_START + _YEAR + r"\s+" + _GAP + words),
        )
        # "kaksi kuukautta sitten perustettu", "founded 3 weeks ago": this year, a new company
        weeks_ago = _START + _NUMBER + r"\s+(?:kuukau\w*|kk|months?|viiko\w*|weeks?)\s+(?:sitten|ago)"
        new_by_months = re.compile(weeks_ago + r"\s+" + _GAP + words + "|" + words + r"\s+" + _GAP + weeks_ago)
        new = re.compile(new.pattern + "|" + new_by_months.pattern) if new is not None else new_by_months
    if age.get("active") and age.get("years"):
        words = "(?:" + _alternation(age["active"]) + r")\w*"
        years = "(?:(?:" + _alternation(age["years"]) + r")\w*|v\b)"  # and "toiminut 4 v"
        active = (
            re.compile(_START + words + r"\s+" + _GAP + _START + _YEARS_NUMBER + r"\s*-?\s*" + years),
            re.compile(_START + _YEARS_NUMBER + r"\s*-?\s*" + years + r"\s+" + _GAP + words),
            re.compile(_START + _NUMBER + r"\s*-\s*vuotias\s+" + _COMPANY),
            # the years before the company word ("ohjelmistostartup 1v oy", "3 v vanha tmi" is read above)
            re.compile(
                _START + _YEARS_NUMBER + r"\s*(?:v|vuotta|vuoden)\s+(?:oy|tmi|ky|ay|osakeyhtio\w*|toiminimi\w*)\b"
            ),
            # running the business for some years, the business named between ("I have been running a pizzeria
            # in Mikkeli for three years")
            re.compile(
                _START
                + r"(?:running|operating|operated|run|ran)\s+(?:[a-z0-9.:'-]+\s+){0,6}?"
                + r"for\s+(?:the\s+(?:past|last)\s+)?"
                + _YEARS_NUMBER
                + r"\s*(?:years?|yrs?)\b"
            ),
            # a telegraphic note: the company, then its years ("tmi 2 v", "oy 12 vuotta", "perheyritys jo 40 v",
            # "tmi ollu jo 3v", "a tmi for 3 years")
            re.compile(
                _START
                + r"(?:tmi|oy|ky|ay|toiminimi|"
                + _COMPANY
                + r"\w*),?\s+(?:(?:ollut|ollu|on|for)\s+)?(?:jo\s+|already\s+)?"
                + _NUMBER
                + r"\s*(?:v\b|vuotta\b|years?\b|yrs?\b)"
                + _NOT_A_PERSON_AFTER  # "ei vielä yritystä, 24v opiskelija": the student's age
            ),
        )
    said = [phrase for key in ("new", "founded", "active", "years") for phrase in age.get(key, ())]
    vocabulary = frozenset(tokens(" ".join(fold(phrase) for phrase in said))) | _AGE_FILLERS | NUMBER_WORDS.keys()
    return _Patterns(origin, origin_ids, new, founded, active, vocabulary)


def _number(text: str) -> float:
    if text.isdigit():
        return int(text)
    if text[:1].isdigit():
        return float(text.replace(",", "."))  # "1,5"
    return _NUMBER_WORDS.get(text, _folded_numbers().get(text, 0))


@lru_cache(maxsize=1)
def _folded_numbers() -> dict[str, int]:
    return {fold(word): value for word, value in _NUMBER_WORDS.items()}


@dataclass(frozen=True)
class _Origin:
    origin: str | None
    words: set[str]
    people: bool
    market: bool
    market_area: str | None = None
    named_area: str | None = None
    company_abroad: bool = False


_LANGUAGE_BEFORE = re.compile(r"\b(?:speaks?|speaking|puhu\w*)\s+(?:\w+\s+)?$")
# EEA countries outside the EU customs union: goods taken there still need customs papers (an ATA carnet),
# so a market there says nothing of which rule holds
_OUTSIDE_CUSTOMS_UNION = ("norja", "norw", "islan", "icelan", "sveits", "switz", "liechtenst")
# A country as where to ("Ruotsiin", "Saksaan", "Viroon", "to Germany"): a market; hires come from one
# ("Virosta", "virolaisia").
_DESTINATION = re.compile(r"(?:iin|aan|ään|oon|öön|uun|yyn|hin|seen)$")
_TO_BEFORE = re.compile(r"\b(?:to|into)\s+(?:the\s+)?$")
# "the German market", "saksan markkinoille"; and a country's buyers asking ("japanista kyselty tuotetta")
_MARKET_NEXT = re.compile(
    r"\s+(?:market|markets|markkin\w*|kysel\w*|kysyt\w*|tiedustel\w*|tilattu\w*)\b"
    # ... or an inquiry that came from there ("saksasta tuli iso tilauskysely"; an order won may ask for capacity)
    r"|\s+(?:tuli|tulee|tullut|tullu|tulleet|on\s+tullut)\s+(?:\w+\s+)?(?:tilauskysel\w*|kysel\w*|tiedustel\w*|tarjouspyyn\w*)"
)
# A country as where from ("two of them are from Latvia", "hitsaajia Virosta"): someone's or something's origin,
# no market
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$")
# A country where the owner is ("konserni, jonka emo Ruotsissa", "owned by a Swedish parent") is neither a market nor a
# hire's origin
_OWNER_BEFORE = re.compile(r"\b(?:emo\w*|konserni\w*|omistaj\w*|parent|owner)\s+(?:\w+\s+)?$")
# ... unless what comes from there is an order, a customer, a contract or interest ("iso tilaus Ruotsista", "orders from
# Germany"): a market
_ORDER_BEFORE = re.compile(
    r"\b(?:tilau\w*|tilaaj\w*|order\w*|kysynt\w*|demand|asiak\w*|customers?|ostaj\w*|buyers?"
    # contracts sought there, and interest shown from there ("haluaa urakoita Norjasta", "kiinnostusta Japanista")
    r"|urak\w*|contracts?|kiinnost\w*|interest|inquiries|enquiries)\s+"
    # ... coming from there ("tilauksia tulis ruotsista", "orders are coming from Germany")
    r"(?:(?:tulis\w*|tulee|tuli|tulossa|tulevat|tulivat|ois|olisi|on|are|come|coming|came)\s+)?(?:from\s+)?$"
)
_SOURCE = re.compile(r"(?:sta|stä|lta|ltä)$")


def _origin(text: str, patterns: _Patterns) -> _Origin:
    if patterns.origin is None:
        return _Origin(None, set(), False, False)
    found: set[str] = set()
    words: set[str] = set()
    areas: set[str] = set()
    named: set[str] = set()
    people = market = company_abroad = False
    for match in patterns.origin.finditer(text):
        word = match.group(0)
        # "hollantilainen yritys", "a Dutch food company", "Swedish investor": where the company or investor is from
        from_abroad = _company_of(word, text, match.start(), match.end())
        if from_abroad or _of_company(word, text, match.start(), match.end()):
            company_abroad = company_abroad or from_abroad
            continue
        if _LANGUAGE_BEFORE.search(text, 0, match.start()):
            continue  # "she speaks Russian", "puhuu venäjää": a language, no country
        if _OWNER_BEFORE.search(text, 0, match.start()):
            continue  # "emo Ruotsissa": where the owner is
        words.update(tokens(word))
        area = "" if word.startswith(_OUTSIDE_CUSTOMS_UNION) else patterns.origin_ids[match.group(1)]
        named.add(area)
        if (
            _DESTINATION.search(word)
            or _TO_BEFORE.search(text, 0, match.start())
            or _ORDER_BEFORE.search(text, 0, match.start())
            or _MARKET_NEXT.match(text, match.end())
            or _CUSTOMERS_BEFORE.search(text, 0, match.start())
        ):
            market = True  # "vientiä Ruotsiin", "export to Sweden": where it sells, nobody's origin
            areas.add(area)
            continue
        found.add(patterns.origin_ids[match.group(1)])
        customers = bool(_CUSTOMERS_NEXT.match(text, match.end()))
        nationality = is_nationality(word)
        if (_FINNISH_PEOPLE.search(word) and not customers) or (
            _FINNISH_ADJECTIVE.search(word) and _ONE_WORKER_NEXT.match(text, match.end())
        ):
            people = True
        # A nationality said of people ("Ukrainian with temporary protection") is no market; a country
        # ("Saksaan", "to Germany") or customers of a nationality are.
        where_from = _SOURCE.search(word) or _FROM_BEFORE.search(text, 0, match.start())
        market = market or customers or not (nationality or where_from)
    # one area each, or none: both named, or a country outside the customs union ("") leave it open
    market_area = areas.pop() if len(areas) == 1 else ""
    named_area = named.pop() if len(named) == 1 else ""
    return _Origin(
        found.pop() if len(found) == 1 else None,
        words,
        people,
        market,
        market_area or None,
        named_area or None,
        company_abroad,
    )


# the small words an age is said with, besides the lexicon's ("tmi ollu jo 3v", "for the past 12 years")
_AGE_FILLERS = frozenset(
    {"v", "jo", "ollut", "ollu", "on", "for", "the", "past", "last", "already", "sitten", "ago", "kk", "vuonna"}
    | {"tmi", "oy", "ky", "ay", "toiminimi", "company", "business", "firm", "yritys", "firma"}
)


def _age_words(text: str, patterns: _Patterns) -> set[str]:
    """The words of `text` (an age said) that said the age: not the business or the place said between ("pyörittänyt
    kahvilaa Sulkavalla 12 vuotta"), which stay the question's."""
    return {word for word in tokens(text) if word in patterns.vocabulary or any(char.isdigit() for char in word)}


def _age(text: str, patterns: _Patterns, today: date | None) -> tuple[float | None, set[str]]:
    if patterns.new is not None and (match := patterns.new.search(text)):
        return 0, _age_words(match.group(0), patterns)
    if today is not None:
        for pattern in patterns.founded:
            if match := pattern.search(text):
                age = today.year - int(match.group(1))
                if 0 <= age <= 200:
                    return age, _age_words(match.group(0), patterns)
    if match := _YEARS_OLD_COMPANY.search(text):
        return _number(match.group(1)), _age_words(match.group(0), patterns)
    if match := _MONTHS_OLD.search(text):
        return 0, _age_words(match.group(0), patterns)
    if match := _LAST_YEAR.search(text):
        return 1, _age_words(match.group(0), patterns)
    if match := _YEARS_AGO.search(text):
        said = match.group(1) or match.group(2)
        return (_number(said) if said else 1), _age_words(match.group(0), patterns)
    for pattern in patterns.active:
        match = pattern.search(text)
        if match and _number(match.group(1)) > 0 and not _THING_BEFORE.search(text, 0, match.start()):
            return _number(match.group(1)), _age_words(match.group(0), patterns)
    if today is not None and _PANDEMIC.search(text):
        # "koronan jälkeen velkaa": the company was there in the pandemic, at the latest in its last year
        return today.year - PANDEMIC_LAST_YEAR, set()
    return None, set()


# A machine's or a building's years are no company's ("sorvi 30v vanha", "uuni on 20 vuotta vanha")
_THINGS = (
    "kone", "koneet", "sorvi", "laite", "laitteet", "laitteisto", "uuni", "auto", "traktori", "katto", "halli",
    "rakennus", "kiinteisto", "linja", "kalusto", "vene", "trukki", "kaivuri", "harvesteri", "puimuri",
    "machine", "machinery", "oven", "roof", "building", "lathe", "equipment", "truck", "tractor", "excavator",
)  # fmt: skip
_THING_BEFORE = re.compile(r"\w*(?:" + "|".join(_THINGS) + r")\s+(?:(?:on|is|oli|ovat|are|was)\s+)?$")
_ENGLISH_TRADES = (
    "bakery", "cafe", "café", "restaurant", "shop", "store", "salon", "workshop", "sawmill", "hotel", "farm",
    "guesthouse", "studio", "agency", "practice", "clinic", "brewery", "factory", "boutique", "pizzeria", "bar",
)  # fmt: skip
# "a 2-year-old company", "a two-year-old software oy": the company's age (a person's age is read elsewhere)
_YEARS_OLD_COMPANY = re.compile(
    _START
    + _NUMBER
    + r"[ -]years?[ -]old\s+(?:[a-z-]+\s+)?(?:company|firm|business|startup|oy|tmi|sme|enterprise|"
    # ... or a trade's business ("a 2-year-old bakery in Puumala"); a person's age is read elsewhere
    + "|".join(_ENGLISH_TRADES)
    + r")\b"
)
# months old ("tmi vasta 3kk vanha", "a company 5 months old"): this year's, a new company
_MONTHS_OLD = re.compile(_START + r"\d{1,2}\s*(?:kk|kuukau\w*|months?)\s+(?:vanha\w*|old)\b")
# founded last year ("perustettu viime vuonna", "viime vuonna perustettu oy", "started last year"): a year old
_FOUNDING = (
    r"(?:perustettu|perustettiin|perustin|perustimme|perusti|aloitti|aloitin|aloitimme|aloittanut|rekisteroi\w*"
    r"|founded|established|started|registered|set up)"
)
_LAST_YEAR = re.compile(
    _START + _FOUNDING + r"\s+(?:\w+\s+)?(?:viime vuonna|last year)\b|\bviime vuonna\s+" + _FOUNDING
)
# founded some years ago ("toiminimi perustettu vuosi sitten", "kolme vuotta sitten perustettu oy", "founded two
# years ago"): that many years old
_YEARS_AGO = re.compile(
    _START
    + _FOUNDING
    + r"\s+(?:\w+\s+)?(?:(?:"
    + _NUMBER
    + r"\s*(?:vuotta|v|years?)|(?:vuosi|vuoden|a\s+year))\s+(?:sitten|ago)\b)"
    + r"|(?:"
    + _NUMBER
    + r"\s*(?:vuotta|v)|vuosi)\s+sitten\s+"
    + _FOUNDING
)
_PANDEMIC = re.compile(r"(?<![\w-])(?:korona|covid|pandemi)")
PANDEMIC_LAST_YEAR = 2021


# A person's age: "58-vuotiaalle", "16v nuorelle", "kesätyöntekijä 16v", "aged 19", "a 17-year-old". Not a company's
# ("30-vuotias perheyritys") or its owner's ("58-vuotias yrittäjä"): those are followed by the word.
_PERSON_WORDS = (
    r"(?:nuor|koululai|tyontekij|henkilo|hakij|opiskelij|harjoittelij|\w*duunar|\w*tyoto|\w*tyott"
    r"|nainen|naisen|mies\b|miehen)"  # "palkata ukrainalaisen naisen, 41 v"
)
# ... or after the person: "kesätyöntekijä 16v", "harjoittelija 17 v."
_PERSON_AGE = re.compile(
    _START + r"(?:(\d{2})\s*-?\s*(?:vuotia\w*|years?[ -]old)\b|aged\s+(\d{2})\b"
    r"|(\d{2})\s*-?\s*v\s+(?:tayttane\w*\s+|tayttav\w*\s+)?(?=\w*" + _PERSON_WORDS + r")"
    r"|\w*" + _PERSON_WORDS + r"\w*,?\s+\(?(\d{2})\s*-?v\b"  # and "5 nuorta (16 v)", "naisen, 41 v"
    r"|(?:(?<=yli )|(?<=over )|(?<=alle )|(?<=under ))(\d{2})\s*-?\s*v\b)"  # "palkkatuki yli 55v": a bound said
)
_NOT_A_HIRE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:" + _COMPANY + r"|yrittaj|omistaj|viljelij|isant|emant|entrepreneur|owner|farmer)"
)


_SCHOOLCHILD = re.compile(_START + r"(?:\w*koululai\w*|\w*luokkalai\w*|schoolchild\w*|school pupils?)")
SCHOOLCHILD_AGE = 15
_UNDER_BEFORE = re.compile(r"(?:alle|under|below)\s+$")
_OVER_BEFORE = re.compile(r"(?:yli|over|above)\s+$")


# An age range of hires ("kesäduunaria 16–19 v"): the youngest decides, as a service from 18 up is not for
# a group that starts at 16
_AGE_RANGE = re.compile(r"(?<!\d)(\d{2})\s*[-–]\s*(\d{2})(?=\s*-?\s*(?:v\b|vuotia|years?[ -]old))")


def _person_age(text: str) -> int | None:
    text = _AGE_RANGE.sub(r"\1", text)
    for match in _PERSON_AGE.finditer(text):
        if _NOT_A_HIRE_AFTER.match(text, match.end()):
            continue
        age = int(match.group(1) or match.group(2) or match.group(3) or match.group(4) or match.group(5))
        before = text[max(0, match.start() - 8) : match.start()]
        # "alle 30-vuotias" is anyone younger: the oldest of them stands for the rest against a range
        return age - 1 if _UNDER_BEFORE.search(before) else age + 1 if _OVER_BEFORE.search(before) else age
    # A schoolchild ("koululainen", "yläkoululainen") is under 18 when the question gives no age
    return SCHOOLCHILD_AGE if _SCHOOLCHILD.search(text) else None


# The age of the farmer or successor who applies, said next to the word for them ("jatkaja on 43 v", "viljelija 44 v
# ottamassa tilan", "38-vuotias jatkaja", "the successor is 45"); not the retiring owner's ("isäntä 67v jää eläkkeelle")
_APPLICANT = r"(?:\w*jatkaj\w*|\w*viljelij\w*|hakija\w*|successor|farmer|young farmer)"
_AGE_SAID = r"(\d{2})\s*-?\s*(?:v\b|vuotia\w*|years?[ -]old\b)"
_APPLICANT_AGE = re.compile(
    r"\b"
    + _APPLICANT
    + r"\s+(?:on\s+|is\s+)?\(?"
    + _AGE_SAID
    + r"|\b"
    + _AGE_SAID
    + r"\s+(?:\w+\s+)?"
    + _APPLICANT
    + r"|\b"
    + _APPLICANT
    + r"\s+(?:is|on)\s+(\d{2})\b"
)


def _applicant_age(text: str) -> int | None:
    match = _APPLICANT_AGE.search(text)
    return int(next(group for group in match.groups() if group)) if match else None


def read_written_facts(text: str, lexicon: Lexicon, today: date | None = None) -> WrittenFacts:
    """The employee's origin and the company's age in `text`; an age from a founding year needs `today`."""
    folded = fold(text)
    patterns = _patterns(lexicon)
    origin = _origin(folded, patterns)
    age, age_words = _age(folded, patterns, today)
    return WrittenFacts(
        origin.origin,
        age,
        frozenset(origin.words | age_words),
        bool(origin.words),
        origin.people,
        origin.market,
        _person_age(folded),
        origin.market_area,
        origin.named_area,
        _applicant_age(folded),
        origin.company_abroad,
    )
