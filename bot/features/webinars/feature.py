"""Webinars: form and quick syntax, preview, publishing, RSVP, calendar, changes, reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from adaptive_cards.base import plain
from adaptive_cards.webinars import (
    CANCEL_VERB,
    EDIT_VERB,
    FORM_VERB,
    PUBLISH_VERB,
    RECORDING_VERB,
    RESCHEDULE_VERB,
    RSVP_VERB,
    TARGETS_VERB,
    form_card,
    list_card,
    preview_card,
    webinar_card,
)
from bot.common.clock import Clock
from bot.common.conversation_ids import base_conversation_id
from bot.common.signed_links import SignedLinks
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.commands import split_parts
from bot.domain.registry import CHANNEL, ConversationRegistry
from bot.domain.webinars import Webinar, WebinarInput, Webinars, check, parse_quick
from bot.feature import (
    COORDINATOR,
    Actor,
    CardVerb,
    Command,
    Feature,
    MadeFor,
    Named,
    Origins,
    Pressed,
    Rule,
    by_owner,
    in_any_of,
)
from bot.features.publishing import TargetPicker, no_targets_key, references, resolve_targets
from bot.features.webinars.manage import WebinarChanges
from bot.features.webinars.notices import CHANNEL_REMINDER, PERSONAL_REMINDER, WebinarNotices, group_of, post_prefix
from bot.features.webinars.views import WebinarViews, plain_time
from bot.i18n import Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

CANCEL_WORDS, MOVE_WORDS = {"peru", "cancel"}, {"siirrä", "siirra", "move"}


def _draft(_actor: Actor, webinar: Webinar) -> str | None:
    return None if webinar.status == "draft" else "webinar.already_published"


def _published(_actor: Actor, webinar: Webinar) -> str | None:
    return None if webinar.status == "published" else "webinar.not_found"


def _not_draft(_actor: Actor, webinar: Webinar) -> str | None:
    return "webinar.not_found" if webinar.status == "draft" else None


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
        self._channel_texts = texts_default  # shared copies in channels are in the network's language
        self._clock = clock
        self._origins = Origins(links, clock)
        self._notices = WebinarNotices(webinars, registry, outbox, jobs, texts_default, reminder_before)
        self._changes = WebinarChanges(webinars, self._notices, self._refresh_copies, clock)
        self._topics = topics  # text -> the knowledge-base services it is about
        self._views = WebinarViews(webinars, links, clock)
        self._picker = TargetPicker(registry, TARGETS_VERB, "webinar")

    def declare(self) -> Feature:
        """`webinaarit` for everyone; creating and managing webinars for coordinators."""
        # A preview (and its picker) was made for the coordinator who typed `webinaari`: only they
        # publish, edit or choose its channels, there, and only while it is a draft.
        made_by_them: Rule[Webinar] = by_owner(lambda webinar: webinar.created_by)
        own_draft = Named(self._webinar_of, (_draft, made_by_them), "webinar.not_found", self._origins)
        # The buttons on a posted copy work where it was posted (any coordinator manages).
        posted: Rule[Webinar] = in_any_of(lambda webinar: webinar.targets)
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
                    role=COORDINATOR,
                    usage_fi=" Otsikko ; 16.12.2026 14:00 ; Esittäjä ; https://…",
                    usage_en=" Title ; 16.12.2026 14:00 ; Presenter ; https://…",
                ),
            ],
            card_verbs=[
                CardVerb(RSVP_VERB, self.rsvp, access=Named(self._webinar_of, (_published, self._in_audience))),
                CardVerb(FORM_VERB, self.preview_from_form, COORDINATOR, MadeFor(self._origins)),
                CardVerb(EDIT_VERB, self.edit, COORDINATOR, own_draft),
                CardVerb(TARGETS_VERB, self.pick_targets, COORDINATOR, own_draft),
                CardVerb(PUBLISH_VERB, self.publish, COORDINATOR, own_draft),
                CardVerb(CANCEL_VERB, self.cancel, COORDINATOR, Named(self._webinar_of, (_not_draft, posted))),
                CardVerb(RESCHEDULE_VERB, self.reschedule, COORDINATOR, Named(self._webinar_of, (_not_draft, posted))),
                CardVerb(
                    RECORDING_VERB, self.add_recording, COORDINATOR, Named(self._webinar_of, (_not_draft, posted))
                ),
            ],
            jobs={
                CHANNEL_REMINDER: self._notices.channel_reminder,
                PERSONAL_REMINDER: self._notices.personal_reminder,
            },
            files=[self._views.calendar_file],
            tables=("webinars", "webinar_attendance"),
        )

    # ---- who may see and answer a webinar ------------------------------------------------

    def _webinar_of(self, data: dict[str, Any]) -> Webinar | None:
        code = data.get("webinar")
        return self.webinars.get_by_code(code) if isinstance(code, str) else None

    def _open_to(self, webinar: Webinar, conversation_id: str) -> bool:
        """Posted here, or to a network channel (then anyone may sign up); one posted to a chat is its own."""
        targets = {base_conversation_id(target) for target in webinar.targets}
        if conversation_id in targets:
            return True
        return any(
            (row := self._registry.get(target)) is not None and row["conversation_type"] == CHANNEL
            for target in targets
        )

    def _in_audience(self, actor: Actor, webinar: Webinar) -> str | None:
        return None if self._open_to(webinar, actor.conversation_id) else "card.refused.other_conversation"

    # ---- commands -------------------------------------------------------------------------

    async def command(self, turn: Turn, args: str) -> None:
        """`webinaari` (form), `webinaari Otsikko ; aika ; esittäjä ; linkki`, `peru KOODI`, `siirrä KOODI ; aika`."""
        first = args.split(" ", 1)[0].lower() if args else ""
        if first in CANCEL_WORDS | MOVE_WORDS:
            await self._change_by_command(turn, first, args.split(" ", 1)[1] if " " in args else "")
            return
        if not args.strip():
            await turn.reply(form_card(turn.texts, {}, {}, self._origins.ticket(turn)))
            return
        values = parse_quick(split_parts(args))
        await turn.reply(self._preview_or_form(turn, values))

    async def list(self, turn: Turn, _args: str) -> None:
        """`webinaarit`: upcoming webinars open to this conversation, with their buttons."""
        here = turn.conversation.base_id
        upcoming = [webinar for webinar in self.webinars.upcoming(self._clock()) if self._open_to(webinar, here)]
        views = [self._views.view(webinar, turn.language) for webinar in upcoming]
        await turn.reply(list_card(turn.texts, views))

    async def _change_by_command(self, turn: Turn, word: str, rest: str) -> None:
        """`webinaari peru KOODI` / `webinaari siirrä KOODI ; aika` (coordinators, anywhere)."""
        parts = split_parts(rest)
        webinar = self.webinars.get_by_code(parts[0]) if parts else None
        if webinar is None or webinar.status == "draft":
            await turn.reply(turn.texts("webinar.usage"))
            return
        title = plain(webinar.title)  # the reply is Markdown
        if word in CANCEL_WORDS:
            await turn.reply(self._changes.cancel(turn.texts, webinar, title))
        else:
            new_start = parts[1] if len(parts) > 1 else ""
            await turn.reply(self._changes.reschedule(turn.texts, webinar, new_start, title))

    # ---- drafts: form, preview, channels, publishing --------------------------------------

    def _preview_or_form(self, turn: Turn, values: WebinarInput) -> dict[str, Any]:
        texts = turn.texts
        draft, errors = check(values, self._clock())
        if draft is None:
            shown = {field: texts(key) for field, key in errors.items()}
            return form_card(texts, values.as_dict(), shown, self._origins.ticket(turn))
        ids = self.webinars.create_drafts(draft, turn.person.key)
        first = self.webinars.get(ids[0])
        if first is None:  # written in this very call: only a broken database gets here
            raise LookupError(f"webinar {ids[0]} vanished after it was created")
        return self._preview(turn, first)

    def _preview(self, turn: Turn, first: Webinar) -> dict[str, Any]:
        texts, origin = turn.texts, self._origins.ticket(turn)
        views = [self._views.view(webinar, texts.language) for webinar in self.webinars.series(first.id)]
        return preview_card(texts, views, self._picker.where(texts, first.code, origin, first.targets), origin)

    async def preview_from_form(self, turn: Turn, pressed: Pressed[None]) -> InvokeAnswer:
        """The form's **Esikatsele**: the preview, or the form again with what to fix."""
        fields = {key: str(pressed.data.get(key) or "") for key in WebinarInput().as_dict()}
        return card_answer(self._preview_or_form(turn, WebinarInput(**fields)))

    async def edit(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Muokkaa** on the preview: the form with the draft's values."""
        webinar = pressed.subject
        values = {
            "title": webinar.title,
            "organisation": webinar.organisation,
            "presenter": webinar.presenter,
            "start": plain_time(webinar.starts_at),
            "duration": str(webinar.duration_min),
            "join_url": webinar.join_url,
            "description": webinar.description,
        }
        return card_answer(form_card(turn.texts, values, {}, self._origins.ticket(turn)))

    async def pick_targets(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Valitse kanavat…** and the picker's pages: the ticks kept with the draft, then the preview."""
        webinar, data = pressed.subject, pressed.data
        chosen = self._picker.merge(data, webinar.targets)
        self.webinars.choose_targets(webinar.id, chosen)
        page = self._picker.next_page(data)
        if page is None:
            return card_answer(self._preview(turn, self.webinars.get(webinar.id) or webinar))
        return card_answer(self._picker.page_card(turn.texts, webinar.code, self._origins.ticket(turn), page, chosen))

    async def publish(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Julkaise**: one card per target through the outbox, reminders scheduled."""
        texts, webinar, data = turn.texts, pressed.subject, pressed.data
        targets = references(self._registry, resolve_targets(turn, self._registry, data, webinar.targets))
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

    # ---- published webinars: sign-up and changes ------------------------------------------

    async def rsvp(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Osallistun / En osallistu**: the person's own card at once, every copy updated soon after."""
        texts, webinar = turn.texts, pressed.subject
        attending = pressed.data.get("attending")
        if not isinstance(attending, bool):
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

    async def cancel(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Peru webinaari** (under **Hallinnoi**)."""
        webinar = pressed.subject
        return message_answer(self._changes.cancel(turn.texts, webinar, webinar.title))

    async def reschedule(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Siirrä** (under **Hallinnoi**) with the new start time."""
        webinar, new_start = pressed.subject, str(pressed.data.get("new_start") or "")
        return message_answer(self._changes.reschedule(turn.texts, webinar, new_start, webinar.title))

    async def add_recording(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Tallenne** (under **Hallinnoi**): the recording link."""
        webinar, url = pressed.subject, str(pressed.data.get("recording_url") or "")
        return message_answer(self._changes.add_recording(turn.texts, webinar, url, webinar.title))


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
