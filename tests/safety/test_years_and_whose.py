"""Years that are no one's age, and ages that are someone else's.

A minor's age read where there is none warns an adult and opens a review
case in the adult section, and makes the partner look like a child to the
rules that guard children. Three ways it happened: years that measure work,
a marriage or a stay ("15 años de experiencia", "saya sudah menikah 10
tahun"), Indonesian "my", which comes after the noun ("anak saya berusia
13 tahun" is the speaker's child), and an age told with a verb in the
third person ("el más chico Mateo tiene 12 años"). Beside them, the ages that must
still be read: a child calling an older stranger "kak" or "om" says their
own. The examples are this file's own.
"""

from __future__ import annotations

import pytest

from passerby.safety.text.detectors import TextAnalyser


def ages(analyser: TextAnalyser, text: str) -> list[str]:
    return [s.detail for s in analyser.analyse(text) if s.name.startswith("age_disclosure")]


@pytest.mark.parametrize(
    "text",
    [
        "tengo 15 años de experiencia en cocina",
        "ya tengo 12 años de casada, imagínate",
        "tengo 17 años trabajando aquí",
        "tenho 15 anos de experiência na área",
        "tenho 16 anos trabalhando nisso",
        "ich bin 15 jahre verheiratet",
        "saya punya pengalaman 15 tahun di bidang ini",
        "aku kerja udah 15 tahun di sana",
        "saya sudah menikah 10 tahun",
        "saya udah masak 8 tahun lho",
    ],
)
def test_years_of_work_marriage_or_a_stay_are_no_age(analyser: TextAnalyser, text: str) -> None:
    assert ages(analyser, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "anak saya berusia 13 tahun dan ingin jadi tiktoker",
        "anak gue 15 tahun, lagi puber",
        "keponakan saya 12 tahun",
        "usia anak saya 13 tahun",
        "suami saya 45 tahun",
        "murid saya rata-rata 13 tahun",
        "pacar aku 19 tahun",
        "meu neto Davi tem 11 anos e joga free fire",
        "mi nieta tiene 12 años",
    ],
)
def test_an_indonesian_my_after_the_noun_is_someone_elses_age(
    analyser: TextAnalyser, text: str
) -> None:
    assert ages(analyser, text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("aku udah 15 tahun", "age=15"),
        ("aku udah hampir 15 tahun", "age=15"),
        ("om aku 13 tahun loh", "age=13"),
        ("kak aku 14", "age=14"),
        ("aku 15 tahun, pacar aku 19", "age=15"),
        ("tengo 15 años de edad", "age=15"),
        ("tengo 15 años y trabajo los findes", "age=15"),
        ("ich bin 15 jahre alt", "age=15"),
        # beside someone else's, told with a verb in the third person
        ("yo tengo 14 años y mi hermano tiene 12 años", "age=14"),
        ("tenho 13 anos", "age=13"),
        ("i'm 13 years old", "age=13"),
        # "la neta" is "honestly", not "the granddaughter"
        ("la neta tengo 23", "age=23"),
    ],
)
def test_ones_own_age_is_still_read(analyser: TextAnalyser, text: str, age: str) -> None:
    assert ages(analyser, text) == [age]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("aku masih 15 th sih", "age=15"),
        ("aku masih kelas 9", "age=14"),
        ("aku masih SMP", "age=13"),
        ("saya masih sd", "age=11"),
        ("ich bin in der 8. klasse", "age=13"),
        ("estoy en la secundaria", "age=13"),
        ("tô no fundamental ainda", "age=13"),
        ("to com 15 mas falei que era maior", "age=15"),
    ],
)
def test_a_minor_says_it_by_school_year_or_in_short(
    analyser: TextAnalyser, text: str, age: str
) -> None:
    assert ages(analyser, text) == [age]


@pytest.mark.parametrize(
    "text",
    [
        "estou com 40 graus de febre",
        "tengo 39 grados de fiebre",
        "to com 15 reais só",
        "adik aku kelas 8",
        "anak saya masih SMP",
        "im 5 th in line",
    ],
)
def test_a_fever_money_or_a_siblings_school_is_no_age(analyser: TextAnalyser, text: str) -> None:
    assert ages(analyser, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "soy abuela de cuatro, el más chico Mateo tiene 12 años",
        "o Pedro tem 13 anos e já joga melhor que eu",
        "Lukas ist 12 Jahre alt und spielt nur Minecraft",
        "my cousin Jake just turned 14",
        "tiene 13 años?",
    ],
)
def test_an_age_said_with_a_verb_of_someone_else_is_not_the_speakers(
    analyser: TextAnalyser, text: str
) -> None:
    # "tiene", "tem", "ist", "turned": the speaker says "tengo", "tenho", "bin"
    assert ages(analyser, text) == []
