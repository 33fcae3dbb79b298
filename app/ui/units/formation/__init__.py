"""The formation unit's tab: the intake counter first, then the unit's cartable (cases waiting at the counter)."""

from __future__ import annotations

from app.ui.units.base import UnitTab
from app.ui.units.formation.intake import IntakePanel


class FormationTab(UnitTab):
    unit_id = "formation"
    sort_order = 10

    def title(self) -> str:
        return self.tr("Formation")

    def build(self) -> None:
        self.intake = IntakePanel(self.ctx, self)
        self.add_panel(self.intake, self.tr("New case"))
        self.setFocusProxy(self.intake)
