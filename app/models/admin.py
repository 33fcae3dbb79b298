"""Tables of the administration unit: the tariff tables per Jalali year (data the rules read, not code)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


def tariff_row_id(year: int) -> str:
    """One id per year on every workstation, so two offline edits of a year merge instead of clashing."""
    return f"tariff-{int(year)}"


class TariffYearRow(SyncMixin, Base):
    """One Jalali year of ``app.domain.rules.tariffs.TariffYear`` in its JSON form (``TariffYear.to_dict``)."""

    __tablename__ = "tariff_year"

    year: Mapped[int] = mapped_column(Integer, unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
