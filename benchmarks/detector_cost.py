"""What the text detectors cost per message, on benign chat and on the corpus.

Times :meth:`TextAnalyser.analyse` (no cache in front of it) and its parts,
folding and the toxicity model, over three sets of messages:

``loadgen``
    the load generator's lines (``benchmarks/loadgen.py``): saturation lines
    "s TOKEN hey, how is your day going so far?", pings "p TOKEN are you
    still there?" and their echoes, each with its own token, so no line
    repeats; as in the server, every pass reads new tokens (a pass over
    tokens already seen would find them in the per-token memos);
``smalltalk``
    ordinary, varied small talk (and the same lines with a hex token in
    front, "s 3fa9 …"), none of which should raise a signal;
``corpus``
    every message of the labelled corpus (``tests/data/conversations.jsonl``),
    a third of which carries something suspicious.

The machine is shared and noisy, so each figure is the *minimum*, over
``--repeats`` passes, of the mean cost per message in one pass. Prints
figures; asserts nothing.

``quiet`` is the analyser's quiet path alone (:mod:`passerby.safety.text.quiet`),
which answers most benign messages.

Inside the busy server the same work costs about twice as much: between
two messages the server reads and writes other connections' state, and what
the detectors read (the interpreter's own code and objects as much as the
gate's automata) falls out of the processor's caches. ``--evict KIB``
reproduces that: before each message it writes one byte in every 64 of a
KIB-sized buffer, and times only the message (``--evict 4096 --repeats
3``; the figure is then a *mean* per message over all passes, not a
minimum).

Run: ``python benchmarks/detector_cost.py [--repeats 15]``. Under callgrind,
``valgrind --tool=callgrind python benchmarks/detector_cost.py --repeats 1
--only analyse`` gives instruction counts that do not depend on the load.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from passerby.safety.text import TextAnalyser
from passerby.safety.text.normalise import fold

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "conversations.jsonl"
# As in loadgen.py: a number written in hex with consonants for digits.
TOKEN_LETTERS = str.maketrans("0123456789abcdef", "bcdfghjklmnpqrst")
SAT_LINE = "s %s hey, how is your day going so far?"
PING_LINE = "p %s are you still there?"
SMALL_TALK = (
    "hey, how is your day going so far?",
    "are you still there?",
    "hi",
    "hello :)",
    "lol same",
    "haha that's so funny",
    "what kind of music do you like?",
    "i just got back from work, so tired",
    "do you play any video games?",
    "i've been watching a lot of anime lately",
    "what did you have for dinner",
    "pizza is the best food ever",
    "the weather here is awful today, it won't stop raining",
    "i'm learning to play the guitar",
    "nice, how long have you been doing that?",
    "not much, just chilling",
    "have you seen the new spider-man movie?",
    "yeah it was pretty good tbh",
    "my favourite band is probably radiohead",
    "i like reading fantasy books",
    "what are your hobbies?",
    "cool cool",
    "idk, what about you?",
    "i'm so bored right now",
    "do you have any pets?",
    "that sounds like fun!",
    "omg yes i love that song",
    "i have an exam tomorrow and i haven't studied at all",
    "good luck with it!",
    "thanks, you too",
    "what's your favourite season?",
    "autumn for sure, i love the colours",
    "bye, nice talking to you",
)


def loadgen_lines(count: int, rng: random.Random) -> list[str]:
    """Saturation lines, pings and echoes with varying tokens."""
    lines = []
    for n in range(count):
        token = format(rng.randrange(1, 2**40), "016x").translate(TOKEN_LETTERS)
        kind = n % 4
        if kind < 2:
            lines.append(SAT_LINE % token)
        else:
            lines.append(("p" if kind == 2 else "e") + (PING_LINE % token)[1:])
    return lines


def small_talk(count: int, rng: random.Random) -> list[str]:
    """Small talk as people send it, and the same lines behind a hex token."""
    lines = []
    for n in range(count):
        line = SMALL_TALK[n % len(SMALL_TALK)]
        if n % 2:
            line = f"s {rng.randrange(16**4):x} {line}"
        lines.append(line)
    return lines


def corpus_lines() -> list[str]:
    lines = []
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            lines.extend(turn["text"] for turn in json.loads(raw)["turns"])
    return lines


def per_message(
    work: Callable[[str], object],
    messages: Callable[[], Sequence[str]],
    repeats: int,
    evict: Callable[[], None] | None = None,
) -> float:
    """Minimum over ``repeats`` passes of the mean cost per message, in µs;
    with ``evict``, called before each message, the mean over all passes.
    Each pass reads ``messages()``."""
    if evict is not None:
        total = count = 0
        clock = time.perf_counter_ns
        for _ in range(repeats):
            batch = messages()
            for text in batch:
                evict()
                begin = clock()
                work(text)
                total += clock() - begin
            count += len(batch)
        return total / count / 1000
    best = float("inf")
    for _ in range(repeats):
        batch = messages()
        gc.collect()
        begin = time.perf_counter_ns()
        for text in batch:
            work(text)
        best = min(best, (time.perf_counter_ns() - begin) / len(batch))
    return best / 1000


def evictor(size: int) -> Callable[[], None]:
    """A function that writes one byte in each 64-byte line of a ``size``
    buffer, pushing what the detectors read out of the caches."""
    junk = bytearray(size)
    ones = b"\x01" * len(range(0, size, 64))

    def evict() -> None:
        junk[::64] = ones  # a write brings the line in, whatever it held

    return evict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--messages", type=int, default=2000, help="per generated set")
    parser.add_argument("--only", choices=("analyse", "quiet", "fold", "toxicity"), default=None)
    parser.add_argument(
        "--evict",
        type=int,
        default=0,
        metavar="KIB",
        help="before each message, write over this much memory (cold caches, as in the server)",
    )
    args = parser.parse_args()
    evict = evictor(args.evict * 1024) if args.evict else None

    rng = random.Random(20261121)
    analyser = TextAnalyser()
    scorer = analyser.toxicity
    talk, corpus = small_talk(args.messages, rng), corpus_lines()
    sets: dict[str, Callable[[], list[str]]] = {
        "loadgen": lambda: loadgen_lines(args.messages, rng),  # new tokens each pass
        "smalltalk": lambda: talk,
        "corpus": lambda: corpus,
    }
    parts: dict[str, Callable[[str], object]] = {
        "analyse": analyser.analyse,
        "quiet": analyser._quiet or (lambda text: False),
        "fold": fold,
        "toxicity": scorer.score,
    }
    if args.only:
        parts = {args.only: parts[args.only]}
    for messages in sets.values():  # warm up regex and dict caches
        for text in messages()[:200]:
            analyser.analyse(text)
    how = f"mean of {args.repeats} passes, {args.evict} KiB written before each message"
    if evict is None:
        how = f"minimum of {args.repeats} passes"
    print(f"µs per message, {how} (model {scorer.available and 'on'})")
    print(f"{'set':<10} {'messages':>8}  " + "  ".join(f"{name:>9}" for name in parts))
    for name, messages in sets.items():
        cells = [per_message(work, messages, args.repeats, evict) for work in parts.values()]
        count = len(messages())
        print(f"{name:<10} {count:>8}  " + "  ".join(f"{cell:>9.2f}" for cell in cells))
    quiet = analyser._quiet
    for name, messages in sets.items():
        batch = messages()
        taken = sum(1 for text in batch if quiet is not None and quiet(text))
        print(f"{name}: {taken} of {len(batch)} messages answered by the quiet path")
    flagged = sum(1 for text in corpus if analyser.analyse(text))
    print(f"corpus messages with a signal: {flagged} of {len(corpus)}")


if __name__ == "__main__":
    main()
