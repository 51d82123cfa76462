"""Words of one language read as another's, or a walk read as a street.

Each class acted on ordinary talk: Indonesian "dr" (from) after an age read
as "Drive" and "jalan kaki" (walking) as a street, so a grandmother's
greeting was held as an address that could not be masked; Portuguese "e"
(and) read as "is" after "meu insta", so a story of a creep's request held
a handle; Portuguese "vc" (você) read as a video call. Beside each, the
real thing is still read. The examples are this file's own.
"""

from __future__ import annotations

import pytest

from passerby.safety.text.detectors import TextAnalyser


def names(analyser: TextAnalyser, text: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for s in analyser.analyse(text):
        found[s.name] = max(found.get(s.name, 0.0), s.score)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "saya bu endang 63 th dr solo, salam kenal",
        "tiap pagi jalan kaki keliling kompleks 30 menit",
        "abis makan jalan santai sama cucu 20 menit",
    ],
)
def test_an_age_or_a_walk_is_no_address(analyser: TextAnalyser, text: str) -> None:
    assert "pii_address" not in names(analyser, text)


@pytest.mark.parametrize(
    "text", ["rumah aku di jalan melati no 12", "i live at 42 baker street", "jl. sudirman 45"]
)
def test_a_street_and_number_is_still_an_address(analyser: TextAnalyser, text: str) -> None:
    assert names(analyser, text).get("pii_address", 0.0) >= 0.8


def test_an_app_and_a_plain_word_after_and_is_no_handle(analyser: TextAnalyser) -> None:
    assert "pii_handle" not in names(analyser, "um gajo pediu logo o meu insta e fotos")
    assert names(analyser, "meu insta é mariaclara")["pii_handle"] >= 0.8


def test_voce_written_vc_is_no_video_call(analyser: TextAnalyser) -> None:
    assert "picture_request" not in names(analyser, "faz um favor pra vc mesma e dorme")
    assert names(analyser, "bora fazer uma videochamada")["picture_request"] >= 0.8
    assert names(analyser, "yuk vc")["picture_request"] >= 0.8


def test_dont_tell_grandma_in_short_is_secrecy(analyser: TextAnalyser) -> None:
    assert names(analyser, "tapi jgn bilang nenek ya")["secrecy"] >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "write to generalmark.thompson7 at gmail",
        "send it to lic.ruiz.herencias@ (gmail)",
        "chave richardoil.agente@ gmail",
        "jo_99 at hotmail",
    ],
)
def test_an_address_with_its_mail_provider_named_is_an_email(
    analyser: TextAnalyser, text: str
) -> None:
    assert names(analyser, text).get("pii_email", 0.0) >= 0.8


@pytest.mark.parametrize("text", ["i was at gmail headquarters lol", "meet me at outlook cafe"])
def test_a_place_named_after_a_mail_provider_is_no_email(analyser: TextAnalyser, text: str) -> None:
    assert "pii_email" not in names(analyser, text)


def test_a_debt_repaid_many_times_over_with_somewhere_to_pay_is_a_scam(
    analyser: TextAnalyser,
) -> None:
    line = "faça um pix pra chave richard.agente@ gmail e eu devolvo em dobro"
    assert names(analyser, line)["promo"] >= 0.8
    # said with nowhere to pay, it is a pitch talked of (under the rules)
    assert names(analyser, "send me 200 and i will repay you double")["promo"] < 0.8
    assert "promo" not in names(analyser, "i'll pay you back tomorrow")
