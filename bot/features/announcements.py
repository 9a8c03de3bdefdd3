"""Announcements: form and quick syntax, preview, sending now or later, the delivery report."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from adaptive_cards.announcements import (
    EDIT_VERB,
    FORM_VERB,
    SEND_VERB,
    TARGETS_VERB,
    ReportRow,
    announcement_card,
    form_card,
    preview_card,
    report_card,
    sent_card,
)
from adaptive_cards.forms import TARGET_HERE
from bot.common.clock import Clock
from bot.common.helsinki_time import format_time, to_helsinki
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
from bot.domain.preferences import Preferences
from bot.domain.registry import ConversationRegistry
from bot.feature import COORDINATOR, Actor, CardVerb, Command, Feature, MadeFor, Named, Origins, Pressed, by_owner
from bot.features.publishing import (
    TargetPicker,
    conversation_label,
    no_targets_key,
    references,
    resolve_targets,
)
from bot.i18n import Texts, language_for
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

SEND_JOB = "announcement.send"


def _group(announcement_id: int) -> str:
    return f"announcement:{announcement_id}"


def _draft(_actor: Actor, item: Announcement) -> str | None:
    return None if item.status == "draft" else "announcement.already_sent"


def _where(texts: Texts, here: bool, count: int) -> str:
    """Where it went, in the reader's language: to this conversation, to 1 channel, to 12 channels."""
    if here:
        return texts("announcement.to_here")
    return texts("announcement.to_one_channel") if count == 1 else texts("announcement.to_channels", count=count)


def _day(moment: datetime) -> str:
    """The Helsinki date the way the network writes it: 30.11.2026."""
    local = to_helsinki(moment)
    return f"{local.day}.{local.month}.{local.year}"


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
        preferences: Preferences,
    ) -> None:
        self.announcements = announcements
        self._registry = registry
        self._outbox = outbox
        self._jobs = jobs
        self._texts = texts_default  # the network's language: what the channels read
        self._preferences = preferences
        self._clock = clock
        self._origins = Origins(links, clock)
        self._picker = TargetPicker(registry, TARGETS_VERB, "announcement")

    def _content(self, item: Announcement, sender: str, moment: datetime) -> dict[str, Any]:
        """The channel copy (in the network's language), sent by `sender` on the day of `moment`."""
        return announcement_card(self._texts, item.title, item.text, item.image_url, item.links, sender, _day(moment))

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
        content = self._content(item, turn.person.name, item.send_at or self._clock())
        return preview_card(texts, content, when, where, item.code, origin)

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
        item = pressed.subject
        return card_answer(
            self._picker.press(
                turn.texts,
                pressed.data,
                (item.code, item.targets),
                self._origins.ticket(turn),
                save=lambda chosen: self.announcements.choose_targets(item.id, chosen),
                preview=lambda: self._preview(turn, self.announcements.get(item.id) or item),
            )
        )

    async def send(self, turn: Turn, pressed: Pressed[Announcement]) -> InvokeAnswer:
        """**Lähetä**: now, or at the chosen time; the preview then says which, and a delivery report follows."""
        texts, item, data = turn.texts, pressed.subject, pressed.data
        targets = resolve_targets(turn, self._registry, data, item.targets)
        if not targets:
            return message_answer(texts(no_targets_key(data)))
        now, send_at = self._clock(), item.send_at
        scheduled = send_at is not None and send_at > now
        if not self.announcements.start_sending(item.id, targets, scheduled):
            return message_answer(texts("announcement.already_sent"))
        # The report card is posted now and updated in place as the engine makes progress.
        report = report_card(texts, item.title, {"pending": len(targets)}, [])
        message_id = await turn.reply(report)
        if message_id:
            self.announcements.set_report_message(
                item.id, turn.conversation.id, message_id, turn.conversation.info.reference
            )
        sender = turn.person.name
        if send_at is not None and scheduled:
            # The sender's name travels with the job: the copies are made when it is due.
            payload = {"announcement_id": item.id, "sender": sender}
            self._jobs.schedule(f"{_group(item.id)}:send", SEND_JOB, send_at, payload)
        else:
            self.fan_out(item.id, sender)
            log.info("announcement sending", extra={"targets": len(targets)})
        # The preview becomes a record of what happened, without the buttons: a second press has
        # nothing to press (and a stale copy of the card is refused as already sent).
        where = _where(texts, data.get("target") == TARGET_HERE, len(targets))
        moment = send_at if scheduled and send_at is not None else now
        when = format_time(moment, texts.language)
        what = texts("announcement.scheduled" if scheduled else "announcement.sending", where=where, when=when)
        return card_answer(sent_card(texts, self._content(item, sender, moment), scheduled, what))

    def fan_out(self, announcement_id: int, sender: str = "") -> int:
        """Queue one copy per target (idempotent: a repeated call queues nothing new)."""
        item = self.announcements.get(announcement_id)
        if item is None or item.status not in ("sending", "scheduled"):
            return 0
        self.announcements.set_status(item.id, "sending")
        activity = card_activity(self._content(item, sender, self._clock()))
        queued = 0
        for conversation_id, reference in references(self._registry, item.targets).items():
            key = f"{_group(item.id)}:{conversation_id}"
            queued += self._outbox.enqueue_send(_group(item.id), key, conversation_id, reference, activity) is not None
        return queued

    async def send_job(self, payload: dict[str, Any]) -> None:
        """The scheduled time has come."""
        self.fan_out(int(payload["announcement_id"]), str(payload.get("sender") or ""))

    @staticmethod
    def _why(texts: Texts, target: TargetOutcome) -> str:
        """The reason in the report's language: throttled and retried, blocked, removed, interrupted…"""
        if target.status in ("pending", "sending") or not target.cause:
            return ""
        if target.status == "unknown":
            return texts("announcement.cause.interrupted")
        return texts(f"announcement.cause.{target.cause}", retries=target.retries)

    def _reader_texts(self, reference: dict[str, Any]) -> Texts:
        """The language of the coordinator the report was posted for, chosen as for their own messages."""
        # The report's conversation reference names the person who pressed Lähetä and their Teams
        # locale; their own choice (`kieli en`) comes first, read anew at each refresh.
        user = reference.get("user")
        user_id = user.get("id") if isinstance(user, dict) else None
        preference = self._preferences.language_of(user_id) if isinstance(user_id, str) and user_id else None
        locale = reference.get("locale")
        return self._texts.in_language(language_for(locale if isinstance(locale, str) else None, preference))

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
        texts = self._reader_texts(item.report_reference)
        # What needs attention first: at hundreds of channels the card lists only the first rows.
        sends = sorted(
            (target for target in report.targets if target.operation == "send"),
            key=lambda target: _ATTENTION[_status_word(target.status)],
        )
        rows = [
            ReportRow(
                conversation_label(self._registry, target.conversation_id),
                texts(f"announcement.status_{_status_word(target.status)}"),
                self._why(texts, target),
                _status_word(target.status) == "failed",
            )
            for target in sends
        ]
        card = report_card(texts, item.title, dict(report.counts), rows)
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
        services.preferences,
    ).declare()
