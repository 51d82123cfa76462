"""A request, or a word, split over lines is read as one.

"schick mal n bild" / "ohne oberteil": each line alone is a picture request
and two ordinary words; together they ask for a picture with nothing on. A
short line after one of ours that asked for something is read again joined
to it. "du bist so ein Hurens" / "ohn": neither line insults, the two do; a
line that is only a bit of a word is read again glued to our previous line
when that one spoke to the partner.
"""

from __future__ import annotations

import pytest
from tests.safety.test_ordinary_talk import moderator

from passerby.safety.text.detectors import TextAnalyser


@pytest.fixture(scope="module")
def analyser() -> TextAnalyser:
    return TextAnalyser()


def lines(analyser: TextAnalyser, section: str, *texts: str) -> list[dict[str, float]]:
    mod = moderator(analyser, section)
    return [{s.name: s.score for s in mod.outgoing(t, 0.0, 1e9).signals} for t in texts]


@pytest.mark.parametrize(
    "texts",
    [
        ("schick mal n bild", "ohne oberteil"),
        ("send me a pic", "no clothes"),
        ("manda una foto", "sin ropa"),
    ],
)
def test_a_split_request_is_read_whole(analyser: TextAnalyser, texts: tuple[str, str]) -> None:
    first, second = lines(analyser, "adults", *texts)
    assert first.get("sexual", 0.0) < 0.85
    assert second.get("sexual", 0.0) >= 0.95


def test_only_right_after_and_only_short_lines(analyser: TextAnalyser) -> None:
    # a line between them, or a long one, is not joined
    assert lines(analyser, "adults", "send me a pic", "ok", "no clothes")[2] == {}
    long = "no clothes on the line today because it is raining all week here"
    assert lines(analyser, "adults", "send me a pic", long)[1].get("sexual", 0.0) < 0.95


def test_ordinary_lines_after_a_request_stay_ordinary(analyser: TextAnalyser) -> None:
    assert lines(analyser, "teens", "send me a pic of your dog", "haha ok")[1] == {}


# -- a word split over two lines ------------------------------------------------


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
