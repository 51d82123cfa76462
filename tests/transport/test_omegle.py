"""The classic Omegle HTTP API: raw endpoints and their quirks, an independent
client from PyPI (python-omegle, unmodified but for its base URL), and API
users meeting WebSocket users."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from python_omegle import InterestsChat, RandomChat
from python_omegle.chatevent import ChatEvent
from tests.conftest import ServerFactory, VisitorFactory
from tests.support import Client, LiveServer, solve_challenge

from passerby.safety.moderation_actions import Actor

POLL = 0.5  # seconds a long poll waits in these tests


@pytest.fixture
async def server(server_factory: ServerFactory) -> LiveServer:
    return await server_factory(omegle_poll_seconds=POLL)


class Api:
    """Raw calls to the API, as a client would make them."""

    def __init__(
        self, server: LiveServer, http: aiohttp.ClientSession, headers: dict[str, str] | None = None
    ) -> None:
        self.url = server.url
        self.http = http
        self.headers = headers or {}

    async def start(self, **params: str) -> Any:
        async with self.http.get(
            self.url + "/start", params=params, headers=self.headers
        ) as response:
            assert response.status == 200, await response.text()
            return await response.json(content_type=None)

    async def post(self, path: str, **form: str) -> str:
        async with self.http.post(self.url + path, data=form) as response:
            assert response.status == 200
            return await response.text()

    async def events(self, client_id: str) -> Any:
        async with self.http.post(self.url + "/events", data={"id": client_id}) as response:
            assert response.status == 200
            return await response.json(content_type=None)

    async def until(self, client_id: str, name: str, tries: int = 20) -> list[list[Any]]:
        """Poll until a batch holding event ``name``; that batch."""
        for _ in range(tries):
            batch = await self.events(client_id)
            assert batch is not None, f"the id ended before {name!r}"
            if any(event[0] == name for event in batch):
                return list(batch)
        raise AssertionError(f"no {name!r} event")


@pytest.fixture
async def api(server: LiveServer) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as http:
        yield Api(server, http)


async def start_pair(api: Api, **params: str) -> tuple[str, str, list[Any], list[Any]]:
    a = await api.start(firstevents="1", **params)
    b = await api.start(firstevents="1", **params)
    batch_a = a["events"] + (await api.until(a["clientID"], "connected"))
    batch_b = b["events"]
    if not any(e[0] == "connected" for e in batch_b):
        batch_b += await api.until(b["clientID"], "connected")
    return a["clientID"], b["clientID"], batch_a, batch_b


# --- the raw endpoints -------------------------------------------------------------


async def test_start_answers_a_client_id_and_first_events(api: Api) -> None:
    first = await api.start(firstevents="1", randid="ABCD2345", lang="en", caps="recaptcha2,t")
    assert first["clientID"].startswith("central2:") and len(first["clientID"]) > 30
    assert first["events"] == [["waiting"]]
    bare = await api.start(rcs="1", spid="", webrtc="1", unknown="x")  # no firstevents
    assert isinstance(bare, str) and bare.startswith("central2:")
    async with api.http.post(api.url + "/start", params={"firstevents": "1"}) as response:
        assert (await response.json(content_type=None))["clientID"]


async def test_connected_comes_with_common_likes_and_digests_in_one_batch(api: Api) -> None:
    _, _, batch_a, batch_b = await start_pair(api, topics='["Music","books"]')
    for batch in (batch_a, batch_b):
        names = [event[0] for event in batch]
        at = names.index("connected")
        assert names[at + 1 : at + 3] == ["commonLikes", "identDigests"]  # connected not last
        assert sorted(batch[at + 1][1]) == ["books", "music"]
        digests = batch[at + 2][1].split(",")
        assert len(digests) == 4 and all(len(d) == 32 for d in digests)
    # digests are made afresh for every chat: nothing links two chats
    _, _, again, _ = await start_pair(api, topics="music,books")  # a bare comma list works too
    assert [e for e in again if e[0] == "identDigests"] != [
        e for e in batch_a if e[0] == "identDigests"
    ]


async def test_messages_typing_and_disconnect_both_ways(api: Api) -> None:
    a, b, _, _ = await start_pair(api)
    assert await api.post("/typing", id=a) == "win"
    assert await api.post("/send", id=a, msg="hello there") == "win"
    assert await api.post("/stoppedtyping", id=a) == "win"
    seen: list[Any] = []
    while len(seen) < 3:
        seen += await api.events(b)
    assert seen == [["typing"], ["gotMessage", "hello there"], ["stoppedTyping"]]
    assert await api.post("/disconnect", id=b) == "win"
    assert ["strangerDisconnected"] in await api.until(a, "strangerDisconnected")
    assert await api.events(a) is None  # the chat is over: the id is done
    assert await api.events(b) is None
    assert await api.post("/send", id=a, msg="anyone?") == "fail"


async def test_events_is_a_real_long_poll_and_unknown_ids_answer_null(
    api: Api, server: LiveServer
) -> None:
    client = (await api.start(firstevents="1"))["clientID"]
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await api.events(client) == []  # held open, then empty
    assert loop.time() - started >= POLL * 0.9
    assert await api.events("central2:nobody") is None
    assert await api.events("") is None
    # a second poll for the same id takes over from the first, which ends cleanly
    first = asyncio.create_task(api.events(client))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(api.events(client))
    assert await first == []
    await api.start(firstevents="1")  # a stranger arrives: the newer poll hears of it
    assert ["connected"] in await second


async def test_an_abandoned_id_expires(server_factory: ServerFactory) -> None:
    server = await server_factory(omegle_poll_seconds=POLL, omegle_idle_seconds=1.0)
    async with aiohttp.ClientSession() as http:
        api = Api(server, http)
        client = (await api.start(firstevents="1"))["clientID"]
        omegle = server.services.omegle
        assert omegle is not None and len(omegle.sessions) == 1
        await asyncio.sleep(1.2)
        await omegle.sessions.expire()
        assert len(omegle.sessions) == 0
        assert await api.events(client) is None
        assert (await server.services.broker.counts()).waiting == 0


async def test_modes_that_do_not_exist_yet_and_video_answer_cleanly(api: Api) -> None:
    asked = await api.start(firstevents="1", ask="What is your favourite book?")
    assert asked["events"][0][0] == "error" and "not available" in asked["events"][0][1]
    spyee = await api.start(firstevents="1", wantsspy="1", college="x")  # an ordinary chat
    assert spyee["events"] == [["waiting"]]
    teens = await api.start(firstevents="1", section="teens")  # not open to API clients
    assert teens["events"][0][0] == "error"
    for path in ("/rtcpeerdescription", "/icecandidate"):
        assert await api.post(path, id=spyee["clientID"], desc="{}", candidate="{}") == "fail"
    async with api.http.get(api.url + "/robots.txt") as response:
        assert response.status < 500
    async with api.http.get(api.url + "/status", params={"nocache": "1"}) as response:
        status = await response.json()
    assert {"count", "servers", "antinudeservers", "spyQueueTime", "timestamp"} <= set(status)
    assert status["count"] >= 1 and status["online"] == status["count"]


async def test_a_burst_of_starts_from_one_address_is_limited(server_factory: ServerFactory) -> None:
    server = await server_factory(rate_omegle_starts_burst=3, rate_omegle_starts_per_minute=1)
    async with aiohttp.ClientSession() as http:
        codes = []
        for _ in range(5):
            async with http.get(server.url + "/start", params={"firstevents": "1"}) as response:
                codes.append(response.status)
    assert codes == [200, 200, 200, 429, 429]


# --- an independent client, unmodified ----------------------------------------------


def wait_for(chat: Any, kind: ChatEvent, limit: int = 20) -> Any:
    """python-omegle's events until one of ``kind``; its argument."""
    for _ in range(limit):
        event, argument = chat.get_event()
        if event == kind:
            return argument
    raise AssertionError(f"no {kind}")


async def in_thread(work: Callable[[], Any]) -> Any:
    """python-omegle blocks: run it beside the server's loop, with a bound."""
    return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(None, work), 30)


async def test_two_python_omegle_clients_chat(server: LiveServer) -> None:
    def chat() -> list[Any]:
        a, b = InterestsChat(["music"]), InterestsChat(["music", "books"])
        for one in (a, b):
            one._server_url = server.url
            one.start()
        common = [wait_for(a, ChatEvent.CHAT_READY), wait_for(b, ChatEvent.CHAT_READY)]
        a.send("hi from a")
        got_b = wait_for(b, ChatEvent.GOT_MESSAGE)
        b.start_typing()
        wait_for(a, ChatEvent.PARTNER_STARTED_TYPING)
        b.stop_typing()
        wait_for(a, ChatEvent.PARTNER_STOPPED_TYPING)
        b.send("hi from b")
        got_a = wait_for(a, ChatEvent.GOT_MESSAGE)
        a.disconnect()
        wait_for(b, ChatEvent.CHAT_ENDED)
        return [common, got_a, got_b]

    common, got_a, got_b = await in_thread(chat)
    assert common == [["music"], ["music"]]
    assert (got_a, got_b) == ("hi from b", "hi from a")


async def test_a_python_omegle_client_meets_a_websocket_user(
    server: LiveServer, visitor: VisitorFactory
) -> None:
    web = await (await visitor(server)).connect()
    await web.send(type="start")
    await web.expect("waiting")
    omegle = RandomChat()
    omegle._server_url = server.url
    await in_thread(omegle.start)
    assert (await web.expect("connected"))["common_interests"] == []
    await in_thread(lambda: wait_for(omegle, ChatEvent.CHAT_READY))
    await in_thread(lambda: omegle.send("hello, web"))
    assert (await web.expect("message"))["text"] == "hello, web"
    await web.send(type="typing")
    await web.send(type="message", text="hello, api")
    await in_thread(lambda: wait_for(omegle, ChatEvent.PARTNER_STARTED_TYPING))
    assert await in_thread(lambda: wait_for(omegle, ChatEvent.GOT_MESSAGE)) == "hello, api"
    await web.send(type="leave")
    await web.expect("chat_ended")
    await in_thread(lambda: wait_for(omegle, ChatEvent.CHAT_ENDED))
    # and the other way round: the API user leaves
    await web.send(type="start")
    await web.expect("waiting")
    again = RandomChat()
    again._server_url = server.url
    await in_thread(again.start)
    await web.expect("connected")
    await in_thread(again.disconnect)
    assert (await web.expect("chat_ended"))["by"] == "stranger"


# --- one service behind both doors ---------------------------------------------------


async def test_a_ban_reaches_an_api_user_as_the_apis_ban_event(
    server_factory: ServerFactory,
) -> None:
    server = await server_factory(omegle_poll_seconds=POLL, trust_forwarded_for=True)
    async with aiohttp.ClientSession() as http:
        api = Api(server, http, {"X-Forwarded-For": "198.51.100.7"})
        other = Api(server, http)
        a = (await api.start(firstevents="1"))["clientID"]
        b = (await other.start(firstevents="1"))["clientID"]
        await api.until(a, "connected")
        await server.services.actions.ban(
            Actor.system("test"),
            device=None,
            address="198.51.100.7",
            reason_code="spam",
            seconds=60,
        )
        batch = await api.until(a, "error")
        assert "banned" in batch[-1][1].lower()
        assert await api.events(a) is None
        assert ["strangerDisconnected"] in await other.until(b, "strangerDisconnected")
        assert await api.start(firstevents="1") == {}  # banned at the door
        assert (await other.start(firstevents="1"))["events"] == [["waiting"]]


async def test_the_rules_judge_api_users_and_a_report_keeps_their_evidence(
    api: Api, server: LiveServer, visitor: VisitorFactory
) -> None:
    web: Client = await (await visitor(server)).connect()
    await web.send(type="start")
    await web.expect("waiting")
    client = (await api.start(firstevents="1"))["clientID"]
    await web.expect("connected")
    await api.post("/send", id=client, msg="call me on 555 123 4567")
    said = (await web.expect("message"))["text"]
    assert "4567" not in said  # masked, as for any adult
    notices = await api.until(client, "serverMessage")
    assert any("hidden" in e[1] for e in notices if e[0] == "serverMessage")
    await web.send(type="report", reason="spam")
    await web.expect("report_received")
    [case] = await server.services.store.list_cases(kind="report")
    [record] = await server.services.evidence.list_records(case.id)
    reported = record.body["reported"]
    assert reported["ip"] == "127.0.0.1" and "aiohttp" in reported["user_agent"]
    assert record.body["transcript"][0]["text"] == said  # as the reporter saw it


@pytest.mark.parametrize(
    ("lang", "words"),
    [("es", "partes ocultas"), ("id", "disembunyikan"), ("pt", "parts hidden")],
)
async def test_an_api_clients_notices_are_in_the_language_it_asked_for(
    api: Api, server: LiveServer, visitor: VisitorFactory, lang: str, words: str
) -> None:
    """The web client's catalogue words the API's notices too; a language
    without one (Portuguese, for now) gets English."""
    web: Client = await (await visitor(server)).connect()
    await web.send(type="start", lang=lang)
    await web.expect("waiting")
    client = (await api.start(firstevents="1", lang=lang))["clientID"]
    await web.expect("connected")
    await api.post("/send", id=client, msg="call me on 555 123 4567")
    await web.expect("message")
    notices = await api.until(client, "serverMessage")
    [notice] = [e[1] for e in notices if e[0] == "serverMessage"]
    assert words in notice


async def test_an_api_client_starting_too_fast_gets_the_proof_of_work_as_a_captcha(
    server_factory: ServerFactory,
) -> None:
    server = await server_factory(
        omegle_poll_seconds=POLL,
        rate_address_starts_per_minute=0.1,
        rate_address_starts_burst=1,
        pow_maxnumber=500,
    )
    async with aiohttp.ClientSession() as http:
        api = Api(server, http)
        first = await api.start(firstevents="1")
        assert first["events"] == [["waiting"]]
        second = await api.start(firstevents="1")
        [[name, challenge]] = second["events"]
        assert name == "recaptchaRequired" and challenge["algorithm"] == "SHA-256"
        client = second["clientID"]
        assert await api.post("/recaptcha", id=client, response="bm90IGl0") == "win"
        assert (await api.until(client, "recaptchaRejected"))[0][0] == "recaptchaRejected"
        assert await api.post("/recaptcha", id=client, response=solve_challenge(challenge)) == "win"
        # solved: the start it held back goes ahead, and meets the first client
        assert ["waiting"] in await api.until(client, "connected")


async def test_a_client_that_opens_two_sessions_meets_strangers_not_itself(
    server_factory: ServerFactory,
) -> None:
    """The man-in-the-middle bot: two sessions from one address are paired
    with each other only when nobody else can be found."""
    server = await server_factory(
        omegle_poll_seconds=POLL,
        trust_forwarded_for=True,
        interest_fallback_seconds=600,
        match_window=1,  # first come, first served: the bot's own session waited longest
    )
    async with aiohttp.ClientSession() as http:
        bot = Api(server, http, {"X-Forwarded-For": "198.51.100.7"})
        stranger = Api(server, http, {"X-Forwarded-For": "203.0.113.9"})
        first = await bot.start(firstevents="1", topics='["music"]')
        other = await stranger.start(firstevents="1", topics='["chess"]')
        assert first["events"] == other["events"] == [["waiting"]]  # nothing in common
        # the bot's second session could meet either; it meets the stranger,
        # though its own first session has waited longer
        second = await bot.start(firstevents="1", topics='["music","chess"]')
        assert ["connected"] in second["events"]
        assert ["connected"] in await stranger.until(other["clientID"], "connected")
        assert await bot.events(first["clientID"]) == []  # still waiting
        # with nobody else there, sessions from one address do meet (a household)
        third = await bot.start(firstevents="1", topics='["music"]')
        assert ["connected"] in third["events"]
        assert ["connected"] in await bot.until(first["clientID"], "connected")
