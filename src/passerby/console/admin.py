"""The console's admin pages: accounts (list, add, disable, start over) and
the audit log.

Only an admin reaches these (the :class:`~passerby.console.access.Guard`
checks the role for every request). A new or reset account's setup link is
shown once, on the page that made it, and never logged.
"""

from __future__ import annotations

from typing import Final

from aiohttp import web

from passerby.console.access import SESSION
from passerby.console.accounts import AccountError, AccountService, Role
from passerby.console.commands import setup_link
from passerby.console.ports import ConsoleStore
from passerby.console.render import Renderer
from passerby.safety.moderation_actions import Actions, Actor
from passerby.storage.audit import verify_audit

AUDIT_PAGE: Final = 200


class AdminPages:
    def __init__(
        self,
        *,
        accounts: AccountService,
        store: ConsoleStore,
        renderer: Renderer,
        public_url: str,
        actions: Actions | None = None,
    ) -> None:
        self._accounts = accounts
        self._actions = actions
        self._store = store
        self._render = renderer
        self._public_url = public_url.strip().rstrip("/")

    def _base(self, request: web.Request) -> str:
        return self._public_url or f"{request.scheme}://{request.host}"

    async def moderators(
        self,
        request: web.Request,
        *,
        link: str | None = None,
        link_for: str | None = None,
        error: str | None = None,
        status: int = 200,
    ) -> web.StreamResponse:
        return await self._render.page(
            request,
            "moderators.html",
            status=status,
            accounts=await self._accounts.list(),
            roles=[r.value for r in Role],
            link=link,
            link_for=link_for,
            error=error,
            notice=None,
        )

    async def add(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        name = str(form.get("name", "")).strip().lower()[:64]
        by = request[SESSION].moderator.name
        try:
            token = await self._accounts.add(name, str(form.get("role", "")), by=by)
        except AccountError as exc:
            return await self.moderators(request, error=exc.message, status=400)
        return await self.moderators(
            request, link=setup_link(self._base(request), token), link_for=name, status=201
        )

    async def disable(self, request: web.Request) -> web.StreamResponse:
        by = request[SESSION].moderator.name
        try:
            await self._accounts.disable(request.match_info["name"], by=by)
        except AccountError as exc:
            return await self.moderators(request, error=exc.message, status=400)
        await self._release(by, request.match_info["name"])
        raise web.HTTPSeeOther("/mod/admin/moderators")

    async def _release(self, by: str, name: str) -> None:
        """The cases a disabled or reset account held go back to the queue now,
        not when their claims expire."""
        if self._actions is not None:
            await self._actions.release_claims_of(Actor.moderator(by), Actor.moderator(name))

    async def reset(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        by = request[SESSION].moderator.name
        try:
            token = await self._accounts.reset(name, by=by)
        except AccountError as exc:
            return await self.moderators(request, error=exc.message, status=400)
        await self._release(by, name)
        return await self.moderators(
            request, link=setup_link(self._base(request), token), link_for=name
        )

    async def audit(self, request: web.Request) -> web.StreamResponse:
        try:
            after = max(0, int(request.query.get("after", "0")))
        except ValueError:
            after = 0
        records = await self._store.list_audit(after, AUDIT_PAGE)
        report = None
        if request.query.get("verify") == "1":
            report = verify_audit(await self._store.list_audit())
        return await self._render.page(
            request,
            "audit.html",
            records=records,
            after=after,
            next_after=records[-1].seq if len(records) == AUDIT_PAGE else None,
            report=report,
        )
