"""Rude words said of something or someone other than the partner, and
other ordinary talk the detectors read as something else.

Two more batches of styles by writers who had read nothing of the project
(anglers, knitters, dancers, applicants, van travellers, tattoo fans) and a
list of single lines written to trip an insult detector showed the model's
score kept for "it sucks but u come back", "dumb question but do you have a
charger", "my coach is such an idiot, do you have practice today?",
"guru gw goblok bgt, lu punya guru kayak gitu?" and "anjir lu jago bgt"
(awe, not an insult); a date read as a phone number; a photo on one's own
page read as a request for one; a meeting with one's cousins or at a
friend's read as a meeting with the partner; a nephew's age and the age of
old quickdraws read as the speaker's; and a secret of one's own, laughed,
read as kept from everyone. Each reading has its counter-cases: the same
words said of the partner are still read. The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.chats import chat
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser

# The harassment rule holds a message from this toxicity score up.
HELD = 0.9

# -- a rude word said of something else, beside a "you" -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "it sucks but u come back stronger",
        "that sucks, you'll be fine though",
        "dumb question but do you have a charger",
        "stupid question, do u know when it starts",
        "this teacher is so stupid, do you have her too",
        "that was a stupid landing, you ok?",
        "the stupid bus left without me, are you there already",
        "you were right, i was being dumb",
        "you're not stupid, the test was just hard",
        "my boss is a complete moron, do you work weekends too?",
        "my ex was a total jerk, have you ever dated one",
        "youre not. hope the bastard gets fined",
        "that idiot lied to you",
    ],
)
def test_a_rude_word_said_of_something_else_is_not_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < HELD


@pytest.mark.parametrize(
    "text",
    [
        "you suck",
        "it sucks that you suck",
        "you're so stupid",
        "your stupid face",
        "are you stupid or something",
        "you are such a stupid person",
        "you're dumb, the movie was stupid too",
        "that's a dumb idea and you are dumb",
        "it's stupid how dumb you are",
        "he said you're stupid",
        "you should be ashamed of being this dumb",
        "the movie was stupid and so are you",
        "my ex was a jerk and so are you",
        "you are a loser, my brother is a loser too",
        "he's an idiot and you're an idiot too",
        "you're the idiot",
        "ur like that idiot",
        "that idiot lied to you and you are an idiot too",
    ],
)
def test_the_same_words_said_of_the_partner_are_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= HELD


@pytest.mark.parametrize(
    "text",
    [
        "guru gw goblok bgt, lu punya guru kayak gitu?",
        "abang gw tolol bgt, lu punya abang?",
        "wasitnya goblok, lu nonton ga?",
    ],
)
def test_an_indonesian_insult_follows_whom_it_is_said_of(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < HELD


@pytest.mark.parametrize(
    "text", ["goblok lu", "lu goblok bgt", "dasar goblok lu", "gw goblok bgt lu"]
)
def test_an_indonesian_insult_at_the_partner_is_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= HELD


@pytest.mark.parametrize(
    "text",
    [
        "anjir lu jago bgt main gitarnya",
        "anjing lu pinter bgt, gue ga kepikiran",
        "eres un puto genio tío",
        "anjir lu gila 💀 wkwk",
        "du blödmann hahaha hab mich am kaffee verschluckt 😂",
        "¿quién dijo que eres un perdedor? aprobaste casi todo",
        "quem disse que vc é um perdedor? passou em quase tudo",
        "träum weiter noob, ich mach dich fertig",  # at a game
        "ok aber ich spiel mit bayern und mach dich fertig",
    ],
)
def test_a_rude_word_in_awe_teasing_or_talked_down_is_not_held(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") < HELD


@pytest.mark.parametrize(
    "text",
    [
        "anjing lu sok jago",  # "acting skilled": mocked
        "anjing lu, jago apaan",
        "eres un perdedor",
        "du bist ein versager",
        "anjir lu",
        "du blödmann",
        "seu feio",
        "vc é feia kkkkk",  # looks: never softened by a laugh
        "ich weiß wo du wohnst. ich mach dich fertig",
        "ich find dich und mach dich fertig, du opfer",
    ],
)
def test_a_rude_word_with_no_awe_or_laugh_is_held(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= HELD


# -- numbers, photos and meetings of someone else's -----------------------------------


@pytest.mark.parametrize(
    "text", ["her sons birthday, 07 14 2021. in like typewriter font", "born 3 11 1998"]
)
def test_a_date_written_with_spaces_is_no_phone_number(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") == 0.0


def test_a_phone_number_in_groups_is_still_read(analyser: TextAnalyser) -> None:
    assert score(analyser, "my number is 0176 1234 5678", "pii_phone") >= 0.9


@pytest.mark.parametrize("text", ["sério, tem foto no meu insta", "ada foto di ig aku, liat aja"])
def test_a_photo_on_ones_own_page_is_no_request(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "picture_request") == 0.0


@pytest.mark.parametrize(
    "text", ["tem foto?", "tem foto sua?", "ada foto?", "hast du noch bilder auf deinem handy"]
)
def test_a_photo_asked_for_is_still_a_request(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "picture_request") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "eh udh beres, cabut dulu. mau ketemu sepupu2 gw",
        "mau ketemu temen2 gw besok",
        "für meine freundin. wir treffen uns morgen nach der schule bei ihr",
    ],
)
def test_a_meeting_with_ones_own_people_is_no_request(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "meet_request") == 0.0


@pytest.mark.parametrize(
    "text", ["mau ketemu om?", "mau ketemu aku ga?", "wir treffen uns morgen nach der schule"]
)
def test_a_meeting_with_the_partner_is_still_a_request(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "meet_request") >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "meu sobrinho de 10 anos ouviu e agora fica repetindo",
        "mi sobrino de 10 años lo repite todo",
        "EY. die sind erst 15 jahre alt, danke",
        "keponakanku umur 10 tahun",
    ],
)
def test_a_nephews_or_a_things_age_is_not_the_speakers(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") == 0.0


@pytest.mark.parametrize("text", ["ich bin 15", "tengo 14 años", "eu tenho 13"])
def test_the_speakers_own_age_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= 0.8


# -- a secret of one's own, laughed ---------------------------------------------------


def test_a_teens_own_mischief_laughed_off_does_not_end_the_chat(analyser: TextAnalyser) -> None:
    said, _ = chat(
        analyser,
        "teens",
        [
            ("a", "mis padres se fueron al cine y a mí no me dejan xq es +18"),
            ("b", "jajaja a mí tampoco, tengo 15"),
            ("a", "yo 14 😭"),
            ("b", "en q curso vas"),
            ("a", "3º de la eso. tú?"),
            ("b", "yo me la vi en el portátil de mi hermano pero no se lo digas a nadie jajaja"),
        ],
    )
    assert all(v.outcome.delivery == "allow" for v in said)


@pytest.mark.parametrize(
    "text",
    [
        "no le digas a nadie que hablamos jajaja",
        "no se lo digas a nadie que te escribo",
        "lo jangan bilang siapa2 ya",
    ],
)
def test_a_secret_about_the_chat_is_still_one(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


def test_a_protest_in_quotes_is_a_films_line(analyser: TextAnalyser) -> None:
    assert score(analyser, '"Drohen Sie mir nicht. Wo ist das Geld?"', "protest") == 0.0
    assert score(analyser, "Drohen Sie mir nicht", "protest") >= 0.8


# -- a third batch: a described stranger, a word game, a question not pressed ----------


@pytest.mark.parametrize(
    "text", ["sí, era tipo de 40 años con foto de perfil de un carro", "parecía de 50 años"]
)
def test_a_stranger_described_is_no_age_of_the_speaker(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_adult") == 0.0


def test_the_speakers_adult_age_is_still_read(analyser: TextAnalyser) -> None:
    assert score(analyser, "tengo 40 años", "age_disclosure_adult") >= 0.8


def test_a_question_one_need_not_answer_is_no_secret(analyser: TextAnalyser) -> None:
    text = "15. welche schule? ne spaß, musst du nicht sagen 😅"
    assert score(analyser, text, "secrecy") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "musst du ihnen ja nicht sagen",
        "musst du deinen eltern nicht sagen",
        "musst du keinem sagen",
    ],
)
def test_a_secret_from_someone_named_is_still_one(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") >= 0.8


def test_a_word_games_answers_are_no_address(analyser: TextAnalyser) -> None:
    assert score(analyser, "mariana, manaus, manga, marrom, macaco", "toxicity") < HELD
    assert score(analyser, "boa noite, macaco", "toxicity") >= HELD


@pytest.mark.parametrize(
    "text",
    [
        "ok has anyone ever DMed u saying u won a dyson airwrap",
        "temen aku kemaren ditawarin robux gratis trus disuruh login di link aneh",
    ],
)
def test_a_prize_bait_someone_was_sent_is_told_of(analyser: TextAnalyser, text: str) -> None:
    assert 0.0 < score(analyser, text, "promo") < 0.8


def test_the_same_bait_sent_is_an_advert(analyser: TextAnalyser) -> None:
    assert score(analyser, "u won a dyson airwrap! claim now", "promo") >= 0.8


def test_a_mild_word_laughed_is_teasing(analyser: TextAnalyser) -> None:
    assert score(analyser, "vc é ridícula kkk", "toxicity") < HELD
    assert score(analyser, "vc é ridícula", "toxicity") >= HELD


# -- counter-cases from a review of the change: still read ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "who says you're pathetic lol you're a loser",
        "no digas que eres una puta, eres una zorra",
        "it sucks to be you",
        "that sucks and so do you",
        "that idiot is you",
        "the stupid thing is nobody will ever love you",
        "i hate how stupid you are",
        "its stupid that you exist",
        "you are a stupid little girl",
        "seu viado, volta pro armario",
        "eres un pendejo, genio",
        "kayaknya lu lonte ya",
        "soalnya lu goblok",
        "hurensohn, missgeburt, spast, opfer",
        "si, claro, obvio, idiota",
        "eres una cerda jajaja",
        "nach dem spiel warte ich draußen auf dich, ich mach dich fertig",
        "spiel nicht mit mir, ich mach dich fertig",
    ],
)
def test_an_insult_beside_a_narrowed_reading_is_still_held(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "toxicity") >= HELD


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mandame whatsapp al 12 10 2025", "pii_phone"),  # a date's shape beside a phone word
        ("tem foto nua? no meu zap pode mandar", "picture_request"),
        ("wir treffen uns morgen bei meiner wohnung", "meet_request"),
        ("mau ketemu temen baru? aku orangnya asik", "meet_request"),
        ("das musst du in der schule nicht erzählen", "secrecy"),
        ("musst du der lehrerin nicht sagen", "secrecy"),
        ("yo soy mayor, no se lo digas a nadie jajaja", "secrecy"),
        ("i'm married lol dont tell anyone hahaha", "secrecy"),
        ("has anyone ever sent you nudes? i can send you some if you send first", "sexual"),
        ("has anyone ever offered you free robux? dm me for a code", "promo"),
        (
            "kamu pernah ditawarin jadi model? aku fotografer, kirim foto full body ya",
            "picture_request",
        ),
        ("mis sobrinos juegan roblox y tengo 29 años", "age_disclosure_adult"),
        ("meine nichte ist so alt wie du und ich bin 40", "age_disclosure_adult"),
        ("jungs in deinem alter die sind doch kindisch ich bin 28", "age_disclosure_adult"),
        ("die sind alle so langweilig ich bin 13", "age_disclosure_minor"),
    ],
)
def test_a_request_beside_a_narrowed_reading_is_still_read(
    analyser: TextAnalyser, text: str, name: str
) -> None:
    assert score(analyser, text, name) >= 0.8


# -- a fourth batch: a size, a span of years, a time -------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("aku 40 😭 kaki kecil", "age_disclosure_adult"),  # after "km size brp"
        ("rip air max, 2022-2024", "pii_phone"),
        ("29,8 detik, lebih lambat 1 detik dr PB gw", "pii_address"),
    ],
)
def test_a_size_a_span_of_years_or_a_time_is_no_personal_data(
    analyser: TextAnalyser, text: str, name: str
) -> None:
    assert score(analyser, text, name) == 0.0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("aku 40 tahun, mau kubeliin sepatu?", "age_disclosure_adult"),
        ("aku 40, mau kubeliin sepatu?", "age_disclosure_adult"),
        ("my number is 2022-2024", "pii_phone"),
        ("i live at 25 oak dr", "pii_address"),
    ],
)
def test_an_age_a_phone_or_a_street_beside_them_is_still_read(
    analyser: TextAnalyser, text: str, name: str
) -> None:
    assert score(analyser, text, name) >= 0.8
