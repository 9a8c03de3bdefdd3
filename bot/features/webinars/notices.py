"""What a webinar sends besides its card: reminders, and notices to attendees about changes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from adaptive_cards.base import plain
from bot.common.helsinki_time import format_time
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.registry import ConversationRegistry
from bot.domain.webinars import Webinar, Webinars
from bot.features.personal_messages import Recipient, queue_personal_message
from bot.i18n import Texts
from bot.turn import text_activity

CHANNEL_REMINDER, PERSONAL_REMINDER = "webinar.channel_reminder", "webinar.personal_reminder"
PERSONAL_REMINDER_BEFORE = timedelta(minutes=15)


def group_of(webinar_id: int) -> str:
    """The outbox group of everything a webinar sends."""
    return f"webinar:{webinar_id}"


def post_prefix(webinar_id: int) -> str:
    """The idempotency-key prefix of the card's own copies (as opposed to reminders and notices)."""
    return f"webinar:{webinar_id}:post:"


class WebinarNotices:
    """Schedules and sends reminders, and tells attendees about changes, all through the outbox."""

    def __init__(
        self,
        webinars: Webinars,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        channel_texts: Texts,
        reminder_before: timedelta,
    ) -> None:
        self.webinars = webinars
        self._registry = registry
        self._outbox = outbox
        self._jobs = jobs
        self._channel_texts = channel_texts
        self._reminder_before = reminder_before

    def _reminder_keys(self, webinar: Webinar) -> tuple[str, str]:
        # The sequence is part of the key: a moved webinar gets fresh reminders even if the old ones ran.
        prefix = f"webinar:{webinar.id}:{webinar.sequence}"
        return f"{prefix}:channel-reminder", f"{prefix}:personal-reminder"

    def schedule_reminders(self, webinar: Webinar) -> None:
        """The channel reminder (a day before, by default) and the 1:1 reminder 15 minutes before."""
        payload = {"webinar_id": webinar.id}
        channel_key, personal_key = self._reminder_keys(webinar)
        self._jobs.schedule(channel_key, CHANNEL_REMINDER, webinar.starts_at - self._reminder_before, payload)
        self._jobs.schedule(personal_key, PERSONAL_REMINDER, webinar.starts_at - PERSONAL_REMINDER_BEFORE, payload)

    def cancel_reminders(self, webinar: Webinar) -> None:
        """Drop the reminders of a cancelled or moved webinar."""
        for key in self._reminder_keys(webinar):
            self._jobs.cancel(key)

    def tell_attendees(self, webinar: Webinar, text_key: str) -> None:
        """A 1:1 message to everyone who said they attend (a move or a cancellation)."""
        for person in self.webinars.attendees(webinar.id):
            self._send_personal(
                webinar,
                person,
                text_activity(
                    self._channel_texts(text_key, title=plain(webinar.title), when=format_time(webinar.starts_at))
                ),
                f"{text_key}:{webinar.sequence}",
            )

    def _send_personal(self, webinar: Webinar, person: dict[str, Any], activity: dict[str, Any], purpose: str) -> bool:
        """Queue a 1:1 message; False when the bot has no way to reach the person privately."""
        recipient = Recipient(person["user_aad_id"], person["user_id"], person["user_name"], person["conversation_id"])
        key = f"webinar:{webinar.id}:{purpose}:{recipient.key}"
        return queue_personal_message(self._outbox, self._registry, group_of(webinar.id), key, recipient, activity)

    async def channel_reminder(self, payload: dict[str, Any]) -> None:
        """The day-before reminder in every channel the webinar was posted to."""
        webinar = self.webinars.get(int(payload["webinar_id"]))
        if webinar is None or webinar.status != "published":
            return
        text = self._channel_texts(
            "webinar.reminder_channel", title=plain(webinar.title), when=format_time(webinar.starts_at)
        )
        for copy in self._outbox.sent_copies(group_of(webinar.id), key_prefix=post_prefix(webinar.id)):
            self._outbox.enqueue_send(
                group_of(webinar.id),
                f"webinar:{webinar.id}:reminder:{webinar.sequence}:{copy.conversation_id}",
                copy.conversation_id,
                copy.reference,
                text_activity(text),
            )

    async def personal_reminder(self, payload: dict[str, Any]) -> None:
        """The 15-minute reminder to everyone who said they attend."""
        webinar = self.webinars.get(int(payload["webinar_id"]))
        if webinar is None or webinar.status != "published":
            return
        text = self._channel_texts(
            "webinar.reminder_personal",
            title=plain(webinar.title),
            when=format_time(webinar.starts_at),
            url=webinar.join_url,
        )
        unreachable = [
            person
            for person in self.webinars.attendees(webinar.id)
            if not self._send_personal(webinar, person, text_activity(text), f"reminder15:{webinar.sequence}")
        ]
        if not unreachable:
            return
        # Nobody can reach them privately: remind them in the webinar's channels, by name.
        names = ", ".join(f"<at>{person['user_name']}</at>" for person in unreachable)
        mention = text_activity(
            self._channel_texts(
                "webinar.reminder_mentions",
                title=plain(webinar.title),
                when=format_time(webinar.starts_at),
                names=names,
            ),
            [(person["user_id"], person["user_name"]) for person in unreachable],
        )
        for copy in self._outbox.sent_copies(group_of(webinar.id), key_prefix=post_prefix(webinar.id)):
            self._outbox.enqueue_send(
                group_of(webinar.id),
                f"webinar:{webinar.id}:reminder15-mentions:{webinar.sequence}:{copy.conversation_id}",
                copy.conversation_id,
                copy.reference,
                mention,
            )
