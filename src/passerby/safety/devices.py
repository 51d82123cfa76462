"""Device tokens and age declarations.

The cookie holds ``<token>.<signature>``: 16 random bytes and an HMAC of them
under the server secret, so a client cannot mint one. The database never
sees the token itself, only ``hash_of_token`` (another HMAC), so a copy of
the database cannot be turned back into working cookies. The token
identifies a browser, never a person.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from passerby.clock import Clock
from passerby.core.entry import Band, Declaration, DeclarationResult, Section, SectionPolicy
from passerby.recent import put_last
from passerby.storage.safety_sql import DeviceRow

COOKIE_NAME = "passerby_device"
COOKIE_MAX_AGE = 365 * 24 * 3600
TRUST_NORMAL = "normal"
TRUST_LOW = "low"
# A device's state is read again after this; a pending band change that
# falls due is therefore seen within a minute.
STATE_CACHE_SECONDS = 60.0
MAX_CACHED = 100_000


class DeviceStore(Protocol):
    """The part of the store this service uses."""

    async def get_device(self, device: str) -> DeviceRow | None: ...

    async def put_device(self, row: DeviceRow) -> None: ...


@dataclass(frozen=True, slots=True)
class DeviceState:
    hash: str
    declaration: Declaration | None
    section: Section | None
    trust: str

    @property
    def low_trust(self) -> bool:
        return self.trust == TRUST_LOW


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class DeviceService:
    def __init__(
        self, secret: bytes, store: DeviceStore, sections: SectionPolicy, clock: Clock
    ) -> None:
        self._sign_key = hmac.new(secret, b"device-cookie", hashlib.sha256).digest()
        self._hash_key = hmac.new(secret, b"device-hash", hashlib.sha256).digest()
        self._store = store
        self.sections = sections
        self._clock = clock
        # Devices whose cookie this process minted and that have not been
        # away since: nothing about them is stored yet but what we wrote.
        # Bounded, oldest dropped first (see passerby.recent.put_last).
        self._fresh: OrderedDict[str, None] = OrderedDict()
        self._states: OrderedDict[str, tuple[DeviceState, float]] = OrderedDict()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    # --- tokens -----------------------------------------------------------

    def new_cookie(self) -> str:
        token = _b64(secrets.token_bytes(16))
        device = self.hash_of_token(token)
        put_last(self._fresh, device, None, MAX_CACHED)
        return f"{token}.{self._sign(token)}"

    def is_fresh(self, device: str) -> bool:
        return device in self._fresh

    def not_fresh(self, device: str) -> None:
        self._fresh.pop(device, None)

    def _sign(self, token: str) -> str:
        return _b64(hmac.new(self._sign_key, token.encode(), hashlib.sha256).digest()[:18])

    def token_of_cookie(self, cookie: str | None) -> str | None:
        """The token of a genuine cookie, or None for a missing or forged one."""
        if not cookie or len(cookie) > 128 or "." not in cookie or not cookie.isascii():
            return None
        token, signature = cookie.split(".", 1)
        if not hmac.compare_digest(signature, self._sign(token)):
            return None
        return token

    def hash_of_token(self, token: str) -> str:
        return hmac.new(self._hash_key, token.encode(), hashlib.sha256).hexdigest()

    def hash_of_cookie(self, cookie: str | None) -> str | None:
        token = self.token_of_cookie(cookie)
        return None if token is None else self.hash_of_token(token)

    # --- declarations -----------------------------------------------------

    async def state(self, device: str) -> DeviceState:
        """The device's declaration and trust (answered from memory for a minute)."""
        cached = self._states.get(device)
        wall = self._clock.wall()
        if cached is not None and wall - cached[1] < STATE_CACHE_SECONDS:
            return cached[0]
        state = await self._read_state(device)
        put_last(self._states, device, (state, wall), MAX_CACHED)
        return state

    def forget(self, device: str) -> None:
        """Drop the remembered state: the next :meth:`state` reads the store."""
        self._states.pop(device, None)

    async def _read_state(self, device: str) -> DeviceState:
        row = await self._store.get_device(device)
        if row is None:
            return DeviceState(device, None, None, TRUST_NORMAL)
        now = self.now()
        declaration = Declaration(
            Band(row.band),
            row.declared_at,
            Band(row.pending_band) if row.pending_band else None,
            row.pending_until,
        ).settled(now)
        trust = row.trust
        if trust == TRUST_LOW and row.trust_until is not None and row.trust_until <= now:
            trust = TRUST_NORMAL
        return DeviceState(device, declaration, self.sections.section_for(declaration.band), trust)

    async def declare(self, device: str, band: Band) -> tuple[DeviceState, DeclarationResult]:
        """Record a declaration (and the acceptance of the rules).

        Raises:
            EntryRefused: under 13, or a band with no section.
        """
        now = self.now()
        row = await self._store.get_device(device)
        previous = None
        if row is not None:
            previous = Declaration(
                Band(row.band),
                row.declared_at,
                Band(row.pending_band) if row.pending_band else None,
                row.pending_until,
            )
        result = self.sections.declare(previous, band, now)
        new = result.declaration
        self._states.pop(device, None)
        await self._store.put_device(
            DeviceRow(
                hash=device,
                band=new.band.value,
                declared_at=new.declared_at,
                rules_accepted_at=now,
                pending_band=new.pending_band.value if new.pending_band else None,
                pending_until=new.pending_until,
                trust=row.trust if row else TRUST_NORMAL,
                trust_until=row.trust_until if row else None,
                last_seen_at=now,
            )
        )
        return await self.state(device), result
