"""Moving a stored case through its workflow: snapshot for the engine, the event row, the case's new place."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import workflows as wf
from app.models import Case, CaseDocument, CaseEvent, uuid7

if TYPE_CHECKING:
    from app.services.context import Services

# Working days a case may spend in one stage before it shows as overdue (a setting overrides it per state).
DEFAULT_STAGE_DAYS = 3


def missing_documents(session: Session, case_id: str) -> frozenset[str]:
    return frozenset(
        session.scalars(
            select(CaseDocument.doc_type).where(
                CaseDocument.case_id == case_id,
                CaseDocument.required.is_(True),
                CaseDocument.received.is_(False),
                CaseDocument.deleted.is_(False),
            )
        )
    )


def snapshot_of(session: Session, case: Case) -> wf.CaseSnapshot:
    return wf.CaseSnapshot(
        case_id=case.id,
        workflow_id=case.workflow_id,
        state=case.state,
        version=case.version,
        assignee_id=case.assignee_id,
        missing_documents=missing_documents(session, case.id),
        facts=dict(case.facts or {}),
    )


def stage_due_date(services: Services, state: str, today: dt.date) -> dt.date:
    days = services.stage_days.get(state, DEFAULT_STAGE_DAYS)
    return services.calendar.add_working_days(today, days)


def next_event_seq(session: Session, case_id: str) -> int:
    return int(session.scalar(select(func.max(CaseEvent.seq)).where(CaseEvent.case_id == case_id)) or 0) + 1


def store_event(
    session: Session,
    services: Services,
    case: Case,
    event: wf.CaseEvent,
    *,
    unit: str,
    stamp: str,
) -> CaseEvent:
    row = CaseEvent(
        id=uuid7(),
        case_id=case.id,
        seq=next_event_seq(session, case.id),
        action=event.action,
        from_state=event.from_state,
        to_state=event.to_state,
        unit=unit,
        user_id=event.actor_id,
        user_name=event.actor_name,
        workstation_no=services.workstation_no,
        at=event.at,
        note=event.note or "",
        assignee_id=event.assignee_id,
        data={"roles_used": sorted(event.roles_used), **dict(event.data)},
        hlc=stamp,
    )
    session.add(row)
    return row


def move_case(
    services: Services,
    case: Case,
    event: wf.CaseEvent,
    *,
    stamp: str,
    state_due: dt.date | None = None,
) -> list[str]:
    """Put the case where ``event`` says; returns the changed column names (for the outbox)."""
    workflow = wf.get_workflow(case.workflow_id)
    target = workflow.state(event.to_state)
    now = event.at
    changed = ["state", "unit", "assignee_id", "version", "hlc", "updated_at"]
    if event.to_state != event.from_state:
        case.state = event.to_state
        case.unit = target.unit
        case.state_entered_at = now
        changed.append("state_entered_at")
        if target.open:
            case.state_due_date = state_due or stage_due_date(services, target.id, services.today())
            case.closed_at = None
        else:
            case.state_due_date = None
            case.closed_at = case.closed_at or now
        changed += ["state_due_date", "closed_at"]
    case.assignee_id = event.assignee_id
    case.version += 1
    case.hlc = stamp
    case.dirty = True
    case.updated_at = now
    return changed
