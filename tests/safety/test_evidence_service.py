"""Evidence writes: spooled when the store fails, refused aloud when both fail,
and never lost to what a client put in a record."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from passerby.clock import ManualClock
from passerby.safety.reports import EvidenceNotSaved, EvidenceService
from passerby.safety.spool import Spool
from passerby.storage.chain import EvidenceRecord
from passerby.storage.safety_sql import EvidenceWrite


class Store:
    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.written: list[EvidenceWrite] = []

    async def write_evidence(self, write: EvidenceWrite) -> tuple[str, EvidenceRecord]:
        if self.error is not None:
            raise self.error
        self.written.append(write)
        return "case-1", None  # type: ignore[return-value]

    async def list_evidence(self, case_id: str | None = None) -> list[EvidenceRecord]:
        return []


def record(**body: Any) -> EvidenceWrite:
    return EvidenceWrite(
        record_id="r1",
        kind="report",
        body=body,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        case_kind="report",
        case_priority=3,
        case_subject=None,
        case_opened_by=None,
        case_summary="report: spam",
    )


async def test_a_record_with_undecodable_client_text_is_stored_scrubbed(tmp_path: Path) -> None:
    store = Store()
    service = EvidenceService(store, Spool(tmp_path / "spool.jsonl"), ManualClock())
    assert await service.write(record(user_agent="ab\udcffcd", nested=["\ud800"])) == "case-1"
    [written] = store.written
    assert written.body == {"user_agent": "ab\ufffdcd", "nested": ["\ufffd"]}


async def test_when_the_store_fails_the_record_is_spooled_and_the_log_says_so_after(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spool = Spool(tmp_path / "spool.jsonl")
    service = EvidenceService(Store(OSError(28, "No space left")), spool, ManualClock())
    assert await service.write(record(user_agent="ab\udcffcd")) is None
    assert spool.read()[0]["body"]["user_agent"] == "ab\ufffdcd"
    [line] = [r.getMessage() for r in caplog.records]
    assert line.startswith("spooled evidence record r1") and "ENOSPC" in line
    assert service.health() == {"evidence_store": "degraded", "spool": "degraded"}  # pending


async def test_when_store_and_spool_fail_nobody_is_told_it_was_spooled(
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = EvidenceService(Store(OSError(28, "full")), Spool(Path("/dev/full")), ManualClock())
    with pytest.raises(EvidenceNotSaved):
        await service.write(record(reason="spam"))
    messages = [r.getMessage() for r in caplog.records]
    assert not any("spooled" in m or "spooling" in m for m in messages)
    assert any(
        r.levelno == logging.ERROR and "could not save" in r.getMessage() for r in caplog.records
    )
    assert service.health()["spool"] == "degraded"
