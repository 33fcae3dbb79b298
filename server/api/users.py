"""User administration (admin only) and the server audit trail (admin and the audit unit)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from app.domain import units
from server.api.deps import get_ctx, get_session
from server.api.schemas import (
    AuditEntryOut,
    AuditVerifyOut,
    ErrorOut,
    PasswordSetIn,
    UserCreateIn,
    UserOut,
    UserUpdateIn,
)
from server.auth import Principal, require
from server.context import ServerContext
from server.db.models import User
from server.services import accounts, audit

router = APIRouter(tags=["administration"])
Ctx = Annotated[ServerContext, Depends(get_ctx)]
Db = Annotated[Session, Depends(get_session)]
Admin = Annotated[Principal, Depends(require(units.ADMIN))]
Auditor = Annotated[Principal, Depends(require(units.ADMIN, "audit"))]
ERRORS = {
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut},
    422: {"model": ErrorOut},
}  # fmt: skip


def _out(user: User) -> UserOut:
    return UserOut(
        id=user.id, username=user.username, full_name=user.full_name, active=user.active,
        roles=sorted(user.role_names), units=sorted(units.units_of_roles(user.role_names)),
        failed_logins=user.failed_logins, locked_until=user.locked_until, created_at=user.created_at,
    )  # fmt: skip


@router.get("/admin/users", response_model=list[UserOut], responses=ERRORS)
def list_users(_admin: Admin, db: Db) -> list[UserOut]:
    return [_out(u) for u in accounts.list_users(db)]


@router.post("/admin/users", response_model=UserOut, status_code=201, responses=ERRORS)
def create_user(body: UserCreateIn, admin: Admin, ctx: Ctx, db: Db) -> UserOut:
    user = accounts.create_user(
        db, ctx, username=body.username, full_name=body.full_name, password=body.password, roles=body.roles,
        actor=admin.actor,
    )  # fmt: skip
    return _out(user)


@router.get("/admin/users/{user_id}", response_model=UserOut, responses=ERRORS)
def get_user(user_id: str, _admin: Admin, db: Db) -> UserOut:
    return _out(accounts.get_user(db, user_id))


@router.patch("/admin/users/{user_id}", response_model=UserOut, responses=ERRORS)
def update_user(user_id: str, body: UserUpdateIn, admin: Admin, ctx: Ctx, db: Db) -> UserOut:
    user = accounts.update_user(
        db, ctx, user_id, actor=admin.actor, full_name=body.full_name, active=body.active, roles=body.roles
    )
    return _out(user)


@router.post("/admin/users/{user_id}/password", response_model=UserOut, responses=ERRORS)
def reset_password(user_id: str, body: PasswordSetIn, admin: Admin, ctx: Ctx, db: Db) -> UserOut:
    return _out(accounts.set_password(db, ctx, user_id, body.password, actor=admin.actor))


@router.post("/admin/users/{user_id}/unlock", response_model=UserOut, responses=ERRORS)
def unlock_user(user_id: str, admin: Admin, ctx: Ctx, db: Db) -> UserOut:
    return _out(accounts.unlock(db, ctx, user_id, actor=admin.actor))


@router.get("/admin/audit", response_model=list[AuditEntryOut], responses=ERRORS)
def audit_entries(
    _who: Auditor,
    db: Db,
    after_seq: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    action: Annotated[str | None, Query(max_length=60)] = None,
) -> list[AuditEntryOut]:
    rows = audit.entries(db, action=action, after_seq=after_seq, limit=limit)
    return [AuditEntryOut.model_validate(r, from_attributes=True) for r in rows]


@router.get("/admin/audit/verify", response_model=AuditVerifyOut, responses=ERRORS)
def audit_verify(_who: Auditor, db: Db) -> AuditVerifyOut:
    broken = audit.verify_chain(db)
    return AuditVerifyOut(intact=broken is None, first_broken_seq=broken)
