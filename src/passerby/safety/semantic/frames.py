"""The frames between the server and the semantic worker, and the worker's entry point.

A frame is a 4-byte big-endian length, then a JSON object (see
:mod:`.worker` for what each side sends). This module imports no numpy and
no model: the server's process needs only this to talk to the worker, and
``spawn`` starts the worker at :func:`worker_main`, which imports the rest
in the new process.
"""

from __future__ import annotations

import socket
import struct
from typing import Any, Final

import orjson

HEADER: Final = struct.Struct(">I")
# A frame larger than this is a bug, not a batch (a batch is at most a few
# hundred messages of at most a few thousand characters).
MAX_FRAME: Final = 64 << 20


def send_frame(sock: socket.socket, payload: dict[str, Any]) -> None:
    body = orjson.dumps(payload)
    sock.sendall(HEADER.pack(len(body)) + body)


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    chunks = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def recv_frame(sock: socket.socket) -> dict[str, Any] | None:
    """The next frame, or None once the other side has closed."""
    head = _recv_exact(sock, HEADER.size)
    if head is None:
        return None
    (size,) = HEADER.unpack(head)
    if size > MAX_FRAME:
        raise ValueError("frame too large")
    body = _recv_exact(sock, size)
    if body is None:
        return None
    data: dict[str, Any] = orjson.loads(body)
    return data


def worker_main(sock: socket.socket, data_dir: str | None, threads: int) -> None:
    """The worker process's entry point (module-level, as ``spawn`` needs)."""
    from passerby.safety.semantic import worker

    worker.main(sock, data_dir, threads)
