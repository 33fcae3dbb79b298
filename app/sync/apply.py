"""Apply a pulled page to the workstation database: the page and the new cursor in one transaction.

Rows are written with SQLAlchemy Core in batches (a first sync of 100,000 cases must not build 100,000 ORM
objects). A field this workstation changed and has not pushed yet keeps its local value when the local edit is newer
(its outbox entry will win on the server too); a case with a workflow action waiting to be pushed keeps its local
state until the server answers that action. Foreign keys are not checked while a page is applied: the server's
order puts a row after what it points to when it is created, but a parent edited later moves to a later position
(PowerSync's client tables carry no foreign keys for the same reason).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Float, Integer, Table, bindparam, select
from sqlalchemy.exc import IntegrityError

from app.models import Base, OutboxEntry, SyncConflict, uuid7

log = logging.getLogger(__name__)

CASE_COMMAND_FIELDS = frozenset(
    {"state", "unit", "version", "assignee_id", "state_entered_at", "state_due_date", "closed_at"}
)
# Columns that say what this workstation knows, set here rather than taken from the server's document.
BOOKKEEPING = frozenset({"dirty"})
EVENT_SEQ_PARK = 1_000_000

_outbox = OutboxEntry.__table__


@dataclass
class ApplyReport:
    applied: int = 0
    skipped: int = 0
    failed: int = 0
    by_entity: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    max_stamp: str = ""


def _convert(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime) or getattr(column_type, "impl", None).__class__ is DateTime:
        if isinstance(value, str):
            parsed = dt.datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        return value
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, Integer) and not isinstance(value, bool):
        return int(value)
    if isinstance(column_type, Float):
        return float(value)
    if isinstance(column_type, JSON):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def pending_changes(conn: Connection, ids: Iterable[str]) -> tuple[dict[tuple[str, str], dict[str, str]], set[str]]:
    """Unpushed local edits among ``ids``: per row, field -> newest local stamp; and cases with a pending action."""
    fields: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    actions: set[str] = set()
    id_list = list(set(ids))
    for start in range(0, len(id_list), 900):
        rows = conn.execute(
            select(_outbox.c.kind, _outbox.c.entity, _outbox.c.entity_id, _outbox.c.payload).where(
                _outbox.c.acked_at.is_(None), _outbox.c.entity_id.in_(id_list[start : start + 900])
            )
        )
        for kind, entity, entity_id, payload in rows:
            payload = payload or {}
            stamp = str(payload.get("hlc") or "")
            if kind == "action":
                actions.add(entity_id)
                continue
            changed = {"deleted": True} if kind == "delete" else dict(payload.get("fields") or {})
            slot = fields[(entity, entity_id)]
            for name in changed:
                if stamp > slot.get(name, ""):
                    slot[name] = stamp
    return fields, actions


def _as_datetime(value: Any) -> Any:
    if isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    return value


def _as_date(value: Any) -> Any:
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _as_int(value: Any) -> Any:
    return value if isinstance(value, bool) else int(value)


def _as_text(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def _identity(value: Any) -> Any:
    return value


def _converter(column_type: Any) -> Callable[[Any], Any]:
    """``_convert`` for one column type, chosen once (a first sync converts millions of values)."""
    if isinstance(column_type, DateTime) or getattr(column_type, "impl", None).__class__ is DateTime:
        return _as_datetime
    if isinstance(column_type, Date):
        return _as_date
    if isinstance(column_type, Boolean):
        return bool
    if isinstance(column_type, Integer):
        return _as_int
    if isinstance(column_type, Float):
        return float
    if isinstance(column_type, JSON):
        return _identity
    return _as_text


_CONVERTERS: dict[str, list[tuple[str, Callable[[Any], Any]]]] = {}


def _columns(table: Table) -> list[tuple[str, Callable[[Any], Any]]]:
    found = _CONVERTERS.get(table.name)
    if found is None:
        found = [(c.key, _converter(c.type)) for c in table.columns if c.key != "id" and c.key not in BOOKKEEPING]
        _CONVERTERS[table.name] = found
    return found


def _row_values(table: Table, record: dict[str, Any], local_fields: dict[str, str], pending_action: bool) -> dict:
    data = record["data"]
    clocks = record.get("field_hlc") or {}
    values: dict[str, Any] = {}
    for name, convert in _columns(table):
        if name in data:
            value = data[name]
            values[name] = None if value is None else convert(value)
    if "version" in table.c:
        values["version"] = int(record.get("version") or 1)
    if "deleted" in table.c:
        values["deleted"] = bool(record.get("deleted"))
    if "hlc" in table.c:
        values["hlc"] = max((str(v) for v in clocks.values()), default="")
    dirty = False
    for name, local_stamp in local_fields.items():
        if name in values and local_stamp > str(clocks.get(name, "")):
            values.pop(name)  # our newer edit is still on its way to the server
            dirty = True
    if pending_action:
        for name in CASE_COMMAND_FIELDS:
            values.pop(name, None)
        dirty = True
    if "dirty" in table.c:
        values["dirty"] = dirty or bool(local_fields)
    return values


def apply_records(conn: Connection, records: list[dict[str, Any]]) -> ApplyReport:
    """Write ``records`` (already in position order) inside the caller's transaction."""
    report = ApplyReport()
    if not records:
        return report
    local, actions = pending_changes(conn, (r["id"] for r in records))
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        # The same row twice in a page cannot happen (one row, one position); later wins if it ever did.
        by_table[record["entity"]].append(record)
    tables = Base.metadata.tables
    for entity in _table_order(by_table):
        table = tables.get(entity)
        if table is None:
            report.skipped += len(by_table[entity])  # a table a newer server knows and this client does not
            continue
        rows = by_table[entity]
        if entity == "case_event":
            _park_clashing_events(conn, table, rows)
        prepared = [
            (
                r["id"],
                _row_values(table, r, local.get((entity, r["id"]), {}), entity == "case_file" and r["id"] in actions),
            )
            for r in rows
        ]
        try:
            with conn.begin_nested():
                _write(conn, table, prepared)
        except IntegrityError:
            # One bad row must not stop sync for good: write the page row by row and set the bad ones aside.
            for row_id, values in prepared:
                try:
                    with conn.begin_nested():
                        _write(conn, table, [(row_id, values)])
                except IntegrityError as exc:
                    report.failed += 1
                    _record_apply_failure(conn, entity, row_id, values, exc)
        report.applied += len(rows)
        report.by_entity[entity] += len(rows)
        for r in rows:
            for stamp in (r.get("field_hlc") or {}).values():
                if str(stamp) > report.max_stamp:
                    report.max_stamp = str(stamp)
    return report


def _table_order(by_table: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Parents before children inside a page (people and properties, then cases, then what hangs off cases)."""
    first = ["user_account", "user_role", "person", "property", "case_file"]
    return [t for t in first if t in by_table] + sorted(t for t in by_table if t not in first)


def _write(conn: Connection, table: Table, prepared: list[tuple[str, dict[str, Any]]]) -> None:
    ids = [row_id for row_id, _ in prepared]
    existing: set[str] = set()
    for start in range(0, len(ids), 900):
        existing |= set(conn.execute(select(table.c.id).where(table.c.id.in_(ids[start : start + 900]))).scalars())
    inserts: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row_id, values in prepared:
        key = tuple(sorted(values))
        if row_id in existing:
            updates[key].append({"_id": row_id, **values})
        else:
            inserts[key].append({"id": row_id, **values})
    for rows in inserts.values():
        conn.execute(table.insert(), rows)
    for key, rows in updates.items():
        if not key:
            continue
        stmt = table.update().where(table.c.id == bindparam("_id")).values({k: bindparam(k) for k in key})
        conn.execute(stmt, rows)


def _park_clashing_events(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """A local route event that has not been pushed may hold the (case, seq) slot the server's event takes: its
    action will be refused (someone else moved the case first), so it steps aside until that answer arrives."""
    for r in rows:
        case_id, seq = r["data"].get("case_id"), r["data"].get("seq")
        if case_id is None or seq is None:
            continue
        conn.execute(
            table.update()
            .where(table.c.case_id == case_id, table.c.seq == int(seq), table.c.id != r["id"])
            .values(seq=table.c.seq + EVENT_SEQ_PARK)
        )


def _record_apply_failure(conn: Connection, entity: str, row_id: str, values: dict[str, Any], exc: Exception) -> None:
    log.warning("pulled %s %s could not be stored: %s", entity, row_id, exc.orig if hasattr(exc, "orig") else exc)
    case_id = row_id if entity == "case_file" else values.get("case_id")
    conn.execute(
        SyncConflict.__table__.insert().values(
            id=uuid7(),
            case_id=case_id,
            kind="apply_failed",
            reason="sync.apply_failed",
            details={"entity": entity, "id": row_id, "error": str(getattr(exc, "orig", exc))[:300]},
            at=dt.datetime.now(dt.UTC),
            seen=False,
        )
    )
