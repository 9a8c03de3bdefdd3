"""Referrals: log where a company was sent, let the provider answer, follow up, report the impact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from adaptive_cards.finder import REFER_VERB
from adaptive_cards.referrals import ANSWER_VERB, CHOOSE_VERB, OUTCOME_VERB, PAGE_VERB, SUBMIT_VERB
from bot.domain.referral_store import Actor, Referral, Referrals
from bot.domain.roles import Roles
from bot.domain.search_log import LoggedSearch, SearchLog
from bot.feature import (
    COORDINATOR,
    CardVerb,
    Command,
    Feature,
    MadeFor,
    Named,
    Origins,
    Rule,
    by_owner,
    in_conversation,
)
from bot.features.referrals.channels import Channels
from bot.features.referrals.follow_up import FOLLOW_UP_JOB, RETENTION_JOB, FollowUps
from bot.features.referrals.intake import Intake
from bot.features.referrals.provider import REMINDER_JOB, ProviderSide
from bot.features.referrals.report import Reports
from bot.features.referrals.texts import TEXTS
from bot.features.referrals.views import ReferralViews
from bot.services import Services
from bot.turn import Turn

DELETE_WORDS = {"poista", "delete"}
MAX_CODE = 16  # longer than any referral code: not looked up at all
CHANNEL_WORDS = {"kanava", "channel"}
CHANNELS_WORDS = {"kanavat", "channels"}


class ReferralCommand:
    """`ohjaus …` and its English `referral …`, whose second word may name a sub-command
    (`referral channel …` is two words in English, so it arrives here)."""

    def __init__(
        self, intake: Intake, channels: Channels, referrals: Referrals, provider: ProviderSide, services: Services
    ) -> None:
        self._intake = intake
        self._channels = channels
        self._referrals = referrals
        self._provider = provider
        self._roles: Roles = services.roles
        self._jobs = services.jobs

    async def _coordinator(self, turn: Turn) -> bool:
        if self._roles.has_role(turn.person.aad_id, COORDINATOR):
            return True
        await turn.reply(turn.texts("roles.refused"))
        return False

    async def __call__(self, turn: Turn, args: str) -> None:
        """Dispatch on the first word after `ohjaus`."""
        first, _, rest = args.strip().partition(" ")
        word = first.lower()
        if not args.strip():
            await self._intake.show_form(turn)
        elif word in DELETE_WORDS:
            if await self._coordinator(turn):
                await self.delete(turn, rest)
        elif word in CHANNEL_WORDS:
            if await self._coordinator(turn):
                await self._channels.link(turn, rest)
        elif word in CHANNELS_WORDS:
            await self._channels.list(turn, rest)
        elif ";" not in args:
            await turn.reply(turn.texts("referral.usage"))
        else:
            await self._intake.quick(turn, args)

    async def delete(self, turn: Turn, code: str) -> None:
        """`ohjaus poista TUNNUS`: the company details removed on request, an audit row kept."""
        referral = self._referrals.get(code) if code.strip() else None
        if referral is None:
            await turn.reply(turn.texts("referral.delete_usage"))
            return
        self._referrals.delete(referral, Actor(turn.person.key, turn.person.name, "coordinator"))
        for job in ("follow-up", "reminder"):
            self._jobs.cancel(f"referral:{referral.id}:{job}")
        removed = self._referrals.get_by_id(referral.id)
        if removed is not None:
            self._provider.refresh_card(removed)
        await turn.reply(turn.texts("referral.deleted", code=referral.code))


def _referral_of(referrals: Referrals) -> Callable[[dict[str, Any]], Referral | None]:
    def load(data: dict[str, Any]) -> Referral | None:
        code = data.get("code")
        return referrals.get(code) if isinstance(code, str) and 0 < len(code) <= MAX_CODE else None

    return load


def feature(services: Services) -> Feature:
    """The referral log and everything around it."""
    settings = services.settings
    origins = Origins(services.links, services.clock)
    referrals = Referrals(services.db, services.clock)
    views = ReferralViews(services.knowledge)
    provider = ProviderSide(
        referrals,
        services.registry,
        services.outbox,
        services.jobs,
        services.knowledge,
        views,
        services.network_texts,
        services.clock,
    )
    follow_ups = FollowUps(
        referrals,
        services.registry,
        services.outbox,
        services.jobs,
        views,
        provider,
        services.roles,
        services.preferences,
        services.catalogues,
        services.clock,
        settings.follow_up_days,
        settings.referral_retention_months,
        origins,
    )
    searches = SearchLog(services.db, services.clock)
    intake = Intake(referrals, searches, services.knowledge, views, provider, follow_ups, origins)
    channels = Channels(referrals, services.registry, services.knowledge, provider)
    reports = Reports(services.db, services.knowledge, services.links, services.catalogues, services.clock)
    command = ReferralCommand(intake, channels, referrals, provider, services)
    load = _referral_of(referrals)
    asked_here: Rule[LoggedSearch] = in_conversation(lambda search: search.conversation_id)
    in_provider_conversation: Rule[Referral] = in_conversation(
        lambda referral: referral.provider_conversation_id or "", "referral.not_provider_conversation"
    )
    adviser_or_coordinator: Rule[Referral] = by_owner(
        lambda referral: referral.adviser_key, "referral.not_yours", coordinators=True
    )
    return Feature(
        name="referrals",
        commands=[
            Command(
                "referral",
                "ohjaus",
                "referral",
                command,
                usage_fi=" Yritys ; Y-tunnus ; palvelu ; tarve",
                usage_en=" Company ; business id ; service ; need",
            ),
            Command("referrals", "ohjaukset", "referrals", follow_ups.list),
            Command(
                "referral_channel",
                "ohjauskanava",
                "referral channel",
                channels.link,
                role=COORDINATOR,
                usage_fi=" PALVELUNTARJOAJA",
                usage_en=" PROVIDER",
            ),
            Command("referral_channels", "ohjauskanavat", "referral channels", channels.list),
            Command(
                "report",
                "raportti",
                "report",
                reports.command,
                role=COORDINATOR,
                usage_fi=" [kuukausi|neljännes|vuosi|1.1.–31.3.2026]",
                usage_en=" [month|quarter|year|1.1.–31.3.2026]",
            ),
        ],
        card_verbs=[
            # The finder's **Kirjaa ohjaus**: where the results were shown (anyone there may log it).
            CardVerb(
                REFER_VERB, intake.open_from_finder, access=Named(intake.search_of, (asked_here,), "finder.stale")
            ),
            # The form, the choice card and the list were made for one adviser in one conversation.
            CardVerb(SUBMIT_VERB, intake.submit, access=MadeFor(origins)),
            CardVerb(CHOOSE_VERB, intake.choose, access=MadeFor(origins)),
            CardVerb(PAGE_VERB, follow_ups.page, access=MadeFor(origins)),
            # The provider answers in its own conversation (anyone there); the adviser or a coordinator
            # sets the outcome, wherever they press.
            CardVerb(
                ANSWER_VERB, provider.answer, access=Named(load, (in_provider_conversation,), "referral.not_found")
            ),
            CardVerb(
                OUTCOME_VERB, follow_ups.outcome, access=Named(load, (adviser_or_coordinator,), "referral.not_found")
            ),
        ],
        jobs={
            REMINDER_JOB: provider.reminder_job,
            FOLLOW_UP_JOB: follow_ups.follow_up_job,
            RETENTION_JOB: follow_ups.retention_job,
        },
        files=[reports.csv_file, reports.chart_file],
        tables=("referrals", "referral_events", "referral_channels", "referral_reports"),
        texts=TEXTS,
    )
