"""The archive unit's tab: the scanning desk (queue, scanning, archived documents, piles) and the cartable."""

from __future__ import annotations

from typing import Any

from app.services.dto import Changes
from app.ui.units.archive.panel import ArchivePanel
from app.ui.units.base import UnitTab


class ArchiveTab(UnitTab):
    unit_id = "archive"
    sort_order = 140

    def title(self) -> str:
        return self.tr("Archive")

    def build(self) -> None:
        self.desk = ArchivePanel(self.ctx, self)
        self.add_panel(self.desk, self.tr("Scanning"))
        self.loaded.connect(lambda: self.desk.set_queue(self.cartable_rows()))
        self.setFocusProxy(self.desk.queue)

    def open_case(self, case_id: str) -> None:
        """A case activated in the cartable opens at the scanning desk, ready to scan into."""
        self.panels.setCurrentWidget(self.desk)
        self.desk.select_case(case_id)

    def wants_reload(self, changes: Changes) -> bool:
        if self.desk.case_id is not None and self.desk.case_id in changes.case_ids:
            self.desk.reload_case()
        return super().wants_reload(changes)

    def closeEvent(self, event: Any) -> None:
        self.desk.shutdown()
        super().closeEvent(event)
