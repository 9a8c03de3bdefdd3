"""A fake Bot Connector on 127.0.0.1: records what the bot sends and answers like Teams does."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class ConnectorCall:
    """One request the bot made to the connector."""

    method: str
    path: str
    body: Any
    status: int = 0  # what the fake answered


# A rule may answer a call instead of the default success: (status, body, headers) or None.
Rule = Callable[[ConnectorCall], tuple[int, Any, dict[str, str]] | None]


@dataclass
class FakeConnector:
    """Records calls; `members` and `channels` answer the roster and channel look-ups."""

    calls: list[ConnectorCall] = field(default_factory=list)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    server: TestServer | None = None

    @property
    def url(self) -> str:
        """The serviceUrl to put in activities (with a trailing slash, as Teams sends it)."""
        assert self.server is not None
        return str(self.server.make_url("/"))

    def sent_activities(self) -> list[dict[str, Any]]:
        """Activities the bot posted (replies and new messages), in order."""
        return [
            call.body
            for call in self.calls
            if call.method == "POST" and "/activities" in call.path and 200 <= call.status < 300
        ]

    def updates(self) -> list[ConnectorCall]:
        """update_activity calls (PUT …/activities/{id})."""
        return [call for call in self.calls if call.method == "PUT" and 200 <= call.status < 300]

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else None
        call = ConnectorCall(request.method, request.path, body)
        self.calls.append(call)
        for rule in self.rules:
            answer = rule(call)
            if answer is not None:
                status, payload, headers = answer
                call.status = status
                return web.json_response(payload, status=status, headers=headers)
        response = self._default(call)
        call.status = response.status
        return response

    def _default(self, call: ConnectorCall) -> web.Response:
        parts = call.path.strip("/").split("/")
        # GET /v3/conversations/{id}/members/{memberId} and /v3/teams/{teamId}/members/{memberId}
        if call.method == "GET" and len(parts) == 5 and parts[3] == "members":
            member = self.members.get(parts[4])
            if member is None:
                return web.json_response(
                    {"error": {"code": "MemberNotFoundInConversation", "message": "not found"}}, status=404
                )
            return web.json_response(member)
        # GET /v3/teams/{teamId}/conversations
        if call.method == "GET" and len(parts) == 4 and parts[1] == "teams" and parts[3] == "conversations":
            return web.json_response({"conversations": self.channels.get(parts[2], [])})
        if call.method == "POST" and parts[-1] == "conversations":
            return web.json_response({"id": f"a:new-{next(self._ids)}", "activityId": f"m{next(self._ids)}"})
        if call.method in ("POST", "PUT"):
            return web.json_response({"id": f"m{next(self._ids)}"})
        if call.method == "DELETE":
            return web.Response(status=200)
        return web.json_response({"error": {"code": "NotFound", "message": call.path}}, status=404)

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        """Stop listening."""
        if self.server is not None:
            await self.server.close()
