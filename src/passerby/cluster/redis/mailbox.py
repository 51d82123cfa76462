"""Mailboxes in Redis: a long-poll client may reach any node.

A box is two keys with the box's time to live: ``mb:<box>`` (a hash: the
owning node, whether the last item was posted, the newest poll's number and
node) and ``mb:<box>:q`` (the unread items, JSON each). Each operation is one
script, so a take, a post and a newer poll never interleave.

Nothing waits inside Redis: a node holding a long poll waits on a future of
its own, and the owner's post wakes it with a message on that node's
channel (``mb:n:<node>``). Commands for a box travel on the owner's channel
the same way. One writer task sends the posts in the order they were made;
a take on the owner waits for the posts made before it.

When Redis cannot be reached, posts are dropped (and counted in the log) and
takes and commands raise :data:`~passerby.cluster.redis.broker.UNREACHABLE`
errors for the door to answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable
from typing import Any, Final

import orjson
from redis.asyncio import Redis

from passerby.cluster.mailbox import CommandHandler, Item
from passerby.cluster.redis.broker import (
    CLOSE_SECONDS,
    LISTEN_BACKOFF_MAX,
    LISTEN_POLL,
    UNREACHABLE,
)

log = logging.getLogger(__name__)

WAKE: Final = b"w"
COMMAND: Final = b"c"
# Posts sent to Redis in one pipeline at most.
BATCH: Final = 256

# KEYS: box, queue. ARGV: node, idle ms, mode, poll number, wake channel
# prefix, box. Modes: "now" takes what is there; "wait" takes it or, when
# there is nothing, makes this node's poll the box's newest (an earlier one
# elsewhere is woken to answer []); "check", after the wait, takes what is
# there unless a newer poll took over.
# Returns nil (no such box), {"items", ended, {items}}, {"wait", n} or {"over"}.
TAKE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local idle = tonumber(ARGV[2])
redis.call('PEXPIRE', KEYS[1], idle)
redis.call('PEXPIRE', KEYS[2], idle)
local mode = ARGV[3]
if mode == 'check' then
  if redis.call('HGET', KEYS[1], 'poll') ~= ARGV[4] then return {'over'} end
  redis.call('HDEL', KEYS[1], 'waiter')
end
local items = redis.call('LRANGE', KEYS[2], 0, -1)
local ended = redis.call('HGET', KEYS[1], 'ended')
if #items > 0 or ended then
  redis.call('DEL', KEYS[2])
  if ended then redis.call('DEL', KEYS[1]) end
  return {'items', ended and 1 or 0, items}
end
if mode ~= 'wait' then return {'items', 0, {}} end
local previous = redis.call('HGET', KEYS[1], 'waiter')
local n = redis.call('HINCRBY', KEYS[1], 'poll', 1)
redis.call('HSET', KEYS[1], 'waiter', ARGV[1])
if previous and previous ~= ARGV[1] then
  redis.call('PUBLISH', ARGV[5] .. previous, 'w' .. ARGV[6])
end
return {'wait', n}
"""

# KEYS: box, queue. ARGV: idle ms, last ("1"/"0"), wake channel prefix, box, items...
POST = """
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'ended') == 1 then
  return -1
end
local n = 0
if #ARGV > 4 then
  n = redis.call('RPUSH', KEYS[2], unpack(ARGV, 5))
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1]))
end
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'ended', '1') end
local waiter = redis.call('HGET', KEYS[1], 'waiter')
if waiter then redis.call('PUBLISH', ARGV[3] .. waiter, 'w' .. ARGV[4]) end
return n
"""

# KEYS: box, queue. ARGV: idle ms. The owner of a live, unfinished box, or nil.
OWNER = """
if redis.call('HEXISTS', KEYS[1], 'ended') == 1 then return false end
local owner = redis.call('HGET', KEYS[1], 'owner')
if not owner then return false end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1]))
return owner
"""

# KEYS: box, queue. ARGV: wake channel prefix, box.
DROP = """
local waiter = redis.call('HGET', KEYS[1], 'waiter')
redis.call('DEL', KEYS[1], KEYS[2])
if waiter then redis.call('PUBLISH', ARGV[1] .. waiter, 'w' .. ARGV[2]) end
return 1
"""


class RedisMailboxes:
    def __init__(
        self, redis: Redis, *, prefix: str, idle_seconds: float, node: str | None = None
    ) -> None:
        self.node = node or secrets.token_hex(6)
        self._redis = redis
        self._prefix = prefix + "mb:"
        self._channels = self._prefix + "n:"
        self._channel = self._channels + self.node
        self._idle_ms = int(idle_seconds * 1000)
        self._take = redis.register_script(TAKE)
        self._post = redis.register_script(POST)
        self._owner = redis.register_script(OWNER)
        self._drop = redis.register_script(DROP)
        self._handler: CommandHandler | None = None
        self._waiters: dict[str, asyncio.Future[None]] = {}
        self._posts: list[list[str]] = []  # [box, last, items...], oldest first
        self._posted = 0  # posts made, and posts that reached Redis (or were dropped)
        self._written = 0
        self._progress = asyncio.Condition()
        self._wake = asyncio.Event()
        self._flushed = asyncio.Event()
        self._flushed.set()
        self._subscribed = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._running: set[asyncio.Task[None]] = set()
        self._closing = False

    def _keys(self, box: str) -> list[str]:
        key = self._prefix + box
        return [key, key + ":q"]

    # --- lifecycle ---------------------------------------------------------

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._listen(), name="passerby-mailbox-listen"),
            asyncio.create_task(self._write(), name="passerby-mailbox-write"),
        ]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._subscribed.wait(), 2.0)

    async def close(self) -> None:
        if not self._tasks:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._flushed.wait(), CLOSE_SECONDS)
        self._closing = True
        self._wake.set()
        self._wake_all()
        _, stuck = await asyncio.wait(self._tasks, timeout=LISTEN_POLL + 2 * CLOSE_SECONDS)
        for task in stuck:
            task.cancel()
        running = list(self._running)
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        self._tasks = []

    def on_command(self, handler: CommandHandler) -> None:
        self._handler = handler

    # --- the box -----------------------------------------------------------

    async def open(self, box: str) -> None:
        key, _ = self._keys(box)
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(key, mapping={"owner": self.node, "poll": 0})
        pipe.pexpire(key, self._idle_ms)
        await pipe.execute()

    def post(self, box: str, items: list[Item], *, last: bool = False) -> None:
        encoded = [orjson.dumps(item).decode() for item in items]
        self._posts.append([box, "1" if last else "0", *encoded])
        self._posted += 1
        self._flushed.clear()
        self._wake.set()

    async def take(self, box: str, wait: float) -> list[Item] | None:
        await self._settled()
        keys = self._keys(box)
        # Listen before asking, so that a wake cannot slip between the two.
        waiter = asyncio.get_running_loop().create_future()
        earlier = self._waiters.get(box)
        if earlier is not None and not earlier.done():
            earlier.set_result(None)  # a newer poll for the same box takes over
        self._waiters[box] = waiter
        try:
            mode = "wait" if wait > 0 else "now"
            answer = await self._take(
                keys, [self.node, self._idle_ms, mode, -1, self._channels, box]
            )
            if answer is None:
                return None
            if answer[0] == b"items":
                return self._items(answer)
            if answer[0] == b"over":
                return []
            poll = int(answer[1])
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(waiter), wait)
            if self._closing:
                return []
            answer = await self._take(
                keys, [self.node, self._idle_ms, "check", poll, self._channels, box]
            )
            if answer is None:
                return None
            if answer[0] == b"over":
                return []
            return self._items(answer)
        finally:
            if self._waiters.get(box) is waiter:
                del self._waiters[box]

    async def _settled(self) -> None:
        """This node's posts made before now have reached Redis (later ones
        may still be on their way: a busy node does not wait for them)."""
        target = self._posted
        if self._written < target:
            async with self._progress:
                await self._progress.wait_for(lambda: self._written >= target)

    @staticmethod
    def _items(answer: list[Any]) -> list[Item] | None:
        items = [orjson.loads(raw) for raw in answer[2]]
        if int(answer[1]) and not items:
            return None  # finished and drained
        return items

    async def command(self, box: str, command: list[Any]) -> bool:
        await self._settled()
        owner = await self._owner(self._keys(box), [self._idle_ms])
        if owner is None:
            return False
        if owner.decode() == self.node:
            if self._handler is not None:
                await self._handler(box, command)
            return True
        frame = COMMAND + orjson.dumps([box, command])
        heard = await self._redis.publish(self._channels + owner.decode(), frame)
        return bool(heard)  # nobody heard: the owner is gone, and the box with it

    async def sizes(self, boxes: list[str]) -> list[int | None]:
        if not boxes:
            return []
        pipe = self._redis.pipeline(transaction=False)
        for box in boxes:
            key, queue = self._keys(box)
            pipe.exists(key)
            pipe.llen(queue)
        answers = await pipe.execute()
        return [int(answers[i + 1]) if answers[i] else None for i in range(0, len(answers), 2)]

    async def drop(self, box: str) -> None:
        await self._drop(self._keys(box), [self._channels, box])

    # --- the writer and the listener ------------------------------------------

    async def _write(self) -> None:
        while not self._closing or self._posts:
            if not self._posts:
                self._flushed.set()
                self._wake.clear()
                if self._closing:
                    break
                await self._wake.wait()
                continue
            batch, self._posts = self._posts[:BATCH], self._posts[BATCH:]
            pipe = self._redis.pipeline(transaction=False)
            for box, last, *items in batch:
                await self._post(
                    self._keys(box), [self._idle_ms, last, self._channels, box, *items], client=pipe
                )
            try:
                await pipe.execute()
            except UNREACHABLE:
                log.warning("Redis is unreachable: %d mailbox posts were dropped", len(batch))
            async with self._progress:
                self._written += len(batch)
                self._progress.notify_all()
        self._flushed.set()

    async def _listen(self) -> None:
        backoff = 0.05
        while not self._closing:
            pubsub = self._redis.pubsub()
            try:
                await pubsub.subscribe(self._channel)
                self._subscribed.set()
                backoff = 0.05
                while not self._closing:
                    message = await pubsub.get_message(
                        ignore_subscribe_messages=True, timeout=LISTEN_POLL
                    )
                    if message is not None and message["type"] == "message":
                        self._heard(message["data"])
            except UNREACHABLE:
                self._subscribed.clear()
                self._wake_all()  # their wakes may be lost: let them look again
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, LISTEN_BACKOFF_MAX)
            finally:
                with contextlib.suppress(*UNREACHABLE, TimeoutError):
                    await asyncio.wait_for(pubsub.aclose(), CLOSE_SECONDS)  # type: ignore[no-untyped-call, unused-ignore]

    def _wake_all(self) -> None:
        for waiter in self._waiters.values():
            if not waiter.done():
                waiter.set_result(None)

    def _heard(self, raw: bytes) -> None:
        kind, body = raw[:1], raw[1:]
        if kind == WAKE:
            waiter = self._waiters.get(body.decode(errors="replace"))
            if waiter is not None and not waiter.done():
                waiter.set_result(None)
        elif kind == COMMAND and self._handler is not None:
            try:
                box, command = orjson.loads(body)
            except (orjson.JSONDecodeError, ValueError, TypeError):
                log.warning("dropped a mailbox command this node cannot read")
                return
            if isinstance(box, str) and isinstance(command, list):
                self._spawn(self._handler(box, command))

    def _spawn(self, work: Awaitable[None]) -> None:
        async def run() -> None:
            try:
                await work
            except Exception:
                log.exception("a forwarded mailbox command failed")

        task = asyncio.create_task(run())
        self._running.add(task)
        task.add_done_callback(self._running.discard)
