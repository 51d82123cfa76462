"""HTTP routes: the web client, status, health and metrics.

Handlers only read from the services they are given. Every response carries
headers that keep the client page from loading anything but its own files.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from passerby.cluster.broker import Broker
from passerby.core.protocol import PROTOCOL_VERSION
from passerby.safety.iphash import mask_for_logs
from passerby.storage.store import Store
from passerby.transport.metrics import Metrics

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(), microphone=(), camera=()",
}


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Added as headers are sent (a signal, not a middleware: a middleware's
    frame would stay alive for every open WebSocket). A WebSocket upgrade
    loads no page, so it carries none: those headers would be kept in memory
    for the life of the connection for nothing."""
    if not isinstance(response, web.WebSocketResponse):
        response.headers.update(SECURITY_HEADERS)


_ADDRESS = re.compile(
    r"(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})(?![\w.:])"
)


class AddressMaskingFilter(logging.Filter):
    """Masks client addresses in any log line (aiohttp's own error lines name
    the peer): an IPv4 address keeps its /24, an IPv6 address its /48."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _ADDRESS.sub(lambda m: mask_for_logs(m.group(0)), message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


class PrivateAccessLogger(AbstractAccessLogger):
    """Access log lines with no client address and no query string."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            "%s %s %s %.1fms", request.method, request.path, response.status, time * 1000
        )


class Routes:
    def __init__(self, broker: Broker, store: Store, metrics: Metrics) -> None:
        self._broker = broker
        self._store = store
        self._metrics = metrics
        self.shutting_down = False

    async def index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    async def status(self, request: web.Request) -> web.Response:
        counts = await self._broker.counts()
        return web.json_response(
            {
                "online": counts.online,
                "waiting": counts.waiting,
                "chats": counts.chats,
                "protocol": PROTOCOL_VERSION,
            },
            headers={"Cache-Control": "no-store"},
        )

    async def healthz(self, request: web.Request) -> web.Response:
        if self.shutting_down:
            return web.json_response({"status": "shutting_down"}, status=503)
        store = "ok" if await self._store.ping() else "unavailable"
        broker = "ok" if self._broker.healthy() else "unavailable"
        status = "ok" if store == broker == "ok" else "degraded"
        return web.json_response({"status": status, "store": store, "broker": broker})

    async def metrics(self, request: web.Request) -> web.Response:
        body = await self._metrics.render()
        return web.Response(text=body, content_type="text/plain", charset="utf-8")


def add_routes(
    app: web.Application,
    routes: Routes,
    chat: Callable[[web.Request], Awaitable[web.StreamResponse]],
) -> None:
    app.router.add_get("/", routes.index)
    app.router.add_get("/ws", chat)
    app.router.add_get("/status", routes.status)
    app.router.add_get("/healthz", routes.healthz)
    app.router.add_get("/metrics", routes.metrics)
    app.router.add_static("/static/", STATIC, follow_symlinks=False, append_version=False)


def app_runner(app: web.Application, *, shutdown_timeout: float = 5.0) -> web.AppRunner:
    """The runner every entry point uses, so the private access log is never skipped."""
    return web.AppRunner(
        app,
        access_log_class=PrivateAccessLogger,
        handle_signals=False,
        shutdown_timeout=shutdown_timeout,
    )
