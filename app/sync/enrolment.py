"""Enrolling this workstation with the server: ask once, an administrator approves, the number comes back.

The workstation's secret (shown once by the server) is a credential: it goes to the keyring beside the refresh token,
never into a file; the workstation id and server URL are plain facts kept in ``sync_state``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import Engine, func, select

from app.models import AuditEntry, Case, TrackingCounter, Workstation, uuid7
from app.sync import state
from app.sync.credentials import CredentialStore
from app.sync.target import NUMBER_KEY, SERVER_URL_KEY, WORKSTATION_ID_KEY
from app.sync.transport import Transport

log = logging.getLogger(__name__)

__all__ = ["NUMBER_KEY", "SERVER_URL_KEY", "WORKSTATION_ID_KEY"]


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
    out = {k: v for k, v in answer.items() if k != "secret"}
    if answer.get("number") is not None:
        out["local_number"] = adopt_number(engine, int(answer["number"]), transport.base_url)
    return out


def enrolment_status(engine: Engine, transport: Transport) -> dict[str, Any]:
    with engine.connect() as conn:
        workstation_id = state.get(conn, WORKSTATION_ID_KEY)
    if not workstation_id:
        return {"status": "not_enrolled"}
    answer: dict[str, Any] = transport.request("GET", f"/enrolment/{workstation_id}", authenticated=False)
    out = {k: v for k, v in answer.items() if k != "secret"}
    if answer.get("number") is not None:
        with engine.connect().execution_options(writer=True) as conn, conn.begin():
            state.put(conn, NUMBER_KEY, answer["number"])
        out["local_number"] = adopt_number(engine, int(answer["number"]), transport.base_url)
    return out


def adopt_number(engine: Engine, number: int, server_url: str, office_code: str = "0101") -> int:
    """Make the number the server gave this workstation its own (tracking numbers carry it), while nothing here
    carries the old one yet: no case opened, no tracking number counted, no audit entry written. A workstation
    already in use keeps its number (renumbering it is an administrator's job); returns the number in force."""
    with engine.connect().execution_options(writer=True) as conn, conn.begin():
        me = conn.execute(select(Workstation.__table__).where(Workstation.is_self.is_(True))).mappings().first()
        now = dt.datetime.now(dt.UTC)
        if me is None:
            conn.execute(
                Workstation.__table__.insert().values(
                    id=uuid7(), number=number, name=f"workstation {number}", office_code=office_code, is_self=True,
                    enrolled_at=now, server_url=server_url,
                )
            )  # fmt: skip
            return number
        values: dict[str, Any] = {"enrolled_at": now, "server_url": server_url}
        old = int(me["number"])
        if old != number:
            used = sum(
                int(conn.execute(select(func.count()).select_from(model).where(model.workstation_no == old)).scalar()
                    or 0)
                for model in (Case, TrackingCounter, AuditEntry)
            )  # fmt: skip
            taken = conn.execute(
                select(func.count()).select_from(Workstation).where(Workstation.number == number,
                                                                    Workstation.id != me["id"])
            ).scalar()  # fmt: skip
            if used or taken:
                log.warning("workstation %s is in use here; it keeps its number (the server gave %s)", old, number)
            else:
                values["number"] = number
                values["name"] = f"workstation {number}"
        conn.execute(Workstation.__table__.update().where(Workstation.id == me["id"]).values(**values))
        return int(values.get("number", old))


def login_proof(engine: Engine, server_url: str) -> dict[str, str]:
    """The workstation part of a login body (id and secret), or nothing when this workstation is not enrolled."""
    with engine.connect() as conn:
        workstation_id = state.get(conn, WORKSTATION_ID_KEY)
    if not workstation_id:
        return {}
    secret = secret_store(server_url, workstation_id).load()
    return {"workstation_id": workstation_id, **({"workstation_secret": secret} if secret else {})}
