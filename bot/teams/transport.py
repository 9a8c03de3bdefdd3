"""The delivery engine's edge to Teams: send, update or open a 1:1 chat through botbuilder.

It turns botbuilder's exceptions into DeliveryError(status, retry_after) so that the engine, which
knows nothing of botbuilder, can decide between retrying, giving up and marking a target gone.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ChannelAccount, ConversationParameters, ConversationReference

from bot.delivery.engine import DeliveryError
from bot.delivery.report import OPEN_PERSONAL, UPDATE
from bot.teams.adapter import activity_from_json

log = logging.getLogger(__name__)

InTurn = Callable[[TurnContext], Awaitable[None]]


def _status_and_retry(error: Exception) -> tuple[int, float | None]:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None) or 0
    headers = getattr(response, "headers", None) or {}
    retry_after = headers.get("Retry-After") if hasattr(headers, "get") else None
    try:
        seconds = float(retry_after) if retry_after is not None else None
    except ValueError:
        seconds = None
    return int(status), seconds


class TeamsTransport:
    """`await transport(operation, reference, activity, activity_id)` → the new activity id."""

    def __init__(self, adapter: CloudAdapter, app_id: str) -> None:
        self._adapter = adapter
        self._app_id = app_id

    async def __call__(
        self, operation: str, reference: dict[str, Any], activity: dict[str, Any], activity_id: str | None
    ) -> str | None:
        """Deliver one outbox row; raises DeliveryError with the HTTP status on failure."""
        outcome: dict[str, Any] = {}

        async def in_turn(turn_context: TurnContext) -> None:
            # Errors are caught here, not left to the adapter, whose on_turn_error would post an
            # apology into the very conversation we failed to reach.
            try:
                message = activity_from_json(activity)
                if operation == UPDATE:
                    message.id = activity_id
                    await turn_context.update_activity(message)
                    outcome["id"] = activity_id
                else:
                    response = await turn_context.send_activity(message)
                    outcome["id"] = response.id if response else None
            except Exception as error:  # noqa: BLE001 - reported as a DeliveryError below
                outcome["error"] = error

        try:
            if operation == OPEN_PERSONAL:
                await self._open_personal_chat(reference, in_turn)
            else:
                await self._adapter.continue_conversation(
                    ConversationReference().deserialize(reference), in_turn, self._app_id
                )
        except Exception as error:  # noqa: BLE001 - e.g. token or connection failures
            outcome["error"] = error
        failure = outcome.get("error")
        if failure is not None:
            status, retry_after = _status_and_retry(failure)
            raise DeliveryError(status, retry_after, f"{type(failure).__name__}: {failure}"[:300])
        return outcome.get("id")

    async def _open_personal_chat(self, reference: dict[str, Any], in_turn: InTurn) -> None:
        """Create the 1:1 chat with a user of a team the bot is in, then send in it."""
        conversation = reference.get("conversation") or {}
        parameters = ConversationParameters(
            is_group=False,
            bot=ChannelAccount(id=(reference.get("bot") or {}).get("id")),
            members=[ChannelAccount(id=(reference.get("user") or {}).get("id"))],
            tenant_id=conversation.get("tenantId"),
            channel_data={"tenant": {"id": conversation.get("tenantId")}},
        )
        await self._adapter.create_conversation(
            self._app_id,
            in_turn,
            parameters,
            reference.get("channelId", "msteams"),
            reference.get("serviceUrl"),
            None,
        )
