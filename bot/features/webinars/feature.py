"""Webinars in Teams: form and quick syntax, preview, publishing, RSVP, calendar, changes, reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext

from adaptive_cards.webinars import (
    CANCEL_VERB,
    EDIT_VERB,
    FORM_VERB,
    PUBLISH_VERB,
    RECORDING_VERB,
    RESCHEDULE_VERB,
    RSVP_VERB,
    WebinarView,
    form_card,
    list_card,
    preview_card,
    webinar_card,
)
from bot.domain.commands import split_parts
from bot.domain.helsinki_time import TimeInputError, format_time, parse_local_datetime, to_helsinki
from bot.domain.icalendar_file import CalendarEvent, calendar_file
from bot.domain.jobs import JobStore
from bot.domain.outbox import Outbox
from bot.domain.registry import ConversationRegistry
from bot.domain.signed_links import SignedLinks
from bot.domain.webinars import Webinar, WebinarInput, Webinars, check, parse_quick
from bot.i18n import Texts
from bot.invoke_responses import card_response, message_response
from bot.publishing import card_activity, channel_choices, references, resolve_targets
from bot.replies import card_reply
from bot.webinar_notices import WebinarNotices, group_of, post_prefix

log = logging.getLogger(__name__)

VERBS = (FORM_VERB, EDIT_VERB, PUBLISH_VERB, RSVP_VERB, CANCEL_VERB, RESCHEDULE_VERB, RECORDING_VERB)
MANAGE_VERBS = (FORM_VERB, EDIT_VERB, PUBLISH_VERB, CANCEL_VERB, RESCHEDULE_VERB, RECORDING_VERB)
CANCEL_WORDS, MOVE_WORDS = {"peru", "cancel"}, {"siirrä", "siirra", "move"}
Clock = Callable[[], datetime]


class WebinarFeature:
    """The glue between Teams and the webinar domain; sending goes through the outbox."""

    def __init__(
        self,
        webinars: Webinars,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        links: SignedLinks,
        texts_default: Texts,
        clock: Clock,
        reminder_before: timedelta,
        topics: Callable[[str], list[str]] = lambda _text: [],
    ) -> None:
        self.webinars = webinars
        self._registry = registry
        self._outbox = outbox
        self._links = links
        self._channel_texts = texts_default  # shared copies in channels are in the network's language
        self._clock = clock
        self._notices = WebinarNotices(webinars, registry, outbox, jobs, texts_default, reminder_before)
        self.channel_reminder = self._notices.channel_reminder  # job handlers
        self.personal_reminder = self._notices.personal_reminder
        self._topics = topics  # text -> the knowledge-base services it is about

    # ---- views ----------------------------------------------------------------------------

    def calendar_path(self, webinar_id: int) -> str:
        """Where the webinar's .ics file is served."""
        return f"/webinars/{webinar_id}.ics"

    def view(self, webinar: Webinar, language: str) -> WebinarView:
        """The card's content in `language`, with a calendar link valid until a day after the event."""
        now = self._clock()
        lifetime = max(webinar.ends_at - now, timedelta(0)) + timedelta(days=1)
        return WebinarView(
            id=webinar.id,
            title=webinar.title,
            when=format_time(webinar.starts_at, language),
            duration_min=webinar.duration_min,
            presenter=webinar.presenter,
            organisation=webinar.organisation,
            description=webinar.description,
            join_url=webinar.join_url,
            calendar_url=self._links.url(self.calendar_path(webinar.id), now, lifetime),
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

    # ---- commands -------------------------------------------------------------------------

    async def command(self, turn_context: TurnContext, texts: Texts, args: str) -> None:
        """`webinaari` (form), `webinaari Otsikko ; aika ; esittäjä ; linkki`, `peru ID`, `siirrä ID ; aika`."""
        first = args.split(" ", 1)[0].lower() if args else ""
        if first in CANCEL_WORDS | MOVE_WORDS:
            await self._change_by_command(turn_context, texts, first, args.split(" ", 1)[1] if " " in args else "")
            return
        if not args.strip():
            await turn_context.send_activity(card_reply(form_card(texts, {}, {})))
            return
        values = parse_quick(split_parts(args))
        await turn_context.send_activity(card_reply(self._preview_or_form(turn_context, texts, values)))

    async def list(self, turn_context: TurnContext, texts: Texts) -> None:
        """`webinaarit`: upcoming webinars with their buttons."""
        views = [self.view(webinar, texts.language) for webinar in self.webinars.upcoming(self._clock())]
        await turn_context.send_activity(card_reply(list_card(texts, views)))

    def _preview_or_form(self, turn_context: TurnContext, texts: Texts, values: WebinarInput) -> dict[str, Any]:
        draft, errors = check(values, self._clock())
        if draft is None:
            return form_card(texts, values.as_dict(), {field: texts(key) for field, key in errors.items()})
        sender = turn_context.activity.from_property
        ids = self.webinars.create_drafts(draft, sender.aad_object_id or sender.id)
        views = [self.view(webinar, texts.language) for webinar in self.webinars.series(ids[0])]
        return preview_card(texts, views, channel_choices(self._registry), ids[0])

    # ---- card buttons ---------------------------------------------------------------------

    async def on_action(
        self, turn_context: TurnContext, texts: Texts, verb: str, data: dict[str, Any]
    ) -> InvokeResponse:
        """Every webinar button; the caller has checked the coordinator role for MANAGE_VERBS."""
        if verb == FORM_VERB:
            fields = {key: str(data.get(key) or "") for key in WebinarInput().as_dict()}
            return card_response(self._preview_or_form(turn_context, texts, WebinarInput(**fields)))
        webinar_id = data.get("webinar_id")
        webinar = self.webinars.get(webinar_id) if isinstance(webinar_id, int) else None
        if webinar is None:
            return message_response(texts("webinar.not_found"))
        if verb == EDIT_VERB:
            values = {
                "title": webinar.title,
                "organisation": webinar.organisation,
                "presenter": webinar.presenter,
                "start": _plain_time(webinar.starts_at),
                "duration": str(webinar.duration_min),
                "join_url": webinar.join_url,
                "description": webinar.description,
            }
            return card_response(form_card(texts, values, {}))
        if verb == PUBLISH_VERB:
            return self._publish(turn_context, texts, webinar, data)
        if verb == RSVP_VERB:
            return self._rsvp(turn_context, texts, webinar, data)
        if verb == CANCEL_VERB:
            return message_response(self._cancel(texts, webinar))
        if verb == RESCHEDULE_VERB:
            return message_response(self._reschedule(texts, webinar, str(data.get("new_start") or "")))
        if verb == RECORDING_VERB:
            return message_response(self._add_recording(texts, webinar, str(data.get("recording_url") or "")))
        return message_response(texts("invoke.unknown_action"))

    def _publish(self, turn_context: TurnContext, texts: Texts, webinar: Webinar, data: dict) -> InvokeResponse:
        if webinar.status != "draft":
            return message_response(texts("webinar.already_published"))
        targets = references(self._registry, resolve_targets(turn_context, self._registry, data))
        if not targets:
            key = "webinar.no_targets" if data.get("target") == "chosen" else "webinar.no_channels"
            return message_response(texts(key))
        published = self.webinars.publish(webinar.id, list(targets))
        for item in published:
            self.webinars.set_services(item.id, self._topics(f"{item.title} {item.organisation} {item.description}"))
            card = webinar_card(self._channel_texts, self.view(item, self._channel_texts.language))
            for conversation_id, reference in targets.items():
                self._outbox.enqueue_send(
                    group_of(item.id),
                    f"webinar:{item.id}:post:{conversation_id}",
                    conversation_id,
                    reference,
                    card_activity(card),
                )
            self._notices.schedule_reminders(item)
        log.info("webinar published", extra={"webinars": len(published), "targets": len(targets)})
        here = len(targets) == 1 and data.get("target") == "here"
        text = texts("webinar.published_here" if here else "webinar.published", title=webinar.title, count=len(targets))
        return message_response(text)

    def _rsvp(self, turn_context: TurnContext, texts: Texts, webinar: Webinar, data: dict) -> InvokeResponse:
        attending = data.get("attending")
        if webinar.status != "published" or not isinstance(attending, bool):
            return message_response(texts("webinar.not_found"))
        user = turn_context.activity.from_property
        self.webinars.set_attending(
            webinar.id,
            user.aad_object_id or user.id,
            user.id,
            user.name or "",
            turn_context.activity.conversation.id,
            attending,
        )
        self._refresh_copies(webinar.id)
        return card_response(webinar_card(texts, self.view(webinar, texts.language), answer=attending))

    def _refresh_copies(self, webinar_id: int) -> None:
        """Update every posted copy of the card (coalesced by the outbox to about one update a second)."""
        webinar = self.webinars.get(webinar_id)
        if webinar is None:
            return
        card = webinar_card(self._channel_texts, self.view(webinar, self._channel_texts.language))
        for copy in self._outbox.sent_copies(group_of(webinar_id), key_prefix=post_prefix(webinar_id)):
            self._outbox.enqueue_update(
                group_of(webinar_id), copy.conversation_id, copy.reference, copy.activity_id, card_activity(card)
            )

    def _cancel(self, texts: Texts, webinar: Webinar) -> str:
        if webinar.status == "cancelled":
            return texts("webinar.cancelled", title=webinar.title)
        changed = self.webinars.change(webinar.id, status="cancelled")
        self._notices.cancel_reminders(webinar)
        self._refresh_copies(webinar.id)
        self._notices.tell_attendees(changed, "webinar.cancelled_notice")
        return texts("webinar.cancelled", title=webinar.title)

    def _reschedule(self, texts: Texts, webinar: Webinar, new_start: str) -> str:
        try:
            starts_at = parse_local_datetime(new_start, self._clock())
        except TimeInputError as error:
            return texts(f"webinar.error.{error}") if new_start.strip() else texts("webinar.new_start_missing")
        if starts_at <= self._clock():
            return texts("webinar.error.start_past")
        changed = self.webinars.change(webinar.id, starts_at=starts_at, status="published")
        self._notices.cancel_reminders(webinar)
        self._notices.schedule_reminders(changed)
        self._refresh_copies(webinar.id)
        self._notices.tell_attendees(changed, "webinar.rescheduled_notice")
        return texts("webinar.rescheduled", title=webinar.title, when=format_time(starts_at, texts.language))

    def _add_recording(self, texts: Texts, webinar: Webinar, url: str) -> str:
        url = url.strip()
        if not url.startswith("https://") or " " in url:
            return texts("webinar.recording_invalid")
        self.webinars.change(webinar.id, recording_url=url)
        self._refresh_copies(webinar.id)
        return texts("webinar.recording_saved", title=webinar.title)

    async def _change_by_command(self, turn_context: TurnContext, texts: Texts, word: str, rest: str) -> None:
        parts = split_parts(rest)
        webinar_id = parts[0] if parts else ""
        webinar = self.webinars.get(int(webinar_id)) if webinar_id.isdigit() else None
        if webinar is None:
            await turn_context.send_activity(texts("webinar.usage"))
            return
        if word in CANCEL_WORDS:
            await turn_context.send_activity(self._cancel(texts, webinar))
        else:
            await turn_context.send_activity(self._reschedule(texts, webinar, parts[1] if len(parts) > 1 else ""))


def _plain_time(moment: datetime) -> str:
    local = to_helsinki(moment.astimezone(UTC))
    return f"{local.day}.{local.month}.{local.year} {local.hour}:{local.minute:02d}"
