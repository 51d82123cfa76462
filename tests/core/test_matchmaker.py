"""The pure matchmaker's own workings: pools, deadlines, bounded work per arrival.

Its behaviour (who meets whom) is tested on every broker engine by
tests/cluster/test_matchmaking.py.
"""

from __future__ import annotations

import random
import statistics

import pytest

from passerby.core.matchmaker import (
    _SCAN_LIMIT,
    ANY_LANGUAGE,
    RANDOM,
    Fallback,
    Match,
    Matchmaker,
    MatchmakerPolicy,
    Outcome,
    Ticket,
)


def matches(outcomes: list[Outcome]) -> list[Match]:
    return [o for o in outcomes if isinstance(o, Match)]


def pair_of(match: Match) -> frozenset[str]:
    return frozenset((match.a, match.b))


def make(seed: int = 1, **policy: float | int | None) -> Matchmaker:
    return Matchmaker(MatchmakerPolicy(**policy), random.Random(seed))  # type: ignore[arg-type]


def test_joining_twice_is_refused() -> None:
    mm = make()
    mm.join(Ticket("a"), 0.0)
    with pytest.raises(ValueError, match="already waiting"):
        mm.join(Ticket("a"), 0.0)


def test_deadlines_and_pools_follow_the_fallbacks() -> None:
    mm = make(interest_fallback=10.0, language_fallback=20.0)
    mm.join(Ticket("fan", interests=("music",)), 0.0)
    assert mm.pools_of("fan") == {("main", "en", "music")}
    assert mm.next_deadline() == 10.0
    assert mm.tick(10.0) == [Fallback("fan", "timeout")]
    assert ("main", "en", RANDOM) in mm.pools_of("fan")
    assert mm.next_deadline() == 20.0
    mm.tick(20.0)
    assert {k[1:] for k in mm.pools_of("fan")} >= {(ANY_LANGUAGE, RANDOM), (ANY_LANGUAGE, "music")}
    assert mm.next_deadline() is None


def test_leaving_empties_the_pools() -> None:
    mm = make()
    mm.join(Ticket("fan", interests=("music", "films")), 0.0)
    assert len(mm.pools_of("fan")) == 2
    assert mm.leave("fan")
    assert not mm.leave("fan")
    assert not mm.is_waiting("fan")
    assert mm._pools == {}


def test_eligibility_is_symmetric_in_memory() -> None:
    mm = make(recent_partners=1)
    for partner in ("b", "c"):
        mm.join(Ticket("a"), 0.0)
        assert matches(mm.join(Ticket(partner), 0.0))
    assert mm.recent_partners("a") == ("c",)
    assert not mm.eligible(Ticket("a"), Ticket("b"))  # b still remembers a
    assert mm.eligible(Ticket("a"), Ticket("d"))


def test_memory_forgets_the_least_recently_matched_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("passerby.core.matchmaker.MAX_REMEMBERED", 4)
    mm = make(recent_partners=2)

    def meet(x: str, y: str) -> None:
        mm.join(Ticket(x), 0.0)
        assert matches(mm.join(Ticket(y), 0.0))

    meet("a", "b")
    meet("c", "d")
    meet("b", "c")  # b and c matched again: a and d are now the oldest
    assert mm.recent_partners("b") == ("a", "c")
    meet("e", "f")  # two new identities: a and then d are forgotten
    assert mm.recent_partners("a") == ()
    assert mm.recent_partners("d") == ()
    assert mm.recent_partners("b") == ("a", "c")
    assert mm.recent_partners("c") == ("d", "b")
    assert len(mm._recent) == 4
    # memory is checked from both sides: b still remembers a
    assert not mm.eligible(Ticket("a"), Ticket("b"))
    assert mm.eligible(Ticket("a"), Ticket("d"))


class CountingDict(dict[int, object]):
    """Counts lookups: how many waiting users an operation looked at."""

    lookups = 0

    def __getitem__(self, key: int) -> object:
        self.lookups += 1
        return super().__getitem__(key)


def test_scale_100k_waiting_10k_tags() -> None:
    # Not a timing assertion: checks that an arrival looks at a bounded
    # number of waiting users however many are waiting.
    mm = make(seed=2, language_fallback=None)
    rng = random.Random(9)
    for i in range(100_000):
        tags = tuple(f"t{rng.randrange(10_000)}" for _ in range(3))
        mm.join(Ticket(f"w{i}", interests=tags, interests_only=True, identity="crowd"), 0.0)
    counting = CountingDict(mm._by_seq)
    mm._by_seq = counting  # type: ignore[assignment]
    looked = []
    for i in range(200):
        tags = tuple(f"t{rng.randrange(10_000)}" for _ in range(20))
        before = counting.lookups
        mm.join(Ticket(f"n{i}", interests=tags), 0.0)
        looked.append(counting.lookups - before)
    # at most `window` candidates per tag pool, plus the partner itself
    assert max(looked) <= 20 * 4 + 1
    assert statistics.mean(looked) > 20  # it did look in the pools


def test_waiters_from_ones_own_network_cost_a_bounded_scan() -> None:
    # They do not fill the window (someone from elsewhere may wait behind
    # them), so an arrival reads past them, but never further than the scan
    # limit: then it takes one of them rather than wait.
    mm = make(seed=2, window=4)
    mm.block("bot", "far")
    for i in range(1_000):
        mm.join(Ticket(f"tab{i}", identity="bot", network="home"), 0.0)
    mm.join(Ticket("far", network="away"), 0.0)  # behind them all
    counting = CountingDict(mm._by_seq)
    mm._by_seq = counting  # type: ignore[assignment]
    [match] = matches(mm.join(Ticket("me", network="home"), 0.0))
    assert match.a.startswith("tab")
    assert _SCAN_LIMIT < counting.lookups <= _SCAN_LIMIT + 1


def test_a_network_is_forgotten_with_its_last_wait() -> None:
    mm = make()
    mm.join(Ticket("tab1", identity="device", network="home"), 0.0)
    mm.join(Ticket("tab2", identity="device", network="home"), 0.0)  # never meets tab1
    assert mm._networks == {"home": ("home", 2)}
    mm.leave("tab1")
    assert mm._networks == {"home": ("home", 1)}
    [match] = matches(mm.join(Ticket("sister", network="home"), 0.0))
    assert pair_of(match) == {"tab2", "sister"}
    assert mm._networks == {}
