"""The outbox: frames gathered per loop turn, per socket, in order."""

from __future__ import annotations

import asyncio

import pytest

from passerby.transport.outbox import Outbox, text_frame


class FakeTransport:
    """A connection and its transport in one: the outbox's sink."""

    def __init__(self, buffered: int = 0) -> None:
        self.writes: list[bytes] = []
        self.closing = False
        self.aborted = False
        self.buffered = buffered
        self.closed_frame_sent = False
        self.broken = False

    @property
    def transport(self) -> FakeTransport:
        return self

    def writable(self) -> bool:
        return not self.closed_frame_sent

    def write(self, data: bytes) -> None:
        if self.broken:
            raise RuntimeError("broken")
        self.writes.append(data)

    def is_closing(self) -> bool:
        return self.closing

    def get_write_buffer_size(self) -> int:
        return self.buffered

    def abort(self) -> None:
        self.aborted = True
        self.closing = True


def decode(data: bytes) -> list[str]:
    """Split a byte string into the text frames it holds (RFC 6455, unmasked)."""
    frames = []
    while data:
        assert data[0] == 0x81, "a final text frame"
        size, start = data[1], 2
        assert size & 0x80 == 0, "server frames are not masked"
        if size == 126:
            size, start = int.from_bytes(data[2:4], "big"), 4
        elif size == 127:
            size, start = int.from_bytes(data[2:10], "big"), 10
        frames.append(data[start : start + size].decode())
        data = data[start + size :]
    return frames


@pytest.mark.parametrize("size", [0, 1, 125, 126, 65535, 65536, 70000])
def test_text_frame_uses_the_shortest_length_form(size: int) -> None:
    text = "é" * (size // 2) + "x" * (size % 2)
    frame = text_frame(text.encode())
    assert decode(frame) == [text]
    header = len(frame) - len(text.encode())
    assert header == (2 if size < 126 else 4 if size < 65536 else 10)


async def test_frames_leave_at_the_end_of_the_turn_one_write_per_socket_in_order() -> None:
    outbox = Outbox()
    a, b = FakeTransport(), FakeTransport()
    outbox.send(a, "one")
    outbox.send(b, "x")
    outbox.send(a, "two")
    outbox.send(a, "three")
    assert a.writes == [] and b.writes == []  # nothing is written mid-turn
    await asyncio.sleep(0)
    assert len(a.writes) == 1 and decode(a.writes[0]) == ["one", "two", "three"]
    assert [decode(w) for w in b.writes] == [["x"]]
    outbox.send(a, "four")  # a new turn, a new write
    await asyncio.sleep(0)
    assert [decode(w) for w in a.writes] == [["one", "two", "three"], ["four"]]


async def test_flush_one_writes_a_sockets_frames_now_and_only_once() -> None:
    outbox = Outbox()
    a, b = FakeTransport(), FakeTransport()
    outbox.send(a, "last words")
    outbox.send(b, "other")
    outbox.flush_one(a)
    assert [decode(w) for w in a.writes] == [["last words"]] and b.writes == []
    await asyncio.sleep(0)
    assert len(a.writes) == 1
    assert [decode(w) for w in b.writes] == [["other"]]


async def test_a_closing_socket_is_skipped() -> None:
    outbox = Outbox()
    a = FakeTransport()
    outbox.send(a, "lost")
    a.closing = True
    await asyncio.sleep(0)
    assert a.writes == []


async def test_a_client_that_stops_reading_is_dropped() -> None:
    outbox = Outbox(max_buffered=1000)
    slow, fine = FakeTransport(buffered=1001), FakeTransport(buffered=1000)
    outbox.send(slow, "hello")
    outbox.send(fine, "hello")
    await asyncio.sleep(0)
    assert slow.aborted and not fine.aborted
    assert outbox.dropped == 1


async def test_nothing_follows_a_close_frame() -> None:
    outbox = Outbox()
    a = FakeTransport()
    outbox.send(a, "too late")
    a.closed_frame_sent = True  # the server's close frame went out directly
    await asyncio.sleep(0)
    assert a.writes == []


async def test_one_broken_socket_does_not_cost_the_others_their_frames() -> None:
    outbox = Outbox()
    broken, fine = FakeTransport(), FakeTransport()
    broken.broken = True
    outbox.send(broken, "x")
    outbox.send(fine, "still delivered")
    await asyncio.sleep(0)
    assert [decode(w) for w in fine.writes] == [["still delivered"]]


async def test_pongs_count_towards_the_cap_on_unread_output() -> None:
    from passerby.transport.outbox import MAX_BUFFERED, MAX_UNREAD, PONG, control_frame

    assert MAX_BUFFERED < MAX_UNREAD  # the kernel's share is taken off the process's
    outbox = Outbox(max_buffered=1000)
    sink = FakeTransport(buffered=1001)  # a client that reads nothing
    outbox.control(sink, PONG, b"p" * 300)
    outbox.flush()
    assert sink.writes == [control_frame(PONG, b"p" * 300)]
    assert sink.writes[0][:2] == bytes((0x8A, 125))  # a control payload is cut at 125
    assert sink.aborted and outbox.dropped == 1
