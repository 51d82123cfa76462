"""The per-connection moderator: history signals, strikes, masking, the cache."""

from __future__ import annotations

import pytest

from passerby.core.signals import Signal
from passerby.safety.moderation import (
    CachedAnalyser,
    ChatModerator,
    StrikeBook,
    mask_personal_data,
)
from passerby.safety.policy import load_policy
from passerby.safety.text import TextAnalyser
from passerby.safety.text.toxicity import ToxicityScorer


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def analyse(self, text: str) -> list[Signal]:
        self.calls += 1
        return [Signal("link", 0.9)] if "http" in text else []


def moderator(section: str = "adults", flood: int = 25) -> ChatModerator:
    return ChatModerator(Counting(), load_policy(), section, StrikeBook(), flood_messages=flood)


def test_same_text_three_times_is_repeated_and_held() -> None:
    mod = moderator()
    text = "anyone up for chess"  # under REPEAT_LONG_CHARS: the third time
    verdicts = [mod.outgoing(text, float(i), 1e9 + i) for i in range(3)]
    assert [v.delivered for v in verdicts] == [True, True, False]
    assert any(s.name == "repeated" for s in verdicts[2].signals)
    assert verdicts[2].outcome.has("challenge")


def test_a_sentence_pasted_a_second_time_is_repeated() -> None:
    mod = moderator()
    text = "hola papi estoy sola y aburrida"  # a bot's opening line, looped
    verdicts = [mod.outgoing(text, float(i), 1e9 + i) for i in range(2)]
    assert [v.delivered for v in verdicts] == [True, False]
    assert any(s.name == "repeated" for s in verdicts[1].signals)


def test_a_text_that_grows_when_case_folded_still_counts_as_repeated() -> None:
    mod = moderator()
    text = "großes maß!"  # 11 characters; folded ("grosses mass!") 13
    verdicts = [mod.outgoing(text, float(i), 1e9 + i) for i in range(3)]
    assert any(s.name == "repeated" for s in verdicts[2].signals)


def test_greetings_repeated_are_not_spam() -> None:
    mod = moderator()
    for i in range(10):
        assert mod.outgoing("hi", float(i), 1e9 + i).delivered


def test_repeats_far_apart_do_not_count() -> None:
    mod = moderator()
    text = "cheap followers at my page right now"
    for i in range(5):
        assert mod.outgoing(text, i * 700.0, 1e9 + i * 700).delivered


def test_flood_signal_past_the_threshold() -> None:
    mod = moderator(flood=5)
    verdicts = [mod.outgoing(f"message {i}", i * 0.1, 1e9) for i in range(7)]
    assert not any(s.name == "flood" for s in verdicts[4].signals)
    assert any(s.name == "flood" for s in verdicts[6].signals)


def test_strikes_are_kept_per_device_and_expire() -> None:
    book = StrikeBook()
    book.add("harassment", 100.0)
    book.add("harassment", 50.0)
    assert book.counts(10.0) == {"harassment": 2}
    assert book.counts(60.0) == {"harassment": 1}
    assert book.counts(200.0) == {}


def test_masking_hides_contacts_and_keeps_the_rest() -> None:
    masked = mask_personal_data("mail me at jo@example.com or call +1 555 123 4567, ok?")
    assert "jo@example.com" not in masked and "555" not in masked
    assert masked.startswith("mail me at ") and masked.endswith(", ok?")


def test_cache_answers_repeated_short_texts_once_and_stays_bounded() -> None:
    inner = Counting()
    cached = CachedAnalyser(inner, size=2)
    assert cached.analyse("hi") == cached.analyse("hi") == []
    assert inner.calls == 1
    cached.analyse("a")
    cached.analyse("b")  # evicts "hi"
    cached.analyse("hi")
    assert inner.calls == 4
    long = "x" * 100
    cached.analyse(long)
    cached.analyse(long)
    assert inner.calls == 6  # long texts are not kept
    assert cached.analyse("see http://x") == [Signal("link", 0.9)]


@pytest.fixture(scope="module")
def real() -> TextAnalyser:
    return TextAnalyser(ToxicityScorer())


PHONE_FORMS = [
    "call me five five five one two three four five six seven",
    "my number is 5 5 5 1 2 3 4 5 6 7",
    "text me: 555-123-4567 ok",
    "cinco cinco cinco uno dos tres cuatro cinco seis siete llámame",
    "nomorku lima lima lima satu dua tiga empat lima enam tujuh",
    "meu número é nove nove oito sete meia cinco quatro três dois um",
    "meine nummer ist null eins sieben sechs fünf vier drei zwei eins null",
    "call 555 O1l2 345 tonight",
    "5\u200b5\u200b5 1\u200b2\u200b3 4\u200b567 call me",
    "my number: ５５５ １２３ ４５６７",
]


@pytest.mark.parametrize("text", PHONE_FORMS)
def test_what_the_stranger_sees_of_a_masked_number_holds_no_number(
    real: TextAnalyser, text: str
) -> None:
    assert any(s.name == "pii_phone" for s in real.analyse(text))
    verdict = ChatModerator(real, load_policy(), "adults", StrikeBook()).outgoing(text, 0.0, 1e9)
    if verdict.outcome.delivery == "mask":
        # The sender is told "(parts hidden)": nothing the detector found
        # may be left, in any form, and the rest of the message stays.
        assert verdict.text != text and "•••" in verdict.text
        assert not any(s.name.startswith("pii_") for s in real.analyse(verdict.text))
    else:
        # Or the message is not sent at all, and the sender is told so.
        assert verdict.outcome.delivery == "hold", verdict


def test_spelled_number_is_masked_word_for_word() -> None:
    masked = mask_personal_data("ok five five five one two three four five six seven bye")
    assert masked == "ok ••• bye"


def test_an_address_that_cannot_be_masked_is_held_not_said_hidden(real: TextAnalyser) -> None:
    text = "come to 12 Baker Street tonight"
    assert any(s.name == "pii_address" for s in real.analyse(text))
    verdict = ChatModerator(real, load_policy(), "adults", StrikeBook()).outgoing(text, 0.0, 1e9)
    assert verdict.outcome.delivery in ("mask", "hold")
    if verdict.outcome.delivery == "mask":
        assert not any(s.name == "pii_address" for s in real.analyse(verdict.text))
    else:
        decision = verdict.outcome.first("hold")
        assert decision is not None and decision.rule == "mask-failed"
