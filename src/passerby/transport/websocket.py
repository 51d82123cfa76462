"""The ``/ws`` endpoint: a thin adapter between a WebSocket and a ChatSession.

It reads frames, hands them to :class:`~passerby.core.session.ChatSession`
and carries out the effects in order. It never looks inside a frame itself,
never logs message text and never lets one connection's failure reach
another: an unexpected error is logged and answered with ``internal``.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import weakref

from aiohttp import WSCloseCode, WSMsgType, web

from passerby import __version__
from passerby.clock import Clock
from passerby.cluster.broker import Broker
from passerby.core import protocol as p
from passerby.core.events import PeerEvent, Relay
from passerby.core.session import (
    AskFallback,
    ChatOver,
    ChatSession,
    Close,
    Deliver,
    Dequeue,
    Effect,
    Enqueue,
    Send,
    SessionLimits,
)
from passerby.storage.recorder import ChatRecorder
from passerby.transport.metrics import Metrics

log = logging.getLogger(__name__)

_ERROR_PREFIX = '{"type":"error"'
# How long a close waits for the client's answer; a client that has gone
# silent must not hold up a shutdown for long.
CLOSE_TIMEOUT = 2.0


class ChatConnection:
    """One open WebSocket; the broker's inbox for its user."""

    __slots__ = ("_broker", "_metrics", "_recorder", "session", "ws")

    def __init__(
        self,
        ws: web.WebSocketResponse,
        session: ChatSession,
        broker: Broker,
        recorder: ChatRecorder,
        metrics: Metrics,
    ) -> None:
        self.ws = ws
        self.session = session
        self._broker = broker
        self._recorder = recorder
        self._metrics = metrics

    async def deliver(self, event: PeerEvent) -> None:
        effects = self.session.on_event(event)
        if type(event) is Relay and effects and type(effects[0]) is Send:
            self._metrics.messages_relayed.inc()
        await self.run(effects)

    async def run(self, effects: list[Effect]) -> None:
        broker = self._broker
        user = self.session.user
        for effect in effects:
            match effect:
                case Send(frame):
                    await self._send(frame)
                case Deliver(to, event):
                    await broker.deliver(to, event)
                case Enqueue(ticket):
                    await broker.enqueue(ticket)
                case Dequeue():
                    await broker.dequeue(user)
                case AskFallback():
                    await broker.stop_interests(user)
                case ChatOver(chat, reason):
                    await broker.end_chat(chat)
                    self._recorder.ended(chat, reason)
                case Close(code, reason):
                    await self.ws.close(code=code, message=reason.encode())

    async def _send(self, frame: str) -> None:
        if frame.startswith(_ERROR_PREFIX):
            self._metrics.protocol_errors.inc()
        if self.ws.closed:
            return
        try:  # noqa: SIM105 (try is cheaper than suppress on the relay path)
            await self.ws.send_str(frame)
        except ConnectionResetError:  # aiohttp's reset errors derive from it
            pass  # the reader loop sees the close and cleans up


class ChatEndpoint:
    """The aiohttp handler for ``/ws``; one per server."""

    def __init__(
        self,
        broker: Broker,
        recorder: ChatRecorder,
        metrics: Metrics,
        clock: Clock,
        limits: SessionLimits,
        *,
        max_connections: int,
        heartbeat: float,
    ) -> None:
        self._broker = broker
        self._recorder = recorder
        self._metrics = metrics
        self._clock = clock
        self._limits = limits
        self._max_connections = max_connections
        self._heartbeat = heartbeat or None
        self.sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(
            protocols=(p.SUBPROTOCOL,),
            heartbeat=self._heartbeat,
            max_msg_size=p.HARD_FRAME_BYTES,
            compress=False,  # a deflate context costs far more memory than a chat line saves
            timeout=CLOSE_TIMEOUT,
        )
        await ws.prepare(request)
        if self._metrics.connections >= self._max_connections:
            await ws.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"server full")
            return ws
        clock = self._clock
        user = secrets.token_urlsafe(12)
        session = ChatSession(user, clock.monotonic(), self._limits)
        conn = ChatConnection(ws, session, self._broker, self._recorder, self._metrics)
        self._metrics.connections += 1
        self.sockets.add(ws)
        self._broker.attach(user, conn)
        try:
            counts = await self._broker.counts()
            await ws.send_str(p.welcome(__version__, counts.online))
            async for msg in ws:
                try:
                    if msg.type is WSMsgType.TEXT:
                        await conn.run(session.on_frame(msg.data, clock.monotonic()))
                    elif msg.type is WSMsgType.BINARY:
                        await conn.run(session.on_binary(clock.monotonic()))
                except Exception:
                    log.exception("error while handling a frame")
                    await conn._send(p.INTERNAL)
        except ConnectionResetError:
            pass
        finally:
            self._metrics.connections -= 1
            try:
                await conn.run(session.on_close())
            except Exception:
                log.exception("error while closing a session")
            await self._broker.detach(user)
        return ws

    async def close_all(self) -> None:
        """Tell every client the server is going away (close code 1001)."""
        await asyncio.gather(
            *(
                ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutting down")
                for ws in list(self.sockets)
                if not ws.closed
            ),
            return_exceptions=True,
        )
