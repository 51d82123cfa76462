"""How long a Passerby process takes to start, and how much of it is the detectors.

Prints, each as the minimum over ``--runs`` fresh processes (the machine is
shared and noisy; the minimum is the run least disturbed):

``import aiohttp``
    a new Python process that imports aiohttp and exits: the yardstick the
    other figures are divided by, so that runs on a busier or a faster
    machine compare;
``TextAnalyser()``
    building the text detectors in a new process (after their imports),
    as :func:`passerby.app.create_app` does;
``serve → /healthz``
    from starting ``python -m passerby serve`` (a fresh data folder, the
    embedded database, a free port) until ``/healthz`` answers;
``import passerby.cli``, ``create_app()``, ``runner.setup()``
    where that time goes, timed in another new process doing the same
    steps: the imports, building the application (the detectors among the
    rest), and its start-up (the database's migrations).

``--src`` times another checkout (its ``src`` folder goes first on
``PYTHONPATH``), for figures before and after a change:

    git archive 18c5394 src | tar -x -C /tmp/before
    python benchmarks/startup.py --src /tmp/before/src
    python benchmarks/startup.py

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
BUILD = (
    "import time\n"
    "from passerby.safety.text import TextAnalyser\n"
    "started = time.perf_counter()\n"
    "TextAnalyser()\n"
    "print(time.perf_counter() - started)\n"
)


PHASES = (
    "import sys, time\n"
    "started = time.perf_counter()\n"
    "import asyncio\n"
    "from passerby.cli import create_app, load\n"
    "from passerby.transport.web import app_runner\n"
    "imported = time.perf_counter()\n"
    "app = create_app(load(None, overrides={'data_dir': sys.argv[1]}))\n"
    "created = time.perf_counter()\n"
    "async def start():\n"
    "    runner = app_runner(app)\n"
    "    began = time.perf_counter()\n"
    "    await runner.setup()\n"
    "    ready = time.perf_counter()\n"
    "    await runner.cleanup()\n"
    "    return ready - began\n"
    "setup = asyncio.run(start())\n"
    "print(imported - started, created - imported, setup)\n"
)


def environment(src: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(src), "PASSERBY_LOG_LEVEL": "warning"}
    env.pop("PASSERBY_CONFIG", None)
    return env


def import_aiohttp(python: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", "import aiohttp"], env=env, check=True)
    return time.perf_counter() - started


def build_analyser(python: str, env: dict[str, str]) -> float:
    done = subprocess.run(
        [python, "-c", BUILD], env=env, check=True, capture_output=True, text=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def phases(python: str, env: dict[str, str]) -> list[float]:
    data = Path(tempfile.mkdtemp(prefix="passerby-startup-"))
    try:
        done = subprocess.run(
            [python, "-c", PHASES, str(data)],
            env=env,
            cwd=data,
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return [float(x) for x in done.stdout.split()[-3:]]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def serve_until_healthy(python: str, env: dict[str, str], timeout: float) -> float:
    data = Path(tempfile.mkdtemp(prefix="passerby-startup-"))
    port = free_port()
    url = f"http://{HOST}:{port}/healthz"
    command = [python, "-m", "passerby", "serve", "--host", HOST, "--port", str(port)]
    command += ["--data-dir", str(data)]
    started = time.perf_counter()
    server = subprocess.Popen(command, env=env, cwd=data, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < timeout:
            if server.poll() is not None:
                raise RuntimeError(f"the server exited with code {server.returncode}")
            try:
                with urllib.request.urlopen(url, timeout=1.0):
                    return time.perf_counter() - started
            except urllib.error.HTTPError:
                return time.perf_counter() - started  # it answers, if not "ok"
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"/healthz did not answer within {timeout:.0f} s")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(data, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src folder to time")
    parser.add_argument("--runs", type=int, default=5, help="processes per figure")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for a server")
    args = parser.parse_args()
    env = environment(args.src.resolve())
    names = ("import aiohttp", "TextAnalyser()", "serve → /healthz")
    steps = ("import passerby.cli", "create_app()", "runner.setup()")
    figures: dict[str, list[float]] = {name: [] for name in (*names, *steps)}
    # Interleaved, so that a burst of load elsewhere touches every figure.
    for _ in range(args.runs):
        figures[names[0]].append(import_aiohttp(args.python, env))
        figures[names[1]].append(build_analyser(args.python, env))
        figures[names[2]].append(serve_until_healthy(args.python, env, args.timeout))
        for step, seconds in zip(steps, phases(args.python, env), strict=True):
            figures[step].append(seconds)
    yardstick = min(figures[names[0]])
    print(f"src: {args.src}  runs: {args.runs}  (minimum; in units of `import aiohttp`)")
    for name, times in figures.items():
        best = min(times)
        print(f"  {name:<20} {best:8.3f} s  {best / yardstick:7.1f}×")


if __name__ == "__main__":
    main()
