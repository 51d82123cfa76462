"""Ages asked and told: the questions (words form, then the plain form
for the "?" cues), disclosures of one's age or school year, and claims to be
a minor or an adult."""

from __future__ import annotations

import re
from typing import Final

from passerby.safety.text.lexicon_asks import AGE_QUESTIONS
from passerby.safety.text.lexicon_grooming_en import ARE, YOU, YOUR
from passerby.safety.text.numbers import AGE_BACK, AGE_LEAD, AGE_UNIT, NUM
from passerby.safety.text.patterns.rows import gate_of, table_rows

# Ages outside this range after "I'm N" are more likely not ages at all
# ("I'm 5'7", "im 100% sure"); under 8 is ignored, above 79 weakened.
MIN_AGE: Final = 8
ADULT_AGE: Final = 18

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
    r"mertua|tetangga|kakek|nenek|sulung|bungsu|sulungku|bungsuku|"
    # an older man or woman: "es de señor de cincuenta años", "coisa de senhora"
    r"senor|senora|senores|senhor|senhora|senhores|viejo|vieja|velho|velha|abuelo|abuela|"
    r"opa|oma|herr|bapak|bapak2|"
    # grandchildren ("meu neto Davi tem 11 anos", "mi nieto tiene 12"); "la
    # neta" is Mexican for "honestly" ("la neta tengo 23")
    r"neto|(?<!\bla )neta|netos|netas|nieto|nieta|nietos|nietas|enkel|enkelin|grandson|"
    r"granddaughter|grandkid|grandkids|"
    # nephews and nieces ("meu sobrinho de 10 anos")
    r"sobrino|sobrina|sobrinos|sobrinas|sobrinho|sobrinha|sobrinhos|sobrinhas|neffe|nichte|"
    r"cousine|vetter|keponakanku|ponakanku|nephews|nieces)\b"
)


class AgePatterns:
    """The age patterns, compiled once per analyser."""

    def __init__(self) -> None:
        c = re.compile
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
            *table_rows(AGE_QUESTIONS),
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
            r"is|isch|ist|thats|is that|das|des|itu|no|nao|nicht|jangan|"
            r"puse|pero|so|ok|okay|porque|pq|weil|karena|soalnya|tbh|ngl)\b|\s++(?:tbh|ngl|lol|lmao|"
            r"haha\w*|hehe\w*|hihi\w*|xixi\w*|honestly|fr|jujur|sih|aja|kok|lho|jaja\w*|kkk+|wkwk\w*|btw|"
            r"but|pero|mas|aber|"
            r"tapi)\b|\s*+[.!?]*+\s*+$)"
        )
        # ...or with the school year after it ("13, 8º ano", "14, 9º", "15, 10th
        # grade", "14, kelas 8"): an answer said in words, which closes the
        # question it answers (a level or a score said next answers none).
        # Not a trigger of the gate: a message that opens with a number
        # wakes the age detector by age_bare's and age_lead's digits.
        self.age_school = c(
            r"^\s*+(?P<num>1\d)\s*+,\s*+(?:kelas\s++\d{1,2}\b|"
            r"\d{1,2}\s*+(?:o|a|st|nd|rd|th|\.)(?![^\W\d])|\d{1,2}\s++(?:ano|anos|grade|klasse|"
            r"serie|grado|curso|eso|year)\b)"
        )
        # "yo 32 y guardo secretos", "eu 15 e vc?": the number alone after "I",
        # an answer like a bare number ("yo 30" after "45 min a day" is minutes)
        self.age_after_i = c(
            rf"\b(?:yo|eu)\s+{NUM}(?=\s*(?:[,.!?]|$)|\s+(?:y|e|vos|tu|vc|voce|jaja\w*|kk\w*|"
            r"haha\w*|lol)\b)"
        )
        self.age_disclosures: tuple[tuple[re.Pattern[str], float, int], ...] = (
            (self.age_self, 0.9, 0),
            (self.age_after_i, 0.5, 0),
            # "aku umur 15", read with whose it is ("anak saya umur 14" is not)
            (c(rf"\b(?:aku|saya|sy|aq|gue|gua|gw)\s+(?:umur|usia|umurnya)\s+{NUM}\b"), 0.9, 0),
            (c(rf"(?:^|[\s(])(?:im\s+|i\s+am\s+)?{NUM}\s?(?:yo|y/o|y\.o\.?|yrs?\s*old|years?"
               rf"\s*old|year\s*old|yr\s*old|tahun|anos|años|jahre\s+alt)\b"), 0.85, 0),
            (c(r"(?:^|(?<!\bat)(?<!\bhit)(?<!\bhits)(?<!\bto)(?<!\bby)(?<!\breach)(?<!\bneed)"
               r"(?<!\bover)(?<!\bpast)[\s(,])"
               r"(?P<num>\d{2})\s?[/,\-]?\s?(?:f|m|female|male|girl|boy|guy|"
               # "30 m/s" is a speed; "at 38M", "need 50M views": a count in millions
               r"gurl|grl|lady|cowok|cewek|cewe|chica|chico)(?![\w']|/(?:s|h|min|sec|seg)\b)"
               r"(?!\s+(?:views|streams|subs|subscribers|followers|downloads)\b)"),
             0.85, 0),
            (c(r"(?:^|[\s(,])(?:f|m|female|male|girl|boy|guy)\s?[/,\-]\s?(?P<num>\d{2})\b"),
             0.85, 0),
            (c(rf"\b(?:just\s+turned|i\s+turned|i\s+just\s+turned|recently\s+turned)\s+{NUM}\b"),
             0.85, 0),
            (c(rf"\b(?:turning|ill\s+be|i\s+will\s+be|gonna\s+be|going\s+to\s+be|i\s+turn)\s+"
               rf"{NUM}\b(?!\s*(?:min|minutes|hours|days|%))"), 0.8, -1),
            (c(rf"\b(?:tengo|umurku|(?:umur|usia)\s+(?:aku|saya|gw|gue|gua|aq|sy)|usiaku|eu\s+tenho|"
               rf"tenho|"
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
        self.age_disclosures_gate = gate_of(self.age_disclosures)
        self.age_questions_gate = gate_of(self.age_questions)
