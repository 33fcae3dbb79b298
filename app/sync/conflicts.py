"""What the client does with a refused entry: put the case back where the server has it and tell a person.

A refused workflow action leaves one ``sync_conflict`` row saying what was tried, why it was refused, and who did the
other action; actions queued behind it on the same case join that row instead of making more noise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from app.models import Base, CaseEvent, SyncConflict, uuid7

_conflicts = SyncConflict.__table__
_events = CaseEvent.__table__
_cases = Base.metadata.tables["case_file"]

ACTION_CASE_FIELDS = ("state", "unit", "version", "assignee_id", "state_entered_at", "state_due_date", "closed_at")


def _parse(value: Any, *, date_only: bool = False) -> Any:
    if not isinstance(value, str) or not value:
        return value
    if date_only:
        return dt.date.fromisoformat(value[:10])
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def reset_case(conn: Connection, case_id: str, server: dict[str, Any]) -> None:
    """Put the case's workflow fields back to the server's values from the refusal."""
    values: dict[str, Any] = {}
    for name in ACTION_CASE_FIELDS:
        if name not in server:
            continue
        value = server[name]
        if name in ("state_entered_at", "closed_at"):
            value = _parse(value)
        elif name == "state_due_date":
            value = _parse(value, date_only=True)
        if name in ("state", "unit", "state_entered_at") and value is None:
            continue
        values[name] = value
    if values:
        conn.execute(_cases.update().where(_cases.c.id == case_id).values(**values))


def handle_refusal(conn: Connection, entry: dict[str, Any], answer: dict[str, Any]) -> str | None:
    """Record a refused entry; returns the conflict id (None when it joined an earlier conflict)."""
    kind = entry["kind"]
    payload = entry["payload"] or {}
    details = dict(answer.get("details") or {})
    code = str(answer.get("code") or "sync.refused")
    now = dt.datetime.now(dt.UTC)
    if kind == "action":
        case_id = entry["entity_id"]
        if details.get("server"):
            reset_case(conn, case_id, details["server"])
        event_id = payload.get("event_id")
        if event_id:
            conn.execute(_events.delete().where(_events.c.id == event_id))
        refused_key = details.get("refused_key")
        if code == "sync.action_after_refused" and refused_key:
            earlier = conn.execute(
                select(_conflicts.c.id, _conflicts.c.details).where(
                    _conflicts.c.details["idempotency_key"].as_string() == refused_key
                )
            ).first()
            if earlier is not None:
                merged = dict(earlier.details or {})
                merged["also_refused"] = [*merged.get("also_refused", []), payload.get("action")]
                conn.execute(_conflicts.update().where(_conflicts.c.id == earlier.id).values(details=merged))
                return None
        other = details.get("other") or {}
        conflict_details = {
            "idempotency_key": entry["idempotency_key"],
            "action": payload.get("action"),
            "attempted_by": details.get("attempted_by") or payload.get("actor_id"),
            "attempted_at": payload.get("at"),
            "server_state": (details.get("server") or {}).get("state"),
            "other_action": other.get("action"),
            "other_user": other.get("user_name"),
            "other_user_id": other.get("user_id"),
            "other_workstation": other.get("workstation_no"),
            "other_at": other.get("at"),
            "reason": details.get("reason"),
        }
        kind_name = "action_refused"
    else:
        case_id = entry["entity_id"] if entry["entity"] == "case_file" else (payload.get("fields") or {}).get("case_id")
        conflict_details = {
            "idempotency_key": entry["idempotency_key"],
            "entity": entry["entity"],
            "entity_id": entry["entity_id"],
            "change": kind,
            "fields": sorted((payload.get("fields") or {}).keys()),
            **{k: v for k, v in details.items() if k in {"units", "user_units"}},
        }
        kind_name = "change_refused"
    conflict_id = uuid7()
    conn.execute(
        _conflicts.insert().values(
            id=conflict_id, case_id=case_id, kind=kind_name, reason=code, details=conflict_details, at=now, seen=False
        )
    )
    return conflict_id
