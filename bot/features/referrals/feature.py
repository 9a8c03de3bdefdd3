"""Referrals: log where a company was sent, let the provider answer, follow up, report the impact."""

from __future__ import annotations

from adaptive_cards.finder import REFER_VERB
from adaptive_cards.referrals import ANSWER_VERB, CHOOSE_VERB, OUTCOME_VERB, PAGE_VERB, SUBMIT_VERB
from bot.domain.referral_store import Actor, Referrals
from bot.domain.roles import Roles
from bot.domain.search_log import SearchLog
from bot.feature import COORDINATOR, CardVerb, Command, Feature
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


def feature(services: Services) -> Feature:
    """The referral log and everything around it."""
    settings = services.settings
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
    )
    intake = Intake(referrals, SearchLog(services.db, services.clock), services.knowledge, views, provider, follow_ups)
    channels = Channels(referrals, services.registry, services.knowledge, provider)
    reports = Reports(services.db, services.knowledge, services.links, services.catalogues, services.clock)
    command = ReferralCommand(intake, channels, referrals, provider, services)
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
            CardVerb(REFER_VERB, intake.open_from_finder),
            CardVerb(SUBMIT_VERB, intake.submit),
            CardVerb(CHOOSE_VERB, intake.choose),
            CardVerb(ANSWER_VERB, provider.answer),
            CardVerb(OUTCOME_VERB, follow_ups.outcome),
            CardVerb(PAGE_VERB, follow_ups.page),
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
