"""The chat service: everything a connection does besides moving bytes.

One :class:`ChatService` per server, shared by every door (the WebSocket,
the Omegle API). It admits connections (limits per address and device,
bans at connect), builds their sessions (age section, moderator, owed
challenges), runs their commands (with a bounded share of the event loop
each), and keeps what spans connections: device presence, start limits and
proof-of-work debts, ban and band-change notices from every node, and the
sweep of old transcripts. A door never re-implements any of this; it only
turns its wire format into commands and typed messages back (see
:class:`~passerby.service.connection.Door`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import secrets
import time
import weakref
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from passerby import __version__
from passerby.clock import Clock
from passerby.cluster.broker import BAN, MISSED, SECTION, Broker, Notice, PeerInfo
from passerby.cluster.limits import LimiterFactory, MarksFactory, memory_limiters, memory_marks
from passerby.core import messages as m
from passerby.core import protocol as p
from passerby.core.ratelimit import KeyedLimiter, Rate
from passerby.core.session import ChatSession, Deliver, SessionLimits
from passerby.errors import ProtocolError
from passerby.metrics import Metrics
from passerby.periodic import Periodic, in_turns
from passerby.safety.actions import SafetyActions
from passerby.safety.bans import Ban, BanService
from passerby.safety.challenge import ChallengeService, Difficulty
from passerby.safety.devices import DeviceService, DeviceState
from passerby.safety.moderation import (
    FLOOD_WINDOW,
    Analyser,
    ChatModerator,
    RiskFactory,
    StrikeBook,
)
from passerby.safety.reports import ReportService
from passerby.safety.risk import DeviceRisk
from passerby.safety.semantic.tier import SemanticTier, Tap
from passerby.service.connection import LOW_TRUST_SUFFIX, ChatConnection, Door
from passerby.storage.recorder import ChatRecorder

log = logging.getLogger(__name__)

# A person skips fast, but not forty times a minute for long.
DEVICE_STARTS = Rate(per_second=40 / 60, burst=20)
# Starts per address (IPv6: per /64) across its devices: a busy classroom
# behind one address stays under it; a farm of scripted devices does not.
ADDRESS_STARTS = Rate(per_second=120 / 60, burst=60)
# Reports per device: plenty for a bad evening, too few to flood the evidence.
REPORTS = Rate(per_second=10 / 3600, burst=5)
# A device owes a challenge until it solves one, or for a day.
CHALLENGE_DEBT_SECONDS = 86_400.0
SWEEP_SECONDS = 60.0
# How often devices with a band change falling due are looked at.
SECTION_CHECK_SECONDS = 5.0
# New connections per address (IPv6: /64) on one node: a household
# reconnecting after a network blip is well inside it; a client that opens a
# connection, floods it and opens the next one is not. A connection closed
# for flooding costs its address FLOOD_PENALTY connections' worth.
CONNECTS = Rate(per_second=120 / 60, burst=60)
FLOOD_PENALTY = 20
# Connections per address and per device on one node (settings override).
CONNECTIONS_PER_ADDRESS = 64
CONNECTIONS_PER_DEVICE = 8
MAX_USER_AGENT = 256


class BlockStore(Protocol):
    async def blocked_with(self, device: str) -> set[str]: ...


@dataclass
class Safety:
    """The safety services the chat service uses, built by the composition root."""

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
    # The semantic tier, when it is on (safety.semantic).
    semantic: SemanticTier | None = None


@dataclass(frozen=True, slots=True)
class Peer:
    """Who is at a door, as the door read it (cleaned at the edge)."""

    device: str
    address: str
    port: int
    user_agent: str
    # For a peer with no device (an API client without a cookie): the
    # section it chats in, as its door decided. A device's own declaration
    # decides otherwise.
    section: str | None = None


def _base(section: str | None) -> str | None:
    """A section's name without the low-trust pool's suffix."""
    return section.split("/", 1)[0] if section else None


class ChatService:
    """The transport-agnostic chat handler; one per server."""

    def __init__(
        self,
        broker: Broker,
        recorder: ChatRecorder,
        metrics: Metrics,
        clock: Clock,
        limits: SessionLimits,
        safety: Safety,
        *,
        max_connections: int = 20_000,
        device_starts: Rate = DEVICE_STARTS,
        address_starts: Rate = ADDRESS_STARTS,
        per_address: int = CONNECTIONS_PER_ADDRESS,
        per_device: int = CONNECTIONS_PER_DEVICE,
        connects: Rate = CONNECTS,
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
        limiters = limiters or memory_limiters(clock)
        # Starts per device across all its connections (one bot, many sockets).
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
        # Node-local: opening connections is this node's cost to bound.
        self._connects = KeyedLimiter(connects)
        # Devices online here with a change of age band pending: when it falls due.
        self._band_due: dict[str, datetime] = {}
        # Measures the event-loop time a command costs (WorkBudget); not the
        # clock, which tests move by hand.
        self._timer = timer
        self._connections: weakref.WeakSet[ChatConnection] = weakref.WeakSet()
        self._rounds: set[asyncio.Task[None]] = set()  # ban and section checks under way
        # Transcripts of ended chats are kept only while they can be reported.
        self._sweeper = Periodic("transcript-sweep", SWEEP_SECONDS, self._sweep)
        self._sections = Periodic("band-changes", SECTION_CHECK_SECONDS, self._bands_due)

    # --- connections ----------------------------------------------------------

    def connect_wait(self, network: str) -> float:
        """Seconds before this address may open another connection here (0.0: now)."""
        return self._connects.take(network, self.clock.monotonic()) if network else 0.0

    def flooded(self, network: str) -> None:
        """A connection from ``network`` was closed for flooding: its next ones wait."""
        if network:
            now = self.clock.monotonic()
            for _ in range(FLOOD_PENALTY):
                self._connects.take(network, now)

    def full_for(self, network: str, device: str) -> str | None:
        """Why this node takes no more connections from here, or None."""
        if self.metrics.connections >= self._max_connections:
            return "server full"
        if network and self._per_network.get(network, 0) >= self._max_per_network:
            return "too many connections from your network"
        if device and self._online.get(device, 0) >= self._max_per_device:
            return "too many connections from this browser"
        return None

    async def open(self, door: Door, peer: Peer, network: str) -> ChatConnection | None:
        """Admit a connection: its device comes online, its session is built,
        it is welcomed, and a ban or an owed challenge is told at once.

        Returns None (the door has been closed) when the device's state
        cannot be read; otherwise the connection, which the door must hand
        back to :meth:`closed` when it ends (even if it was banned at once).
        """
        self._per_network[network] = self._per_network.get(network, 0) + 1
        device = peer.device
        try:
            await self._device_online(device)
        except Exception:
            log.exception("could not load a device at connect")
            self._leave_network(network)
            await door.close(m.Closing.INTERNAL)
            return None
        user = secrets.token_urlsafe(12)
        try:
            session, tap = await self._session_for(user, device, peer.section)
        except Exception:
            log.exception("could not read a device's state at connect")
            await self._device_offline(device)
            self._leave_network(network)
            await door.close(m.Closing.INTERNAL)
            return None
        info = PeerInfo(
            user=user,
            device=device,
            address=peer.address,
            port=peer.port,
            user_agent=peer.user_agent,
            connected_at=self.clock.wall(),
            section=session.section or "",
        )
        conn = ChatConnection(door, session, info, self)
        if tap is not None:
            tap.bind(conn)
        conn.network = network
        self.metrics.connections += 1
        self._connections.add(conn)
        self.broker.attach(user, conn, info)
        counts = await self.broker.counts()
        conn.send(m.Welcome(__version__, counts.online))
        ban = await self.ban_for(info)
        if ban is not None:
            await conn.banned(ban)
        elif session.challenge_pending:
            await conn.challenge()
        return conn

    async def command(
        self,
        conn: ChatConnection,
        command: p.ClientMessage | ProtocolError,
        now: float | None = None,
    ) -> float:
        """Run one command from the client; the seconds the door should wait
        before reading the next one (0.0: none), when this connection has
        used more than its share of the event loop. ``now`` is the clock's
        monotonic time, when the door has just read it."""
        clock = self.clock
        if now is None:
            now = clock.monotonic()
        timer = self._timer
        started = timer()
        effects = conn.session.on_command(command, now, clock.wall())
        pause = conn.work.spend(timer() - started, now)
        if len(effects) == 1 and type(effect := effects[0]) is Deliver:
            await self.broker.deliver(effect.to, effect.event)  # a chat line: the usual case
        else:
            await conn.run(effects)
        if pause:
            self.metrics.work_pauses.inc()
        return pause

    async def ping(self, conn: ChatConnection, payload: bytes) -> None:
        """A transport-level ping: counted as a frame, answered within the limit."""
        await conn.run(conn.session.on_ping(payload, self.clock.monotonic()))

    async def pong(self, conn: ChatConnection) -> None:
        await conn.run(conn.session.on_pong(self.clock.monotonic()))

    async def closed(self, conn: ChatConnection) -> None:
        """The door's connection has ended: leave the queue or the chat, and
        forget the connection."""
        self.metrics.connections -= 1
        try:
            await conn.run(conn.session.on_close(self.clock.wall()))
        except Exception:
            log.exception("error while closing a session")
        try:
            await self.broker.detach(conn.session.user)
        finally:
            self._connections.discard(conn)
            await self._device_offline(conn.info.device)
            self._leave_network(conn.network)

    def _leave_network(self, network: str) -> None:
        left = self._per_network.get(network, 1) - 1
        if left > 0:
            self._per_network[network] = left
        else:
            self._per_network.pop(network, None)

    async def close_all(self) -> None:
        """Tell every client the server is going away."""
        await asyncio.gather(
            *(
                conn.close(m.Closing.SHUTDOWN)
                for conn in list(self._connections)
                if conn.door.writable()
            ),
            return_exceptions=True,
        )

    async def _session_for(
        self, user: str, device: str, given: str | None
    ) -> tuple[ChatSession, Tap | None]:
        safety = self.safety
        section: str | None = None
        moderator = None
        tap = None
        if device:
            state = await safety.devices.state(device)
            self._note_band_due(state)
            if state.section is not None:
                section = state.section.name + (LOW_TRUST_SUFFIX if state.low_trust else "")
                if safety.semantic is not None:
                    tap = safety.semantic.tap(device, state.section.name)
                moderator = functools.partial(
                    ChatModerator,
                    safety.analyser,
                    safety.actions.policy,
                    state.section.name,
                    safety.actions.strikes_of(device),
                    safety.risk_factory,
                    flood_messages=self._flood_messages,
                    history=safety.actions.history_of(device),
                    semantic=tap,
                )
        elif given is not None:
            # No device: the rules still judge every message, with strikes
            # and risk that last as long as the connection (sanctions fall
            # on the address: see SafetyActions.apply).
            section = given
            if safety.semantic is not None:
                tap = safety.semantic.tap("", given)
            moderator = functools.partial(
                ChatModerator,
                safety.analyser,
                safety.actions.policy,
                given,
                StrikeBook(),
                safety.risk_factory,
                flood_messages=self._flood_messages,
                history=DeviceRisk(),
                semantic=tap,
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
        return session, tap

    # --- devices --------------------------------------------------------------

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

    # --- challenges -----------------------------------------------------------

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

    # --- bans and band changes, from any node ------------------------------------

    async def ban_for(self, info: PeerInfo) -> Ban | None:
        return await self.safety.bans.check(info.device or None, info.address or None)

    async def on_notice(self, notice: Notice) -> None:
        """News from the broker: a ban or a band change made on any node holds here at once.

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

    async def _enforce_bans(self, notice: Notice) -> None:
        every = notice.kind == MISSED or not notice.subject
        closing = []
        try:
            async for conn in in_turns(list(self._connections)):
                if not conn.door.writable() or not (every or conn.info.device == notice.subject):
                    continue
                ban = await self.ban_for(conn.info)
                if ban is not None:
                    closing.append(conn.banned(ban))
        except Exception:
            log.exception("could not check the connections against the bans")
        await asyncio.gather(*closing, return_exceptions=True)

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
            and conn.door.writable()
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

    # --- upkeep ----------------------------------------------------------------

    async def _sweep(self) -> None:
        wall = self.clock.wall()
        async for conn in in_turns(list(self._connections)):
            conn.forget_old(wall)

    def connections(self) -> list[ChatConnection]:
        return list(self._connections)

    async def start(self) -> None:
        self._sweeper.start()
        self._sections.start()

    async def close(self) -> None:
        rounds = list(self._rounds)
        for task in rounds:
            task.cancel()
        await asyncio.gather(*rounds, return_exceptions=True)
        await self._sweeper.close()
        await self._sections.close()
