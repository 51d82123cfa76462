"""Outgoing WebSocket frames, written once per turn of the event loop.

Every chat message makes the server write one frame to the partner's socket.
Written at once, each frame is a system call that also wakes the receiving
side; gathered until the end of the loop's turn, the frames of one turn go
out back to back, and several frames for the same socket (a ``connected``
right after a ``waiting``, a burst of messages) leave in one write.

Only text frames of the chat protocol pass through here, as the server
builds them (RFC 6455: unmasked, unfragmented). aiohttp keeps writing its own
control frames (ping, pong, close); a connection that is about to be closed
is flushed first (:meth:`Outbox.flush_one`) so that its last frames are not
overtaken by the close frame, and a connection that is closing gets nothing
more (no data may follow a close frame).

A client that stops reading cannot make the server hold its frames forever:
when more than ``max_buffered`` bytes wait in its socket's buffer, the
connection is dropped (the client sees the connection end without a close
frame, code 1006, and can reconnect).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Final, Protocol

log = logging.getLogger(__name__)

# 1 MiB: hundreds of chat lines. A client this far behind is not reading.
MAX_BUFFERED: Final = 1 << 20
_TEXT_FIN: Final = 0x81


class Transport(Protocol):
    """The part of an asyncio transport the outbox uses."""

    def write(self, data: bytes) -> None: ...

    def is_closing(self) -> bool: ...

    def get_write_buffer_size(self) -> int: ...

    def abort(self) -> None: ...


class Sink(Protocol):
    """One connection as the outbox sees it."""

    @property
    def transport(self) -> Transport: ...

    def writable(self) -> bool:
        """False once the connection is closing: nothing may follow its close frame."""
        ...


def text_frame(payload: bytes) -> bytes:
    """One unmasked, final text frame carrying ``payload`` (RFC 6455, 5.2)."""
    size = len(payload)
    if size < 126:
        return bytes((_TEXT_FIN, size)) + payload
    if size < 1 << 16:
        return bytes((_TEXT_FIN, 126)) + size.to_bytes(2, "big") + payload
    return bytes((_TEXT_FIN, 127)) + size.to_bytes(8, "big") + payload


class Outbox:
    """Frames waiting for the end of this turn of the loop, per transport.

    One per server (the composition root makes it); used from the loop's
    thread only.
    """

    __slots__ = ("_loop", "_max_buffered", "_pending", "_scheduled", "dropped")

    def __init__(self, *, max_buffered: int = MAX_BUFFERED) -> None:
        self._max_buffered = max_buffered
        self._loop: asyncio.AbstractEventLoop | None = None
        # Insertion-ordered: sockets are written in the order they were
        # first sent to in this turn.
        self._pending: dict[Sink, list[bytes]] = {}
        self._scheduled = False
        self.dropped = 0  # connections dropped for not reading

    def send(self, sink: Sink, frame: str) -> None:
        """Queue one text frame for ``sink``; it leaves at the end of this turn."""
        data = text_frame(frame.encode())
        frames = self._pending.get(sink)
        if frames is not None:
            frames.append(data)
            return
        self._pending[sink] = [data]
        if not self._scheduled:
            self._scheduled = True
            loop = self._loop
            if loop is None:
                loop = self._loop = asyncio.get_running_loop()
            loop.call_soon(self.flush)

    def flush(self) -> None:
        """Write every queued frame now."""
        self._scheduled = False
        pending = self._pending
        if not pending:
            return
        self._pending = {}
        for sink, frames in pending.items():
            try:
                self._write(sink, frames)
            except Exception:  # one broken socket must not cost the others their frames
                log.exception("could not write to a connection")

    def flush_one(self, sink: Sink) -> None:
        """Write the frames queued for one connection now (before closing it)."""
        frames = self._pending.pop(sink, None)
        if frames is not None:
            self._write(sink, frames)

    def _write(self, sink: Sink, frames: list[bytes]) -> None:
        transport = sink.transport
        if not sink.writable() or transport.is_closing():
            return  # the connection is going; its reader cleans up
        transport.write(frames[0] if len(frames) == 1 else b"".join(frames))
        if transport.get_write_buffer_size() > self._max_buffered:
            self.dropped += 1
            log.warning("dropped a connection that stopped reading its frames")
            transport.abort()
