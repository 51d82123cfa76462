"""The SQL store engine: SQLAlchemy Core over an async driver.

SQLite (through aiosqlite) is the embedded default; a ``postgresql://`` URL
selects asyncpg. Both use the same schema and the same Alembic migrations.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, bindparam, event, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from passerby.errors import ConfigError
from passerby.storage.actions_sql import ActionQueries
from passerby.storage.console_sql import ConsoleQueries
from passerby.storage.dashboard_sql import DashboardQueries
from passerby.storage.safety_sql import SafetyQueries
from passerby.storage.schema import chats
from passerby.storage.store import ChatEnded, ChatRecord, ChatStarted

MIGRATIONS = Path(__file__).parent / "migrations"


def async_url(url: str) -> str:
    """Pick the async driver for a plain database URL."""
    if url.startswith("sqlite:"):
        return "sqlite+aiosqlite:" + url.removeprefix("sqlite:")
    for prefix in ("postgresql:", "postgres:"):
        if url.startswith(prefix):
            return "postgresql+asyncpg:" + url.removeprefix(prefix)
    if url.startswith(("sqlite+aiosqlite:", "postgresql+asyncpg:")):
        return url
    raise ConfigError(f"unsupported database URL scheme: {url.split(':', 1)[0]!r}")


# The advisory lock that serialises migrations between nodes ("passerby" in ASCII).
MIGRATE_LOCK = 0x7061737365726279


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # WAL lets readers work while the recorder writes; FULL makes a committed
    # transaction survive a power cut, which later evidence records rely on.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)  # SQLite hands back naive datetimes


def _alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection, revision: str) -> None:
    command.upgrade(_alembic_config(connection), revision)


def _downgrade(connection: Connection, revision: str) -> None:
    command.downgrade(_alembic_config(connection), revision)


class SQLStore(SafetyQueries, ActionQueries, ConsoleQueries, DashboardQueries):
    def __init__(self, url: str) -> None:
        self.url = async_url(url)
        if self.url.startswith("sqlite"):
            # One connection, shared in turn: SQLite has one writer anyway,
            # and this way no transaction ever meets "database is locked".
            self.engine: AsyncEngine = create_async_engine(
                self.url, pool_size=1, max_overflow=0, pool_timeout=60
            )
        else:
            self.engine = create_async_engine(self.url, pool_size=10, max_overflow=10)
        if self.engine.dialect.name == "sqlite":
            path = self.engine.url.database
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)

    async def migrate(self, revision: str = "head") -> None:
        async with self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":
                # Nodes starting together take turns; the lock ends with the transaction.
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK}
                )
            await conn.run_sync(_upgrade, revision)

    async def downgrade(self, revision: str) -> None:
        async with self.engine.begin() as conn:
            await conn.run_sync(_downgrade, revision)

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    async def add_chat_events(
        self, started: Sequence[ChatStarted], ended: Sequence[ChatEnded]
    ) -> None:
        if not started and not ended:
            return
        async with self.engine.begin() as conn:
            if started:
                await conn.execute(
                    chats.insert(),
                    [
                        {"id": s.chat, "started_at": s.at, "interest_match": s.interest_match}
                        for s in started
                    ],
                )
            if ended:
                stmt = (
                    chats.update()
                    .where(chats.c.id == bindparam("b_id"), chats.c.ended_at.is_(None))
                    .values(ended_at=bindparam("b_at"), end_reason=bindparam("b_reason"))
                )
                await conn.execute(
                    stmt, [{"b_id": e.chat, "b_at": e.at, "b_reason": e.reason} for e in ended]
                )

    async def get_chat(self, chat: str) -> ChatRecord | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(chats).where(chats.c.id == chat))).first()
        if row is None:
            return None
        started = _utc(row.started_at)
        assert started is not None
        return ChatRecord(
            row.id, started, _utc(row.ended_at), row.end_reason, bool(row.interest_match)
        )

    async def count_chats(self, since: datetime | None = None) -> int:
        query = select(func.count()).select_from(chats)
        if since is not None:
            query = query.where(chats.c.started_at >= since)
        async with self.engine.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def close(self) -> None:
        await self.engine.dispose()
