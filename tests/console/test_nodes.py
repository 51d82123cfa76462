"""The console on two real Passerby processes sharing one Redis and one database.

What a moderator does in the console of one node holds on the other at
once: a claim taken on node one refuses a second moderator on node two; a
ban made on node one closes the banned person's open WebSocket on node two;
a break taken on node two releases the claims made on node one.

Needs ``PASSERBY_TEST_REDIS_URL`` (to know Redis tests are wanted) and the
``redis-server`` program, as ``tests/test_cluster.py`` does; the database is
PostgreSQL from ``PASSERBY_TEST_DATABASE_URL`` when set, else one SQLite
file shared by both processes.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pyotp
import pytest
from tests.console.support import PASSWORD, Browser
from tests.support import Client, RedisServer, fresh_postgres_database
from tests.test_cluster import PG_URL, REDIS_URL, Cluster, Node, Person, pair
from yarl import URL

from passerby.config import Settings
from passerby.console.access import LOGIN_COOKIE, SESSION_COOKIE
from passerby.console.commands import add_moderator

pytestmark = pytest.mark.skipif(
    not REDIS_URL or shutil.which("redis-server") is None,
    reason="the multi-node test needs PASSERBY_TEST_REDIS_URL and redis-server (see README)",
)

# How long news from one node may take to reach the other on a busy machine.
AT_ONCE = 5.0
CASE_LINK = re.compile(r'data-href="/mod/case/([0-9a-f]+)"')


@dataclass
class Nodes:
    one: Node
    two: Node
    cluster: Cluster
    stack: AsyncExitStack
    # Every connection a test opened: one dropped by the garbage collector
    # would end its chat in the middle of the test.
    sockets: list[Client] = field(default_factory=list)

    async def person(self, node: Node) -> Person:
        """A declared adult with a browser of their own (one cookie jar for every port)."""
        jar = aiohttp.CookieJar(unsafe=True)
        http = await self.stack.enter_async_context(aiohttp.ClientSession(cookie_jar=jar))
        one = Person(http)
        await one.declare(node)
        return one

    def browser(self, node: Node) -> Browser:
        one = Browser(node.url)
        self.stack.push_async_callback(one.close)
        return one

    async def moderator(self, name: str, node: Node) -> Browser:
        """An account made the way ``passerby moderator add`` makes one, set up
        through the console, and logged in on ``node``."""
        settings = Settings(
            data_dir=str(self.cluster.tmp / "cli"), database_url=self.cluster.database
        )
        token = (await add_moderator(settings, name, "moderator")).split("token=", 1)[1]
        browser = self.browser(node)
        status, text, _ = await browser.get(f"/mod/setup?token={token}")
        assert status == 200, text
        secret = text.split("<dt>Key</dt><dd><code>", 1)[1].split("<", 1)[0]
        totp = pyotp.TOTP(secret)
        form = {"token": token, "password": PASSWORD, "confirm": PASSWORD}
        status, text, _ = await browser.post(
            "/mod/setup",
            {**form, "code": totp.at(time.time()), "csrf": browser.cookie(LOGIN_COOKIE)},
        )
        assert status == 303, text
        # The setup spent this step's code; the next step's is within the drift.
        status, _, _ = await browser.get("/mod/login")
        assert status == 200
        login = {"name": name, "password": PASSWORD, "code": totp.at(time.time() + 30)}
        status, text, _ = await browser.post("/mod/login", login)
        assert status == 303, text
        status, _, _ = await browser.get("/mod/")  # the session's CSRF token
        assert status == 200
        return browser

    async def same_browser_on(self, browser: Browser, node: Node) -> Browser:
        """The moderator's session, sent to another node (another tab)."""
        other = self.browser(node)
        other.http.cookie_jar.update_cookies(
            {SESSION_COOKIE: browser.session_token()}, URL(node.url)
        )
        status, _, _ = await other.get("/mod/")
        assert status == 200
        return other


@pytest.fixture
async def nodes(tmp_path: Path) -> AsyncIterator[Nodes]:
    redis = RedisServer()
    await redis.start()
    async with AsyncExitStack() as stack:
        if PG_URL:
            database = await stack.enter_async_context(fresh_postgres_database(PG_URL))
        else:
            database = f"sqlite:///{tmp_path}/shared.db"
        cluster = Cluster(tmp_path, redis, database)
        try:
            one = await cluster.start_node("one")
            two = await cluster.start_node("two")
            async with AsyncExitStack() as inner:
                yield Nodes(one, two, cluster, inner)
        finally:
            await cluster.stop()
            await redis.stop()


async def reported(nodes: Nodes, rude_at: Node, reporter_at: Node) -> tuple[Person, Client, Client]:
    """A chat across the nodes in which one side reports the other: the
    reported person, their open connection, and the reporter's."""
    rude = await nodes.person(rude_at)
    rude_client = await rude.connect(rude_at)
    reporter = await (await nodes.person(reporter_at)).connect(reporter_at)
    nodes.sockets += (rude_client, reporter)
    await pair(rude_client, reporter)
    await rude_client.send(type="message", text="send me a pic")
    assert (await reporter.expect("message", timeout=AT_ONCE))["text"] == "send me a pic"
    await reporter.send(type="report", reason="sexual", comment="asked for pictures")
    await reporter.expect("report_received", timeout=AT_ONCE)
    return rude, rude_client, reporter


async def open_cases(moderator: Browser) -> list[str]:
    status, text, _ = await moderator.get("/mod/")
    assert status == 200
    return CASE_LINK.findall(text)


async def test_a_claim_on_node_one_holds_on_node_two(nodes: Nodes) -> None:
    await reported(nodes, nodes.two, nodes.one)
    ana = await nodes.moderator("ana", nodes.one)
    ben = await nodes.moderator("ben", nodes.two)
    [case_id] = await open_cases(ana)
    assert await open_cases(ben) == [case_id]

    status, _, resp = await ana.post(f"/mod/case/{case_id}/claim")
    assert status == 303, resp
    # Node two reads the claim from the database: it shows who holds it.
    status, text, _ = await ben.get(f"/mod/case/{case_id}")
    assert status == 200
    assert 'id="holder">claimed by ana until' in text
    # And refuses ben the claim and every action on the case.
    for action, form in (
        ("claim", {}),
        ("dismiss", {"why": "nothing here"}),
        ("ban", {"target": "device", "duration": "24", "reason_code": "sexual", "why": "no"}),
        ("end-matching", {"hours": "24", "why": "no"}),
        ("low-trust", {"hours": "24", "why": "no"}),
    ):
        status, text, _ = await ben.post(f"/mod/case/{case_id}/{action}", form)
        assert status == 409, (action, text)
        assert "ana is working on this case" in text
        assert "Nothing was done." in text
    status, text, _ = await ben.get(f"/mod/case/{case_id}")
    assert "claimed by ana" in text
    assert "Actions on this case" in text and "mod:ben" not in text  # no audit record
    assert "Active bans on this person" not in text  # the subject was not banned
    assert await open_cases(ben) == [case_id]  # not dismissed
    # On node one she still acts freely.
    status, _, _ = await ana.post(f"/mod/case/{case_id}/dismiss", {"why": "a joke"})
    assert status == 303
    assert await open_cases(ben) == []


async def test_a_ban_on_node_one_closes_the_socket_on_node_two(nodes: Nodes) -> None:
    rude, open_socket, reporter = await reported(nodes, nodes.two, nodes.one)
    ana = await nodes.moderator("ana", nodes.one)
    [case_id] = await open_cases(ana)
    status, text, _ = await ana.get(f"/mod/case/{case_id}")
    assert "send me a pic" in text

    ban = {"target": "device", "duration": "24", "reason_code": "sexual", "why": "pictures"}
    status, text, resp = await ana.post(f"/mod/case/{case_id}/ban", ban)
    assert status == 303, text
    assert resp.headers["Location"] == "/mod/?done=banned_closed"  # the ban settles the report

    # The open connection on node two hears it at once, then is closed.
    frame = await open_socket.expect("banned", timeout=AT_ONCE)
    assert frame["reason_code"] == "sexual"
    assert frame["appeal"] is True
    # (The close frame's own code: aiohttp's client reports 1006 instead
    # when the server has already dropped the line by the time it answers.)
    closing = await open_socket.ws.receive(timeout=AT_ONCE)
    assert (closing.type, closing.data) == (aiohttp.WSMsgType.CLOSE, 1008), closing
    assert open_socket.ws.closed
    # Their partner on node one is told the chat is over.
    assert (await reporter.expect("chat_ended", timeout=AT_ONCE))["by"] == "stranger"
    # A new connection there is refused too, and so is its entry.
    again = await rude.connect(nodes.two)
    assert (await again.expect("banned", timeout=AT_ONCE))["reason_code"] == "sexual"
    body = {"age_band": "18+", "accept_rules": True}
    async with rude.http.post(nodes.two.url + "/api/entry", json=body) as response:
        assert response.status == 403
        assert (await response.json())["code"] == "banned"


async def test_a_break_on_node_two_releases_claims_made_on_node_one(nodes: Nodes) -> None:
    await reported(nodes, nodes.two, nodes.one)
    await reported(nodes, nodes.one, nodes.two)
    ana = await nodes.moderator("ana", nodes.one)
    ben = await nodes.moderator("ben", nodes.one)
    cases = await open_cases(ana)
    assert len(cases) == 2
    for case_id in cases:
        status, _, _ = await ana.post(f"/mod/case/{case_id}/claim")
        assert status == 303
        status, _, _ = await ben.post(f"/mod/case/{case_id}/claim")
        assert status == 409

    # Ana, in another tab on node two, takes a break.
    ana_on_two = await nodes.same_browser_on(ana, nodes.two)
    status, _, resp = await ana_on_two.post("/mod/break")
    assert status == 303
    assert resp.headers["Location"] == "/mod/?done=break"

    # Node one knows at once: the queue shows nobody holding them, and ben
    # may take them.
    status, text, _ = await ben.get("/mod/")
    assert 'class="tag claimed"' not in text
    for case_id in cases:
        status, text, _ = await ben.post(f"/mod/case/{case_id}/claim")
        assert status == 303, text
        status, text, _ = await ben.get(f"/mod/case/{case_id}")
        assert 'id="holder">claimed by ben until' in text
