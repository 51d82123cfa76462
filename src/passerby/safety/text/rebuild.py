"""Rebuild the files derived from the detectors' patterns and from the insult model.

    python -m passerby.safety.text.rebuild           # write both files
    python -m passerby.safety.text.rebuild --check   # exit 1 when either is stale

Run it after changing a pattern (``patterns/``), a detector's trigger
(``detectors.py``), ``gate.py`` or ``prefilter.py``, or the version of
alt-profanity-check, and commit what it writes:

* ``gate_cache.json``: the gate's lookup of every pattern a trigger lists
  (:mod:`.gate_cache`), derived afresh (a minute or so);
* ``toxicity_model.json``: the bundled model's numbers (:mod:`.toxicity_model`),
  read with scikit-learn.

The server reads both at start-up and works without them (slowly, with a
warning). Nothing imports this module: it is a command.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence

from passerby.safety.text import gate_cache, toxicity_model
from passerby.safety.text.detectors import TextAnalyser
from passerby.safety.text.gate import lookup_of
from passerby.safety.text.gate_cache import Lookup, pattern_key
from passerby.safety.text.toxicity import ToxicityScorer

# The forms a trigger reads patterns in; ``words`` has a probe of its own.
_FORMS = ("plain", "words", "joined")


def gate_patterns() -> dict[str, tuple[re.Pattern[str], bool]]:
    """Every pattern the analyser's triggers list, with whether it is read
    in ``words``, by :func:`.gate_cache.pattern_key`."""
    # No gate and no model: only the triggers are wanted.
    analyser = TextAnalyser(ToxicityScorer(loader=_no_model), prefilter=False)
    found: dict[str, tuple[re.Pattern[str], bool]] = {}
    for trigger in analyser._triggers():
        for form in _FORMS:
            words = form == "words"
            for pattern in getattr(trigger, form):
                found[pattern_key(pattern, words=words)] = (pattern, words)
    return found


def gate_problems(cache: gate_cache.GateCache) -> list[str]:
    """Why ``cache`` is not the one :func:`rebuild_gate` would write (empty
    when it is), without deriving anything."""
    if cache.stale:
        return [f"{gate_cache.SHIPPED.name}: {cache.stale}"]
    wanted = gate_patterns()
    missing = [wanted[key][0].pattern for key in wanted if key not in cache]
    unused = [key for key in cache.held() if key not in wanted]
    problems = [f"{gate_cache.SHIPPED.name} lacks the pattern {p[:60]!r}" for p in missing]
    if unused:
        problems.append(f"{gate_cache.SHIPPED.name} holds {len(unused)} patterns no trigger lists")
    return problems


def rebuild_gate() -> str:
    """The text of a fresh ``gate_cache.json``."""
    lookups: dict[str, Lookup] = {
        key: lookup_of(pattern, words=words) for key, (pattern, words) in gate_patterns().items()
    }
    return gate_cache.dumps(lookups)


def _no_model() -> toxicity_model.LinearModel:
    raise ImportError("not needed to list the patterns")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m passerby.safety.text.rebuild",
        description="Rebuild gate_cache.json and toxicity_model.json.",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is stale"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = gate_problems(gate_cache.read(gate_cache.SHIPPED))
        problems += toxicity_model.problems()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"rebuild them: {gate_cache.REBUILD}", file=sys.stderr)
        return 1 if problems else 0
    started = time.perf_counter()
    gate_cache.SHIPPED.write_text(rebuild_gate(), encoding="utf-8")
    print(f"wrote {gate_cache.SHIPPED} in {time.perf_counter() - started:.1f} s")
    toxicity_model.SHIPPED.write_text(toxicity_model.rebuild(), encoding="utf-8")
    print(f"wrote {toxicity_model.SHIPPED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
