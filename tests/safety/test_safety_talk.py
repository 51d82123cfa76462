"""Talk about online safety is not the thing it warns against.

Teens (and parents) retell what a groomer did, or warn each other: "she
asked my friend to keep it a secret, so we reported her", "if a stranger
wants your picture, block them", "never give out your number". The words
of the request are there, but nobody is asking. Such a message may still
add a little to a conversation's risk; no rule may act on it alone. The
same requests made to the partner keep their full weight.
"""

from __future__ import annotations

import pytest

from passerby.safety.text.detectors import TextAnalyser

REQUESTS = ("secrecy", "picture_request", "meet_request", "off_platform", "age_disclosure_adult")
RULE_FLOOR = 0.6  # the lowest min_score of the rules about these signals


@pytest.fixture(scope="module")
def analyser() -> TextAnalyser:
    return TextAnalyser()


def strongest(analyser: TextAnalyser, text: str) -> float:
    return max((s.score for s in analyser.analyse(text) if s.name in REQUESTS), default=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "some guy told my sister to keep their chats secret, my mom reported him",
        "if somebody wants pics of you just block them, thats what our teacher said",
        "never send your address to people from here",
        "kalau ada orang yang minta kirim foto, langsung blokir aja",
        "si alguien te pide fotos, lo reportas y ya",
        "se alguém pedir foto sua, bloqueia e denuncia",
        "wenn jemand dich nach bildern fragt, sofort blockieren und melden",
        "jangan pernah kasih alamat rumah ke orang asing",
    ],
)
def test_retold_or_warned_requests_stay_below_every_rule(analyser: TextAnalyser, text: str) -> None:
    assert strongest(analyser, text) < RULE_FLOOR


@pytest.mark.parametrize(
    "text",
    [
        "dont tell your parents we talk ok",
        "send me a picture of you now",
        "kirim foto kamu dong",
        "mándame una foto tuya",
        "me manda uma foto sua",
        "schick mir ein foto von dir",
        "lets meet at the park tomorrow, just us",
    ],
)
def test_the_same_requests_made_to_the_partner_keep_their_weight(
    analyser: TextAnalyser, text: str
) -> None:
    assert strongest(analyser, text) >= RULE_FLOOR


@pytest.mark.parametrize(
    "text",
    [
        "my parents go through my whatsapps every night",
        "mi mamá revisa mis whatsapps",
        "a minha mãe pôs controlo parental no meu telemóvel",
        "meine instagrams sind alle privat",
    ],
)
def test_an_app_named_in_a_longer_word_is_no_handle(analyser: TextAnalyser, text: str) -> None:
    assert not [s for s in analyser.analyse(text) if s.name == "pii_handle"]


def test_a_handle_after_the_app_is_still_found(analyser: TextAnalyser) -> None:
    for text in ("my insta is sunny.days_07", "mein snap: maxi2009", "meu zap e 11987654321"):
        assert any(s.name in ("pii_handle", "pii_phone") for s in analyser.analyse(text)), text
