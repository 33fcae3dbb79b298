"""Pull: pages of merged rows after a cursor, only those the workstation's users may see.

Like CouchDB's changes feed, a row appears once, at its latest position. The cursor is a position in the global order;
because positions become visible in order (see ``push._finish``), "everything after my cursor" never skips a row that
commits later with a smaller position.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from app.domain.units import units_of_roles
from server.sync.models import COUNTER_ROW, SyncCounter, SyncRecord, SyncScope, SyncWorkstation
from server.sync.protocol import PulledRecord, PullResponse
from server.sync.push import now_ms


def workstation_units(session: Session, workstation_no: int, roles: frozenset[str]) -> list[str]:
    """The units of everyone who has synced on this workstation: a workstation shared by two clerks of different
    units keeps both units' rows, so switching users never needs a full re-download."""
    ws = session.get(SyncWorkstation, workstation_no)
    if ws is None:
        ws = SyncWorkstation(workstation_no=workstation_no, units=[])
        session.add(ws)
    units = sorted(set(ws.units or []) | units_of_roles(roles))
    if units != list(ws.units or []):
        ws.units = units
    ws.last_pull_at = dt.datetime.now(dt.UTC)
    return units


def pull_page(session: Session, principal: Any, cursor: int, limit: int) -> PullResponse:
    units = workstation_units(session, int(principal.workstation_no or 0), frozenset(principal.roles))
    session.flush()
    # Read the counter first: every position at or below it is committed and visible to the next statement.
    top = session.scalar(select(SyncCounter.value).where(SyncCounter.id == COUNTER_ROW)) or 0
    visible = or_(
        SyncRecord.scope_id.is_(None),
        exists().where(and_(SyncScope.scope_id == SyncRecord.scope_id, SyncScope.unit.in_(units))),
    )
    rows = session.scalars(
        select(SyncRecord)
        .where(SyncRecord.position > cursor, SyncRecord.position <= top, visible)
        .order_by(SyncRecord.position)
        .limit(limit)
    ).all()
    more = len(rows) == limit
    next_cursor = int(rows[-1].position or cursor) if more else max(int(top), cursor)
    return PullResponse(
        records=[
            PulledRecord(
                entity=r.entity,
                id=r.id,
                position=int(r.position or 0),
                version=r.version,
                deleted=r.deleted,
                data=r.data,
                field_hlc=r.field_hlc,
            )
            for r in rows
        ],
        cursor=next_cursor,
        more=more,
        units=units,
        server_time_ms=now_ms(),
    )
