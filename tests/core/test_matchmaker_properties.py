"""Property test: random join / leave / next / fallback / tick sequences keep
the matchmaker's invariants."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from passerby.core.matchmaker import (
    ANY_LANGUAGE,
    RANDOM,
    Match,
    Matchmaker,
    MatchmakerPolicy,
    Ticket,
)

USERS = [f"u{i}" for i in range(8)]
TAGS = ["music", "books", "films", "chess"]
LANGS = ["en", "es"]
NETWORKS = ["net1", "net1", "net2", ""]  # "": address unknown


class MatchmakerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        policy = MatchmakerPolicy(
            interest_fallback=10.0, language_fallback=20.0, recent_partners=2, window=3
        )
        self.mm = Matchmaker(policy, random.Random(0))
        self.now = 0.0
        self.tickets: dict[str, Ticket] = {}
        self.chatting: dict[str, str] = {}
        self.last: dict[str, list[str]] = {}
        self.asked: set[str] = set()  # asked to stop waiting for interests

    def _apply(self, outcomes: list[object]) -> None:
        for outcome in outcomes:
            if not isinstance(outcome, Match):
                continue
            a, b = self.tickets[outcome.a], self.tickets[outcome.b]
            # never with oneself, never across sections, never recent partners
            assert a.who != b.who
            assert a.section == b.section
            assert b.who not in self.last.get(a.who, [])[-2:]
            assert a.who not in self.last.get(b.who, [])[-2:]
            # common interests are exactly the shared tags
            assert set(outcome.common_interests) == set(a.interests) & set(b.interests)
            # an interests-only user only meets someone sharing an interest
            for t in (a, b):
                if t.interests_only and t.user not in self.asked:
                    assert outcome.common_interests
            for user in (outcome.a, outcome.b):
                assert user not in self.chatting
                assert not self.mm.is_waiting(user)
            self.chatting[outcome.a] = outcome.b
            self.chatting[outcome.b] = outcome.a
            self.last.setdefault(a.who, []).append(b.who)
            self.last.setdefault(b.who, []).append(a.who)

    def _arrive(self, ticket: Ticket) -> None:
        # Everyone waiting in a pool the arrival enters who may meet it.
        scope = (ticket.section, ticket.lang)
        keys = {(*scope, tag) for tag in ticket.interests} or {(*scope, RANDOM)}
        candidates = [
            other
            for other in self.mm.waiting()
            if self.mm.pools_of(other.user) & keys and self.mm.eligible(ticket, other)
        ]
        outcomes = self.mm.join(ticket, self.now)
        for match in outcomes:
            if isinstance(match, Match) and ticket.network:
                partner = self.tickets[match.a if match.b == ticket.user else match.b]
                # one from the arrival's own network only when nobody else is there
                if partner.network == ticket.network:
                    assert all(c.network == ticket.network for c in candidates), candidates
        self._apply(outcomes)

    @rule(
        user=st.sampled_from(USERS),
        tags=st.lists(st.sampled_from(TAGS), max_size=2, unique=True),
        lang=st.sampled_from(LANGS),
        only=st.booleans(),
        section=st.sampled_from(["adults", "adults", "teens"]),
        tab=st.booleans(),
        network=st.sampled_from(NETWORKS),
    )
    def join(
        self,
        user: str,
        tags: list[str],
        lang: str,
        only: bool,
        section: str,
        tab: bool,
        network: str,
    ) -> None:
        if self.mm.is_waiting(user) or user in self.chatting:
            return
        # a user sometimes shares an identity with the next user (two tabs)
        identity = f"id-{USERS.index(user) // 2}" if tab else ""
        network = network.encode().decode()  # a string of its own, as each connection has
        ticket = Ticket(user, tuple(tags), lang, only and bool(tags), section, identity, network)
        self.tickets[user] = ticket
        self.asked.discard(user)
        self._arrive(ticket)

    @rule(user=st.sampled_from(USERS))
    def leave(self, user: str) -> None:
        was_waiting = self.mm.is_waiting(user)
        assert self.mm.leave(user) == was_waiting
        partner = self.chatting.pop(user, None)
        if partner is not None:
            self.chatting.pop(partner, None)

    @rule(user=st.sampled_from(USERS))
    def next(self, user: str) -> None:
        partner = self.chatting.pop(user, None)
        if partner is None:
            return
        self.chatting.pop(partner, None)
        self.asked.discard(user)
        self._arrive(self.tickets[user])

    @rule(user=st.sampled_from(USERS))
    def stop_interests(self, user: str) -> None:
        if self.mm.is_waiting(user):
            self.asked.add(user)
        self._apply(self.mm.stop_interests(user, self.now))

    @rule(seconds=st.sampled_from([0.5, 3.0, 10.0, 25.0]))
    def advance(self, seconds: float) -> None:
        self.now += seconds
        self._apply(self.mm.tick(self.now))

    @invariant()
    def no_two_compatible_users_are_left_waiting(self) -> None:
        waiting = list(self.mm.waiting())
        for i, a in enumerate(waiting):
            for b in waiting[i + 1 :]:
                shared = self.mm.pools_of(a.user) & self.mm.pools_of(b.user)
                if shared:
                    assert not self.mm.eligible(a, b), (a, b, shared)

    @invariant()
    def pools_match_choices(self) -> None:
        for ticket in self.mm.waiting():
            for section, scope, key in self.mm.pools_of(ticket.user):
                assert section == ticket.section
                assert scope in (ticket.lang, ANY_LANGUAGE)
                if key == RANDOM:
                    assert not ticket.interests_only or ticket.user in self.asked
                else:
                    assert key in ticket.interests

    @invariant()
    def nobody_waits_and_chats_at_once(self) -> None:
        for ticket in self.mm.waiting():
            assert ticket.user not in self.chatting
        assert len(self.mm) == sum(1 for _ in self.mm.waiting())


TestMatchmakerProperties = MatchmakerMachine.TestCase
TestMatchmakerProperties.settings = settings(
    max_examples=300,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
