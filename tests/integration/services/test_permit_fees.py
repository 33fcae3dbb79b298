"""Permit-draft fees over a real SQLite file: computed from the draft's figures and the year's tariff table into
Payment rows on one slip (outbox and audit in the same transaction), the slip printed by the print service with IDs
that zbarimg reads back, a payment recorded by slip, bank reference or card terminal, ``fees_paid`` set once all is
paid so the draft may be submitted, and a recompute that keeps paid rows untouched. Refusals change nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select
from svc_office import Office

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError, ValidationError
from app.domain.payment_ids import BILL_ID_LENGTH
from app.models import AuditEntry, OutboxEntry, Payment
from app.services.dto import OpenCaseInput
from app.services.permits import CHECKLIST_CODES, Engineer, message_fa
from app.services.renovation import tariff_book
from tests.barcodes import PRINTED_SYMBOLOGIES

FIELDS = {"floors": "4", "total_floor_area": "720", "density": "240", "coverage": "60", "parking": "4",
          "height": "14", "projections": "12"}  # fmt: skip


def _count(office: Office, model: type) -> int:
    with office.s.uow(writer=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def _payments(office: Office, case_id: str) -> list[Payment]:
    with office.s.uow(writer=False) as uow:
        return list(uow.session.scalars(select(Payment).where(Payment.case_id == case_id).order_by(Payment.created_at)))


def _codes(pdf: bytes, tmp: Path) -> list[str]:
    path = tmp / "slip.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", str(path), str(tmp / "page")],
                   check=True)  # fmt: skip
    image = next(tmp.glob("page*.png"))
    out = subprocess.run(
        ["zbarimg", "--raw", "-q", *PRINTED_SYMBOLOGIES, str(image)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


@pytest.fixture
def permit(office: Office):  # type: ignore[no-untyped-def]
    s = office.s
    s.auth.create_user(office.admin, "permits", "نرگس امینی", "secret-pass", ("permits.expert", "permits.head"))
    actor = s.auth.actor_by_username("permits")
    service = CATALOG.get("PD01_PERMIT_DRAFT")
    person, prop = office.person(), office.property()
    result = s.intake.open_case(actor, OpenCaseInput(service.code, person.id, prop.id,
                                                     frozenset(service.required_documents)))  # fmt: skip
    s.cases.apply_action(actor, result.case_id, "start_review", expected_version=s.cases.get_version(result.case_id))
    return actor, str(result.case_id)


def test_compute_print_pay_submit_and_recompute(office: Office, permit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    actor, case_id = permit
    s = office.s
    checklist = {c: c != "payments_checked" for c in CHECKLIST_CODES}
    engineers = [Engineer("structure", "رضا احمدی", "1-01-12345")]
    s.permits.save_draft(actor, case_id, checklist={}, engineers=engineers, fields={})

    # no figures: refused, naming them, and nothing written
    outbox, audit = _count(office, OutboxEntry), _count(office, AuditEntry)
    with pytest.raises(ValidationError) as refused:
        s.permits.compute_fees(actor, case_id)
    assert "زیربنای کل" in (message_fa(refused.value) or "")
    with pytest.raises(DomainError) as refused2:
        s.permits.record_payment(actor, case_id, "bank_ref", "123456789")
    assert refused2.value.code == "permits.fees_not_computed" and "محاسبه عوارض" in (message_fa(refused2.value) or "")
    assert (_count(office, OutboxEntry), _count(office, AuditEntry)) == (outbox, audit)
    assert not _payments(office, case_id)

    s.permits.save_draft(actor, case_id, checklist=checklist, engineers=engineers, fields=FIELDS,
                         technical_id="TID-12345")  # fmt: skip
    outbox = _count(office, OutboxEntry)
    fees = s.permits.compute_fees(actor, case_id)
    codes = {r.code for r in fees.rows}
    assert codes == {"office_fee", "permit_levy", "engineering_fee"}
    assert all(not r.paid and r.amount > 0 and r.amount % 1000 == 0 for r in fees.rows)
    tariff = tariff_book(s).for_year(1404)
    building_value = 720 * tariff.building_value("steel_concrete")
    assert next(r for r in fees.rows if r.code == "engineering_fee").amount == (
        int(building_value * tariff.renovation_rate) // 1000 * 1000
    )
    assert _count(office, OutboxEntry) >= outbox + 4  # three payments and the case's facts
    assert s.permits.get_draft(actor, case_id).fees_paid is False
    with office.s.uow(writer=False) as uow:
        actions = [a for (a,) in uow.session.execute(select(AuditEntry.action)).all()]
    assert "permits.fees_computed" in actions

    # "payments checked" cannot be ticked while unpaid (the fees named in Persian), so submit is refused too
    with pytest.raises(ValidationError) as unpaid:
        s.permits.save_draft(actor, case_id, checklist=dict.fromkeys(CHECKLIST_CODES, True), engineers=engineers,
                             fields=FIELDS, technical_id="TID-12345")  # fmt: skip
    assert "عوارض صدور پروانه" in (message_fa(unpaid.value) or "")
    with pytest.raises(DomainError) as blocked:
        s.permits.submit(actor, case_id, expected_version=s.cases.get_version(case_id))
    assert "پرداختی" in (message_fa(blocked.value) or "")

    # the print service's slip carries the case's bill and payment IDs, read back from the rendered page
    docs = {d.document for d in s.printing.documents(actor, case_id)}
    assert "payment_slip" in docs
    job = s.printing.prepare(actor, case_id, "payment_slip")
    assert (job.document_key or "").split("/") == [fees.bill_id, fees.payment_id]
    decoded = _codes(job.pdf, tmp_path)
    joined = " ".join(decoded)
    assert fees.bill_id in joined and fees.payment_id.lstrip("0") in joined

    # recompute before paying: a new slip, the old unpaid rows voided
    again = s.permits.compute_fees(actor, case_id)
    assert again.payment_id != fees.payment_id
    assert len([p for p in _payments(office, case_id) if p.deleted]) == 3

    # a wrong slip number is refused and changes nothing; the scanned barcode pays
    version = s.cases.get_version(case_id)
    with pytest.raises(ValidationError) as wrong:
        s.permits.record_payment(actor, case_id, "slip", fees.payment_id)
    assert wrong.value.code == "payment.slip_mismatch" and message_fa(wrong.value)
    assert s.cases.get_version(case_id) == version
    barcode = again.bill_id.rjust(BILL_ID_LENGTH, "0") + again.payment_id
    paid = s.permits.record_payment(actor, case_id, "slip", barcode)
    assert paid.fees_paid and all(r.paid for r in paid.rows)
    draft = s.permits.get_draft(actor, case_id)
    assert draft.fees_paid and draft.unpaid_fees == ()
    with pytest.raises(DomainError) as twice:
        s.permits.record_payment(actor, case_id, "bank_ref", "123456789")
    assert twice.value.code == "payment.already_paid"

    # recomputing after payment keeps the paid rows as they are and asks for nothing more
    before = {(p.id, p.amount_rials, p.paid, p.version) for p in _payments(office, case_id) if p.paid}
    s.permits.save_draft(actor, case_id, checklist=checklist, engineers=engineers,
                         fields={**FIELDS, "total_floor_area": "900"}, technical_id="TID-12345")  # fmt: skip
    after = s.permits.compute_fees(actor, case_id)
    assert {(p.id, p.amount_rials, p.paid, p.version) for p in _payments(office, case_id) if p.paid} == before
    assert after.fees_paid and after.unpaid == 0

    # the expert ticks "payments checked" and the draft goes to the head
    s.permits.save_draft(actor, case_id, checklist=dict.fromkeys(CHECKLIST_CODES, True), engineers=engineers,
                         fields=FIELDS, technical_id="TID-12345")  # fmt: skip
    s.permits.submit(actor, case_id, expected_version=s.cases.get_version(case_id))
    assert s.cases.get_case(actor, case_id).state == "head_review"
    with pytest.raises(DomainError) as late:
        s.permits.compute_fees(actor, case_id)
    assert late.value.code == "permits.fees_state" and "تایید رئیس" in (message_fa(late.value) or "")


def test_bank_reference_and_wrong_role(office: Office, permit) -> None:  # type: ignore[no-untyped-def]
    actor, case_id = permit
    s = office.s
    s.permits.save_draft(actor, case_id, checklist={}, engineers=[], fields=FIELDS)
    s.permits.compute_fees(actor, case_id)
    with pytest.raises(DomainError) as role:
        s.permits.record_payment(office.clerk, case_id, "bank_ref", "123456789")
    assert role.value.code == "permits.not_allowed"
    with pytest.raises(ValidationError) as short:
        s.permits.record_payment(actor, case_id, "card_terminal", "12")
    assert short.value.code == "payment.reference_format"
    fees = s.permits.record_payment(actor, case_id, "card_terminal", "۱۲۳۴۵۶۷۸")
    assert fees.fees_paid and {r.method for r in fees.rows} == {"card_terminal"}
