"""Law-enforcement report packages, built without a server: the document's
fields from the evidence, and a manifest whose hashes match the zip."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import UTC, datetime, timedelta

import orjson
import pytest

from passerby.cluster.broker import PeerInfo
from passerby.core.transcript import ChatRecord
from passerby.safety.lawreport import (
    INCIDENT_TYPES,
    MANIFEST_NAME,
    REPORT_NAME,
    Confirmation,
    ReporterContact,
    ReportFile,
    build_report,
    read_package,
)
from passerby.safety.records import report_record
from passerby.storage.chain import GENESIS, EvidenceRecord, body_hash, canonical, link_hash
from passerby.storage.safety_sql import CaseRow, EvidenceWrite

START = 1_800_000_000.0
NOW = datetime.fromtimestamp(START + 3600, UTC)
CONTACT = ReporterContact(
    "Trust Desk", "safety@example.org", "+1 555 0100", url="https://x.example"
)


def stored(writes: list[EvidenceWrite], case_id: str) -> list[EvidenceRecord]:
    """The writes as the store would chain them."""
    records, prev = [], GENESIS
    for seq, write in enumerate(writes, 1):
        text = canonical(write.body)
        digest = body_hash(text)
        link = link_hash(prev, seq, write.record_id, write.kind, case_id, write.created_at, digest)
        records.append(
            EvidenceRecord(
                seq,
                write.record_id,
                write.created_at,
                write.kind,
                case_id,
                text,
                digest,
                prev,
                link,
            )
        )
        prev = link
    return records


def chat(chat_id: str, offset: float, lines: int) -> ChatRecord:
    record = ChatRecord(chat_id, "user-adult", "teens", START + offset)
    record.add_line(START + offset + 1, "me", "how old are you")
    for n in range(lines):
        record.add_line(START + offset + 2 + n, "them", f"send a photo {n}", True, (("pics", 0.9),))
    return record


def report(record: ChatRecord, port: int) -> EvidenceWrite:
    child = PeerInfo("user-kid", "device-kid", "198.51.100.1", 50000, "agent-kid", START, "teens")
    adult = PeerInfo("user-adult", "device-adult", "203.0.113.9", port, "agent-x", START, "teens")
    return report_record(
        NOW,
        reason="minor_at_risk",
        comment="he asks for photos",
        record=record,
        reporter=child,
        reported=adult,
    )


def case_row() -> CaseRow:
    at = datetime.fromtimestamp(START, UTC)
    return CaseRow(
        "case1", "child_safety", 0, "open", "device-adult", "device-kid", "report", at, at
    )


def writes() -> list[EvidenceWrite]:
    # The same chat reported twice (the second fuller), and an earlier chat.
    found = [report(chat("c1", 0, 1), 41000), report(chat("c1", 0, 2), 41000)]
    return [*found, report(chat("c0", -600, 1), 40999)]


def package(
    evidence: list[EvidenceWrite] | None = None, **kwargs: object
) -> tuple[dict[str, object], bytes]:
    made = build_report(
        case_row(),
        stored(evidence or writes(), "case1"),
        confirmation=Confirmation("mod:mona", NOW),
        contact=CONTACT,
        generated_at=NOW + timedelta(minutes=5),
        generated_by="mod:ada",
        legal_hold_until=NOW + timedelta(days=365),
        **kwargs,  # type: ignore[arg-type]
    )
    return made.document, made.zip_bytes()


def test_the_document_carries_the_cybertipline_fields() -> None:
    document, _ = package()
    incident = document["incidentSummary"]
    assert isinstance(incident, dict)
    assert incident["incidentType"] == INCIDENT_TYPES["online_enticement"]
    # The reported user's last message, with its zone.
    assert incident["incidentDateTime"] == "2027-01-15T08:00:03+00:00"
    assert incident["incidentTimeZone"] == "UTC"
    assert document["reporter"] == {
        "espService": "Passerby",
        "url": "https://x.example",
        "contact": {"name": "Trust Desk", "email": "safety@example.org", "phone": "+1 555 0100"},
    }
    reported = document["personOrUserReported"]
    assert isinstance(reported, dict)
    assert reported["espIdentifier"] == "device-adult"
    events = {(e["ipAddress"], e["port"], e["dateTime"]) for e in reported["ipCaptureEvents"]}
    # Two connections (two ports); the chat reported twice gives one event.
    assert events == {
        ("203.0.113.9", 41000, "2027-01-15T08:00:00+00:00"),
        ("203.0.113.9", 40999, "2027-01-15T08:00:00+00:00"),
    }
    assert len(reported["ipCaptureEvents"]) == 2
    [other] = document["otherParticipants"]  # type: ignore[misc]
    assert other["espIdentifier"] == "device-kid"
    assert other["ipCaptureEvents"][0]["ipAddress"] == "198.51.100.1"
    case = document["case"]
    assert isinstance(case, dict)
    assert case["confirmedBy"] == "mod:mona" and case["legalHoldUntil"].startswith("2028-01-15")


def test_the_complete_communication_once_per_chat_in_order() -> None:
    document, _ = package()
    chats = document["communications"]
    assert isinstance(chats, list)
    assert [c["chatId"] for c in chats] == ["c0", "c1"]
    fuller = chats[1]["messages"]
    assert [(m["sender"], m["text"]) for m in fuller] == [
        ("other participant", "how old are you"),
        ("reported user", "send a photo 0"),
        ("reported user", "send a photo 1"),
    ]
    assert fuller[0]["dateTime"] == "2027-01-15T08:00:01+00:00"
    assert len(document["evidence"]) == 3  # type: ignore[arg-type]


def test_files_have_three_hashes_and_the_viewed_flag() -> None:
    document, _ = package()
    assert document["files"] == []  # no images exist yet, but the list is there
    data = b"\x89PNG fake image"
    _, zipped = package(files=[ReportFile("img1.png", data, viewed_by_reviewer=False)])
    manifest, members = read_package(zipped)
    described = orjson.loads(members[REPORT_NAME])["files"]
    assert described == [
        {
            "fileName": "img1.png",
            "path": "files/img1.png",
            "size": len(data),
            "md5": hashlib.md5(data).hexdigest(),
            "sha1": hashlib.sha1(data).hexdigest(),
            "sha256": hashlib.sha256(data).hexdigest(),
            "viewedByReviewer": False,
            "publiclyAvailable": False,
            "dateTime": None,
        }
    ]
    assert members["files/img1.png"] == data
    assert set(manifest["files"]) == {REPORT_NAME, "files/img1.png"}


def test_the_manifest_hashes_every_member_of_the_zip() -> None:
    _, zipped = package(files=[ReportFile("a.jpg", b"one", viewed_by_reviewer=True)])
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        names = set(archive.namelist())
        manifest = orjson.loads(archive.read(MANIFEST_NAME))
        rehashed = {
            name: hashlib.sha256(archive.read(name)).hexdigest() for name in names - {MANIFEST_NAME}
        }
    assert names == {REPORT_NAME, "files/a.jpg", MANIFEST_NAME}
    assert manifest["algorithm"] == "sha256" and manifest["case"] == "case1"
    assert manifest["files"] == rehashed
    # A member changed after the fact no longer matches its line.
    _, other = package(incident_type="child_pornography")
    _, members = read_package(other)
    assert hashlib.sha256(members[REPORT_NAME]).hexdigest() != manifest["files"][REPORT_NAME]


def test_the_same_package_gives_the_same_bytes() -> None:
    evidence = writes()
    assert package(evidence)[1] == package(evidence)[1]


def test_an_unknown_incident_type_is_refused() -> None:
    with pytest.raises(ValueError):
        package(incident_type="whatever")
