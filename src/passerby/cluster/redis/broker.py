"""The Redis broker: many nodes, one matchmaker, events routed node to node.

Every node has an id and listens on its own channel. When two users are
paired, each side learns which node holds the other (a :class:`Seat`), and
from then on their events are published to that node's channel only, never
broadcast. Events for users on the same node never touch Redis.

Order and once-only delivery: one writer task publishes everything this node
sends, in the order it was handed over, through one pipeline at a time; Redis
delivers a channel's messages in publication order; one listener task hands
them to the local users in that order.

Failure:

* every node writes ``alive:<node>`` with a time-to-live each heartbeat; a
  node that sees another's key gone tells its own users who were chatting
  with that node "Stranger has disconnected", and takes the dead node's
  waiting users out of the pools. The bound is ``timeout + heartbeat``
  seconds (4 s by default);
* when Redis cannot be reached, the node ends its chats that cross nodes at
  once (their partner cannot be reached either), keeps the tickets of its
  waiting users, and joins them to the pools again as soon as Redis answers.
  Chats between two users of the same node go on undisturbed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import secrets
from dataclasses import dataclass, field
from typing import Any

import orjson
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from passerby.clock import Clock
from passerby.cluster.broker import (
    MISSED,
    Counts,
    Inbox,
    MatchObserver,
    Notice,
    NoticeObserver,
    PeerInfo,
)
from passerby.cluster.codec import (
    FrameError,
    decode_frame,
    decode_info,
    encode_frame,
    encode_info,
)
from passerby.cluster.redis.matchmaker import (
    BATCH_SECONDS,
    Placement,
    RedisMatchmaker,
    Seat,
    Taken,
)
from passerby.core.events import (
    FellBack,
    Matched,
    PartnerLeft,
    PeerEvent,
    Relay,
    Undelivered,
)
from passerby.core.matchmaker import Fallback, Match, MatchmakerPolicy, Ticket
from passerby.periodic import Periodic

log = logging.getLogger(__name__)

# Redis cannot be reached (or did not answer in time). A script error is not
# one of these: it is a bug, and is raised and logged like any other.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError, asyncio.TimeoutError)
# Notices kept for another try while Redis cannot take them.
MAX_UNSENT = 1_000
TICK_SECONDS = 0.25
COUNTS_SECONDS = 1.0
LISTEN_BACKOFF_MAX = 2.0
LISTEN_POLL = 0.2
CLOSE_SECONDS = 1.0
# The names a wait had (a new one each time Redis said it was paired already
# and its news did not come): a match under any of them is taken.
WAIT_NAMES = 8


@dataclass(frozen=True, slots=True)
class NodeTiming:
    heartbeat: float = 1.0  # seconds between heartbeats
    timeout: float = 3.0  # a node silent this long is dead

    def __post_init__(self) -> None:
        if not 0 < self.heartbeat < self.timeout:
            raise ValueError("the heartbeat must be shorter than the node timeout")


@dataclass(slots=True)
class _Peer:
    """A remote user chatting with a user of this node."""

    local: str
    chat: str
    seat: Seat


@dataclass(slots=True)
class _Wait:
    """A local user's wait, kept to join it again; its names in Redis, newest last."""

    ticket: Ticket
    names: list[str]

    @property
    def name(self) -> str:
        return self.names[-1]


@dataclass(slots=True)
class _Outgoing:
    channel: str
    data: bytes
    to: str
    event: PeerEvent
    extra: dict[str, Any] = field(default_factory=dict)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def key_prefix(name: str) -> str:
    """All of a deployment's keys share one hash tag: one Redis Cluster slot."""
    return "{" + name + "}:"


class RedisBroker:
    def __init__(
        self,
        redis: Redis,
        clock: Clock,
        *,
        prefix: str = "{passerby}:",
        policy: MatchmakerPolicy | None = None,
        rng: random.Random | None = None,
        node: str | None = None,
        timing: NodeTiming | None = None,
        tick_seconds: float = TICK_SECONDS,
        batch_seconds: float = BATCH_SECONDS,
    ) -> None:
        self.node = node or secrets.token_hex(6)
        self.matchmaker = RedisMatchmaker(redis, prefix, policy, rng, batch_seconds=batch_seconds)
        self._redis = redis
        self._clock = clock
        self._prefix = prefix
        self._timing = timing or NodeTiming()
        self._channel = prefix + "n:" + self.node
        self._control = prefix + "control"
        self._control_bytes = self._control.encode()
        self._inboxes: dict[str, Inbox] = {}
        self._infos: dict[str, PeerInfo] = {}
        self._waiting: dict[str, _Wait] = {}  # local users waiting, kept to rejoin
        self._stranded: set[str] = set()  # waiting users Redis may not know of
        self._peers: dict[str, _Peer] = {}  # remote user -> whom they chat with here
        self._peer_of: dict[str, str] = {}  # local user -> their remote partner
        self._local_chats: dict[str, set[str]] = {}  # chat -> its users on this node
        # Blocks asked for by this node's devices, told again to a Redis that forgot them.
        self._blocks: dict[str, set[str]] = {}
        self._observers: list[MatchObserver] = []
        self._notice_observers: list[NoticeObserver] = []
        self._outbox: list[_Outgoing] = []
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._subscribed = asyncio.Event()
        self._listened = False  # subscribed at least once
        self._resync = False  # the subscription dropped since the last heartbeat
        self._tasks: list[asyncio.Task[None]] = []
        self._told: set[asyncio.Task[None]] = set()  # observers told of missed news
        self._unsent: list[bytes] = []  # notices Redis could not take, oldest first
        self._started = False
        self._closing = False
        self._ticker = Periodic("matchmaker-tick", tick_seconds, self.tick)
        self._heart = Periodic("node-heartbeat", self._timing.heartbeat, self.heartbeat)
        self.reachable = False
        self._counts: tuple[float, Counts] | None = None

    # --- lifecycle --------------------------------------------------------

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._listen(), name="passerby-broker-listen"),
            asyncio.create_task(self._write(), name="passerby-broker-write"),
        ]
        try:
            await self.heartbeat()
            await asyncio.wait_for(self._subscribed.wait(), self._timing.timeout)
            if self.reachable:
                self._resync = False  # signed on and listening: nobody waits yet
        except (*UNREACHABLE, TimeoutError):
            log.warning("Redis is not reachable yet; node %s will keep trying", self.node)
        self._heart.start()
        self._ticker.start()
        self._started = True

    async def close(self, *, graceful: bool = True) -> None:
        """Stop. ``graceful=False`` leaves without a word, as a crashed node does."""
        await self._ticker.close()
        await self._heart.close()
        if graceful:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), self._timing.timeout)
        # The reader and the writer end by themselves (no cancelling a client
        # mid-read); bounded, and cancelled only if they do not.
        self._closing = True
        self._wake.set()
        _, stuck = await asyncio.wait(self._tasks, timeout=LISTEN_POLL + 2 * CLOSE_SECONDS)
        for task in stuck:
            task.cancel()
        self._tasks = []
        told = list(self._told)
        for task in told:
            task.cancel()
        await asyncio.gather(*told, return_exceptions=True)
        if graceful:
            try:
                await self._leave_cluster()
            except UNREACHABLE:
                log.warning("could not sign node %s off from Redis", self.node)
        await self.matchmaker.settle()
        await self._redis.aclose(close_connection_pool=True)

    async def _leave_cluster(self) -> None:
        for user in list(self._waiting):
            await self.matchmaker.leave(user, self._clock.wall())
        pipe = self._redis.pipeline(transaction=False)
        pipe.delete(self._prefix + "alive:" + self.node)
        pipe.srem(self._prefix + "nodes", self.node)
        pipe.hdel(self._prefix + "stats", self.node)
        await pipe.execute()

    # --- the Broker interface ---------------------------------------------

    def healthy(self) -> bool:
        return self.reachable and self._subscribed.is_set()

    def observe_matches(self, observer: MatchObserver) -> None:
        self._observers.append(observer)

    def observe_notices(self, observer: NoticeObserver) -> None:
        self._notice_observers.append(observer)

    def attach(self, user: str, inbox: Inbox, info: PeerInfo | None = None) -> None:
        self._inboxes[user] = inbox
        if info is not None:
            self._infos[user] = info

    async def whois(self, user: str) -> PeerInfo | None:
        info = self._infos.get(user)
        if info is not None:
            return info
        peer = self._peers.get(user)
        return peer.seat.info if peer is not None else None

    async def block(self, a: str, b: str) -> None:
        self._blocks.setdefault(a, set()).add(b)
        self._blocks.setdefault(b, set()).add(a)
        await self.matchmaker.block(a, b, self._clock.wall())

    async def release(self, identity: str) -> None:
        """Stop remembering ``identity``'s blocks here (Redis lets them expire)."""
        for other in self._blocks.pop(identity, ()):
            others = self._blocks.get(other)
            if others is not None:
                others.discard(identity)
                if not others:
                    del self._blocks[other]

    async def detach(self, user: str) -> None:
        self._inboxes.pop(user, None)
        self._infos.pop(user, None)
        self._stranded.discard(user)
        self._forget_peer(user)
        if self._waiting.pop(user, None) is not None:
            with contextlib.suppress(*UNREACHABLE):
                await self.matchmaker.leave(user, self._clock.wall())

    async def enqueue(self, ticket: Ticket) -> None:
        wait = self._waiting[ticket.user] = _Wait(ticket, [secrets.token_hex(6)])
        await self._join(wait)

    async def dequeue(self, user: str) -> None:
        self._stranded.discard(user)
        if self._waiting.pop(user, None) is not None:
            with contextlib.suppress(*UNREACHABLE):
                await self.matchmaker.leave(user, self._clock.wall())

    async def stop_interests(self, user: str) -> None:
        if user not in self._waiting:
            return
        try:
            placed = await self.matchmaker.stop_interests(user, self._clock.wall())
        except UNREACHABLE:
            return
        await self._announce(placed)

    async def deliver(self, to: str, event: PeerEvent) -> None:
        inbox = self._inboxes.get(to)
        if inbox is not None:
            await inbox.deliver(event)
            return
        peer = self._peers.get(to)
        if peer is not None:
            self._publish(peer.seat.node, to, event)
        else:
            await self._undeliverable(to, event, {})

    async def end_chat(self, chat: str) -> None:
        """The side that ends a chat says so; the other learns it from PartnerLeft."""
        for user in self._local_chats.pop(chat, ()):
            self._forget_peer(user, chat)

    def _forget_peer(self, user: str, chat: str | None = None) -> None:
        """Forget ``user``'s remote partner (only in ``chat``, when given)."""
        partner = self._peer_of.get(user)
        if partner is None:
            return
        peer = self._peers.get(partner)
        if chat is not None and peer is not None and peer.chat != chat:
            return
        del self._peer_of[user]
        if peer is not None and peer.local == user:  # the partner may chat here anew
            del self._peers[partner]

    def _side_left(self, user: str, chat: str) -> None:
        """``user`` of this node is no longer in ``chat``."""
        self._forget_peer(user, chat)
        users = self._local_chats.get(chat)
        if users is not None:
            users.discard(user)
            if not users:
                del self._local_chats[chat]

    def _sides(self) -> int:
        return sum(len(users) for users in self._local_chats.values())

    async def counts(self) -> Counts:
        now = self._clock.monotonic()
        if self._counts is not None and now - self._counts[0] < COUNTS_SECONDS:
            return self._counts[1]
        online, sides = len(self._inboxes), self._sides()
        waiting = len(self._waiting)
        try:
            stats = await self._redis.hgetall(self._prefix + "stats")
            for node, value in stats.items():
                if _text(node) != self.node:
                    other_online, other_sides, other_waiting = _text(value).split()
                    online += int(other_online)
                    sides += int(other_sides)
                    waiting += int(other_waiting)
        except UNREACHABLE:
            pass  # this node's own figures, until Redis answers again
        counts = Counts(online, waiting, sides // 2)
        self._counts = (now, counts)
        return counts

    async def broadcast(self, notice: Notice) -> None:
        await self._notify(notice)
        frame = orjson.dumps({"from": self.node, "kind": notice.kind, "subject": notice.subject})
        try:
            await self._redis.publish(self._control, frame)
        except UNREACHABLE:
            # Told again once Redis answers: the other nodes may never have
            # lost their own link, so nothing else would tell them.
            log.warning("could not tell the other nodes of a %s notice yet", notice.kind)
            self._unsent.append(frame)
            del self._unsent[:-MAX_UNSENT]

    # --- matchmaking ------------------------------------------------------

    async def tick(self) -> None:
        """Run the fallbacks that are due now (any node may run any user's)."""
        if self.reachable:
            await self._announce(await self.matchmaker.tick(self._clock.wall()))

    async def _join(self, wait: _Wait) -> None:
        ticket = wait.ticket
        if self._waiting.get(ticket.user) is not wait:
            return  # paired, gone or waiting anew meanwhile
        if not self._subscribed.is_set():
            # Our partner's news could not reach us: wait until we listen again.
            self._stranded.add(ticket.user)
            return
        info = encode_info(self._infos.get(ticket.user))
        # Cleared before the call: its outcomes (or those of the batch it
        # rides in, announced by whoever opened it) may strand the user again.
        self._stranded.discard(ticket.user)
        try:
            alive_ms = int(self._timing.timeout * 1000)
            placed = await self.matchmaker.join(
                ticket, self.node, info, self._clock.wall(), alive_ms, wait.name
            )
        except UNREACHABLE:
            self._stranded.add(ticket.user)  # joined again when Redis answers
            return
        await self._announce(placed)

    async def _announce(self, placed: list[Placement]) -> None:
        for placement in placed:
            outcome = placement.outcome
            if isinstance(outcome, Match):
                await self._pair(outcome, placement.seats)
            elif isinstance(outcome, Fallback):
                seat = placement.seats[outcome.user]
                await self._send(seat.node, outcome.user, FellBack(outcome.reason), {})
            elif isinstance(outcome, Taken):
                self._taken(outcome.user)

    def _taken(self, user: str) -> None:
        """Redis paired this wait already. The news is on its way, or was lost
        (we were not listening): if it has not come by the next heartbeat, the
        wait starts afresh under a new name."""
        wait = self._waiting.get(user)
        if wait is not None:
            wait.names.append(secrets.token_hex(6))
            del wait.names[:-WAIT_NAMES]
            self._stranded.add(user)

    async def _pair(self, match: Match, seats: dict[str, Seat]) -> None:
        chat = secrets.token_hex(12)
        for observer in self._observers:
            observer(match, chat)
        a, b = seats[match.a], seats[match.b]
        for user, seat, partner, other in ((match.a, a, match.b, b), (match.b, b, match.a, a)):
            event = Matched(chat, partner, match.common_interests)
            extra = {"pn": other.node, "pi": encode_info(other.info)}
            if seat.wait:
                extra["wt"] = seat.wait  # which of the user's waits was paired
            await self._send(seat.node, user, event, extra)

    # --- sending and receiving --------------------------------------------

    async def _send(self, node: str, to: str, event: PeerEvent, extra: dict[str, Any]) -> None:
        if node == self.node:
            await self._arrive(to, event, extra)
        else:
            self._publish(node, to, event, extra)

    def _publish(
        self, node: str, to: str, event: PeerEvent, extra: dict[str, Any] | None = None
    ) -> None:
        extra = extra or {}
        data = encode_frame(to, self.node, event, **extra)
        self._outbox.append(_Outgoing(self._prefix + "n:" + node, data, to, event, extra))
        self._idle.clear()
        self._wake.set()

    async def _write(self) -> None:
        """The one writer: publishes the outbox in order, a pipeline at a time."""
        while not self._closing:
            await self._wake.wait()
            self._wake.clear()
            while self._outbox:
                batch, self._outbox = self._outbox, []
                try:
                    pipe = self._redis.pipeline(transaction=False)
                    for item in batch:
                        pipe.publish(item.channel, item.data)
                    heard = await pipe.execute()
                except UNREACHABLE:
                    heard = [0] * len(batch)
                for item, listeners in zip(batch, heard, strict=True):
                    if not listeners:  # the node is gone: nobody heard it
                        await self._undeliverable(item.to, item.event, item.extra)
            self._idle.set()

    async def _listen(self) -> None:
        """The one reader of this node's channel; reconnects by itself.

        It polls (``LISTEN_POLL`` seconds at most) rather than blocking in a
        read, so that closing never has to cancel the client mid-read.
        """
        backoff = 0.05
        while not self._closing:
            pubsub = self._redis.pubsub()
            try:
                await pubsub.subscribe(self._channel, self._control)
                if self._listened:
                    # News sent while we were not listening is lost: waits
                    # that may have been matched meanwhile start afresh.
                    self._resync = True
                self._listened = True
                self._subscribed.set()
                backoff = 0.05
                while not self._closing:
                    message = await pubsub.get_message(
                        ignore_subscribe_messages=True, timeout=LISTEN_POLL
                    )
                    if message is None or message["type"] != "message":
                        continue
                    if message["channel"] == self._control_bytes:
                        await self._noticed(message["data"])
                    else:
                        await self._received(message["data"])
            except UNREACHABLE:
                self._subscribed.clear()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, LISTEN_BACKOFF_MAX)
            finally:
                with contextlib.suppress(*UNREACHABLE, TimeoutError):
                    await asyncio.wait_for(pubsub.aclose(), CLOSE_SECONDS)  # type: ignore[no-untyped-call, unused-ignore]

    async def _received(self, raw: bytes) -> None:
        try:
            to, sender_node, event, frame = decode_frame(raw)
        except FrameError:
            log.warning("dropped a frame this node cannot read")
            return
        try:
            await self._arrive(to, event, frame, sender_node)
        except Exception:
            log.exception("error while handling an event from node %s", sender_node)

    async def _noticed(self, raw: bytes) -> None:
        try:
            frame = orjson.loads(raw)
            notice, sender = Notice(str(frame["kind"]), str(frame["subject"])), frame["from"]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            log.warning("dropped a notice this node cannot read")
            return
        if sender != self.node:  # the sender acted on it before publishing
            await self._notify(notice)

    async def _arrive(
        self, to: str, event: PeerEvent, extra: dict[str, Any], sender_node: str | None = None
    ) -> None:
        """An event for a user of this node, from this node or another."""
        inbox = self._inboxes.get(to)
        if type(event) is Matched:
            partner_node = str(extra.get("pn") or self.node)
            wait, name = self._waiting.get(to), extra.get("wt")
            if inbox is None or wait is None or (name and name not in wait.names):
                # They left, or stopped this wait, before the news arrived: let
                # the partner go (and never touch the chat they may be in now).
                await self._send(partner_node, event.partner, PartnerLeft(event.chat), {})
                if wait is not None:
                    self._stranded.add(to)  # their wait may be gone from Redis: join it again
                return
            del self._waiting[to]
            if name and name != wait.name:
                # Paired under an older name while a newer one was joined (the
                # news was slow): that newer wait must not stay behind.
                with contextlib.suppress(*UNREACHABLE):
                    await self.matchmaker.leave(to, self._clock.wall(), retire=wait.name)
            self._stranded.discard(to)
            self._local_chats.setdefault(event.chat, set()).add(to)
            if partner_node != self.node:
                self._forget_peer(to)
                seat = Seat(partner_node, decode_info(extra.get("pi")))
                self._peers[event.partner] = _Peer(to, event.chat, seat)
                self._peer_of[to] = event.partner
        elif type(event) is PartnerLeft:
            self._side_left(to, event.chat)
        if inbox is not None:
            await inbox.deliver(event)
        elif sender_node is not None and sender_node != self.node and type(event) is Relay:
            self._publish(sender_node, event.sender, Undelivered(event.chat, event.id))

    async def _undeliverable(self, to: str, event: PeerEvent, extra: dict[str, Any]) -> None:
        """Nobody could take ``event``: tell whoever is waiting on it."""
        if type(event) is Relay:
            sender = self._inboxes.get(event.sender)
            if sender is not None:
                await sender.deliver(Undelivered(event.chat, event.id))
        elif type(event) is Matched:
            partner_node = str(extra.get("pn") or self.node)
            if partner_node == self.node:
                await self._arrive(event.partner, PartnerLeft(event.chat), {})

    def _tell_missed(self) -> None:
        """Notices sent while we were not listening are lost: say so, in a task
        of its own so that the heartbeat is not held up by what observers do.
        (Not while starting: nothing can have been missed before.)"""
        if not self._started:
            return
        task = asyncio.create_task(self._notify(Notice(MISSED, "")), name="passerby-missed-news")
        self._told.add(task)
        task.add_done_callback(self._told.discard)

    async def _notify(self, notice: Notice) -> None:
        for observer in self._notice_observers:
            try:
                await observer(notice)
            except Exception:
                log.exception("error while acting on a %s notice", notice.kind)

    # --- heartbeats and failure -------------------------------------------

    async def heartbeat(self) -> None:
        """Say this node lives; notice nodes that died and a Redis that forgot us."""
        prefix, timing = self._prefix, self._timing
        stats = f"{len(self._inboxes)} {self._sides()} {len(self._waiting)}"
        try:
            pipe = self._redis.pipeline(transaction=False)
            pipe.set(prefix + "alive:" + self.node, "1", px=int(timing.timeout * 1000))
            pipe.sadd(prefix + "nodes", self.node)
            pipe.hset(prefix + "stats", self.node, stats)
            pipe.smembers(prefix + "nodes")
            _, added, _, members = await pipe.execute()
            registered = {_text(m) for m in members}
            # Our partners' nodes too: another node may have buried one already.
            nodes = sorted(registered | {p.seat.node for p in self._peers.values()})
            alive = await self._redis.mget([prefix + "alive:" + n for n in nodes])
        except UNREACHABLE:
            if self.reachable:
                log.warning("Redis is unreachable; ending chats with other nodes")
                self.reachable = False
                await self._lost_redis()
            return
        if not self.reachable:
            log.info("node %s is connected to Redis", self.node)
            self.reachable = True
        while self._unsent:
            try:
                await self._redis.publish(self._control, self._unsent[0])
            except UNREACHABLE:
                break
            del self._unsent[0]
        # A first start, Redis lost our state (a restart, or we were buried),
        # or we missed news: every local wait starts again.
        if added:
            self._resync = True
        restart = self._resync and self._subscribed.is_set()
        if restart:
            self._resync = False
            self._tell_missed()
            self._stranded.update(self._waiting)
            for a, others in list(self._blocks.items()):
                for b in list(others):
                    if a < b:
                        await self.matchmaker.block(a, b, self._clock.wall())
        for wait in [self._waiting[u] for u in list(self._stranded) if u in self._waiting]:
            user = wait.ticket.user
            if self._waiting.get(user) is not wait:
                continue  # paired or gone while the ones before were joined
            if restart:  # Redis may hold half of a wait: start it afresh
                await self.matchmaker.leave(user, self._clock.wall())
                current = self._waiting.get(user)
                if current is not None and current is not wait:
                    self._stranded.add(user)  # a new wait meanwhile: that leave may have hit it
            await self._join(wait)
        dead = {n for n, flag in zip(nodes, alive, strict=True) if flag is None}
        if dead:
            await self._bury(dead & registered)
            await self._end_chats_with(dead)

    async def _bury(self, dead: set[str]) -> None:
        """Forget dead nodes and their waiting users (any node may)."""
        for node in dead:
            log.warning("node %s stopped heartbeating; releasing its users", node)
            await self.matchmaker.reap(node)
            pipe = self._redis.pipeline(transaction=False)
            pipe.srem(self._prefix + "nodes", node)
            pipe.hdel(self._prefix + "stats", node)
            await pipe.execute()

    async def _lost_redis(self) -> None:
        self._stranded.update(self._waiting)
        await self._end_chats_with(None)

    async def _end_chats_with(self, nodes: set[str] | None) -> None:
        """Tell users of this node chatting on ``nodes`` (None: any other) that it is over."""
        for partner, peer in list(self._peers.items()):
            if (nodes is None or peer.seat.node in nodes) and self._peers.get(partner) is peer:
                await self._arrive(peer.local, PartnerLeft(peer.chat), {})
