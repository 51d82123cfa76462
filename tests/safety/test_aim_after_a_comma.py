"""Who an insult is aimed at, read where the sentences break; and being
told to die, or called a rat, in plain English.

"nicht du" says the partner is not the one meant ("bist du blöd? nicht
du, der Schiri"), but in "lüg nicht, du bist ein Idiot" the comma ends one
sentence and the next is aimed at the partner; likewise "no es para ti,
idiota" against "no, tú eres el idiota". English adds "just die already",
"why don't you just die", "you should just die" and a likeness to a rat or a
snake beside the words in front of them ("a lying little snake", "a spineless
gobshite"). Beside them, what stays ordinary: "you should die your hair",
"drop dead gorgeous", "I could just die of embarrassment", a gym rat, a snake
who is someone else, and a rat called with laughter. The examples are this
file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize(
    "text",
    [
        "lüg nicht, du bist ein dummer idiot",
        "red nicht, du opfer",
        "muss ich nicht. du bist so ein vollidiot",
        "just die already",
        "honestly why dont you just die",
        "you should just die",
        "ur such a lying little snake",
        "you're a spineless gobshite",
        "go on, you thick eejit",
        "you're a filthy rat",
    ],
)
def test_aimed_at_the_partner(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "bist du blöd? nicht du, der schiri",
        "nicht du bist der idiot, er ist es",
        "no es para ti, el idiota es mi jefe",
        "you should die your hair pink",
        "she looked drop dead gorgeous",
        "i could just die of embarrassment",
        "you're such a gym rat, respect",
        "my ex is a lying little snake",
        "ur such a rat lol you stole my fries",
    ],
)
def test_not_aimed_at_the_partner(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < 0.9
