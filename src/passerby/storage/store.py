"""The store interface and the records that cross it.

Services depend on :class:`Store`, never on an engine, so that the SQL engine
(:mod:`.sql`) and any later one are interchangeable and tested by one suite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ChatStarted:
    chat: str
    at: datetime
    interest_match: bool


@dataclass(frozen=True, slots=True)
class ChatEnded:
    chat: str
    at: datetime
    reason: str


@dataclass(frozen=True, slots=True)
class ChatRecord:
    chat: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    interest_match: bool


class Store(Protocol):
    async def migrate(self) -> None:
        """Bring the schema up to date (Alembic ``upgrade head``)."""

    async def ping(self) -> bool:
        """True when the database answers."""

    async def add_chat_events(
        self, started: Sequence[ChatStarted], ended: Sequence[ChatEnded]
    ) -> None:
        """Record chats that began and ended, in one transaction.

        An end is recorded once: a second end for the same chat is ignored.
        """

    async def get_chat(self, chat: str) -> ChatRecord | None: ...

    async def count_chats(self, since: datetime | None = None) -> int: ...

    async def close(self) -> None: ...
