"""Grooming's steps said the many ways people say them, and the talk beside them.

Each class is a way a groomer's early message used to pass unseen, so that a
chat reached a person only at the fifth or sixth message: secrecy in the
passive or abbreviated Indonesian form and the Portuguese "nem fala",
maturity measured against an age, a proposal to carry on in another app,
a number asked for, "nobody looks there", and gifts. Beside each, the
ordinary line the change must leave alone. The examples are this file's own.
"""

from __future__ import annotations

import pytest

from passerby.core.signals import Signal
from passerby.safety.moderation import ChatModerator, StrikeBook
from passerby.safety.policy import load_policy
from passerby.safety.risk import PRESENT, ConversationRisk
from passerby.safety.text.detectors import INNOCENT_SCORE, TextAnalyser


def score(analyser: TextAnalyser, text: str, name: str) -> float:
    return max((s.score for s in analyser.analyse(text) if s.name == name), default=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "obrolan kita jangan dibilangin ke siapa2 ya",
        "jgn blg mamah km ya kalo kita chat",
        "e nem conta pra tua mãe que a gente se fala",
        "solo no le digas a tu vieja",
        "best not mention this to your folks",
        "better not tell anyone about our chats",
        "os teus pais não precisam de saber disto",
        "tus papás no tienen por qué enterarse",
        "ortu kamu ga perlu tau",
        "borremos este chat cuando termines",
        "depois apaga as nossas conversas",
    ],
)
def test_secrecy_in_its_other_forms(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "nem fala, minha mãe vai me matar quando ver a nota",
        "borramos el chat del grupo porque la profe lo lee",
        "apaga as conversas com o teu ex, sério",
        "te cuento algo pero no le digas a nadie jaja, me gusta mateo",
        "can i tell u something? dont tell anyone lol i failed the test",
    ],
)
def test_ordinary_secrets_and_chats_are_not_secrecy(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") < PRESENT


def test_an_announced_secret_kept_from_the_partners_parents_still_counts(
    analyser: TextAnalyser,
) -> None:
    assert (
        score(analyser, "te cuento algo, pero no le digas a tus papás que hablamos", "secrecy")
        >= 0.8
    )


@pytest.mark.parametrize(
    "text",
    [
        "you write so maturely for 13 honestly",
        "u write more maturely than the 13 yr olds i know",
        "you talk like someone a lot older",
        "escribes como una persona mucho más madura",
        "tu fala tipo uma mulher de 20 anos",
        "sos re madura, en serio",
        "és muito madura pra idade",
        "du redest wie jemand mit 20",
    ],
)
def test_maturity_measured_against_an_age_is_flattery(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "flattery") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "she is so mature for 14, my sister I mean",
        "you write like a boomer lol",
        "so cute she's lucky to have you guys",
    ],
)
def test_talk_of_others_and_teasing_is_not_flattery(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "flattery") < PRESENT


@pytest.mark.parametrize(
    "text",
    [
        "mejor hablamos por telegram",
        "vamos conversar no discord, lá é melhor",
        "lass uns lieber auf snap schreiben",
        "si quieres seguimos por whatsapp",
    ],
)
def test_proposing_another_app_is_a_move(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "off_platform") >= 0.8


def test_saying_which_app_one_uses_stays_a_mention(analyser: TextAnalyser) -> None:
    assert (
        score(analyser, "hablamos por whatsapp con mis primas todos los días", "off_platform")
        < PRESENT
    )


@pytest.mark.parametrize(
    "text",
    ["me passa teu número", "pásame tu celular", "kasih nomor kamu dong", "gib mir deine nummer"],
)
def test_a_number_asked_for_in_the_other_languages(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "off_platform") >= 0.8


@pytest.mark.parametrize(
    "text", ["me pasas tu numero de lista?", "gib mir deine nummer im team, ich hab die 9"]
)
def test_other_numbers_are_not_contact(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "off_platform") < PRESENT


@pytest.mark.parametrize(
    "text", ["ahí no te revisa nadie", "lá ninguém olha", "da schaut keiner rein", "estás solita?"]
)
def test_nobody_watching_is_isolation(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "isolation") >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "i can buy you robux if u want",
        "te cargo saldo al celular",
        "te puedo comprar los audífonos... digo, unos auriculares nuevos",
        "posso te dar umas skins",
        "nanti aku beliin pulsa",
        "ich kauf dir ein neues handy",
        "ich kann dir guthaben aufladen",
    ],
)
def test_gifts_offered(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "gift") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "i'll send you the link to the game",
        "mi mamá me compró un celular nuevo",
        "ich schick dir nach dem spiel nen screenshot",
        "he said he'd buy me robux if i sent pics, so i blocked him",
    ],
)
def test_no_gift_offered(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "gift") < PRESENT


def test_a_gift_to_a_minor_opens_one_review_case_and_holds_nothing(
    analyser: TextAnalyser,
) -> None:
    mod = ChatModerator(analyser, load_policy(), "teens", StrikeBook(), ConversationRisk)
    mod.incoming(analyser.analyse("tengo 14, voy en segundo"))
    verdict = mod.outgoing("si quieres te cargo saldo", 1.0, 1e9)
    assert verdict.outcome.delivery == "allow"
    assert [(d.rule, d.action) for d in verdict.outcome.decisions] == [
        ("minor-flattered", "review_case")
    ]


def test_a_meeting_in_a_group_or_with_a_parent_is_not_a_strangers(analyser: TextAnalyser) -> None:
    assert (
        score(analyser, "we should all meet up at the food court", "meet_request") == INNOCENT_SCORE
    )
    assert (
        score(analyser, "bora se encontrar lá, vou com minha prima", "meet_request")
        == INNOCENT_SCORE
    )
    assert score(analyser, "we should meet up, just us", "meet_request") >= 0.8


def test_a_snapchat_name_asked_for_is_not_a_picture(analyser: TextAnalyser) -> None:
    assert score(analyser, "send ur snap so we can find each other", "picture_request") == 0.0
    assert score(analyser, "send me a snap of you", "picture_request") >= 0.8


def test_a_group_call_is_not_a_picture_request(analyser: TextAnalyser) -> None:
    assert score(analyser, "ayo vc grup sama temen2", "picture_request") == INNOCENT_SCORE


def test_a_bare_game_tag_is_under_the_personal_data_rule(analyser: TextAnalyser) -> None:
    tag = [s for s in analyser.analyse("ya te mandé, soy nightowl#4321") if s.name == "pii_handle"]
    assert tag and tag[0].score < 0.6
    assert score(analyser, "my discord is nightowl#4321", "pii_handle") >= 0.8


@pytest.mark.parametrize(
    "text", ["en los últimos quince años", "há 15 anos que jogo", "metade tem 25 anos"]
)
def test_years_that_are_no_age_of_the_speaker(analyser: TextAnalyser, text: str) -> None:
    assert [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")] == []


def test_the_speakers_own_years_are_still_an_age(analyser: TextAnalyser) -> None:
    found = [s for s in analyser.analyse("yo tengo 15 años") if s.name.startswith("age_")]
    assert [(s.name, s.detail) for s in found] == [("age_disclosure_minor", "age=15")]


def test_gift_is_a_concern_towards_a_minor_and_never_an_adult_pattern() -> None:
    gift = Signal("gift", 0.8, "kind=offer")
    risk = ConversationRisk("teens")
    risk.observe("b", [Signal("age_disclosure_minor", 0.9, "age=14")])
    update = risk.observe("a", [gift, Signal("age_question", 0.9), Signal("off_platform", 0.9)])
    assert update.concerns == ("a",) and "teens:gift_to_minor" in update.reasons
    assert not update.escalate  # peers trade game items and swap apps
    assert risk.observe("a", [Signal("secrecy", 0.9)]).escalate  # beside secrecy it is a pattern


@pytest.mark.parametrize(
    "text",
    [
        "ich könnte dich morgen nach dem training abholen",
        "te puedo ir a buscar a la salida",
        "posso te buscar depois da aula",
        "nanti aku jemput di depan sekolah",
    ],
)
def test_a_pickup_offered_in_the_other_languages(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "meet_request") >= 0.8


@pytest.mark.parametrize(
    "text", ["te puedo buscar un libro en la biblioteca", "nanti mama jemput aku jam 5"]
)
def test_a_parent_collecting_or_a_book_looked_for_is_no_pickup(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "meet_request") < PRESENT


@pytest.mark.parametrize(
    "text",
    [
        "just tell your parents you're staying at a friend's",
        "decile a tu vieja que vas a estar con una amiga",
        "diz aos teus pais que estás em casa de uma amiga",
        "sag deiner mutter einfach du schläfst bei einer freundin",
        "bilang aja ke mama kamu lagi kerja kelompok di rumah temen",
        "you don't have to tell your mom",
        "das muss aber keiner wissen",
        "bist du gerade allein?",
    ],
)
def test_cover_stories_and_keeping_quiet_are_secrecy(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


def test_a_secret_kept_from_the_partners_parents_is_never_ones_own(analyser: TextAnalyser) -> None:
    text = "ku top up diamond, tapi jangan bilang mama kamu ya, nanti aku dimarahin"
    assert score(analyser, text, "secrecy") >= 0.8
    assert score(analyser, "you don't have to tell me if you don't want to", "secrecy") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "i do meets downtown, 150 for the hour",
        "hago encuentros, 80 la hora, todo incluido",
        "cam show 25 euros por bizum",
        "webcam 30 for 10 mins",
        "ich biete treffen, 200 die nacht",
    ],
)
def test_sex_offered_for_a_price(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "i give guitar lessons, 20 for the hour",
        "clases particulares, 15 euros la hora",
        "let's meet at the cafe, it's 10 minutes from me",
        "my cam broke, 20 bucks for a new one on paypal lol",
        "harganya rp 18 ribu aja",
    ],
)
def test_prices_and_times_of_ordinary_things(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "bet you look even better without it",
        "zeig mal ohne t-shirt",
        "tira a blusa e liga a câmera",
        "mándame foto de tu culo",
        "mau rp 18+ sama aku?",
        "solo escribiendo cosas sucias",
        "skip straight to the seggs",
    ],
)
def test_sexual_requests_in_their_other_forms(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.8


def test_the_emoji_code_is_sexual_and_one_fruit_is_a_fruit(analyser: TextAnalyser) -> None:
    assert score(analyser, "\U0001f351\U0001f346\U0001f4a6 tonight?", "sexual") >= 0.8
    assert score(analyser, "i love peaches \U0001f351 and plums", "sexual") == 0.0
    assert score(analyser, "made \U0001f346 parmigiana tonight", "sexual") == 0.0


def test_a_sexual_slur_aimed_at_the_partner_is_harassment(analyser: TextAnalyser) -> None:
    assert score(analyser, "run along, you frigid slut", "toxicity") >= 0.9
    assert score(analyser, "you are a slut for pizza lol", "toxicity") < PRESENT


def test_fancying_sex_said_with_the_other_verbs_is_solicitation(analyser: TextAnalyser) -> None:
    assert score(analyser, "me apetece tener sexo contigo", "sexual") >= 0.9
    assert score(analyser, "hesch luscht uf sex hüt?", "sexual") >= 0.9
