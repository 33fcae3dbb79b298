"""The applicant and property parts of the intake counter.

Each part is keyboard-first: type the ID and press Enter to look it up; when nothing is found the registration fields
open below and Enter in any of them registers. Every field is checked before anything is sent to the services, and a
refusal from the services (a duplicate, a field the services judged wrong) is shown beside the field it names.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import DomainError, ValidationError
from app.domain.text import ltr_isolate, normalize, only_digits
from app.services.dto import PersonInput, PersonView, PropertyInput, PropertyView
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text, message_for
from app.ui.widgets.validated import (
    AreaEdit,
    DigitsEdit,
    FieldWithMessage,
    MobileEdit,
    NationalIdEdit,
    PostalCodeEdit,
    RenovationCodeEdit,
    ValidatedLineEdit,
)

log = logging.getLogger(__name__)


class ApplicantIdEdit(NationalIdEdit):
    """A national ID (10 digits, 8–9 left-padded) or, with 11 digits, a legal entity's national ID."""

    max_chars = 13

    def normalize(self, text: str) -> str:
        from app.domain import identifiers

        if len(only_digits(text)) == 11:
            return identifiers.normalize_legal_id(text)
        return identifiers.normalize_national_id(text)

    def is_complete(self, text: str) -> bool:
        return len(only_digits(text)) >= 11

    def kind(self) -> str:
        return "legal" if len(only_digits(self.text())) == 11 else "natural"


class TextEdit(QLineEdit):
    """A Persian text field with a message label, required unless told otherwise; digits refused in names."""

    def __init__(self, parent: QWidget | None = None, *, required: bool = True, no_digits: bool = False) -> None:
        super().__init__(parent)
        self.required = required
        self.no_digits = no_digits
        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "fieldMessage")
        self.message_label.hide()
        self.textEdited.connect(lambda _t: self.show_message(None))

    def show_message(self, text: str | None) -> None:
        self.setProperty("invalid", bool(text))
        self.style().unpolish(self)
        self.style().polish(self)
        self.message_label.setText(text or "")
        self.message_label.setVisible(bool(text))

    def validate_for_submit(self) -> bool:
        value = normalize(self.text())
        if self.required and not value:
            self.show_message(message_for("field.required"))
            return False
        if self.no_digits and any(ch.isdigit() for ch in value):
            self.show_message(message_for("name.digits"))
            return False
        self.show_message(None)
        return True

    def value(self) -> str:
        return normalize(self.text())

    def message(self) -> str:
        return self.message_label.text() if self.message_label.isVisible() or self.property("invalid") else ""


def _with_message(edit: QLineEdit, parent: QWidget, width: int = 260) -> QWidget:
    """The edit with its message label beside it."""
    if isinstance(edit, ValidatedLineEdit):
        return FieldWithMessage(edit, parent, edit_width=width)
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    edit.setParent(box)
    edit.setFixedWidth(width)
    layout.addWidget(edit)
    label: QLabel = edit.message_label  # type: ignore[attr-defined]
    label.setParent(box)
    layout.addWidget(label, 1)
    box.setFocusProxy(edit)
    return box


def show_field_errors(error: DomainError, fields: Mapping[str, QLineEdit], fallback: QLabel) -> None:
    """Put each refused field's message beside it; what names no known field goes to ``fallback``."""
    errors = error.params.get("errors")
    pairs: dict[str, str] = dict(errors) if isinstance(errors, Mapping) else {}
    field = error.params.get("field")
    if not pairs and isinstance(field, str):
        pairs = {field: error.code}
    shown = False
    for name, code in pairs.items():
        edit = fields.get(name)
        if edit is None:
            continue
        text = message_for(code)
        if hasattr(edit, "show_message"):
            edit.show_message(text)
        else:
            edit._set_state(False, text)  # type: ignore[attr-defined]
        shown = True
    if not shown:
        fallback.setText(error_text(error))
        fallback.show()


class ApplicantSection(QGroupBox):
    """Step 1: the applicant. ``person_ready`` fires with the found or registered person."""

    person_ready = Signal(object)  # PersonView

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("1. Applicant"), parent)
        self.ctx = ctx
        self.person: PersonView | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.id_edit = ApplicantIdEdit(self)
        self.id_edit.setObjectName("applicant-id")
        self.id_edit.setToolTip(self.tr("National ID (10 digits) or legal entity ID (11 digits); Enter looks it up"))
        form.addRow(self.tr("National ID:"), FieldWithMessage(self.id_edit, self, edit_width=200))
        layout.addLayout(form)
        self.found_label = QLabel(self)
        self.found_label.setObjectName("applicant-found")
        self.found_label.setProperty("role", "heading")
        self.found_label.hide()
        layout.addWidget(self.found_label)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.new_box = QWidget(self)
        new_form = QFormLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self.tr("Not registered yet: fill in and press Enter to register."), self.new_box)
        self.hint.setProperty("role", "hint")
        new_form.addRow(self.hint)
        self.first_name = TextEdit(self.new_box, no_digits=True)
        self.last_name = TextEdit(self.new_box, no_digits=True)
        self.father_name = TextEdit(self.new_box, required=False, no_digits=True)
        self.company_name = TextEdit(self.new_box)
        self.mobile = MobileEdit(self.new_box, required=False)
        self.postal_code = PostalCodeEdit(self.new_box, required=False)
        self.address = TextEdit(self.new_box, required=False)
        for name, edit in (
            ("first-name", self.first_name),
            ("last-name", self.last_name),
            ("father-name", self.father_name),
            ("company-name", self.company_name),
            ("mobile", self.mobile),
            ("person-postal-code", self.postal_code),
            ("person-address", self.address),
        ):
            edit.setObjectName(name)
        self._rows: dict[str, QWidget] = {}
        for key, label, edit in (
            ("first_name", self.tr("First name:"), self.first_name),
            ("last_name", self.tr("Last name:"), self.last_name),
            ("father_name", self.tr("Father's name:"), self.father_name),
            ("company_name", self.tr("Company name:"), self.company_name),
            ("mobile", self.tr("Mobile:"), self.mobile),
            ("postal_code", self.tr("Postal code:"), self.postal_code),
            ("address", self.tr("Address:"), self.address),
        ):
            row = _with_message(edit, self.new_box, 200 if key in ("mobile", "postal_code") else 260)
            new_form.addRow(label, row)
            self._rows[key] = row
            edit.returnPressed.connect(self.register)
        self.address.setFixedWidth(420)
        self.new_box.hide()
        layout.addWidget(self.new_box)
        self.id_edit.returnPressed.connect(self.look_up)
        self.id_edit.textEdited.connect(self._id_changed)
        self.setFocusProxy(self.id_edit)

    def fields(self) -> dict[str, QLineEdit]:
        return {
            "national_id": self.id_edit,
            "legal_id": self.id_edit,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "father_name": self.father_name,
            "company_name": self.company_name,
            "mobile": self.mobile,
            "postal_code": self.postal_code,
            "address": self.address,
        }

    def _id_changed(self, _text: str) -> None:
        if self.person is not None or self.new_box.isVisible():
            self.person = None
            self.found_label.hide()
            self.new_box.hide()
        self.error_label.hide()

    def look_up(self) -> None:
        if not self.id_edit.validate_for_submit():
            return
        value = self.id_edit.value()
        self.error_label.hide()
        if self.id_edit.kind() == "legal":
            self.ctx.tasks.read(
                self.ctx.services.intake.find_person_by_legal_id, self.ctx.actor, value,
                on_done=self._looked_up, on_error=self._failed,
            )  # fmt: skip
        else:
            # A look-up by national ID is audited (a personal-data view): it writes, so it queues on the writer.
            self.ctx.tasks.write(
                self.ctx.services.intake.find_person_by_national_id, self.ctx.actor, value,
                on_done=self._looked_up, on_error=self._failed,
            )  # fmt: skip

    def _looked_up(self, person: PersonView | None) -> None:
        if person is not None:
            self._accept(person)
            return
        legal = self.id_edit.kind() == "legal"
        for key in ("first_name", "last_name", "father_name"):
            self._rows[key].setVisible(not legal)
        self._rows["company_name"].setVisible(legal)
        self.new_box.show()
        (self.company_name if legal else self.first_name).setFocus()

    def register(self) -> None:
        legal = self.id_edit.kind() == "legal"
        checks = [self.id_edit.validate_for_submit()]
        if legal:
            checks.append(self.company_name.validate_for_submit())
        else:
            checks += [
                self.first_name.validate_for_submit(),
                self.last_name.validate_for_submit(),
                self.father_name.validate_for_submit(),
            ]
        checks += [
            self.mobile.validate_for_submit(),
            self.postal_code.validate_for_submit(),
            self.address.validate_for_submit(),
        ]
        if not all(checks):
            return
        inp = PersonInput(
            kind="legal" if legal else "natural",
            national_id="" if legal else self.id_edit.value(),
            legal_id=self.id_edit.value() if legal else "",
            first_name="" if legal else self.first_name.value(),
            last_name="" if legal else self.last_name.value(),
            father_name="" if legal else self.father_name.value(),
            company_name=self.company_name.value() if legal else "",
            mobile=self.mobile.value(),
            postal_code=self.postal_code.value(),
            address=self.address.value(),
        )
        self.ctx.tasks.write(
            self.ctx.services.intake.register_person, self.ctx.actor, inp,
            on_done=self._accept, on_error=self._register_failed,
        )  # fmt: skip

    def _accept(self, person: PersonView) -> None:
        self.person = person
        self.new_box.hide()
        identifier = person.legal_id if person.kind == "legal" else person.national_id
        self.found_label.setText(f"✔ {person.display_name} — {ltr_isolate(digits(identifier or ''))}")
        self.found_label.show()
        self.person_ready.emit(person)

    def _failed(self, error: DomainError) -> None:
        if isinstance(error, ValidationError) and error.field in ("national_id", "legal_id"):
            self.id_edit._set_state(False, message_for(error.code))
            return
        self.error_label.setText(error_text(error))
        self.error_label.show()

    def _register_failed(self, error: DomainError) -> None:
        show_field_errors(error, self.fields(), self.error_label)

    def reset(self) -> None:
        self.person = None
        for edit in (self.first_name, self.last_name, self.father_name, self.company_name, self.address):
            edit.clear()
            edit.show_message(None)
        for edit in (self.id_edit, self.mobile, self.postal_code):
            edit.clear_value()
        self.found_label.hide()
        self.error_label.hide()
        self.new_box.hide()

    def validate_for_submit(self) -> bool:
        if self.person is None:
            self.error_label.setText(message_for("intake.applicant_required"))
            self.error_label.show()
            return False
        return True


class PropertySection(QGroupBox):
    """Step 2: the property, by renovation code; registered with its plate, address and deed area when new."""

    property_ready = Signal(object)  # PropertyView

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("2. Property"), parent)
        self.ctx = ctx
        self.property: PropertyView | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code_edit = RenovationCodeEdit(self)
        self.code_edit.setObjectName("renovation-code")
        self.code_edit.setToolTip(self.tr("district-precinct-block-parcel-building-apartment-shop; Enter looks it up"))
        form.addRow(self.tr("Renovation code:"), FieldWithMessage(self.code_edit, self, edit_width=200))
        layout.addLayout(form)
        self.found_label = QLabel(self)
        self.found_label.setObjectName("property-found")
        self.found_label.setProperty("role", "heading")
        self.found_label.setWordWrap(True)
        self.found_label.hide()
        layout.addWidget(self.found_label)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.new_box = QWidget(self)
        new_form = QFormLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Not registered yet: fill in and press Enter to register."), self.new_box)
        hint.setProperty("role", "hint")
        new_form.addRow(hint)
        self.section = DigitsEdit(self.new_box, required=False)
        self.main_plate = DigitsEdit(self.new_box, required=False)
        self.sub_plate = DigitsEdit(self.new_box, required=False)
        self.address = TextEdit(self.new_box)
        self.postal_code = PostalCodeEdit(self.new_box, required=False)
        self.deed_area = AreaEdit(self.new_box, required=False)
        self.deed_area.setObjectName("deed-area")
        for name, edit in (
            ("registry-section", self.section),
            ("main-plate", self.main_plate),
            ("sub-plate", self.sub_plate),
            ("property-address", self.address),
            ("property-postal-code", self.postal_code),
        ):
            edit.setObjectName(name)
        for label, edit, width in (
            (self.tr("Registry section:"), self.section, 120),
            (self.tr("Main plate:"), self.main_plate, 120),
            (self.tr("Sub plate:"), self.sub_plate, 120),
            (self.tr("Address:"), self.address, 420),
            (self.tr("Postal code:"), self.postal_code, 200),
            (self.tr("Deed area (m²):"), self.deed_area, 120),
        ):
            new_form.addRow(label, _with_message(edit, self.new_box, width))
            edit.returnPressed.connect(self.register)
        self.plate_message = QLabel(self.new_box)
        self.plate_message.setProperty("role", "fieldMessage")
        self.plate_message.hide()
        new_form.addRow(self.plate_message)
        self.new_box.hide()
        layout.addWidget(self.new_box)
        self.code_edit.returnPressed.connect(self.look_up)
        self.code_edit.textEdited.connect(self._code_changed)
        self.setFocusProxy(self.code_edit)

    def fields(self) -> dict[str, QLineEdit]:
        return {
            "renovation_code": self.code_edit,
            "registry_plate": self.main_plate,
            "address": self.address,
            "postal_code": self.postal_code,
            "deed_area_m2": self.deed_area,
        }

    def _code_changed(self, _text: str) -> None:
        if self.property is not None or self.new_box.isVisible():
            self.property = None
            self.found_label.hide()
            self.new_box.hide()
        self.error_label.hide()

    def look_up(self) -> None:
        if not self.code_edit.validate_for_submit():
            return
        self.ctx.tasks.read(
            self.ctx.services.intake.find_property, self.code_edit.value(),
            on_done=self._looked_up, on_error=self._failed,
        )  # fmt: skip

    def _looked_up(self, prop: PropertyView | None) -> None:
        if prop is not None:
            self._accept(prop)
            return
        self.new_box.show()
        self.section.setFocus()

    def register(self) -> None:
        checks = [
            self.code_edit.validate_for_submit(),
            self.section.validate(),
            self.main_plate.validate(),
            self.sub_plate.validate(),
            self.address.validate_for_submit(),
            self.postal_code.validate_for_submit(),
            self.deed_area.validate(),
        ]
        plate_parts = [self.section.text().strip(), self.main_plate.text().strip()]
        self.plate_message.hide()
        if any(plate_parts) and not all(plate_parts):
            self.plate_message.setText(message_for("registry_plate.invalid"))
            self.plate_message.show()
            checks.append(False)
        if not all(checks):
            return
        inp = PropertyInput(
            renovation_code=self.code_edit.value(),
            registry_section=self.section.value(),
            registry_main=self.main_plate.value(),
            registry_sub=self.sub_plate.value(),
            address=self.address.value(),
            postal_code=self.postal_code.value(),
            deed_area_m2=float(self.deed_area.value()) if self.deed_area.text().strip() else None,
        )
        self.ctx.tasks.write(
            self.ctx.services.intake.register_property, self.ctx.actor, inp,
            on_done=self._accept, on_error=self._register_failed,
        )  # fmt: skip

    def _accept(self, prop: PropertyView) -> None:
        self.property = prop
        self.new_box.hide()
        parts = [ltr_isolate(digits(prop.renovation_code))]
        if prop.plate_text:
            parts.append(prop.plate_text)
        if prop.address:
            parts.append(prop.address)
        self.found_label.setText("✔ " + " — ".join(parts))
        self.found_label.show()
        self.property_ready.emit(prop)

    def _failed(self, error: DomainError) -> None:
        if isinstance(error, ValidationError) and error.field == "renovation_code":
            self.code_edit._set_state(False, message_for(error.code))
            return
        self.error_label.setText(error_text(error))
        self.error_label.show()

    def _register_failed(self, error: DomainError) -> None:
        show_field_errors(error, self.fields(), self.error_label)

    def reset(self) -> None:
        self.property = None
        self.address.clear()
        self.address.show_message(None)
        for edit in (self.code_edit, self.section, self.main_plate, self.sub_plate, self.postal_code, self.deed_area):
            edit.clear_value()
        self.plate_message.hide()
        self.found_label.hide()
        self.error_label.hide()
        self.new_box.hide()

    def validate_for_submit(self, required: bool) -> bool:
        if required and self.property is None:
            self.error_label.setText(message_for("intake.property_required"))
            self.error_label.show()
            return False
        return True


__all__ = ["ApplicantIdEdit", "ApplicantSection", "PropertySection", "TextEdit", "show_field_errors"]
