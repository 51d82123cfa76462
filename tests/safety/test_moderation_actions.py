"""The actions layer on SQLite and PostgreSQL: each action is one transaction
with one audit record; claims, appeals and legal holds behave as promised."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from passerby.clock import ManualClock
from passerby.config import Settings
from passerby.core.entry import Band, SectionPolicy
from passerby.errors import ActionRefused, CaseClaimed, CaseClosed, NotFound, NotIndependent
from passerby.metrics import LabelledCounter
from passerby.safety.bans import BanService
from passerby.safety.devices import DeviceService
from passerby.safety.iphash import IpHasher
from passerby.safety.moderation_actions import Actions, Actor
from passerby.safety.records import appeal_record
from passerby.safety.retention import RetentionJob
from passerby.storage import actions_sql
from passerby.storage.audit import verify_audit
from passerby.storage.safety_sql import EvidenceWrite
from passerby.storage.sql import SQLStore

ALICE = Actor.moderator("alice")
BOB = Actor.moderator("bob")
CAROL = Actor.moderator("carol")
RULE = Actor.rule("insults")


@dataclass
class World:
    store: SQLStore
    clock: ManualClock
    bans: BanService
    actions: Actions
    counter: LabelledCounter

    def now(self) -> datetime:
        return self.actions.now()

    def node(self) -> Actions:
        """Another node's actions over the same database."""
        bans = BanService(self.store, IpHasher(self.store, self.clock, 86400 * 30), self.clock)
        return Actions(self.store, bans, self.clock)

    async def open_case(
        self,
        n: int,
        *,
        kind: str = "report",
        priority: int = 2,
        at: datetime | None = None,
        section: str | None = "adults",
    ) -> str:
        write = EvidenceWrite(
            record_id=f"rec{n}",
            kind="report",
            body={"n": n},
            created_at=at or self.now(),
            case_kind=kind,
            case_priority=priority,
            case_subject=f"dev{n}",
            case_opened_by="reporter",
            case_summary=f"{kind} {n}",
            dedupe_key=f"case{n}",
            case_section=section,
        )
        case_id, _ = await self.store.write_evidence(write)
        return case_id

    async def audit_count(self) -> int:
        return len(await self.store.list_audit())


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    store = SQLStore(database_url)
    await store.migrate()
    # The wall clock starts now: the evidence triggers compare with the real time.
    clock = ManualClock(wall_start=time.time())
    bans = BanService(store, IpHasher(store, clock, 86400 * 30), clock)
    counter = LabelledCounter("actions", "test", ("actor", "action"))
    actions = Actions(store, bans, clock, claim_minutes=30, legal_hold_days=365, counter=counter)
    yield World(store, clock, bans, actions, counter)
    await store.close()


async def test_every_action_appends_exactly_one_audit_record(world: World) -> None:
    store, actions = world.store, world.actions
    case_id = await world.open_case(1)
    other = await world.open_case(2)
    [opened, _] = await store.list_audit()
    assert (opened.actor, opened.action, opened.case_id) == ("user", "open_case", case_id)

    async def ban() -> None:
        found = await actions.ban(
            ALICE,
            device="dev1",
            address="203.0.113.9",
            seconds=3600,
            reason_code="harassment",
            case_id=case_id,
            why="insults",
        )
        steps.append(found.id)

    steps: list[str] = []
    calls = [
        ("ban", ban),
        ("lift_ban", lambda: actions.lift_ban(BOB, steps[0], why="mistake")),
        ("add_strike", lambda: actions.add_strike(RULE, "dev1", "harassment", "insults")),
        ("low_trust", lambda: actions.set_low_trust(ALICE, "dev1", 24.0, case_id=case_id)),
        ("end_low_trust", lambda: actions.set_low_trust(ALICE, "dev1", None)),
        ("claim_case", lambda: actions.claim_case(ALICE, case_id)),
        ("release_case", lambda: actions.release_case(ALICE, case_id)),
        ("escalate_case", lambda: actions.escalate_case(ALICE, case_id, why="unsure")),
        ("mark_child_safety", lambda: actions.mark_child_safety(ALICE, other)),
        ("legal_hold", lambda: actions.place_legal_hold(ALICE, other, why="police request")),
        ("lift_legal_hold", lambda: actions.lift_legal_hold(ALICE, other, why="withdrawn")),
        ("claim_case", lambda: actions.claim_case(BOB, other)),
        ("release_claims", lambda: actions.release_claims_of(BOB)),
        ("end_matching", lambda: actions.end_matching(ALICE, "dev2", None, 2.0, case_id=other)),
        ("resolve_case", lambda: actions.resolve_case(ALICE, case_id, "warn", why="first time")),
    ]
    for action, call in calls:
        before = await world.audit_count()
        await call()
        records = await store.list_audit()
        assert len(records) == before + 1, action
        assert records[-1].action == action
    records = await store.list_audit()
    by_action = {r.action: r for r in records}
    assert by_action["ban"].actor == "mod:alice" and by_action["ban"].case_id == case_id
    assert by_action["ban"].subject == steps[0] and by_action["ban"].why == "insults"
    assert by_action["ban"].detail["ip_hash"] and "203.0.113" not in records[2].detail_text
    assert by_action["lift_ban"].actor == "mod:bob" and by_action["lift_ban"].why == "mistake"
    assert by_action["add_strike"].actor == "rule:insults"
    assert by_action["add_strike"].subject == "dev1"
    assert by_action["release_claims"].detail["cases"] == [other]
    assert by_action["resolve_case"].detail == {"resolution": "warn"}
    assert verify_audit(records).ok
    assert world.counter.values[("mod", "ban")] == 1
    assert world.counter.values[("rule", "add_strike")] == 1
    assert await store.audit_of_case(case_id) == [
        r for r in records if case_id in (r.case_id, r.subject)
    ]


async def test_a_failing_step_rolls_back_the_change_and_its_record(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = actions_sql.append_audit

    async def append_then_fail(conn: object, entry: object) -> object:
        await real(conn, entry)  # type: ignore[arg-type]
        raise ConnectionError("the database went away")

    monkeypatch.setattr(actions_sql, "append_audit", append_then_fail)
    with pytest.raises(ConnectionError):
        await world.actions.ban(
            ALICE, device="dev1", address=None, seconds=None, reason_code="spam"
        )
    monkeypatch.setattr(actions_sql, "append_audit", real)
    assert (await world.store.history("dev1")).bans == []
    assert await world.audit_count() == 0
    assert await world.bans.check("dev1", None) is None
    # A step of the action itself failing: no audit record either.
    ban = await world.actions.ban(
        ALICE, device="dev1", address=None, seconds=None, reason_code="spam"
    )
    row = (await world.store.history("dev1")).bans[0]
    assert row.id == ban.id
    entry = (await world.store.list_audit())[-1]
    with pytest.raises(IntegrityError):
        await world.store.add_ban(row, audit=entry)  # the same ban id again
    assert await world.audit_count() == 1


async def test_a_refused_action_changes_and_records_nothing(world: World) -> None:
    with pytest.raises(NotFound):
        await world.actions.claim_case(ALICE, "nope")
    with pytest.raises(NotFound):
        await world.actions.lift_ban(ALICE, "nope")
    with pytest.raises(ValueError):
        await world.actions.ban(ALICE, device="d", address=None, seconds=1, reason_code="bogus")
    with pytest.raises(ValueError):
        await world.actions.resolve_case(ALICE, "x", "Drop Table")
    assert await world.audit_count() == 0


async def test_one_moderator_at_a_time_and_claims_expire(world: World) -> None:
    case_id = await world.open_case(1)
    until = await world.actions.claim_case(ALICE, case_id)
    assert until == world.now() + timedelta(minutes=30)
    with pytest.raises(CaseClaimed) as claimed:
        await world.actions.claim_case(BOB, case_id)
    assert claimed.value.holder == "mod:alice" and claimed.value.until == until
    with pytest.raises(CaseClaimed):
        await world.actions.resolve_case(BOB, case_id, "dismiss")
    with pytest.raises(CaseClaimed):
        await world.actions.release_case(BOB, case_id)
    world.clock.advance(20 * 60)
    renewed = await world.actions.claim_case(ALICE, case_id)  # her own: renewed
    assert renewed == world.now() + timedelta(minutes=30)
    world.clock.advance(29 * 60)
    with pytest.raises(CaseClaimed):
        await world.actions.claim_case(BOB, case_id)
    world.clock.advance(61)  # the claim has lapsed
    await world.actions.claim_case(BOB, case_id)
    found = await world.store.get_case(case_id)
    assert found is not None and found.claimed_by == "mod:bob"
    with pytest.raises(CaseClaimed) as late:
        await world.actions.release_case(ALICE, case_id)
    assert late.value.holder == "mod:bob"
    await world.actions.resolve_case(BOB, case_id, "dismiss", why="nothing wrong")
    resolved = await world.store.get_case(case_id)
    assert resolved is not None and resolved.status == "resolved"
    assert (resolved.resolution, resolved.resolved_by) == ("dismiss", "mod:bob")
    assert resolved.resolution_note == "nothing wrong" and resolved.claimed_by is None
    with pytest.raises(CaseClosed):
        await world.actions.claim_case(ALICE, case_id)


async def test_two_nodes_claiming_at_once_one_wins(world: World) -> None:
    case_id = await world.open_case(1)
    here, there = world.node(), world.node()
    results = await asyncio.gather(
        here.claim_case(ALICE, case_id), there.claim_case(BOB, case_id), return_exceptions=True
    )
    winners = [r for r in results if isinstance(r, datetime)]
    losers = [r for r in results if isinstance(r, CaseClaimed)]
    assert len(winners) == 1 and len(losers) == 1
    found = await world.store.get_case(case_id)
    assert found is not None and losers[0].holder == found.claimed_by
    claims = [r for r in await world.store.list_audit() if r.action == "claim_case"]
    assert len(claims) == 1 and claims[0].actor == found.claimed_by


async def test_a_break_releases_only_that_moderators_claims(world: World) -> None:
    one, two, three = [await world.open_case(n) for n in range(1, 4)]
    await world.actions.claim_case(ALICE, one)
    await world.actions.claim_case(ALICE, two)
    await world.actions.claim_case(BOB, three)
    assert await world.node().release_claims_of(ALICE) == 2  # taken on another node
    await world.actions.claim_case(CAROL, one)
    await world.actions.claim_case(CAROL, two)
    with pytest.raises(CaseClaimed):
        await world.actions.claim_case(CAROL, three)
    with pytest.raises(ActionRefused):
        await world.actions.release_case(ALICE, one)  # not hers any more


async def test_the_queue_puts_child_safety_first_then_rules_reports_appeals(
    world: World,
) -> None:
    appeal = await world.open_case(1, kind="appeal", priority=0)
    report = await world.open_case(2, kind="report", priority=1)
    world.clock.advance(1)
    late_report = await world.open_case(3, kind="report", priority=1, section="teens")
    world.clock.advance(1)
    review = await world.open_case(4, kind="review", priority=2)
    urgent = await world.open_case(5, kind="child_safety", priority=0)
    queue = [c.id for c in await world.store.case_queue()]
    assert queue == [urgent, review, report, late_report, appeal]
    await world.actions.mark_child_safety(ALICE, late_report)
    queue = [c.id for c in await world.store.case_queue()]
    assert queue[:2] == [late_report, urgent]  # the older child-safety case first
    teens = await world.store.case_queue(section="teens")
    assert [c.id for c in teens] == [late_report] and teens[0].kind == "child_safety"
    await world.actions.escalate_case(BOB, report)
    assert [c.id for c in await world.store.case_queue(escalated=True)] == [report]
    await world.actions.resolve_case(ALICE, review, "dismiss")
    assert review not in [c.id for c in await world.store.case_queue()]
    assert [c.id for c in await world.store.case_queue(status="resolved")] == [review]
    assert [c.id for c in await world.store.case_queue(kind="appeal")] == [appeal]
    found = await world.store.case_with_evidence(report)
    assert found is not None and [r.id for r in found[1]] == ["rec2"]


async def appeal_of(world: World, ban_id: str, device: str) -> str:
    write = appeal_record(
        world.now(), ban_id=ban_id, reason_code="spam", text="I was joking", device=device
    )
    case_id, _ = await world.store.write_evidence(write)
    return case_id


async def test_an_appeal_is_decided_by_someone_other_than_who_banned(world: World) -> None:
    ban = await world.actions.ban(
        ALICE, device="dev9", address=None, seconds=None, reason_code="spam"
    )
    case_id = await appeal_of(world, ban.id, "dev9")
    before = await world.audit_count()
    with pytest.raises(NotIndependent):
        await world.actions.decide_appeal(ALICE, case_id, lift=True)
    assert await world.audit_count() == before
    assert await world.store.appeal_outcome(ban.id) is None
    await world.actions.decide_appeal(BOB, case_id, lift=False, why="clear spam")
    outcome = await world.store.appeal_outcome(ban.id)
    assert outcome is not None and outcome.outcome == "upheld" and outcome.case_id == case_id
    found = await world.bans.check("dev9", None)
    assert found is not None and found.appeal_outcome == "upheld" and not found.appeal
    assert found.as_json()["appeal_outcome"] == "upheld"
    case = await world.store.get_case(case_id)
    assert case is not None and case.status == "resolved"
    assert case.resolution == "appeal_upheld"
    with pytest.raises(CaseClosed):
        await world.actions.decide_appeal(CAROL, case_id, lift=True)
    assert (await world.store.list_audit())[-1].action == "decide_appeal"


async def test_a_lifted_appeal_ends_the_ban(world: World) -> None:
    ban = await world.actions.ban(
        RULE, device="dev8", address=None, seconds=None, reason_code="hate"
    )
    case_id = await appeal_of(world, ban.id, "dev8")
    assert await world.bans.check("dev8", None) is not None
    await world.actions.claim_case(BOB, case_id)
    with pytest.raises(CaseClaimed):
        await world.actions.decide_appeal(ALICE, case_id, lift=True)
    await world.actions.decide_appeal(BOB, case_id, lift=True, why="context")
    assert await world.bans.check("dev8", None) is None
    outcome = await world.store.appeal_outcome(ban.id)
    assert outcome is not None and outcome.outcome == "lifted"
    history = await world.store.history("dev8")
    assert history.bans[0].lifted_at is not None
    with pytest.raises(NotFound):
        await world.actions.decide_appeal(BOB, await world.open_case(7), lift=True)


async def test_lift_ban_and_end_matching(world: World) -> None:
    pause = await world.actions.end_matching(ALICE, "dev3", None, 2.0)
    found = await world.bans.check("dev3", None)
    assert found is not None and found.reason_code == "cooldown"
    assert found.expires_at == world.now() + timedelta(hours=2)
    world.clock.advance(2 * 3600 + 1)
    assert await world.bans.check("dev3", None) is None
    ban = await world.actions.ban(
        ALICE, device=None, address="2001:db8::1", seconds=None, reason_code="spam"
    )
    assert await world.bans.check(None, "2001:db8::2") is not None
    await world.actions.lift_ban(BOB, ban.id)
    assert await world.bans.check(None, "2001:db8::2") is None
    with pytest.raises(ActionRefused, match="lifted already"):
        await world.actions.lift_ban(BOB, ban.id)
    history = await world.store.history("dev3")
    assert [b.id for b in history.bans] == [pause.id]


async def test_low_trust_is_stored_and_lifted(world: World) -> None:
    devices = DeviceService(b"secret", world.store, SectionPolicy(), world.clock)
    await devices.declare("dev4", Band.ADULT)
    told: list[str] = []

    async def announce(device: str) -> None:
        devices.forget(device)
        told.append(device)

    world.actions.on_trust(announce)
    await world.actions.set_low_trust(RULE, "dev4", 1.0)
    assert (await devices.state("dev4")).low_trust and told == ["dev4"]
    world.clock.advance(3601)
    devices.forget("dev4")
    assert not (await devices.state("dev4")).low_trust  # it expired
    await world.actions.set_low_trust(ALICE, "dev4", 10.0)
    await world.actions.set_low_trust(ALICE, "dev4", None)
    assert not (await devices.state("dev4")).low_trust


async def test_a_legal_hold_keeps_evidence_until_it_expires_or_is_lifted(
    world: World, tmp_path: Path
) -> None:
    old = world.now() - timedelta(days=400)
    held = await world.open_case(1, at=old)
    lifted = await world.open_case(2, at=old)
    free = await world.open_case(3, at=old)
    await world.actions.place_legal_hold(ALICE, held, days=10, why="preservation request")
    await world.actions.place_legal_hold(ALICE, lifted, why="mistaken")
    hold = await world.store.legal_hold(lifted)
    assert hold is not None and hold.expires_at == world.now() + timedelta(days=365)
    await world.actions.lift_legal_hold(BOB, lifted)
    job = RetentionJob(world.store, world.clock, Settings(data_dir=str(tmp_path)))
    counts = await job.run_once()
    assert counts["evidence"] == 2 and counts["legal_holds"] == 0
    bodies = {r.case_id: r.body_text for r in await world.store.list_evidence()}
    assert bodies[held] is not None and bodies[lifted] is None and bodies[free] is None
    world.clock.advance(11 * 86400)  # the hold has expired
    counts = await job.run_once()
    assert counts["evidence"] == 1 and counts["legal_holds"] == 1
    assert await world.store.legal_hold(held) is None
    assert all(r.body_text is None for r in await world.store.list_evidence())
    last = (await world.store.list_audit())[-1]
    assert (last.actor, last.action, last.case_id) == ("system", "hold_expired", held)
    assert verify_audit(await world.store.list_audit()).ok
    with pytest.raises(NotFound):
        await world.actions.place_legal_hold(ALICE, "nope")


async def test_history_shows_bans_cases_and_strikes_of_a_device(world: World) -> None:
    case_id = await world.open_case(5)
    await world.actions.add_strike(RULE, "dev5", "harassment", "insults")
    ban = await world.actions.ban(
        RULE, device="dev5", address="198.51.100.4", seconds=60, reason_code="harassment"
    )
    world.clock.advance(120)
    history = await world.store.history("dev5")
    assert [b.id for b in history.bans] == [ban.id]
    assert [c.id for c in history.cases] == [case_id]
    assert [(s.policy, s.rule) for s in history.strikes] == [("harassment", "insults")]
    hashes = await world.bans.hashes_of("198.51.100.4")
    assert history.bans[0].ip_hash in hashes
    by_address = await world.store.history(None, hashes)
    assert [b.id for b in by_address.bans] == [ban.id] and by_address.cases == []


async def test_confirming_a_child_safety_case_places_its_legal_hold(world: World) -> None:
    store, actions = world.store, world.actions
    report = await world.open_case(1)
    case_id = await world.open_case(2, kind="child_safety", priority=0)
    with pytest.raises(ActionRefused):
        await actions.confirm_child_safety(ALICE, report)  # not marked child-safety
    with pytest.raises(ValueError):
        await actions.confirm_child_safety(RULE, case_id)  # a human confirms
    with pytest.raises(ActionRefused):
        await actions.record_law_report(
            ALICE, case_id, sha256="0" * 64, incident_type="online_enticement", files=0
        )
    await actions.claim_case(BOB, case_id)
    with pytest.raises(CaseClaimed):
        await actions.confirm_child_safety(ALICE, case_id)
    await actions.release_case(BOB, case_id)
    before = await world.audit_count()
    assert await store.legal_hold(case_id) is None
    assert await store.child_safety_confirmation(case_id) is None

    await actions.confirm_child_safety(ALICE, case_id, why="asked a 13-year-old for photos")
    hold = await store.legal_hold(case_id)
    assert hold is not None and hold.expires_at == world.now() + timedelta(days=365)
    records = await store.list_audit()
    assert [(r.action, r.actor) for r in records[before:]] == [
        ("confirm_child_safety", "mod:alice"),
        ("legal_hold", "mod:alice"),
    ]
    confirmed = await store.child_safety_confirmation(case_id)
    assert confirmed is not None and confirmed.why == "asked a 13-year-old for photos"
    with pytest.raises(ActionRefused):
        await world.node().confirm_child_safety(BOB, case_id)  # once, on any node
    assert await world.audit_count() == before + 2

    await actions.record_law_report(
        CAROL, case_id, sha256="a" * 64, incident_type="online_enticement", files=0
    )
    last = (await store.list_audit())[-1]
    assert (last.action, last.actor, last.case_id) == ("law_report", "mod:carol", case_id)
    assert last.detail == {"sha256": "a" * 64, "incident_type": "online_enticement", "files": 0}
    assert verify_audit(await store.list_audit()).ok


async def test_a_longer_hold_outlasts_the_confirmation(world: World) -> None:
    case_id = await world.open_case(3, kind="child_safety", priority=0)
    await world.actions.place_legal_hold(ALICE, case_id, days=1000, why="preservation request")
    await world.actions.confirm_child_safety(BOB, case_id)
    hold = await world.store.legal_hold(case_id)
    assert hold is not None and hold.expires_at == world.now() + timedelta(days=1000)
