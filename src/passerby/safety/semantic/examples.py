"""The index's examples: labelled sentences, shipped and operator-added.

An example file is JSON Lines, one object a line::

    {"label": "harmful", "category": "secrecy", "lang": "en", "text": "..."}

``label`` is ``harmful`` or ``safe``; ``category`` a short name (letters,
digits, ``_``); ``lang`` a language code; ``text`` the sentence (at most
:data:`MAX_TEXT` characters). An optional ``family`` says which harm a
harmful example stands for (:data:`FAMILIES`; ``grooming`` when absent):
each family is scored, and makes its signal, apart from the others. A safe
example without ``family`` is ordinary talk, weighed against every family;
with one, it weighs against that family alone (banter, for instance, is
safe against hostility but says nothing about grooming).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from passerby.errors import ConfigError

SHIPPED: Final = Path(__file__).with_name("examples.jsonl")
OPERATOR_FILE: Final = Path("semantic") / "examples.jsonl"
LABELS: Final = ("harmful", "safe")
# Each family of harm and the signal its pattern makes (core.signals).
FAMILIES: Final = {
    "grooming": "semantic",
    "hostility": "semantic_hostility",
    "sexual": "semantic_sexual",
    "advert": "semantic_advert",
}
DEFAULT_FAMILY: Final = "grooming"  # a harmful example's, when it names none
ANY_FAMILY: Final = ""  # a safe example's, when it names none: safe against all
MAX_TEXT: Final = 500
_NAME = re.compile(r"[a-z0-9_]{1,40}")
_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")


class ExampleError(ConfigError):
    """An example file that cannot be used, with where and why."""


@dataclass(frozen=True, slots=True)
class Example:
    label: str
    category: str
    lang: str
    text: str
    family: str = DEFAULT_FAMILY

    def as_json(self) -> dict[str, str]:
        out = {
            "label": self.label,
            "category": self.category,
            "lang": self.lang,
            "text": self.text,
        }
        if self.family != (DEFAULT_FAMILY if self.label == "harmful" else ANY_FAMILY):
            out["family"] = self.family
        return out


def parse_line(line: str, where: str) -> Example:
    """One line of an example file; :class:`ExampleError` says what is wrong."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ExampleError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise ExampleError(f"{where}: expected a JSON object")
    unknown = set(raw) - {"label", "category", "lang", "text", "family"}
    if unknown:
        raise ExampleError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    for field in ("label", "category", "lang", "text"):
        if not isinstance(raw.get(field), str):
            raise ExampleError(f"{where}: {field!r} must be a string")
    label, category, lang = raw["label"], raw["category"], raw["lang"]
    text = " ".join(raw["text"].split())
    if label not in LABELS:
        raise ExampleError(f"{where}: label must be 'harmful' or 'safe', not {label!r}")
    if "family" in raw and raw["family"] not in FAMILIES:
        names = ", ".join(FAMILIES)
        raise ExampleError(f"{where}: family must be one of {names}, not {raw['family']!r}")
    family = raw.get("family", DEFAULT_FAMILY if label == "harmful" else ANY_FAMILY)
    if not _NAME.fullmatch(category):
        raise ExampleError(f"{where}: category must be 1-40 of a-z, 0-9 and _")
    if not _LANG.fullmatch(lang):
        raise ExampleError(f"{where}: lang must be a language code such as 'en' or 'pt-BR'")
    if not text:
        raise ExampleError(f"{where}: text is empty")
    if len(text) > MAX_TEXT:
        raise ExampleError(f"{where}: text is longer than {MAX_TEXT} characters")
    return Example(label, category, lang, text, family)


def parse_lines(lines: Iterable[str], source: str) -> list[Example]:
    """Every example of a file's lines (blank lines are skipped)."""
    found = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            found.append(parse_line(line, f"{source}: line {number}"))
    return found


def read_file(path: Path) -> list[Example]:
    try:
        with open(path, encoding="utf-8") as fh:
            return parse_lines(fh, str(path))
    except OSError as exc:
        raise ExampleError(f"cannot read example file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ExampleError(f"example file {path} is not UTF-8 text") from None


def operator_path(data_dir: Path) -> Path:
    return data_dir / OPERATOR_FILE


def load_all(data_dir: Path | None, shipped: Path = SHIPPED) -> list[Example]:
    """The shipped examples, then the operator's (duplicates kept once)."""
    examples = read_file(shipped)
    if data_dir is not None and operator_path(data_dir).exists():
        examples += read_file(operator_path(data_dir))
    return list(dict.fromkeys(examples))


def add_file(source: Path, data_dir: Path) -> int:
    """Check every line of ``source``, then append its examples to the
    operator's file; how many were new. Nothing is written unless the whole
    file is good."""
    incoming = read_file(source)
    if not incoming:
        raise ExampleError(f"{source}: no examples in the file")
    target = operator_path(data_dir)
    known = set(read_file(target)) if target.exists() else set()
    known |= set(read_file(SHIPPED))
    new = [e for e in dict.fromkeys(incoming) if e not in known]
    if new:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "a", encoding="utf-8") as fh:
            for example in new:
                fh.write(json.dumps(example.as_json(), ensure_ascii=False) + "\n")
    return len(new)
