"""What a webinar sends besides its card: reminders, and notices to attendees about changes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from adaptive_cards.base import plain
from bot.common.helsinki_time import format_time
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.preferences import Preferences
from bot.domain.registry import PERSONAL, ConversationRegistry
from bot.domain.webinars import Webinar, Webinars
from bot.features.personal_messages import Recipient, queue_personal_message
from bot.i18n import Catalogues, Texts, language_for
from bot.turn import text_activity

CHANNEL_REMINDER, PERSONAL_REMINDER = "webinar.channel_reminder", "webinar.personal_reminder"
PERSONAL_REMINDER_BEFORE = timedelta(minutes=15)


def group_of(webinar_id: int) -> str:
    """The outbox group of everything a webinar sends."""
    return f"webinar:{webinar_id}"


def post_prefix(webinar_id: int) -> str:
    """The idempotency-key prefix of the card's own copies (as opposed to reminders and notices)."""
    return f"webinar:{webinar_id}:post:"


class Languages:
    """Which language a copy or message is in: the network's where many read it, the person's in a 1:1 chat."""

    def __init__(self, catalogues: Catalogues, preferences: Preferences, registry: ConversationRegistry) -> None:
        self._catalogues = catalogues
        self._preferences = preferences
        self._registry = registry
        self.network = catalogues.network_texts()

    def _of(self, user_id: str, locale: object) -> Texts:
        # As for a message from them: their own choice (`kieli en`), else their Teams locale.
        preference = self._preferences.language_of(user_id) if user_id else None
        return self._catalogues.texts(language_for(locale if isinstance(locale, str) else None, preference))

    def of_person(self, user_aad_id: str, user_id: str) -> Texts:
        """A person's language, as their 1:1 chat with the bot last showed it."""
        chat = self._registry.personal_chat_of(user_aad_id) if user_aad_id else None
        locale = ConversationRegistry.reference_of(chat).get("locale") if chat is not None else None
        return self._of(user_id, locale)

    def of_conversation(self, conversation_id: str, reference: dict[str, Any] | None = None) -> Texts:
        """The language of a copy posted to this conversation: a 1:1 chat's person's, else the network's."""
        # The copy's stored reference says what kind of conversation it is: a card in hundreds of channels
        # is updated without a registry look-up per channel.
        conversation = reference.get("conversation") if reference else None
        kind = conversation.get("conversationType") if isinstance(conversation, dict) else None
        if kind is not None and kind != PERSONAL:
            return self.network
        if kind is None or reference is None:
            row = self._registry.get(conversation_id)
            if row is None or row["conversation_type"] != PERSONAL:
                return self.network
            reference = ConversationRegistry.reference_of(row)
        user = reference.get("user")
        user_id = str(user.get("id") or "") if isinstance(user, dict) else ""
        return self._of(user_id, reference.get("locale"))


class WebinarNotices:
    """Schedules and sends reminders, and tells attendees about changes, all through the outbox."""

    def __init__(
        self,
        webinars: Webinars,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        languages: Languages,
        reminder_before: timedelta,
    ) -> None:
        self.webinars = webinars
        self._registry = registry
        self._outbox = outbox
        self._jobs = jobs
        self._languages = languages
        self._channel_texts = languages.network  # reminders in channels are in the network's language
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
        """A 1:1 message, in their own language, to everyone who said they attend (a move or a cancellation)."""
        for person in self.webinars.attendees(webinar.id):
            texts = self._person_texts(person)
            when = format_time(webinar.starts_at, texts.language)
            text = texts(text_key, title=plain(webinar.title), when=when)
            self._send_personal(webinar, person, text_activity(text), f"{text_key}:{webinar.sequence}")

    def _person_texts(self, person: dict[str, Any]) -> Texts:
        return self._languages.of_person(person["user_aad_id"] or "", person["user_id"] or "")

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
        """The 15-minute reminder, in their own language, to everyone who said they attend."""
        webinar = self.webinars.get(int(payload["webinar_id"]))
        if webinar is None or webinar.status != "published":
            return

        def reminder(person: dict[str, Any]) -> dict[str, Any]:
            texts = self._person_texts(person)
            when = format_time(webinar.starts_at, texts.language)
            return text_activity(
                texts("webinar.reminder_personal", title=plain(webinar.title), when=when, url=webinar.join_url)
            )

        unreachable = [
            person
            for person in self.webinars.attendees(webinar.id)
            if not self._send_personal(webinar, person, reminder(person), f"reminder15:{webinar.sequence}")
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
