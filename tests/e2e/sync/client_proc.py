"""A workstation's sync round in its own process, so a test can SIGKILL it at a fault point.

Usage: python -m tests.e2e.sync.client_proc DB_PATH SERVER_URL TOKEN [push_batch] [pull_page]
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.db.engine import make_engine
from app.sync.client import SyncClient
from app.sync.credentials import CredentialStore
from app.sync.transport import TokenAuth, Transport


def main(argv: list[str]) -> int:
    db, url, token = argv[:3]
    push_batch = int(argv[3]) if len(argv) > 3 else 200
    pull_page = int(argv[4]) if len(argv) > 4 else 1000
    auth = TokenAuth(CredentialStore(url, "proc"))
    auth.set_access_token(token)
    client = SyncClient(make_engine(Path(db)), Transport(url, auth), push_batch=push_batch, pull_page=pull_page)
    report = client.sync_once()
    print(report.push.accepted, report.push.refused, report.pull.records if report.pull else -1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
