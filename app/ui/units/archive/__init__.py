"""The archive unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class ArchiveTab(UnitTab):
    unit_id = "archive"
    sort_order = 140

    def title(self) -> str:
        return self.tr("Archive")
