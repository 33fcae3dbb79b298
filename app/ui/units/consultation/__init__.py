"""The consultation unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class ConsultationTab(UnitTab):
    unit_id = "consultation"
    sort_order = 100

    def title(self) -> str:
        return self.tr("Consultation")
