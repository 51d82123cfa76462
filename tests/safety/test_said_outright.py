"""Harm said outright in words the detectors did not read, and its neighbours.

Each class is a way a harmful message passed unseen, or an ordinary one was
acted on: sex described with someone as its object, an intimate picture or
a nude video asked for, dirty talk or an explicit role-play offered; threats
of a beating, a likeness or an adjective before the name called, the partner
sent to cry to their mother; and beside them a secret of one's own sealed at
a message's end, a helpline's free number, a word looked up or translated, a
shop's site with its dot spaced, "tell me a secret" in a game, "way too old",
"the most embarrassing thing you did", a scam told of, and rough praise. The
examples are this file's own.
"""

from __future__ import annotations

import pytest

from passerby.safety.text.detectors import TextAnalyser
from passerby.safety.text.insults import UNDIRECTED_SCORE


def score(analyser: TextAnalyser, text: str, name: str) -> float:
    return max((s.score for s in analyser.analyse(text) if s.name == name), default=0.0)


# -- sexual content ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "then he came in and fucked her against the fridge",
        "wanna know how hard i am rn",
        "im so hard right now thinking of u",
        "im stroking it while we type",
        "te cojo toda la noche si me dejas",
        "te lo meto despacito",
        "ya me la chupas o qué",
        "gue entot lo sampe lemes",
        "topa se masturbar pra mim na cam?",
        "main peran yang eksplisit yuk",
        "rp erotico? yo empiezo",
        "hablemos de cosas sucias un rato",
        "bora falar de coisas porcas",
    ],
)
def test_sex_described_or_offered_is_explicit(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.95


@pytest.mark.parametrize(
    "text",
    [
        "mándame un video desnuda",
        "pasame fotos de tus nalgas",
        "send me a vid naked",
        "mira mi verga",
    ],
)
def test_a_nude_video_an_intimate_picture_or_ones_genitals(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "sexual") >= 0.95


@pytest.mark.parametrize(
    "text",
    [
        "this boss is so hard i am crying",
        "he fucked me over at work again",
        "i ride my bike to school",
        "riding my board after class",
        "te lo meto en la mochila mañana",
        "hay cosas sucias en el fregadero",
        "mándame el video de la clase",
        "send me the video of your dog",
    ],
)
def test_the_same_words_in_ordinary_talk(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") < 0.8


def test_a_sexual_word_looked_up_is_talk_and_an_ask_stays_one(analyser: TextAnalyser) -> None:
    assert score(analyser, 'the dictionary says "geil" means horny??', "sexual") <= 0.6
    assert score(analyser, '"cachonda" = horny in mexico', "sexual") <= 0.6
    assert score(analyser, "so you mean you want to fuck me?", "sexual") >= 0.95


# -- harassment ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "say that again and i'll put you through the wall",
        "keep crying and i'll give you something to cry about",
        "ich hau dir die zähne ein",
        "find ich raus wo du wohnst, bist du dran",
        "dann liegst du im krankenhaus",
        "te rompo los dientes",
        "gue tonjok lo sampe pingsan",
        "go cry to your mommy",
        "vete a llorarle a tu mamá",
        "geh zu deiner mama heulen",
        "you muppet",
        "you sound like a proper little wanker",
        "only a bozo like you would say that",
        "nobody likes a boring wee numpty like you",
        "run along, i know where people like you live",
        "du violetter wappler",
        "du bist ein hässlicher gartenzwerg",
        "eres una llorona de mierda",
        "qué vas a saber, un subnormal como tú",
        "lo kayak kudanil",
        "dasar gentong",
    ],
)
def test_threats_likenesses_and_names_are_aimed_at_the_partner(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "you look like a model in that pic",
        "a friend like you is rare",
        "du alter schwede, wie gehts",
        "if i knew where you lived i'd send you a postcard",
        "you're a good cunt, you know that",
        '"vai tomar no cu" = go fuck yourself, very rude',
        '"hdp" = son of a bitch in argentina',
    ],
)
def test_likenesses_praise_and_translations_are_not_insults(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") <= UNDIRECTED_SCORE


def test_the_most_embarrassing_thing_asked_is_no_contempt(analyser: TextAnalyser) -> None:
    assert score(analyser, "whats the most embarrassing thing u ever did", "toxicity") == 0.0
    assert score(analyser, "you're so embarrassing", "toxicity") >= 0.8


# -- secrecy ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i still sleep with a nightlight. dont tell anyone 😭",
        "gue masih takut gelap. jangan bilang siapa2 ya",
        "eu ainda assisto desenho de manhã. não conta pra ninguém kkk",
        "ich hör noch kinderlieder. sag es keinem",
        "todavía duermo con mi peluche, no se lo digas a nadie",
    ],
)
def test_a_secret_of_ones_own_sealed_at_the_end(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "pls dont tell anyone lol",
        "keep it secret ok, she reads my messages over my shoulder",
        "só não conta pra ninguém, tá?",
        "aber erzähl es niemandem ok",
        "jangan bilang siapa2 ya",
    ],
)
def test_a_secret_kept_from_anyone_is_a_step_under_the_rule(
    analyser: TextAnalyser, text: str
) -> None:
    # Of nothing named: what a teen says of a crush or a surprise party.
    # Present in the risk (0.5), under the teen section's rule (0.6).
    assert 0.5 <= score(analyser, text, "secrecy") < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "i want to meet up saturday. dont tell anyone",
        "i like talking to you. dont tell anyone",
        "we can be friends, dont tell anyone ok",
        "can you keep a secret",
        "no le digas a nadie, es nuestro secreto",
        "jangan bilang siapa2, temen kamu juga jangan",
        "aber erzähl es niemandem, ich schenk dir v-bucks",
        "não conta pra ninguém q eu to aqui",
        "la neta tengo 23 pero no le digas a nadie",
        "no le digas a nadie, luego lo vemos por insta",
    ],
)
def test_secrecy_asked_for_still_counts(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


def test_asking_for_a_secret_in_a_game_keeps_none(analyser: TextAnalyser) -> None:
    assert score(analyser, "truth: tell me a secret, a small one", "secrecy") == 0.0


# -- contacts and links ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "childline is 0800 1111, free from any phone",
        "call 1-800-273-8255 any time",
        "llama al 900 20 20 10, es gratis",
        "a linha é 800 21 90 90",
    ],
)
def test_a_free_service_line_is_no_personal_number(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") == 0.0


def test_a_personal_number_is_still_one(analyser: TextAnalyser) -> None:
    assert score(analyser, "my number is 0412 345 678", "pii_phone") >= 0.9


def test_way_too_old_is_no_street(analyser: TextAnalyser) -> None:
    assert score(analyser, "year 9 btw so way too old for that", "pii_address") == 0.0
    assert score(analyser, "i live at 12 abbey way", "pii_address") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "40% off today only at shredz .shop/promo",
        "registrieren: geld-jetzt.ch/start und bonus sichern",
    ],
)
def test_a_spaced_dot_or_a_countrys_domain_is_a_link(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "link") >= 0.85
    assert score(analyser, text, "promo") >= 0.85


def test_a_scam_told_of_with_an_app_mentioned_is_talk(analyser: TextAnalyser) -> None:
    told = "my dad got done by a forex signals group on telegram"
    assert 0.0 < score(analyser, told, "promo") <= 0.6
    assert score(analyser, "FREE robux here!! add me on telegram @robuxfree", "promo") >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "send 500 dollars in itunes cards for my travel papers and i pay you back double",
        "tu paquete está en aduana, solo debes pagar 900 pesos de impuesto",
        "paketnya ketahan, bea cukai minta biaya 3 juta",
        "te devolvo o dobro, chama no whats 11 98888 7777",
        "hot girls near you tonight 🔥 meetme-now.xyz",
        "all my pics on sofia-vip.fans",
    ],
)
def test_the_romance_scams_ask_and_the_dating_bots_link(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "my parcel got stuck in customs and i paid the fee, so annoying",
        "you need to pay attention to the tax rules",
        "i bought a steam card for my brother",
        "there's a nice cafe near you",
    ],
)
def test_customs_cards_and_places_near_in_ordinary_talk(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") < 0.85


@pytest.mark.parametrize(
    "text",
    [
        "cam on and show me everything",
        "tell me what you'd let me do to you",
        "kirim foto yg lebih terbuka dong",
        "schick ma nacktbilda",
    ],
)
def test_more_ways_to_ask_for_the_explicit(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.9


def test_showing_everything_one_built_is_not_explicit(analyser: TextAnalyser) -> None:
    text = "turn on your cam and show me everything you built in minecraft"
    assert score(analyser, text, "sexual") < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "és um mentiroso de merda",
        "vou dar cabo da tua vida",
        "saya tahu tempat anda tinggal",
        "schleich di zruck in dei land",
    ],
)
def test_more_names_and_threats(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "did he say your parents wouldnt understand you?",
        'dia muji2 gue "kamu dewasa banget buat anak smp"',
        "terus dia ngajak pindah ke tele",
        "temen gue diajak ketemuan sendirian di hotel",
        "uno me escribió que le mandara fotos en ropa interior",
    ],
)
def test_a_stranger_told_of_is_retold(analyser: TextAnalyser, text: str) -> None:
    found = analyser.analyse(text)
    assert found, text
    assert all(s.score < 0.6 for s in found if s.name != "toxicity")


@pytest.mark.parametrize(
    "text",
    [
        "uh es mucho, tengo 40",
        "ya tengo doce poemas de eso",
        "llevamos como quince años de sequía",
    ],
)
def test_money_things_counted_and_spans_are_no_age(analyser: TextAnalyser, text: str) -> None:
    assert not [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]


@pytest.mark.parametrize(
    "text", ["tengo 40 años", "tengo 15 y tu", "im 15 and i have no money lol"]
)
def test_an_age_said_beside_money_or_a_word_is_still_one(analyser: TextAnalyser, text: str) -> None:
    assert [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]


def test_a_number_then_a_comma_answers_like_a_bare_number(analyser: TextAnalyser) -> None:
    found = {s.name: s for s in analyser.analyse("15, i know im too young for this section")}
    assert found["age_disclosure_minor"].detail == "age=15;bare"


def test_not_showing_ones_face_is_no_request(analyser: TextAnalyser) -> None:
    assert (
        score(analyser, "i dont show my face on stream bc my dad said no", "picture_request") == 0
    )
    assert score(analyser, "show me your face", "picture_request") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "im actually 32 not 15. dont tell anyone",
        "im not really 14. dont tell anyone ok",
        "i like younger girls. dont tell anyone",
        "my snap is jake_4412. dont tell anyone",
    ],
)
def test_a_groomers_own_secret_is_still_secrecy(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "no tengo dinero, tengo 13",
        "tengo 13 cumplidos",
        "tengo 14 jsjs",
        "2, and im 13 btw",
    ],
)
def test_a_childs_age_beside_money_a_laugh_or_a_count(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "kill yourself = do us all a favour",
        "stupid bitch, look it up in the dictionary",
        "you are the most embarrassing pathetic loser",
        "youre a good cunt but also a worthless piece of shit",
    ],
)
def test_a_definition_praise_or_a_superlative_hides_no_insult(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "ich schlage dir eine pause vor",
        "findest du meine jacke peinlich?",
        "hast du eine kuh gesehen",
        "did you prick your finger on the needle",
        "i feel like such a weirdo like you said",
        "si estas triste ve a llorar con tu mama, te va a hacer bien",
        "vuelve a tu isla pronto que te extrañamos",
        "oh aku tau daerah kamu tinggal, aku pernah ke bandung",
    ],
)
def test_ordinary_lines_the_new_frames_leave_alone(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "ride me to school tomorrow?",
        "i am stroking my cat",
        "im so hard thinking about this exam",
        "send me a video of the nude beach",
        "la tengo dura la prueba de mañana",
        "we do rp with explicit rules in the server",
    ],
)
def test_ordinary_lines_the_new_sexual_rows_leave_alone(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "lend me 5 bucks ill pay you back double lol",
        "you have to pay 20 euros for the customs fee when it arrives",
        "i got gift cards for my birthday for the flight",
        "is there a good pizza place near you? try dominos.com",
        "my dad says invest in index funds, vanguard.com explains it",
    ],
)
def test_ordinary_lines_the_new_advert_rows_leave_alone(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") < 0.85


@pytest.mark.parametrize(
    "text", ["goodnight.love you", "im fine.date tonight?", "im at home . at least i think so"]
)
def test_a_domain_that_is_a_word_needs_a_path(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "link") == 0.0


def test_a_long_number_is_no_service_line(analyser: TextAnalyser) -> None:
    assert score(analyser, "my number 0800 812 345 678 text me", "pii_phone") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "mi jefe me despidió por whatsapp. hijo de puta",
        "meu chefe me demitiu por mensagem. filho da puta",
        "el árbitro es un hijo de puta",
        "esse juiz filho da puta roubou a gente",
    ],
)
def test_a_son_of_a_whore_said_of_someone_else_is_not_aimed_at_the_partner(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "hijo de puta",
        "sos un hdp",
        "sos un tremendo hijo de puta",
        "cala a boca filho da puta",
        "vc é um filho da puta",
        "relaxa, seu otário filho da puta",
    ],
)
def test_a_son_of_a_whore_said_to_the_partner_still_is(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9
