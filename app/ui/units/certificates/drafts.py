"""The certificate drafts panel (پیش‌نویس گواهی): the unit's certificate cases, one case's checklist, draft and steps.

Everything it shows and allows comes from ``services.certificates.overview`` (the workflow decides the steps); every
step runs on the writer thread, and a refusal is shown in Persian under the buttons with nothing changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.text import ltr_isolate
from app.services.certificates import CertificateOverview, CertificateRow
from app.services.dto import Changes
from app.ui.cartable import digits, join_list, show_date, tracking_display
from app.ui.context import UiContext
from app.ui.messages import error_text

log = logging.getLogger(__name__)

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3


class ReasonDialog(QDialog):
    """Asks for the reason of a return, rejection or revocation; refuses an empty one."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setObjectName("reason-dialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Reason:"), self))
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumSize(420, 110)
        layout.addWidget(self.edit)
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldMessage")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.reason():
            self.error.setText(self.tr("Write the reason first."))
            self.error.show()
            return
        self.accept()

    def reason(self) -> str:
        return self.edit.toPlainText().strip()


class CertificateDraftsPanel(QWidget):
    """List of certificate cases on one side, the chosen case's draft on the other."""

    loaded = Signal()
    step_done = Signal(str)
    step_failed = Signal(str)

    STATUS_TITLES: ClassVar[dict[str, str]] = {
        "approved": QT_TRANSLATE_NOOP("CertificateDraftsPanel", "approved, not printed"),
        "printed": QT_TRANSLATE_NOOP("CertificateDraftsPanel", "printed, not issued"),
        "issued": QT_TRANSLATE_NOOP("CertificateDraftsPanel", "issued"),
        "revoked": QT_TRANSLATE_NOOP("CertificateDraftsPanel", "revoked"),
        "void": QT_TRANSLATE_NOOP("CertificateDraftsPanel", "void"),
    }

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("certificate-drafts")
        self.overview: CertificateOverview | None = None
        self.case_id: str | None = None
        self._busy = False
        self.ask_reason: Callable[[str], str | None] = self._ask_reason  # tests replace it
        outer = QHBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter)

        self.list = QTreeWidget(splitter)
        self.list.setObjectName("certificate-list")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(
            [self.tr("Tracking number"), self.tr("Certificate"), self.tr("Applicant"), self.tr("Stage"),
             self.tr("Serial")]
        )  # fmt: skip
        self.list.currentItemChanged.connect(lambda item, _prev: self._chosen(item))
        splitter.addWidget(self.list)

        detail = QWidget(splitter)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 840])
        right = QVBoxLayout(detail)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("Choose a certificate case from the list."), detail)
        self.heading.setObjectName("certificate-heading")
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        # The tracking number on its own label: inside a Persian sentence Qt reorders its digit groups.
        self.tracking_label = QLabel(detail)
        self.tracking_label.setObjectName("certificate-tracking")
        self.tracking_label.setProperty("role", "heading")
        self.tracking_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.tracking_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.heading, 1)
        head.addWidget(self.tracking_label)
        right.addLayout(head)
        status_row = QHBoxLayout()
        self.cert_label = QLabel(detail)
        self.cert_label.setObjectName("certificate-status")
        self.cert_label.setWordWrap(True)
        self.cert_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.serial_label = QLabel(detail)  # on its own, like the tracking number, so its parts keep their order
        self.serial_label.setObjectName("certificate-serial")
        self.serial_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.serial_title = QLabel(self.tr("Certificate no."), detail)
        status_row.addWidget(self.serial_title)
        status_row.addWidget(self.serial_label)
        status_row.addWidget(self.cert_label, 1)
        right.addLayout(status_row)

        columns = QHBoxLayout()
        check_box = QGroupBox(self.tr("Documents and preconditions"), detail)
        check_layout = QVBoxLayout(check_box)
        self.checklist = QListWidget(check_box)
        self.checklist.setObjectName("certificate-checklist")
        self.checklist.itemChanged.connect(self._check_toggled)
        check_layout.addWidget(self.checklist)
        self.missing_label = QLabel(check_box)
        self.missing_label.setObjectName("certificate-missing")
        self.missing_label.setProperty("role", "fieldWarning")
        self.missing_label.setWordWrap(True)
        check_layout.addWidget(self.missing_label)
        columns.addWidget(check_box, 1)

        form_box = QGroupBox(self.tr("Draft"), detail)
        form = QFormLayout(form_box)
        self.fields: dict[str, QLineEdit] = {}
        for name, label in (
            ("land_area_m2", self.tr("Land area (m²)")),
            ("building_area_m2", self.tr("Floor area (m²)")),
            ("floors", self.tr("Floors")),
            ("units", self.tr("Units")),
            ("land_use", self.tr("Land use")),
            ("permit_number", self.tr("Building permit no.")),
        ):
            edit = QLineEdit(form_box)
            edit.setObjectName(f"draft-{name}")
            form.addRow(label + ":", edit)
            self.fields[name] = edit
        self.conditions = QPlainTextEdit(form_box)
        self.conditions.setObjectName("draft-conditions")
        self.conditions.setTabChangesFocus(True)
        self.conditions.setFixedHeight(80)
        form.addRow(self.tr("Conditions:"), self.conditions)
        self.field_error = QLabel(form_box)
        self.field_error.setObjectName("draft-field-error")
        self.field_error.setProperty("role", "fieldMessage")
        self.field_error.setWordWrap(True)
        form.addRow(self.field_error)
        columns.addWidget(form_box, 1)
        right.addLayout(columns, 1)

        steps = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for step, text in (
            ("save_draft", self.tr("Save draft (Ctrl+S)")),
            ("documents_completed", self.tr("Documents completed")),
            ("submit", self.tr("Submit for approval")),
            ("return_deficiency", self.tr("Return with deficiency")),
            ("reject", self.tr("Reject")),
            ("approve", self.tr("Approve")),
            ("return_to_expert", self.tr("Return to the expert")),
            ("print", self.tr("Print…")),
            ("issue", self.tr("Issue")),
            ("revoke", self.tr("Revoke")),
        ):
            button = QPushButton(text, detail)
            button.setObjectName(f"step-{step}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=step: self.run_step(s))
            button.hide()
            steps.addWidget(button)
            self.buttons[step] = button
        steps.addStretch(1)
        right.addLayout(steps)
        self.error_label = QLabel(detail)
        self.error_label.setObjectName("certificate-error")
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.setWordWrap(True)
        right.addWidget(self.error_label)
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.run_step("save_draft"))
        ctx.hub.changes_applied.connect(self._on_changes)

    # -- the list ------------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.ctx.actor is None:
            return
        self.ctx.tasks.read(self.ctx.services.certificates.list_certificates, self.ctx.actor,
                            on_done=self._listed, on_error=self._failed)  # fmt: skip

    def _listed(self, rows: Sequence[CertificateRow]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for row in rows:
            serial = digits(row.serial) if row.serial else ""
            if row.status:
                serial += f" ({self.tr(self.STATUS_TITLES.get(row.status, row.status))})"
            item = QTreeWidgetItem([ltr_isolate(digits(tracking_display(row.tracking_number))), row.kind_title,
                                    row.applicant_name, row.state_title, serial])  # fmt: skip
            item.setData(0, CASE_ID_ROLE, row.case_id)
            item.setData(0, KIND_ROLE, row.kind)
            self.list.addTopLevelItem(item)
            if row.case_id == self.case_id:
                chosen = item
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        self.list.blockSignals(False)
        if chosen is None and self.case_id is None and self.list.topLevelItemCount():
            chosen = self.list.topLevelItem(0)  # the most urgent work, shown at once
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.loaded.emit()

    def select_case(self, case_id: str) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, CASE_ID_ROLE) == case_id:
                self.list.setCurrentItem(item)
                return
        self.case_id = case_id
        self.load_case()

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        self.case_id = str(item.data(0, CASE_ID_ROLE))
        self.load_case()

    def load_case(self) -> None:
        if self.case_id is None or self.ctx.actor is None:
            return
        self.ctx.tasks.read(self.ctx.services.certificates.overview, self.ctx.actor, self.case_id,
                            on_done=self._show, on_error=self._failed)  # fmt: skip

    # -- one case ------------------------------------------------------------------------------------------------------

    def _show(self, overview: CertificateOverview) -> None:
        if overview.case_id != self.case_id:
            return
        self.overview = overview
        self.heading.setText(f"{overview.kind_title} — {overview.applicant_name} — {overview.state_title}")
        self.tracking_label.setText(ltr_isolate(digits(tracking_display(overview.tracking_number))))
        cert = overview.certificate
        if cert is None:
            self.serial_label.clear()
            self.serial_title.hide()
            self.cert_label.setText(self.tr("No certificate approved yet."))
        else:
            self.serial_title.show()
            self.serial_label.setText(ltr_isolate(digits(cert.serial)))
            text = "— " + self.tr(self.STATUS_TITLES.get(cert.status, cert.status))
            text += " — " + self.tr("approved by %1 on %2").replace("%1", cert.approved_by).replace(
                "%2", show_date(cert.approved_at)
            )
            if cert.revoke_reason:
                text += " — " + self.tr("revocation reason: %1").replace("%1", cert.revoke_reason)
            self.cert_label.setText(text)
        self._fill_checklist(overview)
        self._fill_draft(overview)
        editable = "save_draft" in overview.steps
        for edit in self.fields.values():
            edit.setReadOnly(not editable)
        self.conditions.setReadOnly(not editable)
        for step, button in self.buttons.items():
            button.setVisible(step in overview.steps)
            button.setEnabled(not self._busy)
        self.loaded.emit()

    def _fill_checklist(self, overview: CertificateOverview) -> None:
        self.checklist.blockSignals(True)
        self.checklist.clear()
        style = self.style()
        ok = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        missing = style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton)
        editable = "save_draft" in overview.steps
        for line in overview.checklist:
            text = line.title if line.required else line.title + " " + self.tr("(if applicable)")
            item = QListWidgetItem(ok if line.done else missing, text, self.checklist)
            item.setData(CODE_ROLE, line.code)
            item.setData(KIND_ROLE, line.kind)
            # The expert ticks documents received and the supervisor's report; the others come from their units.
            if editable and (line.kind == "document" or line.code == "supervisor_final_report"):
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if line.done else Qt.CheckState.Unchecked)
        self.checklist.blockSignals(False)
        if overview.missing:
            self.missing_label.setText(self.tr("Missing: %1").replace("%1", join_list(list(overview.missing))))
        else:
            self.missing_label.setText(self.tr("Every document and precondition is in place."))

    def _fill_draft(self, overview: CertificateOverview) -> None:
        draft = overview.draft
        for name, edit in self.fields.items():
            value = draft.get(name)
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            edit.setText("" if value is None else digits(value) if isinstance(value, int | float) else str(value))
        self.conditions.setPlainText(str(draft.get("conditions", "")))
        self.field_error.clear()

    def _check_toggled(self, item: QListWidgetItem) -> None:
        if self.case_id is None or self.ctx.actor is None:
            return
        code = str(item.data(CODE_ROLE))
        checked = item.checkState() == Qt.CheckState.Checked
        if item.data(KIND_ROLE) == "document":
            fn: Callable[..., Any] = self.ctx.services.cases.mark_document
            args: tuple[Any, ...] = (self.ctx.actor, self.case_id, code, checked)
        else:
            fn = self.ctx.services.certificates.set_supervisor_report
            args = (self.ctx.actor, self.case_id, checked)
        self._write("check", fn, *args)

    # -- steps ---------------------------------------------------------------------------------------------------------

    def draft_values(self) -> dict[str, str]:
        values = {name: edit.text() for name, edit in self.fields.items()}
        values["conditions"] = self.conditions.toPlainText()
        return values

    def _ask_reason(self, title: str) -> str | None:
        dialog = ReasonDialog(title, self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def run_step(self, step: str) -> None:
        """Run one step of the route for the chosen case (the button says which)."""
        overview = self.overview
        if overview is None or self._busy or step not in overview.steps:
            return
        actor = self.ctx.actor
        certs = self.ctx.services.certificates
        version = overview.version
        self.error_label.clear()
        if step == "save_draft":
            self._write(step, certs.save_draft, actor, overview.case_id, self.draft_values())
        elif step in ("submit", "documents_completed"):
            action = "submit_for_approval" if step == "submit" else step
            self._write(step, certs.act, actor, overview.case_id, action, expected_version=version)
        elif step in ("return_deficiency", "reject"):
            reason = self.ask_reason(self.buttons[step].text())
            if reason:
                self._write(step, certs.act, actor, overview.case_id, step, note=reason, expected_version=version)
        elif step == "approve":
            self._write(step, certs.approve, actor, overview.case_id, expected_version=version)
        elif step == "return_to_expert":
            reason = self.ask_reason(self.buttons[step].text())
            if reason:
                self._write(step, certs.return_to_expert, actor, overview.case_id, reason, expected_version=version)
        elif step == "issue":
            self._write(step, certs.issue, actor, overview.case_id, expected_version=version)
        elif step == "revoke":
            reason = self.ask_reason(self.buttons[step].text())
            if reason:
                self._write(step, certs.revoke, actor, overview.case_id, reason, expected_version=version)
        elif step == "print":
            from app.ui.print.menu import controller_of

            controller = controller_of(self.ctx, self, self.error_label)
            controller.open_preview(overview.case_id, "certificate")

    def _write(self, step: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._set_busy(True)
        self.ctx.tasks.write(fn, *args, on_done=lambda _r, s=step: self._done(s),
                             on_error=lambda e, s=step: self._step_error(s, e), initiator=self, **kwargs)  # fmt: skip

    def _done(self, step: str) -> None:
        self._set_busy(False)
        self.step_done.emit(step)
        self.reload()
        self.load_case()

    def _step_error(self, step: str, error: DomainError) -> None:
        self._set_busy(False)
        text = error_text(error)
        field = error.params.get("field")
        if step == "save_draft" and field in self.fields:
            self.field_error.setText(text)  # what was typed stays, to be corrected
            self.fields[str(field)].setFocus()
            self.step_failed.emit(error.code)
            return
        self.error_label.setText(text)
        self.step_failed.emit(error.code)
        self.load_case()  # a refused tick springs back; a stale case is read again

    def _failed(self, error: DomainError) -> None:
        self.error_label.setText(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return
        if self.case_id is not None and self.case_id in changes.case_ids:
            self.load_case()
        if changes.case_ids:
            self.reload()
