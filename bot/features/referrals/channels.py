"""`ohjauskanava PROVIDER`: coordinators choose which conversation receives a provider's referrals."""

from __future__ import annotations

from adaptive_cards.base import plain
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.referral_store import Referrals
from bot.domain.registry import ConversationRegistry
from bot.domain.service_match import match_provider
from bot.features.referrals.provider import ProviderSide
from bot.turn import Turn

REMOVE_WORDS = {"poista", "remove", "irrota"}


class Channels:
    """Links between providers and conversations, in the database (the knowledge base's own
    `teams_conversation` field is honoured too, but a stored link wins)."""

    def __init__(
        self,
        referrals: Referrals,
        registry: ConversationRegistry,
        knowledge: KnowledgeService,
        provider: ProviderSide,
    ) -> None:
        self._referrals = referrals
        self._registry = registry
        self._knowledge = knowledge
        self._provider = provider

    async def link(self, turn: Turn, args: str) -> None:
        """Link (or with `poista`, unlink) the provider named in `args` to this conversation."""
        texts = turn.texts
        words = args.strip().split(" ", 1)
        remove = words[0].lower() in REMOVE_WORDS
        typed = (words[1] if remove and len(words) > 1 else "" if remove else args).strip()
        if not typed:
            await turn.reply(texts("referral.channel_usage"))
            return
        providers = match_provider(self._knowledge.kb, typed)
        if not providers:
            await turn.reply(texts("referral.channel_unknown", text=plain(typed)))
            return
        if len(providers) > 1:
            names = ", ".join(provider.name for provider in providers)
            await turn.reply(texts("referral.channel_ambiguous", text=plain(typed), names=names))
            return
        provider = providers[0]
        if remove:
            self._referrals.unlink_channel(provider.id)
            await turn.reply(texts("referral.channel_unlinked", provider=provider.name))
            return
        self._registry.record(turn.conversation.info)  # the conversation must be reachable for the outbox
        self._referrals.link_channel(provider.id, turn.conversation.base_id, turn.person.key)
        await turn.reply(texts("referral.channel_linked", provider=provider.name))

    async def list(self, turn: Turn, _args: str) -> None:
        """`ohjauskanavat`: every provider with a conversation, and where."""
        texts = turn.texts
        kb = self._knowledge.kb
        stored = self._referrals.channels()
        lines = []
        for provider in sorted(kb.providers.values(), key=lambda p: p.name.casefold()):
            conversation = self._provider.conversation_of(provider.id)
            if conversation is not None:
                source = "" if provider.id in stored else f" ({texts('referral.channel_from_kb')})"
                lines.append(f"- **{provider.name}**: {plain(self._provider.name_of(conversation))}{source}")
            elif provider.id in stored:
                lines.append(f"- **{provider.name}**: {texts('referral.channel_unknown_conversation')}")
        if not lines:
            await turn.reply(texts("referral.channels_empty"))
            return
        await turn.reply("\n".join([f"**{texts('referral.channels_title')}**", *lines]))
