"""Train the learned heads (:mod:`.heads`) from a labelled corpus of chats.

    python -m passerby.safety.semantic.train [--corpus DIR] [--split dev] [--out FILE]

The corpus is the evaluation corpus's format (``benchmarks/corpus/README.md``):
``DIR/<split>/<author>.jsonl``, whole conversations with a label and the
speaker whose messages are harmful. The shipped ``heads.json`` was trained
on the development half only; the held-out half stays for measuring.

For a family (``hostility``: harassment, ``sexual``, ``advert``: spam,
``grooming``) every message of the harmful side of a chat of that label is
a positive, every message of a benign chat and of the other side a
negative, and the harmful side of a chat of another harmful label is left
out (a groomer's lines are not adverts, nor are they ordinary talk). Not
every line of a harasser is an insult ("hey", "what do you do"): after a
first fit, the lower half of each harmful side's lines by the first fit's
score count as ordinary, and the head is fitted again (two rounds of
multiple-instance learning).

A head that reads the reply (``reads = "reply"``) learns from each line
beside the partner's next message; lines nobody answered are left out, as
the worker never scores them with it.

A head's ``base_rate`` is how often benign chats' messages reach its ``hit``
when they were written by authors the head was not trained on: the corpus's
authors are split into five groups, each scored by a head trained on the
other four. The same run prints, for those held-out scores, how many harmful
speakers and how many benign ones reach the rules' 0.5 in the pattern the
worker reads (two leaning lines in a short chat). Needs
scikit-learn (installed with the insult model), and the sentence encoder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from passerby.safety.semantic import heads as hd
from passerby.safety.semantic import pattern
from passerby.safety.semantic.embedder import Embedder, Vectors
from passerby.safety.semantic.worker import MAX_CHARS

# The label of the chats whose harmful side each family learns from.
LABELS: Final = {
    "hostility": "harassment",
    "sexual": "sexual",
    "advert": "spam",
    "grooming": "grooming",
}
# The heads trained: family, what it reads, and where a message leans,
# chosen on the development half's authors held out five at a time
# (docs/moderation.md, "Learned heads").
HEADS: Final = (
    ("hostility", "message", 0.9),
    ("sexual", "message", 0.9),
    ("advert", "message", 0.8),
    ("hostility", "reply", 0.85),
    ("sexual", "reply", 0.8),
    ("grooming", "message", 0.9),
)
FOLDS: Final = 5
RULE: Final = 0.5  # the shipped rules' min_score for a learned signal
C: Final = 1.0  # the regression's inverse regularisation

Labels = npt.NDArray[np.int8]


@dataclass(frozen=True, slots=True)
class Rows:
    """A corpus's messages for one family: ``y`` 1 for the harmful side's,
    ``keep`` False for those left out; ``chat`` and ``speaker`` say whose."""

    y: Labels
    keep: npt.NDArray[np.bool_]
    chat: npt.NDArray[np.int32]
    speaker: tuple[str, ...]
    benign: npt.NDArray[np.bool_]  # the message is in a benign chat


def read_corpus(folder: Path, split: str) -> list[dict[str, Any]]:
    """The conversations of ``folder/split/*.jsonl``, in file order."""
    files = sorted((folder / split).glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no conversations in {folder / split}")
    out: list[dict[str, Any]] = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


def texts_of(chats: Sequence[dict[str, Any]]) -> list[str]:
    return [turn["text"] for chat in chats for turn in chat["turns"]]


def replies_of(chats: Sequence[dict[str, Any]]) -> npt.NDArray[np.int64]:
    """Per message, the row of the partner's next message (-1: none came)."""
    out: list[int] = []
    start = 0
    for chat in chats:
        turns = chat["turns"]
        for j, turn in enumerate(turns):
            after = (k for k in range(j + 1, len(turns)) if turns[k]["speaker"] != turn["speaker"])
            k = next(after, None)
            out.append(-1 if k is None else start + k)
        start += len(turns)
    return np.array(out, dtype=np.int64)


def features(vectors: Vectors, replies: npt.NDArray[np.int64], reads: str) -> Vectors:
    """What a head reading ``reads`` sees of each message (zeros for a reply never given)."""
    if reads == "message":
        return vectors
    answers = np.where(replies[:, None] >= 0, vectors[replies], 0.0).astype(np.float32)
    return np.concatenate([vectors, answers], axis=1)


def rows_for(chats: Sequence[dict[str, Any]], family: str) -> Rows:
    label = LABELS[family]
    y, keep, chat_of, speaker, benign = [], [], [], [], []
    for number, chat in enumerate(chats):
        for turn in chat["turns"]:
            harmful_side = turn["speaker"] == chat["offender"]
            y.append(1 if harmful_side and chat["label"] == label else 0)
            keep.append(not (harmful_side and chat["label"] != label))
            chat_of.append(number)
            speaker.append(turn["speaker"])
            benign.append(chat["label"] == "benign")
    return Rows(
        np.array(y, dtype=np.int8),
        np.array(keep),
        np.array(chat_of, dtype=np.int32),
        tuple(speaker),
        np.array(benign),
    )


def fit(vectors: Vectors, rows: Rows, train: npt.NDArray[np.bool_]) -> tuple[Vectors, float]:
    """Weights and bias from the messages ``train`` selects (two rounds)."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    chosen = train & rows.keep
    x, y = vectors[chosen], rows.y[chosen].copy()
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    model.fit(x, y)
    first = model.predict_proba(x)[:, 1]
    by_chat: dict[int, list[int]] = defaultdict(list)
    for i, chat in enumerate(rows.chat[chosen]):
        if y[i]:
            by_chat[int(chat)].append(i)
    for members in by_chat.values():
        members.sort(key=lambda i: first[i])
        for i in members[: len(members) // 2]:
            y[i] = 0
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    model.fit(x, y)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def held_out(
    x: Vectors, rows: Rows, authors: Sequence[str], family: str, hit: float, reads: str
) -> tuple[float, dict[str, int]]:
    """The base rate at ``hit``, and two-hit speakers, from scores of heads
    that never saw the scored message's author."""
    names = sorted(set(authors))
    rng = np.random.default_rng(0)
    order = rng.permutation(len(names))
    group = {names[j]: k % FOLDS for k, j in enumerate(order)}
    fold = np.array([group[a] for a in authors])
    scores = np.zeros(len(rows.y), dtype=np.float32)
    for k in range(FOLDS):
        weights, bias = fit(x, rows, fold != k)
        head = hd.Head(family, weights, bias, hit, 0.5, reads)
        scores[fold == k] = head.probabilities(x[fold == k])
    leaning = (scores >= hit) & rows.keep
    base_rate = max(float(leaning[rows.benign & rows.keep].mean()), 1e-4)
    # Each speaker's lines in order, through the pattern the worker reads.
    lines: dict[tuple[int, str], list[float]] = defaultdict(list)
    harmful_speakers: set[tuple[int, str]] = set()
    for i in np.flatnonzero(rows.keep):
        key = (int(rows.chat[i]), rows.speaker[i])
        lines[key].append(float(scores[i]))
        if rows.y[i]:
            harmful_speakers.add(key)
    shape, _ = pattern.learned(hit, base_rate)
    reached = set()
    for key, scored in lines.items():
        reading = pattern.Pattern(shape)
        if max(reading.add(score, "learned").value for score in scored) >= RULE:
            reached.add(key)
    benign_speakers = {(int(rows.chat[i]), rows.speaker[i]) for i in np.flatnonzero(rows.benign)}
    return base_rate, {
        "harmful_speakers": len(harmful_speakers),
        "harmful_reached": len(harmful_speakers & reached),
        "benign_speakers": len(benign_speakers),
        "benign_reached": len(benign_speakers & reached),
    }


def train(
    chats: Sequence[dict[str, Any]],
    vectors: Vectors,
    heads: Sequence[tuple[str, str, float]] = HEADS,
) -> tuple[list[hd.Head], dict[str, dict[str, int]]]:
    """The heads (family, reads, hit), and each one's held-out counts."""
    authors = [chat["author"] for chat in chats for _ in chat["turns"]]
    if len(authors) != len(vectors):
        raise ValueError("one vector per message")
    replies = replies_of(chats)
    out, report = [], {}
    for family, reads, hit in heads:
        rows = rows_for(chats, family)
        if reads == "reply":  # a line nobody answered is never read by this head
            rows = replace(rows, keep=rows.keep & (replies >= 0))
        if not rows.y[rows.keep].any() or rows.y[rows.keep].all():
            raise SystemExit(f"the corpus has no {LABELS[family]} chats, or nothing else")
        x = features(vectors, replies, reads)
        base_rate, counts = held_out(x, rows, authors, family, hit, reads)
        weights, bias = fit(x, rows, np.ones(len(rows.y), dtype=bool))
        head = hd.Head(family, weights, bias, hit, base_rate, reads)
        out.append(head)
        report[head.key] = counts | {"base_rate_per_million": round(base_rate * 1e6)}
    return out, report


def encode(embedder: Embedder, texts: Sequence[str], batch: int = 64) -> Vectors:
    parts = [
        embedder.encode([t[:MAX_CHARS] for t in texts[i : i + batch]])
        for i in range(0, len(texts), batch)
    ]
    return np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.float32)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m passerby.safety.semantic.train")
    parser.add_argument("--corpus", type=Path, default=Path("benchmarks/corpus"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--out", type=Path, default=hd.SHIPPED)
    parser.add_argument("--family", action="append", choices=sorted(LABELS))
    args = parser.parse_args(argv)
    from passerby.safety.semantic.embedder import UseEmbedder, model_digest

    chats = read_corpus(args.corpus, args.split)
    vectors = encode(UseEmbedder(threads=2), texts_of(chats))
    wanted = args.family or sorted(LABELS)
    heads, report = train(chats, vectors, [h for h in HEADS if h[0] in wanted])
    trained_on = {
        "corpus": args.corpus.name,
        "split": args.split,
        "conversations": len(chats),
        "messages": len(vectors),
        "held_out": report,
    }
    args.out.write_text(
        json.dumps(hd.to_json(heads, model_digest(), trained_on), indent=1) + "\n",
        encoding="utf-8",
    )
    json.dump(report, sys.stdout, indent=1)
    print(f"\nwrote {len(heads)} heads to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
