"""Moderator accounts: setup links, logins with a password and a TOTP code,
sessions that expire, lock-out after repeated failures.

Glossary:

- *account*: one person allowed into the console, with a *role*: a
  ``moderator`` reviews cases and acts on them; an ``admin`` may do that and
  also manage accounts and read the audit log.
- *setup link*: the one-time address that lets a new (or reset) account
  choose its password and register its authenticator app.
- *session*: what a login gives; a cookie holds its token, the database only
  the token's hash. It ends when unused for ``idle``, at ``expires_at`` in
  any case, at logout, and when the account is disabled or reset.

Every failure of a login looks the same from outside (no telling a wrong
name from a wrong code or a locked account). Nothing here logs a password,
a code, a token or an address.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from passerby.clock import Clock
from passerby.config import Settings
from passerby.console.credentials import (
    Passwords,
    new_token,
    new_totp_secret,
    password_problem,
    token_hash,
    totp_step,
    totp_uri,
)
from passerby.storage.console_sql import ConsoleSessionRow, ModeratorRow

log = logging.getLogger(__name__)

NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{1,31}")
ISSUER = "Passerby"
# A session's last use is written at most this often, not on every request.
TOUCH_SECONDS = 60.0


class Role(StrEnum):
    MODERATOR = "moderator"
    ADMIN = "admin"


class AccountError(Exception):
    """A request about an account that cannot be met; ``message`` is for the
    person at the console and names nothing secret."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


LOGIN_FAILED = "Those details did not work. Repeated failures lock the account for a while."


@dataclass(frozen=True, slots=True)
class Moderator:
    name: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


@dataclass(frozen=True, slots=True)
class Session:
    moderator: Moderator
    csrf: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SetupView:
    """What the setup page shows: the account and its authenticator secret."""

    name: str
    role: Role
    totp_secret: str
    totp_uri: str


@dataclass(frozen=True, slots=True)
class AccountPolicy:
    idle: timedelta
    lifetime: timedelta
    attempts: int
    lockout: timedelta
    setup: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> AccountPolicy:
        return cls(
            idle=timedelta(minutes=settings.console_session_idle_minutes),
            lifetime=timedelta(hours=settings.console_session_hours),
            attempts=settings.console_login_attempts,
            lockout=timedelta(minutes=settings.console_lockout_minutes),
            setup=timedelta(hours=settings.console_setup_hours),
        )


class AccountStore(Protocol):
    async def add_moderator(self, row: ModeratorRow) -> bool: ...

    async def get_moderator(self, name: str) -> ModeratorRow | None: ...

    async def list_moderators(self) -> list[ModeratorRow]: ...

    async def moderator_by_setup(self, token_hash: str, now: datetime) -> ModeratorRow | None: ...

    async def finish_setup(
        self, token_hash: str, password_hash: str, totp_step: int, now: datetime
    ) -> bool: ...

    async def renew_setup(
        self, name: str, token_hash: str, expires: datetime, totp_secret: str
    ) -> bool: ...

    async def disable_moderator(self, name: str, now: datetime) -> bool: ...

    async def note_failed_login(
        self, name: str, *, limit: int, lock_until: datetime
    ) -> datetime | None: ...

    async def note_login(self, name: str, totp_step: int, now: datetime) -> bool: ...

    async def add_console_session(self, row: ConsoleSessionRow) -> None: ...

    async def get_console_session(
        self, token_hash: str
    ) -> tuple[ConsoleSessionRow, ModeratorRow] | None: ...

    async def touch_console_session(self, token_hash: str, now: datetime) -> None: ...

    async def delete_console_session(self, token_hash: str) -> None: ...


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise AccountError(
            "bad_name",
            "A name is 2 to 32 characters: lower-case letters, digits, '.', '-' or '_'.",
        )
    return name


def check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError("bad_role", "The role is moderator or admin.") from None


class AccountService:
    def __init__(
        self,
        store: AccountStore,
        clock: Clock,
        policy: AccountPolicy,
        passwords: Passwords | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self.policy = policy
        self._passwords = passwords or Passwords()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    # --- setting up -------------------------------------------------------

    async def add(self, name: str, role: str, *, by: str) -> str:
        """Create an account; the token of its one-time setup link.

        Raises:
            AccountError: a bad name or role, or the name is taken.
        """
        name, chosen = check_name(name), check_role(role)
        token, now = new_token(), self.now()
        row = ModeratorRow(
            name=name,
            role=chosen.value,
            password_hash=None,
            totp_secret=new_totp_secret(),
            totp_last_step=None,
            setup_token_hash=token_hash(token),
            setup_expires=now + self.policy.setup,
            failed_logins=0,
            locked_until=None,
            created_at=now,
            created_by=by,
        )
        if not await self._store.add_moderator(row):
            raise AccountError("name_taken", "There is an account of that name already.")
        log.info("console account %s (%s) added by %s", name, chosen.value, by)
        return token

    async def reset(self, name: str, *, by: str) -> str:
        """Start an account over (a lost phone): new setup link and TOTP
        secret, password cleared, sessions ended; the link's token."""
        token = new_token()
        expires = self.now() + self.policy.setup
        if not await self._store.renew_setup(name, token_hash(token), expires, new_totp_secret()):
            raise AccountError("no_account", "There is no enabled account of that name.")
        log.info("console account %s reset by %s", name, by)
        return token

    async def setup_view(self, token: str) -> SetupView | None:
        """The account a setup link is for, while the link is good."""
        row = await self._store.moderator_by_setup(token_hash(token), self.now())
        if row is None:
            return None
        uri = totp_uri(row.totp_secret, row.name, ISSUER)
        return SetupView(row.name, Role(row.role), row.totp_secret, uri)

    async def finish_setup(self, token: str, password: str, confirm: str, code: str) -> str:
        """Choose the password and prove the authenticator works; the name.

        Raises:
            AccountError: the link is no good, the passwords are unfit, or
                the code is wrong.
        """
        now = self.now()
        row = await self._store.moderator_by_setup(token_hash(token), now)
        if row is None:
            raise AccountError("bad_link", "This setup link is used, replaced or expired.")
        problem = password_problem(password, confirm)
        if problem is not None:
            raise AccountError("bad_password", problem)
        step = totp_step(row.totp_secret, code, self._clock.wall(), None)
        if step is None:
            raise AccountError(
                "bad_code", "That code is not right: check the phone's time and try the next one."
            )
        hashed = await self._passwords.hash(password)
        if not await self._store.finish_setup(token_hash(token), hashed, step, now):
            raise AccountError("bad_link", "This setup link is used, replaced or expired.")
        log.info("console account %s set up", row.name)
        return row.name

    # --- logging in and out -----------------------------------------------

    async def login(self, name: str, password: str, code: str) -> tuple[str, Session]:
        """Check all three; the new session's cookie token and the session.

        Raises:
            AccountError: ``login_failed``, whatever the cause.
        """
        failed = AccountError("login_failed", LOGIN_FAILED)
        now = self.now()
        row = await self._store.get_moderator(name) if NAME.fullmatch(name) else None
        usable = row is not None and row.disabled_at is None and row.password_hash is not None
        locked = row is not None and row.locked_until is not None and row.locked_until > now
        # The hash is checked in every case, so every failure takes as long.
        right = await self._passwords.verify(row.password_hash if row else None, password)
        if row is None or not usable or locked:
            if locked:
                log.info("console login refused: %s is locked", name)
            raise failed
        step = totp_step(row.totp_secret, code, self._clock.wall(), row.totp_last_step)
        if not right or step is None or not await self._store.note_login(name, step, now):
            until = await self._store.note_failed_login(
                name, limit=self.policy.attempts, lock_until=now + self.policy.lockout
            )
            if until is not None:
                log.warning("console account %s locked after failed logins", name)
            raise failed
        token = new_token()
        session = ConsoleSessionRow(
            token_hash=token_hash(token),
            moderator=name,
            csrf=new_token(),
            created_at=now,
            last_seen_at=now,
            expires_at=now + self.policy.lifetime,
        )
        await self._store.add_console_session(session)
        log.info("console login: %s", name)
        moderator = Moderator(name, Role(row.role))
        return token, Session(moderator, session.csrf, session.expires_at)

    async def session(self, token: str) -> Session | None:
        """The live session of a cookie token, or None (and an ended one is deleted)."""
        if not token:
            return None
        hashed = token_hash(token)
        found = await self._store.get_console_session(hashed)
        if found is None:
            return None
        row, account = found
        now = self.now()
        if (
            now >= row.expires_at
            or now - row.last_seen_at >= self.policy.idle
            or account.disabled_at is not None
            or account.password_hash is None
        ):
            await self._store.delete_console_session(hashed)
            return None
        if (now - row.last_seen_at).total_seconds() >= TOUCH_SECONDS:
            await self._store.touch_console_session(hashed, now)
        return Session(Moderator(account.name, Role(account.role)), row.csrf, row.expires_at)

    async def logout(self, token: str) -> None:
        await self._store.delete_console_session(token_hash(token))

    # --- managing ---------------------------------------------------------

    async def disable(self, name: str, *, by: str) -> None:
        if name == by:
            raise AccountError("own_account", "An admin cannot disable their own account.")
        if not await self._store.disable_moderator(name, self.now()):
            raise AccountError("no_account", "There is no enabled account of that name.")
        log.info("console account %s disabled by %s", name, by)

    async def list(self) -> list[ModeratorRow]:
        return await self._store.list_moderators()
