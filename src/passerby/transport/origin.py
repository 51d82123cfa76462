"""Where a request comes from: the client's address and the page's origin.

Behind a reverse proxy the socket's peer is the proxy, so the address is
taken from ``X-Forwarded-For`` only when the operator says the proxy is
theirs (``trust_forwarded_for``): otherwise anyone could claim any address.
Even then only the *last* entry is believed: it is the one our proxy added
(the address it saw); everything before it was written by the client.
"""

from __future__ import annotations

from aiohttp import web


def client_address(request: web.Request, trust_forwarded_for: bool) -> str:
    if trust_forwarded_for:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.remote or ""


def client_port(request: web.Request) -> int:
    peer = request.transport.get_extra_info("peername") if request.transport else None
    if isinstance(peer, tuple) and len(peer) >= 2 and isinstance(peer[1], int):
        return peer[1]
    return 0


def origin_allowed(request: web.Request, allowed: frozenset[str]) -> bool:
    """A browser's WebSocket must come from our own pages (or a listed origin).

    Clients that send no Origin (bots, native apps) are not browsers acting
    for someone else, so they are let through.
    """
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    origin = origin.rstrip("/")
    if origin in allowed:
        return True
    host = request.headers.get("Host", "")
    return origin in (f"http://{host}", f"https://{host}")


def cookie_value(request: web.Request, name: str) -> str | None:
    """One cookie, read straight from the header.

    ``request.cookies`` would parse every cookie and keep the result for as
    long as the request lives, which for a WebSocket is the whole chat.
    """
    header = request.headers.get("Cookie")
    if not header:
        return None
    for part in header.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key == name:
            return value.strip('"')
    return None
