"""Conversation and device risk: escalation rules per section, and the corpus floors."""

from __future__ import annotations

import pytest
from benchmarks.moderation_offline import evaluate, load_corpus

from passerby.core.signals import Signal
from passerby.safety.risk import ConversationRisk, DeviceRisk
from passerby.safety.text import TextAnalyser
from passerby.safety.text.toxicity import ToxicityScorer

AGE_Q = Signal("age_question", 0.9)
OFF = Signal("off_platform", 0.9, "app=snapchat")
SECRET = Signal("secrecy", 0.9)
PICS = Signal("picture_request", 0.85)
MEET = Signal("meet_request", 0.85)
SEXUAL = Signal("sexual", 0.9)
MENTION = Signal("off_platform", 0.2, "app=instagram;mention")


def minor(age: int = 14, score: float = 0.9, bare: bool = False) -> Signal:
    return Signal("age_disclosure_minor", score, f"age={age}" + (";bare" if bare else ""))


def adult(age: int = 25, score: float = 0.9) -> Signal:
    return Signal("age_disclosure_adult", score, f"age={age}")


def test_unknown_section_is_refused() -> None:
    with pytest.raises(ValueError):
        ConversationRisk("kids")


def test_quiet_chat_stays_at_zero() -> None:
    risk = ConversationRisk("teens")
    update = risk.observe("a", [])
    assert update.score == 0.0 and not update.escalate and update.subject is None


def test_teens_adult_disclosure_escalates_at_once() -> None:
    risk = ConversationRisk("teens")
    update = risk.observe("a", [adult(25)])
    assert update.escalate
    assert update.subject == "a"
    assert update.reasons == ("teens:adult_age=25",)


def test_teens_weak_adult_claim_does_not_escalate() -> None:
    risk = ConversationRisk("teens")
    assert not risk.observe("a", [adult(19, score=0.5)]).escalate


def test_teens_one_category_raises_score_only() -> None:
    risk = ConversationRisk("teens")
    update = risk.observe("a", [AGE_Q])
    assert 0.0 < update.score < 0.5 and not update.escalate


def test_teens_two_categories_from_one_speaker_escalate() -> None:
    risk = ConversationRisk("teens")
    assert not risk.observe("a", [AGE_Q]).escalate
    assert not risk.observe("b", [minor(14, bare=True)]).escalate
    update = risk.observe("a", [SECRET])
    assert update.escalate
    assert update.subject == "a"
    assert update.reasons == ("teens:pattern=age_question+secrecy",)


def test_teens_categories_split_across_speakers_do_not_escalate() -> None:
    risk = ConversationRisk("teens")
    risk.observe("a", [AGE_Q])
    update = risk.observe("b", [OFF])
    assert not update.escalate


def test_weak_mentions_never_count_as_a_category() -> None:
    risk = ConversationRisk("teens")
    risk.observe("a", [AGE_Q])
    assert not risk.observe("a", [MENTION]).escalate


def test_escalation_is_sticky() -> None:
    risk = ConversationRisk("teens")
    risk.observe("a", [adult()])
    update = risk.observe("b", [])
    assert update.escalate and update.score == 1.0 and update.subject == "a"
    assert risk.escalated


def test_adults_minor_with_partner_picture_request_escalates() -> None:
    risk = ConversationRisk("adults")
    risk.observe("b", [minor(14)])
    update = risk.observe("a", [PICS])
    assert update.escalate
    assert update.subject == "a"
    assert "adults:minor_and_partner=picture_request" in update.reasons


@pytest.mark.parametrize("signal", [SEXUAL, MEET, SECRET])
def test_adults_minor_escalates_even_when_partner_spoke_first(signal: Signal) -> None:
    risk = ConversationRisk("adults")
    risk.observe("a", [signal])
    update = risk.observe("b", [minor(15)])
    assert update.escalate and update.subject == "a"


@pytest.mark.parametrize(
    "signals",
    [[Signal("isolation", 0.9)], [Signal("flattery", 0.9), OFF]],
    ids=["isolation", "flattery-and-another-app"],
)
def test_adults_minor_partner_with_the_teens_adult_pattern_escalates(
    signals: list[Signal],
) -> None:
    # Towards a disclosed minor, what escalates in the teens' section.
    risk = ConversationRisk("adults")
    risk.observe("a", [AGE_Q])
    risk.observe("b", [minor(14)])
    update = risk.observe("a", signals)
    assert update.escalate and update.subject == "a"


@pytest.mark.parametrize(
    "signals", [[AGE_Q], [Signal("flattery", 0.9)], [OFF]], ids=["age", "flattery", "app"]
)
def test_adults_minor_partner_small_talk_does_not_escalate(signals: list[Signal]) -> None:
    risk = ConversationRisk("adults")
    risk.observe("b", [minor(16)])
    assert not risk.observe("a", signals).escalate


FLATTERY = Signal("flattery", 0.9)


@pytest.mark.parametrize("section", ["teens", "adults"])
def test_flattering_a_speaker_who_said_they_are_a_minor_raises_a_concern(section: str) -> None:
    risk = ConversationRisk(section)
    assert risk.observe("a", [FLATTERY]).concerns == ()  # nobody said an age yet
    update = risk.observe("b", [minor(14)])  # the disclosure may come after
    assert update.concerns == ("a",) and not update.escalate
    assert f"{section}:flattery_to_minor" in update.reasons
    # It stays raised, and is raised once: not about the minor, nor again.
    later = risk.observe("a", [FLATTERY])
    assert later.concerns == ("a",) and f"{section}:flattery_to_minor" not in later.reasons


def test_flattery_between_peers_who_gave_no_minor_age_raises_none() -> None:
    risk = ConversationRisk("teens")
    risk.observe("a", [FLATTERY, AGE_Q])
    assert risk.observe("b", [FLATTERY, adult(19)]).concerns == ()
    # A minor flattering someone raises none about themselves.
    risk = ConversationRisk("adults")
    assert risk.observe("b", [minor(16), FLATTERY]).concerns == ()


@pytest.mark.parametrize(("own", "raised"), [(15, False), (16, False), (17, True)])
def test_flattery_from_a_minor_is_a_concern_only_from_an_older_one(own: int, raised: bool) -> None:
    # A peer of the same age or younger teases; one who says 17 to a 16-year-old
    # (as an adult pretending may) is still looked at.
    risk = ConversationRisk("teens")
    risk.observe("a", [minor(16)])
    risk.observe("b", [minor(own)])
    assert (risk.observe("b", [FLATTERY]).concerns == ("b",)) is raised


def test_adults_minor_alone_is_reported_not_escalated() -> None:
    risk = ConversationRisk("adults")
    update = risk.observe("b", [minor(16)])
    assert not update.escalate
    assert update.score == 0.5
    assert "adults:minor_present" in update.reasons


def test_adults_own_pictures_after_own_minor_claim_do_not_escalate() -> None:
    # The rule is about the *other* side of a minor.
    risk = ConversationRisk("adults")
    risk.observe("b", [minor(16)])
    assert not risk.observe("b", [PICS]).escalate


def test_adults_flirting_between_adults_does_not_escalate() -> None:
    risk = ConversationRisk("adults")
    risk.observe("a", [adult(30)])
    risk.observe("b", [adult(28)])
    update = risk.observe("a", [PICS, OFF, SEXUAL])
    assert not update.escalate
    assert update.score < 0.3


def test_adults_full_pattern_escalates() -> None:
    risk = ConversationRisk("adults")
    risk.observe("a", [AGE_Q, SECRET, OFF])
    assert not risk.escalated
    assert risk.observe("a", [PICS]).escalate


def test_bare_number_counts_only_after_an_age_question() -> None:
    risk = ConversationRisk("adults")
    risk.observe("b", [minor(14, score=0.5, bare=True)])
    assert not risk.observe("a", [PICS]).escalate
    risk = ConversationRisk("adults")
    risk.observe("a", [AGE_Q])
    risk.observe("b", [minor(14, score=0.5, bare=True)])
    assert risk.observe("a", [PICS]).escalate


def adult_bare(age: int = 24) -> Signal:
    return Signal("age_disclosure_adult", 0.5, f"age={age};bare")


def escalates(section: str, *turns: tuple[str, Signal]) -> bool:
    """Whether the chat's last message escalates, each turn one speaker's signal."""
    risk = ConversationRisk(section)
    update = None
    for speaker, signal in turns:
        update = risk.observe(speaker, [signal])
    assert update is not None
    return update.escalate


def test_a_bare_number_answers_one_question_and_asks_it_back_once() -> None:
    # "how old are you?" / "30 and u?" / "20" / later "15 lol": the 15 answers
    # no question (the score of a game, the kills), the first two do.
    def chat(*turns: tuple[str, Signal]) -> bool:
        return escalates("adults", *turns)

    young = minor(15, score=0.5, bare=True)
    # the control: an age answered, then pictures asked of the child
    assert chat(("a", AGE_Q), ("b", young), ("a", PICS))
    # the answer asks it back: the minor's answer to that counts
    assert chat(("a", AGE_Q), ("b", adult_bare(30)), ("a", young), ("b", PICS))
    # ...once: after "20", a later bare "15" answers nothing
    assert not chat(
        ("a", AGE_Q), ("b", adult_bare(30)), ("a", adult_bare(20)), ("a", young), ("b", PICS)
    )
    # a new question is answered again
    assert chat(
        ("a", AGE_Q),
        ("b", adult_bare(30)),
        ("a", adult_bare(20)),
        ("b", AGE_Q),
        ("a", young),
        ("b", PICS),
    )


def test_an_age_said_in_words_closes_the_question() -> None:
    # "quantos anos tu tem?" / "13, 8º ano. e tu?" / "14" / "qual teu nível?" /
    # "62": the level answers no age question, both were answered in words
    def chat(*turns: tuple[str, Signal]) -> bool:
        return escalates("teens", *turns)

    level = adult_bare(62)
    # the control: a bare adult age given to an open question
    assert chat(("a", AGE_Q), ("b", level))
    assert not chat(("a", AGE_Q), ("b", minor(13)), ("b", AGE_Q), ("a", minor(14)), ("b", level))


def test_section_weights_differ() -> None:
    teens = ConversationRisk("teens").observe("a", [PICS]).score
    adults = ConversationRisk("adults").observe("a", [PICS]).score
    assert teens > adults > 0.0


def test_device_risk_decays_by_half_life() -> None:
    device = DeviceRisk(half_life=100.0)
    assert device.add(1.0, now=0.0) == 1.0
    assert device.value(100.0) == pytest.approx(0.5)
    assert device.value(300.0) == pytest.approx(0.125)


def test_device_risk_accumulates_as_noisy_or() -> None:
    device = DeviceRisk(half_life=1e9)
    device.add(0.5, now=0.0)
    device.add(0.5, now=1.0)
    assert device.add(0.5, now=2.0) == pytest.approx(0.875)


def test_device_risk_snapshot_round_trips() -> None:
    device = DeviceRisk(half_life=50.0)
    device.add(0.8, now=10.0)
    again = DeviceRisk(50.0, *device.snapshot())
    assert again.value(60.0) == pytest.approx(device.value(60.0))


def test_device_risk_rejects_bad_half_life() -> None:
    with pytest.raises(ValueError):
        DeviceRisk(half_life=0.0)


# -- the labelled corpus --------------------------------------------------------------

# Floors on the held-out half (even ids), which the detectors were not tuned on.
# Grooming meets the 0.9/0.9 target. Spam precision does; spam recall on the
# held-out half is 26/29 = 0.897, just under the 0.9 target, so its floor
# here guards the measured figure instead of claiming the target.
HELD_OUT_FLOORS = {
    ("grooming", "precision"): 0.9,
    ("grooming", "recall"): 0.9,
    ("spam", "precision"): 0.9,
    ("spam", "recall"): 0.85,
}


@pytest.fixture(scope="module")
def scores() -> tuple[object, object]:
    analyser = TextAnalyser(ToxicityScorer())
    corpus = load_corpus()
    assert len(corpus) >= 300
    dev, held, _ = evaluate(analyser, corpus)
    return dev, held


@pytest.mark.parametrize(("label", "measure"), list(HELD_OUT_FLOORS))
def test_held_out_floors(scores: tuple[object, object], label: str, measure: str) -> None:
    held = scores[1]
    value = getattr(held, measure)(label)
    assert value >= HELD_OUT_FLOORS[(label, measure)], f"{label} {measure} = {value:.3f}"


def test_corpus_has_every_label_in_both_halves() -> None:
    corpus = load_corpus()
    for held_out in (False, True):
        labels = {c.label for c in corpus if c.held_out is held_out}
        assert labels == {"benign", "harassment", "spam", "grooming"}
