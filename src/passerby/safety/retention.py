"""The purge job: what has outlived its retention period is removed.

Chat records after ``chat_retention_days``; evidence bodies after
``evidence_retention_days`` (the row stays as a tombstone so the chain still
verifies), except evidence of cases under legal hold; expired strikes; IP
hashing keys older than the previous period, which makes every hash made
with them meaningless. Runs hourly, and on demand with ``passerby purge``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Protocol

from passerby.clock import Clock
from passerby.config import Settings
from passerby.periodic import Periodic

log = logging.getLogger(__name__)

PURGE_SECONDS = 3600.0


class PurgeStore(Protocol):
    async def purge(
        self,
        *,
        chats_before: datetime,
        evidence_before: datetime,
        keys_before_period: int,
        now: datetime,
    ) -> dict[str, int]: ...


class RetentionJob:
    def __init__(self, store: PurgeStore, clock: Clock, settings: Settings) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings
        self._periodic = Periodic("retention", PURGE_SECONDS, self.run_once)

    async def run_once(self) -> dict[str, int]:
        settings = self._settings
        now = datetime.fromtimestamp(self._clock.wall(), UTC)
        period = int(self._clock.wall() // (settings.ip_key_days * 86400))
        counts = await self._store.purge(
            chats_before=now - timedelta(days=settings.chat_retention_days),
            evidence_before=now - timedelta(days=settings.evidence_retention_days),
            keys_before_period=period - 1,
            now=now,
        )
        if any(counts.values()):
            log.warning("purged expired data: %s", counts)
        return counts

    async def start(self) -> None:
        self._periodic.start()

    async def close(self) -> None:
        await self._periodic.close()
