"""Who may reach which console route, checked on the server for every request.

Each route is registered with the least role it needs (:class:`Access`)
and wrapped in the :class:`Guard`'s checks; a route added any other way
stops the console from starting (:meth:`Guard.check_declared`), so a
forgotten declaration fails closed. For every request the guard:

- finds the session from the cookie (none: a page redirects to the login, a
  POST is refused with 403);
- refuses a moderator an admin route (403);
- checks the CSRF token of every POST: the session's own token, or before
  login the token of the login cookie (a double submit), so another site
  can neither act for a moderator nor log one into an account of its own.

It also gives every console response its own strict headers: no script but
the console's own file, no framing, no referrer, no caching. Cookies are
HttpOnly, SameSite=Strict, limited to ``/mod/``, and Secure whenever the
request came over TLS (directly, or through our own proxy, believed only
under ``trust_forwarded_for``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from enum import IntEnum
from typing import Final
from urllib.parse import quote

from aiohttp import web
from aiohttp.typedefs import Handler
from aiohttp.web_urldispatcher import AbstractRoute

from passerby.console.accounts import AccountService, Session
from passerby.console.credentials import new_token, same

log = logging.getLogger(__name__)

PREFIX: Final = "/mod"
COOKIE_PATH: Final = "/mod/"
SESSION_COOKIE: Final = "passerby_mod"
# Before login there is no session to hold a CSRF token, so the login and
# setup forms carry the value of this cookie, which another site can
# neither read nor set.
LOGIN_COOKIE: Final = "passerby_mod_login"
CSRF_FIELD: Final = "csrf"

CONSOLE_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), microphone=(), camera=()",
}

SESSION = web.RequestKey("passerby.console.session", Session)
# The login cookie's value for this request's forms (set when it was missing).
LOGIN_TOKEN = web.RequestKey("passerby.console.login_token", str)


class Access(IntEnum):
    """The least a route needs: nobody's session, any account, or an admin."""

    PUBLIC = 0
    MODERATOR = 1
    ADMIN = 2


def is_secure(request: web.Request, trust_forwarded_for: bool) -> bool:
    """Whether the client reached us over TLS, directly or through our own
    proxy's ``X-Forwarded-Proto`` (its last value)."""
    if request.secure:
        return True
    if trust_forwarded_for:
        proto = request.headers.get("X-Forwarded-Proto", "")
        return proto.rsplit(",", 1)[-1].strip().lower() == "https"
    return False


def safe_next(value: str | None) -> str:
    """A page to return to after login: only a console path, never elsewhere."""
    if (
        value
        and value.startswith(COOKIE_PATH)
        and "\\" not in value
        and all(c.isprintable() for c in value)
    ):
        return value
    return COOKIE_PATH


class Guard:
    def __init__(self, accounts: AccountService, *, trust_forwarded_for: bool) -> None:
        self._accounts = accounts
        self._trust_forwarded_for = trust_forwarded_for
        self._levels: dict[AbstractRoute, Access] = {}

    def add(
        self,
        router: web.UrlDispatcher,
        method: str,
        path: str,
        handler: Handler,
        access: Access,
    ) -> None:
        route = router.add_route(method, path, self._guarded(handler, access))
        self._levels[route] = access

    def declare(self, route: AbstractRoute, access: Access) -> None:
        self._levels[route] = access

    def access_of(self, route: AbstractRoute) -> Access | None:
        return self._levels.get(route)

    def set_cookie(
        self,
        request: web.Request,
        response: web.StreamResponse,
        name: str,
        value: str,
        *,
        max_age: int | None = None,
    ) -> None:
        response.set_cookie(
            name,
            value,
            path=COOKIE_PATH,
            max_age=max_age,
            httponly=True,
            samesite="Strict",
            secure=is_secure(request, self._trust_forwarded_for),
        )

    def clear_cookie(self, request: web.Request, response: web.StreamResponse, name: str) -> None:
        response.del_cookie(
            name,
            path=COOKIE_PATH,
            httponly=True,
            samesite="Strict",
            secure=is_secure(request, self._trust_forwarded_for),
        )

    def _guarded(self, handler: Handler, access: Access) -> Handler:
        """``handler`` behind the checks its access level needs.

        Each route is wrapped itself rather than by a middleware: a
        middleware on the console would make aiohttp wrap every route of
        the whole server (the chat's WebSocket included) in one more
        coroutine, resumed for every frame."""

        async def guarded(request: web.Request) -> web.StreamResponse:
            return await self._check(request, handler, access)

        return guarded

    def check_declared(self, router: web.UrlDispatcher) -> None:
        """Every console route was added through the guard or declared.

        Raises:
            RuntimeError: a route was not (the server does not start).
        """
        for route in router.routes():
            if route not in self._levels:
                name = route.resource.canonical if route.resource is not None else "?"
                raise RuntimeError(f"console route {name} has no declared access")

    async def _check(
        self, request: web.Request, handler: Handler, access: Access
    ) -> web.StreamResponse:
        session = await self._accounts.session(request.cookies.get(SESSION_COOKIE, ""))
        if session is not None:
            request[SESSION] = session
        if access is Access.PUBLIC:
            return await self._public(request, handler)
        if session is None:
            if request.method in ("GET", "HEAD"):
                target = quote(request.path_qs, safe="/?=&")
                raise web.HTTPSeeOther(f"{PREFIX}/login?next={target}")
            raise web.HTTPForbidden(text="not logged in")
        if access is Access.ADMIN and not session.moderator.is_admin:
            raise web.HTTPForbidden(text="admins only")
        if request.method not in ("GET", "HEAD"):
            form = await request.post()
            token = form.get(CSRF_FIELD)
            if not isinstance(token, str) or not same(token, session.csrf):
                raise web.HTTPForbidden(text="bad or missing CSRF token")
        return await handler(request)

    async def _public(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        cookie = request.cookies.get(LOGIN_COOKIE, "")
        if request.method not in ("GET", "HEAD"):
            form = await request.post()
            token = form.get(CSRF_FIELD)
            if not cookie or not isinstance(token, str) or not same(token, cookie):
                raise web.HTTPForbidden(text="bad or missing CSRF token")
            request[LOGIN_TOKEN] = cookie
            return await handler(request)
        fresh = not cookie
        request[LOGIN_TOKEN] = cookie or new_token()
        response = await handler(request)
        if fresh:
            self.set_cookie(request, response, LOGIN_COOKIE, request[LOGIN_TOKEN])
        return response

    def headers_signal(self) -> Callable[[web.Request, web.StreamResponse], Awaitable[None]]:
        """Runs after the main app's header signal, so these replace its own."""

        async def console_headers(request: web.Request, response: web.StreamResponse) -> None:
            response.headers.update(CONSOLE_HEADERS)

        return console_headers
