"""Sexual talk asked or said plainly in forms the lists did not hold.

A sexy picture asked for ("send me a sexy pic", "kirim foto yg seksi",
"manda uma foto bem sexy"), a picture in underwear ("foto pake baju
dalem"), questions about bed and sleepwear ("what do you wear to bed",
"¿qué te pones para dormir?", "was ziehst du zum Schlafen an?"), and acts
said to the partner ("I'd bend you over", "metérsela", "fick mich", "das
macht mich so geil"). Beside them, what stays ordinary: a sexy car's
picture, a picture seen, bedtime, a budget looked at hard, "macht mich geil
auf mehr" (keen on). The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize(
    "text",
    [
        "send me a sexy pic",
        "kirim foto yg seksi dong",
        "manda uma foto bem sexy",
        "schick mir ein sexy bild",
        "kirim foto pake baju dalem dong",
        "i'd bend you over right now",
        "quiero metértela",
        "sag fick mich",
        "du machst mich so geil",
        "come on its just vocabulary. send one in your underwear",
        "send me one in ur bra",
        "manda uma de calcinha",
        "schick mir eins im bh",
        "me la estoy tocando pensando en ti",
    ],
)
def test_asked_or_said_explicitly(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "what do you wear to bed",
        "y q te pones para dormir?",
        "que cosas te gustan en la cama",
        "o que vc usa pra dormir",
        "was ziehst du zum schlafen an",
        "kamu tidur pake apa",
    ],
)
def test_questions_about_bed_are_sexual_talk(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic of that sexy car lol",
        "i saw a sexy pic of him on insta",
        "what time do you go to bed",
        "i need a good hard look at my budget",
        "das spiel macht mich so geil auf mehr",
        "he would bend over backwards for you",
    ],
)
def test_what_stays_ordinary(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") < 0.8
