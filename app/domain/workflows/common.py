"""Helpers that keep the workflow tables short: one table of action titles, one way to write a row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from app.domain.workflows.engine import Transition

# Every action of every workflow, with its button titles. One action id means one thing everywhere.
ACTION_TITLES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "schedule_inspection": ("Schedule the inspection visit", "تعیین وقت بازدید"),
        "reschedule": ("Reschedule the visit", "تغییر وقت بازدید"),
        "record_visit": ("Record the visit", "ثبت انجام بازدید"),
        "submit_for_approval": ("Submit for approval", "ارسال برای تایید"),
        "approve": ("Approve", "تایید"),
        "return_to_inspector": ("Return to the inspector", "بازگشت به مامور بازدید"),
        "return_to_expert": ("Return to the expert", "بازگشت به کارشناس"),
        "return_to_archive": ("Return to the archive", "بازگشت به بایگانی"),
        "return_deficiency": ("Return with deficiency", "بازگشت به علت کسری"),
        "documents_completed": ("Documents completed", "تکمیل مدارک"),
        "send_to_violation_review": ("Send to violation review", "ارسال به بررسی خلاف"),
        "resolve_violation": ("Violation settled", "رفع خلاف"),
        "attach_aerial_map": ("Attach the 1:2000 aerial map", "پیوست نقشه هوایی ۱:۲۰۰۰"),
        "confirm_location": ("Confirm the location", "تایید جانمایی"),
        "archive_documents": ("Documents archived", "اتمام اسکن و بایگانی"),
        "send_to_district": ("Send to the district", "ارسال به منطقه"),
        "refer": ("Refer to a colleague", "ارجاع"),
        "cancel": ("Cancel the case", "ابطال پرونده"),
        "start_review": ("Start the review", "شروع بررسی"),
        "resolve": ("Close as settled", "مختومه"),
        "refer_to_commission": ("Refer to the Article 100 commission", "ارجاع به کمیسیون ماده صد"),
        "record_ruling": ("Record the ruling", "ثبت رای"),
        "file_objection": ("Register an objection", "ثبت اعتراض"),
        "record_appeal_ruling": ("Record the appeal ruling", "ثبت رای تجدیدنظر"),
        "close": ("Close", "مختومه"),
        "approve_plans": ("Approve the plans", "تایید نقشه‌ها"),
        "return_to_architect": ("Return to the architect firm", "بازگشت به شرکت معمار"),
        "resubmit": ("Plans resubmitted", "ارسال مجدد نقشه‌ها"),
        "record_referral_answer": ("Record a referral answer", "ثبت پاسخ استعلام"),
        "complete": ("Complete", "تکمیل"),
        "reject": ("Reject", "رد درخواست"),
        "issue": ("Issue", "صدور"),
        "revoke": ("Revoke", "ابطال"),
        "issue_slip": ("Issue the payment slip", "صدور فیش"),
        "confirm_payment": ("Confirm the payment", "تایید پرداخت"),
        "issue_clearance": ("Issue the clearance", "صدور مفاصا حساب"),
        "answer": ("Answer", "پاسخ"),
        "withdraw": ("Withdrawn by the applicant", "انصراف متقاضی"),
        "check_reason": ("Reason checked", "تایید علت تعویض"),
        "compute_refund": ("Compute the refund", "محاسبه مبلغ عودت"),
        "pay_out": ("Refund paid out", "پرداخت وجه عودت"),
        "send_to_police": ("Send to the traffic police", "ارسال به پلیس راهور"),
        "objection_accepted": ("Objection accepted", "پذیرش اعتراض"),
        "objection_refused": ("Objection refused", "رد اعتراض"),
    }
)


def row(
    from_state: str,
    action: str,
    to_state: str,
    roles: Iterable[str],
    *,
    guards: Iterable[str] = (),
    note: bool = False,
    assignee: bool = False,
) -> Transition:
    title_en, title_fa = ACTION_TITLES[action]
    return Transition(
        from_state=from_state,
        action=action,
        to_state=to_state,
        roles=frozenset(roles),
        guards=tuple(guards),
        needs_note=note,
        needs_assignee=assignee,
        title_en=title_en,
        title_fa=title_fa,
    )


def refer(state: str, roles: Iterable[str]) -> Transition:
    """Hand the case to a named colleague: the state stays, the assignee changes."""
    return row(state, "refer", state, roles, assignee=True)


def deficiency(from_state: str, to_state: str, roles: Iterable[str]) -> Transition:
    """Return with a deficiency: the note lists what is missing."""
    return row(from_state, "return_deficiency", to_state, roles, note=True)
