"""Token buckets: how floods are limited per connection.

A bucket holds up to ``burst`` tokens and refills at ``rate`` tokens a second
on the clock it is handed; each accepted event takes one. It never sleeps: a
refused event learns how long to wait (``retry_after``).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from passerby.recent import put_last


@dataclass(frozen=True, slots=True)
class Rate:
    per_second: float
    burst: int

    def __post_init__(self) -> None:
        if self.per_second <= 0 or self.burst < 1:
            raise ValueError("a rate needs a positive speed and a burst of at least one")


class TokenBucket:
    __slots__ = ("_rate", "_stamp", "_tokens")

    def __init__(self, rate: Rate, now: float) -> None:
        self._rate = rate
        self._tokens = float(rate.burst)
        self._stamp = now

    def take(self, now: float) -> float:
        """Take a token; return 0.0 on success, else the seconds until one is free."""
        rate = self._rate
        elapsed = now - self._stamp
        if elapsed > 0:
            self._tokens = min(float(rate.burst), self._tokens + elapsed * rate.per_second)
            self._stamp = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return 0.0
        return (1.0 - self._tokens) / rate.per_second


class StrikeWindow:
    """Counts refusals in a sliding window of fixed buckets; too many means a flood."""

    __slots__ = ("_count", "_limit", "_start", "_window")

    def __init__(self, limit: int, window: float, now: float) -> None:
        self._limit = limit
        self._window = window
        self._start = now
        self._count = 0

    def strike(self, now: float) -> bool:
        """Record one refusal; True when the limit is passed inside the window."""
        if now - self._start > self._window:
            self._start = now
            self._count = 0
        self._count += 1
        return self._count > self._limit


class KeyedLimiter:
    """One bucket per key (an address, a device), holding at most ``max_keys``.

    The least recently used bucket is dropped first; a dropped key starts
    again with a full bucket, which is the lenient side of the trade.
    """

    def __init__(self, rate: Rate, max_keys: int = 100_000) -> None:
        self._rate = rate
        self._max_keys = max_keys
        # The most recently used last (see passerby.recent.put_last).
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def take(self, key: str, now: float) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(self._rate, now)
        put_last(self._buckets, key, bucket, self._max_keys)
        return bucket.take(now)

    def reset(self, key: str) -> None:
        """Give ``key`` a full bucket again."""
        self._buckets.pop(key, None)


class WorkBudget:
    """The event-loop time one connection may use: ``share`` of every second,
    and at most ``burst`` seconds at once.

    Frames are cheap, but a message that is costly to check would let one
    sender take the loop from everybody; charged here, such a sender is made
    to pause (its frames wait in its own socket) until its debt is paid.
    """

    __slots__ = ("_balance", "_burst", "_share", "_stamp")

    def __init__(self, share: float, burst: float, now: float) -> None:
        if share <= 0 or burst <= 0:
            raise ValueError("a work budget needs a positive share and burst")
        self._share = share
        self._burst = burst
        self._balance = burst
        self._stamp = now

    def spend(self, seconds: float, now: float) -> float:
        """Charge ``seconds`` of work; the seconds to pause before more (0.0: none)."""
        elapsed = now - self._stamp
        if elapsed > 0:
            self._balance = min(self._burst, self._balance + elapsed * self._share)
            self._stamp = now
        self._balance -= seconds
        if self._balance >= 0:
            return 0.0
        return -self._balance / self._share
