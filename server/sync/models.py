"""Server tables of sync, on the server's ``Base``.

``sync_record`` holds the server's merged state of every replicated row as a JSON document with one hybrid-logical-
clock stamp per field (cr-sqlite keeps a clock per column the same way). ``position`` is the row's place in the one
global change order: it is taken from ``sync_counter`` inside the applying transaction, so positions become visible in
exactly the order they were handed out (see docs/sync.md, "One global order").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, utcnow

COUNTER_ROW = 1


class SyncCounter(Base):
    """One row. ``UPDATE ... SET value = value + n RETURNING value`` hands out positions and, because the row stays
    locked until commit, makes commit order equal position order."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncRecord(Base):
    """The merged state of one replicated row (CouchDB's "winning revision", cr-sqlite's column clocks)."""

    __tablename__ = "sync_record"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The case a row belongs to (the case itself, its events, documents, payments ...); None: visible to everyone.
    scope_id: Mapped[str | None] = mapped_column(String(64), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    field_hlc: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # field -> [position, workstation] of the change that set its current value: an overwrite by a workstation that
    # had not pulled that position yet is concurrent, and the value it replaces goes to field history.
    field_pos: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # For cases: 1 + the number of workflow actions accepted. Other rows: number of accepted changes.
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Null only inside the applying transaction, until the counter hands out positions just before commit.
    position: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    created_by_ws: Mapped[int] = mapped_column(Integer, default=0)
    updated_by_ws: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncScope(Base):
    """The units that may see a case's rows: every unit the case has been in."""

    __tablename__ = "sync_scope"

    scope_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit: Mapped[str] = mapped_column(String(30), primary_key=True)


class SyncReceipt(Base):
    """An applied outbox entry and the answer given: a resent entry gets this answer and is not applied again."""

    __tablename__ = "sync_receipt"

    idempotency_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    workstation_no: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(60), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_sync_receipt_ws_seq", "workstation_no", "seq"),)


class SyncWorkstation(Base):
    """What the server knows about a workstation's sync: the units of everyone who synced there, its audit chain."""

    __tablename__ = "sync_workstation"

    workstation_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    units: Mapped[list[Any]] = mapped_column(default=list)
    last_push_at: Mapped[dt.datetime | None] = mapped_column()
    last_pull_at: Mapped[dt.datetime | None] = mapped_column()
    audit_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default="")
    audit_broken: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncAuditEntry(Base):
    """A workstation's audit entry as received, with whether it continued that workstation's hash chain."""

    __tablename__ = "sync_audit_entry"

    workstation_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    chain_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncAuditBreak(Base):
    """A break in a workstation's audit chain, for the audit unit to look into."""

    __tablename__ = "sync_audit_break"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workstation_no: Mapped[int] = mapped_column(Integer, index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(40))
    expected: Mapped[str] = mapped_column(Text, default="")
    found: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncRefusal(Base):
    """A pushed change refused for authorisation (a unit the user does not belong to, a role the workflow does not
    allow): kept for the audit unit besides the server audit chain entry."""

    __tablename__ = "sync_refusal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    workstation_no: Mapped[int] = mapped_column(Integer, index=True)
    user_id: Mapped[str] = mapped_column(String(36), default="")
    username: Mapped[str] = mapped_column(String(64), default="")
    code: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
