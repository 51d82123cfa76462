"""The quiet path: telling an ordinary message from the rest, token by token.

Nearly every chat message wakes no detector, and for those the analyser's
whole answer is "no signal". Reaching it the long way folds the message,
builds the word probes of its forms, scans them, and bounds the toxicity
model's score twice: over a hundred Python steps, each touching memory of
its own, which on a busy server is mostly no longer in the processor's
caches. For ASCII text, everything those steps need that depends on one
token alone (how it folds, its piece of each probe, its digit bound, its
share of each toxicity bound) is worked out once per distinct token and
kept in one memo (:mod:`.memo`). A message is then *quiet* when, read
from its tokens' entries:

* no two neighbouring tokens can join when folded ("s n a p", "s. n. a.
  p"), and it holds no apostrophe (so its ``joined`` form is ``plain``);
* it holds too few digits to hold a phone number (:func:`.normalise.digits_at_most`);
* the toxicity model cannot reach its threshold on the text, nor on its
  folded words when folding changed a letter (the bound of
  :meth:`.toxicity.ToxicityScorer.may_reach`);
* no literal of the gate is found in the probes built from the tokens'
  pieces, and none of the gate's searched patterns matches
  (:meth:`.gate.Gate.finds_nothing`).

Each condition is the gate's own, computed from the same pieces in the same
order, or a stricter one: a key literal found is enough to refuse (the gate
still checks its other clauses), a token that could join is enough to look
at its neighbours, and the words' toxicity bound, summed per token, is
compared with a margin for rounding. So a quiet message is one on which the
gate chooses no detector, though not every such message is quiet. Anything
else, and any text that is not ASCII, takes the full path. The analyser
builds the path only while its triggers' checks are the two above. The
quiet path may only ever answer "no signal" where the full path does:
``tests/safety/test_quiet.py`` compares both on every message it tries.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Final, NamedTuple

from passerby.safety.text.gate import Gate, probe_of, probe_piece
from passerby.safety.text.memo import TokenMemo
from passerby.safety.text.normalise import folded_token
from passerby.safety.text.toxicity import ToxicityScorer

# The words' bound is summed per token instead of per word; floating-point
# sums in another order differ by far less than this.
_ROUNDING: Final = 1e-9
_MEMO_SIZE: Final = 8192


# Flags of a token.
_MAY_JOIN: Final = 1  # an end of it may join a neighbour's when folded
_CHANGED: Final = 2  # folding changed its letters or digits


class _Facts(NamedTuple):
    """What one lower-case ASCII token contributes to a message."""

    words_probe: str  # its ``words`` piece in the word probe ("" when nothing is left)
    plain_probe: str  # the token itself in the word probe of ``plain``
    digit_bound: int
    lift: float  # its share of the toxicity bound of the text
    words_lift: float  # its ``words`` piece's share of the bound of ``words``
    flags: int
    punct_ends: str  # see normalise.FoldedToken
    space_ends: str


class QuietPath:
    """``quiet(text)`` is True only when the analyser would find no signal.

    Args:
        gate: the analyser's gate.
        scorer: its toxicity model; the path is only built when the model
            gives a bound (see :meth:`build`).
        cutoff: the toxicity bound's cutoff for the analyser's threshold.
        phone_digits: digits from which a message may hold a phone number.
    """

    __slots__ = ("_cutoff", "_gate", "_memo", "_phone_digits", "_scorer")

    def __init__(
        self, gate: Gate, scorer: ToxicityScorer, cutoff: float, phone_digits: int
    ) -> None:
        self._gate = gate
        self._scorer = scorer
        self._cutoff = cutoff
        self._phone_digits = phone_digits
        self._memo = TokenMemo(self._facts, _MEMO_SIZE)

    @classmethod
    def build(
        cls, gate: Gate, scorer: ToxicityScorer, threshold: float, phone_digits: int
    ) -> Callable[[str], bool] | None:
        """The quiet test for these parts, or None when the model gives no
        bound (then every message needs the full path)."""
        cutoff = scorer.lift_cutoff(threshold)
        if cutoff is None:
            return None
        return cls(gate, scorer, cutoff, phone_digits)

    def __call__(self, text: str) -> bool:
        if not text.isascii() or "'" in text:
            return False
        tokens = text.lower().split()
        if not tokens:
            return False
        (words_probe, plain_probe, digits, lift, words_lift, flags, punct_ends,
         space_ends) = zip(*map(self._memo.__getitem__, tokens), strict=True)  # fmt: skip
        cutoff = self._cutoff
        if sum(digits) >= self._phone_digits or sum(lift) >= cutoff:
            return False
        if any(flags):
            marks = functools.reduce(operator.or_, flags)
            if marks & _MAY_JOIN and ("><" in "".join(punct_ends) or ")(" in "".join(space_ends)):
                return False  # folded as a whole, where letters may join
            if marks & _CHANGED and sum(words_lift) >= cutoff - _ROUNDING:
                return False
        return self._gate.finds_nothing(
            probe_of(filter(None, words_probe)), " ".join(tokens), probe_of(plain_probe)
        )

    def _facts(self, token: str) -> _Facts:
        # From fold()'s own memo: a message the path refuses is folded next,
        # and its new tokens are then folded once, not twice.
        folded = folded_token(token)
        words = folded.words
        lift = self._scorer.token_lift
        punct_ends, space_ends = folded.punct_ends, folded.space_ends
        flags = _CHANGED if folded.changed else 0
        if "<" in punct_ends or ">" in punct_ends or "(" in space_ends or ")" in space_ends:
            flags |= _MAY_JOIN
        token_lift = lift(token)
        words_lift = token_lift if words == token else sum(map(lift, words.split()))
        letters = token.isalpha()  # most tokens: letters are their own probe
        return _Facts(
            words if letters else probe_piece(words),
            token if letters else probe_piece(token),
            folded.digit_bound,
            token_lift,
            words_lift,
            flags,
            punct_ends,
            space_ends,
        )
