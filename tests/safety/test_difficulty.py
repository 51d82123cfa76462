"""Proof of work that costs more the more a device or an address solves."""

from __future__ import annotations

import pytest
from tests.support import solve_challenge

from passerby.clock import ManualClock
from passerby.cluster.limits import memory_counters
from passerby.safety.challenge import SOLVES_HALF_LIFE, ChallengeService, Difficulty

BASE = 1000


def difficulty(clock: ManualClock, **kwargs: int) -> Difficulty:
    return Difficulty(
        ChallengeService(b"secret", clock, maxnumber=BASE), memory_counters(clock), **kwargs
    )


async def test_each_solve_of_a_device_doubles_its_next_challenge_up_to_a_cap() -> None:
    pricing = difficulty(ManualClock(), max_doublings=4)
    costs = []
    for _ in range(7):
        costs.append((await pricing.issue("dev", "198.51.100.7"))["maxnumber"])
        await pricing.solved("dev", "")
    assert costs == [BASE, 2 * BASE, 4 * BASE, 8 * BASE, 16 * BASE, 16 * BASE, 16 * BASE]
    # another device at another address pays the base price
    assert (await pricing.issue("other", "203.0.113.1"))["maxnumber"] == BASE


async def test_solves_from_one_address_raise_the_price_for_every_device_there() -> None:
    pricing = difficulty(ManualClock(), address_solves=3)
    for n in range(9):  # nine scripted devices, one solve each, one address
        await pricing.solved(f"bot{n}", "198.51.100.7")
    fresh = await pricing.issue("new-device", "198.51.100.7")
    assert fresh["maxnumber"] == BASE << 3
    # a household's one or two solves barely count
    await pricing.solved("kid", "203.0.113.1")
    assert (await pricing.issue("parent", "203.0.113.1"))["maxnumber"] == BASE


async def test_the_extra_cost_fades_by_half_every_half_life() -> None:
    clock = ManualClock()
    pricing = difficulty(clock)
    for _ in range(4):
        await pricing.solved("dev", "")
    assert await pricing.level("dev", "") == pytest.approx(4.0)
    clock.advance(SOLVES_HALF_LIFE)
    assert (await pricing.issue("dev", ""))["maxnumber"] == BASE << 2
    clock.advance(3 * SOLVES_HALF_LIFE)
    assert (await pricing.issue("dev", ""))["maxnumber"] == BASE


async def test_a_harder_challenge_is_still_verified() -> None:
    clock = ManualClock()
    pricing = difficulty(clock)
    await pricing.solved("dev", "")
    challenge = await pricing.issue("dev", "")
    assert challenge["maxnumber"] == 2 * BASE
    assert await pricing.challenges.verify(solve_challenge(challenge))
