"""Keyed hashes of IP addresses, with keys that are thrown away.

Outside evidence, Passerby stores an address only as an HMAC under a key
that belongs to one retention period. Keys older than the previous period
are deleted by the purge, after which their hashes cannot be linked to an
address by anyone. IPv6 addresses are hashed by their /64 prefix, which is
what one household or phone usually holds.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from datetime import UTC, datetime
from typing import Protocol

from passerby.clock import Clock


class KeyStore(Protocol):
    async def ip_keys_for(self, period: int, at: datetime) -> dict[int, str]: ...


def network_of(address: str) -> str:
    """The unit an address is judged by: the IPv4 address, or the IPv6 /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def mask_for_logs(address: str) -> str:
    """An address with the host part hidden, for the rare log that needs one."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "?"
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((ip, 48), strict=False))
    return str(ipaddress.IPv4Network((ip, 24), strict=False))


class IpHasher:
    def __init__(self, store: KeyStore, clock: Clock, period_seconds: float) -> None:
        self._store = store
        self._clock = clock
        self._period_seconds = period_seconds
        self._keys: dict[int, bytes] = {}

    def period(self) -> int:
        return int(self._clock.wall() // self._period_seconds)

    async def _load(self) -> dict[int, bytes]:
        period = self.period()
        if period not in self._keys:
            at = datetime.fromtimestamp(self._clock.wall(), UTC)
            keys = await self._store.ip_keys_for(period, at)
            self._keys = {p: bytes.fromhex(k) for p, k in keys.items() if p >= period - 1}
        return self._keys

    async def current(self, address: str) -> str:
        """The hash to store now."""
        keys = await self._load()
        return self._digest(keys[self.period()], address)

    async def candidates(self, address: str) -> list[str]:
        """Every hash this address may have been stored under (to look it up)."""
        keys = await self._load()
        return [self._digest(key, address) for key in keys.values()]

    @staticmethod
    def _digest(key: bytes, address: str) -> str:
        return hmac.new(key, network_of(address).encode(), hashlib.sha256).hexdigest()
