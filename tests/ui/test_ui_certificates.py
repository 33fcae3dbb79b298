"""The certificates unit end to end, as its expert (who is also the unit's head in the demo office): a refused
submission, the draft saved from the keyboard, a return by the head, approval, printing with the verifiable QR
(pdftotext finds the Persian facts, zbarimg decodes the QR, ``ecity-counter verify`` says genuine), issue, revocation,
and the verifier then reporting it revoked; the cartable, the route history and the audit log checked."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.printing import cli
from app.ui.units.certificates import CertificatesTab

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdftoppm", "zbarimg")), reason="poppler-utils and zbar needed"
)


def _text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(unicodedata.normalize("NFKC", raw).split())


def _qr(path: Path, tmp: Path) -> str:
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(path), str(tmp / "page")], check=True)
    out = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", *map(str, tmp.glob("page*.png"))],
                         capture_output=True, text=True, check=False).stdout  # fmt: skip
    return out.strip()


def _click(qtbot, panel, step: str, *, fails: bool = False) -> None:  # type: ignore[no-untyped-def]
    button = panel.buttons[step]
    assert button.isVisible(), f"{step} is offered"
    signal = panel.step_failed if fails else panel.step_done
    with qtbot.waitSignal(signal, timeout=15000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.overview is not None and not panel._busy, timeout=10000)
    panel.ctx.tasks.wait_for_workers(10000)
    qtbot.wait(50)  # the overview read after the step has been delivered


def _wait_state(qtbot, panel, state: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.overview is not None and panel.overview.state == state, timeout=15000)


def test_certificate_route_as_the_certificates_user(qtbot, ctx, kb, login, demo_template, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    login("certificates")
    shutil.copytree(demo_template / "keys", ctx.paths.office_keys, dirs_exist_ok=True)
    services = ctx.services
    tab = CertificatesTab(ctx)
    kb.show(tab)
    panel = tab.drafts
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() > 0, timeout=15000)
    # The cartable has the unit's open work: drafts, waiting documents, waiting for the head.
    qtbot.waitUntil(lambda: tab.open_count is not None, timeout=15000)
    states = {r.state for r in tab.cartable_rows()}
    assert {"draft", "awaiting_documents", "head_review"} <= states

    # The demo's no-violation draft with its fees still unpaid.
    rows = services.certificates.list_certificates(ctx.actor)

    def unpaid(case_id: str) -> bool:
        missing = {c.code for c in services.certificates.overview(ctx.actor, case_id).checklist if not c.done}
        return missing == {"fees_paid"}

    row = next(r for r in rows if r.kind == "no_violation" and r.state == "draft" and unpaid(r.case_id))
    case_id = row.case_id
    panel.select_case(case_id)
    qtbot.waitUntil(lambda: panel.overview is not None and panel.overview.case_id == case_id, timeout=10000)
    assert panel.missing_label.text() and "پرداخت" in panel.missing_label.text()

    # Refusal: the fees are not paid. A message is shown, nothing changes.
    version = panel.overview.version
    _click(qtbot, panel, "submit", fails=True)
    assert "پرداخت" in panel.error_label.text()  # «… کسری: پرداخت هزینه‌ها»
    assert services.cases.get_version(case_id) == version and panel.overview.state == "draft"

    # The renovation unit confirms the payment (its own service sets the fact); the expert types the floors, Ctrl+S.
    services.cases.set_fact(services.auth.actor_by_username("officehead"), case_id, "fees_paid", True)
    panel.fields["floors"].clear()
    panel.fields["floors"].setFocus()
    QTest.keyClicks(panel.fields["floors"], "5")
    with qtbot.waitSignal(panel.step_done, timeout=10000):
        kb.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, panel.fields["floors"])
    assert services.certificates.overview(ctx.actor, case_id).draft["floors"] == 5
    qtbot.waitUntil(lambda: panel.overview.draft.get("floors") == 5 and "submit" in panel.overview.steps, timeout=10000)
    _click(qtbot, panel, "submit")
    _wait_state(qtbot, panel, "head_review")

    # The head returns it once with a reason, then it comes back and is approved.
    panel.ask_reason = lambda _title: "کاربری ملک را دقیق بنویسید"
    _click(qtbot, panel, "return_to_expert")
    _wait_state(qtbot, panel, "draft")
    _click(qtbot, panel, "submit")
    _wait_state(qtbot, panel, "head_review")
    _click(qtbot, panel, "approve")
    qtbot.waitUntil(lambda: "print" in panel.overview.steps, timeout=10000)
    assert "issue" not in panel.overview.steps  # printed first
    cert = panel.overview.certificate
    assert cert is not None and cert.status == "approved"

    # Print: the preview, saved as PDF (no printer here), recorded.
    QTest.mouseClick(panel.buttons["print"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(panel, "print_controller", None) is not None
                    and panel.print_controller.dialog is not None, timeout=15000)  # fmt: skip
    dialog = panel.print_controller.dialog
    pdf = tmp_path / "certificate.pdf"
    with qtbot.waitSignal(panel.print_controller.recorded, timeout=15000):
        dialog.save_to(pdf)
    dialog.close()
    text = _text(pdf)
    detail = services.cases.get_case(ctx.actor, case_id)
    for fact in ("گواهیعدمخلاف", "".join(detail.applicant.display_name.split()), "مسکونی", "امیدجعفری"):
        assert fact in text, fact
    payload = _qr(pdf, tmp_path)
    assert payload == cert.payload
    assert cli.main(["--data-dir", str(ctx.paths.root), "verify", payload]) == 0
    qtbot.waitUntil(lambda: "issue" in panel.overview.steps, timeout=10000)

    _click(qtbot, panel, "issue")
    _wait_state(qtbot, panel, "issued")
    assert case_id not in {r.case_id for r in services.cartable.list_cartable(ctx.actor, "certificates")}

    # Revocation with a reason; the verifier now reports it revoked, with the reason.
    panel.ask_reason = lambda _title: "مالکیت در دادگاه مورد اختلاف است"
    _click(qtbot, panel, "revoke")
    _wait_state(qtbot, panel, "revoked")
    check = services.certificates.verify(payload)
    assert check.status == "revoked" and "دادگاه" in check.revoke_reason
    assert cli.main(["--data-dir", str(ctx.paths.root), "verify", str(pdf)]) == 1
    assert "ابطال" in panel.cert_label.text() or "revoked" in panel.cert_label.text()

    # Route history and audit log.
    history = [h.action for h in services.cases.get_case(ctx.actor, case_id).history]
    assert history[-6:] == ["submit_for_approval", "return_to_expert", "submit_for_approval", "issue", "revoke"][
        -6:
    ] or history[-5:] == ["submit_for_approval", "return_to_expert", "submit_for_approval", "issue", "revoke"]
    head = services.auth.actor_by_username("officehead")
    actions = {e.action for e in services.audit.list_entries(head, entity_id=case_id)}
    assert {"certificate.draft_saved", "certificate.approved", "print.printed", "certificate.revoked"} <= actions
    tab.close()


def test_an_open_violation_blocks_the_no_violation_certificate(qtbot, ctx, kb, login) -> None:  # type: ignore[no-untyped-def]
    login("certificates")
    tab = CertificatesTab(ctx)
    kb.show(tab)
    panel = tab.drafts
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() > 0, timeout=15000)
    certs = ctx.services.certificates
    row = next(r for r in certs.list_certificates(ctx.actor) if r.kind == "no_violation" and r.state == "draft"
               and any(not line.done and line.code == "open_violations"
                       for line in certs.overview(ctx.actor, r.case_id).checklist))  # fmt: skip
    panel.select_case(row.case_id)
    qtbot.waitUntil(lambda: panel.overview is not None and panel.overview.case_id == row.case_id, timeout=10000)
    _click(qtbot, panel, "submit", fails=True)
    assert "خلاف" in panel.error_label.text()  # «… کسری: رفع خلاف‌های باز»
    assert certs.overview(ctx.actor, row.case_id).state == "draft"
    # A bad figure is named next to the form, and not stored.
    panel.fields["building_area_m2"].setText("abc")
    _click(qtbot, panel, "save_draft", fails=True)
    assert "مساحت" in panel.field_error.text() and panel.fields["building_area_m2"].text() == "abc"
    assert certs.overview(ctx.actor, row.case_id).draft.get("building_area_m2") == 412.5
    tab.close()
