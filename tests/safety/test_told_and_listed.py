"""Lists, stories and names that the detectors read as something else.

A seventh batch of styles by writers who had read nothing of the project
(babysitters, photographers, cosplayers, car fans, a faith group, hikers)
showed a list of measurements read as a phone number, a car's model year
before "off road" read as a street address, a carer's "I look after a boy
of 8" read as the speaker's age, an ordinary German site read as a betting
advert, a scam's link told of read as sent, and "that's so mean" about a
story in quotes read as a protest at the teller. Each reading has its
counter-cases, several from a review of the change. The examples are this
file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.chats import chat
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser

# -- a list between slashes is no phone number -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my sizes are 92 / 71 / 99 / 40 / 58",
        "splits were 112/97/101/88 today",
    ],
)
def test_a_list_between_slashes_is_no_phone_number(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "ruf mich an 0171 / 2345678",
        "call me 555/123/4567",  # a group of four digits: a phone's
        "call me 06/12/34/56/78",  # a leading 0
        "0/1/7/1/2/3/4/5/6/7/8",  # digits one by one
        "my number is 0812 3456 7890",
    ],
)
def test_a_phone_number_with_a_slash_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") >= 0.9


# -- a street's name is made of content words ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "selling my 2016 tacoma, built for off road",
        "saw 3 deer by the road this morning",
        "ich zahl 900 für meinen polo st",
    ],
)
def test_a_number_before_road_words_is_no_address(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_address") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "i live at 42 maple grove road",
        "come to 118 west elm st tonight",
        "i live at 450 e main st",
        "come to 22 the close after school",
    ],
)
def test_a_street_address_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_address") >= 0.85


# -- the age of a child someone minds ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "soy niñera de una niña de 7 años",
        "sou babá de um menino de 6 anos",
        "i'm the nanny of a boy of 9",
        "soy profe de niños de 10 años",
    ],
)
def test_the_age_of_a_child_someone_minds_is_not_theirs(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") == 0.0


@pytest.mark.parametrize("text", ["soy una niña de 12 años", "soy niñera, tengo 14 años"])
def test_a_child_who_tells_their_own_age_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_minor") >= 0.85


# -- an advert's short word at the start of an ordinary one ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "we booked it on camping.info, nice spot",
        "guck mal bei winterberg.de nach dem wetter",
        "der babysitterkurs steht auf betreut.de",
    ],
)
def test_an_ordinary_word_that_begins_with_an_adverts_word_is_no_advert(
    analyser: TextAnalyser, text: str
) -> None:
    assert score(analyser, text, "promo") < 0.85


@pytest.mark.parametrize(
    "text",
    [
        "bet365.com bonus waiting",
        "hotgirls.cam/live",
        "go to casinoroyal-pix.online",
        "cams4u.xyz",
        "betwinner.com",
        "freespins.xyz",
    ],
)
def test_a_link_made_of_adverts_words_is_still_one(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.85


# -- a scam's link told of -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "they sent me a link like parcel-promo-track.com, obviously fake",
        "me mandaron un link tipo premio-gratis.xyz y lo borré",
        "recebi um link tipo bonus-pix.net, caí não",
    ],
)
def test_a_link_someone_sent_told_of_is_no_advert(analyser: TextAnalyser, text: str) -> None:
    assert 0.0 < score(analyser, text, "promo") < 0.85


@pytest.mark.parametrize(
    "text",
    [
        "claim your bonus now: bonus-pix.net",
        "free gift for you premio-gratis.xyz",
        "i got $500 from this link like yesterday, try it: crypto-profit.xyz",
    ],
)
def test_the_same_link_sent_is_an_advert(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.85


# -- a protest at a story told in quotes -----------------------------------------------

_STORY = 'a guy on my bus told my little brother "you\'re a waste of space"'


def test_a_protest_at_words_told_in_quotes_opens_no_case(analyser: TextAnalyser) -> None:
    _, heard = chat(
        analyser,
        "teens",
        [("a", "hey"), ("b", "hi"), ("b", _STORY), ("a", "omg that's so mean, wtf")],
    )
    assert not [d.rule for v in heard for d in v.outcome.decisions]
    # the line is a protest all the same: only what it follows spares the teller
    assert score(analyser, "omg that's so mean, wtf", "protest") >= 0.8


def test_a_protest_at_words_said_to_us_opens_a_case(analyser: TextAnalyser) -> None:
    _, heard = chat(
        analyser,
        "teens",
        [
            ("a", "hey"),
            ("b", "hi"),
            ("b", "honestly nobody would miss you"),
            ("a", "wtf that's so mean"),
        ],
    )
    assert "harassment-protested" in [d.rule for v in heard for d in v.outcome.decisions]


@pytest.mark.parametrize(
    "turns",
    [
        # a threat after the story: the protest is at the threat
        [("b", _STORY), ("b", "i will find out where you live"), ("a", "are you threatening me?")],
        # the protest names us
        [("b", _STORY), ("a", "why are you being so mean to me")],
    ],
)
def test_a_protest_at_us_after_a_told_quote_opens_a_case(
    analyser: TextAnalyser, turns: list[tuple[str, str]]
) -> None:
    _, heard = chat(analyser, "teens", [("a", "hey"), ("b", "hi"), *turns])
    assert "harassment-protested" in [d.rule for v in heard for d in v.outcome.decisions]


# -- a protest conceded ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ok that's rude but true",
        "grosero pero cierto jaja",
        "fies aber wahr",
        "rude and accurate lol",
    ],
)
def test_a_protest_conceded_is_none(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "that's rude",
        "why are you so rude to me",
        "that's creepy and fair warning i'm reporting you",
    ],
)
def test_a_protest_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") >= 0.8


# -- a handle among teens after the first exchange ----------------------------------------


def test_a_teens_handle_after_the_partners_second_message_passes(analyser: TextAnalyser) -> None:
    said, _ = chat(
        analyser,
        "teens",
        [
            ("a", "do u draw?"),
            ("b", "yeah mostly dragons"),
            ("a", "same!! mostly on procreate"),
            ("b", "my art acc is @scalesandink if u wanna see"),
        ],
    )
    assert said[-1].delivered
    assert any(s.name == "pii_handle" for s in said[-1].signals)  # an account all the same


def test_a_teens_handle_in_the_first_exchange_is_held(analyser: TextAnalyser) -> None:
    said, _ = chat(analyser, "teens", [("a", "hi"), ("b", "follow me @scalesandink")])
    assert not said[-1].delivered


def test_a_teen_asked_to_follow_after_the_first_exchange_is_no_advert(
    analyser: TextAnalyser,
) -> None:
    said, _ = chat(
        analyser,
        "teens",
        [
            ("a", "vc anda de patins?"),
            ("b", "ando, na praça perto de casa"),
            ("a", "quantos anos vc tem?"),
            ("b", "15, e vc"),
            ("a", "14. me segue no insta, @rodinhas.lia"),
        ],
    )
    assert said[-1].delivered
    # read as a person's page to follow, not dropped
    assert any(s.name == "promo" and s.detail.endswith(";shared") for s in said[-1].signals)


def test_a_call_to_act_beside_an_account_after_the_opening_is_still_an_advert(
    analyser: TextAnalyser,
) -> None:
    said, _ = chat(
        analyser,
        "adults",
        [
            ("a", "hey"),
            ("b", "hi, how are you"),
            ("a", "good, bored"),
            ("b", "same"),
            ("a", "click the link in @free.robux.daily bio"),
        ],
    )
    assert not said[-1].delivered


def test_an_account_to_follow_at_once_is_held_among_teens(analyser: TextAnalyser) -> None:
    said, _ = chat(analyser, "teens", [("a", "oi"), ("b", "me segue no insta, @rodinhas.lia")])
    assert not said[-1].delivered


# -- the age of a thing, hedged --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["a árvore tem tipo 40 anos", "la casa tiene como 80 años", "the van is like 30 years old"],
)
def test_a_things_age_said_roughly_is_not_the_speakers(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_adult") == 0.0


@pytest.mark.parametrize("text", ["eu tenho tipo 40 anos", "tengo como 35 años"])
def test_the_speakers_age_said_roughly_is_still_read(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_adult") >= 0.85


# -- a count in millions, a parent's wish told -----------------------------------------


@pytest.mark.parametrize(
    "text", ["the mv is at 41M, we need 50M by tonight", "it hit 12M views already"]
)
def test_a_count_in_millions_is_no_age(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "age_disclosure_adult") == 0.0


@pytest.mark.parametrize(
    "text",
    ["41m here, wanna chat?", "hi, 29 m from texas", "13f likes older guys", "almost 14f here"],
)
def test_an_age_and_sex_given_is_still_read(analyser: TextAnalyser, text: str) -> None:
    found = max(
        score(analyser, text, "age_disclosure_adult"),
        score(analyser, text, "age_disclosure_minor"),
    )
    assert found >= 0.85


def test_a_parents_wish_to_meet_other_people_is_told_not_asked(analyser: TextAnalyser) -> None:
    text = "minha mãe disse que quer conhecer o pessoal do clube"
    assert score(analyser, text, "meet_request") < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "can we meet up? my mom wants to meet you",
        "my mom says we can meet at the mall saturday",
        "minha mãe disse que a gente pode se encontrar no shopping",
    ],
)
def test_a_meeting_asked_beside_a_parent_is_still_asked(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "meet_request") >= 0.85


@pytest.mark.parametrize("text", ["kok kasar sih kak", "kok jahat banget sih"])
def test_why_so_rude_in_indonesian_is_a_protest(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "protest") >= 0.8


def test_why_so_rude_laughed_is_none(analyser: TextAnalyser) -> None:
    assert score(analyser, "wkwk kok kasar sih, becanda kok", "protest") == 0.0
