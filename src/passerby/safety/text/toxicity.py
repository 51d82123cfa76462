"""Insult and toxicity scores from the model bundled in ``alt-profanity-check``.

The package ships a fitted TF-IDF vectorizer and a calibrated linear SVM
(scikit-learn's ``CalibratedClassifierCV`` over five ``LinearSVC`` folds with
sigmoid calibration). Its own ``predict_prob`` builds sparse matrices and
costs about 4 ms for one message, far too slow for the event loop. This
module reads the numbers of the same two objects once, without
scikit-learn (:mod:`.toxicity_model`), and scores one message in plain
Python with the same arithmetic:

1. tokens from the vectorizer's own analyzer (lower-case, ``\\b\\w\\w+\\b``,
   English stop words dropped);
2. term counts times idf, divided by their L2 norm;
3. for each of the five folds, the dot product with the SVM's coefficients
   plus its intercept, turned into a probability by that fold's sigmoid
   ``1 / (1 + exp(a * f + b))``;
4. the mean over folds, exactly as ``predict_proba`` averages them.

Per term the idf and the five coefficients are multiplied once at load, so a
message costs one dictionary look-up per token.

Most messages score far below any threshold, and :meth:`ToxicityScorer.may_reach`
proves it without the arithmetic: the normalised tf-idf vector has unit
length and no negative entry, so by Cauchy-Schwarz each fold's dot product is
at most the square root of the sum, over the message's terms, of the square
of the term's largest positive coefficient; each fold's sigmoid grows with
its dot product, so that sum bounds the score from above. Summed per
whitespace-separated token instead of per distinct term (a term repeated in
two tokens counts twice), it bounds that sum from above in turn, and each
token's share is remembered (:class:`~.memo.TokenMemo`): most messages are
proven harmless by a few dictionary look-ups.

If the package is missing or its files cannot be read, the scorer is
*unavailable*: :meth:`ToxicityScorer.score` returns
``None`` and the detectors emit no toxicity signal, rather than a made-up
score. It never raises after construction and never does I/O per message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Final

from passerby.safety.text import toxicity_model
from passerby.safety.text.memo import TokenMemo
from passerby.safety.text.toxicity_model import LinearModel

# A term's row: its idf, then idf times each fold's coefficient.
_Row = tuple[float, tuple[float, ...]]
# scikit-learn's default token pattern, r"(?u)\b\w\w+\b", finds the same
# tokens as this one (a greedy run of word characters ends at a boundary),
# which skips the boundary test at every position.
_TOKENS: Final = re.compile(r"\w\w+")
# ASCII bytes that are not word characters, as spaces.
_ASCII_SPACES: Final = bytes(
    c if chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(128)
) + bytes(range(128, 256))
# Float rounding must never turn a score at the threshold into "cannot reach".
_SLACK: Final = 1e-9
# Distinct tokens whose lift is remembered.
_TOKEN_MEMO_SIZE: Final = 8192


class ToxicityScorer:
    """Scores one message in 0..1 like ``profanity_check.predict_prob``.

    Build one per process (loading takes a tenth of a second) and share it.

    Args:
        loader: returns the model; by default the installed package's
            (:func:`.toxicity_model.load`). One that raises ImportError,
            OSError or ValueError makes the scorer unavailable.
    """

    __slots__ = (
        "_analyse",
        "_calibration",
        "_cutoffs",
        "_empty",
        "_intercepts",
        "_lift",
        "_rows",
        "_token_lift",
        "reason",
    )

    def __init__(self, loader: Callable[[], LinearModel] = toxicity_model.load) -> None:
        self._rows: dict[str, _Row] = {}
        self._intercepts: tuple[float, ...] = ()
        self._calibration: tuple[tuple[float, float], ...] = ()
        self._analyse: Callable[[str], Sequence[str]] | None = None
        self._empty = 0.0
        # Per term, the square of its largest positive coefficient over the
        # folds (terms that only lower the score are left out), and per
        # threshold the sum of those below which the score cannot reach it.
        self._lift: dict[str, float] = {}
        self._cutoffs: dict[float, float] = {}
        self._token_lift = TokenMemo(self.token_lift, _TOKEN_MEMO_SIZE)
        self.reason = ""
        try:
            self._build(loader())
        except (ImportError, OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
            # Missing package, unreadable file or a model of another shape:
            # degrade to "unavailable" instead of failing the whole server.
            self._rows = {}
            self._analyse = None
            self.reason = f"{type(exc).__name__}: {exc}"

    def _build(self, model: LinearModel) -> None:
        coefs = model.coefs
        rows: dict[str, _Row] = {}
        lift: dict[str, float] = {}
        for index, (term, weight) in enumerate(zip(model.terms, model.idf, strict=True)):
            rows[term] = (weight, tuple([weight * coef[index] for coef in coefs]))
            top = max([coef[index] for coef in coefs])
            if top > 0:
                lift[term] = top * top
        self._rows = rows
        self._intercepts = tuple(model.intercepts)
        self._calibration = tuple(model.calibration)
        # The bound needs every fold's probability to grow with its dot
        # product (a negative sigmoid slope, as scikit-learn fits it).
        self._lift = lift if all(a < 0 for a, _ in self._calibration) else {}
        # The vectorizer's analyzer: lower-case, its default tokens, stop
        # words dropped; none is in the vocabulary (checked when the model
        # is read), so dropping them changes no score and is skipped.
        self._analyse = lambda text: _TOKENS.findall(text.lower())
        # A message with no known word scores the intercepts alone.
        self._empty = self._calibrate([0.0] * len(self._intercepts))

    @property
    def available(self) -> bool:
        return self._analyse is not None

    def score(self, text: str) -> float | None:
        """The probability that ``text`` is an insult or profane; None if unavailable."""
        analyse = self._analyse
        if analyse is None:
            return None
        rows = self._rows
        counts: dict[str, int] = {}
        for token in analyse(text):
            if token in rows:
                counts[token] = counts.get(token, 0) + 1
        if not counts:
            return self._empty
        norm_sq = 0.0
        columns: list[tuple[float, ...]] = []
        for term, count in counts.items():
            idf, weights = rows[term]
            if count == 1:
                norm_sq += idf * idf
                columns.append(weights)
            else:
                norm_sq += (count * idf) ** 2
                columns.append(tuple([count * w for w in weights]))
        inv = 1.0 / math.sqrt(norm_sq)
        dots = [sum(column) * inv for column in zip(*columns, strict=True)]
        return self._calibrate(dots)

    def may_reach(self, text: str, threshold: float) -> bool:
        """False only when ``score(text)`` is certainly below ``threshold``
        (or the scorer is unavailable); cheaper than scoring."""
        analyse = self._analyse
        if analyse is None:
            return False
        if not self._lift:
            return True  # a model the bound does not hold for
        cutoff = self._cutoff_for(threshold)
        if text.isascii():
            lowered = text.lower()
            # The bound of the bound, summed in another order: below the
            # cutoff by more than rounding, the sum below is too.
            if sum(map(self._token_lift.__getitem__, lowered.split())) < cutoff - _SLACK:
                return False
            tokens = _ascii_terms(lowered)
        else:
            tokens = set(analyse(text))
        return sum(filter(None, map(self._lift.get, tokens))) >= cutoff

    def lift_cutoff(self, threshold: float) -> float | None:
        """What :meth:`may_reach` compares the sum of :meth:`token_lift` over
        an ASCII text's white-space tokens with: below it, the score cannot
        reach ``threshold``. Infinite when the scorer is unavailable (nothing
        can), None when the model gives no bound (anything may)."""
        if self._analyse is None:
            return math.inf
        if not self._lift:
            return None
        return self._cutoff_for(threshold) - _SLACK

    def token_lift(self, token: str) -> float:
        """One lower-case ASCII token's share of the bound (see
        :meth:`lift_cutoff`): the sum of lifts of its distinct terms. Not
        remembered: for callers with a memo of their own."""
        if token.isalpha():  # most tokens: one term
            return self._lift.get(token, 0.0)
        return sum(filter(None, map(self._lift.get, _ascii_terms(token))))

    def _cutoff_for(self, threshold: float) -> float:
        cutoff = self._cutoffs.get(threshold)
        if cutoff is None:
            cutoff = self._cutoffs[threshold] = self._cutoff(threshold)
        return cutoff

    def _cutoff(self, threshold: float) -> float:
        """The sum of lifts below which the score bound stays under ``threshold``."""

        def bound(total: float) -> float:
            return self._calibrate([math.sqrt(total)] * len(self._intercepts))

        if threshold - _SLACK > 1.0:
            return math.inf  # a mean of probabilities never passes 1
        if bound(0.0) >= threshold - _SLACK:
            return 0.0  # even a message with no known term may reach it
        low, high = 0.0, 1.0
        while bound(high) < threshold - _SLACK:
            low, high = high, high * 2
            if high > 1e12:
                return 0.0  # no useful bound: always score
        for _ in range(60):
            middle = (low + high) / 2
            low, high = (middle, high) if bound(middle) < threshold - _SLACK else (low, middle)
        return low

    def _calibrate(self, dots: Sequence[float]) -> float:
        total = 0.0
        for dot, b, (sig_a, sig_b) in zip(dots, self._intercepts, self._calibration, strict=True):
            total += _expit(-(sig_a * (dot + b) + sig_b))
        return total / len(self._intercepts)


def _ascii_terms(text: str) -> set[str]:
    """The distinct tokens of lower-case ASCII text as the vectorizer reads
    it (runs of two or more word characters), without the expression:
    one-character runs are in no vocabulary."""
    return set(text.encode().translate(_ASCII_SPACES).decode().split())


def _expit(x: float) -> float:
    # Numerically safe logistic: never overflows for large |x|.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
