"""The audit unit's services: the viewer finds a tampered entry in a copied database, the personal-data view log
records a search by national ID and an opened case, complaints move registered → investigating → resolved, staff
performance, alerts on unusual patterns, export."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from svc_office import PASSWORD, FakeClock, Office

from app.domain.errors import DomainError, ValidationError
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests


def _auditor(office: Office):  # type: ignore[no-untyped-def]
    office.s.auth.create_user(office.admin, "auditor", "فرشته نجفی", PASSWORD, ["audit.auditor", "audit.head"])
    return office.s.auth.actor_by_username("auditor")


def test_viewer_finds_a_tampered_entry_in_a_copied_database(office: Office, tmp_path: Path) -> None:
    auditor = _auditor(office)
    person = office.person()
    office.open_building_case(person, office.property())
    verdict = office.s.audit_views.verify(auditor)
    assert verdict.report.ok and verdict.report.checked > 5 and verdict.broken is None
    office.s.close()
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "ws1", copy)
    with sqlite3.connect(copy / "workstation.sqlite") as db:  # someone edits one entry behind the program's back
        db.execute("UPDATE audit_entry SET username = 'nobody' WHERE seq = 4")
    s = Services.open(DataPaths(copy), clock=FakeClock(), password_hasher=cheap_hasher_for_tests())
    try:
        verdict = s.audit_views.verify(auditor)
        assert not verdict.report.ok and verdict.report.first_broken_seq == 4
        assert verdict.report.reason == "hash_mismatch"
        assert verdict.broken is not None and verdict.broken.username == "nobody" and verdict.broken.seq == 4
    finally:
        s.close()
    office.s = Services.open(DataPaths(tmp_path / "ws1"), clock=office.clock, password_hasher=cheap_hasher_for_tests())


def test_personal_data_log_records_a_search_by_national_id(office: Office) -> None:
    auditor = _auditor(office)
    s = office.s
    person = office.person()
    result = office.open_building_case(person, office.property())
    s.search.search(office.clerk, "0084575948")
    s.cases.get_case(office.inspector, result.case_id, log_view=True)
    today = s.today()
    views = s.audit_views.personal_data_views(auditor, today, today)
    assert [(v.user_name, v.by) for v in views][:2] == [("حمید رستمی", "case_view"), ("زهرا کریمی", "national_id")]
    assert views[1].persons == "علی محمدی" and views[1].hits == 1
    lines = s.audit_views.entries(auditor, username="intake", action_prefix="personal_data")
    assert len(lines) == 1 and lines[0].details["by"] == "national_id"
    assert s.audit_views.entries(auditor, tracking=result.tracking_number)
    with pytest.raises(ValidationError) as bad:
        s.audit_views.entries(auditor, username="ghost")
    assert bad.value.code == "user.not_found"
    with pytest.raises(DomainError) as forbidden:
        s.audit_views.personal_data_views(office.clerk, today, today)
    assert forbidden.value.code == "audit_views.forbidden"


def test_complaints_move_through_their_steps(office: Office) -> None:
    auditor = _auditor(office)
    s = office.s
    result = office.open_building_case(office.person(), office.property())
    with pytest.raises(ValidationError) as empty:
        s.audit_views.register_complaint(auditor, kind="complaint", description="  ")
    assert empty.value.code == "complaint.description_required"
    with pytest.raises(ValidationError) as no_staff:
        s.audit_views.register_complaint(auditor, kind="misconduct", description="رفتار نامناسب")
    assert no_staff.value.code == "complaint.unknown_staff"
    saved = s.audit_views.register_complaint(
        auditor, kind="dispute", description="اختلاف در متراژ", complainant_name="علی محمدی",
        tracking=result.tracking_number, staff_user_id=office.inspector.user_id,
    )  # fmt: skip
    with pytest.raises(DomainError) as early:
        s.audit_views.resolve(auditor, saved.id, "حل شد")
    assert early.value.code == "complaint.wrong_status"
    s.audit_views.investigate(auditor, saved.id, "بازدید مجدد انجام شد")
    s.audit_views.resolve(auditor, saved.id, "متراژ اصلاح شد")
    (line,) = s.audit_views.complaints(auditor)
    assert line.status == "resolved" and line.staff_name == "حمید رستمی" and line.tracking_number
    assert line.resolved_at is not None and line.version == 3
    assert s.audit_views.complaints(auditor, status="registered") == []
    assert s.audit.verify_chain().ok


def test_alerts_staff_performance_and_export(office: Office, tmp_path: Path) -> None:
    auditor = _auditor(office)
    s = office.s
    result = office.open_building_case(office.person(), office.property())
    office.clock.value = dt.datetime(2025, 5, 5, 18, 30, tzinfo=dt.UTC)  # 22:00 in Tehran
    s.search.search(office.violation, "0084575948")  # a violation expert views an inspection-unit file at night
    with s.uow() as uow:
        for _ in range(3):
            s.audit.record(uow.session, office.head, "print.reprinted", "case", result.case_id,
                           {"document": "certificate", "document_key": "C-1", "copy_number": 1})  # fmt: skip
        uow.commit()
    day = dt.date(2025, 5, 5)
    codes = {a.code for a in s.audit_views.alerts(auditor, day, day)}
    assert {"audit.odd_hours", "audit.repeated_reprints"} <= codes
    staff = s.audit_views.staff_performance(auditor, day, day)
    assert any(line.user_name == "زهرا کریمی" and line.cases_handled == 1 for line in staff)
    lines = s.audit_views.entries(auditor, first_day=day, last_day=day)
    path = s.audit_views.export_entries(auditor, lines, "xlsx", tmp_path / "audit.xlsx")
    assert load_workbook(path).active.max_row == 4 + len(lines)
    assert "personal_data.viewed" in s.audit_views.export_entries(auditor, lines, "csv", tmp_path / "a.csv").read_text(
        encoding="utf-8-sig"
    )
