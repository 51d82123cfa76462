"""Property tests: whatever a client sends, in whatever order, the session
answers with well-formed frames and never fails.

Frames are drawn from arbitrary text, arbitrary JSON, and objects whose
``type`` is real but whose fields have any type and size; they are mixed
with the broker's events (matched, the partner leaving, messages from the
partner) in any order.
"""

from __future__ import annotations

import functools

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from tests.support import encoded, feed
from tests.test_docs import documented_error_codes

from passerby.core import protocol as p
from passerby.core.events import Matched, PartnerLeft, Relay, TypingChanged
from passerby.core.session import (
    ChatOver,
    ChatSession,
    Close,
    Deliver,
    Dequeue,
    Effect,
    Enqueue,
    Pong,
    Send,
    SessionLimits,
    State,
)
from passerby.errors import ProtocolError
from passerby.safety.moderation import CachedAnalyser, ChatModerator, StrikeBook
from passerby.safety.policy import Policy, load_policy
from passerby.safety.risk import ConversationRisk, DeviceRisk
from passerby.safety.text.detectors import TextAnalyser
from passerby.transport import v1

TYPES = ["start", "message", "typing", "stopped_typing", "stop_interests", "leave", "next"]
TYPES += ["ping", "report", "solve", "hello", "", "MESSAGE"]
FIELDS = ["text", "id", "interests", "lang", "interests_only", "reason", "comment", "chat"]
FIELDS += ["payload", "type"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
# Texts built to make a text pipeline backtrack or loop: short patterns
# repeated up to the message limit, from the characters folding and the
# detectors care about (leetspeak, gaps, digit words, homoglyphs, invisibles).
PATTERNS = ["_1", "1 ", "a.", "s n ", "five ", "1-", "@_", "0", "a", " ", "ѕ", "a\u200b"]
PATTERNS += ["x!", "one two ", "5n@p", "1o", "..", "a-", "é", "\u0301", "😀", "\ufeff"]
adversarial_texts = st.builds(
    lambda pattern, count, tail: (pattern * count)[: p.MAX_MESSAGE_CHARS - len(tail)] + tail,
    st.sampled_from(PATTERNS),
    st.integers(min_value=1, max_value=2000),
    st.sampled_from(["", "x", "!", "a1", " snap"]),
)
# Real fields with plausible or hostile values: long texts, many tags.
field_values = st.one_of(
    json_values,
    adversarial_texts,
    st.text(min_size=1990, max_size=2010),
    st.lists(st.text(max_size=35), max_size=25),
    st.sampled_from(["current", "last", "spam", "en", "xx-yy"]),
)
objects = st.builds(
    lambda kind, extra: {"type": kind, **extra},
    st.sampled_from(TYPES),
    st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=4),
)
VALID = [
    '{"type":"start"}',
    '{"type":"start","interests":["Chess"," music "],"lang":"es"}',
    '{"type":"message","text":"hi","id":1}',
    '{"type":"typing"}',
    '{"type":"stopped_typing"}',
    '{"type":"next"}',
    '{"type":"leave"}',
    '{"type":"stop_interests"}',
    '{"type":"report","reason":"spam","chat":"last"}',
    '{"type":"solve","payload":"eA=="}',
]
EVENTS = ["matched", "matched", "partner_left", "relay", "typing", "old_relay"]
valid = st.sampled_from(VALID)
hostile = st.one_of(
    objects.map(lambda o: orjson.dumps(o).decode()),
    json_values.map(lambda v: orjson.dumps(v).decode()),
    st.text(max_size=60),
    st.sampled_from(['{"type":"message","text":"' + "x" * 17_000 + '"}', "{", "[]", "null"]),
    adversarial_texts.map(lambda text: orjson.dumps({"type": "message", "text": text}).decode()),
)
frames = st.one_of(valid, hostile)

# Every documented code but `internal`, which means the server failed.
ERROR_CODES = documented_error_codes() - {"internal"}


@given(frame=frames)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_returns_a_message_or_a_protocol_error(frame: str) -> None:
    try:
        v1.parse(frame)
    except ProtocolError as exc:
        assert exc.code in ERROR_CODES


def check_frame(raw: str) -> dict[str, object]:
    body = orjson.loads(raw)
    assert isinstance(body, dict) and isinstance(body.get("type"), str)
    if body["type"] == "error":
        assert body["code"] in ERROR_CODES
        assert isinstance(body["message"], str) and body["message"]
    return body


class HostileClient(RuleBasedStateMachine):
    """A client that mixes valid frames, hostile ones and the broker's
    events in any order; the default limits, so floods meet the rate limits
    and, persisting, the close."""

    def __init__(self) -> None:
        super().__init__()
        self.session = ChatSession("me", 0.0, SessionLimits(), identity="dev")
        self.now = 0.0
        self.chats = 0

    def _take(self, effects: list[Effect]) -> None:
        for effect in effects:
            if isinstance(effect, Send | Enqueue):
                check_frame(encoded(effect))
            elif isinstance(effect, Deliver):
                assert effect.to in ("them", "ghost")  # only ever the partner
            elif isinstance(effect, Close):
                assert self.session.closed

    @rule(frame=frames, pause=st.sampled_from([0.0, 0.01, 1.0]))
    def client_frame(self, frame: str, pause: float) -> None:
        self.now += pause
        self._take(feed(self.session, frame, self.now))

    @rule(frame=valid)
    def valid_frame(self, frame: str) -> None:
        self.now += 0.5
        self._take(feed(self.session, frame, self.now))

    @rule(frame=frames, count=st.integers(min_value=1, max_value=160))
    def flood(self, frame: str, count: int) -> None:
        self.now += 0.001
        for _ in range(count):
            self._take(feed(self.session, frame, self.now))

    @rule(count=st.integers(min_value=1, max_value=200), pong=st.booleans())
    def control_frames(self, count: int, pong: bool) -> None:
        """Pings (or pongs) share the frame limit: answered only within it."""
        self.now += 0.001
        for _ in range(count):
            effects = (
                self.session.on_pong(self.now) if pong else self.session.on_ping(b"", self.now)
            )
            assert all(isinstance(e, Pong | Deliver | ChatOver | Dequeue | Close) for e in effects)
            self._take(effects)

    @rule()
    def matched(self) -> None:
        self.chats += 1
        self._take(self.session.on_event(Matched(f"c{self.chats}", "them", ())))

    @rule()
    def partner_left(self) -> None:
        self._take(self.session.on_event(PartnerLeft(f"c{self.chats}")))

    @rule(text=st.text(max_size=30))
    def partner_message(self, text: str) -> None:
        self._take(self.session.on_event(Relay(f"c{self.chats}", "them", text, 1)))
        self._take(self.session.on_event(TypingChanged(f"c{self.chats}", False)))

    @rule()
    def message_from_an_old_chat(self) -> None:
        self._take(self.session.on_event(Relay("gone", "ghost", "boo", 2)))

    @invariant()
    def state_and_record_agree(self) -> None:
        session = self.session
        assert (session.state is State.CHATTING) == (session.current is not None)
        if session.current is not None:
            assert session.current.partner == "them"
        if session.closed:
            assert feed(session, '{"type":"ping"}', self.now) == []  # nothing after the end


HostileClient.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_any_sequence_gets_well_formed_answers_and_keeps_the_state_sound = HostileClient.TestCase


@given(text=adversarial_texts)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_adversarial_messages_through_the_real_moderator_get_well_formed_answers(
    text: str,
) -> None:
    """The shipped policy and detectors, on texts built to make them backtrack:
    every answer is a documented frame (the cost per character is measured by
    benchmarks/text_cost.py, not timed here)."""
    session = ChatSession("me", 0.0, SessionLimits(), identity="dev", moderator=_moderator())
    feed(session, '{"type":"start"}', 0.0)
    session.on_event(Matched("c1", "them", ()))
    effects = feed(session, orjson.dumps({"type": "message", "text": text}).decode(), 1.0)
    for effect in effects:
        if isinstance(effect, Send | Enqueue):
            check_frame(encoded(effect))
        elif isinstance(effect, Deliver):
            assert effect.to == "them"


@functools.cache
def _analysis() -> tuple[CachedAnalyser, Policy]:
    """One real analyser for the whole test (building it takes a while)."""
    return CachedAnalyser(TextAnalyser()), load_policy(None)


def _moderator() -> ChatModerator:
    analyser, policy = _analysis()
    return ChatModerator(
        analyser, policy, "teens", StrikeBook(), ConversationRisk, history=DeviceRisk()
    )
