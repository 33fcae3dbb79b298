"""Enrolling this workstation with the server: ask once, an administrator approves, the number comes back.

The workstation's secret (shown once by the server) is a credential: it goes to the keyring beside the refresh token,
never into a file; the workstation id and server URL are plain facts kept in ``sync_state``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from app.sync import state
from app.sync.credentials import CredentialStore
from app.sync.transport import Transport

WORKSTATION_ID_KEY = "enrol.workstation_id"
SERVER_URL_KEY = "enrol.server_url"
NUMBER_KEY = "enrol.number"


def secret_store(server_url: str, workstation_id: str) -> CredentialStore:
    return CredentialStore(server_url, f"{workstation_id}#secret")


def request_enrolment(engine: Engine, transport: Transport, name: str) -> dict[str, Any]:
    answer: dict[str, Any] = transport.request("POST", "/enrolment", json={"name": name}, authenticated=False)
    if answer.get("secret"):
        secret_store(transport.base_url, answer["workstation_id"]).save(str(answer["secret"]))
    with engine.connect().execution_options(writer=True) as conn, conn.begin():
        state.put(conn, WORKSTATION_ID_KEY, answer["workstation_id"])
        state.put(conn, SERVER_URL_KEY, transport.base_url)
        if answer.get("number") is not None:
            state.put(conn, NUMBER_KEY, answer["number"])
    return {k: v for k, v in answer.items() if k != "secret"}


def enrolment_status(engine: Engine, transport: Transport) -> dict[str, Any]:
    with engine.connect() as conn:
        workstation_id = state.get(conn, WORKSTATION_ID_KEY)
    if not workstation_id:
        return {"status": "not_enrolled"}
    answer: dict[str, Any] = transport.request("GET", f"/enrolment/{workstation_id}", authenticated=False)
    if answer.get("number") is not None:
        with engine.connect().execution_options(writer=True) as conn, conn.begin():
            state.put(conn, NUMBER_KEY, answer["number"])
    return {k: v for k, v in answer.items() if k != "secret"}


def login_proof(engine: Engine, server_url: str) -> dict[str, str]:
    """The workstation part of a login body (id and secret), or nothing when this workstation is not enrolled."""
    with engine.connect() as conn:
        workstation_id = state.get(conn, WORKSTATION_ID_KEY)
    if not workstation_id:
        return {}
    secret = secret_store(server_url, workstation_id).load()
    return {"workstation_id": workstation_id, **({"workstation_secret": secret} if secret else {})}
