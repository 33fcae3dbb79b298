"""Paying a permit draft's fees through the Permit drafts tab: compute the fees, print the payment slip through the
print service (its IDs read back by zbarimg), a wrong reference refused in Persian with nothing changed, the
payment recorded, "payments checked" ticked and the draft sent to the head."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGroupBox
from sqlalchemy import select

from app.models import AuditEntry, Payment
from app.ui.units.permits import PermitsTab
from tests.barcodes import PRINTED_SYMBOLOGIES
from tests.ui.test_ui_permits import _click, _new_case, _refused, _save

FIGURES = {"floors": "4", "total_floor_area": "720", "density": "240", "coverage": "60", "parking": "4",
           "height": "14", "projections": "12"}  # fmt: skip


def _codes(pdf: bytes, tmp: Path) -> str:
    path = tmp / "slip.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", str(path), str(tmp / "page")],
                   check=True)  # fmt: skip
    image = next(tmp.glob("page*.png"))
    return subprocess.run(
        ["zbarimg", "--raw", "-q", *PRINTED_SYMBOLOGIES, str(image)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def test_pay_permit_fees_through_the_tab(qtbot: Any, ctx: Any, login: Any, kb: Any, tmp_path: Path) -> None:
    login("permits")
    services = ctx.services
    case_id = _new_case(ctx)
    tab = PermitsTab(ctx)
    kb.show(tab)
    tab.resize(1366, 900)
    desk = tab.desk
    qtbot.waitUntil(
        lambda: any(desk.queue.item(i).data(256) == case_id for i in range(desk.queue.count())), timeout=15_000
    )
    with qtbot.waitSignal(desk.case_loaded, timeout=15_000):
        desk.select_case(case_id)
    _click(qtbot, tab, "start_review")
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.state == "checking", timeout=15_000)
    assert desk.fees is not None and not desk.fees.rows and not desk.print_slip_button.isEnabled()

    # no figures yet: the fees cannot be computed, the message names the figure, nothing is written
    version = services.cases.get_version(case_id)
    text = _refused(qtbot, tab, desk.compute_fees_button)
    assert "زیربنای کل" in text and services.cases.get_version(case_id) == version

    for code, box in desk.checks.items():
        box.setChecked(code != "payments_checked")
    desk.technical_id_edit.setText("TID-1404-00777")
    desk.add_engineer()
    desk.engineers.cellWidget(0, 1).setText("رضا احمدی")
    desk.engineers.cellWidget(0, 2).setText("1-01-12345")
    for code, value in FIGURES.items():
        desk.field_edits[code].setText(value)
    _save(qtbot, tab)
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.version == services.cases.get_version(case_id))

    with qtbot.waitSignal(desk.fees_updated, timeout=15_000):
        desk.compute_fees_button.click()
    fees = desk.fees
    assert fees is not None and {r.code for r in fees.rows} == {"office_fee", "permit_levy", "engineering_fee"}
    assert desk.fees_table.rowCount() == 3 and fees.unpaid > 0
    qtbot.waitUntil(lambda: desk.print_slip_button.isEnabled(), timeout=15_000)

    # the payment slip from the print service, with the case's bill and payment IDs in its barcode
    with qtbot.waitSignal(desk.print_controller.preview_opened, timeout=30_000) as opened:
        desk.print_slip_button.click()
    dialog = opened.args[0]
    assert dialog.page_count() >= 1
    job = services.printing.prepare(ctx.actor, case_id, "payment_slip")
    dialog.close()
    decoded = _codes(job.pdf, tmp_path)
    assert fees.bill_id in decoded and fees.payment_id.lstrip("0") in decoded
    tab.grab().save(str(tmp_path / "permits-fees.png"))
    desk.findChild(QGroupBox, "permit-fees").grab().save(str(tmp_path / "fees-box.png"))

    # a wrong payment ID: a Persian refusal, nothing paid, version unchanged
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.version == services.cases.get_version(case_id))
    version = services.cases.get_version(case_id)
    desk.method_combo.setCurrentIndex(desk.method_combo.findData("slip"))
    desk.reference_edit.setText("123456789")
    text = _refused(qtbot, tab, desk.record_payment_button)
    assert "شناسه پرداخت" in text and desk.fee_message.isVisible()
    assert services.cases.get_version(case_id) == version
    assert not services.permits.get_fees(ctx.actor, case_id).fees_paid

    # the slip's payment ID as typed: paid, fees_paid set
    desk.reference_edit.setText(fees.payment_id)
    with qtbot.waitSignal(desk.fees_updated, timeout=15_000):
        desk.record_payment_button.click()
    assert desk.fees is not None and desk.fees.fees_paid and desk.fees.unpaid == 0
    assert services.permits.get_draft(ctx.actor, case_id).fees_paid
    with services.uow(writer=False) as uow:
        rows = uow.session.scalars(select(Payment).where(Payment.case_id == case_id, Payment.deleted.is_(False)))
        assert {(r.paid, r.method) for r in rows} == {(True, "slip")}

    # "payments checked" can be ticked now, and the draft goes to the head
    with qtbot.waitSignal(desk.case_loaded, timeout=15_000):
        desk.reload_case()
    desk.checks["payments_checked"].setChecked(True)
    _save(qtbot, tab)
    assert services.permits.get_draft(ctx.actor, case_id).complete
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.version == services.cases.get_version(case_id))
    _click(qtbot, tab, "submit_for_approval")
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.state == "head_review", timeout=15_000)
    kb.wait_idle()
    with services.uow(writer=False) as uow:
        actions = [e.action for e in uow.session.scalars(select(AuditEntry).where(AuditEntry.entity_id == case_id))]
    assert "permits.fees_computed" in actions and "permits.payment_recorded" in actions
