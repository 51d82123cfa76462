"""Validate the test half of the corpus and print its counts.

Checks every ``*.jsonl`` here: the fields and their values, unique ids, the id and
author matching the file, grooming length (6-14 turns), the per-language minimums,
and how often one line of text is reused across conversations.
Run: ``python benchmarks/corpus/test/check.py`` (exit status 1 on any problem).
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("en", "es", "id", "pt", "de")
LABELS = ("benign", "grooming", "harassment", "sexual", "spam")
MINIMUM = {"benign": 40, "grooming": 20, "harassment": 15, "sexual": 10, "spam": 15}
KEYS = {"id", "author", "split", "lang", "section", "label", "hard_negative", "offender", "turns"}


def main() -> int:
    problems: list[str] = []
    ids: set[str] = set()
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    hard: collections.Counter[str] = collections.Counter()
    authors: collections.Counter[str] = collections.Counter()
    lines: collections.Counter[tuple[str, str]] = collections.Counter()
    for path in sorted(HERE.glob("*.jsonl")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            conv = json.loads(raw)
            if set(conv) != KEYS:
                problems.append(f"{where}: keys {sorted(conv)}")
                continue
            if conv["id"] in ids:
                problems.append(f"{where}: duplicate id {conv['id']}")
            ids.add(conv["id"])
            author = path.stem
            if conv["author"] != author or not conv["id"].startswith(f"test-{author}-"):
                problems.append(f"{where}: author/id do not match the file")
            if conv["split"] != "test" or conv["lang"] not in LANGS:
                problems.append(f"{where}: split or lang")
            if conv["section"] not in ("teens", "adults") or conv["label"] not in LABELS:
                problems.append(f"{where}: section or label")
            if not isinstance(conv["hard_negative"], bool):
                problems.append(f"{where}: hard_negative not a bool")
            if conv["hard_negative"] and conv["label"] != "benign":
                problems.append(f"{where}: only benign chats are hard negatives")
            benign = conv["label"] == "benign"
            if benign != (conv["offender"] is None) or conv["offender"] not in (None, "a", "b"):
                problems.append(f"{where}: offender")
            turns = conv["turns"]
            if len(turns) < 2 or any(
                set(t) != {"speaker", "text"}
                or t["speaker"] not in ("a", "b")
                or not t["text"].strip()
                for t in turns
            ):
                problems.append(f"{where}: turns")
                continue
            if conv["offender"] and conv["offender"] not in {t["speaker"] for t in turns}:
                problems.append(f"{where}: offender never speaks")
            if conv["label"] == "grooming" and not 6 <= len(turns) <= 14:
                problems.append(f"{where}: grooming with {len(turns)} turns")
            for text in {t["text"].lower() for t in turns}:
                lines[(conv["lang"], text)] += 1
            counts[(conv["lang"], conv["label"])] += 1
            hard[conv["lang"]] += conv["hard_negative"]
            authors[author] += 1
    for lang in LANGS:
        for label, least in MINIMUM.items():
            if counts[(lang, label)] < least:
                problems.append(f"{lang}: {counts[(lang, label)]} {label}, needs {least}")
        if hard[lang] < MINIMUM["benign"] // 2:
            problems.append(f"{lang}: {hard[lang]} hard negatives, needs {MINIMUM['benign'] // 2}")
    print(f"{len(ids)} conversations")
    print("authors:", dict(sorted(authors.items())))
    print(
        f"{'lang':5}"
        + "".join(f"{label:>11}" for label in LABELS)
        + f"{'hard_neg':>10}{'total':>7}"
    )
    for lang in LANGS:
        row = [counts[(lang, label)] for label in LABELS]
        print(f"{lang:5}" + "".join(f"{n:>11}" for n in row) + f"{hard[lang]:>10}{sum(row):>7}")
    reused = [(n, lang, text) for (lang, text), n in lines.items() if n > 4 and len(text) > 12]
    for n, lang, text in sorted(reused, reverse=True):
        print(f"reused in {n} conversations ({lang}): {text}")
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
