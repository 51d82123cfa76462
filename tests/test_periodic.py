"""The background-work helper: repeats, survives a failing round, stops cleanly."""

from __future__ import annotations

import asyncio
import contextlib

from passerby.periodic import Periodic, in_turns


async def test_runs_again_after_a_failure_and_stops_on_close() -> None:
    calls = 0

    async def step() -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("one bad round")

    periodic = Periodic("test", 0.01, step)
    periodic.start()
    for _ in range(100):
        if calls >= 3:
            break
        await asyncio.sleep(0.01)
    await periodic.close()
    assert calls >= 3  # the failure did not stop it
    stopped_at = calls
    await asyncio.sleep(0.05)
    assert calls == stopped_at


async def test_stops_even_when_a_step_swallows_its_cancellation() -> None:
    calls = 0

    async def step() -> None:
        nonlocal calls
        calls += 1
        if calls > 1:
            return
        # As a client library may do, turning it into its own error:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(10)

    periodic = Periodic("test", 0.001, step)
    periodic.start()
    for _ in range(100):
        if calls:
            break
        await asyncio.sleep(0.01)
    await periodic.close(grace=1.0)
    await asyncio.sleep(0.05)
    assert calls == 1  # no step after close


async def test_a_round_over_many_items_lets_the_loop_serve_others() -> None:
    ticks = 0
    running = True

    async def other_work() -> None:
        nonlocal ticks
        while running:
            ticks += 1
            await asyncio.sleep(0)

    other = asyncio.create_task(other_work())
    await asyncio.sleep(0)  # let it start
    started = ticks
    seen = [item async for item in in_turns(range(1000), per_turn=100)]
    during = ticks - started
    running = False
    await other
    assert seen == list(range(1000))  # every item, in order
    assert during >= 9  # a break after every 100 items
    assert [item async for item in in_turns([], per_turn=1)] == []
