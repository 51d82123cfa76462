"""The composition root: builds every service once and wires them together.

This is the only module that knows which engine backs which interface. It
creates no module-level state, so a test can run several servers in one
process, each with its own clock, store and broker.
"""

from __future__ import annotations

import logging
import os
import random
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from redis.asyncio import BlockingConnectionPool, Redis

from passerby.clock import Clock, SystemClock
from passerby.cluster.broker import BAN, SECTION, Broker, Notice
from passerby.cluster.limits import (
    CountersFactory,
    LimiterFactory,
    MarksFactory,
    memory_counters,
    memory_limiters,
    memory_marks,
)
from passerby.cluster.mailbox import Mailboxes, MemoryMailboxes
from passerby.cluster.memory import MemoryBroker
from passerby.cluster.redis.broker import NodeTiming, RedisBroker, key_prefix
from passerby.cluster.redis.limits import redis_counters, redis_limiters, redis_marks
from passerby.cluster.redis.mailbox import RedisMailboxes
from passerby.config import Settings
from passerby.console.routes import add_console
from passerby.core.matchmaker import Match, Matchmaker
from passerby.core.ratelimit import Rate
from passerby.metrics import Metrics
from passerby.safety.actions import SafetyActions
from passerby.safety.bans import BanService
from passerby.safety.challenge import LIFETIME_SECONDS, ChallengeService, Difficulty
from passerby.safety.devices import DeviceService
from passerby.safety.iphash import IpHasher
from passerby.safety.moderation import Analyser, CachedAnalyser, RiskFactory
from passerby.safety.moderation_actions import Actions, Actor
from passerby.safety.policy import load_policy
from passerby.safety.reports import EvidenceService, ReportService
from passerby.safety.retention import RetentionJob
from passerby.safety.risk import ConversationRisk
from passerby.safety.semantic.tier import SemanticTier, TierSettings
from passerby.safety.spool import Spool
from passerby.safety.text.detectors import TextAnalyser
from passerby.service.chat import ChatService, Safety
from passerby.storage.recorder import ChatRecorder
from passerby.storage.sql import SQLStore
from passerby.transport.api import EntryApi
from passerby.transport.omegle.api import OmegleApi, add_omegle_routes
from passerby.transport.omegle.sessions import OmegleSession, OmegleSessions
from passerby.transport.origin import client_address
from passerby.transport.web import Routes, add_routes, security_headers_for
from passerby.transport.websocket import ChatEndpoint

log = logging.getLogger(__name__)

# Seconds a Redis command may take before the node treats Redis as unreachable.
REDIS_TIMEOUT = 2.0
# Connections to Redis per process (the subscription takes one more).
REDIS_CONNECTIONS = 32


@dataclass
class Services:
    settings: Settings
    clock: Clock
    store: SQLStore
    broker: Broker
    recorder: ChatRecorder
    metrics: Metrics
    chat: ChatService
    websocket: ChatEndpoint
    omegle: OmegleApi | None
    routes: Routes
    entry: EntryApi
    devices: DeviceService
    bans: BanService
    evidence: EvidenceService
    retention: RetentionJob
    actions: Actions
    hasher: IpHasher
    limiters: LimiterFactory  # shared by every node (with the Redis broker)
    semantic: SemanticTier | None = None


SERVICES = web.AppKey("passerby.services", Services)
# Every safety action (bans, cases, appeals, holds), for the moderator console.
ACTIONS_KEY = web.AppKey("passerby.actions", Actions)


def load_secret(settings: Settings) -> bytes:
    """The server secret: from the settings, or a random one kept in the data folder."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = settings.data_path() / "secret.key"
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(key + "\n")
        return bytes.fromhex(key)


def risk_factory() -> RiskFactory:
    return ConversationRisk


@dataclass
class Shared:
    """Limits, marks and counts that must hold on every node."""

    limiters: LimiterFactory
    marks: MarksFactory
    counters: CountersFactory
    # Where a long-poll client's events wait: (idle seconds) -> mailboxes.
    mailboxes: Callable[[float], Mailboxes]


def build_broker(
    settings: Settings, clock: Clock, rng: random.Random | None
) -> tuple[Broker, Shared]:
    """The in-process broker, or the Redis one when ``broker_url`` names Redis,
    with the limits, marks and counts that must hold on every node."""
    policy = settings.matchmaker_policy()
    if settings.broker_url.startswith("memory://"):
        memory = MemoryBroker(Matchmaker(policy, rng), clock)
        return memory, Shared(
            memory_limiters(clock),
            memory_marks(clock),
            memory_counters(clock),
            lambda idle: MemoryMailboxes(clock, idle_seconds=idle),
        )
    # Callers queue for a connection rather than fail when a burst of starts
    # asks more of Redis at once than the pool holds.
    pool = BlockingConnectionPool.from_url(
        settings.broker_url,
        max_connections=REDIS_CONNECTIONS,
        timeout=REDIS_TIMEOUT,
        socket_timeout=REDIS_TIMEOUT,
        socket_connect_timeout=REDIS_TIMEOUT,
        health_check_interval=10,
    )
    redis = Redis(connection_pool=pool)
    prefix = key_prefix(settings.redis_prefix)
    timing = NodeTiming(settings.node_heartbeat_seconds, settings.node_timeout_seconds)
    broker = RedisBroker(redis, clock, prefix=prefix, policy=policy, rng=rng, timing=timing)
    return broker, Shared(
        redis_limiters(redis, prefix, clock),
        redis_marks(redis, prefix, clock),
        redis_counters(redis, prefix, clock),
        lambda idle: RedisMailboxes(redis, prefix=prefix, idle_seconds=idle, node=broker.node),
    )


def build_services(
    settings: Settings,
    *,
    clock: Clock | None = None,
    rng: random.Random | None = None,
    analyser: Analyser | None = None,
) -> Services:
    clock = clock or SystemClock()
    secret = load_secret(settings)
    store = SQLStore(settings.database())
    metrics = Metrics()
    broker, shared = build_broker(settings, clock, rng)
    recorder = ChatRecorder(store, clock)

    policy = load_policy(settings.policy_file or None)
    hasher = IpHasher(store, clock, settings.ip_key_days * 86400)
    devices = DeviceService(secret, store, settings.sections(), clock)
    bans = BanService(store, hasher, clock)
    challenges = ChallengeService(
        secret,
        clock,
        maxnumber=settings.pow_maxnumber,
        used=shared.marks("pow-used", LIFETIME_SECONDS),
    )
    difficulty = Difficulty(
        challenges,
        shared.counters,
        max_doublings=settings.pow_max_doublings,
        address_solves=settings.pow_address_solves,
    )
    evidence = EvidenceService(
        store, Spool(settings.data_path() / "spool" / "evidence.jsonl"), clock
    )
    reports = ReportService(evidence, clock)
    actions = Actions(
        store,
        bans,
        clock,
        strike_days=policy.strike_days,
        claim_minutes=settings.claim_minutes,
        legal_hold_days=settings.legal_hold_days,
        counter=metrics.safety_actions,
    )
    sanctions = SafetyActions(policy, store, devices, actions, challenges, evidence, clock)
    semantic = build_semantic(settings, metrics, clock)
    safety = Safety(
        store=store,
        devices=devices,
        bans=bans,
        actions=sanctions,
        reports=reports,
        challenges=challenges,
        difficulty=difficulty,
        analyser=analyser or CachedAnalyser(TextAnalyser()),
        risk_factory=risk_factory(),
        origins=settings.origins(),
        trust_forwarded_for=settings.trust_forwarded_for,
        public_hosts=settings.public_hosts(),
        semantic=semantic,
    )

    def on_match(match: Match, chat: str) -> None:
        metrics.matches.inc()
        metrics.time_to_match.observe(match.waited_a)
        metrics.time_to_match.observe(match.waited_b)
        recorder.started(chat, bool(match.common_interests))

    broker.observe_matches(on_match)
    broker.observe_notices(lambda notice: chat.on_notice(notice))

    async def announce_ban(device: str | None) -> None:
        await broker.broadcast(Notice(BAN, device or ""))

    actions.on_ban(announce_ban)

    async def announce_trust(device: str) -> None:
        # Every node reads the device's state afresh (the section notice).
        devices.forget(device)
        await broker.broadcast(Notice(SECTION, device))

    actions.on_trust(announce_trust)

    async def waiting() -> float:
        return (await broker.counts()).waiting

    async def chats() -> float:
        return (await broker.counts()).chats

    async def online() -> float:
        return (await broker.counts()).online

    metrics.gauge("passerby_waiting_users", "Users waiting for a partner.", waiting)
    metrics.gauge("passerby_active_chats", "Chats in progress.", chats)
    metrics.gauge("passerby_online_users", "Users online (connected).", online)

    async def broker_up() -> float:
        return 1.0 if broker.healthy() else 0.0

    metrics.gauge("passerby_broker_up", "1 when this node reaches the broker.", broker_up)

    chat = ChatService(
        broker,
        recorder,
        metrics,
        clock,
        settings.session_limits(),
        safety,
        max_connections=settings.max_connections,
        device_starts=Rate(
            settings.rate_device_starts_per_minute / 60, settings.rate_device_starts_burst
        ),
        address_starts=Rate(
            settings.rate_address_starts_per_minute / 60, settings.rate_address_starts_burst
        ),
        per_address=settings.max_connections_per_address,
        per_device=settings.max_connections_per_device,
        connects=Rate(settings.rate_connections_per_minute / 60, settings.rate_connections_burst),
        limiters=shared.limiters,
        marks=shared.marks,
    )
    websocket = ChatEndpoint(chat, clock, heartbeat=settings.heartbeat_seconds)
    omegle = build_omegle(settings, chat, clock, shared) if settings.omegle_api else None

    async def band_changed(device: str) -> None:
        await actions.add_strike(Actor.rule("band-change"), device, "age_change", "band-change")

    async def declared(device: str) -> None:
        # Every node looks again at this device's open connections: those in
        # a section its band no longer allows leave it (at once, or when a
        # pending change falls due).
        await broker.broadcast(Notice(SECTION, device))

    entry = EntryApi(
        devices,
        bans,
        difficulty,
        evidence,
        clock,
        pow_at_entry=settings.pow_at_entry,
        trust_forwarded_for=settings.trust_forwarded_for,
        entry_rate=Rate(settings.rate_entries_per_minute / 60, settings.rate_entries_burst),
        on_band_change=band_changed,
        on_declared=declared,
        origins=settings.origins(),
        public_hosts=settings.public_hosts(),
        limiters=shared.limiters,
    )

    routes = Routes(
        broker, store, metrics, evidence, omegle.status_fields if omegle is not None else None
    )
    retention = RetentionJob(store, clock, settings)
    return Services(
        settings,
        clock,
        store,
        broker,
        recorder,
        metrics,
        chat,
        websocket,
        omegle,
        routes,
        entry,
        devices,
        bans,
        evidence,
        retention,
        actions,
        hasher,
        shared.limiters,
        semantic,
    )


def build_semantic(settings: Settings, metrics: Metrics, clock: Clock) -> SemanticTier | None:
    """The semantic tier and its queue gauge, unless an operator turned it off."""
    if not settings.semantic_enabled:
        return None
    tier = SemanticTier(
        TierSettings(
            batch_size=settings.semantic_batch_size,
            queue_bound=settings.semantic_queue_bound,
            flush_seconds=settings.semantic_flush_seconds,
            data_dir=str(settings.data_path()),
        ),
        metrics,
        clock,
    )

    async def depth() -> float:
        return float(tier.depth())

    metrics.gauge(
        "passerby_semantic_queue_depth", "Messages waiting for the semantic worker.", depth
    )

    async def heads() -> float:
        return float(tier.heads)

    metrics.gauge(
        "passerby_semantic_heads", "Learned heads the semantic worker loaded (0: none).", heads
    )
    return tier


def build_omegle(settings: Settings, chat: ChatService, clock: Clock, shared: Shared) -> OmegleApi:
    """The Omegle API door, over the same chat service as the WebSocket."""

    async def ended(session: OmegleSession) -> None:
        conn, session.conn = session.conn, None  # no cycle left for the collector
        if conn is not None:
            await chat.closed(conn)

    idle = settings.omegle_idle_seconds
    sessions = OmegleSessions(shared.mailboxes(idle), idle_seconds=idle, on_end=ended)
    sections = {settings.adult_section: settings.adult_section}
    if settings.teen_section_enabled and settings.omegle_teens:
        sections[settings.teen_section] = settings.teen_section
    api = OmegleApi(
        chat,
        sessions,
        clock,
        starts=shared.limiters(
            "omegle-starts",
            Rate(settings.rate_omegle_starts_per_minute / 60, settings.rate_omegle_starts_burst),
        ),
        poll_seconds=settings.omegle_poll_seconds,
        sections=sections,
        default_section=settings.adult_section,
    )
    sessions.mailboxes.on_command(api.run)
    return api


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    rng: random.Random | None = None,
    analyser: Analyser | None = None,
) -> web.Application:
    services = build_services(settings, clock=clock, rng=rng, analyser=analyser)
    app = web.Application(client_max_size=64 * 1024)
    app.on_response_prepare.append(security_headers_for(settings.trust_forwarded_for))
    app[SERVICES] = services
    app[ACTIONS_KEY] = services.actions
    add_console(
        app,
        store=services.store,
        actions=services.actions,
        hasher=services.hasher,
        clock=services.clock,
        settings=settings,
        metrics=services.metrics,
        login_limit=services.limiters(
            "console-logins",
            Rate(
                settings.console_address_logins_per_hour / 3600,
                settings.console_address_logins_per_hour,
            ),
        ),
        address_of=lambda request: client_address(request, settings.trust_forwarded_for),
    )
    add_routes(app, services.routes, services.websocket.handle)
    if services.omegle is not None:
        add_omegle_routes(app, services.omegle)
    app.router.add_get("/api/entry", services.entry.get_entry)
    app.router.add_post("/api/entry", services.entry.post_entry)
    app.router.add_post("/api/appeal", services.entry.post_appeal)

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        await services.store.migrate()
        await services.broker.start()
        await services.recorder.start()
        await services.evidence.start()
        await services.retention.start()
        await services.chat.start()
        if services.semantic is not None:
            await services.semantic.start()
        await services.websocket.start()
        if services.omegle is not None:
            await services.omegle.sessions.start()
        yield
        if services.omegle is not None:
            await services.omegle.sessions.close()
        await services.websocket.close()
        if services.semantic is not None:
            await services.semantic.close()
        await services.chat.close()
        await services.retention.close()
        await services.evidence.close()
        await services.recorder.close()
        await services.broker.close()
        await services.store.close()

    async def on_shutdown(app: web.Application) -> None:
        services.routes.shutting_down = True
        await services.websocket.close_all()

    app.cleanup_ctx.append(lifecycle)
    app.on_shutdown.append(on_shutdown)
    return app


__all__ = [
    "ACTIONS_KEY",
    "SERVICES",
    "Path",
    "Services",
    "build_services",
    "create_app",
    "load_secret",
]
