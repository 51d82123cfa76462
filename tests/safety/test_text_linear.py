"""Every step that reads a chat message costs time in proportion to its length.

Python's regular expressions backtrack: an expression that can match one
stretch of text in many ways tries them all when the text does not match.
Each class of the defect found in this code has a test that fails where it
comes back:

* a run tried from each of its characters ("[\\w@$]*[a-z]", "[a-z.]+@",
  "\\b[a-z.]+" before something that is not there): the square of the run's
  length (2,000 characters of "_1" cost 90-150 ms to fold);
* a run that may be cut into items in many ways ("(?:\\d+[\\s,]*){2,}" before
  a digit run that ends inside a word): exponential, hours at 40 digits;
* a look-ahead that reads a run from each of its characters
  ("(?=[\\doil|]*\\d)" in "0o0o0o…");
* Unicode normalisation, which sorts a run of combining marks by insertion.

No test here compares a time with a fixed bound: this machine's speed varies
twice over. Each compares the cost of the same adversarial text at two
lengths, eight times apart, timed in the same process: a linear step costs
about 8 times more, a quadratic one 64 (:data:`MAX_GROWTH` lies between).
A case over the bound is timed again before it fails, the machine being
shared. The texts are :data:`benchmarks.text_cost.ADVERSARIES`, which
``benchmarks/text_cost.py`` times per character. Each step's rewrite is
also checked against the one expression it replaced, on short text where
that expression's backtracking is cheap: the rewrites change no answer.
"""

from __future__ import annotations

import functools
import itertools
import re
import time
import unicodedata
from collections.abc import Callable

import pytest
from benchmarks.text_cost import ADVERSARIES, Adversary, TooSlow, cost, ordinary
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from passerby.core import interests
from passerby.core.interests import MAX_INTEREST_CHARS, InterestError, normalise_interests
from passerby.core.protocol import MAX_MESSAGE_CHARS
from passerby.safety import moderation
from passerby.safety.text import TextAnalyser, normalise, retelling
from passerby.safety.text.normalise import fold, fold_digits, fold_plain
from passerby.safety.text.patterns import Patterns
from passerby.safety.text.patterns.ages import THIRD_PARTY
from passerby.safety.text.patterns.contact import LINK_APPS

# Cost at eight times the length over cost at the length: about 8 when
# linear, 64 when quadratic.
MAX_GROWTH = 20.0
# Timings of a case over the bound before it fails.
ATTEMPTS = 3

ADVERSARY_IDS = [adversary.name for adversary in ADVERSARIES]


def growth(work: Callable[[str], object], text: Callable[[int], str], short: int) -> float:
    """How many times more ``work`` costs on ``text(8 * short)`` than on
    ``text(short)``: the least of up to :data:`ATTEMPTS` timings.

    A call that runs for seconds (the guard of :func:`cost`) is the
    exponential case: it counts as infinite growth.
    """
    best = float("inf")
    small, large = text(short), text(8 * short)
    for _ in range(ATTEMPTS):
        try:
            best = min(best, cost(work, large, 3) / cost(work, small, 5))
        except TooSlow:
            return float("inf")
        if best < MAX_GROWTH:
            break
    return best


def test_adversaries_reach_the_longest_message() -> None:
    # The lengths below reach past what a client may send, and each text is
    # the length asked for.
    assert MAX_MESSAGE_CHARS < 8 * 1000
    assert all(len(adversary.text(8000)) == 8000 for adversary in ADVERSARIES)
    assert len(ordinary(8000)) == 8000


# -- the whole pipeline ---------------------------------------------------------


@pytest.mark.parametrize("adversary", ADVERSARIES, ids=ADVERSARY_IDS)
def test_folding_costs_linear_time(adversary: Adversary) -> None:
    assert growth(fold, adversary.text, 1000) < MAX_GROWTH
    assert growth(lambda text: fold(text).digits, adversary.text, 1000) < MAX_GROWTH


@pytest.mark.parametrize("adversary", ADVERSARIES, ids=ADVERSARY_IDS)
def test_the_whole_analysis_costs_linear_time(gated: TextAnalyser, adversary: Adversary) -> None:
    """Fold, quiet path, gate, every detector it wakes, the toxicity model:
    linear up to 20,000 characters, ten times the longest message."""
    assert growth(gated.analyse, adversary.text, 2500) < MAX_GROWTH


@pytest.mark.parametrize("adversary", ADVERSARIES, ids=ADVERSARY_IDS)
def test_masking_costs_linear_time(adversary: Adversary) -> None:
    assert growth(moderation.mask_personal_data, adversary.text, 1000) < MAX_GROWTH


def _every_pattern() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {"THIRD_PARTY": THIRD_PARTY}
    found.update(
        (name, value) for name, value in vars(retelling).items() if isinstance(value, re.Pattern)
    )
    for name, value in vars(Patterns()).items():
        if isinstance(value, re.Pattern):
            found[name] = value
        else:
            found.update({f"{name}[{i}]": row[0] for i, row in enumerate(value)})
    found.update({f"LINK_APPS[{app}]": pattern for app, pattern in LINK_APPS})
    return found


def _clock(work: Callable[[str], object], text: str) -> float:
    begin = time.perf_counter()
    work(text)
    return time.perf_counter() - begin


def test_every_detector_pattern_costs_linear_time() -> None:
    """Each pattern on its own, over the ``plain`` and ``words`` forms of
    every adversary, including those the gate would keep from it: the gate
    only saves work, it must not be what keeps a pattern linear.

    Timed once each first (three of them, the least), then any case over
    the bound again properly: most of the thousands of cases take
    microseconds.
    """
    forms = {
        (adversary.name, length): (folded.plain, folded.words)
        for adversary in ADVERSARIES
        for length in (500, 4000)
        for folded in [fold(adversary.text(length))]
    }
    slow = []
    for (name, pattern), adversary, form in itertools.product(
        _every_pattern().items(), ADVERSARIES, (0, 1)
    ):

        def scan(text: str, pattern: re.Pattern[str] = pattern) -> None:
            for _ in pattern.finditer(text):
                pass

        def timed(text: str, scan: Callable[[str], None] = scan) -> float:
            return min(_clock(scan, text) for _ in range(3))

        small, large = forms[adversary.name, 500][form], forms[adversary.name, 4000][form]
        if timed(large) > MAX_GROWTH * timed(small):
            sizes = {500: small, 4000: large}
            ratio = growth(scan, sizes.__getitem__, 500)
            if ratio >= MAX_GROWTH:
                slow.append((name, adversary.name, ("plain", "words")[form], round(ratio)))
    assert slow == []


# -- the classes of defect, one by one ------------------------------------------


def test_leetspeak_tokens_without_a_letter_cost_linear_time() -> None:
    """The reported case: "_1" repeated, one long token with no letter,
    which "[\\w@$€£+]*[a-z][\\w@$€£+]*" tried from each of its characters."""
    assert growth(fold, Adversary("_1", "_1").text, 1000) < MAX_GROWTH
    assert growth(normalise._fold_chars, Adversary("1", "1").text, 1000) < MAX_GROWTH


def test_digit_runs_are_not_exponential() -> None:
    """Digit words, then a number that ends inside a word: the expression
    for a run could cut the number into digits in every way. 12 more digits
    cost 4,096 times more there; here, a few characters' worth."""

    def text(digits: int) -> str:
        return "five five five " + "1" * digits + "x"

    for _ in range(ATTEMPTS):
        try:
            ratio = cost(fold_digits, text(24)) / cost(fold_digits, text(12))
        except TooSlow:
            ratio = float("inf")
        if ratio < 4:
            break
    assert ratio < 4
    assert growth(fold_digits, Adversary("", "1", "five five five ", "x").text, 1000) < MAX_GROWTH


def test_lookalike_digits_cost_linear_time() -> None:
    assert growth(fold_digits, Adversary("0o", "0o").text, 1000) < MAX_GROWTH


def test_runs_before_an_address_cost_linear_time(gated: TextAnalyser) -> None:
    """A long run of address characters before an "@", "at" or "dot" that
    does not complete an address, in the detectors and the masking."""
    p = Patterns()
    for pattern, adversary in [
        (p.email, Adversary("", "a", "@ ")),
        (p.email_spelled, Adversary("", "a.", "", " at x")),
        (p.domain_spelled, Adversary("", "-a", "", " dot")),
    ]:
        assert growth(pattern.search, adversary.text, 1000) < MAX_GROWTH
        assert growth(gated.analyse, adversary.text, 1000) < MAX_GROWTH
    for adversary in [Adversary("", "_"), Adversary("", "-_"), Adversary("", "a-", "", ".x")]:
        assert growth(moderation.mask_personal_data, adversary.text, 1000) < MAX_GROWTH


def test_combining_marks_normalise_in_linear_time() -> None:
    """Marks of two alternating classes, which normalising sorts into order
    one swap at a time."""
    marks = Adversary("", "\u0301\u0316", "a")
    assert growth(fold_plain, marks.text, 1000) < MAX_GROWTH
    assert growth(lambda tag: _normalise_or_refuse([tag]), marks.text, 1000) < MAX_GROWTH


def _normalise_or_refuse(tags: list[str]) -> tuple[str, ...] | None:
    try:
        return normalise_interests(tags)
    except InterestError:
        return None


# -- the forms the detectors' patterns rely on -----------------------------------

unicode_text = st.text(
    st.characters(codec="utf-8"), max_size=60
) | st.lists(
    st.sampled_from(
        ["a", "s", "1", "0", "o", " ", "  ", "\t", "\u00a0", "\u3000", ".", "-", "_", "@", "!",
         "aaa", "sss", "ooo", "s n a p", "s.n.a.p", "ѕ", "\u200b", "\u0301", "\u0316", "ß",
         "five", "'", "ﹰ", "¨", "I\u0307", "İ"]
    ),
    max_size=20,
).map("".join)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(text=unicode_text)
def test_forms_hold_single_spaces_and_no_letter_three_times(text: str) -> None:
    """What keeps "\\s*\\s?" and "o+o+" in the patterns to a few ways of
    matching: one white-space character between words, none at the ends,
    and in ``words`` no letter three times in a row."""
    folded = fold(text)
    for form in (folded.plain, folded.words, folded.joined, folded.digits):
        assert not re.search(r"\s\s|^\s|\s$", form)
    assert not re.search(r"([a-z])\1\1", folded.words)


# -- the rewrites change no answer -------------------------------------------------
#
# The expressions each linear form replaced, as their specification. Run on
# short text only, where their backtracking is cheap.

_DIGIT_WORD = "|".join(sorted(normalise._DIGIT_WORDS, key=len, reverse=True))
ONE_EXPRESSION_DIGIT_RUN = re.compile(
    rf"\b(?:(?:{_DIGIT_WORD}|\d+)[\s,.\-]*){{2,}}(?:{_DIGIT_WORD}|\d+)\b"
)
ONE_EXPRESSION_DIGIT_WORD = re.compile(rf"\b(?:{_DIGIT_WORD})\b")
ONE_EXPRESSION_LEET_TOKEN = re.compile(r"[\w@$€£+]*[a-z][\w@$€£+]*")
ONE_EXPRESSION_LOOKALIKE = re.compile(r"(?<=\d)[oil|](?=[\doil|]*\d)|(?<=\d[\s\-.])[oil](?=\d)")
ONE_EXPRESSION_MASKS = [
    # an address, or a name at a mail provider with no domain ending ("five@gmail")
    re.compile(
        r"[\w.+-]+@\s*(?:[\w-]+(?:\.[\w-]+)+|(?i:gmail|googlemail|hotmail|outlook|yahoo|"
        r"protonmail|proton|icloud|gmx|yandex|aol)\b)"
    ),
    re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|io|me|gg|ly|co)\b\S*", re.I),
    re.compile(r"\+?\d[\d\s().-]{5,}\d"),
]

chat_pieces = st.lists(
    st.sampled_from(
        ["five", "one", "two", "to", "too", "o", "oh", "tooh", "fivefive", "5five", "ocho", "dua",
         "1", "12", "555", "٣", "x", " ", ", ", ".", "-", "_", "?", "a", "s", "n", "@", "$", "€",
         "£", "+", "3", "0", "l", "i", "|", "!", "'", "O", "I", "1o", "o1", "0o0", "sn4pch4t",
         "k1k", "14f", "9th", "é", "ѕ", "bob", "gmail", "com", "co", "net", ".com", " at ",
         " dot ", "(at)", "[dot]", " @ ", "%", "www.", "http://", "HTTP://", "中", "\t", "\n",
         "(", ")", "+1", "fourteen", "twenty-one", "!?", "  "]
    ),
    max_size=12,
).map("".join)  # fmt: skip


def _longest_digit_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"\d+", text)), default=0)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=chat_pieces)
def test_digit_runs_fold_as_the_one_expression_did(text: str) -> None:
    assume(_longest_digit_run(text) <= 10)  # the expression is exponential in it

    def spelled(run: re.Match[str]) -> str:
        # a number read out in words: its commas from the first word on are
        # spaces ("uno dos, ocho ocho 4")
        text = run.group()
        first = ONE_EXPRESSION_DIGIT_WORD.search(text)
        if first is not None:
            text = text[: first.end()] + text[first.end() :].replace(",", " ")
        return ONE_EXPRESSION_DIGIT_WORD.sub(
            lambda word: normalise._DIGIT_WORDS[word.group()], text
        )

    assert normalise._fold_digit_runs(text) == ONE_EXPRESSION_DIGIT_RUN.sub(spelled, text)


@settings(max_examples=1000, deadline=None)
@given(text=chat_pieces)
def test_leetspeak_and_lookalikes_fold_as_the_one_expression_did(text: str) -> None:
    def unleet(match: re.Match[str]) -> str:
        token = match.group()
        if not normalise._LEET_CHARS.search(token) or normalise._NUMBER_WORD.match(token):
            return token
        return token.translate(normalise._LEET)

    def lookalike(match: re.Match[str]) -> str:
        return match.group().translate(normalise._LOOKALIKE_DIGIT)

    assert normalise._LEET_TOKEN.sub(normalise._unleet, text) == (
        ONE_EXPRESSION_LEET_TOKEN.sub(unleet, text)
    )
    assert normalise._DIGIT_LOOKALIKE.sub(lookalike, text) == (
        ONE_EXPRESSION_LOOKALIKE.sub(lookalike, text)
    )


def _one_expression(pattern: re.Pattern[str], linear: str, one: str) -> re.Pattern[str]:
    """``pattern`` with its linear start ``linear`` written as ``one``."""
    assert pattern.pattern.startswith(linear)
    return re.compile(one + pattern.pattern.removeprefix(linear))


@functools.cache
def _patterns() -> Patterns:
    return Patterns()


@functools.cache
def _contact_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each linear contact pattern, and the one expression it replaced."""
    p = _patterns()
    return [
        (
            p.email,
            _one_expression(
                p.email,
                r"(?<![a-z0-9._%+\-])[a-z0-9._%+\-]++@[a-z0-9\-]++",
                r"[a-z0-9._%+\-]+@[a-z0-9\-]+",
            ),
        ),
        (
            p.email_spelled,
            _one_expression(
                p.email_spelled,
                r"(?<![a-z0-9._\-])(?>[a-z0-9._\-]*?\b)[a-z0-9._\-]++",
                r"\b[a-z0-9._\-]+",
            ),
        ),
        (
            p.domain_spelled,
            _one_expression(
                p.domain_spelled,
                r"(?<![a-z0-9\-])(?>[a-z0-9\-]*?\b)[a-z0-9\-]{2,}+",
                r"\b[a-z0-9\-]{2,}",
            ),
        ),
    ]


@settings(max_examples=1000, deadline=None)
@given(text=chat_pieces)
def test_contact_patterns_answer_as_the_one_expressions_did(text: str) -> None:
    """The detectors ask whether these match, and for the spelled domain's
    top-level domain."""
    for linear, one in _contact_patterns():
        found, expected = linear.search(text), one.search(text)
        assert bool(found) == bool(expected)
        if found and expected and "tld" in one.groupindex:
            assert found.group("tld") == expected.group("tld")
    # A message that is only an age, its repeats made possessive.
    age_bare = _patterns().age_bare
    assert "*+" in age_bare.pattern
    one = re.compile(age_bare.pattern.replace("*+", "*"))
    found, expected = age_bare.match(text), one.match(text)
    assert (found and found.group("num")) == (expected and expected.group("num"))


@settings(max_examples=1000, deadline=None)
@given(text=chat_pieces)
def test_masking_hides_what_the_one_expressions_did(text: str) -> None:
    expected = text
    for pattern in ONE_EXPRESSION_MASKS:
        expected = pattern.sub("•••", expected)
    assert moderation.mask_contacts(text) == expected


marked_text = st.lists(
    st.one_of(
        st.sampled_from(["a", "α", "Α", "I", "e", " ", "x", "ᾂ", "\u1100", "\u1161", "ﹰ"]),
        st.lists(
            st.sampled_from(["\u0301", "\u0316", "\u0345", "\u0307", "\u0313", "\u0300", "\u05b0",
                             "\u0f73", "\u0f71", "\u0f72", "\u3099", "\u034f"]),
            min_size=20,
            max_size=70,
        ).map("".join),
    ),
    max_size=5,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=marked_text)
def test_long_runs_of_marks_fold_as_before(text: str) -> None:
    """Cutting a run of more than 30 marks changes nothing once the marks
    are stripped ("\\u0345", which case-folds to "ι", included)."""
    out = unicodedata.normalize("NFKC", text).casefold()
    out = unicodedata.normalize("NFKD", out)
    out = "".join(ch for ch in out if not unicodedata.combining(ch)).translate(normalise._TABLE)
    assert fold_plain(text) == normalise._SPACES.sub(" ", out).strip()


def test_no_combining_mark_lies_above_the_range_scanned() -> None:
    chars = "".join(map(chr, range(normalise._LAST_MARK + 1, 0x110000)))
    assert not any(map(unicodedata.combining, chars))
    decomposed = [ch for ch in chars if unicodedata.decomposition(ch)]
    assert not [
        ch
        for ch in decomposed
        if all(map(unicodedata.combining, unicodedata.normalize("NFKD", ch)))
    ]


# -- interests --------------------------------------------------------------------


def test_composing_makes_one_character_of_four_at_most() -> None:
    """What lets a long tag be refused before it is normalised."""
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    decomposed = [ch for ch in chars if unicodedata.decomposition(ch)]
    longest = max(len(unicodedata.normalize("NFD", ch)) for ch in decomposed)
    assert longest <= interests._COMPOSED_AT_MOST


tag_text = st.lists(
    st.sampled_from(
        ["a", "B", " ", "  ", "\u3000", "\u00a0", "\t", "\u0301", "\u0316", "\u0345", "ᾂ", "α",
         "\u0313", "¨", "ﹰ", "ﬁ", "\ufdfa", "가", "\u1100", "\u1161", "\u11a8", "İ"]
    ),
    min_size=20,
    max_size=200,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(tag=tag_text)
def test_a_tag_refused_unread_is_one_normalising_would_refuse(tag: str) -> None:
    if len(interests._SPACES.sub(" ", tag)) > interests._MAX_RAW_TAG_CHARS:
        assert len(interests.normalise_tag(tag)) > MAX_INTEREST_CHARS
        assert _normalise_or_refuse([tag]) is None
