"""Coordinator role in Teams: listing coordinators and adding or removing one by @mention."""

from __future__ import annotations

import logging

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.core.teams import TeamsInfo

from bot.domain.roles import Roles
from bot.i18n import Texts
from dialogs.coordinator_dialog import ADD, other_mentions

log = logging.getLogger(__name__)


class CoordinatorFeature:
    """The glue between Teams mentions and the roles table (the caller checks the sender's role)."""

    def __init__(self, roles: Roles) -> None:
        self._roles = roles

    async def list(self, turn_context: TurnContext, texts: Texts) -> None:
        """`koordinaattorit`: everyone with the role, and where the role comes from."""
        coordinators = self._roles.all()
        if not coordinators:
            await turn_context.send_activity(texts("coordinator.list_empty"))
            return
        lines = [f"**{texts('coordinator.list_title')}**"]
        for person in coordinators:
            name = person.name or texts("coordinator.unnamed")
            suffix = f" ({texts('coordinator.from_settings')})" if person.from_settings else ""
            lines.append(f"- {name}{suffix}")
        await turn_context.send_activity(MessageFactory.text("\n".join(lines)))

    async def change(self, turn_context: TurnContext, texts: Texts, action: str) -> None:
        """Add or remove every person @mentioned in the message, looked up in Teams by their id."""
        sender = turn_context.activity.from_property
        for mentioned in other_mentions(turn_context.activity):
            name = mentioned.get("name") or mentioned["id"]
            try:
                member = await TeamsInfo.get_member(turn_context, mentioned["id"])
            except Exception:
                log.warning("member lookup failed", exc_info=True)
                await turn_context.send_activity(texts("coordinator.cannot_resolve", name=name))
                continue
            aad = member.aad_object_id
            name = member.name or name
            if not aad:
                await turn_context.send_activity(texts("coordinator.cannot_resolve", name=name))
            elif action == ADD:
                added = self._roles.add(aad, name, added_by=sender.aad_object_id or sender.id)
                await turn_context.send_activity(
                    texts("coordinator.added" if added else "coordinator.already", name=name)
                )
            elif self._roles.is_configured(aad):
                await turn_context.send_activity(texts("coordinator.configured", name=name))
            else:
                removed = self._roles.remove(aad)
                await turn_context.send_activity(
                    texts("coordinator.removed" if removed else "coordinator.not_coordinator", name=name)
                )
