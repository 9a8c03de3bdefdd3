"""What features are built from: the shared stores, the outbox, the clock and the settings."""

from __future__ import annotations

from dataclasses import dataclass

from bot.common.clock import Clock
from bot.common.signed_links import SignedLinks
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.preferences import Preferences
from bot.domain.registry import ConversationRegistry
from bot.domain.roles import Roles
from bot.i18n import Catalogues, Texts
from bot.settings import Settings
from bot.storage.database import Database


@dataclass(frozen=True)
class Services:
    """Built once by `create_app`; each feature takes what it needs."""

    db: Database
    clock: Clock
    registry: ConversationRegistry
    roles: Roles
    preferences: Preferences
    outbox: Outbox
    jobs: JobStore
    links: SignedLinks
    knowledge: KnowledgeService
    catalogues: Catalogues
    settings: Settings

    @property
    def network_texts(self) -> Texts:
        """The language of what is posted for everyone (channel copies, reminders): the network's."""
        return self.catalogues.network_texts()
