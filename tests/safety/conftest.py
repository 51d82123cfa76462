"""Analysers shared by the tests that compare the gated paths with the full one."""

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
