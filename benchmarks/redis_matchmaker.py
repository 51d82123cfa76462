"""Matches per second through the Redis matchmaker from one node, and Redis's CPU.

One process plays one node. Every arrival asks the matchmaking script for
a partner, and half of them find one. Arrivals that come while the node's
previous call is out travel together in the next call, as in the broker.
Two runs per mix: at saturation (``--concurrency`` arrivals in flight), and
paced at ``--rate`` matches a second. It prints matches per second, the
node's CPU and Redis's CPU (from ``INFO cpu``) as a share of one core.

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


async def run(
    url: str, arrivals: int, concurrency: int, tags: int, interests: int, rate: float
) -> None:
    """``rate`` > 0: arrivals paced at ``2 * rate`` a second (``rate`` matches/s)."""
    redis = Redis.from_url(url, max_connections=concurrency + 4)
    prefix = key_prefix("pbbench-" + secrets.token_hex(4))
    policy = MatchmakerPolicy(language_fallback=None, interest_fallback=3600)
    mm = RedisMatchmaker(redis, prefix, policy, random.Random(1))
    node = "bench"
    await redis.set(prefix + "alive:" + node, "1", ex=3600)
    rng = random.Random(2)
    matches = 0
    counter = 0

    async def one(user: str) -> None:
        nonlocal matches
        chosen = tuple(f"t{rng.randrange(tags)}" for _ in range(interests)) if tags else ()
        placed = await mm.join(Ticket(user, chosen), node, "", time.time(), 60_000)
        matches += sum(isinstance(p.outcome, Match) for p in placed)

    async def saturate() -> None:
        nonlocal counter
        while counter < arrivals:
            counter += 1
            await one(f"u{counter}")

    async def paced() -> None:
        nonlocal counter
        start = time.perf_counter()
        pending: set[asyncio.Task[None]] = set()
        while counter < arrivals:
            due = int((time.perf_counter() - start) * 2 * rate)
            while counter < min(due, arrivals):
                counter += 1
                task = asyncio.create_task(one(f"u{counter}"))
                pending.add(task)
                task.add_done_callback(pending.discard)
            await asyncio.sleep(0.001)
        await asyncio.gather(*pending)

    async def drive() -> None:
        if rate > 0:
            await paced()
        else:
            await asyncio.gather(*(saturate() for _ in range(concurrency)))

    await drive()  # warm up: loads the script, fills the connection pool
    counter, matches = 0, 0
    cpu_redis = await redis_cpu(redis)
    cpu_node = time.process_time()
    started = time.perf_counter()
    await drive()
    seconds = time.perf_counter() - started
    cpu_node = time.process_time() - cpu_node
    cpu_redis = await redis_cpu(redis) - cpu_redis
    kind = f"{interests} interests of {tags} tags" if tags else "no interests"
    mode = f"at {rate:,.0f} matches/s offered" if rate > 0 else "at saturation"
    print(
        f"{kind}, {mode}: {arrivals:,} arrivals, {matches:,} matches in {seconds:.2f} s = "
        f"{matches / seconds:,.0f} matches/s; node CPU {100 * cpu_node / seconds:.0f}% "
        f"of a core, Redis CPU {100 * cpu_redis / seconds:.0f}% of a core "
        f"({1e6 * cpu_redis / arrivals:.1f} µs per arrival)",
        flush=True,
    )
    keys = [key async for key in redis.scan_iter(match=prefix + "*", count=1000)]
    for start in range(0, len(keys), 1000):
        await redis.delete(*keys[start : start + 1000])
    await redis.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--arrivals", type=int, default=40_000)
    parser.add_argument("--concurrency", type=int, default=256, help="arrivals in flight")
    parser.add_argument(
        "--rate", type=float, default=5000, help="matches/s offered in the paced run"
    )
    args = parser.parse_args()
    try:
        import uvloop
    except ImportError:  # pragma: no cover
        runner = asyncio.run
    else:
        runner = uvloop.run
    for tags, interests in ((0, 0), (100, 3)):
        runner(run(args.redis, args.arrivals, args.concurrency, tags, interests, 0))
        runner(run(args.redis, args.arrivals, args.concurrency, tags, interests, args.rate))


if __name__ == "__main__":
    main()
