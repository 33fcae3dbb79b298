"""The violation review unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class ViolationTab(UnitTab):
    unit_id = "violation"
    sort_order = 30

    def title(self) -> str:
        return self.tr("Violation review")
