"""The shipped policy per section, in English, Spanish, Indonesian, Portuguese
and German: one test per class of failure, each with hard negatives.

Messages go through the analyser as the server runs it (quiet path, gate,
detectors) and then the default policy, so a test fails when either a
pattern or a rule stops doing what it names. The examples are written for
these tests, not taken from any evaluation corpus.
"""

from __future__ import annotations

import pytest

from passerby.safety.policy import load_policy
from passerby.safety.risk import ConversationRisk
from passerby.safety.text import TextAnalyser

POLICY = load_policy()


def _outcome(analyser: TextAnalyser, text: str, section: str, strikes: int = 0) -> object:
    signals = analyser.analyse(text)
    return POLICY.evaluate(signals, section, strikes={"spam": strikes, "sexual": strikes})


def _acted(analyser: TextAnalyser, text: str, section: str) -> bool:
    outcome = POLICY.evaluate(analyser.analyse(text), section)
    return outcome.delivery != "allow" or bool(outcome.decisions)


# -- adverts and link bots --------------------------------------------------------

ADVERTS = [
    "check out my page, link in bio",
    "follow me on instagram for daily tips",
    "free coins at coinsfree.xyz",
    "Earn $500 a day from home, ask me how",
    "crypto signals group, guaranteed profits, dm me",
    "my onlyfans is open babe",
    "add me for nudes",
    "hot singles in your area: meetsingles.online",
    "Click here: tinyurl.com/freeiphone16",
    "gana dinero desde casa, escríbeme",
    "sígueme en tiktok porfa",
    "robux gratis aquí",
    "dapatkan uang dari rumah, chat aku",
    "jual pulsa gratis kuota",
    "ganhe dinheiro em casa, clique aqui",
    "me segue no insta, link na bio",
    "verdiene 500 euro am tag von zuhause",
    "folg mir auf tiktok",
    "vendo pack de fotos",
    "visit example dot com for cheap watches",
]


@pytest.mark.parametrize("text", ADVERTS)
@pytest.mark.parametrize("section", ["adults", "teens"])
def test_an_advert_is_held_at_its_first_line(gated: TextAnalyser, text: str, section: str) -> None:
    outcome = _outcome(gated, text, section)
    assert outcome.delivery == "hold", (text, gated.analyse(text))  # type: ignore[attr-defined]


def test_the_third_advert_ends_the_chat_with_a_ban(gated: TextAnalyser) -> None:
    outcome = _outcome(gated, "free robux at robuxnow.xyz", "adults", strikes=2)
    actions = {d.action for d in outcome.decisions}  # type: ignore[attr-defined]
    assert {"hold", "end_chat", "temp_ban", "review_case"} <= actions
    first = _outcome(gated, "free robux at robuxnow.xyz", "adults")
    assert "temp_ban" not in {d.action for d in first.decisions}  # type: ignore[attr-defined]


NOT_ADVERTS = [
    "i lost so much money on crypto lol",
    "check out this song youtube.com/watch?v=dQw4w9WgXcQ",
    "do you follow any football on tv?",
    "my page for school is so boring",
    "I work from home too, it's nice",
    "free time? I mostly play games",
    "i get paid on friday",
    "eu trabalho em casa também",
    "ich arbeite heute von zuhause, langweilig",
    "aku suka main game gratis",
    "mi mamá trabaja desde casa",
]


@pytest.mark.parametrize("text", NOT_ADVERTS)
def test_talk_about_money_apps_and_links_is_not_an_advert(gated: TextAnalyser, text: str) -> None:
    assert not _acted(gated, text, "adults"), gated.analyse(text)


# -- sexual content by section ----------------------------------------------------

EXPLICIT = [
    "send nudes",
    "wanna fuck tonight?",
    "im so horny rn",
    "suck my dick",
    "quieres tener sexo?",
    "mándame el pack",
    "kirim foto bugil dong",
    "aku lagi sange",
    "me manda nudes",
    "quer transar comigo?",
    "schick mir nacktbilder",
    "willst du ficken?",
]


@pytest.mark.parametrize("text", EXPLICIT)
def test_explicit_sexual_messages_are_held_in_both_sections(gated: TextAnalyser, text: str) -> None:
    adults = _outcome(gated, text, "adults")
    assert adults.delivery == "hold", gated.analyse(text)  # type: ignore[attr-defined]
    assert "adults-sexual" in {d.rule for d in adults.decisions}  # type: ignore[attr-defined]
    teens = _outcome(gated, text, "teens")
    assert teens.delivery == "hold"  # type: ignore[attr-defined]


FLIRTING = [
    "what are you wearing?",
    "you look hot in that jacket haha",
    "you have a lovely smile",
    "wanna grab a drink sometime? i mean if we lived close lol",
    "sex ed at my school was useless",
    "that movie had a weird naked scene",
    "eres muy guapa",
    "kamu cantik banget",
    "você é linda",
    "du bist süß",
]


@pytest.mark.parametrize("text", FLIRTING)
def test_flirting_and_talk_about_sex_are_allowed_between_adults(
    gated: TextAnalyser, text: str
) -> None:
    assert not _acted(gated, text, "adults"), gated.analyse(text)


def test_sexual_content_in_teens_is_held_and_reviewed_before_any_ban(gated: TextAnalyser) -> None:
    first = _outcome(gated, "im so horny", "teens")
    actions = {d.action for d in first.decisions}  # type: ignore[attr-defined]
    assert {"hold", "review_case"} <= actions and "temp_ban" not in actions
    again = _outcome(gated, "im so horny", "teens", strikes=1)
    assert {"end_chat", "temp_ban"} <= {d.action for d in again.decisions}  # type: ignore[attr-defined]


# -- insults and threats aimed at the partner -------------------------------------

DIRECTED = [
    "I will find you",
    "i know where you live",
    "nobody likes you",
    "you're worthless",
    "eres un idiota",
    "eres una puta",
    "cállate pendejo",
    "te voy a encontrar",
    "mátate",
    "kamu bodoh banget",
    "goblok lu",
    "dasar anjing",
    "mati aja lu",
    "você é um lixo",
    "seu idiota",
    "vai se matar",
    "cala a boca, seu lixo",
    "du bist so ein Idiot",
    "du bist so hässlich",
    "du Opfer",
    "halt die Fresse",
    "ich weiß wo du wohnst",
    "bring dich um",
]


# Telling the partner to shut up: rude, counted (a toxicity signal for the
# transcript and the risk), but not held on its own.
SHUT_UP = ["cala a boca", "cállate", "halt die Klappe", "tutup mulut", "shut up"]


@pytest.mark.parametrize("text", SHUT_UP)
def test_a_plain_shut_up_is_counted_not_held(gated: TextAnalyser, text: str) -> None:
    signals = {s.name: s.score for s in gated.analyse(text)}
    assert 0.5 <= signals["toxicity"] < 0.9
    assert _outcome(gated, text, "adults").delivery == "allow"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", DIRECTED)
@pytest.mark.parametrize("section", ["adults", "teens"])
def test_insults_and_threats_at_the_partner_are_held(
    gated: TextAnalyser, text: str, section: str
) -> None:
    outcome = _outcome(gated, text, section)
    assert outcome.delivery == "hold", gated.analyse(text)  # type: ignore[attr-defined]
    assert "harassment" in {d.rule for d in outcome.decisions}  # type: ignore[attr-defined]


SWEARING = [
    "puta madre, perdí otra vez",
    "esta mierda de juego",
    "anjing kalah lagi",
    "bangsat, lag terus",
    "porra, perdi de novo",
    "que merda de jogo",
    "scheiße, schon wieder verloren",
    "dieses spiel ist so scheiße",
    "ich finde dich toll",
    "i will find you on the map, wait",
    "eres muy tonta jajaja",
    "kamu bego banget wkwk",
    "você é muito bobo kkkk",
    "du bist so doof haha",
]


@pytest.mark.parametrize("text", SWEARING)
def test_swearing_at_a_game_and_teasing_are_not_held(gated: TextAnalyser, text: str) -> None:
    assert not _acted(gated, text, "teens"), gated.analyse(text)


# -- grooming steps in Portuguese and German, and paraphrases ---------------------

# (speaker a's lines to a teen, in order); each conversation must escalate.
GROOMING = {
    "pt": [
        "oi, quantos anos você tem?",
        "você é muito madura pra sua idade",
        "seus pais olham seu celular?",
        "não conta pra ninguém que a gente conversa",
    ],
    "de": [
        "hey wie alt bist du?",
        "du bist so reif für dein alter",
        "kontrollieren deine eltern dein handy?",
        "sag es niemandem, das bleibt unter uns",
    ],
    "es": [
        "cuántos años tienes?",
        "eres diferente a las demás",
        "nadie te entiende como yo",
        "borra el chat después",
    ],
    "id": [
        "umur kamu berapa?",
        "kamu beda dari yang lain",
        "ortu kamu suka cek hp kamu?",
        "ini rahasia kita ya",
    ],
    "en": [
        "how old are you",
        "you seem way older than you are",
        "your friends don't get you like i do",
        "you can tell me anything",
    ],
}


@pytest.mark.parametrize("lang", sorted(GROOMING))
def test_grooming_escalates_before_the_fifth_message(gated: TextAnalyser, lang: str) -> None:
    risk = ConversationRisk("teens")
    escalated_at = None
    for i, line in enumerate(GROOMING[lang], 1):
        update = risk.observe("a", gated.analyse(line))
        if i == 1:
            risk.observe("b", gated.analyse("14"))
        if update.escalate and escalated_at is None:
            escalated_at = i
    assert escalated_at is not None and escalated_at <= 4, lang


@pytest.mark.parametrize(
    "text",
    ["tenho 25 anos", "ich bin 27", "tengo 30 años"],
)
def test_an_adult_age_in_portuguese_or_german_is_an_adult_disclosure(
    gated: TextAnalyser, text: str
) -> None:
    names = {s.name for s in gated.analyse(text)}
    assert "age_disclosure_adult" in names


PEER_TALK = [
    ("quantos anos você tem?", "15", "eu também! você gosta da escola?"),
    ("wie alt bist du?", "14", "ich auch, welche klasse bist du?"),
    ("umur kamu berapa?", "15", "sama! kamu main roblox?"),
    ("how old r u", "14", "same, my parents are so strict lol"),
    ("que juegos te gustan?", "minecraft", "yo también, mis padres me dejan jugar una hora"),
]


@pytest.mark.parametrize("lines", PEER_TALK)
def test_peer_small_talk_among_teens_does_not_escalate(
    gated: TextAnalyser, lines: tuple[str, str, str]
) -> None:
    risk = ConversationRisk("teens")
    a, b, a2 = lines
    updates = [
        risk.observe("a", gated.analyse(a)),
        risk.observe("b", gated.analyse(b)),
        risk.observe("a", gated.analyse(a2)),
    ]
    assert not any(u.escalate for u in updates)
    for text in lines:
        assert not _acted(gated, text, "teens"), (text, gated.analyse(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("me chama no zap", "off_platform"),
        ("schreib mir auf snap", "off_platform"),
        ("lass uns auf telegram schreiben", "off_platform"),
        ("meu insta é joao_22", "pii_handle"),
        ("mein snap ist lena_08", "pii_handle"),
        ("du bist echt hübsch für dein alter", "flattery"),
        ("wir können uns treffen wenn du willst", "meet_request"),
    ],
)
def test_moving_elsewhere_and_handles_in_portuguese_and_german(
    gated: TextAnalyser, text: str, name: str
) -> None:
    found = {s.name: s.score for s in gated.analyse(text)}
    assert found.get(name, 0.0) >= 0.6, found


def test_a_teen_added_on_an_app_with_flattery_escalates_in_german(gated: TextAnalyser) -> None:
    risk = ConversationRisk("teens")
    risk.observe("a", gated.analyse("du bist echt hübsch für dein alter"))
    assert risk.observe("a", gated.analyse("schreib mir auf snap")).escalate


# -- suggestive words among teens ------------------------------------------------

TEEN_TALK = [
    "we went to the lake and i forgot my bikini lol",
    "my first kiss was so awkward haha",
    "she's so sexy in that music video, i want her hair",
    "mi prima compró un bikini nuevo para el viaje",
    "aku belum pernah pacaran, masih perawan hati wkwk",
]


@pytest.mark.parametrize("text", TEEN_TALK)
def test_suggestive_words_alone_are_not_held_among_teens(gated: TextAnalyser, text: str) -> None:
    outcome = POLICY.evaluate(gated.analyse(text), "teens")
    assert outcome.delivery == "allow"


@pytest.mark.parametrize(
    "text", ["send me nudes", "wanna have sex with me", "manda nudes", "kirim foto bugil dong"]
)
def test_sexual_requests_are_held_among_teens(gated: TextAnalyser, text: str) -> None:
    assert POLICY.evaluate(gated.analyse(text), "teens").delivery == "hold"
