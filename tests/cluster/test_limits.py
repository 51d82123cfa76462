"""Limits and marks that hold on every node: one suite, run on each engine.

The memory engine runs on hand-moved time; the Redis engine on a real Redis
server (``PASSERBY_TEST_REDIS_URL``), where a bucket refills by the wall
clock it is given and a mark expires by Redis's own clock.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis
from tests.cluster.conftest import delete_prefix
from tests.support import RedisServer, eventually

from passerby.clock import ManualClock, SystemClock
from passerby.cluster.limits import (
    CountersFactory,
    LimiterFactory,
    MarksFactory,
    MemoryMarks,
    memory_counters,
    memory_limiters,
    memory_marks,
)
from passerby.cluster.redis.broker import key_prefix
from passerby.cluster.redis.limits import redis_counters, redis_limiters, redis_marks
from passerby.core.ratelimit import Rate


@dataclass
class Shared:
    name: str
    clock: ManualClock
    limiters: LimiterFactory
    marks: MarksFactory
    counters: CountersFactory

    async def later(self, seconds: float) -> None:
        """Let ``seconds`` pass for this engine."""
        self.clock.advance(seconds)
        if self.name == "redis":  # Redis expires keys by its own clock
            await asyncio.sleep(seconds)


@pytest.fixture(params=["memory", "redis"])
async def shared(request: pytest.FixtureRequest) -> AsyncIterator[Shared]:
    clock = ManualClock()
    if request.param == "memory":
        yield Shared(
            "memory", clock, memory_limiters(clock), memory_marks(clock), memory_counters(clock)
        )
        return
    url = request.getfixturevalue("redis_url")
    prefix = key_prefix("pbtest-" + secrets.token_hex(6))
    redis = Redis.from_url(url)
    try:
        yield Shared(
            "redis",
            clock,
            redis_limiters(redis, prefix, clock),
            redis_marks(redis, prefix, clock),
            redis_counters(redis, prefix, clock),
        )
    finally:
        await redis.aclose()
        await delete_prefix(url, prefix)


async def test_a_limit_allows_its_burst_then_refills(shared: Shared) -> None:
    limiter = shared.limiters("starts", Rate(per_second=1.0, burst=2))
    assert [await limiter.take("dev") for _ in range(2)] == [0.0, 0.0]
    wait = await limiter.take("dev")
    assert 0.9 <= wait <= 1.0
    assert await limiter.take("other") == 0.0  # keys are separate
    shared.clock.advance(1.0)
    assert await limiter.take("dev") == 0.0
    assert await limiter.take("dev") > 0


async def test_a_limit_is_per_purpose_seen_by_every_node_and_can_be_reset(shared: Shared) -> None:
    rate = Rate(per_second=0.01, burst=1)
    here, there = shared.limiters("reports", rate), shared.limiters("reports", rate)
    assert await here.take("dev") == 0.0
    if shared.name == "redis":  # two nodes, one Redis
        assert await there.take("dev") > 0
    await here.reset("dev")
    assert await here.take("dev") == 0.0
    other = shared.limiters("entries", rate)  # another purpose, another bucket
    assert await other.take("dev") == 0.0


async def test_a_mark_is_set_cleared_and_seen_by_every_node(shared: Shared) -> None:
    here, there = shared.marks("challenged", 60.0), shared.marks("challenged", 60.0)
    assert not await here.contains("dev")
    await here.add("dev")
    assert await here.contains("dev")
    assert not await here.contains("other")
    if shared.name == "redis":
        assert await there.contains("dev")
        await there.discard("dev")
        assert not await here.contains("dev")
    else:  # one node: each set is its own
        await here.discard("dev")
        assert not await here.contains("dev")
    assert not await shared.marks("other-purpose", 60.0).contains("dev")


async def test_a_mark_expires_and_adding_again_renews_it(shared: Shared) -> None:
    marks = shared.marks("challenged", 2.0)
    await marks.add("dev")
    await shared.later(1.2)
    await marks.add("dev")  # renewed: two seconds from now
    await shared.later(1.2)
    assert await marks.contains("dev")  # 0.8 s to spare
    await shared.later(1.2)
    assert not await marks.contains("dev")


async def test_a_count_grows_fades_by_half_lives_and_is_seen_by_every_node(
    shared: Shared,
) -> None:
    here, there = shared.counters("solved", 60.0), shared.counters("solved", 60.0)
    assert await here.get("dev") == 0.0
    assert await here.add("dev") == pytest.approx(1.0)
    assert await here.add("dev") == pytest.approx(2.0)
    assert await here.get("other") == 0.0
    shared.clock.advance(60.0)  # one half-life
    assert await here.get("dev") == pytest.approx(1.0)
    if shared.name == "redis":  # two nodes, one count
        assert await there.add("dev") == pytest.approx(2.0)
    shared.clock.advance(120.0)
    assert await here.get("dev") == pytest.approx(0.5 if shared.name == "redis" else 0.25)
    assert await shared.counters("another", 60.0).get("dev") == 0.0


async def test_memory_marks_are_bounded_oldest_first() -> None:
    marks = MemoryMarks(60.0, ManualClock(), max_keys=2)
    await marks.add("a")
    await marks.add("b")
    await marks.add("a")  # a renewed: b is now the oldest
    await marks.add("c")
    assert [await marks.contains(k) for k in ("a", "b", "c")] == [True, False, True]


async def test_redis_marks_hold_on_the_node_while_redis_is_unreachable() -> None:
    clock = ManualClock()
    redis = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    try:
        marks = redis_marks(redis, "{pbtest}:", clock)("challenged", 60.0)
        await marks.add("dev")
        assert await marks.contains("dev")
        await marks.discard("dev")
        assert not await marks.contains("dev")
    finally:
        await redis.aclose()


async def test_marks_made_while_redis_was_down_reach_it_when_it_is_back(
    private_redis: RedisServer,
) -> None:
    clock = SystemClock()
    node_a = Redis.from_url(private_redis.url, socket_connect_timeout=0.5, socket_timeout=0.5)
    node_b = Redis.from_url(private_redis.url, socket_connect_timeout=0.5, socket_timeout=0.5)
    here = redis_marks(node_a, "{pbtest}:", clock)("challenged", 60.0)
    there = redis_marks(node_b, "{pbtest}:", clock)("challenged", 60.0)
    try:
        await private_redis.stop()
        await here.add("spammer")  # Redis cannot hear it: this node still holds it
        assert await here.contains("spammer")
        assert not await there.contains("spammer")
        await private_redis.start()  # empty: it kept nothing

        async def told_everywhere() -> bool:
            await here.contains("anyone")  # any call writes what Redis missed
            return await there.contains("spammer")

        assert await eventually(told_everywhere, timeout=5)
    finally:
        await node_a.aclose()
        await node_b.aclose()
