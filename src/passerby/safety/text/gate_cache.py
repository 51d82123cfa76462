"""What the gate looks for, derived once and shipped in ``gate_cache.json``.

Deriving the literals of the gate (:mod:`.gate`) from the detectors'
patterns (:mod:`.prefilter`) takes seconds, in every server process. What
is derived from one pattern depends on nothing but the pattern (its source,
its flags and the form of the message it is read in) and the code that
derives it, so it is derived once, by

    python -m passerby.safety.text.rebuild

and kept next to this module in ``gate_cache.json``, a JSON object:

* ``format``: :data:`FORMAT`, the layout of the file;
* ``code``: the SHA-256 of ``gate.py`` and ``prefilter.py`` when the file
  was written. Other code may derive other literals, so a file written by
  other code is not read at all;
* ``patterns``: per pattern, under :func:`pattern_key`, its :class:`Lookup`
  (``{"key": [...], "others": [[...], ...]}`` or ``{"searched": [factor, ...]}``,
  a factor being a list of :class:`~.prefilter.Atom` fields).

A pattern the file does not hold (new or edited) is derived when the gate
is built, as before the file existed, and one warning names the command
that rebuilds the file. The file never changes what the gate selects: a
lookup read from it is the one the derivation gives
(``tests/safety/test_gate_cache.py``). No pickle: reading the file runs no
code of its own.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from passerby.safety.text.prefilter import Atom, Factor

log = logging.getLogger(__name__)

# Bump when the layout of the file changes.
FORMAT: Final = 1
HERE: Final = Path(__file__).resolve().parent
SHIPPED: Final = HERE / "gate_cache.json"
# The code that derives the literals: a change to either may change them.
CODE: Final = ("gate.py", "prefilter.py")
REBUILD: Final = "python -m passerby.safety.text.rebuild"


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the gate looks for to tell whether one pattern may match.

    ``key``: literals of which the probe holds one wherever the pattern
    matches (its rarest witness); ``others``: more such sets, checked only
    once a key literal is found. When the pattern has no literal worth
    looking for, ``key`` is empty and ``searched`` holds factors that are
    searched in the form as it is (the empty factor: always).
    """

    key: frozenset[str] = frozenset()
    others: tuple[frozenset[str], ...] = ()
    searched: frozenset[Factor] = frozenset()


def pattern_key(pattern: re.Pattern[str], *, words: bool) -> str:
    """Where one pattern's lookup is kept: a digest of what it is derived from."""
    what = json.dumps([FORMAT, words, pattern.flags, pattern.pattern])
    return hashlib.sha256(what.encode("utf-8", "surrogatepass")).hexdigest()


def code_digest() -> str:
    """The SHA-256 of the code that derives the lookups (see :data:`CODE`)."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for name in CODE:
        # Line endings as a checkout may change them.
        digest.update((HERE / name).read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()


class GateCache:
    """Lookups by :func:`pattern_key`; derives (and keeps) those it lacks.

    Args:
        lookups: the lookups read from a file.
        stale: why the file could not be used as it is ("" when it could).
        warn: whether to log a warning when a lookup had to be derived.
    """

    __slots__ = ("_lookups", "_missed", "_warn", "_warned", "stale")

    def __init__(
        self, lookups: Mapping[str, Lookup], stale: str = "", *, warn: bool = True
    ) -> None:
        self._lookups = dict(lookups)
        self._missed: set[str] = set()
        self._warn = warn
        self._warned = 0
        self.stale = stale

    @classmethod
    def empty(cls) -> GateCache:
        """A cache that derives every lookup, silently: the gate without a file."""
        return cls({}, warn=False)

    def lookup(
        self,
        pattern: re.Pattern[str],
        *,
        words: bool,
        derive: Callable[[re.Pattern[str]], Lookup],
    ) -> Lookup:
        """The pattern's lookup from the file, or ``derive(pattern)``, kept."""
        key = pattern_key(pattern, words=words)
        found = self._lookups.get(key)
        if found is None:
            found = self._lookups[key] = derive(pattern)
            self._missed.add(key)
        return found

    def warn_missed(self, seconds: float) -> None:
        """Log once that patterns were derived at start-up, and the fix."""
        if not self._warn or len(self._missed) == self._warned:
            return
        self._warned = len(self._missed)
        why = f" ({self.stale})" if self.stale else " (a pattern was added or changed)"
        log.warning(
            "%s is stale%s; patterns derived at start-up: %d, in %.1f s. Rebuild it: %s",
            SHIPPED.name,
            why,
            len(self._missed),
            seconds,
            REBUILD,
        )

    @property
    def missed(self) -> int:
        """How many lookups were derived, not read."""
        return len(self._missed)

    def __contains__(self, key: object) -> bool:
        return key in self._lookups

    def held(self) -> set[str]:
        """The keys of the lookups it holds (read, or derived since)."""
        return set(self._lookups)


@functools.cache
def shipped() -> GateCache:
    """The cache of the file shipped with the package, read once per process."""
    return read(SHIPPED)


def read(path: Path) -> GateCache:
    """The cache of one file; an empty one, saying why, if it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return GateCache({}, f"format {data.get('format')!r}, not {FORMAT}")
        if data.get("code") != code_digest():
            return GateCache({}, f"{' or '.join(CODE)} changed since it was written")
        lookups = {key: _decode(entry) for key, entry in data["patterns"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return GateCache({}, f"unreadable: {type(exc).__name__}: {exc}")
    return GateCache(lookups)


def dumps(lookups: Mapping[str, Lookup]) -> str:
    """The text of a cache file holding ``lookups``, the same for the same
    lookups (sorted throughout, so a rebuild changes only what changed)."""
    # One line per pattern: a rebuild's diff shows which lookups changed.
    # ASCII only: literals of any script, and the probe's control marks, escaped.
    rows = ",\n".join(
        f"  {json.dumps(key)}: {json.dumps(_encode(lookups[key]), separators=(',', ':'))}"
        for key in sorted(lookups)
    )
    head = f'{{\n "format": {FORMAT},\n "code": {json.dumps(code_digest())},\n'
    return f'{head} "patterns": {{\n{rows}\n }}\n}}\n'


def _encode(lookup: Lookup) -> dict[str, Any]:
    if lookup.key:
        return {"key": sorted(lookup.key), "others": [sorted(c) for c in lookup.others]}
    return {"searched": sorted([list(atom) for atom in factor] for factor in lookup.searched)}


def _decode(entry: dict[str, Any]) -> Lookup:
    if "key" in entry:
        key = frozenset(map(str, entry["key"]))
        if not key:
            raise ValueError("a lookup with an empty key")
        return Lookup(key, tuple(frozenset(map(str, c)) for c in entry["others"]))
    return Lookup(searched=frozenset(_factor(f) for f in entry["searched"]))


def _factor(atoms: list[list[Any]]) -> Factor:
    found = []
    for source, odds, width, unit, low, high in atoms:
        if not (isinstance(source, str) and isinstance(unit, str) and isinstance(width, bool)):
            raise TypeError("an atom of another shape")
        found.append(Atom(source, float(odds), width, unit, int(low), int(high)))
    return tuple(found)
