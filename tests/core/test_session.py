"""The per-connection state machine: what is allowed when, and what it causes."""

from __future__ import annotations

from typing import ClassVar

import orjson
from tests.support import encoded, feed

from passerby.core.events import (
    FellBack,
    Matched,
    PartnerLeft,
    Relay,
    TypingChanged,
    Undelivered,
)
from passerby.core.matchmaker import Ticket
from passerby.core.messages import Closing
from passerby.core.ratelimit import Rate
from passerby.core.session import (
    AskFallback,
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
from passerby.core.signals import Signal
from passerby.safety.moderation import ChatModerator, StrikeBook
from passerby.safety.policy import load_policy
from passerby.safety.risk import ConversationRisk
from passerby.transport import v1

GENEROUS = SessionLimits(
    frames=Rate(1000, 1000), messages=Rate(1000, 1000), starts=Rate(1000, 1000)
)


def sent(effects: list[Effect]) -> list[dict[str, object]]:
    """Every frame the client is told, including the "waiting" of an Enqueue."""
    return [orjson.loads(encoded(e)) for e in effects if isinstance(e, Send | Enqueue)]


def chatting(limits: SessionLimits = GENEROUS) -> ChatSession:
    session = ChatSession("me", 0.0, limits)
    feed(session, '{"type":"start","interests":["Music"]}', 0.0)
    session.on_event(Matched("chat1", "them", ("music",)))
    return session


def test_start_enqueues_and_says_waiting() -> None:
    session = ChatSession("me", 0.0, GENEROUS)
    effects = feed(session, '{"type":"start","interests":["Music"],"lang":"es"}', 0.0)
    assert sent(effects) == [
        {"type": "waiting", "interests": ["music"], "lang": "es", "section": "main"}
    ]
    assert isinstance(effects[0], Enqueue)
    assert effects[0].ticket == Ticket("me", ("music",), "es", False, "main", "")
    assert session.state is State.WAITING


def test_matched_then_connected_with_common_interests() -> None:
    session = ChatSession("me", 0.0, GENEROUS)
    feed(session, '{"type":"start"}', 0.0)
    effects = session.on_event(Matched("chat1", "them", ("music",)))
    assert sent(effects) == [{"type": "connected", "common_interests": ["music"]}]
    assert session.state is State.CHATTING


def test_message_goes_to_the_partner_with_its_id() -> None:
    session = chatting()
    effects = feed(session, '{"type":"message","text":"hi","id":4}', 1.0)
    assert effects == [Deliver("them", Relay("chat1", "me", "hi", 4))]


def test_partner_message_typing_and_leaving_reach_the_client() -> None:
    session = chatting()
    assert sent(session.on_event(Relay("chat1", "them", "<b>x</b>"))) == [
        {"type": "message", "text": "<b>x</b>"}
    ]
    assert sent(session.on_event(TypingChanged("chat1", True))) == [{"type": "typing"}]
    assert sent(session.on_event(TypingChanged("chat1", False))) == [{"type": "stopped_typing"}]
    assert sent(session.on_event(PartnerLeft("chat1"))) == [
        {"type": "chat_ended", "by": "stranger"}
    ]
    assert session.state is State.IDLE


def test_events_from_an_old_chat_are_not_shown() -> None:
    session = chatting()
    # a message from a chat that is over goes back to its sender as undelivered
    assert session.on_event(Relay("old", "ghost", "boo", 9)) == [
        Deliver("ghost", Undelivered("old", 9))
    ]
    assert session.on_event(TypingChanged("old", True)) == []
    assert session.on_event(PartnerLeft("old")) == []
    assert session.state is State.CHATTING


def test_a_message_for_an_unreachable_client_goes_back_undelivered() -> None:
    session = chatting()
    # the adapter knows our socket is closing before on_close has run
    assert session.on_event(Relay("chat1", "them", "still there?", 7), reachable=False) == [
        Deliver("them", Undelivered("chat1", 7, "partner_gone"))
    ]
    assert session.current is not None and session.current.lines == []  # never shown
    # once reachable, the same chat's messages are shown again
    assert sent(session.on_event(Relay("chat1", "them", "hi"))) == [
        {"type": "message", "text": "hi"}
    ]


def test_leave_tells_both_sides_and_records_the_end() -> None:
    session = chatting()
    effects = feed(session, '{"type":"leave"}', 1.0)
    assert effects[0] == Deliver("them", PartnerLeft("chat1"))
    assert effects[1] == ChatOver("chat1", "leave")
    assert sent(effects) == [{"type": "chat_ended", "by": "you"}]
    assert session.state is State.IDLE


def test_next_ends_and_looks_again_with_the_same_choices() -> None:
    session = chatting()
    effects = feed(session, '{"type":"next"}', 1.0)
    assert effects[:2] == [Deliver("them", PartnerLeft("chat1")), ChatOver("chat1", "next")]
    assert [m["type"] for m in sent(effects)] == ["chat_ended", "waiting"]
    assert isinstance(effects[-1], Enqueue) and effects[-1].ticket.interests == ("music",)
    assert session.state is State.WAITING


def test_leave_while_waiting_dequeues() -> None:
    session = ChatSession("me", 0.0, GENEROUS)
    feed(session, '{"type":"start"}', 0.0)
    effects = feed(session, '{"type":"leave"}', 0.0)
    assert effects[0] == Dequeue()
    assert sent(effects) == [{"type": "stopped"}]


def test_disconnect_mid_chat_tells_the_partner() -> None:
    session = chatting()
    effects = session.on_close()
    assert effects == [Deliver("them", PartnerLeft("chat1")), ChatOver("chat1", "disconnect")]
    assert session.on_close() == []
    assert feed(session, '{"type":"ping"}', 0.0) == []


def test_out_of_order_frames_get_bad_state() -> None:
    session = ChatSession("me", 0.0, GENEROUS)
    for frame in (
        '{"type":"typing"}',
        '{"type":"leave"}',
        '{"type":"stop_interests"}',
        '{"type":"next"}',
    ):
        [error] = sent(feed(session, frame, 0.0))
        assert error["code"] == "bad_state", frame
    assert sent(feed(session, '{"type":"message","text":"hi","id":"m1"}', 0.0)) == [
        {"type": "undelivered", "reason": "not_chatting", "id": "m1"}
    ]
    feed(session, '{"type":"start"}', 0.0)
    [error] = sent(feed(session, '{"type":"start"}', 0.0))
    assert error["code"] == "bad_state" and error["ref"] == "start"
    assert feed(session, '{"type":"stop_interests"}', 0.0) == [AskFallback()]


def test_match_that_arrives_after_leaving_releases_the_partner() -> None:
    session = ChatSession("me", 0.0, GENEROUS)
    assert session.on_event(Matched("c", "them", ())) == [
        Deliver("them", PartnerLeft("c")),
        ChatOver("c", "disconnect"),  # the chat is recorded as over, not left open
    ]
    assert session.state is State.IDLE


def test_fallback_and_undelivered_are_shown() -> None:
    session = ChatSession("me", 0.0, GENEROUS)
    feed(session, '{"type":"start","interests":["x"]}', 0.0)
    assert sent(session.on_event(FellBack("timeout"))) == [
        {"type": "interests_fallback", "reason": "timeout"}
    ]
    assert sent(session.on_event(Undelivered("c", 5))) == [
        {"type": "undelivered", "reason": "partner_gone", "id": 5}
    ]


def test_message_rate_limit_refuses_with_retry_after() -> None:
    limits = SessionLimits(frames=Rate(100, 100), messages=Rate(1, 2), starts=Rate(1, 1))
    session = chatting(limits)
    frame = '{"type":"message","text":"hi"}'
    assert isinstance(feed(session, frame, 0.0)[0], Deliver)
    assert isinstance(feed(session, frame, 0.0)[0], Deliver)
    [error] = sent(feed(session, frame, 0.0))
    assert error["code"] == "rate_limited" and error["retry_after"] == 1.0
    assert isinstance(feed(session, frame, 1.0)[0], Deliver)


def test_start_rate_limit() -> None:
    limits = SessionLimits(frames=Rate(100, 100), messages=Rate(1, 1), starts=Rate(1, 1))
    session = ChatSession("me", 0.0, limits)
    feed(session, '{"type":"start"}', 0.0)
    [error] = sent(feed(session, '{"type":"next"}', 0.1))
    assert error["code"] == "rate_limited" and error["ref"] == "next"
    assert session.state is State.WAITING


def test_persistent_flooding_closes_with_1008() -> None:
    limits = SessionLimits(frames=Rate(1, 1), flood_strikes=5, flood_window=10.0)
    session = chatting(limits)
    effects: list[Effect] = []
    for _ in range(7):
        effects = feed(session, '{"type":"ping"}', 0.0)
        if any(isinstance(e, Close) for e in effects):
            break
    assert effects[-1] == Close(Closing.FLOODING)
    assert Deliver("them", PartnerLeft("chat1")) in effects  # the partner is released
    assert session.closed


def test_control_pings_share_the_frame_limit_and_a_ping_flood_is_closed() -> None:
    # a burst of four: one went on the start that made the chat
    limits = SessionLimits(frames=Rate(1, 4), flood_strikes=5, flood_window=10.0)
    session = chatting(limits)
    answers = [session.on_ping(b"x", 0.0) for _ in range(3)]
    assert answers == [[Pong(b"x")]] * 3  # within the burst: answered
    assert session.on_ping(b"x", 0.0) == []  # over it: no pong to pile up unread
    # a text frame now meets the same empty bucket
    [error] = sent(feed(session, '{"type":"ping"}', 0.0))
    assert error["code"] == "rate_limited"
    effects: list[Effect] = []
    for _ in range(5):  # pings and pongs alike count as refused frames
        effects = session.on_ping(b"x", 0.0) or session.on_pong(0.0)
        if effects:
            break
    assert effects[-1] == Close(Closing.FLOODING)
    assert Deliver("them", PartnerLeft("chat1")) in effects
    assert session.on_ping(b"x", 1.0) == []  # closed: nothing more


def test_binary_frames_are_refused() -> None:
    session = ChatSession("me", 0.0, GENEROUS)
    [error] = sent(session.on_command(v1.BINARY_NOT_SUPPORTED, 0.0))
    assert error["code"] == "binary_not_supported"


def test_bad_json_keeps_the_session_usable() -> None:
    session = chatting()
    [error] = sent(feed(session, "{nope", 0.0))
    assert error["code"] == "bad_json"
    assert feed(session, '{"type":"message","text":"still here"}', 0.0) == [
        Deliver("them", Relay("chat1", "me", "still here", None))
    ]


class _Ages:
    """The detectors' answers for the few texts the test below sends."""

    SIGNALS: ClassVar[dict[str, list[Signal]]] = {
        "how old are you": [Signal("age_question", 0.9)],
        "15": [Signal("age_disclosure_minor", 0.5, "age=15;bare")],
        "send me a pic": [Signal("picture_request", 0.85, "kind=send")],
    }

    def analyse(self, text: str) -> list[Signal]:
        return list(self.SIGNALS.get(text, []))


def test_the_partner_side_keeps_the_details_of_relayed_signals() -> None:
    # A bare "15" is a minor's answer only after the other side asked an age:
    # the asker's side reads that from the detail ("age=15;bare") that comes
    # with the relayed message, and acts on what the asker does next.
    sessions = {}
    for user, partner in (("a", "b"), ("b", "a")):
        moderator = ChatModerator(_Ages(), load_policy(), "adults", StrikeBook(), ConversationRisk)
        session = ChatSession(user, 0.0, GENEROUS, section="adults", moderator=moderator)
        feed(session, '{"type":"start"}', 0.0)
        session.on_event(Matched("chat1", partner, ()))
        sessions[user] = session

    def say(user: str, text: str) -> list[Effect]:
        frame = orjson.dumps({"type": "message", "text": text}).decode()
        effects = feed(sessions[user], frame, 1.0)
        for effect in effects:
            if isinstance(effect, Deliver):
                sessions[effect.to].on_event(effect.event, 1.0)
        return effects

    say("a", "how old are you")
    [relay] = [e.event for e in say("b", "15") if isinstance(e, Deliver)]
    assert isinstance(relay, Relay)
    assert relay.details == ("age=15;bare",)
    effects = say("a", "send me a pic")
    assert not any(isinstance(e, Deliver) and isinstance(e.event, Relay) for e in effects)
    assert {"type": "chat_ended", "by": "system", "reason": "moderation"} in sent(effects)


def test_a_relayed_signal_this_node_does_not_know_is_left_out() -> None:
    # A newer node (a rolling upgrade) or a broken one relays a name this
    # node does not know, or a score out of range: the line is delivered and
    # the moderator reads only the signals it knows.
    seen: list[list[Signal]] = []

    class Recorder(ChatModerator):
        def incoming(self, signals):  # type: ignore[no-untyped-def]
            seen.append(list(signals))
            return super().incoming(signals)

    moderator = Recorder(_Ages(), load_policy(), "adults", StrikeBook(), ConversationRisk)
    session = ChatSession("a", 0.0, GENEROUS, section="adults", moderator=moderator)
    feed(session, '{"type":"start"}', 0.0)
    session.on_event(Matched("chat1", "b", ()))
    relay = Relay(
        "chat1", "b", "hi", 1, (("from_the_future", 0.9), ("secrecy", 7.0), ("flattery", 0.8))
    )
    effects = session.on_event(relay, 1.0)
    assert sent(effects) == [{"type": "message", "text": "hi"}]
    assert seen == [[Signal("flattery", 0.8)]]


def test_the_moderator_reads_the_partners_last_lines_of_the_current_chat() -> None:
    # Whether the partner laughed is what tells a roast answered in kind
    # (safety.moderation): the moderator is handed the record's lines.
    read: list[list[str]] = []

    class Recorder(ChatModerator):
        def outgoing(self, text, now, wall, heard=0, heard_lines=None):  # type: ignore[no-untyped-def]
            read.append(list(heard_lines(2)))
            return super().outgoing(text, now, wall, heard, heard_lines)

    moderator = Recorder(_Ages(), load_policy(), "adults", StrikeBook(), ConversationRisk)
    session = ChatSession("a", 0.0, GENEROUS, section="adults", moderator=moderator)
    feed(session, '{"type":"start"}', 0.0)
    session.on_event(Matched("chat1", "b", ()))
    session.on_event(Relay("chat1", "b", "oi", 1, ()), 1.0)
    session.on_event(Relay("chat1", "b", "kkkkk", 2, ()), 1.2)
    session.on_event(Relay("chat0", "c", "from an old chat", 3, ()), 1.5)
    feed(session, '{"type":"message","text":"hey"}', 2.0)
    session.on_event(Relay("chat1", "b", "vc é mó burro", 4, (("toxicity", 0.6),)), 3.0)
    feed(session, '{"type":"message","text":"e vc"}', 4.0)
    assert read == [["oi", "kkkkk"], ["kkkkk", "vc é mó burro"]]
