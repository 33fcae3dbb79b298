"""Printing from the window: the case view's Print… menu → preview → printed to a PDF file (no real printer here) and
recorded in the audit log; the printer remembered per document kind in the workstation's settings file; the intake
counter's Ctrl+P on a case just opened; a scanned QR payload in the search box opening its case with the result."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.models.printing import IssuedCertificate
from app.settings import load_settings
from app.ui.case_view import CaseView
from app.ui.print.controller import printer_for, remember_printer
from app.ui.print.preview import PrintPreviewDialog
from app.ui.search_dialog import SearchDialog

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils needed")


def _any_case(ctx) -> str:  # type: ignore[no-untyped-def]
    rows = ctx.services.cartable.list_cartable(ctx.actor, "formation")
    return rows[0].case_id


def _view(ctx, case_id: str) -> CaseView:  # type: ignore[no-untyped-def]
    view = CaseView(ctx, case_id)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it again at the end
    return view


def _open_preview_from_menu(qtbot, view: CaseView, action_name: str) -> PrintPreviewDialog:  # type: ignore[no-untyped-def]
    QTest.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(view, "print_menu", None) is not None, timeout=10000)
    menu = view.print_menu  # type: ignore[attr-defined]
    action = next(a for a in menu.actions() if a.objectName() == action_name)
    controller = view.print_controller  # type: ignore[attr-defined]
    with qtbot.waitSignal(controller.preview_opened, timeout=15000) as opened:
        action.trigger()
    menu.close()
    dialog = opened.args[0]
    assert isinstance(dialog, PrintPreviewDialog)
    return dialog


@needs_poppler
def test_case_view_prints_the_receipt_to_pdf_and_audits_each_print(qtbot, ctx, kb, login, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    login("intake")
    case_id = _any_case(ctx)
    view = _view(ctx, case_id)
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    dialog = _open_preview_from_menu(qtbot, view, "print-receipt-a5")
    assert dialog.document_kind == "receipt" and dialog.page_count() >= 1

    out = tmp_path / "printed.pdf"
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    controller = view.print_controller  # type: ignore[attr-defined]
    with qtbot.waitSignal(controller.recorded, timeout=15000) as recorded:
        dialog.print_to(printer)
    assert recorded.args == [0] and out.exists()
    # What a printer receives is the rendered page (an image): one page per page of the document.
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+(\d+)", info, re.M).group(1) == str(dialog.page_count())  # type: ignore[union-attr]
    assert out.stat().st_size > 5000
    saved = tmp_path / "saved.pdf"
    with qtbot.waitSignal(controller.recorded, timeout=15000):
        dialog.save_to(saved)
    dialog.close()
    entries = ctx.services.audit.list_entries(ctx.services.auth.actor_by_username("officehead"), entity_id=case_id,
                                              action_prefix="print.")  # fmt: skip
    assert sorted(e.action for e in entries) == ["print.printed", "print.reprinted"]
    assert {e.details["target"] for e in entries} == {"pdf"}

    # The menu now says it was printed; a second preview is the numbered reprint «المثنی».
    dialog2 = _open_preview_from_menu(qtbot, view, "print-receipt-a5")
    assert dialog2.windowTitle().endswith("۲")  # the second reprint
    second = tmp_path / "reprint.pdf"
    dialog2.save_to(second)
    reprint = subprocess.run(["pdftotext", str(second), "-"], capture_output=True, text=True, check=True).stdout
    import unicodedata

    assert "المثنی" in unicodedata.normalize("NFKC", reprint)
    dialog2.close()
    kb.wait_idle()
    view.close()


def test_printer_is_remembered_per_document_kind_in_the_settings_file(qtbot, ctx, kb, login) -> None:  # type: ignore[no-untyped-def]
    login("intake")
    remember_printer(ctx, "receipt", "Counter-Thermal")
    remember_printer(ctx, "certificate", "Office-Laser")
    stored = load_settings(ctx.paths.settings_file)
    assert stored.printer_for("receipt") == "Counter-Thermal" and stored.printer_for("certificate") == "Office-Laser"
    assert printer_for(ctx, "payment_slip") is None

    view = _view(ctx, _any_case(ctx))
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    dialog = _open_preview_from_menu(qtbot, view, "print-receipt-thermal80")
    asked: list[str] = []
    original = dialog._get_printer
    dialog._get_printer = lambda kind: asked.append(kind) or original(kind)  # type: ignore[method-assign]
    dialog.make_printer()
    assert asked == ["receipt"] and original("receipt") == "Counter-Thermal"
    # Qt keeps the name only when such a printer exists; what the dialog remembers goes back to the settings file.
    dialog._set_printer("receipt", "Counter-2")
    assert load_settings(ctx.paths.settings_file).printer_for("receipt") == "Counter-2"
    dialog.close()
    view.close()


def test_intake_result_page_prints_the_receipt_with_ctrl_p(qtbot, ctx, kb, login) -> None:  # type: ignore[no-untyped-def]
    from app.services.dto import OpenCaseResult
    from app.ui.units.formation.intake import IntakePanel

    login("intake")
    case_id = _any_case(ctx)
    detail = ctx.services.cases.get_case(ctx.actor, case_id)
    panel = IntakePanel(ctx)
    kb.show(panel)
    kb.wait_idle()
    panel._opened(OpenCaseResult(case_id, detail.tracking_number, changes=None))  # type: ignore[arg-type]
    assert panel.result_page.print_button.isVisible()
    kb.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier, panel.result_page.new_button)
    qtbot.waitUntil(lambda: getattr(panel, "print_controller", None) is not None
                    and panel.print_controller.dialog is not None, timeout=15000)  # fmt: skip
    dialog = panel.print_controller.dialog  # type: ignore[attr-defined]
    assert dialog.document_kind == "receipt"
    dialog.close()
    kb.wait_idle()
    panel.close()


def _payload(ctx, status: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with ctx.services.uow(writer=False) as uow:
        cert = uow.session.scalars(select(IssuedCertificate).where(IssuedCertificate.status == status)).first()
        assert cert is not None, f"the demo has a {status} certificate"
        return cert.payload, cert.case_id


def test_a_scanned_qr_payload_opens_its_case_with_the_verification(qtbot, ctx, kb, login, demo_template) -> None:  # type: ignore[no-untyped-def]
    login("certificates")
    # The office's keys travel with its database (the demo signed its certificates with them).
    shutil.copytree(demo_template / "keys", ctx.paths.office_keys, dirs_exist_ok=True)
    payload, case_id = _payload(ctx, "issued")
    dialog = SearchDialog(ctx)
    kb.show(dialog)
    dialog.query.setText(payload)
    with qtbot.waitSignal(dialog.case_chosen, timeout=15000) as chosen:
        kb.press(Qt.Key.Key_Return, widget=dialog.query)
    assert chosen.args == [case_id]
    assert dialog.check is not None and dialog.check.genuine
    assert "اصیل" in dialog.verification.text()
    view = _view(ctx, case_id)
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    assert view.verification_label.isVisible() and "اصیل" in view.verification_label.text()
    view.close()

    revoked, revoked_case = _payload(ctx, "revoked")
    dialog2 = SearchDialog(ctx)
    kb.show(dialog2)
    dialog2.query.setText(revoked)
    with qtbot.waitSignal(dialog2.case_chosen, timeout=15000):
        dialog2.run_search()
    assert dialog2.check is not None and dialog2.check.status == "revoked"
    assert "ابطال" in dialog2.verification.text()

    # A payload with one character changed is not genuine and opens nothing.
    forged = revoked[:40] + ("A" if revoked[40] != "A" else "B") + revoked[41:]
    dialog3 = SearchDialog(ctx)
    kb.show(dialog3)
    dialog3.query.setText(forged)
    with qtbot.waitSignal(dialog3.searched, timeout=15000):
        dialog3.run_search()
    assert dialog3.check is not None and not dialog3.check.genuine and dialog3.check.case_id is None
    assert dialog3.verification.isVisible()
    dialog3.close()
    assert revoked_case
