"""The server's own tables: accounts, workstations, refresh tokens, audit chain, revocations and stored files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.db.base import Base, utcnow, uuid7


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    password_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin", order_by="UserRole.role"
    )

    @property
    def role_names(self) -> frozenset[str]:
        return frozenset(r.role for r in self.roles)


class UserRole(Base):
    """A role string: ``"<unit>.<role>"`` or a global role (``office_head``, ``technical_manager``, ``admin``)."""

    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role", name="uq_user_role_user_id_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(64))

    user: Mapped[User] = relationship(back_populates="roles")


class Workstation(Base):
    """An enrolment request and, once an admin approves it, an enrolled workstation with its number.

    The workstation proves itself later either with an Ed25519 signature (``public_key``) or with the random secret
    the server gave it at enrolment (only its sha256 is stored).
    """

    __tablename__ = "workstation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    number: Mapped[int | None] = mapped_column(Integer, unique=True, default=None)
    name: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)  # pending|approved|rejected|revoked
    public_key: Mapped[str | None] = mapped_column(String(64), default=None)  # raw Ed25519 key, base64url
    secret_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class RefreshToken(Base):
    """Refresh tokens are stored as sha256; each refresh rotates it. Reusing a rotated token revokes its family."""

    __tablename__ = "refresh_token"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    family_id: Mapped[str] = mapped_column(String(36), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    workstation_id: Mapped[str | None] = mapped_column(ForeignKey("workstation.id"), default=None)
    issued_at: Mapped[dt.datetime] = mapped_column()
    expires_at: Mapped[dt.datetime] = mapped_column()
    used_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class AuditEntry(Base):
    """One server action, hash-chained: ``hash = sha256(prev_hash + canonical JSON of the entry)``."""

    __tablename__ = "server_audit"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=uuid7)
    at: Mapped[dt.datetime] = mapped_column()
    user_id: Mapped[str] = mapped_column(String(36), default="")
    username: Mapped[str] = mapped_column(String(64), default="")
    workstation_no: Mapped[int | None] = mapped_column(Integer, default=None)
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row that every audit append locks (SELECT ... FOR UPDATE), so concurrent appends cannot fork the chain."""

    __tablename__ = "server_audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


class RevokedCertificate(Base):
    """A cancelled certificate (ابطال), by the serial its signed QR payload carries (``app.printing.signing``)."""

    __tablename__ = "revoked_certificate"

    serial: Mapped[str] = mapped_column(String(64), primary_key=True)
    tracking_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    revoked_at: Mapped[dt.datetime] = mapped_column()
    revoked_by: Mapped[str] = mapped_column(String(64), default="")


class StoredFile(Base):
    """A complete, re-hashed file in the content-addressed store (``files_dir/ab/cd/<sha256>``)."""

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    stored_at: Mapped[dt.datetime] = mapped_column()
    uploaded_by: Mapped[str] = mapped_column(String(64), default="")


class FileUpload(Base):
    """An upload in progress: the bytes so far live in ``files_dir/partial/<sha256>``."""

    __tablename__ = "file_upload"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    started_at: Mapped[dt.datetime] = mapped_column()
    started_by: Mapped[str] = mapped_column(String(64), default="")
