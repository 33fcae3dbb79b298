"""What sync leaves for people to read: the conflicts (refused actions and changes) and the field history (values that
lost a last-writer-wins merge). Plain queries for the Conflicts panel and the case view; Qt-free."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select, update

from app.models import Base, FieldHistory, SyncConflict

_cases = Base.metadata.tables["case_file"]
# Tables whose rows belong to one case (``case_id``): their lost values are shown on that case too.
CASE_CHILD_TABLES = ("case_party", "case_document", "appointment", "payment")


@dataclass(frozen=True)
class ConflictLine:
    id: str
    case_id: str | None
    tracking_number: str
    workflow_id: str
    kind: str  # action_refused | change_refused
    reason: str  # the server's code
    details: dict[str, Any]
    at: dt.datetime
    seen: bool


@dataclass(frozen=True)
class HistoryLine:
    entity: str
    field: str
    lost_value: Any
    lost_hlc: str
    won_hlc: str
    won_value: Any
    at: dt.datetime


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def list_conflicts(engine: Engine, *, unseen_only: bool = False, limit: int = 500) -> list[ConflictLine]:
    """Newest first, with the case's tracking number where the case is known here."""
    c = SyncConflict.__table__.c
    query = (
        select(
            c.id, c.case_id, c.kind, c.reason, c.details, c.at, c.seen, _cases.c.tracking_number, _cases.c.workflow_id
        )
        .select_from(SyncConflict.__table__.outerjoin(_cases, _cases.c.id == c.case_id))
        .order_by(c.at.desc(), c.id.desc())
        .limit(limit)
    )
    if unseen_only:
        query = query.where(c.seen.is_(False))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        ConflictLine(
            id=r.id,
            case_id=r.case_id,
            tracking_number=r.tracking_number or "",
            workflow_id=r.workflow_id or "",
            kind=r.kind,
            reason=r.reason,
            details=dict(r.details or {}),
            at=_aware(r.at),
            seen=bool(r.seen),
        )
        for r in rows
    ]


def unseen_count(engine: Engine) -> int:
    with engine.connect() as conn:
        query = select(func.count()).select_from(SyncConflict).where(SyncConflict.seen.is_(False))
        return int(conn.execute(query).scalar() or 0)


def mark_seen(engine: Engine, conflict_ids: Iterable[str] | None = None) -> int:
    """Mark the given conflicts (all unseen ones when None) as seen; returns how many changed."""
    statement = update(SyncConflict).where(SyncConflict.seen.is_(False)).values(seen=True)
    if conflict_ids is not None:
        ids = list(conflict_ids)
        if not ids:
            return 0
        statement = statement.where(SyncConflict.id.in_(ids))
    with engine.connect().execution_options(writer=True) as conn, conn.begin():
        return int(conn.execute(statement).rowcount or 0)


def field_history(engine: Engine, case_id: str) -> list[HistoryLine]:
    """The values that lost a merge on this case and its rows, newest first, each with the value that won now."""
    tables = Base.metadata.tables
    with engine.connect() as conn:
        child_ids: dict[str, str] = {}
        for name in CASE_CHILD_TABLES:
            table = tables.get(name)
            if table is not None and "case_id" in table.c:
                for (row_id,) in conn.execute(select(table.c.id).where(table.c.case_id == case_id)):
                    child_ids[row_id] = name
        ids = [case_id, *child_ids]
        rows = conn.execute(
            select(FieldHistory)
            .where(FieldHistory.entity_id.in_(ids))
            .order_by(FieldHistory.at.desc(), FieldHistory.id.desc())
        ).all()
        current: dict[tuple[str, str], dict[str, Any]] = {}
        lines: list[HistoryLine] = []
        for row in rows:
            key = (row.entity, row.entity_id)
            if key not in current:
                table = tables.get(row.entity)
                found = (
                    conn.execute(select(table).where(table.c.id == row.entity_id)).mappings().first()
                    if table is not None
                    else None
                )
                current[key] = dict(found or {})
            lines.append(
                HistoryLine(
                    entity=row.entity,
                    field=row.field,
                    lost_value=row.lost_value,
                    lost_hlc=row.lost_hlc,
                    won_hlc=row.won_hlc,
                    won_value=current[key].get(row.field),
                    at=_aware(row.at),
                )
            )
    return lines
