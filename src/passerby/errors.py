"""Errors Passerby raises, and the stable codes clients see.

Hierarchy::

    PasserbyError
    ├── ClientError            bad input from a client; answered, never fatal
    │   ├── ProtocolError      a frame that breaks docs/protocol.md
    │   └── RateLimited        over a per-connection rate limit
    ├── ActionRefused          a safety action that may not be done as asked
    │   ├── NotFound           no such case or ban
    │   ├── CaseClaimed        another moderator holds the case's claim
    │   ├── CaseClosed         the case is resolved already
    │   └── NotIndependent     an appeal decided by whoever made the ban
    └── ConfigError            an operator's configuration is invalid

A :class:`ClientError` carries a machine ``code`` from the list in
``docs/protocol.md``, a human ``message`` and, for HTTP, a ``status``. Its text
goes to the client, so it must never contain another user's data, a stack
trace or a secret. Internal failures are logged and reported to the client
only as the generic code ``internal``.
"""

from __future__ import annotations

from datetime import datetime


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


class ActionRefused(PasserbyError):
    """A safety action (:mod:`passerby.safety.moderation_actions`) refused.

    Nothing was changed and nothing was recorded. ``code`` is stable, for a
    console to show; the message names cases, bans and moderators only.
    """

    code = "refused"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ActionRefused):
    code = "not_found"


class CaseClaimed(ActionRefused):
    """Another moderator holds the case: two people never work it unknowingly."""

    code = "case_claimed"

    def __init__(self, case_id: str, holder: str, until: datetime) -> None:
        super().__init__(f"case {case_id} is claimed by {holder} until {until.isoformat()}")
        self.case_id = case_id
        self.holder = holder
        self.until = until


class CaseClosed(ActionRefused):
    code = "case_closed"


class NotIndependent(ActionRefused):
    """An appeal must be decided by someone other than who made the ban."""

    code = "not_independent"
