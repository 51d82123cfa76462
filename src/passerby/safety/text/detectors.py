"""Per-message detectors: one chat message in, a list of signals out.

:class:`TextAnalyser` folds the message once (:func:`~.normalise.fold`) and
runs hand-written patterns over the folded forms: personal data, requests to
move to another app, age questions and disclosures, requests for pictures,
secrecy, meeting, links and sexual content, plus the bundled toxicity model.

Patterns are written for chat as people type it ("how old r u", "wats ur
sc", "im 14 f") and lean towards *requests* and *self*-disclosures: "add me on
snap" is a signal, "I use instagram for photography" is at most a weak
mention, "my sister is 14" is not an age disclosure, "I'm 14 minutes late" is
not an age at all.

It must never keep state between messages, never do I/O, and never put the
message text or the personal data it matched into a signal's ``detail``.
Scores are hand-set confidences (how often the pattern means what it says in
chat), not learned probabilities; the rules engine sets the thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from passerby.core.signals import Signal
from passerby.safety.text.adverts import promo
from passerby.safety.text.ages import (
    age_signal,
    capitalised_name_before,
    counted_not_age,
    denied_age,
    in_the_past,
    money_not_age,
    named_before,
    owned_pronoun,
    size_not_age,
    someone_elses,
    span_of_years,
    third_party_before,
    time_or_fraction,
)
from passerby.safety.text.aim import QUOTE_MARKS, QUOTED, explained
from passerby.safety.text.contacts import (
    GAME_ID_SCORE,
    KNOWN_SITE_SCORE,
    NO_DIGITS,
    PHONE_DIGITS,
    PLACE_SCORE,
    all_known,
    app_name,
    as_game_id,
    game_id,
    looks_like_handle,
    may_hold_phone,
    postcode,
    service_line,
    spelled_handle,
)
from passerby.safety.text.context import RETOLD, retold, weakened
from passerby.safety.text.gate import Detector, Gate, Trigger
from passerby.safety.text.insults import Insults
from passerby.safety.text.lexicon_asks import CAMERA_WORDS, VIDEO_WORDS
from passerby.safety.text.normalise import Folded, fold
from passerby.safety.text.numbers import grade_age, number
from passerby.safety.text.patterns import TOXICITY_THRESHOLD, Patterns
from passerby.safety.text.patterns.ages import ADULT_AGE, MIN_AGE
from passerby.safety.text.patterns.contact import LINK_APPS
from passerby.safety.text.quiet import QuietPath
from passerby.safety.text.retelling import PAST_TIME, STRANGER_STORY
from passerby.safety.text.toxicity import ToxicityScorer

# A domain's dot said in words, in the languages the patterns read.
_SAID_DOTS: Final = ("dot", "punto", "ponto", "titik", "punkt")
# A web address's path ("wattpad.com/story/318820451", "youtu.be/x?t=42"):
# its digits are a page's number, not a phone's. WhatsApp's own links are
# its number ("wa.me/628123456789").
# Only a site's address (a scheme, "www." or a common domain ending) and up
# to the next space or list mark: "No.HP/WA:0812…" is no link, and a number
# after a comma or a bar is read.
# (From a word's start only, and possessive: linear time on a run of dots.)
_LINK_PATH: Final = re.compile(
    r"(?<![a-z0-9.\-])(?:(?:https?://|www\.)(?:[a-z0-9-]+\.)*+[a-z0-9-]+|"
    r"(?:[a-z0-9-]+\.)++(?:com|org|net|io|co|me|tv|gg|fm|be|ly|app|dev|info|site|xyz|de|id|br|"
    r"mx|es|ar|pt|uk|fr|it|nl|cl|pe|au|ca))/[^\s,;|]*"
)
# Sites whose links carry a phone number: WhatsApp's, Telegram's and Signal's.
_PHONE_LINK: Final = re.compile(
    r"(?:^|[/.])(?:wa\.me|wa\.link|whatsapp\.com|t\.me/\+|telegram\.me/\+|signal\.me)"
)
# A network address ("192.168.1.1", "10.0.0.5:25565"): a router's or a
# game server's, not a phone's.
_IP_ADDRESS: Final = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![.\d])(?::\d{2,5})?\b")
# A Nintendo friend code ("SW-4821-0937-1156"): a game's id by its shape.
_FRIEND_CODE: Final = re.compile(r"\bsw-\d{4}-\d{4}-\d{4}\b")


class TextAnalyser:
    """Turns one message into signals. Stateless: share one instance.

    Args:
        toxicity: a loaded scorer to share; one is built when omitted. Pass
            ``ToxicityScorer(loader=...)`` in tests, or an unavailable one to
            run without the model.
        toxicity_threshold: the model score from which a ``toxicity`` signal
            is emitted.
        prefilter: skip the detectors that provably cannot fire on a message
            (see :mod:`.prefilter`); off only to check that it changes nothing.
    """

    __slots__ = ("_detectors", "_gate", "_insults", "_p", "_quiet", "toxicity")

    def __init__(
        self,
        toxicity: ToxicityScorer | None = None,
        *,
        toxicity_threshold: float = TOXICITY_THRESHOLD,
        prefilter: bool = True,
    ) -> None:
        self.toxicity = toxicity if toxicity is not None else ToxicityScorer()
        self._p = Patterns()
        self._insults = Insults(self._p, self.toxicity, toxicity_threshold)
        triggers = self._triggers()
        self._detectors: tuple[Detector, ...] = tuple(t.detector for t in triggers)
        self._gate = Gate(triggers) if prefilter else None
        # Most messages are told to be quiet from their tokens alone. The
        # path repeats the triggers' two checks (phone digits, the toxicity
        # bound) from per-token sums: with any other check it is not built.
        checks = [t.check for t in triggers if t.check is not None]
        self._quiet = (
            QuietPath.build(self._gate, self.toxicity, toxicity_threshold, PHONE_DIGITS)
            if self._gate is not None and checks == [may_hold_phone, self._insults.may_be_toxic]
            else None
        )

    def analyse(self, text: str) -> list[Signal]:
        """All signals found in ``text``, at most one per signal name."""
        quiet = self._quiet
        if quiet is not None and quiet(text):
            return []  # most messages
        folded = fold(text)
        found: list[Signal] = []
        gate = self._gate
        for detect in self._detectors if gate is None else gate.select(folded):
            detect(folded, found)
        if found and any(s.name in RETOLD for s in found):
            if retold(folded.words):
                found = [weakened(s) if s.name in RETOLD else s for s in found]
            elif not QUOTE_MARKS.isdisjoint(text):
                found = self._quoted(text, found)
        return _strongest(found)

    def _quoted(self, text: str, found: list[Signal]) -> list[Signal]:
        """A request found only inside quotes ("he said \"don't tell
        anyone\"") is someone else's words: retold."""
        rest = QUOTED.sub(" ", text)
        if rest == text:
            return found
        kept = {s.name for s in self.analyse(rest)}
        return [weakened(s) if s.name in RETOLD and s.name not in kept else s for s in found]

    def _triggers(self) -> list[Trigger]:
        """Each detector, in order, with what it cannot emit a signal without.

        The prefilter skips a detector unless one of these patterns could
        match, so a detector that starts reading another pattern, or another
        form, must list it here (``tests/safety/test_gate.py`` checks
        that every pattern is listed or named as one that gates nothing).
        """
        p, insults = self._p, self._insults

        def rows(
            table: tuple[tuple[re.Pattern[str], object, object], ...],
        ) -> list[re.Pattern[str]]:
            return [row[0] for row in table]

        return [
            Trigger(
                self._contact,
                plain=[
                    *(p.email, p.email_spelled, p.email_provider, p.handle_at, p.handle_named),
                    p.discord_tag,
                    *(p.address, p.address_local, p.postcode, p.live_on),
                    *(p.url, p.domain, p.domain_spelled, *(pattern for _, pattern in LINK_APPS)),
                ],
                words=[p.domain_said],
                check=may_hold_phone,
            ),
            Trigger(self._off_platform, words=[p.app_any, *rows(p.off_generic)]),
            Trigger(
                self._age_question, words=rows(p.age_questions), plain=rows(p.age_questions_plain)
            ),
            Trigger(
                self._age_disclosure,
                joined=[
                    p.age_bare,
                    p.age_lead,
                    *rows(p.age_disclosures),
                    *rows(p.school_disclosures),
                    *(row[0] for row in p.age_claims),
                ],
            ),
            Trigger(
                self._pictures,
                words=[*rows(p.picture_requests), p.video_call, p.camera_asked],
                plain=[p.cam_plain],
            ),
            Trigger(self._secrecy, words=rows(p.secrecy)),
            Trigger(self._meeting, words=rows(p.meeting)),
            Trigger(self._flattery, words=rows(p.flattery)),
            Trigger(self._isolation, words=rows(p.isolation)),
            Trigger(self._gift, words=[p.gift_valuable]),
            Trigger(self._sexual, words=rows(p.sexual), plain=[p.sexual_emoji]),
            Trigger(insults.toxic, words=[p.toxic_lexicon], check=insults.may_be_toxic),
            # After the contact detector: an advert is often a link with a cue.
            Trigger(
                self._promo,
                words=[*rows(p.promo), *rows(p.promo_pitch), p.domain_said],
                plain=[
                    *(p.promo_shortener, p.url, p.domain, p.domain_spelled),
                    *rows(p.promo),
                    *rows(p.promo_pitch),
                ],
            ),
            Trigger(
                insults.directed,
                words=[*rows(p.directed), p.name_call_words],
            ),
            Trigger(insults.exposure, words=[p.exposure_hint]),
            Trigger(insults.contempt, words=[p.put_down, p.contempt_es]),
            Trigger(insults.protest, words=[p.protest]),
            Trigger(self._safety_topic, words=[p.safety_topic, STRANGER_STORY]),
        ]

    # -- personal data and links ------------------------------------------------

    def _contact(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        plain = f.plain
        if "@" in plain or " at " in plain or "at]" in plain or "at)" in plain:
            if p.email.search(plain):
                out.append(Signal("pii_email", 0.95))
            elif p.email_provider.search(plain) or any(
                not p.app_at.match(spelled.group()) for spelled in p.email_spelled.finditer(plain)
            ):
                out.append(Signal("pii_email", 0.85, "obfuscated"))
            # "@name" not inside an e-mail address (the pattern needs no word
            # character before the "@").
            if p.handle_at.search(plain):
                out.append(Signal("pii_handle", 0.8, "kind=at"))
        if may_hold_phone(f):
            digits = f.digits
            if len(digits) - len(digits.translate(NO_DIGITS)) >= PHONE_DIGITS:
                self._phone(f, out)
        named = p.handle_named.search(plain)
        if named and looks_like_handle(named.group("handle"), named.group("sep")):
            out.append(Signal("pii_handle", 0.85, f"app={app_name(named)}"))
        elif (spelled := spelled_handle(p.handle_named, f)) is not None:
            out.append(Signal("pii_handle", 0.85, f"app={app_name(spelled)};spelled"))
        elif p.discord_tag.search(plain):
            if "discord" in f.words or "disc " in f.words:
                out.append(Signal("pii_handle", 0.85, "app=discord"))
            else:
                # "name#1234" with no app named: Discord dropped these tags in
                # 2023, and a game's id (Riot, Battle.net) has the same shape,
                # so it adds to the risk under the personal-data rule's 0.6.
                out.append(Signal("pii_handle", BARE_TAG_SCORE, "app=discord;tag"))
        if out and game_id(f, p):
            as_game_id(out)
        if p.address_hint.search(plain):
            if p.address.search(plain) or p.address_local.search(plain):
                out.append(Signal("pii_address", 0.85))
            elif p.live_on.search(plain) or postcode(p.postcode.search(plain), plain):
                out.append(Signal("pii_address", 0.6))
        if "." in plain or "www" in f.words or any(word in plain for word in _SAID_DOTS):
            self._links(f, out)

    def _phone(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        best = 0.0
        count = 0
        digits = f.digits
        if "/" in digits:
            digits = _LINK_PATH.sub(_page_number, digits)
        if "." in digits:
            digits = _IP_ADDRESS.sub(_network_address, digits)
        coded = "sw-" in digits and _FRIEND_CODE.search(digits) is not None
        if coded:
            digits = _FRIEND_CODE.sub(" ", digits)
        for match in p.phone.finditer(digits):
            chunk = match.group()
            if p.date.fullmatch(chunk.strip()) or service_line(chunk):
                continue
            if _YEAR_SPAN.fullmatch(chunk.strip()) and not p.phone_context.search(f.words):
                continue  # "rip air max, 2022-2024"
            if p.date_spaced.fullmatch(chunk.strip()) and not p.phone_context.search(f.words):
                continue
            if _slashed_list(chunk) and not p.phone_context.search(f.words):
                continue
            n = len(chunk) - len(chunk.translate(NO_DIGITS))
            if 10 <= n <= 15:
                score = 0.9
            elif 7 <= n <= 9:
                score = 0.6
            else:
                continue
            if score > best:
                best, count = score, n
        if best and p.phone_context.search(f.words):
            best = min(0.95, best + 0.25)
        if best >= 0.6:
            out.append(Signal("pii_phone", best, f"digits={count}"))
        if coded:  # a move to a game, as a player's id is (contacts.as_game_id)
            out.append(Signal("off_platform", GAME_ID_SCORE, "app=game;id"))

    def _links(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        plain = f.plain
        if p.url.search(plain):
            if all_known(p, plain):
                out.append(Signal("link", KNOWN_SITE_SCORE, "kind=url;known"))
            else:
                out.append(Signal("link", 0.95, "kind=url"))
        else:
            for match in p.domain.finditer(plain):
                start = match.start()
                if start and plain[start - 1] == "@":
                    continue
                named = p.named_before.search(plain, max(0, start - 40), start)
                if named is None:
                    tld = match.group("tld")
                    if all_known(p, plain):
                        out.append(Signal("link", KNOWN_SITE_SCORE, f"tld={tld};known"))
                    else:
                        out.append(Signal("link", 0.9, f"tld={tld}"))
                    break
                if named.group("server"):  # a game server's address, as a game's id
                    out.append(Signal("off_platform", 0.6, "app=game;server"))
                    break
            else:
                # Letters spelled apart are joined in the words form
                # ("v e l v e t c a m z dot live").
                spelled = p.domain_spelled.search(plain) or p.domain_said.search(f.words)
                # "bob at gmail dot com" is already an e-mail address.
                if spelled and not any(signal.name == "pii_email" for signal in out):
                    tld = spelled.group("tld") or spelled.group("tld2")
                    out.append(Signal("link", 0.85, f"tld={tld};obfuscated"))
        for app, pattern in LINK_APPS:
            if pattern.search(plain):
                out.append(Signal("off_platform", 0.9, f"app={app};link"))
                break

    # -- moving elsewhere -------------------------------------------------------

    def _off_platform(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        words = f.words
        named = p.app_any.search(words)
        # Requests sit next to the app's name: search a window around the
        # first name instead of the whole message (the patterns are large).
        window = words[max(0, named.start() - 48) : named.end() + 40] if named else ""
        if named and p.off_requests_gate.search(window):
            for pattern, score in p.off_requests:
                match = pattern.search(window)
                if match:
                    out.append(Signal("off_platform", score, f"app={app_name(match)}"))
                    return
        if p.off_generic_gate.search(words):
            for pattern, score, detail in p.off_generic:
                if pattern.search(words):
                    out.append(Signal("off_platform", score, detail))
                    return
        match = p.app_mention.search(words) if named else None
        if match:
            # A bare mention ("I use instagram for photography") is not a
            # request; kept weak so a rule can still see the app name.
            out.append(Signal("off_platform", 0.2, f"app={app_name(match)};mention"))

    # -- ages -------------------------------------------------------------------

    def _age_question(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        if p.age_questions_gate.search(f.words):
            for pattern, score, detail in p.age_questions:
                if pattern.search(f.words):
                    out.append(Signal("age_question", score, detail))
                    return
        if "?" not in f.plain and "age" not in f.plain and "umur" not in f.plain:
            return
        for pattern, score, detail in p.age_questions_plain:
            if pattern.search(f.plain):
                out.append(Signal("age_question", score, detail))
                return

    def _age_disclosure(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        text = f.joined
        if not p.age_hint.search(text):
            return
        with_year = p.age_school.match(text)  # "13, 8º ano": said in words
        if with_year is not None and (said := int(with_year.group("num"))) < ADULT_AGE:
            out.append(age_signal(said, SCHOOL_YEAR_SCORE))
            return
        bare = p.age_bare.match(text)
        first = bare if bare is not None else p.age_lead.match(text)
        answer: Signal | None = None
        if first is not None:
            # A message that is only a number is, in chat, nearly always the
            # answer to "how old are you"; the risk scorer trusts it only
            # after the other side asked. One that goes on after a comma
            # ("15, i know i'm too young for here") is read on when its
            # number is no age ("2, and im 13 btw").
            age = number(first.group("num"))
            if age is not None and MIN_AGE <= age <= 99:
                signal = age_signal(age, 0.5)
                answer = Signal(signal.name, signal.score, signal.detail + ";bare")
                if bare is None or bare.group("unit") is None:
                    out.append(answer)
                    return
                # "15 tahun", "15 anos e vc": the rows below may read it as said outright
            elif bare:
                return
        if not p.age_disclosures_gate.search(text):
            pattern_rows: tuple[tuple[re.Pattern[str], float, int], ...] = ()
        else:
            pattern_rows = p.age_disclosures
        for pattern, score, shift in pattern_rows:
            for match in pattern.finditer(text):
                if (
                    in_the_past(text, match.start())
                    or denied_age(text, match.start(), match.end())
                    or (
                        owned_pronoun(text, match.start())
                        if pattern is p.age_self
                        else third_party_before(text, match.start())
                    )
                ):
                    continue
                start, end = match.start("num"), match.end("num")
                if (
                    time_or_fraction(text, end)
                    or counted_not_age(text, start, end)
                    or someone_elses(text, end)
                    or named_before(text, start)
                    or capitalised_name_before(f.text, text, start)
                    or span_of_years(text, start, end)
                ):
                    continue  # "I'm on it 24/7", "I am 9:30 at school", "tengo doce poemas"
                age = number(match.group("num"))
                if age is None:
                    continue
                age += shift
                if age < MIN_AGE or age > 99:
                    continue
                if age >= ADULT_AGE and money_not_age(text, start, end):
                    continue  # "uh es mucho, tengo 40": pesos (a child's age never dropped)
                if 34 <= age <= 48 and size_not_age(text, end):
                    continue  # "aku 40 😭 kaki kecil": a shoe's size
                told = age_signal(age, score if age < 80 else 0.5)
                if pattern is p.age_after_i:  # an answer: read as one after a question
                    told = Signal(told.name, told.score, told.detail + ";bare")
                out.append(told)
                return
        if answer is not None:
            out.append(answer)
            return
        for pattern, score, age in p.school_disclosures:
            school = pattern.search(text)
            if school and not third_party_before(text, school.start()):
                groups = school.groupdict()
                if groups:  # a row that names the grade ("grade", "grade2", ...) or year
                    grade = next(
                        (v for k, v in groups.items() if k.startswith("grade") and v), None
                    )
                    found = grade_age(grade, groups.get("system") or "") if grade else None
                    if found is None:
                        continue
                    age = found
                out.append(age_signal(age, score))
                return
        for pattern, name, score, detail in p.age_claims:
            if pattern.search(text):
                out.append(Signal(name, score, detail))
                return

    # -- grooming steps ---------------------------------------------------------

    def _pictures(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        words = f.words
        if not p.picture_gate.search(words):
            if p.cam_plain.search(f.plain):
                out.append(Signal("picture_request", 0.75, "kind=cam"))
            else:
                self._calls(words, out)
            return
        for pattern, score, detail in p.picture_requests:
            match = pattern.search(words)
            if match:
                if p.denied_before.search(words, max(0, match.start() - 7), match.start()):
                    continue  # "i dont show my face on stream"
                if "pix" in match.group() and p.pix_payment.search(words):
                    continue  # "manda 500 no pix": a payment
                if p.innocent_picture.search(words):
                    score, detail = INNOCENT_SCORE, "kind=object"
                elif not detail and not p.picture_of_you.search(words):
                    # "send a pic": of what is not said; among teens it is
                    # mostly the dog, the dress or the homework just talked of
                    score, detail = UNSPECIFIED_PICTURE_SCORE, "kind=unspecified"
                out.append(Signal("picture_request", score, detail))
                return
        if p.cam_plain.search(f.plain):
            out.append(Signal("picture_request", 0.75, "kind=cam"))
        else:
            self._calls(words, out)

    def _calls(self, words: str, out: list[Signal]) -> None:
        """A video call proposed, or a camera asked about; each pattern read
        only when one of its words is in the message."""
        p = self._p
        if any(w in words for w in VIDEO_WORDS) and p.video_call.search(words):
            if p.innocent_picture.search(words):  # with the whole class
                out.append(Signal("picture_request", INNOCENT_SCORE, "kind=group"))
            else:
                out.append(Signal("picture_request", 0.8, "kind=cam"))
        elif any(w in words for w in CAMERA_WORDS) and p.camera_asked.search(words):
            out.append(Signal("picture_request", 0.5, "kind=cam;asked"))

    def _secrecy(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        found = _first_row(
            "secrecy",
            p.secrecy_gate,
            p.secrecy,
            f.words,
            lambda words: _confided(p, words, out),
            "kind=confide",
        )
        if found is None:
            return
        if p.surprise_for_another.search(f.words) and not p.partners_parents.search(f.words):
            # "keep this between us, its a surprise for jess": a party's secret
            found = Signal("secrecy", INNOCENT_SCORE, f"{found.detail};surprise")
        elif found.detail in _TOLD_OR_KEPT and _kept_from_anyone(p, f.words, out):
            found = Signal("secrecy", LONE_SECRET_SCORE, f"{found.detail};anyone")
        out.append(found)

    def _meeting(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        found = _first_row("meet_request", p.meeting_gate, p.meeting, f.words)
        if found is None:
            return
        # A meeting inside a game, or in a group or with a parent along, is
        # no stranger's meeting.
        if p.meet_in_game.search(f.words):
            found = Signal("meet_request", INNOCENT_SCORE, "kind=game")
        elif p.meet_in_group.search(f.words):
            found = Signal("meet_request", INNOCENT_SCORE, "kind=group")
        out.append(found)

    def _flattery(self, f: Folded, out: list[Signal]) -> None:
        found = _first_row("flattery", self._p.flattery_gate, self._p.flattery, f.words)
        if found is not None:
            out.append(found)

    def _isolation(self, f: Folded, out: list[Signal]) -> None:
        found = _first_row("isolation", self._p.isolation_gate, self._p.isolation, f.words)
        if found is not None:
            out.append(found)

    def _gift(self, f: Folded, out: list[Signal]) -> None:
        found = _first_row("gift", self._p.gifts_gate, self._p.gifts, f.words)
        if found is not None:
            out.append(found)

    def _sexual(self, f: Folded, out: list[Signal]) -> None:
        p = self._p
        words = f.words
        if p.sexual_gate.search(words):
            if p.sexual_expletive.search(words):
                words = p.sexual_expletive.sub(" ", words)  # "vai se foder", "a la verga"
            for pattern, score, detail in p.sexual:
                if pattern.search(words):
                    if detail.endswith(";picture"):
                        if not p.between_us.search(words):
                            continue  # "the photo of the nude beach"
                        detail = "kind=explicit"
                    elif (
                        detail == "kind=topic"
                        and p.nude_video.search(words)
                        and p.between_us.search(words)
                    ):
                        score, detail = SOLICITED, "kind=explicit"  # "mándame un video desnuda"
                    elif score < SOLICITED and explained(f, p) and not p.between_us.search(words):
                        # "im Wörterbuch steht horny": a word looked up
                        score, detail = DEFINED_SCORE, detail + ";defined"
                    out.append(Signal("sexual", score, detail))
                    return
        if p.sexual_emoji.search(f.plain):
            out.append(Signal("sexual", EMOJI_SCORE, "kind=emoji"))

    # -- adverts and link bots ------------------------------------------------

    def _promo(self, f: Folded, out: list[Signal]) -> None:
        promo(self._p, f, out)

    def _safety_topic(self, f: Folded, out: list[Signal]) -> None:
        """Context for the chat, not a finding: the message talks about
        online safety (see :data:`.context.SAFETY_CONTEXT`)."""
        words = f.words
        if self._p.safety_topic.search(words) or (
            # a story about a stranger, told in the past: what follows retells it
            STRANGER_STORY.search(words) and PAST_TIME.search(words)
        ):
            out.append(Signal("safety_talk", 1.0))


# A step of grooming's that reads as ordinary talk in its context (a
# meeting in a game, a crush confided) is kept at this score: counted, never
# a pattern's or a rule's.
INNOCENT_SCORE: Final = 0.3
# An age first and the school year after it ("13, 8º ano"): an answer in words.
SCHOOL_YEAR_SCORE: Final = 0.8
# A secret kept from "anyone", of nothing named (:func:`_kept_from_anyone`):
# present in the risk, a step of a pattern beside flattery, a gift, a
# meeting or an age question, under the teen section's rule for secrets
# alone (0.6). Teens say it of a crush or a surprise party.
LONE_SECRET_SCORE: Final = 0.55
_TOLD_OR_KEPT: Final = frozenset({"kind=tell", "kind=keep"})


# Two years joined by a dash: a span of time, not a phone number.
_YEAR_SPAN: Final = re.compile(r"(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)\d\d")


def _network_address(found: re.Match[str]) -> str:
    """An IPv4 address blanked out for the phone check ("081.234.567.890",
    with a part over 255, is a phone number written with dots)."""
    address = found.group().split(":")[0]
    if all(int(part) <= 255 for part in address.split(".")):
        return " " * len(found.group())
    return found.group()


def _slashed_list(chunk: str) -> bool:
    """Numbers of two or three digits between two or more slashes, none
    with a leading 0: a list of measurements or scores ("104 / 88 / 98 / 48
    / 63"), not a phone number ("0171 / 1234567", "06/12/34/56/78")."""
    if chunk.count("/") < 2:
        return False
    parts = [part.strip() for part in chunk.split("/")]
    return all(
        2 <= len(part) - len(part.translate(NO_DIGITS)) <= 3 and not part.startswith("0")
        for part in parts
    )


def _page_number(link: re.Match[str]) -> str:
    """A link's path blanked out for the phone check, unless it is WhatsApp's."""
    found = link.group()
    return found if _PHONE_LINK.search(found) else " " * len(found)


def _first_row(
    name: str,
    gate: re.Pattern[str],
    rows: Sequence[tuple[re.Pattern[str], float, str]],
    words: str,
    innocent: Callable[[str], object] | None = None,
    kind: str = "",
) -> Signal | None:
    """The first of ``rows`` that ``words`` match, as a ``name`` signal, or None;
    at :data:`INNOCENT_SCORE` with the detail ``kind`` when ``innocent(words)``."""
    if not gate.search(words):
        return None
    for pattern, score, detail in rows:
        if pattern.search(words):
            if innocent is not None and innocent(words):
                return Signal(name, INNOCENT_SCORE, kind)
            return Signal(name, score, detail)
    return None


# Signals that make a secret sealed at a message's end the partner's business:
# an adult's age, a contact, a move elsewhere, a picture asked for.
_NOT_OWN_SECRET: Final = frozenset(
    {"age_disclosure_adult", "pii_phone", "pii_handle", "pii_email", "pii_address"}
    | {"off_platform", "picture_request", "meet_request", "link"}
)


def _confided(p: Patterns, words: str, found_before: Sequence[Signal]) -> bool:
    """A secret of one's own: announced as such ("can I tell you something?
    don't tell anyone"), "don't tell anyone but I like him" when nothing
    after it says "you" or "us", or the speaker's own words sealed at the
    end ("i still sleep with the light on. dont tell anyone") with nobody
    else, no meeting and no picture in them (a few searches: linear)."""
    if p.partners_parents.search(words):
        return False  # "tapi jangan bilang mama kamu ya"
    told = p.confide_told.search(words)
    if told is not None:  # "te cuento algo pero no le digas a nadie"
        return p.parents_or_us.search(words, told.end()) is None
    found = p.confide.search(words)
    if found is not None:
        return p.you_or_us.search(words, found.end()) is None
    # "i still sleep with the light on. dont tell anyone": the speaker's own
    # words before, sealed at the end, with nobody else in them
    sealed = p.tell_nobody_end.search(words)
    if sealed is None or len(words[: sealed.start()].split()) < 3:
        return False
    if any(s.name in _NOT_OWN_SECRET and s.score >= PLACE_SCORE for s in found_before):
        return False  # "im actually 32 not 15. dont tell anyone"
    return bool(
        p.own_words.search(words, 0, sealed.start())
        and not p.you_or_us.search(words, 0, sealed.start())
        and not p.not_own.search(words)
    )


def _kept_from_anyone(p: Patterns, words: str, found_before: Sequence[Signal]) -> bool:
    """A secret kept from "anyone" with nothing said of what it is: no
    parents or friends of the partner's, no "you" or "us", no "our chat" or
    "our secret", no app, meeting, picture, gift, number, age or contact
    ("pls dont tell anyone lol", "keep it secret")."""
    if p.kept_from_anyone.search(words) is None or p.you_or_us.search(words):
        return False  # "i like talking to you. dont tell anyone", "...pero yo te quiero ver"
    if p.parents_or_us.search(words) or p.partners_parents.search(words):
        return False
    if p.not_own.search(words) or p.kept_here.search(words) or p.gift_valuable.search(words):
        return False
    return not any(
        s.name == "off_platform" or (s.name in _NOT_OWN_SECRET and s.score >= PLACE_SCORE)
        for s in found_before
    )  # an app named at all: "y no le digas a nadie, por el insta"


# The emoji code for sex ("🍑🍆💦"), with no word of it: the teen section's
# rule for sexual talk, not the adults' one for explicit content.
EMOJI_SCORE: Final = 0.8
# A sexual word explained or translated ("\"geil\" = cool", "coger means
# fuck"): under both sections' rules, present in the risk.
DEFINED_SCORE: Final = 0.6
# Solicitation and sexual acts described score this; a word, crude or not, less.
SOLICITED: Final = 0.95
# A bare "name#1234": a game's id as often as a contact (under every rule's 0.6).
BARE_TAG_SCORE: Final = 0.55
# A picture asked for without saying of what: present in the risk (a step of
# a pattern), under the teen section's rule for pictures alone.
UNSPECIFIED_PICTURE_SCORE: Final = 0.55


def _strongest(found: list[Signal]) -> list[Signal]:
    if len(found) < 2:
        return found
    best: dict[str, Signal] = {}
    for signal in found:
        held = best.get(signal.name)
        if held is None or signal.score > held.score:
            best[signal.name] = signal
    return list(best.values())
