"""The liaisons unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class LiaisonTab(UnitTab):
    unit_id = "liaison"
    sort_order = 90

    def title(self) -> str:
        return self.tr("Liaisons")
