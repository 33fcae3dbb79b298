"""The intake counter, end to end, with the keyboard only: sign in, register applicant and property, tick the
documents, book the visit, open the case (Ctrl+Enter), see the tracking number, find the case in the inspection
cartable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.text import digits_to_ascii
from app.domain.tracking import is_valid_tracking_number
from app.services.demo import DEMO_PASSWORD
from app.ui.login_dialog import LoginDialog
from app.ui.main_window import MainWindow

KEY = Qt.Key
NEW_NATIONAL_ID = "0084575948"  # a published valid national ID, not among the demo's random ones
NEW_RENOVATION_CODE = "22-9-977-41-0-0-0"


def test_intake_clerk_opens_a_case_with_the_keyboard_only(qtbot, ctx, kb) -> None:
    services = ctx.services
    assert services.intake.find_property(NEW_RENOVATION_CODE) is None

    # -- sign in: user name, Enter, password, Enter -----------------------------------------------------------------
    dialog = LoginDialog(ctx)
    kb.show(dialog)
    assert kb.focused() is dialog.username
    kb.type_focused("intake")
    kb.press(KEY.Key_Return)
    assert kb.focused() is dialog.password
    kb.type_focused(DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        kb.press(KEY.Key_Return)
    assert ctx.actor is not None and ctx.actor.username == "intake"

    # -- the window shows the clerk's unit only ---------------------------------------------------------------------
    window = MainWindow(ctx)
    kb.show(window)
    assert window.unit_ids() == ["formation"]
    kb.wait_idle()
    intake = window.unit_tabs["formation"].intake  # type: ignore[attr-defined]
    intake.applicant.id_edit.setFocus()  # where the tab puts the cursor when it is opened

    # -- applicant: national ID, Enter → not registered → names, Enter registers ------------------------------------
    kb.type_focused(NEW_NATIONAL_ID)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.applicant.new_box.isVisible(), "an unknown national ID opens the registration fields"
    assert kb.focused() is intake.applicant.first_name
    kb.type_focused("مریم")
    kb.press(KEY.Key_Tab)
    assert kb.focused() is intake.applicant.last_name
    kb.type_focused("احمدی")
    kb.press(KEY.Key_Tab)
    kb.type_focused("علی")  # father's name
    kb.press(KEY.Key_Tab)
    kb.type_focused("09121234567")
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.applicant.person is not None, intake.applicant.error_label.text()
    assert intake.applicant.person.national_id == NEW_NATIONAL_ID
    assert intake.applicant.person.display_name == "مریم احمدی"

    # -- property: renovation code, Enter → not registered → plate, address, area, Enter registers -----------------
    assert kb.focused() is intake.property.code_edit
    kb.type_focused(NEW_RENOVATION_CODE)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.property.new_box.isVisible()
    assert kb.focused() is intake.property.section
    kb.type_focused("11")
    kb.press(KEY.Key_Tab)
    kb.type_focused("72")
    kb.press(KEY.Key_Tab)
    kb.type_focused("1617")
    kb.press(KEY.Key_Tab)
    kb.type_focused("خیابان ولیعصر، کوچه بهار، پلاک ۱۲")
    kb.press(KEY.Key_Tab)
    kb.type_focused("1966713145")
    kb.press(KEY.Key_Tab)
    kb.type_focused("۱۸۲٫۵")
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.property.property is not None, intake.property.error_label.text()
    assert intake.property.property.renovation_code == NEW_RENOVATION_CODE
    assert intake.property.property.deed_area_m2 == 182.5

    # -- service (keep the first), documents: Tab to the list, tick each required one with Space + Down ------------
    assert kb.focused() is intake.service_combo
    service = intake.service()
    assert service is not None and service.needs_inspection
    kb.press(KEY.Key_Tab)
    assert kb.focused() is intake.documents.list
    for _ in service.required_documents:
        kb.press(KEY.Key_Space)
        kb.press(KEY.Key_Down)
    assert intake.documents.missing_titles() == []
    assert intake.documents.received() == frozenset(service.required_documents)

    # -- the visit day: the calendar has picked the first day with free capacity; Ctrl+Enter opens the case ---------
    kb.press(KEY.Key_Tab)  # "All received"
    kb.press(KEY.Key_Tab)
    assert kb.focused() is intake.visit.calendar or intake.visit.calendar.isAncestorOf(kb.focused())
    day = intake.visit.selected_day()
    assert intake.visit.free_on(day) > 0
    kb.press(KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    kb.wait_idle()

    result = intake.result
    assert result is not None, intake.error_label.text() or intake.visit.message_label.text()
    assert intake.stack.currentWidget() is intake.result_page
    shown = intake.result_page.tracking_label.text()
    assert any("۰" <= ch <= "۹" for ch in shown), "the tracking number is shown with Persian digits"
    assert digits_to_ascii(shown).replace("-", "").strip("\u2068\u2069") == result.tracking_number
    assert is_valid_tracking_number(result.tracking_number)
    assert result.state == "inspection_scheduled"
    assert result.appointment_day == day
    font_size = intake.result_page.tracking_label.font().pointSizeF()
    assert font_size >= 20, "the tracking number is shown large"

    # -- the case is in the inspection cartable (as the inspection unit sees it) ------------------------------------
    window.close()
    ctx.actor = services.auth.login("inspectionhead", DEMO_PASSWORD)
    inspection_window = MainWindow(ctx)
    qtbot.addWidget(inspection_window)
    assert "inspection" in inspection_window.unit_ids()
    kb.wait_idle()
    rows = inspection_window.unit_tabs["inspection"].cartable_rows()
    assert result.tracking_number in {r.tracking_number for r in rows}
    row = next(r for r in rows if r.tracking_number == result.tracking_number)
    assert row.applicant_name == "مریم احمدی"

    # -- F2 starts the next case with the cursor in the national ID field -------------------------------------------
    intake.new_case()
    assert intake.stack.currentIndex() == 0
    assert intake.applicant.person is None
    inspection_window.close()
    QApplication.processEvents()


def test_invalid_fields_never_reach_the_services(qtbot, ctx, kb, login) -> None:
    login("intake")
    window = MainWindow(ctx)
    kb.show(window)
    kb.wait_idle()
    intake = window.unit_tabs["formation"].intake  # type: ignore[attr-defined]
    calls: list[str] = []
    original = ctx.services.intake.find_person_by_national_id
    ctx.services.intake.find_person_by_national_id = lambda *a, **k: calls.append("lookup") or original(*a, **k)
    intake.applicant.id_edit.setFocus()
    kb.type_focused("0084575949")  # wrong check digit: 10 digits may still become an 11-digit legal ID, so Enter tells
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.applicant.id_edit.message() == "کد ملی نامعتبر است (رقم کنترل نادرست). آن را با کارت مقایسه کنید."
    assert calls == []
    # Opening with nothing filled names what is missing, next to the steps, and sends nothing.
    opened: list[object] = []
    ctx.services.intake.open_case = lambda *a, **k: opened.append(a)
    intake.open_case()
    kb.wait_idle()
    assert opened == []
    assert intake.applicant.error_label.text() == "ابتدا متقاضی را پیدا یا ثبت کنید."
    assert intake.property.error_label.text() == "ابتدا ملک را پیدا یا ثبت کنید."
    window.close()
