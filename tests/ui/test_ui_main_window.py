"""The main window: tabs by role, the status bar, the barcode reader and global search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.units import UNIT_IDS
from app.ui.barcode import BarcodeListener
from app.ui.cartable import digits
from app.ui.case_view import CaseView
from app.ui.main_window import MainWindow


@pytest.mark.parametrize(
    ("username", "units"),
    [
        ("intake", ["formation"]),
        ("inspector1", ["inspection"]),
        ("archive", ["archive"]),
        ("admin", ["admin"]),
        ("officehead", [u for u in UNIT_IDS if u != "admin"]),
        ("all", list(UNIT_IDS)),
    ],
)
def test_window_shows_only_the_tabs_of_the_users_units(qtbot, ctx, kb, login, username, units) -> None:
    login(username)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.unit_ids() == units
    kb.wait_idle()
    # Every tab title carries its cartable's count in Persian digits: «بازدید (۱۲)».
    for i in range(window.tabs.count()):
        text = window.tabs.tabText(i)
        assert text.endswith(")") and "(" in text
        count = text[text.rindex("(") + 1 : -1]
        assert count and all("۰" <= ch <= "۹" for ch in count), text


def test_status_bar_says_user_workstation_date_and_local_only(qtbot, ctx, login) -> None:
    login("intake")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "زهرا کریمی" in window.user_label.text()
    assert "۱" in window.workstation_label.text()
    assert window.sync_label.text() == "فقط محلی"
    assert any(
        month in window.date_label.text()
        for month in (
            "فروردین",
            "آذر",
            "دی",
            "مهر",
            "آبان",
            "بهمن",
            "اسفند",
            "اردیبهشت",
            "خرداد",
            "تیر",
            "مرداد",
            "شهریور",
        )
    )


def _a_case(ctx, unit: str = "inspection"):  # type: ignore[no-untyped-def]
    actor = ctx.services.auth.actor_by_username("all")
    rows = ctx.services.cartable.list_cartable(actor, unit)
    assert rows, f"the demo has cases in the {unit} cartable"
    return rows[0]


def test_barcode_reader_burst_opens_the_case_wherever_the_focus_is(qtbot, ctx, kb, login) -> None:
    login("all")
    window = MainWindow(ctx)
    kb.show(window)
    kb.wait_idle()
    row = _a_case(ctx)
    # The focus is in a text field of another tab: the inspection cartable's filter box.
    window.tabs.setCurrentWidget(window.unit_tabs["inspection"])
    filter_box = window.unit_tabs["inspection"].cartable.filter_edit
    filter_box.setFocus()
    qtbot.waitUntil(filter_box.hasFocus)
    QTest.keyClicks(filter_box, row.tracking_number)  # the reader types 16 digits with no pause ...
    QTest.keyClick(filter_box, Qt.Key.Key_Return)  # ... and Enter
    qtbot.waitUntil(lambda: window.case_view is not None and window.case_view.detail is not None, timeout=10000)
    view = window.case_view
    assert view is not None and view.detail is not None
    assert view.detail.tracking_number == row.tracking_number
    assert filter_box.text() == "", "the scanned digits do not stay in the field that had the focus"
    view.close()


def test_barcode_listener_leaves_human_typing_alone(qtbot, ctx, kb) -> None:
    """Digits typed at human speed, or a wrong number, are not a scan: nothing opens, the Enter is not eaten."""
    from PySide6.QtWidgets import QLineEdit

    now = [0.0]
    listener = BarcodeListener(max_gap_ms=30, clock=lambda: now[0])
    listener.install()
    scanned: list[str] = []
    listener.scanned.connect(scanned.append)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    entered: list[bool] = []
    edit.returnPressed.connect(lambda: entered.append(True))
    try:
        tracking = _a_case(ctx).tracking_number
        for digit in tracking:  # a person: 150 ms between keys
            now[0] += 0.15
            QTest.keyClick(edit, digit)
        now[0] += 0.15
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert scanned == [] and entered == [True] and edit.text() == tracking
        edit.clear()
        for digit in "1234567890123456":  # fast, but not a tracking number (check digit)
            now[0] += 0.005
            QTest.keyClick(edit, digit)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert scanned == [] and entered == [True, True]
        edit.clear()
        for digit in tracking.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")):  # Persian keyboard layout
            now[0] += 0.005
            kb.type(edit, digit)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert scanned == [tracking]
        assert entered == [True, True], "the Enter that ended a scan is not passed to the field"
    finally:
        listener.uninstall()


def test_global_search_by_national_id_opens_the_case(qtbot, ctx, kb, login) -> None:
    login("all")
    window = MainWindow(ctx)
    kb.show(window)
    kb.wait_idle()
    row = _a_case(ctx)
    detail = ctx.services.cases.get_case(ctx.actor, row.case_id)
    national_id = detail.applicant.national_id or detail.applicant.legal_id
    QTest.keyClick(window.tabs, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "search_dialog", None) is not None and window.search_dialog.isVisible())
    dialog = window.search_dialog
    persian = national_id.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    kb.type(dialog.query, persian)  # Persian digits find it too
    with qtbot.waitSignal(dialog.searched, timeout=10000):
        dialog.run_search()
    assert row.case_id in {h.case_id for h in dialog.hits}
    # Choose the hit of our case with the keyboard.
    for i in range(dialog.results.topLevelItemCount()):
        if dialog.results.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) == row.case_id:
            dialog.results.setCurrentItem(dialog.results.topLevelItem(i))
    dialog.results.setFocus()
    QTest.keyClick(dialog.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_view is not None and window.case_view.detail is not None, timeout=10000)
    assert isinstance(window.case_view, CaseView)
    assert window.case_view.detail.case_id == row.case_id
    window.case_view.close()


# -- lazy tabs -------------------------------------------------------------------------------------------------------


def test_tabs_are_built_when_first_shown_and_their_titles_carry_counts_before(qtbot, ctx, kb, login) -> None:
    from app.ui.main_window import TabPlaceholder

    login("all")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    kb.wait_idle()
    assert list(window.unit_tabs.built()) == ["formation"], "only the first tab is built at start"
    inspection_index = window.unit_ids().index("inspection")
    assert isinstance(window.tabs.widget(inspection_index), TabPlaceholder)
    counts = ctx.services.cartable.counts(ctx.actor)
    assert window.tabs.tabText(inspection_index).endswith(f"({digits(counts['inspection'][0])})")
    window.tabs.setCurrentIndex(inspection_index)  # showing it builds it, in the same place
    kb.wait_idle()
    tab = window.tabs.widget(inspection_index)
    assert tab is window.unit_tabs.built()["inspection"] and tab.unit_id == "inspection"
    assert window.tabs.currentIndex() == inspection_index
    assert len(tab.cartable_rows()) == counts["inspection"][0]
    assert window.unit_ids() == list(UNIT_IDS), "the order of the tab bar does not change"
    assert window.unit_tabs["archive"].unit_id == "archive"  # asking for a tab builds it too
    assert window.tabs.currentIndex() == inspection_index


def test_every_registry_line_agrees_with_its_tab_class(qtbot, ctx, login) -> None:
    from app.ui.units import TAB_ENTRIES

    login("all")
    assert [e.unit_id for e in sorted(TAB_ENTRIES, key=lambda e: e.sort_order)] == list(UNIT_IDS)
    for entry in TAB_ENTRIES:
        cls = entry.load()
        assert (cls.unit_id, cls.sort_order, cls.__name__) == (entry.unit_id, entry.sort_order, entry.class_name)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for entry in TAB_ENTRIES:
        assert window.unit_tabs[entry.unit_id].title() == entry.title(), entry


# -- signing out -----------------------------------------------------------------------------------------------------


def test_sign_out_returns_to_the_login_and_the_next_user_gets_their_own_tabs(qtbot, ctx, kb) -> None:
    from app.services.demo import DEMO_PASSWORD
    from app.ui.main_window import SIGN_OUT_SHORTCUT
    from app.ui.shell import Shell

    shell = Shell(ctx)
    login = shell.start()  # the shell owns its windows (deleted on the next sign-in): not handed to qtbot
    kb.type(login.username, "intake")
    kb.type(login.password, DEMO_PASSWORD)
    with qtbot.waitSignal(shell.signed_in, timeout=10000):
        login.try_login()
    window = shell.window
    assert window is not None and window.unit_ids() == ["formation"]
    window.activateWindow()
    qtbot.waitExposed(window)
    assert window.sign_out_action.shortcut().toString() == SIGN_OUT_SHORTCUT
    with qtbot.waitSignal(shell.signed_out, timeout=5000):
        QTest.keySequence(window, window.sign_out_action.shortcut())
    assert ctx.actor is None and not window.isVisible()
    assert shell.login is not None and shell.login.isVisible()
    second = shell.login
    kb.type(second.username, "archive")
    kb.type(second.password, DEMO_PASSWORD)
    with qtbot.waitSignal(shell.signed_in, timeout=10000):
        second.try_login()
    assert shell.window is not None and shell.window is not window
    assert shell.window.unit_ids() == ["archive"]
    kb.wait_idle()
    admin = ctx.services.auth.actor_by_username("admin")
    assert ctx.services.audit.list_entries(admin, action_prefix="auth.logout", limit=5)
    shell.close_all()


def test_sign_out_with_unsaved_work_asks_first(qtbot, ctx, kb, login, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    login("admin")
    window = MainWindow(ctx)
    kb.show(window)
    kb.wait_idle()
    admin = window.unit_tabs["admin"]
    kb.wait_idle()
    admin.tariffs.model.set_value("sticker_annual_fee", "", "1000")
    assert window.unsaved_work() == [admin.title()]
    answers = iter(["stay", "leave"])

    def answer(box: QMessageBox) -> int:
        wanted = next(answers)
        for button in box.buttons():
            role = box.buttonRole(button)
            if (wanted == "leave") == (role == QMessageBox.ButtonRole.DestructiveRole):
                box.clickedButton = lambda b=button: b  # type: ignore[method-assign]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    signed_out: list[bool] = []
    window.sign_out_requested.connect(lambda: signed_out.append(True))
    assert window.sign_out() is False and window.isVisible() and not signed_out
    assert window.sign_out() is True and signed_out == [True] and not window.isVisible()
