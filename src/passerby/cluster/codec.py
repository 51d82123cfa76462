"""Peer events and evidence details as bytes, for brokers that cross processes.

A frame is one JSON object: ``{"to": user, "from": node, "e": [kind, ...]}``.
The event's fields follow its kind in a fixed order, so a frame stays small
and a reader never guesses. Nothing here is sent to a browser: frames travel
only between Passerby nodes, through the broker.
"""

from __future__ import annotations

from typing import Any

import orjson

from passerby.cluster.broker import PeerInfo
from passerby.core.events import (
    FellBack,
    Matched,
    PartnerLeft,
    PeerEvent,
    Relay,
    TypingChanged,
    Undelivered,
)


class FrameError(ValueError):
    """A frame from another node that this node cannot read."""


def encode_event(event: PeerEvent) -> list[Any]:
    match event:
        case Relay(chat, sender, text, id_, signals, details):
            frame: list[Any] = ["r", chat, sender, text, id_, [list(s) for s in signals]]
            if details:
                frame.append(list(details))
            return frame
        case TypingChanged(chat, typing):
            return ["t", chat, typing]
        case Matched(chat, partner, common):
            return ["m", chat, partner, list(common)]
        case PartnerLeft(chat):
            return ["l", chat]
        case Undelivered(chat, id_, reason):
            return ["u", chat, id_, reason]
        case FellBack(reason):
            return ["f", reason]
    raise TypeError(f"not a peer event: {event!r}")


def decode_event(data: list[Any]) -> PeerEvent:
    try:
        kind = data[0]
        if kind == "r":
            signals = tuple((str(name), float(score)) for name, score in data[5])
            # The signals' details came later: a frame from an older node has none.
            details = tuple(str(d) for d in data[6]) if len(data) > 6 else ()
            return Relay(data[1], data[2], data[3], data[4], signals, details)
        if kind == "t":
            return TypingChanged(data[1], bool(data[2]))
        if kind == "m":
            return Matched(data[1], data[2], tuple(data[3]))
        if kind == "l":
            return PartnerLeft(data[1])
        if kind == "u":
            return Undelivered(data[1], data[2], data[3])
        if kind == "f":
            return FellBack(data[1])
    except (IndexError, TypeError, ValueError) as exc:
        raise FrameError(f"bad event: {exc}") from None
    raise FrameError(f"unknown event kind {data[0]!r}")


def encode_frame(to: str, sender_node: str, event: PeerEvent, **extra: Any) -> bytes:
    frame: dict[str, Any] = {"to": to, "from": sender_node, "e": encode_event(event)}
    frame.update(extra)
    return orjson.dumps(frame)


def decode_frame(raw: bytes | str) -> tuple[str, str, PeerEvent, dict[str, Any]]:
    """``(to, sender_node, event, frame)`` of one frame."""
    try:
        frame = orjson.loads(raw)
        return frame["to"], frame["from"], decode_event(frame["e"]), frame
    except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
        raise FrameError(f"bad frame: {exc}") from None


def encode_info(info: PeerInfo | None) -> str:
    if info is None:
        return ""
    return orjson.dumps(
        [
            info.user,
            info.device,
            info.address,
            info.port,
            info.user_agent,
            info.connected_at,
            info.section,
        ]
    ).decode()


def decode_info(raw: str | None) -> PeerInfo | None:
    if not raw:
        return None
    try:
        user, device, address, port, agent, connected_at, section = orjson.loads(raw)
        return PeerInfo(user, device, address, int(port), agent, float(connected_at), section)
    except (orjson.JSONDecodeError, TypeError, ValueError):
        return None
