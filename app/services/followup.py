"""Supervision and follow-up (unit 8): every file's journey and clock, overdue work, bottlenecks, citizens' calls and
visits, charts and reports.

The clock is ``app.domain.rules.progress`` over the case's route history (``case_event``); deadlines are in working
days from the day a stage was entered, counted by the office's ``WorkCalendar`` (Fridays and the holiday table), so
a holiday added by the administration unit moves every deadline it falls inside. Reports are written as PDF
(``app.printing``'s right-to-left frame), Excel (openpyxl) or CSV, over a range of Tehran days shown in Jalali.

Also holds ``new_row``/``touch_row``: the one way this area's services write a replicated row (outbox + audit).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import workflows as wf
from app.domain.dates import TEHRAN, format_jalali, format_jalali_datetime
from app.domain.errors import DomainError, ValidationError
from app.domain.rules import progress
from app.domain.rules.worktime import to_tehran
from app.domain.text import normalize
from app.domain.units import OFFICE_HEAD, TECHNICAL_MANAGER, get_unit, is_unit
from app.domain.workflows import Actor
from app.models import Case, CaseEvent, User, WatchContact
from app.services.common import OPEN_CASE_EVENT, Area, get_case_row, require_roles
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert
from app.services.search import classify
from app.services.workflow_ops import DEFAULT_STAGE_DAYS

if TYPE_CHECKING:
    from app.services.context import Services

FOLLOWUP_ROLES = frozenset({"followup.officer", "followup.head", OFFICE_HEAD})
# Who may read any file's clock: the follow-up unit, the technical manager and the audit unit.
WATCH_ROLES = FOLLOWUP_ROLES | {TECHNICAL_MANAGER, "audit.auditor", "audit.head", "liaison.head", "liaison.liaison"}
LOOKUP_KINDS = frozenset({"tracking", "national_id", "mobile"})
CHANNELS = ("call", "visit")
REPORT_FORMATS = ("pdf", "xlsx", "csv")


# ---------------------------------------------------------------------------------------------------------------------
# Writing a replicated row: one place for the outbox entry and the audit entry of this area's services.


def new_row(
    services: Services, session: Session, actor: Actor, row: Any, entity: str, action: str,
    details: Mapping[str, Any] | None = None,
) -> None:  # fmt: skip
    """Add ``row`` (a ``SyncMixin`` table), queue it for the server and audit it, in the caller's transaction."""
    stamp = services.stamp()
    row.hlc = stamp
    session.add(row)
    session.flush()
    enqueue_upsert(session, entity, row, None, stamp)
    services.audit.record(session, actor, action, entity, row.id, dict(details or {}))


def touch_row(
    services: Services, session: Session, actor: Actor, row: Any, entity: str, changed: Sequence[str], action: str,
    details: Mapping[str, Any] | None = None,
) -> None:  # fmt: skip
    """Queue the ``changed`` columns of an existing row and audit the change."""
    stamp = services.stamp()
    row.version += 1
    row.hlc = stamp
    row.dirty = True
    row.updated_at = services.now()
    enqueue_upsert(session, entity, row, list(changed), stamp)
    services.audit.record(session, actor, action, entity, row.id, {"fields": list(changed), **dict(details or {})})


def required_text(value: str | None, field: str, errors: dict[str, str], code: str = "field.required") -> str:
    text = normalize(value or "").strip()
    if not text:
        errors[field] = code
    return text


def fail(errors: Mapping[str, str]) -> None:
    if errors:
        field, code = next(iter(errors.items()))
        raise ValidationError(code, field=field, errors=dict(errors))


def tehran_day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), TEHRAN).astimezone(dt.UTC)


def check_range(first_day: dt.date, last_day: dt.date) -> None:
    if last_day < first_day:
        raise ValidationError("followup.range", field="last_day")
    if (last_day - first_day).days > 366:
        raise ValidationError("followup.range_too_long", field="last_day")


def user_names(session: Session) -> dict[str, str]:
    return {uid: name for uid, name in session.execute(select(User.id, User.full_name))}


def unit_name(unit: str, lang: str = "fa") -> str:
    if not is_unit(unit):
        return unit
    u = get_unit(unit)
    return u.title_fa if lang == "fa" else u.title_en


def final_states(workflow_id: str) -> frozenset[str]:
    try:
        return frozenset(s.id for s in wf.get_workflow(workflow_id).states if not s.open)
    except DomainError:
        return frozenset()


def route_events(events: Iterable[CaseEvent]) -> list[progress.RouteEvent]:
    """``case_event`` rows as the clock reads them (the opening event has no ``from_state``)."""
    return [
        progress.RouteEvent(
            at=e.at, from_state=None if e.action == OPEN_CASE_EVENT or not e.from_state else e.from_state,
            to_state=e.to_state, unit=e.unit, user=e.user_name, action=e.action, assignee=e.assignee_id,
        )
        for e in events
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------------
# Plain data for the UI


@dataclass(frozen=True)
class TimelineStage:
    state: str
    state_title: str
    unit: str
    unit_title: str
    entered: dt.datetime
    left: dt.datetime | None
    entered_by: str
    left_by: str
    assignee_name: str
    working_minutes: int
    working_days: int
    allowed_days: int | None
    deadline: dt.date | None
    deadline_state: str  # a progress.DeadlineState value, or "" without a deadline


@dataclass(frozen=True)
class Timeline:
    case_id: str
    tracking_number: str
    service_name: str
    applicant_name: str
    state_title: str
    unit_title: str
    opened_at: dt.datetime
    closed: bool
    stages: tuple[TimelineStage, ...]
    minutes_per_unit: dict[str, int]
    days_per_unit: dict[str, int]

    @property
    def total_working_days(self) -> int:
        return sum(s.working_days for s in self.stages)


@dataclass(frozen=True)
class WatchRow:
    case_id: str
    tracking_number: str
    service_name: str
    applicant_name: str
    state_title: str
    unit: str
    unit_title: str
    assignee_id: str | None
    assignee_name: str
    entered: dt.datetime
    deadline: dt.date
    days_left: int
    status: str  # overdue | nearly_due | on_track


@dataclass(frozen=True)
class BottleneckRow:
    workflow_title: str
    state_title: str
    unit_title: str
    visits: int
    mean_hours: float
    median_hours: float
    max_hours: float
    mean_days: float


@dataclass(frozen=True)
class ChartData:
    daily: tuple[progress.DayCount, ...]
    stage_average_hours: tuple[tuple[str, float], ...]  # (state title, mean office hours), longest first
    backlog: tuple[tuple[str, int], ...]  # (unit title, open cases)


@dataclass(frozen=True)
class LookupHit:
    case_id: str
    tracking_number: str
    service_name: str
    applicant_name: str
    state_title: str
    unit_title: str
    assignee_name: str
    stage_days: int
    deadline: dt.date | None
    overdue: bool
    closed: bool


@dataclass(frozen=True)
class LookupResult:
    kind: str  # tracking | national_id | mobile
    hits: tuple[LookupHit, ...]


@dataclass(frozen=True)
class ContactLine:
    id: str
    at: dt.datetime
    channel: str
    query_kind: str
    tracking_number: str
    caller_name: str
    note: str
    answered_by: str


@dataclass(frozen=True)
class ContactSaved:
    id: str
    changes: Changes


@dataclass(frozen=True)
class Report:
    first_day: dt.date
    last_day: dt.date
    opened: int
    completed: int
    open_now: int
    overdue_now: int
    charts: ChartData
    bottlenecks: tuple[BottleneckRow, ...]
    overdue: tuple[WatchRow, ...]


REPORT_TITLE = "گزارش نظارت و پیگیری پرونده‌ها"
HEADINGS = {
    "summary": "خلاصه",
    "daily": "ورودی و تکمیل روزانه",
    "stages": "میانگین زمان هر مرحله",
    "backlog": "پرونده‌های مانده در هر واحد",
    "overdue": "پرونده‌های از مهلت گذشته",
}


class FollowupService(Area):
    def __init__(self, services: Services) -> None:
        super().__init__(services)

    # -- the clock -----------------------------------------------------------------------------------------------
    def policy(self) -> progress.DeadlinePolicy:
        return progress.DeadlinePolicy(dict(self._s.stage_days), DEFAULT_STAGE_DAYS, nearly_due_days=1)

    def case_timeline(self, actor: Actor, case_id: str) -> Timeline:
        """The case's journey: one stage per state it waited in, with office time, working days and its deadline."""
        require_roles(actor, WATCH_ROLES, "followup.forbidden")
        policy = self.policy()
        cal = self._s.calendar
        today = self._s.today()
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            events = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq))
            routes = route_events(events)
            names = user_names(session)
        finals = final_states(case.workflow_id)
        spans = progress.stage_spans(routes, cal, now=self._s.now(), final_states=finals)
        stages = []
        for span in spans:
            deadline = progress.stage_deadline(span, policy, cal, today)
            stages.append(
                TimelineStage(
                    state=span.state, state_title=self.state_title(case.workflow_id, span.state), unit=span.unit,
                    unit_title=unit_name(span.unit, self._s.lang), entered=span.entered, left=span.left,
                    entered_by=span.entered_by, left_by=span.left_by or "",
                    assignee_name=names.get(span.assignee or "", ""), working_minutes=span.working_minutes,
                    working_days=span.working_days, allowed_days=policy.days_for(span.state),
                    deadline=deadline.deadline if deadline else None,
                    deadline_state=deadline.state.value if deadline else "",
                )
            )  # fmt: skip
        per_unit = progress.time_per_unit(spans)
        return Timeline(
            case_id=case.id, tracking_number=case.tracking_number, service_name=self.service_name(case.service_code),
            applicant_name=case.applicant_name, state_title=self.state_title(case.workflow_id, case.state),
            unit_title=unit_name(case.unit, self._s.lang), opened_at=case.opened_at, closed=case.closed_at is not None,
            stages=tuple(stages), minutes_per_unit={u: m for u, (m, _) in per_unit.items()},
            days_per_unit={u: d for u, (_, d) in per_unit.items()},
        )  # fmt: skip

    def timeline_by_tracking(self, actor: Actor, text: str) -> Timeline:
        case_id = self._s.cases.case_id_by_tracking(text)
        if case_id is None:
            raise ValidationError("case.not_found", field="tracking")
        return self.case_timeline(actor, case_id)

    # -- overdue and nearly-due work -------------------------------------------------------------------------------
    def watch_list(self, actor: Actor, *, include_on_track: bool = False, unit: str | None = None) -> list[WatchRow]:
        """Open cases whose current stage is overdue or nearly due (working days, holidays skipped), most urgent
        first. ``unit`` narrows to one unit's cartable."""
        require_roles(actor, WATCH_ROLES, "followup.forbidden")
        policy = self.policy()
        cal = self._s.calendar
        today = self._s.today()
        query = select(
            Case.id, Case.tracking_number, Case.service_code, Case.workflow_id, Case.state, Case.unit,
            Case.assignee_id, Case.state_entered_at, Case.applicant_name,
        ).where(Case.closed_at.is_(None), Case.deleted.is_(False))  # fmt: skip
        if unit:
            query = query.where(Case.unit == unit)
        rows: list[WatchRow] = []
        with self._s.uow(writer=False) as uow:
            names = user_names(uow.session)
            for cid, tn, service, workflow_id, state, case_unit, assignee, entered, applicant in uow.session.execute(
                query
            ):
                days = policy.days_for(state)
                if days is None:
                    continue
                d = progress.classify_deadline(to_tehran(entered).date(), days, today, cal,
                                               nearly_due_days=policy.nearly_due_days)  # fmt: skip
                if d.state is progress.DeadlineState.ON_TRACK and not include_on_track:
                    continue
                rows.append(
                    WatchRow(
                        case_id=cid, tracking_number=tn, service_name=self.service_name(service),
                        applicant_name=applicant, state_title=self.state_title(workflow_id, state), unit=case_unit,
                        unit_title=unit_name(case_unit, self._s.lang), assignee_id=assignee,
                        assignee_name=names.get(assignee or "", ""), entered=entered, deadline=d.deadline,
                        days_left=d.working_days_left, status=d.state.value,
                    )
                )  # fmt: skip
        rows.sort(key=lambda r: (r.days_left, r.deadline, r.tracking_number))
        return rows

    @staticmethod
    def group_counts(rows: Iterable[WatchRow], by: str) -> list[tuple[str, int, int]]:
        """(unit title or expert name, overdue, nearly due), most overdue first. ``by`` is "unit" or "expert"."""
        overdue: Counter[str] = Counter()
        nearly: Counter[str] = Counter()
        for r in rows:
            key = r.unit_title if by == "unit" else (r.assignee_name or "—")
            if r.status == progress.DeadlineState.OVERDUE.value:
                overdue[key] += 1
            elif r.status == progress.DeadlineState.NEARLY_DUE.value:
                nearly[key] += 1
        keys = set(overdue) | set(nearly)
        return sorted(((k, overdue[k], nearly[k]) for k in keys), key=lambda t: (-t[1], -t[2], t[0]))

    # -- many cases ------------------------------------------------------------------------------------------------
    def _cases_in_range(
        self, session: Session, first_day: dt.date, last_day: dt.date
    ) -> dict[str, tuple[str, list[progress.RouteEvent]]]:
        """case id → (workflow id, route events) of cases with any event in the Tehran days of the range."""
        lo, hi = tehran_day_start(first_day), tehran_day_start(last_day + dt.timedelta(days=1))
        ids = select(CaseEvent.case_id).where(CaseEvent.at >= lo, CaseEvent.at < hi).distinct()
        events = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id.in_(ids)).order_by(CaseEvent.case_id, CaseEvent.seq)
        ).all()
        workflows = dict(session.execute(select(Case.id, Case.workflow_id).where(Case.id.in_(ids))).all())
        by_case: dict[str, list[CaseEvent]] = defaultdict(list)
        for e in events:
            by_case[e.case_id].append(e)
        return {cid: (workflows[cid], route_events(evs)) for cid, evs in by_case.items() if cid in workflows}

    @staticmethod
    def _by_workflow(
        cases: Mapping[str, tuple[str, list[progress.RouteEvent]]],
    ) -> dict[str, dict[str, list[progress.RouteEvent]]]:
        grouped: dict[str, dict[str, list[progress.RouteEvent]]] = defaultdict(dict)
        for cid, (workflow_id, events) in cases.items():
            grouped[workflow_id][cid] = events
        return grouped

    def bottlenecks(
        self, actor: Actor, first_day: dt.date, last_day: dt.date, *, include_open: bool = True
    ) -> list[BottleneckRow]:
        """Where files wait longest: each state's office time over the cases active in the range."""
        require_roles(actor, WATCH_ROLES, "followup.forbidden")
        check_range(first_day, last_day)
        with self._s.uow(writer=False) as uow:
            cases = self._cases_in_range(uow.session, first_day, last_day)
        now = self._s.now() if include_open else None
        rows: list[BottleneckRow] = []
        for workflow_id, group in self._by_workflow(cases).items():
            stats = progress.bottlenecks(group, self._s.calendar, now=now, final_states=final_states(workflow_id))
            title = self._workflow_title(workflow_id)
            for s in stats:
                rows.append(
                    BottleneckRow(title, self.state_title(workflow_id, s.state), unit_name(s.unit, self._s.lang),
                                  s.visits, s.mean_minutes / 60, s.median_minutes / 60, s.max_minutes / 60,
                                  s.mean_days)
                )  # fmt: skip
        rows.sort(key=lambda r: (-r.mean_hours, r.state_title))
        return rows

    def _workflow_title(self, workflow_id: str) -> str:
        try:
            w = wf.get_workflow(workflow_id)
        except DomainError:
            return workflow_id
        return self._title(w.title_en, w.title_fa)

    def charts(self, actor: Actor, first_day: dt.date, last_day: dt.date) -> ChartData:
        """Daily intake and completions, average office hours per stage, and the open cases per unit now."""
        require_roles(actor, WATCH_ROLES, "followup.forbidden")
        check_range(first_day, last_day)
        with self._s.uow(writer=False) as uow:
            cases = self._cases_in_range(uow.session, first_day, last_day)
            backlog_rows = uow.session.execute(
                select(Case.unit, func.count())
                .where(Case.closed_at.is_(None), Case.deleted.is_(False))
                .group_by(Case.unit)
            ).all()
        intake: Counter[dt.date] = Counter()
        done: Counter[dt.date] = Counter()
        minutes: dict[str, list[float]] = defaultdict(list)
        for workflow_id, group in self._by_workflow(cases).items():
            finals = final_states(workflow_id)
            for day in progress.daily_series(group, first_day, last_day, final_states=finals):
                intake[day.day] += day.intake
                done[day.day] += day.completed
            for s in progress.bottlenecks(group, self._s.calendar, final_states=finals):
                minutes[self.state_title(workflow_id, s.state)].extend([s.mean_minutes] * s.visits)
        daily = []
        current = first_day
        while current <= last_day:
            daily.append(progress.DayCount(current, intake[current], done[current]))
            current += dt.timedelta(days=1)
        averages = sorted(((t, sum(v) / len(v) / 60) for t, v in minutes.items()), key=lambda p: -p[1])
        backlog = sorted(((unit_name(u, self._s.lang), int(n)) for u, n in backlog_rows), key=lambda p: -p[1])
        return ChartData(tuple(daily), tuple(averages[:12]), tuple(backlog))

    # -- citizens' calls and visits ----------------------------------------------------------------------------------
    def lookup(self, actor: Actor, typed: str) -> LookupResult:
        """Answer a citizen by tracking number, national ID or mobile. A look-up by national ID or mobile shows
        personal data and is logged as such by the search (``personal_data.viewed``)."""
        require_roles(actor, FOLLOWUP_ROLES, "followup.forbidden")
        kinds = [q.kind for q in classify(typed) if q.kind in LOOKUP_KINDS]
        if not kinds:
            raise ValidationError("followup.lookup_kind", field="query")
        hits = [h for h in self._s.search.search(actor, typed) if h.matched_on in LOOKUP_KINDS]
        today = self._s.today()
        out: list[LookupHit] = []
        with self._s.uow(writer=False) as uow:
            names = user_names(uow.session)
            for hit in hits:
                case = uow.session.get(Case, hit.case_id)
                if case is None:
                    continue
                entered_day = to_tehran(case.state_entered_at).date()
                out.append(
                    LookupHit(
                        case_id=case.id, tracking_number=case.tracking_number, service_name=hit.service_name,
                        applicant_name=case.applicant_name, state_title=hit.state_title,
                        unit_title=unit_name(case.unit, self._s.lang),
                        assignee_name=names.get(case.assignee_id or "", ""),
                        stage_days=max(0, self._s.calendar.working_days_between(entered_day, today)),
                        deadline=case.state_due_date,
                        overdue=bool(case.closed_at is None and case.state_due_date and case.state_due_date < today),
                        closed=case.closed_at is not None,
                    )
                )  # fmt: skip
        return LookupResult(kinds[0], tuple(out))

    def log_contact(
        self, actor: Actor, *, channel: str, query_kind: str, case_id: str | None, caller_name: str, note: str
    ) -> ContactSaved:
        """Record a call or visit and what the citizen was told."""
        require_roles(actor, FOLLOWUP_ROLES, "followup.forbidden")
        errors: dict[str, str] = {}
        if channel not in CHANNELS:
            errors["channel"] = "followup.channel"
        if query_kind not in LOOKUP_KINDS:
            errors["query"] = "followup.lookup_kind"
        text = required_text(note, "note", errors, "followup.note_required")
        fail(errors)
        with self._s.uow() as uow:
            session = uow.session
            if case_id:
                get_case_row(session, case_id)
            row = WatchContact(case_id=case_id or None, channel=channel, query_kind=query_kind,
                               caller_name=normalize(caller_name).strip(), note=text, answered_by_id=actor.user_id,
                               at=self._s.now())  # fmt: skip
            new_row(self._s, session, actor, row, "watch_contact", "followup.contact_logged",
                    {"channel": channel, "by": query_kind, "case_id": case_id or ""})  # fmt: skip
            uow.commit()
            return ContactSaved(row.id, Changes(frozenset({case_id}) if case_id else frozenset(),
                                                frozenset({"watch_contact"})))  # fmt: skip

    def list_contacts(self, actor: Actor, first_day: dt.date, last_day: dt.date) -> list[ContactLine]:
        require_roles(actor, WATCH_ROLES, "followup.forbidden")
        check_range(first_day, last_day)
        lo, hi = tehran_day_start(first_day), tehran_day_start(last_day + dt.timedelta(days=1))
        with self._s.uow(writer=False) as uow:
            names = user_names(uow.session)
            rows = uow.session.execute(
                select(WatchContact, Case.tracking_number)
                .outerjoin(Case, Case.id == WatchContact.case_id)
                .where(WatchContact.at >= lo, WatchContact.at < hi, WatchContact.deleted.is_(False))
                .order_by(WatchContact.at.desc())
            ).all()
            return [
                ContactLine(c.id, c.at, c.channel, c.query_kind, tn or "", c.caller_name, c.note,
                            names.get(c.answered_by_id, ""))
                for c, tn in rows
            ]  # fmt: skip

    # -- reports -----------------------------------------------------------------------------------------------------
    def report(self, actor: Actor, first_day: dt.date, last_day: dt.date) -> Report:
        require_roles(actor, WATCH_ROLES, "followup.forbidden")
        charts = self.charts(actor, first_day, last_day)
        watch = self.watch_list(actor)
        overdue = tuple(r for r in watch if r.status == progress.DeadlineState.OVERDUE.value)
        return Report(
            first_day=first_day, last_day=last_day, opened=sum(d.intake for d in charts.daily),
            completed=sum(d.completed for d in charts.daily), open_now=sum(n for _, n in charts.backlog),
            overdue_now=len(overdue), charts=charts, bottlenecks=tuple(self.bottlenecks(actor, first_day, last_day)),
            overdue=overdue,
        )  # fmt: skip

    def export_report(self, actor: Actor, first_day: dt.date, last_day: dt.date, fmt: str, path: Path) -> Path:
        """Write the report to ``path`` as PDF, Excel or CSV; the export is audited."""
        if fmt not in REPORT_FORMATS:
            raise ValidationError("followup.format", field="format")
        report = self.report(actor, first_day, last_day)
        tables = report_tables(report)
        if fmt == "pdf":
            data = report_pdf(report, tables, self._s.office_code, self._s.now())
            path.write_bytes(data)
        elif fmt == "xlsx":
            write_xlsx(path, REPORT_TITLE, report_range_text(report), tables)
        else:
            write_csv(path, report_range_text(report), tables)
        with self._s.uow() as uow:
            self._s.audit.record(uow.session, actor, "followup.report_exported", "report", "",
                                 {"format": fmt, "first_day": first_day, "last_day": last_day})  # fmt: skip
            uow.commit()
        return path


# ---------------------------------------------------------------------------------------------------------------------
# Report files


def report_range_text(report: Report) -> str:
    return f"از {format_jalali(report.first_day)} تا {format_jalali(report.last_day)}"


def _status_fa(status: str) -> str:
    return {"overdue": "از مهلت گذشته", "nearly_due": "نزدیک مهلت", "on_track": "در مهلت"}.get(status, status)


def report_tables(report: Report) -> list[tuple[str, list[str], list[list[object]]]]:
    """(heading, column titles, rows) of each section, in the order they are printed. Values keep their type
    (numbers stay numbers in Excel); dates are Jalali text."""
    c = report.charts
    return [
        (HEADINGS["summary"], ["شاخص", "تعداد"], [
            ["پرونده‌های تشکیل شده در بازه", report.opened], ["پرونده‌های تکمیل شده در بازه", report.completed],
            ["پرونده‌های باز", report.open_now], ["پرونده‌های از مهلت گذشته", report.overdue_now],
        ]),
        (HEADINGS["daily"], ["تاریخ", "ورودی", "تکمیل"],
         [[format_jalali(d.day, persian_digits=False), d.intake, d.completed] for d in c.daily]),
        (HEADINGS["stages"], ["گردش کار", "مرحله", "واحد", "دفعات", "میانگین ساعت", "بیشینه ساعت"],
         [[b.workflow_title, b.state_title, b.unit_title, b.visits, round(b.mean_hours, 1), round(b.max_hours, 1)]
          for b in report.bottlenecks]),
        (HEADINGS["backlog"], ["واحد", "پرونده باز"], [[u, n] for u, n in c.backlog]),
        (HEADINGS["overdue"], ["کد رهگیری", "خدمت", "متقاضی", "مرحله", "واحد", "کارشناس", "مهلت", "روز تأخیر"],
         [[r.tracking_number, r.service_name, r.applicant_name, r.state_title, r.unit_title, r.assignee_name,
           format_jalali(r.deadline, persian_digits=False), -r.days_left] for r in report.overdue]),
    ]  # fmt: skip


def write_xlsx(
    path: Path, title: str, subtitle: str, tables: Sequence[tuple[str, list[str], list[list[object]]]]
) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    first = True
    for heading, columns, rows in tables:
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = heading[:31]
        sheet.sheet_view.rightToLeft = True
        sheet.append([title])
        sheet.append([subtitle])
        sheet.append([heading])
        sheet.append(columns)
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        sheet["A1"].font = Font(bold=True, size=13)
        for row in rows:
            sheet.append(list(row))
        for i, _ in enumerate(columns):
            sheet.column_dimensions[chr(ord("A") + i)].width = 22
    book.save(path)


def write_csv(path: Path, subtitle: str, tables: Sequence[tuple[str, list[str], list[list[object]]]]) -> None:
    """UTF-8 with a BOM (Excel then reads the Persian right); sections separated by an empty line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([REPORT_TITLE, subtitle])
    for heading, columns, rows in tables:
        writer.writerow([])
        writer.writerow([heading])
        writer.writerow(columns)
        writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def report_pdf(
    report: Report, tables: Sequence[tuple[str, list[str], list[list[object]]]], office_code: str, at: dt.datetime
) -> bytes:
    """A4 report in the office frame: Persian headings, tables right to left, Persian digits."""
    from reportlab.lib.units import mm  # type: ignore[import-untyped]

    from app.printing.data import OfficeInfo
    from app.printing.frame import DocumentInfo, build_paged
    from app.printing.layout import SMALL, TITLE, fa, heading, para, rtl_table

    width = 186 * mm
    story: list[Any] = [para(REPORT_TITLE, TITLE), para(report_range_text(report), SMALL)]
    for title, columns, rows in tables:
        story.append(heading(title))
        shown = [[fa(v) if isinstance(v, int | float) else fa(str(v)) for v in row] for row in rows]
        if not shown:
            story.append(para("—"))
            continue
        n = len(columns)
        widths = [width / n] * n
        if n == 8:
            widths = [w * mm for w in (30, 30, 26, 26, 22, 22, 16, 14)]
        story.append(rtl_table([columns, *shown[:400]], widths, header=True))
    info = DocumentInfo(OfficeInfo(name="دفتر خدمات الکترونیک شهر", code=office_code), REPORT_TITLE, at)
    return build_paged(story, info, "a4")


def format_contact_time(at: dt.datetime) -> str:
    return format_jalali_datetime(at)
