"""The follow-up tab end to end as the demo's follow-up officer: overdue lists, a file's journey, a citizen's call
answered by national ID and logged, bottlenecks, charts with content, report exports, and refusals in Persian."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select
from test_ui_followup_support import watch_persian  # noqa: F401  (fixture)

from app.models import AuditEntry, Case, Person
from app.ui.units.followup import FollowupTab

KEY = Qt.Key


def test_followup_officer_watches_files(qtbot, ctx, kb, login, watch_persian, tmp_path: Path) -> None:  # noqa: F811
    login("followup")
    tab = FollowupTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    services = ctx.services

    # -- overdue and nearly-due work, per unit and per expert -------------------------------------------------------
    overdue = tab.overdue
    assert overdue.table.rowCount() > 0 and overdue.per_unit.rowCount() > 0 and overdue.per_expert.rowCount() > 0
    assert "گذشته" in overdue.count_label.text() or "مهلت" in overdue.count_label.text()
    overdue.which.setCurrentIndex(1)
    assert all(r.status == "overdue" for r in [r for r in overdue.rows if r.status == "overdue"])
    overdue.table.setCurrentCell(0, 0)
    first_case = overdue.table.current_id()
    overdue._open()
    kb.wait_idle()
    assert tab.panels.currentWidget() is tab.journey
    assert tab.journey.timeline is not None and tab.journey.timeline.case_id == first_case
    assert tab.journey.table.rowCount() == len(tab.journey.timeline.stages) > 0

    # -- a journey by tracking number; a wrong number is refused in Persian -------------------------------------------
    journey = tab.journey
    journey.tracking_edit.setText("1234")
    journey.show_journey()
    kb.wait_idle()
    assert journey.message.isVisible() and "پرونده" in journey.message.text()
    with services.uow(writer=False) as uow:
        tracking = uow.session.scalar(select(Case.tracking_number).limit(1))
    journey.tracking_edit.setText(tracking)
    journey.show_journey()
    kb.wait_idle()
    assert not journey.message.isVisible() and journey.timeline.tracking_number == tracking

    # -- a citizen calls: found by national ID, the view is logged, the call is logged --------------------------------
    tab.panels.setCurrentWidget(tab.citizen)
    citizen = tab.citizen
    citizen.save()
    assert "ابتدا" in citizen.note_message.text()  # find the file first
    citizen.query_edit.setText("hello")
    citizen.look_up()
    kb.wait_idle()
    assert "کد ملی" in citizen.query_message.text()
    with services.uow(writer=False) as uow:
        national_id = uow.session.scalar(
            select(Person.national_id).join(Case, Case.applicant_id == Person.id).where(Person.national_id.is_not(None))
        )
    citizen.query_edit.setText(national_id)
    citizen.look_up()
    kb.wait_idle()
    assert citizen.hits.rowCount() >= 1 and citizen.kind == "national_id"
    with services.uow(writer=False) as uow:
        last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert last.action == "personal_data.viewed" and last.username == "followup"
    contacts_before = citizen.contacts.rowCount()
    citizen.save()  # no note
    kb.wait_idle()
    assert citizen.note_message.text() == "آنچه به شهروند گفته شد را بنویسید."
    citizen.channel.setCurrentIndex(1)
    kb.type(citizen.note_edit, "مرحله پرونده اعلام شد")
    kb.type(citizen.caller_edit, "علی")
    citizen.save()
    kb.wait_idle()
    assert citizen.contacts.rowCount() == contacts_before + 1
    assert "مرحله پرونده اعلام شد" in citizen.contacts.column_texts(4)

    # -- bottlenecks and charts -----------------------------------------------------------------------------------------
    assert tab.bottleneck.table.rowCount() > 0
    charts = tab.charts
    assert charts.data is not None and sum(d.intake for d in charts.data.daily) > 0 and charts.data.backlog
    for view in (charts.daily_view, charts.stage_view, charts.backlog_view):
        assert view.chart().series() and view.chart().series()[0].count() > 0
    tab.panels.setCurrentWidget(charts)
    tab.resize(1300, 850)
    tab.grab().save(str(tmp_path / "followup-charts.png"))
    # a reversed period is refused in Persian
    first, last = charts.range.values()
    charts.range.first.set_value(last)
    charts.range.last.set_value(first)
    charts.reload()
    kb.wait_idle()
    assert "پایان" in charts.message.text()
    charts.range.first.set_value(first)
    charts.range.last.set_value(last)

    # -- reports: Excel opens, the PDF shows its Persian headings --------------------------------------------------------
    charts.export("xlsx", tmp_path / "report.xlsx")
    kb.wait_idle()
    assert charts.last_export == tmp_path / "report.xlsx"
    assert len(load_workbook(charts.last_export).sheetnames) == 5
    charts.export("pdf", tmp_path / "report.pdf")
    kb.wait_idle()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True).stdout
        import unicodedata

        flat = "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())
        assert "پروندههایازمهلتگذشته" in flat.replace("\u200c", "")
    tab.close()
