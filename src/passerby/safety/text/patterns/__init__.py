"""The vocabulary and compiled patterns the detectors use.

Kept apart from :mod:`.detectors` so that the logic reads on its own: this
package is the regular expressions built from the lexicon's tables,
compiled once per analyser. Contact details and moving the chat elsewhere
are in :mod:`.contact`, ages in :mod:`.ages`; this module holds the rest
(pictures, secrecy, flattery, isolation, gifts, meeting, sexual content,
adverts, insults) and :class:`Patterns`, which has them all.

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
from typing import Final

from passerby.safety.text.lexicon import (
    AFFECTION,
    ALONE,
    ALONE_EN,
    ALONE_MORE,
    ALONE_PAIR,
    CONTEMPT,
    CONTEMPT_DENIED,
    CONTEMPT_ES,
    DEFINING,
    DIRECTED,
    FIRST_PERSON,
    INSULT_DENIED,
    JOKING,
    LAUGHED_INSULTS,
    LAUGHED_PHRASES,
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
from passerby.safety.text.lexicon_asks import CAMERA_ASKED, VIDEO_CALL
from passerby.safety.text.lexicon_exposure import EXPOSURE, EXPOSURE_HINT, VEILED_THREATS
from passerby.safety.text.lexicon_grooming import (
    FLATTERY,
    FLATTERY_MORE,
    GIFTS,
    ISOLATION,
    MEETING,
    MONITORING,
    PICTURES,
    SECRECY,
    SECRECY_MORE,
    VALUABLE,
    WATCHED_NOT,
)
from passerby.safety.text.lexicon_grooming_en import (
    FLATTERY_EN,
    ISOLATION_EN,
    MEETING_EN,
    SECRECY_EN,
    YOU,
    YOUR,
)
from passerby.safety.text.lexicon_grooming_exceptions import (
    CONFIDE_TOLD,
    KEPT_FROM_ANYONE,
    KEPT_HERE,
    MEET_IN_GROUP,
    NOT_OWN,
    OWN_WORDS,
    PARENTS_OR_US,
    PARTNERS_PARENTS,
    SURPRISE_FOR_ANOTHER,
    TELL_NOBODY_END,
)
from passerby.safety.text.lexicon_put_downs import (
    CONDESCENSION,
    DISMISSALS,
    PROFANE_DISMISSALS,
    PROTEST,
    PROTEST_MORE,
    SELF_HARM_URGED,
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
from passerby.safety.text.patterns.ages import AgePatterns
from passerby.safety.text.patterns.contact import ContactPatterns
from passerby.safety.text.patterns.rows import gate_of, table_rows

# Below this the toxicity model is mostly reacting to neutral words ("I love
# my dog" scores 0.34); above it, to insults and slurs.
TOXICITY_THRESHOLD: Final = 0.5
LEXICON_SCORE: Final = 0.95
# Telling the partner to shut up: counted, under every rule's threshold.
DISMISSAL_SCORE: Final = 0.8
# A put-down of the partner without a fixed frame: under the threshold alone.
CONTEMPT_SCORE: Final = 0.85


def _stretch(alternatives: str) -> str:
    """Let each letter of plain words repeat: "nudes" also matches "nuudes"."""
    return "|".join(
        word if not word.isalpha() else "".join(f"{ch}+" for ch in word)
        for word in alternatives.split("|")
    )


class Patterns(ContactPatterns, AgePatterns):
    """Every pattern, compiled once per analyser: the contact and age
    patterns (:mod:`.contact`, :mod:`.ages`) and the rest."""

    def __init__(self) -> None:
        ContactPatterns.__init__(self)
        AgePatterns.__init__(self)
        c = re.compile
        self.non_alnum = c(r"[^a-z0-9]")
        # -- pictures --
        pic = (
            r"(?:pic|pics|picture|pictures|photo|photos|pix|selfie|selfies|image|images|vid|"
            r"vids|video|face|body|yourself|urself|ur body|your body|what (?:you|u) look "
            r"like|wat u look like|nudes?|foto|fotomu|foto kamu|fotos|"
            # "send ur snap" asks for a Snapchat name, not a picture
            r"(?<!\bur )(?<!\byour )(?<!\btu )(?<!\bteu )(?<!\bseu )(?<!\bdein )"
            r"snaps?(?!\s+(?:name|username|user|id|handle|code)\b))"
        )
        # "manda 500 no pix", "um pix de 50": Brazil's instant payment, not pictures
        self.pix_payment = c(
            r"\b(?:no|via|por|um|pelo|o)\s+pix\b|\bpix\s+(?:de|pra|para|no|na|do|da)\b"
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
            *table_rows(PICTURES),
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
            # a game's code or name is what is asked for: "schick mal deinen code"
            r"\b(?:send|schick|schicke|sende|manda|mandame|pasa|pasame|passa|kirim|kirimin)\s+"
            r"(?:(?:mal|me|mir|aku|ai|bitte)\s+)?(?:your|ur|deinen|deine|dein|tu|teu|seu|su)\s+"
            r"(?:friend\s+)?(?:code|codigo|kode|id|tag|username|user|nick|gamertag|ign|freundescode|"
            r"spielername)\s*(?:[.!?]|$)|"
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
        self.kept_from_anyone = c(KEPT_FROM_ANYONE)
        self.kept_here = c(KEPT_HERE)
        self.surprise_for_another = c(SURPRISE_FOR_ANOTHER)
        self.own_words = c(OWN_WORDS)
        self.not_own = c(NOT_OWN)
        # ...as long as nothing after it says "you" or "us".
        self.you_or_us = c(
            # Indonesian "lo" (you), not the Spanish "no se lo digas"
            r"\b(?:you|u|ur|te|ti|tu|contigo|voce|vc|kamu|km|(?<!\bse )(?<!\bno )lo(?!\s+(?:digas|"
            r"cuentes|diga|cuente|dices|cuentas|sepa|sepan)\b)|lu|dich|dir|du|us|we|nos|nosotros|"
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
            *table_rows(SECRECY_EN),
            *table_rows(SECRECY),
            (c(SECRECY_MORE), 0.85, "kind=tell"),
        )  # fmt: skip
        # -- flattery (about the other person's maturity or specialness) --
        self.flattery: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *table_rows(FLATTERY_EN),
            *table_rows(FLATTERY),
            (c(FLATTERY_MORE), 0.8, "kind=mature"),
        )  # fmt: skip
        # -- isolation (from family and friends, or into a private place) --
        self.isolation: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *table_rows(ISOLATION_EN),
            *table_rows(ISOLATION),
            (c(WATCHED_NOT), 0.75, "kind=private"),
            (c(MONITORING), 0.45, "kind=watched;asked"),
        )  # fmt: skip
        # -- gifts offered (money, credit, game currency, things) --
        self.gifts: tuple[tuple[re.Pattern[str], float, str], ...] = table_rows(GIFTS)
        # ...each naming what is given: the gate keys on that, not on "te"
        # or "i can", which half of all chat holds.
        self.gift_valuable = c(rf"\b{VALUABLE}\b")
        # -- meeting --
        self.meeting: tuple[tuple[re.Pattern[str], float, str], ...] = (
            *table_rows(MEETING_EN),
            *table_rows(MEETING),
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
            r"sex(?! ed\b| education\b)|sexy time|nude|naked|porn|porno|penis|vagina|"
            # German "dick" is "fat": "ich bin zu dick", "dick ist fat", "so dick geworden"
            r"(?<!\bzu )(?<!\bso )(?<!\bsehr )(?<!\bbin )(?<!\bist )(?<!\bbist )(?<!\bsind )"
            r"(?<!\bwar )(?<!\becht )(?<!\bvoll )(?<!\bganz )(?<!\bmega )(?<!\bnicht )"
            # and English "dick" is as often a jerk: "don't be a dick", "he's such
            # a dick", "dick move"
            r"(?<!\bbe a )(?<!\bbeing a )(?<!\bsuch a )(?<!\bwhat a )(?<!\bs a )(?<!\bis a )"
            r"(?<!\bwas a )(?<!\bare a )(?<!\bre a )(?<!\bur a )(?<!\btotal )(?<!\blike a )"
            r"dick(?! (?:ist|sein|und|oder|werden|geworden|gemacht|machen|angezogen|wie|genug|move|"
            r"moves)\b)|"
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
            # ...not what one wears to an occasion ("what are you wearing for the
            # annual day", "pake baju apa buat besok")
            (c(rf"\bwhat\s+(?:are|r)\s+{YOU}\s+wearing\b(?!\s+(?:for|to)\b)|\bwat\s+{YOU}\s+"
               r"wearing\b(?!\s+(?:for|to)\b)|\btake\s+"
               r"(?:it|that|your|ur|something|some|them|those|everything)\s*(?:clothes|shirt|"
               r"top|pants|off)?\s*off\b|\b(?:underwear|lingerie|panties|bra|bikini|"
               r"undies)\b|\btouch\s+(?:yourself|urself|you|u)\b|\b(?:turn|turns|turned)\s+"
               r"(?:me|u|you)\s+on\b|\bmake\s+out\b|\bsexy\b|\bkiss\s+(?:you|u|me)\b|\bin\s+"
               r"bed\s+with\b|\bhot\s+body\b|\b(?:you|ur|u)\s+(?:look|are|r)\s+(?:so\s+)?hot\b|"
               r"\bvirgin\b|\bever\s+been\s+kissed\b|\b(?:que|o que)\s+(?:llevas puesto|"
               r"(?:voce|vc) (?:ta|esta) vestindo)\b(?!\s+(?:para|pra|pro|a la|al)\b)|\bwas\s+"
               r"hast\s+du\s+an\b|\bpake\s+baju\s+apa\b(?!\s+(?:buat|untuk|ke|besok)\b)|\b(?:"
               r"ropa interior|calcinha|sujetador|sutia|unterwasche|celana dalam|"
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
            (c(ALONE_EN), LEXICON_SCORE, "directed;alone"),
            *((c(source), LEXICON_SCORE, "threat") for source in THREATS),
            (c(THREATS_MORE), LEXICON_SCORE, "threat"),
            (c(SELF_HARM_URGED), LEXICON_SCORE, "threat;selfharm"),
            (c(VEILED_THREATS), LEXICON_SCORE, "threat;veiled"),
            (c(PROFANE_DISMISSALS), LEXICON_SCORE, "dismissal;profane"),
            (c(DISMISSALS), DISMISSAL_SCORE, "dismissal"),
            (c(WISHED_HARM), CONTEMPT_SCORE, "wished"),
            (c(CONDESCENSION), CONTEMPT_SCORE, "contempt;condescension"),
        )
        # Read after a match: a mild insult with laughter is teasing.
        self.joking = c(JOKING)
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
        self.mild_insult = c(rf"\b{MILD_INSULTS}\b")
        # Exposure threatened: read only beside its hint (insults.exposure).
        self.exposure_hint = c(EXPOSURE_HINT)
        self.exposure = c(EXPOSURE)
        self.laughed_insult = c(rf"\b{LAUGHED_INSULTS}\b")
        self.laughed_phrase = c(LAUGHED_PHRASES)
        # Profane dismissals shortened ("vsf", "vtnc"), which are also said at
        # a game or a day: aimed at the partner only when alone or with "you".
        self.short_dismissal = c(r"vsf|vtnc|tnc")
        self.picture_gate = gate_of(self.picture_requests)
        self.secrecy_gate = gate_of(self.secrecy)
        self.meeting_gate = gate_of(self.meeting)
        self.flattery_gate = gate_of(self.flattery)
        self.isolation_gate = gate_of(self.isolation)
        self.gifts_gate = gate_of(self.gifts)
        self.sexual_gate = gate_of(self.sexual)
        self.sexual_emoji = re.compile(SEXUAL_EMOJI)
        # Read after the gate: oaths taken out before the rows are read.
        self.sexual_expletive = c(SEXUAL_EXPLETIVES)
        self.promo_gate = gate_of((*self.promo, *self.promo_pitch))
        # Name-calling as an address, in the plain form ("..., estúpida.").
        self.vocative = c(VOCATIVE)
        self.vocative_last = c(VOCATIVE_LAST)
        self.first_person = c(FIRST_PERSON)
        self.name_call_words = c(rf"\b{NAME_CALL}\b")
        self.directed_gate = gate_of((*self.directed, (self.name_call_words,)))
        # -- who an insult is aimed at (read after the toxicity score) --
        # Swear words that insult nobody on their own ("this game is so
        # fucking hard"), censored forms ("f***ing", "sh*t") included; read
        # on the plain form, where the asterisks are still there.
        self.swearing = c(
            r"(?<!\w)(?:f+u+c+k+\w*|fck\w*|fk+in\w*|frick\w*|sh+i+t+\w*|damn\w*|dammit|goddamn\w*|"
            r"hell|crap\w*|bloody|wtf|omfg|ffs|af|bs|pissed|piss|ass|arse|"
            # something that sucks, not someone: "it sucks but u come back"
            r"(?:it|that|this|thats|that s|which|life|everything|school|work)\s+(?:(?:really|kinda|"
            r"kind of|so|just|totally|honestly|lowkey|still|always)\s+)?suck(?:s|ed)(?!\s+(?:to be|"
            r"about|that|how)\s+(?:you|u|ur|youre)\b)|"
            r"[a-z]{1,2}[*#@$%!]{2,}[a-z]*|[a-z][*#@$%!]+[a-z]{1,4}|"
            # a kill in a game, which the model reads as a threat: "let you
            # get the kill", "umpan biar lu bisa kill", "dapet kill"
            r"(?:the|a|first|double|triple|dapet|dapat|ambil|get|got|steal|stole|secure|bisa)\s+"
            r"kills?(?!\s+(?:you|u|ya|yourself|urself|lu|lo|kamu|elo)\b))(?!\w)"
        )
        # A rude adjective said of something or someone other than the
        # partner, beside a "you" elsewhere in the message: "dumb question but
        # do you have a charger", "the stupid bus left, are you there", "this
        # teacher is so stupid, do you have her too", "i was being dumb".
        # Taken out like a swear word before the message is scored again
        # ("you're so stupid", "your stupid face" are not read by it).
        said_elsewhere = (
            r"^\W*(?:(?:ok|okay|so|lol|ok so|random|sorry)\s+)?(?:stupid|dumb|silly)\s+"
            r"(?:question|q)\b|"
            r"(?<!\byou are )(?<!\byou re )(?<!\byoure )(?<!\bur )(?<!\bu r )(?<!\bu are )"
            r"(?<!\byou were )(?<!\bare you )(?<!\br u )"
            r"\b(?:the|a|an|this|that|these|those|my|his|her|their|our|such a|what a|one|some)\s+"
            r"(?:(?!(?:you|u|ur|your|youre|yours)\b)\w+\s+)?(?:stupid|dumb|idiotic|dumbest|"
            r"stupidest)\s+(?!(?:\w+\s+)?(?:person|people|human|girl|girls|boy|boys|guy|kid|kids|"
            r"child|man|woman|bitch|cow|pig|dog|loser|idiot|fool|face|ass|head|brain|thot|slut|"
            r"whore|brat|baby|thing|part|one|bit|fact|truth)\b)[a-z]\w*|"
            r"\b(?:(?:i|im|i m|he|hes|he s|she|shes|she s|they|theyre|they re|it|its|it s|"
            r"thats|that s|whats|what s|what is)\s+"
            r"(?:(?!(?:you|u|ur|your|youre|yours|ya)\b)\w+\s+){0,3}?|"
            # "this teacher is so stupid" (not "being this dumb", which is "so dumb")
            r"(?:this|that|these|those|the|my|his|her|our|their)\s+(?:(?!(?:you|u|ur|your|youre|"
            r"yours|ya)\b)\w+\s+){1,3}?)(?:so\s+|really\s+|kinda\s+|such\s+|being\s+|super\s+)?"
            r"(?:stupid|dumb|idiotic)\b"
            # not "i hate how stupid you are", "it's so dumb that you're alive"
            r"(?!\s+(?:(?:that|how|when|of|cuz|because|coz)\s+)?(?:you|u|ur|your|youre)\b)|"
            # denied: "you're not stupid, the test was hard", "i never said you were dumb"
            r"\b(?:you|u|youre|you re|ur|u r)\s+(?:are\s+|r\s+|were\s+)?(?:not|arent|aren t|"
            r"werent|weren t)\s+(?:(?:that|so|even|actually|being)\s+)?(?:stupid|dumb|idiotic)\b|"
            r"\b(?:dont|don t|do not|didnt|didn t|never)\s+(?:think|thought|said|say|call|"
            r"called)\s+(?:that\s+)?(?:you|u)\s*(?:re|r|are|were|was)?\s+(?:(?:that|so)\s+)?"
            r"(?:stupid|dumb)\b"
        )
        # An insult noun led by "the" or "that", said of someone else beside
        # a "you": "youre not. hope the bastard gets fined" (not "you're the
        # idiot", "ur like that idiot")
        said_of_one = (
            r"(?<!\bre )(?<!\bare )(?<!\br )(?<!\bis )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bm )"
            r"(?<!\bs )(?<!\blike )(?<!\bthan )(?<!\bcall )(?<!\bcalled )(?<!\bur )(?<!\bu )"
            r"\b(?:the|that|this|some|his|her|their)\s+(?:(?:stupid|dumb|old|fucking|little|lazy|"
            r"fat)\s+)?(?:bastards?|assholes?|idiots?|morons?|jerks?|dicks?|pricks?|cunts?|"
            r"losers?|creeps?|weirdos?|clowns?)\b(?!\s+(?:(?:like|as|is|was|are|=)\s+(?:you|u)|\S+\s+"
            r"(?:you|u))\b)"
        )
        self.said_elsewhere = c(f"{said_elsewhere}|{said_of_one}")
        # An insult noun said of someone else beside a "you": "my ex was a
        # total jerk, have you ever dated one" (not "you're a jerk like him").
        self.named_elsewhere = c(
            r"\b(?:he|hes|he s|she|shes|she s|they|theyre|they re|(?:my|his|her|their|our|the|"
            r"this|that)\s+\w+)\s+(?:(?!(?:you|u|ur|your|youre)\b)\w+\s+){0,2}?(?:is|was|s|are|"
            r"were|been|acting like|being)\s+(?:(?:such|a|an|the|total|complete|absolute|real|"
            r"massive|huge|bit of a|kind of a|kinda|fucking|such an)\s+){0,3}(?:idiots?|morons?|"
            r"losers?|jerks?|assholes?|dickheads?|clowns?|creeps?|weirdos?|freaks?|nerds?|pigs?)\b|"
            + said_of_one
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
