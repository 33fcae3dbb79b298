"""Users and roles: creation, changes, passwords, and password checking with lock-out."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import units
from server.context import ServerContext
from server.db.models import User, UserRole
from server.errors import ServerError, conflict, invalid, not_found
from server.services import audit
from server.services.audit import Actor

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 256


def normalise_username(username: str) -> str:
    return username.strip().lower()


def validate_username(username: str) -> str:
    name = normalise_username(username)
    if not USERNAME_RE.fullmatch(name):
        raise invalid("user.username_invalid", username=username)
    return name


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise invalid("password.too_short", min_length=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise invalid("password.too_long", max_length=MAX_PASSWORD)


def validate_roles(roles: Iterable[str]) -> list[str]:
    """Role strings must name a role of ``app.domain.units`` (``inspection.head``, ``office_head``, ``admin`` ...)."""
    clean = sorted({r.strip() for r in roles if r.strip()})
    for role in clean:
        if not units.is_role(role):
            raise invalid("role.unknown", role=role)
    return clean


def get_user(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise not_found("user.not_found", user_id=user_id)
    return user


def find_user(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == normalise_username(username))).first()


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def count_admins(session: Session) -> int:
    query = (
        select(func.count(func.distinct(User.id)))
        .join(UserRole)
        .where(UserRole.role == units.ADMIN, User.active.is_(True))
    )
    return int(session.scalar(query) or 0)


def create_user(
    session: Session,
    ctx: ServerContext,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[str],
    actor: Actor,
) -> User:
    name = validate_username(username)
    validate_password(password)
    role_list = validate_roles(roles)
    if find_user(session, name) is not None:
        raise conflict("user.exists", username=name)
    now = ctx.clock.now()
    user = User(
        username=name,
        full_name=full_name.strip(),
        password_hash=ctx.hasher.hash(password),
        created_at=now,
        updated_at=now,
        password_changed_at=now,
        roles=[UserRole(role=r) for r in role_list],
    )
    session.add(user)
    session.flush()
    audit.record(
        session, "user.created", at=now, actor=actor, entity="user", entity_id=user.id,
        details={"username": name, "roles": role_list},
    )  # fmt: skip
    session.commit()
    return user


def update_user(
    session: Session,
    ctx: ServerContext,
    user_id: str,
    *,
    actor: Actor,
    full_name: str | None = None,
    active: bool | None = None,
    roles: Iterable[str] | None = None,
) -> User:
    user = get_user(session, user_id)
    changes: dict[str, object] = {}
    if full_name is not None and full_name.strip() != user.full_name:
        changes["full_name"] = [user.full_name, full_name.strip()]
        user.full_name = full_name.strip()
    if active is not None and active != user.active:
        changes["active"] = [user.active, active]
        user.active = active
    if roles is not None:
        new_roles = validate_roles(roles)
        old_roles = sorted(user.role_names)
        if new_roles != old_roles:
            changes["roles"] = [old_roles, new_roles]
            keep = set(new_roles)
            user.roles = [r for r in user.roles if r.role in keep] + [
                UserRole(role=r) for r in new_roles if r not in user.role_names
            ]
    if not changes:
        return user
    session.flush()
    if count_admins(session) == 0:
        session.rollback()
        raise conflict("user.last_admin")
    user.updated_at = ctx.clock.now()
    audit.record(
        session, "user.updated", at=ctx.clock.now(), actor=actor, entity="user", entity_id=user.id,
        details={"username": user.username, "changes": changes},
    )  # fmt: skip
    session.commit()
    return user


def set_password(session: Session, ctx: ServerContext, user_id: str, password: str, *, actor: Actor) -> User:
    """An administrator's reset: also lifts a lock and revokes the user's refresh tokens."""
    from server.services.sessions import revoke_user_tokens

    validate_password(password)
    user = get_user(session, user_id)
    now = ctx.clock.now()
    user.password_hash = ctx.hasher.hash(password)
    user.password_changed_at = now
    user.failed_logins = 0
    user.locked_until = None
    revoke_user_tokens(session, user.id, now)
    audit.record(session, "user.password_reset", at=now, actor=actor, entity="user", entity_id=user.id,
                 details={"username": user.username})  # fmt: skip
    session.commit()
    return user


def change_own_password(session: Session, ctx: ServerContext, user_id: str, old: str, new: str, actor: Actor) -> None:
    user = get_user(session, user_id)
    if not ctx.hasher.verify(user.password_hash, old):
        raise ServerError("auth.invalid_credentials", 401)
    validate_password(new)
    now = ctx.clock.now()
    user.password_hash = ctx.hasher.hash(new)
    user.password_changed_at = now
    audit.record(session, "user.password_changed", at=now, actor=actor, entity="user", entity_id=user.id)
    session.commit()


def unlock(session: Session, ctx: ServerContext, user_id: str, *, actor: Actor) -> User:
    user = get_user(session, user_id)
    user.failed_logins = 0
    user.locked_until = None
    audit.record(session, "user.unlocked", at=ctx.clock.now(), actor=actor, entity="user", entity_id=user.id,
                 details={"username": user.username})  # fmt: skip
    session.commit()
    return user


def minutes_left(locked_until: dt.datetime, now: dt.datetime) -> int:
    return max(1, math.ceil((locked_until - now).total_seconds() / 60))


def authenticate(
    session: Session, ctx: ServerContext, username: str, password: str, *, workstation_no: int | None
) -> User:
    """Check a password. ``lockout_threshold`` wrong answers in a row lock the account for ``lockout_minutes``.

    Failures are committed (and audited) before the error is raised, so they count even though the request fails.
    """
    now = ctx.clock.now()
    name = normalise_username(username)
    user = find_user(session, name)
    actor = Actor(user_id=user.id if user else "", username=name, workstation_no=workstation_no)
    if user is not None and user.locked_until is not None:
        if user.locked_until > now:
            left = minutes_left(user.locked_until, now)
            audit.record(session, "auth.login_refused_locked", at=now, actor=actor, entity="user", entity_id=user.id,
                         details={"minutes_left": left})  # fmt: skip
            session.commit()
            raise ServerError("auth.account_locked", 423, minutes_left=left, locked_until=user.locked_until.isoformat())
        user.locked_until = None  # the lock ran out: a fresh count
        user.failed_logins = 0
    ok = ctx.hasher.verify(user.password_hash if user else None, password)
    if user is None or not ok:
        details: dict[str, object] = {"reason": "unknown_user" if user is None else "wrong_password"}
        if user is not None:
            user.failed_logins += 1
            details["failed_logins"] = user.failed_logins
        audit.record(session, "auth.login_failed", at=now, actor=actor, entity="user",
                     entity_id=user.id if user else "", details=details)  # fmt: skip
        if user is not None and user.failed_logins >= ctx.settings.lockout_threshold:
            user.locked_until = now + dt.timedelta(minutes=ctx.settings.lockout_minutes)
            audit.record(session, "auth.account_locked", at=now, actor=actor, entity="user", entity_id=user.id,
                         details={"minutes": ctx.settings.lockout_minutes})  # fmt: skip
            session.commit()
            raise ServerError(
                "auth.account_locked", 423, minutes_left=ctx.settings.lockout_minutes,
                locked_until=user.locked_until.isoformat(),
            )  # fmt: skip
        session.commit()
        # The same answer for an unknown user and a wrong password: no way to find out which usernames exist.
        raise ServerError("auth.invalid_credentials", 401)
    if not user.active:
        audit.record(session, "auth.login_refused_inactive", at=now, actor=actor, entity="user", entity_id=user.id)
        session.commit()
        raise ServerError("auth.account_disabled", 403)
    user.failed_logins = 0
    if ctx.hasher.needs_rehash(user.password_hash):
        user.password_hash = ctx.hasher.hash(password)
    return user
