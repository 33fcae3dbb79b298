"""Login, token lifetimes, refresh rotation and the five-strikes lock-out, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import json

from tests.integration.server.conftest import PASSWORD, Server


def _claims(token: str) -> dict[str, object]:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_login_returns_tokens_with_roles(server: Server) -> None:
    user_id = server.create_user("sara", ["formation.clerk", "inspection.inspector"])
    body = server.login("Sara")  # usernames are case-insensitive
    assert body["user"] == {
        "id": user_id,
        "username": "sara",
        "full_name": "Sara",
        "roles": ["formation.clerk", "inspection.inspector"],
        "units": ["formation", "inspection"],
    }
    assert body["expires_in"] == 15 * 60
    claims = _claims(body["access_token"])
    assert claims["sub"] == user_id and claims["ws"] is None
    assert claims["exp"] - claims["iat"] == 15 * 60
    me = server.client.get("/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["roles"] == ["formation.clerk", "inspection.inspector"]
    assert "auth.login" in server.audit_actions()


def test_password_hash_is_argon2id_and_default_cost_is_owasp(server: Server) -> None:
    from server.config import Settings
    from server.db.models import User

    server.create_user("sara", ["formation.clerk"])
    with server.ctx.session() as session:
        stored = session.query(User).one().password_hash
    assert stored.startswith("$argon2id$")
    defaults = Settings(data_dir=server.ctx.settings.data_dir)
    assert (defaults.argon2_time_cost, defaults.argon2_memory_kib, defaults.argon2_parallelism) == (2, 19456, 1)
    assert defaults.uses_owasp_argon2


def test_wrong_password_and_unknown_user_look_alike(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    wrong = server.client.post("/auth/login", json={"username": "sara", "password": "nope-nope"})
    unknown = server.client.post("/auth/login", json={"username": "nobody", "password": "nope-nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["code"] == unknown.json()["code"] == "auth.invalid_credentials"
    assert wrong.json()["params"] == unknown.json()["params"] == {}
    assert server.audit_actions().count("auth.login_failed") == 2


def test_five_wrong_passwords_lock_for_fifteen_minutes(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    codes = []
    for _ in range(5):
        response = server.client.post("/auth/login", json={"username": "sara", "password": "wrong-password"})
        codes.append((response.status_code, response.json()["code"]))
    assert codes[:4] == [(401, "auth.invalid_credentials")] * 4
    assert codes[4] == (423, "auth.account_locked")
    # The right password does not help while locked; the answer says how long is left.
    server.clock.advance(minutes=4, seconds=30)
    locked = server.client.post("/auth/login", json={"username": "sara", "password": PASSWORD})
    assert locked.status_code == 423
    assert locked.json()["code"] == "auth.account_locked"
    assert locked.json()["params"]["minutes_left"] == 11
    assert "11" in locked.json()["message"]
    server.clock.advance(minutes=10, seconds=29)
    still = server.client.post("/auth/login", json={"username": "sara", "password": PASSWORD})
    assert still.status_code == 423 and still.json()["params"]["minutes_left"] == 1
    server.clock.advance(seconds=2)
    assert server.client.post("/auth/login", json={"username": "sara", "password": PASSWORD}).status_code == 200
    actions = server.audit_actions()
    assert actions.count("auth.login_failed") == 5
    assert actions.count("auth.account_locked") == 1
    assert actions.count("auth.login_refused_locked") == 2
    assert server.audit_intact()


def test_lock_out_counter_resets_after_success(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    for _ in range(4):
        server.client.post("/auth/login", json={"username": "sara", "password": "wrong-password"})
    server.login("sara")
    for _ in range(4):
        response = server.client.post("/auth/login", json={"username": "sara", "password": "wrong-password"})
        assert response.status_code == 401
    assert server.login("sara")["access_token"]


def test_admin_unlock_lifts_the_lock(server: Server) -> None:
    server.create_user("root", ["admin"])
    user_id = server.create_user("sara", ["formation.clerk"])
    admin = server.headers("root")
    for _ in range(5):
        server.client.post("/auth/login", json={"username": "sara", "password": "wrong-password"})
    assert server.client.post("/auth/login", json={"username": "sara", "password": PASSWORD}).status_code == 423
    assert server.client.post(f"/admin/users/{user_id}/unlock", headers=admin).status_code == 200
    assert server.login("sara")


def test_access_token_expires_after_fifteen_minutes(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    headers = server.headers("sara")
    server.clock.advance(minutes=14, seconds=59)
    assert server.client.get("/auth/me", headers=headers).status_code == 200
    server.clock.advance(seconds=1)
    expired = server.client.get("/auth/me", headers=headers)
    assert expired.status_code == 401
    assert expired.json()["code"] == "auth.token_expired"
    assert expired.headers["www-authenticate"] == "Bearer"


def test_tampered_or_missing_token_is_refused(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    token = server.login("sara")["access_token"]
    header, _payload, signature = token.split(".")
    claims = _claims(token)
    claims["roles"] = ["admin"]
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    forged = f"{header}.{forged_payload}.{signature}"
    response = server.client.get("/admin/users", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401 and response.json()["code"] == "auth.token_invalid"
    assert server.client.get("/auth/me").json()["code"] == "auth.required"


def test_refresh_rotates_and_reuse_ends_the_family(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    first = server.login("sara")
    server.clock.advance(minutes=20)
    second = server.client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    second_body = second.json()
    assert second_body["refresh_token"] != first["refresh_token"]
    headers = {"Authorization": f"Bearer {second_body['access_token']}"}
    assert server.client.get("/auth/me", headers=headers).status_code == 200
    # The old refresh token comes back (a copy): refused, and the new one stops working too.
    reuse = server.client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401 and reuse.json()["code"] == "auth.refresh_reused"
    after = server.client.post("/auth/refresh", json={"refresh_token": second_body["refresh_token"]})
    assert after.status_code == 401 and after.json()["code"] == "auth.refresh_invalid"
    assert "auth.refresh_reuse" in server.audit_actions()


def test_refresh_picks_up_role_changes_and_disabled_accounts(server: Server) -> None:
    server.create_user("root", ["admin"])
    user_id = server.create_user("sara", ["formation.clerk"])
    admin = server.headers("root")
    pair = server.login("sara")
    changed = server.client.patch(
        f"/admin/users/{user_id}", headers=admin, json={"roles": ["formation.clerk", "formation.head"]}
    )
    assert changed.status_code == 200
    refreshed = server.client.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]}).json()
    assert refreshed["user"]["roles"] == ["formation.clerk", "formation.head"]
    server.client.patch(f"/admin/users/{user_id}", headers=admin, json={"active": False})
    disabled = server.client.get("/auth/me", headers={"Authorization": f"Bearer {refreshed['access_token']}"})
    assert disabled.status_code == 401 and disabled.json()["code"] == "auth.account_disabled"
    again = server.client.post("/auth/refresh", json={"refresh_token": refreshed["refresh_token"]})
    assert again.status_code == 403 and again.json()["code"] == "auth.account_disabled"


def test_refresh_token_expires(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    pair = server.login("sara")
    server.clock.advance(days=30, seconds=1)
    response = server.client.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert response.status_code == 401 and response.json()["code"] == "auth.refresh_expired"


def test_logout_ends_the_session(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    pair = server.login("sara")
    assert server.client.post("/auth/logout", json={"refresh_token": pair["refresh_token"]}).status_code == 204
    response = server.client.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert response.status_code == 401
    assert "auth.logout" in server.audit_actions()


def test_change_own_password(server: Server) -> None:
    server.create_user("sara", ["formation.clerk"])
    headers = server.headers("sara")
    bad = server.client.post("/auth/password", headers=headers, json={"old_password": "x", "new_password": "y" * 9})
    assert bad.status_code == 401
    ok = server.client.post(
        "/auth/password", headers=headers, json={"old_password": PASSWORD, "new_password": "new password 1"}
    )
    assert ok.status_code == 204
    assert server.login("sara", "new password 1")
