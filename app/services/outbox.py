"""Outbox entries: every local write puts one here in the same transaction as the write itself.

The sync engine pushes them in ``seq`` order (the per-workstation counter) with their ``idempotency_key``. Payloads
are plain JSON so the server needs none of our classes:

- ``upsert``: ``{"table", "id", "fields": {column: value}, "hlc", "version"}`` with only the changed columns (all
  columns for a new row). Dates and timestamps are ISO strings.
- ``delete``: a tombstone, ``{"table", "id", "hlc", "version"}`` (the row keeps ``deleted = True`` locally).
- ``action``: a workflow command, ``{"case_id", "action", "from_state", "to_state", "base_version", "event_id",
  "event_seq", "note", "assignee_id", "hlc", "at", "actor_id", "workstation_no", "state_due_date", "data"}``: the
  server accepts it only if its case is still in ``from_state`` at ``base_version``, as ``actor_id`` (the clerk who
  acted, checked against the server's accounts), and sets the stage's due date the workstation computed.
- ``user_account``/``user_role`` are never queued: accounts live on the server (its ``/users`` API).
- ``audit``: one audit-chain entry, all its fields (the server checks each workstation's chain for continuity).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import EllipsisType
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.models import Case, OutboxEntry, utcnow
from app.sync.protocol import SERVER_OWNED

# Columns that describe this workstation's relation to the row, not the row itself: never pushed.
LOCAL_COLUMNS = frozenset({"dirty"})
# SERVER_OWNED: tables the server owns (accounts, roles); local copies are kept for offline log-in, never pushed.


def to_json_value(value: Any) -> Any:
    """A column value as JSON: timestamps in UTC ISO form, dates ISO, containers recursively."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [to_json_value(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value


def column_names(row: object) -> list[str]:
    """Every mapped column of ``row`` except the local-only ones."""
    return [c.key for c in inspect(type(row)).column_attrs if c.key not in LOCAL_COLUMNS]


def enqueue(session: Session, kind: str, entity: str, entity_id: str, payload: dict[str, Any]) -> OutboxEntry | None:
    if entity in SERVER_OWNED:
        return None  # the server refuses them (sync.entity_not_allowed): accounts are managed there
    entry = OutboxEntry(kind=kind, entity=entity, entity_id=entity_id, payload=payload, created_at=utcnow())
    session.add(entry)
    return entry


def enqueue_upsert(
    session: Session, entity: str, row: Any, changed_fields: Iterable[str] | None, hlc: str
) -> OutboxEntry | None:
    """Queue the changed columns of ``row`` (all of them when ``changed_fields`` is None: a new row)."""
    fields = column_names(row) if changed_fields is None else [f for f in changed_fields if f not in LOCAL_COLUMNS]
    values = {name: to_json_value(getattr(row, name)) for name in fields}
    for always in ("version", "hlc", "updated_at"):
        if hasattr(row, always):
            values.setdefault(always, to_json_value(getattr(row, always)))
    payload = {"table": entity, "id": row.id, "fields": values, "hlc": hlc, "version": getattr(row, "version", None)}
    return enqueue(session, "upsert", entity, row.id, payload)


def enqueue_delete(session: Session, entity: str, row: Any, hlc: str) -> OutboxEntry | None:
    payload = {"table": entity, "id": row.id, "hlc": hlc, "version": getattr(row, "version", None)}
    return enqueue(session, "delete", entity, row.id, payload)


def enqueue_action(
    session: Session,
    *,
    case_id: str,
    action: str,
    from_state: str,
    to_state: str,
    base_version: int,
    event_id: str,
    event_seq: int,
    note: str | None,
    assignee_id: str | None,
    hlc: str,
    at: dt.datetime,
    actor_id: str,
    workstation_no: int,
    data: Mapping[str, Any] | None = None,
    state_due_date: dt.date | EllipsisType | None = ...,
) -> OutboxEntry | None:
    if isinstance(state_due_date, EllipsisType):  # the due date the case got when it moved (set in this session)
        case = session.get(Case, case_id)
        state_due_date = case.state_due_date if case is not None else None
    payload = {
        "case_id": case_id,
        "action": action,
        "from_state": from_state,
        "to_state": to_state,
        "base_version": base_version,
        "event_id": event_id,
        "event_seq": event_seq,
        "note": note,
        "assignee_id": assignee_id,
        "hlc": hlc,
        "at": to_json_value(at),
        "actor_id": actor_id,
        "workstation_no": workstation_no,
        "state_due_date": to_json_value(state_due_date),
        "data": to_json_value(dict(data or {})),
    }
    return enqueue(session, "action", "case_file", case_id, payload)


def pending_count(session: Session) -> int:
    from sqlalchemy import func, select

    return int(session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))) or 0)
