"""The worker process: embeds and scores batches of messages, and keeps the speakers' patterns.

It runs in a process of its own (started with ``spawn`` at
:func:`~.frames.worker_main`: nothing of the server's event loop is
inherited), so the relay never waits for the model and the model has a core
to itself. It talks to the server over one socket in frames
(:mod:`.frames`): a 4-byte big-endian length, then a JSON object.

* worker -> server, once: ``{"ready": n_examples}`` or
  ``{"error": code, "message": why}`` (then it exits);
* server -> worker: ``{"now": wall, "chats": [...], "devices": [...],
  "rooms": [...], "order": [...], "texts": [...]}``: per message, the
  server's small integer for the speaker in that chat, for the device (0:
  none) and for the chat itself (shared by its two speakers; 0: none, or a
  line the partner never got), its number in the order the server took
  the messages (a batch puts priority first), and the text;
* worker -> server: ``{"scored": n, "signals": [[i, name, value, detail], ...],
  "earlier": [[speaker, name, value, detail], ...], "busy": seconds}``:
  ``signals``, the messages of the batch (by position ``i``) whose
  speaker's pattern in a family of harm makes a signal, with the family's
  signal name (:mod:`.speakers`, ``examples.FAMILIES``, ``heads.SIGNALS``);
  ``earlier``, the speakers (by their key) whose lines, answered by a
  message of this batch, make a signal read with the reply (:mod:`.replies`).

Its only per-user state is the speakers' patterns and each chat's last
turn's sentence vectors (derived from the text, not the text), under the
server's integers (never a device id, a chat id or text); they are lost
when the worker restarts. It never logs text;
texts are cut to :data:`MAX_CHARS` here. The index is built at start
from the shipped and the operator's examples; their vectors are cached in
``<data_dir>/semantic/`` under a digest of the model and the examples, so
a later start only reads them.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
import socket
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import orjson

from passerby.safety.semantic import examples as ex
from passerby.safety.semantic import heads as hd
from passerby.safety.semantic.embedder import (
    Embedder,
    ModelMismatch,
    UseEmbedder,
    Vectors,
    model_digest,
)
from passerby.safety.semantic.frames import recv_frame, send_frame
from passerby.safety.semantic.pattern import SHAPES, learned
from passerby.safety.semantic.replies import Answered, Replies
from passerby.safety.semantic.scorer import Index, Scored, build_index, score_families
from passerby.safety.semantic.speakers import Speakers

log = logging.getLogger(__name__)

# Longer messages are cut: their start says what they are about.
MAX_CHARS: Final = 1000


def load_index(embedder: Embedder, data_dir: Path | None) -> Index:
    """The index of the shipped and operator examples, from the cache when it is current."""
    examples = ex.load_all(data_dir)
    digest = hashlib.sha256(model_digest().encode())
    for example in examples:
        digest.update(orjson.dumps(example.as_json()) + b"\n")
    cache = None
    if data_dir is not None:
        cache = data_dir / "semantic" / f"index-{digest.hexdigest()[:24]}.npy"
    vectors = None
    if cache is not None and cache.exists():
        try:
            vectors = np.load(cache, allow_pickle=False)
            if vectors.shape != (len(examples), vectors.shape[1]):
                vectors = None
        except (OSError, ValueError):
            vectors = None
    if vectors is None:
        vectors = embedder.encode([e.text for e in examples])
        if cache is not None:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                np.save(cache, vectors, allow_pickle=False)
            except OSError:
                log.warning("could not cache the semantic index's vectors in %s", cache.parent)
    return build_index(
        vectors,
        [e.label for e in examples],
        [e.category for e in examples],
        [e.family for e in examples],
    )


def load_heads(data_dir: Path | None) -> list[hd.Head]:
    """The shipped learned heads, each replaced by the operator's head of the
    same family and reading (``<data_dir>/semantic/heads.json``) when there
    is one. A file that cannot be used is left out, logged as an error: an
    operator's, and the shipped heads are read alone; the shipped one, and
    the index scores alone (``passerby_semantic_heads`` reads 0)."""
    model = model_digest()
    try:
        heads = {h.key: h for h in hd.read(hd.SHIPPED, model)}
    except hd.HeadError as exc:
        log.error("the semantic tier runs without the shipped learned heads: %s", exc)
        heads = {}
    if data_dir is not None:
        try:
            heads.update((h.key, h) for h in hd.read(data_dir / hd.OPERATOR_FILE, model))
        except hd.HeadError as exc:
            log.error("the semantic tier runs without the operator's learned heads: %s", exc)
    return list(heads.values())


def serve(sock: socket.socket, data_dir: str | None, threads: int = 1) -> None:
    """The worker's life: load, say ready, score batches until the socket closes."""
    sock.setblocking(True)
    try:
        embedder = UseEmbedder(threads=threads)
        index = load_index(embedder, Path(data_dir) if data_dir else None)
        heads = load_heads(Path(data_dir) if data_dir else None)
    except ModelMismatch as exc:
        send_frame(sock, {"error": "model_mismatch", "message": str(exc)})
        return
    except ex.ExampleError as exc:
        send_frame(sock, {"error": "bad_examples", "message": str(exc)})
        return
    send_frame(sock, {"ready": index.size, "heads": len(heads)})
    score_batches(sock, embedder, index, heads=heads)


def score_batches(
    sock: socket.socket, embedder: Embedder, index: Index, heads: Sequence[hd.Head] = ()
) -> None:
    shapes = dict(SHAPES)
    for head in heads:
        shapes[head.key] = learned(head.hit, head.base_rate)
    speakers = Speakers(shapes=shapes)
    on_messages = [h for h in heads if h.reads == "message"]
    on_replies = [h for h in heads if h.reads == "reply"]
    replies = Replies()
    while (frame := recv_frame(sock)) is not None:
        started = time.perf_counter()
        texts = [text[:MAX_CHARS] for text in frame["texts"]]
        chats, devices = frame["chats"], frame["devices"]
        rooms, order = frame["rooms"], frame["order"]
        now = float(frame["now"])
        signals: list[list[Any]] = []
        earlier: list[list[Any]] = []
        if texts:
            vectors = embedder.encode(texts)
            # (the pattern a score feeds, its signal, the scores), in row order
            readings: list[tuple[str, str, list[Scored]]] = [
                (family, ex.FAMILIES[family], scored)
                for family, scored in score_families(vectors, index).items()
            ]
            for head in on_messages:
                probabilities = head.probabilities(vectors).tolist()
                readings.append(
                    (head.key, head.signal, [Scored(p, head.category) for p in probabilities])
                )
            for key, name, scored in readings:
                for i, (one, chat, device) in enumerate(zip(scored, chats, devices, strict=True)):
                    found = speakers.add(chat, device, one.score, one.category, now, key)
                    if found is not None:
                        signals.append([i, name, *found])
            if on_replies:
                earlier = _answered(
                    replies, speakers, on_replies, vectors, (rooms, chats, devices, order), now
                )
        busy = time.perf_counter() - started
        send_frame(
            sock, {"scored": len(texts), "signals": signals, "earlier": earlier, "busy": busy}
        )


def _answered(
    replies: Replies,
    speakers: Speakers,
    heads: Sequence[hd.Head],
    vectors: Vectors,
    per_message: tuple[Sequence[int], Sequence[int], Sequence[int], Sequence[int]],
    now: float,
) -> list[list[Any]]:
    """The reply heads' signals about the lines this batch's messages answer,
    each addressed by the speaker's key (their lines may be of an earlier
    batch). ``per_message``: the rooms, speakers, devices and orders."""
    rooms, chats, devices, order = per_message
    answered: list[Answered] = []
    for i in sorted(range(len(order)), key=order.__getitem__):  # in the order sent
        answered.extend(replies.add(rooms[i], chats[i], devices[i], vectors[i], order[i]))
    if not answered:
        return []
    pairs = np.stack([np.concatenate([a.line, a.reply]) for a in answered])
    out = []
    for head in heads:
        for a, p in zip(answered, head.probabilities(pairs).tolist(), strict=True):
            found = speakers.add(a.speaker, a.device, p, head.category, now, head.key)
            if found is not None:
                out.append([a.speaker, head.signal, *found])
    return out


def give_way() -> None:
    """The relay comes first. A server pinned to one core (``taskset``, as
    ``benchmarks/run.py`` does) hands its pin to the worker, which would then
    take that very core from the event loop: the worker may run on every
    core the machine lets it, and at the lowest priority, so that where it
    must share a core with the server it is the one that waits."""
    # (AttributeError: no such call here; OSError: cores we may not use.)
    with contextlib.suppress(AttributeError, OSError, ValueError):
        os.sched_setaffinity(0, range(os.cpu_count() or 1))
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, 0, 19)


def main(sock: socket.socket, data_dir: str | None, threads: int) -> None:
    """The process's life (see :func:`passerby.safety.semantic.frames.worker_main`)."""
    # Ctrl-C reaches the whole process group: the worker ends when the
    # server closes its socket, not before.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    give_way()
    try:
        serve(sock, data_dir, threads)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server went away
    finally:
        sock.close()
