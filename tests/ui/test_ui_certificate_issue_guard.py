"""The case view's generic Issue button cannot skip the head's approval and the print: before the certificate is
printed the button is not offered, and a stale one is refused with a message naming the print, changing nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.dto import ActionOption
from app.ui.case_view import CaseView


def test_generic_issue_refused_before_printing(qtbot, ctx, kb, login) -> None:  # type: ignore[no-untyped-def]
    login("certificates")
    services = ctx.services
    certs = services.certificates
    row = next(
        r for r in certs.list_certificates(ctx.actor)
        if r.state == "head_review" and certs.overview(ctx.actor, r.case_id).certificate is None
        and "approve" in certs.overview(ctx.actor, r.case_id).steps
    )  # fmt: skip
    view = CaseView(ctx, row.case_id)
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    assert "issue" not in view.action_buttons, "not printed: the generic Issue is not offered"
    assert "return_to_expert" in view.action_buttons

    # A button left from an older view (or another path) asks anyway: refused, with the print named, nothing changed.
    version = services.cases.get_version(row.case_id)
    with qtbot.waitSignal(view.action_failed, timeout=10000) as failed:
        view.apply(ActionOption("issue", "صدور", False, False))
    assert failed.args == ["workflow.guard_failed"]
    text = view.error_label.text()
    assert "QR" in text and ("چاپ گواهی" in text or "printed" in text), text
    assert services.cases.get_version(row.case_id) == version
    assert services.cases.get_case(ctx.actor, row.case_id).state == "head_review"

    # Approved but still unprinted: still refused.
    certs.approve(ctx.actor, row.case_id)
    view.reload()
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.version > version, timeout=10000)
    assert "issue" not in view.action_buttons

    # Printed: now the button is there and issues the case, whose certificate can then be revoked.
    services.printing.record(ctx.actor, services.printing.prepare(ctx.actor, row.case_id, "certificate"), target="pdf")
    view.reload()
    qtbot.waitUntil(lambda: "issue" in view.action_buttons, timeout=10000)
    with qtbot.waitSignal(view.action_applied, timeout=10000):
        QTest.mouseClick(view.action_buttons["issue"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.state == "issued", timeout=10000)
    assert "revoke" in certs.overview(ctx.actor, row.case_id).steps
    view.close()
