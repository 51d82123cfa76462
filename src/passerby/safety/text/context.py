"""Requests that are told about rather than made: a story retold, a warning
given, a chat about online safety. Such signals count at half weight
(:func:`weakened`); the detectors weaken what one message retells
(:func:`retold`), the moderator what a chat about online safety names
(:func:`in_safety_talk`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from passerby.core.signals import Signal
from passerby.safety.text.retelling import (
    ADVICE_NOT_TO,
    PAST_TIME,
    REPORTED_REQUEST,
    SAFETY_TALK,
    STRANGER_STORY,
    TOLD_BY_ANOTHER,
)

# Requests that mean the opposite when retold or warned against: "he asked
# her to keep it secret... they reported it", "if someone asks for a photo,
# report them", "never give your address", "then he asked \"do your parents
# check your phone\"". Such a message still adds to the
# conversation's risk, at half weight, but no rule acts on it alone.
RETOLD: Final = frozenset(
    {
        "secrecy",
        "picture_request",
        "meet_request",
        "off_platform",
        "age_disclosure_adult",
        "sexual",
        "isolation",
        "gift",
        "flattery",
    }
)
RETOLD_WEIGHT: Final = 0.5


def retold(words: str) -> bool:
    """True when ``words`` (folded) retell or warn against a request rather
    than make one: a third person's or anyone's request together with the
    words of online safety, a request told in the third person, or advice
    not to give, send or share."""
    return bool(
        (REPORTED_REQUEST.search(words) and SAFETY_TALK.search(words))
        or TOLD_BY_ANOTHER.search(words)
        or ADVICE_NOT_TO.search(words)
        or (STRANGER_STORY.search(words) and PAST_TIME.search(words))
    )


# Grooming's steps as a chat that talks about online safety mentions them:
# "they say you're mature for your age, then ask you to keep it secret".
# Once either side has talked about it (a ``safety_talk`` signal), these
# count at half weight for the rest of the chat: they still add to the
# conversation's risk and to the semantic tier's reading, but no rule acts on
# one alone. An adult's age, contact details and sexual talk are never
# weakened this way, so naming the topic does not hide an adult.
# The semantic tier's reading, which arrives after the message, too.
SAFETY_CONTEXT: Final = frozenset(
    {
        "secrecy",
        "picture_request",
        "meet_request",
        "off_platform",
        "flattery",
        "isolation",
        "gift",
        "semantic",
        "learned_grooming",
    }
)

# ...and free goods, the bait such a chat warns about ("they give you free
# diamonds, then ask you to move to WhatsApp").
SAFETY_CONTEXT_KINDS: Final = frozenset({("promo", "kind=free")})


def in_safety_talk(signals: Sequence[Signal]) -> list[Signal]:
    """``signals`` as a chat about online safety weighs them (see
    :data:`SAFETY_CONTEXT`)."""
    return [
        weakened(s)
        if (s.name in SAFETY_CONTEXT or (s.name, s.detail) in SAFETY_CONTEXT_KINDS)
        and not s.detail.endswith(";retold")
        else s
        for s in signals
    ]


# A line that goes on with the story the speaker's last line retold ("trs
# lama2 minta foto...", "and then he asked for my snap", "y luego me pidió
# fotos"): its requests are the story's too.
STORY_GOES_ON: Final = re.compile(
    r"\s*(?:trs|terus|trus|abis itu|habis itu|then|and then|after that|luego|y luego|despues|"
    r"y despues|depois|e depois|dps|e dps|dann|und dann|danach)\b",
    re.IGNORECASE,
)


def goes_on_retold(before: Sequence[Signal], text: str, signals: Sequence[Signal]) -> list[Signal]:
    """``signals`` of ``text`` weakened as retold when ``text`` goes on with
    the story of the speaker's line before (whose signals, ``before``, were
    retold)."""
    if not any(s.detail.endswith(";retold") for s in before) or not STORY_GOES_ON.match(text):
        return list(signals)
    return [
        weakened(s) if s.name in RETOLD and not s.detail.endswith(";retold") else s for s in signals
    ]


def weakened(signal: Signal) -> Signal:
    return Signal(signal.name, round(signal.score * RETOLD_WEIGHT, 3), signal.detail + ";retold")
