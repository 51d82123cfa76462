"""The matchmaker on Redis: the same rules as the in-process one, shared by every node.

Each operation is one call of ``matchmaker.lua``, which Redis runs
atomically, so two nodes can never hand the same waiting user to two
partners. The script returns its outcomes (matches and fallbacks) together
with the node that holds each user and the evidence details they left when
they started waiting, so that the caller can route the news.

A wait may carry a name (unique per wait). Redis remembers the name of the
last wait of each user that was paired, for a while: a node that joins the
same wait again (after a Redis restart or a lost subscription it starts its
waits afresh, and the news of a match may still be on its way) is told that
it was paired (:class:`Taken`) instead of leaving a waiting ghost behind for
the next arrival to be paired with.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import orjson
from redis.asyncio import Redis

from passerby.cluster.broker import PeerInfo
from passerby.cluster.codec import decode_info
from passerby.core.matchmaker import Fallback, Match, MatchmakerPolicy, Outcome, Ticket

SCRIPT = resources.files(__package__).joinpath("matchmaker.lua").read_text()

# How long recent-partner memory and blocks live in Redis without use. Blocks
# are kept in the database and loaded again when a device comes back.
MEMORY_SECONDS = 86_400
SCAN_LIMIT = 64
# An arrival waits this long for others to share its script call with: a
# round trip to Redis costs it far more than the matching itself, and five
# milliseconds are nothing next to the seconds a person waits for a partner.
BATCH_SECONDS = 0.005
TICK_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Seat:
    """Where a user of an outcome is: their node, their evidence details, and
    the name of the wait the outcome is about (empty when it had none)."""

    node: str
    info: PeerInfo | None
    wait: str = ""


@dataclass(frozen=True, slots=True)
class Taken:
    """The wait ``user`` joined again was paired already (its news is on its way, or lost)."""

    user: str


@dataclass(frozen=True, slots=True)
class Placement:
    outcome: Outcome | Taken
    seats: dict[str, Seat]


class _Batch:
    """Arrivals that reached this node while its previous ``join`` call was out."""

    def __init__(self) -> None:
        self.args: list[str] = []
        self.done: asyncio.Future[list[Placement]] = asyncio.get_running_loop().create_future()


class RedisMatchmaker:
    def __init__(
        self,
        redis: Redis,
        prefix: str,
        policy: MatchmakerPolicy | None = None,
        rng: random.Random | None = None,
        *,
        batch_seconds: float = BATCH_SECONDS,
    ) -> None:
        self._redis = redis
        self._batch_seconds = batch_seconds
        self.prefix = prefix
        self.policy = policy or MatchmakerPolicy()
        self._rng = rng or random.SystemRandom()
        self._script = redis.register_script(SCRIPT)
        self._anchor = prefix + "seq"  # routes the script to the prefix's slot
        p = self.policy
        language = -1.0 if p.language_fallback is None else p.language_fallback
        self._policy_arg = (
            f"{p.window} {SCAN_LIMIT} {p.recent_partners} {p.interest_fallback!r} "
            f"{language!r} {MEMORY_SECONDS}"
        )
        self._batch: _Batch | None = None
        self._joining = asyncio.Lock()
        self._sending: set[asyncio.Task[None]] = set()

    async def _call(self, op: str, now: float, *args: str) -> list[Placement]:
        raw = await self._script(
            keys=[self._anchor],
            args=[self.prefix, op, repr(now), self._policy_arg, repr(self._rng.random()), *args],
        )
        return _placements(orjson.loads(raw))

    async def join(
        self,
        ticket: Ticket,
        node: str,
        info: str,
        now: float,
        alive_ms: int = 3000,
        wait: str = "",
    ) -> list[Placement]:
        """``ticket`` starts waiting, held by ``node`` (alive ``alive_ms`` more at least),
        as the wait named ``wait`` (see the module's docstring; empty: unnamed).

        Arrivals that come within ``batch_seconds`` of each other, or while
        an earlier call is out, travel together in the next call: one round
        trip and one script run for many. The
        outcomes of a call come back to the arrival that opened its batch;
        the others get ``[]`` (the broker announces outcomes, whoever made
        them). An arrival that is already waiting is ignored.
        """
        batch = self._batch
        first = batch is None
        if batch is None:
            batch = self._batch = _Batch()
        batch.args += (
            ticket.user,
            node,
            ticket.who,
            ticket.section,
            ticket.lang,
            "1" if ticket.interests_only else "0",
            info,
            ticket.network,
            wait,
            str(len(ticket.interests)),
            *ticket.interests,
        )
        if first:
            task = asyncio.create_task(self._send(batch, now, alive_ms))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)
        placed = await asyncio.shield(batch.done)
        return placed if first else []

    async def _send(self, batch: _Batch, now: float, alive_ms: int) -> None:
        # Its own task: a caller that goes away must not strand the others.
        if self._batch_seconds:
            await asyncio.sleep(self._batch_seconds)
        async with self._joining:
            if self._batch is batch:
                self._batch = None  # later arrivals form the next batch
            try:
                placed = await self._call("join", now, str(alive_ms), *batch.args)
            except Exception as exc:
                batch.done.set_exception(exc)
                batch.done.exception()  # marked as seen: the callers raise it
            else:
                batch.done.set_result(placed)

    async def settle(self, grace: float = 2.0) -> None:
        """Let the calls still out finish (before the connections close)."""
        if self._sending:
            await asyncio.wait(set(self._sending), timeout=grace)

    async def leave(self, user: str, now: float, retire: str = "") -> None:
        """``user`` stops waiting; with ``retire``, the wait of that name is
        over too if its join is still on the way (it will be told Taken)."""
        await self._call("leave", now, user, retire)

    async def stop_interests(self, user: str, now: float) -> list[Placement]:
        return await self._call("stop", now, user)

    async def tick(self, now: float) -> list[Placement]:
        return await self._call("tick", now, str(TICK_LIMIT))

    async def block(self, a: str, b: str, now: float) -> None:
        await self._call("block", now, a, b)

    async def reap(self, node: str) -> int:
        """``node`` is gone: delete its waiting users (rare: a scan of all waits).

        Nobody is paired with them meanwhile (a dead node's waits look stale
        to the script); this only frees their memory.
        """
        gone = 0
        async for owned in self._owned_waits():
            mine = [key for key, owner in owned if owner == node.encode()]
            if mine:
                gone += int(await self._redis.delete(*mine))
        return gone

    async def waiting(self) -> int:
        """Users waiting now, on nodes that live (a scan: for tests and tools).

        A node reports its own count with its heartbeat; the broker adds those.
        """
        count = 0
        alive: dict[bytes, bool] = {}
        async for owned in self._owned_waits():
            for _, owner in owned:
                if owner is None:
                    continue
                if owner not in alive:
                    alive[owner] = bool(
                        await self._redis.exists(self.prefix.encode() + b"alive:" + owner)
                    )
                count += alive[owner]
        return count

    async def _owned_waits(self) -> AsyncIterator[list[tuple[bytes, bytes | None]]]:
        """Every waiting user's key with the node it waits on, a batch at a time."""
        batch: list[bytes] = []
        async for key in self._redis.scan_iter(match=self.prefix + "w:*", count=1000):
            batch.append(key)
            if len(batch) >= 500:
                yield await self._owners(batch)
                batch = []
        if batch:
            yield await self._owners(batch)

    async def _owners(self, keys: list[bytes]) -> list[tuple[bytes, bytes | None]]:
        pipe = self._redis.pipeline(transaction=False)
        for key in keys:
            pipe.hget(key, "node")
        return list(zip(keys, await pipe.execute(), strict=True))

    async def is_waiting(self, user: str) -> bool:
        return bool(await self._redis.exists(self.prefix + "w:" + user))


def _placements(items: Any) -> list[Placement]:
    if not items:  # Lua's empty table arrives as {}
        return []
    placed: list[Placement] = []
    for item in items:
        if item[0] == "m":
            _, a, a_node, a_info, b, b_node, b_info, common, waited_a, waited_b, a_wait, b_wait = (
                item
            )
            match = Match(a, b, tuple(common or ()), float(waited_a), float(waited_b))
            seats = {
                a: Seat(a_node, decode_info(a_info), a_wait),
                b: Seat(b_node, decode_info(b_info), b_wait),
            }
            placed.append(Placement(match, seats))
        elif item[0] == "k":
            _, user, node = item
            placed.append(Placement(Taken(user), {user: Seat(node, None)}))
        else:
            _, user, node, reason = item
            placed.append(Placement(Fallback(user, reason), {user: Seat(node, None)}))
    return placed
