"""POST /api/messages: parse and check the request ourselves, then run the turn.

botbuilder 4.17's `CloudAdapter.process()` answers 500 to `expectReplies` requests and to invoke
responses with a body, so this handler does the HTTP side and calls `process_activity`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Awaitable, Callable, Collection
from http import HTTPStatus
from typing import Any

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botframework.connector.auth import BotFrameworkAuthentication

from bot.logs import correlation_id
from bot.request_checks import activity_problem
from bot.security.signing_keys import KeysUnavailable
from bot.teams.adapter import activity_from_request

log = logging.getLogger(__name__)

READ_TIMEOUT = 10.0  # seconds for the whole body to arrive

# logic(turn_context, the activity's JSON as received, the list that collects expectReplies replies)
Logic = Callable[[TurnContext, dict[str, Any], list[dict[str, Any]] | None], Awaitable[None]]


def _problem(status: HTTPStatus, detail: str) -> web.Response:
    return web.json_response({"error": status.phrase, "detail": detail}, status=status)


def tenant_of(body: dict[str, Any]) -> str:
    """The Microsoft Entra tenant an activity comes from, as Teams sends it."""
    channel_data = body.get("channelData") or {}
    tenant = channel_data.get("tenant") or {} if isinstance(channel_data, dict) else {}
    conversation = body.get("conversation") or {}
    return str(
        (tenant.get("id") if isinstance(tenant, dict) else "")
        or (conversation.get("tenantId") if isinstance(conversation, dict) else "")
        or ""
    )


def _body_json(body: Any) -> Any:
    return body.serialize() if hasattr(body, "serialize") else body


class MessagesEndpoint:
    """The aiohttp handler for the Bot Framework messaging endpoint."""

    def __init__(
        self,
        adapter: CloudAdapter,
        authentication: BotFrameworkAuthentication,
        logic: Logic,
        allowed_tenants: Collection[str],
        allowed_service_hosts: Collection[str] = (),
        max_body_bytes: int = 256 * 1024,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self._adapter = adapter
        self._authentication = authentication
        self._logic = logic
        self._allowed_tenants = {tenant.lower() for tenant in allowed_tenants}
        self._allowed_service_hosts = tuple(allowed_service_hosts)
        self._max_body_bytes = max_body_bytes
        self._read_timeout = read_timeout

    async def _read_activity(self, request: web.Request) -> dict[str, Any] | web.Response:
        if request.content_type != "application/json":
            return _problem(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "Send the activity as application/json.")
        if request.content_length is not None and request.content_length > self._max_body_bytes:
            return _problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "The activity is too large.")
        try:
            # A client that declares a body and never sends it must not hold a connection for ever.
            async with asyncio.timeout(self._read_timeout):
                raw = await request.read()  # aiohttp raises 413 past the app's client_max_size
            body = json.loads(raw)
        except TimeoutError:
            return _problem(HTTPStatus.REQUEST_TIMEOUT, "The activity did not arrive in time.")
        except web.HTTPRequestEntityTooLarge:
            return _problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "The activity is too large.")
        except (UnicodeDecodeError, ValueError, RecursionError):
            # ValueError covers bad JSON and numbers of thousands of digits; RecursionError deep nesting.
            return _problem(HTTPStatus.BAD_REQUEST, "The body is not valid JSON.")
        if not isinstance(body, dict):
            return _problem(HTTPStatus.BAD_REQUEST, "The body is not an activity.")
        problem = activity_problem(body, self._allowed_service_hosts)
        if problem is not None:
            return _problem(HTTPStatus.BAD_REQUEST, f"Not a Teams activity: {problem}.")
        return body

    async def handle(self, request: web.Request) -> web.Response:
        """Handle one activity: 4xx for bad requests, the invoke/expectReplies body when there is one."""
        correlation_id.set(uuid.uuid4().hex[:12])
        body = await self._read_activity(request)
        if isinstance(body, web.Response):
            return body
        activity = activity_from_request(body)  # the fields are checked by activity_problem above

        try:
            auth_result = await self._authentication.authenticate_request(
                activity, request.headers.get("Authorization", "")
            )
        except KeysUnavailable:
            log.warning("request refused: the token signing keys are not available")
            response = _problem(HTTPStatus.SERVICE_UNAVAILABLE, "The token signing keys are not available yet.")
            response.headers["Retry-After"] = "30"
            return response
        except Exception as error:  # noqa: BLE001 - any other failure to authenticate is a 401
            log.warning("request refused: authentication failed (%s)", type(error).__name__)
            return _problem(HTTPStatus.UNAUTHORIZED, "The request is not authorized.")

        tenant = tenant_of(body)
        if self._allowed_tenants and tenant.lower() not in self._allowed_tenants:
            log.warning(
                "activity refused: tenant not allowed",
                extra={"tenant_id": tenant, "activity_type": activity.type},
            )
            return _problem(HTTPStatus.FORBIDDEN, "This tenant is not part of the network.")

        expect_replies = body.get("deliveryMode") == "expectReplies"
        replies: list[dict[str, Any]] | None = [] if expect_replies else None

        async def run(turn_context: TurnContext) -> None:
            await self._logic(turn_context, body, replies)

        invoke_response = await self._adapter.process_activity(auth_result, activity, run)
        if replies is not None:
            # Our replies, then any botbuilder buffered itself (e.g. the turn-error message).
            buffered = invoke_response.body.get("activities", []) if invoke_response is not None else []
            return web.json_response({"activities": [*replies, *buffered]})
        if invoke_response is None:
            return web.Response(status=HTTPStatus.OK)
        status = int(invoke_response.status or HTTPStatus.OK)
        if invoke_response.body is None:
            return web.Response(status=status)
        return web.json_response(_body_json(invoke_response.body), status=status)
