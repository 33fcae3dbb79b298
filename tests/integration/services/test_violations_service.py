"""Violation review services over a real SQLite file: records, registry letters, Article 100 objections with their
deadline, the fire-safety company; every refusal in Persian, naming what is missing, changing nothing."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import func, select
from svc_office import Office

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.errors import DomainError
from app.models import AuditEntry, OutboxEntry, StoredFile
from app.services.dto import OpenCaseInput
from app.services.violations import message_fa
from app.services.workflow_ops import snapshot_of


def pdf_text(path: Path) -> str:
    """pdftotext, presentation forms back to letters, bidi marks dropped."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", "", unicodedata.normalize("NFKC", raw))


def _open(office: Office, code: str, prop_id: str | None = None, person_id: str | None = None) -> str:
    person_id = person_id or office.person().id
    prop_id = prop_id or office.property().id
    service = CATALOG.get(code)
    result = office.s.intake.open_case(office.clerk, OpenCaseInput(code, person_id, prop_id,
                                                                   frozenset(service.required_documents)))  # fmt: skip
    return result.case_id


def _counts(office: Office, case_id: str) -> tuple[int, int, int]:
    with office.s.uow(writer=False) as uow:
        audits = uow.session.scalar(select(func.count()).select_from(AuditEntry))
        outbox = uow.session.scalar(select(func.count()).select_from(OutboxEntry))
    return int(audits or 0), int(outbox or 0), office.s.cases.get_version(case_id)


def _refused(office: Office, case_id: str, code: str, fn, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    before = _counts(office, case_id)
    with pytest.raises(DomainError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value.code
    assert _counts(office, case_id) == before, "a refusal changes nothing"
    text = message_fa(err.value)
    assert any("\u0600" <= ch <= "\u06ff" for ch in text), text
    return text


def test_violation_records_block_the_certificate_of_the_same_property_until_closed(office: Office) -> None:
    s, v = office.s, office.violation
    person, prop = office.person(), office.property()
    case_id = _open(office, "V01_INSPECTION_VIOLATIONS", prop.id, person.id)
    cert_id = _open(office, "C01_NO_VIOLATION", prop.id, person.id)
    s.cases.apply_action(v, case_id, "start_review", expected_version=s.cases.get_version(case_id))

    first = s.violations.add_violation(v, case_id, "extra_floor_area", "۳۵٫۵", "طبقه پنجم مازاد")
    second = s.violations.add_violation(v, case_id, "missing_parking", "2")
    file = s.violations.get_file(v, case_id)
    assert [x.kind for x in file.violations] == ["extra_floor_area", "missing_parking"]
    assert file.violations[0].quantity == "35.5"
    case = s.cases.get_case(v, case_id)
    assert sorted(case.facts["open_violations"]) == sorted([first, second])
    # The certificate of the same property sees the open violations: its guard refuses.
    with s.uow(writer=False) as uow:
        from app.models import Case

        cert = uow.session.get(Case, cert_id)
        snap = snapshot_of(uow.session, cert)
    assert wf.get_workflow(snap.workflow_id)
    assert set(snap.facts["open_violations"]) == {first, second}
    assert wf.guards.no_open_violations(snap) != ()

    # The workflow follows the records: settling is refused while one is open, with the missing fact named.
    with pytest.raises(DomainError) as err:
        s.cases.apply_action(v, case_id, "resolve", note="رفع شد", expected_version=s.cases.get_version(case_id))
    assert err.value.code == "workflow.guard_failed"

    s.violations.edit_violation(v, case_id, second, "missing_parking", "1", "یک واحد کسری")
    _refused(office, case_id, "violation.close_note", s.violations.close_violation, v, case_id, first, "  ")
    s.violations.close_violation(v, case_id, first, "مازاد تخریب شد")
    _refused(office, case_id, "violation.closed", s.violations.close_violation, v, case_id, first, "دوباره")
    _refused(office, case_id, "violation.closed", s.violations.edit_violation, v, case_id, first, "no_permit", "3")
    s.violations.close_violation(v, case_id, second, "پارکینگ تامین شد")
    assert s.cases.get_case(v, case_id).facts["open_violations"] == []
    with s.uow(writer=False) as uow:
        cert = uow.session.get(Case, cert_id)
        assert wf.guards.no_open_violations(snapshot_of(uow.session, cert)) == ()
    s.cases.apply_action(v, case_id, "resolve", note="رفع شد", expected_version=s.cases.get_version(case_id))
    assert s.cases.get_case(v, case_id).state == "resolved"
    actions = s.audit.entries(office.admin) if hasattr(s.audit, "entries") else None
    with s.uow(writer=False) as uow:
        logged = list(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == case_id)))
    assert logged.count("violation.added") == 2 and "violation.closed" in logged and "violation.edited" in logged
    del actions


def test_violation_refusals_name_what_is_wrong(office: Office) -> None:
    s, v = office.s, office.violation
    case_id = _open(office, "V01_INSPECTION_VIOLATIONS")
    assert "نوع تخلف" in _refused(office, case_id, "violation.unknown_kind", s.violations.add_violation, v, case_id,
                                  "", "10")  # fmt: skip
    assert "مساحت" in _refused(office, case_id, "rules.not_positive", s.violations.add_violation, v, case_id,
                               "no_permit", "0")  # fmt: skip
    _refused(office, case_id, "violation.whole_spaces", s.violations.add_violation, v, case_id, "missing_parking",
             "1.5")  # fmt: skip
    # Wrong role: the counter clerk cannot record a violation; the message names who can.
    text = _refused(office, case_id, "violation.not_allowed", s.violations.add_violation, office.clerk, case_id,
                    "no_permit", "12")  # fmt: skip
    assert "کارشناس بررسی خلاف" in text


def test_observed_violations_of_the_inspection_are_imported_once(office: Office) -> None:
    s, v = office.s, office.violation
    case_id = _open(office, "V01_INSPECTION_VIOLATIONS")
    s.cases.set_fact(v, case_id, "violations_observed",
                     [{"kind": "street_encroachment", "area_m2": 4.5, "note": "پیش‌آمدگی"},
                      {"kind": "missing_parking", "area_m2": None, "note": ""}])  # fmt: skip
    s.cases.set_fact(v, case_id, "open_violations", 2)
    assert s.violations.import_observed(v, case_id) == 2
    assert s.violations.import_observed(v, case_id) == 0
    facts = s.cases.get_case(v, case_id).facts
    assert len(facts["open_violations"]) == 2 and all(isinstance(x, str) for x in facts["open_violations"])


def test_registry_letter_in_review_reply_and_the_printed_reply(office: Office, tmp_path: Path) -> None:
    s, v = office.s, office.violation
    case_id = _open(office, "V02_REGISTRY_LETTER")
    today = s.today()
    _refused(office, case_id, "letter.number_required", s.violations.add_registry_letter, v, case_id, " ", today,
             "مغایرت")  # fmt: skip
    _refused(office, case_id, "letter.future_date", s.violations.add_registry_letter, v, case_id, "1234",
             today + dt.timedelta(days=2), "مغایرت")  # fmt: skip
    letter = s.violations.add_registry_letter(v, case_id, "۱۴۰۴/۸۸۲۱", today, "مغایرت پایان کار با نقشه نظام مهندسی")
    _refused(office, case_id, "letter.not_reviewed", s.violations.reply_registry_letter, v, case_id, letter,
             "5501", today, "پاسخ")  # fmt: skip
    s.violations.review_registry_letter(v, case_id, letter, "مساحت طبقه دوم ۱۲ مترمربع بیش از نقشه است", True)
    s.violations.reply_registry_letter(v, case_id, letter, "5501", today, "مغایرت تایید و پرونده به کمیسیون می‌رود.")
    line = s.violations.get_file(v, case_id).letters[0]
    assert line.status == "answered" and line.mismatch
    _refused(office, case_id, "letter.answered", s.violations.reply_registry_letter, v, case_id, letter, "5502",
             today, "دوباره")  # fmt: skip
    pdf = tmp_path / "reply.pdf"
    pdf.write_bytes(s.violations.registry_reply_pdf(v, case_id, letter))
    text = pdf_text(pdf)
    assert "پاسخ به نامه اداره ثبت" in text and "۸۸۲۱" in text and "مغایرت تایید" in text


def _to_ruled(office: Office, served: dt.date) -> str:
    s, v = office.s, office.violation
    case_id = _open(office, "V03_ARTICLE100_OBJECTION")
    s.cases.apply_action(v, case_id, "start_review", expected_version=s.cases.get_version(case_id))
    s.violations.add_violation(v, case_id, "extra_floor_area", "40")
    s.cases.apply_action(v, case_id, "refer_to_commission", note="ارجاع", expected_version=s.cases.get_version(case_id))
    s.violations.record_ruling(v, case_id, "۹۸۷۶", served - dt.timedelta(days=3), served, "fine", 1_200_000_000)
    assert s.cases.get_case(v, case_id).state == "ruled"
    return case_id


def test_objection_in_time_is_sent_with_attachments_and_the_appeal_closes_the_case(office: Office,
                                                                                   tmp_path: Path) -> None:  # fmt: skip
    s, v = office.s, office.violation
    case_id = _to_ruled(office, s.today() - dt.timedelta(days=2))
    file = s.violations.get_file(v, case_id)
    assert file.ruling is not None and file.ruling.days_left >= 8 and not file.ruling.expired
    _refused(office, case_id, "objection.text_required", s.violations.send_objection, v, case_id)
    bad = tmp_path / "notes.txt"
    bad.write_text("x")
    _refused(office, case_id, "attachment.type", s.violations.save_objection, v, case_id, "متن", [bad])
    scan = tmp_path / "ruling-scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scan\n")
    s.violations.save_objection(v, case_id, "اضافه بنا مطابق پروانه قبلی است و جریمه سنگین است.", [scan])
    file = s.violations.get_file(v, case_id)
    assert file.ruling is not None and file.ruling.attachments[0][1] == "ruling-scan.pdf"
    sha = file.ruling.attachments[0][0]
    assert s.files.has(sha)
    with s.uow(writer=False) as uow:
        assert uow.session.get(StoredFile, sha) is not None
    s.violations.send_objection(v, case_id)
    assert s.cases.get_case(v, case_id).state == "at_appeal"
    _refused(office, case_id, "ruling.objection_sent", s.violations.send_objection, v, case_id)
    pdf = tmp_path / "objection.pdf"
    pdf.write_bytes(s.violations.objection_letter_pdf(v, case_id))
    text = pdf_text(pdf)
    assert "لایحه اعتراض به رای کمیسیون ماده صد" in text and "۹۸۷۶" in text and "ruling-scan.pdf" in text
    assert "جریمه سنگین است" in text
    _refused(office, case_id, "appeal.note_required", s.violations.record_appeal_outcome, v, case_id, "amended", "")
    s.violations.record_appeal_outcome(v, case_id, "amended", "جریمه به نصف کاهش یافت")
    detail = s.cases.get_case(v, case_id)
    assert detail.state == "closed"
    assert [h.action for h in detail.history][-3:] == ["record_ruling", "file_objection", "record_appeal_ruling"]


def test_an_objection_after_the_deadline_is_refused_and_the_deadline_is_a_setting(office: Office) -> None:
    s, v = office.s, office.violation
    case_id = _to_ruled(office, s.today() - dt.timedelta(days=12))
    file = s.violations.get_file(v, case_id)
    assert file.ruling is not None and file.ruling.expired
    rows = s.violations.objection_deadlines(v)
    assert [r.expired for r in rows if r.case_id == case_id] == [True]
    text = _refused(office, case_id, "article100.objection_late", s.violations.save_objection, v, case_id, "اعتراض")
    assert "۱۰ روز" in text and "۱۴۰۴/" in text
    # The office says the limit is twenty days: the same ruling is in time again.
    _refused(office, case_id, "violation.not_allowed", s.violations.set_objection_days, office.clerk, 20)
    _refused(office, case_id, "objection_days.invalid", s.violations.set_objection_days, v, 0)
    s.violations.set_objection_days(v, 20)
    assert s.violations.objection_days() == 20
    s.violations.save_objection(v, case_id, "اعتراض در مهلت بیست روزه")
    s.violations.send_objection(v, case_id)
    assert s.cases.get_case(v, case_id).state == "at_appeal"


def test_the_fire_safety_company_is_registered_on_its_request(office: Office) -> None:
    s, v = office.s, office.violation
    case_id = _open(office, "V04_FIRE_COMPANY")
    _refused(office, case_id, "fire_company.licence_required", s.violations.register_fire_company, v, case_id,
             "ایمن‌سازان البرز", "45123", "", None)  # fmt: skip
    text = _refused(office, case_id, "fire_company.licence_expired", s.violations.register_fire_company, v, case_id,
                    "ایمن‌سازان البرز", "45123", "ت-۹۹۱", s.today() - dt.timedelta(days=1))  # fmt: skip
    assert "۱۴۰۴" in text
    s.violations.register_fire_company(v, case_id, "ایمن‌سازان البرز", "45123", "ت-991", s.today() + dt.timedelta(400))
    company = s.violations.get_file(v, case_id).fire_company
    assert company is not None and company.registration_number == "45123"
