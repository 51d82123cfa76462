"""What the browser tests share: one person at one browser, and how they enter.

Each person gets their own browser context (contexts share no cookies or
storage, so they are strangers to each other, with separate device cookies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from playwright.async_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Locator,
    Page,
    WebSocketRoute,
    expect,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

CONNECTED = "You're now chatting with a random stranger. Say hi!"
WAITING = "Looking for someone you can chat with…"

# The age band radio buttons on the landing page, by band.
BAND_IDS = {"13-17": "#band-teen", "18+": "#band-adult", "under13": "#band-under13"}


@dataclass
class Client:
    """One person at one browser: a page, plus whatever it complained about."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def on_dialog(self, dialog: Dialog) -> None:
        # Record it, then close it so the page does not hang; the test fails
        # on the record.
        self.dialogs.append(dialog.message)
        await dialog.dismiss()

    def on_console(self, message: ConsoleMessage) -> None:
        # A refused /api/entry (400 under_13, 403 banned …) is an expected
        # answer the page handles, but Chromium still logs it as an error.
        if message.type == "error" and "status of 4" not in message.text:
            self.errors.append(message.text)

    async def enter(self, band: str = "18+") -> None:
        """Pick the age band and tick "I agree" (without pressing Start)."""
        await self.page.check(BAND_IDS[band])
        await self.page.check("#agree")

    async def start(self, interests: tuple[str, ...] = (), band: str = "18+") -> None:
        """Pick the age band, tick "I agree", add the interests, press Start."""
        page = self.page
        for tag in interests:
            await page.fill("#interests", tag)
            await page.press("#interests", "Enter")
        await self.enter(band)
        await page.click("#start")

    async def say(self, text: str) -> None:
        await self.page.fill("#chat-input", text)
        await self.page.press("#chat-input", "Enter")

    def system(self, text: str) -> Locator:
        return self.page.locator(".msg.system", has_text=text)

    def lines(self, kind: str) -> Locator:
        return self.page.locator(f".msg.{kind} .text")

    def assert_clean(self) -> None:
        assert self.dialogs == []
        assert self.errors == []


async def open_client(browser: Browser, url: str, **context_options: Any) -> Client:
    context = await browser.new_context(**context_options)
    page = await context.new_page()
    client = Client(page)
    page.on("dialog", client.on_dialog)
    page.on("console", client.on_console)
    page.on("pageerror", lambda error: client.errors.append(str(error)))
    await page.goto(url)
    await expect(page.locator("body")).to_have_attribute("data-ready", "true")
    return client


async def pair(browser: Browser, url: str, band: str = "18+") -> tuple[Client, Client]:
    """Two strangers of the same age band with no interests, chatting."""
    a = await open_client(browser, url)
    b = await open_client(browser, url)
    await a.start(band=band)
    await expect(a.system(WAITING)).to_be_visible()
    await b.start(band=band)
    await expect(a.system(CONNECTED)).to_be_visible()
    await expect(b.system(CONNECTED)).to_be_visible()
    return a, b


async def pair_through_routes(
    browser: Browser, url: str
) -> tuple[Client, Client, list[WebSocketRoute]]:
    """Two adults chatting, the first one's WebSocket passing a Playwright route.

    The route forwards every frame to the real server; the test may add frames
    of its own or drop the line. Each new socket the page opens adds a route.
    """
    a = await open_client(browser, url)
    routes: list[WebSocketRoute] = []

    def through(route: WebSocketRoute) -> None:
        routes.append(route)
        route.connect_to_server()

    await a.page.route_web_socket(re.compile(r"/ws$"), through)
    b = await open_client(browser, url)
    await a.start()
    await b.start()
    await expect(a.system(CONNECTED)).to_be_visible()
    return a, b, routes
