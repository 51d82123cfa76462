"""The gate in front of the detectors: which of them can fire on a message.

Each detector declares a :class:`Trigger`: the patterns it cannot emit a
signal without matching, the form of the message it reads each in, and any
check no pattern expresses. From the patterns' factors (:mod:`.prefilter`)
the gate keeps, per factor, its rarest run of plain characters (a
*literal*: " how old ", " snap ", ".com"), and merges the literals of every
detector into one trie-shaped expression per *probe*. A message is scanned
once per probe; each literal found names the detectors it stands for, and
only those run. A message holding no literal (nearly every benign one) costs
the scans and the detectors' extra checks.

The probes of a form of the message:

* a *word probe*: the form between two spaces (and the marks ``\\x02`` and
  ``\\x03`` for its start and end), every character that is not a word
  character read as a space and every digit as "0". A word boundary next to
  a letter is then a space: " sc " is the whole word "sc", not "disc";
* for ``plain`` and ``joined``, also the text itself, for literals that hold
  punctuation ("@", ".com", "#"), which the word probe reads as spaces.

The forms hold single spaces only and are stripped, so "\\s+" is one space
and "^\\s*" nothing; ``words`` never holds a letter three times in a row,
so "o+" there is "o" or "oo".

The gate must never skip a detector that would have fired: each step keeps
or weakens a necessary condition, none adds one. ``tests/safety/test_gate.py``
compares gated and ungated results.

Deriving each pattern's literals (:func:`lookup_of`) takes seconds for all
of them, so they are derived once and shipped in ``gate_cache.json``
(:mod:`.gate_cache`); after a change to a pattern, a trigger, this module or
:mod:`.prefilter`, ``python -m passerby.safety.text.rebuild`` writes it
again. Until then the gate derives what the file lacks, at start-up.
"""

from __future__ import annotations

import functools
import math
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import ahocorasick  # type: ignore[import-not-found]

from passerby.core.signals import Signal
from passerby.safety.text import gate_cache
from passerby.safety.text.gate_cache import GateCache, Lookup
from passerby.safety.text.normalise import Folded
from passerby.safety.text.prefilter import (
    Atom,
    Factor,
    chat_odds,
    factor_trie,
    parse,
    witnesses,
)

Detector = Callable[[Folded, list[Signal]], None]


@dataclass(frozen=True, slots=True)
class Trigger:
    """What one detector cannot emit a signal without: a match of one of its
    patterns in the form it reads them in, or ``check`` (for what no pattern
    says, such as a count of digits) returning True."""

    detector: Detector
    plain: Sequence[re.Pattern[str]] = ()
    words: Sequence[re.Pattern[str]] = ()
    joined: Sequence[re.Pattern[str]] = ()
    check: Callable[[Folded], bool] | None = None


class Gate:
    """Picks the detectors that can fire on a message, in their order.

    Args:
        triggers: each detector, in order, with what it cannot fire without.
        cache: where the patterns' lookups are read from; by default the
            file shipped with the package (:mod:`.gate_cache`), which derives
            those it lacks. ``GateCache.empty()`` derives them all.
    """

    __slots__ = ("_checked", "_detectors", "_joined", "_plain", "_plain_joined", "_words")

    def __init__(self, triggers: Sequence[Trigger], cache: GateCache | None = None) -> None:
        cache = cache if cache is not None else gate_cache.shipped()
        self._detectors = [t.detector for t in triggers]
        self._checked = [(i, t.check) for i, t in enumerate(triggers) if t.check is not None]
        started = time.perf_counter()

        def scan(*forms: str) -> _Scan:
            rows = tuple(
                (i, pattern)
                for i, trigger in enumerate(triggers)
                for form in forms
                for pattern in getattr(trigger, form)
            )
            return _scan(rows, cache, words=forms == ("words",))

        self._words = scan("words")
        self._plain = scan("plain")
        self._joined = scan("joined")
        # Most messages hold no apostrophe, and then ``joined`` is ``plain``.
        self._plain_joined = scan("plain", "joined")
        cache.warn_missed(time.perf_counter() - started)

    def select(self, f: Folded) -> list[Detector]:
        plain, joined = f.plain, f.joined
        chosen: set[int] = set()
        self._words.owners(f.words, _probe(f.words), chosen)
        if joined is plain:
            self._plain_joined.owners(plain, _probe(plain), chosen)
        else:
            self._plain.owners(plain, _probe(plain), chosen)
            self._joined.owners(joined, _probe(joined), chosen)
        for i, check in self._checked:
            if i not in chosen and check(f):
                chosen.add(i)
        if not chosen:
            return []  # most messages
        return [self._detectors[i] for i in sorted(chosen)]

    def finds_nothing(self, words_probe: str, plain: str, plain_probe: str) -> bool:
        """Whether :meth:`select` chooses no detector but by its check, for a
        message whose ``joined`` is its ``plain`` (no apostrophe), given its
        ``plain`` form and the word probes of its ``words`` and ``plain``."""
        return self._words.misses(None, words_probe) and self._plain_joined.misses(
            plain, plain_probe
        )


@functools.lru_cache(maxsize=16)
def _scan(rows: tuple[tuple[int, re.Pattern[str]], ...], cache: GateCache, *, words: bool) -> _Scan:
    """The scan of some detectors' patterns. It depends on the patterns
    alone, so analysers share it."""
    derive = functools.partial(lookup_of, words=words)
    table = _Table(words=words)
    for owner, pattern in rows:
        table.add(cache.lookup(pattern, words=words, derive=derive), owner)
    return _Scan(table)


# -- probes ---------------------------------------------------------------------

_START: Final = "\x02"
_END: Final = "\x03"
# In ASCII text: word characters stay, digits read as 0, the rest as spaces.
_ASCII_PROBE: Final = bytes(
    ord("0") if chr(c).isdigit() else c if chr(c).isalnum() or chr(c) == "_" else ord(" ")
    for c in range(128)
) + bytes(range(128, 256))
_NOT_WORD: Final = re.compile(r"[\W]")
_DIGIT: Final = re.compile(r"\d")


def _probe(text: str) -> str:
    """The word probe of one form of a message (see the module docstring)."""
    if text.isascii():
        mapped = text.encode().translate(_ASCII_PROBE).decode()
    else:
        mapped = _NOT_WORD.sub(" ", _DIGIT.sub("0", text))
    return f"{_START} {mapped} {_END}"


def probe_piece(text: str) -> str:
    """The word probe of some ASCII text without its start and end marks:
    what one token is in the probe of the message it is in."""
    return text.encode().translate(_ASCII_PROBE).decode()


def probe_of(pieces: Iterable[str]) -> str:
    """The word probe of the text made of ``pieces`` (see :func:`probe_piece`)
    joined by single spaces."""
    return f"{_START} {' '.join(pieces)} {_END}"


def _phi(ch: str) -> str:
    """What the word probe makes of one character."""
    if _DIGIT.fullmatch(ch):
        return "0"
    return " " if _NOT_WORD.fullmatch(ch) else ch


# -- literals -------------------------------------------------------------------

# A word boundary while a literal is spelled: the probe's space, unless a
# space is already next to it.
_EDGE: Final = "\0"
_BLANK: Final = " " + _EDGE + _START + _END  # a literal of these alone is everywhere
_POSITIONS: Final = {"^": _START + _EDGE, r"\A": _START + _EDGE, "$": _EDGE + _END,
                     r"\Z": _EDGE + _END, r"\b": _EDGE}  # fmt: skip
_STARTS: Final = frozenset({"^", r"\A"})
_ENDS: Final = frozenset({"$", r"\Z"})
_SPACE_UNITS: Final = frozenset({r"\s", r"[\s]", r"\ "})
# Most spellings one literal may have ("n+u+d+e+s+" in ``words`` has 32).
_MAX_SPELLINGS: Final = 64
# A literal this likely (per position) is too weak to look for.
_WEAK: Final = 0.05
# Between a form's word probe and the form as it is, scanned as one text:
# no literal holds it, so none is found across it.
_SEPARATOR: Final = "\x01"


def lookup_of(pattern: re.Pattern[str], *, words: bool) -> Lookup:
    """Derive what to look for in a probe before running ``pattern``, read
    in ``words`` or in another form. Slow (milliseconds to a second per
    pattern): :mod:`.gate_cache` keeps the result.

    A pattern cannot match unless every one of its witnesses (see
    :func:`.prefilter.witnesses`) does, and a witness cannot unless one of
    its literals is in the probe. The rarest witness is the pattern's *key*:
    only when one of its literals is found are the others checked.
    """
    clauses = []
    for factor_set in witnesses(pattern):
        literals = _literals(factor_set, words=words)
        if literals is not None:
            clauses.append(literals)
    if not clauses:
        # Nothing to look for: the pattern's factors (or, with none, an
        # empty one: always) are searched in the form as they are.
        found = witnesses(pattern)
        factor_set = found[0] if found else frozenset({()})
        return Lookup(searched=frozenset(_unbound(f) for f in factor_set))
    # fsum: the same total in any order, so the same key in every process.
    clauses.sort(key=lambda literals: math.fsum(map(_odds, literals)))
    key, *others = clauses
    return Lookup(key=key, others=tuple(others))


class _Table:
    """The lookups of one probe's patterns, merged: per key literal, the
    detectors it stands for and their other witnesses' literals."""

    def __init__(self, *, words: bool) -> None:
        self.words = words
        self.keys: dict[str, list[tuple[int, tuple[frozenset[str], ...]]]] = {}
        self.whole: dict[int, set[Factor]] = {}

    def add(self, lookup: Lookup, owner: int) -> None:
        if not lookup.key:
            self.whole.setdefault(owner, set()).update(lookup.searched)
            return
        row = (owner, lookup.others)
        keys = self.keys
        for literal in lookup.key:
            keys.setdefault(literal, []).append(row)


def _literals(factor_set: frozenset[Factor], *, words: bool) -> frozenset[str] | None:
    """One literal per factor (its rarest run, in every spelling); None if
    some factor has none worth looking for."""
    found: set[str] = set()
    for factor in factor_set:
        usable = [
            (math.fsum(map(_odds, run)), run)
            for run in _factor_runs(factor, words=words)
            if not any(map(_number, run))
        ]
        odds, best = min(usable, key=lambda row: row[0], default=(1.0, frozenset()))
        if odds >= _WEAK:
            return None
        found |= best
    return frozenset(found)


def _factor_runs(factor: Factor, *, words: bool) -> list[frozenset[str]]:
    runs = _runs(factor, words=words, raw=False)
    if not words:
        runs += _runs(factor, words=False, raw=True)
    return runs


def _number(literal: str) -> bool:
    """A literal that only says "a number": too common to look for."""
    return not literal.strip(_BLANK + "0")


def _unbound(factor: Factor) -> Factor:
    """Without a leading word boundary, which would make the engine try every
    position: a weaker factor, but one it scans for quickly."""
    return factor[1:] if factor and factor[0].source == r"\b" else factor


def _runs(factor: Factor, *, words: bool, raw: bool) -> list[frozenset[str]]:
    """The factor's runs of plain steps, each spelled in all its ways."""
    runs: list[set[str]] = []
    run = {""}
    for index, atom in enumerate(factor):
        if not atom.width:
            mark = "" if raw else _POSITIONS.get(atom.source, "")
            run = {spelling + mark for spelling in run}
            continue
        if _empty(factor, index):
            continue
        options = _options(atom, words=words, raw=raw)
        if options is None:
            runs.append(run)
            run = {""}
            continue
        spellings, ends_open = options
        grown = {a + b for a in run for b in spellings}
        if len(grown) > _MAX_SPELLINGS:
            runs.append(run)
            grown = set(spellings)
        run = grown
        if ends_open:
            # "x+": a run may end after the first x, and the next one
            # start with the last.
            runs.append(run)
            run = {next(iter(spellings))[-1]}
    runs.append(run)
    spelled = [{_spell(s) for s in r} for r in runs]
    if raw:
        spelled = [{_from_punctuation(s) for s in r} for r in spelled]
    return [frozenset(r) for r in spelled if all(s.strip(_BLANK) for s in r)]


def _empty(factor: Factor, index: int) -> bool:
    """ "\\s*" or "\\s?" next to the start or the end of a stripped form."""
    atom = factor[index]
    if atom.low != 0 or atom.unit not in _SPACE_UNITS:
        return False
    before = factor[index - 1].source if index > 0 else ""
    after = factor[index + 1].source if index + 1 < len(factor) else ""
    return before in _STARTS or after in _ENDS


def _options(atom: Atom, *, words: bool, raw: bool) -> tuple[set[str], bool] | None:
    """The probe strings ``atom`` can match, and whether it may run on past
    them; None when it can match too many."""
    found = (_raw_char if raw else _words_char if words else _probe_char)(atom.unit)
    if found is None:
        return None
    ch, space = found
    low, high = atom.low, atom.high
    if space:
        high = min(high, 1) if high != -1 else 1  # single spaces only
        low = min(low, high)
    elif words and ch.isalpha() and (high == -1 or high > 2):
        high = max(low, 2)  # ``words`` never repeats a letter three times
    if high == -1 or high - low > 2:
        if low == 0:
            return None
        return {ch * low}, True
    return {ch * n for n in range(low, high + 1)}, False


@functools.cache
def _words_char(unit: str) -> tuple[str, bool] | None:
    """The one word-probe character ``unit`` matches in ``words``, which
    holds letters, digits, spaces and "?"; and whether it is a real space."""
    matcher = re.compile(unit)
    matched = [ch for ch in "abcdefghijklmnopqrstuvwxyz0123456789 ?" if matcher.fullmatch(ch)]
    probe = {_phi(ch) for ch in matched}
    if len(probe) != 1:
        return None
    return probe.pop(), matched == [" "]


@functools.cache
def _probe_char(unit: str) -> tuple[str, bool] | None:
    """The one word-probe character ``unit`` matches in ``plain``, whose
    characters can be anything."""
    if unit in _SPACE_UNITS:
        return " ", True  # the form's only white space
    image = _image(parse(unit))
    if image is None or len(image) != 1:
        return None
    return image.pop(), False


def _image(nodes: Any) -> set[str] | None:
    """What the word probe makes of the characters a one-character node
    matches, when that can be told without listing Unicode."""
    if len(nodes) != 1:
        return None
    op, arg = nodes[0]
    if op.name == "LITERAL":
        return {_phi(chr(arg))}
    if op.name != "IN":
        return None
    image: set[str] = set()
    for item, value in arg:
        if item.name == "LITERAL":
            image.add(_phi(chr(value)))
        elif item.name == "RANGE" and value[1] < 128:
            image |= {_phi(chr(c)) for c in range(value[0], value[1] + 1)}
        elif item.name == "CATEGORY" and value.name in ("CATEGORY_SPACE", "CATEGORY_DIGIT"):
            image.add(" " if value.name == "CATEGORY_SPACE" else "0")
        else:
            return None  # negated, or a category of many kinds
    return image


@functools.cache
def _raw_char(unit: str) -> tuple[str, bool] | None:
    """The one character ``unit`` matches in a form read as it is."""
    if unit in _SPACE_UNITS:
        return " ", True
    nodes = parse(unit)
    if len(nodes) == 1 and nodes[0][0].name == "LITERAL":
        return chr(nodes[0][1]), False
    return None


def _spell(spelling: str) -> str:
    """Turn each boundary of a word-probe literal into the probe's space."""
    if _EDGE not in spelling:
        return spelling
    out: list[str] = []
    for i, ch in enumerate(spelling):
        after = spelling[i + 1 : i + 2]
        if ch != _EDGE:
            out.append(ch)
        elif (out and out[-1] == _END) or after == _START:
            continue  # beyond the probe's end or before its start: nothing there
        elif (not out or out[-1] != " ") and after not in (" ", _EDGE):
            out.append(" ")
    return "".join(out)


def _from_punctuation(spelling: str) -> str:
    """A literal read as it is, from its first punctuation on ("y/o" → "/o"):
    words are better looked for in the word probe."""
    for i, ch in enumerate(spelling):
        if ch != " " and _NOT_WORD.fullmatch(ch):
            return spelling[i:]
    return ""


@functools.cache
def _odds(literal: str) -> float:
    """How likely ``literal`` is at a given position of a probe."""
    if _START in literal or _END in literal:
        # One place in a message.
        return 0.03 * chat_odds(literal.replace(_START, "").replace(_END, ""))
    return chat_odds(literal)


# -- scanning -------------------------------------------------------------------


class _Scan:
    """Finds the literals of a table in a message: the keys in one pass, and
    the other witnesses' literals only when a key is found."""

    __slots__ = ("_keys", "_marks", "_others", "_raw", "_rows", "_whole")

    def __init__(self, table: _Table) -> None:
        self._rows = table.keys
        self._raw = not table.words  # literals of punctuation, read in the form itself
        self._marks = _marks(table.keys) if self._raw else None
        # Each pattern's clauses once (its rows share one tuple), not once
        # per key literal.
        clause_sets = {id(c): c for rows in table.keys.values() for _, c in rows}
        others: set[str] = set()
        for clauses in clause_sets.values():
            others.update(*clauses)
        self._keys = _automaton(table.keys)
        self._others = _automaton(others)
        # Searched as they are; those pinned to the start only tried there.
        self._whole: list[tuple[int, Callable[[str], object]]] = []
        for owner, found in sorted(table.whole.items()):
            pinned = [f for f in found if f and f[0].source in ("^", r"\A")]
            loose = [f for f in found if not (f and f[0].source in ("^", r"\A"))]
            if pinned:
                self._whole.append((owner, factor_trie(pinned).match))
            if loose:
                self._whole.append((owner, _searcher(loose)))

    def owners(self, text: str, probe: str, found: set[int]) -> None:
        """Add to ``found`` the detectors whose patterns may match ``text``,
        whose word probe is ``probe``."""
        keys = set(map(_literal, self._keys.iter(self._key_haystack(text, probe))))
        if keys:
            seen: set[str] | None = None
            for literal in keys:
                for owner, clauses in self._rows[literal]:
                    if owner in found:
                        continue
                    if clauses and seen is None:
                        haystack = f"{probe}{_SEPARATOR}{text}" if self._raw else probe
                        seen = set(map(_literal, self._others.iter(haystack)))
                    if all(not clause.isdisjoint(seen or ()) for clause in clauses):
                        found.add(owner)
        for owner, matches in self._whole:
            if owner not in found and matches(text):
                found.add(owner)

    def misses(self, text: str | None, probe: str) -> bool:
        """Whether :meth:`owners` would find no owner at all. ``text`` may be
        None where only the probe is read (False if more is needed)."""
        if text is None:
            if self._raw or self._whole:
                return False
            haystack = probe
        else:
            haystack = self._key_haystack(text, probe)
        for _ in self._keys.iter(haystack):
            return False  # a key: its owner may still be found
        return text is None or not any(matches(text) for _, matches in self._whole)

    def _key_haystack(self, text: str, probe: str) -> str:
        """Where to look for the keys: the probe, and the form itself after
        it when literals of punctuation are read there. The keys found in the
        form but not in its probe are those holding a mark, and only a text
        holding a mark can hold them."""
        marks = self._marks
        if self._raw and (marks is None or marks(text)):
            return f"{probe}{_SEPARATOR}{text}"
        return probe


def _literal(hit: tuple[int, str]) -> str:
    """The literal of one hit of an automaton (its end, its literal)."""
    return hit[1]


def _marks(literals: Iterable[str]) -> Callable[[str], bool] | None:
    """Whether a form holds what it must for a literal to be in it but not
    in its word probe: a character the probe changes ("@", ".", the start
    mark). Where a literal holds none, the probe shows it at the same place.
    None when only the whole haystack tells (a literal holding the
    separator)."""
    chars: set[str] = set()
    for literal in literals:
        if _SEPARATOR in literal:
            return None
        chars.update(literal)
    found = {ch for ch in chars if _phi(ch) != ch}
    if not found:
        return _never  # the probe shows every literal
    return _holds("[" + "".join(map(re.escape, sorted(found))) + "]")


def _never(text: str) -> bool:
    return False


def _searcher(found: list[Factor]) -> Callable[[str], object]:
    """Search for any of ``found``, first (when each starts with a character)
    for one of those first characters: where there is none, as in most chat
    for a digit, a quick scan of the text answers."""
    search = factor_trie(found).search
    if not all(f and f[0].width and f[0].low >= 1 for f in found):
        return search
    starts = _holds("|".join(sorted({f[0].unit for f in found})))

    def starts_then_search(text: str) -> bool:
        return starts(text) and search(text) is not None

    return starts_then_search


def _holds(unit: str) -> Callable[[str], bool]:
    """Whether a text holds a character that ``unit`` (an expression of one
    character) matches. ASCII text, most chat, is checked on its bytes,
    several times faster than the expression scans it."""
    pattern = re.compile(unit)
    ascii_matched = bytes(c for c in range(128) if pattern.fullmatch(chr(c)))

    def holds(text: str) -> bool:
        if text.isascii():
            encoded = text.encode()
            return len(encoded.translate(None, ascii_matched)) != len(encoded)
        return pattern.search(text) is not None

    return holds


def _automaton(literals: Iterable[str]) -> Any:
    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    if not len(automaton):
        return _Nothing()  # an empty automaton refuses to be searched
    automaton.make_automaton()
    return automaton


class _Nothing:
    """The automaton of no literal: finds nothing."""

    def iter(self, haystack: str) -> Iterable[tuple[int, str]]:
        return ()
