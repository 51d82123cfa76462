"""The evaluation corpus's format (benchmarks/corpus/README.md), checked without a server.

Every line of every ``<split>/<author>.jsonl`` parses and has valid fields,
ids are unique, the offender is set exactly for harmful conversations, and
each half holds the minimum per language and label. A half written from
hand-written sources by a ``build.py`` must match them.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from benchmarks.moderation_eval import (
    Action,
    Conversation,
    CorpusError,
    Outcome,
    load_corpus,
    markdown,
    select,
    summarise,
)

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus"
SPLITS = ("dev", "test")
LANGS = ("en", "es", "id", "pt", "de")
SECTIONS = ("teens", "adults")
LABELS = ("benign", "grooming", "harassment", "sexual", "spam")
FIELDS = {
    "id",
    "author",
    "split",
    "lang",
    "section",
    "label",
    "hard_negative",
    "offender",
    "turns",
}
# Per language, per half (the corpus's brief).
MINIMUM = {"benign": 40, "grooming": 20, "harassment": 15, "sexual": 10, "spam": 15}
MIN_HARD_SHARE = 0.5  # of each language's benign conversations
GROOMING_TURNS = (6, 16)
MAX_TEXT = 2000  # the protocol's limit on one chat message
MIN_AUTHORS = 5  # styles per half
MIN_TOTAL = 1000  # both halves together


def corpus_files() -> list[Path]:
    return sorted(p for split in SPLITS for p in (CORPUS / split).glob("*.jsonl"))


def rows() -> list[tuple[Path, int, dict[str, Any]]]:
    found = []
    for path in corpus_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                found.append((path, number, json.loads(line)))
    return found


def halves() -> dict[str, list[dict[str, Any]]]:
    by_split: dict[str, list[dict[str, Any]]] = {}
    for _, _, raw in rows():
        by_split.setdefault(raw["split"], []).append(raw)
    return by_split


def problems(path: Path, raw: Any) -> list[str]:
    """What is wrong with one conversation (empty when nothing)."""
    if not isinstance(raw, dict):
        return ["not a JSON object"]
    found = []
    if set(raw) != FIELDS:
        found.append(f"fields {sorted(set(raw) ^ FIELDS)} missing or unknown")
        return found
    split, author = path.parent.name, path.stem
    if raw["split"] != split:
        found.append(f"split {raw['split']!r} in the {split}/ folder")
    if raw["author"] != author:
        found.append(f"author {raw['author']!r} in {path.name}")
    if not re.fullmatch(rf"{re.escape(split)}-{re.escape(author)}-\d+", str(raw["id"])):
        found.append(f"id {raw['id']!r} is not {split}-{author}-<n>")
    if raw["lang"] not in LANGS:
        found.append(f"lang {raw['lang']!r}")
    if raw["section"] not in SECTIONS:
        found.append(f"section {raw['section']!r}")
    if raw["label"] not in LABELS:
        found.append(f"label {raw['label']!r}")
    if not isinstance(raw["hard_negative"], bool):
        found.append("hard_negative is not a boolean")
    elif raw["hard_negative"] and raw["label"] != "benign":
        found.append("a hard negative must be benign")
    harmful = raw["label"] != "benign"
    if harmful and raw["offender"] not in ("a", "b"):
        found.append(f"harmful with offender {raw['offender']!r}")
    if not harmful and raw["offender"] is not None:
        found.append("benign with an offender")
    turns = raw["turns"]
    if not isinstance(turns, list) or len(turns) < 2:
        return [*found, "fewer than two turns"]
    for n, turn in enumerate(turns, 1):
        if not isinstance(turn, dict) or set(turn) != {"speaker", "text"}:
            found.append(f"turn {n} is not {{speaker, text}}")
        elif turn["speaker"] not in ("a", "b"):
            found.append(f"turn {n} speaker {turn['speaker']!r}")
        elif not isinstance(turn["text"], str) or not turn["text"].strip():
            found.append(f"turn {n} has no text")
        elif len(turn["text"]) > MAX_TEXT:
            found.append(f"turn {n} is longer than a chat message may be")
    speakers = {t.get("speaker") for t in turns if isinstance(t, dict)}
    if harmful and raw["offender"] not in speakers:
        found.append("the offender never speaks")
    low, high = GROOMING_TURNS
    if raw["label"] == "grooming" and not low <= len(turns) <= high:
        found.append(f"grooming in {len(turns)} turns, not {low}-{high}")
    return found


def test_the_corpus_exists() -> None:
    assert corpus_files(), f"no corpus files under {CORPUS}"
    assert (CORPUS / "README.md").exists()


def test_every_line_parses_and_every_field_is_valid() -> None:
    found = []
    for path in corpus_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                found.append(f"{path.name}:{number}: not JSON ({exc.msg})")
                continue
            found += [f"{path.name}:{number}: {p}" for p in problems(path, raw)]
    assert not found, "\n".join(found[:30])


def test_ids_are_unique() -> None:
    ids = Counter(raw["id"] for _, _, raw in rows())
    assert not [i for i, n in ids.items() if n > 1]


@pytest.mark.parametrize("split", SPLITS)
def test_each_half_holds_the_minimum_per_language_and_label(split: str) -> None:
    conversations = halves().get(split)
    if conversations is None:
        pytest.skip(f"the {split} half is not written yet")
    counts = Counter((c["lang"], c["label"]) for c in conversations)
    short = [
        f"{lang}/{label}: {counts[lang, label]} < {need}"
        for lang in LANGS
        for label, need in MINIMUM.items()
        if counts[lang, label] < need
    ]
    assert not short, "\n".join(short)
    for lang in LANGS:
        benign = [c for c in conversations if c["lang"] == lang and c["label"] == "benign"]
        hard = sum(c["hard_negative"] for c in benign)
        assert hard >= MIN_HARD_SHARE * len(benign), f"{lang}: {hard}/{len(benign)} hard"
    authors = {c["author"] for c in conversations}
    assert len(authors) >= MIN_AUTHORS, sorted(authors)
    sections = Counter((c["label"], c["section"]) for c in conversations)
    assert sections["grooming", "teens"] and sections["grooming", "adults"]


def test_the_halves_are_written_apart() -> None:
    by_split = halves()
    if set(by_split) != set(SPLITS):
        pytest.skip("only one half is written")
    dev = {c["author"] for c in by_split["dev"]}
    test = {c["author"] for c in by_split["test"]}
    assert not dev & test, f"authors in both halves: {sorted(dev & test)}"
    assert sum(map(len, by_split.values())) >= MIN_TOTAL


@pytest.mark.parametrize("split", SPLITS)
def test_a_built_half_matches_its_sources(split: str) -> None:
    script = CORPUS / split / "build.py"
    if not script.exists():
        pytest.skip(f"the {split} half has no build.py")
    spec = importlib.util.spec_from_file_location(f"corpus_build_{split}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # The two halves were written apart, each with its own build script:
    # dev/<author>.txt, parse(path); test/sources/<author>.txt, parse(author, text).
    here = CORPUS / split
    sources = sorted(here.glob("*.txt")) or sorted((here / "sources").glob("*.txt"))
    assert sources
    for source in sources:
        built = here / f"{source.stem}.jsonl"
        stored = [json.loads(line) for line in built.read_text(encoding="utf-8").splitlines()]
        if source.parent == here:
            fresh = module.parse(source)
        else:
            fresh = module.parse(source.stem, source.read_text(encoding="utf-8"))
        assert fresh == stored, f"{built.name} is stale: run {script}"


def test_the_evaluator_reads_the_corpus_and_filters_it() -> None:
    corpus = load_corpus(CORPUS)
    assert len(corpus) == len(rows())
    german_spam = select(corpus, "all", ["de"], ["spam"], None)
    assert german_spam and all(c.lang == "de" and c.label == "spam" for c in german_spam)
    assert len(select(corpus, "all", [], [], 3)) == 3


def test_the_evaluator_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "dev" / "someone.jsonl"
    bad.parent.mkdir()
    good = {
        "id": "dev-someone-1",
        "author": "someone",
        "split": "dev",
        "lang": "en",
        "section": "adults",
        "label": "benign",
        "hard_negative": False,
        "offender": None,
        "turns": [{"speaker": "a", "text": "hi"}, {"speaker": "b", "text": "hello"}],
    }
    bad.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"someone.jsonl:2: not JSON"):
        load_corpus(tmp_path)
    del good["lang"]
    bad.write_text(json.dumps({**good, "split": "dev"}) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"someone.jsonl:1: missing or bad field"):
        load_corpus(tmp_path)


def _outcome(label: str, lang: str, *actions: Action, error: str | None = None) -> Outcome:
    offender = None if label == "benign" else "b"
    conversation = Conversation(
        f"dev-x-{label}-{lang}-{len(actions)}-{error}",
        "dev",
        "x",
        lang,
        "teens",
        label,
        False,
        offender,
        (("a", "hi"), ("b", "hello")),
    )
    return Outcome(conversation, list(actions), error)


def test_the_evaluator_counts_rates_precision_and_escalation() -> None:
    outcomes = [
        _outcome("grooming", "en", Action("held", "b", 3), Action("cs_case", "b", 3)),
        _outcome("grooming", "en", Action("case", "b", 6)),
        _outcome("grooming", "en", Action("ended", "a", 2)),  # about the child, not the groomer
        _outcome("grooming", "en"),
        _outcome("grooming", "en", error="RuntimeError: not paired"),
        _outcome("benign", "en", Action("held", "a", 1)),
        _outcome("benign", "en"),
        _outcome("spam", "de"),
    ]
    summary = summarise(outcomes)["dev"]
    grooming = summary["labels"]["grooming"]["en"]
    assert (grooming["n"], grooming["errors"], grooming["acted"]) == (4, 1, 3)
    assert grooming["acted_on_offender"] == 2
    assert grooming["escalated"] == 2 and grooming["escalation_median"] == 4.5
    assert grooming["escalated_early"] == 1 / 4
    assert grooming["kinds"]["held"] == 1 and grooming["kinds"]["cs_case"] == 1
    english = summary["languages"]["en"]
    assert english["recall"] == 3 / 4 and english["benign_false_action"] == 1 / 2
    assert english["precision"] == 3 / 4
    assert summary["languages"]["de"]["recall"] == 0.0
    assert summary["languages"]["de"]["precision"] is None  # nothing acted on
    table = markdown(summarise(outcomes))
    assert "| grooming | 3/4 (75%; offender 2); 50% @4.5 |" in table.replace(" | –", "")
