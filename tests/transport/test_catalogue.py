"""The web client's catalogues, read by the doors that word notices themselves."""

from __future__ import annotations

from passerby.core import messages as m
from passerby.transport.catalogue import catalogue
from passerby.transport.omegle.events import events_for


def test_a_language_with_a_catalogue_gets_its_own_words_and_english_behind_them() -> None:
    spanish = catalogue("es")
    assert spanish.lang == "es"
    assert spanish.text("rule.harassment") != catalogue("en").text("rule.harassment")
    assert catalogue("es-MX").lang == "es"  # a regional code falls back to its language
    assert spanish.text("no.such.key", "fallback") == "fallback"


def test_unknown_or_hostile_codes_get_english() -> None:
    for code in ("xx", "../../etc/passwd", "e" * 40, "é"):
        assert catalogue(code).lang == "en"


def test_every_rule_notice_of_the_api_is_worded_from_the_catalogue() -> None:
    indonesian = catalogue("id")
    [[name, text]] = events_for(m.Held("harassment", "english text"), indonesian)
    assert (name, text) == ("serverMessage", indonesian.text("rule.harassment"))
    [[_, text]] = events_for(m.Warning("no-such-rule", "the rule's own words"), indonesian)
    assert text == "the rule's own words"  # a rule the catalogue does not know
    [[_, ended], _] = events_for(m.ChatEnded("system", "moderation"), indonesian)
    assert ended == indonesian.text("chat.ended_system")
    [[_, banned]] = events_for(
        m.Banned({"reason_code": "spam", "reason": "Spam."}), catalogue("es")
    )
    assert banned.endswith(catalogue("es").text("ban_reason.spam"))
