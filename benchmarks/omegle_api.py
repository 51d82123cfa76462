"""The classic Omegle API (docs/omegle-api.md) under load, beside the WebSocket.

It starts ``passerby serve`` as run.py does (run.py's ``start_server``:
pinned to core 0, the benchmark's open rate limits), plus the limits an API
client meets (``/start`` per address, connections per address) opened wide
and ``X-Forwarded-For`` trusted, so that every client comes from its own
made-up address. The clients run in a child process pinned to core 1, as
run.py runs loadgen.py. Three measures:

1. ``hold``: N API sessions are started (``/start?firstevents=1``, no
   topics: they pair with each other two by two, and each reads its
   ``connected``), then one ``/events`` long poll per session is held open,
   all at once, each on its own TCP connection. After the server has gone
   quiet it counts the polls still unanswered (the server answers ``[]``
   only after ``omegle_poll_seconds``), the server's open sockets and its
   resident memory (``VmRSS``) before the sessions, with the sessions idle
   and with their polls held. Then every session sends its partner one line
   (``/send``): each held poll must wake with its partner's ``gotMessage``,
   which shows that the server held all of them, not the kernel's queue.
   ``wsidle`` does the same count of memory for N idle, paired WebSocket
   connections on a fresh server (loadgen.py's clients).
2. ``chat``, round trip: pairs of an API client (``/start``, an ``/events``
   loop, ``/send``) and a WebSocket client that echoes every line, at a
   fixed offered rate (lines relayed per second, as loadgen.py counts them:
   half pings, half echoes), timed from the API ``/send`` to the echo's
   ``gotMessage``; beside it WebSocket pairs on the same server and on the
   bare relay at the same rate. The three are measured in short windows
   taken in turn, so that a change of the machine's speed touches each.
3. ``chat``, start to connected: many API clients start at once
   (``--inflight`` ``/start`` requests at a time), each polling until
   ``connected``; then as many WebSocket clients opening (as many
   handshakes at a time), starting on ``welcome`` and reading ``connected``
   (the API's ``/start`` opens the chat connection too), and as many
   WebSocket clients already open all starting (run.py's match rate); on
   Passerby and on the bare relay, in turn, for several rounds. Every
   WebSocket client is a freshly declared device's first connection, as
   loadgen.py's are. API clients have no device.

Speeds are reported as ratios to a reference measured in the same run (the
machine's speed changes by a factor of two from hour to hour); where rounds
alternate, as the median of each round's ratio. It measures; it flags with
"!" what looks wrong and asserts nothing.

Run: ``python benchmarks/omegle_api.py`` (about three minutes; ``--help``).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import gc
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
import orjson
import uvloop
from picows import WSTransport, ws_connect

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bare_relay import raise_nofile_limit  # noqa: E402
from loadgen import (  # noqa: E402
    CLK_TCK,
    START,
    TEXT,
    WARMUP_USERS,
    Client,
    Counters,
    CpuMeter,
    LoadGen,
    now_ns,
    read_core_ticks,
    read_cpu_seconds,
    read_rss_kib,
    token,
    untoken,
)
from loadgen import parse_args as loadgen_args  # noqa: E402
from run import HOST, Server, child_setup, machine, sched_name, start_server, stop_server  # noqa: E402

# Beside run.py's PASSERBY_ENV: the limits an API client meets, opened wide
# for the same reason (the benchmark drives each address far harder than a
# person would). Each client still comes from its own address.
API_ENV = {
    "PASSERBY_RATE_OMEGLE_STARTS_PER_MINUTE": "6000000",
    "PASSERBY_RATE_OMEGLE_STARTS_BURST": "100000",
    "PASSERBY_MAX_CONNECTIONS_PER_ADDRESS": "100000",
    "PASSERBY_RATE_CONNECTIONS_PER_MINUTE": "6000000",
    "PASSERBY_RATE_CONNECTIONS_BURST": "100000",
    "PASSERBY_TRUST_FORWARDED_FOR": "true",
}
SUBPROTOCOL = {"Sec-WebSocket-Protocol": "passerby.v1"}
API_WARMUP = 100  # sessions that exercise every path before memory is read
PING_TEXT = "p %s are you still there?"  # loadgen.py's tags: "p" ping, "e" echo
WAKE_TEXT = "w %s hey, are you there?"  # "w": the hold's wake-up line
GRACE = 1.0  # seconds a ping may take before it counts as unanswered
CLIENT_BOUND_PCT = 90.0
T0 = time.monotonic()


def log(text: str) -> None:
    print(f"[omegle_api {time.monotonic() - T0:6.1f}] {text}", file=sys.stderr, flush=True)


def api_address(index: int) -> str:
    """A made-up client address for API client ``index``: 172.16.0.0/12, apart
    from loadgen.py's devices (10.0.0.0/8)."""
    return f"172.{16 + (index >> 16 & 15)}.{index >> 8 & 255}.{index & 255}"


def socket_count(pid: int) -> int:
    """Open sockets of a process (its file descriptors that are sockets)."""
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:"):
                count += 1
    return count


def quantile_ms(rtts: list[int], sent: int, pct: float) -> float | None:
    """A percentile over everything sent; None where it falls on one never
    answered (which took longer than any answered one)."""
    rank = min(sent - 1, int(sent * pct / 100))
    return round(rtts[rank] / 1e6, 2) if 0 <= rank < len(rtts) else None


# ---- the API client ------------------------------------------------------


@dataclass
class Session:
    """One API client id and the address it comes from."""

    cid: str
    address: str
    index: int
    connected: bool = False
    begun_ns: int = 0  # when its /start was sent


class Api:
    """Omegle API calls over one aiohttp pool; ``inflight`` starts at once."""

    def __init__(self, port: int, inflight: int, poll_seconds: float, pool: int = 0) -> None:
        self.base = f"http://{HOST}:{port}"
        self.poll_seconds = poll_seconds
        self.inflight = inflight
        # Room beside the starts in flight for the polls waiting for a partner.
        self.http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=max(pool, inflight + 64)),
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(total=poll_seconds + 20),
        )
        self.clients = 0
        self.problems: collections.Counter[str] = collections.Counter()

    async def close(self) -> None:
        await self.http.close()

    def address(self) -> tuple[int, str]:
        self.clients += 1
        return self.clients, api_address(self.clients)

    async def start(self) -> tuple[Session | None, list[Any]]:
        index, address = self.address()
        params = {"firstevents": "1", "lang": "en", "randid": secrets.token_hex(4).upper()}
        headers = {"X-Forwarded-For": address}
        async with self.http.post(self.base + "/start", params=params, headers=headers) as resp:
            if resp.status != 200:
                self.problems[f"/start HTTP {resp.status}"] += 1
                return None, []
            data = await resp.json(content_type=None)
        if not isinstance(data, dict) or "clientID" not in data:
            self.problems[f"/start answered {str(data)[:60]}"] += 1
            return None, []
        return Session(data["clientID"], address, index), list(data.get("events", []))

    async def events(self, session: Session) -> list[Any] | None:
        headers = {"X-Forwarded-For": session.address}
        data = {"id": session.cid}
        async with self.http.post(self.base + "/events", data=data, headers=headers) as resp:
            if resp.status != 200:
                self.problems[f"/events HTTP {resp.status}"] += 1
                return []
            events: list[Any] | None = await resp.json(content_type=None)
        return events

    async def send(self, session: Session, text: str) -> bool:
        headers = {"X-Forwarded-For": session.address}
        data = {"id": session.cid, "msg": text}
        async with self.http.post(self.base + "/send", data=data, headers=headers) as resp:
            answer = await resp.text()
        if answer != "win":
            self.problems[f"/send answered {answer[:20]}"] += 1
        return answer == "win"

    async def disconnect(self, session: Session) -> None:
        headers = {"X-Forwarded-For": session.address}
        data = {"id": session.cid}
        async with self.http.post(self.base + "/disconnect", data=data, headers=headers) as resp:
            await resp.read()

    async def start_connected(
        self, deadline: float, gate: asyncio.Semaphore
    ) -> tuple[Session | None, int]:
        """``/start`` (one of those ``gate`` lets run at once), then ``/events``
        until ``connected``; the session (None if it failed) and when it read
        ``connected`` (0 if it did not)."""
        async with gate:
            begun = now_ns()
            session, events = await self.start()
        if session is not None:
            session.begun_ns = begun
        while session is not None and time.monotonic() < deadline:
            if any(event and event[0] == "connected" for event in events):
                session.connected = True
                return session, now_ns()
            polled = await self.events(session)
            if polled is None:
                self.problems["session ended before connected"] += 1
                return session, 0
            events = polled
        if session is not None:
            self.problems["not connected in time"] += 1
        return session, 0

    async def start_many(self, count: int, limit: float = 60.0) -> list[tuple[Session, int]]:
        """``count`` clients at once, each to ``connected`` (or ``limit`` seconds)."""
        deadline = time.monotonic() + limit
        gate = asyncio.Semaphore(self.inflight)
        done = await asyncio.gather(
            *(self.start_connected(deadline, gate) for _ in range(count)), return_exceptions=True
        )
        found: list[tuple[Session, int]] = []
        for item in done:
            if isinstance(item, BaseException):
                self.problems[f"start failed: {type(item).__name__}"] += 1
            elif item[0] is not None:
                found.append((item[0], item[1]))
        return found

    async def disconnect_all(self, sessions: Iterable[Session]) -> None:
        await asyncio.gather(*(self.disconnect(s) for s in sessions), return_exceptions=True)


# ---- 1. held long polls --------------------------------------------------


class Poll(asyncio.Protocol):
    """One ``/events`` request on its own connection, written by hand: the
    cheapest client, so that ten thousand fit beside the measuring one."""

    __slots__ = ("answer", "buffer", "hold", "request", "session", "transport")

    def __init__(self, hold: Hold, session: Session, request: bytes) -> None:
        self.hold = hold
        self.session = session
        self.request = request
        self.buffer = b""
        self.answer: str | None = None
        self.transport: asyncio.BaseTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        # uvloop's transports are not asyncio.WriteTransport subclasses.
        transport.write(self.request)  # type: ignore[attr-defined]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        head, sep, body = self.buffer.partition(b"\r\n\r\n")
        if not sep or self.answer is not None:
            return
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if len(body) >= length:
            status = head.split(b" ", 2)[1].decode()
            self.hold.answered(self, status, body[:length])

    def connection_lost(self, exc: Exception | None) -> None:
        if self.answer is None:
            self.hold.answered(self, "closed", b"")


class Hold:
    """N long polls held at once, and what came back on them."""

    def __init__(self, port: int, inflight: int) -> None:
        self.port = port
        self.inflight = inflight
        self.polls: list[Poll] = []
        self.waking = False
        self.early: collections.Counter[str] = collections.Counter()
        self.late: collections.Counter[str] = collections.Counter()
        self.sent_ns: dict[int, int] = {}
        self.wake_ns: list[int] = []
        self.woken = 0
        self.woken_by: dict[int, int] = {}  # receiver -> sender
        self.waiting_for = 0
        self.all_answered = asyncio.Event()

    def request(self, session: Session) -> bytes:
        body = f"id={quote(session.cid, safe='')}".encode()
        return (
            f"POST /events HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n"
            f"X-Forwarded-For: {session.address}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body

    def answered(self, poll: Poll, status: str, body: bytes) -> None:
        what = self.classify(poll, status, body)
        poll.answer = what
        if self.waking:
            self.late[what] += 1
            if sum(self.late.values()) >= self.waiting_for:
                self.all_answered.set()
        else:
            self.early[what] += 1

    def classify(self, poll: Poll, status: str, body: bytes) -> str:
        if status != "200":
            return f"HTTP {status}"
        if body == b"[]":
            return "[] (poll timed out)"
        if body == b"null":
            return "null (id unknown or ended)"
        events = orjson.loads(body)
        names = ",".join(str(e[0]) for e in events)
        for event in events:
            if event[0] == "gotMessage" and str(event[1]).startswith("w "):
                sender = untoken(event[1])
                if self.waking and sender != poll.session.index and sender in self.sent_ns:
                    self.woken += 1
                    self.woken_by[poll.session.index] = sender
                    self.wake_ns.append(now_ns() - self.sent_ns[sender])
                    return "woken by the partner's line"
        return f"events {names}"

    @property
    def mutual(self) -> int:
        """Polls woken by a session that its own line woke in turn: partners."""
        by = self.woken_by
        return sum(1 for receiver, sender in by.items() if by.get(sender) == receiver)

    @property
    def pending(self) -> int:
        return sum(1 for p in self.polls if p.answer is None)

    async def open(self, sessions: list[Session]) -> None:
        loop = asyncio.get_running_loop()
        gate = asyncio.Semaphore(self.inflight)
        failures: collections.Counter[str] = collections.Counter()

        async def one(session: Session) -> None:
            async with gate:
                poll = Poll(self, session, self.request(session))
                try:
                    await asyncio.wait_for(
                        loop.create_connection(lambda: poll, HOST, self.port), 30
                    )
                except (OSError, TimeoutError) as error:
                    failures[f"connect: {type(error).__name__} {error}"[:80]] += 1
                    return
                self.polls.append(poll)

        await asyncio.gather(*(one(s) for s in sessions))
        for what, n in failures.items():
            self.early[what] += n

    async def wake(self, api: Api, limit: float = 60.0) -> float:
        """Every session sends its partner one line; wait for the held polls."""
        self.waking = True
        self.waiting_for = self.pending
        self.all_answered = asyncio.Event()
        if self.waiting_for == 0:
            self.all_answered.set()

        async def one(poll: Poll) -> None:
            session = poll.session
            self.sent_ns[session.index] = now_ns()
            await api.send(session, WAKE_TEXT % token(session.index).decode())

        t = time.monotonic()
        sends = asyncio.gather(*(one(p) for p in self.polls), return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.all_answered.wait(), limit)
        await sends
        return time.monotonic() - t

    def close(self) -> None:
        for poll in self.polls:
            if poll.transport is not None:
                poll.transport.close()


async def quiet_server(pid: int, at_least: float, limit: float) -> float:
    """Wait ``at_least`` seconds and until the server's CPU use is low."""
    t = time.monotonic()
    deadline = t + at_least + limit
    cpu = read_cpu_seconds(pid)
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        now = read_cpu_seconds(pid)
        if time.monotonic() - t >= at_least and now - cpu < 0.05:
            break
        cpu = now
    return time.monotonic() - t


class Noise:
    """How much of each benchmark core other programs took over a phase.

    The servers run on core 0 and this process on core 1; whatever else ran
    there (another benchmark, a test suite) or the host took from them
    (steal) makes the phase's speeds unreliable, as run.py's ``noisy`` says.
    """

    def __init__(self, *server_pids: int) -> None:
        self.pids = [p for p in server_pids if p]
        self.wall = time.monotonic()
        self.cores = read_core_ticks()
        self.cpu = [read_cpu_seconds(p) for p in self.pids]
        self.own = read_cpu_seconds(os.getpid())

    def percent(self) -> dict[str, float]:
        wall = time.monotonic() - self.wall
        servers = sum(read_cpu_seconds(p) - c for p, c in zip(self.pids, self.cpu, strict=True))
        own = {0: servers, 1: read_cpu_seconds(os.getpid()) - self.own}
        result = {}
        for core, (task, _, steal) in read_core_ticks().items():
            task0, _, steal0 = self.cores.get(core, (task, 0, steal))
            other = max(0.0, (task - task0) / CLK_TCK - own.get(core, 0.0))
            result[f"core{core}_other_pct"] = round(100 * other / wall, 1)
            result[f"core{core}_steal_pct"] = round(100 * (steal - steal0) / CLK_TCK / wall, 1)
        return result


async def phase_hold(args: argparse.Namespace) -> dict[str, Any]:
    pid, n = args.server_pid, args.sessions
    api = Api(args.port, args.inflight, args.poll_seconds)
    result: dict[str, Any] = {"sessions": n, "poll_seconds": args.poll_seconds}
    try:
        log(f"warming up with {API_WARMUP} API sessions")
        warm = [s for s, _ in await api.start_many(API_WARMUP)]
        hold = Hold(args.port, args.inflight)
        await hold.open(warm)
        await quiet_server(pid, 0.5, 10.0)
        await hold.wake(api, 10.0)
        hold.close()
        await api.disconnect_all(warm)
        await asyncio.sleep(1.0)
        gc.collect()
        rss0, sockets0 = read_rss_kib(pid), socket_count(pid)

        noise = Noise(pid)
        log(f"starting {n} API sessions")
        t = time.monotonic()
        pairs = await api.start_many(n, 120.0)
        sessions = [s for s, _ in pairs]
        result["start_s"] = round(time.monotonic() - t, 2)
        result["started"] = len(sessions)
        result["connected"] = sum(1 for s in sessions if s.connected)
        await quiet_server(pid, 1.0, 10.0)
        rss1, sockets1 = read_rss_kib(pid), socket_count(pid)

        log(f"holding {len(sessions)} long polls")
        t = time.monotonic()
        hold = Hold(args.port, args.inflight)
        await hold.open(sessions)
        result["open_s"] = round(time.monotonic() - t, 2)
        result["quiet_after_s"] = round(await quiet_server(pid, args.hold, 30.0), 1)
        result["held"] = hold.pending
        result["held_for_s"] = round(time.monotonic() - t, 1)
        rss2, sockets2 = read_rss_kib(pid), socket_count(pid)
        result["answered_early"] = dict(hold.early)
        log(f"held {hold.pending} of {len(sessions)}; waking them")

        meter = CpuMeter(pid)
        result["wake_s"] = round(await hold.wake(api), 2)
        result["wake_cpu"] = meter.percent()
        result["noise"] = noise.percent()
        result["woken"] = hold.woken
        result["woken_mutual"] = hold.mutual
        result["answered_at_wake"] = dict(hold.late)
        result["still_pending"] = hold.pending
        wakes = sorted(hold.wake_ns)
        result["wake_p50_ms"] = quantile_ms(wakes, len(wakes), 50)
        result["wake_p99_ms"] = quantile_ms(wakes, len(wakes), 99)
        result["memory"] = {
            "rss_before_kib": rss0,
            "rss_sessions_kib": rss1,
            "rss_held_kib": rss2,
            "sockets_before": sockets0,
            "sockets_sessions": sockets1,
            "sockets_held": sockets2,
        }
        hold.close()
    finally:
        result["problems"] = dict(api.problems)
        await api.close()
    await asyncio.sleep(0.5)
    return result


async def phase_wsidle(args: argparse.Namespace) -> dict[str, Any]:
    """N idle, paired WebSocket connections: loadgen.py's memory figure."""
    n = args.ws_idle
    lg = ws_loadgen(args.port, n, args.server_pid, args.inflight)
    devices = await lg.enter(WARMUP_USERS + n)
    await lg.warm_up(devices[:WARMUP_USERS])
    gc.collect()
    rss0, sockets0 = read_rss_kib(args.server_pid), socket_count(args.server_pid)
    noise = Noise(args.server_pid)
    log(f"opening {n} WebSocket connections")
    clients = await lg.connect(devices[WARMUP_USERS:], lg.c)
    await lg.match(clients, lg.c)
    await quiet_server(args.server_pid, 2.0, 10.0)
    result = {
        "connections": n,
        "matched": lg.c.matched,
        "memory": {
            "rss_before_kib": rss0,
            "rss_held_kib": read_rss_kib(args.server_pid),
            "sockets_before": sockets0,
            "sockets_held": socket_count(args.server_pid),
        },
        "errors": dict(lg.c.errors),
        "notices": dict(lg.c.notices),
        "noise": noise.percent(),
    }
    lg.close(clients)
    await asyncio.sleep(0.5)
    return result


def ws_loadgen(port: int, n: int, pid: int | None, inflight: int) -> LoadGen:
    argv = [f"--url=ws://{HOST}:{port}/ws", f"--connections={n}", f"--handshakes={inflight}"]
    if pid:
        argv.append(f"--server-pid={pid}")
    return LoadGen(loadgen_args(argv))


# ---- 2. round trip -------------------------------------------------------


class ApiChatter:
    """An API client in a chat: an ``/events`` loop, and pings by ``/send``."""

    def __init__(self, api: Api, session: Session, counters: Counters) -> None:
        self.api = api
        self.session = session
        self.c = counters
        self.connected = asyncio.Event()
        self.ended = False
        self.sending: set[asyncio.Task[bool]] = set()
        self.task: asyncio.Task[None] | None = None

    async def poll_loop(self, deadline: float) -> None:
        c = self.c
        while time.monotonic() < deadline:
            try:
                events = await self.api.events(self.session)
            except (aiohttp.ClientError, TimeoutError) as error:
                c.errors[f"/events {type(error).__name__}"] += 1
                await asyncio.sleep(0.1)
                continue
            if events is None:
                self.ended = True
                c.notices["API session ended"] += 1
                return
            for event in events:
                kind = event[0]
                if kind == "gotMessage" and str(event[1]).startswith("e "):
                    sent = untoken(event[1])
                    if c.rtt_from <= sent < c.rtt_until:
                        c.rtts.append(now_ns() - sent)
                elif kind == "connected":
                    self.connected.set()
                elif kind not in ("waiting", "commonLikes", "identDigests"):
                    c.notices[f"API event {kind}"] += 1

    def send_ping(self) -> None:
        sent = now_ns()
        c = self.c
        if c.rtt_from <= sent < c.rtt_until:
            c.pings += 1
        task = asyncio.create_task(self.api.send(self.session, PING_TEXT % token(sent).decode()))
        self.sending.add(task)
        task.add_done_callback(self._sent)

    def _sent(self, task: asyncio.Task[bool]) -> None:
        self.sending.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.c.errors[f"/send {type(task.exception()).__name__}"] += 1


@dataclass
class Variant:
    """One kind of pair whose round trip is measured."""

    name: str
    pingers: list[Callable[[], None]]
    counters: Counters
    pid: int | None
    pings: int = 0
    rtts: list[int] = field(default_factory=list)
    seconds: float = 0.0
    cpu: list[dict[str, float]] = field(default_factory=list)


async def latency_window(variant: Variant, rate: float, seconds: float, keep: bool) -> None:
    """Open loop: pings at ``rate / 2`` a second round-robin over the pingers
    (their echoes are the other half of ``rate``), as loadgen.py does."""
    c = variant.counters
    c.rtts = []
    c.pings = 0
    start = now_ns()
    c.rtt_from, c.rtt_until = start, start + int(seconds * 1e9)
    meter = CpuMeter(variant.pid)
    sent = index = 0
    pingers = variant.pingers
    while (now := now_ns()) < c.rtt_until:
        due = int((now - start) * rate / 2 / 1e9) - sent
        for _ in range(due):
            pingers[index]()
            index = (index + 1) % len(pingers)
        sent += max(due, 0)
        await asyncio.sleep(0.001)
    cpu = meter.percent()
    await asyncio.sleep(GRACE)
    if keep:
        variant.pings += c.pings
        variant.rtts += c.rtts
        variant.seconds += seconds
        variant.cpu.append(cpu)


def variant_result(variant: Variant) -> dict[str, Any]:
    rtts = sorted(variant.rtts)
    cpu = {
        key: round(sum(d.get(key, 0.0) for d in variant.cpu) / max(1, len(variant.cpu)), 1)
        for key in ("server_cpu_pct", "client_cpu_pct", "core0_steal_pct", "core1_steal_pct")
    }
    return {
        "pings": variant.pings,
        "answered": len(rtts),
        "achieved_msg_per_s": round(2 * len(rtts) / variant.seconds) if variant.seconds else 0,
        "p50_ms": quantile_ms(rtts, variant.pings, 50),
        "p99_ms": quantile_ms(rtts, variant.pings, 99),
        "max_ms": quantile_ms(rtts, variant.pings, 100) if len(rtts) == variant.pings else None,
        "notices": dict(variant.counters.notices),
        "errors": dict(variant.counters.errors),
        **cpu,
    }


async def api_ws_pairs(
    api: Api, lg: LoadGen, devices: list[dict[str, str]], deadline: float
) -> tuple[list[ApiChatter], list[Client], Counters]:
    """API clients each paired with a WebSocket client, one pair at a time:
    the API client waits alone, then its WebSocket partner starts."""
    counters = Counters()
    ws = await lg.connect(devices, counters)
    chatters: list[ApiChatter] = []
    for client in ws:
        session, _ = await api.start()
        if session is None:
            raise RuntimeError(f"API /start failed: {dict(api.problems)}")
        chatter = ApiChatter(api, session, counters)
        chatter.task = asyncio.create_task(chatter.poll_loop(deadline))
        chatters.append(chatter)
        counters.expect(counters.matched + 1)
        assert client.transport is not None
        client.transport.send(TEXT, START)
        await asyncio.wait_for(counters.reached.wait(), 10)
        await asyncio.wait_for(chatter.connected.wait(), 10)
    return chatters, ws, counters


# ---- 3. start to connected -----------------------------------------------


class Starter(Client):
    """A WebSocket client that sends ``start`` as soon as it is welcomed."""

    __slots__ = ("all_matched", "started", "target")

    def __init__(self, counters: Counters, start_ns: int, target: int, done: asyncio.Event) -> None:
        super().__init__(counters)
        self.start_ns = start_ns
        self.started = False
        self.target = target
        self.all_matched = done

    def on_ws_frame(self, transport: WSTransport, frame: Any) -> None:
        if not self.started and frame.msg_type is TEXT:
            self.started = True  # the first frame is the welcome
            transport.send(TEXT, START)
        super().on_ws_frame(transport, frame)
        if self.c.matched >= self.target:
            self.all_matched.set()


class LoopMeter:
    """CPU use of the server's and this process's main (event-loop) threads
    over a window, from ``/proc/PID/schedstat`` in nanoseconds: a start
    round lasts a tenth of a second, too short for the kernel's tick counts
    that loadgen.py's CpuMeter reads."""

    def __init__(self, server_pid: int) -> None:
        self.pids = {"server": server_pid, "client": os.getpid()}
        self.wall = now_ns()
        self.ran = {who: self.loop_ns(pid) for who, pid in self.pids.items()}

    @staticmethod
    def loop_ns(pid: int) -> int:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0])

    def percent(self) -> dict[str, float]:
        wall = max(1, now_ns() - self.wall)
        return {
            f"{who}_cpu_pct": round(100 * (self.loop_ns(pid) - self.ran[who]) / wall, 1)
            for who, pid in self.pids.items()
        }


def start_figures(ends: list[tuple[int, int]], first: int, count: int) -> dict[str, Any]:
    waits = sorted(end - start for start, end in ends)
    last = max((end for _, end in ends), default=first)
    seconds = (last - first) / 1e9
    return {
        "clients": count,
        "connected": len(ends),
        "seconds": round(seconds, 3),
        "per_s": round(len(ends) / seconds) if seconds > 0 else 0,
        "p50_ms": quantile_ms(waits, count, 50),
        "p99_ms": quantile_ms(waits, count, 99),
    }


async def api_starts(api: Api, count: int, pid: int) -> dict[str, Any]:
    meter = LoopMeter(pid)
    first = now_ns()
    done = await api.start_many(count)
    cpu = meter.percent()
    sessions = [session for session, _ in done]
    ends = [(session.begun_ns, connected) for session, connected in done if connected]
    result = {**start_figures(ends, first, count), **cpu}
    await api.disconnect_all(sessions)
    return result


async def ws_connect_starts(
    url: str, headers: list[dict[str, str]], inflight: int, pid: int
) -> dict[str, Any]:
    counters = Counters()
    # Not ``counters.reached``: loadgen's clients set it on the last welcome too.
    all_matched = asyncio.Event()
    gate = asyncio.Semaphore(inflight)
    clients: list[Client] = []
    meter = LoopMeter(pid)
    first = now_ns()

    async def one(extra: dict[str, str]) -> None:
        async with gate:
            begun = now_ns()
            _, client = await ws_connect(
                lambda: Starter(counters, begun, len(headers), all_matched),
                url,
                websocket_handshake_timeout=60,
                max_frame_size=1 << 20,
                extra_headers=extra,
            )
            assert isinstance(client, Client)
            clients.append(client)

    done = await asyncio.gather(*(one(h) for h in headers), return_exceptions=True)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(all_matched.wait(), 60)
    cpu = meter.percent()
    ends = [(c.start_ns, c.connected_ns) for c in clients if c.connected_ns]
    result = {**start_figures(ends, first, len(headers)), **cpu}
    result["failed"] = sum(1 for d in done if isinstance(d, BaseException))
    LoadGen.close(clients)
    await asyncio.sleep(0.3)
    return result


async def ws_open_starts(lg: LoadGen, headers: list[dict[str, str]], pid: int) -> dict[str, Any]:
    """run.py's match rate: connections already open all send ``start``."""
    counters = Counters()
    clients = await lg.connect(headers, counters)
    meter = LoopMeter(pid)
    first = await lg.match(clients, counters)
    cpu = meter.percent()
    ends = [(c.start_ns, c.connected_ns) for c in clients if c.connected_ns]
    result = {**start_figures(ends, first, len(headers)), **cpu}
    lg.close(clients)
    await asyncio.sleep(0.3)
    return result


def median_round(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The round with the median rate, and the spread of the rates."""
    ordered = sorted(rounds, key=lambda r: float(r["per_s"]))
    middle = dict(ordered[len(ordered) // 2])
    middle["rates"] = [r["per_s"] for r in rounds]
    middle["fewest_connected"] = min(r["connected"] for r in rounds)
    return middle


async def phase_chat(args: argparse.Namespace) -> dict[str, Any]:
    pid, bare_pid = args.server_pid, args.bare_pid
    pairs, m = args.pairs, args.starters
    # Each chatter holds a poll, and sends beside it.
    api = Api(args.port, args.inflight, args.poll_seconds, pool=2 * pairs + 64)
    lg = ws_loadgen(args.port, 2, pid, args.inflight)
    bare = ws_loadgen(args.bare_port, 2, bare_pid, args.inflight)
    result: dict[str, Any] = {"pairs": pairs, "rate": args.rate, "starters": m}
    deadline = time.monotonic() + 600
    try:
        # Every WebSocket client is a device's first connection after its
        # entry, as loadgen.py's are: a returning device costs the server a
        # read of its blocks and strikes, and may not meet its last partners.
        count = WARMUP_USERS + 3 * pairs + 2 * m * args.start_rounds
        log(f"declaring {count} devices")
        devices = await lg.enter(count)
        for device in devices:
            device.update(SUBPROTOCOL)
        bare_devices = [dict(SUBPROTOCOL) for _ in range(2 * pairs + 2 * m)]
        warm, devices = devices[:WARMUP_USERS], devices[WARMUP_USERS:]
        await lg.warm_up(warm)
        await bare.warm_up(bare_devices[:WARMUP_USERS])
        warm_api = [s for s, _ in await api.start_many(API_WARMUP)]
        await api.disconnect_all(warm_api)

        log(f"pairing {pairs} API clients with WebSocket clients, {pairs} WebSocket pairs each")
        chatters, api_ws, api_counters = await api_ws_pairs(api, lg, devices[:pairs], deadline)
        ws_counters, bare_counters = Counters(), Counters()
        ws = await lg.connect(devices[pairs : 3 * pairs], ws_counters)
        await lg.match(ws, ws_counters)
        bare_ws = await bare.connect(bare_devices[: 2 * pairs], bare_counters)
        await bare.match(bare_ws, bare_counters)
        variants = [
            Variant("api", [c.send_ping for c in chatters], api_counters, pid),
            Variant("ws", [c.send_ping for c in ws], ws_counters, pid),
            Variant("bare", [c.send_ping for c in bare_ws], bare_counters, bare_pid),
        ]
        log(f"round trips at {args.rate:g} msg/s: {args.rounds} rounds of {args.window:g} s")
        noise = Noise(pid, bare_pid)
        for variant in variants:
            await latency_window(variant, args.rate, 1.0, keep=False)
        for _ in range(args.rounds):
            for variant in variants:
                await latency_window(variant, args.rate, args.window, keep=True)
        result["latency"] = {v.name: variant_result(v) for v in variants}
        result["latency_noise"] = noise.percent()
        result["api_ws_matched"] = api_counters.matched
        for chatter in chatters:
            if chatter.task is not None:
                chatter.task.cancel()
        await api.disconnect_all(c.session for c in chatters)
        for clients in (api_ws, ws, bare_ws):
            LoadGen.close(clients)
        await asyncio.sleep(0.5)
        gc.collect()

        log(f"start to connected: {args.start_rounds} rounds of {m} clients")
        noise = Noise(pid, bare_pid)
        fresh = devices[3 * pairs :]
        bare_set = bare_devices[2 * pairs : 2 * pairs + m]
        rounds: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        for r in range(args.start_rounds):
            connect_set = fresh[2 * r * m : (2 * r + 1) * m]
            open_set = fresh[(2 * r + 1) * m : (2 * r + 2) * m]
            rounds["api"].append(await api_starts(api, m, pid))
            rounds["ws_connect"].append(
                await ws_connect_starts(lg.url, connect_set, args.inflight, pid)
            )
            rounds["ws_open"].append(await ws_open_starts(lg, open_set, pid))
            rounds["bare_connect"].append(
                await ws_connect_starts(bare.url, bare_set, args.inflight, bare_pid)
            )
            rounds["bare_open"].append(await ws_open_starts(bare, bare_set, bare_pid))
            gc.collect()
            await asyncio.sleep(0.5)
        result["starts"] = {name: median_round(r) for name, r in rounds.items()}
        result["starts_noise"] = noise.percent()
    finally:
        result["problems"] = dict(api.problems)
        await api.close()
    return result


# ---- the parent: servers, children, report --------------------------------


PHASES = {"hold": phase_hold, "wsidle": phase_wsidle, "chat": phase_chat}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000, help="API sessions held (1.)")
    parser.add_argument(
        "--ws-idle", type=int, default=None, help="idle WebSockets to compare (1.; 0 skips)"
    )
    parser.add_argument("--hold", type=float, default=5.0, help="seconds the polls are held")
    parser.add_argument("--poll-seconds", type=float, default=60.0, help="omegle_poll_seconds")
    parser.add_argument("--pairs", type=int, default=100, help="pairs in the round trip (2.)")
    parser.add_argument("--rate", type=float, default=200.0, help="offered msg/s in total (2.)")
    parser.add_argument("--rounds", type=int, default=3, help="windows per kind of pair (2.)")
    parser.add_argument("--window", type=float, default=3.0, help="seconds per window (2.)")
    parser.add_argument("--starters", type=int, default=500, help="clients per start round (3.)")
    parser.add_argument("--start-rounds", type=int, default=3, help="start rounds (3.)")
    parser.add_argument(
        "--inflight", type=int, default=64, help="requests or handshakes in flight at once"
    )
    parser.add_argument("--only", choices=tuple(PHASES), action="append", help="run these only")
    parser.add_argument(
        "--sched", choices=("rr", "nice", "none"), default="nice", help="as run.py's --sched"
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    # The child (the clients, on core 1):
    parser.add_argument("--client", choices=tuple(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--server-pid", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bare-port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bare-pid", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ws_idle is None:
        args.ws_idle = args.sessions
    if args.sessions % 2 or args.ws_idle % 2 or args.starters % 2:
        parser.error("--sessions, --ws-idle and --starters must be even: clients are paired")
    return args


def run_client(phase: str, servers: list[Server], args: argparse.Namespace) -> dict[str, Any]:
    command = ["taskset", "-c", "1", sys.executable, __file__, *sys.argv[1:], f"--client={phase}"]
    command += [f"--port={servers[0].port}", f"--server-pid={servers[0].process.pid}"]
    if len(servers) > 1:
        command += [f"--bare-port={servers[1].port}", f"--bare-pid={servers[1].process.pid}"]
    done = subprocess.run(
        command,
        stdout=subprocess.PIPE,
        timeout=900,
        check=False,
        preexec_fn=child_setup(args.sched),
    )
    for server in servers:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.kind} died during {phase}:\n{server.log_tail()}")
    if done.returncode != 0:
        raise RuntimeError(f"{phase} client failed ({done.returncode}):\n{servers[0].log_tail()}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run_phase(phase: str, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    kinds = ["passerby", "bare"] if phase == "chat" else ["passerby"]
    servers: list[Server] = []
    try:
        for kind in kinds:
            servers.append(start_server(kind, None, workdir, args.sched))
            pid = servers[-1].process.pid
            print(f"   {kind} pid {pid}: {sched_name(pid)}", flush=True)
        return run_client(phase, servers, args)
    finally:
        for server in servers:
            stop_server(server)


def fmt(value: Any, digits: int = 0) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return f"{value:,.{digits}f}"


def ratio(a: Any, b: Any) -> str:
    if not isinstance(a, int | float) or not isinstance(b, int | float) or not b:
        return "-"
    return f"{a / b:.2f}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for i, row in enumerate([header, *rows]):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def kib_per(mem: dict[str, int], key: str, n: int | None) -> float | None:
    if not mem or not n:
        return None
    return (mem[key] - mem["rss_before_kib"]) / n


def mib(mem: dict[str, int], key: str) -> str:
    return fmt(mem[key] / 1024, 1) if key in mem else "-"


def report_hold(hold: dict[str, Any] | None, wsidle: dict[str, Any] | None) -> list[str]:
    api = hold["memory"] if hold else {}
    ws = wsidle["memory"] if wsidle else {}
    n_api = hold["sessions"] if hold else None
    n_ws = wsidle["connections"] if wsidle else None
    api_kib = kib_per(api, "rss_held_kib", n_api)
    ws_kib = kib_per(ws, "rss_held_kib", n_ws)
    rows = [
        ["clients (paired two by two, idle)", fmt(n_api), fmt(n_ws), ""],
        ["  reached connected", fmt(hold and hold["connected"]), fmt(wsidle and wsidle["matched"])],
        ["API /events long polls held at once", fmt(hold and hold["held"]), "", ""],
        ["server sockets before", fmt(api.get("sockets_before")), fmt(ws.get("sockets_before"))],
        ["server sockets with them", fmt(api.get("sockets_held")), fmt(ws.get("sockets_held"))],
        ["server RSS before (MiB)", mib(api, "rss_before_kib"), mib(ws, "rss_before_kib")],
        ["server RSS with them (MiB)", mib(api, "rss_held_kib"), mib(ws, "rss_held_kib")],
        ["KiB per idle client", fmt(api_kib, 1), fmt(ws_kib, 1), ratio(api_kib, ws_kib)],
    ]
    flags: list[str] = []
    if hold:
        n = hold["sessions"]
        session_kib = kib_per(api, "rss_sessions_kib", n)
        poll_kib = (api["rss_held_kib"] - api["rss_sessions_kib"]) / n
        wake = f"{fmt(hold['wake_p50_ms'], 1)} / {fmt(hold['wake_p99_ms'], 1)}"
        rows += [
            ["  API: the session, no poll held", fmt(session_kib, 1)],
            ["  API: its held poll", fmt(poll_kib, 1)],
            ["held polls woken by the partner's /send", fmt(hold["woken"])],
            ["  of which by the session they woke in turn", fmt(hold["woken_mutual"])],
            ["  wake p50 / p99 (ms), all /sends at once", wake],
            ["time to start all API sessions (s)", fmt(hold["start_s"], 1)],
            ["time to open all long polls (s)", fmt(hold["open_s"], 1)],
            ["polls held for (s) before the count", fmt(hold["held_for_s"], 1)],
        ]
        if hold["held"] < n:
            flags.append(
                f"only {hold['held']:,} of {n:,} polls held; "
                f"answered before the count: {hold['answered_early']}"
            )
        if hold["woken"] < hold["held"]:
            flags.append(
                f"{hold['held'] - hold['woken']:,} held polls not woken by the partner's line: "
                f"{hold['answered_at_wake']}; {hold['still_pending']:,} still unanswered"
            )
        if hold["connected"] < n:
            flags.append(f"only {hold['connected']:,} of {n:,} API sessions connected")
        if hold["problems"]:
            flags.append(f"API problems: {hold['problems']}")
    if wsidle and (wsidle["errors"] or wsidle["notices"] or wsidle["matched"] != n_ws):
        flags.append(
            f"WebSocket idle: matched {wsidle['matched']}, errors {wsidle['errors']}, "
            f"notices {wsidle['notices']}"
        )
    flags += [f[2:] for f in disturbed("API hold", hold and hold.get("noise"))]
    flags += [f[2:] for f in disturbed("WebSocket idle", wsidle and wsidle.get("noise"))]
    rows = [r + [""] * (4 - len(r)) for r in rows]
    lines = ["1. Idle clients on one server core (API: one /events long poll held per session)"]
    lines += table(["figure", "API", "WebSocket", "API/WS"], rows)
    return lines + [f"! {f}" for f in flags]


NOISE_PCT = 5.0  # of a core taken by other programs or the host: a phase to rerun


def disturbed(phase: str, noise: dict[str, float] | None) -> list[str]:
    """The "!" lines for a phase during which other programs used our cores."""
    if not noise:
        return []
    flags = []
    for core, who in ((0, "server"), (1, "client")):
        other, steal = noise.get(f"core{core}_other_pct", 0), noise.get(f"core{core}_steal_pct", 0)
        if other > NOISE_PCT:
            flags.append(f"! noisy {phase}: other programs used {other:.0f}% of the {who}'s core")
        if steal > NOISE_PCT:
            flags.append(f"! noisy {phase}: the host took {steal:.0f}% of the {who}'s core")
    return flags


def noisy(name: str, figures: dict[str, Any]) -> list[str]:
    client, server = figures.get("client_cpu_pct", 0), figures.get("server_cpu_pct", 100)
    if client >= CLIENT_BOUND_PCT > server:
        return [f"{name}: CLIENT-BOUND (client CPU {client:.0f}%, server {server:.0f}%)"]
    return []


def report_latency(chat: dict[str, Any]) -> list[str]:
    lat = chat["latency"]
    a, w, b = lat["api"], lat["ws"], lat["bare"]
    rows = []
    for label, key, digits, show in (
        ("pings sent", "pings", 0, False),
        ("pings answered", "answered", 0, False),
        ("achieved msg/s", "achieved_msg_per_s", 0, False),
        ("round trip p50 (ms)", "p50_ms", 2, True),
        ("round trip p99 (ms)", "p99_ms", 2, True),
        ("round trip max (ms)", "max_ms", 2, False),
        ("server CPU %", "server_cpu_pct", 0, False),
        ("client CPU %", "client_cpu_pct", 0, False),
    ):
        row = [label, fmt(a[key], digits), fmt(w[key], digits), fmt(b[key], digits)]
        if show:
            row += [ratio(a[key], w[key]), ratio(a[key], b[key]), ratio(w[key], b[key])]
        rows.append(row + [""] * (7 - len(row)))
    header = ["figure", "API<->WS", "WS<->WS", "bare WS<->WS", "API/WS", "API/bare", "WS/bare"]
    lines = [
        f"2. Round trip at {chat['rate']:g} msg/s offered ({chat['pairs']} pairs of each kind; "
        "a ping and its echo; API: /send to gotMessage)"
    ]
    lines += table(header, rows)
    for name, fig in (("API<->WS", a), ("WS<->WS", w), ("bare WS<->WS", b)):
        if fig["answered"] < fig["pings"]:
            lines.append(
                f"! {name}: {fig['pings'] - fig['answered']} pings unanswered in {GRACE} s"
            )
        if fig["achieved_msg_per_s"] < 0.98 * chat["rate"]:
            lines.append(f"! {name}: the offered rate was not reached")
        if fig["errors"] or fig["notices"]:
            lines.append(f"! {name}: errors {fig['errors']}, notices {fig['notices']}")
        lines += [f"! {f}" for f in noisy(name, fig)]
    return lines + disturbed("round trips", chat.get("latency_noise"))


def report_starts(chat: dict[str, Any]) -> list[str]:
    st = chat["starts"]
    names = ("api", "ws_connect", "ws_open", "bare_connect", "bare_open")
    rows = []
    for label, key, digits in (
        ("connected/s (median round)", "per_s", 0),
        ("p50 start to connected (ms)", "p50_ms", 1),
        ("p99 start to connected (ms)", "p99_ms", 1),
        ("server event-loop thread CPU %", "server_cpu_pct", 0),
        ("client event-loop thread CPU %", "client_cpu_pct", 0),
    ):
        rows.append([label, *(fmt(st[n].get(key), digits) for n in names)])
    rows.append(
        ["rates of the rounds", *(" ".join(f"{r:,}" for r in st[n]["rates"]) for n in names)]
    )
    header = ["figure", "API /start", "WS open+start", "WS start", "bare open+start", "bare start"]
    lines = [
        f"3. Start to connected, {chat['starters']:,} clients at once per round "
        "(API: /start then /events until connected; WS open+start: handshake, welcome, "
        "start; WS start: connections already open)"
    ]
    lines += table(header, rows)
    # Each round's ratio, then their median: the two sides of a round ran
    # seconds apart, on a machine whose speed drifts over minutes.
    ratios = [
        ("API / WS open+start", "api", "ws_connect"),
        ("API / WS start", "api", "ws_open"),
        ("WS open+start / bare", "ws_connect", "bare_connect"),
        ("WS start / bare", "ws_open", "bare_open"),
    ]
    each = {
        label: sorted(x / y for x, y in zip(st[a]["rates"], st[b]["rates"], strict=True) if y)
        for label, a, b in ratios
    }
    header = ["connected/s ratio", *(label for label, _, _ in ratios)]
    rows = [
        ["median of the rounds'", *(f"{r[len(r) // 2]:.2f}" if r else "-" for r in each.values())],
        ["each round's", *(" ".join(f"{x:.2f}" for x in r) for r in each.values())],
    ]
    lines += table(header, rows)
    for name in names:
        fig = st[name]
        if fig["fewest_connected"] < fig["clients"]:
            fewest, clients = fig["fewest_connected"], fig["clients"]
            lines.append(f"! {name}: a round had only {fewest} of {clients} connected")
        lines += [f"! {f}" for f in noisy(name, fig)]
    if chat["problems"]:
        lines.append(f"! API problems: {chat['problems']}")
    return lines + disturbed("start rounds", chat.get("starts_noise"))


def report(results: dict[str, dict[str, Any]]) -> str:
    lines: list[str] = []
    if "hold" in results or "wsidle" in results:
        lines += report_hold(results.get("hold"), results.get("wsidle"))
        lines.append("")
    if "chat" in results:
        lines += report_latency(results["chat"])
        lines.append("")
        lines += report_starts(results["chat"])
    return "\n".join(lines)


def client_main(args: argparse.Namespace) -> None:
    limit = raise_nofile_limit()
    need = max(args.sessions, args.ws_idle) if args.client != "chat" else 3 * args.starters
    if limit < need + 200:
        sys.exit(f"open-files limit {limit} is too low for {need} clients")
    # As loadgen.py: no collector pauses inside the measured windows; the
    # phases collect between them.
    gc.disable()
    result = uvloop.run(PHASES[args.client](args))
    sys.stdout.write(orjson.dumps(result).decode() + "\n")


def main() -> None:
    args = parse_args()
    if args.client:
        client_main(args)
        return
    os.environ.update(API_ENV, PASSERBY_OMEGLE_POLL_SECONDS=f"{args.poll_seconds:g}")
    phases = [
        p
        for p in PHASES
        if (args.only is None or p in args.only) and (p != "wsidle" or args.ws_idle)
    ]
    print(f"machine: {machine()}", flush=True)
    results: dict[str, dict[str, Any]] = {}
    failures: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="passerby-omegle-") as tmp:
        for phase in phases:
            print(f"== {phase}", flush=True)
            t = time.monotonic()
            try:
                results[phase] = run_phase(phase, args, Path(tmp))
            except (RuntimeError, OSError, subprocess.SubprocessError, ValueError) as error:
                failures.append(f"{phase}: FAILED: {error}")
                print(f"   failed: {error}", flush=True)
            print(f"   {time.monotonic() - t:.0f} s", flush=True)
    print(f"\nfinished in {time.monotonic() - started:.0f} s\n")
    print(report(results))
    for failure in failures:
        print(f"! {failure}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
