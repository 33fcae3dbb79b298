"""Users, their roles, and the workstation this database belongs to."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin


class User(SyncMixin, Base):
    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    # argon2id verifier kept locally so a user who logged in here before can log in offline.
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column()
    inspector_daily_capacity: Mapped[int] = mapped_column(Integer, default=0)

    roles: Mapped[list[UserRole]] = relationship(back_populates="user", cascade="all, delete-orphan", lazy="selectin")

    @property
    def role_names(self) -> frozenset[str]:
        return frozenset(r.role for r in self.roles if not r.deleted)


class UserRole(SyncMixin, Base):
    """A role string: "<unit>.<role>" (e.g. "inspection.inspector") or a global role ("office_head", "admin")."""

    __tablename__ = "user_role"

    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    role: Mapped[str] = mapped_column(String(64))

    user: Mapped[User] = relationship(back_populates="roles")


class Workstation(Base):
    """This workstation's identity; the number goes into every tracking number made here."""

    __tablename__ = "workstation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    office_code: Mapped[str] = mapped_column(String(4))
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[dt.datetime | None] = mapped_column()
    server_url: Mapped[str] = mapped_column(String(300), default="")


class InspectorLeave(SyncMixin, Base):
    __tablename__ = "inspector_leave"

    inspector_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    day: Mapped[dt.date] = mapped_column()
    reason: Mapped[str] = mapped_column(String(200), default="")
