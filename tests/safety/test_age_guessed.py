"""An age asked or guessed is not one told.

"are you 12?", "¿tienes 12 años?", "tens 12 anos?", "vc tem 12 anos?",
"kamu 12 tahun ya?", "bist du 15?", "are you in 8th grade?": the number
follows the partner as subject, so it is no disclosure of the speaker's own
age (one that, in the adults' section, warned the asker as a minor, and in
the teens' section could hide an adult). A speed ("30 m/s") is not "30,
male" either. Beside them, the ages that are still told. The examples are
this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser

DISCLOSURES = ("age_disclosure_minor", "age_disclosure_adult")


def disclosed(analyser: TextAnalyser, text: str) -> float:
    return max(score(analyser, text, name) for name in DISCLOSURES)


@pytest.mark.parametrize(
    "text",
    [
        "are you 12 years old?",
        "r u 12 yrs old lol",
        "e tu escreves assim, tens 12 anos?",
        "vc tem 12 anos? kkk",
        "tienes 12 años o qué",
        "kamu 12 tahun ya?",
        "du bist 12 oder was",
        "bist du 15?",
        "are you in 8th grade?",
        "30 m/s... dividido por 10... 3",
        "den sprint schaffe ich mit 25 m/s nicht",
    ],
)
def test_age_asked_or_a_speed_is_no_disclosure(analyser: TextAnalyser, text: str) -> None:
    assert disclosed(analyser, text) == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "i'm 15 are you 12?",
        "you know im 15",
        "tengo 12 años",
        "tenho 12 anos",
        "aku 12 tahun",
        "ich bin 15, du?",
        "im in 8th grade",
        "24 m",
        "asl? 17/f/cali",
        "17/m/tx",
    ],
)
def test_ages_told_are_still_read(analyser: TextAnalyser, text: str) -> None:
    assert disclosed(analyser, text) >= 0.7


def test_the_question_stays_a_question(analyser: TextAnalyser) -> None:
    assert score(analyser, "are you 12 years old?", "age_question") >= 0.8
