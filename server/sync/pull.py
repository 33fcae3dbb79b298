"""Pull: pages of merged rows after a cursor, only those the workstation's users may see.

Like CouchDB's changes feed, a row appears once, at its latest position. The cursor is a position in the global order;
because positions become visible in order (see ``push._finish``), "everything after my cursor" never skips a row that
commits later with a smaller position.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Text, and_, cast, exists, or_, select
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


def _page_rows(
    session: Session, principal: Any, cursor: int, limit: int, columns: tuple[Any, ...]
) -> tuple[list[Any], int, bool, list[str]]:
    units = workstation_units(session, int(principal.workstation_no or 0), frozenset(principal.roles))
    session.flush()
    # Read the counter first: every position at or below it is committed and visible to the next statement.
    top = session.scalar(select(SyncCounter.value).where(SyncCounter.id == COUNTER_ROW)) or 0
    visible = or_(
        SyncRecord.scope_id.is_(None),
        exists().where(and_(SyncScope.scope_id == SyncRecord.scope_id, SyncScope.unit.in_(units))),
    )
    rows = session.execute(
        select(*columns)
        .where(SyncRecord.position > cursor, SyncRecord.position <= top, visible)
        .order_by(SyncRecord.position)
        .limit(limit)
    ).all()
    more = len(rows) == limit
    next_cursor = int(rows[-1].position or cursor) if more else max(int(top), cursor)
    return rows, next_cursor, more, units


def pull_page(session: Session, principal: Any, cursor: int, limit: int) -> PullResponse:
    """The page as a model (tests, tools)."""
    rows, next_cursor, more, units = _page_rows(session, principal, cursor, limit, (SyncRecord,))
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
            for (r,) in rows
        ],
        cursor=next_cursor,
        more=more,
        units=units,
        server_time_ms=now_ms(),
    )


_RAW_COLUMNS = (
    SyncRecord.entity,
    SyncRecord.id,
    SyncRecord.position,
    SyncRecord.version,
    SyncRecord.deleted,
    cast(SyncRecord.data, Text).label("data"),
    cast(SyncRecord.field_hlc, Text).label("field_hlc"),
)


def pull_page_json(session: Session, principal: Any, cursor: int, limit: int) -> bytes:
    """The same page as ``pull_page``, serialised straight from the stored JSON text: the documents are neither
    parsed nor re-encoded (on a first sync of 100,000 cases that was most of the server's time)."""
    rows, next_cursor, more, units = _page_rows(session, principal, cursor, limit, _RAW_COLUMNS)
    dumps = json.dumps
    parts = [
        f'{{"entity":{dumps(r.entity)},"id":{dumps(r.id)},"position":{int(r.position or 0)},'
        f'"version":{int(r.version)},"deleted":{"true" if r.deleted else "false"},'
        f'"data":{r.data or "{}"},"field_hlc":{r.field_hlc or "{}"}}}'
        for r in rows
    ]
    head = f'{{"cursor":{next_cursor},"more":{"true" if more else "false"},"units":{dumps(units)},'
    return (head + f'"server_time_ms":{now_ms()},"records":[' + ",".join(parts) + "]}").encode("utf-8")
