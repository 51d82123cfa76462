"""HTTP API for the safety steps before a chat: entry (age band) and appeals.

Thin handlers: they read and check the JSON body, call the safety services
and shape the answer. Errors are ``{"code", "message"}`` with a status, as
``docs/protocol.md`` lists them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import orjson
from aiohttp import web

from passerby.clock import Clock
from passerby.cluster.limits import LimiterFactory, memory_limiters
from passerby.core.entry import UNDER_13_MESSAGE, Band, EntryRefused
from passerby.core.ratelimit import Rate
from passerby.errors import ClientError
from passerby.safety.bans import BanService
from passerby.safety.challenge import Difficulty
from passerby.safety.devices import COOKIE_MAX_AGE, COOKIE_NAME, DeviceService, DeviceState
from passerby.safety.iphash import network_of
from passerby.safety.records import appeal_record
from passerby.safety.reports import EvidenceNotSaved, EvidenceService
from passerby.transport.origin import (
    client_address,
    cookie_value,
    host_allowed,
    is_secure,
    origin_allowed,
)

MAX_BODY = 8 * 1024
MAX_APPEAL_CHARS = 2_000
# Declarations per address: generous for a household, slow for a bot farm.
ENTRY_RATE = Rate(per_second=10 / 60, burst=10)
# Appeals per device: a person appeals once or twice, not forty times.
APPEALS = Rate(per_second=3 / 86400, burst=3)
# A browser that said "under 13" is refused whatever it says next, for a
# week: long enough that a child cannot pick "18 or older" a second later, or
# tomorrow, short enough that an adult's slip of the finger passes. The
# cookie holds when the refusal ends (epoch seconds) and nothing else; a
# child can delete it, but a child who answered honestly is not tempted
# back at once. Documented in docs/moderation.md.
UNDER_13_COOKIE = "passerby_under13"
UNDER_13_MEMORY_SECONDS = 7 * 86400


async def _nothing(device: str) -> None:
    return None


def _error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    return web.json_response({"code": code, "message": message, **extra}, status=status)


async def _json_body(
    request: web.Request, origins: frozenset[str], hosts: frozenset[str]
) -> dict[str, Any] | web.Response:
    """The JSON object of a state-changing request from one of our own pages.

    The Origin check and the JSON content type together stop another site's
    page from posting here on a visitor's behalf: a plain form cannot send
    ``application/json``, and a script from elsewhere cannot without our
    permission (we give none).
    """
    if not host_allowed(request, hosts):
        return _error(421, "bad_host", "This server does not answer for that host.")
    if not origin_allowed(request, origins):
        return _error(403, "bad_origin", "This page may not do that.")
    if request.content_type != "application/json":
        return _error(415, "bad_request", "Send the body as application/json.")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return _error(413, "bad_request", "The request body is too large.")
    raw = await request.content.read(MAX_BODY + 1)
    if len(raw) > MAX_BODY:
        return _error(413, "bad_request", "The request body is too large.")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return _error(400, "bad_request", "The body must be a JSON object.")
    if not isinstance(data, dict):
        return _error(400, "bad_request", "The body must be a JSON object.")
    return data


class EntryApi:
    def __init__(
        self,
        devices: DeviceService,
        bans: BanService,
        difficulty: Difficulty,
        evidence: EvidenceService,
        clock: Clock,
        *,
        pow_at_entry: bool,
        trust_forwarded_for: bool,
        entry_rate: Rate = ENTRY_RATE,
        on_band_change: Callable[[str], Awaitable[None]] | None = None,
        on_declared: Callable[[str], Awaitable[None]] | None = None,
        origins: frozenset[str] = frozenset(),
        public_hosts: frozenset[str] = frozenset(),
        limiters: LimiterFactory | None = None,
        under_13_memory: int = UNDER_13_MEMORY_SECONDS,
    ) -> None:
        self._under_13_memory = under_13_memory
        self._origins = origins
        self._hosts = public_hosts
        self._devices = devices
        self._bans = bans
        self._difficulty = difficulty
        self._challenges = difficulty.challenges
        self._evidence = evidence
        self._clock = clock
        self._pow_at_entry = pow_at_entry
        self._trust_forwarded_for = trust_forwarded_for
        limiters = limiters or memory_limiters(clock)
        self._limiter = limiters("entries", entry_rate)
        self._appeals = limiters("appeals", APPEALS)
        self._on_band_change = on_band_change or _nothing
        self._on_declared = on_declared or _nothing

    def _device_cookie(self, request: web.Request) -> str | None:
        """The device cookie, read as the WebSocket reads it (two different
        ones in a request are refused: :class:`ClientError`)."""
        return cookie_value(request, COOKIE_NAME)

    def _state_json(self, state: DeviceState | None) -> dict[str, Any]:
        declaration = state.declaration if state else None
        return {
            "declared": declaration is not None,
            "band": declaration.band.value if declaration else None,
            "section": state.section.name if state and state.section else None,
            "text_only": bool(state and state.section and state.section.text_only),
            "pending_band": declaration.pending_band.value
            if declaration and declaration.pending_band
            else None,
            "pending_until": declaration.pending_until.isoformat()
            if declaration and declaration.pending_until
            else None,
            "challenge": None,
            "ban": None,
        }

    async def get_entry(self, request: web.Request) -> web.Response:
        try:
            device = self._devices.hash_of_cookie(self._device_cookie(request))
        except ClientError as exc:
            return _error(400, exc.code, exc.message)
        state = await self._devices.state(device) if device else None
        body = self._state_json(state)
        body["under_13"] = self._refused_under_13(request)
        address = client_address(request, self._trust_forwarded_for)
        ban = await self._bans.check(device, address)
        if ban is not None:
            body["ban"] = ban.as_json()
        if self._pow_at_entry and (state is None or state.declaration is None):
            body["challenge"] = await self._difficulty.issue(device or "", network_of(address))
        return web.json_response(body, headers={"Cache-Control": "no-store"})

    async def post_entry(self, request: web.Request) -> web.Response:
        address = client_address(request, self._trust_forwarded_for)
        wait = await self._limiter.take(network_of(address))
        if wait:
            return _error(
                429, "rate_limited", "Too many attempts; try again soon.", retry_after=wait
            )
        data = await _json_body(request, self._origins, self._hosts)
        if isinstance(data, web.Response):
            return data
        try:
            cookie = self._device_cookie(request)
        except ClientError as exc:
            return _error(400, exc.code, exc.message)
        try:
            band = Band(str(data.get("age_band")))
        except ValueError:
            return _error(400, "bad_request", "age_band must be 'under13', '13-17' or '18+'.")
        if data.get("accept_rules") is not True:
            return _error(400, "rules_not_accepted", "You need to accept the rules to chat.")
        if self._refused_under_13(request):
            return _error(400, "under_13", UNDER_13_MESSAGE)
        token = self._devices.token_of_cookie(cookie)
        device = self._devices.hash_of_token(token) if token else None
        ban = await self._bans.check(device, address)
        if ban is not None:
            return _error(403, "banned", "You are banned.", ban=ban.as_json())
        if self._pow_at_entry and token is None:
            solution = data.get("solution")
            network = network_of(address)
            if not isinstance(solution, str) or not await self._challenges.verify(solution):
                return _error(
                    403,
                    "challenge_required",
                    "Please wait while your browser is checked.",
                    challenge=await self._difficulty.issue("", network),
                )
            await self._difficulty.solved("", network)
        if token is None:
            if band is Band.UNDER_13:
                return self._refuse_under_13(request)
            cookie = self._devices.new_cookie()
            token = self._devices.token_of_cookie(cookie)
            assert token is not None
            device = self._devices.hash_of_token(token)
        assert device is not None
        try:
            state, result = await self._devices.declare(device, band)
        except EntryRefused as refused:
            if refused.code == "under_13":
                return self._refuse_under_13(request)
            return _error(400, refused.code, refused.message)
        if result.changed_band:
            # A change of age is a signal in itself: it is kept as a strike.
            await self._on_band_change(device)
        await self._on_declared(device)

        response = web.json_response(self._state_json(state))
        response.set_cookie(
            COOKIE_NAME,
            cookie or "",
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=is_secure(request, self._trust_forwarded_for),
            path="/",
        )
        return response

    def _refused_under_13(self, request: web.Request) -> bool:
        """True while this browser's under-13 refusal lasts."""
        raw = request.cookies.get(UNDER_13_COOKIE, "")
        return raw.isdigit() and int(raw) > self._clock.wall()

    def _refuse_under_13(self, request: web.Request) -> web.Response:
        """The under-13 refusal, remembered by this browser for a while."""
        response = _error(400, "under_13", UNDER_13_MESSAGE)
        until = int(self._clock.wall()) + self._under_13_memory
        response.set_cookie(
            UNDER_13_COOKIE,
            str(until),
            max_age=self._under_13_memory,
            httponly=True,
            samesite="Lax",
            secure=is_secure(request, self._trust_forwarded_for),
            path="/",
        )
        return response

    async def post_appeal(self, request: web.Request) -> web.Response:
        data = await _json_body(request, self._origins, self._hosts)
        if isinstance(data, web.Response):
            return data
        try:
            cookie = self._device_cookie(request)
        except ClientError as exc:
            return _error(400, exc.code, exc.message)
        text = data.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_APPEAL_CHARS:
            return _error(400, "bad_request", "An appeal needs a text of 1 to 2,000 characters.")
        device = self._devices.hash_of_cookie(cookie)
        address = client_address(request, self._trust_forwarded_for)
        ban = await self._bans.check(device, address)
        if ban is None:
            return _error(404, "not_banned", "There is no ban to appeal.")
        wait = await self._appeals.take(device or network_of(address))
        if wait:
            return _error(429, "rate_limited", "You have appealed already.", retry_after=wait)
        now = datetime.fromtimestamp(self._clock.wall(), UTC)
        write = appeal_record(
            now, ban_id=ban.id, reason_code=ban.reason_code, text=text.strip(), device=device
        )
        try:
            case_id = await self._evidence.write(write)
        except EvidenceNotSaved:
            return _error(
                503, "not_saved", "Your appeal could not be saved. Please try again.", retry_after=5
            )
        return web.json_response({"case": case_id or write.record_id}, status=202)
