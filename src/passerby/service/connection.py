"""One chatter's connection, whichever door it came through.

:class:`ChatConnection` holds a :class:`~passerby.core.session.ChatSession`
and carries out its effects: it talks to the broker, the safety services
(sanctions, reports, challenges) and, through its :class:`Door`, to its
client. A door (the WebSocket, the Omegle API) only moves bytes: it turns
its wire format into commands for :meth:`ChatService.command
<passerby.service.chat.ChatService.command>` and the typed messages it is
handed into its wire format. Nothing here knows a wire format, a socket or
a close code, and nothing here logs message text or addresses.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from passerby.cluster.broker import PeerInfo
from passerby.core import messages as m
from passerby.core.events import Matched, PeerEvent, Relay
from passerby.core.matchmaker import block_key
from passerby.core.ratelimit import WorkBudget
from passerby.core.session import (
    AskFallback,
    ChatOver,
    ChatSession,
    CheckSolution,
    Close,
    Deliver,
    Dequeue,
    Effect,
    Enqueue,
    FileReport,
    Moderated,
    Pong,
    Send,
)
from passerby.core.signals import Signal
from passerby.safety.bans import Ban
from passerby.safety.iphash import network_of
from passerby.safety.moderation import ChatModerator
from passerby.safety.reports import EvidenceNotSaved

if TYPE_CHECKING:
    from passerby.service.chat import ChatService

log = logging.getLogger(__name__)

LOW_TRUST_SUFFIX = "/low"
# Starts a solved challenge buys past the address's start limit.
STARTS_PER_SOLVE = 5
# Event-loop time a connection may use: 5% of a core, half a second at once.
# A person's messages cost tens of microseconds each; only a sender of
# messages that are costly to check ever meets this.
WORK_SHARE = 0.05
WORK_BURST = 0.5


class Door(Protocol):
    """What a transport gives one connection: a way to its client."""

    def emit(self, message: m.ServerMessage) -> None:
        """Queue ``message`` for the client; never blocks."""

    def pong(self, payload: bytes) -> None:
        """Answer a transport-level ping (a door without them ignores this)."""

    def writable(self) -> bool:
        """False once the connection is closing: nothing more reaches the client."""

    async def close(self, reason: m.Closing) -> None:
        """Send what is queued, then end the connection for ``reason``."""


class ChatConnection:
    """One client's connection; the broker's inbox for its user."""

    __slots__ = (
        "__weakref__",
        "_broker",
        "_service",
        "door",
        "info",
        "network",
        "partners",
        "passes",
        "reported",
        "session",
        "work",
    )

    def __init__(
        self, door: Door, session: ChatSession, info: PeerInfo, service: ChatService
    ) -> None:
        self.door = door
        self.session = session
        self.info = info
        self._service = service
        self._broker = service.broker
        # The other side of the current and the previous chat, for evidence.
        self.partners: dict[str, PeerInfo] = {}
        self.reported: dict[str, str] = {}  # chat -> report id
        self.network = network_of(info.address) if info.address else ""
        self.passes = 0
        self.work = WorkBudget(WORK_SHARE, WORK_BURST, service.clock.monotonic())

    async def deliver(self, event: PeerEvent) -> None:
        service = self._service
        door = self.door
        # A connection that is closing takes no more: a message for it goes
        # back to its sender rather than vanish.
        effects = self.session.on_event(event, service.clock.wall(), door.writable())
        if type(event) is Relay:
            if effects and type(first := effects[0]) is Send:
                service.metrics.messages_relayed.inc()
                if len(effects) == 1:  # the line itself, to a door found writable just now
                    door.emit(first.message)
                    return
        elif type(event) is Matched and self.session.chat == event.chat:
            await self._remember_partner(event.chat, event.partner)
        await self.run(effects)

    async def _remember_partner(self, chat: str, partner: str) -> None:
        info = await self._broker.whois(partner)
        if info is not None:
            last = self.session.last.chat if self.session.last else None
            self.partners = {k: v for k, v in self.partners.items() if k == last}
            self.partners[chat] = info

    async def run(self, effects: list[Effect]) -> None:
        broker = self._broker
        user = self.session.user
        for effect in effects:
            match effect:
                case Send(message):
                    self.send(message)
                case Deliver(to, event):
                    await broker.deliver(to, event)
                case Enqueue(ticket, waiting, ref):
                    if await self._may_enqueue(ref):
                        self.send(waiting)
                        # Two sessions from one address meet only when
                        # nobody else can be found (core.matchmaker).
                        await broker.enqueue(replace(ticket, network=self.network))
                case Dequeue():
                    await broker.dequeue(user)
                case AskFallback():
                    await broker.stop_interests(user)
                case ChatOver(chat, reason):
                    await broker.end_chat(chat)
                    self._service.recorder.ended(chat, reason)
                case Close(reason):
                    await self.close(reason)
                case Pong(payload):
                    if self.door.writable():
                        self.door.pong(payload)
                case Moderated():
                    try:
                        await self._sanction(effect)
                    except Exception:  # the chat has already ended; keep serving
                        log.exception("could not carry out a moderation decision")
                case FileReport():
                    await self._report(effect)
                case CheckSolution(payload):
                    service = self._service
                    ok = await service.safety.challenges.verify(payload)
                    if ok:
                        await service.challenge_solved(self.info.device, self.network)
                        self.passes = STARTS_PER_SOLVE
                    await self.run(self.session.challenge_result(ok))

    def forget_old(self, wall: float) -> None:
        session = self.session
        session.forget_old(wall)
        if not self.partners and not self.reported:
            return  # most connections, most of the time
        keep = {r.chat for r in (session.current, session.last) if r is not None}
        self.partners = {chat: info for chat, info in self.partners.items() if chat in keep}
        self.reported = {chat: rid for chat, rid in self.reported.items() if chat in keep}

    async def _may_enqueue(self, ref: str) -> bool:
        """Bans hold at every start; a device or an address starting too fast
        must prove it is a person."""
        service = self._service
        ban = await service.ban_for(self.info)
        if ban is not None:
            self.session.abort_start()
            await self.banned(ban)
            return False
        device = self.info.device
        too_many = bool(device) and bool(await service.device_starts.take(device))
        if not too_many and self.network and await service.address_starts.take(self.network):
            # The address as a whole starts too fast: each start past its
            # limit costs a challenge (a solve buys a few).
            if self.passes > 0:
                self.passes -= 1
            else:
                too_many = True
        if too_many:
            self.session.abort_start()
            await self.challenge()
            self.send(
                m.Error("challenge_required", "Too many new chats: solve the challenge first.", ref)
            )
            return False
        return True

    async def _sanction(self, effect: Moderated) -> None:
        safety = self._service.safety
        them = self.partners.get(effect.record.chat)
        sanctions = await safety.actions.apply(effect.verdict, effect.record, self.info, them)
        if sanctions.low_trust and self.session.section:
            base = self.session.section.split("/", 1)[0]
            self.session.section = base + LOW_TRUST_SUFFIX
        if sanctions.challenge is not None:
            await self.challenge(sanctions.challenge)
        if sanctions.ban is not None:
            await self.banned(sanctions.ban)

    async def _report(self, effect: FileReport) -> None:
        service = self._service
        record = effect.record
        earlier = self.reported.get(record.chat)
        if earlier is not None:  # one chat, one report: the same answer again
            self.send(m.ReportReceived(earlier))
            return
        key = self.info.device or self.info.address
        wait = await service.report_limit.take(key)
        if wait:
            self.send(
                m.Error("rate_limited", "Too many reports; try later.", "report", round(wait, 3))
            )
            return
        them = self.partners.get(record.chat)
        try:
            report_id = await service.safety.reports.report(
                reason=effect.reason,
                comment=effect.comment,
                record=record,
                reporter=self.info,
                reported=them,
            )
        except EvidenceNotSaved:
            self.send(m.REPORT_NOT_SAVED)
            return
        self.reported[record.chat] = report_id
        if them is not None:
            # The two are not paired again: by device, or by address for
            # one without (an Omegle API client with no cookie).
            mine = block_key(self.info.device, self.network)
            theirs = block_key(them.device, network_of(them.address) if them.address else "")
            if mine and theirs and mine != theirs:
                await self._broker.block(mine, theirs)
        self.send(m.ReportReceived(report_id))

    def semantic_chat(self) -> str | None:
        """The chat a message sent now belongs to (for the semantic tier)."""
        current = self.session.current
        return current.chat if current is not None else None

    async def semantic(self, chat: str, signal: Signal) -> bool:
        """The semantic tier's signal about our messages in ``chat`` (this
        chat or the last one): the rules may open a review case, with the
        chat's transcript as its evidence, through the same path as any
        rule's (:class:`Moderated`). True when they did."""
        session = self.session
        record = session.current
        current = record is not None and record.chat == chat
        if not current:
            record = session.last
        moderator = session.moderator
        if record is None or record.chat != chat or not isinstance(moderator, ChatModerator):
            return False  # the transcript is gone: nothing to show a reviewer
        wall = self._service.clock.wall()
        verdict = moderator.semantic(signal, current, wall)
        if verdict is None:
            return False
        record.add_actions(wall, verdict.outcome.decisions)
        await self.run([Moderated(verdict, record)])
        return True

    async def challenge(self, challenge: dict[str, object] | None = None) -> None:
        """Ask for proof of work; it holds for the device, across reconnects.
        (A connection that starts with one pending owed it already.)"""
        service = self._service
        if not self.session.challenge_pending:
            await service.challenge_needed(self.info.device)
        self.session.require_challenge()
        if challenge is None:
            challenge = await service.safety.difficulty.issue(self.info.device, self.network)
        self.send(m.Challenge(challenge))

    async def banned(self, ban: Ban) -> None:
        if self.session.closed:  # told already (a ban notice may arrive twice)
            return
        self.send(m.Banned(ban.as_json()))
        await self.run(self.session.on_close(self._service.clock.wall()))
        await self.close(m.Closing.BANNED)

    async def section_changed(self, wall: float) -> None:
        """The device's age band moved it to another section: this connection
        may no longer wait or chat where it is. Say so, leave the queue or
        the chat, and close; the client reconnects into its new section."""
        if self.session.closed:
            return
        self.send(m.SECTION_CHANGED)
        await self.run(self.session.on_close(wall))
        await self.close(m.Closing.SECTION_CHANGED)

    def send(self, message: m.ServerMessage) -> None:
        """Tell our client ``message`` (it leaves at the door's next write)."""
        if type(message) is m.Error:
            self._service.metrics.protocol_errors.inc()
        if self.door.writable():
            self.door.emit(message)

    async def close(self, reason: m.Closing) -> None:
        if reason is m.Closing.FLOODING:
            self._service.flooded(self.network)
        await self.door.close(reason)
