"""A USB barcode reader is a keyboard that types very fast: recognise its bursts anywhere in the application.

An application-wide event filter watches key presses. Digits (Latin, Persian or Arabic: the reader types through the
active keyboard layout) that arrive less than ``max_gap_ms`` apart form a burst; Enter ending a burst that is a valid
tracking number emits ``scanned``. People never type that fast, so normal typing is untouched: the listener never
eats a digit, only the Enter that ends a recognised scan, and it removes the scanned digits from a line edit that
had the focus so the field keeps what the clerk typed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.domain.text import digits_to_ascii
from app.domain.tracking import LENGTH, is_valid_tracking_number

Clock = Callable[[], float]


class BarcodeListener(QObject):
    scanned = Signal(str)  # the tracking number, ASCII digits

    def __init__(self, parent: QObject | None = None, *, max_gap_ms: int = 30, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.max_gap = max_gap_ms / 1000.0
        self._clock = clock or time.monotonic
        self._burst: list[str] = []
        self._last = 0.0
        self._target: QWidget | None = None

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def reset(self) -> None:
        self._burst = []
        self._target = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        # A key press is offered to the focus widget first, then to its parents if ignored: look at it once.
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus:
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._finish(now)
        text = event.text()
        if len(text) == 1 and text.isdigit() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self._burst and now - self._last > self.max_gap:
                self._burst = []
            if not self._burst:
                self._target = watched
            self._burst.append(digits_to_ascii(text))
            self._last = now
            return False
        if key not in (Qt.Key.Key_Shift, Qt.Key.Key_unknown) or text:
            self._burst = []
        return False

    def _finish(self, now: float) -> bool:
        burst = "".join(self._burst)
        fast = bool(self._burst) and now - self._last <= self.max_gap * 2
        target = self._target
        self.reset()
        if not fast or len(burst) != LENGTH or not is_valid_tracking_number(burst):
            return False
        if isinstance(target, QLineEdit):
            text = digits_to_ascii(target.text())
            if text.endswith(burst):
                target.setText(target.text()[: len(target.text()) - len(burst)])
        self.scanned.emit(burst)
        return True  # the Enter belonged to the reader, not to the focused field
