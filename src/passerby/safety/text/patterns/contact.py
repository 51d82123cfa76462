"""Contact details and moving the chat elsewhere: e-mail addresses, phone
numbers, accounts and player ids, street addresses, links and domains (read
in the plain and digits forms), and asking to go on another app (the words
form)."""

from __future__ import annotations

import re
from typing import Final

from passerby.safety.text.lexicon import APPS
from passerby.safety.text.lexicon_asks import ASK_FOR_MORE, ID_ASKED, MOVE_TALK, NUMBER_ASKED
from passerby.safety.text.lexicon_grooming_en import YOU, YOUR
from passerby.safety.text.patterns.rows import gate_of

# Under every rule and not present in the risk: asking for a game's id is small talk.
ID_ASKED_SCORE: Final = 0.3
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
# Mail providers, named after an "@" or " at " with the rest of the address left out.
MAIL_PROVIDERS: Final = (
    r"gmail|googlemail|hotmail|outlook|yahoo|protonmail|proton|icloud|gmx|yandex|aol"
)
# Words no street's name is made of (in the plain form): prepositions,
# possessives, conjunctions (not articles: "22 the close", "1200 la brea ave").
_FUNCTION_WORD = (
    r"(?:by|off|on|in|at|to|for|from|of|with|and|or|my|your|his|her|our|their|"
    r"fur|mit|mein|meinen|meine|und|oder|"
    # a time or a measure: "1 detik dr PB gw" (one second from my best)
    r"detik|menit|jam|hari|seconds?|secs?|minutes?|mins?|hours?|meter|meters|km|kg|cm)"
)

# After a dot said in Spanish, Portuguese, Indonesian or German: the
# domains that are no word of theirs.
_SPOKEN_TLDS = (
    r"com|net|org|io|info|biz|online|site|live|xyz|app|shop|store|club|vip|link|click|top|cam|"
    r"bet|chat|ly|gg|icu|pw|tk|ws|tv|ch|at|pt|br|mx|ar|cl|id|ru|xxx|sex|porn|dating|fans"
)


# A government's site: "dol.gov/…", "oss.go.id", "gob.mx", "gov.br", "bund.de"
# (the endings only governments are given).
GOVERNMENT: Final = (
    r"(?:[a-z0-9-]+\.)*(?:gov|gov\.(?:uk|br|au|in|pt|co|za|sg|ph|my|ie|nz|it|pl)|"
    r"gob\.(?:mx|es|ar|cl|pe|co)|go\.id|gouv\.fr|gv\.at|bund\.de|admin\.ch)"
)
# ...then its path, or the link's end ("see serlo.org, it's free"); never a
# login part ("docs.google.com:x@…") or a longer host ("….com.evil.ru").
_SITE_END: Final = r"(?=[/?#\s,]|\.(?:\s|$)|$)"
# Sites where people share schoolwork, reference and media, and governments'
# sites, with no private messages of their own: a link to one is no move to
# a stranger's place ("the doc's here: docs.google.com/…", "watch this
# youtu.be/…").
KNOWN_SITES: Final = re.compile(
    r"(?:https?://)?(?:www\.|m\.|[a-z]{2}\.)?(?:docs\.google\.com|classroom\.google\.com|"
    r"forms\.gle|wikipedia\.org|quizlet\.com|kahoot\.it|khanacademy\.org|duolingo\.com|"
    r"wordwall\.net|youtube\.com|youtu\.be|open\.spotify\.com|imdb\.com|"
    rf"{GOVERNMENT}){_SITE_END}"
)
GOVERNMENT_SITES: Final = re.compile(rf"(?:https?://)?(?:www\.)?{GOVERNMENT}{_SITE_END}")


class ContactPatterns:
    """The contact and off-platform patterns, compiled once per analyser."""

    def __init__(self) -> None:
        c = re.compile
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
            r"[a-z0-9._\-]{3,}+\s+at\s)\s*+\(?\s*+(?:" + MAIL_PROVIDERS + r")\b"
        )
        # An app named before a spaced "@" and a site that is no mail
        # provider: "auf tiktok @ jayswifey.de" is the account's name.
        self.app_at = c(
            r"(?:tiktok|tt|insta|instagram|ig|snap|snapchat|sc|twitter|x|discord|dc|twitch|yt|"
            r"youtube|threads|bluesky|bsky|tumblr|pinterest|fb|facebook|kik|telegram|tele)\s+"
            r"(?:@|at)\s+(?!(?:" + MAIL_PROVIDERS + r"|web|uol|bol|live|msn)\b)"
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
        # "07 14 2021", "14 07 2021": a date written with spaces, its year
        # last (read as one only beside no word for a phone)
        self.date_spaced = c(
            r"(?:(?:0?[1-9]|1[0-2]) (?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01]) "
            r"(?:0?[1-9]|1[0-2])) (?:19\d\d|20[0-3]\d)"
        )
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
        # ...or a friend code, or Mobile Legends' id with its server in
        # brackets ("128374659 (2031)"), which no phone number looks like
        self.id_given = c(
            r"\b(?:id|uid|ign|gamertag|nick|nickname|friend code|freundescode|spieler id|spielerid|"
            r"codigo de amig[oa])\b(?:\s+(?:gue|gua|gw|aku|ku|saya|mi|meu|mein|my))?(?:\s+(?:is|es|"
            r"e|eh|ist|itu|adalah))?\s*[:=]?\s*#?[a-z0-9_]|\b\d{6,12}\s?\(\d{3,5}\)"
        )
        self.address_hint = c(r"\d|\blive\b|\bjalan\b|\bjl\b|\bcalle\b|\bavenida\b")
        self.address = c(
            r"\b\d{1,5}[a-z]?\s+(?!(?:miles?|km|blocks?|min|mins|minutes?|hours?|more|of|th|thn|"
            r"tahun|anos|years?|yrs?|yo|jahre|menit|jam)\b)"
            # a street's name is content words: "2 cubs by the road", "2014 trd
            # off road", "1400 fur meinen fiesta st" are no address
            rf"(?:(?!{_FUNCTION_WORD}\b)[a-z]+\.?\s+){{1,3}}"
            r"(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|"
            r"pl|terrace|crescent|close|highway|hwy|"
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
        # What goes before a name or a game server's address that looks like a
        # domain: "soy el q se llama nachito.gg", "ign is kucingoren.id", "ip
        # is play.klotzbande.de" (read on the text before the match).
        self.named_before = c(
            r"(?:\b(?P<server>(?:server\s+)?ip|ip\s+(?:do|del|des|vom)\s+server[s]?|server|"
            r"servidor|alamat server)|\b(?:se llama|me llamo|llamado|named|called|name is|name s|"
            r"nick(?:name)?|username|user|ign|ingame|in game|nama|namanya|heisse|heiße|heisst|"
            r"heißt|chamado|me chamo|meu nick|mi nick))(?:\s+(?:is|es|e|é|ist|nya|gw|ku|aku|"
            r"mu|kamu|lu|dia))?\s*[:=]?\s*[\"'“”]?(?:[a-z0-9\-]+\.)*$"
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
            (c(rf"\b(?:{MOVE_TALK})\s+(?:(?:el|la|o|a|dem|der)\s+)?(?P<app>{_APP_ANY})\b"), 0.85),
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
            # a player's id asked for: what teens swap to play together; read by
            # the moderator on the other side (the number sent back is an id)
            (c(ID_ASKED), ID_ASKED_SCORE, "ask=id"),
        )  # fmt: skip
        self.app_mention = c(rf"\b(?P<app>{_APP_DISTINCT})\b")
        self.app_any = c(rf"\b(?:{_APP_ANY})\b")
        self.off_requests_gate = gate_of(self.off_requests)
        self.off_generic_gate = gate_of(self.off_generic)
