"""The partner's protest: a review case about the side protested at.

Polite contempt and veiled threats ("I did notice you work at the garden
centre on Mill Road") use no insult a word list knows; the person they are
aimed at notices them. A ``protest`` signal in the stranger's message opens,
through the shipped rules, one review case about us per chat, never in a
chat about online safety, never when laughed, and never about the sender of
the protest itself.
"""

from __future__ import annotations

import pytest
from tests.safety.test_ordinary_talk import moderator

from passerby.core.verdict import Verdict
from passerby.safety.moderation import ChatModerator
from passerby.safety.text.detectors import TextAnalyser

PROTESTS = [
    "Are you threatening me?",
    "stop insulting me",
    "There's no need to be so rude, you are being cruel.",
    "¿Me está amenazando?",
    "Es usted muy maleducado.",
    "Isso é uma ameaça?",
    "Não precisa ofender.",
    "Anda mengancam saya?",
    "Anda tidak perlu menghina seperti itu.",
    "Ist das eine Drohung?",
    "Hör auf, mich zu beleidigen.",
    "Wow. That's really hurtful.",
    "Why are you saying this?",
    "you don't even know me",
    "no hace falta ser así",
    "kok gitu sih ngomongnya",
    "Tolong jangan mengancam.",
    "wieso bist du so gemein",
    "du kennst mich doch gar nicht",
    # the quieter protests of someone put down politely
    "that's quite rude",
    "that was a really strange thing to say",
    "that's not funny",
    "¿por qué me dice eso?",
    "eso fue innecesario",
    "gak lucu sumpah",
    "kok bawa-bawa ortu aku",
    "não te fiz mal nenhum",
    "porque é que estás a dizer isso?",
    "das war echt daneben",
    "lass mich einfach in Ruhe",
    "vaya, no hacía falta eso",
    "no hace falta ser maleducado",
    "nossa, precisava disso?",
    # the voseo, and "like that" / "of you"
    "por qué sos tan mala onda",
    "no tenés que ser así",
    "you don't have to be like that",
    "that's not nice of you",
    "eso no fue lindo de tu parte",
    "isso não foi legal da sua parte",
    "por que vc é assim comigo",
    "das ist nicht nett von dir",
    "ih kamu jahat",
]
NOT_PROTESTS = [
    "that's so rude lol",  # laughed: banter
    "du bist so gemein 😂",
    "that guy was creepy, I blocked him",  # a story's stranger
    "thats so mean of her",  # said of someone absent
    "Vou denunciar. Obrigada pela paciência",  # someone else reported
    "this game is horrible",
    "that's really nasty of him, I'm sorry",  # said of someone absent
    "lol that's not funny 😂",  # laughed
    "the film wasn't funny at all",
    "ah não precisava disso, obrigada!",  # thanks for a gift
    "no hace falta eso, yo invito",  # no need to pay
    "precisava disso kkkk",  # laughed
    # said of someone in a story, or of the weather
    "that's not nice, my boss did the same to me",
    "the weather was not nice today",
    "isso não foi legal, o filme era ruim",
    "temen kantor lo jahat juga ya",
    "das ist nicht nett, was dein chef gemacht hat",
]


@pytest.fixture(scope="module")
def analyser() -> TextAnalyser:
    return TextAnalyser()


def pair(analyser: TextAnalyser, section: str = "adults") -> tuple[ChatModerator, ChatModerator]:
    return moderator(analyser, section), moderator(analyser, section)


def say(
    sender: ChatModerator, receiver: ChatModerator, text: str
) -> tuple[Verdict, Verdict | None]:
    """``sender`` writes ``text``; returns the receiver's verdict about itself."""
    verdict = sender.outgoing(text, 0.0, 1e9)
    return verdict, receiver.incoming(verdict.signals)


@pytest.mark.parametrize("text", PROTESTS)
def test_a_protest_is_found(analyser: TextAnalyser, text: str) -> None:
    assert "protest" in {s.name for s in analyser.analyse(text)}


@pytest.mark.parametrize("text", NOT_PROTESTS)
def test_banter_and_stories_are_no_protest(analyser: TextAnalyser, text: str) -> None:
    assert "protest" not in {s.name for s in analyser.analyse(text)}


def test_a_protest_opens_one_review_case_about_the_other_side(analyser: TextAnalyser) -> None:
    a, b = pair(analyser)
    say(a, b, "I did notice you mentioned you work at the garden centre on Mill Road.")
    protest, about_a = say(b, a, "Are you threatening me?")
    # the protester's own message is delivered and judged as nothing
    assert protest.outcome.delivery == "allow" and not protest.outcome.decisions
    assert about_a is not None
    assert [d.action for d in about_a.outcome.decisions] == ["review_case"]
    assert about_a.outcome.delivery == "allow"
    # once per chat
    _, again = say(b, a, "Stop threatening me.")
    assert again is None
    a.new_chat()
    say(a, b, "hello again")
    _, next_chat = say(b, a, "Is that a threat?")
    assert next_chat is not None


def test_no_case_before_the_other_side_spoke(analyser: TextAnalyser) -> None:
    a, b = pair(analyser)
    _, about_a = say(b, a, "Are you threatening me?")
    assert about_a is None


def test_no_case_in_a_chat_about_online_safety(analyser: TextAnalyser) -> None:
    a, b = pair(analyser, "teens")
    say(a, b, "we had a workshop about grooming red flags at school")
    _, about_a = say(b, a, "stop insulting me")
    assert about_a is None
