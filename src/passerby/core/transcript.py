"""The server's own record of a chat, kept in memory for reports.

Evidence must come from the server, not from a client that could forge it,
so each session keeps what it relayed: the last :data:`MAX_LINES` lines and
at most :data:`MAX_AGE` seconds of them, with the signals the detectors saw
and the actions the rules took. A transcript lives only as long as its chat
and a short while after (for a report right after the end); nothing here is
written anywhere unless a report or a safety case asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

MAX_LINES = 200
MAX_AGE = 30 * 60.0
# How long after a chat ends it can still be reported.
REPORT_WINDOW = 10 * 60.0

Who = Literal["me", "them"]


# One line: (at, who, text, delivered, signals), at in wall-clock seconds,
# signals as (name, score) pairs. A plain tuple on purpose: the collector
# stops tracking a tuple of strings and numbers, and a busy server keeps
# hundreds of thousands of lines, which it would otherwise scan again and
# again (long pauses in delivery).
Line = tuple[float, Who, str, bool, tuple[tuple[str, float], ...]]


def line(
    at: float,
    who: Who,
    text: str,
    delivered: bool = True,
    signals: tuple[tuple[str, float], ...] = (),
) -> Line:
    return (at, who, text, delivered, signals)


@dataclass(frozen=True, slots=True)
class Action:
    at: float
    rule: str
    action: str
    signals: tuple[str, ...]


@dataclass(slots=True)
class ChatRecord:
    chat: str
    partner: str
    section: str
    started_at: float
    # A list, trimmed in bulk: an empty list costs a tenth of an empty deque,
    # and most chats are short.
    lines: list[Line] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    ended_at: float | None = None

    def add(self, new: Line) -> None:
        lines = self.lines
        lines.append(new)
        if len(lines) >= 2 * MAX_LINES:
            del lines[:-MAX_LINES]
        oldest = new[0] - MAX_AGE
        if lines[0][0] < oldest:
            self.lines = [kept for kept in lines if kept[0] >= oldest]

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
