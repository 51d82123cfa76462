"""The rules engine and the shipped default policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.safety.chats import chat

from passerby.core.signals import Signal
from passerby.errors import ConfigError
from passerby.safety.bans import REASONS
from passerby.safety.moderation import MASK_FAILED, ChatModerator, StrikeBook
from passerby.safety.policy import load_policy, parse_policy
from passerby.safety.risk import ConversationRisk
from passerby.safety.text import TextAnalyser


def test_default_policy_loads_and_every_rule_is_reachable() -> None:
    policy = load_policy()
    assert len(policy.rules) >= 10
    assert {r.id for r in policy.rules} >= {"teens-adult-pattern", "harassment", "spam"}


def test_teen_section_holds_personal_data_with_a_warning_and_a_strike() -> None:
    policy = load_policy()
    outcome = policy.evaluate([Signal("pii_phone", 0.9)], "teens")
    assert outcome.delivery == "hold"
    assert outcome.has("warn")
    assert outcome.strikes == ("personal_data",)
    decision = outcome.first("hold")
    assert decision is not None and decision.rule == "teens-personal-data"
    assert decision.signals == ("pii_phone",)


def test_adults_get_personal_data_masked_not_held() -> None:
    outcome = load_policy().evaluate([Signal("pii_email", 0.9)], "adults")
    assert outcome.delivery == "mask"
    assert not outcome.strikes


@pytest.mark.parametrize("signal", ["pii_phone", "pii_email"])
def test_adults_contact_is_masked_in_the_opening_and_passes_once_they_have_talked(
    signal: str,
) -> None:
    policy = load_policy()
    for heard in (0, 1, 2):
        outcome = policy.evaluate([Signal(signal, 0.9)], "adults", heard=heard)
        assert outcome.delivery == "mask", heard
        decision = outcome.first("mask")
        assert decision is not None and decision.rule == "adults-contact-early"
    assert policy.evaluate([Signal(signal, 0.9)], "adults", heard=3).delivery == "allow"
    # in the teen section the opening makes no difference
    assert policy.evaluate([Signal(signal, 0.9)], "teens", heard=30).delivery == "hold"


def test_teens_who_have_talked_may_follow_each_others_accounts() -> None:
    policy = load_policy()
    for heard in (0, 1):
        outcome = policy.evaluate([Signal("pii_handle", 0.9)], "teens", heard=heard)
        assert outcome.delivery == "hold" and outcome.strikes == ("personal_data",)
        decision = outcome.first("hold")
        assert decision is not None and decision.rule == "teens-handle-early"
    for heard in (2, 3):
        assert (
            policy.evaluate([Signal("pii_handle", 0.9)], "teens", heard=heard).delivery == "allow"
        )
    # a phone number, an e-mail or an address never goes through
    for name in ("pii_phone", "pii_email", "pii_address"):
        assert policy.evaluate([Signal(name, 0.9)], "teens", heard=50).delivery == "hold", name


def test_a_teens_handle_beside_flattery_still_ends_the_chat(gated: TextAnalyser) -> None:
    mod = ChatModerator(gated, load_policy(), "teens", StrikeBook(), ConversationRisk)
    mod.outgoing("haha cool", 0.0, 1e9)
    mod.outgoing("you're so pretty and mature for your age", 1.0, 1e9 + 1)
    verdict = mod.outgoing("add me on insta, it's @nightsky_jay", 2.0, 1e9 + 2, heard=5)
    assert verdict.outcome.delivery == "hold"
    assert verdict.outcome.has("child_safety_case") and verdict.outcome.has("end_chat")


def test_an_adults_street_address_is_masked_however_long_they_have_talked() -> None:
    outcome = load_policy().evaluate([Signal("pii_address", 0.9)], "adults", heard=40)
    assert outcome.delivery == "mask"
    decision = outcome.first("mask")
    assert decision is not None and decision.rule == "adults-personal-data"


@pytest.mark.parametrize("bound", [0, -2, "three"])
def test_a_bad_opening_bound_is_a_clear_config_error(bound: object) -> None:
    rule = {
        "id": "r",
        "actions": ["mask"],
        "when": {"any": ["pii_phone"], "partner_messages_below": bound},
    }
    with pytest.raises(ConfigError, match="rule 'r'"):
        parse_policy({"rule": [rule]})


def test_risk_escalation_in_teens_is_a_child_safety_case() -> None:
    outcome = load_policy().evaluate([], "teens", risk_score=0.95, escalated=True)
    assert outcome.delivery == "hold"
    for action in ("end_chat", "child_safety_case", "low_trust"):
        assert outcome.has(action)
    case = outcome.first("child_safety_case")
    assert case is not None and case.priority == 0 and case.signals == ("risk",)


def test_adult_age_disclosed_in_teens_escalates_at_once() -> None:
    outcome = load_policy().evaluate([Signal("age_disclosure_adult", 0.9, "age=24")], "teens")
    assert outcome.has("end_chat") and outcome.has("child_safety_case")


def test_low_scores_and_innocent_messages_pass() -> None:
    policy = load_policy()
    assert policy.evaluate([], "teens").delivery == "allow"
    assert policy.evaluate([Signal("pii_phone", 0.3)], "teens").delivery == "allow"
    assert policy.evaluate([Signal("toxicity", 0.5)], "adults").decisions == ()


def test_strikes_escalate_to_a_temporary_ban() -> None:
    policy = load_policy()
    insult = [Signal("toxicity", 0.97)]
    assert not policy.evaluate(insult, "adults", strikes={"harassment": 1}).has("temp_ban")
    third = policy.evaluate(insult, "adults", strikes={"harassment": 2})
    assert third.has("temp_ban") and third.has("end_chat")
    ban = third.first("temp_ban")
    assert ban is not None and ban.ban_reason == "harassment"


def test_temporary_bans_escalate_then_become_permanent() -> None:
    policy = load_policy()
    assert [policy.temp_ban_length(n) for n in range(4)] == [3600, 86400, 604800, None]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[rule]]\nid = "a"\nactions = ["explode"]\nwhen = {any=["link"]}', "actions must be"),
        ('[[rule]]\nid = "a"\nactions = ["hold"]\nwhen = {any=["lnk"]}', "unknown signal 'lnk'"),
        ('[[rule]]\nactions = ["hold"]', "unique string 'id'"),
        ('[[rule]]\nid = "a"\nactions = ["hold"]\nwhen = {sometimes=1}', "unknown condition"),
    ],
)
def test_bad_policies_are_refused_with_the_rule_named(
    tmp_path: Path, toml: str, message: str
) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load_policy(path)


def test_a_rule_with_no_condition_never_matches() -> None:
    policy = parse_policy({"rule": [{"id": "everything", "actions": ["hold"]}]})
    assert policy.evaluate([Signal("link", 1.0)], "adults").delivery == "allow"


TEEN_SMALL_TALK = [
    [("a", "hi"), ("b", "hey"), ("a", "how old are you"), ("b", "15"),
     ("a", "me too, add me on roblox"), ("b", "ok whats ur user")],
    [("a", "asl"), ("b", "14 f"), ("a", "14 m, do u have discord?"), ("b", "yeah"),
     ("a", "add me there we can play minecraft")],
    [("a", "what grade r u in"), ("b", "9th"), ("a", "same lol, u have insta?"),
     ("b", "yea but my mom checks it"), ("a", "fair, we can just talk here then")],
]  # fmt: skip


@pytest.mark.parametrize("turns", TEEN_SMALL_TALK)
def test_peer_small_talk_among_teens_is_not_acted_on(
    gated: TextAnalyser, turns: list[tuple[str, str]]
) -> None:
    for verdict in chat(gated, "teens", turns)[0]:
        assert verdict.delivered, verdict
        assert verdict.outcome.decisions == (), verdict.outcome
        assert not verdict.risk.escalate


ADULT_PATTERNS = [
    # an adult age disclosed to a teen
    [("a", "hey"), ("b", "hi"), ("a", "how old r u"), ("b", "14"), ("a", "im 26 btw")],
    # secrecy after an age question
    [("a", "how old are you"), ("b", "13"), ("a", "keep this chat between us ok")],
    # pictures after an age question
    [("a", "what grade r u in"), ("b", "8th"), ("a", "how old is that"), ("b", "13"),
     ("a", "send me a pic of u")],
    # moving off the platform together with flattery...
    [("a", "hi"), ("b", "hey"), ("a", "ur so mature for your age"), ("b", "thx"),
     ("a", "add me on snap")],
    # ...or with isolation
    [("a", "you seem lonely"), ("b", "kinda"), ("a", "lets talk on telegram, its more private")],
]  # fmt: skip


@pytest.mark.parametrize("turns", ADULT_PATTERNS)
def test_adult_pattern_signals_in_teens_go_to_a_child_safety_case(
    gated: TextAnalyser, turns: list[tuple[str, str]]
) -> None:
    last = chat(gated, "teens", turns)[0][-1]
    assert last.risk.escalate
    assert last.outcome.has("child_safety_case") and not last.delivered


CASUAL_SWEARING = [
    "this game is so f***ing hard",
    "damn that's a sh***y day",
    "this game is so fucking hard",
    "damn that's a shitty day",
    "holy shit this boss is impossible",
    "what the fuck is this level",
    "ugh my wifi is shit today",
    "you're so fucking good at this game",
]


@pytest.mark.parametrize("section", ["adults", "teens"])
def test_swearing_that_insults_nobody_is_not_held_and_earns_no_strike(
    gated: TextAnalyser, section: str
) -> None:
    turns = [("a", text) for text in CASUAL_SWEARING]
    for verdict in chat(gated, section, turns)[0]:
        assert verdict.delivered, verdict
        assert verdict.outcome.decisions == () and verdict.outcome.strikes == (), verdict


DIRECTED_INSULTS = [
    "you are a fucking idiot",
    "ur so stupid",  # with a laugh after it, a roast (test_other_writers)
    "shut the fuck up loser",
]


def test_insults_at_the_partner_are_held_and_the_third_bans(gated: TextAnalyser) -> None:
    verdicts = chat(gated, "adults", [("a", text) for text in DIRECTED_INSULTS])[0]
    assert [v.delivered for v in verdicts] == [False, False, False]
    assert all(v.outcome.strikes == ("harassment",) for v in verdicts)
    assert verdicts[2].outcome.has("temp_ban") and not verdicts[1].outcome.has("temp_ban")


CATALOGUES = Path(__file__).resolve().parents[2] / "src" / "passerby" / "web" / "static" / "i18n"


@pytest.mark.parametrize("lang", ["en", "es", "id"])
def test_every_server_text_has_its_catalogue_entry(lang: str) -> None:
    # The web client shows a rule's notice and a ban's reason from its own
    # catalogue, by code: each shipped text needs an entry in each language,
    # and the English one says what the server says.
    catalogue = json.loads((CATALOGUES / f"{lang}.json").read_text(encoding="utf-8"))
    english = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    texts = {f"rule.{r.id}": r.message for r in load_policy().rules if r.message}
    texts["rule.mask-failed"] = MASK_FAILED
    texts |= {f"ban_reason.{code}": text for code, text in REASONS.items()}
    for key, text in texts.items():
        assert catalogue.get(key), f"{lang}.json has no {key}"
        assert english[key] == text, key
