"""create_app(settings): the aiohttp application with everything wired together."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from http import HTTPStatus
from typing import Any

from aiohttp import web
from botbuilder.core import ConversationState, Storage, TurnContext, UserState
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.auth import BotFrameworkAuthentication
from sqlite_utils import Database

from bot import __version__
from bot.adapter import build_adapter, build_authentication
from bot.announcement_feature import SEND_JOB, AnnouncementFeature
from bot.delivery_transport import TeamsTransport
from bot.domain.announcements import Announcements
from bot.domain.db import database_ok, open_database
from bot.domain.delivery import DeliveryEngine
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.outbox import Clock, utc_clock
from bot.domain.polls import Polls
from bot.domain.registry import ConversationRegistry
from bot.domain.roles import COORDINATOR, Roles
from bot.domain.search_log import SearchLog
from bot.domain.signed_links import SignedLinks, stored_secret
from bot.domain.state_store import StateStore
from bot.domain.webinars import Webinars
from bot.finder_feature import FinderFeature
from bot.i18n import DEFAULT_LANGUAGE, Texts
from bot.invoke_responses import message_response
from bot.logs import correlation_id
from bot.messages import MessagesEndpoint
from bot.poll_feature import CLOSE_JOB, PollFeature
from bot.settings import Settings
from bot.sqlite_storage import SqliteStorage
from bot.teams import BotServices, KasvuopasBot, texts_of
from bot.webinar_feature import WebinarFeature
from bot.webinar_notices import CHANNEL_REMINDER, PERSONAL_REMINDER

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
KNOWLEDGE = web.AppKey("knowledge", KnowledgeService)
BOT = web.AppKey("bot", KasvuopasBot)
DB_KEY = web.AppKey("db", Database)
ENGINE = web.AppKey("engine", DeliveryEngine)
DELIVERY_TASK = web.AppKey("delivery_task", asyncio.Task)
SHUTDOWN_GRACE = 10.0


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


LINK_REFUSED = (
    "Linkki on vanhentunut tai virheellinen. Avaa kortti uudelleen Teamsissa.\n"
    "The link has expired or is not valid. Open the card again in Teams.\n"
)


def _signed_file(
    path_of: Callable[[int], str],
    content_of: Callable[[int], bytes | str | None],
    content_type: str,
    filename: str,
    links: SignedLinks,
    clock: Clock,
):
    """A GET handler for `/…/{item_id}.ext?exp=…&sig=…`: the file only through a valid, unexpired link."""

    async def serve(request: web.Request) -> web.Response:
        item_id = int(request.match_info["item_id"])
        if not links.verify(path_of(item_id), request.query.get("exp"), request.query.get("sig"), clock()):
            return web.Response(status=HTTPStatus.FORBIDDEN, text=LINK_REFUSED)
        content = content_of(item_id)
        if content is None:
            return web.Response(status=HTTPStatus.NOT_FOUND, text="Ei löydy. / Not found.\n")
        return web.Response(
            body=content.encode("utf-8") if isinstance(content, str) else content,
            content_type=content_type,
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename.format(item_id)}"'},
        )

    return serve


def create_app(
    settings: Settings,
    knowledge: KnowledgeService | None = None,
    authentication: BotFrameworkAuthentication | None = None,
    clock: Clock = utc_clock,
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    start_delivery: bool = True,
) -> web.Application:
    """The Kasvuopas web application: /api/messages, /healthz and signed files over one SQLite database.

    `clock`, `sleep` and `start_delivery=False` let tests drive time and the delivery engine themselves.
    """
    if knowledge is None:
        knowledge = KnowledgeService(settings.kb_path)  # refuses an invalid knowledge base
    db = open_database(settings.db_path)
    state_store = StateStore(db)
    storage = SqliteStorage(state_store)
    conversation_state = ConversationState(storage)
    if authentication is None:
        authentication = build_authentication(settings)
    adapter = build_adapter(authentication)
    adapter.on_turn_error = _turn_error_handler(conversation_state, storage)

    engine = DeliveryEngine(
        db, TeamsTransport(adapter, settings.app_id), clock, sleep, global_rate=settings.global_send_rate
    )
    registry = ConversationRegistry(db)
    secret = settings.signing_secret.encode() if settings.signing_secret else stored_secret(state_store)
    links = SignedLinks(secret, settings.base_url)
    network_texts = Texts(DEFAULT_LANGUAGE)
    webinars = WebinarFeature(
        Webinars(db),
        registry,
        engine.outbox,
        engine.jobs,
        links,
        network_texts,
        clock,
        timedelta(hours=settings.reminder_hours_before),
        topics=lambda text: [match.service.id for match in knowledge.finder.search(text, top=3).matches],
    )
    announcements = AnnouncementFeature(Announcements(db), registry, engine.outbox, engine.jobs, network_texts, clock)
    engine.handle_jobs(CHANNEL_REMINDER, webinars.channel_reminder)
    engine.handle_jobs(PERSONAL_REMINDER, webinars.personal_reminder)
    engine.handle_jobs(SEND_JOB, announcements.send_job)
    roles = Roles(db, settings.coordinators)
    polls = PollFeature(
        Polls(db),
        engine.outbox,
        engine.jobs,
        links,
        network_texts,
        clock,
        is_coordinator=lambda aad: roles.has_role(aad, COORDINATOR),
    )
    engine.handle_jobs(CLOSE_JOB, polls.close_job)
    engine.report_progress_to(announcements.on_progress)

    services = BotServices(
        registry=registry,
        roles=roles,
        conversation_state=conversation_state,
        user_state=UserState(storage),
        finder=FinderFeature(
            knowledge,
            SearchLog(db),
            recordings=lambda service_ids: [
                (webinar.title, webinar.recording_url)
                for webinar in webinars.webinars.recordings_for(service_ids, clock())
            ],
        ),
        webinars=webinars,
        announcements=announcements,
        polls=polls,
    )
    bot = KasvuopasBot(services)

    app = web.Application(client_max_size=settings.max_body_bytes)
    app[SETTINGS] = settings
    app[KNOWLEDGE] = knowledge
    app[BOT] = bot
    app[DB_KEY] = db
    app[ENGINE] = engine
    app.router.add_post(
        "/api/messages",
        MessagesEndpoint(adapter, authentication, bot.on_turn, settings.allowed_tenants),
    )
    app.router.add_get("/healthz", _healthz)
    app.router.add_get(
        r"/webinars/{item_id:\d+}.ics",
        _signed_file(webinars.calendar_path, webinars.calendar, "text/calendar", "webinaari-{}.ics", links, clock),
    )
    app.router.add_get(
        r"/polls/{item_id:\d+}.csv",
        _signed_file(polls.csv_path, polls.csv, "text/csv", "kysely-{}.csv", links, clock),
    )

    async def start_engine(_app: web.Application) -> None:
        if start_delivery:
            _app[DELIVERY_TASK] = asyncio.create_task(engine.run())

    async def close(_app: web.Application) -> None:
        engine.stop()
        task = _app.get(DELIVERY_TASK)
        if task is not None:
            try:
                await asyncio.wait_for(task, SHUTDOWN_GRACE)
            except TimeoutError:
                log.warning("delivery loop did not stop in time; pending rows resume on the next start")
        close_clients = getattr(authentication, "close", None)
        if close_clients is not None:
            await close_clients()
        db.close()

    app.on_startup.append(start_engine)
    app.on_cleanup.append(close)
    return app
