"""Harm spelt round a filter or said in words the detectors did not read, and
ordinary talk they misread as harm.

Each class is a way a harmful message passed unseen (sex described in words
of the other languages, a profit promised, an app's name misspelt, a name
called in leetspeak after a comma) or an ordinary one was acted on (the
Portuguese "vcs", the German "so geil", a child's age said by a parent, a
friend's OnlyFans told of, a match's score, a groomer's words retold by the
teen he wrote to). The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser

# -- sex described -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la tengo la polla dura desde que te leí",
        "cuéntame si te tocas sola en la cama",
        "yo te animo a pollazos",
        "quiero chupártela ya",
        "imagina que estoy encima de ti desnuda",
        "bin grad richtig geil auf dich",
        "stell dir vor wie du mich leckst",
        "tenho vídeo transando, quer?",
        "manda foto peladinha",
        "kamu pake bra warna apa sekarang",
        "what colour bra are you wearing rn",
        "i wanna hear you moan",
        "tengo la verga re parada pensando en vos",
        "estou de pau duríssimo por você",
        "ich bin geil auf dich",
        "kontolku udah tegang",
        "are you wet for me",
        "você se toca pensando em mim?",
    ],
)
def test_sex_described_in_any_language_is_explicit(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "das konzert gestern war so geil",
        "ich bin so geil auf das neue album",
        "cómo te tocas la guitarra tan rápido",
        "vcs ainda se falam?",
        "vcs vão sair hoje à noite?",
        "el pan está duro",
        "the wettest summer in years",
        "make you moan in pain at the gym tomorrow",
        "zeig mir wie ich komme zum bahnhof",
        "der hund will dich lecken lol",
        "como te tocas eso en el piano",
        "o bebê tá peladinho na banheira",
        "what colour bra should i buy for prom",
        "ich bin gerade richtig geil gelaunt",
        "bin grad voll geil auf pizza",
    ],
)
def test_ordinary_words_beside_them_are_not(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") < 0.85


def test_vcs_is_still_read_in_indonesian(analyser: TextAnalyser) -> None:
    assert score(analyser, "mau vcs ga sekarang", "sexual") >= 0.85
    assert score(analyser, "kita vcs yuk", "sexual") >= 0.85
    assert score(analyser, "vcs berapa kak", "sexual") >= 0.85


# -- ages that are someone else's ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sábado é a festa de 9 anos da minha filha",
        "la fiesta de 9 años de mi hija es el sábado",
        "o goleiro, 10 anos, já dá entrevista",
        "the goalie, 10 years old, gave an interview",
        "anakku umur 9 tahun",
        "anak perempuan saya umur 14 diajak menginap",
    ],
)
def test_a_childs_age_told_by_an_adult_is_not_theirs(analyser: TextAnalyser, text: str) -> None:
    assert not [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]


@pytest.mark.parametrize(
    "text", ["oi gente, aqui é a Bia, 13 anos", "el santi, 14 años", "a Bia, 13 anos e vc?"]
)
def test_a_child_naming_themself_still_gives_their_age(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "minha festa de 15 anos é sábado",
        "im a girl, 15 years old",
        "hola, 15 años",
        "voy a 3º de la eso, tengo 15",
        "mas aku umur 15 lho",
    ],
)
def test_ones_own_age_still_is(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= 0.8


# -- adverts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "100% guaranteed profit, no risk 🚀",
        "ganancias garantizadas al 100%, escríbeme",
        "Garantierte Rendite, 0 Risiko!",
        "keuntungan dijamin tiap minggu, chat aku sekarang",
    ],
)
def test_a_profit_promised_with_a_call_is_an_advert(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.85


def test_an_income_claimed_in_dollars_a_week_with_an_emoji_is_an_advert(
    analyser: TextAnalyser,
) -> None:
    assert score(analyser, "I make $3k weekly with bitcoin from home 📈💰", "promo") >= 0.85


@pytest.mark.parametrize(
    ("text", "most"),
    [
        ("is the return guaranteed?", 0.0),
        ("there are no guaranteed returns in crypto, be careful", 0.6),
        ("festgeld hat eine garantierte rendite von 3%", 0.6),
        ("tadi tim gue menang 2-0", 0.0),
        ("ganhou 3x1 ontem", 0.0),
        ("my best friend earns well on onlyfans and keeps telling me to open one", 0.6),
        ("minha melhor amiga ganha bem com onlyfans e vive me falando pra abrir um", 0.6),
    ],
)
def test_talk_about_money_games_and_other_peoples_pages_is_no_advert(
    analyser: TextAnalyser, text: str, most: float
) -> None:
    assert score(analyser, text, "promo") <= most


@pytest.mark.parametrize(
    "text",
    [
        "sub to my onlyfans babe",
        "her onlyfans is wild, link in bio",
        "check out her onlyfans, she does custom content",
        "me and my girlfriend make content on onlyfans, sub for $5",
        "mi amiga tiene onlyfans, pásate, 50% de descuento",
    ],
)
def test_an_adult_page_advertised_still_is(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "add me on snapchet",
        "add me on telegrom",
        "text me on instagrem",
        "add me on the yellow ghost",
    ],
)
def test_an_apps_name_misspelt_is_still_the_app(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "off_platform") >= 0.85


# -- names called, and swearing that calls nobody --------------------------------------


@pytest.mark.parametrize("text", ["heul doch, Opf3r", "und tschüss, v3rsager", "és um falhado"])
def test_a_name_called_in_leetspeak_or_a_regional_word_is_an_insult(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") >= 0.85


def test_swearing_spelt_round_a_filter_still_names_nobody(analyser: TextAnalyser) -> None:
    assert score(analyser, "the servers were sh!t yesterday tbh not ur fault", "toxicity") < 0.85


# -- a groomer's words, retold by the teen he wrote to ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "un man en instagram me escribe diario y me dice que soy muy madura",
        "ada akun di ml ngaku 16 tahun, minta pindah ke wa, bilang jangan kasih tau ortu",
        "bei meiner freundin hat so einer danach nacktbilder verlangt",
    ],
)
def test_a_stranger_retold_is_weighed_as_a_story(analyser: TextAnalyser, text: str) -> None:
    found = [s for s in analyser.analyse(text) if s.name in ("flattery", "secrecy", "sexual")]
    assert found and all(s.detail.endswith(";retold") for s in found), found


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá me dice que no hable con extraños, pero tú eres diferente, no le digas a nadie",
        "akun itu bilang apa? pindah ke wa aja yuk, jangan bilang siapa siapa",
        "hat er dir gesagt dass du das niemandem sagen sollst? sag es niemandem",
    ],
)
def test_a_request_made_beside_someone_elses_words_is_still_made(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


def test_comfort_is_no_secrecy(analyser: TextAnalyser) -> None:
    text = "hey no. don't say that about yourself. people who make secret group chats are mean"
    assert score(analyser, text, "secrecy") == 0
    # the control: said alone it is a secret kept from anyone, present in the risk
    assert score(analyser, "dont say that to anyone", "secrecy") >= 0.5
