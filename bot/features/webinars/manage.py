"""Changing a published webinar: cancel, move, add the recording (by card button or typed command)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.common.clock import Clock
from bot.common.helsinki_time import TimeInputError, format_time, parse_local_datetime
from bot.domain.webinars import Webinar, Webinars
from bot.features.webinars.notices import WebinarNotices
from bot.i18n import Texts

MAX_URL = 1000


@dataclass(frozen=True)
class Outcome:
    """What a change did, as the coordinator is told: `done` False when nothing changed (bad input)."""

    text: str
    done: bool = True


class WebinarChanges:
    """Each change updates every posted copy and tells the attendees."""

    # `title` is the title as the answer shows it: as typed in a plain-text invoke answer, escaped in a
    # Markdown reply or on a card.

    def __init__(
        self, webinars: Webinars, notices: WebinarNotices, refresh_copies: Callable[[int], None], clock: Clock
    ) -> None:
        self._webinars = webinars
        self._notices = notices
        self._refresh_copies = refresh_copies  # updates every posted copy of the webinar's card
        self._clock = clock

    def cancel(self, texts: Texts, webinar: Webinar, title: str) -> Outcome:
        """Cancel: every copy shows PERUTTU, reminders stop, attendees are told."""
        if webinar.status == "cancelled":
            return Outcome(texts("webinar.cancelled", title=title))
        changed = self._webinars.change(webinar.id, status="cancelled")
        self._notices.cancel_reminders(webinar)
        self._refresh_copies(webinar.id)
        if changed is not None:
            self._notices.tell_attendees(changed, "webinar.cancelled_notice")
        return Outcome(texts("webinar.cancelled", title=title))

    def reschedule(self, texts: Texts, webinar: Webinar, new_start: str, title: str) -> Outcome:
        """Move to `new_start` (as typed): copies, reminders and attendees follow."""
        try:
            starts_at: datetime = parse_local_datetime(new_start, self._clock())
        except TimeInputError as error:
            key = f"webinar.error.{error}" if new_start.strip() else "webinar.new_start_missing"
            return Outcome(texts(key), done=False)
        if starts_at <= self._clock():
            return Outcome(texts("webinar.error.start_past"), done=False)
        changed = self._webinars.change(webinar.id, starts_at=starts_at, status="published")
        self._notices.cancel_reminders(webinar)
        if changed is not None:
            self._notices.schedule_reminders(changed)
        self._refresh_copies(webinar.id)
        if changed is not None:
            self._notices.tell_attendees(changed, "webinar.rescheduled_notice")
        return Outcome(texts("webinar.rescheduled", title=title, when=format_time(starts_at, texts.language)))

    def add_recording(self, texts: Texts, webinar: Webinar, url: str, title: str) -> Outcome:
        """The recording's link on every copy (and in the finder's answers about its topics)."""
        url = url.strip()
        if not url.startswith("https://") or " " in url or len(url) > MAX_URL:
            return Outcome(texts("webinar.recording_invalid"), done=False)
        self._webinars.change(webinar.id, recording_url=url)
        self._refresh_copies(webinar.id)
        return Outcome(texts("webinar.recording_saved", title=title))
