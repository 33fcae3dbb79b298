"""The plan approval workbench (one case: plan order, submissions, review checklist, return, referrals) and the
register of architect firms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.rules.zones import USES
from app.services.dto import Changes
from app.services.plans import ANSWER_TITLES, CHECKLIST, REFERRAL_TITLES, FirmView, PlanFile, PlanOrderView
from app.ui.context import UiContext
from app.ui.units.violation.common import (
    CaseWorkbench,
    fa_digits,
    fill_row,
    jalali,
    journey_error,
    make_table,
    message_label,
    paint_row,
    scrolled,
    selected_key,
    show_message,
)
from app.ui.widgets import JalaliDateEdit

OVERDUE = QColor("#b71c1c")
DONE = QColor("#1b5e20")


class PlanWorkbench(CaseWorkbench):
    FORM_ACTIONS = frozenset(
        {"approve_plans", "return_to_architect", "resubmit", "record_referral_answer", "complete", "reject"}
    )

    def build_body(self) -> None:
        self.file: PlanFile | None = None
        self.firms: list[FirmView] = []
        self.sections = QTabWidget(self)
        self.body.addWidget(self.sections, 1)
        self.sections.addTab(scrolled(self._order_page()), self.tr("Plan order"))
        self.sections.addTab(scrolled(self._review_page()), self.tr("Plans and review"))
        self.sections.addTab(scrolled(self._referrals_page()), self.tr("Green space and fire referrals"))

    # -- the plan order ------------------------------------------------------------------------------------------------
    def _order_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.order_summary = QLabel(page)
        self.order_summary.setWordWrap(True)
        self.order_summary.setProperty("role", "heading")
        layout.addWidget(self.order_summary)
        form = QFormLayout()
        self.zone_edit = QLineEdit(page)
        self.zone_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.uses_list = QListWidget(page)
        self.uses_list.setFixedHeight(110)
        self.uses_list.setFlow(QListWidget.Flow.LeftToRight)
        self.uses_list.setWrapping(True)
        for code, title in USES.items():
            item = QListWidgetItem(title, self.uses_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.land_area = QLineEdit(page)
        self.density = QLineEdit(page)
        self.floors = QSpinBox(page)
        self.floors.setRange(0, 60)
        self.coverage = QLineEdit(page)
        self.parking = QLineEdit(page)
        self.height_edit = QLineEdit(page)
        form.addRow(self.tr("Zone (detailed plan):"), self.zone_edit)
        form.addRow(self.tr("Permitted uses:"), self.uses_list)
        form.addRow(self.tr("Land area after the corrected line (m²):"), self.land_area)
        form.addRow(self.tr("Density (% of land):"), self.density)
        form.addRow(self.tr("Floors:"), self.floors)
        form.addRow(self.tr("Site coverage (%):"), self.coverage)
        form.addRow(self.tr("Parking spaces per unit:"), self.parking)
        form.addRow(self.tr("Maximum height (m, optional):"), self.height_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.from_zone_button = QPushButton(self.tr("Fill from the zone"), page)
        self.save_order_button = QPushButton(self.tr("Save the plan order"), page)
        row.addWidget(self.from_zone_button)
        row.addWidget(self.save_order_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.order_message = message_label(page)
        layout.addWidget(self.order_message)
        layout.addStretch(1)
        self.from_zone_button.clicked.connect(self.fill_from_zone)
        self.save_order_button.clicked.connect(self.save_order)
        return page

    def _set_order_fields(self, order: PlanOrderView) -> None:
        self.zone_edit.setText(order.zone_code)
        for i in range(self.uses_list.count()):
            item = self.uses_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in order.uses
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.land_area.setText(fa_digits(order.land_area_m2))
        self.density.setText(fa_digits(order.max_density_percent))
        self.floors.setValue(order.max_floors)
        self.coverage.setText(fa_digits(order.max_coverage_percent))
        self.parking.setText(fa_digits(order.parking_per_unit or "1"))
        self.height_edit.setText(fa_digits(order.max_height_m))

    def checked_uses(self) -> list[str]:
        return [
            str(self.uses_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.uses_list.count())
            if self.uses_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def fill_from_zone(self) -> None:
        if self.case_id is None:
            return

        def show(order: PlanOrderView | None) -> None:
            if order is None:
                show_message(self.order_message, self.tr("The property has no known zone or deed area."))
            else:
                self._set_order_fields(order)

        self.ctx.tasks.read(self.ctx.services.plans.suggested_order, self.case_id, on_done=show,
                            on_error=lambda e: show_message(self.order_message, journey_error(e)))  # fmt: skip

    def save_order(self) -> None:
        s = self.ctx.services.plans
        self.write("plan_order", self.order_message, s.set_plan_order, self.ctx.actor, self.case_id,
                   zone_code=self.zone_edit.text(), uses=self.checked_uses(), land_area_m2=self.land_area.text(),
                   max_density_percent=self.density.text(), max_floors=self.floors.value(),
                   max_coverage_percent=self.coverage.text(), parking_per_unit=self.parking.text() or "1",
                   max_height_m=self.height_edit.text() or None)  # fmt: skip

    # -- plans and the review ------------------------------------------------------------------------------------------
    def _review_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.submissions_table = make_table(page, [self.tr("Date"), self.tr("Architect firm"),
                                                   self.tr("Registration no."), self.tr("Sheets"),
                                                   self.tr("Returned with")])  # fmt: skip
        self.submissions_table.setMaximumHeight(140)
        layout.addWidget(self.submissions_table)
        submit = QHBoxLayout()
        self.firm_combo = QComboBox(page)
        self.sheets_spin = QSpinBox(page)
        self.sheets_spin.setRange(1, 200)
        self.sheets_spin.setValue(10)
        self.submission_note = QLineEdit(page)
        self.submit_button = QPushButton(self.tr("Record the submission"), page)
        submit.addWidget(QLabel(self.tr("Firm:"), page))
        submit.addWidget(self.firm_combo, 1)
        submit.addWidget(QLabel(self.tr("Sheets:"), page))
        submit.addWidget(self.sheets_spin)
        submit.addWidget(self.submission_note, 1)
        submit.addWidget(self.submit_button)
        layout.addLayout(submit)
        check_box = QGroupBox(self.tr("Review checklist"), page)
        grid = QGridLayout(check_box)
        self.checklist = QListWidget(check_box)
        self.checklist.setObjectName("plan-checklist")
        for code, title in CHECKLIST:
            item = QListWidgetItem(title, self.checklist)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.checklist.setFixedHeight(170)
        self.save_checklist_button = QPushButton(self.tr("Save the checklist"), check_box)
        grid.addWidget(self.checklist, 0, 0, 1, 2)
        grid.addWidget(self.save_checklist_button, 1, 0)
        layout.addWidget(check_box)
        decide = QGroupBox(self.tr("Decision"), page)
        dform = QVBoxLayout(decide)
        self.comments = QPlainTextEdit(decide)
        self.comments.setTabChangesFocus(True)
        self.comments.setFixedHeight(60)
        self.comments.setPlaceholderText(self.tr("Comments for the architect firm, or the reason of a rejection"))
        dform.addWidget(self.comments)
        row = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve and send the referrals"), decide)
        self.return_button = QPushButton(self.tr("Return to the firm"), decide)
        self.reject_button = QPushButton(self.tr("Reject"), decide)
        for w in (self.approve_button, self.return_button, self.reject_button):
            row.addWidget(w)
        row.addStretch(1)
        dform.addLayout(row)
        layout.addWidget(decide)
        self.review_message = message_label(page)
        layout.addWidget(self.review_message)
        layout.addStretch(1)
        self.submit_button.clicked.connect(self.record_submission)
        self.save_checklist_button.clicked.connect(self.save_checklist)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_to_firm)
        self.reject_button.clicked.connect(self.reject)
        return page

    def set_firms(self, firms: list[FirmView]) -> None:
        self.firms = firms
        current = self.firm_combo.currentData()
        self.firm_combo.clear()
        self.firm_combo.addItem(self.tr("— choose the firm —"), "")
        for f in firms:
            if f.active:
                self.firm_combo.addItem(f"{f.name} ({fa_digits(f.registration_number)})", f.id)
        if current:
            self.firm_combo.setCurrentIndex(max(0, self.firm_combo.findData(current)))

    def record_submission(self) -> None:
        s = self.ctx.services.plans
        self.write("submission", self.review_message, s.record_submission, self.ctx.actor, self.case_id,
                   self.firm_combo.currentData() or None, self.sheets_spin.value(),
                   self.submission_note.text(), on_done=lambda _r: self.submission_note.clear())  # fmt: skip

    def checked_items(self) -> list[str]:
        return [
            str(self.checklist.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.checklist.count())
            if self.checklist.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save_checklist(self) -> None:
        s = self.ctx.services.plans
        self.write("checklist", self.review_message, s.set_checklist, self.ctx.actor, self.case_id,
                   self.checked_items())  # fmt: skip

    def approve(self) -> None:
        s = self.ctx.services.plans
        self.write("approve", self.review_message, s.approve_plans, self.ctx.actor, self.case_id)

    def return_to_firm(self) -> None:
        s = self.ctx.services.plans
        self.write("return", self.review_message, s.return_to_firm, self.ctx.actor, self.case_id,
                   self.comments.toPlainText(), on_done=lambda _r: self.comments.clear())  # fmt: skip

    def reject(self) -> None:
        s = self.ctx.services.plans
        self.write("reject", self.review_message, s.reject, self.ctx.actor, self.case_id,
                   self.comments.toPlainText(), on_done=lambda _r: self.comments.clear())  # fmt: skip

    # -- referrals -----------------------------------------------------------------------------------------------------
    def _referrals_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.referrals_table = make_table(page, [self.tr("Referral"), self.tr("Sent"), self.tr("Deadline"),
                                                 self.tr("Days left"), self.tr("Answer"), self.tr("Answer text")])  # fmt: skip
        self.referrals_table.setMaximumHeight(120)
        layout.addWidget(self.referrals_table)
        box = QGroupBox(self.tr("Record an answer"), page)
        form = QFormLayout(box)
        self.referral_combo = QComboBox(box)
        for code, title in REFERRAL_TITLES.items():
            self.referral_combo.addItem(title, code)
        self.answer_combo = QComboBox(box)
        self.answer_combo.addItem(self.tr("— choose —"), "")
        for code, title in ANSWER_TITLES.items():
            self.answer_combo.addItem(title, code)
        self.answer_number = QLineEdit(box)
        self.answer_date = JalaliDateEdit(box)
        self.answer_text = QPlainTextEdit(box)
        self.answer_text.setTabChangesFocus(True)
        self.answer_text.setFixedHeight(60)
        self.answer_button = QPushButton(self.tr("Record the answer"), box)
        form.addRow(self.tr("Referral:"), self.referral_combo)
        form.addRow(self.tr("Answer:"), self.answer_combo)
        form.addRow(self.tr("Answer letter no.:"), self.answer_number)
        form.addRow(self.tr("Answer date:"), self.answer_date)
        form.addRow(self.tr("Answer text:"), self.answer_text)
        form.addRow(self.answer_button)
        layout.addWidget(box)
        row = QHBoxLayout()
        self.print_referral_button = QPushButton(self.tr("Print the referral letter"), page)
        self.complete_button = QPushButton(self.tr("Complete the approval"), page)
        row.addWidget(self.print_referral_button)
        row.addStretch(1)
        row.addWidget(self.complete_button)
        layout.addLayout(row)
        self.referral_message = message_label(page)
        layout.addWidget(self.referral_message)
        layout.addStretch(1)
        self.answer_button.clicked.connect(self.record_answer)
        self.print_referral_button.clicked.connect(self.print_referral)
        self.complete_button.clicked.connect(self.complete)
        return page

    def record_answer(self) -> None:
        s = self.ctx.services.plans

        def clear(_r: object) -> None:
            self.answer_text.clear()
            self.answer_number.clear()
            self.answer_combo.setCurrentIndex(0)

        self.write("answer", self.referral_message, s.record_referral_answer, self.ctx.actor, self.case_id,
                   self.referral_combo.currentData(), self.answer_combo.currentData() or "",
                   self.answer_text.toPlainText(), self.answer_number.text(), self.answer_date.value(),
                   on_done=clear)  # fmt: skip

    def print_referral(self) -> None:
        s = self.ctx.services.plans
        code = self.referral_combo.currentData()
        self.print_pdf(self.referral_message, self.tr("Referral letter"), f"referral-{code}.pdf",
                       s.referral_letter_pdf, self.ctx.actor, self.case_id, code)  # fmt: skip

    def complete(self) -> None:
        s = self.ctx.services.plans
        self.write("complete", self.referral_message, s.complete, self.ctx.actor, self.case_id)

    # -- loading -------------------------------------------------------------------------------------------------------
    def load_unit_data(self, case_id: str) -> Any:
        plans = self.ctx.services.plans
        return plans.get_file(self.ctx.actor, case_id), plans.list_firms(active_only=True)

    def set_enabled_forms(self, enabled: bool) -> None:
        self.sections.setEnabled(enabled)

    def show_unit_data(self, data: Any) -> None:
        file, firms = data
        self.file = file
        self.set_firms(firms)
        order = file.plan_order
        if order is not None:
            self._set_order_fields(order)
            self.order_summary.setText(
                self.tr("Plan order: zone %1, %2 floors, density %3%, coverage %4%, up to %5 m² of floor area.")
                .replace("%1", order.zone_code).replace("%2", fa_digits(order.max_floors))
                .replace("%3", fa_digits(order.max_density_percent))
                .replace("%4", fa_digits(order.max_coverage_percent))
                .replace("%5", fa_digits(order.max_total_floor_area_m2))
            )  # fmt: skip
        else:
            self.order_summary.setText(
                self.tr("No plan order yet. Property zone: %1").replace("%1", file.property_zone or "—")
            )
        table = self.submissions_table
        table.setRowCount(len(file.submissions))
        for i, sub in enumerate(file.submissions):
            fill_row(table, i, [jalali(sub.submitted_on), sub.firm_name, fa_digits(sub.registration_number),
                                fa_digits(sub.sheets), sub.returned_comments or sub.note])  # fmt: skip
        for i in range(self.checklist.count()):
            item = self.checklist.item(i)
            ticked = file.checklist.get(str(item.data(Qt.ItemDataRole.UserRole)), False)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        refs = self.referrals_table
        refs.setRowCount(len(file.referrals))
        for i, r in enumerate(file.referrals):
            left = "—" if r.answered else (fa_digits(r.days_left) if not r.overdue else self.tr("overdue"))
            fill_row(refs, i, [r.title, jalali(r.sent_on), jalali(r.deadline), left,
                               r.answer_title or self.tr("awaiting"), r.answer_text], key=r.code)  # fmt: skip
            colour = DONE if r.answered else OVERDUE if r.overdue else None
            if colour is not None:
                paint_row(refs, i, colour)


class FirmsPanel(QWidget):
    """The register of architect firms: those whose plans the cartable accepts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firms: list[FirmView] = []
        layout = QVBoxLayout(self)
        self.table = make_table(self, [self.tr("Firm"), self.tr("Registration no."), self.tr("Phone"),
                                       self.tr("Address"), self.tr("Status")])  # fmt: skip
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.number_edit = QLineEdit(self)
        self.number_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.address_edit = QLineEdit(self)
        form.addRow(self.tr("Firm name:"), self.name_edit)
        form.addRow(self.tr("Engineering-organisation registration no.:"), self.number_edit)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        form.addRow(self.tr("Address:"), self.address_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Register the firm"), self)
        self.toggle_button = QPushButton(self.tr("Activate / deactivate the chosen firm"), self)
        row.addWidget(self.register_button)
        row.addWidget(self.toggle_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.register_button.clicked.connect(self.register)
        self.toggle_button.clicked.connect(self.toggle)
        ctx.hub.changes_applied.connect(self._on_changes)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.plans.list_firms, on_done=self._show,
                            on_error=lambda e: show_message(self.message, journey_error(e)))  # fmt: skip

    def _show(self, firms: list[FirmView]) -> None:
        self.firms = firms
        self.table.setRowCount(len(firms))
        for i, f in enumerate(firms):
            fill_row(self.table, i, [f.name, fa_digits(f.registration_number), fa_digits(f.phone), f.address,
                                     self.tr("active") if f.active else self.tr("inactive")], key=f.id)  # fmt: skip

    def _write(self, fn: Any, *args: Any, on_done: Any = None) -> None:
        show_message(self.message, "")

        def done(result: object) -> None:
            if on_done is not None:
                on_done(result)
            self.reload()

        self.ctx.tasks.write(fn, self.ctx.actor, *args, on_done=done,
                             on_error=lambda e: show_message(self.message, journey_error(e)),
                             initiator=self)  # fmt: skip

    def register(self) -> None:
        def clear(_r: object) -> None:
            for edit in (self.name_edit, self.number_edit, self.phone_edit, self.address_edit):
                edit.clear()

        self._write(self.ctx.services.plans.register_firm, self.name_edit.text(), self.number_edit.text(),
                    self.phone_edit.text(), self.address_edit.text(), on_done=clear)  # fmt: skip

    def toggle(self) -> None:
        chosen = selected_key(self.table)
        firm = next((f for f in self.firms if f.id == chosen), None)
        if firm is None:
            show_message(self.message, self.tr("Choose the firm in the table."))
            return
        self._write(self.ctx.services.plans.set_firm_active, firm.id, not firm.active)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is not self and "architect_firm" in changes.entities:
            self.reload()
