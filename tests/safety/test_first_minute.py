"""A stranger chat's first minute, and the steps that follow it quickly.

"edad sexo país" / "idade sexo e estado" is "age, sex, location": the
gender asked, not sex talk. An age said after "yo" or "eu" ("yo 32 y guardo
secretos", "eu 14 e vc") or before "no" ("16, no le digas a nadie") is
read; the school year asked ("¿en qué año estás?", "welche Klasse?") is an
age question (not the Indonesian "kelas berapa", which teens ask each other
all the time). A meeting set with a place or a day ("nos
vemos en el shopping el sábado", "samstag treffen wir uns am Hbf"), a gift
of "something nice" ("te regalo algo lindo", "ich kauf dir was Schönes") and
hiding from the parents ("ohne dass deine Eltern was merken", "sin que se
enteren tus papás") are grooming's steps. Beside each, what stays ordinary.
The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize("text", ["edad sexo pais", "idade, sexo e estado?", "edad y sexo?"])
def test_age_sex_location_asks_an_age_and_is_not_sexual(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_question") >= 0.8
    assert score(analyser, text, "sexual") == 0.0


@pytest.mark.parametrize("text", ["tuve sexo ayer", "hablemos de sexo"])
def test_sex_said_otherwise_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.8


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tranqui, yo 32 y guardo secretos", "age_disclosure_adult"),
        ("yo 15, y vos?", "age_disclosure_minor"),
        ("eu 14 e vc", "age_disclosure_minor"),
        ("16, no le digas a nadie q estoy aqui jaja", "age_disclosure_minor"),
    ],
)
def test_an_age_after_i_or_before_no_is_read(analyser: TextAnalyser, text: str, name: str) -> None:
    assert score(analyser, text, name) >= 0.5


@pytest.mark.parametrize("text", ["yo 2 veces fui", "yo 15 minutos tarde llegué", "eu 3 vezes"])
def test_counts_after_i_are_no_age(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") == 0.0
    assert score(analyser, text, "age_disclosure_adult") == 0.0


@pytest.mark.parametrize("text", ["en q año estas?", "em que ano vc ta?", "welche klasse?"])
def test_the_school_year_asked_is_an_age_question(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_question") >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "nos vemos en el shopping el sabado",
        "a gente se encontra no shopping sabado",
        "und samstag treffen wir uns am hbf",
    ],
)
def test_a_meeting_set_with_a_place_or_day(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "meet_request") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "nos vemos en la proxima",
        "nos vemos, chau",
        "nos vemos en el juego",
        "mis amigos y yo nos vemos en la plaza",
        "wir treffen uns in fortnite",
        "va, nos vemos en la entrada",
    ],
)
def test_goodbyes_games_and_friends_plans_are_no_meeting(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "meet_request") < 0.6


@pytest.mark.parametrize(
    "text",
    ["te regalo algo lindo", "ich kauf dir was schönes", "i'll buy you something nice"],
)
def test_something_nice_offered_is_a_gift(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "gift") >= 0.8


@pytest.mark.parametrize(
    "text", ["i bought something nice for my mom", "compré algo lindo para mi hermana"]
)
def test_something_nice_bought_for_others_is_not(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "gift") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "klar, aber erst kurz facetime, ohne dass deine eltern was merken",
        "sin que se enteren tus papás",
        "sem seus pais saberem",
    ],
)
def test_hiding_from_the_partners_parents_is_secrecy(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "ich bin rausgegangen ohne dass meine eltern was merken",
        "salí sin que se enteraran mis papás",
    ],
)
def test_ones_own_escape_told_is_no_secret_asked(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") == 0.0
