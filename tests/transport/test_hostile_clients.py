"""What one hostile client can send at the edge, and what it must not achieve.

Each test names a way one client could hurt others (evade moderation, take
every connection slot, pin the server's memory, fill its log) and checks
over real sockets that it no longer works, while everyone else is served.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from tests.conftest import ServerFactory, VisitorFactory
from tests.support import (
    LiveServer,
    RawClient,
    Visitor,
    eventually,
    nodes_on_redis,
    solve_challenge,
    start_chat,
)

from passerby.service.chat import ChatService
from passerby.transport.outbox import KERNEL_RECEIVE_BUFFER, KERNEL_SEND_BUFFER

# Bytes that are not UTF-8 (aiohttp's parser refuses control characters).
BAD_AGENT = b"User-Agent: Mozilla/5.0 \xff\xfe(hostile\xc3)\r\n"


RawFactory = Callable[..., Awaitable[RawClient]]


@pytest.fixture
async def open_raw() -> AsyncIterator[RawFactory]:
    """Open raw clients (``await open_raw(server, headers)``); all closed at teardown."""
    opened: list[RawClient] = []

    async def make(server: LiveServer, headers: bytes = b"") -> RawClient:
        client = await RawClient.open(server, headers)
        opened.append(client)
        return client

    yield make
    for client in opened:
        await client.aclose()


def cookie_header(visitor: Visitor) -> bytes:
    assert visitor.cookie is not None
    return f"Cookie: passerby_device={visitor.cookie}\r\n".encode()


async def raw(open_raw: RawFactory, visitor: Visitor) -> RawClient:
    """``visitor``'s browser, connecting with an undecodable User-Agent."""
    client = await open_raw(visitor.server, cookie_header(visitor) + BAD_AGENT)
    assert client.status == 101, client.head
    await client.expect("welcome")
    return client


# --- values from the client are normalised at the edge -------------------------


async def test_a_client_with_an_undecodable_user_agent_can_be_reported(
    open_raw: RawFactory, live_server: LiveServer, visitor: VisitorFactory
) -> None:
    hostile = await raw(open_raw, await visitor(live_server))
    reporter = await (await visitor(live_server)).connect()
    await start_chat(hostile, reporter)  # a raw client speaks the same
    await hostile.send(type="message", text="hello")
    await reporter.expect("message")
    await reporter.send(type="report", reason="harassment")
    received = await reporter.expect("report_received")
    assert received["report"]
    [case] = await live_server.services.store.list_cases(kind="report")
    [record] = await live_server.services.evidence.list_records(case.id)
    agent = record.body["reported"]["user_agent"]
    assert agent.startswith("Mozilla/5.0 ") and "hostile" in agent
    assert "\ufffd" in agent  # the bad bytes, visibly replaced
    assert (await live_server.services.evidence.verify()).ok


async def test_child_safety_rules_act_on_a_client_with_an_undecodable_user_agent(
    open_raw: RawFactory, live_server: LiveServer, visitor: VisitorFactory
) -> None:
    groomer = await visitor(live_server, band="13-17")
    hostile = await raw(open_raw, groomer)
    teen = await (await visitor(live_server, band="13-17")).connect()
    await start_chat(hostile, teen)  # a raw client speaks the same
    await hostile.send(type="message", text="im 34 btw")
    await hostile.expect("held")
    await teen.expect("chat_ended")
    store = live_server.services.store
    [case] = await eventually(lambda: store.list_cases(kind="child_safety"))
    assert case.subject == groomer.device
    state = await eventually(lambda: _low_trust(live_server, groomer.device))
    assert state


async def _low_trust(server: LiveServer, device: str) -> bool:
    server.services.devices.forget(device)
    return (await server.services.devices.state(device)).low_trust


async def test_a_client_with_an_undecodable_user_agent_can_start_on_redis(
    open_raw: RawFactory, server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    async with nodes_on_redis(server_factory, count=1) as (server,):
        hostile = await raw(open_raw, await visitor(server))
        other = await (await visitor(server)).connect()
        await start_chat(hostile, other)  # a raw client speaks the same


async def test_two_different_device_cookies_are_refused_by_every_door(
    open_raw: RawFactory, live_server: LiveServer, visitor: VisitorFactory
) -> None:
    one, two = await visitor(live_server), await visitor(live_server)
    both = f"Cookie: passerby_device={one.cookie}; passerby_device={two.cookie}\r\n".encode()
    refused = await open_raw(live_server, both)
    assert refused.status == 400 and b"bad_cookie" in await refused.body()
    host, port = live_server.url.removeprefix("http://").rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(b"GET /api/entry HTTP/1.1\r\nHost: x\r\n" + both + b"\r\n")
    answer = await asyncio.wait_for(reader.readuntil(b"bad_cookie"), 5)
    writer.close()
    assert answer.startswith(b"HTTP/1.1 400 ")
    # the same cookie twice is that cookie
    same = f"Cookie: passerby_device={one.cookie}; passerby_device={one.cookie}\r\n".encode()
    accepted = await open_raw(live_server, same)
    assert accepted.status == 101
    await accepted.expect("welcome")
    await accepted.send(type="start")
    await accepted.expect("waiting")  # declared: the device was read


async def test_a_handshake_with_a_key_that_is_not_ascii_is_a_clean_400(
    live_server: LiveServer, caplog: pytest.LogCaptureFixture
) -> None:
    host, port = live_server.url.removeprefix("http://").rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(
        b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \xff\xfe" + b"A" * 2000 + b"\r\n\r\n"
    )
    answer = await asyncio.wait_for(reader.readuntil(b"bad_handshake"), 5)
    writer.close()
    assert answer.startswith(b"HTTP/1.1 400") and b"bad_handshake" in answer
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# --- one address, one device: bounded connections ----------------------------


async def test_one_address_cannot_take_every_connection(
    open_raw: RawFactory, server_factory: ServerFactory
) -> None:
    server = await server_factory(
        max_connections=20, max_connections_per_address=3, trust_forwarded_for=True
    )
    mine = b"X-Forwarded-For: 198.51.100.7\r\n"
    held = [await open_raw(server, mine) for _ in range(3)]
    assert all(c.status == 101 for c in held)
    extra = await open_raw(server, mine)
    assert await extra.closed_with() == 1013
    # IPv6: the /64 is one network
    v6 = [
        await open_raw(server, f"X-Forwarded-For: 2001:db8:1:2::{i}\r\n".encode())
        for i in range(1, 5)
    ]
    assert [c.status for c in v6] == [101] * 4
    assert await v6[3].closed_with() == 1013
    # someone else still gets in
    other = await open_raw(server, b"X-Forwarded-For: 203.0.113.9\r\n")
    await other.expect("welcome")
    # a slot comes back when a connection closes
    await held[0].aclose()

    async def room() -> bool:
        again = await open_raw(server, mine)
        try:
            await again.expect("welcome", timeout=1)
        except AssertionError:
            return False
        return True

    assert await eventually(room)
    assert server.services.metrics.refused_connections.value >= 2


async def test_one_device_has_a_bounded_number_of_connections(
    open_raw: RawFactory, server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(max_connections_per_device=2)
    browser = await visitor(server)
    first, second = await browser.connect(), await browser.connect()
    third = await open_raw(server, cookie_header(browser))
    assert await third.closed_with() == 1013
    await first.send(type="start")
    await first.expect("waiting")
    await second.close()


# --- control frames count, and unread output is capped ------------------------


async def test_a_ping_flood_is_rate_limited_and_closed_like_any_flood(
    open_raw: RawFactory, live_server: LiveServer, visitor: VisitorFactory
) -> None:
    flooder = await open_raw(live_server)
    await flooder.expect("welcome")
    for _ in range(400):
        flooder.send_frame(0x9, b"x" * 100)
    await flooder.writer.drain()
    pongs = 0
    while True:
        opcode, payload = await flooder.frame()
        if opcode == 0xA:
            pongs += 1
        elif opcode == 0x8:
            assert int.from_bytes(payload[:2], "big") == 1008
            break
    # the burst of the frame limit, and a few more as it refills
    assert 30 <= pongs <= 60
    # The server stopped reading at once: it does not wait (reading on) for
    # a close frame this client will never send.
    for _ in range(100):
        flooder.send_frame(0x9, b"x")
    with contextlib.suppress(ConnectionError):
        await flooder.writer.drain()
        assert await asyncio.wait_for(flooder.reader.read(), 1.0) == b""
    assert live_server.services.chat.connections() == []
    # everyone else is still served
    a, b = (
        await (await visitor(live_server)).connect(),
        await (await visitor(live_server)).connect(),
    )
    await start_chat(a, b)


async def test_the_kernel_queues_of_a_connection_are_bounded(
    open_raw: RawFactory, live_server: LiveServer
) -> None:
    client = await open_raw(live_server)
    await client.expect("welcome")
    [conn] = live_server.services.chat.connections()
    sock = conn.door.transport.get_extra_info("socket")
    assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) == 2 * KERNEL_SEND_BUFFER
    assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) == 2 * KERNEL_RECEIVE_BUFFER


# --- a band change reaches open connections ------------------------------------


async def test_a_band_change_ends_the_connections_in_the_old_section(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(band_change_cooldown_hours=0.0)
    browser = await visitor(server, band="13-17")
    waiting, idle = await browser.connect(), await browser.connect()
    await waiting.send(type="start")
    assert (await waiting.expect("waiting"))["section"] == "teens"
    status, body = await browser.declare("18+")
    assert status == 200 and body["section"] == "adults"
    for conn in (waiting, idle):
        error = await conn.expect("error")
        assert error["code"] == "section_changed"
        msg = await conn.ws.receive()
        assert msg.data == 4001, msg
    assert (await server.services.broker.counts()).waiting == 0
    fresh = await browser.connect()
    await fresh.send(type="start")
    assert (await fresh.expect("waiting"))["section"] == "adults"


async def test_a_pending_band_change_applies_when_it_falls_due(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(band_change_cooldown_hours=1.0)
    browser = await visitor(server, band="18+")
    adult_chat, partner = await browser.connect(), await (await visitor(server)).connect()
    await start_chat(adult_chat, partner)
    status, body = await browser.declare("13-17")
    assert status == 200 and body["pending_band"] == "13-17"
    device = browser.device
    chat = server.services.chat
    # every node heard of the declaration and noted when it falls due
    due = await eventually(lambda: _due(chat, device))
    assert due > datetime.now(UTC) + timedelta(minutes=59)
    await adult_chat.send(type="message", text="still here")  # nothing changes yet
    await partner.expect("message")
    await chat._bands_due()
    await adult_chat.nothing(0.2)
    # an hour later (moved by hand: the due time, then the round that finds it)
    chat._band_due[device] = datetime.now(UTC) - timedelta(seconds=1)
    row = await server.services.store.get_device(device)
    assert row is not None
    await server.services.store.put_device(
        replace(row, pending_until=datetime.now(UTC) - timedelta(seconds=1))
    )
    await chat._bands_due()
    assert (await adult_chat.expect("error"))["code"] == "section_changed"
    assert (await partner.expect("chat_ended"))["by"] == "stranger"


async def _due(chat: ChatService, device: str) -> datetime | None:
    return chat._band_due.get(device)


async def test_a_band_change_reaches_connections_on_another_node(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    async with nodes_on_redis(server_factory, band_change_cooldown_hours=0.0) as (one, two):
        browser = await visitor(one, band="13-17")
        browser.server = two
        there = await browser.connect()
        await there.send(type="start")
        assert (await there.expect("waiting"))["section"] == "teens"
        browser.server = one
        status, _ = await browser.declare("18+")
        assert status == 200
        assert (await there.expect("error"))["code"] == "section_changed"


# --- proxies, hosts and headers ------------------------------------------------


async def test_the_cookie_is_secure_and_hsts_is_sent_behind_a_trusted_tls_proxy(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    body = {"age_band": "18+", "accept_rules": True}
    tls = {"X-Forwarded-Proto": "https"}
    trusting = await server_factory(trust_forwarded_for=True)
    browser = await visitor(trusting, band=None)
    async with browser.http.post(trusting.url + "/api/entry", json=body, headers=tls) as response:
        assert response.status == 200
        assert "Secure" in response.headers["Set-Cookie"]
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    async with browser.http.get(trusting.url + "/", headers={}) as response:
        assert "Strict-Transport-Security" not in response.headers  # plain HTTP
    # without trust, a client's claim changes nothing
    direct = await server_factory()
    other = await visitor(direct, band=None)
    async with other.http.post(direct.url + "/api/entry", json=body, headers=tls) as response:
        assert response.status == 200
        assert "Secure" not in response.headers["Set-Cookie"]
        assert "Strict-Transport-Security" not in response.headers


async def test_the_server_header_names_no_versions(
    open_raw: RawFactory, live_server: LiveServer
) -> None:
    client = await open_raw(live_server)
    assert b"\r\nServer: Passerby\r\n" in client.head
    visitor = Visitor(live_server)
    try:
        async with visitor.http.get(live_server.url + "/status") as response:
            assert response.headers["Server"] == "Passerby"
    finally:
        await visitor.close()


async def test_with_a_public_url_another_host_is_refused(
    open_raw: RawFactory, server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(public_url="https://chat.example.org")
    rebound = await open_raw(server, b"Host: attacker.example:8080\r\n")
    assert rebound.status == 421 and b"bad_host" in await rebound.body()
    ours = await open_raw(server, b"Host: chat.example.org\r\n")
    assert ours.status == 101
    browser = Visitor(server)
    try:
        body = {"age_band": "18+", "accept_rules": True}
        headers = {"Host": "attacker.example"}
        async with browser.http.post(server.url + "/api/entry", json=body, headers=headers) as r:
            assert r.status == 421
    finally:
        await browser.close()


# --- evidence that cannot be written -------------------------------------------


async def test_a_report_that_cannot_be_stored_says_so_and_health_is_degraded(
    live_server: LiveServer, visitor: VisitorFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = live_server.services
    a, b = (
        await (await visitor(live_server)).connect(),
        await (await visitor(live_server)).connect(),
    )
    await start_chat(a, b)

    async def disk_full(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(services.store, "write_evidence", disk_full)
    monkeypatch.setattr(services.evidence.spool, "path", Path("/dev/full"))
    await a.send(type="report", reason="spam")
    error = await a.expect("error")
    assert (error["code"], error["ref"]) == ("report_not_saved", "report")
    health = Visitor(live_server)
    try:
        async with health.http.get(live_server.url + "/healthz") as response:
            body = await response.json()
        assert body["status"] == "degraded"
        assert body["store"] == "degraded" and body["spool"] == "degraded"
    finally:
        await health.close()
    # once the disk has room again, the same report goes through
    monkeypatch.undo()
    await a.send(type="report", reason="spam")
    await a.expect("report_received")
    async with Visitor(live_server).http as http, http.get(live_server.url + "/healthz") as r:
        assert (await r.json())["status"] == "ok"


# --- the log stays small whatever clients send ----------------------------------


async def test_malformed_requests_cost_one_short_line_each_at_most(
    live_server: LiveServer, caplog: pytest.LogCaptureFixture
) -> None:
    host, port = live_server.url.removeprefix("http://").rsplit(":", 1)
    marker = b"SECRETBYTES" * 20
    bad = [
        b"GET /" + marker * 40 + b" HTTP/1.1\r\nHost: x\r\n\r\n",  # request line too long
        b"GET / HTTP/1.1\r\nHost: x\r\nX: " + marker * 80 + b"\r\n\r\n",  # header too long
        b"GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: \x01" + marker + b"\r\n\r\n",  # bad char
        b"\x16\x03\x01\x02\x00" + marker,  # TLS to a plain port
    ]
    caplog.set_level(logging.DEBUG)
    for i in range(120):
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(bad[i % len(bad)])
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            await asyncio.wait_for(reader.read(65536), 5)
        writer.close()
    lines = [r for r in caplog.records if r.name.startswith(("aiohttp", "passerby"))]
    text = "\n".join(r.getMessage() for r in lines)
    assert b"SECRETBYTES".decode() not in text
    assert not any(r.exc_info for r in lines)
    refused = [r for r in lines if "malformed request" in r.getMessage()]
    # ten lines a minute at most, however many arrive; the others are counted
    assert 1 <= len(refused) <= 10
    assert all(len(r.getMessage()) < 200 for r in lines)


# --- starting chats in bulk costs more and more ---------------------------------


async def test_an_address_starting_too_fast_must_solve_ever_harder_challenges(
    open_raw: RawFactory, server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(
        trust_forwarded_for=True,
        rate_address_starts_per_minute=0.1,
        rate_address_starts_burst=3,
        pow_maxnumber=500,
        pow_address_solves=1,
    )
    farm = b"X-Forwarded-For: 198.51.100.7\r\n"
    bots = []
    for _ in range(4):  # four devices, one address
        bot = await open_raw(server, cookie_header(await visitor(server)) + farm)
        await bot.expect("welcome")
        bots.append(bot)
    for bot in bots[:3]:
        await bot.send(type="start")
        await bot.expect("waiting")
    last = bots[3]
    await last.send(type="start")
    first = await last.expect("challenge")
    assert (await last.expect("error"))["code"] == "challenge_required"
    await last.send(type="solve", payload=solve_challenge(first))
    await last.expect("challenge_passed")
    await last.send(type="start")  # a solve buys a few starts
    await last.expect("waiting")
    # the next challenge from this address costs twice the work
    other = await open_raw(server, cookie_header(await visitor(server)) + farm)
    await other.expect("welcome")
    for _ in range(8):
        await other.send(type="start")
        frame = await other.frame()
        if b'"challenge"' in frame[1]:
            break
        await other.send(type="leave")
    second = orjson.loads(frame[1])
    assert second["maxnumber"] == 2 * first["maxnumber"]
    # another address is not affected
    elsewhere = await open_raw(
        server, cookie_header(await visitor(server)) + b"X-Forwarded-For: 203.0.113.9\r\n"
    )
    await elsewhere.expect("welcome")
    await elsewhere.send(type="start")
    await elsewhere.expect("waiting")


# --- one sender cannot take the event loop ---------------------------------------


async def test_a_sender_whose_messages_cost_too_much_is_paused_while_others_chat(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    chat = live_server.services.chat
    costly = {"on": False}
    ticks = [0.0]

    def timer() -> float:
        # Frames cost 0.3 s of the loop each while "on": far past the share.
        ticks[0] += 0.3 if costly["on"] else 0.0
        return ticks[0]

    chat._timer = timer
    attacker = await (await visitor(live_server)).connect()
    victim = await (await visitor(live_server)).connect()
    await start_chat(attacker, victim)
    costly["on"] = True
    await attacker.send(type="message", text="one")
    await attacker.send(type="message", text="two")  # the burst is spent: a pause follows
    await victim.expect("message")
    await victim.expect("message")
    costly["on"] = False
    await attacker.send(type="message", text="three")  # waits in the attacker's socket
    a = await (await visitor(live_server)).connect()
    b = await (await visitor(live_server)).connect()
    await start_chat(a, b)
    for n in range(5):
        await a.send(type="message", text=f"hello {n}")
        assert (await b.expect("message"))["text"] == f"hello {n}"
    await victim.nothing(0.1)  # still paused
    assert live_server.services.metrics.work_pauses.value == 1
    assert (await victim.expect("message", timeout=5))["text"] == "three"


async def test_an_address_that_floods_and_reconnects_is_slowed_at_the_door(
    open_raw: RawFactory, server_factory: ServerFactory
) -> None:
    server = await server_factory(
        rate_connections_burst=25, rate_connections_per_minute=1, trust_forwarded_for=True
    )
    flooder = b"X-Forwarded-For: 198.51.100.7\r\n"
    first = await open_raw(server, flooder)
    await first.expect("welcome")
    for _ in range(300):
        first.send_frame(0x9, b"")
    with contextlib.suppress(ConnectionError):
        await first.writer.drain()
    assert await first.closed_with() == 1008
    # the flood used up 20 of the 25 connections this address may open
    statuses = [(await open_raw(server, flooder)).status for _ in range(6)]
    assert statuses[:4] == [101] * 4 and statuses[-1] == 429
    other = await open_raw(server, b"X-Forwarded-For: 203.0.113.9\r\n")  # others are not
    assert other.status == 101
