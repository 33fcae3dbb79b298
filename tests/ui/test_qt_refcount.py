"""PySide6 6.12.0 leaks a reference to None on every void call; on Python 3.11 a long session then aborts."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_consume_references_to_none(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        widget.setMinimumWidth(10)
    assert sys.getrefcount(None) - before > -1_000
