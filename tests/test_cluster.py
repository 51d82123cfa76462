"""Three real Passerby processes sharing one Redis and one database.

Clients on different nodes are paired and chat; a node is killed and its
users' partners are told; Redis is restarted mid-test and service resumes;
a ban made on one node holds on the others at once.

Needs ``PASSERBY_TEST_REDIS_URL`` (to know Redis tests are wanted) and the
``redis-server`` program: the test runs a private Redis so that it may
restart it. The database is PostgreSQL from ``PASSERBY_TEST_DATABASE_URL``
when set, else one SQLite file shared by the three processes.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import signal
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from python_omegle import InterestsChat
from python_omegle.chatevent import ChatEvent
from tests.support import Client, RedisServer, free_port, fresh_postgres_database

REDIS_URL = os.environ.get("PASSERBY_TEST_REDIS_URL", "")
PG_URL = os.environ.get("PASSERBY_TEST_DATABASE_URL", "")
HEARTBEAT, TIMEOUT = 0.3, 1.5
# A dead node's partners hear within timeout + heartbeat; allow for a slow machine.
TOLD_WITHIN = 3 * (TIMEOUT + HEARTBEAT)
OMEGLE_POLL = 1.0  # seconds an Omegle API long poll waits

pytestmark = pytest.mark.skipif(
    not REDIS_URL or shutil.which("redis-server") is None,
    reason="the multi-node test needs PASSERBY_TEST_REDIS_URL and redis-server (see README)",
)


@dataclass
class Node:
    name: str
    port: int
    process: asyncio.subprocess.Process

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)


class Cluster:
    def __init__(self, tmp: Path, redis: RedisServer, database: str) -> None:
        self.tmp = tmp
        self.redis = redis
        self.database = database
        self.secret = secrets.token_hex(32)  # every node must read every cookie
        self.nodes: list[Node] = []

    async def start_node(self, name: str) -> Node:
        port = free_port()
        env = {
            **os.environ,
            "PASSERBY_SECRET_KEY": self.secret,
            "PASSERBY_NODE_HEARTBEAT_SECONDS": str(HEARTBEAT),
            "PASSERBY_NODE_TIMEOUT_SECONDS": str(TIMEOUT),
            "PASSERBY_LOG_LEVEL": "warning",
            "PASSERBY_OMEGLE_POLL_SECONDS": str(OMEGLE_POLL),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "passerby",
            "serve",
            "--port",
            str(port),
            "--broker",
            self.redis.url,
            "--database",
            self.database,
            "--data-dir",
            str(self.tmp / name),
            env=env,
        )
        node = Node(name, port, process)
        self.nodes.append(node)
        async with aiohttp.ClientSession() as http:
            for _ in range(600):  # a loaded machine may take half a minute
                try:
                    async with http.get(node.url + "/healthz") as response:
                        if response.status == 200:
                            return node
                except aiohttp.ClientError:
                    pass
                if process.returncode is not None:
                    raise AssertionError(f"node {name} exited with {process.returncode}")
                await asyncio.sleep(0.1)
        raise AssertionError(f"node {name} did not start")

    async def stop(self) -> None:
        for node in self.nodes:
            if node.process.returncode is None:
                node.process.send_signal(signal.SIGTERM)
        for node in self.nodes:
            try:
                await asyncio.wait_for(node.process.wait(), 15)
            except TimeoutError:
                node.kill()
                await node.process.wait()


class Person:
    """One browser (one cookie jar) that may connect to any node."""

    def __init__(self, http: aiohttp.ClientSession) -> None:
        self.http = http

    async def declare(self, node: Node) -> None:
        body = {"age_band": "18+", "accept_rules": True}
        async with self.http.post(node.url + "/api/entry", json=body) as response:
            assert response.status == 200, await response.text()

    async def connect(self, node: Node) -> Client:
        ws = await self.http.ws_connect(node.ws_url, protocols=("passerby.v1",))
        client = Client(ws)
        await client.expect("welcome")
        return client


@pytest.fixture
async def cluster(tmp_path: Path) -> AsyncIterator[Cluster]:
    redis = RedisServer()
    await redis.start()
    async with AsyncExitStack() as stack:
        if PG_URL:
            database = await stack.enter_async_context(fresh_postgres_database(PG_URL))
        else:
            database = f"sqlite:///{tmp_path}/shared.db"
        found = Cluster(tmp_path, redis, database)
        try:
            yield found
        finally:
            await found.stop()
            await redis.stop()


@pytest.fixture
async def people() -> AsyncIterator[Any]:
    async with AsyncExitStack() as stack:

        async def person(node: Node) -> Person:
            jar = aiohttp.CookieJar(unsafe=True)  # 127.0.0.1: one jar for every port
            http = await stack.enter_async_context(aiohttp.ClientSession(cookie_jar=jar))
            one = Person(http)
            await one.declare(node)
            return one

        yield person


async def pair(a: Client, b: Client) -> None:
    await a.send(type="start")
    await a.expect("waiting")
    await b.send(type="start")
    await b.expect("waiting")
    await a.expect("connected", timeout=10)
    await b.expect("connected", timeout=10)


async def test_three_nodes_one_redis(cluster: Cluster, people: Any) -> None:
    one = await cluster.start_node("one")
    two = await cluster.start_node("two")
    three = await cluster.start_node("three")

    # Clients on different nodes are paired and chat, in order, both ways.
    alice = await (await people(one)).connect(one)
    bob = await (await people(two)).connect(two)
    await pair(alice, bob)
    for i in range(8):  # within the per-connection burst
        await alice.send(type="message", text=f"hello {i}")
    await bob.send(type="message", text="hi from node two")
    for i in range(8):  # within the per-connection burst
        assert await bob.expect("message") == {"type": "message", "text": f"hello {i}"}
    assert (await alice.expect("message"))["text"] == "hi from node two"
    await alice.send(type="typing")
    await bob.expect("typing")

    # A node is killed: its users' partners on other nodes are told.
    carol = await (await people(three)).connect(three)
    dave = await (await people(one)).connect(one)
    await pair(carol, dave)
    three.kill()
    ended = await dave.expect("chat_ended", timeout=TOLD_WITHIN)
    assert ended["by"] == "stranger"

    # Redis restarts: chats across nodes end cleanly, then pairing works again.
    await cluster.redis.stop()
    assert (await alice.expect("chat_ended", timeout=10))["by"] == "stranger"
    assert (await bob.expect("chat_ended", timeout=10))["by"] == "stranger"
    await cluster.redis.start()
    erin = await (await people(one)).connect(one)
    frank = await (await people(two)).connect(two)
    await erin.send(type="start")
    await erin.expect("waiting")
    await frank.send(type="start")
    await frank.expect("waiting")
    assert (await erin.expect("connected", timeout=15))["type"] == "connected"
    await frank.expect("connected", timeout=5)
    await erin.send(type="message", text="after the restart")
    assert (await frank.expect("message"))["text"] == "after the restart"

    # A ban made on node one holds on node two at once: the open connection
    # there is closed, and a new one is refused.
    rude = await people(one)
    elsewhere = await rude.connect(two)
    rude_here = await rude.connect(one)
    victim = await (await people(one)).connect(one)
    await pair(rude_here, victim)
    for insult in ("you are a stupid idiot", "you stupid idiot", "what a stupid idiot you are"):
        await rude_here.send(type="message", text=insult)
    frame = await elsewhere.expect("banned", timeout=5)
    assert frame["reason_code"] == "harassment"
    again = await rude.http.ws_connect(two.ws_url, protocols=("passerby.v1",))
    client = Client(again)
    await client.expect("welcome")
    assert (await client.expect("banned"))["reason_code"] == "harassment"


# --- the Omegle API behind a load balancer ------------------------------------------


class Api:
    """Raw Omegle API calls, each to the node the test names."""

    def __init__(self, http: aiohttp.ClientSession) -> None:
        self.http = http

    async def start(self, node: Node, **params: str) -> Any:
        async with self.http.get(node.url + "/start", params=params) as response:
            assert response.status == 200, await response.text()
            return await response.json(content_type=None)

    async def post(self, node: Node, path: str, **form: str) -> str:
        async with self.http.post(node.url + path, data=form) as response:
            return await response.text()

    async def until(self, nodes: list[Node], client_id: str, name: str) -> list[Any]:
        """Poll, a different node each time, until a batch holding ``name``."""
        for i in range(20):
            node = nodes[i % len(nodes)]
            async with self.http.post(node.url + "/events", data={"id": client_id}) as response:
                assert response.status == 200
                batch = await response.json(content_type=None)
            assert batch is not None, f"the id ended before {name!r}"
            if any(event[0] == name for event in batch):
                return list(batch)
        raise AssertionError(f"no {name!r} event")


async def test_an_omegle_client_may_land_on_any_node(cluster: Cluster) -> None:
    one = await cluster.start_node("one")
    two = await cluster.start_node("two")
    async with aiohttp.ClientSession() as http:
        api = Api(http)
        a = await api.start(one, topics='["chess"]')
        b = await api.start(two, topics='["chess"]')
        # Each side reads its events from the node it did not start on.
        batch = await api.until([two, one], a, "connected")
        assert ["commonLikes", ["chess"]] in batch
        await api.until([one, two], b, "connected")
        # Commands reach the node that holds the chat, in order.
        for i in range(3):
            assert await api.post(two if i % 2 else one, "/send", id=a, msg=f"a{i}") == "win"
        got: list[str] = []
        while len(got) < 3:
            batch = await api.until([one, two], b, "gotMessage")
            got += [event[1] for event in batch if event[0] == "gotMessage"]
        assert got == ["a0", "a1", "a2"]
        assert await api.post(one, "/typing", id=b) == "win"
        await api.until([two], a, "typing")
        assert await api.post(one, "/send", id=b, msg="b to a") == "win"
        batch = await api.until([two, one], a, "gotMessage")
        assert ["gotMessage", "b to a"] in batch
        # A disconnect sent to the other node ends the chat on both sides.
        assert await api.post(one, "/disconnect", id=b) == "win"
        await api.until([one, two], a, "strangerDisconnected")
        async with http.post(two.url + "/events", data={"id": b}) as response:
            assert await response.json(content_type=None) is None
        assert await api.post(two, "/send", id=b, msg="gone") == "fail"


def wait_for(chat: Any, kind: ChatEvent, limit: int = 30) -> Any:
    for _ in range(limit):
        event, argument = chat.get_event()
        if event == kind:
            return argument
    raise AssertionError(f"no {kind}")


async def round_robin(nodes: list[Node]) -> tuple[web.AppRunner, str]:
    """A load balancer that sends each request to the next node in turn."""
    turn = iter(range(1 << 30))
    http = aiohttp.ClientSession()

    async def forward(request: web.Request) -> web.Response:
        node = nodes[next(turn) % len(nodes)]
        headers = {k: v for k, v in request.headers.items() if k.lower() == "content-type"}
        async with http.request(
            request.method, node.url + request.path_qs, data=await request.read(), headers=headers
        ) as answer:
            body = await answer.read()
            return web.Response(body=body, status=answer.status, content_type=answer.content_type)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)

    async def closed(app: web.Application) -> None:
        await http.close()

    app.on_cleanup.append(closed)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner, f"http://127.0.0.1:{port}"


async def test_python_omegle_clients_chat_through_a_round_robin_balancer(
    cluster: Cluster,
) -> None:
    nodes = [await cluster.start_node("one"), await cluster.start_node("two")]
    runner, url = await round_robin(nodes)

    def chat() -> list[Any]:
        a, b = InterestsChat(["music"]), InterestsChat(["music", "books"])
        for one in (a, b):
            one._server_url = url
            one.start()
        common = [wait_for(a, ChatEvent.CHAT_READY), wait_for(b, ChatEvent.CHAT_READY)]
        a.send("hi from a")
        got_b = wait_for(b, ChatEvent.GOT_MESSAGE)
        b.start_typing()
        wait_for(a, ChatEvent.PARTNER_STARTED_TYPING)
        b.send("hi from b")
        got_a = wait_for(a, ChatEvent.GOT_MESSAGE)
        a.disconnect()
        wait_for(b, ChatEvent.CHAT_ENDED)
        return [common, got_a, got_b]

    try:
        work: Callable[[], list[Any]] = chat
        loop = asyncio.get_running_loop()
        common, got_a, got_b = await asyncio.wait_for(loop.run_in_executor(None, work), 60)
    finally:
        await runner.cleanup()
    assert common == [["music"], ["music"]]
    assert (got_a, got_b) == ("hi from b", "hi from a")
