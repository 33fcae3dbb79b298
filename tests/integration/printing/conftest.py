"""The sync tests' harness (a real server process and workstations), for the revocation-sync test."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))

from sync_harness import make_station, sqlite_server  # noqa: F401
