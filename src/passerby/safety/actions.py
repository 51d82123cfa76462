"""Carrying out what the rules decided: strikes, trust, bans, cases, challenges.

The session decides delivery, warnings and the end of a chat by itself;
everything that needs the database comes here. The case's evidence is
written first (through :class:`~passerby.safety.reports.EvidenceService`,
which spools it when the database fails); every sanction is then one action
of :mod:`.moderation_actions`, by the rule (``rule:<id>``) that decided it,
exactly as a moderator's would be, so each is in the audit log with the rule
and the signals that caused it. This module keeps a device's strikes and
risk in memory while it is online; it writes nothing itself.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from passerby.clock import Clock
from passerby.cluster.broker import PeerInfo
from passerby.core.transcript import ChatRecord
from passerby.core.verdict import Verdict
from passerby.safety.bans import Ban
from passerby.safety.challenge import ChallengeService
from passerby.safety.devices import DeviceService
from passerby.safety.moderation import StrikeBook
from passerby.safety.moderation_actions import Actions, Actor
from passerby.safety.policy import Policy
from passerby.safety.records import case_record
from passerby.safety.reports import EvidenceService
from passerby.safety.risk import DeviceRisk

log = logging.getLogger(__name__)


class StrikeStore(Protocol):
    async def live_strikes(self, device: str, now: datetime) -> dict[str, list[float]]: ...

    async def get_device_risk(self, device: str) -> tuple[float, float]: ...

    async def save_device_risk(self, device: str, risk: float, at: float) -> None: ...


@dataclass(frozen=True, slots=True)
class Sanctions:
    ban: Ban | None = None
    challenge: dict[str, Any] | None = None
    low_trust: bool = False
    case_record: str | None = None


class SafetyActions:
    def __init__(
        self,
        policy: Policy,
        store: StrikeStore,
        devices: DeviceService,
        actions: Actions,
        challenges: ChallengeService,
        evidence: EvidenceService,
        clock: Clock,
    ) -> None:
        self.policy = policy
        self._store = store
        self._devices = devices
        self._actions = actions
        self._challenges = challenges
        self._evidence = evidence
        self._clock = clock
        self._books: dict[str, StrikeBook] = {}
        self._histories: dict[str, DeviceRisk] = {}

    def strikes_of(self, device: str) -> StrikeBook:
        """The in-memory strike book every connection of a device shares."""
        book = self._books.get(device)
        if book is None:
            book = self._books[device] = StrikeBook()
        return book

    async def load(self, device: str) -> None:
        """A device comes online on this node: bring its strikes and risk into memory."""
        if device in self._books:
            return
        if self._devices.is_fresh(device):
            # Minted here and never away: it has no strikes or history yet.
            self._books[device] = StrikeBook()
            self._histories[device] = DeviceRisk()
            return
        now = datetime.fromtimestamp(self._clock.wall(), UTC)
        self._books[device] = StrikeBook(await self._store.live_strikes(device, now))
        risk, at = await self._store.get_device_risk(device)
        self._histories[device] = DeviceRisk(value=risk, stamp=at)

    async def release(self, device: str) -> None:
        """The device's last connection here closed: keep its risk, free the memory."""
        self._devices.not_fresh(device)
        self._books.pop(device, None)
        history = self._histories.pop(device, None)
        if history is not None:
            now = self._clock.wall()
            await _guarded(self._store.save_device_risk(device, history.value(now), now))

    def history_of(self, device: str) -> DeviceRisk:
        """The device's risk across its chats, shared by its connections."""
        history = self._histories.get(device)
        if history is None:
            history = self._histories[device] = DeviceRisk()
        return history

    async def apply(
        self, verdict: Verdict, record: ChatRecord, me: PeerInfo, them: PeerInfo | None
    ) -> Sanctions:
        """Carry out the sanctions; the case's evidence first, as it must never be lost.

        Each later step is independent: a failing database write is logged
        and the other steps still run.
        """
        outcome = verdict.outcome
        now = datetime.fromtimestamp(self._clock.wall(), UTC)
        case_id = None
        try:
            case_record, case_id = await self._open_case(verdict, record, me, them, now)
        except Exception:  # EvidenceNotSaved, or a bug: the sanctions still hold
            log.exception("could not open the case for rule-driven sanctions")
            case_record = None
        # A peer with no device (an API client without a cookie) keeps its
        # strikes for the connection only, and is banned by its address.
        for policy_name in outcome.strikes if me.device else ():
            rule = next((d.rule for d in outcome.decisions if d.policy == policy_name), policy_name)
            await _guarded(self._actions.add_strike(Actor.rule(rule), me.device, policy_name, rule))
        low_trust = outcome.has("low_trust")  # this connection moves at once, whatever happens
        decided = outcome.first("low_trust")
        if low_trust and me.device and decided is not None:
            await _guarded(
                self._actions.set_low_trust(
                    Actor.rule(decided.rule),
                    me.device,
                    self.policy.low_trust_days * 24,
                    case_id=case_id,
                    why=",".join(decided.signals),
                )
            )
        ban = None
        perm = outcome.first("perm_ban")
        temp = outcome.first("temp_ban")
        if (perm or temp) and (me.device or me.address):
            chosen = perm or temp
            assert chosen is not None
            try:
                seconds = None
                if perm is None:
                    previous = await self._actions.previous_bans(me.device) if me.device else 0
                    seconds = self.policy.temp_ban_length(previous)
                ban = await self._actions.ban(
                    Actor.rule(chosen.rule),
                    device=me.device or None,
                    address=None if me.device else me.address,
                    reason_code=chosen.ban_reason,
                    seconds=seconds,
                    case_id=case_id,
                    why=",".join(chosen.signals),
                )
            except Exception:
                log.exception("could not store a ban decided by rule %s", chosen.rule)
        challenge = self._challenges.issue() if outcome.has("challenge") else None
        return Sanctions(ban, challenge, low_trust, case_record)

    async def _open_case(
        self,
        verdict: Verdict,
        record: ChatRecord,
        me: PeerInfo,
        them: PeerInfo | None,
        now: datetime,
    ) -> tuple[str | None, str | None]:
        """The case's evidence record id, and the case id once it is stored
        (None while the record waits in the spool)."""
        outcome = verdict.outcome
        urgent = outcome.first("child_safety_case")
        decision = urgent or outcome.first("review_case")
        if decision is None:
            return None, None
        write = case_record(
            now,
            urgent=urgent is not None,
            rule=decision.rule,
            priority=decision.priority,
            trigger={
                "rule": decision.rule,
                "signals": list(decision.signals),
                "detected": [[s.name, s.score, s.detail] for s in verdict.signals],
                "risk": {"score": verdict.risk.score, "reasons": list(verdict.risk.reasons)},
            },
            signal_names=[s.name for s in verdict.signals],
            record=record,
            me=me,
            them=them,
        )
        # EvidenceService falls back to the fsynced spool when the database fails.
        case_id = await self._evidence.write(write)
        return write.record_id, case_id


async def _guarded(step: Awaitable[object]) -> None:
    try:
        await step
    except Exception:
        log.exception("a moderation sanction could not be stored")
