"""After the referral: the adviser's "Saiko yritys apua?", their list of referrals, and retention.

The follow-up card comes a configurable number of Helsinki working days after logging; the outcome
buttons (and those on the list) work for the adviser who logged the referral and for coordinators.
Company details are anonymised after the retention period by a job scheduled with each referral.
"""

from __future__ import annotations

import calendar
import logging
from datetime import UTC, datetime
from typing import Any

from adaptive_cards.base import plain
from adaptive_cards.referrals import follow_up_card, list_card
from bot.common.clock import Clock
from bot.common.helsinki_time import to_helsinki
from bot.common.working_days import add_working_days
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.preferences import Preferences
from bot.domain.referral_store import Actor, Referral, Referrals
from bot.domain.referrals import OUTCOMES
from bot.domain.registry import ConversationRegistry
from bot.domain.roles import Roles
from bot.feature import COORDINATOR, ORIGIN_KEY, Origins, Pressed
from bot.features.personal_messages import Recipient, queue_personal_message
from bot.features.referrals.provider import ProviderSide, group_of
from bot.features.referrals.views import ReferralViews, short_date
from bot.i18n import Catalogues, Texts
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

FOLLOW_UP_JOB, RETENTION_JOB = "referral.follow_up", "referral.retention"
PAGE_SIZE = 5
MAX_PAGE = 100_000  # a page number from a card's data, kept within what the database can count
OWN, ALL, PROVIDER = "own", "all", "provider"
ALL_WORDS = {"kaikki", "all"}


def add_months(moment: datetime, months: int) -> datetime:
    """The same Helsinki wall-clock time `months` calendar months later (earlier when negative); the day
    is clamped to the month's length (31.3. + 1 month = 30.4.)."""
    local = to_helsinki(moment)
    year, month = divmod(local.year * 12 + local.month - 1 + months, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day).astimezone(UTC)


class FollowUps:
    """The adviser's side of a referral after it was logged."""

    def __init__(
        self,
        referrals: Referrals,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        views: ReferralViews,
        provider: ProviderSide,
        roles: Roles,
        preferences: Preferences,
        catalogues: Catalogues,
        clock: Clock,
        follow_up_days: int,
        retention_months: int,
        origins: Origins,
    ) -> None:
        self._origins = origins  # a list page works for the reader it was made for
        self._referrals = referrals
        self._registry = registry
        self._outbox = outbox
        self._jobs = jobs
        self._views = views
        self._provider = provider
        self._roles = roles
        self._preferences = preferences
        self._catalogues = catalogues
        self._clock = clock
        self.follow_up_days = follow_up_days
        self._retention_months = retention_months

    def follow_up_at(self, referral: Referral) -> datetime:
        """When the adviser is asked how it went."""
        return add_working_days(referral.created_at, self.follow_up_days)

    def schedule(self, referral: Referral) -> None:
        """The follow-up card and the anonymisation of this referral's company details."""
        payload = {"referral_id": referral.id}
        self._jobs.schedule(f"referral:{referral.id}:follow-up", FOLLOW_UP_JOB, self.follow_up_at(referral), payload)
        anonymise_at = add_months(referral.created_at, self._retention_months)
        self._jobs.schedule(f"referral:{referral.id}:retention", RETENTION_JOB, anonymise_at, payload)

    def _texts_of_adviser(self, referral: Referral) -> Texts:
        return self._catalogues.texts(self._preferences.language_of(referral.adviser_id) or "fi")

    def _intro(self, referral: Referral, texts: Texts) -> str:
        return texts(
            "referral.follow_up_intro",
            date=short_date(referral),
            company=plain(referral.company_name or texts("referral.removed")),
            service=plain(self._views.service_name(referral, texts)),
        )

    async def follow_up_job(self, payload: dict[str, Any]) -> None:
        """ "Saiko yritys apua?" to the adviser, unless they already told how it ended."""
        referral = self._referrals.get_by_id(int(payload["referral_id"]))
        if referral is None or referral.removed or referral.status in OUTCOMES:
            return
        texts = self._texts_of_adviser(referral)
        card = follow_up_card(texts, self._views.view(referral, texts), self._intro(referral, texts))
        recipient = Recipient(
            referral.adviser_key, referral.adviser_id, referral.adviser_name, referral.origin_conversation_id
        )
        key = f"referral:{referral.id}:follow-up"
        if not queue_personal_message(
            self._outbox, self._registry, group_of(referral), key, recipient, card_activity(card)
        ):
            log.warning("follow-up could not reach the adviser", extra={"referral": referral.code})

    async def retention_job(self, _payload: dict[str, Any]) -> None:
        """Anonymise every referral older than the retention period, and take its details off the cards."""
        cutoff = add_months(self._clock(), -self._retention_months)
        for referral_id in self._referrals.anonymise_before(cutoff):
            referral = self._referrals.get_by_id(referral_id)
            if referral is not None:
                self._provider.refresh_card(referral)

    async def outcome(self, turn: Turn, pressed: Pressed[Referral]) -> InvokeAnswer:
        """An outcome button, on the follow-up card or the list (the access rule checked who presses)."""
        texts, referral, data = turn.texts, pressed.subject, pressed.data
        outcome = data.get("outcome")
        if outcome not in OUTCOMES:
            return message_answer(texts("referral.not_found"))
        if referral.removed:
            return message_answer(texts("referral.gone"))
        role = "adviser" if turn.person.key == referral.adviser_key else "coordinator"
        changed = self._referrals.change_status(referral, str(outcome), Actor(turn.person.key, turn.person.name, role))
        self._jobs.cancel(f"referral:{referral.id}:follow-up")
        log.info("referral outcome", extra={"referral": changed.code, "outcome": outcome})
        saved = texts("referral.outcome_saved", status=self._views.status(changed.status, texts))
        # On a list made for this reader here, the list comes back with the change; anywhere else, a message.
        on_own_list = self._origins.matches(pressed.actor, data.get(ORIGIN_KEY))
        if on_own_list and isinstance(data.get("page"), int) and data.get("scope") in (OWN, ALL, PROVIDER):
            card = self._page_card(turn, str(data["scope"]), int(data["page"]))
            return card_answer(card) if card is not None else message_answer(saved)
        if data.get("scope") is not None:
            return message_answer(saved)
        view = self._views.view(changed, texts)
        return card_answer(follow_up_card(texts, view, self._intro(changed, texts), saved))

    # ---- `ohjaukset`: the list -----------------------------------------------------------

    def _page_card(self, turn: Turn, scope: str, page: int) -> dict[str, Any] | None:
        texts = turn.texts
        if scope == ALL:
            if not self._roles.has_role(turn.person.aad_id, COORDINATOR):
                return None
            where, args, title = "1 = 1", [], texts("referral.list_title_all")
        elif scope == PROVIDER:
            providers = self._provider.providers_linked_to(turn.conversation.base_id)
            if not providers:
                return None
            marks = ",".join("?" for _ in providers)
            where, args, title = f"provider_id IN ({marks})", list(providers), texts("referral.list_title_provider")
        else:
            where, args, title = "adviser_key = ?", [turn.person.key], texts("referral.list_title_own")
        page = min(max(page, 0), MAX_PAGE)
        referrals, total = self._referrals.page(where, list(args), page * PAGE_SIZE, PAGE_SIZE)
        views = [self._views.view(referral, texts, outcome_buttons=scope != PROVIDER) for referral in referrals]
        return list_card(texts, title, views, page, total, PAGE_SIZE, scope, self._origins.ticket(turn))

    async def list(self, turn: Turn, args: str) -> None:
        """`ohjaukset`: your own; in a provider's channel, those sent there; `kaikki` for coordinators."""
        linked_here = self._provider.providers_linked_to(turn.conversation.base_id)
        wanted = ALL if args.strip().lower() in ALL_WORDS else PROVIDER if linked_here else OWN
        card = self._page_card(turn, wanted, 0)
        if card is None:
            await turn.reply(turn.texts("roles.refused"))
            return
        await turn.reply(card)

    async def page(self, turn: Turn, pressed: Pressed[None]) -> InvokeAnswer:
        """**Seuraavat / Edelliset** on the list made for this reader; the scope is re-checked too."""
        page, scope = pressed.data.get("page"), pressed.data.get("scope")
        if not isinstance(page, int) or isinstance(page, bool) or scope not in (OWN, ALL, PROVIDER):
            return message_answer(turn.texts("referral.not_found"))
        card = self._page_card(turn, str(scope), page)
        return card_answer(card) if card is not None else message_answer(turn.texts("card.refused.role"))
