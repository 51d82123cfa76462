from __future__ import annotations

import pytest

from passerby.core.interests import (
    InterestError,
    normalise_interests,
    normalise_language,
    normalise_tag,
)


def test_tags_are_trimmed_lowercased_and_deduplicated() -> None:
    assert normalise_tag("  Rock\t\tMusic ") == "rock music"
    assert normalise_tag("STRASSE") == "strasse"
    assert normalise_tag("Straße") == "straße"  # lower-cased as the web client does
    assert normalise_tag("ｍｕｓｉｃ") == "music"  # NFKC folds full-width letters
    assert normalise_interests(["Music", "music ", "", "  ", "Books"]) == ("music", "books")


def test_limits() -> None:
    assert len(normalise_interests([f"t{i}" for i in range(20)])) == 20
    assert len(normalise_interests(["same"] * 50)) == 1  # duplicates do not count
    with pytest.raises(InterestError, match="20"):
        normalise_interests([f"t{i}" for i in range(21)])
    with pytest.raises(InterestError, match="30"):
        normalise_interests(["a" * 31])


def test_language_codes() -> None:
    assert normalise_language(" EN ") == "en"
    assert normalise_language("fil") == "fil"
    for bad in ("", "english", "e1", "en-US"):
        with pytest.raises(InterestError):
            normalise_language(bad)
