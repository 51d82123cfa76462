"""The `passerby` command as an operator runs it: a real process."""

from __future__ import annotations

import json
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
            "insert into cases (id, kind, priority, status, summary, created_at, updated_at)"
            " values ('c1', 'report', 1, 'open', 's', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00')"
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


def test_audit_verify_and_export_an_honest_and_a_tampered_log(tmp_path: Path) -> None:
    assert run("migrate", "--data-dir", str(tmp_path)).returncode == 0
    empty = run("audit", "verify", "--data-dir", str(tmp_path))
    assert empty.returncode == 0 and "audit log OK: 0 records" in empty.stdout
    db = sqlite3.connect(tmp_path / "passerby.db")
    with db:
        db.execute(
            "insert into cases (id, kind, priority, status, summary, created_at, updated_at)"
            " values ('c1', 'report', 1, 'open', 's', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00')"
        )
    for days in ("30", "60"):
        held = run(
            "evidence",
            "hold",
            "c1",
            "--reason",
            "request",
            "--days",
            days,
            "--data-dir",
            str(tmp_path),
        )
        assert held.returncode == 0, held.stderr
    good = run("audit", "verify", "--data-dir", str(tmp_path))
    assert good.returncode == 0 and "audit log OK: 2 records" in good.stdout
    out = tmp_path / "audit.jsonl"
    exported = run("audit", "export", "--out", str(out), "--data-dir", str(tmp_path))
    assert exported.returncode == 0 and "exported 2 audit records" in exported.stdout
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["seq"], r["actor"], r["action"], r["case_id"]) for r in lines] == [
        (1, "system:cli", "legal_hold", "c1"),
        (2, "system:cli", "legal_hold", "c1"),
    ]
    assert lines[1]["prev_hash"] == lines[0]["hash"] and lines[0]["why"] == "request"
    printed = run("audit", "export", "--data-dir", str(tmp_path))
    assert [json.loads(line) for line in printed.stdout.splitlines()] == lines
    with db:
        db.execute("drop trigger audit_log_no_update")
        db.execute("update audit_log set why = 'nothing' where seq = 2")
    db.close()
    broken = run("audit", "verify", "--data-dir", str(tmp_path))
    assert broken.returncode == 1
    assert "audit log BROKEN at record 2: record altered" in broken.stdout


def test_moderator_add_prints_a_one_time_setup_link_and_refuses_a_taken_name(
    tmp_path: Path,
) -> None:
    data = ["--data-dir", str(tmp_path)]
    result = run("moderator", "add", "alice", "--role", "admin", *data)
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip().splitlines()[-1]
    assert link.startswith("http://127.0.0.1:8080/mod/setup?token=")
    assert len(link.rsplit("=", 1)[1]) >= 32
    with sqlite3.connect(tmp_path / "passerby.db") as db:
        [(role, password)] = db.execute("select role, password_hash from moderators").fetchall()
    assert role == "admin" and not password  # chosen later, through the link
    again = run("moderator", "add", "alice", *data)
    assert again.returncode == 1 and "already" in again.stderr
    reset = run("moderator", "reset", "alice", *data)
    assert reset.returncode == 0, reset.stderr
    assert reset.stdout.strip().splitlines()[-1] != link  # a new link; the old one is spent
