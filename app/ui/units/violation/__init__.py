"""The violation review unit's tab (بررسی خلاف): the workbench of one case (violations, Article 100 ruling and
objection, registry letters, fire-safety company), the objection deadlines of the unit, and the cartable."""

from __future__ import annotations

from app.services.violations import DeadlineRow
from app.ui.units.base import UnitTab


class ViolationTab(UnitTab):
    unit_id = "violation"
    sort_order = 30

    def title(self) -> str:
        return self.tr("Violation review")

    def build(self) -> None:
        from app.ui.units.violation.workbench import DeadlinesPanel, ObjectionCartableModel, ViolationWorkbench

        # The cartable shows each ruling's objection countdown in its stage column.
        view = self.cartable.view
        self.cartable_model = ObjectionCartableModel(view)
        view.source = self.cartable_model
        view.proxy.setSourceModel(self.cartable_model)
        self.workbench = ViolationWorkbench(self.ctx, self)
        self.deadlines = DeadlinesPanel(self.ctx, self)
        self.add_panel(self.workbench, self.tr("Case review"))
        self.add_panel(self.deadlines, self.tr("Objection deadlines"))
        self.deadlines.case_activated.connect(self.open_case)
        self.deadlines.listed.connect(self._deadlines_listed)
        self.deadlines.reload()
        self.loaded.connect(self._first_case)

    def _deadlines_listed(self, rows: list[DeadlineRow]) -> None:
        self.cartable_model.set_deadlines(rows)
        self.cartable.view.resizeColumnToContents(self.cartable_model.COLUMNS.index("state"))

    def _first_case(self) -> None:
        """Show the most urgent case at once, so the workbench is never an empty page."""
        rows = self.cartable_rows()
        if self.workbench.case_id is None and rows:
            self.workbench.select_case(rows[0].case_id)

    def open_case(self, case_id: str) -> None:
        """From the cartable (or the deadlines list): the case, in the workbench."""
        self.panels.setCurrentWidget(self.workbench)
        self.workbench.select_case(case_id)
