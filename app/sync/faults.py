"""Fault points for crash tests (the client's twin of ``server.sync.faults``): unset, each is a no-op.

``ECITY_SYNC_FAULT=<point>`` arms a point, ``ECITY_SYNC_FAULT_MARK=<file>`` is written when it fires,
``ECITY_SYNC_FAULT_ACTION=kill|hang`` says what happens then (SIGKILL by default), ``ECITY_SYNC_FAULT_AFTER=n`` lets
the point pass ``n`` times first.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

_passed: dict[str, int] = {}


def point(name: str) -> None:
    if os.environ.get("ECITY_SYNC_FAULT") != name:
        return
    _passed[name] = _passed.get(name, 0) + 1
    if _passed[name] <= int(os.environ.get("ECITY_SYNC_FAULT_AFTER", "0")):
        return
    mark = os.environ.get("ECITY_SYNC_FAULT_MARK")
    if mark:
        Path(mark).write_text(name)
    if os.environ.get("ECITY_SYNC_FAULT_ACTION", "kill") == "hang":
        while True:
            time.sleep(3600)
    os.kill(os.getpid(), signal.SIGKILL)
