"""The SQL store: migrations, chat records, the background writer."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect

from passerby.clock import ManualClock
from passerby.errors import ConfigError
from passerby.storage.recorder import ChatRecorder
from passerby.storage.schema import metadata
from passerby.storage.sql import SQLStore, async_url
from passerby.storage.store import ChatEnded, ChatStarted

T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SQLStore]:
    store = SQLStore(database_url)
    await store.migrate()
    yield store
    await store.close()


def test_urls_pick_async_drivers() -> None:
    assert async_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert async_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert async_url("postgres://u@h/db") == "postgresql+asyncpg://u@h/db"
    with pytest.raises(ConfigError, match="mysql"):
        async_url("mysql://h/db")


async def test_migrations_build_exactly_the_schema(store: SQLStore) -> None:
    def diff(conn: Connection) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))

    async with store.engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_migrate_is_idempotent_and_reversible(store: SQLStore) -> None:
    await store.migrate()  # a second run changes nothing

    def tables(conn: Connection) -> set[str]:
        return set(inspect(conn).get_table_names())

    async with store.engine.connect() as conn:
        assert "chats" in await conn.run_sync(tables)
    await store.downgrade("base")
    async with store.engine.connect() as conn:
        assert "chats" not in await conn.run_sync(tables)
    await store.migrate()
    assert await store.count_chats() == 0


async def test_chat_records_round_trip_and_end_once(store: SQLStore) -> None:
    await store.add_chat_events([ChatStarted("c1", T0, True), ChatStarted("c2", T0, False)], [])
    later = T0 + timedelta(minutes=3)
    await store.add_chat_events([], [ChatEnded("c1", later, "next")])
    await store.add_chat_events([], [ChatEnded("c1", later + timedelta(1), "disconnect")])
    record = await store.get_chat("c1")
    assert record is not None
    assert record.started_at == T0 and record.ended_at == later
    assert record.end_reason == "next" and record.interest_match
    other = await store.get_chat("c2")
    assert other is not None and other.ended_at is None and not other.interest_match
    assert await store.get_chat("missing") is None
    assert await store.count_chats() == 2
    assert await store.count_chats(since=T0 + timedelta(seconds=1)) == 0


async def test_data_survives_a_reopen(database_url: str) -> None:
    url = database_url
    first = SQLStore(url)
    await first.migrate()
    await first.add_chat_events([ChatStarted("kept", T0, False)], [])
    await first.close()
    second = SQLStore(url)
    await second.migrate()
    assert await second.get_chat("kept") is not None
    await second.close()


class FlakyStore:
    """A store that fails until told otherwise, then records what it got."""

    def __init__(self) -> None:
        self.up = False
        self.started: list[ChatStarted] = []
        self.ended: list[ChatEnded] = []

    async def add_chat_events(
        self, started: Sequence[ChatStarted], ended: Sequence[ChatEnded]
    ) -> None:
        if not self.up:
            raise ConnectionError("database unavailable")
        self.started.extend(started)
        self.ended.extend(ended)


async def test_recorder_keeps_records_while_the_store_is_down() -> None:
    flaky = FlakyStore()
    recorder = ChatRecorder(flaky, ManualClock())  # type: ignore[arg-type]
    recorder.started("a", True)
    recorder.ended("a", "leave")
    with pytest.raises(ConnectionError):
        await recorder.flush()
    recorder.started("b", False)
    flaky.up = True
    await recorder.flush()
    assert [s.chat for s in flaky.started] == ["a", "b"]
    assert [e.chat for e in flaky.ended] == ["a"]
    await recorder.flush()  # nothing left to write twice
    assert len(flaky.started) == 2
