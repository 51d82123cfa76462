"""Load generator speaking the Passerby WebSocket protocol (docs/protocol.md).

It declares one device per user (``POST /api/entry``, where the server has
it), opens N WebSocket connections with picows on uvloop and runs, against
one running server, the phases the benchmark reports (docs/benchmarks.md):

1. ``match``: N fresh connections read ``welcome``, then all send ``start``;
   time from the first ``start`` to the last ``connected``.
2. ``memory``: server RSS (VmRSS) with the N connections idle and paired,
   minus RSS before they were opened, per connection.
3. ``saturation``: every client keeps ``--window`` messages in flight to its
   partner (each message received is answered with a new one); messages
   received per second over a steady window.
4. ``latency``: an open-loop fixed rate of ``--rate`` messages relayed per
   second in total; half are timestamped pings, half the partner's echoes;
   the sender measures each round trip.

It prints one JSON object on standard output and progress on standard error.
It measures its own CPU time and the server's, so a run where the client is
the bottleneck shows it. It must never pretend: a failure, a lost message or
an unmatched connection is reported, not hidden.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import orjson
import uvloop
from picows import WSCloseCode, WSFrame, WSListener, WSMsgType, WSTransport, ws_connect

# bare_relay sits beside this file; run.py and this script share its helper.
from bare_relay import raise_nofile_limit

TEXT = WSMsgType.TEXT
CLOSE = WSMsgType.CLOSE
START = orjson.dumps({"type": "start"})
# Chat lines must look like chat, since Passerby moderates them: it holds a
# text sent three times (bots do that) and masks long digit runs (phone
# numbers). So every line is a short sentence with a unique token, a number
# written in hex with consonants for digits, which spells no word. The first
# letter tags the line: "s" saturation, "p" ping, "e" the echo of a ping.
TOKEN_LETTERS = str.maketrans("0123456789abcdef", "bcdfghjklmnpqrst")
TOKEN_DIGITS = str.maketrans("bcdfghjklmnpqrst", "0123456789abcdef")
SAT_LINE = b'{"type":"message","text":"s %s hey, how is your day going so far?"}'
PING_LINE = b'{"type":"message","text":"p %s are you still there?"}'
ENTRY_PATH = "/api/entry"
DEVICE_COOKIE = "passerby_device"
WARMUP_USERS = 20
ECHO_HEAD = b'{"type":"message","text":"e'
ECHO_TAIL = b'"}'
CLK_TCK = os.sysconf("SC_CLK_TCK")
now_ns = time.perf_counter_ns


def token(number: int) -> bytes:
    # Fixed width: a short token could be a word ("sh", "tbh") to a classifier.
    return format(number, "016x").translate(TOKEN_LETTERS).encode()


def untoken(text: str) -> int:
    """The number in a tagged line ("e TOKEN ..."); ValueError if there is none."""
    return int(text[2 : text.index(" ", 2)].translate(TOKEN_DIGITS), 16)


def log(text: str) -> None:
    print(f"[loadgen] {text}", file=sys.stderr, flush=True)


@dataclass
class Counters:
    """Everything the clients observe, shared by all of them."""

    welcomed: int = 0
    matched: int = 0
    received: int = 0
    disconnected: int = 0
    chat_ended: int = 0
    undelivered: int = 0
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    # Server frames a plain chat client does not expect: held, masked,
    # warning, challenge, banned... and close codes. Any of them is reported.
    notices: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: dict[str, str] = field(default_factory=dict)  # first of each notice
    sequence: int = 0  # makes every saturation line unique
    saturating: bool = False
    # Round trips are kept only for pings sent inside [rtt_from, rtt_until).
    rtt_from: int = 0
    rtt_until: int = 0
    rtts: list[int] = field(default_factory=list)
    pings: int = 0  # pings sent inside the window, whose echo is awaited
    target: int = 0
    reached: asyncio.Event = field(default_factory=asyncio.Event)

    def expect(self, target: int) -> None:
        self.target = target
        self.reached = asyncio.Event()


class Client(WSListener):
    """One user: reacts to server frames without any coroutine per frame."""

    __slots__ = ("c", "connected_ns", "start_ns", "transport")

    def __init__(self, counters: Counters) -> None:
        self.c = counters
        self.transport: WSTransport | None = None
        self.start_ns = 0
        self.connected_ns = 0

    def on_ws_connected(self, transport: WSTransport) -> None:
        self.transport = transport

    def on_ws_disconnected(self, transport: WSTransport) -> None:
        self.c.disconnected += 1

    def on_ws_frame(self, transport: WSTransport, frame: WSFrame) -> None:
        if frame.msg_type is not TEXT:
            if frame.msg_type is CLOSE:
                code = frame.get_close_code()
                self.c.notices[f"close {getattr(code, 'value', code)}"] += 1
                transport.send_close(code)
                transport.disconnect()
            return
        data = orjson.loads(frame.get_payload_as_memoryview())
        kind = data["type"]
        c = self.c
        if kind == "message":
            c.received += 1
            text: str = data["text"]
            tag = text[0]
            if tag == "s":
                if c.saturating:
                    c.sequence += 1
                    transport.send(TEXT, SAT_LINE % token(c.sequence))
            elif tag == "p":
                transport.send(TEXT, ECHO_HEAD + text[1:].encode() + ECHO_TAIL)
            elif tag == "e":
                try:
                    sent = untoken(text)
                except ValueError:
                    c.notices["unreadable echo"] += 1
                    return
                if c.rtt_from <= sent < c.rtt_until:
                    c.rtts.append(now_ns() - sent)
        elif kind == "connected":
            self.connected_ns = now_ns()
            c.matched += 1
            if c.matched >= c.target:
                c.reached.set()
        elif kind == "welcome":
            c.welcomed += 1
            if c.welcomed >= c.target:
                c.reached.set()
        elif kind == "error":
            c.errors[str(data.get("code"))] += 1
        elif kind == "chat_ended":
            c.chat_ended += 1
        elif kind == "undelivered":
            c.undelivered += 1
        elif kind not in ("waiting", "pong"):
            c.notices[kind] += 1
            if kind not in c.examples:
                c.examples[kind] = bytes(frame.get_payload_as_memoryview()[:300]).decode()

    def send_ping(self) -> None:
        assert self.transport is not None
        sent = now_ns()
        c = self.c
        if c.rtt_from <= sent < c.rtt_until:
            c.pings += 1
        self.transport.send(TEXT, PING_LINE % token(sent))

    def send_line(self) -> None:
        """Send one saturation line."""
        assert self.transport is not None
        self.c.sequence += 1
        self.transport.send(TEXT, SAT_LINE % token(self.c.sequence))


def percentile(sorted_values: list[int], pct: float) -> float:
    """Nearest-rank percentile of already sorted values (0 if empty)."""
    if not sorted_values:
        return 0.0
    rank = max(0, min(len(sorted_values) - 1, int(len(sorted_values) * pct / 100)))
    return float(sorted_values[rank])


def read_rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def read_cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of the file, 12 and 13 after comm.
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def read_core_ticks() -> dict[int, tuple[int, int, int]]:
    """Per core: (user+nice+system ticks, all busy ticks incl. irq and steal,
    steal ticks)."""
    cores: dict[int, tuple[int, int, int]] = {}
    with open("/proc/stat") as stat:
        for line in stat:
            if line.startswith("cpu") and line[3].isdigit():
                name, *values = line.split()
                v = [int(x) for x in values]
                task = v[0] + v[1] + v[2]
                # irq, softirq and steal: loopback TCP work lands in softirq.
                # Steal is time the hypervisor ran something else on this
                # virtual core while it had work: a slower core, not idle.
                cores[int(name[3:])] = (task, task + v[5] + v[6] + v[7], v[7])
    return cores


def read_runq_wait_ns(pid: int) -> int:
    """Time the process's main thread has spent runnable but not running."""
    with open(f"/proc/{pid}/schedstat") as stat:
        return int(stat.read().split()[1])


class CpuMeter:
    """CPU use of the server, of this process and of each core over a window.

    The server runs on core 0 and this process on core 1 (run.py pins them).
    ``coreN_busy_pct`` is how busy the core was, whoever used it;
    ``coreN_other_pct`` is the part used by neither benchmark process (other
    programs filling idle time, or taking it from us); ``coreN_steal_pct``
    is the part the hypervisor gave to other virtual machines while this
    one wanted the core (the process's own CPU time includes it: a virtual
    core with steal is a slower core). ``*_runq_wait_pct`` is
    the share of the window the event-loop thread was ready to run but
    waiting for its core: other programs delaying it, which is what makes a
    run noisy.
    """

    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid
        self.wall = time.monotonic()
        self.client = read_cpu_seconds(os.getpid())
        self.server = read_cpu_seconds(server_pid) if server_pid else 0.0
        self.cores = read_core_ticks()
        self.client_wait = read_runq_wait_ns(os.getpid())
        self.server_wait = read_runq_wait_ns(server_pid) if server_pid else 0

    def percent(self) -> dict[str, float]:
        wall = time.monotonic() - self.wall
        client = read_cpu_seconds(os.getpid()) - self.client
        server = read_cpu_seconds(self.server_pid) - self.server if self.server_pid else 0.0
        client_wait = read_runq_wait_ns(os.getpid()) - self.client_wait
        result = {
            "client_cpu_pct": round(client / wall * 100, 1),
            "client_runq_wait_pct": round(client_wait / 1e9 / wall * 100, 2),
        }
        if self.server_pid:
            server_wait = read_runq_wait_ns(self.server_pid) - self.server_wait
            result["server_cpu_pct"] = round(server / wall * 100, 1)
            result["server_runq_wait_pct"] = round(server_wait / 1e9 / wall * 100, 2)
        cores = read_core_ticks()
        own = {0: server, 1: client}
        for core, (task, busy, steal) in cores.items():
            task0, busy0, steal0 = self.cores.get(core, (task, busy, steal))
            result[f"core{core}_busy_pct"] = round((busy - busy0) / CLK_TCK / wall * 100, 1)
            other = (task - task0) / CLK_TCK - own.get(core, 0.0)
            result[f"core{core}_other_pct"] = round(max(0.0, other) / wall * 100, 1)
            result[f"core{core}_steal_pct"] = round((steal - steal0) / CLK_TCK / wall * 100, 1)
        return result


class LoadGen:
    def __init__(self, args: argparse.Namespace) -> None:
        self.url: str = args.url
        self.n: int = args.connections
        self.server_pid: int | None = args.server_pid
        self.duration: float = args.duration
        self.warmup: float = args.warmup
        self.window: int = args.window
        self.rate: float = args.rate
        self.handshakes: int = args.handshakes
        self.profile: str | None = args.profile
        self.profile_tool: str = args.py_spy
        self.c = Counters()
        self.clients: list[Client] = []

    async def enter(self, count: int) -> list[dict[str, str]]:
        """Declare an adult age band for ``count`` new devices (see protocol.md).

        Each device comes from its own made-up address (``X-Forwarded-For``,
        which run.py tells Passerby to trust), as real users would: the
        server limits entries per address. Returns the headers each device's
        WebSocket handshake carries; empty ones where the server has no entry
        step (the bare relay answers 404).
        """
        http_url = urlsplit(self.url)._replace(scheme="http", path=ENTRY_PATH).geturl()
        gate = asyncio.Semaphore(self.handshakes)
        body = {"age_band": "18+", "accept_rules": True}
        jar = aiohttp.DummyCookieJar()  # each device keeps its own cookie

        async with aiohttp.ClientSession(cookie_jar=jar) as http:

            async def one(index: int) -> dict[str, str] | None:
                address = f"10.{index >> 16 & 255}.{index >> 8 & 255}.{index & 255}"
                headers = {"X-Forwarded-For": address}
                async with gate:
                    for _ in range(10):
                        async with http.post(http_url, json=body, headers=headers) as resp:
                            if resp.status == 404:
                                return None
                            if resp.status == 429:
                                wait = (await resp.json()).get("retry_after", 1.0)
                                await asyncio.sleep(float(wait))
                                continue
                            if resp.status >= 500:
                                # Reported, then retried: the benchmark needs
                                # the devices, the report needs the failure.
                                self.c.notices[f"entry HTTP {resp.status}"] += 1
                                await asyncio.sleep(0.2)
                                continue
                            if resp.status != 200:
                                text = await resp.text()
                                raise RuntimeError(f"entry refused ({resp.status}): {text}")
                            cookie = resp.cookies[DEVICE_COOKIE].value
                            return {**headers, "Cookie": f"{DEVICE_COOKIE}={cookie}"}
                raise RuntimeError("entry still refused after 10 tries")

            if await one(0) is None:
                return [{} for _ in range(count)]
            found = await asyncio.gather(*(one(i) for i in range(1, count + 1)))
        return [f for f in found if f is not None]

    async def connect(self, headers: list[dict[str, str]], counters: Counters) -> list[Client]:
        """Open one connection per entry of ``headers``; wait for every ``welcome``."""
        count = len(headers)
        counters.expect(counters.welcomed + count)
        gate = asyncio.Semaphore(self.handshakes)
        clients: list[Client] = []

        async def one(extra: dict[str, str]) -> None:
            async with gate:
                _, client = await ws_connect(
                    lambda: Client(counters),
                    self.url,
                    websocket_handshake_timeout=60,
                    max_frame_size=1 << 20,
                    extra_headers=extra,
                )
                assert isinstance(client, Client)
                clients.append(client)

        results = await asyncio.gather(*(one(h) for h in headers), return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            raise RuntimeError(f"{len(failures)} of {count} connections failed: {failures[0]!r}")
        await asyncio.wait_for(counters.reached.wait(), 60)
        return clients

    async def match(self, clients: list[Client], counters: Counters) -> int:
        """Send ``start`` on every client; wait for ``connected`` on all.

        Returns the time of the first ``start``.
        """
        counters.expect(counters.matched + len(clients))
        first = now_ns()
        for client in clients:
            assert client.transport is not None
            client.start_ns = now_ns()
            client.transport.send(TEXT, START)
        try:
            await asyncio.wait_for(counters.reached.wait(), 60)
        except TimeoutError:
            log(f"match timed out: {counters.matched}/{counters.target} connected")
        return first

    @staticmethod
    def close(clients: list[Client]) -> None:
        for client in clients:
            if client.transport is not None:
                client.transport.send_close(WSCloseCode.OK)
                client.transport.disconnect()

    async def warm_up(self, headers: list[dict[str, str]]) -> None:
        """Exercise every code path of the server once before measuring."""
        counters = Counters()
        clients = await self.connect(headers, counters)
        await self.match(clients, counters)
        for client in clients:
            for _ in range(5):
                client.send_ping()
                client.send_line()
        await asyncio.sleep(0.5)
        self.close(clients)
        await asyncio.sleep(0.5)

    async def quiesce(self, quiet: float = 0.3, limit: float = 10.0) -> None:
        """Wait until no message has arrived for ``quiet`` seconds."""
        deadline = time.monotonic() + limit
        last = -1
        while time.monotonic() < deadline and self.c.received != last:
            last = self.c.received
            await asyncio.sleep(quiet)

    async def run(self) -> dict[str, Any]:
        result: dict[str, Any] = {"connections": self.n, "url": self.url}
        log(f"declaring {WARMUP_USERS + self.n} devices")
        t = time.monotonic()
        devices = await self.enter(WARMUP_USERS + self.n)
        if devices and devices[0]:  # the server has an entry step
            result["entries_per_s"] = round(len(devices) / (time.monotonic() - t))
        log(f"warming up {self.url}")
        await self.warm_up(devices[:WARMUP_USERS])
        rss_before = read_rss_kib(self.server_pid) if self.server_pid else 0

        log(f"opening {self.n} connections")
        profiler = await self.start_profiler("connect", 4)
        t = time.monotonic()
        clients = self.clients = await self.connect(devices[WARMUP_USERS:], self.c)
        result["connect_per_s"] = round(self.n / (time.monotonic() - t))
        await self.finish_profiler(profiler)

        log("matching")
        profiler = await self.start_profiler("match", 3)
        meter = CpuMeter(self.server_pid)
        first = await self.match(clients, self.c)
        matched = [cl for cl in clients if cl.connected_ns]
        waits = sorted(cl.connected_ns - cl.start_ns for cl in matched)
        elapsed = (max(cl.connected_ns for cl in matched) - first) / 1e9
        result["match"] = {
            "matched": len(matched),
            "seconds": round(elapsed, 4),
            "per_s": round(len(matched) / elapsed),
            "p50_ms": round(percentile(waits, 50) / 1e6, 2),
            "p99_ms": round(percentile(waits, 99) / 1e6, 2),
            **meter.percent(),
        }
        log(f"match: {result['match']}")
        await self.finish_profiler(profiler)

        await asyncio.sleep(2.0)
        if self.server_pid:
            rss_after = read_rss_kib(self.server_pid)
            result["memory"] = {
                "rss_before_kib": rss_before,
                "rss_after_kib": rss_after,
                "kib_per_conn": round((rss_after - rss_before) / self.n, 2),
            }
            log(f"memory: {result['memory']}")

        result["saturation"] = await self.saturate(clients)
        log(f"saturation: {result['saturation']}")
        await self.quiesce()
        result["latency"] = await self.latency(clients)
        log(f"latency: {result['latency']}")
        await self.quiesce()

        c = self.c
        result["errors"] = dict(c.errors)
        result["notices"] = dict(c.notices)
        result["notice_examples"] = c.examples
        result["chat_ended"] = c.chat_ended
        result["undelivered"] = c.undelivered
        result["disconnected"] = c.disconnected
        self.close(clients)
        await asyncio.sleep(0.5)
        return result

    def set_fair_scheduling(self, fair: bool) -> None:
        """Move both benchmark processes between SCHED_RR and the ordinary class.

        With ``--sched rr``, run.py starts them in the real-time class so
        that other programs on a shared machine cannot delay their wake-ups.
        A real-time task that never sleeps, though, is held back by the
        kernel for the last 5% of every second (``sched_rt_runtime_us``); so
        the saturation phase, where the server never sleeps, runs in the
        ordinary class instead, where run.py's niceness -20 (process and
        autogroup) gives it nearly all of its core.
        """
        # Scheduling is per thread on Linux: the server's helper threads too.
        pids = [
            int(tid)
            for pid in (os.getpid(), self.server_pid)
            if pid
            for tid in os.listdir(f"/proc/{pid}/task")
        ]
        for pid in pids:
            try:
                if fair:
                    os.sched_setscheduler(pid, os.SCHED_OTHER, os.sched_param(0))
                    os.setpriority(os.PRIO_PROCESS, pid, -20)
                else:
                    os.sched_setscheduler(pid, os.SCHED_RR, os.sched_param(1))
            except OSError:  # not permitted, or a thread that just ended
                continue

    async def saturate(self, clients: list[Client]) -> dict[str, Any]:
        c = self.c
        realtime = os.sched_getscheduler(os.getpid()) == os.SCHED_RR
        if realtime:
            self.set_fair_scheduling(True)
        c.saturating = True
        for client in clients:
            for _ in range(self.window):
                client.send_line()
        await asyncio.sleep(self.warmup)
        profiler = await self.start_profiler("saturation", self.duration)
        meter = CpuMeter(self.server_pid)
        start, t0 = c.received, time.monotonic()
        await asyncio.sleep(self.duration)
        count, seconds = c.received - start, time.monotonic() - t0
        c.saturating = False
        result = {
            "window": self.window,
            "msg_per_s": round(count / seconds),
            "profiled": profiler is not None,
            **meter.percent(),
        }
        await self.finish_profiler(profiler)
        if realtime:
            self.set_fair_scheduling(False)
        return result

    async def start_profiler(self, phase: str, seconds: float) -> asyncio.subprocess.Process | None:
        """Sample the server with py-spy during one phase, if asked to.

        py-spy runs beside this process on core 1 and reads the server's
        memory without stopping it (``--nonblocking``); the saturation figure
        is marked ``profiled`` since the sampler takes some of the client's
        core. Only samples holding the GIL are kept, so a phase shorter than
        ``seconds`` is followed by idle time that does not count, and time
        spent in C with the GIL released (SQLite's own work) is not shown.
        """
        if not self.profile or not self.server_pid:
            return None
        process = await asyncio.create_subprocess_exec(
            self.profile_tool,
            "record",
            f"--pid={self.server_pid}",
            f"--duration={max(1, round(seconds))}",
            "--rate=250",
            "--nonblocking",
            # Only the thread holding the GIL: the event loop's Python work
            # and the database thread's, not threads idling on a queue.
            "--gil",
            "--format=raw",
            f"--output={self.profile}-{phase}.txt",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await asyncio.sleep(0.3)  # let it attach before the phase starts
        return process

    @staticmethod
    async def finish_profiler(process: asyncio.subprocess.Process | None) -> None:
        if process is not None:
            await process.wait()

    async def latency(self, clients: list[Client]) -> dict[str, Any]:
        """Open loop: pings at rate/2, spread round-robin over all clients.

        Each ping's echo is the other half of the offered rate, so the server
        relays ``rate`` messages per second in total.
        """
        c = self.c
        profiler = await self.start_profiler("latency", self.warmup + self.duration)
        ping_rate = self.rate / 2
        n = len(clients)
        index = 0
        sent = 0
        start_ns = now_ns()
        c.rtt_from = start_ns + int(self.warmup * 1e9)
        c.rtt_until = c.rtt_from + int(self.duration * 1e9)
        measured_start = 0
        meter: CpuMeter | None = None
        max_gap = 0
        last = start_ns
        while True:
            now = now_ns()
            if meter is not None:
                max_gap = max(max_gap, now - last)
            last = now
            if now >= c.rtt_until:
                break
            if meter is None and now >= c.rtt_from:
                meter = CpuMeter(self.server_pid)
                measured_start = c.received
            due = int((now - start_ns) * ping_rate / 1e9) - sent
            for _ in range(due):
                clients[index].send_ping()
                index += 1
                if index == n:
                    index = 0
            sent += max(due, 0)
            await asyncio.sleep(0.001)
        assert meter is not None
        cpu = meter.percent()
        received = c.received - measured_start
        seconds = (now_ns() - c.rtt_from) / 1e9
        await asyncio.sleep(1.0)  # let the last echoes come back
        await self.finish_profiler(profiler)
        rtts = sorted(c.rtts)

        def ms(pct: float) -> float | None:
            """A percentile over all pings; None where it falls on an unanswered one.

            A ping with no echo a second after the window took longer than
            any answered one, so it counts as the slowest, not as absent.
            """
            rank = min(c.pings - 1, int(c.pings * pct / 100))
            return round(rtts[rank] / 1e6, 3) if 0 <= rank < len(rtts) else None

        return {
            "offered_msg_per_s": self.rate,
            "achieved_msg_per_s": round(received / seconds),
            "pings": c.pings,
            "answered": len(rtts),
            "p50_ms": ms(50),
            "p99_ms": ms(99),
            "max_ms": ms(100) if len(rtts) == c.pings else None,
            "client_max_tick_gap_ms": round(max_gap / 1e6, 2),
            **cpu,
        }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Passerby protocol load generator")
    parser.add_argument("--url", default="ws://127.0.0.1:8080/ws")
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--server-pid", type=int, default=None)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--window", type=int, default=4, help="messages in flight per client")
    parser.add_argument("--rate", type=float, default=15000, help="messages relayed per second")
    parser.add_argument("--handshakes", type=int, default=64, help="concurrent opening handshakes")
    parser.add_argument(
        "--profile",
        metavar="PREFIX",
        help="sample the server with py-spy into PREFIX-PHASE.txt",
    )
    parser.add_argument("--py-spy", default="py-spy", help="the py-spy executable")
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args()
    if args.connections % 2:
        sys.exit("--connections must be even: clients are paired")
    limit = raise_nofile_limit()
    if limit < args.connections + 100:
        sys.exit(f"open-files limit {limit} is too low for {args.connections}")
    # The clients create no reference cycles; a collector pass over thousands
    # of live clients would only add pauses to the latencies measured.
    gc.disable()
    result = uvloop.run(LoadGen(args).run())
    sys.stdout.write(orjson.dumps(result).decode() + "\n")


if __name__ == "__main__":
    main()
