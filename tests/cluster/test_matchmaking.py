"""The matchmaker's behaviour, one suite run on every broker engine.

Each test drives a broker (in-process, or Redis-backed) with a hand-moved
clock and reads the matches it makes. The pure core's own tests (bounded
work per arrival, pools) are in tests/core/test_matchmaker.py.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from typing import Any

import pytest
from redis.asyncio import Redis
from tests.cluster.conftest import Engine, Recorder

from passerby.cluster.broker import Broker
from passerby.cluster.redis.matchmaker import RedisMatchmaker
from passerby.core.events import FellBack, Matched
from passerby.core.matchmaker import Match, MatchmakerPolicy, Ticket, block_key


class Driver:
    """A broker with an inbox per user, answering in matches."""

    def __init__(self, engine: Engine, broker: Broker) -> None:
        self.engine = engine
        self.broker = broker
        self.inboxes: dict[str, Recorder] = {}
        self.start = engine.clock.monotonic()  # tick_at() counts from here

    async def join(self, user: str, **ticket: Any) -> list[Match]:
        if user not in self.inboxes:
            self.inboxes[user] = Recorder()
            self.broker.attach(user, self.inboxes[user])
        if "network" in ticket:  # a string of its own, as each connection has
            ticket["network"] = ticket["network"].encode().decode()
        seen = len(self.engine.matches)
        await self.broker.enqueue(Ticket(user, **ticket))
        return self.engine.matches[seen:]

    async def tick_at(self, now: float) -> list[Match]:
        clock = self.engine.clock
        clock.advance(now - (clock.monotonic() - self.start))
        seen = len(self.engine.matches)
        await self.broker.tick()  # type: ignore[attr-defined]
        return self.engine.matches[seen:]

    async def leave(self, user: str) -> None:
        await self.broker.dequeue(user)

    async def waiting(self) -> int:
        if self.engine.name == "redis":
            return await self.broker.matchmaker.waiting()  # type: ignore[attr-defined,no-any-return]
        return (await self.broker.counts()).waiting

    def fallbacks(self, user: str) -> list[FellBack]:
        return [e for e in self.inboxes[user].events if isinstance(e, FellBack)]


async def driver(engine: Engine, seed: int = 1, **policy: Any) -> Driver:
    return Driver(engine, await engine.make_broker(seed, **policy))


def pair_of(match: Match) -> frozenset[str]:
    return frozenset((match.a, match.b))


# Networks as the caller gives them: an IPv4 address, or an IPv6 /64.
HOME = "198.51.100.7"
AWAY = "2001:db8:1:2::/64"


async def test_two_random_users_are_paired_and_both_told(engine: Engine) -> None:
    d = await driver(engine)
    assert await d.join("a") == []
    assert await d.waiting() == 1
    engine.clock.advance(1.0)
    [match] = await d.join("b")
    assert pair_of(match) == {"a", "b"}
    assert match.a == "a"  # the one who waited longer comes first
    assert match.waited_a == pytest.approx(1.0) and match.waited_b == pytest.approx(0.0)
    assert match.common_interests == ()
    assert await d.waiting() == 0
    [told_a] = d.inboxes["a"].events
    [told_b] = d.inboxes["b"].events
    assert isinstance(told_a, Matched) and isinstance(told_b, Matched)
    assert told_a.chat == told_b.chat and told_a.partner == "b" and told_b.partner == "a"


async def test_never_paired_with_oneself_across_two_tabs(engine: Engine) -> None:
    d = await driver(engine)
    await d.join("tab1", identity="same-person")
    assert await d.join("tab2", identity="same-person") == []
    assert await d.waiting() == 2
    [match] = await d.join("other")
    assert "other" in pair_of(match)


async def test_never_paired_with_oneself_even_alone_on_one_network(engine: Engine) -> None:
    # Two sessions of one device at one address: the relay bot's setup. They
    # are alone, yet never meet; anybody else still meets them.
    d = await driver(engine, interest_fallback=1.0, language_fallback=1.0)
    await d.join("bot1", identity="bot", network=HOME)
    assert await d.join("bot2", identity="bot", network=HOME) == []
    assert await d.tick_at(100.0) == []
    assert await d.waiting() == 2
    [match] = await d.join("victim", identity="victim", network=AWAY)
    assert pair_of(match) in ({"bot1", "victim"}, {"bot2", "victim"})


async def test_two_from_one_network_meet_when_nobody_else_waits(engine: Engine) -> None:
    # A household or a school shares an address.
    d = await driver(engine)
    assert await d.join("sister", identity="phone", network=HOME) == []
    [match] = await d.join("brother", identity="laptop", network=HOME)
    assert pair_of(match) == {"sister", "brother"}


async def test_a_waiter_from_elsewhere_is_preferred_to_one_from_the_same_network(
    engine: Engine,
) -> None:
    # window=1 would take the longest-waiting candidate, the housemate; the
    # stranger, who came later, is taken instead. (Housemate and stranger
    # blocked each other, so that both are still waiting.)
    d = await driver(engine, window=1)
    await d.broker.block("housemate", "stranger")
    await d.join("housemate", identity="housemate", network=HOME)
    engine.clock.advance(1.0)
    await d.join("stranger", identity="stranger", network=AWAY)
    [match] = await d.join("me", identity="me", network=HOME)
    assert pair_of(match) == {"stranger", "me"}
    assert await d.waiting() == 1


async def test_more_waiters_from_the_same_network_than_the_window_do_not_hide_others(
    engine: Engine,
) -> None:
    # Five tabs of one device at my address wait ahead of one stranger; the
    # window (4) is counted in candidates from elsewhere, so it reaches them.
    d = await driver(engine, window=4)
    for i in range(5):
        await d.join(f"tab{i}", identity="neighbour", network=HOME)
        engine.clock.advance(1.0)
    await d.broker.block("neighbour", "stranger")
    await d.join("stranger", identity="stranger", network=AWAY)
    [match] = await d.join("me", identity="me", network=HOME)
    assert pair_of(match) == {"stranger", "me"}


async def test_a_waiter_from_elsewhere_is_preferred_after_the_interest_fallback(
    engine: Engine,
) -> None:
    d = await driver(engine, window=1, interest_fallback=10.0, language_fallback=None)
    await d.broker.block("housemate", "stranger")
    assert await d.join("fan", identity="fan", network=HOME, interests=("chess",)) == []
    engine.clock.advance(1.0)
    await d.join("housemate", identity="housemate", network=HOME)  # not yet for fan
    engine.clock.advance(1.0)
    await d.join("stranger", identity="stranger", network=AWAY)
    [match] = await d.tick_at(10.0)
    assert d.fallbacks("fan") == [FellBack("timeout")]
    assert pair_of(match) == {"fan", "stranger"}


async def test_a_waiter_from_elsewhere_is_preferred_in_an_interest_pool(engine: Engine) -> None:
    d = await driver(engine, window=1)
    await d.broker.block("housemate", "stranger")
    await d.join("housemate", identity="housemate", network=HOME, interests=("chess",))
    engine.clock.advance(1.0)
    await d.join("stranger", identity="stranger", network=AWAY, interests=("chess",))
    [match] = await d.join("me", identity="me", network=HOME, interests=("chess", "go"))
    assert pair_of(match) == {"stranger", "me"}
    assert match.common_interests == ("chess",)


async def test_a_shared_interest_from_the_same_network_comes_after_anyone_from_elsewhere(
    engine: Engine,
) -> None:
    # At fan's language fallback one look covers an interest pool (where
    # only the housemate waits) and the random pool (where the stranger
    # waits): interests come first, but a housemate comes last of all.
    d = await driver(engine, window=1, interest_fallback=1.0, language_fallback=10.0)
    await d.join("housemate", network=HOME, lang="es", interests=("chess",), interests_only=True)
    engine.clock.advance(1.0)
    await d.join("stranger", network=AWAY, lang="de")
    engine.clock.advance(1.0)
    await d.join("fan", network=HOME, interests=("chess",))
    assert await d.tick_at(3.0) == []  # fan falls back: nobody random speaks English
    assert await d.tick_at(11.0) == []  # housemate and stranger: any language, apart
    [match] = await d.tick_at(12.0)
    assert pair_of(match) == {"stranger", "fan"}


async def test_partner_is_random_among_the_longest_waiting(engine: Engine) -> None:
    # Four users wait (one person in four tabs, so they cannot meet each
    # other); a fifth arrival picks one of them. Over many rounds every
    # position is picked, none overwhelmingly.
    d = await driver(engine, seed=7, recent_partners=0)
    picks: Counter[int] = Counter()
    rounds = 800
    for round_ in range(rounds):
        users = [f"w{round_}-{i}" for i in range(4)]
        for user in users:
            await d.join(user, identity=f"crowd{round_}")
            engine.clock.advance(0.001)
        [match] = await d.join(f"x{round_}")
        picks[users.index(match.a)] += 1
        for user in users:
            await d.leave(user)
    assert set(picks) == {0, 1, 2, 3}
    for count in picks.values():
        assert 140 < count < 260  # 200 expected each


async def test_nobody_waits_for_ever_while_later_arrivals_are_served(engine: Engine) -> None:
    # A queue of waiters who cannot meet each other (one identity), served by
    # arrivals who can meet any of them. Count, for each waiter, how many
    # waiters who came later were served first: it must stay small.
    d = await driver(engine, seed=3, recent_partners=0, window=4)
    rng = random.Random(5)
    order: dict[str, int] = {}
    overtaken: dict[str, int] = {}
    worst = 0
    for step in range(3000):
        engine.clock.advance(0.001)
        if len(overtaken) < 10 or rng.random() < 0.5:
            user = f"w{step}"
            order[user] = step
            overtaken[user] = 0
            assert await d.join(user, identity="queue") == []
            continue
        [match] = await d.join(f"x{step}")
        served = match.a
        worst = max(worst, overtaken.pop(served))
        for waiting_user in overtaken:
            if order[waiting_user] < order[served]:
                overtaken[waiting_user] += 1
    assert worst < 40, worst  # (3/4)^40 is about 1e-5 per waiter
    assert worst > 0  # it is random, not strictly first come first served


async def test_interest_match_is_preferred_and_reported(engine: Engine) -> None:
    d = await driver(engine)
    await d.join("random-user")
    await d.join("music-fan", interests=("music", "films"))
    [match] = await d.join("b", interests=("books", "films", "music"))
    assert pair_of(match) == {"music-fan", "b"}
    assert set(match.common_interests) == {"music", "films"}
    [told] = d.inboxes["music-fan"].events
    assert isinstance(told, Matched) and set(told.common_interests) == {"music", "films"}


async def test_interest_user_is_not_taken_by_a_random_user_before_fallback(
    engine: Engine,
) -> None:
    d = await driver(engine)
    await d.join("fan", interests=("music",))
    assert await d.join("anyone") == []
    assert await d.waiting() == 2


async def test_interest_fallback_after_timeout(engine: Engine) -> None:
    d = await driver(engine, interest_fallback=10.0)
    await d.join("fan", interests=("music",))
    engine.clock.advance(1.0)
    await d.join("anyone")
    assert await d.tick_at(9.9) == []
    assert d.fallbacks("fan") == []
    [match] = await d.tick_at(10.0)
    assert d.fallbacks("fan") == [FellBack("timeout")]
    assert pair_of(match) == {"fan", "anyone"}
    assert match.common_interests == ()


async def test_fallen_back_user_still_prefers_a_shared_interest(engine: Engine) -> None:
    d = await driver(engine, interest_fallback=10.0)
    await d.join("fan", interests=("music",))
    assert await d.tick_at(10.0) == []  # now also in the random pool, nobody else here
    await d.join("anyone-else", lang="id")  # another language: not a candidate
    engine.clock.advance(1.0)
    [match] = await d.join("other-fan", interests=("music",))
    assert pair_of(match) == {"fan", "other-fan"}
    assert match.common_interests == ("music",)


async def test_stop_interests_falls_back_at_once(engine: Engine) -> None:
    d = await driver(engine)
    await d.join("anyone")
    await d.join("fan", interests=("music",))
    seen = len(engine.matches)
    await d.broker.stop_interests("fan")
    [match] = engine.matches[seen:]
    assert d.fallbacks("fan") == [FellBack("asked")]
    assert pair_of(match) == {"fan", "anyone"}


async def test_interests_only_never_falls_back(engine: Engine) -> None:
    d = await driver(engine, interest_fallback=10.0, language_fallback=None)
    await d.join("picky", interests=("chess",), interests_only=True)
    await d.join("anyone")
    assert await d.tick_at(1_000.0) == []
    assert d.fallbacks("picky") == []
    assert await d.waiting() == 2
    [match] = await d.join("player", interests=("chess",))
    assert pair_of(match) == {"picky", "player"}


async def test_same_language_is_preferred(engine: Engine) -> None:
    d = await driver(engine, language_fallback=20.0)
    await d.join("es1", lang="es")
    await d.join("en1", lang="en")
    [match] = await d.join("es2", lang="es")
    assert pair_of(match) == {"es1", "es2"}
    assert await d.join("id1", lang="id") == []


async def test_language_fallback_pairs_across_languages(engine: Engine) -> None:
    d = await driver(engine, language_fallback=20.0)
    await d.join("en1", lang="en")
    engine.clock.advance(5.0)
    await d.join("id1", lang="id")
    assert await d.tick_at(19.0) == []
    assert await d.tick_at(20.0) == []  # en1 now accepts anyone, id1 not yet
    [match] = await d.tick_at(25.0)
    assert pair_of(match) == {"en1", "id1"}


async def test_language_fallback_can_be_disabled(engine: Engine) -> None:
    d = await driver(engine, language_fallback=None)
    await d.join("en1", lang="en")
    await d.join("id1", lang="id")
    assert await d.tick_at(10_000.0) == []
    assert await d.waiting() == 2


async def test_recent_partners_are_not_paired_again(engine: Engine) -> None:
    d = await driver(engine, recent_partners=2)
    await d.join("a")
    await d.join("b")
    await d.join("a")
    assert await d.join("b") == []  # b is a's recent partner
    [match] = await d.join("c")
    assert pair_of(match) in ({"a", "c"}, {"b", "c"})


async def test_recent_partner_memory_is_only_the_last_few(engine: Engine) -> None:
    d = await driver(engine, recent_partners=1)
    for partner in ("b", "c"):
        await d.join("a")
        assert len(await d.join(partner)) == 1
    # a's memory holds only c now, but b still remembers a: still excluded
    await d.join("a")
    assert await d.join("b") == []
    await d.leave("b")
    [match] = await d.join("d")
    assert pair_of(match) == {"a", "d"}


async def test_reported_pairs_never_meet_again(engine: Engine) -> None:
    d = await driver(engine, recent_partners=0)
    await d.broker.block("device-a", "device-b")
    await d.join("a", identity="device-a")
    assert await d.join("b", identity="device-b") == []
    [match] = await d.join("c", identity="device-c")
    assert "c" in pair_of(match)


async def test_a_block_on_a_network_keeps_its_cookieless_waits_away(engine: Engine) -> None:
    """A report on someone without identity (an API client with no cookie,
    a new name at every start) blocks their network: its later cookie-less
    waits do not meet the reporter, either way round; a device from there does."""
    d = await driver(engine, recent_partners=0)
    await d.broker.block("device-r", block_key("", HOME))
    await d.join("r1", identity="device-r")
    assert await d.join("bot1", network=HOME) == []  # a new wait from the blocked address
    await d.leave("r1")
    await d.leave("bot1")
    await d.join("bot2", network=HOME)
    assert await d.join("r2", identity="device-r") == []  # the other way round
    [match] = await d.join("neighbour", identity="device-n", network=HOME)
    assert pair_of(match) == {"r2", "neighbour"}  # a device from that address is met
    [match] = await d.join("other", network=AWAY)
    assert pair_of(match) == {"bot2", "other"}  # the cookie-less wait meets the others


async def test_leaving_removes_the_user_from_every_pool(engine: Engine) -> None:
    d = await driver(engine, language_fallback=None)
    await d.join("fan", interests=("music", "films"))
    await d.leave("fan")
    await d.leave("fan")  # twice is harmless
    assert await d.waiting() == 0
    assert await d.join("x", interests=("music",)) == []
    assert await d.join("y", interests=("films",)) == []
    assert await d.tick_at(100.0) != []  # x and y fall back and meet each other
    assert d.fallbacks("fan") == []  # fan's deadlines are gone


async def test_a_user_may_wait_again_after_leaving(engine: Engine) -> None:
    d = await driver(engine)
    await d.join("a")
    await d.leave("a")
    await d.join("a")
    [match] = await d.join("b")
    assert pair_of(match) == {"a", "b"}
    assert await d.waiting() == 0


async def test_sections_are_never_crossed(engine: Engine) -> None:
    d = await driver(engine, language_fallback=1.0, interest_fallback=1.0)
    await d.join("adult", section="adults")
    await d.join("teen", section="teens")
    await d.join("low", section="adults/low")
    await d.join("adult-fan", section="adults", interests=("music",), interests_only=True)
    await d.join("teen-fan", section="teens", interests=("music",), interests_only=True)
    assert await d.tick_at(100.0) == []
    assert await d.waiting() == 5
    [match] = await d.join("teen2", section="teens")
    assert pair_of(match) == {"teen", "teen2"}


async def test_one_redis_call_takes_its_own_network_last_among_its_arrivals(
    redis_url: str, redis_prefix: str
) -> None:
    # The Redis engine pairs arrivals of one call among themselves before
    # storing any (the memory engine has no such calls): two from one network
    # meet when alone, but a stored waiter from my network comes after an
    # arrival from elsewhere, and so does an arrival from my network. Blocks
    # keep the others apart.
    redis = Redis.from_url(redis_url)
    mm = RedisMatchmaker(redis, redis_prefix, MatchmakerPolicy(window=1), batch_seconds=0.05)
    now = time.time()
    await redis.set(redis_prefix + "alive:n", "1", ex=60)  # however slow the test runs

    async def call(*tickets: Ticket) -> list[frozenset[str]]:
        results = await asyncio.gather(*(mm.join(t, "n", "", now) for t in tickets))
        return [pair_of(p.outcome) for r in results for p in r if isinstance(p.outcome, Match)]

    try:
        twins = Ticket("twin1", network=HOME), Ticket("twin2", network=HOME)
        assert await call(*twins) == [frozenset({"twin1", "twin2"})]  # alone: they meet
        await mm.block("housemate", "stranger", now)
        assert await call(Ticket("housemate", network=HOME)) == []
        assert await call(Ticket("stranger", network=AWAY), Ticket("me", network=HOME)) == [
            frozenset({"stranger", "me"})
        ]
        await mm.leave("housemate", now)
        await mm.block("sister", "visitor", now)
        arrivals = Ticket("sister", network=HOME), Ticket("visitor", network=AWAY)
        assert await call(*arrivals, Ticket("brother", network=HOME)) == [
            frozenset({"visitor", "brother"})
        ]
    finally:
        await redis.aclose()
