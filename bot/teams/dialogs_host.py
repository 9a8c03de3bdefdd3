"""Hosting the features' flows in botbuilder-dialogs, with their state in ConversationState."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from botbuilder.core import ConversationState, TurnContext
from botbuilder.dialogs import DialogSet, DialogState

from bot.feature import FlowResult
from bot.turn import Turn
from dialogs.flow_dialog import NOT_HANDLED, FlowDialog

log = logging.getLogger(__name__)

TURN_KEY = "kasvuopas.turn"  # where the handler keeps this turn's Turn for the dialogs
OnFlow = Callable[[str, Turn, dict[str, Any]], Awaitable[FlowResult]]


class DialogsHost:
    """Begins and continues flows; a conversation without a waiting flow pays for nothing else."""

    def __init__(self, conversation_state: ConversationState, flows: Iterable[str], on_flow: OnFlow) -> None:
        self._state = conversation_state.create_property("DialogState")
        self._dialogs = DialogSet(self._state)
        self._on_flow = on_flow
        for name in flows:
            self._dialogs.add(FlowDialog(name, self._run))

    async def _run(self, turn_context: TurnContext, name: str, state: dict[str, Any]) -> FlowResult:
        return await self._on_flow(name, turn_context.turn_state[TURN_KEY], state)

    async def continue_flow(self, turn_context: TurnContext) -> bool:
        """Give the message to a waiting flow; False when none waits or it handed the message back."""
        state: DialogState | None = await self._state.get(turn_context)
        if state is None or not state.dialog_stack:
            return False
        if any(self._dialogs.find_dialog(instance.id) is None for instance in state.dialog_stack):
            # Left by an older version of the bot: start clean rather than fail on every message.
            log.info("dropping an unknown dialog stack", extra={"dialogs": [i.id for i in state.dialog_stack]})
            state.dialog_stack.clear()
            return False
        dialog_context = await self._dialogs.create_context(turn_context)
        result = await dialog_context.continue_dialog()
        return result.result != NOT_HANDLED

    async def begin(self, turn_context: TurnContext, name: str, state: dict[str, Any]) -> None:
        """Let the next message go to flow `name` (one flow waits at a time)."""
        dialog_context = await self._dialogs.create_context(turn_context)
        await dialog_context.cancel_all_dialogs()
        await dialog_context.begin_dialog(name, state)
