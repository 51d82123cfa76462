"""Talk from game lobbies and from chats about online safety.

- A kill in a game is no threat ("i let you get the kill lol", "umpan biar
  lu bisa kill"); "i will kill you" still is.
- A game's id is no phone number: Mobile Legends' id with its server in
  brackets ("128374659 (2031)"), a friend code ("mein Freundescode ist 4821
  3390 1177").
- Game accounts, cheats and boosting sold, and a discount code, are adverts
  ("VENDO CUENTAS FREE FIRE", "JUAL AKUN ML", "aimbot + wallhack
  undetected", "use code LOBBY20"); someone else's sale reported is not.
- A creep's request retold is told of, not made: German with the verb first
  ("gestern meinte er, ich soll meinen Eltern nicht erzählen..."), "er sagt"
  in the present, "cowonya nyuruh...", "km pernah diajak ketemuan?".
- "The secret stuff" or "a secret level" keeps no secret; "our little
  secret" does.
- "chat gw di tele aja" asks to move; "nanti vc ya" proposes a video call.

The examples are this file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.moderation import HOSTILE_FROM
from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize(
    "text",
    [
        "i let you get the kill lol",
        "itu strategi, umpan biar lu bisa kill",
        "umpan biar kamu dapet kill",
    ],
)
def test_a_kill_in_a_game_is_no_threat(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") < 0.9


def test_a_kill_promised_or_an_insult_still_counts(analyser: TextAnalyser) -> None:
    assert score(analyser, "i will kill you", "toxicity") >= 0.9
    # a mild name in a longer line: hostile, held when it is the chat's second
    assert score(analyser, "you stole my kill you idiot", "toxicity") >= HOSTILE_FROM


@pytest.mark.parametrize(
    "text",
    [
        "128374659 (2031)",
        "ja, mein freundescode ist 4821 3390 1177",
        "mi codigo de amigo es 1234 5678 9012",
    ],
)
def test_a_game_id_is_no_phone_number(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") == 0.0


@pytest.mark.parametrize("text", ["call me 0812 3456 7890", "my number is 555 123 4567"])
def test_a_phone_number_still_is(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "pii_phone") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "selling cheap valorant accounts, immortal+ with rare skins",
        "VENDO CUENTAS FREE FIRE nivel 70 con angelicales",
        "JUAL AKUN ML SULTAN, 300+ skin",
        "VERKAUFE FORTNITE ACCOUNTS mit renegade raider",
        "20% off today only use code LOBBY20",
    ],
)
def test_accounts_and_codes_sold_are_adverts(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "someone is selling accounts in the lobby, report him",
        "my brother is selling his old account",
        "dia jual akun ml katanya",
        "gue mau jual akun, ada skin collector sama 2 skin legend",
        "use the code in the email to reset your password",
    ],
)
def test_a_sale_reported_or_a_code_of_ones_own_is_not(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") < 0.8


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "gestern meinte er ich soll meinen eltern nicht erzählen dass wir schreiben",
            "secrecy",
        ),
        ("er sagt ich bin reifer als andere in meinem alter", "flattery"),
        ("aku bilang jgn, apalagi cowonya nyuruh dateng sendiri dan jgn bilang siapa2", "secrecy"),
        ("eh km pernah diajak ketemuan sm orang dr app ini ga?", "meet_request"),
        ("temen sekelas aku kemarin hampir mau ketemu cowo yg katanya 16", "meet_request"),
    ],
)
def test_a_creeps_request_retold_is_told_of(analyser: TextAnalyser, text: str, name: str) -> None:
    assert 0.0 < score(analyser, text, name) < 0.5


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sag deinen eltern nichts", "secrecy"),
        ("yuk ketemuan, jgn bilang siapa2", "secrecy"),
        ("it's our little secret", "secrecy"),
        ("sip. chat gw di tele aja", "off_platform"),
        ("nanti vc ya biar gw denger suara lu", "picture_request"),
    ],
)
def test_the_same_steps_asked_are_read(analyser: TextAnalyser, text: str, name: str) -> None:
    assert score(analyser, text, name) >= 0.8


@pytest.mark.parametrize(
    "text", ["thats how it starts, being nice and then the secret stuff", "this is a secret level"]
)
def test_secret_as_an_adjective_keeps_no_secret(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "secrecy") == 0.0
