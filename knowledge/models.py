"""Pydantic models of the knowledge base: a provider and the services it offers."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.vocab import (
    ALL_AREA,
    CHARGE_IDS,
    KIND_IDS,
    MUNICIPALITY_CODES,
    NEED_IDS,
    SECTOR_IDS,
    SIZE_IDS,
    STAGE_IDS,
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
    unknown = [value for value in values if value != ALL_AREA and value not in MUNICIPALITY_CODES]
    if unknown:
        raise ValueError(
            f"unknown municipality codes {unknown}; use '{ALL_AREA}' or codes {sorted(MUNICIPALITY_CODES)}"
        )
    return values


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


class Service(_Strict):
    """One service a provider offers, described for the finder and for advisers."""

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

    _needs = field_validator("needs")(lambda value: _check_vocabulary(value, NEED_IDS, "needs"))
    _stages = field_validator("stages")(lambda value: _check_vocabulary(value, STAGE_IDS, "stages"))
    _sizes = field_validator("sizes")(lambda value: _check_vocabulary(value, SIZE_IDS, "sizes"))
    _sectors = field_validator("sectors")(lambda value: _check_vocabulary(value, SECTOR_IDS, "sectors"))
    _charge = field_validator("charge")(lambda value: _check_vocabulary([value], CHARGE_IDS, "charge")[0])

    @field_validator("municipalities")
    @classmethod
    def _service_area(cls, value: list[str]) -> list[str]:
        return _check_area(value)


class ProviderFile(_Strict):
    """What one knowledge-base file holds: a provider and its services."""

    provider: Provider
    service: list[Service] = Field(min_length=1)
