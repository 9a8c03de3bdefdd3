"""`tila` / `status`: coordinators see at a glance whether the bot is well, and can refresh the card.

The smallest complete feature, and the README's example of adding one: a command, a card verb,
texts in both languages, all declared here and registered by one line in `bot.features`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from adaptive_cards.base import card, execute_action, heading, text_block
from bot import __version__
from bot.common.helsinki_time import format_time
from bot.feature import COORDINATOR, Anywhere, CardVerb, Command, Feature, Pressed
from bot.i18n import Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_answer

REFRESH_VERB = "status.refresh"
RECENT = timedelta(hours=24)

TEXTS = {
    "fi": {
        "help.commands.status": "Botin tila: tietopankki, lähetysjono ja seuraava ajastettu tehtävä.",
        "status.title": "Kasvuopaksen tila",
        "status.version": "Versio",
        "status.knowledge": "Tietopankki",
        "status.knowledge_value": "{providers} palveluntarjoajaa, {services} palvelua",
        "status.queue": "Lähetysjono",
        "status.queue_value": "{waiting} odottaa · vuorokaudessa {sent} lähetetty, {failed} epäonnistunut",
        "status.next_job": "Seuraava ajastettu",
        "status.no_jobs": "ei ajastettuja tehtäviä",
        "status.checked": "Tarkistettu {when}",
        "status.refresh": "Päivitä",
    },
    "en": {
        "help.commands.status": "How the bot is doing: knowledge base, delivery queue and the next scheduled job.",
        "status.title": "Kasvuopas status",
        "status.version": "Version",
        "status.knowledge": "Knowledge base",
        "status.knowledge_value": "{providers} providers, {services} services",
        "status.queue": "Delivery queue",
        "status.queue_value": "{waiting} waiting · in the last day {sent} sent, {failed} failed",
        "status.next_job": "Next scheduled",
        "status.no_jobs": "no scheduled jobs",
        "status.checked": "Checked {when}",
        "status.refresh": "Refresh",
    },
}


class StatusFeature:
    """Reads the knowledge base, the outbox and the job store; changes nothing."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def card(self, texts: Texts) -> dict[str, Any]:
        """The status card in the reader's language."""
        services, now = self._services, self._services.clock()
        kb = services.knowledge.kb
        counts = services.outbox.status_counts(since=now - RECENT)
        waiting = counts.get("pending", 0) + counts.get("sending", 0)
        failed = sum(counts.get(status, 0) for status in ("failed", "inactive", "unknown"))
        next_job = services.jobs.next_due_at()
        facts = [
            (texts("status.version"), __version__),
            (
                texts("status.knowledge"),
                texts("status.knowledge_value", providers=kb.provider_count, services=kb.service_count),
            ),
            (
                texts("status.queue"),
                texts("status.queue_value", waiting=waiting, sent=counts.get("sent", 0), failed=failed),
            ),
            (texts("status.next_job"), format_time(next_job, texts.language) if next_job else texts("status.no_jobs")),
        ]
        body = [
            heading(texts("status.title")),
            {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
            text_block(texts("status.checked", when=format_time(now, texts.language)), isSubtle=True, size="Small"),
        ]
        return card(body, [execute_action(texts("status.refresh"), REFRESH_VERB)])

    async def show(self, turn: Turn, _args: str) -> None:
        """`tila`: post the card."""
        await turn.reply(self.card(turn.texts))

    async def refresh(self, turn: Turn, _pressed: Pressed[None]) -> InvokeAnswer:
        """**Päivitä**: the same card with current figures."""
        return card_answer(self.card(turn.texts))


def feature(services: Services) -> Feature:
    """The `tila` command and its refresh button, for coordinators."""
    status = StatusFeature(services)
    return Feature(
        name="status",
        commands=[Command("status", "tila", "status", status.show, role=COORDINATOR)],
        card_verbs=[
            CardVerb(
                REFRESH_VERB,
                status.refresh,
                role=COORDINATOR,
                access=Anywhere("shows what every coordinator may see, changes nothing, names no object"),
            )
        ],
        texts=TEXTS,
    )
