"""Words that look harmful out of place and are ordinary in theirs.

- "In front of" the parents is a word not to use at home, not a secret:
  "não fala isso na frente dos pais", "no digas eso delante de tus papás",
  "sag das nicht vor deinen Eltern".
- German "dick" is "fat": "ich bin zu dick", "er ist so dick geworden".
- An Indonesian pronoun after the noun it owns is no subject: "temen
  kantor lo jahat juga ya" (your office friends are mean too) objects to no
  one.
- An oath, then a new sentence to the partner: "sialan. lo kelas brp"
  ("damn. what grade are you in"), "anjing. lo dimana" insult nobody; "dasar"
  after a verb is "basic" ("belajar dasar matematika"), leading a name
  ("dasar plagiat tolol") an insult.
- A name said to be a joke ("LOL du Opfer, nein Spaß", "sos un forro jk",
  "you're an idiot jk") is teasing; "are you kidding me? you idiot", "sem
  brincadeira" (seriously) and a threat with "jk" are not.
- "There are people who ask for photos" warns; it asks for nothing ("kadang
  ada om2 yang ... minta foto", "hay tipos que te piden fotos").

Beside each, the harmful form that must still be read. The examples are
this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.moderation import HOSTILE_FROM
from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize(
    "text",
    [
        "kkkkk não fala isso na frente dos pais não",
        "no digas eso delante de tus papás jaja",
        "sag das nicht vor deinen eltern",
    ],
)
def test_a_word_not_said_in_front_of_parents_is_no_secret(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "secrecy") == 0.0


@pytest.mark.parametrize(
    "text",
    ["no le digas a tus papás", "sag deinen eltern nichts davon", "não conta pros seus pais"],
)
def test_a_secret_kept_from_parents_still_is(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


@pytest.mark.parametrize(
    "text", ["ich bin zu dick", "er ist so dick geworden", "mein hund ist echt dick"]
)
def test_german_fat_is_not_sexual(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") == 0.0


@pytest.mark.parametrize("text", ["send me a pic of your dick", "show me your dick"])
def test_the_english_word_still_is(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.8


def test_a_noun_owned_by_the_partner_is_not_the_partner(analyser: TextAnalyser) -> None:
    assert score(analyser, "temen kantor lo jahat juga ya", "protest") == 0.0


@pytest.mark.parametrize("text", ["kamu jahat", "ih kamu jahat banget", "lo jahat banget"])
def test_calling_the_partner_mean_is_a_protest(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") >= 0.8


@pytest.mark.parametrize("text", ["sialan. lo kelas brp", "anjing. lo dimana sekarang"])
def test_an_oath_then_a_question_insults_nobody(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "sialan lo",
        "anjing lo",
        "goblok banget lo",
        "eres un idiota. adiós",
        "dasar plagiat tolol, berhenti gambar aja",
    ],
)
def test_an_insult_in_one_sentence_with_you_is_aimed(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


def test_basic_is_not_an_insult_lead(analyser: TextAnalyser) -> None:
    # "dasar" is "basic" after a verb: the speaker calls themself slow
    assert score(analyser, "belajar dasar matematika bodoh amat aku", "toxicity") < 0.9


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("btw hati2 ya, kadang ada om2 yang ngaku guru bahasa terus minta foto", "picture_request"),
        ("ojo, hay tipos que te piden fotos y dicen que no le digas a nadie", "secrecy"),
        ("es gibt typen die nach fotos fragen und sagen sag es niemandem", "secrecy"),
    ],
)
def test_people_who_ask_are_told_of(analyser: TextAnalyser, text: str, name: str) -> None:
    assert 0.0 < score(analyser, text, name) < 0.5


def test_a_secret_beside_other_words_is_still_asked(analyser: TextAnalyser) -> None:
    text = "no le digas a nadie, hay cosas que quieren separarnos"
    assert score(analyser, text, "secrecy") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "LOL du Opfer 😂 nein spaß",
        "sos un forro jk",
        "you're an idiot jk",
        "dasar tolol, cuma bercanda",
        # a mild name beside a joke explained, as beside a laugh
        "das war ein joke du depp",
        "just messing, you muppet",
        "foi só uma piada, seu trouxa",
    ],
)
def test_a_name_said_to_be_a_joke_is_teasing(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "sem brincadeira, você é um lixo",
        "jk i will find you and kill you",
        "kill yourself jk",
        "it was a joke you fucking retard",
        "das war ein witz du hurensohn",
    ],
)
def test_anger_seriousness_and_threats_are_no_joke(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


def test_anger_with_a_mild_name_is_hostile_not_teasing(analyser: TextAnalyser) -> None:
    # a mild name in a longer line is held as the chat's second hostile one
    assert score(analyser, "are you kidding me? you idiot", "toxicity") >= HOSTILE_FROM
