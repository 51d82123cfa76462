"""What a semantic signal may do in the moderator: raise the risk, open a
review case, and nothing more, whatever the policy file says."""

from __future__ import annotations

from passerby.core.signals import Signal
from passerby.safety.moderation import ChatModerator, StrikeBook
from passerby.safety.policy import load_policy, parse_policy
from passerby.safety.risk import ConversationRisk, DeviceRisk


class NoDetectors:
    def analyse(self, text: str) -> list[Signal]:
        return []


class Tap:
    def __init__(self) -> None:
        self.submitted: list[tuple[str, bool, bool]] = []

    def submit(self, text: str, signalled: bool, delivered: bool = True) -> None:
        self.submitted.append((text, signalled, delivered))


def moderator(section: str, policy: object = None, tap: Tap | None = None) -> ChatModerator:
    return ChatModerator(
        NoDetectors(),
        policy or load_policy(),  # type: ignore[arg-type]
        section,
        StrikeBook(),
        ConversationRisk,
        history=DeviceRisk(),
        semantic=tap,
    )


def test_every_message_is_handed_to_the_tier_once_with_its_chats_state() -> None:
    tap = Tap()
    mod = moderator("teens", tap=tap)
    mod.outgoing("hello there", 0.0, 1e9)
    mod.incoming([Signal("secrecy", 0.9)])  # the stranger said something risky
    mod.outgoing("ok", 1.0, 1e9 + 1)
    assert tap.submitted == [("hello there", False, True), ("ok", True, True)]


class Insults:
    """Finds an insult in any line starting with "!"."""

    def analyse(self, text: str) -> list[Signal]:
        return [Signal("toxicity", 0.95, "aim=you")] if text.startswith("!") else []


def test_a_held_message_is_scored_as_one_the_partner_never_got() -> None:
    tap = Tap()
    mod = ChatModerator(
        Insults(), load_policy(), "adults", StrikeBook(), ConversationRisk, semantic=tap
    )
    held = mod.outgoing("!you absolute idiot", 0.0, 1e9)
    assert held.outcome.delivery == "hold"
    mod.outgoing("anyway", 1.0, 1e9 + 1)
    assert [(text, delivered) for text, _, delivered in tap.submitted] == [
        ("!you absolute idiot", False),
        ("anyway", True),
    ]


def test_a_strong_pattern_in_the_teens_section_opens_a_review_case_only() -> None:
    mod = moderator("teens")
    verdict = mod.semantic(Signal("semantic", 0.7, "scope=chat;hits=3"), True, 1e9)
    assert verdict is not None
    assert verdict.outcome.delivery == "allow"
    assert [(d.rule, d.action) for d in verdict.outcome.decisions] == [
        ("semantic-pattern-teens", "review_case")
    ]
    assert not verdict.risk.escalate
    assert 0 < verdict.risk.score < 1  # the conversation's risk went up


def test_a_weaker_pattern_or_the_adult_section_asks_for_more() -> None:
    assert moderator("teens").semantic(Signal("semantic", 0.4), True, 1e9) is None
    assert moderator("adults").semantic(Signal("semantic", 0.7), True, 1e9) is None
    adults = moderator("adults").semantic(Signal("semantic", 0.85), True, 1e9)
    assert adults is not None
    assert [d.rule for d in adults.outcome.decisions] == ["semantic-pattern-adults"]


def test_no_policy_can_make_a_semantic_signal_hold_end_or_ban() -> None:
    harsh = parse_policy(
        {
            "rule": [
                {
                    "id": "harsh",
                    "policy": "grooming",
                    "when": {"any": ["semantic"], "min_score": 0.1},
                    "actions": ["hold", "end_chat", "temp_ban", "low_trust", "review_case"],
                    "strike": True,
                },
                {
                    "id": "harsh-escalation",
                    "when": {"risk_escalate": True},
                    "actions": ["end_chat", "child_safety_case"],
                },
            ]
        }
    )
    mod = moderator("teens", harsh)
    verdict = mod.semantic(Signal("semantic", 1.0), True, 1e9)
    assert verdict is not None
    assert [d.action for d in verdict.outcome.decisions] == ["review_case"]
    assert verdict.outcome.delivery == "allow" and verdict.outcome.strikes == ()
    assert mod.strikes.counts(1e9) == {}


def test_a_late_signal_for_the_last_chat_leaves_this_chats_risk_alone() -> None:
    mod = moderator("teens")
    verdict = mod.semantic(Signal("semantic", 0.9), False, 1e9)
    assert verdict is not None  # the last chat's record still gets its case
    assert verdict.risk.score == 0.0
    after = mod.outgoing("hello", 0.0, 1e9)
    assert after.risk.score == 0.0


def test_a_learned_heads_pattern_opens_a_review_case_in_either_section_and_a_weak_one_none() -> (
    None
):
    for section in ("teens", "adults"):
        for name, rule in (
            ("learned_hostility", "harassment-learned"),
            ("learned_sexual", "sexual-learned"),
            ("learned_advert", "spam-learned"),
            ("learned_grooming", "grooming-learned"),
        ):
            mod = moderator(section)
            assert mod.semantic(Signal(name, 0.4), True, 1e9) is None
            verdict = mod.semantic(Signal(name, 0.6, "scope=chat;hits=2;kinds=learned"), True, 1e9)
            assert verdict is not None and verdict.outcome.delivery == "allow"
            assert [(d.rule, d.action) for d in verdict.outcome.decisions] == [
                (rule, "review_case")
            ]


def test_in_a_chat_about_online_safety_the_grooming_head_counts_at_half_weight() -> None:
    # "they say you're mature for your age, then ask for your snap": talk
    # about grooming reads like grooming to the head too
    strong = Signal("learned_grooming", 0.9, "scope=chat;hits=2;kinds=learned")
    assert moderator("teens").semantic(strong, True, 1e9) is not None
    mod = moderator("teens")
    assert mod.incoming([Signal("safety_talk", 1.0)]) is None
    assert mod.semantic(strong, True, 1e9) is None
