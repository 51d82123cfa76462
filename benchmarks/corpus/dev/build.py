"""Builds the development half's JSON-lines files from its hand-written sources.

Each ``<author>.txt`` here is one writer's (one style's) conversations,
written by hand in a compact form, and becomes ``<author>.jsonl`` in the
corpus format (benchmarks/corpus/README.md). Nothing is generated: the
script only numbers the conversations and writes them as JSON. A source
looks like::

    @ en teens grooming off=b
    a: hey
    b: hi, how old r u?

    @ es adults benign hn
    a: ...

The header is ``@ <lang> <section> <label>``, then ``hn`` for a hard
negative and ``off=a``/``off=b`` for the offender of a harmful
conversation; each turn is ``a: text`` or ``b: text`` on one line. Ids are
``dev-<author>-<n>`` in the order written.

    .venv/bin/python benchmarks/corpus/dev/build.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SPLIT = "dev"
LANGS = ("en", "es", "id", "pt", "de")
SECTIONS = ("teens", "adults")
LABELS = ("benign", "grooming", "harassment", "sexual", "spam")


def parse(path: Path) -> list[dict[str, Any]]:
    author = path.stem
    conversations: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            words = line[2:].split()
            if len(words) < 3:
                raise SystemExit(f"{path}:{number}: header needs lang, section and label")
            lang, section, label, *flags = words
            if lang not in LANGS or section not in SECTIONS or label not in LABELS:
                raise SystemExit(f"{path}:{number}: bad lang, section or label in {line!r}")
            offender = None
            for flag in flags:
                if flag.startswith("off="):
                    offender = flag[4:]
                elif flag != "hn":
                    raise SystemExit(f"{path}:{number}: unknown flag {flag!r}")
            conversations.append(
                {
                    "id": f"{SPLIT}-{author}-{len(conversations) + 1}",
                    "author": author,
                    "split": SPLIT,
                    "lang": lang,
                    "section": section,
                    "label": label,
                    "hard_negative": "hn" in flags,
                    "offender": offender,
                    "turns": [],
                }
            )
            continue
        speaker, sep, text = line.partition(":")
        if not sep or speaker not in ("a", "b") or not text.strip() or not conversations:
            raise SystemExit(f"{path}:{number}: expected 'a: text' or 'b: text'")
        conversations[-1]["turns"].append({"speaker": speaker, "text": text.strip()})
    return conversations


def main() -> None:
    for source in sorted(HERE.glob("*.txt")):
        conversations = parse(source)
        out = source.with_suffix(".jsonl")
        with out.open("w", encoding="utf-8") as lines:
            for conversation in conversations:
                lines.write(json.dumps(conversation, ensure_ascii=False) + "\n")
        print(f"{out.name}: {len(conversations)} conversations", file=sys.stderr)


if __name__ == "__main__":
    main()
