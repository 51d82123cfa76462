"""The worker gives way to the relay: a server pinned to one core must not
find the worker on that core at the same priority."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, os
os.sched_setaffinity(0, {0})  # as a server pinned with taskset -c 0 hands it on
from passerby.safety.semantic.worker import give_way
give_way()
print(json.dumps([os.getpriority(os.PRIO_PROCESS, 0), sorted(os.sched_getaffinity(0))]))
"""


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="Linux scheduling calls")
def test_the_worker_leaves_the_servers_core_and_runs_at_the_lowest_priority() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    priority, cores = json.loads(done.stdout)
    assert priority == 19
    assert cores == sorted(os.sched_getaffinity(0))  # every core this test may use
