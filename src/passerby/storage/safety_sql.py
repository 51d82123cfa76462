"""SQL for the safety tables: devices, cases, evidence, bans, blocks, strikes.

Mixed into :class:`~passerby.storage.sql.SQLStore`. Evidence is appended in
the same transaction as the case it belongs to (and, for a new case, its
``open_case`` audit record), so a report is either stored whole or not at
all; two writers racing for the next ``seq`` make one of them retry, on
SQLite and PostgreSQL alike. Sanctions and case changes are written by
:mod:`.actions_sql`, each with its audit record.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from passerby.storage.audit import AuditEntry
from passerby.storage.audit_sql import AuditContention, append_audit, in_transaction
from passerby.storage.chain import GENESIS, EvidenceRecord, body_hash, canonical, link_hash
from passerby.storage.schema import (
    bans,
    blocks,
    cases,
    chats,
    devices,
    evidence,
    ip_keys,
    legal_holds,
    strikes,
)

_APPEND_ATTEMPTS = 20


def utc(value: datetime) -> datetime:
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)  # SQLite hands back naive datetimes


def maybe_utc(value: datetime | None) -> datetime | None:
    return None if value is None else utc(value)


def new_id() -> str:
    return secrets.token_hex(12)


@dataclass(frozen=True, slots=True)
class DeviceRow:
    hash: str
    band: str
    declared_at: datetime
    rules_accepted_at: datetime
    pending_band: str | None
    pending_until: datetime | None
    trust: str
    trust_until: datetime | None
    last_seen_at: datetime


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: str
    kind: str
    priority: int
    status: str
    subject: str | None
    opened_by: str | None
    summary: str
    created_at: datetime
    updated_at: datetime
    section: str | None = None
    reason: str | None = None
    ban_id: str | None = None
    claimed_by: str | None = None
    claimed_until: datetime | None = None
    escalated: bool = False
    resolution: str | None = None
    resolution_note: str | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None

    def holder(self, now: datetime) -> str | None:
        """Who holds the case's claim at ``now`` (an expired claim holds nobody)."""
        if self.claimed_by is None or self.claimed_until is None or self.claimed_until <= now:
            return None
        return self.claimed_by


@dataclass(frozen=True, slots=True)
class BanRow:
    id: str
    device: str | None
    ip_hash: str | None
    reason_code: str
    created_at: datetime
    expires_at: datetime | None
    created_by: str
    case_id: str | None
    lifted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class EvidenceWrite:
    """One evidence record to append, with the case it opens or joins."""

    record_id: str
    kind: str
    body: dict[str, Any]
    created_at: datetime
    case_kind: str
    case_priority: int
    case_subject: str | None
    case_opened_by: str | None
    case_summary: str
    # Writes with the same key join one case (the same reporter and subject).
    dedupe_key: str | None = None
    # Device pairs that must never be matched again.
    block: tuple[str, str] | None = None
    # What the queue filters by: the chat's section, the report's reason or
    # the rule, and for an appeal the ban appealed.
    case_section: str | None = None
    case_reason: str | None = None
    case_ban_id: str | None = None
    # Who opens a new case, as the audit log names it (``user`` or ``rule:<id>``).
    actor: str = "user"


def _device(row: Any) -> DeviceRow:
    return DeviceRow(
        row.hash,
        row.band,
        utc(row.declared_at),
        utc(row.rules_accepted_at),
        row.pending_band,
        maybe_utc(row.pending_until),
        row.trust,
        maybe_utc(row.trust_until),
        utc(row.last_seen_at),
    )


def case_row(r: Any) -> CaseRow:
    return CaseRow(
        r.id,
        r.kind,
        r.priority,
        r.status,
        r.subject,
        r.opened_by,
        r.summary,
        utc(r.created_at),
        utc(r.updated_at),
        r.section,
        r.reason,
        r.ban_id,
        r.claimed_by,
        maybe_utc(r.claimed_until),
        bool(r.escalated),
        r.resolution,
        r.resolution_note,
        r.resolved_by,
        maybe_utc(r.resolved_at),
    )


def ban_row(r: Any) -> BanRow:
    return BanRow(
        r.id,
        r.device,
        r.ip_hash,
        r.reason_code,
        utc(r.created_at),
        maybe_utc(r.expires_at),
        r.created_by,
        r.case_id,
        maybe_utc(r.lifted_at),
    )


def evidence_record(row: Any) -> EvidenceRecord:
    return EvidenceRecord(
        row.seq,
        row.id,
        utc(row.created_at),
        row.kind,
        row.case_id,
        row.body,
        row.body_hash,
        row.prev_hash,
        row.hash,
    )


class SafetyQueries:
    engine: AsyncEngine

    # --- devices ----------------------------------------------------------

    async def get_device(self, device: str) -> DeviceRow | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(devices).where(devices.c.hash == device))).first()
        return _device(row) if row else None

    async def put_device(self, row: DeviceRow) -> None:
        values = {
            "band": row.band,
            "declared_at": row.declared_at,
            "rules_accepted_at": row.rules_accepted_at,
            "pending_band": row.pending_band,
            "pending_until": row.pending_until,
            "trust": row.trust,
            "trust_until": row.trust_until,
            "last_seen_at": row.last_seen_at,
        }
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(devices).where(devices.c.hash == row.hash).values(**values)
            )
            if result.rowcount == 0:
                await conn.execute(insert(devices).values(hash=row.hash, **values))

    async def get_device_risk(self, device: str) -> tuple[float, float]:
        """The device's stored risk and when it was stored (epoch seconds)."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(devices.c.risk, devices.c.risk_at).where(devices.c.hash == device)
                )
            ).first()
        return (float(row.risk), float(row.risk_at)) if row else (0.0, 0.0)

    async def save_device_risk(self, device: str, risk: float, at: float) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(devices).where(devices.c.hash == device).values(risk=risk, risk_at=at)
            )

    async def live_strikes(self, device: str, now: datetime) -> dict[str, list[float]]:
        """Expiry times (epoch seconds) of the device's live strikes, per policy."""
        query = select(strikes.c.policy, strikes.c.expires_at).where(
            strikes.c.device == device, strikes.c.expires_at > now
        )
        found: dict[str, list[float]] = {}
        async with self.engine.connect() as conn:
            for row in await conn.execute(query):
                found.setdefault(row.policy, []).append(utc(row.expires_at).timestamp())
        return {policy: sorted(times) for policy, times in found.items()}

    # --- evidence and cases -----------------------------------------------

    async def write_evidence(self, write: EvidenceWrite) -> tuple[str, EvidenceRecord]:
        """Open (or join) the case and append the record, in one transaction.

        Idempotent by ``record_id``: writing the same record twice (a spool
        replayed after a crash) returns the stored one.
        """
        for _ in range(_APPEND_ATTEMPTS):
            try:
                async with self.engine.begin() as conn:
                    existing = (
                        await conn.execute(select(evidence).where(evidence.c.id == write.record_id))
                    ).first()
                    if existing is not None:
                        return existing.case_id, evidence_record(existing)
                    case_id = await self._open_case(conn, write)
                    record = await self._append(conn, write, case_id)
                    if write.block is not None:
                        await self._block(conn, *write.block, write.created_at)
                    return case_id, record
            except (IntegrityError, AuditContention):
                continue  # another writer took the next seq or opened the case first
        raise RuntimeError("could not append evidence: too much contention")

    async def _open_case(self, conn: AsyncConnection, write: EvidenceWrite) -> str:
        if write.dedupe_key is not None:
            found = (
                await conn.execute(select(cases.c.id).where(cases.c.dedupe_key == write.dedupe_key))
            ).first()
            if found is not None:
                await conn.execute(
                    update(cases)
                    .where(cases.c.id == found.id)
                    .values(
                        updated_at=write.created_at,
                        priority=func.min(cases.c.priority, write.case_priority)
                        if conn.dialect.name == "sqlite"
                        else func.least(cases.c.priority, write.case_priority),
                    )
                )
                return str(found.id)
        case_id = new_id()
        await conn.execute(
            insert(cases).values(
                id=case_id,
                kind=write.case_kind,
                priority=write.case_priority,
                status="open",
                subject=write.case_subject,
                opened_by=write.case_opened_by,
                dedupe_key=write.dedupe_key,
                summary=write.case_summary,
                created_at=write.created_at,
                updated_at=write.created_at,
                section=write.case_section,
                reason=write.case_reason,
                ban_id=write.case_ban_id,
            )
        )
        detail = {"kind": write.case_kind, "priority": write.case_priority}
        if write.case_ban_id is not None:
            detail["ban_id"] = write.case_ban_id
        opened = AuditEntry(
            write.created_at,
            write.actor,
            "open_case",
            case_id,
            case_id,
            write.case_summary,
            {**detail, "record": write.record_id},
        )
        await append_audit(conn, opened)
        return case_id

    async def _append(
        self, conn: AsyncConnection, write: EvidenceWrite, case_id: str
    ) -> EvidenceRecord:
        last = (
            await conn.execute(
                select(evidence.c.seq, evidence.c.hash).order_by(evidence.c.seq.desc()).limit(1)
            )
        ).first()
        seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
        text = canonical(write.body)
        digest = body_hash(text)
        chained = link_hash(
            prev, seq, write.record_id, write.kind, case_id, write.created_at, digest
        )
        await conn.execute(
            insert(evidence).values(
                seq=seq,
                id=write.record_id,
                created_at=write.created_at,
                kind=write.kind,
                case_id=case_id,
                body=text,
                body_hash=digest,
                prev_hash=prev,
                hash=chained,
            )
        )
        return EvidenceRecord(
            seq, write.record_id, write.created_at, write.kind, case_id, text, digest, prev, chained
        )

    async def _block(self, conn: AsyncConnection, a: str, b: str, at: datetime) -> None:
        for one, other in ((a, b), (b, a)):
            exists = (
                await conn.execute(
                    select(blocks.c.device).where(blocks.c.device == one, blocks.c.other == other)
                )
            ).first()
            if exists is None:
                await conn.execute(insert(blocks).values(device=one, other=other, created_at=at))

    async def list_evidence(self, case_id: str | None = None) -> list[EvidenceRecord]:
        query = select(evidence).order_by(evidence.c.seq)
        if case_id is not None:
            query = query.where(evidence.c.case_id == case_id)
        async with self.engine.connect() as conn:
            return [evidence_record(row) for row in await conn.execute(query)]

    async def list_cases(self, kind: str | None = None, status: str | None = None) -> list[CaseRow]:
        query = select(cases).order_by(cases.c.priority, cases.c.created_at)
        if kind is not None:
            query = query.where(cases.c.kind == kind)
        if status is not None:
            query = query.where(cases.c.status == status)
        async with self.engine.connect() as conn:
            return [case_row(r) for r in await conn.execute(query)]

    # --- blocks, bans, strikes --------------------------------------------

    async def blocked_with(self, device: str) -> set[str]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(select(blocks.c.other).where(blocks.c.device == device))
            return {row.other for row in rows}

    async def banned_keys(self, now: datetime) -> set[str]:
        """The devices and address hashes under an active ban."""
        query = select(bans.c.device, bans.c.ip_hash).where(
            bans.c.lifted_at.is_(None),
            or_(bans.c.expires_at.is_(None), bans.c.expires_at > now),
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return {key for row in rows for key in row if key is not None}

    async def active_bans(
        self, device: str | None, ip_hashes: Sequence[str], now: datetime
    ) -> list[BanRow]:
        who = []
        if device is not None:
            who.append(bans.c.device == device)
        if ip_hashes:
            who.append(bans.c.ip_hash.in_(list(ip_hashes)))
        if not who:
            return []
        query = select(bans).where(
            or_(*who),
            bans.c.lifted_at.is_(None),
            or_(bans.c.expires_at.is_(None), bans.c.expires_at > now),
        )
        async with self.engine.connect() as conn:
            return [ban_row(r) for r in await conn.execute(query)]

    async def count_bans(self, device: str) -> int:
        async with self.engine.connect() as conn:
            query = select(func.count()).select_from(bans).where(bans.c.device == device)
            return int((await conn.execute(query)).scalar_one())

    # --- IP hashing keys --------------------------------------------------

    async def ip_keys_for(self, period: int, at: datetime) -> dict[int, str]:
        """The keys of ``period`` and the one before (creating the current one)."""
        async with self.engine.begin() as conn:
            rows = await conn.execute(select(ip_keys).where(ip_keys.c.period >= period - 1))
            keys = {row.period: row.key for row in rows}
            if period not in keys:
                key = secrets.token_hex(32)
                try:
                    async with conn.begin_nested():
                        await conn.execute(
                            insert(ip_keys).values(period=period, key=key, created_at=at)
                        )
                    keys[period] = key
                except IntegrityError:  # another node made it first
                    row = (
                        await conn.execute(select(ip_keys).where(ip_keys.c.period == period))
                    ).one()
                    keys[period] = row.key
            return keys

    # --- retention --------------------------------------------------------

    async def purge(
        self,
        *,
        chats_before: datetime,
        evidence_before: datetime,
        keys_before_period: int,
        now: datetime,
    ) -> dict[str, int]:
        """Delete what has expired; never evidence of a case under a live legal hold.

        A hold past its expiry is removed first (one ``hold_expired`` audit
        record each, in the same transaction), so its evidence then ages
        like any other.
        """

        async def work(conn: AsyncConnection) -> dict[str, int]:
            return await self._purge(conn, chats_before, evidence_before, keys_before_period, now)

        return await in_transaction(self.engine, work)

    async def _purge(
        self,
        conn: AsyncConnection,
        chats_before: datetime,
        evidence_before: datetime,
        keys_before_period: int,
        now: datetime,
    ) -> dict[str, int]:
        counts: dict[str, int] = {}
        expired = (
            await conn.execute(
                select(legal_holds.c.case_id).where(
                    legal_holds.c.expires_at.is_not(None), legal_holds.c.expires_at <= now
                )
            )
        ).all()
        for row in expired:
            await conn.execute(delete(legal_holds).where(legal_holds.c.case_id == row.case_id))
        result = await conn.execute(delete(chats).where(chats.c.started_at < chats_before))
        counts["chats"] = result.rowcount
        held = select(legal_holds.c.case_id)
        result = await conn.execute(
            update(evidence)
            .where(
                evidence.c.created_at < evidence_before,
                evidence.c.body.is_not(None),
                or_(evidence.c.case_id.is_(None), evidence.c.case_id.not_in(held)),
            )
            .values(body=None, purged_at=now)
        )
        counts["evidence"] = result.rowcount
        result = await conn.execute(delete(strikes).where(strikes.c.expires_at <= now))
        counts["strikes"] = result.rowcount
        result = await conn.execute(
            delete(bans).where(
                and_(bans.c.expires_at.is_not(None), bans.c.expires_at < chats_before)
            )
        )
        counts["bans"] = result.rowcount
        result = await conn.execute(delete(ip_keys).where(ip_keys.c.period < keys_before_period))
        counts["ip_keys"] = result.rowcount
        for row in expired:  # last: the audit log's tail is held until the commit
            entry = AuditEntry(
                now, "system", "hold_expired", row.case_id, row.case_id, "legal hold expired"
            )
            await append_audit(conn, entry)
        counts["legal_holds"] = len(expired)
        return counts
