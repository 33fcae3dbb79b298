"""End to end as the vehicle demo user: a vehicle registered through the plate input (an invalid plate refused in
Persian), its annual sticker requested, a return for a missing document, slip (zbarimg), payment, completion with
the sticker serial, the receipt (pdftotext: amount in words, Jalali date); a second sticker this year refused; a
replacement, a refund with its computed amount, a camera-fine objection rejected by the head."""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.domain.dates import TEHRAN, format_jalali_long
from app.domain.money import rials_in_words
from app.domain.text import to_persian_digits
from app.models import AuditEntry, CaseEvent, Person, TrafficSticker
from app.ui.units.vehicle import VehicleTab
from tests.barcodes import PRINTED_SYMBOLOGIES

_MARKS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout
    out = "".join(ch for ch in unicodedata.normalize("NFKC", out) if ch not in _MARKS)
    return " ".join(out.split())


def _barcodes(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp_path / name)], check=True)
    png = sorted(tmp_path.glob(f"{name}*.png"))[0]
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", *PRINTED_SYMBOLOGIES, str(png)],
        capture_output=True,
        text=True,
    ).stdout
    return out.split()


def test_vehicle_sticker_end_to_end(login, kb, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    login("vehicle")
    tab = VehicleTab(ctx)
    tab.request_panel.preview = False
    tab.resize(1280, 900)
    kb.show(tab)
    kb.wait_idle()
    s = ctx.services
    assert tab.cartable_rows(), "the demo fills the vehicle cartable"
    vp = tab.vehicles_panel
    assert vp.list.rowCount() >= 8, "demo vehicles are listed"
    tab.panels.setCurrentWidget(vp)

    # An invalid plate: refused beside the field, in Persian.
    vp.plate.setFocus()
    kb.type(vp.plate, "12 ب 34567 0")
    vp.find_vehicle()
    kb.wait_idle()
    assert "پلاک" in vp.plate.message()
    # A good plate, typed with Persian digits and the word «ایران»: not found, so the owner is entered and it is saved.
    vp.plate.clear()
    kb.type(vp.plate, "۴۷ ص ۳۶۱ ایران ۲۲")
    vp.find_vehicle()
    kb.wait_idle()
    assert vp.vehicle is None and vp.register_button.isEnabled()
    with s.uow(writer=False) as uow:
        nid = uow.session.scalars(select(Person.national_id).where(Person.kind == "natural")).first()
    vp.owner_nid.setText(nid)
    vp.find_owner()
    kb.wait_idle()
    vp.make_model.setText("پژو ۲۰۶")
    vp.register_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert vp.vehicle is not None and vp.vehicle.plate_key == "47ص361-22"
    # The sticker request, with the vehicle card only: the clerk returns it for the missing ID documents.
    vp.sticker_button.click()
    kb.wait_idle()
    kb.wait_idle()
    rp = tab.request_panel
    assert rp.view is not None and rp.view.kind == "sticker"
    case_id = rp.view.case_id
    assert case_id in {r.case_id for r in tab.cartable_rows()}
    assert rp.view.state == "received" and "start_review" not in rp.action_bar.buttons  # its own workflow
    # Issuing the sticker before the slip and payment is refused naming the stage; nothing changes.
    version = rp.view.version
    assert not rp.complete_button.isEnabled() and not rp.payment.isEnabled()
    rp.complete()
    kb.wait_idle()
    assert "ممکن نیست" in rp.message.text() and "دریافت شده" in rp.message.text()
    assert s.cases.get_version(case_id) == version
    # The ID documents turn out to be an expired card: unticked, and the case returned for them.
    docs = rp.documents.list
    item = next(
        docs.item(i) for i in range(docs.count()) if docs.item(i).data(Qt.ItemDataRole.UserRole) == "id_documents"
    )
    item.setCheckState(Qt.CheckState.Unchecked)
    kb.wait_idle()
    kb.wait_idle()
    assert s.cases.missing_documents(case_id) == frozenset({"id_documents"})
    rp.action_bar.note.setText("کارت ملی مالک اعتبار ندارد.")
    rp.action_bar.buttons["return_deficiency"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "awaiting_documents"
    assert "documents_completed" not in rp.action_bar.buttons  # blocked until the document is in
    docs = rp.documents.list
    item = next(
        docs.item(i) for i in range(docs.count()) if docs.item(i).data(Qt.ItemDataRole.UserRole) == "id_documents"
    )
    item.setCheckState(Qt.CheckState.Checked)  # the clerk ticks the ID documents as received
    kb.wait_idle()
    kb.wait_idle()
    assert s.cases.missing_documents(case_id) == frozenset()
    rp.action_bar.buttons["documents_completed"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "received"
    rp.slip_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "awaiting_payment" and not rp.complete_button.isEnabled()
    slip = rp.view.slip
    assert slip and slip["amount"] == sum(f.amount for f in rp.view.fees)
    rp.print_slip_button.click()
    kb.wait_idle()
    assert slip["bill_id"] + slip["payment_id"] in _barcodes(rp.pdf.last_pdf, tmp_path, "slip")
    rp.payment.set_method("bank_ref")
    rp.payment.reference.setText("98765432101")
    rp.payment.button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.unpaid == 0 and rp.view.state == "paid"
    rp.complete_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "issued"
    serial = rp.view.facts["sticker_serial"]
    rp.receipt_button.click()
    kb.wait_idle()
    receipt = rp.pdf.last_pdf
    text = _text(receipt, tmp_path, "receipt")
    assert rials_in_words(slip["amount"]) in text
    assert "آرم طرح ترافیک" in text and to_persian_digits(serial) in text
    assert format_jalali_long(s.now().astimezone(TEHRAN)).replace(" ", "") in text.replace(" ", "")  # Jalali date
    assert rp.view.tracking_number in _barcodes(receipt, tmp_path, "receipt")
    with s.uow(writer=False) as uow:
        actions = list(uow.session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case_id)
                                           .order_by(CaseEvent.seq)))  # fmt: skip
        audited = set(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == case_id)))
        stickers = uow.session.scalars(select(TrafficSticker).where(TrafficSticker.case_id == case_id)).all()
    assert actions == ["open_case", "return_deficiency", "documents_completed", "issue_slip", "confirm_payment",
                       "issue"]  # fmt: skip
    assert {"vehicle.slip_issued", "vehicle.payment_recorded", "vehicle.sticker_completed",
            "document.printed"} <= audited  # fmt: skip
    assert [st.serial for st in stickers] == [serial]
    assert case_id not in {r.case_id for r in tab.cartable_rows()}

    # A second sticker this year: refused in Persian naming the serial; no case opened.
    tab.panels.setCurrentWidget(vp)
    vp.find_vehicle()
    kb.wait_idle()
    n_cases = len(s.vehicles.cases_of_vehicle(vp.vehicle.id))
    vp.sticker_button.click()
    kb.wait_idle()
    assert "پیش‌تر صادر شده" in vp.message.text()
    assert len(s.vehicles.cases_of_vehicle(vp.vehicle.id)) == n_cases

    # Refund: the amount from the unused period (the domain's arithmetic) is on the case.
    vp.iban.setText("IR820540102680020817909002")
    vp.refund_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.kind == "refund" and rp.view.facts["refund"] == s.vehicles.refund_preview(vp.vehicle.id).amount
    # Its own workflow: amount computed, then the head's approval (refused until the office's charge is paid),
    # then paid out, which ends the sticker.
    rp.action_bar.buttons["compute_refund"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "amount_computed" and "approve" not in rp.action_bar.buttons
    rp.slip_button.click()
    kb.wait_idle()
    kb.wait_idle()
    rp.payment.set_method("bank_ref")
    rp.payment.reference.setText("11223344556")
    rp.payment.button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "amount_computed" and rp.view.unpaid == 0
    rp.action_bar.buttons["approve"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "approved" and rp.complete_button.isEnabled()
    rp.complete_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "paid_out"
    assert [st.status for st in s.vehicles.stickers_of(vp.vehicle.id)] == ["refunded"]
    tab.close()


def test_vehicle_objection_rejected_and_wrong_role(login, kb, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    login("vehicle")
    tab = VehicleTab(ctx)
    tab.request_panel.preview = False
    kb.show(tab)
    kb.wait_idle()
    s = ctx.services
    vp, rp = tab.vehicles_panel, tab.request_panel
    vid = vp._listed[0].id
    vp.plate.setText(vp._listed[0].plate_key)
    vp.find_vehicle()
    kb.wait_idle()
    # Too late: 90 days after the fine.
    vp.fine_number.setText("1234567890")
    vp.fine_date.set_value(s.today() - dt.timedelta(days=90))
    vp.camera_location.setText("میدان تجریش")
    vp.objection_reason.setText("خودرو در آن ساعت در تعمیرگاه بوده است.")
    n = len(s.vehicles.cases_of_vehicle(vid))
    vp.objection_button.click()
    kb.wait_idle()
    assert "مهلت اعتراض" in vp.message.text() and len(s.vehicles.cases_of_vehicle(vid)) == n
    attachment = tmp_path / "photo.png"
    attachment.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    vp.set_attachments([str(attachment)])
    vp.fine_date.set_value(s.today() - dt.timedelta(days=5))
    vp.objection_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.kind == "objection" and rp.view.facts["attachments"][0]["name"] == "photo.png"
    rp.action_bar.buttons["start_review"].click()
    kb.wait_idle()
    kb.wait_idle()
    rp.action_bar.note.setText("شماره جریمه با پلاک خودرو مطابقت ندارد.")
    rp.action_bar.buttons["reject"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert rp.view.state == "rejected"
    # Wrong role: the renovation expert cannot issue a sticker slip.
    from app.domain.errors import DomainError
    from app.services.demo import DEMO_PASSWORD
    from app.services.renovation import message_fa

    other = s.auth.login("renovation", DEMO_PASSWORD)
    open_case = next(r for r in tab.cartable_rows() if r.service_code == "VH01_TRAFFIC_STICKER")
    version = s.cases.get_version(open_case.case_id)
    try:
        s.vehicles.issue_slip(other, open_case.case_id)
        raise AssertionError("a renovation expert issued a vehicle slip")
    except DomainError as exc:
        assert "عوارض خودرو" in message_fa(exc)
    assert s.cases.get_version(open_case.case_id) == version
    tab.grab().save(str(tmp_path / "vehicle.png"))
    tab.close()
