"""The bundled insult model as plain numbers, read without scikit-learn.

alt-profanity-check ships its model as two joblib pickles of scikit-learn
objects (a ``TfidfVectorizer`` and a ``CalibratedClassifierCV`` over five
``LinearSVC`` folds). Unpickling them imports scikit-learn and SciPy, about
four seconds in every server process. The scorer (:mod:`.toxicity`) needs
only numbers from them, a :class:`LinearModel`; so

    python -m passerby.safety.text.rebuild

reads the pickles once, with scikit-learn (:func:`from_sklearn`), and writes
those numbers to ``toxicity_model.json`` next to this module: the
vocabulary, in column order, and each fold's coefficients, the idf weights,
the intercepts and the sigmoid calibrations, as IEEE doubles (exact: the
scores are those of the pickled model to the last bit), plus the SHA-256
of the two pickles they came from.

At start-up :func:`load` reads that file when the installed package's
pickles are the ones it was written from, and otherwise reads the pickles
as before, slowly, logging the command that rebuilds the file. Without the
package the model is unavailable, as it always was: the file is a faster
way to read the installed model, not a copy to use in its place.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import logging
import sys
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

log = logging.getLogger(__name__)

PACKAGE: Final = "profanity_check"
DISTRIBUTION: Final = "alt-profanity-check"
FILES: Final = ("vectorizer.joblib", "model.joblib")
# Bump when the layout of the file changes.
FORMAT: Final = 1
SHIPPED: Final = Path(__file__).resolve().parent / "toxicity_model.json"
REBUILD: Final = "python -m passerby.safety.text.rebuild"
# scikit-learn's default token pattern, which the scorer reads as r"\w\w+".
DEFAULT_TOKENS: Final = r"(?u)\b\w\w+\b"


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A unigram tf-idf vectorizer (lower-case, the default tokens, l2 norm,
    linear term counts) and linear folds with sigmoid calibration, averaged.

    ``terms[i]`` is column ``i``; ``coefs[k][i]`` its coefficient in fold
    ``k``, whose probability is ``1 / (1 + exp(a * (dot + intercept) + b))``
    with ``(a, b) = calibration[k]``.
    """

    terms: Sequence[str]
    idf: Sequence[float]
    coefs: Sequence[Sequence[float]]
    intercepts: Sequence[float]
    calibration: Sequence[tuple[float, float]]

    def __post_init__(self) -> None:
        columns = len(self.terms)
        if len(self.idf) != columns or any(len(c) != columns for c in self.coefs):
            raise ValueError("every fold needs one coefficient per term")
        if not self.coefs or len(self.intercepts) != len(self.coefs):
            raise ValueError("every fold needs an intercept")
        if len(self.calibration) != len(self.coefs):
            raise ValueError("every fold needs a calibration")


def from_sklearn(vectorizer: Any, model: Any) -> LinearModel:
    """The numbers of the fitted scikit-learn objects the package ships.

    Raises:
        ValueError: for a model of another shape than :class:`LinearModel`
            (AttributeError when it is not scikit-learn's at all).
    """
    if list(model.classes_) != [0, 1]:
        raise ValueError("expected a binary model with classes [0, 1]")
    coefs: list[array[float]] = []
    intercepts: list[float] = []
    calibration: list[tuple[float, float]] = []
    for fold in model.calibrated_classifiers_:
        if fold.method != "sigmoid" or len(fold.calibrators) != 1:
            raise ValueError("expected one sigmoid calibrator per fold")
        estimator = fold.estimator
        coefs.append(array("d", [float(x) for x in estimator.coef_[0]]))
        intercepts.append(float(estimator.intercept_[0]))
        calibrator = fold.calibrators[0]
        calibration.append((float(calibrator.a_), float(calibrator.b_)))
    if vectorizer.norm != "l2" or vectorizer.sublinear_tf or not vectorizer.use_idf:
        raise ValueError("expected an l2-normalised, linear-tf tf-idf vectorizer")
    if vectorizer.binary:
        raise ValueError("expected term counts, not presence")
    if vectorizer.analyzer != "word" or tuple(vectorizer.ngram_range) != (1, 1):
        raise ValueError("expected a unigram word analyzer")
    if not (
        vectorizer.token_pattern == DEFAULT_TOKENS
        and vectorizer.tokenizer is None
        and vectorizer.preprocessor is None
        and vectorizer.lowercase
        and vectorizer.strip_accents is None
    ):
        raise ValueError("expected the default lower-case tokens")
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = str(term)
    # The analyzer drops stop words after tokenising. None is in the
    # vocabulary, so dropping them changes no score and the scorer skips it.
    stop = vectorizer.get_stop_words() or frozenset()
    if not stop.isdisjoint(terms):
        raise ValueError("a stop word is in the vocabulary")
    idf = array("d", [float(x) for x in vectorizer.idf_])
    return LinearModel(terms, idf, coefs, intercepts, calibration)


def bundled_files() -> list[Path]:
    """The installed package's pickles (not imported: its ``__init__``
    unpickles them)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{PACKAGE} is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return [data / name for name in FILES]


def load() -> LinearModel:
    """The installed package's model, from ``toxicity_model.json`` when it
    was written from these pickles, else from the pickles themselves.

    Raises:
        ImportError: the package (or, to read its pickles, scikit-learn)
            is missing.
    """
    files = bundled_files()
    digests = _digests(files)
    try:
        model, source = read(SHIPPED)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        why = f"unreadable: {type(exc).__name__}: {exc}"
    else:
        if source == digests:
            return model
        why = f"written from other files than the installed {DISTRIBUTION}'s"
    started = time.perf_counter()
    model = read_pickles(files)
    log.warning(
        "%s is stale (%s): read the model with scikit-learn instead, in %.1f s. Rebuild it: %s",
        SHIPPED.name,
        why,
        time.perf_counter() - started,
        REBUILD,
    )
    return model


def read_pickles(files: Sequence[Path]) -> LinearModel:
    """The model of the package's pickles, read with joblib and scikit-learn."""
    import joblib  # type: ignore[import-untyped]

    vectorizer, model = (joblib.load(path) for path in files)
    return from_sklearn(vectorizer, model)


def read(path: Path) -> tuple[LinearModel, dict[str, str]]:
    """The model in a file :func:`rebuild` wrote, and the digests of the
    pickles it was written from."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["format"] != FORMAT:
        raise ValueError(f"format {data['format']!r}, not {FORMAT}")
    model = LinearModel(
        terms=[str(term) for term in data["terms"]],
        idf=_doubles(data["idf"]),
        coefs=[_doubles(fold) for fold in data["coefs"]],
        intercepts=[float(x) for x in data["intercepts"]],
        calibration=[(float(a), float(b)) for a, b in data["calibration"]],
    )
    return model, {str(k): str(v) for k, v in data["source"]["sha256"].items()}


def rebuild() -> str:
    """The text of a fresh ``toxicity_model.json``, from the installed package."""
    from importlib.metadata import version

    files = bundled_files()
    model = read_pickles(files)
    data = {
        "format": FORMAT,
        "source": {
            "package": f"{DISTRIBUTION} {version(DISTRIBUTION)} (MIT licence)",
            "sha256": _digests(files),
        },
        "terms": list(model.terms),
        "idf": _base64(model.idf),
        "coefs": [_base64(fold) for fold in model.coefs],
        "intercepts": list(model.intercepts),
        "calibration": [list(pair) for pair in model.calibration],
    }
    # One line per field.
    rows = ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in data.items())
    return f"{{\n{rows}\n}}\n"


def problems() -> list[str]:
    """Why the shipped file is not what :func:`rebuild` would write from
    the installed package (empty when it is, or when nothing is installed)."""
    try:
        files = bundled_files()
    except ImportError:
        return []
    try:
        _, source = read(SHIPPED)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"{SHIPPED.name}: unreadable: {type(exc).__name__}: {exc}"]
    if source != _digests(files):
        return [f"{SHIPPED.name} was written from other files than the installed package's"]
    return []


def _digests(files: Sequence[Path]) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def _base64(numbers: Sequence[float]) -> str:
    """IEEE doubles, little-endian, in base64: exact, and a third of the
    size of their decimal forms."""
    packed = array("d", numbers)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _doubles(text: str) -> array[float]:
    packed = array("d")
    packed.frombytes(base64.b64decode(text, validate=True))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed
