"""The ``/ws`` endpoint: a thin adapter between a WebSocket and a ChatSession.

It reads frames, hands them to :class:`~passerby.core.session.ChatSession`
and carries out the effects in order. It never looks inside a frame itself,
never logs message text or addresses, and never lets one connection's
failure reach another: an unexpected error is logged and answered with
``internal``. Safety checks that need the database (bans, reports, cases)
happen here, through the safety services, never in the core.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import functools
import logging
import secrets
import time
import weakref
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from aiohttp import WSCloseCode, WSMsgType, web

from passerby import __version__
from passerby.clock import Clock
from passerby.cluster.broker import BAN, MISSED, SECTION, Broker, Notice, PeerInfo
from passerby.cluster.limits import LimiterFactory, MarksFactory, memory_limiters, memory_marks
from passerby.core import protocol as p
from passerby.core.events import Matched, PeerEvent, Relay
from passerby.core.ratelimit import Rate, WorkBudget
from passerby.core.session import (
    AskFallback,
    ChatOver,
    ChatSession,
    CheckSolution,
    Close,
    Deliver,
    Dequeue,
    Effect,
    Enqueue,
    FileReport,
    Moderated,
    Pong,
    Send,
    SessionLimits,
)
from passerby.errors import ClientError
from passerby.periodic import Periodic, in_turns
from passerby.safety.actions import SafetyActions
from passerby.safety.bans import Ban, BanService
from passerby.safety.challenge import ChallengeService, Difficulty
from passerby.safety.devices import COOKIE_NAME, DeviceService, DeviceState
from passerby.safety.iphash import network_of
from passerby.safety.moderation import FLOOD_WINDOW, Analyser, ChatModerator, RiskFactory
from passerby.safety.reports import EvidenceNotSaved, ReportService
from passerby.storage.recorder import ChatRecorder
from passerby.transport.metrics import Metrics
from passerby.transport.origin import (
    clean_text,
    client_address,
    client_port,
    cookie_value,
    host_allowed,
    origin_allowed,
)
from passerby.transport.outbox import PING, PONG, Outbox, Transport, bound_send_buffer

log = logging.getLogger(__name__)

_ERROR_PREFIX = '{"type":"error"'
REPORT_NOT_SAVED = p.error(
    "report_not_saved", "Your report could not be saved. Please try again.", "report"
)
SECTION_CHANGED = p.error(
    "section_changed",
    "Your age band changed, so you now chat in another section. Start again.",
)
_ENDED = frozenset({WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED})
# How long a close waits for the client's answer; a client that has gone
# silent must not hold up a shutdown for long.
CLOSE_TIMEOUT = 2.0
MAX_USER_AGENT = 256
LOW_TRUST_SUFFIX = "/low"
# A person skips fast, but not forty times a minute for long.
DEVICE_STARTS = Rate(per_second=40 / 60, burst=20)
# Starts per address (IPv6: per /64) across its devices: a busy classroom
# behind one address stays under it; a farm of scripted devices does not.
ADDRESS_STARTS = Rate(per_second=120 / 60, burst=60)
# Starts a solved challenge buys past the address limit.
STARTS_PER_SOLVE = 5
# Connections per address and per device on one node (settings override).
CONNECTIONS_PER_ADDRESS = 64
CONNECTIONS_PER_DEVICE = 8
# Event-loop time a connection may use: 5% of a core, half a second at once.
# A person's messages cost tens of microseconds each; only a sender of
# messages that are costly to check ever meets this.
WORK_SHARE = 0.05
WORK_BURST = 0.5
# How often devices with a band change falling due are looked at.
SECTION_CHECK_SECONDS = 5.0
# Close codes of our own (4000-4999 are the application's, RFC 6455 7.4.2).
CLOSE_SECTION_CHANGED = 4001
# Reports per device: plenty for a bad evening, too few to flood the evidence.
REPORTS = Rate(per_second=10 / 3600, burst=5)
# A device owes a challenge until it solves one, or for a day.
CHALLENGE_DEBT_SECONDS = 86_400.0
SWEEP_SECONDS = 60.0


class BlockStore(Protocol):
    async def blocked_with(self, device: str) -> set[str]: ...


@dataclass
class Safety:
    """The safety services the endpoint uses, built by the composition root."""

    store: BlockStore
    devices: DeviceService
    bans: BanService
    actions: SafetyActions
    reports: ReportService
    challenges: ChallengeService
    difficulty: Difficulty
    analyser: Analyser
    risk_factory: RiskFactory
    origins: frozenset[str]
    trust_forwarded_for: bool
    public_hosts: frozenset[str] = frozenset()


def _base(section: str | None) -> str | None:
    """A section's name without the low-trust pool's suffix."""
    return section.split("/", 1)[0] if section else None


def _valid_key(key: str) -> bool:
    """A Sec-WebSocket-Key: base64 of 16 bytes (RFC 6455, 4.1), 24 characters."""
    if len(key) != 24 or not key.isascii():
        return False
    try:
        return len(base64.b64decode(key, validate=True)) == 16
    except binascii.Error:
        return False


def _http_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=status)


class ChatConnection:
    """One open WebSocket; the broker's inbox for its user."""

    __slots__ = (
        "__weakref__",
        "_broker",
        "_endpoint",
        "_outbox",
        "busy",
        "info",
        "network",
        "partners",
        "passes",
        "pinged",
        "reported",
        "seen",
        "session",
        "transport",
        "work",
        "ws",
    )

    def __init__(
        self,
        ws: web.WebSocketResponse,
        session: ChatSession,
        info: PeerInfo,
        endpoint: ChatEndpoint,
        transport: Transport,
    ) -> None:
        self.ws = ws
        self.transport = transport
        self._outbox = endpoint.outbox
        self.session = session
        self.info = info
        self._endpoint = endpoint
        self._broker = endpoint.broker
        # The other side of the current and the previous chat, for evidence.
        self.partners: dict[str, PeerInfo] = {}
        self.reported: dict[str, str] = {}  # chat -> report id
        # Liveness (monotonic): the last frame from the client, and our last
        # ping while it was silent (0.0: none).
        self.seen = endpoint.clock.monotonic()
        self.pinged = 0.0
        self.busy = False  # handling a frame (it may wait on the database)
        self.network = network_of(info.address) if info.address else ""
        # Starts a solved challenge bought past the address's start limit.
        self.passes = 0
        self.work = WorkBudget(WORK_SHARE, WORK_BURST, self.seen)

    async def deliver(self, event: PeerEvent) -> None:
        endpoint = self._endpoint
        # A socket that is closing takes no more frames: a message for it goes
        # back to its sender rather than vanish.
        effects = self.session.on_event(event, endpoint.clock.wall(), self.writable())
        if type(event) is Relay:
            if effects and type(effects[0]) is Send:
                endpoint.metrics.messages_relayed.inc()
        elif type(event) is Matched and self.session.chat == event.chat:
            await self._remember_partner(event.chat, event.partner)
        await self.run(effects)

    async def _remember_partner(self, chat: str, partner: str) -> None:
        info = await self._broker.whois(partner)
        if info is not None:
            last = self.session.last.chat if self.session.last else None
            self.partners = {k: v for k, v in self.partners.items() if k == last}
            self.partners[chat] = info

    async def run(self, effects: list[Effect]) -> None:
        broker = self._broker
        user = self.session.user
        for effect in effects:
            match effect:
                case Send(frame):
                    self.send(frame)
                case Deliver(to, event):
                    await broker.deliver(to, event)
                case Enqueue(ticket, frame, ref):
                    if await self._may_enqueue(ref):
                        self.send(frame)
                        await broker.enqueue(ticket)
                case Dequeue():
                    await broker.dequeue(user)
                case AskFallback():
                    await broker.stop_interests(user)
                case ChatOver(chat, reason):
                    await broker.end_chat(chat)
                    self._endpoint.recorder.ended(chat, reason)
                case Close(code, reason):
                    await self.close(code, reason)
                case Pong(payload):
                    if not self.ws.closed:
                        self._outbox.control(self, PONG, payload)
                case Moderated():
                    try:
                        await self._sanction(effect)
                    except Exception:  # the chat has already ended; keep serving
                        log.exception("could not carry out a moderation decision")
                case FileReport():
                    await self._report(effect)
                case CheckSolution(payload):
                    ok = self._endpoint.safety.challenges.verify(payload)
                    if ok:
                        await self._endpoint.challenge_solved(self.info.device, self.network)
                        self.passes = STARTS_PER_SOLVE
                    await self.run(self.session.challenge_result(ok))

    def forget_old(self, wall: float) -> None:
        session = self.session
        session.forget_old(wall)
        if not self.partners and not self.reported:
            return  # most connections, most of the time
        keep = {r.chat for r in (session.current, session.last) if r is not None}
        self.partners = {chat: info for chat, info in self.partners.items() if chat in keep}
        self.reported = {chat: rid for chat, rid in self.reported.items() if chat in keep}

    async def _may_enqueue(self, ref: str) -> bool:
        """Bans hold at every start; a device starting too fast must prove it is a person."""
        endpoint = self._endpoint
        ban = await endpoint.ban_for(self.info)
        if ban is not None:
            self.session.abort_start()
            await self.banned(ban)
            return False
        device = self.info.device
        too_many = bool(device) and bool(await endpoint.device_starts.take(device))
        if not too_many and self.network and await endpoint.address_starts.take(self.network):
            # The address as a whole starts too fast: each start past its
            # limit costs a challenge (a solve buys a few).
            if self.passes > 0:
                self.passes -= 1
            else:
                too_many = True
        if too_many:
            self.session.abort_start()
            await self.challenge()
            self.send(
                p.error("challenge_required", "Too many new chats: solve the challenge first.", ref)
            )
            return False
        return True

    async def _sanction(self, effect: Moderated) -> None:
        safety = self._endpoint.safety
        them = self.partners.get(effect.record.chat)
        sanctions = await safety.actions.apply(effect.verdict, effect.record, self.info, them)
        if sanctions.low_trust and self.session.section:
            base = self.session.section.split("/", 1)[0]
            self.session.section = base + LOW_TRUST_SUFFIX
        if sanctions.challenge is not None:
            await self.challenge(sanctions.challenge)
        if sanctions.ban is not None:
            await self.banned(sanctions.ban)

    async def _report(self, effect: FileReport) -> None:
        endpoint = self._endpoint
        safety = endpoint.safety
        record = effect.record
        earlier = self.reported.get(record.chat)
        if earlier is not None:  # one chat, one report: the same answer again
            self.send(p.encode({"type": "report_received", "report": earlier}))
            return
        key = self.info.device or self.info.address
        wait = await endpoint.report_limit.take(key)
        if wait:
            self.send(p.error("rate_limited", "Too many reports; try later.", "report", wait))
            return
        them = self.partners.get(record.chat)
        try:
            report_id = await safety.reports.report(
                reason=effect.reason,
                comment=effect.comment,
                record=record,
                reporter=self.info,
                reported=them,
            )
        except EvidenceNotSaved:
            self.send(REPORT_NOT_SAVED)
            return
        self.reported[record.chat] = report_id
        if them is not None and them.device and self.info.device:
            await self._broker.block(self.info.device, them.device)
        self.send(p.encode({"type": "report_received", "report": report_id}))

    async def challenge(self, challenge: dict[str, object] | None = None) -> None:
        """Ask for proof of work; it holds for the device, across reconnects.
        (A connection that starts with one pending owed it already.)"""
        endpoint = self._endpoint
        if not self.session.challenge_pending:
            await endpoint.challenge_needed(self.info.device)
        self.session.require_challenge()
        if challenge is None:
            challenge = await endpoint.safety.difficulty.issue(self.info.device, self.network)
        self.send(p.encode({"type": "challenge", **challenge}))

    async def banned(self, ban: Ban) -> None:
        if self.session.closed:  # told already (a ban notice may arrive twice)
            return
        self.send(p.encode({"type": "banned", **ban.as_json()}))
        await self.run(self.session.on_close(self._endpoint.clock.wall()))
        await self.close(WSCloseCode.POLICY_VIOLATION, "banned")

    def send(self, frame: str) -> None:
        """Queue a frame for our client; it leaves at the end of this loop turn."""
        if frame.startswith(_ERROR_PREFIX):
            self._endpoint.metrics.protocol_errors.inc()
        if not self.ws.closed:
            self._outbox.send(self, frame)

    def writable(self) -> bool:
        """False once the connection is closing, whether we or the client began
        it, or the socket is gone and its reader has not noticed yet."""
        return not self.ws.closed and not self.transport.is_closing()

    async def section_changed(self, wall: float) -> None:
        """The device's age band moved it to another section: this connection
        may no longer wait or chat where it is. Say so, leave the queue or
        the chat, and close; the client reconnects into its new section."""
        if self.session.closed:
            return
        self.send(SECTION_CHANGED)
        await self.run(self.session.on_close(wall))
        await self.close(CLOSE_SECTION_CHANGED, "section changed")

    def ping(self) -> None:
        """A liveness ping, under the same cap on unread output as everything else."""
        self._outbox.control(self, PING)

    async def close(self, code: int, reason: str) -> None:
        """Send what is queued, then close with ``code``."""
        self._outbox.flush_one(self)
        await self.ws.close(code=code, message=reason.encode())

    def drop(self) -> None:
        """End a connection whose client has gone silent: no close handshake,
        which it would not answer."""
        self.transport.abort()


class ChatEndpoint:
    """The aiohttp handler for ``/ws``; one per server."""

    def __init__(
        self,
        broker: Broker,
        recorder: ChatRecorder,
        metrics: Metrics,
        clock: Clock,
        limits: SessionLimits,
        safety: Safety,
        *,
        max_connections: int,
        heartbeat: float,
        device_starts: Rate = DEVICE_STARTS,
        address_starts: Rate = ADDRESS_STARTS,
        per_address: int = CONNECTIONS_PER_ADDRESS,
        per_device: int = CONNECTIONS_PER_DEVICE,
        limiters: LimiterFactory | None = None,
        marks: MarksFactory | None = None,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.broker = broker
        self.recorder = recorder
        self.metrics = metrics
        self.clock = clock
        self.safety = safety
        self._limits = limits
        # Half the sustained message rate over the flood window: a person who
        # keeps typing at half the hard limit for ten seconds is flooding.
        self._flood_messages = max(10, int(limits.messages.per_second * FLOOD_WINDOW / 2))
        self._max_connections = max_connections
        self._heartbeat = heartbeat or None
        # Starts per device across all its connections (one bot, many sockets).
        limiters = limiters or memory_limiters(clock)
        self.device_starts = limiters("device-starts", device_starts)
        self.address_starts = limiters("address-starts", address_starts)
        self.report_limit = limiters("reports", REPORTS)
        # Devices that owe a challenge, on every node: reconnecting elsewhere
        # does not clear the debt.
        marks = marks or memory_marks(clock)
        self._challenged = marks("challenged", CHALLENGE_DEBT_SECONDS)
        self._online: dict[str, int] = {}  # device -> its connections on this node
        # Connections per address (IPv6: /64) on this node, and their caps.
        self._per_network: dict[str, int] = {}
        self._max_per_network = per_address
        self._max_per_device = per_device
        # Devices online here with a change of age band pending: when it falls due.
        self._band_due: dict[str, datetime] = {}
        # Measures the event-loop time a frame costs (WorkBudget); not the
        # clock, which tests move by hand.
        self._timer = timer
        self._connections: weakref.WeakSet[ChatConnection] = weakref.WeakSet()
        self.outbox = Outbox()
        self._rounds: set[asyncio.Task[None]] = set()  # ban checks under way
        # Transcripts of ended chats are kept only while they can be reported.
        self._sweeper = Periodic("transcript-sweep", SWEEP_SECONDS, self._sweep)
        # Silent clients are pinged, and dropped when the ping goes unanswered.
        # One loop for all connections rather than a timer per connection
        # reset by every frame.
        self._liveness = (
            Periodic("liveness", self._heartbeat / 2, self._check_liveness)
            if self._heartbeat
            else None
        )
        self._sections = Periodic("band-changes", SECTION_CHECK_SECONDS, self._bands_due)

    async def challenge_needed(self, device: str) -> None:
        if device:
            await self._challenged.add(device)

    async def challenge_owed(self, device: str) -> bool:
        return bool(device) and await self._challenged.contains(device)

    async def challenge_solved(self, device: str, network: str) -> None:
        """A solved challenge clears the debt and gives back the start
        allowance; the next challenge of this device and address costs more."""
        await self.safety.difficulty.solved(device, network)
        if device:
            await self._challenged.discard(device)
            await self.device_starts.reset(device)

    async def on_notice(self, notice: Notice) -> None:
        """News from the broker: a ban made on any node holds here at once.

        A ban on a device is checked on that device's connections; a ban on
        an address, or news that may have been missed while this node could
        not hear the others, on every connection.
        """
        if notice.kind == SECTION:
            self._in_task(self._check_section(notice.subject), "passerby-section-round")
            return
        if notice.kind not in (BAN, MISSED):
            return
        self.safety.bans.forget()
        # In a task of its own: the broker's reader (or the ban that told us)
        # must not wait while banned clients take their time to close.
        self._in_task(self._enforce_bans(notice), "passerby-ban-round")
        if notice.kind == MISSED:  # a band change may have been missed too
            for device in list(self._online):
                self._in_task(self._check_section(device), "passerby-section-round")

    def _in_task(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(work, name=name)
        self._rounds.add(task)
        task.add_done_callback(self._rounds.discard)

    async def _check_section(self, device: str) -> None:
        """Read the device's state afresh; its connections here that are in
        another section than its band now says leave it."""
        if device not in self._online:
            return
        devices = self.safety.devices
        try:
            devices.forget(device)
            state = await devices.state(device)
        except Exception:
            log.exception("could not read a device's state after a band change")
            return
        self._note_band_due(state)
        section = state.section.name if state.section else None
        wall = self.clock.wall()
        moving = [
            conn
            for conn in list(self._connections)
            if conn.info.device == device
            and not conn.ws.closed
            and _base(conn.session.section) != section
        ]
        await asyncio.gather(*(conn.section_changed(wall) for conn in moving))

    def _note_band_due(self, state: DeviceState) -> None:
        declaration = state.declaration
        if declaration is not None and declaration.pending_until is not None:
            self._band_due[state.hash] = declaration.pending_until
        else:
            self._band_due.pop(state.hash, None)

    async def _bands_due(self) -> None:
        """Pending band changes that fell due take effect on this node's connections."""
        now = datetime.fromtimestamp(self.clock.wall(), UTC)
        due = [device for device, at in self._band_due.items() if at <= now]
        for device in due:
            self._band_due.pop(device, None)
            await self._check_section(device)

    async def _enforce_bans(self, notice: Notice) -> None:
        every = notice.kind == MISSED or not notice.subject
        closing = []
        try:
            async for conn in in_turns(list(self._connections)):
                if conn.ws.closed or not (every or conn.info.device == notice.subject):
                    continue
                ban = await self.ban_for(conn.info)
                if ban is not None:
                    closing.append(conn.banned(ban))
        except Exception:
            log.exception("could not check the connections against the bans")
        await asyncio.gather(*closing, return_exceptions=True)

    async def start(self) -> None:
        self._sweeper.start()
        self._sections.start()
        if self._liveness is not None:
            self._liveness.start()

    async def close(self) -> None:
        rounds = list(self._rounds)
        for task in rounds:
            task.cancel()
        await asyncio.gather(*rounds, return_exceptions=True)
        await self._sweeper.close()
        await self._sections.close()
        if self._liveness is not None:
            await self._liveness.close()

    async def _check_liveness(self) -> None:
        """Ping the clients silent for a heartbeat; drop those that stayed
        silent for half a heartbeat after their ping."""
        heartbeat = self._heartbeat or 0.0
        monotonic = self.clock.monotonic
        async for conn in in_turns(list(self._connections)):
            now = monotonic()  # a round is spread over many turns of the loop
            if conn.ws.closed or conn.busy or now - conn.seen < heartbeat:
                continue  # a frame still being handled may hide the client's pong
            if conn.pinged > conn.seen:  # asked already, no frame since
                if now - conn.pinged >= heartbeat / 2:
                    conn.drop()
                continue
            conn.pinged = now
            conn.ping()  # through the outbox: a client that reads nothing is dropped

    async def _sweep(self) -> None:
        wall = self.clock.wall()
        async for conn in in_turns(list(self._connections)):
            conn.forget_old(wall)

    async def _device_online(self, device: str) -> None:
        if not device:
            return
        if device not in self._online:
            fresh = self.safety.devices.is_fresh(device)
            await self.safety.actions.load(device)
            if not fresh:  # a device minted here and never away has no blocks yet
                for other in await self.safety.store.blocked_with(device):
                    await self.broker.block(device, other)
        self._online[device] = self._online.get(device, 0) + 1

    async def _device_offline(self, device: str) -> None:
        count = self._online.get(device, 0) - 1
        if count > 0:
            self._online[device] = count
            return
        self._online.pop(device, None)
        if device:
            await self.safety.actions.release(device)
            await self.broker.release(device)

    async def ban_for(self, info: PeerInfo) -> Ban | None:
        return await self.safety.bans.check(info.device or None, info.address or None)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        safety = self.safety
        refused = self._refuse_before_upgrade(request)
        if refused is not None:
            return refused
        try:
            cookie = cookie_value(request, COOKIE_NAME)
        except ClientError as exc:
            return _http_error(400, exc.code, exc.message)
        ws = web.WebSocketResponse(
            protocols=(p.SUBPROTOCOL,),
            autoping=False,  # pings are answered, and pongs seen, in _serve
            max_msg_size=p.HARD_FRAME_BYTES,
            compress=False,  # a deflate context costs far more memory than a chat line saves
            timeout=CLOSE_TIMEOUT,
        )
        await ws.prepare(request)
        device = safety.devices.hash_of_cookie(cookie) or ""
        network = network_of(client_address(request, safety.trust_forwarded_for))
        full = self._full_for(network, device)
        if full is not None:
            self.metrics.refused_connections.inc()
            await ws.close(code=WSCloseCode.TRY_AGAIN_LATER, message=full.encode())
            return ws
        if request.transport is not None:
            bound_send_buffer(request.transport)
        self._per_network[network] = self._per_network.get(network, 0) + 1
        try:
            try:
                await self._device_online(device)
            except Exception:
                log.exception("could not load a device at connect")
                await ws.close(code=WSCloseCode.INTERNAL_ERROR, message=b"try again soon")
                return ws
            try:
                await self._serve(request, ws, device)
            finally:
                await self._device_offline(device)
        finally:
            left = self._per_network.get(network, 1) - 1
            if left > 0:
                self._per_network[network] = left
            else:
                self._per_network.pop(network, None)
        return ws

    def _refuse_before_upgrade(self, request: web.Request) -> web.Response | None:
        """An HTTP error for a handshake that is not ours to accept, or None."""
        safety = self.safety
        if not host_allowed(request, safety.public_hosts):
            return _http_error(421, "bad_host", "This server does not answer for that host.")
        if not origin_allowed(request, safety.origins):
            return _http_error(403, "bad_origin", "This page may not open a chat.")
        key = request.headers.get("Sec-WebSocket-Key", "")
        if not _valid_key(key):
            # aiohttp would answer a key that is not ASCII with a traceback in
            # the log and a 500; it is the client's mistake, and a 400.
            return _http_error(400, "bad_handshake", "Not a valid WebSocket handshake.")
        return None

    def _full_for(self, network: str, device: str) -> str | None:
        """Why this node takes no more connections from here, or None."""
        if self.metrics.connections >= self._max_connections:
            return "server full"
        if network and self._per_network.get(network, 0) >= self._max_per_network:
            return "too many connections from your network"
        if device and self._online.get(device, 0) >= self._max_per_device:
            return "too many connections from this browser"
        return None

    async def _session_for(self, user: str, device: str) -> ChatSession:
        safety = self.safety
        section: str | None = None
        moderator = None
        if device:
            state = await safety.devices.state(device)
            self._note_band_due(state)
            if state.section is not None:
                section = state.section.name + (LOW_TRUST_SUFFIX if state.low_trust else "")
                moderator = functools.partial(
                    ChatModerator,
                    safety.analyser,
                    safety.actions.policy,
                    state.section.name,
                    safety.actions.strikes_of(device),
                    safety.risk_factory,
                    flood_messages=self._flood_messages,
                    history=safety.actions.history_of(device),
                )
        session = ChatSession(
            user,
            self.clock.monotonic(),
            self._limits,
            identity=device,
            section=section,
            moderator=moderator,
        )
        if await self.challenge_owed(device):
            session.require_challenge()
        return session

    async def _serve(self, request: web.Request, ws: web.WebSocketResponse, device: str) -> None:
        clock = self.clock
        timer = self._timer
        user = secrets.token_urlsafe(12)
        try:
            session = await self._session_for(user, device)
        except Exception:
            log.exception("could not read a device's state at connect")
            await ws.close(code=WSCloseCode.INTERNAL_ERROR, message=b"try again soon")
            return
        info = PeerInfo(
            user=user,
            device=device,
            address=client_address(request, self.safety.trust_forwarded_for),
            port=client_port(request),
            user_agent=clean_text(request.headers.get("User-Agent"), MAX_USER_AGENT),
            connected_at=clock.wall(),
            section=session.section or "",
        )
        transport = request.transport
        if transport is None:  # the client left during the handshake
            return
        conn = ChatConnection(ws, session, info, self, transport)
        self.metrics.connections += 1
        self._connections.add(conn)
        self.broker.attach(user, conn, info)
        try:
            counts = await self.broker.counts()
            conn.send(p.welcome(__version__, counts.online))
            ban = await self.ban_for(info)
            if ban is not None:
                await conn.banned(ban)
                return
            if session.challenge_pending:
                await conn.challenge()
            receive = ws.receive
            while True:  # as ``async for msg in ws``, one coroutine fewer per frame
                msg = await receive()
                kind = msg.type
                if kind in _ENDED:
                    break
                now = conn.seen = clock.monotonic()
                conn.busy = True
                try:
                    if kind is WSMsgType.TEXT:
                        started = timer()
                        effects = session.on_frame(msg.data, now, clock.wall())
                        pause = conn.work.spend(timer() - started, now)
                        await conn.run(effects)
                        if pause:
                            # This sender's messages cost the loop more than
                            # its share: its next frames wait in its socket.
                            self.metrics.work_pauses.inc()
                            await asyncio.sleep(pause)
                    elif kind is WSMsgType.BINARY:
                        await conn.run(session.on_binary(now))
                    elif kind is WSMsgType.PING:
                        await conn.run(session.on_ping(msg.data, now))
                    elif kind is WSMsgType.PONG:
                        await conn.run(session.on_pong(now))
                except Exception:
                    log.exception("error while handling a frame")
                    conn.send(p.INTERNAL)
                finally:
                    conn.busy = False
        except ConnectionResetError:
            pass
        except Exception:
            log.exception("error while serving a connection")
        finally:
            self.metrics.connections -= 1
            try:
                await conn.run(session.on_close(clock.wall()))
            except Exception:
                log.exception("error while closing a session")
            await self.broker.detach(user)

    async def close_all(self) -> None:
        """Tell every client the server is going away (close code 1001)."""
        await asyncio.gather(
            *(
                conn.close(WSCloseCode.GOING_AWAY, "server shutting down")
                for conn in list(self._connections)
                if not conn.ws.closed
            ),
            return_exceptions=True,
        )
