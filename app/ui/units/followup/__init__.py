"""The follow-up unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class FollowupTab(UnitTab):
    unit_id = "followup"
    sort_order = 80

    def title(self) -> str:
        return self.tr("Follow-up")
