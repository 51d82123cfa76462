"""The gate may skip a detector only where it provably finds nothing.

Every test here compares the gated analyser with one that runs every
detector on every message, or checks one of the bounds the gate relies on,
so a gate that wrongly skips a detector fails them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.safety.corpus import MESSAGES

from passerby.safety.text import TextAnalyser
from passerby.safety.text.gate import _probe, lookup_of
from passerby.safety.text.normalise import (
    _fold_any_token,
    _fold_words,
    digits_at_most,
    fold,
    fold_digits,
    fold_plain,
    fold_token,
    fold_words,
)
from passerby.safety.text.patterns import Patterns
from passerby.safety.text.patterns.contact import LINK_APPS
from passerby.safety.text.toxicity import ToxicityScorer

# Words of the corpus and of the detectors' own vocabulary, to build
# messages that come close to firing them.
VOCABULARY = sorted(
    {word for text in MESSAGES for word in re.findall(r"[\w@.#/:'+-]+", text.lower())}
)
# Patterns that gate no detector: helpers, or read only after a trigger has
# matched (the off-platform requests search a window around an app name).
NOT_TRIGGERS = {
    # read once a name-call or an insult was found
    "vocative_last",
    "first_person",
    "affection",
    "non_alnum",
    "phone",
    "date",
    "date_spaced",
    "phone_context",
    "address_hint",
    "off_requests",
    "app_mention",
    "age_hint",
    "age_self",  # listed as the first of age_disclosures
    "innocent_picture",
    "denied_before",
    "picture_of_you",
    "confide",
    "confide_told",
    "parents_or_us",
    "partners_parents",
    "tell_nobody_end",  # the secrecy detector's own secret sealed at the end
    "kept_from_anyone",  # ...and a secret kept from "anyone" alone
    "kept_here",
    "surprise_for_another",  # ...and one that is a surprise for someone else
    "age_school",  # opens with a number, as age_lead does
    "own_words",
    "not_own",
    "you_or_us",
    "game_named",
    "game_id",
    "named_before",  # read once a domain was found
    "app_at",  # read once an e-mail address spelled out was found
    "id_given",
    "meet_in_game",
    "meet_in_group",
    "gifts",  # gated by gift_valuable, which each of them needs
    "sexual_expletive",
    "nude_video",  # read once a word for nakedness matched
    # read only once the toxicity score is over the threshold: who it aims at
    "swearing",
    "said_elsewhere",
    "named_elsewhere",
    "second_person",
    "insult_noun",
    "insult_phrase",
    "insult_denied",
    "myself",
    "reported",
    # read only once a sexual word or a toxicity score was found: the word
    # looked up or translated
    "defining",
    "defined_plain",
    "praised",  # read once the model scored an insult noun
    "most_asked",  # read once a put-down was found near "you"
    # read only once a detector's own trigger matched: a link found (the
    # advert's cue words, the sites people share songs from), an insult
    # found (laughter that makes it teasing)
    "promo_cue",
    "promo_cue_loud",
    "scam_talk",
    "own_page",  # read once an adult site's name matched: whose page it is
    "told_of_page",
    "content_site",
    "joking",
    "mild_insult",
    "laughed_insult",
    "exposure",  # read once its hint matched (insults.exposure)
    "pix_payment",  # read once a picture request matched
    "laughed_phrase",
    "short_dismissal",
    "insult_alone",
    # read once a name-calling word was found (name_call_words): where the
    # commas put it
    "vocative",
    # read once an insult was found: the partner excluded or the speaker
    # included ("not you", "we're both idiots"), or named elsewhere
    "not_you",
    "us_both",
    "you_any",
    "plain_dismissal",
    "contempt_denied",
    "contempt",  # read once a put-down (put_down) woke the detector
    "between_us",
    "someone_else",
    # read once a link or free goods were found
    "promo_cue_weak",
    "promo_call",
    "promo_domain",
    *(name for name in vars(Patterns()) if name.endswith("_gate")),
}


def test_gated_and_ungated_agree_on_the_corpus(gated: TextAnalyser, ungated: TextAnalyser) -> None:
    differ = [(m, gated.analyse(m), ungated.analyse(m)) for m in MESSAGES]
    assert [d for d in differ if d[1] != d[2]] == []
    assert sum(1 for _, signals, _ in differ if signals) > 300  # the corpus does fire


def _obfuscate(word: str, how: int) -> str:
    leet = str.maketrans("aeiost", "431057")
    tricks = [
        word,
        word.upper(),
        word.translate(leet),
        " ".join(word),
        ".".join(word),
        "-".join(word),
        "\u200b".join(word),
        word.replace("a", "а").replace("o", "о").replace("e", "е"),  # Cyrillic
        word + word[-1:] * 3,
        f"{word}!!",
        f"{word}?",
        f"'{word}'",
    ]
    return tricks[how % len(tricks)]


messages = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), st.integers(0, 11)), min_size=1, max_size=9
).map(lambda parts: " ".join(_obfuscate(word, how) for word, how in parts))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=messages)
def test_gated_and_ungated_agree_on_obfuscated_corpus_words(
    gated: TextAnalyser, ungated: TextAnalyser, text: str
) -> None:
    assert gated.analyse(text) == ungated.analyse(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_gated_and_ungated_agree_on_any_text(
    gated: TextAnalyser, ungated: TextAnalyser, text: str
) -> None:
    assert gated.analyse(text) == ungated.analyse(text)


@pytest.mark.parametrize(
    "text",
    [
        "s bbbbbbbbbbbbgfsc hey, how is your day going so far?",
        "p bbbbbbbbbbbbbbbd are you still there?",
        "e bbbbbbbbbbbbbbbd are you still there?",
        "s 3fa9 hey, how is your day going so far?",
        "p 91 are you still there?",
        "what kind of music do you like?",
    ],
)
def test_benign_chat_wakes_no_detector(gated: TextAnalyser, text: str) -> None:
    # Not a timing test: the gate must do its job on the server's commonest
    # messages, or the detectors all run again.
    assert gated._gate is not None
    assert [d.__name__ for d in gated._gate.select(fold(text))] == []


def test_every_pattern_gates_its_detector_or_is_named_as_not_gating(gated: TextAnalyser) -> None:
    # A detector that starts reading a new pattern must list it in its
    # trigger, or the gate would skip the detector where only it matches.
    listed = {
        id(pattern)
        for trigger in gated._triggers()
        for form in (trigger.plain, trigger.words, trigger.joined)
        for pattern in form
    }
    patterns = gated._p
    unlisted = []
    for name, value in vars(patterns).items():
        if name in NOT_TRIGGERS:
            continue
        found = [value] if isinstance(value, re.Pattern) else [row[0] for row in value]
        unlisted += [name for pattern in found if id(pattern) not in listed]
    assert unlisted == []
    assert all(id(pattern) in listed for _, pattern in LINK_APPS)


ascii_text = st.text(alphabet=st.characters(min_codepoint=9, max_codepoint=126), max_size=40)
chatty = st.text(alphabet="abcs ,.?!'-u", max_size=30)


@settings(max_examples=3000, deadline=None)
@given(text=st.one_of(ascii_text, chatty, st.text(max_size=20)))
def test_fast_folds_are_the_slow_ones(text: str) -> None:
    plain = fold_plain(text)
    assert fold_words(plain) == _fold_words(plain)
    if text.isascii():
        assert plain == re.sub(r"\s+", " ", text.lower()).strip()


@settings(max_examples=3000, deadline=None)
@given(text=st.one_of(ascii_text, st.text(alphabet="0123456789oil| -.five", max_size=40)))
def test_digit_bound_holds(text: str) -> None:
    plain = fold_plain(text)
    digits = fold_digits(plain)
    assert digits_at_most(plain) >= sum(ch in "0123456789" for ch in digits)


@settings(max_examples=1000, deadline=None)
@given(text=messages, threshold=st.sampled_from([0.2, 0.5, 0.9]))
def test_toxicity_bound_holds(scorer: ToxicityScorer, text: str, threshold: float) -> None:
    score = scorer.score(text)
    assert score is not None
    if not scorer.may_reach(text, threshold):
        assert score < threshold


# Text built to make neighbouring tokens join: lone letters and digits with
# punctuation gaps ("s. n. a. p") or spaces ("s n a p"), apostrophes,
# leetspeak, and tokens of punctuation alone (":)") between them.
joining = st.lists(
    st.sampled_from(["s", "n", "a", "p", "1", "4", ".", "-", ",", ":)", "'", "!", "|", "ab", "x."]),
    max_size=12,
).map(lambda parts: "".join(f"{part} " if i % 3 else part for i, part in enumerate(parts)))


@settings(max_examples=3000, deadline=None)
@given(text=st.one_of(joining, ascii_text, chatty))
def test_token_by_token_fold_is_the_fold_in_one_go(text: str) -> None:
    plain = fold_plain(text)
    folded = fold(text)
    assert folded.plain == plain
    assert folded.words == _fold_words(plain)
    # What fold learnt from the tokens is what the whole text says.
    assert folded.digit_bound == digits_at_most(plain)
    changed = re.sub("[^a-z0-9]", "", plain) != re.sub("[^a-z0-9]", "", folded.words)
    assert folded.letters_changed == changed


@settings(max_examples=3000, deadline=None)
@given(token=st.text(alphabet="abcxyz0134579s", min_size=1, max_size=12))
def test_quick_token_fold_is_the_step_by_step_one(token: str) -> None:
    assert fold_token(token) == _fold_any_token(token)


def _reference_may_reach(scorer: ToxicityScorer, text: str, threshold: float) -> bool:
    """may_reach without the per-token bound: the sum over distinct terms."""
    cutoff = scorer._cutoff(threshold)
    terms = set(re.findall(r"\w\w+", text.lower()))
    return sum(scorer._lift.get(term, 0.0) for term in terms) >= cutoff


@settings(max_examples=1000, deadline=None)
@given(text=messages, threshold=st.sampled_from([0.2, 0.5, 0.9]))
def test_toxicity_token_bound_changes_no_answer(
    scorer: ToxicityScorer, text: str, threshold: float
) -> None:
    assert scorer.may_reach(text, threshold) == _reference_may_reach(scorer, text, threshold)
    for token in text.lower().split():
        if token.isascii():
            # Cached is fresh, and a token's share is that of its terms.
            terms = set(re.findall(r"\w\w+", token))
            share = sum(scorer._lift.get(term, 0.0) for term in terms)
            assert scorer._token_lift[token] == pytest.approx(share, rel=1e-12, abs=0)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bim (\d\d)$\b", "yeah im 15"),
        (r"\b^hey there", "hey there!"),
        (r"\bfoo\b$", "a foo"),
        (r"^\bbaz", "baz qux"),
    ],
)
def test_a_boundary_beyond_the_ends_asks_for_nothing_past_them(pattern: str, text: str) -> None:
    # A word boundary next to "$" or "^" reads nothing beyond the probe's
    # marks: the lookup of a pattern that matches must be found in the probe.
    compiled = re.compile(pattern)
    assert compiled.search(text)
    lookup = lookup_of(compiled, words=True)
    probe = _probe(text)
    assert any(literal in probe for literal in lookup.key)
