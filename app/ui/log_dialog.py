"""'Show log': the last lines of the program's log from the ring buffer, for the technical manager on the phone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from app.logging_setup import ring_buffer


class LogDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Program log"))
        self.resize(900, 500)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ring = ring_buffer()
        self.text.setPlainText("\n".join(ring.lines()) if ring else self.tr("Logging is not configured."))
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)
