"""Audit-pattern detectors: personal-data views outside one's units, odd hours (Tehran time), repeated reprints."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.dates import DEFAULT_HOLIDAYS, TEHRAN, WorkCalendar, from_jalali
from app.domain.rules.audit_patterns import (
    ALERT_ODD_HOURS,
    ALERT_REPEATED_REPRINTS,
    ALERT_VIEWS_OUTSIDE_UNIT,
    AuditEntry,
    detect_all,
    odd_hours,
    odd_hours_reason,
    repeated_reprints,
    views_outside_unit,
)
from app.domain.rules.common import RuleError
from app.domain.rules.worktime import OfficeHours

CAL = WorkCalendar.from_jalali_holidays([d for days in DEFAULT_HOLIDAYS.values() for d in days])
HOURS = OfficeHours()


def at(jalali: str, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(from_jalali(jalali), dt.time(hh, mm), TEHRAN).astimezone(dt.UTC)


def view(when: dt.datetime, user: str = "u1", record_unit: str = "vehicle", subject: str = "p") -> AuditEntry:
    return AuditEntry(when, user, "person.view", frozenset({"formation"}), record_unit, subject)


def test_many_views_outside_the_unit_in_a_window() -> None:
    start = at("1403/01/14", 9)
    burst = [view(start + dt.timedelta(minutes=2 * i), subject=f"p{i}") for i in range(25)]  # 48 minutes
    own_unit = [view(start + dt.timedelta(minutes=i), record_unit="formation") for i in range(40)]
    spread = [view(start + dt.timedelta(hours=3 * i), user="u2") for i in range(30)]  # never 20 in an hour
    alerts = views_outside_unit([*burst, *own_unit, *spread], threshold=20)
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.code == ALERT_VIEWS_OUTSIDE_UNIT and alert.user == "u1" and alert.count == 25
    assert alert.details["units"] == ["vehicle"] and alert.details["window_minutes"] == 60
    assert views_outside_unit(burst, threshold=26) == []
    # a second burst the next day is a second alert
    later = [view(start + dt.timedelta(days=1, minutes=i)) for i in range(20)]
    assert len(views_outside_unit([*burst, *later], threshold=20)) == 2
    with pytest.raises(RuleError):
        views_outside_unit(burst, threshold=0)


def test_odd_hours_reasons_in_tehran_time() -> None:
    assert odd_hours_reason(at("1403/01/14", 22), HOURS, CAL) == "after_hours"
    assert odd_hours_reason(at("1403/01/14", 6), HOURS, CAL) == "before_hours"
    assert odd_hours_reason(at("1403/01/17", 10), HOURS, CAL) == "friday"
    assert odd_hours_reason(at("1403/01/13", 10), HOURS, CAL) == "holiday"
    assert odd_hours_reason(at("1403/01/16", 13), HOURS, CAL) == "after_hours"  # Thursday closes at 12
    assert odd_hours_reason(at("1403/01/14", 10), HOURS, CAL) is None
    # 03:00 UTC is 06:30 in Tehran (before hours); 04:00 UTC is 07:30 (open): the check is in Tehran time
    utc = dt.UTC
    assert odd_hours_reason(dt.datetime.combine(from_jalali("1403/01/14"), dt.time(3), utc), HOURS, CAL) == (
        "before_hours"
    )
    assert odd_hours_reason(dt.datetime.combine(from_jalali("1403/01/14"), dt.time(4), utc), HOURS, CAL) is None


def test_odd_hours_alerts_one_per_user_and_day_with_grace() -> None:
    entries = [
        AuditEntry(at("1403/01/14", 22), "u1", "case.update"),
        AuditEntry(at("1403/01/14", 23), "u1", "certificate.print"),
        AuditEntry(at("1403/01/14", 15, 10), "u2", "case.update"),  # ten minutes after closing: normal
        AuditEntry(at("1403/01/17", 10), "u2", "case.update"),  # Friday
        AuditEntry(at("1403/01/17", 11), "u2", "session.login"),  # logging in is not work
        AuditEntry(at("1403/01/14", 10), "u3", "case.update"),
    ]
    alerts = odd_hours(entries, CAL, HOURS)
    assert [(a.code, a.user, a.count, a.details["reasons"]) for a in alerts] == [
        (ALERT_ODD_HOURS, "u1", 2, ["after_hours"]),
        (ALERT_ODD_HOURS, "u2", 1, ["friday"]),
    ]
    assert alerts[0].details["day"] == from_jalali("1403/01/14").isoformat()
    late_office = OfficeHours(dt.time(8), dt.time(23, 30))
    assert [a.user for a in odd_hours(entries, CAL, late_office)] == ["u2"]


def test_repeated_reprints_of_one_certificate() -> None:
    def reprint(day: int, user: str, serial: str = "C-1403-77") -> AuditEntry:
        return AuditEntry(at(f"1403/02/{day:02d}", 10), user, "certificate.reprint", subject=serial, case_id="K1")

    entries = [reprint(1, "u1"), reprint(3, "u1"), reprint(9, "u2"), reprint(10, "u1"), reprint(2, "u1", "C-9")]
    alerts = repeated_reprints(entries, threshold=3)
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.code == ALERT_REPEATED_REPRINTS and alert.user == "u1" and alert.count == 4
    assert alert.details["certificate"] == "C-1403-77" and alert.details["by_user"] == {"u1": 3, "u2": 1}
    assert repeated_reprints(entries, threshold=3, window=dt.timedelta(days=5)) == []


def test_detect_all_newest_first_and_naive_times_refused() -> None:
    entries = [AuditEntry(at("1403/01/14", 22), "u1", "case.update"), AuditEntry(at("1403/01/17", 10), "u2", "x")]
    alerts = detect_all(entries, CAL)
    assert [a.user for a in alerts] == ["u2", "u1"]
    with pytest.raises(RuleError):
        odd_hours([AuditEntry(dt.datetime(2024, 4, 1, 9), "u", "x")], CAL)
