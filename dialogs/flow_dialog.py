"""After a broad question, wait for the narrowing form (or a typed "Juva, aloittava, 2 henkeä").

Its state (which search to narrow) lives in ConversationState in SQLite, so a restart between the
question and the answer loses nothing. A message that is not a narrowing ends the dialog unhandled,
and the bot treats it as a new question or command.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult, DialogTurnStatus

# refine(turn_context, search_id) -> True when the message narrowed the search and was answered.
Refine = Callable[[TurnContext, int], Awaitable[bool]]
NOT_HANDLED = {"handled": False}


class NarrowDialog(Dialog):
    """Holds the id of the search that may still be narrowed."""

    def __init__(self, refine: Refine) -> None:
        super().__init__(NarrowDialog.__name__)
        self._refine = refine

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        """Remember the search and wait for the next message."""
        search_id = (options or {}).get("search_id") if isinstance(options, dict) else None
        dialog_context.active_dialog.state["search_id"] = search_id
        return DialogTurnResult(DialogTurnStatus.Waiting)

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        """Narrow the search if the message is a narrowing; otherwise hand the message back."""
        search_id = dialog_context.active_dialog.state.get("search_id")
        handled = isinstance(search_id, int) and await self._refine(dialog_context.context, search_id)
        return await dialog_context.end_dialog(None if handled else NOT_HANDLED)
