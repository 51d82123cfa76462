"""The chat connections of the Omegle API clients this node started.

An :class:`OmegleSession` is the door of one API chat, on the node that
served its ``/start`` (its owner): the chat service hands it typed
messages, which it posts as Omegle events to the client's mailbox
(:mod:`passerby.cluster.mailbox`), where the client's next ``/events`` finds
them on whichever node it lands. :class:`OmegleSessions` holds this node's
sessions by client id and ends the ones whose client went away: a mailbox
not asked about for the idle time expires, and so does one whose unread
events pile past :data:`~passerby.cluster.mailbox.MAX_ITEMS`. A session
whose chat ended posts its last events and ends; its mailbox answers them
until they are read, then ``null``.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Final

from passerby.cluster.mailbox import MAX_ITEMS, Mailboxes
from passerby.core import messages as m
from passerby.core import protocol as p
from passerby.errors import ProtocolError
from passerby.periodic import Periodic
from passerby.service.connection import ChatConnection
from passerby.transport.catalogue import FALLBACK, catalogue
from passerby.transport.omegle.events import Event, closing_events, events_for

log = logging.getLogger(__name__)

# Client ids look like Omegle's ("central2:" and random characters); clients
# treat them as opaque.
ID_PREFIX: Final = "central2:"


class OmegleSession:
    """One API client id on its owner node: the chat connection's door."""

    __slots__ = (
        "_finished",
        "_mailboxes",
        "conn",
        "ending",
        "id",
        "last",
        "lock",
        "start",
        "texts",
    )

    def __init__(self, mailboxes: Mailboxes, finished: Callable[[OmegleSession], None]) -> None:
        self.id = ID_PREFIX + secrets.token_urlsafe(24)
        self._mailboxes = mailboxes
        self._finished = finished
        self.conn: ChatConnection | None = None
        # The chat is over: no more commands; the connection ends soon.
        self.ending = False
        # The last events are posted: nothing more goes to the mailbox.
        self.last = False
        # The start it asked for: made again once a challenge is solved.
        self.start: p.ClientMessage | ProtocolError | None = None
        # The client's commands run one at a time, in the order they came.
        self.lock = asyncio.Lock()
        # The words of its notices: its /start's `lang`, else English.
        self.texts = catalogue(FALLBACK)

    # --- the door ------------------------------------------------------------

    def emit(self, message: m.ServerMessage) -> None:
        if self.last:
            return
        events = events_for(message, self.texts)
        final = False
        if type(message) is m.ChatEnded and message.by != "you":
            self.ending = True  # one chat per id, as Omegle had it
            # A chat the rules ended may be followed by the ban they made,
            # which the client must still hear: the end comes with closing
            # (or, without a ban, when the session is swept).
            final = message.by == "stranger"
        if events or final:
            self.post(events, last=final)

    def post(self, events: list[Event], *, last: bool = False) -> None:
        """Events for the client's mailbox; ``last``: the session is done."""
        if self.last:
            return
        self._mailboxes.post(self.id, events, last=last)
        if last:
            self.last = self.ending = True
            self._finished(self)

    def pong(self, payload: bytes) -> None:
        """Omegle's API has no pings."""

    def writable(self) -> bool:
        return not self.last

    async def close(self, reason: m.Closing) -> None:
        self.post(closing_events(reason), last=True)


Closer = Callable[[OmegleSession], Awaitable[None]]


class OmegleSessions:
    """This node's API sessions, and the end of abandoned or finished ones."""

    def __init__(self, mailboxes: Mailboxes, *, idle_seconds: float, on_end: Closer) -> None:
        self.mailboxes = mailboxes
        self._on_end = on_end
        self._by_id: dict[str, OmegleSession] = {}
        self._ending: set[asyncio.Task[None]] = set()
        self._sweeper = Periodic("omegle-expiry", max(1.0, idle_seconds / 4), self.expire)

    def __len__(self) -> int:
        return len(self._by_id)

    async def new(self) -> OmegleSession:
        session = OmegleSession(self.mailboxes, self._finished)
        await self.mailboxes.open(session.id)
        self._by_id[session.id] = session
        return session

    def get(self, client_id: str) -> OmegleSession | None:
        return self._by_id.get(client_id)

    def _finished(self, session: OmegleSession) -> None:
        """Its chat is over: the connection ends soon after (not inside the emit)."""
        if session.id in self._by_id:
            task = asyncio.get_running_loop().create_task(self.end(session))
            self._ending.add(task)
            task.add_done_callback(self._ending.discard)

    async def end(self, session: OmegleSession, *, drop: bool = False) -> None:
        """The id's chat connection ends; ``drop``: its unread events go too."""
        if self._by_id.pop(session.id, None) is None:
            return
        if drop:
            session.last = session.ending = True
            await self.mailboxes.drop(session.id)
        else:
            session.post([], last=True)  # the mailbox answers what is left, then null
        await self._on_end(session)

    async def expire(self) -> None:
        """End the sessions whose chat is over, or whose client stopped asking or reading."""
        sessions = list(self._by_id.values())
        sizes = await self.mailboxes.sizes([s.id for s in sessions])
        for session, size in zip(sessions, sizes, strict=True):
            if size is None or session.ending:
                await self.end(session)
            elif size > MAX_ITEMS:
                await self.end(session, drop=True)

    async def start(self) -> None:
        await self.mailboxes.start()
        self._sweeper.start()

    async def close(self) -> None:
        await self._sweeper.close()
        await asyncio.gather(*self._ending, return_exceptions=True)
        for session in list(self._by_id.values()):
            await self.end(session)
        await self.mailboxes.close()
