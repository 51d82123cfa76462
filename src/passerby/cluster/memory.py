"""The in-process broker: one node, the matchmaker in memory.

It wraps the pure :class:`~passerby.core.matchmaker.Matchmaker` and delivers
events by calling the recipient's inbox directly, so a message reaches the
partner in the sender's own task: in order, exactly once, with no queue in
between. It holds no global state; a test may run many of them side by side.
"""

from __future__ import annotations

import logging
import secrets

from passerby.clock import Clock
from passerby.cluster.broker import (
    Counts,
    Inbox,
    MatchObserver,
    Notice,
    NoticeObserver,
    PeerInfo,
)
from passerby.core.events import FellBack, Matched, PartnerLeft, PeerEvent, Relay, Undelivered
from passerby.core.matchmaker import Fallback, Match, Matchmaker, Outcome, Ticket
from passerby.periodic import Periodic

log = logging.getLogger(__name__)

# How often waiting users are checked for interest and language fallbacks. A
# quarter of a second is well inside what a person notices on a 10 s timer.
TICK_SECONDS = 0.25


class MemoryBroker:
    def __init__(
        self, matchmaker: Matchmaker, clock: Clock, *, tick_seconds: float = TICK_SECONDS
    ) -> None:
        self._matchmaker = matchmaker
        self._clock = clock
        self._inboxes: dict[str, Inbox] = {}
        self._infos: dict[str, PeerInfo] = {}
        self._chats: set[str] = set()
        self._observers: list[MatchObserver] = []
        self._notice_observers: list[NoticeObserver] = []
        self._ticker = Periodic("matchmaker-tick", tick_seconds, self.tick)

    async def start(self) -> None:
        self._ticker.start()

    async def close(self) -> None:
        await self._ticker.close()

    def observe_matches(self, observer: MatchObserver) -> None:
        self._observers.append(observer)

    def healthy(self) -> bool:
        return True

    def observe_notices(self, observer: NoticeObserver) -> None:
        self._notice_observers.append(observer)

    async def broadcast(self, notice: Notice) -> None:
        for observer in self._notice_observers:
            await observer(notice)

    def attach(self, user: str, inbox: Inbox, info: PeerInfo | None = None) -> None:
        self._inboxes[user] = inbox
        if info is not None:
            self._infos[user] = info

    async def whois(self, user: str) -> PeerInfo | None:
        return self._infos.get(user)

    async def block(self, a: str, b: str) -> None:
        self._matchmaker.block(a, b)

    async def release(self, identity: str) -> None:
        self._matchmaker.release(identity)

    async def detach(self, user: str) -> None:
        self._inboxes.pop(user, None)
        self._infos.pop(user, None)
        self._matchmaker.leave(user)

    async def enqueue(self, ticket: Ticket) -> None:
        outcomes = self._matchmaker.join(ticket, self._clock.monotonic())
        await self._announce(outcomes)

    async def dequeue(self, user: str) -> None:
        self._matchmaker.leave(user)

    async def stop_interests(self, user: str) -> None:
        outcomes = self._matchmaker.stop_interests(user, self._clock.monotonic())
        await self._announce(outcomes)

    async def deliver(self, to: str, event: PeerEvent) -> None:
        inbox = self._inboxes.get(to)
        if inbox is not None:
            await inbox.deliver(event)
        elif isinstance(event, Relay):
            sender = self._inboxes.get(event.sender)
            if sender is not None:
                await sender.deliver(Undelivered(event.chat, event.id))

    async def end_chat(self, chat: str) -> None:
        self._chats.discard(chat)

    async def counts(self) -> Counts:
        return Counts(len(self._inboxes), len(self._matchmaker), len(self._chats))

    async def tick(self) -> None:
        """Run the fallbacks that are due now."""
        await self._announce(self._matchmaker.tick(self._clock.monotonic()))

    async def _announce(self, outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            if isinstance(outcome, Match):
                await self._pair(outcome)
            elif isinstance(outcome, Fallback):
                await self.deliver(outcome.user, FellBack(outcome.reason))

    async def _pair(self, match: Match) -> None:
        chat = secrets.token_hex(12)
        self._chats.add(chat)
        for observer in self._observers:
            observer(match, chat)
        await self.deliver(match.a, Matched(chat, match.b, match.common_interests))
        await self.deliver(match.b, Matched(chat, match.a, match.common_interests))
        # Announcing may yield; whoever disconnected meanwhile missed the match,
        # so the other side is told at once instead of chatting with nobody.
        for user, other in ((match.a, match.b), (match.b, match.a)):
            if user not in self._inboxes and other in self._inboxes:
                await self.deliver(other, PartnerLeft(chat))
                await self.end_chat(chat)
