"""Moderation of one connection's messages: detectors, history, risk, rules.

:class:`ChatModerator` is pure and synchronous: the session calls it inline
for every message it is about to send, before delivery, and gets a
:class:`Verdict`. The detectors it uses are fast (microseconds), so nothing
here blocks the event loop. It adds two signals only history can give:
``repeated`` (the same text again and again, across chats: bots) and
``flood`` (bursts). It never stores text beyond a short-lived fingerprint.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol

from passerby.core.signals import Signal
from passerby.core.verdict import ALLOW, Decision, Outcome, RiskLike, Verdict
from passerby.recent import RecentCache
from passerby.safety.policy import Policy
from passerby.safety.text.aim import told_quote
from passerby.safety.text.contacts import PLACES, as_game_id
from passerby.safety.text.context import goes_on_retold, in_safety_talk
from passerby.safety.text.insults import laughs
from passerby.safety.text.normalise import digit_runs, fold, fold_plain
from passerby.safety.text.patterns.contact import MAIL_PROVIDERS

# Greetings and one-word answers ("hi", "m", "asl") are repeated by everyone
# in every chat; only longer texts count as a repeated message.
REPEAT_MIN_CHARS = 12
REPEAT_WINDOW = 600.0  # seconds
REPEAT_THRESHOLD = 3
# A line of a sentence's length, or one that sends the reader somewhere (a
# link, a contact, an advert), pasted a second time is a bot's: people
# retype short lines ("hello?", "u there"). In the development corpus no
# benign speaker sent any line twice, and spam bots looped lines of 10 to 40
# characters as often as longer ones.
REPEAT_LONG_CHARS = 24
REPEAT_PLACED_THRESHOLD = 2
_PLACED = PLACES | {"promo"}
# An advert's words said with nowhere to go count as an advert when one of
# our next PITCH_LINES messages gives a place (an app, a handle, a link).
PITCH_LINES = 2
PITCH_ASKED = 0.85
FLOOD_WINDOW = 10.0

# What a masked message hides, each replaced with "•••": e-mail addresses,
# then links and domains, then phone-like digit runs. Each costs time in
# proportion to the message: a run of name characters ("[\w.+-]+@",
# "\b[\w-]+\.") is matched from its first character only (the look-behinds),
# as tried from every character of a long run it costs the run's square. A
# match found inside a run is found from its start too, and ends at the same
# place.
_MASK = "•••"
# (with its domain, or a mail provider's name alone: "ana.souza@gmail")
_EMAIL = r"[\w.+-]++@\s*+(?:[\w-]++(?:\.[\w-]++)++|(?i:" + MAIL_PROVIDERS + r")\b)"
_EMAIL_AT = re.compile(_EMAIL)
_EMAIL_FROM_RUN = re.compile(r"(?<![\w.+-])" + _EMAIL)
# "\b[\w-]+" starts at the run's first word character: the hyphens before it
# (group 1) are not masked.
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w-])(-*+)\w[\w-]*+\.(?:com|net|org|io|me|gg|ly|co)\b\S*",
    re.I,
)
_PHONE = re.compile(r"\+?\d[\d\s().-]{5,}\d")  # phone-like digit runs
# Said when a message was to be masked but masking could not hide all of
# what the detectors found in it: it is held instead, and the sender is not
# told it was hidden.
MASK_FAILED_RULE = "mask-failed"
MASK_FAILED = "The personal details in it could not be hidden."
# A number this long, however it is written, is masked (the detector's
# shortest phone number).
PHONE_DIGITS = 7


def mask_personal_data(text: str) -> str:
    return _mask_spelled_numbers(mask_contacts(text))


def mask_contacts(text: str) -> str:
    """E-mail addresses, links and digit runs as they are written."""
    text = _mask_emails(text)
    text = _LINK.sub(_mask_link, text)
    return _PHONE.sub(_MASK, text)


def _mask_spelled_numbers(text: str) -> str:
    """Numbers of phone length in any form the detector reads: digit words
    in the five languages, spaced digits, look-alike letters,
    homoglyphs and invisible characters between them. Found in the folded
    text and cut from the original at the same characters."""
    plain, where = _plain_with_offsets(text)
    spans = digit_runs(plain, PHONE_DIGITS)
    if not spans:
        return text
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        pieces += (text[done : where[start]], _MASK)
        done = where[end - 1] + 1
    pieces.append(text[done:])
    return "".join(pieces)


def _plain_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` folded a character at a time (casefold, accents, look-alike
    letters and invisibles gone), and for each folded character the index of
    the original one it came from."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            folded = ch.lower()
        elif ch.isspace():
            folded = " "
        else:
            folded = fold_plain(ch)
        chars.append(folded)
        where.extend([i] * len(folded))
    return "".join(chars), where


def _mask_emails(text: str) -> str:
    """Each e-mail address as "•••". An address may follow the previous one
    in the same run of name characters ("a@b.c+d@e.f"): after a match, the
    search goes on from where it ended, as ``re.sub`` does, and only then
    from the start of a run."""
    pieces: list[str] = []
    done = 0
    while (found := _EMAIL_AT.match(text, done) or _EMAIL_FROM_RUN.search(text, done)) is not None:
        pieces += (text[done : found.start()], _MASK)
        done = found.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _mask_link(match: re.Match[str]) -> str:
    return (match.group(1) or "") + _MASK


class Analyser(Protocol):
    def analyse(self, text: str) -> list[Signal]: ...


class CachedAnalyser:
    """Remembers the signals of recent texts: chat repeats itself ("hi", "m",
    "asl", "lol"), and detectors are pure, so the same text needs one look.

    Holds at most ``size`` short texts (long ones are rarely repeated and
    would make the cache a store of conversations); the least recently used
    go first.
    """

    MAX_KEY_CHARS = 64

    def __init__(self, analyser: Analyser, size: int = 4096) -> None:
        self._analyser = analyser
        self._cache: RecentCache[str, tuple[Signal, ...]] = RecentCache(size)

    def analyse(self, text: str) -> list[Signal]:
        cached = self._cache.get(text)
        if cached is not None:
            return list(cached)
        signals = self._analyser.analyse(text)
        if len(text) <= self.MAX_KEY_CHARS:
            self._cache.put(text, tuple(signals))
        return signals


@dataclass(frozen=True, slots=True)
class RiskView:
    score: float
    escalate: bool
    reasons: tuple[str, ...] = ()
    subject: str | None = None
    concerns: tuple[str, ...] = ()


class RiskTracker(Protocol):
    """One conversation's accumulated risk (``safety.risk``)."""

    def observe(self, speaker: str, signals: Sequence[Signal]) -> RiskLike: ...


RiskFactory = Callable[[str], RiskTracker]


class DeviceHistory(Protocol):
    """A device's decayed risk across its chats (``safety.risk.DeviceRisk``)."""

    def value(self, now: float) -> float: ...

    def add(self, score: float, now: float) -> float: ...


class SemanticHook(Protocol):
    """The semantic tier's way in (``safety.semantic.tier.Tap``): one cheap call a message."""

    def submit(self, text: str, signalled: bool, delivered: bool = True) -> None: ...


# All a semantic signal, or the partner's protest at our words, may lead
# to, whatever the policy file says: a reason for a person to look, never a
# sanction (docs/moderation.md).
REVIEW_ONLY = frozenset({"review_case"})


class NoRisk:
    def observe(self, speaker: str, signals: Sequence[Signal]) -> RiskView:
        return RiskView(0.0, False)


@dataclass
class StrikeBook:
    """A device's live strikes per policy (wall-clock expiry times)."""

    expiries: dict[str, list[float]] = field(default_factory=dict)

    def counts(self, now: float) -> dict[str, int]:
        for policy, expiries in self.expiries.items():
            if expiries and expiries[0] <= now:  # kept sorted: drop the expired head
                self.expiries[policy] = [e for e in expiries if e > now]
        return {p: len(e) for p, e in self.expiries.items() if e}

    def add(self, policy: str, expires: float) -> None:
        bisect.insort(self.expiries.setdefault(policy, []), expires)


# A toxicity signal from HOSTILE_FROM (a shut-up, a put-down; not teasing,
# not swearing at a game) makes a message hostile; the chat's second
# hostile message from the same sender counts at HOSTILE_SCORE, which the
# shipped harassment rule holds.
HOSTILE_FROM = 0.8
HOSTILE_SCORE = 0.9
# A friend's name said in a chat that is laughing ("KKKKK" then "vc é mt
# burro"; the partner's "du honk hahaha" then "15 du lappen"): banter, kept
# at BANTER_SCORE, under every rule, within this many of our messages after
# the laugh.
BANTER_LINES = 2
BANTER_SCORE = 0.6
# A request split over lines ("schick mal n bild" / "ohne oberteil"): after
# a message of ours with one of JOIN_AFTER, a short next line (at most
# JOIN_WORDS words) is read again joined to it, and what the two say
# together that neither said alone (JOIN_FINDS) counts for the new line.
# A reply to "pásame tu id" of at most this many words ("sisi es 284719305",
# "512 883 0247") is the id asked for.
ID_REPLY_WORDS: Final = 5
# "follow ig aku @naya.rsm" after the partner has sent this many messages
# is a person giving their account to someone they have talked with, not
# an advert: adverts ask at once. Kept at PAGE_SHARED: under the promo rule.
# (4 at first; writers new to the project had teens swap accounts right
# after asking each other's age and school year, the partner's second
# message, as the teen section's handle rule now allows.)
PAGE_AFTER: Final = 2
PAGE_SHARED: Final = 0.6
# A call to follow an account (a promo's "kind=cta" is any call to act).
_FOLLOW: Final = re.compile(
    r"(?i)\b(?:follow|sigue|s[ií]gueme|segue|seguir|folg|folgt|ikuti|follback|followback)\b"
)
# (an id typed in groups is one word: "2 3 4 8 8 1 9 0 5", "4821 0937 5526")
_DIGIT_GAPS: Final = re.compile(r"(?<=\d)[\s.-]+(?=\d)")
JOIN_AFTER = frozenset({"picture_request", "off_platform", "sexual", "meet_request"})
JOIN_FINDS = frozenset({"sexual", "secrecy", "pii_handle", "pii_phone", "meet_request"})
JOIN_WORDS = 6
# A word split over two lines to pass a filter ("du bist so ein Hurens" /
# "ohn", "tu é uma vagab" / "unda"): a line that is only a bit of a word is
# read again glued to our previous line, and an insult or a sexual word the
# two make together that neither made alone counts for the new line.
FRAGMENT = re.compile(r"[^\W\d_]{2,5}")
# ...after a line that speaks to the partner and ends in a short bit of a word
MENDS: Final = re.compile(
    r"\b(?:you|ur|youre|u|du|bist|tu|eres|es|sos|e|voce|vc|kamu|lo|lu|loe|dasar|ein|eine|"
    r"einen|un|una|um|uma|a|an|such|so)\s+(?:\S+\s+){0,2}?[^\W\d_]{1,6}$",
    re.IGNORECASE,
)
# Short replies that are whole words, never the end of another
WHOLE_REPLIES = frozenset(
    {
        *("lol", "lmao", "haha", "hahah", "hehe", "jaja", "jajaja", "kkk", "kkkk", "wkwk"),
        *("yeah", "yes", "yep", "yup", "no", "nope", "nah", "ok", "okay", "oke", "okey"),
        *("sure", "same", "nice", "cool", "true", "omg", "wow", "hi", "hey", "hello", "bye"),
        *("cya", "thx", "ty", "tks", "thanks", "idk", "tbh", "jk", "ikr", "fr", "ya", "yah"),
        *("si", "sim", "ja", "nein", "nee", "iya", "gak", "ga", "nggak", "ngga", "oi", "ola"),
        *("hola", "hallo", "gut", "bien", "bom", "boa", "sip", "siap", "mantap", "dong", "deh"),
        *("kok", "sih", "aja"),
    }
)
MEND_FINDS = frozenset({"toxicity", "sexual"})
MEND_LENGTH = 80  # a longer previous line is not glued to


_TEASED: Final = re.compile(r";(?:teasing|joking|banter)\b")
# A partner's insult aimed at us, laughed off or not (see _banter), and the
# insults of ours that a laughing chat in which we were called names first
# makes a roast: a name or a shut-up, never a threat or a self-harm word.
_AT_US: Final = re.compile(
    r"^(?:directed|dismissal|contempt)(?![^\n]*;(?:someone-else|denied|undirected))"
)
_ROAST_BACK: Final = re.compile(r"^(?:directed|dismissal)")
_SCAM_TOLD: Final = re.compile(r";(?:told|quoted)\b")
# The semantic tier's and the learned heads' advert signals.
_ADVERT_TIER: Final = frozenset({"semantic_advert", "learned_advert"})


def _talks_safety(signals: Sequence[Signal]) -> bool:
    return any(s.name == "safety_talk" for s in signals)


def _own_page_shared(signals: list[Signal], text: str) -> list[Signal]:
    """An account to follow, asked for with no link, after a conversation
    (see :data:`PAGE_AFTER`): kept at :data:`PAGE_SHARED`."""
    if any(s.name == "link" for s in signals):
        return signals
    # "me segue no insta, @lucas.ollie_": a call to follow, beside the account
    follow = any(s.name == "pii_handle" for s in signals) and _FOLLOW.search(text) is not None
    return [
        Signal("promo", PAGE_SHARED, s.detail + ";shared")
        if s.name == "promo"
        and (s.detail == "kind=page" or (follow and s.detail == "kind=cta"))
        and s.score > PAGE_SHARED
        else s
        for s in signals
    ]


class ChatModerator:
    def __init__(
        self,
        analyser: Analyser,
        policy: Policy,
        section: str,
        strikes: StrikeBook,
        risk_factory: RiskFactory | None = None,
        *,
        flood_messages: int = 25,
        history: DeviceHistory | None = None,
        semantic: SemanticHook | None = None,
    ) -> None:
        self._analyser = analyser
        self._semantic = semantic
        # More messages than this within FLOOD_WINDOW is a flood signal.
        self._flood_messages = flood_messages
        self.policy = policy
        self.section = section
        self.strikes = strikes
        self._risk_factory = risk_factory or (lambda section: NoRisk())
        self._risk: RiskTracker = self._risk_factory(section)
        self._device_history = history
        self._peak = 0.0  # the highest risk about us in this chat
        self._last_risk: RiskLike | None = None
        self._wall = 0.0
        # When each recent text was sent and its fingerprint, side by side:
        # numbers alone, which the garbage collector does not track (a tuple
        # per message would set it off; see ChatRecord).
        self._print_times: deque[float] = deque()
        self._prints: deque[int] = deque()
        self._print_counts: dict[int, int] = {}
        self._sent: deque[float] = deque()
        # Either side has talked about online safety in this chat.
        self._safety_talk = False
        # Our messages in this chat that were hostile (see _hostility).
        self._hostile = 0
        # Our last few messages, and how many more of ours come soon after
        # the partner teased us: a laugh in either makes a name banter (see
        # _banter). Read only when a name is said, which is rare.
        self._said: deque[str] = deque(maxlen=BANTER_LINES)
        self._teased = 0
        # The partner has called us a name in this chat (see _banter).
        self._mocked = False
        # We told of a scam or quoted one in this chat (see semantic).
        self._scam_told = False
        # We have sent a message in this chat; the partner has protested at one.
        self._spoke = False
        self._protested = False
        # A concern about us (risk.CONCERN) has been put to the rules.
        self._concerned = False
        # The partner's last message asked for our game's player id.
        self._id_asked = False
        # Our last message and its signals: a line split from it is read
        # together with it (see JOIN_AFTER and FRAGMENT).
        self._previous: tuple[str, list[Signal]] | None = None
        # An advert's words we said with nowhere to go ("the bot makes 3% a
        # day"), and how many of our messages may still give the place.
        self._pitch: tuple[str, int] | None = None

    def new_chat(self) -> None:
        """Start a new conversation; the last one's peak risk joins the device's history."""
        if self._device_history is not None and self._peak > 0:
            self._device_history.add(self._peak, self._wall)
        self._peak = 0.0
        self._last_risk = None
        self._safety_talk = False
        self._hostile = self._teased = 0
        self._said.clear()
        self._mocked = False
        self._scam_told = False
        self._spoke = self._protested = self._concerned = self._id_asked = False
        self._previous = None
        self._pitch = None
        self._risk = self._risk_factory(self.section)

    def incoming(self, signals: Sequence[Signal]) -> Verdict | None:
        """Signals the server found in the stranger's messages to us.

        One of them may be about *us*: a ``protest`` ("are you threatening
        me?", "stop insulting me") says the stranger objects to what we
        wrote. The first one in a chat goes through the rules, which may open
        a review case about us (:data:`REVIEW_ONLY`): a person reads the
        transcript, as after a report. Not in a chat about online safety,
        where "I reported him" is a story.
        """
        if not signals:
            return None
        # "pásame tu id": the number we send next is a game's player id
        self._id_asked = any(s.detail == "ask=id" for s in signals)
        if any(s.name == "toxicity" and _TEASED.search(s.detail) for s in signals):
            self._teased = BANTER_LINES  # "du honk hahaha": teasing us
        if not self._mocked:
            self._mocked = any(s.name == "toxicity" and _AT_US.match(s.detail) for s in signals)
        if not self._safety_talk and _talks_safety(signals):
            self._safety_talk = True
        protest = next((s for s in signals if s.name == "protest"), None)
        if protest is None:
            self._last_risk = self._risk.observe("them", signals)
            return None
        others = [s for s in signals if s is not protest]
        if others:
            self._last_risk = self._risk.observe("them", others)
        if self._protested or self._safety_talk or not self._spoke:
            return None
        if protest.detail != "at=you" and self._said and told_quote(self._said[-1]):
            # "that's so mean" of the words we just told in quotes, not at us
            # ("why are you so mean to me" still is)
            return None
        self._protested = True
        return self._review_only(protest, 0.0, self._last_risk or RiskView(0.0, False))

    def outgoing(
        self,
        text: str,
        now: float,
        wall: float,
        heard: int = 0,
        heard_lines: Callable[[int], Sequence[str]] | None = None,
    ) -> Verdict:
        """Judge a message we are about to send (``now`` monotonic, ``wall``
        epoch; ``heard``: the partner's messages in this chat so far;
        ``heard_lines(n)``: the texts of their last ``n``, read only beside
        an insult of ours, see :meth:`_banter`)."""
        signals = self._analyser.analyse(text)
        self._spoke = True
        if self._id_asked:
            self._id_asked = False
            if signals and len(_DIGIT_GAPS.sub("", text).split()) <= ID_REPLY_WORDS:
                as_game_id(signals)  # "pásame tu id" / "2837461920"
        if self._previous is not None:
            signals = self._with_previous(self._previous, text, signals)
        self._previous = (text, signals)
        placed = False
        if signals:  # most messages have none
            if self._safety_talk or _talks_safety(signals):
                self._safety_talk = True
                signals = in_safety_talk(signals)
            signals = self._hostility(self._banter(signals, heard_lines))
            if not self._scam_told:
                self._scam_told = any(
                    s.name == "promo" and _SCAM_TOLD.search(s.detail) for s in signals
                )
        self._said.append(text)
        if self._teased:
            self._teased -= 1
        if signals or self._pitch is not None:
            signals = self._pitched(signals)
            placed = any(s.name in _PLACED for s in signals)
            if heard >= PAGE_AFTER and signals:
                signals = _own_page_shared(signals, text)
        seen = self._history(text, now, placed)
        if seen:
            signals = [*signals, *seen]
        risk = self._last_risk
        if signals or risk is None:  # no signal: the conversation's risk is unchanged
            risk = self._last_risk = self._risk.observe("me", signals)
        # The conversation's risk is about one speaker; only act on it when
        # that speaker is the one sending now.
        mine = risk.subject == "me"
        score = risk.score if mine else 0.0
        if score > self._peak:
            self._peak = score
        self._wall = wall
        if self._device_history is not None:
            # Across chats: a device whose chats keep looking risky stays risky.
            score = max(score, self._device_history.value(wall))
        escalated = risk.escalate and mine
        # A concern about us is put to the rules once, with the first message
        # of ours that sees it (it may have come with the partner's line).
        concern = not self._concerned and "me" in risk.concerns and not escalated
        policy = self.policy
        # A protest is about the partner: it is relayed, never judged here.
        judged = [s for s in signals if s.name != "protest"] if signals else signals
        if policy.quiet(judged, score, escalated, concern):
            outcome = ALLOW  # no strikes to count either
        else:
            outcome = policy.evaluate(
                judged,
                self.section,
                risk_score=score,
                escalated=escalated,
                strikes=self.strikes.counts(wall),
                concern=concern,
                heard=heard,
            )
            self._concerned = self._concerned or concern
            for policy_name in outcome.strikes:
                self.strikes.add(policy_name, wall + policy.strike_days * 86400)
        shown = text
        if outcome.delivery == "mask":
            shown = mask_personal_data(text)
            outcome = self._check_mask(outcome, shown)
            if outcome.delivery == "hold":
                shown = text
        if self._semantic is not None:
            self._semantic.submit(text, risk.score > 0.0, outcome.delivery != "hold")
        return Verdict(outcome, tuple(signals), shown, risk)

    def semantic(self, signal: Signal, current: bool, wall: float) -> Verdict | None:
        """A semantic-tier signal about our messages, arrived after them: it
        joins the conversation's risk (``current``: the chat is still this
        one) and goes through the rules. The verdict holds review cases only
        (:data:`REVIEW_ONLY`); None when no rule asked for one."""
        risk: RiskLike = RiskView(0.0, False)
        score = 0.0
        if current and self._safety_talk:
            # a chat about online safety reads like grooming to the tier too
            [signal] = in_safety_talk([signal])
        if current and self._scam_told and signal.name in _ADVERT_TIER:
            # we told of a scam ("my uncle lost 8,000 on a crypto platform",
            # a scam's message quoted): our lines lean towards adverts
            return None
        if current:
            risk = self._last_risk = self._risk.observe("me", [signal])
            score = risk.score if risk.subject == "me" else 0.0
            self._peak = max(self._peak, score)
        if self._device_history is not None:
            score = max(score, self._device_history.value(wall))
        # Never as an escalation: the rules that hold, end or ban on one
        # were run, or not, when the messages themselves were judged.
        return self._review_only(signal, score, risk)

    def _review_only(self, signal: Signal, score: float, risk: RiskLike) -> Verdict | None:
        """The rules' review cases for a signal that arrives apart from our
        messages (the semantic tier's, the partner's protest): a person looks
        (:data:`REVIEW_ONLY`); None when no rule asked for one."""
        outcome = self.policy.evaluate(
            [signal], self.section, risk_score=score, escalated=False, strikes={}
        )
        decisions = tuple(d for d in outcome.decisions if d.action in REVIEW_ONLY)
        if not decisions:
            return None
        return Verdict(Outcome("allow", decisions), (signal,), "", risk)

    def _with_previous(
        self, previous: tuple[str, list[Signal]], text: str, signals: list[Signal]
    ) -> list[Signal]:
        """``signals`` and what this line says together with our previous one:
        the rest of a story it retold, the rest of a request (a short line
        after one of :data:`JOIN_AFTER`), or the rest of a word (a bit of
        one, :data:`FRAGMENT`)."""
        line, before = previous
        if before and signals:  # "...trs lama2 minta foto": the story goes on
            signals = goes_on_retold(before, text, signals)
        if (
            before
            and not JOIN_AFTER.isdisjoint(s.name for s in before)
            and len(text.split()) <= JOIN_WORDS
        ):
            signals = self._together(before, line + " " + text, signals, JOIN_FINDS, ";joined")
        bit = text.strip()
        if (
            FRAGMENT.fullmatch(bit)
            and bit.lower() not in WHOLE_REPLIES
            and len(line) <= MEND_LENGTH
            and MENDS.search(line.rstrip())
        ):
            signals = self._together(before, line.rstrip() + bit, signals, MEND_FINDS, ";mended")
        return signals

    def _together(
        self,
        before: list[Signal],
        whole: str,
        signals: list[Signal],
        finds: frozenset[str],
        tag: str,
    ) -> list[Signal]:
        """``signals`` with what ``whole`` (two lines read as one) says of
        ``finds`` that neither line said alone, marked with ``tag``."""
        alone: dict[str, float] = {}
        for s in (*before, *signals):
            alone[s.name] = max(s.score, alone.get(s.name, 0.0))
        if any(s.detail.startswith("app=game") for s in before):
            # the line before gave a game's id: its number is the id still
            alone["pii_phone"] = alone["pii_handle"] = 1.0
        extra = [
            Signal(s.name, s.score, s.detail + tag)
            for s in self._analyser.analyse(whole)
            if s.name in finds and s.score > alone.get(s.name, 0.0)
        ]
        if not extra:
            return signals
        names = {s.name for s in extra}
        return [*(s for s in signals if s.name not in names), *extra]

    def _pitched(self, signals: list[Signal]) -> list[Signal]:
        """An advert said over several lines: its words with nowhere to go
        ("der Bot macht 2-3% am Tag", ``;talk``), then, in one of our next
        :data:`PITCH_LINES` messages, somewhere to go (an app, a handle, a
        link). The second line carries the advert at :data:`PITCH_ASKED`."""
        if self._safety_talk:
            return signals  # "they promise free diamonds, then move you to telegram"
        pitch = next((s for s in signals if s.name == "promo" and s.detail.endswith(";talk")), None)
        places = any(s.name in PLACES and not s.detail.endswith(";retold") for s in signals)
        if pitch is not None and not places:
            self._pitch = (pitch.detail.removesuffix(";talk"), PITCH_LINES)
            return signals
        if self._pitch is None:
            return signals
        detail, left = self._pitch
        if not places:
            self._pitch = (detail, left - 1) if left > 1 else None
            return signals
        self._pitch = None
        if any(s.name == "promo" and s.score >= PITCH_ASKED for s in signals):
            return signals
        asked = Signal("promo", PITCH_ASKED, detail + ";asked-after")
        return [*(s for s in signals if s.name != "promo"), asked]

    def _banter(
        self, signals: list[Signal], heard_lines: Callable[[int], Sequence[str]] | None
    ) -> list[Signal]:
        """A friend's name for a friend (a toxicity signal marked ";name": "vc
        é mt burro", "15 du lappen") said within :data:`BANTER_LINES` of our
        messages after we laughed or the partner teased us is banter: kept at
        :data:`BANTER_SCORE`. So is a name or a shut-up sent back
        (:data:`_ROAST_BACK`) once the partner has called us a name in this
        chat, when one of us laughed in our last two lines: a roast answered
        in kind. The partner's laughter alone softens nothing (on the
        development half it let harassing chats through)."""
        toxic = next((s for s in signals if s.name == "toxicity"), None)
        if toxic is None or toxic.score <= BANTER_SCORE:
            return signals
        if ";name" not in toxic.detail and not (self._mocked and _ROAST_BACK.match(toxic.detail)):
            return signals
        # the partner's laughter counts only once they have called us a name
        lines = list(self._said)
        if self._mocked and heard_lines is not None:
            lines += heard_lines(BANTER_LINES)
        if not self._teased and not any(laughs(fold(line)) for line in lines):
            return signals
        banter = Signal("toxicity", BANTER_SCORE, toxic.detail + ";banter")
        return [banter if s is toxic else s for s in signals]

    def _hostility(self, signals: list[Signal]) -> list[Signal]:
        """One rude line may be banter; a second hostile message in the same
        chat is a pattern: its toxicity counts at :data:`HOSTILE_SCORE`."""
        toxic = next((s for s in signals if s.name == "toxicity"), None)
        if toxic is None or toxic.score < HOSTILE_FROM:
            return signals
        self._hostile += 1
        if self._hostile < 2 or toxic.score >= HOSTILE_SCORE:
            return signals
        again = Signal("toxicity", HOSTILE_SCORE, toxic.detail + ";again")
        return [again if s is toxic else s for s in signals]

    def _check_mask(self, outcome: Outcome, shown: str) -> Outcome:
        """The outcome, or a hold instead when masking left in view any of
        what the mask rules were about (an address, a form of a number the
        masks do not know): the sender must not be told it was hidden."""
        masked = {name for d in outcome.decisions if d.action == "mask" for name in d.signals}
        left = [s for s in self._analyser.analyse(shown) if s.name in masked]
        if not left:
            return outcome
        rule = outcome.first("mask")
        assert rule is not None  # a mask outcome has a mask decision
        hold = Decision(
            MASK_FAILED_RULE,
            rule.policy,
            "hold",
            tuple(sorted({s.name for s in left})),
            rule.priority,
            MASK_FAILED,
            rule.ban_reason,
        )
        kept = tuple(d for d in outcome.decisions if d.action != "mask")
        return Outcome("hold", (hold, *kept), outcome.strikes)

    def _history(self, text: str, now: float, placed: bool = False) -> list[Signal]:
        """``flood`` and ``repeated``, from this connection's recent messages
        (``placed``: this one sends the reader somewhere)."""
        found: list[Signal] = []
        sent = self._sent
        sent.append(now)
        horizon = now - FLOOD_WINDOW
        while sent[0] < horizon:
            sent.popleft()
        if len(sent) > self._flood_messages:
            found.append(Signal("flood", 0.8, f"n={len(sent)}"))
        key = " ".join(text.casefold().split())
        if len(key) < REPEAT_MIN_CHARS:
            return found
        # A salted in-process hash: it cannot be reversed, and it dies with
        # the process.
        digest = hash(key)
        times, prints, counts = self._print_times, self._prints, self._print_counts
        horizon = now - REPEAT_WINDOW
        while times and times[0] < horizon:
            times.popleft()
            old = prints.popleft()
            left = counts[old] - 1
            if left:
                counts[old] = left
            else:
                del counts[old]
        times.append(now)
        prints.append(digest)
        same = counts[digest] = counts.get(digest, 0) + 1
        needed = (
            REPEAT_PLACED_THRESHOLD if placed or len(key) >= REPEAT_LONG_CHARS else REPEAT_THRESHOLD
        )
        if same >= needed:
            found.append(Signal("repeated", min(1.0, 0.5 + 0.1 * same), f"n={same}"))
        return found
