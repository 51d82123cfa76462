"""The gate's shipped lookups are current, and a gate read from them is the
gate derived afresh.

If the first test fails, a pattern, a trigger, ``gate.py`` or
``prefilter.py`` changed without the file being rebuilt: run
``python -m passerby.safety.text.rebuild`` and commit ``gate_cache.json``.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.safety.corpus import MESSAGES

from passerby.core.signals import Signal
from passerby.safety.text import TextAnalyser, gate_cache
from passerby.safety.text.gate import Gate, Trigger, lookup_of
from passerby.safety.text.gate_cache import REBUILD, GateCache
from passerby.safety.text.normalise import Folded, fold
from passerby.safety.text.rebuild import gate_patterns, gate_problems

# Close calls: the gate's literals cut short, spaced, bent and run together.
ADVERSARIAL = [
    "how old r u",
    "how old r u?",
    "h o w  o l d",
    "howold ru",
    "hw old r u",
    "add me on snap",
    "add me on s n a p",
    "add me on snapchat!!",
    "a.d.d m.e o.n s.n.a.p",
    "what's ur sc",
    "wats ur sc",
    "disc",
    "im 14 f",
    "i'm fourteen",
    "I’m 14",
    "send pics",
    "send pic s",
    "sendpics",
    "bob@example.com",
    "bob at example dot com",
    "555 0123 4567",
    "five five five one two three four",
    "www.example.com",
    "example .com",
    "meet me irl",
    "don't tell your parents",
    "dont tell ur mom",
    "you're so mature for your age",
    "#snap",
    "@handle",
    "y/o",
    "14yo",
    "umur kamu berapa",
    "¿cuántos años tienes?",
    "ＨＯＷ ＯＬＤ",
    "snap\u200bchat",
    "",
    " ",
    "\x02\x03",
    "\x01 how old",
]


def _triggers() -> list[Trigger]:
    return TextAnalyser(prefilter=False)._triggers()


@pytest.fixture(scope="module")
def triggers() -> list[Trigger]:
    return _triggers()


@pytest.fixture(scope="module")
def shipped(triggers: list[Trigger]) -> tuple[Gate, GateCache]:
    cache = gate_cache.read(gate_cache.SHIPPED)
    return Gate(triggers, cache), cache


@pytest.fixture(scope="module")
def fresh(triggers: list[Trigger]) -> Gate:
    return Gate(triggers, GateCache.empty())


def test_shipped_file_is_current() -> None:
    problems = gate_problems(gate_cache.read(gate_cache.SHIPPED))
    assert problems == [], f"gate_cache.json is stale; rebuild it: {REBUILD}"


def test_a_gate_built_from_the_file_derives_nothing(shipped: tuple[Gate, GateCache]) -> None:
    _, cache = shipped
    assert cache.stale == ""
    assert cache.missed == 0


def test_the_file_holds_what_the_derivation_gives() -> None:
    # Exact equality: the derivation is the same in every process (no
    # ranking depends on the order of a set), so a rebuild elsewhere writes
    # the same file.
    cache = gate_cache.read(gate_cache.SHIPPED)
    for key, (pattern, words) in gate_patterns().items():
        derived = lookup_of(pattern, words=words)
        assert cache.lookup(pattern, words=words, derive=_never) == derived, key


def _never(pattern: re.Pattern[str]) -> gate_cache.Lookup:
    raise AssertionError(f"not in the file: {pattern.pattern[:60]}")


def _names(gate: Gate, f: Folded) -> list[str]:
    return [d.__name__ for d in gate.select(f)]


def test_same_selection_on_the_corpus_and_close_calls(
    shipped: tuple[Gate, GateCache], fresh: Gate
) -> None:
    gate, _ = shipped
    woken = 0
    for text in [*MESSAGES, *ADVERSARIAL]:
        f = fold(text)
        assert _names(gate, f) == _names(fresh, f), text
        woken += bool(_names(gate, f))
    assert woken > 300  # the corpus does wake detectors


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        st.lists(st.sampled_from(ADVERSARIAL + MESSAGES[:200]), max_size=3).map(" ".join),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
        st.text(alphabet="howldrusnapc0147 .@'?#/", max_size=30),
    )
)
def test_same_selection_on_any_text(
    shipped: tuple[Gate, GateCache], fresh: Gate, text: str
) -> None:
    gate, _ = shipped
    f = fold(text)
    assert _names(gate, f) == _names(fresh, f)


# -- a file that does not fit --------------------------------------------------


def _hello(f: Folded, out: list[Signal]) -> None:
    out.append(Signal("hello", 1.0))


HELLO = [Trigger(_hello, words=[re.compile(r"\bhello\s+there\b")])]


def _write(path: Path, **changes: object) -> Path:
    data = json.loads(gate_cache.SHIPPED.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_file_from_other_code_is_not_read_and_the_gate_still_works(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = gate_cache.read(_write(tmp_path / "gate_cache.json", code="0" * 64))
    assert "changed since it was written" in cache.stale
    with caplog.at_level(logging.WARNING, logger="passerby.safety.text.gate_cache"):
        gate = Gate(HELLO, cache)
    assert [r.getMessage() for r in caplog.records if REBUILD in r.getMessage()] != []
    assert cache.missed == 1
    assert _names(gate, fold("oh hello there!")) == ["_hello"]
    assert _names(gate, fold("hell o there")) == []


def test_a_new_pattern_is_derived_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = gate_cache.read(gate_cache.SHIPPED)
    assert cache.stale == ""
    with caplog.at_level(logging.WARNING, logger="passerby.safety.text.gate_cache"):
        Gate(HELLO, cache)
        Gate(HELLO, cache)  # another analyser in the same process
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert "derived at start-up: 1," in warnings[0] and REBUILD in warnings[0]
    assert "hello" not in warnings[0]  # a count, not the pattern


@pytest.mark.parametrize(
    "changes",
    [
        {"format": 99},
        {"patterns": {"x": {"key": []}}},
        {"patterns": {"x": {"searched": [[["a", 0.1, "yes", "a", 1, 1]]]}}},
        {"patterns": []},
    ],
)
def test_a_bad_file_is_not_read(tmp_path: Path, changes: dict[str, object]) -> None:
    cache = gate_cache.read(_write(tmp_path / "gate_cache.json", **changes))
    assert cache.stale != ""
    assert cache.held() == set()


def test_a_missing_file_is_stale(tmp_path: Path) -> None:
    assert "unreadable" in gate_cache.read(tmp_path / "none.json").stale


def test_the_file_round_trips() -> None:
    cache = gate_cache.read(gate_cache.SHIPPED)
    found = {
        key: cache.lookup(pattern, words=words, derive=_never)
        for key, (pattern, words) in gate_patterns().items()
    }
    assert gate_cache.dumps(found) == gate_cache.SHIPPED.read_text(encoding="utf-8")
