"""The matchmaker's behaviour, driven directly with a hand-moved clock."""

from __future__ import annotations

import random
import statistics
from collections import Counter

import pytest

from passerby.core.matchmaker import (
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


def test_two_random_users_are_paired() -> None:
    mm = make()
    assert mm.join(Ticket("a"), 0.0) == []
    assert mm.is_waiting("a")
    [match] = matches(mm.join(Ticket("b"), 1.0))
    assert pair_of(match) == {"a", "b"}
    assert match.a == "a"  # the one who waited longer comes first
    assert match.waited_a == 1.0 and match.waited_b == 0.0
    assert match.common_interests == ()
    assert len(mm) == 0


def test_joining_twice_is_refused() -> None:
    mm = make()
    mm.join(Ticket("a"), 0.0)
    with pytest.raises(ValueError, match="already waiting"):
        mm.join(Ticket("a"), 0.0)


def test_never_paired_with_oneself_across_two_tabs() -> None:
    mm = make()
    mm.join(Ticket("tab1", identity="same-person"), 0.0)
    assert matches(mm.join(Ticket("tab2", identity="same-person"), 0.0)) == []
    assert len(mm) == 2
    [match] = matches(mm.join(Ticket("other"), 0.0))
    assert "other" in pair_of(match)


def test_partner_is_random_among_waiting_users() -> None:
    # Four users waiting (one person in four tabs, so they cannot meet each
    # other); the fifth arrival picks one of them. Over many rounds every
    # waiting position gets picked, none overwhelmingly.
    picks: Counter[int] = Counter()
    mm = make(seed=7, recent_partners=0)
    for round_ in range(4000):
        users = [f"w{round_}-{i}" for i in range(4)]
        for i, user in enumerate(users):
            mm.join(Ticket(user, identity=f"crowd{round_}"), float(i))
        [match] = matches(mm.join(Ticket(f"x{round_}"), 10.0))
        picks[users.index(match.a)] += 1
        for user in users:
            mm.leave(user)
    assert set(picks) == {0, 1, 2, 3}
    for count in picks.values():
        assert 800 < count < 1200  # 1000 expected each


def test_nobody_waits_for_ever_while_later_arrivals_are_served() -> None:
    # A queue of waiters who cannot meet each other (one identity), served by
    # arrivals who can meet any of them. Count, for each waiter, how many
    # waiters who came later were served first: it must stay small.
    mm = make(seed=3, recent_partners=0, window=4)
    rng = random.Random(5)
    order: dict[str, int] = {}
    overtaken: dict[str, int] = {}
    worst = 0
    for step in range(20_000):
        if len(mm) < 10 or rng.random() < 0.5:
            user = f"w{step}"
            order[user] = step
            overtaken[user] = 0
            assert matches(mm.join(Ticket(user, identity="queue"), float(step))) == []
            continue
        [match] = matches(mm.join(Ticket(f"x{step}"), float(step)))
        served = match.a
        worst = max(worst, overtaken.pop(served))
        for waiting_user in overtaken:
            if order[waiting_user] < order[served]:
                overtaken[waiting_user] += 1
    assert worst < 40, worst  # (3/4)^40 is about 1e-5 per waiter
    assert worst > 0  # it is random, not strictly first come first served


def test_interest_match_is_preferred_and_reported() -> None:
    mm = make()
    mm.join(Ticket("random-user"), 0.0)
    mm.join(Ticket("music-fan", interests=("music", "films")), 0.0)
    [match] = matches(mm.join(Ticket("b", interests=("books", "films", "music")), 1.0))
    assert pair_of(match) == {"music-fan", "b"}
    assert set(match.common_interests) == {"music", "films"}


def test_interest_user_is_not_taken_by_a_random_user_before_fallback() -> None:
    mm = make()
    mm.join(Ticket("fan", interests=("music",)), 0.0)
    assert matches(mm.join(Ticket("anyone"), 1.0)) == []
    assert len(mm) == 2


def test_interest_fallback_after_timeout() -> None:
    mm = make(interest_fallback=10.0)
    mm.join(Ticket("fan", interests=("music",)), 0.0)
    mm.join(Ticket("anyone"), 1.0)
    assert mm.tick(9.9) == []
    assert mm.next_deadline() == 10.0
    outcomes = mm.tick(10.0)
    assert outcomes[0] == Fallback("fan", "timeout")
    [match] = matches(outcomes)
    assert pair_of(match) == {"fan", "anyone"}
    assert match.common_interests == ()


def test_fallen_back_user_still_prefers_a_shared_interest() -> None:
    mm = make(interest_fallback=10.0)
    mm.join(Ticket("fan", interests=("music",)), 0.0)
    mm.tick(10.0)  # now also in the random pool, nobody else here
    [match] = matches(mm.join(Ticket("other-fan", interests=("music",)), 11.0))
    assert match.common_interests == ("music",)


def test_stop_interests_falls_back_at_once() -> None:
    mm = make()
    mm.join(Ticket("anyone"), 0.0)
    mm.join(Ticket("fan", interests=("music",)), 0.0)
    outcomes = mm.stop_interests("fan", 1.0)
    assert outcomes[0] == Fallback("fan", "asked")
    [match] = matches(outcomes)
    assert pair_of(match) == {"fan", "anyone"}


def test_interests_only_never_falls_back() -> None:
    mm = make(interest_fallback=10.0, language_fallback=None)
    mm.join(Ticket("picky", interests=("chess",), interests_only=True), 0.0)
    mm.join(Ticket("anyone"), 0.0)
    assert mm.tick(1_000.0) == []
    assert len(mm) == 2
    [match] = matches(mm.join(Ticket("player", interests=("chess",)), 1_001.0))
    assert pair_of(match) == {"picky", "player"}


def test_same_language_is_preferred() -> None:
    mm = make(language_fallback=20.0)
    mm.join(Ticket("es1", lang="es"), 0.0)
    mm.join(Ticket("en1", lang="en"), 0.0)
    [match] = matches(mm.join(Ticket("es2", lang="es"), 1.0))
    assert pair_of(match) == {"es1", "es2"}
    assert matches(mm.join(Ticket("id1", lang="id"), 1.0)) == []


def test_language_fallback_pairs_across_languages() -> None:
    mm = make(language_fallback=20.0)
    mm.join(Ticket("en1", lang="en"), 0.0)
    mm.join(Ticket("id1", lang="id"), 5.0)
    assert matches(mm.tick(19.0)) == []
    assert matches(mm.tick(20.0)) == []  # en1 now accepts anyone, id1 not yet
    assert (ANY_LANGUAGE, RANDOM) in {k[1:] for k in mm.pools_of("en1")}
    [match] = matches(mm.tick(25.0))
    assert pair_of(match) == {"en1", "id1"}


def test_language_fallback_can_be_disabled() -> None:
    mm = make(language_fallback=None)
    mm.join(Ticket("en1", lang="en"), 0.0)
    mm.join(Ticket("id1", lang="id"), 0.0)
    assert mm.tick(10_000.0) == []
    assert mm.next_deadline() is None


def test_recent_partners_are_not_paired_again() -> None:
    mm = make(recent_partners=2)
    mm.join(Ticket("a"), 0.0)
    matches(mm.join(Ticket("b"), 0.0))
    assert mm.recent_partners("a") == ("b",)
    mm.join(Ticket("a"), 1.0)
    assert matches(mm.join(Ticket("b"), 1.0)) == []  # b is a's recent partner
    [match] = matches(mm.join(Ticket("c"), 1.0))
    assert pair_of(match) in ({"a", "c"}, {"b", "c"})


def test_recent_partner_memory_is_only_the_last_few() -> None:
    mm = make(recent_partners=1)
    for partner in ("b", "c"):
        mm.join(Ticket("a"), 0.0)
        matches(mm.join(Ticket(partner), 0.0))
    # a's memory holds only c now, but b still remembers a: still excluded
    assert mm.recent_partners("a") == ("c",)
    assert not mm.eligible(Ticket("a"), Ticket("b"))
    assert mm.eligible(Ticket("a"), Ticket("d"))


def test_leaving_removes_the_user_from_every_pool() -> None:
    mm = make()
    mm.join(Ticket("fan", interests=("music", "films")), 0.0)
    assert len(mm.pools_of("fan")) == 2
    assert mm.leave("fan")
    assert not mm.leave("fan")
    assert not mm.is_waiting("fan")
    assert matches(mm.join(Ticket("x", interests=("music",)), 1.0)) == []
    assert mm.tick(100.0) == [Fallback("x", "timeout")]  # fan's deadlines are gone


def test_sections_are_never_crossed() -> None:
    mm = make(language_fallback=1.0, interest_fallback=1.0)
    mm.join(Ticket("a", section="one"), 0.0)
    mm.join(Ticket("b", section="two"), 0.0)
    assert matches(mm.tick(100.0)) == []
    assert len(mm) == 2


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
