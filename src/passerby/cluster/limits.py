"""Rate limits and marks that hold across connections, and across nodes when there are several.

A connection's own limits (frames, messages, starts) live in its session: a
connection stays on one node. Limits per device or per address (new chats,
reports, age declarations, appeals) must hold wherever the next connection
lands, so they sit behind :class:`Limiter`: in memory for one node, in Redis
for many (:mod:`passerby.cluster.redis.limits`). So do :class:`Marks`, keys
set for a while, such as the devices that owe a proof-of-work challenge,
and :class:`Counters`, counts that fade with time, such as how many
challenges a device solved lately.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from passerby.clock import Clock
from passerby.core.ratelimit import KeyedLimiter, Rate
from passerby.recent import put_last


class Limiter(Protocol):
    async def take(self, key: str) -> float:
        """Take one token of ``key``: 0.0 when allowed, else the seconds to wait."""

    async def reset(self, key: str) -> None:
        """Give ``key`` a full bucket again."""


# Makes the limiter called ``name`` (one per purpose) for ``rate``.
LimiterFactory = Callable[[str, Rate], Limiter]


class MemoryLimiter:
    def __init__(self, rate: Rate, clock: Clock) -> None:
        self._limiter = KeyedLimiter(rate)
        self._clock = clock

    async def take(self, key: str) -> float:
        return self._limiter.take(key, self._clock.monotonic())

    async def reset(self, key: str) -> None:
        self._limiter.reset(key)


def memory_limiters(clock: Clock) -> LimiterFactory:
    def make(name: str, rate: Rate) -> Limiter:
        return MemoryLimiter(rate, clock)

    return make


class Marks(Protocol):
    """A set of keys, each kept for a fixed time after it was last added."""

    async def add(self, key: str) -> None: ...

    async def discard(self, key: str) -> None: ...

    async def contains(self, key: str) -> bool: ...


# Makes the marks called ``name`` (one per purpose), each kept ``seconds``.
MarksFactory = Callable[[str, float], Marks]

# Keys one node keeps in memory; past this the oldest are dropped first.
MAX_MARKS = 100_000


class MemoryMarks:
    def __init__(self, seconds: float, clock: Clock, max_keys: int = MAX_MARKS) -> None:
        self._seconds = seconds
        self._clock = clock
        self._max_keys = max_keys
        self._until: OrderedDict[str, float] = OrderedDict()  # key -> monotonic expiry

    async def add(self, key: str) -> None:
        put_last(self._until, key, self._clock.monotonic() + self._seconds, self._max_keys)

    async def discard(self, key: str) -> None:
        self._until.pop(key, None)

    async def contains(self, key: str) -> bool:
        expiry = self._until.get(key)
        if expiry is None:
            return False
        if expiry <= self._clock.monotonic():
            del self._until[key]
            return False
        return True


def memory_marks(clock: Clock) -> MarksFactory:
    def make(name: str, seconds: float) -> Marks:
        return MemoryMarks(seconds, clock)

    return make


class Counters(Protocol):
    """A count per key that halves every ``half_life`` seconds."""

    async def add(self, key: str) -> float:
        """Count one more for ``key``; the count afterwards."""

    async def get(self, key: str) -> float:
        """The count of ``key`` now (0.0 for a key never counted)."""


# Makes the counters called ``name`` (one per purpose) with this half-life.
CountersFactory = Callable[[str, float], Counters]


def decayed(value: float, elapsed: float, half_life: float) -> float:
    """``value`` after ``elapsed`` seconds of halving every ``half_life``."""
    if elapsed <= 0:
        return value
    return value * math.pow(0.5, elapsed / half_life)


class MemoryCounters:
    def __init__(self, half_life: float, clock: Clock, max_keys: int = MAX_MARKS) -> None:
        self._half_life = half_life
        self._clock = clock
        self._max_keys = max_keys
        self._counts: OrderedDict[str, tuple[float, float]] = OrderedDict()  # value, stamp

    async def add(self, key: str) -> float:
        value = await self.get(key) + 1.0
        put_last(self._counts, key, (value, self._clock.wall()), self._max_keys)
        return value

    async def get(self, key: str) -> float:
        found = self._counts.get(key)
        if found is None:
            return 0.0
        value, stamp = found
        return decayed(value, self._clock.wall() - stamp, self._half_life)


def memory_counters(clock: Clock) -> CountersFactory:
    def make(name: str, half_life: float) -> Counters:
        return MemoryCounters(half_life, clock)

    return make
