"""Who an insult is aimed at: words in quotes, and someone named before it.

Helpers of the insult detectors (:meth:`.insults.Insults.directed`,
``contempt`` and ``toxic``), pure: words in quotes are not said to the
partner ("he said \\"shut up\\""), and an insult right after someone else is
named ("um hacker filho da puta", "o filho da puta nem deixou") is said of
them.
"""

from __future__ import annotations

import re
from typing import Final

from passerby.safety.text.normalise import Folded, fold
from passerby.safety.text.patterns import Patterns

# Text between double quotes (straight, curly, low-high, guillemets).
QUOTE_MARKS: Final = frozenset('"\u201c\u201e\u00ab')
QUOTED: Final = re.compile(
    r'"[^"]{1,200}"|\u201c[^\u201d]{1,200}\u201d|\u201e[^\u201c\u201d]{1,200}[\u201c\u201d]|'
    r"\u00ab[^\u00bb]{1,200}\u00bb"
)
# An insult's subject named just before it: "um hacker filho da puta",
# "this guy in my lobby, what a loser".
_NAMED_BEFORE: Final = re.compile(
    r"\b(?:um|uma|un|una|ese|esa|esse|essa|este|aquele|aquela|el|la|los|las|o|os|as|the|ein|"
    r"eine|einen|einem|der|die|das|den|dem|"
    r"dieser|diese|this|that|si|orang|tim|mi|my|meu|minha|mein|meine|his|her|their)\s+"
    r"(?:\S+\s+){0,2}$"
)

# A message that opens by calling on someone watched, not the partner: "SCHIRI
# DU BLINDER VOLLIDIOT", "ref you're blind", "juiz ladrão, vc é cego".
_CALLED_ON: Final = re.compile(
    r"^(?:hey\s+|oi\s+|ey\s+|eh\s+)?(?:schiri|schiedsrichter|ref|referee|refs|arbitro|juiz|wasit|"
    r"coach|trainer|tecnico|entrenador|pelatih)\b"
)


def called_on(words: str) -> bool:
    """Whether the message speaks to a referee or a coach it names first."""
    return _CALLED_ON.match(words) is not None


# Someone else's words told: a telling verb, then what they said in quotes
# ("a girl told my friend \"nobody wants you\"", "er schrieb mir: \"...\"").
_TOLD_QUOTE: Final = re.compile(
    r"\b(?:told|tells|said|says|called|texted|wrote|yelled|screamed|dijo|dice|decia|grito|"
    r"escribio|puso|disse|diz|falou|gritou|escreveu|mandou|sagte|sagt|meinte|schrieb|rief|"
    r"schrie|bilang|ngomong|nulis|ngatain|katanya|teriak)\b[^\"\u201c\u201e\u00ab]{0,60}$"
)


def told_quote(text: str) -> bool:
    """Whether ``text`` tells what someone said, in quotes after a telling
    verb: the words in quotes are theirs, not the speaker's."""
    if QUOTE_MARKS.isdisjoint(text):
        return False
    quoted = QUOTED.search(text)
    if quoted is None:
        return False
    before = fold(text[: quoted.start()]).words
    return _TOLD_QUOTE.search(before) is not None


def unquoted(f: Folded) -> Folded:
    """The message without what it quotes ("he said \\"shut up\\"", a
    song's line in quotes): words in quotes are not said to the partner."""
    text = f.text
    if QUOTE_MARKS.isdisjoint(text):
        return f
    rest = QUOTED.sub(" ", text)
    return f if rest == text else fold(rest)


def explained(f: Folded, p: Patterns) -> bool:
    """Whether the message explains or translates a word it quotes ("im
    Wörterbuch steht \"geil\"", "\"vai tomar no cu\" = go fuck yourself"):
    a quote mark, and a word for meaning or an "=" beside one."""
    return not QUOTE_MARKS.isdisjoint(f.text) and bool(
        p.defining.search(f.words) or p.defined_plain.search(f.plain)
    )


def someone_named_before(words: str, start: int, p: Patterns) -> bool:
    """True when someone else is named right before an insult at ``start``
    and nothing in the message says "you"."""
    return bool(_NAMED_BEFORE.search(words[max(0, start - 40) : start])) and not (
        p.you_any.search(words)
    )
