"""The technical manager's tab end to end as the demo's technical manager: a circular registered with its scan and
distributed (refusals in Persian next to their fields, nothing written), acknowledged from "my circulars" (once), a
letter to the fire department and its reply, and a staff question answered."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from sqlalchemy import func, select
from test_ui_followup_support import watch_persian  # noqa: F401  (fixture)

from app.models import AuditEntry, Circular, CircularAck, Correspondence, TechQuestion
from app.ui.units.followup.widgets import ID_ROLE
from app.ui.units.technical import TechnicalTab, set_checked


def _counts(services) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with services.uow(writer=False) as uow:
        s = uow.session
        return tuple(int(s.scalar(select(func.count()).select_from(m)) or 0)
                     for m in (Circular, CircularAck, Correspondence, TechQuestion, AuditEntry))  # fmt: skip


def _select(table, row_id: str) -> None:  # type: ignore[no-untyped-def]
    ids = [table.item(r, 0).data(ID_ROLE) for r in range(table.rowCount())]
    table.setCurrentCell(ids.index(row_id), 0)


def test_technical_manager_keeps_the_rules(qtbot, ctx, kb, login, watch_persian, tmp_path: Path) -> None:  # noqa: F811
    login("techmanager")
    tab = TechnicalTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    services = ctx.services
    tab.resize(1300, 820)

    # -- the demo fills every panel ---------------------------------------------------------------------------------------
    reg = tab.register
    assert reg.table.rowCount() >= 4 and reg.acks.rowCount() > 0
    assert any(c.scan_sha256 for c in reg.lines)
    assert tab.mine.table.rowCount() >= 2 and any(c.my_ack is None for c in tab.mine.lines)
    assert tab.letters.table.rowCount() >= 6 and tab.questions.table.rowCount() >= 5
    for panel, name in ((reg, "technical-register"), (tab.mine, "technical-mine"), (tab.letters, "technical-letters"),
                        (tab.questions, "technical-questions")):  # fmt: skip
        tab.panels.setCurrentWidget(panel)
        tab.grab().save(str(tmp_path / f"{name}.png"))
        if os.environ.get("WATCH_SHOTS"):
            tab.grab().save(str(Path(os.environ["WATCH_SHOTS"]) / f"{name}.png"))

    # -- registering: refusals next to their fields, nothing written ---------------------------------------------------------
    tab.panels.setCurrentWidget(reg)
    before = _counts(services)
    today = services.today()
    reg.issued_edit.set_value(today)
    reg.effective_edit.set_value(today - dt.timedelta(days=3))
    reg.save()
    kb.wait_idle()
    form = reg.form
    assert form.message_of("number") == "شماره را وارد کنید."
    assert form.message_of("issuer") == "مرجع صادرکننده را وارد کنید."
    assert form.message_of("subject") == "موضوع را وارد کنید."
    assert form.message_of("effective_on") == "تاریخ اجرا نمی‌تواند پیش از تاریخ صدور باشد."
    assert form.message_of("units") == "دست‌کم یک واحد را برای ابلاغ انتخاب کنید."
    assert _counts(services) == before

    scan = tmp_path / "circular-scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scanned circular 55/1200\n")
    reg.set_scan(scan)
    reg.number_edit.setText("55/1200")
    kb.type(reg.issuer_edit, "معاونت شهرسازی و معماری")
    kb.type(reg.subject_edit, "ضوابط جدید پیش‌آمدگی بالکن")
    kb.type(reg.body_edit, "پیش‌آمدگی در معابر کمتر از ۱۲ متر ممنوع است.")
    reg.effective_edit.set_value(today + dt.timedelta(days=7))
    set_checked(reg.units, {"technical", "plan_approval"})
    set_checked(reg.services, {"P01_PLAN_APPROVAL"})
    reg.save()
    kb.wait_idle()
    assert form.message.text() == "ثبت و به واحدها ابلاغ شد." and form.message_of("number") == ""
    new = next(c for c in reg.lines if c.number == "55/1200")
    assert new.units == ("plan_approval", "technical") and new.services == ("P01_PLAN_APPROVAL",)
    assert new.scan_sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert services.technical.scan_path(new.id).read_bytes() == scan.read_bytes()
    # the same number again is refused next to the number
    reg.number_edit.setText("55/1200")
    reg.issuer_edit.setText("x")
    reg.subject_edit.setText("y")
    set_checked(reg.units, {"technical"})
    before = _counts(services)
    reg.save()
    kb.wait_idle()
    assert form.message_of("number") == "سندی با این شماره پیش‌تر ثبت شده است."
    assert _counts(services) == before

    # -- who acknowledged it: nobody yet; the manager acknowledges it from "my circulars", once --------------------------------
    _select(reg.table, new.id)
    kb.wait_idle()
    assert reg.acks.rowCount() >= 2 and "هنوز" in reg.acks.column_texts(1)[0]
    mine = tab.mine
    tab.panels.setCurrentWidget(mine)
    _select(mine.table, new.id)
    assert "پیش‌آمدگی" in mine.detail.toPlainText()
    mine.acknowledge()
    kb.wait_idle()
    assert mine.message.text() == "رؤیت ثبت شد."
    assert next(c for c in mine.lines if c.id == new.id).my_ack is not None
    before = _counts(services)
    _select(mine.table, new.id)
    mine.acknowledge()
    kb.wait_idle()
    assert mine.message.text() == "پیش‌تر رؤیت آن را تأیید کرده‌اید."
    assert _counts(services) == before
    assert next(c for c in reg.lines if c.id == new.id).acknowledged == 1

    # -- a letter to the fire department, refused without agency and number, then its reply -------------------------------------
    letters = tab.letters
    tab.panels.setCurrentWidget(letters)
    before = _counts(services)
    letters.save()
    kb.wait_idle()
    assert letters.form.message_of("agency") == "اداره طرف مکاتبه را انتخاب کنید."
    assert letters.form.message_of("secretariat_no") == "شماره دبیرخانه را وارد کنید."
    assert letters.form.message_of("subject") == "موضوع را وارد کنید."
    assert _counts(services) == before
    letters.agency.setCurrentIndex(letters.agency.findData("fire"))
    letters.number_edit.setText("5001/ص")
    kb.type(letters.subject_edit, "استعلام ایمنی مجتمع تجاری")
    letters.save()
    kb.wait_idle()
    assert letters.form.message.text() == "نامه ثبت شد."
    out = next(c for c in letters.lines if c.secretariat_no == "5001/ص")
    assert not out.answered
    letters.agency.setCurrentIndex(letters.agency.findData("fire"))
    letters.direction.setCurrentIndex(letters.direction.findData("incoming"))
    letters.number_edit.setText("5001/ص")
    letters.subject_edit.setText("پاسخ")
    letters.save()
    kb.wait_idle()
    assert letters.form.message_of("secretariat_no") == "این شماره دبیرخانه پیش‌تر ثبت شده است."
    letters.number_edit.setText("950/و")
    letters.reply_to.setCurrentIndex(letters.reply_to.findData(out.id))
    letters.save()
    kb.wait_idle()
    assert next(c for c in letters.lines if c.id == out.id).answered
    assert next(c for c in letters.lines if c.secretariat_no == "950/و").in_reply_to_no == "5001/ص"

    # -- questions: ask one, answer it (refused without text), cannot answer twice ---------------------------------------------------
    qs = tab.questions
    tab.panels.setCurrentWidget(qs)
    qs.ask()
    kb.wait_idle()
    assert qs.ask_form.message_of("question") == "پرسش را بنویسید."
    kb.type(qs.question_edit, "ارتفاع مجاز جان‌پناه بام چقدر است؟")
    qs.ask()
    kb.wait_idle()
    asked = next(q for q in qs.lines if q.question.startswith("ارتفاع"))
    _select(qs.table, asked.id)
    before = _counts(services)
    qs.save_answer()
    kb.wait_idle()
    assert qs.answer_form.message_of("answer") == "پاسخ را بنویسید."
    assert _counts(services) == before
    kb.type(qs.answer_edit, "دست‌کم ۱۱۰ سانتی‌متر.")
    qs.save_answer()
    kb.wait_idle()
    assert next(q for q in qs.lines if q.id == asked.id).answered_by == "داریوش یزدانی"
    _select(qs.table, asked.id)
    kb.type(qs.answer_edit, "دوباره")
    qs.save_answer()
    kb.wait_idle()
    assert qs.answer_form.message_of("answer") == "به این پرسش پیش‌تر پاسخ داده شده است."
    with services.uow(writer=False) as uow:
        last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert last.action == "tech_question.answered" and last.username == "techmanager"
    tab.close()
