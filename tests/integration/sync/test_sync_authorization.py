"""Every role × every sync endpoint and a workflow action pushed as a command, from one table, on both databases.

The core endpoints have their own table (tests/integration/server/test_authorization.py); this one covers ``/sync/*``:
a workstation token is needed for all of them, the audit unit's list of broken chains needs an auditor, and a pushed
action is accepted exactly when the workflow lets one of the author's roles take it in a unit the author belongs to.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import select
from sync_harness import Account, ServerProcess, Station

from app.domain import units
from app.domain import workflows as wf
from app.domain.errors import WorkflowError
from app.domain.units import OFFICE_HEAD, units_of_roles
from server.db.models import AuditEntry as ServerAudit
from server.security import AccessClaims

ALL_ROLES = sorted(units.ROLES)
AUDITORS = frozenset({"admin", "audit.auditor", "audit.head", OFFICE_HEAD})
ENDPOINTS = [("GET", "/sync/status"), ("GET", "/sync/pull"), ("POST", "/sync/push"), ("GET", "/sync/audit/breaks")]
WORKFLOW = wf.get_workflow("simple_request.formation")
HEADERS = {"X-Ecity-Protocol": "1", "X-Ecity-Schema": "1"}
_HTTP = httpx.Client()  # one connection pool for the few hundred requests of the table


def action_allowed(role: str) -> bool:
    """From the workflow itself: may a holder of ``role`` alone take "start_review" on a received formation case?"""
    if role != OFFICE_HEAD and "formation" not in units_of_roles({role}):
        return False  # a unit the author does not belong to (the office head oversees every unit)
    snapshot = wf.CaseSnapshot("c", WORKFLOW.id, "received", 1, None, frozenset(), {})
    try:
        wf.apply(WORKFLOW, snapshot, wf.Actor("u", "u", "U", frozenset({role})), "start_review",
                 at=_now(), workstation_id="1")  # fmt: skip
    except WorkflowError:
        return False
    return True


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def call(server: ServerProcess, token: str, method: str, path: str, body: object = None) -> httpx.Response:
    kwargs: dict[str, object] = {"headers": {**HEADERS, "Authorization": f"Bearer {token}"}, "timeout": 30}
    if method == "POST":
        kwargs["json"] = body if body is not None else {"entries": []}
    if path == "/sync/pull":
        kwargs["params"] = {"cursor": 0, "limit": 1}
    return _HTTP.request(method, f"{server.url}{path}", **kwargs)  # type: ignore[arg-type]


def no_workstation_token(server: ServerProcess, account: Account) -> str:
    now = int(time.time())
    claims = AccessClaims(account.user_id, account.username, tuple(sorted(account.roles)), None, None, now, now + 600)
    return server.ctx.signer.issue(claims)


@pytest.mark.slow
def test_every_role_against_every_sync_endpoint_and_action(
    any_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    server = any_server
    opener = server.add_user(f"authz-opener-{server.port}", {"formation.clerk"})
    station = make_station(server, account=opener)
    outcomes: dict[str, tuple[str, ...]] = {}
    cases = {role: station.open_case(opener, summary=role) for role in ALL_ROLES}
    station.sync()
    for role in ALL_ROLES:
        account = server.add_user(f"authz-{role}-{server.port}", {role})
        token = station.token(account)
        statuses = {}
        for method, path in ENDPOINTS:
            statuses[path] = call(server, token, method, path).status_code
            # without a workstation (a browser, a script) nothing of sync is open to anyone
            assert call(server, no_workstation_token(server, account), method, path).status_code == 403, (role, path)
        assert statuses["/sync/status"] == statuses["/sync/pull"] == statuses["/sync/push"] == 200, role
        assert statuses["/sync/audit/breaks"] == (200 if role in AUDITORS else 403), role

        # the action, pushed as a command by this role's user on a case still in "received"
        answer = push_action(server, token, station, cases[role], account)
        outcomes[role] = (answer["status"], answer["code"])
        if action_allowed(role):
            assert answer["status"] == "accepted", (role, answer)
        else:
            assert answer["status"] == "refused", (role, answer)
            assert answer["code"] in {"workflow.role_not_allowed", "sync.unit_forbidden"}, (role, answer)
    allowed = sorted(r for r, (status, _) in outcomes.items() if status == "accepted")
    assert allowed == ["formation.clerk", "formation.head"]  # the workflow's own roles for the action
    with server.session() as session:  # every security refusal is in the server's audit trail
        refused = session.scalars(select(ServerAudit).where(ServerAudit.action == "sync.refused")).all()
        audited_users = {e.username for e in refused}
    for role, (status, _) in outcomes.items():
        if status == "refused":
            assert f"authz-{role}-{server.port}" in audited_users, role


def push_action(server: ServerProcess, token: str, station: Station, case_id: str, account: Account) -> dict:  # type: ignore[type-arg]
    entry = {
        "seq": 1,
        "idempotency_key": str(uuid.uuid4()),
        "kind": "action",
        "entity": "case_file",
        "entity_id": case_id,
        "payload": {
            "case_id": case_id, "action": "start_review", "from_state": "received", "to_state": "in_review",
            "base_version": 1, "event_id": str(uuid.uuid4()), "event_seq": 2, "note": None, "assignee_id": None,
            "hlc": station.clock.now(), "at": _now().isoformat(), "actor_id": account.user_id,
            "workstation_no": station.number, "state_due_date": None, "data": {},
        },
    }  # fmt: skip
    response = call(server, token, "POST", "/sync/push", {"entries": [entry]})
    response.raise_for_status()
    result: dict = response.json()["results"][0]  # type: ignore[type-arg]
    return result
