"""A backend whose cancel never returns must not freeze the scanning worker."""

from __future__ import annotations

import threading
import time

from app.scanner.sane_driver import _cancel_within


class _StuckDevice:
    def __init__(self) -> None:
        self.release = threading.Event()
        self.closed = False

    def cancel(self) -> None:
        self.release.wait(10)


class _GoodDevice:
    cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


def test_a_stuck_cancel_returns_after_the_time_limit() -> None:
    device = _StuckDevice()
    started = time.monotonic()
    assert _cancel_within(device, 0.2) is False
    assert time.monotonic() - started < 2
    device.release.set()


def test_a_normal_cancel_reports_done() -> None:
    device = _GoodDevice()
    assert _cancel_within(device, 5) is True
    assert device.cancelled
