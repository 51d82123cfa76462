"""The commands a client may give a chat session, typed, and the checks on them.

Every door (the WebSocket's JSON frames, the Omegle API's form fields)
builds its commands with the constructors here, so a message, a start or a
report is held to the same limits whichever door it came through; each door
parses only its own wire format. Nothing here trusts a field: every type,
length and value is checked, and anything wrong becomes a
:class:`~passerby.errors.ProtocolError` with a stable code
(``docs/protocol.md`` lists them). Server messages are in
:mod:`passerby.core.messages`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from passerby.core.interests import (
    DEFAULT_LANGUAGE,
    MAX_INTERESTS,
    InterestError,
    normalise_interests,
    normalise_language,
)
from passerby.errors import ProtocolError

MAX_MESSAGE_CHARS: Final = 2_000
MAX_CLIENT_ID_CHARS: Final = 64
_MAX_SAFE_INT: Final = 2**53


@dataclass(frozen=True, slots=True)
class Start:
    interests: tuple[str, ...] = ()
    lang: str = DEFAULT_LANGUAGE
    interests_only: bool = False


@dataclass(frozen=True, slots=True)
class ChatText:
    text: str
    id: int | str | None = None


@dataclass(frozen=True, slots=True)
class Typing:
    pass


@dataclass(frozen=True, slots=True)
class StoppedTyping:
    pass


@dataclass(frozen=True, slots=True)
class StopInterests:
    pass


@dataclass(frozen=True, slots=True)
class Leave:
    pass


@dataclass(frozen=True, slots=True)
class Next:
    pass


@dataclass(frozen=True, slots=True)
class Ping:
    pass


REPORT_REASONS: Final = frozenset(
    {"sexual", "minor_at_risk", "harassment", "hate", "spam", "other"}
)
MAX_COMMENT_CHARS: Final = 1_000
MAX_SOLUTION_CHARS: Final = 2_048


@dataclass(frozen=True, slots=True)
class Report:
    reason: str
    comment: str = ""
    chat: str | None = None  # "current", "last", or None for "the obvious one"


@dataclass(frozen=True, slots=True)
class Solve:
    payload: str


ClientMessage = (
    Start | ChatText | Typing | StoppedTyping | StopInterests | Leave | Next | Ping | Report | Solve
)

TYPING: Final = Typing()
STOPPED_TYPING: Final = StoppedTyping()
STOP_INTERESTS: Final = StopInterests()
LEAVE: Final = Leave()
NEXT: Final = Next()
PING: Final = Ping()


def chat_text(text: object, client_id: object = None) -> ChatText:
    """A chat message, checked.

    Raises:
        ProtocolError: ``bad_field`` or ``too_long``.
    """
    if not isinstance(text, str):
        raise ProtocolError("bad_field", "'text' must be a string.", ref="message")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ProtocolError(
            "too_long", f"A message may be at most {MAX_MESSAGE_CHARS} characters.", ref="message"
        )
    if not text.strip():
        raise ProtocolError("bad_field", "'text' must not be empty.", ref="message")
    if client_id is not None:
        if isinstance(client_id, bool) or not isinstance(client_id, int | str):
            raise ProtocolError("bad_field", "'id' must be an integer or a string.", ref="message")
        if isinstance(client_id, int) and not 0 <= client_id <= _MAX_SAFE_INT:
            raise ProtocolError("bad_field", "'id' is out of range.", ref="message")
        if isinstance(client_id, str) and len(client_id) > MAX_CLIENT_ID_CHARS:
            raise ProtocolError("bad_field", "'id' is too long.", ref="message")
    return ChatText(text, client_id)


def start(
    raw_interests: object = (), lang: object = DEFAULT_LANGUAGE, only: object = False
) -> Start:
    """A start, with its interests and language normalised.

    Raises:
        ProtocolError: ``bad_field``.
    """
    if not isinstance(raw_interests, list | tuple) or not all(
        isinstance(t, str) for t in raw_interests
    ):
        raise ProtocolError("bad_field", "'interests' must be a list of strings.", ref="start")
    if len(raw_interests) > MAX_INTERESTS * 4:  # before normalising: do not even look
        raise ProtocolError("bad_field", f"At most {MAX_INTERESTS} interests.", ref="start")
    if not isinstance(lang, str):
        raise ProtocolError("bad_field", "'lang' must be a string.", ref="start")
    if not isinstance(only, bool):
        raise ProtocolError("bad_field", "'interests_only' must be true or false.", ref="start")
    try:
        interests = normalise_interests(list(raw_interests))
        language = normalise_language(lang)
    except InterestError as exc:
        raise ProtocolError("bad_field", str(exc).capitalize() + ".", ref="start") from None
    if only and not interests:
        raise ProtocolError(
            "bad_field", "'interests_only' needs at least one interest.", ref="start"
        )
    return Start(interests, language, only)


def report(reason: object, comment: object = "", chat: object = None) -> Report:
    """A report, checked.

    Raises:
        ProtocolError: ``bad_field`` or ``too_long``.
    """
    if not isinstance(reason, str) or reason not in REPORT_REASONS:
        choices = ", ".join(sorted(REPORT_REASONS))
        raise ProtocolError("bad_field", f"'reason' must be one of {choices}.", ref="report")
    if not isinstance(comment, str):
        raise ProtocolError("bad_field", "'comment' must be a string.", ref="report")
    if len(comment) > MAX_COMMENT_CHARS:
        raise ProtocolError(
            "too_long", f"A comment may be at most {MAX_COMMENT_CHARS} characters.", ref="report"
        )
    if chat not in (None, "current", "last"):
        raise ProtocolError("bad_field", "'chat' must be 'current' or 'last'.", ref="report")
    return Report(reason, comment.strip(), chat if isinstance(chat, str) else None)


def solve(payload: object) -> Solve:
    """A solution to a challenge, checked (its content is checked by the challenge service).

    Raises:
        ProtocolError: ``bad_field``.
    """
    if not isinstance(payload, str) or not 0 < len(payload) <= MAX_SOLUTION_CHARS:
        raise ProtocolError("bad_field", "'payload' must be a non-empty string.", ref="solve")
    return Solve(payload)
