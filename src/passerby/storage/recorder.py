"""Writes chat records in the background, in batches.

The relay must never wait for the disk, so starts and ends are buffered in
memory and flushed every second in one transaction. When the store is down
the batch is kept and retried; the buffer is bounded so that an outage cannot
exhaust memory (the oldest rows are dropped, with a warning, past the bound).
"""

from __future__ import annotations

import contextlib
import logging
from datetime import UTC, datetime

from passerby.clock import Clock
from passerby.periodic import Periodic
from passerby.storage.store import ChatEnded, ChatStarted, Store

log = logging.getLogger(__name__)

FLUSH_SECONDS = 1.0
# A day of chats at a few hundred a second fits; past that, statistics are
# worth less than the memory.
MAX_BUFFERED = 100_000


class ChatRecorder:
    def __init__(self, store: Store, clock: Clock, *, flush_seconds: float = FLUSH_SECONDS) -> None:
        self._store = store
        self._clock = clock
        self._started: list[ChatStarted] = []
        self._ended: list[ChatEnded] = []
        self._periodic = Periodic("chat-recorder", flush_seconds, self.flush)
        self.dropped = 0

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    def started(self, chat: str, interest_match: bool) -> None:
        self._started.append(ChatStarted(chat, self._now(), interest_match))
        self._trim()

    def ended(self, chat: str, reason: str) -> None:
        self._ended.append(ChatEnded(chat, self._now(), reason))
        self._trim()

    def _trim(self) -> None:
        for buffer in (self._started, self._ended):
            excess = len(buffer) - MAX_BUFFERED
            if excess > 0:
                del buffer[:excess]
                self.dropped += excess
                log.warning("chat record buffer full; dropped %d old records", excess)

    async def flush(self) -> None:
        started, ended = self._started, self._ended
        self._started, self._ended = [], []
        try:
            await self._store.add_chat_events(started, ended)
        except Exception:
            log.warning("could not write chat records; will retry", exc_info=True)
            self._started[:0] = started
            self._ended[:0] = ended
            self._trim()
            raise

    async def start(self) -> None:
        self._periodic.start()

    async def close(self) -> None:
        await self._periodic.close()
        with contextlib.suppress(Exception):
            await self.flush()
