"""SQL for the moderator console: accounts, sessions, child-safety review counts.

Mixed into :class:`~passerby.storage.sql.SQLStore`. Every change that must
hold when two nodes race (a failed login counted, a TOTP step spent, a setup
link used) is one conditional statement, so the database decides the race.
Nothing here hashes or checks a secret: it stores what the console hands it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from passerby.storage.safety_sql import maybe_utc, utc
from passerby.storage.schema import child_safety_reviews, console_sessions, moderators


@dataclass(frozen=True, slots=True)
class ModeratorRow:
    name: str
    role: str
    password_hash: str | None
    totp_secret: str
    totp_last_step: int | None
    setup_token_hash: str | None
    setup_expires: datetime | None
    failed_logins: int
    locked_until: datetime | None
    created_at: datetime
    created_by: str
    last_login_at: datetime | None = None
    disabled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ConsoleSessionRow:
    token_hash: str
    moderator: str
    csrf: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


def _moderator(row: Any) -> ModeratorRow:
    return ModeratorRow(
        row.name,
        row.role,
        row.password_hash,
        row.totp_secret,
        row.totp_last_step,
        row.setup_token_hash,
        maybe_utc(row.setup_expires),
        row.failed_logins,
        maybe_utc(row.locked_until),
        utc(row.created_at),
        row.created_by,
        maybe_utc(row.last_login_at),
        maybe_utc(row.disabled_at),
    )


class ConsoleQueries:
    engine: AsyncEngine

    # --- accounts ---------------------------------------------------------

    async def add_moderator(self, row: ModeratorRow) -> bool:
        """Store a new account; False when the name is taken."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(moderators).values(
                        name=row.name,
                        role=row.role,
                        password_hash=row.password_hash,
                        totp_secret=row.totp_secret,
                        totp_last_step=row.totp_last_step,
                        setup_token_hash=row.setup_token_hash,
                        setup_expires=row.setup_expires,
                        failed_logins=row.failed_logins,
                        locked_until=row.locked_until,
                        created_at=row.created_at,
                        created_by=row.created_by,
                    )
                )
        except IntegrityError:
            return False
        return True

    async def get_moderator(self, name: str) -> ModeratorRow | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(moderators).where(moderators.c.name == name))).first()
        return _moderator(row) if row else None

    async def list_moderators(self) -> list[ModeratorRow]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(select(moderators).order_by(moderators.c.name))
            return [_moderator(row) for row in rows]

    async def moderator_by_setup(self, token_hash: str, now: datetime) -> ModeratorRow | None:
        """The enabled account whose unexpired setup link has this token hash."""
        query = select(moderators).where(
            moderators.c.setup_token_hash == token_hash,
            moderators.c.setup_expires > now,
            moderators.c.disabled_at.is_(None),
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return _moderator(row) if row else None

    async def finish_setup(
        self, token_hash: str, password_hash: str, totp_step: int, now: datetime
    ) -> bool:
        """Set the password and spend the setup link; False when the link was
        used, replaced or expired meanwhile."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(moderators)
                .where(
                    moderators.c.setup_token_hash == token_hash,
                    moderators.c.setup_expires > now,
                    moderators.c.disabled_at.is_(None),
                )
                .values(
                    password_hash=password_hash,
                    totp_last_step=totp_step,
                    setup_token_hash=None,
                    setup_expires=None,
                    failed_logins=0,
                    locked_until=None,
                )
            )
            return bool(result.rowcount)

    async def renew_setup(
        self, name: str, token_hash: str, expires: datetime, totp_secret: str
    ) -> bool:
        """Start an account over: a new setup link and TOTP secret, no
        password, no sessions. False when there is no such enabled account."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(moderators)
                .where(moderators.c.name == name, moderators.c.disabled_at.is_(None))
                .values(
                    password_hash=None,
                    totp_secret=totp_secret,
                    totp_last_step=None,
                    setup_token_hash=token_hash,
                    setup_expires=expires,
                    failed_logins=0,
                    locked_until=None,
                )
            )
            await conn.execute(delete(console_sessions).where(console_sessions.c.moderator == name))
            return bool(result.rowcount)

    async def disable_moderator(self, name: str, now: datetime) -> bool:
        """Disable an account and end its sessions; False when it was not enabled."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(moderators)
                .where(moderators.c.name == name, moderators.c.disabled_at.is_(None))
                .values(disabled_at=now, setup_token_hash=None, setup_expires=None)
            )
            await conn.execute(delete(console_sessions).where(console_sessions.c.moderator == name))
            return bool(result.rowcount)

    async def note_failed_login(
        self, name: str, *, limit: int, lock_until: datetime
    ) -> datetime | None:
        """Count a failed login; at ``limit`` failures in a row, lock the
        account until ``lock_until`` and start counting again. The lock's end
        when this failure locked it, else None."""
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    update(moderators)
                    .where(moderators.c.name == name)
                    .values(failed_logins=moderators.c.failed_logins + 1)
                    .returning(moderators.c.failed_logins)
                )
            ).first()
            if row is None or row.failed_logins < limit:
                return None
            await conn.execute(
                update(moderators)
                .where(moderators.c.name == name)
                .values(failed_logins=0, locked_until=lock_until)
            )
            return lock_until

    async def note_login(self, name: str, totp_step: int, now: datetime) -> bool:
        """Spend a TOTP step on a login and clear the failure count; False when
        this step (or a later one) was spent already: a replayed code."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(moderators)
                .where(
                    moderators.c.name == name,
                    moderators.c.disabled_at.is_(None),
                    or_(
                        moderators.c.totp_last_step.is_(None),
                        moderators.c.totp_last_step < totp_step,
                    ),
                )
                .values(
                    totp_last_step=totp_step, failed_logins=0, locked_until=None, last_login_at=now
                )
            )
            return bool(result.rowcount)

    # --- sessions ---------------------------------------------------------

    async def add_console_session(self, row: ConsoleSessionRow) -> None:
        async with self.engine.begin() as conn:
            # Sessions past their end are of no use to anyone: drop them here.
            await conn.execute(
                delete(console_sessions).where(console_sessions.c.expires_at <= row.created_at)
            )
            await conn.execute(
                insert(console_sessions).values(
                    token_hash=row.token_hash,
                    moderator=row.moderator,
                    csrf=row.csrf,
                    created_at=row.created_at,
                    last_seen_at=row.last_seen_at,
                    expires_at=row.expires_at,
                )
            )

    async def get_console_session(
        self, token_hash: str
    ) -> tuple[ConsoleSessionRow, ModeratorRow] | None:
        """The session and its account, or None."""
        query = select(console_sessions, moderators).join(
            moderators, moderators.c.name == console_sessions.c.moderator
        )
        query = query.where(console_sessions.c.token_hash == token_hash)
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None:
            return None
        session = ConsoleSessionRow(
            row.token_hash,
            row.moderator,
            row.csrf,
            utc(row.created_at),
            utc(row.last_seen_at),
            utc(row.expires_at),
        )
        return session, _moderator(row)

    async def touch_console_session(self, token_hash: str, now: datetime) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(console_sessions)
                .where(console_sessions.c.token_hash == token_hash)
                .values(last_seen_at=now)
            )

    async def delete_console_session(self, token_hash: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                delete(console_sessions).where(console_sessions.c.token_hash == token_hash)
            )

    async def count_console_sessions(self, name: str) -> int:
        query = (
            select(func.count())
            .select_from(console_sessions)
            .where(console_sessions.c.moderator == name)
        )
        async with self.engine.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    # --- wellness ---------------------------------------------------------

    async def note_child_safety_review(
        self, name: str, case_id: str, day: str, at: datetime
    ) -> None:
        """Count a child-safety case as reviewed by ``name`` on ``day`` (once)."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(child_safety_reviews).values(
                        moderator=name, day=day, case_id=case_id, at=at
                    )
                )
        except IntegrityError:
            pass  # counted already today

    async def child_safety_reviews_on(self, day: str) -> dict[str, int]:
        """How many child-safety cases each moderator reviewed on ``day``."""
        query = (
            select(child_safety_reviews.c.moderator, func.count())
            .where(child_safety_reviews.c.day == day)
            .group_by(child_safety_reviews.c.moderator)
        )
        async with self.engine.connect() as conn:
            return {row[0]: int(row[1]) for row in await conn.execute(query)}
