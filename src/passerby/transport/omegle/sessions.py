"""Long-poll sessions of the Omegle API: one per client id, bounded.

An :class:`OmegleSession` is the door of one API chat: the chat service
hands it typed messages, which it keeps as Omegle events until the client's
next ``/events`` takes them. :class:`OmegleSessions` holds them by id and
ends the ones whose client went away: an id not asked about for
``idle_seconds`` expires, and so does one whose unread events pile past
:data:`MAX_EVENTS`. A session whose chat ended is answered until its last
events are read, then forgotten; its id answers ``null`` from then on.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Final

from passerby.clock import Clock
from passerby.core import messages as m
from passerby.core import protocol as p
from passerby.errors import ProtocolError
from passerby.periodic import Periodic
from passerby.service.connection import ChatConnection
from passerby.transport.omegle.events import Event, closing_events, events_for

log = logging.getLogger(__name__)

# Unread events one session may hold: hundreds of chat lines. A client this
# far behind is not reading.
MAX_EVENTS: Final = 500
# Client ids look like Omegle's ("central2:" and random characters); clients
# treat them as opaque.
ID_PREFIX: Final = "central2:"


class OmegleSession:
    """One API client id: its chat connection's door, and its unread events."""

    __slots__ = ("conn", "ending", "events", "id", "seen", "start", "waiter")

    def __init__(self, now: float) -> None:
        self.id = ID_PREFIX + secrets.token_urlsafe(24)
        self.conn: ChatConnection | None = None
        self.events: list[Event] = []
        self.waiter: asyncio.Future[None] | None = None
        self.seen = now  # monotonic: the client's last request for this id
        # The chat is over: the last events are kept until they are read.
        self.ending = False
        # The start it asked for: made again once a challenge is solved.
        self.start: p.ClientMessage | ProtocolError | None = None

    # --- the door ------------------------------------------------------------

    def emit(self, message: m.ServerMessage) -> None:
        events = events_for(message)
        if not events:
            return
        self._add(events)
        if type(message) is m.ChatEnded and message.by != "you":
            self.ending = True  # one chat per id, as Omegle had it

    def pong(self, payload: bytes) -> None:
        """Omegle's API has no pings."""

    def writable(self) -> bool:
        return not self.ending

    async def close(self, reason: m.Closing) -> None:
        if not self.ending:
            self._add(closing_events(reason))
        self.ending = True

    # --- the long poll ---------------------------------------------------------

    def _add(self, events: list[Event]) -> None:
        self.events.extend(events)
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def take(self) -> list[Event]:
        events, self.events = self.events, []
        return events

    @property
    def overflowing(self) -> bool:
        return len(self.events) > MAX_EVENTS


Closer = Callable[[OmegleSession], Awaitable[None]]


class OmegleSessions:
    """Every live client id on this node, and the expiry of abandoned ones."""

    def __init__(self, clock: Clock, *, idle_seconds: float, on_end: Closer) -> None:
        self._clock = clock
        self._idle = idle_seconds
        self._on_end = on_end
        self._by_id: dict[str, OmegleSession] = {}
        self._sweeper = Periodic("omegle-expiry", max(1.0, idle_seconds / 4), self.expire)

    def __len__(self) -> int:
        return len(self._by_id)

    def new(self) -> OmegleSession:
        session = OmegleSession(self._clock.monotonic())
        self._by_id[session.id] = session
        return session

    def get(self, client_id: str) -> OmegleSession | None:
        session = self._by_id.get(client_id)
        if session is not None:
            session.seen = self._clock.monotonic()
        return session

    async def end(self, session: OmegleSession) -> None:
        """Forget the id; its chat connection ends."""
        if self._by_id.pop(session.id, None) is None:
            return
        session.ending = True
        waiter = session.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        await self._on_end(session)

    async def expire(self) -> None:
        """End the sessions whose client stopped asking, or stopped reading."""
        now = self._clock.monotonic()
        stale = [
            s
            for s in self._by_id.values()
            if s.overflowing
            or ((s.waiter is None or s.waiter.done()) and now - s.seen > self._idle)
        ]
        for session in stale:
            await self.end(session)

    def start(self) -> None:
        self._sweeper.start()

    async def close(self) -> None:
        await self._sweeper.close()
        for session in list(self._by_id.values()):
            await self.end(session)
