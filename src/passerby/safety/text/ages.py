"""Whose age a number is, and whether it is an age at all.

Helpers of :meth:`.detectors.TextAnalyser._age_disclosure`, pure, over the
``joined`` form of a message (:mod:`.normalise`): an age said of someone
else ("my sister is 14", "un chico de 15"), one the speaker *had* ("cuando
tenía 15 años"), and a number that goes on as a time or a fraction ("24/7").
"""

from __future__ import annotations

import re
from typing import Final

from passerby.core.signals import Signal
from passerby.safety.text.lexicon import I_AM
from passerby.safety.text.patterns.ages import ADULT_AGE, THIRD_PARTY

_SOMEONE_OF_AGE: Final = re.compile(
    r"(?:^|\s)(?:a|an|the|un|una|um|uma|ein|eine|einen|einem|der|die|das|seorang|si)\s*$|"
    # ...with a word between: "a normal 24 year old", "un típico", "ein normaler"
    r"(?:^|\s)(?:a|an|the|un|una|um|uma|ein|eine|einen|einem|der|die|das)\s+(?:normal|typical|"
    r"regular|random|average|real|grown|creepy|weird|healthy|tipic[oa]|cualquier|qualquer|"
    r"normale[rns]?|typische[rns]?)\s*$|"
    # an animal described by its age: "una chihuahua de 9 años", "um cachorro
    # de 3 anos" (a person is not: "hola, un gamer de 13 años" is a speaker)
    r"(?:^|\s)(?:un|una|um|uma)\s+(?:perr[oa]|perrit[oa]|gat[oa]|gatit[oa]|cachorr[oa]|"
    r"cachorrit[oa]|chihuahua|caniche|labrador|conej[oa]|coelh[oa]|hamster|hamsters|loro|"
    r"perico|papagaio|caballo|cavalo|tortuga|tartaruga|pez|peixe|cao|cadela|gatinh[oa])\s+de\s*$|"
    # a possessive: "my 11yo is demanding £10", "meine 9-Jährige" (not "in my 30s")
    r"(?:^|(?<!\bin)\s)(?:my|our|his|her|their|mein|meine|meinen|meinem|unser|unsere|"
    r"unseren)\s*$|"
    # "yang besar 10 tahun, yang kecil 3": the elder and the younger child
    r"\b(?:yang|yg)\s+(?:paling\s+)?(?:besar|kecil|gede|sulung|bungsu|pertama|kedua|ketiga|tua|"
    r"muda|cewek|cowok|laki|perempuan)\s*$|"
    # "o de 10 anos enrola cinco", "la de 6": the one of that age
    r"(?:^|\s)(?:o|a|os|as|el|la|los|las)\s+de\s*$|"
    r"\b(?:cucu|anak|adik|adek|kakak|keponakan|murid|siswa|sepupu)\s*(?:ku|saya|aku|gue|gw)?\s+"
    r"yang\s*$|"
    r"\b(?:chic[oa]s?|nin[oa]s?|muchach[oa]s?|menin[oa]s?|garot[oa]s?|junge|jungs|madchen|anak|"
    r"anak2|cowok|cewek|boys?|girls?|kids?|chaval(?:es)?|alumn[oa]s?|estudiantes|hij[oa]s|"
    r"niet[oa]s|sobrin[oa]s|criancas|filh[oa]s|alunos|alunas|net[oa]s|murid|siswa|cucu|kinder|"
    r"schuler|schulerinnen|enkel|students|pupils|grandkids|grandchildren|teens|teenagers|"
    r"rapaz|rapazes|raparigas|miudos|miudas|chavos|morros|pibes|pibas|jungen|bocah|remaja)\s+"
    r"(?:de|von|umur|usia|mit|aged|of)(?:\s+\d{1,2}\s+(?:y|and|e|und|dan|o|or|ou|oder|atau))?"
    r"\s*$"
)
_I_AM: Final = re.compile(rf"\b{I_AM}\b")
# "soy madre de un niño de 11 años", "soy niñera de un niño de 8 años": the
# speaker is, but the age is the child's (a parent's, or one who minds them).
_PARENT_OF: Final = re.compile(
    r"\b(?:madre|padre|mama|papa|mae|pai|mother|father|mom|dad|mum|mutter|vater|abuela|abuelo|"
    r"avo|avoa|ibu|ayah|oma|opa|grandma|grandpa|grandmother|grandfather|"
    r"ninera|ninero|baba|babysitter|babysitterin|nanny|au pair|aupair|tagesmutter|pengasuh|"
    r"tutor|tutora|profe|profesor|profesora|professor|professora|maestra|maestro|teacher|"
    r"lehrer|lehrerin|guru|entrenador|entrenadora|treinador|treinadora|coach|trainer|"
    r"trainerin)\s+(?:de|of|von|dari)\b"
)
# An age the speaker *was*: "cuando tenía 15 años", "quando eu tinha 15",
# "com 15 anos eu já trabalhava", "waktu aku 15 tahun", "als ich 15 war".
_WHEN_I_WAS: Final = re.compile(
    r"(?:\b(?:when i was|back when|since i was|cuando (?:yo )?tenia|yo tenia|tenia|a los|"
    r"desde los|quando (?:eu )?tinha|eu tinha|tinha|desde os|als ich|seit ich|waktu|"
    r"dulu(?!\s+(?:ya|yah|yaa|deh|dong|nih|sih|aja|ah|kak|kok|gan|bro)\b)|pas|"
    r"ketika|sejak)|(?:^|[.,;!?]\s*)(?:com|mit))(?:\s+\S+){0,2}\s*$"
)
# A number of years that is a span of time, not an age: "in the last fifteen
# years", "en los últimos quince años", "há 15 anos", "selama 15 tahun",
# "seit 15 Jahren".
_DURATION: Final = re.compile(
    r"\b(?:last|past|for|over|durante|ultimos|ultimas|hace|ha|faz|selama|sejak|seit|vor|"
    r"letzten|every|cada|todos los|todos os|tiap|setiap|alle|jede|llevamos|llevo|lleva|llevan|"
    r"levamos|levo|leva|ja sao|son ya|we ve had|weve had|schon seit)"
    r"(?:\s+(?:como|unos|unas|casi|mas de|cerca de|about|almost|around|nearly|quase|uns|umas|"
    r"mais de|fast|etwa|ungefahr|sekitar|hampir))?\s*$"
)
# Years that measure a life's part, not the speaker's age, named after the
# number: "tengo 15 años de experiencia", "tenho 12 anos de casada", "ich
# bin 15 Jahre verheiratet", "tengo 17 años trabajando aquí", "15 tahun
# kerja di sana".
_SPAN_AFTER: Final = re.compile(
    r"\s*(?:anos|anios|years?|yrs|jahre|tahun)\s+(?:(?:de|of|im|in|in der|di)\s+)?"
    r"(?:experiencia|experience|erfahrung|berufserfahrung|pengalaman|casad[oa]s?|casamento|"
    r"matrimonio|married|marriage|verheiratet|ehe|menikah|nikah|carrera|carreira|career|"
    r"servicio|servico|service|dienst|empresa|firma|company|profesion|profissao|beruf|"
    r"trabajo|trabalho|job|kerja|bekerja|trabajando|trabalhando|working|arbeite|estudando|"
    r"estudiando|viviendo|morando|vivendo|living|zusammen|juntos|juntas|together|pacaran|"
    r"dabei|tinggal|mengajar|ngajar|sobri[oa]|sober|clean|limpi[oa]|"
    # ...or a time before or after: "casi treinta años después", "15 years
    # later", "15 tahun yang lalu", "15 Jahre später", "15 anos depois" (not
    # "lalu" alone, which is also "then": "aku 13 tahun lalu km brp")
    r"despues|antes|atras|mas tarde|later|ago|earlier|before|after|yang lalu|yg lalu|kemudian|"
    r"sebelumnya|spater|danach|zuvor|fruher|depois|mais tarde)\b"
)
# Work, marriage or a stay before the years: "saya punya pengalaman 15
# tahun", "aku kerja udah 15 tahun", "saya sudah menikah 10 tahun" (a
# verb between "udah" and the number; "aku udah 15 tahun" is an age).
_SPAN_BEFORE: Final = re.compile(
    r"\b(?:pengalaman|kerja|bekerja|menikah|nikah|pacaran|tinggal|mengajar|ngajar|jualan|"
    r"berjualan|ngurus|mengurus|merawat|(?:sudah|udah|udh)\s+(?!(?:hampir|mau|mao|mo|masuk|"
    r"umur|usia|berumur|berusia|jalan|lebih|sekitar|kira|baru|cukup|tua|gede|besar|dewasa)\b)"
    r"[a-z]+)(?:\s+(?:udah|sudah|udh|dah|selama|hampir|sekitar|lebih dari|kurang lebih))?\s*$"
)
# A noun the pronoun after it belongs to (Indonesian puts "my" after the
# noun): "anak saya berusia 13 tahun", "keponakan gue 12", "suami saya 45".
# Not the words a child calls an older stranger by ("kak aku 14", "om aku
# 13 tahun" is the child's own age).
_OWNER_BEFORE: Final = re.compile(
    r"\b(?:anak|anak2|adik|adek|cucu|keponakan|ponakan|sepupu|teman|temen|kawan|sahabat|"
    r"murid|siswa|pacar|suami|istri|bini|ayah|nyokap|bokap|paman|bibi|kakek|nenek|mertua|"
    r"tetangga|atasan|rekan|kucing|anjing|usia|umur)(?:\s+(?:sulung|bungsu|pertama|kedua|ketiga|"
    r"tertua|termuda|cewek|cowok|perempuan|laki laki|kecil|gede))?\s*$|"
    # a score, a rank or a measure is the speaker's too: "nilai mtk gw 45",
    # "rank aku 30", "berat gw 45", "no absen aku 17"
    r"\b(?:nilai|skor|score|rank|ranking|peringkat|level|lvl|nomor|nomer|absen|berat|bb|"
    r"tinggi|tb|ukuran|size|sepatu|saldo|baterai|batre|ping|winrate|wr|poin|point|ipk|"
    r"rapor|raport|ulangan|uts|uas)(?:\s+[a-z]+)?\s*$"
)
# Money talked of: "uh es mucho, tengo 40" is forty thousand pesos, not an age.
_MONEY: Final = re.compile(
    r"\b(?:mil|lucas|pesos|plata|dinero|precio|caro|barato|cuesta|cuestan|pagar|pago|pagas|"
    r"dolares|euros?|reais|bucks|dollars?|quid|money|cash|price|expensive|cheap|es mucho|"
    r"is a lot|too much|muito caro|zu teuer|teuer|mahal|murah|ribu|rb|juta|jt|harga|duit|uang|"
    r"preco|dinheiro|grana|geld|kostet|preis|descuento|desconto|diskon|nego|oferta|offer)\b"
)
_HAVE: Final = re.compile(r"\b(?:tengo|tenho|have|got|hab|habe|punya)\s*$")
_END: Final = re.compile(r"\s*[.!?]*\s*$")
_COUNTED: Final = re.compile(
    r"\s+(?!(?:anos|anios|anitos|aninhos|cumplidos|completos|years|yrs|jahres|pues|mas|tres|"
    r"dos|seis|plus|pls|plis|yes)\b)(?![jshakxeu]+s\b)[a-z]{3,}s\b"
)
# A number that goes on as a fraction or a time ("24/7", "9:30").
_GOES_ON: Final = re.compile(r"\s?[/:]\s?\d")
# Years that are someone's whom the words after name: "9 anos da minha filha",
# "los 12 años de mi hijo", "15 years of our marriage".
_WHOSE_AFTER: Final = re.compile(
    r"\s*(?:anos|anios|anitos|years?|yrs|jahre|tahun)?\s+(?:da|do|de|del|of|dari)\s+"
    r"(?:(?:la|el|o|a)\s+)?(?:minha|meu|minhas|meus|mi|mis|my|our|nossa|nosso|nuestra|nuestro|"
    r"sua|seu|su|sus|his|her|their|tu|tus|teu|tua|your|meine[mnrs]?|deine[mnrs]?|seine[mnrs]?|"
    r"ihre[mnrs]?)\b(?!\s+(?:vida|life|leben|hidup))"
)
# Someone named just before, then the age, between commas: "o goleiro, 10 anos".
_NAMED_BEFORE: Final = re.compile(
    r"(?:^|\s)(?:o|a|os|as|the|el|la|los|las|der|die|das|my|mi|meu|minha|mein|meine|our|"
    r"nuestro|nuestra|nosso|nossa|his|her|their|su|seu|sua)\s+(?:goalie|goalkeeper|keeper|"
    r"goleiro|guarda redes|portero|arquero|torwart|kiper|captain|capitao|capitan|kapitan|"
    r"player|jogador|jugador|spieler|pemain|baby|bebe|nene|kid|child|crianca|nino|nina|kind|"
    r"boy|girl|menino|menina|junge|madchen|student|aluno|aluna|alumno|alumna|schuler|murid|"
    r"siswa|son|daughter|filho|filha|hijo|hija|sohn|tochter|brother|sister|irmao|irma|hermano|"
    r"hermana|bruder|schwester|nephew|niece|sobrinho|sobrinha|sobrino|sobrina|neffe|nichte|"
    r"cousin|primo|prima|cousine|grandson|granddaughter|neto|neta|nieto|nieta|enkel|enkelin|"
    r"youngest|oldest|eldest|mais novo|mais nova|mais velho|mais velha|menor|mayor|kleine|"
    r"kleiner|grosse|grosser)\s*,\s*$"
)


# The partner named just before the number: "are you 12?", "tienes 12
# años?", "tens 12 anos?", "vc tem 12 anos?", "kamu 12 tahun ya?", "bist du
# 12?", "are you in 8th grade?": an age asked or guessed, not the speaker's.
_PARTNER_BEFORE: Final = re.compile(
    r"\b(?:are you|are u|r you|r u|ru|you|u|youre|you re|ur|tienes|tenes|tiene usted|eres|sos|"
    r"tens|vc tem|voce tem|ce tem|tu tem|kamu|km|kmu|lo|lu|loe|elo|kau|anda|bist du|bist|"
    r"du bist|sind sie)(?:\s+(?:like|maybe|really|actually|only|just|already|even|still|tipo|"
    r"como|mesmo|ja|schon|erst|nur|wirklich|kayak|masih|baru|udah|sudah|cuma|beneran|emang)){0,2}"
    r"(?:\s+an?)?\s*$"
)


# A verb in the third person just before the number: "el más chico Mateo
# tiene 12 años", "o Pedro tem 13 anos", "Lukas ist 12", "she turned 14".
# The speaker says "tengo", "tenho", "bin", "I'm"; "tiene" and "tem" with no
# name are the partner ("¿tiene 13 años?"), asked, not told. Not after a
# word for age ("my age is 13", "mein Alter ist 13").
_THIRD_VERB: Final = re.compile(
    r"\b(?:tiene|tem|ist|is|cumple|cumplio|completa|completou|fez|wird|wurde|turned|turns|"
    # someone described: "era tipo de 40 años", "parecía de 50"
    r"era|eran|parecia|parece|parecia ter|aparentaba|war|looked|seemed|"
    # things named before: "die sind erst 15 jahre alt"
    r"die sind|die waren)"
    r"(?:\s+(?:ya|ja|schon|already|just|apenas|recien|mal|erst|only|nur|like|about|around|"
    r"casi|quase|fast|etwa|almost|nearly|roughly|tipo|como|unos|unas|uns|umas|so|ungefahr|"
    r"sekitar|kira))?(?:\s+de)?\s*$"
)
# The speaker's own age said right before the number, whoever was named earlier.
_OWN_RIGHT_BEFORE: Final = re.compile(
    # (not Indonesian "aku", "gue": a possessive after its noun, "anak gue 15 tahun")
    # (nor "y" between two numbers: "chavales de 14 y 15 años")
    r"\b(?:yo|eu|ich)\s*$|(?<!\d\s)\b(?:y|e|und|pero|mas|aber)\s*$"
)
_AGE_WORD: Final = re.compile(r"\b(?:age|edad|idade|alter|umur|usia|mine)\b")


def third_party_before(text: str, start: int) -> bool:
    """True when the clause before ``start`` names someone other than the
    speaker as subject: someone else, or the partner (an age asked or
    guessed, "are you 12?")."""
    if _PARTNER_BEFORE.search(text, max(0, start - 40), start):
        return True
    clause = re.split(r"[.!?;,]| and | but ", text[max(0, start - 40) : start])[-1]
    if _OWN_RIGHT_BEFORE.search(clause):
        # "mis sobrinos juegan roblox y tengo 29 años": the speaker's own
        return False
    if THIRD_PARTY.search(clause):
        return True
    if _THIRD_VERB.search(clause) and not _AGE_WORD.search(clause):
        return True
    # "about a 15 year old who...", "un chico de 15", "ein 15-jähriger": an
    # article before the age names someone else, unless the speaker is it
    # ("I'm a 15 year old girl").
    return bool(_SOMEONE_OF_AGE.search(clause)) and (
        not _I_AM.search(clause) or _PARENT_OF.search(clause) is not None
    )


def named_before(text: str, start: int) -> bool:
    """True when the number at ``start`` stands alone after a comma that
    follows someone named ("o goleiro, 10 anos e já dá entrevista")."""
    before = text[max(0, start - 40) : start]
    return bool(_NAMED_BEFORE.search(before)) and not _I_AM.search(before)


# The word just before an age with a unit, past a particle: "Rafi kan 14
# tahun" (read in the casefolded form; the original tells a name by its capital).
_WORD_BEFORE: Final = re.compile(
    r"(?:^|[\s,;:])([^\W\d_]{3,})\s+(?:(?:kan|udah|sudah|baru|masih|tuh|itu|sih|skrg|"
    r"sekarang|jetzt|now|agora|ahora)\s+)?$"
)
# Words written with a capital that are not a name: a pronoun, a word for age
# or gender, a greeting, a particle.
_NOT_A_NAMES = (
    "aku saya gue gua ane kita kami umur umurku usia usiaku baru udah sudah cuma masih sekarang "
    "skrg kalo kalau cewek cowok cewe cowo perempuan laki hai halo hallo hello hola ola oi hey "
    "salam pagi siang sore malam yes yeah iya yaudah oke okay aber pero mas tapi but and und "
    "dan girl boy female male chica chico menina menino junge madchen tengo tenho bin age edad "
    "idade alter kelas grade klasse ano year"
)
_NOT_A_NAME: Final = frozenset(_NOT_A_NAMES.split())

# The speaker giving their name: "aku Dinda", "namaku Putri", "me llamo Ana".
_SELF_NAMED: Final = re.compile(
    r"\b(?:aku|saya|gue|gw|gua|ane|aq|nama|namaku|namaq|kenalin|kenalkan|i m|im|i am|name|"
    r"names|me llamo|soy|sou|eu sou|ich bin|bin|heisse|heiss|hiess|call me|its|it s)\b"
)


def capitalised_name_before(original: str, text: str, start: int) -> bool:
    """True when a name, written with a capital in ``original`` and not at a
    sentence's start, stands just before the age at ``start`` in ``text``
    ("Iya bu, Rafi kan 14 tahun"): a child talked about, not the speaker."""
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if found is None:
        return False
    word = found.group(1)
    if word in _NOT_A_NAME or not word.isascii():
        return False
    if _SELF_NAMED.search(text, max(0, start - 40), found.start(1)):
        return False  # "namaku Putri 13 tahun": the speaker's own name
    named = re.search(rf"(?<![.!?]\s)(?<=\S\s){word[0].upper()}{word[1:]}\b", original)
    return named is not None and not original.isupper()


# An age said not to be the speaker's, and another told after it: "no tengo
# 17 como te dije, tengo 23", "não tenho 16, tenho 25". Not "no im 14" (no,
# I'm 14), where none follows.
_DENIED: Final = re.compile(r"\b(?:no|not|nao|nicht|bukan|gak|ga|nggak|tidak)\s+(?:really\s+)?$")
_ANOTHER_NUMBER: Final = re.compile(r"\b\d{1,2}\b")


def denied_age(text: str, start: int, end: int) -> bool:
    """True when the age told from ``start`` to ``end`` is denied just
    before it and another number follows."""
    return (
        _DENIED.search(text, max(0, start - 12), start) is not None
        and _ANOTHER_NUMBER.search(text, end) is not None
    )


def in_the_past(text: str, start: int) -> bool:
    """True when the age at ``start`` is one the speaker had, not has, or a
    span of years ("in the last fifteen years")."""
    before = text[max(0, start - 30) : start]
    return bool(_WHEN_I_WAS.search(before) or _DURATION.search(before))


def span_of_years(text: str, start: int, end: int) -> bool:
    """True when the years from ``start`` to ``end`` measure work, marriage
    or a stay ("15 años de experiencia", "menikah 10 tahun"), not an age."""
    return (
        _SPAN_AFTER.match(text, end) is not None
        or _SPAN_BEFORE.search(text[max(0, start - 30) : start]) is not None
    )


def owned_pronoun(text: str, start: int) -> bool:
    """True when the pronoun at ``start`` follows a noun it belongs to:
    "anak saya 13 tahun" is the speaker's child's age, not theirs."""
    return _OWNER_BEFORE.search(text, max(0, start - 30), start) is not None


def _had(text: str, start: int) -> bool:
    """Whether the number at ``start`` is had ("tengo 12", "i have 40")."""
    return _HAVE.search(text, max(0, start - 12), start) is not None


def counted_not_age(text: str, start: int, end: int) -> bool:
    """True when the number had ("tengo 12") counts the plural noun after it
    ("ya tengo doce poemas"), not years."""
    return _had(text, start) and _COUNTED.match(text, end) is not None


def money_not_age(text: str, start: int, end: int) -> bool:
    """True when the number from ``start`` to ``end`` is had ("tengo 40"),
    ends the message with no word of age, and the message talks of money
    ("uh es mucho, tengo 40": forty thousand pesos)."""
    return (
        _had(text, start) and _END.match(text, end) is not None and _MONEY.search(text) is not None
    )


# A shoe's size: "aku 40 😭 kaki kecil", after "km size brp".
_SHOE: Final = re.compile(
    r"\b(?:kaki|feet|foot|pies|pes|fusse|fuss|shoe size|size sepatu|ukuran sepatu|nomor sepatu|"
    r"talla de zapatos?|numero de calzado|numero do sapato|numeracao|schuhgrosse)\b"
)


_AGE_UNIT: Final = re.compile(r"\s*(?:tahun|thn|th|anos|anios|years?|yrs?|yo|jahre?|j)\b")


def size_not_age(text: str, end: int) -> bool:
    """True when the message speaks of shoes or feet and no word of age
    follows the number ending at ``end``: the number is a size."""
    return _SHOE.search(text) is not None and _AGE_UNIT.match(text, end) is None


def someone_elses(text: str, end: int) -> bool:
    """True when the words after the number ending at ``end`` say whose years
    they are ("9 anos da minha filha")."""
    return _WHOSE_AFTER.match(text, end) is not None


def time_or_fraction(text: str, end: int) -> bool:
    """True when the number ending at ``end`` goes on as "24/7" or "9:30"."""
    return _GOES_ON.match(text, end) is not None


def age_signal(age: int, score: float) -> Signal:
    name = "age_disclosure_adult" if age >= ADULT_AGE else "age_disclosure_minor"
    return Signal(name, score, f"age={age}")
