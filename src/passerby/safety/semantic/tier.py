"""The server's side of the semantic tier: a cheap enqueue, a worker, verdicts back.

On the relay path a message costs one :meth:`Tap.submit`: a weak reference
followed, a tuple appended to the :class:`~.backlog.Backlog`, and now and
then a timer armed. The timer (``flush_seconds``) sends what waits to the
worker process in one batch (at most ``batch_size``), one batch in flight
at a time; when the scores come back, the next batch goes at once. So the
batch grows with the load and the relay never waits for the model.

Each score goes to the :class:`Tap` of the connection that sent the
message: the speaker's pattern in that chat and across the device's chats
(:mod:`.pattern`). A pattern that appears, or grows, is handed to the
connection (:class:`Hearer.semantic`) as a ``semantic`` signal, and the
connection runs it through the rules like any signal. Results for a chat
that has since been left still count for the device and the chat's record.

The worker is started at :meth:`SemanticTier.start` (not awaited: the
server serves while it loads), restarted with a growing delay if it dies,
and switched off for good if its model fails the hash check.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
import socket
import time
import weakref
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Final, Protocol

import orjson

from passerby.clock import Clock
from passerby.core.signals import Signal
from passerby.metrics import Metrics
from passerby.recent import RecentCache
from passerby.safety.semantic import frames, pattern
from passerby.safety.semantic.backlog import Backlog

log = logging.getLogger(__name__)

# Longer messages are cut: their start says what they are about, and a
# bounded text keeps batches small.
MAX_CHARS: Final = 1000
# A pattern is handed on again only when it has grown this much.
STEP: Final = 0.1
# Devices whose cross-chat pattern is kept in memory on this node.
DEVICES: Final = 50_000
RESTART_SECONDS: Final = 5.0
RESTART_MAX: Final = 300.0


@dataclass(frozen=True, slots=True)
class TierSettings:
    enabled: bool = True
    batch_size: int = 64
    queue_bound: int = 2048
    flush_seconds: float = 0.1
    threads: int = 1
    data_dir: str | None = None


class Hearer(Protocol):
    """What a tap needs of its connection (``service.connection.ChatConnection``)."""

    def semantic_chat(self) -> str | None:
        """The chat a message sent now belongs to."""

    async def semantic(self, chat: str, signal: Signal) -> bool:
        """Run ``signal`` through the rules for ``chat``; True once a case is opened."""


# (tap, chat, text, enqueued at)
Item = tuple["Tap", str, str, float]


def _nobody() -> None:
    return None  # a tap not bound yet


class Tap:
    """One connection's way into the tier, and its speaker's patterns."""

    __slots__ = ("_device", "_hearer", "_patterns", "_pending", "_priority", "_sent", "_tier")

    def __init__(self, tier: SemanticTier, device: pattern.Pattern | None, teens: bool) -> None:
        self._tier = tier
        self._device = device
        self._priority = teens
        self._hearer: Callable[[], Hearer | None] = _nobody
        # The current and the previous chat's patterns (a late score may be for the previous).
        self._patterns: dict[str, pattern.Pattern] = {}
        self._sent: dict[str, float] = {}  # chat -> the last value handed on (1.0+: reviewed)
        self._pending: set[str] = set()

    def bind(self, hearer: Hearer) -> None:
        self._hearer = weakref.ref(hearer)

    def submit(self, text: str, signalled: bool) -> None:
        """A message this connection's user sent (or tried to); ``signalled``:
        its conversation already has signals. Cheap: this is on the relay path."""
        hearer = self._hearer()
        if hearer is not None and (chat := hearer.semantic_chat()) is not None:
            self._tier.offer(self, chat, text, self._priority or signalled)

    def scored(self, chat: str, score: float, category: str, wall: float) -> None:
        patterns = self._patterns
        here = patterns.get(chat)
        if here is None:
            if len(patterns) >= 2:
                del patterns[next(iter(patterns))]
            here = patterns[chat] = pattern.Pattern(pattern.CHAT)
        reading = here.add(score, category, wall)
        signal = None
        if reading.value > 0:
            signal = Signal("semantic", reading.value, reading.detail("chat"))
        if self._device is not None:
            across = self._device.add(score, category, wall)
            if across.value > (signal.score if signal else 0.0):
                signal = Signal("semantic", across.value, across.detail("device"))
        if signal is None or chat in self._pending:
            return
        if signal.score < self._sent.get(chat, 0.0) + STEP:
            return
        hearer = self._hearer()
        if hearer is None:
            return
        self._sent[chat] = signal.score
        if len(self._sent) > 2:
            del self._sent[next(iter(self._sent))]
        self._pending.add(chat)
        self._tier.spawn(self._hand_on(hearer, chat, signal))

    async def _hand_on(self, hearer: Hearer, chat: str, signal: Signal) -> None:
        try:
            if await hearer.semantic(chat, signal):
                self._sent[chat] = 2.0  # one review case per chat is enough
                self._tier.reviewed()
        except Exception:
            log.exception("could not act on a semantic signal")
        finally:
            self._pending.discard(chat)


class SemanticTier:
    """The worker process and the batches that go to it; one per server."""

    def __init__(
        self,
        settings: TierSettings,
        metrics: Metrics,
        clock: Clock,
        *,
        timer: Callable[[], float] = time.perf_counter,
        process: Callable[[socket.socket], multiprocessing.process.BaseProcess] | None = None,
    ) -> None:
        self.settings = settings
        self.enabled = settings.enabled
        self.timer = timer
        self._metrics = metrics
        self._clock = clock
        self._backlog: Backlog[Item] = Backlog(settings.queue_bound)
        self._devices: RecentCache[str, pattern.Pattern] = RecentCache(DEVICES)
        self._process_factory = process or self._spawn_worker
        self._process: multiprocessing.process.BaseProcess | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._runner: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._in_flight: list[Item] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._ready = False
        self._closing = False
        self.examples = 0

    # --- the relay path ---------------------------------------------------

    def tap(self, device: str, section: str) -> Tap | None:
        """A connection's tap, or None while the tier is off."""
        if not self.enabled:
            return None
        across = None
        if device:
            across = self._devices.get(device)
            if across is None:
                across = pattern.Pattern(pattern.DEVICE)
                self._devices.put(device, across)
        return Tap(self, across, section.startswith("teens"))

    def offer(self, tap: Tap, chat: str, text: str, priority: bool) -> None:
        if not self.enabled:
            self._metrics.semantic_skipped.inc("off")
            return
        item = (tap, chat, text[:MAX_CHARS], self.timer())
        dropped = self._backlog.offer(item, priority)
        if dropped is not None:
            self._metrics.semantic_skipped.inc(dropped)
        if self._timer is None and self._ready and self._in_flight is None:
            loop = asyncio.get_running_loop()
            self._timer = loop.call_later(self.settings.flush_seconds, self._flush)

    @property
    def ready(self) -> bool:
        """True while a worker has loaded its model and takes batches."""
        return self._ready

    def depth(self) -> int:
        return len(self._backlog) + len(self._in_flight or ())

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def reviewed(self) -> None:
        self._metrics.semantic_reviews.inc()

    # --- the worker ---------------------------------------------------------

    def _flush(self) -> None:
        self._timer = None
        writer = self._writer
        if not self._ready or self._in_flight is not None or writer is None:
            return
        items = self._backlog.take(self.settings.batch_size)
        if not items:
            return
        self._in_flight = items
        body = orjson.dumps({"texts": [item[2] for item in items]})
        writer.write(frames.HEADER.pack(len(body)) + body)

    def _scored(self, frame: dict[str, Any]) -> None:
        items, self._in_flight = self._in_flight or [], None
        scores = frame.get("scores", [])
        now = self.timer()
        wall = self._clock.wall()
        metrics = self._metrics
        for item, (score, category) in zip(items, scores, strict=True):
            metrics.semantic_lag.observe(now - item[3])
            item[0].scored(item[1], score, category, wall)
        metrics.semantic_scored.inc(len(items))
        if len(self._backlog):
            self._flush()

    def _spawn_worker(self, child: socket.socket) -> multiprocessing.process.BaseProcess:
        context = multiprocessing.get_context("spawn")
        process = context.Process(
            target=frames.worker_main,
            args=(child, self.settings.data_dir, self.settings.threads),
            name="passerby-semantic",
        )
        # The worker ignores Ctrl-C sent to the process group: it ends when
        # the server closes its socket.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            process.start()
        finally:
            signal.signal(signal.SIGINT, previous)
        return process

    async def start(self) -> None:
        if self.enabled and self._runner is None:
            self._runner = asyncio.get_running_loop().create_task(
                self._run(), name="passerby-semantic"
            )

    async def _run(self) -> None:
        delay = RESTART_SECONDS
        while self.enabled and not self._closing:
            fatal = await self._run_once()
            if fatal or self._closing:
                return
            log.warning("the semantic worker stopped; starting another in %.0f s", delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, RESTART_MAX)

    async def _run_once(self) -> bool:
        """Run one worker until it ends; True when it must not be restarted."""
        parent, child = socket.socketpair()
        try:
            self._process = self._process_factory(child)
        except Exception:
            log.exception("could not start the semantic worker")
            parent.close()
            return False
        finally:
            child.close()
        reader, writer = await asyncio.open_connection(sock=parent)
        self._writer = writer
        try:
            hello = await _read_frame(reader)
            if hello is None:
                return False
            if "error" in hello:
                log.error(
                    "semantic tier switched off: %s (%s)", hello.get("message"), hello["error"]
                )
                self._switch_off()
                return True
            self.examples = int(hello.get("ready", 0))
            self._ready = True
            log.info("semantic tier ready: %d examples", self.examples)
            self._flush()
            while (frame := await _read_frame(reader)) is not None:
                self._scored(frame)
            return False
        except (ConnectionError, ValueError):
            return False
        finally:
            self._ready = False
            lost = len(self._in_flight or ())
            self._in_flight = None
            if lost:
                self._metrics.semantic_skipped.inc("down", amount=lost)
            self._writer = None
            writer.close()
            await self._reap()

    def _switch_off(self) -> None:
        self.enabled = False
        dropped = self._backlog.clear()
        if dropped:
            self._metrics.semantic_skipped.inc("off", amount=dropped)

    async def _reap(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, process.join, 5.0)
        if process.is_alive():
            process.kill()
            await loop.run_in_executor(None, process.join, 5.0)

    async def close(self) -> None:
        self._closing = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        runner, self._runner = self._runner, None
        if runner is not None:
            if self._writer is not None:
                self._writer.close()  # the worker reads the end and exits
                try:
                    await asyncio.wait_for(asyncio.shield(runner), 15.0)
                except TimeoutError:
                    runner.cancel()
            else:  # between workers (or starting one): nothing to wait for
                runner.cancel()
                await asyncio.gather(runner, return_exceptions=True)
        tasks = list(self._tasks)
        await asyncio.gather(*tasks, return_exceptions=True)


async def _read_frame(reader: asyncio.StreamReader) -> dict[str, Any] | None:
    try:
        head = await reader.readexactly(frames.HEADER.size)
        (size,) = frames.HEADER.unpack(head)
        if size > frames.MAX_FRAME:
            raise ValueError("frame too large")
        data: dict[str, Any] = orjson.loads(await reader.readexactly(size))
    except asyncio.IncompleteReadError:
        return None
    return data
