"""The vehicle charges unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class VehicleTab(UnitTab):
    unit_id = "vehicle"
    sort_order = 110

    def title(self) -> str:
        return self.tr("Vehicle charges")
