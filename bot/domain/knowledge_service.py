"""The loaded knowledge base and its finder, swappable at run time (`kb lataa`, SIGHUP)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from bot.common.clock import Clock, system_clock
from bot.common.helsinki_time import to_helsinki
from knowledge.finder import Finder
from knowledge.loader import KnowledgeBase, KnowledgeBaseError, load_knowledge_base, load_valid_knowledge_base
from knowledge.text import Analyzer, create_analyzer

log = logging.getLogger(__name__)


class KnowledgeService:
    """Holds the current knowledge base; a reload that fails keeps the previous one."""

    def __init__(self, folder: Path, analyzer: Analyzer | None = None, clock: Clock = system_clock) -> None:
        self.folder = Path(folder)
        self._analyzer = analyzer or create_analyzer()
        self._clock = clock
        self.kb = load_valid_knowledge_base(self.folder, self._today())
        self.finder = Finder(self.kb, self._analyzer)

    def reload(self) -> KnowledgeBase:
        """Read the folder again; on errors raise KnowledgeBaseError and keep serving the old base."""
        kb = load_knowledge_base(self.folder, self._today())
        if kb.errors:
            log.warning("knowledge base reload refused", extra={"errors": len(kb.errors)})
            raise KnowledgeBaseError(kb.errors)
        self.finder = Finder(kb, self._analyzer)
        self.kb = kb
        log.info("knowledge base reloaded", extra={"providers": kb.provider_count, "services": kb.service_count})
        return kb

    def _today(self) -> date:
        return to_helsinki(self._clock()).date()
