"""Ordinary talk that looks like harm from one message, through the shipped policy.

Each class here is a way moderation used to act on chats a human moderator
lets pass: a chat about online safety that names grooming's steps, peers
asking where each other lives, the Portuguese "vc" ("você"), a shut-up
laughed off, swearing in quotes or at someone absent, a recipe site shared
with "look", free goods talked about, and a news story about a
fifteen-year-old. Beside each, the harmful form the change must not let
through.
"""

from __future__ import annotations

import pytest
from tests.safety.chats import rules_acted

from passerby.core.signals import Signal
from passerby.safety.moderation import HOSTILE_FROM, ChatModerator, StrikeBook
from passerby.safety.policy import load_policy
from passerby.safety.risk import ConversationRisk
from passerby.safety.text.detectors import TextAnalyser
from passerby.safety.text.insults import UNDIRECTED_SCORE


@pytest.fixture(scope="module")
def analyser() -> TextAnalyser:
    return TextAnalyser()


def moderator(analyser: TextAnalyser, section: str) -> ChatModerator:
    return ChatModerator(analyser, load_policy(), section, StrikeBook(), ConversationRisk)


def acted(mod: ChatModerator, text: str) -> bool:
    """True when the shipped rules did anything at all about ``text``."""
    verdict = mod.outgoing(text, 0.0, 1e9)
    return verdict.outcome.delivery != "allow" or bool(verdict.outcome.decisions)


def delivery(analyser: TextAnalyser, section: str, text: str) -> str:
    """What a new chat in ``section`` does with ``text`` as its first line."""
    return moderator(analyser, section).outgoing(text, 0.0, 1e9).outcome.delivery


def names(analyser: TextAnalyser, text: str) -> dict[str, float]:
    return {s.name: s.score for s in analyser.analyse(text)}


def not_hostile(analyser: TextAnalyser, text: str) -> None:
    """Not held, and not counted as hostile either: a second hostile line in
    a chat is held."""
    assert names(analyser, text).get("toxicity", 0.0) <= UNDIRECTED_SCORE
    assert not acted(moderator(analyser, "adults"), text)


def found_detail(analyser: TextAnalyser, text: str, name: str) -> str:
    """The detail of the first ``name`` signal ``text`` gives."""
    details = [s.detail for s in analyser.analyse(text) if s.name == name]
    assert details, f"no {name} in {text!r}"
    return details[0]


# -- a chat about online safety -------------------------------------------------

SAFETY_CHATS = [
    (
        "we had an assembly on online grooming today",
        "they said the red flags are when someone says you're mature for your age",
        "and when they want you to keep it secret and move to snap",
    ),
    (
        "hoy nos dieron una charla sobre grooming en el cole",
        "te regalan skins y después te piden pasar a otra app y que no le cuentes a nadie",
    ),
    (
        "tadi ada sosialisasi soal keamanan online di sekolah",
        "katanya pelaku suka muji kamu dewasa banget terus minta rahasiain chat",
    ),
    (
        "wir machen ein referat über cybergrooming",
        "wenn jemand will dass man alles geheim hält und auf eine andere app wechselt",
    ),
]


@pytest.mark.parametrize("lines", SAFETY_CHATS)
def test_a_chat_about_online_safety_may_name_groomings_steps(
    analyser: TextAnalyser, lines: tuple[str, ...]
) -> None:
    mod = moderator(analyser, "teens")
    assert not [line for line in lines if acted(mod, line)]


def test_the_partner_naming_the_topic_counts_too(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "teens")
    mod.incoming(analyser.analyse("our school did a workshop about grooming red flags"))
    assert not acted(mod, "like when they ask you to keep it secret from your parents")


def test_without_the_topic_the_same_steps_are_held(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "teens")
    assert acted(mod, "keep it secret from your parents and move to snap with me")


def test_naming_the_topic_does_not_hide_an_adult(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "teens")
    acted(mod, "did you have the online safety talk at school")
    verdict = mod.outgoing("im 27 btw", 0.0, 1e9)
    assert verdict.outcome.delivery == "hold"
    assert any(d.action == "child_safety_case" for d in verdict.outcome.decisions)


def test_a_story_told_about_a_stranger_is_not_a_request(analyser: TextAnalyser) -> None:
    story = "yesterday some guy on insta asked for a photo in my pyjamas"
    assert names(analyser, story).get("picture_request", 0.0) < 0.6
    assert names(analyser, "send me a photo in your pyjamas")["picture_request"] >= 0.6


@pytest.mark.parametrize(
    "story",
    [
        "ontem ele pediu pra eu mandar foto do meu quarto, isso é normal?",
        "ayer él quería que yo le mandara una foto de mi cuarto, es normal?",
        "gestern, er wollte dass ich ihm ein foto von meinem zimmer schicke, ist das normal?",
    ],
)
def test_a_stranger_story_told_with_he_makes_the_chat_about_safety(
    analyser: TextAnalyser, story: str
) -> None:
    # the friend's list of warning signs that follows is advice, not a request
    advice = "eles sempre começam legal: elogio, segredo, foto, dps quer encontrar"
    assert rules_acted(analyser, "teens", ("a", story), ("b", advice)) == []
    assert rules_acted(analyser, "teens", ("a", "oi"), ("b", advice)) != []


@pytest.mark.parametrize(
    "text",
    [
        "puede llamar a la línea 106 en Bogotá, atienden a pelados también",
        "vamos jogar umas peladas no domingo?",
    ],
)
def test_kids_and_football_games_called_pelados_are_not_nudity(
    analyser: TextAnalyser, text: str
) -> None:
    assert "sexual" not in names(analyser, text)
    assert names(analyser, "manda fotos peladas")["sexual"] >= 0.9


@pytest.mark.parametrize(
    "secret",
    [
        "keep this between us, its a surprise for jess",
        "no le digas a nadie, es una sorpresa para mi mamá",
        "não conta pra ninguém, é uma surpresa pra minha irmã",
        "jangan bilang siapa2 ya, ini kejutan buat ultah rina",
        "erzähl es niemandem, das ist eine überraschung für meine mutter",
    ],
)
def test_a_surprise_for_someone_else_is_a_secret_teens_may_keep(
    analyser: TextAnalyser, secret: str
) -> None:
    assert rules_acted(analyser, "teens", ("a", secret)) == []


@pytest.mark.parametrize(
    "secret",
    [
        "keep this between us, its a surprise for you",
        "keep it between us, surprise for when we meet",
        "dont tell your mom, its a surprise for her",
    ],
)
def test_a_surprise_for_the_partner_or_us_is_still_a_secret(
    analyser: TextAnalyser, secret: str
) -> None:
    assert "teens-pictures-or-meeting" in rules_acted(analyser, "teens", ("a", secret))


# -- peers' small talk ------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["where do you live?", "wo wohnst du?", "onde vc mora?", "kamu tinggal di mana?"]
)
def test_asking_where_a_peer_lives_is_small_talk(analyser: TextAnalyser, question: str) -> None:
    mod = moderator(analyser, "teens")
    mod.incoming(analyser.analyse("15, u?"))
    assert not acted(mod, "how old are you? im 15")
    assert not acted(mod, question)


def test_an_address_is_still_asked_for_in_words_of_its_own(analyser: TextAnalyser) -> None:
    assert names(analyser, "what's your home address")["meet_request"] >= 0.6


@pytest.mark.parametrize("text", ["oi, tudo e vc?", "de Salvador, e vc?"])
def test_vc_for_voce_is_no_video_call(analyser: TextAnalyser, text: str) -> None:
    assert "picture_request" not in names(analyser, text)


def test_vc_alone_is_still_asking_for_a_call(analyser: TextAnalyser) -> None:
    assert "picture_request" in names(analyser, "vc?")


# -- rude, not harassment ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "shut up 😭 what about u",
        "JAJAJAJA ya po cállate",
        "vsf kkkkk",
        "halt die klappe lol",
        "you're such an idiot lol",
        "my teacher gave us a test harder than the real one, sadistic bitch i swear",
        'then i screamed "fuck you i won\'t do what you tell me" at the respawn screen',
        'o outro falou "porra, vai tomar no cu" e continuou jogando',
        "shut up",
        # a lone exclamation, the partner excluded, someone else named, the
        # speaker among the insulted, a playful insult laughed
        "ANJIR",
        "bukan lo yg goblok ya, tim gue",
        "tomei capa de um hacker filho da puta do nada",
        "got absolutely destroyed by some sweaty cunt in ranked",
        "we r both idiots",
        "idiots unite 🤝",
        "what a bunch of idiots, they closed the skatepark again",
        "sialan lo wkwk",
        "tenho 15 seu otário, o nick é ironia kkkk",
        "ur joke was so funny",
        "you're joking",
        "ur a clown lol",
    ],
)
def test_banter_quotes_and_absent_targets_are_not_held(analyser: TextAnalyser, text: str) -> None:
    assert not acted(moderator(analyser, "teens"), text)


@pytest.mark.parametrize(
    "text",
    [
        "shut up you stupid bitch",
        "shut up du hässliche dumme kuh",
        "vete a la mierda",
        "you're a fucking loser",
        "keep talking and i'll post your address in the discord",
        "watch your back at school monday",
        "some daqui, ninguém sentiria falta",
        "goblok lu",
        "anjing lu",
        "you are such an idiot",
        "ur all idiots",
        "filho da puta, vou te achar",
        # British and US slang the model does not read; regional insults
        "ur such a muppet",
        "you absolute melt",
        "you're a joke",
        "erí un weón culiao",
        "sos un forro",
        "du oaschloch",
        # Manado and Javanese "you" and "your face"; an adverb between
        "diam jo ngana, anjing",
        "raimu paling elek",
        "lonte koyok koen",
        "muka lo tetep jelek",
        "km ga berguna",
        # the face or the body named with a copula; "nobody cares for you"
        "tu cara es fea",
        "sua cara é feia",
        "deine fresse ist hässlich",
        "ninguém liga pra vc",
    ],
)
def test_insults_and_threats_at_the_partner_are_held(analyser: TextAnalyser, text: str) -> None:
    assert delivery(analyser, "adults", text) == "hold", text


@pytest.mark.parametrize(
    "text",
    [
        "ngana dari mana?",
        "film e elek, ra sido nonton",
        "tu cara es muy bonita",
        "deine stimme ist so schön",
        "sua cara é de quem não dormiu kkk",
        "hp lo ga berguna buat main game berat",
    ],
)
def test_the_same_frames_without_an_insult_are_not_held(analyser: TextAnalyser, text: str) -> None:
    assert delivery(analyser, "adults", text) == "allow", text


# -- sharing, not advertising ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lleva pan remojado en leche. mira, esta receta es buena: www.recetasdecasa.pe/aji",
        "my son found some site promising free robux, scams everywhere",
        "pokoknya kalo ada yg ngasih diamond gratis pasti ada maunya",
    ],
)
def test_a_shared_site_or_talk_of_free_goods_is_not_an_advert(
    analyser: TextAnalyser, text: str
) -> None:
    assert not acted(moderator(analyser, "adults"), text)


@pytest.mark.parametrize(
    "text",
    [
        "FREE ROBUX click here",
        "free vbucks dm me",
        "check out www.hotdeals-now.biz",
        "🎮 GRATIS V-BUCKS 🎮 13.500 V-Bucks für die ersten 100!!",
    ],
)
def test_adverts_are_still_held(analyser: TextAnalyser, text: str) -> None:
    assert delivery(analyser, "adults", text) == "hold", text


# -- someone else's age --------------------------------------------------------------


def test_a_fifteen_year_old_in_the_news_is_no_disclosure(analyser: TextAnalyser) -> None:
    text = "a story in the paper about a 15 year old who was blackmailed after sending photos"
    assert "age_disclosure_minor" not in names(analyser, text)
    assert not acted(moderator(analyser, "adults"), text)


def test_a_speaker_of_fifteen_is_still_one(analyser: TextAnalyser) -> None:
    assert names(analyser, "im a 15 year old girl")["age_disclosure_minor"] >= 0.7


def test_one_put_down_is_counted_and_the_second_held(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "adults")
    first = mod.outgoing("your voice is embarrassing", 0.0, 1e9)
    assert first.outcome.delivery == "allow"
    assert any(s.name == "toxicity" and s.score >= 0.8 for s in first.signals)
    assert mod.outgoing("seriously nobody wants to see your face", 0.0, 1e9).outcome.delivery == (
        "hold"
    )


def test_a_new_chat_starts_without_hostility(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "adults")
    mod.outgoing("your voice is embarrassing", 0.0, 1e9)
    mod.new_chat()
    assert mod.outgoing("du machst dich lächerlich", 0.0, 1e9).outcome.delivery == "allow"


@pytest.mark.parametrize(
    "text",
    ["you're not ugly at all", "your drawing is so ugly haha jk", "this game is trash, u agree?"],
)
def test_denied_laughed_off_or_about_things_is_no_put_down(
    analyser: TextAnalyser, text: str
) -> None:
    mod = moderator(analyser, "adults")
    mod.outgoing("your voice is embarrassing", 0.0, 1e9)  # one hostile line already
    assert not acted(mod, text)


def test_the_semantic_tier_is_weighed_at_half_in_a_chat_about_safety(
    analyser: TextAnalyser,
) -> None:
    reading = Signal("semantic", 0.7, "chat")
    plain = moderator(analyser, "teens")
    assert plain.semantic(reading, True, 1e9) is not None  # a review case
    about = moderator(analyser, "teens")
    about.incoming(analyser.analyse("we had a class on grooming warning signs"))
    assert about.semantic(reading, True, 1e9) is None


# -- explicit without a crude word ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic with no clothes",
        "para ver si te animas a mandarme fotos sin ropa",
        "pap badan dong, yang ga pake baju",
        "me manda uma foto sem roupa",
        "schick mir ein foto von dir, gern ohne was an",
        "i'm touching myself thinking about you",
        "lust auf telefonsex?",
        "te mando una foto de mi pene",
    ],
)
def test_explicit_requests_and_offers_are_held_among_adults(
    analyser: TextAnalyser, text: str
) -> None:
    assert delivery(analyser, "adults", text) == "hold", text


def test_a_picture_of_a_nude_beach_is_not_held_among_adults(analyser: TextAnalyser) -> None:
    text = "the photo of the nude beach was blurry"
    assert delivery(analyser, "adults", text) != "hold"


def test_a_request_retold_is_not_held_among_teens(analyser: TextAnalyser) -> None:
    text = "ayer un tipo me pidió fotos en ropa interior, lo bloqueé al toque"
    assert delivery(analyser, "teens", text) != "hold"


# -- an advert's pitch ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i make like 50 bucks a week babysitting lol",
        "my mom works from home and earns okay",
        "my private page is a mess lol",
        "has sido elegido delegado de clase?",
    ],
)
def test_money_prizes_and_pages_in_ordinary_talk_are_not_adverts(
    analyser: TextAnalyser, text: str
) -> None:
    assert not acted(moderator(analyser, "adults"), text)


@pytest.mark.parametrize(
    "text",
    [
        "gano 3 millones de pesos semanales desde la casa, escríbele a mi coach",
        "sou um general aposentado, investimento seguro que rende 40% ao mês. Fale com ele",
        "🎉 GEWINNSPIEL 🎉 du hast eine PS5 gewonnen!!!",
        "SLOT GACOR HARI INI 🎰 maxwin dijamin",
        "I post all my spicy pics on my private page 😘",
        "chicas cerca tuyo 🔥 citashot.net",
        "lonely? real girls waiting... hotgirls (dot) cam/live",
    ],
)
def test_the_same_pitches_from_a_bot_are_held(analyser: TextAnalyser, text: str) -> None:
    assert delivery(analyser, "adults", text) == "hold", text


def test_a_long_line_pasted_again_is_a_bots(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "adults")
    line = "hello friend, are you interested in a great opportunity this week"
    assert mod.outgoing(line, 0.0, 1e9).outcome.delivery == "allow"
    again = mod.outgoing(line, 5.0, 1e9 + 5)
    assert any(s.name == "repeated" for s in again.signals)
    assert again.outcome.delivery == "hold"


def test_a_short_line_said_twice_is_not(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "adults")
    mod.outgoing("hello? are you there", 0.0, 1e9)
    assert not acted(mod, "hello? are you there")


# -- grooming's steps in other word orders -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("no les digas a tus viejos", "secrecy"),
        ("yaudah jangan bilang2 ya kita chat", "secrecy"),
        ("Aber sag's deinen Eltern nicht, die verstehen sowas nie.", "secrecy"),
        ("és muito madura para a tua idade", "flattery"),
        ("Du bist viel vernünftiger als die anderen Kinder auf dem Server.", "flattery"),
        ("honestly ur prettier than the girls in my grade lol", "flattery"),
        ("tienes buen gusto, mejor que la gente de mi edad", "flattery"),
        ("vc é mais bonita que as meninas da minha sala", "flattery"),
        ("km lbh enak diajak ngobrol dr temen sekolah sy", "flattery"),
        ("vc escreve super bem, parece mais velha", "flattery"),
        ("kamu sopan banget, kayak udah dewasa", "flattery"),
        ("relaxa, idade é só um número", "flattery"),
        ("Alter ist nur eine Zahl", "flattery"),
        ("umur cuma angka kok", "flattery"),
        ("pindah ke tele aja yuk", "off_platform"),
        ("veni al disc privado", "off_platform"),
        ("Komm auf meinen privaten Discord, da reden wir ungestört.", "off_platform"),
    ],
)
def test_grooming_steps_are_found_in_other_word_orders(
    analyser: TextAnalyser, text: str, name: str
) -> None:
    assert names(analyser, text).get(name, 0.0) >= 0.6, text


@pytest.mark.parametrize(
    "text",
    [
        "this pizza is better than the one at my school",
        "my school is better than your school lol",
        "ur better than the boys at football lol",
        "u r better than most people at fortnite fr",
        "the weather is better than last year",
    ],
)
def test_a_comparison_that_flatters_no_child_is_no_flattery(
    analyser: TextAnalyser, text: str
) -> None:
    assert "flattery" not in names(analyser, text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Ich bin übrigens erst fünfzehn.", 15),
        ("Eu tenho dezassete.", 17),
        ("tengo veinticuatro", 24),
    ],
)
def test_ages_in_words_are_read(analyser: TextAnalyser, text: str, age: int) -> None:
    found = [s for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]
    assert found and found[0].detail.startswith(f"age={age}")


def test_a_parents_question_weighs_a_little_and_ones_own_parents_nothing(
    analyser: TextAnalyser,
) -> None:
    assert 0 < names(analyser, "os teus pais sabem que falas aqui?")["isolation"] < 0.5
    assert "isolation" not in names(analyser, "my mom checks my phone every night")


@pytest.mark.parametrize(
    "text",
    [
        "Usted es un ignorante y un mediocre.",
        "Sie sind wirklich erbärmlich.",
        "Anda memang tidak berguna.",
        "O senhor é desprezível.",
    ],
)
def test_contempt_in_the_formal_register_counts(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("toxicity", 0.0) >= 0.8, text


def test_a_put_down_of_a_thing_beside_you_is_none(analyser: TextAnalyser) -> None:
    assert "toxicity" not in names(analyser, "the movie was mediocre, you should skip it")


# -- a stranger's story, and a request in quotes ------------------------------------


def test_a_story_about_a_stranger_makes_what_follows_retold(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "teens")
    assert not acted(mod, "pernah, minggu lalu di ml ada om-om nawarin diamond 500")
    assert not acted(mod, "tapi katanya harus kirim foto dulu ke wa dia")
    # the same request, with no story before it, is acted on
    assert acted(moderator(analyser, "teens"), "kirim foto dulu ke wa aku")


def test_a_request_inside_quotes_is_someone_elses(analyser: TextAnalyser) -> None:
    quoted = 'sim ele falou "não conta pra ninguém, vai ser nosso segredo" 🤢'
    assert not acted(moderator(analyser, "teens"), quoted)
    assert acted(moderator(analyser, "teens"), "não conta pra ninguém, vai ser nosso segredo")


def test_free_goods_named_in_a_chat_about_online_safety_are_no_advert(
    analyser: TextAnalyser,
) -> None:
    mod = moderator(analyser, "teens")
    assert not acted(mod, "tadi di sekolah ada sosialisasi soal keamanan online")
    assert not acted(mod, "terus ngasih skin atau diamond gratis, trus ngajak pindah ke wa")
    # the same bait from a bot, in a chat about nothing, is held
    assert acted(moderator(analyser, "teens"), "diamond gratis 💎 ambil di wa aku sekarang")


def test_a_teens_own_secret_is_not_held_but_counts_beside_another_step(
    analyser: TextAnalyser,
) -> None:
    teen = moderator(analyser, "teens")
    teen.incoming(analyser.analyse("did u talk to him?"))
    assert not acted(teen, "pls dont tell anyone lol")
    # The same words from a speaker who asked the partner's age are a step of
    # a pattern: the chat escalates.
    stranger = moderator(analyser, "teens")
    assert stranger.outgoing("how old are you", 0.0, 1e9).outcome.delivery == "allow"
    stranger.incoming(analyser.analyse("14"))
    verdict = stranger.outgoing("pls dont tell anyone lol", 0.0, 1e9)
    assert verdict.outcome.delivery == "hold"
    assert "teens-adult-pattern" in {d.rule for d in verdict.outcome.decisions}


def test_an_age_given_with_the_school_year_closes_the_question(
    analyser: TextAnalyser,
) -> None:
    # The game level said later answers no age question: both ages were
    # given in words, with the school year.
    turns = [
        ("a", "quantos anos tu tem?"),
        ("b", "13, 8º ano. e tu?"),
        ("a", "14, 9º. joga o que?"),
        ("b", "roblox e ff"),
        ("a", "eu jogo ff todo dia kkkk qual teu nível"),
        ("b", "62, sou ruim de capa ainda"),
    ]
    assert rules_acted(analyser, "teens", *turns) == []
    # The control: the same level given to the open question is an adult's age.
    assert "teens-adult-pattern" in rules_acted(analyser, "teens", turns[0], turns[-1])


def test_a_number_after_i_answers_the_question_asked(analyser: TextAnalyser) -> None:
    # Minutes of practice, compared: "yo 30" answers no age question.
    minutes = [
        ("a", "cuánto practicas al día?"),
        ("b", "como 45 min, mi madre me pone un temporizador"),
        ("a", "yo 30 y ya me quejo jajaja"),
    ]
    assert rules_acted(analyser, "teens", *minutes) == []
    # Asked for an age, the same words are an adult's age in the teen section.
    asked = [("b", "cuántos años tienes?"), ("a", "tranqui, yo 32 y guardo secretos")]
    assert "teens-adult-pattern" in rules_acted(analyser, "teens", *asked)


@pytest.mark.parametrize("reply", ["2837461920", "512 883 0247", "sisi es 284719305"])
def test_a_game_id_sent_when_asked_for_is_no_phone_number(
    analyser: TextAnalyser, reply: str
) -> None:
    asked = ("a", "jugamos una?? pasame tu id")
    assert rules_acted(analyser, "teens", asked, ("b", reply)) == []
    # The control: the same digits, not asked for, are held as a phone number.
    assert "teens-personal-data" in rules_acted(analyser, "teens", ("b", reply))


def test_a_phone_number_given_after_an_id_was_asked_for_is_still_held(
    analyser: TextAnalyser,
) -> None:
    asked = ("a", "pasame tu id")
    number = ("b", "mejor escríbeme, mi número es 512 883 0247 y mi mamá no revisa")
    assert "teens-personal-data" in rules_acted(analyser, "teens", asked, number)
    # Asked for once: the next message only.
    later = rules_acted(analyser, "teens", asked, ("b", "va"), ("b", "512 883 0247"))
    assert "teens-personal-data" in later


def test_what_one_wears_to_an_occasion_is_no_flirting(analyser: TextAnalyser) -> None:
    turns = [
        ("a", "bro what are you wearing for the annual day"),
        ("b", "mummy is forcing me to wear the blue kurta"),
        ("a", "haha send pic na"),
    ]
    assert rules_acted(analyser, "teens", *turns) == []
    assert names(analyser, "what are you wearing rn").get("sexual", 0.0) >= 0.6


def test_a_story_goes_on_retold_in_the_next_line(analyser: TextAnalyser) -> None:
    story = ("a", 'ada om2 ngaku umur 17 di ml, trs nanya "umur brp? kelas brp? minta ig dong"')
    then = ("a", "trs lama2 minta foto kamu pake seragam sekolah")
    assert rules_acted(analyser, "teens", story, then) == []
    # A line that does not go on with it asks for a picture itself.
    asked = ("a", "kirim foto kamu pake seragam sekolah dong")
    assert "teens-adult-pattern" in rules_acted(analyser, "teens", story, asked)


def test_flattering_a_minor_opens_one_review_case_and_holds_nothing(
    analyser: TextAnalyser,
) -> None:
    for section in ("teens", "adults"):
        mod = moderator(analyser, section)
        mod.incoming(analyser.analyse("im 14 and in 9th grade"))
        first = mod.outgoing("wow you seem really mature for your age", 0.0, 1e9)
        assert first.outcome.delivery == "allow"
        assert [(d.rule, d.action) for d in first.outcome.decisions] == [
            ("minor-flattered", "review_case")
        ]
        # Once per chat.
        again = mod.outgoing("honestly so mature for 14", 0.0, 1e9)
        assert again.outcome.delivery == "allow" and not again.outcome.decisions
        # Between peers who said no age, the same words are a compliment.
        peers = moderator(analyser, section)
        assert not acted(peers, "wow you seem really mature for your age")


@pytest.mark.parametrize("text", ["b1l4nG aj4 y4", "ak s4y4ng b4ng3t s4m4 k4mu"])
def test_leetspeak_is_no_postcode(analyser: TextAnalyser, text: str) -> None:
    assert "pii_address" not in names(analyser, text)
    assert delivery(analyser, "teens", text) == "allow"


@pytest.mark.parametrize("text", ["my postcode is SW1A 1AA", "im at B33 8TH come 2nite"])
def test_a_postcode_is_still_one(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("pii_address", 0.0) >= 0.6


@pytest.mark.parametrize(
    "lines",
    [
        ("my snap is s a m r 0 d",),
        ("add me on insta: j e s s _ 0 9",),
        ("add me on snap", "s a m r 0 d"),
    ],
)
def test_a_handle_spelled_with_spaces_is_held_among_teens(
    analyser: TextAnalyser, lines: tuple[str, ...]
) -> None:
    mod = moderator(analyser, "teens")
    *before, last = lines
    for line in before:
        mod.outgoing(line, 0.0, 1e9)
    verdict = mod.outgoing(last, 1.0, 1e9 + 1)
    assert any(s.name == "pii_handle" for s in verdict.signals)
    assert verdict.outcome.delivery == "hold"


def test_a_word_spelled_out_for_emphasis_is_no_handle(analyser: TextAnalyser) -> None:
    assert "pii_handle" not in names(analyser, "my insta is a m a z i n g")


@pytest.mark.parametrize(
    "text",
    [
        "cuando tenía 15 años hice lo mismo",
        "quando eu tinha 15 anos eu fiz isso",
        "com 15 anos eu já trabalhava",
        "waktu aku 15 tahun aku juga gitu",
        "als ich 15 war, hab ich das auch gemacht",
    ],
)
def test_an_age_the_speaker_had_is_no_disclosure(analyser: TextAnalyser, text: str) -> None:
    assert "age_disclosure_minor" not in names(analyser, text)
    assert delivery(analyser, "adults", text) == "allow"
    assert not acted(moderator(analyser, "adults"), text)


@pytest.mark.parametrize(
    "text", ["tengo 15 años", "sou um menino com 15 anos", "aku 15 tahun", "ich bin 15"]
)
def test_an_age_the_speaker_has_still_is(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("age_disclosure_minor", 0.0) >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "manda foto do teu gato",
        "kirim foto kucingmu dong",
        "schick mal ein bild von deinem hund",
        "mándame una foto de tu perro",
        "can you show me how to do that trick on video",
        "let's video call with the whole class for the project",
        "we should meet in fortnite later",
        "lets meet up in minecraft at spawn",
        "dont tell anyone but i have a crush on him",
        "não conta pra ninguém mas eu gosto dele",
        "sag keinem, dass ich in ihn verknallt bin",
    ],
)
def test_a_pet_a_game_and_a_crush_confided_are_not_held_among_teens(
    analyser: TextAnalyser, text: str
) -> None:
    assert not acted(moderator(analyser, "teens"), text)


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic of you",
        "kirim foto kamu dong",
        "no le digas a nadie pero yo te quiero ver",
        "dont tell anyone that i talk to you",
        "lets meet at the park tomorrow",
        "can we video call tonight just us",
    ],
)
def test_pictures_secrets_and_meetings_with_the_partner_still_are(
    analyser: TextAnalyser, text: str
) -> None:
    assert delivery(analyser, "teens", text) == "hold"


@pytest.mark.parametrize(
    "text",
    [
        "juegas free fire? mi id es 2839174410",
        "mabar ml ga? id gue 1083362219 (2458)",
        "spielst du brawl stars? mein tag ist #2YQ8LP90",
        "add me on roblox my user is coolkid_2011",
    ],
)
def test_a_game_id_swapped_to_play_together_is_not_held_among_teens(
    analyser: TextAnalyser, text: str
) -> None:
    found = names(analyser, text)
    assert "pii_phone" not in found and "pii_handle" not in found
    assert found.get("off_platform", 0.0) >= 0.5  # the move still counts to a pattern
    assert delivery(analyser, "teens", text) == "allow"


@pytest.mark.parametrize(
    "text", ["add me on roblox and text me 5551234567", "play fortnite? my snap is jess_x09"]
)
def test_a_phone_or_a_messaging_handle_beside_a_game_still_is(
    analyser: TextAnalyser, text: str
) -> None:
    assert delivery(analyser, "teens", text) == "hold"


def test_a_story_about_someone_who_claimed_an_age_is_retold(analyser: TextAnalyser) -> None:
    mod = moderator(analyser, "teens")
    story = [
        "kemaren ada yg ngaku 16 terus nanya ortu gue suka cek hp ga",
        'trs ngajak pindah tele katanya "lebih privat"',
    ]
    assert not [line for line in story if acted(mod, line)]


@pytest.mark.parametrize(
    "text",
    [
        "send pics of the concert!",
        "mándame fotos del concierto",
    ],
)
def test_a_concerts_pictures_are_not_held(analyser: TextAnalyser, text: str) -> None:
    assert not acted(moderator(analyser, "teens"), text)


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic of you at the party",
        "can you keep a secret? i want to meet you",
        "dont tell my mom about us",
        "dont tell your mom about us",
    ],
)
def test_the_same_words_about_the_partner_are_held(analyser: TextAnalyser, text: str) -> None:
    assert delivery(analyser, "teens", text) == "hold"


# -- a picture asked for without saying of what ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "yo can u send me a pic of the bio worksheet",
        "send a pic of him looking guilty",
        "mandame foto!!!",
        "manda foto com a maquiagem depois",
        "schick mir mal ein bild",
    ],
)
def test_a_picture_asked_for_without_saying_of_what_is_not_held_among_teens(
    analyser: TextAnalyser, text: str
) -> None:
    assert names(analyser, text)["picture_request"] >= 0.5  # still a step of a pattern
    assert not acted(moderator(analyser, "teens"), text)


@pytest.mark.parametrize(
    "text",
    [
        "send me a selfie",
        "mandame una foto tuya",
        "zeig dich mal",
        "kirim foto dulu ke wa aku",
        "send me a photo in your pyjamas",
    ],
)
def test_a_picture_of_the_partner_or_sent_somewhere_private_still_is(
    analyser: TextAnalyser, text: str
) -> None:
    assert delivery(analyser, "teens", text) == "hold"


# -- names the speaker calls themself, insults denied, words reported -----------


@pytest.mark.parametrize(
    "text",
    [
        "I am such an absolute idiot today",
        "Ich bi hüt so en Idiot gsi",
        "ya but i damn lousy one",
        "Du bisch kei Idiot, sowas passiert jedem mal",
        "mas tu não é burro, todo mundo perde uma reunião",
        "you're not an idiot, it happens",
        "its not snitching when someone tells you to kill yourself. thats serious",
        "o filho da puta nem deixou eu explicar que o alarme não tocou",
    ],
)
def test_self_mockery_a_denied_insult_and_reported_words_are_not_held(
    analyser: TextAnalyser, text: str
) -> None:
    not_hostile(analyser, text)


@pytest.mark.parametrize(
    "text",
    [
        "you're an idiot",
        "kill yourself",
        "seu filho da puta",
    ],
)
def test_the_insult_said_to_the_partner_still_is(analyser: TextAnalyser, text: str) -> None:
    assert delivery(analyser, "adults", text) == "hold"


@pytest.mark.parametrize(
    ("line", "again", "alone"),
    [
        (
            "ez?? du hast 3 eigentore geschossen du lappen",
            "taktisch ja klar, spiel einfach mal besser du lappen",
            "du lappen",
        ),
        (
            "faz o trabalho e aproveita o momento, sua lerda",
            "vc vai falar besteira de novo, aceita sua lerda",
            "sua lerda",
        ),
        (
            "ya te dije que la tarea era para hoy, tonto",
            "otra vez llegas tarde a la partida, tonto",
            "eres un tonto",
        ),
        (
            "udah gue bilang tugasnya buat hari ini, dasar bego",
            "lo telat lagi masuk game nya, dasar bego",
            "dasar bego lo",
        ),
        (
            "des is a frechheit, i bin austria-fan, du wappler",
            "na geh, des war a elfer, du wappler",
            "du wappler",
        ),
        (
            "I know I'm slow but you are an idiot",
            "you stole my kill again you idiot",
            "you're an idiot",
        ),
    ],
)
def test_a_mild_name_in_a_longer_line_is_rude_and_a_second_is_held(
    analyser: TextAnalyser, line: str, again: str, alone: str
) -> None:
    # "du lappen" tacked onto talk of a game is how friends talk: delivered,
    # but hostile, so the chat's second hostile line is held
    mod = moderator(analyser, "adults")
    first = mod.outgoing(line, 0.0, 1e9)
    assert first.outcome.delivery == "allow"
    assert max(s.score for s in first.signals if s.name == "toxicity") >= HOSTILE_FROM
    assert mod.outgoing(again, 1.0, 1e9 + 1).outcome.delivery == "hold"
    # held for being the second: said first in a chat of its own, it is delivered
    assert delivery(analyser, "adults", again) == "allow"
    # the name and little else is said to hurt: held the first time
    assert delivery(analyser, "adults", alone) == "hold"


# -- numbers and app names that are not contact details ------------------------


def test_round_the_clock_is_not_an_age(analyser: TextAnalyser) -> None:
    text = "my mum has Life360 so she knows where I am 24/7"
    assert "age_disclosure_adult" not in names(analyser, text)
    assert names(analyser, "I am 24")["age_disclosure_adult"] >= 0.6


def test_an_app_named_is_not_a_handle(analyser: TextAnalyser) -> None:
    assert "pii_handle" not in names(analyser, "mine checks my whatsapp every sunday")
    assert names(analyser, "my snap is jessy_22")["pii_handle"] >= 0.6


@pytest.mark.parametrize(
    "text", ["mi id es ValeKiller_VE", "o meu id é tiagodragao_04", "id gue 1187342 (2051)"]
)
def test_a_player_id_given_by_the_word_id_is_a_move_to_a_game(
    analyser: TextAnalyser, text: str
) -> None:
    found = names(analyser, text)
    assert "pii_phone" not in found and "pii_handle" not in found
    assert found["off_platform"] >= 0.5
    assert delivery(analyser, "teens", text) == "allow"


# -- name-calling by address, veiled threats, and talk about scams --------------


@pytest.mark.parametrize(
    "text",
    [
        # name-calling as a clause's last words, after a comma
        "nobody asked for your opinion, moron.",
        "vete ya, imbécil",
        "para de me mandar mensagem, otário!",
        "udah sana pergi, goblok",
        # German name-calling compounds after "du"
        "lass mich in Ruhe, du Pickelgesicht",
        "verschwinde, du Drecksack",
        # comparisons and European Portuguese without "tu"
        "ur uglier than my grandad's boots",
        "du bist dümmer als ein Stück Brot",
        "és mesmo um parvo",
        # a veiled threat: someone close to the partner would learn, or harm
        "it would be a real shame if your boss saw these chats",
        "sería una pena que tus padres leyeran esto",
        "seria uma pena se o teu namorado soubesse",
        "sayang banget kalau ortu kamu dengar soal ini",
        "wäre doch schade, wenn deine Klasse das liest",
        "it'd be a shame if something happened to you",
        # an address after an article-led clause, "du" and an adjective
        "la verdad es que no sabes nada, tarado.",
        "geh heim, du blöde Ziege.",
        "du huere Trottel",
        # regional profane dismissals, beatings promised, nobody likes you
        "andate a la concha de tu madre",
        "si te veo te cago a palos",
        "nobody in your class likes you",
        # laughter does not take the threat out of a threat
        "jajaja hijo de puta, te voy a matar",
        "vtnc seu otário",
    ],
)
def test_name_calling_by_address_and_veiled_threats_are_held(
    analyser: TextAnalyser, text: str
) -> None:
    assert names(analyser, text)["toxicity"] >= 0.9
    assert delivery(analyser, "adults", text) == "hold"


@pytest.mark.parametrize(
    "text",
    [
        # friends' greetings and exclamations as a clause's last word
        "qué onda, boludo",
        "llegué tarde otra vez, puta.",
        "hola, gorda, ¿cómo te fue?",
        "lag lagi, bangsat",
        # a sentence opened with a name is as often a friend's
        "ya eejit, the answer is obviously the chipper on the quay",
        # "du" then a noun, not an address
        "hast du Rucksack und Sonnencreme dabei?",
        "magst du Leberwurst?",
        # the idiom without anyone learning or harm
        "it would be a shame if you missed the concert",
        "sería una pena que tu mamá no viera el partido",
        "wäre schade, wenn du nicht kommst",
        "sayang banget kalau kamu gak tau tempat ini",
        # the name-calling laughed off, or said of someone else
        "gg, ur such a loser lol",
        "mi hermano, el idiota, me quitó el celu",
        "jajaja qué hija de puta, me ganaste otra vez",
        "kkkk filho da puta sortudo",
        # an insulting adjective in a question, an insult of someone named
        "hast du dumme Fragen?",
        "mi profe, la idiota, nos dejó tarea",
        # a shortened profane dismissal said at a game
        "vsf nunca mais jogo essa fase",
    ],
)
def test_greetings_exclamations_and_the_plain_idiom_are_not_held(
    analyser: TextAnalyser, text: str
) -> None:
    not_hostile(analyser, text)


@pytest.mark.parametrize(
    "text",
    [
        "to keep your account open, enter your card number and the OTP we sent you",
        "por favor ingrese los datos de su tarjeta y el código de verificación",
        "silakan masukkan nomor kartu dan PIN Anda untuk verifikasi",
        "introduza o número do cartão e o código MB Way para libertar a encomenda",
        "bitte geben Sie Ihre Kartennummer und die TAN ein",
    ],
)
def test_a_stranger_asking_for_card_details_or_codes_is_phishing(
    analyser: TextAnalyser, text: str
) -> None:
    assert found_detail(analyser, text, "promo").startswith("kind=phishing")
    assert delivery(analyser, "adults", text) == "hold"


@pytest.mark.parametrize(
    "text",
    [
        "never give anyone your OTP, not even the bank",
        "jangan kasih kode OTP ke siapa pun ya",
        "nunca des el número de tu tarjeta por chat",
    ],
)
def test_a_warning_about_codes_is_no_ask(analyser: TextAnalyser, text: str) -> None:
    assert "promo" not in names(analyser, text)


@pytest.mark.parametrize(
    ("text", "tld"),
    [
        ("cam girls live at h o t c a m z dot live", "live"),
        ("regístrate en ganafacil punto com", "com"),
        ("daftar di cuanharian titik xyz", "xyz"),
        ("entra no site rendaextra ponto online", "online"),
        ("jetzt anmelden auf gratisgeld Punkt info", "info"),
    ],
)
def test_a_domain_whose_dot_is_said_in_words_is_a_link(
    analyser: TextAnalyser, text: str, tld: str
) -> None:
    assert found_detail(analyser, text, "link") == f"tld={tld};obfuscated"


@pytest.mark.parametrize(
    "text",
    ["el punto es que no quiero ir", "o ponto de ônibus fica longe", "a las cinco en punto"],
)
def test_the_word_for_dot_in_a_sentence_is_no_link(analyser: TextAnalyser, text: str) -> None:
    assert "link" not in names(analyser, text)


@pytest.mark.parametrize(
    "text",
    [
        "careful, there's a bot in here saying free robux, it wants your password",
        "my aunt lost money to a crypto scam that promised to earn 500 a day from home",
        "cuidado, tem um bot aqui falando que dá robux grátis",
    ],
)
def test_talk_about_a_scam_is_not_an_advert(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("promo", 0.0) < 0.8
    assert not acted(moderator(analyser, "adults"), text)


@pytest.mark.parametrize(
    "text",
    [
        "FREE ROBUX no scam 100% legit, click here",
        "bukan penipuan, dapatkan uang 5 juta per hari dari rumah",
    ],
)
def test_an_advert_that_says_it_is_no_scam_still_is_one(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text)["promo"] >= 0.8


# -- sexual solicitation in more forms -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lass uns auf der cam ausziehen",
        "mach videocall und zieh dein shirt aus",
        "¿tienes fotos hot?",
        "lust auf sex heute?",
        "massage with a happy ending, 50 an hour",
        "incall only, text me",
        "tell me what you'd do to me in bed",
        "touch yourself for me",
        "schick mal ein foto untenrum",
        "nur ein schneller fick, mehr nicht",
    ],
)
def test_sexual_solicitation_in_more_forms_is_held(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text)["sexual"] >= 0.85
    assert delivery(analyser, "adults", text) == "hold"


@pytest.mark.parametrize(
    "text",
    [
        "we had sex ed today, so awkward",
        "did the movie have a happy ending?",
        "my mum says I need a massage, the happy ending of a long week lol",
        "i was in a video call and then took off my headphones",
    ],
)
def test_words_near_sex_in_ordinary_talk_are_not_sexual(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("sexual", 0.0) < 0.8
    assert not acted(moderator(analyser, "teens"), text)


def test_parents_watching_asked_in_short_forms_and_retold_in_quotes(
    analyser: TextAnalyser,
) -> None:
    assert names(analyser, "ortu km suka cek hp km gk")["isolation"] >= 0.7
    # the same question quoted from someone else is retold: half weight
    quoted = 'terus dia nanya "ortu km suka cek hp ga"'
    assert 0 < names(analyser, quoted)["isolation"] < 0.5
    assert found_detail(analyser, quoted, "isolation").endswith(";retold")


@pytest.mark.parametrize(
    "text",
    [
        "honestly u type older than that",
        "you write better than most fourteen year olds",
        "hablas con mucha madurez",
        "ni parece que tengas 14",
        "du schreibst wie ein Erwachsener",
    ],
)
def test_flattery_about_how_the_child_writes_is_flattery(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text)["flattery"] >= 0.8


@pytest.mark.parametrize(
    "text",
    ["you type so fast lol", "my little sister writes better than most kids in her class"],
)
def test_typing_talked_about_is_no_flattery(analyser: TextAnalyser, text: str) -> None:
    assert "flattery" not in names(analyser, text)


def test_a_secret_kept_safe_counts_but_is_never_held(analyser: TextAnalyser) -> None:
    # friends say it of a crush too: towards the risk, under every rule
    assert 0 < names(analyser, "ur secrets safe w me")["secrecy"] < 0.6
    assert not acted(moderator(analyser, "teens"), "ur secrets safe w me")


@pytest.mark.parametrize(
    "text",
    ["no eres un inútil, las mates son difíciles", "você não é nenhum burro"],
)
def test_an_insult_denied_is_comfort(analyser: TextAnalyser, text: str) -> None:
    not_hostile(analyser, text)


@pytest.mark.parametrize(
    "text", ["a la verga, ya me salí de ese server", "me vale verga el examen"]
)
def test_an_oath_with_a_sexual_word_is_no_sexual_talk(analyser: TextAnalyser, text: str) -> None:
    assert "sexual" not in names(analyser, text)
    assert delivery(analyser, "teens", text) == "allow"


def test_a_sexual_dismissal_is_an_insult_not_sexual_content(analyser: TextAnalyser) -> None:
    found = names(analyser, "vai se foder")
    assert "sexual" not in found and found["toxicity"] >= 0.9
    assert "sexual" in names(analyser, "quero te foder")


@pytest.mark.parametrize(
    "text",
    [
        "go back to your country",
        "vuélvete a tu país",
        "volta pra tua terra",
        "balik sana ke kampung lo",
        "geh doch zurück in dein land",
    ],
)
def test_go_back_to_your_country_is_aimed_at_the_partner(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("toxicity", 0.0) >= 0.9


@pytest.mark.parametrize(
    "text", ["y tú una ballena", "sigue comiendo, vaca", "du walross", "you're such a whale"]
)
def test_body_shaming_names_are_insults(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("toxicity", 0.0) >= 0.9


@pytest.mark.parametrize(
    "text", ["volví a mi país ayer", "vi una ballena en el mar", "mi abuela tiene una vaca"]
)
def test_animals_and_homecomings_are_not_insults(analyser: TextAnalyser, text: str) -> None:
    not_hostile(analyser, text)


@pytest.mark.parametrize(
    "text",
    [
        "the 13 year old can show you more tricks than me",
        "chavales de 14 y 15 años, majísimos",
        "rapazes de 13 e 14 anos",
        "cucu yang 15 tahun pasti bisa bantu",
    ],
)
def test_ages_of_children_talked_about_are_not_the_speakers(
    analyser: TextAnalyser, text: str
) -> None:
    assert "age_disclosure_minor" not in names(analyser, text)
    assert delivery(analyser, "adults", text) == "allow"


def test_asking_not_to_be_posted_is_no_threat(analyser: TextAnalyser) -> None:
    not_hostile(analyser, "don't post my face tho, i only post cosplay pics without it")
    assert names(analyser, "i will post your address everywhere")["toxicity"] >= 0.9


def test_a_number_told_of_is_not_asked_for(analyser: TextAnalyser) -> None:
    assert "off_platform" not in names(analyser, "tapi bapak udah kasih nomor KTP ke penipunya")


@pytest.mark.parametrize(
    "text",
    [
        "nobody would even notice if you left",
        "go jump off a bridge",
        "bring dich einfach um",
        "dich vermisst eh keiner",
        "ninguém vai chorar no teu enterro",
        "mach die kamera aus, du alte schachtel",
        "you're a fraud and an embarrassment",
    ],
)
def test_contempt_for_the_partners_life_age_or_worth(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("toxicity", 0.0) >= 0.9


@pytest.mark.parametrize(
    "text", ["nobody would notice if i left early lol", "bring dich nicht um deinen schlaf"]
)
def test_the_same_words_about_oneself_are_not_contempt(analyser: TextAnalyser, text: str) -> None:
    not_hostile(analyser, text)


def test_the_romance_scams_ask_for_money_is_spam(analyser: TextAnalyser) -> None:
    assert (
        names(analyser, "mein konto ist gesperrt, ich brauche 2.000€ für den flug")["promo"] >= 0.8
    )
    assert "promo" not in names(analyser, "i need 20 dollars for the ticket to the concert")
