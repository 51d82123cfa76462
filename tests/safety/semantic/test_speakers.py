"""The speakers' patterns as the worker keeps them: what is sent back, and what is not."""

from __future__ import annotations

from passerby.safety.semantic.speakers import STEP, Speakers


def test_only_a_pattern_that_appears_or_grows_by_a_step_is_sent_back() -> None:
    speakers = Speakers()
    sent = [speakers.add(1, 0, score, "secrecy", 0.0) for score in (0.0, 0.3, 0.0)]
    assert sent == [None, None, None]  # one leaning line is no pattern
    first = speakers.add(1, 0, 0.3, "secrecy", 0.0)
    assert first is not None
    value, detail = first
    assert value > 0 and detail == "scope=chat;hits=2;kinds=secrecy"
    # Ordinary lines thin the pattern out; it is not sent again until it grows.
    assert speakers.add(1, 0, 0.0, "", 0.0) is None
    grown = speakers.add(1, 0, 0.3, "meeting", 0.0)
    assert grown is not None and grown[0] >= value + STEP
    assert grown[1] == "scope=chat;hits=3;kinds=secrecy+meeting"


def test_each_speaker_in_each_chat_has_a_pattern_of_its_own() -> None:
    speakers = Speakers()
    assert speakers.add(1, 0, 0.3, "secrecy", 0.0) is None
    assert speakers.add(2, 0, 0.3, "secrecy", 0.0) is None  # another speaker (or chat)
    assert speakers.add(1, 0, 0.3, "secrecy", 0.0) is not None


def test_a_devices_chats_add_up_and_its_pattern_wins_when_stronger() -> None:
    speakers = Speakers()
    for chat in (1, 2, 3):
        assert speakers.add(chat, 9, 0.3, "secrecy", 0.0) is None
    assert speakers.add(4, 8, 0.3, "secrecy", 0.0) is None  # another device
    assert speakers.add(5, 0, 0.3, "secrecy", 0.0) is None  # no device at all
    found = speakers.add(6, 9, 0.3, "secrecy", 60.0)
    assert found == (1.0, "scope=device;hits=4;kinds=secrecy")


def test_the_least_recently_heard_speakers_are_forgotten() -> None:
    speakers = Speakers(chats=4, devices=4)
    speakers.add(1, 0, 0.3, "secrecy", 0.0)
    for chat in range(2, 8):  # six other speakers since: speaker 1 is dropped
        speakers.add(chat, 0, 0.0, "", 0.0)
    assert speakers.add(1, 0, 0.3, "secrecy", 0.0) is None
    assert speakers.add(1, 0, 0.3, "secrecy", 0.0) is not None


def test_each_family_has_a_pattern_of_its_own() -> None:
    speakers = Speakers()
    # One leaning line in each family is no pattern in either.
    assert speakers.add(1, 0, 0.3, "secrecy", 0.0) is None
    assert speakers.add(1, 0, 0.3, "contempt", 0.0, "hostility") is None
    found = speakers.add(1, 0, 0.3, "threat", 0.0, "hostility")
    assert found is not None and found[1] == "scope=chat;hits=2;kinds=contempt+threat"
