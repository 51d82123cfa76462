"""The server's side of the semantic tier: a cheap enqueue, a worker, signals back.

On the relay path a message costs one :meth:`Tap.submit`: a weak reference
followed, a tuple appended to the :class:`~.backlog.Backlog` and, when none
is open, a *window* opened (a timer armed, the time read). When the window
closes (``flush_seconds``) what waits goes to the worker process in one
batch (at most ``batch_size``), one batch in flight at a time. While a
batch is out the next one fills; when the scores come back it goes at once
if it is full or its window has closed, so the batch grows with the load,
a quiet server sends one batch a window, and the relay never waits for the
model.

Per message the worker is told the speaker-in-chat, the device and the
chat by small integers (the tap's key, renewed with each chat; the
device's, from :meth:`SemanticTier.tap`; the chat's, the same for both its
speakers), never by their ids. It keeps the speakers' patterns
(:mod:`.speakers`) and answers a batch with its count and only the
messages whose pattern makes a signal, and the speakers whose lines,
answered by the partner in this batch, make one (:mod:`.replies`). Each
such signal goes to the :class:`Tap` that sent the message (or that
speaks as that speaker), which hands it to its connection
(:class:`Hearer.semantic`) when it has grown by :data:`~.speakers.STEP`
over the last one handed on; the connection runs it through the rules
like any signal. A signal for a chat that has since been left still
counts for the chat's record.

The lag (``passerby_semantic_lag_seconds``) is read once per batch: from
the opening of the window its oldest message joined to its scores coming
back, so a message's own time is never read on the relay path.

The worker is started at :meth:`SemanticTier.start` (not awaited: the
server serves while it loads), restarted with a growing delay if it dies
(its patterns are lost with it), and switched off for good if its model
fails the hash check.
"""

from __future__ import annotations

import asyncio
import itertools
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
from passerby.safety.semantic import frames
from passerby.safety.semantic.backlog import Backlog
from passerby.safety.semantic.examples import FAMILIES
from passerby.safety.semantic.heads import SIGNALS as HEAD_SIGNALS
from passerby.safety.semantic.speakers import DEVICES, STEP

log = logging.getLogger(__name__)

ROOM_MASK: Final = (1 << 52) - 1  # a chat's number fits a JSON number exactly
RESTART_SECONDS: Final = 5.0
RESTART_MAX: Final = 300.0
# The signals a worker may send back: one per family of harm, and one per
# family's learned head.
SIGNALS: Final = frozenset(FAMILIES.values()) | frozenset(HEAD_SIGNALS.values())


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


# (tap, chat, speaker key, device key, chat key (0: not to be paired), the
# message's number in the order sent, text, when its window opened)
Item = tuple["Tap", str, int, int, int, int, str, float]


def room_of(chat: str) -> int:
    """A number for ``chat``, the same for both its speakers' taps, that is
    not its id: its hash, salted per process (a collision pairs two chats'
    lines once in billions of chats; 0 means no chat)."""
    return (hash(chat) & ROOM_MASK) or 1


def _nobody() -> None:
    return None  # a tap not bound yet


class Tap:
    """One connection's way into the tier, and the signals that come back for it."""

    __slots__ = (
        "__weakref__",  # the tier finds a speaker's tap by its key (SemanticTier.speaking)
        "_chat",
        "_hearer",
        "_pending",
        "_priority",
        "_sent",
        "_tier",
        "chats",
        "device",
        "key",
        "room",
    )

    def __init__(self, tier: SemanticTier, device: int, teens: bool) -> None:
        self._tier = tier
        self.device = device  # the device's key (0: none)
        self._priority = teens
        self._hearer: Callable[[], Hearer | None] = _nobody
        self._chat: str | None = None
        self.key = 0  # the speaker's key in ``_chat``
        self.room = 0  # the key of ``_chat``, shared with the partner's tap
        self.chats: dict[int, str] = {}  # this speaker's last two keys and their chats
        # (chat, signal name) -> the last value handed on (1.0+: reviewed);
        # the chat's families apart, for this chat and the last
        self._sent: dict[tuple[str, str], float] = {}
        # (chat, signal name) -> a signal that came while one was being handed on
        self._pending: dict[tuple[str, str], Signal | None] = {}

    def bind(self, hearer: Hearer) -> None:
        self._hearer = weakref.ref(hearer)

    def submit(self, text: str, signalled: bool, delivered: bool = True) -> None:
        """A message this connection's user sent (or tried to); ``signalled``:
        its conversation already has signals; ``delivered``: the partner got
        it (a held line is scored, but no reply answers it). Cheap: this is
        on the relay path."""
        hearer = self._hearer()
        if hearer is None:
            return
        chat = hearer.semantic_chat()
        if chat is None:
            return
        tier = self._tier
        if chat != self._chat:  # a new chat: the speaker in it is a new pattern
            self._chat = chat
            self.key = tier.new_key()
            self.room = room_of(chat)
            tier.speaking(self, chat)
        # The tier's part, inline (a call less for every message): a window, the backlog.
        if not tier.window_open and not tier.open_window():
            return  # the tier is off
        tier.submitted += 1
        room = self.room if delivered else 0
        item = (self, chat, self.key, self.device, room, tier.submitted, text, tier.window_opened)
        tier.backlog.offer(item, self._priority or signalled)  # full: counted, not kept

    def signal(self, chat: str, signal: Signal) -> None:
        """The worker's signal about this speaker in ``chat``."""
        pending = self._pending
        key = (chat, signal.name)
        if key in pending:  # one is being handed on: the strongest waits for it
            waiting = pending[key]
            if waiting is None or signal.score > waiting.score:
                pending[key] = signal
            return
        if signal.score < self._sent.get(key, 0.0) + STEP:
            return
        hearer = self._hearer()
        if hearer is None:
            return
        self._sent[key] = signal.score
        if len(self._sent) > 2 * len(SIGNALS):
            del self._sent[next(iter(self._sent))]
        pending[key] = None
        self._tier.spawn(self._hand_on(hearer, chat, signal))

    async def _hand_on(self, hearer: Hearer, chat: str, signal: Signal) -> None:
        key = (chat, signal.name)
        try:
            if await hearer.semantic(chat, signal):
                self._sent[key] = 2.0  # one review case per chat and family is enough
                self._tier.reviewed()
        except Exception:
            log.exception("could not act on a semantic signal")
        finally:
            later = self._pending.pop(key, None)
            if later is not None:
                self.signal(chat, later)


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
        # backlog, window_open and window_opened are read and written by
        # Tap.submit on the relay path, in line.
        self.backlog: Backlog[Item] = Backlog(settings.queue_bound)
        self._counted = (0, 0)  # the backlog's drops (ordinary, priority) already in /metrics
        metrics.collector(self.count_skipped)
        # The worker's names for speakers and devices: never reused, so a
        # name the worker still holds cannot come to mean someone else.
        self._keys = itertools.count(1)
        self._devices: RecentCache[str, int] = RecentCache(DEVICES)
        # Whose each speaker's key is: a signal about lines a reply answered
        # comes back by the speaker's key, maybe after their tap has moved
        # on to another chat (the tap keeps its last two keys' chats).
        self._speakers: weakref.WeakValueDictionary[int, Tap] = weakref.WeakValueDictionary()
        # Messages submitted so far: their order, which the backlog's
        # priority does not keep, tells the worker which line a reply answers.
        self.submitted = 0
        self._process_factory = process or self._spawn_worker
        self._process: multiprocessing.process.BaseProcess | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._runner: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._in_flight: list[Item] | None = None
        self._oldest = 0.0  # when the window of the batch in flight's oldest message opened
        # A window is open while messages wait for a batch: its timer is
        # armed, or has run while the last batch was out (the next goes
        # when that one's scores are back).
        self.window_open = False
        self.window_opened = 0.0
        self._timer: asyncio.TimerHandle | None = None
        self._ready = False
        self._closing = False
        self.examples = 0
        self.heads = 0  # learned heads the worker loaded

    # --- the relay path ---------------------------------------------------

    def tap(self, device: str, section: str) -> Tap | None:
        """A connection's tap, or None while the tier is off."""
        if not self.enabled:
            return None
        key = 0
        if device:
            key = self._devices.get(device) or 0
            if not key:
                key = next(self._keys)
                self._devices.put(device, key)
        return Tap(self, key, section.startswith("teens"))

    def new_key(self) -> int:
        return next(self._keys)

    def speaking(self, tap: Tap, chat: str) -> None:
        """``tap``'s new key is its speaker's in ``chat``."""
        self._speakers[tap.key] = tap
        tap.chats[tap.key] = chat
        if len(tap.chats) > 2:  # this chat and the last are enough
            old = next(iter(tap.chats))
            del tap.chats[old]
            self._speakers.pop(old, None)

    def open_window(self) -> bool:
        """Open a window for the messages from now on; False while the tier is off."""
        if not self.enabled:
            self._metrics.semantic_skipped.inc("off")
            return False
        self.window_open = True
        self.window_opened = self.timer()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self.settings.flush_seconds, self._window_closes)
        return True

    @property
    def ready(self) -> bool:
        """True while a worker has loaded its model and takes batches."""
        return self._ready

    def depth(self) -> int:
        return len(self.backlog) + len(self._in_flight or ())

    def count_skipped(self) -> None:
        """Move what the backlog dropped since last time into /metrics (a
        dropped message is not counted there one by one: a worker that falls
        behind must not make the relay slower)."""
        backlog, metrics = self.backlog, self._metrics
        ordinary, priority = self._counted
        if backlog.dropped > ordinary:
            metrics.semantic_skipped.inc("ordinary", amount=backlog.dropped - ordinary)
        if backlog.priority_dropped > priority:
            metrics.semantic_skipped.inc("priority", amount=backlog.priority_dropped - priority)
        self._counted = (backlog.dropped, backlog.priority_dropped)

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def reviewed(self) -> None:
        self._metrics.semantic_reviews.inc()

    # --- the worker ---------------------------------------------------------

    def _window_closes(self) -> None:
        self._timer = None
        self._send()  # or, while a batch is out or no worker is ready, when it can

    def _send(self) -> None:
        writer = self._writer
        if not self._ready or self._in_flight is not None or writer is None:
            return
        backlog = self.backlog
        items = backlog.take(self.settings.batch_size)
        if not len(backlog) and self._timer is None:
            self.window_open = False
        if not items:
            return
        self._in_flight = items
        _, _, chats, devices, rooms, order, texts, opened = zip(*items, strict=True)
        self._oldest = min(opened)
        body = orjson.dumps(
            {
                "now": self._clock.wall(),
                "chats": chats,
                "devices": devices,
                "rooms": rooms,
                "order": order,
                "texts": texts,
            }
        )
        writer.write(frames.HEADER.pack(len(body)) + body)

    def _scored(self, frame: dict[str, Any]) -> None:
        items, self._in_flight = self._in_flight or [], None
        metrics = self._metrics
        if items:
            metrics.semantic_lag.observe(self.timer() - self._oldest)
            metrics.semantic_scored.inc(int(frame["scored"]))
        for index, name, value, detail in frame["signals"]:
            if name not in SIGNALS:
                log.warning("the semantic worker sent an unknown signal; ignored")
                continue
            tap, chat = items[index][:2]
            tap.signal(chat, Signal(name, value, detail))
        for key, name, value, detail in frame.get("earlier", ()):
            if name not in SIGNALS:
                log.warning("the semantic worker sent an unknown signal; ignored")
                continue
            tap = self._speakers.get(key)
            chat = tap.chats.get(key) if tap is not None else None
            if tap is not None and chat is not None:
                tap.signal(chat, Signal(name, value, detail))
        if self.window_open and (
            self._timer is None or len(self.backlog) >= self.settings.batch_size
        ):
            self._send()

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
            self.heads = int(hello.get("heads", 0))
            self._ready = True
            log.info("semantic tier ready: %d examples, %d heads", self.examples, self.heads)
            if self.window_open and self._timer is None:  # its window closed while loading
                self._send()
            while (frame := await _read_frame(reader)) is not None:
                self._scored(frame)
            return False
        except (ConnectionError, ValueError, LookupError, TypeError):
            return False  # (a frame not as the worker's protocol says: a worker to replace)
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
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.window_open = False
        dropped = self.backlog.clear()
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
