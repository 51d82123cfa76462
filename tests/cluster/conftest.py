"""Broker engines for the shared suites: each test runs on every engine.

The Redis engine needs ``PASSERBY_TEST_REDIS_URL`` (``.ci/run`` sets it);
without it the Redis variants are skipped with that reason. Each test gets
a key prefix of its own and its keys are deleted afterwards.
"""

from __future__ import annotations

import os
import random
import secrets
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from redis.asyncio import Redis
from tests.support import RedisServer

from passerby.clock import ManualClock
from passerby.cluster.broker import Broker
from passerby.cluster.memory import MemoryBroker
from passerby.cluster.redis.broker import NodeTiming, RedisBroker, key_prefix
from passerby.core.events import PeerEvent
from passerby.core.matchmaker import Match, Matchmaker, MatchmakerPolicy

REDIS_URL = os.environ.get("PASSERBY_TEST_REDIS_URL", "")
# The tests move time by hand; background ticks must not race them.
NO_TICKS = 3600.0


class Recorder:
    """An inbox that keeps what it is given."""

    def __init__(self) -> None:
        self.events: list[PeerEvent] = []

    async def deliver(self, event: PeerEvent) -> None:
        self.events.append(event)


@dataclass
class Engine:
    """One broker engine, with the matches it made in the order it made them."""

    name: str
    clock: ManualClock
    make_broker: Callable[..., Awaitable[Broker]]
    matches: list[Match] = field(default_factory=list)


async def delete_prefix(url: str, prefix: str) -> None:
    redis = Redis.from_url(url)
    try:
        keys = [key async for key in redis.scan_iter(match=prefix + "*", count=1000)]
        for start in range(0, len(keys), 500):
            await redis.delete(*keys[start : start + 500])
    finally:
        await redis.aclose()


@pytest.fixture
def redis_url() -> str:
    if not REDIS_URL:
        pytest.skip("Redis tests need PASSERBY_TEST_REDIS_URL (see README)")
    return REDIS_URL


@pytest.fixture
async def redis_prefix(redis_url: str) -> AsyncIterator[str]:
    prefix = key_prefix("pbtest-" + secrets.token_hex(6))
    yield prefix
    await delete_prefix(redis_url, prefix)


@pytest.fixture(params=["memory", "redis"])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[Engine]:
    clock = ManualClock()
    brokers: list[Any] = []
    prefix = ""
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        prefix = key_prefix("pbtest-" + secrets.token_hex(6))

    async def make_broker(seed: int = 1, **policy: Any) -> Broker:
        mm_policy = MatchmakerPolicy(**policy)
        rng = random.Random(seed)
        broker: Any
        if request.param == "memory":
            broker = MemoryBroker(Matchmaker(mm_policy, rng), clock, tick_seconds=NO_TICKS)
        else:
            broker = RedisBroker(
                Redis.from_url(url),
                clock,
                prefix=prefix,
                policy=mm_policy,
                rng=rng,
                timing=NodeTiming(heartbeat=0.2, timeout=1.0),
                tick_seconds=NO_TICKS,
                batch_seconds=0,  # one arrival at a time here; batching: test_redis_broker
            )
        broker.observe_matches(lambda match, chat: found.matches.append(match))
        await broker.start()
        brokers.append(broker)
        return broker

    found = Engine(request.param, clock, make_broker)
    yield found
    for broker in brokers:
        await broker.close()
    if prefix:
        await delete_prefix(url, prefix)


@pytest.fixture
async def private_redis() -> AsyncIterator[RedisServer]:
    """A Redis server of the test's own, which it may stop and start."""
    server = RedisServer()
    if server.binary is None or shutil.which("redis-server") is None:
        pytest.skip("needs the redis-server program (apt-get install redis-server)")
    await server.start()
    yield server
    await server.stop()
