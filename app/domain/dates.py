"""Jalali (Solar Hijri) dates, holidays and working-day arithmetic.

Conversion follows the jalaali-js algorithm (Borkowski's breaks table), valid for Jalali years -61..3177; tests
compare it with ``jdatetime`` across leap years. Stored dates stay Gregorian (``datetime.date`` / UTC timestamps);
Jalali is for showing and typing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.errors import ValidationError
from app.domain.text import digits_to_ascii, to_persian_digits

MONTH_NAMES = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
WEEKDAY_NAMES = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه")  # by date.weekday()
FRIDAY = 4

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178)


def _jal_cal(jy: int) -> tuple[int, int, int]:
    """(leap offset, Gregorian year, March day of Farvardin 1) for Jalali year ``jy``."""
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    if jy < jp or jy >= _BREAKS[-1]:
        raise ValidationError("date.out_of_range", field="date")
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += (jump // 33) * 8 + (jump % 33) // 4
        jp = jm
    n = jy - jp
    leap_j += (n // 33) * 8 + ((n % 33) + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gy // 4 - ((gy // 100 + 1) * 3) // 4 - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + ((jump + 4) // 33) * 33
    leap = (((n + 1) % 33) - 1) % 4
    if leap == -1:
        leap = 4
    return leap, gy, march


def is_leap_year(jy: int) -> bool:
    return _jal_cal(jy)[0] == 0


def month_length(jy: int, jm: int) -> int:
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if is_leap_year(jy) else 29


@dataclass(frozen=True, order=True, slots=True)
class JalaliDate:
    year: int
    month: int
    day: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.day <= month_length(self.year, self.month):
            raise ValidationError("date.invalid", field="date")

    def to_gregorian(self) -> dt.date:
        _, gy, march = _jal_cal(self.year)
        start = dt.date(gy, 3, march)
        days = (self.month - 1) * 31 - max(0, self.month - 7) + self.day - 1
        return start + dt.timedelta(days=days)

    @classmethod
    def from_gregorian(cls, date: dt.date) -> JalaliDate:
        jy = date.year - 621
        _, gy, march = _jal_cal(jy)
        start = dt.date(gy, 3, march)
        if date < start:
            jy -= 1
            _, gy, march = _jal_cal(jy)
            start = dt.date(gy, 3, march)
        offset = (date - start).days
        if offset < 186:
            return cls(jy, offset // 31 + 1, offset % 31 + 1)
        offset -= 186
        return cls(jy, offset // 30 + 7, offset % 30 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}/{self.month:02d}/{self.day:02d}"


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def to_jalali(value: dt.date | dt.datetime) -> str:
    """``1403/12/30`` with ASCII digits."""
    return str(JalaliDate.from_gregorian(_as_date(value)))


_JALALI_TEXT = re.compile(r"^\s*(\d{2,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def parse_jalali(text: str) -> JalaliDate:
    match = _JALALI_TEXT.match(digits_to_ascii(text or ""))
    if not match:
        raise ValidationError("date.format", field="date")
    year, month, day = (int(g) for g in match.groups())
    if year < 100:  # «03/12/30» means 1403
        year += 1400 if year < 70 else 1300
    return JalaliDate(year, month, day)


def from_jalali(text: str) -> dt.date:
    """Gregorian date from ``1403/12/30``, ``۱۴۰۳-۱۲-۳۰`` and the like."""
    return parse_jalali(text).to_gregorian()


def format_jalali(value: dt.date | dt.datetime, *, persian_digits: bool = True) -> str:
    """``۱۴۰۳/۱۲/۳۰`` for tables and forms."""
    text = to_jalali(value)
    return to_persian_digits(text) if persian_digits else text


def format_jalali_long(value: dt.date | dt.datetime, *, weekday: bool = False) -> str:
    """``۳۰ اسفند ۱۴۰۳`` (optionally ``پنجشنبه ۳۰ اسفند ۱۴۰۳``) for paper and headings."""
    date = _as_date(value)
    j = JalaliDate.from_gregorian(date)
    text = f"{to_persian_digits(j.day)} {MONTH_NAMES[j.month - 1]} {to_persian_digits(j.year)}"
    return f"{WEEKDAY_NAMES[date.weekday()]} {text}" if weekday else text


def format_jalali_datetime(value: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """``۱۴۰۳/۱۲/۳۰ ۱۴:۰۵`` in local time (Tehran) from a stored UTC timestamp."""
    local = value.astimezone(tz or TEHRAN) if value.tzinfo else value
    return to_persian_digits(f"{to_jalali(local)} {local:%H:%M}")


# Iran has kept UTC+03:30 all year since 1401 (2022); before then it had summer time. Workstations show
# times in this fixed zone so that a case's history reads the same on every machine.
TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30), "IRST")


@dataclass
class WorkCalendar:
    """Working days: Fridays and listed holidays are off; Thursday optionally off (offices often close early).

    The holiday table is data (edited by the administration unit per Jalali year), never code.
    """

    holidays: set[dt.date] = field(default_factory=set)
    thursday_off: bool = False

    @classmethod
    def from_jalali_holidays(cls, days: Iterable[str], *, thursday_off: bool = False) -> WorkCalendar:
        return cls({from_jalali(d) for d in days}, thursday_off)

    def is_working_day(self, day: dt.date) -> bool:
        weekday = day.weekday()
        if weekday == FRIDAY or (self.thursday_off and weekday == 3):
            return False
        return day not in self.holidays

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
        step = 1 if days >= 0 else -1
        remaining = abs(days)
        day = start
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


# Official holidays of 1403 and 1404 (Solar Hijri), the demo's default; the administration unit edits the table.
DEFAULT_HOLIDAYS: dict[int, tuple[str, ...]] = {
    1403: (
        "1403/01/01", "1403/01/02", "1403/01/03", "1403/01/04", "1403/01/12", "1403/01/13", "1403/01/22",
        "1403/01/23", "1403/02/15", "1403/03/14", "1403/03/15", "1403/03/28", "1403/04/05", "1403/04/25",
        "1403/04/26", "1403/06/04", "1403/06/12", "1403/06/14", "1403/06/31", "1403/09/15", "1403/10/25",
        "1403/11/09", "1403/11/22", "1403/11/27", "1403/12/29",
    ),
    1404: (
        "1404/01/01", "1404/01/02", "1404/01/03", "1404/01/04", "1404/01/11", "1404/01/12", "1404/01/13",
        "1404/02/04", "1404/03/14", "1404/03/15", "1404/03/16", "1404/03/24", "1404/04/14", "1404/04/15",
        "1404/05/23", "1404/05/31", "1404/06/02", "1404/06/10", "1404/06/19", "1404/09/03", "1404/10/13",
        "1404/10/27", "1404/11/15", "1404/11/22", "1404/12/20", "1404/12/29",
    ),
    1405: (
        "1405/01/01", "1405/01/02", "1405/01/03", "1405/01/04", "1405/01/12", "1405/01/13", "1405/03/14",
        "1405/03/15", "1405/11/22", "1405/12/29",
    ),
}  # fmt: skip
