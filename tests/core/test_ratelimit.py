"""Token buckets and the flood window, on hand-moved time."""

from __future__ import annotations

import pytest

from passerby.core.ratelimit import KeyedLimiter, Rate, StrikeWindow, TokenBucket


def test_bucket_allows_a_burst_then_refills_at_the_rate() -> None:
    bucket = TokenBucket(Rate(per_second=2, burst=3), now=0.0)
    assert [bucket.take(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take(0.0) == pytest.approx(0.5)
    assert bucket.take(0.25) == pytest.approx(0.25)
    assert bucket.take(0.5) == 0.0
    assert bucket.take(0.5) > 0
    # a long pause refills only up to the burst
    assert [bucket.take(100.0) for _ in range(4)][:3] == [0.0, 0.0, 0.0]
    assert bucket.take(100.0) > 0


def test_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Rate(0, 1)
    with pytest.raises(ValueError, match="burst"):
        Rate(1, 0)


def test_strike_window_trips_past_the_limit_inside_the_window() -> None:
    window = StrikeWindow(limit=3, window=10.0, now=0.0)
    assert [window.strike(t) for t in (1.0, 2.0, 3.0)] == [False, False, False]
    assert window.strike(4.0) is True
    fresh = StrikeWindow(limit=3, window=10.0, now=0.0)
    for t in (1.0, 2.0, 3.0):
        fresh.strike(t)
    assert fresh.strike(11.0) is False  # the window has moved on


def test_keyed_limiter_drops_the_least_recently_used_key_first() -> None:
    limiter = KeyedLimiter(Rate(per_second=0.001, burst=1), max_keys=2)
    assert limiter.take("a", 0.0) == 0.0
    assert limiter.take("b", 0.0) == 0.0
    assert limiter.take("a", 1.0) > 0  # a used again: b is now the oldest
    assert limiter.take("c", 1.0) == 0.0  # b dropped to make room
    assert limiter.take("a", 1.0) > 0  # a kept its empty bucket
    assert limiter.take("b", 1.0) == 0.0  # b starts again with a full bucket; c dropped
    assert limiter.take("a", 1.0) > 0  # a, used last but one, is still kept
    assert limiter.take("c", 1.0) == 0.0  # c was dropped: a full bucket again


def test_a_work_budget_pauses_a_connection_that_spends_more_than_its_share() -> None:
    from passerby.core.ratelimit import WorkBudget

    budget = WorkBudget(share=0.05, burst=0.5, now=0.0)
    assert budget.spend(0.001, 0.0) == 0.0  # ordinary frames cost nothing noticeable
    assert budget.spend(0.499, 0.0) == 0.0  # the burst, spent
    assert budget.spend(0.01, 0.0) == pytest.approx(0.2)  # owed: 0.01 s at 5% a second
    assert budget.spend(0.0, 0.2) == 0.0  # paid back
    assert budget.spend(0.1, 20.0) == 0.0  # refilled by time, up to the burst
    assert budget.spend(0.5, 20.0) == pytest.approx(2.0)
