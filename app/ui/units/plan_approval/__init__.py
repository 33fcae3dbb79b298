"""The plan approval unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class PlanApprovalTab(UnitTab):
    unit_id = "plan_approval"
    sort_order = 40

    def title(self) -> str:
        return self.tr("Plan approval")
