"""Helpers the tests share: a live server on port 0 and a WebSocket client."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from passerby.app import SERVICES, Services, create_app
from passerby.config import Settings
from passerby.core.session import ChatSession, Effect, Enqueue, Send
from passerby.transport import v1
from passerby.transport.web import app_runner


@dataclass
class LiveServer:
    url: str
    app: web.Application
    runner: web.AppRunner

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/ws"

    @property
    def services(self) -> Services:
        return self.app[SERVICES]

    async def stop(self) -> None:
        await self.runner.cleanup()


async def start_server(settings: Settings, **kwargs: Any) -> LiveServer:
    app = create_app(settings, **kwargs)
    runner = app_runner(app, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return LiveServer(f"http://{host}:{port}", app, runner)


class Client:
    """A protocol-speaking test client over a real WebSocket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws

    async def send(self, **message: Any) -> None:
        await self.ws.send_str(orjson.dumps(message).decode())

    async def send_raw(self, frame: str) -> None:
        await self.ws.send_str(frame)

    async def recv(self, timeout: float = 5.0) -> dict[str, Any]:
        msg = await asyncio.wait_for(self.ws.receive(), timeout)
        if msg.type is not aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"expected a text frame, got {msg.type!r} {msg.data!r}")
        data: dict[str, Any] = orjson.loads(msg.data)
        return data

    async def expect(self, type: str, timeout: float = 5.0) -> dict[str, Any]:
        """Read frames until one of ``type``; fail on anything else but pings."""
        data = await self.recv(timeout)
        if data["type"] != type:
            raise AssertionError(f"expected {type!r}, got {data!r}")
        return data

    async def nothing(self, timeout: float = 0.3) -> None:
        """Assert that no frame arrives within ``timeout``."""
        try:
            msg = await asyncio.wait_for(self.ws.receive(), timeout)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected frame {msg.data!r}")

    async def close(self) -> None:
        await self.ws.close()


async def start_chat(a: Client, b: Client) -> tuple[dict[str, Any], dict[str, Any]]:
    """``a`` and then ``b`` start looking; returns the ``connected`` each got."""
    await a.send(type="start")
    await a.expect("waiting")
    await b.send(type="start")
    await b.expect("waiting")
    return await a.expect("connected"), await b.expect("connected")


class Visitor:
    """One browser: its own cookie jar, an age declaration, WebSocket clients."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.clients: list[Client] = []

    async def declare(self, band: str = "18+", **extra: Any) -> tuple[int, dict[str, Any]]:
        body = {"age_band": band, "accept_rules": True, **extra}
        async with self.http.post(self.server.url + "/api/entry", json=body) as response:
            return response.status, await response.json()

    @property
    def cookie(self) -> str | None:
        for cookie in self.http.cookie_jar:
            if cookie.key == "passerby_device":
                return cookie.value
        return None

    @property
    def device(self) -> str:
        device = self.server.services.devices.hash_of_cookie(self.cookie)
        assert device is not None
        return device

    async def connect(self, *, welcome: bool = True) -> Client:
        ws = await self.http.ws_connect(self.server.ws_url, protocols=("passerby.v1",))
        client = Client(ws)
        self.clients.append(client)
        if welcome:
            await client.expect("welcome")
        return client

    async def close(self) -> None:
        for client in self.clients:
            await client.close()
        await self.http.close()


def solve_challenge(challenge: dict[str, Any]) -> str:
    """Solve a proof-of-work challenge the way the web client does."""
    import base64
    import hashlib

    for n in range(int(challenge["maxnumber"]) + 1):
        if hashlib.sha256(f"{challenge['salt']}{n}".encode()).hexdigest() == challenge["challenge"]:
            fields = {k: challenge[k] for k in ("algorithm", "challenge", "salt", "signature")}
            return base64.b64encode(orjson.dumps({**fields, "number": n})).decode()
    raise AssertionError("challenge has no solution")


@asynccontextmanager
async def fresh_postgres_database(url: str) -> AsyncIterator[str]:
    """Create an empty database next to the one ``url`` names; drop it after."""
    import secrets

    import asyncpg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"passerby_test_{secrets.token_hex(6)}"
    admin_dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    admin = await asyncpg.connect(admin_dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        admin = await asyncpg.connect(admin_dsn)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def eventually(read: Any, timeout: float = 3.0) -> Any:
    """Poll ``await read()`` until it returns something truthy (or time runs out)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await read()
        if value or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.02)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """A private ``redis-server`` the test may stop and start again (same port)."""

    def __init__(self) -> None:
        import shutil

        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        assert self.binary is not None
        self.process = await asyncio.create_subprocess_exec(
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        deadline = asyncio.get_running_loop().time() + 10
        while True:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                if asyncio.get_running_loop().time() > deadline:
                    raise
                await asyncio.sleep(0.05)
            else:
                writer.close()
                return

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        self.process = None


class RawClient:
    """A WebSocket client over a bare TCP stream: it sends the handshake's
    bytes exactly as given (undecodable headers, odd hosts, two cookies),
    which no HTTP client library lets through, and speaks frames by hand."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.status = 0
        self.head = b""

    @classmethod
    async def open(
        cls, server: LiveServer, headers: bytes = b"", *, path: bytes = b"/ws"
    ) -> RawClient:
        """Send a WebSocket handshake with ``headers`` (``b"Name: value\\r\\n"``
        lines) added; read the answer's head (see ``status``)."""
        import base64
        import os

        host, port = server.url.removeprefix("http://").rsplit(":", 1)
        reader, writer = await asyncio.open_connection(host, int(port))
        key = base64.b64encode(os.urandom(16))
        head = b"".join(
            [
                b"GET " + path + b" HTTP/1.1\r\n",
                b"Host: " + f"{host}:{port}".encode() + b"\r\n" if b"Host:" not in headers else b"",
                b"Upgrade: websocket\r\nConnection: Upgrade\r\n",
                b"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + b"\r\n",
                b"Sec-WebSocket-Protocol: passerby.v1\r\n",
                headers,
                b"\r\n",
            ]
        )
        writer.write(head)
        client = cls(reader, writer)
        client.head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        client.status = int(client.head.split(b" ", 2)[1])
        return client

    async def body(self) -> bytes:
        """The body of a refused handshake's answer (by its Content-Length)."""
        for line in self.head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                return await asyncio.wait_for(self.reader.readexactly(int(value)), 5)
        return await asyncio.wait_for(self.reader.read(), 5)

    def send_frame(self, opcode: int, payload: bytes) -> None:
        import os

        mask = os.urandom(4)
        size = len(payload)
        if size < 126:
            head = bytes((0x80 | opcode, 0x80 | size))
        elif size < 1 << 16:
            head = bytes((0x80 | opcode, 0x80 | 126)) + size.to_bytes(2, "big")
        else:
            head = bytes((0x80 | opcode, 0x80 | 127)) + size.to_bytes(8, "big")
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.writer.write(head + mask + masked)

    async def send(self, **message: Any) -> None:
        self.send_frame(0x1, orjson.dumps(message))
        await self.writer.drain()

    async def frame(self, timeout: float = 5.0) -> tuple[int, bytes]:
        """The next frame from the server: its opcode and payload."""

        async def read() -> tuple[int, bytes]:
            first, second = await self.reader.readexactly(2)
            size = second & 0x7F
            if size == 126:
                size = int.from_bytes(await self.reader.readexactly(2), "big")
            elif size == 127:
                size = int.from_bytes(await self.reader.readexactly(8), "big")
            return first & 0x0F, await self.reader.readexactly(size)

        return await asyncio.wait_for(read(), timeout)

    async def expect(self, type: str, timeout: float = 5.0) -> dict[str, Any]:
        """Read frames until a text frame of ``type``; fail on any other text frame."""
        while True:
            opcode, payload = await self.frame(timeout)
            if opcode == 0x8:
                raise AssertionError(f"closed while expecting {type!r}: {payload!r}")
            if opcode != 0x1:
                continue
            data: dict[str, Any] = orjson.loads(payload)
            if data["type"] != type:
                raise AssertionError(f"expected {type!r}, got {data!r}")
            return data

    async def closed_with(self, timeout: float = 5.0) -> int:
        """Read until the server's close frame; its code."""
        while True:
            opcode, payload = await self.frame(timeout)
            if opcode == 0x8:
                return int.from_bytes(payload[:2], "big")

    async def aclose(self) -> None:
        self.writer.close()
        with contextlib.suppress(ConnectionError):
            await self.writer.wait_closed()


def feed(session: ChatSession, frame: str, now: float, wall: float = 0.0) -> list[Effect]:
    """Hand a session one v1 frame, as the WebSocket door does."""
    return session.on_command(v1.command(frame), now, wall)


def encoded(effect: Send | Enqueue) -> str:
    """The v1 frame a Send or an Enqueue puts on the wire."""
    return v1.encode(effect.message if isinstance(effect, Send) else effect.waiting)


@asynccontextmanager
async def nodes_on_redis(
    make: Callable[..., Awaitable[LiveServer]], count: int = 2, **settings: Any
) -> AsyncIterator[list[LiveServer]]:
    """``count`` servers sharing one Redis (``PASSERBY_TEST_REDIS_URL``, else
    the test is skipped) under a prefix of their own, removed afterwards."""
    import os
    import secrets

    import pytest
    from tests.cluster.conftest import delete_prefix

    from passerby.cluster.redis.broker import key_prefix

    url = os.environ.get("PASSERBY_TEST_REDIS_URL", "")
    if not url:
        pytest.skip("needs PASSERBY_TEST_REDIS_URL (see README)")
    prefix = "pbtest-" + secrets.token_hex(6)
    try:
        yield [await make(broker_url=url, redis_prefix=prefix, **settings) for _ in range(count)]
    finally:
        await delete_prefix(url, key_prefix(prefix))
