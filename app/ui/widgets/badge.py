"""A small coloured label for a case's state: open, overdue, done or cancelled at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

_COLOURS = {
    "open": ("#e3effa", "#0b4f8a"),
    "overdue": ("#fde8e8", "#b71c1c"),
    "done": ("#e6f4ea", "#1b5e20"),
    "cancelled": ("#eceff1", "#455a64"),
}


class StateBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "badge")
        self.kind = "open"

    def set_state(self, title: str, kind: str = "open") -> None:
        """``kind``: open | overdue | done | cancelled."""
        self.kind = kind if kind in _COLOURS else "open"
        background, foreground = _COLOURS[self.kind]
        self.setText(title)
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; border-radius: 8px; padding: 2px 10px;"
            " font-weight: bold; }"
        )
