"""The tier with the real sentence encoder: its hash check, the worker
process end to end, and a running server. The tests marked ``model`` load
the model (a second or more, ~150 MB each)."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Awaitable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import VisitorFactory
from tests.safety.semantic.threads import Hearer
from tests.support import Client, LiveServer, Visitor, eventually, start_chat, start_server

from passerby.clock import SystemClock
from passerby.config import Settings
from passerby.core.signals import Signal
from passerby.metrics import Metrics
from passerby.safety.semantic import embedder
from passerby.safety.semantic.tier import SemanticTier, Tap, TierSettings

# Paraphrases of grooming moves, none of them a line of the shipped index.
GROOMING = [
    "you come across as way older than the people in your grade",
    "your parents probably don't get you like i do",
    "this can stay just between the two of us",
    "does anyone at home look at your phone",
]
BENIGN = [
    "i have so much homework tonight",
    "do you play minecraft",
    "my mom made pancakes this morning",
    "what music do you listen to",
    "haha my cat just knocked over a plant",
    "school starts so early tomorrow",
]


def test_the_model_files_match_their_pinned_digests() -> None:
    embedder.check_files(embedder.resources())


def test_a_changed_model_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(embedder.resources(), copy)
    with open(copy / "sp.model", "r+b") as fh:
        first = fh.read(1)
        fh.seek(0)
        fh.write(bytes([first[0] ^ 1]))
    with pytest.raises(embedder.ModelMismatch, match=r"sp\.model has SHA-256 .* not the pinned"):
        embedder.UseEmbedder(folder=copy)
    (copy / "weights.npz").unlink()
    with pytest.raises(embedder.ModelMismatch, match="cannot read the model file"):
        embedder.check_files(copy)


async def _true(value: object) -> bool:
    return bool(value)


def _two_speakers(
    tmp_path: Path, section: str
) -> tuple[SemanticTier, Metrics, tuple[Tap, Hearer], tuple[Tap, Hearer]]:
    """A tier with the real worker (not started) and two speakers in ``section``,
    each in a chat of their own, bound to hearers."""
    metrics = Metrics()
    tier = SemanticTier(TierSettings(data_dir=str(tmp_path)), metrics, SystemClock())
    pairs = []
    for device, chat in (("one", "c1"), ("two", "c2")):
        tap = tier.tap(device, section)
        assert tap is not None
        hearer = Hearer(chat, opens_case=False)
        tap.bind(hearer)
        pairs.append((tap, hearer))
    return tier, metrics, pairs[0], pairs[1]


@pytest.mark.model
async def test_the_worker_process_scores_a_grooming_speaker_and_not_an_ordinary_one(
    tmp_path: Path,
) -> None:
    tier, metrics, (groomer, heard_groomer), (teen, heard_teen) = _two_speakers(tmp_path, "teens")
    await tier.start()
    try:
        for line in GROOMING:
            groomer.submit(line, signalled=False)
        for line in BENIGN:
            teen.submit(line, signalled=False)
        total = len(GROOMING) + len(BENIGN)
        await eventually(lambda: _true(metrics.semantic_scored.value == total), timeout=120)
        assert metrics.semantic_scored.value == total
        assert tier.examples > 200
        await eventually(lambda: _true(heard_groomer.heard))
        strongest = max(s.score for _, s in heard_groomer.heard)
        assert strongest >= 0.5
        assert heard_teen.heard == []
        # The index's vectors were cached for the next start.
        assert list((tmp_path / "semantic").glob("index-*.npy"))
    finally:
        await tier.close()


class NoDetectors:
    """Keyword detectors that find nothing: what is left is the semantic tier."""

    def analyse(self, text: str) -> list[Signal]:
        return []


# Each family's lines in words of their own (none is a line of the index).
FAMILY_LINES = {
    "semantic_sexual": [
        "take a pic of yourself with nothing on for me",
        "I keep imagining you undressed in my bed",
    ],
    "semantic_advert": [
        "make easy cash online, ask me how",
        "win a free gift card today, just click and register",
    ],
}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FAMILY_LINES))
async def test_each_family_makes_its_own_signal(tmp_path: Path, name: str) -> None:
    tier, metrics, (speaker, heard_speaker), (other, heard_other) = _two_speakers(
        tmp_path, "adults"
    )
    await tier.start()
    try:
        for line in FAMILY_LINES[name]:
            speaker.submit(line, signalled=False)
        for line in BENIGN:
            other.submit(line, signalled=False)
        await eventually(
            lambda: _true(name in {s.name for _, s in heard_speaker.heard}), timeout=120
        )
        total = len(FAMILY_LINES[name]) + len(BENIGN)
        await eventually(lambda: _true(metrics.semantic_scored.value == total), timeout=60)
        assert heard_other.heard == []
    finally:
        await tier.close()


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/data/passerby.db"  # one engine is enough here


@pytest.fixture
async def semantic_server(settings: Settings) -> AsyncIterator[LiveServer]:
    server = await start_server(replace(settings, semantic_enabled=True), analyser=NoDetectors())
    yield server
    await server.stop()


async def _teen_chat(server: LiveServer, visitor: VisitorFactory) -> tuple[Visitor, Client, Client]:
    a, b = await visitor(server, band="13-17"), await visitor(server, band="13-17")
    ca, cb = await a.connect(), await b.connect()
    await start_chat(ca, cb)
    return a, ca, cb


@pytest.mark.model
async def test_a_paraphrased_grooming_chat_gets_a_review_case_and_a_benign_one_does_not(
    semantic_server: LiveServer, visitor: VisitorFactory
) -> None:
    server = semantic_server
    groomer, ga, gb = await _teen_chat(server, visitor)
    _, ta, tb = await _teen_chat(server, visitor)
    for line in GROOMING:
        await ga.send(type="message", text=line)
        # Delivered: the semantic tier never holds a message.
        assert (await gb.expect("message"))["text"] == line
    for line in BENIGN:
        await ta.send(type="message", text=line)
        assert (await tb.expect("message"))["text"] == line
    store = server.services.store
    [case] = await eventually(lambda: store.list_cases(kind="review"), timeout=120)
    assert case.subject == groomer.device
    records = await server.services.evidence.list_records(case.id)
    trigger = records[0].body["trigger"]
    # the index's pattern or the learned grooming head's, whichever came first
    signal = {"semantic-pattern-teens": "semantic", "grooming-learned": "learned_grooming"}
    assert trigger["signals"] == [signal[trigger["rule"]]]
    [[name, score, detail]] = trigger["detected"]
    assert (
        name == signal[trigger["rule"]] and score >= 0.5 and detail.startswith("scope=chat;hits=")
    )
    assert [line["text"] for line in records[0].body["transcript"]] == GROOMING
    # Every message was scored; the benign chat asked for nothing.
    total = len(GROOMING) + len(BENIGN)
    metrics = server.services.metrics
    await eventually(lambda: _true(metrics.semantic_scored.value >= total), timeout=60)
    await asyncio.sleep(0.5)  # a verdict for the benign chat would have come by now
    # the index's pattern and the grooming head's each asked, for one case
    assert metrics.semantic_reviews.value == 2
    assert len(await store.list_cases()) == 1
    async with groomer.http.get(server.url + "/metrics") as response:
        rendered = await response.text()
    assert "passerby_semantic_scored_total" in rendered
    assert "passerby_semantic_queue_depth 0" in rendered


# Contempt in words of its own, none of them a line of the shipped index,
# beside ordinary grumbling and teasing that insults nobody.
HOSTILE = [
    "you're honestly the most useless person I've ever had the misfortune to talk to",
    "nobody in their right mind would want to talk to a loser like you",
    "do everyone a favour and disappear",
]
GRUMBLING = [
    "lol this boss fight is killing me",
    "my coworker is so annoying today",
    "haha you're hopeless at riddles, me too",
    "sorry that was a dumb joke",
    "the weather here is awful",
]


async def _beside_grumbling(
    server: LiveServer, visitor: VisitorFactory, lines: list[str]
) -> Visitor:
    """A speaker who sends ``lines`` in one chat while someone grumbles
    (:data:`GRUMBLING`) in another; every line is delivered (the semantic
    tier never holds one). Returns the speaker."""
    speaker, grumbler = await visitor(server), await visitor(server)
    sa, sb = await speaker.connect(), await (await visitor(server)).connect()
    await start_chat(sa, sb)
    ga, gb = await grumbler.connect(), await (await visitor(server)).connect()
    await start_chat(ga, gb)
    for line in lines:
        await sa.send(type="message", text=line)
        assert (await sb.expect("message"))["text"] == line  # never held
    for line in GRUMBLING:
        await ga.send(type="message", text=line)
        assert (await gb.expect("message"))["text"] == line
    return speaker


@pytest.mark.model
async def test_contempt_no_word_list_knows_gets_a_review_case_and_grumbling_does_not(
    semantic_server: LiveServer, visitor: VisitorFactory
) -> None:
    server = semantic_server
    hostile = await _beside_grumbling(server, visitor, HOSTILE)
    store = server.services.store
    [case] = await eventually(lambda: store.list_cases(kind="review"), timeout=120)
    assert case.subject == hostile.device
    records = await server.services.evidence.list_records(case.id)
    trigger = records[0].body["trigger"]
    assert trigger["rule"] == "harassment-semantic"
    [[name, score, detail]] = trigger["detected"]
    assert name == "semantic_hostility" and score >= 0.5 and "kinds=contempt" in detail
    metrics = server.services.metrics
    total = len(HOSTILE) + len(GRUMBLING)
    await eventually(lambda: _true(metrics.semantic_scored.value >= total), timeout=60)
    await asyncio.sleep(0.5)  # a verdict for the grumbling would have come by now
    assert len(await store.list_cases()) == 1


# Lines of the harmful side in words of their own, for the learned heads
# (none is a line of the corpus the heads were trained on), and the rule and
# signal each family's head leads to.
LEARNED = {
    "learned_hostility": (
        "harassment-learned",
        [
            "Interesting that you think your opinion matters to anyone here.",
            "Honestly, it must be exhausting being you. It's exhausting just reading you.",
            "Nossa, que esforço você faz pra parecer inteligente. Não está funcionando.",
        ],
    ),
    "learned_grooming": (
        "grooming-learned",
        [
            "Your parents don't really get you the way I do, do they?",
            "I feel like I can tell you things I can't tell anyone else.",
        ],
    ),
    "learned_advert": (
        "spam-learned",
        [
            "follow my page for daily crypto signals, 300% guaranteed",
            "check my bio for free followers, limited offer",
        ],
    ),
}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(LEARNED))
async def test_a_learned_heads_pattern_gets_a_review_case_and_grumbling_does_not(
    semantic_server: LiveServer, visitor: VisitorFactory, name: str
) -> None:
    rule, lines = LEARNED[name]
    server = semantic_server
    speaker = await _beside_grumbling(server, visitor, lines)
    store = server.services.store
    evidence = server.services.evidence

    async def triggers() -> dict[str, list[Any]]:
        found = {}
        for case in await store.list_cases(kind="review"):
            assert case.subject == speaker.device
            for record in await evidence.list_records(case.id):
                trigger = record.body["trigger"]
                found[trigger["rule"]] = trigger["detected"]
        return found

    found = await eventually(lambda: _has(triggers(), rule), timeout=120)
    [[signal, score, detail]] = found[rule]
    assert signal == name and score >= 0.5 and detail == "scope=chat;hits=2;kinds=learned"
    metrics = server.services.metrics
    total = len(lines) + len(GRUMBLING)
    await eventually(lambda: _true(metrics.semantic_scored.value >= total), timeout=60)
    await asyncio.sleep(0.5)  # a verdict for the grumbling would have come by now
    assert {case.subject for case in await store.list_cases()} == {speaker.device}


async def _has(found: Awaitable[dict[str, list[Any]]], rule: str) -> dict[str, list[Any]] | None:
    got = await found
    return got if rule in got else None


@pytest.mark.model
async def test_lines_the_partner_takes_as_insults_get_a_review_case_about_their_speaker(
    semantic_server: LiveServer, visitor: VisitorFactory
) -> None:
    # Each line alone is not enough for the message heads; beside the
    # partner's replies it is (the reply heads, safety/semantic/replies.py).
    exchange = [
        ("a", "what do you do?"),
        ("b", "I'm an accountant"),
        ("a", "Ah, accounting. So you chose the most boring job there is on purpose."),
        ("b", "wow ok"),
        ("a", "I suppose someone has to do it. People with no imagination, usually."),
        ("b", "why are you being like this"),
    ]
    server = semantic_server
    rude, partner = await visitor(server), await visitor(server)
    ca, cb = await rude.connect(), await partner.connect()
    await start_chat(ca, cb)
    clients = {"a": (ca, cb), "b": (cb, ca)}
    for side, line in exchange:
        sender, receiver = clients[side]
        await sender.send(type="message", text=line)
        assert (await receiver.expect("message"))["text"] == line
    store = server.services.store
    evidence = server.services.evidence

    async def by_reply() -> list[Any]:
        for case in await store.list_cases(kind="review"):
            for record in await evidence.list_records(case.id):
                trigger = record.body["trigger"]
                if trigger["rule"] == "harassment-learned":
                    [[signal, score, detail]] = trigger["detected"]
                    if detail.endswith("kinds=reply"):
                        return [case, signal, score]
        return []

    [case, signal, score] = await eventually(by_reply, timeout=120)
    assert case.subject == rude.device
    assert signal == "learned_hostility" and score >= 0.5
    await asyncio.sleep(0.5)
    assert {c.subject for c in await store.list_cases()} == {rude.device}


@pytest.mark.model
async def test_sexual_talk_among_teens_gets_a_review_case_from_the_learned_heads(
    semantic_server: LiveServer, visitor: VisitorFactory
) -> None:
    # The teen section has no rule on the index's sexual family: its sexual
    # talk in words no list knows is read by the learned sexual heads.
    lines = [
        "send me a picture of you in the shower",
        "what are you wearing right now? take it off for me",
    ]
    server = semantic_server
    asker, sa, sb = await _teen_chat(server, visitor)
    _, ta, tb = await _teen_chat(server, visitor)
    for line in lines:
        await sa.send(type="message", text=line)
        assert (await sb.expect("message"))["text"] == line
    for line in BENIGN:
        await ta.send(type="message", text=line)
        assert (await tb.expect("message"))["text"] == line
    store = server.services.store
    evidence = server.services.evidence

    async def learned() -> list[Any]:
        for case in await store.list_cases(kind="review"):
            for record in await evidence.list_records(case.id):
                if record.body["trigger"]["rule"] == "sexual-learned":
                    return [case, record.body["trigger"]["detected"]]
        return []

    [case, [[signal, score, _]]] = await eventually(learned, timeout=120)
    assert case.subject == asker.device
    assert signal == "learned_sexual" and score >= 0.5
    metrics = server.services.metrics
    total = len(lines) + len(BENIGN)
    await eventually(lambda: _true(metrics.semantic_scored.value >= total), timeout=60)
    await asyncio.sleep(0.5)
    assert {c.subject for c in await store.list_cases()} == {asker.device}
