"""RecentCache: bounded, keeps what is used, O(1) per operation."""

from __future__ import annotations

from collections import OrderedDict

import pytest

from passerby.recent import RecentCache, put_last


def test_never_holds_more_than_its_size() -> None:
    cache: RecentCache[int, int] = RecentCache(10)
    for i in range(1000):
        cache.put(i, i)
        assert len(cache) <= 10
    assert cache.get(999) == 999
    assert cache.get(0) is None


def test_an_entry_in_use_survives_and_an_unused_one_goes() -> None:
    cache: RecentCache[str, int] = RecentCache(4)
    cache.put("kept", 1)
    cache.put("unused", 2)
    for i in range(20):
        assert cache.get("kept") == 1
        cache.put(f"new {i}", i)
    assert "kept" in cache
    assert "unused" not in cache


def test_put_replaces_and_clear_empties() -> None:
    cache: RecentCache[str, int] = RecentCache(4)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)  # "a" and "b" are now the old generation
    cache.put("a", 10)
    assert cache.get("a") == 10
    assert len(cache) == 3
    cache.clear()
    assert len(cache) == 0 and cache.get("a") is None


def test_too_small_a_cache_is_refused() -> None:
    with pytest.raises(ValueError):
        RecentCache(1)


def test_put_last_keeps_the_order_of_use_and_drops_the_oldest() -> None:
    entries: OrderedDict[str, int] = OrderedDict()
    put_last(entries, "a", 1, limit=2)
    put_last(entries, "b", 2, limit=2)
    put_last(entries, "a", 3, limit=2)  # used again: now the newest, value replaced
    assert list(entries.items()) == [("b", 2), ("a", 3)]
    put_last(entries, "c", 4, limit=2)  # a new key past the limit drops the oldest
    assert list(entries.items()) == [("a", 3), ("c", 4)]
    put_last(entries, "c", 5, limit=2)  # an existing key never drops another
    assert list(entries.items()) == [("a", 3), ("c", 5)]
