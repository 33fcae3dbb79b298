"""The TWAIN driver's real code path, driven through a stand-in for pytwain (which runs only on Windows)."""

from __future__ import annotations

from pathlib import Path

import fake_twain
import pytest
from fake_twain import FakeDevice

from app.scanner import base
from app.scanner.base import CancelToken, ScannedPage, ScannerError
from app.scanner.batch import ScanSession
from app.scanner.pipeline import scan_into_session
from app.scanner.profiles import Profile
from app.scanner.twain_driver import TwainDriver, load_twain

A3_GREY = Profile("A3 test", paper="a3", dpi=100, mode="gray", source="feeder", blank_threshold=0.0)


def test_lists_sources_and_reports_a3_feeder_capabilities() -> None:
    driver = TwainDriver(fake_twain.make_module(FakeDevice("Avision AD340"), FakeDevice("Canon A4", a3=False)))
    assert [d.id for d in driver.list_devices()] == ["Avision AD340", "Canon A4"]
    caps = driver.capabilities("Avision AD340")
    assert caps.feeder and caps.max_paper == "a3"
    assert caps.resolutions == (100, 150, 200, 300, 600)
    assert caps.colour_modes == ("lineart", "gray", "color")
    assert driver.capabilities("Canon A4").max_paper == "a4"


def test_scans_a3_grey_batch_setting_capabilities_the_pytwain_way() -> None:
    device = FakeDevice("Avision AD340", pages=3)
    tw = fake_twain.make_module(device)
    pages: list[ScannedPage] = []
    result = TwainDriver(tw).scan("Avision AD340", A3_GREY, pages.append, CancelToken())
    assert result.pages == 3 and not result.cancelled
    assert [p.number for p in pages] == [1, 2, 3]
    assert all(p.image.mode == "L" and p.dpi == 100 for p in pages)
    assert pages[0].image.size == (1169, 1654)  # A3 at 100 dpi
    caps_set = {(cap, value) for cap, _type, value in device.set_calls}
    assert (tw.ICAP_PIXELTYPE, tw.TWPT_GRAY) in caps_set
    assert (tw.ICAP_XRESOLUTION, 100.0) in caps_set and (tw.ICAP_YRESOLUTION, 100.0) in caps_set
    assert (tw.ICAP_SUPPORTEDSIZES, tw.TWSS_A3) in caps_set
    assert (tw.CAP_FEEDERENABLED, True) in caps_set
    assert device.acquired and device.closed


def test_lineart_profile_gives_one_bit_pages() -> None:
    tw = fake_twain.make_module(FakeDevice("S", pages=1))
    pages: list[ScannedPage] = []
    profile = Profile("bw", paper="a4", dpi=100, mode="lineart", source="feeder")
    TwainDriver(tw).scan("S", profile, pages.append, CancelToken())
    assert pages[0].image.mode == "1" and pages[0].mode == "lineart"


def test_a3_on_an_a4_scanner_is_refused_before_scanning() -> None:
    device = FakeDevice("Canon A4", a3=False)
    with pytest.raises(ScannerError) as error:
        TwainDriver(fake_twain.make_module(device)).scan("Canon A4", A3_GREY, lambda p: None, CancelToken())
    assert error.value.code == base.UNSUPPORTED
    assert not device.acquired


def test_paper_jam_keeps_every_page_before_it(tmp_path: Path) -> None:
    device = FakeDevice("S", pages=5, fail_at=3, failure=fake_twain.PaperJam)
    session = ScanSession.create(tmp_path, device_id="S", profile=A3_GREY)
    with pytest.raises(ScannerError) as error:
        scan_into_session(TwainDriver(fake_twain.make_module(device)), "S", A3_GREY, session, CancelToken())
    assert error.value.code == base.PAPER_JAM
    assert error.value.params["pages_done"] == 2
    reopened = ScanSession.open(session.folder)
    assert [r.number for r in reopened.pages()] == [1, 2]
    assert reopened.status == "interrupted" and reopened.error_code == base.PAPER_JAM
    assert all((session.folder / r.file).is_file() for r in reopened.pages())
    assert device.closed


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        (fake_twain.CheckDeviceOnlineError, base.COVER_OPEN),
        (fake_twain.PaperDoubleFeedError, base.DOUBLE_FEED),
        (fake_twain.SequenceError, base.IO_ERROR),
    ],
)
def test_device_errors_map_to_codes(failure: type[Exception], code: str) -> None:
    device = FakeDevice("S", pages=3, fail_at=1, failure=failure)
    with pytest.raises(ScannerError) as error:
        TwainDriver(fake_twain.make_module(device)).scan("S", A3_GREY, lambda p: None, CancelToken())
    assert error.value.code == code


def test_cover_open_on_open_source() -> None:
    device = FakeDevice("S", fail_on_open=fake_twain.CheckDeviceOnlineError)
    with pytest.raises(ScannerError) as error:
        TwainDriver(fake_twain.make_module(device)).scan("S", A3_GREY, lambda p: None, CancelToken())
    assert error.value.code == base.COVER_OPEN


def test_no_device() -> None:
    driver = TwainDriver(fake_twain.make_module())
    with pytest.raises(ScannerError) as error:
        driver.list_devices()
    assert error.value.code == base.NO_DEVICE
    with pytest.raises(ScannerError) as error:
        driver.scan("missing", A3_GREY, lambda p: None, CancelToken())
    assert error.value.code == base.NO_DEVICE


def test_empty_feeder_is_no_paper() -> None:
    device = FakeDevice("S", feeder_loaded=False)
    with pytest.raises(ScannerError) as error:
        TwainDriver(fake_twain.make_module(device)).scan("S", A3_GREY, lambda p: None, CancelToken())
    assert error.value.code == base.NO_PAPER
    assert not device.acquired


def test_transfer_cancelled_at_the_device_ends_the_batch_with_pages_kept() -> None:
    device = FakeDevice("S", pages=4, fail_at=3, failure=fake_twain.DSTransferCancelled)
    pages: list[ScannedPage] = []
    result = TwainDriver(fake_twain.make_module(device)).scan("S", A3_GREY, pages.append, CancelToken())
    assert result.cancelled and result.pages == 2 and len(pages) == 2


def test_operator_cancel_between_pages() -> None:
    device = FakeDevice("S", pages=5)
    cancel = CancelToken()
    pages: list[ScannedPage] = []

    def on_page(page: ScannedPage) -> None:
        pages.append(page)
        if page.number == 2:
            cancel.cancel()

    result = TwainDriver(fake_twain.make_module(device)).scan("S", A3_GREY, on_page, cancel)
    assert result.cancelled and result.pages == 2 and [p.number for p in pages] == [1, 2]
    assert device.closed


def test_real_pytwain_is_only_loaded_on_windows() -> None:
    import sys

    if sys.platform == "win32":
        pytest.skip("this checks the non-Windows refusal")
    with pytest.raises(ScannerError) as error:
        load_twain()
    assert error.value.code == base.DRIVER_MISSING
