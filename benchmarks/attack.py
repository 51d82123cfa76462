"""Attacks on a real Passerby server, and what well-behaved chats feel meanwhile.

It starts ``passerby serve`` as shipped (default limits, default moderation;
only ``trust_forwarded_for`` is set, so that clients can claim addresses in
``X-Forwarded-For``) on 127.0.0.1 with a fresh data_dir, pinned to core 0.
Well-behaved pairs of declared adults chat for the whole run from core 1,
and each phase runs one attacker in a process of its own, on core 1 too but
below the measuring clients (which run in the real-time class, as the server
does, unless ``--sched`` says otherwise), so that the attacker takes the
core only when they do not need it:

1. ``baseline``: no attack.
2. ``costly``: two attacker devices chat with each other at the message
   limit (5/s) in 2,000-character texts built to be costly to check; a pair
   whose chat the rules end is replaced by a fresh one.
3. ``pingflood``: 50 connections from one address write WebSocket pings as
   fast as they can and never read; a connection the server ends is opened
   again.
4. ``connflood``: 1,000 idle connections from one address; then a fresh
   pair from other addresses must still connect and chat.
5. ``pow1`` / ``pow10``: a script starts chats as fast as it can and solves
   every proof-of-work challenge, with one device, then with ten devices
   behind one address; its solver runs in a process of its own.

For each phase it prints the pairs' send-to-receive latency (p50, p99, max)
and p99 as a ratio of the baseline's, measured minutes before in the same
run: the machine's speed changes from hour to hour, the ratio much less. It
prints what it sees, flags what looks wrong with "!", and asserts nothing.

Run: ``python benchmarks/attack.py`` (about two and a half minutes; see
``--help`` for longer phases or a subset).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import collections
import contextlib
import hashlib
import json
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import uvloop
from picows import WSCloseCode, WSFrame, WSListener, WSMsgType, WSTransport, ws_connect

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from bare_relay import raise_nofile_limit  # noqa: E402
from loadgen import (  # noqa: E402
    DEVICE_COOKIE,
    ENTRY_PATH,
    now_ns,
    read_cpu_seconds,
    read_rss_kib,
    read_runq_wait_ns,
    token,
    untoken,
)
from run import (  # noqa: E402
    HOST,
    Server,
    child_setup,
    free_port,
    machine,
    sched_name,
    stop_server,
    wait_listening,
)

PHASES = ("baseline", "costly", "pingflood", "connflood", "pow1", "pow10")
TITLES = {
    "baseline": "1 baseline (no attack)",
    "costly": "2 costly text",
    "pingflood": "3 ping flood, no reading",
    "connflood": "4 connection flood",
    "pow1": "5a proof of work, 1 device",
    "pow10": "5b proof of work, 10 devices",
}
SUBPROTOCOL = "passerby.v1"
ENTRY_BODY = {"age_band": "18+", "accept_rules": True}
# The server's own defaults (docs/protocol.md): a connection may send 5 chat
# messages a second, and one address may hold 64 connections.
MESSAGES_PER_S = 5.0
PER_ADDRESS = 64
MAX_CHARS = 2000
# The server's flood rule counts more than 25 lines from one connection in
# 10 s as a flood; a person stays well under. The pairs talk at most this
# fast per person, so 20 lines a second need five pairs, both sides talking.
TALK_PER_S = 2.0
PAIR_LINE = b'{"type":"message","text":"q %s how is your day going?"}'
GRACE = 1.0  # seconds a line may take before it counts as lost
RATIO_FLAG = 10.0  # a p99 this many times the baseline's is flagged
# Made-up client addresses (X-Forwarded-For), one network per role.
NET_PAIRS, NET_COSTLY, NET_PING, NET_FLOOD, NET_FRESH, NET_POW1, NET_POW10 = range(1, 8)
# Texts built to be costly to check (detectors fold leetspeak, spelled-out
# digits, single letters, zero-width characters and homoglyphs). Each message
# puts a fresh token first, so that none repeats (the rules hold repeats).
COSTLY_PATTERNS = {
    "_1": "_1" * 1000,
    "1 ": "1 " * 1000,
    "a.": "a." * 1000,
    "s n ": "s n " * 500,
    "five ": "five " * 400,
    "0": "0" * 2000,
    "zero-width": "".join(c + "\u200b" for c in "snapchat") * 125,
    "homoglyphs": "ѕпарсһат " * 223,
    "o1": "o1" * 1000,
    "5n@p": "5n@p " * 400,
}
# The rules may end an attacker pair's chat; this many fresh pairs at most.
MAX_COSTLY_PAIRS = 30
# A masked ping with a 4-byte payload (RFC 6455 5.2/5.5), written 4,096 at a time.
_MASK = b"\x37\xfa\x21\x3d"
PING_FRAME = bytes((0x89, 0x84)) + _MASK + bytes(b ^ m for b, m in zip(b"ping", _MASK, strict=True))
PING_CHUNK = PING_FRAME * 4096
SOLVE_CHUNK = 250_000  # numbers per solver task: about a tenth of a second


def address(net: int, index: int) -> str:
    return f"10.{net}.{index >> 8 & 255}.{index & 255}"


def http_base(port: int) -> str:
    return f"http://{HOST}:{port}"


async def enter(http: aiohttp.ClientSession, port: int, addr: str) -> str:
    """Declare an adult device from ``addr``; return its cookie."""
    for _ in range(10):
        headers = {"X-Forwarded-For": addr}
        async with http.post(http_base(port) + ENTRY_PATH, json=ENTRY_BODY, headers=headers) as r:
            if r.status == 429:
                await asyncio.sleep(float((await r.json()).get("retry_after", 1.0)))
                continue
            if r.status != 200:
                raise RuntimeError(f"entry refused ({r.status}): {await r.text()}")
            return r.cookies[DEVICE_COOKIE].value
    raise RuntimeError("entry still refused after 10 tries")


def new_http() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())  # one cookie per device


async def ws_open(
    http: aiohttp.ClientSession, port: int, cookie: str | None, addr: str
) -> aiohttp.ClientWebSocketResponse:
    headers = {"X-Forwarded-For": addr}
    if cookie:
        headers["Cookie"] = f"{DEVICE_COOKIE}={cookie}"
    return await http.ws_connect(
        f"ws://{HOST}:{port}/ws", protocols=(SUBPROTOCOL,), headers=headers, timeout=30
    )


# ---- raw WebSocket, for clients that must not read ----------------------


async def raw_handshake(port: int, addr: str, timeout: float = 10.0) -> tuple[socket.socket, bytes]:
    """A WebSocket handshake by hand; the socket, and what followed the 101."""
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)
    try:
        await asyncio.wait_for(loop.sock_connect(sock, (HOST, port)), timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET /ws HTTP/1.1\r\nHost: {HOST}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Sec-WebSocket-Protocol: {SUBPROTOCOL}\r\nX-Forwarded-For: {addr}\r\n\r\n"
        )
        await loop.sock_sendall(sock, request.encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = await asyncio.wait_for(loop.sock_recv(sock, 4096), timeout)
            if not chunk or len(data) > 65536:
                raise ConnectionError("no answer to the handshake")
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        status = head.split(b" ", 2)[1]
        if status != b"101":
            raise ConnectionError(f"handshake answered {status.decode(errors='replace')}")
        return sock, rest
    except BaseException:
        sock.close()
        raise


def server_frames(data: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """The complete server frames at the start of ``data`` as (opcode, payload), and the rest."""
    frames: list[tuple[int, bytes]] = []
    i = 0
    while i + 2 <= len(data):
        size, at = data[i + 1] & 0x7F, i + 2
        if size == 126:
            size, at = int.from_bytes(data[at : at + 2], "big"), at + 2
        elif size == 127:
            size, at = int.from_bytes(data[at : at + 8], "big"), at + 8
        if at + size > len(data):
            break
        frames.append((data[i] & 0x0F, data[at : at + size]))
        i = at + size
    return frames, data[i:]


def drain_socket(sock: socket.socket, limit: int = 8 << 20) -> tuple[bytes, bool]:
    """What waits in ``sock`` now, without blocking; and whether it has ended."""
    sock.setblocking(False)
    data = b""
    while len(data) < limit:
        try:
            chunk = sock.recv(65536)
        except BlockingIOError:
            return data, False
        except OSError:
            return data, True
        if not chunk:
            return data, True
        data += chunk
    return data, False


def classify(sock: socket.socket, head: bytes) -> tuple[str, int]:
    """How the server left this connection: ``close NNNN`` (its close frame),
    ``1006`` (ended with no close frame) or ``open``; and pongs it sent."""
    data, ended = drain_socket(sock)
    frames, _ = server_frames(head + data)
    pongs = sum(1 for op, _ in frames if op == 0xA)
    for op, payload in frames:
        if op == 0x8:
            code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            return f"close {code}", pongs
    return ("1006" if ended else "open"), pongs


# ---- the attackers, each in a process of its own -------------------------


def announce(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


async def hold() -> None:
    """Tell the runner the attack is over but its sockets are still open, and
    wait until it has looked at the server (or has gone away)."""
    announce("holding")
    await asyncio.to_thread(sys.stdin.readline)


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.start = time.monotonic()
        self.end = self.start + seconds

    def left(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def since(self) -> float:
        return time.monotonic() - self.start


async def attack_costly(spec: dict[str, Any]) -> dict[str, Any]:
    port, names = spec["port"], spec["patterns"]
    texts = [COSTLY_PATTERNS[n] for n in names]
    stats: collections.Counter[str] = collections.Counter()
    deadline: Deadline | None = None
    seq = 0
    ours: set[aiohttp.ClientWebSocketResponse] = set()  # closed by us

    async def read(ws: aiohttp.ClientWebSocketResponse, over: asyncio.Event) -> None:
        async for msg in ws:
            if msg.type is not aiohttp.WSMsgType.TEXT:
                continue
            data = orjson.loads(msg.data)
            kind = data["type"]
            if kind == "message":
                stats["delivered"] += 1
            elif kind == "chat_ended":
                stats[f"chat_ended by {data.get('by')} {data.get('reason', '')}".strip()] += 1
                over.set()
            elif kind == "error":
                stats[f"error {data.get('code')}"] += 1
            elif kind not in ("welcome", "waiting", "connected", "typing", "stopped_typing"):
                stats[kind] += 1
        if ws not in ours:
            stats[f"closed by the server {ws.close_code}"] += 1
        over.set()

    async def talk(ws: aiohttp.ClientWebSocketResponse, over: asyncio.Event) -> None:
        nonlocal seq
        assert deadline is not None
        due = time.monotonic()
        while not over.is_set() and deadline.left() > 0:
            seq += 1
            text = (token(seq).decode() + " " + texts[seq % len(texts)])[:MAX_CHARS]
            try:
                await ws.send_str(
                    orjson.dumps({"type": "message", "text": text, "id": seq}).decode()
                )
            except ConnectionError:
                break
            stats["sent"] += 1
            due += 1 / MESSAGES_PER_S
            await asyncio.sleep(max(0.0, due - time.monotonic()))

    async with new_http() as http:
        wss: list[aiohttp.ClientWebSocketResponse] = []
        readers: list[asyncio.Task[None]] = []
        for pair in range(MAX_COSTLY_PAIRS):
            if deadline is not None and deadline.left() <= 0:
                break
            ours.update(wss)
            for ws in wss:  # the rules ended the last pair's chat: a fresh pair
                await ws.close()
            addrs = [address(NET_COSTLY, 2 * pair + i) for i in (1, 2)]
            cookies = [await enter(http, port, addr) for addr in addrs]
            wss = [await ws_open(http, port, c, a) for c, a in zip(cookies, addrs, strict=True)]
            over = asyncio.Event()
            readers += [asyncio.create_task(read(ws, over)) for ws in wss]
            for ws in wss:
                await ws.send_str('{"type":"start"}')
                await asyncio.sleep(0.2)  # the first waits, the second meets it
            if deadline is None:
                announce("attacking")
                deadline = Deadline(spec["duration"])
            stats["pairs"] += 1
            await asyncio.gather(*(talk(ws, over) for ws in wss))
        await hold()
        ours.update(wss)
        for ws in wss:
            await ws.close()
        await asyncio.wait(readers, timeout=5)
    assert deadline is not None
    return {"stats": dict(stats), "seconds": round(deadline.since(), 1), "patterns": names}


async def attack_pings(spec: dict[str, Any]) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    port, addr = spec["port"], address(NET_PING, 1)
    outcomes: collections.Counter[str] = collections.Counter()
    first: collections.Counter[str] = collections.Counter()  # of the first connection of each slot
    lifetimes: list[float] = []
    live: list[tuple[socket.socket, bytes, bool]] = []
    totals = {"opened": 0, "frames": 0, "pongs": 0}
    announce("attacking")
    deadline = Deadline(spec["duration"])

    async def slot() -> None:
        is_first = True
        while deadline.left() > 0:
            try:
                sock, head = await raw_handshake(port, addr)
            except (OSError, ConnectionError) as exc:
                outcomes[f"handshake failed: {exc}"[:60]] += 1
                await asyncio.sleep(0.05)
                continue
            totals["opened"] += 1
            opened = time.monotonic()
            try:
                while deadline.left() > 0:
                    await asyncio.wait_for(loop.sock_sendall(sock, PING_CHUNK), deadline.left())
                    totals["frames"] += len(PING_CHUNK) // len(PING_FRAME)
            except (OSError, TimeoutError):
                pass
            if deadline.left() <= 0:  # still open, as far as we know: looked at in the hold
                live.append((sock, head, is_first))
                return
            outcome, pongs = classify(sock, head)
            sock.close()
            totals["pongs"] += pongs
            lifetimes.append(time.monotonic() - opened)
            outcomes[outcome] += 1
            if is_first:
                first[outcome] += 1
            is_first = False
            if not spec["reconnect"]:
                return

    await asyncio.gather(*(slot() for _ in range(spec["connections"])))
    await asyncio.sleep(deadline.left())  # without reconnecting: the loop's recovery
    await hold()
    for sock, head, is_first in live:
        outcome, pongs = classify(sock, head)
        totals["pongs"] += pongs
        outcomes[outcome] += 1
        if is_first:
            first[outcome] += 1
        sock.close()
    lifetimes.sort()
    return {
        "first": dict(first),
        "all": dict(outcomes),
        **totals,
        "seconds": round(deadline.since(), 1),
        "median_life_s": round(lifetimes[len(lifetimes) // 2], 2) if lifetimes else None,
        "cpu_s": round(time.process_time(), 1),
    }


async def attack_connections(spec: dict[str, Any]) -> dict[str, Any]:
    port, addr = spec["port"], address(NET_FLOOD, 1)
    outcomes: collections.Counter[str] = collections.Counter()
    kept: list[tuple[socket.socket, bytes]] = []
    gate = asyncio.Semaphore(64)
    loop = asyncio.get_running_loop()
    announce("attacking")
    deadline = Deadline(spec["duration"])

    async def one() -> None:
        async with gate:
            try:
                sock, data = await raw_handshake(port, addr)
            except (OSError, ConnectionError) as exc:
                outcomes[f"handshake failed: {exc}"[:60]] += 1
                return
            try:
                frames, _ = server_frames(data)
                while not frames:
                    chunk = await asyncio.wait_for(loop.sock_recv(sock, 4096), 10)
                    if not chunk:
                        break
                    data += chunk
                    frames, _ = server_frames(data)
            except (OSError, TimeoutError):
                frames = []
            if frames and frames[0][0] == 0x1:  # welcome: accepted; kept idle
                kept.append((sock, server_frames(data)[1]))
                return
            outcome = "1006"
            if frames and frames[0][0] == 0x8:
                outcome = f"close {int.from_bytes(frames[0][1][:2], 'big')}"
            outcomes[outcome] += 1
            sock.close()

    await asyncio.gather(*(one() for _ in range(spec["connections"])))
    opening = deadline.since()
    await asyncio.sleep(deadline.left())
    still = collections.Counter(classify(sock, head)[0] for sock, head in kept)
    await hold()
    for sock, _ in kept:
        sock.close()
    return {
        "tried": spec["connections"],
        "accepted": len(kept),
        "refused": dict(outcomes),
        "kept_at_end": dict(still),
        "opening_s": round(opening, 2),
        "cpu_s": round(time.process_time(), 1),
    }


def solver_setup(cores: list[int], claim: bool) -> None:
    """Where the solver runs. With ``claim`` it takes its cores from other
    programs on a shared machine as a dedicated attacker machine would
    (run.py's ``nice``: a session and autogroup of its own at niceness -20);
    it stays below the real-time server and measuring clients all the same."""
    with contextlib.suppress(OSError):
        os.sched_setaffinity(0, cores)
    if claim:
        child_setup("nice")()


def search(salt: str, challenge: str, lo: int, hi: int) -> tuple[int, int, float]:
    """Try ``lo`` .. ``hi - 1``: (the number or -1, numbers tried, CPU seconds)."""
    started = time.process_time()
    target = bytes.fromhex(challenge)
    base = hashlib.sha256(salt.encode())
    for n in range(lo, hi):
        h = base.copy()
        h.update(str(n).encode())
        if h.digest() == target:
            return n, n - lo + 1, time.process_time() - started
    return -1, hi - lo, time.process_time() - started


@dataclass
class PowStats:
    starts: list[float] = field(default_factory=list)  # seconds into the phase
    solves: list[tuple[float, int, float]] = field(default_factory=list)  # at, maxnumber, seconds
    last_maxnumber: int = 0
    hashes: int = 0
    solver_cpu: float = 0.0
    other: collections.Counter[str] = field(default_factory=collections.Counter)


async def attack_pow(spec: dict[str, Any]) -> dict[str, Any]:
    port, devices, addr = spec["port"], spec["devices"], spec["address"]
    loop = asyncio.get_running_loop()
    stats = PowStats()
    answers = ("waiting", "error", "challenge", "challenge_passed")
    closing = False

    async def read(ws: aiohttp.ClientWebSocketResponse, queue: asyncio.Queue[Any]) -> None:
        async for msg in ws:
            if msg.type is aiohttp.WSMsgType.TEXT:
                data = orjson.loads(msg.data)
                if data["type"] in answers:
                    queue.put_nowait(data)
                else:
                    stats.other[data["type"]] += 1
        if not closing:
            stats.other[f"closed by the server {ws.close_code}"] += 1
        queue.put_nowait(None)

    async def answer(queue: asyncio.Queue[Any], deadline: Deadline) -> Any:
        try:
            return await asyncio.wait_for(queue.get(), max(0.01, deadline.left()))
        except TimeoutError:
            return None

    async def solve(challenge: dict[str, Any], deadline: Deadline) -> int | None:
        stats.last_maxnumber = challenge["maxnumber"]
        lo, top = 0, challenge["maxnumber"] + 1
        while lo < top and deadline.left() > 0:
            hi = min(top, lo + SOLVE_CHUNK)
            job = (challenge["salt"], challenge["challenge"], lo, hi)
            number, tried, cpu = await loop.run_in_executor(pool, search, *job)
            stats.hashes += tried
            stats.solver_cpu += cpu
            if number >= 0:
                return number
            lo = hi
        return None

    async def script(ws: aiohttp.ClientWebSocketResponse, queue: Any, deadline: Deadline) -> None:
        verb, pending = "start", None
        while deadline.left() > 0:
            await ws.send_str(f'{{"type":"{verb}"}}')
            got = await answer(queue, deadline)
            while got is not None and got["type"] == "challenge":
                pending = got
                stats.last_maxnumber = got["maxnumber"]
                got = await answer(queue, deadline)
            if got is None:
                return
            if got["type"] == "waiting":
                stats.starts.append(deadline.since())
                verb = "next"
                continue
            code = got.get("code")
            stats.other[f"error {code}"] += 1
            if code == "rate_limited":
                await asyncio.sleep(min(float(got.get("retry_after") or 0.5), deadline.left()))
            elif code == "bad_state":
                verb = "start" if verb == "next" else "next"
            elif code == "challenge_required" and pending is not None:
                began = time.monotonic()
                number = await solve(pending, deadline)
                if number is None:
                    return
                solution = {k: pending[k] for k in ("algorithm", "challenge", "salt", "signature")}
                payload = base64.b64encode(orjson.dumps({**solution, "number": number})).decode()
                await ws.send_str(orjson.dumps({"type": "solve", "payload": payload}).decode())
                got = await answer(queue, deadline)
                if got is not None and got["type"] == "challenge_passed":
                    stats.solves.append(
                        (deadline.since(), pending["maxnumber"], time.monotonic() - began)
                    )
                elif got is not None:
                    stats.other[f"solve answered {got['type']} {got.get('code', '')}"] += 1
                pending = None
            else:
                await asyncio.sleep(0.1)

    context = multiprocessing.get_context("spawn")
    cores = spec["solver_cores"]
    with ProcessPoolExecutor(1, context, solver_setup, (cores, spec["claim"])) as pool:
        await loop.run_in_executor(pool, search, "", "00", 0, 0)  # the worker is up
        async with new_http() as http:
            cookies = [await enter(http, port, addr) for _ in range(devices)]
            wss = [
                await ws_open(http, port, c, addr)
                for c in cookies
                for _ in range(spec["connections"])
            ]
            queues: list[asyncio.Queue[Any]] = [asyncio.Queue() for _ in wss]
            readers = [asyncio.create_task(read(ws, q)) for ws, q in zip(wss, queues, strict=True)]
            own_cpu = time.process_time()
            announce("attacking")
            deadline = Deadline(spec["duration"])
            await asyncio.gather(
                *(script(ws, q, deadline) for ws, q in zip(wss, queues, strict=True))
            )
            seconds = deadline.since()
            own_cpu = time.process_time() - own_cpu
            await hold()
            closing = True
            for ws in wss:
                await ws.close()
            await asyncio.wait(readers, timeout=5)
    window = min(20.0, seconds / 2)
    early = sum(1 for t in stats.starts if t < window)
    late = sum(1 for t in stats.starts if t >= seconds - window)
    return {
        "devices": devices,
        "seconds": round(seconds, 1),
        "starts": len(stats.starts),
        "per_min": round(len(stats.starts) * 60 / seconds, 1),
        "window_s": round(window, 1),
        "first_per_min": round(early * 60 / window, 1),
        "last_per_min": round(late * 60 / window, 1),
        "solves": len(stats.solves),
        "solve_log": [(round(t, 1), m, round(s, 2)) for t, m, s in stats.solves],
        "last_maxnumber": stats.last_maxnumber,
        "hashes": stats.hashes,
        "solver_cpu_s": round(stats.solver_cpu, 2),
        "hashes_per_cpu_s": round(stats.hashes / stats.solver_cpu) if stats.solver_cpu else 0,
        "solver_cores": sorted(cores),
        "connections": spec["connections"],
        "client_cpu_s": round(own_cpu, 1),
        "other": dict(stats.other),
    }


ROLES: dict[str, Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]] = {
    "costly": attack_costly,
    "pingflood": attack_pings,
    "connflood": attack_connections,
    "pow": attack_pow,
}


def attacker_main(role: str, spec: dict[str, Any]) -> None:
    # Lowest priority (and never the real-time class the runner may be in):
    # the attacker has core 1 whenever the measuring clients do not need it,
    # and never delays them.
    with contextlib.suppress(OSError):
        os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, 19)
    raise_nofile_limit()
    result = uvloop.run(ROLES[role](spec))
    sys.stdout.write(json.dumps(result) + "\n")


# ---- the measuring side ---------------------------------------------------


@dataclass
class Probe:
    """Lines sent inside the window and when each arrived."""

    window_from: int = 0
    window_until: int = 1 << 62
    sent: int = 0
    latencies: list[int] = field(default_factory=list)
    notices: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def stats(self) -> dict[str, Any]:
        lat = sorted(self.latencies)
        n = self.sent

        def ms(pct: float) -> float | None:
            """A percentile over every line sent; None where it falls on a lost one."""
            rank = min(n - 1, int(n * pct / 100))
            return round(lat[rank] / 1e6, 2) if 0 <= rank < len(lat) else None

        return {"sent": n, "lost": n - len(lat), "p50": ms(50), "p99": ms(99), "max": ms(100)}


class Talker(WSListener):
    """One well-behaved person: says a line when told, times the partner's."""

    def __init__(self, probe: Probe) -> None:
        self.probe = probe
        self.transport: WSTransport | None = None
        self.arrived: collections.defaultdict[str, asyncio.Event] = collections.defaultdict(
            asyncio.Event
        )
        self.chatting = False

    def on_ws_connected(self, transport: WSTransport) -> None:
        self.transport = transport

    def on_ws_disconnected(self, transport: WSTransport) -> None:
        self.chatting = False
        self.probe.notices["disconnected"] += 1

    def on_ws_frame(self, transport: WSTransport, frame: WSFrame) -> None:
        probe = self.probe
        if frame.msg_type is WSMsgType.CLOSE:
            code = frame.get_close_code()
            probe.notices[f"closed {getattr(code, 'value', code)}"] += 1
            transport.send_close(WSCloseCode.OK)
            transport.disconnect()
            return
        if frame.msg_type is not WSMsgType.TEXT:
            return
        data = orjson.loads(frame.get_payload_as_bytes())
        kind = data["type"]
        if kind == "message" and data["text"].startswith("q "):
            sent = untoken(data["text"])
            if probe.window_from <= sent < probe.window_until:
                probe.latencies.append(now_ns() - sent)
        elif kind == "connected":
            self.chatting = True
        elif kind not in ("welcome", "waiting", "pong"):
            if kind == "chat_ended":
                self.chatting = False
            name = f"{kind} {data.get('code', '')}".strip()
            probe.notices[name] += 1
            probe.examples.setdefault(name, json.dumps(data)[:200])
        self.arrived[kind].set()

    def say(self) -> None:
        assert self.transport is not None
        self.probe.sent += 1
        self.transport.send(WSMsgType.TEXT, PAIR_LINE % token(now_ns()))


async def open_pair(
    port: int, http: aiohttp.ClientSession, probe: Probe, net: int, first: int
) -> list[Talker]:
    """Two new adults from two addresses, matched with each other."""
    talkers = []
    for i in (first, first + 1):
        addr = address(net, i)
        cookie = await enter(http, port, addr)
        headers = {
            "Cookie": f"{DEVICE_COOKIE}={cookie}",
            "X-Forwarded-For": addr,
            "Sec-WebSocket-Protocol": SUBPROTOCOL,
        }
        _, talker = await ws_connect(
            lambda: Talker(probe), f"ws://{HOST}:{port}/ws", extra_headers=headers
        )
        assert isinstance(talker, Talker)
        await asyncio.wait_for(talker.arrived["welcome"].wait(), 10)
        assert talker.transport is not None
        talker.transport.send(WSMsgType.TEXT, b'{"type":"start"}')
        await asyncio.wait_for(talker.arrived["waiting"].wait(), 10)
        talkers.append(talker)
    await asyncio.wait_for(asyncio.gather(*(t.arrived["connected"].wait() for t in talkers)), 10)
    return talkers


class Pairs:
    """The well-behaved pairs: both sides talk, at ``rate`` lines a second in all."""

    def __init__(self, port: int, pairs: int, rate: float) -> None:
        self.port, self.pairs, self.rate = port, pairs, rate
        self.talkers: list[Talker] = []
        self.probe = Probe()
        self._task: asyncio.Task[None] | None = None
        self._ending: asyncio.Task[None] | None = None

    async def open(self) -> None:
        async with new_http() as http:
            for k in range(self.pairs):
                self.talkers += await open_pair(self.port, http, self.probe, NET_PAIRS, 2 * k + 1)

    def start(self) -> None:
        notices = self.probe.notices  # kept across phases: they are what went wrong
        self.probe = Probe(window_from=now_ns(), notices=notices, examples=self.probe.examples)
        for talker in self.talkers:
            talker.probe = self.probe
        self._task = asyncio.create_task(self._talk())

    async def _talk(self) -> None:
        interval, i, due = 1 / self.rate, 0, time.perf_counter()
        while True:
            live = [t for t in self.talkers if t.chatting]
            if live:
                live[i % len(live)].say()
                i += 1
            due += interval
            now = time.perf_counter()
            if now - due > 5 * interval:  # we fell behind: never burst past the limits
                due = now
            await asyncio.sleep(max(0.0, due - now))

    def stop(self) -> None:
        """Stop talking (again: nothing)."""
        if self._task is not None:
            self.probe.window_until = now_ns()
            self._task.cancel()
            self._ending, self._task = self._task, None

    async def results(self) -> dict[str, Any]:
        """The latencies, once the last lines have had time to arrive."""
        assert self._ending is not None
        with contextlib.suppress(asyncio.CancelledError):
            await self._ending
        await asyncio.sleep(GRACE)
        return self.probe.stats()

    def close(self) -> None:
        for talker in self.talkers:
            if talker.transport is not None:
                talker.transport.send_close(WSCloseCode.OK)
                talker.transport.disconnect()


class Attacker:
    """One attacker process: ``attacking``, ``holding``, then its result on stdout."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def spawn(cls, role: str, spec: dict[str, Any], log: Path) -> Attacker:
        err = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                __file__,
                "--role",
                role,
                "--spec",
                json.dumps(spec),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=err,
                limit=1 << 20,
            )
        finally:
            os.close(err)
        return cls(process)

    async def expect(self, word: str, timeout: float) -> None:
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), timeout)
        if line.decode().strip() != word:
            raise RuntimeError(f"attacker said {line[:200]!r}, not {word!r}")

    async def finish(self) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(b"go\n")
        await self.process.stdin.drain()
        line = await asyncio.wait_for(self.process.stdout.readline(), 60)
        await asyncio.wait_for(self.process.wait(), 30)
        result: dict[str, Any] = json.loads(line)
        return result

    def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()


def start_server(workdir: Path, sched: str) -> Server:
    """``passerby serve`` as shipped, on core 0; only forwarded addresses are trusted."""
    port = free_port()
    data_dir = workdir / "data"
    data_dir.mkdir()
    env = {
        **os.environ,
        "PASSERBY_DATA_DIR": str(data_dir),
        "PASSERBY_TRUST_FORWARDED_FOR": "true",
    }
    command = [sys.executable, "-m", "passerby", "serve", "--host", HOST, "--port", str(port)]
    if (os.cpu_count() or 1) >= 2:
        command = ["taskset", "-c", "0", *command]
    log_path = workdir / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=child_setup(sched),
        )
    server = Server("passerby", process, port, log_path)
    try:
        wait_listening(server)
    except BaseException:
        stop_server(server)
        raise
    return server


async def read_metrics(port: int) -> dict[str, float]:
    totals: dict[str, float] = collections.defaultdict(float)
    async with (
        aiohttp.ClientSession() as http,
        http.get(http_base(port) + "/metrics", timeout=aiohttp.ClientTimeout(total=10)) as r,
    ):
        for line in (await r.text()).splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                totals[name.split("{", 1)[0]] += float(value)
    return totals


def server_queues(port: int) -> dict[str, int]:
    """Bytes waiting in the kernel queues of the server's connected sockets (``ss -tn``)."""
    out = subprocess.run(
        ["ss", "-tnH", "sport", "=", f":{port}"], capture_output=True, text=True, check=False
    ).stdout
    sockets = recv_q = send_q = send_max = 0
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[3].endswith(f":{port}"):
            sockets += 1
            recv_q += int(fields[1])
            send_q += int(fields[2])
            send_max = max(send_max, int(fields[2]))
    return {"sockets": sockets, "recv_q": recv_q, "send_q": send_q, "send_q_max": send_max}


class Bench:
    def __init__(self, args: argparse.Namespace, server: Server, workdir: Path) -> None:
        self.args = args
        self.server = server
        self.port = server.port
        self.pid = server.process.pid
        self.workdir = workdir
        self.pairs = Pairs(self.port, args.pairs, args.pair_rate)

    def spec(self, phase: str) -> tuple[str, dict[str, Any]]:
        a, port = self.args, self.port
        if phase == "costly":
            return "costly", {"port": port, "duration": a.duration, "patterns": a.patterns}
        if phase == "pingflood":
            return "pingflood", {
                "port": port,
                "duration": a.duration,
                "connections": a.ping_connections,
                "reconnect": not a.no_reconnect,
            }
        if phase == "connflood":
            return "connflood", {"port": port, "duration": a.duration, "connections": a.flood}
        devices, net = (1, NET_POW1) if phase == "pow1" else (a.pow_devices, NET_POW10)
        # Under a real-time server and clients the solver cannot delay them, so
        # it may use the server core's idle time too and claim its cores from
        # other programs, as a remote attacker has cores of its own; otherwise
        # it stays on the clients' core at the lowest priority.
        cores = sorted(os.sched_getaffinity(0) if a.sched != "rr" else range(os.cpu_count() or 1))
        return "pow", {
            "port": port,
            "duration": a.pow_duration,
            "devices": devices,
            "connections": a.pow_connections,
            "address": address(net, 1),
            "solver_cores": cores,
            "claim": a.sched == "rr",
        }

    async def phase(self, phase: str) -> dict[str, Any]:
        before = await read_metrics(self.port)
        attacker = None
        try:
            if phase != "baseline":
                role, spec = self.spec(phase)
                attacker = await Attacker.spawn(role, spec, self.workdir / f"{phase}.log")
                await attacker.expect("attacking", 120)
            rss0, cpu0, t0 = read_rss_kib(self.pid), read_cpu_seconds(self.pid), time.monotonic()
            waits0 = read_runq_wait_ns(self.pid), read_runq_wait_ns(os.getpid())
            self.pairs.start()
            if attacker is None:
                await asyncio.sleep(self.args.duration)
            else:
                await attacker.expect("holding", self.args.pow_duration + self.args.duration + 120)
            self.pairs.stop()
            wall = time.monotonic() - t0
            found: dict[str, Any] = {
                "server_cpu_pct": round((read_cpu_seconds(self.pid) - cpu0) / wall * 100),
                # Time the server's loop and ours were ready to run but waited
                # for a core: other programs in the way, i.e. noise.
                "wait_pct": [
                    round((read_runq_wait_ns(pid) - w) / 1e9 / wall * 100, 1)
                    for pid, w in zip((self.pid, os.getpid()), waits0, strict=True)
                ],
                "rss_kib": (rss0, read_rss_kib(self.pid)),
                "queues": server_queues(self.port),
                "seconds": round(wall, 1),
            }
            latency_task = asyncio.create_task(self.pairs.results())
            if phase == "connflood":
                found["fresh"] = await self.fresh_pair()
            found["attack"] = await attacker.finish() if attacker else {}
            found["latency"] = await latency_task
        finally:
            self.pairs.stop()
            if attacker is not None:
                attacker.kill()
        after = await read_metrics(self.port)
        found["metrics"] = {k: after[k] - before.get(k, 0.0) for k in after if k.endswith("_total")}
        found["metrics"]["passerby_connections"] = after.get("passerby_connections", 0.0)
        if self.server.process.poll() is not None:
            raise RuntimeError(f"the server died:\n{self.server.log_tail()}")
        return found

    async def fresh_pair(self) -> dict[str, Any]:
        """Two new people from other addresses: can they still meet and chat?"""
        probe = Probe()
        started = time.perf_counter()
        try:
            async with new_http() as http:
                talkers = await open_pair(self.port, http, probe, NET_FRESH, 1)
            matched = time.perf_counter() - started
            talkers[0].say()
            await asyncio.wait_for(talkers[1].arrived["message"].wait(), 5)
        except (TimeoutError, OSError, RuntimeError, aiohttp.ClientError) as exc:
            return {"ok": False, "error": repr(exc)[:200], "notices": dict(probe.notices)}
        for talker in talkers:
            assert talker.transport is not None
            talker.transport.disconnect()
        return {
            "ok": True,
            "entry_to_chat_ms": round(matched * 1000),
            "line_ms": round(probe.latencies[0] / 1e6, 2),
        }


# ---- the report -------------------------------------------------------------


def fmt(value: float | None, digits: int = 2) -> str:
    return "lost" if value is None else f"{value:,.{digits}f}"


def report(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> list[str]:
    base = results.get("baseline", {}).get("latency", {})
    rows = [
        ["phase", "s", "lines", "p50 ms", "p99 ms", "max ms", "p99/base", "max/base", "srv CPU%"]
    ]
    for phase, r in results.items():
        lat = r["latency"]
        row = [TITLES[phase], f"{r['seconds']:.0f}", f"{lat['sent']}"]
        row += [fmt(lat["p50"]), fmt(lat["p99"]), fmt(lat["max"])]
        for key in ("p99", "max"):
            ok = lat[key] is not None and base.get(key)
            row.append(f"{lat[key] / base[key]:.2f}" if ok else "-")
        row.append(f"{r['server_cpu_pct']}")
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for k, row in enumerate(rows):
        lines.append(
            "  ".join(
                [row[0].ljust(widths[0])]
                + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
            )
        )
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    for phase, r in results.items():
        lines.append(f"{TITLES[phase]}:")
        lines += ["  " + d for d in details(phase, r, args)]
    return lines


def details(phase: str, r: dict[str, Any], args: argparse.Namespace) -> list[str]:
    lat, q, m, a = r["latency"], r["queues"], r["metrics"], r["attack"]
    rss0, rss1 = r["rss_kib"]
    out = [
        f"server and measuring clients waited for a core {r['wait_pct'][0]}% / "
        f"{r['wait_pct'][1]}% of the phase (other programs in the way)",
        f"pair lines lost {lat['lost']}; server RSS {rss0 / 1024:.1f} -> {rss1 / 1024:.1f} MiB; "
        f"kernel queues of its {q['sockets']} sockets at the end: Send-Q {q['send_q']:,} B "
        f"(largest {q['send_q_max']:,}), Recv-Q {q['recv_q']:,} B",
        "server counters over the phase: "
        + ", ".join(
            f"{k.removeprefix('passerby_').removesuffix('_total')} {v:,.0f}"
            for k, v in sorted(m.items())
            if v and k.endswith("_total")
        ),
    ]
    if args.sched == "rr" and r["server_cpu_pct"] >= 90:
        out.append(
            "the server was busy >= 90%: in the real-time class the kernel holds it back "
            "50 ms of every second it runs flat out (sched_rt_runtime_us); --sched nice avoids it"
        )
    if phase == "costly":
        s = a["stats"]
        held = s.get("held", 0)
        out.append(
            f"attacker: {s.get('pairs', 0)} device pairs, sent {s.get('sent', 0)} texts of "
            f"{MAX_CHARS} chars in {a['seconds']} s ({', '.join(a['patterns'])}); delivered "
            f"{s.get('delivered', 0)}, held {held}; work pauses "
            f"{m.get('passerby_work_pauses_total', 0):.0f}"
        )
        rest = {k: v for k, v in s.items() if k not in ("pairs", "sent", "delivered", "held")}
        out.append(f"attacker also saw: {rest}")
    elif phase == "pingflood":
        out.append(
            f"attacker: {args.ping_connections} slots, {a['opened']} connections opened in all, "
            f"{a['frames']:,} pings written into its sockets "
            f"({a['frames'] / max(a['seconds'], 0.1):,.0f}/s), "
            f"{a['pongs']} pongs found unread, {a['cpu_s']} s CPU"
        )
        out.append(f"the first {args.ping_connections} connections ended: {a['first']}")
        out.append(
            f"all connections ended: {a['all']}; median life until the writes failed "
            f"{a['median_life_s']} s"
        )
    elif phase == "connflood":
        out.append(
            f"attacker: tried {a['tried']} from one address in {a['opening_s']} s; the server "
            f"accepted {a['accepted']} (its limit per address {PER_ADDRESS}), "
            f"refused {a['refused']}; still open at the end {a['kept_at_end']}"
        )
        f = r["fresh"]
        if f["ok"]:
            out.append(
                f"fresh pair from other addresses: entry to chat {f['entry_to_chat_ms']} ms, "
                f"a line in {f['line_ms']} ms"
            )
        else:
            out.append(f"fresh pair from other addresses FAILED: {f}")
    elif phase in ("pow1", "pow10"):
        seconds, rate, top = a["seconds"], a["hashes_per_cpu_s"], a["last_maxnumber"]
        out.append(
            f"{a['devices']} device(s) x {a['connections']} connection(s), one address: "
            f"{a['starts']} starts accepted in {seconds} s = {a['per_min']}/min; first "
            f"{a['window_s']} s {a['first_per_min']}/min, last {a['window_s']} s "
            f"{a['last_per_min']}/min"
        )
        out.append(
            f"{a['solves']} challenges solved; last maxnumber seen {top:,}; solver "
            f"{a['hashes']:,} hashes in {a['solver_cpu_s']} s CPU = "
            f"{a['solver_cpu_s'] / seconds * 100:.0f}% of one core over the phase (one process "
            f"on cores {a['solver_cores']}, {rate / 1e6:.2f} M hashes per CPU-second); "
            f"client {a['client_cpu_s']} s CPU"
        )
        if rate and top:
            out.append(
                f"a challenge at maxnumber {top:,} costs this solver {top / 2 / rate:.1f} "
                "CPU-seconds on average (maxnumber / 2 hashes)"
            )
        log = a["solve_log"]
        shown = log if len(log) <= 8 else [*log[:4], "...", *log[-4:]]
        out.append(f"solves (s into the phase, maxnumber, wall seconds): {shown}")
        out.append(f"other frames and errors: {a['other']}")
    return out


def flags(results: dict[str, dict[str, Any]], pairs: Pairs, server: Server) -> list[str]:
    """What looks wrong on the server's side."""
    found = []
    if pairs.probe.notices:
        found.append(
            f"the well-behaved pairs saw {dict(pairs.probe.notices)}; "
            f"e.g. {list(pairs.probe.examples.values())[:3]}"
        )
    base = results.get("baseline", {}).get("latency", {}).get("p99")
    for phase, r in results.items():
        p99 = r["latency"]["p99"]
        if base and phase != "baseline" and (p99 is None or p99 > RATIO_FLAG * base):
            found.append(
                f"{phase}: the pairs' p99 is {'lost' if p99 is None else f'{p99 / base:.0f}x'}"
                f" the baseline's (server CPU {r['server_cpu_pct']}%)"
            )
        if r["latency"]["lost"]:
            found.append(
                f"{phase}: {r['latency']['lost']} pair lines not delivered within {GRACE} s"
            )
        if phase == "connflood":
            if r["attack"]["accepted"] > PER_ADDRESS:
                found.append(f"connflood: {r['attack']['accepted']} kept from one address")
            if not r["fresh"]["ok"]:
                found.append("connflood: a fresh pair from other addresses could not chat")
        if phase == "pingflood" and r["attack"]["first"].get("open"):
            found.append(f"pingflood: {r['attack']['first']['open']} flooders never closed")
    log = server.log_path.read_text(errors="replace").splitlines()
    bad = [line for line in log if "Traceback" in line or "ERROR" in line or "Error" in line]
    if bad:
        found.append(f"server log: {len(bad)} error lines, e.g. {bad[:3]}")
    routine = ("listening on", "shutting down")
    warnings = collections.Counter(
        line[24:144] for line in log if "WARNING" in line and not any(r in line for r in routine)
    )
    for line, count in warnings.most_common(5):
        found.append(f"server log warning x{count}: {line}")
    return found


async def bench(args: argparse.Namespace, workdir: Path) -> None:
    server = start_server(workdir, args.sched)
    print(f"server pid {server.process.pid} on port {server.port}, log {server.log_path}")
    results: dict[str, dict[str, Any]] = {}
    b = Bench(args, server, workdir)
    try:
        await b.pairs.open()
        for phase in args.phases:
            print(f"== {TITLES[phase]}", flush=True)
            try:
                results[phase] = await b.phase(phase)
            except (RuntimeError, OSError, TimeoutError, aiohttp.ClientError) as exc:
                print(f"   failed: {exc!r}; attacker log {workdir / (phase + '.log')}", flush=True)
                tail = (workdir / f"{phase}.log").read_text(errors="replace")[-1500:]
                print(tail, flush=True)
                if server.process.poll() is not None:
                    break
            await asyncio.sleep(1.0)  # let what the attacker left behind clear
        b.pairs.close()
    finally:
        stop_server(server)
    print()
    print("\n".join(report(results, args)))
    print()
    for line in flags(results, b.pairs, server) or ["nothing flagged"]:
        print(f"! {line}" if line != "nothing flagged" else line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phases", default=",".join(PHASES), help="comma-separated subset")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of phases 1-4")
    parser.add_argument("--pow-duration", type=float, default=40.0, help="seconds of phase 5a/5b")
    parser.add_argument("--pairs", type=int, default=5, help="well-behaved pairs")
    parser.add_argument("--pair-rate", type=float, default=20.0, help="their lines/s in all")
    parser.add_argument("--ping-connections", type=int, default=50)
    parser.add_argument(
        "--no-reconnect", action="store_true", help="a ping flooder the server ends stays away"
    )
    parser.add_argument("--flood", type=int, default=1000, help="connections of phase 4")
    parser.add_argument("--pow-devices", type=int, default=10, help="devices of phase 5b")
    parser.add_argument(
        "--pow-connections", type=int, default=1, help="connections per scripted device"
    )
    parser.add_argument(
        "--patterns",
        default=",".join(COSTLY_PATTERNS),
        help=f"costly texts to cycle through, of: {', '.join(COSTLY_PATTERNS)}",
    )
    parser.add_argument(
        "--sched",
        choices=("rr", "nice", "none"),
        default="rr",
        help="how the server and the measuring clients claim their cores on a shared machine "
        "(rr: real-time SCHED_RR and niceness -20, as in run.py; nice: niceness -20; none)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--role", choices=sorted(ROLES), help=argparse.SUPPRESS)
    parser.add_argument("--spec", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.phases = [p for p in args.phases.split(",") if p]
    args.patterns = [p for p in args.patterns.split(",") if p]
    unknown = set(args.phases) - set(PHASES) | set(args.patterns) - set(COSTLY_PATTERNS)
    if unknown:
        parser.error(f"unknown phases or patterns: {sorted(unknown)}")
    if args.pair_rate / (2 * args.pairs) > TALK_PER_S:
        parser.error(f"more than {TALK_PER_S:g} lines/s per person trips the flood rule")
    return args


def main() -> None:
    args = parse_args()
    if args.role:
        attacker_main(args.role, json.loads(args.spec))
        return
    raise_nofile_limit()
    if (os.cpu_count() or 1) >= 2:
        os.sched_setaffinity(0, {1})  # the server has core 0; attackers inherit core 1
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, -20)
    if args.sched == "rr":
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_RR, os.sched_param(1))
    print(f"machine: {machine()}; server and measuring clients: {sched_name(os.getpid())}")
    print(
        f"pairs: {args.pairs}, both sides talking, {args.pair_rate:g} lines/s in all; "
        f"phases {args.duration:g} s, proof of work {args.pow_duration:g} s",
        flush=True,
    )
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="passerby-attack-") as tmp:
        uvloop.run(bench(args, Path(tmp)))
    print(f"\nfinished in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
