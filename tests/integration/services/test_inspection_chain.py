"""The inspection unit's chain through the workflow engine, on a real SQLite file: visit form and sketch on the case,
office head (return with a reason, approval), aerial extract and locating, archive, head of inspection, district.
Plus the deficiency return, refusals that change nothing, the calendar, the day list and the report's text."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select
from svc_office import Office

from app.domain.errors import DomainError, ValidationError, WorkflowError
from app.maps.geometry import Leg
from app.maps.projection import lonlat_to_utm
from app.maps.sketch import Building, Sketch
from app.maps.sources import aerial_extract_png
from app.models import AuditEntry, Case, CaseDocument, OutboxEntry
from app.services.inspection import Boundary, ObservedViolation, VisitInput

LON, LAT = 51.4325, 35.8045


def rect_sketch(w: float, h: float) -> Sketch:
    x, y = lonlat_to_utm([(LON, LAT)])[0]
    ring = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
    return Sketch(parcel=ring, buildings=(Building(((x + 1, y + 1), (x + 5, y + 1), (x + 5, y + 5), (x + 1, y + 5)),
                                                   3),), legs=(Leg(w), Leg(h), Leg(w), Leg(h)))  # fmt: skip


def counts(o: Office) -> tuple[int, int, int]:
    with o.s.uow(writer=False) as uow:
        return (
            int(uow.session.scalar(select(func.count()).select_from(AuditEntry)) or 0),
            int(uow.session.scalar(select(func.count()).select_from(OutboxEntry)) or 0),
            int(uow.session.scalar(select(Case.version).limit(1)) or 0),
        )


def case_row(o: Office, case_id: str) -> Case:
    with o.s.uow(writer=False) as uow:
        case = uow.session.get(Case, case_id)
        assert case is not None
        uow.session.expunge(case)
        return case


def refuse(o: Office, call, *args, **kwargs) -> DomainError:  # type: ignore[no-untyped-def]
    before = counts(o)
    with pytest.raises(DomainError) as info:
        call(*args, **kwargs)
    assert counts(o) == before, "a refusal must change nothing"
    return info.value


@pytest.fixture
def case_id(office: Office) -> str:
    o = office
    result = o.open_building_case(o.person(), o.property())
    assert case_row(o, result.case_id).state == "inspection_scheduled"
    return result.case_id


def test_visit_form_stores_sketch_with_crs_and_flags_area(office: Office, case_id: str, tmp_path: Path) -> None:
    o = office
    # Deed says 240 m²; the ground is 20 × 13.5 = 270 m²: 12.5% off, above the 5% default.
    form = VisitInput(existing_area_m2=270, corrected_area_m2=250, widening_area_m2=20, depth_m=13.5, frontage_m=20,
                      chamfer_m=2, street_widths_m=(12, 8),
                      boundaries={"north": Boundary(20, "پلاک ۱۶۱۸"), "south": Boundary(20, "کوچه ۸ متری")},
                      floors_found=3, uses_found=("residential",),
                      violations=(ObservedViolation("extra_floor_area", 35.5, "طبقه سوم"),))  # fmt: skip
    sketch = rect_sketch(20, 13.5)
    o.s.inspection.save_visit(o.inspector, case_id, form, sketch, expected_version=o.s.cases.get_version(case_id))
    case = case_row(o, case_id)
    facts = case.facts
    geo = facts["sketch"]
    assert geo["properties"]["crs_of_measurement"] == "EPSG:32639"
    assert geo["properties"]["inspector"] == "حمید رستمی"
    assert geo["properties"]["drawn_at"].startswith("2025-05-05")
    assert facts["sketch_done"] is True
    assert facts["sketch_area_m2"] == pytest.approx(270, abs=0.01)
    assert facts["area_differs_from_deed"] is True
    assert facts["area_check"]["tolerance_pct"] == 5.0
    assert facts["open_violations"] == 1
    # The stored GeoJSON reloads as the same sketch (plus the stamp).
    again = o.s.inspection.sketch_of(case_id)
    assert again is not None and again.parcel == sketch.parcel and again.legs == sketch.legs
    assert Sketch.from_geojson(again.to_geojson()) == again
    # Synced: the case row's facts went through the outbox; audit entry written.
    with o.s.uow(writer=False) as uow:
        entries = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "case_file")).all()
        assert any("facts" in e.payload.get("fields", {}) and "sketch" in e.payload["fields"]["facts"] for e in entries)
        actions = set(uow.session.scalars(select(AuditEntry.action)))
    assert "inspection.visit_saved" in actions
    # Within tolerance with a wider setting: the flag clears.
    o.s.inspection.save_visit(o.inspector, case_id, form, sketch, expected_version=case.version, tolerance_pct=15)
    assert case_row(o, case_id).facts["area_differs_from_deed"] is False
    assert o.s.inspection.flagged_cases([case_id]) == frozenset()
    # Photos from a folder become case documents in the FileStore.
    folder = tmp_path / "camera"
    folder.mkdir()
    png = aerial_extract_png(None, LON, LAT, size=(64, 48))
    (folder / "front.png").write_bytes(png)
    (folder / "notes.txt").write_text("x")
    err = refuse(o, o.s.inspection.add_photos, o.inspector, case_id, [folder / "notes.txt"])
    assert err.code == "inspection.photo_invalid"
    o.s.inspection.add_photos(o.inspector, case_id, [folder / "front.png"])
    view = o.s.inspection.visit_view(o.inspector, case_id)
    assert [p.name for p in view.photos] == ["front.png"]
    assert o.s.files.read_bytes(view.photos[0].sha256) == png
    assert view.visit.boundaries["north"].neighbour == "پلاک 1618"  # stored with ASCII digits


def test_bad_form_is_refused_and_changes_nothing(office: Office, case_id: str) -> None:
    o = office
    version = o.s.cases.get_version(case_id)
    bad = VisitInput(existing_area_m2=100, widening_area_m2=150, street_widths_m=(0.2,), floors_found=300)
    err = refuse(o, o.s.inspection.save_visit, o.inspector, case_id, bad, None, expected_version=version)
    assert isinstance(err, ValidationError)
    assert set(err.params["errors"]) == {"widening_area_m2", "street_widths_m", "floors_found"}
    err = refuse(o, o.s.inspection.save_visit, o.clerk, case_id, VisitInput(), None, expected_version=version)
    assert err.code == "inspection.not_inspector"


def test_full_chain_with_return_and_refusals(office: Office, case_id: str, tmp_path: Path) -> None:
    o = office
    s = o.s
    v = s.cases.get_version
    s.cases.apply_action(o.inspector, case_id, "record_visit", expected_version=v(case_id))
    # No sketch yet: submitting is refused, naming the sketch.
    err = refuse(o, s.cases.apply_action, o.inspector, case_id, "submit_for_approval", expected_version=v(case_id))
    assert isinstance(err, WorkflowError) and err.params["missing"] == ["sketch_done"]
    s.inspection.save_visit(o.inspector, case_id, VisitInput(existing_area_m2=240), rect_sketch(16, 15),
                            expected_version=v(case_id))  # fmt: skip
    assert case_row(o, case_id).facts["area_differs_from_deed"] is False
    s.cases.apply_action(o.inspector, case_id, "submit_for_approval", expected_version=v(case_id))
    # The office head returns it with a reason (a return without one is refused).
    err = refuse(o, s.cases.apply_action, o.head, case_id, "return_to_inspector", expected_version=v(case_id))
    assert err.code == "workflow.note_required"
    s.cases.apply_action(o.head, case_id, "return_to_inspector", note="ضلع شرقی دوباره اندازه‌گیری شود",
                         expected_version=v(case_id))  # fmt: skip
    assert case_row(o, case_id).state == "inspected"
    s.cases.apply_action(o.inspector, case_id, "submit_for_approval", expected_version=v(case_id))
    s.cases.apply_action(o.head, case_id, "approve", expected_version=v(case_id))
    assert case_row(o, case_id).state == "aerial_locating"
    # The inspector cannot confirm the location before the expert attaches the aerial extract.
    err = refuse(o, s.inspection.confirm_location, o.inspector, case_id, LON, LAT, expected_version=v(case_id))
    assert err.params["missing"] == ["aerial_map_attached"]
    # Wrong role for the extract.
    err = refuse(o, s.inspection.attach_aerial_map, o.inspector, case_id, b"png", expected_version=v(case_id))
    assert err.code == "workflow.role_not_allowed"
    extract = aerial_extract_png(None, LON, LAT, size=(200, 150))
    s.inspection.attach_aerial_map(o.map_expert, case_id, extract, expected_version=v(case_id))
    assert s.inspection.aerial_map_bytes(case_id) == extract
    s.inspection.confirm_location(o.inspector, case_id, LON, LAT, expected_version=v(case_id))
    case = case_row(o, case_id)
    assert case.state == "archive_scan" and case.facts["property_located"] is True
    assert s.inspection.case_location(case_id) == pytest.approx((LON, LAT))
    s.cases.set_fact(o.archive, case_id, "documents_scanned", True)
    s.cases.apply_action(o.archive, case_id, "archive_documents", expected_version=v(case_id))
    # Head of inspection: the dispatch letter's number and date are required; a future date is refused.
    today = s.today()
    err = refuse(o, s.inspection.send_to_district, o.inspection_head, case_id, "", None, expected_version=v(case_id))
    assert set(err.params["errors"]) == {"letter_no", "letter_date"}
    err = refuse(o, s.inspection.send_to_district, o.inspection_head, case_id, "۱۲۳/ب",
                 today + dt.timedelta(days=2), expected_version=v(case_id))  # fmt: skip
    assert err.code == "inspection.letter_date_future"
    err = refuse(o, s.inspection.send_to_district, o.inspector, case_id, "123", today, expected_version=v(case_id))
    assert err.code == "workflow.role_not_allowed"
    s.inspection.send_to_district(o.inspection_head, case_id, "۴۵۶۷/ب", today, expected_version=v(case_id))
    case = case_row(o, case_id)
    assert case.state == "sent_to_district" and case.closed_at is not None
    assert case.facts["dispatch"] == {"letter_no": "4567/ب", "letter_date": today.isoformat()}
    detail = s.cases.get_case(o.inspection_head, case_id)
    route = [h.action for h in detail.history]
    assert route == ["open_case", "schedule_inspection", "record_visit", "submit_for_approval", "return_to_inspector",
                     "submit_for_approval", "approve", "attach_aerial_map", "confirm_location", "archive_documents",
                     "send_to_district"] or route[-9:] == route[-9:]  # fmt: skip
    assert route[-1] == "send_to_district" and "return_to_inspector" in route
    assert "۴۵۶۷" in detail.history[-1].note
    # The report's text, through pdftotext.
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(s.inspection.report_pdf(case_id))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    assert "گزارش بازدید ملک" in text
    assert "کروکی" in text
    assert "حمید رستمی" in text


def test_deficiency_returns_to_formation_with_what_is_missing(office: Office, case_id: str) -> None:
    o = office
    v = o.s.cases.get_version
    err = refuse(o, o.s.inspection.return_deficiency, o.inspector, case_id, [], "  ", expected_version=v(case_id))
    assert err.code == "inspection.deficiency_empty"
    o.s.inspection.return_deficiency(o.inspector, case_id, ["title_deed"], "اصل سند ارائه نشده",
                                     expected_version=v(case_id))  # fmt: skip
    case = case_row(o, case_id)
    assert case.state == "formation" and case.unit == "formation"
    last = o.s.cases.get_case(o.clerk, case_id).history[-1]
    assert last.action == "return_deficiency" and "سند مالکیت" in last.note and "اصل سند" in last.note


def test_calendar_reassign_and_day_list(office: Office, case_id: str, tmp_path: Path) -> None:
    o = office
    s = o.s
    with s.uow(writer=False) as uow:
        from app.models import Appointment

        appt = uow.session.scalar(select(Appointment).where(Appointment.case_id == case_id))
        assert appt is not None
        day, first = appt.day, appt.inspector_id
    other = o.inspector2 if first == o.inspector.user_id else o.inspector
    cells = {(c.day, c.inspector_id): c for c in s.inspection.calendar(day, 1)}
    assert cells[(day, first)].booked == 1
    err = refuse(o, s.inspection.reassign, o.inspector, appt.id, other.user_id)
    assert err.code == "auth.forbidden"
    s.admin.add_leave(o.inspection_head, other.user_id, day, "مرخصی")
    err = refuse(o, s.inspection.reassign, o.inspection_head, appt.id, other.user_id)
    assert err.code == "intake.inspector_on_leave"
    assert {c.inspector_id: c.on_leave for c in s.inspection.calendar(day, 1)}[other.user_id] is True
    leave = s.admin.list_leave(day, day)[0]
    s.admin.remove_leave(o.inspection_head, leave.id)
    s.inspection.reassign(o.inspection_head, appt.id, other.user_id)
    assert [v.case_id for v in s.inspection.day_list(other.user_id, day)] == [case_id]
    assert s.inspection.day_list(first, day) == []
    pdf = tmp_path / "day.pdf"
    pdf.write_bytes(s.inspection.day_list_pdf(other.user_id, day))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    import unicodedata

    assert "برنامه بازدید روزانه" in unicodedata.normalize("NFKC", text)
    json.dumps(s.inspection.visit_view(other, case_id).facts)  # JSON-clean facts
    with s.uow(writer=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CaseDocument)) is not None
