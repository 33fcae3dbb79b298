"""A form whose refusals appear next to their fields: the liaison, consultation and technical-manager tabs share it.

``FieldForm.row(field, label, widget)`` adds a row and a red line under it; ``show_error(error)`` puts each field's
sentence (a ``ValidationError`` names the field, or several in ``errors``) under that field, the rest at the bottom.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from app.domain.errors import DomainError, ValidationError
from app.ui.units.followup.widgets import MessageLabel


class FieldForm(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.labels: dict[str, MessageLabel] = {}
        self.message = MessageLabel(self)

    def row(self, field: str, label: str, widget: QWidget) -> QWidget:
        self.form.addRow(label, widget)
        if field:
            message = MessageLabel(self)
            self.form.addRow("", message)
            self.labels[field] = message
        return widget

    def finish(self, *widgets: QWidget) -> None:
        """The bottom line (general message) and the form's buttons."""
        self.form.addRow("", self.message)
        for w in widgets:
            self.form.addRow("", w)

    def clear_messages(self) -> None:
        for label in self.labels.values():
            label.clear_message()
        self.message.clear_message()

    def show_error(self, error: BaseException) -> None:
        self.clear_messages()
        errors = error.params.get("errors") if isinstance(error, DomainError) else None
        if isinstance(error, ValidationError) and isinstance(errors, dict) and errors:
            for field, code in errors.items():
                self.labels.get(field, self.message).show_error(DomainError(code))
            return
        field = getattr(error, "field", None)
        self.labels.get(field or "", self.message).show_error(error)

    def show_text(self, text: str) -> None:
        self.clear_messages()
        self.message.show_text(text)

    def message_of(self, field: str) -> str:
        label = self.labels[field]
        return label.text() if label.isVisibleTo(self) else ""
