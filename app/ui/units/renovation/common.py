"""Pieces the renovation and vehicle tabs share: error sentences, the workflow action bar, fees, payment and the
route history of a case, and the print preview."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import format_rials
from app.domain.text import to_persian_digits
from app.services.dto import CaseDetail
from app.ui.context import UiContext
from app.ui.messages import error_text

log = logging.getLogger(__name__)


def charges_error_text(error: BaseException) -> str:
    """The Persian sentence for a refusal of these units (their own codes and the domain rules'), else the shell's."""
    if isinstance(error, DomainError):
        from app.services.renovation import message_fa

        text = message_fa(error)
        if text:
            return text
    return error_text(error)


def ltr(value: object) -> str:
    """A left-to-right run (plate, code, ID) inside Persian widget text. Qt's layout honours the LRE…PDF embedding
    where it does not honour the newer isolates, so isolates coming from the domain are turned into an embedding."""
    text = str(value).replace("\u2066", "").replace("\u2068", "").replace("\u2069", "")
    return f"\u202a{text}\u202c"


def mark_invalid(widget: QWidget, text: str) -> None:
    """Mark the field a refusal names (the style's red frame), put the sentence on it and give it the keyboard; the
    mark goes when the field is edited."""
    widget.setProperty("invalid", True)
    widget.setToolTip(text)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.setFocus()

    def clear(*_args: object) -> None:
        widget.setProperty("invalid", False)
        widget.setToolTip("")
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    if widget.property("invalidMarkWired"):
        return
    widget.setProperty("invalidMarkWired", True)
    for name in ("textEdited", "valueChanged", "currentIndexChanged", "changed", "itemChanged", "clicked"):
        signal = getattr(widget, name, None)
        if signal is not None and hasattr(signal, "connect"):
            signal.connect(clear)
            break


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "fieldMessage")
    label.setWordWrap(True)
    label.setObjectName("message")
    return label


def show_jalali(value: Any) -> str:
    from app.domain.dates import TEHRAN, format_jalali

    if value is None:
        return ""
    if hasattr(value, "astimezone") and getattr(value, "tzinfo", None) is not None:
        local = value.astimezone(TEHRAN)
        return f"{format_jalali(local)} {to_persian_digits(local.strftime('%H:%M'))}"
    return format_jalali(value)


class FeesTable(QTableWidget):
    """Title, amount and whether it is paid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Fee"), self.tr("Amount"), self.tr("Paid")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setMaximumHeight(150)

    def set_fees(self, fees: Sequence[Any]) -> None:
        self.setRowCount(0)
        for fee in fees:
            row = self.rowCount()
            self.insertRow(row)
            self.setItem(row, 0, QTableWidgetItem(fee.title))
            amount = QTableWidgetItem(format_rials(fee.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 1, amount)
            self.setItem(row, 2, QTableWidgetItem(self.tr("Paid") if fee.paid else self.tr("Not paid")))
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class HistoryTree(QTreeWidget):
    """The case's route history: when, action, new stage, who, note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("When"), self.tr("Action"), self.tr("Stage"), self.tr("By"), self.tr("Note")])
        self.setRootIsDecorated(False)
        self.setMinimumHeight(110)

    def set_history(self, detail: CaseDetail) -> None:
        self.clear()
        for line in detail.history:
            item = QTreeWidgetItem(
                [show_jalali(line.at), line.action_title, line.to_state_title, line.user_name, line.note]
            )
            self.addTopLevelItem(item)
        for column in range(4):
            self.resizeColumnToContents(column)

    def action_titles(self) -> list[str]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item.text(1) for item in items if item is not None]


class PaymentBox(QGroupBox):
    """How the slip was paid: by the slip's payment ID (typed or scanned), a bank reference, or a card terminal."""

    submitted = Signal(str, str)  # method, reference

    METHODS = ("slip", "bank_ref", "card_terminal")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record the payment"), parent)
        layout = QHBoxLayout(self)
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Payment ID of the slip"), "slip")
        self.method.addItem(self.tr("Bank reference number"), "bank_ref")
        self.method.addItem(self.tr("Card terminal trace number"), "card_terminal")
        self.reference = QLineEdit(self)
        self.reference.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.reference.setPlaceholderText(self.tr("Payment ID, barcode or reference"))
        self.reference.setMinimumWidth(260)
        self.button = QPushButton(self.tr("Record payment"), self)
        self.button.setObjectName("record-payment")
        layout.addWidget(QLabel(self.tr("Paid by:"), self))
        layout.addWidget(self.method)
        layout.addWidget(self.reference, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._submit)
        self.reference.returnPressed.connect(self._submit)

    def set_method(self, method: str) -> None:
        self.method.setCurrentIndex(max(0, self.method.findData(method)))

    def _submit(self) -> None:
        self.submitted.emit(str(self.method.currentData()), self.reference.text())


class ActionBar(QWidget):
    """Buttons for the workflow actions the case offers now (from ``available_actions``), except those the tab
    runs through its own service; a note field for actions that need one (return, reject)."""

    applied = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: UiContext, skip: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.skip = frozenset(skip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.note = QLineEdit(self)
        self.note.setObjectName("action-note")
        self.note.setPlaceholderText(self.tr("Reason or note (needed to return or reject)"))
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        self.row = QHBoxLayout()
        layout.addLayout(self.row)
        self.buttons: dict[str, QPushButton] = {}
        self.detail: CaseDetail | None = None
        self.on_error: Callable[[DomainError], None] | None = None

    def set_detail(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        for button in self.buttons.values():
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        if detail is None:
            return
        for option in detail.actions:
            if option.action in self.skip or option.needs_assignee:
                continue
            button = QPushButton(option.title, self)
            button.setObjectName(f"action-{option.action}")
            button.clicked.connect(lambda _c=False, a=option.action: self.apply(a))
            self.row.addWidget(button)
            self.buttons[option.action] = button
        self.row.addStretch(1)

    def apply(self, action: str) -> None:
        if self.detail is None or self.ctx.actor is None:
            return
        note = self.note.text().strip() or None
        self.ctx.tasks.write(
            self.ctx.services.cases.apply_action, self.ctx.actor, self.detail.case_id, action,
            note=note, expected_version=self.detail.version,
            on_done=lambda _r: self._done(action), on_error=self._failed, initiator=self,
        )  # fmt: skip

    def _done(self, action: str) -> None:
        self.note.clear()
        self.applied.emit(action)

    def _failed(self, error: DomainError) -> None:
        if self.on_error is not None:
            self.on_error(error)
        self.failed.emit(error.code)


class DocumentsBox(QGroupBox):
    """The case's documents, ticked as they are received (``cases.mark_document``); missing required ones say so,
    and the full case view (scans, the whole file) is a button away."""

    changed = Signal()
    failed = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Documents"), parent)
        self.ctx = ctx
        self.case_id: str | None = None
        layout = QHBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("documents")
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setMaximumHeight(70)
        self.open_button = QPushButton(self.tr("Open the full case"), self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.open_button)
        self._filling = False
        self.list.itemChanged.connect(self._toggled)
        self.open_button.clicked.connect(self._open_full)

    def set_detail(self, detail: CaseDetail) -> None:
        self._filling = True
        self.case_id = detail.case_id
        self.list.clear()
        for line in detail.documents:
            title = line.title if line.required else f"{line.title} ({self.tr('extra')})"
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, line.doc_type)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if line.received else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._filling = False

    def _toggled(self, item: QListWidgetItem) -> None:
        if self._filling or self.case_id is None or self.ctx.actor is None:
            return
        received = item.checkState() == Qt.CheckState.Checked
        self.ctx.tasks.write(
            self.ctx.services.cases.mark_document, self.ctx.actor, self.case_id,
            str(item.data(Qt.ItemDataRole.UserRole)), received,
            on_done=lambda _r: self.changed.emit(), on_error=self.failed.emit, initiator=self,
        )  # fmt: skip

    def _open_full(self) -> None:
        if self.case_id is not None:
            from app.ui.case_view import CaseView

            CaseView.show_case(self.ctx, self.case_id, self.window())


class PdfHolder:
    """Shows built PDFs in the print preview and keeps the last one (the tests read it)."""

    def __init__(self) -> None:
        self.last_pdf: bytes = b""
        self.dialog: QWidget | None = None

    def show(self, parent: QWidget, pdf: bytes, kind: str, title: str, file_name: str, preview: bool) -> None:
        self.last_pdf = pdf
        if not preview:
            return
        from app.ui.print.preview import PrintPreviewDialog

        printers: dict[str, str] = {}
        dialog = PrintPreviewDialog(
            pdf, kind, printers.get, printers.__setitem__, parent.window(), title=title, file_name=file_name
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
