"""The plan approval tab end to end, signed in as the unit's demo user: the cartable, the register of architect
firms, a plan order, a submission, the checklist, a return to the firm, approval with parallel referrals, completion
refused until the fire department has answered (in Persian, naming it), the printed referral letter, a rejection,
the route history and the audit log."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEntry
from app.ui.units.plan_approval import PlanApprovalTab


def pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "referral.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", "", unicodedata.normalize("NFKC", raw))


def _audit_actions(ctx, case_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.services.uow(writer=False) as uow:
        return list(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == case_id)))


def _open(tab: PlanApprovalTab, kb, qtbot, case_id: str) -> None:  # type: ignore[no-untyped-def]
    tab.open_case(case_id)
    qtbot.waitUntil(lambda: tab.workbench.detail is not None and tab.workbench.detail.case_id == case_id,
                    timeout=10000)  # fmt: skip
    kb.wait_idle()


def _click(qtbot, kb, wb, button, *, fails: bool = False):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wb.failed if fails else wb.done, timeout=10000) as signal:
        button.click()
    kb.wait_idle()
    return signal.args


def _tick(list_widget, codes) -> None:  # type: ignore[no-untyped-def]
    for i in range(list_widget.count()):
        item = list_widget.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in codes
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_plan_approval_end_to_end(qtbot, ctx, kb, login, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    login("plan")
    tab = PlanApprovalTab(ctx)
    kb.show(tab)
    qtbot.waitUntil(lambda: tab.cartable.view.source.rowCount() > 0, timeout=10000)
    kb.wait_idle()
    rows = tab.cartable_rows()
    assert {"received", "in_review", "returned_to_architect", "referrals"} <= {r.state for r in rows}
    # Demo referrals half answered: green space answered, fire awaiting.
    plans = ctx.services.plans
    half = [r for r in rows if r.state == "referrals"
            and [x.answered for x in plans.get_file(ctx.actor, r.case_id).referrals] == [True, False]]  # fmt: skip
    assert half

    # -- the register of architect firms: a new firm, a duplicate refused in Persian.
    firms = tab.firms
    qtbot.waitUntil(lambda: firms.table.rowCount() >= 3, timeout=10000)
    firms.name_edit.setText("مهندسان مشاور پارسه")
    firms.number_edit.setText("۱۴-۲۲۳۳")
    firms.register_button.click()
    kb.wait_idle()
    qtbot.waitUntil(lambda: any(f.registration_number == "14-2233" for f in firms.firms), timeout=10000)
    firms.name_edit.setText("نام دیگر")
    firms.number_edit.setText("14-2233")
    firms.register_button.click()
    kb.wait_idle()
    assert "پیش‌تر ثبت شده" in firms.message.text()
    firm_id = next(f.id for f in firms.firms if f.registration_number == "14-2233")

    wb = tab.workbench
    # -- a case just received: the plan order from the zone, the submission, the review.
    case_id = next(r.case_id for r in rows if r.state == "received" and plans.suggested_order(r.case_id) is not None)
    _open(tab, kb, qtbot, case_id)
    wb.from_zone_button.click()
    kb.wait_idle()
    assert wb.zone_edit.text() and wb.checked_uses()
    floors = wb.floors.value()
    wb.floors.setValue(floors + 10)  # more than the zone allows: refused, naming floors
    args = _click(qtbot, kb, wb, wb.save_order_button, fails=True)
    assert args == ["plan_order.floors_over_zone"] and "طبقات" in wb.order_message.text()
    wb.floors.setValue(floors)
    _click(qtbot, kb, wb, wb.save_order_button)
    assert wb.file.plan_order is not None and wb.file.plan_order.max_floors == floors
    wb.firm_combo.setCurrentIndex(wb.firm_combo.findData(firm_id))
    wb.sheets_spin.setValue(14)
    submitted = len(wb.file.submissions)
    _click(qtbot, kb, wb, wb.submit_button)
    assert wb.file.submissions[-1].registration_number == "14-2233"
    assert len(wb.file.submissions) == submitted + 1
    _click(qtbot, kb, wb, wb.action_buttons["start_review"])
    assert wb.detail.state == "in_review"

    # Approval with the checklist half done is refused, naming what is not checked.
    codes = [wb.checklist.item(i).data(Qt.ItemDataRole.UserRole) for i in range(wb.checklist.count())]
    _tick(wb.checklist, codes[:2])
    _click(qtbot, kb, wb, wb.save_checklist_button)
    version = ctx.services.cases.get_version(case_id)
    args = _click(qtbot, kb, wb, wb.approve_button, fails=True)
    assert args == ["plan.approval_missing"] and "نما و مصالح نما" in wb.review_message.text()
    assert ctx.services.cases.get_version(case_id) == version

    # The return to the firm with comments, and the firm's new sheets.
    wb.comments.setPlainText("عرض راه‌پله کمتر از ضابطه است.")
    _click(qtbot, kb, wb, wb.return_button)
    assert wb.detail.state == "returned_to_architect"
    assert case_id in {r.case_id for r in tab.cartable_rows()}
    wb.firm_combo.setCurrentIndex(wb.firm_combo.findData(firm_id))
    _click(qtbot, kb, wb, wb.submit_button)
    assert wb.detail.state == "in_review" and len(wb.file.submissions) == submitted + 2
    assert wb.file.submissions[-2].returned_comments == "عرض راه‌پله کمتر از ضابطه است."

    # Everything checked: approved, and both referrals go out at once with their deadline.
    _tick(wb.checklist, codes)
    _click(qtbot, kb, wb, wb.save_checklist_button)
    _click(qtbot, kb, wb, wb.approve_button)
    assert wb.detail.state == "referrals"
    assert [(r.code, r.answered) for r in wb.file.referrals] == [("green_space", False), ("fire", False)]
    assert wb.referrals_table.rowCount() == 2

    # Green space answers; completing is refused by the workflow, naming the fire department's missing answer.
    wb.referral_combo.setCurrentIndex(wb.referral_combo.findData("green_space"))
    wb.answer_combo.setCurrentIndex(wb.answer_combo.findData("conditional"))
    wb.answer_text.setPlainText("حفظ درختان حیاط الزامی است")
    _click(qtbot, kb, wb, wb.answer_button)
    version = ctx.services.cases.get_version(case_id)
    args = _click(qtbot, kb, wb, wb.complete_button, fails=True)
    assert args == ["workflow.guard_failed"]
    assert "آتش‌نشانی" in wb.referral_message.text() and "فضای سبز" not in wb.referral_message.text()
    assert ctx.services.cases.get_version(case_id) == version

    # The referral letter to the fire department, printed.
    wb.referral_combo.setCurrentIndex(wb.referral_combo.findData("fire"))
    _click(qtbot, kb, wb, wb.print_referral_button)
    assert wb.last_pdf is not None and wb.preview is not None
    wb.preview.close()
    text = pdf_text(wb.last_pdf, tmp_path)
    assert "استعلام از سازمان آتش‌نشانی و خدمات ایمنی" in text and "مهندسان مشاور پارسه" in text

    wb.answer_combo.setCurrentIndex(wb.answer_combo.findData("approved"))
    wb.answer_text.setPlainText("از نظر ایمنی بلامانع است")
    _click(qtbot, kb, wb, wb.answer_button)
    _click(qtbot, kb, wb, wb.complete_button)
    detail = ctx.services.cases.get_case(ctx.actor, case_id)
    assert detail.state == "approved"
    qtbot.waitUntil(lambda: case_id not in {r.case_id for r in tab.cartable_rows()}, timeout=10000)
    history = [h.action for h in detail.history]
    assert history[-7:] == ["start_review", "return_to_architect", "resubmit", "approve_plans",
                            "record_referral_answer", "record_referral_answer", "complete"]  # fmt: skip
    audit = set(_audit_actions(ctx, case_id))
    assert {"plan.order_set", "plan.submitted", "plan.checklist_set", "plan.returned_to_firm", "plan.referrals_sent",
            "plan.referral_answered", "case.action"} <= audit  # fmt: skip

    # -- a rejection by the head, with its reason.
    other = next(r.case_id for r in tab.cartable_rows() if r.state == "in_review")
    _open(tab, kb, qtbot, other)
    _click(qtbot, kb, wb, wb.reject_button, fails=True)
    assert "علت رد" in wb.review_message.text()
    wb.comments.setPlainText("کاربری پیشنهادی با پهنه مغایر است")
    _click(qtbot, kb, wb, wb.reject_button)
    assert ctx.services.cases.get_case(ctx.actor, other).state == "rejected"

    # -- the wrong role: the violation expert cannot record an answer for the fire department.
    half_case = half[0].case_id
    _open(tab, kb, qtbot, half_case)
    login("violation")
    wb.referral_combo.setCurrentIndex(wb.referral_combo.findData("fire"))
    wb.answer_combo.setCurrentIndex(wb.answer_combo.findData("approved"))
    wb.answer_text.setPlainText("بلامانع")
    _click(qtbot, kb, wb, wb.answer_button, fails=True)
    assert "کارشناس تایید نقشه" in wb.referral_message.text()
    tab.close()
