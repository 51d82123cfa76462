"""Ordinary talk that a fresh set of writers showed being misread.

Six styles written by people who had read nothing of the project showed
the detectors acting on talk a moderator would let pass: a story "reported
and blocked" told in that order, a stranger who "wrote" rather than
"asked", a friend code typed in groups of four, a player's name or a game
server's address that looks like a web address, an Indonesian score read
as an age ("nilai mtk gw 45"), a scam called "fake", "me has ganado" read
as a prize, a buyer asking "lu ada jual akun gak?", a link given as the
place to report a scam. The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.chats import chat, rules_acted
from tests.safety.test_said_outright import score

from passerby.safety.moderation import PAGE_AFTER, ChatModerator, StrikeBook, mask_personal_data
from passerby.safety.policy import load_policy
from passerby.safety.risk import ConversationRisk
from passerby.safety.text.detectors import TextAnalyser

# -- a story about a stranger is safety talk ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i reported him and then blocked him",
        "lo denuncié y lo bloqueé al toque",
        "udah aku laporin terus blokir",
        "hab ihn gemeldet und dann blockiert",
        "bloquéalo y repórtalo ya",
        "block him and report him, seriously",
        "denuncia e bloqueia esse cara",
        "me escribió un señor hace rato, decía que tenía 16",
        "ein typ hat mir vorhin geschrieben, er wäre 15",
    ],
)
def test_reporting_and_a_strangers_story_are_safety_talk(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "safety_talk") == 1.0


def test_a_strangers_message_retold_after_safety_talk_opens_no_case(
    analyser: TextAnalyser,
) -> None:
    turns = [
        ("a", "cuántos años tienes"),
        ("b", "15. recién me escribió un señor que decía tener 16"),
        ("b", 'me puso "eres muy madura para tu edad, no le digas a tu mamá"'),
        ("a", "qué asco. bloquéalo y repórtalo"),
        ("b", "ya lo hice"),
    ]
    said, _ = chat(analyser, "teens", turns)
    # the man's words are read, and read as retold, at half weight
    retold = {s.name for s in said[2].signals if s.detail.endswith(";retold")}
    assert {"secrecy", "flattery"} <= retold
    assert rules_acted(analyser, "teens", *turns) == []


# -- a game's code, a player's name, a server's address -----------------------------


def test_a_friend_code_typed_in_groups_is_a_game_id(analyser: TextAnalyser) -> None:
    said, _ = chat(
        analyser,
        "teens",
        [
            ("a", "pásame tu código de amigo"),
            ("b", "3904 1172 8856"),
            ("b", "listo"),
            ("a", "pasa id"),
            ("b", "7 7 1 2 0 4 9 3 8"),
            ("b", "soy el pato"),
        ],
    )
    assert [d.rule for v in said for d in v.outcome.decisions] == []
    for reply in (said[1], said[4]):  # each read as the game's id
        assert [(s.name, s.detail) for s in reply.signals] == [("off_platform", "app=game;id")]
    assert all(
        v.delivered and v.text == t
        for v, t in zip(said[1:3], ["3904 1172 8856", "listo"], strict=True)
    )


def test_a_phone_number_unasked_is_still_held_in_the_teen_section(
    analyser: TextAnalyser,
) -> None:
    said, _ = chat(analyser, "teens", [("a", "hola"), ("b", "mi número es 3904 1172 8856")])
    assert not said[1].delivered


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my ign is toastyboi.gg add me", "toastyboi.gg"),
        ("en el juego me llamo lalo.gg", "lalo.gg"),
        ("nick aku kucingbiru.id", "kucingbiru.id"),
    ],
)
def test_a_players_name_like_a_domain_is_no_link(
    analyser: TextAnalyser, text: str, name: str
) -> None:
    assert score(analyser, text, "link") == 0.0
    assert score(analyser, name, "link") >= 0.9  # the same word alone is one


@pytest.mark.parametrize(
    "text",
    [
        "the server ip is play.blockhaven.net",
        "ip do server: mc.pedreira.com.br",
        "unser smp, ip ist survival.klotzburg.de",
    ],
)
def test_a_game_servers_address_is_a_move_to_the_game(analyser: TextAnalyser, text: str) -> None:
    found = analyser.analyse(text)
    assert [(s.name, s.detail) for s in found] == [("off_platform", "app=game;server")]


@pytest.mark.parametrize("text", ["check out coolstuff.net", "mi tienda es ropita.mx"])
def test_a_site_named_otherwise_is_still_a_link(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "link") >= 0.9


# -- a score is no age; an age said with whose it is ----------------------------------


@pytest.mark.parametrize(
    ("text", "bare"),
    [("nilai ipa gw 38", "gw 38"), ("rank aku 45 sekarang", "aku 45"), ("berat gue 52", "gue 52")],
)
def test_a_score_or_a_measure_is_no_age(analyser: TextAnalyser, text: str, bare: str) -> None:
    assert not [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]
    assert score(analyser, bare, "age_disclosure_adult") >= 0.85  # without the noun, an age


@pytest.mark.parametrize("text", ["umur gw 38", "usia gue 41 thn"])
def test_an_age_said_in_slang_with_umur_is_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_adult") >= 0.85


# -- adverts told of, won over, asked about, reported ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "they lure you onto a fake investment site that shows fake gains",
        "era una plataforma falsa de cripto, te mostraban ganancias inventadas",
        "agen palsu itu minta transfer 10 juta buat investasi",
        "das ist die Masche: erst Vertrauen, dann die Krypto-Plattform",
    ],
)
def test_a_scam_called_fake_is_talk(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") < 0.8


@pytest.mark.parametrize(
    "text", ["vale, me has ganado con eso", "vc me ganhou nessa", "ok you won me over"]
)
def test_won_over_is_no_prize(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") == 0.0


@pytest.mark.parametrize(
    "text",
    ["¡has ganado un iphone! reclama aquí", "você ganhou um prêmio, clique no link"],
)
def test_a_prize_is_still_bait(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.85


def test_asking_whether_the_partner_sells_is_no_advert(analyser: TextAnalyser) -> None:
    assert score(analyser, "kamu ada jual akun ml gak? buat adikku", "promo") == 0.0
    assert score(analyser, "JUAL AKUN ML MURAH, minat dm", "promo") >= 0.85


def test_a_link_given_to_report_at_is_no_advert(analyser: TextAnalyser) -> None:
    assert score(analyser, "laporin aja ke aduanpenipuan.id biar diblokir", "promo") == 0.0
    assert score(analyser, "akun kamu diblokir, verifikasi di bank-verif.com", "promo") >= 0.85


# -- masking says what it hides ------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["mail ke budi.santoso@gmail aja", "escríbeme a lu_perez@ hotmail"]
)
def test_an_address_at_a_provider_without_its_domain_is_masked(text: str) -> None:
    shown = mask_personal_data(text)
    assert "@" not in shown and "•••" in shown


# -- a kill said in fun, an insult said fondly -----------------------------------------


@pytest.mark.parametrize(
    "text",
    ["i'm gonna kill you (affectionately)", "te voy a matar jajaja", "ich bring dich um haha"],
)
def test_a_kill_said_laughing_is_hyperbole_not_held(analyser: TextAnalyser, text: str) -> None:
    [toxic] = [s for s in analyser.analyse(text) if s.name == "toxicity"]
    assert toxic.score < 0.9 and toxic.detail == "threat;hyperbole"


@pytest.mark.parametrize(
    "text",
    [
        "i will find you and kill you lol",
        "te voy a matar jajaja en serio",
        "jajaja hijo de puta, te voy a matar",
        "i'm gonna kill you",
    ],
)
def test_a_kill_with_a_way_a_vow_or_an_insult_is_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text", ["vale, eres un boludo, con cariño", "you're a dork (affectionately)"]
)
def test_a_name_said_fondly_is_teasing(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < 0.9


# -- an account to follow, after a conversation ---------------------------------------


def _said_after(analyser: TextAnalyser, heard: int, text: str) -> bool:
    """Whether ``text`` is delivered when sent after ``heard`` messages of the partner's."""
    mod = ChatModerator(analyser, load_policy(), "adults", StrikeBook(), ConversationRisk)
    return mod.outgoing(text, 0.0, 1e9, heard=heard).delivered


def test_follow_my_account_after_a_conversation_is_not_an_advert(analyser: TextAnalyser) -> None:
    line = "follow ig aku aja @bagas.prt"
    assert _said_after(analyser, PAGE_AFTER, line)
    assert not _said_after(analyser, 1, line)
    # a link is an advert's still
    assert not _said_after(analyser, PAGE_AFTER, "follow my page for more hotpics.live")


# -- schoolwork and media links, a map's link ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "toma: https://docs.google.com/document/d/1xYz/edit?usp=sharing",
        "el resumen está en es.wikipedia.org/wiki/Revolución_Francesa",
        "mira esse vídeo youtu.be/dQw4w9WgXcQ kkkk",
    ],
)
def test_a_schoolwork_or_media_link_passes_in_the_teen_section(
    analyser: TextAnalyser, text: str
) -> None:
    said, _ = chat(analyser, "teens", [("a", "me pasas el link?"), ("b", text)])
    assert said[1].delivered
    [link] = [s for s in said[1].signals if s.name == "link"]
    assert link.detail.endswith(";known") and link.score < 0.5  # a link still, under the rule


@pytest.mark.parametrize(
    "text", ["https://docs.google.com.secure-login.ru/x", "entra a mi página ropita.mx"]
)
def test_any_other_link_is_held_in_the_teen_section(analyser: TextAnalyser, text: str) -> None:
    said, _ = chat(analyser, "teens", [("a", "hola"), ("b", text)])
    assert not said[1].delivered


def test_a_maps_share_link_is_no_shortener(analyser: TextAnalyser) -> None:
    assert score(analyser, "te paso la ubicación: maps.app.goo.gl/abcd1234", "promo") == 0.0
    assert score(analyser, "mira esto goo.gl/abcd1234", "promo") >= 0.85


def test_a_warning_about_anyone_who_asks_is_retold(analyser: TextAnalyser) -> None:
    text = "mi prima dice q si alguien te pide fotos o q no le digas a tu mamá, es un viejo seguro"
    found = [s for s in analyser.analyse(text) if s.name == "secrecy"]
    assert found and all(s.detail.endswith(";retold") and s.score < 0.5 for s in found)
