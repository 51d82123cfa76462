"""A word split over two lines to pass a filter is read whole.

"du bist so ein Hurens" / "ohn": neither line insults, the two do. A line
that is only a bit of a word is read again glued to our previous line; what
the two make together counts for the new line.
"""

from __future__ import annotations

import pytest
from tests.safety.test_ordinary_talk import moderator

from passerby.safety.text.detectors import TextAnalyser


def lines(analyser: TextAnalyser, section: str, *texts: str) -> list[dict[str, float]]:
    mod = moderator(analyser, section)
    return [{s.name: s.score for s in mod.outgoing(t, 0.0, 1e9).signals} for t in texts]


@pytest.mark.parametrize(
    "texts",
    [
        ("du bist so ein Hurens", "ohn"),
        ("tu é uma vagab", "unda"),
        ("eres una pu", "ta"),
    ],
)
def test_an_insult_split_over_two_lines_is_read_whole(
    analyser: TextAnalyser, texts: tuple[str, str]
) -> None:
    first, second = lines(analyser, "adults", *texts)
    assert first.get("toxicity", 0.0) < 0.85
    assert second.get("toxicity", 0.0) >= 0.85


@pytest.mark.parametrize(
    "texts",
    [
        ("hey", "hi"),
        ("that game was", "shit"),
        ("are you from", "paris"),
        ("i love u", "too"),
        ("see you", "later"),
    ],
)
def test_ordinary_short_lines_stay_ordinary(analyser: TextAnalyser, texts: tuple[str, str]) -> None:
    assert lines(analyser, "adults", *texts)[1].get("toxicity", 0.0) < 0.85


@pytest.mark.parametrize(
    "texts", [("tu é", "ok"), ("tu es", "lol"), ("you're a", "kkkk"), ("are you", "same")]
)
def test_short_replies_are_never_glued(analyser: TextAnalyser, texts: tuple[str, str]) -> None:
    assert lines(analyser, "adults", *texts)[1] == {}


def test_only_right_after(analyser: TextAnalyser) -> None:
    assert lines(analyser, "adults", "tu é uma vagab", "oi", "unda")[2].get("toxicity", 0) < 0.85
