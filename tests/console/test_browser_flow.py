"""The whole loop in headless Chromium: a report from a real chat, a
moderator's ban from the console, the appeal, and its outcome.

Two strangers chat in the web client; one reports the other. A moderator
sets up an account from the link ``passerby moderator add`` prints, logs in
with a TOTP code, opens the report at the top of the queue, reads the
transcript with its signals and bans the stranger from the case page. The
stranger's open page shows the ban screen at once, and so does their next
visit; they appeal from it. The moderator who banned is refused the appeal;
a second moderator upholds the ban, and the stranger's ban screen says so.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pyotp
from playwright.async_api import Browser, Dialog, Page, WebSocket, expect
from tests.web.support import (
    CONNECTED,
    WAITING,
    Client,
    open_client,
)

from passerby.console.commands import add_moderator

REPORTED = "Thanks. Your report was received; you won't be matched with this person again."
UPHELD = "A moderator reviewed your appeal and decided to keep the ban."
PASSWORD = "correct horse battery staple"
# A page waits this long for something another page or the server caused:
# the machine running the suite may be slow and busy.
WAIT = 15_000


class Moderator:
    """One moderator at their own browser, with what it complained about."""

    def __init__(self, page: Page, name: str) -> None:
        self.page = page
        self.name = name
        self.secret = ""
        self.confirms: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self.on_dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self.on_console)

    async def on_dialog(self, dialog: Dialog) -> None:
        # The console asks before an action that changes someone's standing.
        self.confirms.append(dialog.message)
        await dialog.accept()

    def on_console(self, message: Any) -> None:
        # A refused action answers 409 with the case page; Chromium logs it.
        if message.type == "error" and "status of 4" not in message.text:
            self.errors.append(message.text)

    def code(self, *, ahead: int = 0) -> str:
        return pyotp.TOTP(self.secret).at(time.time() + ahead)

    def assert_clean(self) -> None:
        assert self.errors == []


async def set_up_and_log_in(browser: Browser, server: Any, name: str) -> Moderator:
    """``passerby moderator add``'s link opened in a browser, the account set
    up, then a login with the next TOTP code (the setup spent this one)."""
    link = await add_moderator(server.services.settings, name, "moderator")
    token = link.split("token=", 1)[1]
    context = await browser.new_context()
    moderator = Moderator(await context.new_page(), name)
    page = moderator.page
    await page.goto(f"{server.url}/mod/setup?token={token}")
    await expect(page.locator("h1")).to_have_text("Set up your account")
    moderator.secret = (await page.locator("dl.secret dd code").first.inner_text()).strip()
    assert re.fullmatch(r"[A-Z2-7]{16,}", moderator.secret), moderator.secret
    await page.fill("input[name=password]", PASSWORD)
    await page.fill("input[name=confirm]", PASSWORD)
    await page.fill("input[name=code]", moderator.code())
    await page.click("button[type=submit]")
    await expect(page.locator(".notice")).to_have_text("Your account is ready: log in.")

    # A code is accepted once; the next step's code is within the drift
    # the server allows, so the login need not wait half a minute.
    await page.fill("input[name=name]", name)
    await page.fill("input[name=password]", PASSWORD)
    await page.fill("input[name=code]", moderator.code(ahead=30))
    await page.click("button[type=submit]")
    await expect(page.locator("h1")).to_contain_text("Queue")
    await expect(page.locator("header .me")).to_contain_text(name)
    return moderator


async def report(client: Client, reason: str, comment: str) -> None:
    page = client.page
    await page.click("#report")
    await expect(page.locator("#report-dialog")).to_be_visible()
    await page.check(f"#reason-{reason}")
    await page.fill("#report-comment", comment)
    await page.click("#report-send")
    await expect(page.locator("#report-dialog")).to_be_hidden()
    await expect(client.system(REPORTED)).to_be_visible()


async def expect_ban_screen(client: Client) -> None:
    page = client.page
    await expect(page.locator("#ban")).to_be_visible(timeout=WAIT)
    await expect(page.locator("#chat")).to_be_hidden()
    await expect(page.locator("#ban-reason")).to_have_text("Reason: Sexual content is not allowed.")
    await expect(page.locator("#ban-expiry")).to_have_text(re.compile(r"^Banned until .*\d.*\.$"))


async def visit_again(client: Client, url: str) -> None:
    await client.page.goto(url)
    await expect(client.page.locator("body")).to_have_attribute("data-ready", "true")


async def test_report_ban_appeal_and_its_outcome(browser: Browser, live_server: Any) -> None:
    url = live_server.url
    store = live_server.services.store

    # --- a real chat, and a report of the stranger --------------------------
    reporter = await open_client(browser, url)
    stranger = await open_client(browser, url)
    sockets: list[WebSocket] = []
    stranger.page.on("websocket", lambda socket: sockets.append(socket))
    await reporter.start()
    await expect(reporter.system(WAITING)).to_be_visible()
    await stranger.start()
    await expect(reporter.system(CONNECTED)).to_be_visible(timeout=WAIT)
    await expect(stranger.system(CONNECTED)).to_be_visible()
    await reporter.say("hi, how are you")
    await expect(stranger.lines("stranger")).to_have_text(["hi, how are you"])
    await stranger.say("send me a pic")
    await expect(reporter.lines("stranger")).to_have_text(["send me a pic"])
    await report(reporter, "sexual", "asked for pictures straight away")
    reports = await store.list_cases(kind="report")
    assert len(reports) == 1
    case_id = reports[0].id

    # --- a moderator logs in with TOTP and opens the top of the queue -------
    ana = await set_up_and_log_in(browser, live_server, "ana")
    page = ana.page
    top = page.locator("table.queue tbody tr").first
    await expect(top).to_have_attribute("data-href", f"/mod/case/{case_id}")
    await expect(top).to_contain_text("report")
    await top.locator("a").click()
    await expect(page).to_have_url(f"{url}/mod/case/{case_id}")

    # The transcript, each side, and the signal on the stranger's line.
    rows = page.locator("table.transcript tbody tr")
    await expect(rows).to_have_count(2)
    asked = rows.filter(has_text="send me a pic")
    await expect(asked).to_have_class(re.compile(r"\bflagged\b"))
    await expect(asked).to_have_class(re.compile(r"\bside-them\b"))
    await expect(asked.locator("td.who")).to_have_text("reported")
    await expect(asked.locator(".signal")).to_contain_text(["picture_request"])
    greeting = rows.filter(has_text="hi, how are you")
    await expect(greeting.locator("td.who")).to_have_text("reporter")
    await expect(greeting.locator(".signal")).to_have_count(0)
    await expect(page.locator("main")).to_contain_text("Reason: sexual")
    await expect(page.locator("main")).to_contain_text("asked for pictures straight away")
    await expect(page.locator(".chain-ok")).to_have_text("1 record intact")

    # --- she claims the case and bans the stranger from its ban form --------
    # (The report did not end the chat: the ban will.)
    await expect(reporter.system("Stranger has disconnected")).to_have_count(0)
    await page.click("button[data-key=c]")
    await expect(page.locator("#holder")).to_contain_text("claimed by ana")
    ban_form = page.locator("form#ban")
    await ban_form.locator("select[name=target]").select_option("device")
    await ban_form.locator("select[name=duration]").select_option("168")
    await ban_form.locator("select[name=reason_code]").select_option("sexual")
    await ban_form.locator("input[name=why]").fill("picture request in the first minute")
    await ban_form.locator("button[type=submit]").click()
    await expect(page.locator(".notice")).to_have_text(
        "Ban made, on every node at once; the case is closed."
    )
    assert ana.confirms == ["Ban? It takes effect on every node at once."]
    await expect(page).to_have_url(re.compile(r"/mod/\?done="))  # back to the queue
    await page.goto(f"{url}/mod/case/{case_id}")
    await expect(page.locator("aside")).to_contain_text("Active bans on this person")

    # The stranger's open page shows the ban screen at once, its socket is
    # closed, and the reporter is told the stranger left.
    await expect_ban_screen(stranger)
    assert len(sockets) == 1
    if not sockets[0].is_closed():
        await sockets[0].wait_for_event("close", timeout=WAIT)
    await expect(reporter.system("Stranger has disconnected")).to_be_visible(timeout=WAIT)
    # Their next visit shows it before anything else.
    await visit_again(stranger, url)
    await expect_ban_screen(stranger)
    await expect(stranger.page.locator("#landing")).to_be_hidden()
    await expect(stranger.page.locator("#start")).to_be_hidden()
    await expect(stranger.page.locator("#ban-outcome")).to_be_hidden()

    # --- they appeal from the ban screen -------------------------------------
    await stranger.page.fill("#appeal-text", "I only meant a picture of their cat.")
    await stranger.page.click("#appeal-send")
    await expect(stranger.page.locator("#appeal-msg")).to_have_text(
        "Your appeal was received. A moderator will look at it."
    )
    appeals = await store.list_cases(kind="appeal")
    assert len(appeals) == 1
    appeal_id = appeals[0].id

    # --- the moderator who banned may not decide it --------------------------
    await page.goto(f"{url}/mod/?kind=appeal")
    row = page.locator("table.queue tbody tr").first
    await expect(row).to_have_attribute("data-href", f"/mod/case/{appeal_id}")
    await row.locator("a").click()
    await expect(page.locator("blockquote")).to_have_text("I only meant a picture of their cat.")
    appeal_form = page.locator("form#appeal")
    await appeal_form.locator("input[name=why]").fill("I stand by it")
    await appeal_form.locator("button[value=uphold]").click()
    await expect(page.locator("#refusal")).to_contain_text("another moderator decides its appeal")
    await expect(page.locator("#refusal")).to_contain_text("Nothing was done.")
    assert (await store.get_case(appeal_id)).status == "open"

    # --- a second moderator decides it ---------------------------------------
    ben = await set_up_and_log_in(browser, live_server, "ben")
    other = ben.page
    await other.goto(f"{url}/mod/case/{appeal_id}")
    await expect(other.locator("main")).to_contain_text("by ana")
    appeal_form = other.locator("form#appeal")
    await appeal_form.locator("input[name=why]").fill("the transcript shows the request")
    await appeal_form.locator("button[value=uphold]").click()
    await expect(other.locator(".notice")).to_have_text("Appeal refused: the ban stands.")
    decided = await store.get_case(appeal_id)
    assert decided.status == "resolved"
    assert decided.resolved_by == "mod:ben"

    # --- the stranger sees the outcome on their ban screen -------------------
    await visit_again(stranger, url)
    await expect_ban_screen(stranger)
    # What the page read: the server's ban object carries the outcome.
    answer = await stranger.page.context.request.get(f"{url}/api/entry")
    assert answer.status == 200
    ban = (await answer.json())["ban"]
    assert (ban["appeal_outcome"], ban["appeal"]) == ("upheld", False)
    # No second appeal of a decided one.
    await expect(stranger.page.locator("#appeal-form")).to_be_hidden()
    # The outcome, in the visitor's language.
    await expect(stranger.page.locator("#ban-outcome")).to_be_visible()
    await expect(stranger.page.locator("#ban-outcome")).to_have_text(UPHELD)

    for one in (reporter, stranger):
        one.assert_clean()
    ana.assert_clean()
    ben.assert_clean()
