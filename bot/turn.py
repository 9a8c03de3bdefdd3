"""The Turn: what a feature sees of one incoming activity, with no botbuilder in sight.

The Teams edge (`bot.teams.handler`) builds a Turn from the activity's JSON and gives it a `TurnIO`
that knows how to send. Features read who speaks, where, in which language and what they typed or
pressed, and answer with `turn.reply(...)` or, for card buttons, by returning an `InvokeAnswer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Protocol

from adaptive_cards.base import CARD_CONTENT_TYPE, attachment
from bot.common.conversation_ids import base_conversation_id
from bot.domain.registry import PERSONAL, ConversationInfo
from bot.i18n import Texts

MESSAGE_TYPE = "application/vnd.microsoft.activity.message"
ERROR_TYPE = "application/vnd.microsoft.error"


@dataclass(frozen=True)
class Person:
    """Someone in Teams: their Teams id (29:…), Entra object id (may be empty) and display name."""

    id: str
    aad_id: str = ""
    name: str = ""

    @property
    def key(self) -> str:
        """The id stores keep people by: the Entra object id, or the Teams id when Teams gave none."""
        return self.aad_id or self.id


@dataclass(frozen=True)
class Conversation:
    """Where the activity came from, with what the registry keeps about it."""

    id: str  # as Teams sent it; a channel thread carries `;messageid=…`
    kind: str  # personal | groupChat | channel
    info: ConversationInfo

    @property
    def base_id(self) -> str:
        """The conversation without the thread part (a channel's threads are one conversation)."""
        return base_conversation_id(self.id)

    @property
    def is_personal(self) -> bool:
        """True in a 1:1 chat with the bot."""
        return self.kind == PERSONAL


@dataclass(frozen=True)
class InvokeAnswer:
    """The HTTP answer to a card button (Universal Actions), as Teams expects it."""

    status: int
    body: dict[str, Any] | None = None


def card_answer(card: dict[str, Any]) -> InvokeAnswer:
    """Replace the card the user acted on with `card`."""
    return InvokeAnswer(HTTPStatus.OK, {"statusCode": 200, "type": CARD_CONTENT_TYPE, "value": card})


def message_answer(text: str) -> InvokeAnswer:
    """Show `text` (plain, no Markdown) to the user who pressed the button; the card stays as it is."""
    return InvokeAnswer(HTTPStatus.OK, {"statusCode": 200, "type": MESSAGE_TYPE, "value": text})


def error_answer(status: HTTPStatus, code: str, message: str) -> InvokeAnswer:
    """A protocol error (a malformed invoke), in the Universal Actions error shape."""
    return InvokeAnswer(
        status, {"statusCode": int(status), "type": ERROR_TYPE, "value": {"code": code, "message": message}}
    )


def card_activity(card: dict[str, Any]) -> dict[str, Any]:
    """A message activity carrying one Adaptive Card (Bot Framework JSON)."""
    return {"type": "message", "attachments": [attachment(card)]}


def text_activity(text: str, mentions: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """A Markdown text message; `mentions` are (Teams user id, name) pairs written as <at>name</at> in `text`."""
    activity: dict[str, Any] = {"type": "message", "text": text, "textFormat": "markdown"}
    if mentions:
        activity["entities"] = [
            {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {"id": user_id, "name": name}}
            for user_id, name in mentions
        ]
    return activity


class TurnIO(Protocol):
    """What the edge does for a turn: send, start a flow, look people and channels up in Teams."""

    async def send(self, activity: dict[str, Any]) -> str | None:
        """Send a message activity into the turn's conversation; returns the id Teams gave it."""
        ...

    async def begin_flow(self, name: str, state: dict[str, Any]) -> None:
        """Wait for the next message in this conversation and hand it to the flow `name`."""
        ...

    async def member(self, user_id: str) -> Person | None:
        """A member of this conversation (or its team) by Teams id, or None when the look-up fails."""
        ...

    async def team_channels(self, team_id: str) -> list[tuple[str, str]] | None:
        """(channel id, name) of every channel of a team, or None when the look-up fails."""
        ...


@dataclass
class Turn:
    """One activity as features see it."""

    person: Person
    conversation: Conversation
    texts: Texts
    io: TurnIO
    text: str = ""  # the typed text without the bot's @mention and markup
    value: dict[str, Any] | None = None  # Action.Submit values or the invoke's value
    mentions: list[Person] = field(default_factory=list)  # people @mentioned, the bot left out
    reply_to_id: str = ""  # the message a card action was pressed on
    has_attachments: bool = False
    activity: dict[str, Any] = field(default_factory=dict)  # the raw activity JSON, for the edge cases

    @property
    def language(self) -> str:
        """The reply language of this turn (fi or en)."""
        return self.texts.language

    async def reply(self, content: str | dict[str, Any]) -> str | None:
        """Send a text (Markdown) or an Adaptive Card into this conversation; returns the message id."""
        if isinstance(content, str):
            return await self.io.send(text_activity(content))
        return await self.io.send(card_activity(content))

    async def send(self, activity: dict[str, Any]) -> str | None:
        """Send a prepared message activity (e.g. one with mentions)."""
        return await self.io.send(activity)

    async def begin_flow(self, name: str, state: dict[str, Any]) -> None:
        """Let the next message in this conversation go to the flow `name` first."""
        await self.io.begin_flow(name, state)
