"""One building-permit file from the counter to "sent to the district", through every unit that touches it.

A fresh small demo workstation; each unit's demo user signs in through the real login dialog (typed) and works in
the real main window, in turn:

1. the counter (intake): applicant, property, the building-case service, documents and the visit day, with the
   keyboard only (Ctrl+Enter opens the case);
2. the inspector: records the visit (case view), draws the parcel on the aerial map and types its taped sides, fills
   the visit form, saves with Ctrl+S, submits to the office head (case view);
3. the office head approves (case view);
4. the map expert attaches the 1:2000 aerial extract, the inspector confirms the location (visit form);
5. the archive operator scans the property's plan sheets from SANE's ``test`` device as A3 into the case and marks
   the documents archived;
6. the head of inspection sends the case to the district with the dispatch letter's number and date.

The building-case workflow (``app.domain.workflows.building_case``) needs no violation review (no violation was
observed at the visit) and no plan approval for this; the payment and the permit draft are cases of their own on the
same applicant and property:

7. the renovation unit opens the renovation-tax clearance, computes the levy, issues the payment slip, prints it,
   reads its bill and payment IDs back from the printed PDF (``pdftoppm`` + ``zbarimg``), records the payment with
   them and issues the clearance;
8. the permits unit works the permit draft (checklist, engineer, figures, fees computed, payment slip printed and
   paid, draft sheet) and its head sends it to the district.

At the end: the route history in the case view (Jalali times, names, every step in order), the audit entries of each
step, the sketch GeoJSON on the case, the scanned PDF in the file store with A3 pages, the final states, and the
cases in no open cartable.

The permit's fees are computed, their slip printed (bill and payment IDs read back from the PDF) and the payment
recorded in the permits tab, before "payments checked" is ticked.

The permit-draft case is opened at the counter too, with the keyboard: the counter's service chooser lists every
service of units 2–7, grouped by unit.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.dates import TEHRAN, format_jalali
from app.domain.text import digits_to_ascii
from app.maps.demo_tiles import TINY, generate
from app.maps.sketch import Sketch
from app.maps.sources import DEMO_TILES_NAME
from app.models import AuditEntry, CaseEvent
from app.paths import DataPaths
from app.scanner.profiles import Profile, save_profile
from app.scanner.sane_driver import PROJECT_SANE_CONFIG, SaneDriver
from app.services.context import Services, cheap_hasher_for_tests
from app.services.demo import DEMO_PASSWORD, DEMO_USERS, create_demo
from app.settings import Settings
from app.ui.case_view import CaseView
from app.ui.context import UiContext
from app.ui.login_dialog import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from app.ui.units.inspection.visit import DispatchDialog
from tests.barcodes import PRINTED_SYMBOLOGIES
from tests.ui.conftest import Keyboard, no_window_left_open, persian_app  # noqa: F401  (fixtures)

KEY = Qt.Key
NATIONAL_ID = "0084575948"  # a published valid national ID, not among the demo's random ones
RENOVATION_CODE = "22-9-977-41-0-0-0"
DEED_AREA = 182.5
LETTER_NO = "۴۵۶۷/ب"
A3_PROFILE = Profile("A3 journey", paper="a3", dpi=75, mode="gray", source="feeder", blank_threshold=0.0)
_MARKS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# -- a fresh small demo workstation ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def journey_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("journey-demo")
    services = Services.open(DataPaths(root), password_hasher=cheap_hasher_for_tests())
    try:
        create_demo(services, n_cases=12)
    finally:
        services.close()
    generate(root / DEMO_TILES_NAME, None, TINY)  # the aerial map the workstation will have
    return root


@pytest.fixture
def ctx(journey_template: Path, data_dir: Path, qapp: QApplication) -> Iterator[UiContext]:
    for name in ("workstation.sqlite", "workstation.sqlite-wal", "workstation.sqlite-shm"):
        if (journey_template / name).exists():
            shutil.copy2(journey_template / name, data_dir / name)
    services = Services.open(DataPaths(data_dir), password_hasher=cheap_hasher_for_tests())
    runner = TaskRunner()
    context = UiContext(services=services, tasks=runner, settings=Settings(), paths=DataPaths(data_dir),
                        workstation_no=services.workstation_no)  # fmt: skip
    shutil.copy(
        journey_template / DEMO_TILES_NAME, context.paths.tiles / DEMO_TILES_NAME
    )  # the workstation's aerial map: the demo set
    save_profile(context.paths.scan_profiles, A3_PROFILE)
    context.extras["scanner_drivers"] = [SaneDriver(config_dir=PROJECT_SANE_CONFIG)]
    yield context
    runner.shutdown()
    qapp.processEvents()
    services.close()


@pytest.fixture
def kb(qtbot: Any, ctx: UiContext) -> Keyboard:
    return Keyboard(qtbot, ctx)


# -- helpers ----------------------------------------------------------------------------------------------------------
class Desk:
    """Signs the unit users in and out through the login dialog and the main window."""

    def __init__(self, qtbot: Any, ctx: UiContext, kb: Keyboard) -> None:
        self.qtbot, self.ctx, self.kb = qtbot, ctx, kb
        self.window: MainWindow | None = None

    def sign_in(self, username: str) -> MainWindow:
        self.sign_out()
        dialog = LoginDialog(self.ctx)
        self.kb.show(dialog)
        self.kb.type_focused(username)
        self.kb.press(KEY.Key_Return)
        self.kb.type_focused(DEMO_PASSWORD)
        with self.qtbot.waitSignal(dialog.accepted, timeout=10_000):
            self.kb.press(KEY.Key_Return)
        assert self.ctx.actor is not None and self.ctx.actor.username == username
        window = MainWindow(self.ctx)
        window.resize(1366, 900)
        window.show()  # not handed to qtbot: signing out deletes it, as the shell does
        self.qtbot.waitExposed(window)
        self.window = window
        self.activate()
        self.kb.wait_idle()
        return window

    def activate(self) -> None:
        window = self.window
        assert window is not None
        window.activateWindow()
        window.raise_()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)

    def tab(self, unit: str) -> Any:
        assert self.window is not None
        tab = self.window.unit_tabs[unit]
        self.window.tabs.setCurrentWidget(tab)
        self.kb.wait_idle()
        return tab

    def sign_out(self) -> None:
        if self.window is None:
            return
        inspection = self.window.unit_tabs.built().get("inspection")
        if inspection is not None:
            inspection.visit.shutdown()  # type: ignore[attr-defined]
        renovation = self.window.unit_tabs.built().get("renovation")
        if renovation is not None:
            renovation.case_panel.shutdown()  # type: ignore[attr-defined]
        self.kb.wait_idle()
        self.window.close()
        self.window.deleteLater()  # as the shell does on sign-out: the next user's window replaces it
        QApplication.processEvents()
        self.window = None

    def case_view(self, case_id: str) -> CaseView:
        view = CaseView.show_case(self.ctx, case_id, self.window)
        self.qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
        return view

    def act(self, case_id: str, action: str) -> None:
        """Open the case view and press the workflow's button for ``action``."""
        view = self.case_view(case_id)
        assert action in view.action_buttons, (action, list(view.action_buttons))
        with self.qtbot.waitSignal(view.action_applied, timeout=10_000):
            QTest.mouseClick(view.action_buttons[action], Qt.MouseButton.LeftButton)
        self.kb.wait_idle()
        view.close()
        self.activate()


def _pdf_text(pdf: bytes, folder: Path, name: str) -> str:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return "".join(ch for ch in unicodedata.normalize("NFKC", out) if ch not in _MARKS)


def _barcodes(pdf: bytes, folder: Path, name: str) -> list[str]:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(path), str(folder / name)], check=True)
    png = sorted(folder.glob(f"{name}*.png"))[0]
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", *PRINTED_SYMBOLOGIES, str(png)],
        capture_output=True,
        text=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def _state(ctx: UiContext, case_id: str) -> str:
    return ctx.services.cases.get_case(ctx.actor, case_id).state


def _wait_state(qtbot: Any, ctx: UiContext, case_id: str, state: str) -> None:
    qtbot.waitUntil(lambda: _state(ctx, case_id) == state, timeout=15_000)


# -- the journey ------------------------------------------------------------------------------------------------------
def test_building_permit_from_the_counter_to_the_district(
    qtbot: Any, ctx: UiContext, kb: Keyboard, sane_available: bool, tmp_path: Path
) -> None:
    s = ctx.services
    desk = Desk(qtbot, ctx, kb)
    assert s.intake.find_property(RENOVATION_CODE) is None
    try:
        case_id = _counter(qtbot, ctx, kb, desk)
        _inspection(qtbot, ctx, kb, desk, case_id)
        scanned_sha = _archive(qtbot, ctx, kb, desk, case_id)
        _dispatch(qtbot, ctx, kb, desk, case_id)
        clearance_id, slip_ids = _renovation(qtbot, ctx, kb, desk, case_id, tmp_path)
        permit_id = _permit(qtbot, ctx, kb, desk, case_id, tmp_path)
        _final_checks(qtbot, ctx, kb, desk, case_id, clearance_id, permit_id, scanned_sha, slip_ids, tmp_path)
    finally:
        desk.sign_out()


def _counter(qtbot: Any, ctx: UiContext, kb: Keyboard, desk: Desk) -> str:
    desk.sign_in("intake")
    intake = desk.tab("formation").intake
    intake.applicant.id_edit.setFocus()
    kb.type_focused(NATIONAL_ID)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert kb.focused() is intake.applicant.first_name
    for text in ("مریم", "احمدی", "علی"):
        kb.type_focused(text)
        kb.press(KEY.Key_Tab)
    kb.type_focused("09121234567")
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.applicant.person is not None, intake.applicant.error_label.text()
    assert kb.focused() is intake.property.code_edit
    kb.type_focused(RENOVATION_CODE)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    for text in ("11", "72", "1617", "خیابان ولیعصر، کوچه بهار، پلاک ۱۲", "1966713145"):
        kb.type_focused(text)
        kb.press(KEY.Key_Tab)
    kb.type_focused("۱۸۲٫۵")
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.property.property is not None, intake.property.error_label.text()
    assert intake.property.property.deed_area_m2 == DEED_AREA
    assert kb.focused() is intake.service_combo
    service = intake.service()
    assert service is not None and service.code == "F01_OPEN_CASE"  # the building-case file (permit request)
    kb.press(KEY.Key_Tab)
    for _ in service.required_documents:
        kb.press(KEY.Key_Space)
        kb.press(KEY.Key_Down)
    assert intake.documents.missing_titles() == []
    kb.press(KEY.Key_Tab)
    kb.press(KEY.Key_Tab)
    kb.press(KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    kb.wait_idle()
    result = intake.result
    assert result is not None, intake.error_label.text() or intake.visit.message_label.text()
    assert result.state == "inspection_scheduled"
    return str(result.case_id)


def _type_side(qtbot: Any, sketch: Any, index: int, text: str) -> None:
    edit = sketch.measurePanel.lengthEdits[index]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _inspection(qtbot: Any, ctx: UiContext, kb: Keyboard, desk: Desk, case_id: str) -> None:
    s = ctx.services
    # -- the inspector: the case is in the cartable; record the visit, draw, save, submit --------------------------
    desk.sign_in("inspector1")
    tab = desk.tab("inspection")
    assert case_id in {r.case_id for r in tab.cartable_rows()}
    desk.act(case_id, "record_visit")
    assert _state(ctx, case_id) == "inspected"
    tab.open_case(case_id)
    kb.wait_idle()
    visit = tab.visit
    qtbot.waitUntil(lambda: visit.view_data is not None and visit.view_data.case_id == case_id, timeout=10_000)
    sketch_widget = visit.sketch
    sketch_widget.view.goToLonLat(51.4325, 35.8045, 20.0)
    sketch_widget.editor.setTool("parcel")
    vp = sketch_widget.view.viewport()
    c = vp.rect().center()
    corners = [c + QPoint(-90, -120), c + QPoint(90, -120), c + QPoint(90, 120), c + QPoint(-90, 120)]
    for p in [*corners, corners[0]]:
        QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    assert len(sketch_widget.sketch().parcel) == 4
    width, depth = 10.0, DEED_AREA / 10.0
    for i, text in enumerate([f"{width}", f"{depth}", f"{width}", f"{depth}"]):
        _type_side(qtbot, sketch_widget, i, text)
    drawn = sketch_widget.sketch()
    assert drawn.area_m2 == pytest.approx(DEED_AREA, abs=1e-6)
    visit.existing_spin.setFocus()
    visit.existing_spin.selectAll()
    qtbot.keyClicks(visit.existing_spin, "180")
    visit.widths_edit.setFocus()
    qtbot.keyClicks(visit.widths_edit, "12, 8")
    visit.floors_spin.setValue(2)
    visit.use_checks["residential"].setChecked(True)
    QTest.keyClick(visit.widths_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    kb.wait_idle()
    qtbot.waitUntil(lambda: visit.message_label.text() != "" or not ctx.tasks.is_idle(), timeout=5_000)
    kb.wait_idle()
    facts = s.cases.get_case(ctx.actor, case_id).facts
    assert facts.get("sketch_done") is True, (visit.message_label.text(), QApplication.activeWindow())
    assert not s.cases.get_case(ctx.actor, case_id).facts.get("area_differs_from_deed")
    desk.act(case_id, "submit_for_approval")
    assert _state(ctx, case_id) == "office_head_review"

    # -- the office head approves ------------------------------------------------------------------------------------
    desk.sign_in("officehead")
    desk.act(case_id, "approve")
    assert _state(ctx, case_id) == "aerial_locating"

    # -- the map expert attaches the aerial extract; the inspector confirms the location -----------------------------
    desk.sign_in("mapexpert")
    tab = desk.tab("inspection")
    tab.open_case(case_id)
    kb.wait_idle()
    qtbot.waitUntil(lambda: tab.visit.aerial_button.isEnabled(), timeout=10_000)
    QTest.mouseClick(tab.visit.aerial_button, Qt.MouseButton.LeftButton)
    kb.wait_idle()
    qtbot.waitUntil(lambda: s.inspection.aerial_map_bytes(case_id) is not None, timeout=15_000)
    assert (s.inspection.aerial_map_bytes(case_id) or b"").startswith(b"\x89PNG")

    desk.sign_in("inspector1")
    tab = desk.tab("inspection")
    tab.open_case(case_id)
    kb.wait_idle()
    qtbot.waitUntil(lambda: tab.visit.locate_button.isEnabled(), timeout=10_000)
    QTest.mouseClick(tab.visit.locate_button, Qt.MouseButton.LeftButton)
    kb.wait_idle()
    _wait_state(qtbot, ctx, case_id, "archive_scan")


def _archive(qtbot: Any, ctx: UiContext, kb: Keyboard, desk: Desk, case_id: str) -> str:
    s = ctx.services
    desk.sign_in("archive")
    tab = desk.tab("archive")
    archive, scan = tab.desk, tab.desk.scan
    qtbot.waitUntil(scan.devices_listed, timeout=15_000)
    qtbot.waitUntil(
        lambda: any(archive.queue.item(i).data(Qt.ItemDataRole.UserRole) == case_id
                    for i in range(archive.queue.count())), timeout=15_000)  # fmt: skip
    with qtbot.waitSignal(archive.case_loaded, timeout=15_000):
        archive.select_case(case_id)
    assert archive.case_id == case_id
    scan.select_profile(A3_PROFILE.name)
    scan.select_device("test:0")
    scan.set_document_type("plan_sheet")
    scan.max_pages = 2
    with qtbot.waitSignal(scan.scan_finished, timeout=60_000) as finished:
        scan.scan_button.click()
    assert finished.args == [2, False]
    qtbot.waitUntil(lambda: not scan.is_busy())
    errors: list[str] = []
    archive.failed.connect(errors.append)
    qtbot.waitUntil(scan.save_button.isEnabled, timeout=15_000)
    with qtbot.waitSignal(archive.document_saved, timeout=60_000, raising=False) as saved:
        scan.save_button.click()
        qtbot.waitUntil(lambda: bool(errors) or saved.signal_triggered, timeout=60_000)
    assert not errors, errors
    qtbot.waitUntil(lambda: not scan.is_busy())
    document = [d for d in s.archive.list_documents(ctx.actor, case_id) if d.archive_type == "plan_sheet"][-1]
    assert (document.pages, document.scanner) == (2, "test:0")
    qtbot.waitUntil(lambda: "archive_documents" in archive.action_buttons, timeout=15_000)
    with qtbot.waitSignal(archive.action_applied, timeout=15_000):
        archive.action_buttons["archive_documents"].click()
    assert _state(ctx, case_id) == "inspection_head_review"
    return str(document.sha256)


def _dispatch(qtbot: Any, ctx: UiContext, kb: Keyboard, desk: Desk, case_id: str) -> None:
    desk.sign_in("inspectionhead")
    tab = desk.tab("inspection")
    tab.open_case(case_id)
    kb.wait_idle()
    visit = tab.visit
    qtbot.waitUntil(lambda: visit.dispatch_button.isEnabled(), timeout=10_000)
    # The dispatch button asks for the letter's number (typed) and its Jalali date (today, the dialog's default).
    filled: list[str] = []

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DispatchDialog), dialog
        assert dialog.date_edit.value() == ctx.services.today()
        dialog.number_edit.setFocus()
        kb.type(dialog.number_edit, LETTER_NO)
        filled.append(dialog.number_edit.text())
        QTest.keyClick(dialog.number_edit, KEY.Key_Return)  # Enter: OK

    QTimer.singleShot(0, fill_dialog)
    QTest.mouseClick(visit.dispatch_button, Qt.MouseButton.LeftButton)
    assert filled == [LETTER_NO]
    kb.wait_idle()
    _wait_state(qtbot, ctx, case_id, "sent_to_district")


def _renovation(
    qtbot: Any, ctx: UiContext, kb: Keyboard, desk: Desk, building_id: str, folder: Path
) -> tuple[str, tuple[str, str]]:
    desk.sign_in("renovation")
    tab = desk.tab("renovation")
    tab.case_panel.preview = False
    panel = tab.new_request
    tab.panels.setCurrentWidget(panel)
    panel.service.setCurrentIndex(panel.service.findData("R01_RENOVATION_CLEARANCE"))
    panel.national_id.setText(NATIONAL_ID)
    panel.find_applicant()
    panel.renovation_code.setText(RENOVATION_CODE)
    panel.find_property()
    kb.wait_idle()
    assert panel.applicant_id and panel.property_id
    for i in range(panel.documents.count()):  # the documents handed in
        item = panel.documents.item(i)
        item.setCheckState(Qt.CheckState.Checked)
    panel.open_button.click()
    kb.wait_idle()
    kb.wait_idle()
    case = tab.case_panel
    qtbot.waitUntil(lambda: case.view is not None and case.view.state == "received", timeout=10_000)
    clearance_id = case.view.case_id
    assert clearance_id != building_id
    case.land_area.setText(str(DEED_AREA))
    case.building_area.clear()  # vacant land: no building yet
    year = case.last_year.value()
    case.first_year.setValue(year)
    case.save_button.click()
    kb.wait_idle()
    qtbot.waitUntil(lambda: bool(case.view and case.view.facts.get("levy")), timeout=10_000)
    case.slip_button.click()
    kb.wait_idle()
    qtbot.waitUntil(lambda: case.view is not None and case.view.state == "awaiting_payment", timeout=10_000)
    slip = case.view.slip
    assert slip
    case.print_slip_button.click()
    kb.wait_idle()
    qtbot.waitUntil(lambda: case.pdf.last_pdf is not None, timeout=15_000)
    pdf = case.pdf.last_pdf
    assert "ریال" in _pdf_text(pdf, folder, "slip-text")
    codes = _barcodes(pdf, folder, "slip")
    assert codes, "the printed slip carries a readable barcode"
    scanned = codes[0]
    bill_id, payment_id = slip["bill_id"], slip["payment_id"]
    assert scanned == bill_id + payment_id  # decoded from the printed slip, as the bank's reader sees it
    case.payment.set_method("slip")
    case.payment.reference.setText(scanned)
    case.payment.button.click()
    kb.wait_idle()
    qtbot.waitUntil(lambda: case.view is not None and case.view.state == "in_review", timeout=10_000)
    assert case.view.unpaid == 0
    case.clearance_button.click()
    kb.wait_idle()
    qtbot.waitUntil(lambda: case.view is not None and case.view.state == "cleared", timeout=10_000)
    return clearance_id, (bill_id, payment_id)


def _permit(qtbot: Any, ctx: UiContext, kb: Keyboard, desk: Desk, building_id: str, folder: Path) -> str:
    s = ctx.services
    with s.uow(writer=False) as uow:
        from app.models import Case

        row = uow.session.get(Case, building_id)
        assert row is not None
        applicant_id, property_id = row.applicant_id, row.property_id
    # -- the counter opens the permit-draft case for the same applicant and property, with the keyboard ------------
    desk.sign_in("intake")
    intake = desk.tab("formation").intake
    intake.new_case()
    intake.applicant.id_edit.setFocus()
    kb.type_focused(NATIONAL_ID)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.applicant.person is not None and intake.applicant.person.id == applicant_id
    assert kb.focused() is intake.property.code_edit
    kb.type_focused(RENOVATION_CODE)
    kb.press(KEY.Key_Return)
    kb.wait_idle()
    assert intake.property.property is not None and intake.property.property.id == property_id
    assert kb.focused() is intake.service_combo
    for _ in range(intake.service_combo.count()):  # Down through the chooser to the permits unit's service
        if (chosen := intake.service()) is not None and chosen.code == "PD01_PERMIT_DRAFT":
            break
        kb.press(KEY.Key_Down)
    service = intake.service()
    assert service is not None and service.code == "PD01_PERMIT_DRAFT"
    kb.press(KEY.Key_Tab)
    for _ in service.required_documents:
        kb.press(KEY.Key_Space)
        kb.press(KEY.Key_Down)
    assert intake.documents.missing_titles() == []
    kb.press(KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    kb.wait_idle()
    opened = intake.result
    assert opened is not None, intake.error_label.text()
    assert (opened.unit, opened.state) == ("permits", "received")
    permit_id = str(opened.case_id)
    desk.sign_in("permits")
    tab = desk.tab("permits")
    draft = tab.desk
    tab.reload()
    qtbot.waitUntil(lambda: any(draft.queue.item(i).data(256) == permit_id for i in range(draft.queue.count())),
                    timeout=15_000)  # fmt: skip
    with qtbot.waitSignal(draft.case_loaded, timeout=15_000):
        draft.select_case(permit_id)
    _permit_click(qtbot, draft, "start_review")
    qtbot.waitUntil(lambda: draft.detail is not None and draft.detail.state == "checking", timeout=15_000)
    for code, box in draft.checks.items():
        box.setChecked(code != "payments_checked")  # ticked once the fees are paid
    draft.technical_id_edit.setText("TID-1405-00456")
    draft.add_engineer()
    row = draft.engineers.rowCount() - 1
    draft.engineers.cellWidget(row, 1).setText("رضا احمدی")
    draft.engineers.cellWidget(row, 2).setText("1-01-12345")
    figures = {"floors": "2", "total_floor_area": "300", "density": "160", "coverage": "60", "parking": "2",
               "height": "8.5", "projections": "0"}  # fmt: skip
    for code, value in figures.items():
        draft.field_edits[code].setText(value)
    with qtbot.waitSignal(draft.saved, timeout=15_000):
        draft.save_button.click()
    _permit_synced(qtbot, s, draft, permit_id)
    # the permit's fees: computed from the figures, the slip printed (its barcode read back from the PDF), paid
    with qtbot.waitSignal(draft.fees_updated, timeout=15_000):
        draft.compute_fees_button.click()
    fees = draft.fees
    assert fees is not None and fees.unpaid > 0 and {r.code for r in fees.rows} >= {"permit_levy", "engineering_fee"}
    _permit_synced(qtbot, s, draft, permit_id)
    with qtbot.waitSignal(draft.print_controller.preview_opened, timeout=30_000) as opened:
        draft.print_slip_button.click()
    slip_pdf = opened.args[0].pdf_bytes
    opened.args[0].close()
    codes = _barcodes(slip_pdf, folder, "permit-slip")
    assert codes and codes[0] == fees.bill_id + fees.payment_id
    draft.method_combo.setCurrentIndex(draft.method_combo.findData("slip"))
    draft.reference_edit.setText(codes[0])
    with qtbot.waitSignal(draft.fees_updated, timeout=15_000):
        draft.record_payment_button.click()
    assert draft.fees is not None and draft.fees.fees_paid
    with qtbot.waitSignal(draft.case_loaded, timeout=15_000):
        draft.reload_case()
    draft.checks["payments_checked"].setChecked(True)
    with qtbot.waitSignal(draft.saved, timeout=15_000):
        draft.save_button.click()
    _permit_synced(qtbot, s, draft, permit_id)
    assert s.permits.get_draft(ctx.actor, permit_id).complete
    draft_preview: list[Any] = []
    with qtbot.waitSignal(draft.printed, timeout=30_000):
        draft.print_button.click()
    if draft.preview is not None:
        draft_preview.append(draft.preview)
        draft.preview.close()
    assert draft.last_pdf is not None and "رضا احمدی" in _pdf_text(draft.last_pdf, folder, "draft")
    _permit_click(qtbot, draft, "submit_for_approval")
    qtbot.waitUntil(lambda: draft.detail is not None and draft.detail.state == "head_review", timeout=15_000)
    _permit_click(qtbot, draft, "approve")
    _wait_state(qtbot, ctx, permit_id, "sent_to_district")
    return permit_id


def _permit_synced(qtbot: Any, s: Any, draft: Any, permit_id: str) -> None:
    """Wait until the desk shows the case's current version (the reload after a write has come back)."""
    qtbot.waitUntil(lambda: draft.detail is not None and draft.detail.version == s.cases.get_version(permit_id),
                    timeout=15_000)  # fmt: skip


def _permit_click(qtbot: Any, draft: Any, action: str) -> None:
    qtbot.waitUntil(lambda: action in draft.action_buttons, timeout=15_000)
    with qtbot.waitSignal(draft.action_applied, timeout=15_000):
        draft.action_buttons[action].click()


def _final_checks(
    qtbot: Any, ctx: UiContext, kb: Keyboard, desk: Desk, case_id: str, clearance_id: str, permit_id: str,
    scanned_sha: str, slip_ids: tuple[str, str], folder: Path,
) -> None:  # fmt: skip
    s = ctx.services
    desk.sign_in("inspectionhead")
    # -- the route history, as the case view shows it: every step in order, Jalali times, names ------------------------
    view = desk.case_view(case_id)
    detail = view.detail
    assert detail is not None and detail.state == "sent_to_district" and detail.closed
    steps = [
        ("open_case", "intake"), ("schedule_inspection", "intake"), ("record_visit", "inspector1"), ("submit_for_approval", "inspector1"),
        ("approve", "officehead"), ("attach_aerial_map", "mapexpert"), ("confirm_location", "inspector1"),
        ("archive_documents", "archive"), ("send_to_district", "inspectionhead"),
    ]  # fmt: skip
    names = {u: n for u, n, _r, _c in DEMO_USERS}
    assert [h.action for h in detail.history] == [a for a, _u in steps]
    assert view.history.topLevelItemCount() == len(steps)
    previous = None
    for i, (_action, user) in enumerate(steps):
        item = view.history.topLevelItem(i)
        when = item.text(0)
        assert when[:2] == "۱۴" and all(not ("0" <= ch <= "9") for ch in when), when  # Jalali, Persian digits
        assert item.text(4) == names[user], (i, item.text(4))
        at = detail.history[i].at
        assert previous is None or at >= previous
        previous = at
    note = view.history.topLevelItem(len(steps) - 1).text(5)  # «نامه شماره ۴۵۶۷/ب مورخ ۱۴۰۵/۰۹/۱۰»
    assert LETTER_NO in note and format_jalali(s.today()) in note, note
    shown = [view.applicant_form.itemAt(i).widget() for i in range(view.applicant_form.count())]
    assert "مریم احمدی" in [w.text() for w in shown if w is not None and hasattr(w, "text")]
    QApplication.processEvents()
    view.grab().save(str(folder / "journey-case-view.png"))
    view.close()
    dispatch = detail.facts["dispatch"]
    assert dispatch["letter_no"] == digits_to_ascii(LETTER_NO)
    assert dt.date.fromisoformat(str(dispatch["letter_date"])[:10]) == s.today()

    # -- the audit log holds each step --------------------------------------------------------------------------------
    with s.uow(writer=False) as uow:
        entries = list(uow.session.scalars(select(AuditEntry).where(AuditEntry.entity_id == case_id)
                                           .order_by(AuditEntry.seq)))  # fmt: skip
        audited = [(e.username, e.action, (e.details or {}).get("action", "")) for e in entries]
        events = list(uow.session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case_id)
                                          .order_by(CaseEvent.seq)))  # fmt: skip
        clearance_audit = set(uow.session.scalars(select(AuditEntry.action)
                                                  .where(AuditEntry.entity_id == clearance_id)))  # fmt: skip
        permit_audit = set(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == permit_id)))
    assert events == [a for a, _u in steps]
    # Each step's own entry (the counter's opening covers its scheduling: one transaction), then the workflow's.
    assert audited == [
        ("intake", "case.opened", ""),
        ("inspector1", "case.action", "record_visit"),
        ("inspector1", "inspection.visit_saved", ""),
        ("inspector1", "case.action", "submit_for_approval"),
        ("officehead", "case.action", "approve"),
        ("mapexpert", "inspection.aerial_attached", ""),
        ("mapexpert", "case.action", "attach_aerial_map"),
        ("inspector1", "inspection.located", ""),
        ("inspector1", "case.action", "confirm_location"),
        ("archive", "archive.document_scanned", ""),
        ("archive", "case.action", "archive_documents"),
        ("inspectionhead", "inspection.dispatch_recorded", ""),
        ("inspectionhead", "case.action", "send_to_district"),
    ], audited
    assert {"renovation.levy_recorded", "renovation.slip_issued", "renovation.payment_recorded",
            "document.printed"} <= clearance_audit, clearance_audit  # fmt: skip
    assert {"permits.draft_saved", "permits.draft_printed", "permits.fees_computed",
            "permits.payment_recorded"} <= permit_audit, permit_audit  # fmt: skip

    # -- the sketch on the case, the scan in the file store (A3 pages) --------------------------------------------------
    geo = detail.facts["sketch"]
    assert geo["type"] in ("FeatureCollection", "Feature")
    assert Sketch.from_geojson(geo).area_m2 == pytest.approx(DEED_AREA, abs=1e-3)
    pdf_path = s.files.path_of(scanned_sha)
    with pikepdf.open(pdf_path) as pdf:
        assert len(pdf.pages) == 2
        for page in pdf.pages:
            assert float(page.mediabox[2]) / 72 * 25.4 == pytest.approx(297.0, abs=0.5)
            assert float(page.mediabox[3]) / 72 * 25.4 == pytest.approx(420.0, abs=0.5)
        assert str(pdf.docinfo["/EcityCaseId"]) == case_id

    # -- final states, and in no open cartable ---------------------------------------------------------------------------
    assert _state(ctx, clearance_id) == "cleared"
    assert _state(ctx, permit_id) == "sent_to_district"
    with s.uow(writer=False) as uow:
        from app.models import Payment

        paid = list(uow.session.scalars(select(Payment).where(Payment.case_id == clearance_id)))
    assert paid and all(p.paid for p in paid) and {(p.bill_id, p.payment_id) for p in paid} == {slip_ids}
    everyone = s.auth.login("all", DEMO_PASSWORD)
    for unit in sorted(everyone.units):
        rows = s.cartable.list_cartable(everyone, unit)
        assert not {case_id, clearance_id, permit_id} & {r.case_id for r in rows}, unit
    assert dt.datetime.now(TEHRAN)  # the times above were shown in Tehran time (show_datetime)
