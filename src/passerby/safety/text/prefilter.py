"""Exact prefilters: short expressions a regular expression cannot match without.

A detector runs a dozen regular expressions over each message, and nearly
every message matches none of them. This module reads an expression's syntax
tree (``re._parser``, the parser ``re.compile`` itself uses) and derives its
*factors*: a few short expressions such that every match of the original
contains a match of one of them at the same place. ``\\bhow\\s+old\\s+r\\s+u\\b``
cannot match without ``\\bhow\\s+old\\s+r\\s+u\\b`` itself (it is short enough to
keep whole); ``\\b(?:send|show)\\b[^.?!]{0,25}?\\bpics?\\b`` cannot match without
``\\bsend\\b``, ``\\bshow\\b`` or ``\\bpics?\\b``, whichever is rarer. The factors
of many expressions merge into one trie-shaped alternation that Python's own
engine scans in about a microsecond, so a message that matches none of it is
proven to match none of the expressions, and the detectors reading them can
be skipped.

The derivation only ever *drops* constraints, never adds one: a look-around
is ignored, and so is what makes a group atomic or a repeat possessive (both
only rule matches out); a gap (``.*``, ``[^.?!]{0,25}``, a repeated group)
splits the expression into pieces of which one is kept; and an expression it
cannot reduce has no factors (``None``: it must always run). A factor may match
where the expression does not; that costs a detector run, never a signal.
The factors are matched by the same engine on the same text, so ``\\b``,
``\\d`` and ``\\s`` keep their Unicode meaning.

Which pieces to keep is a guess at how often each occurs in chat (letter
frequencies, digits rare): it changes how often the prefilter says "maybe",
never whether it is right.
"""

from __future__ import annotations

import functools
import importlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

# ``re._parser`` has no type stubs (``sre_parse``, which has, warns that it
# is deprecated); its trees are tuples of named integer constants and lists.
_parser: Any = importlib.import_module("re._parser")

# Exact alternatives kept before a node is reduced to its pieces: enough for
# "one of 40 app names" or "one of 70 domains", small enough that cross
# products stay cheap to build.
_MAX_EXACT: Final = 4000
# Witnesses kept besides the main one.
_MAX_ALSO: Final = 2


class Atom(NamedTuple):
    """One step of a factor: a character, a run of one kind of character, or
    a position (``\\b``, ``^``), as regular-expression source."""

    source: str
    odds: float  # how likely a position in chat is to match it (1.0 for positions)
    width: bool  # False for zero-width positions
    unit: str = ""  # the one-character expression repeated (positions: "")
    low: int = 1  # how many times, at least
    high: int = 1  # and at most (-1: no limit)


Factor = tuple[Atom, ...]
Factors = frozenset[Factor]

# How common each character is in chat, per position: English letter
# frequencies for three quarters of the text, a space in six, digits and
# punctuation rare. Only the ranking of candidate factors depends on it.
_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"
_LETTER_ODDS = (12.0, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3, 4.0, 2.8, 2.8, 2.4, 2.4,
                2.2, 2.0, 2.0, 1.9, 1.5, 1.0, 0.8, 0.2, 0.2, 0.1, 0.1)  # fmt: skip
_CHAR_ODDS: Final = {
    **{ch: 0.0075 * odds for ch, odds in zip(_LETTERS, _LETTER_ODDS, strict=True)},
    " ": 0.17,
    **dict.fromkeys("0123456789", 0.004),
    **dict.fromkeys(".,?!'", 0.006),
}
_OTHER_ODDS: Final = 0.0005  # any other printable character
_SAMPLE: Final = "".join(chr(c) for c in range(32, 127))
# A zero-width position narrows a factor down, but alone matches anywhere.
_POSITION_ODDS: Final = {"^": 0.05, "$": 0.05, r"\A": 0.05, r"\Z": 0.05, r"\b": 0.5}
_ANCHORS: Final = frozenset({"^", "$", r"\A", r"\Z"})
# An atom this likely matches nearly every text: no use as a witness.
_BROAD: Final = 0.5

_CATEGORIES: Final = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
_POSITIONS: Final = {
    "AT_BEGINNING": "^",
    "AT_BEGINNING_STRING": r"\A",
    "AT_END": "$",
    "AT_END_STRING": r"\Z",
    "AT_BOUNDARY": r"\b",
    "AT_NON_BOUNDARY": r"\B",
}


@dataclass(frozen=True, slots=True)
class _Info:
    """What is known of the texts a node of the tree matches.

    ``exact``: every match is matched, whole, by one of these; ``prefix`` /
    ``suffix``: every match starts / ends with a match of one of these;
    ``need``: every match contains a match of one of these. None: unknown.
    ``also``: more sets of which every match contains one match each (the
    other witnesses of a sequence: "im" and, elsewhere, a number).
    """

    exact: Factors | None
    prefix: Factors | None
    suffix: Factors | None
    need: Factors | None
    also: tuple[Factors, ...] = ()

    @classmethod
    def of(cls, exact: Factors) -> _Info:
        return cls(exact, exact, exact, exact)


_UNKNOWN: Final = _Info(None, None, None, None)
_EMPTY: Final = _Info.of(frozenset({()}))  # matches the empty string only


@functools.lru_cache(maxsize=1024)
def parse(source: str) -> Any:
    """The syntax tree of an expression, as ``re.compile`` sees it."""
    return _parser.parse(source)


@functools.lru_cache(maxsize=1024)
def factors(pattern: re.Pattern[str]) -> Factors | None:
    """Factors of ``pattern``: one of them matches inside every match of it.

    None when nothing useful is known (the pattern must always be run). An
    empty set means the pattern can never match.
    """
    found = witnesses(pattern)
    return found[0] if found else None


@functools.lru_cache(maxsize=1024)
def witnesses(pattern: re.Pattern[str]) -> tuple[Factors, ...]:
    """Sets of factors every match of ``pattern`` contains one of each of,
    the rarest first; empty when nothing useful is known."""
    if pattern.flags & ~re.UNICODE:
        return ()  # flags would change what the factors mean
    info = _sequence(_parser.parse(pattern.pattern))
    if info.exact is not None:
        found: tuple[Factors, ...] = (info.exact,)
    elif info.need is not None:
        found = (info.need, *info.also)
    else:
        return ()
    kept = []
    for factor_set in found:
        trimmed = frozenset(_trim(factor) for factor in factor_set)
        if not any(_odds(factor) >= 1.0 for factor in trimmed):
            kept.append(_minimal(trimmed))  # else: matches nearly anything
    return tuple(kept)


def factor_regex(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One expression that matches somewhere in every text that any of
    ``patterns`` matches in; None when one of them has no factors."""
    found: set[Factor] = set()
    for pattern in patterns:
        own = factors(pattern)
        if own is None:
            return None
        found |= own
    if not found:
        return re.compile(r"(?!)")  # none of them can match
    return re.compile(_trie(sorted(_minimal(frozenset(found)))))


# -- the tree walk ------------------------------------------------------------


def _sequence(nodes: Iterable[tuple[Any, Any]]) -> _Info:
    info = _EMPTY
    for op, arg in nodes:
        info = _concat(info, _node(op.name, arg))
    return info


def _node(name: str, arg: Any) -> _Info:
    if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
        atom = _char(name, arg)
        return _UNKNOWN if atom is None else _Info.of(frozenset({(atom,)}))
    if name == "AT":
        source = _POSITIONS.get(arg.name)
        if source is None:
            return _UNKNOWN
        return _Info.of(frozenset({(Atom(source, _POSITION_ODDS.get(source, 1.0), False),)}))
    if name in ("ASSERT", "ASSERT_NOT"):
        return _EMPTY  # a look-around only narrows; dropping it is safe
    if name == "SUBPATTERN":
        _group, add_flags, del_flags, body = arg
        return _UNKNOWN if add_flags or del_flags else _sequence(body)
    if name == "ATOMIC_GROUP":
        return _sequence(arg)  # matches less than the group would: still a witness
    if name == "BRANCH":
        return _branch([_sequence(body) for body in arg[1]])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = arg
        return _repeat(low, high, body)
    return _UNKNOWN  # back-references, conditionals


def _char(name: str, arg: Any) -> Atom | None:
    """A node that matches exactly one character, as an atom."""
    if name == "LITERAL":
        source = re.escape(chr(arg))
    elif name == "NOT_LITERAL":
        source = f"[^{re.escape(chr(arg))}]"
    elif name == "ANY":
        source = "."
    else:
        parts: list[str] = []
        for op, value in arg:
            if op.name == "NEGATE":
                parts.insert(0, "^")
            elif op.name == "LITERAL":
                parts.append(re.escape(chr(value)))
            elif op.name == "RANGE":
                parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif op.name == "CATEGORY" and value.name in _CATEGORIES:
                parts.append(_CATEGORIES[value.name])
            else:
                return None
        bare = len(parts) == 1 and parts[0] in _CATEGORIES.values()
        source = parts[0] if bare else f"[{''.join(parts)}]"
    return Atom(source, _char_odds(source), True, source)


@functools.cache
def _char_odds(source: str) -> float:
    matcher = re.compile(source)
    return min(1.0, sum(_CHAR_ODDS.get(ch, _OTHER_ODDS) for ch in _SAMPLE if matcher.fullmatch(ch)))


def _repeat(low: int, high: int, body: Any) -> _Info:
    if len(body) == 1 and body[0][0].name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
        # A run of one kind of character stays one atom ("\s+", "[a-z]{2,}").
        atom = _char(body[0][0].name, body[0][1])
        if atom is None:
            return _UNKNOWN
        top = "" if high == _parser.MAXREPEAT else str(high)
        count = {(0, ""): "*", (1, ""): "+", (0, "1"): "?"}.get((low, top), f"{{{low},{top}}}")
        odds = 1.0 if low == 0 else atom.odds**low
        run = Atom(atom.source + count, odds, True, atom.source, low, -1 if top == "" else high)
        return _Info.of(frozenset({(run,)}))
    inner = _sequence(body)
    if inner.exact is not None and high <= 3:
        # "(?:ab)?" or "(?:x|y){1,2}": spell out each count.
        exact: Factors | None = frozenset({()}) if low == 0 else None
        power: Factors | None = frozenset({()})
        for times in range(1, high + 1):
            power = _product(power, inner.exact)
            if times >= low:
                exact = _union(exact, power) if exact is not None else power
        if exact is not None and len(exact) <= _MAX_EXACT:
            return _Info.of(exact)
    if low == 0:
        return _UNKNOWN  # may match nothing at all
    # One or more: starts like the first, ends like the last, holds the first.
    return _Info(None, _prefix(inner), _suffix(inner), _need(inner), inner.also)


def _branch(options: list[_Info]) -> _Info:
    def union(parts: list[Factors | None], limit: float) -> Factors | None:
        total: set[Factor] = set()
        for part in parts:
            if part is None or len(total) + len(part) > limit:
                return None
            total |= part
        return frozenset(total)

    # Only exact sets are multiplied out later; the others grow by addition.
    return _Info(
        union([o.exact for o in options], _MAX_EXACT),
        union([_prefix(o) for o in options], _MAX_EXACT),
        union([_suffix(o) for o in options], _MAX_EXACT),
        union([_need(o) for o in options], float("inf")),
    )


def _concat(left: _Info, right: _Info) -> _Info:
    exact = _product(left.exact, right.exact)
    if exact is not None:
        return _Info.of(exact)
    prefix: Factors | None
    suffix: Factors | None
    if left.exact is not None:
        prefix = _product(left.exact, _prefix(right)) or left.exact
    else:
        prefix = left.prefix
    if right.exact is not None:
        suffix = _product(_suffix(left), right.exact) or right.exact
    else:
        suffix = right.suffix
    # The join of the two is as much a witness as either side; all of them
    # are needed, the rarest is the main one.
    candidates = [_need(left), _need(right), _join(_suffix(left), _prefix(right))]
    candidates += [*left.also, *right.also]
    ranked = sorted((c for c in candidates if c is not None), key=_set_odds)
    if not ranked:
        return _Info(None, prefix, suffix, None)
    return _Info(None, prefix, suffix, ranked[0], tuple(ranked[1 : 1 + _MAX_ALSO]))


def _join(ends: Factors | None, starts: Factors | None) -> Factors | None:
    """Each way of ending the left side followed by each way of starting the
    right one; when there are too many, shorter ends and starts still
    witness the join: the last word of each end (with what comes before it),
    the first word of each start, then the last and first few steps."""
    if ends is None or starts is None:
        return None
    for keep in (None, 0, 4, 3, 2, 1):
        joined = _product(
            frozenset(_tail(end, keep) for end in ends),
            frozenset(_head(start, keep) for start in starts),
        )
        if joined is not None:
            return joined
    return None


def _tail(factor: Factor, keep: int | None) -> Factor:
    if keep is None:
        return factor
    if keep:
        return factor[-keep:]
    # From the step before the last word: "\\s+fifteen\\s?" of "im\\s+fifteen\\s?".
    chars = [i for i, atom in enumerate(factor) if _is_char(atom)]
    last = chars[-1] if chars else len(factor)
    cut = max((i for i in range(last) if not _is_char(factor[i])), default=0)
    return factor[cut:]


def _head(factor: Factor, keep: int | None) -> Factor:
    if keep is None:
        return factor
    if keep:
        return factor[:keep]
    chars = [i for i, atom in enumerate(factor) if _is_char(atom)]
    first = chars[0] if chars else -1
    cut = min(
        (i for i in range(first + 1, len(factor)) if not _is_char(factor[i])), default=len(factor)
    )
    return factor[: cut + 1]


def _is_char(atom: Atom) -> bool:
    """One given character ("a", not "[ab]", "a+" or a position)."""
    return (
        atom.width
        and atom.low == atom.high == 1
        and len(parse(atom.unit)) == 1
        and (parse(atom.unit)[0][0].name == "LITERAL")
    )


def _prefix(info: _Info) -> Factors | None:
    return info.exact if info.exact is not None else info.prefix


def _suffix(info: _Info) -> Factors | None:
    return info.exact if info.exact is not None else info.suffix


def _need(info: _Info) -> Factors | None:
    return info.exact if info.exact is not None else info.need


def _product(left: Factors | None, right: Factors | None) -> Factors | None:
    if left is None or right is None or len(left) * len(right) > _MAX_EXACT:
        return None
    return frozenset(a + b for a in left for b in right)


def _union(left: Factors | None, right: Factors | None) -> Factors | None:
    if left is None or right is None:
        return None
    total = left | right
    return total if len(total) <= _MAX_EXACT else None


# -- choosing and merging factors ----------------------------------------------


def _odds(factor: Factor) -> float:
    """How likely the factor is to match at a given position (1.0: always).
    Runs of given characters are judged as chat text ("you" is common)."""
    if not any(atom.width and atom.odds < 1.0 for atom in factor):
        return 1.0
    odds = 1.0
    run = ""
    for atom in factor:
        if _is_char(atom) or (atom.unit in (r"\s", r"\ ") and atom.low == 1):
            run += " " if atom.unit == r"\s" else re.sub(r"\\(.)", r"\1", atom.unit)
            continue
        if run:
            odds *= chat_odds(run)
            run = ""
        odds *= atom.odds
    return odds * chat_odds(run) if run else odds


def text_odds(text: str) -> float:
    """How likely ``text`` is to start at a given position in chat, by the
    frequencies of its characters."""
    odds = 1.0
    for ch in text:
        odds *= _CHAR_ODDS.get(ch, _OTHER_ODDS)
    return odds


# Common chat words: letter frequencies alone take "you" for a rare word.
# Each occurrence of a piece of text here counts as this likely.
_COMMON_WORDS: Final = """
the be to of and a in that have i it for not on with he as you do at this but his by from
they we say her she or an will my one all would there their what so up out if about who get
which go me when make can like time no just him know take people into year your good some could
them see other than then now look only come its over think also back after use two how our work
first well way even new want because any these give day most us is are was were am im i'm u ur
r ya yeah yes yep nope ok okay lol haha hahaha lmao omg idk tbh btw hi hey hello sup bye thanks
thank please pls sure cool nice great awesome really very much too same here still going doing
got had did does been being love like play game games music movie movies school home friend
friends right thing things something anything nothing talk chat tell said feel mean wanna gonna
gotta pretty bad happy sad tired bored fun funny weird old little big long best better name live
where why who whats hows anyone someone everyone never always maybe today tonight tomorrow week
weekend night morning watch watching read reading book books food eat eating dinner lunch dog cat
pet pets job class exam study sleep bed phone app online favourite favorite
"""
_REFERENCE: Final = f" {' '.join(_COMMON_WORDS.split())} "
_REFERENCE_WEIGHT: Final = 10 / len(_REFERENCE)


@functools.cache
def chat_odds(text: str) -> float:
    """How likely ``text`` is at a given position of a chat message: by its
    characters, or by how many common words hold it, whichever says more.
    Spaces stand for word boundaries."""
    odds = 1.0
    for piece in re.findall(r" ?[^ ]+ ?", text) or [text]:
        odds *= max(text_odds(piece), _REFERENCE.count(piece) * _REFERENCE_WEIGHT)
    return odds


def _set_odds(found: Factors) -> float:
    # fsum: the same total in any order of the set, so the same ranking in
    # every process (the gate's shipped lookups must be reproducible).
    return math.fsum(_odds(factor) for factor in found)


def _trim(factor: Factor) -> Factor:
    """Drop broad atoms ("[a-z0-9\\-]{1,62}", "\\s*") and the positions
    around them from both ends: a shorter factor is still a witness, and one
    that starts with a literal is cheaper to scan for. An anchor ("^", "$")
    stays, and so does everything between it and the narrow atoms: it pins
    the factor to one place, which is cheaper still."""
    narrow = [i for i, atom in enumerate(factor) if atom.width and atom.odds < _BROAD]
    if not narrow:
        return factor
    start, end = narrow[0], narrow[-1] + 1
    if any(atom.source in _ANCHORS for atom in factor[:start]):
        start = 0
    else:
        while start > 0 and not factor[start - 1].width:
            start -= 1  # keep a position ("\\b") right before the first narrow atom
    if any(atom.source in _ANCHORS for atom in factor[end:]):
        end = len(factor)
    else:
        while end < len(factor) and not factor[end].width:
            end += 1
    return factor[start:end]


def _minimal(found: Factors) -> Factors:
    """Drop factors that start with another factor: the shorter one matches
    wherever the longer does. Sorted, a factor's extensions follow it."""
    kept: list[Factor] = []
    for factor in sorted(found, key=_sources):
        if not kept or _sources(factor)[: len(kept[-1])] != _sources(kept[-1]):
            kept.append(factor)
    return frozenset(kept)


def _sources(factor: Factor) -> tuple[str, ...]:
    return tuple(atom.source for atom in factor)


def factor_trie(found: Iterable[Factor]) -> re.Pattern[str]:
    """One expression matching where any of ``found`` does."""
    return re.compile(_trie(sorted(_minimal(frozenset(found)), key=_sources)))


def _trie(found: list[Factor]) -> str:
    """One alternation of ``found`` that shares common beginnings, so the
    engine tests each position against a handful of first atoms instead of
    every factor. ``found`` holds no factor that starts with another."""
    groups: dict[str, list[Factor]] = {}
    for factor in found:
        groups.setdefault(factor[0].source, []).append(factor[1:])
    options = []
    for source, rests in groups.items():
        if rests == [()]:
            options.append(source)
        else:
            options.append(source + _trie([rest for rest in rests if rest]))
    return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
