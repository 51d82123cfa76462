"""The learned heads: their file, their training, and their patterns in the
worker (a fake embedder; the real model's heads are in test_model.py)."""

from __future__ import annotations

import json
import logging
import socket
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from passerby.safety.semantic import frames, train, worker
from passerby.safety.semantic import heads as hd
from passerby.safety.semantic.embedder import DIMENSIONS, model_digest
from passerby.safety.semantic.scorer import build_index

MODEL = model_digest()


def unit(i: int) -> np.ndarray:
    v = np.zeros(DIMENSIONS, dtype=np.float32)
    v[i] = 1.0
    return v


def a_head(family: str = "hostility", hit: float = 0.9) -> hd.Head:
    """Leans on vectors along the first axis, not on the others."""
    return hd.Head(family, unit(0) * 20.0, -10.0, hit, 0.01)


def test_a_head_reads_its_direction() -> None:
    p = a_head().probabilities(np.stack([unit(0), unit(1), (unit(0) + unit(1)) / np.sqrt(2)]))
    assert p[0] > 0.99 and p[1] < 0.01 and 0.01 < p[2] < 0.99


def test_a_heads_file_reads_back_what_was_written(tmp_path: Path) -> None:
    heads = [a_head(), a_head("advert", 0.8)]
    path = tmp_path / "heads.json"
    path.write_text(json.dumps(hd.to_json(heads, MODEL, {"split": "dev"})))
    back = hd.read(path, MODEL)
    assert [(h.family, h.signal, h.hit, h.bias) for h in back] == [
        ("hostility", "learned_hostility", 0.9, -10.0),
        ("advert", "learned_advert", 0.8, -10.0),
    ]
    assert np.array_equal(back[0].weights, heads[0].weights)


def test_no_file_is_no_heads(tmp_path: Path) -> None:
    assert hd.read(tmp_path / "absent.json", MODEL) == []


def _file(**change: Any) -> dict[str, Any]:
    data = hd.to_json([a_head()], MODEL, {})
    head = data["heads"][0]
    for key, value in change.items():
        if key in head:
            head[key] = value
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_file(model="another"), "another sentence encoder"),
        (_file(format=2), "format 1"),
        (_file(family="flattery"), "no family 'flattery'"),
        (_file(weights="AAAAAAAAAAA="), "weights, not"),
        (_file(weights="not base64!"), "cannot be read"),
        (_file(hit=1.5), "hit and base_rate"),
        (_file(base_rate=0), "hit and base_rate"),
        (_file(bias="x"), "cannot be read"),
        (_file(heads={}), "lists its heads"),
        (_file(reads="everything"), "reads one of message, reply"),
        (_file(reads="reply"), "1024 weights"),
        ([1, 2], "format 1"),
    ],
)
def test_a_heads_file_that_cannot_be_used_is_refused(data: Any, message: str) -> None:
    with pytest.raises(hd.HeadError, match=message):
        hd.from_json(data, MODEL)


def test_two_heads_for_one_family_are_refused() -> None:
    data = hd.to_json([a_head(), a_head()], MODEL, {})
    with pytest.raises(hd.HeadError, match="two heads"):
        hd.from_json(data, MODEL)


def test_a_weight_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(hd.HeadError, match="numbers"):
        hd.Head("hostility", unit(0) * np.nan, 0.0, 0.9, 0.01)


def test_the_operators_heads_replace_the_shipped_ones_of_their_kind(tmp_path: Path) -> None:
    shipped = {(h.family, h.reads): h for h in worker.load_heads(None)}
    assert set(shipped) == {
        ("hostility", "message"),
        ("sexual", "message"),
        ("advert", "message"),
        ("hostility", "reply"),
        ("sexual", "reply"),
        ("grooming", "message"),
    }
    mine = tmp_path / hd.OPERATOR_FILE
    mine.parent.mkdir()
    mine.write_text(json.dumps(hd.to_json([a_head()], MODEL, {})))
    heads = {(h.family, h.reads): h for h in worker.load_heads(tmp_path)}
    assert set(heads) == set(shipped)
    assert heads["hostility", "message"].bias == -10.0  # the operator's
    assert np.array_equal(heads["sexual", "message"].weights, shipped["sexual", "message"].weights)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (json.dumps(hd.to_json([a_head()], "another", {})).encode(), "another sentence encoder"),
        (b"\xff\xfe not text", "not UTF-8"),
        (b"{", "not JSON"),
    ],
)
def test_an_operators_file_that_cannot_be_used_leaves_the_shipped_heads(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes, why: str
) -> None:
    mine = tmp_path / hd.OPERATOR_FILE
    mine.parent.mkdir()
    mine.write_bytes(content)
    with caplog.at_level(logging.ERROR):
        heads = worker.load_heads(tmp_path)
    assert len(heads) == 6 and heads[0].bias != -10.0
    assert "without the operator's learned heads" in caplog.text and why in caplog.text


class AxisEmbedder:
    """ "!" texts lie along the first axis, the rest along the second."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([unit(0) if t.startswith("!") else unit(1) for t in texts])


def test_two_leaning_lines_of_one_speaker_make_the_heads_signal_and_one_does_not() -> None:
    index = build_index(np.stack([unit(2), unit(3)]), ["harmful", "safe"], ["threat", "talk"])
    server, child = socket.socketpair()
    thread = threading.Thread(
        target=worker.score_batches,
        args=(child, AxisEmbedder(), index),
        kwargs={"heads": [a_head()]},
        daemon=True,
    )
    thread.start()
    try:
        # speaker 1 leans twice; speaker 2 once, among ordinary lines
        texts = ["!a", "hello", "!b", "!c", "fine", "ok"]
        chats = [1, 1, 1, 2, 2, 2]
        frame = {"now": 0.0, "chats": chats, "devices": [0] * 6, "rooms": [0] * 6}
        frames.send_frame(server, frame | {"order": list(range(1, 7)), "texts": texts})
        reply = frames.recv_frame(server)
    finally:
        server.close()
        thread.join(5)
        child.close()
    assert reply is not None and reply["scored"] == 6
    [[i, name, value, detail]] = reply["signals"]
    assert (i, name) == (2, "learned_hostility")
    assert value >= 0.5 and detail == "scope=chat;hits=2;kinds=learned"


def _chat(author: str, label: str, lines: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "author": author,
        "label": label,
        "offender": None if label == "benign" else "b",
        "turns": [{"speaker": s, "text": t} for s, t in lines],
    }


def test_the_rows_learn_from_the_harmful_side_and_leave_out_other_harm() -> None:
    chats = [
        _chat("x", "harassment", [("a", "hi"), ("b", "you fool")]),
        _chat("x", "grooming", [("a", "hi"), ("b", "our secret")]),
        _chat("x", "benign", [("a", "hi"), ("b", "hello")]),
    ]
    rows = train.rows_for(chats, "hostility")
    assert rows.y.tolist() == [0, 1, 0, 0, 0, 0]
    assert rows.keep.tolist() == [True, True, True, False, True, True]
    assert rows.benign.tolist() == [False, False, False, False, True, True]
    rows = train.rows_for(chats, "grooming")
    assert rows.y.tolist() == [0, 0, 0, 1, 0, 0]
    assert rows.keep.tolist() == [True, False, True, True, True, True]


def test_training_finds_the_harmful_direction_and_measures_it_on_unseen_writers() -> None:
    rng = np.random.default_rng(1)
    chats, vectors = [], []
    for n in range(200):
        label = ("harassment", "benign", "benign", "spam")[n % 4]
        lines = [("a", "hey"), ("b", "hi"), ("a", "so"), ("b", "well"), ("b", "and")]
        chats.append(_chat(f"w{n % 10}", label, lines))
        for speaker, text in lines:
            v = rng.normal(0, 0.1, DIMENSIONS).astype(np.float32)
            if label == "harassment" and speaker == "b" and text != "hi":
                v[0] += 3.0  # the harassing side's lines but its greeting lean one way
            vectors.append(v / np.linalg.norm(v))
    [head], report = train.train(chats, np.stack(vectors), [("hostility", "message", 0.9)])
    p = head.probabilities(np.stack([unit(0), unit(1)]))
    assert p[0] > 0.9 > 0.1 > p[1]
    counts = report["learned_hostility"]
    assert counts["harmful_speakers"] == 50 and counts["benign_speakers"] == 200
    assert counts["harmful_reached"] >= 45 and counts["benign_reached"] <= 2
    assert 0 < head.base_rate < 0.05


def test_a_reply_is_the_partners_next_message_and_a_head_reads_it_beside_the_line() -> None:
    chats = [
        _chat("x", "harassment", [("a", "hi"), ("b", "x"), ("b", "y"), ("a", "wow")]),
        _chat("x", "benign", [("a", "hi")]),
    ]
    replies = train.replies_of(chats)
    assert replies.tolist() == [1, 3, 3, -1, -1]
    vectors = np.stack([unit(i) for i in range(5)])
    x = train.features(vectors, replies, "reply")
    assert x.shape == (5, 2 * DIMENSIONS)
    assert np.argmax(x[1, DIMENSIONS:]) == 3 and not x[3, DIMENSIONS:].any()
    assert train.features(vectors, replies, "message") is vectors


def test_a_reply_head_learns_how_the_partner_took_the_lines() -> None:
    rng = np.random.default_rng(2)
    chats, vectors = [], []
    for n in range(200):
        label = ("harassment", "benign", "benign", "spam")[n % 4]
        lines = [("a", "hi"), ("b", "so"), ("a", "ok"), ("b", "well"), ("a", "hm")]
        lines += [("b", "and"), ("a", "huh")]
        chats.append(_chat(f"w{n % 10}", label, lines))
        for _speaker, text in lines:
            v = rng.normal(0, 0.1, DIMENSIONS).astype(np.float32)
            if label == "harassment" and text in ("hm", "huh"):
                v[0] += 3.0  # the harassing side's lines look ordinary; two replies do not
            vectors.append(v / np.linalg.norm(v))
    [head], report = train.train(chats, np.stack(vectors), [("hostility", "reply", 0.85)])
    assert head.reads == "reply" and head.key == "learned_hostility:reply"
    hurt, calm = np.concatenate([unit(1), unit(0)]), np.concatenate([unit(1), unit(2)])
    p = head.probabilities(np.stack([hurt, calm]))
    assert p[0] > 0.9 > 0.1 > p[1]
    assert report["learned_hostility:reply"]["harmful_reached"] >= 45
