"""Moderation measured through the running server, with the shipped policy.

moderation_eval.py scores the text analyser on its own; this script replays
the same corpus (tests/data/conversations.jsonl) through a real
``passerby serve``: per conversation two fresh devices, each from its own
made-up address, declare the section's age band, pair on a tag of their own
and replay the turns in order. A conversation counts as *acted on* when any
moderation frame reached either side: ``held``, ``masked``, ``warning``,
``challenge``, ``banned``, or a ``chat_ended`` that neither side asked for
(the replay never leaves, so every end is the rules').

Only the rate limits are raised (run.py's PASSERBY_ENV); every moderation
threshold is the shipped default. Halves as in moderation_eval.py: odd ids
are the development half, even ids the held-out half.

    .venv/bin/python benchmarks/moderation_server_eval.py
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from moderation_eval import Conversation, load_corpus  # noqa: E402
from run import PASSERBY_ENV  # noqa: E402

HOST = "127.0.0.1"
BANDS = {"teens": "13-17", "adults": "18+"}
ACTIONS = {"held", "masked", "warning", "banned", "challenge"}
TURN_TIMEOUT = 2.0
SETUP_TIMEOUT = 10.0
GRACE = 0.3  # for frames that trail the last turn (a warning after delivery)
CONCURRENCY = 8
HARMFUL = ("harassment", "spam", "grooming")


@dataclass
class Outcome:
    conversation: Conversation
    actions: list[str] = field(default_factory=list)
    first_index: int | None = None  # the offender's message number (1-based)
    error: str | None = None

    @property
    def acted(self) -> bool:
        return bool(self.actions)


class Client:
    def __init__(self, name: str, address: str) -> None:
        self.name = name
        self.address = address
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.frames: list[dict] = []
        self.changed = asyncio.Event()
        self.sent = 0
        self.closed = False
        self.reader: asyncio.Task | None = None

    async def connect(self, base: str, band: str) -> None:
        headers = {"X-Forwarded-For": self.address}
        body = {"age_band": band, "accept_rules": True}
        async with self.session.post(f"{base}/api/entry", json=body, headers=headers) as resp:
            if resp.status != 200:
                raise RuntimeError(f"entry {resp.status}: {await resp.text()}")
        self.ws = await self.session.ws_connect(
            f"{base}/ws", protocols=("passerby.v1",), headers=headers, heartbeat=None
        )
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.ws is not None
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                self.frames.append(json.loads(msg.data))
                self.changed.set()
        self.closed = True
        self.changed.set()

    async def wait_for(self, start: int, types: set[str], timeout: float) -> dict | None:
        """The first frame at or after ``start`` whose type is in ``types``."""
        deadline = time.monotonic() + timeout
        while True:
            for frame in self.frames[start:]:
                if frame.get("type") in types:
                    return frame
            left = deadline - time.monotonic()
            if left <= 0 or self.closed:
                return None
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                return None

    async def send(self, frame: dict) -> None:
        assert self.ws is not None
        if not self.closed:
            await self.ws.send_json(frame)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()
        await self.session.close()


def action_of(frame: dict) -> str | None:
    kind = frame.get("type")
    if kind in ACTIONS:
        return f"{kind}:{frame.get('code', '')}" if frame.get("code") else kind
    if kind == "chat_ended":
        return f"chat_ended:{frame.get('by')}"
    return None


async def replay(base: str, number: int, conversation: Conversation) -> Outcome:
    outcome = Outcome(conversation)
    band = BANDS[conversation.section]
    clients = {
        "a": Client("a", f"10.{number & 255}.{number >> 8}.1"),
        "b": Client("b", f"11.{number & 255}.{number >> 8}.1"),
    }
    seen = {"a": 0, "b": 0}  # frames already inspected for actions

    def scan() -> bool:
        """Record new moderation frames; True once the chat is over."""
        over = False
        for name, client in clients.items():
            other = "b" if name == "a" else "a"
            for frame in client.frames[seen[name] :]:
                action = action_of(frame)
                if action is None:
                    continue
                outcome.actions.append(f"{name}:{action}")
                # The victim sees "stranger"; every other frame names its receiver.
                offender = other if action == "chat_ended:stranger" else name
                if outcome.first_index is None:
                    outcome.first_index = max(1, clients[offender].sent)
                if action.startswith(("chat_ended", "banned")):
                    over = True
            seen[name] = len(client.frames)
            over = over or client.closed
        return over

    try:
        for client in clients.values():
            await client.connect(base, band)
        tag = f"eval-{conversation.id}-{number}"
        for client in clients.values():
            if await client.wait_for(0, {"welcome"}, SETUP_TIMEOUT) is None:
                raise RuntimeError(f"{client.name}: no welcome")
            await client.send({"type": "start", "interests": [tag]})
        for client in clients.values():
            if await client.wait_for(0, {"connected"}, SETUP_TIMEOUT) is None:
                raise RuntimeError(f"{client.name}: not paired: {client.frames[-3:]}")
        for speaker, text in conversation.turns:
            sender = clients[speaker]
            partner = clients["b" if speaker == "a" else "a"]
            mark_s, mark_p = len(sender.frames), len(partner.frames)
            sender.sent += 1
            await sender.send({"type": "message", "text": text, "id": sender.sent})
            stop = {"held", "undelivered", "error", "chat_ended", "banned", "challenge"}
            _, pending = await asyncio.wait(
                [
                    asyncio.create_task(
                        partner.wait_for(mark_p, {"message", "chat_ended"}, TURN_TIMEOUT)
                    ),
                    asyncio.create_task(sender.wait_for(mark_s, stop, TURN_TIMEOUT)),
                ],
                return_when=asyncio.FIRST_COMPLETED,
            )
            for task in pending:
                task.cancel()
            if scan():
                break
        await asyncio.sleep(GRACE)
        scan()
    except Exception as exc:  # reported per conversation, counted in the summary
        outcome.error = f"{type(exc).__name__}: {exc}"
    finally:
        for client in clients.values():
            await client.close()
    return outcome


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


async def wait_healthy(base: str, process: subprocess.Popen) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(200):
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            try:
                async with http.get(f"{base}/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("server never became healthy")


def report(name: str, outcomes: list[Outcome]) -> None:
    by_label: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_label[outcome.conversation.label].append(outcome)
    print(f"\n{name}: {len(outcomes)} conversations")
    print(f"  {'label':<12}{'convs':>7}{'acted':>7}{'rate':>8}   kind")
    for label in (*HARMFUL, "benign"):
        group = by_label.get(label, [])
        acted = sum(o.acted for o in group)
        rate = acted / len(group) if group else 0.0
        kind = "recall" if label != "benign" else "false-action rate"
        print(f"  {label:<12}{len(group):>7}{acted:>7}{rate:>8.1%}   {kind}")
    for section in ("teens", "adults"):
        parts = []
        for label in (*HARMFUL, "benign"):
            group = [o for o in by_label.get(label, []) if o.conversation.section == section]
            if group:
                parts.append(f"{label} {sum(o.acted for o in group)}/{len(group)}")
        print(f"  {section:<7} " + ", ".join(parts))
    firsts = [o.first_index for o in by_label.get("grooming", []) if o.first_index is not None]
    median = f"{statistics.median(firsts):g}" if firsts else "n/a"
    print(f"  grooming: median offender message index of first action = {median} (n={len(firsts)})")
    kinds = Counter(a.split(":", 1)[1] for o in outcomes for a in o.actions)
    print("  action frames: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))


async def evaluate(
    base: str, process: subprocess.Popen, corpus: list[Conversation]
) -> list[Outcome]:
    await wait_healthy(base, process)
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(number: int, conversation: Conversation) -> Outcome:
        async with gate:
            return await replay(base, number, conversation)

    return await asyncio.gather(*(one(n, c) for n, c in enumerate(corpus, 1)))


def main() -> None:
    corpus = load_corpus()
    port = free_port()
    base = f"http://{HOST}:{port}"
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="passerby-modeval-") as data_dir:
        env = {**os.environ, **PASSERBY_ENV}
        env.update(PASSERBY_TRUST_FORWARDED_FOR="true", PASSERBY_LOG_LEVEL="warning")
        command = [sys.executable, "-m", "passerby", "serve", "--host", HOST, "--port", str(port)]
        process = subprocess.Popen([*command, "--data-dir", data_dir], cwd=ROOT, env=env)
        try:
            outcomes = asyncio.run(evaluate(base, process, corpus))
        finally:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
    errors = [o for o in outcomes if o.error]
    report("development half (odd ids)", [o for o in outcomes if not o.conversation.held_out])
    report("held-out half (even ids)", [o for o in outcomes if o.conversation.held_out])
    print(f"\nerrors: {len(errors)}")
    for outcome in errors[:5]:
        print(f"  {outcome.conversation.id}: {outcome.error}")
    print(f"run time: {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
