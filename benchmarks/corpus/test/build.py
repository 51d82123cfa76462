"""Turn the hand-written sources in ``sources/<author>.txt`` into ``<author>.jsonl``.

A source file is a list of conversations, each opened by a header line::

    @ <lang> <section> <label> [a|b] [hn]

followed by one line per turn, ``a: text`` or ``b: text``. ``a``/``b`` after the
label names the offender (required for every label but ``benign``); ``hn`` marks
a hard negative. Blank lines and lines starting with ``#`` are ignored.

Run: ``python benchmarks/corpus/test/build.py`` (rewrites every jsonl built from
a source; ``botfarm.jsonl`` comes from ``gen_botfarm.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = {"en", "es", "id", "pt", "de"}
SECTIONS = {"teens", "adults"}
LABELS = {"benign", "grooming", "harassment", "sexual", "spam"}


def parse(author: str, text: str) -> list[dict[str, object]]:
    convs: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{author}.txt:{number}"
        if line.startswith("@"):
            fields = line[1:].split()
            if len(fields) < 3:
                raise SystemExit(f"{where}: header needs lang, section, label")
            lang, section, label, *rest = fields
            if lang not in LANGS or section not in SECTIONS or label not in LABELS:
                raise SystemExit(f"{where}: bad header {line!r}")
            offender = next((f for f in rest if f in {"a", "b"}), None)
            if (label == "benign") != (offender is None):
                raise SystemExit(f"{where}: offender must be set exactly when not benign")
            current = {
                "id": f"test-{author}-{len(convs) + 1}",
                "author": author,
                "split": "test",
                "lang": lang,
                "section": section,
                "label": label,
                "hard_negative": "hn" in rest,
                "offender": offender,
                "turns": [],
            }
            convs.append(current)
            continue
        speaker, sep, said = line.partition(":")
        if current is None or not sep or speaker not in {"a", "b"} or not said.strip():
            raise SystemExit(f"{where}: expected 'a: text' or 'b: text', got {line!r}")
        turns = current["turns"]
        assert isinstance(turns, list)
        turns.append({"speaker": speaker, "text": said.strip()})
    for conv in convs:
        turns = conv["turns"]
        assert isinstance(turns, list)
        if len(turns) < 2:
            raise SystemExit(f"{conv['id']}: fewer than two turns")
        if conv["offender"] and conv["offender"] not in {t["speaker"] for t in turns}:
            raise SystemExit(f"{conv['id']}: the offender never speaks")
    return convs


def main() -> None:
    for source in sorted((HERE / "sources").glob("*.txt")):
        author = source.stem
        convs = parse(author, source.read_text(encoding="utf-8"))
        out = HERE / f"{author}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for conv in convs:
                fh.write(json.dumps(conv, ensure_ascii=False) + "\n")
        print(f"{out.name}: {len(convs)}", file=sys.stderr)


if __name__ == "__main__":
    main()
