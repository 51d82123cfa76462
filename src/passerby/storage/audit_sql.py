"""SQL for the audit log: appending inside an action's transaction, reading back.

An action's writes and its audit record share one transaction
(:func:`in_transaction`), so a record exists exactly when its change does.

Appends are serialised so the chain never forks. On PostgreSQL each append
first takes a transaction-scoped advisory lock, so writers on every node
queue for the tail of the log instead of failing; the lock ends with the
commit. Underneath, as for evidence, the unique ``seq`` and ``prev_hash``
let only one of two writers that read the same last record commit, and the
other runs its whole transaction again (this is what serialises SQLite
files shared by several processes). An action appends after its own row
writes and before any evidence insert, always in that order, so two
transactions never wait for each other in a circle.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC
from typing import Any, TypeVar

from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from passerby.storage.audit import AuditEntry, AuditRecord, chain_record
from passerby.storage.chain import GENESIS
from passerby.storage.schema import audit_log

T = TypeVar("T")

# Attempts before an action gives up to contention (each retry follows
# another writer's commit, so twenty means twenty actions landed meanwhile).
APPEND_ATTEMPTS = 20


# The advisory lock that serialises appends on PostgreSQL ("audit" in ASCII).
AUDIT_LOCK = 0x6175646974


class AuditContention(Exception):
    """Another writer took the next ``seq`` first: run the transaction again."""


async def append_audit(conn: AsyncConnection, entry: AuditEntry) -> AuditRecord:
    """Append ``entry`` after the last record, in the caller's transaction.

    Raises:
        AuditContention: another transaction appended first.
    """
    if conn.dialect.name == "postgresql":
        await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    last = (
        await conn.execute(
            select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
        )
    ).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    record = chain_record(entry, seq, prev)
    try:
        await conn.execute(
            insert(audit_log).values(
                seq=record.seq,
                at=record.at,
                actor=record.actor,
                action=record.action,
                subject=record.subject,
                case_id=record.case_id,
                why=record.why,
                detail=record.detail_text,
                prev_hash=record.prev_hash,
                hash=record.hash,
            )
        )
    except IntegrityError as exc:
        raise AuditContention from exc
    return record


async def in_transaction(engine: AsyncEngine, work: Callable[[AsyncConnection], Awaitable[T]]) -> T:
    """Run ``work`` in one transaction, again from the start while it meets
    :class:`AuditContention`; any other failure rolls everything back."""
    for _ in range(APPEND_ATTEMPTS):
        try:
            async with engine.begin() as conn:
                return await work(conn)
        except AuditContention:
            continue
    raise RuntimeError("could not append to the audit log: too much contention")


def audit_record(row: Any) -> AuditRecord:
    at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=UTC)  # SQLite: naive
    return AuditRecord(
        row.seq,
        at,
        row.actor,
        row.action,
        row.subject,
        row.case_id,
        row.why,
        row.detail,
        row.prev_hash,
        row.hash,
    )
