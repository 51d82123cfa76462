"""HTTP routes: the web client, status, health and metrics.

Handlers only read from the services they are given. Every response carries
headers that keep the client page from loading anything but its own files.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web, web_response
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError

from passerby.clock import Clock, SystemClock
from passerby.cluster.broker import Broker
from passerby.core.ratelimit import Rate, TokenBucket
from passerby.metrics import Metrics
from passerby.safety.iphash import mask_for_logs
from passerby.safety.reports import EvidenceService
from passerby.storage.store import Store
from passerby.transport.origin import clean_text, is_secure
from passerby.transport.v1 import PROTOCOL_VERSION

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


# Over TLS, browsers are told to use nothing else for a year.
HSTS = "max-age=31536000"
# The Server header names the service, not the versions of what runs it.
SERVER = "Passerby"

ResponseSignal = Callable[[web.Request, web.StreamResponse], Awaitable[None]]


def security_headers_for(trust_forwarded_for: bool) -> ResponseSignal:
    """The signal that adds the security headers to every response.

    Added as headers are sent (a signal, not a middleware: a middleware's
    frame would stay alive for every open WebSocket). A WebSocket upgrade
    loads no page, so it carries only the Server header: the others would be
    kept in memory for the life of the connection for nothing. HSTS is sent
    on responses that reached the client over TLS, directly or through our
    own proxy (``X-Forwarded-Proto``, believed under the same setting as
    ``X-Forwarded-For``).
    """

    async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Server"] = SERVER
        if isinstance(response, web.WebSocketResponse):
            return
        response.headers.update(SECURITY_HEADERS)
        if is_secure(request, trust_forwarded_for):
            response.headers["Strict-Transport-Security"] = HSTS

    return security_headers


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
    """Access log lines with no client address and no query string; the
    method and path are the client's words, so they are cut short and
    cleaned (:func:`~passerby.transport.origin.clean_text`)."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            "%s %s %s %.1fms",
            clean_text(request.method, 16),
            clean_text(request.path, 100),
            response.status,
            time * 1000,
        )


# Lines a minute about malformed requests; the rest are counted, and the
# count is told with the next line that is written.
REJECTED_LINES_PER_MINUTE = 10


class ServerLog:
    """The logger aiohttp's HTTP server writes to, in place of its own.

    aiohttp logs a malformed request (a header it cannot parse, a line too
    long) as an error with a traceback that quotes the client's bytes: a
    thousand bad connections made a hundred megabytes of log. Here such a
    request is one short line naming the kind of fault, never the bytes nor
    the address, and at most :data:`REJECTED_LINES_PER_MINUTE` a minute.
    Anything else (a fault of ours) is logged in full as before.
    """

    def __init__(self, logger: logging.Logger, clock: Clock) -> None:
        self._logger = logger
        self._clock = clock
        self._budget = TokenBucket(
            Rate(REJECTED_LINES_PER_MINUTE / 60, REJECTED_LINES_PER_MINUTE), clock.monotonic()
        )
        self._untold = 0  # of them, not written

    def debug(self, msg: str, *args: Any, **kwargs: Any) -> None:
        if _client_fault(kwargs.get("exc_info")):
            return  # aiohttp's own choice of debug: a client speaking something else
        self._logger.debug(msg, *args, **kwargs)

    def exception(self, msg: str, *args: Any, **kwargs: Any) -> None:
        fault = _client_fault(kwargs.get("exc_info", True))
        if fault is None:
            self._logger.exception(msg, *args, **kwargs)
            return
        if self._budget.take(self._clock.monotonic()):
            self._untold += 1
            return
        untold, self._untold = self._untold, 0
        more = f" (and {untold} more not logged)" if untold else ""
        self._logger.warning("refused a malformed request: %s%s", fault, more)


def _client_fault(exc_info: object) -> str | None:
    """A few words on a request the client got wrong, or None for any other failure."""
    exc = exc_info if isinstance(exc_info, BaseException) else None
    if exc_info is True:
        exc = sys.exc_info()[1]
    if isinstance(exc, HttpProcessingError):
        return f"{type(exc).__name__} ({exc.code})"
    return None


class Routes:
    def __init__(
        self,
        broker: Broker,
        store: Store,
        metrics: Metrics,
        evidence: EvidenceService,
        more_status: Callable[[], Awaitable[dict[str, Any]]] | None = None,
    ) -> None:
        self._more_status = more_status
        self._broker = broker
        self._store = store
        self._metrics = metrics
        self._evidence = evidence
        self.shutting_down = False

    async def index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    async def status(self, request: web.Request) -> web.Response:
        counts = await self._broker.counts()
        body = {
            "online": counts.online,
            "waiting": counts.waiting,
            "chats": counts.chats,
            "protocol": PROTOCOL_VERSION,
        }
        if self._more_status is not None:  # the Omegle API's fields, for its clients
            body.update(await self._more_status())
        return web.json_response(body, headers={"Cache-Control": "no-store"})

    async def healthz(self, request: web.Request) -> web.Response:
        if self.shutting_down:
            return web.json_response({"status": "shutting_down"}, status=503)
        store = "ok" if await self._store.ping() else "unavailable"
        broker = "ok" if self._broker.healthy() else "unavailable"
        evidence = self._evidence.health()  # evidence_store, spool: ok or degraded
        if store == "ok" and evidence["evidence_store"] != "ok":
            store = "degraded"  # it answers, but the last evidence write failed
        parts = {"store": store, "broker": broker, "spool": evidence["spool"]}
        status = "ok" if all(v == "ok" for v in parts.values()) else "degraded"
        return web.json_response({"status": status, **parts})

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
    app.router.add_route("*", "/status", routes.status)
    app.router.add_get("/healthz", routes.healthz)
    app.router.add_get("/metrics", routes.metrics)
    app.router.add_static("/static/", STATIC, follow_symlinks=False, append_version=False)


def app_runner(
    app: web.Application, *, shutdown_timeout: float = 5.0, clock: Clock | None = None
) -> web.AppRunner:
    """The runner every entry point uses, so that neither the private access
    log nor the bounded log of malformed requests is ever skipped."""
    # aiohttp's own answers to requests it cannot parse (which no signal of
    # ours sees) name the Python and aiohttp versions unless told otherwise.
    web_response.SERVER_SOFTWARE = SERVER  # type: ignore[attr-defined]
    return web.AppRunner(
        app,
        access_log_class=PrivateAccessLogger,
        logger=ServerLog(logging.getLogger("passerby.http"), clock or SystemClock()),
        handle_signals=False,
        shutdown_timeout=shutdown_timeout,
    )
