"""The quiet path answers "no signal" only where the full path does.

Each test compares the quiet test's answer with the gate's own (a message is
quiet only if the gate chooses no detector for it) and with an analyser that
runs every detector, or checks that the path is taken where it should be: a
quiet path that lets a message through unexamined fails here, and so does
one that is never taken.
"""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.safety.test_gate import MESSAGES, ascii_text, chatty, joining, messages

from passerby.safety.text import TextAnalyser
from passerby.safety.text.gate import Trigger
from passerby.safety.text.normalise import fold
from passerby.safety.text.quiet import QuietPath
from passerby.safety.text.toxicity import ToxicityScorer

# As the benchmark's load generator writes them: a hex number with
# consonants for digits ("bbbbbbmcddjhpctj"), so every line is new.
CONSONANTS = str.maketrans("0123456789abcdef", "bcdfghjklmnpqrst")
tokens = st.integers(1, 2**40).map(lambda n: format(n, "016x").translate(CONSONANTS))
loadgen_lines = st.tuples(st.sampled_from("spe"), tokens, st.sampled_from(
    ["hey, how is your day going so far?", "are you still there?"]
)).map(" ".join)  # fmt: skip


def _quiet(analyser: TextAnalyser) -> QuietPath:
    quiet = analyser._quiet
    assert isinstance(quiet, QuietPath)
    return quiet


def test_quiet_messages_of_the_corpus_have_no_signal(
    gated: TextAnalyser, ungated: TextAnalyser
) -> None:
    quiet = _quiet(gated)
    said_quiet = [text for text in MESSAGES if quiet(text)]
    assert [text for text in said_quiet if ungated.analyse(text)] == []
    assert gated._gate is not None
    assert [text for text in said_quiet if gated._gate.select(fold(text))] == []
    # The path is taken on ordinary lines, not only on the empty ones.
    assert len(said_quiet) > len(MESSAGES) // 4


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(messages, joining, ascii_text, chatty, loadgen_lines))
def test_quiet_only_where_no_detector_can_fire(
    gated: TextAnalyser, ungated: TextAnalyser, text: str
) -> None:
    if _quiet(gated)(text):
        assert gated._gate is not None
        assert gated._gate.select(fold(text)) == []
        assert ungated.analyse(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "s bbbbbbmcddjhpctj hey, how is your day going so far?",
        "p bbbbbbbbbbbbbbbd are you still there?",
        "hey, how is your day going so far?",
        "what kind of music do you like?",
        "lol same",
        "I LOVE that movie!!",
        # a name inside a longer word ("anta" in "fantasy", "santa"): the
        # gate's literals for a name said alone are whole words
        "i like reading fantasy books",
    ],
)
def test_ordinary_chat_is_quiet(gated: TextAnalyser, text: str) -> None:
    # Not a timing test: the server's commonest messages must take the quiet
    # path, or each of them is folded and scanned the long way again.
    assert _quiet(gated)(text)
    assert gated.analyse(text) == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("call me 555 123 4567", "digits enough for a phone number"),
        ("my number is five five five one two three four", "spelled digits"),
        # Each of these is refused for the reason given and no other.
        ("i n s t a g r a m", "letters that join across spaces"),
        ("s. n. a. p", "letters that join across punctuation and spaces"),
        ("ur a fr3ak", "the toxicity bound of the folded words"),
        ("i'm 14", "an apostrophe: joined is not plain"),
        # Only ``joined``, which drops the apostrophe, reads the disclosure.
        ("i just tur'ned 15 yesterday", "an apostrophe inside a word"),
        ("¿de dónde eres?", "not ASCII"),
        ("you are a stupid idiot", "the toxicity bound"),
        ("add me on snap", "a literal of the word scan"),
        ("mail me at bob@example.com", "a literal of the plain scan"),
        ("14", "a pattern searched as it is (a bare age)"),
        ("", "nothing to read"),
        ("   ", "white space alone"),
    ],
)
def test_not_quiet(gated: TextAnalyser, text: str, why: str) -> None:
    assert not _quiet(gated)(text), why


def test_a_refused_message_is_still_analysed(gated: TextAnalyser) -> None:
    names = {signal.name for signal in gated.analyse("add me on snap, I'm 14")}
    assert {"off_platform", "age_disclosure_minor"} <= names
    names = {signal.name for signal in gated.analyse("i just tur'ned 15 yesterday")}
    assert "age_disclosure_minor" in names


def test_unavailable_model_keeps_the_path() -> None:
    missing = ToxicityScorer(loader=_missing)
    assert missing.lift_cutoff(0.5) == math.inf
    without_model = TextAnalyser(missing)
    quiet = _quiet(without_model)
    ungated_without = TextAnalyser(missing, prefilter=False)
    rng = random.Random(7)
    said_quiet = [text for text in rng.sample(MESSAGES, 300) if quiet(text)]
    assert [text for text in said_quiet if ungated_without.analyse(text)] == []
    assert len(said_quiet) > 300 // 4  # the path is taken, not only kept


def test_no_quiet_path_beside_a_check_it_does_not_know(scorer: ToxicityScorer) -> None:
    class MoreChecks(TextAnalyser):
        def _triggers(self) -> list[Trigger]:
            return [*super()._triggers(), Trigger(self._sexual, check=lambda f: True)]

    assert MoreChecks(scorer)._quiet is None
    assert TextAnalyser(scorer)._quiet is not None


def test_no_bound_no_quiet_path(gated: TextAnalyser) -> None:
    class NoBound(ToxicityScorer):
        def lift_cutoff(self, threshold: float) -> float | None:
            return None

    assert gated._gate is not None
    assert QuietPath.build(gated._gate, NoBound(loader=_missing), 0.5, 7) is None
    assert TextAnalyser(NoBound(loader=_missing))._quiet is None


def _missing() -> tuple[object, object]:
    raise ImportError("no model here")
