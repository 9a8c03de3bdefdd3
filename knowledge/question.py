"""Reading a question: which words carry its topic, which needs it names, what it says about the company.

The order matters and each step is a rule, not a score:
1. an ambiguous word (the lexicon's [senses]) keeps its meaning only with one of its context words;
2. a word with a stop-word reading ("uusi" may be the verb "uusia") is no topic;
3. a compound that is itself a trigger word is read whole ("yrityskauppa" is no shop);
4. a need found only inside a compound ("kone" in "laitehankinta", "some" in "somemarkkinointi")
   counts only with a business context, a place or another need ("tietokone on rikki" asks for
   nothing), and never inside a word that names the company ("ohjelmistoyritys" is a software
   company, not a need for software);
5. words that say who the company is (sector, stage, size, place, employee origin, age) are
   context: they filter and re-rank, and weigh little as topics, so that the need dominates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from knowledge.asides import (
    WORK_STEMS,
    around,
    askers_trade,
    asks_only_about_a_place,
    begun_words,
    business_developed,
    coming_to_work,
    competitor_opened,
    event_started,
    good_news_clauses,
    greeted_from,
    home_news_clauses,
    in_place_of,
    our_network,
    stays_away,
    where_to_begin,
    work_started,
    writing_from,
)
from knowledge.company_facts import NUMBER_WORDS, is_nationality, read_written_facts
from knowledge.eligibility import YOUNG_STAGES
from knowledge.errands import (
    ErrandReader,
    asks_definition,
    asks_statistics,
    asks_weather_or_a_brand,
    is_calculation,
    is_tech_support,
)
from knowledge.facets import (
    RENOVATION_STEMS,
    Facets,
    company_form,
    family_places,
    is_destination,
    is_municipality,
    is_place,
    moved_from,
    others_things,
    read_facets,
)
from knowledge.lexicon import Lexicon
from knowledge.negation import BURDEN_STARTS, NEGATIONS, burdens_not_had, denied_need_words, denied_words
from knowledge.own_business import own_business_begun, own_business_wished, own_work_started
from knowledge.partner_leaving import partner_leaving
from knowledge.repayment import DISTRESS_NEED, loans_owed
from knowledge.staff_loss import PARTNER_STARTS, PARTNER_WORDS, asks_to_keep_staff, replacement_words
from knowledge.text import (
    GUESS_ENDING_LETTERS,
    Analyzer,
    EnglishAnalyzer,
    Stems,
    WordAnalysis,
    analyse_text,
    common_prefix_length,
    english_stem,
    fold,
    guessed_form,
    is_among,
    person_and_thing,
    same_stem,
    tokens,
)
from knowledge.told_needs import told_needs
from knowledge.vocab import FARM_SECTOR, FARMING

# Words before a number of people that seek them: "tarvitsee 4 hitsaajaa", "palkkaa 2 uutta".
HIRE_CUES = (
    "tarvi", "tarvits", "etsi", "hake", "hae", "hauss", "palka", "palkk", "rekry", "uut", "uus", "lisä", "need", "hire",
    "hiring", "look", "recruit", "new", "more", "seek", "pula", "puute", "vaje", "shortage", "lack", "bring",
    "tulis", "tulossa", "saapuu",  # people coming ("sulkavalle tulis virosta 2 kirvesmiestä")
)  # fmt: skip
NEW_ONES = ("uut", "uus", "lisa", "new", "more")  # "kaksi uutta ihmistä", "two more people"
# "hitsaajia ei löydy": a shortage is a hire sought too; and so are none to be had from anywhere, applicants who do
# not come and a job ad ("hitsaajia ei saa mistään, TE:n ilmotus ollu 3 kk auki eikä yhtään hakijaa")
SEEKING_CUES = (*HIRE_CUES, "loyd", "loyt", "mistaan", "hakij", "ilmoitus", "ilmotus", "tyopaikkailmo")
OWN_FUNDS = frozenset({"raha", "rahat", "varat", "paaoma", "funds", "money"})  # "omat rahat": no private thing
MADE_TO_SELL = frozenset({"myyntiin", "myytavaksi", "kauppaan", "kauppoihin"})  # things made to sell (folded)
SIDE_LINE_ENDS = ("yrittajyyden", "yrittajyytta", "yrittajaksi")  # a line begun beside the farm ("hakeyrittäjyyden")
# ... or its crop processed, a side business, something sold ("jalostaa", "sivubisneksenä", "alkaa myydä polttopuita")
FARM_NEW_LINE_STARTS = ("jalost", "sivu", "myy")
# a farm's building or yard to another use ("tyhjä navetta, voisko siitä saada jotain muuta tuloa"): a new line
FARM_NEW_USE = re.compile(
    r"\b(?:muuta|lisaa|uutta|jotain)\s+(?P<use>tuloa|tuloja|kayttoa|lisatuloa)\b|\b(?P<extra>lisatuloa|sivutuloa|sivutuloja)\b"
    r"|\btyhja\w*\s+(?P<empty>navetta|navetan|sikala|kanala|pihatto|konehalli|aitta)\b"
)
NOT_GOT = frozenset({"saa", "saada", "saatu", "saaneet"})  # none to be had ("ei saa kuskeja")
SOUGHT_CUES = ("etsi", "tarvi", "tarvits", "hake", "hae", "vuokra", "looking", "need")  # a thing sought
# a person's own papers: "oma veroilmoitus" is the asker's, though the question names employers ("oma auto
# yrityksen käytössä" may be the company's business)
PERSONAL_PAPERS = ("veroilmoitu", "passi", "henkilokort", "elakehakemu", "tyottomyysetuu")  # folded, as typed
# one's own holiday home, sold or taxed ("oman kesämökin myynti, luovutusvoittovero"), unless it is let to guests
OWN_HOMES = (
    *("kesamok", "vapaa-ajanasun", "omakotitalo", "asunto", "asunno"),  # "lainaa omaan asuntoon"
    *("vuokra-asun", "kaksio", "kolmio", "yksio", "rivitaloasun", "kerrostaloasun"),  # "omasta kaksiosta"
)
# a cottage or a home as typed, not a business on one ("mökkikylä", "mökkivuokraus", "kotisivut")
OWN_COTTAGE = frozenset(
    {"mokki", "mokin", "mokkia", "mokille", "mokilla", "mokilta", "mokista", "mokkiin"}
    | {"koti", "kodin", "kotiin", "kotia", "kodissa", "kodille", "kotona"}
)
LETTING_STEMS = ("vuokra", "rent", "majoitu", "airbnb", "matkail", "touris", "guest")
# ... not one's own lease or rented home ("vuokrasopimuksen irtisanominen omasta kaksiosta")
TENANCY_STEMS = ("vuokrasopimu", "vuokra-asun", "vuokrasuhte", "vuokralai", "vuokranantaj")
ESTABLISHED_YEARS = 5  # a company this old is no start-up, whatever service it names
SAID_REACH = 7
COPULA_FORMS = frozenset({"on", "oli", "ovat", "olivat", "are", "is"})
CUSTOMER_STEMS = ("asiakkaille", "asiakkaiden", "asiakkaalle", "customers", "clients")
RETIRED_FORMS = frozenset({"elakkeella", "elakkeelta", "retired"})  # being retired, or back from it (folded)
ENGLISH_COMPANY_WORDS = frozenset({"company", "firm", "business", "enterprise", "startup"})
ORIGIN_REACH = 2  # a country this near after a number of workers is whence they come ("2 hitsaria Virosta")
FROM_ENDINGS = ("sta", "lta")  # "Virosta", "Filippiineiltä" (folded); in English "from Estonia"
FAIR_PLACE_REACH = 2  # a town this near the fair word is where the fair is
# "meillä on", "we have": the people that follow (within STAFF_REACH words) are the company's staff
COUNT = re.compile(r"^\d{1,3}(?:-\d{1,3})?$")  # "3", "2-3"
SOUGHT_REACH = 2  # a hiring word this near before the number: "tarvitaan 2-3 henkilöä", "also need 2 persons"
STAFF_HAD = frozenset({("meilla", "on"), ("heilla", "on"), ("we", "have"), ("we", "employ"), ("they", "have")})
# ... and those hired already ("newly hired Ukrainian workers", "vasta palkatut työntekijät"): staff had, the
# participle with them
HIRED_WORDS = frozenset({"hired", "palkatut", "palkatuille", "palkattu", "palkatuista", "palkattujen"})
STAFF_REACH = 8
HIRED_REACH = 3  # "newly hired Ukrainian workers"
IDEA_WORDS = frozenset({"idea"})
EMPLOYER_DUTY_STEMS = ("velvoit", "velvolli", "tyonantajavelvoit", "obligation", "duties")  # what an employer must do
AS_EMPLOYER = ("tyonantajana",)  # "mitä työnantajana pitää hoitaa": an employer's duties asked beside the hire
CONTEXT_FACTOR = 0.3  # how much a word that tells who the company is counts as a topic
# Needs about hiring: with one of them a foreign country is where the employee comes from
# (recruiting abroad); without, it is where the company sells (export).
# Needs with aid of their own, which a bare "tukea" beside them asks for ("energiaremonttiin tukea")
AIDED_NEEDS = frozenset({"energy", "investment", "rnd"})
# what a purchase costs: the verb or the noun, then a sum within three words
PRICE_STARTS, PRICE_REACH = ("maksa", "maksoi", "hinta", "hintaa", "kustan", "cost", "price"), 3
FOUNDER_STEMS = ("yrittaj", "entrepreneur", "founder", "perustaj", "self-employ")
PLAIN_MONEY = frozenset({"raha", "money"})  # money, which is no aid of its own kind
# where money goes: the illative ("rekkaan", "koneeseen", "autoon", "palkkoihin"), folded
ILLATIVE = re.compile(r"(?:([aeiouy])\1n|seen|siin|hin|hen|han|hon|hun)$")
WAGE_LEMMAS = frozenset({"palkka", "palkkaus", "palkkakulu", "palkkakustannus", "tyovoimakulu"})
MONEY_NEEDS = frozenset({"development_grant", "loan"})  # what a word for money alone ("rahoitus", "tukea") names
SELLER_WORDS = frozenset({"myyja", "seller"})  # in a change of owner, the one who sells the company
# A founder's own permit: "residence permit for self-employment", "yrittäjän oleskelulupa" (no one is hired)
PERMIT_WORDS = frozenset({"oleskelulupa", "tyolupa", "kausityolupa", "permit", "residence"})
SELF_EMPLOYED_WORDS = frozenset({"self-employment", "self-employed", "elinkeinonharjoittaja", "itsensatyollistaja"})
FOUNDER_GENITIVES = frozenset({"yrittajan", "perustajan", "elinkeinonharjoittajan"})
# Who may buy a company ("ulkomainen ostaja", "a foreign investor"), as written
COMPANY_BUYERS = ("investor", "sijoittaj", "ostaj", "buyer", "acquirer")
GOODS_BUYERS = ("ostaj", "buyer")  # with goods sold to a country, its buyers are customers ("ei tunne sieltä ostajaa")
COMPANY_SOLD = frozenset({"yritys", "firma", "liiketoiminta", "yhtio", "osake", "company", "business"})
INVESTOR_STEMS = ("investor", "sijoittaj", "investment")  # "a foreign investor", "foreign investment" come here
ENFORCEMENT_STARTS = ("ulosot", "enforcement", "bailiff")
OTHER_STARTS = ("muita", "muitakin", "muut", "other")
IN_PLACE_FORMS = frozenset({"tilalle", "tilalla", "tilalta"})  # of "tila": in place of, no space asked for
# "yrittäjä henkilökohtaisena takaajana", "henkilökohtainen takaus", "personal guarantee": the person's own debt
PERMIT_HAD = re.compile(
    r"\b(?:has|have|with|holds?) (?:a |an |the )?(?:valid )?(?:residence|work) permit"
    r"|\bjolla on (?:jo )?(?:voimassa oleva )?(?:oleskelu|tyo)lupa|\b(?:oleskelu|tyo)lupa on jo\b"
    r"|\boleskeluluvan saanut"
)
# People who live here already, or have the right to work under temporary protection, are hired in Finland: no
# employee's permit and no EU/EEA mobility ("Ukrainian workers who already live in Finland", "tilapäistä suojelua
# saava")
RESIDENT = re.compile(
    r"\btemporary protection|\btilapai\w* suojel|\btilapaissuojel"
    r"|\b(?:already )?(?:live|living|lives|resident) in finland|\basu(?:u|vat) (?:jo )?suomessa|\bsuomessa (?:jo )?asuv"
    # a jobseeker here, unemployed for long ("a long-term unemployed Syrian man")
    r"|\blong-term unemployed|\bpitkaaikaistyoto"
    # a refugee is here already, with the right to work or a permit of one's own ("ukrainalainen pakolainen")
    r"|pakolai|\brefugee"
)
# Whether to go on at all is the owner's doubt, no successor's continuing ("kannattaako jatkaa", "should she continue")
WHETHER_TO_CONTINUE = re.compile(
    r"\b(?:kannatta\w*|pitais\w*|pitaisko|jaksaako|should|whether|worth)\s+(?:(?!kuka\b|who\b)\w+\s+){0,2}?"
    r"(?:jatka\w*|continu\w*)"
)  # not who carries on ("pitäisi miettiä, kuka jatkaa kun jään pois"): a successor sought
# A bank that will not lend asks for a guarantee beside the loan ("eikä pankki anna lainaa", "the bank refused")
BANK_REFUSED = re.compile(
    r"\bpankki\w*(?:\s+\w+){0,2}?\s+(?:ei|eika|eivat)\s+(?:\w+\s+)?(?:ann|anta|myonn|myont|lahd|lahe|suostu|rahoit|rahot)"
    r"|\b(?:ei|eika)\s+(?:\w+\s+)?pankki\w*\s+(?:ann|anta|myonn|lahd|lahe|suostu|rahoit|rahot)"
    r"|\bbanks?\s+(?:\w+\s+)?(?:refused|declined|rejected|said no|won't lend|will not lend|turned)"
    r"|\bpankki\w*\s+(?:\w+\s+)?(?:sano\w*\s+ei|kieltaytyi|torjui|hylkasi)\b"  # "pankki sano ei"
)
BANK_WORDS = frozenset({"pankki", "bank"})
# language taught to the staff ("suomen kielen koulutusta työpaikalla", "Finnish language course for 10 foreign
# workers"): training for staff had, no hire from abroad
LANGUAGE_TRAINING = re.compile(
    r"\b(?:suomen\s+kiel\w*\s+(?:koulut|kurss|opet|opisk)|kielikoulut|kielikurss|kieliopet"
    r"|language\s+(?:course|training|lesson|class)|finnish\s+(?:course|lesson|class|training))"
)
HIRE_SAID_STEMS = (
    *("palkkaa", "palkata", "palkkaam", "palkkais", "palkkatu", "rekry", "recruit", "oppisopim"),
    *("apprentic", "tyolupa", "oleskelulupa", "permit"),
)  # a hire asked for in so many words
# owners who take on no more debt ("omistajat ei halua ottaa enää lisää lainaa", "no more loans"): capital from
# an investor is what is left, and a partner who joins is one
NO_MORE_DEBT = re.compile(
    r"\b(?:ei|eivat|eika)\s+(?:\w+\s+)?(?:halua|haluu|haluta|aio|voi)\s+(?:\w+\s+){0,3}?(?:lisa)?(?:lainaa|velkaa)\b"
    r"|\b(?:lainaa|velkaa)\s+(?:\w+\s+)?(?:ei|eivat)\s+(?:\w+\s+)?(?:halua|haluta|haluu)\b"
    r"|\b(?:no|not|don't|do not|won't)\s+(?:want\s+|take\s+)?(?:on\s+)?(?:any\s+)?(?:more|additional|further)"
    r"\s+(?:debt|loans?)\b"
)
NEW_PARTNER_STARTS = ("osakk", "omistajanvaihdo", "partner")
# the staff cannot yet do what the work asks ("porukka ei osaa käyttää uutta cnc-konetta", "porukan osaaminen ei
# riitä uusiin koneisiin", "staff don't know how to use the new system"): training for the staff had
STAFF_SKILL_LACKING = re.compile(
    r"\b(?P<staff>(?:henkilost|henkilokun|porukk|porukan|tyontekij|duunar|vaki\b|vaen|asentaj|myyjat|myyjamme|staff"
    r"|employees|workers|salespeople)\w*)"
    r"\s+(?:\w+\s+)?(?:(?:ei|eivat|eika)\s+(?:\w+\s+)?(?:osaa|osata|hallitse|taida|oppinut|oppineet|oppinu|opi)\b"
    r"|osaami\w*\s+(?:ei|eivat)\s+riit"
    r"|(?:don't|do not|can't|cannot)\s+(?:yet\s+)?(?:know how|use|operate|handle))"
)
# ... none of them can ("eikä kukaan porukasta osaa käyttää niitä"); not one person's skill ("kukaan muu ei osaa")
STAFF_NONE_CAN = re.compile(
    r"\b(?:ei|eika)\s+kukaan\s+(?P<staff>(?:porukast|henkilokunnast|henkilostost|tyontekijoist|vaest)\w*)"
    r"\s+(?:\w+\s+)?(?:osaa|osata|hallitse)"
    # ... or the negation first ("uudet koneet tulee syksyllä eikä porukka osaa käyttää niitä")
    r"|\b(?:ei|eika|eivat)\s+(?P<staff_after>porukka|henkilosto|henkilokunta|tyontekijat|vaki|asentajat)\s+"
    r"(?:\w+\s+)?(?:osaa|osata|hallitse)"
    # ... or nobody can use what was bought ("osti uudet CNC-koneet mutta kukaan ei osaa käyttää niitä")
    r"|\bkukaan\s+(?:ei|eika)\s+osaa\s+(?P<use>kayttaa|ohjelmoida|ajaa|huoltaa|kayttamaan)\b"
)
SKILL_OBJECT_REACH, INVESTED, DIGITAL = 6, frozenset({"investment"}), frozenset({"digitalisation"})
DEBT_STARTS = ("velka", "velkaa", "lisavelka", "debt")  # the debt not taken on is no trouble had
# a customer's, see above; also said of it ("ilmoitti lopettavansa sopimuksen")
STOP_STEMS = (
    *("lopetti", "lopettivat", "lopettanut", "lopettaneet", "stopped", "quit"),
    *("lopettavansa", "lopettavat", "lopettamassa"),
)
ENDED_STEMS = ("irtisano", "peru", "cancel", "terminat")  # ... a contract ended by a customer
CONTRACT_STARTS = ("sopimu", "soppar", "tilau", "contract", "order")
LOST_STEMS = ("menetti", "menettanyt", "menettaneet", "menettivat", "lost")  # ... or lost
TAKEN_FORMS, RIVAL_STARTS = frozenset({"vei", "vienyt", "took"}), ("kilpailij", "competitor")  # ... or taken by a rival
# an employee's health said ("työntekijän selkä reistailee", "työntekijällä selkä kipeä", "our worker is ill"), or
# the staff's ("yks työntekijä ollu paljon saikulla ja muu porukka alkaa väsyä", "the staff are exhausted"), or one
# who died ("työntekijä kuoli yllättäen, muut ihan järkyttyneitä"): the work community's wellbeing, no hire
STAFF_HEALTH = re.compile(
    r"\b(?:tyontekij|duunar|employee|worker|porukk|henkilost|henkilokun|staff)\w*\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<health>(?:selka|kipe|sairast|sairaus|sairas\b|sairaana|sairaslom|saik|loukkaan|uupu|jaksa|vasy|back\b"
    r"|hyvinvoin|tyokyky|tyokyvy|jaksami"
    r"|injur|ill\b|sick|tired|exhaust|burn|kuol|menehty|died)\w*)"
)
EXPORT_SHARE = re.compile(r"(\w+)\s+(?:share\s+|osuus\s+)?\d{1,3}(?:[,.]\d)?\s*(?:%|prosent)")  # "vientiä 40%"
PERSONAL_GUARANTEE = re.compile(r"\bhenkilokohtai\w*\s+(?:\w+\s+)?taka|\btakaaja\w*\b|\bpersonal(?:ly)? guarant")
# An investor that locates a site, unless shares or capital are spoken of
INVESTORS = frozenset({"investor", "sijoittaja", "investointi", "investment"})
EQUITY_MONEY_WORDS = frozenset({"paaoma", "osake", "osakeanti", "capital", "shares", "equity", "funding", "rahoitus"})
# A part of the company sold ("osan osakkeista", "a minority stake") where capital is sought is an equity round
PART_WORDS = frozenset({"osa", "vahemmisto", "vahemmistoosuus", "part", "minority", "stake"})
CAPITAL_WORDS = frozenset(
    {"paaoma", "sijoittaja", "kasvu", "kasvurahoitus", "capital", "investor", "growth", "funding"}
)
# a farm's line of production stopped ("lypsykarjatila lopettaa maidontuotannon", "mietimme lypsyn lopettamista"): the
# farm changes line, which the rural services advise on; no company closes
FARM_LINES = frozenset(
    {"tuotanto", "maidontuotanto", "lypsy", "lypsaminen", "karjanpito", "karjatalous", "viljely", "sikatalous"}
    | {"lihantuotanto", "naudanlihantuotanto", "sianlihantuotanto", "munantuotanto", "sikala", "kanala", "navetta"}
    | {"lypsykarja", "karja", "emolehma", "lihakarja"}
)
# ... and the same lines as a guessed word shows them, graded stems too ("maidontuotannon")
FARM_LINE_LETTERS = ("tuotan", "tuotant", "lypsy", "lypsa", "karjanpi", "karjatal", "viljel", "sikal", "kanal", "navet")
STOPPING_STARTS, FARM_LINE_REACH = ("lopet", "luopu"), 2
EMPLOYER_CLOSING = ("lopet", "lakkaut", "sulke", "konkurs", "irtisan")  # an old employer's end, for one gone on alone
UNPROFITABLE, UNPROFITABLE_REACH = frozenset({"kannata", "kannattanut", "kannattais", "kannattaisi"}), 3
UNPROFITABLE_NEGATIONS = NEGATIONS | {"ettei"}  # "ettei viljely enää kannata"
LAY_OFF_LEMMAS = frozenset({"lomautus"})  # what work running out for the staff means ("kolmelle ei oo hommia")
HIRING_NEEDS = frozenset({"recruitment", "recruiting_abroad", "wage_subsidy", "apprenticeship"})
JOINED_HEAD_LETTERS = 3  # a compound written apart: its second word shares this much of the head, or all of it
INFLECTION_LETTERS = 3  # plain analyser: a stop word with up to this many letters more is that stop word
COMPOUND_END_LETTERS = 6  # a guessed word ending in a listed word this long is a compound on it ("koneurakointia")
BUSINESS_END_LETTERS = 6  # "pienyrittäjä" ends in "yrittäjä": a company word, though not split
# Only words that are no Finnish words: "on", "me", "se" and "no" are both.
_ENGLISH_MARKER_TEXT = """
the a an and or any we our us you your they their it its that this there who which need needs want
wants for with where how can could should would will what is are was be has have to of i my in
from at by do does about into if but
"""
ENGLISH_MARKERS = frozenset(_ENGLISH_MARKER_TEXT.split())
# Telegraphic English has few function words ("Client: Oy, 15 staff. Needs 1) bank loan guarantee"): its
# common business words, none of them Finnish, count as markers too.
_ENGLISH_BUSINESS_TEXT = """
staff employees workers help advice bank loan guarantee funding grant grants support company business client
customer hire hiring recruiting export exports starting start-up training owner new
"""
ENGLISH_BUSINESS_WORDS = frozenset(_ENGLISH_BUSINESS_TEXT.split())


@dataclass(frozen=True)
class QuestionWord:
    """A word of the question that may match the provider files, with how much it counts."""

    analysis: WordAnalysis
    factor: float  # 1.0 for a topic or need word, CONTEXT_FACTOR for a word about the company
    scored: bool  # False for a place or a headcount: matched in phrases only, never scored alone
    needs: frozenset[str] = frozenset()  # the needs this word named: it means them, not other things


@dataclass(frozen=True)
class Understanding:
    """What was understood of a question."""

    words: tuple[QuestionWord, ...]
    needs: dict[str, float]
    facets: Facets
    business: bool  # the question is about a company (a business context)
    need_sources: tuple[frozenset[str], ...] = ()  # the needs each need word (or a named country) gave
    private: bool = False  # the question says it is a private person's own matter
    private_subject: bool = False  # it is about a private person's subject, and not about a company
    errand: bool = False  # it asks the bot to write something or recommend a place, which no service does
    defines: bool = False  # it asks what a word means: a service answers only when it names the service
    municipal: bool = False  # it asks what the municipality itself offers ("onko kunnalla …")
    denied_needs: frozenset[str] = frozenset()  # needs the question says it does not have ("lainaa eivät halua")
    farm_said: bool = True  # it names a farm or farming: without one, no farm-only service is shown


# A compound on a permit names the trade it is for ("taksilupa"), as a word for the company would.
PERMIT_HEADS = frozenset({"lupa", "license", "licence", "permit"})
NEED_PARTS_SAY_IT = 2  # compound parts that name needs, which make the compound a need said outright
SHORT_FRONT_LETTERS = 5  # a sector word this short begins many other words ("tila": "tilaus", "tilasto")
TRADE_HEAD = "palvelu"  # "kotihoitopalvelu", "siivouspalvelu": a trade offered, which names the company's sector
# Words for a farm itself: a forest owner who names one has a farm with a forest (folded base forms).
FARM_WORDS = frozenset(
    {"maatila", "maatalous", "viljelija", "tilallinen", "maatalousyrittaja", "farm", "farmer", "navetta", "pihatto"}
)
FARM_STEMS = ("maatil", "maatalou", "farm")  # ... as typed, for the plain analyser ("maatilan")
# What is moved when a company moves: the company, its operations or its production.
COMPANY_OBJECTS = frozenset(
    {"yritys", "firma", "yhtio", "toiminta", "tuotanto", "liiketoiminta", "company", "business"}
    | {"verkkokauppa", "liike", "myymala", "varasto", "tehdas", "konttori"}  # "muuttaa verkkokaupan Mäntyharjulle"
)
MOVE_STEMS = (
    "muutta",
    "muutam",
    "muutet",
    "siirta",
    "siirra",
    "siirre",
    "move",
    "relocat",
)  # with the company as object and a place: where to
SUBJECT_REACH = 2  # "firma on muuttamassa"
BUSINESS_FRONT_LETTERS = 6  # "yrittäjä-", "yritys-" begin compounds about a business; "liike-" also "liikenne"
LONG_FRONT_LETTERS = 10  # a trigger this long at a compound's front names its need, however it is split
ROOF_WORDS = frozenset({"katto", "roof", "seina", "wall"})  # after a building: where panels go
GENITIVE_END = "n"  # the building whose roof it is ("hallin katolle")
FARM_PEOPLE = (
    *("eman", "isan", "omistaj", "vaki", "vaen", "poika", "pojan"),
    *("tytar", "tyttar", "lapset", "jatkaj", "nuor"),
)
# what is beside or on a farm, not its own ("maatilan yhteydessä pyöritetään konekorjaamoa")
BESIDE_WORDS = frozenset(
    {"yhteydessa", "yhteyteen", "yhteydesta", "ohella", "ohessa", "lisaksi", "puolella", "alueella", "pihalla"}
    | {"pihaan", "pihapiirissa", "pihapiiriin", "mailla", "maille", "kautta", "vieressa", "sivussa", "rinnalla"}
)
RENOVATION_REACH = 3
VISITOR_SECTORS = frozenset({"tourism"})  # a sector whose customers from abroad travel to it
COMPANY_FORM_WORDS = frozenset({"oy", "tmi", "ky", "ay", "oyj", "osuuskunta", "ltd"})  # after the company's sector
NOT_FARM_HEADS = frozenset({"liike", "toimisto"})  # a compound on a shop or an office names no farm
MY_WORDS = frozenset({"my", "mun", "minun"})  # "mun oma auto": the asker's own, said twice
OWN_STAFF_WORDS = frozenset({"our", "my", "their"})  # "our employees": the staff a company has
OWN_STAFF_REACH = 3
OWN_ENDINGS = ("nsa", "mme", "nne")  # a possessive suffix: "hitsaajansa", "työntekijämme" are the staff had
# What a company that exists starts or opens: a sales channel online ("vaateliike perustaa verkkokaupan") or
# an activity ("leipomo aloittaa toimitukset Helsinkiin"); no new company is founded
ACTIVITY_WORDS = frozenset(
    fold(word)
    for word in {
        "verkkokauppa", "nettikauppa", "verkkosivu", "kotisivu", "nettisivu", "webshop", "webstore",
        "toimitus", "vienti", "tuonti", "tuotanto", "valmistus", "yhteistyö", "tuotekehitys", "palvelu",
        "suoramyynti", "verkkomyynti", "jalostus", "sales",
        "catering", "kuljetus", "exports", "exporting", "deliveries", "production",
    }
)  # fmt: skip
ALLATIVE_ENDINGS = ("lle", "lleen", "lleni", "llemme")  # the allative: to whom, not what
ABLATIVE_ENDINGS = ("lta", "ltamme")  # the ablative: from whom ("ostaa puuta sahalta"), not what
CONJUNCTIONS = frozenset({"ja", "seka", "tai", "and", "or"})  # a modifier's reach ends at one after its first word
OBJECT_BEFORE_NOUNS = frozenset({"myynti"})  # a noun whose object is the genitive before it ("yrityksen myynti")
VERBAL_NOUN_ENDS = ("minen", "misen", "mista", "miseen", "misessa", "misesta", "misella")
FINNISH_IN_ENGLISH_LETTERS = 7  # a word this long that Voikko knows is Finnish, though the question is English
FINNISH_SHORT_LETTERS = 4  # a shorter word is Finnish only beside a Finnish word ("mitä lupia tarvitaan")
# one more of what the company has ("toinen ravintola", "toisen myymälän", "a second shop", "another café")
ANOTHER_STEMS = ("toinen", "toisen", "toise", "kolmas", "kolmannen", "second", "another", "third")
MODIFIER_REACH = 4  # a modifier qualifies one of the next four words ("uusi pieni yritys", "start a new business")
COMPOUND_HEAD_MIN, COMPOUND_FRONT_MIN = 5, 3
VERB_ENDINGS = ("aa", "da", "ata", "ita", "ota")  # folded first infinitives ("ostaa", "myyda", "palkata")
# A question that names no need but the company's stage asks what a company at that stage needs.
# the words of a company carried on by another ("lapset ei halua jatkaa", "jää eläkkeelle", "jatkaja")
SUCCESSION_LEMMAS = frozenset({"jatkaa", "jatkaja", "elake", "elakoitya", "sukupolvenvaihdos", "luopuja", "successor"})
OWNER_STEMS = ("omistaj", "owner")
STAGE_NEEDS = {
    "idea": "starting",
    "startup": "starting",
    "transfer": "ownership_change",
    "crisis": "financial_distress",
    # "apua kasvuun": a growing company's own development, with an adviser (a company's: "sivutulot kasvoi" is none)
    "growing": "general_advice",
}
RURAL_OF, RURAL_OF_REACH = frozenset({"maaseudun", "rural"}), 2
STAFF_BUYERS = ("tyontekij", "henkilost")  # folded, as typed: the staff as buyers ("omille työntekijöille")
STAFF_BUYING_REACH = 3  # "työntekijää ois kiinnostuneita jatkamaan"
STARTING_MODIFIERS = frozenset({"start", "new", "open", "uusi", "avata"})
TOPIC_NEED = "general_advice"  # what a question on a business-only subject (VAT, bookkeeping) and nothing else needs
# The company's form chosen ("tmi vai oy?"): start-up advice and an adviser; changed ("ky muutetaan osakeyhtiöksi"):
# an adviser
FORM_CHOICE_NEEDS = frozenset({"starting", TOPIC_NEED})
FORM_CHANGE_STEMS = ("muutta", "muutet", "muutos", "yhtioitt", "convert", "chang", "switch")  # fmt: skip


def _says_who_asks(analyses: list[WordAnalysis], index: int) -> bool:
    """The abroad word says who starts or asks ("as a foreigner", "ulkomaalaisena"): no export, no hire."""
    before = {fold(analysis.word) for analysis in analyses[max(0, index - 2) : index]}
    return "as" in before or fold(analyses[index].word).endswith(("sena", "senä"))


def _rural_business(analyses: list[WordAnalysis], names_company: Callable[[WordAnalysis], bool]) -> bool:
    """ "maaseudun mikroyritys", "rural micro business": the countryside's company, by the aids' own name no farm."""
    for index, analysis in enumerate(analyses):
        if fold(analysis.word) in RURAL_OF:
            following = analyses[index + 1 : index + 1 + RURAL_OF_REACH]
            if any(names_company(after) or fold(after.word) in ENGLISH_COMPANY_WORDS for after in following):
                return True
    return False


def _number_before(analyses: list[WordAnalysis], index: int) -> int | None:
    """Where the number that counts the word at `index` is ("12 hoitajaa"), if one does; a nationality may
    stand between ("8 ukrainalaista työntekijää", "8 Ukrainian workers")."""
    if index > 0 and _is_count(analyses[index - 1]):
        return index - 1
    if index > 1 and is_nationality(fold(analyses[index - 1].word)) and _is_count(analyses[index - 2]):
        return index - 2
    return None


def _is_own_home(word: str) -> bool:
    """The folded word is a holiday home, a house or a home ("kesämökin", "asuntoon"), no business ("mökkikylä")."""
    return word.startswith(OWN_HOMES) or word in OWN_COTTAGE


def _is_count(analysis: WordAnalysis) -> bool:
    """The word is a number, in digits or in words ("12", "five", "kolme")."""
    return analysis.word.isdigit() or fold(analysis.word) in NUMBER_WORDS


def _prices(analyses: list[WordAnalysis]) -> list[int]:
    """The words that say what something costs, with a sum after them ("maksais 200 t€", "hinta n. 80 000 e")."""
    return [
        index
        for index, analysis in enumerate(analyses)
        if fold(analysis.word).startswith(PRICE_STARTS)
        and any(later.word[:1].isdigit() for later in analyses[index + 1 : index + 1 + PRICE_REACH])
    ]


def _drop_need_words(
    indices: list[int], need_words: dict[int, frozenset[str]], whole_needs: set[str], part_needs: set[str]
) -> None:
    """The words at `indices` name no need after all: their needs stay only if another word names them."""
    if not indices:
        return
    for index in indices:
        need_words.pop(index, None)
    named = frozenset().union(*need_words.values())
    whole_needs &= named
    part_needs &= named


def _withdraw_needs(
    indices: list[int],
    needs: frozenset[str],
    need_words: dict[int, frozenset[str]],
    whole_needs: set[str],
    part_needs: set[str],
) -> None:
    """The words at `indices` no longer name `needs`; those needs stay only if another word names them."""
    for index in indices:
        need_words[index] = need_words[index] - needs
    unnamed = needs - frozenset().union(*need_words.values())
    whole_needs -= unnamed
    part_needs -= unnamed


def _in_enforcement(analyses: list[WordAnalysis]) -> bool:
    """The company's debts are in enforcement ("ulosotto alkanut", "verot ulosotossa"), not only someone else's
    ("muitakin velkoja ulosotossa" leaves the taxes open)."""
    words = [fold(analysis.word) for analysis in analyses]
    return any(
        word.startswith(ENFORCEMENT_STARTS)
        and not any(before.startswith(OTHER_STARTS) for before in words[max(0, at - 2) : at])
        for at, word in enumerate(words)
    )


def _investors_locating(analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
    """The investor words of a company that invests in a site, not in shares ("a Swedish company is considering
    a production site in Mäntyharju, who handles foreign investor enquiries?"): where it locates is asked."""
    sites = any("premises" in needs for needs in need_words.values())
    money = any(analysis.lemmas & EQUITY_MONEY_WORDS for analysis in analyses)
    if not sites or money:
        return []
    return [index for index, needs in need_words.items() if needs == {"equity"} and analyses[index].lemmas & INVESTORS]


def _own_permits(analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
    """The permit words of a founder's own permit ("residence permit for self-employment", "yrittäjän
    oleskelulupa"): no one is hired, a company is started."""
    permits = [index for index in need_words if analyses[index].lemmas & PERMIT_WORDS]
    if any(analysis.lemmas & SELF_EMPLOYED_WORDS for analysis in analyses):
        return permits
    return [index for index in permits if index > 0 and fold(analyses[index - 1].word) in FOUNDER_GENITIVES]


def _word_names_need(
    analyses: list[WordAnalysis],
    word: str,
    need: str,
    need_words: dict[int, frozenset[str]],
    whole_needs: set[str],
) -> int | None:
    """The question asks for `need`, found by a pattern on the folded question: its first word written `word`
    (folded) names it too. That word's index, or None when no word is written so."""
    index = next((index for index, analysis in enumerate(analyses) if fold(analysis.word) == word), None)
    if index is not None:
        need_words[index] = need_words.get(index, frozenset()) | {need}
    whole_needs.add(need)
    return index


def _farm_line_guessed(analysis: WordAnalysis) -> bool:
    """A guessed word shows a farm's line by its letters ("maidontuotannon"), but is not the farm ("…tila")."""
    word = fold(analysis.word)
    return not analysis.known and "tila" not in word and any(line in word for line in FARM_LINE_LETTERS)


def _unmatched(analyses: list[WordAnalysis], indices: list[int]) -> None:
    """The words at `indices` match no service's text: what they say is read already, as another need."""
    for index in indices:
        analyses[index] = replace(analyses[index], lemmas=frozenset(), parts=frozenset())


def _rename_need_words(
    indices: list[int],
    need: str,
    need_words: dict[int, frozenset[str]],
    whole_needs: set[str],
    part_needs: set[str],
) -> None:
    """The words at `indices` name `need` instead of what they seemed to ("perustaa toimipisteen":
    premises, not starting)."""
    if not indices:
        return
    _drop_need_words(indices, need_words, whole_needs, part_needs)
    for index in indices:
        need_words[index] = frozenset({need})
    whole_needs.add(need)


def _farm_sector_by_need(facets: Facets, needs: set[str]) -> Facets:
    """A farm's sector as its question's need says: a producing farm handed over to the next generation is a
    farm, whatever side business it also runs ("lammastila … pihakahvila … sukupolvenvaihdos"); a farm asking
    about tourism starts a line of business that is no farming ("viljatilan yhteyteen majoitustoimintaa")."""
    if (
        facets.farm_production in FARMING
        and "ownership_change" in needs
        and "starting" not in needs  # a farm opening a shop starts a line of business that is no farming
        and facets.sector != FARM_SECTOR
        and FARM_SECTOR not in facets.not_sectors  # not diversifying ("monialaistaa")
    ):
        return replace(facets, sector=FARM_SECTOR, not_sectors=frozenset())
    if facets.sector == FARM_SECTOR and "tourism" in needs and "ownership_change" not in needs:
        return replace(facets, sector=None, not_sectors=frozenset({FARM_SECTOR}))
    return facets


class QuestionReader:
    """Reads questions with one lexicon and analyser (their word lists folded once, here)."""

    def __init__(self, lexicon: Lexicon, analyzer: Analyzer) -> None:
        self.lexicon = lexicon
        self.analyzer = analyzer
        self.english = EnglishAnalyzer()
        self.stopwords = frozenset(fold(word) for word in lexicon.stopwords)
        self._errands = ErrandReader(lexicon, self.stopwords)
        self._long_stopwords = tuple(word for word in self.stopwords if len(word) >= 5)
        self._person_stems = tuple(fold(word)[:4] for word in lexicon.person_words)
        self._needs = {need: frozenset(fold(word) for word in words) for need, words in lexicon.needs.items()}
        self._premises_words = self._needs.get("premises", frozenset()) | {fold(lexicon.otherwise.get("tila", ""))}
        self._stage_words = frozenset(fold(word) for words in lexicon.stages.values() for word in words)
        self._sectors = {sector: frozenset(fold(word) for word in words) for sector, words in lexicon.sectors.items()}
        self._sector_words = frozenset().union(*self._sectors.values())
        self._need_words = frozenset().union(*self._needs.values())
        self._all_triggers = self._need_words | self._stage_words | self._sector_words
        self._listed_words = self._all_triggers | lexicon.business_words  # never read as a guess
        self._business_context = lexicon.business_words | lexicon.business_topics
        self._context_words = self._stage_words | self._sector_words
        self._role_words = lexicon.role_words
        self._business_stems = tuple(word[:-1] for word in lexicon.business_words if len(word) >= 5)
        business_ends = sorted(
            (w for w in lexicon.business_words if len(w) >= BUSINESS_END_LETTERS), key=len, reverse=True
        )
        self._business_end_pattern = (
            re.compile(r"(?<=\w{3})(?:" + "|".join(map(re.escape, business_ends)) + r")$") if business_ends else None
        )
        self._size_words = frozenset(
            word for words in lexicon.sizes.values() for phrase in words for word in tokens(phrase)
        )
        self._senses = {key: frozenset(fold(word) for word in words) for key, words in lexicon.senses.items()}
        # what names a farm or farming: its sector's words, the rural needs' and a farm's ("lypsy", "isäntä")
        farm_words = self._sectors.get(FARM_SECTOR, frozenset()) | FARM_WORDS | self._senses.get("tila", frozenset())
        self._farm_words = farm_words | frozenset(fold(word) for word in lexicon.needs.get("rural", ()))
        self._farm_stems = Stems(self._farm_words)
        # modifiers that start a business ("start", "open", "uusi"): any word naming a company is their context
        # (not selling's: "myydä juustoa suoraan tilalta" sells cheese, no farm)
        self._business_modifiers = frozenset(
            key for key in lexicon.modifiers if key in self._senses and key in STARTING_MODIFIERS
        )
        # the buildings that building is said of ("rakentaa navetan"), except the businesses among them ("hotelli")
        self._buildings = self._senses.get("rakentaa", frozenset()) - self._senses.get("uusi", frozenset())
        # Guessed words (the analyser did not know them) are compared by their first letters.
        self._need_of: dict[str, set[str]] = {}
        for need, triggers in self._needs.items():
            for trigger in triggers:
                self._need_of.setdefault(trigger, set()).add(need)
        self._need_stems = Stems(self._need_of)
        # Voikko knows some compounds as one word, without parts ("pienlaina"); a long trigger they end
        # in still names their need. Short ones ("kone", "tila") end too many unrelated words.
        self._compound_heads = frozenset(t for t in self._need_of if len(t) >= COMPOUND_HEAD_MIN and " " not in t)
        # a guessed compound is read by the trigger it ends in (a long one only: "matkalasku" is no "lasku"
        # of a company in distress)
        heads = sorted(
            (t for t in self._compound_heads if len(t) >= COMPOUND_END_LETTERS and t not in lexicon.senses),
            key=lambda t: (-len(t), t),
        )
        # a head is found by its stem, without a final vowel that the plural changes ("tapahtumia")
        self._head_of: dict[str, str] = {}
        for head in heads:
            self._head_of.setdefault(head[:-1] if head[-1] in "aeiouy" else head, head)
        stems = sorted(self._head_of, key=lambda stem: (-len(stem), stem))
        self._head_pattern = re.compile("|".join(map(re.escape, stems))) if stems else None
        # a long trigger at the front of a compound whose parts the analyser splits otherwise
        # ("kyberturvallisuuskoulutus": Voikko's parts are "turvallisuus" and "koulutus")
        fronts = sorted((t for t in heads if len(t) >= LONG_FRONT_LETTERS), key=lambda t: (-len(t), t))
        self._front_pattern = re.compile("|".join(map(re.escape, fronts))) if fronts else None
        # an empty head's case forms begin with all but its last two letters ("kumppani" -> "kumppaneita")
        self._company_object_stems = Stems(COMPANY_OBJECTS)
        self._business_fronts = Stems(word for word in lexicon.business_words if len(word) >= BUSINESS_FRONT_LETTERS)
        self._empty_head_stems = tuple((head, head[: max(4, len(head) - 2)]) for head in sorted(lexicon.empty_heads))
        self._context_stems = Stems(self._context_words)
        self._sector_stems = Stems(self._sector_words)
        self._business_guesses = Stems(self._business_context)
        self._abroad_stems = Stems(lexicon.abroad_words)
        self._private_stems = Stems(lexicon.private_words)
        # a private word with an empty head after it, as typed ("asumistukihakemus"); none without either list
        private_fronts = "|".join(re.escape(word) for word in sorted(lexicon.private_words))
        empty_ends = "|".join(re.escape(stem) for _, stem in self._empty_head_stems)
        self._private_compound = re.compile(
            f"(?:{private_fronts})(?:{empty_ends})" if private_fronts and empty_ends else r"(?!)"
        )
        self._private_topic_stems = Stems(lexicon.private_topics)
        self._sme_stems = Stems(lexicon.sme_words)
        self._diversifying_stems = Stems(lexicon.diversifying_words)
        self._jobseeker_stems = Stems(lexicon.jobseeker_words)
        self._trade_stems = Stems(lexicon.trade_words)
        # the beginnings of countries and regions whence hires come ("viro", "eu-mai"), for "2 hitsaria Virosta"
        self._origin_starts = tuple(
            fold(word) for words in lexicon.origins.values() for word in words if " " not in word
        )
        self._branch_stems = Stems(lexicon.branch_words)
        self._activity_stems = Stems(ACTIVITY_WORDS)
        self._town_stems = Stems(lexicon.outside_towns)
        self._not_farm_stems = Stems(lexicon.not_farm_words)
        # size phrases by the first letters of their words: "mikroyritykselle", "pienelle yritykselle"
        self._size_phrases = tuple(
            tuple(word[: max(3, len(word) - 2)] for word in tokens(fold(phrase)))
            for words in lexicon.sizes.values()
            for phrase in words
        )
        self._not_farm_ends = tuple(word[:-1] for word in lexicon.not_farm_words if len(word) >= COMPOUND_HEAD_MIN)
        self._stop_starts: dict[str, list[str]] = {}
        for stop in self._long_stopwords:
            self._stop_starts.setdefault(stop[:4], []).append(stop)

    def analyse(self, question: str) -> list[WordAnalysis]:
        """The question's words analysed: English questions by the plain analyser."""
        words = [word.strip("?.,!:;()\"'") for word in question.lower().split()]
        words = [word for word in words if any(letter.isalpha() for letter in word)]  # not "15" or "2)"
        markers = sum(word in ENGLISH_MARKERS for word in words)
        # business words only beside an English function word: "client haluaa growth funding" is Finnish
        english = markers + sum(word in ENGLISH_BUSINESS_WORDS for word in words) if markers else 0
        if not (words and english >= max(2, len(words) // 4)):
            return self._joined_compounds(analyse_text(question, self.analyzer, self.lexicon.aliases))
        analyses = analyse_text(question, self.english, self.lexicon.aliases)
        if self.analyzer.name != "voikko":
            return analyses
        # a Finnish word in an English question ("need help with yritystuen hakemus") is read as Finnish
        # when Voikko knows it; English words of this length are unknown to it
        finnish: list[WordAnalysis] = []
        for analysis in analyses:
            own = self.analyzer.analyse(analysis.word) if len(analysis.word) >= FINNISH_IN_ENGLISH_LETTERS else None
            finnish.append(replace(own, clause_end=analysis.clause_end) if own and own.known else analysis)
        # ... and so is a shorter word Voikko knows beside a Finnish one or with Finnish letters: a Finnish clause
        # in an English question ("open a ravintola, mitä lupia tarvitaan?")
        for index, analysis in enumerate(finnish):
            if not analysis.english or len(analysis.word) < FINNISH_SHORT_LETTERS:
                continue
            own = self.analyzer.analyse(analysis.word)
            beside = finnish[max(0, index - 1) : index] + finnish[index + 1 : index + 2]
            finnish_letters = any(letter in analysis.word for letter in "äöå")
            if own.known and (finnish_letters or any(not other.english for other in beside)):
                finnish[index] = replace(own, clause_end=analysis.clause_end)
        return finnish

    def _joined_compounds(self, analyses: list[WordAnalysis]) -> list[WordAnalysis]:
        """A compound written apart is the compound ("sukupolven vaihdos", "palkka tukea"): two neighbouring
        words whose joined form is a need word are read as that word."""
        joined: list[WordAnalysis] = []
        index = 0
        while index < len(analyses):
            first = analyses[index]
            second = analyses[index + 1] if index + 1 < len(analyses) and not first.clause_end else None
            word = self._joined_need_word(first, second) if second is not None else None
            if second is None or word is None:
                joined.append(first)
                index += 1
                continue
            lemma, head = word
            parts = first.lemmas | {head}
            joined.append(
                WordAnalysis(
                    first.word + second.word, frozenset({lemma}), parts, True, head, first.english, second.clause_end
                )
            )
            index += 2
        return joined

    def _joined_need_word(self, first: WordAnalysis, second: WordAnalysis) -> tuple[str, str] | None:
        """The need word (and its head) that `first` and `second` make together, if any."""
        front = fold(first.word)
        if first.lemmas & self._need_of.keys() or len(front) < COMPOUND_FRONT_MIN:
            return None  # a need word of its own ("rahoitus haku") stays as it is
        for head in sorted(second.lemmas):
            if front + head in self._need_of:
                return front + head, head
        second_word = fold(second.word)
        whole = front + second_word  # the plain analyser: an inflected form of the need word
        for trigger, form in self._need_stems.forms(whole):
            head = trigger[len(front) :]
            # the second word begins as the need word's head does ("palkka tukea"), no letters borrowed across the
            # gap ("toi pullat" is no "toipua", "lasken oman" no "laskenut")
            if (
                form == "whole"
                and head
                and common_prefix_length(second_word, head) >= min(len(head), JOINED_HEAD_LETTERS)
            ):
                return trigger, head
        return None

    # ---- the steps --------------------------------------------------------------------------

    def _without_lost_senses(self, analyses: list[WordAnalysis]) -> list[WordAnalysis]:
        """Step 1: drop the readings of ambiguous words whose context is missing from the rest of the question."""
        kept = []
        # a client's news from home is no context ("tytär aloitti koulun … en tiedä miten jatkan": no successor)
        news = home_news_clauses(analyses, self.describes_company)
        for index, analysis in enumerate(analyses):
            others = [other for at, other in enumerate(analyses) if at != index and at not in news]
            # a part beside another trigger in its compound has its context there ("digituki", "energiatuki"),
            # when that trigger is one of its context ("lypsykarjatila"; "hallitila" is space, no farm)
            paired = analysis.known and len(analysis.parts & self._need_of.keys()) >= NEED_PARTS_SAY_IT
            lost = {
                term
                for term in analysis.lemmas | analysis.parts
                if term in self._senses
                and not (paired and term in analysis.parts and not self._paired_elsewhere(term, analysis))
                and not (
                    self._in_question(self._senses[term], self._following(analyses, index, self._senses[term]), True)
                    if term in self.lexicon.modifiers
                    else self._in_question(self._senses[term], others)
                )
                # an idea is a business idea with any business word in the question ("idea leipomosta")
                and not (term in IDEA_WORDS and any(self.describes_company(other) for other in others))
                # a modifier about a business has it in any business word that follows ("start a B&B", "open a
                # sawmill"), listed or not; a building is no business ("uusi pihatto suunnitteilla")
                and not (
                    term in self._business_modifiers
                    and any(
                        self.describes_company(after) and not after.lemmas & self._buildings
                        for after in self._following(analyses, index, self._senses[term])
                    )
                )
            }
            # A guess (a word not listed anywhere): the typed word may be an inflected ambiguous word.
            if not analysis.known and not analysis.lemmas & self._listed_words:
                word = fold(analysis.word)
                for key, context in self._senses.items():
                    inflected = word.startswith(key) and len(word) - len(key) <= INFLECTION_LETTERS
                    if inflected and not self._in_question(context, others):
                        lost |= analysis.lemmas
                    # a verb changes its stem as it inflects ("rakentamiseen" is "rakentaa"); what it is
                    # said of follows it
                    verb = key in self.lexicon.modifiers and not analysis.english and not inflected
                    if (
                        verb
                        and guessed_form(word, key) == "whole"
                        and not self._in_question(context, self._following(analyses, index, context))
                    ):
                        lost |= analysis.lemmas
            if lost:
                # Without its context the word may still mean something: "tiloja" for a company is premises.
                # Only for a word with no other reading: "tilaa" may be the verb "tilata", to order.
                otherwise = self.lexicon.otherwise
                # ... or one sought: "etsii edullista tilaa" is premises, though "tilaa" may be "tilata"
                sought = any(fold(a.word).startswith(SOUGHT_CUES) for a in analyses[max(0, index - 2) : index])
                # "ei ketään tilalle", "uusi tilalle": in its place, no space
                only_reading = (analysis.lemmas <= lost or sought) and fold(analysis.word) not in IN_PLACE_FORMS
                instead = {
                    fold(otherwise[term]) for term in lost & analysis.lemmas if term in otherwise and only_reading
                }
                # ... and a compound's head likewise: "verstastila" is a workshop's space
                head = (
                    {fold(otherwise[analysis.head])}
                    if analysis.head in lost & analysis.parts & otherwise.keys()
                    else set()
                )
                analysis = replace(
                    analysis, lemmas=(analysis.lemmas - lost) | instead, parts=(analysis.parts - lost) | head
                )
            if analysis.lemmas:  # a word whose every reading needed a missing context is no word here
                kept.append(analysis)
        return kept

    def _paired_elsewhere(self, term: str, analysis: WordAnalysis) -> bool:
        """The compound pairs a part of two business senses with a trigger outside the context of the one the
        part is listed for ("halli" beside "tila": space, no farm); another trigger confirms any other part."""
        others = (analysis.parts & self._need_of.keys()) - {term}
        return term in self.lexicon.otherwise and bool(others) and not others & self._senses[term]

    def _following(self, analyses: list[WordAnalysis], index: int, context: frozenset[str]) -> list[WordAnalysis]:
        """The words a modifier may qualify: the next MODIFIER_REACH, not counting stop words ("start a
        small cleaning company") unless they are its context ("company" is a stop word too), and none past the
        end of its clause ("myydä tuotteitaan Saksaan, kuka auttaa vientikaupan alkuun" sells no shop)."""
        after: list[WordAnalysis] = []
        agrees = fold(analyses[index].word).endswith(ALLATIVE_ENDINGS)  # "uudelle yrittäjälle": one phrase
        for analysis in analyses[index + 1 :] if not analyses[index].clause_end else ():
            if analysis.lemmas & CONJUNCTIONS and after:
                break  # "ostaa puimurin ja tehdä urakointia omana yrityksenään": the machine is what is bought
            if fold(analysis.word) == "to":
                break  # "sell to a company in Tampere", "sell flour to shops": who buys is not what is sold
            # "myydä tuotteita yrityksille" sells to them; "myyntiä omille työntekijöille" sells the company to staff;
            # "ostaa puuta sahalta": the sawmill sells the wood, and is not what is bought
            if (
                agrees
                or not fold(analysis.word).endswith(ALLATIVE_ENDINGS + ABLATIVE_ENDINGS)
                or fold(analysis.word).startswith(STAFF_BUYERS)
            ):
                after.append(analysis)
            if analysis.clause_end:
                break
        # a verbal noun's object comes before it: "yrityksen ostaminen", "liiketoiminnan myymisestä"
        # and a noun of selling's too: "yrityksen myynti"
        word = analyses[index]
        of_object = bool(word.lemmas & OBJECT_BEFORE_NOUNS) or fold(word.word).endswith(VERBAL_NOUN_ENDS)
        before = analyses[index - 1 : index] if of_object else []
        return before + [a for a in after if not a.lemmas <= self.stopwords or a.lemmas & context][:MODIFIER_REACH]

    @staticmethod
    def _in_question(context: frozenset[str], others: list[WordAnalysis], heads_only: bool = False) -> bool:
        """A word of `context` is said in `others`; with `heads_only`, a compound says only its head ("ostaa uuden
        sahalinjan" buys a line, no sawmill)."""
        for analysis in others:
            # an English word joined by a hyphen is no Finnish compound: its front counts ("start farm-stay tourism")
            head_alone = heads_only and not analysis.english
            parts = {analysis.head} if head_alone and analysis.head else analysis.parts
            word = fold(analysis.word)
            said = (analysis.lemmas | parts) & context or (
                not analysis.known
                and any(
                    guessed_form(word, term) == "whole" or word.find(term, 3) > 0
                    if head_alone
                    else guessed_form(word, term)
                    for term in context
                )
            )
            # a place's name is no context ("Pertunmaalla" says no "maa" of a farm); asked only of a word that
            # matched, as telling a place costs more than the match
            if said and not is_place(analysis):
                return True
        return False

    def is_stopword(self, analysis: WordAnalysis) -> bool:
        """Step 2: no topic. Any stop-word reading makes a word a stop word; unknown words by their stem."""
        if not analysis.lemmas:
            return True
        if analysis.lemmas & self.stopwords:
            return True
        if analysis.known:
            return False
        word = fold(analysis.word)
        return any(
            same_stem(word, stop) and len(word) - len(stop) <= INFLECTION_LETTERS
            for stop in self._stop_starts.get(word[:4], ())
        )

    def _without_denied_facts(
        self, denied: frozenset[str], analyses: list[WordAnalysis]
    ) -> tuple[list[WordAnalysis], frozenset[str]]:
        """Step 1b: drop the sector and stage words a negation denies (`denied`: "joka ei ole maatila"); the
        words kept, and the sectors denied."""
        kept, sectors = [], set()
        for analysis in analyses:
            terms = analysis.lemmas | analysis.parts
            word = fold(analysis.word)
            if not analysis.known:  # a guess, by its letters: "maatilaa" is maatila
                terms = terms | {term for term, form in self._context_stems.forms(word) if form == "whole"}
            if word in denied and terms & self._context_words:
                sectors |= {sector for sector, words in self._sectors.items() if terms & words}
            else:
                kept.append(analysis)
        return kept, frozenset(sectors)

    def _read_whole(self, analysis: WordAnalysis) -> WordAnalysis:
        """Step 3: a compound that is itself a trigger word is not read by its parts."""
        if analysis.parts and analysis.lemmas & self._all_triggers:
            return replace(analysis, parts=frozenset())
        return analysis

    def _is_headcount(self, analyses: list[WordAnalysis], index: int) -> bool:
        """ "2 hengen": the word after a number is a size, not a topic."""
        counted = _number_before(analyses, index) is not None
        return counted and any(fold(analyses[index].word).startswith(stem) for stem in self._person_stems)

    def _is_staff_count(self, analyses: list[WordAnalysis], index: int) -> bool:
        """ "12 hoitajaa", "8 ukrainalaista työntekijää": the staff a company has, not a hire, unless the words
        before the number seek people ("tarvitsee 4 hitsaajaa", "40 uutta työntekijää")."""
        number = _number_before(analyses, index)
        if number is None:
            return False
        if not is_among(analyses[index], self.lexicon.trade_words, self._trade_stems):
            return False
        before = [fold(analysis.word) for analysis in analyses[max(0, number - 2) : number]]
        if any(word.startswith(HIRE_CUES) for word in before):
            return False
        # "2 hitsaria Virosta": people from a country are hires coming, not the staff the company has
        after = [fold(a.word) for a in analyses[index + 1 : index + 3 + ORIGIN_REACH] if fold(a.word) != "the"]
        for position, word in enumerate(after[:ORIGIN_REACH]):
            country = after[position + 1] if word == "from" and position + 1 < len(after) else word
            if (word == "from" or word.endswith(FROM_ENDINGS)) and country.startswith(self._origin_starts):
                return False
        return True

    def _people_sought(self, analyses: list[WordAnalysis]) -> list[int]:
        """A number of people sought ("tarvitaan 2-3 henkilöä", "need 3 people for the summer"): hires, though
        a number of people alone is the company's size."""
        words = [fold(analysis.word) for analysis in analyses]
        found = []

        def is_count(word: str) -> bool:
            return bool(COUNT.match(word)) or word in NUMBER_WORDS  # "tarvitaan kaksi työntekijää"

        for index in range(1, len(words)):
            # ... and a new one or more between ("tarvitsisimme syksyksi kaksi uutta ihmistä")
            count_at = index - 1 if is_count(words[index - 1]) else index - 2
            if count_at < 0 or not is_count(words[count_at]) or not words[index].startswith(self._person_stems):
                continue
            if count_at == index - 2 and not words[index - 1].startswith(NEW_ONES):
                continue
            if any(word.startswith(HIRE_CUES) for word in words[max(0, count_at - SOUGHT_REACH) : count_at]):
                found.append(index)
        return found

    def _tradespeople_called(self, analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
        """A tradesperson asked for with no company and no word of hiring ("recommend a good plumber to fix my
        sink"): a job done for someone, not a hire."""
        trades = [
            index for index in need_words if is_among(analyses[index], self.lexicon.trade_words, self._trade_stems)
        ]
        words = [fold(analysis.word) for analysis in analyses]
        if len(trades) < len(need_words) or any(word.startswith(SEEKING_CUES) for word in words):
            return []
        # none to be had is a hire sought ("ei saa kuskeja")
        if any(word in NOT_GOT and index and words[index - 1] in NEGATIONS for index, word in enumerate(words)):
            return []
        return trades

    def _names_people(self, analyses: list[WordAnalysis]) -> bool:
        """One of the words is a worker or a person ("työntekijöitä", "employees", "hitsaajia")."""
        return any(
            self._is_worker(analysis) or fold(analysis.word).startswith(self._person_stems) for analysis in analyses
        )

    def _staff_had(self, analyses: list[WordAnalysis]) -> set[int]:
        """The workers a company says it has ("meillä on kolme työntekijää ja kausityöntekijöitä", "we
        have six staff"): its staff, not a hire, when no word among them seeks people."""
        words = [fold(analysis.word) for analysis in analyses]
        found: set[int] = set()
        for start, word in enumerate(words):
            if word not in HIRED_WORDS:
                continue
            # the hired themselves follow, whatever they need ("palkatut työntekijät tarvitsevat koulutusta")
            hired = range(start + 1, min(len(words), start + 1 + HIRED_REACH))
            workers = {index for index in hired if self._is_worker(analyses[index])}
            if workers:
                found.update({start} | workers)
        for start in range(len(words) - 1):
            if (words[start], words[start + 1]) not in STAFF_HAD:
                continue
            span = range(start + 2, min(len(words), start + 2 + STAFF_REACH))
            if any(words[index].startswith(HIRE_CUES) for index in span):
                continue
            found.update(index for index in span if self._is_worker(analyses[index]))
        # "kouluttaa hitsaajansa", "työntekijöidemme jaksaminen": the company's own workers, by the possessive
        found.update(
            index
            for index, word in enumerate(words)
            if word.endswith(OWN_ENDINGS) and not word.startswith(HIRE_CUES) and self._is_worker(analyses[index])
        )
        # "training for our foreign employees": in English by "our" a word or two before, unless it seeks people
        found.update(
            index
            for index in range(1, len(words))
            if OWN_STAFF_WORDS & set(window := words[max(0, index - OWN_STAFF_REACH) : index])
            and not any(word.startswith(HIRE_CUES) for word in window)
            and analyses[index].english
            and (words[index].endswith("s") or words[index] in ("staff", "personnel"))  # people, not "my carpentry"
            and self._is_worker(analyses[index])
        )
        # "Työntekijöitä on 12", "henkilökuntaa on 30": the count after the workers said is the staff had
        found.update(
            index
            for index in range(len(words) - 2)
            if words[index + 1] in COPULA_FORMS and words[index + 2][:1].isdigit() and self._is_worker(analyses[index])
        )
        return found

    def _own_jobs(self, analyses: list[WordAnalysis]) -> list[int]:
        """The jobs people have ("palkkatyössä sairaanhoitajana", "töissä kokkina"): the essive says what one
        works as, no hire (a guess is taken by its letters)."""
        found = []
        for index, analysis in enumerate(analyses):
            word = fold(analysis.word)
            essive = word.endswith("na") and (
                not analysis.known or not any(lemma.endswith("na") for lemma in analysis.lemmas)
            )
            if essive and self._is_worker(analysis):
                found.append(index)
        return found

    def _is_worker(self, analysis: WordAnalysis) -> bool:
        whole, parts = self._word_needs(analysis)
        return "recruitment" in whole | parts or is_among(analysis, self.lexicon.trade_words, self._trade_stems)

    def describes_company(self, analysis: WordAnalysis) -> bool:
        """The word says what the company is: a business word ("startup"), a sector word that names no
        need ("konepaja", "kahvila"), or a compound on one ("ohjelmistoyritys", "kukkakauppa")."""
        business = self.lexicon.business_words
        if analysis.lemmas & business:
            return True
        if analysis.lemmas & self._sector_words and not analysis.lemmas & self._need_words:
            return True
        head = analysis.head
        if head in business or (head in self._sector_words and head not in self._need_words):
            return True
        if head in self._sector_words and self._confirmed_sector(analysis):
            return True  # "lypsykarjatila": the front says which sense the head has (a farm, not a space)
        # A guessed word cannot be split, but "ohjelmistoyrityksen" still ends in a company word; nor
        # does Voikko split every compound it knows ("pienyrittäjä").
        if analysis.known:
            return self._ends_in_business_word(analysis)
        word = fold(analysis.word)
        return any(word.find(stem, 3) > 0 for stem in self._business_stems)

    @staticmethod
    def _farm_line_stopped(analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
        """The words that stop a farm's line of production, just before or after it ("lopettaa maidontuotannon",
        "lypsyn lopettamista"), not the farm."""
        found = []
        for index, needs in need_words.items():
            if "financial_distress" not in needs or not fold(analyses[index].word).startswith(STOPPING_STARTS):
                continue
            near = analyses[max(0, index - 1) : index] + analyses[index + 1 : index + 1 + FARM_LINE_REACH]
            if any((a.lemmas | {a.head}) & FARM_LINES or _farm_line_guessed(a) for a in near):
                found.append(index)
        # ... or that no longer pays ("emäntä sanoo ettei viljely enää kannata")
        for index, analysis in enumerate(analyses):
            before = analyses[max(0, index - UNPROFITABLE_REACH) : index]
            if (
                fold(analysis.word) in UNPROFITABLE
                and any(fold(a.word) in UNPROFITABLE_NEGATIONS for a in before)
                and any((a.lemmas | {a.head}) & FARM_LINES or _farm_line_guessed(a) for a in before)
            ):
                found.append(index)
        return found

    def _names_business(self, analysis: WordAnalysis) -> bool:
        """The word says what the company is (see describes_company), or is a guessed form of a sector word
        ("parturin", read plainly)."""
        if self.describes_company(analysis):
            return True
        word = fold(analysis.word)
        return not analysis.known and any(
            form == "whole" and sector not in self._need_words for sector, form in self._sector_stems.forms(word)
        )

    def _ends_in_business_word(self, analysis: WordAnalysis) -> bool:
        """A word the analyser did not split ends in a long company word after three letters or more."""
        pattern = self._business_end_pattern
        return pattern is not None and not analysis.parts and any(pattern.search(lemma) for lemma in analysis.lemmas)

    @staticmethod
    def _ends_in(analysis: WordAnalysis, words: frozenset[str]) -> bool:
        """A compound ends in one of `words`; a guessed word (no parts) by a long one inside it."""
        if analysis.known:
            return analysis.head in words
        word = fold(analysis.word)
        return any(len(listed) >= COMPOUND_END_LETTERS and word.find(listed, 3) > 0 for listed in words)

    def _growing_words(self, analyses: list[WordAnalysis]) -> list[int]:
        """The words that say the company grows ("laajentaa", "expand")."""
        expansion = self.lexicon.expansion_words
        return [index for index, analysis in enumerate(analyses) if analysis.lemmas & expansion]

    def _confirmed_sector(self, analysis: WordAnalysis) -> bool:
        """A compound's front part is a word of a sector its head also names ("karja" + "tila")."""
        front = analysis.parts - {analysis.head}
        return any(analysis.head in words and not front.isdisjoint(words) for words in self._sectors.values())

    def _word_needs(self, analysis: WordAnalysis) -> tuple[set[str], set[str]]:
        """The needs a word names as a whole word, and those it names only by a compound part."""
        guess = not analysis.known and not analysis.lemmas & self._all_triggers
        word = fold(analysis.word)
        if analysis.lemmas & self.lexicon.business_words or (guess and self._business_guesses.has(word)):
            return set(), set()  # "startup" ("startupille") names the company, not a need to start one
        if analysis.english and analysis.lemmas <= self.lexicon.stopwords:
            return set(), set()  # an English filler: "sold some shares" is no "some" (social media)
        whole: set[str] = set()
        parts: set[str] = set()
        need_of = self._need_of
        for lemma in analysis.lemmas:
            whole.update(need_of.get(lemma, ()))
        for part in analysis.parts:
            parts.update(need_of.get(part, ()))
        if not whole and analysis.head in self.lexicon.empty_heads:
            for lemma in analysis.lemmas:  # "palkkatukihakemus": what the front part names, said outright
                if lemma.endswith(analysis.head) and len(lemma) > len(analysis.head):
                    whole.update(need_of.get(lemma[: -len(analysis.head)], ()))
        if guess:  # by letters: "rahoitusta" is rahoitus, "konepaja" may be a compound on kone
            for trigger, form in self._need_stems.forms(word):
                if form == "part" and analysis.english:
                    continue  # English words are no compounds: "international" is no "intern"
                if analysis.english and person_and_thing(english_stem(word), english_stem(trigger)):
                    continue  # "electricity" is no "electrician" hired, "development" no "developer"
                if form == "part" and trigger in self._senses:
                    continue  # a compound on an ambiguous word, whose sense a guess cannot tell ("osatyökykyinen")
                if form == "part" and self._empty_head_after(word, len(trigger)):
                    form = "whole"  # "kiertotalouskumppaneita": the partner adds nothing to what it is for
                (whole if form == "whole" else parts).update(self._need_of[trigger])
            if not whole and not is_place(analysis) and not analysis.english:
                # "teollisuustonttia", "kyberturvallisuuskoulutusta": on a trigger; "subcontractor" is no tractor
                parts.update(*(self._need_of[trigger] for trigger in self._guessed_heads(word)))
        elif analysis.known and not analysis.parts and not whole:
            # unsplit: by the trigger it ends in ("pienlaina") or a long one it begins with; a trigger on a
            # trigger ("digituki") names both outright
            whole |= self._paired_trigger_needs(analysis)
            parts |= self._lexicalised_compound_needs(analysis) | self._long_front_needs(analysis)
        elif analysis.known:
            parts |= self._long_front_needs(analysis)
        if whole:
            parts.clear()  # "sairauspäiväraha" is the allowance it names, not a need for money
        elif (
            analysis.known
            and len(analysis.parts & need_of.keys()) >= NEED_PARTS_SAY_IT
            and analysis.head not in self.lexicon.business_words  # "metsäkoneyritys" is a company, no need
        ):
            # "velkasaneeraus", "digituki": a compound of two triggers is a company's need said outright,
            # where one trigger in an everyday word ("asumistuki") waits for a business context
            whole, parts = parts, set()
        elif self.describes_company(analysis):
            parts.clear()  # "ohjelmistoyritys" is a software company, not a need for software
        elif (role := self._role_of(analysis)) is not None:
            # "myyntijohtaja" is a sales director, not a need to sell: only the role itself may name a need
            parts = {need for need in parts if role in self._needs[need]}
        return whole, parts

    def _empty_head_after(self, word: str, start: int) -> bool:
        """The rest of a guessed word from `start` is an empty head in some case ("kumppaneita", "hakemukseen")."""
        rest = word[start:]
        return any(
            rest.startswith(stem) and len(rest) <= len(head) + GUESS_ENDING_LETTERS
            for head, stem in self._empty_head_stems
        )

    def _business_front_on_need(self, word: str) -> bool:
        """A guessed compound of a long company word and a trigger ("yrittäjätapahtumia")."""
        return self._business_fronts.has(word, "part") and bool(self._guessed_heads(word))

    def _guessed_heads(self, word: str) -> list[str]:
        """The triggers a guessed word ends in, whole and inflected ("teollisuustonttia" ends in "tontti"),
        none that has several senses ("puunjalostaja" is no "ostaja")."""
        if self._head_pattern is None:
            return []
        return [
            self._head_of[match.group()]
            for match in self._head_pattern.finditer(word, COMPOUND_FRONT_MIN)
            if len(word) - match.end() <= GUESS_ENDING_LETTERS + 1
        ]

    def _role_of(self, analysis: WordAnalysis) -> str | None:
        """The role a compound ends in ("myyntijohtajan": johtaja); a guessed word by its letters."""
        if analysis.head in self._role_words:
            return analysis.head
        if analysis.known:
            return None
        word = fold(analysis.word)
        return next((role for role in sorted(self._role_words) if word.find(role, COMPOUND_FRONT_MIN) > 0), None)

    def _long_front_needs(self, analysis: WordAnalysis) -> set[str]:
        """Needs of a long trigger at the front of a compound ("kyberturvallisuuskoulutus")."""
        needs: set[str] = set()
        if self._front_pattern is None:
            return needs
        for lemma in analysis.lemmas:
            front = self._front_pattern.match(lemma)
            if front is not None and len(lemma) > front.end():
                needs |= self._need_of[front.group()]
        return needs

    def _paired_trigger_needs(self, analysis: WordAnalysis) -> set[str]:
        """Needs of an unsplit compound that is a trigger on a trigger ("digituki": digi and tuki)."""
        needs: set[str] = set()
        for lemma in analysis.lemmas:
            for start in range(COMPOUND_FRONT_MIN, len(lemma) - COMPOUND_FRONT_MIN + 1):
                front, head = lemma[:start], lemma[start:]
                if head in self._need_of and front in self._need_of:
                    needs |= self._paired_sense(front, head) | self._paired_sense(head, front)
        return needs

    def _paired_sense(self, term: str, other: str) -> set[str]:
        """The needs of a trigger by the other one beside it: "hallitila" is space, no farm (see _paired_elsewhere)."""
        if term not in self.lexicon.otherwise or other in self._senses[term]:
            return set(self._need_of[term])  # a trigger beside a trigger is a business word ("digituki")
        instead = self.lexicon.otherwise.get(term)
        return set(self._need_of.get(fold(instead), ())) if instead else set()

    def _lexicalised_compound_needs(self, analysis: WordAnalysis) -> set[str]:
        """Needs of a compound the analyser knows as one word, by the trigger it ends in ("pienlaina")."""
        needs: set[str] = set()
        heads = self._compound_heads
        for lemma in analysis.lemmas:
            # every ending at least COMPOUND_HEAD_MIN long after a front of COMPOUND_FRONT_MIN letters; a verb
            # ends no compound: "kiinnostaa" is no "ostaa", "kouluttaa" no "uttaa"
            for start in range(COMPOUND_FRONT_MIN, len(lemma) - COMPOUND_HEAD_MIN + 1):
                if lemma[start:] in heads and not lemma[start:].endswith(VERB_ENDINGS):
                    needs |= self._need_of[lemma[start:]]
        return needs

    def _domestic_fair_words(self, analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
        """The trade-fair words with a Finnish town next to them ("Helsingin Matkamessuille", "messut
        Tampereella"): they name no export."""
        fairs, towns = self.lexicon.fair_words, self.lexicon.outside_towns
        found = [
            index
            for index, needs in need_words.items()
            if "export" in needs and (analyses[index].lemmas | analyses[index].parts | {analyses[index].head}) & fairs
        ]
        for index in found:
            reach = FAIR_PLACE_REACH
            near = around(analyses, index, reach)
            if any(is_municipality(a) or is_among(a, towns, self._town_stems) for a in near):
                return found  # the fair is held there: none of its words ("messukulut") is export
        return []

    def _is_branch(self, analysis: WordAnalysis) -> bool:
        """The word names a branch or an office ("toimipisteen", "sivutoimipiste", "office")."""
        branches = self.lexicon.branch_words
        return analysis.head in branches or is_among(analysis, branches, self._branch_stems)

    def _branch_founding(self, analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
        """The words that found a branch, not a company ("perustaa toimipisteen", "open an office", "avata
        toisen kahvilan", "open a second restaurant": a company that has one already)."""
        found = []
        for index, needs in need_words.items():
            after = analyses[index + 1 : index + 1 + MODIFIER_REACH]
            if "starting" not in needs:
                continue
            if any(self._is_branch(a) for a in after) or any(
                fold(a.word).startswith(ANOTHER_STEMS) and any(self.describes_company(b) for b in after[at + 1 :])
                for at, a in enumerate(after)
            ):
                found.append(index)
        return found

    @staticmethod
    def _part_sold_for_capital(analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
        """The words that sell a part of the company to raise capital, no change of owner ("tarvis pääomaa
        kasvuun, omistajat valmiita myymään osan osakkeista", "sell a minority stake to an investor")."""
        if not any(analysis.lemmas & CAPITAL_WORDS for analysis in analyses):
            return []
        return [
            index
            for index, needs in need_words.items()
            if "ownership_change" in needs
            and any(a.lemmas & PART_WORDS for a in analyses[index + 1 : index + 1 + MODIFIER_REACH])
        ]

    def _activity_founding(self, analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
        """The words by which a company starts an activity or opens a sales channel, not a company ("vaateliike
        haluaa perustaa verkkokaupan", "leipomo aloittaa toimitukset"): its other words say what it needs."""
        found = []
        for index, needs in need_words.items():
            if "starting" not in needs:
                continue
            after = analyses[index + 1 : index + 1 + MODIFIER_REACH]
            before = analyses[max(0, index - MODIFIER_REACH) : index]
            if fold(analyses[index].word).endswith(VERBAL_NOUN_ENDS):  # "verkkokaupan avaamiseen"
                after = [*before[-1:], *after]
            activity = any(a.head in ACTIVITY_WORDS or is_among(a, ACTIVITY_WORDS, self._activity_stems) for a in after)
            if activity and any(self.describes_company(a) for a in before):
                found.append(index)
        return found

    def _moves_into_place(self, analyses: list[WordAnalysis]) -> list[int]:
        """The words that take the company, a branch or a plant to a municipality ("sivutoimipiste
        Savonlinnaan", "laajentaa Mikkeliin", "muuttaa Juvalle"): a question of premises and a place."""
        places = [index for index in range(len(analyses)) if is_destination(analyses, index)]
        if not places:
            return []
        found = []
        for index, analysis in enumerate(analyses):
            moves = (
                self._is_branch(analysis)
                or analysis.lemmas & self.lexicon.expansion_words
                or (fold(analysis.word).startswith(MOVE_STEMS) and self._company_follows(analyses, index))
            )
            if moves and any(0 < abs(place - index) <= MODIFIER_REACH for place in places):
                found.append(index)
        return found

    def _company_follows(self, analyses: list[WordAnalysis], index: int) -> bool:
        """A company word or a branch is the object of the word at `index` ("siirtää tuotannon", "muuttaa
        yrityksen"), not the people who move ("muuttava yrittäjä")."""
        after = analyses[index + 1 : index + 1 + MODIFIER_REACH]
        # ... or the company as the subject just before ("firma muuttamassa Kuopiosta Mäntyharjulle")
        before = analyses[max(0, index - SUBJECT_REACH) : index]
        return any(
            is_among(a, COMPANY_OBJECTS, self._company_object_stems) or self._is_branch(a) for a in after + before
        )

    def _funding_of_a_kind(
        self,
        analyses: list[WordAnalysis],
        need_words: dict[int, frozenset[str]],
        whole_needs: set[str],
        part_needs: set[str],
    ) -> None:
        """Funding named by its kind just before it ("pre-seed rahoitus", "equity funding") is that kind,
        not any loan or grant: the money word takes the need of the word before it."""
        for index, needs in list(need_words.items()):
            kind = need_words.get(index - 1, frozenset())
            of_a_kind = len(kind) == 1 and not kind & MONEY_NEEDS and not analyses[index - 1].clause_end
            if needs == MONEY_NEEDS and of_a_kind:
                _rename_need_words([index], next(iter(kind)), need_words, whole_needs, part_needs)

    def _support_for(
        self,
        analyses: list[WordAnalysis],
        need_words: dict[int, frozenset[str]],
        whole_needs: set[str],
        part_needs: set[str],
        hiring: bool,
    ) -> None:
        """A word for support that named only money asks for the aid of what the question is about: about a hire,
        the employer's support for it ("kesätyöntekijä 16v, saako tukea?": the wage subsidy, not a grant); beside
        one need with aid of its own, that aid ("sähkörekkoihin, onko tukia?": the energy aid)."""
        support = [
            index
            for index, needs in need_words.items()
            if needs <= MONEY_NEEDS and analyses[index].lemmas & self.lexicon.hiring_support_words
        ]
        if hiring:
            # money for a thing ("kuskit ja rahat rekkaan", "rahaa uuteen koneeseen") pays for that, not the hire
            support = [index for index in support if not self._money_for_a_thing(analyses, need_words, index)]
        others = frozenset().union(*(needs for index, needs in need_words.items() if index not in support))
        if hiring and "rnd" in others:
            # "funding for hiring a PhD researcher": a researcher hired is R&D, which R&D funding pays for
            _rename_need_words(support, "rnd", need_words, whole_needs, part_needs)
        elif hiring:
            _rename_need_words(support, "wage_subsidy", need_words, whole_needs, part_needs)
        elif support and len(others) == 1 and others <= AIDED_NEEDS:
            # money as such may be lent as well as granted ("trukki hajos eikä oo rahaa uuteen"): only support is aid
            aid = [index for index in support if not analyses[index].lemmas & PLAIN_MONEY]
            _rename_need_words(aid, next(iter(others)), need_words, whole_needs, part_needs)

    @staticmethod
    def _money_for_a_thing(analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]], index: int) -> bool:
        """Money said to go into something just after it ("rahat rekkaan") that is no hire nor wages."""
        if index + 1 >= len(analyses) or analyses[index].clause_end:
            return False
        target = analyses[index + 1]
        return (
            bool(ILLATIVE.search(fold(target.word)))
            and not need_words.get(index + 1, frozenset()) & HIRING_NEEDS
            and not target.lemmas & WAGE_LEMMAS
        )

    def _founder_words(
        self, analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]], idea: bool = False
    ) -> list[int]:
        """The words that name the founder, not a hire ("työtön kokki haluaa perustaa ravintolan"): a
        jobseeker or a tradesperson as the subject, or an immigrant's word ("maahanmuuttaja", "has a residence
        permit"), when another word asks about starting, or the business is an idea still ("idea leipomosta, mies
        työtön työnhakija"), and none asks about hiring."""
        lexicon = self.lexicon
        people = [
            index
            for index, needs in need_words.items()
            if is_among(analyses[index], lexicon.jobseeker_words, self._jobseeker_stems)
            or fold(analyses[index].word) in lexicon.trade_words
            or needs == {"recruiting_abroad"}
        ]
        others = frozenset().union(*(needs for index, needs in need_words.items() if index not in people))
        if not people or ("starting" not in others and not idea) or others & HIRING_NEEDS:
            return []
        return people

    def _company_form_chosen(self, analyses: list[WordAnalysis], other_needs: bool) -> tuple[list[int], frozenset[str]]:
        """The company-form words of a question that chooses the form ("tmi vai oy?", "sole trader or a limited
        company?": start-up advice) or changes it ("ky muutetaan osakeyhtiöksi": an adviser), with the needs."""
        words = [fold(analysis.word) for analysis in analyses]
        forms: dict[int, str] = {}
        for index, word in enumerate(words):
            pair = " ".join(words[index : index + 2])
            form = company_form(word, self.lexicon) or company_form(pair, self.lexicon)
            if form is not None:
                forms[index] = form
        changed = any(
            word.startswith(FORM_CHANGE_STEMS) or (index in forms and word.rstrip(":").endswith("ksi"))
            for index, word in enumerate(words)
        )
        if forms and changed:
            return sorted(forms), frozenset({TOPIC_NEED})  # an existing company's form: an adviser's matter
        if len(set(forms.values())) >= 2 and not other_needs:
            return sorted(forms), FORM_CHOICE_NEEDS
        return [], frozenset()

    def _names_company_after(self, analyses: list[WordAnalysis], index: int) -> bool:
        """A company word follows within two words: "ulkomainen yritys", "a foreign tech company" say where
        the company is from, not where it sells or hires."""
        return any(self.describes_company(analysis) for analysis in analyses[index + 1 : index + 3])

    def _says_abroad(self, analysis: WordAnalysis) -> bool:
        if analysis.lemmas & self.lexicon.abroad_words:
            return True
        return not analysis.known and self._abroad_stems.has(fold(analysis.word))

    def _is_context(self, analysis: WordAnalysis, written: frozenset[str]) -> bool:
        """Step 5: the word tells who the company is (its stage, sector, size, origin of hires, age)."""
        word = fold(analysis.word)
        if word in written or word in self._size_words or self.describes_company(analysis):
            return True
        if analysis.lemmas & (self._stage_words | self._sector_words):
            return True
        if analysis.known:
            return False
        return self._context_stems.has(word)

    def _for_facets(self, analysis: WordAnalysis, analyses: list[WordAnalysis]) -> WordAnalysis:
        """The sector is read from a compound's parts only when the compound names the company, or
        names a farm's other line of business ("maatilamatkailu": the farm is diversifying)."""
        if self._farm_diversifying(analysis) or self._trade_permit(analysis):
            return analysis
        head = self._confirmed_sector_head(analysis, analyses)
        if head is not None:
            return replace(analysis, parts=analysis.parts | {head})
        word = fold(analysis.word)
        if not analysis.known and word.find(TRADE_HEAD, 3) > 0:  # a guess on "palvelu": by its front's letters
            return replace(analysis, parts=analysis.parts | self._guessed_fronts(word))
        if analysis.head == TRADE_HEAD and not analysis.parts.isdisjoint(self._sector_words):
            return analysis
        if not self.describes_company(analysis):
            return replace(analysis, parts=frozenset()) if analysis.parts else analysis
        if not analysis.known:  # a guess: the sector words it starts with stand for its parts
            return replace(analysis, parts=analysis.parts | self._guessed_fronts(word))
        return analysis

    def _confirmed_sector_head(self, analysis: WordAnalysis, analyses: list[WordAnalysis]) -> str | None:
        """The ambiguous sector word that heads the compound, when the question has that sense's context:
        "sukutila" beside a harvest is a farm, though "suku" says nothing of one."""
        if analysis.known:
            heads = {analysis.head} & analysis.parts
        else:  # a guess cannot be split: a compound ends in the word, after a front of three letters or more
            word = fold(analysis.word)
            heads = {key for key in self._senses if word.find(key, 3) > 0}
        others = [other for other in analyses if other is not analysis]
        for head in sorted(heads & self._sector_words):
            if head in self._senses and self._in_question(self._senses[head], others):
                return head
        return None

    def _guessed_fronts(self, word: str) -> set[str]:
        """The sector words a guessed compound begins with; a short one only when a company word follows it
        ("sahayritys"): "tilausajoyritys" begins with the letters of "tila" but is no farm."""
        return {
            front
            for front, form in self._sector_stems.forms(word)
            if form == "part"
            and (len(front) >= SHORT_FRONT_LETTERS or word[len(front) :].startswith(self._business_stems))
        }

    def _trade_permit(self, analysis: WordAnalysis) -> bool:
        """A permit for a trade says the company's trade ("taksilupa"); a building permit is anyone's."""
        return analysis.head in PERMIT_HEADS and not analysis.lemmas & self.lexicon.private_topics

    def _farm_diversifying(self, analysis: WordAnalysis) -> bool:
        farm = self._sectors.get(FARM_SECTOR, frozenset())
        return bool(analysis.parts & farm) and analysis.head in self._sector_words and analysis.head not in farm

    def _company_sector(self, analyses: list[WordAnalysis], read: str | None) -> str | None:
        """The sector of the words that name the company ("kuljetusliike") when the sector `read` came only
        from words that name a need, said of other things ("mökillä" on holiday); else None."""
        if read is None:
            return None
        words = self._sectors[read]
        said_by = [a for a in analyses if (a.lemmas | a.parts) & words]
        if not said_by or not all(any(self._word_needs(a)) for a in said_by):
            return None
        terms: set[str] = set()
        for analysis in analyses:
            if self.describes_company(analysis):
                terms |= analysis.lemmas | analysis.parts
        return next((sector for sector, words in self._sectors.items() if terms & words), None)

    def _sector_before_company(self, analyses: list[WordAnalysis]) -> str | None:
        """In English, the sector word just before the company word ("a handicraft company"): what the company
        is, whatever else it opens or sells ("open a web shop")."""
        for analysis, after in pairwise(analyses):
            if not analysis.english or fold(after.word) not in ENGLISH_COMPANY_WORDS:
                continue
            found = next((sector for sector, words in self._sectors.items() if analysis.lemmas & words), None)
            if found is not None:
                return found
        return None

    def _names_company_no_farm(self, analyses: list[WordAnalysis]) -> bool:
        """A word names the company as advisers name no farm, and is no size phrase's ("mikroyritys")."""
        naming = [index for index, analysis in enumerate(analyses) if self._names_no_farm(analysis)]
        listed = any(analyses[index].lemmas & self.lexicon.not_farm_words for index in naming)  # "yksinyrittäjä"
        return (bool(naming) and (listed or not set(naming) <= self._size_phrase_words(analyses))) or _rural_business(
            analyses, self._names_no_farm
        )

    def _size_phrase_words(self, analyses: list[WordAnalysis]) -> set[int]:
        """The words of a size phrase ("mikroyritys", "pieni yritys"): they say the size, and no more
        (a narrowing form's size is read as its phrase, which must not tell the sector too)."""
        words = [fold(analysis.word) for analysis in analyses]
        found: set[int] = set()
        for phrase in self._size_phrases:
            for start in range(len(words) - len(phrase) + 1):
                if all(words[start + k].startswith(stem) for k, stem in enumerate(phrase)):
                    found.update(range(start, start + len(phrase)))
        return found

    @staticmethod
    def _hires_said(analyses: list[WordAnalysis]) -> bool:
        """A hire is asked for in so many words ("rekrytoida lähihoitajia", "palkkatuki + kielikoulutus")."""
        return any(
            fold(analysis.word).startswith(HIRE_SAID_STEMS) or fold(analysis.word) in ("hire", "hiring")
            for analysis in analyses
        )

    def _private_word(self, analysis: WordAnalysis) -> bool:
        """The word says the matter is a private person's ("asumistuki"), or a compound that only adds an empty
        head to such a word ("asumistukihakemus", as the plain analyser sees it too)."""
        words = self.lexicon.private_words
        if is_among(analysis, words, self._private_stems):
            return True
        if analysis.head in self.lexicon.empty_heads and analysis.parts & words:
            return True
        return self._private_compound.match(fold(analysis.word)) is not None

    def _owned(self, analyses: list[WordAnalysis], index: int, private: bool = False) -> bool:
        """The word follows "oma" ("omalle mökille"), and is no company word ("oma yritys"); with
        `private`, it is also a private topic ("oma veroilmoitus")."""
        analysis = analyses[index]
        if index == 0 or fold(analyses[index - 1].word) not in self.lexicon.own_words:
            return False
        if private:
            return is_among(analysis, self.lexicon.private_topics, self._private_topic_stems)
        if analysis.lemmas & OWN_FUNDS:
            return False  # "omat rahat eivät riitä": the company's own funds, short of what it needs
        return not analysis.lemmas & self.lexicon.business_words and not self._names_no_farm(analysis)

    def _owned_words(self, analyses: list[WordAnalysis]) -> list[int]:
        """The words that say what the asker owns ("omalle mökille"), when the question has a private topic."""
        return [index for index in range(len(analyses)) if self._owned(analyses, index)]

    def _names_farm(self, analyses: list[WordAnalysis]) -> bool:
        """A word names a farm or farming ("navetta", "lypsy", "sukupolvenvaihdos tilalla"), as written or guessed."""
        words = self._farm_words
        return any((a.lemmas | a.parts) & words or is_among(a, words, self._farm_stems) for a in analyses) or any(
            len(front) >= SHORT_FRONT_LETTERS  # a guessed compound on one ("metsäsuunnitelman"), not "tilaus"
            for a in analyses
            if not a.known
            for front, _ in self._farm_stems.forms(fold(a.word))
        )

    def _names_no_farm(self, analysis: WordAnalysis) -> bool:
        """The word names the company as advisers name no farm ("yritys", "firma", "perheyritys"); a
        compound that names a farm ("maatalousyritys") gives the farm sector, which this never overrides."""
        words = self.lexicon.not_farm_words
        if analysis.head in words or is_among(analysis, words, self._not_farm_stems):
            return True
        if analysis.parts and analysis.head in NOT_FARM_HEADS:
            return True  # "sähköliike", "arkkitehtitoimisto" (the office alone is the adviser's own: no company)
        word = fold(analysis.word)  # a guessed compound by a company word inside it ("perheyrityksessä")
        return not analysis.known and any(word.find(stem, COMPOUND_FRONT_MIN) > 0 for stem in self._not_farm_ends)

    def _names_business_topic(self, analyses: list[WordAnalysis]) -> bool:
        topics = self.lexicon.business_topics
        private = self.lexicon.private_topics
        # a word that is a private subject as a whole is one, whatever its parts ("oma lomakirjanpito")
        return any(
            (analysis.lemmas | analysis.parts) & topics for analysis in analyses if not analysis.lemmas & private
        )

    def _business(self, analyses: list[WordAnalysis], facets: Facets) -> bool:
        facts = (facets.sector, facets.stage, facets.size, facets.employee_origin, facets.company_age, facets.workload)
        if any(fact is not None for fact in facts) or facets.not_sectors:
            return True
        words = self._business_context
        for analysis in analyses:
            if (analysis.lemmas | analysis.parts) & words or (analysis.known and self._ends_in_business_word(analysis)):
                return True
            if not analysis.known and self._business_guesses.has(fold(analysis.word)):
                return True
            if not analysis.known and self._business_front_on_need(fold(analysis.word)):
                return True  # "yrittäjätapahtumia": an entrepreneurs' event; not "yrittäjäillassa"
            if not analysis.known and self.describes_company(analysis):
                return True  # a guessed compound on a company word ("pienyrittäjälle")
        return False

    def _needs_named(
        self, analyses: list[WordAnalysis], headcount: set[int]
    ) -> tuple[set[str], set[str], dict[int, frozenset[str]]]:
        """The needs named by whole words, those named only inside compounds, and which word named which."""
        whole_needs: set[str] = set()
        part_needs: set[str] = set()
        need_words: dict[int, frozenset[str]] = {}
        for index, analysis in enumerate(analyses):
            if index in headcount:
                continue
            whole, parts = self._word_needs(analysis)
            whole_needs |= whole
            part_needs |= parts - whole
            if whole or parts:
                need_words[index] = frozenset(whole | parts)
        return whole_needs, part_needs - whole_needs, need_words

    # ---- the whole reading --------------------------------------------------------------------

    def read(self, question: str, today: date | None = None, given: Facets | None = None) -> Understanding:
        """Read `question`; `given` facts (from a form) take the place of what the text says."""
        folded_question = fold(question)
        needs_told = told_needs(folded_question)
        # the word that tells a need is no fact denied ("ei oo ollu kauppaa kolmeen kuukauteen" is still a shop's)
        denied_facts = denied_words(question) - {told.word for told in needs_told}
        personal_guarantee = PERSONAL_GUARANTEE.search(folded_question) is not None
        raw = self.analyse(question)
        # the work a person starts ("start work right away"), read before "start" loses its sense of a company
        work_words = {
            fold(raw[index + 1].word)
            for index in work_started(raw)
            if index + 1 < len(raw) and fold(raw[index + 1].word).startswith(WORK_STEMS)
        } | {fold(raw[index].word) for index in coming_to_work(raw)}
        analyses, denied_sectors = self._without_denied_facts(denied_facts, self._without_lost_senses(raw))
        analyses = [self._read_whole(analysis) for analysis in analyses]
        written = read_written_facts(question, self.lexicon, today)
        private_topic = any(is_among(a, self.lexicon.private_topics, self._private_topic_stems) for a in analyses)
        owned = self._owned_words(analyses) if private_topic else []
        # The words that dated the company years back ("perustettu 2015") gave its age: no stage, no need to
        # start one ("vasta perustettu" is a company starting)
        dated = {
            index
            for index, analysis in enumerate(analyses)
            if written.company_age and fold(analysis.word) in written.words
        }
        others = others_things(analyses)
        home_news = (
            home_news_clauses(analyses, self.describes_company)
            | family_places(analyses)
            | moved_from(analyses)
            | good_news_clauses(analyses)
            | writing_from(analyses)
        )
        events = event_started(analyses)
        # "mistä kannattaisi aloittaa", "projekti aloitettiin jo": no company starting, nor its stage
        not_starting = {
            *where_to_begin(analyses),
            *begun_words(analyses),
            *work_started(analyses),
            *competitor_opened(analyses),  # "viereen avattiin ketjukahvila": a rival's, no client's start
            *events,  # "since the roadworks started"
        }
        facets = read_facets(
            question,
            [
                self._for_facets(a, analyses)
                for index, a in enumerate(analyses)
                if index not in {*owned, *dated, *others, *home_news, *not_starting}
            ],
            self.lexicon,
            written=written,
            # a guess that is a stop word says nothing of the company ("tehdä" is no "tehdas")
            not_guessed={fold(a.word) for a in analyses if not a.known and self.is_stopword(a)},
            denied=denied_facts,  # "ei halua perustaa osakeyhtiötä": a form ruled out is none
        )
        company_sector = self._company_sector(analyses, facets.sector) or self._sector_before_company(analyses)
        if company_sector is not None and not given:
            facets = replace(facets, sector=company_sector)  # "kuljetusliike", not the cottage visited
        if denied_sectors and (
            facets.sector is None or (facets.sector in denied_sectors and facets.farm_production != "forestry")
        ):
            # a sector said not to hold wins over a word that would say it ("kasvihuoneyritys (oy, ei maatila)"),
            # but a forest owner with no farm is still of the sector that forestry belongs to
            facets = replace(facets, sector=None, not_sectors=denied_sectors)
        if facets.farm_production == "forestry" and any(a.lemmas & FARM_WORDS for a in analyses):
            facets = replace(facets, farm_production=None)  # a farm with its forest; not "ei ole maatilaa"
        diversifying = self.lexicon.diversifying_words
        if facets.sector == FARM_SECTOR and any(
            # a compound on one says it too ("koneurakointi", "puintiurakointi")
            is_among(a, diversifying, self._diversifying_stems) or self._ends_in(a, diversifying)
            for a in analyses
        ):
            # "maatila haluaa monialaistua": a farm's new line of business, which is no farming
            facets = replace(facets, sector=None, not_sectors=frozenset({FARM_SECTOR}))
        if facets.sector is None and not facets.not_sectors and self._names_company_no_farm(analyses):
            facets = replace(facets, not_sectors=frozenset({FARM_SECTOR}))  # "yrityksen halli" is no farm's
        if facets.size is None and any(is_among(a, self.lexicon.sme_words, self._sme_stems) for a in analyses):
            facets = replace(facets, not_sizes=frozenset({"large"}))  # "pk-yritys": small or medium
        headcount = {
            index
            for index in range(len(analyses))
            if self._is_headcount(analyses, index) or self._is_staff_count(analyses, index)
        } | self._staff_had(analyses)
        whole_needs, part_needs, need_words = self._needs_named(analyses, headcount | dated)
        # "three software developers", "a marketing assistant": in English, the word before the one hired says
        # what that person does, as "ohjelmistokehittäjä" does; no need of its own
        qualifying = [
            index
            for index in range(len(analyses) - 1)
            if analyses[index].english
            and need_words.get(index + 1, frozenset()) & HIRING_NEEDS
            and not need_words.get(index, frozenset()) & HIRING_NEEDS
        ]
        _drop_need_words(qualifying, need_words, whole_needs, part_needs)
        for index in self._people_sought(analyses):  # "tarvitaan 2-3 henkilöä kesäksi", "we need 3 people"
            need_words[index] = need_words.get(index, frozenset()) | {"recruitment"}
            whole_needs.add("recruitment")
        denied = denied_need_words(question) | burdens_not_had(question)
        if any(word.startswith(BURDEN_STARTS) for word in denied):
            facets = replace(facets, debts="none")  # "velkoja ei ole", "ei velkoja", "no debts"
        elif _in_enforcement(analyses):
            facets = replace(facets, debts="enforcement")  # "verovelkaa 40 t€ ja ulosotto alkanut"
        denied_at = {index for index, analysis in enumerate(analyses) if fold(analysis.word) in denied}
        denied_needs = frozenset().union(*(need_words[index] for index in denied_at if index in need_words))
        _drop_need_words(
            sorted(denied_at),
            need_words,
            whole_needs,
            part_needs,
        )
        # A need denied stays denied unless a word names it alone: "funding, not a loan please" asks for
        # funding that is no loan.
        denied_needs -= {need for named in need_words.values() if len(named) == 1 for need in named}
        whole_needs -= denied_needs
        part_needs -= denied_needs
        activities = self._activity_founding(analyses, need_words)
        _drop_need_words(activities, need_words, whole_needs, part_needs)
        branches = self._branch_founding(analyses, need_words)
        _rename_need_words(branches, "premises", need_words, whole_needs, part_needs)
        _rename_need_words(
            self._part_sold_for_capital(analyses, need_words), "equity", need_words, whole_needs, part_needs
        )
        _rename_need_words(_own_permits(analyses, need_words), "starting", need_words, whole_needs, part_needs)
        # the share of sales exported is what the company is, no export asked for ("vientiä 40%", "export share 60 %")
        shared = {match.group(1) for match in EXPORT_SHARE.finditer(folded_question)}
        shares = [
            index for index, needs in need_words.items() if needs == {"export"} and fold(analyses[index].word) in shared
        ]
        _drop_need_words(shares, need_words, whole_needs, part_needs)
        # the bank's no is a guarantee's question, unless the company is in trouble ("rästissä 18 t€ alvia eikä
        # pankki anna enää lisää lainaa"): then the trouble is
        bank_refused = BANK_REFUSED.search(folded_question) is not None
        if bank_refused and (DISTRESS_NEED in whole_needs or "equity" in whole_needs):
            # (or an investor is what the owners would take: "pankki ei lähe ja omistajat ois valmiita ottamaan
            # ulkopuolisen osakkaaks")
            # ... and the loan refused is no need to look for elsewhere: the trouble is
            refused = [index for index, needs in need_words.items() if needs == {"loan"}]
            _drop_need_words(refused, need_words, whole_needs, part_needs)
        elif bank_refused and "guarantee" not in whole_needs:
            for index in [index for index, analysis in enumerate(analyses) if analysis.lemmas & BANK_WORDS]:
                need_words[index] = need_words.get(index, frozenset()) | {"guarantee"}
                whole_needs.add("guarantee")
        if WHETHER_TO_CONTINUE.search(folded_question):
            doubted = [
                index
                for index, needs in need_words.items()
                if needs == {"ownership_change"} and fold(analyses[index].word).startswith(("jatka", "continu"))
            ]
            _rename_need_words(doubted, "general_advice", need_words, whole_needs, part_needs)
        if PERMIT_HAD.search(folded_question):
            # "a refugee who has a residence permit": the permit is had, none is applied for
            permits = [index for index, needs in need_words.items() if needs == {"recruiting_abroad"}]
            _drop_need_words(permits, need_words, whole_needs, part_needs)
        places = [index for index, analysis in enumerate(analyses) if is_municipality(analysis)]
        if written.company_abroad and places:
            # a company or an investor from abroad, with a place here, comes here: where it locates is asked ("Dutch
            # company setting up a subsidiary in Mikkeli", "Swedish investor wants to buy a hotel in Puumala")
            need_words[places[0]] = need_words.get(places[0], frozenset()) | {"premises"}
            whole_needs.add("premises")
        _rename_need_words(_investors_locating(analyses, need_words), "premises", need_words, whole_needs, part_needs)
        for index in self._moves_into_place(analyses):
            need_words[index] = need_words.get(index, frozenset()) | {"premises"}
            whole_needs.add("premises")
        if facets.investment == "replacement":
            # what was destroyed or broke is bought again: the damage or the money for it is an investment too
            # ("tulva vei laiturit, vakuutus ei korvaa kaikkea")
            for index in [index for index, needs in need_words.items() if needs & {"loan", DISTRESS_NEED}]:
                need_words[index] = need_words[index] | {"investment"}
                whole_needs.add("investment")
        if "investment" in whole_needs | part_needs and not (whole_needs | part_needs) & MONEY_NEEDS:
            # what the purchase costs is how much must be financed ("kaivinkone hajos ja uus maksais 200 t€")
            for index in _prices(analyses):
                need_words[index] = need_words.get(index, frozenset()) | {"loan"}
                whole_needs.add("loan")
        if (branches or activities) and facets.stage in ("idea", "startup"):  # for a company that exists
            facets = replace(facets, stage=None)
        # "teollisuushallin katolle": the building is where something goes, no premises asked for (what goes there
        # is asked for: "aurinkopaneelit katolle")
        roofs = [
            index
            for index in need_words
            if index + 1 < len(analyses)
            and analyses[index + 1].lemmas & ROOF_WORDS
            and fold(analyses[index].word).endswith(GENITIVE_END)
        ]
        _drop_need_words(roofs, need_words, whole_needs, part_needs)
        # the company's own space renovated is an investment, no premises sought ("tilat pitää remontoida")
        renovated = [
            index
            for index, needs in need_words.items()
            if needs == {"premises"}
            and analyses[index].lemmas & self._premises_words  # the space itself, not a compound on it ("taukotila")
            and any(fold(a.word).startswith(RENOVATION_STEMS) for a in around(analyses, index, RENOVATION_REACH))
        ]
        _rename_need_words(renovated, "investment", need_words, whole_needs, part_needs)
        # first what starts no company ("aloittaa työt"): then nobody is its founder
        _drop_need_words(sorted(not_starting), need_words, whole_needs, part_needs)
        _unmatched(analyses, events)  # "after the road works started" matches no start-up's text
        # "voiko ukrainalainen aloittaa työt heti?", "avainhenkilöt lähti kilpailijalle, ei ketään tilalle": a hire
        for index, analysis in enumerate(analyses):
            if fold(analysis.word) in work_words:
                need_words[index] = need_words.get(index, frozenset()) | {"recruitment"}
                whole_needs.add("recruitment")
        # "isoin asiakas lopetti tilaukset": a customer or a partner stops buying, the company does not close
        stopped = [
            index
            for index, analysis in enumerate(analyses)
            if (
                fold(analysis.word).startswith(STOP_STEMS)
                # "iso asiakas irtisanoi sopimuksen": the contract, not staff, ended
                or (
                    fold(analysis.word).startswith(ENDED_STEMS)
                    and any(fold(after.word).startswith(CONTRACT_STARTS) for after in analyses[index + 1 : index + 3])
                )
            )
            and any(
                fold(before.word).startswith(PARTNER_STARTS + PARTNER_WORDS)
                # the subject said, then what it says it does ("asiakas (70 % liikevaihdosta) ilmoitti juuri
                # lopettavansa sopimuksen"): further back
                for before in analyses[
                    max(0, index - (SAID_REACH if fold(analysis.word).endswith("vansa") else 3)) : index
                ]
            )
        ]  # renamed below: the customer lost is asked about
        # ... or lost, named after ("menetti kaksi suurinta sopimustaan", "kilpailija vei isoimman asiakkaan")
        stopped += [
            index
            for index, analysis in enumerate(analyses)
            if (
                fold(analysis.word).startswith(LOST_STEMS)
                or (
                    fold(analysis.word) in TAKEN_FORMS
                    and any(
                        fold(before.word).startswith(RIVAL_STARTS) for before in analyses[max(0, index - 3) : index]
                    )
                )
            )
            and any(
                fold(after.word).startswith(PARTNER_STARTS + PARTNER_WORDS + CONTRACT_STARTS)
                for after in analyses[index + 1 : index + 4]
            )
        ]
        if NO_MORE_DEBT.search(folded_question):
            debt = [
                index
                for index, needs in need_words.items()
                if "loan" in needs or fold(analyses[index].word).startswith(DEBT_STARTS)
            ]
            joining = [
                index
                for index, needs in need_words.items()
                if needs == {"ownership_change"} and fold(analyses[index].word).startswith(NEW_PARTNER_STARTS)
            ]
            _rename_need_words(debt + joining, "equity", need_words, whole_needs, part_needs)
            whole_needs.add("equity")
            if joining and facets.stage == "transfer":
                facets = replace(facets, stage=None, transfer_side=None)
        hires_said = self._hires_said(analyses)
        lacking = STAFF_SKILL_LACKING.search(folded_question) or STAFF_NONE_CAN.search(folded_question)
        if lacking and not hires_said:
            word = next(group for group in lacking.groups() if group)
            staff = _word_names_need(analyses, word, "staff_training", need_words, whole_needs)
            if staff is not None:
                # the staff had, no hire ("myyjät ei osaa tehdä kauppaa")
                _withdraw_needs([staff], HIRING_NEEDS, need_words, whole_needs, part_needs)
                # the machine or system they cannot use is had already ("osaaminen ei riitä uusiin cnc-koneisiin",
                # "osti uudet CNC-koneet mutta kukaan ei osaa käyttää niitä", "automaatio tuli ja porukan osaaminen
                # ei riitä")
                reach = range(max(0, staff - SKILL_OBJECT_REACH), staff + 1 + SKILL_OBJECT_REACH)
                used = [at for at in reach if need_words.get(at) in (INVESTED, DIGITAL)]
                _drop_need_words(used, need_words, whole_needs, part_needs)
                _unmatched(analyses, used)
        language_taught = LANGUAGE_TRAINING.search(folded_question) is not None and not hires_said
        health = None if hires_said else STAFF_HEALTH.search(folded_question)
        if health:
            # "työntekijällä selkä kipeä, ei pysty raskaisiin hommiin": the employee's work ability, no hire; a
            # company with an employee is no one-person company, and a disability pension is no retiring owner's
            hiring_words = [
                index for index, needs in need_words.items() if needs & (HIRING_NEEDS | {"ownership_change"})
            ]
            _drop_need_words(hiring_words, need_words, whole_needs, part_needs)
            _word_names_need(analyses, health.group("health"), "wellbeing", need_words, whole_needs)
            # ... whose own matter it is: no entrepreneur's sickness allowance nor pension insurance
            facets = replace(
                facets, not_sizes=facets.not_sizes | {"solo"}, stage=None, transfer_side=None, person="employee"
            )
        # read from every word as written: a wish ("haaveilee") may have lost its own sense by then
        wished_at = own_business_wished(raw, self._names_business, lambda a: self.is_stopword(a) or is_place(a))
        if wished_at is not None:
            # "nuori tyyppi haluis oman parturin": a business of one's own wished for is one to start (and the
            # business is no private thing of one's own, whatever else its word may read as: "hoitolasta")
            wished = _word_names_need(analyses, fold(raw[wished_at].word), "starting", need_words, whole_needs)
            owned = [index for index in owned if index != wished]
        elif (kind := own_business_begun(folded_question)) is not None:
            # "oma firma, mistä aloitan": one's own business, to begin
            _word_names_need(analyses, kind, "starting", need_words, whole_needs)
        elif (work := own_work_started(folded_question)) is not None:
            # "työtön metsuri haluaisi alkaa tehdä töitä omalla koneella": self-employment begun, no hire
            hiring_words = [index for index, needs in need_words.items() if needs & HIRING_NEEDS]
            _rename_need_words(hiring_words, "starting", need_words, whole_needs, part_needs)
            # ... and the employer that closes is the old one ("tehdas lopettaa ja nyt miettii et tekis samaa omaan
            # laskuun"): no company of the client's closing
            closing = [
                index
                for index, needs in need_words.items()
                if needs == {DISTRESS_NEED} and fold(analyses[index].word).startswith(EMPLOYER_CLOSING)
            ]
            _drop_need_words(closing, need_words, whole_needs, part_needs)
            _word_names_need(analyses, work, "starting", need_words, whole_needs)
            if (work in MADE_TO_SELL or work.endswith(SIDE_LINE_ENDS) or work.startswith(FARM_NEW_LINE_STARTS)) and (
                facets.sector == FARM_SECTOR
            ):
                # "emäntä haluis alkaa tehdä puutuotteita myyntiin": a farm's new line of business, no farming
                facets = replace(facets, sector=None, not_sectors=frozenset({FARM_SECTOR}))
        if facets.sector == FARM_SECTOR or facets.farm_production in FARMING:
            line_stopped = self._farm_line_stopped(analyses, need_words)
            if (new_use := FARM_NEW_USE.search(folded_question)) is not None:
                use_word = next(word for word in new_use.groups() if word)
                used_at = [index for index, analysis in enumerate(analyses) if fold(analysis.word) == use_word]
                line_stopped += used_at[:1]
            _rename_need_words(line_stopped, "rural", need_words, whole_needs, part_needs)
            # (a farm that weighs renovating against stopping is still a farm: "remontoida vai lopettaa lypsy")
            if line_stopped and not {"ownership_change", "investment"} & (whole_needs | part_needs):
                # what else the farm could do: its next line is no farming (unless the next generation farms on)
                facets = replace(facets, sector=None, not_sectors=frozenset({FARM_SECTOR}))
        told_alone: list[tuple[int | None, str]] = []  # the needs told only when nothing else is asked, by word
        for told in needs_told:
            if told.need == TOPIC_NEED and DISTRESS_NEED in whole_needs:
                continue  # "ei oo enää asiakkaita, miten lopetetaan": a company closing for want of customers
            if told.need == "wellbeing" and whole_needs - told.instead_of:
                continue  # "polvet ei enää kestä ja haluaisin myydä firman": why it is sold, not what is asked
            if told.instead_of and told.own_word:  # "kauppa kuolee": its word names no death
                own = [
                    at for at, analysis in enumerate(analyses) if at in need_words and fold(analysis.word) == told.word
                ]
                _withdraw_needs(own, told.instead_of, need_words, whole_needs, part_needs)
            elif told.instead_of:  # "ei rahaa palkkoihin": the staff's pay, no hire nor a loan asked for
                instead = [index for index, needs in need_words.items() if needs <= told.instead_of]
                _drop_need_words(instead, need_words, whole_needs, part_needs)
                _unmatched(analyses, instead)  # "rahaa ei jää" is no "päiväraha" either
                # ... and a word of another need too keeps only that ("tehdashalli paloi": an investment to rebuild,
                # no premises sought)
                mixed = [index for index, word_needs in need_words.items() if word_needs & told.instead_of]
                _withdraw_needs(mixed, told.instead_of, need_words, whole_needs, part_needs)
            # "talvella ei yhtään varausta", "firma kaatuu päälle", "ei pysty maksaan kaikkea ite"
            at = _word_names_need(analyses, told.word, told.need, need_words, whole_needs)
            if told.alone:
                told_alone.append((at, told.need))
            said_with = [
                index
                for index, analysis in enumerate(analyses)
                if index != at and index not in need_words and fold(analysis.word) in told.said_with
            ]
            if told.unmatched and at is not None:
                said_with.append(at)
            _unmatched(analyses, said_with)  # "ei jää itelle palkkaa": no one retiring ("jää eläkkeelle")
            # "laittaa kotiin", "töitä puolelle": the word reads as the lay-off it means, as "tila" reads as premises
            # (the services on lay-offs name it so)
            if told.lay_off and at is not None:
                analyses[at] = replace(analyses[at], lemmas=analyses[at].lemmas | LAY_OFF_LEMMAS)
        if (partner := partner_leaving(folded_question)) is not None:
            # "ky:n toinen yhtiömies haluu irti": a share of the company changes owner, bought by the partners who
            # stay; no company is put up for sale or bought whole
            _word_names_need(analyses, partner, "ownership_change", need_words, whole_needs)
            facets = replace(facets, transfer_side="partner")
        if asks_to_keep_staff(analyses):
            # "työntekijöitä lähtee koko ajan, miten saa porukan pysymään": the staff's wellbeing, no hire
            hiring_words = [index for index, needs in need_words.items() if needs & HIRING_NEEDS]
            _rename_need_words(hiring_words, "wellbeing", need_words, whole_needs, part_needs)
            whole_needs.add("wellbeing")  # "porukka lähtee koko ajan": though no hire was named
            facets = replace(facets, not_sizes=facets.not_sizes | {"solo"})  # a company with staff
        else:
            # staff who left name the hire only ("asentajaa lopetti" is no company closing)
            lost = replacement_words(raw, self._is_worker)
            leaving = [index for index, analysis in enumerate(analyses) if fold(analysis.word) in lost]
            _rename_need_words(leaving, "recruitment", need_words, whole_needs, part_needs)
            if leaving and facets.stage == "transfer" and "ownership_change" not in whole_needs | part_needs:
                facets = replace(facets, stage=None)  # a key worker retires, not the owner
        if language_taught:
            hiring_words = [index for index, needs in need_words.items() if needs & HIRING_NEEDS]
            _rename_need_words(hiring_words, "staff_training", need_words, whole_needs, part_needs)
            whole_needs.add("staff_training")
            facets = replace(facets, employee_origin=None)
        if any(fold(analysis.word).startswith(EMPLOYER_DUTY_STEMS) for analysis in analyses):
            # "first hire, what obligations": the hire is decided, an employer's duties are asked
            hiring_words = [index for index, needs in need_words.items() if needs <= {"recruitment"}]
            _rename_need_words(hiring_words, "general_advice", need_words, whole_needs, part_needs)
        elif any(fold(analysis.word).startswith(AS_EMPLOYER) for analysis in analyses):
            duties = [index for index, analysis in enumerate(analyses) if fold(analysis.word).startswith(AS_EMPLOYER)]
            need_words[duties[0]] = need_words.get(duties[0], frozenset()) | {"general_advice"}
            whole_needs.add("general_advice")
        founders = self._founder_words(analyses, need_words, facets.stage == "idea")
        founders += askers_trade(analyses, self.lexicon.trade_words)
        # the sector that names the company, its form after it ("matkailu oy sulkavalla … lyhennysvapaata"): what
        # the company is, no need of its own
        # ... and a hyphenated name before its form ("Kone-Huolto Niskanen oy:n tilikausi meni pakkaselle")
        founders += [
            index
            for index in range(len(analyses) - 1)
            if (fold(analyses[index + 1].word) in COMPANY_FORM_WORDS and analyses[index].lemmas & self._sector_words)
            or (
                "-" in analyses[index].word
                and any(fold(a.word) in COMPANY_FORM_WORDS for a in analyses[index + 1 : index + 3])
                and not analyses[index].clause_end
            )
        ]
        _drop_need_words(founders, need_words, whole_needs, part_needs)
        replaced = in_place_of(analyses)  # what stands in another's place
        in_place = replaced + stopped  # ... or what a customer stopped: no topic of its own
        _drop_need_words(replaced, need_words, whole_needs, part_needs)
        # a customer lost is the business's problem to think through ("suurin asiakas lopetti sopimuksen, mitä nyt")
        _rename_need_words(stopped, TOPIC_NEED, need_words, whole_needs, part_needs)
        for index in stopped:  # ... and a trouble to get through
            need_words[index] = need_words[index] | {DISTRESS_NEED}
            whole_needs.add(DISTRESS_NEED)
        _unmatched(analyses, stopped)  # "lopetti" closes no company of the asker's
        # "maatila palkkaa kausityöntekijöitä Thaimaasta": the farm is who hires (its sector), not what it asks for
        farms = [
            index
            for index, needs in need_words.items()
            if needs == {"rural"} and (analyses[index].lemmas & FARM_WORDS or analyses[index].head == "tila")
        ]  # "marjatila", "lypsykarjatila": a farm by its head
        # a farm worker ("karjanhoitaja") is a hire for the farm: rural only by whom it works for
        workers = {index: needs - {"rural"} for index, needs in need_words.items() if needs & HIRING_NEEDS}
        other = frozenset().union(
            *(workers.get(index, needs) for index, needs in need_words.items() if index not in farms)
        )
        # a farm that only hires (and asks for the hire's permits); a farm's side business or barn is rural
        if other and other <= HIRING_NEEDS | {"permits"} and other & HIRING_NEEDS:
            need_words.update(workers)
            _drop_need_words(farms, need_words, whole_needs, part_needs)
            named = frozenset().union(*need_words.values())  # as dropping does, for a hire with no farm word
            whole_needs &= named
            part_needs &= named
        # "maatilan kirjanpidon … digitalisointi": the farm whose bookkeeping is digitised is the sector (a farm, by
        # its word), no rural need of its own, when another need is asked
        whose = [
            index
            for index, needs in need_words.items()
            if needs == {"rural"}
            and (analyses[index].lemmas & FARM_WORDS or fold(analyses[index].word).startswith(FARM_STEMS))
            and fold(analyses[index].word).endswith(GENITIVE_END)
            and not analyses[index].clause_end
            and index + 1 < len(analyses)
            and index + 1 not in need_words
            and fold(analyses[index + 1].word) not in BESIDE_WORDS  # "maatilan yhteydessä": beside the farm
            and not fold(analyses[index + 1].word).startswith(FARM_PEOPLE)  # "maatilan emäntä": the farm's people
        ]
        if whose and any(needs - {"rural"} for needs in need_words.values()):
            _drop_need_words(whose, need_words, whole_needs, part_needs)
        _drop_need_words(owned, need_words, whole_needs, part_needs)  # "omalle mökille": no tourism
        # "eläkkeellä oleva kirvesmies": one retired already sells no company by it ("jää eläkkeelle" may)
        retired = [index for index in need_words if fold(analyses[index].word) in RETIRED_FORMS]
        _drop_need_words(retired, need_words, whole_needs, part_needs)
        _drop_need_words(greeted_from(analyses), need_words, whole_needs, part_needs)
        _drop_need_words(stays_away(analyses), need_words, whole_needs, part_needs)
        _drop_need_words(sorted(home_news), need_words, whole_needs, part_needs)
        _unmatched(analyses, sorted(home_news))  # "koira sairastui" is no entrepreneur's sickness card either
        _drop_need_words(sorted(others), need_words, whole_needs, part_needs)  # the customers' farms: no rural need
        _drop_need_words(self._own_jobs(analyses), need_words, whole_needs, part_needs)
        for index in business_developed(analyses):
            need_words[index] = need_words.get(index, frozenset()) | {TOPIC_NEED}
            whole_needs.add(TOPIC_NEED)
        form_words, form_needs = self._company_form_chosen(analyses, bool(need_words))
        for index in form_words:
            need_words[index] = need_words.get(index, frozenset()) | form_needs
            whole_needs |= form_needs
        # the network itself asked to help ("voiko meidän verkosto auttaa") is asked for advice
        _rename_need_words(our_network(analyses), TOPIC_NEED, need_words, whole_needs, part_needs)
        self._funding_of_a_kind(analyses, need_words, whole_needs, part_needs)
        # "ei pysty maksamaan finnveran lainaa": a loan paid back in trouble is a debt, no loan asked for
        _rename_need_words(loans_owed(analyses, need_words), DISTRESS_NEED, need_words, whole_needs, part_needs)
        if DISTRESS_NEED in whole_needs and personal_guarantee:
            # the guarantee a failed company's owner answers for is a debt owed, no guarantee or loan sought
            owed = [index for index, needs in need_words.items() if needs <= {"loan", "guarantee"}]
            _rename_need_words(owed, DISTRESS_NEED, need_words, whole_needs, part_needs)
        if "ownership_change" in whole_needs:  # "myyntiä omille työntekijöille": the staff buy, nobody is hired
            buyers = [
                index
                for index, analysis in enumerate(analyses)
                if (fold(analysis.word).startswith(STAFF_BUYERS) and fold(analysis.word).endswith(ALLATIVE_ENDINGS))
                # ... or one of them who would buy it or carry it on ("voisiko joku työntekijöistä ostaa yrityksen",
                # "kaks työntekijää ois kiinnostuneita jatkamaan")
                or (
                    fold(analysis.word).startswith(STAFF_BUYERS)
                    and any(
                        fold(later.word).startswith(("osta", "jatka"))
                        for later in analyses[index + 1 : index + 1 + STAFF_BUYING_REACH]
                    )
                )
                # the seller of the company, no salesperson hired ("mistä neuvoa myyjälle omistajanvaihdokseen")
                or analysis.lemmas & SELLER_WORDS
            ]
            _drop_need_words(buyers, need_words, whole_needs, part_needs)
        if (
            written.people
            and not (whole_needs | part_needs) & HIRING_NEEDS
            and (facets.sector in VISITOR_SECTORS or "tourism" in whole_needs | part_needs)
        ):
            # "mökeillä käy vaan suomalaisia, saksalaisia pitäis saada": a tourism company's foreigners are guests
            written = replace(written, people=False, market=True)
            facets = replace(facets, employee_origin=None)
        hiring = bool((whole_needs | part_needs) & HIRING_NEEDS) or written.people
        if written.market_area and not hiring:
            # "myydä kiukaita Ruotsiin, ei tunne sieltä yhtään ostajaa": buyers of the goods sold there, no buyer of
            # the company (unless the company is said sold: "myydä firma ruotsalaiselle")
            goods_buyers = [
                index
                for index, needs in need_words.items()
                if needs == {"ownership_change"} and fold(analyses[index].word).startswith(GOODS_BUYERS)
            ]
            if goods_buyers and not any(analysis.lemmas & COMPANY_SOLD for analysis in analyses):
                _drop_need_words(goods_buyers, need_words, whole_needs, part_needs)
                _unmatched(analyses, goods_buyers)  # nor the buyers' words of the successors' cards
                if "ownership_change" not in whole_needs | part_needs:
                    facets = replace(
                        facets, stage=None if facets.stage == "transfer" else facets.stage, transfer_side=None
                    )
        self._support_for(analyses, need_words, whole_needs, part_needs, bool(hiring))
        abroad_need = "recruiting_abroad" if hiring else "export"
        # an investor from abroad, or the company sold to a buyer from abroad ("foreign investor kiinnostunut
        # ostamaan asiakkaan firman"): they come here, the company exports nothing, and the investor buys it
        sold = "ownership_change" in whole_needs | part_needs
        buyers_from_abroad = [
            index + 1
            for index, analysis in enumerate(analyses[:-1])
            if self._says_abroad(analysis)
            and fold(analyses[index + 1].word).startswith(COMPANY_BUYERS if sold else INVESTOR_STEMS)
        ]
        _drop_need_words(
            [index for index in buyers_from_abroad if sold and need_words.get(index) == frozenset({"equity"})],
            need_words,
            whole_needs,
            part_needs,
        )
        # "support for foreign entrepreneurs", "ulkomaalainen yrittäjä": the founder's origin, no market; such a
        # founder, asking nothing else, asks how to start here
        founders_from_abroad = [
            index
            for index, analysis in enumerate(analyses[:-1])
            if self._says_abroad(analysis) and fold(analyses[index + 1].word).startswith(FOUNDER_STEMS)
        ]
        if founders_from_abroad and not (whole_needs | part_needs) - {TOPIC_NEED}:
            need_words[founders_from_abroad[0]] = frozenset({"starting"})
            whole_needs.add("starting")
        abroad = {
            index
            for index, analysis in enumerate(analyses)
            if self._says_abroad(analysis)
            and index + 1 not in buyers_from_abroad
            and index not in denied_at  # "ei aio viedä ulkomaille"
            # "ulkomaisille työntekijöillemme": the origin of the staff had, no market
            and (hiring or not self._names_people(analyses[index + 1 : index + 2]))
            and index not in founders_from_abroad
            and not self._names_company_after(analyses, index)
            and not _says_who_asks(analyses, index)
        }
        for index in abroad:
            need_words[index] = need_words.get(index, frozenset()) | {abroad_need}
        if any(self._says_abroad(analyses[index]) for index in denied_at):
            denied_needs |= {abroad_need}  # "eikä haeta ulkomailta": the services for hiring abroad are not wanted
        # A nationality of people is where hires come from, but no market to export to.
        written_abroad = written.abroad and (hiring or written.market)
        if not hiring and (abroad or written_abroad or "export" in whole_needs | part_needs):
            # With a market named, growing ("laajentaa Saksaan") is export: its word names no investment.
            only_investment = frozenset({"investment"})
            growing = [index for index in self._growing_words(analyses) if need_words.get(index) == only_investment]
            _drop_need_words(growing, need_words, whole_needs, part_needs)
        if not (abroad or written_abroad):  # "Helsingin Matkamessut": a fair at home is marketing, no export
            domestic = self._domestic_fair_words(analyses, need_words)
            _rename_need_words(domestic, TOPIC_NEED, need_words, whole_needs, part_needs)
        # A country only as where to ("vientiä Ruotsiin") is a market, though the question also hires
        country_need = "export" if written.market and written.employee_origin is None else abroad_need
        if abroad:
            whole_needs.add(abroad_need)
        if written_abroad:
            whole_needs.add(country_need)
        # with something else asked for, the trouble told is why ("kesät täynnä mut talvella tyhjää, ulkomaalaisia
        # asiakkaita haluttais"): what is asked for is the need
        alone_needs = {need for _, need in told_alone}
        if told_alone and whole_needs - alone_needs:
            told_only = [
                index for index, need in told_alone if index is not None and need_words.get(index) == frozenset({need})
            ]
            _drop_need_words(told_only, need_words, whole_needs, part_needs)
            # a need told by the question's words as a whole, which no word names, goes too
            whole_needs -= alone_needs - frozenset().union(*need_words.values())
        # a country named where nobody is hired is where the company trades ("messuilla Saksassa")
        market = written.market_area if hiring else written.market_area or written.named_area
        facets = replace(facets, market=market)
        if not hiring:  # an origin or an age is an employee's only when the question is about hiring
            facets = replace(facets, employee_origin=None, employee_age=None, job=None)
        elif facets.employee_origin is None and any(
            (analyses[index].lemmas | analyses[index].parts) & PERMIT_WORDS and "recruiting_abroad" in needs
            for index, needs in need_words.items()
        ):
            # an employee's permit is asked for ("kuka hoitaa work permit -asiat"): only one from outside the EU/EEA
            # needs one (a resident one is read below)
            facets = replace(facets, employee_origin="outside_eu_eea")
        if hiring and RESIDENT.search(folded_question):
            # hired here, whatever the nationality: neither EU/EEA mobility nor an employee's permit concerns them,
            # though advice on hiring international staff still does
            facets = replace(facets, employee_origin="in_finland")
        # a seller or a buyer only of a company changing owner, said by a need or by its stage ("wants to retire")
        if "ownership_change" not in whole_needs | part_needs and facets.stage != "transfer":
            facets = replace(facets, transfer_side=None)
        if facets.transfer_side == "seller" and "ownership_change" in whole_needs:
            # the strength that gives out is why the owner sells ("ei enää jaksa fyysisesti, voisiko joku
            # työntekijöistä ostaa yrityksen"): the sale is asked about
            tired = [index for index, needs in need_words.items() if needs == frozenset({"wellbeing"})]
            _drop_need_words(tired, need_words, whole_needs, part_needs)
        if personal_guarantee:
            # the entrepreneur's own guarantee for the company's loan is the person's debt, whatever the form
            facets = replace(facets, company_form=None)
        facets = facets.merged(given)
        # the owner whose children will not carry on speaks of a company ("omistaja 67v, lapset ei halua jatkaa"),
        # though no company word is said; one's own shares bought or sold do not ("myydä omat osakkeet")
        succession = any(fold(analysis.word).startswith(OWNER_STEMS) for analysis in analyses) and any(
            "ownership_change" in need_words.get(index, ()) and analysis.lemmas & SUCCESSION_LEMMAS
            for index, analysis in enumerate(analyses)
        )
        # ... and so does an employer's or an owner's matter told ("cannot pay salaries", "tila siirtyy pojalle")
        business = self._business(analyses, facets) or succession or any(told.company for told in needs_told)
        if business and facets.applicant is None:
            facets = replace(facets, applicant="company")  # one company asks: no association's or group's aid
        if not business and facets.municipality is None:
            _drop_need_words(self._tradespeople_called(analyses, need_words), need_words, whole_needs, part_needs)
        needs = dict.fromkeys(whole_needs, 1.0)
        if business or whole_needs or facets.municipality:  # step 4
            for need in part_needs - whole_needs:
                needs[need] = 1.0
        if language_taught:  # the staff's nationality is no hire from abroad either
            needs = {need: weight for need, weight in needs.items() if need not in HIRING_NEEDS}
        if facets.stage in YOUNG_STAGES and (facets.company_age or 0) >= ESTABLISHED_YEARS and not given:
            # "perustettu 2018 … voiko hakea starttirahaa": the service named is no stage of a company that old
            # (a side business of a few years may still become full-time: "tmi ollu jo 3v, starttiraha?")
            facets = replace(facets, stage=None)
        if "ownership_change" in whole_needs and facets.stage in (None, "startup") and not given:
            # "toinen osakas ostaa osuuden", "already bought a sawmill, start-up grant?": a company that exists
            # changes owner, though its buyer may be a new entrepreneur
            facets = replace(facets, stage="transfer")
        elif "starting" in whole_needs and facets.stage is None and facets.company_age is None and not given:
            facets = replace(facets, stage="startup")  # "want to start a company": it is being founded
        if not given:
            facets = _farm_sector_by_need(facets, whole_needs)
            if (
                facets.farm_production in FARMING
                and facets.sector in (None, "manufacturing")  # "kananmunantuotanto": a farm's production
                and FARM_SECTOR not in facets.not_sectors
                and "starting" not in whole_needs  # a farm starting a shop starts a line of business that is no farming
            ):
                facets = replace(facets, sector=FARM_SECTOR)  # "sikatila rakentaa lantalaa": a farm that farms
        if facets.sector in VISITOR_SECTORS and "export" in needs and "tourism" not in needs:
            # a tourism company's customers from abroad come here: its export is tourism's own ("4 vuokramökkiä,
            # ulkomaalaisia asiakkaita haluttais")
            needs["tourism"] = 1.0
        # said of a company, not only its stage; a company named by its word grows too ("firma on ollut samassa
        # koossa 10 vuotta, haluaisin kasvaa")
        company = bool(facets.sector or facets.size or facets.company_form) or (
            facets.stage == "growing" and self._business(analyses, replace(facets, stage=None))
        )
        if not needs and facets.stage in STAGE_NEEDS and (company or facets.stage != "growing"):
            # "asiakkaalla on idea sovelluksesta": what a company at that stage asks for, said or not
            needs[STAGE_NEEDS[facets.stage]] = 1.0
        if not needs and self._names_business_topic(analyses):
            # "arvonlisäveron alarajahuojennus": a company's own administration, for a business adviser
            needs[TOPIC_NEED] = 1.0
        municipal = any(analysis.lemmas & self.lexicon.municipal_words for analysis in analyses)
        if not needs and asks_only_about_a_place(analyses, facets):
            # "entä hirvensalmella?", a follow-up: the same asked there, or who serves companies there
            needs[TOPIC_NEED] = 1.0
            municipal = True
        words = []
        for index, analysis in enumerate(analyses):
            if (self.is_stopword(analysis) or index in denied_at or index in in_place) and index not in need_words:
                continue  # a stop word, or what the question says is not wanted ("ei aio viedä ulkomaille")
            scored = index not in headcount and not is_place(analysis)
            # the founder's words say who starts, as a sector word says what the company is
            context = index in founders or (index not in need_words and self._is_context(analysis, written.words))
            named = need_words.get(index, frozenset()) & needs.keys()
            words.append(QuestionWord(analysis, CONTEXT_FACTOR if context else 1.0, scored, frozenset(named)))
        sources = [frozenset(named & needs.keys()) for named in need_words.values()]
        if written_abroad:
            sources.append(frozenset({country_need}))
        # a benefit named beside starting a business is the founder's question about it ("menettääkö opintotuen")
        # ... and one for the company's customers is the company's ("kotitalousvähennys asiakkaille")
        said = (
            "starting" not in needs
            and any(self._private_word(a) for a in analyses)
            and not any(fold(a.word).startswith(CUSTOMER_STEMS) for a in analyses)
        )
        # the asker's own private subject ("oma veroilmoitus") is private, whatever service it names; one's own
        # papers whatever else the question says ("kaksi työnantajaa"), unless a company's ("yrityksen oma")
        letting = any(
            fold(analysis.word).startswith(LETTING_STEMS) and not fold(analysis.word).startswith(TENANCY_STEMS)
            for analysis in analyses
        )
        # ... but not a founder's, whose own matters come with the business started ("my wife got a job here, I
        # would like to start a small IT consultancy")
        said = said or (
            "starting" not in needs
            and any(
                self._owned(analyses, index, private=True)
                and (
                    not business
                    or fold(analyses[index].word).startswith(PERSONAL_PAPERS)
                    # "for my own car", "my own kid": the asker's own, said so, whatever company is named
                    or (index > 1 and fold(analyses[index - 2].word) in MY_WORDS)
                )
                and not (index > 1 and self.describes_company(analyses[index - 2]))
                for index in owned
            )
        )
        # one's own holiday home or house sold or taxed ("oman mökin myynti, entä luovutusvoittovero"), not let
        said = said or (
            not letting
            and any(
                fold(analyses[index - 1].word) in self.lexicon.own_words and _is_own_home(fold(analyses[index].word))
                for index in range(1, len(analyses))
            )
        )
        return Understanding(
            tuple(words),
            needs,
            facets,
            business,
            tuple(source for source in sources if source),
            private=said,
            # a hire said is the company's ("palkata naapurin pojan"), whoever the person is
            # ... and so is the staff's health ("yks työntekijä ollu paljon saikulla")
            private_subject=private_topic and not business and not hires_said and not health,
            errand=(
                self._errands.is_errand(analyses)
                or is_calculation(question)
                or asks_statistics(question)
                or is_tech_support(question)
                or asks_weather_or_a_brand(question)
            ),
            defines=asks_definition(question),
            municipal=municipal,
            denied_needs=denied_needs,
            farm_said=facets.sector == FARM_SECTOR or facets.farm_production is not None or self._names_farm(analyses),
        )
