"""Threats, wished harm and names in more forms, cheats sold, and their neighbours.

Found by writers of ranked-game talk, of strangers who vent and of older
people online: the partner told they will be found, followed, exposed or
beaten ("i know people in your school", "te voy a arruinar la cuenta", "eu
posto sua foto", "gw bikin lu malu", "wenn ich deine Adresse poste"); told
not to exist ("people like you shouldnt exist", "orang kayak lu gak pantes
idup"); names of regional speech ("bodat", "lesado", "Heulsuse"); two names
as the whole message ("lixo inútil"); cheats and rank boosting sold.
Beside them, what stays ordinary: a rematch promised, a kind "favour", a
seller of cheats reported, a third person's misdeeds. The examples are this
file's own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize(
    "text",
    [
        "i know ppl at ur school, watch yourself",
        "im gonna find you and break your face",
        "ur gonna regret ever talking to me",
        "ill follow u into every game until u quit",
        "te voy a arruinar la cuenta, ya vas a ver",
        "le mando las capturas de esto a tus amigos",
        "te dou uma surra se te vir",
        "vou postar sua foto no grupo da escola",
        "kutumbuk kau nanti",
        "gue tau ig lo, siap2 aja",
        "gw bikin lo malu satu sekolah",
        "besok pulang sekolah gw tunggu di gerbang, gw hajar lo",
        "gw tungguin lo di parkiran",
        "ich poste deine adresse im discord",
        "ich krieg dich noch, verlass dich drauf",
    ],
)
def test_found_followed_exposed_or_beaten_is_a_threat(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "people like you shouldnt even exist",
        "desaparece de este mundo",
        "gente como tú no debería existir",
        "gente como você não deveria nem existir",
        "orang kayak lo gak pantes hidup",
        "mending kamu ilang aja",
        "menschen wie du sollten nicht leben",
        "mach uns allen einen gefallen und verschwinde",
    ],
)
def test_told_not_to_exist_is_hostile(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "apa kau, bodat",
        "dasar cewek murahan",
        "tu é um lesado",
        "eres un estorbo",
        "du bist so eine heulsuse",
        "lixo inútil",
        "idiota inútil",
    ],
)
def test_more_names_said_to_the_partner(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "toxicity") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "selling undetected cheats, dm me",
        "vendo hacks para valorant, precio por dm",
        "vendemos hacks pra free fire, chama no zap",
        "jual cheat map hack anti banned",
        "verkaufe aimbot und wallhack",
    ],
)
def test_cheats_and_boosting_sold_are_adverts(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.8


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("di rematch nanti kuhabisi kau, siap-siap aja", "toxicity"),
        ("le harías un favor a todos yéndote a dormir", "toxicity"),
        ("that guy is selling cheats, report him", "promo"),
        ("dia jual cheat di grup, udah aku report", "promo"),
        ("i know people at your school who went through the same thing", "toxicity"),
        ("you're gonna love this game", "toxicity"),
        ("ich finde dich echt nett", "toxicity"),
        ("vou postar as fotos da viagem amanhã", "toxicity"),
        ("i want to learn about money but all i find is get rich quick rubbish", "promo"),
        ("beware of passive income scams", "promo"),
    ],
)
def test_what_stays_ordinary(analyser: TextAnalyser, text: str, name: str) -> None:
    assert score(analyser, text, name) < 0.8
