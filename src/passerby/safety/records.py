"""Evidence records: the one place that builds them. Pure.

Every path that writes evidence (a user's report, a case the rules open, an
appeal) builds its :class:`~passerby.storage.safety_sql.EvidenceWrite` here,
so every record has the same shape: a fresh id, a UTC time, the chat as the
server saw it (its transcript, section, times, both sides' session ids,
device hashes, addresses, ports and user agents) where there is a chat, and
the case it opens or joins. :class:`~passerby.safety.reports.EvidenceService`
then makes it durable. Nothing here reads a clock: ``now`` is passed in.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from passerby.cluster.broker import PeerInfo
from passerby.core.transcript import ChatRecord
from passerby.storage.chain import timestamp
from passerby.storage.safety_sql import EvidenceWrite

# Case priority by reason: 0 is the most urgent.
REPORT_PRIORITY: Final = {
    "minor_at_risk": 0,
    "sexual": 1,
    "harassment": 2,
    "hate": 2,
    "spam": 3,
    "other": 3,
}
APPEAL_PRIORITY: Final = 2


def chat_evidence(
    record: ChatRecord, me: PeerInfo, them: PeerInfo | None, *, my_role: str, their_role: str
) -> dict[str, Any]:
    """The chat as the server saw it, with its two sides named by role."""
    body = record.as_evidence(my_role, their_role)
    body.update(
        {
            "chat_id": record.chat,
            "section": record.section,
            "chat_started_at": record.started_at,
            "chat_ended_at": record.ended_at,
            my_role: me.as_evidence(),
            their_role: them.as_evidence() if them else {"session": record.partner},
        }
    )
    return body


def report_record(
    now: datetime,
    *,
    reason: str,
    comment: str,
    record: ChatRecord,
    reporter: PeerInfo,
    reported: PeerInfo | None,
) -> EvidenceWrite:
    """A user's report of the stranger in ``record``; reporting the same
    person again joins the same case, and the two are never matched again."""
    body = chat_evidence(record, reporter, reported, my_role="reporter", their_role="reported")
    body.update({"reason": reason, "comment": comment, "reported_at": timestamp(now)})
    subject = reported.device if reported else None
    return EvidenceWrite(
        record_id=secrets.token_hex(12),
        kind="report",
        body=body,
        created_at=now,
        case_kind="child_safety" if reason == "minor_at_risk" else "report",
        case_priority=REPORT_PRIORITY.get(reason, 3),
        case_subject=subject,
        case_opened_by=reporter.device,
        case_summary=f"report: {reason}",
        dedupe_key=f"report:{reporter.device}:{subject or record.partner}",
        block=(reporter.device, subject) if subject and reporter.device else None,
        case_section=record.section or None,
        case_reason=reason,
    )


def case_record(
    now: datetime,
    *,
    urgent: bool,
    rule: str,
    priority: int,
    trigger: dict[str, Any],
    signal_names: Sequence[str],
    record: ChatRecord,
    me: PeerInfo,
    them: PeerInfo | None,
) -> EvidenceWrite:
    """A case the rules opened about ``me`` (a child-safety case when ``urgent``)."""
    kind = "child_safety" if urgent else "review"
    body = chat_evidence(record, me, them, my_role="subject", their_role="other")
    body.update({"trigger": trigger, "opened_at": timestamp(now)})
    names = ",".join(sorted(set(signal_names)))
    return EvidenceWrite(
        record_id=secrets.token_hex(12),
        kind="moderation",
        body=body,
        created_at=now,
        case_kind=kind,
        case_priority=0 if urgent else priority,
        case_subject=me.device or None,
        case_opened_by=f"rule:{rule}",
        case_summary=f"{kind}: {rule} ({names})",
        dedupe_key=f"{kind}:{me.device}:{record.chat}",
        case_section=record.section or None,
        case_reason=rule,
        actor=f"rule:{rule}",
    )


def appeal_record(
    now: datetime, *, ban_id: str, reason_code: str, text: str, device: str | None
) -> EvidenceWrite:
    """A banned user's appeal of ban ``ban_id``; one case per ban."""
    return EvidenceWrite(
        record_id=secrets.token_hex(12),
        kind="appeal",
        body={
            "ban_id": ban_id,
            "reason_code": reason_code,
            "text": text,
            "device_hash": device,
            "received_at": timestamp(now),
        },
        created_at=now,
        case_kind="appeal",
        case_priority=APPEAL_PRIORITY,
        case_subject=device,
        case_opened_by=device,
        case_summary=f"appeal of ban {ban_id} ({reason_code})",
        dedupe_key=f"appeal:{ban_id}",
        case_reason=reason_code,
        case_ban_id=ban_id,
    )
