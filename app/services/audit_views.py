"""Inspection and supervision (unit 13): the audit-log viewer with chain verification and export, staff performance,
complaints and disputes, the log of who viewed which citizen's personal data, and alerts on unusual patterns.

The trail itself is ``app.services.audit`` (hash-chained per workstation); this module reads it for the audit unit.
Alerts come from ``app.domain.rules.audit_patterns``: personal-data views are ``personal_data.viewed`` entries (the
search by national ID, mobile or legal ID, the look-up at the counter, opening a case's applicant), reprints are
``print.reprinted`` entries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.rules import audit_patterns as ap
from app.domain.rules import progress
from app.domain.rules.messages_fa import MESSAGES as RULE_MESSAGES
from app.domain.text import normalize, to_persian_digits
from app.domain.units import OFFICE_HEAD, units_of_roles
from app.domain.workflows import Actor
from app.models import AuditEntry, Case, CaseEvent, Complaint, Person, User, UserRole
from app.services.common import Area, require_roles
from app.services.dto import AuditLine, ChainReport, Changes
from app.services.followup import (
    check_range,
    fail,
    final_states,
    new_row,
    required_text,
    route_events,
    tehran_day_start,
    touch_row,
    write_csv,
    write_xlsx,
)

AUDIT_UNIT_ROLES = frozenset({"audit.auditor", "audit.head", OFFICE_HEAD})
COMPLAINT_KINDS = ("complaint", "dispute", "misconduct")
PERSONAL_VIEW = "personal_data.viewed"
REPRINTS = frozenset({"print.reprinted", "certificate.reprint"})


@dataclass(frozen=True)
class ChainVerdict:
    report: ChainReport
    workstation_no: int
    broken: AuditLine | None  # the first broken link, as stored now
    workstations: tuple[int, ...]


@dataclass(frozen=True)
class StaffLine:
    user_name: str
    cases_handled: int
    actions: int
    mean_hours_per_case: float
    returns: int
    reopened: int


@dataclass(frozen=True)
class ComplaintLine:
    id: str
    kind: str
    status: str
    tracking_number: str
    staff_name: str
    complainant_name: str
    description: str
    findings: str
    resolution: str
    registered_at: dt.datetime
    resolved_at: dt.datetime | None
    version: int


@dataclass(frozen=True)
class ComplaintSaved:
    id: str
    changes: Changes


@dataclass(frozen=True)
class ViewLine:
    at: dt.datetime
    user_name: str
    by: str
    persons: str  # names of the persons whose data was shown
    hits: int


@dataclass(frozen=True)
class AlertLine:
    code: str
    text: str
    user_name: str
    first_at: dt.datetime
    last_at: dt.datetime
    count: int


def _line(e: AuditEntry) -> AuditLine:
    return AuditLine(e.workstation_no, e.seq, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id,
                     dict(e.details), e.hash)  # fmt: skip


class AuditViewsService(Area):
    # -- the trail ---------------------------------------------------------------------------------------------------
    def entries(
        self, actor: Actor, *, username: str = "", tracking: str = "", action_prefix: str = "",
        first_day: dt.date | None = None, last_day: dt.date | None = None, limit: int = 2000,
    ) -> list[AuditLine]:  # fmt: skip
        """The audit trail filtered by user, case (tracking number), action and Tehran days, newest first."""
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        user_id = None
        if username.strip():
            with self._s.uow(writer=False) as uow:
                user_id = uow.session.scalar(select(User.id).where(User.username == username.strip().lower()))
            if user_id is None:
                raise ValidationError("user.not_found", field="username")
        case_id = None
        if tracking.strip():
            case_id = self._s.cases.case_id_by_tracking(tracking)
            if case_id is None:
                raise ValidationError("case.not_found", field="tracking")
        if first_day and last_day:
            check_range(first_day, last_day)
        return self._s.audit.list_entries(
            actor, user_id=user_id, action_prefix=action_prefix.strip() or None, entity_id=case_id,
            since=tehran_day_start(first_day) if first_day else None,
            until=tehran_day_start(last_day + dt.timedelta(days=1)) if last_day else None, limit=limit,
        )  # fmt: skip

    def verify(self, actor: Actor) -> ChainVerdict:
        """Check every workstation's chain held here; the first broken link found, with the entry as stored now."""
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        with self._s.uow(writer=False) as uow:
            numbers = sorted(set(uow.session.scalars(select(AuditEntry.workstation_no).distinct())))
        mine = self._s.workstation_no
        numbers = sorted(set(numbers) | {mine}, key=lambda n: (n != mine, n))
        last_ok: ChainReport | None = None
        for number in numbers:
            report = self._s.audit.verify_chain(number)
            if not report.ok:
                broken = None
                with self._s.uow(writer=False) as uow:
                    row = uow.session.get(AuditEntry, (number, report.first_broken_seq))
                    if row is not None:
                        broken = _line(row)
                return ChainVerdict(report, number, broken, tuple(numbers))
            if number == mine:
                last_ok = report
        assert last_ok is not None
        total = sum(self._s.audit.verify_chain(n).checked for n in numbers if n != mine) + last_ok.checked
        return ChainVerdict(ChainReport(True, total, None, ""), mine, None, tuple(numbers))

    def export_entries(self, actor: Actor, lines: Sequence[AuditLine], fmt: str, path: Path) -> Path:
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        if fmt not in ("csv", "xlsx"):
            raise ValidationError("audit_views.format", field="format")
        from app.domain.dates import format_jalali_datetime

        table = [(
            "رویدادهای ثبت‌شده", ["ایستگاه", "ردیف", "زمان", "کاربر", "اقدام", "موضوع", "شناسه", "هش"],
            [[e.workstation_no, e.seq, format_jalali_datetime(e.at), e.username, e.action, e.entity, e.entity_id,
              e.hash] for e in lines],
        )]  # fmt: skip
        if fmt == "xlsx":
            write_xlsx(path, "گزارش رویدادهای سامانه", f"{len(lines)} رویداد", table)
        else:
            write_csv(path, f"{len(lines)} رویداد", table)
        with self._s.uow() as uow:
            self._s.audit.record(uow.session, actor, "audit.exported", "audit", "", {"format": fmt, "rows": len(lines)})
            uow.commit()
        return path

    # -- staff performance ------------------------------------------------------------------------------------------
    def staff_performance(self, actor: Actor, first_day: dt.date, last_day: dt.date) -> list[StaffLine]:
        """Per staff member over the cases active in the period: cases handled, actions, office hours per case,
        returns (``return_*`` actions) and cases they finished that were reopened."""
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        check_range(first_day, last_day)
        lo, hi = tehran_day_start(first_day), tehran_day_start(last_day + dt.timedelta(days=1))
        with self._s.uow(writer=False) as uow:
            ids = select(CaseEvent.case_id).where(CaseEvent.at >= lo, CaseEvent.at < hi).distinct()
            workflows = dict(uow.session.execute(select(Case.id, Case.workflow_id).where(Case.id.in_(ids))).all())
            events = uow.session.scalars(
                select(CaseEvent).where(CaseEvent.case_id.in_(ids)).order_by(CaseEvent.case_id, CaseEvent.seq)
            ).all()
        grouped: dict[str, dict[str, list[CaseEvent]]] = defaultdict(lambda: defaultdict(list))
        for e in events:
            if e.case_id in workflows:
                grouped[workflows[e.case_id]][e.case_id].append(e)
        totals: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0, 0])
        for workflow_id, cases in grouped.items():
            stats = progress.staff_performance({c: route_events(evs) for c, evs in cases.items()}, self._s.calendar,
                                               final_states=final_states(workflow_id))  # fmt: skip
            for user, st in stats.items():
                t = totals[user]
                t[0] += st.cases_handled
                t[1] += st.actions
                t[2] += st.mean_minutes_per_case * st.cases_handled
                t[3] += st.returns
                t[4] += st.reopened
        lines = [
            StaffLine(user, int(t[0]), int(t[1]), (t[2] / t[0] / 60) if t[0] else 0.0, int(t[3]), int(t[4]))
            for user, t in totals.items()
        ]
        lines.sort(key=lambda s: (-s.cases_handled, s.user_name))
        return lines

    # -- complaints and disputes -------------------------------------------------------------------------------------
    def staff(self) -> list[tuple[str, str]]:
        """(user id, name) of active staff, for the complaint form."""
        with self._s.uow(writer=False) as uow:
            rows = uow.session.execute(
                select(User.id, User.full_name).where(User.active.is_(True), User.deleted.is_(False))
                .order_by(User.full_name)
            ).all()  # fmt: skip
        return [(r[0], r[1]) for r in rows]

    def register_complaint(
        self, actor: Actor, *, kind: str, description: str, complainant_name: str = "", tracking: str = "",
        staff_user_id: str | None = None,
    ) -> ComplaintSaved:  # fmt: skip
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        errors: dict[str, str] = {}
        if kind not in COMPLAINT_KINDS:
            errors["kind"] = "complaint.kind"
        text = required_text(description, "description", errors, "complaint.description_required")
        case_id = None
        if tracking.strip():
            case_id = self._s.cases.case_id_by_tracking(tracking)
            if case_id is None:
                errors["tracking"] = "case.not_found"
        if kind == "misconduct" and not staff_user_id:
            errors["staff"] = "complaint.unknown_staff"
        fail(errors)
        with self._s.uow() as uow:
            session = uow.session
            if staff_user_id and session.get(User, staff_user_id) is None:
                raise ValidationError("complaint.unknown_staff", field="staff")
            row = Complaint(kind=kind, case_id=case_id, staff_user_id=staff_user_id or None,
                            complainant_name=normalize(complainant_name).strip(), description=text,
                            status="registered", registered_by_id=actor.user_id, registered_at=self._s.now())  # fmt: skip
            new_row(self._s, session, actor, row, "complaint", "complaint.registered",
                    {"kind": kind, "case_id": case_id or "", "staff_user_id": staff_user_id or ""})  # fmt: skip
            uow.commit()
            return ComplaintSaved(row.id, Changes(entities=frozenset({"complaint"})))

    def _complaint(self, session: Session, complaint_id: str) -> Complaint:
        row = session.get(Complaint, complaint_id)
        if row is None or row.deleted:
            raise NotFoundError("complaint.not_found", complaint_id=complaint_id)
        return row

    def investigate(self, actor: Actor, complaint_id: str, findings: str) -> ComplaintSaved:
        """registered → investigating, with the first findings."""
        return self._advance(actor, complaint_id, "registered", "investigating", "findings", findings,
                             "complaint.findings_required", "complaint.investigating")  # fmt: skip

    def resolve(self, actor: Actor, complaint_id: str, resolution: str) -> ComplaintSaved:
        """investigating → resolved, with how it was settled."""
        return self._advance(actor, complaint_id, "investigating", "resolved", "resolution", resolution,
                             "complaint.resolution_required", "complaint.resolved")  # fmt: skip

    def _advance(self, actor: Actor, complaint_id: str, from_status: str, to_status: str, field: str, value: str,
                 required_code: str, action: str) -> ComplaintSaved:  # fmt: skip
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        errors: dict[str, str] = {}
        text = required_text(value, field, errors, required_code)
        fail(errors)
        with self._s.uow() as uow:
            session = uow.session
            row = self._complaint(session, complaint_id)
            if row.status != from_status:
                raise DomainError("complaint.wrong_status", status=row.status)
            row.status = to_status
            setattr(row, field, text)
            changed = ["status", field]
            if to_status == "investigating":
                row.investigator_id = actor.user_id
                changed.append("investigator_id")
            if to_status == "resolved":
                row.resolved_at = self._s.now()
                changed.append("resolved_at")
            touch_row(self._s, session, actor, row, "complaint", changed, action, {"status": to_status})
            uow.commit()
            return ComplaintSaved(row.id, Changes(entities=frozenset({"complaint"})))

    def complaints(self, actor: Actor, *, status: str = "") -> list[ComplaintLine]:
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        query = (
            select(Complaint, Case.tracking_number, User.full_name)
            .outerjoin(Case, Case.id == Complaint.case_id)
            .outerjoin(User, User.id == Complaint.staff_user_id)
            .where(Complaint.deleted.is_(False))
            .order_by(Complaint.registered_at.desc())
        )
        if status:
            query = query.where(Complaint.status == status)
        with self._s.uow(writer=False) as uow:
            return [
                ComplaintLine(c.id, c.kind, c.status, tn or "", staff or "", c.complainant_name, c.description,
                              c.findings, c.resolution, c.registered_at, c.resolved_at, c.version)
                for c, tn, staff in uow.session.execute(query)
            ]  # fmt: skip

    # -- personal data ---------------------------------------------------------------------------------------------
    def personal_data_views(self, actor: Actor, first_day: dt.date, last_day: dt.date) -> list[ViewLine]:
        """Who viewed which citizens' personal data (searches by national ID, mobile or legal ID; look-ups; a case's
        applicant opened), newest first."""
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        check_range(first_day, last_day)
        entries = self._range(first_day, last_day, actions=(PERSONAL_VIEW,))
        ids = {pid for e in entries for pid in _person_ids(e)}
        with self._s.uow(writer=False) as uow:
            names = _person_names(uow.session, ids)
            users = dict(uow.session.execute(select(User.id, User.full_name)).all())
        return [
            ViewLine(e.at, users.get(e.user_id, e.username), str(e.details.get("by", "")),
                     "، ".join(names.get(p, "?") for p in _person_ids(e)), int(e.details.get("hits", 0) or 0))
            for e in sorted(entries, key=lambda e: (e.at, e.seq), reverse=True)
        ]  # fmt: skip

    def _range(self, first_day: dt.date, last_day: dt.date, actions: Iterable[str] | None = None) -> list[AuditEntry]:
        lo, hi = tehran_day_start(first_day), tehran_day_start(last_day + dt.timedelta(days=1))
        query = select(AuditEntry).where(AuditEntry.at >= lo, AuditEntry.at < hi)
        if actions is not None:
            query = query.where(AuditEntry.action.in_(list(actions)))
        with self._s.uow(writer=False) as uow:
            return list(uow.session.scalars(query.order_by(AuditEntry.at)))

    # -- alerts ------------------------------------------------------------------------------------------------------
    def alerts(self, actor: Actor, first_day: dt.date, last_day: dt.date) -> list[AlertLine]:
        """Unusual patterns in the period: many personal-data views outside one's units, work at odd hours, repeated
        reprints of the same certificate. They flag for a person to look at; nobody is blocked."""
        require_roles(actor, AUDIT_UNIT_ROLES, "audit_views.forbidden")
        check_range(first_day, last_day)
        entries = self._range(first_day, last_day)
        with self._s.uow(writer=False) as uow:
            session = uow.session
            roles: dict[str, set[str]] = defaultdict(set)
            for uid, role in session.execute(
                select(UserRole.user_id, UserRole.role).where(UserRole.deleted.is_(False))
            ):
                roles[uid].add(role)
            users = dict(session.execute(select(User.id, User.full_name)).all())
            viewed = {pid for e in entries if e.action == PERSONAL_VIEW for pid in _person_ids(e)}
            person_unit = _units_of_persons(session, viewed)
        units = {uid: frozenset(units_of_roles(r)) for uid, r in roles.items()}
        patterns: list[ap.AuditEntry] = []
        for e in entries:
            mine = units.get(e.user_id, frozenset())
            if e.action == PERSONAL_VIEW:
                for pid in _person_ids(e):
                    patterns.append(ap.AuditEntry(e.at, e.user_id, "person.view", mine, person_unit.get(pid), pid))
            elif e.action in REPRINTS:
                subject = f"{e.details.get('document', '')}:{e.details.get('document_key', '') or e.entity_id}"
                patterns.append(ap.AuditEntry(e.at, e.user_id, "certificate.reprint", mine, None, subject, e.entity_id))
            elif e.user_id:
                patterns.append(ap.AuditEntry(e.at, e.user_id, e.action, mine))
        found = ap.detect_all(patterns, self._s.calendar)
        lines = []
        for alert in found:
            name = users.get(alert.user, alert.user)
            params = {**{k: v for k, v in alert.details.items()}, "user": name, "count": alert.count}
            if "day" in params:
                from app.domain.dates import format_jalali

                params["day"] = format_jalali(dt.date.fromisoformat(str(params["day"])))
            if "certificate" in params:
                params["certificate"] = str(params["certificate"]).split(":", 1)[-1]
            template = RULE_MESSAGES.get(alert.code, alert.code)
            text = template.format_map(defaultdict(str, {k: to_persian_digits(str(v)) for k, v in params.items()}))
            lines.append(AlertLine(alert.code, text, name, alert.first_at, alert.last_at, alert.count))
        return lines


def _person_ids(entry: AuditEntry) -> list[str]:
    ids = entry.details.get("person_ids")
    if isinstance(ids, list) and ids:
        return [str(i) for i in ids]
    return [entry.entity_id] if entry.entity == "person" and entry.entity_id else []


def _person_names(session: Session, ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    items = sorted(ids)
    for i in range(0, len(items), 500):
        for p in session.scalars(select(Person).where(Person.id.in_(items[i : i + 500]))):
            out[p.id] = p.display_name
    return out


def _units_of_persons(session: Session, ids: set[str]) -> dict[str, str]:
    """The unit holding each person's newest case (the record whose data was viewed)."""
    out: dict[str, str] = {}
    items = sorted(ids)
    for i in range(0, len(items), 500):
        rows = session.execute(
            select(Case.applicant_id, Case.unit)
            .where(Case.applicant_id.in_(items[i : i + 500]))
            .order_by(Case.opened_at)
        )
        for pid, unit in rows:
            out[pid] = unit
    return out
