"""The relay's cost in instructions: Passerby versions against the bare relay.

Each server runs under ``valgrind --tool=callgrind`` with instrumentation
off; a client outside valgrind opens ``--pairs`` chats, sends a warm-up, then
switches instrumentation on (``callgrind_control -i on``), has every client
send ``--messages`` chat lines to its partner (one in flight per direction:
each client sends its next line when it has received one), waits for every
line to arrive and switches instrumentation off. The server's total
instruction count over that window, divided by the lines relayed, is the
cost of one relayed message, everything the server does meanwhile included
(parsing, moderation, rate limits, its threads, periodic work). Unlike
``run.py``'s timings it does not depend on the machine's load.

    python benchmarks/relay_instructions.py --tree /path/to/old --tree . --repeat 2

docs/benchmarks.md ("The relay's cost in instructions") explains the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import orjson

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import HOST, PASSERBY_ENV, free_port  # noqa: E402

# Ordinary chat lines, all different within a run (Passerby holds a line of
# 12 characters or more sent three times), built from fixed lists so that
# every run sends the same ones; every eighth line is a short common reply.
OPENERS = ["so", "honestly", "haha", "well", "ok", "hmm", "yeah", "oh nice", "wait", "lol"]
OPENERS += ["right", "anyway"]
BODIES = [
    "i just got back from {}",
    "have you ever tried {}",
    "i was thinking about {} today",
    "my friend is really into {}",
    "do you like {}",
    "i never got the point of {}",
    "we could talk about {} instead",
    "lately i spend my evenings on {}",
]
THINGS = "the beach,pizza,jazz,chess,old movies,hiking,coffee,the city,board games,rainy days"
THINGS += ",cats,football,cooking,that new show,the mountains,video games,poetry,running"
THINGS += ",the library,street food,camping,painting,green tea,karaoke,the guitar"
ENDINGS = ["", "?", " :)", "!", ", what about you?", " tbh", " haha", "...", " honestly", " :D"]
SHORT = ["lol", "haha", "yeah", "same", "nice", "cool", "true", "omg"]
ENTRY_BODY = {"age_band": "18+", "accept_rules": True}
DEVICE_COOKIE = "passerby_device"


def chat_line(number: int) -> str:
    if number % 8 == 7:
        return SHORT[number // 8 % len(SHORT)]
    things = THINGS.split(",")
    number, thing = divmod(number, len(things))
    number, body = divmod(number, len(BODIES))
    number, opener = divmod(number, len(OPENERS))
    ending = ENDINGS[number % len(ENDINGS)]
    return f"{OPENERS[opener]} {BODIES[body].format(things[thing])}{ending}"


class Peer:
    """One chat client: its socket and what it has seen."""

    def __init__(self, index: int, ws: aiohttp.ClientWebSocketResponse, lines: int) -> None:
        self.index = index
        self.first = index * lines  # its own lines: unique in a run of up to 24,000
        self.ws = ws
        self.sent = 0  # lines sent over the whole run: each text is new
        self.notices: collections.Counter[str] = collections.Counter()

    async def next_frame(self) -> dict[str, object]:
        msg = await self.ws.receive()
        if msg.type is not aiohttp.WSMsgType.TEXT:
            raise RuntimeError(f"client {self.index}: {msg.type.name} {msg.data!r}")
        data: dict[str, object] = orjson.loads(msg.data)
        return data

    async def until(self, kind: str) -> None:
        while (data := await self.next_frame())["type"] != kind:
            self.notices[str(data["type"])] += 1

    async def send_line(self) -> None:
        text = chat_line(self.first + self.sent)
        self.sent += 1
        await self.ws.send_str(orjson.dumps({"type": "message", "text": text}).decode())

    async def chat(self, count: int) -> None:
        """Send ``count`` lines, each after a line from the partner; receive ``count``."""
        await self.send_line()
        received = 0
        while received < count:
            data = await self.next_frame()
            if data["type"] != "message":
                self.notices[str(data["type"])] += 1
                continue
            received += 1
            if received < count:
                await self.send_line()


async def open_pairs(port: int, pairs: int, lines: int) -> tuple[aiohttp.ClientSession, list[Peer]]:
    """Declare an adult device per client (where the server has the step), connect, pair."""
    base = f"http://{HOST}:{port}"
    http = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())
    headers: list[dict[str, str]] = []
    for index in range(2 * pairs):
        head = {"X-Forwarded-For": f"10.77.{index >> 8 & 255}.{index & 255}"}
        async with http.post(f"{base}/api/entry", json=ENTRY_BODY, headers=head) as resp:
            if resp.status == 200:  # the bare relay has no entry step: 404
                head["Cookie"] = f"{DEVICE_COOKIE}={resp.cookies[DEVICE_COOKIE].value}"
            elif resp.status != 404:
                raise RuntimeError(f"entry refused ({resp.status}): {await resp.text()}")
        headers.append(head)
    peers = []
    for index, head in enumerate(headers):
        ws = await http.ws_connect(
            f"{base}/ws", protocols=("passerby.v1",), headers=head, autoping=True, heartbeat=None
        )
        peers.append(Peer(index, ws, lines))
        await peers[-1].until("welcome")
    for peer in peers:  # one at a time: arrivals pair two by two
        await peer.ws.send_str('{"type":"start"}')
        if peer.index % 2:
            await asyncio.gather(peers[peer.index - 1].until("connected"), peer.until("connected"))
    return http, peers


def callgrind_control(pid: int, switch: str) -> None:
    subprocess.run(["callgrind_control", "-i", switch, str(pid)], check=True, capture_output=True)


async def drive(port: int, pid: int, pairs: int, messages: int, warmup: int) -> dict[str, int]:
    http, peers = await open_pairs(port, pairs, warmup + messages)
    try:
        await asyncio.wait_for(asyncio.gather(*(p.chat(warmup) for p in peers)), 600)
        await asyncio.sleep(1.0)  # anything left over from the warm-up lands now
        for peer in peers:
            peer.notices.clear()  # only the measured phase's frames are reported
        await asyncio.to_thread(callgrind_control, pid, "on")
        await asyncio.wait_for(asyncio.gather(*(p.chat(messages) for p in peers)), 3600)
        await asyncio.to_thread(callgrind_control, pid, "off")
        notices = sum((p.notices for p in peers), collections.Counter())
    finally:  # closes the sockets too; the server's side of it is not counted
        await http.close()
    return dict(notices)


def wait_listening(process: subprocess.Popen[bytes], port: int, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited at start:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.5):
            return
        time.sleep(0.5)
    raise RuntimeError(f"server not listening after {timeout:.0f}s")


def total_instructions(out: Path) -> int:
    text = out.read_text()
    found = re.findall(r"^totals:\s+(\d+)", text, re.M) or re.findall(
        r"^summary:\s+(\d+)", text, re.M
    )
    if not found:
        raise RuntimeError(f"no totals in {out}")
    return sum(int(n) for n in found)


@dataclass
class Result:
    instructions: int
    relays: int
    notices: dict[str, int]
    start_s: float
    relay_s: float

    @property
    def per_message(self) -> float:
        return self.instructions / self.relays


def measure(target: str, args: argparse.Namespace, workdir: Path, run: int) -> Result:
    """Start one server under callgrind, drive it, stop it; its instruction count."""
    port = free_port()
    name = f"{Path(target).name or 'tree'}-{run}-{port}"
    env = dict(os.environ, PYTHONHASHSEED="0")
    if target == "bare":
        command = [args.python, str(HERE / "bare_relay.py"), "--host", HOST, "--port", str(port)]
    else:
        data_dir = workdir / f"data-{name}"
        data_dir.mkdir()
        env.update(PASSERBY_ENV, PASSERBY_DATA_DIR=str(data_dir))
        env["PYTHONPATH"] = str(Path(target).resolve() / "src")
        command = [args.python, "-m", "passerby", "serve", "--host", HOST, "--port", str(port)]
    out, log = workdir / f"callgrind-{name}.out", workdir / f"{name}.log"
    valgrind = ["valgrind", "--tool=callgrind", "--instr-atstart=no"]
    valgrind.append(f"--callgrind-out-file={out}")
    started = time.monotonic()
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            valgrind + command, cwd=HERE.parent, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        wait_listening(process, port, log, args.start_timeout)
        ready = time.monotonic()
        notices = asyncio.run(drive(port, process.pid, args.pairs, args.messages, args.warmup))
        relayed = time.monotonic()
        process.send_signal(signal.SIGINT)
        process.wait(600)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    relays = 2 * args.pairs * args.messages
    return Result(total_instructions(out), relays, notices, ready - started, relayed - ready)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", default=[], help="a Passerby checkout")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare relay")
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument("--messages", type=int, default=200, help="lines sent per client")
    parser.add_argument("--warmup", type=int, default=5, help="lines per client before")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each server")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--start-timeout", type=float, default=600.0)
    parser.add_argument("--keep", metavar="DIR", help="keep callgrind files and logs here")
    args = parser.parse_args()
    targets = args.tree + ([] if args.no_bare else ["bare"])
    if not targets:
        parser.error("nothing to measure: give --tree or leave the bare relay in")
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
    results: dict[str, list[float]] = {t: [] for t in targets}
    with tempfile.TemporaryDirectory(prefix="relay-instr-") as tmp:
        workdir = Path(args.keep or tmp)
        for run in range(args.repeat):  # alternated, so any drift shows as spread
            for target in targets:
                r = measure(target, args, workdir, run)
                results[target].append(r.per_message)
                print(
                    f"run {run + 1} {target}: {r.instructions:,} instructions"
                    f" / {r.relays:,} messages = {r.per_message:,.0f} per message"
                    f" (start {r.start_s:.0f} s, relay {r.relay_s:.0f} s,"
                    f" other frames {r.notices or 'none'})",
                    flush=True,
                )
    bare = statistics.mean(results["bare"]) if "bare" in results else None
    print(f"\n{'server':<28} {'instr/message':>14} {'spread':>8} {'x bare':>8}")
    for target, values in results.items():
        mean = statistics.mean(values)
        spread = (max(values) - min(values)) / mean * 100
        ratio = f"{mean / bare:.2f}" if bare else "-"
        print(f"{target:<28} {mean:>14,.0f} {spread:>7.2f}% {ratio:>8}")
    if len(args.tree) >= 2:
        first, last = (statistics.mean(results[t]) for t in (args.tree[0], args.tree[-1]))
        print(f"\n{args.tree[-1]} / {args.tree[0]}: {last / first:.3f}")


if __name__ == "__main__":
    main()
