"""Helpers for the semantic tier's tests: a worker in a thread, which speaks
the worker's protocol over the tier's socket with whatever scoring it is
given, and a hearer, which stands for a connection and keeps the signals
the tier hands it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

from passerby.core.signals import Signal
from passerby.safety.semantic import frames


class Hearer:
    """A connection in ``chat`` to hand signals to; the rules open a case on
    each when ``opens_case``."""

    def __init__(self, chat: str = "c1", opens_case: bool = True) -> None:
        self.chat: str | None = chat
        self.opens_case = opens_case
        self.heard: list[tuple[str, Signal]] = []

    def semantic_chat(self) -> str | None:
        return self.chat

    async def semantic(self, chat: str, signal: Signal) -> bool:
        self.heard.append((chat, signal))
        return self.opens_case


class ThreadWorker:
    """Says ``hello`` (the ready frame by default) once ``gate`` is set, then
    runs ``serve`` on the socket unless ``hello`` was an error."""

    def __init__(
        self,
        sock: socket.socket,
        serve: Callable[[socket.socket], None],
        hello: dict[str, Any] | None = None,
        gate: threading.Event | None = None,
    ) -> None:
        self.sock = sock

        def run() -> None:
            if gate is not None:
                gate.wait(10)
            try:
                frames.send_frame(sock, hello or {"ready": 2})
                if hello is None:
                    serve(sock)
            except OSError:
                pass
            finally:
                sock.close()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def join(self, timeout: float | None = None) -> None:
        self.thread.join(timeout)

    def is_alive(self) -> bool:
        return self.thread.is_alive()

    def kill(self) -> None:
        pass
