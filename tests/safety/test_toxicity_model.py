"""The model read from ``toxicity_model.json`` is the bundled one, to the bit.

If the first test fails, the installed alt-profanity-check is not the one
the file was written from: run ``python -m passerby.safety.text.rebuild``
and commit ``toxicity_model.json``.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.safety.corpus import MESSAGES

from passerby.safety.text import toxicity_model
from passerby.safety.text.toxicity import ToxicityScorer
from passerby.safety.text.toxicity_model import REBUILD, SHIPPED, LinearModel

profanity_check = pytest.importorskip("profanity_check")

INSULTS = [
    "you are a stupid idiot",
    "STUPID Idiot!!",
    "shut up loser loser loser loser",
    "u r a st00pid 1d10t",
    "fuck off",
    "idiot " * 40,
    "",
    "naïve café résumé",
]


@pytest.fixture(scope="module")
def pickled() -> LinearModel:
    return toxicity_model.read_pickles(toxicity_model.bundled_files())


def test_shipped_file_is_current() -> None:
    assert toxicity_model.problems() == [], f"toxicity_model.json is stale; run {REBUILD}"


def test_the_file_is_what_a_rebuild_writes() -> None:
    assert toxicity_model.rebuild() == SHIPPED.read_text(encoding="utf-8")


def test_the_file_holds_the_pickled_numbers(pickled: LinearModel) -> None:
    shipped, _ = toxicity_model.read(SHIPPED)
    assert list(shipped.terms) == list(pickled.terms)
    assert list(shipped.idf) == list(pickled.idf)
    assert [list(c) for c in shipped.coefs] == [list(c) for c in pickled.coefs]
    assert list(shipped.intercepts) == list(pickled.intercepts)
    assert list(shipped.calibration) == list(pickled.calibration)


def test_scores_are_scikit_learns_within_1e_9() -> None:
    scorer = ToxicityScorer()  # from the file: the current one, as checked above
    texts = [*MESSAGES, *INSULTS]
    # predict_prob: the package's vectorizer and predict_proba, in scikit-learn.
    expected = profanity_check.predict_prob(texts)
    assert max(expected) > 0.9  # the corpus holds insults
    for text, want in zip(texts, expected, strict=True):
        got = scorer.score(text)
        assert got is not None
        assert abs(got - float(want)) <= 1e-9, text


def test_scores_from_the_file_and_the_pickles_are_the_same(pickled: LinearModel) -> None:
    shipped = ToxicityScorer()
    slow = ToxicityScorer(loader=lambda: pickled)
    for text in [*MESSAGES, *INSULTS]:
        assert shipped.score(text) == slow.score(text), text
        for threshold in (0.5, 0.9):
            assert shipped.may_reach(text, threshold) == slow.may_reach(text, threshold)


def test_a_stale_file_is_not_used_and_the_pickles_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data["source"]["sha256"]["model.joblib"] = "0" * 64
    # Numbers that would change every score, were the file read.
    data["intercepts"] = [x + 5.0 for x in data["intercepts"]]
    stale = tmp_path / "toxicity_model.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(toxicity_model, "SHIPPED", stale)
    with caplog.at_level(logging.WARNING, logger="passerby.safety.text.toxicity_model"):
        scorer = ToxicityScorer()
    assert [r.getMessage() for r in caplog.records if REBUILD in r.getMessage()] != []
    assert toxicity_model.problems() != []
    want = float(profanity_check.predict_prob(["you are a stupid idiot"])[0])
    assert scorer.score("you are a stupid idiot") == pytest.approx(want, abs=1e-9)


@pytest.mark.parametrize("damage", ["format", "idf", "coefs", "terms"])
def test_a_damaged_file_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    if damage == "format":
        data["format"] = 99
    elif damage == "idf":
        data["idf"] = "not base64!"
    elif damage == "coefs":
        data["coefs"] = data["coefs"][:-1]
    else:
        data["terms"] = data["terms"][:-1]
    broken = tmp_path / "toxicity_model.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError):
        toxicity_model.read(broken)
    monkeypatch.setattr(toxicity_model, "SHIPPED", broken)
    assert toxicity_model.problems() != []
    assert ToxicityScorer().available  # from the pickles


def test_the_analyser_starts_without_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from passerby.safety.text import TextAnalyser\n"
        "assert TextAnalyser().toxicity.available\n"
        "print(sorted(m for m in ('sklearn', 'joblib', 'scipy', 'numpy') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, check=True
    )
    assert done.stdout.strip() == "[]", done.stderr
