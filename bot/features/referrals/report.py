"""`raportti`: the network's referrals for a period as a card, with a chart and a CSV behind signed links.

The request is stored (period and language) so that the links can serve the chart and the CSV
later without carrying anything but an id; the chart is drawn in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, timedelta

from adaptive_cards.referral_report import report_card
from bot.common.clock import Clock, stored_now
from bot.common.helsinki_time import to_helsinki
from bot.common.signed_links import SignedLinks
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.referral_export import report_chart_png, report_csv
from bot.domain.referral_report import ReportPeriod, build_report, parse_period
from bot.feature import SignedFile
from bot.i18n import Catalogues
from bot.storage.database import Database
from bot.turn import Turn

log = logging.getLogger(__name__)

LINK_LIFETIME = timedelta(hours=24)


class Reports:
    """Builds reports and serves their CSV and chart."""

    def __init__(
        self, db: Database, knowledge: KnowledgeService, links: SignedLinks, catalogues: Catalogues, clock: Clock
    ) -> None:
        self._db = db
        self._knowledge = knowledge
        self._links = links
        self._catalogues = catalogues
        self._clock = clock
        self.csv_file = SignedFile("referral-reports", "csv", self.csv, "text/csv", "ohjausraportti-{}.csv")
        self.chart_file = SignedFile("referral-charts", "png", self.chart, "image/png", "ohjausraportti-{}.png")

    async def command(self, turn: Turn, args: str) -> None:
        """`raportti [kuukausi|neljännes|vuosi|ALKU–LOPPU]` (coordinators)."""
        texts = turn.texts
        today = to_helsinki(self._clock()).date()
        try:
            period = parse_period(args, today)
        except ValueError as error:
            await turn.reply(texts(str(error)))
            return
        report = build_report(self._db, period, self._knowledge.kb)
        report_id = self._db.insert(
            "INSERT INTO referral_reports (period_start, period_end, language, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                period.start.isoformat(),
                period.end.isoformat(),
                texts.language,
                turn.person.key,
                stored_now(self._clock),
            ],
        )
        now = self._clock()
        chart_url = self._links.url(self.chart_file.path(report_id), now, LINK_LIFETIME)
        csv_url = self._links.url(self.csv_file.path(report_id), now, LINK_LIFETIME)
        log.info("referral report", extra={"referrals": report.total, "days": (period.end - period.start).days + 1})
        await turn.reply(report_card(texts, report, chart_url, csv_url))

    def _request(self, report_id: int) -> tuple[ReportPeriod, str] | None:
        row = self._db.one("SELECT period_start, period_end, language FROM referral_reports WHERE id = ?", [report_id])
        if row is None:
            return None
        return ReportPeriod(date.fromisoformat(row[0]), date.fromisoformat(row[1])), str(row[2])

    def csv(self, report_id: int) -> bytes | None:
        """The report's referrals as CSV for Finnish Excel."""
        request = self._request(report_id)
        if request is None:
            return None
        period, language = request
        return report_csv(self._db, period, self._knowledge.kb, language)

    async def chart(self, report_id: int) -> bytes | None:
        """The report's chart (counted here, drawn in a worker thread: matplotlib takes a while)."""
        request = self._request(report_id)
        if request is None:
            return None
        period, language = request
        report = build_report(self._db, period, self._knowledge.kb)
        return await asyncio.to_thread(report_chart_png, report, self._catalogues.texts(language))
