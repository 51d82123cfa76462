"""Console fixtures: a store on every engine, a manual clock, a mounted console."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from tests.console.support import ConsoleHarness
from tests.web.conftest import browser  # noqa: F401 (the one headless Chromium fixture)

from passerby.clock import ManualClock
from passerby.config import Settings
from passerby.storage.sql import SQLStore


@pytest.fixture
def console_settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(data_dir=str(tmp_path / "data"), database_url=database_url)


@pytest.fixture
async def store(console_settings: Settings) -> AsyncIterator[SQLStore]:
    store = SQLStore(console_settings.database())
    await store.migrate()
    yield store
    await store.close()


@pytest.fixture
async def harness(store: SQLStore, console_settings: Settings) -> AsyncIterator[ConsoleHarness]:
    one = ConsoleHarness(store, console_settings, ManualClock())
    await one.start()
    yield one
    await one.close()
