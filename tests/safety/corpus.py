"""Every message of the project's labelled corpus, for tests that compare
two ways of reading the same text (gated and ungated, cached and derived)."""

from __future__ import annotations

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "data" / "conversations.jsonl"
MESSAGES = [
    turn["text"]
    for line in CORPUS.read_text(encoding="utf-8").splitlines()
    if line.strip()
    for turn in json.loads(line)["turns"]
]
