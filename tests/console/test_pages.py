"""The console over HTTP: login, cookies and headers, the queue, a case, actions."""

from __future__ import annotations

import re

import aiohttp
import pyotp
from tests.console.support import PASSWORD, Browser, ConsoleHarness

from passerby.clock import ManualClock
from passerby.config import Settings
from passerby.console.access import LOGIN_COOKIE, SESSION_COOKIE
from passerby.core.ratelimit import Rate
from passerby.safety.moderation_actions import Actor
from passerby.storage.sql import SQLStore


def set_cookie(resp: aiohttp.ClientResponse, name: str) -> str:
    for value in resp.headers.getall("Set-Cookie", []):
        if value.startswith(name + "="):
            return str(value)
    return ""


async def test_setup_then_login_through_the_pages(harness: ConsoleHarness) -> None:
    token = await harness.accounts.add("ana", "moderator", by="test")
    browser = harness.browser()
    status, text, _ = await browser.get(f"/mod/setup?token={token}")
    assert status == 200
    secret = re.search(r"<dt>Key</dt><dd><code>([A-Z2-7]+)</code>", text)
    assert secret is not None and "otpauth://totp/" in text
    form = {"token": token, "password": PASSWORD, "confirm": PASSWORD}
    status, text, _ = await browser.post(
        "/mod/setup", {**form, "code": "000000", "csrf": browser.cookie(LOGIN_COOKIE)}
    )
    assert status == 400 and "code is not right" in text
    code = pyotp.TOTP(secret.group(1)).at(harness.clock.wall())
    status, _, resp = await browser.post(
        "/mod/setup", {**form, "code": code, "csrf": browser.cookie(LOGIN_COOKIE)}
    )
    assert status == 303 and resp.headers["Location"] == "/mod/login?done=setup"
    status, _, _ = await browser.get(f"/mod/setup?token={token}")
    assert status == 404  # used

    harness.clock.advance(30)
    status, _, _ = await browser.get("/mod/login?next=/mod/case/abc")
    login = {"name": "ana", "password": PASSWORD, "next": "/mod/case/abc"}
    status, text, _ = await browser.post(
        "/mod/login", {**login, "code": "111111", "csrf": browser.cookie(LOGIN_COOKIE)}
    )
    assert status == 401 and "did not work" in text and PASSWORD not in text
    code = pyotp.TOTP(secret.group(1)).at(harness.clock.wall())
    status, _, resp = await browser.post(
        "/mod/login", {**login, "code": code, "csrf": browser.cookie(LOGIN_COOKIE)}
    )
    assert status == 303 and resp.headers["Location"] == "/mod/case/abc"
    assert browser.session_token()


async def test_logins_from_one_address_are_limited_whatever_the_account(
    store: SQLStore, console_settings: Settings
) -> None:
    """Guesses spread over many accounts (none of them locked) run into the
    address's limit; a right login from there waits too; others log in."""
    harness = ConsoleHarness(store, console_settings, ManualClock(), login_rate=Rate(1 / 600, 3))
    await harness.start()
    try:
        ana = await harness.account("ana")
        here = harness.browser(headers={"X-Forwarded-For": "203.0.113.5"})
        await here.get("/mod/login")
        for name in ("bo", "cy", "di"):
            status, _, _ = await here.post(
                "/mod/login", {"name": name, "password": "guess", "code": "000000"}
            )
            assert status == 401
        harness.clock.advance(30)
        right = {"name": "ana", "password": PASSWORD, "code": harness.code(ana)}
        status, text, resp = await here.post("/mod/login", right)
        assert status == 429 and "Too many login attempts" in text
        assert int(resp.headers["Retry-After"]) > 0
        assert not here.session_token()
        there = harness.browser(headers={"X-Forwarded-For": "198.51.100.9"})
        await harness.login(ana, there)  # another address is not held up
        harness.clock.advance(600)  # one attempt earned back
        status, _, _ = await here.post("/mod/login", {**right, "code": harness.code(ana)})
        assert status == 303
    finally:
        await harness.close()


async def test_login_never_sends_a_moderator_to_another_site(harness: ConsoleHarness) -> None:
    ana = await harness.account("ana")
    browser = harness.browser()
    harness.clock.advance(30)
    await browser.get("/mod/login")
    status, _, resp = await browser.post(
        "/mod/login",
        {
            "name": "ana",
            "password": PASSWORD,
            "code": harness.code(ana),
            "next": "https://evil.example/mod/",
            "csrf": browser.cookie(LOGIN_COOKIE),
        },
    )
    assert status == 303 and resp.headers["Location"] == "/mod/"


async def test_cookies_are_strict_and_not_secure_over_plain_http(harness: ConsoleHarness) -> None:
    ana = await harness.account("ana")
    plain = harness.browser()
    _, _, resp = await plain.get("/mod/login")
    cookie = set_cookie(resp, LOGIN_COOKIE)
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/mod/" in cookie
    assert "Secure" not in cookie  # plain HTTP, and no trusted proxy
    harness.clock.advance(30)
    _, _, resp = await plain.post(
        "/mod/login",
        {
            "name": "ana",
            "password": PASSWORD,
            "code": harness.code(ana),
            "csrf": plain.cookie(LOGIN_COOKIE),
        },
    )
    session = set_cookie(resp, SESSION_COOKIE)
    assert "HttpOnly" in session and "SameSite=Strict" in session and "Path=/mod/" in session


async def test_secure_cookies_when_the_trusted_proxy_says_https(
    harness: ConsoleHarness,
) -> None:
    from dataclasses import replace

    from tests.console.support import ConsoleHarness as Harness

    settings = replace(harness.settings, trust_forwarded_for=True)
    proxied = Harness(harness.store, settings, harness.clock)
    await proxied.start()
    try:
        browser = proxied.browser(headers={"X-Forwarded-Proto": "https"})
        _, _, resp = await browser.get("/mod/login")
        assert "Secure" in set_cookie(resp, LOGIN_COOKIE)
    finally:
        await proxied.close()


async def test_console_headers_forbid_inline_script_and_framing(harness: ConsoleHarness) -> None:
    browser = harness.browser()
    status, text, resp = await browser.get("/mod/login")
    assert status == 200
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert resp.headers["Cache-Control"] == "no-store"
    assert "<script>" not in text and 'src="/mod/static/console.js"' in text
    status, js, resp = await browser.get("/mod/static/console.js")
    assert status == 200 and "keydown" in js
    assert resp.headers["Content-Security-Policy"].startswith("default-src 'none'")


async def test_the_console_headers_win_over_the_main_sites(harness: ConsoleHarness) -> None:
    from aiohttp import web
    from aiohttp.test_utils import TestServer

    from passerby.console.credentials import Passwords
    from passerby.console.routes import add_console
    from passerby.transport.web import security_headers_for

    app = web.Application()
    app.on_response_prepare.append(security_headers_for(False))
    add_console(
        app,
        store=harness.store,
        actions=harness.actions,
        hasher=harness.hasher,
        clock=harness.clock,
        settings=harness.settings,
        passwords=Passwords(),
    )
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        browser = Browser(str(server.make_url("")).rstrip("/"))
        _, _, resp = await browser.get("/mod/login")
        await browser.close()
    finally:
        await server.close()
    assert resp.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert resp.headers["Server"] == "Passerby"  # the main site's signal still ran


async def test_logout_ends_the_session_on_the_server(harness: ConsoleHarness) -> None:
    ana = await harness.login(await harness.account("ana"))
    token = ana.session_token()
    status, _, resp = await ana.post("/mod/logout")
    assert status == 303 and resp.headers["Location"].startswith("/mod/login")
    assert 'passerby_mod=""' in set_cookie(resp, SESSION_COOKIE)
    thief = harness.browser()
    thief.http.cookie_jar.update_cookies({SESSION_COOKIE: token}, resp.url)
    status, _, resp = await thief.get("/mod/")
    assert status == 303 and resp.headers["Location"].startswith("/mod/login")


async def test_an_idle_session_sends_the_moderator_back_to_login(
    harness: ConsoleHarness,
) -> None:
    ana = await harness.login(await harness.account("ana"))
    harness.clock.advance(harness.settings.console_session_idle_minutes * 60 + 1)
    status, _, resp = await ana.get("/mod/")
    assert status == 303 and resp.headers["Location"] == "/mod/login?next=/mod/"
    status, _, _ = await ana.post("/mod/break")
    assert status == 403


async def test_the_queue_puts_child_safety_first_and_filters(harness: ConsoleHarness) -> None:
    report = await harness.report(reason="spam")
    review = await harness.rule_case("cat")
    urgent = await harness.rule_case("eve", urgent=True)
    ana = await harness.login(await harness.account("ana"))
    status, text, _ = await ana.get("/mod/")
    assert status == 200
    order = [m.group(1) for m in re.finditer(r'data-href="/mod/case/(\w+)"', text)]
    assert order == [urgent, review, report]
    _, text, _ = await ana.get("/mod/?kind=report")
    assert re.findall(r'data-href="/mod/case/(\w+)"', text) == [report]
    _, text, _ = await ana.get("/mod/?reason=spam")
    assert re.findall(r'data-href="/mod/case/(\w+)"', text) == [report]


async def test_the_case_page_shows_the_evidence(harness: ConsoleHarness) -> None:
    case_id = await harness.report()
    ana = await harness.login(await harness.account("ana"))
    status, text, _ = await ana.get(f"/mod/case/{case_id}")
    assert status == 200
    assert "send me pictures" in text and 'class="signal high"' in text and "pictures 0.93" in text
    assert "they would not stop" in text  # the reporter's comment
    assert "1 record intact" in text
    assert "198.51.100.0/24" in text and "198.51.100.7" not in text  # addresses only masked
    assert "open_case" in text  # the audit record of its opening


async def test_a_claim_conflict_is_shown_cleanly(harness: ConsoleHarness) -> None:
    case_id = await harness.report()
    ana = await harness.login(await harness.account("ana"))
    bob = await harness.login(await harness.account("bob"))
    status, _, _ = await ana.post(f"/mod/case/{case_id}/claim")
    assert status == 303
    status, text, _ = await bob.post(f"/mod/case/{case_id}/claim")
    assert status == 409
    assert "ana is working on this case" in text and "Nothing was done" in text
    status, text, _ = await bob.post(f"/mod/case/{case_id}/dismiss", {"why": "meh"})
    assert status == 409
    # Nor may he sanction the case's subject behind her back.
    for action, form in (
        ("ban", {"target": "device", "duration": "24", "reason_code": "sexual"}),
        ("end-matching", {"hours": "24"}),
        ("low-trust", {"hours": "24"}),
    ):
        status, text, _ = await bob.post(f"/mod/case/{case_id}/{action}", form)
        assert status == 409, action
        assert "ana is working on this case" in text
    assert await harness.bans.check("device-bob", "198.51.100.7") is None
    assert [r.actor for r in await harness.store.audit_of_case(case_id)].count("mod:bob") == 0
    case = await harness.store.get_case(case_id)
    assert case is not None and case.claimed_by == "mod:ana" and case.status == "open"
    _, text, _ = await bob.get("/mod/")
    assert '<span class="tag claimed">ana</span>' in text


async def test_a_ban_from_the_case_page_bans_the_reported_device(
    harness: ConsoleHarness,
) -> None:
    case_id = await harness.report()
    ana = await harness.login(await harness.account("ana"))
    await ana.get(f"/mod/case/{case_id}")
    status, text, _ = await ana.post(
        f"/mod/case/{case_id}/ban",
        {"target": "both", "duration": "24", "reason_code": "nonsense", "why": "x"},
    )
    assert status == 400 and "reason code" in text
    assert await harness.bans.check("device-bob", None) is None
    status, _, resp = await ana.post(
        f"/mod/case/{case_id}/ban",
        {"target": "both", "duration": "24", "reason_code": "sexual", "why": "pictures"},
    )
    assert status == 303 and "done=banned" in resp.headers["Location"]
    ban = await harness.bans.check("device-bob", None)
    assert ban is not None and ban.reason_code == "sexual"
    assert await harness.bans.check("device-other", "198.51.100.7") is not None  # the address too
    assert await harness.bans.check("device-ann", "198.51.100.1") is None  # not the reporter
    audit = await harness.store.audit_of_case(case_id)
    # the ban, then the report it settles is closed as a ban
    assert [(r.actor, r.action) for r in audit][-2:] == [
        ("mod:ana", "ban"),
        ("mod:ana", "resolve_case"),
    ]
    assert (await harness.store.get_case(case_id)).status != "open"


async def test_an_appeal_is_decided_by_someone_other_than_the_banner(
    harness: ConsoleHarness,
) -> None:
    ban = await harness.actions.ban(
        Actor.moderator("ana"),
        device="device-bob",
        address=None,
        seconds=None,
        reason_code="sexual",
    )
    case_id = await harness.appeal(ban.id, "device-bob")
    ana = await harness.login(await harness.account("ana"))
    bob = await harness.login(await harness.account("bob"))
    status, text, _ = await ana.post(f"/mod/case/{case_id}/appeal", {"decision": "lift"})
    assert status == 409 and "Nothing was done" in text
    assert await harness.store.appeal_outcome(ban.id) is None
    status, _, resp = await bob.post(f"/mod/case/{case_id}/appeal", {"decision": "lift"})
    assert status == 303 and "appeal_lifted" in resp.headers["Location"]
    outcome = await harness.store.appeal_outcome(ban.id)
    assert outcome is not None and outcome.outcome == "lifted"


async def test_opening_child_safety_cases_is_counted_for_the_day(
    harness: ConsoleHarness,
) -> None:
    first = await harness.rule_case("eve", urgent=True)
    second = await harness.rule_case("fay", urgent=True)
    ana = await harness.login(await harness.account("ana"))
    _, text, _ = await ana.get("/mod/")
    assert '<b id="cs-today">0</b>' in text
    await ana.get(f"/mod/case/{first}")
    await ana.get(f"/mod/case/{first}")  # the same case counts once
    _, text, _ = await ana.get(f"/mod/case/{second}")
    assert '<b id="cs-today">2</b>' in text
    harness.clock.advance(86400)
    ana = await harness.login(await harness.account("ann"))
    _, text, _ = await ana.get("/mod/")
    assert '<b id="cs-today">0</b>' in text


async def test_a_break_releases_every_claim(harness: ConsoleHarness) -> None:
    cases = [await harness.report(reporter=f"r{i}") for i in range(2)]
    ana = await harness.login(await harness.account("ana"))
    for case_id in cases:
        assert (await ana.post(f"/mod/case/{case_id}/claim"))[0] == 303
    status, _, resp = await ana.post("/mod/break")
    assert status == 303 and resp.headers["Location"] == "/mod/?done=break"
    for case_id in cases:
        case = await harness.store.get_case(case_id)
        assert case is not None and case.claimed_by is None


async def test_admins_add_and_disable_accounts(harness: ConsoleHarness) -> None:
    ada = await harness.login(await harness.account("ada", "admin"))
    status, text, _ = await ada.get("/mod/admin/moderators")
    assert status == 200
    status, text, _ = await ada.post("/mod/admin/moderators", {"name": "new", "role": "moderator"})
    assert status == 201
    link = re.search(r'<code class="wrap" id="setup-link">([^<]+)</code>', text)
    assert link is not None and "/mod/setup?token=" in link.group(1)
    token = link.group(1).split("token=", 1)[1]
    assert await harness.accounts.setup_view(token) is not None

    mona = await harness.login(await harness.account("mona"))
    case_id = await harness.report()
    assert (await mona.post(f"/mod/case/{case_id}/claim"))[0] == 303
    status, _, _ = await ada.post("/mod/admin/moderators/mona/disable")
    assert status == 303
    case = await harness.store.get_case(case_id)
    assert case is not None and case.claimed_by is None  # back in the queue at once
    status, _, resp = await mona.get("/mod/")
    assert status == 303 and resp.headers["Location"].startswith("/mod/login")
