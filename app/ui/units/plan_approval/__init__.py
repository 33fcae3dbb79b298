"""The plan approval unit's tab (تایید نقشه معماری): the workbench of one case (plan order, submissions from a
registered architect firm, review checklist, return or approval, green-space and fire referrals), the register of
architect firms, and the cartable."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class PlanApprovalTab(UnitTab):
    unit_id = "plan_approval"
    sort_order = 40

    def title(self) -> str:
        return self.tr("Plan approval")

    def build(self) -> None:
        from app.ui.units.plan_approval.workbench import FirmsPanel, PlanWorkbench

        self.workbench = PlanWorkbench(self.ctx, self)
        self.firms = FirmsPanel(self.ctx, self)
        self.add_panel(self.workbench, self.tr("Plan review"))
        self.add_panel(self.firms, self.tr("Architect firms"))
        self.firms.reload()
        self.loaded.connect(self._first_case)

    def _first_case(self) -> None:
        """Show the most urgent case at once, so the workbench is never an empty page."""
        rows = self.cartable_rows()
        if self.workbench.case_id is None and rows:
            self.workbench.select_case(rows[0].case_id)

    def open_case(self, case_id: str) -> None:
        """From the cartable: the case, in the workbench."""
        self.panels.setCurrentWidget(self.workbench)
        self.workbench.select_case(case_id)
