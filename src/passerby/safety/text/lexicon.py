"""Multilingual word classes and pattern rows: English, Spanish, Indonesian,
Portuguese and German.

Pattern *sources* only (compiled by :class:`.patterns.Patterns`), written for
the ``words`` form of a message (:mod:`.normalise`): lower case, accents
removed ("você" → "voce", "weiß" → "weiss", "hässlich" → "hasslich"),
punctuation but "?" gone, leetspeak folded, no letter three times in a row.

The rows are built from word classes (second-person forms, insult nouns,
verbs of asking) rather than whole sentences, so that one row covers the
ways a phrase is typed. Every source must stay linear (see
:mod:`.patterns`): bounded gaps (``(?:\\s+\\w+){0,3}?``) only, no nested
unbounded repeats.

It must never hold anything but vocabulary: no logic, no state.
"""

from __future__ import annotations

from typing import Final


def not_after(*words: str) -> str:
    """What follows is not said right after one of ``words`` ("never give
    anyone your OTP", "no scam"): one fixed-width lookbehind each, so the
    pattern stays linear."""
    return "".join(rf"(?<!\b{word} )" for word in words)


# -- second person --------------------------------------------------------------

YOU_ES: Final = r"(?:tu|vos|usted|ustedes)"
# Javanese "koen", "kowe", Sundanese "maneh", Betawi "ente" too.
YOU_ID: Final = r"(?:kamu|km|lu|lo|loe|elu|elo|kau|engkau|anda|situ|koen|kowe|maneh|ente|ngana)"
YOU_PT: Final = r"(?:voce|vc|vcs|voces|ce|tu)"
# "du" and its cases; "ihr/euch" for a group is rare in a two-person chat.
YOU_DE: Final = r"(?:du|dich|dir)"

# -- insults said of a person (not of a game or a day) --------------------------
#
# Words that are also exclamations ("mierda", "anjing", "porra", "scheisse")
# are insults only in a second-person frame below: "anjing kalah lagi" (damn,
# lost again) is swearing at a game.
_BASE_ES: Final = (
    r"(?:weon(?:a|es)?|aweonad[oa]s?|culiad[oa]s?|culiao|mamon(?:a|es)?|pringad[oa]s?|"
    r"vacas?|ballenas?|focas?|orcas?|vieja fea|viejo feo|vieja chota|muert[oa] de hambre|"
    r"pata rajada|"
    r"forros?|idiotas?|estupid[oa]s?|pendej[oa]s?|imbeciles?|tont[oa]s?|bob[oa]s?|"
    r"inutil(?:es)?|basura|asqueros[oa]s?|fe[oa]s?|gord[oa]s?|perdedor(?:a|es)?|"
    r"put[oa]s?|zorras?|perras?|cabron(?:a|es)?|gilipollas|maricon(?:es)?|"
    r"mongol(?:o|a)?s?|retrasad[oa]s?|subnormal(?:es)?|escoria|payas[oa]s?|"
    r"idiot[ao]|cerd[oa]s?|patetic[oa]s?|tarad[oa]s?|mensos?|mensas?|babos[oa]s?|"
    r"malparid[oa]s?|huevon(?:a|es)?|boludo|boluda|pelotudo|pelotuda|naco|naca|"
    # regional: Colombia, the River Plate, Chile, Spain, Mexico
    r"gonorreas?|hijueputas?|gil|giles|salame|conchetumare|capullos?|gilipuertas|mamarrachos?|"
    r"catetos?|paletos?|zopencos?|panoli|marran[oa]s?|culer[oa]s?|ojetes?|inept[oa]s?|"
    r"cretin[oa]s?|mamert[oa]s?|lerd[oa]s?|guiris?|sudacas?|chillon(?:a|es)?|llorona?|lloron(?:es)?|"
    r"charlatan(?:a|es)?)"
)
# Names added since ALONE's literals were last counted (see ALONE_MORE).
_MORE_ES: Final = r"hij[oa]s? de (?:puta|perra)|hdp|estorbo|vejestorio|mantenid[oa]"
_BASE_ID: Final = (
    r"(?:bodoh|goblok|goblog|tolol|bego|dungu|idiot|anjing|anjir|njing|bangsat|babi|"
    r"kontol|brengsek|kampret|bajingan|sampah|jelek|gendut|jablay|lonte|pelacur|"
    r"banci|bencong|monyet|setan|sialan|keparat|tai|taik|cupu|pecundang|"
    r"oon|bloon|bloon|otak udang|bego banget|memek|asu|jancok|jancuk|cok|dongo|kunyuk|bangke|"
    r"gembel|begok|ndeso|koplak|bedebah|kurang ajar|dajjal|iblis|pekok|bolot|gobloq|"
    r"cabe cabean|cabe2an|cabean|perek|murahan|anjg|gajah bengkak|kudanil|kampungan|"
    r"nenek gendut|nenek peot|tante jelek|orang miskin|tengkorak berjalan|tengkorak hidup|gentong|"
    r"cungkring|kerempeng)"
)
_MORE_ID: Final = r"bodat|pantek|perempuan murahan|cewek murahan|bodok"
_BASE_PT: Final = (
    r"(?:um merda|uma merda|idiotas?|burr[oa]s?|estupid[oa]s?|imbecil|imbecis|lixo|lixos|"
    r"baleias?|vacas?|orcas?|velh[oa] inutil|velh[oa] chat[oa]|velh[oa] feio|velha feia|"
    r"morto de fome|morta de fome|"
    r"otari[oa]s?|falhad[oa]s?|zero a esquerda|chorao patetico|"
    r"babac[ao]s?|trouxas?|bob[oa]s?|inuteis|inutil|nojent[oa]s?|fei[oa]s?|gord[oa]s?|"
    r"perdedor(?:a|es)?|put[ao]s?|vagabund[oa]s?|vadias?|piranhas?|arrombad[oa]s?|"
    r"desgracad[oa]s?|viad[oa]s?|bich(?:a|inha)s?|macacos?|retardad[oa]s?|"
    r"mongoloides?|escrot[oa]s?|cuzao|corno|cornos|palhac[oa]s?|"
    r"patetic[oa]s?|ridicul[oa]s?|fracassad[oa]s?|verme|canalha|safad[oa]s?|"
    r"tont[oa]s?|anta|jumento|besta|lerd[oa]s?|parv[oa]s?|anormal|anormais|cabrao|bosta|"
    r"energumen[oa]s?|baleia|mane|ze ruela|ze mane|vacilao|bocal|tapad[oa]s?|tans[oa]s?|"
    r"porc[oa]s?|cretin[oa]s?|debil mental|demente)"
)
_MORE_PT: Final = r"filh[oa]s? da puta|fdp|lesad[oa]s?|fuleir[oa]s?"
_BASE_DE: Final = (
    r"(?:oaschloch|oarschloch|idiot(?:in)?|idioten|depp|trottel|vollidiot|volltrottel|dummkopf|"
    r"walross|nilpferd|alte schachtel|alter sack|alte hexe|schmarotzer|sozialschmarotzer|"
    r"blodmann|"
    r"bloedmann|arschloch|arsch|wichser|hurensohn|hure|schlampe|fotze|missgeburt|"
    r"spast|spasti|behindert(?:er|e|es)?|mongo|opfer|loser|versager(?:in)?|"
    r"penner|schwuchtel|kackbratze|lappen|hackfresse|drecksau|sau|schwein|kuh|"
    r"bastard|dumm|doof|blod|bloed|hasslich|fett|nutzlos|wertlos|erbarmlich|"
    r"peinlich|abschaum|mistgeburt|affe|pisser|hurenkind|vollpfosten|pfosten|"
    r"witzfigur|clown|"
    # Swiss, Austrian, Bavarian and youth words
    r"tubel|tschumpel|gfrast|spacko|honk|vollhonk|hohlbirne|dodel|dodl|hirni|schafseckel|"
    r"rindvieh|pfeife|dummbatz|dumpfbacke|depperter|trottl|lusche|knalltute|vollspast|"
    r"hosenscheisser|zipfelklatscher|oaschkriacha|gschissener|wappler)"
)
_MORE_DE: Final = r"heulsuse|memme|jammerlappen"
# Each language's names: the base lists (which ALONE reads) and the names
# added later, which ALONE_MORE reads alone (one pattern over both would
# hold more alternatives than the gate derives literals for, see
# prefilter._MAX_EXACT, and would wake the detectors on "fantasy").
INSULT_ES: Final = rf"(?:{_BASE_ES[3:-1]}|{_MORE_ES})"
INSULT_ID: Final = rf"(?:{_BASE_ID[3:-1]}|{_MORE_ID})"
INSULT_PT: Final = rf"(?:{_BASE_PT[3:-1]}|{_MORE_PT})"
INSULT_DE: Final = rf"(?:{_BASE_DE[3:-1]}|{_MORE_DE})"
# Name-calling phrases that friends laugh with ("jajaja qué hijo de puta,
# me mataste", "kkkk filho da puta sortudo"): with laughter and nothing
# else aimed at the partner, teasing, as the milder insults are.
LAUGHED_PHRASES: Final = (
    r"\b(?:hij[oa]s? de (?:puta|perra)|hdp|filh[oa]s? da puta|fdp|hurensohn|son of a bitch)\b"
)
# Said with laughter ("jajaja", "wkwk", "kkkk", "haha"), the milder of these
# are a friend's teasing; see DIRECTED_MILD.
MILD_INSULTS: Final = (
    r"(?:idiotas?|idiot|tont[oa]s?|bob[oa]s?|mensos?|mensas?|babos[oa]s?|bodoh|bego|oon|"
    r"bloon|dungu|cupu|burr[oa]s?|trouxas?|lerd[oa]s?|besta|anta|depp|trottel|dummkopf|"
    r"doof|dumm|blod|bloed|lappen|pfosten|vollpfosten|clown|payas[oa]s?|palhac[oa]s?|"
    r"estupid[oa]s?|loser|perdedor(?:a|es)?|noob|sialan|otari[oa]s?|bocil|kampret|clown|"
    r"muppet|weirdo|creep|freak|numpty|plonker|pillock|melt|joke|mamon(?:a|es)?|pringad[oa]s?|"
    r"weon(?:a|es)?|honk|dodel|hirni|snake|rat|worm|wappler|forr[oa]|blodmann|dussel|"
    r"knallkopf)"
)
# ...and the names friends call each other that are harsher said in earnest:
# laughed ("eres bien pendejo wey jajaja", "du opfer 😂", "TOKYO GOBLOK
# wkwk") they are teasing too, but not mild alone.
LAUGHED_INSULTS: Final = (
    rf"(?:{MILD_INSULTS}|pendej[oa]s?|bolud[oa]s?|opfer|goblok|goblog|gblk|baka|tapad[oa]s?|nerd|"
    r"dork|gilipollas|bocil|tarad[oa]s?|gil|giles|salame|zonz[oa]s?|"
    # a messy flatmate called a pig, laughing: "o sea eres un cerdo jajaja"
    r"cerdos?|guarros?|cochin[oa]s?|porcalhao|ferkel|jorok|"
    # "anjir" is "damn" as often as a name: "anjir lu gila 💀 wkwk"
    r"anjir|ridicul[oa]s?)"
)
# Affection in the same message makes a mild insult teasing, as laughter
# does: "hab dich trotzdem lieb du honk", "ily idiot", "te quiero, tonta".
AFFECTION: Final = (
    r"\b(?:(?<!\bwould\s)(?<!\bcould\s)(?<!\bever\s)(?<!\bwill\s)love\s+(?:you|u|ya)(?!\s*\?)|"
    r"luv\s+(?:you|u|ya)|ily|ilysm|hab\s+dich\s+(?:(?!nie\b|nicht\b|kein)\w+\s+)?lieb\b(?!\s+gehabt)|"
    r"hdl|te\s+quiero(?:\s+(?:mucho|muchisimo|tanto))?(?=\s*(?:[,.!]|$))|te\s+amo|tqm|te\s+adoro|"
    r"sayang\s+(?:kamu|lo|lu|km)|amo\s+(?:voce|vc|tu)|"
    # ...and cheering on, or respect: "ánimo, idiota", "boa sorte, feio",
    # "respekt du lappen", "gg noob", "semangat ya bego"
    r"animo|suerte|buena suerte|boa sorte|good luck|gl|respekt|respect|gg|bien hecho|congrats|"
    r"felicidades|parabens|mantap|keren|semangat|viel gluck|viel erfolg|gluckwunsch|bravo|"
    r"crack|idolo|orgulho|proud of (?:you|u)|stolz auf dich|bangga)\b"
)
LAUGHTER: Final = (
    r"\b(?:(?:ja|je|ha|he|hi|ah)(?:ja|je|ha|he|hi|ah)+h?|wk(?:wk)+\w*|k{2}|kk(?:k)+|rs(?:rs)+|"
    r"lol+|lmao+|lmfao|rofl|xd+|xixi|hihi|awok\w*|jsjs\w*|hue(?:hue)+|"
    # a joke explained, as good as a laugh for a mild name: "das war ein joke
    # du opfer", "it was a joke", "foi só uma piada", "just messing"
    r"(?:das|es|des) war (?:doch )?(?:nur )?(?:ein|n|en) (?:witz|joke|scherz)|"
    r"(?:it|that) was (?:just |only )?a joke|(?:foi|era) (?:so |apenas )?(?:uma )?piada|"
    r"(?:just|only|im|i m|i was) messing(?: (?:with you|around))?)\b"
)
# Saying it was a joke ("jk", "nein Spaß", "es broma", "tô zoando", "cuma
# bercanda"): any name said with it is teasing, not only the milder ones.
# Not "are you kidding me" (anger), "sem brincadeira" (seriously) or "no
# jodas".
JOKING: Final = (
    r"\b(?:jk|jking|j k|just kidding|just joking|only joking|only kidding|im kidding|i m kidding|"
    r"im joking|i m joking|nein spass|nur spass|kleiner spass|war (?:doch )?nur spass|"
    r"(?:ist|is) (?:doch )?nur spass|es broma|era broma|es una broma|era una broma|es joda|"
    r"estoy bromeando|solo bromeo|(?<!\bsem )brincadeira|to brincando|tou brincando|"
    r"estou brincando|zoeira|zuera|to zoando|tou zoando|zoando|becanda|bercanda|cuma canda|"
    # said fondly: "you're an idiot (affectionately)", "eres un boludo, con cariño"
    r"affectionately|lovingly|with love|con carino|com carinho|mit liebe|liebevoll|"
    r"dengan sayang)\b"
)
# Laughing and crying-laughing faces, read on the text as it was typed.
LAUGHING_FACES: Final = "[\U0001f602\U0001f923\U0001f62d\U0001f480\U0001f606\U0001f639\U0001f605]"

# Rows: (source, score, detail). A match is an insult or a threat aimed at
# the partner.
_ES_FRAME = (
    rf"\b(?:eres|sos|eri|eris|{YOU_ES}\s+(?:eres|sos|es)|pinche|maldit[oa]|pedazo\s+de|"
    rf"grandisim[oa]|menud[oa]|vaya)\s+(?:(?:un|una|muy|tan|bien|el|la|lo|mas|re|"
    rf"super|demasiado|tremend[oa]|tremendo|puto|puta|pinche)\s+){{0,3}}{INSULT_ES}\b"
    rf"|\bque\s+(?:(?:tan|mas|muy)\s+)?{INSULT_ES}\s+(?:eres|sos)\b"
    # the face, the body or the voice: "tu cara es fea", "tu voz da asco"
    rf"|\btu\s+(?:cara|jeta|careto|cuerpo|voz)\s+(?:es|esta)\s+(?:(?:muy|tan|bien|re|"
    rf"super|demasiado)\s+)?{INSULT_ES}\b"
    # the verb left out in a retort: "y tú una vaca", "y vos un forro"
    rf"|\by\s+(?:tu|vos)\s+(?:un|una)\s+(?:(?:puto|puta|pinche|grandisim[oa])\s+)?{INSULT_ES}\b"
    # "eres una chillona de mierda", "un subnormal como tú"
    r"|\b(?:eres|sos|eri|eris)\s+(?:un|una)\s+(?:\w+\s+){1,2}?(?:de\s+mierda|hij[oa] de puta|"
    r"hdp)\b"
    rf"|\b(?:un|una)\s+(?:\w+\s+)?{INSULT_ES}\s+como\s+(?:tu|vos|usted)\b"
)
_ID_FRAME = (
    rf"\b{YOU_ID}\s+(?:(?:itu|emang|memang|mmg|tuh|tu|sih|mah|sangat|bener|beneran|"
    rf"benar|jadi|orang|orangnya|yang|kok|ternyata|paling|super|udah|dah|lebih|lbh|kayak|kaya|"
    rf"kek|kyk|seperti|pasti|tetep|tetap|masih|makin|emg|skali|sekali)\s+){{0,3}}"
    rf"{INSULT_ID}\b|\b{INSULT_ID}\s+(?:(?:banget|bgt|bener|amat|sekali|bat|bet|kayak|kaya|kek|"
    rf"kyk|koyok|koyo|seperti)\s+)?{YOU_ID}\b|\bdasar\s+(?:(?:lu|lo|kau|kamu|km)\s+)?{INSULT_ID}\b|"
    # "dasar plagiat tolol": a noun between, "dasar" leading ("belajar dasar
    # matematika" is "basic")
    rf"(?:^|\b(?:ih|dih|cih|emang|yah|huh)\s+)dasar\s+[a-z]+\s+{INSULT_ID}\b|(?:\b(?:otak|muka|"
    rf"wajah|tampang|mulut)\s*(?:mu|lu|lo|kamu|km|loe)|\braimu|\b(?:ngana|ngoni)\s+pe\s+"
    rf"(?:muka|otak))\s+(?:(?:kayak|kaya|kek|itu|emang|tetep|tetap|masih|paling|makin|"
    rf"sangat)\s+)?(?:{INSULT_ID}|kosong|udang|dengkul|comberan|elek)\b"
)
_PT_FRAME = (
    rf"\b{YOU_PT}\s+(?:(?:e|eh|es|sao|foi|parece|ta|tah|esta|sendo|um|uma|muito|mt|"
    rf"mto|mo|tao|mais|maior|bem|mesmo|so|que|nao passa de|e um|e uma|realmente|"
    rf"pura|puro)\s+){{0,3}}{INSULT_PT}\b|\b(?:seu|sua|seus|suas|teu|tua)\s+"
    rf"(?:(?:grande|grandessissim[oa]|baita|puta|pedaco de|filho de|monte de)\s+)?"
    rf"{INSULT_PT}\b|\bque\s+{INSULT_PT}\s+(?:que\s+)?(?:voce|vc|tu)\s+(?:e|es)\b"
    # European "(tu) és", said without "tu": "és mesmo estúpido", "és um
    # palhaço" (Spanish says "es un", never "es um" or "es mesmo")
    rf"|\bes\s+(?:(?:mesmo|mm|um|uma|tao|muito|mt|bue|cá|ca|mais)\s+){{1,3}}{INSULT_PT}\b"
    # "és um mentiroso de merda"
    r"|\b(?:es|voce e|vc e|tu es)\s+(?:um|uma)\s+(?:\w+\s+){1,2}?de\s+merda\b"
    # "seu otário filho da puta", a word of any spelling between
    r"|\b(?:seu|sua|seus|suas|teu|tua)\s+(?:\w+\s+){1,2}?(?:filh[oa]s? da puta|fdp)\b"
    # the face, the body or the voice: "sua cara é feia", "tua voz é ridícula"
    rf"|\b(?:sua|tua|seu|teu)\s+(?:cara|rosto|corpo|voz)\s+(?:e|eh|ta|esta)\s+(?:(?:muito|mt|"
    rf"mto|tao|bem|mo|mais)\s+)?{INSULT_PT}\b"
)
# German name-calling compounds: "Fettsack", "Arschgeige", "Hornochse",
# "Spatzenhirn", "Pickelgesicht", "Flachzange" (their last part says it).
DE_COMPOUND: Final = (
    r"[a-z]{3,}(?:sack|gesicht|fresse|geige|ochse|birne|hirn|kopf|backe|nase|affe|schwein|sau|"
    r"kerl|idiot|depp|trottel|spast|lappen|pfosten|zange|bratze|schlampe|hure|loch|arsch)"
)
# Words before a noun that are no adjective: "findest du meine Jacke peinlich".
_DE_DETERMINER = (
    r"(?:eine|meine|deine|seine|ihre|unsere|eure|diese|dieser|dieses|keine|jede|jeder|jedes|"
    r"welche|welcher|solche|einer|eines|meiner|deiner|seiner|deren|dessen|alle|manche)"
)
_DE_FRAME = (
    rf"\bdu\s+(?:bist|bisch|bischt|bleibst|warst)\s+(?:(?:so|ein|eine|einer|n|ne|a|en|e|echt|voll|total|"
    rf"wirklich|richtig|der|die|das|grosste|groesste|grosster|mega|ja|halt|einfach|"
    rf"nur|sowas von|so ein|so eine|so was von|ziemlich|sehr|komplett|absolut)\s+)"
    rf"{{0,3}}(?:{INSULT_DE}|eklig|widerlich|ekelhaft|dummer als|blader als|bloder als|"
    rf"hasslicher als|fetter als)\b"
    rf"|\bdu\s+(?:(?:kleine[rsn]?|dumme[rsn]?|blode[rsn]?|huere|huara|blodi|"
    rf"bloede[rsn]?|hassliche[rsn]?|fette[rsn]?|scheiss|verdammte[rsn]?|elende[rsn]?|"
    rf"dreckige[rsn]?|alte[rsn]?|behinderte[rsn]?)\s+){{0,2}}{INSULT_DE}\b"
    # any adjective before the name: "du violetter Trottel", "du erbärmlicher Wappler"
    rf"|(?<!st )\bdu\s+(?:(?!{_DE_DETERMINER}\b)[a-z]{{3,}}(?:er|es|e)\s+){{1,2}}{INSULT_DE}\b"
    # an insulting adjective before any noun: "du bist ein hässlicher Zahnstocher"
    r"|\bdu\s+(?:bist|bisch)\s+(?:(?:ja|echt|so|halt|einfach|nur)\s+)?(?:ein|eine|en|e|a|so ein)\s+"
    r"(?:hassliche|eklige|widerliche|erbarmliche|armselige|dumme|blode|fette|dreckige|"
    r"ekelhafte)[rsn]?\s+[a-z]{3,}"
    # the face, the body or the voice: "deine Fresse ist hässlich"
    rf"|\b(?:deine|dein)\s+(?:fresse|gesicht|visage|stimme|korper|koerper)\s+(?:ist|is)\s+"
    rf"(?:(?:so|echt|voll|total|mega|richtig|einfach|ja)\s+)?{INSULT_DE}\b"
)
# English insults the bundled model does not read (British and US slang),
# in a second-person frame: "ur such a muppet", "you absolute melt".
INSULT_EN: Final = (
    r"(?:muppet|melt|wasteman|bellend|knobhead|knob|tosser|wanker|twat|dickhead|prick|"
    r"snake|rat|worm|maggot|cockroach|vermin|"
    r"clown|joke|weirdo|creep|freak|moron|dumbass|jackass|numpty|plonker|pillock|nonce|"
    r"simp|incel|failure|disgrace|waste of space|waste of oxygen|nobody|embarrassment|"
    r"pathetic|worthless|useless|braindead|brain dead|fuckwit|fuckface|dipshit|shithead|dickwad|"
    r"douche|douchebag|eejit|gobshite|bawbag|walloper|bampot|galah|drongo|dropkick|bozo|"
    r"buffoon|cretin|dunce|halfwit|nitwit|dimwit|imbecile|degenerate|neanderthal|troglodyte|"
    r"subhuman|parasite|leech|whale|heifer|landwhale|land whale|fraud|curry boy|curry muncher)"
)
_EN_MODS = (
    r"(?:a|an|such|such a|such an|absolute|total|complete|proper|fucking|fkn|little|massive|utter|"
    r"so|just|nothing but|the biggest|really|actually|lying|spineless|pathetic|ugly|fat|"
    r"dumb|stupid|useless|worthless|disgusting|sad|thick|old)"
)
_EN_FRAME = (
    rf"\b(?:you|u|ya)\s+(?:(?:re|r|are)\s+(?:{_EN_MODS}\s+){{0,3}}|(?:{_EN_MODS}\s+){{1,3}})"
    rf"{INSULT_EN}\b|\b(?:youre|you re)\s+(?:{_EN_MODS}\s+){{0,3}}{INSULT_EN}\b|\bur\s+"
    rf"(?:{_EN_MODS}\s+){{1,3}}{INSULT_EN}\b"
    # the sexual slurs, with any one or two words before: "you frigid slut"
    r"|\b(?:you|u|ya)\s+(?:(?:re|r|are)\s+)?(?:\w+\s+){0,2}?(?:slut|sluts|whore|skank|thot|"
    r"slag)\b(?!\s+for\b)"
    # the address with no word between, for nouns that are never verbs ("you
    # muppet", "you prick"), and a likeness ("you sound like a right soft
    # little prick", "a loser like you")
    r"|\b(?:you|u)\s+(?:muppet|bellend|knobhead|tosser|wanker|twat|dickhead|prick|moron|dumbass|"
    r"jackass|numpty|plonker|pillock|nonce|idiot|imbecile|cretin|loser|cunt|asshole|arsehole|"
    r"retard|halfwit|dimwit|nitwit|fuckwit|dipshit|shithead|douchebag|bozo|buffoon|eejit|"
    r"gobshite|bawbag|bampot|drongo|dropkick)\b(?!\s+(?:your|ur|my|it|the|him|her|yourself|"
    r"urself|that|this|a|an|them|me|us))"
    rf"|\b(?:you|u|ya)\s+(?:sound|sounds|look|looks|type|talk|write|act|seem|smell|play)\s+like\s+"
    rf"(?:\w+\s+){{0,4}}?(?:{INSULT_EN}|idiot|loser|moron|bitch|retard)\b"
    rf"|\b(?:a|an|such a|such an)\s+(?:\w+\s+){{0,2}}?(?:{INSULT_EN}|idiot|loser|moron|bitch)"
    r"\s+like\s+(?:you|u)\b(?!\s+(?:said|say|did|told|mentioned|do|know|think))"
    # comparisons: "you're dumber than a box of rocks", "ur uglier than"
    r"|\b(?:you|u|youre|you re|ur)\s+(?:(?:re|r|are|even|way|so much|much)\s+){0,2}"
    r"(?:dumber|stupider|uglier|fatter|more (?:useless|pathetic|stupid|annoying|worthless))"
    r"\s+than\b"
)
DIRECTED: Final = (
    (_EN_FRAME, "lang=en"),
    (_ES_FRAME, "lang=es"),
    (_ID_FRAME, "lang=id"),
    (_PT_FRAME, "lang=pt"),
    (_DE_FRAME, "lang=de"),
)
# A message that is only an insult ("idiota", "goblok lu", "du opfer") is
# said to the partner: chat has nobody else in it.
# Swear words that are exclamations more often than insults ("anjir",
# Indonesian for "damn"): alone, they insult nobody.
EXCLAIMED: Final = (
    r"(?:anjir|anjing|njing|njir|anjay|anjrit|asu|jancok|jancuk|cok|tai|taik|kampret|setan)"
)
ALONE: Final = (
    rf"^(?!{EXCLAIMED}\s*[?!]*$)(?:(?:pinche|maldit[oa]|puto|puta|dasar|seu|sua|du|you|u|ya)\s+)?"
    rf"(?:{_BASE_ES}|{_BASE_ID}|{_BASE_PT}|{_BASE_DE})"
    rf"(?:\s+(?:(?:de|d) mierdaa?|(?:de|d) merdaa?|lu|lo|kau|loe))?\s*\?*$"
)
# English slurs as the whole message, or after a greeting ("hey slut",
# "bye whore"): the model reads some at 0.77-0.86.
ALONE_EN: Final = (
    r"^(?:(?:hey|hi|hello|yo|sup|bye|ok|okay|thanks|lol|you|u|ya|ur a|you re a|youre a|stupid|"
    r"dumb|fat|ugly|dirty|little)\s+){0,2}(?:slut|whore|skank|cunt|retard|faggot|fag|tranny)s?"
    r"\s*[.!?]*$"
)
ALONE_MORE: Final = (
    r"^(?:(?:pinche|maldit[oa]|puto|puta|dasar|seu|sua|du|you|u|ya)\s+)?"
    rf"(?:{_MORE_ES}|{_MORE_ID}|{_MORE_PT}|{_MORE_DE})(?:\s+(?:lu|lo|kau|loe))?\s*[.!?]*$"
)
# A name and an adjective of contempt as the whole message: "lixo inútil",
# "idiota inútil", "gorda asquerosa" (its own pattern: as an option of ALONE
# it would multiply ALONE's literals past what the gate derives).
ALONE_PAIR: Final = (
    rf"^(?:{INSULT_ES}|{INSULT_PT})\s+(?:inutil(?:es)?|inuteis|nojent[oa]s?|asqueros[oa]s?|"
    r"patetic[oa]s?|estupid[oa]s?|imbecil)\s*[.!?]*$"
)
# Name-calling words that are also friends' greetings, endearments or
# exclamations ("che boludo", "hola gorda", "ey weon", "puta, perdí",
# "basura" of a game): as a clause's last word they insult nobody.
_NOT_VOCATIVE = (
    r"(?:boludo|boluda|weon|weona|huevon|huevona|cabron|cabrona|culiao|gil|mamon|gord[oa]|"
    r"fe[oa]|gendut|put[oa]s?|basura|lixos?|sampah|bosta|mierda|merda|um merda|uma merda|"
    r"nobody|joke|failure|disgrace|useless|pathetic|worthless|embarrassment|dumm|doof|blod|"
    r"bloed|hasslich|fett|nutzlos|wertlos|erbarmlich|peinlich|jelek|najis|inutil|inuteis|"
    rf"patetic[oa]s?|ridicul[oa]s?|viad[oa]s?|bangsat|sialan|brengsek|keparat|{EXCLAIMED})"
)
NAME_CALL: Final = (
    rf"(?!{_NOT_VOCATIVE}\b)(?:{INSULT_EN}|{INSULT_ES}|{INSULT_ID}|{INSULT_PT}|{INSULT_DE}|"
    rf"{DE_COMPOUND}|idiots?|morons?|losers?|bitch|retard|cunt|whore|slut|dickhead|asshole|jerk|"
    r"(?:dumme|blode|fette|hassliche|dreckige|elende|bescheuerte|behinderte)[rsn]?)"
)
_CALL_LEAD = (
    r"(?:du|you|u|ya|seu|sua|dasar|pinche|maldit[oa]|so ein|so eine|you absolute|you stupid|"
    r"you fat|you ugly|you little|kleine[rsn]?|dumme[rsn]?|blode[rsn]?|fette[rsn]?|"
    r"hassliche[rsn]?|estupid[oa]|pedazo de|grandisim[oa]|grande)"
)
# Name-calling as an address (read in the plain form, punctuation kept): a
# clause's last words after a comma ("nobody wants to talk to you,
# stupid.", "nadie quiere hablar contigo, estúpida", "geh heulen, du
# Fettsack"), or "du" and a compound at a clause's start ("keener will
# dich, du Fettsack"). A sentence opened with one is as often a friend's
# ("ya eejit, there's only one answer"): not read.
VOCATIVE: Final = (
    rf"[,;]\s*(?:{_CALL_LEAD}\s+){{0,2}}{NAME_CALL}\s*(?:[.!?]+\s*|$)"
    rf"|(?:^|[,.!?;:]\s*)du\s+(?:{_CALL_LEAD}\s+){{0,2}}{DE_COMPOUND}\b"
    rf"|(?:^|[,.!?;:]\s*)du\s+(?:dumme|blode|fette|hassliche|dreckige|elende|bescheuerte|"
    rf"behinderte)[rsn]?\s+[a-z]{{3,}}\s*(?:[,.!?]|$)"
)
# A message's last sentence that is only a name ("se nota, ese cuarto parece
# un chiquero. muerto de hambre", "... falhado."): said to the partner,
# unless the speaker spoke of themself before it ("forgot my keys again.
# idiot."), which FIRST_PERSON reads.
VOCATIVE_LAST: Final = rf"[.!?]\s+(?:{_CALL_LEAD}\s+){{0,2}}{NAME_CALL}\s*[.!?]*\s*$"
FIRST_PERSON: Final = (
    r"\b(?:i|im|i m|ive|i ve|me|my|mine|myself|we|us|our|yo|mi|mis|me|nosotros|perdimos|aku|"
    r"gue|gw|saya|kita|kami|eu|meu|minha|nos|perdemos|ich|mein|meine|mich|mir|wir|uns)\b"
)

# Threats, incitement to self-harm and insulting phrases, in every language.
THREATS: Final = (
    # English: the model reads none of these as toxic.
    r"\b(?:i will|ill|i ll|im gonna|im going to|i am going to|imma|i am gonna|gonna)\s+"
    r"(?:find|hunt|track)\s+(?:you|u|ya)(?:\s+down)?(?:\s+and\b|\s*$)|\bi\s+(?:know|kno|knw)\s+(?:where|"
    r"what school|which school)\s+(?:you|u|people like you|people like u)\s+(?:live|stay|"
    r"sleep|go|work|study)\b|"
    r"\bi(?:ll| will) (?:come|be) (?:to|at) (?:your|ur) (?:house|school|work)\b|"
    r"\b(?:i will|ill|i ll|im gonna|im going to|i am going "
    r"to|imma|i am gonna|i could)\s+(?:kill|hurt|stab|shoot|murder|rape|beat)\s+(?:you|u|ya)\b|"
    r"\b(?:nobody|no one|noone)\s+(?:(?:at|in|from)\s+(?:your|ur)\s+\S+\s+)?"
    r"(?:(?:even|actually|really|ever|genuinely)\s+)?(?:likes|loves|wants|"
    r"cares about|(?:would|will|is going to|"
    r"is gonna|gonna) (?:miss|notice))\s+(?:you|u)\b|"
    r"\bthe world (?:would be|is|d be) better (?:off )?without (?:you|u)\b|"
    r"\b(?:you|u)\s+(?:are|r|re)?\s*(?:so\s+)?(?:worthless|a waste of (?:space|air|oxygen))\b|"
    r"\b(?:youre|ur)\s+(?:so\s+)?(?:worthless|a waste of (?:space|air|oxygen))\b|"
    r"\bdo (?:everyone|every1|everybody|the world|us all) a favou?r (?:and|n|&) (?:go )?(?:die|"
    r"disappear|jump|kill (?:yourself|urself)|end it)\b|\bgo\s+jump\s+off\s+(?:a|smth|something|"
    r"sth|the|a bridge|a cliff|a roof)\b|\bunalive (?:your|ur)self\b|"
    # Told to die in so many words: "just die already", "why don't you just
    # die", "you should just die" (not "you should die your hair").
    r"\bjust die already\b|\bwhy (?:dont|don t|do not) (?:you|u|ya) (?:just )?die\b|"
    r"\b(?:you|u) should (?:just )?die\b(?! (?:your|ur|it|the|a|my|her|his|them|of|from|laughing))|"
    r"\bdrop dead\b(?! (?:gorgeous|beautiful|sexy|hot|funny|good|cute|pretty))|"
    # Exposure: doxxing and leaking.
    r"\b(?:post|leak|share|drop|send everyone)\s+(?:your|ur)\s+(?:address|addy|number|nudes|"
    r"pics|photos|real name|info|location)\b|\bwatch\s+(?:your|ur)\s+back\b|\bdox+(?:ing|ed)?"
    r"\s+(?:you|u)\b|\bi\s+(?:found|know|have)\s+(?:your|ur)\s+(?:address|addy|school|house|"
    r"real name|ip)\b",
    # Spanish
    r"\b(?:nadie te (?:extranaria|va a extranar|extrana|echaria de menos|va a echar de menos)|"
    r"el mundo (?:estaria|seria) mejor sin (?:ti|vos|usted)|chinga tu "
    r"madre|me das asco|das asco|nadie (?:(?:en|de) (?:tu|su) \S+ )?te (?:quiere|kiere)|"
    r"muerete|matate|suicidate|ahorcate|ojala te mueras|te voy a (?:matar|reventar|"
    r"partir la cara|romper la cara|violar)|se donde (?:vives|trabajas|estudias)|se (?:en )?"
    r"(?:que|cual|donde) (?:liceo|colegio|escuela|prepa|instituto) (?:vas|estudias|estai|estas)|"
    r"vas a morir)\b|"
    # "te voy a buscar en el juego" is a game; a search that ends there is not.
    r"\bte voy a (?:encontrar|buscar)(?:\s+y\b|\s*$)",
    # Indonesian
    r"\b(?:mati (?:aja|saja|sana|lu|lo|kau)|mampus (?:lu|lo|kau)|bunuh diri (?:aja|saja|sana)|"
    r"mending (?:kamu|lu|lo|kau) mati|(?:gue|gua|gw|aku|saya) (?:bunuh|habisin|hajar) "
    r"(?:lu|lo|kamu|kau)|(?:aku|gue|gua|gw|saya) (?:akan |bakal )?membunuh(?:mu| kamu| lu| lo| "
    r"kau)|"
    r"(?:gue|gua|gw|aku|saya) "
    r"(?:tau|tahu) (?:rumah|rmh|sekolah|skolah|kantor|alamat|kampus)(?:mu| lu| lo| kamu| km)|"
    r"(?:gue|gua|aku|saya) (?:tau|tahu) tempat (?:anda|kamu|lo|lu) tinggal|"
    r"(?:tak|gue|gua|aku|saya) (?:parani|datengin|datangi|datangin|samperin|sambangi) "
    r"(?:omah|rumah)\s?(?:mu|lu|lo|kamu|koen)|tak (?:pateni|antemi|gebuki|kepruk)|"
    # not disbelief at it: "masa ga ada cowok yang suka sama kamu?"
    r"(?<!masa )(?<!masak )(?<!emang )(?<!apa )(?<!kok )"
    r"(?:ga|gak|nggak|tidak) (?:ada|akan ada) (?:\S+ ){0,3}?(?:yang|yg) (?:akan )?(?:suka|"
    r"sayang|peduli|"
    r"merindukan|kangen|nyariin|kehilangan)(?: sama| dengan)? (?:anda|kamu|lu|lo|kau)|"
    r"dunia (?:akan )?lebih baik tanpa (?:anda|kamu|lu|lo|kau|dirimu)|"
    r"(?:kamu|km|kmu|lu|ngana|koen) (?:ga|gak|gk|nggak|ngga|tidak|tak|nyanda) berguna|"
    r"ga guna lu)\b|\b(?:aku|gue|gua|saya) (?:akan |bakal )?"
    r"(?:cari|nyari|temuin|mencari|menemukan)(?:mu| kamu| lu| lo| kau)(?:\s+(?:dan|terus)\b|\s*$)",
    # Portuguese
    r"\b(?:ninguem (?:sentiria|vai sentir|sente) (?:sua |tua )?falta|o mundo (?:seria|ficaria) "
    r"melhor sem (?:voce|vc|ti|tu)|"
    r"se mata|vai se matar|se mate|ninguem (?:(?:na|no|da|do|em) (?:sua|seu|tua|teu) \S+ )?"
    r"(?:gosta|liga) "
    r"(?:de |pra |para |com )?(?:voce|vc|tu|ti)|ninguem te (?:ama|quer|suporta)|"
    r"vou te (?:matar|quebrar|"
    r"estuprar|bater|dar uma surra|encher de porrada|arrebentar)|(?:eu )?sei onde "
    r"(?:voce|vc|tu|ce) (?:mora|estuda|trabalha|vive)|"
    r"morre (?:logo|lixo|desgracad[oa]))\b|\bvou te (?:achar|encontrar|pegar)(?:\s+e\b|\s*$)",
    # German
    r"\b(?:niemand (?:wurde|wuerde|wird) dich vermissen|die welt (?:ware|waere) besser ohne dich|"
    r"geh sterben|stirb|bring dich um|tote dich|toete dich|erhang dich|"
    r"ich (?:bring|bringe|werde|will|finde|find) dich (?:um|kalt|finden|umbringen|"
    r"toten|toeten)|ich finde dich\s+(?:und|schon|noch|bald|"
    r"irgendwann)|ich weiss wo du (?:wohnst|wohnsch|wohnscht|arbeitest|zur schule gehst)|"
    r"ich find(?:e)? (?:raus|use|heraus) wo du (?:wohnst|wohnsch|wohnscht|arbeitest)|"
    r"(?:niemand|keiner) (?:(?:in|an|aus) (?:deiner|deinem|deinen) \S+ )?mag dich|"
    r"du bist (?:nichts|nix) wert)\b|"
    # "ich finde dich" alone; "ich finde dich toll" is a compliment.
    r"\bich finde dich\s*$",
)
# Contempt for the partner without a fixed frame: a word for "you" and a
# put-down within a few words of it, in one sentence ("nobody wants to read
# your garbage", "seguro que eres la típica gorda", "udah jelek, bego lagi
# lo", "du machst dich lächerlich"). Read in the plain form (sentences kept).
# Alone under the harassment threshold: the chat's second hostile message
# is held (safety.moderation).
YOU_ANY: Final = (
    rf"(?:you|u|ur|your|youre|yourself|{YOU_ES}|{YOU_ID}|{YOU_PT}|{YOU_DE}|te|ti|eres|estas|"
    r"estai|eri|contigo|koen|raimu|awakmu|ente|es|teu|tua|seu|sua|senhor|senhora|dein|deine|"
    r"deiner|deinen|sie sind|ihnen|ihre)"
)
_PUT_DOWN = (
    r"(?:ugly|fat|pathetic|worthless|useless|disgusting|embarrassing|gross|stupid|dumb|"
    r"loser|freak|nobody (?:wants|likes|cares)|no one (?:wants|likes|cares)|"
    r"humiliat\w*|greasy|double chin|"
    r"fe[oa]|gord[oa]|patetic[oa]|inutil|asquero[sz][oa]|estupid[oa]|brut[oa]|"
    r"das (?:asco|lastima|pena|verguenza)|nadie (?:te |)(?:quiere|habla|soporta|aguanta)|"
    r"descerebrad[oa]|ridicul[oa]|"
    r"jelek|gendut|bego|goblok|tolol|bodoh|ga berguna|gak berguna|beban|norak|"
    r"jijik|cupu|ga punya temen|gak punya temen|bikin malu|pengen muntah|ketawain|"
    r"ngebosenin|najis|"
    r"(?:gak|ga|tidak|nggak|nyanda) ada (?:yang|yg) (?:mau|suka|peduli|sayang)|"
    r"fei[oa]|nojent[oa]|burr[oa]|parv[oa]|otari[oa]|da nojo|ninguem (?:gosta|quer|"
    r"liga)|fracassad[oa]|vergonha|"
    r"hasslich|fett(?:e|es|er)?|peinlich|widerlich|erbarmlich|nutzlos|wertlos|lacherlich|"
    r"hirnlos\w*|ekelhaft|keiner (?:will|mag)|niemand (?:will|mag)|lauch|versager|"
    # the formal register: contempt in careful words
    r"disgrace\w*|contemptible|despicable|ignorant|imbecile|idiotic|inferior|vile|repulsive|"
    r"miserable|failure|insufferable|incompetent|mediocre|primitive|brainless|clueless|"
    r"spineless|parasite|lowlife|scum\w*|deplorable|revolting|hopeless|waste of (?:space|"
    r"time|oxygen)|desgracia|despreciable|ignorante|imbecil|repugnante|miserable|"
    r"incompetente|mediocre|insoportable|parasit[oa]|lamentable|penos[oa]|vergonzos[oa]|"
    r"analfabet[oa]|desgraca|desprezivel|miseravel|insuportavel|lamentavel|vergonhos[oa]|"
    r"memalukan|menjijikkan|tidak berguna|rendahan|pecundang|payah|tak tahu diri|"
    r"kampungan|udik|schande|verachtenswert|schwachkopf|minderwertig|inkompetent|"
    r"mittelmassig|unertraglich|parasit|armselig|damlich|primitiv)"
)
# Spanish contempt said with the verb alone: "das asco", "qué lástima me
# das", "das pena, de verdad" (but "me das pena" is pity).
CONTEMPT_ES: Final = (
    r"\b(?:me\s+)?das\s+(?:mucha\s+|tanta\s+|hasta\s+)?(?:asco|lastima|verguenza ajena)\b|"
    r"\bque\s+(?:lastima|asco)\s+(?:me\s+)?das\b|(?<!\bme\s)\bdas\s+(?:mucha\s+)?pena\s*(?:[,.!]|$)"
)
CONTEMPT: Final = (
    rf"{CONTEMPT_ES}|"
    rf"\b{YOU_ANY}\b(?:[ '-]+[^\s.!?,;]+){{0,6}}?[ '-]+{_PUT_DOWN}\b|"
    rf"\b{_PUT_DOWN}\b(?:[ '-]+[^\s.!?,;]+){{0,4}}?[ '-]+{YOU_ANY}\b"
)
# The put-down alone, whole words, in the words form: what wakes the
# contempt detector (the plain form's literals would be pieces of words).
PUT_DOWN: Final = rf"\b{_PUT_DOWN}\b"
# A put-down or an insult denied ("you're not ugly", "no eres fea", "tu não é
# burro", "du bisch kei Idiot", "you're not an idiot").
_DENIED = (
    r"(?:\b(?:not|isnt|arent|never|no|nunca|nao|tidak|gak|ga|nggak|bukan|nicht|kein|keine|kei|"
    r"nie|ned|nid|nod)\s+(?:(?:so|that|tan|tao|terlalu|really|e|es|eres|sos|is|are|a|an|um|uma|"
    r"un|una|ein|eine|einen|en|such|the|el|la|o|orang|yang|nenhum|nenhuma|ningun|ninguna|"
    r"ninguno|gar)\s+){0,2}"
    # a self-insult talked down: "who said you're a failure?", "jangan bilang
    # lu pecundang", "hör auf zu sagen du bist ein versager"
    r"|\b(?:who said|who says|stop saying|dont say|don t say|jangan bilang|jangan ngomong|"
    r"hor auf zu sagen|no digas|deja de decir|para de dizer|nao diga|nao fala|"
    r"quem disse|quien dijo)\s+(?:that\s+|que\s+|dass\s+)?(?:you|u|youre|you re|ur|tu|eres|sos|"
    r"lu|lo|kamu|km|du|vc|voce|voces)\s+(?:(?:re|are|r|is|bist|es|eres|e|a|an|um|uma|un|una|"
    r"ein|eine|so|such|orang|cuma|only|just)\s+){0,3})"
)
CONTEMPT_DENIED: Final = rf"{_DENIED}{_PUT_DOWN}\b"
# A put-down asked of as a story: "what's the most embarrassing thing you did".
MOST_ASKED: Final = (
    r"\b(?:what|whats|what s|what is|what was|whats been|cual es|cual fue|qual e|qual foi|apa)\s+"
    r"(?:\S+\s+){0,2}?(?:most|mas|mais|paling)\s+(?:embarrassing|awkward|cringe|cringey|"
    r"vergonzos[oa]|vergonhos[oa]|memalukan)\b"
)
INSULT_DENIED: Final = (
    rf"{_DENIED}(?:{INSULT_EN}|{INSULT_ES}|{INSULT_ID}|{INSULT_PT}|{INSULT_DE}|idiots?|"
    r"morons?|losers?|stupid|dumb|jerks?|freaks?|failures?)\b"
)
# Someone else's words reported ("when someone tells you to kill yourself",
# "ela disse que eu devia me matar"): what follows is a story, not said to
# the partner.
# A word explained, translated or looked up ("im Wörterbuch steht horny",
# "\"vai tomar no cu\" = go fuck yourself", "what does coger mean"): the
# word is talked about, not said to anyone. Words form, and "=" in the plain.
DEFINING: Final = (
    r"\b(?:means|meaning|meant|mean by|significa|significan|significado|quiere decir|quer dizer|"
    r"artinya|berarti|maksudnya|bedeutet|bedeutung|translate|translated|translation|traduce|"
    r"traducir|traduccion|traduz|traduzir|traducao|terjemahan|terjemahin|ubersetzt|ubersetzung|"
    r"ubersetzen|dictionary|diccionario|dicionario|kamus|worterbuch|woerterbuch|swear word|"
    r"swear words|palabrota|palabrotas|palavrao|palavroes|schimpfwort|schimpfworter|kata kasar|"
    r"false friend|falso amigo|falsos amigos|falso cognato)\b"
)
REPORTED: Final = (
    r"\b(?:someone|somebody|people|he|she|they|anyone|alguien|el|ella|ellos|alguem|ele|ela|"
    r"eles|orang|dia|mereka|jemand|er|sie|man)\s+(?:\w+\s+){0,2}?(?:tells?|told|telling|says?|"
    r"said|saying|wrote|writes|commented|called|calls|dice|dijo|decia|escribio|diz|disse|"
    r"falou|escreveu|chamou|bilang|ngomong|nyuruh|nulis|sagt|sagte|schrieb|schreibt|meinte|"
    r"nannte)\b"
)
# The speaker calls themself names ("I'm such an idiot today", "sou um
# burro", "ich bin so en Idiot gsi", "aku bego banget"): no one else is
# insulted when nothing in the message says "you".
# The speaker saying what they are: "I'm", "soy", "sou", "ich bin", "aku".
I_AM: Final = r"(?:i m|im|i am|soy|sou|ich bin|aku|saya|gue)"
MYSELF: Final = (
    rf"\b(?:{I_AM}|i was|i feel|i felt|i look|i sound|call me|me siento|me senti|fui|estoy|"
    r"eu sou|me sinto|ich bi|ich war|ich fuhl mich|bin ich|gua|gw)\b"
)
# The partner excluded in so many words: "not you", "bukan lo yg goblok",
# "não é você", "nicht du", "él no tú".
NOT_YOU: Final = (
    r"\b(?:not (?:you|u|at you|at u)|bukan (?:lo|lu|elo|kamu|km|situ|ke (?:lo|lu|kamu))|"
    r"(?:nao|nem) (?:e )?(?:voce|vc|pra voce|pra vc|contigo)|nicht (?:du|dich|dir|an dich)|"
    r"(?:el|ella|ellos) no (?:tu|vos)|no (?:es |va )?(?:por|para|contigo|a) (?:ti|vos)|"
    r"no (?:lo digo|te lo digo) (?:a|por) (?:ti|vos))\b"
)
# The speaker is one of those insulted: "we're both idiots", "somos unos
# tontos", "kita goblok semua".
US_BOTH: Final = (
    r"\b(?:we|were|we re|we r|us both|both of us|kita|kita berdua|nosotros|nosotras|somos|"
    r"a gente|nos dois|nos duas|wir|wir beide|uns beide)\b"
)
# More threats: beating, waiting outside, regret, exposure of an address.
THREATS_MORE: Final = (
    # "Nobody would notice / miss you", said in more ways, and self-harm urged
    r"\b(?:nobody|no one|noone)\s+(?:would|will|is gonna|is going to|gonna)\s+(?:even\s+)?"
    r"(?:(?:notice|care)\s+(?:if\s+)?(?:you|u|ur)|miss (?:you|u)|cry (?:for|over|at) (?:you|u|"
    r"your|ur))\b|\b(?:go\s+)?jump off a (?:bridge|cliff|building)\b|"
    r"\bnadie (?:va a llorar|lloraria|lloraría) (?:por ti|en tu)\b|"
    # "no le importas a nadie", "ninguém se importa com você", "du bist
    # niemandem wichtig", "semua orang males sama kamu"
    r"\b(?:no le importas a nadie|a nadie le importas|no le importas ni a)\b|\bninguem se "
    r"importa (?:com|contigo|consigo) (?:voce|vc|tu|ti)?\b|\bdu bist (?:hier )?(?:niemandem|"
    r"keinem) wichtig\b|\bsemua orang\s+(?:\S+\s+){0,3}?(?:males|benci|muak|jijik|ilfeel)\s+"
    r"(?:sama|ama|ke|dengan)\s+(?:kamu|lo|lu|km)\b|"
    r"\b(?:ga|gak|nggak|tidak|ndak)\s+(?:ada\s+)?(?:yang|yg)\s+(?:bakal|akan|bakalan)\s+"
    r"(?:nyariin|nyari|kangen|nangisin|peduli)\s+(?:sama\s+|ke\s+)?(?:kamu|lo|lu|elo)\s*[.!]*$|\b(?:orang\s+)?(?:kayak|kaya|seperti)\s+"
    r"(?:kamu|lo|lu|elo|anda)\s+(?:mending|lebih baik|sebaiknya)\s+(?:ilang|hilang|mati|"
    r"lenyap)\b|"
    r"\bninguem (?:vai|ia) (?:chorar (?:no|por) (?:teu|seu|ti|voce)|sentir (?:a )?(?:tua|sua) "
    r"falta)\b|\bkeiner (?:wurde|wuerde|wird) dich vermissen\b|\bdich vermisst (?:eh |"
    r"sowieso |doch )?(?:keiner|niemand)\b|\bbring dich (?!nicht\b|nie\b)(?:\S+\s+){0,2}?um\b"
    r"(?!\s+(?:deinen|deine|dein|den|die|das|zu)\b)|"
    r"\b(?:i(?:ll| will)? beat you up|(?:see|wait for) (?:you|u) after school|meet me outside|"
    r"you(?:ll| will) regret|te voy a (?:sacar la (?:mierda|chucha|cresta|madre)|pegar|esperar|"
    r"romper|cagar a palos|madrear|partir la madre|romper la madre|dar una paliza|"
    r"hacer mierda)|te (?:espero|esperamos|voy a ir a buscar|voy a buscar) a la salida|"
    r"a la salida nos vemos|te (?:parto|rompo|saco|reviento) "
    r"la (?:cara|madre|boca|cresta|chucha|jeta|mierda)|"
    r"(?<!\bno )te vas a arrepentir(?!\s+(?:si\s+no|de\s+no)\b)|"
    r"te (?:cago|cagamos|muelo|molemos) a (?:trompadas|tronpadas|palos|pinas|pinazos|golpes|"
    r"patadas)|"
    r"vas a ver lo que te pasa|cuidate cuando salgas|(?:vou|vamos) te (?:pegar|bater|quebrar)|"
    r"vai apanhar|vais levar porrada|te pego (?:na saida|la fora|na rua)|te espero (?:la fora|"
    r"na saida)|"
    r"(?<!\bnao )(?:vais-te arrepender|vais te arrepender|vai se arrepender)(?!\s+de\s+nao\b)|"
    r"vou ai partir-te|"
    r"partir-te a cara|vou dar cabo (?:da tua vida|da sua vida|de ti|de voce)|"
    r"merecia um enxerto de porrada|"
    r"schleich di(?:ch)? (?:zruck|zuruck)|"
    r"(?:gue|gua|gw|aku) (?:hajar|datengin|tungguin|samperin) (?:lu|lo|kamu|lo)|"
    r"(?:bikin|buat|hajar|pukulin|gebukin)\s+(?:\S+\s+){0,2}?babak belur|(?:lu|lo|kamu|kau|"
    r"elu)\s+(?:\S+\s+){0,2}?babak belur|siap2 aja|awas aja (?:lu|lo|kamu)|"
    r"awas (?:lu|lo|kamu|koen|kau) (?:ya|yo|nanti|"
    r"ntar)|lo bakal nyesel|ich mach dich fertig|ich (?:hau|schlag|box) dich (?:um|zusammen|"
    r"kaputt)|du kriegst (?:aufs maul|auf die fresse|eine rein)|ich polier dir die fresse|"
    r"du wirst es bereuen|dann kannst du was erleben|(?:ich|wir) (?:warte|warten) (?:vor|auf) "
    r"(?:dich|deiner|deinem)|"
    # "i'll put you through a window", "give you something to cry about", "if i
    # knew where you lived", "ich hau dir die Zähne ein", "find ich raus wo du wohnst"
    r"(?:put|throw|smash|kick)\s+(?:you|u|ya)\s+(?:through|out of)\s+(?:a|the|that|ur|your)\s+"
    r"(?:window|wall|door|table)|(?:knock|kick|smash|punch|cave)\s+(?:your|ur)\s+(?:teeth|head|"
    r"face|skull)\s+in|give (?:you|u|ya) something to cry about|"
    r"ich (?:hau|haue|schlag|schlage|tret|trete) dir (?:die zahne ein|den schadel ein|eine rein|"
    r"aufs maul|auf die fresse|in die fresse|die fresse ein)|(?:gibts|gibt s|kriegst du|"
    r"kriegst) (?:a|eine|ne) (?:watschn|watschen|watsche|schelle|backpfeife|abreibung)|"
    r"find(?:e)? ich (?:raus|heraus|use) wo du (?:wohnst|wohnsch|arbeitest)|(?:dann|danach) "
    r"liegst (?:du )?im (?:spital|krankenhaus|koma)|"
    r"te (?:rompo|parto|quiebro|reviento) (?:los dientes|el hocico|el osico|la jeta|en dos)|"
    r"(?:te|vou te) (?:quebro|quebrar) (?:a cara|os dentes|na porrada|todo|toda)|"
    r"(?:gue|gua|gw|aku) (?:tonjok|gebukin|pukul|tabok|gampar|hajar|bacok|tusuk|tikam|gorok|"
    r"tembak) (?:lu|lo|kamu|kau|elu|elo)(?: sampe| sampai)?|"
    # the partner named first: "awas lu gw tonjok", "lu gw bacok ya"
    r"(?:lu|lo|kamu|kau|elu|elo) (?:gue|gua|gw|aku) (?:tonjok|gebukin|pukul|tabok|gampar|hajar|"
    r"bacok|tusuk|tikam|gorok|tembak|bunuh|habisin))\b|"
    r"\b(?:post|postar|posto|publicar|publico|subo|sebar|nyebar|poste|posten|leak|vazar|"
    r"filtrar)\s+(?:\w+\s+){0,4}?(?:your|ur|tu|seu|sua|teu|tua|dein|deine|deinen|lo|lu|kamu)"
    r"\s+(?:address|addy|adresse|endereco|direccion|alamat|cpf|nomor|gesicht|face)\b|"
    r"\b(?:sebar|nyebar|sebarin)\s+(?:\w+\s+){0,3}?(?:alamat|nomor|foto|muka)\b(?:\s+\w+){0,3}?"
    r"\s*(?:lo|lu|kamu|mu)\b|"
    # Found, followed, exposed or beaten: "i know people in your school",
    # "im gonna find you and smash your head", "ur gonna regret this", "te voy
    # a arruinar la cuenta", "le mando las capturas a tus compañeros", "te dou
    # uma surra", "eu posto sua foto", "kutumbuk kau" (not "kuhabisi kau",
    # said of a rematch), "gw tau ig lu", "gw
    # bikin lu malu", "wenn ich deine Adresse poste", "ich krieg dich noch".
    r"\bi\s+know\s+(?:people|ppl|ppls|guys|someone)\s+(?:in|at|inna|from)\s+(?:your|ur|yuh|yo)\s+"
    r"(?:school|work|job|class|area|street|hood|building)\b(?!\s+(?:who|that|which|there|too|"
    r"also|as|like|with|from)\b)|"
    r"\b(?:i\s+will|ill|i\s+ll|ima|imma|im\s+gonna|i\s+m\s+gonna|im\s+going\s+to|mi\s+a\s+go|"
    r"mi\s+ago|mi\s+gonna)\s+(?:find|hunt|track|catch)\s+(?:you|u|yuh|ya)\s+(?:and|an|n)\s+"
    r"(?:\w+\s+)?(?:bus|buss|beat|hurt|kill|smash|break|stab|end|wreck|batter|box|lick|jook)\b|"
    r"\b(?:youre|you\s+re|you\s+are|ur|u\s+r|yuh)\s+(?:gonna|going\s+to|gon)\s+regret\s+"
    r"(?:ever|this|it|the\s+day|talking|messaging|opening|saying|that)\b|"
    r"\b(?:i\s+will|ill|i\s+ll|ima|imma|im\s+gonna)\s+(?:follow|stalk|hunt|find)\s+(?:you|u|ya)\s+"
    r"(?:in|into|to|across|through)\s+(?:every|each|all)\b|"
    r"\bte\s+voy\s+a\s+(?:arruinar|cagar|destruir|joder)\s+(?:la|tu)\s+(?:cuenta|vida|partida)\b|"
    r"\bte\s+voy\s+a\s+(?:hacer\s+la\s+vida\s+imposible|funar|escrachar|exponer|quemar)\b|"
    r"\b(?:le|les)\s+(?:mando|paso|envio|voy\s+a\s+mandar|voy\s+a\s+pasar)\s+(?:las|los|tus|"
    r"estas)\s+(?:capturas|fotos|screenshots|screens|chats)\s+(?:de\s+esto\s+|de\s+este\s+chat\s+)?"
    r"a\s+(?:tus|tu)\b|"
    r"\b(?:ya\s+)?se\s+(?:como\s+te\s+llamas\s+y|en\s+que\s+(?:oficina|empresa|escuela|colegio|"
    r"salon|trabajo)\s+(?:trabajas|estudias|vas|estas))\b|"
    r"\bte\s+(?:dou|dar|darei)\s+uma\s+(?:pisa|surra|sova|coca|tunda|porrada|camaçada|"
    r"camacada)\b|\b(?:eu\s+)?(?:posto|vou\s+postar|vazo|vou\s+vazar|espalho|vou\s+espalhar)\s+"
    r"(?:aquela\s+|essa\s+|a\s+)?(?:sua|tua)s?\s+(?:foto|fotos|nude|nudes|video|conversa)\b|"
    r"\bku(?:tumbuk|pukul|tonjok|tampar|bacok|gebuki)\s+(?:kau|kamu|lu|lo|"
    r"kalian|koen)\b|\b(?:gw|gue|gua|aku|saya)\s+(?:tau|tahu)\s+(?:ig|instagram|akun|fb|"
    r"tiktok|nomor|nomer)\s+(?:lu|lo|kamu|kau|mu)\b|\b(?:gw|gue|gua|aku|saya)\s+(?:bikin|buat)"
    r"\s+(?:(?:lu|lo|kamu|kau|km)\s+malu|malu\s+(?:lu|lo|kamu|kau|km))\b|"
    r"\b(?:wenn|sobald|dann)\s+ich\s+deine\s+(?:adresse|nummer|bilder|fotos|nudes|daten)\s+"
    r"(?:poste|leake|verbreite|veroffentliche|teile)\b|\bich\s+(?:poste|leake|verbreite|"
    r"veroffentliche)\s+deine\s+(?:adresse|nummer|bilder|fotos|nudes|daten)\b|"
    r"\bich\s+(?:krieg|kriege|find|finde)\s+dich\s+(?:schon|noch|irgendwann)\b"
)
# Talk *about* online safety: grooming and its warning signs, predators, a
# class or a talk on it, someone blocked and reported. A groomer's requests
# are made, not discussed, in these words; a chat that holds them has its
# grooming steps weighed at half (safety.moderation).
SAFETY_TOPIC: Final = (
    r"\b(?:grooming|groomers?|groomed|cyber ?grooming|child grooming|red flags?|"
    r"warning signs?|online safety|internet safety|stranger danger|predators?|pedos?|"
    r"pedophiles?|paedophiles?|sextortion|catfish\w*|"
    r"senales de alerta|bandera roja|banderas rojas|seguridad en (?:internet|linea|redes)|"
    r"depredador(?:es)?|pedofilos?|sextorsion|"
    r"keamanan (?:online|digital|internet|siber)|sosialisasi|pedofil|tanda bahaya|"
    r"diwaspadai|modus (?:penipuan|predator|"
    r"pelaku|grooming)|"
    r"sinais de alerta|bandeira vermelha|seguranca (?:na internet|online|digital)|"
    r"predadores?|sextorsao|"
    r"warnsignale?|alarmsignale?|internetsicherheit|onlinesicherheit|sicherheit im netz|"
    r"medienkompetenz|padophile?r?|paedophile?r?)\b|"
    r"\b(?:blocked|block|blokir|bloquee|bloqueei|bloqueie|blockiert|blockier)\s+"
    r"(?:\w+\s+){0,2}(?:and|&|terus|trus|dan|lalu|y|e|und)\s+(?:\w+\s+)?"
    r"(?:reported|report|lapor\w*|report\w*|denunci\w*|gemeldet|melden)\b|"
    # the other way round, and told as advice: "gemeldet und blockiert",
    # "bloquealo y reportalo", "report and block him", "denuncia e bloqueia"
    r"\b(?:reported|report|reportalo|reportala|reportou|reporta|lapor\w*|denunci\w*|gemeldet|"
    r"melde|melden)\s+(?:\w+\s+){0,2}(?:and|&|terus|trus|dan|lalu|y|e|und)\s+(?:\w+\s+)?"
    r"(?:blocked|block|blokir|bloquee|bloqueei|bloqueie|bloquea\w*|bloqueia|blockiert|"
    r"blockier\w*)\b|"
    # asked of the partner: "lo reportaste?", "did you block him?"
    r"\b(?:lo|la|le)\s+(?:reportaste|denunciaste|bloqueaste)\b|\bdid\s+(?:you|u)\s+(?:report|"
    r"block)\s+(?:him|her|them|that)\b|\bhast\s+du\s+(?:ihn|sie|den|die)\s+(?:\w+\s+)?"
    r"(?:gemeldet|blockiert)\b|\b(?:voce|vc|tu)\s+(?:ja\s+)?(?:denunciou|bloqueou|reportou)\b|"
    r"\b(?:udah|sudah|udh)\s+(?:kamu\s+|km\s+|lu\s+)?(?:lapor\w*|blokir)\b|"
    r"\b(?:bloquealo|bloqueala|bloquea|bloqueia|blockier|block)\s+(?:\w+\s+){0,2}(?:y|e|und|and|"
    r"&)\s+(?:\w+\s+)?(?:reportalo|reportala|reporta|denuncia\w*|melde|report)\b"
)
# Apps a stranger may be moved to: canonical name, then (spellings that name
# it alone, spellings that need a request beside them).
APPS: Final = {
    # canonical name: (distinctive spellings, spellings that need a request)
    # slang too: the ghost app, the green app
    "snapchat": (
        r"snap ?chat|snapchat|snpchat|ghost ?app|app del fantasma|app do fantasma|app fantasma|"
        r"aplikasi hantu|app hantu|geister ?app|snap ?chet|snepchat|snapchad|snapcht|"
        r"yellow ghost|gelbe[rn]? geist|fantasma amarillo|fantasma amarelo|hantu kuning",
        r"snap|sc|snp|fantasma|fantasmita|hantu",
    ),
    "instagram": (r"insta ?gram|instagram|insta|instas|insta ?grem|instgram|instagarm", r"ig|gram"),
    "telegram": (r"tele ?gram|telegram|telegarm|tele ?grom|telegran|telgram|telegam", r"tg|tele"),
    "whatsapp": (
        r"whats ?app|whatsap+|wats ?ap+|watsap+|wasap|wassap|zapzap|green app|app verde|"
        r"aplicativo verde|aplikasi hijau|app hijau|grune app|gruene app|guasap|whatsi|watsi",
        r"wa|whats|zap|wasa|wsp|wpp",
    ),
    "discord": (r"discord|disc0rd|discrod", r"dc|disc"),
    "kik": (r"kik", r""),
    "wickr": (r"wickr|wicker me", r""),
    "signal": (r"", r"signal"),
    "line": (r"", r"line"),
    "wechat": (r"we ?chat", r""),
    "tiktok": (r"tik ?tok", r"tt"),
    "skype": (r"skype", r""),
    "viber": (r"viber", r""),
    "facebook": (r"facebook|messenger", r"fb"),
    "twitter": (r"twitter", r"x"),
    "threema": (r"threema", r""),
    "reddit": (r"reddit", r""),
    "session": (r"", r"session"),
}  # fmt: skip


# What a picture may innocently be of (folded, five languages).
THINGS: Final = (
    r"(?:dog|dogs|cat|cats|pet|pets|food|art|drawing|drawings|painting|garden|setup|car|cake|"
    r"homework|notes|fish|hamster|bird|horse|plant|plants|lunch|dinner|city|view|sunset|build|"
    r"bike|guitar|cosplay|perro|perrito|perros|gato|gatito|gatos|gatinho|mascota|comida|dibujo|"
    r"dibujos|pintura|jardin|coche|carro|pastel|tarea|apuntes|pez|pajaro|caballo|planta|plantas|"
    r"almuerzo|cena|ciudad|vista|atardecer|bici|guitarra|partida|pantalla|cachorro|cachorrinho|"
    r"desenho|desenhos|jardim|bolo|dever|caderno|peixe|passaro|cavalo|almoco|janta|cidade|tela|"
    r"violao|hund|hunde|katze|katzen|kater|haustier|essen|zeichnung|garten|auto|kuchen|"
    r"hausaufgaben|fisch|vogel|pferd|pflanze|mittagessen|stadt|aussicht|sonnenuntergang|fahrrad|"
    r"gitarre|kucing|anjing|peliharaan|makanan|lukisan|kebun|mobil|kue|tugas|catatan|ikan|burung|"
    r"kuda|tanaman|kota|pemandangan|sepeda|gitar|concert|party|trip|festival|match|vacation|"
    r"holiday|concierto|fiesta|viaje|partido|festa|viagem|show|konzert|reise|urlaub|konser|"
    r"liburan|pesta|acara)"
)
