"""The Administration tab, as the demo administrator: users and roles, holidays, tariffs, the catalog's deadlines,
devices and map source. Each change is audited; refusals show a Persian message beside the field and change nothing."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.dates import JalaliDate, from_jalali
from app.domain.errors import DomainError
from app.models import AuditEntry
from app.services.demo import DEMO_PASSWORD
from app.settings import load_settings
from app.ui.main_window import MainWindow


def persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def audit_actions(services) -> list[str]:  # type: ignore[no-untyped-def]
    with services.uow(writer=False) as uow:
        return list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


@pytest.fixture
def admin_tab(qtbot, ctx, kb, login):  # type: ignore[no-untyped-def]
    login("admin")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    tab = window.unit_tabs["admin"]
    kb.wait_idle()
    yield tab
    kb.wait_idle()
    window.close_without_asking()


def closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def visible_message(label) -> str:  # type: ignore[no-untyped-def]
    assert not label.isHidden(), "no message shown"
    return str(label.text())


# -- users ---------------------------------------------------------------------------------------------------------


def test_admin_creates_a_user_who_can_then_sign_in(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    users = admin_tab.users
    before = len(users.users())
    dialog = users.new_user()
    kb.type(dialog.username, "clerk2")
    kb.type(dialog.full_name, "مینا رضایی")
    kb.type(dialog.password, "secret-123")
    kb.type(dialog.repeat, "secret-123")
    dialog.set_roles(["formation.clerk"])
    dialog.try_submit()
    kb.wait_idle()
    assert closed(dialog)
    assert len(users.users()) == before + 1
    actor = services.auth.login("clerk2", "secret-123")
    assert actor.roles == frozenset({"formation.clerk"}) and actor.full_name == "مینا رضایی"
    assert "user.created" in audit_actions(services)


def test_a_taken_user_name_is_refused_in_persian_beside_the_field(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    users = admin_tab.users
    before = len(services.admin.list_users())
    dialog = users.new_user()
    kb.type(dialog.username, "intake")
    kb.type(dialog.full_name, "کسی دیگر")
    kb.type(dialog.password, "secret-123")
    kb.type(dialog.repeat, "secret-123")
    dialog.set_roles(["archive.operator"])
    dialog.try_submit()
    kb.wait_idle()
    assert dialog.isVisible()
    text = visible_message(dialog.messages["username"])
    assert persian(text) and "نام کاربری" in text
    assert len(services.admin.list_users()) == before
    dialog.close()


def test_mismatched_passwords_and_no_role_are_refused(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    dialog = admin_tab.users.new_user()
    kb.type(dialog.username, "clerk3")
    kb.type(dialog.full_name, "نام")
    kb.type(dialog.password, "secret-123")
    kb.type(dialog.repeat, "secret-124")
    dialog.set_roles(["archive.operator"])
    dialog.try_submit()
    assert visible_message(dialog.messages["repeat"]) == "دو گذرواژه یکسان نیست."
    dialog.repeat.clear()
    kb.type(dialog.repeat, "secret-123")
    dialog.set_roles([])
    dialog.try_submit()
    assert persian(visible_message(dialog.messages["roles"]))
    kb.wait_idle()
    assert "clerk3" not in {u.username for u in services.admin.list_users()}
    dialog.close()


def test_reset_password_lock_and_unlock(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    users = admin_tab.users
    assert users.select_user("archive")
    dialog = users.reset_password()
    assert dialog is not None
    kb.type(dialog.password, "new-pass-99")
    kb.type(dialog.repeat, "new-pass-99")
    dialog.try_submit()
    kb.wait_idle()
    assert services.auth.login("archive", "new-pass-99").username == "archive"
    with pytest.raises(DomainError):
        services.auth.login("archive", DEMO_PASSWORD)

    assert users.select_user("archive")
    users.lock()
    kb.wait_idle()
    with pytest.raises(DomainError) as refused:
        services.auth.login("archive", "new-pass-99")
    assert refused.value.code == "auth.inactive"
    archive = next(u for u in users.users() if u.username == "archive")
    assert not archive.active
    assert users.select_user("archive")
    users.unlock()
    kb.wait_idle()
    assert services.auth.login("archive", "new-pass-99").username == "archive"
    actions = audit_actions(services)
    assert {"user.password_set", "user.active_set", "user.unlocked"} <= set(actions)


def test_roles_change_and_the_admin_cannot_drop_their_own(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    users = admin_tab.users
    assert users.select_user("archive")
    dialog = users.edit_roles()
    assert dialog is not None and dialog.username.isReadOnly()
    dialog.set_roles(["archive.operator", "formation.clerk"])
    dialog.try_submit()
    kb.wait_idle()
    assert services.auth.actor_by_username("archive").roles == frozenset({"archive.operator", "formation.clerk"})

    assert users.select_user("admin")
    dialog = users.edit_roles()
    assert dialog is not None
    dialog.set_roles(["archive.operator"])
    dialog.try_submit()
    kb.wait_idle()
    assert dialog.isVisible() and persian(visible_message(dialog.general))
    assert "admin" in services.auth.actor_by_username("admin").roles
    dialog.close()


def test_only_the_administrator_may_manage_users(services, login) -> None:  # type: ignore[no-untyped-def]
    clerk = login("intake").actor
    with pytest.raises(DomainError) as refused:
        services.admin.create_user(clerk, "x1", "نام", "secret-123", ["archive.operator"])
    assert refused.value.code == "auth.forbidden"
    with pytest.raises(DomainError):
        services.admin.add_holiday(clerk, "1405/02/10", "x")
    with pytest.raises(DomainError):
        services.admin.set_service_deadline(clerk, "F01_BUILDING_PERMIT_FILE", 3)


# -- holidays ------------------------------------------------------------------------------------------------------


def test_a_holiday_is_added_used_by_the_calendar_and_removed(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    panel = admin_tab.holidays
    panel.select_year(1405)
    kb.wait_idle()
    before = len(panel.holidays())
    day = from_jalali("1405/02/08")  # a Wednesday
    assert services.calendar.is_working_day(day)
    kb.type(panel.day_edit, "۱۴۰۵/۰۲/۰۸")
    kb.type(panel.title_edit, "روز آزمایشی")
    panel.add()
    kb.wait_idle()
    assert len(panel.holidays()) == before + 1
    assert not services.calendar.is_working_day(day)
    assert "holiday.set" in audit_actions(services)
    assert panel.view.select_where(lambda h: h.day == day)
    panel.remove()
    kb.wait_idle()
    assert len(panel.holidays()) == before
    assert services.calendar.is_working_day(day)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1404/12/30", "There is no such day"),  # 1404 is not a leap year
        ("1405/13/01", "There is no such day"),
        ("1405-02", "Write the date"),
        ("1405/01/01", "duplicate"),  # Nowruz is in the table already
    ],
)
def test_a_bad_or_repeated_holiday_date_is_refused_in_persian(admin_tab, kb, services, typed, expected) -> None:  # type: ignore[no-untyped-def]
    panel = admin_tab.holidays
    before = services.admin.list_holidays()
    kb.type(panel.day_edit, typed)
    panel.add()
    kb.wait_idle()
    text = visible_message(panel.day_message)
    assert persian(text), text
    if expected == "duplicate":
        assert "۱۴۰۵/۰۱/۰۱" in text
    assert services.admin.list_holidays() == before


# -- tariffs -------------------------------------------------------------------------------------------------------


def test_a_tariff_is_edited_stored_and_read_by_the_rules(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    panel = admin_tab.tariffs
    panel.select_year(1404)
    assert panel.model.value("sticker_annual_fee") == str(services.admin.tariff_year(1404).sticker_annual_fee)
    panel.model.set_value("sticker_annual_fee", "", "۷۰٬۰۰۰٬۰۰۰")
    assert admin_tab.has_unsaved_work()
    panel.save()
    kb.wait_idle()
    assert services.admin.tariffs_stored()
    book = services.admin.tariff_book()
    assert book.for_year(1404).sticker_annual_fee == 70_000_000
    assert sorted(book.years) == [1403, 1404, 1405]  # the other years were kept
    assert not admin_tab.has_unsaved_work()
    assert "tariff.saved" in audit_actions(services)


def test_a_bad_tariff_amount_is_refused_and_nothing_is_stored(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    panel = admin_tab.tariffs
    panel.select_year(1405)
    panel.model.set_value("building_value_per_m2", "masonry", "دوازده")
    panel.save()
    kb.wait_idle()
    text = visible_message(panel.message)
    assert text == "جدول تعرفه نامعتبر است (مورد: ارزش ساختمان هر متر مربع (ریال) — بنایی)."
    assert not services.admin.tariffs_stored()
    panel.model.set_value("building_value_per_m2", "masonry", "0")  # positive amounts only: the rules refuse it
    panel.save()
    kb.wait_idle()
    assert persian(visible_message(panel.message))
    assert not services.admin.tariffs_stored()


def test_a_new_tariff_year_starts_as_a_copy_and_a_location_price_can_be_added(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    panel = admin_tab.tariffs
    panel.new_year(1406)
    kb.wait_idle()
    assert panel.current_year() == 1406
    assert services.admin.tariff_year(1406).sticker_annual_fee == services.admin.tariff_year(1405).sticker_annual_fee
    panel.add_location_price("7-2")
    panel.model.set_value("regional_price_per_m2", "7-2", "50000000")
    panel.save()
    kb.wait_idle()
    assert services.admin.tariff_year(1406).regional_price_per_m2.price_for("7-2-15") == 50_000_000
    with pytest.raises(DomainError) as refused:
        services.admin.add_tariff_year(services.auth.actor_by_username("admin"), 1406)
    assert refused.value.code == "tariff.year_exists"


# -- the service catalog ---------------------------------------------------------------------------------------------


def test_a_service_deadline_is_changed_and_new_cases_use_it(admin_tab, kb, services) -> None:  # type: ignore[no-untyped-def]
    panel = admin_tab.catalog
    code = panel.services()[0].code
    assert panel.select_service(code)
    panel.days_spin.setValue(21)
    panel.set_deadline()
    kb.wait_idle()
    row = next(s for s in panel.services() if s.code == code)
    assert row.days == 21 and row.changed
    assert services.deadline_days(code, 1) == 21
    assert "service.deadline_set" in audit_actions(services)
    with pytest.raises(DomainError) as refused:
        services.admin.set_service_deadline(services.auth.actor_by_username("admin"), code, 0)
    assert refused.value.code == "deadline.invalid"
    panel.reset_deadline()
    kb.wait_idle()
    assert services.deadline_days(code, -1) == row.catalog_days


# -- devices and map ---------------------------------------------------------------------------------------------------


def test_map_source_and_printers_are_kept_in_the_settings_and_audited(admin_tab, kb, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel = admin_tab.workstation
    panel.map_url.setChecked(True)
    kb.type(panel.map_template, "https://tiles.example.ir/{z}/{x}.png")
    panel.save_map()
    assert "{y}" in visible_message(panel.map_message)
    assert load_settings(ctx.paths.settings_file).map_tiles == ""
    panel.map_file.setChecked(True)
    kb.type(panel.map_path, str(tmp_path / "missing.mbtiles"))
    panel.save_map()
    assert persian(visible_message(panel.map_message))
    panel.map_url.setChecked(True)
    panel.map_template.setText("https://tiles.example.ir/{z}/{x}/{y}.png")
    panel.save_map()
    kb.wait_idle()
    assert load_settings(ctx.paths.settings_file).map_tiles == "https://tiles.example.ir/{z}/{x}/{y}.png"
    assert "tiles.example.ir" in panel.map_in_use.text()
    panel.printer_combos["receipt"].setEditText("Counter-Receipts")
    panel.save_printers()
    kb.wait_idle()
    assert load_settings(ctx.paths.settings_file).printer_for("receipt") == "Counter-Receipts"
    assert audit_actions(ctx.services).count("workstation.setting_set") == 2


def test_every_panel_is_there_and_the_tab_shows_up_only_for_the_administrator(qtbot, ctx, login) -> None:  # type: ignore[no-untyped-def]
    login("intake")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "admin" not in window.unit_ids()
    window.close_without_asking()
    QApplication.processEvents()


def test_holiday_years_cover_this_year_and_the_next(services) -> None:  # type: ignore[no-untyped-def]
    years = services.admin.holiday_years()
    assert {1403, 1404, 1405} <= set(years)
    this_year = JalaliDate.from_gregorian(services.today()).year
    assert {this_year, this_year + 1} <= set(years)
