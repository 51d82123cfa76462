"""How a serving process sets up Python's garbage collector, once, at start.

It must never leave the oldest generation uncollected. A closed connection
can leave its objects in a reference cycle (the WebSocket door and its
connection point at each other; aiohttp keeps a failed connection's error,
whose traceback holds the response that holds the error), and the cycle
holds everything the connection held, an invalid frame of up to 1 MiB
included. A connection lives long enough for its objects to reach the
oldest generation, so only a full collection frees them. The thresholds
used until 2026-12, (50_000, 20, 100), ran one every hundred million
allocations, which is never: 2,000 connections that each sent 64 KiB the
server refused kept about 155 MiB, and each 2,000 more as much again
(``benchmarks/memory_garbage.py``; docs/benchmarks.md has the figures).

Python's own thresholds (700, 10, 10) do free them, but cost the relay
about a sixth of its throughput: tens of thousands of messages are in flight at
saturation, a collection every 700 allocations finds their objects alive
and moves them to the oldest generation, and the growth of that generation
then sets off a full collection (100-250 ms with 5,000 connections) every
second or two. Hence the thresholds below.
"""

from __future__ import annotations

import gc

# A collection every 50,000 allocations (net of deallocations), as before:
# a relayed message's objects are gone long before one, so a busy relay sets
# off none at all. The zeros make them go young, middle, full, young, middle,
# full: a full collection at most every 150,000 allocations, and only once
# what reached the oldest generation since the last one is a quarter of what
# that one kept (Python's own rule, so that their cost follows growth);
# otherwise young, middle again.
THRESHOLDS = (50_000, 0, 0)


def tune_collector() -> None:
    """Freeze what exists now; collect with :data:`THRESHOLDS` from here on.

    Call it once, after the application is built and before it serves:
    everything built so far (the moderation model, the detectors' tables,
    the schema) lives as long as the process, and frozen it is never looked
    at again, which keeps every collection short.
    """
    gc.collect()
    gc.freeze()
    # Python's quarter rule compares with what the last full collection kept,
    # and the one above counted what is now frozen: without a second one,
    # the first quarter of a million objects of garbage would wait.
    gc.collect()
    gc.set_threshold(*THRESHOLDS)
