"""Workstation enrolment: request, admin approval, unique workstation numbers, and logging in from a workstation."""

from __future__ import annotations

import base64
import concurrent.futures
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tests.integration.server.conftest import PASSWORD, Server


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _enrol(server: Server, name: str, public_key: str | None = None) -> dict[str, object]:
    response = server.client.post("/enrolment", json={"name": name, "public_key": public_key})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def test_enrol_with_secret_then_approve_and_log_in(server: Server) -> None:
    server.create_user("root", ["admin"])
    server.create_user("sara", ["formation.clerk"])
    admin = server.headers("root")
    request = _enrol(server, "counter-1")
    assert request["status"] == "pending" and request["number"] is None and request["secret"]
    ws_id = request["workstation_id"]
    poll = server.client.get(f"/enrolment/{ws_id}").json()
    assert poll == {"workstation_id": ws_id, "status": "pending", "number": None, "secret": None}
    # Not approved yet: logging in from it is refused.
    pending = server.client.post(
        "/auth/login",
        json={
            "username": "sara",
            "password": PASSWORD,
            "workstation_id": ws_id,
            "workstation_secret": request["secret"],
        },
    )
    assert pending.status_code == 403 and pending.json()["code"] == "workstation.not_approved"

    listed = server.client.get("/admin/workstations", params={"status": "pending"}, headers=admin).json()
    assert [w["id"] for w in listed] == [ws_id]
    approved = server.client.post(f"/admin/workstations/{ws_id}/approve", headers=admin)
    assert approved.status_code == 200 and approved.json()["number"] == 1
    assert server.client.get(f"/enrolment/{ws_id}").json()["number"] == 1

    body = server.login("sara", workstation_id=ws_id, workstation_secret=request["secret"])
    assert body["workstation_no"] == 1
    me = server.client.get("/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}).json()
    assert me["workstation_no"] == 1 and me["workstation_id"] == ws_id
    # The token's workstation survives a refresh.
    again = server.client.post("/auth/refresh", json={"refresh_token": body["refresh_token"]}).json()
    assert again["workstation_no"] == 1

    wrong = server.client.post(
        "/auth/login",
        json={"username": "sara", "password": PASSWORD, "workstation_id": ws_id, "workstation_secret": "guess"},
    )
    assert wrong.status_code == 401 and wrong.json()["code"] == "workstation.proof_invalid"
    actions = server.audit_actions()
    assert {"workstation.enrolment_requested", "workstation.approved", "auth.workstation_refused"} <= set(actions)


def test_enrol_with_public_key_and_signed_login(server: Server) -> None:
    server.create_user("root", ["admin"])
    server.create_user("sara", ["inspection.inspector"])
    key = Ed25519PrivateKey.generate()
    public = _b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    request = _enrol(server, "inspector-laptop", public)
    assert request["secret"] is None
    ws_id = str(request["workstation_id"])
    server.client.post(f"/admin/workstations/{ws_id}/approve", headers=server.headers("root"))

    from server.services.workstations import login_message

    now = int(server.clock.now().timestamp())
    signature = _b64(key.sign(login_message(ws_id, "sara", now)))
    body = server.login("sara", workstation_id=ws_id, workstation_signature=signature, signed_at=now)
    assert body["workstation_no"] == 1
    # A signature from another key, or one too old, is refused.
    other = _b64(Ed25519PrivateKey.generate().sign(login_message(ws_id, "sara", now)))
    forged = server.client.post(
        "/auth/login",
        json={"username": "sara", "password": PASSWORD, "workstation_id": ws_id, "workstation_signature": other,
              "signed_at": now},
    )  # fmt: skip
    assert forged.status_code == 401 and forged.json()["code"] == "workstation.proof_invalid"
    server.clock.advance(minutes=6)
    stale = server.client.post(
        "/auth/login",
        json={"username": "sara", "password": PASSWORD, "workstation_id": ws_id, "workstation_signature": signature,
              "signed_at": now},
    )  # fmt: skip
    assert stale.status_code == 401 and stale.json()["code"] == "workstation.proof_expired"


def test_bad_public_key_is_refused(server: Server) -> None:
    response = server.client.post("/enrolment", json={"name": "x", "public_key": "not-a-key"})
    assert response.status_code == 422 and response.json()["code"] == "workstation.public_key_invalid"


def test_numbers_are_sequential_and_never_reused(server: Server) -> None:
    server.create_user("root", ["admin"])
    admin = server.headers("root")
    ids = [str(_enrol(server, f"counter-{i}")["workstation_id"]) for i in range(4)]
    numbers = [server.client.post(f"/admin/workstations/{i}/approve", headers=admin).json()["number"] for i in ids[:3]]
    assert numbers == [1, 2, 3]
    # Approving twice changes nothing; a rejected request gets no number.
    assert server.client.post(f"/admin/workstations/{ids[0]}/approve", headers=admin).json()["number"] == 1
    rejected = server.client.post(f"/admin/workstations/{ids[3]}/reject", headers=admin, json={"reason": "unknown pc"})
    assert rejected.json()["status"] == "rejected" and rejected.json()["number"] is None
    again = server.client.post(f"/admin/workstations/{ids[3]}/approve", headers=admin)
    assert again.status_code == 409 and again.json()["code"] == "workstation.not_pending"
    # A revoked workstation keeps its number: the next one is 4, not 3.
    revoked = server.client.post(f"/admin/workstations/{ids[2]}/revoke", headers=admin, json={"reason": "stolen"})
    assert revoked.json()["status"] == "revoked" and revoked.json()["number"] == 3
    new = str(_enrol(server, "counter-new")["workstation_id"])
    assert server.client.post(f"/admin/workstations/{new}/approve", headers=admin).json()["number"] == 4


def test_revoking_a_workstation_ends_its_sessions(server: Server) -> None:
    server.create_user("root", ["admin"])
    server.create_user("sara", ["formation.clerk"])
    admin = server.headers("root")
    request = _enrol(server, "counter-1")
    ws_id = request["workstation_id"]
    server.client.post(f"/admin/workstations/{ws_id}/approve", headers=admin)
    pair = server.login("sara", workstation_id=ws_id, workstation_secret=request["secret"])
    server.client.post(f"/admin/workstations/{ws_id}/revoke", headers=admin, json={"reason": "stolen"})
    response = server.client.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert response.status_code == 401


def test_concurrent_approvals_get_unique_numbers(server: Server) -> None:
    """Twelve approvals at once (threads, separate sessions): twelve different numbers, 1..12."""
    from server.services import workstations
    from server.services.audit import Actor

    ids = [str(_enrol(server, f"counter-{i}")["workstation_id"]) for i in range(12)]

    def approve(ws_id: str) -> int:
        with server.ctx.session() as session:
            for _ in range(20):
                try:
                    number = workstations.approve(session, server.ctx, ws_id, actor=Actor(username="root")).number
                    assert number is not None
                    return number
                except Exception as exc:  # PostgreSQL serialisation: retry like a client would
                    if getattr(exc, "code", "") != "workstation.number_busy":
                        raise
                    session.rollback()
                    time.sleep(0.01)
            raise AssertionError("never approved")

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        numbers = sorted(pool.map(approve, ids))
    assert numbers == list(range(1, 13))
    assert server.audit_intact()


@pytest.mark.parametrize("status", ["pending", "approved", "bogus"])
def test_list_filter(server: Server, status: str) -> None:
    server.create_user("root", ["admin"])
    admin = server.headers("root")
    _enrol(server, "a")
    response = server.client.get("/admin/workstations", params={"status": status}, headers=admin)
    if status == "bogus":
        assert response.status_code == 422
    else:
        assert len(response.json()) == (1 if status == "pending" else 0)
