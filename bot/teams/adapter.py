"""The botbuilder CloudAdapter, with connector clients reused across turns.

Stock CloudAdapter builds a new ConnectorClient and UserTokenClient for every turn, and each
construction runs msrest's retry set-up (several milliseconds of CPU). The clients are safe to
share: credentials refresh their own tokens and the aiohttp session is concurrency-safe.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from types import SimpleNamespace
from typing import Any

from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, Attachment, ChannelAccount, ConversationAccount, Entity, Mention
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    JwtTokenValidation,
    UserTokenClient,
)

from bot.common.clock import Clock, system_clock
from bot.security.bot_tokens import BotFrameworkTokens
from bot.security.signing_keys import SigningKeys
from bot.settings import Settings

log = logging.getLogger(__name__)
MAX_CACHED_CLIENTS = 64
Authentication = BotFrameworkAuthentication  # for callers that inject their own (tests, benchmarks)


class _ClientCache:
    """A small LRU of clients by key; evicted clients are closed in the background by GC."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[str, ...], Any] = OrderedDict()

    def get(self, key: tuple[str, ...]) -> Any:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def put(self, key: tuple[str, ...], item: Any) -> None:
        self._items[key] = item
        while len(self._items) > MAX_CACHED_CLIENTS:
            self._items.popitem(last=False)

    def values(self) -> list[Any]:
        return list(self._items.values())

    def clear(self) -> None:
        self._items.clear()


class _ReusingConnectorFactory(ConnectorFactory):
    def __init__(self, inner: ConnectorFactory, cache: _ClientCache, app_id: str) -> None:
        self._inner = inner
        self._cache = cache
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        key = ("connector", self._app_id, service_url, audience or "")
        client = self._cache.get(key)
        if client is None:
            client = await self._inner.create(service_url, audience)
            self._cache.put(key, client)
        return client


class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication):
    """botbuilder's authentication with the clients it creates cached, and incoming tokens checked by
    `bot.security` (asynchronously, with a deadline) instead of botbuilder's blocking key fetch.

    `tokens=None` is local mode: no token check at all, and an Authorization header is ignored
    rather than validated (botbuilder would fetch Microsoft's keys to validate it).
    """

    def __init__(self, inner: BotFrameworkAuthentication, tokens: BotFrameworkTokens | None = None) -> None:
        self._inner = inner
        self._tokens = tokens
        self._cache = _ClientCache()

    @staticmethod
    def _app_id(claims_identity: ClaimsIdentity | None) -> str:
        if claims_identity is None:
            return ""
        return JwtTokenValidation.get_app_id_from_claims(claims_identity.claims) or ""

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        """Validate the request (JWT unless in local mode) and attach the reusing factory.

        Raises TokenRejected (401) or KeysUnavailable (503).
        """
        if self._tokens is None:
            result = await self._inner.authenticate_request(activity, "")
        else:
            claims = await self._tokens.validate(auth_header, activity.channel_id or "", activity.service_url or "")
            identity = ClaimsIdentity(claims, True, "Bearer")
            result = AuthenticateRequestResult()
            result.claims_identity = identity
            result.audience = self._inner.get_originating_audience()
            result.caller_id = None
            result.connector_factory = self._inner.create_connector_factory(identity)
        if result.connector_factory is not None:
            result.connector_factory = _ReusingConnectorFactory(
                result.connector_factory, self._cache, self._app_id(result.claims_identity)
            )
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str) -> Any:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return _ReusingConnectorFactory(
            self._inner.create_connector_factory(claims_identity),
            self._cache,
            self._app_id(claims_identity),
        )

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        key = ("user_token", self._app_id(claims_identity))
        client = self._cache.get(key)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._cache.put(key, client)
        return client

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)

    async def close(self) -> None:
        """Close the cached clients' HTTP sessions and the key fetcher's (at shutdown)."""
        if self._tokens is not None:
            await self._tokens.close()
        for client in self._cache.values():
            closer = getattr(client, "close", None)
            if closer is not None:
                try:
                    await closer()
                except Exception:
                    log.debug("closing a cached client failed", exc_info=True)
        self._cache.clear()


def build_authentication(
    settings: Settings, reuse_clients: bool = True, clock: Clock = system_clock
) -> BotFrameworkAuthentication:
    """Bot Framework authentication from settings (botbuilder's own configuration names).

    `reuse_clients=False` gives stock botbuilder behaviour (its own blocking token validation too),
    for comparison in benchmarks.
    """
    configuration = SimpleNamespace(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password,
        APP_TYPE=settings.app_type,
        APP_TENANTID=settings.app_tenant_id,
    )
    stock = ConfigurationBotFrameworkAuthentication(configuration)
    if not reuse_clients:
        return stock
    tokens = None
    if not settings.local_mode:
        keys = SigningKeys(settings.openid_metadata_url, clock, timeout=settings.openid_timeout)
        tokens = BotFrameworkTokens(keys, settings.app_id, clock)
    return ReusingBotFrameworkAuthentication(stock, tokens)


def build_adapter(authentication: BotFrameworkAuthentication) -> CloudAdapter:
    """A CloudAdapter over the given authentication."""
    return CloudAdapter(authentication)


def _account(data: Any) -> ChannelAccount | None:
    if not isinstance(data, dict):
        return None
    return ChannelAccount(id=data.get("id"), name=data.get("name"), aad_object_id=data.get("aadObjectId"))


def activity_from_request(body: dict[str, Any]) -> Activity:
    """The incoming activity as botbuilder's object, with the fields botbuilder itself reads.

    msrest's generic deserialisation costs about half a millisecond a turn; the bot's own code
    reads the JSON (`bot.activity`), so botbuilder only needs what addresses replies and state.
    """
    conversation: dict[str, Any] = body["conversation"] if isinstance(body.get("conversation"), dict) else {}
    return Activity(
        type=body.get("type"),
        id=body.get("id"),
        name=body.get("name"),
        channel_id=body.get("channelId"),
        service_url=body.get("serviceUrl"),
        conversation=ConversationAccount(
            id=conversation.get("id"),
            conversation_type=conversation.get("conversationType"),
            is_group=conversation.get("isGroup"),
            tenant_id=conversation.get("tenantId"),
            name=conversation.get("name"),
        ),
        from_property=_account(body.get("from")),
        recipient=_account(body.get("recipient")),
        locale=body.get("locale"),
        text=body.get("text"),
        value=body.get("value"),
        reply_to_id=body.get("replyToId"),
        delivery_mode=body.get("deliveryMode"),
        channel_data=body.get("channelData"),
    )


def activity_from_json(data: dict[str, Any]) -> Activity:
    """A Bot Framework activity (JSON) as botbuilder's object, for sending.

    The common shapes (text, one card, mentions) are built directly: msrest's generic
    deserialisation costs a fraction of a millisecond per message. Mentions are rebuilt as
    Mention entities, which plain deserialisation would reduce to their type (no mention in Teams).
    """
    if set(data) <= {"type", "text", "textFormat", "attachments", "entities"}:
        return Activity(
            type=data.get("type", "message"),
            text=data.get("text"),
            text_format=data.get("textFormat"),
            attachments=[
                Attachment(content_type=item.get("contentType"), content=item.get("content"))
                for item in data.get("attachments") or []
            ]
            or None,
            entities=_entities(data.get("entities")),
        )
    message = Activity().deserialize(data)
    message.entities = _entities(data.get("entities"))
    return message


def _entities(entities: list[dict[str, Any]] | None) -> list[Entity] | None:
    if not entities:
        return None
    return [
        Mention().deserialize(entity) if entity.get("type") == "mention" else Entity().deserialize(entity)
        for entity in entities
    ]
