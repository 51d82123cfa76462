"""The in-process broker: routing, undeliverable messages, fallbacks on ticks."""

from __future__ import annotations

import random

from passerby.clock import ManualClock
from passerby.cluster.memory import MemoryBroker
from passerby.core.events import FellBack, Matched, PeerEvent, Relay, Undelivered
from passerby.core.matchmaker import Match, Matchmaker, MatchmakerPolicy, Ticket


class Recorder:
    def __init__(self) -> None:
        self.events: list[PeerEvent] = []

    async def deliver(self, event: PeerEvent) -> None:
        self.events.append(event)


def broker(clock: ManualClock) -> MemoryBroker:
    policy = MatchmakerPolicy(interest_fallback=10.0, language_fallback=None)
    return MemoryBroker(Matchmaker(policy, random.Random(1)), clock)


async def test_match_is_announced_to_both_and_observed() -> None:
    clock = ManualClock()
    b = broker(clock)
    seen: list[tuple[Match, str]] = []
    b.observe_matches(lambda match, chat: seen.append((match, chat)))
    alice, bob = Recorder(), Recorder()
    b.attach("alice", alice)
    b.attach("bob", bob)
    await b.enqueue(Ticket("alice", ("go",)))
    clock.advance(2.0)
    await b.enqueue(Ticket("bob", ("go", "tea")))
    [(match, chat)] = seen
    assert match.waited_a == 2.0
    assert alice.events == [Matched(chat, "bob", ("go",))]
    assert bob.events == [Matched(chat, "alice", ("go",))]
    counts = await b.counts()
    assert (counts.online, counts.waiting, counts.chats) == (2, 0, 1)
    await b.end_chat(chat)
    await b.end_chat(chat)  # idempotent
    assert (await b.counts()).chats == 0


async def test_message_to_a_gone_user_comes_back_undelivered() -> None:
    b = broker(ManualClock())
    alice = Recorder()
    b.attach("alice", alice)
    await b.deliver("gone", Relay("c1", "alice", "hello?", 7))
    assert alice.events == [Undelivered("c1", 7)]
    await b.deliver("gone", FellBack("asked"))  # other events for the gone are dropped
    assert len(alice.events) == 1


async def test_tick_runs_due_fallbacks() -> None:
    clock = ManualClock()
    b = broker(clock)
    fan, anyone = Recorder(), Recorder()
    b.attach("fan", fan)
    b.attach("anyone", anyone)
    await b.enqueue(Ticket("fan", ("knitting",)))
    await b.enqueue(Ticket("anyone"))
    clock.advance(9.0)
    await b.tick()
    assert fan.events == []
    clock.advance(1.0)
    await b.tick()
    assert fan.events[0] == FellBack("timeout")
    assert isinstance(fan.events[1], Matched) and isinstance(anyone.events[0], Matched)


async def test_detach_leaves_the_queue() -> None:
    b = broker(ManualClock())
    b.attach("a", Recorder())
    await b.enqueue(Ticket("a"))
    assert (await b.counts()).waiting == 1
    await b.detach("a")
    counts = await b.counts()
    assert (counts.online, counts.waiting) == (0, 0)
