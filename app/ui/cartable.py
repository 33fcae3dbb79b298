"""The cartable: a unit's work inbox as a table model, a filtering proxy and the view that every unit tab shows.

The model holds ``CartableRow`` values from the services and shows them the way clerks read them: Jalali dates and
Persian digits, overdue rows in red with a warning icon. Sorting uses the raw values (``SORT_ROLE``), filtering a
normalised search key (``SEARCH_ROLE``) so «ي/ی», «ك/ک», Persian or Latin digits all match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle, QTableView, QWidget

from app.domain.dates import format_jalali, format_jalali_datetime
from app.domain.errors import ValidationError
from app.domain.text import ltr_isolate, search_key, to_persian_digits
from app.domain.tracking import format_tracking_number
from app.services.dto import CartableRow
from app.ui.qt_app import current_language

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 3

OVERDUE_BACKGROUND = QColor("#fdecec")
OVERDUE_FOREGROUND = QColor("#b71c1c")

_ModelIndex = QModelIndex | QPersistentModelIndex


def digits(value: object) -> str:
    return to_persian_digits(value) if current_language() == "fa" else str(value)


def join_list(items: Sequence[str]) -> str:
    """«الف، ب» in Persian, "a, b" in English."""
    return ("، " if current_language() == "fa" else ", ").join(items)


def tracking_display(tracking_number: str) -> str:
    """Grouped for reading aloud at the counter: ``0101-05-001-000693-4``; unchanged when it is not one of ours."""
    try:
        return format_tracking_number(tracking_number)
    except ValidationError:
        return tracking_number


def show_date(value: dt.date | None) -> str:
    return format_jalali(value, persian_digits=current_language() == "fa") if value else ""


def show_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    text = format_jalali_datetime(value)
    return text if current_language() == "fa" else text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))


class CartableModel(QAbstractTableModel):
    COLUMNS = ("tracking", "service", "applicant", "state", "assignee", "opened", "due", "left")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CartableRow] = []
        self._keys: list[str] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Tracking number"),
            self.tr("Service"),
            self.tr("Applicant"),
            self.tr("Stage"),
            self.tr("Assignee"),
            self.tr("Opened"),
            self.tr("Due"),
            self.tr("Days left"),
        ]

    def set_rows(self, rows: Sequence[CartableRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = [
            search_key(" ".join((r.tracking_number, r.service_name, r.applicant_name, r.state_title, r.assignee_name)))
            for r in self._rows
        ]
        self.endResetModel()

    def row_at(self, row: int) -> CartableRow:
        return self._rows[row]

    def rows(self) -> list[CartableRow]:
        return list(self._rows)

    def overdue_count(self) -> int:
        return sum(1 for r in self._rows if r.overdue)

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return digits(section + 1)
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == SEARCH_ROLE:
            return self._keys[index.row()]
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue:
            return self.tr("Overdue")
        if row.overdue:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_FOREGROUND)
            if role == Qt.ItemDataRole.DecorationRole and column == "tracking":
                style = QApplication.style()
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("tracking", "opened", "due", "left"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: CartableRow, column: str) -> str:
        if column == "tracking":
            return ltr_isolate(digits(tracking_display(row.tracking_number)))
        if column == "service":
            return row.service_name
        if column == "applicant":
            return row.applicant_name
        if column == "state":
            return row.state_title
        if column == "assignee":
            return row.assignee_name
        if column == "opened":
            return show_date(row.opened_at)
        if column == "due":
            return show_date(row.state_due_date)
        if column == "left":
            left = row.working_days_left
            if left is None:
                return ""
            if left < 0:
                return self.tr("%1 days late").replace("%1", digits(-left))
            return digits(left)
        return ""

    def _sort_value(self, row: CartableRow, column: str) -> Any:
        values: dict[str, Any] = {
            "tracking": row.tracking_number,
            "service": row.service_name,
            "applicant": row.applicant_name,
            "state": row.state_title,
            "assignee": row.assignee_name,
            "opened": row.opened_at.isoformat(),
            "due": row.state_due_date.isoformat() if row.state_due_date else "9999",
            "left": row.working_days_left if row.working_days_left is not None else 10**6,
        }
        return values[column]


class CartableFilterProxy(QSortFilterProxyModel):
    """Filters on the normalised search key; every word typed must appear (in any order)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()  # Qt 6.9+: the begin/end pair replaces invalidateFilter()
        self._words = search_key(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        key = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(word in key for word in self._words)


class CartableView(QTableView):
    """The table: sortable, whole-row selection, Enter or double-click opens the case."""

    case_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = CartableModel(self)
        self.proxy = CartableFilterProxy(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self.doubleClicked.connect(self._activate)

    def set_rows(self, rows: Sequence[CartableRow]) -> None:
        selected = self.current_case_id()
        self.source.set_rows(rows)
        self.resizeColumnsToContents()
        for column, minimum in ((1, 160), (2, 140), (3, 150), (4, 110)):
            if self.columnWidth(column) < minimum:
                self.setColumnWidth(column, minimum)
        # The service title is the longest text: it takes what is left of the width.
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if selected:
            self.select_case(selected)

    def current_case_id(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(CASE_ID_ROLE)) if index.isValid() else None

    def select_case(self, case_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CASE_ID_ROLE) == case_id:
                self.setCurrentIndex(index)
                self.selectRow(row)
                return True
        return False

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_activated.emit(str(index.data(CASE_ID_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
