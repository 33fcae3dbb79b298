"""What the violation review and plan approval workbenches share: the case header with its workflow buttons, writes
on the writer thread with Persian refusals next to the form, and the print preview of a letter.

Workflow buttons come from ``CaseDetail.actions`` (the engine decided them); actions that carry data of their own
(a ruling, an objection, a referral answer ...) are left to the forms that collect it, so that their checks (the
objection deadline, the checklist) always run.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import format_jalali
from app.domain.errors import DomainError
from app.domain.text import ltr_isolate, to_persian_digits
from app.services.dto import ActionOption, CaseDetail, Changes
from app.ui.cartable import tracking_display
from app.ui.context import UiContext
from app.ui.messages import error_text

log = logging.getLogger(__name__)


def journey_error(error: DomainError) -> str:
    """Our units' codes in their own Persian words; everything else as the rest of the program says it."""
    from app.services import plans, violations

    if error.code in violations.MESSAGES_FA or error.code in plans.MESSAGES_FA:
        return violations.message_fa(error)
    return error_text(error)


def jalali(value: dt.date | None) -> str:
    return format_jalali(value) if value else "—"


def fa_digits(value: object) -> str:
    return to_persian_digits(value)


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "fieldMessage")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def scrolled(page: QWidget) -> QScrollArea:
    """A form page that scrolls on a small screen instead of squeezing its fields."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


def make_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def paint_row(table: QTableWidget, row: int, colour: QColor, columns: range | None = None) -> None:
    for col in columns if columns is not None else range(table.columnCount()):
        item = table.item(row, col)
        if item is not None:
            item.setForeground(colour)


def fill_row(table: QTableWidget, row: int, values: list[str], key: str | None = None) -> None:
    for col, value in enumerate(values):
        item = QTableWidgetItem(value)
        if col == 0 and key is not None:
            item.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(row, col, item)


def selected_key(table: QTableWidget) -> str | None:
    selected = table.selectionModel().selectedRows()
    row = selected[0].row() if selected else table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    if item is None:
        return None
    value = item.data(Qt.ItemDataRole.UserRole)
    return str(value) if value else None


class CaseWorkbench(QWidget):
    """Base of a unit's workbench: one case at a time, its header, its workflow buttons and the unit's forms.

    ``loaded`` fires after the case and the unit's data were shown; ``done`` after a write went through (with the step
    name), ``failed`` after a refusal (with the error code).
    """

    loaded = Signal()
    done = Signal(str)
    failed = Signal(str)

    # Actions that the unit's own forms perform (never as a bare button).
    FORM_ACTIONS: frozenset[str] = frozenset()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: str | None = None
        self.detail: CaseDetail | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self.last_pdf: bytes | None = None
        self.preview: QDialog | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("Choose a case in the cartable (Enter opens it here)."), self)
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        head.addWidget(self.heading, 1)
        self.open_file_button = QPushButton(self.tr("Case file…"), self)
        self.open_file_button.setToolTip(self.tr("The whole case: applicant, property, documents, route history"))
        self.open_file_button.clicked.connect(self._open_case_view)
        self.open_file_button.setEnabled(False)
        head.addWidget(self.open_file_button)
        layout.addLayout(head)
        self.actions_bar = QHBoxLayout()
        self.actions_hint = QLabel(self)
        self.actions_hint.setProperty("role", "hint")
        self.actions_bar.addWidget(self.actions_hint)
        self.actions_bar.addStretch(1)
        layout.addLayout(self.actions_bar)
        self.error_label = message_label(self)
        layout.addWidget(self.error_label)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        self.build_body()
        self.set_enabled_forms(False)
        ctx.hub.changes_applied.connect(self._on_changes)

    # -- for subclasses ------------------------------------------------------------------------------------------------
    def build_body(self) -> None:
        """Add the unit's forms to ``self.body``."""

    def load_unit_data(self, case_id: str) -> Any:
        """Runs on a reader thread: the unit's view of the case (a service call)."""
        raise NotImplementedError

    def show_unit_data(self, data: Any) -> None:
        """Runs on the GUI thread with what ``load_unit_data`` returned."""

    def set_enabled_forms(self, enabled: bool) -> None:
        """Enable the forms once a case is loaded."""

    # -- loading -------------------------------------------------------------------------------------------------------
    def select_case(self, case_id: str) -> None:
        self.case_id = case_id
        self.reload()

    def reload(self) -> None:
        if self.case_id is None or self.ctx.actor is None:
            return
        case_id = self.case_id
        self.ctx.tasks.read(self._read_both, case_id, on_done=self._show, on_error=self._load_failed)

    def _read_both(self, case_id: str) -> tuple[CaseDetail, Any]:
        detail = self.ctx.services.cases.get_case(self.ctx.actor, case_id)
        return detail, self.load_unit_data(case_id)

    def _show(self, result: tuple[CaseDetail, Any]) -> None:
        detail, data = result
        if detail.case_id != self.case_id:
            return
        self.detail = detail
        self.heading.setText(
            f"{ltr_isolate(fa_digits(tracking_display(detail.tracking_number)))} — {detail.service_name} — "
            f"{detail.applicant.display_name} — {detail.state_title}"
        )
        self.open_file_button.setEnabled(True)
        self._fill_actions(detail.actions)
        self.show_unit_data(data)
        self.set_enabled_forms(True)
        self.loaded.emit()

    def _load_failed(self, error: DomainError) -> None:
        show_message(self.error_label, journey_error(error))

    def _fill_actions(self, actions: tuple[ActionOption, ...]) -> None:
        for button in self.action_buttons.values():
            self.actions_bar.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        shown = [a for a in actions if a.action not in self.FORM_ACTIONS]
        for option in shown:
            button = QPushButton(option.title, self)
            button.setObjectName(f"action-{option.action}")
            button.clicked.connect(lambda _checked=False, o=option: self.apply_action(o))
            self.actions_bar.insertWidget(self.actions_bar.count() - 1, button)
            self.action_buttons[option.action] = button
        self.actions_hint.setText(self.tr("Workflow:") if shown else self.tr("No workflow step of yours here now."))

    def apply_action(self, option: ActionOption, *, note: str | None = None, assignee_id: str | None = None) -> None:
        """A plain workflow step through the engine; asks for the note or the colleague when it needs them."""
        from app.ui.case_view import AssigneeDialog, NoteDialog

        if self.detail is None or self.case_id is None:
            return
        if option.needs_assignee and assignee_id is None:
            # The colleagues come from the database: read them off the GUI thread, then ask.
            def ask(users: list[Any], o: ActionOption = option, n: str | None = note) -> None:
                me = self.ctx.actor.user_id if self.ctx.actor else None
                dialog = AssigneeDialog(o.title, [(u.id, u.full_name) for u in users if u.id != me], self)
                if dialog.exec() == QDialog.DialogCode.Accepted and dialog.assignee_id() is not None:
                    self.apply_action(o, note=n or dialog.note() or None, assignee_id=dialog.assignee_id())

            self.ctx.tasks.read(self.ctx.services.cases.referral_candidates, self.case_id, on_done=ask,
                                on_error=self._load_failed)  # fmt: skip
            return
        if option.needs_note and not note:
            note_dialog = NoteDialog(option.title, self)
            if note_dialog.exec() != QDialog.DialogCode.Accepted:
                return
            note = note_dialog.note()
        self.write(option.action, self.error_label, self.ctx.services.cases.apply_action, self.ctx.actor,
                   self.case_id, option.action, note=note, assignee_id=assignee_id,
                   expected_version=self.detail.version)  # fmt: skip

    # -- writing -------------------------------------------------------------------------------------------------------
    def write(self, step: str, label: QLabel, fn: Callable[..., Any], *args: Any,
              on_done: Callable[[Any], None] | None = None, **kwargs: Any) -> None:  # fmt: skip
        """Run a service write on the writer thread; its refusal shows in ``label`` (next to the form)."""
        if self._busy:
            return
        self._busy = True
        show_message(label, "")
        show_message(self.error_label, "")

        def finished(result: Any) -> None:
            self._busy = False
            if on_done is not None:
                on_done(result)
            self.done.emit(step)
            self.reload()

        def refused(error: DomainError) -> None:
            self._busy = False
            show_message(label, journey_error(error))
            self.failed.emit(error.code)
            if error.code in ("workflow.stale_version", "workflow.wrong_state"):
                self.reload()

        self.ctx.tasks.write(fn, *args, on_done=finished, on_error=refused, initiator=self, **kwargs)

    def print_pdf(self, label: QLabel, title: str, file_name: str, fn: Callable[..., bytes], *args: Any) -> None:
        """Build a letter off the GUI thread and show it in the print preview."""
        show_message(label, "")

        def ready(pdf: bytes) -> None:
            from app.ui.print.controller import printer_for, remember_printer
            from app.ui.print.preview import PrintPreviewDialog

            self.last_pdf = pdf
            dialog = PrintPreviewDialog(pdf, "letter", lambda kind: printer_for(self.ctx, kind),
                                        lambda kind, name: remember_printer(self.ctx, kind, name), self,
                                        title=title, file_name=file_name)  # fmt: skip
            dialog.setObjectName("print-preview")
            self.preview = dialog
            dialog.open()
            self.done.emit("print")

        def refused(error: DomainError) -> None:
            show_message(label, journey_error(error))
            self.failed.emit(error.code)

        self.ctx.tasks.read(fn, *args, on_done=ready, on_error=refused)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self or self.case_id is None:
            return
        if self.case_id in changes.case_ids:
            self.reload()

    def _open_case_view(self) -> None:
        if self.case_id is not None:
            from app.ui.case_view import CaseView

            CaseView.show_case(self.ctx, self.case_id, self.window())
