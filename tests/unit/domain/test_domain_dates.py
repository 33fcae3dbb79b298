"""Jalali dates against the installed ``jdatetime``, parsing and working days."""

from __future__ import annotations

import datetime as dt

import jdatetime  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.dates import (
    DEFAULT_HOLIDAYS,
    TEHRAN,
    JalaliDate,
    WorkCalendar,
    format_jalali,
    format_jalali_datetime,
    format_jalali_long,
    from_jalali,
    is_leap_year,
    month_length,
    parse_jalali,
    to_jalali,
)
from app.domain.errors import ValidationError

# jdatetime's arithmetic and the breaks table agree from 1800 to 2200 (checked day by day); they part ways in the
# 2280s, far beyond any case file.
_DATES = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31))


@given(_DATES)
def test_gregorian_to_jalali_matches_jdatetime(day: dt.date) -> None:
    ours = JalaliDate.from_gregorian(day)
    theirs = jdatetime.date.fromgregorian(date=day)
    assert (ours.year, ours.month, ours.day) == (theirs.year, theirs.month, theirs.day)


@given(_DATES)
def test_round_trip_gregorian_jalali_gregorian(day: dt.date) -> None:
    assert JalaliDate.from_gregorian(day).to_gregorian() == day
    assert from_jalali(to_jalali(day)) == day


@given(st.integers(min_value=1300, max_value=1500), st.integers(min_value=1, max_value=12), st.data())
def test_jalali_to_gregorian_matches_jdatetime(year: int, month: int, data: st.DataObject) -> None:
    day = data.draw(st.integers(min_value=1, max_value=month_length(year, month)))
    assert JalaliDate(year, month, day).to_gregorian() == jdatetime.date(year, month, day).togregorian()


def test_leap_years_match_jdatetime() -> None:
    for year in range(1300, 1501):
        assert is_leap_year(year) == jdatetime.date(year, 1, 1).isleap(), year
    assert is_leap_year(1399)
    assert is_leap_year(1403)
    assert not is_leap_year(1404)


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ("1399/12/30", dt.date(2021, 3, 20)),
        ("1400/01/01", dt.date(2021, 3, 21)),
        ("1403/12/30", dt.date(2025, 3, 20)),
        ("1404/01/01", dt.date(2025, 3, 21)),
        ("1403/01/01", dt.date(2024, 3, 20)),
        ("1404/12/29", dt.date(2026, 3, 20)),
        ("1357/11/22", dt.date(1979, 2, 11)),
    ],
)
def test_known_dates(jalali: str, gregorian: dt.date) -> None:
    assert from_jalali(jalali) == gregorian
    assert to_jalali(gregorian) == jalali
    y, m, d = (int(p) for p in jalali.split("/"))
    assert jdatetime.date(y, m, d).togregorian() == gregorian


def test_esfand_30_exists_only_in_leap_years() -> None:
    assert month_length(1399, 12) == 30
    assert month_length(1403, 12) == 30
    assert month_length(1404, 12) == 29
    with pytest.raises(ValidationError) as err:
        from_jalali("1404/12/30")
    assert err.value.code == "date.invalid"
    with pytest.raises(ValueError):
        jdatetime.date(1404, 12, 30)


@pytest.mark.parametrize(
    "text", ["1403/12/30", "۱۴۰۳/۱۲/۳۰", "۱۴۰۳-۱۲-۳۰", "1403-12-30", "٬1403.12.30".lstrip("٬"), " ۱۴۰۳ / ۱۲ / ۳۰ ",
             "٠٣/١٢/٣٠", "03/12/30"],
)  # fmt: skip
def test_from_jalali_accepts_persian_digits_and_separators(text: str) -> None:
    assert from_jalali(text) == dt.date(2025, 3, 20)


def test_parse_jalali_single_digit_month_day() -> None:
    assert parse_jalali("1404/1/5") == JalaliDate(1404, 1, 5)
    assert parse_jalali("99/12/30") == JalaliDate(1399, 12, 30)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "date.format"),
        ("1403/12", "date.format"),
        ("1403/12/30/1", "date.format"),
        ("۱۴۰۳ اسفند ۳۰", "date.format"),
        ("1403/13/01", "date.invalid"),
        ("1403/00/10", "date.invalid"),
        ("1403/07/31", "date.invalid"),  # months 7-11 have 30 days
        ("1403/06/32", "date.invalid"),
        ("1403/01/00", "date.invalid"),
    ],
)
def test_from_jalali_invalid(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        from_jalali(text)
    assert err.value.code == code


def test_jalali_date_order_and_str() -> None:
    assert JalaliDate(1403, 12, 30) < JalaliDate(1404, 1, 1)
    assert str(JalaliDate(1404, 1, 5)) == "1404/01/05"


def test_formatting() -> None:
    day = dt.date(2025, 3, 20)
    assert format_jalali(day) == "۱۴۰۳/۱۲/۳۰"
    assert format_jalali(day, persian_digits=False) == "1403/12/30"
    assert format_jalali_long(day) == "۳۰ اسفند ۱۴۰۳"
    assert format_jalali_long(day, weekday=True) == "پنجشنبه ۳۰ اسفند ۱۴۰۳"
    assert format_jalali(dt.datetime(2025, 3, 20, 12, 0)) == "۱۴۰۳/۱۲/۳۰"


def test_format_datetime_in_tehran_time() -> None:
    # 21:00 UTC on 20 March is 00:30 on 1 Farvardin in Tehran: the date changes with the zone.
    stamp = dt.datetime(2025, 3, 20, 21, 0, tzinfo=dt.UTC)
    assert format_jalali_datetime(stamp) == "۱۴۰۴/۰۱/۰۱ ۰۰:۳۰"
    assert stamp.astimezone(TEHRAN).utcoffset() == dt.timedelta(hours=3, minutes=30)


def test_working_days_skip_fridays_and_holidays() -> None:
    # Saturday 1404/02/06 (2025-04-26). 1404/02/04 is a holiday in the default table, but before the start.
    cal = WorkCalendar.from_jalali_holidays(["1404/02/08"])  # pretend Monday 2025-04-28 is a holiday
    start = from_jalali("1404/02/06")
    assert start.weekday() == 5  # Saturday
    assert cal.add_working_days(start, 1) == from_jalali("1404/02/07")  # Sunday
    assert cal.add_working_days(start, 2) == from_jalali("1404/02/09")  # Monday is a holiday → Tuesday
    # Sun, Tue, Wed, Thu, (Fri off), Sat
    assert cal.add_working_days(start, 5) == from_jalali("1404/02/13")
    assert cal.working_days_between(start, from_jalali("1404/02/13")) == 5
    assert cal.working_days_between(from_jalali("1404/02/13"), start) == -5
    assert cal.add_working_days(from_jalali("1404/02/13"), -5) == start
    assert cal.add_working_days(start, 0) == start
    assert not cal.is_working_day(from_jalali("1404/02/08"))
    assert not cal.is_working_day(from_jalali("1404/02/12"))  # Friday


def test_thursday_off() -> None:
    cal = WorkCalendar(thursday_off=True)
    wednesday = from_jalali("1404/02/10")
    assert wednesday.weekday() == 2
    assert cal.add_working_days(wednesday, 1) == from_jalali("1404/02/13")  # Thu, Fri off → Saturday


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(0, 60))
def test_working_days_add_and_count_agree(start: dt.date, n: int) -> None:
    cal = WorkCalendar.from_jalali_holidays(DEFAULT_HOLIDAYS[1404])
    end = cal.add_working_days(start, n)
    assert cal.working_days_between(start, end) == n
    assert n == 0 or cal.is_working_day(end)


def test_default_holidays_are_valid_dates() -> None:
    for year, days in DEFAULT_HOLIDAYS.items():
        for text in days:
            assert parse_jalali(text).year == year
        assert f"{year}/01/01" in days  # Nowruz
