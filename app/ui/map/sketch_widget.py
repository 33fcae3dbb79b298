"""SketchWidget: the map, the sketch editor and the side panel, ready to embed in the inspection tab.

    widget = SketchWidget(source, sketch, on_save=lambda sketch, geojson: ..., on_load=lambda: text_or_None)
    widget.sketchChanged.connect(...)
    sketch = widget.sketch()

The widget knows nothing of cases or the database: the hosting tab stores ``sketch().to_geojson()`` on the case
through a service (save/load are callbacks).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.maps.geometry import AreaCheck, compare_with_deed
from app.maps.projection import utm_to_mercator
from app.maps.sketch import Sketch
from app.maps.tiles import TileSource
from app.ui.map.format import fa_number
from app.ui.map.map_view import MapView
from app.ui.map.measure_panel import MeasurePanel
from app.ui.map.sketch_editor import SketchEditor

SaveCallback = Callable[[Sketch, str], None]
LoadCallback = Callable[[], str | None]


class SketchWidget(QWidget):
    sketchChanged = Signal()
    deedFlagChanged = Signal(bool)

    def __init__(
        self,
        source: TileSource | None,
        sketch: Sketch | None = None,
        parent: QWidget | None = None,
        *,
        on_save: SaveCallback | None = None,
        on_load: LoadCallback | None = None,
        tolerance: float = 0.05,
    ) -> None:
        super().__init__(parent)
        self._on_save, self._on_load = on_save, on_load
        self._tolerance = tolerance
        self._flag = False
        self.view = MapView(source, self)
        self.editor = SketchEditor(self.view, sketch)
        self.undoStack = self.editor.undo_stack

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._tool_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for tool, text, shortcut in (
            ("edit", self.tr("ویرایش"), "E"),
            ("parcel", self.tr("مرز قطعه"), "P"),
            ("building", self.tr("ساختمان"), "B"),
            ("passage", self.tr("گذر"), "G"),
            ("pin", self.tr("جانمایی"), "L"),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
            action.triggered.connect(lambda _checked=False, t=tool: self.editor.setTool(t))
            group.addAction(action)
            self.toolbar.addAction(action)
            self._tool_actions[tool] = action
        self._tool_actions["edit"].setChecked(True)
        self.editor.toolChanged.connect(lambda t: self._tool_actions[t].setChecked(True))
        self.toolbar.addSeparator()
        # Own actions (not createUndoAction) so the toolbar keeps a short label; the command name goes in the tip.
        undo = QAction(self.tr("واگرد"), self)
        undo.triggered.connect(self.undoStack.undo)
        self.undoStack.canUndoChanged.connect(undo.setEnabled)
        self.undoStack.undoTextChanged.connect(undo.setToolTip)
        undo.setEnabled(False)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = QAction(self.tr("ازنو"), self)
        redo.triggered.connect(self.undoStack.redo)
        self.undoStack.canRedoChanged.connect(redo.setEnabled)
        self.undoStack.redoTextChanged.connect(redo.setToolTip)
        redo.setEnabled(False)
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.toolbar.addAction(undo)
        self.toolbar.addAction(redo)
        self.toolbar.addSeparator()
        fit = QAction(self.tr("نمایش قطعه"), self)
        fit.setShortcut(QKeySequence("F"))
        fit.triggered.connect(self.fitToSketch)
        self.toolbar.addAction(fit)
        for a in (undo, redo, fit):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for a in self._tool_actions.values():
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addActions([undo, redo, fit, *self._tool_actions.values()])

        self.cursorLabel = QLabel(self)
        self.cursorLabel.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.cursorLabel.setStyleSheet("color: #333; font-family: monospace")
        self.view.cursorText.connect(self.cursorLabel.setText)

        map_box = QVBoxLayout()
        map_box.setContentsMargins(0, 0, 0, 0)
        map_box.setSpacing(2)
        map_box.addWidget(self.toolbar)
        map_box.addWidget(self.view, 1)
        map_box.addWidget(self.cursorLabel)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_panel())  # first: on the right in the right-to-left window
        layout.addLayout(map_box, 1)

        self.editor.sketchChanged.connect(self._on_sketch_changed)
        self.editor.measuresChanged.connect(self._on_measures)
        self._on_sketch_changed()
        if sketch is not None and sketch.parcel:
            self.fitToSketch()

    # ---- panel -----------------------------------------------------------------------------------------------------
    def _build_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setMinimumWidth(300)
        panel.setMaximumWidth(360)
        panel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)

        measures = QGroupBox(self.tr("مساحت و محیط (UTM)"), panel)
        form = QFormLayout(measures)
        self.areaLabel = QLabel(measures)
        self.perimeterLabel = QLabel(measures)
        self.closureLabel = QLabel(measures)
        self.deedSpin = QDoubleSpinBox(measures)
        self.deedSpin.setRange(0, 10_000_000)
        self.deedSpin.setDecimals(2)
        self.deedSpin.setSpecialValueText(self.tr("ندارد"))
        self.deedSpin.setSuffix(self.tr(" متر مربع"))
        self.deedSpin.editingFinished.connect(lambda: self.editor.setDeedArea(self.deedSpin.value() or None))
        self.toleranceSpin = QDoubleSpinBox(measures)
        self.toleranceSpin.setRange(0.5, 50)
        self.toleranceSpin.setDecimals(1)
        self.toleranceSpin.setSuffix(" %")
        self.toleranceSpin.setValue(self._tolerance * 100)
        self.toleranceSpin.valueChanged.connect(lambda v: self.setTolerance(v / 100))
        self.deedLabel = QLabel(measures)
        self.deedLabel.setWordWrap(True)
        form.addRow(self.tr("مساحت:"), self.areaLabel)
        form.addRow(self.tr("محیط:"), self.perimeterLabel)
        form.addRow(self.tr("خطای بست:"), self.closureLabel)
        form.addRow(self.tr("مساحت سند:"), self.deedSpin)
        form.addRow(self.tr("حد مجاز اختلاف:"), self.toleranceSpin)
        form.addRow(self.deedLabel)
        box.addWidget(measures)

        sides = QGroupBox(self.tr("اضلاع اندازه‌گیری‌شده با متر"), panel)
        sides_box = QVBoxLayout(sides)
        hint = QLabel(self.tr("طول هر ضلع را وارد کنید؛ زاویهٔ خالی قائمه فرض می‌شود."), sides)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666")
        sides_box.addWidget(hint)
        self.measurePanel = MeasurePanel(sides)
        self.measurePanel.applied.connect(self.editor.applyMeasuredSides)
        scroll = QScrollArea(sides)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.measurePanel)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        sides_box.addWidget(scroll, 1)
        box.addWidget(sides, 1)

        snapping = QGroupBox(self.tr("گیرش"), panel)
        snap_box = QVBoxLayout(snapping)
        self.snapChecks: dict[str, QCheckBox] = {}
        for attr, text in (
            ("vertices", self.tr("به رأس‌ها")),
            ("edges", self.tr("به لبه‌ها")),
            ("right_angles", self.tr("زاویهٔ قائمه")),
            ("parallels", self.tr("موازی")),
        ):
            check = QCheckBox(text, snapping)
            check.setChecked(getattr(self.editor.snap_options, attr))
            check.toggled.connect(lambda on, a=attr: setattr(self.editor.snap_options, a, on))
            snap_box.addWidget(check)
            self.snapChecks[attr] = check
        box.addWidget(snapping)

        passage = QGroupBox(self.tr("گذر"), panel)
        passage_form = QFormLayout(passage)
        self.passageWidthSpin = QDoubleSpinBox(passage)
        self.passageWidthSpin.setRange(1, 100)
        self.passageWidthSpin.setDecimals(1)
        self.passageWidthSpin.setSuffix(self.tr(" متر"))
        self.passageWidthSpin.setValue(self.editor.passage_width_m)
        self.passageWidthSpin.valueChanged.connect(lambda v: setattr(self.editor, "passage_width_m", v))
        passage_form.addRow(self.tr("عرض گذر تازه:"), self.passageWidthSpin)
        box.addWidget(passage)

        buttons = QHBoxLayout()
        self.saveButton = QPushButton(self.tr("ذخیره"), panel)
        self.saveButton.clicked.connect(self.save)
        self.saveButton.setEnabled(self._on_save is not None)
        self.loadButton = QPushButton(self.tr("بازخوانی"), panel)
        self.loadButton.clicked.connect(self.load)
        self.loadButton.setEnabled(self._on_load is not None)
        buttons.addWidget(self.saveButton)
        buttons.addWidget(self.loadButton)
        box.addLayout(buttons)
        return panel

    # ---- API -------------------------------------------------------------------------------------------------------
    def sketch(self) -> Sketch:
        return self.editor.sketch()

    def setSketch(self, sketch: Sketch, undoable: bool = False) -> None:
        self.editor.setSketch(sketch, undoable=undoable)
        self.deedSpin.setValue(sketch.deed_area_m2 or 0)
        if sketch.parcel:
            self.fitToSketch()

    def tolerance(self) -> float:
        return self._tolerance

    def setTolerance(self, tolerance: float) -> None:
        self._tolerance = tolerance
        if abs(self.toleranceSpin.value() - tolerance * 100) > 1e-9:
            self.toleranceSpin.setValue(tolerance * 100)
        self._update_deed()

    def setDeedArea(self, area: float | None) -> None:
        self.editor.setDeedArea(area)

    def areaCheck(self) -> AreaCheck | None:
        s = self.sketch()
        if not s.deed_area_m2 or len(s.parcel) < 3:
            return None
        return compare_with_deed(s.area_m2, s.deed_area_m2, self._tolerance)

    def geojson(self) -> str:
        return self.sketch().to_geojson_text(self._tolerance)

    def save(self) -> None:
        if self._on_save is not None:
            self._on_save(self.sketch(), self.geojson())

    def load(self) -> None:
        if self._on_load is None:
            return
        text = self._on_load()
        if text:
            self.setSketch(Sketch.from_geojson(text), undoable=True)

    def fitToSketch(self) -> None:
        s = self.sketch()
        pts = list(s.parcel) + [p for b in s.buildings for p in b.ring] + ([s.pin] if s.pin else [])
        if not pts:
            return
        merc = utm_to_mercator(pts, s.crs)
        xs, ys = [p[0] for p in merc], [p[1] for p in merc]
        self.view.fitMercatorRect(min(xs), min(ys), max(xs), max(ys))

    def shutdown(self) -> None:
        self.view.shutdown()

    # ---- updates ---------------------------------------------------------------------------------------------------
    def _on_measures(self, area: float, perimeter: float) -> None:
        self.areaLabel.setText(self.tr("%1 متر مربع").replace("%1", fa_number(area, 2)))
        self.perimeterLabel.setText(self.tr("%1 متر").replace("%1", fa_number(perimeter, 2)))

    def _on_sketch_changed(self) -> None:
        s = self.sketch()
        sides = s.side_lengths_m if len(s.parcel) >= 3 else []
        turns = [self.editor._drawn_turn(list(s.parcel), i) for i in range(len(sides))]
        self.measurePanel.setSides(sides, turns, s.legs)
        closure = self.editor.closureError()
        if closure is None:
            self.closureLabel.setText("—")
            self.closureLabel.setStyleSheet("")
        else:
            self.closureLabel.setText(self.tr("%1 سانتی‌متر").replace("%1", fa_number(closure * 100, 1)))
            self.closureLabel.setStyleSheet("color: #b00020; font-weight: bold" if closure > 0.10 else "color: #1b5e20")
        if (s.deed_area_m2 or 0) != self.deedSpin.value():
            self.deedSpin.blockSignals(True)
            self.deedSpin.setValue(s.deed_area_m2 or 0)
            self.deedSpin.blockSignals(False)
        self._update_deed()
        self.sketchChanged.emit()

    def _update_deed(self) -> None:
        check = self.areaCheck()
        flag = bool(check and check.flagged)
        if check is None:
            self.deedLabel.setText("")
            self.deedLabel.setStyleSheet("")
        else:
            percent = fa_number(check.ratio * 100, 1)
            if check.flagged:
                text = self.tr("اختلاف با سند %1 درصد؛ بیش از حد مجاز").replace("%1", percent)
                self.deedLabel.setStyleSheet("background: #fde7e9; color: #b00020; padding: 4px; font-weight: bold")
            else:
                text = self.tr("اختلاف با سند %1 درصد؛ در حد مجاز").replace("%1", percent)
                self.deedLabel.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 4px")
            self.deedLabel.setText(text)
        if flag != self._flag:
            self._flag = flag
            self.deedFlagChanged.emit(flag)

    def deedFlagged(self) -> bool:
        return self._flag
