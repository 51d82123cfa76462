"""The reference docs name everything the code has: settings and error codes.

A setting or a WebSocket error code added without a line in the docs fails
here; what each line says is for a reader to check.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from passerby.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "passerby"


def documented_names(doc: str) -> set[str]:
    return set(re.findall(r"`([a-z_0-9]+)`", (ROOT / "docs" / doc).read_text(encoding="utf-8")))


def test_every_setting_is_in_the_configuration_doc() -> None:
    names = {field.name for field in dataclasses.fields(Settings)}
    assert len(names) > 30
    assert names - documented_names("configuration.md") == set()


def websocket_error_codes() -> set[str]:
    """Every code a WebSocket client can be sent: the first argument of each
    ``ProtocolError(...)`` and ``Error(...)`` call in the core, the chat
    service and the WebSocket door, and ``rate_limited`` for ``RateLimited``."""
    codes: set[str] = set()
    files = [
        *(SRC / "core").glob("*.py"),
        *(SRC / "service").glob("*.py"),
        SRC / "transport" / "websocket.py",
        SRC / "transport" / "v1.py",
    ]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if name in {"ProtocolError", "Error"} and isinstance(first, ast.Constant):
                codes.add(first.value)
            elif name == "_bad_state":
                codes.add("bad_state")
            elif name == "RateLimited":
                codes.add("rate_limited")
    return codes


def documented_error_codes() -> set[str]:
    """The codes in the protocol doc's table of error codes and in its
    "Error codes added" sentence, and nothing else."""
    text = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")
    table = text.split("## Error codes", 1)[1].split("\n## ", 1)[0]
    codes = set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE))
    added = text.split("Error codes added:", 1)[1].split(".", 1)[0]
    return codes | set(re.findall(r"`([a-z_]+)`", added))


def test_every_websocket_error_code_is_in_the_protocol_doc() -> None:
    codes = websocket_error_codes()
    assert {"bad_json", "too_long", "rate_limited", "challenge_required"} <= codes
    documented = documented_error_codes()
    assert {"bad_json", "internal", "entry_required", "nothing_to_report"} <= documented
    assert codes - documented == set()
