"""Passerby on Redis: message latency between two nodes, and one worker against two.

    python benchmarks/cluster.py                 # both parts, about a minute
    python benchmarks/cluster.py --only latency
    python benchmarks/cluster.py --only workers

It starts a private ``redis-server`` on a free port and Passerby nodes with
``--broker redis://...`` and one SQLite file (with the benchmark's rate
limits raised, as in run.py).

* **latency**: two nodes. Each pair of clients shares an interest of its own
  (interests only), one client on each node, so every chat crosses nodes;
  the same is then measured with both clients on one node. Clients send at
  a fixed total rate; each message is echoed back by the partner, and the
  round trip (two crossings) is timed.
* **workers**: ``passerby serve --workers 1`` against ``--workers 2`` on one
  port (SO_REUSEPORT), driven at saturation by loadgen.py (random pairs, so
  with two workers about half of the chats cross processes through Redis).
  On a 2-core machine the load generator shares the cores with the workers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from run import PASSERBY_ENV, free_port  # noqa: E402


def start_redis(port: int) -> subprocess.Popen[bytes]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("needs redis-server (apt-get install redis-server)")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return process


def start_node(
    port: int, redis_url: str, workdir: Path, workers: int = 1
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        **PASSERBY_ENV,
        "PASSERBY_SECRET_KEY": "ab" * 32,
        "PASSERBY_DATA_DIR": str(workdir / f"node-{port}"),
        "PASSERBY_DATABASE_URL": os.environ.get(
            "PASSERBY_BENCH_DATABASE_URL", f"sqlite:///{workdir}/shared.db"
        ),
    }
    command = [sys.executable, "-m", "passerby", "serve", "--port", str(port)]
    command += ["--broker", redis_url, "--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with __import__("socket").create_connection(("127.0.0.1", port), timeout=0.2):
                time.sleep(1.0 if workers > 1 else 0.2)  # the other workers too
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("node did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def token(number: int) -> str:
    """A number in letters: digits in a chat line look like a phone number."""
    letters = []
    while number:
        number, digit = divmod(number, 26)
        letters.append(chr(ord("a") + digit))
    return "".join(reversed(letters)) or "a"


def untoken(text: str) -> float:
    number = 0
    for letter in text:
        number = number * 26 + ord(letter) - ord("a")
    return number / 1e9


async def entry(http: aiohttp.ClientSession, url: str, index: int) -> dict[str, str]:
    address = f"10.9.{index >> 8 & 255}.{index & 255}"
    headers = {"X-Forwarded-For": address}
    body = {"age_band": "18+", "accept_rules": True}
    async with http.post(url + "/api/entry", json=body, headers=headers) as response:
        assert response.status == 200, await response.text()
        cookie = response.cookies["passerby_device"].value
    return {**headers, "Cookie": f"passerby_device={cookie}"}


async def measure_latency(urls: tuple[str, str], pairs: int, rate: float, seconds: float) -> str:
    samples: list[float] = []
    # No limit on connections: each WebSocket holds one for as long as it lives.
    connector = aiohttp.TCPConnector(limit=0)
    jar = aiohttp.DummyCookieJar()
    async with aiohttp.ClientSession(connector=connector, cookie_jar=jar) as http:
        sockets: list[tuple[Any, Any]] = []
        for i in range(pairs):
            tag = f"pair{i}-{time.monotonic_ns()}"
            ends = []
            for side, url in enumerate(urls):
                headers = await entry(http, url, 2 * i + side)
                ws = await http.ws_connect(
                    url.replace("http", "ws") + "/ws", protocols=("passerby.v1",), headers=headers
                )
                assert json.loads((await ws.receive()).data)["type"] == "welcome"
                start = {"type": "start", "interests": [tag], "interests_only": True}
                await ws.send_str(json.dumps(start))
                ends.append(ws)
            for ws in ends:
                while json.loads((await ws.receive()).data)["type"] != "connected":
                    pass
            sockets.append((ends[0], ends[1]))

        async def echo(ws: Any) -> None:
            async for msg in ws:
                data = json.loads(msg.data)
                if data.get("type") == "message":
                    reply = "echo " + data["text"].removeprefix("ping ")
                    await ws.send_str(json.dumps({"type": "message", "text": reply}))

        async def listen(ws: Any) -> None:
            async for msg in ws:
                data = json.loads(msg.data)
                if data.get("type") == "message" and data["text"].startswith("echo "):
                    sent = untoken(data["text"].split()[1])
                    samples.append(time.perf_counter_ns() / 1e9 - sent)

        tasks = [asyncio.create_task(echo(b)) for _, b in sockets]
        tasks += [asyncio.create_task(listen(a)) for a, _ in sockets]
        interval = pairs / rate  # each sender sends every `interval` seconds
        end = time.perf_counter() + seconds

        async def send(ws: Any, offset: float) -> None:
            await asyncio.sleep(offset)
            while time.perf_counter() < end:
                text = f"ping {token(time.perf_counter_ns())} how is your day going?"
                await ws.send_str(json.dumps({"type": "message", "text": text}))
                await asyncio.sleep(interval)

        await asyncio.gather(*(send(a, i * interval / pairs) for i, (a, _) in enumerate(sockets)))
        await asyncio.sleep(0.5)
        for task in tasks:
            task.cancel()
        await asyncio.gather(
            *(asyncio.wait_for(ws.close(), 2) for pair in sockets for ws in pair),
            return_exceptions=True,
        )
    if not samples:
        return "no samples"
    samples.sort()
    p50 = statistics.median(samples)
    p99 = samples[int(0.99 * (len(samples) - 1))]
    return (
        f"{len(samples):,} round trips at {rate:,.0f} msg/s offered: "
        f"p50 {1000 * p50:.2f} ms, p99 {1000 * p99:.2f} ms"
    )


def latency(args: argparse.Namespace, workdir: Path, redis_url: str) -> None:
    ports = free_port(), free_port()
    nodes = [start_node(port, redis_url, workdir) for port in ports]
    try:
        one, two = (f"http://127.0.0.1:{port}" for port in ports)
        cross = asyncio.run(measure_latency((one, two), args.pairs, args.rate, args.seconds))
        print(f"across two nodes: {cross}", flush=True)
        same = asyncio.run(measure_latency((one, one), args.pairs, args.rate, args.seconds))
        print(f"within one node:  {same}", flush=True)
    finally:
        for node in nodes:
            stop(node)


def workers(args: argparse.Namespace, workdir: Path, redis_url: str) -> None:
    for count in (1, 2):
        port = free_port()
        node = start_node(port, redis_url, workdir, workers=count)
        try:
            command = [
                sys.executable,
                str(HERE / "loadgen.py"),
                f"--url=ws://127.0.0.1:{port}/ws",
                f"--connections={args.connections}",
                f"--duration={args.seconds}",
                "--warmup=2",
                "--rate=1000",
            ]
            done = subprocess.run(command, stdout=subprocess.PIPE, timeout=600, check=True)
            result = json.loads(done.stdout)
            saturation = result["saturation"]["msg_per_s"]
            print(
                f"{count} worker{'s' if count > 1 else ''}: {saturation:,} msg/s at saturation "
                f"({args.connections:,} connections)",
                flush=True,
            )
        finally:
            stop(node)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("latency", "workers"))
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--rate", type=float, default=1000, help="messages/s in the latency test")
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    redis_port = free_port()
    redis = start_redis(redis_port)
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    try:
        with tempfile.TemporaryDirectory(prefix="passerby-cluster-") as tmp:
            if args.only in (None, "latency"):
                latency(args, Path(tmp), redis_url)
            if args.only in (None, "workers"):
                workers(args, Path(tmp), redis_url)
    finally:
        stop(redis)


if __name__ == "__main__":
    main()
