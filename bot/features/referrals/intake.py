"""Logging a referral: the form, quick syntax, the finder's **Kirjaa ohjaus**, the choice of service.

A referral is stored once (the form carries a one-time key), the provider card is queued in the
same breath, and the adviser sees at once where it went and what happens next.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from typing import Any

from adaptive_cards.referrals import choose_card, confirmation_card, form_card
from bot.common.helsinki_time import format_time
from bot.domain.commands import split_parts
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.referral_store import Actor, Referral, Referrals
from bot.domain.referrals import OTHER, ReferralDraft, ReferralInput, check, from_form
from bot.domain.search_log import SearchLog
from bot.domain.service_match import match_service
from bot.features.referrals.follow_up import FollowUps
from bot.features.referrals.provider import ProviderSide
from bot.features.referrals.views import ReferralViews, contact_of
from bot.i18n import Texts
from bot.turn import InvokeAnswer, Turn, card_answer, message_answer
from knowledge.models import Service
from knowledge.vocab import MUNICIPALITIES, SIZES, STAGES

log = logging.getLogger(__name__)

FORM_KEY = "submission"  # the form's one-time key, in its submit action's data


class Intake:
    """From what the adviser typed or pressed to a stored referral."""

    def __init__(
        self,
        referrals: Referrals,
        searches: SearchLog,
        knowledge: KnowledgeService,
        views: ReferralViews,
        provider: ProviderSide,
        follow_ups: FollowUps,
    ) -> None:
        self._referrals = referrals
        self._searches = searches
        self._knowledge = knowledge
        self._views = views
        self._provider = provider
        self._follow_ups = follow_ups

    # ---- the form -------------------------------------------------------------------------

    def choices(self, texts: Texts) -> dict[str, Sequence[tuple[str, str]]]:
        """The form's lists in the reader's language; services "Name – Provider", sorted by name."""
        language = texts.language
        choose = [("", texts("referral.choose"))]
        kb = self._knowledge.kb
        services = sorted(
            (
                (
                    service.id,
                    f"{service.name_en if language == 'en' else service.name_fi} – {kb.provider_of(service).name}",
                )
                for service in kb.services
            ),
            key=lambda pair: pair[1].casefold(),
        )
        return {
            "municipality": [
                *choose,
                *((m.code, m.fi) for m in MUNICIPALITIES),
                (OTHER, texts("referral.other_municipality")),
            ],
            "stage": [*choose, *((term.id, term.label(language)) for term in STAGES)],
            "size": [*choose, *((term.id, term.label(language)) for term in SIZES)],
            "service": [*services, (OTHER, texts("referral.other_service"))],
        }

    def form(self, texts: Texts, values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
        """The form with a fresh one-time key (kept when it comes back with problems)."""
        values = {FORM_KEY: values.get(FORM_KEY) or secrets.token_urlsafe(12), **values}
        shown = {field: texts(key) for field, key in errors.items()}
        card = form_card(texts, values, shown, self.choices(texts))
        card["actions"][0]["data"] = {**card["actions"][0].get("data", {}), FORM_KEY: values[FORM_KEY]}
        return card

    async def show_form(self, turn: Turn) -> None:
        """`ohjaus` alone: the empty form."""
        await turn.reply(self.form(turn.texts, {}, {}))

    async def open_from_finder(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Kirjaa ohjaus** on a finder result: the form prefilled with the service, question and facets."""
        texts = turn.texts
        search_id = data.get("search_id")
        stored = self._searches.get(search_id) if isinstance(search_id, int) else None
        service_id = data.get("service_id")
        # The button works where the results were shown, and only for a service they listed.
        if (
            stored is None
            or service_id not in stored.service_ids
            or stored.conversation_id.split(";messageid=")[0] != turn.conversation.base_id
        ):
            return message_answer(texts("finder.stale"))
        facets = stored.facets
        values = {
            "service": str(service_id),
            "need": stored.question,
            "municipality": str(facets.get("municipality") or ""),
            "stage": str(facets.get("stage") or ""),
            "size": str(facets.get("size") or ""),
            "search_id": str(stored.id),
        }
        await turn.reply(self.form(texts, values, {}))
        return message_answer(texts("referral.form_title"))

    # ---- quick syntax ---------------------------------------------------------------------

    async def quick(self, turn: Turn, args: str) -> None:
        """`ohjaus Yritys Oy ; 1234567-8 ; palvelu tai palveluntarjoaja ; tarve`."""
        texts = turn.texts
        parts = [*split_parts(args), "", "", "", ""]
        company, business_id, typed_service, need = parts[0], parts[1], parts[2], "; ".join(p for p in parts[3:] if p)
        facets = self._knowledge.finder.read_facets(need) if need else None
        values = ReferralInput(
            company=company,
            business_id=business_id,
            municipality=facets.municipality.code if facets and facets.municipality else "",
            stage=(facets.stage or "") if facets else "",
            size=(facets.size or "") if facets else "",
            need=need,
        )
        match = match_service(self._knowledge.kb, typed_service) if typed_service else None
        if match is not None and match.service is not None:
            values.service = match.service.id
        elif match is not None and match.candidates:
            candidates = self._ranked(match.candidates, need)
            form_values = {**values.as_form(), "adviser": turn.person.key}
            choices = [(service.id, self._label(service, texts)) for service in candidates]
            await turn.reply(choose_card(texts, typed_service, choices, form_values))
            return
        elif typed_service:
            # Not in the knowledge base: the adviser picks a service, or confirms it as another provider.
            values.other_provider = typed_service
            errors = {"service": "referral.error.service_unknown"}
            await turn.reply(texts("referral.quick_unknown", text=typed_service))
            await turn.reply(self.form(texts, values.as_form(errors), errors))
            return
        await self._submit_or_form(turn, values)

    def _label(self, service: Service, texts: Texts) -> str:
        name = service.name_en if texts.language == "en" else service.name_fi
        return f"{name} – {self._knowledge.kb.provider_of(service).name}"

    def _ranked(self, candidates: list[Service], need: str) -> list[Service]:
        """The candidates, the one the need text fits best first."""
        if not need:
            return candidates
        order = [match.service.id for match in self._knowledge.finder.search(need, top=200).matches]
        return sorted(candidates, key=lambda s: order.index(s.id) if s.id in order else len(order))

    async def choose(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """A service picked on the choice card: only by the adviser who typed the referral."""
        if data.get("adviser") != turn.person.key:
            return message_answer(turn.texts("referral.not_yours"))
        values = from_form(data)
        draft, errors = self._check(values)
        if draft is None:
            return card_answer(self.form(turn.texts, values.as_form(errors), errors))
        return card_answer(self._log(turn, draft, submission=None))

    async def _submit_or_form(self, turn: Turn, values: ReferralInput) -> None:
        draft, errors = self._check(values)
        if draft is None:
            await turn.reply(self.form(turn.texts, values.as_form(errors), errors))
            return
        await turn.reply(self._log(turn, draft, submission=None))

    async def submit(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """The form's **Kirjaa ohjaus**: the confirmation, or the form again with what to fix."""
        values = from_form(data)
        submission = str(data.get(FORM_KEY) or "") or None
        existing = self._referrals.by_submission(submission) if submission else None
        if existing is not None:  # the same form pressed twice: nothing new is logged
            return card_answer(self._confirmation(turn.texts, existing))
        draft, errors = self._check(values)
        if draft is None:
            return card_answer(self.form(turn.texts, {**values.as_form(errors), FORM_KEY: submission or ""}, errors))
        return card_answer(self._log(turn, draft, submission))

    def _check(self, values: ReferralInput) -> tuple[ReferralDraft | None, dict[str, str]]:
        def need_of(text: str) -> str | None:
            needs = self._knowledge.finder.search(text, top=1).needs
            return max(needs, key=lambda need: needs[need]) if needs else None

        return check(
            values, self._knowledge.kb, lambda provider: self._provider.conversation_of(provider) is not None, need_of
        )

    # ---- storing --------------------------------------------------------------------------

    def _log(self, turn: Turn, draft: ReferralDraft, submission: str | None) -> dict[str, Any]:
        conversation = self._provider.conversation_of(draft.provider_id) if draft.provider_id else None
        # The card goes out only with the client's consent (the check demands it when there is a conversation).
        target = conversation if conversation is not None and draft.consent else ""
        adviser = Actor(turn.person.key, turn.person.name, "adviser")
        referral = self._referrals.create(draft, adviser, turn.person.id, turn.conversation.base_id, target, submission)
        send = bool(target)
        if send:
            self._provider.send_card(referral)
        self._follow_ups.schedule(referral)
        log.info("referral logged", extra={"referral": referral.code, "sent_to_provider": send})
        return self._confirmation(turn.texts, referral)

    def _confirmation(self, texts: Texts, referral: Referral) -> dict[str, Any]:
        notes = []
        provider = self._views.provider(referral)
        if referral.provider_conversation_id:
            notes.append(
                texts("referral.sent_to_channel", channel=self._provider.name_of(referral.provider_conversation_id))
            )
        elif provider is not None and not referral.consent and self._provider.conversation_of(provider.id):
            notes.append(texts("referral.no_consent"))
        elif provider is not None:
            notes.append(texts("referral.no_channel", contact=contact_of(provider)))
        else:
            notes.append(texts("referral.other_provider_note"))
        when = format_time(self._follow_ups.follow_up_at(referral), texts.language)
        notes.append(texts("referral.follow_up_note", date=when))
        return confirmation_card(texts, self._views.view(referral, texts), notes)
