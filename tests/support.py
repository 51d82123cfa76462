"""Helpers the tests share: a live server on port 0 and a WebSocket client."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from passerby.app import SERVICES, Services, create_app
from passerby.config import Settings
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
