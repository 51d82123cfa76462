"""The rules engine and the shipped default policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerby.core.signals import Signal
from passerby.errors import ConfigError
from passerby.safety.policy import load_policy, parse_policy


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
