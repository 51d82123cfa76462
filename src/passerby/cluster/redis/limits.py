"""Token buckets and marks in Redis, shared by every node; one call each.

When Redis cannot be reached the node falls back to a bucket (or a mark) of
its own for the key, so a limit still holds per node rather than not at all.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from redis.asyncio import Redis

from passerby.clock import Clock
from passerby.cluster.limits import (
    MAX_MARKS,
    Counters,
    CountersFactory,
    Limiter,
    LimiterFactory,
    Marks,
    MarksFactory,
    MemoryCounters,
    MemoryLimiter,
    MemoryMarks,
)
from passerby.cluster.redis.broker import UNREACHABLE
from passerby.core.ratelimit import Rate
from passerby.recent import put_last

log = logging.getLogger(__name__)

# After Redis failed to answer, marks are kept on the node alone this long
# before Redis is asked again.
RETRY_SECONDS = 1.0

# KEYS[1]: the bucket; ARGV: now (wall seconds), tokens per second, burst.
# Returns the seconds to wait, as text (0 when a token was taken).
TAKE = """
local h = redis.call('HMGET', KEYS[1], 't', 's')
local now, rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tokens, stamp = tonumber(h[1]), tonumber(h[2])
if tokens == nil then tokens, stamp = burst, now end
if now > stamp then
  tokens = math.min(burst, tokens + (now - stamp) * rate)
  stamp = now
end
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 's', tostring(stamp))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return tostring(wait)
"""


class RedisLimiter:
    def __init__(self, redis: Redis, key: str, rate: Rate, clock: Clock) -> None:
        self._redis = redis
        self._key = key
        self._rate = rate
        self._clock = clock
        self._script = redis.register_script(TAKE)
        self._fallback = MemoryLimiter(rate, clock)

    async def take(self, key: str) -> float:
        rate = self._rate
        try:
            wait = await self._script(
                keys=[self._key + key],
                args=[repr(self._clock.wall()), repr(rate.per_second), rate.burst],
            )
        except UNREACHABLE:
            log.warning("Redis unreachable: limiting on this node only for now")
            return await self._fallback.take(key)
        return float(wait)

    async def reset(self, key: str) -> None:
        await self._fallback.reset(key)
        try:
            await self._redis.delete(self._key + key)
        except UNREACHABLE:
            log.warning("Redis unreachable: could not reset a shared limit")


def redis_limiters(redis: Redis, prefix: str, clock: Clock) -> LimiterFactory:
    def make(name: str, rate: Rate) -> Limiter:
        return RedisLimiter(redis, f"{prefix}rl:{name}:", rate, clock)

    return make


class RedisMarks:
    """One key per mark, expiring by itself.

    While Redis is out of reach the node's own copy answers, and what was
    added or cleared meanwhile is written to Redis once it answers again, so
    an outage loses no mark. After a failure Redis is left alone for
    :data:`RETRY_SECONDS`, so that a connect does not wait on it each time.
    """

    def __init__(self, redis: Redis, key: str, seconds: float, clock: Clock) -> None:
        self._redis = redis
        self._key = key
        self._seconds = max(1, round(seconds))
        self._clock = clock
        self._fallback = MemoryMarks(seconds, clock)
        # Changes Redis has not heard of yet: key -> added (True) or cleared.
        self._unsaved: OrderedDict[str, bool] = OrderedDict()
        self._retry_at = 0.0  # monotonic; Redis is not asked before this

    async def add(self, key: str) -> None:
        await self._fallback.add(key)
        await self._save(key, True)

    async def discard(self, key: str) -> None:
        await self._fallback.discard(key)
        await self._save(key, False)

    async def contains(self, key: str) -> bool:
        if await self._catch_up():
            try:
                return bool(await self._redis.exists(self._key + key))
            except UNREACHABLE:
                self._unreachable()
        return await self._fallback.contains(key)

    async def _save(self, key: str, added: bool) -> None:
        put_last(self._unsaved, key, added, MAX_MARKS)
        await self._catch_up()

    async def _catch_up(self) -> bool:
        """Write what Redis missed; False while it cannot be reached."""
        if self._clock.monotonic() < self._retry_at:
            return False
        unsaved = self._unsaved
        try:
            while unsaved:
                key, added = next(iter(unsaved.items()))
                if added and await self._fallback.contains(key):
                    await self._redis.set(self._key + key, b"1", ex=self._seconds)
                elif not added:
                    await self._redis.delete(self._key + key)
                unsaved.pop(key, None)
        except UNREACHABLE:
            self._unreachable()
            return False
        return True

    def _unreachable(self) -> None:
        log.warning("Redis unreachable: marks hold on this node only for now")
        self._retry_at = self._clock.monotonic() + RETRY_SECONDS


def redis_marks(redis: Redis, prefix: str, clock: Clock) -> MarksFactory:
    def make(name: str, seconds: float) -> Marks:
        return RedisMarks(redis, f"{prefix}mk:{name}:", seconds, clock)

    return make


# KEYS[1]: the counter; ARGV: now (wall seconds), half-life, amount to add.
# Returns the count afterwards, as text.
COUNT = """
local h = redis.call('HMGET', KEYS[1], 'v', 's')
local now, half, add = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local value, stamp = tonumber(h[1]) or 0, tonumber(h[2]) or now
if now > stamp then value = value * math.pow(0.5, (now - stamp) / half) end
if add > 0 then
  value = value + add
  redis.call('HSET', KEYS[1], 'v', tostring(value), 's', tostring(now))
  redis.call('EXPIRE', KEYS[1], math.ceil(half * 20))
end
return tostring(value)
"""


class RedisCounters:
    """Fading counts in Redis; while it is out of reach, the node's own."""

    def __init__(self, redis: Redis, key: str, half_life: float, clock: Clock) -> None:
        self._key = key
        self._half_life = half_life
        self._clock = clock
        self._script = redis.register_script(COUNT)
        self._fallback = MemoryCounters(half_life, clock)

    async def _call(self, key: str, add: int) -> float:
        try:
            value = await self._script(
                keys=[self._key + key],
                args=[repr(self._clock.wall()), repr(self._half_life), add],
            )
        except UNREACHABLE:
            log.warning("Redis unreachable: counting on this node only for now")
            return await (self._fallback.add(key) if add else self._fallback.get(key))
        return float(value)

    async def add(self, key: str) -> float:
        return await self._call(key, 1)

    async def get(self, key: str) -> float:
        return await self._call(key, 0)


def redis_counters(redis: Redis, prefix: str, clock: Clock) -> CountersFactory:
    def make(name: str, half_life: float) -> Counters:
        return RedisCounters(redis, f"{prefix}ct:{name}:", half_life, clock)

    return make
