"""Architectural plan approval (تایید نقشه معماری): the register of architect firms, the plan order (دستور نقشه) on
the case, plan submissions by a registered firm, the review checklist, the return to the firm, and on approval the
parallel referrals (استعلام) to green space and the fire department, each with its own deadline and answer.

The plan order, submissions, checklist and referrals live in ``Case.facts``; the answered referrals are kept in
``answered_referrals`` (``app.domain.workflows.guards.FACT_REFERRALS``), which the ``both_referrals_answered`` guard
of the «complete» action reads: the case moves on only when both have answered, and the refusal names the missing one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from app.domain.dates import TEHRAN, format_jalali
from app.domain.errors import DomainError, ValidationError
from app.domain.rules.common import RuleError, decimal_text, to_decimal
from app.domain.rules.plan_order import PlanOrder
from app.domain.rules.zones import DEFAULT_ZONES, USES
from app.domain.text import digits_to_ascii, to_persian_digits
from app.domain.workflows import Actor
from app.domain.workflows.engine import collection_of
from app.domain.workflows.guards import FACT_REFERRALS, PLAN_REFERRALS
from app.models import ArchitectFirm, Case, Property
from app.services.common import OFFICE_HEAD, get_case_row
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert
from app.services.violations import JourneyArea, _date, clean_text, not_future, require_any

EXPERT = "plan_approval.expert"
HEAD = "plan_approval.head"
LIAISON = "liaison.liaison"
PLAN_ROLES = frozenset({EXPERT, HEAD, OFFICE_HEAD})
ANSWER_ROLES = PLAN_ROLES | {LIAISON}
FIRM_ROLES = PLAN_ROLES | {"admin"}
REFERRAL_DAYS_SETTING = "plan.referral_days"
DEFAULT_REFERRAL_DAYS = 10  # working days for the agency's answer

K_ORDER = "plan_order"
K_SUBMISSIONS = "plan_submissions"
K_CHECKLIST = "plan_checklist"
K_REFERRALS = "referrals"

CHECKLIST: tuple[tuple[str, str], ...] = (
    ("plan_order_conformity", "انطباق با دستور نقشه (کاربری، تراکم، طبقات، سطح اشغال)"),
    ("setbacks_light_wells", "عقب‌نشینی، حیاط و نورگیرها"),
    ("parking_ramp", "پارکینگ و رمپ"),
    ("stairs_elevator", "پله، آسانسور و راه فرار"),
    ("facade", "نما و مصالح نما"),
    ("sections_elevations", "برش‌ها و نماها کامل است"),
    ("architect_signature", "امضا و مهر معمار و شرکت"),
)
CHECKLIST_TITLES: Mapping[str, str] = dict(CHECKLIST)

REFERRAL_TITLES: Mapping[str, str] = {
    "green_space": "سازمان پارک‌ها و فضای سبز",
    "fire": "سازمان آتش‌نشانی و خدمات ایمنی",
}
ANSWER_TITLES: Mapping[str, str] = {"approved": "موافقت", "conditional": "موافقت مشروط", "refused": "مخالفت"}

MESSAGES_FA: Mapping[str, str] = {
    "plan.not_allowed": "این کار فقط از کارشناس یا رئیس واحد تایید نقشه برمی‌آید (نقش لازم: {roles}).",
    "firm.name_required": "نام شرکت معمار را وارد کنید.",
    "firm.registration_required": "شماره ثبت شرکت در نظام مهندسی را وارد کنید.",
    "firm.registration_format": "شماره ثبت شرکت فقط رقم و خط تیره است.",
    "firm.duplicate": "شرکتی با شماره ثبت {number} پیش‌تر ثبت شده است.",
    "firm.not_found": "شرکت معمار انتخاب‌شده در فهرست شرکت‌های ثبت‌شده نیست.",
    "firm.inactive": "شرکت معمار «{name}» غیرفعال است و نقشه از آن پذیرفته نمی‌شود.",
    "submission.firm_required": "شرکت معمار ارسال‌کننده نقشه‌ها را انتخاب کنید.",
    "submission.sheets": "تعداد برگ‌های نقشه باید دست‌کم یک باشد.",
    "submission.wrong_state": "نقشه‌ها فقط هنگام دریافت یا پس از بازگشت به شرکت معمار ثبت می‌شوند.",
    "plan_order.zone_required": "کد پهنه دستور نقشه را وارد کنید.",
    "plan_order.uses_required": "دست‌کم یک کاربری مجاز را انتخاب کنید.",
    "plan.checklist_unknown": "بند «{item}» در چک‌لیست کنترل نقشه نیست.",
    "plan.return_comments": "اشکالات نقشه را برای شرکت معمار بنویسید.",
    "plan.reject_reason": "علت رد نقشه را بنویسید.",
    "plan.approval_missing": "تایید نقشه ممکن نیست؛ هنوز کامل نشده: {missing}.",
    "referral.unknown": "استعلام «{referral}» تعریف نشده است.",
    "referral.not_sent": "استعلام‌ها هنوز ارسال نشده‌اند؛ نخست نقشه‌ها را تایید کنید.",
    "referral.answered": "پاسخ {referral} پیش‌تر ثبت شده است.",
    "referral.answer_unknown": "نتیجه پاسخ استعلام را انتخاب کنید.",
    "referral.answer_text": "متن یا خلاصه پاسخ {referral} را بنویسید.",
    "referral.before_sent": "تاریخ پاسخ نمی‌تواند پیش از ارسال استعلام باشد.",
    "referral.future_date": "تاریخ پاسخ نمی‌تواند بعد از امروز باشد.",
    "referral_days.invalid": "مهلت پاسخ استعلام باید بین ۱ تا ۶۰ روز کاری باشد.",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FirmView:
    id: str
    name: str
    registration_number: str
    phone: str
    address: str
    active: bool


@dataclass(frozen=True, slots=True)
class PlanOrderView:
    zone_code: str
    uses: tuple[str, ...]
    land_area_m2: str
    max_density_percent: str
    max_floors: int
    max_coverage_percent: str
    parking_per_unit: str
    max_height_m: str
    max_total_floor_area_m2: str
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SubmissionLine:
    firm_id: str
    firm_name: str
    registration_number: str
    sheets: int
    note: str
    submitted_on: dt.date
    returned_comments: str


@dataclass(frozen=True, slots=True)
class ReferralLine:
    code: str
    title: str
    sent_on: dt.date
    deadline: dt.date
    days_left: int
    overdue: bool
    answered: bool
    answer: str
    answer_title: str
    answer_text: str
    answer_number: str
    answered_on: dt.date | None


@dataclass(frozen=True, slots=True)
class PlanFile:
    case_id: str
    tracking_number: str
    service_name: str
    workflow_id: str
    state: str
    state_title: str
    version: int
    applicant_name: str
    property_zone: str
    property_area_m2: float | None
    plan_order: PlanOrderView | None
    submissions: tuple[SubmissionLine, ...]
    checklist: Mapping[str, bool]
    referrals: tuple[ReferralLine, ...]

    @property
    def open_checklist(self) -> tuple[str, ...]:
        return tuple(code for code, _title in CHECKLIST if not self.checklist.get(code))

    @property
    def missing_answers(self) -> tuple[str, ...]:
        answered = {r.code for r in self.referrals if r.answered}
        return tuple(r for r in PLAN_REFERRALS if r not in answered)


class PlanService(JourneyArea):
    # -- the register of architect firms ------------------------------------------------------------------------------
    def list_firms(self, *, active_only: bool = False) -> list[FirmView]:
        with self._s.uow(writer=False) as uow:
            stmt = select(ArchitectFirm).where(ArchitectFirm.deleted.is_(False)).order_by(ArchitectFirm.name)
            if active_only:
                stmt = stmt.where(ArchitectFirm.active.is_(True))
            return [_firm_view(f) for f in uow.session.scalars(stmt)]

    def register_firm(self, actor: Actor, name: str, registration_number: str, phone: str = "",
                      address: str = "") -> str:  # fmt: skip
        require_any(actor, FIRM_ROLES, "plan.not_allowed")
        name = clean_text(name)
        number = digits_to_ascii(clean_text(registration_number)).replace(" ", "")
        if not name:
            raise ValidationError("firm.name_required", field="name")
        if not number:
            raise ValidationError("firm.registration_required", field="registration_number")
        if not all(ch.isdigit() or ch == "-" for ch in number):
            raise ValidationError("firm.registration_format", field="registration_number")
        with self._s.uow() as uow:
            session = uow.session
            taken = session.scalar(
                select(func.count()).select_from(ArchitectFirm).where(ArchitectFirm.registration_number == number)
            )
            if taken:
                raise ValidationError("firm.duplicate", field="registration_number", number=number)
            stamp = self._s.stamp()
            firm = ArchitectFirm(name=name, registration_number=number, phone=digits_to_ascii(clean_text(phone)),
                                 address=clean_text(address), active=True, hlc=stamp)  # fmt: skip
            session.add(firm)
            session.flush()
            enqueue_upsert(session, "architect_firm", firm, None, stamp)
            self._s.audit.record(session, actor, "architect_firm.registered", "architect_firm", firm.id,
                                 {"name": name, "registration_number": number})  # fmt: skip
            uow.commit()
            return firm.id

    def set_firm_active(self, actor: Actor, firm_id: str, active: bool) -> Changes:
        require_any(actor, FIRM_ROLES, "plan.not_allowed")
        with self._s.uow() as uow:
            session = uow.session
            firm = session.get(ArchitectFirm, firm_id)
            if firm is None or firm.deleted:
                raise ValidationError("firm.not_found", field="firm")
            if firm.active == active:
                return Changes()
            stamp = self._s.stamp()
            firm.active = active
            firm.version += 1
            firm.hlc = stamp
            firm.dirty = True
            firm.updated_at = self._s.now()
            enqueue_upsert(session, "architect_firm", firm, ["active"], stamp)
            self._s.audit.record(session, actor, "architect_firm.active_set", "architect_firm", firm.id,
                                 {"active": active})  # fmt: skip
            uow.commit()
        return Changes(frozenset(), frozenset({"architect_firm"}))

    # -- reading a case ------------------------------------------------------------------------------------------------
    def referral_days(self) -> int:
        value = self._s.setting(REFERRAL_DAYS_SETTING, DEFAULT_REFERRAL_DAYS)
        return value if isinstance(value, int) and 1 <= value <= 60 else DEFAULT_REFERRAL_DAYS

    def get_file(self, actor: Actor, case_id: str) -> PlanFile:
        today = self._s.today()
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            prop = uow.session.get(Property, case.property_id) if case.property_id else None
            facts = dict(case.facts or {})
            referrals = []
            entries = self._referral_entries(case, facts)
            for code in PLAN_REFERRALS:
                r = entries.get(code)
                if not r:
                    continue
                deadline = _date(r["deadline"]) or today
                answered = bool(r.get("answer"))
                referrals.append(ReferralLine(
                    code=code, title=REFERRAL_TITLES[code], sent_on=_date(r["sent_on"]) or today, deadline=deadline,
                    days_left=self._s.calendar.working_days_between(today, deadline) if deadline >= today
                    else -(today - deadline).days,
                    overdue=not answered and deadline < today, answered=answered, answer=str(r.get("answer") or ""),
                    answer_title=ANSWER_TITLES.get(str(r.get("answer") or ""), ""),
                    answer_text=str(r.get("answer_text") or ""), answer_number=str(r.get("answer_number") or ""),
                    answered_on=_date(r.get("answered_on")),
                ))  # fmt: skip
            return PlanFile(
                case_id=case.id, tracking_number=case.tracking_number, service_name=self.service_name(case.service_code),
                workflow_id=case.workflow_id, state=case.state,
                state_title=self.state_title(case.workflow_id, case.state), version=case.version,
                applicant_name=case.applicant_name, property_zone=prop.zone if prop else "",
                property_area_m2=prop.deed_area_m2 if prop else None, plan_order=_order_view(facts.get(K_ORDER)),
                submissions=tuple(_submission_line(s) for s in facts.get(K_SUBMISSIONS) or ()),
                checklist={k: bool(v) for k, v in (facts.get(K_CHECKLIST) or {}).items()},
                referrals=tuple(referrals),
            )  # fmt: skip

    def _referral_entries(self, case: Case, facts: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        """The referrals of the case. A case that reached «referrals» without them (approved from the plain case
        view, or data from an older version) gets both, sent the day it entered the state."""
        entries = {k: dict(v) for k, v in (facts.get(K_REFERRALS) or {}).items()}
        if case.state == "referrals" and not entries:
            sent = case.state_entered_at.astimezone(TEHRAN).date()
            deadline = self._s.calendar.add_working_days(sent, self.referral_days())
            answered = set(collection_of(facts.get(FACT_REFERRALS)))
            entries = {code: {"sent_on": sent.isoformat(), "deadline": deadline.isoformat(),
                              "answer": "approved" if code in answered else None,
                              "answer_text": "" if code not in answered else "پاسخ پیش‌تر ثبت شده است"}
                       for code in PLAN_REFERRALS}  # fmt: skip
        return entries

    def suggested_order(self, case_id: str) -> PlanOrderView | None:
        """The plan order that the property's zone and deed area give (the expert may lower it before saving)."""
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            prop = uow.session.get(Property, case.property_id) if case.property_id else None
            if prop is None or not prop.zone or not prop.deed_area_m2:
                return None
            try:
                zone = DEFAULT_ZONES.get(prop.zone)
            except RuleError:
                return None
            area = to_decimal(f"{prop.deed_area_m2:.2f}", "land_area_m2")
        return _order_view(_order_facts(PlanOrder.from_zone(zone, area)))

    # -- writing -------------------------------------------------------------------------------------------------------
    def set_plan_order(
        self, actor: Actor, case_id: str, *, zone_code: str, uses: Iterable[str], land_area_m2: object,
        max_density_percent: object, max_floors: int, max_coverage_percent: object, parking_per_unit: object = 1,
        max_height_m: object = None,
    ) -> Changes:  # fmt: skip
        """Record the plan order; refused where it allows more than the detailed-plan zone."""
        require_any(actor, PLAN_ROLES, "plan.not_allowed")
        zone_code = clean_text(zone_code).upper().replace(" ", "")
        if not zone_code:
            raise ValidationError("plan_order.zone_required", field="zone_code")
        chosen = frozenset(uses)
        if not chosen:
            raise ValidationError("plan_order.uses_required", field="permitted_uses")
        zone = DEFAULT_ZONES.get(zone_code)  # zone.unknown
        height = None if max_height_m in (None, "") else _number(max_height_m)
        order = PlanOrder(zone_code=zone.code, permitted_uses=chosen, land_area_m2=_number(land_area_m2),
                          max_density_percent=_number(max_density_percent), max_floors=int(max_floors),
                          max_coverage_percent=_number(max_coverage_percent),
                          parking_per_unit=_number(parking_per_unit), max_height_m=height)  # fmt: skip
        breaches = order.check_against_zone(zone)
        if breaches:
            b = breaches[0]
            raise RuleError(b.code, field=b.field, allowed=b.allowed, proposed=_use_title(b.proposed))
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            facts = dict(case.facts or {})
            facts[K_ORDER] = _order_facts(order)
            self._save_facts(uow.session, actor, case, facts, "plan.order_set",
                             {"zone": order.zone_code, "density": decimal_text(order.max_density_percent),
                              "floors": order.max_floors})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def record_submission(
        self, actor: Actor, case_id: str, firm_id: str | None, sheets: int, note: str = ""
    ) -> Changes:
        """Plans received from a registered firm; plans sent again after a return move the case back to review."""
        require_any(actor, PLAN_ROLES, "plan.not_allowed")
        if not firm_id:
            raise ValidationError("submission.firm_required", field="firm")
        if int(sheets) < 1:
            raise ValidationError("submission.sheets", field="sheets")
        with self._s.uow() as uow:
            session = uow.session
            firm = session.get(ArchitectFirm, firm_id)
            if firm is None or firm.deleted:
                raise ValidationError("firm.not_found", field="firm")
            if not firm.active:
                raise ValidationError("firm.inactive", field="firm", name=firm.name)
            case = get_case_row(session, case_id)
            if case.state not in ("received", "returned_to_architect"):
                raise ValidationError("submission.wrong_state", field="firm")
            resubmit = case.state == "returned_to_architect"
            if resubmit:
                self._check_action(session, actor, case, "resubmit")
            facts = dict(case.facts or {})
            submissions = [dict(s) for s in facts.get(K_SUBMISSIONS) or ()]
            submissions.append({"firm_id": firm.id, "firm_name": firm.name, "registration_number":
                                firm.registration_number, "sheets": int(sheets), "note": clean_text(note),
                                "submitted_on": self._s.today().isoformat()})  # fmt: skip
            facts[K_SUBMISSIONS] = submissions
            if resubmit:
                facts[K_CHECKLIST] = {}  # new sheets: the review starts over
            self._save_facts(session, actor, case, facts, "plan.submitted",
                             {"firm_id": firm.id, "registration_number": firm.registration_number,
                              "sheets": int(sheets)})  # fmt: skip
            if resubmit:
                self._apply(session, actor, case, "resubmit", data={"firm_id": firm.id})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def set_checklist(self, actor: Actor, case_id: str, checked: Iterable[str]) -> Changes:
        require_any(actor, PLAN_ROLES, "plan.not_allowed")
        ticked = set(checked)
        unknown = sorted(ticked - set(CHECKLIST_TITLES))
        if unknown:
            raise ValidationError("plan.checklist_unknown", field="checklist", item=unknown[0])
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            facts = dict(case.facts or {})
            facts[K_CHECKLIST] = {code: code in ticked for code, _t in CHECKLIST}
            self._save_facts(uow.session, actor, case, facts, "plan.checklist_set", {"checked": sorted(ticked)})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def return_to_firm(self, actor: Actor, case_id: str, comments: str) -> Changes:
        require_any(actor, PLAN_ROLES, "plan.not_allowed")
        comments = clean_text(comments)
        if not comments:
            raise ValidationError("plan.return_comments", field="comments")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._check_action(session, actor, case, "return_to_architect", comments)
            facts = dict(case.facts or {})
            submissions = [dict(s) for s in facts.get(K_SUBMISSIONS) or ()]
            if submissions:
                submissions[-1]["returned_comments"] = comments
            facts[K_SUBMISSIONS] = submissions
            self._save_facts(session, actor, case, facts, "plan.returned_to_firm", {"comments": comments})
            self._apply(session, actor, case, "return_to_architect", note=comments)
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def approve_plans(self, actor: Actor, case_id: str) -> Changes:
        """Approve and send the two inquiries at once, each with its own deadline (working days)."""
        require_any(actor, PLAN_ROLES, "plan.not_allowed")
        days = self.referral_days()
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._check_action(session, actor, case, "approve_plans")
            facts = dict(case.facts or {})
            missing: list[str] = []
            if not facts.get(K_ORDER):
                missing.append("دستور نقشه")
            if not facts.get(K_SUBMISSIONS):
                missing.append("ثبت نقشه‌های ارسالی شرکت معمار")
            ticks = facts.get(K_CHECKLIST) or {}
            missing += [title for code, title in CHECKLIST if not ticks.get(code)]
            if missing:
                raise ValidationError("plan.approval_missing", field="checklist", missing=missing)
            today = self._s.today()
            deadline = self._s.calendar.add_working_days(today, days)
            facts[K_REFERRALS] = {code: {"sent_on": today.isoformat(), "deadline": deadline.isoformat(),
                                         "answer": None} for code in PLAN_REFERRALS}  # fmt: skip
            facts[FACT_REFERRALS] = []
            self._save_facts(session, actor, case, facts, "plan.referrals_sent",
                             {"referrals": list(PLAN_REFERRALS), "deadline": deadline.isoformat()})  # fmt: skip
            self._apply(session, actor, case, "approve_plans", data={"referral_deadline": deadline.isoformat()})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def record_referral_answer(
        self, actor: Actor, case_id: str, referral: str, answer: str, answer_text: str, answer_number: str = "",
        answered_on: dt.date | None = None,
    ) -> Changes:  # fmt: skip
        require_any(actor, ANSWER_ROLES, "plan.not_allowed")
        if referral not in PLAN_REFERRALS:
            raise ValidationError("referral.unknown", field="referral", referral=referral)
        title = REFERRAL_TITLES[referral]
        if answer not in ANSWER_TITLES:
            raise ValidationError("referral.answer_unknown", field="answer")
        answer_text = clean_text(answer_text)
        if not answer_text:
            raise ValidationError("referral.answer_text", field="answer_text", referral=title)
        day = answered_on or self._s.today()
        not_future(day, self._s.today(), "referral.future_date", "answered_on")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            referrals = self._referral_entries(case, facts)
            if referral not in referrals:
                raise ValidationError("referral.not_sent", field="referral")
            entry = referrals[referral]
            if entry.get("answer"):
                raise ValidationError("referral.answered", field="referral", referral=title)
            if day < (_date(entry.get("sent_on")) or day):
                raise ValidationError("referral.before_sent", field="answered_on")
            note = f"{title}: {ANSWER_TITLES[answer]} — {answer_text}"
            self._check_action(session, actor, case, "record_referral_answer", note)
            entry.update(answer=answer, answer_text=answer_text, answer_number=digits_to_ascii(clean_text(
                answer_number)), answered_on=day.isoformat())  # fmt: skip
            referrals[referral] = entry
            facts[K_REFERRALS] = referrals
            facts[FACT_REFERRALS] = sorted(k for k, v in referrals.items() if v.get("answer"))
            self._save_facts(session, actor, case, facts, "plan.referral_answered",
                             {"referral": referral, "answer": answer})  # fmt: skip
            self._apply(session, actor, case, "record_referral_answer", note=note,
                        data={"referral": referral, "answer": answer})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def complete(self, actor: Actor, case_id: str) -> Changes:
        """Finish the approval: the engine refuses, naming the missing answer, until both referrals have answered."""
        require_any(actor, PLAN_ROLES, "plan.not_allowed")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._apply(session, actor, case, "complete")
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def reject(self, actor: Actor, case_id: str, reason: str) -> Changes:
        require_any(actor, PLAN_ROLES, "plan.not_allowed")
        reason = clean_text(reason)
        if not reason:
            raise ValidationError("plan.reject_reason", field="reason")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._apply(session, actor, case, "reject", note=reason)
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def set_referral_days(self, actor: Actor, days: int) -> Changes:
        from app.models import Setting

        require_any(actor, {HEAD, OFFICE_HEAD, "admin"}, "plan.not_allowed")
        if not isinstance(days, int) or not 1 <= days <= 60:
            raise ValidationError("referral_days.invalid", field="referral_days")
        with self._s.uow() as uow:
            row = uow.session.get(Setting, REFERRAL_DAYS_SETTING)
            if row is None:
                uow.session.add(Setting(key=REFERRAL_DAYS_SETTING, value=days))
            else:
                row.value = days
            self._s.audit.record(uow.session, actor, "setting.set", "setting", REFERRAL_DAYS_SETTING, {"value": days})
            uow.commit()
        return Changes(frozenset(), frozenset({"case"}))

    # -- printing ------------------------------------------------------------------------------------------------------
    def referral_letter_pdf(self, actor: Actor, case_id: str, referral: str) -> bytes:
        """The inquiry letter (استعلام) to green space or the fire department, with the plan order's figures."""
        from app.printing.violation_letters import LetterData, build_letter

        if referral not in PLAN_REFERRALS:
            raise ValidationError("referral.unknown", field="referral", referral=referral)
        file = self.get_file(actor, case_id)
        line = next((r for r in file.referrals if r.code == referral), None)
        if line is None:
            raise ValidationError("referral.not_sent", field="referral")
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            applicant, address = self._case_heading(uow.session, case)
            signer = self._user_name(uow.session, actor)
        order = file.plan_order
        firm = file.submissions[-1] if file.submissions else None
        facts: list[tuple[str, str]] = [("مالک", applicant), ("نشانی ملک", address)]
        if firm is not None:
            facts.append(("شرکت معمار", f"{firm.firm_name} (شماره ثبت {to_persian_digits(firm.registration_number)})"))
        if order is not None:
            facts += [
                ("پهنه", order.zone_code),
                ("کاربری مجاز", "، ".join(USES.get(u, u) for u in order.uses)),
                ("تراکم مجاز", f"{to_persian_digits(order.max_density_percent)} درصد"),
                ("تعداد طبقات", to_persian_digits(order.max_floors)),
                ("سطح اشغال", f"{to_persian_digits(order.max_coverage_percent)} درصد"),
            ]
        facts.append(("مهلت پاسخ", format_jalali(line.deadline)))
        subject = "فضای سبز و درختان ملک" if referral == "green_space" else "ایمنی و پیشگیری از حریق ساختمان"
        data = LetterData(
            office=self.office_info(), title=f"استعلام از {line.title}", letter_date=line.sent_on,
            recipient=line.title, subject=f"استعلام {subject} پیش از صدور پروانه",
            body=(f"نقشه‌های معماری ملک {applicant} به پیوست دستور نقشه در این دفتر کنترل و تایید شد. خواهشمند است "
                  f"نظر آن سازمان را تا تاریخ {format_jalali(line.deadline)} اعلام فرمایید تا پرونده به مرحله صدور "
                  "پروانه برود.",),
            facts=tuple(facts), attachments=("نقشه‌های معماری تایید شده", "دستور نقشه"), signer_name=signer,
            signer_title="کارشناس تایید نقشه معماری", tracking_number=file.tracking_number,
        )  # fmt: skip
        return build_letter(data)


def _number(value: object) -> Decimal:
    if isinstance(value, str):
        value = digits_to_ascii(value.strip())
    if isinstance(value, float):
        value = repr(value)
    return to_decimal(value, "value")


def _use_title(value: str) -> str:
    return USES.get(value, value)


def _firm_view(f: ArchitectFirm) -> FirmView:
    return FirmView(f.id, f.name, f.registration_number, f.phone, f.address, f.active)


def _order_facts(order: PlanOrder) -> dict[str, Any]:
    return {
        "zone_code": order.zone_code, "uses": sorted(order.permitted_uses),
        "land_area_m2": decimal_text(order.land_area_m2), "max_density_percent": decimal_text(order.max_density_percent),
        "max_floors": order.max_floors, "max_coverage_percent": decimal_text(order.max_coverage_percent),
        "parking_per_unit": decimal_text(order.parking_per_unit),
        "max_height_m": decimal_text(order.max_height_m) if order.max_height_m is not None else "",
        "max_total_floor_area_m2": decimal_text(order.max_total_floor_area_m2.quantize(Decimal("0.01"))),
        "warnings": [w.code for w in order.warnings()],
    }  # fmt: skip


def _order_view(v: object) -> PlanOrderView | None:
    if not isinstance(v, Mapping) or not v.get("zone_code"):
        return None
    return PlanOrderView(
        zone_code=str(v["zone_code"]), uses=tuple(v.get("uses") or ()), land_area_m2=str(v.get("land_area_m2", "")),
        max_density_percent=str(v.get("max_density_percent", "")), max_floors=int(v.get("max_floors") or 0),
        max_coverage_percent=str(v.get("max_coverage_percent", "")), parking_per_unit=str(v.get("parking_per_unit", "")),
        max_height_m=str(v.get("max_height_m") or ""), max_total_floor_area_m2=str(v.get("max_total_floor_area_m2", "")),
        warnings=tuple(v.get("warnings") or ()),
    )  # fmt: skip


def _submission_line(s: Mapping[str, Any]) -> SubmissionLine:
    return SubmissionLine(str(s.get("firm_id", "")), str(s.get("firm_name", "")), str(s.get("registration_number", "")),
                          int(s.get("sheets") or 0), str(s.get("note", "")),
                          _date(s.get("submitted_on")) or dt.date.min, str(s.get("returned_comments", "")))  # fmt: skip


__all__ = ["CHECKLIST", "DomainError", "PlanFile", "PlanService"]
