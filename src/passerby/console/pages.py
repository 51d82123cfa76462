"""The console's pages for every moderator: login, setup, the queue, a case,
and the actions taken from a case page.

Handlers only read the request, call the accounts service, the store's
reads or the actions layer, and render. They run after the
:class:`~passerby.console.access.Guard` has checked the session, the role
and the CSRF token. A refused action (a case someone else has claimed, an
appeal the banning moderator may not decide) is shown on the case page
with the reason, never as a crash. After a change the browser is sent on
with a redirect, so reloading a page never repeats an action.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import urlencode

from aiohttp import web

from passerby.clock import Clock
from passerby.cluster.limits import Limiter
from passerby.console.access import (
    LOGIN_COOKIE,
    LOGIN_TOKEN,
    SESSION,
    SESSION_COOKIE,
    Guard,
    safe_next,
)
from passerby.console.accounts import AccountError, AccountService, Session
from passerby.console.casefile import CaseFile, Side, case_file
from passerby.console.credentials import MIN_PASSWORD
from passerby.console.forms import (
    BAN_HOURS,
    BAN_REASONS,
    KINDS,
    FormError,
    ban_form,
    hours,
    queue_filter,
    why,
)
from passerby.console.ports import AddressHasher, ConsoleStore
from passerby.console.render import Renderer, utc_day, who
from passerby.errors import ActionRefused, CaseClaimed, NotFound
from passerby.safety.iphash import network_of
from passerby.safety.moderation_actions import Actions, Actor
from passerby.storage.actions_sql import History
from passerby.storage.safety_sql import CaseRow

log = logging.getLogger(__name__)

TOO_MANY_LOGINS: Final = "Too many login attempts from your network. Try again in {minutes} min."

CaseAction = Callable[[Session, CaseRow, CaseFile, Any], Awaitable[str]]

# What a moderator reads after an action went through (by the code in ?done=).
DONE: Final = {
    "claimed": "You hold this case now.",
    "released": "The case is released.",
    "dismissed": "Case dismissed.",
    "warned": "Warning recorded and the case closed.",
    "banned": "Ban made; it holds on every node at once.",
    "lifted": "Ban lifted.",
    "matching_ended": "Matching ended for that time.",
    "banned_closed": "Ban made, on every node at once; the case is closed.",
    "matching_ended_closed": "Matching ended for that time; the case is closed.",
    "low_trust": "Moved to the low-trust pool.",
    "escalated": "Escalated to an admin.",
    "child_safety": "Marked as a child-safety case.",
    "cs_confirmed": "Child-safety case confirmed; its evidence is under legal hold.",
    "cs_submitted": "Report package submitted; the receipt is in the audit log.",
    "appeal_lifted": "Appeal granted: the ban is lifted.",
    "appeal_upheld": "Appeal refused: the ban stands.",
    "break": "Your claims are released. Take the time you need.",
    "setup": "Your account is ready: log in.",
    "logged_out": "Logged out.",
}
STATUS_OF_REFUSAL: Final = {CaseClaimed: 409, NotFound: 404}


def done(request: web.Request) -> str | None:
    return DONE.get(request.query.get("done", ""))


def session_of(request: web.Request) -> Session:
    return request[SESSION]


def active_bans(history: History, now: datetime) -> list[Any]:
    return [
        ban
        for ban in history.bans
        if ban.lifted_at is None and (ban.expires_at is None or ban.expires_at > now)
    ]


class Pages:
    def __init__(
        self,
        *,
        accounts: AccountService,
        store: ConsoleStore,
        actions: Actions,
        hasher: AddressHasher,
        clock: Clock,
        guard: Guard,
        renderer: Renderer,
        login_limit: Limiter | None = None,
        address_of: Callable[[web.Request], str] | None = None,
    ) -> None:
        self._accounts = accounts
        self._store = store
        self._actions = actions
        self._hasher = hasher
        self._clock = clock
        self._guard = guard
        self._render = renderer
        self._login_limit = login_limit
        self._address_of = address_of or (lambda request: request.remote or "")

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    # --- logging in -------------------------------------------------------

    async def login_page(self, request: web.Request) -> web.StreamResponse:
        target = safe_next(request.query.get("next"))
        if SESSION in request:
            raise web.HTTPSeeOther(target)
        return await self._render.page(
            request,
            "login.html",
            login_token=request[LOGIN_TOKEN],
            next=target,
            name="",
            error=None,
            notice=done(request),
        )

    async def login(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        name, password, code = (str(form.get(k, ""))[:300] for k in ("name", "password", "code"))
        target = safe_next(str(form.get("next", "")))
        if self._login_limit is not None:
            address = network_of(self._address_of(request))
            wait = await self._login_limit.take(address)
            if wait:
                log.warning("console login refused: too many attempts from one address")
                refused = await self._render.page(
                    request,
                    "login.html",
                    status=429,
                    login_token=request[LOGIN_TOKEN],
                    next=target,
                    name=name[:32],
                    error=TOO_MANY_LOGINS.format(minutes=max(1, math.ceil(wait / 60))),
                )
                refused.headers["Retry-After"] = str(max(1, math.ceil(wait)))
                return refused
        try:
            token, _ = await self._accounts.login(name.strip().lower(), password, code)
        except AccountError as exc:
            return await self._render.page(
                request,
                "login.html",
                status=401,
                login_token=request[LOGIN_TOKEN],
                next=target,
                name=name[:32],
                error=exc.message,
            )
        response = web.HTTPSeeOther(target)
        self._guard.set_cookie(request, response, SESSION_COOKIE, token)
        self._guard.clear_cookie(request, response, LOGIN_COOKIE)
        raise response

    async def logout(self, request: web.Request) -> web.StreamResponse:
        await self._accounts.logout(request.cookies.get(SESSION_COOKIE, ""))
        response = web.HTTPSeeOther("/mod/login?done=logged_out")
        self._guard.clear_cookie(request, response, SESSION_COOKIE)
        raise response

    async def setup_page(self, request: web.Request) -> web.StreamResponse:
        token = request.query.get("token", "")[:100]
        view = await self._accounts.setup_view(token) if token else None
        return await self._render.page(
            request,
            "setup.html",
            status=200 if view else 404,
            view=view,
            token=token,
            login_token=request[LOGIN_TOKEN],
            min_password=MIN_PASSWORD,
            error=None,
        )

    async def setup(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        token = str(form.get("token", ""))[:100]
        password, confirm = str(form.get("password", "")), str(form.get("confirm", ""))
        try:
            await self._accounts.finish_setup(token, password, confirm, str(form.get("code", "")))
        except AccountError as exc:
            view = await self._accounts.setup_view(token)
            return await self._render.page(
                request,
                "setup.html",
                status=400 if view else 404,
                view=view,
                token=token,
                login_token=request[LOGIN_TOKEN],
                min_password=MIN_PASSWORD,
                error=exc.message,
            )
        raise web.HTTPSeeOther("/mod/login?done=setup")

    # --- the queue --------------------------------------------------------

    async def queue(self, request: web.Request) -> web.StreamResponse:
        me = session_of(request).moderator
        chosen = queue_filter(request.query)
        cases = await self._store.case_queue(
            kind=chosen.kind,
            status=chosen.status,
            section=chosen.section,
            reason=chosen.reason,
            escalated=chosen.escalated,
        )
        now = self.now()
        if chosen.mine:
            cases = [c for c in cases if who(c.holder(now)) == me.name]
        rows = [{"case": c, "holder": who(c.holder(now))} for c in cases]
        return await self._render.page(
            request,
            "queue.html",
            rows=rows,
            filter=chosen,
            kinds=KINDS,
            notice=done(request),
        )

    async def take_break(self, request: web.Request) -> web.StreamResponse:
        me = session_of(request).moderator
        count = await self._actions.release_claims_of(Actor.moderator(me.name))
        log.info("console: %s took a break (%d claims released)", me.name, count)
        raise web.HTTPSeeOther("/mod/?done=break")

    # --- a case -----------------------------------------------------------

    async def case_page(
        self,
        request: web.Request,
        *,
        error: str | None = None,
        status: int = 200,
    ) -> web.StreamResponse:
        me = session_of(request).moderator
        case_id = request.match_info["case_id"]
        found = await self._store.case_with_evidence(case_id)
        if found is None:
            return await self._render.page(
                request,
                "error.html",
                status=404,
                title="No such case",
                message="There is no case with that id.",
                back="/mod/",
            )
        case, records = found
        now = self.now()
        if case.kind == "child_safety":
            await self._store.note_child_safety_review(me.name, case.id, utc_day(self._clock), now)
        file = case_file(records, case.subject)
        sides = [side for side in (file.subject, *file.others) if side is not None]
        histories = [(side, await self._history(side, case.id)) for side in sides]
        subject_bans = active_bans(histories[0][1]["raw"], now) if histories else []
        ban = await self._store.get_ban(case.ban_id) if case.ban_id else None
        outcome = await self._store.appeal_outcome(case.ban_id) if case.ban_id else None
        return await self._render.page(
            request,
            "case.html",
            status=status,
            case=case,
            file=file,
            holder=who(case.holder(now)),
            claimed_until=case.claimed_until if case.holder(now) else None,
            histories=histories,
            subject_bans=subject_bans,
            audit=await self._store.audit_of_case(case.id),
            hold=await self._store.legal_hold(case.id),
            confirmation=await self._store.child_safety_confirmation(case.id),
            appealed_ban=ban,
            appeal_outcome=outcome,
            reasons=BAN_REASONS,
            ban_hours=BAN_HOURS,
            error=error,
            notice=None if error else done(request),
        )

    async def _history(self, side: Side, case_id: str) -> dict[str, Any]:
        hashes = await self._hasher.candidates(side.address) if side.address else []
        history = await self._store.history(side.device, hashes)
        return {
            "bans": history.bans,
            "cases": [c for c in history.cases if c.id != case_id],
            "strikes": history.strikes,
            "raw": history,
        }

    async def case_action(self, request: web.Request, run: CaseAction) -> web.StreamResponse:
        """Run one action on the case; its result page, or the case page with
        the reason it was refused."""
        session = session_of(request)
        case_id = request.match_info["case_id"]
        found = await self._store.case_with_evidence(case_id)
        if found is None:
            raise web.HTTPNotFound(text="no such case")
        case, records = found
        form = await request.post()
        try:
            self._not_held_by_another(session, case)
            code = await run(session, case, case_file(records, case.subject), form)
        except FormError as exc:
            return await self.case_page(request, error=exc.message, status=400)
        except ValueError as exc:  # the actions layer's check of a value
            return await self.case_page(request, error=f"{exc}.", status=400)
        except ActionRefused as exc:
            status = next((s for t, s in STATUS_OF_REFUSAL.items() if isinstance(exc, t)), 409)
            return await self.case_page(request, error=refusal(exc), status=status)
        target = (
            "/mod/"
            if code in ("dismissed", "warned", "appeal_lifted", "appeal_upheld")
            or code.endswith("_closed")
            else (f"/mod/case/{case.id}")
        )
        raise web.HTTPSeeOther(f"{target}?{urlencode({'done': code})}")

    def _not_held_by_another(self, session: Session, case: CaseRow) -> None:
        """Refuse any action on a case another moderator holds. The actions
        on cases check the claim themselves; a ban, an end of matching or a
        move to low trust names the case only for the record, so without
        this a second moderator could act on a case someone else is working.

        Raises:
            CaseClaimed: another moderator holds the case.
        """
        holder = case.holder(self.now())
        if holder is not None and holder != self.actor(session).label:
            assert case.claimed_until is not None
            raise CaseClaimed(case.id, holder, case.claimed_until)

    def handler(self, run: CaseAction) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handle(request: web.Request) -> web.StreamResponse:
            return await self.case_action(request, run)

        return handle

    def actor(self, session: Session) -> Actor:
        return Actor.moderator(session.moderator.name)

    # Each action: (session, case, evidence, form) -> the ?done= code.

    async def claim(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        await self._actions.claim_case(self.actor(s), case.id)
        return "claimed"

    async def release(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        await self._actions.release_case(self.actor(s), case.id)
        return "released"

    async def dismiss(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        await self._actions.resolve_case(self.actor(s), case.id, "dismiss", why=why(form))
        return "dismissed"

    async def warn(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        await self._actions.resolve_case(self.actor(s), case.id, "warn", why=why(form))
        return "warned"

    async def escalate(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        await self._actions.escalate_case(self.actor(s), case.id, why=why(form))
        return "escalated"

    async def child_safety(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        await self._actions.mark_child_safety(self.actor(s), case.id, why=why(form))
        return "child_safety"

    async def ban(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        chosen = ban_form(form)
        device, address = target_of(file, chosen.target)
        await self._actions.ban(
            self.actor(s),
            device=device,
            address=address,
            seconds=chosen.seconds,
            reason_code=chosen.reason_code,
            case_id=case.id,
            why=chosen.why,
        )
        return await self._closed_by(s, case, "ban", "banned")

    async def end_matching(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        span = hours(form)
        assert span is not None
        device, address = target_of(file, "both", need_all=False)
        await self._actions.end_matching(
            self.actor(s), device, address, span, case_id=case.id, why=why(form)
        )
        return await self._closed_by(s, case, "end_matching", "matching_ended")

    async def _closed_by(self, s: Session, case: CaseRow, resolution: str, code: str) -> str:
        """A sanction settles an ordinary case: it is resolved as that sanction.
        A child-safety case stays open, to be confirmed and reported."""
        if case.kind == "child_safety" or case.status != "open":
            return code
        await self._actions.resolve_case(self.actor(s), case.id, resolution)
        return code + "_closed"

    async def low_trust(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        span = hours(form, optional=True)
        device, _ = target_of(file, "device")
        assert device is not None
        await self._actions.set_low_trust(
            self.actor(s), device, span, case_id=case.id, why=why(form)
        )
        return "low_trust"

    async def appeal(self, s: Session, case: CaseRow, file: CaseFile, form: Any) -> str:
        decision = form.get("decision")
        if case.kind != "appeal" or decision not in ("lift", "uphold"):
            raise FormError("Decide an appeal: lift the ban or uphold it.")
        lift = decision == "lift"
        await self._actions.decide_appeal(self.actor(s), case.id, lift=lift, why=why(form))
        return "appeal_lifted" if lift else "appeal_upheld"

    async def lift_ban(self, request: web.Request) -> web.StreamResponse:
        session = session_of(request)
        form = await request.post()
        back = str(form.get("case", ""))[:32]
        target = f"/mod/case/{back}" if back.isalnum() else "/mod/"
        try:
            await self._actions.lift_ban(
                self.actor(session), request.match_info["ban_id"], why=why(form)
            )
        except (ActionRefused, FormError) as exc:
            message = exc.message if isinstance(exc, FormError) else refusal(exc)
            return await self._render.page(
                request,
                "error.html",
                status=409,
                title="The ban was not lifted",
                message=message,
                back=target,
            )
        raise web.HTTPSeeOther(f"{target}?done=lifted")


def refusal(exc: ActionRefused) -> str:
    """What a moderator reads when an action is refused."""
    if isinstance(exc, CaseClaimed):
        until = exc.until.astimezone(UTC).strftime("%H:%M UTC")
        return (
            f"{who(exc.holder)} is working on this case (claimed until {until}). Nothing was done."
        )
    message = re.sub(r"\bmod:([\w.-]+)", r"\1", exc.message)  # people by name, not label
    return f"{message[:1].upper()}{message[1:]}. Nothing was done."


def target_of(
    file: CaseFile, target: str, *, need_all: bool = True
) -> tuple[str | None, str | None]:
    """The device and address of the case's subject that an action aims at,
    taken from the evidence on the server, never from the form."""
    subject = file.subject
    device = subject.device if subject and target in ("device", "both") else None
    address = subject.address if subject and target in ("address", "both") else None
    missing = (target in ("device", "both") and device is None) or (
        target in ("address", "both") and address is None
    )
    if (need_all and missing) or (device is None and address is None):
        raise FormError("The evidence of this case does not name that device or address.")
    return device, address
