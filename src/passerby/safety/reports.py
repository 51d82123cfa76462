"""Reports and safety cases: evidence written durably before anyone is told.

:class:`EvidenceService` writes one evidence record together with its case,
in one transaction. When the database does not answer, the record goes to
the local spool (fsynced) instead and is replayed later, so a report is
never lost: the reporter hears "received" only after one of the two writes
has reached the disk.

:class:`ReportService` turns a user's report into such a record: the
server's own transcript, the section, both sides' session ids, device
hashes, addresses and ports, user agents, UTC times, and the signals and
actions seen in that chat. Reporting the same person twice joins one case;
after a report the two are never matched again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import logging
import os
from datetime import UTC, datetime
from typing import Any, Protocol

from passerby.clock import Clock
from passerby.cluster.broker import PeerInfo
from passerby.core.transcript import ChatRecord
from passerby.periodic import Periodic
from passerby.safety.records import report_record
from passerby.safety.spool import Spool
from passerby.storage.chain import (
    ChainReport,
    EvidenceRecord,
    encodable,
    timestamp,
    verify_chain,
)
from passerby.storage.safety_sql import EvidenceWrite

log = logging.getLogger(__name__)

REPLAY_SECONDS = 2.0
# Below this much free space where the spool lives, /healthz says the spool
# is degraded: an operator hears of a filling disk before a report is lost.
SPOOL_MIN_FREE_BYTES = 64 * 1024 * 1024


class EvidenceNotSaved(Exception):
    """Neither the store nor the spool could take an evidence record.

    The person who sent it must be told to try again; nothing pretends it
    was received.
    """


class EvidenceStore(Protocol):
    async def write_evidence(self, write: EvidenceWrite) -> tuple[str, EvidenceRecord]: ...

    async def list_evidence(self, case_id: str | None = None) -> list[EvidenceRecord]: ...


def _to_spool(write: EvidenceWrite) -> dict[str, Any]:
    return {
        "record_id": write.record_id,
        "kind": write.kind,
        "body": write.body,
        "created_at": timestamp(write.created_at),
        "case_kind": write.case_kind,
        "case_priority": write.case_priority,
        "case_subject": write.case_subject,
        "case_opened_by": write.case_opened_by,
        "case_summary": write.case_summary,
        "dedupe_key": write.dedupe_key,
        "block": list(write.block) if write.block else None,
        "case_section": write.case_section,
        "case_reason": write.case_reason,
        "case_ban_id": write.case_ban_id,
        "actor": write.actor,
    }


def _from_spool(entry: dict[str, Any]) -> EvidenceWrite:
    block = entry.get("block")
    return EvidenceWrite(
        record_id=entry["record_id"],
        kind=entry["kind"],
        body=entry["body"],
        created_at=datetime.strptime(entry["created_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(
            tzinfo=UTC
        ),
        case_kind=entry["case_kind"],
        case_priority=entry["case_priority"],
        case_subject=entry["case_subject"],
        case_opened_by=entry["case_opened_by"],
        case_summary=entry["case_summary"],
        dedupe_key=entry["dedupe_key"],
        block=(block[0], block[1]) if block else None,
        # Absent from entries spooled before these fields existed.
        case_section=entry.get("case_section"),
        case_reason=entry.get("case_reason"),
        case_ban_id=entry.get("case_ban_id"),
        actor=entry.get("actor", "user"),
    )


class EvidenceService:
    def __init__(self, store: EvidenceStore, spool: Spool, clock: Clock) -> None:
        self._store = store
        self.spool = spool
        self._clock = clock
        self._periodic = Periodic("evidence-spool", REPLAY_SECONDS, self._replay_pending)
        # Whether the last write to each reached the disk; for /healthz.
        self.store_ok = True
        self.spool_ok = True

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    async def write(self, write: EvidenceWrite) -> str | None:
        """Store durably; the case id when it reached the database, None when spooled.

        Raises:
            EvidenceNotSaved: neither the database nor the spool took it.
        """
        body = encodable(write.body)
        if body is not write.body:
            write = dataclasses.replace(write, body=body)
        failure = "spool has records waiting"
        if not self.spool.pending():
            try:
                case_id, _ = await self._store.write_evidence(write)
            except Exception as exc:
                self.store_ok = False
                failure = _why(exc)
            else:
                self.store_ok = True
                if not self.spool_ok and _free_bytes(self.spool.path) >= SPOOL_MIN_FREE_BYTES:
                    self.spool_ok = True  # the disk has room again
                return case_id
        # Behind earlier spooled records, or the store failed: keep the order.
        try:
            await self.spool.append(_to_spool(write))
        except Exception as exc:
            self.spool_ok = False
            log.error(
                "could not save evidence record %s: store: %s; spool: %s",
                write.record_id,
                failure,
                _why(exc),
            )
            raise EvidenceNotSaved(write.record_id) from None
        self.spool_ok = True
        log.warning("spooled evidence record %s (store: %s)", write.record_id, failure)
        return None

    def health(self) -> dict[str, str]:
        """``ok`` or ``degraded`` for the store's and the spool's last writes,
        and for the free space left where the spool lives."""
        spool_ok = self.spool_ok and _free_bytes(self.spool.path) >= SPOOL_MIN_FREE_BYTES
        return {
            "evidence_store": "ok" if self.store_ok else "degraded",
            "spool": "ok" if spool_ok and not self.spool.pending() else "degraded",
        }

    async def replay(self) -> int:
        """Move spooled records into the store; raises if it is still down."""

        async def store(entry: dict[str, Any]) -> None:
            await self._store.write_evidence(_from_spool(entry))

        return await self.spool.drain(store)

    async def verify(self) -> ChainReport:
        return verify_chain(await self._store.list_evidence())

    async def list_records(self, case_id: str | None = None) -> list[EvidenceRecord]:
        return await self._store.list_evidence(case_id)

    async def start(self) -> None:
        self._periodic.start()

    async def close(self) -> None:
        await self._periodic.close()
        if self.spool.pending():
            with contextlib.suppress(Exception):
                await self.replay()

    async def _replay_pending(self) -> None:
        if self.spool.pending():
            count = await self.replay()  # raises (and is retried) while the store is down
            self.store_ok = True
            log.warning("replayed %d spooled evidence records", count)


def _why(exc: BaseException) -> str:
    """A failure in a few words for the log: its type and, for an OS error,
    its errno name (ENOSPC), never its text, which may quote data."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return f"{type(exc).__name__} {errno.errorcode.get(exc.errno, exc.errno)}"
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, OSError) and cause.errno is not None:
        return f"{type(exc).__name__} ({_why(cause)})"
    return type(exc).__name__


def _free_bytes(path: Any) -> int:
    """Free bytes on the file system that holds ``path`` (or its folder)."""
    for candidate in (path, path.parent, path.parent.parent):
        try:
            stat = os.statvfs(candidate)
        except OSError:
            continue
        return stat.f_bavail * stat.f_frsize
    return 0


class ReportService:
    def __init__(self, evidence: EvidenceService, clock: Clock) -> None:
        self._evidence = evidence
        self._clock = clock

    async def report(
        self,
        *,
        reason: str,
        comment: str,
        record: ChatRecord,
        reporter: PeerInfo,
        reported: PeerInfo | None,
    ) -> str:
        """Store the report; its record id.

        Raises:
            EvidenceNotSaved: the reporter is told to try again.
        """
        now = datetime.fromtimestamp(self._clock.wall(), UTC)
        write = report_record(
            now, reason=reason, comment=comment, record=record, reporter=reporter, reported=reported
        )
        await self._evidence.write(write)
        return write.record_id
