"""The speakers' patterns, kept in the worker next to the scores they read.

Every score feeds two patterns (:mod:`.pattern`): the speaker's in this
chat and the speaker's device's across its chats. Reading them for every
message on the server's event loop cost the relay more than the enqueue
did, so the worker keeps them and sends back only what would become a
``semantic`` signal: a reading above 0 that has grown by :data:`STEP`
over the last one sent back for that speaker in that chat.

The server names a speaker-in-chat and a device by small integers it
assigns (:class:`~.tier.SemanticTier`); no device id or chat id reaches
the worker. Both maps are bounded and drop what was least recently used,
so a chat or a device that has gone quiet needs no word from the server.
A worker that restarts starts with no patterns (docs/moderation.md,
"Semantic tier"). Pure: time comes in as ``now``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from passerby.recent import RecentCache
from passerby.safety.semantic import pattern
from passerby.safety.semantic.examples import DEFAULT_FAMILY

# A pattern is sent back again only when it has grown this much.
STEP: Final = 0.1
# Speakers-in-chats kept: two per connection (this chat and the last, where
# a late score may land) for 25,000 connections on a node.
CHATS: Final = 50_000
# Devices whose cross-chat pattern is kept.
DEVICES: Final = 50_000


class _Chat:
    __slots__ = ("pattern", "sent")

    def __init__(self, shape: pattern.Shape) -> None:
        self.pattern = pattern.Pattern(shape)
        self.sent = 0.0  # the last value sent back for this speaker in this chat


class Speakers:
    """The patterns of the speakers-in-chats and devices the worker has seen lately,
    one per family of harm (:data:`.pattern.SHAPES`)."""

    __slots__ = ("_chats", "_devices", "_shapes")

    def __init__(
        self,
        chats: int = CHATS,
        devices: int = DEVICES,
        shapes: Mapping[str, tuple[pattern.Shape, pattern.Shape]] = pattern.SHAPES,
    ) -> None:
        self._shapes = shapes
        self._chats: RecentCache[int, dict[str, _Chat]] = RecentCache(chats)
        self._devices: RecentCache[int, dict[str, pattern.Pattern]] = RecentCache(devices)

    def add(
        self,
        chat: int,
        device: int,
        score: float,
        category: str,
        now: float,
        family: str = DEFAULT_FAMILY,
    ) -> tuple[float, str] | None:
        """Add one message's score in ``family`` (a family of the index, or a
        learned head's signal: a key of the shapes) for the speaker ``chat``
        (on ``device``; 0: none); the signal's value and detail when it is to
        be sent back."""
        in_chat, across_chats = self._shapes[family]
        chats = self._chats.get(chat)
        if chats is None:
            chats = {}
            self._chats.put(chat, chats)
        here = chats.get(family)
        if here is None:
            here = chats[family] = _Chat(in_chat)
        reading = here.pattern.add(score, category, now)
        value = reading.value
        detail = reading.detail("chat") if value > 0 else ""
        if device:
            devices = self._devices.get(device)
            if devices is None:
                devices = {}
                self._devices.put(device, devices)
            across = devices.get(family)
            if across is None:
                across = devices[family] = pattern.Pattern(across_chats)
            wide = across.add(score, category, now)
            if wide.value > value:
                value, detail = wide.value, wide.detail("device")
        if not detail or value < here.sent + STEP:
            return None
        here.sent = value
        return value, detail
