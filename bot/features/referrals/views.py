"""How a referral reads on a card: its facts in the reader's language, the provider's answer, contacts."""

from __future__ import annotations

from adaptive_cards.base import plain
from adaptive_cards.referrals import ReferralView
from bot.common.helsinki_time import format_time, to_helsinki
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.referral_store import Referral, ReferralEvent
from bot.domain.referrals import PROVIDER_ANSWERS
from bot.i18n import Texts
from knowledge.models import Provider
from knowledge.text import fold
from knowledge.vocab import MUNICIPALITY_BY_CODE, NEEDS, SIZES, STAGES, term_by_id


def short_date(referral: Referral) -> str:
    """`2.12.2026` in Helsinki time."""
    day = to_helsinki(referral.created_at)
    return f"{day.day}.{day.month}.{day.year}"


def contact_of(provider: Provider) -> str:
    """The provider's public contact details in one line."""
    return " · ".join(part for part in (provider.web, provider.phone, provider.email) if part)


class ReferralViews:
    """Turns stored referrals into what the cards show; reads names from the current knowledge base."""

    def __init__(self, knowledge: KnowledgeService) -> None:
        self._knowledge = knowledge

    def provider(self, referral: Referral) -> Provider | None:
        """The knowledge-base provider, if the referral went to one that still exists."""
        return self._knowledge.kb.providers.get(referral.provider_id or "")

    def service_name(self, referral: Referral, texts: Texts) -> str:
        """ "Service – Provider", or the other provider as typed."""
        service = next((s for s in self._knowledge.kb.services if s.id == referral.service_id), None)
        provider = self.provider(referral)
        if service is not None:
            name = service.name_en if texts.language == "en" else service.name_fi
            return f"{name} – {provider.name}" if provider else name
        return referral.other_provider or texts("referral.removed")

    def status(self, status: str, texts: Texts) -> str:
        """The status in words."""
        key = f"referral.status.{status}"
        return texts(key) if texts.has(key) else status

    def facts(self, referral: Referral, texts: Texts) -> list[tuple[str, str]]:
        """The referral's facts, company first (the provider card's title reads it)."""
        language = texts.language
        facts = [
            (texts("referral.company"), referral.company_name or texts("referral.removed")),
            (texts("referral.code"), referral.code),
            (texts("referral.service"), self.service_name(referral, texts)),
            (texts("referral.status"), self.status("deleted" if referral.deleted_at else referral.status, texts)),
            (texts("referral.municipality"), self._municipality(referral, texts)),
        ]
        if referral.business_id:
            facts.append((texts("referral.business_id"), referral.business_id))
        for label, value, terms in (
            ("referral.stage", referral.stage, STAGES),
            ("referral.size", referral.size, SIZES),
        ):
            if value:
                facts.append((texts(label), term_by_id(terms, value).label(language)))
        need = referral.need or texts("referral.removed")
        if referral.need_id and referral.need:
            category = term_by_id(NEEDS, referral.need_id).label(language)
            if fold(category) not in fold(referral.need):  # "Takaus laitehankintaan (takaus)" said it twice
                need = f"{need} ({category})"
        facts.append((texts("referral.need"), need))
        facts.append((texts("referral.adviser"), referral.adviser_name))
        facts.append((texts("referral.logged_at"), format_time(referral.created_at, language)))
        return facts

    def answered(self, events: list[ReferralEvent], texts: Texts) -> str:
        """The provider's latest answer, "Otetaan yhteyttä: Name, ke 2.12.2026 klo 10.15", escaped for a card."""
        answers = [event for event in events if event.role == "provider" and event.to_status in PROVIDER_ANSWERS]
        if not answers:
            return ""
        last = answers[-1]
        status = texts(f"referral.answer.{last.to_status}")
        line = texts(
            "referral.answered", status=status, name=plain(last.actor_name), when=format_time(last.at, texts.language)
        )
        return f"{line}\n\n{plain(last.note)}" if last.note else line

    def view(
        self, referral: Referral, texts: Texts, events: list[ReferralEvent] | None = None, outcome_buttons: bool = False
    ) -> ReferralView:
        """Everything a referral card shows."""
        return ReferralView(
            code=referral.code,
            facts=self.facts(referral, texts),
            status=self.status("deleted" if referral.deleted_at else referral.status, texts),
            answered=self.answered(events or [], texts),
            mention=(referral.adviser_id, referral.adviser_name) if referral.adviser_id else None,
            removed=referral.removed,
            outcome_buttons=outcome_buttons,
            summary=" · ".join(
                (self.service_name(referral, texts), self._municipality(referral, texts), short_date(referral))
            ),
        )

    @staticmethod
    def _municipality(referral: Referral, texts: Texts) -> str:
        municipality = MUNICIPALITY_BY_CODE.get(referral.municipality)
        if municipality is None:
            return referral.municipality
        return municipality.en if texts.language == "en" else municipality.fi
