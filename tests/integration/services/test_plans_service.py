"""Plan approval services over a real SQLite file: architect firms, the plan order, submissions, the checklist, the
return to the firm, parallel referrals with their deadlines, completion only when both have answered."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import func, select
from svc_office import PASSWORD, Office

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError
from app.domain.workflows import Actor
from app.models import AuditEntry, OutboxEntry
from app.services.dto import OpenCaseInput, PropertyInput
from app.services.plans import CHECKLIST
from app.services.violations import message_fa

ALL = [code for code, _title in CHECKLIST]


def pdf_text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", "", unicodedata.normalize("NFKC", raw))


def _plan_user(office: Office) -> Actor:
    office.s.auth.create_user(office.admin, "plan", "نرگس شریفی", PASSWORD,
                              ["plan_approval.expert", "plan_approval.head"])  # fmt: skip
    return office.s.auth.actor_by_username("plan")


def _case(office: Office, plan: Actor) -> str:
    prop = office.s.intake.register_property(office.clerk, PropertyInput(
        renovation_code="1-5-80-12-0-0-0", registry_section="11", registry_main="90", registry_sub="12",
        postal_code="1957643112", deed_area_m2=300.0, zone="R112"))  # fmt: skip
    service = CATALOG.get("P01_PLAN_APPROVAL")
    return office.s.intake.open_case(plan, OpenCaseInput(service.code, office.person().id, prop.id,
                                                         frozenset(service.required_documents))).case_id  # fmt: skip


def _counts(office: Office, case_id: str) -> tuple[int, int, int]:
    with office.s.uow(writer=False) as uow:
        audits = uow.session.scalar(select(func.count()).select_from(AuditEntry))
        outbox = uow.session.scalar(select(func.count()).select_from(OutboxEntry))
    return int(audits or 0), int(outbox or 0), office.s.cases.get_version(case_id)


def _refused(office: Office, case_id: str, code: str, fn, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    before = _counts(office, case_id)
    with pytest.raises(DomainError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, (err.value.code, err.value.params)
    assert _counts(office, case_id) == before, "a refusal changes nothing"
    text = message_fa(err.value)
    assert any("\u0600" <= ch <= "\u06ff" for ch in text), text
    return text


def test_the_register_of_architect_firms(office: Office) -> None:
    s, plan = office.s, _plan_user(office)
    firm = s.plans.register_firm(plan, "مهندسان مشاور نقش جهان", "۱۲-۴۵۶۷", "02188776655")
    assert [f.registration_number for f in s.plans.list_firms()] == ["12-4567"]
    with pytest.raises(DomainError) as err:
        s.plans.register_firm(plan, "دیگری", "12-4567")
    assert err.value.code == "firm.duplicate" and "۱۲-۴۵۶۷" in message_fa(err.value)
    with pytest.raises(DomainError) as err:
        s.plans.register_firm(office.clerk, "دیگری", "99")
    assert err.value.code == "plan.not_allowed" and "کارشناس تایید نقشه" in message_fa(err.value)
    s.plans.set_firm_active(plan, firm, False)
    assert s.plans.list_firms(active_only=True) == []
    with s.uow(writer=False) as uow:
        queued = uow.session.scalars(select(OutboxEntry.entity).where(OutboxEntry.entity == "architect_firm")).all()
    assert len(queued) == 2


def test_plan_order_submission_review_return_referrals_and_completion(office: Office, tmp_path: Path) -> None:
    s, plan = office.s, _plan_user(office)
    case_id = _case(office, plan)
    firm = s.plans.register_firm(plan, "مهندسان مشاور نقش جهان", "12-4567")
    idle = s.plans.register_firm(plan, "آتلیه خاموش", "77")
    s.plans.set_firm_active(plan, idle, False)

    # The plan order from the zone, then refused where it exceeds the zone.
    suggested = s.plans.suggested_order(case_id)
    assert suggested is not None and suggested.zone_code == "R112"
    text = _refused(office, case_id, "plan_order.floors_over_zone", s.plans.set_plan_order, plan, case_id,
                    zone_code="R112", uses=["residential"], land_area_m2="300", max_density_percent="120",
                    max_floors=40, max_coverage_percent="60")  # fmt: skip
    assert "طبقات" in text
    _refused(
        office,
        case_id,
        "plan_order.uses_required",
        s.plans.set_plan_order,
        plan,
        case_id,
        zone_code="R112",
        uses=[],
        land_area_m2="300",
        max_density_percent="120",
        max_floors=2,
        max_coverage_percent="60",
    )
    s.plans.set_plan_order(plan, case_id, zone_code="r112", uses=suggested.uses, land_area_m2="۳۰۰",
                           max_density_percent=suggested.max_density_percent, max_floors=suggested.max_floors,
                           max_coverage_percent=suggested.max_coverage_percent, parking_per_unit="1")  # fmt: skip

    _refused(office, case_id, "firm.inactive", s.plans.record_submission, plan, case_id, idle, 12)
    _refused(office, case_id, "submission.firm_required", s.plans.record_submission, plan, case_id, None, 12)
    s.plans.record_submission(plan, case_id, firm, 14, "نقشه‌های مرحله اول")
    s.cases.apply_action(plan, case_id, "start_review", expected_version=s.cases.get_version(case_id))

    # Approval needs the whole checklist: the refusal names the unchecked items.
    s.plans.set_checklist(plan, case_id, ALL[:3])
    text = _refused(office, case_id, "plan.approval_missing", s.plans.approve_plans, plan, case_id)
    assert "نما و مصالح نما" in text
    # Return to the firm with comments; the resubmission brings the case back to review.
    _refused(office, case_id, "plan.return_comments", s.plans.return_to_firm, plan, case_id, " ")
    s.plans.return_to_firm(plan, case_id, "عرض راه‌پله کمتر از ۱۲۰ سانتی‌متر است.")
    assert s.cases.get_case(plan, case_id).state == "returned_to_architect"
    s.plans.record_submission(plan, case_id, firm, 15, "اصلاح راه‌پله")
    assert s.cases.get_case(plan, case_id).state == "in_review"
    file = s.plans.get_file(plan, case_id)
    assert len(file.submissions) == 2 and file.submissions[0].returned_comments.startswith("عرض راه‌پله")
    assert file.open_checklist == tuple(ALL), "new sheets: the checklist starts over"
    s.plans.set_checklist(plan, case_id, ALL)
    s.plans.approve_plans(plan, case_id)
    file = s.plans.get_file(plan, case_id)
    assert file.state == "referrals" and [r.code for r in file.referrals] == ["green_space", "fire"]
    assert all(r.deadline > r.sent_on and not r.answered for r in file.referrals)

    # Half answered: completion is refused by the workflow engine, naming the fire department's answer.
    s.plans.record_referral_answer(plan, case_id, "green_space", "conditional", "حفظ دو اصله چنار الزامی است", "3345")
    _refused(office, case_id, "referral.answered", s.plans.record_referral_answer, plan, case_id, "green_space",
             "approved", "دوباره")  # fmt: skip
    text = _refused(office, case_id, "workflow.guard_failed", s.plans.complete, plan, case_id)
    assert "آتش‌نشانی" in text and "فضای سبز" not in text
    _refused(office, case_id, "referral.answer_text", s.plans.record_referral_answer, plan, case_id, "fire",
             "approved", "")  # fmt: skip
    # Wrong role: the violation expert cannot answer for the fire department.
    _refused(office, case_id, "plan.not_allowed", s.plans.record_referral_answer, office.violation, case_id, "fire",
             "approved", "بلامانع")  # fmt: skip
    pdf = tmp_path / "fire.pdf"
    pdf.write_bytes(s.plans.referral_letter_pdf(plan, case_id, "fire"))
    text = pdf_text(pdf)
    assert "استعلام از سازمان آتش‌نشانی و خدمات ایمنی" in text and "مهندسان مشاور نقش جهان" in text
    s.plans.record_referral_answer(plan, case_id, "fire", "approved", "از نظر ایمنی بلامانع است")
    s.plans.complete(plan, case_id)
    detail = s.cases.get_case(plan, case_id)
    assert detail.state == "approved" and detail.closed
    assert [h.action for h in detail.history][-4:] == ["approve_plans", "record_referral_answer",
                                                        "record_referral_answer", "complete"]  # fmt: skip
    with s.uow(writer=False) as uow:
        logged = set(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == case_id)))
    assert {"plan.order_set", "plan.submitted", "plan.returned_to_firm", "plan.referrals_sent",
            "plan.referral_answered", "case.action"} <= logged  # fmt: skip


def test_the_head_rejects_plans(office: Office) -> None:
    s, plan = office.s, _plan_user(office)
    case_id = _case(office, plan)
    s.cases.apply_action(plan, case_id, "start_review", expected_version=s.cases.get_version(case_id))
    _refused(office, case_id, "plan.reject_reason", s.plans.reject, plan, case_id, "")
    s.plans.reject(plan, case_id, "کاربری پیشنهادی با طرح تفصیلی مغایر است")
    assert s.cases.get_case(plan, case_id).state == "rejected"
