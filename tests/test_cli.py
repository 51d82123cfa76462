"""The `passerby` command as an operator runs it: a real process."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from passerby import __version__


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "passerby", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"passerby {__version__}"


def test_migrate_creates_the_database(tmp_path: Path) -> None:
    result = run("migrate", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "passerby.db") as db:
        tables = {row[0] for row in db.execute("select name from sqlite_master where type='table'")}
    assert {"chats", "alembic_version"} <= tables


def test_bad_configuration_exits_with_a_clear_message() -> None:
    result = run("serve", env={"PASSERBY_PORT": "many"})
    assert result.returncode == 2
    assert "configuration error: port: expected int" in result.stderr


def test_serve_answers_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "passerby",
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    assert r.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert f"listening on http://127.0.0.1:{port}/" in output
    assert "shutting down" in output
    assert (tmp_path / "passerby.db").exists()


def test_evidence_verify_reports_a_good_and_a_broken_chain(tmp_path: Path) -> None:
    assert run("migrate", "--data-dir", str(tmp_path)).returncode == 0
    empty = run("evidence", "verify", "--data-dir", str(tmp_path))
    assert empty.returncode == 0 and "evidence chain OK: 0 records" in empty.stdout
    db = sqlite3.connect(tmp_path / "passerby.db")
    with db:
        # a forged row: right shape, wrong hashes (the triggers allow INSERT)
        db.execute(
            "insert into evidence (seq, id, created_at, kind, case_id, body, body_hash,"
            " prev_hash, hash) values (1, 'x', '2026-01-01 00:00:00.000000', 'report', NULL,"
            " '{}', 'bad', ?, 'bad')",
            ("0" * 64,),
        )
    db.close()
    broken = run("evidence", "verify", "--data-dir", str(tmp_path))
    assert broken.returncode == 1
    assert "evidence chain BROKEN at record 1" in broken.stdout


def test_purge_runs_on_demand(tmp_path: Path) -> None:
    result = run("purge", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("purged: chats 0")


def test_evidence_hold_marks_a_case(tmp_path: Path) -> None:
    assert run("migrate", "--data-dir", str(tmp_path)).returncode == 0
    missing = run("evidence", "hold", "nope", "--reason", "x", "--data-dir", str(tmp_path))
    assert missing.returncode == 1 and "no case nope" in missing.stderr
    db = sqlite3.connect(tmp_path / "passerby.db")
    with db:
        db.execute(
            "insert into cases values ('c1', 'report', 1, 'open', NULL, NULL, NULL, 's',"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    held = run(
        "evidence", "hold", "c1", "--reason", "preservation request", "--data-dir", str(tmp_path)
    )
    assert held.returncode == 0, held.stderr
    with db:
        assert db.execute("select reason from legal_holds where case_id='c1'").fetchone() == (
            "preservation request",
        )
    db.close()
