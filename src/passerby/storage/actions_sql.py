"""SQL for the safety actions: each write with its audit record, and the reads
a moderator needs.

Mixed into :class:`~passerby.storage.sql.SQLStore`. Every writing method
here takes the :class:`~passerby.storage.audit.AuditEntry` that describes it
and runs its checks, its writes and the audit append in one transaction
(:func:`~passerby.storage.audit_sql.in_transaction`): a refused or failing
action changes nothing and records nothing. Checks that two moderators could
race (a claim, an appeal decided twice) are decided inside that transaction,
by a conditional ``UPDATE`` or a primary key, never by an earlier read.
Only :mod:`passerby.safety.moderation_actions` calls the writers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from passerby.errors import ActionRefused, CaseClaimed, CaseClosed, NotFound, NotIndependent
from passerby.storage.audit import AuditEntry, AuditRecord
from passerby.storage.audit_sql import append_audit, audit_record, in_transaction
from passerby.storage.chain import EvidenceRecord
from passerby.storage.safety_sql import (
    BanRow,
    CaseRow,
    ban_row,
    case_row,
    evidence_record,
    maybe_utc,
    utc,
)
from passerby.storage.schema import (
    appeal_decisions,
    audit_log,
    bans,
    cases,
    devices,
    evidence,
    legal_holds,
    strikes,
)

OPEN = "open"
RESOLVED = "resolved"
# The queue's order: child-safety cases first, then the cases the rules
# opened (automatic escalations), user reports, appeals; then priority, age.
QUEUE_ORDER = {"child_safety": 0, "review": 1, "report": 2, "appeal": 3}
UPHELD = "upheld"
LIFTED = "lifted"
# The audit action that records a human's confirmation of a child-safety case:
# the confirmation lives in the tamper-evident log, not in a column.
CONFIRM_CHILD_SAFETY = "confirm_child_safety"


@dataclass(frozen=True, slots=True)
class StrikeRow:
    policy: str
    rule: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class History:
    """What is on record about a device or an address: bans, cases, strikes."""

    bans: list[BanRow]
    cases: list[CaseRow]
    strikes: list[StrikeRow]


@dataclass(frozen=True, slots=True)
class AppealOutcome:
    ban_id: str
    case_id: str
    outcome: str  # "upheld" or "lifted"
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class LegalHold:
    case_id: str
    reason: str
    created_at: datetime
    expires_at: datetime | None


async def _case(conn: AsyncConnection, case_id: str) -> CaseRow:
    row = (await conn.execute(select(cases).where(cases.c.id == case_id))).first()
    if row is None:
        raise NotFound(f"no case {case_id}")
    return case_row(row)


def _workable(found: CaseRow, holder: str, now: datetime) -> None:
    """Refuse when the case is closed or someone else holds its claim."""
    if found.status == RESOLVED:
        raise CaseClosed(f"case {found.id} is resolved already")
    other = found.holder(now)
    if other is not None and other != holder:
        assert found.claimed_until is not None
        raise CaseClaimed(found.id, other, found.claimed_until)


class ActionQueries:
    engine: AsyncEngine

    # --- bans, strikes, trust ---------------------------------------------

    async def add_ban(self, ban: BanRow, *, audit: AuditEntry) -> None:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                insert(bans).values(
                    id=ban.id,
                    device=ban.device,
                    ip_hash=ban.ip_hash,
                    reason_code=ban.reason_code,
                    created_at=ban.created_at,
                    expires_at=ban.expires_at,
                    created_by=ban.created_by,
                    case_id=ban.case_id,
                )
            )
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    async def lift_ban(self, ban_id: str, at: datetime, *, audit: AuditEntry) -> BanRow:
        """Lift a ban now; the ban as it was.

        Raises:
            NotFound: no such ban.
            ActionRefused: it is lifted already.
        """

        async def work(conn: AsyncConnection) -> BanRow:
            row = await _lift(conn, ban_id, at)
            await append_audit(conn, audit)
            return row

        return await in_transaction(self.engine, work)

    async def add_strike(
        self,
        device: str,
        policy: str,
        rule: str,
        at: datetime,
        expires_at: datetime,
        *,
        audit: AuditEntry,
    ) -> int:
        """Record a strike; return the device's live strikes under ``policy``."""

        async def work(conn: AsyncConnection) -> int:
            await conn.execute(
                insert(strikes).values(
                    device=device, policy=policy, rule=rule, created_at=at, expires_at=expires_at
                )
            )
            await append_audit(conn, audit)
            query = (
                select(func.count())
                .select_from(strikes)
                .where(
                    strikes.c.device == device,
                    strikes.c.policy == policy,
                    strikes.c.expires_at > at,
                )
            )
            return int((await conn.execute(query)).scalar_one())

        return await in_transaction(self.engine, work)

    async def set_trust(
        self, device: str, trust: str, until: datetime | None, *, audit: AuditEntry
    ) -> None:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                update(devices)
                .where(devices.c.hash == device)
                .values(trust=trust, trust_until=until)
            )
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    # --- cases --------------------------------------------------------------

    async def claim_case(
        self, case_id: str, holder: str, until: datetime, now: datetime, *, audit: AuditEntry
    ) -> None:
        """Give ``holder`` the case until ``until`` (renewing their own claim).

        Raises:
            NotFound, CaseClosed, CaseClaimed: another moderator holds it.
        """

        async def work(conn: AsyncConnection) -> None:
            free = or_(
                cases.c.claimed_by.is_(None),
                cases.c.claimed_by == holder,
                cases.c.claimed_until <= now,
            )
            result = await conn.execute(
                update(cases)
                .where(cases.c.id == case_id, cases.c.status != RESOLVED, free)
                .values(claimed_by=holder, claimed_until=until)
            )
            if result.rowcount == 0:  # the database decided: say why
                _workable(await _case(conn, case_id), holder, now)
                raise ActionRefused(f"case {case_id} could not be claimed")
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    async def release_case(
        self, case_id: str, holder: str, now: datetime, *, audit: AuditEntry
    ) -> None:
        async def work(conn: AsyncConnection) -> None:
            found = await _case(conn, case_id)
            if found.claimed_by != holder:
                _workable(found, holder, now)
                raise ActionRefused(f"case {case_id} is not claimed by {holder}")
            await conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(claimed_by=None, claimed_until=None)
            )
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    async def release_claims_of(self, holder: str, *, audit: AuditEntry) -> list[str]:
        """Release every claim ``holder`` has; the cases released, named in the record."""

        async def work(conn: AsyncConnection) -> list[str]:
            held = [
                row.id
                for row in await conn.execute(
                    select(cases.c.id).where(cases.c.claimed_by == holder).order_by(cases.c.id)
                )
            ]
            if held:
                await conn.execute(
                    update(cases)
                    .where(cases.c.id.in_(held))
                    .values(claimed_by=None, claimed_until=None)
                )
            entry = dataclasses.replace(audit, detail={**audit.detail, "cases": held})
            await append_audit(conn, entry)
            return held

        return await in_transaction(self.engine, work)

    async def resolve_case(
        self,
        case_id: str,
        holder: str,
        resolution: str,
        note: str,
        at: datetime,
        *,
        audit: AuditEntry,
    ) -> None:
        async def work(conn: AsyncConnection) -> None:
            _workable(await _case(conn, case_id), holder, at)
            await _close(conn, case_id, holder, resolution, note, at)
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    async def flag_case(
        self,
        case_id: str,
        holder: str,
        at: datetime,
        *,
        escalate: bool = False,
        child_safety: bool = False,
        audit: AuditEntry,
    ) -> None:
        """Escalate the case to an admin, or make it a child-safety case (priority 0)."""

        async def work(conn: AsyncConnection) -> None:
            _workable(await _case(conn, case_id), holder, at)
            values: dict[str, Any] = {"updated_at": at}
            if escalate:
                values["escalated"] = True
            if child_safety:
                values.update(kind="child_safety", priority=0)
            await conn.execute(update(cases).where(cases.c.id == case_id).values(**values))
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    async def decide_appeal(
        self, case_id: str, decider: str, lift: bool, note: str, at: datetime, *, audit: AuditEntry
    ) -> BanRow:
        """Decide the appeal case: lift the ban or uphold it; the ban appealed.

        Raises:
            NotFound: no such case, or it is no appeal of a known ban.
            NotIndependent: ``decider`` made the ban.
            CaseClosed, CaseClaimed: decided already, or someone else holds it.
        """

        async def work(conn: AsyncConnection) -> BanRow:
            found = await _case(conn, case_id)
            if found.kind != "appeal" or found.ban_id is None:
                raise NotFound(f"case {case_id} is not an appeal of a ban")
            _workable(found, decider, at)
            row = (await conn.execute(select(bans).where(bans.c.id == found.ban_id))).first()
            if row is None:
                raise NotFound(f"no ban {found.ban_id}")
            ban = ban_row(row)
            if ban.created_by == decider:
                raise NotIndependent(
                    f"ban {ban.id} was made by {decider}: another moderator decides its appeal"
                )
            # The primary key refuses a second decision of the same ban.
            await conn.execute(
                insert(appeal_decisions).values(
                    ban_id=ban.id,
                    case_id=case_id,
                    outcome=LIFTED if lift else UPHELD,
                    decided_by=decider,
                    decided_at=at,
                )
            )
            if lift and ban.lifted_at is None:
                await _lift(conn, ban.id, at)
            resolution = "appeal_lifted" if lift else "appeal_upheld"
            await _close(conn, case_id, decider, resolution, note, at)
            await append_audit(conn, audit)
            return ban

        return await in_transaction(self.engine, work)

    async def place_legal_hold(
        self,
        case_id: str,
        reason: str,
        at: datetime,
        expires_at: datetime | None,
        *,
        audit: AuditEntry,
    ) -> None:
        """Hold the case's evidence past retention until ``expires_at`` (a new
        hold on a held case replaces the old one's reason and expiry)."""

        async def work(conn: AsyncConnection) -> None:
            await _case(conn, case_id)
            result = await conn.execute(
                update(legal_holds)
                .where(legal_holds.c.case_id == case_id)
                .values(reason=reason, expires_at=expires_at)
            )
            if result.rowcount == 0:
                await conn.execute(
                    insert(legal_holds).values(
                        case_id=case_id, reason=reason, created_at=at, expires_at=expires_at
                    )
                )
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    async def lift_legal_hold(self, case_id: str, *, audit: AuditEntry) -> None:
        async def work(conn: AsyncConnection) -> None:
            result = await conn.execute(delete(legal_holds).where(legal_holds.c.case_id == case_id))
            if result.rowcount == 0:
                raise NotFound(f"case {case_id} is under no legal hold")
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    async def confirm_child_safety(
        self,
        case_id: str,
        holder: str,
        at: datetime,
        hold_expires_at: datetime,
        *,
        audit: AuditEntry,
        hold_audit: AuditEntry,
    ) -> None:
        """Record a moderator's confirmation of a child-safety case and place
        its legal hold (a held case keeps its hold, with the later expiry):
        two audit records, one transaction.

        Raises:
            NotFound, CaseClosed, CaseClaimed.
            ActionRefused: not a child-safety case, or confirmed already.
        """

        async def work(conn: AsyncConnection) -> None:
            found = await _case(conn, case_id)
            _workable(found, holder, at)
            if found.kind != "child_safety":
                raise ActionRefused(
                    f"case {case_id} is not a child-safety case: mark it as one first"
                )
            # Appended first, so on PostgreSQL the audit lock is held and a
            # second confirmation racing this one waits, then sees it here.
            await append_audit(conn, audit)
            if await _count_confirmations(conn, case_id) > 1:
                raise ActionRefused(f"case {case_id} is confirmed already")
            held = (
                await conn.execute(select(legal_holds).where(legal_holds.c.case_id == case_id))
            ).first()
            if held is None:
                await conn.execute(
                    insert(legal_holds).values(
                        case_id=case_id,
                        reason="child-safety case confirmed",
                        created_at=at,
                        expires_at=hold_expires_at,
                    )
                )
            else:
                current = maybe_utc(held.expires_at)
                if current is not None and current < hold_expires_at:
                    await conn.execute(
                        update(legal_holds)
                        .where(legal_holds.c.case_id == case_id)
                        .values(expires_at=hold_expires_at)
                    )
            await append_audit(conn, hold_audit)

        await in_transaction(self.engine, work)

    async def note_case_action(
        self, case_id: str, *, audit: AuditEntry, confirmed: bool = False
    ) -> None:
        """Record an action on a case that changes no row of its own (a law-
        enforcement report produced or submitted); with ``confirmed``, only on
        a confirmed child-safety case.

        Raises:
            NotFound; ActionRefused: not confirmed.
        """

        async def work(conn: AsyncConnection) -> None:
            await _case(conn, case_id)
            if confirmed and await _count_confirmations(conn, case_id) == 0:
                raise ActionRefused(f"case {case_id} is no confirmed child-safety case")
            await append_audit(conn, audit)

        await in_transaction(self.engine, work)

    # --- reads for moderators -------------------------------------------------

    async def get_case(self, case_id: str) -> CaseRow | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(cases).where(cases.c.id == case_id))).first()
        return case_row(row) if row else None

    async def case_queue(
        self,
        *,
        kind: str | None = None,
        status: str | None = OPEN,
        section: str | None = None,
        reason: str | None = None,
        escalated: bool | None = None,
        limit: int = 200,
    ) -> list[CaseRow]:
        """Cases for the queue: child-safety first, then rule-opened cases,
        reports and appeals; within each, by priority, then the oldest first."""
        rank = case(QUEUE_ORDER, value=cases.c.kind, else_=len(QUEUE_ORDER))
        query = select(cases).order_by(rank, cases.c.priority, cases.c.created_at, cases.c.id)
        for column, wanted in (
            (cases.c.kind, kind),
            (cases.c.status, status),
            (cases.c.section, section),
            (cases.c.reason, reason),
            (cases.c.escalated, escalated),
        ):
            if wanted is not None:
                query = query.where(column == wanted)
        async with self.engine.connect() as conn:
            return [case_row(r) for r in await conn.execute(query.limit(limit))]

    async def case_with_evidence(self, case_id: str) -> tuple[CaseRow, list[EvidenceRecord]] | None:
        """The case and its evidence records, in chain order."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(cases).where(cases.c.id == case_id))).first()
            if row is None:
                return None
            query = select(evidence).where(evidence.c.case_id == case_id).order_by(evidence.c.seq)
            return case_row(row), [evidence_record(r) for r in await conn.execute(query)]

    async def history(self, device: str | None, ip_hashes: Sequence[str] = ()) -> History:
        """Every ban (active, expired or lifted) on the device or the address
        hashes, the cases about or by the device, and its strikes; newest first."""
        who = []
        if device is not None:
            who.append(bans.c.device == device)
        if ip_hashes:
            who.append(bans.c.ip_hash.in_(list(ip_hashes)))
        async with self.engine.connect() as conn:
            found_bans = (
                [
                    ban_row(r)
                    for r in await conn.execute(
                        select(bans).where(or_(*who)).order_by(bans.c.created_at.desc())
                    )
                ]
                if who
                else []
            )
            found_cases: list[CaseRow] = []
            found_strikes: list[StrikeRow] = []
            if device is not None:
                query = (
                    select(cases)
                    .where(or_(cases.c.subject == device, cases.c.opened_by == device))
                    .order_by(cases.c.created_at.desc())
                )
                found_cases = [case_row(r) for r in await conn.execute(query)]
                rows = await conn.execute(
                    select(strikes)
                    .where(strikes.c.device == device)
                    .order_by(strikes.c.created_at.desc())
                )
                found_strikes = [
                    StrikeRow(r.policy, r.rule, utc(r.created_at), utc(r.expires_at)) for r in rows
                ]
        return History(found_bans, found_cases, found_strikes)

    async def get_ban(self, ban_id: str) -> BanRow | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(bans).where(bans.c.id == ban_id))).first()
        return ban_row(row) if row else None

    async def appeal_outcome(self, ban_id: str) -> AppealOutcome | None:
        """How the appeal of ``ban_id`` was decided, or None while undecided."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(appeal_decisions).where(appeal_decisions.c.ban_id == ban_id)
                )
            ).first()
        if row is None:
            return None
        return AppealOutcome(row.ban_id, row.case_id, row.outcome, utc(row.decided_at))

    async def legal_hold(self, case_id: str) -> LegalHold | None:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(select(legal_holds).where(legal_holds.c.case_id == case_id))
            ).first()
        if row is None:
            return None
        return LegalHold(row.case_id, row.reason, utc(row.created_at), maybe_utc(row.expires_at))

    async def child_safety_confirmation(self, case_id: str) -> AuditRecord | None:
        """The audit record of the moderator's confirmation, or None."""
        query = (
            select(audit_log)
            .where(audit_log.c.case_id == case_id, audit_log.c.action == CONFIRM_CHILD_SAFETY)
            .order_by(audit_log.c.seq)
            .limit(1)
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return audit_record(row) if row else None

    async def audit_of_case(self, case_id: str) -> list[AuditRecord]:
        """The actions taken on a case, in order, including bans made in it."""
        query = (
            select(audit_log)
            .where(or_(audit_log.c.case_id == case_id, audit_log.c.subject == case_id))
            .order_by(audit_log.c.seq)
        )
        async with self.engine.connect() as conn:
            return [audit_record(r) for r in await conn.execute(query)]

    async def audit_of_subject(self, subject: str) -> list[AuditRecord]:
        query = select(audit_log).where(audit_log.c.subject == subject).order_by(audit_log.c.seq)
        async with self.engine.connect() as conn:
            return [audit_record(r) for r in await conn.execute(query)]

    async def list_audit(self, after: int = 0, limit: int | None = None) -> list[AuditRecord]:
        """Records after ``seq`` ``after``, in order (``limit`` at most)."""
        query = select(audit_log).where(audit_log.c.seq > after).order_by(audit_log.c.seq)
        if limit is not None:
            query = query.limit(limit)
        async with self.engine.connect() as conn:
            return [audit_record(r) for r in await conn.execute(query)]


async def _count_confirmations(conn: AsyncConnection, case_id: str) -> int:
    query = (
        select(func.count())
        .select_from(audit_log)
        .where(audit_log.c.case_id == case_id, audit_log.c.action == CONFIRM_CHILD_SAFETY)
    )
    return int((await conn.execute(query)).scalar_one())


async def _lift(conn: AsyncConnection, ban_id: str, at: datetime) -> BanRow:
    row = (await conn.execute(select(bans).where(bans.c.id == ban_id))).first()
    if row is None:
        raise NotFound(f"no ban {ban_id}")
    result = await conn.execute(
        update(bans)
        .where(and_(bans.c.id == ban_id, bans.c.lifted_at.is_(None)))
        .values(lifted_at=at)
    )
    if result.rowcount == 0:
        raise ActionRefused(f"ban {ban_id} is lifted already")
    return ban_row(row)


async def _close(
    conn: AsyncConnection, case_id: str, holder: str, resolution: str, note: str, at: datetime
) -> None:
    await conn.execute(
        update(cases)
        .where(cases.c.id == case_id)
        .values(
            status=RESOLVED,
            resolution=resolution,
            resolution_note=note,
            resolved_by=holder,
            resolved_at=at,
            updated_at=at,
            claimed_by=None,
            claimed_until=None,
        )
    )


__all__ = [
    "CONFIRM_CHILD_SAFETY",
    "LIFTED",
    "UPHELD",
    "ActionQueries",
    "AppealOutcome",
    "History",
    "LegalHold",
    "StrikeRow",
]
