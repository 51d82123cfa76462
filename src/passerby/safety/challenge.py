"""Self-hosted proof of work (the ALTCHA scheme): slows bots, needs no third party.

The server picks a secret number ``n`` up to ``maxnumber`` and a random salt,
and sends ``SHA-256(salt + n)`` with an HMAC signature of it. The browser
tries numbers until the hash matches: a fraction of a second for one
person, real cost for a bot opening thousands of sessions. The server checks
the signature, the hash, the expiry in the salt, and that the solution was
not used before.

A script pays the same price as a person, once. So that solving does not
become a way in, :class:`Difficulty` makes each challenge a device or an
address solves make its next ones harder: the expected work doubles with
every solve of the device (and every few solves from one address), up to a
cap, and the count halves every hour. A person who meets one challenge in
an evening never notices; a farm of scripted devices behind one address
soon spends minutes of CPU for every few chats.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from typing import Any

import orjson

from passerby.clock import Clock
from passerby.cluster.limits import CountersFactory, Marks

ALGORITHM = "SHA-256"
# About 50,000 hashes on average: well under a second in a phone browser.
DEFAULT_MAXNUMBER = 100_000
LIFETIME_SECONDS = 300
# Solves are remembered with this half-life: an hour after a burst of
# solving, half of its extra cost is gone.
SOLVES_HALF_LIFE = 3600.0


class ChallengeService:
    def __init__(
        self,
        secret: bytes,
        clock: Clock,
        *,
        maxnumber: int = DEFAULT_MAXNUMBER,
        used: Marks | None = None,
    ) -> None:
        self._key = hmac.new(secret, b"challenge", hashlib.sha256).digest()
        self._clock = clock
        self.maxnumber = maxnumber
        self._used: dict[str, float] = {}
        # Solutions spent on any node (kept LIFETIME_SECONDS, as long as a
        # challenge lives), so that one solution cannot start a chat on each
        # node in turn; without it, on this node only.
        self._used_everywhere = used

    def issue(self, maxnumber: int | None = None) -> dict[str, Any]:
        """A new challenge; ``maxnumber`` (default: the configured one) sets
        its expected work, ``maxnumber / 2`` hashes."""
        maxnumber = maxnumber or self.maxnumber
        expires = int(self._clock.wall() + LIFETIME_SECONDS)
        salt = f"{secrets.token_hex(12)}?expires={expires}"
        number = secrets.randbelow(maxnumber + 1)
        challenge = hashlib.sha256(f"{salt}{number}".encode()).hexdigest()
        return {
            "algorithm": ALGORITHM,
            "challenge": challenge,
            "salt": salt,
            "maxnumber": maxnumber,
            "signature": self._sign(challenge),
        }

    def _sign(self, challenge: str) -> str:
        return hmac.new(self._key, challenge.encode(), hashlib.sha256).hexdigest()

    async def verify(self, payload: str) -> bool:
        """True for a correct, unexpired, signed, first-time solution."""
        challenge = self._checked(payload)
        if challenge is None:
            return False
        shared = self._used_everywhere
        if shared is not None:
            if await shared.contains(challenge):
                return False  # spent on another node
            await shared.add(challenge)
        return True

    def _checked(self, payload: str) -> str | None:
        """The challenge a correct, unexpired, signed solution answers, the
        first time it is seen here; None otherwise."""
        if not isinstance(payload, str) or len(payload) > 2048:
            return None
        try:
            data = orjson.loads(base64.b64decode(payload, validate=True))
        except (binascii.Error, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        challenge, salt = data.get("challenge"), data.get("salt")
        number, signature = data.get("number"), data.get("signature")
        if not (
            isinstance(challenge, str)
            and isinstance(salt, str)
            and isinstance(signature, str)
            and isinstance(number, int)
            and not isinstance(number, bool)
            and data.get("algorithm") == ALGORITHM
        ):
            return None
        if not hmac.compare_digest(signature, self._sign(challenge)):
            return None
        expires = _expiry(salt)
        now = self._clock.wall()
        if expires is None or expires < now:
            return None
        if hashlib.sha256(f"{salt}{number}".encode()).hexdigest() != challenge:
            return None
        self._forget_expired(now)
        if challenge in self._used:
            return None  # each solution works once
        self._used[challenge] = expires
        return challenge

    def _forget_expired(self, now: float) -> None:
        if len(self._used) > 1024:
            self._used = {c: e for c, e in self._used.items() if e >= now}


class Difficulty:
    """Challenges priced by how much the device and its address solved lately.

    The level is the larger of the device's fading count of solves and the
    address's count divided by ``address_solves`` (a school or a household
    shares an address: a few solves there are people, not a farm); each
    whole level doubles ``maxnumber``, up to ``2 ** max_doublings`` times.
    """

    def __init__(
        self,
        challenges: ChallengeService,
        counters: CountersFactory,
        *,
        max_doublings: int = 10,
        address_solves: int = 3,
    ) -> None:
        self.challenges = challenges
        self._devices = counters("pow-solved-device", SOLVES_HALF_LIFE)
        self._networks = counters("pow-solved-network", SOLVES_HALF_LIFE)
        self._max_doublings = max_doublings
        self._address_solves = address_solves

    def maxnumber_at(self, level: float) -> int:
        doublings = min(self._max_doublings, round(max(0.0, level)))
        return self.challenges.maxnumber << doublings

    async def level(self, device: str, network: str) -> float:
        device_level = await self._devices.get(device) if device else 0.0
        network_level = await self._networks.get(network) if network else 0.0
        return max(device_level, network_level / self._address_solves)

    async def issue(self, device: str, network: str) -> dict[str, Any]:
        """A challenge for this device at this address (IPv6: its /64)."""
        return self.challenges.issue(self.maxnumber_at(await self.level(device, network)))

    async def solved(self, device: str, network: str) -> None:
        """Count a solve: the next challenges of both cost more."""
        if device:
            await self._devices.add(device)
        if network:
            await self._networks.add(network)


def _expiry(salt: str) -> float | None:
    _, _, query = salt.partition("?")
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == "expires" and value.isascii() and value.isdigit():
            return float(value)
    return None
