"""Plain data that services hand to the UI (and take from it). The UI never sees SQLAlchemy objects.

This module is the contract between app.services and app.ui: change it with both sides in mind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """What a use case changed, so every open tab can decide whether to reload."""

    case_ids: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()  # "case", "person", "property", "appointment", "user", "setting" ...

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.case_ids | other.case_ids, self.entities | other.entities)


@dataclass(frozen=True)
class PersonInput:
    kind: str  # "natural" | "legal"
    national_id: str = ""  # natural persons
    legal_id: str = ""  # legal entities
    first_name: str = ""
    last_name: str = ""
    father_name: str = ""
    company_name: str = ""
    birth_date: dt.date | None = None
    mobile: str = ""
    phone: str = ""
    postal_code: str = ""
    address: str = ""


@dataclass(frozen=True)
class PersonView:
    id: str
    kind: str
    national_id: str | None
    legal_id: str | None
    display_name: str
    first_name: str
    last_name: str
    father_name: str
    company_name: str
    mobile: str | None
    postal_code: str | None
    address: str


@dataclass(frozen=True)
class PropertyInput:
    renovation_code: str  # "1-4-76-10-0-0-0", Persian digits accepted
    registry_section: str = ""
    registry_main: str = ""
    registry_sub: str = ""
    address: str = ""
    postal_code: str = ""
    deed_area_m2: float | None = None
    zone: str = ""


@dataclass(frozen=True)
class PropertyView:
    id: str
    renovation_code: str
    plate_text: str  # «۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱» or ""
    address: str
    postal_code: str | None
    deed_area_m2: float | None
    zone: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class InspectionDay:
    """One inspector's free capacity on one day, for the intake calendar."""

    day: dt.date
    inspector_id: str
    inspector_name: str
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked)


@dataclass(frozen=True)
class OpenCaseInput:
    service_code: str
    applicant_id: str
    property_id: str | None
    received_documents: frozenset[str]
    inspection_day: dt.date | None = None
    inspector_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class OpenCaseResult:
    case_id: str
    tracking_number: str
    changes: Changes
    state: str = ""  # where the case landed (e.g. "inspection_scheduled"; "formation" while documents are missing)
    unit: str = ""  # whose cartable holds it now
    missing_documents: tuple[str, ...] = ()
    appointment_day: dt.date | None = None
    inspector_id: str | None = None


@dataclass(frozen=True)
class CartableRow:
    case_id: str
    tracking_number: str
    service_code: str
    service_name: str
    applicant_name: str
    state: str
    state_title: str
    assignee_name: str
    opened_at: dt.datetime
    state_entered_at: dt.datetime
    state_due_date: dt.date | None
    overdue: bool
    working_days_left: int | None


@dataclass(frozen=True)
class DocumentLine:
    doc_type: str
    title: str
    required: bool
    received: bool
    scanned: bool


@dataclass(frozen=True)
class HistoryLine:
    seq: int
    at: dt.datetime
    action: str
    action_title: str
    from_state: str
    to_state: str
    to_state_title: str
    unit: str
    user_name: str
    note: str


@dataclass(frozen=True)
class ActionOption:
    action: str
    title: str
    needs_note: bool
    needs_assignee: bool


@dataclass(frozen=True)
class BlockedAction:
    """An action the user's role allows in this state but a guard refuses now: ``reason`` is the error code
    (``workflow.guard_failed``), ``missing`` what is missing (document codes, fact names)."""

    action: str
    title: str
    reason: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class AppointmentLine:
    id: str
    day: dt.date
    inspector_id: str
    inspector_name: str
    status: str  # booked | done | cancelled


@dataclass(frozen=True)
class CaseDetail:
    case_id: str
    tracking_number: str
    version: int
    service_code: str
    service_name: str
    workflow_id: str
    state: str
    state_title: str
    unit: str
    assignee_name: str
    opened_at: dt.datetime
    due_date: dt.date | None
    applicant: PersonView
    property: PropertyView | None
    documents: tuple[DocumentLine, ...]
    history: tuple[HistoryLine, ...]
    actions: tuple[ActionOption, ...]
    facts: dict[str, object] = field(default_factory=dict)
    # Added after the first contract; all have defaults.
    blocked_actions: tuple[BlockedAction, ...] = ()  # allowed by role but refused by a guard, with the reason
    assignee_id: str | None = None
    state_due_date: dt.date | None = None
    overdue: bool = False
    closed: bool = False
    appointments: tuple[AppointmentLine, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    case_id: str
    tracking_number: str
    applicant_name: str
    service_name: str
    state_title: str
    matched_on: str  # "tracking" | "national_id" | "name" | "mobile" | "plate" | "renovation_code"


@dataclass(frozen=True)
class ChainReport:
    """Result of checking the audit hash chain: ``first_broken_seq`` names the first entry that fails."""

    ok: bool
    checked: int
    first_broken_seq: int | None
    reason: str  # "" | "hash_mismatch" | "prev_hash_mismatch" | "missing_entries" | "duplicate_seq"


@dataclass(frozen=True)
class AuditLine:
    workstation_no: int
    seq: int
    at: dt.datetime
    user_id: str
    username: str
    action: str
    entity: str
    entity_id: str
    details: dict[str, object]
    hash: str


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    full_name: str
    roles: frozenset[str]
    active: bool
    locked_until: dt.datetime | None
    inspector_daily_capacity: int


@dataclass(frozen=True)
class LeaveView:
    id: str
    inspector_id: str
    day: dt.date
    reason: str


@dataclass(frozen=True)
class HolidayView:
    day: dt.date
    title: str


@dataclass(frozen=True)
class WorkstationView:
    number: int
    office_code: str
    name: str
    server_url: str
