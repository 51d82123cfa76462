"""What folding and the whole analyser cost per character of adversarial text.

Every step that reads a chat message must cost time in proportion to its
length: a step that costs the square of it lets two devices sending 2,000
characters five times a second hold up everyone else's messages (Python's
regular expressions backtrack, and one that can split a stretch of text in
many ways tries them all). This benchmark drives :func:`fold` and
:meth:`TextAnalyser.analyse` (fold, gate, every detector, the toxicity model)
with texts built to make them backtrack, :data:`ADVERSARIES`: units of one,
two or three characters drawn from what each expression reads ("_1", "a.",
"s n ", "0o"), long runs of one character, digit words before a digit run
that ends inside a word, homoglyphs, invisible characters, combining marks
of alternating classes, and the trigger words that wake each detector, at
several lengths.

For each it prints the cost per character (µs/char, the least over
``--repeats`` timings of a batch of calls) at each length; the worst of them
as a ratio to what ordinary chat costs per character (the small talk of
:data:`SMALL_TALK`, one message a line, as the server sees it); and how many
times more a character costs at the longest length than at the shortest
(about 1 for a linear step, the ratio of the lengths for a quadratic one).
It exits 1 when any adversary's ratio passes :data:`BOUND` or its growth
:data:`MAX_GROWTH` (after timing it again, the machine being shared), or
when one call runs past :data:`GUARD_SECONDS` (the exponential case, which
would otherwise run for hours). Both are ratios of times taken in the same
run, so the machine's speed does not matter. The row "ordinary chat, long"
is the small talk run together into one text of each length.
``tests/safety/test_text_linear.py`` checks the same texts by how their cost
grows with length, not by time.

Run: ``python benchmarks/text_cost.py [--lengths 500 2000 8000] [--repeats 5]``;
10 to 30 seconds (minutes before the fix: the quadratic texts at 8,000
characters, and the exponential one up to its guard).
"""

from __future__ import annotations

import argparse
import gc
import math
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from passerby.safety.text import TextAnalyser
from passerby.safety.text.normalise import fold

# An adversary may cost at most this many times what ordinary chat costs
# per character. Linear steps stay under a dozen: text that wakes every
# detector, and the toxicity model that long text always wakes, cost some
# ten times what small talk the quiet path answers costs; folding text that
# is not ASCII, or runs of single letters, a few times more than folding
# words. A step that costs the square of the length passes it at 8,000
# characters if not before.
BOUND = 30.0
# A character of an adversary may cost at most this many times more at the
# longest length than at the shortest: 16 times apart by default, where a
# quadratic step's costs 16 times more, and a linear step's about the same.
MAX_GROWTH = 4.0
# One call that runs this long is exponential; a linear one on 20,000
# characters takes milliseconds. Not a speed bound: a hang guard.
GUARD_SECONDS = 5.0
# Each timing is of a batch of calls lasting at least this long.
BATCH_SECONDS = 0.002


@dataclass(frozen=True, slots=True)
class Adversary:
    """``unit`` repeated to the length asked, between ``head`` and ``tail``."""

    name: str
    unit: str
    head: str = ""
    tail: str = ""

    def text(self, length: int) -> str:
        body = max(0, length - len(self.head) - len(self.tail))
        return self.head + (self.unit * (body // len(self.unit) + 1))[:body] + self.tail


ADVERSARIES: tuple[Adversary, ...] = (
    # Runs of one character.
    Adversary("a", "a"),
    Adversary("1", "1"),
    Adversary("space", " ", "a", "a"),
    Adversary(".", ".", "a"),
    Adversary("_", "_"),
    Adversary("-", "-", "a", ".com"),
    Adversary("@", "@"),
    # Leetspeak: tokens with no letter ("_1_1…", the reported case), tokens
    # of leet characters and letters, "!" between letters.
    Adversary("_1", "_1"),
    Adversary("_1 then x", "_1", "", "x"),
    Adversary("$_", "$_"),
    Adversary("@_", "@_"),
    Adversary("1-", "1-"),
    Adversary("5n@p", "5n@p"),
    Adversary("x!", "x!"),
    # Letters spelled out with punctuation or spaces, runs of repeats.
    Adversary("a.", "a."),
    Adversary("a. a.", "a. "),
    Adversary("a-", "a-", "", "a"),
    Adversary("s n s n", "s n "),
    Adversary("1 1 1", "1 "),
    Adversary("1 a 1 a", "1 a "),
    Adversary("ab", "ab"),
    # Digits: look-alike letters between digits, runs of digit words, digit
    # words before a number that ends inside a word (exponential before).
    Adversary("0o", "0o"),
    Adversary("1o then 1", "1o", "", "1"),
    Adversary("o1", "o1"),
    Adversary("five five", "five "),
    Adversary("fivefive", "five", "one two "),
    Adversary("toooh", "too", "one two ", "h"),
    Adversary("one two 1", "one two 1 "),
    Adversary("digit words, 1…1x", "1", "five five five ", "x"),
    Adversary("digit words, 1-1-…x", "1-", "five five five ", "x"),
    # Contact details: runs before an "@" or "at", a domain, a phone number.
    Adversary("@ then a", "a", "@ "),
    Adversary("a. at x", "a.", "", " at x"),
    Adversary("a_ @ x", "a_", "", " @ x"),
    Adversary("-a dot", "-a", "", " dot"),
    Adversary("a.b.", "a.b.", "bob@", "1"),
    Adversary("1(", "1("),
    Adversary("call me 1 1", "1 1 ", "call me "),
    Adversary("www.", "www.", "http://"),
    Adversary("jalan a", "jalan a "),
    # Detector trigger words, repeated.
    Adversary("my snap is", "my snap is "),
    Adversary("add me on", "add me on "),
    Adversary("how old r u", "how old r u "),
    Adversary("im 14", "im 14 ", "", " yo"),
    Adversary("dont tell", "dont tell "),
    Adversary("send pics", "send pics "),
    Adversary("sexy", "sexy "),
    Adversary("14 . 14 .", "14 . "),
    # Unicode: homoglyphs, invisible characters, combining marks (of one
    # class, and of two alternating classes, which normalising sorts).
    Adversary("homoglyphs", "ѕnар "),
    Adversary("zero-width", "a\u200b"),
    Adversary("zero-width alone", "\u200b"),
    Adversary("marks", "\u0301", "a"),
    Adversary("marks, two classes", "\u0301\u0316", "a"),
    Adversary("letter+mark", "a\u0301"),
    Adversary("emoji", "😀 "),
)

SMALL_TALK = (
    "hey, how is your day going so far?",
    "i just got back from work, so tired",
    "what kind of music do you like?",
    "haha that's so funny",
    "do you play any video games?",
    "the weather here is awful today, it won't stop raining",
    "i'm learning to play the guitar",
    "nice, how long have you been doing that?",
    "have you seen the new spider-man movie?",
    "i have an exam tomorrow and i haven't studied at all",
)


def ordinary(length: int) -> str:
    """Ordinary chat text, ``length`` characters of it."""
    text = " ".join(SMALL_TALK)
    return (text + " ") * (length // (len(text) + 1)) + text[: length % (len(text) + 1)]


class TooSlow(Exception):
    """One call ran past the guard: the step is exponential in the length."""


@contextmanager
def guard(seconds: float = GUARD_SECONDS) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (the regular expression engine
    checks for signals, so even one call into it is interrupted)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TooSlow(f"one call ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cost(work: Callable[[str], object], text: str, repeats: int = 5) -> float:
    """Seconds one call of ``work(text)`` takes: the least, over ``repeats``
    timings, of the mean over a batch of calls lasting ``BATCH_SECONDS``.

    Raises:
        TooSlow: one call ran past ``GUARD_SECONDS``.
    """
    clock = time.perf_counter
    with guard():
        begin = clock()
        work(text)  # also warms the per-token memos, as chat does
        once = clock() - begin
    calls = max(1, math.ceil(BATCH_SECONDS / max(once, 1e-7)))
    best = math.inf
    collecting = gc.isenabled()
    gc.disable()  # as timeit does: a collection is no cost of the text's
    try:
        with guard(GUARD_SECONDS * repeats):
            for _ in range(repeats):
                begin = clock()
                for _ in range(calls):
                    work(text)
                best = min(best, (clock() - begin) / calls)
    finally:
        if collecting:
            gc.enable()
    return best


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    per_char: dict[int, float]  # µs per character at each length (inf: guard)
    ratio: float  # the worst of them ÷ ordinary chat's µs per character
    growth: float  # at the longest length ÷ at the shortest

    @property
    def failed(self) -> bool:
        return self.ratio > BOUND or self.growth > MAX_GROWTH


def measure(
    work: Callable[[str], object], texts: Callable[[int], str], lengths: Sequence[int], repeats: int
) -> dict[int, float]:
    found: dict[int, float] = {}
    for length in lengths:
        try:
            found[length] = cost(work, texts(length), repeats) / length * 1e6
        except TooSlow:
            found[length] = math.inf
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[500, 2000, 8000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    lengths: list[int] = args.lengths
    repeats: int = args.repeats

    analyser = TextAnalyser()
    steps: dict[str, Callable[[str], object]] = {"fold": fold, "analyse": analyser.analyse}
    chars = sum(map(len, SMALL_TALK))
    baseline = {
        step: sum(cost(work, line, repeats) for line in SMALL_TALK) / chars * 1e6
        for step, work in steps.items()
    }

    def row(step: str, name: str, texts: Callable[[int], str]) -> Row:
        per_char = measure(steps[step], texts, lengths, repeats)
        worst = max(per_char.values())
        growth = per_char[max(lengths)] / per_char[min(lengths)]
        return Row(name, per_char, worst / baseline[step], growth)

    rows: dict[str, list[Row]] = {step: [] for step in steps}
    for step in steps:
        rows[step].append(row(step, "ordinary chat, long", ordinary))
        for adversary in ADVERSARIES:
            found = row(step, adversary.name, adversary.text)
            if found.failed:  # the machine is shared: time it again
                again = row(step, adversary.name, adversary.text)
                found = again if not again.failed else found
            rows[step].append(found)

    print(f"µs per character, the least of {repeats} timings; ratio: the worst of them ÷")
    print(f"ordinary chat's µs per character (one message a line), bound {BOUND:g}x; growth:")
    print(f"µs per character at {max(lengths)} ÷ at {min(lengths)}, bound {MAX_GROWTH:g}x\n")
    width = 9 * len(lengths) + 14
    header = f"{'text':<22}" + "".join(f"| {step:<{width}}" for step in steps)
    columns = "  ".join(f"{n:>7}" for n in lengths) + "   ratio growth "
    print(header)
    print(f"{'':<22}" + f"| {columns}" * len(steps))
    print("-" * len(header))

    def cells(found: Row) -> str:
        times = "  ".join(
            f"{found.per_char[n]:7.3f}" if found.per_char[n] < math.inf else "  guard"
            for n in lengths
        )
        growth = f"{found.growth:5.1f}x" if found.growth == found.growth else "    -"
        return f"| {times}  {found.ratio:6.1f}x {growth}" + ("!" if found.failed else " ")

    for index in range(len(ADVERSARIES) + 1):
        name = rows["fold"][index].name
        print(f"{name[:22]:<22}" + "".join(cells(rows[step][index]) for step in steps))
    print("-" * len(header))
    failed = False
    for step in steps:
        adversaries = rows[step][1:]
        worst = max(adversaries, key=lambda found: found.ratio)
        steepest = max(adversaries, key=lambda found: found.growth)
        print(
            f"{step}: ordinary chat {baseline[step]:.3f} µs/char; worst {worst.name!r}, "
            f"{max(worst.per_char.values()):.3f} µs/char, {worst.ratio:.1f}x (bound "
            f"{BOUND:g}x); steepest {steepest.name!r}, {steepest.growth:.1f}x "
            f"(bound {MAX_GROWTH:g}x)"
        )
        failed |= any(found.failed for found in adversaries)
    if failed:
        print("FAIL: some text costs more per character than the bounds allow")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
