"""The scanning panel: scan from SANE's test device into the strip, reorder, rotate, delete, save; cancel midway."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PySide6.QtCore import Qt

from app.scanner import samples
from app.scanner.archive_pdf import read_archive_metadata
from app.scanner.base import BatchResult, CancelToken, ScannedPage
from app.scanner.batch import ScanSession, list_unfinished
from app.scanner.file_driver import FileDriver
from app.scanner.profiles import Profile
from app.scanner.sane_driver import PROJECT_SANE_CONFIG, SaneDriver
from app.ui.scan import ScanWidget

FEEDER = Profile("A4 feeder test", paper="a4", dpi=100, mode="gray", source="feeder", blank_threshold=0.002)


class _Saved:
    def __init__(self) -> None:
        self.calls: list[tuple[bytes, dict[str, Any]]] = []

    def __call__(self, pdf: bytes, metadata: dict[str, Any]) -> None:
        self.calls.append((pdf, metadata))


def _widget(qtbot: Any, drivers: list[Any], tmp_path: Path, saved: _Saved) -> ScanWidget:
    widget = ScanWidget(drivers, [FEEDER], tmp_path / "sessions", saved, operator="archive1")
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def test_scan_edit_and_save(qtbot: Any, tmp_path: Path, sane_available: bool) -> None:
    saved = _Saved()
    widget = _widget(qtbot, [SaneDriver(config_dir=PROJECT_SANE_CONFIG)], tmp_path, saved)
    widget.select_device("test:0")
    widget.set_case("case-9", "1403-0101-000009", "پرونده ۱۴۰۳-۰۱۰۱-۰۰۰۰۰۹")
    widget.set_document_type("previous_permit")
    with qtbot.waitSignal(widget.scan_finished, timeout=30_000) as finished:
        widget.scan_button.click()
    assert finished.args == [10, False]  # the test device's feeder holds ten sheets
    qtbot.waitUntil(lambda: not widget.is_busy())
    assert widget.pages_model.rowCount() == 10
    assert widget.viewer.has_image()

    # drag page 3 to the front, rotate it, delete two pages
    widget.move_page(2, 0)
    assert widget.page_numbers()[:3] == [3, 1, 2]
    widget.pages_view.setCurrentIndex(widget.pages_model.index(0, 0))
    widget.rotate_right_button.click()
    session = widget.session
    assert session is not None
    assert {r.number: r.rotation for r in session.pages()}[3] == 90
    for _ in range(2):
        widget.pages_view.setCurrentIndex(widget.pages_model.index(widget.pages_model.rowCount() - 1, 0))
        widget.delete_button.click()
    assert widget.pages_model.rowCount() == 8
    zoom = widget.viewer.zoom
    widget.zoom_in_button.click()
    assert widget.viewer.zoom > zoom
    widget.grab().save(str(tmp_path / "scan-widget.png"))

    folder = session.folder
    with qtbot.waitSignal(widget.saved, timeout=30_000):
        widget.save_button.click()
    qtbot.waitUntil(lambda: not widget.is_busy())
    assert len(saved.calls) == 1
    pdf, metadata = saved.calls[0]
    assert metadata["document_type"] == "previous_permit" and metadata["pages"] == 8
    assert metadata["tracking_number"] == "1403-0101-000009" and metadata["operator"] == "archive1"
    assert len(metadata["thumbnails"]) == 8
    with pikepdf.open(__import__("io").BytesIO(pdf)) as doc:
        first = doc.pages[0].mediabox
        # page 3 was turned clockwise: the first page is landscape now
        assert float(first[2]) > float(first[3])
        assert len(doc.pages) == 8
    assert read_archive_metadata(pdf)["CaseId"] == "case-9"
    assert not folder.exists() and widget.pages_model.rowCount() == 0


class _GatedDriver:
    """A real file driver whose pages wait at a gate: the test decides when the next sheet may come, so cancelling
    "midway" happens at a known page. Only the timing is controlled; pages and files are real."""

    name = "gated"

    def __init__(self, source: Path) -> None:
        self._inner = FileDriver()
        self._source = source
        self.gate = threading.Event()

    def list_devices(self) -> list[Any]:
        from app.scanner.base import DeviceInfo

        return [DeviceInfo(id=f"file:{self._source}", name="gated", driver=self.name)]

    def capabilities(self, device_id: str) -> Any:
        return self._inner.capabilities(device_id)

    def scan(self, device_id: str, profile: Profile, on_page: Any, cancel: CancelToken, **kw: Any) -> BatchResult:
        def gated(page: ScannedPage) -> None:
            on_page(page)
            self.gate.wait(10)
            self.gate.clear()

        return self._inner.scan(device_id, profile, gated, cancel, **kw)


def test_cancel_midway_keeps_pages_and_blank_pages_arrive_unchecked(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    folder.mkdir()
    samples.text_page("a4", 100, seed=1).save(folder / "p1.png", dpi=(100, 100))
    samples.blank_page("a4", 100).save(folder / "p2.png", dpi=(100, 100))
    for n in (3, 4, 5, 6):
        samples.text_page("a4", 100, seed=n).save(folder / f"p{n}.png", dpi=(100, 100))
    driver = _GatedDriver(folder)
    saved = _Saved()
    widget = _widget(qtbot, [driver], tmp_path, saved)
    arrived: list[int] = []
    widget.page_added.connect(arrived.append)

    widget.scan_button.click()
    qtbot.waitUntil(lambda: len(arrived) == 1)
    driver.gate.set()
    qtbot.waitUntil(lambda: len(arrived) == 2)
    with qtbot.waitSignal(widget.scan_finished, timeout=10_000) as finished:
        widget.cancel_button.click()
        driver.gate.set()
    assert finished.args == [2, True]
    qtbot.waitUntil(lambda: not widget.is_busy())
    assert "لغو" in widget.status_label.text()
    assert widget.pages_model.rowCount() == 2
    blank_item = widget.pages_model.item(1)
    assert blank_item.checkState() == Qt.CheckState.Unchecked
    assert "%" in blank_item.toolTip()
    assert widget.page_numbers() == [1]
    # the two pages are on disk, in a session offered for recovery
    unfinished = list_unfinished(tmp_path / "sessions")
    assert len(unfinished) == 1 and unfinished[0].status == "stopped"
    session = ScanSession.open(unfinished[0].folder)
    assert [r.number for r in session.pages(include_deleted=True)] == [1, 2]
    # the operator keeps the blank page after all
    widget.pages_view.setCurrentIndex(widget.pages_model.index(1, 0))
    widget.keep_button.click()
    assert widget.page_numbers() == [1, 2]


def test_device_error_shows_the_persian_message(qtbot: Any, tmp_path: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    driver = _GatedDriver(bad)
    driver.gate.set()
    widget = _widget(qtbot, [driver], tmp_path, _Saved())
    with qtbot.waitSignal(widget.scan_failed, timeout=10_000) as failed:
        widget.scan_button.click()
    assert failed.args == ["scanner.file_unreadable"]
    qtbot.waitUntil(lambda: not widget.is_busy())
    assert "خوانده نشد" in widget.status_label.text()
    assert widget.pages_model.rowCount() == 0


@pytest.mark.parametrize("rotation", [90])
def test_resume_an_unfinished_session(qtbot: Any, tmp_path: Path, rotation: int) -> None:
    sessions = tmp_path / "sessions"
    session = ScanSession.create(sessions, device_id="test:0", profile=FEEDER)
    for n in (1, 2):
        session.add_page(ScannedPage(n, samples.text_page("a4", 75, seed=n), 75, "gray"))
    session.update_page(2, rotation=rotation)
    widget = _widget(qtbot, [FileDriver()], tmp_path, _Saved())
    widget.resume_session(session.folder)
    assert widget.pages_model.rowCount() == 2 and widget.page_numbers() == [1, 2]
    assert widget.save_button.isEnabled()
