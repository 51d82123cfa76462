"""Does the memory of closed connections come back? One figure per collector setting.

For each setting it starts Passerby as ``passerby serve`` does (run.py's
``start_server``: pinned to core 0, the benchmark's environment), declares
the devices, and then, ``--rounds`` times: opens N WebSocket connections,
sends ``--garbage`` KiB the server refuses on each, waits until every piece
was refused, closes them all and waits ``--settle`` seconds. It prints the
server's resident memory (``VmRSS``) before each round, at its peak and
after it. Memory that a round leaves behind and the next one does not reuse
was kept by something.

Each setting replaces :func:`passerby.gctuning.tune_collector` in the server
(this script, run with ``--serve SETTING``; the rest is ``passerby serve``
unchanged). The same command serves run.py, to compare the relay's speed:

    python benchmarks/memory_garbage.py                    # old, default, passerby
    python benchmarks/memory_garbage.py --kind json --probe
    python benchmarks/run.py --connections 5000 --duration 15 --server-cmd \\
        "{python} benchmarks/memory_garbage.py --serve old --host {host} --port {port}"

``--probe`` then asks each server (SIGUSR1) what a full collection would
free and what giving the allocator's free memory back (``malloc_trim``)
would free: the first is garbage the collector had not reached, the second
memory freed inside the process but not returned to the system.
``--gc-log FILE`` (with ``--serve``) appends, when the server stops, how many
collections of each generation ran and how long the longest took.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import gc
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from picows import WSMsgType

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bare_relay import raise_nofile_limit  # noqa: E402
from loadgen import Client, Counters, LoadGen, read_rss_kib  # noqa: E402
from loadgen import parse_args as loadgen_args  # noqa: E402
from run import start_server, stop_server  # noqa: E402

WARMUP_USERS = 20


def _old() -> None:
    """The setting before 2026-12: freeze, then collect the oldest generation
    only every 100 million net allocations (Python's thresholds: 70,000)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _default() -> None:
    """Python's own: thresholds (700, 10, 10), nothing frozen."""


def _passerby() -> None:
    """Whatever ``passerby serve`` does now."""
    from passerby.gctuning import tune_collector

    tune_collector()


def _frozen(*threshold: int) -> Callable[[], None]:
    def tune() -> None:
        gc.collect()
        gc.freeze()
        if threshold:
            gc.set_threshold(*threshold)

    return tune


SETTINGS: dict[str, Callable[[], None]] = {
    "old": _old,
    "default": _default,
    "passerby": _passerby,
    # Candidates measured in docs/benchmarks.md:
    "freeze": _frozen(),  # Python's thresholds, startup objects frozen
    "freeze-5000-10-10": _frozen(5_000, 10, 10),
    "freeze-10000-10-10": _frozen(10_000, 10, 10),
    "freeze-50000-20-10": _frozen(50_000, 20, 10),
    "freeze-50000-2-2": _frozen(50_000, 2, 2),
    "freeze-50000-1-1": _frozen(50_000, 1, 1),
    "freeze-50000-0-0": _frozen(50_000, 0, 0),
}

# What a client may send, and how the server refuses it: kind ->
# (how it is sent, bytes per frame, whether the server closes the
# connection rather than answer each frame with an error).
KINDS = {
    "none": ("text", 0, False),  # nothing: open, then close
    "json": ("text", 4096, False),  # text that is not JSON: error bad_json
    "large": ("text", 32768, False),  # over 16 KiB: error frame_too_large
    "binary": ("binary", 4096, False),  # error binary_not_supported
    "utf8": ("bad-utf8", 65536, True),  # text that is not UTF-8: close 1007
    "raw": ("raw", 65536, True),  # bytes that are not WebSocket frames: close 1002
}


def log(text: str) -> None:
    print(f"[memory_garbage] {text}", file=sys.stderr, flush=True)


def garbage(how: str, size: int, seed: int) -> bytes:
    """``size`` bytes: printable text that is not JSON, unique per ``seed``;
    random bytes (first one 0xFF, never UTF-8) for ``bad-utf8`` and ``raw``."""
    if how in ("bad-utf8", "raw"):
        return b"\xff" + os.urandom(size - 1)
    head = f"<{seed:08d}>".encode()
    return (head + os.urandom(size).hex().encode())[:size]


def send(client: Client, how: str, data: bytes) -> None:
    transport = client.transport
    assert transport is not None
    if how == "raw":
        transport.underlying_transport.write(data)
    else:
        transport.send(WSMsgType.BINARY if how == "binary" else WSMsgType.TEXT, data)


async def one_round(
    gen: LoadGen, pid: int, headers: list[dict[str, str]], args: argparse.Namespace
) -> dict[str, Any]:
    counters = Counters()
    before = read_rss_kib(pid)
    clients = await gen.connect(headers, counters)
    peak = read_rss_kib(pid)
    how, size, closes = KINDS[args.kind]
    size = args.frame * 1024 or size
    frames = args.garbage * 1024 // size if size else 0
    for i, client in enumerate(clients):
        for j in range(frames):
            send(client, how, garbage(how, size, i * frames + j))
    expected = (len(clients) if closes else frames * len(clients)) if frames else 0

    def refused() -> int:
        return counters.disconnected if closes else sum(counters.errors.values())

    deadline = time.monotonic() + 120
    while refused() < expected and time.monotonic() < deadline:
        peak = max(peak, read_rss_kib(pid))
        await asyncio.sleep(0.1)
    peak = max(peak, read_rss_kib(pid))
    done = refused()
    LoadGen.close(clients)
    await asyncio.sleep(args.settle)
    after = read_rss_kib(pid)
    return {
        "before_mib": round(before / 1024, 1),
        "peak_mib": round(peak / 1024, 1),
        "after_mib": round(after / 1024, 1),
        "kept_mib": round((after - before) / 1024, 1),
        "refused": done,
        "expected": expected,
        "errors": dict(counters.errors),
        "notices": dict(counters.notices),
    }


async def measure(port: int, pid: int, args: argparse.Namespace) -> dict[str, Any]:
    n = args.connections
    gen = LoadGen(loadgen_args([f"--url=ws://127.0.0.1:{port}/ws", f"--connections={n}"]))
    devices = await gen.enter(WARMUP_USERS + n * args.rounds)
    await gen.warm_up(devices[:WARMUP_USERS])
    await asyncio.sleep(1.0)
    start = read_rss_kib(pid)
    rounds = []
    for r in range(args.rounds):
        first = WARMUP_USERS + r * n
        result = await one_round(gen, pid, devices[first : first + n], args)
        log(f"round {r + 1}: {result}")
        if result["refused"] < result["expected"]:
            raise RuntimeError(f"only {result['refused']} of {result['expected']} refused")
        rounds.append(result)
    end = read_rss_kib(pid)
    return {
        "start_mib": round(start / 1024, 1),
        "end_mib": round(end / 1024, 1),
        "grown_mib": round((end - start) / 1024, 1),
        "rounds": rounds,
    }


# ---- inside the server ---------------------------------------------------


def probe(signum: int, frame: object) -> None:
    """What a full collection would free now, then what ``malloc_trim`` would."""
    pid = os.getpid()
    report: dict[str, Any] = {
        "rss_mib": round(read_rss_kib(pid) / 1024, 1),
        "threshold": gc.get_threshold(),
        "tracked": len(gc.get_objects()),
        "frozen": gc.get_freeze_count(),
        "collections": [s["collections"] for s in gc.get_stats()],
    }
    t = time.perf_counter()
    report["collected"] = gc.collect()
    report["collect_ms"] = round((time.perf_counter() - t) * 1000, 1)
    report["rss_after_collect_mib"] = round(read_rss_kib(pid) / 1024, 1)
    with contextlib.suppress(OSError, AttributeError):  # glibc only
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        report["rss_after_trim_mib"] = round(read_rss_kib(pid) / 1024, 1)
    print("PROBE " + json.dumps(report), file=sys.stderr, flush=True)


class CollectionLog:
    """Counts and times the collections of each generation (gc.callbacks),
    and notes when (Unix time) each full one, or any over 5 ms, ran."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.started = 0
        self.count = [0, 0, 0]
        self.total_ns = [0, 0, 0]
        self.max_ns = [0, 0, 0]
        self.long: list[tuple[float, int, float]] = []

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.perf_counter_ns()
            return
        took = time.perf_counter_ns() - self.started
        generation = info["generation"]
        self.count[generation] += 1
        self.total_ns[generation] += took
        self.max_ns[generation] = max(self.max_ns[generation], took)
        if generation == 2 or took > 5_000_000:
            self.long.append((round(time.time(), 3), generation, round(took / 1e6, 1)))

    def write(self, setting: str) -> None:
        line = {
            "setting": setting,
            "collections": self.count,
            "total_ms": [round(t / 1e6, 1) for t in self.total_ns],
            "max_ms": [round(t / 1e6, 1) for t in self.max_ns],
            "long": self.long,
        }
        with open(self.path, "a") as out:
            out.write(json.dumps(line) + "\n")


def serve(setting: str, host: str, port: int, gc_log: Path | None) -> int:
    """Run ``passerby serve`` with the collector tuned as ``setting`` says."""
    import passerby.cli

    signal.signal(signal.SIGUSR1, probe)
    tune = SETTINGS[setting]
    collections = CollectionLog(gc_log) if gc_log else None

    def tune_and_watch() -> None:
        tune()
        if collections is not None:  # from here on: what serving costs
            gc.callbacks.append(collections)

    passerby.cli.tune_collector = tune_and_watch
    try:
        return passerby.cli.main(["serve", "--host", host, "--port", str(port)])
    finally:
        if collections is not None:
            collections.write(setting)


# ---- report ---------------------------------------------------------------


def report(results: dict[str, Any]) -> str:
    lines = [
        f"{'setting':<20} {'round':>5} {'before':>8} {'peak':>8} {'after':>8} {'kept':>8}  (MiB)"
    ]
    for setting, result in results.items():
        for i, r in enumerate(result["rounds"], 1):
            lines.append(
                f"{setting:<20} {i:>5} {r['before_mib']:>8.1f} {r['peak_mib']:>8.1f} "
                f"{r['after_mib']:>8.1f} {r['kept_mib']:>+8.1f}"
            )
        lines.append(
            f"{setting:<20} {'all':>5} {result['start_mib']:>8.1f} {'':>8} "
            f"{result['end_mib']:>8.1f} {result['grown_mib']:>+8.1f}"
        )
        if "probe" in result:
            p = result["probe"]
            lines.append(
                f"{'':<20} a full collection: {p['collected']:,} objects in "
                f"{p['collect_ms']} ms, RSS {p['rss_mib']} -> {p['rss_after_collect_mib']}; "
                f"malloc_trim -> {p.get('rss_after_trim_mib', '-')}"
            )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Server memory after connections that sent garbage, per collector setting."
    )
    parser.add_argument(
        "--settings",
        default="old,default,passerby",
        help=f"comma-separated collector settings, of: {', '.join(SETTINGS)}",
    )
    parser.add_argument("--connections", type=int, default=2000, help="connections per round")
    parser.add_argument("--garbage", type=int, default=64, help="KiB sent on each connection")
    parser.add_argument("--kind", choices=list(KINDS), default="utf8", help="what is sent")
    parser.add_argument("--frame", type=int, default=0, help="KiB per frame (default: the kind's)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--settle", type=float, default=5.0, help="seconds after closing")
    parser.add_argument(
        "--probe", action="store_true", help="ask each server what a full collection frees"
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--serve", choices=list(SETTINGS), help="be the server (for run.py)")
    parser.add_argument("--host", default="127.0.0.1", help="with --serve")
    parser.add_argument("--port", type=int, default=8080, help="with --serve")
    parser.add_argument("--gc-log", type=Path, help="with --serve: append collection counts here")
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args()
    if args.serve:
        sys.exit(serve(args.serve, args.host, args.port, args.gc_log))
    settings = [s for s in args.settings.split(",") if s]
    unknown = [s for s in settings if s not in SETTINGS]
    if unknown:
        sys.exit(f"unknown settings: {', '.join(unknown)}")
    import uvloop

    raise_nofile_limit()
    with contextlib.suppress(OSError):
        os.sched_setaffinity(0, {1})  # the server has core 0
    gc.disable()  # the clients make no cycles; keep their collections out
    results: dict[str, Any] = {}
    script = Path(__file__).resolve()
    with tempfile.TemporaryDirectory(prefix="passerby-memory-") as tmp:
        for setting in settings:
            log(f"== {setting}")
            command = f"{{python}} {script} --serve {setting} --host {{host}} --port {{port}}"
            server = start_server("passerby", command, Path(tmp), "nice")
            try:
                results[setting] = uvloop.run(measure(server.port, server.process.pid, args))
                if args.probe:
                    server.process.send_signal(signal.SIGUSR1)
                    deadline = time.monotonic() + 30
                    while "probe" not in results[setting] and time.monotonic() < deadline:
                        time.sleep(0.5)
                        for line in server.log_path.read_text().splitlines():
                            if line.startswith("PROBE "):
                                results[setting]["probe"] = json.loads(line[6:])
            finally:
                stop_server(server)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
