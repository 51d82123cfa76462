"""The classic Omegle HTTP API, a thin door over the chat service.

Existing Omegle clients and bots work against Passerby after changing only
their base URL (``docs/omegle-api.md``). Each ``/start`` opens one chat
connection in the :class:`~passerby.service.chat.ChatService`, exactly as a
WebSocket does, so an API user is an ordinary user: the same sections,
matchmaking, moderation, limits, bans and evidence. This module only reads
query strings and form fields into commands and answers with the events an
:class:`~.sessions.OmegleSession` collected. It never logs message text or
addresses.

An API client has no age prompt and usually no cookie: it lands in the
adults' section unless it asks for another with ``section`` and the
operator allows it there; with no device it is judged by its address.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Final

import orjson
from aiohttp import web

from passerby.clock import Clock
from passerby.cluster.limits import Limiter
from passerby.cluster.redis.broker import UNREACHABLE
from passerby.core import protocol as p
from passerby.core.interests import DEFAULT_LANGUAGE, InterestError, normalise_language
from passerby.core.session import State
from passerby.errors import ClientError, ProtocolError
from passerby.safety.devices import COOKIE_NAME
from passerby.safety.iphash import network_of
from passerby.service.chat import MAX_USER_AGENT, ChatService, Peer
from passerby.transport.catalogue import catalogue
from passerby.transport.omegle.events import Event
from passerby.transport.omegle.sessions import OmegleSessions
from passerby.transport.origin import clean_text, client_address, client_port, cookie_value

log = logging.getLogger(__name__)

WIN: Final = "win"
FAIL: Final = "fail"
# The longest a form value we read may be: a message, a solution, a list of topics.
MAX_FIELD_CHARS: Final = 8 * 1024


def _text(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, headers={"Cache-Control": "no-store"})


def _json(value: Any, status: int = 200) -> web.Response:
    return web.Response(
        body=orjson.dumps(value),
        status=status,
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


def _checked(
    build: Callable[[str], p.ClientMessage], value: str
) -> p.ClientMessage | ProtocolError:
    """A command built from a form field, or the refusal of it (for the session)."""
    try:
        return build(value)
    except ProtocolError as exc:
        return exc


def _fixed(command: p.ClientMessage) -> Callable[[str], p.ClientMessage]:
    return lambda _value: command


# What each API command is, as the chat service takes it.
COMMANDS: Final[Mapping[str, Callable[[str], p.ClientMessage]]] = {
    "send": p.chat_text,
    "typing": _fixed(p.TYPING),
    "stoppedtyping": _fixed(p.STOPPED_TYPING),
    "stoplooking": _fixed(p.STOP_INTERESTS),
    "solve": p.solve,
    "disconnect": _fixed(p.LEAVE),
}


def topics_of(raw: str) -> list[str]:
    """``topics`` as a JSON list (``["music","books"]``) or a bare comma list."""
    raw = raw.strip()
    if not raw:
        return []
    if raw.startswith("["):
        try:
            value = orjson.loads(raw)
        except orjson.JSONDecodeError:
            value = None
        if isinstance(value, list):
            return [str(t) for t in value if isinstance(t, str | int | float)]
    return [t for t in raw.split(",") if t.strip()]


class OmegleApi:
    """The API's routes; one per server."""

    def __init__(
        self,
        service: ChatService,
        sessions: OmegleSessions,
        clock: Clock,
        *,
        starts: Limiter,
        poll_seconds: float,
        sections: Mapping[str, str],
        default_section: str,
    ) -> None:
        self.service = service
        self.sessions = sessions
        self.clock = clock
        self._starts = starts
        self._poll = poll_seconds
        # The sections an API client may ask for by name, and the one it gets.
        self._sections = sections
        self._default_section = default_section

    async def _fields(self, request: web.Request) -> dict[str, str]:
        """Query string and form fields together (the form wins), each cut short."""
        fields = {k: v[:MAX_FIELD_CHARS] for k, v in request.query.items()}
        if request.method == "POST" and request.can_read_body:
            with contextlib.suppress(ValueError, UnicodeDecodeError):
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, str):
                        fields[key] = value[:MAX_FIELD_CHARS]
        return fields

    # --- /status ----------------------------------------------------------------

    async def status_fields(self) -> dict[str, Any]:
        """What Omegle's ``/status`` said, for clients that read it."""
        counts = await self.service.broker.counts()
        return {
            "count": counts.online,
            "servers": ["passerby"],
            "antinudeservers": [],
            "antinudepercent": 1.0,
            "spyQueueTime": 0,
            "spyeeQueueTime": 0,
            "timestamp": time.time(),
        }

    # --- /start -------------------------------------------------------------------

    async def start(self, request: web.Request) -> web.Response:
        fields = await self._fields(request)
        service = self.service
        safety = service.safety
        address = client_address(request, safety.trust_forwarded_for)
        network = network_of(address)
        if await self._starts.take(network or "?"):
            return _json({"error": "Too many new chats from your network; try again soon."}, 429)
        if "ask" in fields:
            # Question ("spy") mode does not exist yet: said as an event.
            return self._refused(fields, "Question mode is not available on this server.")
        section = self._sections.get(fields.get("section", ""), None)
        if "section" in fields and section is None:
            return self._refused(fields, "That section is not open to API clients.")
        try:
            cookie = cookie_value(request, COOKIE_NAME)
        except ClientError as exc:
            return self._refused(fields, exc.message)
        device = safety.devices.hash_of_cookie(cookie) or ""
        peer = Peer(
            device=device,
            address=address,
            port=client_port(request),
            user_agent=clean_text(request.headers.get("User-Agent"), MAX_USER_AGENT),
            section=None if device else (section or self._default_section),
        )
        full = service.full_for(network, device)
        if full is not None:
            service.metrics.refused_connections.inc()
            return self._refused(fields, f"Try again later: {full}.")
        session = await self.sessions.new()
        session.texts = catalogue(self._language(fields))
        conn = await service.open(session, peer, network)
        if conn is None:
            await self.sessions.end(session, drop=True)
            return self._refused(fields, "Try again soon.")
        session.conn = conn
        session.start = self._start_command(fields)
        if not session.ending:
            await service.command(conn, session.start)
        if conn.session.closed:  # banned: answered as Omegle answered it
            await self.sessions.end(session, drop=True)
            return _json({})
        if "firstevents" in fields and fields["firstevents"] != "0":
            events = await self.sessions.mailboxes.take(session.id, 0)
            return _json({"clientID": session.id, "events": events or []})
        return _json(session.id)

    @staticmethod
    def _language(fields: Mapping[str, str]) -> str:
        lang = fields.get("lang", DEFAULT_LANGUAGE)
        try:
            return normalise_language(lang)
        except InterestError:
            return DEFAULT_LANGUAGE  # clients send codes we do not know ("ceb", "fil"...)

    def _start_command(self, fields: Mapping[str, str]) -> p.ClientMessage | ProtocolError:
        try:
            return p.start(topics_of(fields.get("topics", "")), self._language(fields))
        except ProtocolError as exc:
            return exc

    def _refused(self, fields: Mapping[str, str], why: str) -> web.Response:
        events: list[Event] = [["error", why]]
        if "firstevents" in fields:
            return _json({"events": events})
        return _json({})

    # --- /events: the long poll -------------------------------------------------

    async def events(self, request: web.Request) -> web.Response:
        """The client's unread events, on whichever node it asks; ``null`` once
        its id is unknown or finished. A newer poll for the same id answers
        the earlier one with ``[]``."""
        fields = await self._fields(request)
        client_id = fields.get("id", "")
        if not client_id:
            return _json(None)
        try:
            events = await self.sessions.mailboxes.take(client_id, self._poll)
        except UNREACHABLE:
            return _json({"error": "The server is busy; try again soon."}, 503)
        return _json(events)

    # --- commands: run on the node that holds the chat ----------------------------

    async def _forward(
        self, fields: Mapping[str, str], action: str, value: str = ""
    ) -> web.Response:
        client_id = fields.get("id", "")
        if not client_id:
            return _text(FAIL)
        try:
            known = await self.sessions.mailboxes.command(client_id, [action, value])
        except UNREACHABLE:
            return _text(FAIL, 503)
        return _text(WIN if known else FAIL)

    async def run(self, client_id: str, command: list[Any]) -> None:
        """A client's command, on this node that holds its chat (the mailbox's handler)."""
        session = self.sessions.get(client_id)
        if session is None or len(command) != 2:
            return
        action, value = command
        build = COMMANDS.get(action) if isinstance(action, str) else None
        if build is None or not isinstance(value, str):
            return
        async with session.lock:
            conn = session.conn
            if conn is None or session.ending:
                return
            if action == "disconnect":
                await self.service.command(conn, build(value))
                await self.sessions.end(session, drop=True)
                return
            pause = await self.service.command(conn, _checked(build, value[:MAX_FIELD_CHARS]))
            if (
                action == "solve"
                and session.start is not None
                and conn.session.state is State.IDLE
                and not conn.session.challenge_pending
                and not session.ending
            ):
                # The challenge is passed: the start it held back goes ahead.
                await self.service.command(conn, session.start)
            if pause:
                await asyncio.sleep(pause)  # this client's messages cost more than its share

    async def send(self, request: web.Request) -> web.Response:
        fields = await self._fields(request)
        return await self._forward(fields, "send", fields.get("msg", ""))

    async def typing(self, request: web.Request) -> web.Response:
        return await self._forward(await self._fields(request), "typing")

    async def stopped_typing(self, request: web.Request) -> web.Response:
        return await self._forward(await self._fields(request), "stoppedtyping")

    async def stop_looking(self, request: web.Request) -> web.Response:
        return await self._forward(await self._fields(request), "stoplooking")

    async def recaptcha(self, request: web.Request) -> web.Response:
        """The answer to a challenge (``recaptchaRequired``): our proof of
        work's solution, as the WebSocket's ``solve`` takes it. Once it is
        accepted, the start it held back goes ahead."""
        fields = await self._fields(request)
        return await self._forward(fields, "solve", fields.get("response", ""))

    async def disconnect(self, request: web.Request) -> web.Response:
        return await self._forward(await self._fields(request), "disconnect")

    async def no_video(self, request: web.Request) -> web.Response:
        """WebRTC signalling: video is not served yet (docs/omegle-api.md)."""
        await self._fields(request)
        return _text(FAIL)


def add_omegle_routes(app: web.Application, api: OmegleApi) -> None:
    router = app.router
    for path in ("/start",):
        router.add_get(path, api.start)
        router.add_post(path, api.start)
    router.add_route("*", "/events", api.events)
    router.add_post("/send", api.send)
    router.add_post("/typing", api.typing)
    router.add_post("/stoppedtyping", api.stopped_typing)
    router.add_post("/stoplookingforcommonlikes", api.stop_looking)
    router.add_post("/disconnect", api.disconnect)
    router.add_post("/recaptcha", api.recaptcha)
    router.add_post("/rtcpeerdescription", api.no_video)
    router.add_post("/icecandidate", api.no_video)
