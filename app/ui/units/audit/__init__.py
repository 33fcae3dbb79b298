"""The audit unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class AuditTab(UnitTab):
    unit_id = "audit"
    sort_order = 130

    def title(self) -> str:
        return self.tr("Audit")
