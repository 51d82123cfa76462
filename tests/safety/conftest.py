"""Analysers shared by the tests: the server's own (``analyser``, ``gated``) and one that
runs every detector on every message, to compare the gated paths with."""

from __future__ import annotations

import pytest

from passerby.safety.text import TextAnalyser
from passerby.safety.text.toxicity import ToxicityScorer


@pytest.fixture(scope="session")
def scorer() -> ToxicityScorer:
    return ToxicityScorer()


@pytest.fixture(scope="session")
def gated(scorer: ToxicityScorer) -> TextAnalyser:
    """The analyser as the server runs it: quiet path, gate, detectors."""
    return TextAnalyser(scorer)


@pytest.fixture(scope="session")
def ungated(scorer: ToxicityScorer) -> TextAnalyser:
    """Every detector on every message: what the others must agree with."""
    return TextAnalyser(scorer, prefilter=False)


@pytest.fixture(scope="session")
def analyser(gated: TextAnalyser) -> TextAnalyser:
    """The server's analyser, for the tests of what the detectors find."""
    return gated
