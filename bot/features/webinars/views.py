"""What a webinar looks like: its card's content, its calendar file, its time as the form shows it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adaptive_cards.webinars import WebinarView
from bot.common.clock import Clock
from bot.common.helsinki_time import format_time, to_helsinki
from bot.common.icalendar_file import CalendarEvent, calendar_file
from bot.common.signed_links import SignedLinks
from bot.domain.webinars import Webinar, Webinars
from bot.feature import SignedFile


class WebinarViews:
    """Card content and calendar files, with links signed to expire a day after the event."""

    def __init__(self, webinars: Webinars, links: SignedLinks, clock: Clock) -> None:
        self.webinars = webinars
        self._links = links
        self._clock = clock
        self.calendar_file = SignedFile("webinars", "ics", self.calendar, "text/calendar", "webinaari-{}.ics")

    def view(self, webinar: Webinar, language: str) -> WebinarView:
        """The card's content in `language`, with a calendar link valid until a day after the event."""
        now = self._clock()
        lifetime = max(webinar.ends_at - now, timedelta(0)) + timedelta(days=1)
        return WebinarView(
            code=webinar.code,
            title=webinar.title,
            when=format_time(webinar.starts_at, language),
            duration_min=webinar.duration_min,
            presenter=webinar.presenter,
            organisation=webinar.organisation,
            description=webinar.description,
            join_url=webinar.join_url,
            calendar_url=self._links.url(self.calendar_file.path(webinar.id), now, lifetime),
            recording_url=webinar.recording_url,
            attending=self.webinars.attending_count(webinar.id),
            cancelled=webinar.status == "cancelled",
        )

    def calendar(self, webinar_id: int) -> bytes | None:
        """The .ics file of a published webinar, or None."""
        webinar = self.webinars.get(webinar_id)
        if webinar is None or webinar.status == "draft":
            return None
        event = CalendarEvent(
            uid=f"webinar-{webinar.id}-{webinar.series_key}@kasvuopas",
            title=webinar.title,
            starts_at=webinar.starts_at,
            duration=timedelta(minutes=webinar.duration_min),
            description=", ".join(part for part in (webinar.presenter, webinar.organisation) if part)
            + ("\n\n" + webinar.description if webinar.description else ""),
            url=webinar.join_url,
            sequence=webinar.sequence,
            cancelled=webinar.status == "cancelled",
        )
        return calendar_file(event, self._clock())


def plain_time(moment: datetime) -> str:
    """`16.12.2026 14:00` in Helsinki time, as the form takes it back."""
    local = to_helsinki(moment.astimezone(UTC))
    return f"{local.day}.{local.month}.{local.year} {local.hour}:{local.minute:02d}"
