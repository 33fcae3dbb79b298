"""Audit chain, sync bookkeeping, settings and the holiday table."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, uuid7


class AuditEntry(Base):
    """One action, hash-chained to the one before on this workstation: editing or deleting a row breaks the chain."""

    __tablename__ = "audit_entry"

    # (workstation_no, seq) is the key: each workstation keeps its own chain, so entries pulled from another
    # workstation (or pushed to the server) never collide with ours.
    workstation_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=uuid7)
    at: Mapped[dt.datetime] = mapped_column()
    user_id: Mapped[str] = mapped_column(String(36), default="")
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    synced: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_audit_entry_user_at", "user_id", "at"),)


class OutboxEntry(Base):
    """A local change waiting to be pushed; written in the same transaction as the change itself."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # per-workstation counter
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True, default=uuid7)
    kind: Mapped[str] = mapped_column(String(20))  # "upsert" | "delete" | "action" | "audit"
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column()
    acked_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    result: Mapped[dict[str, Any] | None] = mapped_column()


class SyncState(Base):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class FieldHistory(Base):
    """A value that lost a last-writer-wins merge; shown on the case so nothing is silently overwritten."""

    __tablename__ = "field_history"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    lost_value: Mapped[Any] = mapped_column(default=None, type_=JSON)
    lost_hlc: Mapped[str] = mapped_column(String(40))
    won_hlc: Mapped[str] = mapped_column(String(40))
    at: Mapped[dt.datetime] = mapped_column()


class SyncConflict(Base):
    """A refused workflow action or other conflict that a person must see (the Conflicts panel)."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[dt.datetime] = mapped_column()
    seen: Mapped[bool] = mapped_column(Boolean, default=False)


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(default=None, type_=JSON)


class TrackingCounter(Base):
    """The last sequence number used in tracking numbers, per workstation and Jalali year (local, never synced:
    the workstation number in the tracking number already keeps two workstations apart)."""

    __tablename__ = "tracking_counter"

    workstation_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    jalali_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)


# Holiday ids are made from the date, so two workstations that add the same day offline make the same row.
HOLIDAY_NAMESPACE = uuid.UUID("6f1c3a52-6b1e-4c39-9d0e-0d3c6f7e2a11")


def holiday_id(day: dt.date) -> str:
    """The one id of ``day`` in the holiday table on every workstation (migration 0012 computes the same)."""
    return str(uuid.uuid5(HOLIDAY_NAMESPACE, day.isoformat()))


class Holiday(SyncMixin, Base):
    """Official holidays, edited by the administration unit per Jalali year; synced, so every workstation counts
    deadlines with the same days. A removed day stays as a tombstone (``deleted``)."""

    __tablename__ = "holiday"

    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    title: Mapped[str] = mapped_column(String(120), default="")
