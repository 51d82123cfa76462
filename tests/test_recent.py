"""RecentCache: bounded, keeps what is used, O(1) per operation."""

from __future__ import annotations

import pytest

from passerby.recent import RecentCache


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
