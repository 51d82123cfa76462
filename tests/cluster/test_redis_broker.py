"""Several nodes on one Redis: routing between nodes, node failure, Redis outages.

Each "node" here is a RedisBroker in this process with its own connections
and node id, which is all that tells nodes apart; the multi-node test in
tests/test_cluster.py runs real server processes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from tests.cluster.conftest import Recorder
from tests.support import RedisServer, eventually

from passerby.clock import SystemClock
from passerby.cluster.broker import BAN, MISSED, Notice, PeerInfo
from passerby.cluster.redis.broker import NodeTiming, RedisBroker
from passerby.cluster.redis.matchmaker import RedisMatchmaker, Taken
from passerby.core.events import Matched, PartnerLeft, Relay, TypingChanged, Undelivered
from passerby.core.matchmaker import Match, MatchmakerPolicy, Ticket

TIMING = NodeTiming(heartbeat=0.1, timeout=0.6)
NodeFactory = Callable[..., Awaitable[RedisBroker]]


@pytest.fixture
async def nodes(redis_url: str, redis_prefix: str) -> AsyncIterator[NodeFactory]:
    started: list[RedisBroker] = []

    async def make(url: str = redis_url, timing: NodeTiming = TIMING, **kwargs: Any) -> RedisBroker:
        broker = RedisBroker(
            Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0),
            SystemClock(),
            prefix=redis_prefix,
            timing=timing,
            **kwargs,
        )
        await broker.start()
        started.append(broker)
        return broker

    yield make
    for broker in started:
        if broker._tasks:
            await broker.close()


def info(user: str) -> PeerInfo:
    return PeerInfo(user, f"device-{user}", "192.0.2.7", 40000, "test-agent", 1.0, "adults")


def join(node: RedisBroker, user: str) -> Recorder:
    inbox = Recorder()
    node.attach(user, inbox, info(user))
    return inbox


def matched(inbox: Recorder) -> Matched | None:
    found = [e for e in inbox.events if isinstance(e, Matched)]
    return found[-1] if found else None


async def cross_pair(a: RedisBroker, b: RedisBroker) -> tuple[Recorder, Recorder, str]:
    alice, bob = join(a, "alice"), join(b, "bob")
    await a.enqueue(Ticket("alice"))
    await b.enqueue(Ticket("bob"))

    async def both() -> bool:
        return matched(alice) is not None and matched(bob) is not None

    assert await eventually(both)
    found = matched(alice)
    assert found is not None
    return alice, bob, found.chat


async def test_users_on_two_nodes_are_paired_and_learn_of_each_other(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    alice, bob, chat = await cross_pair(a, b)
    told_alice, told_bob = matched(alice), matched(bob)
    assert told_alice == Matched(chat, "bob", ())
    assert told_bob == Matched(chat, "alice", ())
    # evidence details travel with the match, for reports
    assert await a.whois("bob") == info("bob")
    assert await b.whois("alice") == info("alice")


async def test_messages_between_nodes_arrive_once_and_in_order(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    alice, bob, chat = await cross_pair(a, b)
    for i in range(2000):
        details = ("age=15;bare",) if i == 7 else ()
        await a.deliver("bob", Relay(chat, "alice", f"message {i}", i, (("link", 0.5),), details))
        if i % 500 == 0:
            await a.deliver("bob", TypingChanged(chat, True))
    await b.deliver("alice", Relay(chat, "bob", "back", "x"))

    async def all_arrived() -> bool:
        return len([e for e in bob.events if isinstance(e, Relay)]) >= 2000

    assert await eventually(all_arrived, timeout=10)
    relays = [e for e in bob.events if isinstance(e, Relay)]
    assert [r.id for r in relays] == list(range(2000))
    # the signals cross nodes with their details (a bare age after an age question)
    assert relays[7] == Relay(chat, "alice", "message 7", 7, (("link", 0.5),), ("age=15;bare",))
    assert len([e for e in bob.events if isinstance(e, TypingChanged)]) == 4
    assert await eventually(lambda: _has(alice, Relay(chat, "bob", "back", "x")))


async def _has(inbox: Recorder, event: object) -> bool:
    return event in inbox.events


async def test_partner_leaving_on_another_node_ends_the_chat(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    _alice, bob, chat = await cross_pair(a, b)
    await a.deliver("bob", PartnerLeft(chat))
    await a.end_chat(chat)
    assert await eventually(lambda: _has(bob, PartnerLeft(chat)))
    counts = await eventually(lambda: _chats_are(b, 0), timeout=3)
    assert counts


async def _chats_are(node: RedisBroker, n: int) -> bool:
    node._counts = None  # read afresh
    return (await node.counts()).chats == n


async def test_a_message_to_a_user_who_left_comes_back_undelivered(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    alice, _bob, chat = await cross_pair(a, b)
    await b.detach("bob")
    await a.deliver("bob", Relay(chat, "alice", "still there?", 41))
    assert await eventually(lambda: _has(alice, Undelivered(chat, 41)))


async def test_counts_add_up_over_nodes(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    await cross_pair(a, b)
    join(a, "carol")
    await a.enqueue(Ticket("carol", interests=("chess",), interests_only=True))

    async def summed() -> bool:
        a._counts = None
        counts = await a.counts()
        return (counts.online, counts.waiting, counts.chats) == (3, 1, 1)

    assert await eventually(summed)


async def test_a_dead_nodes_partners_are_told_and_its_waiters_leave(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    alice, _bob, chat = await cross_pair(a, b)
    join(b, "waiter")
    await b.enqueue(Ticket("waiter"))
    assert await a.matchmaker.waiting() == 1
    await b.close(graceful=False)  # as if the process were killed
    assert await eventually(lambda: _has(alice, PartnerLeft(chat)), timeout=TIMING.timeout * 3)
    assert await eventually(lambda: _waiting_is(a, 0), timeout=TIMING.timeout * 3)

    async def reaped() -> bool:
        return not await a.matchmaker.is_waiting("waiter")

    assert await eventually(reaped, timeout=TIMING.timeout * 3)
    newcomer = join(a, "newcomer")
    await a.enqueue(Ticket("newcomer"))
    assert matched(newcomer) is None  # not paired with the dead node's waiter


async def _waiting_is(node: RedisBroker, n: int) -> bool:
    return await node.matchmaker.waiting() == n


async def test_notices_reach_every_node_once(nodes: NodeFactory) -> None:
    a, b, c = await nodes(), await nodes(), await nodes()
    heard: dict[str, list[Notice]] = {"a": [], "b": [], "c": []}
    for name, node in (("a", a), ("b", b), ("c", c)):

        async def hear(notice: Notice, name: str = name) -> None:
            heard[name].append(notice)

        node.observe_notices(hear)
    await a.broadcast(Notice("ban", "device-x"))

    async def everywhere() -> bool:
        return all(len(v) == 1 for v in heard.values())

    assert await eventually(everywhere)
    assert heard["a"] == [Notice("ban", "device-x")]  # at once on the sender, not twice


async def test_blocks_hold_across_nodes(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    await a.block("device-x", "device-y")
    x, y = join(a, "x"), join(b, "y")
    await a.enqueue(Ticket("x", identity="device-x"))
    await b.enqueue(Ticket("y", identity="device-y"))
    assert matched(x) is None and matched(y) is None
    assert await a.matchmaker.waiting() == 2


async def test_a_redis_outage_ends_cross_node_chats_and_service_resumes(
    nodes: NodeFactory, private_redis: RedisServer
) -> None:
    a, b = await nodes(private_redis.url), await nodes(private_redis.url)
    alice, bob, chat = await cross_pair(a, b)
    # a chat inside node a, and someone waiting on node b
    carol, dave = join(a, "carol"), join(a, "dave")
    await a.enqueue(Ticket("carol", lang="es"))
    await a.enqueue(Ticket("dave", lang="es"))

    async def carol_matched() -> Matched | None:
        return matched(carol)

    local = await eventually(carol_matched)
    assert local is not None
    waiter = join(b, "erin")
    await b.enqueue(Ticket("erin", lang="id"))

    assert a.healthy()
    await private_redis.stop()

    async def unhealthy() -> bool:
        return not a.healthy()

    assert await eventually(unhealthy, timeout=5)
    assert await eventually(lambda: _has(alice, PartnerLeft(chat)), timeout=5)
    assert await eventually(lambda: _has(bob, PartnerLeft(chat)), timeout=5)
    # the chat inside one node goes on
    await a.deliver("dave", Relay(local.chat, "carol", "still here", 1))
    assert Relay(local.chat, "carol", "still here", 1) in dave.events

    await private_redis.start()  # empty: Redis kept nothing
    frank = join(a, "frank")

    async def frank_meets_erin() -> bool:
        if "frank" not in a._waiting and matched(frank) is None:
            await a.enqueue(Ticket("frank", lang="id"))
        return matched(frank) is not None

    assert await eventually(frank_meets_erin, timeout=10)
    assert a.healthy()
    assert matched(waiter) is not None and matched(waiter).partner == "frank"  # type: ignore[union-attr]


async def test_a_node_that_could_not_listen_says_it_may_have_missed_notices(
    nodes: NodeFactory, private_redis: RedisServer
) -> None:
    a, b = await nodes(private_redis.url), await nodes(private_redis.url)
    heard: list[Notice] = []

    async def hear(notice: Notice) -> None:
        heard.append(notice)

    b.observe_notices(hear)
    await a.broadcast(Notice(BAN, "device-x"))

    async def first_heard() -> bool:
        return heard == [Notice(BAN, "device-x")]

    assert await eventually(first_heard)  # and no "missed" from starting up
    # Redis drops the nodes' subscriptions (and nothing else): news published
    # before they subscribe again is lost to them.
    admin = Redis.from_url(private_redis.url)
    try:
        assert await admin.client_kill_filter(_type="pubsub") >= 2
    finally:
        await admin.aclose()

    async def told() -> bool:
        return Notice(MISSED, "") in heard

    assert await eventually(told, timeout=10)
    assert heard.count(Notice(MISSED, "")) == 1


async def test_a_notice_redis_could_not_take_is_sent_again(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    heard: list[Notice] = []

    async def hear(notice: Notice) -> None:
        heard.append(notice)

    b.observe_notices(hear)
    publish = a._redis.publish
    failures = [RedisConnectionError("Redis went away for a moment")]

    async def flaky_publish(channel: str, message: bytes) -> int:
        if failures:  # only this node's link fails, once: b never lost its own
            raise failures.pop()
        return await publish(channel, message)

    a._redis.publish = flaky_publish  # type: ignore[method-assign]
    await a.broadcast(Notice(BAN, "device-x"))
    assert not failures

    async def heard_late() -> bool:
        return Notice(BAN, "device-x") in heard

    assert await eventually(heard_late, timeout=5)  # at a's next heartbeat
    assert Notice(MISSED, "") not in heard


async def test_arrivals_that_come_together_share_a_call_and_all_pair(nodes: NodeFactory) -> None:
    a, b = await nodes(), await nodes()
    inboxes = {f"u{i}": join(a if i % 2 else b, f"u{i}") for i in range(40)}
    await asyncio.gather(*((a if i % 2 else b).enqueue(Ticket(f"u{i}")) for i in range(40)))

    async def all_paired() -> bool:
        return all(matched(inbox) is not None for inbox in inboxes.values())

    assert await eventually(all_paired)
    partners = {user: matched(inbox).partner for user, inbox in inboxes.items()}  # type: ignore[union-attr]
    assert all(partners[partners[user]] == user for user in partners)  # pairs, each once
    assert await a.matchmaker.waiting() == 0


async def test_one_call_keeps_every_rule_among_its_own_arrivals(
    redis_url: str, redis_prefix: str
) -> None:
    redis = Redis.from_url(redis_url)
    mm = RedisMatchmaker(redis, redis_prefix, MatchmakerPolicy(), batch_seconds=0.05)
    await redis.set(redis_prefix + "alive:n", "1", ex=60)
    await mm.block("blocker", "blocked", 0.0)
    tickets = [
        Ticket("adult", section="adults"),
        Ticket("teen", section="teens"),  # another section: never with adult
        Ticket("tab1", identity="same"),
        Ticket("tab2", identity="same"),  # the same person: never with tab1
        Ticket("r1", identity="blocker", section="s2"),
        Ticket("r2", identity="blocked", section="s2"),  # blocked: never with r1
        Ticket("anyone", section="s3"),
        Ticket("fan1", ("music",), section="s3"),  # not in the random pool yet
        Ticket("fan2", ("music", "films"), section="s3"),  # meets fan1, not anyone
    ]
    now = time.time()
    results = await asyncio.gather(*(mm.join(t, "n", "", now) for t in tickets))
    placed = [p for result in results for p in result]  # one call: all in the first
    assert sum(1 for result in results if result) <= 1
    matches = [p.outcome for p in placed if isinstance(p.outcome, Match)]
    assert [(m.a, m.b, m.common_interests) for m in matches] == [("fan1", "fan2", ("music",))]
    for user in ("adult", "teen", "tab1", "tab2", "r1", "r2", "anyone"):
        assert await mm.is_waiting(user)
    assert not await mm.is_waiting("fan1") and not await mm.is_waiting("fan2")
    # the stored arrivals are found by later calls as any waiting user is
    [late] = [p.outcome for p in await mm.join(Ticket("teen2", section="teens"), "n", "", now)]
    assert isinstance(late, Match) and {late.a, late.b} == {"teen", "teen2"}
    await redis.aclose()


async def test_a_pair_that_meets_again_is_routed_to_the_new_chat(nodes: NodeFactory) -> None:
    # Recent-partner memory is off, as after a Redis restart: the same two
    # people meet again while the first chat's news may still be in flight.
    a = await nodes(policy=MatchmakerPolicy(recent_partners=0))
    b = await nodes(policy=MatchmakerPolicy(recent_partners=0))
    alice, bob, first = await cross_pair(a, b)
    await a.deliver("bob", PartnerLeft(first))
    await a.end_chat(first)
    assert await eventually(lambda: _has(bob, PartnerLeft(first)))
    await a.enqueue(Ticket("alice"))
    await b.enqueue(Ticket("bob"))

    async def again() -> Matched | None:
        found = matched(alice)
        return found if found is not None and found.chat != first else None

    second = await eventually(again)
    assert second is not None
    await b.deliver("alice", Relay(second.chat, "bob", "hello again", 1))
    assert await eventually(lambda: _has(alice, Relay(second.chat, "bob", "hello again", 1)))
    await a.end_chat(second.chat)
    await a.end_chat(first)  # late and twice: harmless
    assert a._peers == {} and a._peer_of == {} and a._local_chats == {}


# --- a wait joined again while its match's news is on the way ---------------


async def holds(value: Any) -> Any:
    return value


def hold_news(node: RedisBroker) -> tuple[asyncio.Event, list[bytes]]:
    """Hold up what ``node`` hears from other nodes until the event is set
    (what it held is then handled in order; cleared list: dropped)."""
    release, held = asyncio.Event(), []
    received = node._received

    async def later(raw: bytes) -> None:
        held.append(raw)
        await release.wait()
        if raw in held:
            await received(raw)

    node._received = later  # type: ignore[method-assign]
    return release, held


async def test_a_paired_wait_joined_again_is_told_so_and_leaves_no_ghost(
    redis_url: str, redis_prefix: str
) -> None:
    redis = Redis.from_url(redis_url)
    mm = RedisMatchmaker(redis, redis_prefix, MatchmakerPolicy(), batch_seconds=0)
    await redis.set(redis_prefix + "alive:n", "1", ex=60)
    now = time.time()
    assert await mm.join(Ticket("alice"), "n", "", now, wait="w1") == []
    [first] = await mm.join(Ticket("bob"), "n", "", now, wait="w2")
    assert isinstance(first.outcome, Match)
    assert (first.seats["alice"].wait, first.seats["bob"].wait) == ("w1", "w2")
    # A node that has not heard of it yet starts alice's wait afresh.
    await mm.leave("alice", now)
    [again] = await mm.join(Ticket("alice"), "n", "", now, wait="w1")
    assert again.outcome == Taken("alice")
    assert not await mm.is_waiting("alice")
    assert await mm.join(Ticket("carol"), "n", "", now, wait="w3") == []  # no ghost to meet
    # alice's next wait, under another name, is a wait like any other
    [later] = await mm.join(Ticket("alice"), "n", "", now, wait="w4")
    assert isinstance(later.outcome, Match) and {later.outcome.a, later.outcome.b} == {
        "alice",
        "carol",
    }
    await redis.aclose()


# The tests below call the heartbeat themselves: the nodes' own beat seldom.
SLOW = NodeTiming(heartbeat=5.0, timeout=15.0)


@dataclass
class HeldMatch:
    """alice waits on node a, bob on node b is paired with her, and the news
    of it is held up on its way to node a."""

    a: RedisBroker
    b: RedisBroker
    alice: Recorder
    bob: Recorder
    release: asyncio.Event
    held: list[bytes]


async def held_match(nodes: NodeFactory) -> HeldMatch:
    a, b = await nodes(timing=SLOW), await nodes(timing=SLOW)
    alice, bob = join(a, "alice"), join(b, "bob")
    await a.enqueue(Ticket("alice"))
    release, held = hold_news(a)
    await b.enqueue(Ticket("bob"))
    assert matched(bob) is not None
    assert await eventually(lambda: holds(held))
    return HeldMatch(a, b, alice, bob, release, held)


async def then_carol(node: RedisBroker) -> Recorder:
    carol = join(node, "carol")
    await node.enqueue(Ticket("carol"))
    return carol


async def test_waits_started_afresh_while_the_news_of_their_match_is_on_the_way(
    nodes: NodeFactory,
) -> None:
    m = await held_match(nodes)
    # Node a starts its waits afresh (as after a Redis restart) before it hears.
    m.a._resync = True
    await m.a.heartbeat()
    carol = await then_carol(m.b)
    assert matched(carol) is None  # alice is not waiting twice
    m.release.set()
    assert await eventually(lambda: holds(matched(m.alice)))
    assert matched(m.alice) == Matched(matched(m.bob).chat, "bob", ())  # type: ignore[union-attr]
    await m.a.heartbeat()  # and is not joined again later
    assert not await m.a.matchmaker.is_waiting("alice")
    assert matched(carol) is None and await m.b.matchmaker.is_waiting("carol")


async def test_a_wait_whose_match_was_lost_starts_afresh(nodes: NodeFactory) -> None:
    m = await held_match(nodes)
    m.held.clear()  # node a never hears of that match (it was not listening)
    m.release.set()
    m.a._resync = True
    await m.a.heartbeat()
    assert not await m.a.matchmaker.is_waiting("alice")  # told it was paired
    await m.a.heartbeat()  # no news by now: alice waits again, under a new name
    assert await m.a.matchmaker.is_waiting("alice")
    carol = await then_carol(m.b)
    assert await eventually(lambda: holds(matched(m.alice)))
    assert matched(m.alice).partner == "carol"  # type: ignore[union-attr]
    assert matched(carol).partner == "alice"  # type: ignore[union-attr]


async def test_the_news_of_a_wait_its_user_left_lets_the_partner_go(nodes: NodeFactory) -> None:
    m = await held_match(nodes)
    first = matched(m.bob)
    assert first is not None
    # alice presses Next before she hears of bob, and waits again
    await m.a.dequeue("alice")
    await m.a.enqueue(Ticket("alice"))
    m.release.set()
    assert await eventually(lambda: _has(m.bob, PartnerLeft(first.chat)))
    assert matched(m.alice) is None  # the news was of a wait she had left
    assert await m.a.matchmaker.is_waiting("alice")
    carol = await then_carol(m.b)
    assert await eventually(lambda: holds(matched(m.alice)))
    assert matched(m.alice).partner == "carol"  # type: ignore[union-attr]
    assert matched(carol).partner == "alice"  # type: ignore[union-attr]


async def test_news_slower_than_a_heartbeat_leaves_no_ghost_either(nodes: NodeFactory) -> None:
    m = await held_match(nodes)
    m.a._resync = True
    await m.a.heartbeat()  # told it was paired...
    await m.a.heartbeat()  # ...and no news yet: alice waits again, under a new name
    assert await m.a.matchmaker.is_waiting("alice")
    m.release.set()  # the news comes after all
    assert await eventually(lambda: holds(matched(m.alice)))
    assert matched(m.alice) == Matched(matched(m.bob).chat, "bob", ())  # type: ignore[union-attr]
    assert not await m.a.matchmaker.is_waiting("alice")  # the newer wait went with it
    carol = await then_carol(m.b)
    assert matched(carol) is None and await m.b.matchmaker.is_waiting("carol")
