"""Ages written as numbers or words, in English, Spanish, Indonesian,
Portuguese and German: the number-word tables, the pattern source that
matches one (:data:`NUM`, group ``num``), what may stand around one given
as an answer (:data:`AGE_UNIT`, :data:`AGE_LEAD`, :data:`AGE_BACK`), and the
functions that read what it matched (:func:`number`, :func:`grade_age`).

Pure and per message, like the rest of :mod:`passerby.safety.text`.
"""

from __future__ import annotations

from typing import Final

NUMBER_WORDS: Final = {
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    # Spanish and Indonesian
    "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "veinte": 20, "treinta": 30,
    "sebelas": 11, "dua belas": 12, "tiga belas": 13, "empat belas": 14,
    "lima belas": 15, "enam belas": 16, "tujuh belas": 17, "delapan belas": 18,
    "veintiuno": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
    # Portuguese (both spellings) and German
    "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15, "dezasseis": 16,
    "dezesseis": 16, "dezassete": 17, "dezessete": 17, "dezoito": 18, "vinte": 20,
    "vinte e dois": 22, "vinte e tres": 23, "vinte e quatro": 24, "vinte e cinco": 25,
    "trinta": 30, "zwolf": 12, "dreizehn": 13, "vierzehn": 14, "funfzehn": 15,
    "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "zwanzig": 20,
    "zweiundzwanzig": 22, "dreiundzwanzig": 23, "vierundzwanzig": 24,
    "funfundzwanzig": 25, "dreissig": 30,
}  # fmt: skip
UNITS: Final = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9}  # fmt: skip
# Ages from 20 to 69 in words, tens and units, in the other four languages:
# "treinta y cuatro", "trinta e dois", "dua puluh lima", "dreiunddreissig".
TENS: Final = {
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
    "dua puluh": 20, "tiga puluh": 30, "empat puluh": 40, "lima puluh": 50, "enam puluh": 60,
    "zwanzig": 20, "dreissig": 30, "vierzig": 40, "funfzig": 50, "fuenfzig": 50, "sechzig": 60,
}  # fmt: skip
UNITS_MORE: Final = {
    "uno": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "um": 1, "dois": 2, "quatro": 4, "sete": 7, "oito": 8, "nove": 9,
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4,
    "funf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}  # fmt: skip
_ES_PT_UNITS = "uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|dois|quatro|sete|oito|nove"
_ID_UNITS = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
_DE_UNITS = "eins|ein|zwei|drei|vier|funf|fuenf|sechs|sieben|acht|neun"
_NUM_COMPOUND = (
    r"(?:veinte|treinta|cuarenta|cincuenta|sesenta|vinte|trinta|quarenta|cinquenta|sessenta)"
    rf"\s+[ye]\s+(?:{_ES_PT_UNITS})|(?:dua|tiga|empat|lima|enam)\s+puluh(?:\s+(?:{_ID_UNITS}))?|"
    rf"(?:{_DE_UNITS})und(?:zwanzig|dreissig|vierzig|funfzig|fuenfzig|sechzig)|"
    r"cuarenta|cincuenta|quarenta|cinquenta|vierzig|funfzig|fuenfzig"
)
NUM: Final = (
    rf"(?P<num>\d{{1,2}}|{_NUM_COMPOUND}|"
    r"(?:twenty|thirty|forty|fifty|sixty)(?:[ -]?(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|"
    + "|".join(sorted((w for w in NUMBER_WORDS if w not in {"twenty", "thirty", "forty",
                                                              "fifty", "sixty"}),
                      key=len, reverse=True))
    + ")"
)  # fmt: skip


# An age's unit, and what may follow an age given as an answer: a laugh, or
# the question asked back.
AGE_UNIT: Final = (
    r"(?:years?(?:\s+old)?|yrs?(?:\s+old)?|yo|y/o|y\.o\.?|anos|anios|jahre(?:\s+alt)?|"
    r"tahun|thn)"
)
# What may come before it: "la neta 15", "tbh 14", "honestly, 15" (no letter
# repeated with "+": the gate would read it as a word of its own).
AGE_LEAD: Final = (
    r"(?:la neta|neta|honestly|tbh|ngl|jujur|sejujurnya|ehrlich gesagt|ehrlich gseit|ehrlich|"
    r"na verdade|a verdade|la verdad|de verdad|to be honest|sinceramente|en realidad|pues|bueno|"
    r"well|um|umm|uh|eh|hmm|hmmm|oh|"
    # "ja, 16" to "wie alt bist du, 10. Klasse?": a yes, then the age
    r"yes|yeah|yep|yup|ja|jo|jap|si|sim|iya|ya|yoi)"
)
AGE_BACK: Final = (
    r"(?:lol|lmao|haha\w*|hehe\w*|jaja\w*|jeje\w*|kkk*|wkwk\w*|xd|u|you|hbu|wbu|n\s+u|"
    r"and\s+u|and\s+you|and\s+yours|y\s+tu|y\s+vos|y\s+usted|e\s+tu|e\s+vc|e\s+voce|"
    r"und\s+du|und\s+sie|du|kamu|km|lo|lu|elu|loe|anda|kalo\s+kamu|kalau\s+kamu|"
    r"klo\s+km|sendiri|po)"
)


def number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    raw = " ".join(raw.replace("-", " ").split())
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]
    if raw in TENS:
        return TENS[raw]
    compound = _compound(raw)
    if compound is not None:
        return compound
    tens, _, unit = raw.partition(" ") if " " in raw else _split_compound(raw)
    if tens in NUMBER_WORDS and unit in UNITS:
        return NUMBER_WORDS[tens] + UNITS[unit]
    return None


def _compound(raw: str) -> int | None:
    """Tens and units in Spanish, Portuguese, Indonesian or German words."""
    for joiner in (" y ", " e "):  # "treinta y cuatro", "trinta e dois"
        tens, found, unit = raw.partition(joiner)
        if found and tens in TENS and unit in UNITS_MORE:
            return TENS[tens] + UNITS_MORE[unit]
    for tens, value in TENS.items():
        if raw.startswith(tens + " ") and raw[len(tens) + 1 :] in UNITS_MORE:  # "dua puluh lima"
            return value + UNITS_MORE[raw[len(tens) + 1 :]]
    unit, found, tens = raw.partition("und")  # "dreiunddreissig"
    if found and unit in UNITS_MORE and tens in TENS:
        return TENS[tens] + UNITS_MORE[unit]
    return None


def _split_compound(raw: str) -> tuple[str, str, str]:
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty"):
        if raw.startswith(tens):
            return tens, "", raw[len(tens) :]
    return raw, "", ""


_ORDINALS: Final = {"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                    "eleventh": 11, "twelfth": 12, "first": 1, "second": 2, "third": 3,
                    "fourth": 4, "fifth": 5}  # fmt: skip


def grade_age(raw: str, system: str) -> int | None:
    raw = raw.rstrip("stndrh") if raw[:1].isdigit() else raw
    grade = int(raw) if raw.isdigit() else _ORDINALS.get(raw)
    if grade is None or not 1 <= grade <= 13:
        return None
    # US grade N is mostly age N+5 (9th grade: 14-15); UK "year N" is N+4
    # (year 10: 14-15); Indonesian "kelas N" follows the US count.
    return grade + (4 if system == "year" else 5)
