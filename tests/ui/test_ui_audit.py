"""The audit tab end to end as the demo's office inspector: the log filtered and exported, the chain verified (then
broken by an edit behind the program's back), complaints registered and moved on with refusals in Persian, personal
data views (a search by national ID shows up), alerts and staff performance from the demo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select
from test_ui_followup_support import watch_persian  # noqa: F401  (fixture)

from app.models import Person
from app.ui.units.audit import AuditTab


def test_auditor_audits_the_office(qtbot, ctx, kb, login, watch_persian, tmp_path: Path) -> None:  # noqa: F811
    services = ctx.services
    with services.uow(writer=False) as uow:
        nid = uow.session.scalar(select(Person.national_id).where(Person.national_id.is_not(None)))
    services.search.search(services.auth.actor_by_username("intake"), nid)
    login("auditor")
    tab = AuditTab(ctx)
    kb.show(tab)
    kb.wait_idle()

    # -- the log, filtered by user and exported ----------------------------------------------------------------------
    log = tab.log_panel
    assert log.table.rowCount() > 0
    log.user_edit.setText("ghost")
    log.reload()
    kb.wait_idle()
    assert log.message.isVisible() and "کاربر" in log.message.text()
    log.user_edit.setText("intake")
    log.action_edit.setText("personal_data")
    log.reload()
    kb.wait_idle()
    assert log.table.rowCount() >= 1 and set(log.table.column_texts(1)) == {"intake"}
    log.export("xlsx", tmp_path / "log.xlsx")
    kb.wait_idle()
    assert load_workbook(log.last_export).active.max_row == 4 + log.table.rowCount()

    # -- the chain: intact, then an entry edited behind the program's back -----------------------------------------------
    log.verify()
    kb.wait_idle()
    assert log.verdict_value.report.ok and "سالم" in log.verdict.text()
    with sqlite3.connect(ctx.paths.database) as db:
        db.execute("UPDATE audit_entry SET action = 'case.nothing' WHERE seq = 7")
    log.verify()
    kb.wait_idle()
    assert not log.verdict_value.report.ok and log.verdict_value.report.first_broken_seq == 7
    assert "۷" in log.verdict.text() and "case.nothing" in log.verdict.text()
    with sqlite3.connect(ctx.paths.database) as db:  # put it back so the rest of the test writes a sound chain
        db.execute("UPDATE audit_entry SET action = ? WHERE seq = 7", (log.verdict_value.broken.action,))
    log.verify()
    kb.wait_idle()

    # -- complaints: refusals in Persian, then register → investigate → resolve ------------------------------------------
    complaints = tab.complaints
    before = complaints.table.rowCount()
    assert before >= 3  # demo complaints at every step
    complaints.register()
    kb.wait_idle()
    assert complaints.form_message.text() == "شرح شکایت را بنویسید."
    complaints.kind.setCurrentIndex(complaints.kind.findData("misconduct"))
    kb.type(complaints.description, "درخواست وجه خارج از تعرفه")
    complaints.register()
    kb.wait_idle()
    assert complaints.form_message.text() == "کارمند مربوط را انتخاب کنید."
    complaints.staff.setCurrentIndex(complaints.staff.findText("حمید رستمی"))
    complaints.register()
    kb.wait_idle()
    assert complaints.table.rowCount() == before + 1
    complaints.table.setCurrentCell(0, 0)
    complaints.advance("resolve")
    kb.wait_idle()
    assert complaints.step_message.text() in ("نتیجه نهایی و نحوه رسیدگی را بنویسید.", "شکایت در این مرحله نیست.",
                                              "نحوه رسیدگی و نتیجه نهایی را بنویسید.")  # fmt: skip
    kb.type(complaints.step_text, "بررسی شد")
    complaints.advance("resolve")
    kb.wait_idle()
    assert complaints.step_message.text() == "شکایت در این مرحله نیست."
    complaints.advance("investigate")
    kb.wait_idle()
    complaints.table.setCurrentCell(0, 0)
    kb.type(complaints.step_text, "تذکر کتبی داده شد")
    complaints.advance("resolve")
    kb.wait_idle()
    assert complaints.table.item(0, 8).text() == "تذکر کتبی داده شد"

    # -- personal-data views and alerts; staff performance ---------------------------------------------------------------
    views = tab.views_panel
    views.reload()
    kb.wait_idle()
    assert "جست‌وجو با کد ملی" in views.views.column_texts(2)
    assert views.alerts.rowCount() >= 2
    assert tab.staff_panel.table.rowCount() > 3
    tab.close()
