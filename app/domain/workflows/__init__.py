"""Workflow tables and the engine. ``WORKFLOWS`` maps every workflow id to its table.

Ids: ``building_case``, ``violation_review``, ``plan_approval``, ``permit_draft``, ``renovation_clearance``,
``certificate.<kind>`` (``no_violation``, ``completion``, ``no_objection``), ``vehicle.<kind>`` (``sticker``,
``replacement``, ``refund``, ``objection``) and ``simple_request.<unit>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.errors import NotFoundError
from app.domain.workflows.building_case import BUILDING_CASE
from app.domain.workflows.certificate import CERTIFICATE_WORKFLOWS, certificate_workflow_id
from app.domain.workflows.engine import (
    Actor,
    CaseEvent,
    CaseSnapshot,
    StateDef,
    Transition,
    Workflow,
    WorkflowDefinitionError,
    apply,
    available_actions,
    blocked_actions,
    check_action,
    roles_for,
)
from app.domain.workflows.guards import GUARDS, PASSING_FACTS
from app.domain.workflows.permit_draft import PERMIT_DRAFT
from app.domain.workflows.plan_approval import PLAN_APPROVAL
from app.domain.workflows.renovation_clearance import RENOVATION_CLEARANCE
from app.domain.workflows.simple_request import SIMPLE_REQUEST_WORKFLOWS, simple_request_id
from app.domain.workflows.vehicle import VEHICLE_WORKFLOWS
from app.domain.workflows.violation_review import VIOLATION_REVIEW

WORKFLOWS: Mapping[str, Workflow] = MappingProxyType(
    {
        w.id: w
        for w in (
            BUILDING_CASE,
            VIOLATION_REVIEW,
            PLAN_APPROVAL,
            PERMIT_DRAFT,
            RENOVATION_CLEARANCE,
            *CERTIFICATE_WORKFLOWS,
            *VEHICLE_WORKFLOWS,
            *SIMPLE_REQUEST_WORKFLOWS,
        )
    }
)


def get_workflow(workflow_id: str) -> Workflow:
    try:
        return WORKFLOWS[workflow_id]
    except KeyError:
        raise NotFoundError("workflow.unknown", workflow=workflow_id) from None


def states_of_unit(unit: str) -> dict[str, tuple[str, ...]]:
    """Per workflow, the open states whose cases sit in ``unit``'s cartable (for the cartable query)."""
    found = {w.id: w.states_of_unit(unit) for w in WORKFLOWS.values()}
    return {k: v for k, v in found.items() if v}


__all__ = [
    "GUARDS",
    "PASSING_FACTS",
    "WORKFLOWS",
    "Actor",
    "CaseEvent",
    "CaseSnapshot",
    "StateDef",
    "Transition",
    "Workflow",
    "WorkflowDefinitionError",
    "apply",
    "available_actions",
    "blocked_actions",
    "certificate_workflow_id",
    "check_action",
    "get_workflow",
    "roles_for",
    "simple_request_id",
    "states_of_unit",
]
