"""End to end as the renovation demo user: a clearance request worked from the cartable through levy, slip, a wrong
and a right payment, the clearance and its print (pdftotext: amount in words, Jalali date; zbarimg: the slip's
barcode); a return and a rejection path; the excavation route drawn on the map; refusals in Persian."""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from pathlib import Path

from sqlalchemy import select

from app.domain.dates import TEHRAN, format_jalali_long
from app.domain.money import rials_in_words
from app.models import AuditEntry, CaseEvent
from app.ui.units.renovation import RenovationTab
from tests.barcodes import PRINTED_SYMBOLOGIES

_MARKS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout
    out = "".join(ch for ch in unicodedata.normalize("NFKC", out) if ch not in _MARKS)
    return " ".join(out.split())


def _barcode(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp_path / name)], check=True)
    png = sorted(tmp_path.glob(f"{name}*.png"))[0]
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", *PRINTED_SYMBOLOGIES, str(png)],
        capture_output=True,
        text=True,
    ).stdout
    return out.strip()


def _tab(login, kb, ctx):  # type: ignore[no-untyped-def]
    login("renovation")
    tab = RenovationTab(ctx)
    tab.case_panel.preview = False
    tab.resize(1280, 900)
    kb.show(tab)
    kb.wait_idle()
    return tab


def test_renovation_clearance_end_to_end(login, kb, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(login, kb, ctx)
    s = ctx.services
    assert tab.cartable_rows(), "the demo fills the renovation cartable"
    # A new clearance request from the tab, for a demo person and property.
    panel = tab.new_request
    with s.uow(writer=False) as uow:
        from app.models import Person, Property

        person = uow.session.scalars(select(Person).where(Person.kind == "natural")).first()
        prop = uow.session.scalars(select(Property).order_by(Property.renovation_key.desc())).first()
        nid, code = person.national_id, prop.renovation_key
    tab.panels.setCurrentWidget(panel)
    panel.national_id.setText(nid)
    panel.find_applicant()
    panel.renovation_code.setText(code)
    panel.find_property()
    kb.wait_idle()
    assert panel.applicant_id and panel.property_id
    panel.open_button.click()
    kb.wait_idle()
    kb.wait_idle()
    case = tab.case_panel
    assert case.view is not None and case.view.state == "received"
    case_id = case.view.case_id
    assert case_id in {r.case_id for r in tab.cartable_rows()}

    # Clearance before anything is paid: refused in Persian with the amount; nothing changes.
    version = case.view.version
    case.clearance_button.setEnabled(True)
    case.clearance_button.click()
    kb.wait_idle()
    assert "مفاصا حساب ممکن نیست" in case.message.text() and "ریال" in case.message.text()
    assert s.cases.get_version(case_id) == version

    # The levy: 1403 already paid, the other years due.
    case.land_area.setText("240")
    case.building_area.setText("480")
    case.first_year.setValue(1403)
    case.last_year.setValue(1405)
    case.paid_years.item(0).setCheckState(case.paid_years.item(0).checkState().__class__.Checked)
    case.save_button.click()
    kb.wait_idle()
    kb.wait_idle()
    levy = case.view.facts["levy"]
    assert levy["paid_years"] == [1403] and levy["lines"]["1403"]["due"] == 0 and levy["total_due"] > 0

    case.slip_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert case.view.state == "awaiting_payment" and case.view.slip
    slip = case.view.slip
    case.print_slip_button.click()
    kb.wait_idle()
    slip_pdf = case.pdf.last_pdf
    text = _text(slip_pdf, tmp_path, "slip")
    assert rials_in_words(slip["amount"]) in text
    issued = dt.datetime.fromisoformat(slip["issued_at"]).astimezone(TEHRAN)
    assert format_jalali_long(issued).replace(" ", "") in text.replace(" ", "")  # the Jalali issue date
    assert _barcode(slip_pdf, tmp_path, "slip") == slip["bill_id"] + slip["payment_id"]

    # A wrong payment ID is refused (Persian, naming the slip's ID) and changes nothing.
    version = case.view.version
    case.payment.set_method("slip")
    case.payment.reference.setText("1234567")
    case.payment.button.click()
    kb.wait_idle()
    assert "یکی نیست" in case.message.text()
    assert s.cases.get_version(case_id) == version
    case.payment.reference.setText(slip["bill_id"] + slip["payment_id"])  # the barcode, as scanned
    case.payment.button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert case.view.state == "in_review" and case.view.unpaid == 0
    case.clearance_button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert case.view.state == "cleared"
    case.print_clearance_button.click()
    kb.wait_idle()
    text = _text(case.pdf.last_pdf, tmp_path, "clearance")
    assert "مفاصا حساب عوارض نوسازی" in text
    data = s.renovation.clearance_data(case_id)
    assert f"{rials_in_words(sum(a for _, a in data.items))} ریال" in text  # the total paid, in words
    # The Jalali dates (pdftotext moves the spaces around Persian digits, so compare without spaces).
    bare = text.replace(" ", "")
    assert format_jalali_long(data.valid_until).replace(" ", "") in bare
    assert f"تاریخ{format_jalali_long(data.issue_date).replace(' ', '')}" in bare

    # Route history and audit log.
    with s.uow(writer=False) as uow:
        actions = list(uow.session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case_id)
                                           .order_by(CaseEvent.seq)))  # fmt: skip
        audited = set(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == case_id)))
    assert actions == ["open_case", "issue_slip", "confirm_payment", "issue_clearance"]
    assert {"renovation.levy_recorded", "renovation.slip_issued", "renovation.payment_recorded",
            "document.printed", "case.action"} <= audited  # fmt: skip
    assert case.history.topLevelItemCount() == 4
    assert case_id not in {r.case_id for r in tab.cartable_rows()}  # a cleared case leaves the cartable
    assert s.audit.verify_chain().ok if hasattr(s.audit, "verify_chain") else True
    tab.close()


def test_renovation_return_reject_route_and_refusals(login, kb, ctx) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(login, kb, ctx)
    s, actor = ctx.services, ctx.actor
    rows = {r.service_code: r for r in tab.cartable_rows()}
    # Excavation: the demo case with its route; a new one drawn here by clicks on the map.
    from app.domain.catalog import CATALOG
    from app.models import Person, Property

    with s.uow(writer=False) as uow:
        person = uow.session.scalars(select(Person).where(Person.kind == "natural")).first().id
        prop = uow.session.scalars(select(Property)).first().id
    docs = CATALOG.get("R03_EXCAVATION_ROUTE").required_documents
    result = s.renovation.open_request(actor, "R03_EXCAVATION_ROUTE", person, prop, docs)
    tab.open_case(result.case_id)
    kb.wait_idle()
    case = tab.case_panel
    assert case.forms.currentIndex() == 2
    route = case.ex_route
    view = route.view
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    for x, y in ((100, 100), (220, 140), (300, 220)):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    assert len(route.points()) == 3 and route.length_m() > 1
    # Keyboard drawing: Insert adds the map centre, Backspace takes it back.
    QTest.keyClick(view, Qt.Key.Key_Insert)
    assert len(route.points()) == 4
    QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert len(route.points()) == 3
    # Refusal: no contractor -> Persian message beside the form, nothing stored.
    case.ex_site.setText("سایت دفع نخاله آبعلی")
    case.ex_volume.setText("420")
    case.save_button.click()
    kb.wait_idle()
    assert "پیمانکار" in case.message.text()
    assert case.ex_contractor.property("invalid") and case.ex_contractor.hasFocus()
    assert "excavation" not in s.renovation.get(result.case_id).facts
    case.ex_contractor.setText("شرکت حمل نخاله البرز")
    case.save_button.click()
    kb.wait_idle()
    kb.wait_idle()
    stored = s.renovation.get(result.case_id).facts["excavation"]
    assert stored["route"]["geometry"]["type"] == "LineString"
    assert stored["route"]["crs"]["properties"]["name"].endswith("32639")
    assert len(stored["route"]["geometry"]["coordinates"]) == 3
    assert s.renovation.get(result.case_id).facts["charges"]["excavation_waste_charge"]["amount"] > 0

    # Return with a deficiency (the note is required), then documents completed.
    case.action_bar.buttons["return_deficiency"].click()
    kb.wait_idle()
    assert case.message.text()  # note required
    assert s.renovation.get(result.case_id).state == "received"
    case.action_bar.note.setText("قرارداد حمل پسماند امضا نشده است.")
    case.action_bar.buttons["return_deficiency"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert case.view.state == "awaiting_documents"
    case.action_bar.buttons["documents_completed"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert case.view.state == "received"
    # Slip, payment by card terminal (a bad trace number refused first), then the head rejects with a reason.
    case.slip_button.click()
    kb.wait_idle()
    kb.wait_idle()
    case.payment.set_method("card_terminal")
    case.payment.reference.setText("12")
    case.payment.button.click()
    kb.wait_idle()
    assert "رقم" in case.message.text() and case.view.state == "awaiting_payment"
    case.payment.reference.setText("44556677")
    case.payment.button.click()
    kb.wait_idle()
    kb.wait_idle()
    assert case.view.state == "in_review"
    case.action_bar.note.setText("مسیر پیشنهادی از معبر ممنوع می‌گذرد.")
    case.action_bar.buttons["reject"].click()
    kb.wait_idle()
    kb.wait_idle()
    assert case.view.state == "rejected"
    titles = [case.history.topLevelItem(i).text(1) for i in range(case.history.topLevelItemCount())]
    assert "رد درخواست" in titles and "بازگشت به علت کسری" in titles

    # Wrong role: the vehicle clerk cannot record a renovation payment (Persian, nothing changes).
    from app.domain.errors import DomainError
    from app.services.demo import DEMO_PASSWORD
    from app.services.renovation import message_fa

    clerk = s.auth.login("vehicle", DEMO_PASSWORD)
    slip_case = next(r for r in tab.cartable_rows() if r.state == "awaiting_payment")
    version = s.cases.get_version(slip_case.case_id)
    try:
        s.renovation.record_payment(clerk, slip_case.case_id, "bank_ref", "123456789")
        raise AssertionError("a vehicle clerk recorded a renovation payment")
    except DomainError as exc:
        assert "نوسازی" in message_fa(exc)
    assert s.cases.get_version(slip_case.case_id) == version
    assert rows  # the demo's cartable had cases of the unit's services
    tab.close()
