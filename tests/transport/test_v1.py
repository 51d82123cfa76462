"""Protocol v1 on the wire: parsing and checking every client frame, and
encoding every server message (docs/protocol.md)."""

from __future__ import annotations

import orjson
import pytest

from passerby.core import messages as m
from passerby.core import protocol as p
from passerby.errors import ProtocolError
from passerby.transport import v1


def parse_error(frame: str) -> ProtocolError:
    with pytest.raises(ProtocolError) as info:
        v1.parse(frame)
    return info.value


def test_parses_every_message_type() -> None:
    assert v1.parse('{"type":"start"}') == p.Start((), "en", False)
    assert v1.parse('{"type":"message","text":"hi","id":3}') == p.ChatText("hi", 3)
    assert v1.parse('{"type":"message","text":"hi","id":"a1"}') == p.ChatText("hi", "a1")
    assert v1.parse('{"type":"typing"}') == p.Typing()
    assert v1.parse('{"type":"stopped_typing"}') == p.StoppedTyping()
    assert v1.parse('{"type":"stop_interests"}') == p.StopInterests()
    assert v1.parse('{"type":"leave"}') == p.Leave()
    assert v1.parse('{"type":"next"}') == p.Next()
    assert v1.parse('{"type":"ping"}') == p.Ping()


def test_start_normalises_interests_and_language() -> None:
    frame = orjson.dumps(
        {
            "type": "start",
            "interests": ["  Music ", "music", "", "Rock  Music", "ＣＡＴＳ"],
            "lang": " ES ",
            "interests_only": True,
            "future_field": 1,
        }
    ).decode()
    assert v1.parse(frame) == p.Start(("music", "rock music", "cats"), "es", True)


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("not json", "bad_json"),
        ('{"type":', "bad_json"),
        ("[1,2]", "bad_message"),
        ('"start"', "bad_message"),
        ('{"kind":"start"}', "bad_message"),
        ('{"type":5}', "bad_message"),
        ('{"type":"launch"}', "unknown_type"),
        ('{"type":"message"}', "bad_field"),
        ('{"type":"message","text":7}', "bad_field"),
        ('{"type":"message","text":"   "}', "bad_field"),
        ('{"type":"message","text":"hi","id":true}', "bad_field"),
        ('{"type":"message","text":"hi","id":-1}', "bad_field"),
        ('{"type":"message","text":"hi","id":1.5}', "bad_field"),
        ('{"type":"message","text":"hi","id":{}}', "bad_field"),
        ('{"type":"start","interests":"music"}', "bad_field"),
        ('{"type":"start","interests":[1]}', "bad_field"),
        ('{"type":"start","lang":"english"}', "bad_field"),
        ('{"type":"start","lang":3}', "bad_field"),
        ('{"type":"start","interests_only":"yes"}', "bad_field"),
        ('{"type":"start","interests_only":true}', "bad_field"),
    ],
)
def test_bad_frames_get_stable_codes(frame: str, code: str) -> None:
    assert parse_error(frame).code == code


def test_message_length_limit_is_2000_characters() -> None:
    ok = "é" * p.MAX_MESSAGE_CHARS
    assert v1.parse(orjson.dumps({"type": "message", "text": ok}).decode()).text == ok  # type: ignore[union-attr]
    long = orjson.dumps({"type": "message", "text": "x" * (p.MAX_MESSAGE_CHARS + 1)}).decode()
    error = parse_error(long)
    assert error.code == "too_long" and error.ref == "message"


def test_frame_limit_is_16_kib_of_utf8() -> None:
    # 2,000 four-byte characters are 8,000 bytes: under the limit
    fine = orjson.dumps({"type": "message", "text": "😀" * 2000}).decode()
    assert isinstance(v1.parse(fine), p.ChatText)
    # padding with an unknown field pushes the frame over 16 KiB
    big = orjson.dumps({"type": "message", "text": "hi", "pad": "é" * 8200}).decode()
    assert len(big) < v1.MAX_FRAME_BYTES < len(big.encode())
    assert parse_error(big).code == "frame_too_large"


def test_interest_limits() -> None:
    too_many = orjson.dumps({"type": "start", "interests": [f"t{i}" for i in range(21)]})
    assert parse_error(too_many.decode()).code == "bad_field"
    twenty = orjson.dumps({"type": "start", "interests": [f"t{i}" for i in range(20)]})
    assert len(v1.parse(twenty.decode()).interests) == 20  # type: ignore[union-attr]
    long_tag = orjson.dumps({"type": "start", "interests": ["x" * 31]}).decode()
    assert "30" in parse_error(long_tag).message
    ok_tag = orjson.dumps({"type": "start", "interests": ["  " + "x" * 30 + "  "]}).decode()
    assert v1.parse(ok_tag) == p.Start(("x" * 30,), "en", False)


def test_unknown_type_ref_is_truncated() -> None:
    error = parse_error(orjson.dumps({"type": "x" * 500}).decode())
    assert error.code == "unknown_type" and error.ref == "x" * 32


def test_server_messages_are_json() -> None:
    welcome = orjson.loads(v1.encode(m.Welcome("1.2.3", 7)))
    assert welcome["type"] == "welcome" and welcome["protocol"] == 1 and welcome["online"] == 7
    assert welcome["limits"]["max_message_chars"] == 2000
    err = orjson.loads(v1.encode(m.Error("rate_limited", "slow", "message", 0.123)))
    assert err == {
        "type": "error",
        "code": "rate_limited",
        "message": "slow",
        "ref": "message",
        "retry_after": 0.123,
    }
    assert orjson.loads(v1.encode(m.Message('<img src=x onerror="1">'))) == {
        "type": "message",
        "text": '<img src=x onerror="1">',
    }


def test_the_wire_payload_is_the_encoding_in_utf8_for_every_message() -> None:
    samples: list[m.ServerMessage] = [
        m.Message("héllo 👋 <b>"),
        m.Typing(),
        m.Welcome("1.2.3", 7),
        m.Error("rate_limited", "slow", "message", 0.123),
    ]
    for message in samples:
        assert v1.payload(message) == v1.encode(message).encode()
