"""Property: an adult is never paired with a teen.

Random sequences of declarations, re-declarations (with the cool-down),
joins, skips, reconnects and the passing of time drive the same pure pieces
the server uses: the section policy decides a device's section when it
starts, the matchmaker pairs only inside a section.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from passerby.core.entry import Band, Declaration, EntryRefused, SectionPolicy
from passerby.core.matchmaker import Match, Matchmaker, MatchmakerPolicy, Ticket

DEVICES = [f"d{i}" for i in range(6)]
BANDS = [Band.TEEN, Band.ADULT, Band.UNDER_13]
T0 = datetime(2026, 1, 1, tzinfo=UTC)


class AgeSeparation(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.sections = SectionPolicy(cooldown=timedelta(hours=24))
        self.mm = Matchmaker(
            MatchmakerPolicy(interest_fallback=5, language_fallback=10, recent_partners=1),
            random.Random(0),
        )
        self.now = T0
        self.declared: dict[str, Declaration] = {}
        self.connection = 0
        self.band_at_join: dict[str, Band] = {}  # user -> the band its ticket was made with
        self.device_of: dict[str, str] = {}
        self.chatting: set[str] = set()

    def _settled(self, device: str) -> Declaration | None:
        declaration = self.declared.get(device)
        return declaration.settled(self.now) if declaration else None

    def _check(self, outcomes: list[object]) -> None:
        for outcome in outcomes:
            if isinstance(outcome, Match):
                band_a, band_b = self.band_at_join[outcome.a], self.band_at_join[outcome.b]
                assert {band_a, band_b} != {Band.ADULT, Band.TEEN}, "adult paired with a teen"
                assert band_a == band_b
                self.chatting |= {outcome.a, outcome.b}

    @rule(device=st.sampled_from(DEVICES), band=st.sampled_from(BANDS))
    def declare(self, device: str, band: Band) -> None:
        before = self._settled(device)
        try:
            result = self.sections.declare(self.declared.get(device), band, self.now)
        except EntryRefused as refused:
            assert band is Band.UNDER_13 and refused.code == "under_13"
            return
        self.declared[device] = result.declaration
        after = self._settled(device)
        assert after is not None
        if before is not None and band != before.band:
            # a change never takes effect at once
            assert after.band == before.band and result.changed_band == (
                before.pending_band != band
            )

    @rule(device=st.sampled_from(DEVICES), interests=st.booleans())
    def start(self, device: str, interests: bool) -> None:
        declaration = self._settled(device)
        if declaration is None:
            return  # the server refuses start with entry_required
        section = self.sections.section_for(declaration.band)
        assert section is not None
        self.connection += 1
        user = f"{device}#{self.connection}"
        self.band_at_join[user] = declaration.band
        self.device_of[user] = device
        ticket = Ticket(
            user, ("music",) if interests else (), "en", section=section.name, identity=device
        )
        self._check(self.mm.join(ticket, self.now.timestamp()))

    @rule(data=st.data())
    def skip_or_reconnect(self, data: st.DataObject) -> None:
        users = sorted(self.chatting | {t.user for t in self.mm.waiting()})
        if not users:
            return
        user = data.draw(st.sampled_from(users))
        self.mm.leave(user)
        self.chatting.discard(user)
        if data.draw(st.booleans()):  # Next: look again at once, with the band of now
            self.start(self.device_of[user], data.draw(st.booleans()))

    @rule(hours=st.sampled_from([0.001, 1.0, 12.0, 25.0]))
    def time_passes(self, hours: float) -> None:
        self.now += timedelta(hours=hours)
        self._check(self.mm.tick(self.now.timestamp()))

    @invariant()
    def waiting_users_are_in_their_bands_section(self) -> None:
        for ticket in self.mm.waiting():
            section = self.sections.section_for(self.band_at_join[ticket.user])
            assert section is not None and ticket.section == section.name


TestAgeSeparation = AgeSeparation.TestCase
TestAgeSeparation.settings = settings(
    max_examples=400,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
