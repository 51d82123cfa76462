"""Rate limits that hold across connections, and across nodes when there are several.

A connection's own limits (frames, messages, starts) live in its session: a
connection stays on one node. Limits per device or per address (new chats,
reports, age declarations, appeals) must hold wherever the next connection
lands, so they sit behind :class:`Limiter`: in memory for one node, in Redis
for many (:mod:`passerby.cluster.redis.limits`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from passerby.clock import Clock
from passerby.core.ratelimit import KeyedLimiter, Rate


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
