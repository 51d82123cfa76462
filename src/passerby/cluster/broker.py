"""The broker interface every engine satisfies.

A *user* here is one connection's opaque id. The transport attaches an
:class:`Inbox` for each of its users; the broker calls it with the events
meant for that user, whichever node they came from. A broker never sees a
socket, an IP address or a device, and never inspects message text.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from passerby.core.events import PeerEvent
from passerby.core.matchmaker import Match, Ticket


class Inbox(Protocol):
    async def deliver(self, event: PeerEvent) -> None:
        """Handle one event for this user; must not raise for a closed connection."""


@dataclass(frozen=True, slots=True)
class PeerInfo:
    """Who is behind a connection, for evidence only: never sent to a stranger."""

    user: str
    device: str
    address: str
    port: int
    user_agent: str
    connected_at: float  # wall-clock seconds
    section: str = ""

    def as_evidence(self) -> dict[str, object]:
        return {
            "session": self.user,
            "device_hash": self.device,
            "ip": self.address,
            "port": self.port,
            "user_agent": self.user_agent,
            "connected_at": self.connected_at,
            "section": self.section,
        }


@dataclass(frozen=True, slots=True)
class Counts:
    online: int
    waiting: int
    chats: int


@dataclass(frozen=True, slots=True)
class Notice:
    """News every node must act on at once, such as a ban; never chat content.

    ``kind`` names it (:data:`BAN`, :data:`SECTION`); ``subject`` is what it
    is about (a device hash, or empty for a ban on an address). A broker hands a notice to the
    observers of every node, the sending node included.

    A broker whose link to the other nodes was down, so that notices sent
    meanwhile may never have reached it, tells its own observers
    ``Notice(MISSED, "")`` once the link is back: whatever a notice would have
    changed must be looked up afresh.
    """

    kind: str
    subject: str


BAN = "ban"
MISSED = "missed"
# A device declared an age band: its connections on every node check their section.
SECTION = "section"


NoticeObserver = Callable[[Notice], Awaitable[None]]

# Called once per match with the match and its new chat id, on the node that
# made it; used for metrics and records. It must not block.
MatchObserver = Callable[[Match, str], None]


class Broker(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...

    def healthy(self) -> bool:
        """Can this node reach the other nodes' users (True on a single node)?"""

    def attach(self, user: str, inbox: Inbox, info: PeerInfo | None = None) -> None:
        """Route events for ``user`` to ``inbox`` (this node holds the connection)."""

    async def whois(self, user: str) -> PeerInfo | None:
        """The evidence details of a connected user, wherever they are."""

    async def block(self, a: str, b: str) -> None:
        """Identities ``a`` and ``b`` must never be paired again."""

    async def release(self, identity: str) -> None:
        """No connection of ``identity`` is left here: drop what was loaded for it."""

    async def detach(self, user: str) -> None:
        """``user``'s connection is gone; later events for them are undeliverable."""

    async def enqueue(self, ticket: Ticket) -> None:
        """Start looking for a partner; the result arrives as events."""

    async def dequeue(self, user: str) -> None: ...

    async def stop_interests(self, user: str) -> None: ...

    async def deliver(self, to: str, event: PeerEvent) -> None:
        """Hand ``event`` to ``to``; a chat message that cannot be handed
        over comes back to its sender as :class:`~passerby.core.events.Undelivered`."""

    async def end_chat(self, chat: str) -> None:
        """A chat is over (idempotent: both sides may say so)."""

    async def counts(self) -> Counts: ...

    def observe_matches(self, observer: MatchObserver) -> None: ...

    async def broadcast(self, notice: Notice) -> None:
        """Tell every node, this one first (it must not wait for the others)."""

    def observe_notices(self, observer: NoticeObserver) -> None: ...
