"""Issue 7, item 7, on real widgets: the counter's service chooser lists every service of the formation unit and of
units 2–7, grouped by unit; a permit draft and a violation review are opened there with the keyboard and each is
found in its own unit's cartable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.catalog import CATALOG
from app.domain.units import get_unit
from app.models import Person, Property
from app.services.intake import counter_services
from app.ui.main_window import MainWindow

KEY = Qt.Key


def _combo_codes(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(combo.itemData(i)) for i in range(combo.count()) if combo.itemData(i)]


def _demo_applicant(ctx) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with ctx.services.uow(writer=False) as uow:
        nid = uow.session.scalar(select(Person.national_id).where(Person.national_id.is_not(None)).limit(1))
        code = uow.session.scalar(select(Property.renovation_key).limit(1))
    assert nid and code
    return str(nid), str(code)


def _open_at_counter(kb, intake, national_id: str, renovation_code: str, code: str):  # type: ignore[no-untyped-def]
    """The counter with the keyboard only: national ID, Enter; renovation code, Enter; Down to the service; Tab to
    the documents, each required one ticked with Space + Down; Ctrl+Enter."""
    intake.applicant.id_edit.setFocus()
    kb.type_focused(national_id)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.applicant.person is not None, intake.applicant.error_label.text()
    assert kb.focused() is intake.property.code_edit
    kb.type_focused(renovation_code)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.property.property is not None, intake.property.error_label.text()
    assert kb.focused() is intake.service_combo
    for _ in range(intake.service_combo.count()):
        service = intake.service()
        if service is not None and service.code == code:
            break
        kb.press(KEY.Key_Down)
    service = intake.service()
    assert service is not None and service.code == code
    kb.press(KEY.Key_Tab)
    assert kb.focused() is intake.documents.list
    for _ in service.required_documents:
        kb.press(KEY.Key_Space)
        kb.press(KEY.Key_Down)
    assert intake.documents.missing_titles() == []
    kb.press(KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    kb.wait_idle()
    result = intake.result
    assert result is not None, intake.error_label.text()
    assert result.unit == service.unit
    intake.new_case()
    return result


def test_the_counter_opens_a_permit_draft_and_a_violation_review(qtbot, ctx, kb, login) -> None:
    login("intake")
    window = MainWindow(ctx)
    kb.show(window)
    kb.wait_idle()
    intake = window.unit_tabs["formation"].intake  # type: ignore[attr-defined]
    combo = intake.service_combo

    # -- the chooser: every counter service once, grouped by unit, the building case first -------------------------
    codes = _combo_codes(combo)
    assert codes == [s.code for s in counter_services()]
    assert codes[0] == "F01_OPEN_CASE" and intake.service().code == "F01_OPEN_CASE"
    units_2_7 = {"inspection", "violation", "plan_approval", "certificates", "permits", "renovation"}
    assert {s.code for s in CATALOG.services if s.unit in units_2_7} <= set(codes)
    permit_text = combo.itemText(combo.findData("PD01_PERMIT_DRAFT"))
    assert permit_text.startswith(get_unit("permits").title_fa + ":")
    assert CATALOG.get("PD01_PERMIT_DRAFT").title_fa in permit_text

    national_id, renovation_code = _demo_applicant(ctx)
    permit = _open_at_counter(kb, intake, national_id, renovation_code, "PD01_PERMIT_DRAFT")
    violation = _open_at_counter(kb, intake, national_id, renovation_code, "V03_ARTICLE100_OBJECTION")
    assert intake.stack.currentIndex() == 0 and intake.service().code == "F01_OPEN_CASE"
    window.close()

    # -- each case waits in its own unit's cartable -----------------------------------------------------------------
    for username, unit, result in (("permits", "permits", permit), ("violation", "violation", violation)):
        login(username)
        unit_window = MainWindow(ctx)
        qtbot.addWidget(unit_window)
        kb.wait_idle()
        rows = unit_window.unit_tabs[unit].cartable_rows()
        assert result.case_id in {r.case_id for r in rows}, unit
        unit_window.close()
    QApplication.processEvents()
