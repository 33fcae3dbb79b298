"""The holiday table per Jalali year: the working-day calendar that every deadline counts with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.dates import WEEKDAY_NAMES
from app.domain.errors import DomainError
from app.services.dto import Changes, HolidayView
from app.ui.cartable import digits, show_date
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.units.admin.common import RowsModel, RowsView, message_label, show_message


class HolidaysPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("admin-holidays")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:"), self))
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("holiday-year")
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.year_combo)
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "hint")
        top.addWidget(self.count_label)
        top.addStretch(1)
        hint = QLabel(self.tr("Fridays are always off. Deadlines count working days only."), self)
        hint.setProperty("role", "hint")
        top.addWidget(hint)
        layout.addLayout(top)
        self.model = RowsModel([self.tr("Date"), self.tr("Weekday"), self.tr("Occasion")], self._cells,
                               sort_keys=lambda h: [h.day, h.day.weekday(), h.title], parent=self)  # fmt: skip
        self.view = RowsView(self.model, self)
        self.view.setObjectName("holidays-table")
        layout.addWidget(self.view, 1)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Day:"), self))
        self.day_edit = QLineEdit(self)
        self.day_edit.setObjectName("holiday-day")
        self.day_edit.setPlaceholderText(digits("1404/01/12"))
        self.day_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.day_edit.setFixedWidth(140)
        form.addWidget(self.day_edit)
        self.day_message = message_label(self, "holiday-day-message")
        form.addWidget(self.day_message)
        form.addWidget(QLabel(self.tr("Occasion:"), self))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("holiday-title")
        form.addWidget(self.title_edit, 1)
        self.add_button = QPushButton(self.tr("Add holiday"), self)
        self.add_button.setObjectName("add-holiday")
        self.remove_button = QPushButton(self.tr("Remove the chosen day"), self)
        self.remove_button.setObjectName("remove-holiday")
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        layout.addLayout(form)
        self.message = message_label(self, "holidays-message")
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.day_edit.returnPressed.connect(self.title_edit.setFocus)
        self.title_edit.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.load_years()

    def _cells(self, holiday: HolidayView) -> list[str]:
        return [show_date(holiday.day), WEEKDAY_NAMES[holiday.day.weekday()], holiday.title]

    def load_years(self, select: int | None = None) -> None:
        def loaded(years: list[int]) -> None:
            wanted = select if select is not None else self.current_year()
            blocked = self.year_combo.blockSignals(True)
            self.year_combo.clear()
            for year in years:
                self.year_combo.addItem(digits(year), year)
            index = self.year_combo.findData(wanted) if wanted is not None else -1
            if index < 0:
                from app.domain.dates import JalaliDate

                index = self.year_combo.findData(JalaliDate.from_gregorian(self.ctx.services.today()).year)
            self.year_combo.setCurrentIndex(max(0, index))
            self.year_combo.blockSignals(blocked)
            self.reload()

        self.ctx.tasks.read(self.ctx.services.admin.holiday_years, on_done=loaded, on_error=self._error)

    def current_year(self) -> int | None:
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def select_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index < 0:
            self.year_combo.addItem(digits(year), year)
            index = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(index)

    def reload(self) -> None:
        year = self.current_year()
        if year is None:
            return
        self.ctx.tasks.read(self.ctx.services.admin.holidays_of_year, year, on_done=self._loaded, on_error=self._error)

    def _loaded(self, rows: list[HolidayView]) -> None:
        self.model.set_rows(rows)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label.setText(self.tr("%1 holidays").replace("%1", digits(len(rows))))

    def holidays(self) -> list[HolidayView]:
        return self.model.rows()

    def _error(self, error: DomainError) -> None:
        show_message(self.message, error_text(error))

    def add(self) -> None:
        show_message(self.day_message, "")
        show_message(self.message, "")
        text = self.day_edit.text().strip()
        if not text:
            show_message(self.day_message, self.tr("Enter the day like 1404/01/12."))
            self.day_edit.setFocus()
            return
        self.add_button.setEnabled(False)
        self.ctx.tasks.write(self.ctx.services.admin.add_holiday, self.ctx.actor, text, self.title_edit.text(),
                             on_done=self._added, on_error=self._add_failed)  # fmt: skip

    def _added(self, _changes: Changes) -> None:
        self.add_button.setEnabled(True)
        self.day_edit.clear()
        self.title_edit.clear()
        show_message(self.message, self.tr("Saved. Deadlines now count with the new table."))
        self.day_edit.setFocus()
        self.reload()

    def _add_failed(self, error: DomainError) -> None:
        self.add_button.setEnabled(True)
        show_message(self.day_message, error_text(error))
        self.day_edit.setFocus()
        self.day_edit.selectAll()

    def remove(self) -> None:
        holiday = self.view.current_row()
        if holiday is None:
            show_message(self.message, self.tr("Choose a day in the table first."))
            return
        self.ctx.tasks.write(self.ctx.services.admin.remove_holiday, self.ctx.actor, holiday.day,
                             on_done=lambda _c: self.reload(), on_error=self._error)  # fmt: skip
