"""SANE's own ``test`` device through the real library, enabled by the project's SANE folder (resources/sane).

The A3 batch runs the command line in a child process (a fresh SANE init, as on a workstation); the jam, cancel and
error cases run in this process through the same driver. The jam is the backend's own: its ``read-return-value``
option makes sane_read() return SANE_STATUS_JAMMED, so the error text comes from the real library.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from app.paths import PROJECT_ROOT
from app.scanner import base
from app.scanner.base import CancelToken, ScannedPage, ScannerError
from app.scanner.batch import INTERRUPTED, STOPPED, ScanSession, list_unfinished
from app.scanner.pipeline import scan_into_session
from app.scanner.profiles import Profile
from app.scanner.sane_driver import PROJECT_SANE_CONFIG, SaneDriver

pytestmark = pytest.mark.sane

A4_FEEDER = Profile("A4 feeder", paper="a4", dpi=150, mode="gray", source="feeder", blank_threshold=0.0)


@pytest.fixture
def sane_driver(sane_available: bool) -> SaneDriver:
    return SaneDriver(config_dir=PROJECT_SANE_CONFIG)


@pytest.fixture(autouse=True)
def _reset_test_device(sane_available: bool) -> Any:
    """The test backend keeps option values for the life of the process, across close and open: put back the
    read status a test changed, so the next test gets a working device."""
    yield
    import sane

    from app.scanner.sane_driver import ensure_sane

    ensure_sane(PROJECT_SANE_CONFIG)
    device = sane.open("test:0")
    try:
        device.cancel()
        device.read_return_value = "Default"
    finally:
        device.close()


class _Opened:
    """Keeps the real device objects the driver opens, so a test can set the backend's own options on them."""

    def __init__(self) -> None:
        self.devices: list[Any] = []

    def __call__(self, name: str) -> Any:
        import sane

        device = sane.open(name)
        self.devices.append(device)
        return device


def test_project_sane_config_lists_the_test_device_with_a3(sane_driver: SaneDriver) -> None:
    devices = sane_driver.list_devices()
    assert "test:0" in [d.id for d in devices]
    caps = sane_driver.capabilities("test:0")
    assert caps.feeder and caps.flatbed
    assert caps.max_paper == "a3"  # geometry_max 450 in resources/sane/test.conf
    assert 300 in caps.resolutions
    assert set(caps.colour_modes) == {"lineart", "gray", "color"}


def test_a3_grey_feeder_batch_to_an_a3_300_dpi_pdf(sane_available: bool, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    env = {**os.environ, "ECITY_DATA_DIR": str(tmp_path / "data")}
    cmd = [
        sys.executable, "-m", "app.scanner.cli", "scan",
        "--device", "test:0", "--profile", "A3 plan sheet", "--source", "feeder", "--max-pages", "3",
        "--out", str(out), "--sane-config", str(PROJECT_SANE_CONFIG),
        "--document-type", "plan_sheet", "--tracking", "1403-0101-000077", "--operator", "archive1",
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "3 page(s), 300 dpi" in done.stdout
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 3
        for page in pdf.pages:
            width_pt, height_pt = float(page.mediabox[2]), float(page.mediabox[3])
            assert width_pt / 72 * 25.4 == pytest.approx(297.0, abs=0.5)
            assert height_pt / 72 * 25.4 == pytest.approx(420.0, abs=0.5)
        assert str(pdf.docinfo["/EcityTrackingNumber"]) == "1403-0101-000077"
        assert str(pdf.docinfo["/EcityScanner"]) == "test:0"
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert len(rows) == 3
    for row in rows:
        assert (row[3], row[4]) == ("3507", "4960")  # A3 at 300 dpi
        assert row[5] == "gray" and row[8] == "jpeg"
        assert (row[12], row[13]) == ("300", "300")
    # the session was archived, so nothing is left to recover
    assert list_unfinished(tmp_path / "data" / "scans-in-progress") == []


def test_jam_midway_keeps_every_page_scanned_before(sane_available: bool, tmp_path: Path) -> None:
    opened = _Opened()
    driver = SaneDriver(config_dir=PROJECT_SANE_CONFIG, open_device=opened)
    session = ScanSession.create(tmp_path, device_id="test:0", profile=A4_FEEDER)
    arrived: list[int] = []

    def on_event(event: Any) -> None:
        arrived.append(event.record.number)
        if event.record.number == 2:
            # the sheet after this one jams inside the (real) backend
            opened.devices[0].read_return_value = "SANE_STATUS_JAMMED"

    with pytest.raises(ScannerError) as error:
        scan_into_session(driver, "test:0", A4_FEEDER, session, CancelToken(), on_event=on_event)
    assert error.value.code == base.PAPER_JAM
    assert error.value.params["detail"] == "Document feeder jammed"
    assert error.value.params["pages_done"] == 2
    recovered = list_unfinished(tmp_path)
    assert len(recovered) == 1 and recovered[0].status == INTERRUPTED and recovered[0].page_count == 2
    reopened = ScanSession.open(session.folder)
    assert [r.number for r in reopened.pages()] == arrived == [1, 2]
    for record in reopened.pages():
        image = reopened.image(record)
        assert _near(image.size, (1240, 1754)) and image.mode == "L"  # A4 at 150 dpi, as scanned


def test_cancel_midway_keeps_the_pages_so_far(sane_driver: SaneDriver, tmp_path: Path) -> None:
    session = ScanSession.create(tmp_path, device_id="test:0", profile=A4_FEEDER)
    cancel = CancelToken()

    def on_event(event: Any) -> None:
        if event.record.number == 3:
            cancel.cancel()

    result = scan_into_session(sane_driver, "test:0", A4_FEEDER, session, cancel, on_event=on_event)
    assert result.cancelled and result.pages == 3
    reopened = ScanSession.open(session.folder)
    assert reopened.status == STOPPED
    assert [r.number for r in reopened.pages()] == [1, 2, 3]
    assert all((session.folder / r.file).stat().st_size > 1_000_000 for r in reopened.pages())


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("SANE_STATUS_COVER_OPEN", base.COVER_OPEN),
        ("SANE_STATUS_DEVICE_BUSY", base.BUSY),
        ("SANE_STATUS_IO_ERROR", base.IO_ERROR),
        ("SANE_STATUS_NO_DOCS", base.NO_PAPER),
    ],
)
def test_backend_status_maps_to_codes(sane_available: bool, status: str, code: str) -> None:
    opened = _Opened()

    def failing(name: str) -> Any:
        device = opened(name)
        device.read_return_value = status
        return device

    driver = SaneDriver(config_dir=PROJECT_SANE_CONFIG, open_device=failing)
    with pytest.raises(ScannerError) as error:
        driver.scan("test:0", A4_FEEDER, lambda page: None, CancelToken())
    assert error.value.code == code
    assert error.value.params["pages_done"] == 0


def test_backend_cancel_status_ends_as_cancelled(sane_available: bool) -> None:
    def cancelling(name: str) -> Any:
        device = _Opened()(name)
        device.read_return_value = "SANE_STATUS_CANCELLED"
        return device

    driver = SaneDriver(config_dir=PROJECT_SANE_CONFIG, open_device=cancelling)
    result = driver.scan("test:0", A4_FEEDER, lambda page: None, CancelToken())
    assert result.cancelled and result.pages == 0


def test_unknown_device_and_flatbed_modes(sane_driver: SaneDriver) -> None:
    with pytest.raises(ScannerError) as error:
        sane_driver.scan("nosuch:0", A4_FEEDER, lambda page: None, CancelToken())
    assert error.value.code == base.NO_DEVICE
    pages: list[ScannedPage] = []
    lineart = Profile("bw", paper="a4", dpi=100, mode="lineart", source="flatbed")
    colour = Profile("card", paper="id_card", dpi=300, mode="color", source="flatbed")
    assert sane_driver.scan("test:0", lineart, pages.append, CancelToken()).pages == 1
    assert sane_driver.scan("test:0", colour, pages.append, CancelToken()).pages == 1
    assert pages[0].image.mode == "1" and _near(pages[0].image.size, (827, 1169))  # A4 at 100 dpi
    assert pages[1].image.mode == "RGB" and _near(pages[1].image.size, (1011, 638))  # ID-1 card at 300 dpi


def _near(size: tuple[int, int], expected: tuple[int, int]) -> bool:
    return abs(size[0] - expected[0]) <= 6 and abs(size[1] - expected[1]) <= 6  # the test backend rounds to 1 mm


def test_cli_lists_devices_and_profiles(sane_available: bool, tmp_path: Path) -> None:
    env = {**os.environ, "ECITY_DATA_DIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "app.scanner.cli", "scan", "--list", "--sane-config", str(PROJECT_SANE_CONFIG)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=60, check=True)
    assert "[sane] test:0" in done.stdout
    assert "A3 plan sheet\ta3 300 dpi gray" in done.stdout


def test_cli_reports_a_jam_in_persian_and_keeps_the_session(sane_available: bool, tmp_path: Path) -> None:
    env = {**os.environ, "ECITY_DATA_DIR": str(tmp_path)}
    cmd = [
        sys.executable, "-m", "app.scanner.cli", "scan", "--device", "nosuch:0", "--profile", "A4 deed",
        "--out", str(tmp_path / "x.pdf"), "--sane-config", str(PROJECT_SANE_CONFIG),
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=60, check=False)
    assert done.returncode == 3
    assert "scanner.no_device" in done.stderr and "اسکنر پیدا نشد" in done.stderr
    assert not (tmp_path / "x.pdf").exists()
