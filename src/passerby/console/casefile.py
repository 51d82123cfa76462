"""What a case page shows, built from the case's evidence records. Pure.

A case gathers one or more evidence records (reports, rule-opened cases,
an appeal; :mod:`passerby.safety.records` builds them). This module reads
them back into what a moderator needs: the transcript with each message's
signals, the report reasons and comments, the actions the rules already
took, the two sides (device hash, a masked address), and whether each
record is still intact (its body and link hashes recomputed). It reads no
clock and touches no store; addresses leave it only masked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from passerby.safety.iphash import mask_for_logs
from passerby.storage.chain import EvidenceRecord, body_hash, link_hash

# A signal scored at least this is shown as strong.
STRONG_SIGNAL: Final = 0.8
# The two sides of a record, by the names the record builders give them:
# the person the case is about first.
SIDES: Final = (("reported", "reporter"), ("subject", "other"))


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    score: float

    @property
    def strong(self) -> bool:
        return self.score >= STRONG_SIGNAL


@dataclass(frozen=True, slots=True)
class Line:
    at: datetime | None
    side: str  # the role in the record: reporter, reported, subject, other
    text: str
    delivered: bool
    signals: tuple[Signal, ...]
    about_subject: bool  # sent by the person the case is about

    @property
    def flagged(self) -> bool:
        return bool(self.signals)


@dataclass(frozen=True, slots=True)
class RuleAction:
    at: datetime | None
    rule: str
    action: str
    signals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Side:
    role: str
    device: str | None
    address: str | None  # the raw address, for bans; never shown
    session: str | None
    user_agent: str | None

    @property
    def masked_address(self) -> str:
        return mask_for_logs(self.address) if self.address else ""


@dataclass(frozen=True, slots=True)
class RecordView:
    """One evidence record of the case, as read."""

    id: str
    seq: int
    kind: str
    created_at: datetime
    intact: bool
    purged: bool
    reason: str | None = None
    comment: str | None = None
    trigger: dict[str, Any] | None = None
    appeal_text: str | None = None
    ban_id: str | None = None
    reason_code: str | None = None
    section: str | None = None
    chat_id: str | None = None
    transcript: tuple[Line, ...] = ()
    rule_actions: tuple[RuleAction, ...] = ()
    sides: tuple[Side, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseFile:
    records: tuple[RecordView, ...]
    subject: Side | None
    others: tuple[Side, ...] = field(default_factory=tuple)

    @property
    def intact(self) -> bool:
        return all(record.intact for record in self.records)

    @property
    def devices(self) -> list[str]:
        """Every device hash named in the case, the subject's first."""
        found: list[str] = []
        for side in (self.subject, *self.others):
            if side is not None and side.device and side.device not in found:
                found.append(side.device)
        return found


def record_intact(record: EvidenceRecord) -> bool:
    """The record's body still hashes to its ``body_hash`` (or was purged),
    and its link hash still covers its fields. The whole chain's order is
    checked by ``passerby evidence verify``."""
    if record.body_text is not None and body_hash(record.body_text) != record.body_hash:
        return False
    computed = link_hash(
        record.prev_hash,
        record.seq,
        record.id,
        record.kind,
        record.case_id,
        record.created_at,
        record.body_hash,
    )
    return computed == record.hash


def _time(value: Any) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    if isinstance(value, str):
        try:
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        except ValueError:
            return None
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _signals(raw: Any) -> tuple[Signal, ...]:
    found = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], str):
            score = item[1] if isinstance(item[1], int | float) else 0.0
            found.append(Signal(item[0], float(score)))
    return tuple(sorted(found, key=lambda s: -s.score))


def _side(role: str, raw: Any) -> Side | None:
    if not isinstance(raw, dict):
        return None
    return Side(
        role,
        _str(raw.get("device_hash")),
        _str(raw.get("ip")),
        _str(raw.get("session")),
        _str(raw.get("user_agent")),
    )


def read_record(record: EvidenceRecord) -> RecordView:
    body = record.body
    subject_role, other_role = next(
        (pair for pair in SIDES if pair[0] in body or pair[1] in body), SIDES[0]
    )
    lines = tuple(
        Line(
            _time(line.get("at")),
            str(line.get("from", "")),
            str(line.get("text", "")),
            bool(line.get("delivered", True)),
            _signals(line.get("signals")),
            line.get("from") == subject_role,
        )
        for line in body.get("transcript", [])
        if isinstance(line, dict)
    )
    actions = tuple(
        RuleAction(
            _time(a.get("at")),
            str(a.get("rule", "")),
            str(a.get("action", "")),
            tuple(str(s) for s in a.get("signals", []) if isinstance(s, str)),
        )
        for a in body.get("actions", [])
        if isinstance(a, dict)
    )
    sides = tuple(
        side
        for side in (
            _side(subject_role, body.get(subject_role)),
            _side(other_role, body.get(other_role)),
        )
        if side is not None
    )
    if record.kind == "appeal" and not sides:
        sides = (Side("appellant", _str(body.get("device_hash")), None, None, None),)
    trigger = body.get("trigger")
    return RecordView(
        id=record.id,
        seq=record.seq,
        kind=record.kind,
        created_at=record.created_at,
        intact=record_intact(record),
        purged=record.body_text is None,
        reason=_str(body.get("reason")),
        comment=_str(body.get("comment")),
        trigger=trigger if isinstance(trigger, dict) else None,
        appeal_text=_str(body.get("text")) if record.kind == "appeal" else None,
        ban_id=_str(body.get("ban_id")),
        reason_code=_str(body.get("reason_code")),
        section=_str(body.get("section")),
        chat_id=_str(body.get("chat_id")),
        transcript=lines,
        rule_actions=actions,
        sides=sides,
    )


def case_file(records: Iterable[EvidenceRecord], subject_device: str | None) -> CaseFile:
    """The case page's evidence; ``subject_device`` is the case's subject."""
    views = tuple(read_record(r) for r in sorted(records, key=lambda r: r.seq))
    subject: Side | None = None
    others: list[Side] = []
    for view in views:
        for index, side in enumerate(view.sides):
            is_subject = side.device == subject_device if subject_device else index == 0
            if is_subject and (subject is None or (subject.address is None and side.address)):
                subject = side
            elif not is_subject and all(o.device != side.device for o in others):
                others.append(side)
    if subject is None and subject_device:
        subject = Side("subject", subject_device, None, None, None)
    return CaseFile(views, subject, tuple(others))
