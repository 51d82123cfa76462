"""Each detector fires on what it names, through obfuscation, and not on near-misses."""

from __future__ import annotations

import pytest

from passerby.core.signals import SIGNAL_NAMES, Signal
from passerby.safety.risk import PRESENT
from passerby.safety.text import TextAnalyser
from passerby.safety.text.lexicon_grooming_en import ASK_WHERE
from passerby.safety.text.toxicity import ToxicityScorer


@pytest.fixture(scope="module")
def analyser() -> TextAnalyser:
    return TextAnalyser(ToxicityScorer())


def found(analyser: TextAnalyser, text: str) -> dict[str, Signal]:
    return {signal.name: signal for signal in analyser.analyse(text)}


def fires(analyser: TextAnalyser, text: str, name: str, at_least: float = 0.5) -> Signal:
    signals = found(analyser, text)
    assert name in signals, f"{name} not found in {text!r}: {signals}"
    assert signals[name].score >= at_least, signals[name]
    return signals[name]


def quiet(analyser: TextAnalyser, text: str, name: str, below: float = 0.5) -> None:
    signal = found(analyser, text).get(name)
    assert signal is None or signal.score < below, f"{text!r} gave {signal}"


def test_signal_vocabulary_is_checked() -> None:
    assert "repeated" in SIGNAL_NAMES and "flood" in SIGNAL_NAMES
    with pytest.raises(ValueError):
        Signal("grooming", 0.5)
    with pytest.raises(ValueError):
        Signal("link", 1.5)


def test_at_most_one_signal_per_name(analyser: TextAnalyser) -> None:
    signals = analyser.analyse("add me on snap, my snap is cool_guy99, snapchat me")
    names = [s.name for s in signals]
    assert len(names) == len(set(names))


# -- personal data ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "call me at 555-123-4567",
        "my number is +44 7700 900123",
        "(212) 555 0199 text me",
        "five five five one two three four, text me",
        "5 5 5 1 2 3 4 5 6 7",
        "my # is 555 O1l2 345",
    ],
)
def test_phone_numbers(analyser: TextAnalyser, text: str) -> None:
    signal = fires(analyser, text, "pii_phone")
    assert signal.detail.startswith("digits=")
    assert "555" not in signal.detail


@pytest.mark.parametrize(
    "text", ["see you on 2024-06-11", "I scored 1500 points", "it costs 1,000,000", "at 10:30"]
)
def test_not_phone_numbers(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "pii_phone")


@pytest.mark.parametrize(
    "text",
    [
        "email me bob.smith@gmail.com",
        "bob at gmail dot com",
        "bob (at) yahoo (dot) com",
        "x[at]proton[dot]me",
    ],
)
def test_emails(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "pii_email")


def test_meeting_at_a_place_is_not_an_email(analyser: TextAnalyser) -> None:
    quiet(analyser, "see you at the park at noon", "pii_email")


@pytest.mark.parametrize(
    "text",
    [
        "I live at 12 Oak Street",
        "1600 pennsylvania ave",
        "jalan merdeka no 5",
        "i live on maple road",
    ],
)
def test_addresses(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "pii_address")


def test_distance_is_not_an_address(analyser: TextAnalyser) -> None:
    quiet(analyser, "I ran 5 miles down main street", "pii_address")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("@coolguy_99", "kind=at"),
        ("my snap is cool_guy99", "app=snapchat"),
        ("my ig: sunny.days", "app=instagram"),
        ("add my discord moon#4821", "app=discord"),
    ],
)
def test_handles(analyser: TextAnalyser, text: str, detail: str) -> None:
    signal = fires(analyser, text, "pii_handle")
    assert signal.detail == detail


def test_handle_detail_never_holds_the_handle(analyser: TextAnalyser) -> None:
    for signal in analyser.analyse("my snap is cool_guy99 and @coolguy_99"):
        assert "cool" not in signal.detail


def test_email_is_not_a_handle(analyser: TextAnalyser) -> None:
    quiet(analyser, "bob@gmail.com", "pii_handle")


def test_snap_is_down_is_not_a_handle(analyser: TextAnalyser) -> None:
    quiet(analyser, "my snap is down again", "pii_handle")


# -- off platform -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "app"),
    [
        ("add me on snapchat", "snapchat"),
        ("add me on s n a p c h a t", "snapchat"),
        ("add me on Sn@pCh4t", "snapchat"),
        ("whats ur sc", "snapchat"),
        ("dm me on insta", "instagram"),
        ("lets move to telegram", "telegram"),
        ("do u have kik?", "kik"),
        ("k1k me", "kik"),
        ("wh@ts@pp me", "whatsapp"),
        ("can we talk on discord", "discord"),
        ("hit me up on line", "line"),
        ("what's your signal", "signal"),
        ("add me on wechat", "wechat"),
        ("join t.me/somewhere", "telegram"),
    ],
)
def test_off_platform_requests(analyser: TextAnalyser, text: str, app: str) -> None:
    signal = fires(analyser, text, "off_platform", 0.6)
    assert signal.detail.startswith(f"app={app}")


@pytest.mark.parametrize(
    "text",
    [
        "text me",
        "give me your number",
        "whats ur number",
        "lets talk somewhere more private",
        "can we chat somewhere else",
    ],
)
def test_generic_off_platform_requests(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "off_platform", 0.6)


@pytest.mark.parametrize(
    "text",
    [
        "I use instagram for photography",
        "I use discord for gaming with my brother",
        "my friends and i have a group chat on whatsapp",
        "I'm on discord a lot for my study group",
        "let's keep it anonymous, call me blue",
        "the signal on this train is terrible",
        "stand in line please",
        "oh snap",
    ],
)
def test_app_mentions_are_not_requests(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "off_platform")


def test_bare_mention_is_weak_but_named(analyser: TextAnalyser) -> None:
    signal = fires(analyser, "I use instagram for photography", "off_platform", 0.1)
    assert signal.score < 0.5
    assert signal.detail == "app=instagram;mention"


# -- ages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "how old r u",
        "how old are you?",
        "hw old r u",
        "asl?",
        "a/s/l",
        "age?",
        "u 18?",
        "r u over 18",
        "whats ur age",
        "what grade are you in",
        "h0w 0ld r u",
        "cuantos años tienes",
        "umur kamu berapa",
    ],
)
def test_age_questions(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "age_question")


@pytest.mark.parametrize(
    "text", ["how old is your dog", "the old town is nice", "what an age we live in"]
)
def test_not_age_questions(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "age_question")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("im 14", 14),
        ("I'm 14 and bored", 14),
        ("i am fourteen", 14),
        ("i'm twenty five", 25),
        ("14 f", 14),
        ("14f here", 14),
        ("f/15", 15),
        ("14yo", 14),
        ("im a 14 year old girl", 14),
        ("turning 15 next week", 14),
        ("i just turned 15", 15),
        ("in 9th grade", 14),
        ("i'm in year 10", 14),
        ("I'm 16 and my exams are hard", 16),
        ("tengo 14 años", 14),
        ("umurku 15", 15),
        ("I'm 25 and work in IT", 25),
        ("19 m", 19),
        ("turning 18 tomorrow", 17),
        # in words from 20 to 69, with fillers, as a noun
        ("en realidad tengo treinta y cuatro años", 34),
        ("tenho trinta e dois anos", 32),
        ("Sebenarnya aku sudah dua puluh lima tahun", 25),
        ("Ich bin in Wirklichkeit dreiunddreißig", 33),
        ("saya berumur 25", 25),
        ("aku sbnrnya 14 thn", 14),
        ("bin eigentlich erst 15", 15),
        # "bin" is always "I am", wherever it stands, and in dialect
        ("nee, bin 16 und in der Zehnten", 16),
        ("übrigens bin ich erst 14", 14),
        ("bin eig 15, sorry", 15),
        ("i bin 19, passt scho", 19),
        ("ick bin 34", 34),
        ("ich bi 13", 13),
        # Indonesian "still", "only" and short pronouns
        ("btw aku masih 15 hehe", 15),
        ("sy 13 sih", 13),
        ("gw cuma 14 kok", 14),
        ("soy un chico de 15", 15),
        ("sou menina de 14", 14),
    ],
)
def test_age_disclosures(analyser: TextAnalyser, text: str, age: int) -> None:
    name = "age_disclosure_minor" if age < 18 else "age_disclosure_adult"
    signal = fires(analyser, text, name)
    assert signal.detail == f"age={age}"


@pytest.mark.parametrize(
    "text",
    [
        "my sister is 14",
        "my sister is 14 years old",
        "my brother is turning 15",
        "I'm 14 minutes late",
        "im 5 foot 6",
        "i'm 5'7",
        "im 100% sure",
        "I'm 20 min away",
        "im 12 days sober",
        "my son just turned 13",
        "I teach 9th grade",
        "the bin has 15 bags",
        "soy de 15 de mayo",
        "tengo dos perros",
        "aku sudah makan",
        "ich bin schon fünfzig Mal gestorben",
        "bin in 10 min da",
        "ich bin 2 mal durchgefallen",
        "throw it in bin 15",
        "aku masih 5 menit lagi",
        "aku cuma 3 hari di sana",
    ],
)
def test_not_self_disclosures(analyser: TextAnalyser, text: str) -> None:
    signals = found(analyser, text)
    assert "age_disclosure_minor" not in signals, signals
    assert "age_disclosure_adult" not in signals, signals


def test_bare_number_is_a_weak_disclosure(analyser: TextAnalyser) -> None:
    signal = fires(analyser, "14", "age_disclosure_minor", 0.4)
    assert signal.score < 0.6
    assert signal.detail == "age=14;bare"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("15 lol", 15),
        ("15 u?", 15),
        ("16 and u", 16),
        ("14 hbu", 14),
        ("15 y tú?", 15),
        ("quince y vos", 15),
        ("15 e vc?", 15),
        ("15 jahre und du", 15),
        ("15 kamu?", 15),
        ("15 years", 15),
        ("22 lol", 22),
        ("la neta 15, puse q era mayor", 15),
        ("15 tbh i kno im not suposed to be here", 15),
        ("honestly 15 lol", 15),
        ("tbh 14", 14),
        ("honestly, 15", 15),
    ],
)
def test_an_answer_with_a_laugh_or_the_question_back_is_a_bare_number(
    analyser: TextAnalyser, text: str, age: int
) -> None:
    [signal] = [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]
    assert signal.detail == f"age={age};bare"


@pytest.mark.parametrize(
    "text", ["15 mins lol", "15 kills lol", "15 minutes", "15 jahre verheiratet", "15 euro u?"]
)
def test_a_number_with_another_unit_is_no_answer(analyser: TextAnalyser, text: str) -> None:
    assert not [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]


def test_an_answer_with_its_unit_is_read_as_said_outright(analyser: TextAnalyser) -> None:
    for text in ("15 tahun kamu?", "15 anos e vc", "15 años y tú?"):
        [signal] = [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]
        assert signal.detail == "age=15" and signal.score >= 0.8, text


def test_minor_claims(analyser: TextAnalyser) -> None:
    assert fires(analyser, "im underage", "age_disclosure_minor").detail == "claim=minor"


# -- pictures, secrecy, meeting, sexual ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "send pics",
        "send me a pic",
        "show me a pic",
        "got any photos?",
        "cam?",
        "turn on ur cam",
        "pic for pic?",
        "can i see what you look like",
        "s3nd p1cs",
        "send a selfie",
        "kirim foto dong",
        "mandame una foto",
    ],
)
def test_picture_requests(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "picture_request")


@pytest.mark.parametrize(
    "text", ["show me a pic of your dog", "send the photo of the homework", "I love photography"]
)
def test_innocent_pictures(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "picture_request")


@pytest.mark.parametrize(
    "text",
    [
        "don't tell anyone",
        "dont tell ur mom about me",
        "this is our little secret",
        "keep this between us",
        "delete this chat",
        "is anyone around?",
        "are your parents home",
        "r u alone",
        "nobody has to know",
        "d o n t tell anyone",
        "jangan bilang siapa siapa",
    ],
)
def test_secrecy(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "secrecy")


@pytest.mark.parametrize("text", ["don't tell me the ending!", "the secret ingredient is love?"])
def test_not_secrecy(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "secrecy", below=0.85)


@pytest.mark.parametrize(
    "text",
    [
        "lets meet up",
        "we should meet irl",
        "i can pick you up",
        "ill pick u up after school",
        "whats ur address",
        "wanna hang out sometime",
    ],
)
def test_meet_requests(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "meet_request")


@pytest.mark.parametrize(
    "text",
    [
        "where do you live",
        "where do u live?",
        "what school do you go to",
        "donde vives",
        "where do you live, roughly? like which country",
    ],
)
def test_where_a_stranger_lives_weighs_a_little(analyser: TextAnalyser, text: str) -> None:
    # What strangers of any age ask each other: found, for the conversation's
    # risk, but under PRESENT, so never a step of a pattern on its own.
    signal = fires(analyser, text, "meet_request", at_least=ASK_WHERE)
    assert signal.score < PRESENT


def test_meet_near_misses(analyser: TextAnalyser) -> None:
    quiet(analyser, "nice to meet you", "meet_request")


@pytest.mark.parametrize(
    "text", ["send nudes", "s3xy", "what are you wearing", "are you horny", "nuuudes"]
)
def test_sexual(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "sexual")


@pytest.mark.parametrize("text", ["I live in essex", "cocktail party tonight", "sussex is lovely"])
def test_not_sexual(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "sexual", below=0.01)


# -- links and toxicity ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "visit www.spam.biz now",
        "https://example.org/x",
        "go to bit.ly/3xYz",
        "check out example dot com",
        "example(dot)com",
        "discord.gg/abc",
    ],
)
def test_links(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "link")


@pytest.mark.parametrize("text", ["e.g. this", "i.e. that", "ok. com on", "bob@gmail.com"])
def test_not_links(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "link")


@pytest.mark.parametrize(
    "text", ["you are a stupid idiot", "kill your self", "k y s", "eres un idiota", "dasar goblok"]
)
def test_toxicity(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "toxicity")


@pytest.mark.parametrize("text", ["hello there friend", "what a lovely day", "I love my dog"])
def test_not_toxic(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "toxicity")


def test_benign_message_has_no_signals(analyser: TextAnalyser) -> None:
    assert analyser.analyse("I love playing football with my friends on weekends") == []


def test_detail_never_contains_the_text(analyser: TextAnalyser) -> None:
    text = "my number is 555 123 4567 and email bob@gmail.com, I live at 12 Oak Street"
    for signal in analyser.analyse(text):
        for piece in ("555", "bob", "gmail", "oak", "4567"):
            assert piece not in signal.detail.casefold(), signal


# -- grooming's steps in more words and languages ---------------------------------


@pytest.mark.parametrize(
    ("text", "name", "at_least"),
    [
        # talking when the partner's parents sleep
        ("when your parents are asleep we can talk", "isolation", 0.8),
        ("hablemos cuando tus papás duerman", "isolation", 0.8),
        ("quando os teus pais já estiverem a dormir", "isolation", 0.8),
        ("nanti malem chat pas mama kamu tidur", "isolation", 0.8),
        ("wir schreiben, wenn deine Eltern schlafen", "isolation", 0.8),
        # nobody has to find out
        ("nadie tiene por qué saber que hablamos", "secrecy", 0.85),
        ("ninguém precisa de saber que falámos", "secrecy", 0.85),
        ("ga ada yg perlu tau kita ngobrol", "secrecy", 0.85),
        ("muss ja keiner wissen, dass wir geschrieben haben", "secrecy", 0.85),
        ("mejor no le digas de mí", "secrecy", 0.85),
        ("jangan kasih tau soal gue ya", "secrecy", 0.85),
        ("delete this after ok", "secrecy", 0.85),
        ("u home alone rn?", "secrecy", 0.85),
        ("está sozinha agora?", "secrecy", 0.85),
        # a video call proposed
        ("hazme una videollamada esta noche", "picture_request", 0.8),
        ("lass uns vorher mal per videocall reden", "picture_request", 0.8),
        ("we can vc on disc", "picture_request", 0.8),
        # a camera asked about: a step, not yet a request
        ("got a camera? would love to see you", "picture_request", 0.5),
        ("¿tienes cámara en el computador?", "picture_request", 0.5),
        ("hast du ne kamera?", "picture_request", 0.5),
    ],
)
def test_grooming_steps_in_more_words(
    analyser: TextAnalyser, text: str, name: str, at_least: float
) -> None:
    fires(analyser, text, name, at_least)


@pytest.mark.parametrize(
    "text",
    [
        "i was home alone all weekend",
        "i got a camera for christmas",
        "i sleep when my parents are asleep",
        "nadie sabe la respuesta",
        "i felt so alone tonight",
        # someone else alone, not the partner
        "fala com o miúdo, ele deve achar que está sozinho nisto",
        "ella está sola en casa desde que se fue su madre",
    ],
)
def test_own_life_is_no_grooming_step(analyser: TextAnalyser, text: str) -> None:
    for name in ("secrecy", "isolation", "picture_request"):
        quiet(analyser, text, name)


def test_a_camera_question_stays_under_the_teens_rule(analyser: TextAnalyser) -> None:
    # it counts towards a pattern (PRESENT) but holds nothing alone
    assert fires(analyser, "do you have a camera", "picture_request").score < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "send me a p i c with no clothes",
        "schick mir n b i l d ohne klamotten",
        "Schick mir ein Nacktfoto.",
        "ich will dich ohne Kleidung sehen",
        "me encantaría verte desnuda",
        "ingin melakukan video call telanjang dengan Anda",
        "quiero que me mostrí las tetas por cámara",
        "te mando una foto del pico",
        "mientras me masturbo",
        "im rock hard just typing this",
        "I would describe how I would undress you",
    ],
)
def test_explicit_without_a_crude_word(analyser: TextAnalyser, text: str) -> None:
    fires(analyser, text, "sexual", 0.95)


@pytest.mark.parametrize(
    "text",
    [
        "i went to the beach without a shirt",
        "the video call was so awkward",
        "i want to see you",
        "we learned about masturbation in health class",
    ],
)
def test_ordinary_words_near_them_are_not_explicit(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "sexual", below=0.85)


@pytest.mark.parametrize(
    "text",
    [
        "wanna make 5k a week from ur phone? dm my telegram @passive_income_guru",
        "Mein Coach zeigt dir, wie du 500€ am Tag verdienst. Schreib ihm auf Telegram",
        "earn 500 a day, dm me",
    ],
)
def test_an_income_pitch_with_a_way_to_answer_is_an_advert(
    analyser: TextAnalyser, text: str
) -> None:
    fires(analyser, text, "promo", 0.8)


@pytest.mark.parametrize(
    "text", ["i make 5k a month at my job lol", "i make 500 a week at the shop"]
)
def test_a_wage_is_no_advert(analyser: TextAnalyser, text: str) -> None:
    quiet(analyser, text, "promo", below=0.8)


@pytest.mark.parametrize(
    ("text", "app"),
    [
        ("kita pindah ke aplikasi hijau saja", "whatsapp"),
        ("add me on the ghost app", "snapchat"),
    ],
)
def test_apps_by_their_slang_names(analyser: TextAnalyser, text: str, app: str) -> None:
    assert f"app={app}" in fires(analyser, text, "off_platform", 0.6).detail


@pytest.mark.parametrize(
    "text",
    [
        # regional insults in a second-person frame
        "mate you're a fuckwit",
        "Du bist so a Oaschloch, echt",
        "Du bisch so en Tubel",
        "jancok koen",
        "sos un gil bárbaro",
        # where the partner can be found, a beating promised
        "te voy a ir a buscar a la salida",
        "cállate weón, sé en qué liceo estai",
        "tak parani omahmu",
        "Ich find use wo du wohnsch",
        "eu sei onde tu estuda",
        # nobody would miss them
        "nobody is gonna miss you",
        "Tidak ada yang akan merindukan Anda",
        "die Welt wäre besser ohne dich",
    ],
)
def test_regional_insults_and_threats_are_directed(analyser: TextAnalyser, text: str) -> None:
    found = [s for s in analyser.analyse(text) if s.name == "toxicity"]
    assert found and found[0].score >= 0.9, found
