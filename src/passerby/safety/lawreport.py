"""Law-enforcement report packages for confirmed child-safety cases. Pure.

A *report package* is what an operator files with a hotline such as NCMEC's
CyberTipline: one JSON document (``report.json``) whose fields follow the
CyberTipline's (incident type, incident time with its zone, the reporter's
contact, the reported user's identifiers and IP capture events, the
complete communication, files with MD5/SHA-1/SHA-256 and whether the
reviewer viewed each), the files themselves under ``files/``, and
``manifest.json``: the SHA-256 of every other member, so whoever receives
the zip can check that nothing in it changed.

It is built from a case's evidence records as stored (read here, never
changed) and from what the console says (who confirmed the case, which
incident type, the reporter's contact). This module reads no clock, touches
no store and logs nothing: the package holds full addresses and message
text, so it leaves the server only as the download an admin asked for.
Sending it on is a :class:`Submitter`'s job, and none is configured unless
an operator plugs one in.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, Protocol

import orjson

from passerby.storage.chain import EvidenceRecord
from passerby.storage.safety_sql import CaseRow

FORMAT: Final = "passerby-law-enforcement-report/1"
REPORT_NAME: Final = "report.json"
MANIFEST_NAME: Final = "manifest.json"
FILES_DIR: Final = "files/"
# The CyberTipline's incident types, by the short code the console sends.
INCIDENT_TYPES: Final = {
    "online_enticement": "Online Enticement of Children for Sexual Acts",
    "child_pornography": "Child Pornography (possession, manufacture, and distribution)",
    "unsolicited_obscene_material": "Unsolicited Obscene Material Sent to a Child",
    "child_sex_trafficking": "Child Sex Trafficking",
    "child_sex_tourism": "Child Sex Tourism",
    "child_sexual_molestation": "Child Sexual Molestation",
    "misleading_domain_name": "Misleading Domain Name",
    "misleading_words_or_images": "Misleading Words or Digital Images on the Internet",
}
# A text chat between strangers is what Passerby has: the enticement of a
# child is what a confirmed case from it most often is. The admin picks.
DEFAULT_INCIDENT: Final = "online_enticement"
# Where the incident happened, in the CyberTipline's "internet details" terms.
INTERNET_DETAIL: Final = "Chat/IM"
# The zone every time in the package is given in (with its offset, +00:00).
TIME_ZONE: Final = "UTC"
# The two sides of an evidence record by the names the record builders give
# them (safety/records.py): the person a case is usually about first.
PAIRS: Final = (("reported", "reporter"), ("subject", "other"))


@dataclass(frozen=True, slots=True)
class ReporterContact:
    """Who law enforcement reaches about the report (from configuration)."""

    name: str
    email: str
    phone: str
    service: str = "Passerby"
    url: str = ""


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A moderator's confirmation that the case is child sexual exploitation."""

    by: str  # the actor, ``mod:<name>``
    at: datetime


@dataclass(frozen=True, slots=True)
class ReportFile:
    """A file reported (an image, once video exists): its bytes and whether
    the reviewer looked at it (the CyberTipline's ``fileViewedByEsp``)."""

    name: str
    data: bytes
    viewed_by_reviewer: bool
    at: datetime | None = None

    def describe(self) -> dict[str, Any]:
        return {
            "fileName": self.name,
            "path": FILES_DIR + self.name,
            "size": len(self.data),
            # MD5 and SHA-1 because the hotlines match files by them too.
            "md5": hashlib.md5(self.data, usedforsecurity=False).hexdigest(),
            "sha1": hashlib.sha1(self.data, usedforsecurity=False).hexdigest(),
            "sha256": hashlib.sha256(self.data).hexdigest(),
            "viewedByReviewer": self.viewed_by_reviewer,
            "publiclyAvailable": False,
            "dateTime": iso(self.at) if self.at else None,
        }


@dataclass(frozen=True, slots=True)
class ReportPackage:
    case_id: str
    document: dict[str, Any]
    files: tuple[ReportFile, ...] = ()
    generated_at: datetime = field(default_factory=lambda: datetime(1980, 1, 1, tzinfo=UTC))

    @property
    def report_json(self) -> bytes:
        return orjson.dumps(self.document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)

    @property
    def digest(self) -> str:
        """The SHA-256 of ``report.json``: what the audit log records."""
        return hashlib.sha256(self.report_json).hexdigest()

    @property
    def filename(self) -> str:
        return f"passerby-report-{self.case_id}.zip"

    def members(self) -> dict[str, bytes]:
        """Every member of the zip but the manifest, by name."""
        found = {REPORT_NAME: self.report_json}
        for item in self.files:
            found[FILES_DIR + item.name] = item.data
        return found

    def manifest(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "case": self.case_id,
            "algorithm": "sha256",
            "files": {
                name: hashlib.sha256(data).hexdigest() for name, data in self.members().items()
            },
        }

    def zip_bytes(self) -> bytes:
        """The package as a zip; the same package always gives the same bytes."""
        stamp = self.generated_at.astimezone(UTC)
        date_time = (
            max(stamp.year, 1980),
            stamp.month,
            stamp.day,
            stamp.hour,
            stamp.minute,
            stamp.second,
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            members = self.members()
            members[MANIFEST_NAME] = orjson.dumps(
                self.manifest(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
            )
            for name, data in members.items():
                info = zipfile.ZipInfo(name, date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, data)
        return out.getvalue()


class Submitter(Protocol):
    """Files a package with an external service (a hotline's API).

    None is built in: the package is what an operator files by hand. One
    plugged in (``add_console(..., submitter=...)``) gets a console button,
    and each submission is an audited action with the receipt it returns.
    """

    name: str

    async def submit(self, package: ReportPackage) -> str:
        """Send the package; the service's receipt (a report id).

        Raises:
            Exception: the service refused it or could not be reached; the
            console says so and records nothing.
        """
        ...


def iso(at: datetime) -> str:
    """A time with its zone, as the package gives every time: ``...+00:00``."""
    return at.astimezone(UTC).isoformat(timespec="seconds")


def _time(value: Any) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
        except ValueError:
            return None
    return None


def _roles(body: dict[str, Any], subject: str | None) -> tuple[str | None, str | None]:
    """Which side of a record is the reported user and which the other."""
    for pair in PAIRS:
        present = [role for role in pair if isinstance(body.get(role), dict)]
        if not present:
            continue
        mine, other = pair
        if subject and body.get(other, {}).get("device_hash") == subject:
            mine, other = other, mine  # the case is about the reporter's side
        return (mine if mine in present else None), (other if other in present else None)
    return None, None


class _Person:
    def __init__(self) -> None:
        self.devices: list[str] = []
        self.sessions: list[str] = []
        self.user_agents: list[str] = []
        self.events: list[dict[str, Any]] = []

    def add(self, side: dict[str, Any], record_id: str) -> None:
        for values, key in (
            (self.devices, "device_hash"),
            (self.sessions, "session"),
            (self.user_agents, "user_agent"),
        ):
            value = side.get(key)
            if isinstance(value, str) and value and value not in values:
                values.append(value)
        address = side.get("ip")
        if isinstance(address, str) and address:
            when = _time(side.get("connected_at"))
            port = side.get("port")
            event = {
                "ipAddress": address,
                "port": port if isinstance(port, int) and not isinstance(port, bool) else None,
                "eventName": "Other",
                "eventDescription": "connected to the chat",
                "dateTime": iso(when) if when else None,
                "evidenceRecord": record_id,
            }
            same = ("ipAddress", "port", "dateTime")
            if all(any(e[k] != event[k] for k in same) for e in self.events):
                self.events.append(event)

    def as_json(self, service: str) -> dict[str, Any]:
        return {
            "espIdentifier": self.devices[0] if self.devices else None,
            "espIdentifierKind": "device hash",
            "espService": service,
            "otherIdentifiers": self.devices[1:],
            "sessions": self.sessions,
            "userAgents": self.user_agents,
            "ipCaptureEvents": sorted(self.events, key=lambda e: e["dateTime"] or ""),
        }


def _messages(body: dict[str, Any], mine: str | None) -> list[dict[str, Any]]:
    lines = []
    for line in body.get("transcript", []):
        if not isinstance(line, dict):
            continue
        when = _time(line.get("at"))
        sender = line.get("from")
        lines.append(
            {
                "dateTime": iso(when) if when else None,
                "sender": "reported user" if sender == mine else "other participant",
                "text": str(line.get("text", "")),
                "delivered": bool(line.get("delivered", True)),
            }
        )
    return lines


def build_report(
    case: CaseRow,
    records: Sequence[EvidenceRecord],
    *,
    confirmation: Confirmation,
    contact: ReporterContact,
    generated_at: datetime,
    generated_by: str,
    incident_type: str = DEFAULT_INCIDENT,
    legal_hold_until: datetime | None = None,
    files: Iterable[ReportFile] = (),
) -> ReportPackage:
    """The package for ``case`` from its evidence ``records``.

    Raises:
        ValueError: an incident type the CyberTipline does not have.
    """
    if incident_type not in INCIDENT_TYPES:
        raise ValueError(f"unknown incident type {incident_type!r}")
    reported, others = _Person(), _Person()
    if case.subject:
        reported.devices.append(case.subject)
    chats: dict[str, dict[str, Any]] = {}
    evidence = []
    latest: datetime | None = None
    for record in sorted(records, key=lambda r: r.seq):
        body = record.body
        evidence.append(
            {
                "id": record.id,
                "seq": record.seq,
                "kind": record.kind,
                "createdAt": iso(record.created_at),
                "bodySha256": record.body_hash,
                "chainHash": record.hash,
                "purged": record.body_text is None,
            }
        )
        mine, other = _roles(body, case.subject)
        if mine is not None:
            reported.add(body[mine], record.id)
        if other is not None:
            others.add(body[other], record.id)
        messages = _messages(body, mine)
        for message in messages:
            when = _time(message["dateTime"])
            if message["sender"] == "reported user" and when and (latest is None or when > latest):
                latest = when
        chat = str(body.get("chat_id") or record.id)
        # Two reports of one chat hold the same transcript: keep the fuller.
        if messages and len(messages) >= len(chats.get(chat, {}).get("messages", [])):
            started, ended = _time(body.get("chat_started_at")), _time(body.get("chat_ended_at"))
            chats[chat] = {
                "chatId": chat,
                "evidenceRecord": record.id,
                "section": body.get("section"),
                "startedAt": iso(started) if started else None,
                "endedAt": iso(ended) if ended else None,
                "messages": messages,
            }
    when = latest or (min(r.created_at for r in records) if records else case.created_at)
    reported_files = tuple(files)
    document = {
        "format": FORMAT,
        "generatedAt": iso(generated_at),
        "generatedBy": generated_by,
        "case": {
            "id": case.id,
            "kind": case.kind,
            "summary": case.summary,
            "openedAt": iso(case.created_at),
            "confirmedBy": confirmation.by,
            "confirmedAt": iso(confirmation.at),
            "legalHoldUntil": iso(legal_hold_until) if legal_hold_until else None,
        },
        "reporter": {
            "espService": contact.service,
            "url": contact.url or None,
            "contact": {"name": contact.name, "email": contact.email, "phone": contact.phone},
        },
        "incidentSummary": {
            "incidentType": INCIDENT_TYPES[incident_type],
            "incidentTypeCode": incident_type,
            "incidentDateTime": iso(when),
            "incidentTimeZone": TIME_ZONE,
            "escalateToHighPriority": False,
        },
        "internetDetails": {"type": INTERNET_DETAIL, "url": contact.url or None},
        "personOrUserReported": reported.as_json(contact.service),
        "otherParticipants": [others.as_json(contact.service)] if others.devices else [],
        "communications": sorted(chats.values(), key=lambda c: c["startedAt"] or ""),
        "files": [item.describe() for item in reported_files],
        "evidence": evidence,
    }
    return ReportPackage(case.id, document, reported_files, generated_at)


def read_package(data: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and the other members of a package's zip, for checking."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest: dict[str, Any] = orjson.loads(members.pop(MANIFEST_NAME))
    return manifest, members


__all__ = [
    "DEFAULT_INCIDENT",
    "INCIDENT_TYPES",
    "Confirmation",
    "ReportFile",
    "ReportPackage",
    "ReporterContact",
    "Submitter",
    "build_report",
    "read_package",
]
