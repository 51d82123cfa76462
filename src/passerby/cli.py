"""The ``passerby`` command: ``serve``, ``migrate``, the evidence chain, the
audit log, ``purge``, the semantic index (``index add``) and ``--version``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any, TextIO

import orjson
from aiohttp import web

from passerby import __version__
from passerby.app import create_app, load_secret
from passerby.clock import SystemClock
from passerby.config import Settings, load
from passerby.console.accounts import AccountError
from passerby.console.commands import add_moderator, reset_moderator
from passerby.errors import ConfigError, NotFound
from passerby.gctuning import tune_collector
from passerby.safety.bans import BanService
from passerby.safety.iphash import IpHasher
from passerby.safety.moderation_actions import Actions, Actor
from passerby.safety.retention import RetentionJob
from passerby.safety.semantic import examples
from passerby.storage.audit import verify_audit as verify_audit_chain
from passerby.storage.chain import verify_chain
from passerby.storage.sql import SQLStore
from passerby.transport.web import AddressMaskingFilter, app_runner

log = logging.getLogger("passerby")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="passerby", description="Anonymous one-to-one chat with random strangers."
    )
    parser.add_argument("--version", action="version", version=f"passerby {__version__}")
    parser.add_argument("--config", help="TOML settings file (default: $PASSERBY_CONFIG)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the server (the default command)")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8080)")
    serve.add_argument("--data-dir", dest="data_dir", help="folder for the embedded database")
    serve.add_argument("--database", dest="database_url", help="database URL")
    serve.add_argument(
        "--broker",
        dest="broker_url",
        help="broker URL: memory:// (default) or redis://host:port/db",
    )
    serve.add_argument(
        "--workers", type=int, help="server processes sharing the port (needs a Redis broker)"
    )
    serve.add_argument(
        "--log-level", dest="log_level", choices=["debug", "info", "warning", "error"]
    )

    migrate = commands.add_parser("migrate", help="bring the database schema up to date")
    _store_flags(migrate)

    evidence = commands.add_parser("evidence", help="work with the evidence chain")
    evidence_commands = evidence.add_subparsers(dest="evidence_command", metavar="ACTION")
    verify = evidence_commands.add_parser("verify", help="check every link of the chain")
    _store_flags(verify)
    hold = evidence_commands.add_parser("hold", help="keep a case's evidence past retention")
    hold.add_argument("case_id", help="the case to hold")
    hold.add_argument("--reason", required=True, help="why (e.g. a preservation request)")
    hold.add_argument(
        "--days", type=float, help="how long the hold lasts (default: legal_hold_days)"
    )
    _store_flags(hold)

    audit = commands.add_parser("audit", help="work with the audit log of safety actions")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    audit_verify = audit_commands.add_parser("verify", help="check every link of the audit log")
    _store_flags(audit_verify)
    export = audit_commands.add_parser("export", help="write the audit log as JSON lines")
    export.add_argument("--out", help="file to write (default: standard output)")
    _store_flags(export)

    moderator = commands.add_parser("moderator", help="manage moderator console accounts")
    moderator_commands = moderator.add_subparsers(dest="moderator_command", metavar="ACTION")
    add = moderator_commands.add_parser("add", help="make an account; prints its setup link")
    add.add_argument("name", help="the account's name")
    add.add_argument("--role", choices=["moderator", "admin"], default="moderator")
    _store_flags(add)
    reset = moderator_commands.add_parser(
        "reset", help="start an account over (new password and two-factor); prints its link"
    )
    reset.add_argument("name", help="the account's name")
    _store_flags(reset)

    purge = commands.add_parser("purge", help="remove data past its retention period now")
    _store_flags(purge)

    index = commands.add_parser("index", help="the semantic tier's examples")
    index_commands = index.add_subparsers(dest="index_command", metavar="ACTION")
    index_add = index_commands.add_parser(
        "add", help="check a JSON Lines file of examples and add them to this server's index"
    )
    index_add.add_argument("file", help="one example a line (see docs/moderation.md)")
    index_add.add_argument("--data-dir", dest="data_dir", help="the server's data folder")
    return parser


def _store_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", dest="data_dir", help="folder for the embedded database")
    parser.add_argument("--database", dest="database_url", help="database URL")


def _run(coro: Coroutine[Any, Any, None]) -> None:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop does not build on Windows
        asyncio.run(coro)
    else:
        uvloop.run(coro)


async def serve(settings: Settings, *, reuse_port: bool = False) -> None:
    app = create_app(settings)
    runner = app_runner(app)
    await runner.setup()
    tune_collector()
    site = web.TCPSite(
        runner, settings.host, settings.port, backlog=4096, reuse_port=reuse_port or None
    )
    await site.start()
    for address in runner.addresses:
        host, port = address[0], address[1]
        shown = f"[{host}]" if ":" in host else host
        log.warning("Passerby %s listening on http://%s:%s/", __version__, shown, port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        log.warning("shutting down")
        await runner.cleanup()


def _worker(settings: Settings) -> None:
    """One of several server processes sharing the port (a spawned child)."""
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(AddressMaskingFilter())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _run(serve(settings, reuse_port=True))


def serve_workers(settings: Settings) -> int:
    """Run ``settings.workers`` server processes on one port (SO_REUSEPORT).

    The kernel spreads new connections over the processes; they share users
    through the broker, so this needs a Redis broker (the settings check it).
    The parent migrates the database once, makes the secret, restarts a
    worker that dies, and on SIGINT or SIGTERM stops them all.
    """
    if settings.port == 0:
        print("passerby: several workers need a fixed port", file=sys.stderr)
        return 2
    _run(migrate(settings))
    load_secret(settings)  # created once here, not raced by the workers
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    workers = [context.Process(target=_worker, args=(settings,)) for _ in range(settings.workers)]
    for worker in workers:
        worker.start()
    log.warning("started %d workers on port %d", len(workers), settings.port)
    while not stopping:
        time.sleep(0.2)
        for i, worker in enumerate(workers):
            if not worker.is_alive() and not stopping:
                log.warning("worker %d exited (code %s); starting another", i, worker.exitcode)
                time.sleep(1.0)
                workers[i] = context.Process(target=_worker, args=(settings,))
                workers[i].start()
    log.warning("stopping %d workers", len(workers))
    for worker in workers:
        if worker.is_alive() and worker.pid is not None:
            os.kill(worker.pid, signal.SIGTERM)
    for worker in workers:
        worker.join(timeout=15)
        if worker.is_alive():
            worker.kill()
    return 0


async def migrate(settings: Settings) -> None:
    store = SQLStore(settings.database())
    try:
        await store.migrate()
    finally:
        await store.close()
    log.warning("database schema is up to date")


async def verify_evidence(settings: Settings) -> bool:
    store = SQLStore(settings.database())
    try:
        report = verify_chain(await store.list_evidence())
    finally:
        await store.close()
    if report.ok:
        print(f"evidence chain OK: {report.records} records ({report.purged} purged bodies)")
    else:
        print(
            f"evidence chain BROKEN at record {report.first_bad_seq}: {report.problem} "
            f"({report.records} records read)"
        )
    return report.ok


def operator_actions(settings: Settings, store: SQLStore) -> Actions:
    """The actions an operator takes from the command line (as ``system:cli``)."""
    clock = SystemClock()
    bans = BanService(store, IpHasher(store, clock, settings.ip_key_days * 86400), clock)
    return Actions(
        store,
        bans,
        clock,
        claim_minutes=settings.claim_minutes,
        legal_hold_days=settings.legal_hold_days,
    )


async def hold_case(
    settings: Settings, case_id: str, reason: str, days: float | None = None
) -> bool:
    store = SQLStore(settings.database())
    try:
        actions = operator_actions(settings, store)
        await actions.place_legal_hold(Actor.system("cli"), case_id, days=days, why=reason)
        hold = await store.legal_hold(case_id)
    except NotFound:
        print(f"no case {case_id}", file=sys.stderr)
        return False
    finally:
        await store.close()
    until = hold.expires_at.date().isoformat() if hold and hold.expires_at else "lifted"
    print(f"case {case_id} is under legal hold until {until}")
    return True


# Records read from the database at a time, so a long log never sits in memory.
AUDIT_PAGE = 1000


async def verify_audit(settings: Settings) -> bool:
    """Check the audit log's chain end to end; print what was found."""
    store = SQLStore(settings.database())
    try:
        records = []
        after = 0
        while page := await store.list_audit(after, AUDIT_PAGE):
            records.extend(page)
            after = page[-1].seq
    finally:
        await store.close()
    report = verify_audit_chain(records)
    if report.ok:
        head = records[-1].hash if records else "none"
        print(f"audit log OK: {report.records} records (last hash {head})")
    else:
        print(
            f"audit log BROKEN at record {report.first_bad_seq}: {report.problem} "
            f"({report.records} records read)"
        )
    return report.ok


async def export_audit(settings: Settings, out: TextIO) -> int:
    """Write every audit record to ``out``, one JSON object a line, in order,
    hashes included (so a copy can be verified apart); how many."""
    store = SQLStore(settings.database())
    count = after = 0
    try:
        while page := await store.list_audit(after, AUDIT_PAGE):
            for record in page:
                out.write(orjson.dumps(record.as_json()).decode() + "\n")
            count += len(page)
            after = page[-1].seq
    finally:
        await store.close()
    out.flush()
    return count


async def purge(settings: Settings) -> None:
    store = SQLStore(settings.database())
    try:
        await store.migrate()
        counts = await RetentionJob(store, SystemClock(), settings).run_once()
    finally:
        await store.close()
    print("purged: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def manage_moderator(settings: Settings, action: str, name: str, role: str) -> int:
    """``moderator add`` or ``moderator reset``: print the account's setup link."""
    links: list[str] = []

    async def run() -> None:
        if action == "add":
            links.append(await add_moderator(settings, name, role))
        else:
            links.append(await reset_moderator(settings, name))

    try:
        _run(run())
    except AccountError as exc:
        print(f"passerby: {exc.message}", file=sys.stderr)
        return 1
    print(f"One-time setup link for {name} (valid {settings.console_setup_hours:g} hours):")
    print(links[0])
    return 0


def add_examples(settings: Settings, file: str) -> int:
    """``index add``: the whole file is checked before anything is written."""
    try:
        added = examples.add_file(Path(file), settings.data_path())
    except examples.ExampleError as exc:
        print(f"passerby: {exc}", file=sys.stderr)
        return 1
    target = examples.operator_path(settings.data_path())
    print(f"added {added} new examples to {target}; the semantic tier reads them when it starts")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    skip = {"command", "config", "evidence_command", "audit_command", "case_id", "reason"}
    skip |= {"days", "out", "moderator_command", "name", "role", "index_command", "file"}
    overrides = {k: v for k, v in vars(args).items() if k not in skip}
    try:
        settings = load(args.config, overrides=overrides)
    except ConfigError as exc:
        print(f"passerby: configuration error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(AddressMaskingFilter())
    if args.command == "migrate":
        _run(migrate(settings))
    elif args.command == "evidence":
        result: list[bool] = []

        async def run_evidence() -> None:
            if args.evidence_command == "verify":
                result.append(await verify_evidence(settings))
            elif args.evidence_command == "hold":
                result.append(await hold_case(settings, args.case_id, args.reason, args.days))

        if args.evidence_command not in ("verify", "hold"):
            parser.parse_args(["evidence", "--help"])
        _run(run_evidence())
        return 0 if result and result[0] else 1
    elif args.command == "audit":
        if args.audit_command not in ("verify", "export"):
            parser.parse_args(["audit", "--help"])
        verified: list[bool] = []

        async def run_audit(out: TextIO) -> None:
            if args.audit_command == "verify":
                verified.append(await verify_audit(settings))
            else:
                count = await export_audit(settings, out)
                if out is not sys.stdout:
                    print(f"exported {count} audit records to {args.out}")
                verified.append(True)

        if args.audit_command == "export" and args.out is not None:
            with open(args.out, "w", encoding="utf-8") as fh:
                _run(run_audit(fh))
        else:
            _run(run_audit(sys.stdout))
        return 0 if verified and verified[0] else 1
    elif args.command == "moderator":
        if args.moderator_command not in ("add", "reset"):
            parser.parse_args(["moderator", "--help"])
        return manage_moderator(
            settings,
            args.moderator_command,
            args.name,
            args.role if args.moderator_command == "add" else "",
        )
    elif args.command == "purge":
        _run(purge(settings))
    elif args.command == "index":
        if args.index_command != "add":
            parser.parse_args(["index", "--help"])
        return add_examples(settings, args.file)
    elif settings.workers > 1:
        return serve_workers(settings)
    else:
        try:
            _run(serve(settings))
        except OSError as exc:
            print(
                f"passerby: cannot listen on {settings.host}:{settings.port}: {exc.strerror}",
                file=sys.stderr,
            )
            return 1
    return 0
