"""Local log-in against argon2id verifiers; five wrong passwords lock the account for fifteen minutes.

Every log-in and every failure is audited. Failures commit their audit entry (and the failure counter) before the
error is raised, so a burst of guesses leaves its trace even though the caller sees an exception.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable

from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from app.domain.errors import DomainError, ValidationError
from app.domain.text import normalize
from app.domain.units import is_role
from app.domain.workflows import Actor
from app.models import User, UserRole
from app.services.common import Area, require_admin
from app.services.dto import Changes, UserView

log = logging.getLogger(__name__)

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name, roles=user.role_names)


def user_view(user: User) -> UserView:
    return UserView(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        roles=user.role_names,
        active=user.active,
        locked_until=user.locked_until,
        inspector_daily_capacity=user.inspector_daily_capacity,
    )


def clean_username(username: str) -> str:
    return normalize(username).casefold()


class AuthService(Area):
    def login(self, username: str, password: str) -> Actor:
        name = clean_username(username)
        now = self._s.now()
        with self._s.uow() as uow:
            session = uow.session
            user = session.scalar(select(User).where(User.username == name, User.deleted.is_(False)))
            if user is None:
                self._s.audit.record(session, None, "auth.login_failed", "user", "", {"reason": "unknown_user"},
                                     username=name)  # fmt: skip
                uow.commit()
                raise DomainError("auth.bad_credentials")
            actor = actor_of(user)
            if not user.active:
                self._s.audit.record(session, actor, "auth.login_failed", "user", user.id, {"reason": "inactive"})
                uow.commit()
                raise DomainError("auth.inactive")
            if user.locked_until is not None and user.locked_until > now:
                minutes = math.ceil((user.locked_until - now).total_seconds() / 60)
                self._s.audit.record(session, actor, "auth.login_failed", "user", user.id, {"reason": "locked"})
                uow.commit()
                raise DomainError("auth.locked", minutes_left=minutes)
            if not self._verify(user.password_hash, password):
                user.failed_logins = (user.failed_logins or 0) + 1
                locked = user.failed_logins >= MAX_FAILED_LOGINS
                if locked:
                    user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                    user.failed_logins = 0
                reason = "locked_now" if locked else "bad_password"
                self._s.audit.record(
                    session, actor, "auth.login_failed", "user", user.id,
                    {"reason": reason, "failed_logins": user.failed_logins},
                )  # fmt: skip
                uow.commit()
                log.info("failed log-in for user %s (%s)", user.username, reason)
                if locked:
                    raise DomainError("auth.locked", minutes_left=LOCK_MINUTES)
                raise DomainError("auth.bad_credentials", attempts_left=MAX_FAILED_LOGINS - user.failed_logins)
            user.failed_logins = 0
            user.locked_until = None
            if self._s.hasher.check_needs_rehash(user.password_hash):
                user.password_hash = self._s.hasher.hash(password)
            self._s.audit.record(session, actor, "auth.login", "user", user.id, {})
            uow.commit()
            return actor

    def _verify(self, stored: str, password: str) -> bool:
        if not stored:
            return False
        try:
            return bool(self._s.hasher.verify(stored, password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def hash_password(self, password: str) -> str:
        if len(password or "") < MIN_PASSWORD_LENGTH:
            raise ValidationError("password.too_short", field="password", min_length=MIN_PASSWORD_LENGTH)
        return self._s.hasher.hash(password)

    def create_user(
        self,
        actor: Actor | None,
        username: str,
        full_name: str,
        password: str,
        roles: Iterable[str],
        *,
        inspector_daily_capacity: int = 0,
        password_hash: str | None = None,
    ) -> UserView:
        """An administrator creates a user. ``actor`` may be None only for the very first user of a database (the
        first administrator); ``password_hash`` lets demo data reuse one hash."""
        name = clean_username(username)
        errors: dict[str, str] = {}
        if not name or not name.replace(".", "").replace("_", "").replace("-", "").isalnum() or not name.isascii():
            errors["username"] = "username.invalid"
        if not normalize(full_name):
            errors["full_name"] = "full_name.required"
        role_set = frozenset(roles)
        if not role_set or any(not is_role(r) for r in role_set):
            errors["roles"] = "roles.invalid"
        if password_hash is None and len(password or "") < MIN_PASSWORD_LENGTH:
            errors["password"] = "password.too_short"
        if inspector_daily_capacity < 0:
            errors["inspector_daily_capacity"] = "capacity.invalid"
        if errors:
            field, code = next(iter(errors.items()))
            raise ValidationError(code, field=field, errors=errors)
        hashed = password_hash or self._s.hasher.hash(password)
        with self._s.uow() as uow:
            session = uow.session
            users = session.scalar(select(func.count()).select_from(User)) or 0
            if actor is not None or users:
                require_admin(actor)
            if session.scalar(select(User.id).where(User.username == name)):
                raise ValidationError("username.taken", field="username")
            stamp = self._s.stamp()
            user = User(
                username=name,
                full_name=normalize(full_name),
                password_hash=hashed,
                active=True,
                failed_logins=0,
                inspector_daily_capacity=inspector_daily_capacity,
                hlc=stamp,
            )
            user.roles = [UserRole(role=r, hlc=stamp) for r in sorted(role_set)]
            session.add(user)
            session.flush()
            # No outbox entry: accounts live on the server (its /users API); this row is the offline verifier.
            self._s.audit.record(session, actor, "user.created", "user", user.id,
                                 {"username": name, "roles": sorted(role_set)})  # fmt: skip
            uow.commit()
            return user_view(user)

    def set_password(
        self, actor: Actor, user_id: str, new_password: str, *, old_password: str | None = None
    ) -> Changes:
        """A user changes their own password (the old one is required); an administrator resets anyone's."""
        hashed = self.hash_password(new_password)
        with self._s.uow() as uow:
            session = uow.session
            user = session.get(User, user_id)
            if user is None:
                raise DomainError("user.not_found", user_id=user_id)
            if actor.user_id == user_id and "admin" not in actor.roles:
                if old_password is None or not self._verify(user.password_hash, old_password):
                    raise ValidationError("password.old_wrong", field="old_password")
            elif actor.user_id != user_id:
                require_admin(actor)
            user.password_hash = hashed
            user.failed_logins = 0
            user.locked_until = None
            user.version += 1
            user.hlc = self._s.stamp()
            # Local verifier only: the server keeps its own password (its /users API), nothing is pushed.
            self._s.audit.record(session, actor, "user.password_set", "user", user.id, {})
            uow.commit()
        return Changes(entities=frozenset({"user"}))

    def actor_for(self, user_id: str) -> Actor:
        """The actor of a stored user (sessions restored without a password, tests)."""
        with self._s.uow(writer=False) as uow:
            user = uow.session.get(User, user_id)
            if user is None:
                raise DomainError("user.not_found", user_id=user_id)
            return actor_of(user)

    def actor_by_username(self, username: str) -> Actor:
        with self._s.uow(writer=False) as uow:
            user = uow.session.scalar(select(User).where(User.username == clean_username(username)))
            if user is None:
                raise DomainError("user.not_found", username=username)
            return actor_of(user)
