"""Which server this workstation syncs with, read from ``sync_state`` without importing the network stack.

A local-only start asks only this module (sqlalchemy and the models, already loaded): httpx and keyring are imported
by ``app.sync.session`` when there is a server to talk to.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from app.sync import state

# sync_state keys of the enrolment (``app.sync.enrolment`` writes them)
WORKSTATION_ID_KEY = "enrol.workstation_id"
SERVER_URL_KEY = "enrol.server_url"
NUMBER_KEY = "enrol.number"


@dataclass(frozen=True)
class SyncTarget:
    """The server this workstation syncs with and the id it enrolled under."""

    server_url: str
    workstation_id: str
    number: int | None = None


def target_for(engine: Engine, server_url: str = "") -> SyncTarget | None:
    """None means "local only": no server configured, or this workstation never asked to enrol.

    ``server_url`` (the settings' ``--server``) wins over the URL the workstation enrolled with."""
    with engine.connect() as conn:
        enrolled_url = str(state.get(conn, SERVER_URL_KEY, "") or "")
        workstation_id = str(state.get(conn, WORKSTATION_ID_KEY, "") or "")
        number = state.get(conn, NUMBER_KEY)
    url = (server_url or enrolled_url).rstrip("/")
    if not url or not workstation_id:
        return None
    return SyncTarget(url, workstation_id, int(number) if number is not None else None)
