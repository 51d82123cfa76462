"""The vocabulary and compiled patterns the detectors use.

Kept apart from :mod:`.detectors` so that the logic reads on its own: this
module is tables (app names, number words, top-level domains) and the
regular expressions built from them, compiled once per analyser.

Every pattern must cost time in proportion to the text it searches: none may
try a stretch of text in more than a bounded number of ways. Python's engine
backtracks, so a run like ``[a-z.]+`` before something that may not follow
is tried from every character of a long run, each time to its end: the
square of the run's length. Such a run is matched from its first character
only (a look-behind), possessively (``++``) where giving characters back
could not help, and a ``\\b`` inside it is found by an atomic group. The
patterns read the folded forms (:mod:`.normalise`), which hold single spaces
and, in ``words``, no letter three times in a row, so "\\s*\\s?" or "o+o+"
can only be tried in a few ways there. ``tests/safety/test_text_linear.py``
times every pattern, and the analyser, on adversarial text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from passerby.safety.text.lexicon import (
    AFFECTION,
    ALONE,
    ALONE_MORE,
    ALONE_PAIR,
    APPS,
    CONTEMPT,
    CONTEMPT_DENIED,
    CONTEMPT_ES,
    DEFINING,
    DIRECTED,
    FIRST_PERSON,
    INSULT_DENIED,
    LAUGHED_PHRASES,
    LAUGHING_FACES,
    LAUGHTER,
    MILD_INSULTS,
    MOST_ASKED,
    MYSELF,
    NAME_CALL,
    NOT_YOU,
    PUT_DOWN,
    REPORTED,
    SAFETY_TOPIC,
    THINGS,
    THREATS,
    THREATS_MORE,
    US_BOTH,
    VEILED_THREATS,
    VOCATIVE,
    VOCATIVE_LAST,
    YOU_ANY,
)
from passerby.safety.text.lexicon_adverts import (
    CONTENT_SITES,
    OWN_PAGE,
    PROMO,
    PROMO_CALL,
    PROMO_CUE,
    PROMO_CUE_LOUD,
    PROMO_CUE_WEAK,
    PROMO_DOMAIN,
    PROMO_MORE,
    SCAM_TALK,
    SHORTENERS,
    TOLD_OF_PAGE,
)
from passerby.safety.text.lexicon_grooming import (
    AGE_QUESTIONS,
    ASK_FOR_MORE,
    CAMERA_ASKED,
    CONFIDE_TOLD,
    FLATTERY,
    FLATTERY_MORE,
    GIFTS,
    ISOLATION,
    MEET_IN_GROUP,
    MEETING,
    MONITORING,
    MOVE_TALK,
    NOT_OWN,
    NUMBER_ASKED,
    OWN_WORDS,
    PARENTS_OR_US,
    PARTNERS_PARENTS,
    PICTURES,
    SECRECY,
    SECRECY_MORE,
    TELL_NOBODY_END,
    VALUABLE,
    VIDEO_CALL,
    WATCHED_NOT,
)
from passerby.safety.text.lexicon_grooming_en import (
    ARE,
    FLATTERY_EN,
    ISOLATION_EN,
    MEETING_EN,
    SECRECY_EN,
    YOU,
    YOUR,
)
from passerby.safety.text.lexicon_put_downs import (
    CONDESCENSION,
    DISMISSALS,
    PROFANE_DISMISSALS,
    PROTEST,
    PROTEST_MORE,
    WISHED_HARM,
)
from passerby.safety.text.lexicon_sexual import (
    BED_QUESTIONS,
    BETWEEN_US,
    NUDE_PICTURE,
    NUDE_VIDEO,
    SEXUAL_ACTS,
    SEXUAL_CRUDE,
    SEXUAL_EMOJI,
    SEXUAL_EXPLETIVES,
    SEXUAL_TOPIC,
    SOLICITATION,
)
from passerby.safety.text.numbers import AGE_BACK, AGE_LEAD, AGE_UNIT, NUM

# Ages outside this range after "I'm N" are more likely not ages at all
# ("I'm 5'7", "im 100% sure"); under 8 is ignored, above 79 weakened.
MIN_AGE: Final = 8
ADULT_AGE: Final = 18
# Below this the toxicity model is mostly reacting to neutral words ("I love
# my dog" scores 0.34); above it, to insults and slurs.
TOXICITY_THRESHOLD: Final = 0.5
LEXICON_SCORE: Final = 0.95
# Telling the partner to shut up: counted, under every rule's threshold.
DISMISSAL_SCORE: Final = 0.8
# A put-down of the partner without a fixed frame: under the threshold alone.
CONTEMPT_SCORE: Final = 0.85
_IM = r"(?:i ?m|i am|iam|ima|i a m)"

# After "I'm N": words that make N a measure, not an age.
_NOT_AGE_AFTER = (
    r"(?!\s*(?:%|percent|min|mins|minutes?|hours?|hrs?|h\b|seconds?|secs?|days?|weeks?|wks?|"
    r"months?|km|kms|k\b|miles?|mi\b|feet|foot|ft|inch|inches|in\b|cm|kg|kgs|lbs?|pounds?|"
    r"stone|dollars?|bucks|euros?|usd|x\b|'|\"|’|th\b|st\b|nd\b|rd\b|:\d|\.\d|,\d|/10|"
    r"out of|of\b|times|mal\b|male\b|veces|vezes|kali\b|pm|am|o'?clock|points|pts|games?|"
    r"levels?|lvl|episodes?|eps?|"
    r"chapters?|pages?|questions?|people|ppl|steps?|places?|spots?|blocks?|"
    r"years? (?!old)|yrs? (?!old)|tahun (?:lalu|yang)|anos de))"
)
# Someone else's age: "my sister is 14", "he's 15", "my son turned 13".
THIRD_PARTY = re.compile(
    r"\b(?:he|hes|he's|she|shes|she's|they|theyre|they're|his|her|their|him|it|its|it's|"
    r"sister|sis|brother|bro|son|daughter|kid|kids|child|cousin|niece|nephew|friend|"
    r"bestie|bf|gf|boyfriend|girlfriend|mom|mum|dad|mother|father|aunt|uncle|dog|cat|"
    r"puppy|car|phone|laptop|student|students|class|team|adik|kakak|anak|anakku|anaknya|"
    r"adikku|adiknya|kakakku|kakaknya|keponakan|ponakan|cucu|cucuku|sepupu|hermana|"
    r"hermano|hijo|hija|primo|prima|amigo|amiga|"
    # others in the other languages, and "half of them", "most of them"
    r"half|most|many|metade|maioria|muitos|muitas|mitad|mayoria|muchos|muchas|setengah|"
    r"kebanyakan|halfte|viele|meisten|ele|ela|eles|elas|dele|dela|irma|irmao|filho|filha|"
    r"ella|ellos|ellas|dia|mereka|er|seine|ihre|bruder|schwester|sohn|tochter|"
    # Indonesian family and people ("suami saya 45 tahun", "murid saya 13 tahun")
    r"suami|istri|bini|pacar|pacarku|teman|temen|temanku|murid|siswa|nyokap|bokap|ayah|"
    r"mertua|tetangga|kakek|nenek|"
    # grandchildren ("meu neto Davi tem 11 anos", "mi nieto tiene 12")
    r"neto|neta|netos|netas|nieto|nieta|nietos|nietas|enkel|enkelin|grandson|granddaughter|"
    r"grandkid|grandkids)\b"
)

_APP_ANY = "|".join(p for pats in APPS.values() for p in pats if p)
_APP_DISTINCT = "|".join(pats[0] for pats in APPS.values() if pats[0])
# Which app a matched spelling names; distinctive spellings are tried first.
APP_LOOKUP: Final = tuple(
    (name, re.compile(pattern))
    for index in (0, 1)
    for name, pats in APPS.items()
    if (pattern := pats[index])
)
LINK_APPS: Final = (
    ("telegram", re.compile(r"\b(?:t\.me|telegram\.me|telegram\.dog)/")),
    ("discord", re.compile(r"\b(?:discord\.gg|discord\.com/invite|discordapp\.com/invite)")),
    ("whatsapp", re.compile(r"\b(?:wa\.me|chat\.whatsapp\.com)")),
    ("snapchat", re.compile(r"\bsnapchat\.com/add")),
    ("instagram", re.compile(r"\binstagram\.com/")),
)
_TLDS = (
    r"com|net|org|edu|gov|io|co|me|ly|gg|xyz|ru|info|biz|app|link|click|site|online|top|tk|"
    r"cc|tv|live|store|shop|club|vip|fun|pw|to|sh|id|us|uk|de|es|mx|ar|br|in|fr|onion|icu|"
    r"win|bet|cam|chat|dating|sex|porn|xxx|page|dev|ai|gl|be|ws|su|cn|"
    # the other countries the corpus's languages are spoken in, and adult sites
    r"pt|cl|ch|ve|ec|uy|au|nl|eu|nz|za|ng|ph|sg|fans"
)
# Domains that are also words ("goodnight.love you", "im at home . at least"):
# a link only with a path after them, or at a message's or clause's end.
_WORDY_TLDS = r"at|ca|pe|ie|love|date|sexy|girls"

# After a dot said in Spanish, Portuguese, Indonesian or German: the
# domains that are no word of theirs.
_SPOKEN_TLDS = (
    r"com|net|org|io|info|biz|online|site|live|xyz|app|shop|store|club|vip|link|click|top|cam|"
    r"bet|chat|ly|gg|icu|pw|tk|ws|tv|ch|at|pt|br|mx|ar|cl|id|ru|xxx|sex|porn|dating|fans"
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _stretch(alternatives: str) -> str:
    """Let each letter of plain words repeat: "nudes" also matches "nuudes"."""
    return "|".join(
        word if not word.isalpha() else "".join(f"{ch}+" for ch in word)
        for word in alternatives.split("|")
    )


def _rows(
    sources: Iterable[tuple[str, float, str]],
) -> tuple[tuple[re.Pattern[str], float, str], ...]:
    """Compiled rows of :mod:`.lexicon`'s tables."""
    return tuple((re.compile(source), score, detail) for source, score, detail in sources)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _gate(rows: Iterable[Sequence[object]]) -> re.Pattern[str]:
    """One alternation of every row: a message that matches none (most
    messages) costs one search instead of one per row."""
    patterns = [row[0] for row in rows]
    return re.compile(
        "|".join(_NAMED_GROUP.sub("(?:", p.pattern) for p in patterns if isinstance(p, re.Pattern))
    )


class Patterns:
    """Every pattern, compiled once per analyser."""

    def __init__(self) -> None:
        c = _compile
        self.non_alnum = c(r"[^a-z0-9]")
        # -- contact details (plain / digits forms) --
        # The detectors only ask whether these match. A match found from
        # inside a run of name characters is found from the run's start too.
        self.email = c(
            r"(?<![a-z0-9._%+\-])[a-z0-9._%+\-]++@[a-z0-9\-]++(?:\.[a-z0-9\-]+)*\.[a-z]{2,}"
        )
        # "\b" then the run: from the run's start, up to the run's first word
        # boundary, atomically (the rest of the run is matched once).
        self.email_spelled = c(
            r"(?<![a-z0-9._\-])(?>[a-z0-9._\-]*?\b)[a-z0-9._\-]++\s*"
            r"(?:\(at\)|\[at\]|\{at\}|<at>|\sat\s|\s@\s)\s*"
            r"[a-z0-9\-]{3,}\s*(?:\(dot\)|\[dot\]|\{dot\}|\[\.\]|\sdot\s|\s?\.\s?)\s*"
            r"(?:com|net|org|edu|io|co|me|de|uk|ru|fr|es|id|mx|ar|br|in|info)\b"
        )
        # "name at gmail", "name@ gmail", "name@ (gmail)": a mail provider
        # named, the rest of the address left out or spaced
        # (a name before " at " has a dot, a digit or "_": "i was at gmail" is
        # a place)
        self.email_provider = c(
            r"(?<![a-z0-9._\-])(?:[a-z0-9._\-]{3,}+\s*+(?:@|\(at\)|\[at\])|(?=[a-z0-9\-]*+[._\d])"
            r"[a-z0-9._\-]{3,}+\s+at\s)\s*+\(?\s*+(?:gmail|googlemail|hotmail|outlook|yahoo|"
            r"protonmail|proton|icloud|gmx|yandex|aol)\b"
        )
        self.handle_at = c(r"(?<![\w.@])@[a-z0-9_.]{3,30}")
        self.handle_named = c(
            rf"\b(?:my|add|add me|follow me|find me|mi|meu|minha|mein|meine|akun)\s*(?:on\s*)?"
            rf"(?P<app>{_APP_ANY}|username|user "
            # the app's name ends there: "meine whatsapps", "meu telemovel" name none
            r"name|user|handle|acc|account|ign|gamertag|tag|id)\b(?:\s*(?:name|id|username|@))?"
            r"(?P<sep>\s*(?:(?:is|ist|es|e|eh)\b|=|:|-|->|@)?\s*)(?P<handle>[a-z0-9_.]{3,30})"
        )
        self.discord_tag = c(r"\b[a-z0-9_.]{2,32}#\d{4}\b")
        self.phone = c(r"(?<![\w.])\+?\(?\d[\d\s().\-/]{5,22}\d(?![\w])")
        self.date = c(r"\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}")
        self.phone_context = c(
            r"\b(?:call|text|txt|ring|number|num|digits|phone|cell|mobile|whatsapp|wa|"
            r"telegram|signal|sms|imessage|nomor|numero|hp|no)\b"
        )
        # A game's player id, tag or name given to play together ("mi id es
        # 2839174410" after "juegas free fire?", "mein tag ist #2YQ8LP90").
        self.game_named = c(
            r"\b(?:roblox|minecraft|fortnite|epic|free ?fire|ff|ml|mlbb|mobile legends|pubg|"
            r"genshin|brawl ?stars|clash royale|clash of clans|coc|valorant|riot|among us|fifa|"
            r"cod|warzone|apex|overwatch|psn|xbox|nintendo|switch|steam|honkai|stumble guys|"
            r"pokemon go|rocket league|gta|lol|league|mabar|main bareng|ranked|duo|squad|zocken)\b"
        )
        self.game_id = c(
            r"\b(?:id|uid|tag|ign|gamertag|user|username|name|nick|nickname|code|friend code|akun|"
            r"server)\b"
        )
        # A player id given by that word, no game named ("mi id es ValeKiller_VE",
        # "id gue 1187342 (2051)", "o meu id e tiagodragao_04"), in the plain form.
        self.id_given = c(
            r"\b(?:id|uid|ign|gamertag|nick|nickname|friend code)\b(?:\s+(?:gue|gua|gw|aku|ku|"
            r"saya|mi|meu|mein|my))?(?:\s+(?:is|es|e|eh|ist|itu|adalah))?\s*[:=]?\s*#?[a-z0-9_]"
        )
        self.address_hint = c(r"\d|\blive\b|\bjalan\b|\bjl\b|\bcalle\b|\bavenida\b")
        self.address = c(
            r"\b\d{1,5}[a-z]?\s+(?!(?:miles?|km|blocks?|min|mins|minutes?|hours?|more|of|th|thn|"
            r"tahun|anos|years?|yrs?|yo|jahre|menit|jam)\b)"
            r"(?:[a-z]+\.?\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|"
            r"boulevard|blvd|court|ct|way|place|pl|terrace|crescent|close|highway|hwy|"
            r"parkway|pkwy|circle|cir)\b(?!\s+(?:too|more|less|better|worse|off|back|out|over|"
            r"longer|harder|easier|bigger|smaller|cooler|funnier|ahead|behind|past)\b)"
        )
        self.address_local = c(
            # "jalan kaki keliling kompleks 30 menit" is a walk, not a street
            r"\b(?:jalan(?!\s+(?:kaki|santai|jalan|bareng|sama|pagi|sore|malam|ke|kemana|terus|"
            r"lagi|aja|dulu|yuk|bentar|keliling|cepat|pelan|juga|sendiri|berdua|pulang|tiap|setiap|"
            r"sehat|di)\b)|jl\.?|calle|avenida|av\.)\s+[a-z]+(?:\s+[a-z]+){0,2}\s*,?\s*"
            r"(?:no\.?|nomor|num\.?|#)?\s*\d{1,4}\b"
        )
        self.postcode = c(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[abd-hjlnp-uw-z]{2}\b|\b\d{5}-\d{4}\b")
        self.live_on = c(
            r"\bi live (?:on|at|in) (?:[a-z]+ ){1,3}(?:street|st|avenue|ave|road|rd|lane|"
            r"drive|way|close|court|jalan|calle)\b"
        )
        # Telegram's and WhatsApp's short links with the dot spaced or said,
        # as bots write them past a filter: "t . me / signals_vip", "t(.)me/x".
        self.url = c(
            r"\bhttps?://\S+|\bwww\.\S+|\bt\.me/\S+|\bwa\.me/\S+|\b(?:t|wa)\s?(?:\.|\(\.\)|"
            r"\[\.\]|\(dot\)|\s(?:dot|punto|ponto|titik|punkt)\s)\s?me\s?/\s?[a-z0-9_]{3,}"
        )
        self.domain = c(
            rf"\b[a-z0-9][a-z0-9\-]{{1,62}}\.(?P<tld>{_TLDS}|(?:{_WORDY_TLDS})(?=/|[^\w\s]|\s*$))"
            rf"\b(?!\.\w)(?:/\S*)?"
        )
        self.domain_spelled = c(
            rf"(?<![a-z0-9\-])(?>[a-z0-9\-]*?\b)[a-z0-9\-]{{2,}}+\s*(?:\(dot\)|\[dot\]|\{{dot\}}|"
            rf"\[\.\]|\(\.\)|\sdot\s|\s\.\s?)\s*(?P<tld>{_TLDS}|(?:{_WORDY_TLDS})(?=/|\s*$))\b"
        )
        # The dot said, in the words form (letters spelled apart joined: "v e
        # l v e t c a m z dot live"), and in the other languages ("tienda
        # punto com", "bit titik ly", "loja ponto online", "shop Punkt ch"),
        # never before a word those languages use ("el punto es que").
        self.domain_said = c(
            rf"\b[a-z0-9]{{2,}}\s+(?:dot\s+(?P<tld>{_TLDS})|(?:punto|ponto|titik|punkt)\s+"
            rf"(?P<tld2>{_SPOKEN_TLDS}))\b"
        )
        # -- off platform (words form) --
        # Imperatives that ask for contact ("add me on", "dm me on"), and verbs
        # that only ask when led by "lets", "can we"… ("lets chat on kik"),
        # so that "our group chat on whatsapp" or "im on discord" stay mentions.
        ask_for = (
            r"(?:"
            + ASK_FOR_MORE
            + r"|add|add me|hmu|hit me up|dm|dm me|message me|msg me|text me|find me|follow "
            r"me|contact me|reach me|ping me|call me|talk to me|join me|tambahin aku|add aku|"
            r"agregame|escribeme|hablame|chat aku|(?:lets|let s|let us|we can|can we|could we|"
            r"we could|wanna|want to|u can|you can|pls|please|ill|i ll|we should|should we|"
            r"shall we|how about we|just|come)\s+(?:talk|chat|continue|move|switch|go|get|hop|"
            r"text|speak|message|talk more|chat more|keep talking))"
        )
        self.off_requests: tuple[tuple[re.Pattern[str], float], ...] = (
            (c(rf"\b{ask_for}\s+(?:on|to|at|in|over|via|di|en|por|no|na|auf|pro|pra|ke|bei|im)\s+"
               rf"(?P<app>{_APP_ANY})\b"), 0.9),
            (c(rf"\b{MOVE_TALK}\s+(?:(?:el|la|o|a|dem|der)\s+)?(?P<app>{_APP_ANY})\b"), 0.85),
            (c(rf"\b(?:lieber|besser|lass uns|komm)\s+(?:\S+\s+)?(?:auf|uber|per|bei|im|in)\s+"
               rf"(?P<app>{_APP_ANY})\s+(?:\S+\s+)?(?:schreiben|weiterschreiben|reden|chatten|"
               r"quatschen|weiter)\b"), 0.85),
            (c(rf"\b(?:vamos|bora|lass uns|vamos a|pindah ke|ayo ke|yuk ke|wechseln wir)\s+"
               rf"(?:(?:pro|pra|para o|auf|al|a|ke|ins|zu|zum)\s+)?(?P<app>{_APP_DISTINCT})\b"),
             0.85),
            # Moving the chat somewhere, with any name of the app ("pindah ke tele aja",
            # "veni al disc privado", "komm auf meinen privaten discord", "move to snap").
            (c(rf"\b(?:pindah|pindahan|ayo|yuk|veni|ven|vente|vem|bora|komm|kommst du|move|"
               rf"switch|come|lets go|passa|pasate|pasemos|escribeme|schreib mir|chat aku|"
               rf"add me|agregame|me adiciona|adde mich)\s+(?:\S+\s+){{0,3}}?"
               rf"(?P<app>{_APP_ANY})\b"), 0.85),
            (c(rf"\b(?:whats|what is|wats|wat is|wut is|send|drop|give me|gimme|share|"
               rf"pass me|pasame|minta|can i get|can i have|could i get|got)\s+{YOUR}?\s*"
               rf"(?P<app>{_APP_ANY})\b"), 0.9),
            (c(rf"\bmy\s+(?P<app>{_APP_ANY})\s+(?:is|id|name|username|user|handle)\b"), 0.9),
            (c(rf"\b(?:do|d|does|did)?\s*{YOU}\s+(?:have|got|use|on)\s+(?P<app>{_APP_ANY})"
               r"(?:\s*\?|$|\s+(?:or|tho|though|bro|babe|we|so|too|\?))"), 0.8),
            (c(rf"\b(?P<app>{_APP_DISTINCT}|snap|sc|insta|ig)\s+me\b"), 0.85),
            (c(rf"\b(?:add|follow)\s+(?:me|my)\b[^?.!]{{0,20}}\b(?P<app>{_APP_ANY})\b"), 0.9),
            (c(rf"\b(?P<app>{_APP_DISTINCT})\s*\?"), 0.6),
            (c(rf"^\s*(?P<app>{_APP_ANY})\s*\?"), 0.6),
        )  # fmt: skip
        self.off_generic: tuple[tuple[re.Pattern[str], float, str], ...] = (
            (c(rf"\b(?:give|send|drop|share|text|pass|dm|tell|gimme|minta)\s+(?:me\s+)?"
               rf"{YOUR}?\s*(?:number|digits|phone|cell|num|mobile|nomor|numero)\b"), 0.9,
             "ask=number"),
            (c(rf"\b(?:whats|what is|wats|can i get|can i have|could i get|got a)\s+{YOUR}?"
               r"\s*(?:phone |cell |mobile )?(?:number|digits|num|phone)\b"), 0.9, "ask=number"),
            (c(NUMBER_ASKED), 0.85, "ask=number"),
            (c(r"\b(?:lets|let us|can we|could we|we should|wanna|want to|we can|shall we|"
               r"pindah)\s+(?:talk|chat|continue|move|go|switch|take this|talk more|keep "
               r"talking)\s+(?:somewhere else|elsewhere|privately|in private|on another app|"
               r"on a different app|off here|off this site|to another app|to a different "
               r"app|somewhere more private|private)\b"), 0.85, "ask=elsewhere"),
            (c(r"\b(?:text|txt)\s+me\b|\b(?:call|ring|facetime)\s+me(?:\s+(?:at|on|tonight|"
               r"later|now|sometime|when|whenever|asap)\b|\s*\??\s*$)"), 0.7, "ask=phone"),
            (c(r"\b(?:add|follow)\s+me\b(?!\s+(?:back|in|to the))"), 0.6, "ask=add"),
        )  # fmt: skip
        self.app_mention = c(rf"\b(?P<app>{_APP_DISTINCT})\b")
        # -- ages (words form, then plain form for "?" cues) --
        self.age_questions: tuple[tuple[re.Pattern[str], float, str], ...] = (
            (c(rf"\b(?:how|hw|hows|how s)\s+old\s+(?:{ARE}|is|r|are|ru)?\s*{YOU}\b"), 0.9, ""),
            (c(r"\bhow\s+old\s*(?:\?|$|r\b|are\b)"), 0.85, ""),
            (c(rf"\b(?:{YOUR}|whats\s+{YOUR}|what\s+is\s+{YOUR}|wats\s+{YOUR}|tell\s+"
               rf"me\s+{YOUR}|and\s+{YOUR})\s+age\b"), 0.9, ""),
            (c(r"\b(?:asl|a s l)\b"), 0.9, "kind=asl"),
            (c(rf"\b{ARE}\s+{YOU}\s+(?:over|under|above|below|atleast|at least|older than|"
               r"younger than|even|really|actually)?\s*(?:1[0-9]|2[0-5]|eighteen|"
               r"sixteen|thirteen)\b"), 0.85, "kind=threshold"),
            (c(rf"\b{YOU}\s+(?:over|under|above)\s+(?:1[0-9]|eighteen)\b"), 0.8,
             "kind=threshold"),
            (c(rf"\b(?:what|wat|which)\s+(?:grade|year|class|form)\s+(?:{ARE}\s+)?{YOU}\s+in\b"),
             0.75, "kind=grade"),
            (c(rf"\b{ARE}\s+{YOU}\s+(?:in|still in|at)\s+(?:high school|middle school|hs|"
               r"school|college|uni)\b"), 0.6, "kind=school"),
            (c(r"\b(?:when|what year)\s+(?:were|was|r)\s+(?:you|u)\s+born\b"), 0.85, ""),
            (c(r"\b(?:cuantos|cuantos anos|que edad)\s+(?:anos\s+)?tienes\b|\btu edad\b"), 0.9,
             "lang=es"),
            (c(r"\b(?:umur|usia|umurnya|umurmu|usiamu)\s+(?:(?:kamu|mu|lo|lu|loe|elo|elu|km|kmu|"
               r"kau|anda|situ|kak|dek|adek|emang|emangnya|sih)\s+){0,2}(?:berapa|brp|brapa)\b|"
               r"\b(?:berapa|brp|brapa)\s+(?:umur|usia|umurmu|umurnya|usiamu)\b"), 0.9, "lang=id"),
            *_rows(AGE_QUESTIONS),
        )  # fmt: skip
        self.age_questions_plain: tuple[tuple[re.Pattern[str], float, str], ...] = (
            (c(r"(?:^|[\s,.])(?:age|edad|umur|wie alt)\s*\?+"), 0.85, "kind=short"),
            (c(r"\b(?:u|you|ya)\s*(?:over\s*|under\s*|r\s*)?(?:1[0-9]|2[0-1])\s*\+?\s*\?"), 0.85,
             "kind=threshold"),
            (c(r"\ba\s*/\s*s\s*/\s*l\b|\basl\s*\?"), 0.9, "kind=asl"),
            (c(r"^(?:age|edad|umur)\s*(?:pls|plz|please|\?|$)"), 0.8, "kind=short"),
        )  # fmt: skip
        self.age_hint = c(
            r"\d|teen|twenty|thirty|forty|fifty|sixty|eleven|twelve|grade|year|school|minor|"
            r"underage|adult|turn|freshman|sophomore|junior|senior|kelas|sma|smp|secundaria|"
            r"prepa|once|doce|trece|catorce|quince|dieci|veint|belas|puluh|eight|nine|\bten\b|"
            r"legal|treze|catorze|quatorze|quinze|deza|dezes|dezoito|vinte|trinta|zehn|zwolf|"
            r"zwanzig|dreissig|treinta|cuarenta|cincuenta|quarenta|cinquenta|zig|chico|chica|"
            r"menin|garot|\bsd\b|fundamental|primaria"
        )
        self.age_self = c(
            rf"\b(?:{_IM}|i\s+am|soy|aku|saya|sy|aq|gue|gua|gw)\s+(?:(?:only|just|almost|nearly|"
            rf"about|like|literally|barely|actually|really|also|too|turning|sudah|baru|udah|udh|"
            rf"masih|msh|cuma|cuman|sebenarnya|"
            rf"sbnrnya|sebenernya|aslinya|beneran|berumur|berusia)\s+){{0,2}}"
            # "aku masih 15 th": Indonesian "th" is "tahun", not "15th"
            rf"(?:an?\s+)?{NUM}\b(?:\s+(?:th|thn)\b)?{_NOT_AGE_AFTER}"
        )
        # The same answer with its unit, a laugh or the question asked back
        # ("15 years", "15 lol", "16 and u?", "15 y tú?", "15 jahre und du").
        self.age_bare = c(
            rf"^\s*+{NUM}(?:\s*+(?P<unit>{AGE_UNIT}))?"
            rf"(?:\s*+[,.!?]*+\s*+{AGE_BACK}\b){{0,2}}"
            r"\s*+[.!?]*+\s*+$"
        )
        # ...or in digits first, then a comma ("15, i know i'm too young for
        # here"): the same answer, said with more.
        self.age_lead = c(
            rf"^\s*+(?:{AGE_LEAD}\s*+,?\s*+)?"
            r"(?P<num>\d{1,2})(?:\s*+,\s*+(?:i|im|i m|me|ich|aku|gue|gw|saya|eu|sou|soy|bin|but|"
            r"pero|mas|aber|tapi|and|y|e|und|dan|btw|lol|haha|jaja|kk|wkwk|ya|yes|si|sim|ja|iya|"
            r"is|isch|ist|thats|is that|das|des|itu|"
            r"puse|pero|so|ok|okay|porque|pq|weil|karena|soalnya|tbh|ngl)\b|\s++(?:tbh|ngl|lol|lmao|"
            r"haha\w*|hehe\w*|hihi\w*|xixi\w*|honestly|fr|jujur|sih|aja|kok|lho|jaja\w*|kkk+|wkwk\w*|btw|"
            r"but|pero|mas|aber|"
            r"tapi)\b|\s*+[.!?]*+\s*+$)"
        )
        self.age_disclosures: tuple[tuple[re.Pattern[str], float, int], ...] = (
            (self.age_self, 0.9, 0),
            # "aku umur 15", read with whose it is ("anak saya umur 14" is not)
            (c(rf"\b(?:aku|saya|sy|aq|gue|gua|gw)\s+(?:umur|usia|umurnya)\s+{NUM}\b"), 0.9, 0),
            (c(rf"(?:^|[\s(])(?:im\s+|i\s+am\s+)?{NUM}\s?(?:yo|y/o|y\.o\.?|yrs?\s*old|years?"
               rf"\s*old|year\s*old|yr\s*old|tahun|anos|años|jahre\s+alt)\b"), 0.85, 0),
            (c(r"(?:^|[\s(,])(?P<num>\d{2})\s?[/,\-]?\s?(?:f|m|female|male|girl|boy|guy|"
               r"gurl|grl|lady|cowok|cewek|cewe|chica|chico)(?![\w'])"), 0.85, 0),
            (c(r"(?:^|[\s(,])(?:f|m|female|male|girl|boy|guy)\s?[/,\-]\s?(?P<num>\d{2})\b"),
             0.85, 0),
            (c(rf"\b(?:just\s+turned|i\s+turned|i\s+just\s+turned|recently\s+turned)\s+{NUM}\b"),
             0.85, 0),
            (c(rf"\b(?:turning|ill\s+be|i\s+will\s+be|gonna\s+be|going\s+to\s+be|i\s+turn)\s+"
               rf"{NUM}\b(?!\s*(?:min|minutes|hours|days|%))"), 0.8, -1),
            (c(rf"\b(?:tengo|umurku|umur\s+aku|umur\s+saya|usiaku|usia\s+saya|eu\s+tenho|tenho|"
               # Brazilian "tô com 15", "estou com 14"
               rf"(?:eu\s+)?(?:to|tou|estou)\s+com|"
               # "bin" is always "I am": "nee, bin 16", "bin ich erst 15", "i bin 19",
               # "ick bin 31", "ich bi 14"
               rf"(?:ich|i|ick|ik)\s+bin|bin(?:\s+(?:ich|i))?|(?:ich|i)\s+bi)"
               rf"\s+(?:(?:ubrigens|uebrigens|eigentlich|eig|eigtl|eh|halt|ca|circa|mittlerweile|"
               rf"nur|ja|doch|auch|jetzt|grad|gerade|"
               rf"in wirklichkeit|wirklich|de hecho|na verdade|na realidade|realmente|en realidad|"
               rf"ya|ja|sih|udah|baru|masih|msh|cuma|cuman|hampir|sudah|udh)\s+){{0,2}}"
               rf"(?:erst\s+|schon\s+|apenas\s+|"
               rf"solo\s+|so\s+|so\s+)?{NUM}\b(?!\s*(?:mal\b|male\b|veces|vezes|kali\b|min|minuten|stunden|tage|km|euro|"
               r"reais|mil|cm|kg|jahren|uhr|%|graus?|grados?|grad\b|pontos|puntos|quilos|kilos|horas|"
               r"dias|semanas|meses|anos\s+de\s+(?:experiencia|casad|carreira|empresa)|"
               r"seguidores|conto|pila))"), 0.85, 0),
        )  # fmt: skip
        self.age_disclosures = (
            *self.age_disclosures,
            # "soy un chico de 15", "sou menina de 14"
            (
                c(
                    rf"\b(?:soy|sou|eu sou)\s+(?:(?:un|una|um|uma)\s+)?(?:chic[oa]|nin[oa]|pib[ea]|"
                    rf"chaval[a]?|muchach[oa]|menin[oa]|garot[oa]|rapariga|rapaz|moca)\s+de\s+"
                    rf"{NUM}\b"
                ),
                0.85,
                0,
            ),
        )
        self.school_disclosures: tuple[tuple[re.Pattern[str], float, int], ...] = (
            (c(r"\b(?:im|i\s+am|i'm)?\s*(?:in|into|starting|finishing|going\s+into|entering|"
               r"kelas)\s+(?:the\s+)?(?:(?P<grade>\d{1,2}(?:st|nd|rd|th)|sixth|seventh|"
               r"eighth|ninth|tenth|eleventh|twelfth)\s+grade|(?P<system>year|grade|kelas)\s+"
               r"(?P<grade2>\d{1,2}))\b"), 0.75, 0),
            (c(r"\b(?:im|i\s+am)\s+(?:in|at|still\s+in)\s+(?:middle\s+school|junior\s+high|"
               r"smp|secundaria)\b"), 0.7, 13),
            (c(r"\b(?:im|i\s+am)\s+(?:in|at|still\s+in)\s+(?:high\s*school|hs|sma|prepa)\b|"
               r"\b(?:im|i\s+am)\s+a\s+(?:freshman|sophomore|junior)\s+in\s+(?:high\s+"
               r"school|hs)\b"), 0.6, 16),
            (c(r"\b(?:im|i\s+am)\s+(?:in|at)\s+(?:college|uni|university)\b"), 0.5, 19),
            # Indonesian, Spanish, Portuguese and German: "aku masih kelas 8", "aku
            # masih SMP", "ich bin in der 8. Klasse", "estoy en la secundaria"
            (c(r"\b(?:aku|saya|gue|gw|gua|aq|sy)\s+(?:(?:masih|baru|udah|sudah|lagi|sekarang|"
               r"skrg|anak)\s+){0,2}(?P<system>kelas)\s+(?P<grade2>[4-9]|1[0-2])\b(?!\s*(?:sd|"
               r"smp|sma|smk)\b)|\bich\s+(?:bin|geh|gehe)\s+in\s+(?:der|die)\s+"
               r"(?P<grade3>\d{1,2})\s*\.?\s*klasse\b"), 0.75, 0),
            (c(r"\b(?:aku|saya|gue|gw|gua|aq|sy)\s+(?:(?:masih|baru|lagi|anak|kelas\s+[1-3])\s+)"
               r"{0,2}(?:smp|mts)\b|^(?:(?:wkwk\w*|haha\w*|hehe\w*|iya|ya|eh|oh)\s+)?(?:masih|"
               r"baru)\s+(?:smp|mts)\b|\b(?:estoy|voy|ando|estudio)\s+en\s+(?:la\s+)?(?:secundaria|"
               r"secu|eso)\b|\b(?:to|tou|estou|eu to|eu tou)\s+no\s+(?:fundamental|fund)\b"),
             0.7, 13),
            (c(r"\b(?:aku|saya|gue|gw|gua|aq|sy)\s+(?:(?:masih|baru|lagi|anak|kelas\s+[1-6])\s+)"
               r"{0,2}sd\b|\b(?:estoy|voy|ando)\s+en\s+(?:la\s+)?primaria\b"), 0.7, 11),
        )  # fmt: skip
        self.age_claims: tuple[tuple[re.Pattern[str], str, float, str], ...] = (
            (c(r"\b(?:im|i\s+am)\s+(?:a\s+minor|underage|under\s+18|not\s+(?:even\s+)?18"
               r"(?:\s+yet)?|still\s+a\s+kid)\b"), "age_disclosure_minor", 0.8, "claim=minor"),
            (c(r"\b(?:im|i\s+am)\s+(?:an\s+adult|over\s+(?:18|21)|18\s*\+|of\s+age|legal)\b"),
             "age_disclosure_adult", 0.7, "claim=adult"),
        )  # fmt: skip
        # -- pictures --
        pic = (
            r"(?:pic|pics|picture|pictures|photo|photos|pix|selfie|selfies|image|images|vid|"
            r"vids|video|face|body|yourself|urself|ur body|your body|what (?:you|u) look "
            r"like|wat u look like|nudes?|foto|fotomu|foto kamu|fotos|"
            # "send ur snap" asks for a Snapchat name, not a picture
            r"(?<!\bur )(?<!\byour )(?<!\btu )(?<!\bteu )(?<!\bseu )(?<!\bdein )"
            r"snaps?(?!\s+(?:name|username|user|id|handle|code)\b))"
        )
        self.picture_requests: tuple[tuple[re.Pattern[str], float, str], ...] = (
            (c(rf"\b(?:send|snd|sned|post|share|drop|show|gimme|give me|can i see|could i "
               rf"see|may i see|lemme see|let me see|wanna see|want to see|i want to see|i "
               rf"wanna see|id like to see|id love to see|can i get|can i have|show me|"
               rf"manda|mandame|envia|kirim|kirimin|minta|liat|lihat|mandarias|enviarias|"
               rf"mandaria|enviaria)\b[^.?!]{{0,25}}?\b{pic}s?\b"),
             0.85, ""),
            (c(rf"\b(?:got|have|do {YOU} have|{YOU} have|any)\s+(?:any\s+)?(?:more\s+|other\s+|"
               r"recent\s+|new\s+)?(?:pics|photos|pictures|selfies|pix)\b"), 0.8, ""),
            (c(r"\b(?:pic|pics|photo|selfie)\s*(?:for|4|x)\s*(?:pic|pics|photo|selfie)\b|"
               r"\bp4p\b|\bpicapic\b|\b(?:trade|swap|exchange)\s+(?:pics|photos|selfies)\b"),
             0.9, "kind=trade"),
            (c(rf"\b(?:turn on|go on|get on|hop on|open)\s+(?:{YOUR}\s+|the\s+)?(?:cam|camera|"
               rf"webcam)\b|\b(?:can|could|shall)\s+we\s+(?:video|facetime|cam|vc)\b|"
               rf"\b(?:wanna|want to|lets)\s+(?:cam|facetime|video call|vc|video chat)\b|"
               rf"\b{YOU}\s+(?:have|got)\s+(?:a\s+)?(?:cam|webcam)\b|\bon\s+cam\s*$"), 0.8,
             "kind=cam"),
            (c(rf"\bwhat\s+(?:do|does)\s+{YOU}\s+look\s+like\b|\bwat\s+{YOU}\s+look\s+like\b"),
             0.6, "kind=looks"),
            *_rows(PICTURES),
        )  # fmt: skip
        # Read only when one of their words is in the message (cheap: most
        # messages that wake the picture detector name a show or a video).
        self.video_call = c(VIDEO_CALL)
        self.camera_asked = c(CAMERA_ASKED)
        # A picture asked for *of the partner*: without it, "send a pic" may be
        # of anything (a worksheet, a dress, the dog just mentioned).
        self.picture_of_you = c(
            r"\b(?:selfies?|face|body|yourself|urself|what (?:you|u) look like|nudes?|fotomu|"
            r"of (?:you|u|ya|urself|yourself)|(?:your|ur|yo) (?:face|body|pic|pics|photo|photos|"
            r"picture|pictures|selfie|outfit|legs|feet|fit)|tuya|tuyas|de ti|de vos|tua|tuas|sua|"
            r"suas|sem camisola|sem camiseta|sin camiseta|shirtless|oben ohne|de "
            r"voce|de vc|teu|von dir|dich|(?:dein|deine|deinen) (?:foto|bild|gesicht|korper)|kamu|"
            r"dirimu|(?:foto|pap) (?:lu|lo|loe|km)|wajah|muka|badan|tubuh|cara|rosto|corpo|gesicht|"
            r"korper|bikini|biquini|lingerie|pijama|pajamas|pyjamas|in (?:your|ur)|"
            # ...or to be sent somewhere private: "kirim foto ke wa aku", "send it on snap"
            r"(?:ke|to|on|in|por|pelo|no|na|per|via|auf) (?:my |mi |meu |mein |aku )?(?:wa|dm|dms|"
            r"pv|privado|private|snap|snapchat|whatsapp|whats|zap|insta|ig|telegram|tele|tg|"
            r"discord|disc|kik|line))\b"
        )
        # The verb denied just before it: "i dont show my face" is a habit told.
        self.denied_before = c(r"\b(?:dont|don t|never|not|wont|cant)\s$")
        self.innocent_picture = c(
            rf"\b(?:of|with)\s+(?:your|ur|the|my|a|his|her|that|this)\s+(?:{THINGS}|puppies|"
            r"kittens|kitties|doggo|puppy|kitten|work|project|screen|screenshot|room design)\b|"
            r"\b(?:screenshot|the meme|that meme|the link|the map)\b|"
            # the same in the other languages: a pet, a meal, a drawing, a game
            rf"\b(?:de|del|do|da|dos|das|von|vom)\s+(?:(?:tu|tus|su|sus|el|la|mi|mis|teu|tua|seu|"
            rf"sua|meu|minha|o|a|deinem|deiner|deinen|dein|deine|dem|der|meinem|meiner|mein|"
            rf"meine)\s+)?{THINGS}\b|\b(?:foto|fotonya|gambar)\s+{THINGS}(?:mu|nya|ku|kamu)?\b|"
            r"\b(?:captura|capturas|print|prints|ss|tangkapan layar|meme)\b|"
            # how a thing is done, and a call with a whole class or group
            r"\bshow\s+(?:me|us)\s+how\b|\b(?:muestrame|mostra|zeig mir|tunjukin|ajarin)\s+"
            r"(?:como|cara|gimana|wie)\b|\b(?:with|con|com|mit|sama|bareng)\s+(?:the\s+|la\s+|a\s+|"
            r"o\s+|der\s+|todo\s+)?(?:whole\s+|entire\s+)?(?:class|group|team|squad|everyone|"
            r"everybody|clase|grupo|equipo|todos|turma|galera|todo mundo|klasse|gruppe|allen|"
            r"sekelas|semua|grup|tim)\b|\b(?:vc|video call|videocall|call|llamada|videollamada|"
            r"chamada|videochamada|anruf|videoanruf)\s+(?:de\s+|em\s+|in der\s+)?(?:grup|group|"
            r"grupal|grupo|gruppe|kelas|bareng)\b"
        )
        # A secret of one's own confided ("don't tell anyone but I like him",
        # "sag keinem, dass ich in ihn verknallt bin"): no secret kept *with*
        # the partner, so nothing after it may say "you" or "us".
        self.confide = c(
            r"\b(?:but|pero|mas|mais|tapi|tp|aber|that|que|dass|kalau|kalo|bahwa|ya)\s+"
            r"(?:\w{1,40}\s+){0,2}?(?:i|im|ive|id|me|my|yo|mi|eu|meu|minha|aku|gue|gw|ich|mich|"
            r"mein|meine)\b"
        )
        # ...or announced first as the speaker's own (read without the "you"
        # check: "te" is in the announcement itself).
        self.confide_told = c(CONFIDE_TOLD)
        # ...as long as nothing after the announcement names the partner's
        # parents or "us" ("te cuento algo pero no le digas a tus papás que
        # hablamos" is the partner's secret kept from them).
        self.parents_or_us = c(PARENTS_OR_US)
        # A secret kept from the partner's own parents is never one's own.
        self.partners_parents = c(PARTNERS_PARENTS)
        self.tell_nobody_end = c(TELL_NOBODY_END)
        self.own_words = c(OWN_WORDS)
        self.not_own = c(NOT_OWN)
        # ...as long as nothing after it says "you" or "us".
        self.you_or_us = c(
            r"\b(?:you|u|ur|te|ti|tu|contigo|voce|vc|kamu|km|lo|lu|dich|dir|du|us|we|nos|nosotros|"
            r"a gente|kita|uns|wir|together|juntos|juntas|bareng|zusammen)\b"
        )
        # A meeting inside a game or a server is no meeting in person.
        self.meet_in_game = c(
            r"\b(?:in|on|at|en|no|na|em|im|auf|di|ke)\s+(?:the\s+|el\s+|o\s+|a\s+|dem\s+|der\s+)?"
            r"(?:game|games|juego|jogo|spiel|server|servidor|lobby|spawn|match|partida|fortnite|"
            r"minecraft|roblox|valorant|overwatch|apex|warzone|cod|free fire|ff|mobile legends|ml|"
            r"mlbb|pubg|genshin|among us|animal crossing|brawl stars|clash royale|fifa|rocket "
            r"league|gta|lol|league)\b"
        )
        # ...nor one in a group or with a parent along ("we should all meet up
        # at the food court", "bora se encontrar lá, vou c minha prima e a mãe
        # dela", "nos juntamos todas en la plaza"): peers' plans, not a stranger's.
        self.meet_in_group = c(MEET_IN_GROUP)
        # "vc?" alone; in "e vc?" it is Portuguese for "you".
        self.cam_plain = c(r"(?:^|\s)(?:cam|webcam|facetime)\s*\?+|^\s*vc\s*\?+\s*$")
        # -- secrecy --
        self.secrecy: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *_rows(SECRECY_EN),
            *_rows(SECRECY),
            (c(SECRECY_MORE), 0.85, "kind=tell"),
        )  # fmt: skip
        # -- flattery (about the other person's maturity or specialness) --
        self.flattery: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *_rows(FLATTERY_EN),
            *_rows(FLATTERY),
            (c(FLATTERY_MORE), 0.8, "kind=mature"),
        )  # fmt: skip
        # -- isolation (from family and friends, or into a private place) --
        self.isolation: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *_rows(ISOLATION_EN),
            *_rows(ISOLATION),
            (c(WATCHED_NOT), 0.75, "kind=private"),
            (c(MONITORING), 0.45, "kind=watched;asked"),
        )  # fmt: skip
        # -- gifts offered (money, credit, game currency, things) --
        self.gifts: tuple[tuple[re.Pattern[str], float, str], ...] = _rows(GIFTS)
        # ...each naming what is given: the gate keys on that, not on "te"
        # or "i can", which half of all chat holds.
        self.gift_valuable = c(rf"\b{VALUABLE}\b")
        # -- meeting --
        self.meeting: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *_rows(MEETING_EN),
            *_rows(MEETING),
        )  # fmt: skip
        # -- sexual content (words form; folded, so "s3xy" and "nuuudes" match) --
        # Crude words and asking for sex or explicit images are explicit
        # (0.9+); words for sex said in ordinary talk ("sex ed", "a naked
        # scene") score 0.8, under the adult section's rule and over the
        # teens'; innuendo and flirting ("what are you wearing") 0.6.
        crude = (
            r"nudes|horny|boobs|tits|titties|cock|pussy|cum|blowjob|handjob|jerk off|"
            r"jack off|sext|sexting|lewds|" + SEXUAL_CRUDE
        )
        topic = (
            r"sex(?! ed\b| education\b)|sexy time|nude|naked|porn|porno|dick|penis|vagina|"
            r"orgasm|masturbat\w*|nsfw|lewd|onlyfans|desnud[ao]|" + SEXUAL_TOPIC
        )
        self.sexual: tuple[tuple[re.Pattern[str], float, str], ...] = (
            (c(SOLICITATION), 0.95, "kind=solicitation"),
            (c(SEXUAL_ACTS), 0.95, "kind=explicit"),
            # checked in the detector: someone in the exchange (BETWEEN_US)
            (c(NUDE_PICTURE), 0.95, "kind=explicit;picture"),
            (c(rf"\b(?:{_stretch(crude)})\b"), 0.9, "kind=explicit"),
            (c(rf"\b(?:{_stretch(topic)})\b"), 0.8, "kind=topic"),
            (c(BED_QUESTIONS), 0.8, "kind=topic;bed"),
            (c(rf"\bwhat\s+(?:are|r)\s+{YOU}\s+wearing\b|\bwat\s+{YOU}\s+wearing\b|\btake\s+"
               r"(?:it|that|your|ur|something|some|them|those|everything)\s*(?:clothes|shirt|"
               r"top|pants|off)?\s*off\b|\b(?:underwear|lingerie|panties|bra|bikini|"
               r"undies)\b|\btouch\s+(?:yourself|urself|you|u)\b|\b(?:turn|turns|turned)\s+"
               r"(?:me|u|you)\s+on\b|\bmake\s+out\b|\bsexy\b|\bkiss\s+(?:you|u|me)\b|\bin\s+"
               r"bed\s+with\b|\bhot\s+body\b|\b(?:you|ur|u)\s+(?:look|are|r)\s+(?:so\s+)?hot\b|"
               r"\bvirgin\b|\bever\s+been\s+kissed\b|\b(?:que|o que)\s+(?:llevas puesto|"
               r"(?:voce|vc) (?:ta|esta) vestindo)\b|\bwas\s+hast\s+du\s+an\b|\bpake\s+baju\s+"
               r"apa\b|\b(?:ropa interior|calcinha|sujetador|sutia|unterwasche|celana dalam|"
               r"beha)\b|\b(?:sexy|sensual|gostosa|gostoso|caliente|rica|seksi|heiss)\s+"
               r"(?:tu|voce|vc|du|kamu|you)\b|\bvirgen\b|\bvirgem\b|\bjungfrau\b|\bperawan\b"),
             0.6, "kind=suggestive"),
        )  # fmt: skip
        self.between_us = c(BETWEEN_US)
        self.nude_video = c(NUDE_VIDEO)
        # -- promotion, link bots (words form; cues and shorteners see below) --
        self.promo: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
            (c(source), score, detail) for source, score, detail in PROMO
        )
        # An advert's pitch that ordinary talk also makes ("I make 50 a week
        # babysitting"): one only beside a call to act, a link or shouting.
        self.promo_pitch: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
            (c(source), score, detail) for source, score, detail in PROMO_MORE
        )
        self.promo_shortener = c(SHORTENERS)
        # Read once an advert's words were found: the message names a scam.
        self.scam_talk = c(SCAM_TALK)
        # Read only once a link was found (the ``link`` signal).
        self.promo_cue = c(PROMO_CUE)
        self.promo_cue_loud = c(PROMO_CUE_LOUD)
        # -- talk about online safety (context) --
        self.safety_topic = c(SAFETY_TOPIC)
        self.protest = c(PROTEST + "|" + PROTEST_MORE)
        self.promo_cue_weak = c(PROMO_CUE_WEAK)
        self.promo_domain = c(PROMO_DOMAIN)
        # Read only once free goods were found: somewhere to go for them.
        self.promo_call = c(PROMO_CALL)
        self.told_of_page = c(TOLD_OF_PAGE)
        self.own_page = c(OWN_PAGE)
        self.content_site = c(CONTENT_SITES)
        # -- insults and threats aimed at the partner, beyond the English model --
        self.directed: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *((c(source), LEXICON_SCORE, f"directed;{lang}") for source, lang in DIRECTED),
            (c(ALONE), LEXICON_SCORE, "directed;alone"),
            (c(ALONE_PAIR), LEXICON_SCORE, "directed;alone"),
            (c(ALONE_MORE), LEXICON_SCORE, "directed;alone"),
            *((c(source), LEXICON_SCORE, "threat") for source in THREATS),
            (c(THREATS_MORE), LEXICON_SCORE, "threat"),
            (c(VEILED_THREATS), LEXICON_SCORE, "threat;veiled"),
            (c(PROFANE_DISMISSALS), LEXICON_SCORE, "dismissal;profane"),
            (c(DISMISSALS), DISMISSAL_SCORE, "dismissal"),
            (c(WISHED_HARM), CONTEMPT_SCORE, "wished"),
            (c(CONDESCENSION), CONTEMPT_SCORE, "contempt;condescension"),
        )
        # Read after a match: a mild insult with laughter is teasing.
        self.laughter = c(LAUGHTER)
        self.affection = c(AFFECTION)
        # Read after a match: the partner excluded, or the speaker included.
        self.not_you = c(NOT_YOU)
        self.us_both = c(US_BOTH)
        self.you_any = c(rf"\b{YOU_ANY}\b")
        # Contempt for the partner in the plain form (sentences kept); a denial
        # read after a match.
        self.contempt = c(CONTEMPT)
        self.put_down = c(PUT_DOWN)
        self.contempt_es = c(CONTEMPT_ES)
        self.contempt_denied = c(CONTEMPT_DENIED)
        self.most_asked = c(MOST_ASKED)
        self.insult_denied = c(INSULT_DENIED)
        self.myself = c(MYSELF)
        self.reported = c(REPORTED)
        self.defining = c(DEFINING)
        self.defined_plain = c(r"[\w\"'\u201d]\s*=\s*[\w\"'\u201c]")
        # Read after a shut-up: the rest of the message an insult on its own.
        self.insult_alone = c(f"{ALONE}|{ALONE_MORE}")
        self.laughing_faces = re.compile(LAUGHING_FACES)
        self.mild_insult = c(rf"\b{MILD_INSULTS}\b")
        self.laughed_phrase = c(LAUGHED_PHRASES)
        # Profane dismissals shortened ("vsf", "vtnc"), which are also said at
        # a game or a day: aimed at the partner only when alone or with "you".
        self.short_dismissal = c(r"vsf|vtnc|tnc")
        self.app_any = c(rf"\b(?:{_APP_ANY})\b")
        self.off_requests_gate = _gate(self.off_requests)
        self.age_disclosures_gate = _gate(self.age_disclosures)
        self.off_generic_gate = _gate(self.off_generic)
        self.age_questions_gate = _gate(self.age_questions)
        self.picture_gate = _gate(self.picture_requests)
        self.secrecy_gate = _gate(self.secrecy)
        self.meeting_gate = _gate(self.meeting)
        self.flattery_gate = _gate(self.flattery)
        self.isolation_gate = _gate(self.isolation)
        self.gifts_gate = _gate(self.gifts)
        self.sexual_gate = _gate(self.sexual)
        self.sexual_emoji = re.compile(SEXUAL_EMOJI)
        # Read after the gate: oaths taken out before the rows are read.
        self.sexual_expletive = c(SEXUAL_EXPLETIVES)
        self.promo_gate = _gate((*self.promo, *self.promo_pitch))
        # Name-calling as an address, in the plain form ("..., estúpida.").
        self.vocative = c(VOCATIVE)
        self.vocative_last = c(VOCATIVE_LAST)
        self.first_person = c(FIRST_PERSON)
        self.name_call_words = c(rf"\b{NAME_CALL}\b")
        self.directed_gate = _gate((*self.directed, (self.name_call_words,)))
        # -- who an insult is aimed at (read after the toxicity score) --
        # Swear words that insult nobody on their own ("this game is so
        # fucking hard"), censored forms ("f***ing", "sh*t") included; read
        # on the plain form, where the asterisks are still there.
        self.swearing = c(
            r"(?<!\w)(?:f+u+c+k+\w*|fck\w*|fk+in\w*|frick\w*|sh+i+t+\w*|damn\w*|dammit|goddamn\w*|"
            r"hell|crap\w*|bloody|wtf|omfg|ffs|af|bs|pissed|piss|ass|arse|"
            r"[a-z]{1,2}[*#@$%!]{2,}[a-z]*|[a-z][*#@$%!]+[a-z]{1,4})(?!\w)"
        )
        # The partner named: a second-person word, or an insult noun said to
        # someone ("loser", "idiot"). Swearing with neither is at the world.
        # The insult nouns are words said of people, not of games or days.
        # "ya" is "you" after a word ("love ya", "screw ya"), "yeah" first
        # ("ya but i suck"); "yo" is Spanish for "I".
        self.second_person = c(
            r"\b(?:you|u|yu|your|ur|yor|youre|yur|ure|yours|yourself|urself|youre|u r|kamu|lu|"
            r"lo|elo|tu|te|usted)\b|(?<=\w )ya\b"
        )
        self.insult_noun = c(
            r"\b(?:idiots?|morons?|losers?|bitch|bitches|retard\w*|cunts?|whores?|"
            r"sluts?|dickheads?|assholes?|jerks?|dumbass|freaks?|clowns?|pathetic|pigs?|"
            r"weirdos?|weebs?|creeps?|creepy|scum|ugly|fat|nerds?|(?:garbage|trash|worthless) "
            r"(?:human|person|people)|(?:human|person) (?:garbage|trash))\b"
        )
        self.insult_phrase = c(
            rf"\b(?:f+u+c+k+|screw|piss|f)\s+(?:{YOU}|off|urself|yourself)\b|\bstfu\b|\bgtfo\b|"
            r"\bshut\s+(?:the\s+\w+\s+)?up\b|\bgo\s+to\s+hell\b"
        )
        # "shut up" without a swear word: rude, not an insult on its own.
        self.plain_dismissal = c(r"\bshut\s+up\b")
        # Insults that are said of someone else: "my teacher is such a bitch".
        # A rude word made praise by what stands before it ("you're a good
        # cunt", "lucky bastard"): Australian, Irish and British warmth.
        self.praised = c(
            r"\b(?:good|top|sound|mad|lucky|clever|funny|sick|cheeky|sweet|legendary|lovely|"
            r"jammy|smart)\s+(?:cunt|bastard|bugger|sod|git|fucker)\b"
        )
        self.someone_else = c(
            r"\b(?:he|hes|she|shes|they|theyre|him|her|them|his|my|our|this|that|these|those|"
            r"teacher|teachers|boss|coach|ex|guy|dude|girl|man|woman|people|someone|everyone|"
            r"some(?! daqui)|"
            r"random|player|players|team|teammate|teammates|hacker|hackers|enemy|enemies|"
            r"mr|mrs|ms|miss|sir)\b"
        )
        # Self-harm incitement in English; insults and threats in the other
        # languages are the directed detector's (a second-person frame), so
        # that "anjing, kalah lagi" (swearing at a game) is not an insult.
        self.toxic_lexicon = c(
            r"\b(?P<selfharm>kys|k y s|kill (?:your ?self|ur ?self|yo ?self)|go die|hope (?:you|u) "
            r"die|neck (?:your|ur)self)\b"
        )
