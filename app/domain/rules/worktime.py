"""Office hours, working time between two instants, and legal deadlines counted in calendar or working days.

Times are compared in Tehran time (``app.domain.dates.TEHRAN``); stored timestamps are UTC. Working days come from
``app.domain.dates.WorkCalendar`` (Fridays, the holiday table, optionally Thursdays).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.domain.dates import TEHRAN, WorkCalendar
from app.domain.rules.common import RuleError


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """Opening hours on a working day; Thursday may close early (``thursday_end``; None: as other days).

    Defaults: 07:00–15:00, Thursday to 12:00, a common pattern for e-city offices; the office sets its own.
    """

    start: dt.time = dt.time(7, 0)
    end: dt.time = dt.time(15, 0)
    thursday_end: dt.time | None = dt.time(12, 0)

    def __post_init__(self) -> None:
        if self.end <= self.start or (self.thursday_end is not None and self.thursday_end <= self.start):
            raise RuleError("worktime.hours", field="office_hours", start=str(self.start), end=str(self.end))

    def closing(self, day: dt.date) -> dt.time:
        return self.thursday_end if day.weekday() == 3 and self.thursday_end is not None else self.end

    def minutes_on(self, day: dt.date) -> int:
        close = self.closing(day)
        return (close.hour * 60 + close.minute) - (self.start.hour * 60 + self.start.minute)

    def is_open_at(self, moment: dt.datetime, calendar: WorkCalendar) -> bool:
        local = to_tehran(moment)
        day = local.date()
        return calendar.is_working_day(day) and self.start <= local.time() < self.closing(day)


def to_tehran(moment: dt.datetime) -> dt.datetime:
    """Tehran wall time of an aware timestamp; a naive one is taken as UTC (how the database stores them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(TEHRAN)


def working_minutes(start: dt.datetime, end: dt.datetime, calendar: WorkCalendar, hours: OfficeHours) -> int:
    """Minutes of office time between two instants (0 when ``end`` is not after ``start``)."""
    s, e = to_tehran(start), to_tehran(end)
    if e <= s:
        return 0
    total = dt.timedelta()
    day = s.date()
    while day <= e.date():
        if calendar.is_working_day(day):
            opens = dt.datetime.combine(day, hours.start, TEHRAN)
            closes = dt.datetime.combine(day, hours.closing(day), TEHRAN)
            lo, hi = max(opens, s), min(closes, e)
            if hi > lo:
                total += hi - lo
        day += dt.timedelta(days=1)
    return int(total.total_seconds() // 60)


# ---------------------------------------------------------------------------------------------------------------------
# Deadlines


class Counting(StrEnum):
    """How a time limit is counted.

    ``CALENDAR``: every day counts; the day of service is not counted, and a limit ending on a Friday or holiday
    runs to the next working day (the rule of Iran's Civil Procedure Code for time limits, which is also what a
    citizen reads on a notice: "ten days"). ``WORKING``: only working days count (the office's internal deadlines).
    """

    CALENDAR = "calendar"
    WORKING = "working"


@dataclass(frozen=True, slots=True)
class DeadlineStatus:
    deadline: dt.date
    days_left: int
    """Days (of the same counting) from ``today`` to the deadline; 0 on the last day; see ``expired`` for past."""
    expired: bool


def deadline_after(
    start: dt.date,
    days: int,
    *,
    counting: Counting = Counting.CALENDAR,
    calendar: WorkCalendar | None = None,
    extend_past_holidays: bool = True,
) -> dt.date:
    """The last day on which an action is still in time, ``days`` days after ``start`` (``start`` not counted)."""
    if days < 1:
        raise RuleError("deadline.days", field="days", value=str(days))
    cal = calendar or WorkCalendar()
    if counting is Counting.WORKING:
        return cal.add_working_days(start, days)
    last = start + dt.timedelta(days=days)
    if extend_past_holidays:
        while not cal.is_working_day(last):
            last += dt.timedelta(days=1)
    return last


def deadline_status(
    deadline: dt.date,
    today: dt.date,
    *,
    counting: Counting = Counting.CALENDAR,
    calendar: WorkCalendar | None = None,
) -> DeadlineStatus:
    if counting is Counting.WORKING:
        left = (calendar or WorkCalendar()).working_days_between(today, deadline)
    else:
        left = (deadline - today).days
    return DeadlineStatus(deadline, left, today > deadline)
