"""Fixtures of the sync tests live in sync_harness.py (shared with tests/e2e/sync)."""

from sync_harness import any_server, make_station, pg_server, sqlite_server  # noqa: F401
