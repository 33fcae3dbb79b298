"""The permit-draft desk: the cases of the unit, the seed's checklist, the supervising engineers, the permit's
figures, the fees (computed into a payment slip printed by the print service, then the payment recorded by slip,
bank reference or card terminal), the draft sheet printed, and the workflow's buttons (submit, approve, return,
send to the district).

Reads and writes go through the task runner to ``services.permits`` and ``services.cases``; a refusal shows its
Persian message next to the field it is about (or under the buttons) and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, ValidationError
from app.domain.money import format_rials
from app.domain.text import ltr_isolate
from app.services.dto import ActionOption, CartableRow, CaseDetail
from app.services.permits import CHECKLIST, DISCIPLINES, FIELDS, Engineer, PermitDraft, PermitFees, message_fa
from app.ui.cartable import digits, join_list, tracking_display
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.print.controller import PrintController
from app.ui.qt_app import current_language

CASE_ROLE = Qt.ItemDataRole.UserRole


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".")


class DraftPanel(QWidget):
    case_loaded = Signal()
    saved = Signal()
    action_applied = Signal(str)
    failed = Signal(str)
    printed = Signal()
    fees_updated = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("permit-draft")
        self.case_id: str | None = None
        self.detail: CaseDetail | None = None
        self.draft: PermitDraft | None = None
        self.fees: PermitFees | None = None
        self.print_controller = PrintController(ctx, self)
        self.last_pdf: bytes | None = None
        self.preview: Any = None
        self._build()

    # -- layout --------------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        fa = current_language() == "fa"
        self.queue = QListWidget(self)
        self.queue.setAlternatingRowColors(True)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        queue_box = QGroupBox(self.tr("Permit drafts in the unit"), self)
        QVBoxLayout(queue_box).addWidget(self.queue)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.case_label = QLabel(self.tr("Choose a case."), body)
        self.case_label.setProperty("role", "heading")
        self.case_label.setWordWrap(True)
        layout.addWidget(self.case_label)

        checklist_box = QGroupBox(self.tr("Checklist"), body)
        grid = QGridLayout(checklist_box)
        self.checks: dict[str, QCheckBox] = {}
        self.field_messages: dict[str, QLabel] = {}
        for i, (code, en, fa_title) in enumerate(CHECKLIST):
            box = QCheckBox(fa_title if fa else en, checklist_box)
            box.setObjectName(f"check-{code}")
            self.checks[code] = box
            grid.addWidget(box, i // 2, i % 2)
        self.technical_id_edit = QLineEdit(checklist_box)
        self.technical_id_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.technical_id_edit.setPlaceholderText(self.tr("Technical ID number"))
        self.technical_id_edit.setMaximumWidth(320)
        row = len(CHECKLIST) // 2 + 1
        grid.addWidget(QLabel(self.tr("Building technical ID:"), checklist_box), row, 0)
        grid.addWidget(self.technical_id_edit, row, 1)
        self.field_messages["technical_id"] = self._message_label(checklist_box)
        grid.addWidget(self.field_messages["technical_id"], row + 1, 0, 1, 2)
        self.field_messages["checklist.payments_checked"] = self._message_label(checklist_box)
        grid.addWidget(self.field_messages["checklist.payments_checked"], row + 2, 0, 1, 2)
        layout.addWidget(checklist_box)

        engineers_box = QGroupBox(self.tr("Supervising engineers"), body)
        eng_layout = QVBoxLayout(engineers_box)
        self.engineers = QTableWidget(0, 3, engineers_box)
        self.engineers.setHorizontalHeaderLabels(
            [self.tr("Discipline"), self.tr("Name"), self.tr("Engineering-organisation number")]
        )
        self.engineers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.engineers.setMinimumHeight(120)
        eng_layout.addWidget(self.engineers)
        eng_buttons = QHBoxLayout()
        self.add_engineer_button = QPushButton(self.tr("Add engineer"), engineers_box)
        self.remove_engineer_button = QPushButton(self.tr("Remove engineer"), engineers_box)
        eng_buttons.addWidget(self.add_engineer_button)
        eng_buttons.addWidget(self.remove_engineer_button)
        eng_buttons.addStretch(1)
        eng_layout.addLayout(eng_buttons)
        self.field_messages["engineers"] = self._message_label(engineers_box)
        eng_layout.addWidget(self.field_messages["engineers"])
        layout.addWidget(engineers_box)

        fields_box = QGroupBox(self.tr("Permit figures"), body)
        form = QFormLayout(fields_box)
        self.field_edits: dict[str, QLineEdit] = {}
        for code, en, fa_title, unit, *_rest in FIELDS:
            edit = QLineEdit(fields_box)
            edit.setObjectName(f"field-{code}")
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setMaximumWidth(160)
            message = self._message_label(fields_box)
            holder = QWidget(fields_box)
            holder_layout = QHBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            holder_layout.addWidget(edit)
            holder_layout.addWidget(QLabel(unit if fa else "", holder))
            holder_layout.addWidget(message, 1)
            form.addRow((fa_title if fa else en) + ":", holder)
            self.field_edits[code] = edit
            self.field_messages[f"fields.{code}"] = message
        self.notes_edit = QPlainTextEdit(fields_box)
        self.notes_edit.setFixedHeight(60)
        self.notes_edit.setTabChangesFocus(True)
        form.addRow(self.tr("Notes:"), self.notes_edit)
        layout.addWidget(fields_box)
        layout.addWidget(self._build_fees(body))

        self.missing_label = QLabel(body)
        self.missing_label.setProperty("role", "hint")
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save draft"), body)
        self.save_button.setProperty("primary", True)
        self.print_button = QPushButton(self.tr("Print draft sheet"), body)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        actions_box = QGroupBox(self.tr("Actions"), body)
        self.actions_row = QHBoxLayout(actions_box)
        self.actions_row.addStretch(1)
        layout.addWidget(actions_box)
        self.error_label = QLabel(body)
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.action_buttons: dict[str, QPushButton] = {}

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(queue_box)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 1000])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(splitter)

        self.queue.currentItemChanged.connect(self._queue_changed)
        self.add_engineer_button.clicked.connect(lambda: self.add_engineer())
        self.remove_engineer_button.clicked.connect(self._remove_engineer)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_sheet)
        self.compute_fees_button.clicked.connect(self.compute_fees)
        self.print_slip_button.clicked.connect(self.print_slip)
        self.record_payment_button.clicked.connect(self.record_payment)
        self.reference_edit.returnPressed.connect(self.record_payment)
        self.print_controller.failed.connect(self._fee_failed)
        self.print_controller.preview_opened.connect(lambda _dialog: self.printed.emit())
        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+P", self.print_sheet)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.save_button.setToolTip(self.tr("Save the draft (Ctrl+S)"))
        self.print_button.setToolTip(self.tr("Print the draft sheet (Ctrl+P)"))
        self._set_enabled(False)

    def _build_fees(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Fees and payment"), parent)
        box.setObjectName("permit-fees")
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Structure:"), box))
        self.structure_combo = QComboBox(box)
        for code, text in (
            ("steel_concrete", self.tr("Steel or concrete")),
            ("masonry", self.tr("Masonry")),
            ("other", self.tr("Other")),
        ):
            self.structure_combo.addItem(text, code)
        top.addWidget(self.structure_combo)
        self.compute_fees_button = QPushButton(self.tr("Compute fees"), box)
        self.compute_fees_button.setObjectName("compute-fees")
        self.print_slip_button = QPushButton(self.tr("Print payment slip"), box)
        self.print_slip_button.setObjectName("print-slip")
        top.addWidget(self.compute_fees_button)
        top.addWidget(self.print_slip_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.fees_table = QTableWidget(0, 3, box)
        self.fees_table.setHorizontalHeaderLabels([self.tr("Fee"), self.tr("Amount"), self.tr("Paid")])
        self.fees_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fees_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fees_table.setMinimumHeight(110)
        layout.addWidget(self.fees_table)
        self.slip_label = QLabel(box)
        self.slip_label.setWordWrap(True)
        self.slip_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.slip_label)
        pay = QHBoxLayout()
        pay.addWidget(QLabel(self.tr("Paid by:"), box))
        self.method_combo = QComboBox(box)
        for code, text in (
            ("slip", self.tr("Slip payment ID")),
            ("bank_ref", self.tr("Bank reference")),
            ("card_terminal", self.tr("Card terminal")),
        ):
            self.method_combo.addItem(text, code)
        pay.addWidget(self.method_combo)
        self.reference_edit = QLineEdit(box)
        self.reference_edit.setObjectName("payment-reference")
        self.reference_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.reference_edit.setPlaceholderText(self.tr("Payment ID, barcode or reference number"))
        pay.addWidget(self.reference_edit, 1)
        self.record_payment_button = QPushButton(self.tr("Record payment"), box)
        self.record_payment_button.setObjectName("record-payment")
        pay.addWidget(self.record_payment_button)
        layout.addLayout(pay)
        self.fee_message = self._message_label(box)
        layout.addWidget(self.fee_message)
        self.field_messages["reference"] = self.fee_message
        self.field_messages["structure"] = self.fee_message
        return box

    def _message_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setProperty("role", "fieldMessage")
        label.setWordWrap(True)
        label.hide()
        return label

    def _set_enabled(self, on: bool) -> None:
        for widget in (
            self.save_button,
            self.print_button,
            self.add_engineer_button,
            self.remove_engineer_button,
            self.compute_fees_button,
            self.print_slip_button,
            self.record_payment_button,
        ):
            widget.setEnabled(on)

    # -- queue ---------------------------------------------------------------------------------------------------------
    def set_queue(self, rows: Sequence[CartableRow]) -> None:
        current = self.case_id
        self.queue.blockSignals(True)
        self.queue.clear()
        for row in rows:
            text = f"{ltr_isolate(digits(tracking_display(row.tracking_number)))}  {row.applicant_name}"
            item = QListWidgetItem(text, self.queue)
            item.setToolTip(row.state_title)
            item.setData(CASE_ROLE, row.case_id)
            if row.case_id == current:
                self.queue.setCurrentItem(item)
        self.queue.blockSignals(False)
        if current is None and self.queue.count():
            self.queue.setCurrentRow(0)  # ready to work on the most urgent case

    def select_case(self, case_id: str) -> None:
        for i in range(self.queue.count()):
            if self.queue.item(i).data(CASE_ROLE) == case_id:
                if self.queue.currentRow() == i:
                    self.reload_case()
                else:
                    self.queue.setCurrentRow(i)
                return
        self.case_id = case_id
        self.reload_case()

    def _queue_changed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.case_id = str(item.data(CASE_ROLE))
            self.reload_case()

    # -- the case ------------------------------------------------------------------------------------------------------
    def reload_case(self) -> None:
        if self.case_id is None or self.ctx.actor is None:
            return
        case_id = self.case_id
        self.ctx.tasks.read(self._load, case_id, on_done=lambda r, c=case_id: self._loaded(c, r), on_error=self._error)

    def _load(self, case_id: str) -> tuple[CaseDetail, PermitDraft, PermitFees]:
        services, actor = self.ctx.services, self.ctx.actor
        return (
            services.cases.get_case(actor, case_id),
            services.permits.get_draft(actor, case_id),
            services.permits.get_fees(actor, case_id),
        )

    def _loaded(self, case_id: str, result: tuple[CaseDetail, PermitDraft, PermitFees]) -> None:
        if case_id != self.case_id:
            return
        detail, draft, fees = result
        self.detail = detail
        self.case_label.setText(
            f"{ltr_isolate(digits(tracking_display(detail.tracking_number)))} — {detail.applicant.display_name}"
            f" — {detail.state_title}"
        )
        self.show_draft(draft)
        # blocked actions keep their button: pressing it says, in Persian, what is still missing
        shown = {a.action for a in detail.actions}
        blocked = [
            ActionOption(b.action, b.title, False, False) for b in detail.blocked_actions if b.action not in shown
        ]
        self._fill_actions([*detail.actions, *blocked])
        self._set_enabled(not detail.closed)
        self.show_fees(fees)
        self.case_loaded.emit()

    def show_draft(self, draft: PermitDraft) -> None:
        self.draft = draft
        for code, box in self.checks.items():
            box.setChecked(draft.checklist.get(code, False))
        self.technical_id_edit.setText(draft.technical_id)
        self.engineers.setRowCount(0)
        for engineer in draft.engineers:
            self.add_engineer(engineer)
        for code, edit in self.field_edits.items():
            value = draft.fields.get(code)
            edit.setText("" if value is None else _number_text(value))
        self.notes_edit.setPlainText(draft.notes)
        self._clear_messages()
        if draft.missing:
            self.missing_label.setText(self.tr("Still missing: %1").replace("%1", join_list(list(draft.missing))))
        else:
            self.missing_label.setText(self.tr("The draft is complete."))

    def show_fees(self, fees: PermitFees) -> None:
        self.fees = fees
        fa = current_language() == "fa"
        self.fees_table.setRowCount(0)
        for row in fees.rows:
            i = self.fees_table.rowCount()
            self.fees_table.insertRow(i)
            paid = self.tr("Paid") if row.paid else self.tr("Unpaid")
            for col, text in enumerate((row.title, format_rials(row.amount, persian_digits=fa), paid)):
                self.fees_table.setItem(i, col, QTableWidgetItem(text))
        if not fees.rows:
            self.slip_label.setText(self.tr("The fees are not computed yet."))
        elif fees.unpaid:
            self.slip_label.setText(
                self.tr("Unpaid: %1 — bill ID %2, payment ID %3")
                .replace("%1", format_rials(fees.unpaid, persian_digits=fa))
                .replace("%2", ltr_isolate(digits(fees.bill_id)))
                .replace("%3", ltr_isolate(digits(fees.payment_id.lstrip("0"))))
            )
        else:
            self.slip_label.setText(self.tr("All fees are paid."))
        self.print_slip_button.setEnabled(bool(fees.unpaid) and self.compute_fees_button.isEnabled())

    def add_engineer(self, engineer: Engineer | None = None) -> None:
        row = self.engineers.rowCount()
        self.engineers.insertRow(row)
        combo = QComboBox(self.engineers)
        fa = current_language() == "fa"
        for code, en, fa_title in DISCIPLINES:
            combo.addItem(fa_title if fa else en, code)
        if engineer is not None:
            combo.setCurrentIndex(max(0, combo.findData(engineer.discipline)))
        self.engineers.setCellWidget(row, 0, combo)
        name = QLineEdit(engineer.name if engineer else "", self.engineers)
        number = QLineEdit(engineer.member_no if engineer else "", self.engineers)
        number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.engineers.setCellWidget(row, 1, name)
        self.engineers.setCellWidget(row, 2, number)
        if engineer is None:
            name.setFocus()

    def _remove_engineer(self) -> None:
        row = self.engineers.currentRow()
        if row < 0:
            row = self.engineers.rowCount() - 1
        if row >= 0:
            self.engineers.removeRow(row)

    def engineer_rows(self) -> list[Engineer]:
        result = []
        for row in range(self.engineers.rowCount()):
            combo = self.engineers.cellWidget(row, 0)
            name = self.engineers.cellWidget(row, 1)
            number = self.engineers.cellWidget(row, 2)
            assert isinstance(combo, QComboBox) and isinstance(name, QLineEdit) and isinstance(number, QLineEdit)
            result.append(Engineer(str(combo.currentData()), name.text(), number.text()))
        return result

    # -- saving and printing -------------------------------------------------------------------------------------------
    def save(self) -> None:
        if self.case_id is None or self.draft is None:
            return
        self._clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.permits.save_draft,
            self.ctx.actor,
            self.case_id,
            checklist={code: box.isChecked() for code, box in self.checks.items()},
            engineers=self.engineer_rows(),
            fields={code: edit.text().strip() for code, edit in self.field_edits.items()},
            technical_id=self.technical_id_edit.text(),
            notes=self.notes_edit.toPlainText(),
            expected_version=self.draft.version,
            on_done=self._saved,
            on_error=self._error,
            initiator=self,
        )

    def _saved(self, draft: PermitDraft) -> None:
        self.show_draft(draft)
        self.saved.emit()
        self.reload_case()  # the actions may have changed (guards read the draft's facts)

    def print_sheet(self) -> None:
        if self.case_id is None:
            return
        self.ctx.tasks.write(
            self.ctx.services.permits.draft_sheet,
            self.ctx.actor,
            self.case_id,
            on_done=self._show_sheet,
            on_error=self._error,
        )

    def _show_sheet(self, pdf: bytes) -> None:
        from app.ui.print.preview import PrintPreviewDialog

        self.last_pdf = pdf
        settings = self.ctx.settings

        def set_printer(kind: str, name: str) -> None:
            self.ctx.settings = self.ctx.settings.with_changes(printers={**self.ctx.settings.printers, kind: name})

        self.preview = PrintPreviewDialog(
            pdf,
            "letter",
            lambda kind: settings.printer_for(kind) or None,
            set_printer,
            self.window(),
            title=self.tr("Permit draft sheet"),
            file_name="permit-draft.pdf",
        )
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()
        self.printed.emit()

    # -- fees and payment ----------------------------------------------------------------------------------------------
    def compute_fees(self) -> None:
        if self.case_id is None or self.detail is None:
            return
        self._clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.permits.compute_fees,
            self.ctx.actor,
            self.case_id,
            structure=str(self.structure_combo.currentData()),
            expected_version=self.detail.version,
            on_done=self._fees_done,
            on_error=self._fee_error,
            initiator=self,
        )

    def print_slip(self) -> None:
        """The payment slip through the print service (preview, print or save, the print recorded)."""
        if self.case_id is None:
            return
        self._clear_messages()
        self.print_controller.open_preview(self.case_id, "payment_slip")

    def record_payment(self) -> None:
        if self.case_id is None or self.detail is None:
            return
        self._clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.permits.record_payment,
            self.ctx.actor,
            self.case_id,
            str(self.method_combo.currentData()),
            self.reference_edit.text(),
            expected_version=self.detail.version,
            on_done=self._paid,
            on_error=self._fee_error,
            initiator=self,
        )

    def _fees_done(self, fees: PermitFees) -> None:
        self.show_fees(fees)
        self.fees_updated.emit()
        self.reload_case()

    def _paid(self, fees: PermitFees) -> None:
        self.reference_edit.clear()
        self._fees_done(fees)

    def _fee_failed(self, text: str) -> None:
        self.fee_message.setText(text)
        self.fee_message.show()
        self.failed.emit(text)

    def _fee_error(self, error: DomainError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        if field and field in self.field_messages and field not in ("reference", "structure"):
            self._error(error)
            return
        self._fee_failed(self._text(error))
        if error.code == "workflow.stale_version":
            self.reload_case()

    def _text(self, error: DomainError) -> str:
        if current_language() == "fa":
            text = message_fa(error)
            if text:
                return text
        return error_text(error)

    # -- workflow ------------------------------------------------------------------------------------------------------
    def _fill_actions(self, actions: Sequence[ActionOption]) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for position, option in enumerate(actions):
            button = QPushButton(option.title, self)
            button.setObjectName(f"action-{option.action}")
            button.setProperty("primary", position == 0)
            button.clicked.connect(lambda _checked=False, o=option: self.apply_action(o))
            self.actions_row.insertWidget(self.actions_row.count() - 1, button)
            self.action_buttons[option.action] = button

    def apply_action(self, option: ActionOption, note: str | None = None) -> None:
        if self.detail is None:
            return
        if option.needs_assignee:
            from app.ui.case_view import CaseView

            CaseView.show_case(self.ctx, self.detail.case_id, self.window())
            return
        if option.needs_note and not note:
            from app.ui.case_view import NoteDialog

            dialog = NoteDialog(option.title, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            note = dialog.note()
        self.error_label.clear()
        services, actor, case_id = self.ctx.services, self.ctx.actor, self.detail.case_id
        version = self.detail.version
        if option.action == "submit_for_approval":
            call: Any = services.permits.submit
            args: tuple[Any, ...] = (actor, case_id)
            kwargs: dict[str, Any] = {"expected_version": version}
        else:
            call = services.cases.apply_action
            args = (actor, case_id, option.action)
            kwargs = {"expected_version": version, "note": note}
        self.ctx.tasks.write(
            call,
            *args,
            on_done=lambda _r, a=option.action: self._applied(a),
            on_error=self._error,
            initiator=self,
            **kwargs,
        )

    def _applied(self, action: str) -> None:
        self.action_applied.emit(action)
        self.reload_case()

    # -- messages ------------------------------------------------------------------------------------------------------
    def _clear_messages(self) -> None:
        for label in self.field_messages.values():
            label.clear()
            label.hide()
        self.error_label.clear()

    def _error(self, error: DomainError) -> None:
        text = self._text(error)
        field = error.field if isinstance(error, ValidationError) else None
        field = field or str(error.params.get("field") or "")
        if field.startswith("engineers."):
            field = "engineers"
        label = self.field_messages.get(field)
        if label is not None:
            label.setText(text)
            label.show()
        else:
            self.error_label.setText(text)
        self.failed.emit(text)
        if error.code in ("workflow.stale_version", "workflow.wrong_state"):
            self.reload_case()
