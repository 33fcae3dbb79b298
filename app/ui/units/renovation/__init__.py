"""The renovation and waste unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class RenovationTab(UnitTab):
    unit_id = "renovation"
    sort_order = 70

    def title(self) -> str:
        return self.tr("Renovation and waste")
