"""The sync end-to-end tests share the integration harness: a server process per module, temp workstations."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "integration" / "sync"))

from sync_harness import any_server, make_station, pg_server, sqlite_server  # noqa: F401
