"""The real web client in headless Chromium, against a live server.

Each test opens one browser context per person (contexts share no cookies
or storage, so they are strangers to each other) on the page served at `/`,
and drives it the way a person would: clicks, typing and key presses. Every
person goes through the entry step (age band 18+, "I agree", Start). The
browser is the Debian package at /usr/bin/chromium; Playwright never
downloads one. The safety features have their own file,
test_safety_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, expect
from tests.web.support import CONNECTED, WAITING, open_client, pair, pair_through_routes

from passerby.core.interests import normalise_tag

XSS = "<img src=x onerror=alert(1)>"


async def test_two_strangers_chat_type_and_stop(browser: Browser, live_server: Any) -> None:
    a = await open_client(browser, live_server.url)
    b = await open_client(browser, live_server.url)
    # Start needs both an age band and "I agree".
    await expect(a.page.locator("#start")).to_be_disabled()
    await a.page.check("#agree")
    await expect(a.page.locator("#start")).to_be_disabled()
    await a.page.uncheck("#agree")
    await a.page.check("#band-adult")
    await expect(a.page.locator("#start")).to_be_disabled()
    await a.start()
    await expect(a.system(WAITING)).to_be_visible()
    await expect(a.page.locator("#online-count")).to_have_text(re.compile(r"^\d+ online$"))
    await b.start()
    await expect(a.system(CONNECTED)).to_be_visible()
    await expect(b.system(CONNECTED)).to_be_visible()
    await expect(a.page.locator("#status")).to_have_text("Chatting with a stranger")

    # b types without sending: a sees the indicator; b empties the box: it goes.
    await expect(a.page.locator("#typing")).to_be_hidden()
    await b.page.locator("#chat-input").press_sequentially("hel")
    await expect(a.page.locator("#typing")).to_have_text("Stranger is typing…")
    await b.page.fill("#chat-input", "")
    await expect(a.page.locator("#typing")).to_be_hidden()
    # About three seconds without a keystroke also counts as stopping.
    await b.page.locator("#chat-input").press_sequentially("idle")
    await expect(a.page.locator("#typing")).to_be_visible()
    await expect(a.page.locator("#typing")).to_be_hidden(timeout=6000)
    await b.page.fill("#chat-input", "")

    await b.page.locator("#chat-input").press_sequentially("hello there")
    await expect(a.page.locator("#typing")).to_be_visible()
    await b.page.press("#chat-input", "Enter")
    await expect(a.lines("stranger")).to_have_text(["hello there"])
    await expect(a.page.locator(".msg.stranger .who")).to_have_text(["Stranger:"])
    await expect(b.lines("you")).to_have_text(["hello there"])
    await expect(b.page.locator(".msg.you .who")).to_have_text(["You:"])
    await expect(a.page.locator("#typing")).to_be_hidden()
    await expect(b.page.locator("#chat-input")).to_have_value("")

    await a.page.fill("#chat-input", "hi back")
    await a.page.click("#send")
    await expect(b.lines("stranger")).to_have_text(["hi back"])
    await expect(a.lines("you")).to_have_text(["hi back"])

    # Stop asks first, then ends the chat for both.
    stop = a.page.locator("#stop")
    await expect(stop).to_have_text("Stop")
    await stop.click()
    await expect(stop).to_have_text("Really?")
    await expect(b.page.locator("#send")).to_be_enabled()
    await stop.click()
    await expect(a.system("You have disconnected")).to_be_visible()
    await expect(b.system("Stranger has disconnected")).to_be_visible()
    await expect(stop).to_have_text("New")
    await expect(b.page.locator("#stop")).to_have_text("New")
    await expect(a.page.locator("#new-chat")).to_be_visible()
    await expect(b.page.locator("#new-chat")).to_be_visible()
    await expect(a.page.locator("#send")).to_be_disabled()
    a.assert_clean()
    b.assert_clean()


TAG_SAMPLES = [
    "  Rock\t\tMusic ",
    "STRASSE",
    "Straße",
    "ẞ",
    "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ",
    "İstanbul",
    "ｍｕｓｉｃ",
    "ﬁsh ﬂy",
    "Ⅻ century",
    "Ǆungla",
    "café\u00a0au\u2003lait",
    "x" * 29 + "ß",
    "a\x85b\x1cc",
    "\ufeff x \u3000y\u2028",
]


async def test_page_normalises_tags_as_the_server_does(browser: Browser, live_server: Any) -> None:
    a = await open_client(browser, live_server.url)
    page_forms = await a.page.evaluate(
        "async (xs) => { const m = await import('/static/tags.js');"
        " return xs.map((x) => m.normaliseTag(x)); }",
        TAG_SAMPLES,
    )
    assert page_forms == [normalise_tag(x) for x in TAG_SAMPLES]
    a.assert_clean()


async def test_message_is_shown_as_text_never_as_html(browser: Browser, live_server: Any) -> None:
    a, b = await pair(browser, live_server.url)
    await a.say(XSS)
    await expect(b.lines("stranger")).to_have_text([XSS])
    await expect(a.lines("you")).to_have_text([XSS])
    # A round trip later any <img> would have fired its onerror long ago.
    await b.say("ok")
    await expect(a.lines("stranger")).to_have_text(["ok"])
    for client in (a, b):
        assert await client.page.locator("#log img").count() == 0
        assert await client.page.evaluate("document.images.length") == 0
        client.assert_clean()


async def test_common_interests_are_named(browser: Browser, live_server: Any) -> None:
    a = await open_client(browser, live_server.url)
    b = await open_client(browser, live_server.url)

    # Enter and comma both make a chip; tags are trimmed and lower-cased.
    await a.page.fill("#interests", "  Chess ")
    await a.page.press("#interests", "Enter")
    await a.page.locator("#interests").press_sequentially("knitting,zzz,")
    chips = a.page.locator("#interest-tags li span")
    await expect(chips).to_have_text(["chess", "knitting", "zzz"])
    # A chip is removable by keyboard alone.
    await a.page.locator('#interest-tags button[aria-label="Remove zzz"]').focus()
    await a.page.keyboard.press("Enter")
    await expect(chips).to_have_text(["chess", "knitting"])

    await a.start()
    await expect(a.page.locator("#stop-interests")).to_be_visible()
    await b.start(("chess", "surfing"))
    for client in (a, b):
        await expect(client.system(CONNECTED)).to_be_visible()
        await expect(client.system("You both like")).to_have_text("You both like chess.")
        await expect(client.page.locator("#stop-interests")).to_be_hidden()
        client.assert_clean()


async def test_stop_looking_for_common_interests(browser: Browser, live_server: Any) -> None:
    a = await open_client(browser, live_server.url)
    b = await open_client(browser, live_server.url)
    await a.start(("a-rare-interest",))
    await expect(a.system(WAITING)).to_be_visible()
    await a.page.click("#stop-interests")
    await expect(a.page.locator("#stop-interests")).to_be_hidden()
    await expect(a.system("you'll meet a random stranger")).to_be_visible()
    await b.start()
    await expect(a.system(CONNECTED)).to_be_visible()
    await expect(b.system(CONNECTED)).to_be_visible()
    await expect(a.system("You both like")).to_have_count(0)
    a.assert_clean()
    b.assert_clean()


async def test_escape_ends_then_starts_and_log_saves(
    browser: Browser, live_server: Any, tmp_path: Path
) -> None:
    a, b = await pair(browser, live_server.url)
    await a.say("first line")
    await expect(b.lines("stranger")).to_have_text(["first line"])
    await b.say("second line")
    await expect(a.lines("stranger")).to_have_text(["second line"])

    await a.page.keyboard.press("Escape")
    await expect(a.page.locator("#stop")).to_have_text("Really?")
    await expect(a.system("disconnected")).to_have_count(0)
    # Sending a message withdraws the question: Esc asks again.
    await a.say("one more thing")
    await expect(b.lines("stranger")).to_have_text(["first line", "one more thing"])
    await expect(a.page.locator("#stop")).to_have_text("Stop")
    await a.page.keyboard.press("Escape")
    await expect(a.page.locator("#stop")).to_have_text("Really?")
    await expect(a.system("disconnected")).to_have_count(0)
    await a.page.keyboard.press("Escape")
    await expect(a.system("You have disconnected")).to_be_visible()
    await expect(b.system("Stranger has disconnected")).to_be_visible()
    await expect(a.page.locator("#stop")).to_have_text("New")

    async with a.page.expect_download() as download_info:
        await a.page.click("#save-log")
    download = await download_info.value
    assert download.suggested_filename.endswith(".txt")
    saved = tmp_path / "log.txt"
    await download.save_as(saved)
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert "You: first line" in lines
    assert "Stranger: second line" in lines
    assert CONNECTED in lines
    assert "You have disconnected." in lines

    # Esc after the end starts a new chat with the same choices. The server
    # does not pair recent partners again, so a third stranger comes along.
    await a.page.keyboard.press("Escape")
    await expect(a.system(WAITING)).to_be_visible()
    await expect(a.page.locator("#stop")).to_have_text("Stop")
    await expect(a.lines("you")).to_have_count(0)
    c = await open_client(browser, live_server.url)
    await c.start()
    await expect(a.system(CONNECTED)).to_be_visible()
    await expect(c.system(CONNECTED)).to_be_visible()
    # The separate "New chat" button does the same.
    await b.page.click("#new-chat")
    await expect(b.system(WAITING)).to_be_visible()
    await expect(b.page.locator("#new-chat")).to_be_hidden()
    await expect(b.page.locator("#chat-input")).to_be_focused()
    for client in (a, b, c):
        client.assert_clean()


async def test_spanish_from_browser_locale_and_picker(browser: Browser, live_server: Any) -> None:
    client = await open_client(browser, live_server.url, locale="es-ES")
    page = client.page
    await expect(page.locator("html")).to_have_attribute("lang", "es")
    await expect(page.locator("#start")).to_have_text("Empezar a chatear")
    await expect(page.locator("label[for=agree]")).to_have_text("Acepto las normas.")
    await expect(page.locator("label[for=band-adult]")).to_have_text("18 o más")
    await expect(page.locator("#ui-lang")).to_have_value("es")
    await expect(page.locator("#chat-lang")).to_have_value("es")

    await page.select_option("#ui-lang", "id")
    await expect(page.locator("html")).to_have_attribute("lang", "id")
    await expect(page.locator("#start")).to_have_text("Mulai mengobrol")
    await expect(page.locator("#chat-lang")).to_have_value("id")

    # The choice is remembered, and the chat screen speaks it too.
    await page.reload()
    await expect(page.locator("#start")).to_have_text("Mulai mengobrol")
    await client.start()
    await expect(client.system("Mencari seseorang yang bisa Anda ajak mengobrol…")).to_be_visible()
    await expect(page.locator("#stop")).to_have_text("Berhenti")
    client.assert_clean()


async def test_phone_layout_and_keyboard_only(browser: Browser, live_server: Any) -> None:
    phone = await open_client(
        browser, live_server.url, viewport={"width": 375, "height": 667}, has_touch=True
    )
    page = phone.page
    scroll_width = "document.scrollingElement.scrollWidth"
    assert await page.evaluate(scroll_width) <= 375
    await expect(page.locator("#start")).to_be_visible()

    async def tab_to(element_id: str) -> None:
        for _ in range(30):
            await page.keyboard.press("Tab")
            if await page.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"Tab never reached #{element_id}")

    # The age band is a radio group: Tab lands on it, arrows pick a band.
    await tab_to("band-teen")
    await page.keyboard.press("ArrowDown")
    await expect(page.locator("#band-adult")).to_be_checked()
    await expect(page.locator("#band-teen")).not_to_be_checked()
    await tab_to("agree")
    await page.keyboard.press("Space")
    await expect(page.locator("#agree")).to_be_checked()
    await tab_to("start")
    await page.keyboard.press("Enter")
    await expect(phone.system(WAITING)).to_be_visible()
    assert await page.evaluate(scroll_width) <= 375

    other = await open_client(browser, live_server.url)
    await other.start()
    await expect(phone.system(CONNECTED)).to_be_visible()
    # Focus is in the message box; a long unbroken word must wrap, not scroll.
    await page.keyboard.type("x" * 300)
    await page.keyboard.press("Enter")
    await expect(other.lines("stranger")).to_have_text(["x" * 300])
    assert await page.evaluate(scroll_width) <= 375
    log_overflow = "(e => e.scrollWidth - e.clientWidth)(document.getElementById('log'))"
    assert await page.evaluate(log_overflow) <= 0
    await expect(page.locator("#stop")).to_be_in_viewport()
    await expect(page.locator("#chat-input")).to_be_in_viewport()
    phone.assert_clean()
    other.assert_clean()


async def test_server_errors_undelivered_and_lost_connection(
    browser: Browser, live_server: Any
) -> None:
    """What the server says about failures reaches the user, and New reconnects.

    The page's WebSocket goes through a Playwright route, which forwards every
    frame to the real server and lets the test add frames and drop the line.
    """
    a, b, routes = await pair_through_routes(browser, live_server.url)

    await a.say("lost in transit")
    await expect(b.lines("stranger")).to_have_text(["lost in transit"])
    routes[0].send('{"type": "undelivered", "id": 1, "reason": "partner_gone"}')
    await expect(a.page.locator(".msg.you.undelivered")).to_contain_text("(not delivered)")

    routes[0].send(
        '{"type": "error", "code": "rate_limited", "message": "slow", "retry_after": 2.5}'
    )
    await expect(a.system("You're going too fast. Wait 3 s and try again.")).to_be_visible()
    routes[0].send('{"type": "error", "code": "bad_field", "message": "text must be a string"}')
    await expect(a.system("The server refused that: text must be a string")).to_be_visible()

    await routes[0].close(code=1011)
    await expect(a.system("The connection to the server was lost.")).to_be_visible()
    await expect(a.page.locator("#stop")).to_have_text("New")
    await a.page.click("#stop")
    await expect(a.system(WAITING)).to_be_visible()
    assert len(routes) == 2
    a.assert_clean()
    b.assert_clean()
