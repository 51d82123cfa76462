"""The web client's text catalogues, for the texts a door writes itself.

The browser words every server notice from ``web/static/i18n/<lang>.json``
by its code; a door whose clients show the server's text as it comes (the
Omegle API's ``serverMessage``) takes its words from the same files, so a
rule says the same thing, in the same languages, through either door. A
language without a catalogue, or a key missing from one, falls back to
English, then to the text the caller gives.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Final

log = logging.getLogger(__name__)

FALLBACK: Final = "en"


class Catalogue:
    """One language's texts, with English behind it."""

    __slots__ = ("_texts", "lang")

    def __init__(self, lang: str, texts: dict[str, str]) -> None:
        self.lang = lang
        self._texts = texts

    def text(self, key: str, default: str = "", **values: str) -> str:
        """The text for ``key`` with ``values`` filled in, or ``default``."""
        found = self._texts.get(key)
        if found is None:
            return default
        try:
            return found.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a stray brace
            return default or found

    def has(self, key: str) -> bool:
        return key in self._texts


def _read(lang: str) -> dict[str, str] | None:
    if not lang.isascii() or not lang.replace("-", "").isalnum() or len(lang) > 12:
        return None
    path = resources.files("passerby").joinpath("web", "static", "i18n", f"{lang}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        log.warning("the %s text catalogue cannot be read", lang)
        return None
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


@lru_cache(maxsize=64)  # the codes clients send are many; the catalogues few
def catalogue(lang: str) -> Catalogue:
    """The catalogue for ``lang`` (a language code such as ``es`` or
    ``pt-BR``: its base language is tried too), English where it has no text."""
    english = _read(FALLBACK) or {}
    for code in (lang, lang.split("-", 1)[0].lower()):
        own = _read(code) if code != FALLBACK else None
        if own is not None:
            return Catalogue(code, {**english, **own})
    return Catalogue(FALLBACK, english)
