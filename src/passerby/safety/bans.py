"""Bans by device, by address (IPv6 by /64), or both; with expiry and reasons.

A ban is checked when a browser declares its age, when a WebSocket opens and
at every ``start``, so it holds across reconnects and new connections. The
address is stored only as a keyed hash (:mod:`.iphash`), so an IP ban lasts
at most two retention periods; device bans can be permanent.

This service answers "is this person banned?" quickly and keeps its memory
of that right; it never writes a ban. Bans are made and lifted by the
actions layer (:mod:`.moderation_actions`), which builds the row here
(:meth:`BanService.prepare`), stores it with its audit record, and then
tells this service (:meth:`BanService.remember`) and every node.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from passerby.clock import Clock
from passerby.recent import RecentCache
from passerby.safety.iphash import IpHasher, network_of
from passerby.storage.safety_sql import BanRow

# What a banned person reads. Codes are stable; the words may change.
REASONS = {
    "sexual": "Sexual content is not allowed.",
    "minor_safety": "Behaviour that puts young people at risk.",
    "harassment": "Harassing or insulting other people.",
    "hate": "Hateful content.",
    "spam": "Spam or automated messages.",
    "age_misrepresentation": "Giving a false age.",
    "evasion": "Trying to get around a ban.",
    # A moderator's "end matching for N hours": a pause, not a verdict.
    "cooldown": "A break from chatting, set by a moderator.",
    "other": "Breaking the rules.",
}


class AppealDecision(Protocol):
    @property
    def outcome(self) -> str: ...


class BanStore(Protocol):
    async def active_bans(
        self, device: str | None, ip_hashes: list[str], now: datetime
    ) -> list[BanRow]: ...

    async def count_bans(self, device: str) -> int: ...

    async def banned_keys(self, now: datetime) -> set[str]: ...

    async def appeal_outcome(self, ban_id: str) -> AppealDecision | None: ...


@dataclass(frozen=True, slots=True)
class Ban:
    id: str
    reason_code: str
    expires_at: datetime | None
    appeal: bool = True
    # "upheld" once a moderator decided an appeal and kept the ban (a lifted
    # ban is no ban); None while no appeal was decided.
    appeal_outcome: str | None = None

    @property
    def reason(self) -> str:
        return REASONS.get(self.reason_code, REASONS["other"])

    def as_json(self) -> dict[str, Any]:
        found = {
            "id": self.id,
            "reason_code": self.reason_code,
            "reason": self.reason,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "appeal": self.appeal,
        }
        if self.appeal_outcome is not None:
            found["appeal_outcome"] = self.appeal_outcome
        return found


# A ban check answers from memory for this long. A ban clears the memory at
# once on this node, and on every other node through the broker's notice.
CHECK_CACHE_SECONDS = 10.0
MAX_CACHED = 100_000
# Which devices and addresses are banned at all is kept in memory and read
# again after a ban (here or, through the notice, elsewhere), and at least
# this often in case a notice was lost.
KEYS_SECONDS = 30.0


class BanService:
    def __init__(self, store: BanStore, hasher: IpHasher, clock: Clock) -> None:
        self._store = store
        self._hasher = hasher
        self._clock = clock
        self._cache: RecentCache[tuple[str | None, str | None], tuple[Ban | None, float]] = (
            RecentCache(MAX_CACHED)
        )
        # Every device and address hash under an active ban when last read, or
        # None: read them again. A check for anyone not in it needs no query.
        self._keys: set[str] | None = None
        self._keys_read = 0.0
        self._generation = 0  # counts bans seen, so a read racing one is not kept
        self._reading = asyncio.Lock()  # one read of the keys at a time

    def forget(self) -> None:
        """A ban was made elsewhere: answer the next checks from the store."""
        self._cache.clear()
        self._keys = None
        self._generation += 1

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    async def prepare(
        self,
        *,
        device: str | None,
        address: str | None,
        reason_code: str,
        seconds: float | None,
        created_by: str,
        case_id: str | None = None,
    ) -> BanRow:
        """The row for a new ban (its address as this period's keyed hash);
        ``seconds=None`` is permanent. Nothing is stored here.

        Raises:
            ValueError: no device and no address, or an unknown reason code.
        """
        if device is None and address is None:
            raise ValueError("a ban needs a device or an address")
        if reason_code not in REASONS:
            raise ValueError(f"unknown reason code {reason_code!r}")
        now = self.now()
        expires = None if seconds is None else now + timedelta(seconds=seconds)
        ip_hash = await self._hasher.current(address) if address is not None else None
        return BanRow(
            secrets.token_hex(12), device, ip_hash, reason_code, now, expires, created_by, case_id
        )

    def remember(self, row: BanRow) -> None:
        """A ban was stored: checks here see it at once."""
        self._cache.clear()
        self._generation += 1  # a read already under way may have missed it
        if self._keys is not None:
            self._keys.update(key for key in (row.device, row.ip_hash) if key is not None)

    async def check(self, device: str | None, address: str | None) -> Ban | None:
        """The ban that applies now, the longest first, or None."""
        key = (device, network_of(address) if address else None)
        now = self._clock.monotonic()
        hashes = await self._hasher.candidates(address) if address else []
        keys = await self._banned_keys(now)
        if (device is None or device not in keys) and keys.isdisjoint(hashes):
            return None  # nobody banned under this device or address: no query
        cached = self._cache.get(key)
        if cached is not None and now - cached[1] < CHECK_CACHE_SECONDS:
            ban = cached[0]
            if ban is None or ban.expires_at is None or ban.expires_at > self.now():
                return ban
        ban = await self._lookup(device, hashes)
        self._cache.put(key, (ban, now))
        return ban

    async def _banned_keys(self, now: float) -> set[str]:
        keys = self._keys
        if keys is not None and now - self._keys_read < KEYS_SECONDS:
            return keys
        async with self._reading:  # checks arriving meanwhile wait for this read
            keys = self._keys
            if keys is not None and now - self._keys_read < KEYS_SECONDS:
                return keys
            generation = self._generation
            keys = await self._store.banned_keys(self.now())
            if generation == self._generation:  # no ban came in while reading
                self._keys, self._keys_read = keys, now
            return keys

    async def _lookup(self, device: str | None, hashes: list[str]) -> Ban | None:
        """The longest active ban on ``device`` or on any of an address's ``hashes``."""
        rows = await self._store.active_bans(device, hashes, self.now())
        if not rows:
            return None
        far = datetime.max.replace(tzinfo=UTC)
        row = max(rows, key=lambda r: r.expires_at or far)
        decided = await self._store.appeal_outcome(row.id)
        if decided is None:
            return Ban(row.id, row.reason_code, row.expires_at)
        return Ban(row.id, row.reason_code, row.expires_at, False, decided.outcome)

    async def hashes_of(self, address: str) -> list[str]:
        """The keyed hashes an address may be stored under (this period's and
        the last), to look up its bans; the address itself is never stored."""
        return await self._hasher.candidates(address)

    async def previous_bans(self, device: str) -> int:
        return await self._store.count_bans(device)
