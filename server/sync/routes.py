"""HTTP endpoints of sync: ``POST /sync/push``, ``GET /sync/pull``, ``GET /sync/status``, and for the audit unit
``GET /sync/audit/breaks`` (workstations whose audit chain broke, and where).

Every request carries ``X-Ecity-Protocol`` and ``X-Ecity-Schema``; a client older than the server serves gets 426
``client.update_required`` and keeps its outbox. Files go through the server's ``/files`` endpoints.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import select

from app.domain import units
from server.auth import Principal, context_of, require
from server.errors import ServerError
from server.sync import faults
from server.sync.models import COUNTER_ROW, SyncAuditBreak, SyncCounter, SyncWorkstation
from server.sync.protocol import (
    DEFAULT_PAGE,
    MAX_PAGE,
    MIN_CLIENT_PROTOCOL,
    MIN_CLIENT_SCHEMA,
    PullResponse,
    PushRequest,
    PushResponse,
)
from server.sync.pull import pull_page_json
from server.sync.push import apply_batch, now_ms
from server.version import PROTOCOL_HEADER as HEADER_PROTOCOL
from server.version import PROTOCOL_VERSION, SCHEMA_VERSION
from server.version import SCHEMA_HEADER as HEADER_SCHEMA


def check_versions(
    request: Request,
    protocol: Annotated[str | None, Header(alias=HEADER_PROTOCOL)] = None,
    schema: Annotated[str | None, Header(alias=HEADER_SCHEMA)] = None,
) -> None:
    """Refuse clients that are too old (426) or that speak no version at all (400)."""
    try:
        client_protocol = int(protocol or "")
        client_schema = int(schema or "")
    except ValueError:
        raise ServerError("client.version_missing", 400, headers=[HEADER_PROTOCOL, HEADER_SCHEMA]) from None
    settings = getattr(context_of(request), "settings", None)
    min_protocol = max(MIN_CLIENT_PROTOCOL, int(getattr(settings, "min_client_protocol", 1)))
    min_schema = max(MIN_CLIENT_SCHEMA, int(getattr(settings, "min_client_schema", 1)))
    if client_protocol < min_protocol or client_schema < min_schema:
        raise ServerError(
            "client.update_required", 426, protocol=PROTOCOL_VERSION, schema=SCHEMA_VERSION,
            client_protocol=client_protocol, client_schema=client_schema,
        )  # fmt: skip
    if client_protocol > PROTOCOL_VERSION or client_schema > SCHEMA_VERSION:
        raise ServerError("server.update_required", 409, protocol=PROTOCOL_VERSION, schema=SCHEMA_VERSION)


router = APIRouter(prefix="/sync", tags=["sync"], dependencies=[Depends(check_versions)])
Workstation = Annotated[Principal, Depends(require(workstation=True))]


@router.post("/push", response_model=PushResponse, summary="Apply a batch of outbox entries, each once")
def push(body: PushRequest, request: Request, principal: Workstation) -> PushResponse:
    ctx = context_of(request)
    with ctx.session() as session:
        results, processed = apply_batch(session, principal, body.entries)
        faults.point("push.before_commit")
        session.commit()
    faults.point("push.after_commit")
    return PushResponse(results=results, server_time_ms=now_ms(), processed=processed)


@router.get("/pull", response_model=PullResponse, summary="Rows changed after the cursor that this workstation sees")
def pull(
    request: Request,
    principal: Workstation,
    cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
) -> PullResponse:
    ctx = context_of(request)
    with ctx.session() as session:
        body = pull_page_json(session, principal, cursor, limit)
        session.commit()
    # Already JSON in the shape of PullResponse (documented above); sent as is rather than re-validated.
    return Response(content=body, media_type="application/json")  # type: ignore[return-value]


@router.get("/status", summary="Server time and the newest position, for clocks and 'is there anything new'")
def status(request: Request, principal: Workstation) -> dict[str, int]:
    ctx = context_of(request)
    with ctx.session() as session:
        top = session.scalar(select(SyncCounter.value).where(SyncCounter.id == COUNTER_ROW)) or 0
    return {"server_time_ms": now_ms(), "position": int(top), "protocol": PROTOCOL_VERSION, "schema": SCHEMA_VERSION}


class AuditBreakOut(BaseModel):
    seq: int
    reason: str  # gap | prev_hash | hash | duplicate_seq
    expected: str
    found: str
    at: dt.datetime


class BrokenChainOut(BaseModel):
    workstation_no: int
    last_seq: int
    breaks: list[AuditBreakOut]


Auditor = Annotated[Principal, Depends(require(units.ADMIN, "audit", workstation=True))]


@router.get("/audit/breaks", response_model=list[BrokenChainOut], summary="Workstations whose audit chain broke")
def audit_breaks(request: Request, _who: Auditor) -> list[BrokenChainOut]:
    ctx = context_of(request)
    with ctx.session() as session:
        broken = session.scalars(
            select(SyncWorkstation)
            .where(SyncWorkstation.audit_broken.is_(True))
            .order_by(SyncWorkstation.workstation_no)
        ).all()
        out = []
        for ws in broken:
            rows = session.scalars(
                select(SyncAuditBreak)
                .where(SyncAuditBreak.workstation_no == ws.workstation_no)
                .order_by(SyncAuditBreak.seq, SyncAuditBreak.id)
            ).all()
            breaks = [
                AuditBreakOut(seq=r.seq, reason=r.reason, expected=r.expected, found=r.found, at=r.at) for r in rows
            ]
            out.append(BrokenChainOut(workstation_no=ws.workstation_no, last_seq=ws.audit_seq, breaks=breaks))
    return out
