"""The inspection unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class InspectionTab(UnitTab):
    unit_id = "inspection"
    sort_order = 20

    def title(self) -> str:
        return self.tr("Inspection")
