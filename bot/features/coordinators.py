"""The coordinator role in Teams: listing coordinators, and adding or removing one by @mention.

Without a mention (`koordinaattori lisää`) the bot asks "whom?" and waits for the next message in
the conversation; the question survives a restart.
"""

from __future__ import annotations

import logging
from typing import Any

from adaptive_cards.base import plain
from bot.domain.roles import Roles
from bot.feature import COORDINATOR, Command, Feature, Flow, FlowResult
from bot.services import Services
from bot.turn import Turn

log = logging.getLogger(__name__)

ADD, REMOVE = "add", "remove"
ADD_WORDS = {"lisää", "lisaa", "add"}
REMOVE_WORDS = {"poista", "remove"}
CANCEL_WORDS = {"peru", "peruuta", "keskeytä", "keskeyta", "cancel", "stop"}
WHOM_FLOW = "coordinators.whom"


class CoordinatorFeature:
    """The glue between Teams mentions and the roles table (the router checks the sender's role)."""

    def __init__(self, roles: Roles) -> None:
        self._roles = roles

    async def list(self, turn: Turn, _args: str) -> None:
        """`koordinaattorit`: everyone with the role, and where the role comes from."""
        texts = turn.texts
        coordinators = self._roles.all()
        if not coordinators:
            await turn.reply(texts("coordinator.list_empty"))
            return
        lines = [f"**{texts('coordinator.list_title')}**"]
        for person in coordinators:
            name = plain(person.name) if person.name else texts("coordinator.unnamed")
            suffix = f" ({texts('coordinator.from_settings')})" if person.from_settings else ""
            lines.append(f"- {name}{suffix}")
        await turn.reply("\n".join(lines))

    async def command(self, turn: Turn, args: str) -> None:
        """`koordinaattori lisää|poista @nimi`; without a mention, ask whom."""
        sub = args.split(" ", 1)[0].lower() if args else ""
        action = ADD if sub in ADD_WORDS else REMOVE if sub in REMOVE_WORDS else None
        if action is None:
            await turn.reply(turn.texts("coordinator.usage"))
            return
        if turn.mentions:
            await self.change(turn, action)
            return
        await turn.reply(turn.texts("coordinator.ask_who" if action == ADD else "coordinator.ask_who_remove"))
        await turn.begin_flow(WHOM_FLOW, {"action": action})

    async def whom(self, turn: Turn, state: dict[str, Any]) -> FlowResult:
        """The answer to "whom?": a mention, or a cancel word; anything else asks again."""
        if turn.text.lower().strip("!. ") in CANCEL_WORDS:
            await turn.reply(turn.texts("coordinator.cancelled"))
            return FlowResult.DONE
        if not turn.mentions:
            await turn.reply(turn.texts("coordinator.still_no_mention"))
            return FlowResult.WAITING
        await self.change(turn, ADD if state.get("action") != REMOVE else REMOVE)
        return FlowResult.DONE

    async def change(self, turn: Turn, action: str) -> None:
        """Add or remove every person @mentioned in the message, looked up in Teams by their id."""
        texts = turn.texts
        for mentioned in turn.mentions:
            member = await turn.io.member(mentioned.id)
            typed = (member.name if member else "") or mentioned.name or mentioned.id
            name = plain(typed)  # for the Markdown replies; the role keeps the name as Teams gave it
            if member is None or not member.aad_id:
                await turn.reply(texts("coordinator.cannot_resolve", name=name))
            elif action == ADD:
                added = self._roles.add(member.aad_id, typed, added_by=turn.person.key)
                await turn.reply(texts("coordinator.added" if added else "coordinator.already", name=name))
            elif self._roles.is_configured(member.aad_id):
                await turn.reply(texts("coordinator.configured", name=name))
            else:
                removed = self._roles.remove(member.aad_id)
                await turn.reply(texts("coordinator.removed" if removed else "coordinator.not_coordinator", name=name))


def feature(services: Services) -> Feature:
    """`koordinaattorit` for everyone, `koordinaattori lisää|poista` for coordinators."""
    coordinators = CoordinatorFeature(services.roles)
    return Feature(
        name="coordinators",
        commands=[
            Command("coordinators", "koordinaattorit", "coordinators", coordinators.list),
            Command(
                "coordinator",
                "koordinaattori",
                "coordinator",
                coordinators.command,
                role=COORDINATOR,
                usage_fi=" lisää|poista @…",
                usage_en=" add|remove @…",
            ),
        ],
        # The answer may come from someone else in a channel: they must be a coordinator too.
        flows=[Flow(WHOM_FLOW, coordinators.whom, role=COORDINATOR)],
        tables=("coordinators",),
    )
