"""The advert detector: selling, money, free goods, adult promotion, "follow
my page", link shorteners, and a link beside an advert's words; talk about
adverts (a scam named, retold, quoted, or a place to report it) kept under
the promo rule.

Pure, over the folded forms (:mod:`.normalise`) and the compiled patterns
(:mod:`.patterns`); :meth:`.detectors.TextAnalyser._promo` calls it.
"""

from __future__ import annotations

import re
from typing import Final

from passerby.core.signals import Signal
from passerby.safety.text.aim import QUOTE_MARKS, unquoted
from passerby.safety.text.contacts import all_government, somewhere
from passerby.safety.text.context import retold
from passerby.safety.text.lexicon_adverts import PROMO_DOMAIN
from passerby.safety.text.normalise import Folded
from passerby.safety.text.patterns import Patterns

# An advert's words without an advert's ask: free goods with nowhere to go
# for them, a link shared with "look" or "check out". Under the promo rule.
PROMO_TALK: Final = 0.6
# An advert's typography: "!", emoji, a word in capitals.
_SHOUTED: Final = re.compile(r"!|[\U0001F300-\U0001FAFF\u2600-\u27BF\u203c\u2049]|\b[A-Z]{4,}\b")
# A link given as the place to report something ("report it at
# reportfraud.ftc.gov", "laporin ke aduannomor.id", "melde es bei …"): no advert.
_REPORT_TO: Final = re.compile(
    r"\b(?:report|reported|reporting|reportalo|reportala|reportar|reporta|lapor|laporin|"
    r"laporkan|lapor\w*kan|aduan\w*|melde|melden|meldet|denuncia|denunciar|denuncie|"
    r"denuncialo|denunciala|anzeigen|anzeige)\b"
)
# A link received, told of as what it was like, the link right after: "me
# mandaram um link tipo roraima-trekking-promo.com", "someone sent me a link
# like free-gift.xyz". Read on the plain form, where the dots are; never
# beside a call to act ("try it", "corre", "claim").
_LINK_RECEIVED: Final = re.compile(
    r"\b(?:sent|received|mandaram|mandaron|mando|mandou|enviaron|envio|enviou|recebi|recibi|"
    r"geschickt|bekommen|gekriegt|dapet|dapat|dikirimin|dikirim|ngirim)\b"
    r"(?:\s+\S+){0,4}?\s+link\s+(?:like|tipo|como|kayak|kaya|semacam|irgendwas mit|so wie)\s+"
    r"[a-z0-9\-]+\.[a-z]"
)
# A link's words: its host's labels and parts ("hotgirls", "cam"; "rbx",
# "freegift"), its path's segments.
_LINK_WORDS: Final = re.compile(r"[^a-z0-9]+")
_SCHEME: Final = re.compile(r"^[a-z]+://")
_PROMO_LAST: Final = re.compile(f"(?:{PROMO_DOMAIN})$")
# A call to act beside a link told of ("try it", "corre", "claim"): not the
# promo rule's PROMO_CALL, which counts the word "link" itself as one.
_CALL: Final = re.compile(
    r"\b(?:click|tap|claim|try|go|visit|join|sign up|register|check|corre|buruan|daftar|cek|"
    r"klik|klick|clique|acesse|entra|hol dir|now|ahora|agora|sekarang|jetzt|here|aqui|hier|"
    r"sini|dm|inbox)\b"
)
# Ordinary words that begin with an advert's word, as a host's part begins.
_ORDINARY_START: Final = re.compile(
    r"(?:hotel|camp|camer|cambr|camin|better|between|betreu|betty|bethan|bethel|winter|windo|wine|"
    r"freedom|freelanc|cashmere|deals?hop)"
)

# Where a message's own link or handle would be, outside the quotes.
_OWN_PLACE: Final = re.compile(r"@\w|\w\.[a-z]{2,}\b|\bwww\b|/")


def _outside_quotes(f: Folded) -> Folded | None:
    """The message without what it quotes, when it quotes something and has
    no link or handle of its own outside the quotes; else None."""
    if QUOTE_MARKS.isdisjoint(f.text):
        return None
    rest = unquoted(f)
    if rest is f or _OWN_PLACE.search(rest.plain):
        return None
    return rest


def _only_quoted(rest: Folded, pattern: re.Pattern[str]) -> bool:
    """Whether an advert's words are all inside the quotes (``rest`` is the
    message outside them): a scam message quoted ("a mensagem era
    \"Rendimento garantido!...\"", "bekam eine SMS: \"Ihr Paket...\""),
    not sent."""
    return not (pattern.search(rest.words) or pattern.search(rest.plain))


def promo(p: Patterns, f: Folded, out: list[Signal]) -> None:
    """Selling, money, free goods, adult promotion, "follow my page"; a
    link shortener; or a link beside an advert's words ("check out
    www.hotdeals-now.biz"), unless the link is to a site where people
    share songs and videos."""
    words = f.words
    # An advert's words only inside quotes: a scam message quoted, told of
    # (kept if nothing else in the message is an advert's). What is left
    # outside the quotes, when it holds no link or handle of its own.
    quoted: Signal | None = None
    rest = _outside_quotes(f)
    if p.promo_gate.search(words) or p.promo_gate.search(f.plain):
        for pattern, score, detail in p.promo:
            # the plain form too: folding reads "5k a week" as "sk"
            if pattern.search(words) or pattern.search(f.plain):
                if rest is not None and _only_quoted(rest, pattern):
                    quoted = quoted or Signal("promo", PROMO_TALK, detail + ";quoted")
                    continue
                out.append(_pitch(p, f, score, detail, out))
                return
        # Free goods and the pitches are an advert's only when it asks:
        # somewhere to go, a call to act, or shouting.
        for pattern, score, detail in p.promo_pitch:
            if pattern.search(words) or pattern.search(f.plain):
                if rest is not None and _only_quoted(rest, pattern):
                    quoted = quoted or Signal("promo", PROMO_TALK, detail + ";quoted")
                    continue
                if not _asks(p, f, out):
                    score, detail = PROMO_TALK, detail + ";talk"
                out.append(_pitch(p, f, score, detail, out))
                return
    if quoted is not None:
        out.append(quoted)
        return
    plain = f.plain
    if p.promo_shortener.search(plain):
        out.append(Signal("promo", 0.85, "kind=shortener"))
        return
    if not any(s.name == "link" for s in out) or p.content_site.search(plain):
        return
    if all_government(p, plain):
        return  # "di oss.go.id, gratis kok": a government's service is no advert
    if rest is not None:
        # the link is inside quotes: a scam's SMS quoted ("bekam eine SMS:
        # \"... dhl-zustellung.info\"")
        out.append(Signal("promo", PROMO_TALK, "kind=link;quoted"))
        return
    if _REPORT_TO.search(words):
        return  # where to report it: "laporin ke aduannomor.id biar diblokir"
    if _link_told(p, f):
        # a link someone sent, told of: "me mandaram um link tipo x-promo.com"
        out.append(Signal("promo", PROMO_TALK, "kind=link;told"))
        return
    if p.promo_cue.search(words) or (p.promo_cue_loud.search(words) and _SHOUTED.search(f.text)):
        out.append(Signal("promo", 0.85, "kind=link"))
        return
    spammy = any(
        _spam_named(p, m.group())
        for link, form in (
            (p.url, plain),
            (p.domain, plain),
            (p.domain_spelled, plain),
            (p.domain_said, words),
        )
        for m in link.finditer(form)
    )
    if spammy:  # "hotgirls (dot) cam", "t.me/cripto_vip"
        out.append(Signal("promo", 0.85, "kind=link;name"))
    elif p.promo_cue_weak.search(words):
        out.append(Signal("promo", PROMO_TALK, "kind=link;shared"))


def _spam_named(p: Patterns, link: str) -> bool:
    """Whether a link's name is an advert's: a part of its host that begins
    or ends with an advert's word ("hotgirls.cam", "rbx-freegift.site",
    "ff-diamantesgratis.online"), or a path segment that is one ("/promo").
    Not a word inside another ("bandcamp", "/soto-betawi"), nor a short one
    that begins an ordinary word ("hotels", "camping", "betreut": see
    :func:`_advert_part`)."""
    host, _, path = _SCHEME.sub("", link.lower()).partition("/")
    if any(_advert_part(p, part) for part in _LINK_WORDS.split(host) if part):
        return True
    return any(p.promo_domain.fullmatch(seg) for seg in _LINK_WORDS.split(path) if seg)


def _advert_part(p: Patterns, part: str) -> bool:
    """A host's part that begins or ends with an advert's word ("hotgirls",
    "citashot", "bet365"), unless it begins an ordinary word that starts
    with one ("hotels", "camping", "betreut", "winterberg")."""
    if _PROMO_LAST.search(part):
        return True
    return p.promo_domain.match(part) is not None and _ORDINARY_START.match(part) is None


def _link_told(p: Patterns, f: Folded) -> bool:
    """A link someone sent, told as what it was like, with no call to act."""
    return (
        _LINK_RECEIVED.search(f.plain) is not None
        and _CALL.search(f.words) is None
        and _SHOUTED.search(f.text) is None
    )


_BAIT_TOLD: Final = re.compile(
    r"\b(?:has|have|did)\s+(?:anyone|anybody|someone|somebody)\s+(?:ever\s+)?(?:dm|dmed|dm d|"
    r"messaged|texted|sent|offered)\b|\b(?:temen|teman|adik|adek|kakak|sepupu)\s+"
    r"(?:\S+\s+){0,3}?(?:ditawarin|ditawari|dijanjiin|dijanjikan)\b"
)
# ...unless the message also asks something of the partner or speaks of the speaker's own
_BAIT_ASKS: Final = re.compile(
    r"\b(?:me|my|i|click|add me|here|now|claim|check|klik|cek|sekarang|disini|di sini|"
    r"(?:dm|wa|chat|add|link|ig)\s+(?:aku|gw|gue))\b"
)


def _pitch(p: Patterns, f: Folded, score: float, detail: str, out: list[Signal]) -> Signal:
    """An advert's words; talk about adverts when the message names the
    scam or the bot and gives nowhere to go ("a bot here says free
    robux", "lost it all in a crypto scam")."""
    if score > PROMO_TALK and (
        (p.scam_talk.search(f.words) and not somewhere(out))
        # someone else's offer retold, with no link or account of its own
        # (the app it named is retold too): "someone in the lobby told me
        # free vbucks", "dia ngasih diamond gratis terus minta pindah ke tele"
        or (retold(f.words) and not somewhere(s for s in out if s.name != "off_platform"))
        # a link received, told of ("someone sent me a link like free-gift.xyz")
        or _link_told(p, f)
        # a bait others were sent, asked of or told, with nothing asked of
        # the partner: "has anyone ever DMed u saying u won a dyson airwrap",
        # "temen aku kemaren ditawarin robux gratis"
        or (
            _BAIT_TOLD.search(f.words) is not None
            and _BAIT_ASKS.search(f.words) is None
            and not somewhere(out)
        )
    ):
        return Signal("promo", PROMO_TALK, detail + ";told")
    if (
        detail == "kind=adult"
        and p.told_of_page.search(f.words)
        and not p.own_page.search(f.words)
        and not _asks(p, f, out)
    ):
        # "my best friend earns well on onlyfans": someone else's, told of
        return Signal("promo", PROMO_TALK, detail + ";told")
    return Signal("promo", score, detail)


def _asks(p: Patterns, f: Folded, out: list[Signal]) -> bool:
    return bool(somewhere(out) or p.promo_call.search(f.words) or _SHOUTED.search(f.text))
