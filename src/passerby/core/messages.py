"""What the server tells a client, as typed values: no wire format here.

A session (:mod:`passerby.core.session`) and the chat service answer with
these; each door encodes them in its own wire format, in one place: protocol
version 1 as JSON over the WebSocket (:mod:`passerby.transport.v1`), the
classic Omegle event arrays over HTTP long polling
(:mod:`passerby.transport.omegle`). A message never carries another user's
address, identity or location: the stranger is only ever "the stranger".

:class:`Closing` says why the server ends a connection; each door turns it
into its own signal (a WebSocket close code, an Omegle event).

Nobody changes a message once it is made. :class:`Message`, sent for every
chat line, is not declared frozen only because a frozen dataclass is slower
to build.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal


@dataclass(frozen=True, slots=True)
class Welcome:
    """Sent once, first: the server's version and how many are online."""

    server: str
    online: int


@dataclass(frozen=True, slots=True)
class Waiting:
    """You are in the queue."""

    interests: tuple[str, ...]
    lang: str
    section: str


@dataclass(frozen=True, slots=True)
class Connected:
    """You are chatting with a stranger (sharing these interests, if any)."""

    common_interests: tuple[str, ...]


@dataclass(slots=True)
class Message:
    """The stranger said this."""

    text: str


@dataclass(frozen=True, slots=True)
class Typing:
    """The stranger is typing."""


@dataclass(frozen=True, slots=True)
class StoppedTyping:
    """The stranger stopped typing."""


@dataclass(frozen=True, slots=True)
class FellBack:
    """Nobody shares your interests yet: random strangers are now offered too."""

    reason: Literal["timeout", "asked"]


@dataclass(frozen=True, slots=True)
class ChatEnded:
    """The chat is over: ended by you, by the stranger, or by the rules."""

    by: Literal["you", "stranger", "system"]
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Stopped:
    """You stopped waiting."""


@dataclass(frozen=True, slots=True)
class Undelivered:
    """Your message (with your ``id``, if it had one) did not reach the stranger."""

    reason: Literal["partner_gone", "not_chatting"]
    id: int | str | None = None


@dataclass(frozen=True, slots=True)
class Pong:
    """The answer to a ``ping`` command."""


@dataclass(frozen=True, slots=True)
class Error:
    """A command was refused; the connection stays open.

    ``code`` is stable (``docs/protocol.md`` lists them), ``message`` is for
    people, ``ref`` names the command that caused it, when known.
    """

    code: str
    message: str
    ref: str | None = None
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class Held:
    """Your message was not delivered because of the rules."""

    code: str
    reason: str
    id: int | str | None = None


@dataclass(frozen=True, slots=True)
class Masked:
    """Your message was delivered with parts hidden; ``text`` is what the stranger saw."""

    text: str
    id: int | str | None = None


@dataclass(frozen=True, slots=True)
class Warning:
    """A warning about your behaviour."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Banned:
    """This device or address is banned (``ban``: id, reason, expiry, appeal)."""

    ban: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Challenge:
    """Solve this proof-of-work challenge before the next start."""

    challenge: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ChallengePassed:
    """The solution was accepted."""


@dataclass(frozen=True, slots=True)
class ReportReceived:
    """Your report is stored."""

    report: str


ServerMessage = (
    Welcome
    | Waiting
    | Connected
    | Message
    | Typing
    | StoppedTyping
    | FellBack
    | ChatEnded
    | Stopped
    | Undelivered
    | Pong
    | Error
    | Held
    | Masked
    | Warning
    | Banned
    | Challenge
    | ChallengePassed
    | ReportReceived
)

TYPING: Final = Typing()
STOPPED_TYPING: Final = StoppedTyping()
STOPPED: Final = Stopped()
PONG: Final = Pong()
CHALLENGE_PASSED: Final = ChallengePassed()
ENDED_BY_YOU: Final = ChatEnded("you")
ENDED_BY_STRANGER: Final = ChatEnded("stranger")
ENDED_BY_SYSTEM: Final = ChatEnded("system", "moderation")
INTERNAL: Final = Error("internal", "The server could not handle that.")
REPORT_NOT_SAVED: Final = Error(
    "report_not_saved", "Your report could not be saved. Please try again.", "report"
)
SECTION_CHANGED: Final = Error(
    "section_changed",
    "Your age band changed, so you now chat in another section. Start again.",
)


class Closing(enum.Enum):
    """Why the server ends a connection; each door says it its own way."""

    FLOODING = "flooding"  # refused for rate too often
    BANNED = "banned"  # after Banned
    SECTION_CHANGED = "section changed"  # after SECTION_CHANGED
    INTERNAL = "internal"  # the server failed to set the connection up
    SHUTDOWN = "server shutting down"
