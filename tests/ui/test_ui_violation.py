"""The violation review tab end to end, signed in as the unit's demo user: the cartable and the objection deadlines,
violation records added and closed, a return with a deficiency, a rejection, an objection sent in time with its
attachment and printed, a late one refused in Persian, the route history and the audit log."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEntry
from app.services.dto import ActionOption
from app.ui.units.violation import ViolationTab


def pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "letter.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", "", unicodedata.normalize("NFKC", raw))


def _audit_actions(ctx, case_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.services.uow(writer=False) as uow:
        return list(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == case_id)))


def _history(ctx, case_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.action for h in ctx.services.cases.get_case(ctx.actor, case_id).history]


def _open(tab: ViolationTab, kb, qtbot, case_id: str) -> None:  # type: ignore[no-untyped-def]
    tab.open_case(case_id)
    qtbot.waitUntil(lambda: tab.workbench.detail is not None and tab.workbench.detail.case_id == case_id,
                    timeout=10000)  # fmt: skip
    kb.wait_idle()


def _option(tab: ViolationTab, action: str) -> ActionOption:
    detail = tab.workbench.detail
    assert detail is not None
    return next(a for a in detail.actions if a.action == action)


def test_violation_review_end_to_end(qtbot, ctx, kb, login, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    login("violation")
    tab = ViolationTab(ctx)
    kb.show(tab)
    qtbot.waitUntil(lambda: tab.cartable.view.source.rowCount() > 0, timeout=10000)
    kb.wait_idle()
    rows = {r.case_id: r for r in tab.cartable_rows()}
    services = {r.service_code for r in rows.values()}
    assert {"V01_INSPECTION_VIOLATIONS", "V03_ARTICLE100_OBJECTION", "V02_REGISTRY_LETTER"} <= services
    # The deadlines panel: near, last days, passed (in red), and one already sent.
    deadlines = tab.deadlines.rows
    assert any(d.expired and not d.objection_sent for d in deadlines)
    assert any(not d.expired and not d.objection_sent and d.days_left >= 5 for d in deadlines)
    assert any(d.objection_sent for d in deadlines)
    passed_row = next(i for i, d in enumerate(deadlines) if d.expired and not d.objection_sent)
    assert tab.deadlines.table.item(passed_row, 6).foreground().color().name() == "#b71c1c"
    # The cartable itself shows the countdown in the stage column, the passed deadline in red.
    model = tab.cartable_model
    passed_case = deadlines[passed_row].case_id
    row = next(i for i in range(model.rowCount()) if model.row_at(i).case_id == passed_case)
    stage = model.index(row, model.COLUMNS.index("state"))
    assert model.countdown(passed_case) in model.data(stage)
    assert model.data(stage, Qt.ItemDataRole.ForegroundRole).color().name() == "#b71c1c"
    near_case = next(d.case_id for d in deadlines if not d.expired and not d.objection_sent)
    assert any(ch in model.countdown(near_case) for ch in "۰۱۲۳۴۵۶۷۸۹")

    wb = tab.workbench
    # -- 1. a review: records added (a bad one refused next to the form), closed, then a return and the settlement.
    review = next(
        cid
        for cid, r in rows.items()
        if r.service_code == "V01_INSPECTION_VIOLATIONS"
        and r.state == "under_review"
        and ctx.services.violations.get_file(ctx.actor, cid).violations
    )
    _open(tab, kb, qtbot, review)
    before = len(wb.file.violations)
    version = ctx.services.cases.get_version(review)
    wb.kind_combo.setCurrentIndex(wb.kind_combo.findData("missing_parking"))
    kb.type(wb.quantity_edit, "۱٫۵")
    with qtbot.waitSignal(wb.failed, timeout=10000) as failed:
        wb.add_violation_button.click()
    assert failed.args == ["violation.whole_spaces"]
    assert "پارکینگ" in wb.violation_message.text() and wb.violation_message.isVisible()
    assert ctx.services.cases.get_version(review) == version, "a refusal changes nothing"
    wb.quantity_edit.setText("2")
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.add_violation_button.click()
    qtbot.waitUntil(lambda: len(wb.file.violations) == before + 1, timeout=10000)
    kb.wait_idle()
    assert wb.violations_table.rowCount() == before + 1
    # The return: a deficiency with its note, then the documents completed.
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.apply_action(_option(tab, "return_deficiency"), note="کسری: نقشه‌های نظام مهندسی")
    qtbot.waitUntil(lambda: wb.detail.state == "awaiting_documents", timeout=10000)
    kb.wait_idle()
    assert "documents_completed" in wb.action_buttons
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.action_buttons["documents_completed"].click()
    qtbot.waitUntil(lambda: wb.detail.state == "under_review", timeout=10000)
    kb.wait_idle()
    # Closing every open record lets the case be settled.
    for line in [v for v in wb.file.violations if v.status == "open"]:
        row = next(i for i in range(wb.violations_table.rowCount())
                   if wb.violations_table.item(i, 0).data(256) == line.id)  # fmt: skip
        wb.violations_table.setCurrentCell(row, 0)
        wb.close_note.setText("رفع شد")
        wb.close_violation_button.click()
        kb.wait_idle()
        assert not wb.violation_message.isVisible(), wb.violation_message.text()
    assert all(v.status == "closed" for v in wb.file.violations)
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.apply_action(_option(tab, "resolve"), note="تخلفات رفع شد")
    kb.wait_idle()
    assert ctx.services.cases.get_case(ctx.actor, review).state == "resolved"
    assert review not in {r.case_id for r in tab.cartable_rows()}
    history = _history(ctx, review)
    assert history.index("return_deficiency") < history.index("documents_completed") < history.index("resolve")
    audit = _audit_actions(ctx, review)
    assert "violation.added" in audit and audit.count("violation.closed") >= 1 and "case.action" in audit

    # -- 2. an objection in time: attachment saved into the file store, sent, printed, the appeal recorded.
    in_time = next(d for d in deadlines if not d.expired and not d.objection_sent and d.days_left >= 5)
    _open(tab, kb, qtbot, in_time.case_id)
    assert "روز" in wb.countdown.text() or "days" in wb.countdown.text()
    scan = tmp_path / "ruling.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scanned ruling\n")
    wb.objection_text.setPlainText("متن اعتراض: طبقه ششم با مجوز شورای معماری ساخته شده است.")
    wb.add_attachments([scan])
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.save_objection_button.click()
    kb.wait_idle()
    assert wb.file.ruling is not None and [n for _s, n in wb.file.ruling.attachments] == ["ruling.pdf"]
    assert ctx.services.files.has(wb.file.ruling.attachments[0][0])
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.send_objection_button.click()
    kb.wait_idle()
    assert wb.detail.state == "at_appeal"
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.print_objection_button.click()
    kb.wait_idle()
    assert wb.last_pdf is not None and wb.preview is not None
    text = pdf_text(wb.last_pdf, tmp_path)
    wb.preview.close()
    assert "لایحه اعتراض به رای کمیسیون ماده صد" in text and "ruling.pdf" in text and "شورای معماری" in text
    wb.appeal_combo.setCurrentIndex(wb.appeal_combo.findData("upheld"))
    wb.appeal_note.setText("رای بدوی تایید شد")
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.appeal_button.click()
    kb.wait_idle()
    assert ctx.services.cases.get_case(ctx.actor, in_time.case_id).state == "closed"
    assert _history(ctx, in_time.case_id)[-2:] == ["file_objection", "record_appeal_ruling"]
    assert {"article100.objection_saved", "article100.objection_sent", "article100.appeal_recorded"} <= set(
        _audit_actions(ctx, in_time.case_id))  # fmt: skip

    # -- 3. an objection after the deadline: refused in Persian, naming the deadline; nothing changes.
    late = next(d for d in tab.deadlines.rows if d.expired and not d.objection_sent)
    _open(tab, kb, qtbot, late.case_id)
    assert wb.countdown.styleSheet().startswith("color: #b71c1c")
    version = ctx.services.cases.get_version(late.case_id)
    wb.objection_text.setPlainText("اعتراض دیرهنگام")
    with qtbot.waitSignal(wb.failed, timeout=10000) as failed:
        wb.send_objection_button.click()
    assert failed.args[0] in ("article100.objection_late", "objection.text_required")
    with qtbot.waitSignal(wb.failed, timeout=10000) as failed:
        wb.save_objection_button.click()
    assert failed.args == ["article100.objection_late"]
    assert "مهلت اعتراض" in wb.objection_message.text() and "۱۴۰" in wb.objection_message.text()
    assert ctx.services.cases.get_version(late.case_id) == version

    # -- 4. a rejection: the fire-safety company request, registered then rejected by the head with a reason.
    fire = next(cid for cid, r in rows.items() if r.service_code == "V04_FIRE_COMPANY" and r.state == "in_review")
    _open(tab, kb, qtbot, fire)
    tab.workbench.sections.setCurrentIndex(3)
    wb.fire_name.setText("شرکت ایمنی نگهبان")
    wb.fire_registration.setText("77881")
    with qtbot.waitSignal(wb.failed, timeout=10000) as failed:
        wb.fire_button.click()
    assert failed.args == ["fire_company.licence_required"] and "مجوز" in wb.fire_message.text()
    with qtbot.waitSignal(wb.done, timeout=10000):
        wb.apply_action(_option(tab, "reject"), note="مجوز شرکت ارائه نشد")
    kb.wait_idle()
    assert ctx.services.cases.get_case(ctx.actor, fire).state == "rejected"

    # -- 5. the wrong role: a plan expert cannot record a violation here.
    case_id = wb.case_id
    login("plan")
    with qtbot.waitSignal(wb.failed, timeout=10000) as failed:
        wb.import_observed()
    assert failed.args == ["violation.not_allowed"] and "کارشناس" in wb.violation_message.text()
    assert case_id == wb.case_id
    tab.close()
