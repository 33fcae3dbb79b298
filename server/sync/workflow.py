"""Workflow actions arrive as commands: accepted only if the case is still in the state and version the client saw.

The server's copy of the case decides. A refused action gets a typed reason and, so that the clerk can be told who
got there first, the server's state of the case and its last route event.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.errors import DomainError, WorkflowError
from app.domain.workflows import Actor, CaseSnapshot, apply, get_workflow
from server.sync.authz import Author, record_refusal
from server.sync.models import SyncRecord
from server.sync.protocol import ACCEPTED, REFUSED, EntryResult, PushEntry

if TYPE_CHECKING:
    from server.sync.push import Batch

SECURITY_CODES = frozenset({"workflow.role_not_allowed", "sync.unit_forbidden"})


def _result(entry: PushEntry, status: str, code: str = "", **details: Any) -> EntryResult:
    return EntryResult(idempotency_key=entry.idempotency_key, seq=entry.seq, status=status, code=code, details=details)


def _parse_time(value: Any) -> dt.datetime:
    if isinstance(value, str) and value:
        try:
            parsed = dt.datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        except ValueError:
            pass
    return dt.datetime.now(dt.UTC)


def case_rows(batch: Batch, case_id: str, entity: str) -> list[SyncRecord]:
    rows = list(
        batch.session.scalars(
            select(SyncRecord).where(
                SyncRecord.scope_id == case_id, SyncRecord.entity == entity, SyncRecord.deleted.is_(False)
            )
        )
    )
    known = {r.id for r in rows}
    rows += [
        r
        for (e, _), r in batch.touched.items()
        if e == entity and r.scope_id == case_id and not r.deleted and r.id not in known
    ]
    return rows


def last_event(batch: Batch, case_id: str) -> dict[str, Any]:
    events = case_rows(batch, case_id, "case_event")
    if not events:
        return {}
    top = max(events, key=lambda r: int(r.data.get("seq") or 0))
    return {
        k: top.data.get(k)
        for k in ("action", "from_state", "to_state", "user_id", "user_name", "workstation_no", "at", "note")
    }


def server_case(record: SyncRecord) -> dict[str, Any]:
    data = record.data
    return {
        "state": data.get("state"),
        "unit": data.get("unit"),
        "version": record.version,
        "assignee_id": data.get("assignee_id"),
        "state_entered_at": data.get("state_entered_at"),
        "state_due_date": data.get("state_due_date"),
        "closed_at": data.get("closed_at"),
    }


def apply_action(batch: Batch, entry: PushEntry, author: Author, stamp: str) -> EntryResult:
    payload = entry.payload
    case_id = entry.entity_id
    action = str(payload.get("action") or "")
    if entry.entity != "case_file":
        return _result(entry, REFUSED, "sync.action_needs_case")
    record = batch.get("case_file", case_id)
    if record is None or record.deleted:
        return _result(entry, REFUSED, "sync.case_unknown", case_id=case_id)
    units = batch.scope_units(case_id)
    current_unit = str(record.data.get("unit") or "")
    if not author.may_write({current_unit} if current_unit else units):
        details = {"units": [current_unit], "user_units": sorted(author.units), "action": action}
        record_refusal(
            batch.session,
            workstation_no=batch.workstation_no,
            author=author,
            code="sync.unit_forbidden",
            entity=entry.entity,
            entity_id=case_id,
            details=details,
        )
        return _result(entry, REFUSED, "sync.unit_forbidden", **details)

    server = server_case(record)
    expected_state = payload.get("from_state", payload.get("expected_state"))
    events = case_rows(batch, case_id, "case_event")
    server_seq = max((int(e.data.get("seq") or 0) for e in events), default=0)
    conflict_details = {
        "action": action,
        "attempted_by": author.username,
        "attempted_at": payload.get("at"),
        "expected_state": expected_state,
        "expected_event_seq": payload.get("event_seq"),
        "server": server,
        "other": last_event(batch, case_id),
    }
    earlier = batch.refused_cases.get(case_id)
    if earlier is not None:
        # An action queued after a refused one on the same case builds on a state that never was.
        return _result(entry, REFUSED, "sync.action_after_refused", refused_key=earlier, **conflict_details)
    # The workflow version a client saw is the route history it had: its event is the next one, or someone else's
    # action came first (this also catches A-B-A loops that end in the same state).
    event_seq = payload.get("event_seq")
    if expected_state != record.data.get("state") or (event_seq is not None and int(event_seq) != server_seq + 1):
        batch.refused_cases[case_id] = entry.idempotency_key
        return _result(entry, REFUSED, "sync.action_conflict", **conflict_details)

    try:
        workflow = get_workflow(str(record.data.get("workflow_id") or ""))
        documents = case_rows(batch, case_id, "case_document")
        missing = frozenset(
            str(d.data.get("doc_type"))
            for d in documents
            if d.data.get("required", True) and not d.data.get("received", False)
        )
        snapshot = CaseSnapshot(
            case_id=case_id,
            workflow_id=workflow.id,
            state=str(record.data.get("state")),
            version=record.version,
            assignee_id=record.data.get("assignee_id"),
            missing_documents=missing,
            facts=dict(record.data.get("facts") or {}),
        )
        actor = Actor(author.user_id, author.username, author.full_name, author.roles)
        at = _parse_time(payload.get("at"))
        event = apply(
            workflow,
            snapshot,
            actor,
            action,
            at=at,
            workstation_id=str(batch.workstation_no),
            note=payload.get("note"),
            assignee_id=payload.get("assignee_id"),
            data=dict(payload.get("data") or {}),
        )
    except DomainError as exc:
        code = exc.code
        if code in SECURITY_CODES:
            record_refusal(
                batch.session,
                workstation_no=batch.workstation_no,
                author=author,
                code=code,
                entity=entry.entity,
                entity_id=case_id,
                details={"action": action, **exc.params},
            )
        batch.refused_cases[case_id] = entry.idempotency_key
        params = {k: v for k, v in exc.params.items() if isinstance(v, str | int | float | bool | list | type(None))}
        return _result(
            entry, REFUSED, code, **conflict_details, reason=params, workflow_error=isinstance(exc, WorkflowError)
        )

    to_state = workflow.state(event.to_state)
    data = dict(record.data)
    clocks = dict(record.field_hlc)
    data.update(
        state=event.to_state,
        unit=to_state.unit,
        assignee_id=event.assignee_id,
        state_entered_at=event.at.isoformat(),
        closed_at=event.at.isoformat() if to_state.terminal else None,
    )
    derived = {**payload, **dict(payload.get("case_fields") or {})}
    if "state_due_date" in derived:
        data["state_due_date"] = derived["state_due_date"]
    for name in ("state", "unit", "assignee_id", "state_entered_at", "closed_at", "state_due_date"):
        clocks[name] = stamp
    record.data = data
    record.field_hlc = clocks
    batch.fields_set.setdefault((record.entity, record.id), set()).update(
        ("state", "unit", "assignee_id", "state_entered_at", "closed_at", "state_due_date")
    )
    record.version += 1
    record.updated_by_ws = batch.workstation_no
    record.updated_at = dt.datetime.now(dt.UTC)
    batch.touch(record)

    seq = server_seq + 1
    event_id = str(payload.get("event_id") or entry.idempotency_key)
    event_data = {
        "case_id": case_id,
        "seq": seq,
        "action": action,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "unit": to_state.unit,
        "user_id": author.user_id,
        "user_name": author.full_name,
        "workstation_no": batch.workstation_no,
        "at": event.at.isoformat(),
        "note": event.note or "",
        "assignee_id": event.assignee_id,
        "data": dict(payload.get("data") or {}),
        "created_at": event.at.isoformat(),
        "deleted": False,
    }
    event_record = SyncRecord(
        entity="case_event",
        id=event_id,
        scope_id=case_id,
        data=event_data,
        field_hlc=dict.fromkeys(event_data, stamp),
        version=1,
        deleted=False,
        created_by_ws=batch.workstation_no,
        updated_by_ws=batch.workstation_no,
    )
    batch.session.add(event_record)
    batch.session.flush()
    batch.add_scope_unit(case_id, to_state.unit)
    batch.touch(event_record)
    return _result(entry, ACCEPTED, version=record.version, state=event.to_state, event_seq=seq, event_id=event_id)
