"""«Go to the case's location»: the workstation's aerial map centred on the case's property, with its sketch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.maps.sketch import Sketch
from app.ui.context import UiContext
from app.ui.map.sketch_widget import SketchWidget
from app.ui.map.source import workstation_source
from app.ui.messages import error_text


class CaseMapDialog(QDialog):
    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.setObjectName("case-map")
        self.setWindowTitle(self.tr("The case's location"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 700)
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setProperty("role", "hint")
        layout.addWidget(self.message)
        self.sketch = SketchWidget(workstation_source(ctx, on_ready=self._source_ready), None, self)
        self.sketch.saveButton.hide()
        self.sketch.loadButton.hide()
        layout.addWidget(self.sketch, 1)
        ctx.tasks.read(ctx.services.inspection.sketch_of, case_id, on_done=self._sketch, on_error=self._failed)
        ctx.tasks.read(ctx.services.inspection.case_location, case_id, on_done=self._go, on_error=self._failed)

    def _source_ready(self, source: object) -> None:
        self.sketch.view.setSource(source)  # type: ignore[arg-type]

    def _sketch(self, sketch: Sketch | None) -> None:
        if sketch is not None:
            self.sketch.setSketch(sketch)

    def _go(self, where: tuple[float, float] | None) -> None:
        if where is None:
            self.message.setText(self.tr("The property has no location or sketch yet."))
            return
        self.sketch.view.goToLonLat(where[0], where[1], 19.0)

    def _failed(self, error: DomainError) -> None:
        self.message.setText(error_text(error))

    def done(self, result: int) -> None:
        self.sketch.shutdown()
        super().done(result)


def show_case_on_map(ctx: UiContext, case_id: str, parent: QWidget | None = None) -> CaseMapDialog:
    dialog = CaseMapDialog(ctx, case_id, parent)
    dialog.open()
    return dialog
