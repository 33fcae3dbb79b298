"""Certificate drafts through the services: preconditions refused in Persian with nothing changed, draft → approval →
print → issue → revoke, the head's return voiding an approved certificate, and the verifier's answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from print_office import HAVE_TOOLS, PrintOffice, decode_codes, make_print_office, pdf_text, squeeze
from sqlalchemy import func, select

from app.domain.errors import DomainError, ValidationError, WorkflowError
from app.models import AuditEntry
from app.models.printing import IssuedCertificate
from app.printing import signing
from app.printing.messages_fa import message
from app.services import certificates as certificates_module
from app.services.printing import error_message


@pytest.fixture
def office(tmp_path: Path) -> Iterator[PrintOffice]:
    o = make_print_office(tmp_path / "ws")
    yield o
    o.s.close()


def _audit_count(office: PrintOffice) -> int:
    with office.s.uow(writer=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _ready(office: PrintOffice, service: str = "C02_COMPLETION") -> str:
    case_id = office.open_certificate_case(service)
    office.s.certificates.save_draft(office.expert, case_id, {"building_area_m2": "۶۱۲", "floors": "4", "units": "6",
                                                              "land_use": "مسکونی"})  # fmt: skip
    office.s.cases.set_fact(office.head, case_id, "fees_paid", True)
    office.s.cases.set_fact(office.head, case_id, "open_violations", 0)
    return case_id


def test_completion_needs_the_supervisors_report_and_no_open_violation(office: PrintOffice) -> None:
    certs = office.s.certificates
    case_id = _ready(office)
    version = office.s.cases.get_version(case_id)
    audits = _audit_count(office)
    with pytest.raises(WorkflowError) as caught:
        certs.act(office.expert, case_id, "submit_for_approval")
    assert caught.value.code == "workflow.guard_failed"
    assert caught.value.params["missing"] == ["supervisor_final_report"]
    assert office.s.cases.get_version(case_id) == version and _audit_count(office) == audits  # nothing changed
    overview = certs.overview(office.expert, case_id)
    assert "گزارش پایان کار مهندس ناظر" in overview.missing

    certs.set_supervisor_report(office.expert, case_id, True)
    office.s.cases.set_fact(office.head, case_id, "open_violations", 2)
    with pytest.raises(WorkflowError) as violation:
        certs.act(office.expert, case_id, "submit_for_approval")
    assert violation.value.params["missing"] == ["open_violations"]
    assert "نبود خلاف باز" in certs.overview(office.expert, case_id).missing


def test_bad_draft_figures_are_named_and_not_stored(office: PrintOffice) -> None:
    case_id = office.open_certificate_case()
    with pytest.raises(ValidationError) as caught:
        office.s.certificates.save_draft(office.expert, case_id, {"building_area_m2": "-3", "floors": "دو"})
    assert caught.value.field == "building_area_m2"
    assert set(caught.value.params["errors"]) == {"building_area_m2", "floors"}
    assert "مساحت" in message(caught.value.code)
    assert office.s.certificates.overview(office.expert, case_id).draft == {}


@pytest.mark.skipif(not HAVE_TOOLS, reason="poppler-utils and zbar-tools are needed")
def test_route_draft_approval_print_issue_revoke_and_verify(office: PrintOffice, tmp_path: Path) -> None:
    certs, printing = office.s.certificates, office.s.printing
    case_id = _ready(office)
    certs.set_supervisor_report(office.expert, case_id, True)
    assert "submit" in certs.overview(office.expert, case_id).steps
    certs.act(office.expert, case_id, "submit_for_approval")
    assert certs.overview(office.expert, case_id).steps == ("approve", "return_to_expert")
    # The clerk may not approve.
    with pytest.raises(WorkflowError) as role:
        certs.approve(office.clerk, case_id)
    assert role.value.code == "workflow.role_not_allowed"
    certs.approve(office.expert, case_id)
    overview = certs.overview(office.expert, case_id)
    assert overview.state == "head_review" and overview.certificate is not None
    assert overview.certificate.status == "approved" and "print" in overview.steps and "issue" not in overview.steps
    with pytest.raises(DomainError) as unprinted:
        certs.issue(office.expert, case_id)
    assert unprinted.value.code == "certificate.not_printed" and "چاپ" in error_message(unprinted.value)

    job = printing.prepare(office.expert, case_id, "certificate")
    printing.record(office.expert, job, printer="Office-Laser")
    text = squeeze(pdf_text(job.pdf, tmp_path))
    for fact in ("گواهیپایانکار", "علی‌رضامحمدی‌نژاد", "۶۱۲", "امیدجعفری", "تهرانخیابان"):
        assert fact in text, fact
    payload = next(c for c in decode_codes(job.pdf, tmp_path, qr_only=True) if c.startswith("EC1."))
    assert payload == overview.certificate.payload
    check = certs.verify(payload)
    assert check.genuine and check.case_id == case_id and check.kind == "completion"

    certs.issue(office.expert, case_id)
    assert certs.overview(office.expert, case_id).certificate.status == "issued"  # type: ignore[union-attr]
    # A reprint of the issued certificate carries the same signed payload and the «المثنی» stamp.
    again = printing.prepare(office.expert, case_id, "certificate")
    assert again.copy_number == 1 and "المثنی" in pdf_text(again.pdf, tmp_path)

    with pytest.raises(WorkflowError) as no_reason:
        certs.revoke(office.expert, case_id, "  ")
    assert no_reason.value.code == "workflow.note_required"
    certs.revoke(office.expert, case_id, "مساحت زیربنا اشتباه نوشته شده بود")
    revoked = certs.verify(payload)
    assert revoked.status == "revoked" and not revoked.genuine
    assert any("ابطال" in line for line in revoked.lines) and revoked.revoke_reason.startswith("مساحت")
    assert office.s.search.search(office.expert, payload)[0].case_id == case_id
    assert certs.revoked_serials() == {overview.certificate.serial}
    with pytest.raises(DomainError):
        printing.prepare(office.expert, case_id, "certificate")  # a revoked certificate is not printed again

    tampered = payload[:-5] + ("A" if payload[-5] != "A" else "B") + payload[-4:]
    assert certs.verify(tampered).status in ("forged", "malformed")
    actions = [e.action for e in office.s.audit.list_entries(office.head, entity_id=case_id)]
    for expected in ("certificate.approved", "print.printed", "certificate.revoked", "case.action"):
        assert expected in actions


def test_head_returns_an_approved_certificate_and_it_is_voided(office: PrintOffice) -> None:
    certs = office.s.certificates
    case_id = _ready(office, "C03_NO_OBJECTION")
    certs.act(office.expert, case_id, "submit_for_approval")
    certs.approve(office.expert, case_id)
    with pytest.raises(WorkflowError):
        certs.return_to_expert(office.expert, case_id, "")
    certs.return_to_expert(office.expert, case_id, "کاربری ملک را بنویسید")
    overview = certs.overview(office.expert, case_id)
    assert overview.state == "draft" and overview.certificate is None and "save_draft" in overview.steps
    with office.s.uow(writer=False) as uow:
        assert uow.session.scalar(select(IssuedCertificate.status)) == "void"
    detail = office.s.cases.get_case(office.expert, case_id)
    assert detail.history[-1].action == "return_to_expert" and "کاربری" in detail.history[-1].note
    # Approved again: a new serial.
    certs.act(office.expert, case_id, "submit_for_approval")
    certs.approve(office.expert, case_id)
    assert certs.overview(office.expert, case_id).certificate.serial.endswith("00002")  # type: ignore[union-attr]


def test_approval_refuses_a_property_without_address(office: PrintOffice) -> None:
    from app.models import Property

    case_id = _ready(office, "C03_NO_OBJECTION")
    certs = office.s.certificates
    certs.act(office.expert, case_id, "submit_for_approval")
    with office.s.uow() as uow:
        prop = uow.session.get(Property, office.property_id)
        assert prop is not None
        prop.address = ""
        uow.commit()
    with pytest.raises(ValidationError) as caught:
        certs.approve(office.expert, case_id)
    assert caught.value.params["field"] == "property_address" and "نشانی ملک" in error_message(caught.value)
    assert certs.overview(office.expert, case_id).certificate is None


def test_server_verification_reports_a_revocation_this_workstation_has_not_pulled(
    office: PrintOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    certs = office.s.certificates
    case_id = _ready(office, "C03_NO_OBJECTION")
    certs.act(office.expert, case_id, "submit_for_approval")
    certs.approve(office.expert, case_id)
    payload = certs.overview(office.expert, case_id).certificate.payload  # type: ignore[union-attr]
    asked: list[str] = []

    def fake_server(url: str, text: str, timeout: float) -> str:
        asked.append(url)
        return "revoked"

    monkeypatch.setattr(certificates_module, "_ask_server", fake_server)
    check = certs.verify(payload, server_url="https://ecity.example.ir")
    assert asked and check.status == "revoked" and check.online == "revoked"
    monkeypatch.setattr(certificates_module, "_ask_server", lambda *_a: "unreachable")
    offline = certs.verify(payload, server_url="https://ecity.example.ir")
    assert offline.genuine and offline.online == "unreachable"
    other = signing.generate_key()
    assert certs.verify(signing.sign_payload(serial="x", tracking_number="1", kind="completion", property_key="p",
                                             issue_date=office.s.today(), facts_sha256="h", key=other)).status == "unknown_key"  # fmt: skip
