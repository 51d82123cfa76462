"""Normalising interest tags and language codes.

Two people who typed " Music" and "music" must share an interest, so every tag
passes through :func:`normalise_interests` before it reaches the matchmaker.
"""

from __future__ import annotations

import re
import unicodedata

MAX_INTERESTS = 20
MAX_INTEREST_CHARS = 30
DEFAULT_LANGUAGE = "en"

# White space as JavaScript's ``\s`` and ``trim()`` see it, which the web
# client uses: Python's ``\s`` also takes U+001C-U+001F and U+0085 and leaves
# out U+FEFF, and the two must agree on every tag.
_SPACE_CHARS = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_SPACES = re.compile(f"[{_SPACE_CHARS}]+")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
# NFKC sorts a run of combining marks one swap at a time: a 16 KiB tag of
# marks costs some 50 ms. Normalising makes no character of more than four
# (the longest canonical decomposition, "ᾂ" = α and three marks) and shortens
# a tag in no other way but its white space; a tag longer than this once its
# runs of white space are single spaces comes out longer than
# MAX_INTEREST_CHARS even with a space stripped from each end, so it is
# refused before it is normalised.
_COMPOSED_AT_MOST = 4
_MAX_RAW_TAG_CHARS = _COMPOSED_AT_MOST * (MAX_INTEREST_CHARS + 2)


class InterestError(ValueError):
    """An interest list or language code that cannot be accepted."""


def normalise_tag(raw: str) -> str:
    """NFKC, trimmed, inner white space collapsed, lower-cased.

    Lower-cased, not case-folded: the web client normalises tags the same way
    with JavaScript's ``toLowerCase()`` before it sends them, and both must
    agree on every tag's form and length, or a chip the page accepted would
    be refused here.
    """
    text = unicodedata.normalize("NFKC", raw)
    return _SPACES.sub(" ", text).strip(_SPACE_CHARS).lower()


def normalise_interests(raw: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Return the distinct, normalised, non-empty tags in the order given.

    Raises:
        InterestError: more than :data:`MAX_INTERESTS` tags, or a tag longer
            than :data:`MAX_INTEREST_CHARS` once normalised.
    """
    seen: dict[str, None] = {}
    too_long = f"an interest may be at most {MAX_INTEREST_CHARS} characters"
    for item in raw:
        if len(item) > _MAX_RAW_TAG_CHARS and len(_SPACES.sub(" ", item)) > _MAX_RAW_TAG_CHARS:
            raise InterestError(too_long)
        tag = normalise_tag(item)
        if not tag:
            continue
        if len(tag) > MAX_INTEREST_CHARS:
            raise InterestError(too_long)
        seen[tag] = None
    if len(seen) > MAX_INTERESTS:
        raise InterestError(f"at most {MAX_INTERESTS} interests")
    return tuple(seen)


def normalise_language(raw: str) -> str:
    code = raw.strip().lower()
    if not _LANGUAGE.match(code):
        raise InterestError("lang must be an ISO 639-1 code such as 'en'")
    return code
