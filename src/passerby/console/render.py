"""Rendering console pages: Jinja2 with autoescaping, and the shared frame.

Every page gets the signed-in moderator, their CSRF token and their count
of child-safety cases opened today (UTC). Templates never build a URL from
user text without escaping; autoescape is on for every template.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import jinja2
from aiohttp import web

from passerby.clock import Clock
from passerby.console.access import SESSION
from passerby.console.ports import ConsoleStore

TEMPLATES: Final = Path(__file__).resolve().parent / "templates"
STATIC: Final = Path(__file__).resolve().parent / "static"
ACTOR_PREFIX: Final = "mod:"


def when(value: datetime | None) -> str:
    """A time for a moderator: UTC, to the second."""
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def short(value: str | None, length: int = 10) -> str:
    """The start of a hash, enough to tell two apart on screen."""
    if not value:
        return ""
    return value[:length] + ("…" if len(value) > length else "")


def who(actor: str | None) -> str:
    """An actor as the audit log names it, for reading: ``mod:ana`` is ``ana``."""
    if not actor:
        return ""
    return actor.removeprefix(ACTOR_PREFIX)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = when
    env.filters["short"] = short
    env.filters["who"] = who
    return env


def utc_day(clock: Clock) -> str:
    return datetime.fromtimestamp(clock.wall(), UTC).strftime("%Y-%m-%d")


class Renderer:
    def __init__(self, store: ConsoleStore, clock: Clock) -> None:
        self._env = environment()
        self._store = store
        self._clock = clock

    def add_global(self, name: str, value: Any) -> None:
        """A value every template can read (set once, when the console is built)."""
        self._env.globals[name] = value

    async def page(
        self, request: web.Request, template: str, *, status: int = 200, **context: Any
    ) -> web.Response:
        session = request.get(SESSION)
        frame: dict[str, Any] = {
            "me": None,
            "csrf": "",
            "reviewed_today": 0,
            "notice": None,
            "notice_kind": None,
        }
        if session is not None:
            counts = await self._store.child_safety_reviews_on(utc_day(self._clock))
            frame.update(
                me=session.moderator,
                csrf=session.csrf,
                reviewed_today=counts.get(session.moderator.name, 0),
            )
        frame.update(context)
        text = self._env.get_template(template).render(frame)
        return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")
