"""Insults and threats aimed at the partner, and swearing that is not.

:class:`Insults` holds the detectors :class:`.detectors.TextAnalyser` runs
for harassment: an insult or threat in a second-person frame (``directed``),
a put-down near "you" (``contempt``), an objection to what the partner said
(``protest``) and the bundled toxicity model with the lexicon beside it
(``toxic``). Each judges who the words are aimed at: the partner, someone
else, the speaker, nobody (swearing at a game), or no one in earnest
(laughed-off teasing, an insult denied); only the first keeps a score a rule
acts on. Like every detector they keep no state and do no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from passerby.core.signals import Signal
from passerby.safety.text.aim import called_on, explained, someone_named_before, unquoted
from passerby.safety.text.lexicon import LAUGHING_FACES, LAUGHTER
from passerby.safety.text.normalise import Folded, fold
from passerby.safety.text.patterns import (
    CONTEMPT_SCORE,
    DISMISSAL_SCORE,
    LEXICON_SCORE,
    Patterns,
)
from passerby.safety.text.toxicity import ToxicityScorer

# The most a message that swears but insults nobody can score: above the
# model's threshold (the signal stays, for the transcript), under every
# rule's (harassment acts from 0.9).
UNDIRECTED_SCORE: Final = 0.6
# The detail of name-calling as an address ("..., estúpida.").
VOCATIVE: Final = "directed;vocative"
# The detail of a name as a message's last sentence ("... muerto de hambre").
LAST_NAME: Final = "directed;last"
PROTEST_SCORE: Final = 0.9
# A mild name in a longer line with nothing else hostile in it ("sua lerda"
# after talk of homework): hostile (safety.moderation counts it), held only
# when it is the chat's second.
MILD_SCORE: Final = 0.85
# ...in a message of at least this many words: a shorter one ("you're such
# an idiot", "eres un idiota") is the name and little else, said to hurt.
MILD_AMONG_WORDS: Final = 6
_WORD: Final = re.compile(r"[^\W\d_]{2,}")

# Swearing, a wish to see the partner hurt or unloved, or being told to go
# away, beside a mild name makes it more than one: "erí un weón culiao",
# "du huere Trottel", "te quiero muerto, idiota", "nobody would love you,
# loser", "para de me mandar mensagem, otário!".
_BESIDE: Final = re.compile(
    r"\b(?:culiao|culiado|culiada|huere|hure|huren\w*|puta|puto|putos|fucking|fuckin|fkn|"
    r"lying|verdammte[rsn]?|scheiss\w*|bangsat|kontol|caralho|porra|mierda|pinche|maldit[oa]|"
    r"(?:te )?quiero (?:ver(?:te)? )?(?:muert[oa]|llorar|sufrir)|quero (?:te )?ver "
    r"(?:mort[oa]|chorar|sofrer)|(?:nobody|no one|noone) (?:would|will|could|is ever going "
    r"to) (?:ever )?(?:love|like|want|miss) (?:you|u)|stop (?:messaging|texting|talking to) "
    r"me|leave me alone|para de me (?:mandar|encher|escrever|seguir)|deja de "
    r"(?:escribirme|molestarme|hablarme|seguirme)|hor auf mir zu schreiben|lass mich in ruhe|"
    r"jangan (?:ganggu|chat) (?:aku|gue|gw|saya))\b"
)
# A word with digits among its letters ("opf3r", "1d10t"): leetspeak.
_LEET_WORD: Final = re.compile(r"\b(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{3,}\b")
# A thing an insult noun can stand before, making it an adjective: "such a
# coward move", "an idiot question" (words form).
_THING: Final = re.compile(
    r"\s+(?:line|lines|move|moves|thing to (?:say|do)|excuse|answer|question|comment|take|"
    r"behaviou?r|mistake|reply|response|alliance|club|squad|duo|crew|energy)\b"
)
# The names a friend calls a friend in jest, as adjectives ("ur so dumb",
# "you're so weird"): with laughter, love or "jk" beside them and no other
# insult, a roast, not harassment (words form).
_ROAST: Final = re.compile(
    r"\b(?:dumb|stupid|silly|slow|weird|annoying|lame|goofy|dramatic|extra|crazy|nuts|insane|"
    r"evil|trash|bad|cringe|corny|sus|delulu|clueless|dense|unhinged|chaotic|a menace|a nerd|"
    r"such a nerd|a dork|such a dork|the worst|the actual worst|mean|so mean|ridiculous|petty|"
    r"a clown|a weirdo|a goof|a goober)\b"
)
# A threat to kill said with a laugh or "jk" is chat's hyperbole ("i'm gonna
# kill you lol", "te voy a matar jajaja", "ich bring dich um haha"), unless
# the message says how, where or that it is meant.
_KILL: Final = re.compile(r"\b(?:kill|matar\w*|mato|umbringen|bring\w*|bunuh|mampus|modar)\b")
_SERIOUS: Final = re.compile(
    r"\b(?:find|found|come|coming|house|address|knife|gun|real|irl|serious|seriously|fr|"
    r"swear|promise|tonight|tomorrow|school|encontrar|voy a ir|casa|cuchillo|pistola|"
    r"en serio|de verdad|te juro|vou ai|faca|arma|serio|juro|finden|komme|adresse|"
    r"messer|waffe|ernst|ernsthaft|schwore|cari|rumah|alamat|pisau|serius|sumpah|beneran|"
    r"warte|wait|waiting|draussen|outside|feuer|wohnst)\b"
)
HYPERBOLE_SCORE: Final = 0.8
# "I'll crush you" at a game: "ok aber ich spiel mit bayern und mach dich
# fertig", "träum weiter noob, ich mach dich fertig" (not beside an address
# or "I'll find you", which _SERIOUS reads).
_BEAT: Final = re.compile(
    r"\b(?:mach\w*\s+dich\s+fertig|(?:destroy|crush|wreck|smoke|own)\s+(?:you|u)|te\s+(?:voy a\s+)?"
    r"(?:destrozar|destrozo|humillar|humillo|aplastar|aplasto)|vou\s+te\s+(?:destruir|amassar|"
    r"humilhar)|(?:gw|gue|aku)\s+(?:bantai|libas|babat)\s+(?:lu|lo|kamu))\b"
)
_GAME: Final = re.compile(
    r"\b(?:ich spiel|ich spiele|wir spielen|spielen wir|zock\w*|runde|1v1|1vs1|noob|lobby|fifa|"
    r"ranked|partida|mabar|push rank|schach|ajedrez|xadrez|catur|uno|turnier|tournament|"
    r"torneo|torneio)\b"
)
# A rude word said in awe, right before praise: "anjir lu jago bgt", "eres
# un puto genio", "bangsat lu pinter" (not "anjing lu sok jago").
_PRAISE_AFTER: Final = re.compile(
    r"\s+(?:jago|pinter|pintar|keren|hebat|mantap|mantul|kece|gokil|jenius|genius|genio|crack|"
    r"maquina|idolo|leyenda|capo|crak|lenda|brabo|monstro|legend|goat|beast|dewa|suhu|sepuh)\b"
    # ...unless mocked: "jago apaan", "pinter dari mana"
    r"(?!\s+(?:apaan|apanya|dari mana|darimana|my ass|lol no|aja|doang|de mierda|nada|merda)\b)"
)
# ...and only after a word said in awe as often as in anger (not "eres un
# pendejo, genio", "du bist ein hurensohn, legende")
_AWE: Final = re.compile(r"\b(?:anjir|anjing|njir|anjay|bangsat|puto|puta|porra|caralho)\b")
# What was said of someone else, said of the partner too: "my ex was a jerk
# and so are you", "the movie was stupid, like you".
_YOU_TOO: Final = re.compile(
    r"\b(?:so are|so r|so do|as are|and|like|just like|same as|as|than)\s+(?:you|u)\b|"
    r"\b(?:you|u)\s+(?:too|as well|also|even more)\b|"
    r"\b(?:you|u)\s*(?:re|r|are)?\s+(?:exactly|just)?\s*like\s+(?:him|her|them)\b|"
    r"\b(?:to be|about)\s+(?:you|u)\b"
)
# In Indonesian an insult follows whom it is said of: "guru gw goblok bgt,
# lu punya guru kayak gitu?", "wasitnya goblok, lu nonton ga?" are about
# the teacher and the referee, though a "lu" follows (not "kamunya goblok").
_OWNED_BEFORE_ID: Final = re.compile(
    r"(?:\b(?:wasit|guru|pelatih|bos|abang|kakak|adik|adek|temen|teman|pacar|mantan|cowok|"
    r"cewek|cowo|cewe|orang|tim|kiper|pemain|admin|satpam|sopir|supir|tetangga|dosen)nya|"
    r"\b(?:guru|abang|bang|kakak|kak|"
    r"adik|adek|temen|teman|bos|pacar|mantan|wasit|pelatih|nyokap|bokap|ortu|bapak|ibu|"
    r"tetangga|sepupu|tante|cowok|cewek|cowo|cewe|orang|tim|hp|laptop|game)\s+(?:gw|gue|gua|"
    r"aku|ku|saya)|\b(?:dia|mereka))\s+(?:(?:emang|memang|tuh|itu|sih|bener|beneran|paling|"
    r"super)\s+){0,2}$"
)
# A shut-up told of someone or something, not said: "the smoke alarm won't
# shut up", "he doesn't shut up" (words form, just before the phrase; not
# "never shut up", which may be said to the partner).
_TOLD_OF: Final = re.compile(
    r"\b(?:wont|won t|will not|doesnt|doesn t|does not|didnt|didn t|cant|can t|"
    r"wouldnt|wouldn t)\s+$"
)
# A protest conceded in the same breath: "that's rude and accurate", "harsh
# but fair", "grosero pero cierto", "fies aber wahr", "jahat tapi benar".
_CONCEDED: Final = re.compile(
    r"\b(?:and|but|pero|y|mas|e|aber|und|tapi|tp)\s+(?:so\s+|very\s+|muy\s+|bem\s+|sehr\s+)?"
    r"(?:true|accurate|fair|valid|correct|cierto|verdad|exacto|certo|verdade|wahr|benar|akurat)"
    # ...as the clause's last words, a laugh at most after them
    r"(?:\s+(?:lol|lmao|haha\w*|jaja\w*|kk\w*|wkwk\w*|xd))*\s*$"
)
# Fondness said with the roast: "i love it", "love u", a heart.
_FOND: Final = re.compile(r"\b(?:i love it|love it|love that|love u|love you|ily|ilysm)\b")
_HEARTS: Final = re.compile(
    "[\u2764\u2665\U0001f495\U0001f496\U0001f497\U0001f49c\U0001f499\U0001f49a\U0001f49b"
    "\U0001f90d\U0001faf6\U0001f970\U0001f60d]"
)
# Laughter in the words form, laughing faces in the text as typed.
_LAUGHTER: Final = re.compile(LAUGHTER)
_LAUGHING_FACES: Final = re.compile(LAUGHING_FACES)


def laughs(f: Folded) -> bool:
    """Whether the message laughs ("jajaja", "kkkk", "wkwk", "lol", 😂): what
    makes a mild name teasing here, and a friend's name banter in the
    moderator (safety.moderation)."""
    return bool(_LAUGHTER.search(f.words) or _LAUGHING_FACES.search(f.text))


# Where one sentence ends and the next begins, in the plain form.
_SENTENCE_BREAK: Final = re.compile(r"[.!?]+\s+")


class Insults:
    """The harassment detectors, sharing the analyser's patterns and model.

    Each detector method takes the folded message and the list of signals
    found so far, and appends at most one ``toxicity`` (or ``protest``)
    signal to it.
    """

    __slots__ = ("_p", "_threshold", "toxicity")

    def __init__(self, p: Patterns, toxicity: ToxicityScorer, threshold: float) -> None:
        self._p = p
        self.toxicity = toxicity
        self._threshold = threshold

    def protest(self, f: Folded, out: list[Signal]) -> None:
        """About the partner: the message objects to what they said ("are you
        threatening me?", "hör auf, mich zu beleidigen"). Laughed ("ur so
        mean lol") it is banter; in quotes ("\"Drohen Sie mir nicht\"", a
        film's line) it is someone else's."""
        f = unquoted(f)
        if (
            self._p.protest.search(f.words)
            and not self.laughing(f)
            and not _CONCEDED.search(f.words)
        ):
            # "at=you": the protest names the partner ("why are you so mean to me")
            at_you = self._p.second_person.search(f.words) is not None
            out.append(Signal("protest", PROTEST_SCORE, "at=you" if at_you else ""))

    def directed(self, f: Folded, out: list[Signal]) -> None:
        """An insult in a second-person frame ("eres un idiota", "kamu bodoh
        banget", "você é um lixo", "du bist so ein Idiot"), a message that is
        only an insult, or a threat ("te voy a encontrar", "ich weiß wo du
        wohnst", "I will find you"). Swearing that names nobody ("puta madre,
        perdí", "anjing kalah lagi", "scheiße") matches no frame. A mild
        insult with laughter ("eres tonta jajaja") is teasing: kept under
        every rule."""
        p = self._p
        if not p.directed_gate.search(f.words):
            return
        f = unquoted(f)
        words = f.words
        for pattern, score, detail in p.directed:
            match = pattern.search(words)
            if match is None or _across_sentences(f.plain, pattern):
                continue
            denied = p.insult_denied.search(words)
            if denied is not None and denied.start() <= match.start() < denied.end():
                # "no digas que eres una puta, eres una zorra": the second is said
                match = pattern.search(words, denied.end()) or match
            self._aim_directed(f, match, score, detail, out)
            return
        # Name-calling as an address ("..., estúpida."), read where the
        # commas are; who it is aimed at is judged in the words form.
        plain = f.plain
        if f.letters_changed:  # "heul doch, Opf3r": the commas kept, the word read
            plain = _LEET_WORD.sub(lambda m: fold(m.group()).words or m.group(), plain)
        # "mariana, manaus, manga, marrom, macaco": a game's answers
        if _word_list(plain, p.name_call_words):
            return
        detail = VOCATIVE
        vocative = p.vocative.search(plain)
        if vocative is None:
            # a last sentence that is only a name, after one that spoke of
            # "you" and not of the speaker or of us; aimed at whoever was named there
            vocative = p.vocative_last.search(plain)
            if vocative is None:
                return
            before = fold(plain[: vocative.start()]).words
            if p.first_person.search(before) or not p.you_any.search(before):
                return
            detail = LAST_NAME
        called = fold(vocative.group()).words  # "t0l0l" read as "tolol"
        for match in p.name_call_words.finditer(words):
            if match.group() in called:
                self._aim_directed(f, match, LEXICON_SCORE, detail, out)
                return

    def exposure(self, f: Folded, out: list[Signal]) -> None:
        """Exposure threatened, sextortion first (``lexicon.EXPOSURE``): the
        partner's pictures or chats held, to be sent to the people they
        know, unless paid or obeyed. Words in quotes are someone else's."""
        if any(s.name == "toxicity" and s.score >= LEXICON_SCORE for s in out):
            return
        if self._p.exposure.search(unquoted(f).words):
            out[:] = [s for s in out if s.name != "toxicity"]
            out.append(Signal("toxicity", LEXICON_SCORE, "threat;exposure"))

    def _aim_directed(
        self, f: Folded, match: re.Match[str], score: float, detail: str, out: list[Signal]
    ) -> None:
        """A directed match's signal: teasing when a mild one is laughed
        off, someone else's when the message names another or reports it."""
        p = self._p
        words = f.words
        rest = (words[: match.start()] + " " + words[match.end() :]).strip()
        if detail == "dismissal" and p.insult_alone.search(rest):
            # "cállate pendejo": the shut-up carries an insult
            score, detail = LEXICON_SCORE, "dismissal;insult"
        denied = p.insult_denied.search(words)
        if (
            denied is not None
            and not detail.startswith("threat")
            and denied.start() <= match.start() < denied.end()
        ):
            # "no eres un inútil", "du bist kein Idiot": the insult denied
            score, detail = UNDIRECTED_SCORE, detail + ";denied"
        elif (
            (not detail.startswith("threat") and p.laughed_insult.search(match.group()))
            or detail.startswith(("dismissal", "wished", "contempt"))
            or (p.laughed_phrase.fullmatch(match.group()) and not self._aims(rest))
        ) and self.laughing(f):
            score, detail = UNDIRECTED_SCORE, detail + ";teasing"
        elif (
            detail == "threat"
            and not _SERIOUS.search(words)
            and not p.insult_alone.search(rest)
            and not p.name_call_words.search(rest)
            and (
                (_KILL.search(match.group()) and (p.joking.search(words) or self.laughing(f)))
                or (_BEAT.search(match.group()) and _GAME.search(words))
            )
        ):
            # "i'm gonna kill you (affectionately)", "te voy a matar jajaja":
            # rude, not held; a second hostile line in the chat counts in full
            score, detail = HYPERBOLE_SCORE, detail + ";hyperbole"
        elif (
            detail.startswith("directed")
            and _PRAISE_AFTER.match(words, match.end()) is not None
            and _AWE.search(match.group()) is not None
            and not self._aims(words[match.end() :])
        ):
            # "anjir lu jago bgt main gitarnya": awe, not an insult
            score, detail = UNDIRECTED_SCORE, detail + ";praise"
        elif not detail.startswith("threat") and p.joking.search(words):
            # "LOL du Opfer, nein Spaß", "sos un forro jk": said to be a joke
            score, detail = UNDIRECTED_SCORE, detail + ";joking"
        elif (
            detail.startswith("directed")
            and p.laughed_insult.search(match.group())
            and p.affection.search(f.plain)
            and not self._aims(rest)
        ):
            # "hab dich trotzdem lieb du honk": a mild name said with love
            score, detail = UNDIRECTED_SCORE, detail + ";teasing"
        elif (
            detail == "dismissal;profane"
            and p.short_dismissal.fullmatch(match.group())
            and len(rest.split()) >= 2
            and not p.you_any.search(rest)
        ):
            # "vsf nunca mais jogo essa merda": at the game
            score, detail = UNDIRECTED_SCORE, detail + ";undirected"
        elif (
            # "el no tu", not "lüg nicht, du bist...": read where the commas are
            p.not_you.search(f.plain)
            # an address ("la verdad duele, cerda") names no one before it
            or (detail != VOCATIVE and someone_named_before(words, match.start(), p))
            or (
                detail.endswith("lang=id")
                and _OWNED_BEFORE_ID.search(words, max(0, match.start() - 40), match.start())
                is not None
            )
            or p.reported.search(words, 0, match.start())
            or self._at_the_referee(words)
            or (
                detail.startswith("dismissal")
                and not p.second_person.search(words)
                and _TOLD_OF.search(words, 0, match.start())
            )
        ):
            # "bukan lo yg goblok", "um hacker filho da puta": not the partner
            score, detail = UNDIRECTED_SCORE, detail + ";someone-else"
        elif detail.startswith("directed") and self._only_a_mild_name(
            words, match.start(), match.end()
        ):
            # "faz o trabalho e aproveita o momento, sua lerda": rude, not yet
            # harassment; a second hostile line in the chat is held
            score, detail = MILD_SCORE, detail + ";mild"
        elif (
            detail.startswith("directed")
            and len(words.split()) < MILD_AMONG_WORDS
            and p.laughed_insult.search(match.group())
            and not _BESIDE.search(words)
            and not self._aims(rest)
        ):
            # "vc é mt burro", "15 du lappen": the name and little else, a
            # friend's for a friend or an insult; the chat around it tells
            # (safety.moderation)
            detail += ";name"
        out.append(Signal("toxicity", score, detail))

    def _aims(self, words: str) -> bool:
        """Whether ``words`` hold an insult or a threat of their own."""
        return any(pattern.search(words) for pattern, _, _ in self._p.directed)

    def _only_a_mild_name(self, words: str, start: int, end: int) -> bool:
        """Whether the name from ``start`` to ``end`` is mild and all the
        hostility of a line of :data:`MILD_AMONG_WORDS` words or more: no
        other insult, threat, shut-up or put-down outside it or beside the
        mild word in it, and nothing of :data:`_BESIDE` ("nobody likes you,
        loser", "shut up sua idiota", "du huere Trottel" are more)."""
        p = self._p
        name = words[start:end]
        if (
            len(words.split()) < MILD_AMONG_WORDS  # the name and little else
            or not p.mild_insult.search(name)
            or _BESIDE.search(words)
        ):
            return False

        def outside(found: re.Match[str]) -> bool:
            return found.end() <= start or found.start() >= end

        if any(outside(m) for pattern, _, _ in p.directed for m in pattern.finditer(words)):
            return False
        if any(
            outside(m) and not p.mild_insult.fullmatch(m.group())
            for m in p.name_call_words.finditer(words)
        ):
            return False
        return not (
            self._still_insults(words[:start] + " " + words[end:])
            or self._still_insults(p.mild_insult.sub(" ", name))
        )

    def _at_the_referee(self, words: str) -> bool:
        """A line that opens by calling on a referee or a coach and threatens
        nobody ("SCHIRI DU BLINDER VOLLIDIOT", not "ref i know where you live")."""
        return called_on(words) and not any(
            detail.startswith("threat") and pattern.search(words)
            for pattern, _, detail in self._p.directed
        )

    def _still_insults(self, rest: str) -> bool:
        """Whether ``rest`` (a line, or a name, without its mild word) holds
        an insult, a shut-up, a put-down or a threat of its own."""
        p = self._p
        return bool(
            p.insult_noun.search(rest)
            or p.insult_phrase.search(rest)
            or p.contempt.search(rest)
            or p.put_down.search(rest)
            or self._aims(rest)
        )

    def contempt(self, f: Folded, out: list[Signal]) -> None:
        """A put-down near a word for "you" (:data:`.lexicon.CONTEMPT`),
        unless denied or laughed off; under the harassment threshold, so it
        counts towards the chat's hostility (safety.moderation) rather than
        holding a message alone."""
        p = self._p
        if any(s.name == "toxicity" and s.score >= CONTEMPT_SCORE for s in out):
            return
        f = unquoted(f)
        match = p.contempt.search(f.plain)
        if (
            match is None
            or p.contempt_denied.search(f.plain, max(0, match.start() - 12), match.end())
            or p.most_asked.search(f.words)
            or p.not_you.search(f.plain)
        ):
            return
        if self.laughing(f):
            out.append(Signal("toxicity", UNDIRECTED_SCORE, "contempt;teasing"))
        else:
            out.append(Signal("toxicity", CONTEMPT_SCORE, "contempt"))

    def _roasted(self, f: Folded) -> bool:
        """One friend's name for a friend (:data:`_ROAST`), then a laugh or
        love, and nothing harsher beside it (:data:`_BESIDE`): "ur so dumb
        😭", not "a C+ hahaha. youre genuinely stupid", where the laugh is at
        the partner."""
        words = f.words
        found = list(_ROAST.finditer(words))
        if len(found) != 1 or _BESIDE.search(words):
            return False
        after = words[found[0].end() :]
        typed = _ROAST.search(f.text.lower())
        text_after = f.text[typed.end() :] if typed else f.text
        return bool(
            _LAUGHTER.search(after)
            or _LAUGHING_FACES.search(text_after)
            or _FOND.search(after)
            or _HEARTS.search(text_after)
        )

    def laughing(self, f: Folded) -> bool:
        return laughs(f)

    def may_be_toxic(self, f: Folded) -> bool:
        """False when the model cannot score the message or its folded form
        at the threshold (then only the lexicon can make it toxic)."""
        scorer, threshold = self.toxicity, self._threshold
        if scorer.may_reach(f.text, threshold):
            return True
        return f.letters_changed and scorer.may_reach(f.words, threshold)

    def toxic(self, f: Folded, out: list[Signal]) -> None:
        scorer = self.toxicity
        if not scorer.available:
            return
        whole, f = f, unquoted(f)
        text, threshold = f.text, self._threshold
        # One short token ("ck", "tbh", "wtf") gives the model nothing to read
        # and it answers with near-certain nonsense; only the lexicon judges it.
        # A score that cannot reach the threshold is left at 0: it would lose
        # to the folded score and to the lexicon, and emit nothing alone.
        score = 0.0
        if scorer.may_reach(text, threshold) and len(_WORD.findall(f.words)) >= 2:
            score = scorer.score(text) or 0.0
        detail = ""
        # Score the folded form too, but only when folding changed a letter:
        # otherwise it would tokenise to the same words.
        if f.letters_changed and scorer.may_reach(f.words, threshold):
            folded_score = scorer.score(f.words)
            if folded_score is not None and folded_score > score:
                score, detail = folded_score, "folded"
        if score >= threshold:
            score, detail = self._aimed(f, score, detail)
        p = self._p
        lexicon = p.toxic_lexicon.search(f.words)
        if lexicon and p.reported.search(f.words, 0, lexicon.start()):
            lexicon = None  # "when someone tells you to kill yourself": a story
        if lexicon and score < LEXICON_SCORE:
            # The model is English-only and reads "kill your self" as 0.86;
            # a short list covers self-harm incitement and the insults of
            # the other two languages the client ships.
            score, detail = LEXICON_SCORE, f"lexicon={lexicon.lastgroup}"
        if (
            score >= threshold
            and not detail.startswith("lexicon=self")
            and explained(whole, p)
            # "you" outside the quotes is said to the partner, unless an "=" translates it
            and (p.defined_plain.search(whole.plain) or not p.second_person.search(f.words))
        ):
            # "\"vai tomar no cu\" = go fuck yourself": a phrase translated
            score, detail = min(score, UNDIRECTED_SCORE), "defined"
        if score >= threshold:
            out.append(Signal("toxicity", round(score, 4), detail))

    def _aimed(self, f: Folded, score: float, detail: str) -> tuple[float, str]:
        """The model's score, kept only for an insult aimed at someone.

        The model was trained on profanity: "this game is so fucking hard"
        scores 1.0. Swearing at a game, a day or the wifi insults nobody, so
        a message that names nobody (no "you", no insult noun, no "shut up")
        scores at most :data:`UNDIRECTED_SCORE`, under every rule's
        threshold. A message that names the partner only by "you" is scored
        again with its swear words taken out: "you're so fucking good" is
        praise. Insult nouns and phrases ("loser", "shut up") keep the score.
        """
        p = self._p
        words = f.words
        phrase = p.insult_phrase.search(words)
        noun = p.insult_noun.search(words)
        if (
            noun
            and not phrase
            and (
                p.contempt_denied.search(f.plain)
                or _all_inside(p.insult_noun.finditer(words), p.insult_denied.finditer(words))
            )
        ):
            return min(score, UNDIRECTED_SCORE), "denied"  # "you're not ugly", "not an idiot"
        praised = p.praised.search(words) if noun and not phrase else None
        if praised:
            # "you're a good cunt": praise, unless the rest insults on its own
            rest = words[: praised.start()] + " " + words[praised.end() :]
            if not p.insult_noun.search(rest) and (self.toxicity.score(rest) or 0.0) < 0.9:
                return min(score, UNDIRECTED_SCORE), "praise"
        if (
            noun
            and not phrase
            and all(_THING.match(words, n.end()) for n in p.insult_noun.finditer(words))
        ):
            # "\"its not that deep\" is such a coward line", "what an idiot move":
            # an act, not a name
            return min(score, UNDIRECTED_SCORE), "thing"
        if phrase or noun:
            if noun and not phrase and not p.second_person.search(words):
                # An insult noun and no "you": who is it said of?
                if p.someone_else.search(words):
                    # "my teacher is such a bitch": someone else
                    return min(score, UNDIRECTED_SCORE), "someone-else"
                if p.us_both.search(words):
                    # "we're both idiots": the speaker is one of them
                    return min(score, UNDIRECTED_SCORE), "us"
                if p.myself.search(words):
                    # "I'm such an idiot today": the speaker alone
                    return min(score, UNDIRECTED_SCORE), "self"
                if noun.group().endswith("s") and not noun.group().endswith("ss"):
                    # "idiots unite", "what a bunch of idiots": a crowd, not the partner
                    return min(score, UNDIRECTED_SCORE), "plural"
            elif noun and not phrase and p.named_elsewhere.search(words):
                # "my ex was a total jerk, have you ever dated one"
                rest = p.named_elsewhere.sub(" ", words)
                if (
                    not p.insult_noun.search(rest)
                    and not _YOU_TOO.search(rest)
                    and (self.toxicity.score(rest) or 0.0) < UNDIRECTED_SCORE
                ):
                    return min(score, UNDIRECTED_SCORE), "someone-else"
            if p.not_you.search(f.plain) or self._at_the_referee(words):
                return min(score, UNDIRECTED_SCORE), "someone-else"
            if (
                phrase is not None
                and noun is None
                and not p.second_person.search(words)
                and _TOLD_OF.search(words, 0, phrase.start())
            ):
                return min(score, UNDIRECTED_SCORE), "someone-else"
            mild = (noun is None or p.mild_insult.search(noun.group())) and (
                phrase is None
                or p.plain_dismissal.search(phrase.group())
                or phrase.group() in ("stfu", "gtfo")
            )
            if mild and self.laughing(f) and not _BESIDE.search(words):
                return min(score, UNDIRECTED_SCORE), "teasing"
            if p.joking.search(words):
                # "ur an idiot jk" ("kys jk" is raised again by the self-harm lexicon)
                return min(score, UNDIRECTED_SCORE), "joking"
            if (
                noun is not None
                and phrase is None
                and mild
                and self._only_a_mild_name(words, noun.start(), noun.end())
                and (self.toxicity.score(words[: noun.start()] + " " + words[noun.end() :]) or 0.0)
                < MILD_SCORE
            ):
                # "I know I'm slow but you are an idiot": rude; the second is held
                return min(score, MILD_SCORE), "mild"
            if phrase and noun is None and p.plain_dismissal.search(phrase.group()):
                # "shut up" alone is rude; beside an insult the model reads
                # in the rest ("shut up you ugly cow"), the score stays.
                rest = p.plain_dismissal.sub(" ", f.words)
                if (self.toxicity.score(rest) or 0.0) < UNDIRECTED_SCORE:
                    return min(score, DISMISSAL_SCORE), "dismissal"
            return score, detail
        if not p.second_person.search(words):
            return min(score, UNDIRECTED_SCORE), "undirected"
        if p.joking.search(words):
            # "ur so dumb 😭 jk": said to be a joke
            return min(score, UNDIRECTED_SCORE), "joking"
        if self._roasted(f):
            # "ur so dumb i love it", "you're so weird lol": a roast
            return min(score, UNDIRECTED_SCORE), "teasing"
        # the folded form when the swear word is spelt round a filter ("sh!t")
        form = next((form for form in (f.plain, f.words) if p.swearing.search(form)), None)
        elsewhere = p.said_elsewhere.search(words) is not None
        if form is None and not elsewhere:
            return score, detail
        rest = words if form is None else p.swearing.sub(" ", form)
        if elsewhere:  # "the stupid bus left, are you there": not said of the partner
            rest = p.said_elsewhere.sub(" ", rest)
        if _YOU_TOO.search(rest):  # "the movie was stupid and so are you", "...just like you"
            return score, detail
        rest_score = self.toxicity.score(rest) or 0.0
        if rest_score >= UNDIRECTED_SCORE:
            return score, detail
        return min(score, UNDIRECTED_SCORE), "swearing" if form is not None else "elsewhere"


def _all_inside(found: Iterable[re.Match[str]], spans: Iterable[re.Match[str]]) -> bool:
    """Whether every match of ``found`` lies inside one of ``spans`` (and there is one)."""
    inside = [(m.start(), m.end()) for m in spans]
    starts = [m.start() for m in found]
    return bool(starts) and all(any(a <= s < b for a, b in inside) for s in starts)


def _word_list(plain: str, names: re.Pattern[str]) -> bool:
    """A list of five or more items of one or two words between commas, at
    most one of them a name: a word game's answers or a shopping list, not
    a sentence with an address (nor a string of names)."""
    items = [item.split() for item in plain.split(",")]
    if len(items) < 5 or not all(1 <= len(item) <= 2 for item in items):
        return False
    return sum(1 for item in items if names.search(fold(" ".join(item)).words)) <= 1


def _across_sentences(plain: str, pattern: re.Pattern[str]) -> bool:
    """True when ``pattern`` matches the words form only across a sentence
    break: "sialan. lo kelas brp" is an oath, then a question to the
    partner, and "anjing. lo dimana" the same. A message said word by word
    ("You. Are. Pathetic.") is one sentence."""
    parts = [part for part in _SENTENCE_BREAK.split(plain) if part.strip()]
    if len(parts) < 2 or (len(parts) >= 3 and all(len(part.split()) <= 2 for part in parts)):
        return False
    return not any(pattern.search(fold(part).words) for part in parts)
