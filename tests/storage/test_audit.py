"""The audit log: append-only in the database itself, one unbroken chain under
concurrent writers, and verification that finds the first bad record."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from passerby.storage.audit import AuditEntry, verify_audit
from passerby.storage.sql import SQLStore

T0 = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def entry(n: int) -> AuditEntry:
    return AuditEntry(
        T0 + timedelta(seconds=n), "mod:alice", "add_strike", f"dev{n}", None, "insults", {"n": n}
    )


async def strike(store: SQLStore, n: int) -> int:
    return await store.add_strike(
        f"dev{n}", "harassment", "insults", T0, T0 + timedelta(days=30), audit=entry(n)
    )


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SQLStore]:
    store = SQLStore(database_url)
    await store.migrate()
    yield store
    await store.close()


async def bypass_triggers(conn: AsyncConnection) -> None:
    """What an attacker with the database's keys could do: the guards go."""
    if conn.dialect.name == "sqlite":
        await conn.execute(text("DROP TRIGGER audit_log_no_update"))
        await conn.execute(text("DROP TRIGGER audit_log_no_delete"))
    else:
        await conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))


async def test_an_honest_log_verifies(store: SQLStore) -> None:
    for n in range(1, 6):
        await strike(store, n)
    records = await store.list_audit()
    assert [r.seq for r in records] == [1, 2, 3, 4, 5]
    assert records[1].prev_hash == records[0].hash
    assert records[2].detail == {"n": 3} and records[2].at == T0 + timedelta(seconds=3)
    report = verify_audit(records)
    assert report.ok and report.records == 5
    assert await store.list_audit(after=3) == records[3:]
    assert await store.list_audit(after=1, limit=2) == records[1:3]


async def test_the_database_refuses_to_change_or_delete_a_record(store: SQLStore) -> None:
    await strike(store, 1)
    for statement in (
        "UPDATE audit_log SET why = 'nothing' WHERE seq = 1",
        "DELETE FROM audit_log WHERE seq = 1",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            async with store.engine.begin() as conn:
                await conn.execute(text(statement))
    assert verify_audit(await store.list_audit()).ok


@pytest.mark.parametrize(
    ("tamper", "bad_seq", "problem"),
    [
        ("UPDATE audit_log SET why = 'nothing to see' WHERE seq = 3", 3, "record altered"),
        ("UPDATE audit_log SET actor = 'rule:insults' WHERE seq = 2", 2, "record altered"),
        ("UPDATE audit_log SET detail = '{\"n\": 99}' WHERE seq = 4", 4, "record altered"),
        ("DELETE FROM audit_log WHERE seq = 2", 3, "missing record 2"),
    ],
)
async def test_verify_finds_the_first_tampered_record(
    store: SQLStore, tamper: str, bad_seq: int, problem: str
) -> None:
    for n in range(1, 6):
        await strike(store, n)
    async with store.engine.begin() as conn:
        await bypass_triggers(conn)
        await conn.execute(text(tamper))
    report = verify_audit(await store.list_audit())
    assert not report.ok
    assert (report.first_bad_seq, report.problem) == (bad_seq, problem)


async def test_verify_finds_reordered_and_renumbered_records(store: SQLStore) -> None:
    for n in range(1, 5):
        await strike(store, n)
    # A record deleted and the later ones renumbered to close the gap.
    records = await store.list_audit()
    renumbered = [records[0], *(dataclasses.replace(r, seq=r.seq - 1) for r in records[2:])]
    report = verify_audit(renumbered)
    assert not report.ok and report.first_bad_seq == 2
    async with store.engine.begin() as conn:
        await bypass_triggers(conn)
        # Swap records 2 and 3 (their seq), leaving everything else as it was.
        for old, new in ((2, 100), (3, 2), (100, 3)):
            await conn.execute(text(f"UPDATE audit_log SET seq = {new} WHERE seq = {old}"))
    report = verify_audit(await store.list_audit())
    assert not report.ok and report.first_bad_seq == 2
    assert report.problem == "link to the previous record broken"


async def test_concurrent_writers_keep_one_unbroken_chain(store: SQLStore) -> None:
    await asyncio.gather(*(strike(store, n) for n in range(1, 21)))
    records = await store.list_audit()
    assert [r.seq for r in records] == list(range(1, 21))
    assert sorted(r.detail["n"] for r in records) == list(range(1, 21))
    assert verify_audit(records).ok


async def test_two_nodes_writing_at_once_never_fork_the_chain(
    store: SQLStore, database_url: str
) -> None:
    if not database_url.startswith("postgres"):
        pytest.skip("nodes share one SQLite file only through one process's connection")
    other = SQLStore(database_url)
    try:
        await asyncio.gather(
            *(strike(store if n % 2 else other, n) for n in range(1, 31)),
        )
    finally:
        await other.close()
    records = await store.list_audit()
    assert [r.seq for r in records] == list(range(1, 31))
    assert len({r.prev_hash for r in records}) == 30
    assert verify_audit(records).ok


async def test_an_export_line_carries_everything_to_check_it(store: SQLStore) -> None:
    await strike(store, 1)
    [record] = await store.list_audit()
    line = orjson.loads(orjson.dumps(record.as_json()))
    assert line["seq"] == 1 and line["actor"] == "mod:alice" and line["detail"] == {"n": 1}
    assert line["prev_hash"] == "0" * 64 and line["hash"] == record.hash
    assert line["at"] == "2026-12-03T12:00:01.000000Z"
