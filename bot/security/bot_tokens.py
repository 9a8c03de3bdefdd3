"""Validating the Bot Connector's JWTs (Microsoft's "Authenticate requests from the Bot Connector service").

A token must be RS256/384/512 (never `none`), signed by a current Bot Framework key endorsed for
the channel, issued by api.botframework.com, meant for this bot's app id, unexpired (5 minutes'
leeway, by the injected clock) and name the serviceUrl the activity came with.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import jwt

from bot.common.clock import Clock
from bot.security.signing_keys import SigningKeys

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
ALLOWED_ALGORITHMS = ("RS256", "RS384", "RS512")
LEEWAY = timedelta(minutes=5)


class TokenRejected(Exception):
    """The request is not from the Bot Connector for this bot (the reason is for logs only)."""


class BotFrameworkTokens:
    """Checks the Authorization header of an incoming activity; returns the token's claims."""

    def __init__(self, keys: SigningKeys, app_id: str, clock: Clock) -> None:
        self._keys = keys
        self._app_id = app_id
        self._clock = clock

    async def validate(self, authorization: str, channel_id: str, service_url: str) -> dict[str, Any]:
        """The claims of a valid token; raises TokenRejected, or KeysUnavailable while no keys are known."""
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenRejected("no bearer token")
        try:
            header = jwt.get_unverified_header(token.strip())
        except jwt.PyJWTError as error:
            raise TokenRejected(f"unreadable token header ({type(error).__name__})") from None
        algorithm = header.get("alg")
        if algorithm not in ALLOWED_ALGORITHMS:  # `none` and HMAC never reach a key look-up
            raise TokenRejected(f"algorithm {algorithm!r} not allowed")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenRejected("no key id")
        key = await self._keys.get(kid)
        if key is None:
            raise TokenRejected("unknown signing key")
        if key.endorsements and channel_id not in key.endorsements:
            raise TokenRejected("the key is not endorsed for this channel")
        try:
            claims: dict[str, Any] = jwt.decode(
                token.strip(),
                jwt.PyJWK(dict(key.jwk)).key,
                algorithms=[str(algorithm)],
                audience=self._app_id,
                issuer=BOT_FRAMEWORK_ISSUER,
                # Time is checked below with the bot's own clock.
                options={"verify_exp": False, "verify_nbf": False, "verify_iat": False, "require": ["exp"]},
            )
        except jwt.PyJWTError as error:
            raise TokenRejected(f"invalid token ({type(error).__name__})") from None
        self._check_time(claims)
        if claims.get("serviceurl") != service_url:
            raise TokenRejected("the token names another serviceUrl")
        return claims

    async def close(self) -> None:
        """Release the key fetcher's connections."""
        await self._keys.close()

    def _check_time(self, claims: dict[str, Any]) -> None:
        now = self._clock().timestamp()
        leeway = LEEWAY.total_seconds()
        expires, not_before = claims.get("exp"), claims.get("nbf")
        if not isinstance(expires, int | float) or now > expires + leeway:
            raise TokenRejected("expired")
        if isinstance(not_before, int | float) and now < not_before - leeway:
            raise TokenRejected("not yet valid")
