"""How well the text detectors and the risk scorer label whole conversations.

Reads the labelled synthetic corpus (``tests/data/conversations.jsonl``), runs
:class:`~passerby.safety.text.TextAnalyser` on every message and
:class:`~passerby.safety.risk.ConversationRisk` over each conversation, adds
two simple conversation-level spam rules, and prints precision and recall per
label, a confusion matrix, and the cost of ``analyse`` per message.

The corpus is split by id parity: odd ids are the *development* half (the
only half the detectors were tuned on), even ids the *held-out* half. Both
are printed; the held-out figures are the honest ones.

Run: ``python benchmarks/moderation_offline.py [--corpus PATH]``. It asserts
nothing; ``tests/safety/test_risk.py`` holds the floors.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from passerby.safety.risk import ConversationRisk
from passerby.safety.text import TextAnalyser

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "conversations.jsonl"
LABELS = ("benign", "harassment", "spam", "grooming")
SCORED = ("grooming", "spam", "harassment")
# Conversation-level rules, tuned on the development half only.
LINK_SCORE = 0.85  # a link signal this strong from one speaker marks spam
TOXIC_SCORE = 0.9  # one message this toxic marks harassment...
TOXIC_MESSAGES = 2  # ...or this many messages at TOXIC_SOME or more
TOXIC_SOME = 0.75
CONTACT = frozenset({"pii_phone", "pii_email", "pii_handle"})
CONTACT_SCORE = 0.8  # contact details this sure, offered with an off-platform request


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    section: str
    label: str
    turns: tuple[tuple[str, str], ...]

    @property
    def held_out(self) -> bool:
        return int("".join(ch for ch in self.id if ch.isdigit())) % 2 == 0


@dataclass(slots=True)
class Timings:
    nanos: list[int] = field(default_factory=list)

    def summary(self) -> tuple[float, float]:
        """Mean and 99th percentile, in microseconds."""
        if not self.nanos:
            return 0.0, 0.0
        ordered = sorted(self.nanos)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        return sum(ordered) / len(ordered) / 1000, p99 / 1000


def load_corpus(path: Path = CORPUS) -> list[Conversation]:
    conversations = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            raw = json.loads(line)
            turns = tuple((turn["speaker"], turn["text"]) for turn in raw["turns"])
            conversations.append(Conversation(raw["id"], raw["section"], raw["label"], turns))
    return conversations


def predict(
    analyser: TextAnalyser, conversation: Conversation, timings: Timings | None = None
) -> str:
    """The label the detectors give a whole conversation.

    Grooming (the risk scorer escalated) wins over spam, spam over harassment.
    Spam: one speaker sends a link, sends the same message twice, or offers
    contact details (a phone number or e-mail address, or a handle together
    with an off-platform request) in one message.
    Harassment: one speaker sends a very toxic message, or two toxic ones.
    """
    risk = ConversationRisk(conversation.section)
    seen: dict[str, Counter[str]] = {}
    links: set[str] = set()  # speakers who sent a link or offered contact details
    toxic: Counter[str] = Counter()
    very_toxic: set[str] = set()
    escalated = False
    for speaker, text in conversation.turns:
        start = time.perf_counter_ns()
        signals = analyser.analyse(text)
        if timings is not None:
            timings.nanos.append(time.perf_counter_ns() - start)
        escalated = risk.observe(speaker, signals).escalate or escalated
        seen.setdefault(speaker, Counter())[" ".join(text.casefold().split())] += 1
        names = {signal.name: signal.score for signal in signals}
        if names.get("link", 0.0) >= LINK_SCORE:
            links.add(speaker)
        if max(names.get("pii_phone", 0.0), names.get("pii_email", 0.0)) >= CONTACT_SCORE or (
            names.get("pii_handle", 0.0) >= CONTACT_SCORE
            and names.get("off_platform", 0.0) >= CONTACT_SCORE
        ):
            links.add(speaker)
        toxicity = names.get("toxicity", 0.0)
        if toxicity >= TOXIC_SOME:
            toxic[speaker] += 1
        if toxicity >= TOXIC_SCORE:
            very_toxic.add(speaker)
    if escalated:
        return "grooming"
    repeated = any(count >= 2 for counts in seen.values() for count in counts.values())
    if links or repeated:
        return "spam"
    if very_toxic or any(count >= TOXIC_MESSAGES for count in toxic.values()):
        return "harassment"
    return "benign"


@dataclass(frozen=True, slots=True)
class Scores:
    confusion: dict[tuple[str, str], int]
    total: int

    def precision(self, label: str) -> float:
        predicted = sum(n for (_, p), n in self.confusion.items() if p == label)
        return self.confusion.get((label, label), 0) / predicted if predicted else 0.0

    def recall(self, label: str) -> float:
        actual = sum(n for (t, _), n in self.confusion.items() if t == label)
        return self.confusion.get((label, label), 0) / actual if actual else 0.0


def score(pairs: Iterable[tuple[str, str]]) -> Scores:
    confusion: Counter[tuple[str, str]] = Counter(pairs)
    return Scores(dict(confusion), sum(confusion.values()))


def evaluate(
    analyser: TextAnalyser, conversations: Sequence[Conversation], timings: Timings | None = None
) -> tuple[Scores, Scores, list[tuple[Conversation, str]]]:
    """Scores for the development half, the held-out half, and every prediction."""
    predictions = [(c, predict(analyser, c, timings)) for c in conversations]
    dev = score((c.label, p) for c, p in predictions if not c.held_out)
    held = score((c.label, p) for c, p in predictions if c.held_out)
    return dev, held, predictions


def format_scores(name: str, scores: Scores) -> str:
    lines = [f"{name} ({scores.total} conversations)", "  label        precision  recall"]
    for label in SCORED:
        lines.append(f"  {label:<12} {scores.precision(label):>9.3f}  {scores.recall(label):>6.3f}")
    lines.append("  confusion (rows: true label, columns: predicted)")
    lines.append("  " + " " * 12 + "".join(f"{label[:10]:>11}" for label in LABELS))
    for true in LABELS:
        row = "".join(f"{scores.confusion.get((true, p), 0):>11}" for p in LABELS)
        lines.append(f"  {true:<12}{row}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--errors", action="store_true", help="list misclassified dev ids")
    args = parser.parse_args()

    started = time.perf_counter()
    analyser = TextAnalyser()
    loaded = time.perf_counter() - started
    conversations = load_corpus(args.corpus)
    # Warm up: the first calls fill regex and dict caches.
    for conversation in conversations[:20]:
        for _, text in conversation.turns:
            analyser.analyse(text)
    timings = Timings()
    dev, held, predictions = evaluate(analyser, conversations, timings)
    print(format_scores("development half (odd ids)", dev))
    print()
    print(format_scores("held-out half (even ids)", held))
    mean, p99 = timings.summary()
    print()
    print(
        f"analyse: {len(timings.nanos)} messages, mean {mean:.1f} µs, p99 {p99:.1f} µs "
        f"(toxicity model {'on' if analyser.toxicity.available else 'OFF'}; "
        f"load {loaded:.2f} s)"
    )
    if args.errors:
        for conversation, predicted in predictions:
            if not conversation.held_out and predicted != conversation.label:
                print(f"  {conversation.id}: {conversation.label} -> {predicted}")


if __name__ == "__main__":
    main()
