"""Shared fixtures: settings in a temporary folder and live servers on port 0."""

from __future__ import annotations

import os
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.support import Client, LiveServer, Visitor, fresh_postgres_database, start_server

from passerby.config import Settings

PG_URL = os.environ.get("PASSERBY_TEST_DATABASE_URL", "")
# The semantic tier starts a model process (a second or two, ~150 MB) with
# every server: off for the suite's servers, in process and as `passerby
# serve` subprocesses; tests/safety/semantic turn it on where they test it.
os.environ.setdefault("PASSERBY_SEMANTIC_ENABLED", "false")


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Every test that touches the store runs on SQLite and on PostgreSQL.

    PostgreSQL comes from ``PASSERBY_TEST_DATABASE_URL`` (a server where the
    user may create databases); each test gets a database of its own.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/data/passerby.db"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need PASSERBY_TEST_DATABASE_URL (see README)")
    async with fresh_postgres_database(PG_URL) as url:
        yield url


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=str(tmp_path / "data"),
        database_url=database_url,
        port=0,
        log_level="warning",
        semantic_enabled=False,
    )


ServerFactory = Callable[..., Awaitable[LiveServer]]


@pytest.fixture
async def server_factory(settings: Settings) -> AsyncIterator[ServerFactory]:
    """Start servers with settings overridden per test; all stop at teardown."""
    started: list[LiveServer] = []

    async def make(**overrides: Any) -> LiveServer:
        seed = overrides.pop("seed", None)
        rng = random.Random(seed) if seed is not None else None
        server = await start_server(replace(settings, **overrides), rng=rng)
        started.append(server)
        return server

    yield make
    for server in started:
        await server.stop()


@pytest.fixture
async def live_server(server_factory: ServerFactory) -> LiveServer:
    server: LiveServer = await server_factory()
    return server


ClientFactory = Callable[[LiveServer], Awaitable[Client]]


@pytest.fixture
async def connect() -> AsyncIterator[ClientFactory]:
    """Open protocol clients to a server; each has read its ``welcome``."""
    async with AsyncExitStack() as stack:

        async def open_client(server: LiveServer) -> Client:
            """A declared adult's connection (one browser each)."""
            visitor = Visitor(server)
            stack.push_async_callback(visitor.close)
            status, _ = await visitor.declare("18+")
            assert status == 200
            return await visitor.connect()

        yield open_client


VisitorFactory = Callable[..., Awaitable[Visitor]]


@pytest.fixture
async def visitor() -> AsyncIterator[VisitorFactory]:
    """Browsers with their own cookies: ``await visitor(server, band="13-17")``."""
    async with AsyncExitStack() as stack:

        async def make(server: LiveServer, band: str | None = "18+") -> Visitor:
            one = Visitor(server)
            stack.push_async_callback(one.close)
            if band is not None:
                status, body = await one.declare(band)
                assert status == 200, body
            return one

        yield make
