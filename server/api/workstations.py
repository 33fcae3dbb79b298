"""Workstation enrolment (public request and status poll) and its administration."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from app.domain.units import ADMIN
from server.api.deps import get_ctx, get_session
from server.api.schemas import EnrolmentIn, EnrolmentOut, ErrorOut, ReasonIn, WorkstationOut
from server.auth import Principal, require
from server.context import ServerContext
from server.db.models import Workstation
from server.services import workstations

router = APIRouter(tags=["workstations"])
Ctx = Annotated[ServerContext, Depends(get_ctx)]
Db = Annotated[Session, Depends(get_session)]
Admin = Annotated[Principal, Depends(require(ADMIN))]
ERRORS = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}}


def _out(ws: Workstation) -> WorkstationOut:
    return WorkstationOut(
        id=ws.id, name=ws.name, status=ws.status, number=ws.number,
        proof="public_key" if ws.public_key else "secret", requested_at=ws.requested_at, decided_at=ws.decided_at,
        decided_by=ws.decided_by, note=ws.note, last_seen_at=ws.last_seen_at,
    )  # fmt: skip


@router.post("/enrolment", response_model=EnrolmentOut, status_code=201, responses={422: {"model": ErrorOut}})
def request_enrolment(body: EnrolmentIn, ctx: Ctx, db: Db) -> EnrolmentOut:
    """A workstation asks to join. Without a public key the answer holds a secret, shown this once."""
    ws, secret = workstations.request_enrolment(db, ctx, name=body.name, public_key=body.public_key)
    return EnrolmentOut(workstation_id=ws.id, status=ws.status, number=ws.number, secret=secret)


@router.get("/enrolment/{workstation_id}", response_model=EnrolmentOut, responses={404: {"model": ErrorOut}})
def enrolment_status(workstation_id: str, db: Db) -> EnrolmentOut:
    """Poll until an administrator decides; an approved workstation learns its number here."""
    ws = workstations.get_workstation(db, workstation_id)
    return EnrolmentOut(workstation_id=ws.id, status=ws.status, number=ws.number)


@router.get("/admin/workstations", response_model=list[WorkstationOut], responses=ERRORS)
def list_workstations(
    _admin: Admin, db: Db, status: Annotated[str | None, Query(max_length=16)] = None
) -> list[WorkstationOut]:
    return [_out(ws) for ws in workstations.list_workstations(db, status)]


@router.post("/admin/workstations/{workstation_id}/approve", response_model=WorkstationOut, responses=ERRORS)
def approve(workstation_id: str, admin: Admin, ctx: Ctx, db: Db) -> WorkstationOut:
    return _out(workstations.approve(db, ctx, workstation_id, actor=admin.actor))


@router.post("/admin/workstations/{workstation_id}/reject", response_model=WorkstationOut, responses=ERRORS)
def reject(workstation_id: str, body: ReasonIn, admin: Admin, ctx: Ctx, db: Db) -> WorkstationOut:
    return _out(workstations.reject(db, ctx, workstation_id, actor=admin.actor, reason=body.reason))


@router.post("/admin/workstations/{workstation_id}/revoke", response_model=WorkstationOut, responses=ERRORS)
def revoke(workstation_id: str, body: ReasonIn, admin: Admin, ctx: Ctx, db: Db) -> WorkstationOut:
    return _out(workstations.revoke(db, ctx, workstation_id, actor=admin.actor, reason=body.reason))
