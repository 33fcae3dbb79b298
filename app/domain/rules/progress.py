"""A case's clock, for the follow-up unit and the audit unit (issue 8): pure functions over route events.

A ``RouteEvent`` is one line of a case's routing history (``CaseEvent`` of the workflow engine reduced to what the
clock needs). The case sits in ``to_state`` (in ``unit``'s cartable) from the event until the next event that
changes the state; events that keep the state (a referral to a colleague, an attachment) do not restart the stage.

Time is measured in office minutes (``worktime.working_minutes``) and in working days (``WorkCalendar``): a stage
entered on Saturday and left on Monday took 2 working days, whatever the hours. Deadlines are in working days from
the day a stage was entered, holidays skipped by the calendar.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.dates import WorkCalendar
from app.domain.rules.common import RuleError
from app.domain.rules.worktime import OfficeHours, to_tehran, working_minutes


@dataclass(frozen=True, slots=True)
class RouteEvent:
    at: dt.datetime
    from_state: str | None
    """None for the event that opened the case."""
    to_state: str
    unit: str
    """The unit whose cartable the case enters (the unit of ``to_state``)."""
    user: str
    """Who acted."""
    action: str = ""
    assignee: str | None = None
    """The colleague the case is assigned to after the event, if any."""


@dataclass(frozen=True, slots=True)
class StageSpan:
    state: str
    unit: str
    entered: dt.datetime
    left: dt.datetime | None
    """None while the case is still in the stage."""
    entered_by: str
    left_by: str | None
    assignee: str | None
    working_minutes: int
    working_days: int
    """Working days after the day of entry up to the day it was left (or ``now``)."""

    @property
    def working_hours(self) -> float:
        return self.working_minutes / 60

    @property
    def is_open(self) -> bool:
        return self.left is None


def _sorted(events: Iterable[RouteEvent]) -> list[RouteEvent]:
    ordered = sorted(events, key=lambda e: e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.UTC))
    if any(e.at.tzinfo is None for e in ordered):
        raise RuleError("rules.naive_time", field="at")
    return ordered


def stage_spans(
    events: Iterable[RouteEvent],
    calendar: WorkCalendar,
    hours: OfficeHours | None = None,
    *,
    now: dt.datetime | None = None,
    final_states: Collection[str] = (),
) -> list[StageSpan]:
    """The stages a case went through, oldest first. The current stage is measured up to ``now`` (or left at zero
    without it); a stage in ``final_states`` is where the case ended and gets no span of its own."""
    office = hours or OfficeHours()
    ordered = _sorted(events)
    spans: list[StageSpan] = []
    start: RouteEvent | None = None
    assignee: str | None = None
    for event in ordered:
        if start is not None and event.to_state == start.to_state and event.from_state == start.to_state:
            assignee = event.assignee if event.assignee is not None else assignee
            continue  # same stage: a referral or an attachment
        if start is not None:
            spans.append(_span(start, event.at, event.user, assignee, calendar, office))
        start, assignee = event, event.assignee
    if start is not None and start.to_state not in final_states:
        end = now if now is not None else start.at
        span = _span(start, end, None, assignee, calendar, office)
        spans.append(span)
    return spans


def _span(
    start: RouteEvent, end: dt.datetime, left_by: str | None, assignee: str | None, calendar: WorkCalendar,
    office: OfficeHours,
) -> StageSpan:  # fmt: skip
    minutes = working_minutes(start.at, end, calendar, office)
    days = max(0, calendar.working_days_between(to_tehran(start.at).date(), to_tehran(end).date()))
    left = end if left_by is not None else None
    return StageSpan(start.to_state, start.unit, start.at, left, start.user, left_by, assignee, minutes, days)


def _sum_by(spans: Iterable[StageSpan], key: Callable[[StageSpan], str]) -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {}
    for span in spans:
        minutes, days = totals.get(key(span), (0, 0))
        totals[key(span)] = (minutes + span.working_minutes, days + span.working_days)
    return totals


def time_per_state(spans: Iterable[StageSpan]) -> dict[str, tuple[int, int]]:
    """state → (working minutes, working days), summed over every visit of the state (returns add up)."""
    return _sum_by(spans, lambda s: s.state)


def time_per_unit(spans: Iterable[StageSpan]) -> dict[str, tuple[int, int]]:
    """unit → (working minutes, working days)."""
    return _sum_by(spans, lambda s: s.unit)


# ---------------------------------------------------------------------------------------------------------------------
# Deadlines


class DeadlineState(StrEnum):
    ON_TRACK = "on_track"
    NEARLY_DUE = "nearly_due"
    OVERDUE = "overdue"
    DONE_IN_TIME = "done_in_time"
    DONE_LATE = "done_late"


@dataclass(frozen=True, slots=True)
class DeadlinePolicy:
    """Working days allowed per state (``default_days`` for states not listed; None: no deadline), and how many
    working days before the deadline a stage counts as nearly due."""

    days_per_state: Mapping[str, int] = field(default_factory=dict)
    default_days: int | None = None
    nearly_due_days: int = 1

    def __post_init__(self) -> None:
        if self.nearly_due_days < 0 or any(d < 1 for d in self.days_per_state.values()):
            raise RuleError("progress.policy", field="days_per_state")
        if self.default_days is not None and self.default_days < 1:
            raise RuleError("progress.policy", field="default_days")

    def days_for(self, state: str) -> int | None:
        return self.days_per_state.get(state, self.default_days)


@dataclass(frozen=True, slots=True)
class Deadline:
    deadline: dt.date
    state: DeadlineState
    working_days_left: int
    """Working days from today (or the finishing day) to the deadline; negative when late."""


def classify_deadline(
    started_on: dt.date,
    days: int,
    today: dt.date,
    calendar: WorkCalendar,
    *,
    nearly_due_days: int = 1,
    finished_on: dt.date | None = None,
) -> Deadline:
    """The deadline ``days`` working days after ``started_on``, and where ``today`` (or ``finished_on``) stands."""
    deadline = calendar.add_working_days(started_on, days)
    if finished_on is not None:
        left = calendar.working_days_between(finished_on, deadline)
        late = finished_on > deadline
        return Deadline(deadline, DeadlineState.DONE_LATE if late else DeadlineState.DONE_IN_TIME, left)
    left = calendar.working_days_between(today, deadline)
    if today > deadline:
        return Deadline(deadline, DeadlineState.OVERDUE, min(left, -1))
    if left <= nearly_due_days:
        return Deadline(deadline, DeadlineState.NEARLY_DUE, left)
    return Deadline(deadline, DeadlineState.ON_TRACK, left)


def stage_deadline(span: StageSpan, policy: DeadlinePolicy, calendar: WorkCalendar, today: dt.date) -> Deadline | None:
    days = policy.days_for(span.state)
    if days is None:
        return None
    finished = to_tehran(span.left).date() if span.left is not None else None
    return classify_deadline(to_tehran(span.entered).date(), days, today, calendar,
                             nearly_due_days=policy.nearly_due_days, finished_on=finished)  # fmt: skip


@dataclass(frozen=True, slots=True)
class OpenItem:
    """A case waiting in a stage, for the overdue and nearly-due lists (group by ``unit`` or ``assignee``)."""

    case_id: str
    state: str
    unit: str
    assignee: str | None
    entered: dt.datetime
    deadline: Deadline


def watch_list(
    cases: Mapping[str, Sequence[RouteEvent]],
    policy: DeadlinePolicy,
    calendar: WorkCalendar,
    today: dt.date,
    *,
    final_states: Collection[str] = (),
    include: Collection[DeadlineState] = (DeadlineState.OVERDUE, DeadlineState.NEARLY_DUE),
) -> list[OpenItem]:
    """The current stage of every open case whose deadline state is in ``include``; most urgent first."""
    items: list[OpenItem] = []
    for case_id, events in cases.items():
        spans = stage_spans(events, calendar, final_states=final_states)
        if not spans or not spans[-1].is_open:
            continue
        current = spans[-1]
        deadline = stage_deadline(current, policy, calendar, today)
        if deadline is not None and deadline.state in include:
            items.append(OpenItem(case_id, current.state, current.unit, current.assignee, current.entered, deadline))
    items.sort(key=lambda i: (i.deadline.working_days_left, i.deadline.deadline, i.case_id))
    return items


# ---------------------------------------------------------------------------------------------------------------------
# Across many cases


@dataclass(frozen=True, slots=True)
class StateStat:
    state: str
    unit: str
    visits: int
    mean_minutes: float
    median_minutes: float
    max_minutes: int
    mean_days: float


def bottlenecks(
    cases: Mapping[str, Sequence[RouteEvent]],
    calendar: WorkCalendar,
    hours: OfficeHours | None = None,
    *,
    now: dt.datetime | None = None,
    final_states: Collection[str] = (),
) -> list[StateStat]:
    """Wait per state over all cases, longest mean first. With ``now`` the stages still open count up to ``now``
    (a file stuck today is the bottleneck the office must see); without it only finished stages count."""
    minutes: dict[tuple[str, str], list[int]] = defaultdict(list)
    days: dict[tuple[str, str], list[int]] = defaultdict(list)
    for events in cases.values():
        for span in stage_spans(events, calendar, hours, now=now, final_states=final_states):
            if span.is_open and now is None:
                continue
            minutes[(span.state, span.unit)].append(span.working_minutes)
            days[(span.state, span.unit)].append(span.working_days)
    stats = [
        StateStat(state, unit, len(values), statistics.fmean(values), float(statistics.median(values)), max(values),
                  statistics.fmean(days[(state, unit)]))
        for (state, unit), values in minutes.items()
    ]  # fmt: skip
    stats.sort(key=lambda s: (-s.mean_minutes, s.state))
    return stats


def backlog_by_unit(cases: Mapping[str, Sequence[RouteEvent]], *, final_states: Collection[str] = ()) -> dict[str, int]:
    """Open cases per unit (where each case sits now)."""
    backlog: Counter[str] = Counter()
    for events in cases.values():
        ordered = _sorted(events)
        if ordered and ordered[-1].to_state not in final_states:
            backlog[ordered[-1].unit] += 1
    return dict(sorted(backlog.items()))


@dataclass(frozen=True, slots=True)
class DayCount:
    day: dt.date
    intake: int
    completed: int


def daily_series(
    cases: Mapping[str, Sequence[RouteEvent]],
    first_day: dt.date,
    last_day: dt.date,
    *,
    final_states: Collection[str],
) -> list[DayCount]:
    """Cases opened and cases finished on each Tehran day from ``first_day`` to ``last_day`` inclusive (days with
    none included, so a chart has no gaps)."""
    if last_day < first_day:
        raise RuleError("progress.range", field="last_day")
    intake: Counter[dt.date] = Counter()
    completed: Counter[dt.date] = Counter()
    for events in cases.values():
        ordered = _sorted(events)
        if not ordered:
            continue
        intake[to_tehran(ordered[0].at).date()] += 1
        for event in ordered:
            if event.to_state in final_states and event.from_state not in final_states:
                completed[to_tehran(event.at).date()] += 1
    series: list[DayCount] = []
    day = first_day
    while day <= last_day:
        series.append(DayCount(day, intake[day], completed[day]))
        day += dt.timedelta(days=1)
    return series


@dataclass(frozen=True, slots=True)
class StaffStats:
    user: str
    cases_handled: int
    actions: int
    mean_minutes_per_case: float
    """Office minutes the cases waited in the stages this user moved them out of, averaged over those cases (0 when
    the user finished no stage)."""
    returns: int
    reopened: int
    """Cases this user finished that were later reopened."""


def is_return_action(action: str) -> bool:
    """``return_to_inspector``, ``return_deficiency`` ...: the workflow tables name every return ``return_*``."""
    return action.startswith("return_")


def staff_performance(
    cases: Mapping[str, Sequence[RouteEvent]],
    calendar: WorkCalendar,
    hours: OfficeHours | None = None,
    *,
    final_states: Collection[str] = (),
    is_return: Callable[[str], bool] = is_return_action,
) -> dict[str, StaffStats]:
    handled: dict[str, set[str]] = defaultdict(set)
    actions: Counter[str] = Counter()
    returns: Counter[str] = Counter()
    reopened: Counter[str] = Counter()
    minutes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for case_id, events in cases.items():
        ordered = _sorted(events)
        closer: str | None = None
        for event in ordered:
            handled[event.user].add(case_id)
            actions[event.user] += 1
            if is_return(event.action):
                returns[event.user] += 1
            if closer is not None and event.from_state in final_states and event.to_state not in final_states:
                reopened[closer] += 1
                closer = None
            if event.to_state in final_states:
                closer = event.user
        for span in stage_spans(ordered, calendar, hours, final_states=final_states):
            if span.left_by is not None:
                minutes[span.left_by][case_id] += span.working_minutes
    result: dict[str, StaffStats] = {}
    for user in sorted(handled):
        per_case = list(minutes[user].values())
        mean = statistics.fmean(per_case) if per_case else 0.0
        result[user] = StaffStats(user, len(handled[user]), actions[user], mean, returns[user], reopened[user])
    return result
