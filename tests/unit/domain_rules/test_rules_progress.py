"""A case's clock: stages, office time, working-day deadlines (with holidays), bottlenecks, daily series and staff
performance."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.dates import DEFAULT_HOLIDAYS, TEHRAN, WorkCalendar, from_jalali
from app.domain.rules.common import RuleError
from app.domain.rules.progress import (
    DeadlinePolicy,
    DeadlineState,
    RouteEvent,
    backlog_by_unit,
    bottlenecks,
    classify_deadline,
    daily_series,
    staff_performance,
    stage_deadline,
    stage_spans,
    time_per_state,
    time_per_unit,
    watch_list,
)
from app.domain.rules.worktime import OfficeHours, working_minutes

HOLIDAYS = WorkCalendar.from_jalali_holidays([d for days in DEFAULT_HOLIDAYS.values() for d in days])
NO_HOLIDAYS = WorkCalendar()
HOURS = OfficeHours()  # 07:00–15:00, Thursday to 12:00
FINAL = frozenset({"sent_to_district", "cancelled"})


def at(jalali: str, hh: int, mm: int = 0) -> dt.datetime:
    """A Tehran wall time, stored as UTC like the database does."""
    return dt.datetime.combine(from_jalali(jalali), dt.time(hh, mm), TEHRAN).astimezone(dt.UTC)


def ev(when: dt.datetime, frm: str | None, to: str, unit: str, user: str, action: str = "", assignee: str | None = None
       ) -> RouteEvent:  # fmt: skip
    return RouteEvent(when, frm, to, unit, user, action, assignee)


# Saturday 1403/01/11 → (Sun 12, Mon 13 are holidays) → Tuesday 1403/01/14 ...
CASE_A = [
    ev(at("1403/01/11", 10), None, "formation", "formation", "clerk1", "open"),
    ev(at("1403/01/14", 9), "formation", "inspection_scheduled", "inspection", "clerk1", "schedule_inspection"),
    ev(at("1403/01/14", 11), "inspection_scheduled", "inspection_scheduled", "inspection", "insp1", "refer", "insp2"),
    ev(at("1403/01/15", 8), "inspection_scheduled", "inspected", "inspection", "insp2", "record_visit"),
    ev(at("1403/01/15", 14), "inspected", "formation", "formation", "insp2", "return_deficiency"),
    ev(at("1403/01/16", 8), "formation", "inspection_scheduled", "inspection", "clerk1", "schedule_inspection"),
]


def test_office_minutes_skip_holidays_nights_and_fridays() -> None:
    # Sat 10:00–15:00 = 300; Sun and Mon are holidays; Tue 07:00–09:00 = 120
    assert working_minutes(at("1403/01/11", 10), at("1403/01/14", 9), HOLIDAYS, HOURS) == 420
    # without the holiday table Sunday and Monday count 8 hours each
    assert working_minutes(at("1403/01/11", 10), at("1403/01/14", 9), NO_HOLIDAYS, HOURS) == 420 + 2 * 480
    # Thursday closes at 12:00; Friday counts nothing
    assert working_minutes(at("1403/01/16", 8), at("1403/01/18", 8), HOLIDAYS, HOURS) == 240 + 60
    assert working_minutes(at("1403/01/14", 9), at("1403/01/14", 8), HOLIDAYS, HOURS) == 0
    with pytest.raises(RuleError):
        OfficeHours(dt.time(15), dt.time(7))


@given(
    st.integers(min_value=0, max_value=30 * 24 * 60),
    st.integers(min_value=0, max_value=30 * 24 * 60),
)
def test_office_minutes_add_up(first: int, second: int) -> None:
    a = at("1403/01/01", 0)
    b = a + dt.timedelta(minutes=first)
    c = b + dt.timedelta(minutes=second)
    assert working_minutes(a, c, HOLIDAYS, HOURS) == working_minutes(a, b, HOLIDAYS, HOURS) + working_minutes(
        b, c, HOLIDAYS, HOURS
    )


def test_stage_spans_follow_the_route_history() -> None:
    spans = stage_spans(CASE_A, HOLIDAYS, HOURS, now=at("1403/01/18", 10))
    assert [s.state for s in spans] == ["formation", "inspection_scheduled", "inspected", "formation",
                                         "inspection_scheduled"]  # fmt: skip
    first = spans[0]
    assert (first.working_minutes, first.working_days, first.working_hours) == (420, 1, 7.0)
    scheduled = spans[1]  # the referral did not restart the stage; it changed the assignee
    assert scheduled.entered == at("1403/01/14", 9) and scheduled.left == at("1403/01/15", 8)
    assert scheduled.assignee == "insp2" and scheduled.left_by == "insp2"
    assert scheduled.working_minutes == 6 * 60 + 60 and scheduled.working_days == 1
    current = spans[-1]
    assert current.is_open and current.left_by is None
    assert current.working_minutes == 240 + 180  # Thu 08–12, Sat 07–10


def test_time_per_state_and_unit_add_returns() -> None:
    spans = stage_spans(CASE_A, HOLIDAYS, HOURS, now=at("1403/01/18", 10))
    per_state = time_per_state(spans)
    assert per_state["formation"] == (420 + 120, 1 + 1)  # the first visit, then the return: Wed 14–15 and Thu 7–8
    per_unit = time_per_unit(spans)
    assert per_unit["inspection"][0] == sum(s.working_minutes for s in spans if s.unit == "inspection")
    assert sum(m for m, _ in per_unit.values()) == sum(s.working_minutes for s in spans)


def test_holiday_inside_a_deadline_moves_it() -> None:
    # entered Saturday 1403/01/11 with 3 working days: 12 and 13 Farvardin are holidays, so 14, 15, 16 count
    with_holidays = classify_deadline(from_jalali("1403/01/11"), 3, from_jalali("1403/01/15"), HOLIDAYS)
    assert with_holidays.deadline == from_jalali("1403/01/16")
    assert with_holidays.state is DeadlineState.NEARLY_DUE and with_holidays.working_days_left == 1
    # the same case judged without the holiday table would already be overdue
    without = classify_deadline(from_jalali("1403/01/11"), 3, from_jalali("1403/01/15"), NO_HOLIDAYS)
    assert without.deadline == from_jalali("1403/01/14") and without.state is DeadlineState.OVERDUE
    on_track = classify_deadline(from_jalali("1403/01/11"), 3, from_jalali("1403/01/11"), HOLIDAYS)
    assert on_track.state is DeadlineState.ON_TRACK and on_track.working_days_left == 3
    done = classify_deadline(from_jalali("1403/01/11"), 3, from_jalali("1403/01/20"), HOLIDAYS,
                             finished_on=from_jalali("1403/01/16"))  # fmt: skip
    assert done.state is DeadlineState.DONE_IN_TIME
    late = classify_deadline(from_jalali("1403/01/11"), 3, from_jalali("1403/01/20"), HOLIDAYS,
                             finished_on=from_jalali("1403/01/18"))  # fmt: skip
    assert late.state is DeadlineState.DONE_LATE and late.working_days_left < 0


def test_stage_deadline_uses_the_policy() -> None:
    policy = DeadlinePolicy({"formation": 3}, default_days=None, nearly_due_days=0)
    spans = stage_spans(CASE_A, HOLIDAYS, HOURS, now=at("1403/01/18", 10))
    first = stage_deadline(spans[0], policy, HOLIDAYS, from_jalali("1403/01/18"))
    assert first is not None and first.state is DeadlineState.DONE_IN_TIME
    assert stage_deadline(spans[1], policy, HOLIDAYS, from_jalali("1403/01/18")) is None
    with pytest.raises(RuleError):
        DeadlinePolicy({"formation": 0})


def test_watch_list_overdue_and_nearly_due() -> None:
    case_b = [ev(at("1403/01/05", 9), None, "formation", "formation", "clerk2", "open", "clerk2")]
    case_c = [
        ev(at("1403/01/05", 9), None, "formation", "formation", "clerk1", "open"),
        ev(at("1403/01/06", 9), "formation", "sent_to_district", "inspection", "head", "send_to_district"),
    ]
    cases = {"A": CASE_A, "B": case_b, "C": case_c}
    policy = DeadlinePolicy(default_days=2, nearly_due_days=1)
    # A entered its stage on Thu 1403/01/16: two working days are Sat 18 and Sun 19 (Friday skipped)
    items = watch_list(cases, policy, HOLIDAYS, from_jalali("1403/01/18"), final_states=FINAL)
    assert [(i.case_id, i.deadline.state) for i in items] == [("B", DeadlineState.OVERDUE),
                                                              ("A", DeadlineState.NEARLY_DUE)]  # fmt: skip
    assert items[0].assignee == "clerk2" and items[0].unit == "formation"
    assert backlog_by_unit(cases, final_states=FINAL) == {"formation": 1, "inspection": 1}


def test_bottlenecks_and_daily_series() -> None:
    case_c = [
        ev(at("1403/01/14", 9), None, "formation", "formation", "clerk1", "open"),
        ev(at("1403/01/14", 10), "formation", "inspection_scheduled", "inspection", "clerk1", "schedule_inspection"),
        ev(at("1403/01/15", 10), "inspection_scheduled", "cancelled", "formation", "clerk1", "cancel"),
    ]
    cases = {"A": CASE_A, "C": case_c}
    stats = bottlenecks(cases, HOLIDAYS, HOURS, final_states=FINAL)
    formation = next(s for s in stats if s.state == "formation")
    assert formation.visits == 3 and formation.max_minutes == 420
    assert formation.median_minutes == 120.0  # 420, 120 (the return), 60
    assert stats == sorted(stats, key=lambda s: -s.mean_minutes)
    with_open = bottlenecks(cases, HOLIDAYS, HOURS, now=at("1403/01/18", 10), final_states=FINAL)
    assert next(s for s in with_open if s.state == "inspection_scheduled").visits == 3

    series = daily_series(cases, from_jalali("1403/01/10"), from_jalali("1403/01/16"), final_states=FINAL)
    assert len(series) == 7
    assert {s.day: (s.intake, s.completed) for s in series if s.intake or s.completed} == {
        from_jalali("1403/01/11"): (1, 0), from_jalali("1403/01/14"): (1, 0), from_jalali("1403/01/15"): (0, 1),
    }  # fmt: skip
    with pytest.raises(RuleError):
        daily_series(cases, from_jalali("1403/01/16"), from_jalali("1403/01/10"), final_states=FINAL)


def test_staff_performance() -> None:
    reopened_case = [
        ev(at("1403/01/14", 9), None, "formation", "formation", "clerk1", "open"),
        ev(at("1403/01/14", 12), "formation", "cancelled", "formation", "clerk2", "cancel"),
        ev(at("1403/01/15", 9), "cancelled", "formation", "formation", "admin", "reopen"),
    ]
    stats = staff_performance({"A": CASE_A, "R": reopened_case}, HOLIDAYS, HOURS, final_states=FINAL)
    assert stats["clerk1"].cases_handled == 2 and stats["clerk1"].actions == 4
    assert stats["insp2"].returns == 1 and stats["clerk1"].returns == 0
    assert stats["clerk2"].reopened == 1 and stats["clerk1"].reopened == 0
    # clerk1 moved case A out of formation twice: 420 minutes, then 120 after the return; nothing in case R
    assert stats["clerk1"].mean_minutes_per_case == 420 + 60 + 60
    assert stats["clerk2"].mean_minutes_per_case == 180


def test_naive_times_are_refused() -> None:
    with pytest.raises(RuleError):
        stage_spans([ev(dt.datetime(2024, 4, 1, 9), None, "formation", "formation", "u")], HOLIDAYS)
