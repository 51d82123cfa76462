"""Benchmark runner: Passerby against a bare aiohttp relay, on one machine.

For each server and each connection count it starts the server pinned to
core 0 (``taskset -c 0``), runs ``loadgen.py`` pinned to core 1, and prints one
table: match rate, relayed messages per second at saturation, round-trip
latency at a fixed offered rate, memory per idle connection, and the ratio
Passerby/bare. docs/benchmarks.md explains each figure.

It measures; it never tunes. A run where the load generator, not the server,
was the bottleneck, or where other programs kept either from running, is
flagged in the output rather than hidden.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HOST = "127.0.0.1"
sys.path.insert(0, str(HERE))
from bare_relay import raise_nofile_limit  # noqa: E402

# Passerby's defaults are human rates (5 messages/s per connection); the
# benchmark drives each connection far harder, so the limiter is opened wide
# rather than let it drop benchmark traffic and flatter the numbers.
PASSERBY_ENV = {
    "PASSERBY_RATE_FRAMES_PER_SECOND": "100000",
    "PASSERBY_RATE_FRAMES_BURST": "100000",
    "PASSERBY_RATE_MESSAGES_PER_SECOND": "100000",
    "PASSERBY_RATE_MESSAGES_BURST": "100000",
    "PASSERBY_RATE_STARTS_PER_SECOND": "100000",
    "PASSERBY_RATE_STARTS_BURST": "100000",
    "PASSERBY_MAX_CONNECTIONS": "100000",
    "PASSERBY_LOG_LEVEL": "warning",
    # The load generator declares one device per connection, each from its own
    # made-up address in X-Forwarded-For, as real users come from many
    # addresses; the server limits age-band declarations per address.
    "PASSERBY_TRUST_FORWARDED_FOR": "true",
}
# The fixed offered rate (messages relayed per second, pings plus echoes) of
# the latency test for each connection count: the project's floor is 15,000
# at 5,000 connections; 1,000 connections get a proportionate 5,000.
DEFAULT_RATES = {1000: 5000.0, 5000: 15000.0}
RATE_PER_CONNECTION = 3.0  # for any other count: 15,000 / 5,000
SERVERS = ("passerby", "bare")

# The floors Passerby must meet on a 2-core machine, one core for the server.
FLOOR_MATCH_PER_S = 1000
FLOOR_SATURATION = 20000
FLOOR_KIB_PER_CONN = 20.0
FLOOR_P99_MS = 10.0
FLOOR_LATENCY_AT = (5000, 15000.0)  # connections, offered msg/s
# Above this share of a phase spent waiting for its core (other programs in
# the way), a figure is unreliable. The load generator has slack (it is not
# the bottleneck), so a little waiting costs the figures nothing.
NOISE_PCT = {"server": 2.0, "client": 5.0}
# On a virtual machine the host may run other machines on our cores ("steal"):
# the server's core is then slower than a core. Above this share of a
# phase, its figures are those of a smaller core.
STEAL_PCT = 5.0


@dataclass
class Server:
    kind: str
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    def log_tail(self, lines: int = 20) -> str:
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def wait_listening(server: Server, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited at start:\n{server.log_tail()}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, server.port), 0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"server not listening after {timeout}s:\n{server.log_tail()}")


def server_command(kind: str, port: int, override: str | None) -> list[str]:
    if kind == "bare":
        script = str(HERE / "bare_relay.py")
        return [sys.executable, script, "--host", HOST, "--port", str(port)]
    if override:
        text = override.format(host=HOST, port=port, python=sys.executable)
        return shlex.split(text)
    return [sys.executable, "-m", "passerby", "serve", "--host", HOST, "--port", str(port)]


def child_setup(sched: str) -> Callable[[], None]:
    """What each benchmark process does between fork and exec.

    It raises the open-files limit and, since the machine may be shared with
    other work (test suites, browsers), asks the scheduler to give the pinned
    core to the server or load generator first, as on a core dedicated to
    it. ``nice`` (the default) puts the process in a session of its own and
    gives that session's scheduling group (Linux autogroup) and the process
    niceness -20, so it gets nearly all of its core while busy. ``rr`` does
    the same and also runs it in the real-time class SCHED_RR at the lowest
    priority, so it preempts any ordinary process the moment it wakes; but
    the kernel then holds a real-time task back for the last 5% of any
    second it has spent running (``sched_rt_runtime_us``): a server that
    falls behind for a second stops for 50 ms, falls further behind, and
    stops again every second until the load eases, which the latency test
    reports as the server's. (loadgen.py drops to the ordinary class for the
    saturation phase; see there.) ``none`` leaves the scheduler alone. What
    is not permitted is skipped.
    """

    def setup() -> None:
        raise_nofile_limit()
        if sched == "none":
            return
        os.setsid()
        with contextlib.suppress(OSError), open("/proc/self/autogroup", "w") as group:
            group.write("-20")
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, 0, -20)
        if sched == "rr":
            with contextlib.suppress(OSError):
                os.sched_setscheduler(0, os.SCHED_RR, os.sched_param(1))

    return setup


def sched_name(pid: int) -> str:
    policy = "SCHED_RR" if os.sched_getscheduler(pid) == os.SCHED_RR else "SCHED_OTHER"
    nice = os.getpriority(os.PRIO_PROCESS, pid)
    group = ""
    with contextlib.suppress(OSError), open(f"/proc/{pid}/autogroup") as autogroup:
        group = ", " + autogroup.read().strip().lstrip("/")
    return f"{policy}, nice {nice}{group}"


def start_server(kind: str, override: str | None, workdir: Path, sched: str) -> Server:
    port = free_port()
    env = dict(os.environ)
    if kind == "passerby":
        data_dir = workdir / f"data-{port}"
        data_dir.mkdir()
        env.update(PASSERBY_ENV, PASSERBY_DATA_DIR=str(data_dir))
    log_path = workdir / f"{kind}-{port}.log"
    command = ["taskset", "-c", "0", *server_command(kind, port, override)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=child_setup(sched),
        )
    server = Server(kind, process, port, log_path)
    try:
        wait_listening(server)
    except BaseException:
        stop_server(server)
        raise
    return server


def stop_server(server: Server) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def run_loadgen(server: Server, connections: int, args: argparse.Namespace) -> dict[str, Any]:
    rate = args.rates.get(connections, RATE_PER_CONNECTION * connections)
    command = [
        "taskset",
        "-c",
        "1",
        sys.executable,
        str(HERE / "loadgen.py"),
        f"--url=ws://{HOST}:{server.port}/ws",
        f"--connections={connections}",
        f"--server-pid={server.process.pid}",
        f"--duration={args.duration}",
        f"--warmup={args.warmup}",
        f"--window={args.window}",
        f"--rate={rate}",
    ]
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        command += [f"--profile={args.profile / f'{server.kind}-{connections}'}"]
        command += [f"--py-spy={args.py_spy}"]
    done = subprocess.run(
        command,
        stdout=subprocess.PIPE,
        timeout=600,
        check=False,
        preexec_fn=child_setup(args.sched),
    )
    if done.returncode != 0:
        raise RuntimeError(f"loadgen failed ({done.returncode}); server log:\n{server.log_tail()}")
    result: dict[str, Any] = json.loads(done.stdout)
    if server.process.poll() is not None:
        raise RuntimeError(f"server died during the run:\n{server.log_tail()}")
    return result


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark Passerby against a bare relay.")
    parser.add_argument(
        "--connections",
        default="1000,5000",
        help="comma-separated connection counts (even numbers)",
    )
    parser.add_argument("--duration", type=float, default=5.0, help="seconds measured per phase")
    parser.add_argument(
        "--warmup", type=float, default=2.0, help="seconds before each measured phase"
    )
    parser.add_argument("--only", choices=SERVERS, help="benchmark one server only")
    parser.add_argument(
        "--server-cmd",
        help="command for the server under test instead of `python -m passerby serve`; "
        "{host}, {port} and {python} are replaced",
    )
    parser.add_argument(
        "--window", type=int, default=4, help="messages in flight per client at saturation"
    )
    parser.add_argument(
        "--rates",
        default=",".join(f"{n}:{r:g}" for n, r in DEFAULT_RATES.items()),
        help="latency test offered rate per connection count, as N:MSG_PER_S,...",
    )
    parser.add_argument(
        "--sched",
        choices=("rr", "nice", "none"),
        default="nice",
        help="how the server and load generator claim their cores on a shared machine "
        "(rr: real-time SCHED_RR priority 1 and niceness -20; nice: niceness -20; none)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=1,
        help="repeat a measurement disturbed by other programs up to this many times",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="sample each server with py-spy in each phase; collapsed stacks go to DIR",
    )
    parser.add_argument(
        "--py-spy",
        default=shutil.which("py-spy") or "py-spy",
        help="the py-spy executable (pip install py-spy)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    args.connections = [int(n) for n in args.connections.split(",") if n]
    args.rates = {
        int(n): float(r) for n, r in (pair.split(":") for pair in args.rates.split(",") if pair)
    }
    return args


# ---- report -------------------------------------------------------------


def fmt(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or not b:
        return "-"
    return f"{a / b:.2f}"


ROWS: list[tuple[str, tuple[str, str], int, bool]] = [
    # label, (phase, key), digits, ratio shown; phase "" is the top level
    ("entries (POST /api/entry)/s", ("", "entries_per_s"), 0, False),
    ("connections opened/s", ("", "connect_per_s"), 0, True),
    ("new connections matched/s", ("match", "per_s"), 0, True),
    ("time to match p50 (ms)", ("match", "p50_ms"), 1, False),
    ("time to match p99 (ms)", ("match", "p99_ms"), 1, False),
    ("relayed msg/s at saturation", ("saturation", "msg_per_s"), 0, True),
    ("  server process CPU %", ("saturation", "server_cpu_pct"), 0, False),
    ("  load generator CPU %", ("saturation", "client_cpu_pct"), 0, False),
    ("  server core taken by the host %", ("saturation", "core0_steal_pct"), 0, False),
    ("latency test offered msg/s", ("latency", "offered_msg_per_s"), 0, False),
    ("latency test achieved msg/s", ("latency", "achieved_msg_per_s"), 0, True),
    ("round trip p50 (ms)", ("latency", "p50_ms"), 2, True),
    ("round trip p99 (ms)", ("latency", "p99_ms"), 2, True),
    ("round trip max (ms)", ("latency", "max_ms"), 2, False),
    ("  server process CPU %", ("latency", "server_cpu_pct"), 0, False),
    ("  server core taken by the host %", ("latency", "core0_steal_pct"), 0, False),
    ("  load generator core taken by the host %", ("latency", "core1_steal_pct"), 0, False),
    ("KiB per idle connection", ("memory", "kib_per_conn"), 1, True),
]


def get(result: dict[str, Any] | None, phase: str, key: str) -> float | None:
    if result is None:
        return None
    value = (result.get(phase, {}) if phase else result).get(key)
    return None if value is None else float(value)


def report(results: dict[tuple[str, int], dict[str, Any]], args: argparse.Namespace) -> str:
    kinds = [k for k in SERVERS if args.only in (None, k)]
    both = len(kinds) == 2
    header = ["figure"]
    for n in args.connections:
        header += [f"{k} {n:,}" for k in kinds]
        if both:
            header.append(f"ratio {n:,}")
    table = [header]
    for label, (phase, key), digits, show_ratio in ROWS:
        row = [label]
        for n in args.connections:
            values = [get(results.get((k, n)), phase, key) for k in kinds]
            for kind, value in zip(kinds, values, strict=True):
                if value is None and phase == "latency" and (kind, n) in results:
                    row.append("> 1 s")  # the percentile falls on a ping never answered
                else:
                    row.append(fmt(value, digits))
            if both:
                row.append(ratio(values[0], values[1]) if show_ratio else "")
        table.append(row)
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for i, row in enumerate(table):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    lines += verdicts(results, args)
    return "\n".join(lines)


def verdicts(results: dict[tuple[str, int], dict[str, Any]], args: argparse.Namespace) -> list[str]:
    lines: list[str] = []
    for (kind, n), result in sorted(results.items()):
        problems = []
        if result.get("errors"):
            problems.append(f"errors {result['errors']}")
        if result.get("notices"):
            problems.append(f"unexpected server frames or closes {result['notices']}")
        if result.get("disconnected"):
            problems.append(f"{result['disconnected']} connections closed during the run")
        if result["match"]["matched"] != n:
            problems.append(f"only {result['match']['matched']} of {n} matched")
        latency = result["latency"]
        if latency["answered"] != latency["pings"]:
            lost = latency["pings"] - latency["answered"]
            problems.append(f"{lost} of {latency['pings']} pings unanswered within 1 s")
        if latency["achieved_msg_per_s"] < 0.98 * latency["offered_msg_per_s"]:
            problems.append("latency test did not reach its offered rate")
        sat = result["saturation"]
        if sat.get("client_cpu_pct", 0) >= 90 and sat.get("server_cpu_pct", 100) < 90:
            problems.append("CLIENT-BOUND at saturation: the figure is a floor, not the server's")
        # The match phase is too short (tens of ms) for the schedstat figures.
        problems += [f"noisy: {d}" for d in disturbances(result)]
        for problem in problems:
            lines.append(f"! {kind} {n:,}: {problem}")
    if args.only in (None, "passerby"):
        lines.append("Floors for Passerby (one server core):")
        for (kind, n), result in sorted(results.items()):
            if kind != "passerby":
                continue
            checks = [
                (
                    f">= {FLOOR_MATCH_PER_S:,} matched/s",
                    result["match"]["per_s"] >= FLOOR_MATCH_PER_S,
                ),
                (
                    f">= {FLOOR_SATURATION:,} msg/s at saturation",
                    result["saturation"]["msg_per_s"] >= FLOOR_SATURATION,
                ),
            ]
            if "memory" in result:
                checks.append(
                    (
                        f"<= {FLOOR_KIB_PER_CONN:g} KiB/idle connection",
                        result["memory"]["kib_per_conn"] <= FLOOR_KIB_PER_CONN,
                    )
                )
            latency = result["latency"]
            if (n, latency["offered_msg_per_s"]) == FLOOR_LATENCY_AT:
                reached = latency["achieved_msg_per_s"] >= 0.98 * latency["offered_msg_per_s"]
                p99 = latency["p99_ms"]
                checks.append(
                    (
                        f"p99 < {FLOOR_P99_MS:g} ms at {FLOOR_LATENCY_AT[1]:,.0f} msg/s",
                        reached and p99 is not None and p99 < FLOOR_P99_MS,
                    )
                )
            for label, ok in checks:
                lines.append(f"  {n:>6,} connections: {'pass' if ok else 'MISS'}  {label}")
    return lines


def machine() -> str:
    model = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {model}, Python {sys.version.split()[0]}"


def disturbances(result: dict[str, Any]) -> list[str]:
    """The measured phases in which other programs held up a benchmark process.

    Other programs using a core while ours sleep do no harm. It counts when
    our process (its event-loop thread) was ready to run but waited for its
    core while other programs did run on that core; waiting behind the
    server's own threads (Passerby's database thread) is the server's cost,
    not noise. It also counts when the host (the hypervisor) took more than
    STEAL_PCT of the server's core for other virtual machines, or of the
    load generator's core during the latency test.
    """
    found = []
    for phase in ("saturation", "latency"):
        for who, core in (("server", 0), ("client", 1)):
            wait = float(result[phase].get(f"{who}_runq_wait_pct", 0.0))
            other = float(result[phase].get(f"core{core}_other_pct", 0.0))
            if wait > NOISE_PCT[who] and other > NOISE_PCT[who]:
                found.append(
                    f"the {who} waited {wait:.1f}% of {phase} for its core, "
                    f"which other programs used {other:.0f}% of the time"
                )
        # The load generator has slack at saturation, but in the latency
        # test every pause of its own shows in the round trips it measures.
        cores = (("server", 0), ("load generator", 1)) if phase == "latency" else (("server", 0),)
        for who, core in cores:
            steal = float(result[phase].get(f"core{core}_steal_pct", 0.0))
            if steal > STEAL_PCT:
                found.append(
                    f"the host took {steal:.0f}% of the {who}'s core during {phase} "
                    "for other virtual machines"
                )
    return found


def measure(kind: str, n: int, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """One server, one connection count; repeated while other programs interfere."""
    best: dict[str, Any] | None = None
    for attempt in range(1 + args.retries):
        server = start_server(kind, args.server_cmd, workdir, args.sched)
        print(f"   server pid {server.process.pid}: {sched_name(server.process.pid)}", flush=True)
        try:
            result = run_loadgen(server, n, args)
        finally:
            stop_server(server)
        if best is None or len(disturbances(result)) < len(disturbances(best)):
            best = result
        if not disturbances(result):
            break
        if attempt < args.retries:
            print("   disturbed (other programs or the host); again", flush=True)
    assert best is not None
    return best


def profile_summary(path: Path, top: int = 12) -> list[str]:
    """The functions a py-spy collapsed-stack file spends most samples in."""
    own: collections.Counter[str] = collections.Counter()
    within: collections.Counter[str] = collections.Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        samples = int(count)
        total += samples
        frames = stack.split(";")
        own[frames[-1]] += samples
        for frame in set(frames):
            within[frame] += samples
    if not total:
        return [f"{path.name}: no samples"]
    lines = [f"{path.name}: {total} samples; self time:"]
    lines += [f"  {100 * n / total:5.1f}%  {f}" for f, n in own.most_common(top)]
    lines.append("  time within (self and callees), passerby code only:")
    outer = ("passerby/__main__.py", "passerby/cli.py")
    ours = [
        (f, n)
        for f, n in within.most_common()
        if "passerby/" in f and not any(o in f for o in outer)
    ]
    lines += [f"  {100 * n / total:5.1f}%  {f}" for f, n in ours[:top]]
    return lines


def main() -> None:
    args = parse_args()
    if any(n % 2 for n in args.connections):
        sys.exit("connection counts must be even: clients are paired")
    kinds = [k for k in SERVERS if args.only in (None, k)]
    print(f"machine: {machine()}", flush=True)
    results: dict[tuple[str, int], dict[str, Any]] = {}
    failures: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="passerby-bench-") as tmp:
        for n in args.connections:
            for kind in kinds:
                print(f"== {kind}, {n:,} connections", flush=True)
                try:
                    results[(kind, n)] = measure(kind, n, args, Path(tmp))
                except (RuntimeError, OSError, subprocess.SubprocessError) as error:
                    # One server failing must not hide the other's figures.
                    failures.append(f"{kind} {n:,}: FAILED: {error}")
                    print(f"   failed: {error}", flush=True)
    print(f"\nfinished in {time.monotonic() - started:.0f} s\n")
    print(report(results, args))
    for failure in failures:
        print(f"! {failure}")
    if args.profile:
        for path in sorted(args.profile.glob("*.txt")):
            print()
            print("\n".join(profile_summary(path)))
    if args.json:
        raw = {f"{kind} {n}": result for (kind, n), result in results.items()}
        args.json.write_text(json.dumps({"machine": machine(), "results": raw}, indent=2))
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
