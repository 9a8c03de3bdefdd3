"""create_app(settings): the aiohttp application with everything wired together."""

from __future__ import annotations

import logging
import uuid
from http import HTTPStatus

from aiohttp import web
from botbuilder.core import ConversationState, Storage, TurnContext, UserState
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.auth import BotFrameworkAuthentication
from sqlite_utils import Database

from bot import __version__
from bot.adapter import build_adapter, build_authentication
from bot.domain.db import database_ok, open_database
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.registry import ConversationRegistry
from bot.domain.roles import Roles
from bot.domain.search_log import SearchLog
from bot.domain.state_store import StateStore
from bot.finder_feature import FinderFeature
from bot.invoke_responses import message_response
from bot.logs import correlation_id
from bot.messages import MessagesEndpoint
from bot.settings import Settings
from bot.sqlite_storage import SqliteStorage
from bot.teams import BotServices, KasvuopasBot, texts_of

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
KNOWLEDGE = web.AppKey("knowledge", KnowledgeService)
BOT = web.AppKey("bot", KasvuopasBot)
DB_KEY = web.AppKey("db", Database)


def _turn_error_handler(conversation_state: ConversationState, storage: Storage):
    async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
        ref = correlation_id.get() or uuid.uuid4().hex[:12]
        activity = turn_context.activity
        log.error(
            "turn failed",
            exc_info=(type(error), error, error.__traceback__),
            extra={"ref": ref, "activity_type": activity.type, "activity_name": activity.name},
        )
        text = texts_of(turn_context)("error.text", ref=ref)
        try:
            if activity.type == ActivityTypes.invoke:
                await turn_context.send_activity(
                    Activity(type=ActivityTypes.invoke_response, value=message_response(text))
                )
            else:
                await turn_context.send_activity(text)
        except Exception:
            log.warning("could not tell the user about the error", extra={"ref": ref}, exc_info=True)
        # A dialog that failed half-way would fail again on the next message: start clean.
        try:
            await storage.delete([conversation_state.get_storage_key(turn_context)])
        except Exception:
            log.warning("could not clear conversation state", extra={"ref": ref}, exc_info=True)

    return on_turn_error


async def _healthz(request: web.Request) -> web.Response:
    db_ok = database_ok(request.app[DB_KEY])
    knowledge = request.app[KNOWLEDGE]
    kb = knowledge.kb
    body = {
        "status": "ok" if db_ok and kb.loaded else "degraded",
        "version": __version__,
        "database": {"ok": db_ok},
        "knowledge_base": {
            "loaded": kb.loaded,
            "providers": kb.provider_count,
            "services": kb.service_count,
            "analyzer": knowledge.finder.analyzer.name,
        },
    }
    return web.json_response(body, status=HTTPStatus.OK if db_ok else HTTPStatus.SERVICE_UNAVAILABLE)


def create_app(
    settings: Settings,
    knowledge: KnowledgeService | None = None,
    authentication: BotFrameworkAuthentication | None = None,
) -> web.Application:
    """The Kasvuopas web application: /api/messages and /healthz over one SQLite database."""
    if knowledge is None:
        knowledge = KnowledgeService(settings.kb_path)  # refuses an invalid knowledge base
    db = open_database(settings.db_path)
    storage = SqliteStorage(StateStore(db))
    conversation_state = ConversationState(storage)
    services = BotServices(
        registry=ConversationRegistry(db),
        roles=Roles(db, settings.coordinators),
        conversation_state=conversation_state,
        user_state=UserState(storage),
        finder=FinderFeature(knowledge, SearchLog(db)),
    )
    bot = KasvuopasBot(services)
    if authentication is None:
        authentication = build_authentication(settings)
    adapter = build_adapter(authentication)
    adapter.on_turn_error = _turn_error_handler(conversation_state, storage)

    app = web.Application(client_max_size=settings.max_body_bytes)
    app[SETTINGS] = settings
    app[KNOWLEDGE] = knowledge
    app[BOT] = bot
    app[DB_KEY] = db
    app.router.add_post(
        "/api/messages",
        MessagesEndpoint(adapter, authentication, bot.on_turn, settings.allowed_tenants),
    )
    app.router.add_get("/healthz", _healthz)

    async def close(_app: web.Application) -> None:
        close_clients = getattr(authentication, "close", None)
        if close_clients is not None:
            await close_clients()
        db.close()

    app.on_cleanup.append(close)
    return app
