"""Learned heads: one direction in the encoder's space per family of harm.

The index (:mod:`.scorer`) compares a message with a few hundred examples
written by hand. A *head* is learned instead, from a labelled corpus of
whole conversations written by many people (``python -m
passerby.safety.semantic.train``): a logistic regression over the message's
vector, ``p = 1 / (1 + exp(-(w . v + b)))``, the probability that a line
like it comes from the harmful side of a chat of that family. It sees what
fifty writers' insults or adverts have in common, where the index sees how
close a line is to the nearest few examples.

A head reads either the message alone (``reads = "message"``) or the
message beside the partner's next reply (``"reply"``: the two vectors side
by side, twice the weights). The second sees what the first cannot: "wow",
"why would you say that", "ew what" after a line are how its reader took
it. Its score for a line comes when the reply does (:mod:`.replies`).

A head's score feeds a pattern like the index's (:mod:`.pattern`): a
message leans when ``p`` reaches the head's ``hit``, and ordinary talk
leans at the head's ``base_rate``, measured when it was trained on
conversations by writers the head had not been trained on. Each head makes
its own signal (:data:`SIGNALS`), which, like every semantic signal, can
only open a review case.

The file (``heads.json`` next to this module, or one an operator trained)
holds, per head, the weights as little-endian float32 in base64, the bias,
``hit`` and ``base_rate``, and the digest of the sentence encoder whose
vectors it was trained on: vectors of another model mean nothing to it, so
a head trained on another model is refused (:class:`HeadError`). Pure
numpy, no I/O but :func:`read`.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np

from passerby.errors import ConfigError
from passerby.safety.semantic.embedder import DIMENSIONS, Vectors

SHIPPED: Final = Path(__file__).with_name("heads.json")
OPERATOR_FILE: Final = Path("semantic") / "heads.json"  # under the data directory
READS: Final = ("message", "reply")
# The category a head's leaning lines show the reviewer, by what it reads.
CATEGORIES: Final = {"message": "learned", "reply": "reply"}
FORMAT: Final = 1
# Each family that may have a head, and the signal its pattern makes.
SIGNALS: Final[Mapping[str, str]] = {
    "hostility": "learned_hostility",
    "sexual": "learned_sexual",
    "advert": "learned_advert",
    "grooming": "learned_grooming",
}


class HeadError(ConfigError):
    """A heads file that cannot be used, and why."""


@dataclass(frozen=True, slots=True)
class Head:
    family: str
    weights: Vectors  # DIMENSIONS float32
    bias: float
    hit: float  # a message leans from this probability up
    base_rate: float  # how often ordinary talk leans (writers unseen in training)
    reads: str = "message"  # or "reply": the message beside the partner's reply

    def __post_init__(self) -> None:
        if self.family not in SIGNALS:
            raise HeadError(f"no family {self.family!r} can have a head")
        if self.reads not in READS:
            raise HeadError(f"a head reads one of {', '.join(READS)}, not {self.reads!r}")
        width = DIMENSIONS * (2 if self.reads == "reply" else 1)
        if self.weights.shape != (width,):
            raise HeadError(f"this head has {width} weights, not {self.weights.shape}")
        if not (0.0 < self.hit < 1.0 and 0.0 < self.base_rate < 1.0):
            raise HeadError("a head's hit and base_rate lie in (0, 1)")
        if not (np.isfinite(self.weights).all() and math.isfinite(self.bias)):
            raise HeadError("a head's weights are numbers")

    @property
    def signal(self) -> str:
        return SIGNALS[self.family]

    @property
    def key(self) -> str:
        """The name of the pattern its scores feed (one per family and reading)."""
        return self.signal if self.reads == "message" else f"{self.signal}:{self.reads}"

    @property
    def category(self) -> str:
        return CATEGORIES[self.reads]

    def probabilities(self, vectors: Vectors) -> Vectors:
        """Each row's probability under this head."""
        logits = vectors @ self.weights + np.float32(self.bias)
        out: Vectors = (1.0 / (1.0 + np.exp(-np.clip(logits, -50.0, 50.0)))).astype(np.float32)
        return out


def to_json(heads: Sequence[Head], model: str, trained_on: Mapping[str, Any]) -> dict[str, Any]:
    """The file's content for ``heads`` trained on vectors of ``model`` (a digest)."""
    return {
        "format": FORMAT,
        "model": model,
        "trained_on": dict(trained_on),
        "heads": [
            {
                "family": head.family,
                "weights": base64.b64encode(head.weights.astype("<f4").tobytes()).decode(),
                "bias": head.bias,
                "hit": head.hit,
                "base_rate": head.base_rate,
                "reads": head.reads,
            }
            for head in heads
        ],
    }


def from_json(data: Any, model: str) -> list[Head]:
    """The heads of a file's content; :class:`HeadError` unless they were
    trained on vectors of ``model`` and every field is sound."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HeadError(f"not a heads file of format {FORMAT}")
    if data.get("model") != model:
        raise HeadError("the heads were trained on another sentence encoder; train them again")
    rows = data.get("heads")
    if not isinstance(rows, list):
        raise HeadError("a heads file lists its heads")
    heads: list[Head] = []
    for row in rows:
        try:
            raw = base64.b64decode(row["weights"], validate=True)
            weights = np.frombuffer(raw, dtype="<f4").astype(np.float32)
            head = Head(
                str(row["family"]),
                weights,
                float(row["bias"]),
                float(row["hit"]),
                float(row["base_rate"]),
                str(row.get("reads", "message")),
            )
        except HeadError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise HeadError(f"a head that cannot be read: {exc}") from None
        if any(h.key == head.key for h in heads):
            raise HeadError(f"two heads for {head.family!r} reading the {head.reads}")
        heads.append(head)
    return heads


def read(path: Path, model: str) -> list[Head]:
    """The heads in ``path`` (see :func:`from_json`); none when there is no file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise HeadError(f"cannot read {path}: {exc.strerror}") from None
    except ValueError:  # not UTF-8
        raise HeadError(f"{path} is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise HeadError(f"{path} is not JSON") from None
    return from_json(data, model)
