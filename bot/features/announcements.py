"""Announcements in Teams: form and quick syntax, preview, sending now or later, the delivery report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext

from adaptive_cards.announcements import (
    EDIT_VERB,
    FORM_VERB,
    SEND_VERB,
    announcement_card,
    form_card,
    preview_card,
    report_card,
)
from bot.conversations import conversation_info
from bot.domain.announcements import Announcement, Announcements, check, from_form, parse_quick
from bot.domain.commands import split_parts
from bot.domain.helsinki_time import format_time
from bot.domain.jobs import JobStore
from bot.domain.outbox import Outbox
from bot.domain.registry import ConversationRegistry
from bot.i18n import Texts
from bot.invoke_responses import card_response, message_response
from bot.publishing import card_activity, channel_choices, references, resolve_targets
from bot.replies import card_reply

log = logging.getLogger(__name__)

VERBS = (FORM_VERB, SEND_VERB, EDIT_VERB)
SEND_JOB = "announcement.send"
Clock = Callable[[], datetime]


def _group(announcement_id: int) -> str:
    return f"announcement:{announcement_id}"


class AnnouncementFeature:
    """The glue between Teams and announcements; every send goes through the outbox."""

    def __init__(
        self,
        announcements: Announcements,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        texts_default: Texts,
        clock: Clock,
    ) -> None:
        self.announcements = announcements
        self._registry = registry
        self._outbox = outbox
        self._jobs = jobs
        self._texts = texts_default
        self._clock = clock

    def _content(self, item: Announcement) -> dict[str, Any]:
        return announcement_card(self._texts, item.title, item.text, item.image_url, item.links)

    async def command(self, turn_context: TurnContext, texts: Texts, args: str) -> None:
        """`tiedote` (form) or `tiedote Otsikko ; teksti` (preview)."""
        if not args.strip():
            await turn_context.send_activity(card_reply(form_card(texts, {}, {})))
            return
        await turn_context.send_activity(card_reply(self._preview_or_form(turn_context, texts, from_quick(args))))

    def _preview_or_form(self, turn_context: TurnContext, texts: Texts, values) -> dict[str, Any]:
        send_at, errors = check(values, self._clock())
        if errors:
            return form_card(texts, values.as_dict(), {field: texts(key) for field, key in errors.items()})
        sender = turn_context.activity.from_property
        draft_id = self.announcements.create_draft(values, send_at, sender.aad_object_id or sender.id)
        item = self.announcements.get(draft_id)
        when = (
            texts("announcement.send_later", when=format_time(send_at, texts.language))
            if send_at
            else texts("announcement.send_now")
        )
        return preview_card(texts, self._content(item), when, channel_choices(self._registry), draft_id)

    async def on_action(
        self, turn_context: TurnContext, texts: Texts, verb: str, data: dict[str, Any]
    ) -> InvokeResponse:
        """Form, edit and send buttons (the caller has checked the coordinator role)."""
        if verb == FORM_VERB:
            return card_response(self._preview_or_form(turn_context, texts, from_form(data)))
        announcement_id = data.get("announcement_id")
        item = self.announcements.get(announcement_id) if isinstance(announcement_id, int) else None
        if item is None:
            return message_response(texts("announcement.not_found"))
        if verb == EDIT_VERB:
            values = {"title": item.title, "text": item.text, "image_url": item.image_url}
            for index, (label, url) in enumerate(item.links, start=1):
                values[f"link{index}_title"], values[f"link{index}_url"] = label, url
            return card_response(form_card(texts, values, {}))
        return await self._send(turn_context, texts, item, data)

    async def _send(self, turn_context: TurnContext, texts: Texts, item: Announcement, data: dict) -> InvokeResponse:
        targets = resolve_targets(turn_context, self._registry, data)
        if not targets:
            key = "webinar.no_targets" if data.get("target") == "chosen" else "webinar.no_channels"
            return message_response(texts(key))
        scheduled = item.send_at is not None and item.send_at > self._clock()
        if not self.announcements.start_sending(item.id, targets, scheduled):
            return message_response(texts("announcement.already_sent"))
        # The report card is posted now and updated in place as the engine makes progress.
        report = report_card(texts, item.title, {"pending": len(targets)}, [])
        response = await turn_context.send_activity(card_reply(report))
        reference = conversation_info(turn_context.activity).reference
        if response is not None and response.id:
            self.announcements.set_report_message(
                item.id, turn_context.activity.conversation.id, response.id, reference
            )
        if scheduled:
            self._jobs.schedule(f"{_group(item.id)}:send", SEND_JOB, item.send_at, {"announcement_id": item.id})
            when = format_time(item.send_at, texts.language)
            return message_response(texts("announcement.scheduled", title=item.title, when=when, count=len(targets)))
        self.fan_out(item.id)
        log.info("announcement sending", extra={"targets": len(targets)})
        return message_response(texts("announcement.sending", title=item.title, count=len(targets)))

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

    def _target_name(self, conversation_id: str) -> str:
        row = self._registry.get(conversation_id)
        if row is None:
            return conversation_id
        return f"{row['team_name'] or '?'} › {row['channel_name'] or row['conversation_type']}"

    def _why(self, target) -> str:
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
        rows = [
            (
                self._target_name(target.conversation_id),
                self._texts(f"announcement.status_{_status_word(target.status)}"),
                self._why(target),
            )
            for target in report.targets
            if target.operation == "send"
        ]
        counts = {status: count for status, count in report.counts.items()}
        card = report_card(self._texts, item.title, counts, rows)
        self._outbox.enqueue_update(
            f"report:{item.id}",
            item.report_conversation_id,
            item.report_reference,
            item.report_activity_id,
            card_activity(card),
        )


def _status_word(status: str) -> str:
    # unknown = the process stopped mid-request: counted with the failures, explained by its cause
    return {"sent": "sent", "pending": "pending", "sending": "pending"}.get(status, "failed")


def from_quick(args: str):
    """`Otsikko ; teksti` as announcement input."""
    return parse_quick(split_parts(args))
