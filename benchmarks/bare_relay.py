"""A bare aiohttp relay: the ceiling of the stack Passerby is built on.

It speaks the smallest subset of the Passerby protocol the load generator
needs (``welcome``, ``start`` -> ``connected``, ``message`` relay) on the same
stack as Passerby (aiohttp on uvloop, orjson), with no validation, no rate
limits, no moderation and no matching beyond "pair each second arrival with
the previous waiting one". Whatever Passerby does on top of this costs
something; the benchmark reports Passerby's figures as a ratio of these.

It must never be used as a chat server: it trusts every byte it is sent.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import resource
import signal

import orjson
import uvloop
from aiohttp import WSMsgType, web

WELCOME = orjson.dumps(
    {
        "type": "welcome",
        "protocol": 1,
        "server": "bare-relay",
        "online": 0,
        "limits": {
            "max_message_chars": 2000,
            "max_frame_bytes": 16384,
            "max_interests": 20,
            "max_interest_chars": 30,
        },
    }
).decode()
CONNECTED = orjson.dumps({"type": "connected", "common_interests": []}).decode()
CHAT_ENDED = orjson.dumps({"type": "chat_ended", "by": "stranger"}).decode()

PartnerMap = dict[web.WebSocketResponse, web.WebSocketResponse]


class Relay:
    """Pairs arrivals two by two and forwards chat text between partners."""

    def __init__(self) -> None:
        self.waiting: web.WebSocketResponse | None = None
        self.partners: PartnerMap = {}

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=False, protocols=("passerby.v1",))
        await ws.prepare(request)
        await ws.send_str(WELCOME)
        partners = self.partners
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                data = orjson.loads(msg.data)
                kind = data.get("type")
                if kind == "message":
                    partner = partners.get(ws)
                    if partner is not None:
                        out = {"type": "message", "text": data.get("text")}
                        # A partner that is going away loses the message.
                        with contextlib.suppress(ConnectionError):
                            await partner.send_str(orjson.dumps(out).decode())
                elif kind == "start":
                    other = self.waiting
                    if other is None or other.closed:
                        self.waiting = ws
                    else:
                        self.waiting = None
                        partners[ws] = other
                        partners[other] = ws
                        await other.send_str(CONNECTED)
                        await ws.send_str(CONNECTED)
                elif kind == "ping":
                    await ws.send_str('{"type":"pong"}')
        finally:
            if self.waiting is ws:
                self.waiting = None
            partner = partners.pop(ws, None)
            if partner is not None:
                partners.pop(partner, None)
                # The partner may be closing too (a whole benchmark run ends
                # at once); a failed courtesy notice is not an error.
                with contextlib.suppress(ConnectionError):
                    await partner.send_str(CHAT_ENDED)
        return ws


def raise_nofile_limit(wanted: int = 65536) -> int:
    """Raise the soft open-files limit towards ``wanted``; return the result.

    A container may cap the hard limit below ``wanted``; then the soft limit
    is raised to the hard limit, which is the most an unprivileged (or
    capability-less) process may have.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


async def serve(host: str, port: int) -> None:
    relay = Relay()
    app = web.Application()
    app.router.add_get("/ws", relay.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port, backlog=4096)
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    args = parser.parse_args()
    raise_nofile_limit()
    uvloop.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
