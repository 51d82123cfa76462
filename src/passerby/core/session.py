"""One chatter's connection as a state machine: idle, waiting, chatting.

:class:`ChatSession` is fed frames from its client and events from the
broker, and answers with effects for the adapter to carry out, in order:
frames to send to its own client, events to deliver to the partner, and
requests to the matchmaker. It never touches a socket or the clock; ``now``
is passed in. It is the single place that decides what is allowed when, so
every out-of-order frame gets the same clear answer whichever transport
carried it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

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


# --- effects ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Send:
    """Send this frame to our own client."""

    frame: str


@dataclass(frozen=True, slots=True)
class Deliver:
    """Hand ``event`` to user ``to`` through the broker."""

    to: str
    event: PeerEvent


@dataclass(frozen=True, slots=True)
class Enqueue:
    ticket: Ticket


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
    reason: Literal["leave", "next", "disconnect"]


@dataclass(frozen=True, slots=True)
class Close:
    code: int
    reason: str


Effect = Send | Deliver | Enqueue | Dequeue | AskFallback | ChatOver | Close

WS_POLICY_VIOLATION = 1008


class ChatSession:
    def __init__(
        self,
        user: str,
        now: float,
        limits: SessionLimits | None = None,
        *,
        identity: str = "",
        section: str = DEFAULT_SECTION,
    ) -> None:
        self.user = user
        self.identity = identity
        self.section = section
        self.state = State.IDLE
        self.chat: str | None = None
        self.partner: str | None = None
        self.choice: p.Start | None = None
        limits = limits or SessionLimits()
        self._frames = TokenBucket(limits.frames, now)
        self._messages = TokenBucket(limits.messages, now)
        self._starts = TokenBucket(limits.starts, now)
        self._strikes = StrikeWindow(limits.flood_strikes, limits.flood_window, now)
        self.closed = False

    # --- from our client --------------------------------------------------

    def on_frame(self, frame: str, now: float) -> list[Effect]:
        if self.closed:
            return []
        try:
            self._limit(self._frames, now, None)
            message = p.parse(frame)
            return self._handle(message, now)
        except RateLimited as exc:
            if self._strikes.strike(now):
                return self._close(WS_POLICY_VIOLATION, "flooding")
            return [Send(p.error(exc.code, exc.message, exc.ref, exc.retry_after))]
        except ProtocolError as exc:
            return [Send(p.error(exc.code, exc.message, exc.ref))]

    def on_binary(self, now: float) -> list[Effect]:
        try:
            self._limit(self._frames, now, None)
        except RateLimited:
            if self._strikes.strike(now):
                return self._close(WS_POLICY_VIOLATION, "flooding")
        return [Send(p.BINARY_NOT_SUPPORTED)]

    def on_close(self) -> list[Effect]:
        """The connection is gone: leave the queue or the chat."""
        if self.closed:
            return []
        self.closed = True
        return self._end("disconnect", tell_self=False)

    def _handle(self, message: p.ClientMessage, now: float) -> list[Effect]:
        match message:
            case p.ChatText():
                return self._send_text(message, now)
            case p.Typing() | p.StoppedTyping():
                if self.state is not State.CHATTING:
                    raise _bad_state("You are not in a chat.", "typing")
                assert self.partner is not None and self.chat is not None
                typing = isinstance(message, p.Typing)
                return [Deliver(self.partner, TypingChanged(self.chat, typing))]
            case p.Start():
                if self.state is not State.IDLE:
                    raise _bad_state("You are already waiting or chatting.", "start")
                self._limit(self._starts, now, "start")
                self.choice = message
                return self._enqueue()
            case p.Next():
                if self.state is State.IDLE and self.choice is None:
                    raise _bad_state("Send 'start' first.", "next")
                self._limit(self._starts, now, "next")
                return self._end("next", tell_self=True) + self._enqueue()
            case p.Leave():
                if self.state is State.IDLE:
                    raise _bad_state("You are not waiting or chatting.", "leave")
                return self._end("leave", tell_self=True)
            case p.StopInterests():
                if self.state is not State.WAITING:
                    raise _bad_state("You are not waiting.", "stop_interests")
                return [AskFallback()]
            case p.Ping():
                return [Send(p.PONG)]

    def _send_text(self, message: p.ChatText, now: float) -> list[Effect]:
        if self.state is not State.CHATTING:
            return [Send(_undelivered(message.id, "not_chatting"))]
        self._limit(self._messages, now, "message")
        assert self.partner is not None and self.chat is not None
        return [Deliver(self.partner, Relay(self.chat, self.user, message.text, message.id))]

    # --- from the broker --------------------------------------------------

    def on_event(self, event: PeerEvent) -> list[Effect]:
        match event:
            case Relay():
                if self.state is State.CHATTING and event.chat == self.chat:
                    return [Send(p.chat_text(event.text))]
                return [Deliver(event.sender, Undelivered(event.chat, event.id))]
            case TypingChanged():
                if self.state is State.CHATTING and event.chat == self.chat:
                    return [Send(p.TYPING if event.typing else p.STOPPED_TYPING)]
                return []
            case Matched():
                if self.state is not State.WAITING or self.closed:
                    # We left before the match reached us: let the partner go.
                    return [Deliver(event.partner, PartnerLeft(event.chat))]
                self.state = State.CHATTING
                self.chat = event.chat
                self.partner = event.partner
                common = list(event.common_interests)
                return [Send(p.encode({"type": "connected", "common_interests": common}))]
            case PartnerLeft():
                if self.state is State.CHATTING and event.chat == self.chat:
                    self._reset()
                    return [Send(p.ENDED_BY_STRANGER)]
                return []
            case Undelivered():
                body: dict[str, object] = {"type": "undelivered", "reason": event.reason}
                if event.id is not None:
                    body["id"] = event.id
                return [Send(p.encode(body))]
            case FellBack():
                if self.state is not State.WAITING:
                    return []
                return [Send(p.encode({"type": "interests_fallback", "reason": event.reason}))]

    # --- internals --------------------------------------------------------

    def _enqueue(self) -> list[Effect]:
        assert self.choice is not None
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
        waiting = {"type": "waiting", "interests": list(choice.interests), "lang": choice.lang}
        return [Send(p.encode(waiting)), Enqueue(ticket)]

    def _end(
        self, reason: Literal["leave", "next", "disconnect"], *, tell_self: bool
    ) -> list[Effect]:
        if self.state is State.WAITING:
            self.state = State.IDLE
            effects: list[Effect] = [Dequeue()]
            if tell_self and reason == "leave":
                effects.append(Send(p.STOPPED))
            return effects
        if self.state is State.CHATTING:
            assert self.partner is not None and self.chat is not None
            effects = [
                Deliver(self.partner, PartnerLeft(self.chat)),
                ChatOver(self.chat, reason),
            ]
            if tell_self:
                effects.append(Send(p.ENDED_BY_YOU))
            self._reset()
            return effects
        return []

    def _reset(self) -> None:
        self.state = State.IDLE
        self.chat = None
        self.partner = None

    def _close(self, code: int, reason: str) -> list[Effect]:
        effects = self.on_close()
        return [*effects, Close(code, reason)]

    def _limit(self, bucket: TokenBucket, now: float, ref: str | None) -> None:
        wait = bucket.take(now)
        if wait:
            raise RateLimited(wait, ref=ref)


def _bad_state(message: str, ref: str) -> ProtocolError:
    return ProtocolError("bad_state", message, ref=ref)


def _undelivered(client_id: int | str | None, reason: str) -> str:
    body: dict[str, object] = {"type": "undelivered", "reason": reason}
    if client_id is not None:
        body["id"] = client_id
    return p.encode(body)
