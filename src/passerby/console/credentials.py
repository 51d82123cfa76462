"""Secrets of console accounts: tokens, password hashes, TOTP codes.

Tokens (setup links, session cookies, CSRF) are random and stored only as
their SHA-256, so the database alone cannot be turned into a working link
or session. Passwords are hashed with Argon2id, off the event loop, since
a hash takes tens of milliseconds by design. TOTP follows RFC 6238 with the
usual 30-second step, accepting one step either side for a phone's clock;
a code is good once, never twice. Nothing here logs or stores anything.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from typing import Final

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Long enough that, with a second factor required, guessing is hopeless
# (NIST SP 800-63B asks 8 with a second factor, 15 without); capped so a
# hash of a megabyte of "password" cannot tie up a worker.
MIN_PASSWORD: Final = 12
MAX_PASSWORD: Final = 256
# Steps either side of now a code may come from: a phone 30 s off still works.
TOTP_DRIFT_STEPS: Final = 1


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def same(a: str, b: str) -> bool:
    """Compare two secrets in constant time."""
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, name: str, issuer: str) -> str:
    """The ``otpauth://`` address an authenticator app reads."""
    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=issuer)


def totp_step(secret: str, code: str, now: float, spent: int | None) -> int | None:
    """The time step ``code`` belongs to, if it is valid at ``now`` (epoch
    seconds) and newer than the step ``spent`` by the last login; else None."""
    code = code.strip().replace(" ", "")
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - TOTP_DRIFT_STEPS, current + TOTP_DRIFT_STEPS + 1):
        if spent is not None and step <= spent:
            continue
        if same(totp.generate_otp(step), code):
            return step
    return None


def password_problem(password: str, confirm: str) -> str | None:
    """Why a new password cannot be used, in words for the person choosing it."""
    if password != confirm:
        return "The two passwords differ."
    if len(password) < MIN_PASSWORD:
        return f"Choose a password of at least {MIN_PASSWORD} characters."
    if len(password) > MAX_PASSWORD:
        return f"Choose a password of at most {MAX_PASSWORD} characters."
    return None


class Passwords:
    """Argon2id hashing, run in a worker thread.

    Tests pass a cheap :class:`~argon2.PasswordHasher`; the default uses
    argon2-cffi's recommended parameters.
    """

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()
        # Checked when a name is unknown, so that a wrong name takes as long
        # as a wrong password and names cannot be found by timing.
        self._decoy = self._hasher.hash(new_token())

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches the ``stored`` hash (None: the decoy, never)."""
        if len(password) > MAX_PASSWORD:
            return False
        try:
            matched: bool = await asyncio.to_thread(
                self._hasher.verify, stored or self._decoy, password
            )
        except (VerificationError, InvalidHashError):
            return False
        return matched and stored is not None
