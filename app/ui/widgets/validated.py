"""Line edits for Iranian identifiers that check as the clerk types and say what is wrong beside the field.

Each edit is a left-to-right island (digits and dashes keep their order inside a right-to-left form), accepts Persian,
Arabic and Latin digits, and never hands an invalid value on: ``value()`` returns the normalised form or raises the
domain's ``ValidationError``. The message label (``edit.message_label``) is placed beside the field by
``FieldWithMessage``; it stays quiet while a value is still being typed and speaks as soon as the value is complete
or the clerk leaves the field.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.domain import identifiers
from app.domain.errors import ValidationError
from app.domain.text import digits_to_ascii, only_digits
from app.ui.messages import message_for

_DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"


class ValidatedLineEdit(QLineEdit):
    """Base: subclasses implement ``normalize(text) -> str`` raising ``ValidationError`` and say when text is complete."""

    validity_changed = Signal(bool)
    allowed_chars = f"[{_DIGITS}]"
    max_chars = 32
    placeholder = ""

    def __init__(self, parent: QWidget | None = None, *, required: bool = True) -> None:
        super().__init__(parent)
        self.required = required
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(self.max_chars)
        pattern = QRegularExpression(f"^{self.allowed_chars}*$")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        if self.placeholder:
            self.setPlaceholderText(self.placeholder)
        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "fieldMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self._valid = False
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self.validate)

    # -- subclass hooks ------------------------------------------------------------------------------------------------

    def normalize(self, text: str) -> str:
        raise NotImplementedError

    def is_complete(self, text: str) -> bool:
        """True when the clerk has typed as much as a value can have: check it now, do not wait for focus-out."""
        return False

    def warning(self, value: str) -> str | None:
        """An error code that warns without refusing (an unusual postal code)."""
        return None

    # -- behaviour -----------------------------------------------------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        if self.is_complete(text):
            self.validate()
        else:
            self._set_state(self._quiet_check(text), None)

    def _quiet_check(self, text: str) -> bool:
        try:
            self.normalize(text)
        except (ValidationError, ValueError):
            return False
        return True

    def validate(self) -> bool:
        """Check now and show the message (if any); returns whether the value may be used."""
        text = self.text()
        if not text.strip():
            if self.required:
                self._set_state(False, None)
                return False
            self._set_state(True, None)
            return True
        try:
            value = self.normalize(text)
        except ValidationError as exc:
            self._set_state(False, message_for(exc.code))
            return False
        except ValueError as exc:
            self._set_state(False, message_for(str(exc)))
            return False
        warning = self.warning(value)
        self._set_state(True, message_for(warning) if warning else None, warning=bool(warning))
        return True

    def validate_for_submit(self) -> bool:
        """Like ``validate`` but an empty required field says so too (the form is being submitted)."""
        if not self.text().strip() and self.required:
            self._set_state(False, message_for("field.required"))
            return False
        return self.validate()

    def _set_state(self, valid: bool, message: str | None, *, warning: bool = False) -> None:
        self.setProperty("invalid", bool(message) and not warning)
        self.style().unpolish(self)
        self.style().polish(self)
        if message:
            self.message_label.setProperty("role", "fieldWarning" if warning else "fieldMessage")
            self.message_label.style().unpolish(self.message_label)
            self.message_label.style().polish(self.message_label)
            self.message_label.setText(message)
            self.message_label.show()
        else:
            self.message_label.clear()
            self.message_label.hide()
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def is_valid(self) -> bool:
        return self._quiet_check(self.text()) if self.text().strip() else not self.required

    def value(self) -> str:
        """The normalised value; raises ``ValidationError`` (empty optional fields give "")."""
        if not self.text().strip() and not self.required:
            return ""
        return self.normalize(self.text())

    def clear_value(self) -> None:
        self.clear()
        self._set_state(False, None)


class NationalIdEdit(ValidatedLineEdit):
    max_chars = 12
    placeholder = "0012345678"

    def normalize(self, text: str) -> str:
        return identifiers.normalize_national_id(text)

    def is_complete(self, text: str) -> bool:
        return len(only_digits(text)) >= 10


class LegalIdEdit(ValidatedLineEdit):
    max_chars = 13
    placeholder = "10380284790"

    def normalize(self, text: str) -> str:
        return identifiers.normalize_legal_id(text)

    def is_complete(self, text: str) -> bool:
        return len(only_digits(text)) >= 11


class PostalCodeEdit(ValidatedLineEdit):
    allowed_chars = f"[{_DIGITS}\\- ]"
    max_chars = 12
    placeholder = "1234567890"

    def normalize(self, text: str) -> str:
        return identifiers.normalize_postal_code(text)

    def is_complete(self, text: str) -> bool:
        return len(only_digits(text)) >= 10

    def warning(self, value: str) -> str | None:
        return identifiers.postal_code_warning(value)


class MobileEdit(ValidatedLineEdit):
    allowed_chars = f"[{_DIGITS}+\\- ]"
    max_chars = 16
    placeholder = "09121234567"

    def normalize(self, text: str) -> str:
        return identifiers.normalize_mobile(text)

    def is_complete(self, text: str) -> bool:
        digits = only_digits(text).lstrip("+")
        return len(digits) >= 11 or (digits.startswith("9") and len(digits) >= 10 and not digits.startswith("98"))


class RenovationCodeEdit(ValidatedLineEdit):
    """Seven parts, typed with dashes (or spaces, slashes): ``1-4-76-10-1-2-0``; at least the first four."""

    allowed_chars = f"[{_DIGITS}\\- /]"
    max_chars = 40
    placeholder = "1-4-76-10-0-0-0"

    def normalize(self, text: str) -> str:
        return str(identifiers.RenovationCode.parse(text))

    def is_complete(self, text: str) -> bool:
        return len([p for p in text.replace("/", "-").replace(" ", "-").split("-") if p]) >= 7


class DigitsEdit(ValidatedLineEdit):
    """A whole number (registry section, plate parts): digits only, optional unless ``required``."""

    max_chars = 10

    def normalize(self, text: str) -> str:
        digits = only_digits(text)
        if not digits.isdigit():
            raise ValidationError("registry_plate.invalid", field="registry_plate")
        return str(int(digits))


class AreaEdit(ValidatedLineEdit):
    """Square metres, decimals allowed (``182.5`` or ``۱۸۲٫۵``); positive and below a sane maximum."""

    allowed_chars = f"[{_DIGITS}.\u066b/]"
    max_chars = 12

    def normalize(self, text: str) -> str:
        cleaned = digits_to_ascii(text.strip()).replace("\u066b", ".").replace("/", ".")
        try:
            value = float(cleaned)
        except ValueError:
            raise ValidationError("deed_area.invalid", field="deed_area_m2") from None
        if not 0 < value < 10_000_000:
            raise ValidationError("deed_area.invalid", field="deed_area_m2")
        return f"{value:g}"


class FieldWithMessage(QWidget):
    """The edit and, beside it, its message: what a form puts in a row."""

    def __init__(self, edit: ValidatedLineEdit, parent: QWidget | None = None, *, edit_width: int = 190) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        edit.setParent(self)
        edit.setFixedWidth(edit_width)
        layout.addWidget(edit)
        edit.message_label.setParent(self)
        edit.message_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(edit.message_label, 1)
        self.edit = edit
        self.setFocusProxy(edit)
