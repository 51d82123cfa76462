"""A chat between two moderators, as the session runs them: each judges its
own messages, and hears the signals the other side's moderator relays."""

from __future__ import annotations

from passerby.core.verdict import Verdict
from passerby.safety.moderation import ChatModerator, StrikeBook
from passerby.safety.policy import load_policy
from passerby.safety.risk import ConversationRisk
from passerby.safety.text import TextAnalyser


def chat(
    analyser: TextAnalyser, section: str, turns: list[tuple[str, str]]
) -> tuple[list[Verdict], list[Verdict]]:
    """The verdicts on each side's own messages, and those on what a side
    heard (a protest, say), in order."""
    policy = load_policy()
    mods = {
        who: ChatModerator(analyser, policy, section, StrikeBook(), ConversationRisk)
        for who in "ab"
    }
    said: list[Verdict] = []
    heard: list[Verdict] = []
    # how many of the other side's messages each side has been delivered
    count = dict.fromkeys("ab", 0)
    for i, (who, text) in enumerate(turns):
        other_side = "b" if who == "a" else "a"
        verdict = mods[who].outgoing(text, float(i), 1e9 + i, heard=count[who])
        other = mods[other_side]
        answer = None
        if verdict.delivered:  # a held line never reaches the partner
            other.heard(verdict.text)
            count[other_side] += 1
            answer = other.incoming(verdict.signals)
        said.append(verdict)
        if answer is not None:
            heard.append(answer)
    return said, heard


def rules_acted(analyser: TextAnalyser, section: str, *turns: tuple[str, str]) -> list[str]:
    """The rules that acted anywhere in the chat."""
    said, heard = chat(analyser, section, list(turns))
    return [d.rule for v in (*said, *heard) for d in v.outcome.decisions]
