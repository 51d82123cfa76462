"""Time, passed in.

Everything that waits, expires or limits a rate reads a :class:`Clock` instead
of calling :func:`time.monotonic` itself, so that tests can move time by hand
(:class:`ManualClock`) instead of sleeping. This module must never sleep.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards; for deadlines and rates."""

    def wall(self) -> float:
        """Seconds since the Unix epoch (UTC); for records people read."""


class SystemClock:
    # The functions themselves, not methods calling them: the relay reads the
    # clock several times per message, and a Python frame per read is most of
    # the cost of reading it.
    monotonic = staticmethod(time.monotonic)
    wall = staticmethod(time.time)


class ManualClock:
    """A clock that only moves when a test tells it to."""

    def __init__(self, start: float = 1_000.0, wall_start: float = 1_800_000_000.0) -> None:
        self._now = start
        self._wall_offset = wall_start - start

    def monotonic(self) -> float:
        return self._now

    def wall(self) -> float:
        return self._now + self._wall_offset

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += seconds
