"""The inspection tab driven like an inspector: open a demo case's visit form from the cartable, draw the outline with
the mouse, type the taped sides, fill the form, save; the GeoJSON on the case reloads identically and the deed flag is
set. Then the chain's own steps from the form (aerial extract, location, dispatch), refusals and the calendar."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from app.maps.demo_tiles import TINY, generate
from app.maps.sketch import Sketch
from app.maps.sources import DEMO_TILES_NAME
from app.ui.units.inspection import InspectionTab


@pytest.fixture(scope="module")
def tiny_tiles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiles") / DEMO_TILES_NAME
    generate(path, None, TINY)
    return path


@pytest.fixture
def tab(qtbot, ctx, kb, login, tiny_tiles: Path):  # type: ignore[no-untyped-def]
    shutil.copy(tiny_tiles, ctx.paths.tiles / DEMO_TILES_NAME)  # the workstation's map: the demo set
    login("inspector1")
    tab = InspectionTab(ctx)
    tab.resize(1366, 800)
    kb.show(tab)
    kb.wait_idle()
    yield tab
    tab.visit.shutdown()
    tab.close()


def open_first(tab: InspectionTab, kb, state: str, *, sketched: bool | None = None) -> str:  # type: ignore[no-untyped-def]
    facts = {r.case_id: tab.ctx.services.cases.get_case(tab.ctx.actor, r.case_id).facts for r in tab.cartable_rows()}
    row = next(r for r in tab.cartable_rows() if r.state == state
               and (sketched is None or bool(facts[r.case_id].get("sketch")) == sketched))  # fmt: skip
    # Double-click in the cartable opens the visit form.
    from app.ui.cartable import CASE_ID_ROLE

    view = tab.cartable.view
    tab.panels.setCurrentIndex(tab.panels.count() - 1)
    QApplication.processEvents()
    index = next(view.proxy.index(i, 0) for i in range(view.proxy.rowCount())
                 if view.proxy.index(i, 0).data(CASE_ID_ROLE) == row.case_id)  # fmt: skip
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    kb.wait_idle()
    assert tab.panels.currentIndex() == tab.visit_index
    assert tab.visit.view_data is not None and tab.visit.view_data.case_id == row.case_id
    return row.case_id


def type_side(qtbot, sketch, index: int, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = sketch.measurePanel.lengthEdits[index]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_inspector_draws_types_sides_saves_and_the_case_holds_the_sketch(qtbot, tab, kb) -> None:  # type: ignore[no-untyped-def]
    ctx = tab.ctx
    case_id = open_first(tab, kb, "inspection_scheduled", sketched=False)
    visit = tab.visit
    assert visit.save_button.isEnabled()
    sketch_widget = visit.sketch
    deed = visit.view_data.property_deed_area_m2
    assert deed, "demo properties have a deed area"
    # Draw a rough rectangle with the mouse, then type the taped sides so that the area is 25% above the deed's.
    sketch_widget.view.goToLonLat(51.4325, 35.8045, 20.0)
    sketch_widget.editor.setTool("parcel")
    vp = sketch_widget.view.viewport()
    c = vp.rect().center()
    corners = [c + QPoint(-90, -120), c + QPoint(90, -120), c + QPoint(90, 120), c + QPoint(-90, 120)]
    for p in corners:
        QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corners[0])
    assert len(sketch_widget.sketch().parcel) == 4
    width = 10.0
    depth = round(deed * 1.25 / width, 2)
    for i, text in enumerate([f"{width}", f"{depth}", f"{width}", f"{depth}"]):
        type_side(qtbot, sketch_widget, i, text)
    drawn = sketch_widget.sketch()
    assert drawn.area_m2 == pytest.approx(width * depth, abs=1e-6)
    assert sketch_widget.editor.closureError() == pytest.approx(0.0, abs=1e-9)
    # The form: a few fields by keyboard.
    visit.existing_spin.setFocus()
    visit.existing_spin.selectAll()
    qtbot.keyClicks(visit.existing_spin, str(round(width * depth)))
    visit.widths_edit.setFocus()
    qtbot.keyClicks(visit.widths_edit, "12, 8")
    visit.floors_spin.setValue(3)
    visit.use_checks["residential"].setChecked(True)
    # Save with Ctrl+S.
    QTest.keyClick(visit.widths_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    kb.wait_idle()
    qtbot.waitUntil(lambda: visit.flag_label.isVisible(), timeout=10000)
    facts = ctx.services.cases.get_case(ctx.actor, case_id).facts
    assert facts["sketch_done"] is True
    assert facts["area_differs_from_deed"] is True
    assert facts["area_check"]["ratio"] == pytest.approx(0.25, abs=0.001)
    assert facts["visit"]["street_widths_m"] == [12.0, 8.0] and facts["visit"]["floors_found"] == 3
    geo = facts["sketch"]
    assert geo["properties"]["crs_of_measurement"] == "EPSG:32639"
    assert geo["properties"]["inspector"] == ctx.actor.full_name
    saved = Sketch.from_geojson(geo)
    assert saved.parcel == drawn.parcel and saved.legs == drawn.legs
    assert Sketch.from_geojson(saved.to_geojson()) == saved  # reloads identically
    # Reopening the case shows the same sketch in the widget.
    visit.load_case(case_id)
    kb.wait_idle()
    assert sketch_widget.sketch().parcel == drawn.parcel
    assert "⚠" in next(r.state_title for r in tab.cartable_rows() if r.case_id == case_id)
    # The inspection report of this case, through the print preview's data.
    pdf = ctx.services.inspection.report_pdf(case_id)
    assert pdf.startswith(b"%PDF")


def test_bad_input_shows_the_message_next_to_the_field_and_changes_nothing(qtbot, tab, kb) -> None:  # type: ignore[no-untyped-def]
    ctx = tab.ctx
    case_id = open_first(tab, kb, "inspected")
    version = ctx.services.cases.get_version(case_id)
    visit = tab.visit
    visit.existing_spin.setValue(100)
    visit.widening_spin.setValue(150)
    visit.widths_edit.setText("دوازده")
    visit.save()
    kb.wait_idle()
    label = visit.field_errors["widening_area_m2"]
    assert label.isVisible() and "میزان در مسیر" in label.text()
    assert visit.field_errors["street_widths_m"].isVisible()
    assert ctx.services.cases.get_version(case_id) == version


def test_chain_steps_from_the_form_and_the_calendar(qtbot, tab, kb, login) -> None:  # type: ignore[no-untyped-def]
    ctx = tab.ctx
    s = ctx.services
    case_id = open_first(tab, kb, "aerial_locating")
    visit = tab.visit
    # An inspector cannot attach the extract (the expert does), and cannot confirm before it is attached.
    assert not visit.aerial_button.isEnabled()
    assert visit.locate_button.isEnabled()
    version = s.cases.get_version(case_id)
    visit.confirm_location()
    kb.wait_idle()
    assert visit.message_label.isVisible() and "نقشه هوایی" in visit.message_label.text()
    assert s.cases.get_version(case_id) == version
    # The expert attaches the extract cut from the workstation's tiles.
    login("mapexpert")
    visit.load_case(case_id)
    kb.wait_idle()
    assert visit.aerial_button.isEnabled()
    visit.attach_aerial()
    kb.wait_idle()
    extract = s.inspection.aerial_map_bytes(case_id)
    assert extract is not None and extract.startswith(b"\x89PNG")
    login("inspector1")
    visit.load_case(case_id)
    kb.wait_idle()
    visit.confirm_location()
    kb.wait_idle()
    assert s.cases.get_case(ctx.actor, case_id).state == "archive_scan"
    # The day list and the calendar: an inspector's own row and today.
    tab.panels.setCurrentIndex(tab.calendar_index)
    kb.wait_idle()
    cal = tab.calendar
    assert cal.table.rowCount() >= 2 and cal.table.columnCount() == 10
    assert cal.selected() is not None and cal.selected()[0] == ctx.actor.user_id
    assert not cal.leave_button.isVisible()
    pdf = s.inspection.day_list_pdf(ctx.actor.user_id, s.today())
    assert pdf.startswith(b"%PDF")


def test_head_sends_to_the_district_with_the_letter(qtbot, ctx, kb, login, tiny_tiles: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(tiny_tiles, ctx.paths.tiles / DEMO_TILES_NAME)
    login("inspectionhead")
    tab = InspectionTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    try:
        row = next(r for r in tab.cartable_rows() if r.state == "inspection_head_review")
        tab.open_case(row.case_id)
        kb.wait_idle()
        visit = tab.visit
        assert visit.dispatch_button.isEnabled()
        version = ctx.services.cases.get_version(row.case_id)
        visit.send_to_district("", None)
        kb.wait_idle()
        assert (
            "شماره نامه" in visit.message_label.text()
            or "شماره نامه" in visit.field_errors.get("letter_no", visit.message_label).text()
        )
        assert ctx.services.cases.get_version(row.case_id) == version
        visit.send_to_district("۱۲۳۴/ب", ctx.services.today() - dt.timedelta(days=1))
        kb.wait_idle()
        detail = ctx.services.cases.get_case(ctx.actor, row.case_id)
        assert detail.state == "sent_to_district"
        assert detail.facts["dispatch"]["letter_no"] == "1234/ب"
    finally:
        tab.visit.shutdown()
        tab.close()


def test_demo_workstation_without_tiles_prepares_them_on_request(qtbot, ctx, kb, login, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import app.maps.sources as sources

    def tiny(tiles_dir: Path) -> Path:  # the full set takes 7-8 s; the tiny one is enough to see the hand-over
        path = sources.demo_tiles_path(tiles_dir)
        generate(path, None, TINY)
        return path

    monkeypatch.setattr(sources, "ensure_demo_tiles", tiny)
    login("inspector1")
    tab = InspectionTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    try:
        visit = tab.visit
        assert visit.sketch.view.source() is None
        assert visit.tiles_bar.isVisible(), "a demo workstation offers to make its aerial map"
        QTest.mouseClick(visit.tiles_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: visit.sketch.view.source() is not None, timeout=20000)
        assert not visit.tiles_bar.isVisible()
        assert (ctx.paths.tiles / DEMO_TILES_NAME).is_file()
    finally:
        tab.visit.shutdown()
        tab.close()


def test_case_view_shows_the_sketch_area_and_goes_to_the_location(qtbot, ctx, kb, login, tiny_tiles: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.case_view import CaseView
    from app.ui.units.inspection.map_dialog import CaseMapDialog

    shutil.copy(tiny_tiles, ctx.paths.tiles / DEMO_TILES_NAME)
    login("inspector1")
    rows = ctx.services.cartable.list_cartable(ctx.actor, "inspection")
    flagged = ctx.services.inspection.flagged_cases([r.case_id for r in rows])
    assert flagged, "the demo has cases whose sketch disagrees with the deed"
    case_id = sorted(flagged)[0]
    view = CaseView(ctx, case_id)
    kb.show(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    texts = [view.property_form.itemAt(i).widget().text() for i in range(view.property_form.count())
             if view.property_form.itemAt(i).widget() is not None and hasattr(view.property_form.itemAt(i).widget(), "text")]  # fmt: skip
    assert any("⚠" in t for t in texts), texts
    button = view.findChild(QPushButton, "case-map")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(CaseMapDialog)
    assert dialog is not None
    kb.wait_idle()
    assert dialog.sketch.sketch().parcel, "the case's sketch on the map"
    lon, lat = dialog.sketch.view.centreLonLat()
    assert abs(lon - 51.4325) < 0.01 and abs(lat - 35.8045) < 0.01
    dialog.close()
    view.close()


def test_head_sets_leave_and_reassigns_a_visit_in_the_calendar(qtbot, ctx, kb, login, tiny_tiles: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(tiny_tiles, ctx.paths.tiles / DEMO_TILES_NAME)
    login("inspectionhead")
    tab = InspectionTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    try:
        tab.panels.setCurrentIndex(tab.calendar_index)
        cal = tab.calendar
        kb.wait_idle()
        assert cal.leave_button.isVisible() and cal.reassign_button.isVisible()
        # A day with a booked visit, and the other inspector.
        busy = next(key for key, c in cal.cells.items() if c.booked and not c.on_leave)
        other = next(i for i, _ in cal.inspectors if i != busy[0])
        cal.select(*busy)
        kb.wait_idle()
        assert cal.visits, "the day list of the chosen inspector and day"
        case_id = cal.visits[0].case_id
        # Leave for the other inspector that day: reassigning to them is refused, with the reason, and nothing moves.
        cal.select(other, busy[1])
        QTest.mouseClick(cal.leave_button, Qt.MouseButton.LeftButton)
        kb.wait_idle()
        assert cal.cells[(other, busy[1])].on_leave
        cal.select(*busy)
        kb.wait_idle()
        cal.visits_table.setCurrentCell(0, 0)
        cal.reassign_combo.setCurrentIndex(cal.reassign_combo.findData(other))
        QTest.mouseClick(cal.reassign_button, Qt.MouseButton.LeftButton)
        kb.wait_idle()
        assert cal.message_label.isVisible() and "مرخصی" in cal.message_label.text()
        assert ctx.services.inspection.day_list(other, busy[1]) == [] or all(
            v.case_id != case_id for v in ctx.services.inspection.day_list(other, busy[1])
        )
        # Leave off again, then the visit moves.
        cal.select(other, busy[1])
        QTest.mouseClick(cal.leave_button, Qt.MouseButton.LeftButton)
        kb.wait_idle()
        assert not cal.cells[(other, busy[1])].on_leave
        appointment = next(v.appointment_id for v in ctx.services.inspection.day_list(busy[0], busy[1])
                           if v.case_id == case_id)  # fmt: skip
        cal.reassign(appointment, other)
        kb.wait_idle()
        assert any(v.case_id == case_id for v in ctx.services.inspection.day_list(other, busy[1]))
    finally:
        tab.visit.shutdown()
        tab.close()


def test_photos_and_deficiency_from_the_form(qtbot, tab, kb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.maps.sources import aerial_extract_png

    ctx = tab.ctx
    case_id = open_first(tab, kb, "inspected")
    visit = tab.visit
    photo = tmp_path / "north-facade.png"
    photo.write_bytes(aerial_extract_png(None, 51.43, 35.80, size=(40, 30)))
    visit.add_photo_files([photo])
    kb.wait_idle()
    assert [visit.photos_list.item(i).text() for i in range(visit.photos_list.count())] == ["north-facade.png"]
    # A deficiency without saying what is missing is refused and changes nothing.
    version = ctx.services.cases.get_version(case_id)
    assert visit.deficiency_button.isEnabled()
    visit.return_deficiency([], "")
    kb.wait_idle()
    assert "کسری" in visit.message_label.text()
    assert ctx.services.cases.get_version(case_id) == version
    visit.return_deficiency(["renovation_levy_slip"], "")
    kb.wait_idle()
    detail = ctx.services.cases.get_case(ctx.actor, case_id)
    assert detail.state == "formation" and "عوارض نوسازی" in detail.history[-1].note
