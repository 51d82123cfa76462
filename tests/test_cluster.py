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
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from tests.support import Client, RedisServer, free_port, fresh_postgres_database

REDIS_URL = os.environ.get("PASSERBY_TEST_REDIS_URL", "")
PG_URL = os.environ.get("PASSERBY_TEST_DATABASE_URL", "")
HEARTBEAT, TIMEOUT = 0.3, 1.5
# A dead node's partners hear within timeout + heartbeat; allow for a slow machine.
TOLD_WITHIN = 3 * (TIMEOUT + HEARTBEAT)

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
            for _ in range(300):
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
