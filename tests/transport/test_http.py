"""The HTTP routes beside the WebSocket: page, status, health, metrics, records."""

from __future__ import annotations

import aiohttp
from tests.conftest import ClientFactory
from tests.support import LiveServer

from passerby.storage.schema import chats


async def get(url: str) -> tuple[int, dict[str, str], str]:
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        return response.status, dict(response.headers), await response.text()


async def test_index_and_static_files_are_served_with_a_strict_policy(
    live_server: LiveServer,
) -> None:
    status, headers, body = await get(live_server.url + "/")
    assert status == 200 and "<html" in body.lower()
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, _, _ = await get(live_server.url + "/static/app.js")
    assert status == 200
    status, _, _ = await get(live_server.url + "/static/../app.py")
    assert status == 404


async def test_status_health_and_metrics_follow_activity(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a = await connect(live_server)
    b = await connect(live_server)
    await a.send(type="start")
    await a.expect("waiting")
    status, _, body = await get(live_server.url + "/status")
    assert status == 200
    assert '"online": 2' in body and '"waiting": 1' in body and '"chats": 0' in body
    await b.send(type="start")
    await b.expect("waiting")
    await a.expect("connected")
    await b.expect("connected")
    await a.send(type="message", text="hi")
    await b.expect("message")
    status, headers, metrics = await get(live_server.url + "/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    lines = dict(line.rsplit(" ", 1) for line in metrics.splitlines() if not line.startswith("#"))
    assert lines["passerby_connections"] == "2"
    assert lines["passerby_waiting_users"] == "0"
    assert lines["passerby_active_chats"] == "1"
    assert lines["passerby_messages_relayed_total"] == "1"
    assert lines["passerby_matches_total"] == "1"
    assert lines["passerby_time_to_match_seconds_count"] == "2"
    status, _, health = await get(live_server.url + "/healthz")
    assert status == 200 and '"ok"' in health


async def test_chats_are_recorded_without_participants(
    live_server: LiveServer, connect: ClientFactory
) -> None:
    a = await connect(live_server)
    b = await connect(live_server)
    await a.send(type="start", interests=["go"])
    await a.expect("waiting")
    await b.send(type="start", interests=["go"])
    await b.expect("waiting")
    await a.expect("connected")
    await b.expect("connected")
    await a.send(type="leave")
    await b.expect("chat_ended")
    services = live_server.services
    await services.recorder.flush()
    assert await services.store.count_chats() == 1
    async with services.store.engine.connect() as conn:
        [row] = (await conn.execute(chats.select())).all()
    assert row.end_reason == "leave" and row.interest_match is True
    assert row.ended_at >= row.started_at
    assert set(row._mapping) == {"id", "started_at", "ended_at", "end_reason", "interest_match"}
    assert (await services.broker.counts()).chats == 0


def test_log_lines_have_addresses_masked() -> None:
    import logging

    from passerby.transport.web import AddressMaskingFilter

    record = logging.LogRecord(
        "aiohttp.server",
        logging.ERROR,
        __file__,
        1,
        "Error handling request from %s and %s",
        ("203.0.113.77", "2001:db8:5:6::1"),
        None,
    )
    assert AddressMaskingFilter().filter(record)
    message = record.getMessage()
    assert "203.0.113.77" not in message and "203.0.113.0/24" in message
    assert "2001:db8:5:6::1" not in message and "2001:db8:5::/48" in message
