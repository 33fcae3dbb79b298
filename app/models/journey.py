"""Tables of the file's journey (violation review, plan approval): the register of architect firms.

Everything else these units record about one case (violations, registry letters, the Article 100 ruling and the
objection, the plan order, plan submissions, the review checklist, the green-space and fire referrals) lives in
``Case.facts``, next to the facts the workflow guards read, so that it travels with the case when it syncs.
"""

from __future__ import annotations

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class ArchitectFirm(SyncMixin, Base):
    """An architect firm (شرکت معمار) registered with the engineering organisation; plans come from these firms."""

    __tablename__ = "architect_firm"

    name: Mapped[str] = mapped_column(String(200))
    # The engineering organisation's registration number: unique, ASCII digits and dashes.
    registration_number: Mapped[str] = mapped_column(String(40), unique=True)
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
