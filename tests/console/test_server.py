"""The console on the whole server, as the composition root mounts it."""

from __future__ import annotations

import time

import pyotp
from tests.conftest import ServerFactory
from tests.console.support import PASSWORD, Browser

from passerby.console.access import LOGIN_COOKIE
from passerby.console.commands import add_moderator


async def test_the_server_serves_the_console_behind_a_login(
    server_factory: ServerFactory,
) -> None:
    server = await server_factory()
    browser = Browser(server.url)
    try:
        status, _, resp = await browser.get("/mod/")
        assert status == 303 and resp.headers["Location"].startswith("/mod/login")
        status, _, resp = await browser.get("/mod/login")
        assert status == 200
        assert resp.headers["Content-Security-Policy"].startswith("default-src 'none'")

        link = await add_moderator(server.services.settings, "ana", "admin")
        token = link.split("token=", 1)[1]
        status, text, _ = await browser.get(f"/mod/setup?token={token}")
        assert status == 200
        secret = text.split("<dt>Key</dt><dd><code>", 1)[1].split("<", 1)[0]
        code = pyotp.TOTP(secret).now()
        form = {"token": token, "password": PASSWORD, "confirm": PASSWORD, "code": code}
        status, _, _ = await browser.post(
            "/mod/setup", {**form, "csrf": browser.cookie(LOGIN_COOKIE)}
        )
        assert status == 303
        # behind the login: the next step's code (the setup spent this one's)
        await browser.get("/mod/login")
        login = {
            "name": "ana",
            "password": PASSWORD,
            "code": pyotp.TOTP(secret).at(time.time() + 30),
        }
        status, text, _ = await browser.post("/mod/login", login)
        assert status == 303, text
        status, text, _ = await browser.get("/mod/")
        assert status == 200, text  # the queue itself, not a redirect to the login
    finally:
        await browser.close()
