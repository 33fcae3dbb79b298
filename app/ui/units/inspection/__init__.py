"""The inspection unit's tab: the visit form with the sketch, the inspectors' calendar and day list, the cartable.

Double-clicking a case in the cartable (or in a day list) opens it in the visit form; «Case file…» there opens the
case view for the generic steps (record the visit, submit, approve, return with a reason). The cartable marks the
cases whose sketch area differs from the deed's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from app.services.dto import CartableRow, Changes
from app.ui.context import UiContext
from app.ui.map.source import workstation_source
from app.ui.units.base import UnitTab
from app.ui.units.inspection.calendar import CalendarPanel
from app.ui.units.inspection.visit import VisitPanel

AREA_FLAG_MARK = "⚠"


class InspectionTab(UnitTab):
    unit_id = "inspection"
    sort_order = 20

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        self.flagged: frozenset[str] = frozenset()
        super().__init__(ctx, parent)

    def title(self) -> str:
        return self.tr("Inspection")

    def build(self) -> None:
        self.visit = VisitPanel(self.ctx, None, self)
        self.visit.set_source(workstation_source(self.ctx, on_ready=self.visit.set_source))
        self.visit.open_case_requested.connect(self._open_case_view)
        self.calendar = CalendarPanel(self.ctx, self)
        self.calendar.case_activated.connect(self.open_case)
        self.visit_index = self.add_panel(self.visit, self.tr("Visit form and sketch"))
        self.calendar_index = self.add_panel(self.calendar, self.tr("Calendar and day list"))
        self.calendar.reload()

    def wants_reload(self, changes: Changes) -> bool:
        return super().wants_reload(changes) or "appointment" in changes.entities

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        super()._on_changes(changes, initiator)
        if "appointment" in changes.entities or "user" in changes.entities or changes.case_ids:
            self.calendar.reload()
        if self.visit.case_id and self.visit.case_id in changes.case_ids:
            self.visit.reload()

    # -- cartable: mark the cases whose sketch disagrees with the deed ------------------------------------------------
    def _loaded(self, rows: Sequence[CartableRow]) -> None:
        super()._loaded(rows)
        ids = [r.case_id for r in rows]
        if ids and self.ctx.services is not None:
            self.ctx.tasks.read(self.ctx.services.inspection.flagged_cases, ids, on_done=self._mark_flags)

    def _mark_flags(self, flagged: frozenset[str]) -> None:
        self.flagged = flagged
        rows = self.cartable_rows()
        if self.visit.case_id is None and rows:  # the form starts on a case: the first flagged one, else the first
            self.visit.load_case(next((r.case_id for r in rows if r.case_id in flagged), rows[0].case_id))
        if not flagged:
            return
        note = self.tr("area differs from the deed")
        rows = [
            replace(r, state_title=f"{AREA_FLAG_MARK} {r.state_title} ({note})") if r.case_id in flagged else r
            for r in self.cartable_rows()
        ]
        self.cartable.set_rows(rows)

    # -- opening a case ------------------------------------------------------------------------------------------------
    def open_case(self, case_id: str) -> None:
        """Open the case in the visit form (the sketch and the inspector's data)."""
        self.visit.load_case(case_id)
        self.panels.setCurrentIndex(self.visit_index)

    def _open_case_view(self, case_id: str) -> None:
        super().open_case(case_id)
