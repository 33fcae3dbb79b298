"""A date edit in the Jalali calendar: Qt's own ``QCalendar.System.Jalali`` with a calendar popup.

Friday is the weekend (Qt colours Saturday and Sunday by default), the week starts on Saturday, week numbers are hidden,
digits follow the locale (Persian digits under the Persian locale). Values in and out are ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QWidget

JALALI = "yyyy/MM/dd"


def jalali_calendar():  # -> QCalendar; typed loosely because PySide6's stubs lack the System enum overloads
    from PySide6.QtCore import QCalendar

    return QCalendar(QCalendar.System.Jalali)


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def style_jalali_calendar(widget: QCalendarWidget) -> None:
    """Jalali months, Saturday first, Friday red, no week numbers."""
    widget.setCalendar(jalali_calendar())
    widget.setLocale(QLocale())
    widget.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
    widget.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    widget.setGridVisible(False)
    normal = QTextCharFormat()
    normal.setForeground(widget.palette().text())
    weekend = QTextCharFormat()
    weekend.setForeground(QColor("#c62828"))
    for day in Qt.DayOfWeek:
        if day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            widget.setWeekdayTextFormat(day, normal)
    widget.setWeekdayTextFormat(Qt.DayOfWeek.Friday, weekend)
    # The widget computed its selected cell in the Gregorian calendar when it was built; moving the selection away
    # and back makes it place the highlight in the Jalali grid (else "today" lights up the wrong cell).
    selected = widget.selectedDate()
    widget.setSelectedDate(selected.addDays(1))
    widget.setSelectedDate(selected)


class JalaliDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None, value: dt.date | None = None) -> None:
        super().__init__(parent)
        # An LTR island, set before the format: in a right-to-left widget Qt mirrors the sections (dd/MM/yyyy).
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setCalendar(jalali_calendar())
        self.setLocale(QLocale())
        self.setDisplayFormat(JALALI)
        self.setCalendarPopup(True)
        popup = QCalendarWidget(self)
        style_jalali_calendar(popup)
        popup.setLayoutDirection(QLocale().textDirection())  # the month grid reads right to left in Persian
        self.setCalendarWidget(popup)
        self.set_value(value or dt.date.today())

    def value(self) -> dt.date:
        return from_qdate(self.date())

    def set_value(self, value: dt.date) -> None:
        self.setDate(to_qdate(value))

    def jalali_text(self) -> str:
        """The shown text (``۱۴۰۴/۰۱/۰۱`` under the Persian locale)."""
        return self.text()
