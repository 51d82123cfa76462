"""Folding: each obfuscation trick maps back to the plain word."""

from __future__ import annotations

import pytest

from passerby.safety.text.normalise import fold


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("Sn@pCh4t", "snapchat"),
        ("ＳＮＡＰ", "snap"),  # full-width, NFKC
        ("ѕnар", "snap"),  # Cyrillic look-alikes
        ("κik", "kik"),  # Greek kappa
        ("sna\u200bp", "snap"),  # zero-width space
        ("s n a p c h a t", "snapchat"),
        ("s.n.a.p", "snap"),
        ("s-n-a-p", "snap"),
        ("s_n_a_p", "snap"),
        ("hiiiiii", "hii"),
        ("k1k", "kik"),
        ("wh@ts@pp", "whatsapp"),
        ("I'm", "im"),
        ("I’m", "im"),
        ("café", "cafe"),
    ],
)
def test_words_form_undoes_obfuscation(raw: str, words: str) -> None:
    assert fold(raw).words == words


def test_chat_shorthand_keeps_its_words() -> None:
    # Three single letters separated by spaces are shorthand, not a spelled word.
    assert fold("r u a boy").words == "r u a boy"


def test_numbers_with_suffixes_are_not_leet() -> None:
    assert fold("14f").words == "14f"
    assert fold("9th grade").words == "9th grade"
    assert fold("i have 2 dogs").words == "i have 2 dogs"


def test_plain_form_keeps_digits_and_punctuation() -> None:
    folded = fold("Email: Bob@Gmail.com, I'm 14!")
    assert folded.plain == "email: bob@gmail.com, i'm 14!"


def test_question_marks_survive_in_words() -> None:
    assert fold("age??").words == "age??"


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("five five five one two three four", "5 5 5 1 2 3 4"),
        ("call 555 O1l2", "call 555 0112"),
        ("cinco cinco cinco uno dos", "5 5 5 1 2"),
        ("nove oito sete meia um", "9 8 7 6 1"),
        ("null eins sieben zwo acht", "0 1 7 2 8"),
    ],
)
def test_digits_form_reads_spelled_digits(raw: str, digits: str) -> None:
    assert fold(raw).digits == digits


def test_lone_number_words_are_left_alone() -> None:
    text = "no one wants to go for a walk"
    assert fold(text).digits == text


@pytest.mark.parametrize(
    "text", ["ich hab acht oder neun stunden geschlafen", "um dia eu te conto, sete vidas"]
)
def test_number_words_in_a_sentence_are_left_alone(text: str) -> None:
    assert fold(text).digits == fold(text).plain


def test_whitespace_is_collapsed() -> None:
    assert fold("  hi \n\t there ").plain == "hi there"
