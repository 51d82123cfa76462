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

Pongs and the server's own pings pass through here too (:meth:`Outbox.control`),
so that a client that floods pings and never reads the answers meets the
same cap as one that never reads its messages.

A client that stops reading cannot make the server hold its frames forever.
What waits for it sits in two places: the kernel's send queue, which
:func:`bound_socket_buffers` fixes at :data:`KERNEL_SEND_BUFFER` (without it,
Linux grows a busy socket's queue to 4 MiB), and the transport's buffer in
the process. When more than ``max_buffered`` bytes wait in the latter, the
connection is dropped (the client sees the connection end without a close
frame, code 1006, and can reconnect). Together: at most :data:`MAX_UNREAD`
bytes per connection, plus the one write that crossed the line.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Final, Protocol

log = logging.getLogger(__name__)

# 1 MiB of unread output in all: hundreds of chat lines. A client this far
# behind is not reading.
MAX_UNREAD: Final = 1 << 20
# What we ask of SO_SNDBUF; Linux doubles it for its own bookkeeping.
KERNEL_SEND_BUFFER: Final = 64 * 1024
MAX_BUFFERED: Final = MAX_UNREAD - 2 * KERNEL_SEND_BUFFER
# What a client sent and we have not read yet (while its connection is
# paused, or being closed) waits in the kernel: a chat client never needs
# more than this in flight, and a flooding one must not hold megabytes.
KERNEL_RECEIVE_BUFFER: Final = 64 * 1024
_TEXT_FIN: Final = 0x81
CLOSE: Final = 0x88
PING: Final = 0x89
PONG: Final = 0x8A


class Transport(Protocol):
    """The part of an asyncio transport the outbox uses."""

    def write(self, data: bytes) -> None: ...

    def is_closing(self) -> bool: ...

    def get_write_buffer_size(self) -> int: ...

    def abort(self) -> None: ...

    def close(self) -> None: ...


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


def bound_socket_buffers(transport: object) -> None:
    """Fix the kernel's send and receive queues of ``transport``'s socket at
    :data:`KERNEL_SEND_BUFFER` and :data:`KERNEL_RECEIVE_BUFFER` (setting
    them turns off Linux's growth of them, to 4 and 6 MiB)."""
    get = getattr(transport, "get_extra_info", None)
    sock = get("socket") if get is not None else None
    if sock is None:
        return
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, KERNEL_SEND_BUFFER)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, KERNEL_RECEIVE_BUFFER)
    except (OSError, AttributeError):  # not a socket we may tune: the outbox cap still holds
        log.debug("could not bound a socket's buffers")


def control_frame(opcode: int, payload: bytes) -> bytes:
    """One unmasked control frame; its payload is at most 125 bytes (RFC 6455, 5.5)."""
    payload = payload[:125]
    return bytes((opcode, len(payload))) + payload


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
        self._queue(sink, text_frame(frame.encode()))

    def send_payload(self, sink: Sink, payload: bytes) -> None:
        """As :meth:`send`, for a payload already in UTF-8."""
        frames = self._pending.get(sink)
        if frames is not None:  # :meth:`_queue`, inline on the relay's path
            frames.append(text_frame(payload))
        else:
            self._queue(sink, text_frame(payload))

    def control(self, sink: Sink, opcode: int, payload: bytes = b"") -> None:
        """Queue a ping or pong for ``sink``, under the same cap as its messages."""
        self._queue(sink, control_frame(opcode, payload))

    def close_now(self, sink: Sink, code: int, reason: str) -> None:
        """Write what is queued and a close frame, then close the socket
        without waiting for the client's answer, and without reading it again.

        For a client that floods: waiting for its close frame would mean
        reading (and parsing) everything it keeps sending meanwhile.
        """
        self.control(sink, CLOSE, code.to_bytes(2, "big") + reason.encode()[:123])
        self.flush_one(sink)
        transport = sink.transport
        if transport.is_closing():
            return
        if transport.get_write_buffer_size():
            transport.abort()  # it does not read: what is left would never leave
        else:
            transport.close()

    def _queue(self, sink: Sink, data: bytes) -> None:
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
