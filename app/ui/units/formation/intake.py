"""The intake counter: open a case file with the keyboard alone.

Applicant (national ID, Enter) → property (renovation code, Enter) → service → documents received → inspection day →
Ctrl+Enter opens the case. The tracking number is then shown large, with Persian digits, for the receipt; F2 or Esc
starts the next case. Nothing invalid is sent to the services: each step checks its fields first and says what is
wrong beside the field.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalog import CATALOG, Service
from app.domain.dates import format_jalali_long
from app.domain.errors import DomainError
from app.domain.text import ltr_isolate
from app.domain.units import get_unit
from app.services.dto import OpenCaseInput, OpenCaseResult
from app.services.intake import counter_services
from app.ui.cartable import digits, join_list
from app.ui.context import UiContext
from app.ui.messages import error_text, message_for
from app.ui.qt_app import current_language
from app.ui.units.formation.forms import ApplicantSection, PropertySection
from app.ui.units.formation.visit import VisitSection

log = logging.getLogger(__name__)

DOC_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_REQUIRED_ROLE = Qt.ItemDataRole.UserRole + 2


def _title(service: Service) -> str:
    return service.title_fa if current_language() == "fa" else service.title_en


class DocumentsSection(QGroupBox):
    """Step 4: the service's documents, ticked as they are received (Space toggles); the missing ones listed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("4. Documents received"), parent)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("documents")
        self.list.setMinimumHeight(150)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("All received"), self)
        self.all_button.setObjectName("all-documents")
        self.all_button.setAutoDefault(False)
        row.addWidget(self.all_button)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missing-documents")
        self.missing_label.setProperty("role", "fieldWarning")
        self.missing_label.setWordWrap(True)
        row.addWidget(self.missing_label, 1)
        layout.addLayout(row)
        self.all_button.clicked.connect(self.tick_all)
        self.list.itemChanged.connect(lambda _item: self._update())
        self.setFocusProxy(self.list)

    def set_service(self, service: Service | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        if service is not None:
            persian = current_language() == "fa"
            for code, required in [(c, True) for c in service.required_documents] + [
                (c, False) for c in service.conditional_documents
            ]:
                doc = CATALOG.document_type(code)
                text = doc.title_fa if persian else doc.title_en
                if not required:
                    text += " " + self.tr("(if applicable)")
                item = QListWidgetItem(text, self.list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setData(DOC_CODE_ROLE, code)
                item.setData(DOC_REQUIRED_ROLE, required)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def tick_all(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(DOC_REQUIRED_ROLE):
                item.setCheckState(Qt.CheckState.Checked)

    def received(self) -> frozenset[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return frozenset(str(it.data(DOC_CODE_ROLE)) for it in items if it.checkState() == Qt.CheckState.Checked)

    def missing_titles(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [it.text() for it in items if it.data(DOC_REQUIRED_ROLE) and it.checkState() != Qt.CheckState.Checked]

    def _update(self) -> None:
        missing = self.missing_titles()
        if missing:
            self.missing_label.setText(self.tr("Missing: %1").replace("%1", join_list(missing)))
        else:
            self.missing_label.setText(self.tr("All required documents received."))
        self.changed.emit()


class ResultPage(QWidget):
    """The opened case: its tracking number, large, and what happens next."""

    new_case = Signal()
    open_requested = Signal(str)
    print_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = QLabel(self.tr("Case opened. Tracking number:"), self)
        self.heading.setProperty("role", "heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        self.tracking_label = QLabel(self)
        self.tracking_label.setObjectName("tracking-number")
        self.tracking_label.setProperty("role", "tracking")
        self.tracking_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tracking_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.tracking_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.next_label = QLabel(self)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label.setWordWrap(True)
        layout.addWidget(self.next_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("Open the case file"), self)
        self.new_button = QPushButton(self.tr("New case (F2)"), self)
        self.new_button.setObjectName("new-case")
        self.new_button.setProperty("primary", True)
        self.print_button = QPushButton(self.tr("Print receipt (Ctrl+P)"), self)
        self.print_button.setObjectName("print-receipt")
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.case_id = ""
        self.tracking_number = ""
        self.new_button.clicked.connect(self.new_case)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.case_id))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.case_id))

    def show_result(self, result: OpenCaseResult, inspector_name: str) -> None:
        self.case_id = result.case_id
        self.tracking_number = result.tracking_number
        from app.domain.tracking import format_tracking_number

        self.tracking_label.setText(ltr_isolate(digits(format_tracking_number(result.tracking_number))))
        if result.appointment_day is not None:
            text = self.tr("Inspection visit on %1").replace(
                "%1", format_jalali_long(result.appointment_day, weekday=True)
            )
            if inspector_name:
                text += " — " + inspector_name
        elif result.missing_documents:
            titles = [CATALOG.document_type(c).title_fa if current_language() == "fa" else
                      CATALOG.document_type(c).title_en for c in result.missing_documents]  # fmt: skip
            text = self.tr("The case waits at the counter for: %1").replace("%1", join_list(titles))
        else:
            text = ""
        self.next_label.setText(text)
        self.new_button.setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.new_case.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class IntakePanel(QWidget):
    """The whole counter form. ``case_opened`` fires with the ``OpenCaseResult``."""

    case_opened = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("intake")
        self.result: OpenCaseResult | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)

        scroll = QScrollArea(self.stack)
        scroll.setWidgetResizable(True)
        form_page = QWidget(scroll)
        scroll.setWidget(form_page)
        columns = QHBoxLayout(form_page)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(right, 1)
        columns.addLayout(left, 1)

        self.applicant = ApplicantSection(ctx, form_page)
        self.property = PropertySection(ctx, form_page)
        service_box = QGroupBox(self.tr("3. Service"), form_page)
        service_layout = QVBoxLayout(service_box)
        self.service_combo = QComboBox(service_box)
        self.service_combo.setObjectName("service")
        self.service_combo.setToolTip(self.tr("Type the first letters of a unit or a service to find it"))
        self._fill_services()
        service_layout.addWidget(self.service_combo)
        self.service_message = QLabel(service_box)
        self.service_message.setProperty("role", "fieldMessage")
        self.service_message.hide()
        service_layout.addWidget(self.service_message)
        self.documents = DocumentsSection(form_page)
        self.visit = VisitSection(ctx, form_page)

        right.addWidget(self.applicant)
        right.addWidget(self.property)
        right.addWidget(service_box)
        right.addStretch(1)
        left.addWidget(self.documents)
        left.addWidget(self.visit)
        bottom = QHBoxLayout()
        self.error_label = QLabel(form_page)
        self.error_label.setObjectName("intake-error")
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.setWordWrap(True)
        bottom.addWidget(self.error_label, 1)
        self.open_button = QPushButton(self.tr("Open case (Ctrl+Enter)"), form_page)
        self.open_button.setObjectName("open-case")
        self.open_button.setProperty("primary", True)
        self.open_button.setAutoDefault(False)
        bottom.addWidget(self.open_button)
        left.addLayout(bottom)
        self.stack.addWidget(scroll)

        self.result_page = ResultPage(self.stack)
        self.stack.addWidget(self.result_page)

        QWidget.setTabOrder(self.applicant.id_edit, self.property.code_edit)
        QWidget.setTabOrder(self.property.code_edit, self.service_combo)
        QWidget.setTabOrder(self.service_combo, self.documents.list)
        QWidget.setTabOrder(self.documents.list, self.documents.all_button)
        QWidget.setTabOrder(self.documents.all_button, self.visit.calendar)
        QWidget.setTabOrder(self.visit.calendar, self.visit.inspector_combo)
        QWidget.setTabOrder(self.visit.inspector_combo, self.open_button)

        self.applicant.person_ready.connect(lambda _p: self.property.code_edit.setFocus())
        self.property.property_ready.connect(lambda _p: self.service_combo.setFocus())
        self.service_combo.currentIndexChanged.connect(self._service_changed)
        self.documents.changed.connect(self._update_visit_need)
        self.open_button.clicked.connect(self.open_case)
        self.result_page.new_case.connect(self.new_case)
        self.result_page.open_requested.connect(self._open_case_view)
        self.result_page.print_requested.connect(self.print_receipt)
        for keys in (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._open_shortcut)
        new_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_shortcut.activated.connect(self.new_case)
        self.setFocusProxy(self.applicant.id_edit)
        self._busy = False
        self._service_changed()
        self.visit.reload()

    def _fill_services(self) -> None:
        """Every service opened at the counter, grouped by unit: the formation unit's first (the building case is
        the first item), then each of units 2–7 after a separator, its items prefixed with the unit's name so that
        typing the unit's first letters finds them."""
        persian = current_language() == "fa"
        unit = ""
        for service in counter_services():
            if service.unit != unit:
                if unit:
                    self.service_combo.insertSeparator(self.service_combo.count())
                unit = service.unit
            text = _title(service)
            if unit != "formation":
                u = get_unit(unit)
                text = f"{u.title_fa if persian else u.title_en}: {text}"
            self.service_combo.addItem(text, service.code)
            self.service_combo.setItemData(self.service_combo.count() - 1, _title(service), Qt.ItemDataRole.ToolTipRole)

    # -- steps ---------------------------------------------------------------------------------------------------------

    def service(self) -> Service | None:
        code = self.service_combo.currentData()
        return CATALOG.find(str(code)) if code else None

    def _service_changed(self) -> None:
        service = self.service()
        self.documents.set_service(service)
        self.service_message.hide()
        self._update_visit_need()

    def _needs_visit(self) -> bool:
        service = self.service()
        return bool(service and service.needs_inspection and not self.documents.missing_titles())

    def _update_visit_need(self) -> None:
        service = self.service()
        self.visit.setEnabled(bool(service and service.needs_inspection))

    def _open_shortcut(self) -> None:
        if self.stack.currentWidget() is not self.result_page:
            self.open_case()

    def open_case(self) -> None:
        """Check every step, then open the case on the writer thread."""
        if self._busy:
            return
        self.error_label.clear()
        service = self.service()
        checks = [self.applicant.validate_for_submit()]
        checks.append(self.property.validate_for_submit(required=bool(service and service.needs_inspection)))
        if service is None:
            self.service_message.setText(message_for("service.required"))
            self.service_message.show()
            checks.append(False)
        if self._needs_visit():
            checks.append(self.visit.validate_for_submit())
        if not all(checks):
            self._focus_first_problem()
            return
        assert service is not None and self.applicant.person is not None
        needs_visit = self._needs_visit()
        inp = OpenCaseInput(
            service_code=service.code,
            applicant_id=self.applicant.person.id,
            property_id=self.property.property.id if self.property.property else None,
            received_documents=self.documents.received(),
            inspection_day=self.visit.selected_day() if needs_visit else None,
            inspector_id=self.visit.inspector_id() if needs_visit else None,
        )
        self._busy = True
        self.open_button.setEnabled(False)
        self.ctx.tasks.write(
            self.ctx.services.intake.open_case, self.ctx.actor, inp,
            on_done=self._opened, on_error=self._failed, initiator=self,
        )  # fmt: skip

    def _focus_first_problem(self) -> None:
        if self.applicant.person is None:
            self.applicant.id_edit.setFocus()
        elif self.property.error_label.isVisible():
            self.property.code_edit.setFocus()
        elif self.visit.message_label.isVisible():
            self.visit.calendar.setFocus()

    def _opened(self, result: OpenCaseResult) -> None:
        self._busy = False
        self.open_button.setEnabled(True)
        self.result = result
        inspector_name = ""
        if result.inspector_id:
            inspector_name = next(
                (line.inspector_name for lines in self.visit._by_day.values() for line in lines
                 if line.inspector_id == result.inspector_id), "",
            )  # fmt: skip
        self.result_page.show_result(result, inspector_name)
        self.stack.setCurrentWidget(self.result_page)
        self.result_page.new_button.setFocus()
        self.visit.reload()
        self.case_opened.emit(result)

    def _failed(self, error: DomainError) -> None:
        self._busy = False
        self.open_button.setEnabled(True)
        if error.params.get("field") in ("inspection_day", "inspector_id"):
            self.visit.show_error(error)
            self.visit.reload()
            return
        self.error_label.setText(error_text(error))

    def new_case(self) -> None:
        self.applicant.reset()
        self.property.reset()
        self.service_combo.setCurrentIndex(0)
        self._service_changed()
        self.error_label.clear()
        self.result = None
        self.stack.setCurrentIndex(0)
        self.applicant.id_edit.setFocus()

    def print_receipt(self, case_id: str) -> None:
        """The receipt of the case just opened, in the print preview (Ctrl+P on the result page)."""
        from app.ui.print.menu import controller_of

        if case_id:
            controller_of(self.ctx, self, self.error_label).open_preview(case_id, "receipt")

    def _open_case_view(self, case_id: str) -> None:
        from app.ui.case_view import CaseView

        if case_id:
            CaseView.show_case(self.ctx, case_id, self.window())
