"""Small pieces the administration panels share: a read-only table model over plain rows, a message label, role
titles, and running a service call with its error shown beside the form."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from app.domain.units import ROLES, get_unit
from app.ui.qt_app import current_language

ROW_ROLE = Qt.ItemDataRole.UserRole + 11
SORT_ROLE = Qt.ItemDataRole.UserRole + 12
_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of any objects shown through ``cells(row) -> list[str]``; ``sort_keys(row)`` for sorting (optional)."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any], list[str]],
                 sort_keys: Callable[[Any], list[Any]] | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._sort_keys = sort_keys
        self._rows: list[Any] = []
        self.ltr_columns: set[int] = set()
        self.highlight: Callable[[Any], bool] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(row)[index.column()]
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            keys = self._sort_keys(row) if self._sort_keys else self._cells(row)
            return keys[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.ltr_columns:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.ForegroundRole and self.highlight is not None and self.highlight(row):
            from PySide6.QtGui import QColor

            return QColor("#b71c1c")
        return None


class RowsView(QTableView):
    """A sortable, single-selection table over a ``RowsModel`` (through a proxy)."""

    def __init__(self, model: RowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def stretch_column(self, column: int) -> None:
        """Give the spare width to ``column`` (long texts) instead of the last one."""
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def current_row(self) -> Any:
        selected = self.selectionModel().selectedRows()
        index = selected[0] if selected else self.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, ROW_ROLE)

    def select_where(self, match: Callable[[Any], bool]) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if match(self.proxy.data(index, ROW_ROLE)):
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.selectionModel().setCurrentIndex(index, flags)  # works on a hidden view too, unlike selectRow
                self.scrollTo(index)
                return True
        return False


def message_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setProperty("role", "fieldMessage")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def role_title(role: str) -> str:
    definition = ROLES.get(role)
    if definition is None:
        return role
    persian = current_language() == "fa"
    title = definition.title_fa if persian else definition.title_en
    if definition.is_global:
        return title
    unit = get_unit(definition.unit)
    return f"{title} ({unit.title_fa if persian else unit.title_en})"


def isolate(text: str) -> str:
    """Left-to-right text (paths, URLs, user names) inside a Persian sentence."""
    return f"\u2068{text}\u2069"
