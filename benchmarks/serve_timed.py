"""Diagnostic only: the Passerby server, timing its text analyser in place.

Not a way to run Passerby. It serves exactly as ``benchmarks/serve_unmoderated.py``
does, but with the real analyser (the cache and the detectors), and every
20,000 messages appends to ``--stats`` the mean time of one call, its CPU
time on the event-loop thread, and the analyser's share of the process's
CPU time. Alone in a loop the detectors cost less than inside the busy
server, where what they read has fallen out of the processor's caches; this
shows the second figure. Usage:

    python benchmarks/run.py --only passerby --connections 5000 \\
        --server-cmd "{python} benchmarks/serve_timed.py --host {host} --port {port} \\
        --stats /tmp/analyser.txt"
"""

from __future__ import annotations

import argparse
import time

from passerby.core.signals import Signal
from passerby.safety.moderation import Analyser, CachedAnalyser
from passerby.safety.text import TextAnalyser
from serve_unmoderated import serve

EVERY = 20_000


class Timed:
    def __init__(self, inner: Analyser, stats: str) -> None:
        self._inner = inner
        self._stats = stats
        self._reset()

    def _reset(self) -> None:
        self._calls = 0
        self._wall = 0
        self._cpu = 0
        self._since = time.process_time()

    def analyse(self, text: str) -> list[Signal]:
        wall, cpu = time.perf_counter_ns(), time.thread_time_ns()
        signals = self._inner.analyse(text)
        self._cpu += time.thread_time_ns() - cpu
        self._wall += time.perf_counter_ns() - wall
        self._calls += 1
        if self._calls == EVERY:
            process = time.process_time() - self._since
            with open(self._stats, "a") as out:
                out.write(
                    f"calls={EVERY} us_per_call={self._wall / EVERY / 1000:.1f} "
                    f"cpu_us_per_call={self._cpu / EVERY / 1000:.1f} "
                    f"share_of_process_cpu={self._wall / 1e9 / process:.2f}\n"
                )
            self._reset()
        return signals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--stats", required=True, help="file the figures are appended to")
    args = parser.parse_args()
    serve(Timed(CachedAnalyser(TextAnalyser()), args.stats), args.host, args.port)


if __name__ == "__main__":
    main()
