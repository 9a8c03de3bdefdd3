"""Controlled vocabularies of the knowledge base: needs, stages, sizes, sectors, kinds, municipalities.

Every id here is what the data files use; the labels are what users see (Finnish, English).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: its id and its Finnish and English label."""

    id: str
    fi: str
    en: str

    def label(self, language: str) -> str:
        """The label in `language` (fi or en)."""
        return self.en if language == "en" else self.fi


NEEDS: tuple[Term, ...] = (
    Term("starting", "yrityksen perustaminen", "starting a business"),
    Term("loan", "laina ja rahoitus", "loans and financing"),
    Term("guarantee", "takaus", "guarantees"),
    Term("development_grant", "kehittämisavustus", "development grants"),
    Term("investment", "investoinnit", "investments"),
    Term("equity", "pääomasijoitus", "equity investment"),
    Term("export", "vienti ja kansainvälistyminen", "export and internationalisation"),
    Term("recruitment", "rekrytointi", "recruitment"),
    Term("recruiting_abroad", "rekrytointi ulkomailta", "recruiting from abroad"),
    Term("wage_subsidy", "palkkatuki", "wage subsidy"),
    Term("staff_training", "henkilöstön koulutus", "staff training"),
    Term("apprenticeship", "oppisopimus", "apprenticeship"),
    Term("ownership_change", "omistajanvaihdos", "ownership change"),
    Term("financial_distress", "talousvaikeudet", "financial difficulties"),
    Term("wellbeing", "yrittäjän jaksaminen", "entrepreneur wellbeing"),
    Term("digitalisation", "digitalisaatio", "digitalisation"),
    Term("energy", "energia", "energy"),
    Term("rural", "maaseutu ja maatilat", "rural businesses and farms"),
    Term("tourism", "matkailu", "tourism"),
    Term("rnd", "tutkimus, kehitys ja innovaatiot", "R&D and innovation"),
    Term("premises", "toimitilat ja sijoittuminen", "premises and location"),
    Term("permits", "luvat ja ilmoitukset", "permits and notifications"),
    Term("networking", "verkostot", "networking"),
    Term("general_advice", "yleinen yritysneuvonta", "general business advice"),
)

STAGES: tuple[Term, ...] = (
    Term("idea", "idea-vaihe", "idea stage"),
    Term("startup", "aloittava", "start-up"),
    Term("growing", "kasvava", "growing"),
    Term("established", "vakiintunut", "established"),
    Term("transfer", "omistajanvaihdos", "ownership transfer"),
    Term("crisis", "kriisi", "crisis"),
)

SIZES: tuple[Term, ...] = (
    Term("solo", "yksinyrittäjä", "sole entrepreneur"),
    Term("micro", "mikroyritys (2–9)", "micro (2–9)"),
    Term("small", "pieni yritys (10–49)", "small (10–49)"),
    Term("medium", "keskisuuri (50–249)", "medium (50–249)"),
    Term("large", "suuri (250+)", "large (250+)"),
)

SECTORS: tuple[Term, ...] = (
    Term("agriculture", "maa- ja metsätalous", "agriculture and forestry"),
    Term("food", "elintarvikkeet", "food production"),
    Term("manufacturing", "teollisuus", "manufacturing"),
    Term("construction", "rakentaminen", "construction"),
    Term("retail", "kauppa", "retail and trade"),
    Term("hospitality", "ravintolat ja kahvilat", "restaurants and cafés"),
    Term("tourism", "matkailu", "tourism"),
    Term("transport", "kuljetus ja logistiikka", "transport and logistics"),
    Term("ict", "IT ja ohjelmistot", "IT and software"),
    Term("business_services", "liike-elämän palvelut", "business services"),
    Term("personal_services", "henkilöpalvelut", "personal services"),
    Term("health_social", "sosiaali- ja terveysala", "health and social care"),
    Term("creative", "luovat alat", "creative industries"),
    Term("energy", "energia", "energy"),
)

# Where the employee a company wants to hire comes from: recruitment services differ by it
# (EURES serves hiring within the EU/EEA; work permits concern hiring from outside it; neither concerns someone
# who lives in Finland already, such as a refugee with the right to work under temporary protection).
EMPLOYEE_ORIGINS: tuple[Term, ...] = (
    Term("eu_eea", "EU/ETA-alueelta", "from the EU/EEA"),
    Term("outside_eu_eea", "EU/ETA-alueen ulkopuolelta", "from outside the EU/EEA"),
    Term("in_finland", "Suomesta (asuu jo täällä)", "from within Finland (lives here already)"),
)
# Where a company exports to: the first two of the origins
MARKETS: tuple[Term, ...] = EMPLOYEE_ORIGINS[:2]

# Whether the entrepreneur works in the company full-time or beside a job or studies: the start-up grant
# (starttiraha) is for becoming a full-time entrepreneur only.
WORKLOADS: tuple[Term, ...] = (
    Term("full_time", "päätoiminen", "full-time"),
    Term("part_time", "sivutoiminen", "part-time"),
)

# The job a hire is taken on for, or comes from: a summer job is no lasting employment of an unemployed
# jobseeker, and someone who is in work now is no jobseeker (the pay subsidy and the youth employment voucher
# are for unemployed jobseekers taken on for longer)
JOBS: tuple[Term, ...] = (
    Term("summer", "kesätyö", "summer job"),
    Term("lasting", "pidempi työsuhde", "longer employment"),
    Term("employed", "jo työssä oleva", "someone already in work"),
)

# Which side of a change of owner the company's question is on: the owner who sells or hands over, the buyer or
# successor who takes over (a marketplace's "buy a company" and the buyer's advice are for the latter), or the owners
# among themselves when one partner leaves.
TRANSFER_SIDES: tuple[Term, ...] = (
    Term("seller", "yrityksen myyjä tai luopuja", "seller of a business"),
    Term("buyer", "yrityksen ostaja tai jatkaja", "buyer or successor"),
    # a partner who leaves is bought out by those who stay: no company changes hands whole ("osakas haluaa ulos")
    Term("partner", "osakkaan osuuden lunastus", "a partner bought out"),
)

# Whether the company has debts: the debt advice, debt adjustment and the tax payment arrangement are for a company or
# an entrepreneur in debt, not for one that says it has none ("lopetus, velkoja ei ole").
DEBTS: tuple[Term, ...] = (
    Term("has", "velkaa", "in debt"),
    Term("none", "ei velkoja", "no debts"),
    Term("enforcement", "velkaa ulosotossa", "debts in enforcement"),
)

# What is invested in, and when: the development grants for investments are for new investments applied for before
# they start ("Ei korvausinvestointeihin eikä aloitettuihin hankkeisiin"), not for a machine that replaces an old one
# ("vanhan tilalle") or one already bought ("kone on jo ostettu").
INVESTMENTS: tuple[Term, ...] = (
    Term("new", "uusi investointi", "a new investment"),
    Term("replacement", "korvausinvestointi", "a replacement investment"),
)
PROJECTS: tuple[Term, ...] = (
    Term("not_started", "ei vielä aloitettu", "not started yet"),
    Term("started", "jo aloitettu tai hankittu", "already started or bought"),
)

# Who applies: the Leader groups' project aid and the regional council's JTF projects are for associations, developers
# and groups of companies working together, not for one company's own development (that has the business aids).
APPLICANTS: tuple[Term, ...] = (
    Term("company", "yksittäinen yritys", "a single company"),
    Term("group", "yhdistys, kehittäjä tai yritysryhmä", "an association, developer or business group"),
)

# Whose own matter the question is: the entrepreneur's sickness allowance, occupational health care, pension insurance
# and unemployment fund, and the farmers' Mela services, are for the entrepreneur (or farmer) in person, not for an
# employee who falls ill ("työntekijä sairastui pitkäaikaisesti, mistä korvauksia").
PERSONS: tuple[Term, ...] = (
    Term("entrepreneur", "yrittäjä itse", "the entrepreneur in person"),
    Term("employee", "työntekijän asia", "an employee's matter"),
)

# What a farm produces: the farm relief service (lomitus) is for farms that keep animals; a forest owner
# without a farm gets no farm-only services.
FARM_PRODUCTIONS: tuple[Term, ...] = (
    Term("livestock", "kotieläintila", "livestock farm"),
    Term("crops", "kasvinviljelytila", "crop farm"),
    Term("forestry", "metsätila", "forest holding"),
    Term("aquaculture", "kalankasvatus", "fish farming"),
)
FARM_SECTOR = "agriculture"  # the sector of farms (and forest holdings)
FARMING = frozenset({"livestock", "crops"})  # what a farm that does not say produces: it farms

# The company's legal form: Finnvera's entrepreneur loan buys shares of a limited company; the public debt
# advice serves private persons and sole traders, not a limited company's debts.
COMPANY_FORMS: tuple[Term, ...] = (
    Term("limited", "osakeyhtiö", "limited company"),
    Term("sole_trader", "toiminimi", "sole trader"),
    Term("partnership", "henkilöyhtiö (ky, ay)", "partnership"),
    Term("cooperative", "osuuskunta", "co-operative"),
)

PROVIDER_KINDS: tuple[Term, ...] = (
    Term("national", "valtakunnallinen", "national"),
    Term("regional", "alueellinen", "regional"),
    Term("municipal", "kunnallinen", "municipal"),
    Term("association", "järjestö", "association"),
    Term("education", "oppilaitos", "education"),
)

CHARGES: tuple[Term, ...] = (
    Term("free", "maksuton", "free"),
    Term("paid", "maksullinen", "paid"),
    Term("partly_paid", "osin maksullinen", "partly paid"),
    Term("members", "jäsenille", "for members"),
    Term("funding", "rahoitus (haettava)", "funding (applied for)"),
)


@dataclass(frozen=True)
class Municipality:
    """A municipality with its official code (Statistics Finland) and the forms people write."""

    code: str
    fi: str
    en: str
    forms: tuple[str, ...]  # inflected and adjectival forms, lower case
    # for a company elsewhere: the neighbouring region it is in, when a provider's area names it
    region: str = ""

    def area_codes(self) -> frozenset[str]:
        """The area codes a provider's or service's area may name for this place."""
        return frozenset({self.code, self.region} - {""})


# The 12 municipalities of Etelä-Savo (2026). Forms: -ssa/-lla (in), -an/-lle (to),
# -sta/-lta (from), the inhabitant adjective and its common cases.
MUNICIPALITIES: tuple[Municipality, ...] = (
    Municipality(
        "046",
        "Enonkoski",
        "Enonkoski",
        (
            "enonkoski",
            "enonkoskella",
            "enonkoskelle",
            "enonkoskelta",
            "enonkosken",
            "enonkoskelainen",
            "enonkoskelaisen",
            "enonkoskelaiselle",
            "enonkoskelaista",
        ),
    ),
    Municipality(
        "097",
        "Hirvensalmi",
        "Hirvensalmi",
        (
            "hirvensalmi",
            "hirvensalmella",
            "hirvensalmelle",
            "hirvensalmelta",
            "hirvensalmen",
            "hirvensalmelainen",
            "hirvensalmelaisen",
            "hirvensalmelaiselle",
        ),
    ),
    Municipality(
        "178",
        "Juva",
        "Juva",
        ("juva", "juvalla", "juvalle", "juvalta", "juvan", "juvalainen", "juvalaisen", "juvalaiselle", "juvalaista"),
    ),
    Municipality(
        "213",
        "Kangasniemi",
        "Kangasniemi",
        (
            "kangasniemi",
            "kangasniemellä",
            "kangasniemelle",
            "kangasniemeltä",
            "kangasniemen",
            "kangasniemeläinen",
            "kangasniemeläisen",
            "kangasniemeläiselle",
        ),
    ),
    Municipality(
        "491",
        "Mikkeli",
        "Mikkeli",
        (
            "mikkeli",
            "mikkelissä",
            "mikkeliin",
            "mikkelistä",
            "mikkelin",
            "mikkeliläinen",
            "mikkeliläisen",
            "mikkeliläiselle",
            "mikkeliläistä",
            "mikkeliläinen",
        ),
    ),
    Municipality(
        "507",
        "Mäntyharju",
        "Mäntyharju",
        (
            "mäntyharju",
            "mäntyharjulla",
            "mäntyharjulle",
            "mäntyharjulta",
            "mäntyharjussa",  # also said "in", "to" and "from" like a town
            "mäntyharjuun",
            "mäntyharjusta",
            "mäntyharjun",
            "mäntyharjulainen",
            "mäntyharjulaisen",
            "mäntyharjulaiselle",
        ),
    ),
    Municipality(
        "588",
        "Pertunmaa",
        "Pertunmaa",
        (
            "pertunmaa",
            "pertunmaalla",
            "pertunmaalle",
            "pertunmaalta",
            "pertunmaan",
            "pertunmaalainen",
            "pertunmaalaisen",
            "pertunmaalaiselle",
        ),
    ),
    Municipality(
        "593",
        "Pieksämäki",
        "Pieksämäki",
        (
            "pieksämäki",
            "pieksämäellä",
            "pieksämäelle",
            "pieksämäeltä",
            "pieksämäen",
            "pieksämäkeläinen",
            "pieksämäkeläisen",
            "pieksämäkeläiselle",
            "pieksämäkeläistä",
        ),
    ),
    Municipality(
        "623",
        "Puumala",
        "Puumala",
        (
            "puumala",
            "puumalassa",
            "puumalaan",
            "puumalasta",
            "puumalan",
            "puumalalainen",
            "puumalalaisen",
            "puumalalaiselle",
        ),
    ),
    Municipality(
        "681",
        "Rantasalmi",
        "Rantasalmi",
        (
            "rantasalmi",
            "rantasalmella",
            "rantasalmelle",
            "rantasalmelta",
            "rantasalmen",
            "rantasalmelainen",
            "rantasalmelaisen",
            "rantasalmelaiselle",
        ),
    ),
    Municipality(
        "740",
        "Savonlinna",
        "Savonlinna",
        (
            "savonlinna",
            "savonlinnassa",
            "savonlinnaan",
            "savonlinnasta",
            "savonlinnan",
            "savonlinnalainen",
            "savonlinnalaisen",
            "savonlinnalaiselle",
            "savonlinnalaista",
        ),
    ),
    Municipality(
        "768",
        "Sulkava",
        "Sulkava",
        (
            "sulkava",
            "sulkavalla",
            "sulkavalle",
            "sulkavalta",
            "sulkavan",
            "sulkavalainen",
            "sulkavalaisen",
            "sulkavalaiselle",
        ),
    ),
)
# Former municipalities and large villages that advisers still name for a part of one of the 12 ("Punkaharjun
# matkailuyrittäjä" is in Savonlinna): the name's beginning as folded and written in all its cases (so that the
# plain analyser finds "Kerimäellä" and "Ristiinassa" too), the name folded, and the municipality's code.
VILLAGES: tuple[tuple[str, str, str], ...] = (
    ("punkaharju", "punkaharju", "740"),
    ("kerima", "kerimaki", "740"),
    ("savonran", "savonranta", "740"),
    ("saamin", "saaminki", "740"),
    ("ristiina", "ristiina", "491"),
    ("anttola", "anttola", "491"),
    ("haukivuor", "haukivuori", "491"),
    ("suomenniem", "suomenniemi", "491"),
    ("jappila", "jappila", "593"),
    ("virtasalm", "virtasalmi", "593"),
    ("naarajarv", "naarajarvi", "593"),
    ("pieksanmaa", "pieksanmaa", "593"),
)
OTHER_MUNICIPALITY = Municipality("other", "muu kunta", "other municipality", ())
# The neighbouring regions whose companies a regional provider of Etelä-Savo may also serve (the Itä-Suomi
# elinvoimakeskus serves Pohjois-Savo and Pohjois-Karjala too): elsewhere still, as the code says, but the
# provider's area may name the region. Forms: the towns and inhabitant words (folded) that place a company there.
NEIGHBOUR_REGIONS: tuple[Municipality, ...] = (
    Municipality(
        "other",
        "Pohjois-Savo",
        "North Savo",
        (
            "kuopio", "kuopiolainen", "varkaus", "varkautelainen", "varkauslainen", "iisalmi", "iisalmelainen",
            "joroinen", "joroislainen", "leppavirta", "leppavirtalainen", "suonenjoki", "suonenjokelainen",
        ),
        region="pohjois-savo",
    ),
    Municipality(
        "other",
        "Pohjois-Karjala",
        "North Karelia",
        (
            "joensuu", "joensuulainen", "heinavesi", "heinavesilainen", "outokumpu", "outokumpulainen",
            "liperi", "liperilainen",
        ),
        region="pohjois-karjala",
    ),
)  # fmt: skip
REGION_CODES = frozenset(region.region for region in NEIGHBOUR_REGIONS)
ALL_AREA = "all"  # a provider or service open to companies anywhere in Finland

NEED_IDS = frozenset(term.id for term in NEEDS)
STAGE_IDS = frozenset(term.id for term in STAGES)
SIZE_IDS = frozenset(term.id for term in SIZES)
SECTOR_IDS = frozenset(term.id for term in SECTORS)
ORIGIN_IDS = frozenset(term.id for term in EMPLOYEE_ORIGINS)
MARKET_IDS = frozenset(term.id for term in MARKETS)
WORKLOAD_IDS = frozenset(term.id for term in WORKLOADS)
TRANSFER_SIDE_IDS = frozenset(term.id for term in TRANSFER_SIDES)
JOB_IDS = frozenset(term.id for term in JOBS)
DEBT_IDS = frozenset(term.id for term in DEBTS)
INVESTMENT_IDS = frozenset(term.id for term in INVESTMENTS)
PROJECT_IDS = frozenset(term.id for term in PROJECTS)
APPLICANT_IDS = frozenset(term.id for term in APPLICANTS)
PERSON_IDS = frozenset(term.id for term in PERSONS)
FARM_PRODUCTION_IDS = frozenset(term.id for term in FARM_PRODUCTIONS)
COMPANY_FORM_IDS = frozenset(term.id for term in COMPANY_FORMS)
KIND_IDS = frozenset(term.id for term in PROVIDER_KINDS)
CHARGE_IDS = frozenset(term.id for term in CHARGES)
MUNICIPALITY_CODES = frozenset(m.code for m in MUNICIPALITIES)
MUNICIPALITY_BY_CODE = {m.code: m for m in (*MUNICIPALITIES, OTHER_MUNICIPALITY)}


def term_by_id(terms: tuple[Term, ...], term_id: str) -> Term:
    """The term with `term_id` (KeyError if none)."""
    for term in terms:
        if term.id == term_id:
            return term
    raise KeyError(term_id)
