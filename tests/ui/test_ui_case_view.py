"""The case view: what it shows, buttons exactly from the available actions, and applying one moves the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.ui.case_view import CaseView


def _case_in_state(ctx, unit: str, state: str):  # type: ignore[no-untyped-def]
    rows = ctx.services.cartable.list_cartable(ctx.actor, unit)
    return next(r for r in rows if r.state == state)


def test_buttons_follow_the_available_actions_and_applying_one_moves_the_case(qtbot, ctx, kb, login) -> None:
    login("inspector1")
    row = _case_in_state(ctx, "inspection", "inspection_scheduled")
    view = CaseView(ctx, row.case_id)
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    detail = view.detail
    assert detail is not None
    assert set(view.action_buttons) == {a.action for a in detail.actions}
    assert "record_visit" in view.action_buttons
    # What the clerk reads: the tracking number in Persian digits, the route history with Jalali times and names.
    assert any("۰" <= ch <= "۹" for ch in view.tracking_label.text())
    assert view.history.topLevelItemCount() == len(detail.history) >= 2
    first = view.history.topLevelItem(0)
    assert first.text(0)[:2] == "۱۴", "Jalali year first, Persian digits"
    assert first.text(4), "the name of who acted"
    assert view.applicant_form.rowCount() >= 3
    assert view.documents.count() == len(detail.documents)

    button = view.action_buttons["record_visit"]
    with qtbot.waitSignal(view.action_applied, timeout=10000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.state == "inspected", timeout=10000)
    assert ctx.services.cases.get_case(ctx.actor, row.case_id).state == "inspected"
    assert view.history.topLevelItemCount() == len(detail.history) + 1
    assert set(view.action_buttons) == {a.action for a in view.detail.actions}
    assert "record_visit" not in view.action_buttons
    view.close()


def test_a_user_without_a_role_in_the_stage_gets_no_buttons(qtbot, ctx, kb, login) -> None:
    login("inspector1")
    row = _case_in_state(ctx, "inspection", "inspection_scheduled")
    login("followup")  # follows every file, acts on none of the inspection's
    view = CaseView(ctx, row.case_id)
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    assert view.action_buttons == {}
    assert view.no_actions_label.isVisible()
    view.close()


def test_a_stale_version_is_refused_and_reloaded(qtbot, ctx, kb, login) -> None:
    login("inspector1")
    row = _case_in_state(ctx, "inspection", "inspection_scheduled")
    view = CaseView(ctx, row.case_id)
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    # Someone else records the visit meanwhile.
    ctx.services.cases.apply_action(ctx.actor, row.case_id, "record_visit", expected_version=view.detail.version)
    with qtbot.waitSignal(view.action_failed, timeout=10000) as failed:
        view.action_buttons["record_visit"].click()
    assert failed.args[0] in ("workflow.stale_version", "workflow.wrong_state")
    assert view.error_label.text()
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.state == "inspected", timeout=10000)
    view.close()


def test_unit_form_actions_are_taken_only_in_their_tab() -> None:
    """The violation objection (deadline) and the plan approval (checklist, referrals) carry their tab's checks: the
    case view never offers them as plain buttons."""
    from app.ui.case_view import UNIT_FORM_ACTIONS

    assert {"record_ruling", "file_objection", "approve_plans", "record_referral_answer"} <= UNIT_FORM_ACTIONS.keys()
    assert UNIT_FORM_ACTIONS["file_objection"] == "violation"
