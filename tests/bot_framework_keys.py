"""A Bot Framework key server of our own on 127.0.0.1: OpenID metadata, a JWKS, and tokens signed with its keys."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import jwt
from aiohttp import web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "https://api.botframework.com"


@dataclass
class KeyServer:
    """Serves /metadata and /keys; `hang` makes it accept and never answer, `requests` counts calls."""

    kid: str = "test-key-1"
    endorsements: list[str] = field(default_factory=lambda: ["msteams"])
    hang: bool = False
    requests: int = 0
    private_key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    server: TestServer | None = None

    @property
    def metadata_url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/metadata"))

    def _jwk(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private_key.public_key()))
        return {**jwk, "kid": self.kid, "use": "sig", "endorsements": self.endorsements}

    async def _handle(self, request: web.Request) -> web.Response:
        self.requests += 1
        if self.hang:
            await asyncio.sleep(3600)
        if request.path == "/metadata":
            return web.json_response({"issuer": ISSUER, "jwks_uri": str(self.server.make_url("/keys"))})  # type: ignore[union-attr]
        return web.json_response({"keys": [self._jwk()]})

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._handle)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        """Stop listening."""
        if self.server is not None:
            await self.server.close()

    def token(self, app_id: str, service_url: str, now: datetime, **changes: Any) -> str:
        """A Bot Connector token for `app_id`; `changes` override claims (or `alg`, `kid`)."""
        claims = {
            "iss": ISSUER,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": int((now - timedelta(minutes=1)).timestamp()),
            "exp": int((now + timedelta(hours=1)).timestamp()),
        }
        alg = changes.pop("alg", "RS256")
        kid = changes.pop("kid", self.kid)
        claims.update(changes)
        if alg == "none":
            return jwt.encode(claims, None, algorithm="none", headers={"kid": kid})
        return jwt.encode(claims, self.private_key, algorithm=alg, headers={"kid": kid})
