"""The Teams edge: each activity becomes a Turn of our own, handed to the router and the features.

Everything botbuilder-specific about a turn lives here: sending through the TurnContext, looking
people and channels up with TeamsInfo, the invoke response, dialog state, the turn-error handler.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from http import HTTPStatus
from typing import Any

from botbuilder.core import ConversationState, InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity, ActivityTypes

from bot.activity import build_turn, person_of
from bot.domain.preferences import Preferences
from bot.i18n import Texts, texts_for
from bot.installation import Installation
from bot.logs import correlation_id
from bot.request_checks import out_of_range
from bot.router import Router
from bot.storage.state_store import StateStore
from bot.teams.adapter import activity_from_json
from bot.teams.dialogs_host import TURN_KEY, DialogsHost
from bot.teams.state_storage import SqliteStorage
from bot.turn import InvokeAnswer, Person, Turn, message_answer

log = logging.getLogger(__name__)

CARD_ACTION = "adaptiveCard/action"
# Where CloudAdapter looks for the invoke response (botbuilder's own key).
INVOKE_RESPONSE_KEY = "BotFrameworkAdapter.InvokeResponse"


class TeamsIO:
    """The TurnIO of one botbuilder turn."""

    def __init__(
        self,
        turn_context: TurnContext,
        dialogs: DialogsHost,
        incoming: dict[str, Any],
        expected_replies: list[dict[str, Any]] | None,
    ) -> None:
        self._turn_context = turn_context
        self._dialogs = dialogs
        self._incoming = incoming
        self._expected_replies = expected_replies

    async def send(self, activity: dict[str, Any]) -> str | None:
        """Send into the turn's conversation, or into the expectReplies body."""
        if self._expected_replies is not None:
            # Kept as JSON: botbuilder would deep-copy the activity and serialise it with msrest,
            # several times the cost of the whole rest of a turn for a large card.
            self._expected_replies.append(reply_json(activity, self._incoming))
            return None
        response = await self._turn_context.send_activity(activity_from_json(activity))
        return response.id if response is not None else None

    async def begin_flow(self, name: str, state: dict[str, Any]) -> None:
        """Start the flow as a dialog in this conversation."""
        await self._dialogs.begin(self._turn_context, name, state)

    async def member(self, user_id: str) -> Person | None:
        """A member of the conversation or team, from the Teams roster."""
        try:
            member = await TeamsInfo.get_member(self._turn_context, user_id)
        except Exception:
            log.warning("member lookup failed", exc_info=True)
            return None
        return Person(id=member.id or user_id, aad_id=member.aad_object_id or "", name=member.name or "")

    async def team_channels(self, team_id: str) -> list[tuple[str, str]] | None:
        """The team's channels from Teams."""
        try:
            # botbuilder 4.17's Teams connector client is synchronous (requests): calling it on the
            # event loop would stall every other turn, so it runs in a worker thread.
            client = await TeamsInfo.get_teams_connector_client(self._turn_context)
            result = await asyncio.to_thread(client.teams.get_teams_channels, team_id)
        except Exception:
            log.warning("could not list the team's channels", exc_info=True)
            return None
        return [(channel.id, channel.name or "") for channel in result.conversations or []]


def reply_json(activity: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """A reply addressed as botbuilder addresses one: into the incoming conversation, from the bot."""
    return {
        **activity,
        "channelId": incoming.get("channelId"),
        "serviceUrl": incoming.get("serviceUrl"),
        "conversation": incoming.get("conversation"),
        "from": incoming.get("recipient"),
        "recipient": incoming.get("from"),
        "replyToId": incoming.get("id"),
        "locale": incoming.get("locale"),
    }


def _invoke_response(answer: InvokeAnswer) -> Activity:
    return Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=answer.status, body=answer.body))


class TeamsBot:
    """Turns botbuilder turns into calls on the router, the installation events and the flows."""

    def __init__(
        self,
        router: Router,
        installation: Installation,
        preferences: Preferences,
        state_store: StateStore,
    ) -> None:
        self._router = router
        self._installation = installation
        self._preferences = preferences
        self._storage = SqliteStorage(state_store)
        self._conversation_state = ConversationState(self._storage)
        self._dialogs = DialogsHost(self._conversation_state, router.flows, router.on_flow)

    def _texts(self, activity: dict[str, Any]) -> Texts:
        user_id = person_of(activity.get("from")).id
        preference = self._preferences.language_of(user_id) if user_id else None
        locale = activity.get("locale")
        return self._router.catalogues.for_user(locale if isinstance(locale, str) else None, preference)

    async def on_turn(
        self, turn_context: TurnContext, activity: dict[str, Any], expected_replies: list[dict[str, Any]] | None = None
    ) -> None:
        """Run one activity (its JSON as received) and persist the conversation's dialog state.

        `expected_replies` collects the replies of an expectReplies request (the endpoint returns them).
        """
        io = TeamsIO(turn_context, self._dialogs, activity, expected_replies)
        turn = build_turn(activity, io, self._texts(activity))
        turn_context.turn_state[TURN_KEY] = turn
        kind = activity.get("type")
        # Card data no card of ours can hold (numbers beyond 64 bits): a polite "cannot be used".
        refused = out_of_range(activity.get("value"))
        if kind == ActivityTypes.message:
            if refused:
                await turn.reply(turn.texts("invoke.unknown_action"))
            elif not await self._dialogs.continue_flow(turn_context):
                await self._router.on_message(turn)
        elif kind == ActivityTypes.invoke:
            if activity.get("name") != CARD_ACTION:
                answer = InvokeAnswer(HTTPStatus.NOT_IMPLEMENTED)
            elif refused:
                answer = message_answer(turn.texts("invoke.unknown_action"))
            else:
                answer = await self._router.on_card_action(turn)
            # Handed to the adapter directly: sending it as an activity would deep-copy the card.
            turn_context.turn_state[INVOKE_RESPONSE_KEY] = _invoke_response(answer)
        elif kind == ActivityTypes.conversation_update:
            await self._installation.on_conversation_update(turn)
        elif kind == ActivityTypes.installation_update:
            await self._installation.on_installation_update(turn)
        await self._conversation_state.save_changes(turn_context)

    async def on_turn_error(self, turn_context: TurnContext, error: Exception) -> None:
        """Log with a reference, tell the user the reference (no internals), clear the dialog state."""
        ref = correlation_id.get() or uuid.uuid4().hex[:12]
        activity = turn_context.activity
        log.error(
            "turn failed",
            exc_info=(type(error), error, error.__traceback__),
            extra={"ref": ref, "activity_type": activity.type, "activity_name": activity.name},
        )
        turn: Turn | None = turn_context.turn_state.get(TURN_KEY)
        texts = turn.texts if turn is not None else texts_for(activity.locale)
        text = texts("error.text", ref=ref)
        try:
            if activity.type == ActivityTypes.invoke:
                await turn_context.send_activity(_invoke_response(message_answer(text)))
            else:
                await turn_context.send_activity(text)
        except Exception:
            log.warning("could not tell the user about the error", extra={"ref": ref}, exc_info=True)
        # A flow that failed half-way would fail again on the next message: start clean.
        try:
            await self._storage.delete([self._conversation_state.get_storage_key(turn_context)])
        except Exception:
            log.warning("could not clear conversation state", extra={"ref": ref}, exc_info=True)
