"""Vehicle charges (unit 11): vehicles with their Iranian plates and owners, and the annual traffic-zone stickers.

Renovation and waste keep their case data in ``Case.facts`` (assessment, routes, contractor) and their money in
``Payment``; only the vehicle unit needs tables of its own, because a vehicle and its stickers outlive any one case.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class Vehicle(SyncMixin, Base):
    """A vehicle by its plate. ``plate_key`` is the stored form of ``app.domain.rules.vehicle.Plate.key()``
    (``12ب345-67``); the parts are kept apart as well for search and printing."""

    __tablename__ = "vehicle"

    plate_key: Mapped[str] = mapped_column(String(16), unique=True)
    plate_two: Mapped[str] = mapped_column(String(2))
    plate_letter: Mapped[str] = mapped_column(String(4))
    plate_three: Mapped[str] = mapped_column(String(3))
    plate_region: Mapped[int] = mapped_column(Integer)
    owner_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    owner_name: Mapped[str] = mapped_column(String(200), default="")
    make_model: Mapped[str] = mapped_column(String(120), default="")
    color: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class TrafficSticker(SyncMixin, Base):
    """One annual traffic-zone sticker (آرم طرح ترافیک سالیانه) of a vehicle for a Jalali year.

    ``status``: ``active`` (valid), ``replaced`` (a replacement was issued; ``replaced_by_id`` names it) or
    ``refunded`` (the unused period was paid back). At most one active sticker per vehicle and year.
    """

    __tablename__ = "traffic_sticker"

    vehicle_id: Mapped[str] = mapped_column(ForeignKey("vehicle.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[str] = mapped_column(String(20), unique=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    fee_rials: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[dt.datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(12), default="active")
    replaced_by_id: Mapped[str | None] = mapped_column(String(36))
    ended_at: Mapped[dt.datetime | None] = mapped_column()
    end_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index(
            "uq_traffic_sticker_active_year",
            "vehicle_id",
            "year",
            unique=True,
            sqlite_where=text("status = 'active' AND deleted = 0"),
        ),
    )
