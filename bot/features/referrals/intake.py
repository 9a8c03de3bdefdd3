"""Logging a referral: the form, quick syntax, the finder's **Kirjaa ohjaus**, the choice of service.

A referral is stored once (the form carries a one-time key), the provider card is queued in the
same breath, and the adviser sees at once where it went and what happens next.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from typing import Any

from adaptive_cards.base import plain
from adaptive_cards.referrals import choose_card, confirmation_card, form_card
from bot.common.conversation_ids import base_conversation_id
from bot.common.helsinki_time import format_time
from bot.domain.commands import split_parts
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.referral_store import Actor, Referral, Referrals
from bot.domain.referrals import OTHER, ReferralDraft, ReferralInput, check, from_form
from bot.domain.search_log import LoggedSearch, SearchLog
from bot.domain.service_match import match_service
from bot.feature import ORIGIN_KEY, Origins, Pressed
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
        origins: Origins,
    ) -> None:
        self._referrals = referrals
        self._origins = origins  # the form and the choice card work for the adviser they were made for
        self._searches = searches
        self._knowledge = knowledge
        self._views = views
        self._provider = provider
        self._follow_ups = follow_ups

    # ---- the form -------------------------------------------------------------------------

    def choices(self, texts: Texts) -> dict[str, Sequence[tuple[str, str]]]:
        """The form's lists in the reader's language; services "Name – Provider", sorted by name."""
        language = texts.language
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
            "municipality": [*((m.code, m.fi) for m in MUNICIPALITIES), (OTHER, texts("referral.other_municipality"))],
            "stage": [(term.id, term.label(language)) for term in STAGES],
            "size": [(term.id, term.label(language)) for term in SIZES],
            "service": [*services, (OTHER, texts("referral.other_service"))],
        }

    def form(self, turn: Turn, values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
        """The form for this adviser here, with a fresh one-time key (kept when it comes back with problems)."""
        texts = turn.texts
        submission = values.get(FORM_KEY) or secrets.token_urlsafe(12)
        values = {**values, FORM_KEY: submission}
        shown = {field: texts(key) for field, key in errors.items()}
        data: dict[str, Any] = {ORIGIN_KEY: self._origins.ticket(turn), FORM_KEY: submission}
        if values.get("search"):
            data["search"] = values["search"]
        return form_card(texts, values, shown, self.choices(texts), data)

    async def show_form(self, turn: Turn) -> None:
        """`ohjaus` alone: the empty form."""
        await turn.reply(self.form(turn, {}, {}))

    def search_of(self, data: dict[str, Any]) -> LoggedSearch | None:
        """The finder's search a **Kirjaa ohjaus** button names (the finder's cards carry its code)."""
        return self._searches.get_by_code(data.get("search"))

    async def open_from_finder(self, turn: Turn, pressed: Pressed[LoggedSearch]) -> InvokeAnswer:
        """**Kirjaa ohjaus** on a finder result: the form prefilled with the service, question and facets."""
        texts, stored = turn.texts, pressed.subject
        service_id = pressed.data.get("service_id")
        if service_id not in stored.service_ids:  # only a service the results listed
            return message_answer(texts("finder.stale"))
        facets = stored.facets
        values = {
            "service": str(service_id),
            "need": stored.question,
            "municipality": str(facets.get("municipality") or ""),
            "stage": str(facets.get("stage") or ""),
            "size": str(facets.get("size") or ""),
            "search": stored.code,
        }
        await turn.reply(self.form(turn, values, {}))
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
            form_values = {**values.as_form(), ORIGIN_KEY: self._origins.ticket(turn)}
            choices = [(service.id, self._label(service, texts)) for service in candidates]
            await turn.reply(choose_card(texts, typed_service, choices, form_values))
            return
        elif typed_service:
            # Not in the knowledge base: the adviser picks a service, or confirms it as another provider.
            values.other_provider = typed_service
            errors = {"service": "referral.error.service_unknown"}
            await turn.reply(texts("referral.quick_unknown", text=plain(typed_service)))
            await turn.reply(self.form(turn, values.as_form(errors), errors))
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

    async def choose(self, turn: Turn, pressed: Pressed[None]) -> InvokeAnswer:
        """A service picked on the choice card (only by the adviser who typed the referral, there)."""
        values = self._input(turn, pressed.data)
        draft, errors = self._check(values)
        if draft is None:
            return card_answer(self.form(turn, values.as_form(errors), errors))
        return card_answer(self._log(turn, draft, submission=None))

    async def _submit_or_form(self, turn: Turn, values: ReferralInput) -> None:
        draft, errors = self._check(values)
        if draft is None:
            await turn.reply(self.form(turn, values.as_form(errors), errors))
            return
        await turn.reply(self._log(turn, draft, submission=None))

    async def submit(self, turn: Turn, pressed: Pressed[None]) -> InvokeAnswer:
        """The form's **Kirjaa ohjaus**: the confirmation, or the form again with what to fix."""
        data = pressed.data
        values = self._input(turn, data)
        submission = str(data.get(FORM_KEY) or "") or None
        existing = self._referrals.by_submission(submission) if submission else None
        if existing is not None:  # the same form pressed twice: nothing new is logged
            if existing.adviser_key != turn.person.key:
                return message_answer(turn.texts("referral.not_yours"))
            return card_answer(self._confirmation(turn.texts, existing))
        draft, errors = self._check(values)
        if draft is None:
            return card_answer(self.form(turn, {**values.as_form(errors), FORM_KEY: submission or ""}, errors))
        return card_answer(self._log(turn, draft, submission))

    def _input(self, turn: Turn, data: dict[str, Any]) -> ReferralInput:
        """The submitted values; a search is linked only when it was asked in this conversation."""
        values = from_form(data)
        if values.search_code:
            search = self.search_of({"search": values.search_code})
            if search is None or base_conversation_id(search.conversation_id) != turn.conversation.base_id:
                values.search_code = ""
            else:
                values.search_id = search.id
        return values

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
                texts(
                    "referral.sent_to_channel", channel=plain(self._provider.name_of(referral.provider_conversation_id))
                )
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
