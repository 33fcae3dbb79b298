"""Step 5 of the counter: the inspection visit, on a Jalali calendar of the inspectors' free capacity per day.

Days with free visits are green and bold, full days red; days outside the loaded range cannot be picked. Below the
calendar: how many visits are free that day, and an inspector choice ("any" lets the services pick the least busy).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.domain.dates import TEHRAN, format_jalali_long
from app.domain.errors import DomainError
from app.services.dto import InspectionDay
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text, message_for
from app.ui.widgets.jalali import from_qdate, style_jalali_calendar, to_qdate

DAYS_AHEAD = 30


class VisitSection(QGroupBox):
    day_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("5. Inspection visit"), parent)
        self.ctx = ctx
        self._by_day: dict[dt.date, list[InspectionDay]] = {}
        self._loaded = False
        layout = QVBoxLayout(self)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("visit-calendar")
        style_jalali_calendar(self.calendar)
        self.calendar.setMaximumHeight(240)
        layout.addWidget(self.calendar)
        form = QFormLayout()
        self.free_label = QLabel(self)
        self.free_label.setObjectName("visit-free")
        form.addRow(self.tr("Free visits:"), self.free_label)
        self.inspector_combo = QComboBox(self)
        self.inspector_combo.setObjectName("inspector")
        form.addRow(self.tr("Inspector:"), self.inspector_combo)
        layout.addLayout(form)
        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "fieldMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)
        self.calendar.selectionChanged.connect(self._on_day)
        self.setFocusProxy(self.calendar)

    # -- data ----------------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        today = dt.datetime.now(TEHRAN).date()
        self.ctx.tasks.read(
            self.ctx.services.intake.inspection_days, today, DAYS_AHEAD, on_done=self.set_days, on_error=self._failed
        )

    def set_days(self, days: Sequence[InspectionDay]) -> None:
        for day in list(self._by_day):
            self.calendar.setDateTextFormat(to_qdate(day), QTextCharFormat())
        by_day: dict[dt.date, list[InspectionDay]] = defaultdict(list)
        for d in days:
            by_day[d.day].append(d)
        self._by_day = dict(by_day)
        self._loaded = True
        free_format = QTextCharFormat()
        free_format.setForeground(QColor("#1b5e20"))
        # No background: it would hide the selection highlight of the chosen day.
        free_format.setFontWeight(QFont.Weight.Bold)
        full_format = QTextCharFormat()
        full_format.setForeground(QColor("#9e9e9e"))
        full_format.setFontStrikeOut(True)
        for day, lines in self._by_day.items():
            free = sum(line.free for line in lines)
            self.calendar.setDateTextFormat(to_qdate(day), free_format if free else full_format)
        if self._by_day:
            first, last = min(self._by_day), max(self._by_day)
            self.calendar.setMinimumDate(to_qdate(first))
            self.calendar.setMaximumDate(to_qdate(last))
            current = self.selected_day()
            if current not in self._by_day or not self.free_on(current):
                first_free = next((d for d in sorted(self._by_day) if self.free_on(d)), first)
                self.calendar.setSelectedDate(to_qdate(first_free))
        self._on_day()

    def _failed(self, error: DomainError) -> None:
        self.message_label.setText(error_text(error))
        self.message_label.show()

    # -- selection -----------------------------------------------------------------------------------------------------

    def selected_day(self) -> dt.date:
        return from_qdate(self.calendar.selectedDate())

    def select_day(self, day: dt.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def free_on(self, day: dt.date) -> int:
        return sum(line.free for line in self._by_day.get(day, ()))

    def inspector_id(self) -> str | None:
        value = self.inspector_combo.currentData()
        return str(value) if value else None

    def _on_day(self) -> None:
        day = self.selected_day()
        lines = self._by_day.get(day, [])
        free = sum(line.free for line in lines)
        if not self._loaded:
            self.free_label.setText("…")
        elif not lines:
            self.free_label.setText(self.tr("No visits on %1").replace("%1", format_jalali_long(day, weekday=True)))
        else:
            self.free_label.setText(
                self.tr("%1 free on %2")
                .replace("%1", digits(free))
                .replace("%2", format_jalali_long(day, weekday=True))
            )
        self.inspector_combo.clear()
        self.inspector_combo.addItem(self.tr("Any inspector (least busy)"), None)
        for line in sorted(lines, key=lambda x: -x.free):
            if line.free:
                text = self.tr("%1 (%2 free)").replace("%1", line.inspector_name).replace("%2", digits(line.free))
                self.inspector_combo.addItem(text, line.inspector_id)
        self.message_label.hide()
        self.day_changed.emit()

    def validate_for_submit(self) -> bool:
        day = self.selected_day()
        if not self._loaded:
            self.message_label.setText(message_for("intake.day_required"))
        elif self.free_on(day) <= 0:
            self.message_label.setText(message_for("intake.day_full"))
        else:
            self.message_label.hide()
            return True
        self.message_label.show()
        return False

    def show_error(self, error: DomainError) -> None:
        self.message_label.setText(error_text(error))
        self.message_label.show()
