"""Detectors of unusual patterns in the audit log (unit 13), pure functions over plain entries.

- many views of citizens' personal data outside the viewer's own units within a sliding window;
- work at odd hours: outside office hours (Tehran time), on a Friday or on a holiday;
- repeated reprints of the same certificate.

Each returns ``Alert`` values with a code (messages in ``app.domain.rules.messages_fa``) and details. They flag for
a person to look at; they never block anyone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from app.domain.dates import FRIDAY, WorkCalendar
from app.domain.rules.common import RuleError
from app.domain.rules.worktime import OfficeHours, to_tehran

ALERT_VIEWS_OUTSIDE_UNIT = "audit.views_outside_unit"
ALERT_ODD_HOURS = "audit.odd_hours"
ALERT_REPEATED_REPRINTS = "audit.repeated_reprints"

PERSONAL_DATA_VIEW_ACTIONS: frozenset[str] = frozenset({"person.view", "person.search", "case.view_personal"})
REPRINT_ACTIONS: frozenset[str] = frozenset({"certificate.reprint"})


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: dt.datetime
    user: str
    action: str
    user_units: frozenset[str] = frozenset()
    """The units the user belonged to when acting."""
    record_unit: str | None = None
    """The unit that owns the record acted on (the unit of the case the person belongs to), if any."""
    subject: str | None = None
    """What was acted on: a person's id, a case id, a certificate serial."""
    case_id: str | None = None


def _no_details() -> Mapping[str, object]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Alert:
    code: str
    user: str
    first_at: dt.datetime
    last_at: dt.datetime
    count: int
    details: Mapping[str, object] = field(default_factory=_no_details)


def _ordered(entries: Iterable[AuditEntry]) -> list[AuditEntry]:
    items = list(entries)
    if any(e.at.tzinfo is None for e in items):
        raise RuleError("rules.naive_time", field="at")
    return sorted(items, key=lambda e: e.at)


def views_outside_unit(
    entries: Iterable[AuditEntry],
    *,
    threshold: int = 20,
    window: dt.timedelta = dt.timedelta(hours=1),
    view_actions: Collection[str] = PERSONAL_DATA_VIEW_ACTIONS,
) -> list[Alert]:
    """One alert per burst: ``threshold`` or more personal-data views of records outside the user's units within
    ``window``. Views of records with no owning unit are not counted (they belong to no one in particular)."""
    if threshold < 1 or window <= dt.timedelta(0):
        raise RuleError("audit.settings", field="threshold")
    per_user: dict[str, list[AuditEntry]] = defaultdict(list)
    for entry in _ordered(entries):
        if entry.action in view_actions and entry.record_unit is not None and entry.record_unit not in entry.user_units:
            per_user[entry.user].append(entry)
    alerts: list[Alert] = []
    for user, views in sorted(per_user.items()):
        start = 0
        burst_end = -1  # index of the last view already reported, so one burst gives one alert
        for end in range(len(views)):
            while views[end].at - views[start].at > window:
                start += 1
            if end - start + 1 >= threshold and start > burst_end:
                last = end
                while last + 1 < len(views) and views[last + 1].at - views[start].at <= window:
                    last += 1
                burst = views[start : last + 1]
                alerts.append(
                    Alert(ALERT_VIEWS_OUTSIDE_UNIT, user, burst[0].at, burst[-1].at, len(burst), MappingProxyType({
                        "units": sorted({v.record_unit for v in burst if v.record_unit}),
                        "subjects": sorted({v.subject for v in burst if v.subject})[:20],
                        "window_minutes": int(window.total_seconds() // 60),
                    }))
                )  # fmt: skip
                burst_end = last
    return alerts


def odd_hours_reason(at: dt.datetime, hours: OfficeHours, calendar: WorkCalendar) -> str | None:
    """``friday``, ``holiday``, ``thursday_off``, ``before_hours``, ``after_hours`` or None (a normal time)."""
    local = to_tehran(at)
    day = local.date()
    if day.weekday() == FRIDAY:
        return "friday"
    if day in calendar.holidays:
        return "holiday"
    if not calendar.is_working_day(day):
        return "thursday_off"
    if local.time() < hours.start:
        return "before_hours"
    if local.time() >= hours.closing(day):
        return "after_hours"
    return None


def odd_hours(
    entries: Iterable[AuditEntry],
    calendar: WorkCalendar,
    hours: OfficeHours | None = None,
    *,
    grace: dt.timedelta = dt.timedelta(minutes=30),
    ignore_actions: Collection[str] = ("session.login", "session.logout"),
) -> list[Alert]:
    """One alert per user and Tehran day with work outside office hours (beyond ``grace`` either side: finishing
    a case ten minutes after closing is normal) or on a Friday or holiday."""
    office = hours or OfficeHours()
    groups: dict[tuple[str, dt.date], list[tuple[AuditEntry, str]]] = defaultdict(list)
    for entry in _ordered(entries):
        if entry.action in ignore_actions:
            continue
        reason = odd_hours_reason(entry.at, office, calendar)
        if reason in {"before_hours", "after_hours"}:
            local = to_tehran(entry.at)
            opens = dt.datetime.combine(local.date(), office.start, local.tzinfo)
            closes = dt.datetime.combine(local.date(), office.closing(local.date()), local.tzinfo)
            if opens - grace <= local < closes + grace:
                continue
        if reason is not None:
            groups[(entry.user, to_tehran(entry.at).date())].append((entry, reason))
    alerts: list[Alert] = []
    for (user, day), items in sorted(groups.items()):
        reasons = sorted({r for _, r in items})
        alerts.append(
            Alert(ALERT_ODD_HOURS, user, items[0][0].at, items[-1][0].at, len(items), MappingProxyType({
                "day": day.isoformat(), "reasons": reasons, "actions": sorted({e.action for e, _ in items}),
            }))
        )  # fmt: skip
    return alerts


def repeated_reprints(
    entries: Iterable[AuditEntry],
    *,
    threshold: int = 3,
    window: dt.timedelta = dt.timedelta(days=30),
    reprint_actions: Collection[str] = REPRINT_ACTIONS,
) -> list[Alert]:
    """One alert per certificate (``subject``) reprinted ``threshold`` times or more within ``window``; the alert
    names the user who reprinted it most."""
    if threshold < 1 or window <= dt.timedelta(0):
        raise RuleError("audit.settings", field="threshold")
    per_subject: dict[str, list[AuditEntry]] = defaultdict(list)
    for entry in _ordered(entries):
        if entry.action in reprint_actions and entry.subject:
            per_subject[entry.subject].append(entry)
    alerts: list[Alert] = []
    for subject, prints in sorted(per_subject.items()):
        start = 0
        best: tuple[int, int] | None = None
        for end in range(len(prints)):
            while prints[end].at - prints[start].at > window:
                start += 1
            if end - start + 1 >= threshold and (best is None or end - start > best[1] - best[0]):
                best = (start, end)
        if best is None:
            continue
        burst = prints[best[0] : best[1] + 1]
        users: dict[str, int] = defaultdict(int)
        for p in burst:
            users[p.user] += 1
        top = max(sorted(users), key=lambda u: users[u])
        alerts.append(
            Alert(ALERT_REPEATED_REPRINTS, top, burst[0].at, burst[-1].at, len(burst), MappingProxyType({
                "certificate": subject, "by_user": dict(sorted(users.items())),
                "case_id": burst[-1].case_id,
            }))
        )  # fmt: skip
    return alerts


def detect_all(entries: Iterable[AuditEntry], calendar: WorkCalendar, hours: OfficeHours | None = None) -> list[Alert]:
    """Every detector with its default settings, newest alert first."""
    items = list(entries)
    alerts = [*views_outside_unit(items), *odd_hours(items, calendar, hours), *repeated_reprints(items)]
    alerts.sort(key=lambda a: a.last_at, reverse=True)
    return alerts
