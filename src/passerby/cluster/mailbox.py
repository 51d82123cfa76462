"""Mailboxes: where a long-poll client's events wait, on any node.

A long-poll door (the Omegle API) keeps one chat connection per client id on
the node that opened it, its *owner*; but behind a load balancer the
client's next request may land on any node. A :class:`Mailboxes` engine
holds what must be shared: the events waiting to be read (posted by the
owner, taken by whichever node the client's ``/events`` reaches), and the
way a command that lands elsewhere (``/send``) reaches the owner.

Items are opaque JSON values; a box never sees who its client is. The
memory engine serves one node; the Redis engine (:mod:`.redis.mailbox`)
serves several. Both are tested by one suite (``tests/cluster``).

A box lives while its client keeps asking: one not touched (taken from,
commanded) for ``idle_seconds`` is gone, as is one whose client stopped
reading. ``post(..., last=True)`` says nothing more will come: the box is
answered until it is drained, then forgotten.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any, Final, Protocol

from passerby.clock import Clock
from passerby.periodic import Periodic

Item = Any
# Runs a command on the box's owner: (box, command). It may take its time (a
# flooding client is slowed here), and must not raise.
CommandHandler = Callable[[str, list[Any]], Awaitable[None]]

# Unread items one box may hold: a client this far behind is not reading.
MAX_ITEMS: Final = 500


class Mailboxes(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...

    def on_command(self, handler: CommandHandler) -> None:
        """Run ``handler`` for the commands sent to the boxes this node owns."""

    async def open(self, box: str) -> None:
        """A new box, owned by this node."""

    def post(self, box: str, items: list[Item], *, last: bool = False) -> None:
        """Append ``items`` (owner only), in order; ``last``: nothing more will come."""

    async def take(self, box: str, wait: float) -> list[Item] | None:
        """Every waiting item, waiting up to ``wait`` seconds for one.

        ``None`` for a box that does not exist (or was drained after its
        last post). A newer ``take`` of the same box, on any node, ends an
        earlier one at once with ``[]``: the newer one gets the items.
        """

    async def command(self, box: str, command: list[Any]) -> bool:
        """Hand ``command`` to the box's owner; False when the box is gone or finished.

        On the owner itself the handler runs before this returns.
        """

    async def sizes(self, boxes: list[str]) -> list[int | None]:
        """Unread items per box; ``None`` for a box that expired or was dropped."""

    async def drop(self, box: str) -> None:
        """Forget the box now."""


class _Box:
    __slots__ = ("ended", "items", "seen", "waiter")

    def __init__(self, now: float) -> None:
        self.items: list[Item] = []
        self.ended = False
        self.seen = now
        self.waiter: asyncio.Future[None] | None = None

    def wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)


async def _no_handler(box: str, command: list[Any]) -> None:
    return None


class MemoryMailboxes:
    """Boxes in this process: one node."""

    def __init__(self, clock: Clock, *, idle_seconds: float) -> None:
        self._clock = clock
        self._idle = idle_seconds
        self._boxes: dict[str, _Box] = {}
        self._handler: CommandHandler = _no_handler
        self._sweeper = Periodic("mailbox-expiry", max(1.0, idle_seconds / 4), self.expire)

    async def start(self) -> None:
        self._sweeper.start()

    async def close(self) -> None:
        await self._sweeper.close()
        for box in self._boxes.values():
            box.wake()
        self._boxes.clear()

    def on_command(self, handler: CommandHandler) -> None:
        self._handler = handler

    async def open(self, box: str) -> None:
        self._boxes[box] = _Box(self._clock.monotonic())

    def post(self, box: str, items: list[Item], *, last: bool = False) -> None:
        found = self._boxes.get(box)
        if found is None or found.ended:
            return
        found.items.extend(items)
        found.ended = last
        found.wake()

    def _live(self, box: str) -> _Box | None:
        found = self._boxes.get(box)
        if found is not None:
            found.seen = self._clock.monotonic()
        return found

    async def take(self, box: str, wait: float) -> list[Item] | None:
        found = self._live(box)
        if found is None:
            return None
        if not found.items and not found.ended and wait > 0:
            found.wake()  # a newer poll for the same box takes over
            waiter = found.waiter = asyncio.get_running_loop().create_future()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(waiter), wait)
            if found.waiter is not waiter:
                return []  # a newer poll took over: it gets the items
            found.waiter = None
            found.seen = self._clock.monotonic()
            if self._boxes.get(box) is not found:
                return None  # dropped meanwhile
        items, found.items = found.items, []
        if found.ended:
            del self._boxes[box]  # its last items are read: the box is done
            return items or None
        return items

    async def command(self, box: str, command: list[Any]) -> bool:
        found = self._live(box)
        if found is None or found.ended:
            return False
        await self._handler(box, command)
        return True

    async def expire(self) -> None:
        """Forget the boxes nobody asked about for ``idle_seconds``."""
        now = self._clock.monotonic()
        stale = [
            name
            for name, box in self._boxes.items()
            if (box.waiter is None or box.waiter.done()) and now - box.seen > self._idle
        ]
        for name in stale:
            del self._boxes[name]

    async def sizes(self, boxes: list[str]) -> list[int | None]:
        await self.expire()
        found = (self._boxes.get(name) for name in boxes)
        return [None if box is None else len(box.items) for box in found]

    async def drop(self, box: str) -> None:
        found = self._boxes.pop(box, None)
        if found is not None:
            found.wake()
