"""Messages waiting for the worker: bounded, and sampled when full.

The worker scores a few thousand messages a second on one core; a busier
node, or a worker that is slow to start, must not make the server queue
without bound. The backlog keeps at most ``bound`` items. When it is full,
a *priority* item (the teens' section, or a conversation that already had
signals) pushes out the oldest ordinary item; an ordinary item, or a
priority one when only priority items wait, is dropped. Every drop is
counted by reason for ``/metrics``. Pure: no clock, no I/O.
"""

from __future__ import annotations

from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class Backlog(Generic[T]):
    __slots__ = ("_bound", "_ordinary", "_priority", "dropped", "priority_dropped")

    def __init__(self, bound: int) -> None:
        if bound < 1:
            raise ValueError("a backlog holds at least one item")
        self._bound = bound
        self._priority: deque[T] = deque()
        self._ordinary: deque[T] = deque()
        self.dropped = 0  # ordinary items not scored
        self.priority_dropped = 0  # priority items not scored (only when all waiting are)

    def __len__(self) -> int:
        return len(self._priority) + len(self._ordinary)

    def offer(self, item: T, priority: bool) -> str | None:
        """Keep ``item`` if there is room or it may take an ordinary one's
        place; what was dropped for it (``"ordinary"``, ``"priority"``) or None."""
        if len(self._priority) + len(self._ordinary) < self._bound:
            (self._priority if priority else self._ordinary).append(item)
            return None
        if priority and self._ordinary:
            self._ordinary.popleft()  # the oldest ordinary message gives way
            self.dropped += 1
            self._priority.append(item)
            return "ordinary"
        if priority:
            self.priority_dropped += 1
            return "priority"
        self.dropped += 1
        return "ordinary"

    def take(self, n: int) -> list[T]:
        """Up to ``n`` items, priority ones first, each queue oldest first."""
        out: list[T] = []
        for queue in (self._priority, self._ordinary):
            while queue and len(out) < n:
                out.append(queue.popleft())
        return out

    def clear(self) -> int:
        """Drop everything (the tier is going off); how many were dropped."""
        n = len(self)
        self._priority.clear()
        self._ordinary.clear()
        return n
