"""The actions layer end to end: the rules' sanctions are audited actions, and
an action taken on one node holds on the others at once."""

from __future__ import annotations

import pytest
from tests.conftest import ServerFactory, VisitorFactory
from tests.support import LiveServer, eventually, nodes_on_redis, start_chat

from passerby.app import ACTIONS_KEY
from passerby.errors import CaseClaimed
from passerby.safety.moderation_actions import Actor
from passerby.storage.audit import verify_audit

ALICE = Actor.moderator("alice")
BOB = Actor.moderator("bob")


async def test_a_rules_ban_is_an_audited_action_by_that_rule(
    live_server: LiveServer, visitor: VisitorFactory
) -> None:
    rude = await visitor(live_server)
    ca = await rude.connect()
    cb = await (await visitor(live_server)).connect()
    await start_chat(ca, cb)
    for insult in ("you are a stupid idiot", "you stupid idiot", "what a stupid idiot you are"):
        await ca.send(type="message", text=insult)
    frame = await ca.recv()
    while frame["type"] != "banned":  # warned and held first
        frame = await ca.recv()
    assert frame["reason_code"] == "harassment"
    store = live_server.services.store
    records = await eventually(store.list_audit)
    [ban] = [r for r in records if r.action == "ban"]
    assert ban.actor.startswith("rule:") and ban.detail["device"] == rude.device
    assert ban.detail["reason_code"] == "harassment"
    assert any(r.action == "add_strike" and r.subject == rude.device for r in records)
    assert all("stupid" not in r.detail_text + r.why for r in records)  # no message text
    assert verify_audit(records).ok
    assert live_server.app[ACTIONS_KEY] is live_server.services.actions
    metrics = await live_server.services.metrics.render()
    assert 'passerby_safety_actions_total{actor="rule",action="ban"} 1' in metrics


async def test_a_ban_claim_and_break_taken_on_one_node_hold_on_another(
    server_factory: ServerFactory, visitor: VisitorFactory
) -> None:
    async with nodes_on_redis(server_factory) as (one, two):
        banned = await visitor(two)
        there = await banned.connect()
        await one.app[ACTIONS_KEY].ban(
            ALICE, device=banned.device, address=None, seconds=3600, reason_code="spam"
        )
        assert (await there.expect("banned", timeout=5))["reason_code"] == "spam"

        # The banned person appeals through node two; moderators work it from both.
        async with banned.http.post(two.url + "/api/appeal", json={"text": "sorry"}) as r:
            assert r.status == 202
            case_id = (await r.json())["case"]
        await one.app[ACTIONS_KEY].claim_case(ALICE, case_id)
        with pytest.raises(CaseClaimed) as claimed:
            await two.app[ACTIONS_KEY].claim_case(BOB, case_id)
        assert claimed.value.holder == "mod:alice"
        assert await one.app[ACTIONS_KEY].release_claims_of(ALICE) == 1  # a break
        await two.app[ACTIONS_KEY].claim_case(BOB, case_id)
        await two.app[ACTIONS_KEY].decide_appeal(BOB, case_id, lift=False, why="spam it was")

        # Node one's ban screen shows the outcome (the notice cleared its memory).
        async with banned.http.get(one.url + "/api/entry") as response:
            ban = (await response.json())["ban"]
        assert ban["appeal_outcome"] == "upheld" and ban["appeal"] is False
