"""Grooming risk over a conversation, and over the chats of one device.

One message rarely proves anything: "how old r u" is how half of all
anonymous chats start. Grooming shows as a *pattern* from one speaker: age
questions, then flattery and secrecy, a move to another app, requests for
pictures, a meeting. :class:`ConversationRisk` keeps, per speaker, the
strongest signal seen in each category and weighs them by the chat's section.

Weights (per category, per section), combined per speaker as a noisy-OR,
``score = 1 - prod(1 - weight * signal_score)``:

=================  =====  ======  =============================================
category           teens  adults  why
=================  =====  ======  =============================================
age_question       0.15   0.05    teens ask each other "asl" all the time; on
                                  its own it is weak, as part of a pattern it
                                  is the first step
off_platform       0.20   0.05    teens swap Snapchat innocently; adults may
pii_* (own data)   0.15   0.05    share contacts as they please
secrecy            0.45   0.30    almost never innocent between strangers, in
                                  either section
picture_request    0.35   0.10    between strangers in the teens section a
                                  request for pictures is a red flag; between
                                  adults it is mostly flirting
meet_request       0.35   0.10    same reasoning as pictures
sexual             0.45   0.05    sexual talk is the policy's business in the
                                  adult section, a risk in the teens section
flattery           0.15   0.05    teens compliment each other; beside a move
                                  to another app it is the groomer's opening
isolation          0.40   0.20    pulling a stranger away from family, friends
                                  or watching eyes
gift               0.20   0.05    money, phone credit or game currency offered:
                                  peers trade game items, a stranger buys trust
semantic           0.35   0.15    the semantic tier's pattern over a speaker's
                                  messages (safety.semantic): it raises the
                                  score, never escalates (not in PATTERN)
=================  =====  ======  =============================================

A category counts as *present* from a signal score of 0.5 (:data:`PRESENT`):
weak mentions ("I use instagram for photography" scores 0.2) add a little to
the score but never to a pattern.

Escalation (``RiskUpdate.escalate``), which sends the chat to the rules engine
as a likely grooming case, happens at once when:

* **teens**: a speaker discloses an adult age (score >= 0.6): an adult has no
  business in the teens section, whatever they say next;
* **teens**: one speaker shows two or more of the grooming categories (age
  question, secrecy, off-platform, pictures, meeting, sexual, flattery,
  isolation) and among them an *adult pattern* (:data:`ADULT_PATTERN`:
  secrecy, pictures, meeting, sexual, isolation; or flattery beside a move
  to another app). Two teens who go "how old are you" /
  "15" / "me too, add me on roblox" are doing what teens do: an age question
  and an app name, even from one speaker, raise the score but never
  escalate, because escalation in this section ends the chat, opens a
  child-safety case and puts the sender in the low-trust pool;
* **adults**: one speaker discloses a minor's age and the *other* speaker
  shows the teens' adult pattern (sexual content, picture or meeting
  requests, secrecy, isolation, or flattery beside a move to another app),
  before or after the disclosure: an adult talking to a minor who slipped
  into the adult section is judged as in the teens' section. A minor's
  disclosure alone scores 0.5 and is reported in ``reasons`` (the
  pipeline may move or warn them) but does not escalate;
* **adults**: one speaker shows four or more categories including secrecy
  and an age question, which is the teens pattern with a higher bar.

Short of escalation, a *concern* (``RiskUpdate.concerns``, :data:`CONCERN`)
is raised once about a speaker who flatters another who said they are a
minor, or offers them a gift, in either section: the rules may ask a person
to look, never sanction on it. A gift is one step of a pattern (beside
secrecy, pictures, meeting or isolation it escalates like any other), never
the adult part of one: peers give each other game items.

A message that is only a number ("14") is a weak disclosure (0.5) on its
own; after the other speaker asked an age question it counts as an answer
(0.8), because that is how most ages are given in chat.

Once escalated a conversation stays escalated. :class:`DeviceRisk` carries a
score across a device's chats with exponential decay, so that one bad chat
fades over weeks but repeated ones add up. Everything is pure: time comes in
as ``now`` (seconds, any epoch), no clock is read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from passerby.core.signals import Signal

PRESENT: Final = 0.5
ADULT_DISCLOSURE: Final = 0.6
MINOR_DISCLOSURE: Final = 0.6
# Categories that make up the grooming pattern.
PATTERN: Final = (
    "age_question",
    "secrecy",
    "off_platform",
    "picture_request",
    "meet_request",
    "sexual",
    "flattery",
    "isolation",
    "gift",
)
# Distinct pattern categories from one speaker that escalate in "teens"...
TEENS_PATTERN: Final = 2
# ...when one of them is something peers do not ask of each other. Age
# questions and swapping apps are ordinary small talk among teens.
ADULT_PATTERN: Final = frozenset(
    {"secrecy", "picture_request", "meet_request", "sexual", "isolation"}
)
# Flattery ("ur so mature") is adult-pattern only beside a move to another app.
FLATTERY_WITH: Final = frozenset({"off_platform"})
# Alone, towards a speaker who said they are a minor, it is a *concern*
# (``RiskUpdate.concerns``): "you're so mature for 14" is how grooming opens,
# and peers say it too, so a person looks (a review case), nobody is sanctioned.
# So is a gift offered to a minor ("te cargo saldo", "I'll buy you robux").
# Not from a speaker who said they are a minor of the same age or younger:
# a 15-year-old teasing a 16-year-old ("so mature for your age, sir") is a
# peer. One who says 16 to a 13-year-old still raises it.
CONCERN: Final = frozenset({"flattery", "gift"})

WEIGHTS: Final[Mapping[str, Mapping[str, float]]] = {
    "teens": {
        "age_question": 0.15,
        "off_platform": 0.20,
        "pii_phone": 0.15,
        "pii_email": 0.15,
        "pii_handle": 0.15,
        "pii_address": 0.15,
        "secrecy": 0.45,
        "picture_request": 0.35,
        "meet_request": 0.35,
        "sexual": 0.45,
        "flattery": 0.15,
        "isolation": 0.40,
        "gift": 0.20,
        "semantic": 0.35,
    },
    "adults": {
        "age_question": 0.05,
        "off_platform": 0.05,
        "pii_phone": 0.05,
        "pii_email": 0.05,
        "pii_handle": 0.05,
        "pii_address": 0.05,
        "secrecy": 0.30,
        "picture_request": 0.10,
        "meet_request": 0.10,
        "sexual": 0.05,
        "flattery": 0.05,
        "isolation": 0.20,
        "gift": 0.05,
        "semantic": 0.15,
    },
}
SECTIONS: Final = frozenset(WEIGHTS)
MINOR_IN_ADULTS_SCORE: Final = 0.5
# A message that is only a number ("14") scores 0.5 as a disclosure; once the
# other speaker has asked an age question it is read as an answer.
BARE_ANSWER: Final = 0.8
# An age said in words ("13, 8º ano") closes the question it answers.
_DISCLOSURES: Final = frozenset({"age_disclosure_minor", "age_disclosure_adult"})


@dataclass(frozen=True, slots=True)
class RiskUpdate:
    """The conversation's risk after one message.

    Attributes:
        score: 0..1, the riskiest speaker's score.
        escalate: True once an escalation rule has been met (and from then on).
        reasons: short machine reasons, e.g. ``"teens:adult_age=25"``.
        subject: the speaker the risk is about, or None while nothing is found.
        concerns: the speakers a concern (see :data:`CONCERN`) has been
            raised about in this chat, from the message that raised it on.
    """

    score: float
    escalate: bool
    reasons: tuple[str, ...] = ()
    subject: str | None = None
    concerns: tuple[str, ...] = ()  # the speakers a concern is raised about


@dataclass(slots=True)
class _Speaker:
    best: dict[str, float] = field(default_factory=dict)
    minor_age: int | None = None
    adult_age: int | None = None
    concerned: bool = False  # a concern was raised about this speaker (it stays)
    # Asked the other side's age and had no bare answer yet: a bare number
    # answers one question ("how many kills?" / "24 lol" later answers none).
    asking_age: bool = False
    answered_age: bool = False  # gave a bare answer (its question back asked once)


def _age_of(signal: Signal) -> int | None:
    if signal.detail.startswith("age="):
        value = signal.detail[4:].split(";", 1)[0]
        if value.isdigit():
            return int(value)
    return None


def _adult_like(present: Sequence[str]) -> bool:
    """True when a speaker's categories hold something peers do not ask of each other."""
    if not ADULT_PATTERN.isdisjoint(present):
        return True
    return "flattery" in present and not FLATTERY_WITH.isdisjoint(present)


class ConversationRisk:
    """Accumulates signals per speaker over one chat. Pure and cheap."""

    __slots__ = ("_escalated", "_reasons", "_section", "_speakers", "_subject", "_weights")

    def __init__(self, section: str) -> None:
        if section not in SECTIONS:
            raise ValueError(f"section must be one of {sorted(SECTIONS)}")
        self._section = section
        self._weights = WEIGHTS[section]
        self._speakers: dict[str, _Speaker] = {}
        self._escalated = False
        self._reasons: tuple[str, ...] = ()
        self._subject: str | None = None

    @property
    def section(self) -> str:
        return self._section

    @property
    def escalated(self) -> bool:
        return self._escalated

    def observe(self, speaker: str, signals: Sequence[Signal]) -> RiskUpdate:
        """Add one message's signals from ``speaker``; return the new risk."""
        state = self._speakers.setdefault(speaker, _Speaker())
        for signal in signals:
            if signal.score > state.best.get(signal.name, 0.0):
                state.best[signal.name] = signal.score
            if signal.name == "age_question" and signal.score >= PRESENT:
                state.asking_age = True
            score = signal.score
            if signal.detail.endswith(";bare"):
                if self._answered_age(speaker, state):
                    # A bare "14" after the other side asked for an age.
                    score = BARE_ANSWER
            elif signal.name in _DISCLOSURES and score >= MINOR_DISCLOSURE:
                # "13, 8º ano": the question answered in words; a later bare
                # number (a game level, a score) answers nothing.
                self._close_questions(speaker, state)
            if signal.name == "age_disclosure_minor" and score >= MINOR_DISCLOSURE:
                age = _age_of(signal)
                state.minor_age = age if age is not None else (state.minor_age or 17)
            elif signal.name == "age_disclosure_adult" and score >= ADULT_DISCLOSURE:
                age = _age_of(signal)
                state.adult_age = age if age is not None else (state.adult_age or 18)
        return self._evaluate()

    def _close_questions(self, speaker: str, state: _Speaker) -> None:
        for name, other in self._speakers.items():
            if name != speaker:
                other.asking_age = False
        state.answered_age = True

    def _answered_age(self, speaker: str, state: _Speaker) -> bool:
        """Whether a bare number from ``speaker`` answers an open age question
        of the other side's; it closes that question, and the first answer
        asks it back (in chat an answer is nearly always "15, you?")."""
        askers = [
            other for name, other in self._speakers.items() if name != speaker and other.asking_age
        ]
        for asker in askers:
            asker.asking_age = False
        if askers and not state.answered_age:
            state.answered_age = state.asking_age = True
        return bool(askers)

    def _speaker_score(self, state: _Speaker) -> float:
        keep = 1.0
        for name, weight in self._weights.items():
            score = state.best.get(name)
            if score:
                keep *= 1.0 - weight * score
        return 1.0 - keep

    def _present(self, state: _Speaker) -> list[str]:
        return [name for name in PATTERN if state.best.get(name, 0.0) >= PRESENT]

    def _evaluate(self) -> RiskUpdate:
        best_score = 0.0
        subject: str | None = self._subject
        reasons: list[str] = []
        escalate = False
        teens = self._section == "teens"
        for name, state in self._speakers.items():
            score = self._speaker_score(state)
            present = self._present(state)
            rule: str | None = None
            if teens and state.adult_age is not None:
                rule = f"teens:adult_age={state.adult_age}"
            elif teens and len(present) >= TEENS_PATTERN and _adult_like(present):
                rule = "teens:pattern=" + "+".join(present)
            elif not teens:
                rule = self._adult_rule(name, present)
            if rule is not None:
                escalate = True
                score = 1.0
                reasons.append(rule)
            if score > best_score or (rule is not None and subject is None):
                best_score = score
                subject = name
        if not teens and not escalate:
            minors = [n for n, state in self._speakers.items() if state.minor_age is not None]
            if minors:
                # A minor in the adult section: worth a warning or a move even
                # when nobody has done anything yet.
                reasons.append("adults:minor_present")
                if best_score < MINOR_IN_ADULTS_SCORE:
                    best_score, subject = MINOR_IN_ADULTS_SCORE, minors[0]
        for name, state in self._speakers.items():
            concern = None if state.concerned else self._concern(name, state)
            if concern is not None:
                state.concerned = True
                reasons.append(f"{self._section}:{concern}_to_minor")
        concerns = tuple(name for name, state in self._speakers.items() if state.concerned)
        if escalate and not self._escalated:
            self._escalated = True
            self._subject = subject
        if self._escalated:
            # Keep the first reasons: they say why the chat was escalated.
            self._reasons = tuple(dict.fromkeys((*self._reasons, *reasons)))
            return RiskUpdate(1.0, True, self._reasons, self._subject, concerns)
        return RiskUpdate(round(best_score, 4), False, tuple(reasons), subject, concerns)

    def _concern(self, name: str, state: _Speaker) -> str | None:
        """The first :data:`CONCERN` category ``name`` shows towards a minor, or None."""
        if not self._other_is_minor(name):
            return None
        if state.minor_age is not None and state.minor_age <= self._oldest_other_minor(name):
            return None  # a peer of the same age or younger: "dewasa banget untuk umurmu"
        present = self._present(state)
        return next((category for category in present if category in CONCERN), None)

    def _other_is_minor(self, name: str) -> bool:
        return self._oldest_other_minor(name) > 0

    def _oldest_other_minor(self, name: str) -> int:
        """The oldest minor's age said by another speaker, 0 when none said one."""
        return max(
            (s.minor_age or 0 for other, s in self._speakers.items() if other != name),
            default=0,
        )

    def _adult_rule(self, name: str, present: list[str]) -> str | None:
        if self._other_is_minor(name) and _adult_like(present):
            # Towards a minor, what would escalate in the teens' section.
            return "adults:minor_and_partner=" + "+".join(present)
        if len(present) >= 4 and "secrecy" in present and "age_question" in present:
            return "adults:pattern=" + "+".join(present)
        return None


class DeviceRisk:
    """A device's risk across chats: each chat's score, decayed by age.

    ``value = 1 - prod(1 - score_i * 0.5 ** (age_i / half_life))`` kept as one
    running number: at each :meth:`add` the stored value is decayed to ``now``
    and the new score combined with it as a noisy-OR. One escalated chat (1.0)
    reads 0.5 after one half-life; three moderate chats of 0.5 read 0.875.

    Args:
        half_life: seconds for a score to lose half its weight; 14 days by
            default, long enough to link a groomer's attempts across days.
    """

    __slots__ = ("_half_life", "_stamp", "_value")

    def __init__(self, half_life: float = 14 * 86_400.0, value: float = 0.0, stamp: float = 0.0):
        if half_life <= 0:
            raise ValueError("half_life must be positive")
        self._half_life = half_life
        self._value = min(1.0, max(0.0, value))
        self._stamp = stamp

    def value(self, now: float) -> float:
        """The decayed score at ``now`` (never read before the last add)."""
        elapsed = max(0.0, now - self._stamp)
        return self._value * math.pow(0.5, elapsed / self._half_life)

    def add(self, score: float, now: float) -> float:
        """Fold one chat's score in; return the new value."""
        current = self.value(now)
        score = min(1.0, max(0.0, score))
        self._value = 1.0 - (1.0 - current) * (1.0 - score)
        self._stamp = max(now, self._stamp)
        return self._value

    def snapshot(self) -> tuple[float, float]:
        """``(value, stamp)`` to store; rebuild with ``DeviceRisk(hl, *snapshot)``."""
        return self._value, self._stamp
