"""What writers the lists had not met say, and the ordinary talk beside it.

Conversations written apart from the detectors showed harm in words the
lists did not know: self-harm urged politely, pictures held over someone to
be shown to their boss, an investment "mentor" on Telegram, grooming's steps
in the other languages' chat spelling ("n conta pra ninguem", "hp kamu suka
dicek ortu?", "sags deinen eltern nich"), an adult's age put right ("no
tengo 17, tengo 23"), a phone number read out with commas. They showed too
what ordinary talk looks like to a list: a friend roasted with a laugh or
with "jk", "no estás solo" said in comfort, "a normal 24 year old doesn't
chat to 15 year olds" said of a creep, a mother's "niño de 11 años", a scam
lost to retold. The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.chats import chat, rules_acted
from tests.safety.test_said_outright import score

from passerby.core.signals import Signal
from passerby.safety.moderation import BANTER_SCORE, ChatModerator, StrikeBook
from passerby.safety.policy import load_policy
from passerby.safety.risk import ConversationRisk
from passerby.safety.text.detectors import TextAnalyser
from passerby.safety.text.insults import UNDIRECTED_SCORE
from passerby.safety.text.normalise import fold

HELD = 0.9  # the harassment rule's threshold (default_policy.toml)

# -- harm in words the lists did not know -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "honestly you could consider ending it all, nobody here would mind",
        "the world would carry on perfectly fine without you",
        "deberías quitarte la vida, en serio",
        "el mundo seguiría igual sin ti",
        "mending kamu akhiri hidupmu aja",
        "você devia se matar logo",
        "o mundo ficaria ótimo sem você",
        "du solltest dich echt umbringen",
        "die welt käme super ohne dich klar",
    ],
)
def test_self_harm_urged_in_more_words_is_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= HELD


@pytest.mark.parametrize(
    "text",
    [
        "the world would be worse without you, seriously",
        "deberías matarte a estudiar menos y dormir más",
        "he said he wanted to end it all with her",
    ],
)
def test_kind_or_other_words_like_it_are_not(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < HELD


@pytest.mark.parametrize(
    "text",
    [
        "got ur pics from ur ex. ill send them to ur whole contact list",
        "100 on paypal or everyone sees them",
        "tengo tus fotos, las subo si no me pagas",
        "hab deine bilder von deinem ex, schick ich deinem chef",
        "tenho teus prints, vou mandar pra tua familia",
        "se vc não me pagar hoje, a escola inteira vai ver",
        "gue punya foto lo dari mantan lo, gue sebarin ke keluarga lo",
    ],
)
def test_exposure_threatened_is_held(analyser: TextAnalyser, text: str) -> None:
    found = [s for s in analyser.analyse(text) if s.name == "toxicity"]
    assert found and found[0].score >= HELD and "exposure" in found[0].detail


@pytest.mark.parametrize(
    "text",
    [
        "take screenshots and show them to your parents",
        "mach screenshots und zeig sie deinen eltern",
        "i got your pics of the cake, it looks amazing",
    ],
)
def test_advice_to_show_parents_is_not_exposure(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < HELD


@pytest.mark.parametrize(
    "text",
    [
        "gw bacok lu kalo ketemu",
        "awas lu gue tusuk",
        "hey slut",
        "do every1 a favor n go jump off smth",
    ],
)
def test_threats_and_slurs_in_chat_spelling_are_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= HELD


def test_an_investment_handler_on_a_messaging_app_is_an_advert(analyser: TextAnalyser) -> None:
    turns = [
        ("b", "hola"),
        ("a", "este mes saqué un 30 % con una plataforma de trading con inteligencia artificial"),
        ("a", "mi asesora Marta aún tiene sitio, escríbele por telegram a @ marta_invierte"),
    ]
    said, _ = chat(analyser, "adults", turns)
    assert "promo" in [d.rule for d in said[2].outcome.decisions]


@pytest.mark.parametrize(
    "text",
    [
        "mi tío perdió todo su dinero con una plataforma de cripto",
        "mein vater hat 500 euro bei so einer krypto-plattform verloren",
        "recebi um link de robux grátis de um amigo, era golpe",
    ],
)
def test_a_scam_lost_to_or_received_is_talk(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "looking for a girl to have sex with tonight",
        "bora meter hoje?",
        "quiero que alguien me la chupe ya",
        "im so hard just thinking about you",
    ],
)
def test_sexual_solicitation_in_more_words(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "sexual") >= 0.9


# -- grooming's steps in the other languages' chat spelling ----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("jgn bilang adikmu ya", "secrecy"),
        ("n fala pra ninguem ta", "secrecy"),
        ("sags deiner mutter nich", "secrecy"),
        ("y el chat bórralo luego", "secrecy"),
        ("den chat hier gleich löschen", "secrecy"),
        ("sin que nadie se entere", "secrecy"),
        ("si te pregunta dile que soy una amiga del cole", "secrecy"),
        ("no me guardes con mi nombre", "secrecy"),
        ("hp kamu sering dicek mama?", "isolation"),
        ("checkt deine mutter dein handy?", "isolation"),
        ("tu mamá te revisa el cel?", "isolation"),
        ("quieres 2000 pavos gratis?", "gift"),
        ("pap dulu dong", "picture_request"),
        ("a gente podia fazer uma videochamada", "picture_request"),
        ("a gente podia se encontrar sábado", "meet_request"),
        ("aku bisa ke rumahmu naik motor", "meet_request"),
        ("sharelok dong", "meet_request"),
        ("mejor x wsp", "off_platform"),
        ("es uno uno dos, tres cuatro cinco, seis siete ocho nueve", "pii_phone"),
    ],
)
def test_grooming_steps_in_chat_spelling(analyser: TextAnalyser, text: str, name: str) -> None:
    assert score(analyser, text, name) >= 0.6


def test_an_age_put_right_is_the_one_after(analyser: TextAnalyser) -> None:
    found = analyser.analyse("bueno, no tengo 16 como dije, tengo 27")
    assert [s.detail for s in found if s.name.startswith("age_disclosure")] == ["age=27"]
    # "no im 14" (no, I'm 14) puts nothing right
    assert score(analyser, "no im 14", "age_disclosure_minor") >= 0.85


# -- ordinary talk --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ey tranqui, no estás solo en esto",
        "você não está sozinha, sério",
        "kamu sendiri gimana? udah makan?",
    ],
)
def test_comfort_is_not_asking_if_alone(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "a normal 24 year old doesnt message 14 year olds",
        "soy madre de una niña de 12 años y tengo una duda",
        "yang besar 9 tahun, yang kecil 4 tahun",
        "esa música es de señor de cuarenta años jaja",
        "anak bungsu saya 13 tahun",
    ],
)
def test_someone_elses_age_is_not_the_speakers(analyser: TextAnalyser, text: str) -> None:
    found = [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "ur so dumb 😭 jk",
        "youre so weird lmao",
        "ur so slow i love it",
        "eres bien pendejo jajaja",
        "du opfer 😂",
        "good luck, idiota",
        "the idiot squad strikes again",
    ],
)
def test_a_roast_with_a_laugh_or_love_is_teasing(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") <= UNDIRECTED_SCORE


@pytest.mark.parametrize(
    "text",
    [
        "a B- hahaha in maths. youre genuinely stupid",
        "ur so dumb lol. bet ur trash at everything",
        "eres un pendejo, no sabes ni escribir",
    ],
)
def test_a_laugh_at_the_partner_keeps_the_insult(analyser: TextAnalyser, text: str) -> None:
    found = [s for s in analyser.analyse(text) if s.name == "toxicity"]
    assert found and found[0].score > UNDIRECTED_SCORE and "teasing" not in found[0].detail


def test_a_friends_name_after_a_laugh_is_banter(analyser: TextAnalyser) -> None:
    said, _ = chat(
        analyser,
        "teens",
        [("a", "eu achei que a prova era amanhã"), ("b", "KKKKKKKK"), ("b", "vc é mt burro")],
    )
    assert not said[2].outcome.decisions
    assert any(s.score == BANTER_SCORE for s in said[2].signals if s.name == "toxicity")


def test_the_same_name_unlaughed_is_held(analyser: TextAnalyser) -> None:
    acted = rules_acted(analyser, "teens", ("a", "oi"), ("b", "vc é mt burro"))
    assert "harassment" in acted


def test_the_partners_teasing_makes_the_reply_banter(analyser: TextAnalyser) -> None:
    acted = rules_acted(
        analyser,
        "teens",
        ("a", "mein controller war die ganze zeit in meiner hand"),
        ("b", "du honk hahaha"),
        ("a", "15 du lappen"),
    )
    assert "harassment" not in acted


@pytest.mark.parametrize(
    "text",
    [
        "so ein typ auf insta hat mir dann geschrieben ob ich ein bild ohne tshirt schicke",
        "tadi ada om om yang chat aku terus minta foto pake seragam",
        "pediu foto e falou pra n conta pros pais dela",
    ],
)
def test_a_stranger_story_is_retold(analyser: TextAnalyser, text: str) -> None:
    found = [s for s in analyser.analyse(text) if s.name not in ("off_platform", "safety_talk")]
    assert found and all(s.score < 0.6 and s.detail.endswith(";retold") for s in found)


@pytest.mark.parametrize(
    "text",
    ["what is wrong with you", "condescending much?", "kok tega bilang gitu", "que grosero"],
)
def test_more_protests(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") >= 0.8


@pytest.mark.parametrize("text", ["ur nasty for that clutch", "that's a low bar lol"])
def test_praise_and_idioms_are_not_protests(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") == 0.0


# -- spelled with spaces, up to the punctuation --------------------------------------


def test_spaced_letters_join_up_to_punctuation() -> None:
    assert fold("add me on s n a p: m i l a 2 0").words == "add me on snap mila20"
    assert fold("(s n a p) x.y z w v").words == "snap x yzwv"
    assert fold("n u d e s.").words == "nudes"


# -- a scam quoted, a child's age, "te busco" -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'a mi primo le llegó esto: "¡Ganaste un iPhone! Verifica tu cuenta aquí"',
        'die sms war "Ihr Paket wartet, bestätigen Sie Ihre Daten: paket-info.net"',
        'a mensagem dizia "ganhe dinheiro fácil em casa" kkk',
    ],
)
def test_a_scam_quoted_is_told_of(analyser: TextAnalyser, text: str) -> None:
    assert 0.0 < score(analyser, text, "promo") < 0.8


def test_an_advert_quoting_its_own_slogan_is_still_one(analyser: TextAnalyser) -> None:
    assert score(analyser, '"FREE ROBUX" at freerobux-now.net', "promo") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "yg gede 8 tahun, yg kecil 2",
        "yang paling besar 11 tahun",
        "o de 9 anos só quer brincar",
    ],
)
def test_a_childs_age_among_siblings_is_not_the_speakers(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") == 0.0


def test_te_busco_in_a_game_is_no_pickup(analyser: TextAnalyser) -> None:
    assert score(analyser, "me conecto en 5, ahí te busco", "meet_request") == 0.0
    assert score(analyser, "te busco a la salida del cole", "meet_request") >= 0.85


@pytest.mark.parametrize(
    ("line", "quiet"),
    [
        ("mein onkel hat 3000 euro in eine krypto-plattform gesteckt", True),
        ("ich koche heute abend nudeln", False),
    ],
)
def test_a_scam_told_of_keeps_the_advert_tier_quiet(
    analyser: TextAnalyser, line: str, quiet: bool
) -> None:
    mod = ChatModerator(analyser, load_policy(), "adults", StrikeBook(), ConversationRisk)
    mod.outgoing(line, 0.0, 1e9)
    verdict = mod.semantic(Signal("learned_advert", 0.9, "advert"), True, 1e9 + 1)
    assert (verdict is None) == quiet
