"""Bans, sanctions, moderation notices, reports and challenges, written once
over a :class:`Chatter` and run through both doors of the one chat service
(the WebSocket v1 and the classic Omegle API), so a rule cannot hold on one
door and not the other. The chatter's partner is an ordinary WebSocket user
(the reporter, when there is a report: the Omegle API has none). Each chatter
has an address of its own (``X-Forwarded-For`` from a trusted proxy) and a
user agent naming its door."""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
import pytest
from tests.conftest import ServerFactory, VisitorFactory
from tests.support import Client, LiveServer, eventually, solve_challenge

from passerby.core import messages as m
from passerby.safety.bans import REASONS
from passerby.safety.moderation_actions import Actor
from passerby.safety.policy import load_policy
from passerby.transport.omegle.events import BANNED_TEXT, events_for

POLL = 0.5  # seconds an Omegle long poll waits in these tests
ADDRESS = "198.51.100.7"  # the chatter's; its partner comes from 127.0.0.1
WRONG = "bm90IGl0"  # base64 of "not it": no solution
# A line a bot repeats that is not an advert by its words (an advert, "visit
# my page", is held at its first line by the rule `promo`), so that only the
# repetition makes it spam; short (under REPEAT_LONG_CHARS), so that it is
# the third paste that is held.
SPAM = "any old phone fans?"
INSULTS = ("you are a stupid idiot", "you stupid idiot", "what a stupid idiot you are")
RULES = {rule.id: rule for rule in load_policy().rules}
MASKED_NOTICE = events_for(m.Masked("x", 1))[0][1]  # the API's word for a masked message
RULES_ENDED = events_for(m.ChatEnded("system", "moderation"))[0][1]


@dataclass(frozen=True)
class Notice:
    """What the server told the sender about its own message."""

    kind: str  # "held", "masked", "warning"; "notice" where the door does not say which
    text: str


class Chatter(ABC):
    """One person at a door; the same verbs whichever door it is. ``_next``
    reads what the server said next as (what, detail); the rest builds on it."""

    door = ""
    address = ADDRESS

    @property
    def user_agent(self) -> str:
        return f"doors-test/{self.door}"

    @abstractmethod
    def ban_target(self) -> dict[str, str]: ...  # how a moderator names it: device or address

    @abstractmethod
    async def start(self, interests: Sequence[str] = ()) -> None: ...

    @abstractmethod
    async def say(self, text: str) -> None: ...

    @abstractmethod
    async def leave(self) -> None: ...  # stop looking, having met nobody

    @abstractmethod
    async def solve(self, answer: str) -> bool: ...  # accepted: the held start goes on

    @abstractmethod
    async def quiet(self) -> None: ...  # nothing reaches it for a moment

    @abstractmethod
    async def _next(self) -> tuple[str, Any]: ...

    async def _expect(self, what: str) -> Any:
        got, detail = await self._next()
        assert got == what, f"{self.door}: expected {what!r}, got {got!r} {detail!r}"
        return detail

    async def waiting(self) -> None:
        await self._expect("waiting")

    async def connected(self) -> list[str]:
        return list(await self._expect("connected"))  # the interests in common

    async def heard(self) -> str:
        return str(await self._expect("message"))

    async def told(self) -> Notice:
        notice: Notice = await self._expect("notice")
        return notice

    async def ended(self) -> str:
        return str(await self._expect("ended"))  # by whom: "stranger", "system"

    async def banned(self) -> str:
        """Told of a ban; the reason as the person reads it ("" when not given).
        (A challenge the last message earned may come first.)"""
        got, reason = await self._next()
        while got == "challenge":
            got, reason = await self._next()
        assert got == "banned", f"{self.door}: expected a ban, got {got!r} {reason!r}"
        return str(reason)

    async def challenged(self) -> dict[str, Any]:
        return dict(await self._expect("challenge"))

    async def gone(self) -> None:
        await self._expect("gone")  # the server ended this connection


class WebChatter(Chatter):
    """A browser: a device cookie (declared adult) and v1 WebSocket connections."""

    door = "websocket"

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            headers={"X-Forwarded-For": self.address, "User-Agent": self.user_agent},
        )
        self.client: Client | None = None
        self.interests: list[str] | None = None  # the start a challenge held back

    async def open(self) -> None:
        body = {"age_band": "18+", "accept_rules": True}
        async with self.http.post(self.server.url + "/api/entry", json=body) as response:
            assert response.status == 200, await response.text()

    @property
    def device(self) -> str:
        cookie = next(c.value for c in self.http.cookie_jar if c.key == "passerby_device")
        device = self.server.services.devices.hash_of_cookie(cookie)
        assert device is not None
        return str(device)

    def ban_target(self) -> dict[str, str]:
        return {"device": self.device}

    async def _send(self, **frame: Any) -> None:
        if self.client is None or self.client.ws.closed:  # a new connection, as a page reload
            ws = await self.http.ws_connect(self.server.ws_url, protocols=("passerby.v1",))
            self.client = Client(ws)
            await self.client.expect("welcome")
        with contextlib.suppress(ConnectionError):  # closing already (banned at connect)
            await self.client.send(**frame)

    async def start(self, interests: Sequence[str] = ()) -> None:
        self.interests = list(interests)
        await self._send(type="start", interests=self.interests)

    async def say(self, text: str) -> None:
        await self._send(type="message", text=text)

    async def leave(self) -> None:
        await self._send(type="leave")
        assert await self._next() == ("stopped", None)

    async def solve(self, answer: str) -> bool:
        await self._send(type="solve", payload=answer)
        got, detail = await self._next()
        if got == "challenge_passed":
            assert self.interests is not None
            await self.start(self.interests)  # as the web client does after challenge_passed
            return True
        assert (got, detail) == ("error", "bad_solution")
        return False

    async def quiet(self) -> None:
        assert self.client is not None
        await self.client.nothing(0.3)

    async def _next(self) -> tuple[str, Any]:
        assert self.client is not None
        while True:
            msg = await self.client.ws.receive(timeout=5)
            if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                return "gone", msg.data
            frame = orjson.loads(msg.data)
            match frame["type"]:
                case "error" if frame["code"] == "challenge_required":
                    continue  # the refusal that follows a challenge (the API says nothing)
                case "waiting" | "stopped" | "challenge_passed":
                    return frame["type"], None
                case "connected":
                    return "connected", frame["common_interests"]
                case "message":
                    return "message", frame["text"]
                case "held" | "warning" | "masked":
                    text = frame.get("reason") or frame.get("message") or frame.get("text")
                    return "notice", Notice(frame["type"], text)
                case "chat_ended":
                    return "ended", frame["by"]
                case "banned":
                    return "banned", frame["reason"]
                case "challenge":
                    return "challenge", {k: v for k, v in frame.items() if k != "type"}
                case "error":
                    return "error", frame["code"]
            raise AssertionError(f"unexpected frame {frame!r}")

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()
        await self.http.close()


class ApiChatter(Chatter):
    """A classic Omegle API client without a cookie: one client id per chat."""

    door = "omegle"

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.http = aiohttp.ClientSession(
            headers={"X-Forwarded-For": self.address, "User-Agent": self.user_agent}
        )
        self.id: str | None = None
        self.events: deque[list[Any]] = deque()

    def ban_target(self) -> dict[str, str]:
        return {"address": self.address}

    async def _post(self, path: str, **form: str) -> Any:
        async with self.http.post(self.server.url + path, data=form) as response:
            assert response.status == 200, await response.text()
            return await response.json(content_type=None)

    async def start(self, interests: Sequence[str] = ()) -> None:
        params = {"firstevents": "1", "topics": orjson.dumps(list(interests)).decode()}
        async with self.http.get(self.server.url + "/start", params=params) as response:
            assert response.status == 200, await response.text()
            answer = await response.json(content_type=None)
        if answer == {}:  # how the API refuses a banned client: no id, no reason
            self.id = None
            self.events.append(["refused"])
            return
        self.id = answer["clientID"]
        self.events.extend(answer["events"])

    async def _command(self, path: str, **form: str) -> None:
        assert self.id is not None
        async with self.http.post(self.server.url + path, data={"id": self.id, **form}) as r:
            assert await r.text() == "win", path

    async def say(self, text: str) -> None:
        await self._command("/send", msg=text)

    async def leave(self) -> None:
        await self._command("/disconnect")
        self.id = None
        self.events.clear()

    async def solve(self, answer: str) -> bool:
        await self._command("/recaptcha", response=answer)
        event = await self._event()
        if event[0] == "recaptchaRejected":
            return False
        self.events.appendleft(event)  # no word for "passed": the held start's events follow
        return True

    async def quiet(self) -> None:
        assert not self.events and self.id is not None
        assert await self._post("/events", id=self.id) == []

    async def _event(self) -> list[Any]:
        for _ in range(20):
            if self.events:
                return self.events.popleft()
            if self.id is None:
                return ["gone"]
            batch = await self._post("/events", id=self.id)
            if batch is None:
                self.id = None  # the id is done
                return ["gone"]
            self.events.extend(batch)
        raise AssertionError(f"{self.door}: no event")

    async def _next(self) -> tuple[str, Any]:
        event = await self._event()
        match event:
            case ["waiting"] | ["gone"]:
                return event[0], None
            case ["connected"]:
                likes = await self._event()
                assert likes[0] == "commonLikes", event  # in one batch, in this order
                assert (await self._event())[0] == "identDigests"
                return "connected", likes[1]
            case ["gotMessage", text]:
                return "message", text
            case ["serverMessage", text] if text == RULES_ENDED:
                assert await self._event() == ["strangerDisconnected"]
                return "ended", "system"
            case ["serverMessage", text]:
                return "notice", Notice("masked" if text == MASKED_NOTICE else "notice", text)
            case ["strangerDisconnected"]:
                return "ended", "stranger"
            case ["error", text] if text.startswith(BANNED_TEXT):
                return "banned", text.removeprefix(BANNED_TEXT).removeprefix(": ")
            case ["refused"]:
                return "banned", ""
            case ["recaptchaRequired", challenge]:
                return "challenge", challenge
        raise AssertionError(f"unexpected event {event!r}")

    async def close(self) -> None:
        if self.id is not None:  # the stranger is told at once, as a client would leave
            async with self.http.post(self.server.url + "/disconnect", data={"id": self.id}):
                pass
        await self.http.close()


@dataclass
class Door:
    """One door under test: a server, the chatter at this door, and its partner."""

    name: str
    _stack: AsyncExitStack
    _servers: ServerFactory
    _visitor: VisitorFactory

    async def scene(self, **settings: Any) -> tuple[LiveServer, Chatter, Client]:
        server: LiveServer = await self._servers(
            omegle_poll_seconds=POLL, trust_forwarded_for=True, **settings
        )
        chatter: Chatter
        if self.name == "websocket":
            chatter = web = WebChatter(server)
            self._stack.push_async_callback(web.close)
            await web.open()
        else:
            chatter = api = ApiChatter(server)
            self._stack.push_async_callback(api.close)
        partner = await (await self._visitor(server)).connect()  # from 127.0.0.1
        return server, chatter, partner


@pytest.fixture(params=["websocket", "omegle"])
async def door(
    request: pytest.FixtureRequest, server_factory: ServerFactory, visitor: VisitorFactory
) -> AsyncIterator[Door]:
    """The door under test; its chatters leave before the servers stop."""
    async with AsyncExitStack() as stack:
        yield Door(request.param, stack, server_factory, visitor)


async def meet(chatter: Chatter, partner: Client) -> None:
    """The chatter waits first; the partner's start pairs them."""
    await chatter.start(["doors"])
    await chatter.waiting()
    await partner.send(type="start", interests=["doors"])
    await partner.expect("waiting")
    assert (await partner.expect("connected"))["common_interests"] == ["doors"]
    assert await chatter.connected() == ["doors"]


# --- the behaviours, once for both doors -------------------------------------------


async def test_a_ban_ends_the_open_chat_at_once_and_refuses_the_next_start(door: Door) -> None:
    server, chatter, partner = await door.scene()
    await meet(chatter, partner)
    target = chatter.ban_target()
    await server.services.actions.ban(
        Actor.system("test"),
        device=target.get("device"),
        address=target.get("address"),
        reason_code="spam",
        seconds=60,
    )
    assert await chatter.banned() == REASONS["spam"]
    await chatter.gone()
    assert (await partner.expect("chat_ended"))["by"] == "stranger"
    await chatter.start(["doors"])
    assert await chatter.banned() in (REASONS["spam"], "")  # the API gives no reason here
    await partner.send(type="start", interests=["doors"])
    await partner.expect("waiting")
    await partner.nothing(POLL)  # the banned chatter is not waiting


async def test_repeated_insults_end_in_a_ban_seen_through_the_door(door: Door) -> None:
    server, chatter, partner = await door.scene()
    await meet(chatter, partner)
    rule = RULES["harassment"]
    for insult in INSULTS:
        await chatter.say(insult)
        assert (await chatter.told()).text == rule.message  # held: one notice, not two
    assert await chatter.ended() == "system"
    assert (await partner.expect("chat_ended"))["by"] == "stranger"  # and heard no insult
    target = chatter.ban_target()
    bans = server.services.bans
    ban = await eventually(lambda: bans.check(target.get("device"), target.get("address")))
    assert ban is not None and ban.reason_code == "harassment"
    assert await chatter.banned() == REASONS["harassment"]  # told, and why
    await chatter.gone()
    await chatter.start()
    assert await chatter.banned() in (REASONS["harassment"], "")


async def test_repeated_spam_ends_in_a_ban_and_a_case_with_evidence(door: Door) -> None:
    server, chatter, partner = await door.scene(pow_maxnumber=500)
    await meet(chatter, partner)
    for _ in range(2):
        await chatter.say(SPAM)
        assert (await partner.expect("message"))["text"] == SPAM
    for strike in (1, 2, 3):  # each held; the third strike ends it (spam-repeat)
        await chatter.say(SPAM)
        assert (await chatter.told()).text == RULES["spam"].message
        if strike < 3:
            assert (await chatter.challenged())["algorithm"] == "SHA-256"
    assert await chatter.ended() == "system"
    assert (await partner.expect("chat_ended"))["by"] == "stranger"
    [case] = await eventually(server.services.store.list_cases)
    [record] = await server.services.evidence.list_records(case.id)
    assert record.body["trigger"]["rule"] == "spam-repeat"
    assert [line["text"] for line in record.body["transcript"]] == [SPAM] * 5
    subject = record.body["subject"]
    assert (subject["ip"], subject["user_agent"]) == (chatter.address, chatter.user_agent)
    assert await chatter.banned() == REASONS["spam"]  # told, and why
    await chatter.gone()
    await chatter.start()
    assert await chatter.banned() in (REASONS["spam"], "")


async def test_moderation_tells_the_sender_what_became_of_its_message(door: Door) -> None:
    _, chatter, partner = await door.scene(pow_maxnumber=500)
    await meet(chatter, partner)
    # a phone number reaches an adult hidden, and the sender is told so
    await chatter.say("call me on 555 123 4567")
    got = (await partner.expect("message"))["text"]
    assert got.startswith("call me on") and "4567" not in got
    assert (await chatter.told()).kind == "masked"
    # the same advert again and again: delivered twice, then held and challenged
    for _ in range(2):
        await chatter.say(SPAM)
        assert (await partner.expect("message"))["text"] == SPAM
    await chatter.say(SPAM)
    assert (await chatter.told()).text == RULES["spam"].message
    assert (await chatter.challenged())["algorithm"] == "SHA-256"
    await partner.nothing(0.3)  # the held advert never arrives


async def test_a_report_keeps_the_chatters_words_and_details_and_parts_them(door: Door) -> None:
    server, chatter, partner = await door.scene()
    await meet(chatter, partner)
    said: list[str] = []
    for text in ("hello stranger", "call me on 555 123 4567"):
        await chatter.say(text)
        said.append((await partner.expect("message"))["text"])
    assert (await chatter.told()).kind == "masked"
    await partner.send(type="message", text="bye")
    assert await chatter.heard() == "bye"
    await partner.send(type="report", reason="harassment")
    await partner.expect("report_received")
    [case] = await server.services.store.list_cases(kind="report")
    [record] = await server.services.evidence.list_records(case.id)
    transcript = [(line["from"], line["text"]) for line in record.body["transcript"]]
    # as the reporter saw them (the phone number masked), then its own line
    assert transcript == [("reported", said[0]), ("reported", said[1]), ("reporter", "bye")]
    reported = record.body["reported"]
    assert (reported["ip"], reported["user_agent"]) == (chatter.address, chatter.user_agent)
    await partner.send(type="leave")
    await partner.expect("chat_ended")
    assert await chatter.ended() == "stranger"
    await chatter.start(["doors"])  # both look again: they are not paired
    await chatter.waiting()
    await partner.send(type="start", interests=["doors"])
    await partner.expect("waiting")
    await partner.nothing(POLL)
    await chatter.quiet()


async def test_starting_too_fast_costs_a_proof_of_work(door: Door) -> None:
    _, chatter, partner = await door.scene(
        rate_address_starts_per_minute=0.1, rate_address_starts_burst=1, pow_maxnumber=500
    )
    await chatter.start(["doors"])
    await chatter.waiting()
    await chatter.leave()
    await partner.send(type="start", interests=["doors"])
    await partner.expect("waiting")
    await chatter.start(["doors"])
    challenge = await chatter.challenged()
    await partner.nothing(0.3)  # the start is held back
    assert not await chatter.solve(WRONG)
    await partner.nothing(0.3)
    assert await chatter.solve(solve_challenge(challenge))
    await chatter.waiting()
    assert await chatter.connected() == ["doors"]
    assert (await partner.expect("connected"))["common_interests"] == ["doors"]
