"""The measured-input panel: one row per side of the parcel (length, turn, corner angle) as taped on site."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.domain.text import digits_to_ascii, to_persian_digits
from app.maps.geometry import Leg
from app.ui.map.format import fa_number

MAX_ROWS = 80  # a hand-taped parcel has a handful of sides; a digitised 1000-vertex outline gets no table


def parse_number(text: str) -> float | None:
    """Accepts Persian or Latin digits and either decimal separator; blank means "not measured"."""
    clean = digits_to_ascii(text.strip()).replace("٫", ".").replace("/", ".").replace(",", ".")
    if not clean:
        return None
    try:
        value = float(clean)
    except ValueError:
        return None
    return value if value >= 0 else None


class MeasurePanel(QWidget):
    applied = Signal(list, list, list)  # lengths, turns, angles (None where not typed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(2)
        self.lengthEdits: list[QLineEdit] = []
        self.turnCombos: list[QComboBox] = []
        self.angleEdits: list[QLineEdit] = []
        self._rows = -1
        self._note = QLabel(self)

    def setSides(self, drawn: list[float], turns: list[str], legs: tuple[Leg, ...]) -> None:
        """Rebuild (when the number of sides changed) and fill the rows from the sketch."""
        n = len(drawn)
        if n != self._rows:
            self._rebuild(n)
        if n > MAX_ROWS:
            return
        for i in range(n):
            edit, combo, angle = self.lengthEdits[i], self.turnCombos[i], self.angleEdits[i]
            for w in (edit, combo, angle):
                w.blockSignals(True)
            edit.setPlaceholderText(fa_number(drawn[i], 2))
            leg = legs[i] if i < len(legs) else None
            edit.setText(to_persian_digits(f"{leg.length_m:g}") if leg else "")
            combo.setCurrentIndex(1 if (leg.turn if leg else turns[i]) == "left" else 0)
            angle.setText(to_persian_digits(f"{leg.angle_deg:g}") if leg and leg.angle_deg is not None else "")
            for w in (edit, combo, angle):
                w.blockSignals(False)

    def _rebuild(self, n: int) -> None:
        while self._grid.count():
            w = self._grid.takeAt(0).widget()
            if w is not None and w is not self._note:
                w.deleteLater()
        self.lengthEdits, self.turnCombos, self.angleEdits = [], [], []
        self._rows = n
        if n == 0 or n > MAX_ROWS:
            self._note.setText(
                self.tr("نخست مرز قطعه را رسم کنید.") if n == 0 else self.tr("تعداد اضلاع برای ورود دستی زیاد است.")
            )
            self._note.setWordWrap(True)
            self._grid.addWidget(self._note, 0, 0, 1, 4)
            self._note.show()
            return
        self._note.hide()
        for col, text in enumerate((self.tr("ضلع"), self.tr("طول (متر)"), self.tr("گردش"), self.tr("زاویه"))):
            head = QLabel(text, self)
            head.setStyleSheet("color: #555; font-weight: bold")
            self._grid.addWidget(head, 0, col)
        for i in range(n):
            label = QLabel(to_persian_digits(i + 1), self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            edit = QLineEdit(self)
            edit.setObjectName(f"sideLength{i}")
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(90)
            edit.editingFinished.connect(self._emit)
            combo = QComboBox(self)
            combo.addItems([self.tr("راست"), self.tr("چپ")])
            combo.setEnabled(i > 0)
            combo.currentIndexChanged.connect(self._emit)
            angle = QLineEdit(self)
            angle.setObjectName(f"sideAngle{i}")
            angle.setPlaceholderText(to_persian_digits(90) if i > 0 else "")
            angle.setEnabled(i > 0)
            angle.setMaximumWidth(60)
            angle.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            angle.editingFinished.connect(self._emit)
            self._grid.addWidget(label, i + 1, 0)
            self._grid.addWidget(edit, i + 1, 1)
            self._grid.addWidget(combo, i + 1, 2)
            self._grid.addWidget(angle, i + 1, 3)
            self.lengthEdits.append(edit)
            self.turnCombos.append(combo)
            self.angleEdits.append(angle)
        self._grid.setRowStretch(n + 1, 1)  # rows stay together at the top

    def values(self) -> tuple[list[float | None], list[str | None], list[float | None]]:
        lengths = [parse_number(e.text()) for e in self.lengthEdits]
        turns: list[str | None] = [("left" if c.currentIndex() == 1 else "right") for c in self.turnCombos]
        angles = [parse_number(e.text()) for e in self.angleEdits]
        return lengths, turns, angles

    def _emit(self) -> None:
        lengths, turns, angles = self.values()
        if any(v is not None for v in lengths) or any(v is not None for v in angles):
            self.applied.emit(lengths, turns, angles)
