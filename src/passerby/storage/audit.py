"""The audit log's chain: one record per safety action, SHA-256 linked. Pure.

Every action of :mod:`passerby.safety.moderation_actions` (and every case a
report or a rule opens) appends one :class:`AuditRecord` in the same
transaction as the change it records. A record says who did it (``actor``:
``rule:<name>``, ``mod:<name>``, ``system`` or ``user``), when, what
(``action``), to what (``subject``: a device hash, an address hash, a ban
id or a case id), in which case, why, and a JSON ``detail``.

Records are linked like the evidence chain (:mod:`.chain`)::

    body_hash = SHA-256(canonical {seq, at, actor, action, subject, case_id, why, detail})
    hash      = SHA-256(prev_hash | seq | body_hash)

so altering any field, deleting a record or reordering two breaks the chain
at that record, and :func:`verify_audit` names it. Nothing here may hold
message text or an IP address: details carry hashes and codes only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson

from passerby.storage.chain import GENESIS, ChainReport, body_hash, canonical, timestamp


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One action to record, as the actions layer describes it."""

    at: datetime
    actor: str
    action: str
    subject: str
    case_id: str | None = None
    why: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    case_id: str | None
    why: str
    detail_text: str
    prev_hash: str
    hash: str

    @property
    def detail(self) -> dict[str, Any]:
        data: dict[str, Any] = orjson.loads(self.detail_text)
        return data

    def as_json(self) -> dict[str, Any]:
        """The record as one line of an export, hashes included."""
        return {
            "seq": self.seq,
            "at": timestamp(self.at),
            "actor": self.actor,
            "action": self.action,
            "subject": self.subject,
            "case_id": self.case_id,
            "why": self.why,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def audit_body_hash(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    subject: str,
    case_id: str | None,
    why: str,
    detail_text: str,
) -> str:
    body = {
        "seq": seq,
        "at": timestamp(at),
        "actor": actor,
        "action": action,
        "subject": subject,
        "case_id": case_id,
        "why": why,
        "detail": detail_text,
    }
    return body_hash(canonical(body))


def audit_link(prev_hash: str, seq: int, digest: str) -> str:
    return hashlib.sha256(f"{prev_hash}|{seq}|{digest}".encode()).hexdigest()


def chain_record(entry: AuditEntry, seq: int, prev_hash: str) -> AuditRecord:
    """``entry`` as record ``seq``, linked to the record whose hash is ``prev_hash``."""
    text = canonical(entry.detail)
    digest = audit_body_hash(
        seq, entry.at, entry.actor, entry.action, entry.subject, entry.case_id, entry.why, text
    )
    return AuditRecord(
        seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.subject,
        entry.case_id,
        entry.why,
        text,
        prev_hash,
        audit_link(prev_hash, seq, digest),
    )


def verify_audit(records: Iterable[AuditRecord]) -> ChainReport:
    """Check every record in ``seq`` order from the genesis; the first bad one.

    A gap in ``seq`` is a deleted record; a ``prev_hash`` that is not the
    previous record's hash is a removed or reordered one; a hash that does
    not match the fields is an altered record.
    """
    prev = GENESIS
    expected = 1
    count = 0
    for record in records:
        count += 1
        if record.seq != expected:
            return ChainReport(False, count, 0, record.seq, f"missing record {expected}")
        if record.prev_hash != prev:
            return ChainReport(False, count, 0, record.seq, "link to the previous record broken")
        digest = audit_body_hash(
            record.seq,
            record.at,
            record.actor,
            record.action,
            record.subject,
            record.case_id,
            record.why,
            record.detail_text,
        )
        if audit_link(record.prev_hash, record.seq, digest) != record.hash:
            return ChainReport(False, count, 0, record.seq, "record altered")
        prev = record.hash
        expected += 1
    return ChainReport(True, count, 0)
