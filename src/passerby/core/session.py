"""One chatter's connection as a state machine: idle, waiting, chatting.

:class:`ChatSession` is fed frames from its client and events from the
broker, and answers with effects for the adapter to carry out, in order:
frames to send to its own client, events to deliver to the partner, and
requests to the matchmaker and the safety services. It never touches a
socket or the clock; time is passed in. It is the single place that decides
what is allowed when, so every out-of-order frame gets the same clear answer
whichever transport carried it.

It speaks in typed values only: commands in (:mod:`passerby.core.protocol`),
server messages out (:mod:`passerby.core.messages`); each door parses and
encodes its own wire format.

Every outgoing chat message passes the session's moderator (when it has
one) before delivery: it may be delivered, masked or held, and the rules may
warn, end the chat or ask the adapter for sanctions (:class:`Moderated`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from passerby.core import messages as m
from passerby.core import protocol as p
from passerby.core.events import (
    FellBack,
    Matched,
    PartnerLeft,
    PeerEvent,
    Relay,
    TypingChanged,
    Undelivered,
)
from passerby.core.matchmaker import DEFAULT_SECTION, Ticket
from passerby.core.ratelimit import Rate, StrikeWindow, TokenBucket
from passerby.core.signals import SIGNAL_NAMES, Signal
from passerby.core.transcript import ChatRecord
from passerby.core.verdict import ALLOW, Verdict
from passerby.errors import ProtocolError, RateLimited


class State(enum.Enum):
    IDLE = "idle"
    WAITING = "waiting"
    CHATTING = "chatting"


@dataclass(frozen=True, slots=True)
class SessionLimits:
    frames: Rate = Rate(20, 40)
    messages: Rate = Rate(5, 10)
    starts: Rate = Rate(2, 6)
    # A client refused this many times inside flood_window seconds is closed.
    flood_strikes: int = 100
    flood_window: float = 10.0


class Moderator(Protocol):
    """What the session needs of :class:`~passerby.safety.moderation.ChatModerator`."""

    def new_chat(self) -> None: ...

    def incoming(self, signals: Sequence[Signal]) -> Verdict | None: ...

    def outgoing(
        self,
        text: str,
        now: float,
        wall: float,
        heard: int = 0,
        heard_lines: Callable[[int], Sequence[str]] | None = None,
    ) -> Verdict: ...


# --- effects ---------------------------------------------------------------
# Effects are never changed once made. The two every message makes, Send and
# Deliver, are not declared frozen: a frozen dataclass is slower to build.


@dataclass(slots=True)
class Send:
    """Tell our own client this."""

    message: m.ServerMessage


@dataclass(slots=True)
class Deliver:
    """Hand ``event`` to user ``to`` through the broker."""

    to: str
    event: PeerEvent


@dataclass(frozen=True, slots=True)
class Enqueue:
    """Join the queue, telling the client ``waiting`` first.

    The adapter may still refuse (a ban, a device over its start rate); it
    then calls :meth:`ChatSession.abort_start` instead.
    """

    ticket: Ticket
    waiting: m.Waiting
    ref: str = "start"  # the command that asked: a refusal's error names it


@dataclass(frozen=True, slots=True)
class Dequeue:
    pass


@dataclass(frozen=True, slots=True)
class AskFallback:
    pass


@dataclass(frozen=True, slots=True)
class ChatOver:
    """A chat this session was in has ended (for records and metrics)."""

    chat: str
    reason: Literal["leave", "next", "disconnect", "moderation"]


@dataclass(frozen=True, slots=True)
class Pong:
    """Answer the client's ping (a WebSocket control frame) with ``payload``."""

    payload: bytes


@dataclass(frozen=True, slots=True)
class Close:
    """End the connection, for this reason (each door says it its own way)."""

    reason: m.Closing


@dataclass(frozen=True, slots=True)
class Moderated:
    """The rules asked for more than delivery: strikes, sanctions or a case.

    ``record`` is the chat the message belonged to, for the evidence.
    """

    verdict: Verdict
    record: ChatRecord


@dataclass(frozen=True, slots=True)
class FileReport:
    reason: str
    comment: str
    record: ChatRecord


@dataclass(frozen=True, slots=True)
class CheckSolution:
    payload: str


Effect = (
    Send
    | Deliver
    | Enqueue
    | Dequeue
    | AskFallback
    | ChatOver
    | Close
    | Pong
    | Moderated
    | FileReport
    | CheckSolution
)

_TRIVIAL = frozenset({"allow", "mask", "hold", "warn", "end_chat"})


class ChatSession:
    __slots__ = (
        "_frames",
        "_make_moderator",
        "_messages",
        "_moderator",
        "_starts",
        "_strikes",
        "challenge_pending",
        "choice",
        "closed",
        "current",
        "identity",
        "last",
        "section",
        "state",
        "user",
    )

    def __init__(
        self,
        user: str,
        now: float,
        limits: SessionLimits | None = None,
        *,
        identity: str = "",
        section: str | None = DEFAULT_SECTION,
        moderator: Moderator | Callable[[], Moderator] | None = None,
    ) -> None:
        self.user = user
        self.identity = identity
        # None: this device has not declared an age band yet.
        self.section = section
        # A moderator, or a function that makes one when the first message
        # needs it (an idle connection never pays for one).
        self._moderator: Moderator | None = None
        self._make_moderator: Callable[[], Moderator] | None = None
        if callable(moderator):
            self._make_moderator = moderator
        else:
            self._moderator = moderator
        self.state = State.IDLE
        self.current: ChatRecord | None = None
        self.last: ChatRecord | None = None
        self.choice: p.Start | None = None
        self.challenge_pending = False
        limits = limits or SessionLimits()
        self._frames = TokenBucket(limits.frames, now)
        self._messages = TokenBucket(limits.messages, now)
        self._starts = TokenBucket(limits.starts, now)
        self._strikes = StrikeWindow(limits.flood_strikes, limits.flood_window, now)
        self.closed = False

    @property
    def moderator(self) -> Moderator | None:
        if self._moderator is None and self._make_moderator is not None:
            self._moderator = self._make_moderator()
        return self._moderator

    @property
    def chat(self) -> str | None:
        return self.current.chat if self.current else None

    @property
    def partner(self) -> str | None:
        return self.current.partner if self.current else None

    # --- from our client --------------------------------------------------

    def on_command(
        self, command: p.ClientMessage | ProtocolError, now: float, wall: float = 0.0
    ) -> list[Effect]:
        """One command from our client, or the error its door found in it
        (malformed, oversized): either way it counts towards the frame limit."""
        if self.closed:
            return []
        try:
            self._limit(self._frames, now, None)
            if isinstance(command, ProtocolError):
                raise command
            return self._handle(command, now, wall)
        except RateLimited as exc:
            if self._strikes.strike(now):
                return self._close(m.Closing.FLOODING)
            return [Send(m.Error(exc.code, exc.message, exc.ref, round(exc.retry_after, 3)))]
        except ProtocolError as exc:
            return [Send(m.Error(exc.code, exc.message, exc.ref))]

    def on_ping(self, payload: bytes, now: float) -> list[Effect]:
        """A control ping: it counts towards the frame limit like any frame.

        Within the limit it is answered; over it, it is not (a flood of pings
        must not become a flood of pongs the client never reads), and
        persistent flooding closes the connection as for any frame.
        """
        if self.closed:
            return []
        if self._frames.take(now):
            return self._close(m.Closing.FLOODING) if self._strikes.strike(now) else []
        return [Pong(payload)]

    def on_pong(self, now: float) -> list[Effect]:
        """A control pong: counted as a frame; it needs no answer."""
        if self.closed or not self._frames.take(now):
            return []
        return self._close(m.Closing.FLOODING) if self._strikes.strike(now) else []

    def on_close(self, wall: float = 0.0) -> list[Effect]:
        """The connection is gone: leave the queue or the chat."""
        if self.closed:
            return []
        self.closed = True
        return self._end("disconnect", wall, tell_self=False)

    def _handle(self, message: p.ClientMessage, now: float, wall: float) -> list[Effect]:
        match message:
            case p.ChatText():
                return self._send_text(message, now, wall)
            case p.Typing() | p.StoppedTyping():
                if self.current is None:
                    raise _bad_state("You are not in a chat.", "typing")
                typing = isinstance(message, p.Typing)
                return [Deliver(self.current.partner, TypingChanged(self.current.chat, typing))]
            case p.Start():
                if self.state is not State.IDLE:
                    raise _bad_state("You are already waiting or chatting.", "start")
                self._may_start("start")
                self._limit(self._starts, now, "start")
                self.choice = message
                return self._enqueue()
            case p.Next():
                if self.state is State.IDLE and self.choice is None:
                    raise _bad_state("Send 'start' first.", "next")
                self._may_start("next")
                self._limit(self._starts, now, "next")
                return self._end("next", wall, tell_self=True) + self._enqueue("next")
            case p.Leave():
                if self.state is State.IDLE:
                    raise _bad_state("You are not waiting or chatting.", "leave")
                return self._end("leave", wall, tell_self=True)
            case p.StopInterests():
                if self.state is not State.WAITING:
                    raise _bad_state("You are not waiting.", "stop_interests")
                return [AskFallback()]
            case p.Ping():
                return [Send(m.PONG)]
            case p.Report():
                return self._report(message, wall)
            case p.Solve():
                if not self.challenge_pending:
                    raise _bad_state("There is no challenge to solve.", "solve")
                return [CheckSolution(message.payload)]

    def _may_start(self, ref: str) -> None:
        if self.section is None:
            raise ProtocolError(
                "entry_required", "Choose your age band and accept the rules first.", ref=ref
            )
        if self.challenge_pending:
            raise ProtocolError("challenge_required", "Solve the challenge first.", ref=ref)

    def _send_text(self, message: p.ChatText, now: float, wall: float) -> list[Effect]:
        record = self.current
        if record is None:
            return [Send(m.Undelivered("not_chatting", message.id))]
        self._limit(self._messages, now, "message")
        if self.moderator is None:
            record.add_line(wall, "me", message.text)
            return [
                Deliver(record.partner, Relay(record.chat, self.user, message.text, message.id))
            ]
        verdict = self.moderator.outgoing(message.text, now, wall, record.heard, record.heard_lines)
        return self._apply(verdict, message, record, wall)

    def _apply(
        self, verdict: Verdict, message: p.ChatText, record: ChatRecord, wall: float
    ) -> list[Effect]:
        outcome = verdict.outcome
        signals = verdict.signals
        if signals:
            marks = tuple((s.name, round(s.score, 3)) for s in signals)
            details = tuple(s.detail for s in signals)
        else:  # most messages
            marks = details = ()
        if outcome is ALLOW:  # most messages: delivered as they are, nothing else to do
            record.add_line(wall, "me", message.text, True, marks)
            relay = Relay(record.chat, self.user, verdict.text, message.id, marks, details)
            return [Deliver(record.partner, relay)]
        record.add_line(wall, "me", message.text, verdict.delivered, marks)
        record.add_actions(wall, outcome.decisions)
        effects: list[Effect] = []
        if outcome.delivery == "hold":
            held = outcome.first("hold")
            code = held.rule if held else "held"
            reason = (held.message if held else "") or "This message was not sent."
            effects.append(Send(m.Held(code, reason, message.id)))
        else:
            relay = Relay(record.chat, self.user, verdict.text, message.id, marks, details)
            effects.append(Deliver(record.partner, relay))
            if outcome.delivery == "mask":
                effects.append(Send(m.Masked(verdict.text, message.id)))
        warning = outcome.first("warn")
        if warning is not None and outcome.delivery != "hold":
            # A held message gets one notice, `held`, which says why; the
            # warning is still recorded (and counts) as an action.
            effects.append(Send(m.Warning(warning.rule, warning.message)))
        # Ending the chat comes first: the partner must be released even if a
        # sanction that needs the database fails afterwards.
        if outcome.has("end_chat"):
            effects.extend(self._end("moderation", wall, tell_self=True))
        if any(d.action not in _TRIVIAL for d in outcome.decisions) or outcome.strikes:
            effects.append(Moderated(verdict, record))
        return effects

    def _report(self, message: p.Report, wall: float) -> list[Effect]:
        if message.chat == "last":
            record = self.last
        elif message.chat == "current":
            record = self.current
        else:
            record = self.current or self.last
        if record is None or not record.reportable(wall):
            raise ProtocolError("nothing_to_report", "There is no chat to report.", ref="report")
        return [FileReport(message.reason, message.comment, record)]

    # --- from the adapter -------------------------------------------------

    def forget_old(self, wall: float) -> None:
        """Drop the last chat's transcript once it can no longer be reported."""
        if self.last is not None and not self.last.reportable(wall):
            self.last = None

    def abort_start(self) -> None:
        """The adapter refused an :class:`Enqueue`: back to idle."""
        if self.state is State.WAITING:
            self.state = State.IDLE

    def require_challenge(self) -> None:
        self.challenge_pending = True

    def challenge_result(self, ok: bool) -> list[Effect]:
        if not ok:
            return [Send(m.Error("bad_solution", "That solution is not right.", "solve"))]
        self.challenge_pending = False
        return [Send(m.CHALLENGE_PASSED)]

    # --- from the broker --------------------------------------------------

    def on_event(self, event: PeerEvent, wall: float = 0.0, reachable: bool = True) -> list[Effect]:
        """Handle one event from the broker.

        ``reachable`` is False once the adapter knows our client can no longer
        be written to (its connection is closing, and :meth:`on_close` has not
        run yet): a message relayed then goes back to its sender as
        undelivered instead of being lost.
        """
        record = self.current
        match event:
            case Relay():
                if reachable and record is not None and event.chat == record.chat:
                    record.add_line(wall, "them", event.text, True, event.signals)
                    record.heard += 1
                    if event.signals:
                        moderator = self.moderator
                        if moderator is not None:
                            verdict = moderator.incoming(_received(event))
                            if verdict is not None:
                                # about us: the stranger protested at our words
                                record.add_actions(wall, verdict.outcome.decisions)
                                return [Send(m.Message(event.text)), Moderated(verdict, record)]
                    return [Send(m.Message(event.text))]
                return [Deliver(event.sender, Undelivered(event.chat, event.id))]
            case TypingChanged():
                if record is not None and event.chat == record.chat:
                    return [Send(m.TYPING if event.typing else m.STOPPED_TYPING)]
                return []
            case Matched():
                if self.state is not State.WAITING or self.closed:
                    # We left before the match reached us: let the partner go.
                    return [
                        Deliver(event.partner, PartnerLeft(event.chat)),
                        ChatOver(event.chat, "disconnect"),
                    ]
                self.state = State.CHATTING
                self.current = ChatRecord(event.chat, event.partner, self.section or "", wall)
                if self._moderator is not None:  # not made yet: nothing to reset
                    self._moderator.new_chat()
                return [Send(m.Connected(event.common_interests))]
            case PartnerLeft():
                if record is not None and event.chat == record.chat:
                    self._finish(wall)
                    return [Send(m.ENDED_BY_STRANGER)]
                return []
            case Undelivered():
                return [Send(m.Undelivered(event.reason, event.id))]
            case FellBack():
                if self.state is not State.WAITING:
                    return []
                return [Send(m.FellBack(event.reason))]

    # --- internals --------------------------------------------------------

    def _enqueue(self, ref: str = "start") -> list[Effect]:
        assert self.choice is not None and self.section is not None
        choice = self.choice
        self.state = State.WAITING
        ticket = Ticket(
            user=self.user,
            interests=choice.interests,
            lang=choice.lang,
            interests_only=choice.interests_only,
            section=self.section,
            identity=self.identity,
        )
        waiting = m.Waiting(choice.interests, choice.lang, self.section.split("/", 1)[0])
        return [Enqueue(ticket, waiting, ref)]

    def _end(
        self,
        reason: Literal["leave", "next", "disconnect", "moderation"],
        wall: float,
        *,
        tell_self: bool,
    ) -> list[Effect]:
        if self.state is State.WAITING:
            self.state = State.IDLE
            effects: list[Effect] = [Dequeue()]
            if tell_self and reason == "leave":
                effects.append(Send(m.STOPPED))
            return effects
        record = self.current
        if record is not None:
            effects = [
                Deliver(record.partner, PartnerLeft(record.chat)),
                ChatOver(record.chat, reason),
            ]
            if tell_self:
                effects.append(
                    Send(m.ENDED_BY_SYSTEM if reason == "moderation" else m.ENDED_BY_YOU)
                )
            self._finish(wall)
            return effects
        return []

    def _finish(self, wall: float) -> None:
        if self.current is not None:
            self.current.ended_at = wall
            self.last = self.current
        self.current = None
        self.state = State.IDLE

    def _close(self, reason: m.Closing) -> list[Effect]:
        effects = self.on_close()
        return [*effects, Close(reason)]

    def _limit(self, bucket: TokenBucket, now: float, ref: str | None) -> None:
        wait = bucket.take(now)
        if wait:
            raise RateLimited(wait, ref=ref)


def _bad_state(message: str, ref: str) -> ProtocolError:
    return ProtocolError("bad_state", message, ref=ref)


def _received(event: Relay) -> list[Signal]:
    """The signals relayed with a message, with their details when the
    sending node sent them (an older node, or a broker that drops them,
    sends the pairs alone)."""
    details = event.details if len(event.details) == len(event.signals) else ()
    if not details:
        details = ("",) * len(event.signals)
    # A newer node may relay a signal this one does not know yet (a rolling
    # upgrade): it is left out, not an error that would lose the line.
    return [
        Signal(name, score, detail)
        for (name, score), detail in zip(event.signals, details, strict=True)
        if name in SIGNAL_NAMES and 0.0 <= score <= 1.0
    ]
