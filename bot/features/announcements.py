"""Announcements: form and quick syntax, preview, sending now or later, the delivery report."""

from __future__ import annotations

import logging
from typing import Any

from adaptive_cards.announcements import (
    EDIT_VERB,
    FORM_VERB,
    SEND_VERB,
    TARGETS_VERB,
    announcement_card,
    form_card,
    preview_card,
    report_card,
)
from bot.common.clock import Clock
from bot.common.helsinki_time import format_time
from bot.common.signed_links import SignedLinks
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.delivery.report import TargetOutcome
from bot.domain.announcements import (
    Announcement,
    AnnouncementInput,
    Announcements,
    check,
    from_form,
    parse_quick,
)
from bot.domain.commands import split_parts
from bot.domain.registry import ConversationRegistry
from bot.feature import COORDINATOR, Actor, CardVerb, Command, Feature, MadeFor, Named, Origins, Pressed, by_owner
from bot.features.publishing import (
    TargetPicker,
    conversation_label,
    no_targets_key,
    references,
    resolve_targets,
)
from bot.i18n import Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

SEND_JOB = "announcement.send"


def _group(announcement_id: int) -> str:
    return f"announcement:{announcement_id}"


def _draft(_actor: Actor, item: Announcement) -> str | None:
    return None if item.status == "draft" else "announcement.already_sent"


class AnnouncementFeature:
    """The glue between the conversation and announcements; every send goes through the outbox."""

    def __init__(
        self,
        announcements: Announcements,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        links: SignedLinks,
        texts_default: Texts,
        clock: Clock,
    ) -> None:
        self.announcements = announcements
        self._registry = registry
        self._outbox = outbox
        self._jobs = jobs
        self._texts = texts_default
        self._clock = clock
        self._origins = Origins(links, clock)
        self._picker = TargetPicker(registry, TARGETS_VERB, "announcement")

    def _content(self, item: Announcement) -> dict[str, Any]:
        return announcement_card(self._texts, item.title, item.text, item.image_url, item.links)

    def declare(self) -> Feature:
        """The `tiedote` command and buttons (coordinators), the scheduled send and the report refresh."""
        # The preview (and its picker) was made for the coordinator who typed `tiedote`: only they send,
        # edit or choose its channels, there, and only while it is a draft.
        own_draft = Named(
            self._announcement_of,
            (_draft, by_owner(lambda item: item.created_by)),
            "announcement.not_found",
            self._origins,
        )
        return Feature(
            name="announcements",
            commands=[
                Command(
                    "announce",
                    "tiedote",
                    "announce",
                    self.command,
                    aliases=("tiedota", "announcement"),
                    role=COORDINATOR,
                    usage_fi=" Otsikko ; teksti",
                    usage_en=" Title ; text",
                )
            ],
            card_verbs=[
                CardVerb(FORM_VERB, self.preview_from_form, COORDINATOR, MadeFor(self._origins)),
                CardVerb(EDIT_VERB, self.edit, COORDINATOR, own_draft),
                CardVerb(TARGETS_VERB, self.pick_targets, COORDINATOR, own_draft),
                CardVerb(SEND_VERB, self.send, COORDINATOR, own_draft),
            ],
            jobs={SEND_JOB: self.send_job},
            progress_hooks=[self.on_progress],
            tables=("announcements",),
        )

    async def command(self, turn: Turn, args: str) -> None:
        """`tiedote` (form) or `tiedote Otsikko ; teksti` (preview)."""
        if not args.strip():
            await turn.reply(form_card(turn.texts, {}, {}, self._origins.ticket(turn)))
            return
        await turn.reply(self._preview_or_form(turn, parse_quick(split_parts(args))))

    def _preview_or_form(self, turn: Turn, values: AnnouncementInput) -> dict[str, Any]:
        texts = turn.texts
        send_at, errors = check(values, self._clock())
        if errors:
            shown = {field: texts(key) for field, key in errors.items()}
            return form_card(texts, values.as_dict(), shown, self._origins.ticket(turn))
        draft_id = self.announcements.create_draft(values, send_at, turn.person.key)
        item = self.announcements.get(draft_id)
        if item is None:  # written in this very call: only a broken database gets here
            raise LookupError(f"announcement {draft_id} vanished after it was created")
        return self._preview(turn, item)

    def _preview(self, turn: Turn, item: Announcement) -> dict[str, Any]:
        texts, origin = turn.texts, self._origins.ticket(turn)
        when = (
            texts("announcement.send_later", when=format_time(item.send_at, texts.language))
            if item.send_at
            else texts("announcement.send_now")
        )
        where = self._picker.where(texts, item.code, origin, item.targets)
        return preview_card(texts, self._content(item), when, where, item.code, origin)

    def _announcement_of(self, data: dict[str, Any]) -> Announcement | None:
        code = data.get("announcement")
        return self.announcements.get_by_code(code) if isinstance(code, str) else None

    async def preview_from_form(self, turn: Turn, pressed: Pressed[None]) -> InvokeAnswer:
        """The form's **Esikatsele**: the preview, or the form again with what to fix."""
        return card_answer(self._preview_or_form(turn, from_form(pressed.data)))

    async def edit(self, turn: Turn, pressed: Pressed[Announcement]) -> InvokeAnswer:
        """**Muokkaa** on the preview: the form with the draft's values."""
        item = pressed.subject
        values = {"title": item.title, "text": item.text, "image_url": item.image_url}
        for index, (label, url) in enumerate(item.links, start=1):
            values[f"link{index}_title"], values[f"link{index}_url"] = label, url
        return card_answer(form_card(turn.texts, values, {}, self._origins.ticket(turn)))

    async def pick_targets(self, turn: Turn, pressed: Pressed[Announcement]) -> InvokeAnswer:
        """**Valitse kanavat…** and the picker's pages: the ticks kept with the draft, then the preview."""
        item, data = pressed.subject, pressed.data
        chosen = self._picker.merge(data, item.targets)
        self.announcements.choose_targets(item.id, chosen)
        page = self._picker.next_page(data)
        if page is None:
            return card_answer(self._preview(turn, self.announcements.get(item.id) or item))
        return card_answer(self._picker.page_card(turn.texts, item.code, self._origins.ticket(turn), page, chosen))

    async def send(self, turn: Turn, pressed: Pressed[Announcement]) -> InvokeAnswer:
        """**Lähetä**: now, or at the chosen time; a delivery report card follows the sending."""
        texts, item, data = turn.texts, pressed.subject, pressed.data
        targets = resolve_targets(turn, self._registry, data, item.targets)
        if not targets:
            return message_answer(texts(no_targets_key(data)))
        send_at = item.send_at
        scheduled = send_at is not None and send_at > self._clock()
        if not self.announcements.start_sending(item.id, targets, scheduled):
            return message_answer(texts("announcement.already_sent"))
        # The report card is posted now and updated in place as the engine makes progress.
        report = report_card(texts, item.title, {"pending": len(targets)}, [])
        message_id = await turn.reply(report)
        if message_id:
            self.announcements.set_report_message(
                item.id, turn.conversation.id, message_id, turn.conversation.info.reference
            )
        if send_at is not None and scheduled:
            self._jobs.schedule(f"{_group(item.id)}:send", SEND_JOB, send_at, {"announcement_id": item.id})
            when = format_time(send_at, texts.language)
            return message_answer(texts("announcement.scheduled", title=item.title, when=when, count=len(targets)))
        self.fan_out(item.id)
        log.info("announcement sending", extra={"targets": len(targets)})
        return message_answer(texts("announcement.sending", title=item.title, count=len(targets)))

    def fan_out(self, announcement_id: int) -> int:
        """Queue one copy per target (idempotent: a repeated call queues nothing new)."""
        item = self.announcements.get(announcement_id)
        if item is None or item.status not in ("sending", "scheduled"):
            return 0
        self.announcements.set_status(item.id, "sending")
        activity = card_activity(self._content(item))
        queued = 0
        for conversation_id, reference in references(self._registry, item.targets).items():
            key = f"{_group(item.id)}:{conversation_id}"
            queued += self._outbox.enqueue_send(_group(item.id), key, conversation_id, reference, activity) is not None
        return queued

    async def send_job(self, payload: dict[str, Any]) -> None:
        """The scheduled time has come."""
        self.fan_out(int(payload["announcement_id"]))

    def _why(self, target: TargetOutcome) -> str:
        """The reason in the report's language: throttled and retried, blocked, removed, interrupted…"""
        if target.status in ("pending", "sending") or not target.cause:
            return ""
        if target.status == "unknown":
            return self._texts("announcement.cause.interrupted")
        return self._texts(f"announcement.cause.{target.cause}", retries=target.retries)

    async def on_progress(self, group_key: str) -> None:
        """Refresh the coordinator's report card (the engine calls this at most once a second per group)."""
        if not group_key.startswith("announcement:"):
            return
        item = self.announcements.get(int(group_key.split(":", 1)[1]))
        if item is None or not item.report_activity_id:
            return
        report = self._outbox.report(group_key)
        if report.finished and item.status == "sending":
            self.announcements.set_status(item.id, "sent")
        # What needs attention first: at hundreds of channels the card lists only the first rows.
        sends = sorted(
            (target for target in report.targets if target.operation == "send"),
            key=lambda target: _ATTENTION[_status_word(target.status)],
        )
        rows = [
            (
                conversation_label(self._registry, target.conversation_id),
                self._texts(f"announcement.status_{_status_word(target.status)}"),
                self._why(target),
            )
            for target in sends
        ]
        card = report_card(self._texts, item.title, dict(report.counts), rows)
        self._outbox.enqueue_update(
            f"report:{item.id}",
            item.report_conversation_id,
            item.report_reference,
            item.report_activity_id,
            card_activity(card),
        )


_ATTENTION = {"failed": 0, "pending": 1, "sent": 2}


def _status_word(status: str) -> str:
    # unknown = the process stopped mid-request: counted with the failures, explained by its cause
    return {"sent": "sent", "pending": "pending", "sending": "pending"}.get(status, "failed")


def feature(services: Services) -> Feature:
    """Announcements to the network's channels (coordinators)."""
    return AnnouncementFeature(
        Announcements(services.db, services.clock),
        services.registry,
        services.outbox,
        services.jobs,
        services.links,
        services.network_texts,
        services.clock,
    ).declare()
