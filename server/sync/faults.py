"""Fault points for the crash tests: a process dies (or waits) at a named point when told so by the environment.

``ECITY_SYNC_FAULT=<point>`` arms one point; ``ECITY_SYNC_FAULT_MARK=<file>`` is written just before it fires so a test
knows the process got there; ``ECITY_SYNC_FAULT_ACTION`` is ``kill`` (SIGKILL itself, the default) or ``hang`` (sleep
until killed). Unset, every point is a no-op: production never pays more than one dictionary look-up.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path


def point(name: str) -> None:
    if os.environ.get("ECITY_SYNC_FAULT") != name:
        return
    mark = os.environ.get("ECITY_SYNC_FAULT_MARK")
    if mark:
        Path(mark).write_text(name)
    if os.environ.get("ECITY_SYNC_FAULT_ACTION", "kill") == "hang":
        while True:
            time.sleep(3600)
    os.kill(os.getpid(), signal.SIGKILL)
