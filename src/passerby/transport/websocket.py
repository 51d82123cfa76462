"""The ``/ws`` endpoint: a thin door between a WebSocket and the chat service.

It checks the handshake, reads frames into commands (:mod:`.v1`) for the
:class:`~passerby.service.chat.ChatService`, and writes the typed messages
it is handed back as v1 frames through the :class:`~.outbox.Outbox`. It
keeps what only a WebSocket has: pings for liveness, the socket's send
buffer, close codes. Every rule (bans, limits, sanctions, reports,
challenges) lives in the service. It never looks inside a frame itself,
never logs message text or addresses, and never lets one connection's
failure reach another: an unexpected error is logged and answered with
``internal``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import weakref

from aiohttp import WSMsgType, web

from passerby.clock import Clock
from passerby.core import messages as m
from passerby.errors import ClientError
from passerby.periodic import Periodic, in_turns
from passerby.safety.devices import COOKIE_NAME
from passerby.safety.iphash import network_of
from passerby.service.chat import MAX_USER_AGENT, ChatService, Peer
from passerby.service.connection import ChatConnection
from passerby.transport import v1
from passerby.transport.origin import (
    clean_text,
    client_address,
    client_port,
    cookie_value,
    host_allowed,
    origin_allowed,
)
from passerby.transport.outbox import PING, PONG, Outbox, Transport, bound_socket_buffers

log = logging.getLogger(__name__)

_ENDED = frozenset({WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED})
# How long a close waits for the client's answer; a client that has gone
# silent must not hold up a shutdown for long.
CLOSE_TIMEOUT = 2.0


def _valid_key(key: str) -> bool:
    """A Sec-WebSocket-Key: base64 of 16 bytes (RFC 6455, 4.1), 24 characters."""
    if len(key) != 24 or not key.isascii():
        return False
    try:
        return len(base64.b64decode(key, validate=True)) == 16
    except binascii.Error:
        return False


def _http_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=status)


class WebSocketDoor:
    """One open WebSocket, as the chat service and the outbox see it."""

    __slots__ = ("__weakref__", "_outbox", "busy", "conn", "pinged", "seen", "transport", "ws")

    def __init__(
        self, ws: web.WebSocketResponse, transport: Transport, outbox: Outbox, now: float
    ) -> None:
        self.ws = ws
        self.transport = transport
        self._outbox = outbox
        self.conn: ChatConnection | None = None
        # Liveness (monotonic): the last frame from the client, and our last
        # ping while it was silent (0.0: none).
        self.seen = now
        self.pinged = 0.0
        self.busy = False  # handling a frame (it may wait on the database, or pause)

    def emit(self, message: m.ServerMessage) -> None:
        self._outbox.send_payload(self, v1.payload(message))

    def pong(self, payload: bytes) -> None:
        self._outbox.control(self, PONG, payload)

    def ping(self) -> None:
        """A liveness ping, under the same cap on unread output as everything else."""
        self._outbox.control(self, PING)

    def writable(self) -> bool:
        """False once the connection is closing, whether we or the client began
        it, or the socket is gone and its reader has not noticed yet."""
        return not self.ws.closed and not self.transport.is_closing()

    async def close(self, reason: m.Closing) -> None:
        """Send what is queued, then close with the reason's code."""
        if reason is m.Closing.FLOODING:
            # A flooding client is not read again: aiohttp's polite close
            # would read and parse all it keeps sending until it answers.
            self._outbox.close_now(self, v1.close_code(reason), reason.value)
            return
        self._outbox.flush_one(self)
        await self.ws.close(code=v1.close_code(reason), message=reason.value.encode())

    def drop(self) -> None:
        """End a connection whose client has gone silent: no close handshake,
        which it would not answer."""
        self.transport.abort()


class ChatEndpoint:
    """The aiohttp handler for ``/ws``; one per server."""

    def __init__(self, service: ChatService, clock: Clock, *, heartbeat: float) -> None:
        self.service = service
        self.clock = clock
        self.outbox = Outbox()
        self._heartbeat = heartbeat or None
        self._doors: weakref.WeakSet[WebSocketDoor] = weakref.WeakSet()
        # Silent clients are pinged, and dropped when the ping goes unanswered.
        # One loop for all connections rather than a timer per connection
        # reset by every frame.
        self._liveness = (
            Periodic("liveness", self._heartbeat / 2, self._check_liveness)
            if self._heartbeat
            else None
        )

    async def start(self) -> None:
        if self._liveness is not None:
            self._liveness.start()

    async def close(self) -> None:
        if self._liveness is not None:
            await self._liveness.close()

    async def _check_liveness(self) -> None:
        """Ping the clients silent for a heartbeat; drop those that stayed
        silent for half a heartbeat after their ping."""
        heartbeat = self._heartbeat or 0.0
        monotonic = self.clock.monotonic
        async for door in in_turns(list(self._doors)):
            now = monotonic()  # a round is spread over many turns of the loop
            if door.ws.closed or door.busy or now - door.seen < heartbeat:
                continue  # a frame still being handled may hide the client's pong
            if door.pinged > door.seen:  # asked already, no frame since
                if now - door.pinged >= heartbeat / 2:
                    door.drop()
                continue
            door.pinged = now
            door.ping()  # through the outbox: a client that reads nothing is dropped

    def _refuse_before_upgrade(self, request: web.Request) -> web.Response | None:
        """An HTTP error for a handshake that is not ours to accept, or None."""
        safety = self.service.safety
        if not host_allowed(request, safety.public_hosts):
            return _http_error(421, "bad_host", "This server does not answer for that host.")
        if not origin_allowed(request, safety.origins):
            return _http_error(403, "bad_origin", "This page may not open a chat.")
        if not _valid_key(request.headers.get("Sec-WebSocket-Key", "")):
            # aiohttp would answer a key that is not ASCII with a traceback in
            # the log and a 500; it is the client's mistake, and a 400.
            return _http_error(400, "bad_handshake", "Not a valid WebSocket handshake.")
        return None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        service = self.service
        safety = service.safety
        refused = self._refuse_before_upgrade(request)
        if refused is not None:
            return refused
        try:
            cookie = cookie_value(request, COOKIE_NAME)
        except ClientError as exc:
            return _http_error(400, exc.code, exc.message)
        address = client_address(request, safety.trust_forwarded_for)
        network = network_of(address)
        wait = service.connect_wait(network)
        if wait:
            service.metrics.refused_connections.inc()
            return web.json_response(
                {
                    "code": "rate_limited",
                    "message": "Too many new connections.",
                    "retry_after": round(wait, 3),
                },
                status=429,
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        ws = web.WebSocketResponse(
            protocols=(v1.SUBPROTOCOL,),
            autoping=False,  # pings are answered, and pongs seen, in _serve
            max_msg_size=v1.HARD_FRAME_BYTES,
            compress=False,  # a deflate context costs far more memory than a chat line saves
            timeout=CLOSE_TIMEOUT,
        )
        await ws.prepare(request)
        transport = request.transport
        if transport is None:  # the client left during the handshake
            return ws
        peer = Peer(
            device=safety.devices.hash_of_cookie(cookie) or "",
            address=address,
            port=client_port(request),
            user_agent=clean_text(request.headers.get("User-Agent"), MAX_USER_AGENT),
        )
        full = service.full_for(network, peer.device)
        if full is not None:
            service.metrics.refused_connections.inc()
            await ws.close(code=v1.TRY_AGAIN_LATER, message=full.encode())
            return ws
        bound_socket_buffers(transport)
        door = WebSocketDoor(ws, transport, self.outbox, self.clock.monotonic())
        conn = await service.open(door, peer, network)
        if conn is None:
            return ws
        door.conn = conn
        self._doors.add(door)
        try:
            await self._serve(door, conn)
        except ConnectionResetError:
            pass
        except Exception:
            log.exception("error while serving a connection")
        finally:
            await service.closed(conn)
            # Break the cycles a closed connection would leave for the
            # collector (see passerby.gctuning): the door and its connection
            # point at each other, and aiohttp keeps a failed connection's
            # error, whose traceback holds the response.
            door.conn = None
            error = ws.exception()
            if error is not None:
                error.__traceback__ = None
        return ws

    async def _serve(self, door: WebSocketDoor, conn: ChatConnection) -> None:
        service = self.service
        monotonic = self.clock.monotonic
        receive = door.ws.receive
        while not conn.session.closed:  # as ``async for msg in ws``, one coroutine fewer
            msg = await receive()
            kind = msg.type
            if kind in _ENDED:
                break
            door.seen = now = monotonic()
            door.busy = True
            try:
                if kind is WSMsgType.TEXT:
                    pause = await service.command(conn, v1.command(msg.data), now)
                    if pause:
                        # This sender's messages cost the loop more than its
                        # share: its next frames wait in its socket.
                        await asyncio.sleep(pause)
                elif kind is WSMsgType.BINARY:
                    await service.command(conn, v1.BINARY_NOT_SUPPORTED)
                elif kind is WSMsgType.PING:
                    await service.ping(conn, msg.data)
                elif kind is WSMsgType.PONG:
                    await service.pong(conn)
                elif kind is WSMsgType.ERROR:  # a broken frame: aiohttp closes the connection
                    if isinstance(msg.data, BaseException):
                        msg.data.__traceback__ = None
                    break
            except Exception:
                log.exception("error while handling a frame")
                conn.send(m.INTERNAL)
            finally:
                door.busy = False

    async def close_all(self) -> None:
        """Tell every client the server is going away (close code 1001)."""
        await self.service.close_all()
