"""The semantic tier's own figures: throughput per core, lag at a fixed rate,
and how it reads the labelled corpus.

1. **Throughput**: the worker's work (embed, then score against every family of the index)
   in this process on one BLAS thread, for batches of 1, 8, 64 and 256
   different chat lines: messages per second per core.
2. **Lag at a fixed load**: the real tier (a spawned worker process,
   batches, the bounded backlog) fed ``--rate`` messages a second for
   ``--seconds`` from 200 connections, half in the teens' section; prints
   p50/p99/max of each batch's lag (from the window its oldest message
   joined to its scores arriving, as ``passerby_semantic_lag_seconds``
   reads it), the batches' sizes, and what was scored and skipped.
3. **The corpus** (tests/data/conversations.jsonl): per conversation, the
   strongest grooming pattern of any speaker; the share of each label and section
   whose pattern reaches the teens' rule (0.5) and the adults' (0.8); and
   long ordinary chats (30 benign lines drawn at random, 300 of them).

Prints figures; asserts nothing.

Run: ``taskset -c 0 python benchmarks/semantic_tier.py --rate 1000 --seconds 10``
(the worker process then shares core 0 with the benchmark's event loop
unless ``taskset -c 0,1``).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import orjson

from passerby.clock import SystemClock
from passerby.core.signals import Signal
from passerby.metrics import Metrics
from passerby.safety.semantic import pattern
from passerby.safety.semantic.embedder import UseEmbedder
from passerby.safety.semantic.scorer import score_families, score_vectors
from passerby.safety.semantic.tier import SemanticTier, TierSettings
from passerby.safety.semantic.worker import load_heads, load_index

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "conversations.jsonl"


def corpus() -> list[dict[str, object]]:
    return [orjson.loads(line) for line in CORPUS.read_text().splitlines() if line]


def lines_of(conversations: list[dict[str, object]]) -> list[str]:
    return sorted({t["text"] for c in conversations for t in c["turns"]})  # type: ignore[attr-defined, index]


def throughput(lines: list[str]) -> None:
    started = time.perf_counter()
    embedder = UseEmbedder(threads=1)
    with tempfile.TemporaryDirectory() as tmp:
        index = load_index(embedder, Path(tmp))
    print(
        f"model and index loaded in {time.perf_counter() - started:.1f} s "
        f"({index.size} examples; harmful per family: "
        + ", ".join(f"{name} {len(f.harmful)}" for name, f in index.families.items())
        + ")"
    )
    heads = load_heads(None)
    print(f"learned heads: {', '.join(h.key for h in heads) or 'none'}")
    print("\nthroughput, one core (embed + score against the index and every head):")
    for batch in (1, 8, 64, 256):
        n = 0
        started = time.perf_counter()
        while n < 1024 or time.perf_counter() - started < 3:
            chunk = [lines[(n + i) % len(lines)] for i in range(batch)]
            vectors = embedder.encode(chunk)
            score_families(vectors, index)
            # each message answers the one before it (the reply heads' pairs)
            pairs = np.concatenate([np.roll(vectors, 1, axis=0), vectors], axis=1)
            for head in heads:
                head.probabilities(pairs if head.reads == "reply" else vectors)
            n += batch
        spent = time.perf_counter() - started
        print(f"  batch {batch:>3}: {n / spent:7.0f} messages/s  ({spent / n * 1000:.2f} ms each)")


class Hearer:
    def __init__(self, chat: str) -> None:
        self.chat = chat
        self.signals = 0

    def semantic_chat(self) -> str | None:
        return self.chat

    async def semantic(self, chat: str, signal: Signal) -> bool:
        self.signals += 1
        return False


class Lags:
    def __init__(self) -> None:
        self.values: list[float] = []

    def observe(self, value: float) -> None:
        self.values.append(value)


async def lag(lines: list[str], rate: float, seconds: float, batch: int, bound: int) -> None:
    metrics = Metrics()
    lags = Lags()
    metrics.semantic_lag = lags  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        settings = TierSettings(batch_size=batch, queue_bound=bound, data_dir=tmp)
        tier = SemanticTier(settings, metrics, SystemClock())
        taps, hearers = [], []
        for i in range(200):
            tap = tier.tap(f"device-{i}", "teens" if i % 2 else "adults")
            assert tap is not None
            hearer = Hearer(f"chat-{i}")
            tap.bind(hearer)
            taps.append(tap)
            hearers.append(hearer)
        started = time.perf_counter()
        await tier.start()
        while not tier.ready:  # noqa: ASYNC110 - polling the model's load is enough here
            await asyncio.sleep(0.05)
        print(f"\nworker ready after {time.perf_counter() - started:.1f} s")
        total = int(rate * seconds)
        tick = 0.01
        per_tick = rate * tick
        sent = 0
        submit_time = 0.0
        start = time.perf_counter()
        while sent < total:
            due = min(total, int((time.perf_counter() - start) / tick * per_tick) + int(per_tick))
            t0 = time.perf_counter()
            while sent < due:
                taps[sent % len(taps)].submit(lines[sent % len(lines)], signalled=False)
                sent += 1
            submit_time += time.perf_counter() - t0
            await asyncio.sleep(tick)
        offered = time.perf_counter() - start
        deadline = time.perf_counter() + 30
        while tier.depth() and time.perf_counter() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        await tier.close()
    values = sorted(lags.values)
    tier.count_skipped()  # the backlog's drops, as /metrics would count them
    skipped = dict(metrics.semantic_skipped.values)
    print(
        f"offered {sent} messages in {offered:.1f} s ({sent / offered:.0f}/s), "
        f"batch <= {batch}, backlog bound {bound}"
    )
    scored = metrics.semantic_scored.value
    print(f"  scored {scored} ({scored / sent:.0%}), skipped {skipped or 0}")
    if values:
        print(f"  {len(values)} batches, {scored / len(values):.1f} messages each on average")
    print(f"  submit on the event loop: {submit_time / sent * 1e6:.2f} us a message")
    if len(values) > 1:
        q = statistics.quantiles(values, n=100)
        print(
            f"  lag per batch p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, "
            f"max {values[-1] * 1000:.1f} ms"
        )


def read_corpus(conversations: list[dict[str, object]], lines: list[str]) -> None:
    embedder = UseEmbedder(threads=1)
    with tempfile.TemporaryDirectory() as tmp:
        index = load_index(embedder, Path(tmp))
    scores = dict(zip(lines, score_vectors(embedder.encode(lines), index), strict=True))
    out: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    for c in conversations:
        best = 0.0
        turns = c["turns"]
        for speaker in {t["speaker"] for t in turns}:  # type: ignore[attr-defined]
            chat = pattern.Pattern(pattern.CHAT)
            for t in turns:  # type: ignore[attr-defined]
                if t["speaker"] == speaker:
                    s = scores[t["text"]]
                    best = max(best, chat.add(s.score, s.category).value)
        out[(str(c["label"]), str(c["section"]))].append(best)
    print("\nthe corpus: conversations whose strongest speaker pattern reaches")
    print("  label       section  chats  >=0.5  >=0.8")
    for (label, section), values in sorted(out.items()):
        high = sum(v >= 0.5 for v in values) / len(values)
        higher = sum(v >= 0.8 for v in values) / len(values)
        print(f"  {label:<11} {section:<8} {len(values):>5}  {high:5.0%}  {higher:5.0%}")
    benign = [t["text"] for c in conversations if c["label"] == "benign" for t in c["turns"]]  # type: ignore[attr-defined]
    rng = random.Random(1)
    fired = []
    for _ in range(300):
        chat = pattern.Pattern(pattern.CHAT)
        best = 0.0
        for text in rng.sample(benign, 30):
            best = max(best, chat.add(scores[text].score, scores[text].category).value)
        fired.append(best)
    print(
        f"  long benign chats (30 lines): {sum(v >= 0.5 for v in fired) / 300:.1%} reach 0.5, "
        f"{sum(v >= 0.8 for v in fired) / 300:.1%} reach 0.8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=1000.0, help="messages offered a second")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--bound", type=int, default=2048)
    parser.add_argument(
        "--skip", choices=["throughput", "lag", "corpus"], action="append", default=[]
    )
    args = parser.parse_args()
    conversations = corpus()
    lines = lines_of(conversations)
    if "throughput" not in args.skip:
        throughput(lines)
    if "lag" not in args.skip:
        asyncio.run(lag(lines, args.rate, args.seconds, args.batch, args.bound))
    if "corpus" not in args.skip:
        read_corpus(conversations, lines)


if __name__ == "__main__":
    main()
