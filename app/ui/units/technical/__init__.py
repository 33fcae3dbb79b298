"""The technical manager unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class TechnicalTab(UnitTab):
    unit_id = "technical"
    sort_order = 120

    def title(self) -> str:
        return self.tr("Technical manager")
