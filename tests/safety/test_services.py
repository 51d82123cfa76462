"""Device tokens, declarations, bans, proof of work and the spool."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from passerby.clock import ManualClock
from passerby.cluster.limits import memory_marks
from passerby.core.entry import Band, EntryRefused, SectionPolicy
from passerby.safety.bans import KEYS_SECONDS, Ban, BanService
from passerby.safety.challenge import ChallengeService
from passerby.safety.devices import DeviceService
from passerby.safety.iphash import IpHasher, network_of
from passerby.safety.moderation_actions import Actions, Actor
from passerby.safety.spool import Spool
from passerby.storage.sql import SQLStore

SECRET = b"test-secret"
TEST = Actor.system("test")


async def ban_device(
    bans: BanService,
    store: object,
    clock: ManualClock,
    device: str,
    reason_code: str,
    seconds: float | None,
) -> Ban:
    """Ban through the actions layer, as everything does."""
    actions = Actions(store, bans, clock)  # type: ignore[arg-type]
    return await actions.ban(
        TEST, device=device, address=None, reason_code=reason_code, seconds=seconds
    )


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SQLStore]:
    store = SQLStore(database_url)
    await store.migrate()
    yield store
    await store.close()


def test_cookies_are_signed_and_hashed() -> None:
    devices = DeviceService(SECRET, None, SectionPolicy(), ManualClock())  # type: ignore[arg-type]
    cookie = devices.new_cookie()
    token = devices.token_of_cookie(cookie)
    assert token is not None and token not in devices.hash_of_token(token)
    forged = token + "." + "A" * 24
    assert devices.token_of_cookie(forged) is None
    assert devices.token_of_cookie("garbage") is None
    assert devices.token_of_cookie(None) is None
    other = DeviceService(b"another", None, SectionPolicy(), ManualClock())  # type: ignore[arg-type]
    assert other.token_of_cookie(cookie) is None  # a cookie only works on its own server


async def test_declaration_change_waits_for_the_cooldown(store: SQLStore) -> None:
    clock = ManualClock()
    devices = DeviceService(SECRET, store, SectionPolicy(cooldown=timedelta(hours=24)), clock)
    state, _ = await devices.declare("dev", Band.ADULT)
    assert state.section is not None and state.section.name == "adults"
    state, result = await devices.declare("dev", Band.TEEN)
    assert result.changed_band
    assert state.section is not None and state.section.name == "adults"  # not yet
    assert state.declaration is not None and state.declaration.pending_band is Band.TEEN
    clock.advance(23 * 3600)
    state = await devices.state("dev")
    assert state.section is not None and state.section.name == "adults"
    clock.advance(3600)
    state = await devices.state("dev")
    assert state.section is not None and state.section.name == "teens"
    with pytest.raises(EntryRefused) as refused:
        await devices.declare("dev", Band.UNDER_13)
    assert refused.value.code == "under_13"


async def test_device_ban_holds_and_expires(store: SQLStore) -> None:
    clock = ManualClock()
    bans = BanService(store, IpHasher(store, clock, 86400 * 30), clock)
    assert await bans.check("dev", "203.0.113.9") is None
    ban = await ban_device(bans, store, clock, "dev", "harassment", 3600)
    found = await bans.check("dev", "198.51.100.1")
    assert found is not None and found.id == ban.id and found.reason_code == "harassment"
    assert found.as_json()["reason"] == "Harassing or insulting other people."
    clock.advance(3601)
    assert await bans.check("dev", None) is None
    assert await bans.previous_bans("dev") == 1


async def test_ip_bans_cover_an_ipv6_slash_64_and_survive_one_key_rotation(
    store: SQLStore,
) -> None:
    clock = ManualClock()
    hasher = IpHasher(store, clock, period_seconds=1000)
    bans = BanService(store, hasher, clock)
    await Actions(store, bans, clock).ban(
        TEST, device=None, address="2001:db8:1:2::5", reason_code="spam", seconds=None
    )
    assert await bans.check(None, "2001:db8:1:2:ffff::1") is not None  # same /64
    assert await bans.check(None, "2001:db8:1:3::1") is None  # another /64
    assert network_of("::ffff:192.0.2.7") == "192.0.2.7"
    clock.advance(1000)  # next period: the old key is still live
    assert await bans.check(None, "2001:db8:1:2::5") is not None
    clock.advance(1000)  # two periods on: the old key is gone, so is the link
    assert await bans.check(None, "2001:db8:1:2::5") is None


class CountingStore:
    """The store, counting ban lookups."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self.lookups = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    async def active_bans(self, *args: object) -> object:
        self.lookups += 1
        return await self.store.active_bans(*args)  # type: ignore[arg-type]

    async def banned_keys(self, now: object) -> object:
        self.key_reads = getattr(self, "key_reads", 0) + 1
        return await self.store.banned_keys(now)  # type: ignore[arg-type]


async def test_checks_arriving_together_share_one_read_of_who_is_banned(store: SQLStore) -> None:
    clock = ManualClock()
    counting = CountingStore(store)
    bans = BanService(counting, IpHasher(store, clock, 86400), clock)  # type: ignore[arg-type]
    await ban_device(bans, counting, clock, "banned", "spam", None)  # kept in memory: no read
    bans.forget()  # a notice: read again
    found = await asyncio.gather(*(bans.check(f"device {i}", None) for i in range(20)))
    assert found == [None] * 20
    assert counting.key_reads == 1
    assert await bans.check("banned", None) is not None


async def test_a_check_for_someone_never_banned_needs_no_lookup(store: SQLStore) -> None:
    clock = ManualClock()
    counting = CountingStore(store)
    bans = BanService(counting, IpHasher(store, clock, 86400), clock)  # type: ignore[arg-type]
    await ban_device(bans, counting, clock, "banned", "spam", None)
    before = counting.lookups
    for i in range(50):
        assert await bans.check(f"device {i}", f"198.51.100.{i}") is None
    assert counting.lookups == before
    assert await bans.check("banned", None) is not None


async def test_a_ban_made_on_another_node_holds_after_its_notice_or_within_the_key_period(
    store: SQLStore,
) -> None:
    clock = ManualClock()
    here = BanService(store, IpHasher(store, clock, 86400), clock)
    there = BanService(store, IpHasher(store, clock, 86400), clock)
    assert await here.check("dev", "203.0.113.9") is None  # reads who is banned: nobody
    await ban_device(there, store, clock, "dev", "spam", None)
    here.forget()  # the broker's notice
    assert await here.check("dev", None) is not None
    await Actions(store, there, clock).ban(
        TEST, device=None, address="203.0.113.50", reason_code="spam", seconds=None
    )
    assert await here.check(None, "203.0.113.50") is None  # the notice was lost...
    clock.advance(KEYS_SECONDS)
    assert await here.check(None, "203.0.113.50") is not None  # ...read again in time


def solve(challenge: dict[str, object]) -> str:
    for n in range(int(challenge["maxnumber"]) + 1):  # type: ignore[call-overload]
        digest = hashlib.sha256(f"{challenge['salt']}{n}".encode()).hexdigest()
        if digest == challenge["challenge"]:
            payload = {k: challenge[k] for k in ("algorithm", "challenge", "salt", "signature")}
            return base64.b64encode(orjson.dumps({**payload, "number": n})).decode()
    raise AssertionError("unsolvable")


async def test_proof_of_work_round_trip_once_only() -> None:
    clock = ManualClock(wall_start=1_800_000_000)
    service = ChallengeService(SECRET, clock, maxnumber=2000)
    challenge = service.issue()
    payload = solve(challenge)
    assert await service.verify(payload)
    assert not await service.verify(payload)  # single use
    wrong = orjson.loads(base64.b64decode(solve(service.issue())))
    wrong["number"] += 1
    assert not await service.verify(base64.b64encode(orjson.dumps(wrong)).decode())
    forged = orjson.loads(base64.b64decode(solve(service.issue())))
    forged["signature"] = "0" * 64
    assert not await service.verify(base64.b64encode(orjson.dumps(forged)).decode())
    late = solve(service.issue())
    clock.advance(301)
    assert not await service.verify(late)
    assert not await service.verify("not base64!")
    odd = orjson.loads(base64.b64decode(solve(service.issue())))
    odd["salt"] = odd["salt"].split("=")[0] + "=²"  # a digit Python's float() refuses
    assert not await service.verify(base64.b64encode(orjson.dumps(odd)).decode())
    assert not await service.verify(base64.b64encode(b"[1,2]").decode())


async def test_a_solution_spent_on_one_node_is_refused_on_another() -> None:
    clock = ManualClock(wall_start=1_800_000_000)
    spent = memory_marks(clock)("pow-used", 300.0)  # shared, as Redis is by every node
    here = ChallengeService(SECRET, clock, maxnumber=2000, used=spent)
    there = ChallengeService(SECRET, clock, maxnumber=2000, used=spent)
    payload = solve(here.issue())
    assert await here.verify(payload)
    assert not await there.verify(payload)
    alone = ChallengeService(SECRET, clock, maxnumber=2000)  # no shared marks: its own memory
    assert await alone.verify(payload)


async def test_spool_survives_a_torn_line_and_drains_in_order(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool" / "evidence.jsonl")
    assert not spool.pending()
    await spool.append({"n": 1})
    await spool.append({"n": 2})
    with open(spool.path, "ab") as fh:
        fh.write(b'{"n": 3')  # a crash in the middle of a write
    assert [e["n"] for e in spool.read()] == [1, 2]
    seen: list[int] = []

    async def handle(entry: dict[str, int]) -> None:
        seen.append(entry["n"])

    assert await spool.drain(handle) == 2
    assert seen == [1, 2] and not spool.pending()


async def test_an_entry_after_a_torn_line_is_not_lost(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "evidence.jsonl")
    await spool.append({"n": 1})
    with open(spool.path, "ab") as fh:
        fh.write(b'{"n": 2, "tor')  # the crash
    await spool.append({"n": 3})  # told "received" after the restart
    assert [e["n"] for e in spool.read()] == [1, 3]


async def test_spool_is_kept_when_the_replay_fails(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "evidence.jsonl")
    await spool.append({"n": 1})

    async def down(entry: dict[str, int]) -> None:
        raise ConnectionError("still down")

    with pytest.raises(ConnectionError):
        await spool.drain(down)
    assert spool.pending() and spool.read() == [{"n": 1}]


async def test_a_malformed_entry_is_set_aside_not_blocking_the_rest(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "evidence.jsonl")
    await spool.append({"n": 1})
    await spool.append({"broken": True})
    await spool.append({"n": 3})
    stored: list[int] = []

    async def handle(entry: dict[str, int]) -> None:
        stored.append(entry["n"])  # KeyError for the broken one

    assert await spool.drain(handle) == 3
    assert stored == [1, 3] and not spool.pending()
    rejected = (tmp_path / "evidence.jsonl.rejected").read_text()
    assert '"broken":true' in rejected
