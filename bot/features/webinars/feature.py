"""Webinars: form and quick syntax, preview, publishing, RSVP, calendar, changes, reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from adaptive_cards.webinars import (
    CANCEL_VERB,
    EDIT_VERB,
    FORM_VERB,
    PUBLISH_VERB,
    RECORDING_VERB,
    RESCHEDULE_VERB,
    RSVP_VERB,
    form_card,
    list_card,
    preview_card,
    webinar_card,
)
from bot.common.clock import Clock
from bot.common.helsinki_time import TimeInputError, format_time, parse_local_datetime
from bot.common.signed_links import SignedLinks
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.commands import split_parts
from bot.domain.registry import ConversationRegistry
from bot.domain.webinars import Webinar, WebinarInput, Webinars, check, parse_quick
from bot.feature import COORDINATOR, CardVerb, Command, Feature
from bot.features.publishing import channel_choices, no_targets_key, references, resolve_targets
from bot.features.webinars.notices import CHANNEL_REMINDER, PERSONAL_REMINDER, WebinarNotices, group_of, post_prefix
from bot.features.webinars.views import WebinarViews, plain_time
from bot.i18n import Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

CANCEL_WORDS, MOVE_WORDS = {"peru", "cancel"}, {"siirrä", "siirra", "move"}


class WebinarFeature:
    """The glue between the conversation and the webinar domain; sending goes through the outbox."""

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
        self._topics = topics  # text -> the knowledge-base services it is about
        self._views = WebinarViews(webinars, links, clock)

    def declare(self) -> Feature:
        """`webinaarit` for everyone; creating and managing webinars for coordinators."""
        manage = COORDINATOR
        return Feature(
            name="webinars",
            commands=[
                Command("webinars", "webinaarit", "webinars", self.list, aliases=("tietoiskut",)),
                Command(
                    "webinar",
                    "webinaari",
                    "webinar",
                    self.command,
                    aliases=("tietoisku",),
                    role=manage,
                    usage_fi=" Otsikko ; 16.12.2026 14:00 ; Esittäjä ; https://…",
                    usage_en=" Title ; 16.12.2026 14:00 ; Presenter ; https://…",
                ),
            ],
            card_verbs=[
                CardVerb(RSVP_VERB, self.rsvp),
                CardVerb(FORM_VERB, self.preview_from_form, role=manage),
                CardVerb(EDIT_VERB, self.edit, role=manage),
                CardVerb(PUBLISH_VERB, self.publish, role=manage),
                CardVerb(CANCEL_VERB, self.cancel, role=manage),
                CardVerb(RESCHEDULE_VERB, self.reschedule, role=manage),
                CardVerb(RECORDING_VERB, self.add_recording, role=manage),
            ],
            jobs={
                CHANNEL_REMINDER: self._notices.channel_reminder,
                PERSONAL_REMINDER: self._notices.personal_reminder,
            },
            files=[self._views.calendar_file],
            tables=("webinars", "webinar_attendance"),
        )

    # ---- commands -------------------------------------------------------------------------

    async def command(self, turn: Turn, args: str) -> None:
        """`webinaari` (form), `webinaari Otsikko ; aika ; esittäjä ; linkki`, `peru ID`, `siirrä ID ; aika`."""
        first = args.split(" ", 1)[0].lower() if args else ""
        if first in CANCEL_WORDS | MOVE_WORDS:
            await self._change_by_command(turn, first, args.split(" ", 1)[1] if " " in args else "")
            return
        if not args.strip():
            await turn.reply(form_card(turn.texts, {}, {}))
            return
        values = parse_quick(split_parts(args))
        await turn.reply(self._preview_or_form(turn, values))

    async def list(self, turn: Turn, _args: str) -> None:
        """`webinaarit`: upcoming webinars with their buttons."""
        views = [self._views.view(webinar, turn.language) for webinar in self.webinars.upcoming(self._clock())]
        await turn.reply(list_card(turn.texts, views))

    def _preview_or_form(self, turn: Turn, values: WebinarInput) -> dict[str, Any]:
        texts = turn.texts
        draft, errors = check(values, self._clock())
        if draft is None:
            return form_card(texts, values.as_dict(), {field: texts(key) for field, key in errors.items()})
        ids = self.webinars.create_drafts(draft, turn.person.key)
        views = [self._views.view(webinar, texts.language) for webinar in self.webinars.series(ids[0])]
        return preview_card(texts, views, channel_choices(self._registry), ids[0])

    # ---- card buttons ---------------------------------------------------------------------

    def _webinar_of(self, data: dict[str, Any]) -> Webinar | None:
        webinar_id = data.get("webinar_id")
        return self.webinars.get(webinar_id) if isinstance(webinar_id, int) else None

    async def preview_from_form(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """The form's **Esikatsele**: the preview, or the form again with what to fix."""
        fields = {key: str(data.get(key) or "") for key in WebinarInput().as_dict()}
        return card_answer(self._preview_or_form(turn, WebinarInput(**fields)))

    async def edit(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Muokkaa** on the preview: the form with the draft's values."""
        webinar = self._webinar_of(data)
        if webinar is None:
            return message_answer(turn.texts("webinar.not_found"))
        values = {
            "title": webinar.title,
            "organisation": webinar.organisation,
            "presenter": webinar.presenter,
            "start": plain_time(webinar.starts_at),
            "duration": str(webinar.duration_min),
            "join_url": webinar.join_url,
            "description": webinar.description,
        }
        return card_answer(form_card(turn.texts, values, {}))

    async def publish(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Julkaise**: one card per target through the outbox, reminders scheduled."""
        texts = turn.texts
        webinar = self._webinar_of(data)
        if webinar is None:
            return message_answer(texts("webinar.not_found"))
        if webinar.status != "draft":
            return message_answer(texts("webinar.already_published"))
        targets = references(self._registry, resolve_targets(turn, self._registry, data))
        if not targets:
            return message_answer(texts(no_targets_key(data)))
        published = self.webinars.publish(webinar.id, list(targets))
        for item in published:
            self.webinars.set_services(item.id, self._topics(f"{item.title} {item.organisation} {item.description}"))
            card = webinar_card(self._channel_texts, self._views.view(item, self._channel_texts.language))
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
        return message_answer(text)

    async def rsvp(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Osallistun / En osallistu**: the person's own card at once, every copy updated soon after."""
        texts = turn.texts
        webinar = self._webinar_of(data)
        attending = data.get("attending")
        if webinar is None or webinar.status != "published" or not isinstance(attending, bool):
            return message_answer(texts("webinar.not_found"))
        person = turn.person
        self.webinars.set_attending(webinar.id, person.key, person.id, person.name, turn.conversation.id, attending)
        self._refresh_copies(webinar.id)
        return card_answer(webinar_card(texts, self._views.view(webinar, texts.language), answer=attending))

    def _refresh_copies(self, webinar_id: int) -> None:
        """Update every posted copy of the card (coalesced by the outbox to about one update a second)."""
        webinar = self.webinars.get(webinar_id)
        if webinar is None:
            return
        card = webinar_card(self._channel_texts, self._views.view(webinar, self._channel_texts.language))
        for copy in self._outbox.sent_copies(group_of(webinar_id), key_prefix=post_prefix(webinar_id)):
            self._outbox.enqueue_update(
                group_of(webinar_id), copy.conversation_id, copy.reference, copy.activity_id, card_activity(card)
            )

    async def cancel(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Peru webinaari** (under **Hallinnoi**)."""
        webinar = self._webinar_of(data)
        if webinar is None:
            return message_answer(turn.texts("webinar.not_found"))
        return message_answer(self._cancel(turn.texts, webinar))

    async def reschedule(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Siirrä** (under **Hallinnoi**) with the new start time."""
        webinar = self._webinar_of(data)
        if webinar is None:
            return message_answer(turn.texts("webinar.not_found"))
        return message_answer(self._reschedule(turn.texts, webinar, str(data.get("new_start") or "")))

    async def add_recording(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Tallenne** (under **Hallinnoi**): the recording link."""
        webinar = self._webinar_of(data)
        if webinar is None:
            return message_answer(turn.texts("webinar.not_found"))
        return message_answer(self._add_recording(turn.texts, webinar, str(data.get("recording_url") or "")))

    def _cancel(self, texts: Texts, webinar: Webinar) -> str:
        if webinar.status == "cancelled":
            return texts("webinar.cancelled", title=webinar.title)
        changed = self.webinars.change(webinar.id, status="cancelled")
        self._notices.cancel_reminders(webinar)
        self._refresh_copies(webinar.id)
        if changed is not None:
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
        if changed is not None:
            self._notices.schedule_reminders(changed)
        self._refresh_copies(webinar.id)
        if changed is not None:
            self._notices.tell_attendees(changed, "webinar.rescheduled_notice")
        return texts("webinar.rescheduled", title=webinar.title, when=format_time(starts_at, texts.language))

    def _add_recording(self, texts: Texts, webinar: Webinar, url: str) -> str:
        url = url.strip()
        if not url.startswith("https://") or " " in url:
            return texts("webinar.recording_invalid")
        self.webinars.change(webinar.id, recording_url=url)
        self._refresh_copies(webinar.id)
        return texts("webinar.recording_saved", title=webinar.title)

    async def _change_by_command(self, turn: Turn, word: str, rest: str) -> None:
        parts = split_parts(rest)
        webinar_id = parts[0] if parts else ""
        webinar = self.webinars.get(int(webinar_id)) if webinar_id.isdigit() else None
        if webinar is None:
            await turn.reply(turn.texts("webinar.usage"))
            return
        if word in CANCEL_WORDS:
            await turn.reply(self._cancel(turn.texts, webinar))
        else:
            await turn.reply(self._reschedule(turn.texts, webinar, parts[1] if len(parts) > 1 else ""))


def feature(services: Services) -> Feature:
    """Webinars, with the finder telling which knowledge-base services each one is about."""
    finder = services.knowledge

    def topics(text: str) -> list[str]:
        return [match.service.id for match in finder.finder.search(text, top=3).matches]

    return WebinarFeature(
        Webinars(services.db, services.clock),
        services.registry,
        services.outbox,
        services.jobs,
        services.links,
        services.network_texts,
        services.clock,
        timedelta(hours=services.settings.reminder_hours_before),
        topics=topics,
    ).declare()
