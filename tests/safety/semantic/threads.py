"""A semantic worker in a thread, for the tier's tests: it speaks the
worker's protocol over the tier's socket with whatever scoring it is given."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

from passerby.safety.semantic import frames


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
