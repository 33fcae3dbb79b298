"""The permit drafts unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class PermitsTab(UnitTab):
    unit_id = "permits"
    sort_order = 60

    def title(self) -> str:
        return self.tr("Permit drafts")
