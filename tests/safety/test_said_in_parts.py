"""Harm said in parts or in a form the lists missed, and the ordinary talk beside it.

An advert said over two lines (the pitch, then where to go), a scam's asks
(an amount in gift cards, the partner's card details, a daily return), a
pickup said with German's split verb ("ich hol dich von der Schule ab"), a
cover story about studying at a friend's, "yes, 16" to an age question, and
"nobody at your school likes you" with words between. Beside them, what
stays ordinary: "dick move" and "don't be a dick" among teens, an insult
word standing before a thing ("what an idiot move"), a parent naming their
child's age ("Iya bu, Rafi kan 14 tahun"), a warning against typing card
details in. The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.chats import chat, rules_acted
from tests.safety.test_said_outright import score

from passerby.safety.moderation import HOSTILE_FROM
from passerby.safety.text.detectors import TextAnalyser
from passerby.safety.text.insults import UNDIRECTED_SCORE

# -- an advert over two lines --------------------------------------------------------


def test_a_pitch_then_where_to_go_is_an_advert(analyser: TextAnalyser) -> None:
    turns = [
        ("b", "hey how are you"),
        ("a", "my bot earns 4% a day since march, i started with 200"),
        ("a", "talk to my coach on telegram, he will set you up"),
    ]
    said, _ = chat(analyser, "adults", turns)
    first, second = said[1], said[2]
    assert not first.outcome.decisions  # the pitch alone gives nowhere to go
    assert [d.rule for d in second.outcome.decisions][:1] == ["promo"]
    assert any(s.name == "promo" and s.detail.endswith(";asked-after") for s in second.signals)


def test_a_pitch_then_other_talk_is_not(analyser: TextAnalyser) -> None:
    acted = rules_acted(
        analyser,
        "adults",
        ("a", "my bot earns 4% a day since march honestly"),
        ("a", "anyway how was your weekend"),
        ("a", "i went hiking with my dog"),
        ("a", "we should both be on telegram more lol"),
    )
    assert acted == []  # the place came three lines later: a new subject


def test_a_scam_told_of_then_an_app_named_is_not_an_advert(analyser: TextAnalyser) -> None:
    acted = rules_acted(
        analyser,
        "adults",
        ("a", "my uncle got scammed by a guy promising 3% a day on crypto"),
        ("a", "the guy found him on telegram"),
    )
    assert "promo" not in acted


@pytest.mark.parametrize(
    "text",
    [
        "pls i need to pay my rent, $300 in apple gift cards, dm me on telegram",
        "para cobrar tenés que entrar acá y poner los datos de tu tarjeta: cobros-mp.com.ar",
        "você só precisa digitar os dados do seu cartão aqui: pix-liberacao.com",
        "der bot macht 2-3% am tag, schreib mir auf telegram",
    ],
)
def test_a_scams_asks_are_adverts(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "never enter your card details on a link someone sends you",
        "i had to put in my card details for the free trial",
        "my phone loses 5% a day, the battery is dying",
        "my grandma gave me 50 dollars in steam cards for my birthday",
    ],
)
def test_talk_of_cards_and_percentages_is_not(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") < 0.8


# -- steps of grooming in other forms -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ich hol dich von der schule ab",
        "ich hole dich morgen am bahnhof ab",
    ],
)
def test_a_pickup_with_the_split_verb(analyser: TextAnalyser, text: str) -> None:
    assert any(s.detail == "ask=pickup" for s in analyser.analyse(text))


def test_a_pickup_refused_is_none(analyser: TextAnalyser) -> None:
    assert score(analyser, "ich hole dich nicht ab, sorry", "meet_request") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "sag deinen eltern einfach du lernst bei einer freundin",
        "just tell your parents you're studying at a friend's",
    ],
)
def test_a_cover_story_about_studying(analyser: TextAnalyser, text: str) -> None:
    assert any(s.detail == "kind=cover" for s in analyser.analyse(text))


@pytest.mark.parametrize(
    "text",
    [
        "aku lebih ngerti kamu daripada ortu kamu",
        "gw ngerti lo lbh dr ortu lo",
        "aku lebih kenal kamu dari temen2 kamu",
    ],
)
def test_understanding_the_child_better_than_their_people(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "isolation") >= 0.8


def test_someone_else_understanding_them_better_is_not(analyser: TextAnalyser) -> None:
    assert score(analyser, "dia lebih ngerti kamu dari aku", "isolation") == 0.0


@pytest.mark.parametrize("answer", ["ja, 16", "yes 15", "iya, 14", "sim, 13"])
def test_yes_and_an_age_answers_the_question(analyser: TextAnalyser, answer: str) -> None:
    said, _ = chat(analyser, "adults", [("a", "wie alt bist du, 10. klasse?"), ("b", answer)])
    [minor] = [s for s in said[1].signals if s.name == "age_disclosure_minor"]
    assert minor.detail.endswith(";bare")  # trusted only after the question
    assert said[1].risk.score > 0.0


def test_a_childs_age_named_by_a_parent_is_not_theirs(analyser: TextAnalyser) -> None:
    text = "Iya bu, Rafi kan 14 tahun, saya pasang aplikasi kontrol"
    assert score(analyser, text, "age_disclosure_minor") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "halo kak aku Dinda 14 tahun",
        "namaku Putri 13 tahun dari bandung",
        "kenalin aku Dinda, 13 tahun",
        "aku 14 tahun",
    ],
)
def test_the_speakers_own_name_and_age_are_theirs(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= 0.85


# -- harassment and its neighbours ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nobody at your school actually likes you",
        "nadie en tu colegio te quiere",
        "ninguém na sua escola gosta de vc, só te aturam",
        "niemand in deiner klasse mag dich",
        "ga ada satupun temen lo yang suka sama lo",
    ],
)
def test_nobody_likes_you_with_words_between(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


def test_disbelief_that_nobody_likes_you_is_kind(analyser: TextAnalyser) -> None:
    assert score(analyser, "masa ga ada cowok yang suka sama kamu?", "toxicity") == 0.0


@pytest.mark.parametrize(
    "line", ["that was a dick move bro", "dont be a dick lol", "he's such a dick"]
)
def test_a_dick_as_a_jerk_is_not_sexual_among_teens(analyser: TextAnalyser, line: str) -> None:
    assert score(analyser, line, "sexual") == 0.0
    acted = rules_acted(analyser, "teens", ("a", "he left me on read for 3 days"), ("b", line))
    assert acted == []


@pytest.mark.parametrize("text", ["wanna see my dick", "send me a nude", "show me a dick pic"])
def test_the_sexual_asks_stay(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.9


@pytest.mark.parametrize("text", ["what an idiot move", "such a loser move tbh"])
def test_an_insult_word_before_a_thing_is_about_the_act(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") <= UNDIRECTED_SCORE


@pytest.mark.parametrize("text", ["you idiot", "such a loser move, you loser"])
def test_the_name_itself_still_counts(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= HOSTILE_FROM


@pytest.mark.parametrize("text", ["lol you fucking loser", "haha shut up you fucking idiot"])
def test_laughter_does_not_soften_a_name_sworn_at(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= HOSTILE_FROM


@pytest.mark.parametrize("text", ["loser lol", "haha shut up you idiot"])
def test_laughter_softens_a_mild_name_alone(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") <= UNDIRECTED_SCORE
