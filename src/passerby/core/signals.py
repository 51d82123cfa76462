"""The shared vocabulary between detectors, risk scoring and the rules engine.

A :class:`Signal` says *what kind* of thing was seen in one message and how
sure the detector is. It must never carry the message text or the personal
data it matched (a phone number, an address, a handle): signals are logged,
counted and shown to moderators, and a detector must not be the way personal
data leaks into those places. Evidence keeps the text; signals keep labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

SIGNAL_NAMES: Final[frozenset[str]] = frozenset(
    {
        "toxicity",
        "sexual",
        "pii_phone",
        "pii_email",
        "pii_address",
        "pii_handle",
        "off_platform",
        "age_question",
        "age_disclosure_minor",
        "age_disclosure_adult",
        "picture_request",
        "secrecy",
        "meet_request",
        "flattery",
        "isolation",
        # A gift offered: money, phone credit, game currency, things.
        "gift",
        "link",
        # Adverts and link bots: selling, money, free goods, "follow my page".
        "promo",
        # Produced by the pipeline from message history, not by text detectors.
        "repeated",
        "flood",
        # The semantic tier's pattern over a speaker's messages (safety.semantic):
        # leaning towards its grooming examples, and towards each other family's.
        "semantic",
        "semantic_hostility",
        "semantic_sexual",
        "semantic_advert",
        # A learned head's pattern (safety.semantic.heads): contempt and
        # threats, sexual talk, adverts, an adult's approach to a child, as
        # fifty writers' chats taught it.
        "learned_hostility",
        "learned_sexual",
        "learned_advert",
        "learned_grooming",
        # Context, never a rule's: the message talks *about* online safety
        # (grooming's warning signs, a predator blocked and reported).
        "safety_talk",
        # About the *partner*, never a rule's on the sender: the message
        # objects to what the partner said ("are you threatening me?",
        # "stop insulting me", "that's so rude"). The partner's moderator
        # reads it (safety.moderation).
        "protest",
    }
)


@dataclass(frozen=True, slots=True)
class Signal:
    """One finding about one message.

    Attributes:
        name: one of :data:`SIGNAL_NAMES`.
        score: confidence in 0.0..1.0.
        detail: a short machine detail such as ``"age=14"`` or
            ``"app=snapchat"``; never the message text or matched personal data.
    """

    name: str
    score: float
    detail: str = ""

    def __post_init__(self) -> None:
        if self.name not in SIGNAL_NAMES:
            raise ValueError(f"unknown signal name {self.name!r}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError("a signal score lies in 0.0..1.0")
