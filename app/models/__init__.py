"""SQLAlchemy tables of the workstation database. Import this package to register every table on ``Base``."""

from app.models.accounts import InspectorLeave, User, UserRole, Workstation
from app.models.admin import TariffYearRow
from app.models.base import Base, SyncMixin, utcnow, uuid7
from app.models.cases import Appointment, Case, CaseDocument, CaseEvent, CaseParty, Payment, StoredFile
from app.models.charges import TrafficSticker, Vehicle
from app.models.journey import ArchitectFirm
from app.models.people import Person, Property
from app.models.printing import IssuedCertificate, PrintRecord, SigningKey
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
from app.models.watch import (
    Circular,
    CircularAck,
    Complaint,
    Consultation,
    Correspondence,
    LiaisonTask,
    TechQuestion,
    WatchContact,
    ZoneRule,
)

__all__ = [
    "Appointment",
    "ArchitectFirm",
    "AuditEntry",
    "Base",
    "Case",
    "CaseDocument",
    "CaseEvent",
    "CaseParty",
    "Circular",
    "CircularAck",
    "Complaint",
    "Consultation",
    "Correspondence",
    "FieldHistory",
    "Holiday",
    "InspectorLeave",
    "IssuedCertificate",
    "LiaisonTask",
    "OutboxEntry",
    "Payment",
    "Person",
    "PrintRecord",
    "Property",
    "Setting",
    "SigningKey",
    "StoredFile",
    "SyncConflict",
    "SyncMixin",
    "SyncState",
    "TariffYearRow",
    "TechQuestion",
    "TrackingCounter",
    "TrafficSticker",
    "User",
    "UserRole",
    "Vehicle",
    "WatchContact",
    "Workstation",
    "ZoneRule",
    "utcnow",
    "uuid7",
]
