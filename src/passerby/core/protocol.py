"""Protocol version 1: every frame a client may send, parsed and checked here.

This module is the only place that turns client text into typed messages and
typed server messages into text. ``docs/protocol.md`` documents the same
contract for client authors; keep the two in step. It never trusts a field:
every type, length and value is checked, and anything wrong becomes a
:class:`~passerby.errors.ProtocolError` with a stable code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import orjson

from passerby.core.interests import (
    DEFAULT_LANGUAGE,
    MAX_INTEREST_CHARS,
    MAX_INTERESTS,
    InterestError,
    normalise_interests,
    normalise_language,
)
from passerby.errors import ProtocolError

PROTOCOL_VERSION: Final = 1
SUBPROTOCOL: Final = "passerby.v1"
MAX_MESSAGE_CHARS: Final = 2_000
MAX_FRAME_BYTES: Final = 16 * 1024
# aiohttp refuses frames above this outright (close 1009); between the soft
# and the hard limit we read the frame, answer ``frame_too_large`` and go on.
HARD_FRAME_BYTES: Final = 1024 * 1024
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

_NO_FIELDS: dict[str, ClientMessage] = {
    "typing": Typing(),
    "stopped_typing": StoppedTyping(),
    "stop_interests": StopInterests(),
    "leave": Leave(),
    "next": Next(),
    "ping": Ping(),
}


def frame_too_large(frame: str) -> bool:
    """True when the UTF-8 encoding of ``frame`` exceeds :data:`MAX_FRAME_BYTES`."""
    n = len(frame)
    if n * 4 <= MAX_FRAME_BYTES:  # four bytes a character at most: cheap common case
        return False
    if n > MAX_FRAME_BYTES:
        return True
    return len(frame.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES


def parse(frame: str) -> ClientMessage:
    """Parse one text frame.

    Raises:
        ProtocolError: with the code ``frame_too_large``, ``bad_json``,
            ``bad_message``, ``unknown_type``, ``bad_field`` or ``too_long``.
    """
    if frame_too_large(frame):
        raise ProtocolError("frame_too_large", f"Frames may be at most {MAX_FRAME_BYTES} bytes.")
    try:
        data = orjson.loads(frame)
    except orjson.JSONDecodeError:
        raise ProtocolError("bad_json", "The frame is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ProtocolError("bad_message", "A frame must be a JSON object.")
    kind = data.get("type")
    if not isinstance(kind, str):
        raise ProtocolError("bad_message", "A frame needs a string field 'type'.")
    if kind == "message":
        return _parse_chat_text(data)
    simple = _NO_FIELDS.get(kind)
    if simple is not None:
        return simple
    if kind == "start":
        return _parse_start(data)
    if kind == "report":
        return _parse_report(data)
    if kind == "solve":
        payload = data.get("payload")
        if not isinstance(payload, str) or not 0 < len(payload) <= MAX_SOLUTION_CHARS:
            raise ProtocolError("bad_field", "'payload' must be a non-empty string.", ref="solve")
        return Solve(payload)
    raise ProtocolError("unknown_type", "Unknown message type.", ref=kind[:32])


def _parse_chat_text(data: dict[str, Any]) -> ChatText:
    text = data.get("text")
    if not isinstance(text, str):
        raise ProtocolError("bad_field", "'text' must be a string.", ref="message")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ProtocolError(
            "too_long", f"A message may be at most {MAX_MESSAGE_CHARS} characters.", ref="message"
        )
    if not text.strip():
        raise ProtocolError("bad_field", "'text' must not be empty.", ref="message")
    client_id = data.get("id")
    if client_id is not None:
        if isinstance(client_id, bool) or not isinstance(client_id, int | str):
            raise ProtocolError("bad_field", "'id' must be an integer or a string.", ref="message")
        if isinstance(client_id, int) and not 0 <= client_id <= _MAX_SAFE_INT:
            raise ProtocolError("bad_field", "'id' is out of range.", ref="message")
        if isinstance(client_id, str) and len(client_id) > MAX_CLIENT_ID_CHARS:
            raise ProtocolError("bad_field", "'id' is too long.", ref="message")
    return ChatText(text, client_id)


def _parse_start(data: dict[str, Any]) -> Start:
    raw_interests = data.get("interests", [])
    if not isinstance(raw_interests, list) or not all(isinstance(t, str) for t in raw_interests):
        raise ProtocolError("bad_field", "'interests' must be a list of strings.", ref="start")
    if len(raw_interests) > MAX_INTERESTS * 4:  # before normalising: do not even look
        raise ProtocolError("bad_field", f"At most {MAX_INTERESTS} interests.", ref="start")
    lang = data.get("lang", DEFAULT_LANGUAGE)
    if not isinstance(lang, str):
        raise ProtocolError("bad_field", "'lang' must be a string.", ref="start")
    only = data.get("interests_only", False)
    if not isinstance(only, bool):
        raise ProtocolError("bad_field", "'interests_only' must be true or false.", ref="start")
    try:
        interests = normalise_interests(raw_interests)
        language = normalise_language(lang)
    except InterestError as exc:
        raise ProtocolError("bad_field", str(exc).capitalize() + ".", ref="start") from None
    if only and not interests:
        raise ProtocolError(
            "bad_field", "'interests_only' needs at least one interest.", ref="start"
        )
    return Start(interests, language, only)


def _parse_report(data: dict[str, Any]) -> Report:
    reason = data.get("reason")
    if not isinstance(reason, str) or reason not in REPORT_REASONS:
        choices = ", ".join(sorted(REPORT_REASONS))
        raise ProtocolError("bad_field", f"'reason' must be one of {choices}.", ref="report")
    comment = data.get("comment", "")
    if not isinstance(comment, str):
        raise ProtocolError("bad_field", "'comment' must be a string.", ref="report")
    if len(comment) > MAX_COMMENT_CHARS:
        raise ProtocolError(
            "too_long", f"A comment may be at most {MAX_COMMENT_CHARS} characters.", ref="report"
        )
    chat = data.get("chat")
    if chat not in (None, "current", "last"):
        raise ProtocolError("bad_field", "'chat' must be 'current' or 'last'.", ref="report")
    return Report(str(reason), comment.strip(), chat)


# --- server to client -------------------------------------------------------


def encode(message: dict[str, Any]) -> str:
    return orjson.dumps(message).decode()


def welcome(server_version: str, online: int) -> str:
    return encode(
        {
            "type": "welcome",
            "protocol": PROTOCOL_VERSION,
            "server": server_version,
            "online": online,
            "limits": {
                "max_message_chars": MAX_MESSAGE_CHARS,
                "max_frame_bytes": MAX_FRAME_BYTES,
                "max_interests": MAX_INTERESTS,
                "max_interest_chars": MAX_INTEREST_CHARS,
            },
        }
    )


def error(code: str, message: str, ref: str | None = None, retry_after: float | None = None) -> str:
    body: dict[str, Any] = {"type": "error", "code": code, "message": message}
    if ref is not None:
        body["ref"] = ref
    if retry_after is not None:
        body["retry_after"] = round(retry_after, 3)
    return encode(body)


def chat_text(text: str) -> str:
    return encode({"type": "message", "text": text})


PONG: Final = encode({"type": "pong"})
TYPING: Final = encode({"type": "typing"})
STOPPED_TYPING: Final = encode({"type": "stopped_typing"})
STOPPED: Final = encode({"type": "stopped"})
ENDED_BY_YOU: Final = encode({"type": "chat_ended", "by": "you"})
ENDED_BY_STRANGER: Final = encode({"type": "chat_ended", "by": "stranger"})
ENDED_BY_SYSTEM: Final = encode({"type": "chat_ended", "by": "system", "reason": "moderation"})
BINARY_NOT_SUPPORTED: Final = error("binary_not_supported", "Only text frames are accepted.")
INTERNAL: Final = error("internal", "The server could not handle that frame.")
