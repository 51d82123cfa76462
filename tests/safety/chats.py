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
    # the other side's lines each side has been delivered, as its ChatRecord keeps them
    lines: dict[str, list[str]] = {"a": [], "b": []}
    for i, (who, text) in enumerate(turns):
        other_side = "b" if who == "a" else "a"
        got = lines[who]
        verdict = mods[who].outgoing(
            text, float(i), 1e9 + i, heard=len(got), heard_lines=lambda n, got=got: got[-n:]
        )
        other = mods[other_side]
        answer = None
        if verdict.delivered:  # a held line never reaches the partner
            lines[other_side].append(verdict.text)
            answer = other.incoming(verdict.signals)
        said.append(verdict)
        if answer is not None:
            heard.append(answer)
    return said, heard


def rules_acted(analyser: TextAnalyser, section: str, *turns: tuple[str, str]) -> list[str]:
    """The rules that acted anywhere in the chat."""
    said, heard = chat(analyser, section, list(turns))
    return [d.rule for v in (*said, *heard) for d in v.outcome.decisions]
