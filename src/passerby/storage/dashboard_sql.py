"""SQL for the moderation dashboard: a few grouped reads over a recent window.

Mixed into :class:`~passerby.storage.sql.SQLStore`. Everything here reads;
each figure is one query over the cases and audit records of the window
(24 hours by default), so the console's dashboard and a ``/metrics``
scrape stay cheap. Times come back as UTC.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from passerby.storage.safety_sql import utc
from passerby.storage.schema import audit_log, cases

# Actions that are bookkeeping, not a decision about a case: the time to a
# case's first action counts from its opening to its first decision.
NOT_A_DECISION = ("claim_case", "release_case", "release_claims")
MODERATOR = "mod:"


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    since: datetime
    until: datetime
    # Cases opened in each hour of the window, oldest first; the last hour
    # ends now.
    opened: list[int]
    closed: list[int]  # cases resolved in each hour
    median_first_action: float | None  # seconds, over cases opened in the window
    decided: int  # how many of those a moderator acted on
    by_rule: dict[str, int] = field(default_factory=dict)  # actions per rule
    by_moderator: dict[str, int] = field(default_factory=dict)  # actions per moderator
    backlog: dict[tuple[str, int], int] = field(default_factory=dict)  # open (kind, priority)


def _hour(at: datetime, now: datetime, hours: int) -> int | None:
    """The hour of the window (``now`` minus ``hours``, ``now``] that ``at`` is in."""
    index = hours - 1 - int((now - utc(at)).total_seconds() // 3600)
    return index if 0 <= index < hours else None


class DashboardQueries:
    engine: AsyncEngine

    async def dashboard_figures(self, now: datetime, hours: int = 24) -> DashboardFigures:
        since = now - timedelta(hours=hours)
        opened, closed = [0] * hours, [0] * hours
        first_action = (
            select(cases.c.created_at, func.min(audit_log.c.at))
            .select_from(cases.join(audit_log, audit_log.c.case_id == cases.c.id))
            .where(
                cases.c.created_at >= since,
                audit_log.c.actor.startswith(MODERATOR),
                audit_log.c.action.not_in(NOT_A_DECISION),
            )
            .group_by(cases.c.id, cases.c.created_at)
        )
        async with self.engine.connect() as conn:
            for (at,) in await conn.execute(
                select(cases.c.created_at).where(cases.c.created_at >= since)
            ):
                if (index := _hour(at, now, hours)) is not None:
                    opened[index] += 1
            for (at,) in await conn.execute(
                select(cases.c.resolved_at).where(cases.c.resolved_at >= since)
            ):
                if (index := _hour(at, now, hours)) is not None:
                    closed[index] += 1
            waits = [
                (utc(first) - utc(created)).total_seconds()
                for created, first in await conn.execute(first_action)
            ]
            by_rule: dict[str, int] = {}
            by_moderator: dict[str, int] = {}
            actions = (
                select(audit_log.c.actor, func.count())
                .where(audit_log.c.at >= since)
                .group_by(audit_log.c.actor)
            )
            for actor, count in await conn.execute(actions):
                kind, _, name = str(actor).partition(":")
                if kind == "rule":
                    by_rule[name] = int(count)
                elif kind == "mod":
                    by_moderator[name] = int(count)
            backlog = {
                (str(kind), int(priority)): int(count)
                for kind, priority, count in await conn.execute(
                    select(cases.c.kind, cases.c.priority, func.count())
                    .where(cases.c.status == "open")
                    .group_by(cases.c.kind, cases.c.priority)
                )
            }
        return DashboardFigures(
            since=since,
            until=now,
            opened=opened,
            closed=closed,
            median_first_action=statistics.median(waits) if waits else None,
            decided=len(waits),
            by_rule=by_rule,
            by_moderator=by_moderator,
            backlog=backlog,
        )


__all__ = ["DashboardFigures", "DashboardQueries"]
