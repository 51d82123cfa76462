"""A console mounted on a bare aiohttp app, and browsers to drive it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pyotp
from aiohttp import web
from aiohttp.test_utils import TestServer
from argon2 import PasswordHasher

from passerby.clock import ManualClock
from passerby.cluster.broker import PeerInfo
from passerby.cluster.limits import memory_limiters
from passerby.config import Settings
from passerby.console.access import SESSION_COOKIE
from passerby.console.accounts import AccountPolicy, AccountService
from passerby.console.credentials import Passwords
from passerby.console.routes import add_console
from passerby.core.ratelimit import Rate
from passerby.core.transcript import ChatRecord
from passerby.safety.bans import BanService
from passerby.safety.iphash import IpHasher
from passerby.safety.lawreport import Submitter
from passerby.safety.moderation_actions import Actions
from passerby.safety.records import appeal_record, case_record, report_record
from passerby.storage.sql import SQLStore

PASSWORD = "correct horse battery staple"
# Argon2 at its cheapest: the tests check the flow, not the cost.
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def cheap_passwords() -> Passwords:
    return Passwords(CHEAP)


def peer(name: str, address: str = "198.51.100.7", section: str = "adults") -> PeerInfo:
    return PeerInfo(f"user-{name}", f"device-{name}", address, 40000, "test-agent", 1.0, section)


def chat(section: str = "adults") -> ChatRecord:
    record = ChatRecord("chat-1", "user-bob", section, 1_800_000_000.0)
    record.add_line(1_800_000_001.0, "me", "hello there")
    record.add_line(
        1_800_000_002.0, "them", "send me pictures", True, (("pictures", 0.93), ("sexual", 0.4))
    )
    return record


class Browser:
    """One person's browser: its own cookies, the CSRF token of its last page."""

    def __init__(self, base: str, *, headers: dict[str, str] | None = None) -> None:
        self.base = base
        self.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True), headers=headers
        )
        self.csrf = ""

    async def get(self, path: str, **kwargs: Any) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.http.get(self.base + path, allow_redirects=False, **kwargs) as resp:
            text = await resp.text()
        found = re.search(r'name="csrf" value="([^"]*)"', text)
        if found:
            self.csrf = found.group(1)
        return resp.status, text, resp

    async def post(
        self, path: str, data: dict[str, str] | None = None, *, csrf: bool = True, **kwargs: Any
    ) -> tuple[int, str, aiohttp.ClientResponse]:
        form = dict(data or {})
        if csrf:
            form.setdefault("csrf", self.csrf)
        async with self.http.post(
            self.base + path, data=form, allow_redirects=False, **kwargs
        ) as resp:
            text = await resp.text()
        return resp.status, text, resp

    def cookie(self, name: str) -> str:
        for cookie in self.http.cookie_jar:
            if cookie.key == name:
                return cookie.value
        return ""

    def session_token(self) -> str:
        return self.cookie(SESSION_COOKIE)

    async def close(self) -> None:
        await self.http.close()


@dataclass
class Account:
    name: str
    secret: str


class ConsoleHarness:
    """A console on its own app over a real store, with a hand-moved clock."""

    def __init__(
        self,
        store: SQLStore,
        settings: Settings,
        clock: ManualClock,
        *,
        submitter: Submitter | None = None,
        login_rate: Rate | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.hasher = IpHasher(store, clock, settings.ip_key_days * 86400)
        self.bans = BanService(store, self.hasher, clock)
        self.actions = Actions(store, self.bans, clock)
        self.accounts = AccountService(
            store, clock, AccountPolicy.from_settings(settings), cheap_passwords()
        )
        self.app = web.Application()
        add_console(
            self.app,
            store=store,
            actions=self.actions,
            hasher=self.hasher,
            clock=clock,
            settings=settings,
            passwords=cheap_passwords(),
            submitter=submitter,
            login_limit=memory_limiters(clock)("console-logins", login_rate)
            if login_rate
            else None,
            address_of=lambda request: request.headers.get("X-Forwarded-For", "127.0.0.1"),
        )
        self.server = TestServer(self.app, host="127.0.0.1")
        self.browsers: list[Browser] = []

    async def start(self) -> None:
        await self.server.start_server()

    async def close(self) -> None:
        for browser in self.browsers:
            await browser.close()
        await self.server.close()

    @property
    def base(self) -> str:
        return str(self.server.make_url("")).rstrip("/")

    def browser(self, **kwargs: Any) -> Browser:
        one = Browser(self.base, **kwargs)
        self.browsers.append(one)
        return one

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock.wall(), UTC)

    def code(self, account: Account) -> str:
        return pyotp.TOTP(account.secret).at(self.clock.wall())

    async def account(self, name: str, role: str = "moderator") -> Account:
        """A set-up account (its first TOTP step spent at setup)."""
        token = await self.accounts.add(name, role, by="test")
        view = await self.accounts.setup_view(token)
        assert view is not None
        account = Account(name, view.totp_secret)
        await self.accounts.finish_setup(token, PASSWORD, PASSWORD, self.code(account))
        return account

    async def login(self, account: Account, browser: Browser | None = None) -> Browser:
        """Log in through the pages; each login waits for a fresh TOTP step."""
        browser = browser or self.browser()
        self.clock.advance(30)
        status, _, _ = await browser.get("/mod/login")
        assert status == 200
        status, text, _ = await browser.post(
            "/mod/login",
            {"name": account.name, "password": PASSWORD, "code": self.code(account)},
        )
        assert status == 303, text
        status, _, _ = await browser.get("/mod/")  # picks up the session's CSRF token
        assert status == 200
        return browser

    async def report(
        self, reporter: str = "ann", reported: str = "bob", reason: str = "sexual"
    ) -> str:
        write = report_record(
            self.now(),
            reason=reason,
            comment="they would not stop",
            record=chat(),
            reporter=peer(reporter, "198.51.100.1"),
            reported=peer(reported, "198.51.100.7"),
        )
        case_id, _ = await self.store.write_evidence(write)
        return case_id

    async def rule_case(self, subject: str = "cat", *, urgent: bool = False) -> str:
        write = case_record(
            self.now(),
            urgent=urgent,
            rule="teens-adult-pattern" if urgent else "risky-history",
            priority=2,
            trigger={"risk": 0.9},
            signal_names=["age_question"],
            record=chat("teens" if urgent else "adults"),
            me=peer(subject, "203.0.113.9"),
            them=peer("dan"),
        )
        case_id, _ = await self.store.write_evidence(write)
        return case_id

    async def appeal(self, ban_id: str, device: str) -> str:
        write = appeal_record(
            self.now(), ban_id=ban_id, reason_code="sexual", text="it was a joke", device=device
        )
        case_id, _ = await self.store.write_evidence(write)
        return case_id
