"""How much one matchmaking operation costs with a large crowd waiting.

Fills the matchmaker with waiting users holding random interests from a large
tag set, then times arrivals, leaves and fallback ticks. Prints figures; it
asserts nothing. Run: ``python benchmarks/matchmaker.py``.

The crowd comes from ten networks (addresses), so that arrivals from one of
them find a tenth of each pool to be last resorts: the last two rows time
arrivals with no address and with one of the crowd's, on the same crowd.
"""

from __future__ import annotations

import argparse
import random
import time

from passerby.core.matchmaker import MAX_REMEMBERED, Matchmaker, MatchmakerPolicy, Ticket


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--waiting", type=int, default=100_000)
    parser.add_argument("--tags", type=int, default=10_000)
    parser.add_argument("--ops", type=int, default=20_000)
    args = parser.parse_args()

    rng = random.Random(1)
    mm = Matchmaker(MatchmakerPolicy(language_fallback=None), random.Random(2))

    def tags(k: int) -> tuple[str, ...]:
        return tuple(f"tag{rng.randrange(args.tags)}" for _ in range(k))

    networks = [f"198.51.100.{n}" for n in range(10)]

    start = time.perf_counter()
    for i in range(args.waiting):
        # one identity keeps the crowd from pairing off; one in ten will fall
        # back to random strangers when its timer runs out
        crowd = Ticket(
            f"w{i}", tags(3), "en", i % 10 != 0, identity="crowd", network=networks[i % 10]
        )
        mm.join(crowd, 0.0)
    fill = time.perf_counter() - start
    print(f"filled {len(mm):,} waiting users over {args.tags:,} tags in {fill:.2f} s")

    rows = []
    arrivals = [Ticket(f"n{i}", tags(20), "en") for i in range(args.ops)]
    start = time.perf_counter()
    matched = sum(1 for t in arrivals if mm.join(t, 1.0))
    rows.append(("arrival with 20 interests", time.perf_counter() - start, matched))

    randoms = [Ticket(f"r{i}") for i in range(args.ops)]
    start = time.perf_counter()
    for t in randoms:
        mm.join(t, 2.0)
    rows.append(("arrival, random (pairs in twos)", time.perf_counter() - start, 0))

    leavers = [f"w{i}" for i in rng.sample(range(args.waiting), args.ops)]
    start = time.perf_counter()
    for user in leavers:
        mm.leave(user)
    rows.append(("leave", time.perf_counter() - start, 0))

    start = time.perf_counter()
    outcomes = mm.tick(100.0)
    rows.append(("fallback tick (all due at once)", time.perf_counter() - start, len(outcomes)))

    print(f"{'operation':36} {'per op':>10} {'ops/s':>12}")
    for name, seconds, _ in rows[:3]:
        print(f"{name:36} {seconds / args.ops * 1e6:8.1f} µs {args.ops / seconds:12,.0f}")
    name, seconds, n = rows[3]
    print(f"{name:36} {seconds / max(n, 1) * 1e6:8.1f} µs {n:>9,} outcomes")
    print(f"still waiting: {len(mm):,}; matched interest arrivals: {matched:,}/{args.ops:,}")

    # Recent-partner memory at its bound: every new pair makes it forget two
    # identities, which must stay as cheap as when it had room.
    full = Matchmaker(MatchmakerPolicy(language_fallback=None), random.Random(3))
    for i in range(0, MAX_REMEMBERED, 2):
        full.join(Ticket(f"f{i}"), 0.0)
        full.join(Ticket(f"f{i + 1}"), 0.0)
    pairs = [(Ticket(f"g{i}"), Ticket(f"h{i}")) for i in range(args.ops)]
    start = time.perf_counter()
    for a, b in pairs:
        full.join(a, 1.0)
        full.join(b, 1.0)
    seconds = time.perf_counter() - start
    name = f"pair, memory full ({MAX_REMEMBERED:,})"
    print(f"{name:36} {seconds / args.ops * 1e6:8.1f} µs {args.ops / seconds:12,.0f}")

    # Alternately with no address and from one of the crowd's networks, so
    # that both kinds meet the same crowd.
    half = args.ops // 2
    plain = [Ticket(f"p{i}", tags(20), "en") for i in range(half)]
    local = [Ticket(f"l{i}", tags(20), "en", network=networks[i % 10]) for i in range(half)]
    spent = [0.0, 0.0]
    for pair in zip(plain, local, strict=True):
        for kind, ticket in enumerate(pair):
            start = time.perf_counter()
            mm.join(ticket, 101.0)
            spent[kind] += time.perf_counter() - start
    for name, seconds in zip(
        ("arrival, 20 interests, no address", "the same from a crowd network"), spent, strict=True
    ):
        print(f"{name:36} {seconds / half * 1e6:8.1f} µs {half / seconds:12,.0f}")


if __name__ == "__main__":
    main()
