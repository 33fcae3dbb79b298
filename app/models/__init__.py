"""SQLAlchemy tables of the workstation database. Import this package to register every table on ``Base``."""

from app.models.accounts import InspectorLeave, User, UserRole, Workstation
from app.models.base import Base, SyncMixin, utcnow, uuid7
from app.models.cases import Appointment, Case, CaseDocument, CaseEvent, CaseParty, Payment, StoredFile
from app.models.people import Person, Property
from app.models.system import (
    AuditEntry,
    FieldHistory,
    Holiday,
    OutboxEntry,
    Setting,
    SyncConflict,
    SyncState,
    TrackingCounter,
)

__all__ = [
    "Appointment",
    "AuditEntry",
    "Base",
    "Case",
    "CaseDocument",
    "CaseEvent",
    "CaseParty",
    "FieldHistory",
    "Holiday",
    "InspectorLeave",
    "OutboxEntry",
    "Payment",
    "Person",
    "Property",
    "Setting",
    "StoredFile",
    "SyncConflict",
    "SyncMixin",
    "SyncState",
    "TrackingCounter",
    "User",
    "UserRole",
    "Workstation",
    "utcnow",
    "uuid7",
]
