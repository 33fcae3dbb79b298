"""Log-in with lock-out, and the audit hash chain (a changed, deleted or inserted entry is found)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from svc_office import PASSWORD, Office

from app.domain.errors import DomainError
from app.models import AuditEntry
from app.services.context import PRODUCTION_HASHER_PARAMS, production_hasher
from app.services.messages_fa import message_fa


def test_production_hasher_uses_owasp_argon2id() -> None:
    assert PRODUCTION_HASHER_PARAMS == {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}
    assert production_hasher().hash("x" * 8).startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_login_and_lockout(office: Office) -> None:
    s = office.s
    actor = s.auth.login("INTAKE ", PASSWORD)
    assert actor.username == "intake" and "formation.clerk" in actor.roles
    for attempt in range(4):
        with pytest.raises(DomainError) as err:
            s.auth.login("intake", "wrong")
        assert err.value.code == "auth.bad_credentials" and err.value.params["attempts_left"] == 4 - attempt
    with pytest.raises(DomainError) as err:
        s.auth.login("intake", "wrong")
    assert err.value.code == "auth.locked" and err.value.params["minutes_left"] == 15
    office.clock.advance(minutes=10)
    with pytest.raises(DomainError) as err:
        s.auth.login("intake", PASSWORD)  # even the right password waits
    assert err.value.code == "auth.locked" and err.value.params["minutes_left"] == 5
    assert "۵ دقیقه" in message_fa(err.value)
    office.clock.advance(minutes=5, seconds=1)
    assert s.auth.login("intake", PASSWORD).username == "intake"
    with pytest.raises(DomainError) as err:
        s.auth.login("nobody", PASSWORD)
    assert err.value.code == "auth.bad_credentials"
    s.admin.set_active(office.admin, office.clerk.user_id, False)
    with pytest.raises(DomainError) as err:
        s.auth.login("intake", PASSWORD)
    assert err.value.code == "auth.inactive"
    with s.uow(writer=False) as uow:
        actions = [a for a in uow.session.scalars(select(AuditEntry.action)) if a.startswith("auth.")]
    assert actions.count("auth.login_failed") == 8 and actions.count("auth.login") >= 2
    assert s.audit.verify_chain().ok


def test_password_change_and_admin_rules(office: Office) -> None:
    s = office.s
    with pytest.raises(DomainError) as err:
        s.auth.set_password(office.clerk, office.clerk.user_id, "new-password", old_password="bad")
    assert err.value.code == "password.old_wrong"
    s.auth.set_password(office.clerk, office.clerk.user_id, "new-password", old_password=PASSWORD)
    assert s.auth.login("intake", "new-password")
    with pytest.raises(DomainError) as err:
        s.auth.set_password(office.clerk, office.inspector.user_id, "new-password")
    assert err.value.code == "auth.forbidden"
    with pytest.raises(DomainError) as err:
        s.auth.create_user(office.clerk, "x1", "کاربر", PASSWORD, ["formation.clerk"])
    assert err.value.code == "auth.forbidden"
    with pytest.raises(DomainError) as err:
        s.auth.create_user(office.admin, "x1", "کاربر", "short", ["no.such_role"])
    assert set(err.value.params["errors"]) == {"roles", "password"}
    s.admin.set_roles(office.admin, office.clerk.user_id, ["formation.clerk", "archive.operator"])
    assert s.auth.login("intake", "new-password").units == {"formation", "archive"}


def test_audit_chain_names_the_changed_entry(office: Office) -> None:
    office.open_building_case(office.person(), office.property())
    report = office.s.audit.verify_chain()
    assert report.ok and report.checked > 10 and report.first_broken_seq is None
    with office.s.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET details = json_set(details, '$.hacked', 1) WHERE seq = 7"))
    report = office.s.audit.verify_chain()
    assert (report.ok, report.first_broken_seq, report.reason, report.checked) == (False, 7, "hash_mismatch", 6)


def test_audit_chain_finds_a_deleted_entry(office: Office) -> None:
    office.person()
    with office.s.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 4"))
    report = office.s.audit.verify_chain()
    assert (report.ok, report.first_broken_seq, report.reason) == (False, 4, "missing_entries")


def test_audit_chain_finds_a_rewritten_tail(office: Office) -> None:
    """Recomputing one entry's hash is not enough: the next entry's prev_hash no longer matches."""
    from app.services.audit import entry_fields, entry_hash

    office.person()
    with office.s.uow() as uow:
        entry = uow.session.scalars(select(AuditEntry).where(AuditEntry.seq == 3)).one()
        entry.username = "someone-else"
        entry.hash = entry_hash(entry_fields(entry), entry.prev_hash)
        uow.commit()
    report = office.s.audit.verify_chain()
    assert (report.first_broken_seq, report.reason) == (4, "prev_hash_mismatch")


def test_audit_log_is_for_the_audit_unit(office: Office) -> None:
    with pytest.raises(DomainError) as err:
        office.s.audit.list_entries(office.clerk)
    assert err.value.code == "audit.forbidden"
    entries = office.s.audit.list_entries(office.head, action_prefix="user.")
    assert {e.action for e in entries} == {"user.created"} and len(entries) == 9
