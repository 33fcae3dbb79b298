"""Case files, their route history, documents, appointments and payments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin


class Case(SyncMixin, Base):
    __tablename__ = "case_file"

    tracking_number: Mapped[str] = mapped_column(String(20), unique=True)
    service_code: Mapped[str] = mapped_column(String(40), index=True)
    workflow_id: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(40))
    # The unit whose cartable holds the case now: derived from the workflow state, stored for the cartable index.
    unit: Mapped[str] = mapped_column(String(30))
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))
    applicant_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    property_id: Mapped[str | None] = mapped_column(ForeignKey("property.id"), index=True)
    opened_at: Mapped[dt.datetime] = mapped_column()
    opened_by_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"))
    workstation_no: Mapped[int] = mapped_column(Integer)
    state_entered_at: Mapped[dt.datetime] = mapped_column()
    due_date: Mapped[dt.date | None] = mapped_column(Date)  # deadline of the whole case, working days
    state_due_date: Mapped[dt.date | None] = mapped_column(Date)  # deadline of the current stage
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    summary: Mapped[str] = mapped_column(Text, default="")
    # The applicant's display name, copied here so a cartable of thousands of rows reads one index and no person
    # rows; intake.update_person keeps it current.
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    # Facts the workflow guards read (open violations, fees paid, sketch done ...), and unit-specific data.
    facts: Mapped[dict[str, Any]] = mapped_column(default=dict)

    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.seq", cascade="all, delete-orphan"
    )
    documents: Mapped[list[CaseDocument]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseDocument.doc_type"
    )

    __table_args__ = (
        # The cartable and its counts read only open cases (a few percent of a busy office's million): a partial
        # index in due-date order answers "open cases of unit X, most urgent first" without touching closed ones.
        # It also covers every column the cartable shows, so those rows never touch the table itself.
        Index(
            "ix_case_file_open_unit_due",
            "unit",
            "state_due_date",
            "opened_at",
            "id",
            "tracking_number",
            "service_code",
            "workflow_id",
            "state",
            "state_entered_at",
            "assignee_id",
            "applicant_name",
            sqlite_where=text("closed_at IS NULL AND deleted = 0"),
        ),
        Index("ix_case_file_unit_state", "unit", "state"),
        Index("ix_case_file_assignee_unit", "assignee_id", "unit"),
        Index("ix_case_file_opened_at", "opened_at"),
    )


class CaseParty(SyncMixin, Base):
    """People on a case besides the applicant: owners (with their share in sixths), attorneys, heirs."""

    __tablename__ = "case_party"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # owner | attorney | heir
    share_dang: Mapped[float | None] = mapped_column()


class CaseEvent(SyncMixin, Base):
    """One step of the case's route history; immutable once written."""

    __tablename__ = "case_event"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"))
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str] = mapped_column(String(40))
    to_state: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[str] = mapped_column(String(36))
    user_name: Mapped[str] = mapped_column(String(120))
    workstation_no: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[str | None] = mapped_column(String(36))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)

    case: Mapped[Case] = relationship(back_populates="events")

    __table_args__ = (UniqueConstraint("case_id", "seq"), Index("ix_case_event_at", "at"))


class CaseDocument(SyncMixin, Base):
    """A document the service requires (or one added later), whether received, and its scan once archived."""

    __tablename__ = "case_document"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(40))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[dt.datetime | None] = mapped_column()
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    # The scan (migration 0004, written by app/services/archive.py): what it is, from which device, by whom, when.
    archive_type: Mapped[str | None] = mapped_column(String(40))
    scanner: Mapped[str | None] = mapped_column(String(200))
    resolution: Mapped[int | None] = mapped_column(Integer)
    scanned_by_id: Mapped[str | None] = mapped_column(String(36))
    scanned_by_name: Mapped[str | None] = mapped_column(String(120))
    scanned_at: Mapped[dt.datetime | None] = mapped_column()

    case: Mapped[Case] = relationship(back_populates="documents")


class StoredFile(Base):
    """A file in the content-addressed store (scans, sketches, photos, printed PDFs)."""

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column()
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)


class Appointment(SyncMixin, Base):
    """An inspection visit booked for a case."""

    __tablename__ = "appointment"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    inspector_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="booked")  # booked | done | cancelled

    __table_args__ = (Index("ix_appointment_inspector_day", "inspector_id", "day"),)


class Payment(SyncMixin, Base):
    """A fee item on a case: the slip issued for it and, once paid, how."""

    __tablename__ = "payment"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    fee_code: Mapped[str] = mapped_column(String(40))
    amount_rials: Mapped[int] = mapped_column(Integer)
    bill_id: Mapped[str] = mapped_column(String(20), default="")
    payment_id: Mapped[str] = mapped_column(String(20), default="")
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    paid_at: Mapped[dt.datetime | None] = mapped_column()
    method: Mapped[str] = mapped_column(String(20), default="")  # slip | bank_ref | card_terminal
    reference: Mapped[str] = mapped_column(String(60), default="")
