"""Moderation measured through the running server, with the shipped policy.

Replays a labelled corpus through a real ``passerby serve`` over its public
protocol: per conversation two fresh devices, each from its own made-up
address and with its own ``User-Agent``, declare the section's age band over
``POST /api/entry``, pair on a tag of their own over the WebSocket and replay
the turns in order, each turn waiting until it was delivered or refused.

What counts as an action, per side (docs/protocol.md):

* the frames ``held``, ``masked``, ``warning``, ``challenge``, ``banned``,
  and a ``chat_ended`` that neither side asked for (the replay never leaves,
  so every end is the rules': ``by: "system"`` on one side, ``"stranger"``
  on the other, counted once);
* a *case* the rules opened (a review case or a child-safety case). The
  protocol never tells a user that a case was opened, so after the run,
  with the server stopped, the evaluator reads the ``cases`` table of the
  server's SQLite store in its data directory, joined with each case's first
  evidence record: the record names the chat's two sides with their
  ``User-Agent`` (which carries the conversation id and side) and holds the
  transcript as the server had it, whose lines from the case's subject give
  the subject's message number when the case was opened. The server's own
  ``passerby_safety_actions_total`` (``/metrics``, read before the stop) is
  printed beside, for the actions no frame shows (strikes, low trust); the
  cases the rules open do not pass through that counter.

A conversation is *acted on* when any of these happened, to either side.
Per split, label and language it prints n, acted on (recall for a harmful
label, the false action rate for benign), how many of those actions were
about the offender (the adults' section ends a chat when a minor says their
age: that protects the minor but is no action on the groomer), every action
kind counted apart, for grooming the
share escalated to a person (a case opened) and the groomer's message number
at the first escalation (median, share before the 5th), and per split and
language precision (harmful acted on / all acted on). A conversation that
failed (no pairing, a turn neither delivered nor refused in time, a protocol
error) is reported as an error and left out of every rate.

Only the rate limits are raised (run.py's PASSERBY_ENV); every moderation
threshold is the shipped default.

Corpora: ``benchmarks/corpus/`` (``<split>/<author>.jsonl``, format in
benchmarks/corpus/README.md), or the project's older
``tests/data/conversations.jsonl``, which has no language, author or split:
its language is reported as ``und`` and its split by id parity (odd ids
``dev``, even ids ``test``), as the offline scorer does.

    .venv/bin/python benchmarks/moderation_eval.py --corpus benchmarks/corpus --split dev
    .venv/bin/python benchmarks/moderation_eval.py --corpus tests/data/conversations.jsonl
    ... --markdown --json results.json --lang de --label grooming --limit 50

benchmarks/moderation_offline.py is the fast inner loop (the text analyser
alone, no server); the figures in the docs come from this script.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run import PASSERBY_ENV  # noqa: E402

HOST = "127.0.0.1"
CORPUS = HERE / "corpus"
OLD_CORPUS = ROOT / "tests" / "data" / "conversations.jsonl"
BANDS = {"teens": "13-17", "adults": "18+"}
LANGS = ("en", "es", "id", "pt", "de")
HARMFUL = ("grooming", "harassment", "sexual", "spam")
LABELS = (*HARMFUL, "benign")
SPLITS = ("dev", "test")
# Every kind of action the evaluator can see, in the order they are printed.
KINDS = ("held", "masked", "warning", "challenge", "ended", "banned", "case", "cs_case")
FRAME_ACTIONS = {"held", "masked", "warning", "challenge", "banned"}
TURN_TIMEOUT = 10.0  # a turn neither delivered nor refused by then is an error
SETUP_TIMEOUT = 15.0
GRACE = 0.4  # for frames that trail the last turn (a warning after delivery)
EARLY = 5  # "escalated early": before the offender's 5th message
AGENT = re.compile(r"passerby-eval/1 conv=(\S+) side=([ab])")


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    split: str
    author: str
    lang: str
    section: str
    label: str
    hard_negative: bool
    offender: str | None
    turns: tuple[tuple[str, str], ...]


@dataclass(slots=True)
class Action:
    kind: str  # one of KINDS
    side: str  # the side it was about ("a" or "b")
    index: int  # that side's message number (1-based) when it came
    detail: str = ""  # the rule's code, or the case's kind and rule


@dataclass(slots=True)
class Outcome:
    conversation: Conversation
    actions: list[Action] = field(default_factory=list)
    error: str | None = None

    @property
    def acted(self) -> bool:
        return bool(self.actions)

    @property
    def acted_on_offender(self) -> bool:
        """An action about the offender (every action when the corpus names none)."""
        who = self.conversation.offender
        return any(who is None or a.side == who for a in self.actions)

    def kinds(self) -> set[str]:
        return {a.kind for a in self.actions}

    def escalation_index(self) -> int | None:
        """The offender's message number at the first case about them (any side if unknown)."""
        who = self.conversation.offender
        found = [
            a.index
            for a in self.actions
            if a.kind in ("case", "cs_case") and (who is None or a.side == who)
        ]
        return min(found) if found else None

    def first_action_index(self) -> int | None:
        who = self.conversation.offender
        found = [a.index for a in self.actions if who is None or a.side == who]
        return min(found) if found else None


# --- corpus -----------------------------------------------------------------------------


class CorpusError(ValueError):
    """A corpus file that does not follow the format; names the file and line."""


def _conversation(raw: dict[str, Any], where: str) -> Conversation:
    try:
        turns = tuple((str(t["speaker"]), str(t["text"])) for t in raw["turns"])
        return Conversation(
            id=str(raw["id"]),
            split=str(raw["split"]),
            author=str(raw["author"]),
            lang=str(raw["lang"]),
            section=str(raw["section"]),
            label=str(raw["label"]),
            hard_negative=bool(raw["hard_negative"]),
            offender=raw["offender"],
            turns=turns,
        )
    except (KeyError, TypeError) as exc:
        raise CorpusError(f"{where}: missing or bad field {exc}") from None


def _old_conversation(raw: dict[str, Any], where: str) -> Conversation:
    try:
        digits = "".join(ch for ch in str(raw["id"]) if ch.isdigit())
        turns = tuple((str(t["speaker"]), str(t["text"])) for t in raw["turns"])
        return Conversation(
            id=str(raw["id"]),
            split="test" if int(digits or "0") % 2 == 0 else "dev",
            author="project",
            lang="und",
            section=str(raw["section"]),
            label=str(raw["label"]),
            hard_negative=False,
            offender=None,
            turns=turns,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CorpusError(f"{where}: missing or bad field {exc}") from None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every object of a JSON-lines file; a line that is not one is a CorpusError."""
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(raw, dict):
                raise CorpusError(f"{path}:{number}: not a JSON object")
            rows.append(raw)
    return rows


def corpus_files(path: Path) -> list[Path]:
    """The corpus files under ``path``: ``<split>/<author>.jsonl``, or one file."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CorpusError(f"{path}: no such corpus file or directory")
    return sorted(path.glob("*/*.jsonl")) or sorted(path.glob("*.jsonl"))


def load_corpus(path: Path) -> list[Conversation]:
    conversations = []
    for file in corpus_files(path):
        for number, raw in enumerate(read_jsonl(file), 1):
            where = f"{file}:{number}"
            old = "lang" not in raw and "split" not in raw
            conversations.append(
                _old_conversation(raw, where) if old else _conversation(raw, where)
            )
    if not conversations:
        raise CorpusError(f"{path}: no conversations")
    return conversations


def select(
    corpus: Iterable[Conversation],
    split: str,
    langs: Sequence[str],
    labels: Sequence[str],
    limit: int | None,
) -> list[Conversation]:
    chosen = [
        c
        for c in corpus
        if (split == "all" or c.split == split)
        and (not langs or c.lang in langs)
        and (not labels or c.label in labels)
    ]
    return chosen[:limit] if limit is not None else chosen


# --- one replay -------------------------------------------------------------------------


class Client:
    def __init__(self, name: str, address: str, agent: str) -> None:
        self.name = name
        self.headers = {"X-Forwarded-For": address, "User-Agent": agent}
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.frames: list[dict[str, Any]] = []
        self.changed = asyncio.Event()
        self.sent = 0
        self.closed = False
        self.reader: asyncio.Task[None] | None = None

    async def connect(self, base: str, band: str) -> None:
        body = {"age_band": band, "accept_rules": True}
        async with self.session.post(f"{base}/api/entry", json=body, headers=self.headers) as resp:
            if resp.status != 200:
                raise RuntimeError(f"entry {resp.status}: {await resp.text()}")
        self.ws = await self.session.ws_connect(
            f"{base}/ws", protocols=("passerby.v1",), headers=self.headers, heartbeat=None
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

    async def wait_for(self, start: int, types: set[str], timeout: float) -> dict[str, Any] | None:
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

    async def send(self, frame: dict[str, Any]) -> None:
        assert self.ws is not None
        if not self.closed:
            await self.ws.send_json(frame)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()
        await self.session.close()


def agent(conversation_id: str, side: str) -> str:
    return f"passerby-eval/1 conv={conversation_id} side={side}"


async def replay(base: str, number: int, conversation: Conversation) -> Outcome:
    outcome = Outcome(conversation)
    band = BANDS.get(conversation.section)
    if band is None:
        outcome.error = f"unknown section {conversation.section!r}"
        return outcome
    clients = {
        side: Client(
            side, f"{first}.{number >> 8 & 255}.{number & 255}.{(number >> 16 & 255) + 1}", ""
        )
        for side, first in (("a", 10), ("b", 11))
    }
    for side, client in clients.items():
        client.headers["User-Agent"] = agent(conversation.id, side)
    seen = {"a": 0, "b": 0}  # frames already inspected

    def scan() -> bool:
        """Record new moderation frames; True once the chat is over."""
        over = False
        for name, client in clients.items():
            other = "b" if name == "a" else "a"
            for frame in client.frames[seen[name] :]:
                kind = frame.get("type")
                if kind == "error":
                    raise RuntimeError(f"{name}: error {frame.get('code')}: {frame.get('message')}")
                if kind in FRAME_ACTIONS:
                    outcome.actions.append(
                        Action(kind, name, max(1, client.sent), str(frame.get("code", "")))
                    )
                    over = over or kind == "banned"
                elif kind == "chat_ended":
                    over = True
                    # The system ends it for the side the rules acted on; the
                    # partner sees "stranger". Count the end once, for the former.
                    # A chat ends once: whichever side's frame is read first counts.
                    if any(a.kind == "ended" for a in outcome.actions):
                        continue
                    if frame.get("by") == "system":
                        outcome.actions.append(Action("ended", name, max(1, client.sent)))
                    elif frame.get("by") == "stranger":
                        ended_for = clients[other]
                        outcome.actions.append(Action("ended", other, max(1, ended_for.sent)))
            seen[name] = len(client.frames)
            over = over or client.closed
        return over

    try:
        for client in clients.values():
            await client.connect(base, band)
        tag = f"eval-{number}"
        lang = conversation.lang if conversation.lang in LANGS else "en"
        for client in clients.values():
            if await client.wait_for(0, {"welcome"}, SETUP_TIMEOUT) is None:
                raise RuntimeError(f"{client.name}: no welcome")
            await client.send({"type": "start", "interests": [tag], "lang": lang})
        for client in clients.values():
            if await client.wait_for(0, {"connected"}, SETUP_TIMEOUT) is None:
                raise RuntimeError(f"{client.name}: not paired: {client.frames[-3:]}")
        stop = {"held", "undelivered", "error", "chat_ended", "banned"}
        for turn, (speaker, text) in enumerate(conversation.turns, 1):
            sender = clients[speaker]
            partner = clients["b" if speaker == "a" else "a"]
            mark_s, mark_p = len(sender.frames), len(partner.frames)
            sender.sent += 1
            await sender.send({"type": "message", "text": text, "id": sender.sent})
            delivered = asyncio.create_task(
                partner.wait_for(mark_p, {"message", "chat_ended"}, TURN_TIMEOUT)
            )
            refused = asyncio.create_task(sender.wait_for(mark_s, stop, TURN_TIMEOUT))
            done, pending = await asyncio.wait(
                [delivered, refused], return_when=asyncio.FIRST_COMPLETED
            )
            for task in pending:
                task.cancel()
            answered = any(task.result() is not None for task in done)
            if scan():
                break
            if not answered:
                raise RuntimeError(f"turn {turn}: neither delivered nor refused in time")
        await asyncio.sleep(GRACE)
        scan()
    except Exception as exc:  # reported per conversation, left out of every rate
        outcome.error = f"{type(exc).__name__}: {exc}"
    finally:
        for client in clients.values():
            await client.close()
    return outcome


# --- the server -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


async def wait_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    last = "no answer"
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            try:
                async with http.get(f"{base}/healthz") as resp:
                    if resp.status == 200:
                        return
                    last = f"{resp.status} {await resp.text()}"
            except aiohttp.ClientError as exc:
                last = repr(exc)
            await asyncio.sleep(0.1)
    raise RuntimeError(f"server never became healthy: {last}")


async def safety_metrics(base: str) -> dict[str, int]:
    """The server's own count of safety actions, ``actor:action`` → n (printed beside)."""
    pattern = re.compile(r"^passerby_safety_actions_total\{([^}]*)\}\s+([0-9.e+]+)$")
    counts: dict[str, int] = {}
    async with aiohttp.ClientSession() as http, http.get(f"{base}/metrics") as resp:
        if resp.status != 200:
            return counts
        for line in (await resp.text()).splitlines():
            found = pattern.match(line)
            if found:
                labels = dict(re.findall(r'(\w+)="([^"]*)"', found.group(1)))
                key = f"{labels.get('actor', '?')}:{labels.get('action', '?')}"
                counts[key] = counts.get(key, 0) + int(float(found.group(2)))
    return counts


async def evaluate(
    base: str, process: subprocess.Popen[bytes], corpus: list[Conversation], concurrency: int
) -> tuple[list[Outcome], dict[str, int]]:
    await wait_healthy(base, process)
    gate = asyncio.Semaphore(concurrency)
    done = 0

    async def one(number: int, conversation: Conversation) -> Outcome:
        nonlocal done
        async with gate:
            outcome = await replay(base, number, conversation)
        done += 1
        if done % 50 == 0:
            print(f"  ... {done}/{len(corpus)}", file=sys.stderr)
        return outcome

    outcomes = await asyncio.gather(*(one(n, c) for n, c in enumerate(corpus, 1)))
    await asyncio.sleep(1.0)  # cases are written after the frames go out
    return list(outcomes), await safety_metrics(base)


def read_cases(database: Path) -> list[dict[str, Any]]:
    """The cases the rules opened, each with its conversation, side and message number."""
    if not database.exists():
        raise RuntimeError(f"no database at {database}")
    found = []
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT c.id, c.kind, c.reason, e.body FROM cases c JOIN evidence e"
            " ON e.case_id = c.id AND e.seq = (SELECT MIN(seq) FROM evidence WHERE case_id = c.id)"
            " WHERE c.opened_by LIKE 'rule:%'"
        ).fetchall()
    for case_id, kind, rule, body in rows:
        data = json.loads(body or "{}")
        subject = AGENT.search(str(data.get("subject", {}).get("user_agent", "")))
        lines = data.get("transcript", [])
        found.append(
            {
                "case": case_id,
                "kind": kind,
                "rule": rule,
                "conversation": subject.group(1) if subject else None,
                "side": subject.group(2) if subject else None,
                "index": sum(1 for line in lines if line.get("from") == "subject"),
            }
        )
    return found


def attach_cases(outcomes: list[Outcome], cases: list[dict[str, Any]]) -> int:
    """Add each case to its conversation's actions; returns the cases matched to none."""
    by_id = {o.conversation.id: o for o in outcomes}
    unmatched = 0
    for case in cases:
        outcome = by_id.get(case["conversation"] or "")
        if outcome is None:
            unmatched += 1
            continue
        kind = "cs_case" if case["kind"] == "child_safety" else "case"
        outcome.actions.append(
            Action(kind, case["side"], max(1, case["index"]), f"{case['kind']}:{case['rule']}")
        )
    return unmatched


def run_server(
    corpus: list[Conversation], concurrency: int
) -> tuple[list[Outcome], dict[str, int], int]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory(prefix="passerby-modeval-") as data_dir:
        env = {**os.environ, **PASSERBY_ENV}
        env.update(PASSERBY_TRUST_FORWARDED_FOR="true", PASSERBY_LOG_LEVEL="warning")
        command = [sys.executable, "-m", "passerby", "serve", "--host", HOST, "--port", str(port)]
        process = subprocess.Popen([*command, "--data-dir", data_dir], cwd=ROOT, env=env)
        try:
            outcomes, metric = asyncio.run(evaluate(base, process, corpus, concurrency))
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        unmatched = attach_cases(outcomes, read_cases(Path(data_dir) / "passerby.db"))
    return outcomes, metric, unmatched


# --- figures ----------------------------------------------------------------------------


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def group_stats(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The figures of one group of conversations (errors counted, then left out)."""
    ok = [o for o in outcomes if o.error is None]
    acted = sum(o.acted for o in ok)
    kinds = Counter(kind for o in ok for kind in o.kinds())
    escalations = [i for o in ok if (i := o.escalation_index()) is not None]
    firsts = [i for o in ok if (i := o.first_action_index()) is not None]
    return {
        "n": len(ok),
        "errors": len(outcomes) - len(ok),
        "acted": acted,
        "rate": ratio(acted, len(ok)),
        "acted_on_offender": sum(o.acted_on_offender for o in ok),
        "kinds": {kind: kinds.get(kind, 0) for kind in KINDS},
        "escalated": len(escalations),
        "escalated_rate": ratio(len(escalations), len(ok)),
        "escalation_median": statistics.median(escalations) if escalations else None,
        "escalated_early": ratio(sum(i < EARLY for i in escalations), len(ok)),
        "first_action_median": statistics.median(firsts) if firsts else None,
    }


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Figures per split × label × language, and per split × language."""
    splits = sorted({o.conversation.split for o in outcomes})
    result: dict[str, Any] = {}
    for split in splits:
        in_split = [o for o in outcomes if o.conversation.split == split]
        langs = [*sorted({o.conversation.lang for o in in_split}), "all"]
        per_label: dict[str, dict[str, Any]] = {}
        per_lang: dict[str, Any] = {}
        for lang in langs:
            here = [o for o in in_split if lang == "all" or o.conversation.lang == lang]
            for label in LABELS:
                group = [o for o in here if o.conversation.label == label]
                if group:
                    per_label.setdefault(label, {})[lang] = group_stats(group)
                if label == "benign" and group:
                    hard = [o for o in group if o.conversation.hard_negative]
                    if hard:
                        per_label.setdefault("benign (hard)", {})[lang] = group_stats(hard)
            ok = [o for o in here if o.error is None]
            acted = [o for o in ok if o.acted]
            harmful = [o for o in ok if o.conversation.label in HARMFUL]
            benign = [o for o in ok if o.conversation.label == "benign"]
            per_lang[lang] = {
                "n": len(ok),
                "errors": len(here) - len(ok),
                "recall": ratio(sum(o.acted for o in harmful), len(harmful)),
                "benign_false_action": ratio(sum(o.acted for o in benign), len(benign)),
                "precision": ratio(sum(o.conversation.label in HARMFUL for o in acted), len(acted)),
            }
        result[split] = {"labels": per_label, "languages": per_lang}
    return result


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def print_report(summary: dict[str, Any]) -> None:
    for split, figures in summary.items():
        print(f"\n== split {split} ==")
        head = f"  {'label':<14}{'lang':<5}{'n':>4}{'err':>4}{'acted':>6}{'rate':>6}{'offdr':>6}"
        head += "".join(f"{k:>10}" for k in KINDS) + "   escalation (grooming)"
        print(head)
        for label, by_lang in figures["labels"].items():
            for lang, s in by_lang.items():
                line = f"  {label:<14}{lang:<5}{s['n']:>4}{s['errors']:>4}{s['acted']:>6}"
                line += f"{pct(s['rate']):>6}{s['acted_on_offender']:>6}"
                line += "".join(f"{s['kinds'][k]:>10}" for k in KINDS)
                if label == "grooming":
                    line += (
                        f"   to a person {pct(s['escalated_rate'])}, at message "
                        f"{num(s['escalation_median'])} (median), before the {EARLY}th "
                        f"{pct(s['escalated_early'])}; first action at "
                        f"{num(s['first_action_median'])}"
                    )
                print(line)
        print(f"  {'lang':<5}{'n':>5}{'err':>5}{'recall':>8}{'benign FA':>11}{'precision':>11}")
        for lang, s in figures["languages"].items():
            print(
                f"  {lang:<5}{s['n']:>5}{s['errors']:>5}{pct(s['recall']):>8}"
                f"{pct(s['benign_false_action']):>11}{pct(s['precision']):>11}"
            )


def markdown(summary: dict[str, Any]) -> str:
    """One compact table per split, to paste in the docs."""
    out = []
    for split, figures in summary.items():
        labels = figures["labels"]
        langs = list(figures["languages"])
        out.append(
            f"\n**{split}**: acted on / n (rate; acted on the offender, when fewer); grooming:"
            " share escalated to a person @ the groomer's median message number at it\n"
        )
        out.append("| | " + " | ".join(langs) + " |")
        out.append("|---" * (len(langs) + 1) + "|")
        for label in (*HARMFUL, "benign", "benign (hard)"):
            if label not in labels:
                continue
            cells = []
            for lang in langs:
                s = labels[label].get(lang)
                if s is None:
                    cells.append("–")
                    continue
                cell = f"{s['acted']}/{s['n']} ({pct(s['rate'])}"
                if label in HARMFUL and s["acted_on_offender"] != s["acted"]:
                    cell += f"; offender {s['acted_on_offender']}"
                cell += ")"
                if label == "grooming":
                    cell += f"; {pct(s['escalated_rate'])} @{num(s['escalation_median'])}"
                cells.append(cell)
            name = "benign, false actions" if label == "benign" else label
            out.append(f"| {name} | " + " | ".join(cells) + " |")
        row = [pct(figures["languages"][lang]["precision"]) for lang in langs]
        out.append("| precision | " + " | ".join(row) + " |")
    return "\n".join(out)


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    c = outcome.conversation
    return {
        "id": c.id,
        "split": c.split,
        "lang": c.lang,
        "label": c.label,
        "hard_negative": c.hard_negative,
        "offender": c.offender,
        "acted": outcome.acted,
        "error": outcome.error,
        "actions": [
            {"kind": a.kind, "side": a.side, "index": a.index, "detail": a.detail}
            for a in outcome.actions
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a corpus directory or file")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--lang", action="append", default=[], help="repeatable")
    parser.add_argument("--label", action="append", default=[], choices=LABELS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT")
    parser.add_argument(
        "--list",
        choices=("errors", "benign", "missed"),
        action="append",
        default=[],
        help="list ids: errors, benign acted on, harmful missed",
    )
    args = parser.parse_args(argv)
    if args.concurrency < 1 or (args.limit is not None and args.limit < 1):
        parser.error("--concurrency and --limit must be positive")
    try:
        corpus = select(load_corpus(args.corpus), args.split, args.lang, args.label, args.limit)
    except CorpusError as exc:
        parser.error(str(exc))
    if not corpus:
        parser.error("no conversation matches the filters")
    started = time.monotonic()
    outcomes, metric, unmatched = run_server(corpus, args.concurrency)
    summary = summarise(outcomes)
    print_report(summary)
    if args.markdown:
        print(markdown(summary))
    errors = [o for o in outcomes if o.error]
    cases = sum(1 for o in outcomes for a in o.actions if a.kind in ("case", "cs_case"))
    print(f"\nconversations: {len(outcomes)}, errors: {len(errors)}")
    print(f"cases opened by the rules: {cases} matched to a conversation, {unmatched} unmatched")
    print(
        "server's passerby_safety_actions_total: "
        + ", ".join(f"{k} {v}" for k, v in metric.items())
    )
    for outcome in errors[:10]:
        print(f"  error {outcome.conversation.id}: {outcome.error}")
    for outcome in outcomes:
        c = outcome.conversation
        if outcome.error:
            continue
        if "benign" in args.list and c.label == "benign" and outcome.acted:
            detail = ", ".join(f"{a.side}:{a.kind}:{a.detail}@{a.index}" for a in outcome.actions)
            print(f"  benign acted on {c.id}: {detail}")
        if "missed" in args.list and c.label != "benign" and not outcome.acted:
            print(f"  missed {c.label} {c.id}")
    print(f"run time: {time.monotonic() - started:.1f} s")
    if args.json is not None:
        data = {
            "corpus": str(args.corpus),
            "filters": {"split": args.split, "lang": args.lang, "label": args.label},
            "summary": summary,
            "cases_unmatched": unmatched,
            "safety_actions_metric": metric,
            "outcomes": [outcome_json(o) for o in outcomes],
        }
        args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
