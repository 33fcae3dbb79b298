"""The renovation and waste unit's tab: a new request, the case at hand (levy, waste, excavation route, drilling,
slip, payment, clearance) and the unit's cartable. Every change goes through ``services.renovation`` or the workflow
engine (``services.cases.apply_action``) on the task runner; refusals appear in Persian under the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalog import CATALOG
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
)
from app.ui.units.renovation.route import RouteEditor, open_tile_source
from app.ui.widgets import AreaEdit, JalaliDateEdit, NationalIdEdit, RenovationCodeEdit

OWN_ACTIONS = ("issue_slip", "confirm_payment", "issue_clearance")
STRUCTURES = (("steel_concrete", "Steel or concrete"), ("masonry", "Masonry"), ("other", "Other"))
USES = (("residential", "Residential"), ("commercial", "Commercial"), ("office", "Office"), ("other", "Other"))
SURFACES = (("asphalt", "Asphalt"), ("sidewalk", "Sidewalk"), ("unpaved", "Unpaved"))


class NewRequestPanel(QWidget):
    """Open one of the unit's services for an applicant (national ID) and a property (renovation code)."""

    def __init__(self, tab: RenovationTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = tab.ctx
        self.applicant_id: str | None = None
        self.property_id: str | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.service = QComboBox(self)
        for s in CATALOG.services_of_unit("renovation"):
            self.service.addItem(s.title_fa, s.code)
        self.national_id = NationalIdEdit(self)
        self.applicant_label = QLabel(self)
        self.renovation_code = RenovationCodeEdit(self, required=False)
        self.property_label = QLabel(self)
        self.documents = QListWidget(self)
        self.documents.setMaximumHeight(140)
        self.note = QLineEdit(self)
        form.addRow(self.tr("Service:"), self.service)
        form.addRow(self.tr("Applicant's national ID:"), self._pair(self.national_id, self.applicant_label))
        form.addRow(self.tr("Renovation code:"), self._pair(self.renovation_code, self.property_label))
        form.addRow(self.tr("Documents received:"), self.documents)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        self.open_button = QPushButton(self.tr("Open the request"), self)
        self.open_button.setObjectName("open-request")
        self.message = message_label(self)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.service.currentIndexChanged.connect(self._fill_documents)
        self.national_id.editingFinished.connect(self.find_applicant)
        self.national_id.returnPressed.connect(self.find_applicant)
        self.renovation_code.editingFinished.connect(self.find_property)
        self.renovation_code.returnPressed.connect(self.find_property)
        self.open_button.clicked.connect(self.open_request)
        self._fill_documents()

    def _pair(self, edit: QWidget, label: QLabel) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        edit.setParent(box)
        edit.setFixedWidth(220)
        row.addWidget(edit)
        row.addWidget(edit.message_label)  # type: ignore[attr-defined]
        row.addWidget(label, 1)
        return box

    def _fill_documents(self) -> None:
        self.documents.clear()
        service = CATALOG.get(str(self.service.currentData()))
        for code in service.required_documents:
            item = QListWidgetItem(CATALOG.document_types[code].title_fa)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.documents.addItem(item)

    def find_applicant(self) -> None:
        if not self.national_id.validate() or self.ctx.actor is None:
            return
        self.ctx.tasks.read(self.ctx.services.intake.find_person_by_national_id, self.ctx.actor,
                            self.national_id.value(), on_done=self._applicant_found,
                            on_error=self._failed)  # fmt: skip

    def _applicant_found(self, person: Any) -> None:
        self.applicant_id = person.id if person else None
        self.applicant_label.setText(person.display_name if person else self.tr("Not registered (register at intake)"))

    def find_property(self) -> None:
        if not self.renovation_code.text().strip():
            self.property_id = None
            self.property_label.clear()
            return
        if not self.renovation_code.validate():
            return
        self.ctx.tasks.read(self.ctx.services.intake.find_property, self.renovation_code.value(),
                            on_done=self._property_found, on_error=self._failed)  # fmt: skip

    def _property_found(self, prop: Any) -> None:
        self.property_id = prop.id if prop else None
        self.property_label.setText(prop.address if prop else self.tr("Not registered (register at intake)"))

    def open_request(self) -> None:
        if self.ctx.actor is None:
            return
        if not self.applicant_id:
            self.message.setText(self.tr("Find the applicant by national ID first."))
            return
        docs = [
            str(self.documents.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.documents.count())
            if self.documents.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.message.clear()
        self.ctx.tasks.write(
            self.ctx.services.renovation.open_request, self.ctx.actor, str(self.service.currentData()),
            self.applicant_id, self.property_id, docs, self.note.text(),
            on_done=self._opened, on_error=self._failed, initiator=self,
        )  # fmt: skip

    def _opened(self, result: Any) -> None:
        self.message.setText(self.tr("Request %1 opened.").replace("%1", ltr(result.tracking_number)))
        self.note.clear()
        self.tab.open_case(result.case_id)

    def _failed(self, error: DomainError) -> None:
        self.message.setText(charges_error_text(error))


class CasePanel(QWidget):
    """The case at hand: what was assessed, the fees, slip and payment, the clearance, and the route history."""

    def __init__(self, tab: RenovationTab) -> None:
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
        self.header = QLabel(self.tr("Choose a case in the cartable (Enter) or open a new request."), body)
        self.header.setObjectName("case-header")
        self.header.setWordWrap(True)
        self.header.setProperty("role", "title")
        layout.addWidget(self.header)

        self.forms = QStackedWidget(body)
        self.forms.addWidget(self._levy_form(body))
        self.forms.addWidget(self._waste_form(body))
        self.forms.addWidget(self._excavation_form(body))
        self.forms.addWidget(self._drilling_form(body))
        layout.addWidget(self.forms)
        self.save_button = QPushButton(self.tr("Compute and save"), body)
        self.save_button.setObjectName("save-assessment")
        self.waste_also = QCheckBox(self.tr("Add the waste fee to this slip"), body)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.waste_also)
        row.addStretch(1)
        layout.addLayout(row)

        money = QGroupBox(self.tr("Fees and payment"), body)
        money_layout = QVBoxLayout(money)
        self.fees = FeesTable(money)
        self.total_label = QLabel(money)
        self.slip_label = QLabel(money)
        self.slip_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.slip_button = QPushButton(self.tr("Issue the payment slip"), money)
        self.slip_button.setObjectName("issue-slip")
        self.print_slip_button = QPushButton(self.tr("Print the slip"), money)
        self.clearance_button = QPushButton(self.tr("Issue the clearance"), money)
        self.clearance_button.setObjectName("issue-clearance")
        self.print_clearance_button = QPushButton(self.tr("Print the clearance"), money)
        for b in (self.slip_button, self.print_slip_button, self.clearance_button, self.print_clearance_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.payment = PaymentBox(money)
        money_layout.addWidget(self.fees)
        money_layout.addWidget(self.total_label)
        money_layout.addWidget(self.slip_label)
        money_layout.addLayout(buttons)
        money_layout.addWidget(self.payment)
        layout.addWidget(money)

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
        layout.addWidget(self.history)

        self.save_button.clicked.connect(self.save)
        self.slip_button.clicked.connect(self.issue_slip)
        self.print_slip_button.clicked.connect(self.print_slip)
        self.clearance_button.clicked.connect(self.issue_clearance)
        self.print_clearance_button.clicked.connect(self.print_clearance)
        self.payment.submitted.connect(self.record_payment)
        self._enable()

    # -- forms ---------------------------------------------------------------------------------------------------------
    def _levy_form(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Renovation levy"), parent)
        form = QFormLayout(box)
        self.land_area = AreaEdit(box)
        self.building_area = AreaEdit(box, required=False)
        self.structure = QComboBox(box)
        for code, title in STRUCTURES:
            self.structure.addItem(self.tr(title), code)
        self.first_year = QSpinBox(box)
        self.last_year = QSpinBox(box)
        for spin in (self.first_year, self.last_year):
            spin.setRange(1300, 1500)
        self.paid_years = QListWidget(box)
        self.paid_years.setMaximumHeight(90)
        self.paid_years.setFlow(QListWidget.Flow.LeftToRight)
        self.levy_label = QLabel(box)
        self.levy_label.setWordWrap(True)
        form.addRow(self.tr("Land area (m²):"), self.land_area)
        form.addRow(self.tr("Building area (m²):"), self.building_area)
        form.addRow(self.tr("Structure:"), self.structure)
        years = QHBoxLayout()
        years.addWidget(QLabel(self.tr("from"), box))
        years.addWidget(self.first_year)
        years.addWidget(QLabel(self.tr("to"), box))
        years.addWidget(self.last_year)
        years.addStretch(1)
        form.addRow(self.tr("Years:"), years)
        form.addRow(self.tr("Years already paid:"), self.paid_years)
        form.addRow(self.levy_label)
        self.first_year.valueChanged.connect(self._fill_paid_years)
        self.last_year.valueChanged.connect(self._fill_paid_years)
        return box

    def _fill_paid_years(self) -> None:
        checked = set(self.checked_paid_years())
        self.paid_years.clear()
        for year in range(self.first_year.value(), self.last_year.value() + 1):
            item = QListWidgetItem(to_persian_digits(year))
            item.setData(Qt.ItemDataRole.UserRole, year)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if year in checked else Qt.CheckState.Unchecked)
            self.paid_years.addItem(item)

    def checked_paid_years(self) -> list[int]:
        return [
            int(self.paid_years.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.paid_years.count())
            if self.paid_years.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _waste_form(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Waste-management charge"), parent)
        form = QFormLayout(box)
        self.waste_use = QComboBox(box)
        for code, title in USES:
            self.waste_use.addItem(self.tr(title), code)
        self.waste_area = AreaEdit(box)
        self.waste_units = QSpinBox(box)
        self.waste_units.setRange(1, 500)
        form.addRow(self.tr("Use:"), self.waste_use)
        form.addRow(self.tr("Area (m²):"), self.waste_area)
        form.addRow(self.tr("Units:"), self.waste_units)
        return box

    def _excavation_form(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Excavation waste and haulage route"), parent)
        grid = QGridLayout(box)
        form = QFormLayout()
        self.ex_volume = QLineEdit(box)
        self.ex_volume.setPlaceholderText(self.tr("empty: area × depth"))
        self.ex_area = AreaEdit(box, required=False)
        self.ex_depth = QLineEdit(box)
        self.ex_contractor = QLineEdit(box)
        self.ex_phone = QLineEdit(box)
        self.ex_site = QLineEdit(box)
        form.addRow(self.tr("Estimated volume (m³):"), self.ex_volume)
        form.addRow(self.tr("Pit area (m²):"), self.ex_area)
        form.addRow(self.tr("Depth (m):"), self.ex_depth)
        form.addRow(self.tr("Contractor:"), self.ex_contractor)
        form.addRow(self.tr("Contractor's phone:"), self.ex_phone)
        form.addRow(self.tr("Disposal site:"), self.ex_site)
        grid.addLayout(form, 0, 0)
        self.ex_route = RouteEditor(open_tile_source(self.ctx), box)
        grid.addWidget(self.ex_route, 0, 1)
        grid.setColumnStretch(1, 1)
        return box

    def _drilling_form(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Street digging"), parent)
        grid = QGridLayout(box)
        form = QFormLayout()
        self.dr_agency = QLineEdit(box)
        self.dr_contractor = QLineEdit(box)
        self.dr_days = QSpinBox(box)
        self.dr_days.setRange(1, 365)
        self.dr_surface = QComboBox(box)
        for code, title in SURFACES:
            self.dr_surface.addItem(self.tr(title), code)
        self.dr_start = JalaliDateEdit(box)
        form.addRow(self.tr("Requesting agency:"), self.dr_agency)
        form.addRow(self.tr("Contractor:"), self.dr_contractor)
        form.addRow(self.tr("Duration (days):"), self.dr_days)
        form.addRow(self.tr("Surface:"), self.dr_surface)
        form.addRow(self.tr("Start:"), self.dr_start)
        grid.addLayout(form, 0, 0)
        self.dr_route = RouteEditor(open_tile_source(self.ctx), box)
        grid.addWidget(self.dr_route, 0, 1)
        grid.setColumnStretch(1, 1)
        return box

    # -- loading -------------------------------------------------------------------------------------------------------
    def load(self, case_id: str) -> None:
        self.case_id = case_id
        self.message.clear()
        self.reload()

    def reload(self) -> None:
        if self.case_id is None or self.ctx.actor is None:
            return
        actor, case_id = self.ctx.actor, self.case_id

        def read() -> tuple[Any, CaseDetail]:
            return self.ctx.services.renovation.get(case_id), self.ctx.services.cases.get_case(actor, case_id)

        self.ctx.tasks.read(read, on_done=self._show, on_error=self.show_error)

    def _show(self, pair: tuple[Any, CaseDetail]) -> None:
        view, detail = pair
        self.view, self.detail = view, detail
        place = f" — {ltr(view.renovation_code)}" if view.renovation_code else ""
        stage = self.tr("Stage:")
        self.header.setText(
            f"{ltr(view.tracking_number)} — {view.service_name} — {view.applicant_name}{place} — "
            f"{stage} {view.state_title}"
        )
        index = {"R01_RENOVATION_CLEARANCE": 0, "R02_WASTE_SLIP": 1, "R03_EXCAVATION_ROUTE": 2,
                 "R04_DIGGING_PERMIT": 3}.get(view.service_code, 0)  # fmt: skip
        self.forms.setCurrentIndex(index)
        self.waste_also.setVisible(index == 0)
        self._fill_forms(view)
        self.fees.set_fees(view.fees)
        self.total_label.setText(
            self.tr("Total: %1 — unpaid: %2").replace("%1", format_rials(view.total))
            .replace("%2", format_rials(view.unpaid))
        )  # fmt: skip
        if view.slip:
            self.slip_label.setText(
                self.tr("Bill ID %1 — payment ID %2").replace("%1", ltr(view.slip["bill_id"].lstrip("0")))
                .replace("%2", ltr(view.slip["payment_id"].lstrip("0")))
            )  # fmt: skip
        else:
            self.slip_label.setText(self.tr("No slip issued yet."))
        self.history.set_history(detail)
        self.documents.set_detail(detail)
        self.action_bar.set_detail(detail)
        self._enable()

    def _fill_forms(self, view: Any) -> None:
        facts = view.facts
        years = view.years or (1403, 1405)
        this_year = max(years)
        levy = facts.get("levy") or {}
        self.first_year.setValue(int(levy.get("first_year", min(years))))
        self.last_year.setValue(int(levy.get("last_year", this_year)))
        self._fill_paid_years()
        paid = set(levy.get("paid_years", ()))
        for i in range(self.paid_years.count()):
            item = self.paid_years.item(i)
            if int(item.data(Qt.ItemDataRole.UserRole)) in paid:
                item.setCheckState(Qt.CheckState.Checked)
        if levy:
            self.land_area.setText(str(levy.get("land_area_m2", "")))
            self.building_area.setText(str(levy.get("building_area_m2", "")))
            self.structure.setCurrentIndex(max(0, self.structure.findData(levy.get("structure"))))
            lines = "، ".join(
                f"{to_persian_digits(y)}: {format_rials(v['due'])}" for y, v in sorted(view_lines(levy).items())
            )
            self.levy_label.setText(self.tr("Due per year: %1").replace("%1", lines))
        else:
            if view.deed_area_m2 and not self.land_area.text():
                self.land_area.setText(f"{view.deed_area_m2:g}")
            self.levy_label.clear()
        waste = facts.get("waste") or {}
        if waste:
            self.waste_use.setCurrentIndex(max(0, self.waste_use.findData(waste.get("use"))))
            self.waste_area.setText(str(waste.get("area_m2", "")))
            self.waste_units.setValue(int(waste.get("units", 1)))
        ex = facts.get("excavation") or {}
        if ex:
            self.ex_volume.setText(str(ex.get("volume_m3", "")))
            self.ex_contractor.setText(str(ex.get("contractor", "")))
            self.ex_site.setText(str(ex.get("disposal_site", "")))
            self.ex_route.set_points(route_of(ex))
        dr = facts.get("drilling") or {}
        if dr:
            self.dr_contractor.setText(str(dr.get("contractor", "")))
            self.dr_agency.setText(str(dr.get("agency", "")))
            self.dr_days.setValue(int(dr.get("days", 1)))
            self.dr_surface.setCurrentIndex(max(0, self.dr_surface.findData(dr.get("surface"))))
            self.dr_route.set_points(route_of(dr))

    def _enable(self) -> None:
        state = self.view.state if self.view is not None else ""
        editable = state in ("received", "awaiting_documents")
        self.save_button.setEnabled(editable)
        self.forms.setEnabled(editable or self.view is None)
        self.slip_button.setEnabled(state == "received")
        self.print_slip_button.setEnabled(bool(self.view is not None and self.view.slip))
        self.payment.setEnabled(state == "awaiting_payment")
        self.clearance_button.setEnabled(state in ("awaiting_payment", "in_review"))
        self.print_clearance_button.setEnabled(state == "cleared")

    # -- use cases -----------------------------------------------------------------------------------------------------
    def _write(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        self.message.clear()
        self.ctx.tasks.write(fn, *args, on_done=lambda _r: self._done(), on_error=self.show_error,
                             initiator=self, **kwargs)  # fmt: skip

    def _done(self) -> None:
        self.message.setText(self.tr("Saved."))
        self.reload()

    def show_error(self, error: DomainError) -> None:
        """The sentence under the form, and the field it names marked and focused."""
        text = charges_error_text(error)
        self.message.setText(text)
        fields = {
            "land_area_m2": self.land_area, "building_area_m2": self.building_area, "first_year": self.first_year,
            "paid_years": self.paid_years, "area_m2": self.waste_area if self.forms.currentIndex() == 1 else self.ex_area,
            "volume_m3": self.ex_volume, "depth_m": self.ex_depth, "disposal_site": self.ex_site,
            "contractor": self.ex_contractor if self.forms.currentIndex() == 2 else self.dr_contractor,
            "route": self.ex_route if self.forms.currentIndex() == 2 else self.dr_route, "days": self.dr_days,
            "reference": self.payment.reference, "method": self.payment.method,
        }  # fmt: skip
        widget = fields.get(str(error.params.get("field", "")))
        if widget is not None:
            mark_invalid(widget, text)

    def save(self) -> None:
        if self.view is None or self.ctx.actor is None:
            return
        from app.services.renovation import DrillingInput, ExcavationInput, LevyInput, RouteInput

        svc, actor, case_id = self.ctx.services.renovation, self.ctx.actor, self.view.case_id
        index = self.forms.currentIndex()
        if index == 0:
            if not self.land_area.validate_for_submit():
                self.message.setText(self.land_area.message())
                return
            if self.building_area.text().strip() and not self.building_area.validate_for_submit():
                self.message.setText(self.building_area.message())  # bad optional area: say so, write nothing
                return
            inp = LevyInput(self.land_area.value(), self.building_area.value() or "0",
                            str(self.structure.currentData()), self.first_year.value(), self.last_year.value(),
                            tuple(self.checked_paid_years()))  # fmt: skip
            add_waste = self.waste_also.isChecked() and self.waste_area.is_valid()

            def run() -> Any:
                changes = svc.record_levy(actor, case_id, inp)
                if add_waste:
                    changes = changes | svc.record_waste(actor, case_id, str(self.waste_use.currentData()),
                                                         self.waste_area.value(), self.waste_units.value())  # fmt: skip
                return changes

            self._write(run)
        elif index == 1:
            if not self.waste_area.validate_for_submit():
                self.message.setText(self.waste_area.message())
                return
            self._write(svc.record_waste, actor, case_id, str(self.waste_use.currentData()),
                        self.waste_area.value(), self.waste_units.value())  # fmt: skip
        elif index == 2:
            ex = ExcavationInput(RouteInput(tuple(self.ex_route.points())), self.ex_contractor.text(),
                                 self.ex_site.text(), self.ex_volume.text(), self.ex_area.text(), self.ex_depth.text(),
                                 self.ex_phone.text())  # fmt: skip
            self._write(svc.record_excavation, actor, case_id, ex)
        else:
            dr = DrillingInput(RouteInput(tuple(self.dr_route.points())), self.dr_contractor.text(),
                               self.dr_days.value(), str(self.dr_surface.currentData()), self.dr_start.value(),
                               self.dr_agency.text())  # fmt: skip
            self._write(svc.record_drilling, actor, case_id, dr)

    def issue_slip(self) -> None:
        if self.view is not None:
            self._write(self.ctx.services.renovation.issue_slip, self.ctx.actor, self.view.case_id,
                        expected_version=self.view.version)  # fmt: skip

    def record_payment(self, method: str, reference: str) -> None:
        if self.view is not None:
            self._write(self.ctx.services.renovation.record_payment, self.ctx.actor, self.view.case_id, method,
                        reference, expected_version=self.view.version)  # fmt: skip
            self.payment.reference.clear()

    def issue_clearance(self) -> None:
        if self.view is not None:
            self._write(self.ctx.services.renovation.issue_clearance, self.ctx.actor, self.view.case_id,
                        expected_version=self.view.version)  # fmt: skip

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
        self._print(self.ctx.services.renovation.print_slip, "payment_slip", self.tr("Payment slip"))

    def print_clearance(self) -> None:
        self._print(self.ctx.services.renovation.print_clearance, "clearance", self.tr("Clearance"))

    def shutdown(self) -> None:
        self.ex_route.shutdown()
        self.dr_route.shutdown()


def view_lines(levy: dict[str, Any]) -> dict[int, dict[str, int]]:
    return {int(y): v for y, v in (levy.get("lines") or {}).items()}


def route_of(details: dict[str, Any]) -> list[tuple[float, float]]:
    from app.services.renovation import route_points

    return route_points(details.get("route"))


class RenovationTab(UnitTab):
    unit_id = "renovation"
    sort_order = 70

    def title(self) -> str:
        return self.tr("Renovation and waste")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.panels.tabBar().moveTab(self.panels.indexOf(self.cartable), 0)
        self.panels.setCurrentWidget(self.cartable)

    def build(self) -> None:
        self.case_panel = CasePanel(self)
        self.new_request = NewRequestPanel(self)
        self.add_panel(self.case_panel, self.tr("Case"))
        self.add_panel(self.new_request, self.tr("New request"))

    def open_case(self, case_id: str) -> None:
        """A case from the cartable opens in the unit's own case panel."""
        self.case_panel.load(case_id)
        self.panels.setCurrentWidget(self.case_panel)

    def closeEvent(self, event: Any) -> None:
        self.case_panel.shutdown()
        super().closeEvent(event)
