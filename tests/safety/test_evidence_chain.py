"""The evidence chain: appends, tamper detection, purge tombstones, the trigger."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from passerby.storage.audit import AuditEntry
from passerby.storage.chain import verify_chain
from passerby.storage.safety_sql import EvidenceWrite
from passerby.storage.sql import SQLStore

T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def write(n: int, *, dedupe: str | None = None, at: datetime = T0) -> EvidenceWrite:
    return EvidenceWrite(
        record_id=f"rec{n}",
        kind="report",
        body={"n": n, "transcript": [{"from": "reported", "text": f"line {n}"}]},
        created_at=at + timedelta(seconds=n),
        case_kind="report",
        case_priority=2,
        case_subject="dev-b",
        case_opened_by="dev-a",
        case_summary="report: harassment",
        dedupe_key=dedupe,
        block=("dev-a", "dev-b"),
    )


async def hold(store: SQLStore, case_id: str, reason: str, at: datetime) -> None:
    """A legal hold with no expiry, as an admin places it (audited)."""
    entry = AuditEntry(at, "system:test", "legal_hold", case_id, case_id, reason)
    await store.place_legal_hold(case_id, reason, at, None, audit=entry)


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SQLStore]:
    store = SQLStore(database_url)
    await store.migrate()
    yield store
    await store.close()


async def test_appended_records_form_a_valid_chain(store: SQLStore) -> None:
    for n in range(1, 6):
        await store.write_evidence(write(n))
    records = await store.list_evidence()
    assert [r.seq for r in records] == [1, 2, 3, 4, 5]
    assert records[1].prev_hash == records[0].hash
    report = verify_chain(records)
    assert report.ok and report.records == 5


async def test_writing_the_same_record_twice_stores_it_once(store: SQLStore) -> None:
    first = await store.write_evidence(write(1))
    again = await store.write_evidence(write(1))
    assert first == again
    assert len(await store.list_evidence()) == 1


async def test_same_dedupe_key_joins_one_case_and_blocks_the_pair(store: SQLStore) -> None:
    case_a, _ = await store.write_evidence(write(1, dedupe="report:dev-a:dev-b"))
    case_b, _ = await store.write_evidence(write(2, dedupe="report:dev-a:dev-b"))
    assert case_a == case_b
    assert len(await store.list_cases()) == 1
    assert await store.blocked_with("dev-a") == {"dev-b"}
    assert await store.blocked_with("dev-b") == {"dev-a"}


async def test_database_refuses_to_alter_or_delete_evidence(store: SQLStore) -> None:
    await store.write_evidence(write(1))
    for statement in (
        "UPDATE evidence SET body = 'tampered' WHERE seq = 1",
        "UPDATE evidence SET kind = 'other' WHERE seq = 1",
        "DELETE FROM evidence WHERE seq = 1",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            async with store.engine.begin() as conn:
                await conn.execute(text(statement))
    assert verify_chain(await store.list_evidence()).ok


async def test_tampering_behind_the_database_is_detected(store: SQLStore) -> None:
    # Someone with full access drops the triggers and edits a body, or deletes a row.
    for n in range(1, 4):
        await store.write_evidence(write(n))
    async with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            await conn.execute(text("DROP TRIGGER evidence_no_update"))
            await conn.execute(text("DROP TRIGGER evidence_no_delete"))
        else:
            await conn.execute(text("DROP TRIGGER evidence_guard ON evidence"))
        await conn.execute(text("UPDATE evidence SET body = 'tampered' WHERE seq = 2"))
    report = verify_chain(await store.list_evidence())
    assert not report.ok and report.first_bad_seq == 2 and report.problem == "body altered"
    async with store.engine.begin() as conn:
        await conn.execute(text("DELETE FROM evidence WHERE seq = 2"))
    report = verify_chain(await store.list_evidence())
    assert not report.ok and report.first_bad_seq == 3


async def test_purge_keeps_a_verifiable_tombstone_and_respects_legal_hold(
    store: SQLStore,
) -> None:
    old = T0 - timedelta(days=400)
    case_old, _ = await store.write_evidence(write(1, at=old))
    case_held, _ = await store.write_evidence(write(2, at=old, dedupe="held"))
    await store.write_evidence(write(3))
    await hold(store, case_held, "police request", T0)
    counts = await store.purge(
        chats_before=T0 - timedelta(days=90),
        evidence_before=T0 - timedelta(days=365),
        keys_before_period=0,
        now=T0,
    )
    assert counts["evidence"] == 1
    records = await store.list_evidence()
    assert records[0].body_text is None  # purged, but still in the chain
    assert records[1].body["n"] == 2  # under legal hold: kept
    assert records[2].body["n"] == 3  # not expired: kept
    report = verify_chain(records)
    assert report.ok and report.purged == 1
    assert records[0].case_id == case_old


async def test_concurrent_writers_keep_one_unbroken_chain(store: SQLStore) -> None:
    results = await asyncio.gather(*(store.write_evidence(write(n)) for n in range(1, 21)))
    assert len({record.seq for _, record in results}) == 20
    records = await store.list_evidence()
    assert [r.seq for r in records] == list(range(1, 21))
    assert verify_chain(records).ok


async def test_only_old_unheld_evidence_may_be_erased(store: SQLStore) -> None:
    # The purge's one permitted change, tried on a fresh record and on a held
    # one, is refused by the database itself.
    await store.write_evidence(write(1, at=datetime.now(UTC)))
    old = datetime.now(UTC) - timedelta(days=400)
    held_case, _ = await store.write_evidence(write(2, at=old, dedupe="held"))
    await hold(store, held_case, "preservation request", datetime.now(UTC))
    for seq in (1, 2):
        with pytest.raises(DBAPIError, match="append-only"):
            async with store.engine.begin() as conn:
                await conn.execute(
                    text("UPDATE evidence SET body = NULL, purged_at = :t WHERE seq = :s"),
                    {"t": datetime.now(UTC), "s": seq},
                )
    assert verify_chain(await store.list_evidence()).purged == 0
