"""The intake counter end to end on a real database: people, properties, opening a case, booking the visit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from svc_office import Office

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError, ValidationError
from app.domain.tracking import is_valid_tracking_number, parse_tracking_number
from app.models import Appointment, AuditEntry, Case, CaseDocument, OutboxEntry
from app.services.dto import OpenCaseInput, PersonInput, PropertyInput


def test_register_person_normalises_and_finds_by_national_id(office: Office) -> None:
    inp = PersonInput(kind="natural", national_id="۰۰۸۴۵۷۵۹۴۸", first_name="علي", last_name="كريمي",
                      mobile="+98 912 123 4567", postal_code="۱۶۵۷۷-۴۳۳۱۱")  # fmt: skip
    person = office.s.intake.register_person(office.clerk, inp)
    assert (person.national_id, person.first_name, person.last_name) == ("0084575948", "علی", "کریمی")
    assert person.mobile == "09121234567" and person.postal_code == "1657743311"
    found = office.s.intake.find_person_by_national_id(office.clerk, "0084575948")
    assert found is not None and found.id == person.id
    assert office.s.intake.find_person_by_national_id(office.clerk, "0013542419") is None


def test_every_bad_person_field_is_named(office: Office) -> None:
    inp = PersonInput(kind="natural", national_id="0084575949", first_name="", last_name="ali2",
                      mobile="0912", postal_code="123", birth_date=dt.date(2999, 1, 1))  # fmt: skip
    with pytest.raises(ValidationError) as err:
        office.s.intake.register_person(office.clerk, inp)
    assert err.value.params["errors"] == {
        "national_id": "national_id.checksum",
        "first_name": "first_name.required",
        "last_name": "last_name.invalid",
        "birth_date": "birth_date.future",
        "mobile": "mobile.format",
        "postal_code": "postal_code.format",
    }
    with office.s.uow(writer=False) as uow:
        assert (
            uow.session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.entity == "person")) == 0
        )


def test_legal_person_and_duplicates_refused(office: Office) -> None:
    legal = office.s.intake.register_person(office.clerk, PersonInput(kind="legal", legal_id="10380284790",
                                                                      company_name="شركت نمونه"))  # fmt: skip
    assert legal.display_name == "شرکت نمونه"
    assert office.s.intake.find_person_by_legal_id(office.clerk, "10380284790") is not None
    office.person()
    with pytest.raises(ValidationError) as err:
        office.person()
    assert err.value.code == "national_id.duplicate" and err.value.field == "national_id"
    with pytest.raises(ValidationError) as err2:
        office.s.intake.register_person(office.clerk, PersonInput(kind="legal", legal_id="10380284791"))
    assert set(err2.value.params["errors"]) == {"legal_id", "company_name"}


def test_property_registration_and_lookup(office: Office) -> None:
    prop = office.property("۱-۴-۷۶-۱۰-۱-۲-۰")
    assert prop.renovation_code == "1-4-76-10-1-2-0"
    assert prop.plate_text == "۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱"
    assert office.s.intake.find_property("1-4-76-10-1-2") is not None  # shop part omitted = 0
    with pytest.raises(ValidationError) as err:
        office.property("1-4-76-10-1-2-0")
    assert err.value.code == "renovation_code.duplicate"
    with pytest.raises(ValidationError) as err2:
        office.s.intake.register_property(office.clerk, PropertyInput(renovation_code="30-1-1-1", registry_main="7",
                                                                      postal_code="12", deed_area_m2=-5))  # fmt: skip
    assert set(err2.value.params["errors"]) == {"renovation_code", "registry_plate", "postal_code", "deed_area_m2"}


def test_intake_services_are_the_formation_units_ten() -> None:
    services = [s for s in CATALOG if s.unit == "formation"]
    assert len(services) == 10


def test_open_case_lands_in_the_inspection_cartable(office: Office) -> None:
    person, prop = office.person(), office.property()
    result = office.open_building_case(person, prop)
    assert is_valid_tracking_number(result.tracking_number)
    parts = parse_tracking_number(result.tracking_number)
    assert (parts.office_code, parts.year, parts.workstation_no, parts.sequence) == ("0101", 4, 1, 1)
    assert (result.state, result.unit, result.missing_documents) == ("inspection_scheduled", "inspection", ())
    rows = office.s.cartable.list_cartable(office.inspector, "inspection")
    assert [r.tracking_number for r in rows] == [result.tracking_number]
    assert rows[0].applicant_name == "علی محمدی" and rows[0].state_due_date == result.appointment_day
    detail = office.s.cases.get_case(office.clerk, result.case_id)
    assert [h.action for h in detail.history] == ["open_case", "schedule_inspection"]
    assert all(d.received for d in detail.documents)
    assert detail.due_date == office.s.calendar.add_working_days(office.s.today(), 10)
    with office.s.uow(writer=False) as uow:
        kinds = [e.kind for e in uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
        assert "upsert" in kinds and "audit" in kinds
        tables = {e.payload.get("table") for e in uow.session.scalars(select(OutboxEntry))}
        assert {"case_file", "case_document", "case_event", "appointment", "person", "property"} <= tables
        assert (
            uow.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "case.opened"))
            == 1
        )
    second = office.open_building_case(person, office.property("1-4-76-11"))
    assert parse_tracking_number(second.tracking_number).sequence == 2


def test_missing_documents_keep_the_case_at_the_counter(office: Office) -> None:
    result = office.open_building_case(office.person(), office.property(), all_docs=False)
    assert result.state == "formation" and result.missing_documents == ("title_deed",)
    assert result.appointment_day is None
    assert [r.case_id for r in office.s.cartable.list_cartable(office.clerk, "formation")] == [result.case_id]
    assert office.s.cartable.list_cartable(office.inspector, "inspection") == []


def test_full_day_is_refused(office: Office) -> None:
    person = office.person()
    day = office.s.intake.inspection_days(office.s.today(), 1)[0].day
    # inspector1 takes 2 a day, inspector2 one: the fourth booking on the same day is refused.
    for i in range(3):
        office.open_building_case(person, office.property(f"1-4-76-{10 + i}"), day=day)
    with pytest.raises(DomainError) as err:
        office.open_building_case(person, office.property("1-4-76-20"), day=day)
    assert err.value.code == "intake.day_full"
    with office.s.uow(writer=False) as uow:  # the refused case left nothing behind
        assert uow.session.scalar(select(func.count()).select_from(Case)) == 3
        assert uow.session.scalar(select(func.count()).select_from(Appointment)) == 3
    days = office.s.intake.inspection_days(day, 1)
    assert sorted((d.capacity, d.booked, d.free) for d in days) == [(1, 1, 0), (2, 2, 0)]


def test_leave_and_holidays_shape_the_calendar(office: Office) -> None:
    today = office.s.today()
    office.s.admin.add_leave(office.admin, office.inspector.user_id, today, "مرخصی")
    names = {d.inspector_name for d in office.s.intake.inspection_days(today, 1)}
    assert names == {"سعید نوری"}
    office.s.admin.set_holiday(office.admin, today, "تعطیل")
    assert office.s.intake.inspection_days(today, 1)[0].day > today
    person = office.person()
    with pytest.raises(ValidationError) as err:
        office.open_building_case(person, office.property(), day=today)
    assert err.value.code == "intake.day_not_working"


def test_refusals_with_codes(office: Office) -> None:
    person, prop = office.person(), office.property()
    service = CATALOG.get("F01_OPEN_CASE")
    docs = frozenset(service.required_documents)
    with pytest.raises(ValidationError) as err:
        office.s.intake.open_case(office.clerk, OpenCaseInput(service.code, person.id, prop.id, docs))
    assert err.value.code == "intake.day_required"
    with pytest.raises(ValidationError) as err:
        office.s.intake.open_case(office.clerk, OpenCaseInput(service.code, person.id, None, docs))
    assert err.value.code == "property.required"
    with pytest.raises(DomainError) as err3:
        office.s.intake.open_case(office.archive, OpenCaseInput(service.code, person.id, prop.id, docs))
    assert err3.value.code == "intake.not_allowed"
    yesterday = office.s.today() - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as err4:
        office.s.intake.open_case(office.clerk, OpenCaseInput(service.code, person.id, prop.id, docs,
                                                              inspection_day=yesterday))  # fmt: skip
    assert err4.value.code == "intake.day_past"


def test_small_service_waits_in_its_units_cartable(office: Office) -> None:
    person = office.person()
    result = office.s.intake.open_case(office.clerk, OpenCaseInput("F08_CORRECT_PERSON", person.id, None,
                                                                   frozenset({"id_documents"})))  # fmt: skip
    assert (result.state, result.unit) == ("received", "formation")
    with office.s.uow(writer=False) as uow:
        docs = uow.session.scalars(select(CaseDocument).where(CaseDocument.case_id == result.case_id)).all()
        assert {(d.doc_type, d.received) for d in docs} == {("id_documents", True), ("request_letter", False)}
