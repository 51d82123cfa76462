"""Insult and toxicity scores from the model bundled in ``alt-profanity-check``.

The package ships a fitted TF-IDF vectorizer and a calibrated linear SVM
(scikit-learn's ``CalibratedClassifierCV`` over five ``LinearSVC`` folds with
sigmoid calibration). Its own ``predict_prob`` builds sparse matrices and
costs about 4 ms for one message, far too slow for the event loop. This
module loads the same two objects once and scores one message in plain
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

If the package (or scikit-learn, or joblib) is missing or its files cannot be
read, the scorer is *unavailable*: :meth:`ToxicityScorer.score` returns
``None`` and the detectors emit no toxicity signal, rather than a made-up
score. It never raises after construction and never does I/O per message.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

PACKAGE: Final = "profanity_check"

# A term's row: its idf, then idf times each fold's coefficient.
_Row = tuple[float, tuple[float, ...]]


def _load_bundled() -> tuple[Any, Any]:
    """Read the fitted vectorizer and model from the installed package's data.

    The package's own ``__init__`` loads both at import time; going through
    the spec's location reads the files without importing it, so they are
    loaded once, here.
    """
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{PACKAGE} is not installed")
    import joblib  # type: ignore[import-untyped]

    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return joblib.load(data / "vectorizer.joblib"), joblib.load(data / "model.joblib")


class ToxicityScorer:
    """Scores one message in 0..1 like ``profanity_check.predict_prob``.

    Build one per process (loading takes about a second) and share it.
    """

    __slots__ = ("_analyse", "_calibration", "_empty", "_intercepts", "_rows", "reason")

    def __init__(self, loader: Callable[[], tuple[Any, Any]] = _load_bundled) -> None:
        self._rows: dict[str, _Row] = {}
        self._intercepts: tuple[float, ...] = ()
        self._calibration: tuple[tuple[float, float], ...] = ()
        self._analyse: Callable[[str], Sequence[str]] | None = None
        self._empty = 0.0
        self.reason = ""
        try:
            vectorizer, model = loader()
            self._build(vectorizer, model)
        except (ImportError, OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
            # Missing package, unreadable file or a model of another shape:
            # degrade to "unavailable" instead of failing the whole server.
            self._rows = {}
            self._analyse = None
            self.reason = f"{type(exc).__name__}: {exc}"

    def _build(self, vectorizer: Any, model: Any) -> None:
        if list(model.classes_) != [0, 1]:
            raise ValueError("expected a binary model with classes [0, 1]")
        folds = model.calibrated_classifiers_
        coefs: list[Sequence[float]] = []
        intercepts: list[float] = []
        calibration: list[tuple[float, float]] = []
        for fold in folds:
            if fold.method != "sigmoid" or len(fold.calibrators) != 1:
                raise ValueError("expected one sigmoid calibrator per fold")
            estimator = fold.estimator
            coefs.append([float(x) for x in estimator.coef_[0]])
            intercepts.append(float(estimator.intercept_[0]))
            calibrator = fold.calibrators[0]
            calibration.append((float(calibrator.a_), float(calibrator.b_)))
        idf = [float(x) for x in vectorizer.idf_]
        rows: dict[str, _Row] = {}
        for term, index in vectorizer.vocabulary_.items():
            weight = idf[index]
            rows[term] = (weight, tuple(weight * coef[index] for coef in coefs))
        if vectorizer.norm != "l2" or vectorizer.sublinear_tf or not vectorizer.use_idf:
            raise ValueError("expected an l2-normalised, linear-tf tf-idf vectorizer")
        self._rows = rows
        self._intercepts = tuple(intercepts)
        self._calibration = tuple(calibration)
        # The analyzer is preprocess (lower-case), tokenize, drop stop words.
        # Stop words never enter the vocabulary, so the last step changes no
        # score; skipping it halves the tokenising cost.
        stop = vectorizer.get_stop_words() or frozenset()
        if not stop.isdisjoint(rows):
            raise ValueError("a stop word is in the vocabulary")
        if vectorizer.analyzer != "word" or tuple(vectorizer.ngram_range) != (1, 1):
            raise ValueError("expected a unigram word analyzer")
        preprocess = vectorizer.build_preprocessor()
        tokenize = vectorizer.build_tokenizer()
        self._analyse = lambda text: tokenize(preprocess(text))
        # A message with no known word scores the intercepts alone.
        self._empty = self._calibrate([0.0] * len(intercepts))

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

    def _calibrate(self, dots: Sequence[float]) -> float:
        total = 0.0
        for dot, b, (sig_a, sig_b) in zip(dots, self._intercepts, self._calibration, strict=True):
            total += _expit(-(sig_a * (dot + b) + sig_b))
        return total / len(self._intercepts)


def _expit(x: float) -> float:
    # Numerically safe logistic: never overflows for large |x|.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
