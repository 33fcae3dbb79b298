"""Violation kinds, the Article 100 fine range and the objection deadline (calendar days by default)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.dates import DEFAULT_HOLIDAYS, WorkCalendar, from_jalali, to_jalali
from app.domain.rules.common import RuleError
from app.domain.rules.tariffs import demo_tariffs
from app.domain.rules.violations import (
    RULING_TITLES_FA,
    VIOLATION_KINDS,
    AppealOutcome,
    Ruling,
    RulingOutcome,
    Violation,
    ViolationKind,
    article100_fine_range,
    check_ruling_fine,
    objection_can_be_filed,
    objection_deadline,
    objection_status,
    require_objection_in_time,
    violation_info,
)
from app.domain.rules.worktime import Counting, deadline_after

CAL = WorkCalendar.from_jalali_holidays([d for days in DEFAULT_HOLIDAYS.values() for d in days])
T1403 = demo_tariffs().for_year(1403)


def test_every_kind_has_a_persian_title() -> None:
    assert set(VIOLATION_KINDS) == set(ViolationKind)
    assert violation_info("street_encroachment").title_fa == "تجاوز به معبر"
    assert violation_info(ViolationKind.MISSING_PARKING).measure == "spaces"
    with pytest.raises(RuleError) as err:
        violation_info("graffiti")
    assert err.value.code == "violation.unknown_kind"
    assert all(RULING_TITLES_FA[o] for o in (*RulingOutcome, *AppealOutcome))


def test_violation_quantities() -> None:
    assert Violation(ViolationKind.EXTRA_FLOOR_AREA, Decimal("35.5")).quantity == Decimal("35.5")
    with pytest.raises(RuleError):
        Violation(ViolationKind.EXTRA_FLOOR_AREA, Decimal(0))
    with pytest.raises(RuleError) as err:
        Violation(ViolationKind.MISSING_PARKING, Decimal("1.5"))
    assert err.value.code == "violation.whole_spaces"
    assert Violation("missing_parking", Decimal(2)).kind is ViolationKind.MISSING_PARKING  # type: ignore[arg-type]


def test_fine_range_residential_and_commercial_by_hand() -> None:
    # assessed value at 1-4-76 in 1403: precinct 1-4 = 72,000,000 per m²; 35.5 m² → 2,556,000,000
    extra = Violation(ViolationKind.EXTRA_FLOOR_AREA, Decimal("35.5"))
    residential = article100_fine_range(T1403, extra, "1-4-76")
    assert (residential.minimum, residential.maximum) == (1_278_000_000, 7_668_000_000)  # ½× and 3×
    commercial = article100_fine_range(T1403, extra, "1-4-76", "commercial")
    assert (commercial.minimum, commercial.maximum) == (5_112_000_000, 10_224_000_000)  # 2× and 4×
    check_ruling_fine(residential, 3_000_000_000)
    with pytest.raises(RuleError) as err:
        check_ruling_fine(residential, 300_000_000)
    assert err.value.code == "violation.fine_out_of_range"


def test_no_area_fine_for_encroachment() -> None:
    with pytest.raises(RuleError) as err:
        article100_fine_range(T1403, Violation(ViolationKind.STREET_ENCROACHMENT, Decimal(4)), "1")
    assert err.value.code == "violation.no_area_fine"


def test_ruling_consistency() -> None:
    served = dt.date(2024, 4, 1)
    Ruling("1403-100-55", dt.date(2024, 3, 25), served, RulingOutcome.FINE, 1_500_000_000)
    with pytest.raises(RuleError):
        Ruling("55", served, dt.date(2024, 3, 25), RulingOutcome.DEMOLITION)
    with pytest.raises(RuleError):
        Ruling("55", served, served, RulingOutcome.FINE)  # a fine ruling without its amount
    with pytest.raises(RuleError):
        Ruling(" ", served, served, RulingOutcome.DEMOLITION)
    assert objection_can_be_filed(RulingOutcome.DEMOLITION) and not objection_can_be_filed(RulingOutcome.NO_VIOLATION)


def test_objection_deadline_in_calendar_days() -> None:
    # served Sunday 1403/01/05; day of service not counted: ten days later is Wednesday 1403/01/15, a working day
    assert to_jalali(objection_deadline(from_jalali("1403/01/05"), calendar=CAL)) == "1403/01/15"
    # served 1403/01/03: the tenth day, 1403/01/13 (Nature Day), is a holiday: the limit runs to 1403/01/14
    assert to_jalali(objection_deadline(from_jalali("1403/01/03"), calendar=CAL)) == "1403/01/14"
    # served 1403/02/04: the tenth day is Friday 1403/02/14 and the 15th a holiday: Sunday 1403/02/16
    assert to_jalali(objection_deadline(from_jalali("1403/02/04"), calendar=CAL)) == "1403/02/16"


def test_objection_deadline_configurable_days_and_working_counting() -> None:
    served = from_jalali("1403/01/05")
    assert to_jalali(objection_deadline(served, days=20, calendar=CAL)) == "1403/01/25"
    # working days after Sun 1403/01/05: 6,7,8,9 (4), [10 Fri], 11 (5), [12, 13 holidays], 14, 15, 16, 18, 19 (10)
    assert to_jalali(objection_deadline(served, counting=Counting.WORKING, calendar=CAL)) == "1403/01/19"


def test_days_left_countdown_and_expiry() -> None:
    served = from_jalali("1403/01/05")
    status = objection_status(served, from_jalali("1403/01/12"), calendar=CAL)
    assert status.days_left == 3 and not status.expired
    last_day = objection_status(served, from_jalali("1403/01/15"), calendar=CAL)
    assert last_day.days_left == 0 and not last_day.expired
    late = objection_status(served, from_jalali("1403/01/16"), calendar=CAL)
    assert late.days_left == -1 and late.expired
    require_objection_in_time(served, from_jalali("1403/01/15"), calendar=CAL)
    with pytest.raises(RuleError) as err:
        require_objection_in_time(served, from_jalali("1403/01/16"), calendar=CAL)
    assert err.value.code == "article100.objection_late" and err.value.params["deadline"] == "۱۴۰۳/۰۱/۱۵"
    with pytest.raises(RuleError):
        require_objection_in_time(served, from_jalali("1403/01/04"), calendar=CAL)


@given(st.dates(min_value=dt.date(2024, 3, 20), max_value=dt.date(2027, 3, 1)), st.integers(min_value=1, max_value=60))
def test_calendar_deadline_is_a_working_day_not_before_the_nominal_day(served: dt.date, days: int) -> None:
    deadline = deadline_after(served, days, calendar=CAL)
    assert CAL.is_working_day(deadline)
    assert deadline >= served + dt.timedelta(days=days)
    assert all(not CAL.is_working_day(d) for d in _days(served + dt.timedelta(days=days), deadline))


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days)]


def test_deadline_needs_at_least_a_day() -> None:
    with pytest.raises(RuleError):
        deadline_after(dt.date(2024, 4, 1), 0)
