"""The service catalog as this office runs it: every service with its unit, documents and fees (read-only, from the
catalog data), and its deadline in working days, which the administration unit may change."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError
from app.domain.units import get_unit
from app.services.admin import MAX_DEADLINE_DAYS, ServiceDeadline
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.qt_app import current_language
from app.ui.units.admin.common import RowsModel, RowsView, message_label, show_message


class CatalogPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("admin-catalog")
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Services, documents and fees come from the catalog; each service's deadline can be "
                              "changed here (working days)."), self)  # fmt: skip
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = RowsModel(
            [self.tr("Code"), self.tr("Service"), self.tr("Unit"), self.tr("Documents"), self.tr("Catalog deadline"),
             self.tr("Deadline in force")],
            self._cells,
            sort_keys=lambda s: [s.code, s.title_fa, s.unit, 0, s.catalog_days, s.days],
            parent=self,
        )  # fmt: skip
        self.model.ltr_columns = {0}
        self.model.highlight = lambda s: s.changed
        self.view = RowsView(self.model, self)
        self.view.setObjectName("catalog-table")
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_selected())
        layout.addWidget(self.view, 1)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Deadline of the chosen service (working days):"), self))
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("deadline-days")
        self.days_spin.setRange(1, MAX_DEADLINE_DAYS)
        form.addWidget(self.days_spin)
        self.set_button = QPushButton(self.tr("Set deadline"), self)
        self.set_button.setObjectName("set-deadline")
        self.set_button.clicked.connect(self.set_deadline)
        self.reset_button = QPushButton(self.tr("Back to the catalog's"), self)
        self.reset_button.setObjectName("reset-deadline")
        self.reset_button.clicked.connect(self.reset_deadline)
        form.addWidget(self.set_button)
        form.addWidget(self.reset_button)
        form.addStretch(1)
        layout.addLayout(form)
        self.message = message_label(self, "catalog-message")
        layout.addWidget(self.message)
        self.reload()

    def _cells(self, s: ServiceDeadline) -> list[str]:
        persian = current_language() == "fa"
        unit = get_unit(s.unit)
        service = CATALOG.get(s.code)
        documents = digits(len(service.required_documents))
        return [s.code, s.title_fa if persian else s.title_en, unit.title_fa if persian else unit.title_en,
                documents, digits(s.catalog_days), digits(s.days)]  # fmt: skip

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.admin.service_deadlines, on_done=self._loaded, on_error=self._error)

    def _loaded(self, rows: list[ServiceDeadline]) -> None:
        selected = self.view.current_row()
        self.model.set_rows(rows)
        if selected is not None:
            self.view.select_where(lambda s: s.code == selected.code)

    def services(self) -> list[ServiceDeadline]:
        return self.model.rows()

    def select_service(self, code: str) -> bool:
        return self.view.select_where(lambda s: s.code == code)

    def _show_selected(self) -> None:
        row = self.view.current_row()
        if row is not None:
            self.days_spin.setValue(row.days)

    def _error(self, error: DomainError) -> None:
        show_message(self.message, error_text(error))

    def set_deadline(self, days: int | None = None) -> None:
        row = self.view.current_row()
        if row is None:
            show_message(self.message, self.tr("Choose a service in the table first."))
            return
        value = self.days_spin.value() if not isinstance(days, int) or isinstance(days, bool) else days
        self.ctx.tasks.write(self.ctx.services.admin.set_service_deadline, self.ctx.actor, row.code, value,
                             on_done=self._saved, on_error=self._error)  # fmt: skip

    def reset_deadline(self) -> None:
        row = self.view.current_row()
        if row is not None:
            self.set_deadline(row.catalog_days)

    def _saved(self, _changes: object) -> None:
        show_message(self.message, self.tr("Saved: new cases of this service get the new deadline."))
        self.reload()
