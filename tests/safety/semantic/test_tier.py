"""The server's side of the tier against a worker that speaks the protocol
in a thread, with a fake embedder (no model): batches, the speakers'
patterns read in the worker and their signals back to the connection,
sampling when the worker falls behind, switching off."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import AsyncIterator
from typing import Any

import numpy as np
import pytest
from tests.safety.semantic.threads import Hearer, ThreadWorker
from tests.support import eventually

from passerby.clock import ManualClock
from passerby.core.signals import Signal
from passerby.metrics import Metrics
from passerby.safety.semantic import pattern, worker
from passerby.safety.semantic.scorer import build_index
from passerby.safety.semantic.tier import SemanticTier, Tap, TierSettings

# Texts that start with "!" point at the harmful example, the rest at the safe one.
HARMFUL = np.array([1.0, 0.0], dtype=np.float32)
SAFE = np.array([0.0, 1.0], dtype=np.float32)


class FakeEmbedder:
    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([HARMFUL if t.startswith("!") else SAFE for t in texts])


def _scores(sock: socket.socket) -> None:
    index = build_index(np.stack([HARMFUL, SAFE]), ["harmful", "safe"], ["secrecy", "talk"])
    worker.score_batches(sock, FakeEmbedder(), index)


def bound(tier: SemanticTier, device: str, section: str, hearer: Hearer | None = None) -> Tap:
    """A tap of ``tier`` bound to ``hearer`` (a new one when omitted)."""
    tap = tier.tap(device, section)
    assert tap is not None
    tap.bind(hearer if hearer is not None else Hearer())
    return tap


def make_tier(
    hello: dict[str, Any] | None = None,
    bound: int = 100,
    batch: int = 64,
    clock: ManualClock | None = None,
) -> tuple[SemanticTier, Metrics, threading.Event]:
    metrics = Metrics()
    gate = threading.Event()

    def process(child: socket.socket) -> ThreadWorker:
        return ThreadWorker(child.dup(), _scores, hello, gate)

    clock = clock or ManualClock()
    tier = SemanticTier(
        TierSettings(batch_size=batch, queue_bound=bound, flush_seconds=0.005),
        metrics,
        clock,
        timer=clock.monotonic,
        process=process,  # type: ignore[arg-type]
    )
    return tier, metrics, gate


@contextlib.asynccontextmanager
async def running(
    clock: ManualClock | None = None,
) -> AsyncIterator[tuple[SemanticTier, Metrics]]:
    """A tier whose worker is ready, closed after."""
    tier, metrics, gate = make_tier(clock=clock)
    gate.set()
    await tier.start()
    try:
        await eventually(lambda: _true(tier.ready))
        assert tier.ready
        yield tier, metrics
    finally:
        await tier.close()


async def test_scores_come_back_and_a_pattern_reaches_the_connection() -> None:
    clock = ManualClock()
    async with running(clock) as (tier, metrics):
        hearer = Hearer()
        tap = bound(tier, "device-1", "teens", hearer)
        reads: list[float] = []

        def timer() -> float:  # the tier's clock, its reads counted
            reads.append(clock.monotonic())
            return reads[-1]

        tier.timer = timer
        for text in ["hi", "!keep it between us", "how was school", "!dont tell your mum"]:
            tap.submit(text, signalled=False)
        clock.advance(0.25)
        await eventually(lambda: _true(metrics.semantic_scored.value == 4))
        assert metrics.semantic_scored.value == 4
        await eventually(lambda: _true(hearer.heard))
        [(chat, signal)] = hearer.heard
        # The grooming pattern of two leaning lines in four, as the worker reads it.
        expected = pattern.Pattern(pattern.CHAT)
        for score in (0.0, 1.0, 0.0, 1.0):
            reading = expected.add(score, "secrecy")
        assert chat == "c1" and signal.name == "semantic"
        assert reading.value > 0 and signal.score == pytest.approx(reading.value)
        assert signal.detail == "scope=chat;hits=2;kinds=secrecy"
        # One window, one batch: its lag runs from the window's opening (the
        # first message) to the scores, and no message's own time was read.
        assert metrics.semantic_lag.count == 1
        assert metrics.semantic_lag.sum == pytest.approx(0.25)
        assert len(reads) == 2
        assert metrics.semantic_reviews.value == 1
        # A case was opened for this chat: more leaning lines ask for no second one.
        for _ in range(3):
            tap.submit("!more secrets", signalled=False)
        await eventually(lambda: _true(metrics.semantic_scored.value == 7))
        await asyncio.sleep(0.05)
        assert len(hearer.heard) == 1


async def test_ordinary_talk_reaches_nobody() -> None:
    async with running() as (tier, metrics):
        hearer = Hearer()
        tap = bound(tier, "device-2", "adults", hearer)
        for i in range(20):
            tap.submit(f"ordinary line {i}", signalled=False)
        await eventually(lambda: _true(metrics.semantic_scored.value == 20))
        await asyncio.sleep(0.05)
        assert metrics.semantic_scored.value == 20 and hearer.heard == []


async def test_a_worker_that_falls_behind_samples_teens_and_signalled_chats_first() -> None:
    tier, metrics, gate = make_tier(bound=4)
    await tier.start()  # the worker is "loading" until the gate opens
    try:
        adult = tier.tap("a", "adults")
        teen = tier.tap("t", "teens")
        assert adult is not None and teen is not None
        adult_hearer, teen_hearer = Hearer("adult-chat"), Hearer("teen-chat")
        adult.bind(adult_hearer)
        teen.bind(teen_hearer)
        for i in range(6):
            adult.submit(f"adult {i}", signalled=False)
        adult.submit("adult with signals", signalled=True)
        for i in range(3):
            teen.submit(f"teen {i}", signalled=False)
        # 10 offered, 4 kept: every priority one (3 teens, 1 signalled), no ordinary one.
        assert tier.depth() == 4
        rendered = await metrics.render()  # the drops are counted when /metrics is read
        assert 'passerby_semantic_skipped_total{reason="ordinary"} 6' in rendered
        assert metrics.semantic_skipped.values == {("ordinary",): 6}
        gate.set()
        await eventually(lambda: _true(metrics.semantic_scored.value == 4))
        assert metrics.semantic_scored.value == 4
        assert tier.depth() == 0
        rendered = await metrics.render()
        assert 'passerby_semantic_skipped_total{reason="ordinary"} 6' in rendered
    finally:
        await tier.close()


async def test_a_worker_whose_model_fails_its_check_switches_the_tier_off(
    caplog: pytest.LogCaptureFixture,
) -> None:
    refusal = {"error": "model_mismatch", "message": "the model file has another digest"}
    tier, metrics, gate = make_tier(hello=refusal)
    gate.set()
    hearer = Hearer()
    tap = bound(tier, "d", "teens", hearer)
    tap.submit("waiting while the worker loads", signalled=False)
    await tier.start()
    try:
        await eventually(lambda: _true(not tier.enabled))
        assert not tier.enabled
        assert "semantic tier switched off" in caplog.text and "model_mismatch" in caplog.text
        tap.submit("after", signalled=False)
        assert metrics.semantic_skipped.values == {("off",): 2}
        assert tier.tap("d", "teens") is None  # new connections get no tap at all
    finally:
        await tier.close()


async def test_a_devices_pattern_across_its_chats_reaches_the_connection() -> None:
    clock = ManualClock()
    async with running(clock) as (tier, metrics):
        first, second = tier.tap("device-3", "teens"), tier.tap("device-3", "teens")
        other = tier.tap("device-4", "teens")
        assert first is not None and second is not None and other is not None
        hearer, later, stranger = Hearer("a"), Hearer("c"), Hearer("x")
        first.bind(hearer)
        second.bind(later)  # the same device on another connection
        other.bind(stranger)
        # One leaning line in each of four chats: no chat has a pattern, the device has.
        for tap, host, chat in [(first, hearer, "a"), (first, hearer, "b"), (second, later, "c")]:
            host.chat = chat
            tap.submit("!keep it between us", signalled=False)
            other.submit("!keep it between us", signalled=False)  # another device's, not ours
            stranger.chat = f"x-{chat}"
            await eventually(lambda: _true(tier.depth() == 0))
        assert hearer.heard == [] and later.heard == [] and stranger.heard == []
        later.chat = "d"
        second.submit("!dont tell anyone", signalled=False)
        await eventually(lambda: _true(later.heard))
        [(chat, signal)] = later.heard
        assert chat == "d" and signal.score == 1.0
        assert signal.detail == "scope=device;hits=4;kinds=secrecy"
        assert hearer.heard == [] and stranger.heard == []
        assert metrics.semantic_scored.value == 7


async def test_a_devices_old_chats_are_forgotten_by_the_servers_clock() -> None:
    clock = ManualClock()
    async with running(clock) as (tier, metrics):
        hearer = Hearer()
        tap = bound(tier, "device-5", "teens", hearer)
        for chat in ["a", "b", "c"]:
            hearer.chat = chat
            tap.submit("!keep it between us", signalled=False)
            await eventually(lambda: _true(tier.depth() == 0))
        clock.advance(8 * 86400)  # a week and a day: the worker reads the server's time
        hearer.chat = "d"
        tap.submit("!keep it between us", signalled=False)
        await eventually(lambda: _true(metrics.semantic_scored.value == 4))
        await asyncio.sleep(0.05)
        assert hearer.heard == []


async def test_messages_sent_together_leave_in_one_batch() -> None:
    clock = ManualClock()
    async with running(clock) as (tier, metrics):
        hearer = Hearer()
        tap = bound(tier, "device-6", "adults", hearer)
        for round_ in range(3):
            for i in range(5):
                tap.submit(f"line {round_} {i}", signalled=False)
            await eventually(lambda: _true(tier.depth() == 0))
        # Fifteen messages in three windows: three batches, not fifteen.
        assert metrics.semantic_scored.value == 15 and metrics.semantic_lag.count == 3


async def test_a_signal_that_comes_while_one_is_handed_on_waits_for_it() -> None:
    tier, metrics, _ = make_tier()  # no worker: the signals are the worker's, given by hand
    release = asyncio.Event()

    class SlowHearer(Hearer):
        async def semantic(self, chat: str, signal: Signal) -> bool:
            self.heard.append((chat, signal))
            await release.wait()
            return signal.score >= 0.8  # the adults' rule

    hearer = SlowHearer()
    tap = bound(tier, "device-7", "adults", hearer)
    tap.signal("c1", Signal("semantic", 0.6, "scope=chat;hits=2;kinds=secrecy"))
    await asyncio.sleep(0)
    # While the first is with the rules, two more come (a batch may carry both).
    tap.signal("c1", Signal("semantic", 0.75, "scope=chat;hits=3;kinds=secrecy"))
    tap.signal("c1", Signal("semantic", 0.9, "scope=chat;hits=4;kinds=secrecy"))
    assert [s.score for _, s in hearer.heard] == [0.6]
    release.set()
    # The first opened no case (0.6 < 0.8): the strongest that waited goes next, and opens one.
    await eventually(lambda: _true(len(hearer.heard) == 2))
    assert [s.score for _, s in hearer.heard] == [0.6, 0.9]
    await eventually(lambda: _true(metrics.semantic_reviews.value == 1))
    tap.signal("c1", Signal("semantic", 1.0, "scope=chat;hits=5;kinds=secrecy"))
    await asyncio.sleep(0.01)
    assert len(hearer.heard) == 2  # one case per chat
    await tier.close()


async def test_a_chats_families_are_handed_on_apart() -> None:
    tier, metrics, _ = make_tier()

    class Reviewing(Hearer):
        async def semantic(self, chat: str, signal: Signal) -> bool:
            self.heard.append((chat, signal))
            return True  # every signal opens a case

    hearer = Reviewing()
    tap = bound(tier, "device-8", "adults", hearer)
    tap.signal("c1", Signal("semantic", 0.9, "scope=chat;hits=3;kinds=secrecy"))
    await eventually(lambda: _true(metrics.semantic_reviews.value == 1))
    # A case about grooming leaves the same chat's hostility to be seen.
    tap.signal("c1", Signal("semantic_hostility", 0.6, "scope=chat;hits=2;kinds=threat"))
    await eventually(lambda: _true(metrics.semantic_reviews.value == 2))
    tap.signal("c1", Signal("semantic_hostility", 1.0, "scope=chat;hits=3;kinds=threat"))
    tap.signal("c1", Signal("semantic", 1.0, "scope=chat;hits=4;kinds=secrecy"))
    await asyncio.sleep(0.01)
    assert [s.name for _, s in hearer.heard] == ["semantic", "semantic_hostility"]
    await tier.close()


async def test_a_signal_the_server_does_not_know_is_dropped() -> None:
    tier, _, _ = make_tier()
    hearer = Hearer()
    tap = bound(tier, "device-9", "adults", hearer)
    tier._in_flight = [(tap, "c1", 1, 0, "text", 0.0)]
    tier._oldest = 0.0
    tier._scored(
        {"scored": 1, "signals": [[0, "made_up", 1.0, "x"], [0, "semantic", 0.9, "y"]], "busy": 0}
    )
    await eventually(lambda: _true(hearer.heard))
    assert [s.name for _, s in hearer.heard] == ["semantic"]
    await tier.close()


async def _true(value: object) -> bool:
    return bool(value)
