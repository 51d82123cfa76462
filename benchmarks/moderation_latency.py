"""What moderation adds to a message's delivery, at a fixed rate.

Replays the labelled corpus (tests/data/conversations.jsonl) through the
same per-connection pipeline the server runs inline before delivery
(detectors, history, conversation risk, rules) and on the receiving side
(risk from the partner's signals), paced at a fixed message rate on one
core, and prints the time each message spent in it: p50, p99, max, and the
rate one core could sustain. Prints figures; asserts nothing.

Run: ``taskset -c 0 python benchmarks/moderation_latency.py --rate 1000 --seconds 10``
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

import orjson

from passerby.core.signals import Signal
from passerby.safety.moderation import ChatModerator, StrikeBook
from passerby.safety.policy import load_policy
from passerby.safety.risk import ConversationRisk, DeviceRisk
from passerby.safety.text.detectors import TextAnalyser

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "conversations.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=1000.0, help="messages per second")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()

    conversations = [orjson.loads(line) for line in CORPUS.read_text().splitlines() if line]
    messages = [
        (c["section"], turn["speaker"], turn["text"], i)
        for i, c in enumerate(conversations)
        for turn in c["turns"]
    ]
    started = time.perf_counter()
    analyser = TextAnalyser()
    print(f"model and patterns loaded in {time.perf_counter() - started:.2f} s")
    policy = load_policy()

    def moderators(section: str) -> dict[str, ChatModerator]:
        return {
            side: ChatModerator(
                analyser, policy, section, StrikeBook(), ConversationRisk, history=DeviceRisk()
            )
            for side in ("a", "b")
        }

    chats: dict[int, dict[str, ChatModerator]] = {}
    total = int(args.rate * args.seconds)
    interval = 1.0 / args.rate
    costs: list[float] = []
    late = 0
    gc.collect()
    origin = time.perf_counter()
    for n in range(total):
        due = origin + n * interval
        while (now := time.perf_counter()) < due:
            pass  # pace the arrivals; a message waits if the last one ran over
        if now - due > interval:
            late += 1
        section, speaker, text, chat = messages[n % len(messages)]
        pair = chats.get(chat)
        if pair is None or n % len(messages) == 0:
            pair = chats[chat] = moderators(section)
        other = "b" if speaker == "a" else "a"
        wall = 1.8e9 + n * interval
        begin = time.perf_counter()
        verdict = pair[speaker].outgoing(text, n * interval, wall)
        if verdict.delivered:
            pair[other].incoming([Signal(s.name, s.score) for s in verdict.signals])
        # delivery is delayed by the pipeline plus any wait behind earlier messages
        costs.append(time.perf_counter() - due)
        _ = begin
    elapsed = time.perf_counter() - origin
    costs.sort()
    pick = lambda q: costs[min(len(costs) - 1, int(q * len(costs)))] * 1e3  # noqa: E731
    print(f"{total:,} messages at {args.rate:,.0f}/s on one core ({elapsed:.1f} s)")
    print(
        f"added to delivery: p50 {pick(0.50):.3f} ms  p99 {pick(0.99):.3f} ms  "
        f"max {costs[-1] * 1e3:.3f} ms  mean {statistics.fmean(costs) * 1e3:.3f} ms"
    )
    print(f"messages that waited behind an earlier one: {late}")

    # The ceiling: back to back, no pacing.
    sample = messages[:2000]
    pair = moderators("adults")
    begin = time.perf_counter()
    for n, (_, speaker, text, _) in enumerate(sample):
        pair[speaker].outgoing(text, n * 0.001, 1.8e9 + n)
    per = (time.perf_counter() - begin) / len(sample)
    print(f"back to back: {per * 1e6:.1f} µs a message, {1 / per:,.0f} messages/s on one core")


if __name__ == "__main__":
    main()
