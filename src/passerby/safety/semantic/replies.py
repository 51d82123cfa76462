"""Which lines a reply answers: the worker's memory of each chat's last turn.

A head that reads a message beside the partner's reply (:mod:`.heads`,
``reads = "reply"``) can score a line only once the partner has answered
it. For each chat (a *room*: the server's small integer for the chat,
shared by its two speakers) the worker keeps the last speaker's vectors
since the partner last spoke; the partner's next message answers all of
them. A speaker who sends several lines in a row has them all answered by
the one reply, as in the corpus the heads were trained on (a turn of more
than :data:`WAITING` lines, rare there, has its last ones answered here). A
line the partner never got (held) is not given to it: no reply answers it.

Bounded: at most :data:`WAITING` lines a turn (the latest), and the rooms
least recently heard are forgotten (:data:`ROOMS`). A line waits as half
precision (1 KB; the heads' probabilities move by about 0.001): a turn is
one or two lines, so the rooms of 25,000 chats take some 40 MB, and 128 MB
if every chat's last turn held five. A room of 0 is no chat the server
could name, and is never paired. Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt

from passerby.recent import RecentCache
from passerby.safety.semantic.embedder import Vectors

Half = npt.NDArray[np.float16]

WAITING: Final = 5
ROOMS: Final = 25_000


@dataclass(slots=True)
class _Turn:
    speaker: int  # the speaker's key in this chat
    device: int
    last: int  # the order of the room's last message
    lines: list[Half] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Answered:
    """A line of ``speaker`` (on ``device``), and the partner's reply to it."""

    speaker: int
    device: int
    line: Vectors
    reply: Vectors


class Replies:
    __slots__ = ("_rooms",)

    def __init__(self, rooms: int = ROOMS) -> None:
        self._rooms: RecentCache[int, _Turn] = RecentCache(rooms)

    def add(
        self, room: int, speaker: int, device: int, vector: Vectors, order: int = 0
    ) -> list[Answered]:
        """One message of ``speaker`` in ``room``, the ``order``-th the server
        took (rising; the worker may get them out of order, priority first);
        the partner's lines it answers. A message older than the room's
        last one answers nothing and waits for no answer: which lines came
        between is not known."""
        if not room:
            return []
        turn = self._rooms.get(room)
        if turn is not None and order < turn.last:
            return []
        kept = vector.astype(np.float16)
        if turn is not None and turn.speaker == speaker:
            turn.last = order
            turn.lines.append(kept)
            if len(turn.lines) > WAITING:
                del turn.lines[0]
            return []
        self._rooms.put(room, _Turn(speaker, device, order, [kept]))
        if turn is None:
            return []
        return [
            Answered(turn.speaker, turn.device, line.astype(np.float32), vector)
            for line in turn.lines
        ]
