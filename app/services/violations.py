"""Violation review (بررسی خلاف): violation records, registry letters, Article 100 rulings and objections, and the
fire-safety company, all kept in the case's ``facts`` so they travel with the case when it syncs.

Every write is one transaction: the facts change, the workflow action (when the step moves the case) through the
engine, the outbox entries and the audit entry commit together or not at all.

The guard facts stay consistent with ``app.domain.workflows.guards``: ``open_violations`` holds the ids of the open
violation records of the case, and the same ids are copied to every other open case of the same property (a
certificate of no violation or a completion certificate), whose ``no_open_violations`` guard then refuses to move
until the violation is closed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import workflows as wf
from app.domain.dates import format_jalali
from app.domain.errors import DomainError, ValidationError
from app.domain.rules.common import RuleError, decimal_text
from app.domain.rules.violations import (
    DEFAULT_OBJECTION_DAYS,
    RULING_TITLES_FA,
    VIOLATION_KINDS,
    AppealOutcome,
    Ruling,
    RulingOutcome,
    Violation,
    objection_can_be_filed,
    objection_status,
    violation_info,
)
from app.domain.text import normalize, to_persian_digits
from app.domain.workflows import Actor
from app.domain.workflows.guards import FACT_OPEN_VIOLATIONS
from app.models import Case, Person, Property, Setting, StoredFile, User, uuid7
from app.services.common import OFFICE_HEAD, Area, get_case_row
from app.services.dto import Changes
from app.services.outbox import enqueue_action, enqueue_upsert
from app.services.workflow_ops import move_case, snapshot_of, store_event

EXPERT = "violation.expert"
HEAD = "violation.head"
VIOLATION_ROLES = frozenset({EXPERT, HEAD, OFFICE_HEAD})
# The inspector records what the visit found; the office head sends it on to this unit.
RECORDING_ROLES = VIOLATION_ROLES | {"inspection.inspector", "inspection.head"}
OBJECTION_DAYS_SETTING = "violation.objection_days"

# Keys in Case.facts.
K_VIOLATIONS = "violations"
K_LETTERS = "registry_letters"
K_RULING = "article100"
K_FIRE = "fire_company"
OBSERVED_FACT = "violations_observed"  # written by the inspection service: [{kind, area_m2, note}]

MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024
ATTACHMENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                    ".tif": "image/tiff", ".tiff": "image/tiff"}  # fmt: skip

MESSAGES_FA: Mapping[str, str] = {
    "violation.not_allowed": "این کار فقط از کارشناس یا رئیس واحد بررسی خلاف برمی‌آید (نقش لازم: {roles}).",
    "violation.not_found": "این تخلف در پرونده ثبت نشده است.",
    "violation.closed": "این تخلف پیش‌تر رفع و بسته شده است.",
    "violation.unknown_kind": "نوع تخلف را انتخاب کنید.",
    "violation.whole_spaces": "کسری پارکینگ به عدد صحیح (تعداد واحد پارکینگ) وارد می‌شود.",
    "violation.close_note": "شرح رفع تخلف (چگونه رفع شد) را بنویسید.",
    "rules.not_positive": "مقدار {field} باید بزرگ‌تر از صفر باشد.",
    "rules.not_a_number": "مقدار {field} را به عدد وارد کنید.",
    "rules.negative": "مقدار {field} نمی‌تواند منفی باشد.",
    "letter.number_required": "شماره نامه اداره ثبت را وارد کنید.",
    "letter.subject_required": "موضوع نامه را وارد کنید.",
    "letter.future_date": "تاریخ نامه نمی‌تواند بعد از امروز باشد.",
    "letter.not_found": "این نامه در پرونده ثبت نشده است.",
    "letter.not_reviewed": "نامه هنوز بررسی نشده است؛ نخست نتیجه بررسی را ثبت کنید.",
    "letter.review_required": "نتیجه بررسی نامه را بنویسید.",
    "letter.answered": "به این نامه پیش‌تر پاسخ داده شده است.",
    "letter.reply_required": "شماره و متن پاسخ نامه را وارد کنید.",
    "violation.ruling_number": "شماره رای کمیسیون ماده صد را وارد کنید.",
    "violation.served_before_ruling": "تاریخ ابلاغ نمی‌تواند پیش از تاریخ صدور رای باشد.",
    "violation.fine_mismatch": "مبلغ جریمه فقط برای رای جریمه وارد می‌شود و برای آن لازم است.",
    "ruling.future_date": "تاریخ رای یا ابلاغ نمی‌تواند بعد از امروز باشد.",
    "ruling.unknown_outcome": "نتیجه رای را انتخاب کنید.",
    "ruling.missing": "رای کمیسیون ماده صد هنوز در پرونده ثبت نشده است؛ نخست شماره، تاریخ و ابلاغ رای را ثبت کنید.",
    "ruling.objection_sent": "اعتراض به این رای پیش‌تر ارسال شده است و تغییر نمی‌کند.",
    "objection.nothing_to_object": "رای برائت است و اعتراضی به آن از سوی مالک ثبت نمی‌شود.",
    "objection.text_required": "متن لایحه اعتراض را بنویسید.",
    "objection.not_sent": "اعتراض هنوز ارسال نشده است.",
    "article100.objection_late": "مهلت اعتراض ({days} روز از ابلاغ) در تاریخ {deadline} به پایان رسیده است؛ اعتراض ثبت نمی‌شود.",
    "attachment.missing": "فایل پیوست پیدا نشد: {name}",
    "attachment.type": "پیوست باید PDF یا تصویر (JPG، PNG، TIFF) باشد: {name}",
    "attachment.too_large": "فایل پیوست بزرگ‌تر از ۳۰ مگابایت است: {name}",
    "appeal.unknown_outcome": "نتیجه رای تجدیدنظر را انتخاب کنید.",
    "appeal.note_required": "خلاصه رای تجدیدنظر را بنویسید.",
    "fire_company.name_required": "نام شرکت ایمنی و آتش‌نشانی را وارد کنید.",
    "fire_company.registration_required": "شماره ثبت شرکت را وارد کنید.",
    "fire_company.licence_required": "شماره مجوز فعالیت شرکت را وارد کنید.",
    "fire_company.licence_expired": "مجوز فعالیت شرکت در تاریخ {expiry} منقضی شده است.",
    "objection_days.invalid": "مهلت اعتراض باید بین ۱ تا ۶۰ روز باشد.",
    "auth.forbidden": "شما اجازه این کار را ندارید (نقش لازم: {roles}).",
}  # fmt: skip


def message_fa(error: DomainError) -> str:
    """The Persian sentence of an error these units' services raise: ours first, then the services', the rules' and
    the domain's tables (workflow refusals name what is missing)."""
    from app.domain.rules import messages_fa as rules_messages
    from app.services import messages_fa as service_messages
    from app.services import plans

    template = MESSAGES_FA.get(error.code) or plans.MESSAGES_FA.get(error.code)
    if template is None:
        if error.code in service_messages.MESSAGES:
            return service_messages.message_fa(error)
        return rules_messages.message_fa(error)
    params: dict[str, str] = {}
    for key, value in error.params.items():
        if isinstance(value, list | tuple | set | frozenset):
            params[key] = "، ".join(to_persian_digits(v) for v in value)
        else:
            params[key] = to_persian_digits(value)
    params.setdefault("roles", params.get("roles_needed", ""))
    field = str(error.params.get("field") or getattr(error, "field", None) or "")
    params["field"] = FIELD_TITLES.get(field, field)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


FIELD_TITLES: Mapping[str, str] = {
    "quantity": "مساحت یا تعداد",
    "fine_rials": "مبلغ جریمه",
    "land_area_m2": "مساحت زمین",
    "max_density_percent": "تراکم",
    "max_coverage_percent": "سطح اشغال",
    "max_floors": "تعداد طبقات",
    "parking_per_unit": "پارکینگ هر واحد",
    "max_height_m": "حداکثر ارتفاع",
}

ROLE_TITLES_FA: Mapping[str, str] = {
    EXPERT: "کارشناس بررسی خلاف",
    HEAD: "رئیس واحد بررسی خلاف",
    OFFICE_HEAD: "رئیس دفتر",
    "inspection.inspector": "مامور بازدید",
    "inspection.head": "رئیس بازدید",
    "plan_approval.expert": "کارشناس تایید نقشه",
    "plan_approval.head": "رئیس واحد تایید نقشه",
    "liaison.liaison": "رابط شهرداری",
    "admin": "مدیر سامانه",
}


def require_any(actor: Actor, roles: Iterable[str], code: str) -> None:
    wanted = sorted(set(roles))
    if not actor.has_any_role(wanted):
        raise DomainError(code, roles_needed=[ROLE_TITLES_FA.get(r, r) for r in wanted])


def clean_text(value: str | None) -> str:
    return normalize(value or "").strip()


def not_future(day: dt.date, today: dt.date, code: str, field: str) -> None:
    if day > today:
        raise ValidationError(code, field=field)


# ---------------------------------------------------------------------------------------------------------------------
# What the tab shows


@dataclass(frozen=True, slots=True)
class ViolationLine:
    id: str
    kind: str
    kind_title: str
    quantity: str
    measure: str
    note: str
    status: str  # open | closed
    recorded_at: str
    recorded_by: str
    closed_note: str = ""


@dataclass(frozen=True, slots=True)
class LetterLine:
    id: str
    number: str
    letter_date: dt.date
    subject: str
    status: str  # received | reviewed | answered
    finding: str
    mismatch: bool
    reply_number: str
    reply_date: dt.date | None
    reply_text: str


@dataclass(frozen=True, slots=True)
class RulingView:
    number: str
    ruled_on: dt.date
    served_on: dt.date
    outcome: str
    outcome_title: str
    fine_rials: int
    deadline: dt.date
    days_left: int
    expired: bool
    objection_text: str
    attachments: tuple[tuple[str, str], ...]  # (sha256, file name)
    objection_sent_on: dt.date | None
    appeal_outcome: str
    appeal_note: str


@dataclass(frozen=True, slots=True)
class FireCompany:
    name: str
    registration_number: str
    licence_number: str
    licence_expiry: dt.date | None
    phone: str


@dataclass(frozen=True, slots=True)
class ViolationFile:
    case_id: str
    tracking_number: str
    service_code: str
    service_name: str
    workflow_id: str
    state: str
    state_title: str
    version: int
    applicant_name: str
    property_id: str | None
    violations: tuple[ViolationLine, ...]
    letters: tuple[LetterLine, ...]
    ruling: RulingView | None
    fire_company: FireCompany | None
    objection_days: int

    @property
    def open_violations(self) -> tuple[ViolationLine, ...]:
        return tuple(v for v in self.violations if v.status == "open")


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    case_id: str
    tracking_number: str
    applicant_name: str
    ruling_number: str
    served_on: dt.date
    deadline: dt.date
    days_left: int
    expired: bool
    objection_sent: bool


def _date(value: object) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


# ---------------------------------------------------------------------------------------------------------------------
# The shared write path of the journey's services


class JourneyArea(Area):
    """What the violation and plan services share: saving facts and applying an action in one transaction."""

    def _save_facts(
        self, session: Session, actor: Actor, case: Case, facts: dict[str, Any], audit_action: str,
        details: Mapping[str, Any],
    ) -> None:  # fmt: skip
        stamp = self._s.stamp()
        case.facts = facts  # a new dict: SQLAlchemy sees the change
        case.version += 1
        case.hlc = stamp
        case.dirty = True
        case.updated_at = self._s.now()
        session.flush()
        enqueue_upsert(session, "case_file", case, ["facts"], stamp)
        self._s.audit.record(session, actor, audit_action, "case", case.id,
                             {"tracking_number": case.tracking_number, **details})  # fmt: skip

    def _apply(
        self, session: Session, actor: Actor, case: Case, action: str, *, note: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> None:  # fmt: skip
        """The workflow step, as ``CaseService.apply_action`` does it, inside the caller's transaction."""
        workflow = wf.get_workflow(case.workflow_id)
        now = self._s.now()
        event = wf.apply(workflow, snapshot_of(session, case), actor, action, at=now,
                         workstation_id=str(self._s.workstation_no), note=note, data=data)  # fmt: skip
        stamp = self._s.stamp()
        row = store_event(session, self._s, case, event, unit=workflow.state(event.to_state).unit, stamp=stamp)
        move_case(self._s, case, event, stamp=stamp)
        session.flush()
        enqueue_action(
            session, case_id=case.id, action=action, from_state=event.from_state, to_state=event.to_state,
            base_version=event.version, event_id=row.id, event_seq=row.seq, note=event.note,
            assignee_id=event.assignee_id, hlc=stamp, at=now, actor_id=actor.user_id,
            workstation_no=self._s.workstation_no, data=row.data,
        )  # fmt: skip
        self._s.audit.record(
            session, actor, "case.action", "case", case.id,
            {"tracking_number": case.tracking_number, "action": action, "from_state": event.from_state,
             "to_state": event.to_state, "version": case.version, "assignee_id": event.assignee_id},
        )  # fmt: skip

    def _check_action(self, session: Session, actor: Actor, case: Case, action: str, note: str | None = None) -> None:
        """Refuse (with the engine's reason) before anything is written."""
        wf.check_action(wf.get_workflow(case.workflow_id), snapshot_of(session, case), actor, action, note=note)

    def _user_name(self, session: Session, actor: Actor) -> str:
        user = session.get(User, actor.user_id)
        return user.full_name if user is not None else actor.full_name

    def office_info(self) -> Any:
        from app.printing.data import OfficeInfo

        name = self._s.setting("office_name") or f"دفتر خدمات الکترونیک شهر {to_persian_digits(self._s.office_code)}"
        address = self._s.setting("office_address") or ""
        return OfficeInfo(name=str(name), code=self._s.office_code, address=str(address))

    def _case_heading(self, session: Session, case: Case) -> tuple[str, str]:
        """(applicant name, property address) for letters."""
        person = session.get(Person, case.applicant_id)
        prop = session.get(Property, case.property_id) if case.property_id else None
        return (person.display_name if person else case.applicant_name), (prop.address if prop else "")


# ---------------------------------------------------------------------------------------------------------------------


class ViolationService(JourneyArea):
    # -- reading -------------------------------------------------------------------------------------------------------
    def objection_days(self) -> int:
        value = self._s.setting(OBJECTION_DAYS_SETTING, DEFAULT_OBJECTION_DAYS)
        return value if isinstance(value, int) and 1 <= value <= 60 else DEFAULT_OBJECTION_DAYS

    def get_file(self, actor: Actor, case_id: str) -> ViolationFile:
        days = self.objection_days()
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            facts = dict(case.facts or {})
            return ViolationFile(
                case_id=case.id, tracking_number=case.tracking_number, service_code=case.service_code,
                service_name=self.service_name(case.service_code), workflow_id=case.workflow_id, state=case.state,
                state_title=self.state_title(case.workflow_id, case.state), version=case.version,
                applicant_name=case.applicant_name, property_id=case.property_id,
                violations=tuple(self._violation_line(v) for v in facts.get(K_VIOLATIONS) or ()),
                letters=tuple(self._letter_line(v) for v in facts.get(K_LETTERS) or ()),
                ruling=self._ruling_view(facts.get(K_RULING), days), fire_company=self._fire(facts.get(K_FIRE)),
                objection_days=days,
            )  # fmt: skip

    @staticmethod
    def _violation_line(v: Mapping[str, Any]) -> ViolationLine:
        info = violation_info(str(v["kind"]))
        return ViolationLine(
            id=str(v["id"]), kind=info.kind.value, kind_title=info.title_fa, quantity=str(v.get("quantity", "")),
            measure=info.measure, note=str(v.get("note", "")), status=str(v.get("status", "open")),
            recorded_at=str(v.get("recorded_at", "")), recorded_by=str(v.get("recorded_by", "")),
            closed_note=str(v.get("closed_note", "")),
        )  # fmt: skip

    @staticmethod
    def _letter_line(v: Mapping[str, Any]) -> LetterLine:
        return LetterLine(
            id=str(v["id"]), number=str(v.get("number", "")), letter_date=_date(v.get("date")) or dt.date.min,
            subject=str(v.get("subject", "")), status=str(v.get("status", "received")),
            finding=str(v.get("finding", "")), mismatch=bool(v.get("mismatch", False)),
            reply_number=str(v.get("reply_number", "")), reply_date=_date(v.get("reply_date")),
            reply_text=str(v.get("reply_text", "")),
        )  # fmt: skip

    def _ruling_view(self, r: object, days: int) -> RulingView | None:
        if not isinstance(r, Mapping) or not r.get("number"):
            return None
        served = _date(r.get("served_on"))
        ruled = _date(r.get("ruled_on"))
        assert served is not None and ruled is not None
        status = objection_status(served, self._s.today(), days=days, calendar=self._s.calendar)
        objection = r.get("objection") or {}
        outcome = str(r.get("outcome", ""))
        return RulingView(
            number=str(r["number"]), ruled_on=ruled, served_on=served, outcome=outcome,
            outcome_title=RULING_TITLES_FA.get(outcome, outcome), fine_rials=int(r.get("fine_rials") or 0),
            deadline=status.deadline, days_left=status.days_left, expired=status.expired,
            objection_text=str(objection.get("text", "")),
            attachments=tuple((str(a["sha256"]), str(a["name"])) for a in objection.get("attachments") or ()),
            objection_sent_on=_date(objection.get("sent_on")), appeal_outcome=str(r.get("appeal_outcome", "")),
            appeal_note=str(r.get("appeal_note", "")),
        )  # fmt: skip

    @staticmethod
    def _fire(v: object) -> FireCompany | None:
        if not isinstance(v, Mapping) or not v.get("name"):
            return None
        return FireCompany(str(v["name"]), str(v.get("registration_number", "")), str(v.get("licence_number", "")),
                           _date(v.get("licence_expiry")), str(v.get("phone", "")))  # fmt: skip

    def objection_deadlines(self, actor: Actor) -> list[DeadlineRow]:
        """Every open case of the unit with a recorded ruling: the objection countdown, the passed ones first."""
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        days = self.objection_days()
        today = self._s.today()
        rows: list[DeadlineRow] = []
        with self._s.uow(writer=False) as uow:
            cases = uow.session.scalars(
                select(Case).where(Case.unit == "violation", Case.closed_at.is_(None), Case.deleted.is_(False))
            )
            for case in cases:
                r = (case.facts or {}).get(K_RULING)
                if not isinstance(r, Mapping) or not r.get("served_on"):
                    continue
                served = _date(r["served_on"])
                assert served is not None
                status = objection_status(served, today, days=days, calendar=self._s.calendar)
                sent = bool((r.get("objection") or {}).get("sent_on"))
                rows.append(DeadlineRow(case.id, case.tracking_number, case.applicant_name, str(r.get("number", "")),
                                        served, status.deadline, status.days_left, status.expired, sent))  # fmt: skip
        rows.sort(key=lambda d: (d.objection_sent, d.deadline))
        return rows

    def open_violation_ids_of_property(self, property_id: str) -> list[str]:
        """Ids of the open violation records of every case of a property (for other units' checks)."""
        with self._s.uow(writer=False) as uow:
            found: set[str] = set()
            for facts in uow.session.scalars(
                select(Case.facts).where(Case.property_id == property_id, Case.deleted.is_(False))
            ):
                for v in (facts or {}).get(K_VIOLATIONS) or ():
                    if v.get("status") == "open":
                        found.add(str(v["id"]))
            return sorted(found)

    # -- violation records ---------------------------------------------------------------------------------------------
    def add_violation(self, actor: Actor, case_id: str, kind: str, quantity: object, note: str = "") -> str:
        require_any(actor, RECORDING_ROLES, "violation.not_allowed")
        checked = self._checked_violation(kind, quantity, note)
        new_id = uuid7()
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            items = [dict(v) for v in facts.get(K_VIOLATIONS) or ()]
            items.append({
                "id": new_id, "kind": checked.kind.value, "quantity": decimal_text(checked.quantity),
                "note": checked.note, "status": "open", "recorded_at": self._s.now().isoformat(),
                "recorded_by": self._user_name(session, actor),
            })  # fmt: skip
            facts[K_VIOLATIONS] = items
            self._store_violations(session, actor, case, facts, "violation.added",
                                   {"violation_id": new_id, "kind": checked.kind.value,
                                    "quantity": decimal_text(checked.quantity)})  # fmt: skip
            uow.commit()
        return new_id

    def import_observed(self, actor: Actor, case_id: str) -> int:
        """Turn the violations the inspector observed (``violations_observed``) into open records; returns how many.

        Observed items already imported (same kind, quantity and note) are not imported twice.
        """
        require_any(actor, RECORDING_ROLES, "violation.not_allowed")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            items = [dict(v) for v in facts.get(K_VIOLATIONS) or ()]
            seen = {(v.get("kind"), v.get("quantity"), v.get("note")) for v in items}
            added = 0
            for observed in facts.get(OBSERVED_FACT) or ():
                kind = str(observed.get("kind", ""))
                area = observed.get("area_m2")
                if kind not in {k.value for k in VIOLATION_KINDS}:
                    continue
                measure = violation_info(kind).measure
                raw = area if area not in (None, "", 0) else 1
                quantity = decimal_text(Decimal(str(raw)))
                if measure == "spaces":
                    quantity = str(max(1, int(Decimal(quantity))))
                key = (kind, quantity, clean_text(str(observed.get("note", ""))))
                if key in seen:
                    continue
                seen.add(key)
                items.append({"id": uuid7(), "kind": kind, "quantity": quantity, "note": key[2], "status": "open",
                              "recorded_at": self._s.now().isoformat(), "recorded_by": "بازدید",
                              "source": "inspection"})  # fmt: skip
                added += 1
            if not added:
                return 0
            facts[K_VIOLATIONS] = items
            self._store_violations(session, actor, case, facts, "violation.imported", {"count": added})
            uow.commit()
        return added

    def edit_violation(
        self, actor: Actor, case_id: str, violation_id: str, kind: str, quantity: object, note: str = ""
    ) -> Changes:
        require_any(actor, RECORDING_ROLES, "violation.not_allowed")
        checked = self._checked_violation(kind, quantity, note)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            items = [dict(v) for v in facts.get(K_VIOLATIONS) or ()]
            item = self._find(items, violation_id, "violation.not_found")
            if item.get("status") != "open":
                raise ValidationError("violation.closed", field="violation")
            item.update(kind=checked.kind.value, quantity=decimal_text(checked.quantity), note=checked.note)
            facts[K_VIOLATIONS] = items
            self._store_violations(session, actor, case, facts, "violation.edited",
                                   {"violation_id": violation_id, "kind": checked.kind.value,
                                    "quantity": decimal_text(checked.quantity)})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def close_violation(self, actor: Actor, case_id: str, violation_id: str, note: str) -> Changes:
        """The violation is settled (remedied, demolished, fined and paid): it no longer blocks certificates."""
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        note = clean_text(note)
        if not note:
            raise ValidationError("violation.close_note", field="note")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            items = [dict(v) for v in facts.get(K_VIOLATIONS) or ()]
            item = self._find(items, violation_id, "violation.not_found")
            if item.get("status") != "open":
                raise ValidationError("violation.closed", field="violation")
            item.update(status="closed", closed_note=note, closed_at=self._s.now().isoformat(),
                        closed_by=self._user_name(session, actor))  # fmt: skip
            facts[K_VIOLATIONS] = items
            self._store_violations(session, actor, case, facts, "violation.closed",
                                   {"violation_id": violation_id, "note": note})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    @staticmethod
    def _checked_violation(kind: str, quantity: object, note: str) -> Violation:
        if not kind or kind not in {k.value for k in VIOLATION_KINDS}:
            raise RuleError("violation.unknown_kind", field="kind", kind=str(kind))
        if isinstance(quantity, str):
            quantity = quantity.strip().translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"))
        return Violation(kind, quantity if not isinstance(quantity, float) else Decimal(str(quantity)),  # type: ignore[arg-type]
                         clean_text(note))  # fmt: skip

    @staticmethod
    def _find(items: Sequence[dict[str, Any]], item_id: str, code: str) -> dict[str, Any]:
        for item in items:
            if item.get("id") == item_id:
                return item
        raise ValidationError(code, field="id")

    def _store_violations(
        self, session: Session, actor: Actor, case: Case, facts: dict[str, Any], audit_action: str,
        details: Mapping[str, Any],
    ) -> None:  # fmt: skip
        """Save the records, keep ``open_violations`` in step on this case and on the property's other open cases."""
        items = facts.get(K_VIOLATIONS) or ()
        mine = {str(v["id"]) for v in items}
        open_ids = sorted(str(v["id"]) for v in items if v.get("status") == "open")
        facts[FACT_OPEN_VIOLATIONS] = _merged_ids(facts.get(FACT_OPEN_VIOLATIONS), mine, open_ids)
        self._save_facts(session, actor, case, facts, audit_action, details)
        if case.property_id is None:
            return
        others = session.scalars(
            select(Case).where(Case.property_id == case.property_id, Case.id != case.id, Case.closed_at.is_(None),
                               Case.deleted.is_(False))
        ).all()  # fmt: skip
        for other in others:
            other_facts = dict(other.facts or {})
            before = other_facts.get(FACT_OPEN_VIOLATIONS)
            if not isinstance(before, list | tuple) and not open_ids:
                continue  # a flag another unit set: nothing of ours to take back
            after = _merged_ids(before, mine, open_ids)
            if list(after) == (list(before) if isinstance(before, list) else before):
                continue
            other_facts[FACT_OPEN_VIOLATIONS] = after
            stamp = self._s.stamp()
            other.facts = other_facts
            other.version += 1
            other.hlc = stamp
            other.dirty = True
            other.updated_at = self._s.now()
            session.flush()
            enqueue_upsert(session, "case_file", other, ["facts"], stamp)

    # -- registry letters ----------------------------------------------------------------------------------------------
    def add_registry_letter(self, actor: Actor, case_id: str, number: str, letter_date: dt.date, subject: str) -> str:
        """A letter of the land registry (ثبت) about a completion certificate that does not match the plans."""
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        number, subject = clean_text(number), clean_text(subject)
        if not number:
            raise ValidationError("letter.number_required", field="number")
        if not subject:
            raise ValidationError("letter.subject_required", field="subject")
        not_future(letter_date, self._s.today(), "letter.future_date", "letter_date")
        new_id = uuid7()
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            facts = dict(case.facts or {})
            letters = [dict(v) for v in facts.get(K_LETTERS) or ()]
            letters.append({"id": new_id, "number": number, "date": letter_date.isoformat(), "subject": subject,
                            "status": "received"})  # fmt: skip
            facts[K_LETTERS] = letters
            self._save_facts(uow.session, actor, case, facts, "registry_letter.received",
                             {"letter_id": new_id, "number": number})  # fmt: skip
            uow.commit()
        return new_id

    def review_registry_letter(
        self, actor: Actor, case_id: str, letter_id: str, finding: str, mismatch: bool
    ) -> Changes:
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        finding = clean_text(finding)
        if not finding:
            raise ValidationError("letter.review_required", field="finding")
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            facts = dict(case.facts or {})
            letters = [dict(v) for v in facts.get(K_LETTERS) or ()]
            letter = self._find(letters, letter_id, "letter.not_found")
            if letter.get("status") == "answered":
                raise ValidationError("letter.answered", field="letter")
            letter.update(status="reviewed", finding=finding, mismatch=bool(mismatch))
            facts[K_LETTERS] = letters
            self._save_facts(uow.session, actor, case, facts, "registry_letter.reviewed",
                             {"letter_id": letter_id, "mismatch": bool(mismatch)})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def reply_registry_letter(
        self, actor: Actor, case_id: str, letter_id: str, reply_number: str, reply_date: dt.date, text: str
    ) -> Changes:
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        reply_number, text = clean_text(reply_number), clean_text(text)
        if not reply_number or not text:
            raise ValidationError("letter.reply_required", field="reply_number" if not reply_number else "reply_text")
        not_future(reply_date, self._s.today(), "letter.future_date", "reply_date")
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            facts = dict(case.facts or {})
            letters = [dict(v) for v in facts.get(K_LETTERS) or ()]
            letter = self._find(letters, letter_id, "letter.not_found")
            if letter.get("status") == "answered":
                raise ValidationError("letter.answered", field="letter")
            if letter.get("status") != "reviewed":
                raise ValidationError("letter.not_reviewed", field="letter")
            letter.update(status="answered", reply_number=reply_number, reply_date=reply_date.isoformat(),
                          reply_text=text)  # fmt: skip
            facts[K_LETTERS] = letters
            self._save_facts(uow.session, actor, case, facts, "registry_letter.answered",
                             {"letter_id": letter_id, "reply_number": reply_number})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def registry_reply_pdf(self, actor: Actor, case_id: str, letter_id: str) -> bytes:
        from app.printing.violation_letters import LetterData, build_letter

        file = self.get_file(actor, case_id)
        letter = next((x for x in file.letters if x.id == letter_id), None)
        if letter is None:
            raise ValidationError("letter.not_found", field="letter")
        if letter.status != "answered" or letter.reply_date is None:
            raise ValidationError("letter.not_reviewed", field="letter")
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            applicant, address = self._case_heading(uow.session, case)
            signer = self._user_name(uow.session, actor)
        data = LetterData(
            office=self.office_info(), title="پاسخ به نامه اداره ثبت اسناد و املاک", letter_date=letter.reply_date,
            recipient="اداره ثبت اسناد و املاک", letter_number=letter.reply_number,
            subject=f"پاسخ نامه شماره {to_persian_digits(letter.number)} مورخ {format_jalali(letter.letter_date)}",
            body=(f"بازگشت به نامه شماره {to_persian_digits(letter.number)} درباره «{letter.subject}»، پرونده ملک {applicant}"
                  + (f" به نشانی {address}" if address else "") + " بررسی شد.", letter.finding, letter.reply_text),
            facts=(("مغایرت پایان کار با نقشه‌های نظام مهندسی", "دارد" if letter.mismatch else "ندارد"),),
            signer_name=signer, signer_title="کارشناس بررسی خلاف", tracking_number=file.tracking_number,
        )  # fmt: skip
        return build_letter(data)

    # -- Article 100 rulings and objections ---------------------------------------------------------------------------
    def record_ruling(
        self, actor: Actor, case_id: str, number: str, ruled_on: dt.date, served_on: dt.date, outcome: str,
        fine_rials: int = 0, note: str = "",
    ) -> Changes:  # fmt: skip
        """The commission's first ruling. A case waiting at the commission moves to «ruling recorded» with it."""
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        try:
            outcome_value = RulingOutcome(outcome)
        except ValueError:
            raise ValidationError("ruling.unknown_outcome", field="outcome") from None
        today = self._s.today()
        not_future(ruled_on, today, "ruling.future_date", "ruled_on")
        not_future(served_on, today, "ruling.future_date", "served_on")
        ruling = Ruling(clean_text(number), ruled_on, served_on, outcome_value, int(fine_rials or 0))
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            old = facts.get(K_RULING) or {}
            if (old.get("objection") or {}).get("sent_on"):
                raise ValidationError("ruling.objection_sent", field="number")
            move = case.state == "at_commission"
            summary = f"رای {ruling.number}: {RULING_TITLES_FA[outcome_value]}"
            if move:
                self._check_action(session, actor, case, "record_ruling", summary)
            facts[K_RULING] = {
                "number": ruling.number, "ruled_on": ruled_on.isoformat(), "served_on": served_on.isoformat(),
                "outcome": outcome_value.value, "fine_rials": ruling.fine_rials, "note": clean_text(note),
                "objection": old.get("objection") or {},
            }  # fmt: skip
            self._save_facts(session, actor, case, facts, "article100.ruling_recorded",
                             {"number": ruling.number, "outcome": outcome_value.value,
                              "served_on": served_on.isoformat()})  # fmt: skip
            if move:
                self._apply(session, actor, case, "record_ruling", note=summary, data={"ruling": ruling.number})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def _ruling_for_objection(self, facts: Mapping[str, Any]) -> dict[str, Any]:
        ruling = facts.get(K_RULING)
        if not isinstance(ruling, Mapping) or not ruling.get("number"):
            raise ValidationError("ruling.missing", field="ruling")
        if not objection_can_be_filed(RulingOutcome(str(ruling["outcome"]))):
            raise ValidationError("objection.nothing_to_object", field="ruling")
        return dict(ruling)

    def _require_in_time(self, ruling: Mapping[str, Any]) -> None:
        served = _date(ruling["served_on"])
        assert served is not None
        days = self.objection_days()
        status = objection_status(served, self._s.today(), days=days, calendar=self._s.calendar)
        if status.expired:
            raise ValidationError("article100.objection_late", field="filed_on",
                                  deadline=format_jalali(status.deadline), days=days)  # fmt: skip

    def save_objection(self, actor: Actor, case_id: str, text: str, attachments: Sequence[Path] = ()) -> Changes:
        """The objection's text and its attachments (copied into the file store), before it is sent."""
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        text = clean_text(text)
        if not text:
            raise ValidationError("objection.text_required", field="objection_text")
        checked: list[tuple[Path, str]] = []
        for path in attachments:
            suffix = path.suffix.lower()
            if not path.is_file():
                raise ValidationError("attachment.missing", field="attachments", name=path.name)
            if suffix not in ATTACHMENT_TYPES:
                raise ValidationError("attachment.type", field="attachments", name=path.name)
            if path.stat().st_size > MAX_ATTACHMENT_BYTES:
                raise ValidationError("attachment.too_large", field="attachments", name=path.name)
            checked.append((path, ATTACHMENT_TYPES[suffix]))
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            ruling = self._ruling_for_objection(case.facts or {})
            if (ruling.get("objection") or {}).get("sent_on"):
                raise ValidationError("ruling.objection_sent", field="objection_text")
            self._require_in_time(ruling)
        # Files go into the content-addressed store first (idempotent); the rows and facts commit together.
        stored = [(self._s.files.put_file(path), path.name, path.stat().st_size, media) for path, media in checked]
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            ruling = self._ruling_for_objection(facts)
            objection = dict(ruling.get("objection") or {})
            kept = [dict(a) for a in objection.get("attachments") or ()]
            known = {a["sha256"] for a in kept}
            for sha, name, size, media in stored:
                if session.get(StoredFile, sha) is None:
                    session.add(StoredFile(sha256=sha, size=size, media_type=media, created_at=self._s.now()))
                if sha not in known:
                    kept.append({"sha256": sha, "name": name})
                    known.add(sha)
            objection.update(text=text, attachments=kept)
            ruling["objection"] = objection
            facts[K_RULING] = ruling
            self._save_facts(session, actor, case, facts, "article100.objection_saved",
                             {"number": ruling["number"], "attachments": [a["sha256"] for a in kept]})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def send_objection(self, actor: Actor, case_id: str) -> Changes:
        """Send the objection to the appeal commission: refused once the deadline has passed."""
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            ruling = self._ruling_for_objection(facts)
            objection = dict(ruling.get("objection") or {})
            if objection.get("sent_on"):
                raise ValidationError("ruling.objection_sent", field="objection_text")
            if not str(objection.get("text") or "").strip():
                raise ValidationError("objection.text_required", field="objection_text")
            self._require_in_time(ruling)
            note = f"اعتراض به رای {ruling['number']} ارسال شد"
            self._check_action(session, actor, case, "file_objection", note)
            objection["sent_on"] = self._s.today().isoformat()
            ruling["objection"] = objection
            facts[K_RULING] = ruling
            self._save_facts(session, actor, case, facts, "article100.objection_sent", {"number": ruling["number"]})
            self._apply(session, actor, case, "file_objection", note=note, data={"ruling": ruling["number"]})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def record_appeal_outcome(self, actor: Actor, case_id: str, outcome: str, note: str) -> Changes:
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        try:
            value = AppealOutcome(outcome)
        except ValueError:
            raise ValidationError("appeal.unknown_outcome", field="appeal_outcome") from None
        note = clean_text(note)
        if not note:
            raise ValidationError("appeal.note_required", field="appeal_note")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            ruling = self._ruling_for_objection(facts)
            if not (ruling.get("objection") or {}).get("sent_on"):
                raise ValidationError("objection.not_sent", field="appeal_outcome")
            summary = f"{RULING_TITLES_FA[value]}: {note}"
            self._check_action(session, actor, case, "record_appeal_ruling", summary)
            ruling.update(appeal_outcome=value.value, appeal_note=note)
            facts[K_RULING] = ruling
            self._save_facts(session, actor, case, facts, "article100.appeal_recorded",
                             {"number": ruling["number"], "outcome": value.value})  # fmt: skip
            self._apply(session, actor, case, "record_appeal_ruling", note=summary, data={"appeal": value.value})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def objection_letter_pdf(self, actor: Actor, case_id: str) -> bytes:
        """The objection (لایحه اعتراض) to the appeal commission, with the ruling, the deadline and the attachments."""
        from app.printing.violation_letters import LetterData, build_letter

        file = self.get_file(actor, case_id)
        ruling = file.ruling
        if ruling is None:
            raise ValidationError("ruling.missing", field="ruling")
        if not ruling.objection_text:
            raise ValidationError("objection.text_required", field="objection_text")
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            applicant, address = self._case_heading(uow.session, case)
        number = to_persian_digits(ruling.number)
        facts = [
            ("شماره رای بدوی", number),
            ("تاریخ رای", format_jalali(ruling.ruled_on)),
            ("تاریخ ابلاغ", format_jalali(ruling.served_on)),
            ("نتیجه رای", ruling.outcome_title),
            ("مهلت اعتراض", f"{to_persian_digits(file.objection_days)} روز، تا {format_jalali(ruling.deadline)}"),
            ("معترض (مالک)", applicant),
            ("نشانی ملک", address),
        ]
        if ruling.fine_rials:
            from app.domain.money import format_rials

            facts.insert(4, ("مبلغ جریمه", format_rials(ruling.fine_rials)))
        data = LetterData(
            office=self.office_info(), title="لایحه اعتراض به رای کمیسیون ماده صد",
            letter_date=ruling.objection_sent_on or self._s.today(), recipient="کمیسیون تجدیدنظر ماده صد قانون شهرداری",
            subject=f"اعتراض به رای شماره {number} مورخ {format_jalali(ruling.ruled_on)}",
            body=(f"احتراماً، اینجانب {applicant} به رای بدوی شماره {number} که در تاریخ "
                  f"{format_jalali(ruling.served_on)} ابلاغ شده است، در مهلت قانونی به شرح زیر اعتراض دارم:",
                  ruling.objection_text),
            facts=tuple(facts), table=self._violation_table(file),
            attachments=tuple(name for _sha, name in ruling.attachments), signer_name=applicant,
            signer_title="معترض", tracking_number=file.tracking_number,
        )  # fmt: skip
        return build_letter(data)

    @staticmethod
    def _violation_table(file: ViolationFile) -> tuple[tuple[str, ...], ...]:
        if not file.violations:
            return ()
        rows: list[tuple[str, ...]] = [("نوع تخلف", "مقدار", "وضعیت")]
        for v in file.violations:
            unit = "مترمربع" if v.measure == "m2" else "واحد"
            rows.append((v.kind_title, f"{to_persian_digits(v.quantity)} {unit}",
                         "باز" if v.status == "open" else "رفع شده"))  # fmt: skip
        return tuple(rows)

    def set_objection_days(self, actor: Actor, days: int) -> Changes:
        require_any(actor, {HEAD, OFFICE_HEAD, "admin"}, "violation.not_allowed")
        if not isinstance(days, int) or not 1 <= days <= 60:
            raise ValidationError("objection_days.invalid", field="objection_days")
        with self._s.uow() as uow:
            row = uow.session.get(Setting, OBJECTION_DAYS_SETTING)
            if row is None:
                uow.session.add(Setting(key=OBJECTION_DAYS_SETTING, value=days))
            else:
                row.value = days
            self._s.audit.record(uow.session, actor, "setting.set", "setting", OBJECTION_DAYS_SETTING,
                                 {"value": days})  # fmt: skip
            uow.commit()
        return Changes(frozenset(), frozenset({"case"}))

    # -- the fire-safety company ---------------------------------------------------------------------------------------
    def register_fire_company(
        self, actor: Actor, case_id: str, name: str, registration_number: str, licence_number: str,
        licence_expiry: dt.date | None, phone: str = "",
    ) -> Changes:  # fmt: skip
        require_any(actor, VIOLATION_ROLES, "violation.not_allowed")
        name, reg, lic = clean_text(name), clean_text(registration_number), clean_text(licence_number)
        if not name:
            raise ValidationError("fire_company.name_required", field="name")
        if not reg:
            raise ValidationError("fire_company.registration_required", field="registration_number")
        if not lic:
            raise ValidationError("fire_company.licence_required", field="licence_number")
        if licence_expiry is not None and licence_expiry < self._s.today():
            raise ValidationError("fire_company.licence_expired", field="licence_expiry",
                                  expiry=format_jalali(licence_expiry))  # fmt: skip
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            facts = dict(case.facts or {})
            facts[K_FIRE] = {"name": name, "registration_number": reg, "licence_number": lic,
                             "licence_expiry": licence_expiry.isoformat() if licence_expiry else None,
                             "phone": clean_text(phone)}  # fmt: skip
            self._save_facts(uow.session, actor, case, facts, "fire_company.registered",
                             {"name": name, "registration_number": reg})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))


def _merged_ids(current: object, mine: set[str], open_ids: Sequence[str]) -> list[str]:
    """``open_violations`` with this case's records replaced by ``open_ids``; ids from elsewhere are kept.

    A count or flag written before records existed (demo data, an older workstation) gives way to the records.
    """
    kept = [str(v) for v in current if str(v) not in mine] if isinstance(current, list | tuple) else []
    return sorted({*kept, *open_ids})
