"""Protocol version 1 on the wire: JSON text frames over the WebSocket.

The only place that reads a v1 frame into a typed command
(:mod:`passerby.core.protocol`) and writes a typed server message
(:mod:`passerby.core.messages`) as a v1 frame, and the only place that knows
the WebSocket close codes. ``docs/protocol.md`` documents the same contract
for client authors; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import orjson

from passerby.core import messages as m
from passerby.core import protocol as p
from passerby.core.interests import DEFAULT_LANGUAGE, MAX_INTEREST_CHARS, MAX_INTERESTS
from passerby.errors import ProtocolError

PROTOCOL_VERSION: Final = 1
SUBPROTOCOL: Final = "passerby.v1"
MAX_FRAME_BYTES: Final = 16 * 1024
# aiohttp refuses frames above this outright (close 1009); between the soft
# and the hard limit we read the frame, answer ``frame_too_large`` and go on.
HARD_FRAME_BYTES: Final = 1024 * 1024

# --- client to server ----------------------------------------------------------

_NO_FIELDS: Final[dict[str, p.ClientMessage]] = {
    "typing": p.TYPING,
    "stopped_typing": p.STOPPED_TYPING,
    "stop_interests": p.STOP_INTERESTS,
    "leave": p.LEAVE,
    "next": p.NEXT,
    "ping": p.PING,
}
BINARY_NOT_SUPPORTED: Final = ProtocolError(
    "binary_not_supported", "Only text frames are accepted."
)


def frame_too_large(frame: str) -> bool:
    """True when the UTF-8 encoding of ``frame`` exceeds :data:`MAX_FRAME_BYTES`."""
    n = len(frame)
    if n * 4 <= MAX_FRAME_BYTES:  # four bytes a character at most: cheap common case
        return False
    if n > MAX_FRAME_BYTES:
        return True
    return len(frame.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES


def parse(frame: str) -> p.ClientMessage:
    """Parse one text frame.

    Raises:
        ProtocolError: with the code ``frame_too_large``, ``bad_json``,
            ``bad_message``, ``unknown_type``, ``bad_field`` or ``too_long``.
    """
    found = command(frame)
    if isinstance(found, ProtocolError):
        raise found
    return found


def command(frame: str) -> p.ClientMessage | ProtocolError:
    """:func:`parse`, with a refusal returned instead of raised (for the session)."""
    try:
        if len(frame) * 4 > MAX_FRAME_BYTES and frame_too_large(frame):
            raise ProtocolError(
                "frame_too_large", f"Frames may be at most {MAX_FRAME_BYTES} bytes."
            )
        try:
            data = orjson.loads(frame)
        except orjson.JSONDecodeError:
            raise ProtocolError("bad_json", "The frame is not valid JSON.") from None
        if not isinstance(data, dict):
            raise ProtocolError("bad_message", "A frame must be a JSON object.")
        kind = data.get("type")
        if kind == "message":  # by far the most frequent
            return p.chat_text(data.get("text"), data.get("id"))
        if not isinstance(kind, str):
            raise ProtocolError("bad_message", "A frame needs a string field 'type'.")
        simple = _NO_FIELDS.get(kind)
        if simple is not None:
            return simple
        if kind == "start":
            return p.start(
                data.get("interests", []),
                data.get("lang", DEFAULT_LANGUAGE),
                data.get("interests_only", False),
            )
        if kind == "report":
            return p.report(data.get("reason"), data.get("comment", ""), data.get("chat"))
        if kind == "solve":
            return p.solve(data.get("payload"))
        raise ProtocolError("unknown_type", "Unknown message type.", ref=kind[:32])
    except ProtocolError as exc:
        return exc


# --- server to client ----------------------------------------------------------


def _dumps(body: dict[str, Any]) -> str:
    return orjson.dumps(body).decode()


def _with_id(body: dict[str, Any], client_id: int | str | None) -> dict[str, Any]:
    if client_id is not None:
        body["id"] = client_id
    return body


def _error(e: m.Error) -> str:
    body: dict[str, Any] = {"type": "error", "code": e.code, "message": e.message}
    if e.ref is not None:
        body["ref"] = e.ref
    if e.retry_after is not None:
        body["retry_after"] = e.retry_after
    return _dumps(body)


def _welcome(w: m.Welcome) -> str:
    return _dumps(
        {
            "type": "welcome",
            "protocol": PROTOCOL_VERSION,
            "server": w.server,
            "online": w.online,
            "limits": {
                "max_message_chars": p.MAX_MESSAGE_CHARS,
                "max_frame_bytes": MAX_FRAME_BYTES,
                "max_interests": MAX_INTERESTS,
                "max_interest_chars": MAX_INTEREST_CHARS,
            },
        }
    )


def _chat_ended(e: m.ChatEnded) -> str:
    body: dict[str, Any] = {"type": "chat_ended", "by": e.by}
    if e.reason is not None:
        body["reason"] = e.reason
    return _dumps(body)


# One encoder per message type; messages without fields are encoded once.
_ENCODERS: Final[dict[type, Callable[[Any], str]]] = {
    m.Message: lambda x: _dumps({"type": "message", "text": x.text}),
    m.Welcome: _welcome,
    m.Waiting: lambda x: _dumps(
        {"type": "waiting", "interests": list(x.interests), "lang": x.lang, "section": x.section}
    ),
    m.Connected: lambda x: _dumps(
        {"type": "connected", "common_interests": list(x.common_interests)}
    ),
    m.FellBack: lambda x: _dumps({"type": "interests_fallback", "reason": x.reason}),
    m.ChatEnded: _chat_ended,
    m.Undelivered: lambda x: _dumps(_with_id({"type": "undelivered", "reason": x.reason}, x.id)),
    m.Error: _error,
    m.Held: lambda x: _dumps(_with_id({"type": "held", "code": x.code, "reason": x.reason}, x.id)),
    m.Masked: lambda x: _dumps({"type": "masked", "id": x.id, "text": x.text}),
    m.Warning: lambda x: _dumps({"type": "warning", "code": x.code, "message": x.message}),
    m.Banned: lambda x: _dumps({"type": "banned", **x.ban}),
    m.Challenge: lambda x: _dumps({"type": "challenge", **x.challenge}),
    m.ReportReceived: lambda x: _dumps({"type": "report_received", "report": x.report}),
}
_CONSTANT: Final[dict[type, str]] = {
    m.Typing: _dumps({"type": "typing"}),
    m.StoppedTyping: _dumps({"type": "stopped_typing"}),
    m.Stopped: _dumps({"type": "stopped"}),
    m.Pong: _dumps({"type": "pong"}),
    m.ChallengePassed: _dumps({"type": "challenge_passed"}),
}


def encode(message: m.ServerMessage) -> str:
    """``message`` as a v1 text frame's payload."""
    constant = _CONSTANT.get(type(message))
    if constant is not None:
        return constant
    return _ENCODERS[type(message)](message)


def payload(message: m.ServerMessage) -> bytes:
    """``message`` as a v1 text frame's payload in UTF-8, as it goes on the wire.

    A chat line, by far the most frequent, takes the shortest way."""
    if type(message) is m.Message:
        return orjson.dumps({"type": "message", "text": message.text})
    return encode(message).encode()


# --- close codes ---------------------------------------------------------------

# RFC 6455 codes, and ours in 4000-4999 (the application's, 7.4.2).
GOING_AWAY: Final = 1001
POLICY_VIOLATION: Final = 1008
INTERNAL_ERROR: Final = 1011
TRY_AGAIN_LATER: Final = 1013
SECTION_CHANGED: Final = 4001

CLOSE_CODES: Final[dict[m.Closing, int]] = {
    m.Closing.FLOODING: POLICY_VIOLATION,
    m.Closing.BANNED: POLICY_VIOLATION,
    m.Closing.SECTION_CHANGED: SECTION_CHANGED,
    m.Closing.INTERNAL: INTERNAL_ERROR,
    m.Closing.SHUTDOWN: GOING_AWAY,
}


def close_code(reason: m.Closing) -> int:
    return CLOSE_CODES[reason]
