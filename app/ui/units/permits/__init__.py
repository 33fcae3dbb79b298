"""The permit drafts unit's tab: the draft desk (checklist, engineers, figures, sheet, workflow) and the cartable."""

from __future__ import annotations

from app.ui.units.base import UnitTab
from app.ui.units.permits.draft import DraftPanel


class PermitsTab(UnitTab):
    unit_id = "permits"
    sort_order = 60

    def title(self) -> str:
        return self.tr("Permit drafts")

    def build(self) -> None:
        self.desk = DraftPanel(self.ctx, self)
        self.add_panel(self.desk, self.tr("Draft"))
        self.loaded.connect(lambda: self.desk.set_queue(self.cartable_rows()))
        self.setFocusProxy(self.desk.queue)

    def open_case(self, case_id: str) -> None:
        """A case activated in the cartable opens at the draft desk."""
        self.panels.setCurrentWidget(self.desk)
        self.desk.select_case(case_id)
