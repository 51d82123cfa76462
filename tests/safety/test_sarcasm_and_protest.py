"""Contempt said through irony, and the replies of the person put down.

Each class is a way a harassing chat passed unseen (the victim's reply in
words the protest list did not hold, "nobody asked", harm wished politely,
condescension in set phrases, Spanish contempt said with the verb alone, a
name as a message's last sentence) or an ordinary one was acted on ("you
won't regret it" read as a threat, a friend's "ew" or a loving insult, a
teen told not to carry a problem alone, a friend's groomer retold). The
examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.moderation import HOSTILE_FROM
from passerby.safety.text.detectors import TextAnalyser

# -- the reply of someone put down -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "??? i literally just said hello",
        "what did i ever do to you",
        "i didn't ask for your opinion",
        "why are you talking to me like that",
        "was that really necessary?",
        "that's just mean",
        "you can disagree without being rude you know",
        "no tenías por qué ser tan borde",
        "no hacía falta decir eso",
        "¿qué te he hecho yo?",
        "¿qué problema tienes?",
        "o que foi que eu te fiz?",
        "não precisava falar assim",
        "vc nem me conhece",
        "não precisava ser grosso",
        "mohon sopan ya",
        "saya tidak perlu dengar ini",
        "kok kamu sinis gitu",
        "ich muss mich vor dir nicht rechtfertigen",
        "was hab ich dir denn getan?",
        "bist du immer so gemein?",
    ],
)
def test_a_put_down_persons_reply_is_a_protest(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "sumpah itu jahat banget, lo ga pantes digituin",
        "terima kasih atas diskusinya yang sopan",
        "kalau ke rumah nenek pakai bahasa yang sopan",
        "no hace falta decir que me encanta",
        "cuéntame un chiste o te bloqueo 😤",
        "tell me a joke or im blocking you",
        "what did i do to deserve this weather",
        "nossa, por que isso aconteceu?",
        "vou bloquear meu cartão, perdi a carteira",
        "i didn't ask for this much homework",
        "what did i do to you? you've been quiet all day",
        "there's no need for that, i'll pay",
        "no need to insult yourself",
        "that's just mean of the teacher",
        "no tenías que ser tan amable",
        "no hacía falta eso, gracias igual",
        "¿por qué eres así de tierno?",
        "¿qué problema tienes con el wifi?",
        "não precisava disso, obrigada pelo presente",
        "vc nem me conhece e já me ajudou tanto",
        "tolong yang sopan ya kalo ketemu guru",
        "gak usah kasar sama dirimu sendiri",
        "du musst nicht so sein wie die anderen",
        "was stimmt nicht mit dir? hast du fieber?",
        "omg he texted me back and i literally just said hey",
        "why so mean to yourself?",
        "no tienes que ser tan cruel contigo misma",
        "não precisava ser tão gentil",
        "precisava disso? que presente lindo",
        "por que tanto ódio pelo brócolis?",
        "saya tidak perlu dengar pujian",
    ],
)
def test_sympathy_and_jokes_are_not_protests(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") == 0.0


# -- contempt through irony ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nobody asked you tho",
        "no one asked for your opinion",
        "nadie te ha preguntado.",
        "ninguém te perguntou nada",
        "ga ada yang nanya",
        "wer hat dich gefragt?",
        "hope you step on a lego every morning",
        "ojalá te pudras",
        "tomara que você se ferre",
        "semoga lo kesandung tiap hari",
        "hoffentlich stolperst du morgen",
        "do you need me to use smaller words",
        "quer que eu desenhe?",
        "perlu gue jelasin pake gambar?",
        "soll ich es dir aufmalen",
        "das pena, de verdad",
        "qué asco me das",
        "who tf asked",
        "siapa yang nanya?",
        "quem perguntou?",
        "i hope you lose everything",
        "espero que você morra",
        "mudah-mudahan lo mati",
        "go cry to your mommy",
        "geh doch heulen zu mami",
        "no wonder your girlfriend left you",
        "go cry to your mommy, baby",
    ],
)
def test_contempt_through_irony_counts_as_hostile(analyser: TextAnalyser, text: str) -> None:
    # a put-down's score: under the harassment threshold alone, the chat's
    # second hostile message is held (safety.moderation)
    assert score(analyser, text, "toxicity") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "nobody asked me to prom",
        "nobody asked lol",
        "i hope you don't fail your test",
        "hope you get well soon",
        "ojalá te vaya muy bien",
        "semoga kamu cepat sembuh",
        "hoffentlich fällst du nicht durch",
        "me das mucha pena, ánimo con todo",
        "não vai se arrepender, o anime é ótimo",
        "no te vas a arrepentir de verlo",
        "hab dich trotzdem lieb du honk",
        "najis 😭",
        "who asked?",
        "nadie ha preguntado todavía",
        "ninguém pediu pizza?",
        "ga ada yang nanya sih di grup",
        "niemand hat gefragt, also alles gut",
        "i hope you trip was fun!",
        "hope you choke up at the ending like i did",
        "i hope you break your leg tonight! (theater)",
        "ojalá te quiten el yeso pronto",
        "tomara que vc morra de rir",
        "semoga kamu jatuh cinta lagi",
        "i left my crayons at school",
        "you're the smartest person in your family",
        "quer que eu desenhe um gatinho pra você?",
        "soll ich es dir langsamer erklären? kein problem",
        "qué pena me das, ven que te abrazo",
        "bantu orang miskin yuk kamu mau ikut?",
        "Ronaldo falló el penal. payaso.",
        "we lost again. idiots.",
        "ga ada yang bakal nyariin aku kalo aku pergi",
        "who asked you to the party?",
        "did i ask you already about the party?",
        "nadie preguntó por el examen",
        "i can see why she left early, the party was dull",
        "nobody asked you to be perfect",
        "we had a q&a and no one asked",
        "eu fiz a apresentação e ninguém perguntou",
        "tadi di kelas gak ada yang nanya",
        "keiner hat dich gefragt ob du mitkommst",
        "i hope you get hit by a bus of good luck",
        "espero que te mueras de risa con este video",
        "tomara que você não seja demitido",
        "semoga kamu enggak kecelakaan",
        "hoffentlich stirbst du vor lachen",
        "tell your mommy i said hi!",
        "con razón te dejó el autobús",
        "you must be the smartest kid in your class, you got 100!",
        "nobody's waiting for you, take your time!",
        "tenang aja, ga ada yang bakal nyariin",
        "te vas a arrepentir si no vienes a la fiesta",
        "ronaldo missed an open goal. clown.",
        "der nachbar hat wieder laut musik gemacht. arschloch.",
    ],
)
def test_kind_words_and_friends_teasing_are_not_hostile(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "te quiero ver llorar, estúpida",
        "love you? nobody would love you, loser",
        "te quiero muerto, idiota",
    ],
)
def test_love_in_a_put_down_is_no_affection(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


def test_love_denied_beside_a_mild_name_is_no_teasing(analyser: TextAnalyser) -> None:
    # hostile (the chat's second such line is held), not teasing
    assert score(analyser, "hab dich nie lieb gehabt du honk", "toxicity") >= HOSTILE_FROM


def test_a_threat_of_regret_is_still_a_threat(analyser: TextAnalyser) -> None:
    assert score(analyser, "vai se arrepender", "toxicity") >= 0.9
    assert score(analyser, "te vas a arrepentir", "toxicity") >= 0.9


# -- a name as the last sentence ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tu cuarto parece un chiquero. muerto de hambre",
        "you lost again. loser",
        "ninguém gosta desse teu canal. falhado.",
    ],
)
def test_a_name_as_the_last_sentence_is_said_to_the_partner(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "forgot my keys again. idiot.",
        "perdí el bus otra vez. qué tonto.",
        "ich hab's verpennt. depp",
    ],
)
def test_a_name_after_talk_of_oneself_is_not_said_to_the_partner(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") < 0.8


# -- Indonesian: alone, and a groomer retold ---------------------------------------------


def test_alone_is_asked_of_not_told(analyser: TextAnalyser) -> None:
    assert score(analyser, "kamu lagi sendirian?", "secrecy") >= 0.8
    assert score(analyser, "sendirian di rumah ga?", "secrecy") >= 0.8
    assert score(analyser, "sendirian ya dek", "secrecy") >= 0.8
    assert score(analyser, "di rumah sendirian ya?", "secrecy") >= 0.8
    told = "mama kamu pasti sedih kalo tau kamu nanggung sendirian"
    assert score(analyser, told, "secrecy") == 0.0


def test_a_friends_groomer_retold_is_not_a_request(analyser: TextAnalyser) -> None:
    text = (
        "dia sering ngirimin pulsa sama diamond ke temen gw, terus minta pindah chat ke wa "
        "dan bilang jangan cerita"
    )
    assert score(analyser, text, "off_platform") < 0.5
    assert score(analyser, text, "secrecy") < 0.5


# -- "let's see", comfort, and one's own evening ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("vamos ver kkkk, vai dormir que amanhã tem prova", "meet_request"),
        ("lass uns sehen, was der Lehrer sagt", "meet_request"),
        ("no tienes que decirles nada ahorita si no te sientes segura", "secrecy"),
        ("you don't have to tell anyone until you're ready", "secrecy"),
        ("mamah kerja shift malam jadi aku sendirian di rumah", "secrecy"),
    ],
)
def test_plans_comfort_and_ones_own_evening_are_not_requests(
    analyser: TextAnalyser, text: str, name: str
) -> None:
    assert score(analyser, text, name) < 0.6


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("vamos nos ver amanhã?", "meet_request"),
        ("sollen wir uns sehen?", "meet_request"),
        ("no tienes que decirles nada a tus papás", "secrecy"),
        ("you don't have to tell your parents", "secrecy"),
    ],
)
def test_a_meeting_or_a_secret_asked_for_is_still_one(
    analyser: TextAnalyser, text: str, name: str
) -> None:
    assert score(analyser, text, name) >= 0.8
