"""Background work that repeats: one small helper instead of five loops.

A :class:`Periodic` runs ``await step()`` every ``interval`` seconds in its own
task. A failing step is logged and the next one runs on time: background
work (flushing records, replaying the spool, purging, matchmaking ticks)
must never stop because of one bad round.

A round over every connection goes through :func:`in_turns`, so that it
never holds the event loop for long: with 20,000 connections one pass
without a break would stop every chat for tens of milliseconds.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# Items handled between two chances for the loop to serve others.
TURN_ITEMS = 256


async def in_turns(items: Iterable[T], per_turn: int = TURN_ITEMS) -> AsyncIterator[T]:
    """Yield ``items`` one by one, letting the event loop run other work
    after every ``per_turn`` of them."""
    for count, item in enumerate(items, 1):
        yield item
        if count % per_turn == 0:
            await asyncio.sleep(0)


class Periodic:
    def __init__(self, name: str, interval: float, step: Callable[[], Awaitable[object]]) -> None:
        self.name = name
        self.interval = interval
        self._step = step
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=f"passerby-{self.name}")

    async def close(self, grace: float = 5.0) -> None:
        """Stop; a step that does not end within ``grace`` seconds of being cancelled
        (stuck in a client library) is left behind rather than hold up a shutdown."""
        if self._task is not None:
            # Cancelling alone is not enough: a client library may swallow the
            # cancellation of the step it is in (redis-py turns it into a
            # connection error), and the loop would then run another step
            # after its owner has closed the connections it uses.
            self._stopping = True
            self._task.cancel()
            done, _ = await asyncio.wait({self._task}, timeout=grace)
            if not done:
                log.warning("background %s did not stop in time", self.name)
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            if self._stopping:
                return
            try:
                await self._step()
            except Exception:
                log.warning("background %s failed; will try again", self.name, exc_info=True)
