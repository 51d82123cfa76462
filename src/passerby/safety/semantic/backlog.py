"""Messages waiting for the worker: bounded, and sampled when full.

The worker scores a few thousand messages a second on one core; a busier
node, or a worker that is slow to start, must not make the server queue
without bound. The backlog keeps at most ``bound`` items. When it is full,
a *priority* item (the teens' section, or a conversation that already had
signals) pushes out the oldest ordinary item; an ordinary item, or a
priority one when only priority items wait, is dropped. Every drop is
counted by reason for ``/metrics``. Pure: no clock, no I/O.

:meth:`Backlog.offer` runs once for every message relayed: it is kept to a
comparison and an append while there is room.
"""

from __future__ import annotations

from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class Backlog(Generic[T]):
    __slots__ = ("_bound", "_ordinary", "_priority", "_size", "dropped", "priority_dropped")

    def __init__(self, bound: int) -> None:
        if bound < 1:
            raise ValueError("a backlog holds at least one item")
        self._bound = bound
        self._size = 0  # len(_priority) + len(_ordinary), kept rather than summed per offer
        self._priority: deque[T] = deque()
        self._ordinary: deque[T] = deque()
        self.dropped = 0  # ordinary items not scored
        self.priority_dropped = 0  # priority items not scored (only when all waiting are)

    def __len__(self) -> int:
        return self._size

    def offer(self, item: T, priority: bool) -> str | None:
        """Keep ``item`` if there is room or it may take an ordinary one's
        place; what was dropped for it (``"ordinary"``, ``"priority"``) or None."""
        if self._size < self._bound:
            self._size += 1
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
            room = n - len(out)
            if len(queue) <= room:  # the usual case: the whole queue goes
                out.extend(queue)
                queue.clear()
            else:
                out.extend(queue.popleft() for _ in range(room))
                break
        self._size -= len(out)
        return out

    def clear(self) -> int:
        """Drop everything (the tier is going off); how many were dropped."""
        n, self._size = self._size, 0
        self._priority.clear()
        self._ordinary.clear()
        return n
