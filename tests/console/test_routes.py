"""Every console route, tried as nobody, as a moderator and as an admin.

The routes come from the router itself, so a route added later is tried
too: it must refuse strangers, and a route meant for admins only must be
named in ADMIN below (or live under /mod/admin/), else this test fails.
"""

from __future__ import annotations

import re

import pytest
from aiohttp import web
from tests.console.support import Browser, ConsoleHarness

from passerby.console.access import LOGIN_COOKIE, Access, Guard
from passerby.console.routes import CONSOLE, GUARD
from passerby.safety.moderation_actions import Actor

# The routes anyone may use (method, path as the router names it).
PUBLIC = {
    ("GET", "/mod/login"),
    ("POST", "/mod/login"),
    ("GET", "/mod/setup"),
    ("POST", "/mod/setup"),
    ("GET", "/mod/static"),
}
ADMIN_PREFIX = "/mod/admin/"


def console_routes(app: web.Application) -> list[tuple[str, str]]:
    """(method, canonical path) of every route under /mod/, as the root app routes them."""
    found = set()
    for route in app.router.routes():
        resource = route.resource
        if resource is None or not resource.canonical.startswith("/mod/"):
            continue
        if route.method == "HEAD":
            continue  # answered like its GET
        found.add((route.method, resource.canonical))
    # Logging out last, so that each role keeps its session to the end.
    return sorted(found, key=lambda r: (r[1] == "/mod/logout", r))


def expected(method: str, path: str) -> Access:
    if (method, path) in PUBLIC:
        return Access.PUBLIC
    return Access.ADMIN if path.startswith(ADMIN_PREFIX) else Access.MODERATOR


def concrete(path: str, values: dict[str, str]) -> str:
    if path == "/mod/static":
        return "/mod/static/console.css"
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def refused_to_login(status: int, location: str) -> bool:
    return status == 303 and location.startswith("/mod/login")


async def attempt(browser: Browser, method: str, path: str, url: str) -> tuple[int, str]:
    """Try one route as this browser would from the console's own pages."""
    if method == "GET":
        status, _, resp = await browser.get(url)
    elif expected(method, path) is Access.PUBLIC:
        # Before login a form carries the login cookie's token.
        if not browser.cookie(LOGIN_COOKIE):
            await browser.get("/mod/setup")
        status, _, resp = await browser.post(url, {"csrf": browser.cookie(LOGIN_COOKIE)})
    else:
        status, _, resp = await browser.post(url)
    return status, resp.headers.get("Location", "")


async def fixtures(harness: ConsoleHarness) -> dict[str, str]:
    case_id = await harness.report()
    ban = await harness.actions.ban(
        Actor.moderator("someone"),
        device="device-zed",
        address=None,
        seconds=3600,
        reason_code="spam",
    )
    await harness.account("carol")
    return {"case_id": case_id, "ban_id": ban.id, "name": "carol"}


async def test_the_route_list_is_what_this_test_knows(harness: ConsoleHarness) -> None:
    routes = console_routes(harness.app)
    assert len(routes) >= 20
    assert set(routes) >= PUBLIC, "a public route in this table no longer exists"
    guard: Guard = harness.app[CONSOLE][GUARD]
    # The routes' own declarations agree with this table, so the server's
    # check and this test's expectation are the same list.
    declared = {}
    for route in harness.app.router.routes():
        resource = route.resource
        if resource and resource.canonical.startswith("/mod/") and route.method != "HEAD":
            declared[(route.method, route.resource.canonical)] = guard.access_of(route)
    assert declared == {r: expected(*r) for r in routes}


async def test_anonymous_reaches_only_the_public_routes(harness: ConsoleHarness) -> None:
    values = await fixtures(harness)
    nobody = harness.browser()
    await nobody.get("/mod/login")  # a login cookie, as a real visitor has
    for method, path in console_routes(harness.app):
        url = concrete(path, values)
        status, location = await attempt(nobody, method, path, url)
        if expected(method, path) is Access.PUBLIC:
            assert status != 403 and status < 500, (method, path, status)
            assert not refused_to_login(status, location), (method, path)
        elif method == "GET":
            assert refused_to_login(status, location), (method, path, status)
        else:
            assert status == 403, (method, path, status)


async def test_a_moderator_is_refused_every_admin_route(harness: ConsoleHarness) -> None:
    values = await fixtures(harness)
    account = await harness.account("mona")
    mona = await harness.login(account)
    for method, path in console_routes(harness.app):
        url = concrete(path, values)
        status, location = await attempt(mona, method, path, url)
        if expected(method, path) is Access.ADMIN:
            assert status == 403, (method, path, status)
        else:
            assert status != 403 and status < 500, (method, path, status)
            if path != "/mod/logout":
                assert not refused_to_login(status, location), (method, path)


async def test_an_admin_gets_through_every_route(harness: ConsoleHarness) -> None:
    values = await fixtures(harness)
    account = await harness.account("ada", "admin")
    ada = await harness.login(account)
    for method, path in console_routes(harness.app):
        url = concrete(path, values)
        status, location = await attempt(ada, method, path, url)
        assert status != 403 and status < 500, (method, path, status)
        if path != "/mod/logout":
            assert not refused_to_login(status, location), (method, path)


async def test_every_post_route_refuses_a_missing_or_wrong_csrf_token(
    harness: ConsoleHarness,
) -> None:
    values = await fixtures(harness)
    account = await harness.account("ada", "admin")
    ada = await harness.login(account)
    await ada.get("/mod/login")
    posts = [(m, p) for m, p in console_routes(harness.app) if m == "POST"]
    assert len(posts) >= 15
    for _, path in posts:
        url = concrete(path, values)
        status, _, _ = await ada.post(url, csrf=False)
        assert status == 403, ("no token", path, status)
        status, _, _ = await ada.post(url, {"csrf": "x" * 43})
        assert status == 403, ("wrong token", path, status)
    # Nothing the refused requests asked for happened: still logged in, case untouched.
    assert (await ada.get("/mod/"))[0] == 200
    case = await harness.store.get_case(values["case_id"])
    assert case is not None and case.claimed_by is None and case.status == "open"


async def test_a_route_added_past_the_guard_stops_the_console_from_starting(
    harness: ConsoleHarness,
) -> None:
    guard = Guard(harness.accounts, trust_forwarded_for=False)

    async def secret(request: web.Request) -> web.Response:
        return web.Response(text="secret")

    sub = web.Application()
    guard.add(sub.router, "GET", "/declared", secret, Access.ADMIN)
    guard.check_declared(sub.router)  # every route declared: fine
    sub.router.add_get("/forgotten", secret)  # never declared
    with pytest.raises(RuntimeError, match="/forgotten"):
        guard.check_declared(sub.router)
