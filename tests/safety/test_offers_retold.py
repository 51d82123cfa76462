"""An advert's offer retold is talk about a scam; a bot's short link with the
dot spaced is still a link.

"someone in a fortnite lobby told me go to a site for free vbucks", "dia
ngasih diamond gratis terus minta pindah ke telegram" and "he said some guy
gave him free skins" tell of someone else's offer and give nowhere to go:
they are talk (under the rules), as naming a scam is. The same offer with a
link or an account of its own stays an advert. Telegram's and WhatsApp's
short links are found with the dot spaced, bracketed or said ("t . me /
signals_vip", "t(.)me/x", "wa . me / 55..."). The examples are this file's
own.
"""

from __future__ import annotations

import pytest
from tests.safety.test_said_outright import score

from passerby.safety.text.detectors import TextAnalyser


@pytest.mark.parametrize(
    "text",
    [
        "someone in a roblox server told me go to a site for free robux",
        "dia ngasih diamond gratis terus minta pindah ke telegram kan",
        "he said some guy online gave him free skins last week",
    ],
)
def test_an_offer_retold_is_talk(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "someone told me about this, free robux at robux-free.com",
        "free diamonds! add me on telegram",
        "a friend showed me this bot, now i make 500 a day, dm me on telegram @cashking",
    ],
)
def test_an_offer_with_somewhere_to_go_is_an_advert(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "promo") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "join the group: t . me / signals_vip",
        "entra ya t(.)me/senales_cripto",
        "gabung grup tele t . me/cuan_harian",
        "escribe a wa . me / 5511999990000",
    ],
)
def test_short_links_with_the_dot_spaced(analyser: TextAnalyser, text: str) -> None:
    assert score(analyser, text, "link") >= 0.9
