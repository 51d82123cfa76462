"""An age asked and answered in more of the ways people type, and the
grooming steps around it in more forms.

Asked: "wie alt bist?" and "wie alt bisch" (no "du"), "und, wie alt?",
"wie alt sind Sie?", Rioplatense and Chilean "¿cuántos tenés?". Answered:
"ehrlich gesagt 16, is des schlimm?", "la verdad 15", "15 po"; "sy blg dulu
ya sy 16" ("dulu ya" is "first", not "formerly"), "masih smp kak" as a whole
reply. Around it: maturity flattered by comparison or degree ("du wirkst
viel reifer als andere", "és mais madura do que", "kamu cukup dewasa",
"more mature about training than most", "hablas mejor que muchos
adultos", "kayak udah gede"; not someone else's, nor the question),
"quede entre usted y yo", "mejor que no sepan de mí", "preciso de fotos
tuas". Beside them, what stays as it was:
someone else's age or school, a past age, a peer's "more mature than me",
holiday photos, photos seen. The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize(
    "text",
    [
        "servus, wie alt bist?",
        "cool, wie alt bisch",
        "und, wie alt?",
        "darf ich fragen, wie alt sind sie?",
        "y vos cuantos tenes?",
    ],
)
def test_more_age_questions(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_question") >= 0.85


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        ("ehrlich gesagt 15, is des schlimm?", 0.5),
        ("la verdad 14", 0.5),
        ("14 po", 0.5),
        ("oh iya sy bilang dulu ya sy 15", 0.85),
        ("hehe masih smp kak", 0.7),
    ],
)
def test_more_ages_answered(analyser: TextAnalyser, text: str, at_least: float) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= at_least


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("honestly you're so much more mature about school than most", "flattery"),
        ("escribes mejor que muchos adultos que conozco", "flattery"),
        ("kamu asik, kayak udah gede", "flattery"),
        ("que esto quede entre usted y yo", "secrecy"),
        ("mejor que tus papás no sepan de mí", "secrecy"),
        ("quero umas fotos tuas de biquíni", "picture_request"),
    ],
)
def test_grooming_steps_in_more_forms(analyser: TextAnalyser, text: str, name: str) -> None:
    assert score(analyser, text, name) >= 0.8


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("wie alt ist dein bruder", "age_question"),
        ("adikku masih smp", "age_disclosure_minor"),
        ("dulu aku 15 tahun udah kerja", "age_disclosure_minor"),
        ("you're more mature than me lol", "flattery"),
        ("manda as fotos da viagem", "picture_request"),
        ("vi fotos tuas no insta, que lindo o cachorro", "picture_request"),
    ],
)
def test_what_stays_as_it_was(analyser: TextAnalyser, text: str, name: str) -> None:
    assert score(analyser, text, name) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "du wirkst echt viel reifer als andere",
        "keine sorge, du klingst erwachsener als die meisten",
        "ehrlich, viel reifer als die meisten hier",
        "és bem mais madura do que os miúdos da tua turma",
        "cara kamu ngobrol sangat dewasa",
        "kamu udah cukup dewasa kok",
        "you talk like you're way older",
    ],
)
def test_maturity_compared_is_flattery(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "flattery") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "meine schwester ist viel reifer als ich",
        "du hast recht, er ist reifer geworden",
        "du wirst auch reifer, keine sorge",
        "minha irmã é mais madura que eu",
        "kamu udah dewasa belum sih",
        "kamu belum cukup dewasa buat nonton itu",
        "you write like you're 5 lol",
    ],
)
def test_maturity_of_others_or_asked_is_not_flattery(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "flattery") < 0.8
