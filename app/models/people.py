"""Natural and legal persons (applicants, owners, attorneys) and the properties they bring."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class Person(SyncMixin, Base):
    """A natural person (national ID) or a legal entity (legal-entity ID)."""

    __tablename__ = "person"

    kind: Mapped[str] = mapped_column(String(8))  # "natural" | "legal"
    national_id: Mapped[str | None] = mapped_column(String(10), unique=True)
    legal_id: Mapped[str | None] = mapped_column(String(11), unique=True)
    first_name: Mapped[str] = mapped_column(String(80), default="")
    last_name: Mapped[str] = mapped_column(String(80), default="")
    father_name: Mapped[str] = mapped_column(String(80), default="")
    company_name: Mapped[str] = mapped_column(String(200), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    mobile: Mapped[str | None] = mapped_column(String(11), index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    postal_code: Mapped[str | None] = mapped_column(String(10), index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    # search_key() of the display name: ZWNJ/space equivalent, letter variants folded.
    name_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    # search_key() of the last name first, so "family name" searches use the index too.
    last_name_key: Mapped[str] = mapped_column(String(200), default="", index=True)

    @property
    def display_name(self) -> str:
        if self.kind == "legal":
            return self.company_name
        return f"{self.first_name} {self.last_name}".strip()


class Property(SyncMixin, Base):
    """A property (parcel, building, apartment or shop), keyed by its renovation code and registry plate."""

    __tablename__ = "property"

    district: Mapped[int] = mapped_column(Integer)
    precinct: Mapped[int] = mapped_column(Integer)
    block: Mapped[int] = mapped_column(Integer)
    parcel: Mapped[int] = mapped_column(Integer)
    building: Mapped[int] = mapped_column(Integer, default=0)
    apartment: Mapped[int] = mapped_column(Integer, default=0)
    shop: Mapped[int] = mapped_column(Integer, default=0)
    renovation_key: Mapped[str] = mapped_column(String(40), unique=True)  # "1-4-76-10-0-0-0"
    registry_section: Mapped[int | None] = mapped_column(Integer)
    registry_main: Mapped[int | None] = mapped_column(Integer)
    registry_sub: Mapped[int | None] = mapped_column(Integer)
    plate_key: Mapped[str | None] = mapped_column(String(40), index=True)  # "11-72-1617"
    address: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str | None] = mapped_column(String(10), index=True)
    deed_area_m2: Mapped[float | None] = mapped_column(Float)
    zone: Mapped[str] = mapped_column(String(20), default="")  # detailed-plan zone, e.g. R112
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (
        Index("ix_property_district_block", "district", "precinct", "block"),
        # "72/1617" typed without its section: main and sub plate in either order.
        Index("ix_property_registry_main_sub", "registry_main", "registry_sub"),
    )
