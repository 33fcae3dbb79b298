"""The Archive tab as the archive operator: an A3 grey batch from SANE's test device into a case (reorder, rotate,
delete, save, view, the workflow's "documents archived"), a pile of three cases behind separator sheets printed by
the tab, real PDF/TIFF imports with re-scan and delete, a corrupt file, and cancel and a jam midway."""

from __future__ import annotations

import io
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEntry
from app.scanner import samples
from app.scanner.base import BatchResult, CancelToken, ScannedPage
from app.scanner.batch import INTERRUPTED, list_unfinished
from app.scanner.profiles import Profile, save_profile
from app.scanner.sane_driver import PROJECT_SANE_CONFIG, SaneDriver, ensure_sane
from app.ui.units.archive import ArchiveTab

USER_ROLE = Qt.ItemDataRole.UserRole
A4_FEEDER = Profile("A4 feeder test", paper="a4", dpi=100, mode="gray", source="feeder", blank_threshold=0.0)


class HookedSane:
    """The real SANE driver on the test device; ``after_page(number, device)`` runs in the scan worker right after a
    page reached the session, so a test can make the backend jam, or hold the pile until it pressed Cancel."""

    name = "sane"

    def __init__(self) -> None:
        self.devices: list[Any] = []
        self.after_page: Any = None
        self._inner = SaneDriver(config_dir=PROJECT_SANE_CONFIG, open_device=self._open)

    def _open(self, name: str) -> Any:
        import sane

        device = sane.open(name)
        self.devices.append(device)
        return device

    def list_devices(self) -> list[Any]:
        return self._inner.list_devices()

    def capabilities(self, device_id: str) -> Any:
        return self._inner.capabilities(device_id)

    def scan(self, device_id: str, profile: Profile, on_page: Any, cancel: CancelToken, **kw: Any) -> BatchResult:
        def hooked(page: ScannedPage) -> None:
            on_page(page)
            if self.after_page is not None:
                self.after_page(page.number, self.devices[-1])

        return self._inner.scan(device_id, profile, hooked, cancel, **kw)


@pytest.fixture
def sane_reset(sane_available: bool) -> Iterator[None]:
    """The test backend keeps option values for the life of the process: put back a read status a test changed."""
    yield
    sane = ensure_sane(PROJECT_SANE_CONFIG)
    device = sane.open("test:0")
    try:
        device.cancel()
        device.read_return_value = "Default"
    finally:
        device.close()


def _tab(qtbot: Any, ctx: Any, login: Any, driver: Any) -> ArchiveTab:
    login("archive")
    ctx.extras["scanner_drivers"] = [driver]
    tab = ArchiveTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.desk.queue.count() > 0, timeout=15_000)
    qtbot.waitUntil(tab.desk.scan.devices_listed, timeout=15_000)
    qtbot.waitUntil(lambda: tab.desk.detail is not None, timeout=15_000)  # the first case is chosen by itself
    return tab


def _pick(qtbot: Any, tab: ArchiveTab, row: int) -> str:
    with qtbot.waitSignal(tab.desk.case_loaded, timeout=15_000):
        tab.desk.select_case(tab.desk.queue.item(row).data(USER_ROLE))
    assert tab.desk.case_id is not None
    return tab.desk.case_id


def _save(qtbot: Any, tab: ArchiveTab) -> None:
    errors: list[str] = []
    tab.desk.failed.connect(errors.append)
    qtbot.waitUntil(tab.desk.scan.save_button.isEnabled, timeout=15_000)  # the worker's end reached the GUI
    with qtbot.waitSignal(tab.desk.document_saved, timeout=60_000, raising=False) as blocker:
        tab.desk.scan.save_button.click()
        qtbot.waitUntil(lambda: bool(errors) or blocker.signal_triggered, timeout=60_000)
    tab.desk.failed.disconnect(errors.append)
    assert not errors, errors
    qtbot.waitUntil(lambda: not tab.desk.scan.is_busy())


def test_a3_grey_batch_into_a_case_then_documents_archived(
    qtbot: Any, ctx: Any, login: Any, kb: Any, sane_available: bool, tmp_path: Path
) -> None:
    tab = _tab(qtbot, ctx, login, SaneDriver(config_dir=PROJECT_SANE_CONFIG))
    desk, scan, services = tab.desk, tab.desk.scan, ctx.services
    case_id = _pick(qtbot, tab, 0)
    before = len(desk.documents)

    # the operator makes a feeder profile for A3 plan sheets in the profile editor (kept per workstation)
    desk.edit_profiles()
    editor = desk.profile_editor
    editor._new()
    editor.name_edit.setText("A3 plan batch")
    editor.paper_combo.setCurrentIndex(editor.paper_combo.findData("a3"))
    editor.dpi_spin.setValue(300)
    editor.mode_combo.setCurrentIndex(editor.mode_combo.findData("gray"))
    editor.source_combo.setCurrentIndex(editor.source_combo.findData("feeder"))
    editor.blank_spin.setValue(0.0)
    editor.deskew_check.setChecked(False)
    assert editor.save()
    editor.close()
    assert any(p.suffix == ".json" for p in ctx.paths.scan_profiles.iterdir())
    scan.select_profile("A3 plan batch")
    scan.select_device("test:0")
    scan.set_document_type("plan_sheet")
    scan.max_pages = 4

    with qtbot.waitSignal(scan.scan_finished, timeout=60_000) as finished:
        scan.scan_button.click()
    assert finished.args == [4, False]
    qtbot.waitUntil(lambda: not scan.is_busy())
    assert scan.pages_model.rowCount() == 4 and scan.viewer.has_image()
    # reorder, turn one page upside down (it stays A3 portrait), delete one
    scan.move_page(3, 0)
    assert scan.page_numbers() == [4, 1, 2, 3]
    scan.pages_view.setCurrentIndex(scan.pages_model.index(1, 0))
    scan.rotate_right_button.click()
    scan.rotate_right_button.click()
    scan.pages_view.setCurrentIndex(scan.pages_model.index(3, 0))
    scan.delete_button.click()
    assert scan.page_numbers() == [4, 1, 2]
    zoom = scan.viewer.zoom
    scan.zoom_in_button.click()
    assert scan.viewer.zoom > zoom
    tab.grab().save(str(tmp_path / "archive-tab.png"))
    _save(qtbot, tab)
    qtbot.waitUntil(lambda: len(desk.documents) == before + 1, timeout=15_000)

    saved = [d for d in services.archive.list_documents(ctx.actor, case_id) if d.archive_type == "plan_sheet"][-1]
    assert (saved.pages, saved.scanner, saved.resolution) == (3, "test:0", 300)
    pdf_path = services.files.path_of(saved.sha256)
    with pikepdf.open(pdf_path) as pdf:
        assert len(pdf.pages) == 3
        for page in pdf.pages:
            assert float(page.mediabox[2]) / 72 * 25.4 == pytest.approx(297.0, abs=0.5)
            assert float(page.mediabox[3]) / 72 * 25.4 == pytest.approx(420.0, abs=0.5)
        assert str(pdf.docinfo["/EcityCaseId"]) == case_id
    listing = subprocess.run(["pdfimages", "-list", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert [(r[3], r[4], r[5], r[12], r[13]) for r in rows] == [("3507", "4960", "gray", "300", "300")] * 3
    assert list_unfinished(ctx.paths.scans_in_progress) == []
    with services.uow(writer=False) as uow:
        last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert last is not None and last.action == "archive.document_scanned" and last.entity_id == case_id

    # the archived document opens in the viewer, with zoom
    for i in range(desk.documents_tree.topLevelItemCount()):
        if desk.documents_tree.topLevelItem(i).data(0, USER_ROLE) == saved.id:
            desk.documents_tree.setCurrentItem(desk.documents_tree.topLevelItem(i))
    desk.open_button.click()
    qtbot.waitUntil(lambda: desk.viewer is not None and desk.viewer.isVisible(), timeout=15_000)
    viewer = desk.viewer
    assert viewer is not None and viewer.page_count() == 3
    zoom = viewer.zoom()
    viewer.zoom_in_button.click()
    assert viewer.zoom() > zoom
    viewer.close()

    # the workflow's own button: documents archived, and the case leaves the queue
    button = desk.action_buttons["archive_documents"]
    with qtbot.waitSignal(desk.action_applied, timeout=15_000):
        button.click()
    assert services.cases.get_case(ctx.actor, case_id).state == "inspection_head_review"
    kb.wait_idle()
    qtbot.waitUntil(lambda: case_id not in _queue_ids(tab), timeout=15_000)


def _queue_ids(tab: ArchiveTab) -> list[str]:
    return [tab.desk.queue.item(i).data(USER_ROLE) for i in range(tab.desk.queue.count())]


def _raster_pages(pdf: bytes, folder: Path, stem: str) -> list[Path]:
    source = folder / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(source), str(folder / stem)], check=True)
    source.unlink()
    return sorted(folder.glob(f"{stem}-*.png"))


def test_pile_of_three_cases_behind_separator_sheets(qtbot: Any, ctx: Any, login: Any, kb: Any, tmp_path: Path) -> None:
    from app.scanner.file_driver import FileDriver

    tab = _tab(qtbot, ctx, login, FileDriver())
    desk, scan, services = tab.desk, tab.desk.scan, ctx.services
    cases = _queue_ids(tab)[:3]
    assert len(cases) == 3
    before = {c: len(services.archive.list_documents(ctx.actor, c)) for c in cases}
    # the tab prints the three separator sheets (one PDF, through the print preview)
    for row in range(3):
        desk.queue.item(row).setSelected(True)
    desk.separator_button.click()
    qtbot.waitUntil(lambda: getattr(desk, "preview", None) is not None and desk.preview.isVisible(), timeout=15_000)
    assert desk.preview.page_count() == 3
    desk.preview.close()
    work = tmp_path / "raster"
    work.mkdir()
    sheets = _raster_pages(desk.separator_pdf, work, "sheet")
    assert len(sheets) == 3

    # the pile as it leaves the feeder: each case's pages behind its sheet (one sheet fed crooked)
    pile = tmp_path / "pile"
    pile.mkdir()
    counts = (2, 1, 3)
    n = 0
    seed = 40
    for sheet, count in zip(sheets, counts, strict=True):
        n += 1
        with Image.open(sheet) as img:
            img.convert("L").rotate(-1.2 if n == 1 else 0, fillcolor=255).save(pile / f"{n:02d}.png", dpi=(150, 150))
        for _ in range(count):
            n += 1
            seed += 1
            samples.text_page("a4", 150, seed=seed).save(pile / f"{n:02d}.png", dpi=(150, 150))
    scan.set_document_type("deed")
    with qtbot.waitSignal(scan.scan_finished, timeout=60_000):
        desk.import_paths([pile])
    qtbot.waitUntil(lambda: not scan.is_busy())
    assert scan.pages_model.rowCount() == 9

    with qtbot.waitSignal(desk.pile_split, timeout=60_000):
        desk.split_button.click()
    dialog = desk.pile_dialog
    assert dialog is not None and dialog.save_button.isEnabled()
    assert [g.case_id for g in dialog.groups] == cases
    assert [len(g.page_numbers) for g in dialog.groups] == list(counts)
    with qtbot.waitSignal(desk.pile_saved, timeout=60_000) as saved:
        dialog.save_button.click()
    assert saved.args == [3]
    kb.wait_idle()
    for case_id, count in zip(cases, counts, strict=True):
        docs = services.archive.list_documents(ctx.actor, case_id)
        assert len(docs) == before[case_id] + 1
        assert docs[-1].archive_type == "deed" and docs[-1].pages == count
    assert scan.pages_model.rowCount() == 0 and list_unfinished(ctx.paths.scans_in_progress) == []

    # a pile with pages before the first sheet is refused whole, in Persian
    stray = tmp_path / "stray"
    stray.mkdir()
    samples.text_page("a4", 150, seed=90).save(stray / "01.png", dpi=(150, 150))
    Image.open(sheets[0]).save(stray / "02.png", dpi=(150, 150))
    samples.text_page("a4", 150, seed=91).save(stray / "03.png", dpi=(150, 150))
    with qtbot.waitSignal(scan.scan_finished, timeout=60_000):
        desk.import_paths([stray])
    qtbot.waitUntil(lambda: not scan.is_busy())
    with qtbot.waitSignal(desk.pile_split, timeout=60_000):
        desk.split_button.click()
    assert desk.pile_dialog is not None and not desk.pile_dialog.save_button.isEnabled()
    assert "صفحه" in desk.pile_dialog.summary.text() or "pages" in desk.pile_dialog.summary.text()
    desk.pile_dialog.close()


def _jpeg(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80, dpi=(dpi, dpi))
    return out.getvalue()


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_import_files_rescan_delete_and_a_corrupt_file(
    qtbot: Any, ctx: Any, login: Any, kb: Any, tmp_path: Path
) -> None:
    import img2pdf

    from app.scanner.file_driver import FileDriver

    tab = _tab(qtbot, ctx, login, FileDriver())
    desk, scan, services = tab.desk, tab.desk.scan, ctx.services
    case_id = _pick(qtbot, tab, 1)
    pdf = tmp_path / "deed.pdf"
    pdf.write_bytes(img2pdf.convert([_jpeg(samples.text_page("a4", 100, seed=s), 100) for s in (1, 2)]))
    tiff = tmp_path / "card.tiff"
    frames = [samples.text_page("a4", 100, seed=s) for s in (3, 4, 5)]
    frames[0].save(tiff, save_all=True, append_images=frames[1:], dpi=(100, 100), compression="tiff_lzw")
    before = len(services.archive.list_documents(ctx.actor, case_id))

    scan.set_document_type("inheritance_certificate")
    with qtbot.waitSignal(scan.scan_finished, timeout=30_000):
        desk.import_paths([pdf, tiff])
    qtbot.waitUntil(lambda: not scan.is_busy())
    assert scan.pages_model.rowCount() == 5
    _save(qtbot, tab)
    qtbot.waitUntil(lambda: len(desk.documents) == before + 1, timeout=15_000)
    doc = next(d for d in desk.documents if d.archive_type == "inheritance_certificate")
    assert doc.pages == 5

    # re-scan: the next document saved replaces the selected one
    for i in range(desk.documents_tree.topLevelItemCount()):
        if desk.documents_tree.topLevelItem(i).data(0, USER_ROLE) == doc.id:
            desk.documents_tree.setCurrentItem(desk.documents_tree.topLevelItem(i))
    desk.rescan_button.setChecked(True)
    assert desk.replace_document_id == doc.id
    with qtbot.waitSignal(scan.scan_finished, timeout=30_000):
        desk.import_paths([pdf])
    qtbot.waitUntil(lambda: not scan.is_busy())
    _save(qtbot, tab)
    kb.wait_idle()
    docs = services.archive.list_documents(ctx.actor, case_id)
    assert len(docs) == before + 1 and next(d for d in docs if d.id == doc.id).pages == 2

    # a corrupt file: a Persian message that says what to do, no page in the strip, the case unchanged
    torn = tmp_path / "torn.tiff"
    torn.write_bytes(tiff.read_bytes()[:4000])
    with qtbot.waitSignal(scan.scan_failed, timeout=30_000) as failed:
        desk.import_paths([pdf, torn])
    assert failed.args == ["scanner.file_unreadable"]
    qtbot.waitUntil(lambda: not scan.is_busy())
    assert "خوانده نشد" in scan.status_label.text() and "torn.tiff" in scan.status_label.text()
    assert scan.pages_model.rowCount() == 0
    assert len(services.archive.list_documents(ctx.actor, case_id)) == before + 1
    scan.discard()

    # delete the scan, with a reason (audited)
    for i in range(desk.documents_tree.topLevelItemCount()):
        if desk.documents_tree.topLevelItem(i).data(0, USER_ROLE) == doc.id:
            desk.documents_tree.setCurrentItem(desk.documents_tree.topLevelItem(i))
    desk.delete_selected_document("اشتباه اسکن شد")
    kb.wait_idle()
    qtbot.waitUntil(lambda: all(d.id != doc.id for d in desk.documents), timeout=15_000)
    with services.uow(writer=False) as uow:
        actions = [e.action for e in uow.session.scalars(select(AuditEntry).where(AuditEntry.entity_id == case_id))]
    assert actions[-3:] == ["archive.document_scanned", "archive.document_rescanned", "archive.document_deleted"]


def test_cancel_and_jam_midway_keep_every_page_scanned_before(
    qtbot: Any, ctx: Any, login: Any, kb: Any, sane_reset: None
) -> None:
    driver = HookedSane()
    tab = _tab(qtbot, ctx, login, driver)
    desk, scan, services = tab.desk, tab.desk.scan, ctx.services
    save_profile(ctx.paths.scan_profiles, A4_FEEDER)
    desk.reload_profiles("A4 feeder test")
    scan.select_device("test:0")
    case_id = _pick(qtbot, tab, 2)
    before = len(services.archive.list_documents(ctx.actor, case_id))

    # cancel: the scanner holds the third sheet until the operator pressed Cancel
    gate = threading.Event()

    def hold_after_two(number: int, _device: Any) -> None:
        if number == 2:
            gate.wait(20)

    driver.after_page = hold_after_two
    arrived: list[int] = []
    scan.page_added.connect(arrived.append)
    scan.scan_button.click()
    qtbot.waitUntil(lambda: len(arrived) == 2, timeout=30_000)
    with qtbot.waitSignal(scan.scan_finished, timeout=30_000) as finished:
        scan.cancel_button.click()
        gate.set()
    assert finished.args == [2, True]
    qtbot.waitUntil(lambda: not scan.is_busy())
    assert "لغو" in scan.status_label.text() and scan.pages_model.rowCount() == 2
    scan.set_document_type("deed")
    _save(qtbot, tab)

    # a jam in the real backend after the second sheet: both pages are on disk and go into the case
    def jam_after_two(number: int, device: Any) -> None:
        if number == 2:
            device.read_return_value = "SANE_STATUS_JAMMED"

    driver.after_page = jam_after_two
    arrived.clear()
    with qtbot.waitSignal(scan.scan_failed, timeout=30_000) as failed:
        scan.scan_button.click()
    assert failed.args == ["scanner.paper_jam"]
    qtbot.waitUntil(lambda: not scan.is_busy())
    assert "کاغذ در دستگاه گیر کرده" in scan.status_label.text()
    assert arrived == [1, 2] and scan.pages_model.rowCount() == 2
    unfinished = list_unfinished(ctx.paths.scans_in_progress)
    assert len(unfinished) == 1 and unfinished[0].status == INTERRUPTED and unfinished[0].page_count == 2
    scan.set_document_type("national_card")
    _save(qtbot, tab)
    kb.wait_idle()
    docs = services.archive.list_documents(ctx.actor, case_id)
    assert len(docs) == before + 2
    assert sorted((d.archive_type, d.pages) for d in docs[-2:]) == [("deed", 2), ("national_card", 2)]
    assert list_unfinished(ctx.paths.scans_in_progress) == []
