"""How the lexicon's tables become the detectors' compiled rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def table_rows(
    sources: Iterable[tuple[str, float, str]],
) -> tuple[tuple[re.Pattern[str], float, str], ...]:
    """Compiled rows of a lexicon table: (pattern, score, detail)."""
    return tuple((re.compile(source), score, detail) for source, score, detail in sources)


def gate_of(rows: Iterable[Sequence[object]]) -> re.Pattern[str]:
    """One alternation of every row: a message that matches none (most
    messages) costs one search instead of one per row."""
    patterns = [row[0] for row in rows]
    return re.compile(
        "|".join(_NAMED_GROUP.sub("(?:", p.pattern) for p in patterns if isinstance(p, re.Pattern))
    )
