"""A feature's flow hosted as a botbuilder dialog, so that what it waits for survives a restart.

A flow is a plain handler (`bot.feature.Flow`): it gets the next message in the conversation and
says whether it handled it, wants another one, or hands it back to the router. Its state lives
in ConversationState in SQLite.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult, DialogTurnStatus

from bot.feature import FlowResult

# run(turn_context, flow name, flow state) -> what the flow did with the message
RunFlow = Callable[[TurnContext, str, dict[str, Any]], Awaitable[FlowResult]]
NOT_HANDLED = {"handled": False}
STATE_KEY = "flow"


class FlowDialog(Dialog):
    """Waits for the next message and runs the flow of the same name on it."""

    def __init__(self, name: str, run: RunFlow) -> None:
        super().__init__(name)
        self._run = run

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        """Remember the flow's state and wait for the next message."""
        state = dict(options) if isinstance(options, dict) else {}
        dialog_context.active_dialog.state[STATE_KEY] = state
        return DialogTurnResult(DialogTurnStatus.Waiting)

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        """Run the flow; end unless it wants the next message too."""
        state = dialog_context.active_dialog.state.get(STATE_KEY) or {}
        result = await self._run(dialog_context.context, self.id, state)
        if result is FlowResult.WAITING:
            return DialogTurnResult(DialogTurnStatus.Waiting)
        return await dialog_context.end_dialog(NOT_HANDLED if result is FlowResult.NOT_HANDLED else None)
