"""After an online log-in: keep the server's account on this workstation, under the server's id, with a local argon2id
verifier of the password, so the clerk can sign in here offline later and what they do is pushed under their own
server identity. Accounts are never pushed back (the server owns them)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.models import User, UserRole

log = logging.getLogger(__name__)


def keep_account(
    engine: Engine, user: dict[str, Any], password: str, *, hash_password: Callable[[str], str] | None = None
) -> str:
    """Store or refresh the local copy of ``user`` (the ``user`` of the server's login answer). Returns "created",
    "updated", or "clash" when a different local account already has that user name (nothing is changed then)."""
    hasher = hash_password or PasswordHasher().hash  # argon2id, RFC 9106 parameters (above the OWASP floor)
    user_id = str(user["id"])
    username = str(user["username"])
    roles = {str(r) for r in user.get("roles") or []}
    with Session(engine) as session:
        session.connection(execution_options={"writer": True})
        local = session.get(User, user_id)
        same_name = session.scalar(select(User).where(User.username == username))
        if same_name is not None and same_name.id != user_id:
            log.warning("local account %s has another id than the server's; not replaced", username)
            return "clash"
        outcome = "updated"
        if local is None:
            local = User(id=user_id, username=username, full_name="", active=True, failed_logins=0, dirty=False)
            session.add(local)
            outcome = "created"
        local.full_name = str(user.get("full_name") or username)
        local.password_hash = hasher(password)
        local.active = True
        local.deleted = False
        local.failed_logins = 0
        local.locked_until = None
        local.dirty = False
        have = {r.role: r for r in local.roles}
        for name, row in have.items():
            row.deleted = name not in roles
            row.dirty = False
        for name in sorted(roles - set(have)):
            local.roles.append(UserRole(role=name, dirty=False))
        session.commit()
        return outcome
