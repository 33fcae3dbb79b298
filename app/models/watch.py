"""Tables of the units that watch the office (issue 8): follow-up contacts, liaison tasks, consultations and the
detailed-plan zone reference, the technical manager's circulars, acknowledgements, correspondence and questions, and
the audit unit's complaints and disputes.

Every table replicates (``SyncMixin``; rules in ``server/sync/entities.py``). Ids of users, cases and persons are plain
strings without foreign keys: rows arrive by sync in any order, and a pulled page is applied without foreign keys.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class WatchContact(SyncMixin, Base):
    """A citizen's call or visit to the follow-up unit, answered from the case files, and what they were told."""

    __tablename__ = "watch_contact"

    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    channel: Mapped[str] = mapped_column(String(10))  # call | visit
    query_kind: Mapped[str] = mapped_column(String(20))  # tracking | national_id | mobile
    caller_name: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[dt.datetime] = mapped_column(index=True)


class LiaisonTask(SyncMixin, Base):
    """Work of a municipality liaison at a district office."""

    __tablename__ = "liaison_task"

    kind: Mapped[str] = mapped_column(
        String(30)
    )  # district_followup | problem_solving | special_followup | green_space
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    liaison_id: Mapped[str] = mapped_column(String(36), index=True)
    district: Mapped[int] = mapped_column(Integer, default=1)
    municipal_expert: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | done | cancelled
    outcome: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    assigned_by_id: Mapped[str] = mapped_column(String(36))
    assigned_at: Mapped[dt.datetime] = mapped_column()
    done_at: Mapped[dt.datetime | None] = mapped_column()


class Consultation(SyncMixin, Base):
    """A question put to the consultation unit and its answer; answered ones form the knowledge base."""

    __tablename__ = "consultation"

    asker_name: Mapped[str] = mapped_column(String(120))
    asker_kind: Mapped[str] = mapped_column(String(10), default="citizen")  # citizen | expert
    topic: Mapped[str] = mapped_column(String(20))  # detailed_plan | municipal_law | case_problem | other
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    zone_code: Mapped[str] = mapped_column(String(10), default="")
    consultant_id: Mapped[str] = mapped_column(String(36))
    asked_at: Mapped[dt.datetime] = mapped_column(index=True)
    answered_at: Mapped[dt.datetime | None] = mapped_column()
    search_text: Mapped[str] = mapped_column(Text, default="")  # search_key of topic, question, answer


class ZoneRule(SyncMixin, Base):
    """One detailed-plan zone (R, S, M, G and sub-zones) and what it allows; edited by the consultation unit."""

    __tablename__ = "zone_rule"

    code: Mapped[str] = mapped_column(String(10), unique=True)
    title_fa: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    allowed_uses: Mapped[list[Any]] = mapped_column(default=list)
    max_density_percent: Mapped[int] = mapped_column(Integer)
    max_floors: Mapped[int] = mapped_column(Integer)
    max_coverage_percent: Mapped[int] = mapped_column(Integer)
    notes_fa: Mapped[str] = mapped_column(Text, default="")


class Circular(SyncMixin, Base):
    """A council resolution or a circular received by the technical manager and distributed to units."""

    __tablename__ = "circular"

    kind: Mapped[str] = mapped_column(String(12))  # resolution | circular
    number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text, default="")
    scan_sha256: Mapped[str | None] = mapped_column(String(64))
    effective_on: Mapped[dt.date] = mapped_column(Date)
    services: Mapped[list[Any]] = mapped_column(default=list)  # service codes affected
    units: Mapped[list[Any]] = mapped_column(default=list)  # units it is distributed to
    registered_by_id: Mapped[str] = mapped_column(String(36))
    search_text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("kind", "number"),)


class CircularAck(SyncMixin, Base):
    """A staff member's acknowledgement that they read a circular."""

    __tablename__ = "circular_ack"

    circular_id: Mapped[str] = mapped_column(String(36), index=True)
    user_id: Mapped[str] = mapped_column(String(36))
    acknowledged_at: Mapped[dt.datetime] = mapped_column()

    __table_args__ = (UniqueConstraint("circular_id", "user_id"),)


class Correspondence(SyncMixin, Base):
    """A letter to or from another agency, with its secretariat number."""

    __tablename__ = "correspondence"

    agency: Mapped[str] = mapped_column(String(20))  # fire | engineering | gardens | technology | municipality | other
    direction: Mapped[str] = mapped_column(String(10))  # outgoing | incoming
    secretariat_no: Mapped[str] = mapped_column(String(40), unique=True)
    letter_date: Mapped[dt.date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(String(300))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    in_reply_to_id: Mapped[str | None] = mapped_column(String(36))
    answered: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    registered_by_id: Mapped[str] = mapped_column(String(36))


class TechQuestion(SyncMixin, Base):
    """A staff member's technical question to the technical manager, and the answer."""

    __tablename__ = "tech_question"

    asked_by_id: Mapped[str] = mapped_column(String(36), index=True)
    question: Mapped[str] = mapped_column(Text)
    case_id: Mapped[str | None] = mapped_column(String(36))
    asked_at: Mapped[dt.datetime] = mapped_column()
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[str | None] = mapped_column(String(36))
    answered_at: Mapped[dt.datetime | None] = mapped_column()


class Complaint(SyncMixin, Base):
    """A complaint or dispute between a citizen and an expert, or a misconduct case, and its investigation."""

    __tablename__ = "complaint"

    kind: Mapped[str] = mapped_column(String(12))  # complaint | dispute | misconduct
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    staff_user_id: Mapped[str | None] = mapped_column(String(36), index=True)
    complainant_name: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(14), default="registered")  # registered | investigating | resolved
    findings: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    registered_by_id: Mapped[str] = mapped_column(String(36))
    registered_at: Mapped[dt.datetime] = mapped_column()
    investigator_id: Mapped[str | None] = mapped_column(String(36))
    resolved_at: Mapped[dt.datetime | None] = mapped_column()

    __table_args__ = (Index("ix_complaint_status", "status"),)
