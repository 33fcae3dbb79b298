"""Follow-up services: the case clock against its route history, overdue lists on the working-day calendar with a
holiday, citizens' look-ups and contacts, charts, and the PDF / Excel / CSV report."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from svc_office import PASSWORD, Office

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError, ValidationError
from app.models import AuditEntry, CaseEvent, OutboxEntry
from app.services.dto import OpenCaseInput
from app.services.followup import HEADINGS, REPORT_TITLE


def _followup_user(office: Office):  # type: ignore[no-untyped-def]
    office.s.auth.create_user(office.admin, "followup", "سمیه رحیمی", PASSWORD, ["followup.officer", "followup.head"])
    return office.s.auth.actor_by_username("followup")


def _open_request(office: Office, actor, person_id: str) -> str:  # type: ignore[no-untyped-def]
    service = CATALOG.get("FU01_FOLLOWUP_REQUEST")
    result = office.s.intake.open_case(
        actor, OpenCaseInput(service.code, person_id, None, frozenset(service.required_documents))
    )
    return result.case_id


def test_timeline_matches_route_history(office: Office) -> None:
    fu = _followup_user(office)
    person = office.person()
    case_id = _open_request(office, fu, person.id)
    s = office.s
    office.clock.advance(hours=26)
    s.cases.apply_action(fu, case_id, "start_review", expected_version=s.cases.get_version(case_id))
    office.clock.advance(hours=3)
    s.cases.apply_action(fu, case_id, "refer", assignee_id=fu.user_id, note="ارجاع",
                         expected_version=s.cases.get_version(case_id))  # fmt: skip
    office.clock.advance(days=2)
    s.cases.apply_action(fu, case_id, "answer", note="پاسخ داده شد", expected_version=s.cases.get_version(case_id))
    timeline = s.followup.case_timeline(fu, case_id)
    with s.uow(writer=False) as uow:
        events = uow.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.seq))
        changes = [(e.to_state, e.at) for e in events if e.to_state != e.from_state]
    # One stage per state the case waited in (the referral kept the stage), the final state has none.
    assert [(st.state, st.entered) for st in timeline.stages] == changes[:-1]
    assert [st.left for st in timeline.stages] == [at for _, at in changes[1:]]
    assert timeline.closed and timeline.stages[0].working_days == 1
    assert timeline.stages[1].assignee_name == "سمیه رحیمی"
    assert sum(timeline.minutes_per_unit.values()) == sum(st.working_minutes for st in timeline.stages)


def test_overdue_list_counts_a_holiday_inside_the_deadline(office: Office) -> None:
    fu = _followup_user(office)
    s = office.s
    case_id = _open_request(office, fu, office.person().id)  # Monday 1404/02/15: 3 working days → Thursday
    office.clock.value = dt.datetime(2025, 5, 9, 7, 0, tzinfo=dt.UTC)  # Friday
    rows = {r.case_id: r for r in s.followup.watch_list(fu)}
    assert rows[case_id].status == "overdue" and rows[case_id].deadline == dt.date(2025, 5, 8)
    s.admin.set_holiday(office.admin, dt.date(2025, 5, 7), "تعطیل رسمی")  # Wednesday inside the deadline
    rows = {r.case_id: r for r in s.followup.watch_list(fu)}
    assert rows[case_id].deadline == dt.date(2025, 5, 10)  # Saturday: one day later
    assert rows[case_id].status == "nearly_due" and rows[case_id].days_left == 1
    assert s.followup.group_counts(rows.values(), "unit")[0][1:] == (0, 1)
    office.clock.value = dt.datetime(2025, 5, 11, 7, 0, tzinfo=dt.UTC)
    rows = {r.case_id: r for r in s.followup.watch_list(fu)}
    assert rows[case_id].status == "overdue" and rows[case_id].days_left == -1


def test_lookup_logs_personal_data_and_contact(office: Office) -> None:
    fu = _followup_user(office)
    s = office.s
    person = office.person()
    case_id = _open_request(office, fu, person.id)
    result = s.followup.lookup(fu, "۰۰۸۴۵۷۵۹۴۸")
    assert result.kind == "national_id" and [h.case_id for h in result.hits] == [case_id]
    with s.uow(writer=False) as uow:
        viewed = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "personal_data.viewed")).all()
    assert viewed and viewed[-1].user_id == fu.user_id and viewed[-1].details["by"] == "national_id"
    assert s.followup.lookup(fu, "09121234567").hits[0].case_id == case_id
    with pytest.raises(ValidationError) as bad:
        s.followup.lookup(fu, "علی")
    assert bad.value.code == "followup.lookup_kind"
    with pytest.raises(ValidationError) as empty:
        s.followup.log_contact(fu, channel="call", query_kind="national_id", case_id=case_id, caller_name="", note=" ")
    assert empty.value.code == "followup.note_required"
    with pytest.raises(DomainError) as forbidden:
        s.followup.lookup(office.inspector, "0084575948")
    assert forbidden.value.code == "followup.forbidden"
    saved = s.followup.log_contact(fu, channel="visit", query_kind="national_id", case_id=case_id,
                                   caller_name="علی محمدی", note="مرحله پرونده اعلام شد")  # fmt: skip
    today = s.today()
    lines = s.followup.list_contacts(fu, today, today)
    assert [c.id for c in lines] == [saved.id] and lines[0].answered_by == "سمیه رحیمی"
    with s.uow(writer=False) as uow:
        queued = uow.session.scalars(select(OutboxEntry.entity).where(OutboxEntry.entity_id == saved.id)).all()
    assert queued == ["watch_contact"]
    assert s.audit.verify_chain().ok


def _letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def test_report_exports_open(office: Office, tmp_path: Path) -> None:
    fu = _followup_user(office)
    s = office.s
    for i in range(3):
        case_id = _open_request(office, fu, office.person(national_id=("0013542419", "0499370899", "0084575948")[i],
                                                          mobile=f"0912123456{i}").id)  # fmt: skip
        office.clock.advance(days=1)
        s.cases.apply_action(fu, case_id, "start_review", expected_version=s.cases.get_version(case_id))
    first, last = s.today() - dt.timedelta(days=5), s.today()
    charts = s.followup.charts(fu, first, last)
    assert sum(d.intake for d in charts.daily) == 3 and charts.backlog and charts.stage_average_hours
    assert s.followup.bottlenecks(fu, first, last)
    with pytest.raises(ValidationError) as bad_range:
        s.followup.charts(fu, last, first)
    assert bad_range.value.code == "followup.range"
    xlsx = s.followup.export_report(fu, first, last, "xlsx", tmp_path / "r.xlsx")
    book = load_workbook(xlsx)
    assert book.sheetnames[0] == HEADINGS["summary"] and book[HEADINGS["summary"]]["A1"].value == REPORT_TITLE
    assert book[HEADINGS["daily"]].max_row == 4 + 6
    csv_path = s.followup.export_report(fu, first, last, "csv", tmp_path / "r.csv")
    assert HEADINGS["backlog"] in csv_path.read_text(encoding="utf-8-sig")
    pdf = s.followup.export_report(fu, first, last, "pdf", tmp_path / "r.pdf")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = _letters(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for heading in (REPORT_TITLE, *HEADINGS.values()):
        assert _letters(heading) in text, heading
    with s.uow(writer=False) as uow:
        exported = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "followup.report_exported"))
        assert len(exported.all()) == 3
