"""The vehicle-charges unit's tab: vehicles by plate (with the plate input's own check), the four requests (annual
traffic-zone sticker, replacement, refund, camera-fine objection), the request at hand (slip, payment, finishing,
receipt) and the unit's cartable. Every change goes through ``services.vehicles`` or the workflow engine."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import format_rials
from app.domain.text import to_persian_digits
from app.services.dto import CaseDetail
from app.ui.context import UiContext
from app.ui.units.base import UnitTab
from app.ui.units.renovation.common import (
    ActionBar,
    DocumentsBox,
    FeesTable,
    HistoryTree,
    PaymentBox,
    PdfHolder,
    charges_error_text,
    ltr,
    mark_invalid,
    message_label,
    show_jalali,
)
from app.ui.widgets import FieldWithMessage, JalaliDateEdit, NationalIdEdit, ValidatedLineEdit

# The moves this panel makes itself (with their money or sticker work); the action bar offers the rest of each
# kind's workflow (check the reason, compute the refund, the head's approval, review, reject, deficiency, refer).
OWN_ACTIONS = ("issue_slip", "confirm_payment", "issue", "pay_out", "send_to_police", "objection_accepted",
               "objection_refused")  # fmt: skip
_PLATE_CHARS = "0-9\u06f0-\u06f9\u0660-\u0669\u0600-\u06ff\\s\\-|/A-Za-z"


class PlateEdit(ValidatedLineEdit):
    """An Iranian plate: two digits, a letter, three digits, the region code («۱۲ ب ۳۴۵ ایران ۶۷»), typed in any
    digits and order the domain's parser accepts. ``value()`` is the stored key (``12ب345-67``)."""

    allowed_chars = f"[{_PLATE_CHARS}]"
    max_chars = 30
    placeholder = "12 ب 345 - 67"

    def normalize(self, text: str) -> str:
        from app.domain.rules.vehicle import parse_plate

        return parse_plate(text).key()

    def is_complete(self, text: str) -> bool:
        from app.domain.text import only_digits

        return len(only_digits(text)) >= 7

    def validate(self) -> bool:
        """As the base, but the plate's codes have their Persian sentences in the domain rules' table."""
        text = self.text()
        if not text.strip():
            self._set_state(not self.required, None)
            return not self.required
        try:
            self.normalize(text)
        except DomainError as exc:
            self._set_state(False, charges_error_text(exc))
            return False
        self._set_state(True, None)
        return True

    def validate_for_submit(self) -> bool:
        if not self.text().strip() and self.required:
            self._set_state(False, self.tr("Enter the plate."))
            return False
        return self.validate()


class VehiclesPanel(QWidget):
    """Find a vehicle by plate (or register it with its owner), see its stickers, and open a request about it."""

    def __init__(self, tab: VehicleTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = tab.ctx
        self.vehicle: Any = None
        self.owner_id: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        find = QGroupBox(self.tr("Vehicle"), body)
        form = QFormLayout(find)
        self.plate = PlateEdit(find)
        self.plate.setObjectName("plate")
        self.find_button = QPushButton(self.tr("Find"), find)
        plate_row = QHBoxLayout()
        plate_row.addWidget(FieldWithMessage(self.plate, find, edit_width=220), 1)
        plate_row.addWidget(self.find_button)
        form.addRow(self.tr("Plate:"), plate_row)
        self.vehicle_label = QLabel(find)
        self.vehicle_label.setObjectName("vehicle-label")
        form.addRow(self.vehicle_label)
        self.owner_nid = NationalIdEdit(find)
        self.owner_label = QLabel(find)
        owner_row = QHBoxLayout()
        owner_row.addWidget(FieldWithMessage(self.owner_nid, find, edit_width=160), 1)
        owner_row.addWidget(self.owner_label)
        self.make_model = QLineEdit(find)
        self.color = QLineEdit(find)
        self.register_button = QPushButton(self.tr("Register the vehicle"), find)
        self.register_button.setObjectName("register-vehicle")
        form.addRow(self.tr("Owner's national ID:"), owner_row)
        form.addRow(self.tr("Make and model:"), self.make_model)
        form.addRow(self.tr("Colour:"), self.color)
        form.addRow(self.register_button)
        layout.addWidget(find)

        self.stickers = QTableWidget(0, 4, body)
        self.stickers.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Serial"), self.tr("Status"),
                                                 self.tr("Issued")])  # fmt: skip
        self.stickers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.stickers.verticalHeader().hide()
        self.stickers.setMaximumHeight(120)
        self.stickers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(QLabel(self.tr("Traffic-zone stickers"), body))
        layout.addWidget(self.stickers)

        requests = QGroupBox(self.tr("New request for this vehicle"), body)
        rform = QFormLayout(requests)
        self.sticker_button = QPushButton(self.tr("Annual traffic-zone sticker"), requests)
        self.sticker_button.setObjectName("request-sticker")
        rform.addRow(self.sticker_button)
        self.replace_reason = QComboBox(requests)
        self.replace_reason.addItem(self.tr("Lost"), "lost")
        self.replace_reason.addItem(self.tr("Damaged"), "damaged")
        self.replace_text = QLineEdit(requests)
        self.replace_text.setPlaceholderText(self.tr("What happened"))
        self.replace_button = QPushButton(self.tr("Replacement"), requests)
        self.replace_button.setObjectName("request-replacement")
        row = QHBoxLayout()
        row.addWidget(self.replace_reason)
        row.addWidget(self.replace_text, 1)
        row.addWidget(self.replace_button)
        rform.addRow(self.tr("Replacement:"), row)
        self.iban = QLineEdit(requests)
        self.iban.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.iban.setPlaceholderText("IR000000000000000000000000")
        self.refund_label = QLabel(requests)
        self.refund_button = QPushButton(self.tr("Refund"), requests)
        self.refund_button.setObjectName("request-refund")
        row = QHBoxLayout()
        row.addWidget(self.iban, 1)
        row.addWidget(self.refund_label)
        row.addWidget(self.refund_button)
        rform.addRow(self.tr("Refund to IBAN:"), row)
        self.fine_number = QLineEdit(requests)
        self.fine_number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fine_date = JalaliDateEdit(requests)
        self.camera_location = QLineEdit(requests)
        self.objection_reason = QLineEdit(requests)
        self.attachments: list[str] = []
        self.attach_button = QPushButton(self.tr("Attach files…"), requests)
        self.attach_label = QLabel(requests)
        self.objection_button = QPushButton(self.tr("Objection to a camera fine"), requests)
        self.objection_button.setObjectName("request-objection")
        rform.addRow(self.tr("Fine number:"), self.fine_number)
        rform.addRow(self.tr("Fine date:"), self.fine_date)
        rform.addRow(self.tr("Camera location:"), self.camera_location)
        rform.addRow(self.tr("Reason of the objection:"), self.objection_reason)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.attach_label, 1)
        row.addWidget(self.objection_button)
        rform.addRow(self.tr("Attachments:"), row)
        layout.addWidget(requests)
        self.requests_box = requests
        self.message = message_label(body)
        layout.addWidget(self.message)

        self.list = QTableWidget(0, 4, body)
        self.list.setHorizontalHeaderLabels([self.tr("Plate"), self.tr("Owner"), self.tr("Make and model"),
                                             self.tr("This year's sticker")])  # fmt: skip
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.list.verticalHeader().hide()
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(QLabel(self.tr("Vehicles"), body))
        self.list.setMinimumHeight(260)
        layout.addWidget(self.list, 1)

        self.find_button.clicked.connect(self.find_vehicle)
        self.plate.returnPressed.connect(self.find_vehicle)
        self.owner_nid.returnPressed.connect(self.find_owner)
        self.owner_nid.editingFinished.connect(self.find_owner)
        self.register_button.clicked.connect(self.register)
        self.sticker_button.clicked.connect(self.request_sticker)
        self.replace_button.clicked.connect(self.request_replacement)
        self.refund_button.clicked.connect(self.request_refund)
        self.attach_button.clicked.connect(self.choose_attachments)
        self.objection_button.clicked.connect(self.request_objection)
        self.list.cellDoubleClicked.connect(self._list_open)
        self._show_vehicle(None)
        self.reload_list()

    # -- vehicles ------------------------------------------------------------------------------------------------------
    def reload_list(self) -> None:
        self.ctx.tasks.read(self.ctx.services.vehicles.list_vehicles, on_done=self._fill_list, on_error=self.show_error)

    def _fill_list(self, vehicles: list[Any]) -> None:
        self._listed = vehicles
        self.list.setRowCount(0)
        for v in vehicles:
            row = self.list.rowCount()
            self.list.insertRow(row)
            for column, text in enumerate((ltr(v.plate_text), v.owner_name, v.make_model,
                                           to_persian_digits(v.sticker_serial))):  # fmt: skip
                self.list.setItem(row, column, QTableWidgetItem(text))

    def _list_open(self, row: int, _column: int) -> None:
        self.plate.setText(self._listed[row].plate_key)
        self.find_vehicle()

    def find_vehicle(self) -> None:
        self.message.clear()
        if not self.plate.validate_for_submit():
            self.message.setText(self.plate.message())
            return
        self.ctx.tasks.read(self.ctx.services.vehicles.find_vehicle, self.plate.text(), on_done=self._found,
                            on_error=self.show_error)  # fmt: skip

    def _found(self, vehicle: Any) -> None:
        self._show_vehicle(vehicle)
        if vehicle is None:
            self.message.setText(self.tr("No vehicle with this plate: enter the owner and register it."))
            self.owner_nid.setFocus()

    def _show_vehicle(self, vehicle: Any) -> None:
        self.vehicle = vehicle
        registered = vehicle is not None
        for w in (self.owner_nid, self.make_model, self.color, self.register_button):
            w.setEnabled(not registered)
        self.requests_box.setEnabled(registered)
        self.stickers.setRowCount(0)
        if vehicle is None:
            self.vehicle_label.setText(self.tr("Type the plate and press Enter."))
            return
        serial = vehicle.sticker_serial
        sticker = (self.tr("this year's sticker %1").replace("%1", ltr(to_persian_digits(serial)))
                   if serial else self.tr("no sticker this year"))  # fmt: skip
        self.vehicle_label.setText(
            f"{ltr(vehicle.plate_text)} — {vehicle.owner_name} — {vehicle.make_model} — {sticker}"
        )
        self.ctx.tasks.read(self.ctx.services.vehicles.stickers_of, vehicle.id, on_done=self._fill_stickers)
        if serial:
            self.ctx.tasks.read(self.ctx.services.vehicles.refund_preview, vehicle.id, on_done=self._refund_preview,
                                on_error=lambda _e: self.refund_label.clear())  # fmt: skip
        else:
            self.refund_label.clear()

    def _refund_preview(self, refund: Any) -> None:
        self.refund_label.setText(self.tr("refund: %1").replace("%1", format_rials(refund.amount)))

    def _fill_stickers(self, stickers: list[Any]) -> None:
        titles = {"active": self.tr("Valid"), "replaced": self.tr("Replaced"), "refunded": self.tr("Refunded")}
        self.stickers.setRowCount(0)
        for s in stickers:
            row = self.stickers.rowCount()
            self.stickers.insertRow(row)
            for column, text in enumerate((to_persian_digits(s.year), to_persian_digits(s.serial),
                                           titles.get(s.status, s.status), show_jalali(s.issued_at))):  # fmt: skip
                self.stickers.setItem(row, column, QTableWidgetItem(text))

    def find_owner(self) -> None:
        if not self.owner_nid.validate() or self.ctx.actor is None:
            return
        self.ctx.tasks.read(self.ctx.services.intake.find_person_by_national_id, self.ctx.actor,
                            self.owner_nid.value(), on_done=self._owner_found, on_error=self.show_error)  # fmt: skip

    def _owner_found(self, person: Any) -> None:
        self.owner_id = person.id if person else None
        self.owner_label.setText(person.display_name if person else self.tr("Not registered (register at intake)"))

    def register(self) -> None:
        if self.ctx.actor is None:
            return
        if not self.plate.validate_for_submit():
            self.message.setText(self.plate.message())
            return
        if not self.owner_id:
            self.message.setText(charges_error_text(DomainError("vehicle.owner_required")))
            return
        self._write(self.ctx.services.vehicles.register_vehicle, self.ctx.actor, self.plate.text(), self.owner_id,
                    self.make_model.text(), self.color.text(), done=self._registered)  # fmt: skip

    def _registered(self, vehicle: Any) -> None:
        self._show_vehicle(vehicle)
        self.message.setText(self.tr("Vehicle registered."))
        self.reload_list()

    # -- requests ------------------------------------------------------------------------------------------------------
    def _write(self, fn: Any, *args: Any, done: Any = None) -> None:
        self.message.clear()
        self.ctx.tasks.write(fn, *args, on_done=done or self._opened, on_error=self.show_error, initiator=self)

    def _opened(self, result: Any) -> None:
        self.message.setText(self.tr("Request %1 opened.").replace("%1", ltr(result.tracking_number)))
        self.tab.open_case(result.case_id)

    def _docs(self, code: str) -> list[str]:
        from app.domain.catalog import CATALOG

        return list(CATALOG.get(code).required_documents)

    def request_sticker(self) -> None:
        if self.vehicle is not None:
            self._write(self.ctx.services.vehicles.open_sticker, self.ctx.actor, self.vehicle.id,
                        self._docs("VH01_TRAFFIC_STICKER"))  # fmt: skip

    def request_replacement(self) -> None:
        if self.vehicle is not None:
            reason = str(self.replace_reason.currentData())
            docs = ["vehicle_card", "id_documents"] + (["previous_sticker"] if reason == "damaged" else [])
            self._write(self.ctx.services.vehicles.open_replacement, self.ctx.actor, self.vehicle.id, reason,
                        self.replace_text.text(), docs)  # fmt: skip

    def request_refund(self) -> None:
        if self.vehicle is not None:
            self._write(self.ctx.services.vehicles.open_refund, self.ctx.actor, self.vehicle.id, self.iban.text(),
                        self._docs("VH03_TRAFFIC_REFUND"))  # fmt: skip

    def choose_attachments(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attachments"), "",
                                                self.tr("Images and PDF (*.png *.jpg *.jpeg *.pdf)"))  # fmt: skip
        self.set_attachments(files)

    def set_attachments(self, files: list[str]) -> None:
        self.attachments = list(files)
        self.attach_label.setText(to_persian_digits(len(files)) + " " + self.tr("files"))

    def request_objection(self) -> None:
        if self.vehicle is None:
            return
        from pathlib import Path

        from app.services.vehicles import ObjectionInput

        inp = ObjectionInput(self.fine_number.text(), self.fine_date.value(), self.camera_location.text(),
                             self.objection_reason.text(), attachments=tuple(Path(f) for f in self.attachments))  # fmt: skip
        self._write(self.ctx.services.vehicles.open_objection, self.ctx.actor, self.vehicle.id, inp,
                    self._docs("VH04_CAMERA_FINE_OBJECTION"))  # fmt: skip

    def show_error(self, error: DomainError) -> None:
        """The sentence under the form, and the field it names marked and focused."""
        text = charges_error_text(error)
        self.message.setText(text)
        fields = {
            "plate": self.plate, "owner_id": self.owner_nid, "description": self.replace_text,
            "reason": self.objection_reason if error.code != "sticker.reason" else self.replace_reason,
            "iban": self.iban, "fine_number": self.fine_number, "fine_date": self.fine_date,
            "camera_location": self.camera_location, "attachments": self.attach_button,
        }  # fmt: skip
        widget = fields.get(str(error.params.get("field", "")))
        if widget is self.plate:
            self.plate._set_state(False, text)
        elif widget is not None:
            mark_invalid(widget, text)


class RequestPanel(QWidget):
    """The request at hand: what it is about, fees, slip and payment, finishing it, its receipt and history."""

    def __init__(self, tab: VehicleTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = tab.ctx
        self.case_id: str | None = None
        self.view: Any = None
        self.detail: CaseDetail | None = None
        self.pdf = PdfHolder()
        self.preview = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.header = QLabel(self.tr("Choose a request in the cartable (Enter) or open one from Vehicles."), body)
        self.header.setObjectName("case-header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.details = QLabel(body)
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        self.fees = FeesTable(body)
        layout.addWidget(self.fees)
        self.total_label = QLabel(body)
        layout.addWidget(self.total_label)
        buttons = QHBoxLayout()
        self.slip_button = QPushButton(self.tr("Issue the payment slip"), body)
        self.slip_button.setObjectName("issue-slip")
        self.print_slip_button = QPushButton(self.tr("Print the slip"), body)
        self.outcome = QComboBox(body)
        self.outcome.addItem(self.tr("Sent to the traffic police"), "sent")
        self.outcome.addItem(self.tr("Objection accepted"), "accepted")
        self.outcome.addItem(self.tr("Objection rejected"), "rejected")
        self.complete_button = QPushButton(self.tr("Complete the request"), body)
        self.complete_button.setObjectName("complete")
        self.receipt_button = QPushButton(self.tr("Print the receipt"), body)
        self.receipt_button.setObjectName("print-receipt")
        for w in (self.slip_button, self.print_slip_button, self.outcome, self.complete_button, self.receipt_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.payment = PaymentBox(body)
        layout.addWidget(self.payment)
        self.documents = DocumentsBox(self.ctx, body)
        self.documents.changed.connect(self.reload)
        self.documents.failed.connect(self.show_error)
        layout.addWidget(self.documents)
        self.action_bar = ActionBar(self.ctx, OWN_ACTIONS, body)
        self.action_bar.on_error = self.show_error
        self.action_bar.applied.connect(lambda _a: self.reload())
        layout.addWidget(self.action_bar)
        self.message = message_label(body)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Route history"), body))
        self.history = HistoryTree(body)
        layout.addWidget(self.history, 1)
        self.slip_button.clicked.connect(self.issue_slip)
        self.print_slip_button.clicked.connect(self.print_slip)
        self.complete_button.clicked.connect(self.complete)
        self.receipt_button.clicked.connect(self.print_receipt)
        self.payment.submitted.connect(self.record_payment)
        self._enable()

    def load(self, case_id: str) -> None:
        self.case_id = case_id
        self.message.clear()
        self.reload()

    def reload(self) -> None:
        if self.case_id is None or self.ctx.actor is None:
            return
        actor, case_id = self.ctx.actor, self.case_id

        def read() -> tuple[Any, CaseDetail]:
            return self.ctx.services.vehicles.get(case_id), self.ctx.services.cases.get_case(actor, case_id)

        self.ctx.tasks.read(read, on_done=self._show, on_error=self.show_error)

    def _show(self, pair: tuple[Any, CaseDetail]) -> None:
        view, detail = pair
        self.view, self.detail = view, detail
        plate = ltr(view.vehicle.plate_text) if view.vehicle else ""
        stage = self.tr("Stage:")
        self.header.setText(f"{ltr(view.tracking_number)} — {view.service_name} — {plate} — "
                            f"{view.applicant_name} — {stage} {view.state_title}")  # fmt: skip
        self.details.setText(self._details(view))
        self.fees.set_fees(view.fees)
        total = sum(f.amount for f in view.fees)
        slip = ""
        if view.slip:
            slip = " — " + self.tr("payment ID %1").replace("%1", ltr(view.slip["payment_id"].lstrip("0")))
        self.total_label.setText(
            self.tr("Total: %1 — unpaid: %2").replace("%1", format_rials(total))
            .replace("%2", format_rials(view.unpaid if total else 0)) + slip
        )  # fmt: skip
        self.outcome.setVisible(view.kind == "objection")
        if view.kind == "objection":
            self.outcome.setCurrentIndex(max(0, self.outcome.findData("sent" if view.state == "in_review"
                                                                      else "accepted")))  # fmt: skip
        self.history.set_history(detail)
        self.documents.set_detail(detail)
        self.action_bar.set_detail(detail)
        self._enable()

    def _details(self, view: Any) -> str:
        f = view.facts
        parts: list[str] = []
        if f.get("sticker_serial"):
            parts.append(self.tr("Sticker serial: %1").replace("%1", ltr(to_persian_digits(f["sticker_serial"]))))
        if view.kind == "replacement":
            reason = self.tr("lost") if f.get("reason") == "lost" else self.tr("damaged")
            parts.append(self.tr("Reason: %1 — %2").replace("%1", reason).replace("%2", str(f.get("description", ""))))
        if view.kind == "refund" and f.get("refund") is not None:
            parts.append(
                self.tr("Refund %1 for %2 unused days of %3 (sticker %4)")
                .replace("%1", format_rials(int(f["refund"]))).replace("%2", to_persian_digits(f.get("unused_days")))
                .replace("%3", to_persian_digits(f.get("days_in_year"))).replace("%4", to_persian_digits(f.get("serial")))
            )  # fmt: skip
        if view.kind == "objection":
            import datetime as dt

            parts.append(
                self.tr("Fine %1 of %2 at %3; objection deadline %4")
                .replace("%1", ltr(to_persian_digits(f.get("fine_number", ""))))
                .replace("%2", show_jalali(dt.date.fromisoformat(f["fine_date"])))
                .replace("%3", str(f.get("camera_location", "")))
                .replace("%4", show_jalali(dt.date.fromisoformat(f["deadline"])))
            )  # fmt: skip
            parts.append(self.tr("Reason: %1").replace("%1", str(f.get("reason", ""))))
            if f.get("attachments"):
                parts.append(self.tr("Attachments: %1").replace("%1", "، ".join(a["name"] for a in f["attachments"])))
            if f.get("outcome"):
                parts.append(self.tr("Outcome: %1").replace("%1", self.outcome.itemText(
                    max(0, self.outcome.findData(f["outcome"])))))  # fmt: skip
        if view.missing_documents:
            from app.domain.catalog import CATALOG

            titles = [CATALOG.document_types[d].title_fa for d in view.missing_documents]
            parts.append(self.tr("Missing documents: %1").replace("%1", "، ".join(titles)))
        return "\n".join(parts)

    def _enable(self) -> None:
        v = self.view
        self.slip_button.setEnabled(v is not None and v.can_issue_slip)
        self.print_slip_button.setEnabled(v is not None and bool(v.slip))
        self.payment.setEnabled(v is not None and v.can_pay)
        self.complete_button.setEnabled(v is not None and v.can_complete)
        self.receipt_button.setEnabled(v is not None)

    def _write(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        self.message.clear()
        self.ctx.tasks.write(fn, *args, on_done=lambda _r: self._done(), on_error=self.show_error, initiator=self,
                             **kwargs)  # fmt: skip

    def _done(self) -> None:
        self.message.setText(self.tr("Saved."))
        self.reload()

    def show_error(self, error: DomainError) -> None:
        self.message.setText(charges_error_text(error))

    def issue_slip(self) -> None:
        if self.view is not None:
            self._write(self.ctx.services.vehicles.issue_slip, self.ctx.actor, self.view.case_id,
                        expected_version=self.view.version)  # fmt: skip

    def record_payment(self, method: str, reference: str) -> None:
        if self.view is not None:
            self._write(self.ctx.services.vehicles.record_payment, self.ctx.actor, self.view.case_id, method,
                        reference, expected_version=self.view.version)  # fmt: skip
            self.payment.reference.clear()

    def complete(self) -> None:
        if self.view is not None:
            self._write(self.ctx.services.vehicles.complete, self.ctx.actor, self.view.case_id,
                        self.action_bar.note.text(), outcome=str(self.outcome.currentData()),
                        expected_version=self.view.version)  # fmt: skip
            self.action_bar.note.clear()

    def _print(self, fn: Any, kind: str, title: str) -> None:
        if self.view is None:
            return
        tracking = self.view.tracking_number
        self.ctx.tasks.read(
            fn, self.ctx.actor, self.view.case_id,
            on_done=lambda pdf: self.pdf.show(self, pdf, kind, title, f"{kind}-{tracking}.pdf", self.preview),
            on_error=self.show_error,
        )  # fmt: skip

    def print_slip(self) -> None:
        self._print(self.ctx.services.vehicles.print_slip, "payment_slip", self.tr("Payment slip"))

    def print_receipt(self) -> None:
        self._print(self.ctx.services.vehicles.print_receipt, "receipt", self.tr("Receipt"))


class VehicleTab(UnitTab):
    unit_id = "vehicle"
    sort_order = 110

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.panels.tabBar().moveTab(self.panels.indexOf(self.cartable), 0)
        self.panels.setCurrentWidget(self.cartable)

    def title(self) -> str:
        return self.tr("Vehicle charges")

    def build(self) -> None:
        self.request_panel = RequestPanel(self)
        self.vehicles_panel = VehiclesPanel(self)
        self.add_panel(self.request_panel, self.tr("Request"))
        self.add_panel(self.vehicles_panel, self.tr("Vehicles"))

    def wants_reload(self, changes: Any) -> bool:
        if "vehicle" in changes.entities:
            self.vehicles_panel.reload_list()
        return super().wants_reload(changes)

    def open_case(self, case_id: str) -> None:
        self.request_panel.load(case_id)
        self.panels.setCurrentWidget(self.request_panel)
