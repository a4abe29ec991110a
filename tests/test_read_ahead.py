"""Reading ahead keeps order, ends cleanly and raises a reader's error where it happened."""

from __future__ import annotations

import pytest

from eventwire.run import read_ahead


def _numbers(n: int, fail_at: int | None = None):
    for i in range(n):
        if i == fail_at:
            raise OSError(f"cannot read item {i}")
        yield i


def test_keeps_order_through_a_small_buffer():
    assert list(read_ahead(_numbers(500), depth=4)) == list(range(500))


def test_raises_the_readers_error_after_the_items_before_it():
    seen = []
    with pytest.raises(OSError, match="item 7"):
        for item in read_ahead(_numbers(20, fail_at=7), depth=3):
            seen.append(item)
    assert seen == list(range(7))


def test_a_consumer_may_stop_early():
    reader = read_ahead(_numbers(10_000), depth=2)
    assert [next(reader) for _ in range(3)] == [0, 1, 2]
    reader.close()  # the background reader stops instead of filling memory
