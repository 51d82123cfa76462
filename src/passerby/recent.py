"""A bounded cache of recent entries whose every operation is O(1).

Evicting the oldest key of a plain dict with ``del d[next(iter(d))]`` looks
O(1) but is not: CPython leaves a hole at the front of the dict for every
deleted key, and ``next(iter(d))`` walks over all of them until the dict is
rebuilt. On a cache that evicts on every insert (the message cache sees a new
text with almost every message) that walk costs more than the lookup saves.

:class:`RecentCache` keeps two generations instead: new entries go into the
young one; when it is full it becomes the old one and the previous old one is
dropped whole. A hit in the old generation moves the entry back into the
young one, so what is used stays and what is not goes within two turns.

Where the exact order matters (recent partners, rate-limit buckets, marks),
:func:`put_last` keeps an :class:`~collections.OrderedDict` in order of last
use and drops its oldest entry in O(1).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


def put_last(entries: OrderedDict[K, V], key: K, value: V, limit: int) -> None:
    """Set ``key`` to ``value`` as the most recently used entry of ``entries``,
    dropping the least recently used one when a new key would pass ``limit``."""
    if key in entries:
        entries.move_to_end(key)
    elif len(entries) >= limit:
        entries.popitem(last=False)
    entries[key] = value


class RecentCache(Generic[K, V]):
    """At most ``size`` entries; the least recently used are dropped first,
    half of them at a time."""

    __slots__ = ("_half", "_old", "_young")

    def __init__(self, size: int) -> None:
        if size < 2:
            raise ValueError("a RecentCache holds at least two entries")
        self._half = size // 2
        self._young: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        young = self._young
        if key in young:
            return young[key]
        old = self._old
        if key not in old:
            return None
        value = old.pop(key)
        self.put(key, value)
        return value

    def put(self, key: K, value: V) -> None:
        young = self._young
        if key not in young:
            self._old.pop(key, None)
            if len(young) >= self._half:
                self._old = young
                young = self._young = {}
        young[key] = value

    def clear(self) -> None:
        self._young = {}
        self._old = {}

    def __len__(self) -> int:
        return len(self._young) + len(self._old)

    def __contains__(self, key: object) -> bool:
        return key in self._young or key in self._old
