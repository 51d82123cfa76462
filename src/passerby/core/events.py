"""Events that travel between two users' sessions through the broker.

They are plain dataclasses of strings, numbers and tuples so that a broker
engine that crosses processes (Redis) can serialise them; the in-process
engine passes them as they are. Nobody changes one once it is made. The two
that travel with every message and every keystroke, :class:`Relay` and
:class:`TypingChanged`, are not declared frozen only because a frozen
dataclass takes four times as long to build. They carry no IP address, device
or identity: a session only ever learns an opaque chat id and the opaque id
of the user it must answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Matched:
    """You are paired with ``partner`` in chat ``chat``."""

    chat: str
    partner: str
    common_interests: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FellBack:
    """Nobody shares your interests yet; random strangers are now welcome."""

    reason: Literal["timeout", "asked"]


@dataclass(slots=True)
class Relay:
    """A chat message from ``sender`` in ``chat``."""

    chat: str
    sender: str
    text: str
    id: int | str | None = None
    # What the detectors saw in it, as (name, score): the receiving side adds
    # them to its view of the conversation's risk.
    signals: tuple[tuple[str, float], ...] = ()
    # Each signal's detail, in the same order ("age=15;bare"): without it the
    # receiving side cannot tell a bare "15" after its own age question from
    # any number, nor which age was given. Details never hold message text
    # or personal data (core.signals). A separate field, so a node that does
    # not know it still reads the pairs.
    details: tuple[str, ...] = ()


@dataclass(slots=True)
class TypingChanged:
    chat: str
    typing: bool


@dataclass(frozen=True, slots=True)
class PartnerLeft:
    chat: str


@dataclass(frozen=True, slots=True)
class Undelivered:
    """A message you sent in ``chat`` did not reach the stranger."""

    chat: str
    id: int | str | None
    reason: Literal["partner_gone", "not_chatting"] = "partner_gone"


PeerEvent = Matched | FellBack | Relay | TypingChanged | PartnerLeft | Undelivered
