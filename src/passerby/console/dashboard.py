"""The admins' dashboard, and the same figures for ``/metrics``.

Cases opened and closed per hour over the last day, the median time from
a case's opening to a moderator's first decision, actions by rule and by
moderator, and the open backlog by kind and priority. The charts are SVG
drawn here on the server (bars are rectangles with sizes, no script and no
inline style), so they work under the console's strict Content-Security-
Policy with nothing to build or vendor.

For ``/metrics`` the figures are read once per scrape at most every
:data:`CACHE_SECONDS`, so a busy scraper costs a handful of grouped queries
a quarter-minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final, Protocol

from aiohttp import web

from passerby.clock import Clock
from passerby.console.render import Renderer
from passerby.metrics import Metrics
from passerby.storage.dashboard_sql import DashboardFigures

# A scrape every few seconds would otherwise query every time.
CACHE_SECONDS: Final = 15.0
# The chart area, in SVG user units (the CSS scales the whole picture).
WIDTH: Final = 720
HEIGHT: Final = 140
ROW: Final = 18
LABEL: Final = 200


class DashboardStore(Protocol):
    async def dashboard_figures(self, now: datetime, hours: int = 24) -> DashboardFigures: ...


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    series: str = ""


def hourly_bars(opened: list[int], closed: list[int], since: datetime) -> list[Bar]:
    """Two bars per hour (opened, closed), heights scaled to the busiest hour."""
    top = max([1, *opened, *closed])
    slot = WIDTH / max(1, len(opened))
    bars = []
    for index, (up, down) in enumerate(zip(opened, closed, strict=True)):
        hour = (since + timedelta(hours=index)).strftime("%H:00")
        for offset, (series, value) in enumerate((("opened", up), ("closed", down))):
            height = HEIGHT * value / top
            bars.append(
                Bar(
                    x=round(index * slot + offset * slot / 2 + 1, 1),
                    y=round(HEIGHT - height, 1),
                    width=round(slot / 2 - 2, 1),
                    height=round(height, 1),
                    label=f"{hour} UTC",
                    value=value,
                    series=series,
                )
            )
    return bars


def row_bars(values: list[tuple[str, int]]) -> list[Bar]:
    """One horizontal bar per row, longest first, scaled to the largest."""
    top = max([1, *(v for _, v in values)])
    return [
        Bar(
            x=LABEL,
            y=index * ROW,
            width=round((WIDTH - LABEL - 60) * value / top, 1),
            height=ROW - 4,
            label=label,
            value=value,
        )
        for index, (label, value) in enumerate(values)
    ]


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "no decisions yet"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class Dashboard:
    def __init__(self, store: DashboardStore, clock: Clock, renderer: Renderer | None) -> None:
        self._store = store
        self._clock = clock
        self._render = renderer
        self._cached: tuple[float, DashboardFigures] | None = None

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.wall(), UTC)

    async def figures(self, *, fresh: bool = False) -> DashboardFigures:
        """The figures, read again at most every :data:`CACHE_SECONDS` unless ``fresh``."""
        wall = self._clock.wall()
        if not fresh and self._cached is not None and wall - self._cached[0] < CACHE_SECONDS:
            return self._cached[1]
        found = await self._store.dashboard_figures(self.now())
        self._cached = (wall, found)
        return found

    async def page(self, request: web.Request) -> web.StreamResponse:
        """``GET /mod/admin/dashboard``."""
        assert self._render is not None
        found = await self.figures(fresh=True)
        backlog = sorted(found.backlog.items(), key=lambda item: (item[0][1], item[0][0]))
        rules = sorted(found.by_rule.items(), key=lambda item: -item[1])
        moderators = sorted(found.by_moderator.items(), key=lambda item: -item[1])
        charts = {
            "backlog": row_bars(
                [(f"priority {p} · {k.replace('_', ' ')}", n) for (k, p), n in backlog]
            ),
            "rules": row_bars(rules),
            "moderators": row_bars(moderators),
        }
        return await self._render.page(
            request,
            "dashboard.html",
            figures=found,
            hourly=hourly_bars(found.opened, found.closed, found.since),
            charts=charts,
            width=WIDTH,
            height=HEIGHT,
            row=ROW,
            median=duration(found.median_first_action),
            totals={"opened": sum(found.opened), "closed": sum(found.closed)},
        )

    def register(self, metrics: Metrics) -> None:
        """The dashboard's figures as gauges on ``metrics`` (read on scrape)."""

        async def last_hour() -> dict[tuple[str, ...], float]:
            found = await self.figures()
            return {("opened",): found.opened[-1], ("closed",): found.closed[-1]}

        async def median() -> dict[tuple[str, ...], float]:
            found = await self.figures()
            value = found.median_first_action
            return {} if value is None else {(): value}

        async def actions() -> dict[tuple[str, ...], float]:
            found = await self.figures()
            values: dict[tuple[str, ...], float] = {}
            for kind, counts in (("rule", found.by_rule), ("mod", found.by_moderator)):
                for name, count in counts.items():
                    values[(kind, name)] = count
            return values

        async def backlog() -> dict[tuple[str, ...], float]:
            found = await self.figures()
            return {(kind, str(priority)): n for (kind, priority), n in found.backlog.items()}

        metrics.gauge_family(
            "passerby_mod_cases_last_hour",
            "Cases opened and closed (resolved) in the last hour.",
            ("event",),
            last_hour,
        )
        metrics.gauge_family(
            "passerby_mod_median_first_action_seconds",
            "Median seconds from a case's opening to a moderator's first decision, "
            "over cases opened in the last 24 hours.",
            (),
            median,
        )
        metrics.gauge_family(
            "passerby_mod_actions_24h",
            "Safety actions in the last 24 hours by rule and by moderator.",
            ("actor", "name"),
            actions,
        )
        metrics.gauge_family(
            "passerby_mod_backlog",
            "Open cases by kind and priority.",
            ("kind", "priority"),
            backlog,
        )
