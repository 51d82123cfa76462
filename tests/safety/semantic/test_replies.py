"""Heads that read a line beside the partner's reply: which lines a reply
answers, the worker's signal about the earlier speaker, and the tier handing
it to that speaker's connection (fake embedder; the real model's heads are
in test_model.py)."""

from __future__ import annotations

import asyncio
import socket
import threading
from typing import Any

import numpy as np
from tests.safety.semantic.threads import Hearer, ThreadWorker
from tests.support import eventually

from passerby.clock import ManualClock
from passerby.metrics import Metrics
from passerby.safety.semantic import frames, worker
from passerby.safety.semantic import heads as hd
from passerby.safety.semantic.embedder import DIMENSIONS
from passerby.safety.semantic.replies import WAITING, Replies
from passerby.safety.semantic.scorer import build_index
from passerby.safety.semantic.tier import SemanticTier, TierSettings


def unit(i: int) -> np.ndarray:
    v = np.zeros(DIMENSIONS, dtype=np.float32)
    v[i] = 1.0
    return v


def test_a_reply_answers_every_line_of_the_partners_turn() -> None:
    replies = Replies()
    assert replies.add(7, 1, 11, unit(1)) == []
    assert replies.add(7, 1, 11, unit(2)) == []
    answered = replies.add(7, 2, 22, unit(3))
    assert [(a.speaker, a.device) for a in answered] == [(1, 11), (1, 11)]
    assert [int(np.argmax(a.line)) for a in answered] == [1, 2]
    assert all(int(np.argmax(a.reply)) == 3 for a in answered)
    # the reply's own turn is answered by the next line of the first speaker
    [back] = replies.add(7, 1, 11, unit(4))
    assert (back.speaker, int(np.argmax(back.line)), int(np.argmax(back.reply))) == (2, 3, 4)


def test_a_long_turn_keeps_its_latest_lines_and_chats_are_apart() -> None:
    replies = Replies()
    for i in range(WAITING + 3):
        replies.add(1, 1, 0, unit(i))
    replies.add(2, 5, 0, unit(100))  # another chat
    answered = replies.add(1, 2, 0, unit(200))
    assert [int(np.argmax(a.line)) for a in answered] == list(range(3, WAITING + 3))


def test_a_message_that_reaches_the_worker_late_answers_nothing() -> None:
    replies = Replies()
    replies.add(1, 1, 0, unit(1), order=5)
    assert replies.add(1, 2, 0, unit(2), order=3) == []  # sent before the line it follows
    [answered] = replies.add(1, 2, 0, unit(3), order=6)
    assert (int(np.argmax(answered.line)), int(np.argmax(answered.reply))) == (1, 3)


def test_no_chat_is_never_paired_and_old_chats_are_forgotten() -> None:
    replies = Replies(rooms=2)
    replies.add(0, 1, 0, unit(1))
    assert replies.add(0, 2, 0, unit(2)) == []
    replies.add(1, 1, 0, unit(1))
    for room in range(2, 8):  # more chats than it keeps
        replies.add(room, 9, 0, unit(9))
    assert replies.add(1, 2, 0, unit(2)) == []


class AxisEmbedder:
    """ "!" texts lie along the first axis, the rest along the second."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([unit(0) if t.startswith("!") else unit(1) for t in texts])


def reply_head() -> hd.Head:
    """Leans when the *reply* lies along the first axis, whatever the line."""
    weights = np.zeros(2 * DIMENSIONS, dtype=np.float32)
    weights[DIMENSIONS] = 20.0
    return hd.Head("hostility", weights, -10.0, 0.85, 0.01, "reply")


def index() -> Any:
    return build_index(np.stack([unit(5), unit(6)]), ["harmful", "safe"], ["threat", "talk"])


def _exchange(
    texts: list[str], chats: list[int], rooms: list[int], order: list[int] | None = None
) -> dict[str, Any]:
    server, child = socket.socketpair()
    thread = threading.Thread(
        target=worker.score_batches,
        args=(child, AxisEmbedder(), index()),
        kwargs={"heads": [reply_head()]},
        daemon=True,
    )
    thread.start()
    try:
        n = len(texts)
        frame = {
            "now": 0.0,
            "chats": chats,
            "devices": [0] * n,
            "rooms": rooms,
            "order": order or list(range(1, n + 1)),
            "texts": texts,
        }
        frames.send_frame(server, frame)
        reply = frames.recv_frame(server)
    finally:
        server.close()
        thread.join(5)
        child.close()
    assert reply is not None
    return reply


def test_lines_the_partner_answers_as_hurt_make_a_signal_about_their_speaker() -> None:
    # speaker 1 says two ordinary-looking lines; speaker 2's reply reads as hurt
    reply = _exchange(["so you live with your mum", "cute", "!wow"], [1, 1, 2], [9, 9, 9])
    assert reply["signals"] == []
    [[speaker, name, value, detail]] = reply["earlier"]
    assert (speaker, name) == (1, "learned_hostility")
    assert value >= 0.5 and detail == "scope=chat;hits=2;kinds=reply"


def test_lines_are_paired_in_the_order_sent_not_the_order_batched() -> None:
    # Sent: 1 "so you live with your mum", 1 "cute", 2 "!wow"; the batch
    # puts speaker 2's line first (their chat had signals).
    texts = ["!wow", "so you live with your mum", "cute"]
    reply = _exchange(texts, [2, 1, 1], [9, 9, 9], order=[3, 1, 2])
    [[speaker, name, _, detail]] = reply["earlier"]
    assert (speaker, name, detail) == (1, "learned_hostility", "scope=chat;hits=2;kinds=reply")


def test_the_same_lines_answered_calmly_or_in_no_shared_chat_make_none() -> None:
    assert (
        _exchange(["so you live with your mum", "cute", "ok"], [1, 1, 2], [9, 9, 9])["earlier"]
        == []
    )
    assert (
        _exchange(["so you live with your mum", "cute", "!wow"], [1, 1, 2], [0, 0, 0])["earlier"]
        == []
    )


def _scores(sock: socket.socket) -> None:
    worker.score_batches(sock, AxisEmbedder(), index(), heads=[reply_head()])


async def _true(value: object) -> bool:
    return bool(value)


async def test_the_signal_about_earlier_lines_reaches_their_speakers_connection() -> None:
    clock = ManualClock()
    metrics = Metrics()
    tier = SemanticTier(
        TierSettings(flush_seconds=0.005),
        metrics,
        clock,
        timer=clock.monotonic,
        process=lambda child: ThreadWorker(child.dup(), _scores),  # type: ignore[arg-type,return-value]
    )
    await tier.start()
    try:
        await eventually(lambda: _true(tier.ready))
        speaker, partner = tier.tap("one", "adults"), tier.tap("two", "adults")
        assert speaker is not None and partner is not None
        heard_speaker, heard_partner = Hearer("c1"), Hearer("c1")
        speaker.bind(heard_speaker)
        partner.bind(heard_partner)
        speaker.submit("so you live with your mum", signalled=False)
        speaker.submit("cute", signalled=False)
        await eventually(lambda: _true(metrics.semantic_scored.value == 2))
        assert metrics.semantic_scored.value == 2
        # The speaker has moved on to another chat before the reply is read.
        heard_speaker.chat = "c2"
        speaker.submit("hello", signalled=False)
        await eventually(lambda: _true(metrics.semantic_scored.value == 3))
        assert metrics.semantic_scored.value == 3
        partner.submit("!wow", signalled=False)
        await eventually(lambda: _true(heard_speaker.heard))
        [(chat, signal)] = heard_speaker.heard
        assert chat == "c1" and signal.name == "learned_hostility"
        assert signal.detail == "scope=chat;hits=2;kinds=reply"
        assert heard_partner.heard == []
        # In another chat one line is delivered and one held: the partner's
        # reply answers the delivered one only, one leaning line, no pattern.
        other, other_partner = tier.tap("three", "adults"), tier.tap("four", "adults")
        assert other is not None and other_partner is not None
        heard_other, heard_other_partner = Hearer("c3"), Hearer("c3")  # taps hold them weakly
        other.bind(heard_other)
        other_partner.bind(heard_other_partner)
        other.submit("so you live with your mum", signalled=False)
        other.submit("cute", signalled=False, delivered=False)
        other_partner.submit("!wow", signalled=False)
        await eventually(lambda: _true(metrics.semantic_scored.value == 7))
        assert metrics.semantic_scored.value == 7
        await asyncio.sleep(0.05)
        assert heard_other.heard == []
    finally:
        await tier.close()
