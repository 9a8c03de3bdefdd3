"""`kb lataa`: coordinators reload the knowledge base after editing it (a broken one is refused)."""

from __future__ import annotations

from bot.domain.knowledge_service import KnowledgeService
from bot.feature import COORDINATOR, Command, Feature
from bot.services import Services
from bot.turn import Turn
from knowledge.loader import KnowledgeBaseError

RELOAD_WORDS = {"lataa", "reload", "päivitä", "paivita"}
SHOWN_PROBLEMS = 5


class KnowledgeBaseFeature:
    """Reloading from Teams; the same reload runs on SIGHUP."""

    def __init__(self, knowledge: KnowledgeService) -> None:
        self._knowledge = knowledge

    async def command(self, turn: Turn, args: str) -> None:
        """`kb lataa`; anything else gets the usage."""
        texts = turn.texts
        if args.strip().lower() not in RELOAD_WORDS:
            await turn.reply(texts("kb.usage"))
            return
        try:
            kb = self._knowledge.reload()
        except KnowledgeBaseError as error:
            listing = "\n".join(f"- {problem}" for problem in error.problems[:SHOWN_PROBLEMS])
            await turn.reply(texts("kb.reload_failed", errors=listing))
            return
        await turn.reply(texts("kb.reloaded", providers=kb.provider_count, services=kb.service_count))


def feature(services: Services) -> Feature:
    """The `kb` command (coordinators only)."""
    reload = KnowledgeBaseFeature(services.knowledge)
    return Feature(
        name="knowledge_base",
        commands=[
            Command(
                "kb",
                "kb",
                "kb",
                reload.command,
                aliases=("tietopankki",),
                role=COORDINATOR,
                usage_fi=" lataa",
                usage_en=" reload",
            )
        ],
    )
