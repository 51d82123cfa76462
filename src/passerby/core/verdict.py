"""What the rules decided about one message, as the session needs to know it. Pure.

The moderator (:mod:`passerby.safety.moderation`) and the policy
(:mod:`passerby.safety.policy`) make these; the chat session
(:mod:`passerby.core.session`) reads them to deliver, mask or hold a message
and to ask for sanctions. They live in the core so that the session never
imports the safety services.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Protocol

from passerby.core.signals import Signal


@dataclass(frozen=True, slots=True)
class Decision:
    rule: str
    policy: str
    action: str
    signals: tuple[str, ...]
    priority: int = 3
    message: str = ""
    ban_reason: str = "other"


@dataclass(frozen=True, slots=True)
class Outcome:
    delivery: str  # allow, mask or hold
    decisions: tuple[Decision, ...] = ()
    strikes: tuple[str, ...] = ()  # policies that earned a strike

    def has(self, action: str) -> bool:
        return any(d.action == action for d in self.decisions)

    def first(self, action: str) -> Decision | None:
        return next((d for d in self.decisions if d.action == action), None)


ALLOW: Final = Outcome("allow")


class RiskLike(Protocol):
    @property
    def score(self) -> float: ...

    @property
    def escalate(self) -> bool: ...

    @property
    def reasons(self) -> tuple[str, ...]: ...

    @property
    def subject(self) -> str | None: ...

    @property
    def concerns(self) -> tuple[str, ...]: ...


@dataclass(slots=True)
class Verdict:
    """What the moderator decided about one message (never changed once made;
    not frozen because it is built for every message)."""

    outcome: Outcome
    signals: tuple[Signal, ...]
    text: str  # what the partner receives (masked when the outcome says so)
    risk: RiskLike

    @property
    def delivered(self) -> bool:
        return self.outcome.delivery != "hold"
