"""Real WebSocket clients on 127.0.0.1 against a real server."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
import orjson
import pytest
from tests.conftest import ClientFactory, ServerFactory
from tests.support import Client, LiveServer, start_chat

GENEROUS = {
    "rate_messages_per_second": 1000.0,
    "rate_messages_burst": 1000,
    "rate_frames_per_second": 1000.0,
    "rate_frames_burst": 1000,
}


async def paired(server: LiveServer, connect: ClientFactory) -> tuple[Client, Client]:
    a = await connect(server)
    b = await connect(server)
    connected, _ = await start_chat(a, b)
    assert connected["common_interests"] == []
    return a, b


async def test_welcome_states_version_and_limits(live_server: LiveServer) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(live_server.ws_url, protocols=("passerby.v1",)) as ws,
    ):
        assert ws.protocol == "passerby.v1"
        welcome = orjson.loads(await ws.receive_str())
    assert welcome["type"] == "welcome" and welcome["protocol"] == 1
    assert welcome["online"] == 1
    assert welcome["limits"] == {
        "max_message_chars": 2000,
        "max_frame_bytes": 16384,
        "max_interests": 20,
        "max_interest_chars": 30,
    }


async def test_two_clients_are_paired_and_messages_arrive_in_order(
    server_factory: ServerFactory, connect: ClientFactory
) -> None:
    server = await server_factory(**GENEROUS)
    a, b = await paired(server, connect)
    for i in range(200):
        await a.send(type="message", text=f"line {i} from a", id=i)
        await b.send(type="message", text=f"line {i} from b")
    got_b = [(await b.expect("message"))["text"] for _ in range(200)]
    got_a = [(await a.expect("message"))["text"] for _ in range(200)]
    assert got_b == [f"line {i} from a" for i in range(200)]
    assert got_a == [f"line {i} from b" for i in range(200)]
    await a.nothing()
    await b.nothing()  # exactly once: nothing more


async def test_typing_is_relayed(live_server: LiveServer, connect: ClientFactory) -> None:
    a, b = await paired(live_server, connect)
    await a.send(type="typing")
    await b.expect("typing")
    await a.send(type="stopped_typing")
    await b.expect("stopped_typing")


async def test_next_ends_the_chat_and_finds_someone_new(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a, b = await paired(live_server, connect)
    c = await connect(live_server)
    await a.send(type="next")
    assert (await a.expect("chat_ended"))["by"] == "you"
    await a.expect("waiting")
    assert (await b.expect("chat_ended"))["by"] == "stranger"
    await c.send(type="start")
    await c.expect("waiting")
    await a.expect("connected")  # not b: b is idle, and a recent partner
    await c.expect("connected")
    await c.send(type="message", text="new friend")
    assert (await a.expect("message"))["text"] == "new friend"
    await b.nothing()


async def test_disconnect_mid_chat_tells_the_partner(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a, b = await paired(live_server, connect)
    await a.close()
    assert (await b.expect("chat_ended"))["by"] == "stranger"
    await b.send(type="message", text="anyone?", id=1)
    assert await b.expect("undelivered") == {
        "type": "undelivered",
        "reason": "not_chatting",
        "id": 1,
    }


class _GoneTransport:
    """A server socket whose peer has gone, seen before its reader notices:
    the window between the socket closing and the session's end."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def is_closing(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


async def test_a_message_to_a_closing_connection_comes_back_undelivered(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a = await connect(live_server)
    (conn_a,) = live_server.services.chat.connections()  # a's, the only one yet
    b = await connect(live_server)
    await start_chat(a, b)
    relayed = live_server.services.metrics.messages_relayed.value
    door = conn_a.door
    door.transport = _GoneTransport(door.transport)
    await b.send(type="message", text="are you there?", id=3)
    assert await b.expect("undelivered") == {
        "type": "undelivered",
        "reason": "partner_gone",
        "id": 3,
    }
    assert live_server.services.metrics.messages_relayed.value == relayed
    door.transport = door.transport._real
    await a.nothing()  # never shown to a


async def test_waiting_user_leaves_the_queue_on_disconnect(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a = await connect(live_server)
    await a.send(type="start")
    await a.expect("waiting")
    counts = await live_server.services.broker.counts()
    assert counts.waiting == 1
    await a.close()
    for _ in range(50):
        if (await live_server.services.broker.counts()).waiting == 0:
            break
        await asyncio.sleep(0.02)
    assert (await live_server.services.broker.counts()).waiting == 0
    b = await connect(live_server)
    await b.send(type="start")
    await b.expect("waiting")
    await b.nothing()  # not paired with the ghost of a


async def test_interests_are_shared_and_fall_back(
    server_factory: ServerFactory, connect: ClientFactory
) -> None:
    server = await server_factory(interest_fallback_seconds=1.0)
    a = await connect(server)
    b = await connect(server)
    c = await connect(server)
    d = await connect(server)
    await a.send(type="start", interests=["Music", "films"])
    await a.expect("waiting")
    await b.send(type="start", interests=["books", " music"])
    await b.expect("waiting")
    assert (await a.expect("connected"))["common_interests"] == ["music"]
    assert (await b.expect("connected"))["common_interests"] == ["music"]
    # c has an interest nobody shares: after the fallback it meets a random user
    await c.send(type="start", interests=["knitting"])
    await c.expect("waiting")
    await d.send(type="start")
    await d.expect("waiting")
    await d.nothing(0.3)
    assert (await c.expect("interests_fallback", timeout=5))["reason"] == "timeout"
    assert (await c.expect("connected"))["common_interests"] == []
    await d.expect("connected")


async def test_stop_interests_and_interests_only(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a = await connect(live_server)
    b = await connect(live_server)
    await a.send(type="start", interests=["chess"], interests_only=True)
    await a.expect("waiting")
    await b.send(type="start")
    await b.expect("waiting")
    await a.nothing(0.3)
    await a.send(type="stop_interests")
    assert (await a.expect("interests_fallback"))["reason"] == "asked"
    await a.expect("connected")
    await b.expect("connected")


async def test_bad_frames_get_errors_and_the_server_keeps_serving(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a, b = await paired(live_server, connect)
    bad = await connect(live_server)
    cases = [
        ("not json", "bad_json"),
        ("[]", "bad_message"),
        ('{"type":"explode"}', "unknown_type"),
        ('{"type":"message","text":5}', "bad_field"),
        ('{"type":"message","text":"' + "x" * 2001 + '"}', "too_long"),
        ('{"type":"message","text":"hi","pad":"' + "y" * 17000 + '"}', "frame_too_large"),
        ('{"type":"typing"}', "bad_state"),
    ]
    for frame, code in cases:
        await bad.send_raw(frame)
        error = await bad.expect("error")
        assert error["code"] == code, frame
        assert "Traceback" not in error["message"]
    await bad.ws.send_bytes(b"\x00\x01")
    assert (await bad.expect("error"))["code"] == "binary_not_supported"
    # the bad client is still connected and usable, and the others still chat
    await bad.send(type="ping")
    await bad.expect("pong")
    await a.send(type="message", text="still fine")
    assert (await b.expect("message"))["text"] == "still fine"


async def test_frame_over_the_hard_limit_closes_only_that_connection(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a, b = await paired(live_server, connect)
    huge = await connect(live_server)
    await huge.send_raw('{"type":"ping","pad":"' + "z" * (1024 * 1024 + 10) + '"}')
    msg = await asyncio.wait_for(huge.ws.receive(), 5)
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert huge.ws.close_code == 1009
    await a.send(type="message", text="unaffected")
    assert (await b.expect("message"))["text"] == "unaffected"


async def test_message_rate_limit_holds(live_server: LiveServer, connect: ClientFactory) -> None:
    a, b = await paired(live_server, connect)  # defaults: 5/s, bursts of 10
    for i in range(30):
        await a.send(type="message", text=f"m{i}")
    replies = [await a.recv() for _ in range(30 - 10)]
    assert all(r["type"] == "error" and r["code"] == "rate_limited" for r in replies)
    assert all(0 < r["retry_after"] <= 1 for r in replies)
    delivered = [(await b.expect("message"))["text"] for _ in range(10)]
    assert delivered == [f"m{i}" for i in range(10)]
    await b.nothing(0.3)


async def test_persistent_flood_is_closed_with_1008(
    server_factory: ServerFactory, connect: ClientFactory
) -> None:
    server = await server_factory(rate_frames_per_second=1.0, rate_frames_burst=2, flood_strikes=20)
    a = await connect(server)
    other = await connect(server)
    for _ in range(40):
        if a.ws.closed:
            break
        await a.send(type="ping")
    while True:
        msg = await asyncio.wait_for(a.ws.receive(), 5)
        if msg.type is not aiohttp.WSMsgType.TEXT:
            break
    assert (msg.type, msg.data) == (aiohttp.WSMsgType.CLOSE, 1008)
    await other.send(type="ping")
    await other.expect("pong")


async def test_connection_limit_answers_1013(
    server_factory: ServerFactory, connect: ClientFactory
) -> None:
    server = await server_factory(max_connections=1)
    await connect(server)
    async with aiohttp.ClientSession() as http, http.ws_connect(server.ws_url) as ws:
        msg = await ws.receive()
        assert msg.type is aiohttp.WSMsgType.CLOSE
        assert ws.close_code == 1013


async def test_shutdown_closes_clients_with_1001(
    server_factory: ServerFactory, connect: ClientFactory
) -> None:
    server = await server_factory()
    a = await connect(server)
    reading = asyncio.create_task(a.ws.receive())
    await server.stop()
    msg = await asyncio.wait_for(reading, 5)
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert a.ws.close_code == 1001


async def test_two_servers_in_one_process_are_independent(
    server_factory: ServerFactory, connect: ClientFactory
) -> None:
    one = await server_factory()
    two = await server_factory()
    a = await connect(one)
    b = await connect(two)
    await a.send(type="start")
    await a.expect("waiting")
    await b.send(type="start")
    await b.expect("waiting")
    await a.nothing(0.3)
    assert (await one.services.broker.counts()).waiting == 1
    assert (await two.services.broker.counts()).waiting == 1


async def test_nothing_a_stranger_receives_identifies_the_other(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a = await connect(live_server)
    b = await connect(live_server)
    await a.send(type="start", interests=["chess"])
    await a.expect("waiting")
    await b.send(type="start", interests=["chess"])
    frames = [await b.recv(), await b.recv()]  # waiting, connected
    await a.expect("connected")
    await a.send(type="typing")
    await a.send(type="message", text="hello")
    await a.send(type="stopped_typing")
    frames += [await b.recv() for _ in range(3)]
    await a.send(type="leave")
    frames.append(await b.recv())
    await b.send(type="message", text="still there?", id=9)
    frames.append(await b.recv())  # undelivered
    assert [f["type"] for f in frames] == [
        "waiting",
        "connected",
        "typing",
        "message",
        "stopped_typing",
        "chat_ended",
        "undelivered",
    ]
    allowed = {
        "type",
        "text",
        "by",
        "common_interests",
        "interests",
        "lang",
        "section",
        "reason",
        "id",
    }
    identifiers = set()
    for conn in live_server.services.chat.connections():
        identifiers |= {conn.info.user, conn.info.device, conn.info.user_agent}
    assert len(identifiers) >= 3
    for frame in frames:
        assert set(frame) <= allowed, frame
        text = orjson.dumps(frame).decode()
        assert "127.0.0.1" not in text
        for identifier in identifiers:
            assert identifier not in text


async def test_logs_hold_no_message_text_and_no_address(
    live_server: LiveServer, connect: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    a, b = await paired(live_server, connect)
    await a.send(type="message", text="my secret words")
    await b.expect("message")
    async with (
        aiohttp.ClientSession() as http,
        http.get(live_server.url + "/status?who=me") as response,
    ):
        assert response.status == 200
    assert "GET /status 200" in caplog.text  # the access log is on...
    assert "my secret words" not in caplog.text  # ...and holds no text,
    assert "127.0.0.1" not in caplog.text  # no address,
    assert "who=me" not in caplog.text  # no query string


async def test_a_silent_client_is_pinged_and_dropped_and_a_live_one_is_kept(
    server_factory: ServerFactory,
) -> None:
    server = await server_factory(heartbeat_seconds=0.4)
    async with aiohttp.ClientSession() as http:
        # aiohttp's client answers pings by itself; the silent one does not.
        live = await http.ws_connect(server.ws_url, protocols=("passerby.v1",))
        silent = await http.ws_connect(server.ws_url, protocols=("passerby.v1",), autoping=False)
        assert orjson.loads(await silent.receive_str())["type"] == "welcome"
        assert orjson.loads(await live.receive_str())["type"] == "welcome"
        live_reader = asyncio.ensure_future(live.receive())  # keeps reading, answers pings
        ping = await asyncio.wait_for(silent.receive(), 5)
        assert ping.type is aiohttp.WSMsgType.PING
        end = await asyncio.wait_for(silent.receive(), 5)  # no pong: dropped
        assert end.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
        await asyncio.sleep(1.0)  # two more heartbeats
        assert not live_reader.done() and not live.closed
        assert server.services.metrics.connections == 1
        live_reader.cancel()
        await live.close()


async def test_the_server_answers_a_clients_ping(live_server: LiveServer) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(live_server.ws_url, protocols=("passerby.v1",), autoping=False) as ws,
    ):
        assert orjson.loads(await ws.receive_str())["type"] == "welcome"
        await ws.ping(b"are you there")
        pong = await asyncio.wait_for(ws.receive(), 5)
        assert pong.type is aiohttp.WSMsgType.PONG and pong.data == b"are you there"
