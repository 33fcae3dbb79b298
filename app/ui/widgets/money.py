"""An amount in integer rials: typed with any digits and separators, shown grouped, with tomans beside it."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.domain.errors import ValidationError
from app.domain.money import format_tomans, group_digits, parse_rials
from app.domain.text import to_persian_digits


class MoneyEdit(QLineEdit):
    value_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        pattern = QRegularExpression("^[0-9\u06f0-\u06f9\u0660-\u0669,\u066c\u060c ]*$")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "hint")
        self.message_label.hide()
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._regroup)

    def value(self) -> int:
        """Integer rials; raises ``ValidationError("money.format")`` when empty or not a number."""
        return parse_rials(self.text())

    def set_value(self, rials: int) -> None:
        self.setText(to_persian_digits(group_digits(int(rials))))
        self._show_tomans()

    def _on_edited(self, _text: str) -> None:
        self._show_tomans()

    def _regroup(self) -> None:
        with contextlib.suppress(ValidationError):
            self.set_value(self.value())

    def _show_tomans(self) -> None:
        try:
            rials = self.value()
        except ValidationError:
            self.message_label.hide()
            return
        self.message_label.setText(format_tomans(rials))
        self.message_label.show()
        self.value_changed.emit(rials)
