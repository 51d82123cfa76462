"""Mailboxes: one suite for every engine, then what only several nodes can show.

The Redis variants need ``PASSERBY_TEST_REDIS_URL``; each test has a key
prefix of its own.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from redis.asyncio import Redis
from tests.cluster.conftest import REDIS_URL, delete_prefix
from tests.support import eventually

from passerby.clock import ManualClock
from passerby.cluster.mailbox import Mailboxes, MemoryMailboxes
from passerby.cluster.redis.broker import key_prefix
from passerby.cluster.redis.mailbox import RedisMailboxes

IDLE = 0.6  # seconds a box lives untouched in these tests


@dataclass
class Nodes:
    """Mailboxes of one or more nodes sharing one store, and a way to let time pass."""

    make: Callable[[], Awaitable[Mailboxes]]
    age: Callable[[float], Awaitable[None]]


class Handled:
    """A command handler that keeps what it ran, and where."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, list[Any]]] = []
        self.arrived = asyncio.Event()

    async def __call__(self, box: str, command: list[Any]) -> None:
        self.commands.append((box, command))
        self.arrived.set()


@asynccontextmanager
async def engine_nodes(kind: str) -> AsyncIterator[Nodes]:
    async with AsyncExitStack() as stack:
        if kind == "memory":
            clock = ManualClock()

            async def make_memory() -> Mailboxes:
                boxes = MemoryMailboxes(clock, idle_seconds=IDLE)
                await boxes.start()
                stack.push_async_callback(boxes.close)
                return boxes

            async def advance(seconds: float) -> None:
                clock.advance(seconds)

            yield Nodes(make_memory, advance)
            return
        if not REDIS_URL:
            pytest.skip("Redis tests need PASSERBY_TEST_REDIS_URL (see README)")
        prefix = key_prefix("pbtest-mb-" + secrets.token_hex(6))
        stack.push_async_callback(delete_prefix, REDIS_URL, prefix)

        async def make_redis() -> Mailboxes:
            redis = Redis.from_url(REDIS_URL)
            stack.push_async_callback(redis.aclose)
            boxes = RedisMailboxes(redis, prefix=prefix, idle_seconds=IDLE)
            await boxes.start()
            stack.push_async_callback(boxes.close)
            return boxes

        yield Nodes(make_redis, asyncio.sleep)


@pytest.fixture(params=["memory", "redis"])
async def nodes(request: pytest.FixtureRequest) -> AsyncIterator[Nodes]:
    async with engine_nodes(request.param) as found:
        yield found


# --- every engine --------------------------------------------------------------


async def test_an_unknown_box_answers_none_at_once(nodes: Nodes) -> None:
    boxes = await nodes.make()
    assert await boxes.take("nobody", 5.0) is None
    assert await boxes.command("nobody", ["send", "hi"]) is False
    assert await boxes.sizes(["nobody"]) == [None]


async def test_items_come_out_in_order_and_once(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    boxes.post("a", [["waiting"]])
    boxes.post("a", [["connected"], ["commonLikes", []]])
    assert await boxes.take("a", 0) == [["waiting"], ["connected"], ["commonLikes", []]]
    assert await boxes.take("a", 0) == []
    assert await boxes.sizes(["a"]) == [0]


async def test_a_waiting_take_wakes_when_an_item_is_posted(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    poll = asyncio.create_task(boxes.take("a", 10.0))
    await asyncio.sleep(0.05)
    assert not poll.done()
    boxes.post("a", [["gotMessage", "hi"]])
    assert await asyncio.wait_for(poll, 5.0) == [["gotMessage", "hi"]]


async def test_a_take_with_nothing_to_read_answers_empty_after_its_wait(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    assert await boxes.take("a", 0.1) == []


async def test_a_newer_take_answers_the_earlier_with_nothing(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    earlier = asyncio.create_task(boxes.take("a", 10.0))
    await asyncio.sleep(0.05)
    newer = asyncio.create_task(boxes.take("a", 10.0))
    assert await asyncio.wait_for(earlier, 5.0) == []
    boxes.post("a", [["typing"]])
    assert await asyncio.wait_for(newer, 5.0) == [["typing"]]


async def test_the_last_post_is_read_then_the_box_is_gone(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    boxes.post("a", [["strangerDisconnected"]], last=True)
    boxes.post("a", [["gotMessage", "too late"]])  # nothing comes after the last
    assert await boxes.command("a", ["send", "hi"]) is False  # finished: no more commands
    assert await boxes.take("a", 5.0) == [["strangerDisconnected"]]
    assert await boxes.take("a", 5.0) is None


async def test_a_finished_box_with_nothing_left_answers_none(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    boxes.post("a", [], last=True)
    assert await boxes.take("a", 5.0) is None


async def test_commands_run_on_the_owner_before_the_answer(nodes: Nodes) -> None:
    boxes = await nodes.make()
    handled = Handled()
    boxes.on_command(handled)
    await boxes.open("a")
    assert await boxes.command("a", ["send", "hello"]) is True
    assert handled.commands == [("a", ["send", "hello"])]


async def test_a_box_nobody_asks_about_expires_but_asking_keeps_it(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("kept")
    await boxes.open("left")
    for _ in range(3):
        await nodes.age(IDLE * 0.5)
        assert await boxes.take("kept", 0) == []
    assert await boxes.sizes(["kept", "left"]) == [0, None]
    assert await boxes.take("left", 0) is None


async def test_a_dropped_box_ends_a_waiting_take(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    boxes.post("a", [["waiting"]])
    await boxes.take("a", 0)
    poll = asyncio.create_task(boxes.take("a", 10.0))
    await asyncio.sleep(0.05)
    await boxes.drop("a")
    assert await asyncio.wait_for(poll, 5.0) is None
    assert await boxes.sizes(["a"]) == [None]


async def test_sizes_count_unread_items(nodes: Nodes) -> None:
    boxes = await nodes.make()
    await boxes.open("a")
    boxes.post("a", [["typing"]] * 3)

    async def three() -> bool:  # a post reaches Redis a moment later
        return await boxes.sizes(["a"]) == [3]

    assert await eventually(three)


# --- several nodes ----------------------------------------------------------------


@pytest.fixture
async def shared() -> AsyncIterator[Nodes]:
    """The engines whose boxes reach across nodes (Redis)."""
    async with engine_nodes("redis") as found:
        yield found


async def test_a_post_on_the_owner_is_taken_on_another_node(shared: Nodes) -> None:
    owner, other = await shared.make(), await shared.make()
    await owner.open("a")
    poll = asyncio.create_task(other.take("a", 10.0))
    await asyncio.sleep(0.05)
    owner.post("a", [["gotMessage", "across"]])
    assert await asyncio.wait_for(poll, 5.0) == [["gotMessage", "across"]]


async def test_a_command_on_another_node_runs_on_the_owner_in_order(shared: Nodes) -> None:
    owner, other = await shared.make(), await shared.make()
    handled, elsewhere = Handled(), Handled()
    owner.on_command(handled)
    other.on_command(elsewhere)
    await owner.open("a")
    for i in range(5):
        assert await other.command("a", ["send", f"m{i}"]) is True

    async def five() -> bool:
        return len(handled.commands) == 5

    await eventually(five)
    assert handled.commands == [("a", ["send", f"m{i}"]) for i in range(5)]
    assert elsewhere.commands == []


async def test_a_newer_take_on_another_node_takes_over(shared: Nodes) -> None:
    one, two = await shared.make(), await shared.make()
    await one.open("a")
    earlier = asyncio.create_task(one.take("a", 10.0))
    await asyncio.sleep(0.05)
    newer = asyncio.create_task(two.take("a", 10.0))
    assert await asyncio.wait_for(earlier, 5.0) == []
    one.post("a", [["typing"]])
    assert await asyncio.wait_for(newer, 5.0) == [["typing"]]


async def test_a_command_for_a_box_whose_owner_is_gone_fails(shared: Nodes) -> None:
    owner, other = await shared.make(), await shared.make()
    await owner.open("a")
    await owner.close()  # the owner stops listening, as a dead node does
    assert await other.command("a", ["send", "hi"]) is False
