"""Token buckets in Redis, shared by every node; one script call per take.

When Redis cannot be reached the node falls back to a bucket of its own for
the key, so a limit still holds per node rather than not at all.
"""

from __future__ import annotations

import logging

from redis.asyncio import Redis

from passerby.clock import Clock
from passerby.cluster.limits import Limiter, LimiterFactory, MemoryLimiter
from passerby.cluster.redis.broker import UNREACHABLE
from passerby.core.ratelimit import Rate

log = logging.getLogger(__name__)

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
