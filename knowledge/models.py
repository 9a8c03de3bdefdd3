"""Pydantic models of the knowledge base: a provider and the services it offers."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationInfo, field_validator, model_validator

from knowledge.vocab import (
    ALL_AREA,
    APPLICANT_IDS,
    CHARGE_IDS,
    COMPANY_FORM_IDS,
    DEBT_IDS,
    FARM_PRODUCTION_IDS,
    INVESTMENT_IDS,
    JOB_IDS,
    KIND_IDS,
    MARKET_IDS,
    MUNICIPALITY_CODES,
    NEED_IDS,
    ORIGIN_IDS,
    PERSON_IDS,
    PROJECT_IDS,
    REGION_CODES,
    SECTOR_IDS,
    SIZE_IDS,
    STAGE_IDS,
    TRANSFER_SIDE_IDS,
    WORKLOAD_IDS,
)

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


def _check_vocabulary(values: list[str], allowed: frozenset[str], what: str) -> list[str]:
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise ValueError(f"unknown {what} {unknown}; allowed: {sorted(allowed)}")
    if len(set(values)) != len(values):
        raise ValueError(f"{what} listed twice: {values}")
    return values


def _check_area(values: list[str]) -> list[str]:
    if ALL_AREA in values and len(values) > 1:
        raise ValueError(f"'{ALL_AREA}' (whole country) cannot be combined with municipality codes")
    unknown = [value for value in values if value != ALL_AREA and value not in MUNICIPALITY_CODES | REGION_CODES]
    if unknown:
        raise ValueError(
            f"unknown municipality codes {unknown}; use '{ALL_AREA}', codes {sorted(MUNICIPALITY_CODES)}"
            f" or a neighbouring region {sorted(REGION_CODES)}"
        )
    return values


MIN_WORKING_AGE, MAX_WORKING_AGE = 13, 80  # the ages an employee_age condition may name


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Provider(_Strict):
    """An organisation that offers services to companies."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=2)
    kind: str
    municipalities: list[str] = Field(min_length=1)
    web: str = ""
    phone: str = ""
    email: str = ""
    teams_conversation: str = ""
    notes: str = ""

    _kind = field_validator("kind")(lambda value: _check_vocabulary([value], KIND_IDS, "kind")[0])
    _area = field_validator("municipalities")(_check_area)

    @model_validator(mode="after")
    def _some_contact(self) -> Provider:
        if not (self.web or self.phone or self.email):
            raise ValueError("a provider needs at least one public contact: web, phone or email")
        return self

    @property
    def nationwide(self) -> bool:
        """True when the provider serves companies anywhere in Finland."""
        return ALL_AREA in self.municipalities


_CONDITION_LISTS: dict[str, tuple[frozenset[str], str]] = {
    "sectors": (SECTOR_IDS, "sector ids"),
    "stages": (STAGE_IDS, "stage ids"),
    "sizes": (SIZE_IDS, "size ids"),
    "employee_origin": (ORIGIN_IDS, "employee origins"),
    "workload": (WORKLOAD_IDS, "workloads"),
    "job": (JOB_IDS, "jobs"),
    "farm_production": (FARM_PRODUCTION_IDS, "farm productions"),
    "market": (MARKET_IDS, "markets"),
    "company_form": (COMPANY_FORM_IDS, "company forms"),
    "transfer_side": (TRANSFER_SIDE_IDS, "transfer sides"),
    "debts": (DEBT_IDS, "debt states"),
    "investment": (INVESTMENT_IDS, "investment kinds"),
    "project": (PROJECT_IDS, "project states"),
    "applicant": (APPLICANT_IDS, "applicants"),
    "person": (PERSON_IDS, "persons"),
}


def _condition_list(value: list[str] | None, allowed: frozenset[str], what: str) -> list[str] | None:
    if value is None:
        return None
    if not value:
        raise ValueError("empty list: nobody would qualify; leave the list out for no condition")
    return _check_vocabulary(value, allowed, what)


class _Conditions(_Strict):
    """Facts about the company a condition table names; a list left out is no condition."""

    sectors: list[str] | None = None
    stages: list[str] | None = None
    sizes: list[str] | None = None
    employee_origin: list[str] | None = None  # of the employee being hired: eu_eea | outside_eu_eea | in_finland
    workload: list[str] | None = None  # the entrepreneur's: full_time | part_time
    job: list[str] | None = None  # the hire's: summer | lasting | employed
    farm_production: list[str] | None = None  # a farm's: livestock | crops
    market: list[str] | None = None  # where the company exports to: eu_eea | outside_eu_eea
    company_form: list[str] | None = None  # limited | sole_trader | partnership | cooperative
    transfer_side: list[str] | None = None  # in a change of owner: seller | buyer | partner
    debts: list[str] | None = None  # the company's: has | none ("velkoja ei ole")
    investment: list[str] | None = None  # what is invested in: new | replacement ("vanhan tilalle")
    project: list[str] | None = None  # the project or purchase funded: not_started | started ("jo ostettu")
    applicant: list[str] | None = None  # who applies: company | group (an association, developer or business group)
    person: list[str] | None = None  # whose own matter: entrepreneur | employee ("työntekijä sairastui")

    @field_validator(
        "sectors",
        "stages",
        "sizes",
        "employee_origin",
        "workload",
        "job",
        "farm_production",
        "market",
        "company_form",
        "transfer_side",
        "debts",
        "investment",
        "project",
        "applicant",
        "person",
    )
    @classmethod
    def _known_ids(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        allowed, what = _CONDITION_LISTS[str(info.field_name)]
        return _condition_list(value, allowed, what)

    @model_validator(mode="after")
    def _not_empty(self) -> _Conditions:
        if all(value is None for value in self.model_dump().values()):
            names = ", ".join(type(self).model_fields)
            raise ValueError(f"empty table: give at least one of {names}, or leave the table out")
        return self

    def lists(self) -> dict[str, list[str]]:
        """The id lists given, by field name."""
        return {name: getattr(self, name) for name in _CONDITION_LISTS if getattr(self, name) is not None}


class OnlyFor(_Conditions):
    """`[service.only_for]`: who may use the service; every condition given must hold."""

    max_company_age_years: StrictInt | None = Field(default=None, ge=1, le=200)
    # the company's least age in full years ("pk-takaus": registered over 3 years ago)
    min_company_age_years: StrictInt | None = Field(default=None, ge=1, le=200)
    # [youngest, oldest]: the age of the person being hired ("nuorten työllistymisseteli": 18–29)
    employee_age: list[StrictInt] | None = None
    # [youngest, oldest]: the age of the farmer or successor who applies ("nuoren viljelijän aloitustuki": 18–40)
    applicant_age: list[StrictInt] | None = None

    @field_validator("employee_age", "applicant_age")
    @classmethod
    def _age_range(cls, value: list[int] | None) -> list[int] | None:
        if value is None:
            return None
        if len(value) != 2 or not MIN_WORKING_AGE <= value[0] <= value[1] <= MAX_WORKING_AGE:
            raise ValueError(
                f"expected [youngest, oldest] between {MIN_WORKING_AGE} and {MAX_WORKING_AGE}, e.g. [18, 29]"
            )
        return value

    @model_validator(mode="after")
    def _ages_meet(self) -> OnlyFor:
        low, high = self.min_company_age_years, self.max_company_age_years
        if low is not None and high is not None and low > high:
            raise ValueError("min_company_age_years is above max_company_age_years, so nobody would qualify")
        return self


class NotFor(_Conditions):
    """`[service.not_for]`: who may not use the service; none of the conditions may hold."""

    @model_validator(mode="after")
    def _someone_left(self) -> NotFor:
        for name, values in self.lists().items():
            if set(values) >= _CONDITION_LISTS[name][0]:
                raise ValueError(f"{name} excludes every value, so nobody would qualify")
        return self


class Service(_Strict):
    """One service a provider offers, described for the finder and for advisers.

    Who the service is for is said twice, with different strength:
    - `stages`, `sizes`, `sectors` say whom it is *aimed at*. They re-rank: a company whose
      stage or size is known ranks higher when it is listed and lower when it is not, and never
      disappears for it. `sectors` is stricter (as it has always been): a company whose sector
      is known and not listed does not see the service; one whose sector is unknown sees it
      ranked a little lower. None of them shows a condition on the card.
    - `only_for` / `not_for` are eligibility rules (e.g. farms only, hiring from the EU/EEA only,
      companies under five years old). A company that is known to break one never sees the
      service, whatever its score; when the question does not say, the card shows the rule.
    - `named_only`: a narrow service whose needs would draw it into broader questions (a loan only for a
      foreign subsidiary matches every investment loan) is shown only when the question names it, by its
      name, its provider's or one of its keywords.
    - `not_for_subjects`: words for what the service does not fund or serve, by its own terms (conventional
      solar power for the energy aid): a question that names one of them does not see the service, unless
      it names the service too.
    """

    id: str = Field(pattern=ID_PATTERN)
    provider: str = ""  # filled from the file's provider when left out
    name_fi: str = Field(min_length=2)
    name_en: str = Field(min_length=2)
    summary_fi: str = Field(min_length=10)
    summary_en: str = Field(min_length=10)
    needs: list[str] = Field(min_length=1)
    stages: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    municipalities: list[str] = Field(default_factory=list)  # empty: the provider's area
    eligibility_fi: str = ""
    eligibility_en: str = ""
    how_to_apply_fi: str = ""
    how_to_apply_en: str = ""
    link: str = Field(pattern=r"^https://")
    source_url: str = Field(pattern=r"^https://")
    last_reviewed: date
    keywords_fi: list[str] = Field(default_factory=list)
    keywords_en: list[str] = Field(default_factory=list)
    ptv_id: str = ""
    charge: str = "free"
    notes: str = ""
    named_only: bool = False
    not_for_subjects: list[str] = Field(default_factory=list)
    only_for: OnlyFor | None = None
    not_for: NotFor | None = None

    _needs = field_validator("needs")(lambda value: _check_vocabulary(value, NEED_IDS, "needs"))
    _stages = field_validator("stages")(lambda value: _check_vocabulary(value, STAGE_IDS, "stages"))
    _sizes = field_validator("sizes")(lambda value: _check_vocabulary(value, SIZE_IDS, "sizes"))
    _sectors = field_validator("sectors")(lambda value: _check_vocabulary(value, SECTOR_IDS, "sectors"))
    _charge = field_validator("charge")(lambda value: _check_vocabulary([value], CHARGE_IDS, "charge")[0])

    @field_validator("not_for_subjects")
    @classmethod
    def _subject_words(cls, value: list[str]) -> list[str]:
        if any(len(word.strip()) < 4 or " " in word.strip() for word in value):
            raise ValueError("a subject is one word of at least 4 letters (a base form, matched with its endings)")
        return value

    @field_validator("municipalities")
    @classmethod
    def _service_area(cls, value: list[str]) -> list[str]:
        return _check_area(value)

    @model_validator(mode="after")
    def _no_contradiction(self) -> Service:
        if self.only_for is None or self.not_for is None:
            return self
        required = self.only_for.lists()
        for name, excluded in self.not_for.lists().items():
            both = [value for value in excluded if value in required.get(name, ())]
            if both:
                raise ValueError(
                    f"not_for.{name} and only_for.{name} both list {both}: a value is either required or excluded"
                )
        return self

    def condition_warnings(self) -> list[tuple[str, str]]:
        """(field, message) for aimed-at lists that the eligibility rules contradict: likely slips."""
        found = []
        for name in ("stages", "sizes", "sectors"):
            aimed: list[str] = getattr(self, name)
            required = self.only_for.lists().get(name) if self.only_for else None
            excluded = self.not_for.lists().get(name, []) if self.not_for else []
            outside = [value for value in aimed if required is not None and value not in required]
            outside += [value for value in aimed if value in excluded]
            if outside:
                found.append((name, f"lists {outside}, which only_for/not_for.{name} rule out"))
        return found


class ProviderFile(_Strict):
    """What one knowledge-base file holds: a provider and its services."""

    provider: Provider
    service: list[Service] = Field(min_length=1)
