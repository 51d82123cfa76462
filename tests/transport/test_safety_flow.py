"""Trust and safety end to end over real HTTP and WebSockets."""

from __future__ import annotations

import asyncio
import os
import secrets
import time

import aiohttp
import pytest
from tests.cluster.conftest import delete_prefix
from tests.conftest import ServerFactory, VisitorFactory
from tests.support import (
    Client,
    LiveServer,
    Visitor,
    eventually,
    solve_challenge,
    start_chat,
)
from yarl import URL

from passerby.cluster.broker import MISSED, Notice
from passerby.cluster.redis.broker import key_prefix
from passerby.safety.moderation_actions import Actor
from passerby.transport.api import UNDER_13_COOKIE, UNDER_13_MEMORY_SECONDS


async def chat(a: Visitor, b: Visitor) -> tuple[Client, Client]:
    ca = await a.connect()
    cb = await b.connect()
    await start_chat(ca, cb)
    return ca, cb


async def test_an_under_13_refusal_is_remembered_by_the_browser(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    child = await visitor(live_server, band=None)
    status, body = await child.declare("under13")
    assert status == 400 and body["code"] == "under_13"
    [marker] = [c for c in child.http.cookie_jar if c.key == UNDER_13_COOKIE]
    assert int(marker["max-age"]) == UNDER_13_MEMORY_SECONDS == 7 * 86400
    assert marker["httponly"]
    # "18 or older" a second later: refused all the same, no device cookie.
    for band in ("18+", "13-17"):
        status, body = await child.declare(band)
        assert status == 400 and body["code"] == "under_13"
    assert child.cookie is None
    entry = live_server.url + "/api/entry"
    async with child.http.get(entry) as response:
        assert (await response.json())["under_13"] is True
    # Once its time is over, the browser may declare again.
    child.http.cookie_jar.clear()
    past = {UNDER_13_COOKIE: str(int(time.time()) - 1)}
    child.http.cookie_jar.update_cookies(past, URL(live_server.url))
    status, body = await child.declare("18+")
    assert status == 200 and child.cookie is not None
    # Another browser never was refused.
    other = await visitor(live_server, band=None)
    assert (await other.declare("18+"))[0] == 200


async def test_entry_sets_an_httponly_cookie_and_refuses_under_13(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    child = await visitor(live_server, band=None)
    status, body = await child.declare("under13")
    assert status == 400 and body["code"] == "under_13"
    assert "13" in body["message"]
    assert child.cookie is None
    status, body = await child.declare("18+", accept_rules=False)
    assert status == 400 and body["code"] == "rules_not_accepted"
    entry = live_server.url + "/api/entry"
    json_type = {"Content-Type": "application/json"}
    async with child.http.post(entry, data=b"{nope", headers=json_type) as response:
        assert response.status == 400
        assert (await response.json())["code"] == "bad_request"
    # a plain form post (what another site's page can send) is refused
    form = {"age_band": "18+", "accept_rules": "true"}
    async with child.http.post(entry, data=form) as response:
        assert response.status == 415
    hostile = {"Origin": "https://evil.example", **json_type}
    body = b'{"age_band": "18+", "accept_rules": true}'
    async with child.http.post(entry, data=body, headers=hostile) as response:
        assert response.status == 403
        assert (await response.json())["code"] == "bad_origin"
    assert child.cookie is None

    adult = await visitor(live_server, band=None)
    async with adult.http.post(
        live_server.url + "/api/entry", json={"age_band": "18+", "accept_rules": True}
    ) as response:
        assert response.status == 200
        set_cookie = response.headers["Set-Cookie"]
        body = await response.json()
    assert "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie
    assert body == {
        "declared": True,
        "band": "18+",
        "section": "adults",
        "text_only": False,
        "pending_band": None,
        "pending_until": None,
        "challenge": None,
        "ban": None,
    }
    async with adult.http.get(live_server.url + "/api/entry") as response:
        assert (await response.json())["section"] == "adults"


async def test_start_without_entry_is_refused(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    anonymous = await visitor(live_server, band=None)
    client = await anonymous.connect()
    await client.send(type="start")
    error = await client.expect("error")
    assert error["code"] == "entry_required"


async def test_an_adult_is_never_paired_with_a_teen(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    adult = await (await visitor(live_server, band="18+")).connect()
    teen = await (await visitor(live_server, band="13-17")).connect()
    await adult.send(type="start")
    assert (await adult.expect("waiting"))["section"] == "adults"
    await teen.send(type="start")
    assert (await teen.expect("waiting"))["section"] == "teens"
    await adult.nothing(0.5)
    await teen.nothing(0.1)
    other_teen = await (await visitor(live_server, band="13-17")).connect()
    await other_teen.send(type="start")
    await other_teen.expect("waiting")
    await teen.expect("connected")
    await other_teen.expect("connected")


async def test_report_writes_chained_evidence_and_the_pair_never_meets_again(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    a = await visitor(live_server)
    b = await visitor(live_server)
    ca, cb = await chat(a, b)
    await cb.send(type="message", text="you are boring")
    await ca.expect("message")
    await ca.send(type="message", text="ok then")
    await cb.expect("message")
    await ca.send(type="report", reason="harassment", comment="rude from the start")
    received = await ca.expect("report_received")
    await cb.nothing(0.3)  # the reported side learns nothing

    services = live_server.services
    report = await services.evidence.verify()
    assert report.ok and report.records == 1
    [record] = await services.evidence.list_records()
    body = record.body
    assert record.kind == "report" and record.id == received["report"]
    assert body["reason"] == "harassment" and body["comment"] == "rude from the start"
    assert [(line["from"], line["text"]) for line in body["transcript"]] == [
        ("reported", "you are boring"),
        ("reporter", "ok then"),
    ]
    assert body["section"] == "adults"
    for side, visitor_ in (("reporter", a), ("reported", b)):
        assert body[side]["device_hash"] == visitor_.device
        assert body[side]["ip"] == "127.0.0.1" and body[side]["port"] > 0
        assert body[side]["user_agent"].startswith("Python")
        assert body[side]["session"]
    [case] = await services.store.list_cases()
    assert case.kind == "report" and case.subject == b.device and case.priority == 2

    # reporting the same person again (from the last chat) joins the same case
    await ca.send(type="leave")
    await ca.expect("chat_ended")
    await cb.expect("chat_ended")
    await ca.send(type="report", reason="hate", chat="last")
    again = await ca.expect("report_received")  # one chat, one report
    assert again["report"] == received["report"]
    assert len(await services.store.list_cases()) == 1
    assert (await services.evidence.verify()).records == 1

    # and they are never matched again, even from new connections
    ca2 = await a.connect()
    cb2 = await b.connect()
    await ca2.send(type="start")
    await ca2.expect("waiting")
    await cb2.send(type="start")
    await cb2.expect("waiting")
    await ca2.nothing(0.5)


async def test_nothing_to_report_and_bad_reports(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    client = await (await visitor(live_server)).connect()
    await client.send(type="report", reason="spam")
    assert (await client.expect("error"))["code"] == "nothing_to_report"
    await client.send(type="report", reason="boredom")
    assert (await client.expect("error"))["code"] == "bad_field"
    await client.send(type="report", reason=["spam"])  # not a string at all
    assert (await client.expect("error"))["code"] == "bad_field"
    await client.send(type="report", reason="spam", comment="x" * 1001)
    assert (await client.expect("error"))["code"] == "too_long"


async def test_a_report_survives_a_server_restart(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory()
    ca, cb = await chat(await visitor(server), await visitor(server))
    await cb.send(type="message", text="evidence line")
    await ca.expect("message")
    await ca.send(type="report", reason="sexual")
    await ca.expect("report_received")
    await server.stop()
    again = await server_factory()  # same data folder, a new process state
    report = await again.services.evidence.verify()
    assert report.ok and report.records == 1
    [record] = await again.services.evidence.list_records()
    assert record.body["transcript"][0]["text"] == "evidence line"


async def test_report_is_spooled_while_the_store_is_down_and_replayed(
    live_server: LiveServer, visitor: VisitorFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = live_server.services
    ca, _ = await chat(await visitor(live_server), await visitor(live_server))
    original = services.store.write_evidence

    async def down(*args: object, **kwargs: object) -> object:
        raise ConnectionError("database unavailable")

    monkeypatch.setattr(services.store, "write_evidence", down)
    await ca.send(type="report", reason="spam")
    await ca.expect("report_received")  # received: it is on disk in the spool
    spool = services.evidence.spool
    assert spool.pending() and spool.read()[0]["body"]["reason"] == "spam"
    assert (await services.evidence.verify()).records == 0
    with pytest.raises(ConnectionError):
        await services.evidence.replay()
    assert spool.pending()
    monkeypatch.setattr(services.store, "write_evidence", original)
    assert await services.evidence.replay() == 1
    assert not spool.pending()
    report = await services.evidence.verify()
    assert report.ok and report.records == 1


async def test_bans_hold_across_reconnects_and_can_be_appealed(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    banned = await visitor(live_server)
    client = await banned.connect()
    await live_server.services.actions.ban(
        Actor.system("test"),
        device=banned.device,
        address=None,
        reason_code="harassment",
        seconds=3600,
    )
    frame = await client.expect("banned")
    assert frame["reason_code"] == "harassment" and frame["appeal"] is True
    assert frame["expires_at"]
    # The ban reached the open connection at once (a notice), before any start.
    msg = await asyncio.wait_for(client.ws.receive(), 5)
    assert (msg.type, msg.data) == (aiohttp.WSMsgType.CLOSE, 1008)

    again = await banned.connect()  # a new connection: banned at once
    assert (await again.expect("banned"))["reason_code"] == "harassment"
    status, body = await banned.declare("18+")
    assert status == 403 and body["code"] == "banned"

    async with banned.http.post(
        live_server.url + "/api/appeal", json={"text": "I was joking with a friend"}
    ) as response:
        assert response.status == 202
        case_id = (await response.json())["case"]
    [case] = await live_server.services.store.list_cases(kind="appeal")
    assert case.id == case_id
    innocent = await visitor(live_server)
    async with innocent.http.post(live_server.url + "/api/appeal", json={"text": "hi"}) as r:
        assert r.status == 404


async def test_proof_of_work_at_entry(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(pow_at_entry=True, pow_maxnumber=3000)
    newcomer = await visitor(server, band=None)
    status, body = await newcomer.declare("18+")
    assert status == 403 and body["code"] == "challenge_required"
    status, body = await newcomer.declare("18+", solution="bm9wZQ==")
    assert status == 403
    status, body = await newcomer.declare("18+", solution=solve_challenge(body["challenge"]))
    assert status == 200 and body["section"] == "adults"


async def test_repeated_spam_is_held_and_must_solve_a_challenge(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(pow_maxnumber=3000)
    ca, cb = await chat(await visitor(server), await visitor(server))
    spam = "any old phone fans?"  # repeated; not an advert by its words
    for _ in range(2):
        await ca.send(type="message", text=spam)
        await cb.expect("message")
    await ca.send(type="message", text=spam, id=3)
    held = await ca.expect("held")
    assert held["id"] == 3 and held["code"] == "spam"
    challenge = await ca.expect("challenge")
    await cb.nothing(0.2)
    await ca.send(type="next")
    assert (await ca.expect("error"))["code"] == "challenge_required"
    await ca.send(type="solve", payload="bm9wZQ==")
    assert (await ca.expect("error"))["code"] == "bad_solution"
    await ca.send(type="solve", payload=solve_challenge(challenge))
    await ca.expect("challenge_passed")
    await ca.send(type="next")
    assert (await ca.expect("chat_ended"))["by"] == "you"


async def test_moderation_masks_for_adults_and_holds_for_teens(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    ca, cb = await chat(await visitor(live_server), await visitor(live_server))
    await ca.send(type="message", text="mail me at someone@example.com ok", id=1)
    masked = await ca.expect("masked")
    assert "someone@example.com" not in masked["text"] and masked["id"] == 1
    got = await cb.expect("message")
    assert "someone@example.com" not in got["text"]

    ta, tb = await chat(
        await visitor(live_server, band="13-17"), await visitor(live_server, band="13-17")
    )
    await ta.send(type="message", text="text me on 555 123 4567", id=7)
    held = await ta.expect("held")
    assert held["id"] == 7 and held["code"] == "teens-personal-data"
    assert "personal details" in held["reason"]
    await ta.nothing(0.3)  # one notice: no `warning` repeats it
    await tb.nothing(0.3)


async def test_adults_who_have_talked_may_swap_numbers(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    ca, cb = await chat(await visitor(live_server), await visitor(live_server))
    # In the opening a number is hidden (where scams drop theirs) ...
    await ca.send(type="message", text="hi! text me on 555 123 4567", id=1)
    assert (await ca.expect("masked"))["id"] == 1
    assert "4567" not in (await cb.expect("message"))["text"]
    # ... once the stranger has sent three messages, it is theirs to share.
    for line in ("hey", "selling the bike then?", "can i get your number to arrange it?"):
        await cb.send(type="message", text=line)
        await ca.expect("message")
    await ca.send(type="message", text="sure, 555 123 4567, I'm Sam", id=2)
    assert (await cb.expect("message"))["text"] == "sure, 555 123 4567, I'm Sam"
    await ca.nothing(0.3)  # neither masked nor warned


async def test_an_adult_pattern_in_the_teen_section_ends_the_chat_and_opens_a_case(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    groomer = await visitor(live_server, band="13-17")
    ca, cb = await chat(groomer, await visitor(live_server, band="13-17"))
    await ca.send(type="message", text="im 34 btw")
    await ca.expect("held")
    ended = await ca.expect("chat_ended")
    assert ended == {"type": "chat_ended", "by": "system", "reason": "moderation"}
    assert (await cb.expect("chat_ended"))["by"] == "stranger"
    # the chat ends first; the case is written right after
    [case] = await eventually(lambda: live_server.services.store.list_cases(kind="child_safety"))
    assert case.priority == 0 and case.subject == groomer.device
    records = await live_server.services.evidence.list_records(case.id)
    assert records[0].body["trigger"]["rule"] in ("teens-adult-pattern", "teens-adult-age")
    assert records[0].body["transcript"][0]["text"] == "im 34 btw"
    state = await live_server.services.devices.state(groomer.device)
    assert state.low_trust


async def test_a_minor_in_the_adult_section_is_warned_and_an_adult_pursuing_them_escalated(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    minor, adult = await visitor(live_server), await visitor(live_server)
    ca, cb = await chat(minor, adult)
    await ca.send(type="message", text="im 15 lol")
    # The disclosure is delivered and the minor told where they belong; the
    # chat goes on, so that an adult who pursues them is seen doing it.
    assert (await cb.expect("message"))["text"] == "im 15 lol"
    warning = await ca.expect("warning")
    assert warning["code"] == "adults-minor-present" and "13 to 17" in warning["message"]
    [case] = await eventually(lambda: live_server.services.store.list_cases(kind="review"))
    assert case.subject == minor.device
    await cb.send(type="message", text="wow ur so mature for ur age, add me on snap")
    await cb.expect("held")
    assert (await cb.expect("chat_ended"))["reason"] == "moderation"
    assert (await ca.expect("chat_ended"))["by"] == "stranger"
    [escalated] = await eventually(
        lambda: live_server.services.store.list_cases(kind="child_safety")
    )
    assert escalated.subject == adult.device
    records = await live_server.services.evidence.list_records(escalated.id)
    assert records[0].body["trigger"]["rule"] == "adults-minor-at-risk"
    await ca.nothing(0.3)  # the held line never reached the minor


async def test_a_protest_opens_a_review_case_about_the_side_protested_at(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    speaker = await visitor(live_server)
    ca, cb = await chat(speaker, await visitor(live_server))
    await ca.send(type="message", text="I noticed you work at the garden centre on Mill Road.")
    await cb.expect("message")
    await cb.send(type="message", text="Are you threatening me?")
    # the protest itself is delivered, and nothing is said to either side
    assert (await ca.expect("message"))["text"] == "Are you threatening me?"
    [case] = await eventually(lambda: live_server.services.store.list_cases(kind="review"))
    assert case.subject == speaker.device
    records = await live_server.services.evidence.list_records(case.id)
    assert records[0].body["trigger"]["rule"] == "harassment-protested"
    lines = [line["text"] for line in records[0].body["transcript"]]
    assert lines == [
        "I noticed you work at the garden centre on Mill Road.",
        "Are you threatening me?",
    ]
    await ca.nothing(0.3)
    await cb.nothing(0.3)


async def test_websocket_from_another_site_is_refused(live_server: LiveServer) -> None:
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(live_server.ws_url, headers={"Origin": "https://evil.example"})
        assert refused.value.status == 403
        own = live_server.url
        async with http.ws_connect(live_server.ws_url, headers={"Origin": own}) as ws:
            assert (await ws.receive_json())["type"] == "welcome"


async def test_a_band_change_waits_and_is_recorded_as_a_strike(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    adult = await visitor(live_server, band="18+")
    status, body = await adult.declare("13-17")
    assert status == 200
    assert body["band"] == "18+" and body["section"] == "adults"
    assert body["pending_band"] == "13-17" and body["pending_until"]
    store = live_server.services.store
    strikes = await store.live_strikes(adult.device, live_server.services.bans.now())
    assert len(strikes["age_change"]) == 1  # the band change's strike
    [record] = await store.audit_of_subject(adult.device)
    assert (record.actor, record.action) == ("rule:band-change", "add_strike")
    client = await adult.connect()
    await client.send(type="start")
    assert (await client.expect("waiting"))["section"] == "adults"


async def test_teen_entry_says_text_only(live_server: LiveServer, visitor: VisitorFactory) -> None:
    teen = await visitor(live_server, band=None)
    status, body = await teen.declare("13-17")
    assert status == 200 and body["section"] == "teens" and body["text_only"] is True


async def test_a_device_starting_too_fast_must_solve_a_challenge(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(
        rate_device_starts_per_minute=1.0, rate_device_starts_burst=2, pow_maxnumber=3000
    )
    skipper = await visitor(server)
    first = await skipper.connect()
    await first.send(type="start")
    await first.expect("waiting")
    await first.send(type="leave")
    await first.expect("stopped")
    second = await skipper.connect()  # a new socket does not reset the device's count
    await second.send(type="start")
    await second.expect("waiting")
    await second.send(type="leave")
    await second.expect("stopped")
    await second.send(type="start")
    challenge = await second.expect("challenge")
    refused = await second.expect("error")
    assert (refused["code"], refused["ref"]) == ("challenge_required", "start")
    assert (await server.services.broker.counts()).waiting == 0
    await second.send(type="solve", payload=solve_challenge(challenge))
    await second.expect("challenge_passed")
    # solving gives the allowance back; a `next` that trips it is named
    await second.send(type="start")
    await second.expect("waiting")
    await second.send(type="next")
    await second.expect("waiting")
    await second.send(type="next")
    await second.expect("challenge")
    refused = await second.expect("error")
    assert (refused["code"], refused["ref"]) == ("challenge_required", "next")


async def test_a_ban_mid_chat_ends_it_at_once_and_tells_the_partner(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    a = await visitor(live_server)
    ca, cb = await chat(a, await visitor(live_server))
    await live_server.services.actions.ban(
        Actor.system("test"), device=a.device, address=None, reason_code="spam", seconds=60
    )
    assert (await ca.expect("banned"))["reason_code"] == "spam"
    assert (await cb.expect("chat_ended"))["by"] == "stranger"


@pytest.mark.parametrize("with_device", [False, True])
async def test_a_ban_on_an_address_ends_the_chats_from_it_at_once(
    live_server: LiveServer, visitor: VisitorFactory, with_device: bool
) -> None:
    a = await visitor(live_server)
    ca, cb = await chat(a, await visitor(live_server))
    await live_server.services.actions.ban(
        Actor.system("test"),
        device=a.device if with_device else None,  # b's device is not named
        address="127.0.0.1",
        reason_code="spam",
        seconds=60,
    )
    for client in (ca, cb):  # both came from the banned address
        # the one checked second hears first that the other has gone
        frame = await client.recv()
        if frame["type"] == "chat_ended":
            frame = await client.recv()
        assert (frame["type"], frame["reason_code"]) == ("banned", "spam")


async def test_bans_that_may_have_been_missed_are_looked_up_again(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    here = await server_factory()
    # Another node on the same database whose notice never arrives here (two
    # in-process brokers are not linked): the ban reaches this node's users
    # only when it hears it may have missed news.
    there = await server_factory()
    a, b = await visitor(here), await visitor(here)
    ca, cb = await chat(a, b)
    await there.services.actions.ban(
        Actor.system("test"), device=a.device, address=None, reason_code="spam", seconds=60
    )
    await ca.nothing(0.3)
    await here.services.chat.on_notice(Notice(MISSED, ""))
    assert (await ca.expect("banned"))["reason_code"] == "spam"
    assert (await cb.expect("chat_ended"))["by"] == "stranger"
    await cb.nothing()  # not banned: checked, and let be


async def test_only_the_proxys_own_forwarded_address_is_believed(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(trust_forwarded_for=True)
    await server.services.actions.ban(
        Actor.system("test"), device=None, address="203.0.113.7", reason_code="spam", seconds=None
    )
    body = {"age_band": "18+", "accept_rules": True}
    for forwarded, status in (
        ("203.0.113.7", 403),
        ("1.2.3.4, 203.0.113.7", 403),  # the client wrote 1.2.3.4; the proxy saw .7
        ("203.0.113.7, 198.51.100.2", 200),
    ):
        one = await visitor(server, band=None)
        async with one.http.post(
            server.url + "/api/entry", json=body, headers={"X-Forwarded-For": forwarded}
        ) as response:
            assert response.status == status, forwarded


async def test_a_failing_sanction_still_ends_the_chat_and_keeps_the_case(
    live_server: LiveServer, visitor: VisitorFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("database unavailable")

    monkeypatch.setattr(live_server.services.store, "set_trust", broken)
    ca, cb = await chat(
        await visitor(live_server, band="13-17"), await visitor(live_server, band="13-17")
    )
    await ca.send(type="message", text="im 34 btw")
    await ca.expect("held")
    assert (await ca.expect("chat_ended"))["by"] == "system"
    assert (await cb.expect("chat_ended"))["by"] == "stranger"
    await ca.nothing(0.3)  # no "internal" error
    [case] = await eventually(lambda: live_server.services.store.list_cases(kind="child_safety"))
    assert case.priority == 0


async def test_one_report_per_chat(live_server: LiveServer, visitor: VisitorFactory) -> None:
    ca, _ = await chat(await visitor(live_server), await visitor(live_server))
    await ca.send(type="report", reason="spam")
    first = await ca.expect("report_received")
    await ca.send(type="report", reason="hate")
    again = await ca.expect("report_received")
    assert again["report"] == first["report"]
    assert (await live_server.services.evidence.verify()).records == 1


async def spam_until_challenged(spammer: Visitor, other: Visitor) -> None:
    """The spammer repeats one line until the rules hold it and ask for a
    challenge; then its connection closes."""
    ca, cb = await chat(spammer, other)
    spam = "any old phone fans?"  # repeated; not an advert by its words
    for _ in range(2):
        await ca.send(type="message", text=spam)
        await cb.expect("message")
    await ca.send(type="message", text=spam)
    await ca.expect("held")
    await ca.expect("challenge")
    await ca.close()


async def test_a_challenge_follows_the_device_to_a_new_connection(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    server = await server_factory(pow_maxnumber=3000)
    spammer = await visitor(server)
    await spam_until_challenged(spammer, await visitor(server))
    fresh = await spammer.connect()
    challenge = await fresh.expect("challenge")  # owed, not forgotten
    await fresh.send(type="start")
    assert (await fresh.expect("error"))["code"] == "challenge_required"
    await fresh.send(type="solve", payload=solve_challenge(challenge))
    await fresh.expect("challenge_passed")
    await fresh.send(type="start")
    await fresh.expect("waiting")


async def test_a_challenge_owed_on_one_node_holds_on_another(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    url = os.environ.get("PASSERBY_TEST_REDIS_URL", "")
    if not url:
        pytest.skip("needs PASSERBY_TEST_REDIS_URL (see README)")
    prefix = "pbtest-" + secrets.token_hex(6)
    shared = {"broker_url": url, "redis_prefix": prefix, "pow_maxnumber": 3000}
    one = await server_factory(**shared)
    two = await server_factory(**shared)
    try:
        spammer = await visitor(one)
        await spam_until_challenged(spammer, await visitor(one))
        spammer.server = two  # the same browser, its next connection on another node
        elsewhere = await spammer.connect()
        challenge = await elsewhere.expect("challenge")  # owed there too
        await elsewhere.send(type="start")
        assert (await elsewhere.expect("error"))["code"] == "challenge_required"
        await elsewhere.send(type="solve", payload=solve_challenge(challenge))
        await elsewhere.expect("challenge_passed")
        spammer.server = one  # solved on one node: clear on all
        back = await spammer.connect()
        await back.send(type="start")
        await back.expect("waiting")
    finally:
        await delete_prefix(url, key_prefix(prefix))


async def test_device_memory_is_released_and_strikes_come_back(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    services = live_server.services
    rude = await visitor(live_server)
    ca, cb = await chat(rude, await visitor(live_server))
    await ca.send(type="message", text="you are a stupid idiot")
    await ca.expect("held")
    await ca.send(type="report", reason="other")  # blocks the pair, loaded per device
    await ca.expect("report_received")
    await ca.close()
    await cb.close()
    actions = services.chat.safety.actions
    for _ in range(50):
        if rude.device not in actions._books:
            break
        await asyncio.sleep(0.02)
    assert rude.device not in actions._books
    assert rude.device not in services.chat._online
    again = await rude.connect()
    assert actions.strikes_of(rude.device).counts(services.clock.wall()) == {"harassment": 1}
    await again.send(type="ping")
    await again.expect("pong")


async def test_a_broken_cookie_is_ignored(live_server: LiveServer) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.get(
            live_server.url + "/api/entry", headers={"Cookie": "passerby_device=é.ü"}
        ) as response,
    ):
        assert response.status == 200
        assert (await response.json())["declared"] is False


async def test_low_trust_devices_only_meet_each_other(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    actions = live_server.services.actions
    flagged = await visitor(live_server, band="13-17")
    other_flagged = await visitor(live_server, band="13-17")
    normal = await visitor(live_server, band="13-17")
    await actions.set_low_trust(Actor.system("test"), flagged.device, 7 * 24)
    await actions.set_low_trust(Actor.system("test"), other_flagged.device, 7 * 24)
    low = await flagged.connect()
    fine = await normal.connect()
    await low.send(type="start")
    assert (await low.expect("waiting"))["section"] == "teens"  # the pool is not shown
    await fine.send(type="start")
    await fine.expect("waiting")
    await low.nothing(0.4)  # a low-trust teen is not paired with a normal teen
    low_too = await other_flagged.connect()
    await low_too.send(type="start")
    await low_too.expect("waiting")
    await low.expect("connected")
    await low_too.expect("connected")
