"""The Bot Framework's token signing keys, fetched asynchronously with a timeout and cached.

botbuilder fetches the OpenID metadata and the keys with a blocking call, no timeout, on the event
loop, and again on every request while the key server is unreachable: one request could freeze
the bot. Here one fetch at a time runs with a deadline; the last good keys are kept when a refresh
fails; after a failure nobody waits again for a while (requests get a fast answer instead).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import aiohttp

from bot.common.clock import Clock

log = logging.getLogger(__name__)

BOT_FRAMEWORK_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"


class KeysUnavailable(Exception):
    """No signing keys are known and the key server did not give them in time."""


@dataclass(frozen=True)
class SigningKey:
    """One key of the JWKS document: its JWK fields (n, e, kty…) and the channels it may sign for."""

    kid: str
    jwk: Mapping[str, Any]
    endorsements: frozenset[str]


class SigningKeys:
    """Keys by id, refreshed in the background when old, re-fetched (rate-limited) for an unknown id."""

    def __init__(
        self,
        metadata_url: str,
        clock: Clock,
        timeout: float = 5.0,
        max_age: timedelta = timedelta(hours=12),
        retry_after: timedelta = timedelta(seconds=30),
    ) -> None:
        self._metadata_url = metadata_url
        self._clock = clock
        self._timeout = timeout
        self._max_age = max_age
        self._retry_after = retry_after
        self._keys: dict[str, SigningKey] = {}
        self._fetched_at: datetime | None = None
        self._failed_at: datetime | None = None
        self._fetching: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    async def get(self, kid: str) -> SigningKey | None:
        """The key with this id; None when the key server does not know it either.

        Raises KeysUnavailable only when no keys are known at all and they cannot be fetched now.
        """
        now = self._clock()
        stale = self._fetched_at is None or now - self._fetched_at > self._max_age
        if kid not in self._keys or stale:
            recently_failed = self._failed_at is not None and now - self._failed_at < self._retry_after
            if not recently_failed:
                fetch = self._start_fetch()
                if kid not in self._keys or not self._keys:
                    # Waiting is bounded by the fetch's own deadline; shield so that a client that
                    # disconnects does not cancel the shared fetch for everyone else.
                    await asyncio.shield(fetch)
        if not self._keys:
            raise KeysUnavailable("the token signing keys could not be fetched")
        return self._keys.get(kid)

    def _start_fetch(self) -> asyncio.Task[None]:
        if self._fetching is None or self._fetching.done():
            self._fetching = asyncio.create_task(self._fetch())
        return self._fetching

    async def _fetch(self) -> None:
        try:
            async with asyncio.timeout(self._timeout):
                session = self._client()
                async with session.get(self._metadata_url) as response:
                    response.raise_for_status()
                    metadata = await response.json(content_type=None)
                async with session.get(str(metadata["jwks_uri"])) as response:
                    response.raise_for_status()
                    document = await response.json(content_type=None)
            keys = {
                str(key["kid"]): SigningKey(str(key["kid"]), key, frozenset(key.get("endorsements") or ()))
                for key in document["keys"]
                if isinstance(key, dict) and key.get("kid")
            }
            if not keys:
                raise ValueError("the key document lists no keys")
        except (TimeoutError, aiohttp.ClientError, ValueError, KeyError, TypeError) as error:
            self._failed_at = self._clock()
            log.warning(
                "token signing keys not refreshed (%s); keeping %d known keys", type(error).__name__, len(self._keys)
            )
            return
        self._keys = keys
        self._fetched_at = self._clock()
        self._failed_at = None
        log.info("token signing keys refreshed", extra={"keys": len(keys)})

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self._timeout))
        return self._session

    async def close(self) -> None:
        """Stop any fetch and close the HTTP session (at shutdown)."""
        if self._fetching is not None and not self._fetching.done():
            self._fetching.cancel()
        if self._session is not None:
            await self._session.close()
