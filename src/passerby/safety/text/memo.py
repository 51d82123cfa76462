"""A bounded memo of per-token work.

Messages almost never repeat, but their words do: "hey", "you", "lol" come
back in every other message. Work that depends on one token alone (how it
folds, what it adds to a bound) is done once per distinct token and then
read from a dictionary, which costs a C-level look-up instead of a few
regular expressions.

The memo must stay small and cheap whatever the traffic: it holds at most
``size`` tokens, forgets the oldest first, and forgets in constant time
(a ring of keys, never a scan of the dictionary). It only ever holds the
result of a pure function, so what it returns never depends on what was
asked before: a cached answer is the fresh one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")

# Tokens longer than this are computed every time and never kept: they are
# rarely repeated (links, random ids) and would make the memo's memory
# depend on the size of messages instead of on ``size`` alone.
LONGEST_KEPT = 32


class TokenMemo(dict[str, V], Generic[V]):
    """``memo[token]`` is ``compute(token)``, kept for the last ``size`` tokens.

    Read it with ``memo[token]`` (or ``map(memo.__getitem__, tokens)``): a
    hit is a plain dictionary look-up; only a miss runs Python code.
    """

    __slots__ = ("_compute", "_next", "_ring", "_size")

    def __init__(self, compute: Callable[[str], V], size: int) -> None:
        super().__init__()
        if size < 1:
            raise ValueError("a memo holds at least one token")
        self._compute = compute
        self._size = size
        self._ring: list[str] = []  # the kept tokens, oldest at ``_next`` once full
        self._next = 0

    def __missing__(self, token: str) -> V:
        value = self._compute(token)
        if len(token) > LONGEST_KEPT:
            return value
        ring = self._ring
        if len(ring) < self._size:
            ring.append(token)
        else:
            # Forget the oldest token; ``pop`` with a default so that a
            # token computed twice at once (threads) never raises.
            self.pop(ring[self._next], None)
            ring[self._next] = token
            self._next = (self._next + 1) % self._size
        self[token] = value
        return value
