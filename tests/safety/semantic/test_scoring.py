"""The semantic tier's pure parts: the score, the pattern, the backlog (no model)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from passerby.safety.semantic import pattern
from passerby.safety.semantic.backlog import Backlog
from passerby.safety.semantic.scorer import build_index, score_families, score_vectors


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


class FakeEmbedder:
    """Deterministic vectors: each known text has a fixed direction."""

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.table[t] for t in texts]).astype(np.float32)


HARMFUL = {
    "keep it secret": unit(1, 0, 0),
    "hide it": unit(0.9, 0.1, 0),
    "delete it": unit(1, 0.1, 0),
}
SAFE = {"nice weather": unit(0, 1, 0), "homework": unit(0, 0.9, 0.1), "music": unit(0, 1, 0.1)}


def index_and_embedder() -> tuple[object, FakeEmbedder]:
    embedder = FakeEmbedder(
        {**HARMFUL, **SAFE, "msg harmful": unit(1, 0.1, 0), "msg safe": unit(0.05, 1, 0)}
    )
    texts = [*HARMFUL, *SAFE]
    labels = ["harmful"] * 3 + ["safe"] * 3
    categories = ["secrecy", "secrecy", "deleting", "talk", "school", "talk"]
    return build_index(embedder.encode(texts), labels, categories), embedder


def test_the_score_is_sentinels_log_ratio_clipped_at_zero() -> None:
    index, embedder = index_and_embedder()
    near_harmful, near_safe = score_vectors(
        embedder.encode(["msg harmful", "msg safe"]), index, k=2
    )
    v = embedder.encode(["msg harmful"])[0]
    h = sorted((np.stack(list(HARMFUL.values())) @ v).tolist())[-2:]
    s = sorted((np.stack(list(SAFE.values())) @ v).tolist())[-2:]
    expected = math.log(np.mean(np.exp(h)) / np.mean(np.exp(s)))
    assert near_harmful.score == pytest.approx(expected, abs=1e-3)
    assert near_harmful.score > 0.5
    assert near_harmful.category == "deleting"  # the single nearest harmful example's
    assert near_safe.score == 0.0  # closer to safe talk: clipped, never negative


def test_an_index_needs_both_sides() -> None:
    vectors = np.stack([unit(1, 0, 0)])
    with pytest.raises(ValueError, match="harmful and safe"):
        build_index(vectors, ["harmful"], ["secrecy"])


def test_one_odd_message_never_makes_a_pattern() -> None:
    chat = pattern.Pattern(pattern.CHAT)
    assert chat.add(0.9, "secrecy").value == 0.0  # as high as a score gets, alone
    for _ in range(20):
        reading = chat.add(0.0, "")
    assert reading.value == 0.0 and reading.hits == 1


def test_leaning_messages_make_a_pattern_that_grows() -> None:
    chat = pattern.Pattern(pattern.CHAT)
    chat.add(0.0, "")
    first = chat.add(0.2, "flattery_maturity")
    second = chat.add(0.3, "secrecy")
    third = chat.add(0.25, "meeting")
    assert first.value == 0.0
    assert 0.5 <= second.value < third.value <= 1.0
    assert third.kinds == ("flattery_maturity", "secrecy", "meeting")
    assert third.detail("chat") == "scope=chat;hits=3;kinds=flattery_maturity+secrecy+meeting"


def test_the_same_leaning_lines_count_for_less_in_a_long_ordinary_chat() -> None:
    short = pattern.Pattern(pattern.CHAT)
    long = pattern.Pattern(pattern.CHAT)
    for _ in range(27):
        long.add(0.0, "")
    for score in (0.2, 0.2, 0.2):
        a = short.add(score, "secrecy")
        b = long.add(score, "secrecy")
    assert a.value > 0.8
    assert b.value < 0.5  # three lines in thirty: ordinary talk does that now and then


def test_the_surprise_is_a_binomial_tail() -> None:
    assert pattern.tail(0, 10, 0.1) == pytest.approx(1.0)
    assert pattern.tail(2, 2, 0.1) == pytest.approx(0.01)
    assert pattern.tail(1, 3, 0.5) == pytest.approx(0.875)


def test_a_devices_pattern_forgets_old_scores() -> None:
    device = pattern.Pattern(pattern.DEVICE)
    for i in range(4):
        reading = device.add(0.3, "meeting", now=i * 3600.0)
    assert reading.value > 0
    later = device.read(now=8 * 86400.0)
    assert later.hits == 0 and later.value == 0.0


def test_a_shape_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        pattern.Shape(window=3, min_hits=4, hit=0.1, base_rate=0.05, full=4)
    with pytest.raises(ValueError):
        pattern.Shape(window=3, min_hits=1, hit=0.1, base_rate=0.0, full=4)


def test_a_full_backlog_keeps_priority_messages_and_counts_the_rest() -> None:
    backlog: Backlog[str] = Backlog(3)
    assert backlog.offer("a1", priority=False) is None
    assert backlog.offer("a2", priority=False) is None
    assert backlog.offer("t1", priority=True) is None
    # Full: an ordinary message is dropped...
    assert backlog.offer("a3", priority=False) == "ordinary"
    # ...a priority one takes the oldest ordinary one's place...
    assert backlog.offer("t2", priority=True) == "ordinary"
    assert backlog.offer("t3", priority=True) == "ordinary"
    # ...and when only priority messages wait, a new one is dropped too.
    assert backlog.offer("t4", priority=True) == "priority"
    assert len(backlog) == 3
    assert backlog.dropped == 3 and backlog.priority_dropped == 1
    assert backlog.take(10) == ["t1", "t2", "t3"]
    assert len(backlog) == 0


def test_the_backlog_hands_out_priority_first_then_oldest_first() -> None:
    backlog: Backlog[int] = Backlog(10)
    for i in range(4):
        backlog.offer(i, priority=i % 2 == 1)
    assert backlog.take(3) == [1, 3, 0]
    assert backlog.take(3) == [2]


def test_each_family_is_scored_against_its_own_harm_and_the_safe_talk_it_may_use() -> None:
    vectors = np.stack(
        [
            unit(1, 0, 0),  # grooming, harmful
            unit(0, 0, 1),  # hostility, harmful
            unit(0, 1, 0),  # safe against every family
            unit(0.2, 0, 1),  # banter: safe against hostility only
        ]
    )
    index = build_index(
        vectors,
        ["harmful", "harmful", "safe", "safe"],
        ["secrecy", "contempt", "talk", "banter"],
        ["grooming", "hostility", "", "hostility"],
    )
    groomy, hostile = unit(1, 0, 0.15), unit(0.2, 0, 1)
    scored = score_families(np.stack([groomy, hostile]), index, k=1)
    assert set(scored) == {"grooming", "hostility"}
    assert scored["grooming"][0].score > 0.5 and scored["grooming"][0].category == "secrecy"
    # The banter row sits where the second message does: no hostility score...
    assert scored["hostility"][1].score == 0.0
    # ...and it is no safe talk for grooming, whose score it leaves alone.
    nearest = float(hostile @ unit(1, 0, 0))  # to the grooming row; 0 to the safe one
    assert scored["grooming"][1].score == pytest.approx(nearest, abs=1e-3)
    assert score_vectors(np.stack([hostile]), index, k=1, family="hostility")[0].score == 0.0
    # Without the banter row the same message scores as contempt.
    bare = build_index(
        vectors[:3],
        ["harmful", "harmful", "safe"],
        ["s", "contempt", "talk"],
        ["grooming", "hostility", ""],
    )
    assert score_families(np.stack([hostile]), bare, k=1)["hostility"][0].score > 0.5
