"""Every role × every endpoint, from one table: allowed → neither 401 nor 403; refused → 403, and audited.

The table is written here by hand, independent of the ``require(...)`` calls in the routers; a new core endpoint
that is missing from it fails ``test_table_covers_every_endpoint`` (the sync package's ``/sync/*`` endpoints have
their own table with the sync tests).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from typing import Any

import pytest

from app.domain import units
from tests.integration.server.conftest import PASSWORD, Server

PUBLIC = "public"  # no login needed
ANY = "any"  # any logged-in user
ADMIN = frozenset({"admin"})
# The audit unit's roles, and the office head (who oversees every unit but administration).
AUDITORS = frozenset({"admin", "audit.auditor", "audit.head", "office_head"})
REVOKERS = frozenset({"certificates.head", "office_head"})

POLICY: dict[tuple[str, str], str | frozenset[str]] = {
    ("GET", "/health"): PUBLIC,
    ("GET", "/roles"): ANY,
    ("POST", "/auth/login"): PUBLIC,
    ("POST", "/auth/refresh"): PUBLIC,
    ("POST", "/auth/logout"): PUBLIC,
    ("GET", "/auth/me"): ANY,
    ("POST", "/auth/password"): ANY,
    ("POST", "/enrolment"): PUBLIC,
    ("GET", "/enrolment/{workstation_id}"): PUBLIC,
    ("GET", "/admin/workstations"): ADMIN,
    ("POST", "/admin/workstations/{workstation_id}/approve"): ADMIN,
    ("POST", "/admin/workstations/{workstation_id}/reject"): ADMIN,
    ("POST", "/admin/workstations/{workstation_id}/revoke"): ADMIN,
    ("GET", "/admin/users"): ADMIN,
    ("POST", "/admin/users"): ADMIN,
    ("GET", "/admin/users/{user_id}"): ADMIN,
    ("PATCH", "/admin/users/{user_id}"): ADMIN,
    ("POST", "/admin/users/{user_id}/password"): ADMIN,
    ("POST", "/admin/users/{user_id}/unlock"): ADMIN,
    ("GET", "/admin/audit"): AUDITORS,
    ("GET", "/admin/audit/verify"): AUDITORS,
    ("POST", "/files/missing"): ANY,
    ("POST", "/files/{sha256}/upload"): ANY,
    ("GET", "/files/{sha256}/upload"): ANY,
    ("PUT", "/files/{sha256}/upload"): ANY,
    ("GET", "/files/{sha256}"): ANY,
    ("GET", "/tiles/{z}/{x}/{y}.png"): PUBLIC,
    ("GET", "/verify"): PUBLIC,
    ("GET", "/certificates/revocations"): PUBLIC,
    ("POST", "/certificates/revocations"): REVOKERS,
}

ALL_ROLES = sorted(units.ROLES)
_counter = itertools.count()


class Fixtures:
    """Objects the requests point at, made once per test."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.victim_id = server.create_user("victim", ["formation.clerk"])
        enrol = server.client.post("/enrolment", json={"name": "target"}).json()
        self.ws_id = enrol["workstation_id"]
        self.content = b"scanned deed page"
        self.sha = hashlib.sha256(self.content).hexdigest()


def build_request(fx: Fixtures, method: str, path: str) -> dict[str, Any]:
    """A request that succeeds for whoever is allowed to make it."""
    n = next(_counter)
    concrete = (
        path.replace("{workstation_id}", fx.ws_id)
        .replace("{user_id}", fx.victim_id)
        .replace("{sha256}", fx.sha)
        .replace("{z}/{x}/{y}", "0/0/0")
    )
    request: dict[str, Any] = {"method": method, "url": concrete}
    bodies: dict[tuple[str, str], Callable[[], dict[str, Any]]] = {
        ("POST", "/auth/login"): lambda: {"username": "victim", "password": PASSWORD},
        ("POST", "/auth/refresh"): lambda: {"refresh_token": fx.server.login("victim")["refresh_token"]},
        ("POST", "/auth/logout"): lambda: {"refresh_token": f"unknown-{n}"},
        ("POST", "/auth/password"): lambda: {"old_password": PASSWORD, "new_password": PASSWORD},
        ("POST", "/enrolment"): lambda: {"name": f"ws-{n}"},
        ("POST", "/admin/workstations/{workstation_id}/reject"): lambda: {"reason": "test"},
        ("POST", "/admin/workstations/{workstation_id}/revoke"): lambda: {"reason": "test"},
        ("POST", "/admin/users"): lambda: {"username": f"new-{n}", "password": PASSWORD, "roles": ["vehicle.clerk"]},
        ("PATCH", "/admin/users/{user_id}"): lambda: {"full_name": f"Victim {n}"},
        ("POST", "/admin/users/{user_id}/password"): lambda: {"password": PASSWORD},
        ("POST", "/files/missing"): lambda: {"hashes": [fx.sha]},
        ("POST", "/files/{sha256}/upload"): lambda: {"size": len(fx.content)},
        ("POST", "/certificates/revocations"): lambda: {"serial": f"S-{n}", "reason": "issued in error"},
    }
    if (method, path) in bodies:
        request["json"] = bodies[(method, path)]()
    if (method, path) == ("PUT", "/files/{sha256}/upload"):
        request["params"] = {"offset": 0}
        request["content"] = b""
    if path == "/verify":
        request["params"] = {"payload": "EC1.x.y"}
    return request


def allowed(policy: str | frozenset[str], role: str) -> bool:
    return policy in (PUBLIC, ANY) or role in policy  # type: ignore[operator]


def test_table_covers_every_endpoint(server: Server) -> None:
    spec = server.client.get("/openapi.json").json()
    documented = {
        (method.upper(), path) for path, ops in spec["paths"].items() if not path.startswith("/sync/") for method in ops
    }
    assert documented == set(POLICY)


@pytest.mark.slow
def test_every_role_against_every_endpoint(make_server: Callable[..., Server], tmp_path: Any) -> None:
    from tests.integration.server.test_public import make_mbtiles

    server = make_server(tiles_mbtiles=make_mbtiles(tmp_path / "t.mbtiles"))
    fx = Fixtures(server)
    tokens: dict[str, str] = {}
    for role in ALL_ROLES:
        username = "u-" + role.replace(".", "-").replace("_", "-")
        server.create_user(username, [role])
        tokens[role] = server.login(username)["access_token"]

    refusals: list[tuple[str, str, str]] = []
    failures: list[str] = []
    for (method, path), policy in POLICY.items():
        # Without a token: public endpoints answer, all others say 401 auth.required.
        response = server.client.request(**build_request(fx, method, path))
        if policy == PUBLIC:
            if response.status_code in (401, 403):
                failures.append(f"anonymous {method} {path}: {response.status_code} {response.text}")
        elif response.status_code != 401 or response.json()["code"] != "auth.required":
            failures.append(f"anonymous {method} {path}: expected 401, got {response.status_code}")
        if policy == PUBLIC:
            continue
        for role in ALL_ROLES:
            request = build_request(fx, method, path)
            request["headers"] = {"Authorization": f"Bearer {tokens[role]}"}
            response = server.client.request(**request)
            if allowed(policy, role):
                if response.status_code in (401, 403):
                    failures.append(f"{role} {method} {path}: refused {response.status_code} {response.text}")
            else:
                if response.status_code != 403 or response.json()["code"] != "auth.forbidden":
                    failures.append(f"{role} {method} {path}: expected 403, got {response.status_code}")
                refusals.append((role, method, request["url"]))
    assert not failures, "\n".join(failures)
    assert refusals, "the table refuses nothing?"

    # Every refusal is in the server audit, with who and what.
    from server.db.models import AuditEntry

    with server.ctx.session() as session:
        rows = session.query(AuditEntry).filter(AuditEntry.action == "auth.forbidden").all()
        audited = sorted((r.details["roles"][0], r.entity_id) for r in rows)
    assert audited == sorted((role, f"{method} {url}"[:64]) for role, method, url in refusals)
    assert server.audit_intact()


@pytest.mark.parametrize("needed", [("formation",), ("inspection.head",), ("office_head",), ()])
def test_require_dependency_semantics(needed: tuple[str, ...]) -> None:
    """Units admit any of their roles; global roles reach the units units_of_roles gives them."""
    from server.auth import Principal

    def principal(*roles: str) -> Principal:
        return Principal("u", "u", frozenset(roles), units.units_of_roles(roles), None)

    clerk = principal("formation.clerk")
    head = principal("office_head")
    inspector = principal("inspection.inspector")
    assert clerk.has_any(needed) == (needed in {("formation",), ()})
    assert head.has_any(needed) == (needed != ("inspection.head",))
    assert inspector.has_any(needed) == (needed == ())


def test_require_rejects_unknown_names() -> None:
    from server.auth import require

    with pytest.raises(ValueError):
        require("inspection.boss")
