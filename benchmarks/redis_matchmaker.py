"""Matches per second through the Redis matchmaker from one node, and Redis's CPU.

One process plays one node: ``--concurrency`` tasks each make arrivals as
fast as Redis answers (every arrival is one call of the matchmaking script),
so that half of the arrivals find a partner. It prints matches per second,
the node's CPU and Redis's CPU (from ``INFO cpu``) as a share of one core.

    taskset -c 1 python benchmarks/redis_matchmaker.py --redis redis://127.0.0.1:6379/0

Keys go under a fresh prefix, deleted afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import time

from redis.asyncio import Redis

from passerby.cluster.redis.broker import key_prefix
from passerby.cluster.redis.matchmaker import RedisMatchmaker
from passerby.core.matchmaker import Match, MatchmakerPolicy, Ticket


async def redis_cpu(redis: Redis) -> float:
    info = await redis.info("cpu")
    return float(info["used_cpu_sys"]) + float(info["used_cpu_user"])


async def run(url: str, arrivals: int, concurrency: int, tags: int, interests: int) -> None:
    redis = Redis.from_url(url, max_connections=concurrency + 4)
    prefix = key_prefix("pbbench-" + secrets.token_hex(4))
    policy = MatchmakerPolicy(language_fallback=None, interest_fallback=3600)
    mm = RedisMatchmaker(redis, prefix, policy, random.Random(1))
    node = "bench"
    await redis.set(prefix + "alive:" + node, "1", ex=3600)
    rng = random.Random(2)
    matches = 0
    counter = 0

    async def arrive() -> None:
        nonlocal matches, counter
        while counter < arrivals:
            counter += 1
            user = f"u{counter}"
            chosen = tuple(f"t{rng.randrange(tags)}" for _ in range(interests)) if tags else ()
            placed = await mm.join(Ticket(user, chosen), node, "", time.time(), 60_000)
            matches += sum(isinstance(p.outcome, Match) for p in placed)

    # warm up (loads the script, fills the connection pool)
    await asyncio.gather(*(arrive() for _ in range(concurrency)))
    counter, matches, arrivals = 0, 0, arrivals
    await redis.delete(prefix + "waiting")
    cpu_redis = await redis_cpu(redis)
    cpu_node = time.process_time()
    started = time.perf_counter()
    counter = 0
    await asyncio.gather(*(arrive() for _ in range(concurrency)))
    seconds = time.perf_counter() - started
    cpu_node = time.process_time() - cpu_node
    cpu_redis = await redis_cpu(redis) - cpu_redis
    kind = f"{interests} interests of {tags} tags" if tags else "no interests"
    print(
        f"{kind:>24}: {arrivals:,} arrivals, {matches:,} matches in {seconds:.2f} s = "
        f"{matches / seconds:,.0f} matches/s; node CPU {100 * cpu_node / seconds:.0f}% "
        f"of a core, Redis CPU {100 * cpu_redis / seconds:.0f}% of a core "
        f"({1e6 * cpu_redis / arrivals:.1f} µs per arrival)"
    )
    keys = [key async for key in redis.scan_iter(match=prefix + "*", count=1000)]
    for start in range(0, len(keys), 1000):
        await redis.delete(*keys[start : start + 1000])
    await redis.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--arrivals", type=int, default=40_000)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    try:
        import uvloop
    except ImportError:  # pragma: no cover
        runner = asyncio.run
    else:
        runner = uvloop.run
    runner(run(args.redis, args.arrivals, args.concurrency, 0, 0))
    runner(run(args.redis, args.arrivals, args.concurrency, 100, 3))


if __name__ == "__main__":
    main()
