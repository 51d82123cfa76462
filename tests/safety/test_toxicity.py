"""The fast toxicity scorer must agree with profanity_check.predict_prob."""

from __future__ import annotations

import random
import sys

import pytest

from passerby.safety.text import TextAnalyser
from passerby.safety.text.toxicity import ToxicityScorer
from passerby.safety.text.toxicity_model import LinearModel, from_sklearn

profanity_check = pytest.importorskip("profanity_check")

SAMPLES = [
    "",
    "the and of",
    "hello there friend",
    "you are a stupid idiot",
    "STUPID Idiot!!",
    "shut up loser loser loser loser",
    "I love my dog",
    "fuck off",
    "what a lovely day it is today",
    "u r a st00pid 1d10t",
    "kill me, it's monday",
    "naïve café résumé",
    "hola que tal, eres un idiota",
    "idiot " * 40,
]


def _corpus_strings() -> list[str]:
    rng = random.Random(7)
    words = [
        "you",
        "are",
        "so",
        "stupid",
        "nice",
        "day",
        "hello",
        "friend",
        "idiot",
        "hate",
        "love",
        "dumb",
        "game",
        "play",
        "school",
        "ugly",
        "fat",
        "loser",
        "great",
        "awesome",
        "trash",
        "garbage",
        "human",
        "music",
        "food",
        "kill",
        "shut",
        "up",
        "damn",
        "hell",
        "pathetic",
        "worthless",
        "cool",
        "amazing",
        "boring",
        "weird",
        "the",
        "a",
        "of",
        "and",
        "i",
        "me",
    ]
    out = list(SAMPLES)
    for _ in range(300):
        out.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))))
    return out


@pytest.fixture(scope="module")
def scorer() -> ToxicityScorer:
    return ToxicityScorer()


def test_scorer_is_available(scorer: ToxicityScorer) -> None:
    assert scorer.available, scorer.reason


def test_matches_predict_prob_within_1e_6(scorer: ToxicityScorer) -> None:
    texts = _corpus_strings()
    expected = profanity_check.predict_prob(texts)
    for text, want in zip(texts, expected, strict=True):
        got = scorer.score(text)
        assert got is not None
        assert abs(got - float(want)) < 1e-6, text


def test_insults_score_high_and_greetings_low(scorer: ToxicityScorer) -> None:
    assert (scorer.score("you are a stupid idiot") or 0.0) > 0.9
    assert (scorer.score("hello there friend") or 1.0) < 0.1


def _missing() -> LinearModel:
    raise ImportError("profanity_check is not installed")


def test_unavailable_scorer_returns_none() -> None:
    scorer = ToxicityScorer(loader=_missing)
    assert not scorer.available
    assert "ImportError" in scorer.reason
    assert scorer.score("you are a stupid idiot") is None


def test_missing_package_degrades(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes the import machinery fail for it.
    monkeypatch.setitem(sys.modules, "profanity_check", None)
    scorer = ToxicityScorer()
    assert not scorer.available


def test_analyser_without_model_emits_no_model_toxicity() -> None:
    analyser = TextAnalyser(ToxicityScorer(loader=_missing))
    # Only the lexicons' findings remain (a put-down near "you"), never a
    # model score (no detail, or "folded").
    found = analyser.analyse("you are a stupid idiot")
    assert [s for s in found if s.detail in ("", "folded")] == []
    assert all(s.detail.startswith("contempt") for s in found)
    # Other detectors keep working.
    names = {s.name for s in analyser.analyse("add me on snapchat")}
    assert names == {"off_platform"}


def test_model_of_another_shape_is_unavailable() -> None:
    scorer = ToxicityScorer(loader=lambda: from_sklearn(object(), object()))
    assert not scorer.available
    assert scorer.score("x") is None


def test_obfuscated_insult_is_caught_on_the_folded_form() -> None:
    analyser = TextAnalyser(ToxicityScorer())
    signals = {s.name: s for s in analyser.analyse("u r a st00pid 1d10t")}
    assert signals["toxicity"].score > 0.9
    assert signals["toxicity"].detail == "folded"
