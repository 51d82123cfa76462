"""The semantic tier's enqueue in instructions: what one message costs the relay path.

Runs this script under ``valgrind --tool=callgrind`` three times: ``--calls``
:meth:`Tap.submit` calls with the backlog drained 64 at a time (the worker
keeping up), the same with the backlog never drained (the worker behind:
every message but the first 2,048 dropped), and the same loop calling a
function that does nothing. The differences, divided by the calls, are the
enqueue's cost per message in each case. No worker is started.

    python benchmarks/semantic_enqueue.py

docs/benchmarks.md ("The semantic tier") has the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from passerby.clock import SystemClock
from passerby.core.signals import Signal
from passerby.metrics import Metrics
from passerby.safety.semantic.tier import SemanticTier, TierSettings

MODES = ("nothing", "kept", "dropped")


class Hearer:
    def semantic_chat(self) -> str | None:
        return "chat-1"

    async def semantic(self, chat: str, signal: Signal) -> bool:
        return False


def nothing(text: str, signalled: bool) -> None:
    return None


async def loop(mode: str, calls: int) -> None:
    tier = SemanticTier(TierSettings(queue_bound=2048), Metrics(), SystemClock())
    tap = tier.tap("device-1", "adults")
    assert tap is not None
    hearer = Hearer()
    tap.bind(hearer)
    submit = nothing if mode == "nothing" else tap.submit
    texts = [f"so i just got back from the beach {i}" for i in range(64)]
    for _ in range(calls // 64):
        for text in texts:
            submit(text, False)
        if mode == "kept":
            tier.backlog.take(64)
    await tier.close()


def instructions(mode: str, calls: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        command += [sys.executable, __file__, "--run", mode, "--calls", str(calls)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(done.stderr[-2000:])
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=51_200)
    parser.add_argument("--run", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        asyncio.run(loop(args.run, args.calls))
        return
    counts = {mode: instructions(mode, args.calls) for mode in MODES}
    for mode in ("kept", "dropped"):
        per_call = (counts[mode] - counts["nothing"]) / args.calls
        print(f"Tap.submit, message {mode}: {per_call:,.0f} instructions")


if __name__ == "__main__":
    main()
