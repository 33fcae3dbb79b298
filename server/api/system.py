"""Health and the role catalogue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.domain import units
from server.api.deps import get_ctx
from server.api.schemas import HealthOut, UnitOut
from server.auth import Principal, require
from server.context import ServerContext
from server.db.migrate import current_revisions, head_revisions
from server.version import APP_VERSION, PROTOCOL_VERSION, SCHEMA_VERSION

router = APIRouter(tags=["system"])


@router.get("/health", response_model=HealthOut, responses={503: {"model": HealthOut}})
def health(ctx: Annotated[ServerContext, Depends(get_ctx)]) -> JSONResponse:
    """Is the database reachable, and which versions run here."""
    body = {
        "status": "ok",
        "version": APP_VERSION,
        "protocol": PROTOCOL_VERSION,
        "schema_version": SCHEMA_VERSION,
        "db": "ok",
        "db_dialect": ctx.engine.dialect.name,
        "db_revision": [],
        "db_head": list(head_revisions()),
    }
    try:
        with ctx.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        body["db_revision"] = list(current_revisions(ctx.engine))
    except Exception as exc:  # any failure to reach the database is "unavailable", not a crash
        body.update(status="unavailable", db=f"error: {type(exc).__name__}")
        return JSONResponse(body, status_code=503)
    if body["db_revision"] != body["db_head"]:
        body["status"] = "migration_needed"
    return JSONResponse(body)


@router.get("/roles", response_model=list[UnitOut])
def roles(_principal: Annotated[Principal, Depends(require())]) -> list[UnitOut]:
    """Units and their roles, for the administration tab's role picker."""
    out = []
    for unit in units.UNITS:
        unit_roles = [units.get_role(r) for r in unit.role_ids]
        if unit.id == "followup":
            unit_roles.append(units.get_role(units.OFFICE_HEAD))
        out.append(
            UnitOut(
                id=unit.id,
                title_en=unit.title_en,
                title_fa=unit.title_fa,
                roles=[
                    {
                        "id": r.id,
                        "unit": r.unit,
                        "title_en": r.title_en,
                        "title_fa": r.title_fa,
                        "is_global": r.is_global,
                    }
                    for r in unit_roles
                ],
            )
        )
    return out
