"""The safety actions: the one home of every change a sanction or a moderator makes.

Glossary:

- *action*: one change that matters for safety (a ban, a lifted ban, a
  strike, a move to or out of the low-trust pool, a case claimed, released,
  resolved, escalated, marked or confirmed child-safety, an appeal
  decided, a legal hold placed or lifted, a law-enforcement report
  produced or submitted). Each is one method of :class:`Actions`.
- *actor*: who acted, an :class:`Actor`: a rule of the policy
  (``rule:<id>``), a moderator (``mod:<name>``), or the server itself
  (``system``). A case a user's report or appeal opens is recorded as
  ``user``.
- *audit record*: the line each action appends to the audit log
  (:mod:`passerby.storage.audit`), in the same transaction as the change.

In the manner of Zulip's ``do_*`` functions, each action checks what it
must, then makes its change and its audit record in one database
transaction, and only after the commit tells anyone: the ban notice to every
node (whose chat services close the banned person's connections), a trust
change to every node, the metrics. A refused action
(:class:`~passerby.errors.ActionRefused`) changed nothing and recorded
nothing. The automated rules (:mod:`.actions`) and the moderator console
call the same methods. Nothing here holds message text or an address: an
address is hashed before it reaches the store.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from passerby.clock import Clock
from passerby.errors import (
    ActionRefused,
    CaseClaimed,
    CaseClosed,
    NotFound,
    NotIndependent,
)
from passerby.metrics import LabelledCounter
from passerby.safety.bans import Ban, BanService
from passerby.safety.devices import TRUST_LOW, TRUST_NORMAL
from passerby.storage.actions_sql import CONFIRM_CHILD_SAFETY
from passerby.storage.audit import AuditEntry
from passerby.storage.safety_sql import BanRow

log = logging.getLogger(__name__)

# How long a moderator's claim on a case lasts unless renewed: long enough
# to read a transcript and decide, short enough that a case left open in a
# forgotten tab is back in the queue before the shift ends.
CLAIM_MINUTES = 30.0
# How long a legal hold keeps a case's evidence unless an admin says
# otherwise: a year, the span preservation requests usually ask for.
LEGAL_HOLD_DAYS = 365.0
COOLDOWN = "cooldown"
_RESOLUTION = re.compile(r"[a-z][a-z_]{0,31}")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: ``kind`` is ``rule``, ``mod``, ``system`` or ``user``."""

    kind: str
    name: str = ""

    @classmethod
    def rule(cls, name: str) -> Actor:
        return cls("rule", name)

    @classmethod
    def moderator(cls, name: str) -> Actor:
        return cls("mod", name)

    @classmethod
    def system(cls, name: str = "") -> Actor:
        return cls("system", name)

    @property
    def label(self) -> str:
        """How the audit log, bans and cases name the actor (``mod:alice``)."""
        return f"{self.kind}:{self.name}" if self.name else self.kind

    def __str__(self) -> str:
        return self.label


class ActionStore(Protocol):
    """The store's writers (each with its audit record) that the actions use."""

    async def add_ban(self, ban: BanRow, *, audit: AuditEntry) -> None: ...

    async def lift_ban(self, ban_id: str, at: datetime, *, audit: AuditEntry) -> BanRow: ...

    async def add_strike(
        self,
        device: str,
        policy: str,
        rule: str,
        at: datetime,
        expires_at: datetime,
        *,
        audit: AuditEntry,
    ) -> int: ...

    async def set_trust(
        self, device: str, trust: str, until: datetime | None, *, audit: AuditEntry
    ) -> None: ...

    async def claim_case(
        self, case_id: str, holder: str, until: datetime, now: datetime, *, audit: AuditEntry
    ) -> None: ...

    async def release_case(
        self, case_id: str, holder: str, now: datetime, *, audit: AuditEntry
    ) -> None: ...

    async def release_claims_of(self, holder: str, *, audit: AuditEntry) -> list[str]: ...

    async def resolve_case(
        self,
        case_id: str,
        holder: str,
        resolution: str,
        note: str,
        at: datetime,
        *,
        audit: AuditEntry,
    ) -> None: ...

    async def flag_case(
        self,
        case_id: str,
        holder: str,
        at: datetime,
        *,
        escalate: bool = False,
        child_safety: bool = False,
        audit: AuditEntry,
    ) -> None: ...

    async def decide_appeal(
        self, case_id: str, decider: str, lift: bool, note: str, at: datetime, *, audit: AuditEntry
    ) -> BanRow: ...

    async def place_legal_hold(
        self,
        case_id: str,
        reason: str,
        at: datetime,
        expires_at: datetime | None,
        *,
        audit: AuditEntry,
    ) -> None: ...

    async def lift_legal_hold(self, case_id: str, *, audit: AuditEntry) -> None: ...

    async def confirm_child_safety(
        self,
        case_id: str,
        holder: str,
        at: datetime,
        hold_expires_at: datetime,
        *,
        audit: AuditEntry,
        hold_audit: AuditEntry,
    ) -> None: ...

    async def note_case_action(
        self, case_id: str, *, audit: AuditEntry, confirmed: bool = False
    ) -> None: ...

    async def count_bans(self, device: str) -> int: ...


BanAnnouncer = Callable[[str | None], Awaitable[None]]
TrustAnnouncer = Callable[[str], Awaitable[None]]


class Actions:
    """Every safety action, for the rules and the console alike."""

    def __init__(
        self,
        store: ActionStore,
        bans: BanService,
        clock: Clock,
        *,
        strike_days: float = 30.0,
        claim_minutes: float = CLAIM_MINUTES,
        legal_hold_days: float = LEGAL_HOLD_DAYS,
        counter: LabelledCounter | None = None,
    ) -> None:
        self._store = store
        self._bans = bans
        self._clock = clock
        self.strike_days = strike_days
        self.claim_minutes = claim_minutes
        self.legal_hold_days = legal_hold_days
        self._counter = counter
        self._ban_announcers: list[BanAnnouncer] = []
        self._trust_announcers: list[TrustAnnouncer] = []

    def on_ban(self, announce: BanAnnouncer) -> None:
        """Call ``announce(device)`` after a ban is made or lifted or its
        appeal decided (``None`` for an address: every connection looks)."""
        self._ban_announcers.append(announce)

    def on_trust(self, announce: TrustAnnouncer) -> None:
        """Call ``announce(device)`` after a device moves in or out of low trust."""
        self._trust_announcers.append(announce)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    # --- bans -----------------------------------------------------------------

    async def ban(
        self,
        actor: Actor,
        *,
        device: str | None,
        address: str | None,
        seconds: float | None,
        reason_code: str,
        case_id: str | None = None,
        why: str = "",
    ) -> Ban:
        """Ban a device, an address (stored as its keyed hash) or both;
        ``seconds=None`` is permanent. Every node closes the banned person's
        connections once it is stored.

        Raises:
            ValueError: neither device nor address, or an unknown reason code.
        """
        return await self._ban(
            actor, "ban", device, address, seconds, reason_code, case_id, why or reason_code
        )

    async def end_matching(
        self,
        actor: Actor,
        device: str | None,
        address: str | None,
        hours: float,
        *,
        case_id: str | None = None,
        why: str = "",
    ) -> Ban:
        """A pause from chatting for ``hours``: a temporary ban coded ``cooldown``."""
        if not hours > 0:
            raise ValueError("end matching for a positive number of hours")
        return await self._ban(
            actor, "end_matching", device, address, hours * 3600, COOLDOWN, case_id, why
        )

    async def _ban(
        self,
        actor: Actor,
        action: str,
        device: str | None,
        address: str | None,
        seconds: float | None,
        reason_code: str,
        case_id: str | None,
        why: str,
    ) -> Ban:
        row = await self._bans.prepare(
            device=device,
            address=address,
            reason_code=reason_code,
            seconds=seconds,
            created_by=actor.label,
            case_id=case_id,
        )
        detail = {
            "device": device,
            "ip_hash": row.ip_hash,
            "reason_code": reason_code,
            "expires_at": row.expires_at.isoformat() if row.expires_at else None,
        }
        entry = self._entry(actor, action, row.id, case_id, why, detail)
        await self._store.add_ban(row, audit=entry)
        self._bans.remember(row)
        self._done(actor, action)
        # A ban on an address covers every device behind it.
        await self._announce_ban(device if address is None else None)
        return Ban(row.id, reason_code, row.expires_at)

    async def lift_ban(self, actor: Actor, ban_id: str, *, why: str = "") -> None:
        """End a ban now (it stays on record, lifted).

        Raises:
            NotFound: no such ban; ActionRefused: lifted already.
        """
        now = self.now()
        entry = self._entry(actor, "lift_ban", ban_id, None, why, {})
        row = await self._store.lift_ban(ban_id, now, audit=entry)
        self._bans.forget()
        self._done(actor, "lift_ban")
        await self._announce_ban(row.device if row.ip_hash is None else None)

    async def previous_bans(self, device: str) -> int:
        """How many bans the device has had: the rules' ban ladder reads it."""
        return await self._store.count_bans(device)

    # --- strikes and trust ------------------------------------------------------

    async def add_strike(self, actor: Actor, device: str, policy: str, rule: str) -> None:
        """A strike under ``policy`` that expires after the policy's strike days."""
        now = self.now()
        expires = now + timedelta(days=self.strike_days)
        detail = {"policy": policy, "rule": rule, "expires_at": expires.isoformat()}
        entry = self._entry(actor, "add_strike", device, None, rule, detail)
        await self._store.add_strike(device, policy, rule, now, expires, audit=entry)
        self._done(actor, "add_strike")

    async def set_low_trust(
        self,
        actor: Actor,
        device: str,
        hours: float | None,
        *,
        case_id: str | None = None,
        why: str = "",
    ) -> None:
        """Move the device to the low-trust pool for ``hours``; ``None`` moves it out."""
        now = self.now()
        until = None if hours is None else now + timedelta(hours=hours)
        trust = TRUST_NORMAL if hours is None else TRUST_LOW
        action = "end_low_trust" if hours is None else "low_trust"
        detail = {"until": until.isoformat() if until else None}
        entry = self._entry(actor, action, device, case_id, why, detail)
        await self._store.set_trust(device, trust, until, audit=entry)
        self._done(actor, action)
        for announce in self._trust_announcers:
            await _after_commit(announce(device), "trust change")

    # --- cases ------------------------------------------------------------------

    async def claim_case(self, actor: Actor, case_id: str) -> datetime:
        """Hold the case for ``claim_minutes`` (again renews it); the claim's expiry.

        Raises:
            CaseClaimed: another moderator holds it (``.holder`` says who).
            CaseClosed, NotFound.
        """
        now = self.now()
        until = now + timedelta(minutes=self.claim_minutes)
        detail = {"until": until.isoformat()}
        entry = self._entry(actor, "claim_case", case_id, case_id, "", detail)
        await self._store.claim_case(case_id, actor.label, until, now, audit=entry)
        self._done(actor, "claim_case")
        return until

    async def release_case(self, actor: Actor, case_id: str) -> None:
        entry = self._entry(actor, "release_case", case_id, case_id, "", {})
        await self._store.release_case(case_id, actor.label, self.now(), audit=entry)
        self._done(actor, "release_case")

    async def release_claims_of(self, actor: Actor, holder: Actor | None = None) -> int:
        """Release every case ``holder`` (by default ``actor``) holds: a
        moderator taking a break, or an admin disabling or resetting an
        account, whose cases go back to the queue at once; how many."""
        holder = holder or actor
        entry = self._entry(actor, "release_claims", holder.label, None, "", {})
        released = await self._store.release_claims_of(holder.label, audit=entry)
        self._done(actor, "release_claims")
        return len(released)

    async def resolve_case(
        self, actor: Actor, case_id: str, resolution: str, *, why: str = ""
    ) -> None:
        """Close the case with ``resolution`` (``dismiss``, ``warn``, ``ban``...).

        Raises:
            ValueError: a resolution that is not a short lower-case word.
            CaseClaimed, CaseClosed, NotFound.
        """
        if not _RESOLUTION.fullmatch(resolution):
            raise ValueError("a resolution is a short lower-case word, like 'dismiss'")
        now = self.now()
        detail = {"resolution": resolution}
        entry = self._entry(actor, "resolve_case", case_id, case_id, why, detail)
        await self._store.resolve_case(case_id, actor.label, resolution, why, now, audit=entry)
        self._done(actor, "resolve_case")

    async def escalate_case(self, actor: Actor, case_id: str, *, why: str = "") -> None:
        """Hand the case to an admin (it stays open, marked escalated)."""
        entry = self._entry(actor, "escalate_case", case_id, case_id, why, {})
        await self._store.flag_case(case_id, actor.label, self.now(), escalate=True, audit=entry)
        self._done(actor, "escalate_case")

    async def mark_child_safety(self, actor: Actor, case_id: str, *, why: str = "") -> None:
        """Make the case a child-safety case: first in the queue, priority 0."""
        entry = self._entry(actor, "mark_child_safety", case_id, case_id, why, {})
        await self._store.flag_case(
            case_id, actor.label, self.now(), child_safety=True, audit=entry
        )
        self._done(actor, "mark_child_safety")

    async def decide_appeal(self, actor: Actor, case_id: str, *, lift: bool, why: str = "") -> None:
        """Decide an appeal case: lift the ban or uphold it. The outcome is
        kept by ban id, for the banned person's ban screen.

        Raises:
            NotIndependent: ``actor`` made the ban appealed.
            CaseClaimed, CaseClosed (decided already), NotFound.
        """
        now = self.now()
        detail = {"outcome": "lifted" if lift else "upheld"}
        entry = self._entry(actor, "decide_appeal", case_id, case_id, why, detail)
        ban = await self._store.decide_appeal(case_id, actor.label, lift, why, now, audit=entry)
        self._bans.forget()
        self._done(actor, "decide_appeal")
        await self._announce_ban(ban.device if ban.ip_hash is None else None)

    async def place_legal_hold(
        self, actor: Actor, case_id: str, *, days: float | None = None, why: str = ""
    ) -> None:
        """Keep the case's evidence past retention for ``days`` (default
        ``legal_hold_days``); placing it again replaces the expiry."""
        now = self.now()
        days = self.legal_hold_days if days is None else days
        if not days > 0:
            raise ValueError("a legal hold lasts a positive number of days")
        expires = now + timedelta(days=days)
        detail = {"expires_at": expires.isoformat()}
        entry = self._entry(actor, "legal_hold", case_id, case_id, why, detail)
        reason = why or "legal hold"
        await self._store.place_legal_hold(case_id, reason, now, expires, audit=entry)
        self._done(actor, "legal_hold")

    async def lift_legal_hold(self, actor: Actor, case_id: str, *, why: str = "") -> None:
        entry = self._entry(actor, "lift_legal_hold", case_id, case_id, why, {})
        await self._store.lift_legal_hold(case_id, audit=entry)
        self._done(actor, "lift_legal_hold")

    # --- child safety and law enforcement ---------------------------------------

    async def confirm_child_safety(
        self, actor: Actor, case_id: str, *, days: float | None = None, why: str = ""
    ) -> None:
        """A moderator confirms that a child-safety case is what it was marked
        as; the case's evidence goes under legal hold for ``days`` (default
        ``legal_hold_days``; a longer hold already placed stays). Only a
        confirmed case can be reported to law enforcement.

        Raises:
            ValueError: the actor is no moderator (a rule cannot confirm).
            ActionRefused: not a child-safety case, or confirmed already;
            CaseClaimed, CaseClosed, NotFound.
        """
        if actor.kind != "mod":
            raise ValueError("only a moderator can confirm a child-safety case")
        now = self.now()
        days = self.legal_hold_days if days is None else days
        if not days > 0:
            raise ValueError("a legal hold lasts a positive number of days")
        expires = now + timedelta(days=days)
        entry = self._entry(actor, CONFIRM_CHILD_SAFETY, case_id, case_id, why, {})
        hold = self._entry(
            actor,
            "legal_hold",
            case_id,
            case_id,
            "child-safety case confirmed",
            {"expires_at": expires.isoformat()},
        )
        await self._store.confirm_child_safety(
            case_id, actor.label, now, expires, audit=entry, hold_audit=hold
        )
        self._done(actor, CONFIRM_CHILD_SAFETY)
        self._done(actor, "legal_hold")

    async def record_law_report(
        self, actor: Actor, case_id: str, *, sha256: str, incident_type: str, files: int
    ) -> None:
        """Record that ``actor`` produced a law-enforcement report package of a
        confirmed child-safety case (by the SHA-256 of its ``report.json``).

        Raises:
            ActionRefused: the case is not confirmed; NotFound.
        """
        detail = {"sha256": sha256, "incident_type": incident_type, "files": files}
        entry = self._entry(actor, "law_report", case_id, case_id, "", detail)
        await self._store.note_case_action(case_id, audit=entry, confirmed=True)
        self._done(actor, "law_report")

    async def record_submission(
        self, actor: Actor, case_id: str, *, service: str, receipt: str, sha256: str
    ) -> None:
        """Record that a report package was filed with ``service`` (its receipt)."""
        detail = {"service": service, "receipt": receipt[:200], "sha256": sha256}
        entry = self._entry(actor, "submit_law_report", case_id, case_id, "", detail)
        await self._store.note_case_action(case_id, audit=entry, confirmed=True)
        self._done(actor, "submit_law_report")

    # --- helpers ----------------------------------------------------------------

    def _entry(
        self,
        actor: Actor,
        action: str,
        subject: str,
        case_id: str | None,
        why: str,
        detail: dict[str, Any],
    ) -> AuditEntry:
        return AuditEntry(self.now(), actor.label, action, subject, case_id, why, detail)

    def _done(self, actor: Actor, action: str) -> None:
        if self._counter is not None:
            self._counter.inc(actor.kind, action)
        log.info("%s by %s", action, actor.kind)

    async def _announce_ban(self, device: str | None) -> None:
        for announce in self._ban_announcers:
            await _after_commit(announce(device), "ban notice")


async def _after_commit(step: Awaitable[None], what: str) -> None:
    """An announcement after the commit: the change is stored whatever
    happens here (other nodes read bans again within a minute anyway)."""
    try:
        await step
    except Exception:
        log.exception("stored, but the %s could not be sent", what)


__all__ = [
    "ActionRefused",
    "Actions",
    "Actor",
    "CaseClaimed",
    "CaseClosed",
    "NotFound",
    "NotIndependent",
]
