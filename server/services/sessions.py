"""Log-in sessions: short-lived access tokens and rotating refresh tokens (stored as sha256 only).

A refresh token is used once: refreshing marks it used and hands out a new one of the same family. Presenting a
used token again means it was copied; the whole family is revoked and the event audited.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain import units
from server.context import ServerContext
from server.db.base import uuid7
from server.db.models import RefreshToken, User, Workstation
from server.errors import ServerError, unauthorised
from server.security import AccessClaims, sha256_hex
from server.services import accounts, audit, workstations
from server.services.audit import Actor


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int  # seconds the access token lives
    refresh_expires_at: dt.datetime
    user_id: str
    username: str
    full_name: str
    roles: tuple[str, ...]
    units: tuple[str, ...]
    workstation_no: int | None


def _issue(
    session: Session, ctx: ServerContext, user: User, ws: Workstation | None, family_id: str | None = None
) -> TokenPair:
    now = ctx.clock.now()
    roles = tuple(sorted(user.role_names))
    lifetime = ctx.settings.access_token_minutes * 60
    issued = int(now.timestamp())
    access = ctx.signer.issue(
        AccessClaims(
            user_id=user.id,
            username=user.username,
            roles=roles,
            workstation_no=ws.number if ws else None,
            workstation_id=ws.id if ws else None,
            issued_at=issued,
            expires_at=issued + lifetime,
        )
    )
    refresh = secrets.token_urlsafe(32)
    expires = now + dt.timedelta(days=ctx.settings.refresh_token_days)
    session.add(
        RefreshToken(
            token_hash=sha256_hex(refresh),
            family_id=family_id or uuid7(),
            user_id=user.id,
            workstation_id=ws.id if ws else None,
            issued_at=now,
            expires_at=expires,
        )
    )
    return TokenPair(
        access_token=access,
        refresh_token=refresh,
        expires_in=lifetime,
        refresh_expires_at=expires,
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        roles=roles,
        units=tuple(sorted(units.units_of_roles(roles))),
        workstation_no=ws.number if ws else None,
    )


def login(
    session: Session,
    ctx: ServerContext,
    *,
    username: str,
    password: str,
    workstation_id: str | None = None,
    workstation_secret: str | None = None,
    workstation_signature: str | None = None,
    signed_at: int | None = None,
) -> TokenPair:
    ws: Workstation | None = None
    name = accounts.normalise_username(username)
    if workstation_id is not None:
        ws = session.get(Workstation, workstation_id)
        if ws is None:
            raise ServerError("workstation.not_found", 404, workstation_id=workstation_id)
        try:
            workstations.verify_proof(
                ctx, ws, username=name, secret=workstation_secret, signature=workstation_signature, signed_at=signed_at
            )
        except ServerError as exc:
            audit.record(session, "auth.workstation_refused", at=ctx.clock.now(), actor=Actor(username=name),
                         entity="workstation", entity_id=ws.id, details={"code": exc.code})  # fmt: skip
            session.commit()
            raise
    user = accounts.authenticate(session, ctx, name, password, workstation_no=ws.number if ws else None)
    pair = _issue(session, ctx, user, ws)
    if ws is not None:
        ws.last_seen_at = ctx.clock.now()
    audit.record(session, "auth.login", at=ctx.clock.now(),
                 actor=Actor(user.id, user.username, ws.number if ws else None), entity="user", entity_id=user.id,
                 details={"workstation_id": ws.id if ws else None})  # fmt: skip
    session.commit()
    return pair


def refresh(session: Session, ctx: ServerContext, token: str) -> TokenPair:
    now = ctx.clock.now()
    row = session.scalars(select(RefreshToken).where(RefreshToken.token_hash == sha256_hex(token))).first()
    if row is None:
        raise unauthorised("auth.refresh_invalid")
    user = session.get(User, row.user_id)
    actor = Actor(row.user_id, user.username if user else "")
    if row.revoked_at is not None:
        raise unauthorised("auth.refresh_invalid")
    if row.used_at is not None:
        # A rotated token came back: someone holds a copy. End every session of this family.
        revoke_family(session, row.family_id, now)
        audit.record(session, "auth.refresh_reuse", at=now, actor=actor, entity="user", entity_id=row.user_id,
                     details={"family_id": row.family_id})  # fmt: skip
        session.commit()
        raise unauthorised("auth.refresh_reused")
    if row.expires_at <= now:
        raise unauthorised("auth.refresh_expired")
    if user is None or not user.active:
        raise ServerError("auth.account_disabled", 403)
    ws = session.get(Workstation, row.workstation_id) if row.workstation_id else None
    if ws is not None and ws.status != "approved":
        raise ServerError("workstation.not_approved", 403, status=ws.status)
    # Mark used with a guarded UPDATE: two concurrent refreshes of one token cannot both win.
    claimed = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == row.id, RefreshToken.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise unauthorised("auth.refresh_reused")
    pair = _issue(session, ctx, user, ws, family_id=row.family_id)
    if ws is not None:
        ws.last_seen_at = now
    session.commit()
    return pair


def logout(session: Session, ctx: ServerContext, token: str) -> None:
    now = ctx.clock.now()
    row = session.scalars(select(RefreshToken).where(RefreshToken.token_hash == sha256_hex(token))).first()
    if row is None:
        return  # logging out twice is fine
    revoke_family(session, row.family_id, now)
    user = session.get(User, row.user_id)
    audit.record(session, "auth.logout", at=now, actor=Actor(row.user_id, user.username if user else ""),
                 entity="user", entity_id=row.user_id)  # fmt: skip
    session.commit()


def revoke_family(session: Session, family_id: str, now: dt.datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )


def revoke_user_tokens(session: Session, user_id: str, now: dt.datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
