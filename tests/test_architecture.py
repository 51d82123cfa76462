"""The tree keeps its shape: dependencies point one way, and evidence records
are built in one place.

The contracts live in ``pyproject.toml`` (``[tool.importlinter]``); a new
import that points the wrong way fails here, before a reader has to notice.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "passerby"


def test_package_dependencies_point_one_way() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint is not None, "import-linter is a dev dependency"
    result = subprocess.run(
        [lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-4000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_evidence_records_are_built_in_one_place() -> None:
    """Only the record builder makes an EvidenceWrite (and the spool, which
    reads back what the builder made)."""
    makers = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EvidenceWrite":
                makers.add(path.relative_to(SRC).as_posix())
    assert makers == {"safety/records.py", "safety/reports.py"}
