"""The audit unit's tab (inspection and supervision): the audit-log viewer with chain verification and export, staff
performance, complaints and disputes, personal-data views and alerts, then the unit's cartable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import ltr_isolate
from app.services.dto import Changes
from app.services.messages_fa import AUDIT_ACTIONS_FA
from app.ui.cartable import digits, show_datetime, tracking_display
from app.ui.context import UiContext
from app.ui.units.base import UnitTab
from app.ui.units.followup.widgets import DataTable, DateRange, MessageLabel

PERIOD_DAYS = 30


def _period(ctx: UiContext, parent: QWidget) -> DateRange:
    today = ctx.services.today()
    return DateRange(today - dt.timedelta(days=PERIOD_DAYS), today, parent)


def action_title(action: str) -> str:
    """An audit action as staff read it: its Persian name in Persian, the code otherwise (and for unknown codes)."""
    from app.ui.qt_app import current_language

    return AUDIT_ACTIONS_FA.get(action, action) if current_language() == "fa" else action


class LogPanel(QWidget):
    """The audit trail filtered by user, case, action and days; the chain verified; the rows exported."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.user_edit = QLineEdit(self)
        self.user_edit.setPlaceholderText(self.tr("User name"))
        self.tracking_edit = QLineEdit(self)
        self.tracking_edit.setPlaceholderText(self.tr("Tracking number"))
        self.action_edit = QLineEdit(self)
        self.action_edit.setPlaceholderText(self.tr("Action (e.g. case.)"))
        self.range = _period(ctx, self)
        self.search_button = QPushButton(self.tr("Filter"), self)
        for w in (self.user_edit, self.tracking_edit, self.action_edit, self.range, self.search_button):
            bar.addWidget(w)
        layout.addLayout(bar)
        tools = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Verify the chain"), self)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Export CSV"), self)
        self.xlsx_button = QPushButton(self.tr("Export Excel"), self)
        tools.addWidget(self.verify_button)
        tools.addWidget(self.verdict, 1)
        tools.addWidget(self.csv_button)
        tools.addWidget(self.xlsx_button)
        layout.addLayout(tools)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.table = DataTable([
            self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Subject"), self.tr("Details"),
            self.tr("Workstation / entry"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        self.lines: list[Any] = []
        self.verdict_value: Any = None
        self.last_export: Path | None = None
        self.search_button.clicked.connect(self.reload)
        for edit in (self.user_edit, self.tracking_edit, self.action_edit):
            edit.returnPressed.connect(self.reload)
        self.verify_button.clicked.connect(self.verify)
        self.csv_button.clicked.connect(lambda: self.ask_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.ask_export("xlsx"))

    def reload(self) -> None:
        first, last = self.range.values()
        self.ctx.tasks.read(
            self.ctx.services.audit_views.entries, self.ctx.actor, username=self.user_edit.text(),
            tracking=self.tracking_edit.text(), action_prefix=self.action_edit.text(), first_day=first, last_day=last,
            on_done=self._loaded, on_error=self.message.show_error,
        )  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.message.clear_message()
        self.lines = lines
        self.table.set_rows([
            [show_datetime(e.at), e.username, action_title(e.action), e.entity,
             "، ".join(f"{k}: {v}" for k, v in sorted(e.details.items()))[:160],
             ltr_isolate(f"{e.workstation_no}/{e.seq}")]
            for e in lines
        ])  # fmt: skip

    def verify(self) -> None:
        self.ctx.tasks.read(self.ctx.services.audit_views.verify, self.ctx.actor,
                            on_done=self._verified, on_error=self.message.show_error)  # fmt: skip

    def _verified(self, verdict: Any) -> None:
        self.verdict_value = verdict
        if verdict.report.ok:
            self.verdict.setText(self.tr("The chain is intact: %1 entries checked.").replace(
                "%1", digits(verdict.report.checked)))  # fmt: skip
            self.verdict.setStyleSheet("color: #1b5e20;")
            return
        reasons = {
            "hash_mismatch": self.tr("the entry was changed"), "prev_hash_mismatch": self.tr("the link was changed"),
            "missing_entries": self.tr("entries are missing"), "duplicate_seq": self.tr("an entry was inserted"),
        }  # fmt: skip
        text = (self.tr("The chain is broken at entry %1 of workstation %2: %3.")
                .replace("%1", digits(verdict.report.first_broken_seq))
                .replace("%2", digits(verdict.workstation_no))
                .replace("%3", reasons.get(verdict.report.reason, verdict.report.reason)))  # fmt: skip
        if verdict.broken is not None:
            b = verdict.broken
            text += " " + self.tr("Stored now: %1, %2, %3.").replace("%1", show_datetime(b.at)).replace(
                "%2", b.username).replace("%3", b.action)  # fmt: skip
        self.verdict.setText(text)
        self.verdict.setStyleSheet("color: #b71c1c; font-weight: bold;")

    def ask_export(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), f"audit-log.{fmt}")
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: str, path: Path) -> None:
        self.ctx.tasks.read(self.ctx.services.audit_views.export_entries, self.ctx.actor, list(self.lines), fmt, path,
                            on_done=self._exported, on_error=self.message.show_error)  # fmt: skip

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.message.show_text(self.tr("Saved: %1").replace("%1", ltr_isolate(str(path))))


class StaffPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.range = _period(ctx, self)
        self.show_button = QPushButton(self.tr("Show"), self)
        bar.addWidget(self.range)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.table = DataTable([
            self.tr("Staff member"), self.tr("Cases handled"), self.tr("Actions"), self.tr("Office hours per case"),
            self.tr("Returns"), self.tr("Reopened"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.reload)

    def reload(self) -> None:
        first, last = self.range.values()
        self.ctx.tasks.read(self.ctx.services.audit_views.staff_performance, self.ctx.actor, first, last,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.message.clear_message()
        self.table.set_rows([
            [s.user_name, s.cases_handled, s.actions, digits(f"{s.mean_hours_per_case:.1f}"), s.returns, s.reopened]
            for s in lines
        ])  # fmt: skip


class ComplaintsPanel(QWidget):
    """Complaints and disputes between citizens and experts, and misconduct: registered, investigated, resolved."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Register a complaint"), self)
        form = QFormLayout(box)
        self.kind = QComboBox(box)
        self.kinds = {"complaint": self.tr("Complaint"), "dispute": self.tr("Dispute"),
                      "misconduct": self.tr("Misconduct")}  # fmt: skip
        for code, title in self.kinds.items():
            self.kind.addItem(title, code)
        self.complainant = QLineEdit(box)
        self.tracking = QLineEdit(box)
        self.staff = QComboBox(box)
        self.description = QPlainTextEdit(box)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(56)
        self.register_button = QPushButton(self.tr("Register"), box)
        self.form_message = MessageLabel(box)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Complainant:"), self.complainant)
        form.addRow(self.tr("Tracking number:"), self.tracking)
        form.addRow(self.tr("Staff member:"), self.staff)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow("", self.form_message)
        form.addRow("", self.register_button)
        layout.addWidget(box)
        self.table = DataTable([
            self.tr("Registered"), self.tr("Kind"), self.tr("Status"), self.tr("Tracking number"),
            self.tr("Staff member"), self.tr("Complainant"), self.tr("Description"), self.tr("Findings"),
            self.tr("Resolution"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        step = QHBoxLayout()
        self.step_text = QLineEdit(self)
        self.step_text.setPlaceholderText(self.tr("Findings or resolution"))
        self.investigate_button = QPushButton(self.tr("Investigate"), self)
        self.resolve_button = QPushButton(self.tr("Resolve"), self)
        step.addWidget(self.step_text, 1)
        step.addWidget(self.investigate_button)
        step.addWidget(self.resolve_button)
        layout.addLayout(step)
        self.step_message = MessageLabel(self)
        layout.addWidget(self.step_message)
        self.register_button.clicked.connect(self.register)
        self.investigate_button.clicked.connect(lambda: self.advance("investigate"))
        self.resolve_button.clicked.connect(lambda: self.advance("resolve"))

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.audit_views.staff, on_done=self._staff)
        self.ctx.tasks.read(self.ctx.services.audit_views.complaints, self.ctx.actor,
                            on_done=self._loaded, on_error=self.step_message.show_error)  # fmt: skip

    def _staff(self, staff: list[tuple[str, str]]) -> None:
        current = self.staff.currentData()
        self.staff.clear()
        self.staff.addItem(self.tr("(none)"), None)
        for user_id, name in staff:
            self.staff.addItem(name, user_id)
        if current:
            self.staff.setCurrentIndex(max(0, self.staff.findData(current)))

    def _loaded(self, lines: list[Any]) -> None:
        statuses = {"registered": self.tr("Registered"), "investigating": self.tr("Investigating"),
                    "resolved": self.tr("Resolved")}  # fmt: skip
        self.table.set_rows(
            [[show_datetime(c.registered_at), self.kinds.get(c.kind, c.kind), statuses.get(c.status, c.status),
              ltr_isolate(digits(tracking_display(c.tracking_number))) if c.tracking_number else "", c.staff_name,
              c.complainant_name, c.description, c.findings, c.resolution] for c in lines],
            ids=[c.id for c in lines], highlight=[c.status != "resolved" for c in lines],
        )  # fmt: skip

    def register(self) -> None:
        self.form_message.clear_message()
        self.ctx.tasks.write(
            self.ctx.services.audit_views.register_complaint, self.ctx.actor, kind=self.kind.currentData(),
            description=self.description.toPlainText(), complainant_name=self.complainant.text(),
            tracking=self.tracking.text(), staff_user_id=self.staff.currentData(),
            on_done=self._registered, on_error=self.form_message.show_error, initiator=self,
        )  # fmt: skip

    def _registered(self, saved: Any) -> None:
        self.description.clear()
        self.complainant.clear()
        self.tracking.clear()
        self.form_message.show_text(self.tr("Registered."))

    def advance(self, step: str) -> None:
        self.step_message.clear_message()
        complaint_id = self.table.current_id()
        if complaint_id is None:
            self.step_message.show_text(self.tr("Choose a complaint in the table first."))
            return
        fn = (
            self.ctx.services.audit_views.investigate
            if step == "investigate"
            else self.ctx.services.audit_views.resolve
        )
        self.ctx.tasks.write(fn, self.ctx.actor, complaint_id, self.step_text.text(), on_done=self._advanced,
                             on_error=self.step_message.show_error, initiator=self)  # fmt: skip

    def _advanced(self, _saved: Any) -> None:
        self.step_text.clear()


class ViewsPanel(QWidget):
    """Who viewed which citizen's personal data, and the alerts on unusual patterns."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.range = _period(ctx, self)
        self.show_button = QPushButton(self.tr("Show"), self)
        bar.addWidget(self.range)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Alerts on unusual patterns:"), self))
        self.alerts = DataTable([self.tr("Alert"), self.tr("Staff member"), self.tr("From"), self.tr("To")], self)
        layout.addWidget(self.alerts, 1)
        layout.addWidget(QLabel(self.tr("Views of citizens' personal data:"), self))
        self.views = DataTable([
            self.tr("Time"), self.tr("Staff member"), self.tr("How"), self.tr("Citizens"), self.tr("Files found"),
        ], self)  # fmt: skip
        layout.addWidget(self.views, 2)
        self.show_button.clicked.connect(self.reload)

    def reload(self) -> None:
        first, last = self.range.values()
        service = self.ctx.services.audit_views
        self.ctx.tasks.read(service.alerts, self.ctx.actor, first, last, on_done=self._alerts,
                            on_error=self.message.show_error)  # fmt: skip
        self.ctx.tasks.read(service.personal_data_views, self.ctx.actor, first, last, on_done=self._views,
                            on_error=self.message.show_error)  # fmt: skip

    def _alerts(self, lines: list[Any]) -> None:
        self.alerts.set_rows([[a.text, a.user_name, show_datetime(a.first_at), show_datetime(a.last_at)]
                              for a in lines])  # fmt: skip

    def _views(self, lines: list[Any]) -> None:
        how = {"national_id": self.tr("search by national ID"), "mobile": self.tr("search by mobile"),
               "legal_id": self.tr("search by legal ID"), "case_view": self.tr("case opened")}  # fmt: skip
        self.views.set_rows([[show_datetime(v.at), v.user_name, how.get(v.by, v.by), v.persons, v.hits]
                             for v in lines])  # fmt: skip


class AuditTab(UnitTab):
    unit_id = "audit"
    sort_order = 130

    def title(self) -> str:
        return self.tr("Audit")

    def build(self) -> None:
        self.log_panel = LogPanel(self.ctx, self)
        self.staff_panel = StaffPanel(self.ctx, self)
        self.complaints = ComplaintsPanel(self.ctx, self)
        self.views_panel = ViewsPanel(self.ctx, self)
        self.add_panel(self.log_panel, self.tr("Audit log"))
        self.add_panel(self.complaints, self.tr("Complaints and disputes"))
        self.add_panel(self.views_panel, self.tr("Personal data and alerts"))
        self.add_panel(self.staff_panel, self.tr("Staff performance"))

    def reload(self) -> None:
        super().reload()
        if self.ctx.actor is None or self.ctx.services is None:
            return
        self.log_panel.reload()
        self.staff_panel.reload()
        self.complaints.reload()
        self.views_panel.reload()

    def wants_reload(self, changes: Changes) -> bool:
        return super().wants_reload(changes) or "complaint" in changes.entities
