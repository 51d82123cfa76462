"""Self-hosted proof of work (the ALTCHA scheme): slows bots, needs no third party.

The server picks a secret number ``n`` up to ``maxnumber`` and a random salt,
and sends ``SHA-256(salt + n)`` with an HMAC signature of it. The browser
tries numbers until the hash matches: a fraction of a second for one
person, real cost for a bot opening thousands of sessions. The server checks
the signature, the hash, the expiry in the salt, and that the solution was
not used before.
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

ALGORITHM = "SHA-256"
# About 50,000 hashes on average: well under a second in a phone browser.
DEFAULT_MAXNUMBER = 100_000
LIFETIME_SECONDS = 300


class ChallengeService:
    def __init__(self, secret: bytes, clock: Clock, *, maxnumber: int = DEFAULT_MAXNUMBER) -> None:
        self._key = hmac.new(secret, b"challenge", hashlib.sha256).digest()
        self._clock = clock
        self.maxnumber = maxnumber
        self._used: dict[str, float] = {}

    def issue(self) -> dict[str, Any]:
        expires = int(self._clock.wall() + LIFETIME_SECONDS)
        salt = f"{secrets.token_hex(12)}?expires={expires}"
        number = secrets.randbelow(self.maxnumber + 1)
        challenge = hashlib.sha256(f"{salt}{number}".encode()).hexdigest()
        return {
            "algorithm": ALGORITHM,
            "challenge": challenge,
            "salt": salt,
            "maxnumber": self.maxnumber,
            "signature": self._sign(challenge),
        }

    def _sign(self, challenge: str) -> str:
        return hmac.new(self._key, challenge.encode(), hashlib.sha256).hexdigest()

    def verify(self, payload: str) -> bool:
        """True for a correct, unexpired, signed, first-time solution."""
        if not isinstance(payload, str) or len(payload) > 2048:
            return False
        try:
            data = orjson.loads(base64.b64decode(payload, validate=True))
        except (binascii.Error, ValueError):
            return False
        if not isinstance(data, dict):
            return False
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
            return False
        if not hmac.compare_digest(signature, self._sign(challenge)):
            return False
        expires = _expiry(salt)
        now = self._clock.wall()
        if expires is None or expires < now:
            return False
        if hashlib.sha256(f"{salt}{number}".encode()).hexdigest() != challenge:
            return False
        self._forget_expired(now)
        if challenge in self._used:
            return False  # each solution works once
        self._used[challenge] = expires
        return True

    def _forget_expired(self, now: float) -> None:
        if len(self._used) > 1024:
            self._used = {c: e for c, e in self._used.items() if e >= now}


def _expiry(salt: str) -> float | None:
    _, _, query = salt.partition("?")
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == "expires" and value.isascii() and value.isdigit():
            return float(value)
    return None
