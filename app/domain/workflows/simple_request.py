"""The small services (consultation, liaison tasks, vehicle charges, formation's small services, circulars,
complaints ...): received → in review → answered or rejected, with the deficiency loop and referral.

One table per unit, built by ``make_simple_request``, because a cartable is "cases whose state belongs to my unit"
and the same small-request shape serves many units. The workflow id is ``simple_request.<unit>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from app.domain.units import OFFICE_HEAD, TECHNICAL_MANAGER, get_unit
from app.domain.workflows.common import deficiency, refer, row
from app.domain.workflows.engine import StateDef, Workflow


@dataclass(frozen=True, slots=True)
class SimpleRequestRoles:
    """``worker`` works the cartable; ``handlers`` may take every action; ``rejecters`` alone may reject."""

    worker: str
    handlers: frozenset[str]
    rejecters: frozenset[str]


def _roles(worker: str, *others: str, rejecters: tuple[str, ...]) -> SimpleRequestRoles:
    return SimpleRequestRoles(worker, frozenset({worker, *others}), frozenset(rejecters))


SIMPLE_REQUEST_ROLES: Mapping[str, SimpleRequestRoles] = MappingProxyType(
    {
        "formation": _roles("formation.clerk", "formation.head", rejecters=("formation.head",)),
        "violation": _roles("violation.expert", "violation.head", rejecters=("violation.head",)),
        "renovation": _roles("renovation.expert", "renovation.head", rejecters=("renovation.head",)),
        "followup": _roles("followup.officer", "followup.head", rejecters=("followup.head",)),
        "liaison": _roles("liaison.liaison", "liaison.head", rejecters=("liaison.head",)),
        "consultation": _roles(
            "consultation.consultant", "consultation.head", rejecters=("consultation.consultant", "consultation.head")
        ),
        "vehicle": _roles("vehicle.clerk", "vehicle.head", rejecters=("vehicle.head",)),
        "technical": _roles("technical.secretary", TECHNICAL_MANAGER, rejecters=(TECHNICAL_MANAGER,)),
        "audit": _roles("audit.auditor", "audit.head", rejecters=("audit.head", OFFICE_HEAD)),
    }
)


def simple_request_id(unit: str) -> str:
    return f"simple_request.{unit}"


def make_simple_request(unit: str) -> Workflow:
    roles = SIMPLE_REQUEST_ROLES[unit]
    worker, handlers, rejecters = roles.worker, roles.handlers, roles.rejecters
    u = get_unit(unit)
    return Workflow(
        id=simple_request_id(unit),
        title_en=f"{u.title_en}: request",
        title_fa=f"درخواست {u.title_fa}",
        initial_state="received",
        states=(
            StateDef("received", unit, "Received", "دریافت شده", role=worker),
            StateDef("in_review", unit, "In review", "در حال بررسی", role=worker),
            StateDef("awaiting_documents", unit, "Awaiting documents", "در انتظار تکمیل مدارک", role=worker),
            StateDef("answered", unit, "Answered", "پاسخ داده شده", terminal=True),
            StateDef("rejected", unit, "Rejected", "رد شده", terminal=True),
            StateDef("withdrawn", unit, "Withdrawn", "انصراف", terminal=True),
        ),
        transitions=(
            row("received", "start_review", "in_review", handlers),
            row("received", "withdraw", "withdrawn", handlers, note=True),
            refer("received", handlers),
            row("in_review", "answer", "answered", handlers, note=True),
            row("in_review", "reject", "rejected", rejecters, note=True),
            deficiency("in_review", "awaiting_documents", handlers),
            refer("in_review", handlers),
            row("awaiting_documents", "documents_completed", "in_review", handlers, guards=("all_documents_received",)),
            row("awaiting_documents", "withdraw", "withdrawn", handlers, note=True),
        ),
    )


SIMPLE_REQUEST_WORKFLOWS: tuple[Workflow, ...] = tuple(make_simple_request(u) for u in SIMPLE_REQUEST_ROLES)
