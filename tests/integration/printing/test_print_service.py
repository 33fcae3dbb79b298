"""The print service over a real SQLite file: papers built from a case, every print and reprint audited with its
count, «المثنی» on a reprint read back with pdftotext, a blank required field refused in Persian, nothing recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from print_office import HAVE_TOOLS, PrintOffice, decode_codes, make_print_office, pdf_text, squeeze
from sqlalchemy import select, update

from app.domain.errors import DomainError, ValidationError
from app.domain.payment_ids import is_valid_bill_id, is_valid_payment_id, slip_barcode_value
from app.domain.text import to_persian_digits
from app.models import AuditEntry, User
from app.models.printing import PrintRecord
from app.printing import signing
from app.services.demo_certificates import add_unpaid_fees
from app.services.printing import error_message

needs_tools = pytest.mark.skipif(not HAVE_TOOLS, reason="poppler-utils and zbar-tools are needed")


@pytest.fixture
def office(tmp_path: Path) -> Iterator[PrintOffice]:
    o = make_print_office(tmp_path / "ws")
    yield o
    o.s.close()


def _audit(office: PrintOffice, prefix: str = "print.") -> list[AuditEntry]:
    with office.s.uow(writer=False) as uow:
        return list(uow.session.scalars(select(AuditEntry).where(AuditEntry.action.startswith(prefix))
                                        .order_by(AuditEntry.seq)))  # fmt: skip


@needs_tools
def test_receipt_print_and_reprints_are_counted_audited_and_stamped(office: PrintOffice, tmp_path: Path) -> None:
    case_id = office.open_certificate_case()
    docs = office.s.printing.documents(office.clerk, case_id)
    assert [d.document for d in docs] == ["receipt"] and docs[0].prints == 0

    first = office.s.printing.prepare(office.clerk, case_id, "receipt")
    assert first.copy_number == 0 and not first.is_reprint
    text = pdf_text(first.pdf, tmp_path)
    assert "المثنی" not in text
    assert "علی‌رضا محمدی‌نژاد" in text and "گواهی بلامانع" in text
    assert "زهرا کریمی" in text  # the clerk who opened the case
    office.s.printing.record(office.clerk, first, printer="Counter-Thermal")

    second = office.s.printing.prepare(office.clerk, case_id, "receipt", "a5")
    assert second.copy_number == 1 and second.file_name.endswith("-copy1.pdf")
    office.s.printing.record(office.clerk, second, target="pdf")
    third = office.s.printing.prepare(office.clerk, case_id, "receipt")
    office.s.printing.record(office.clerk, third, printer="Counter-Thermal")
    reprint_text = squeeze(pdf_text(third.pdf, tmp_path))
    assert "المثنی" in reprint_text and "نوبت" + to_persian_digits(2) in reprint_text

    entries = _audit(office)
    assert [e.action for e in entries] == ["print.printed", "print.reprinted", "print.reprinted"]
    assert [e.details["copy_number"] for e in entries] == [0, 1, 2]
    assert entries[0].details["printer"] == "Counter-Thermal" and entries[1].details["target"] == "pdf"
    assert all(e.entity_id == case_id and e.details["document"] == "receipt" for e in entries)
    assert office.s.printing.prints_of(case_id, "receipt") == 3
    assert office.s.audit.verify_chain().ok
    # The barcode on the receipt is the tracking number.
    assert first.tracking_number in decode_codes(first.pdf, tmp_path)


def test_a_blank_required_field_is_refused_in_persian_and_nothing_is_recorded(office: PrintOffice) -> None:
    case_id = office.open_certificate_case()
    with office.s.uow() as uow:
        uow.session.execute(update(User).where(User.username == "intake").values(full_name=""))
        uow.commit()
    before = len(_audit(office, ""))
    with pytest.raises(ValidationError) as caught:
        office.s.printing.prepare(office.clerk, case_id, "receipt")
    assert caught.value.code == "print.missing_field" and caught.value.params["field"] == "clerk_name"
    text = error_message(caught.value)
    assert "کارشناس پذیرش" in text and "چاپ نمی‌شود" in text
    assert len(_audit(office, "")) == before
    with office.s.uow(writer=False) as uow:
        assert uow.session.scalar(select(PrintRecord.id)) is None


def test_unknown_document_and_missing_certificate_are_refused(office: PrintOffice) -> None:
    case_id = office.open_certificate_case()
    with pytest.raises(ValidationError):
        office.s.printing.prepare(office.clerk, case_id, "poster")
    with pytest.raises(DomainError) as caught:
        office.s.printing.prepare(office.clerk, case_id, "certificate")
    assert caught.value.code == "certificate.not_approved"
    assert "تایید" in error_message(caught.value)
    with pytest.raises(DomainError) as no_fees:
        office.s.printing.prepare(office.clerk, case_id, "payment_slip")
    assert no_fees.value.code == "print.nothing_to_pay"


@needs_tools
def test_payment_slip_of_unpaid_fees_has_checked_ids_and_a_decodable_barcode(
    office: PrintOffice, tmp_path: Path
) -> None:
    case_id = office.open_certificate_case("C01_NO_VIOLATION")
    add_unpaid_fees(office.s, case_id, "C01_NO_VIOLATION")
    docs = {d.document: d for d in office.s.printing.documents(office.clerk, case_id)}
    assert "payment_slip" in docs
    job = office.s.printing.prepare(office.clerk, case_id, "payment_slip")
    bill, pay = job.document_key.split("/")
    assert is_valid_bill_id(bill) and is_valid_payment_id(bill, pay)
    # The same IDs on a reprint (they do not depend on the day of printing).
    assert office.s.printing.prepare(office.clerk, case_id, "payment_slip").document_key == job.document_key
    text = squeeze(pdf_text(job.pdf, tmp_path))
    assert "هشتصدهزار" in text.replace("\u200c", "")  # 800,000 rials in words
    assert slip_barcode_value(bill, pay) in decode_codes(job.pdf, tmp_path)


def test_office_key_lives_in_the_data_folder_and_verifies(office: PrintOffice) -> None:
    key = office.s.printing.signing_key()
    folder = office.s.paths.office_keys
    assert (folder / signing.PRIVATE_KEY_FILE).exists() and (folder / signing.PUBLIC_KEY_FILE).exists()
    assert (folder / signing.PRIVATE_KEY_FILE).stat().st_mode & 0o077 == 0
    assert signing.key_id(key) in {signing.key_id(k) for k in office.s.printing.public_keys()}


def test_a_slip_issued_by_its_unit_prints_with_its_own_ids_and_payments(office: PrintOffice) -> None:
    from app.domain.payment_ids import make_bill_id, make_payment_id
    from app.models import Case, Payment

    case_id = office.open_certificate_case("C01_NO_VIOLATION")
    add_unpaid_fees(office.s, case_id, "C01_NO_VIOLATION")  # 800,000 on no slip
    bill = make_bill_id(4242, 101)
    pay = make_payment_id(3_500_000, 1404, 2, bill)
    with office.s.uow() as uow:
        for code, amount in (("certificate_levy", 3_000_000), ("office_fee", 500_000)):
            uow.session.add(Payment(case_id=case_id, fee_code=code, amount_rials=amount, bill_id=bill, payment_id=pay))
        uow.commit()
    job = office.s.printing.prepare(office.clerk, case_id, "payment_slip")
    assert job.document_key == f"{bill}/{pay}"
    with office.s.uow(writer=False) as uow:
        case = uow.session.get(Case, case_id)
        data = office.s.printing.payment_slip_data(uow.session, case, office.s.printing.office_info(uow.session))
    assert data.amount_rials == 3_500_000 and len(data.items) == 2
