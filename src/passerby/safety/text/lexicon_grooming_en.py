"""Grooming's steps in English: secrecy, flattery, isolation and meeting.

The English rows of the step tables :class:`.patterns.Patterns` compiles,
each ``(pattern, score, detail)`` in the words form (:mod:`.normalise`),
read before the other languages' rows of :mod:`.lexicon_grooming`: the
first row that matches gives the signal. Scores are hand-set confidences.
"""

from __future__ import annotations

from typing import Final

# "Where do you live?", "what school do you go to?": what strangers of any
# age ask each other; a little weight towards the conversation's risk, under
# PRESENT (risk.py), so never a step of a pattern on its own. An address, a
# street or a pick-up is asked for in words of its own, which score high.
ASK_WHERE: Final = 0.45

YOU: Final = r"(?:you|u|ya|yu|yo)"
YOUR: Final = r"(?:your|ur|yor|youre|yur|ure)"
ARE: Final = r"(?:are|r)"

Rows = tuple[tuple[str, float, str], ...]

# Whom a secret is kept from.
_OTHERS = (
    r"(?:anyone|anybody|any1|no one|noone|nobody|ur (?:mom|mum|dad|parents|mother|"
    r"father|family|friends|teacher|sister|brother)|your (?:mom|mum|dad|parents|"
    r"mother|father|family|friends|teacher|sister|brother)|people|ppl|the mods|mods|"
    r"others|ortu|orang tua|siapa siapa|siapapun|nadie|tus papas|tus padres)"
)

SECRECY_EN: Final[Rows] = (
    (rf"\b(?:dont|do not|dnt|never|pls dont|please dont|dont you|don t|jangan|no le"
     rf"s?)\s+(?:ever\s+)?(?:tell|say|mention|show|bilang|kasih tau|cerita|digas|"
     rf"cuentes)\b(?!\s+(?:that|this|it)\s+about\s+(?:yourself|urself|ur self|your self)\b)"
     rf"(?:\s+\w+){{0,3}}?\s+{_OTHERS}\b", 0.85, "kind=tell"),
    (r"(?<!\btell me )(?<!\btell you )(?<!\btell u )(?<!\bknow )(?<!\bshare )\b"
     r"(?:our|a|the)\s+(?:little\s+|lil\s+|special\s+)?secret\b"
     # "the secret stuff", "a secret level": an adjective, not a secret kept
     r"(?!\s+(?:stuff|part|thing|things|ingredient|level|levels|menu|ending|door|room|code|santa|"
     r"recipe|boss|area|passage|weapon|agent|society|base)\b)", 0.8, "kind=secret"),
    (r"\bkeep\s+(?:this|it|that|us|things|everything|what we|our)\b(?:\s+\w+){0,3}?\s+"
     r"(?:between us|between you and me|between u and me|secret|a secret|quiet|"
     r"private|on the down ?low|on the dl|to yourself|to urself|hidden)\b", 0.9,
     "kind=keep"),
    (r"\bjust\s+between\s+(?:us|you and me|u and me|me and you|me and u|us two)\b",
     0.85, "kind=between"),
    (r"\b(?:delete|clear|erase|wipe|hapus|borra)\s+(?:this|the|our|these|ur|your|"
     r"all|all the|all our)?\s*(?:chat|chats|messages|msgs|convo|conversation|"
     r"texts|history|logs|pics|photos|dms|obrolan|chatnya)\b", 0.9, "kind=delete"),
    (r"\b(?:delete|erase|clear)\s+(?:this|it|that|them)\s+(?:after|afterwards|later|"
     r"when (?:you|u) re done|when ur done)\b", 0.85, "kind=delete"),
    (r"\b(?:is|are|r)\s+(?:anyone|any1|anybody|someone|ur|your)\s+(?:parents\s+|"
     r"mom\s+|dad\s+|mum\s+|family\s+)?(?:else\s+)?(?:around|home|there with you|near "
     r"you|watching|nearby|in the room|with you|in ur room|in your room|awake)\b",
     0.75, "kind=watched"),
    (rf"\b{ARE}\s+{YOU}\s+(?:home\s+)?alone\b|"
     rf"(?<!\bi was )(?<!\bim )(?<!\bi m )(?<!\bi am )\b(?:home|house)\s+alone\s*\?+\s*$|"
     r"\bwhen\s+(?:are|r)\s+(?:you|u)\s+(?:home\s+)?alone\b|"
     # "kamu lagi sendirian?", "sendirian di rumah?", not "kamu nanggung sendirian"
     r"\b(?:kamu|km|lo|lu|kakak|dek|adek)\s+(?:lagi\s+|lg\s+|lgi\s+)?sendirian\b|"
     # not told of oneself: "aku sendirian di rumah"
     r"(?<!\baku\s)(?<!\bsaya\s)(?<!\bgue\s)(?<!\bgw\s)(?<!\blagi\s)\bsendirian\s+(?:di rumah|"
     r"dirumah|di kamar|dikamar|ga|gak|nggak|kah|ya|dong)\b|"
     r"\b(?:di rumah|dirumah|jadi)\s+sendirian\s*(?:ya|dong|kah)?\s*\?*\s*$|"
     r"\bsendirian\s*\?+\s*$|"
     rf"^\s*(?:\S+\s+){{0,3}}?{YOU}\s+(?:home\s+)?alone(?:\s+(?:rn|right now|now|atm|"
     r"tonight))?\s*\?*\s*$|\balone\s+(?:rn|right now|atm|tonight)\s*\?+\s*$|"
     r"\b(?:lg|lgi)\s+sendiri\b", 0.85, "kind=alone"),
    (r"\b(?:no one|nobody|noone|no1)\s+(?:needs|has|have|will|would|should|gonna|"
     r"is gonna|is going)\s+(?:to\s+)?(?:know|find out|see)\b", 0.9, "kind=nobody"),
    (rf"\b(?:{YOUR}|their)\s+(?:parents|mom|dad|mum|family|friends)\s+(?:dont|do not|"
     r"wouldnt|wont|would not|will not|never|cant|could not|couldnt)\s+(?:need to|have "
     r"to|understand|get it|get us|approve|let you)\b|\bthey\s+(?:wouldnt|would "
     r"not|wont|dont)\s+understand\s+(?:us|this|what we)\b", 0.85, "kind=isolate"),
    (r"\b(?:use|go|open)\s+(?:incognito|private browsing|private mode)\b|\bhide\s+"
     r"(?:this|the app|our|these|it from)\b", 0.8, "kind=hide"),
)  # fmt: skip
# Flattery about the other person's maturity or specialness.
FLATTERY_EN: Final[Rows] = (
    (rf"\b(?:{YOU}\s+{ARE}|{YOUR}|ur\s+so|you\s+re|{YOU}\s+(?:seem|sound|look)|"
     rf"{YOU}\s+{ARE}\s+(?:really|so))\s+(?:so\s+|really\s+|very\s+|such\s+a\s+|"
     r"way\s+)?(?:mature|grown up|special|different from (?:the )?others)\b", 0.8,
     "kind=mature"),
    (rf"\b(?:mature|grown up)\s+for\s+(?:{YOUR}|your|a)\s+(?:age|\d+\s*(?:yo|year "
     r"old))\b|\bnot\s+like\s+(?:other|the other)\s+(?:girls|boys|kids)\b|\b(?:dewasa "
     r"banget|maduro para tu edad|muy madura?)\b", 0.85, "kind=mature"),
    (r"^(?:aw+\s+|so\s+)?cute\b(?!\s+(?:dog|cat|pet|puppy|kitten|bunny|she|he|they|"
     r"shes|hes|theyre|her|his|their|that|this|when|how|idea|plan))", 0.6,
     "kind=cute"),
)  # fmt: skip
# Isolation from family and friends, or into a private place.
ISOLATION_EN: Final[Rows] = (
    (r"\b(?:so\s+we\s+can|where\s+we\s+can|we\s+can|lets|let s)\s+talk\s+(?:more\s+)?"
     r"(?:privately|in private|alone|without anyone)\b|\b(?:somewhere|where)\s+(?:its|"
     r"it s|it is|thats|we can be)\s+(?:more\s+)?(?:private|alone)\b|\b(?:its|it s|"
     r"it is)\s+(?:more|much more|way more)\s+private\b|\b(?:its|it s|it is)\s+"
     r"(?:safer|more private)\s+(?:there|on|than)?", 0.75, "kind=private"),
    (r"\b(?:lets|let s|go|move|switch|talk)\b(?:\s+\w+){0,3}?\s+(?:its|it s|it is)\s+"
     r"(?:safer|private)\b", 0.75, "kind=private"),
    (rf"\b{YOUR}\s+(?:parents|mom|dad|mum|family)\s+(?:home|around|there|awake)\b|"
     rf"\bdo\s+{YOUR}\s+(?:parents|mom|dad|mum)\s+(?:check|read|look at|go through|"
     rf"monitor|see)\s+{YOUR}\s+(?:phone|messages|chats|texts|dms)\b", 0.75,
     "kind=watched"),
    (rf"\b{YOU}\s+(?:seem|sound|look)\s+(?:so\s+|really\s+|kinda\s+)?(?:lonely|sad|"
     rf"alone)\b|\bi\s+understand\s+{YOU}\s+better\s+than\b|\bbetter\s+than\s+"
     rf"{YOUR}\s+(?:parents|mom|dad|friends|family)\s+(?:do|does)\b|\b(?:only|no one "
     r"but)\s+(?:i|me)\s+(?:get|understand|understands)\s+(?:you|u)\b", 0.8,
     "kind=lonely"),
)  # fmt: skip
MEETING_EN: Final[Rows] = (
    (rf"\bwhere\s+(?:do|d|does)\s+{YOU}\s+(?:live|stay|life|reside)\b|\bwhere\s+"
     rf"{YOU}\s+(?:live|stay)\b|\b{YOU}\s+live\s+where\b", ASK_WHERE, "ask=where"),
    (rf"\bwhere\s+(?:{ARE}|is)\s+{YOU}\s+(?:located|staying|living|rn|right now|at "
     rf"the moment)\b|\bwhat\s+(?:city|town|state|area|neighbou?rhood|part of town|"
     rf"street|suburb)\s+(?:do|are|r|d)\s+{YOU}\b", ASK_WHERE, "ask=where"),
    (rf"\b(?:what|which|wat)\s+(?:school|high school|middle school|college)\s+(?:do|"
     rf"d|does|r|are)?\s*{YOU}\s+(?:go|goto|attend|at|in)\b|\bwhere\s+(?:do|d)\s+"
     rf"{YOU}\s+go\s+to\s+school\b", ASK_WHERE, "ask=school"),
    (r"\b(?:lets|let us|we should|we could|wanna|want to|can we|could we|shall we|"
     r"would you like to|would u like to|do you want to|do u want to|u want to|you "
     r"want to|we can|i wanna|i want to|id love to|i would love to|ayo|yuk)\s+"
     r"(?:meet|meetup|hang out|hangout|link up|get together|see each other|see you "
     r"in person|meet you|meet u|ketemu|ketemuan|kopdar|vernos)\b", 0.85,
     "ask=meet"),
    (r"\bmeet\s*(?:up|irl|in person|in real life|face to face|offline)\b|\bkopdar\b|"
     r"\bketemuan\b", 0.85, "ask=meet"),
    (rf"\bi\s*(?:can|could|will|ll|would|wil|can come)?\s*(?:pick\s+{YOU}\s+up|come\s+"
     rf"(?:and\s+)?(?:get|see|visit|pick up)\s+{YOU}|come\s+to\s+{YOUR}\s+(?:place|"
     rf"house|school|town|city)|drive\s+(?:to\s+)?(?:{YOU}|{YOUR})|visit\s+{YOU}|"
     rf"jemput\s+kamu)\b", 0.9, "ask=pickup"),
    (rf"\b{YOU}\s+(?:can|could|should|wanna|want to)\s+come\s+(?:over|to\s+my)\b|"
     r"\bcome\s+(?:over\s+to|to)\s+my\s+(?:place|house|apartment|flat|car|hotel)\b",
     0.8, "ask=visit"),
    (rf"\b(?:send|give|tell|drop)\s+(?:me\s+)?{YOUR}\s+(?:address|addy|location|home "
     rf"address|postcode|zip)\b|\b(?:whats|what is|wats)\s+{YOUR}\s+(?:address|addy|"
     r"home address|location|postcode|zip)\b", 0.9, "ask=address"),
    (r"\bdonde\s+vives\b|\b(?:kamu|km)\s+tinggal\s+di\s*mana\b|\brumah\s+(?:kamu|km)"
     r"\s+di\s*mana\b", ASK_WHERE, "ask=where"),
)  # fmt: skip
