"""create_app(settings): the aiohttp application, composed from the features in `bot.features`.

The composition root: the database, the stores every feature shares, the delivery engine, the
router over the feature list and the Teams edge. No botbuilder import here; the edge is
`bot.teams`.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import logging
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from typing import Any

from aiohttp import web

from bot import __version__
from bot.common.clock import Clock, system_clock
from bot.common.signed_links import SignedLinks
from bot.delivery.engine import DeliveryEngine, DeliveryTuning
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.preferences import Preferences
from bot.domain.registry import ConversationRegistry
from bot.domain.roles import Roles
from bot.feature import FeatureFactory, SignedFile
from bot.features import FEATURES
from bot.i18n import Catalogues
from bot.installation import Installation
from bot.router import Router
from bot.services import Services
from bot.settings import Settings
from bot.storage.sqlite import SqliteDatabase, open_database
from bot.storage.state_store import StateStore, stored_secret
from bot.teams.adapter import Authentication, build_adapter, build_authentication
from bot.teams.endpoint import MessagesEndpoint
from bot.teams.handler import TeamsBot
from bot.teams.transport import TeamsTransport

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
KNOWLEDGE = web.AppKey("knowledge", KnowledgeService)
ROUTER = web.AppKey("router", Router)
DB_KEY = web.AppKey("db", SqliteDatabase)
HEALTH: web.AppKey[Callable[[], bool]] = web.AppKey("health")
ENGINE = web.AppKey("engine", DeliveryEngine)
DELIVERY_TASK = web.AppKey("delivery_task", asyncio.Task)
SHUTDOWN_GRACE = 2.0  # the delivery loop finishes its calls in flight; the rest resumes on the next start

LINK_REFUSED = (
    "Linkki on vanhentunut tai virheellinen. Avaa kortti uudelleen Teamsissa.\n"
    "The link has expired or is not valid. Open the card again in Teams.\n"
)


async def _healthz(request: web.Request) -> web.Response:
    db_ok = request.app[HEALTH]()
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


def _signed_file_handler(
    file: SignedFile, links: SignedLinks, clock: Clock
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """GET `/prefix/{id}.suffix?exp=…&sig=…`: the file only through a valid, unexpired link."""

    async def serve(request: web.Request) -> web.Response:
        item_id = int(request.match_info["item_id"])
        if not links.verify(file.path(item_id), request.query.get("exp"), request.query.get("sig"), clock()):
            return web.Response(status=HTTPStatus.FORBIDDEN, text=LINK_REFUSED)
        content = file.content(item_id)
        if inspect.isawaitable(content):
            content = await content
        if content is None:
            return web.Response(status=HTTPStatus.NOT_FOUND, text="Ei löydy. / Not found.\n")
        text = file.content_type.startswith("text/")
        disposition = "attachment" if text else "inline"  # images are shown in cards, files downloaded
        return web.Response(
            body=content.encode("utf-8") if isinstance(content, str) else content,
            content_type=file.content_type,
            charset="utf-8" if text else None,
            headers={"Content-Disposition": f'{disposition}; filename="{file.filename.format(item_id)}"'},
        )

    return serve


def create_app(
    settings: Settings,
    knowledge: KnowledgeService | None = None,
    authentication: Authentication | None = None,
    clock: Clock = system_clock,
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    start_delivery: bool = True,
    features: Sequence[FeatureFactory] = FEATURES,
) -> web.Application:
    """The Kasvuopas web application: /api/messages, /healthz and signed files over one SQLite database.

    `clock`, `sleep` and `start_delivery=False` let tests drive time and the delivery engine
    themselves; `features` lets a test run the bot with a feature of its own.
    """
    if knowledge is None:
        knowledge = KnowledgeService(settings.kb_path, clock=clock)  # refuses an invalid knowledge base
    db = open_database(settings.db_path, clock)
    state_store = StateStore(db, clock)
    registry = ConversationRegistry(db, clock)
    roles = Roles(db, settings.coordinators, clock)
    preferences = Preferences(db, clock)
    wakeup = asyncio.Event()
    outbox = Outbox(db, clock, on_enqueue=wakeup.set)
    jobs = JobStore(db, clock, on_change=wakeup.set)
    secret = settings.signing_secret.encode() if settings.signing_secret else stored_secret(state_store)
    links = SignedLinks(secret, settings.base_url)
    catalogues = Catalogues(settings.network_language)
    services = Services(
        db=db,
        clock=clock,
        registry=registry,
        roles=roles,
        preferences=preferences,
        outbox=outbox,
        jobs=jobs,
        links=links,
        knowledge=knowledge,
        catalogues=catalogues,
        settings=settings,
    )
    try:
        router = Router([build(services) for build in features], roles, registry, catalogues)
    except Exception:
        db.close()  # a feature list that does not add up: nothing is left open
        raise

    if authentication is None:
        authentication = build_authentication(settings, clock=clock)
    adapter = build_adapter(authentication)
    bot = TeamsBot(router, Installation(registry), preferences, state_store)
    adapter.on_turn_error = bot.on_turn_error
    engine = DeliveryEngine(
        outbox,
        jobs,
        TeamsTransport(adapter, settings.app_id),
        clock=clock,
        wakeup=wakeup,
        sleep=sleep,
        tuning=DeliveryTuning(global_rate=settings.global_send_rate),
        job_handlers=router.jobs,
        progress_hooks=router.progress_hooks,
        on_target_gone=registry.deactivate,
    )

    app = web.Application(client_max_size=settings.max_body_bytes)
    app[SETTINGS] = settings
    app[KNOWLEDGE] = knowledge
    app[ROUTER] = router
    app[DB_KEY] = db
    app[HEALTH] = lambda: db.ok() and state_store.writable()
    app[ENGINE] = engine
    endpoint = MessagesEndpoint(
        adapter,
        authentication,
        bot.on_turn,
        settings.allowed_tenants,
        settings.allowed_service_hosts,
        settings.max_body_bytes,
        settings.request_read_timeout,
    )
    app.router.add_post("/api/messages", endpoint.handle)
    app.router.add_get("/healthz", _healthz)
    for feature in router.features:
        for file in feature.files:
            app.router.add_get(
                rf"/{file.prefix}/{{item_id:[0-9]{{1,18}}}}.{file.suffix}", _signed_file_handler(file, links, clock)
            )

    async def start_engine(_app: web.Application) -> None:
        db.checkpoint_in_background()
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
    app.on_startup.append(_freeze_startup_objects)
    app.on_cleanup.append(close)
    return app


async def _freeze_startup_objects(_app: web.Application) -> None:
    """Move what start-up built out of the collector's sight.

    The knowledge base, its index, Voikko and the imported modules live as long as the process; a
    full collection walking them took ~110 ms (measured), a pause every request in flight shares.
    """
    gc.collect()
    gc.freeze()
