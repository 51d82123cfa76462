"""The matchmaker: who meets whom. Pure, driven by calls, time passed in.

Every waiting user is a member of one or more *pools*. A pool is keyed by
``(section, scope, key)``: the section (one partition of the service that is
never crossed), the scope (a language code, or ``*`` for any language) and the
key (an interest tag, or :data:`RANDOM` for "anyone"). Membership means "I
accept any partner who is also in this pool", so two users are compatible
exactly when they share a pool and neither excludes the other.

A user's pools grow with time, never shrink while they wait:

* on arrival: ``(section, lang, tag)`` for each interest, or
  ``(section, lang, RANDOM)`` with no interests;
* after ``interest_fallback`` seconds, or when they ask, unless they chose
  "interests only": ``(section, lang, RANDOM)``;
* after ``language_fallback`` seconds (when enabled): the same keys in scope
  ``*``, so that speakers of a rare language still meet someone.

Whenever a user enters a pool they first look in it for a partner; only when
none is eligible do they stay. So the invariant the tests check is: **no two
waiting users share a pool and are eligible for each other.**

Among the eligible candidates, the partner is drawn at random from the
``window`` who have waited longest. The oldest candidate is always in that
window, so nobody is passed over for ever while later arrivals are served,
and everybody still meets a random stranger. Pools are sorted lists, so each
operation costs O(k log n) for k pools (at most 2 x (20 tags + 1)) and n
waiting users.

Two waits from one *network* (one address, or one IPv6 /64) are eligible
for each other, since a household or a school shares an address, but only
as a last resort: a look for a partner (an arrival, a fallback) takes one
from its own network only when it finds no other eligible candidate, in
interest or random pools alike. So one client with two sessions is not
handed itself while anybody else is waiting. (Two sessions of one *device*
never meet at all: see :attr:`Ticket.who`.)

This module must never do I/O, read the real clock or import asyncio.
"""

from __future__ import annotations

import heapq
import random
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Final, Literal

from sortedcontainers import SortedList

from passerby.recent import put_last

RANDOM: Final = "\x00random"
ANY_LANGUAGE: Final = "*"
DEFAULT_SECTION: Final = "main"

# Identities whose recent partners are remembered; past this the least
# recently matched are forgotten first, so memory stays bounded however many
# devices come and go.
MAX_REMEMBERED: Final = 200_000

# Candidates looked at per pool before giving up on finding an eligible one.
# Ineligible users (recent partners) and users from the looker's own network
# sit at the head of a pool only in small numbers (two from one network who
# may meet never wait in one pool together), so this bounds the scan without
# missing real candidates.
_SCAN_LIMIT: Final = 64

PoolKey = tuple[str, str, str]


# Blocks on a network (below) are kept under the network with this in front:
# no identity (a device's hash, a wait's name) contains it.
NETWORK_BLOCK = "net:"


def block_key(identity: str, network: str) -> str:
    """What a report keeps apart: the identity (a device), or for someone
    without one (an Omegle API client with no cookie, a new name at every
    start) their network, so that a block outlives the wait it was made in.
    A reporter then meets no cookie-less client from that address (a device
    from there is still met). Empty when neither is known."""
    if identity or not network:
        return identity
    return NETWORK_BLOCK + network


@dataclass(frozen=True, slots=True)
class Ticket:
    """What a user asks for when they start looking.

    ``user`` names this wait (one per connection); ``identity`` is whom
    recent-partner memory hangs on and who may never meet themselves (the
    same person in two tabs). It defaults to ``user``. ``network`` is the
    address the wait comes from (an IPv4 address, or an IPv6 /64), empty
    when unknown: a partner from one's own network is taken only when
    nobody else is found.
    """

    user: str
    interests: tuple[str, ...] = ()
    lang: str = "en"
    interests_only: bool = False
    section: str = DEFAULT_SECTION
    identity: str = ""
    network: str = ""

    @property
    def who(self) -> str:
        return self.identity or self.user

    @property
    def block_key(self) -> str:
        """What a report's block on this wait hangs on: see :func:`block_key`."""
        return block_key(self.identity, self.network) or self.user


@dataclass(frozen=True, slots=True)
class Match:
    a: str
    b: str
    common_interests: tuple[str, ...]
    waited_a: float
    waited_b: float


@dataclass(frozen=True, slots=True)
class Fallback:
    """``user`` is now also offered to random strangers."""

    user: str
    reason: Literal["timeout", "asked"]


Outcome = Match | Fallback


@dataclass(frozen=True, slots=True)
class MatchmakerPolicy:
    interest_fallback: float = 10.0
    language_fallback: float | None = 20.0
    recent_partners: int = 3
    window: int = 4

    def __post_init__(self) -> None:
        if self.interest_fallback < 0 or self.recent_partners < 0 or self.window < 1:
            raise ValueError("invalid matchmaker policy")
        if self.language_fallback is not None and self.language_fallback < 0:
            raise ValueError("invalid matchmaker policy")


@dataclass(slots=True, eq=False)
class _Waiter:
    ticket: Ticket
    seq: int
    joined: float
    random_ok: bool
    who: str = ""
    network: str = ""
    key: str = ""  # its block key (Ticket.block_key)
    any_language: bool = False
    pools: set[PoolKey] = field(default_factory=set)


_INTEREST_DEADLINE: Final = 0
_LANGUAGE_DEADLINE: Final = 1


class Matchmaker:
    def __init__(
        self, policy: MatchmakerPolicy | None = None, rng: random.Random | None = None
    ) -> None:
        self.policy = policy or MatchmakerPolicy()
        self._rng = rng or random.SystemRandom()
        self._seq = 0
        self._waiters: dict[str, _Waiter] = {}
        self._by_seq: dict[int, _Waiter] = {}
        self._pools: dict[PoolKey, SortedList] = {}
        self._deadlines: list[tuple[float, int, int]] = []
        # Tuples, not deques: a three-name tuple is a tenth of an empty deque.
        # The most recently matched last (see passerby.recent.put_last).
        self._recent: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        # Pairs that must never meet again (after a report), both directions.
        self._blocked: dict[str, set[str]] = {}
        # One string per network among the waiting, with its number of
        # waits: _pick compares networks by identity, since reading each
        # candidate's own string costs a cache miss per candidate.
        self._networks: dict[str, tuple[str, int]] = {}

    # --- queries ----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._waiters)

    def is_waiting(self, user: str) -> bool:
        return user in self._waiters

    def waiting(self) -> Iterator[Ticket]:
        return (w.ticket for w in self._waiters.values())

    def pools_of(self, user: str) -> frozenset[PoolKey]:
        waiter = self._waiters.get(user)
        return frozenset(waiter.pools) if waiter else frozenset()

    def recent_partners(self, identity: str) -> tuple[str, ...]:
        return tuple(self._recent.get(identity, ()))

    def next_deadline(self) -> float | None:
        """When :meth:`tick` next has work, or None when nothing is scheduled."""
        while self._deadlines and self._deadlines[0][1] not in self._by_seq:
            heapq.heappop(self._deadlines)
        return self._deadlines[0][0] if self._deadlines else None

    def eligible(self, a: Ticket, b: Ticket) -> bool:
        """May these two ever meet? (Sections, self-pairing, recent partners.)"""
        if a.section != b.section or a.who == b.who:
            return False
        ra = self._recent.get(a.who)
        if ra is not None and b.who in ra:
            return False
        rb = self._recent.get(b.who)
        if rb is not None and a.who in rb:
            return False
        blocked = self._blocked_of(a.who, a.block_key)
        return not blocked or b.block_key not in blocked

    # --- commands ---------------------------------------------------------

    def join(self, ticket: Ticket, now: float) -> list[Outcome]:
        if ticket.user in self._waiters:
            raise ValueError("already waiting")
        policy = self.policy
        self._seq += 1
        network = ticket.network
        if network:
            network, count = self._networks.get(network, (network, 0))
            self._networks[network] = (network, count + 1)
        waiter = _Waiter(
            ticket,
            self._seq,
            now,
            random_ok=not ticket.interests,
            who=ticket.who,
            network=network,
            key=ticket.block_key,
        )
        self._waiters[ticket.user] = waiter
        self._by_seq[waiter.seq] = waiter
        if ticket.interests and not ticket.interests_only:
            self._schedule(now + policy.interest_fallback, waiter, _INTEREST_DEADLINE)
        if policy.language_fallback is not None:
            self._schedule(now + policy.language_fallback, waiter, _LANGUAGE_DEADLINE)
        return self._enter(waiter, self._keys(waiter, ticket.lang), now)

    def leave(self, user: str) -> bool:
        """Stop waiting; False when ``user`` was not waiting."""
        waiter = self._waiters.get(user)
        if waiter is None:
            return False
        self._remove(waiter)
        return True

    def stop_interests(self, user: str, now: float) -> list[Outcome]:
        """The user asks to meet anyone now instead of waiting for an interest."""
        waiter = self._waiters.get(user)
        if waiter is None or waiter.random_ok:
            return []
        return self._fall_back(waiter, now, "asked")

    def tick(self, now: float) -> list[Outcome]:
        """Run every fallback that is due at ``now``."""
        outcomes: list[Outcome] = []
        while self._deadlines and self._deadlines[0][0] <= now:
            _, seq, kind = heapq.heappop(self._deadlines)
            waiter = self._by_seq.get(seq)
            if waiter is None:
                continue
            if kind == _INTEREST_DEADLINE:
                if not waiter.random_ok:
                    outcomes.extend(self._fall_back(waiter, now, "timeout"))
            elif not waiter.any_language:
                waiter.any_language = True
                outcomes.extend(self._enter(waiter, self._keys(waiter, ANY_LANGUAGE), now))
        return outcomes

    def block(self, a: str, b: str) -> None:
        """``a`` and ``b`` (identities) are never paired again."""
        self._blocked.setdefault(a, set()).add(b)
        self._blocked.setdefault(b, set()).add(a)

    def _blocked_of(self, who: str, key: str) -> set[str] | tuple[()]:
        """Whom a waiter may not meet after reports: its own blocks and, for
        one without identity, its network's."""
        blocked = self._blocked.get(who, ())
        if key != who:
            extra = self._blocked.get(key)
            if extra:
                blocked = extra | blocked if blocked else extra
        return blocked

    def release(self, identity: str) -> None:
        """Forget ``identity``'s blocks (kept in the store, loaded again when it returns)."""
        for other in self._blocked.pop(identity, ()):
            others = self._blocked.get(other)
            if others is not None:
                others.discard(identity)
                if not others:
                    del self._blocked[other]

    # --- internals --------------------------------------------------------

    def _keys(self, waiter: _Waiter, scope: str) -> list[PoolKey]:
        """The pools ``waiter`` belongs to in ``scope``, interests first."""
        section = waiter.ticket.section
        keys = [(section, scope, tag) for tag in waiter.ticket.interests]
        if waiter.random_ok:
            keys.append((section, scope, RANDOM))
        return keys

    def _fall_back(
        self, waiter: _Waiter, now: float, reason: Literal["timeout", "asked"]
    ) -> list[Outcome]:
        waiter.random_ok = True
        outcomes: list[Outcome] = [Fallback(waiter.ticket.user, reason)]
        scopes = [waiter.ticket.lang] + ([ANY_LANGUAGE] if waiter.any_language else [])
        keys = [(waiter.ticket.section, scope, RANDOM) for scope in scopes]
        outcomes.extend(self._enter(waiter, keys, now))
        return outcomes

    def _enter(self, waiter: _Waiter, keys: list[PoolKey], now: float) -> list[Outcome]:
        """Look for a partner in ``keys`` (interests before random); else wait there.

        One from the waiter's own network comes last, after both groups.
        """
        tag_keys = [k for k in keys if k[2] != RANDOM]
        random_keys = [k for k in keys if k[2] == RANDOM]
        neighbours: list[int] | None = None
        for group in (tag_keys, random_keys):
            if not group:
                continue
            partner, near = self._pick(waiter, group)
            if partner is not None:
                return [self._pair(waiter, partner, now)]
            neighbours = neighbours or near
        if neighbours:
            return [self._pair(waiter, self._by_seq[self._rng.choice(neighbours)], now)]
        for key in keys:
            if key in waiter.pools:
                continue
            pool = self._pools.get(key)
            if pool is None:
                pool = self._pools[key] = SortedList()
            pool.add(waiter.seq)
            waiter.pools.add(key)
        return []

    def _pick(
        self, waiter: _Waiter, keys: Iterable[PoolKey]
    ) -> tuple[_Waiter | None, list[int] | None]:
        """The partner for ``waiter`` in ``keys``, or None and the ``window``
        longest-waiting eligible candidates from its own network, if any (the
        last resort, which :meth:`_enter` takes when no group has anyone else)."""
        # The hot loop of matchmaking: eligible() inlined, with the arriving
        # user's identity and memory looked up once. Every pool shares the
        # waiter's section, so only identities and memories are compared.
        window = self.policy.window
        by_seq = self._by_seq
        recent = self._recent
        me = waiter.who
        mine = recent.get(me, ())
        blocked = self._blocked_of(me, waiter.key)
        network = waiter.network
        oldest: set[int] = set()
        near: set[int] | None = None
        for key in keys:
            pool = self._pools.get(key)
            if not pool:
                continue
            found = 0
            for seq in islice(pool, _SCAN_LIMIT):
                if found >= window:
                    break
                if seq not in oldest:
                    other = by_seq[seq]
                    them = other.who
                    if them == me or them in mine or (blocked and other.key in blocked):
                        continue
                    theirs = recent.get(them)
                    if theirs is not None and me in theirs:
                        continue
                    if network and other.network is network:  # see self._networks
                        # Not counted in the window: the scan goes on for
                        # someone from elsewhere behind them.
                        if near is None:
                            near = set()
                        near.add(seq)
                        continue
                    oldest.add(seq)
                found += 1
        if not oldest:
            return None, sorted(near)[:window] if near else None
        candidates = sorted(oldest)[:window]
        return by_seq[self._rng.choice(candidates)], None

    def _pair(self, waiter: _Waiter, partner: _Waiter, now: float) -> Match:
        self._remove(waiter)
        self._remove(partner)
        a, b = partner.ticket, waiter.ticket  # the one who waited longer first
        self._remember(a.who, b.who)
        self._remember(b.who, a.who)
        theirs = set(a.interests)
        common = tuple(tag for tag in b.interests if tag in theirs)
        return Match(a.user, b.user, common, now - partner.joined, now - waiter.joined)

    def _remember(self, identity: str, partner: str) -> None:
        size = self.policy.recent_partners
        if size == 0:
            return
        memory = self._recent.get(identity, ())
        put_last(self._recent, identity, (*memory, partner)[-size:], MAX_REMEMBERED)

    def _remove(self, waiter: _Waiter) -> None:
        for key in waiter.pools:
            pool = self._pools[key]
            pool.remove(waiter.seq)
            if not pool:
                del self._pools[key]
        waiter.pools.clear()
        del self._waiters[waiter.ticket.user]
        del self._by_seq[waiter.seq]
        network = waiter.network
        if network:
            count = self._networks[network][1] - 1
            if count:
                self._networks[network] = (network, count)
            else:
                del self._networks[network]

    def _schedule(self, when: float, waiter: _Waiter, kind: int) -> None:
        heapq.heappush(self._deadlines, (when, waiter.seq, kind))
