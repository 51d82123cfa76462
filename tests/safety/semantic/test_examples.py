"""The index's examples: the shipped file, `passerby index add`, bad lines."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from passerby.cli import main
from passerby.safety.semantic import examples

GROOMING_CATEGORIES = {
    "flattery_maturity",
    "isolation",
    "secrecy",
    "parental_monitoring",
    "off_platform",
    "meeting",
    "pictures",
}


def test_the_shipped_index_covers_each_category_in_five_languages() -> None:
    shipped = examples.read_file(examples.SHIPPED)
    harmful = Counter((e.category, e.lang) for e in shipped if e.label == "harmful")
    safe = {e.category for e in shipped if e.label == "safe"}
    for category in GROOMING_CATEGORIES:
        for lang in ("en", "es", "de", "pt", "id"):
            assert harmful[(category, lang)] >= 3, (category, lang)
    assert {"small_talk", "school", "parents_family", "online_safety"} <= safe


@pytest.mark.parametrize(
    ("family", "kinds"),
    [("hostility", {"contempt", "threat"}), ("sexual", {"explicit"}), ("advert", {"advert"})],
)
def test_the_shipped_index_has_each_familys_harm_and_safe_talk_in_five_languages(
    family: str, kinds: set[str]
) -> None:
    shipped = [e for e in examples.read_file(examples.SHIPPED) if e.family == family]
    harmful = Counter(e.lang for e in shipped if e.label == "harmful")
    safe = Counter(e.lang for e in shipped if e.label == "safe")
    for lang in ("en", "es", "de", "pt", "id"):
        assert harmful[lang] >= 6 and safe[lang] >= 2, lang
    assert {e.category for e in shipped if e.label == "harmful"} == kinds


def test_a_family_is_grooming_for_harm_and_every_family_for_safe_talk() -> None:
    [harm, safe, banter, hostile] = examples.parse_lines(
        [
            line(label="harmful", category="secrecy", lang="en", text="our secret"),
            line(label="safe", category="talk", lang="en", text="nice weather"),
            line(label="safe", category="banter", lang="en", text="lol idiot", family="hostility"),
            line(
                label="harmful", category="threat", lang="en", text="watch it", family="hostility"
            ),
        ],
        "mine.jsonl",
    )
    assert (harm.family, safe.family, banter.family, hostile.family) == (
        "grooming",
        examples.ANY_FAMILY,
        "hostility",
        "hostility",
    )
    # Written back as read: a default family is left out.
    assert "family" not in harm.as_json() and "family" not in safe.as_json()
    assert banter.as_json()["family"] == hostile.as_json()["family"] == "hostility"


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**fields: str) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_index_add_appends_new_examples_to_the_operator_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    good = write(
        tmp_path / "mine.jsonl",
        [
            line(
                label="harmful",
                category="gifts",
                lang="en",
                text="i can send you robux if you want",
            ),
            "",
            line(label="safe", category="gifts", lang="pt-BR", text="ganhei um  jogo de presente"),
            # Already shipped: not added twice.
            line(
                label="harmful",
                category="secrecy",
                lang="en",
                text="this stays just between us okay",
            ),
        ],
    )
    assert main(["index", "add", str(good), "--data-dir", str(data)]) == 0
    assert "added 2 new examples" in capsys.readouterr().out
    added = examples.read_file(examples.operator_path(data))
    assert [(e.label, e.category, e.lang, e.text) for e in added] == [
        ("harmful", "gifts", "en", "i can send you robux if you want"),
        ("safe", "gifts", "pt-BR", "ganhei um jogo de presente"),  # spaces tidied
    ]
    # Adding the same file again adds nothing; the merged index has each once.
    assert main(["index", "add", str(good), "--data-dir", str(data)]) == 0
    assert "added 0 new examples" in capsys.readouterr().out
    merged = examples.load_all(data)
    assert len(merged) == len(examples.read_file(examples.SHIPPED)) + 2


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('["a list"]', "line 2: expected a JSON object"),
        (
            line(label="evil", category="x", lang="en", text="t"),
            "label must be 'harmful' or 'safe'",
        ),
        (line(label="safe", category="Bad Name", lang="en", text="t"), "category must be"),
        (
            line(label="safe", category="x", lang="english", text="t"),
            "lang must be a language code",
        ),
        (line(label="safe", category="x", lang="en", text="   "), "line 2: text is empty"),
        (line(label="safe", category="x", lang="en"), "'text' must be a string"),
        (line(label="safe", category="x", lang="en", text="t", extra="1"), "unknown field 'extra'"),
        (line(label="safe", category="x", lang="en", text="a" * 501), "longer than 500"),
        (
            line(label="harmful", category="x", lang="en", text="t", family="spite"),
            "family must be one of grooming, hostility, sexual, advert, not 'spite'",
        ),
        (
            line(label="safe", category="x", lang="en", text="t", family=""),
            "family must be one of",
        ),
    ],
)
def test_index_add_refuses_a_malformed_file_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str, message: str
) -> None:
    data = tmp_path / "data"
    ok = line(label="safe", category="x", lang="en", text="fine")
    path = write(tmp_path / "bad.jsonl", [ok, bad])
    assert main(["index", "add", str(path), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert message in err and str(path) in err
    assert not examples.operator_path(data).exists()


def test_index_add_names_a_missing_or_empty_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", "add", str(tmp_path / "nope.jsonl"), "--data-dir", str(tmp_path)]) == 1
    assert "cannot read example file" in capsys.readouterr().err
    empty = write(tmp_path / "empty.jsonl", [""])
    assert main(["index", "add", str(empty), "--data-dir", str(tmp_path)]) == 1
    assert "no examples in the file" in capsys.readouterr().err
