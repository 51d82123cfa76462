"""The rules engine: signals in, actions out, from an operator's policy file.

A policy file (TOML; the shipped default is ``default_policy.toml``, and
``docs/moderation.md`` explains it) lists rules. Each rule has a condition
over one message's signals, the conversation's risk and the device's live
strikes, and a list of actions. Every rule that matches contributes its
actions; delivery takes the strictest of allow < mask < hold. Every decision
names the rule and the signals that caused it, so an action can always be
explained and audited. Pure: no I/O, no clock.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from passerby.core.signals import SIGNAL_NAMES, Signal
from passerby.core.verdict import ALLOW, Decision, Outcome
from passerby.errors import ConfigError

DEFAULT_POLICY: Final = Path(__file__).with_name("default_policy.toml")

DELIVERY = ("allow", "mask", "hold")
SANCTIONS = (
    "warn",
    "end_chat",
    "low_trust",
    "temp_ban",
    "perm_ban",
    "review_case",
    "child_safety_case",
    "challenge",
)
ACTIONS: Final = frozenset(DELIVERY + SANCTIONS)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    policy: str
    actions: tuple[str, ...]
    any: frozenset[str] = frozenset()
    all: frozenset[str] = frozenset()
    min_score: float = 0.5
    sections: frozenset[str] = frozenset()
    risk_escalate: bool = False
    risk_at_least: float | None = None
    risk_concern: bool = False
    strikes_at_least: int = 0
    partner_messages_below: int | None = None
    strike: bool = False
    priority: int = 3
    message: str = ""
    ban_reason: str = "other"

    def matches(
        self,
        names: Mapping[str, float],
        section: str,
        risk_score: float,
        escalated: bool,
        strikes: Mapping[str, int],
        concern: bool = False,
        heard: int = 0,
    ) -> tuple[str, ...] | None:
        """The signal names that made this rule match, or None."""
        if self.sections and section not in self.sections:
            return None
        hits = {n for n, score in names.items() if score >= self.min_score}
        used: set[str] = set()
        if self.any:
            found = hits & self.any
            if not found:
                return None
            used |= found
        if self.all:
            if not self.all <= hits:
                return None
            used |= self.all
        if self.risk_escalate:
            if not escalated:
                return None
            used.add("risk")
        if self.risk_at_least is not None:
            if risk_score < self.risk_at_least:
                return None
            used.add("risk")
        if self.risk_concern:
            if not concern:
                return None
            used.add("risk")
        if self.partner_messages_below is not None and heard >= self.partner_messages_below:
            return None
        if (
            self.strikes_at_least
            and strikes.get(self.policy, 0) + int(self.strike) < self.strikes_at_least
        ):
            return None
        if not used:
            return None  # a rule must be about something seen
        return tuple(sorted(used))


@dataclass(frozen=True, slots=True)
class Policy:
    rules: tuple[Rule, ...]
    strike_days: float = 30.0
    temp_ban_seconds: tuple[float, ...] = (3600.0, 86400.0, 604800.0)
    low_trust_days: float = 7.0
    # Below this risk (and with no signal and no escalation) no rule can
    # match; worked out once, as evaluate() runs for every message.
    lowest_risk_threshold: float = field(init=False)

    def __post_init__(self) -> None:
        thresholds = [r.risk_at_least for r in self.rules if r.risk_at_least is not None]
        object.__setattr__(self, "lowest_risk_threshold", min(thresholds, default=float("inf")))

    def quiet(
        self, signals: Sequence[Signal], risk_score: float, escalated: bool, concern: bool = False
    ) -> bool:
        """True when no rule can match (most messages): every rule needs a
        signal, an escalation, a concern or a risk at least its threshold."""
        return (
            not signals
            and not escalated
            and not concern
            and risk_score < self.lowest_risk_threshold
        )

    def evaluate(
        self,
        signals: Sequence[Signal],
        section: str,
        *,
        risk_score: float = 0.0,
        escalated: bool = False,
        strikes: Mapping[str, int] | None = None,
        concern: bool = False,
        heard: int = 0,
    ) -> Outcome:
        """The rules' decisions about one message. ``heard`` is how many
        messages the partner has sent in this chat so far."""
        if self.quiet(signals, risk_score, escalated, concern):
            return ALLOW
        names: dict[str, float] = {}
        for signal in signals:
            names[signal.name] = max(names.get(signal.name, 0.0), signal.score)
        # Strikes this message earns count already for the rules that look at
        # strikes ("the third insult bans"), so they are found first.
        live = dict(strikes or {})
        struck: list[str] = []
        for rule in self.rules:
            if not rule.strike or rule.policy in struck:
                continue
            if (
                rule.matches(names, section, risk_score, escalated, live, concern, heard)
                is not None
            ):
                struck.append(rule.policy)
                live[rule.policy] = live.get(rule.policy, 0) + 1
        delivery = 0
        decisions: list[Decision] = []
        for rule in self.rules:
            used = rule.matches(names, section, risk_score, escalated, live, concern, heard)
            if used is None:
                continue
            for action in rule.actions:
                if action in DELIVERY:
                    delivery = max(delivery, DELIVERY.index(action))
                decisions.append(
                    Decision(
                        rule.id,
                        rule.policy,
                        action,
                        used,
                        rule.priority,
                        rule.message,
                        rule.ban_reason,
                    )
                )
        return Outcome(DELIVERY[delivery], tuple(decisions), tuple(struck))

    def temp_ban_length(self, previous_bans: int) -> float | None:
        """Escalating temporary bans; past the ladder's end a ban is permanent."""
        if previous_bans < len(self.temp_ban_seconds):
            return self.temp_ban_seconds[previous_bans]
        return None


def _strings(value: Any, where: str) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return frozenset(value)


def parse_policy(data: Mapping[str, Any], source: str = "policy") -> Policy:
    rules = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("rule", [])):
        where = f"{source}: rule {i + 1}"
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: expected a table")
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not rule_id or rule_id in seen:
            raise ConfigError(f"{where}: needs a unique string 'id'")
        seen.add(rule_id)
        where = f"{source}: rule {rule_id!r}"
        actions = tuple(sorted(_strings(raw.get("actions", []), where), key=_action_order))
        if not actions or not set(actions) <= ACTIONS:
            raise ConfigError(f"{where}: actions must be some of {', '.join(sorted(ACTIONS))}")
        when = raw.get("when", {})
        if not isinstance(when, dict):
            raise ConfigError(f"{where}: 'when' must be a table")
        unknown_keys = set(when) - {
            "any",
            "all",
            "min_score",
            "risk_escalate",
            "risk_at_least",
            "risk_concern",
            "strikes_at_least",
            "partner_messages_below",
        }
        if unknown_keys:
            raise ConfigError(f"{where}: unknown condition {sorted(unknown_keys)[0]!r}")
        any_ = _strings(when.get("any", []), where)
        all_ = _strings(when.get("all", []), where)
        unknown = (any_ | all_) - SIGNAL_NAMES
        if unknown:
            raise ConfigError(f"{where}: unknown signal {sorted(unknown)[0]!r}")
        try:
            rule = Rule(
                id=rule_id,
                policy=str(raw.get("policy", rule_id)),
                actions=actions,
                any=any_,
                all=all_,
                min_score=float(when.get("min_score", 0.5)),
                sections=_strings(raw.get("sections", []), where),
                risk_escalate=bool(when.get("risk_escalate", False)),
                risk_at_least=(float(when["risk_at_least"]) if "risk_at_least" in when else None),
                risk_concern=bool(when.get("risk_concern", False)),
                strikes_at_least=int(when.get("strikes_at_least", 0)),
                partner_messages_below=(
                    int(when["partner_messages_below"])
                    if "partner_messages_below" in when
                    else None
                ),
                strike=bool(raw.get("strike", False)),
                priority=int(raw.get("priority", 3)),
                message=str(raw.get("message", "")),
                ban_reason=str(raw.get("ban_reason", "other")),
            )
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: {exc}") from None
        if rule.partner_messages_below is not None and rule.partner_messages_below < 1:
            raise ConfigError(f"{where}: partner_messages_below must be at least 1")
        rules.append(rule)
    settings = data.get("settings", {})
    try:
        ladder = tuple(float(x) for x in settings.get("temp_ban_seconds", (3600, 86400, 604800)))
        return Policy(
            tuple(rules),
            strike_days=float(settings.get("strike_days", 30)),
            temp_ban_seconds=ladder,
            low_trust_days=float(settings.get("low_trust_days", 7)),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: settings: {exc}") from None


def _action_order(action: str) -> int:
    order = DELIVERY + SANCTIONS
    return order.index(action) if action in order else len(order)


def load_policy(path: str | Path | None = None) -> Policy:
    source = Path(path) if path else DEFAULT_POLICY
    try:
        with open(source, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read policy file {source}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"policy file {source} is not valid TOML: {exc}") from None
    return parse_policy(data, str(source))
