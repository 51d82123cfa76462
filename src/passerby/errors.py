"""Errors Passerby raises, and the stable codes clients see.

Hierarchy::

    PasserbyError
    ├── ClientError            bad input from a client; answered, never fatal
    │   ├── ProtocolError      a frame that breaks docs/protocol.md
    │   └── RateLimited        over a per-connection rate limit
    └── ConfigError            an operator's configuration is invalid

A :class:`ClientError` carries a machine ``code`` from the list in
``docs/protocol.md``, a human ``message`` and, for HTTP, a ``status``. Its text
goes to the client, so it must never contain another user's data, a stack
trace or a secret. Internal failures are logged and reported to the client
only as the generic code ``internal``.
"""

from __future__ import annotations


class PasserbyError(Exception):
    """Base class of every error Passerby raises on purpose."""


class ClientError(PasserbyError):
    status = 400

    def __init__(self, code: str, message: str, *, ref: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.ref = ref


class ProtocolError(ClientError):
    """A frame that is malformed, oversize, unknown or out of order."""


class RateLimited(ClientError):
    status = 429

    def __init__(self, retry_after: float, *, ref: str | None = None) -> None:
        super().__init__("rate_limited", "Slow down: too many requests.", ref=ref)
        self.retry_after = retry_after


class ConfigError(PasserbyError):
    """The operator's configuration cannot be used; the message says why."""
