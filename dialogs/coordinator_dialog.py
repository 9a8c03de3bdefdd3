"""Asking "whom?" when a coordinator types `koordinaattori lisää` without mentioning anyone.

The dialog's state lives in ConversationState (SQLite), so the answer may come after a restart.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import (
    ComponentDialog,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.prompts import PromptOptions, PromptValidatorContext, TextPrompt
from botbuilder.schema import Activity

from bot.domain.commands import clean_message_text

CANCEL_WORDS = {"peru", "peruuta", "keskeytä", "keskeyta", "cancel", "stop"}
ADD = "add"
REMOVE = "remove"

TextsOf = Callable[[TurnContext], Callable[..., str]]
ApplyChange = Callable[[TurnContext, str], Awaitable[None]]


def other_mentions(activity: Activity) -> list[dict]:
    """The @mention entities in a message that are not the bot itself."""
    bot_id = activity.recipient.id if activity.recipient else None
    found = []
    for entity in activity.entities or []:
        data = entity.serialize() if hasattr(entity, "serialize") else dict(entity)
        data.update(getattr(entity, "additional_properties", None) or {})
        mentioned = data.get("mentioned") or {}
        if data.get("type") == "mention" and mentioned.get("id") and mentioned["id"] != bot_id:
            found.append(mentioned)
    return found


def is_cancel(activity: Activity) -> bool:
    """True when the user typed a cancel word (peru / cancel) as the whole message."""
    return (
        clean_message_text(activity.text, [activity.recipient.name if activity.recipient else ""]).lower().strip("!. ")
        in CANCEL_WORDS
    )


class CoordinatorDialog(ComponentDialog):
    """Waits for a message that mentions the person whose coordinator role changes."""

    def __init__(self, texts_of: TextsOf, apply_change: ApplyChange) -> None:
        super().__init__(CoordinatorDialog.__name__)
        self._texts_of = texts_of
        self._apply_change = apply_change
        self.add_dialog(TextPrompt("who", self._has_mention_or_cancel))
        self.add_dialog(WaterfallDialog("main", [self._ask_who, self._change]))
        self.initial_dialog_id = "main"

    async def _ask_who(self, step: WaterfallStepContext) -> DialogTurnResult:
        texts = self._texts_of(step.context)
        step.values["action"] = (step.options or {}).get("action", ADD)
        ask = "coordinator.ask_who" if step.values["action"] == ADD else "coordinator.ask_who_remove"
        return await step.prompt(
            "who",
            PromptOptions(
                prompt=MessageFactory.text(texts(ask)),
                retry_prompt=MessageFactory.text(texts("coordinator.still_no_mention")),
            ),
        )

    async def _change(self, step: WaterfallStepContext) -> DialogTurnResult:
        if is_cancel(step.context.activity):
            await step.context.send_activity(self._texts_of(step.context)("coordinator.cancelled"))
        else:
            await self._apply_change(step.context, step.values["action"])
        return await step.end_dialog()

    @staticmethod
    async def _has_mention_or_cancel(prompt: PromptValidatorContext) -> bool:
        activity = prompt.context.activity
        return bool(other_mentions(activity)) or is_cancel(activity)
