"""Diagnostic only: the Passerby server with the text detectors switched off.

Not a way to run Passerby. It lets the benchmark separate what the relay
itself costs from what moderation costs, by serving exactly as
``passerby serve`` does but with an analyser that finds nothing (the rules,
history and risk still run). Usage:

    python benchmarks/run.py --only passerby \\
        --server-cmd "{python} benchmarks/serve_unmoderated.py --host {host} --port {port}"
"""

from __future__ import annotations

import argparse
import logging

from aiohttp import web

from passerby.app import create_app
from passerby.config import load
from passerby.core.signals import Signal
from passerby.gctuning import tune_collector
from passerby.safety.moderation import Analyser


class FindsNothing:
    def analyse(self, text: str) -> list[Signal]:
        return []


def serve(analyser: Analyser, host: str, port: int) -> None:
    """Serve as ``passerby serve`` does, with ``analyser`` for the messages."""
    settings = load(overrides={"host": host, "port": port})
    logging.basicConfig(level=settings.log_level.upper())
    app = create_app(settings, analyser=analyser)
    tune_collector()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    web.run_app(app, host=host, port=port, access_log=None, print=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    serve(FindsNothing(), args.host, args.port)


if __name__ == "__main__":
    main()
