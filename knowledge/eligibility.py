"""Eligibility: a service's only_for / not_for rules against what is known of the company.

Each fact is read as the set of values it may still have (None: nothing known). A rule holds
when every possible value satisfies it, fails when none does, and is *open* otherwise: an open
rule is shown on the card so that the adviser can check it.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.facets import Facets
from knowledge.models import Service
from knowledge.vocab import (
    APPLICANTS,
    COMPANY_FORMS,
    DEBTS,
    EMPLOYEE_ORIGINS,
    FARM_PRODUCTIONS,
    FARM_SECTOR,
    FARMING,
    INVESTMENTS,
    JOBS,
    MARKETS,
    PERSONS,
    PROJECTS,
    SECTORS,
    SIZES,
    STAGES,
    TRANSFER_SIDES,
    WORKLOADS,
    Term,
    term_by_id,
)

# Stages a company that has run for this many years or more can no longer be in.
YOUNG_STAGES = frozenset({"idea", "startup"})
NO_LONGER_YOUNG_YEARS = 3
_VOCABULARY: dict[str, tuple[Term, ...]] = {
    "sectors": SECTORS,
    "stages": STAGES,
    "sizes": SIZES,
    "employee_origin": EMPLOYEE_ORIGINS,
    "workload": WORKLOADS,
    "job": JOBS,
    "farm_production": FARM_PRODUCTIONS,
    "market": MARKETS,
    "company_form": COMPANY_FORMS,
    "transfer_side": TRANSFER_SIDES,
    "debts": DEBTS,
    "investment": INVESTMENTS,
    "project": PROJECTS,
    "applicant": APPLICANTS,
    "person": PERSONS,
}
# Facts whose usual case needs no saying: a rule against the unusual one is not shown when the question is silent.
UNSAID_IS_USUAL = frozenset({"job", "farm_production", "debts", "investment", "project", "applicant", "person"})
# (only, not) lead-ins per fact, Finnish then English.
_LEADS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "sectors": (("Vain toimialalle", "Only for the sector"), ("Ei toimialalle", "Not for the sector")),
    "stages": (("Vain vaiheeseen", "Only at the stage"), ("Ei vaiheeseen", "Not at the stage")),
    "sizes": (("Vain kokoluokalle", "Only for the size"), ("Ei kokoluokalle", "Not for the size")),
    "employee_origin": (("Vain palkattaessa", "Only for hiring"), ("Ei palkattaessa", "Not for hiring")),
    "workload": (("Vain", "Only for"), ("Ei", "Not for")),
    "job": (("Vain", "Only for"), ("Ei", "Not for")),
    "farm_production": (("Vain", "Only for"), ("Ei", "Not for")),
    "market": (("Vain", "Only for"), ("Ei", "Not for")),
    "transfer_side": (("Vain", "Only for"), ("Ei", "Not for")),
    "debts": (("Vain", "Only for"), ("Ei", "Not for")),
    "investment": (("Vain", "Only for"), ("Ei", "Not for")),
    "project": (("Vain", "Only for"), ("Ei", "Not for")),
    "applicant": (("Vain", "Only for"), ("Ei", "Not for")),
    "person": (("Vain", "Only for"), ("Ei", "Not for")),
    "company_form": (
        ("Vain yhtiömuodolle", "Only for the company form"),
        ("Ei yhtiömuodolle", "Not for the company form"),
    ),
}
# Facts said as whom a rule is for ("Vain päätoimiselle yrittäjälle", "Vain kotieläintilalle").
_WHOM: dict[str, dict[str, tuple[str, str]]] = {
    "workload": {
        "full_time": ("päätoimiselle yrittäjälle", "a full-time entrepreneur"),
        "part_time": ("sivutoimiselle yrittäjälle", "a part-time entrepreneur"),
    },
    "job": {
        "summer": ("kesätyöhön", "a summer job"),
        "lasting": ("pidempään työsuhteeseen", "a longer employment"),
        "employed": ("jo työssä olevan palkkaamiseen", "hiring someone already in work"),
    },
    "farm_production": {
        "livestock": ("kotieläintilalle", "a livestock farm"),
        "crops": ("kasvinviljelytilalle", "a crop farm"),
        "forestry": ("metsätilalle", "a forest holding"),
        "aquaculture": ("kalankasvatukseen", "fish farming"),
    },
    "transfer_side": {
        "seller": ("yrityksen myyjälle tai luopujalle", "the seller of a business"),
        "buyer": ("yrityksen ostajalle tai jatkajalle", "the buyer or successor of a business"),
        "partner": ("osakkaan osuuden lunastukseen", "buying out a partner"),
    },
    "debts": {
        "has": ("velkaantuneelle yritykselle tai yrittäjälle", "a company or entrepreneur in debt"),
        "none": ("yritykselle, jolla ei ole velkoja", "a company with no debts"),
        "enforcement": ("yritykselle, jonka velkoja on ulosotossa", "a company whose debts are in enforcement"),
    },
    "investment": {
        "new": ("uuteen investointiin", "a new investment"),
        "replacement": ("korvausinvestointiin (vanhan tilalle)", "a replacement investment (for an old one)"),
    },
    "project": {
        "not_started": ("hankkeeseen, jota ei ole vielä aloitettu", "a project not started yet"),
        "started": ("jo aloitettuun tai hankittuun", "one already started or bought"),
    },
    "applicant": {
        "company": ("yksittäiselle yritykselle", "a single company"),
        "group": (
            "yhdistyksille, kehittäjäorganisaatioille ja yritysryhmille",
            "associations, development organisations and business groups",
        ),
    },
    "person": {
        "entrepreneur": ("yrittäjälle itselleen", "the entrepreneur in person"),
        "employee": ("työntekijän asiaan", "an employee's matter"),
    },
    "market": {  # where the company exports to
        "eu_eea": ("vientiin EU/ETA-alueelle", "exports to the EU/EEA"),
        "outside_eu_eea": ("vientiin EU/ETA-alueen ulkopuolelle", "exports outside the EU/EEA"),
    },
}


@dataclass(frozen=True)
class Condition:
    """One rule of a service that the question left open: shown to the adviser on the card."""

    fact: str  # sectors | stages | sizes | employee_origin | workload | job | farm_production | market | company_form
    # | transfer_side | debts | investment | project | applicant | max_company_age_years | min_company_age_years
    # | employee_age
    values: tuple[str, ...] = ()
    excluded: bool = False  # a not_for rule
    years: int = 0  # for max_company_age_years and min_company_age_years
    ages: tuple[int, int] = (0, 0)  # for employee_age and applicant_age

    def text(self, language: str = "fi") -> str:
        """The rule in a few words, in `language` (fi or en)."""
        english = language == "en"
        if self.fact == "employee_age":
            youngest, oldest = self.ages
            if english:
                return f"Only for hiring someone aged {youngest}–{oldest}"
            return f"Vain {youngest}–{oldest}-vuotiaan palkkaamiseen"
        if self.fact == "applicant_age":
            youngest, oldest = self.ages
            if english:
                return f"Only for an applicant aged {youngest}–{oldest}"
            return f"Vain {youngest}–{oldest}-vuotiaalle hakijalle"
        if self.fact == "max_company_age_years":
            if english:
                return f"Only for companies at most {self.years} years old"
            return f"Vain enintään {self.years} vuotta toimineille yrityksille"
        if self.fact == "min_company_age_years":
            if english:
                return f"Only for companies at least {self.years} years old"
            return f"Vain vähintään {self.years} vuotta toimineille yrityksille"
        if self.fact in _WHOM:
            lead = _LEADS[self.fact][1 if self.excluded else 0][1 if english else 0]
            whom = " / ".join(_WHOM[self.fact][value][1 if english else 0] for value in self.values)
            return f"{lead} {whom}"
        terms = _VOCABULARY[self.fact]
        labels = ", ".join(term_by_id(terms, value).label(language) for value in self.values)
        lead = _LEADS[self.fact][1 if self.excluded else 0][1 if english else 0]
        return f"{lead} {labels}" if self.fact == "employee_origin" else f"{lead}: {labels}"


@dataclass(frozen=True)
class Rules:
    """A service's eligibility rules, precomputed for ranking (pydantic attribute access is slow)."""

    only: tuple[tuple[str, frozenset[str]], ...] = ()
    excluded: tuple[tuple[str, frozenset[str]], ...] = ()
    max_age: int | None = None
    min_age: int | None = None
    employee_age: tuple[int, int] | None = None
    applicant_age: tuple[int, int] | None = None

    @property
    def for_hiring(self) -> bool:
        """True when the rules are about a person being hired (where from, how old)."""
        return self.employee_age is not None or any(fact == "employee_origin" for fact, _ in self.only)

    @property
    def empty(self) -> bool:
        """True when the service has no rules at all."""
        ages = (self.max_age, self.min_age, self.employee_age, self.applicant_age)
        return not (self.only or self.excluded) and all(rule is None for rule in ages)

    @property
    def count(self) -> int:
        """How many only_for rules there are: what a company known to meet them all gains."""
        ages = (self.max_age, self.min_age, self.employee_age, self.applicant_age)
        return len(self.only) + sum(rule is not None for rule in ages)


NO_RULES = Rules()


def rules_of(service: Service) -> Rules:
    """The service's only_for / not_for tables as Rules."""
    if service.only_for is None and service.not_for is None:
        return NO_RULES
    only = (
        tuple((name, frozenset(values)) for name, values in service.only_for.lists().items())
        if service.only_for
        else ()
    )
    excluded = (
        tuple((name, frozenset(values)) for name, values in service.not_for.lists().items()) if service.not_for else ()
    )
    ages = service.only_for.employee_age if service.only_for else None
    applicant = service.only_for.applicant_age if service.only_for else None
    return Rules(
        only,
        excluded,
        service.only_for.max_company_age_years if service.only_for else None,
        service.only_for.min_company_age_years if service.only_for else None,
        (ages[0], ages[1]) if ages else None,
        (applicant[0], applicant[1]) if applicant else None,
    )


def company_age(facets: Facets) -> float | None:
    """The company's age in years: as read, or 0 for a company still at the idea or start-up stage."""
    if facets.company_age is not None:
        return facets.company_age
    return 0 if facets.stage in YOUNG_STAGES else None


def possible_values(facets: Facets) -> dict[str, frozenset[str] | None]:
    """Per fact, the values the company may have (None: anything)."""
    stages: frozenset[str] | None = frozenset({facets.stage}) if facets.stage else None
    if stages is None and facets.company_age is not None and facets.company_age >= NO_LONGER_YOUNG_YEARS:
        stages = frozenset(term.id for term in STAGES) - YOUNG_STAGES
    sectors: frozenset[str] | None = frozenset({facets.sector}) if facets.sector else None
    if sectors is None and facets.not_sectors:
        sectors = frozenset(term.id for term in SECTORS) - facets.not_sectors
    sizes: frozenset[str] | None = frozenset({facets.size}) if facets.size else None
    if sizes is None and facets.not_sizes:
        sizes = frozenset(term.id for term in SIZES) - facets.not_sizes
    return {
        "sectors": sectors,
        "stages": stages,
        "sizes": sizes,
        "employee_origin": frozenset({facets.employee_origin}) if facets.employee_origin else None,
        "workload": frozenset({facets.workload}) if facets.workload else None,
        "job": frozenset({facets.job}) if facets.job else None,
        "farm_production": _farm_productions(facets),
        "market": frozenset({facets.market}) if facets.market else None,
        "company_form": frozenset({facets.company_form}) if facets.company_form else None,
        "transfer_side": frozenset({facets.transfer_side}) if facets.transfer_side else None,
        "debts": frozenset({facets.debts}) if facets.debts else None,
        "investment": frozenset({facets.investment}) if facets.investment else None,
        "project": frozenset({facets.project}) if facets.project else None,
        "applicant": frozenset({facets.applicant}) if facets.applicant else None,
        "person": frozenset({facets.person}) if facets.person else None,
    }


def _farm_productions(facets: Facets) -> frozenset[str] | None:
    """What the farm may produce: as read, or for a farm that does not say, livestock or crops (a farm
    farms; a forest holding alone is said so: "metsänomistaja")."""
    if facets.farm_production:
        return frozenset({facets.farm_production})
    return FARMING if facets.sector == FARM_SECTOR else None


@dataclass(frozen=True)
class Judgement:
    """A company that may qualify: the rules the question left open, and how many it is known to meet."""

    open: tuple[Condition, ...] = ()
    met: int = 0  # only_for rules the company is known to meet: the service is made for it


ELIGIBLE = Judgement()


def judge(
    rules: Rules,
    known: dict[str, frozenset[str] | None],
    age: float | None,
    hire_age: int | None = None,
    applicant_age: int | None = None,
) -> Judgement | None:
    """None when the company (or the person it hires) is known to break a rule; else what is open
    and what is met."""
    if rules.empty:
        return ELIGIBLE
    left: list[Condition] = []
    met = 0
    for fact, allowed in rules.only:
        possible = known[fact]
        if possible is not None and not possible & allowed:
            return None
        if possible is None or not possible <= allowed:
            left.append(Condition(fact, _ordered(fact, allowed)))
        elif fact != "farm_production":  # a farm's production refines its sector rule, which counts already
            met += 1
    for fact, barred in rules.excluded:
        possible = known[fact]
        if possible is not None and possible <= barred:
            return None
        if possible is None and fact in UNSAID_IS_USUAL:
            continue  # a hire is for lasting work, a company no forest holding, unless the question says so
        if possible is None or possible & barred:
            left.append(Condition(fact, _ordered(fact, barred), excluded=True))
    if rules.max_age is not None:
        if age is None:
            left.append(Condition("max_company_age_years", years=rules.max_age))
        elif age > rules.max_age:
            return None
        else:
            met += 1
    if rules.min_age is not None:
        if age is None:
            left.append(Condition("min_company_age_years", years=rules.min_age))
        elif age < rules.min_age:
            return None
        else:
            met += 1
    for fact, bounds, person_age in (
        ("employee_age", rules.employee_age, hire_age),
        ("applicant_age", rules.applicant_age, applicant_age),
    ):
        if bounds is None:
            continue
        youngest, oldest = bounds
        if person_age is None:
            left.append(Condition(fact, ages=bounds))
        elif not youngest <= person_age <= oldest:
            return None
        else:
            met += 1
    if any(condition.fact == "sectors" for condition in left):
        # "Vain toimialalle: maa- ja metsätalous" says it already: a farm's production is checked with it
        left = [condition for condition in left if condition.fact != "farm_production"]
    return Judgement(tuple(left), met)


def _ordered(fact: str, values: frozenset[str]) -> tuple[str, ...]:
    return tuple(term.id for term in _VOCABULARY[fact] if term.id in values)
