"""Allow ``python -m passerby``."""

from __future__ import annotations

from passerby.cli import main

raise SystemExit(main())
