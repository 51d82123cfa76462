"""The collector settings of a serving process free what closed connections leave.

A closed connection can leave its objects in a reference cycle (aiohttp
keeps a failed WebSocket's error, whose traceback holds a frame that holds
the response, which holds the error and everything the connection read).
A connection's objects live long enough to reach the oldest generation, so
only a collection of that generation frees the cycle. These tests drive the
collector with allocations, as serving does, never with time or memory
figures.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from passerby.gctuning import tune_collector

PAYLOAD = 64 * 1024  # what each connection read before it failed
CONNECTIONS = 500  # 32 MiB of payload in all


class Connection:
    """A closed connection as aiohttp leaves it: the response keeps its last
    error, and the error's traceback holds the frame that stored it."""

    def __init__(self, payload: bytes) -> None:
        self.payload = payload
        self.objects = [{"header": i} for i in range(20)]
        self.error: Exception | None = None

    def fail(self) -> None:
        try:
            raise ValueError("invalid frame")
        except ValueError as exc:
            self.error = exc  # self -> exc -> traceback -> this frame -> self


def serve_others(objects: int) -> None:
    """What serving other users does to the collector: ``objects`` tracked
    objects that live a while (200,000 are about 1,500 connections' worth)."""
    alive = [["user", i] for i in range(objects)]  # lists: always tracked
    assert len(alive) == objects


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the collector is undone after it."""
    threshold = gc.get_threshold()
    enabled = gc.isenabled()
    gc.collect()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        if enabled:
            gc.enable()
        gc.collect()


def test_what_closed_connections_left_in_cycles_is_freed_by_later_work(collector: None) -> None:
    tune_collector()
    connections = [Connection(bytes(PAYLOAD)) for _ in range(CONNECTIONS)]
    for connection in connections:
        connection.fail()
    closed = [weakref.ref(c) for c in connections]
    # The connections live long enough to reach the oldest generation, as
    # a chat of a few minutes does, then close.
    gc.collect(1)
    assert any(o is connections[0] for o in gc.get_objects(generation=2))
    del connection, connections
    assert all(ref() is not None for ref in closed)  # cycles: refcounting freed nothing

    serve_others(200_000)

    kept = sum(ref() is not None for ref in closed)
    assert kept == 0, f"{kept} closed connections ({kept * PAYLOAD >> 20} MiB) still held"


def test_what_exists_at_start_is_frozen_out_of_every_collection(collector: None) -> None:
    built_at_start = {"model": [1, 2, 3]}
    tune_collector()
    assert gc.get_freeze_count() > 0
    assert not any(o is built_at_start for o in gc.get_objects())
    created_later = {"connection": []}
    assert any(o is created_later for o in gc.get_objects())
