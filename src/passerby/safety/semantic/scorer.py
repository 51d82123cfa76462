"""One message's score against the index: pure numpy, no model, no I/O.

For a message vector ``v``, with ``H`` the harmful and ``S`` the safe
examples' unit vectors (Roblox Sentinel's contrastive score)::

    score(v) = max(0, log( mean(exp(topk(H·v))) / mean(exp(topk(S·v))) ))

0 means the message is at least as close to safe talk as to harmful talk;
each 0.1 above is about 0.1 more cosine similarity to the nearest harmful
examples than to the nearest safe ones. The category of the single nearest
harmful example goes with the score, for the reviewer.

Each family of harm (grooming, hostility: ``examples.FAMILIES``) has its
own harmful rows and is scored apart, against the safe rows that name no
family (ordinary talk, whatever harm it is mistaken for) and those that
name it (banter is safe against hostility, and says nothing of grooming).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from passerby.safety.semantic.embedder import Vectors
from passerby.safety.semantic.examples import ANY_FAMILY, DEFAULT_FAMILY

# Neighbours on each side: a few, so one odd example neither makes nor
# unmakes a score; fewer than the smallest category holds.
TOP_K: Final = 3


@dataclass(frozen=True, slots=True)
class Family:
    """One family's examples: harmful unit vectors (a category a row), and safe ones."""

    harmful: Vectors
    categories: tuple[str, ...]
    safe: Vectors

    def __post_init__(self) -> None:
        if len(self.harmful) == 0 or len(self.safe) == 0:
            raise ValueError("an index needs harmful and safe examples")
        if len(self.categories) != len(self.harmful):
            raise ValueError("one category per harmful example")


@dataclass(frozen=True, slots=True)
class Index:
    """Each family of harm's examples, and how many examples there are."""

    families: Mapping[str, Family]
    size: int

    def __post_init__(self) -> None:
        if not self.families:
            raise ValueError("an index needs harmful and safe examples")


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    category: str


def _top_mean_exp(similarities: Vectors, k: int) -> Vectors:
    k = min(k, similarities.shape[1])
    top = np.partition(similarities, -k, axis=1)[:, -k:]
    means: Vectors = np.exp(top).mean(axis=1)
    return means


def score_vectors(
    vectors: Vectors, index: Index, k: int = TOP_K, family: str = DEFAULT_FAMILY
) -> list[Scored]:
    """Each row's score and nearest harmful category in one family."""
    return score_families(vectors, index, k)[family]


def score_families(vectors: Vectors, index: Index, k: int = TOP_K) -> dict[str, list[Scored]]:
    """Each family's scores for the rows, in row order."""
    if len(vectors) == 0:
        return {name: [] for name in index.families}
    out: dict[str, list[Scored]] = {}
    for name, family in index.families.items():
        to_harmful = vectors @ family.harmful.T
        ratio = _top_mean_exp(to_harmful, k) / _top_mean_exp(vectors @ family.safe.T, k)
        scores = np.maximum(np.log(ratio), 0.0)
        nearest = np.argmax(to_harmful, axis=1)
        out[name] = [
            Scored(round(float(s), 4), family.categories[int(n)])
            for s, n in zip(scores, nearest, strict=True)
        ]
    return out


def build_index(
    vectors: Vectors,
    labels: Sequence[str],
    categories: Sequence[str],
    families: Sequence[str] | None = None,
) -> Index:
    """An index from the examples' vectors, labels, categories and families
    (same order). Without families every harmful row is the default
    family's and every safe row is safe against all (see the module docstring)."""
    if families is None:
        families = [DEFAULT_FAMILY if label == "harmful" else ANY_FAMILY for label in labels]
    if not len(labels) == len(categories) == len(families) == len(vectors):
        raise ValueError("one label, category and family per vector")
    rows = list(zip(labels, categories, families, strict=True))
    names = sorted({f for label, _, f in rows if label == "harmful"})
    index = {}
    for name in names:
        harmful = [i for i, (label, _, f) in enumerate(rows) if label == "harmful" and f == name]
        safe = [
            i for i, (label, _, f) in enumerate(rows) if label == "safe" and f in (name, ANY_FAMILY)
        ]
        index[name] = Family(
            np.ascontiguousarray(vectors[harmful]),
            tuple(categories[i] for i in harmful),
            np.ascontiguousarray(vectors[safe]),
        )
    return Index(index, len(labels))
