"""The composition root: builds every service once and wires them together.

This is the only module that knows which engine backs which interface. It
creates no module-level state, so a test can run several servers in one
process, each with its own clock, store and broker.
"""

from __future__ import annotations

import logging
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiohttp import web

from passerby.clock import Clock, SystemClock
from passerby.cluster.broker import Broker
from passerby.cluster.memory import MemoryBroker
from passerby.config import Settings
from passerby.core.matchmaker import Match, Matchmaker
from passerby.storage.recorder import ChatRecorder
from passerby.storage.sql import SQLStore
from passerby.transport.metrics import Metrics
from passerby.transport.web import Routes, add_routes, security_headers
from passerby.transport.websocket import ChatEndpoint

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    clock: Clock
    store: SQLStore
    broker: Broker
    recorder: ChatRecorder
    metrics: Metrics
    chat: ChatEndpoint
    routes: Routes


SERVICES = web.AppKey("passerby.services", Services)


def build_services(
    settings: Settings, *, clock: Clock | None = None, rng: random.Random | None = None
) -> Services:
    clock = clock or SystemClock()
    store = SQLStore(settings.database())
    metrics = Metrics()
    matchmaker = Matchmaker(settings.matchmaker_policy(), rng)
    broker = MemoryBroker(matchmaker, clock)
    recorder = ChatRecorder(store, clock)

    def on_match(match: Match, chat: str) -> None:
        metrics.matches.inc()
        metrics.time_to_match.observe(match.waited_a)
        metrics.time_to_match.observe(match.waited_b)
        recorder.started(chat, bool(match.common_interests))

    broker.observe_matches(on_match)

    async def waiting() -> float:
        return (await broker.counts()).waiting

    async def chats() -> float:
        return (await broker.counts()).chats

    async def online() -> float:
        return (await broker.counts()).online

    metrics.gauge("passerby_waiting_users", "Users waiting for a partner.", waiting)
    metrics.gauge("passerby_active_chats", "Chats in progress.", chats)
    metrics.gauge("passerby_online_users", "Users online (connected).", online)

    chat = ChatEndpoint(
        broker,
        recorder,
        metrics,
        clock,
        settings.session_limits(),
        max_connections=settings.max_connections,
        heartbeat=settings.heartbeat_seconds,
    )
    routes = Routes(broker, store, metrics)
    return Services(settings, clock, store, broker, recorder, metrics, chat, routes)


def create_app(
    settings: Settings, *, clock: Clock | None = None, rng: random.Random | None = None
) -> web.Application:
    services = build_services(settings, clock=clock, rng=rng)
    app = web.Application(middlewares=[security_headers], client_max_size=64 * 1024)
    app[SERVICES] = services
    add_routes(app, services.routes, services.chat.handle)

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        await services.store.migrate()
        await services.broker.start()
        await services.recorder.start()
        yield
        await services.recorder.close()
        await services.broker.close()
        await services.store.close()

    async def on_shutdown(app: web.Application) -> None:
        services.routes.shutting_down = True
        await services.chat.close_all()

    app.cleanup_ctx.append(lifecycle)
    app.on_shutdown.append(on_shutdown)
    return app
