"""What the personal-data detector reads a contact by: phone digits, handles
(spelled out too), a game's player id, a postcode among leetspeak words;
where a message sends the reader (:func:`somewhere`) and whether its links
all go to known sites (:func:`all_known`).

Helpers of :meth:`.detectors.TextAnalyser._contact` and ``_links`` and of
:mod:`.adverts`, pure, over the folded
forms (:mod:`.normalise`) and the compiled patterns (:mod:`.patterns`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from passerby.core.signals import Signal
from passerby.safety.text.normalise import Folded
from passerby.safety.text.patterns import Patterns
from passerby.safety.text.patterns.contact import APP_LOOKUP, GOVERNMENT_SITES, KNOWN_SITES

# A phone number has this many digits at least.
PHONE_DIGITS: Final = 7
NO_DIGITS: Final = str.maketrans(dict.fromkeys("0123456789"))
# Words that follow "my snap is" without being a handle ("my snap is down").
_NOT_HANDLES = (
    "is isnt was down broken dead gone private same the a an not banned deleted hacked "
    "and or but so too also lol haha ok okay rn now name username id handle account acc "
    "app thing "
    # after Portuguese and Spanish "e"/"y" (and): "pediu o meu insta e fotos"
    "fotos foto videos video tudo todo nada isso eso depois despues agora ahora nao no sim si "
    "mais mas meu minha mi mis tambem tambien entao luego ele ela el ella"
)
_COMMON_AFTER_APP: Final = frozenset(_NOT_HANDLES.split())
# A handle of an app the patterns know (all of them ways to message) is a
# contact, whatever game is named beside it.
_MESSAGING: Final = tuple(f"app={name}" for name, _ in APP_LOOKUP)
# A word that mixes letters and digits ("aj4", "b1l4ng"): in Indonesian
# "alay" writing and other leetspeak, most words of a line are like it.
_MIXED: Final = re.compile(r"\b(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+\b")


def may_hold_phone(f: Folded) -> bool:
    return f.digit_bound >= PHONE_DIGITS


def service_line(chunk: str) -> bool:
    """A free-to-call number ("1800 66 66 66", "0800 1111", Spain's and
    Portugal's "900"/"800" + six digits): a helpline's or a company's, never
    a person's own, so no personal data."""
    digits = "".join(ch for ch in chunk if ch.isdigit())
    return (8 <= len(digits) <= 11 and digits.startswith(("1800", "0800", "0808"))) or (
        len(digits) == 9 and digits.startswith(("800", "900"))
    )


def looks_like_handle(handle: str, sep: str) -> bool:
    if handle in _COMMON_AFTER_APP or len(handle) < 3:
        return False
    return bool(sep.strip()) or any(ch.isdigit() or ch in "_." for ch in handle)


def spelled_handle(pattern: re.Pattern[str], f: Folded) -> re.Match[str] | None:
    """A handle spelled with spaces ("my snap is s a m r 0 d"), read in the
    form with spaced letters joined; one with a digit in it, as an emphatic
    "my insta is a m a z i n g" is a word."""
    if f.words == f.plain:
        return None
    found = pattern.search(f.words)
    if found is None or not any(ch.isdigit() for ch in found.group("handle")):
        return None
    return found if looks_like_handle(found.group("handle"), found.group("sep")) else None


def app_name(match: re.Match[str]) -> str:
    spelling = match.group("app")
    for name, pattern in APP_LOOKUP:
        if pattern.fullmatch(spelling):
            return name
    return "unknown"


def game_id(f: Folded, p: Patterns) -> bool:
    """A player id, tag or name given with a game named, or by the word "id"
    itself, and no word for a phone."""
    words = f.words
    if p.phone_context.search(words):
        return False
    return bool(
        (p.game_named.search(words) and p.game_id.search(words)) or p.id_given.search(f.plain)
    )


# A player's id given: a move to a game, under the personal-data rules.
GAME_ID_SCORE: Final = 0.6


def as_game_id(out: list[Signal]) -> None:
    """The contact signals of a game's player id become one move to the game:
    teens swap them to play together (the risk still counts the move)."""
    contact = [
        s
        for s in out
        if s.name == "pii_phone" or (s.name == "pii_handle" and not s.detail.startswith(_MESSAGING))
    ]
    if not contact:
        return
    for signal in contact:
        out.remove(signal)
    if not any(s.name == "off_platform" for s in out):
        out.append(Signal("off_platform", GAME_ID_SCORE, "app=game;id"))


def postcode(found: re.Match[str] | None, plain: str) -> bool:
    """A postcode-shaped word that is a postcode: not one word of a line in
    leetspeak ("b1l4nG aj4 y4"), where two more words mix letters and digits."""
    if found is None:
        return False
    around = plain[: found.start()] + " " + plain[found.end() :]
    return len(_MIXED.findall(around)) < 2


# Signals that give a message somewhere to send the reader, from this score.
PLACES: Final = frozenset({"link", "pii_handle", "pii_phone", "pii_email", "off_platform"})
PLACE_SCORE: Final = 0.5
# A link to a site of schoolwork, reference or media (KNOWN_SITES): a link
# still, under the teen section's link rule (0.5).
KNOWN_SITE_SCORE: Final = 0.4


def somewhere(found: Iterable[Signal]) -> bool:
    """A place to go among the signals: a link, a handle, a request to move
    (an app only mentioned, or a request retold, is none)."""
    return any(s.name in PLACES and s.score >= PLACE_SCORE for s in found)


def all_known(p: Patterns, plain: str) -> bool:
    """Every link in ``plain`` goes to one of :data:`.contact.KNOWN_SITES`,
    and none has a login part ("@")."""
    return _all_to(_links(p, plain), plain, KNOWN_SITES)


def all_government(p: Patterns, plain: str) -> bool:
    """There is a link in ``plain`` and every one goes to a government's
    site: no advert."""
    links = _links(p, plain)
    return bool(links) and _all_to(links, plain, GOVERNMENT_SITES)


def _links(p: Patterns, plain: str) -> list[re.Match[str]]:
    return [*p.url.finditer(plain), *p.domain.finditer(plain)]


def _all_to(links: list[re.Match[str]], plain: str, sites: re.Pattern[str]) -> bool:
    return all(
        "@" not in m.group() and sites.match(plain, _link_start(plain, m.start())) for m in links
    )


def _link_start(plain: str, start: int) -> int:
    """Where the link found at ``start`` begins, with its subdomains."""
    while start > 0 and (plain[start - 1].isalnum() or plain[start - 1] in ".-"):
        start -= 1
    return start
