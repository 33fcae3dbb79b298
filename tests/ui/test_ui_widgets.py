"""Reusable inputs: validated identifier edits say what is wrong in Persian beside the field; the Jalali date edit."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCalendarWidget

from app.domain.errors import ValidationError
from app.ui.widgets import (
    AreaEdit,
    FieldWithMessage,
    JalaliDateEdit,
    LegalIdEdit,
    MobileEdit,
    MoneyEdit,
    NationalIdEdit,
    PostalCodeEdit,
    RenovationCodeEdit,
    StateBadge,
)


def _field(qtbot, edit_class, **kwargs):  # type: ignore[no-untyped-def]
    edit = edit_class(**kwargs)
    holder = FieldWithMessage(edit)
    qtbot.addWidget(holder)
    holder.show()
    edit.holder = holder  # keep the Python wrapper (and so the C++ parent) alive as long as the edit
    return edit


@pytest.mark.parametrize(
    ("edit_class", "typed", "message"),
    [
        (NationalIdEdit, "0084575949", "کد ملی نامعتبر است (رقم کنترل نادرست). آن را با کارت مقایسه کنید."),
        (NationalIdEdit, "1111111111", "کد ملی نامعتبر است (رقم کنترل نادرست). آن را با کارت مقایسه کنید."),
        (LegalIdEdit, "10380284791", "شناسه ملی نامعتبر است (رقم کنترل نادرست)."),
        (MobileEdit, "08121234567", "شماره همراه را مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید."),
        (RenovationCodeEdit, "23-4-76-10-1-2-0", "منطقه (بخش نخست کد نوسازی) باید بین ۱ تا ۲۲ باشد."),
    ],
)
def test_a_complete_invalid_value_is_refused_as_it_is_typed(qtbot, edit_class, typed, message) -> None:
    edit = _field(qtbot, edit_class)
    QTest.keyClicks(edit, typed)
    assert edit.message() == message
    assert not edit.is_valid()
    assert edit.property("invalid") is True
    with pytest.raises((ValidationError, ValueError)):
        edit.value()


@pytest.mark.parametrize(
    ("edit_class", "typed", "value"),
    [
        (NationalIdEdit, "0084575948", "0084575948"),
        (NationalIdEdit, "۰۰۱۳۵۴۲۴۱۹", "0013542419"),  # Persian digits
        (NationalIdEdit, "٠٤٩٩٣٧٠٨٩٩", "0499370899"),  # Arabic digits
        (LegalIdEdit, "10380284790", "10380284790"),
        (MobileEdit, "+989121234567", "09121234567"),
        (MobileEdit, "9121234567", "09121234567"),
        (PostalCodeEdit, "1966713145", "1966713145"),
        (RenovationCodeEdit, "۱-۴-۷۶-۱۰-۱-۲-۰", "1-4-76-10-1-2-0"),
        (AreaEdit, "۱۸۲٫۵", "182.5"),
    ],
)
def test_valid_values_are_normalised_and_silent(qtbot, kb, edit_class, typed, value) -> None:
    edit = _field(qtbot, edit_class)
    kb.type(edit, typed)
    assert edit.validate()
    assert edit.message() == ""
    assert edit.value() == value


def test_a_short_value_waits_until_the_clerk_leaves_the_field(qtbot) -> None:
    edit = _field(qtbot, NationalIdEdit)
    QTest.keyClicks(edit, "00845")
    assert edit.message() == "", "no scolding while the clerk is still typing"
    QTest.keyClick(edit, Qt.Key.Key_Return)  # editingFinished
    assert edit.message() == "کد ملی ۱۰ رقم است."


def test_letters_cannot_be_typed_into_an_id(qtbot) -> None:
    edit = _field(qtbot, NationalIdEdit)
    QTest.keyClicks(edit, "00a84")
    assert edit.text() == "0084"


def test_an_empty_required_field_is_named_on_submit(qtbot) -> None:
    edit = _field(qtbot, NationalIdEdit)
    assert not edit.validate_for_submit()
    assert edit.message() == "تکمیل این خانه الزامی است."
    optional = _field(qtbot, MobileEdit, required=False)
    assert optional.validate_for_submit() and optional.value() == ""


def test_unusual_postal_code_warns_without_refusing(qtbot) -> None:
    edit = _field(qtbot, PostalCodeEdit)
    QTest.keyClicks(edit, "1111111111")
    assert edit.message() == "کد پستی غیرمعمول است؛ دوباره بررسی کنید (پذیرفته می‌شود)."
    assert edit.is_valid() and edit.value() == "1111111111"
    assert edit.property("invalid") is False


def test_identifier_edits_are_left_to_right_islands(qtbot) -> None:
    edit = _field(qtbot, NationalIdEdit)
    assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert edit.message_label.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_jalali_date_edit_shows_the_jalali_date_in_persian_digits(qtbot) -> None:
    edit = JalaliDateEdit(value=dt.date(2025, 3, 21))
    qtbot.addWidget(edit)
    assert edit.jalali_text() == "۱۴۰۴/۰۱/۰۱"
    assert edit.value() == dt.date(2025, 3, 21)
    edit.set_value(dt.date(2021, 3, 20))  # 1399 is a leap year: its Esfand has 30 days
    assert edit.jalali_text() == "۱۳۹۹/۱۲/۳۰"
    popup: QCalendarWidget = edit.calendarWidget()
    assert popup.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    assert popup.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    friday = popup.weekdayTextFormat(Qt.DayOfWeek.Friday).foreground().color()
    saturday = popup.weekdayTextFormat(Qt.DayOfWeek.Saturday).foreground().color()
    assert friday.red() > 150 and friday != saturday, "Friday is the weekend, not Saturday"
    assert edit.calendar().name() == "Jalali"
    assert edit.locale().language() == QLocale.Language.Persian


def test_money_edit_reads_any_digits_and_shows_tomans(qtbot, kb) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    kb.type(edit, "۱۲۵۰۰۰۰")
    assert edit.value() == 1_250_000
    assert edit.message_label.text() == "۱۲۵٬۰۰۰ تومان"
    edit.set_value(2_000_000)
    assert edit.text() == "۲٬۰۰۰٬۰۰۰"


def test_state_badge_colours_by_kind(qtbot) -> None:
    badge = StateBadge()
    qtbot.addWidget(badge)
    badge.set_state("در انتظار بازدید", "overdue")
    assert badge.text() == "در انتظار بازدید" and badge.kind == "overdue"
    assert "#b71c1c" in badge.styleSheet()
