"""The administration unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class AdminTab(UnitTab):
    unit_id = "admin"
    sort_order = 150

    def title(self) -> str:
        return self.tr("Administration")
