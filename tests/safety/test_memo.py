"""The token memo: a cached answer is the fresh one, and it stays bounded."""

from __future__ import annotations

import pytest

from passerby.safety.text.memo import LONGEST_KEPT, TokenMemo


def test_cached_answer_is_the_fresh_one() -> None:
    calls: list[str] = []

    def compute(token: str) -> str:
        calls.append(token)
        return token.upper()

    memo = TokenMemo(compute, size=4)
    assert memo["hey"] == "HEY"
    assert memo["hey"] == "HEY"
    assert list(map(memo.__getitem__, ["hey", "you"])) == ["HEY", "YOU"]
    assert calls == ["hey", "you"]  # each token computed once


def test_memo_stays_bounded_and_forgets_the_oldest_first() -> None:
    memo = TokenMemo(len, size=3)
    for n in range(1000):
        assert memo[f"t{n}"] == len(f"t{n}")
        assert len(memo) <= 3
    assert sorted(memo) == ["t997", "t998", "t999"]
    assert memo["t0"] == 2  # forgotten, computed again
    assert "t997" not in memo


def test_long_tokens_are_computed_but_not_kept() -> None:
    memo = TokenMemo(len, size=3)
    token = "x" * (LONGEST_KEPT + 1)
    assert memo[token] == LONGEST_KEPT + 1
    assert token not in memo


def test_a_memo_holds_at_least_one_token() -> None:
    with pytest.raises(ValueError, match="at least one"):
        TokenMemo(len, size=0)
