"""The receiving provider's side: which conversation gets the card, the answers, one reminder.

The card goes through the outbox (rate limits, retries, never twice) and is updated in place for
everyone when someone answers; the referring adviser hears about each answer privately.
"""

from __future__ import annotations

import logging
from typing import Any

from adaptive_cards.base import plain
from adaptive_cards.referrals import provider_card
from bot.common.clock import Clock
from bot.common.working_days import add_working_days
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.identifiers import contains_personal_id
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.referral_store import Actor, Referral, Referrals
from bot.domain.referrals import MAX_NOTE, PROVIDER_ANSWERS
from bot.domain.registry import ConversationRegistry
from bot.feature import Pressed
from bot.features.personal_messages import Recipient, queue_personal_message
from bot.features.publishing import conversation_label
from bot.features.referrals.views import ReferralViews, short_date
from bot.i18n import Texts
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer, text_activity

log = logging.getLogger(__name__)

REMINDER_JOB = "referral.reminder"
REMINDER_AFTER_WORKING_DAYS = 3


def group_of(referral: Referral) -> str:
    """The outbox group of everything a referral sends."""
    return f"referral:{referral.id}"


def card_key_prefix(referral: Referral) -> str:
    """The idempotency-key prefix of the provider card's copy."""
    return f"referral:{referral.id}:card:"


class ProviderSide:
    """Sends and updates the provider card, takes the provider's answers, reminds once."""

    def __init__(
        self,
        referrals: Referrals,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        knowledge: KnowledgeService,
        views: ReferralViews,
        network_texts: Texts,
        clock: Clock,
    ) -> None:
        self._referrals = referrals
        self._registry = registry
        self._outbox = outbox
        self._jobs = jobs
        self._knowledge = knowledge
        self._views = views
        self._texts = network_texts  # the card is read by everyone in the provider's conversation
        self._clock = clock

    def conversation_of(self, provider_id: str) -> str | None:
        """The active conversation that receives the provider's referrals: the stored link, else the
        knowledge base's `teams_conversation`; None when neither is one the bot is in."""
        linked = self._referrals.channels().get(provider_id)
        provider = self._knowledge.kb.providers.get(provider_id)
        for conversation_id in (linked, provider.teams_conversation if provider else None):
            row = self._registry.get(conversation_id) if conversation_id else None
            if row is not None and row["active"]:
                return str(row["conversation_id"])
        return None

    def name_of(self, conversation_id: str) -> str:
        """ "Team › Channel" (or the chat's kind) of a conversation the bot is in."""
        return conversation_label(self._registry, conversation_id)

    def providers_linked_to(self, conversation_id: str) -> list[str]:
        """The providers whose referrals come to this conversation."""
        candidates = set(self._referrals.channels()) | {
            provider.id for provider in self._knowledge.kb.providers.values() if provider.teams_conversation
        }
        return sorted(provider for provider in candidates if self.conversation_of(provider) == conversation_id)

    def _card(self, referral: Referral) -> dict[str, Any]:
        events = self._referrals.events(referral.id)
        return provider_card(self._texts, self._views.view(referral, self._texts, events))

    def send_card(self, referral: Referral) -> None:
        """Queue the card to the provider's conversation and schedule the one reminder."""
        conversation_id = referral.provider_conversation_id
        row = self._registry.get(conversation_id) if conversation_id else None
        if row is None:
            return
        self._outbox.enqueue_send(
            group_of(referral),
            f"{card_key_prefix(referral)}{conversation_id}",
            str(row["conversation_id"]),
            ConversationRegistry.reference_of(row),
            card_activity(self._card(referral)),
        )
        due = add_working_days(referral.created_at, REMINDER_AFTER_WORKING_DAYS)
        self._jobs.schedule(f"referral:{referral.id}:reminder", REMINDER_JOB, due, {"referral_id": referral.id})

    def refresh_card(self, referral: Referral) -> None:
        """Update the card in place wherever it was posted (coalesced by the outbox)."""
        card = card_activity(self._card(referral))
        for copy in self._outbox.sent_copies(group_of(referral), key_prefix=card_key_prefix(referral)):
            self._outbox.enqueue_update(
                group_of(referral), copy.conversation_id, copy.reference, copy.activity_id, card
            )

    async def answer(self, turn: Turn, pressed: Pressed[Referral]) -> InvokeAnswer:
        """A provider's button (the access rule checked the conversation), on a live referral only."""
        texts, referral, data = turn.texts, pressed.subject, pressed.data
        answer = data.get("answer")
        if answer not in PROVIDER_ANSWERS:
            return message_answer(texts("referral.not_found"))
        if referral.removed:
            return message_answer(texts("referral.gone"))
        note = str(data.get("note") or "").strip() or None
        if answer == "needs_info" and not note:
            return message_answer(texts("referral.answer_note_missing"))
        if note and len(note) > MAX_NOTE:
            return message_answer(texts("referral.answer_note_long"))
        if note and contains_personal_id(note):
            return message_answer(texts("referral.error.personal_data"))
        actor = Actor(turn.person.key, turn.person.name, "provider")
        changed = self._referrals.change_status(referral, str(answer), actor, note)
        self.refresh_card(changed)
        self._tell_adviser(changed, actor, str(answer), note)
        log.info("referral answered by provider", extra={"referral": changed.code, "answer": answer})
        return card_answer(self._card(changed))

    def _tell_adviser(self, referral: Referral, actor: Actor, answer: str, note: str | None) -> None:
        texts = self._texts
        lines = [
            texts(
                "referral.notify_answer",
                code=referral.code,
                company=plain(referral.company_name or ""),
                status=texts(f"referral.answer.{answer}"),
                name=plain(actor.name),
            )
        ]
        if note:
            lines.append(texts("referral.notify_note", note=plain(note)))
        recipient = Recipient(
            referral.adviser_key, referral.adviser_id, referral.adviser_name, referral.origin_conversation_id
        )
        count = len(self._referrals.events(referral.id))
        key = f"referral:{referral.id}:answer:{count}"
        queue_personal_message(
            self._outbox, self._registry, group_of(referral), key, recipient, text_activity("\n\n".join(lines))
        )

    async def reminder_job(self, payload: dict[str, Any]) -> None:
        """Three working days on, an unanswered card gets one reminder in the provider's conversation."""
        referral = self._referrals.get_by_id(int(payload["referral_id"]))
        if referral is None or referral.removed or referral.provider_answered_at is not None:
            return
        copies = self._outbox.sent_copies(group_of(referral), key_prefix=card_key_prefix(referral))
        company = plain(referral.company_name or "")
        text = self._texts("referral.reminder", code=referral.code, company=company, date=short_date(referral))
        for copy in copies:
            self._outbox.enqueue_send(
                group_of(referral),
                f"referral:{referral.id}:reminder:{copy.conversation_id}",
                copy.conversation_id,
                copy.reference,
                text_activity(text),
            )
