"""A write-ahead spool on local disk for reports the database could not take.

When the store is down, a report is appended here as one JSON line and
fsynced before the reporter is told "received"; a background task replays
the spool into the store as soon as it answers, and empties it only after
every line is stored. Replaying is idempotent (records carry their ids), so
a crash half-way through a replay loses and duplicates nothing.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import orjson


class Spool:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = asyncio.Lock()

    async def append(self, entry: dict[str, Any]) -> None:
        line = orjson.dumps(entry) + b"\n"
        async with self._lock:
            await asyncio.to_thread(self._write, line)

    def _write(self, line: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                # A crash tore the last line: end it, so this entry starts clean.
                line = b"\n" + line
            view = memoryview(line)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)

    def pending(self) -> bool:
        try:
            return self.path.stat().st_size > 0
        except FileNotFoundError:
            return False

    def read(self) -> list[dict[str, Any]]:
        """Every complete entry; a torn last line (a crash mid-write) is skipped."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        entries = []
        for line in raw.split(b"\n"):
            if not line:
                continue
            try:
                entries.append(orjson.loads(line))
            except orjson.JSONDecodeError:
                continue
        return entries

    async def drain(self, handle: Any) -> int:
        """Pass every entry to ``await handle(entry)``; empty the spool once all succeed.

        An entry the handler rejects as malformed (``ValueError``, ``KeyError``,
        ``TypeError``) would block every later one for ever, so it is moved to
        ``<spool>.rejected`` (kept, for a person to look at) and the rest go on.
        Any other failure (the database still down) stops the drain; nothing
        is lost, and the next drain starts again from the first entry.
        """
        async with self._lock:
            entries = self.read()
            for entry in entries:
                try:
                    await handle(entry)
                except (ValueError, KeyError, TypeError):
                    await asyncio.to_thread(self._reject, entry)
            if entries:
                await asyncio.to_thread(self._truncate)
            return len(entries)

    def _reject(self, entry: dict[str, Any]) -> None:
        path = self.path.with_suffix(self.path.suffix + ".rejected")
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, orjson.dumps(entry) + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)

    def _truncate(self) -> None:
        with open(self.path, "r+b") as fh:
            fh.truncate(0)
            os.fsync(fh.fileno())
