"""Numbers and names that belong to someone or something else.

A sixth batch of styles by writers who had read nothing of the project
showed the detectors reading a story's page number in a link as a phone
number, "thirty years later" and "my 11yo" as the speaker's age, an
insult shouted at the referee as one at the partner, and a friend's roast
answered in kind as harassment. The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.chats import chat
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser

# -- a page's number in a link is no phone number ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mine's up: archiveofourown.org/works/48213377 (ignore the tags)",
        "wattpad.com/story/318820451 prepárate para el capítulo 12",
        "https://www.fanfiction.net/s/13829104/1/ lê esse",
    ],
)
def test_a_pages_number_in_a_link_is_no_phone_number(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") == 0.0
    assert score(analyser, text, "link") > 0.0  # still a link


@pytest.mark.parametrize(
    "text",
    [
        "my number is 0812 3456 7890, link: wattpad.com/story/318820451",
        "chat me here wa.me/628123456789",  # WhatsApp's link is its number
    ],
)
def test_a_phone_number_beside_or_in_a_whatsapp_link_is_still_read(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "pii_phone") >= 0.9


# -- years that are no age -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el narrador lo investiga casi treinta años después",
        "and then 25 years later they meet again",
        "rumah itu dibangun 40 tahun yang lalu",
        "das Buch spielt 30 Jahre später",
        "a história continua 20 anos depois",
        "my 11yo is demanding £10 because everyone else gets 10",
        "meine 9-Jährige will ein Handy",
    ],
)
def test_years_before_or_after_and_a_childs_age_are_not_the_speakers(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "age_disclosure_adult") == 0.0
    assert score(analyser, text, "age_disclosure_minor") == 0.0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("im 34", "age_disclosure_adult"),
        ("tengo 30 años", "age_disclosure_adult"),
        ("i am 15 years old", "age_disclosure_minor"),
        ("ich bin 15 jahre alt und später will ich pilot werden", "age_disclosure_minor"),
    ],
)
def test_the_speakers_own_age_is_still_read(analyser: TextAnalyser, text: str, name: str) -> None:
    assert score(analyser, text, name) >= 0.85


# -- the referee, not the partner ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["SCHIRI DU BLINDER VOLLIDIOT", "ref you blind idiot", "árbitro, eres un ciego de mierda"],
)
def test_an_insult_shouted_at_the_referee_is_not_at_the_partner(
    analyser: TextAnalyser, text: str
) -> None:
    assert 0.0 < score(analyser, text, "toxicity") < 0.9


@pytest.mark.parametrize(
    "text", ["du blinder vollidiot", "you blind idiot", "eres un ciego de mierda"]
)
def test_the_same_insult_with_no_referee_named_is_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


# -- laughed off -------------------------------------------------------------------------


def test_the_worst_said_laughing_is_teasing(analyser: TextAnalyser) -> None:
    assert score(analyser, "ur the worst lol, my mom can hear me laughing", "toxicity") < 0.9
    assert score(analyser, "klo ketauan mampus lu wkwkwk", "toxicity") < 0.9
    # a dead threat said with a place or a promise is one
    assert score(analyser, "mampus lu wkwk, gue tau rumah lu", "toxicity") >= 0.9


def test_a_roast_answered_in_a_laughing_chat_is_banter(analyser: TextAnalyser) -> None:
    turns = [
        ("a", "vc é mó burro mano kkkkk"),  # a name for b, laughing
        ("b", "kkkkkk respeita"),
        ("a", "arte kkkk é um quadrado de terra"),
        ("b", "e vc é feio mas sabe construir"),
    ]
    said, _ = chat(analyser, "teens", turns)
    assert said[3].delivered
    [toxic] = [s for s in said[3].signals if s.name == "toxicity"]
    assert toxic.detail.endswith(";banter")


@pytest.mark.parametrize(
    "turns",
    [
        # called a name, but nobody laughs
        [
            ("a", "vc é mó burro mano"),
            ("b", "pq vc fala assim"),
            ("a", "sei la"),
            ("b", "e vc é feio"),
        ],
        # the partner laughs but never called us a name
        [("a", "kkkkkk que isso"), ("b", "e vc é feio")],
        # called a name laughing, and the answer is a threat
        [
            ("a", "vc é mó burro kkkk"),
            ("b", "kkkk"),
            ("a", "kkkkk"),
            ("b", "vou te achar e te bater"),
        ],
    ],
)
def test_an_insult_outside_a_laughing_roast_is_held(
    analyser: TextAnalyser, turns: list[tuple[str, str]]
) -> None:
    said, _ = chat(analyser, "teens", turns)
    assert not said[-1].delivered


# -- a router's address, a shut-up told of, a name inside a site's name ----------------


@pytest.mark.parametrize(
    "text",
    [
        "go to ur router page, usually 192.168.1.1, and open port 25565",
        "geh auf fritz.box oder 192.168.178.1",
        "server ip 85.214.33.7:25565",
    ],
)
def test_a_network_address_is_no_phone_number(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") == 0.0


def test_a_phone_number_written_with_dots_is_still_read(analyser: TextAnalyser) -> None:
    # four groups, but 567 and 890 are no part of a network address
    assert score(analyser, "wa aku 081.234.567.890", "pii_phone") >= 0.9


@pytest.mark.parametrize(
    "text",
    ["the fucking smoke alarm wont shut up", "my dog won't shut up", "he wont shut the fuck up"],
)
def test_a_shut_up_told_of_someone_else_is_not_at_the_partner(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") < 0.8


@pytest.mark.parametrize("text", ["why won't you shut up", "shut the fuck up"])
def test_a_shut_up_said_to_the_partner_still_counts(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "https://losperrosdelbarrio.bandcamp.com/album/ruido-en-el-patio",
        "pake resep ini https://cookpad.com/id/resep/14827763-soto-betawi-santan-susu",
    ],
)
def test_an_adverts_word_inside_another_word_of_a_link_is_no_advert(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "promo") == 0.0


@pytest.mark.parametrize(
    "text",
    ["check hotgirls (dot) cam", "go to rbx-freegift.site/claim", "ff-diamantesgratis.online"],
)
def test_a_link_named_like_an_advert_is_one(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.85


# -- a link among teens, early and late ---------------------------------------------------

_TALK = [
    ("a", "what music do u listen to"),
    ("b", "mostly punk, i play drums in a band actually"),
    ("a", "no way thats so cool"),
    ("b", "its just me and 2 friends from school lol"),
    ("a", "can i hear something"),
    ("a", "pls"),
]


def test_a_link_after_the_opening_passes_in_the_teen_section(analyser: TextAnalyser) -> None:
    link = "https://rustbucket.bandcamp.com/track/basement-demo"
    said, _ = chat(analyser, "teens", [*_TALK, ("b", link)])
    assert said[-1].delivered
    assert score(analyser, link, "link") >= 0.5  # a link all the same


def test_a_link_in_the_opening_is_held_in_the_teen_section(analyser: TextAnalyser) -> None:
    said, _ = chat(analyser, "teens", [("a", "hey"), ("b", "https://rustbucket.bandcamp.com/x")])
    assert not said[-1].delivered
    assert said[-1].outcome.decisions[0].rule == "teens-links"


def test_an_advert_after_the_opening_is_still_held_among_teens(analyser: TextAnalyser) -> None:
    said, _ = chat(analyser, "teens", [*_TALK, ("b", "free robux here rbx-freegift.site/claim")])
    assert not said[-1].delivered


# -- an animal's age --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["mi perrita es una chihuahua de 9 años y pesa 4 kg", "tengo un perro de 3 años"],
)
def test_an_animals_age_is_not_the_speakers(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") == 0.0


@pytest.mark.parametrize("text", ["soy una chica de 15 años", "sou um cara de 30 anos"])
def test_a_speaker_who_describes_themself_still_tells_their_age(
    analyser: TextAnalyser, text: str
) -> None:
    assert (
        max(
            score(analyser, text, "age_disclosure_minor"),
            score(analyser, text, "age_disclosure_adult"),
        )
        >= 0.85
    )


def test_a_nintendo_friend_code_is_a_games_id(analyser: TextAnalyser) -> None:
    signals = analyser.analyse("bueno agrégame si quieres, mi código es SW-4821-0937-1156")
    assert [(s.name, s.detail) for s in signals] == [("off_platform", "app=game;id")]
    # the same digits with no code's shape are a phone number
    assert score(analyser, "llámame 0812-4821-0937", "pii_phone") >= 0.9


# -- a government's site, a game's code asked for, a deed done alone ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "baca2 soal izin usaha di sini https://oss.go.id gratis kok bikin NIB nya",
        "this site has the rules for ur age https://www.dol.gov/agencies/whd/youthrules",
        "el trámite es gratis en www.gob.mx/tramites",
    ],
)
def test_a_governments_site_is_a_known_site_and_no_advert(
    analyser: TextAnalyser, text: str
) -> None:
    assert 0.0 < score(analyser, text, "link") < 0.5
    assert score(analyser, text, "promo") == 0.0


@pytest.mark.parametrize(
    "text", ["free robux at rbx-gift.gov.xyz", "free stuff at docs.google.com.evil.ru/x"]
)
def test_a_site_only_dressed_as_a_known_one_is_not(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "link") >= 0.5
    assert score(analyser, text, "promo") >= 0.85


def test_a_games_code_asked_for_is_no_picture(analyser: TextAnalyser) -> None:
    assert score(analyser, "ja klar, schick mal deinen code", "picture_request") < 0.5
    assert score(analyser, "schick mal ein bild", "picture_request") >= 0.5


def test_an_account_after_an_app_and_a_spaced_at_is_no_email(analyser: TextAnalyser) -> None:
    assert score(analyser, "ja, auf tiktok @ jayswifey.de, bisschen edits", "pii_email") == 0.0
    assert score(analyser, "mail me: jay.swift @ gmx . de", "pii_email") >= 0.85


# -- what the fixes above must not hide (a review's counter-cases) ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No.HP/WA:081234567890",
        "hubungi.aku/081234567890",
        "wattpad.com/story/318820451,081234567890",
        "t.me/+628123456789",
        "06.12.34.56.78",
        "call +49.170.123.45.67",
        "add me sw-1234-5678-9012, 081298765432",
        "sw 0812 3456 7890",
    ],
)
def test_a_phone_number_beside_a_link_an_address_or_a_code_is_still_read(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "pii_phone") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "ref i know where you live and i will find you",
        "trainer du hurensohn ich bring dich um",
        "var vc é um lixo",
    ],
)
def test_a_threat_or_an_insult_after_a_word_like_a_referees_is_still_held(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


def test_the_partners_laughter_alone_makes_no_name_banter(analyser: TextAnalyser) -> None:
    said, _ = chat(analyser, "teens", [("a", "kkkkkk que isso"), ("b", "vc é mt burro")])
    assert not said[-1].delivered


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic of ur body, whats ur user on snap",
        "send a selfie with your id card",
        "manda foto tu cara y tu user",
    ],
)
def test_a_picture_asked_for_beside_an_id_is_still_a_picture(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "picture_request") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "https://docs.google.com:login@93.184.216.34/claim",
        "https://wikipedia.org!x@10.0.0.5/",
        "https://paypal.gov.tk/login",
    ],
)
def test_a_link_that_only_begins_like_a_known_site_is_not_one(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "link") >= 0.9


def test_an_advert_to_a_known_site_is_still_an_advert(analyser: TextAnalyser) -> None:
    assert score(analyser, "check out my giveaway https://forms.gle/abc123", "promo") >= 0.85


@pytest.mark.parametrize(
    "text",
    ["hola, un gamer de 13 años", "aqui uma gamer de 12 anos kkk", "aku 13 tahun lalu km brp"],
)
def test_a_speaker_introduced_without_i_am_still_tells_their_age(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= 0.85


@pytest.mark.parametrize("text", ["kamu di rumah sendirian gak?", "dek skrg di kamar sendirian ga"])
def test_asking_if_the_partner_is_alone_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.85


@pytest.mark.parametrize("text", ["x @ gmail . com", "tt @ gmail.com", "sc at gmail dot com"])
def test_an_address_at_a_mail_provider_is_an_email_whatever_its_name(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "pii_email") >= 0.85
