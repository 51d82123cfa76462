"""Folding chat text so that obfuscated words look like their plain selves.

People who want to slip a phone number or an app name past a filter write
"5n@pch4t", "s n a p", "ѕnар" (Cyrillic), "five five five one two…" or pad
words with zero-width characters. :func:`fold` undoes the common tricks once
per message and returns three forms, because no single form suits every
detector:

``plain``
    NFKC, casefolded, accents and zero-width characters removed, Cyrillic and
    Greek look-alikes mapped to Latin, white space collapsed. Digits and
    punctuation are kept: ages ("14f"), e-mail addresses and links live here.
``words``
    ``plain`` with leetspeak folded inside tokens that hold a letter
    ("sn4pch4t" → "snapchat", but "14" stays "14"), apostrophes dropped
    ("i'm" → "im"), punctuation other than "?" turned into spaces (a question
    mark is a cue: "age?", "snap?"), runs of single
    letters joined ("s.n.a.p", "s n a p c h a t" → "snap", "snapchat") and
    letters repeated three times or more cut to two ("hiiiii" → "hii").
    Keyword detectors (apps, insults, secrecy) match here.
``digits``
    ``plain`` with runs of spelled-out digits turned into digits ("five five
    five one" → "5 5 5 1") and look-alike letters between digits read as
    digits ("555 O1l2" → "555 0112"). Phone numbers are found here.

This module must stay pure and cheap: it runs on every message on the event
loop, so it compiles its tables once at import and never allocates more than
a few strings per call. ASCII text is folded token by token, and what each
distinct token folds to is remembered in a bounded memo (:mod:`.memo`); the
memo only saves work, it never changes a form.

Every step must cost time in proportion to the message's length, whatever
the message: no expression here may try a stretch of text in more than a
bounded number of ways. Two kinds do: one tried from every character of a
run that reads to the run's end each time ("[\\w@$]*[a-z]" on "_1_1_1…"),
and one that can cut a run into items in many ways ("(?:\\d+ ?)+x").
``tests/safety/test_text_linear.py`` times each step on adversarial text at
two lengths.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, NamedTuple

from passerby.safety.text.memo import TokenMemo

# Characters that render as nothing; people paste them inside words to split
# them for filters ("sna\u200bp").
_INVISIBLE: Final = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u3164\ufeff\uffa0"
)

# Lower-case Cyrillic and Greek letters that look like Latin ones. Applied
# after casefold, so only the lower-case forms are needed.
_HOMOGLYPHS: Final = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "н": "h",
    "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "о": "o", "р": "p", "ԛ": "q",
    "г": "r", "ѕ": "s", "т": "t", "у": "y", "ў": "y", "х": "x", "ѡ": "w", "ԝ": "w",
    "п": "n", "ь": "b", "з": "3", "ч": "4", "ѵ": "v",
    # Greek
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "η": "n", "ι": "i", "κ": "k",
    "μ": "u", "ν": "v", "ο": "o", "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "u",
    "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j",
    # Typographic apostrophes, so "i’m" reads as "i'm"
    "’": "'", "‘": "'", "ʼ": "'", "´": "'",
    # Latin oddities that NFKC leaves alone
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ß": "ss", "æ": "ae",
    "œ": "oe", "ɡ": "g", "ɑ": "a", "ʀ": "r", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d",
    "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m",
    "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ꞯ": "q", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v",
    "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
}  # fmt: skip

_TABLE: Final = str.maketrans({**dict.fromkeys(_INVISIBLE), **_HOMOGLYPHS})


# Unicode's own limit on combining marks in a row ("stream-safe text", UAX
# #15): no language needs more. Normalising sorts a run of marks by
# insertion, one swap at a time, so 2,000 marks of alternating classes cost
# milliseconds. After every 30 marks of a longer run, a combining grapheme
# joiner (U+034F, removed with the other invisible characters) ends the run:
# the marks past it are normalised apart from the others, which changes
# nothing once the marks are stripped.
_MAX_MARKS: Final = 30
# No combining mark lies above this code point (``tests/safety/
# test_text_linear.py`` checks every code point the running Python knows).
_LAST_MARK: Final = 0x1FFFF


def _mark_ranges() -> list[tuple[int, int]]:
    """The code point ranges of the characters that decompose to combining
    marks alone (Unicode's non-starters): a run of them is what normalising
    sorts."""
    chars = "".join(map(chr, range(0x300, _LAST_MARK + 1)))
    candidates = [  # C-level maps: a Python test per code point takes 0.1 s
        ch
        for ch, combining, decomposition in zip(
            chars,
            map(unicodedata.combining, chars),
            map(unicodedata.decomposition, chars),
            strict=True,
        )
        if combining or decomposition
    ]
    ranges: list[tuple[int, int]] = []
    for ch in candidates:
        if all(map(unicodedata.combining, unicodedata.normalize("NFKD", ch))):
            code = ord(ch)
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


def _class(ranges: list[tuple[int, int]]) -> str:
    return (
        "["
        + "".join(
            re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high)))
            for low, high in ranges
        )
        + "]"
    )


def _long_run(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    """``_MAX_MARKS`` of ``ranges``, and one more after them."""
    marks = _class(ranges)
    return re.compile(f"{marks}{{{_MAX_MARKS}}}(?={marks})")


_MARK_RANGES: Final = _mark_ranges()
_LONG_MARKS = _long_run(_MARK_RANGES)
# The same for text with no character from U+10000 to the last mark: a class
# holding characters past U+FFFF makes the engine test each character
# against a list of ranges, ten times slower than against the table it
# builds for the others, and nearly all chat holds none there.
_LONG_BMP_MARKS = _long_run(
    [(low, min(high, 0xFFFF)) for low, high in _MARK_RANGES if low <= 0xFFFF]
)
_PAST_BMP = re.compile(_class([(0x10000, max(0x10000, _MARK_RANGES[-1][1]))]))


def _cut_long_marks(text: str) -> str:
    """``text`` with a combining grapheme joiner after each ``_MAX_MARKS``
    marks of a longer run."""
    if len(text) <= _MAX_MARKS:
        return text  # most messages: no run that long fits in them
    long_marks = _LONG_MARKS if _PAST_BMP.search(text) else _LONG_BMP_MARKS
    if long_marks.search(text) is None:
        return text
    return long_marks.sub(_add_joiner, text)


def _add_joiner(match: re.Match[str]) -> str:
    return match.group() + "\u034f"


# Leetspeak, applied only inside tokens that also hold a letter, so that
# "14" or "555-0199" keep their digits. "1" reads as "i" ("k1k" → "kik");
# keyword patterns accept "i" where they mean "l" for that reason. 2, 6, 8
# and 9 are left alone: "2day", "gr8" and "b4" are words, not disguises.
_LEET: Final = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                              "@": "a", "$": "s", "€": "e", "£": "l", "+": "t"})  # fmt: skip

_SPACES = re.compile(r"\s+")
# A token as leetspeak reads it, one that holds a letter. Written
# "[\w@$€£+]*[a-z][\w@$€£+]*", it is tried from every character of a long
# token without a letter ("_1_1_1…") and read to its end each time: the
# square of the token's length. Here it is tried from a token's start only,
# and the look-ahead reads it once to its first letter.
_LEET_TOKEN = re.compile(r"(?<![\w@$€£+])(?=[\w@$€£+]*?[a-z])[\w@$€£+]++")
_LEET_CHARS = re.compile(r"[013457@$€£+]")
# Tokens that are numbers with a suffix, not disguised words: "14f", "14yo",
# "9th", "3rd", "10pm". Leet-folding them would destroy ages and times.
_NUMBER_WORD = re.compile(r"\d{2,}|\d+(?:st|nd|rd|th|am|pm|f|m|yo|yrs?|s)$")
_BANG_I = re.compile(r"(?<=[a-z])[!|](?=[a-z])")
_NO_APOSTROPHE: Final = str.maketrans(dict.fromkeys("'’`´"))
# A run of characters that are not words, matched from its start only.
_NON_WORD = re.compile(r"(?<![^a-z0-9 ?])[^a-z0-9 ?]++")
# A run that touches a letter or digit ("snap:", "(luna") still folds to a
# space, but letters spelled with spaces do not join across it: "s n a p:
# l u n a 2 2" reads "snap luna22", not "snapluna22". It is marked with a
# NUL until they have been joined.
_MARK = "\x00"


def _gap(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    touches = (start > 0 and text[start - 1] != " " and text[start - 1] != "?") or (
        end < len(text) and text[end] != " " and text[end] != "?"
    )
    return _MARK if touches else " "


# Runs of single characters with the same kind of gap: punctuation gaps
# ("s.n.a.p", "s-n-a-p") join from three characters, space gaps from four, so
# that chat shorthand like "r u a boy" keeps its words.
_GAP = r"[.\-_*·•~/|+,:]"
_PUNCT_SPLIT = re.compile(rf"(?<![a-z0-9])[a-z0-9](?:{_GAP} ?[a-z0-9]){{2,}}(?![a-z0-9])")
_SPACE_SPLIT = re.compile(r"(?<![a-z0-9])[a-z0-9](?: [a-z0-9]){3,}(?![a-z0-9])")
_SPLIT_GAPS = re.compile(r"[^a-z0-9]")
_REPEATS = re.compile(r"([a-z])\1{2,}")

_DIGIT_WORDS: Final = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "won": "1", "two": "2", "to": "2",
    "too": "2", "three": "3", "four": "4", "for": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "ate": "8", "nine": "9",
    # Spanish and Indonesian, the other languages the web client ships.
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9", "nol": "0", "satu": "1",
    "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6", "tujuh": "7",
    "delapan": "8", "sembilan": "9",
    # Portuguese ("meia" is six when a number is read out) and German.
    "um": "1", "dois": "2", "quatro": "4", "sete": "7", "oito": "8", "nove": "9",
    "meia": "6", "null": "0", "eins": "1", "zwei": "2", "zwo": "2", "drei": "3",
    "vier": "4", "funf": "5", "fuenf": "5", "sechs": "6", "sieben": "7", "acht": "8",
    "neun": "9",
}  # fmt: skip
# Words of a run of digits (``\w`` runs, which ``\b`` bounds) and what may
# separate them. A run is three or more digit words or digits in a row:
# "five five five", "555 one two"; a lone "one" or "to" in a sentence is
# never touched. See :func:`_fold_digit_runs`.
_RUN_WORD = re.compile(r"\w+")
_RUN_GAP = re.compile(r"[\s,.\-]+")
_DIGIT_WORD_CHARS = re.compile(r"[\d" + "".join(sorted(set("".join(_DIGIT_WORDS)))) + "]+")
_DIGIT_WORDS_BY_FIRST: Final = {
    first: tuple(word for word in _DIGIT_WORDS if word[0] == first)
    for first in {word[0] for word in _DIGIT_WORDS}
}
# A look-alike letter after a digit, up to the next digit ("555 O1l2"). The
# look-ahead skips look-alikes possessively: "[\doil|]*\d" would read to
# the end of a run like "0o0o0o…" from every letter in it.
_DIGIT_LOOKALIKE = re.compile(r"(?<=\d)[oil|](?=[oil|]*+\d)|(?<=\d[\s\-.])[oil](?=\d)")
_ANY_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")
_LOOKALIKE_DIGIT: Final = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1"})
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")


class Folded:
    """The forms of one message; see the module docstring.

    ``digits`` and ``joined`` are folded when first read: most messages need
    neither. So are ``digit_bound`` and ``letters_changed``, unless
    :func:`fold` learnt them on the way from its tokens (pass None for
    "not known").
    """

    __slots__ = (
        "_digit_bound",
        "_digits",
        "_joined",
        "_letters_changed",
        "plain",
        "text",
        "words",
    )

    def __init__(
        self,
        text: str,
        plain: str,
        words: str,
        *,
        digit_bound: int | None = None,
        letters_changed: bool | None = None,
    ) -> None:
        self.text = text  # as received
        self.plain = plain
        self.words = words
        self._digits: str | None = None
        self._joined: str | None = None
        self._digit_bound = digit_bound
        self._letters_changed = letters_changed

    @property
    def digit_bound(self) -> int:
        """``digits_at_most(plain)``: at most how many digits ``digits`` holds."""
        if self._digit_bound is None:
            self._digit_bound = digits_at_most(self.plain)
        return self._digit_bound

    @property
    def letters_changed(self) -> bool:
        """Whether folding changed a letter or digit (not only spacing and
        punctuation): only then can ``words`` score differently from
        ``plain`` in a model that reads letters and digits."""
        if self._letters_changed is None:
            self._letters_changed = _alnum(self.plain) != _alnum(self.words)
        return self._letters_changed

    @property
    def digits(self) -> str:
        if self._digits is None:
            self._digits = fold_digits(self.plain)
        return self._digits

    @property
    def joined(self) -> str:
        """``plain`` without the apostrophes inside words ("i'm 14" → "im 14")."""
        if self._joined is None:
            plain = self.plain
            self._joined = _INNER_APOSTROPHE.sub("", plain) if "'" in plain else plain
        return self._joined


def fold_plain(text: str) -> str:
    """NFKC, casefold, strip accents and invisibles, map look-alikes to Latin."""
    if text.isascii():
        return " ".join(text.lower().split())  # str.split's white space is \s
    out = unicodedata.normalize("NFKC", _cut_long_marks(text)).casefold()
    out = unicodedata.normalize("NFKD", out)
    out = "".join(ch for ch in out if not unicodedata.combining(ch))
    out = out.translate(_TABLE)
    return _SPACES.sub(" ", out).strip()


def _unleet(match: re.Match[str]) -> str:
    token = match.group()
    if not _LEET_CHARS.search(token) or _NUMBER_WORD.match(token):
        return token
    return token.translate(_LEET)


def _two(match: re.Match[str]) -> str:
    return match.group()[:2]


def _join(match: re.Match[str]) -> str:
    return _SPLIT_GAPS.sub("", match.group())


def fold_words(plain: str) -> str:
    """The ``words`` form of an already ``plain`` text."""
    if plain.isascii():
        words, _, _ = _fold_tokens(plain.split(" "))
        if words is not None:
            return words
    return _fold_words(plain)


def _fold_words(plain: str) -> str:
    """The ``words`` form, folded in one go: what :func:`fold_words` must
    equal, and what it falls back on."""
    return _fold_spaces(_fold_punctuation(_fold_chars(plain)))


def _fold_chars(text: str) -> str:
    """The steps of ``words`` that change characters and never look past a
    space: leetspeak, "!" or "|" between letters, apostrophes."""
    out = text
    if _LEET_CHARS.search(out):
        out = _LEET_TOKEN.sub(_unleet, out)
    if "!" in out or "|" in out:
        out = _BANG_I.sub("i", out)
    if "'" in out or "’" in out or "`" in out or "´" in out:
        out = out.translate(_NO_APOSTROPHE)
    return out


def _fold_punctuation(text: str) -> str:
    """The steps of ``words`` that read punctuation: letters spelled out
    with it ("s.n.a.p"), then the rest of it, as single spaces.
    The punctuation that touched a letter or digit is left as a mark for
    :func:`_fold_spaces`."""
    out = _PUNCT_SPLIT.sub(_join, text)
    return _SPACES.sub(" ", _NON_WORD.sub(_gap, out)).strip()


def _fold_spaces(text: str) -> str:
    """The last steps of ``words``: letters spelled out with spaces ("s n a
    p"), up to punctuation that touched one of them; then letters repeated
    three times or more."""
    out = _SPACE_SPLIT.sub(_join, text)
    if _MARK in out:
        out = _SPACES.sub(" ", out.replace(_MARK, " ")).strip()
    return _REPEATS.sub(_two, out) if _REPEATS.search(out) else out


# -- folding ASCII text one token at a time ---------------------------------------
#
# Most steps of ``words`` never look past a space, so an ASCII message folds
# token by token, and each distinct token is folded once and remembered
# (``_TOKENS``). Two steps do look past a space: joining letters spelled
# with punctuation ("s. n. a. p") and with spaces ("s n a p"). Each token
# remembers whether its ends could take part in such a join; a message
# where two neighbours could is folded in one go instead.


class FoldedToken(NamedTuple):
    """What one ASCII token (no space in it) folds to, alone."""

    words: str  # its ``words`` form ("" for punctuation alone)
    # Its ends after the character steps: "<" when it starts with a lone
    # letter or digit ("x", "x.y"), ">" when it ends with one and a gap
    # ("x."); "-" otherwise. ">" then "<" is a possible join ("x. y").
    punct_ends: str
    # The ends before letters spelled with spaces are joined: "(" and ")"
    # when it starts or ends with a lone letter or digit, "-" otherwise; ""
    # when nothing is left of it (then the tokens around it become
    # neighbours). ")" then "(" may join ("x y").
    space_ends: str
    digit_bound: int  # its share of digits_at_most
    changed: bool  # whether folding changed its letters or digits


# A lone letter or digit at the start (``match``) or the end (``search``),
# and at the end followed by one gap character.
_LONE_START = re.compile(r"[a-z0-9](?![a-z0-9])")
_LONE_END = re.compile(r"(?<![a-z0-9])[a-z0-9]\Z")
_LONE_END_GAP = re.compile(rf"(?<![a-z0-9])[a-z0-9]{_GAP}\Z")
# Distinct tokens remembered: a few days of a busy server's vocabulary
# costs about a megabyte.
_TOKEN_MEMO_SIZE: Final = 8192


def fold_token(token: str) -> FoldedToken:
    """Fold one lower-case ASCII token (no white space in it) alone, as
    :func:`fold` sees it, and note how its ends could join. Not remembered:
    :func:`fold` keeps its own memo of it."""
    if token.isalnum() and (token.islower() or token.isdigit()):
        # Letters and digits alone (most tokens, and the ids and numbers
        # seen once): no gap to read, only leetspeak and repeats can change
        # them. Every new token comes here, so this has to be cheap.
        if token.isalpha():
            chars, digit_bound = token, 1 if token in _DIGIT_WORDS else 0
        else:
            chars, digit_bound = _fold_chars(token), digits_at_most(token)
        words = _REPEATS.sub(_two, chars) if _REPEATS.search(chars) else chars
        ends = ("<-", "()") if len(token) == 1 else ("--", "--")
        return FoldedToken(words, *ends, digit_bound, words != token)
    return _fold_any_token(token)


def _fold_any_token(token: str) -> FoldedToken:
    """:func:`fold_token` for any token, one step after the other."""
    chars = _fold_chars(token)
    spaced = _fold_punctuation(chars)
    words = _fold_spaces(spaced)
    punct_ends = ("<" if _LONE_START.match(chars) else "-") + (
        ">" if _LONE_END_GAP.search(chars) else "-"
    )
    space_ends = ""
    if spaced:
        space_ends = ("(" if _LONE_START.match(spaced) else "-") + (
            ")" if _LONE_END.search(spaced) else "-"
        )
    changed = _alnum(words) != _alnum(token)
    return FoldedToken(words, punct_ends, space_ends, digits_at_most(token), changed)


_TOKENS: Final = TokenMemo(fold_token, _TOKEN_MEMO_SIZE)


def folded_token(token: str) -> FoldedToken:
    """:func:`fold_token`, read from the memo :func:`fold` keeps: a token
    folded for another caller first is not folded again here, nor the
    other way round."""
    return _TOKENS[token]


def _fold_tokens(tokens: list[str]) -> tuple[str | None, int, bool | None]:
    """Fold the text of ``tokens`` (joined by single spaces) token by token.

    Returns its ``words`` form, or None when neighbouring tokens could join
    and only folding the whole text tells; its digit bound; and whether
    folding changed a letter or digit, or None when that needs the whole
    text too (some token changed, the text may not have).
    """
    if not tokens:
        return "", 0, False
    words, punct_ends, space_ends, digit_bounds, changed = zip(
        *map(_TOKENS.__getitem__, tokens), strict=True
    )
    bound = sum(digit_bounds)
    if "><" in "".join(punct_ends) or ")(" in "".join(space_ends):
        return None, bound, None
    return " ".join(filter(None, words)), bound, None if any(changed) else False


# ASCII bytes that are not a lower-case letter or a digit.
_ASCII_NOT_ALNUM: Final = bytes(c for c in range(128) if not re.fullmatch(r"[a-z0-9]", chr(c)))
_NOT_ALNUM: Final = re.compile(r"[^a-z0-9]")


def _alnum(text: str) -> bytes:
    """The lower-case ASCII letters and digits of ``text``, in order."""
    if text.isascii():
        return text.encode().translate(None, _ASCII_NOT_ALNUM)
    return _NOT_ALNUM.sub("", text).encode()


def _lookalike(match: re.Match[str]) -> str:
    return match.group().translate(_LOOKALIKE_DIGIT)


def fold_digits(plain: str) -> str:
    """The ``digits`` form of an already ``plain`` text."""
    out = plain
    if _ANY_DIGIT.search(out):
        out = _DIGIT_LOOKALIKE.sub(_lookalike, out)
    # Cheap pre-check: runs are only worth looking for when at least three
    # words of the message could be digits.
    if sum(1 for word in _WORD.findall(out) if word in _DIGIT_WORDS) >= 3:
        out = _fold_digit_runs(out)
    return out


def _fold_digit_runs(text: str) -> str:
    """Spelled digits as digits, in runs of three or more digit words or
    digits ("five five five" → "5 5 5").

    What the expression ``\\b(?:(?:WORD|\\d+)[\\s,.\\-]*){2,}(?:WORD|\\d+)\\b``
    replaced, read word by word instead: it may cut a long number into
    digits in exponentially many ways ("five five five 1111…1x" took two
    seconds at 22 digits, hours at 40). A run is a row of words (``\\w`` runs) each made
    of digit words and digits alone ("five", "555", "fivefive"), with
    nothing but white space, commas, dots and hyphens between them, and
    three digit words or digits in all (a number counts one per digit).
    Every word of a run that is a digit word becomes its digit.
    """
    pieces: list[str] = []
    done = 0  # text[:done] is in pieces
    run: list[re.Match[str]] = []
    items = 0
    end = 0
    for word in _RUN_WORD.finditer(text):
        count = _digit_items(word.group())
        if run and not (count and _RUN_GAP.fullmatch(text, end, word.start())):
            if items >= 3:
                done = _spell_run(text, run, pieces, done)
            run, items = [], 0
        if count:
            run.append(word)
            items += count
        end = word.end()
    if items >= 3:
        done = _spell_run(text, run, pieces, done)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _spell_run(text: str, run: list[re.Match[str]], pieces: list[str], done: int) -> int:
    """Add to ``pieces`` the text up to the end of ``run``, its digit words as
    digits; return where that ends. A run read out in words is one number:
    the commas between its groups ("uno dos, ocho ocho 4, siete") become
    spaces, as a phone number's groups are written."""
    spelled = False
    for word in run:
        digit = _DIGIT_WORDS.get(word.group())
        if digit is not None:
            gap = text[done : word.start()]
            pieces.append(gap.replace(",", " ") if spelled else gap)
            pieces.append(digit)
            done = word.end()
            spelled = True
        elif spelled:
            pieces.append(text[done : word.start()].replace(",", " "))
            pieces.append(word.group())
            done = word.end()
    return done


def _digit_items(word: str) -> int:
    """How many digit words and digits ``word`` is made of, in the split
    that makes the most ("too" is "to" and "o": two); 0 when no split
    makes it of those alone."""
    items = _DIGIT_WORD_ITEMS.get(word)
    if items is not None:
        return items
    if word.isdecimal():  # what \d matches
        return len(word)
    if not _DIGIT_WORD_CHARS.fullmatch(word):
        return 0
    return _most_items(word)


def _most_items(word: str) -> int:
    """:func:`_digit_items` for words glued together ("fivefive", "5five"):
    the most items that end at each position, one step per character and
    digit word."""
    most = [0] + [-1] * len(word)
    for start, ch in enumerate(word):
        here = most[start]
        if here < 0:
            continue
        if ch.isdecimal():
            most[start + 1] = max(most[start + 1], here + 1)
        for digit_word in _DIGIT_WORDS_BY_FIRST.get(ch, ()):
            if word.startswith(digit_word, start):
                end = start + len(digit_word)
                most[end] = max(most[end], here + 1)
    return max(most[-1], 0)


_DIGIT_WORD_ITEMS: Final = {word: _most_items(word) for word in _DIGIT_WORDS}


# What may stand between the parts of a phone number being masked.
_MASK_GAP = re.compile(r"[\s,.\-()+/:]+")


def digit_runs(plain: str, least: int) -> list[tuple[int, int]]:
    """The spans of ``plain`` that hold a number of at least ``least`` digits,
    in any mix of digits, digit words and look-alike letters ("555 O1l2",
    "five five five one…", "5 5 5-1 2 3"), for masking what
    :func:`fold_digits` would read as a phone number. The spans are offsets
    into ``plain`` itself, which keeps one character per character here:
    the look-alikes are read as digits in a copy of the same length.
    """
    text = _DIGIT_LOOKALIKE.sub(_lookalike, plain) if _ANY_DIGIT.search(plain) else plain
    spans: list[tuple[int, int]] = []
    start = end = items = 0
    for word in _RUN_WORD.finditer(text):
        count = _digit_items(word.group())
        if items and not (count and _MASK_GAP.fullmatch(text, end, word.start())):
            if items >= least:
                spans.append((start, end))
            items = 0
        if count:
            if not items:
                start = word.start()
            items += count
            end = word.end()
    if items >= least:
        spans.append((start, end))
    return spans


def digits_at_most(plain: str) -> int:
    """At most how many ASCII digits ``fold_digits(plain)`` holds, cheaper
    than folding.

    A digit stays one and makes a digit of at most one look-alike letter
    (the rule needs a digit right before the letter, or a digit and then one
    separator, and each digit can be that for one letter only); a spelled
    digit becomes one only as a whole word of ``plain``.
    """
    if plain.isascii():
        encoded = plain.encode()
        digits = 2 * (len(encoded) - len(encoded.translate(None, b"0123456789")))
        words = encoded.translate(_ASCII_LETTERS).decode().split()
    else:
        found = _ANY_DIGIT.findall(plain)
        digits = len(found) + sum(1 for digit in found if digit.isascii())
        words = _WORD.findall(plain)
    return digits + sum(map(_DIGIT_WORDS.__contains__, words))


# ASCII bytes that are not lower-case letters, as spaces.
_ASCII_LETTERS: Final = bytes(
    c if ord("a") <= c <= ord("z") else ord(" ") for c in range(128)
) + bytes(range(128, 256))


def fold(text: str) -> Folded:
    """Fold one message into its ``plain``, ``words`` and ``digits`` forms."""
    if not text.isascii():
        plain = fold_plain(text)
        return Folded(text, plain, fold_words(plain))
    # As fold_plain and fold_words do, sharing the tokens.
    tokens = text.lower().split()
    plain = " ".join(tokens)
    words, bound, changed = _fold_tokens(tokens)
    if words is None:
        words = _fold_words(plain)
    return Folded(text, plain, words, digit_bound=bound, letters_changed=changed)
