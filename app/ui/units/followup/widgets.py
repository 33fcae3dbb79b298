"""Small pieces the watching units' tabs share (follow-up, liaisons, consultation, technical manager, audit): a plain
read-only table, a field-message label, a Jalali date range, and the sentences for these units' error codes.

The codes these units' services raise are turned into sentences here (``watch_error_text``), through Qt's translation
like ``app/ui/messages.py`` does; other codes go to ``app.ui.messages.error_text``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain.errors import DomainError
from app.ui.cartable import digits
from app.ui.messages import error_text
from app.ui.widgets.jalali import JalaliDateEdit

ID_ROLE = Qt.ItemDataRole.UserRole + 11

WATCH_MESSAGES: Mapping[str, Any] = {
    "followup.forbidden": QT_TRANSLATE_NOOP("WatchMessages", "Only the follow-up unit may do this."),
    "followup.lookup_kind": QT_TRANSLATE_NOOP("WatchMessages", "Type a tracking number, a national ID or a mobile number."),
    "followup.note_required": QT_TRANSLATE_NOOP("WatchMessages", "Write what the citizen was told."),
    "followup.channel": QT_TRANSLATE_NOOP("WatchMessages", "Choose call or visit."),
    "followup.range": QT_TRANSLATE_NOOP("WatchMessages", "The end of the period is before its start."),
    "followup.range_too_long": QT_TRANSLATE_NOOP("WatchMessages", "Choose a period of at most one year."),
    "followup.format": QT_TRANSLATE_NOOP("WatchMessages", "Unknown report format."),
    "case.not_found": QT_TRANSLATE_NOOP("WatchMessages", "No case with this tracking number was found."),
    "field.required": QT_TRANSLATE_NOOP("WatchMessages", "This field is required."),
    "audit.forbidden": QT_TRANSLATE_NOOP("WatchMessages", "Only the audit unit may read the audit trail."),
    "audit_views.forbidden": QT_TRANSLATE_NOOP("WatchMessages", "Only the audit unit may do this."),
    "complaint.kind": QT_TRANSLATE_NOOP("WatchMessages", "Choose complaint, dispute or misconduct."),
    "complaint.description_required": QT_TRANSLATE_NOOP("WatchMessages", "Describe the complaint."),
    "complaint.not_found": QT_TRANSLATE_NOOP("WatchMessages", "No such complaint."),
    "complaint.wrong_status": QT_TRANSLATE_NOOP("WatchMessages", "The complaint is not at that step."),
    "complaint.findings_required": QT_TRANSLATE_NOOP("WatchMessages", "Write the findings of the investigation."),
    "complaint.resolution_required": QT_TRANSLATE_NOOP("WatchMessages", "Write how the complaint was resolved."),
    "complaint.unknown_staff": QT_TRANSLATE_NOOP("WatchMessages", "Choose the staff member concerned."),
    "audit_views.format": QT_TRANSLATE_NOOP("WatchMessages", "Unknown export format."),
    "liaison.forbidden": QT_TRANSLATE_NOOP("WatchMessages", "Only the head of liaisons may do this."),
    "liaison.not_yours": QT_TRANSLATE_NOOP("WatchMessages", "This task belongs to another liaison."),
    "liaison.kind": QT_TRANSLATE_NOOP("WatchMessages", "Choose the kind of task."),
    "liaison.title_required": QT_TRANSLATE_NOOP("WatchMessages", "Write what is to be done."),
    "liaison.unknown_liaison": QT_TRANSLATE_NOOP("WatchMessages", "Choose a liaison."),
    "liaison.due_past": QT_TRANSLATE_NOOP("WatchMessages", "The due date has already passed."),
    "liaison.district": QT_TRANSLATE_NOOP("WatchMessages", "The district is between 1 and 22."),
    "liaison.expert_required": QT_TRANSLATE_NOOP("WatchMessages", "Name the municipal expert for this task."),
    "liaison.outcome_required": QT_TRANSLATE_NOOP("WatchMessages", "Write the outcome before closing the task."),
    "liaison.not_open": QT_TRANSLATE_NOOP("WatchMessages", "This task is already closed."),
    "liaison.not_found": QT_TRANSLATE_NOOP("WatchMessages", "No such task."),
    "consultation.forbidden": QT_TRANSLATE_NOOP("WatchMessages", "Only the consultation unit may do this."),
    "consultation.asker_required": QT_TRANSLATE_NOOP("WatchMessages", "Enter who asked."),
    "consultation.question_required": QT_TRANSLATE_NOOP("WatchMessages", "Write the question."),
    "consultation.topic": QT_TRANSLATE_NOOP("WatchMessages", "Choose the topic."),
    "consultation.not_found": QT_TRANSLATE_NOOP("WatchMessages", "No such consultation."),
    "consultation.answer_required": QT_TRANSLATE_NOOP("WatchMessages", "Write the answer."),
    "consultation.unknown_zone": QT_TRANSLATE_NOOP("WatchMessages", "No such zone in the detailed plan reference."),
    "zone.code": QT_TRANSLATE_NOOP("WatchMessages", "Invalid zone code (example: R112)."),
    "zone.limits": QT_TRANSLATE_NOOP("WatchMessages", "Density, floors or coverage of the zone are invalid."),
    "zone.unknown_use": QT_TRANSLATE_NOOP("WatchMessages", "Unknown land use."),
    "zone.title_required": QT_TRANSLATE_NOOP("WatchMessages", "Enter the zone's title."),
    "technical.forbidden": QT_TRANSLATE_NOOP("WatchMessages", "Only the technical manager may do this."),
    "circular.kind": QT_TRANSLATE_NOOP("WatchMessages", "Choose resolution or circular."),
    "circular.number_required": QT_TRANSLATE_NOOP("WatchMessages", "Enter the number."),
    "circular.duplicate": QT_TRANSLATE_NOOP("WatchMessages", "A document with this number is already registered."),
    "circular.issuer_required": QT_TRANSLATE_NOOP("WatchMessages", "Enter the issuer."),
    "circular.subject_required": QT_TRANSLATE_NOOP("WatchMessages", "Enter the subject."),
    "circular.effective_before_issue": QT_TRANSLATE_NOOP("WatchMessages", "It cannot take effect before it was issued."),
    "circular.no_units": QT_TRANSLATE_NOOP("WatchMessages", "Choose at least one unit to distribute it to."),
    "circular.unknown_service": QT_TRANSLATE_NOOP("WatchMessages", "Unknown service."),
    "circular.not_found": QT_TRANSLATE_NOOP("WatchMessages", "No such circular."),
    "circular.not_addressed": QT_TRANSLATE_NOOP("WatchMessages", "This circular was not sent to your unit."),
    "circular.already_acknowledged": QT_TRANSLATE_NOOP("WatchMessages", "You have already acknowledged it."),
    "correspondence.agency": QT_TRANSLATE_NOOP("WatchMessages", "Choose the agency."),
    "correspondence.direction": QT_TRANSLATE_NOOP("WatchMessages", "Choose incoming or outgoing."),
    "correspondence.number_required": QT_TRANSLATE_NOOP("WatchMessages", "Enter the secretariat number."),
    "correspondence.duplicate": QT_TRANSLATE_NOOP("WatchMessages", "This secretariat number is already registered."),
    "correspondence.subject_required": QT_TRANSLATE_NOOP("WatchMessages", "Enter the subject."),
    "question.required": QT_TRANSLATE_NOOP("WatchMessages", "Write the question."),
    "question.not_found": QT_TRANSLATE_NOOP("WatchMessages", "No such question."),
    "question.answered": QT_TRANSLATE_NOOP("WatchMessages", "This question is already answered."),
    "question.answer_required": QT_TRANSLATE_NOOP("WatchMessages", "Write the answer."),
}  # fmt: skip


def watch_error_text(error: BaseException) -> str:
    if isinstance(error, DomainError) and error.code in WATCH_MESSAGES:
        return QCoreApplication.translate("WatchMessages", str(WATCH_MESSAGES[error.code]))
    return error_text(error)


class MessageLabel(QLabel):
    """A red line under a form: ``show_error(error)`` / ``show_text(text)`` / ``clear_message()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "fieldMessage")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, error: BaseException) -> None:
        self.show_text(watch_error_text(error))

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class DataTable(QTableWidget):
    """A read-only table filled from plain rows; each row may carry an id (``ID_ROLE`` on its first cell)."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def set_rows(self, rows: Sequence[Sequence[Any]], ids: Sequence[str] | None = None,
                 highlight: Sequence[bool] | None = None) -> None:  # fmt: skip
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                text = digits(value) if isinstance(value, int | float) else str(value)
                item = QTableWidgetItem(text)
                if c == 0 and ids is not None:
                    item.setData(ID_ROLE, ids[r])
                if highlight is not None and highlight[r]:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.setItem(r, c, item)

    def current_id(self) -> str | None:
        selected = self.selectionModel().selectedRows()
        row = selected[0].row() if selected else self.currentRow()
        if row < 0:
            return None
        item = self.item(row, 0)
        value = item.data(ID_ROLE) if item is not None else None
        return str(value) if value else None

    def select_id(self, row_id: str) -> bool:
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            if item is not None and item.data(ID_ROLE) == row_id:
                self.setCurrentCell(r, 0)
                self.selectRow(r)
                return True
        return False

    def column_texts(self, column: int) -> list[str]:
        items = [self.item(r, column) for r in range(self.rowCount())]
        return [item.text() for item in items if item is not None]


class DateRange(QWidget):
    """«از … تا …» with two Jalali date edits; ``values()`` gives Gregorian dates."""

    def __init__(self, first: dt.date, last: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.first = JalaliDateEdit(self, first)
        self.last = JalaliDateEdit(self, last)
        layout.addWidget(QLabel(self.tr("From:"), self))
        layout.addWidget(self.first)
        layout.addWidget(QLabel(self.tr("To:"), self))
        layout.addWidget(self.last)

    def values(self) -> tuple[dt.date, dt.date]:
        return self.first.value(), self.last.value()
