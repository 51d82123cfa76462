"""Confirming child-safety cases, and an admin's law-enforcement report packages.

A moderator confirms a child-safety case from its page (an action of the
actions layer: audited, and it places the case's legal hold). Only then can
an admin download the case's report package (:mod:`passerby.safety.lawreport`):
every package produced is an audited action naming the SHA-256 of its
``report.json``. Sending a package to an outside service happens only when
an operator plugged in a :class:`~passerby.safety.lawreport.Submitter`.

The package holds full addresses and message text: it is built for the
download and never logged, and the log names only the case and the admin.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import urlencode

from aiohttp import web

from passerby.clock import Clock
from passerby.console.access import SESSION
from passerby.console.accounts import Session
from passerby.console.casefile import CaseFile
from passerby.console.forms import why
from passerby.console.ports import ConsoleStore
from passerby.console.render import Renderer
from passerby.errors import ActionRefused
from passerby.safety.lawreport import (
    DEFAULT_INCIDENT,
    INCIDENT_TYPES,
    Confirmation,
    ReporterContact,
    ReportPackage,
    Submitter,
    build_report,
)
from passerby.safety.moderation_actions import Actions, Actor
from passerby.storage.safety_sql import CaseRow

log = logging.getLogger(__name__)

ZIP_TYPE: Final = "application/zip"


class LawReports:
    def __init__(
        self,
        *,
        store: ConsoleStore,
        actions: Actions,
        clock: Clock,
        renderer: Renderer,
        contact: ReporterContact,
        submitter: Submitter | None = None,
    ) -> None:
        self._store = store
        self._actions = actions
        self._clock = clock
        self._render = renderer
        self._contact = contact
        self._submitter = submitter

    @property
    def submitter_name(self) -> str | None:
        return self._submitter.name if self._submitter is not None else None

    # The case page's action (see Pages.handler): (session, case, evidence, form).
    async def confirm(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        actor = Actor.moderator(s.moderator.name)
        await self._actions.confirm_child_safety(actor, case.id, why=why(form))
        return "cs_confirmed"

    async def _refuse(self, request: web.Request, status: int, message: str) -> web.Response:
        case_id = request.match_info["case_id"]
        return await self._render.page(
            request,
            "error.html",
            status=status,
            title="No report package",
            message=message,
            back=f"/mod/case/{case_id}" if case_id.isalnum() else "/mod/",
        )

    async def _package(self, request: web.Request, incident: str) -> ReportPackage | web.Response:
        case_id = request.match_info["case_id"]
        if incident not in INCIDENT_TYPES:
            return await self._refuse(request, 400, "Choose an incident type from the list.")
        found = await self._store.case_with_evidence(case_id)
        if found is None:
            return await self._refuse(request, 404, "There is no case with that id.")
        case, records = found
        confirmed = await self._store.child_safety_confirmation(case_id)
        if confirmed is None:
            return await self._refuse(
                request,
                409,
                "Only a child-safety case that a moderator has confirmed can be reported.",
            )
        hold = await self._store.legal_hold(case_id)
        return build_report(
            case,
            records,
            confirmation=Confirmation(confirmed.actor, confirmed.at),
            contact=self._contact,
            generated_at=datetime.fromtimestamp(self._clock.wall(), UTC),
            generated_by=Actor.moderator(request[SESSION].moderator.name).label,
            incident_type=incident,
            legal_hold_until=hold.expires_at if hold else None,
        )

    async def download(self, request: web.Request) -> web.StreamResponse:
        """``GET /mod/admin/case/{case_id}/report``: the package as a zip."""
        incident = request.query.get("incident", DEFAULT_INCIDENT)
        made = await self._package(request, incident)
        if isinstance(made, web.Response):
            return made
        actor = Actor.moderator(request[SESSION].moderator.name)
        try:
            await self._actions.record_law_report(
                actor,
                made.case_id,
                sha256=made.digest,
                incident_type=incident,
                files=len(made.files),
            )
        except ActionRefused as exc:
            return await self._refuse(request, 409, f"{exc.message}.")
        log.info("console: %s produced the report package of case %s", actor.name, made.case_id)
        return web.Response(
            body=made.zip_bytes(),
            content_type=ZIP_TYPE,
            headers={"Content-Disposition": f'attachment; filename="{made.filename}"'},
        )

    async def submit(self, request: web.Request) -> web.StreamResponse:
        """``POST .../report/submit``: file the package through the submitter."""
        if self._submitter is None:
            return await self._refuse(
                request,
                409,
                "Submission to an outside service is off: download the package and file it.",
            )
        form = await request.post()
        incident = str(form.get("incident", DEFAULT_INCIDENT))
        made = await self._package(request, incident)
        if isinstance(made, web.Response):
            return made
        actor = Actor.moderator(request[SESSION].moderator.name)
        try:
            receipt = await self._submitter.submit(made)
        except Exception:
            log.exception("console: the report of case %s could not be submitted", made.case_id)
            return await self._refuse(
                request, 502, f"{self._submitter.name} did not take the report: nothing recorded."
            )
        await self._actions.record_submission(
            actor, made.case_id, service=self._submitter.name, receipt=receipt, sha256=made.digest
        )
        raise web.HTTPSeeOther(f"/mod/case/{made.case_id}?{urlencode({'done': 'cs_submitted'})}")
