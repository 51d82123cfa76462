"""The safety features of the web client in headless Chromium, against a live server.

The entry step (age band, rules, device cookie), sections, reports with
their evidence, the ban screen with its appeal, the browser check (proof of
work), and the moderation notices. Where a test needs the server to say
something it rarely says (`held`, `masked` …), the page's WebSocket goes
through a Playwright route that forwards every frame and lets the test add
its own.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
from typing import Any

from playwright.async_api import Browser, Page, WebSocketRoute, expect
from tests.web.support import (
    CONNECTED,
    WAITING,
    Client,
    open_client,
    pair,
    pair_through_routes,
)

from passerby.safety.moderation_actions import Actor

REPORTED = "Thanks. Your report was received; you won't be matched with this person again."
COOKIE = "passerby_device"


def sent_frames(page: Page) -> list[dict[str, Any]]:
    """Every JSON frame the page sends on the WebSockets it opens from now on."""
    frames: list[dict[str, Any]] = []

    def on_socket(socket: Any) -> None:
        def on_frame(payload: str | bytes) -> None:
            if isinstance(payload, str):
                frames.append(json.loads(payload))

        socket.on("framesent", on_frame)

    page.on("websocket", on_socket)
    return frames


async def cookie_value(client: Client) -> str:
    cookies = await client.page.context.cookies()
    values = [c["value"] for c in cookies if c["name"] == COOKIE]
    assert len(values) == 1, cookies
    return values[0]


async def pair_watched(browser: Browser, url: str) -> tuple[Client, Client, list[dict[str, Any]]]:
    """Two adults chatting, and the frames the first one sends."""
    a = await open_client(browser, url)
    frames = sent_frames(a.page)
    b = await open_client(browser, url)
    await a.start()
    await expect(a.system(WAITING)).to_be_visible()
    await b.start()
    await expect(a.system(CONNECTED)).to_be_visible()
    await expect(b.system(CONNECTED)).to_be_visible()
    return a, b, frames


async def report(client: Client, reason: str, comment: str = "") -> None:
    """Open the report dialog, pick a reason, write a comment, send."""
    page = client.page
    await page.click("#report")
    dialog = page.locator("#report-dialog")
    await expect(dialog).to_be_visible()
    await page.check(f"#reason-{reason}")
    if comment:
        await page.fill("#report-comment", comment)
    await page.click("#report-send")
    await expect(dialog).to_be_hidden()


# ---- entry ------------------------------------------------------------------


async def test_under_13_refused_and_band_remembered(browser: Browser, live_server: Any) -> None:
    child = await open_client(browser, live_server.url)
    page = child.page
    await child.start(band="under13")
    message = page.locator("#entry-msg")
    await expect(message).to_be_visible()
    await expect(message).to_contain_text("13")
    await expect(page.locator("#landing")).to_be_visible()
    await expect(page.locator("#chat")).to_be_hidden()
    # No chat was asked for: no WebSocket, no device cookie; only the
    # refusal, remembered (HttpOnly) for a week.
    [marker] = await page.context.cookies()
    assert marker["name"] == "passerby_under13" and marker["httpOnly"] is True
    await page.wait_for_timeout(300)
    await expect(page.locator("#chat")).to_be_hidden()
    # "18 or older" a second later is refused all the same...
    await child.start(band="18+")
    await expect(message).to_contain_text("13 or older")
    await page.wait_for_timeout(300)
    await expect(page.locator("#chat")).to_be_hidden()
    assert [c["name"] for c in await page.context.cookies()] == ["passerby_under13"]
    # ...and the page says so again after a reload.
    await page.reload()
    await expect(page.locator("body")).to_have_attribute("data-ready", "true")
    await expect(message).to_contain_text("13 or older")
    await expect(page.locator("#band-under13")).to_be_checked()

    teen = await open_client(browser, live_server.url)
    page = teen.page
    await expect(page.locator("#entry-section")).to_be_hidden()
    await teen.start(band="13-17")
    await expect(teen.system(WAITING)).to_be_visible()
    await expect(page.locator("#status")).to_have_text(re.compile("teen section"))

    # The device cookie is HttpOnly: the page's scripts cannot read it.
    value = await cookie_value(teen)
    cookie = next(c for c in await page.context.cookies() if c["name"] == COOKIE)
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    assert COOKIE not in await page.evaluate("document.cookie")
    assert value not in await page.evaluate("document.cookie")

    # After a reload the server still knows the band, and says so.
    await page.reload()
    await expect(page.locator("body")).to_have_attribute("data-ready", "true")
    await expect(page.locator("#band-teen")).to_be_checked()
    await expect(page.locator("#entry-section")).to_have_text(
        "You'll chat in the teen section (13-17)."
    )
    # Changing the band asks first and then only takes effect later.
    await page.check("#band-adult")
    await expect(page.locator("#entry-change")).to_be_visible()
    await page.check("#agree")
    await page.click("#start")
    await expect(teen.system(WAITING)).to_be_visible()
    await page.reload()
    await expect(page.locator("#band-adult")).to_be_checked()
    await expect(page.locator("#entry-section")).to_contain_text("teen section")
    await expect(page.locator("#entry-pending")).to_contain_text(
        re.compile(r"Your change to 18\+ takes effect on .+\d")
    )
    assert await cookie_value(teen) == value
    child.assert_clean()
    teen.assert_clean()


async def test_teens_and_adults_are_never_paired(browser: Browser, live_server: Any) -> None:
    teen = await open_client(browser, live_server.url)
    adult = await open_client(browser, live_server.url)
    await teen.start(band="13-17")
    await adult.start(band="18+")
    await expect(teen.system(WAITING)).to_be_visible()
    await expect(adult.system(WAITING)).to_be_visible()
    await asyncio.sleep(2)
    for client in (teen, adult):
        await expect(client.system(CONNECTED)).to_have_count(0)
        await expect(client.page.locator("#status")).not_to_have_text("Chatting with a stranger")

    other_teen = await open_client(browser, live_server.url)
    await other_teen.start(band="13-17")
    await expect(teen.system(CONNECTED)).to_be_visible()
    await expect(other_teen.system(CONNECTED)).to_be_visible()
    await asyncio.sleep(0.5)
    await expect(adult.system(CONNECTED)).to_have_count(0)
    for client in (teen, adult, other_teen):
        client.assert_clean()


# ---- reports ----------------------------------------------------------------


async def test_report_during_chat_is_stored_as_evidence(browser: Browser, live_server: Any) -> None:
    a, b, frames = await pair_watched(browser, live_server.url)
    await a.say("hello, who are you")
    await expect(b.lines("stranger")).to_have_text(["hello, who are you"])
    await b.say("leave me alone")
    await expect(a.lines("stranger")).to_have_text(["leave me alone"])

    # The dialog is keyboard-first, and Esc in it closes only the dialog.
    report_button = a.page.locator("#report")
    await expect(report_button).to_be_visible()
    await report_button.click()
    await expect(a.page.locator("#report-dialog")).to_be_visible()
    await expect(a.page.locator("#reason-sexual")).to_be_focused()
    await a.page.keyboard.press("Escape")
    await expect(a.page.locator("#report-dialog")).to_be_hidden()
    await expect(a.page.locator("#stop")).to_have_text("Stop")
    await expect(report_button).to_be_focused()
    # Send with no reason is refused by the dialog itself.
    await report_button.click()
    await a.page.click("#report-send")
    await expect(a.page.locator("#report-msg")).to_have_text("Choose what happened first.")
    await a.page.click("#report-cancel")
    await expect(a.page.locator("#report-dialog")).to_be_hidden()

    await report(a, "harassment", "kept insulting me")
    await expect(a.system(REPORTED)).to_be_visible()
    sent = next(f for f in frames if f["type"] == "report")
    assert sent == {
        "type": "report",
        "reason": "harassment",
        "comment": "kept insulting me",
        "chat": "current",
    }

    result = await live_server.services.evidence.verify()
    assert result.ok is True
    assert result.records >= 1
    records = await live_server.services.evidence.list_records()
    last = records[-1]
    assert last.kind == "report"
    assert last.body["reason"] == "harassment"
    assert last.body["comment"] == "kept insulting me"
    said = [(line["from"], line["text"]) for line in last.body["transcript"]]
    texts = [text for _, text in said]
    assert "hello, who are you" in texts
    assert "leave me alone" in texts
    assert len({who for who, _ in said}) == 2

    # The reported person is told nothing.
    await b.say("still here")
    await expect(a.lines("stranger")).to_have_text(["leave me alone", "still here"])
    await expect(b.page.locator("#log")).not_to_contain_text("report", ignore_case=True)
    await expect(b.page.locator("#report-dialog")).to_be_hidden()
    a.assert_clean()
    b.assert_clean()


async def test_report_after_the_stranger_left(browser: Browser, live_server: Any) -> None:
    a, b, frames = await pair_watched(browser, live_server.url)
    await b.say("ok i have to go now, bye")
    await expect(a.lines("stranger")).to_have_text(["ok i have to go now, bye"])
    await b.page.click("#stop")
    await b.page.click("#stop")
    await expect(a.system("Stranger has disconnected")).to_be_visible()
    await expect(a.page.locator("#stop")).to_have_text("New")

    # Still reportable; Esc in the dialog must not start a new chat.
    await expect(a.page.locator("#report")).to_be_visible()
    await a.page.click("#report")
    await expect(a.page.locator("#report-dialog")).to_be_visible()
    await a.page.keyboard.press("Escape")
    await expect(a.page.locator("#report-dialog")).to_be_hidden()
    # (A new chat would clear the log and say "Looking for …" again.)
    await a.page.wait_for_timeout(300)
    await expect(a.system(WAITING)).to_have_count(1)
    await expect(a.lines("stranger")).to_have_text(["ok i have to go now, bye"])
    await expect(a.page.locator("#stop")).to_have_text("New")

    await report(a, "spam")
    await expect(a.system(REPORTED)).to_be_visible()
    sent = next(f for f in frames if f["type"] == "report")
    assert sent["chat"] == "last"
    assert sent["reason"] == "spam"
    records = await live_server.services.evidence.list_records()
    assert records[-1].kind == "report"
    assert records[-1].body["reason"] == "spam"
    assert "ok i have to go now, bye" in [line["text"] for line in records[-1].body["transcript"]]
    # Reported once: the button goes away.
    await expect(a.page.locator("#report")).to_be_hidden()
    a.assert_clean()
    b.assert_clean()


# ---- bans -------------------------------------------------------------------


async def test_ban_screen_and_appeal(browser: Browser, live_server: Any) -> None:
    client = await open_client(browser, live_server.url)
    page = client.page
    await client.start()
    await expect(client.system(WAITING)).to_be_visible()
    await page.click("#stop")
    await page.click("#stop")
    await expect(page.locator("#stop")).to_have_text("New")

    services = live_server.services
    device = services.devices.hash_of_cookie(await cookie_value(client))
    assert device
    await services.actions.ban(
        Actor.system("test"), device=device, address=None, reason_code="harassment", seconds=3600
    )

    # The open WebSocket learns it at once (the ban notice), without a start.
    ban = page.locator("#ban")
    await expect(ban).to_be_visible()
    await expect(page.locator("#chat")).to_be_hidden()
    await expect(page.locator("#ban-reason")).to_contain_text("Harassing")

    # And after a reload GET /api/entry shows it before anything else.
    await page.reload()
    await expect(page.locator("body")).to_have_attribute("data-ready", "true")
    await expect(ban).to_be_visible()
    await expect(page.locator("#landing")).to_be_hidden()
    await expect(page.locator("#start")).to_be_hidden()
    await expect(page.locator("#ban-reason")).to_have_text(
        "Reason: Harassing or insulting other people."
    )
    # "until" a local date and time about an hour from now.
    await expect(page.locator("#ban-expiry")).to_have_text(re.compile(r"^Banned until .*\d.*\.$"))

    await page.click("#appeal-send")
    await expect(page.locator("#appeal-msg")).to_have_text("Write your appeal first.")
    await page.fill("#appeal-text", "It was a misunderstanding, sorry.")
    await page.click("#appeal-send")
    await expect(page.locator("#appeal-msg")).to_have_text(
        "Your appeal was received. A moderator will look at it."
    )
    await expect(page.locator("#appeal-form")).to_be_hidden()
    cases = await services.store.list_cases(kind="appeal")
    assert len(cases) == 1
    client.assert_clean()


# ---- proof of work ----------------------------------------------------------


async def test_entry_with_proof_of_work(browser: Browser, server_factory: Any) -> None:
    server = await server_factory(pow_at_entry=True)
    a = await open_client(browser, server.url)
    posts: list[dict[str, Any]] = []

    def on_request(request: Any) -> None:
        if request.method == "POST" and request.url.endswith("/api/entry"):
            posts.append(json.loads(request.post_data or "{}"))

    a.page.on("request", on_request)
    await a.start()
    await expect(a.system(WAITING)).to_be_visible(timeout=20_000)
    assert posts, "no POST /api/entry"
    assert "solution" in posts[-1]
    assert all("solution" in p for p in posts[1:])
    b = await open_client(browser, server.url)
    await b.start()
    await expect(a.system(CONNECTED)).to_be_visible(timeout=20_000)
    await expect(b.system(CONNECTED)).to_be_visible()
    await expect(a.page.locator("#entry-check")).to_be_hidden()
    a.assert_clean()
    b.assert_clean()


def make_challenge(number: int, salt: str = "0a1b2c?expires=4102444800") -> dict[str, Any]:
    digest = hashlib.sha256(f"{salt}{number}".encode()).hexdigest()
    return {
        "algorithm": "SHA-256",
        "challenge": digest,
        "salt": salt,
        "maxnumber": 50_000,
        "signature": "s1gn",
    }


async def test_solver_finds_the_number_and_hashes_like_python(
    browser: Browser, live_server: Any
) -> None:
    client = await open_client(browser, live_server.url)
    challenge = make_challenge(31_337)
    result = await client.page.evaluate(
        """async (challenge) => {
            const pow = await import("/static/pow.js");
            const progress = [];
            const found = await pow.solveChallenge(challenge, {
                onProgress: (f) => progress.push(f),
            });
            const none = await pow.solveChallenge({ ...challenge, maxnumber: 100 });
            return { found, none, progress };
        }""",
        challenge,
    )
    assert result["found"]["number"] == 31_337
    payload = json.loads(base64.b64decode(result["found"]["payload"]))
    assert payload == {
        "algorithm": "SHA-256",
        "challenge": challenge["challenge"],
        "number": 31_337,
        "salt": challenge["salt"],
        "signature": "s1gn",
    }
    assert result["none"] is None
    # Progress is reported along the way and ends at 1.
    assert len(result["progress"]) > 3
    assert result["progress"][-1] == 1

    # The plain-JavaScript SHA-256 (for pages served without HTTPS).
    texts = ["", "abc", "x" * 55, "y" * 56, "z" * 64, "z" * 200, "héllo ✓ 😀"]
    hashes = await client.page.evaluate(
        """async (texts) => {
            const pow = await import("/static/pow.js");
            return texts.map((t) => pow.sha256Hex(t));
        }""",
        texts,
    )
    assert hashes == [hashlib.sha256(t.encode()).hexdigest() for t in texts]
    client.assert_clean()


async def test_challenge_on_the_websocket(browser: Browser, live_server: Any) -> None:
    """A `challenge` message: the page solves it, then (re)sends its `start`."""
    a = await open_client(browser, live_server.url)
    challenge = make_challenge(4_242)
    frames: list[dict[str, Any]] = []
    routes: list[WebSocketRoute] = []

    def through(route: WebSocketRoute) -> None:
        routes.append(route)
        server = route.connect_to_server()

        def from_page(message: str | bytes) -> None:
            frame = json.loads(message)
            frames.append(frame)
            solved = any(f["type"] == "solve" for f in frames)
            if frame["type"] == "start" and not solved:
                route.send(json.dumps({"type": "challenge", **challenge}))
                route.send(
                    json.dumps(
                        {
                            "type": "error",
                            "code": "challenge_required",
                            "message": "solve the challenge first",
                            "ref": "start",
                        }
                    )
                )
            elif frame["type"] == "solve":
                route.send('{"type": "challenge_passed"}')
            else:
                server.send(message)

        route.on_message(from_page)

    await a.page.route_web_socket(re.compile(r"/ws$"), through)
    await a.start()
    await expect(a.system(WAITING)).to_be_visible()
    kinds = [f["type"] for f in frames]
    assert kinds == ["start", "solve", "start"], kinds
    payload = json.loads(base64.b64decode(frames[1]["payload"]))
    assert payload["number"] == 4_242
    assert payload["challenge"] == challenge["challenge"]
    await expect(a.page.locator("#chat-check")).to_be_hidden()
    a.assert_clean()


# ---- moderation notices -----------------------------------------------------


async def test_held_masked_warning_and_ended_by_the_rules(
    browser: Browser, live_server: Any
) -> None:
    a, b, routes = await pair_through_routes(browser, live_server.url)
    route = routes[0]

    await a.say("first plain line")
    await a.say("second plain line")
    await expect(a.lines("you")).to_have_count(2)
    route.send(
        json.dumps(
            {"type": "held", "id": 1, "code": "personal_info", "reason": "No phone numbers."}
        )
    )
    held = a.page.locator(".msg.you.held")
    await expect(held).to_contain_text("first plain line")
    await expect(held).to_contain_text("(not sent)")
    await expect(a.system("Your message was not sent: No phone numbers.")).to_be_visible()

    route.send(json.dumps({"type": "masked", "id": 2, "text": "you are a <b>****</b>"}))
    masked = a.page.locator(".msg.you.masked")
    await expect(masked.locator(".text")).to_have_text("you are a <b>****</b>")
    await expect(masked).to_contain_text("(parts hidden)")
    assert await a.page.locator("#log b").count() == 0

    route.send(json.dumps({"type": "warning", "code": "insults", "message": "Be kind."}))
    await expect(a.page.locator(".msg.system.warning")).to_have_text("Warning: Be kind.")

    route.send('{"type": "chat_ended", "by": "system", "reason": "moderation"}')
    await expect(a.system("The chat was ended because of the rules.")).to_be_visible()
    await expect(a.page.locator("#stop")).to_have_text("New")
    await expect(a.page.locator("#send")).to_be_disabled()
    await expect(a.page.locator("#new-chat")).to_be_visible()
    # A chat ended by the rules can still be reported.
    await expect(a.page.locator("#report")).to_be_visible()
    a.assert_clean()
    b.assert_clean()


async def test_one_notice_per_held_message(browser: Browser, live_server: Any) -> None:
    # The real server and the shipped policy: in the teen section a phone
    # number is held with a warning, and the sender reads about it once.
    a, b = await pair(browser, live_server.url, band="13-17")
    await a.say("text me on 555 123 4567")
    held = a.page.locator(".msg.you.held")
    await expect(held).to_contain_text("(not sent)")
    notices = a.page.locator(".msg.system.error, .msg.system.warning")
    await expect(notices).to_have_count(1)
    await expect(notices).to_contain_text("personal details")
    await a.say("ok then, what games do you play")
    await expect(b.lines("stranger")).to_have_text(["ok then, what games do you play"])
    await expect(notices).to_have_count(1)
    a.assert_clean()
    b.assert_clean()


async def test_server_notices_read_in_the_ui_language(browser: Browser, live_server: Any) -> None:
    # Held and ban notices, and the under-13 refusal, come from the page's
    # catalogue by their codes, never in the server's English.
    a = await open_client(browser, live_server.url, locale="es-ES")
    b = await open_client(browser, live_server.url, locale="es-ES")
    await a.start(band="13-17")
    await b.start(band="13-17")
    await expect(a.system("Ya estás chateando")).to_be_visible()
    await a.say("mándame un mensaje al 555 123 4567")
    notice = a.page.locator(".msg.system.error")
    await expect(notice).to_have_text(
        "Tu mensaje no se envió: Compartir datos personales no está permitido "
        "en la sección de adolescentes."
    )

    services = live_server.services
    device = services.devices.hash_of_cookie(await cookie_value(a))
    assert device
    await services.actions.ban(
        Actor.system("test"), device=device, address=None, reason_code="harassment", seconds=3600
    )
    await expect(a.page.locator("#ban-reason")).to_have_text(
        "Motivo: Acosar o insultar a otras personas."
    )

    child = await open_client(browser, live_server.url, locale="id-ID")
    await child.start(band="under13")
    await expect(child.page.locator("#entry-msg")).to_have_text(
        "Passerby hanya untuk orang berusia 13 tahun ke atas. Terima kasih sudah jujur! "
        "Kembalilah saat Anda berusia 13 tahun."
    )
    for client in (a, b, child):
        client.assert_clean()


async def test_report_and_ban_screen_on_a_phone_by_keyboard(
    browser: Browser, live_server: Any
) -> None:
    phone = await open_client(
        browser, live_server.url, viewport={"width": 375, "height": 667}, has_touch=True
    )
    page = phone.page
    routes: list[WebSocketRoute] = []

    def through(route: WebSocketRoute) -> None:
        routes.append(route)
        route.connect_to_server()

    await page.route_web_socket(re.compile(r"/ws$"), through)
    other = await open_client(browser, live_server.url)
    await phone.start()
    await other.start()
    await expect(phone.system(CONNECTED)).to_be_visible()
    await other.say("hello")
    await expect(phone.lines("stranger")).to_have_text(["hello"])

    scroll_width = "document.scrollingElement.scrollWidth"
    await page.locator("#report").focus()
    await page.keyboard.press("Enter")
    dialog = page.locator("#report-dialog")
    await expect(dialog).to_be_in_viewport(ratio=1)
    assert await page.evaluate(scroll_width) <= 375
    # Arrows move through the reasons; Tab goes on to the comment and buttons.
    await expect(page.locator("#reason-sexual")).to_be_focused()
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    await expect(page.locator("#reason-harassment")).to_be_checked()
    await page.keyboard.press("Tab")
    await expect(page.locator("#report-comment")).to_be_focused()
    await page.keyboard.type("rude")
    await expect(page.locator("#report-comment-hint")).to_have_text("4 of 1,000 characters")
    await page.keyboard.press("Tab")
    await expect(page.locator("#report-cancel")).to_be_focused()
    await page.keyboard.press("Tab")
    await expect(page.locator("#report-send")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(dialog).to_be_hidden()
    await expect(phone.system(REPORTED)).to_be_visible()

    ban = {
        "type": "banned",
        "id": "b1",
        "reason_code": "spam",
        "reason": "Spam or automated messages.",
        "expires_at": None,
        "appeal": True,
    }
    routes[0].send(json.dumps(ban))
    await expect(page.locator("#ban")).to_be_visible()
    await expect(page.locator("#ban-heading")).to_be_focused()
    await expect(page.locator("#ban-reason")).to_have_text("Reason: Spam or automated messages.")
    await expect(page.locator("#ban-expiry")).to_have_text("Banned permanently.")
    await expect(page.locator("#appeal-form")).to_be_visible()
    await expect(page.locator("#chat")).to_be_hidden()
    assert await page.evaluate(scroll_width) <= 375
    # Esc on the ban screen does nothing: there is no chat to stop or start.
    await page.keyboard.press("Escape")
    await expect(page.locator("#ban")).to_be_visible()
    await expect(page.locator("#chat")).to_be_hidden()
    phone.assert_clean()
    other.assert_clean()
