"""The evidence chain: canonical bodies, SHA-256 links, verification. Pure.

It sits with the store, which links each record as it appends it; the
safety services build records (:mod:`passerby.safety.records`) and check the
chain through it, never the other way round.

Every evidence record is stored with ``body_hash = SHA-256(canonical body)``
and ``hash = SHA-256(prev_hash | seq | id | kind | case_id | created_at |
body_hash)``, where ``prev_hash`` is the previous record's ``hash`` (64 zeros
for the first). Altering a body, a field, or the order, or deleting a row,
breaks the chain at that row, and :func:`verify_chain` says where. A purged
record keeps its hashes with an empty body, so the chain still verifies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

GENESIS = "0" * 64


def canonical(body: dict[str, Any]) -> str:
    """One byte-exact JSON text for a body: sorted keys, no spaces, UTF-8."""
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS).decode()


def scrub(value: Any) -> Any:
    """``value`` with every string made valid UTF-8 (a lone surrogate, as an
    undecodable byte from a client arrives, becomes U+FFFD), so that a record
    can always be encoded, whatever a client put in it."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(v) for v in value]
    return value


def encodable(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` itself when it encodes as JSON (nearly always), else :func:`scrub` of it."""
    try:
        orjson.dumps(body)
    except orjson.JSONEncodeError:
        return dict(scrub(body))
    return body


def body_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def timestamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def link_hash(
    prev_hash: str,
    seq: int,
    record_id: str,
    kind: str,
    case_id: str | None,
    created_at: datetime,
    body_digest: str,
) -> str:
    parts = [
        prev_hash,
        str(seq),
        record_id,
        kind,
        case_id or "",
        timestamp(created_at),
        body_digest,
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    seq: int
    id: str
    created_at: datetime
    kind: str
    case_id: str | None
    body_text: str | None  # None once purged
    body_hash: str
    prev_hash: str
    hash: str

    @property
    def body(self) -> dict[str, Any]:
        if self.body_text is None:
            return {}
        data: dict[str, Any] = orjson.loads(self.body_text)
        return data


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    records: int
    purged: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(records: Iterable[EvidenceRecord]) -> ChainReport:
    """Check every link, in ``seq`` order, from the genesis."""
    prev = GENESIS
    expected_seq = 1
    count = purged = 0
    for record in records:
        count += 1
        if record.seq != expected_seq:
            return ChainReport(False, count, purged, record.seq, f"missing record {expected_seq}")
        if record.prev_hash != prev:
            return ChainReport(
                False, count, purged, record.seq, "link to the previous record broken"
            )
        if record.body_text is None:
            purged += 1
        elif body_hash(record.body_text) != record.body_hash:
            return ChainReport(False, count, purged, record.seq, "body altered")
        computed = link_hash(
            record.prev_hash,
            record.seq,
            record.id,
            record.kind,
            record.case_id,
            record.created_at,
            record.body_hash,
        )
        if computed != record.hash:
            return ChainReport(False, count, purged, record.seq, "record fields altered")
        prev = record.hash
        expected_seq += 1
    return ChainReport(True, count, purged)
