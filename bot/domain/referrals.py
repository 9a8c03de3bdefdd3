"""Referrals: what an adviser logs, and the checks it must pass before anything is stored.

A referral names the company, where it is, the service (from the knowledge base, or another
provider as typed) and the need in a sentence. Personal identity codes are refused in every field
and never kept, not even in the form that is shown back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.domain.identifiers import contains_personal_id, parse_business_id
from knowledge.loader import KnowledgeBase
from knowledge.vocab import MUNICIPALITY_CODES, SIZE_IDS, STAGE_IDS

OTHER = "other"  # municipality outside Etelä-Savo, or a provider outside the knowledge base
MAX_COMPANY, MAX_OTHER_PROVIDER, MAX_NEED, MAX_NOTE = 120, 120, 500, 300

SENT = "sent"
PROVIDER_ANSWERS = ("contacting", "not_ours", "needs_info")  # the provider's buttons
OUTCOMES = ("served", "waiting", "no_need", "elsewhere")  # the adviser's follow-up buttons
STATUSES = (SENT, *PROVIDER_ANSWERS, *OUTCOMES)
TEXT_FIELDS = ("company", "business_id", "other_provider", "need")
PERSONAL_DATA = "referral.error.personal_data"


@dataclass
class ReferralInput:
    """What the adviser typed or filled in, before it is checked."""

    company: str = ""
    business_id: str = ""
    municipality: str = ""
    stage: str = ""
    size: str = ""
    service: str = ""  # a knowledge-base service id, or "other"
    other_provider: str = ""
    need: str = ""
    consent: bool = False
    search_code: str = ""  # the finder's search the form was opened from, as its cards name it
    search_id: int | None = None  # that search, once found in the conversation the form was sent from

    def as_form(self, errors: dict[str, str] | None = None) -> dict[str, str]:
        """The values for refilling the form; a field holding personal data comes back empty."""
        blank = {name for name, key in (errors or {}).items() if key == PERSONAL_DATA}
        values = {
            "company": self.company,
            "business_id": self.business_id,
            "municipality": self.municipality,
            "stage": self.stage,
            "size": self.size,
            "service": self.service,
            "other_provider": self.other_provider,
            "need": self.need,
            "consent": "true" if self.consent else "false",
        }
        if self.search_code:
            values["search"] = self.search_code
        return {name: "" if name in blank else value for name, value in values.items()}


@dataclass(frozen=True)
class ReferralDraft:
    """A checked referral, ready to store."""

    company: str
    business_id: str  # normalised 1234567-8, or ""
    municipality: str
    stage: str | None
    size: str | None
    service_id: str | None
    provider_id: str | None
    other_provider: str
    need_id: str | None
    need: str
    consent: bool
    search_id: int | None = None


def from_form(values: dict[str, Any]) -> ReferralInput:
    """The form's inputs (Input.Toggle sends "true"/"false")."""

    def text(name: str) -> str:
        value = values.get(name)
        return value.strip() if isinstance(value, str) else ""

    return ReferralInput(
        company=text("company"),
        business_id=text("business_id"),
        municipality=text("municipality"),
        stage=text("stage"),
        size=text("size"),
        service=text("service"),
        other_provider=text("other_provider"),
        need=text("need"),
        consent=text("consent").lower() == "true",
        search_code=text("search")[:16],
    )


def _check_texts(values: ReferralInput, errors: dict[str, str]) -> None:
    for name in TEXT_FIELDS:
        if contains_personal_id(getattr(values, name)):
            errors[name] = PERSONAL_DATA
    if "company" not in errors:
        if not values.company:
            errors["company"] = "referral.error.company_missing"
        elif len(values.company) > MAX_COMPANY:
            errors["company"] = "referral.error.company_long"
    if "need" not in errors:
        if not values.need:
            errors["need"] = "referral.error.need_missing"
        elif len(values.need) > MAX_NEED:
            errors["need"] = "referral.error.need_long"


def check(
    values: ReferralInput,
    kb: KnowledgeBase,
    will_notify: Callable[[str], bool],
    need_of: Callable[[str], str | None] = lambda _text: None,
) -> tuple[ReferralDraft | None, dict[str, str]]:
    """The draft, or the problems as message keys by field.

    `will_notify(provider_id)` tells whether the provider's conversation gets a card, which is
    when the client's consent is required; `need_of(text)` guesses the need category of a
    referral to a provider outside the knowledge base.
    """
    errors: dict[str, str] = {}
    _check_texts(values, errors)
    business_id = ""
    if values.business_id and "business_id" not in errors:
        try:
            business_id = parse_business_id(values.business_id)
        except ValueError:
            errors["business_id"] = "referral.error.business_id"
    if values.municipality not in MUNICIPALITY_CODES and values.municipality != OTHER:
        errors["municipality"] = "referral.error.municipality"
    if values.stage and values.stage not in STAGE_IDS:
        errors["stage"] = "referral.error.choice"
    if values.size and values.size not in SIZE_IDS:
        errors["size"] = "referral.error.choice"
    service = next((s for s in kb.services if s.id == values.service), None)
    if values.service == OTHER:
        if "other_provider" in errors:
            pass
        elif not values.other_provider:
            errors["other_provider"] = "referral.error.other_provider_missing"
        elif len(values.other_provider) > MAX_OTHER_PROVIDER:
            errors["other_provider"] = "referral.error.other_provider_long"
    elif service is None:
        errors["service"] = "referral.error.service_missing" if not values.service else "referral.error.service_unknown"
    if service is not None and will_notify(service.provider) and not values.consent:
        errors["consent"] = "referral.error.consent"
    if errors:
        return None, errors
    return (
        ReferralDraft(
            company=values.company,
            business_id=business_id,
            municipality=values.municipality,
            stage=values.stage or None,
            size=values.size or None,
            service_id=service.id if service else None,
            provider_id=service.provider if service else None,
            other_provider=values.other_provider if service is None else "",
            need_id=service.needs[0] if service else need_of(values.need),
            need=values.need,
            consent=values.consent,
            search_id=values.search_id,
        ),
        {},
    )
