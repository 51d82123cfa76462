"""The server's own record of a chat, kept in memory for reports.

Evidence must come from the server, not from a client that could forge it,
so each session keeps what it relayed: the last :data:`MAX_LINES` lines and
at most :data:`MAX_AGE` seconds of them, with the signals the detectors saw
and the actions the rules took. A transcript lives only as long as its chat
and a short while after (for a report right after the end); nothing here is
written anywhere unless a report or a safety case asks for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from passerby.core.verdict import Decision

MAX_LINES = 200
MAX_AGE = 30 * 60.0
# How long after a chat ends it can still be reported.
REPORT_WINDOW = 10 * 60.0

Who = Literal["me", "them"]


# One line: (at, who, text, delivered, signals), at in wall-clock seconds,
# signals as (name, score) pairs.
Line = tuple[float, Who, str, bool, tuple[tuple[str, float], ...]]
_WIDTH = 5  # the fields of a line


@dataclass(frozen=True, slots=True)
class Action:
    at: float
    rule: str
    action: str
    signals: tuple[str, ...]


@dataclass(slots=True)
class ChatRecord:
    """One chat's transcript and the actions taken in it.

    The lines are kept flat, their fields one after another in one list,
    rather than as one tuple per line. Each message would otherwise leave a
    new object the garbage collector tracks until it first scans it: at
    thousands of messages a second that alone sets off a collection every
    second, and each collection also scans every connection's pending read
    (pauses of tens of milliseconds in delivery). Strings, numbers and the
    empty tuple in a list are not tracked at all. One list, trimmed in bulk,
    also costs the least for the many short chats.
    """

    chat: str
    partner: str
    section: str
    started_at: float
    _flat: list[Any] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    ended_at: float | None = None
    # Messages the partner has sent in this chat (all of them, not only the
    # lines kept): some rules read the opening of a chat differently.
    heard: int = 0

    def add_line(
        self,
        at: float,
        who: Who,
        text: str,
        delivered: bool = True,
        signals: tuple[tuple[str, float], ...] = (),
    ) -> None:
        flat = self._flat
        flat += at, who, text, delivered, signals
        if len(flat) >= 2 * MAX_LINES * _WIDTH:
            del flat[: -MAX_LINES * _WIDTH]
        if flat[0] < at - MAX_AGE:  # the oldest line is too old: drop every such line
            oldest = at - MAX_AGE
            self._flat = [
                value
                for i in range(0, len(flat), _WIDTH)
                if flat[i] >= oldest
                for value in flat[i : i + _WIDTH]
            ]

    def add_actions(self, at: float, decisions: Iterable[Decision]) -> None:
        """The rules' decisions about this chat, taken at ``at``."""
        self.actions += (Action(at, d.rule, d.action, d.signals) for d in decisions)

    @property
    def lines(self) -> list[Line]:
        flat = self._flat
        return [
            (flat[i], flat[i + 1], flat[i + 2], flat[i + 3], flat[i + 4])
            for i in range(0, len(flat), _WIDTH)
        ]

    def heard_lines(self, count: int) -> list[str]:
        """The texts of the partner's last ``count`` lines kept, oldest first."""
        flat = self._flat
        found: list[str] = []
        for i in range(len(flat) - _WIDTH, -1, -_WIDTH):
            if flat[i + 1] == "them":
                found.append(flat[i + 2])
                if len(found) == count:
                    break
        found.reverse()
        return found

    def recent(self) -> list[Line]:
        return self.lines[-MAX_LINES:]

    def reportable(self, now: float) -> bool:
        return self.ended_at is None or now - self.ended_at <= REPORT_WINDOW

    def as_evidence(self, me: str, them: str) -> dict[str, Any]:
        """The transcript for an evidence record, with sides named ``me``/``them``."""
        names = {"me": me, "them": them}
        return {
            "transcript": [
                {
                    "at": at,
                    "from": names[who],
                    "text": text,
                    "delivered": delivered,
                    "signals": [list(s) for s in signals],
                }
                for at, who, text, delivered, signals in self.recent()
            ],
            "actions": [
                {"at": a.at, "rule": a.rule, "action": a.action, "signals": list(a.signals)}
                for a in self.actions
            ],
        }
