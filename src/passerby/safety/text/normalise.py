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
a few strings per call.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

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

# Leetspeak, applied only inside tokens that also hold a letter, so that
# "14" or "555-0199" keep their digits. "1" reads as "i" ("k1k" → "kik");
# keyword patterns accept "i" where they mean "l" for that reason. 2, 6, 8
# and 9 are left alone: "2day", "gr8" and "b4" are words, not disguises.
_LEET: Final = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                              "@": "a", "$": "s", "€": "e", "£": "l", "+": "t"})  # fmt: skip

_SPACES = re.compile(r"\s+")
_LEET_TOKEN = re.compile(r"[\w@$€£+]*[a-z][\w@$€£+]*")
_LEET_CHARS = re.compile(r"[013457@$€£+]")
# Tokens that are numbers with a suffix, not disguised words: "14f", "14yo",
# "9th", "3rd", "10pm". Leet-folding them would destroy ages and times.
_NUMBER_WORD = re.compile(r"\d{2,}|\d+(?:st|nd|rd|th|am|pm|f|m|yo|yrs?|s)$")
_BANG_I = re.compile(r"(?<=[a-z])[!|](?=[a-z])")
_NO_APOSTROPHE: Final = str.maketrans(dict.fromkeys("'’`´"))
_NON_WORD = re.compile(r"[^a-z0-9 ?]+")
# Runs of single characters with the same kind of gap: punctuation gaps
# ("s.n.a.p", "s-n-a-p") join from three characters, space gaps from four, so
# that chat shorthand like "r u a boy" keeps its words.
_PUNCT_SPLIT = re.compile(r"(?<![a-z0-9])[a-z0-9](?:[.\-_*·•~/|+,:] ?[a-z0-9]){2,}(?![a-z0-9])")
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
}  # fmt: skip
_DIGIT_WORD = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
# Three or more digit words (or digits) in a row: "five five five", "555 one
# two". A lone "one" or "to" in a sentence is never touched.
_DIGIT_RUN = re.compile(rf"\b(?:(?:{_DIGIT_WORD}|\d+)[\s,.\-]*){{2,}}(?:{_DIGIT_WORD}|\d+)\b")
_DIGIT_WORD_ONE = re.compile(rf"\b(?:{_DIGIT_WORD})\b")
_DIGIT_LOOKALIKE = re.compile(r"(?<=\d)[oil|](?=[\doil|]*\d)|(?<=\d[\s\-.])[oil](?=\d)")
_ANY_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")
_LOOKALIKE_DIGIT: Final = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1"})
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")


class Folded:
    """The forms of one message; see the module docstring.

    ``digits`` and ``joined`` are folded when first read: most messages need
    neither.
    """

    __slots__ = ("_digits", "_joined", "plain", "text", "words")

    def __init__(self, text: str, plain: str, words: str) -> None:
        self.text = text  # as received
        self.plain = plain
        self.words = words
        self._digits: str | None = None
        self._joined: str | None = None

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
    out = unicodedata.normalize("NFKC", text).casefold()
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
    if _SIMPLE.fullmatch(plain):
        # Letters, spaces and "," "." "?" only (most chat): nothing to undo
        # unless three one-letter words follow each other ("s, n, a, p").
        singles = 0
        for token in plain.replace(",", " ").replace(".", " ").replace("?", " ").split():
            singles = singles + 1 if len(token) == 1 else 0
            if singles == 3:
                break
        else:
            out = " ".join(plain.replace(",", " ").replace(".", " ").split())
            return _REPEATS.sub(_two, out) if _REPEATS.search(out) else out
    return _fold_words(plain)


# Text that folds to words by dropping "," and "." (see fold_words).
_SIMPLE = re.compile(r"[a-z ,.?]*")


def _fold_words(plain: str) -> str:
    out = plain
    if _LEET_CHARS.search(out):
        out = _LEET_TOKEN.sub(_unleet, out)
    if "!" in out or "|" in out:
        out = _BANG_I.sub("i", out)
    out = out.translate(_NO_APOSTROPHE)
    out = _PUNCT_SPLIT.sub(_join, out)
    out = _NON_WORD.sub(" ", out)
    out = _SPACE_SPLIT.sub(_join, _SPACES.sub(" ", out).strip())
    return _REPEATS.sub(_two, out) if _REPEATS.search(out) else out


def _digit_run(match: re.Match[str]) -> str:
    return _DIGIT_WORD_ONE.sub(lambda m: _DIGIT_WORDS[m.group()], match.group())


def _lookalike(match: re.Match[str]) -> str:
    return match.group().translate(_LOOKALIKE_DIGIT)


def fold_digits(plain: str) -> str:
    """The ``digits`` form of an already ``plain`` text."""
    out = plain
    if _ANY_DIGIT.search(out):
        out = _DIGIT_LOOKALIKE.sub(_lookalike, out)
    # Cheap pre-check: the run pattern is only worth trying when at least
    # three words of the message could be digits.
    if sum(1 for word in _WORD.findall(out) if word in _DIGIT_WORDS) >= 3:
        out = _DIGIT_RUN.sub(_digit_run, out)
    return out


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
    plain = fold_plain(text)
    return Folded(text, plain, fold_words(plain))
