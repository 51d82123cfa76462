"""The edge: what a request says about where it comes from, read once and cleaned.

Everything a client sends in its headers is untrusted text. aiohttp hands
undecodable header bytes on as lone surrogates (``"\\udcff"``), which no
JSON encoder, database or hash accepts; a value read here is therefore
either normalised to valid, printable UTF-8 of bounded length or refused,
so nothing behind the edge (evidence, sanctions, the Redis broker) can fail
because of what a client wrote.

Behind a reverse proxy the socket's peer is the proxy, so the address is
taken from ``X-Forwarded-For``, and the scheme from ``X-Forwarded-Proto``,
only when the operator says the proxy is theirs (``trust_forwarded_for``):
otherwise anyone could claim any address. Even then only the *last*
address is believed: it is the one our proxy added (the address it saw);
everything before it was written by the client.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final

from aiohttp import web

from passerby.errors import ClientError

# C0 and C1 controls, DEL and lone surrogates: nothing a header should hold.
_UNPRINTABLE: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT: Final = "\ufffd"


def clean_text(value: str | None, limit: int) -> str:
    """``value`` as printable UTF-8 of at most ``limit`` characters.

    Undecodable bytes and control characters become U+FFFD; the rest is
    kept, so evidence still shows what the client sent. Linear in ``limit``.
    """
    if not value:
        return ""
    value = value[:limit]
    if value.isascii() and value.isprintable():
        return value
    return _UNPRINTABLE.sub(REPLACEMENT, value)


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request: web.Request, trust_forwarded_for: bool) -> str:
    """The client's IP address in canonical form, or "" when none is known.

    A forwarded address that is not an IP address (a misconfigured or
    hostile proxy chain) is ignored in favour of the socket's peer.
    """
    if trust_forwarded_for:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = _address(forwarded.rsplit(",", 1)[-1][:64])
        if last is not None:
            return last
    return _address(request.remote or "") or ""


def client_port(request: web.Request) -> int:
    peer = request.transport.get_extra_info("peername") if request.transport else None
    if isinstance(peer, tuple) and len(peer) >= 2 and isinstance(peer[1], int):
        return peer[1]
    return 0


def is_secure(request: web.Request, trust_forwarded_for: bool) -> bool:
    """Whether the client reached us over TLS: directly, or through our own
    proxy that says so in ``X-Forwarded-Proto`` (its last value, as with
    ``X-Forwarded-For``)."""
    if request.secure:
        return True
    if trust_forwarded_for:
        proto = request.headers.get("X-Forwarded-Proto", "")
        return proto.rsplit(",", 1)[-1].strip().lower() == "https"
    return False


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


def host_allowed(request: web.Request, public_hosts: frozenset[str]) -> bool:
    """With a public origin configured, the ``Host`` must name it.

    A page on another name that resolves to this server (DNS rebinding)
    sends its own name as ``Host`` and would pass the Origin check above;
    comparing ``Host`` with the site's own name stops it. Without a
    configured origin every host is accepted (a laptop, a test).
    """
    if not public_hosts:
        return True
    return request.headers.get("Host", "").lower() in public_hosts


def cookie_value(request: web.Request, name: str) -> str | None:
    """One cookie, read the same way by every door.

    A ``Cookie`` header may carry the same name twice (set for two paths or
    two domains, or forged). Picking the first or the last would let two
    doors see two different devices, so a name that comes with two
    different values is refused (a :class:`~passerby.errors.ClientError`); the same value twice
    is that value. Read straight from the header: ``request.cookies`` would
    parse every cookie and keep the result for as long as the request lives,
    which for a WebSocket is the whole chat.
    """
    found: str | None = None
    for header in request.headers.getall("Cookie", ()):
        for part in header.split(";"):
            key, sep, value = part.strip().partition("=")
            if not sep or key != name:
                continue
            value = value.strip().strip('"')
            if found is not None and value != found:
                raise ClientError("bad_cookie", "Send one device cookie, not two.")
            found = value
    return found
