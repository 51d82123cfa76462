"""One message's score against the index: pure numpy, no model, no I/O.

For a message vector ``v``, with ``H`` the harmful and ``S`` the safe
examples' unit vectors (Roblox Sentinel's contrastive score)::

    score(v) = max(0, log( mean(exp(topk(H·v))) / mean(exp(topk(S·v))) ))

0 means the message is at least as close to safe talk as to harmful talk;
each 0.1 above is about 0.1 more cosine similarity to the nearest harmful
examples than to the nearest safe ones. The category of the single nearest
harmful example goes with the score, for the reviewer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from passerby.safety.semantic.embedder import Vectors

# Neighbours on each side: a few, so one odd example neither makes nor
# unmakes a score; fewer than the smallest category holds.
TOP_K: Final = 3


@dataclass(frozen=True, slots=True)
class Index:
    """The examples' unit vectors, harmful and safe apart."""

    harmful: Vectors
    safe: Vectors
    categories: tuple[str, ...]  # one per harmful row

    def __post_init__(self) -> None:
        if len(self.harmful) == 0 or len(self.safe) == 0:
            raise ValueError("an index needs harmful and safe examples")
        if len(self.categories) != len(self.harmful):
            raise ValueError("one category per harmful example")


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    category: str


def _top_mean_exp(similarities: Vectors, k: int) -> Vectors:
    k = min(k, similarities.shape[1])
    top = np.partition(similarities, -k, axis=1)[:, -k:]
    means: Vectors = np.exp(top).mean(axis=1)
    return means


def score_vectors(vectors: Vectors, index: Index, k: int = TOP_K) -> list[Scored]:
    """Each row's score and nearest harmful category."""
    if len(vectors) == 0:
        return []
    to_harmful = vectors @ index.harmful.T
    to_safe = vectors @ index.safe.T
    ratio = _top_mean_exp(to_harmful, k) / _top_mean_exp(to_safe, k)
    scores = np.maximum(np.log(ratio), 0.0)
    nearest = np.argmax(to_harmful, axis=1)
    return [
        Scored(round(float(s), 4), index.categories[int(n)])
        for s, n in zip(scores, nearest, strict=True)
    ]


def build_index(vectors: Vectors, labels: Sequence[str], categories: Sequence[str]) -> Index:
    """An index from the examples' vectors, labels and categories (same order)."""
    mask = np.array([label == "harmful" for label in labels], dtype=bool)
    harmful_categories = tuple(c for c, h in zip(categories, mask, strict=True) if h)
    return Index(
        np.ascontiguousarray(vectors[mask]),
        np.ascontiguousarray(vectors[~mask]),
        harmful_categories,
    )
