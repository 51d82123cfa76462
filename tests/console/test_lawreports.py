"""Confirming a child-safety case, and an admin's law-enforcement report package,
over HTTP on every engine."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import AsyncIterator

import orjson
import pytest
from tests.console.support import ConsoleHarness

from passerby.clock import ManualClock
from passerby.config import Settings
from passerby.safety.lawreport import REPORT_NAME, ReportPackage, read_package
from passerby.storage.sql import SQLStore

CONTACT = {
    "report_contact_name": "Trust Desk",
    "report_contact_email": "safety@example.org",
    "report_contact_phone": "+1 555 0100",
}


class FakeHotline:
    name = "Test hotline"

    def __init__(self) -> None:
        self.received: list[ReportPackage] = []
        self.fail = False

    async def submit(self, package: ReportPackage) -> str:
        if self.fail:
            raise ConnectionError("hotline down")
        self.received.append(package)
        return f"receipt-{len(self.received)}"


@pytest.fixture
def hotline() -> FakeHotline:
    return FakeHotline()


@pytest.fixture
async def reporting(
    store: SQLStore, console_settings: Settings, hotline: FakeHotline
) -> AsyncIterator[ConsoleHarness]:
    settings = dataclasses.replace(console_settings, **CONTACT)
    one = ConsoleHarness(store, settings, ManualClock(), submitter=hotline)
    await one.start()
    yield one
    await one.close()


async def test_a_moderator_confirms_and_an_admin_downloads_the_package(
    reporting: ConsoleHarness,
) -> None:
    harness = reporting
    case_id = await harness.rule_case("cat", urgent=True)
    mona = await harness.login(await harness.account("mona"))
    ada = await harness.login(await harness.account("ada", "admin"))

    # Before a human confirms it, there is no package.
    status, text, _ = await ada.get(f"/mod/admin/case/{case_id}/report")
    assert status == 409 and "confirmed" in text
    status, text, _ = await mona.get(f"/mod/case/{case_id}")
    assert 'id="confirm-cs"' in text and 'id="law-report"' not in text

    status, _, resp = await mona.post(f"/mod/case/{case_id}/confirm", {"why": "grooming"})
    assert status == 303 and resp.headers["Location"].endswith("done=cs_confirmed")
    hold = await harness.store.legal_hold(case_id)
    assert hold is not None and hold.expires_at is not None
    status, text, _ = await mona.get(f"/mod/case/{case_id}")
    assert 'id="cs-confirmed"' in text and 'id="confirm-cs"' not in text
    assert 'id="law-report"' not in text  # a moderator prepares no report
    status, _, _ = await mona.get(f"/mod/admin/case/{case_id}/report")
    assert status == 403
    status, text, _ = await ada.get(f"/mod/case/{case_id}")
    assert 'id="law-report"' in text and "Submit to Test hotline" in text

    status, _, _ = await ada.get(f"/mod/admin/case/{case_id}/report?incident=nonsense")
    assert status == 400
    async with ada.http.get(
        f"{ada.base}/mod/admin/case/{case_id}/report?incident=child_pornography"
    ) as resp:
        assert resp.status == 200
        assert resp.content_type == "application/zip"
        assert f"passerby-report-{case_id}.zip" in resp.headers["Content-Disposition"]
        zipped = await resp.read()
    manifest, members = read_package(zipped)
    assert manifest["files"] == {
        name: hashlib.sha256(data).hexdigest() for name, data in members.items()
    }
    report = orjson.loads(members[REPORT_NAME])
    assert report["incidentSummary"]["incidentTypeCode"] == "child_pornography"
    assert report["reporter"]["contact"]["email"] == "safety@example.org"
    reported = report["personOrUserReported"]
    assert reported["espIdentifier"] == "device-cat"
    assert reported["ipCaptureEvents"][0]["ipAddress"] == "203.0.113.9"
    assert reported["ipCaptureEvents"][0]["port"] == 40000
    texts = [m["text"] for m in report["communications"][0]["messages"]]
    assert texts == ["hello there", "send me pictures"]
    assert report["case"]["confirmedBy"] == "mod:mona" and report["files"] == []

    # Producing it is an audited action naming the document's hash.
    last = (await harness.store.list_audit())[-1]
    assert (last.action, last.actor, last.case_id) == ("law_report", "mod:ada", case_id)
    assert last.detail["sha256"] == hashlib.sha256(members[REPORT_NAME]).hexdigest()
    assert "203.0.113" not in last.detail_text


async def test_submission_goes_through_the_plugged_in_submitter(
    reporting: ConsoleHarness, hotline: FakeHotline
) -> None:
    harness = reporting
    case_id = await harness.rule_case("cat", urgent=True)
    mona = await harness.login(await harness.account("mona"))
    ada = await harness.login(await harness.account("ada", "admin"))
    submit = f"/mod/admin/case/{case_id}/report/submit"
    status, _, _ = await ada.post(submit)
    assert status == 409 and hotline.received == []  # not confirmed yet
    await mona.post(f"/mod/case/{case_id}/confirm")

    hotline.fail = True
    before = len(await harness.store.list_audit())
    status, text, _ = await ada.post(submit)
    assert status == 502 and "nothing recorded" in text
    assert len(await harness.store.list_audit()) == before

    hotline.fail = False
    status, _, resp = await ada.post(submit, {"incident": "online_enticement"})
    assert status == 303 and resp.headers["Location"].endswith("done=cs_submitted")
    [sent] = hotline.received
    assert sent.case_id == case_id
    last = (await harness.store.list_audit())[-1]
    assert last.action == "submit_law_report"
    assert last.detail == {"service": "Test hotline", "receipt": "receipt-1", "sha256": sent.digest}


async def test_without_a_submitter_submission_is_off(harness: ConsoleHarness) -> None:
    case_id = await harness.rule_case("cat", urgent=True)
    mona = await harness.login(await harness.account("mona"))
    ada = await harness.login(await harness.account("ada", "admin"))
    await mona.post(f"/mod/case/{case_id}/confirm")
    status, text, _ = await ada.get(f"/mod/case/{case_id}")
    assert 'id="law-report"' in text and "Submission to an outside service is off" in text
    status, text, _ = await ada.post(f"/mod/admin/case/{case_id}/report/submit")
    assert status == 409 and "download the package" in text
