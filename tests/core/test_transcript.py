"""The server's transcript of a chat: bounded, in order, invisible to the collector."""

from __future__ import annotations

import gc

from passerby.core.transcript import MAX_AGE, MAX_LINES, ChatRecord


def record() -> ChatRecord:
    return ChatRecord("chat", "partner", "adults", 0.0)


def test_lines_come_back_in_order_with_every_field() -> None:
    r = record()
    r.add_line(1.0, "me", "hi")
    r.add_line(2.0, "them", "hello", True, (("insult", 0.9),))
    r.add_line(3.0, "me", "held one", False)
    assert r.lines == [
        (1.0, "me", "hi", True, ()),
        (2.0, "them", "hello", True, (("insult", 0.9),)),
        (3.0, "me", "held one", False, ()),
    ]
    evidence = r.as_evidence("reporter", "reported")["transcript"]
    assert [(x["from"], x["text"], x["delivered"]) for x in evidence] == [
        ("reporter", "hi", True),
        ("reported", "hello", True),
        ("reporter", "held one", False),
    ]


def test_only_the_last_lines_are_kept() -> None:
    r = record()
    for i in range(5 * MAX_LINES):
        r.add_line(float(i) / 1000, "me", f"line {i}")
    kept = r.recent()
    assert len(kept) == MAX_LINES
    assert kept[-1][2] == f"line {5 * MAX_LINES - 1}"
    assert kept[0][2] == f"line {4 * MAX_LINES}"
    assert len(r.lines) < 2 * MAX_LINES


def test_lines_older_than_the_age_limit_are_dropped() -> None:
    r = record()
    r.add_line(0.0, "me", "old")
    r.add_line(10.0, "them", "also old")
    r.add_line(MAX_AGE + 5.0, "me", "new")
    assert [text for _, _, text, _, _ in r.lines] == ["also old", "new"]
    r.add_line(MAX_AGE + 20.0, "them", "newer")
    assert [text for _, _, text, _, _ in r.lines] == ["new", "newer"]


def test_old_lines_go_even_when_the_clock_stepped_back_between_lines() -> None:
    r = record()
    r.add_line(100.0, "me", "first")
    r.add_line(200.0, "them", "second")
    r.add_line(50.0, "me", "after the clock stepped back")
    r.add_line(101.0 + MAX_AGE, "them", "later")  # "first" is too old: every old line goes
    assert [text for _, _, text, _, _ in r.lines] == ["second", "later"]


def test_a_long_chat_leaves_nothing_for_the_garbage_collector_to_track() -> None:
    r = record()
    gc.collect()
    before = len(gc.get_objects())
    for i in range(1000):
        r.add_line(float(i), "me" if i % 2 else "them", f"message {i}")
    after = len(gc.get_objects())
    assert after - before < 10  # not one object per line
