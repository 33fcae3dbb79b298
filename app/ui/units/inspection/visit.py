"""The visit form: the sketch (``SketchWidget``) beside the inspector's measurements, boundaries, floors and uses,
violations observed and photos; and the inspection chain's own steps (the aerial extract, locating, the deficiency
return, the dispatch to the district). Everything goes through ``services.inspection``; nothing here runs SQL.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.rules.violations import VIOLATION_KINDS
from app.domain.text import normalize
from app.maps.projection import utm_to_lonlat
from app.maps.sketch import Sketch
from app.maps.tiles import TileSource
from app.services.inspection import (
    BOUNDARY_SIDES,
    DEFICIENCY_ITEMS,
    USES,
    Boundary,
    ObservedViolation,
    VisitInput,
    VisitView,
)
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.map.sketch_widget import SketchWidget
from app.ui.map.source import is_demo_workstation, prepare_demo_tiles
from app.ui.messages import error_text, message_for
from app.ui.widgets.jalali import JalaliDateEdit

log = logging.getLogger(__name__)


def _spin(parent: QWidget, suffix: str, maximum: float = 1_000_000, decimals: int = 2) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(0, maximum)
    spin.setDecimals(decimals)
    spin.setSpecialValueText("—")  # 0 = not measured
    spin.setSuffix(suffix)
    spin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return spin


def _value(spin: QDoubleSpinBox) -> float | None:
    return spin.value() or None


class VisitPanel(QWidget):
    """One case's visit form. ``load_case(case_id)`` fills it; Save (Ctrl+S) stores form and sketch together."""

    saved = Signal(str)
    failed = Signal(str)
    loaded = Signal()
    open_case_requested = Signal(str)

    def __init__(self, ctx: UiContext, source: TileSource | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view_data: VisitView | None = None
        self.case_id: str | None = None
        self.setObjectName("inspection-visit")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        head = QHBoxLayout()
        self.case_label = QLabel(self.tr("Choose a case from the cartable (double-click)."), self)
        self.case_label.setProperty("role", "heading")
        self.flag_label = QLabel(self)
        self.flag_label.setObjectName("area-flag")
        self.flag_label.hide()
        head.addWidget(self.case_label, 1)
        head.addWidget(self.flag_label)
        layout.addLayout(head)

        bar = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save visit and sketch"), self)
        self.save_button.setToolTip("Ctrl+S")
        self.report_button = QPushButton(self.tr("Inspection report…"), self)
        self.photos_button = QPushButton(self.tr("Attach photos…"), self)
        self.aerial_button = QPushButton(self.tr("Attach the 1:2000 aerial extract"), self)
        self.locate_button = QPushButton(self.tr("Confirm the location"), self)
        self.deficiency_button = QPushButton(self.tr("Return with deficiency…"), self)
        self.dispatch_button = QPushButton(self.tr("Send to the district…"), self)
        self.case_button = QPushButton(self.tr("Case file…"), self)
        for b in (self.save_button, self.report_button, self.photos_button, self.aerial_button, self.locate_button,
                  self.deficiency_button, self.dispatch_button):  # fmt: skip
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.case_button)
        layout.addLayout(bar)

        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "fieldMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)
        # A demo workstation without an aerial map: make the demo one (once).
        self.tiles_bar = QWidget(self)
        tiles_box = QHBoxLayout(self.tiles_bar)
        tiles_box.setContentsMargins(0, 0, 0, 0)
        self.tiles_label = QLabel(self.tr("This workstation has no aerial map yet."), self.tiles_bar)
        self.tiles_label.setProperty("role", "hint")
        self.tiles_button = QPushButton(self.tr("Prepare the demo aerial map (once, about 10 s)"), self.tiles_bar)
        self.tiles_button.clicked.connect(self.prepare_demo_tiles)
        tiles_box.addWidget(self.tiles_label)
        tiles_box.addWidget(self.tiles_button)
        tiles_box.addStretch(1)
        self.tiles_bar.hide()
        layout.addWidget(self.tiles_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.form_scroll = QScrollArea(splitter)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setMinimumWidth(340)
        form_host = QWidget(self.form_scroll)
        self._build_form(form_host)
        self.form_scroll.setWidget(form_host)
        self.sketch = SketchWidget(source, None, splitter, tolerance=ctx.settings.deed_area_tolerance_pct / 100)
        self.sketch.saveButton.hide()  # the panel's Save stores the sketch with the form
        self.sketch.loadButton.hide()
        splitter.addWidget(self.form_scroll)
        splitter.addWidget(self.sketch)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.save_button.clicked.connect(self.save)
        self.report_button.clicked.connect(self.show_report)
        self.photos_button.clicked.connect(self.choose_photos)
        self.aerial_button.clicked.connect(self.attach_aerial)
        self.locate_button.clicked.connect(self.confirm_location)
        self.deficiency_button.clicked.connect(self.ask_deficiency)
        self.dispatch_button.clicked.connect(self.ask_dispatch)
        self.case_button.clicked.connect(lambda: self.case_id and self.open_case_requested.emit(self.case_id))
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self._set_enabled(False)

    # -- the form ------------------------------------------------------------------------------------------------------
    def _build_form(self, host: QWidget) -> None:
        box = QVBoxLayout(host)
        self.field_errors: dict[str, QLabel] = {}

        def error_label(parent: QWidget, *fields: str) -> QLabel:
            label = QLabel(parent)
            label.setProperty("role", "fieldMessage")
            label.setWordWrap(True)
            label.hide()
            for f in fields:
                self.field_errors[f] = label
            return label

        areas = QGroupBox(self.tr("Areas"), host)
        form = QFormLayout(areas)
        m2 = " " + self.tr("m²")
        self.existing_spin = _spin(areas, m2)
        self.deed_spin = _spin(areas, m2)
        self.corrected_spin = _spin(areas, m2)
        self.widening_spin = _spin(areas, m2)
        form.addRow(self.tr("Existing area:"), self.existing_spin)
        form.addRow(self.tr("Area per deed:"), self.deed_spin)
        form.addRow(self.tr("Area after the corrected street line:"), self.corrected_spin)
        form.addRow(self.tr("Area inside the widening path:"), self.widening_spin)
        form.addRow(error_label(areas, "existing_area_m2", "deed_area_m2", "corrected_area_m2", "widening_area_m2"))
        box.addWidget(areas)

        dims = QGroupBox(self.tr("Dimensions and passages"), host)
        form = QFormLayout(dims)
        metre = " " + self.tr("m")
        self.depth_spin = _spin(dims, metre, 10_000)
        self.frontage_spin = _spin(dims, metre, 10_000)
        self.chamfer_spin = _spin(dims, metre, 100)
        self.widths_edit = QLineEdit(dims)
        self.widths_edit.setObjectName("street-widths")
        self.widths_edit.setPlaceholderText(self.tr("e.g. 12, 8"))
        form.addRow(self.tr("Depth:"), self.depth_spin)
        form.addRow(self.tr("Frontage:"), self.frontage_spin)
        form.addRow(self.tr("Chamfer:"), self.chamfer_spin)
        form.addRow(self.tr("Street widths (m):"), self.widths_edit)
        form.addRow(error_label(dims, "depth_m", "frontage_m", "chamfer_m", "street_widths_m"))
        box.addWidget(dims)

        bounds = QGroupBox(self.tr("The four boundaries and neighbours"), host)
        grid = QGridLayout(bounds)
        self.boundary_lengths: dict[str, QDoubleSpinBox] = {}
        self.boundary_neighbours: dict[str, QLineEdit] = {}
        titles = {"north": self.tr("North"), "south": self.tr("South"), "east": self.tr("East"),
                  "west": self.tr("West")}  # fmt: skip
        for row, side in enumerate(BOUNDARY_SIDES):
            grid.addWidget(QLabel(titles[side] + ":", bounds), row, 0)
            length = _spin(bounds, metre, 10_000)
            neighbour = QLineEdit(bounds)
            neighbour.setPlaceholderText(self.tr("neighbour, plate or passage"))
            grid.addWidget(length, row, 1)
            grid.addWidget(neighbour, row, 2)
            self.boundary_lengths[side] = length
            self.boundary_neighbours[side] = neighbour
        grid.addWidget(error_label(bounds, *(f"boundary_{s}" for s in BOUNDARY_SIDES)), 4, 0, 1, 3)
        box.addWidget(bounds)

        found = QGroupBox(self.tr("Floors and uses found"), host)
        grid = QGridLayout(found)
        self.floors_spin = QSpinBox(found)
        self.floors_spin.setRange(-1, 100)
        self.floors_spin.setSpecialValueText("—")
        self.floors_spin.setValue(-1)
        grid.addWidget(QLabel(self.tr("Floors:"), found), 0, 0)
        grid.addWidget(self.floors_spin, 0, 1)
        use_titles = {"residential": self.tr("Residential"), "commercial": self.tr("Commercial"),
                      "office": self.tr("Office"), "industrial": self.tr("Industrial"),
                      "educational": self.tr("Educational"), "health": self.tr("Health"),
                      "garden": self.tr("Garden"), "vacant": self.tr("Vacant land"), "other": self.tr("Other")}  # fmt: skip
        self.use_checks: dict[str, QCheckBox] = {}
        for i, use in enumerate(USES):
            check = QCheckBox(use_titles[use], found)
            grid.addWidget(check, 1 + i // 3, i % 3)
            self.use_checks[use] = check
        grid.addWidget(error_label(found, "floors_found", "uses_found"), 5, 0, 1, 3)
        box.addWidget(found)

        viol = QGroupBox(self.tr("Violations observed"), host)
        vbox = QVBoxLayout(viol)
        self.violations_table = QTableWidget(0, 3, viol)
        self.violations_table.setObjectName("violations")
        self.violations_table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Area (m²)"), self.tr("Note")])
        self.violations_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.violations_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.violations_table.setMinimumHeight(110)
        vbox.addWidget(self.violations_table)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add violation"), viol)
        remove = QPushButton(self.tr("Remove"), viol)
        add.clicked.connect(lambda: self.add_violation_row())
        remove.clicked.connect(self._remove_violation)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        vbox.addLayout(buttons)
        vbox.addWidget(error_label(viol, "violations"))
        box.addWidget(viol)

        photos = QGroupBox(self.tr("Photos"), host)
        pbox = QVBoxLayout(photos)
        self.photos_list = QListWidget(photos)
        self.photos_list.setMaximumHeight(90)
        pbox.addWidget(self.photos_list)
        pbox.addWidget(error_label(photos, "photos"))
        box.addWidget(photos)

        notes = QGroupBox(self.tr("Notes"), host)
        nbox = QVBoxLayout(notes)
        self.notes_edit = QPlainTextEdit(notes)
        self.notes_edit.setMaximumHeight(70)
        nbox.addWidget(self.notes_edit)
        box.addWidget(notes)
        box.addStretch(1)
        self.deed_spin.editingFinished.connect(lambda: self.sketch.setDeedArea(self.deed_spin.value() or None))

    def add_violation_row(self, v: ObservedViolation | None = None) -> int:
        table = self.violations_table
        row = table.rowCount()
        table.insertRow(row)
        combo = QComboBox(table)
        for kind, info in VIOLATION_KINDS.items():
            combo.addItem(info.title_fa if self.ctx.settings.language == "fa" else info.title_en, kind.value)
        if v is not None:
            combo.setCurrentIndex(max(0, combo.findData(v.kind)))
        area = _spin(table, "", 100_000)
        area.setValue(float(v.area_m2 or 0) if v else 0)
        note = QLineEdit(v.note if v else "", table)
        table.setCellWidget(row, 0, combo)
        table.setCellWidget(row, 1, area)
        table.setCellWidget(row, 2, note)
        return row

    def _remove_violation(self) -> None:
        row = self.violations_table.currentRow()
        if row >= 0:
            self.violations_table.removeRow(row)

    def form_input(self) -> VisitInput:
        widths: list[float] = []
        text = normalize(self.widths_edit.text()).replace("،", ",").replace("٫", ".")
        bad_width = False
        for part in text.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                widths.append(float(part))
            except ValueError:
                bad_width = True
        if bad_width:
            widths.append(-1.0)  # the service refuses it with its message next to the field
        violations = []
        for row in range(self.violations_table.rowCount()):
            combo = self.violations_table.cellWidget(row, 0)
            area = self.violations_table.cellWidget(row, 1)
            note = self.violations_table.cellWidget(row, 2)
            assert isinstance(combo, QComboBox) and isinstance(area, QDoubleSpinBox) and isinstance(note, QLineEdit)
            violations.append(ObservedViolation(str(combo.currentData()), area.value() or None, note.text()))
        return VisitInput(
            existing_area_m2=_value(self.existing_spin),
            deed_area_m2=_value(self.deed_spin),
            corrected_area_m2=_value(self.corrected_spin),
            widening_area_m2=_value(self.widening_spin),
            depth_m=_value(self.depth_spin),
            frontage_m=_value(self.frontage_spin),
            chamfer_m=_value(self.chamfer_spin),
            street_widths_m=tuple(widths),
            boundaries={
                side: Boundary(_value(self.boundary_lengths[side]), self.boundary_neighbours[side].text())
                for side in BOUNDARY_SIDES
                if self.boundary_lengths[side].value() or self.boundary_neighbours[side].text().strip()
            },
            floors_found=self.floors_spin.value() if self.floors_spin.value() >= 0 else None,
            uses_found=tuple(u for u, c in self.use_checks.items() if c.isChecked()),
            violations=tuple(violations),
            notes=self.notes_edit.toPlainText(),
        )

    def _fill_form(self, v: VisitView) -> None:
        f = v.visit
        for spin, value in ((self.existing_spin, f.existing_area_m2),
                            (self.deed_spin, f.deed_area_m2 or v.property_deed_area_m2),
                            (self.corrected_spin, f.corrected_area_m2), (self.widening_spin, f.widening_area_m2),
                            (self.depth_spin, f.depth_m), (self.frontage_spin, f.frontage_m),
                            (self.chamfer_spin, f.chamfer_m)):  # fmt: skip
            spin.setValue(float(value or 0))
        self.widths_edit.setText(digits("، ".join(f"{w:g}" for w in f.street_widths_m)))
        for side in BOUNDARY_SIDES:
            b = f.boundaries.get(side, Boundary())
            self.boundary_lengths[side].setValue(float(b.length_m or 0))
            self.boundary_neighbours[side].setText(digits(b.neighbour))
        self.floors_spin.setValue(f.floors_found if f.floors_found is not None else -1)
        for use, check in self.use_checks.items():
            check.setChecked(use in f.uses_found)
        self.violations_table.setRowCount(0)
        for violation in f.violations:
            self.add_violation_row(violation)
        self.notes_edit.setPlainText(f.notes)
        self.photos_list.clear()
        for p in v.photos:
            self.photos_list.addItem(p.name)

    # -- loading -------------------------------------------------------------------------------------------------------
    def load_case(self, case_id: str) -> None:
        self.case_id = case_id
        self.ctx.tasks.read(self.ctx.services.inspection.visit_view, self.ctx.actor, case_id,
                            on_done=self._show, on_error=self._failed)  # fmt: skip

    def reload(self) -> None:
        if self.case_id:
            self.load_case(self.case_id)

    def _show(self, v: VisitView) -> None:
        if v.case_id != self.case_id:
            return
        self.view_data = v
        self._clear_errors()
        self.case_label.setText(
            f"\u2068{digits(v.tracking_number)}\u2069 — {v.applicant_name} — {digits(v.address)} — {v.state_title}"
        )
        self._fill_form(v)
        sketch = Sketch.from_geojson(v.sketch_geojson) if v.sketch_geojson else Sketch()
        deed = v.visit.deed_area_m2 or v.property_deed_area_m2
        if deed and not sketch.deed_area_m2:
            sketch = sketch.with_changes(deed_area_m2=deed)
        self.sketch.setSketch(sketch)
        self.sketch.undoStack.clear()
        if not sketch.parcel:
            self.go_to_location()
        self._show_flag(v)
        self._set_enabled(True)
        self.loaded.emit()

    def _show_flag(self, v: VisitView) -> None:
        check = v.area_check or {}
        if v.area_flag:
            pct = digits(f"{float(check.get('ratio', 0)) * 100:.1f}").replace(".", "٫")
            self.flag_label.setText(self.tr("Sketch area differs from the deed by %1%").replace("%1", pct))
            self.flag_label.setStyleSheet("background: #fde7e9; color: #b00020; padding: 4px; font-weight: bold")
            self.flag_label.show()
        else:
            self.flag_label.hide()

    def go_to_location(self) -> None:
        """Centre the map on the case's property (its location, else the sketch), or stay where it is."""
        v = self.view_data
        if v is not None and v.longitude is not None and v.latitude is not None:
            self.sketch.view.goToLonLat(v.longitude, v.latitude, 19.0)
            return
        if self.case_id:
            self.ctx.tasks.read(self.ctx.services.inspection.case_location, self.case_id,
                                on_done=self._go_to)  # fmt: skip

    def _go_to(self, where: tuple[float, float] | None) -> None:
        if where is not None:
            self.sketch.view.goToLonLat(where[0], where[1], 19.0)

    def _set_enabled(self, on: bool) -> None:
        v = self.view_data
        editable = bool(on and v and v.editable)
        self.save_button.setEnabled(editable)
        self.photos_button.setEnabled(editable)
        form = self.form_scroll.widget()
        if form is not None:
            form.setEnabled(bool(on))
        self.report_button.setEnabled(bool(on and v and v.sketch_geojson))
        allowed = v.role_actions if (on and v) else frozenset()  # from the workflow table, through the service
        self.aerial_button.setEnabled("attach_aerial_map" in allowed)
        self.locate_button.setEnabled("confirm_location" in allowed)
        self.deficiency_button.setEnabled("return_deficiency" in allowed)
        self.dispatch_button.setEnabled("send_to_district" in allowed)
        self.case_button.setEnabled(bool(on))

    # -- messages ------------------------------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in set(self.field_errors.values()):
            label.hide()
        self.message_label.hide()

    def _failed(self, error: DomainError) -> None:
        text = error_text(error)
        errors = error.params.get("errors") if isinstance(error.params.get("errors"), dict) else None
        field = error.params.get("field")
        shown = False
        if errors:
            texts: dict[QLabel, list[str]] = {}
            for name, code in errors.items():
                label = self.field_errors.get(name)
                if label is not None:
                    texts.setdefault(label, []).append(message_for(code, error.params))
            for label, lines in texts.items():  # one label per group: every bad field of it, one line each
                label.setText("\n".join(dict.fromkeys(lines)))
                label.show()
                shown = True
        elif isinstance(field, str) and field in self.field_errors:
            self.field_errors[field].setText(text)
            self.field_errors[field].show()
            shown = True
        self.message_label.setStyleSheet("")
        if not shown and errors:  # fields outside the form (a dialog's): every message, one line each
            text = "\n".join(dict.fromkeys(message_for(code, error.params) for code in errors.values()))
        self.message_label.setText(self.tr("Not saved: correct the fields marked in red.") if shown else text)
        self.message_label.show()
        self.failed.emit(text)

    def _done(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #1b5e20")
        self.message_label.show()
        self.saved.emit(self.case_id or "")
        self.reload()

    # -- actions -------------------------------------------------------------------------------------------------------
    def save(self) -> None:
        v = self.view_data
        if v is None or not v.editable:
            return
        self._clear_errors()
        self.message_label.setStyleSheet("")
        sketch = self.sketch.sketch()
        self.ctx.tasks.write(
            self.ctx.services.inspection.save_visit, self.ctx.actor, v.case_id, self.form_input(),
            sketch if sketch.parcel or v.sketch_geojson else None,
            expected_version=v.version, tolerance_pct=self.sketch.tolerance() * 100,
            on_done=lambda _c: self._done(self.tr("Visit and sketch saved.")), on_error=self._failed,
        )  # fmt: skip

    def add_photo_files(self, paths: list[Path]) -> None:
        if self.view_data is None or not paths:
            return
        self.ctx.tasks.write(self.ctx.services.inspection.add_photos, self.ctx.actor, self.view_data.case_id, paths,
                             on_done=lambda _c: self._done(self.tr("Photos attached.")), on_error=self._failed)  # fmt: skip

    def choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the visit"), str(Path.home()),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic)"),
        )  # fmt: skip
        self.add_photo_files([Path(f) for f in files])

    def attach_aerial(self) -> None:
        """Cut the 1:2000 extract around the property from the workstation's aerial map and attach it."""
        v = self.view_data
        if v is None:
            return
        where = self._pin_lonlat()
        if where is None:
            self._failed(DomainError("inspection.location_outside", field="location"))
            return
        from app.maps.sources import aerial_extract_png

        source = self.sketch.view.source()

        def work() -> Any:
            png = aerial_extract_png(source, where[0], where[1], zoom=19)
            return self.ctx.services.inspection.attach_aerial_map(self.ctx.actor, v.case_id, png,
                                                                  expected_version=v.version)  # fmt: skip

        self.ctx.tasks.write(work, on_done=lambda _c: self._done(self.tr("Aerial extract attached.")),
                             on_error=self._failed)  # fmt: skip

    def _pin_lonlat(self) -> tuple[float, float] | None:
        s = self.sketch.sketch()
        if s.pin is not None:
            return utm_to_lonlat([s.pin], s.crs)[0]
        v = self.view_data
        if v is not None and v.longitude is not None and v.latitude is not None:
            return v.longitude, v.latitude
        if s.parcel:
            xs, ys = [p[0] for p in s.parcel], [p[1] for p in s.parcel]
            return utm_to_lonlat([(sum(xs) / len(xs), sum(ys) / len(ys))], s.crs)[0]
        return None

    def confirm_location(self) -> None:
        v = self.view_data
        where = self._pin_lonlat()
        if v is None:
            return
        if where is None:
            self._failed(DomainError("inspection.location_outside", field="location"))
            return
        self.ctx.tasks.write(self.ctx.services.inspection.confirm_location, self.ctx.actor, v.case_id, where[0],
                             where[1], expected_version=v.version,
                             on_done=lambda _c: self._done(self.tr("Location confirmed.")), on_error=self._failed)  # fmt: skip

    def ask_deficiency(self) -> None:
        v = self.view_data
        if v is None:
            return
        dialog = DeficiencyDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.return_deficiency(dialog.missing(), dialog.note())

    def return_deficiency(self, missing: list[str], note: str) -> None:
        v = self.view_data
        if v is None:
            return
        self.ctx.tasks.write(self.ctx.services.inspection.return_deficiency, self.ctx.actor, v.case_id, missing,
                             note, expected_version=v.version,
                             on_done=lambda _c: self._done(self.tr("Returned to formation.")), on_error=self._failed)  # fmt: skip

    def ask_dispatch(self) -> None:
        v = self.view_data
        if v is None:
            return
        dialog = DispatchDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.send_to_district(dialog.number_edit.text(), dialog.date_edit.value())

    def send_to_district(self, number: str, day: dt.date | None) -> None:
        v = self.view_data
        if v is None:
            return
        self.ctx.tasks.write(self.ctx.services.inspection.send_to_district, self.ctx.actor, v.case_id, number, day,
                             expected_version=v.version,
                             on_done=lambda _c: self._done(self.tr("Sent to the district.")), on_error=self._failed)  # fmt: skip

    def show_report(self) -> None:
        v = self.view_data
        if v is None:
            return
        self.ctx.tasks.read(self.ctx.services.inspection.report_pdf, v.case_id,
                            on_done=lambda pdf: show_pdf(self.ctx, pdf, "report", self.tr("Inspection report"),
                                                         f"inspection-{v.tracking_number}.pdf", self),
                            on_error=self._failed)  # fmt: skip

    def set_source(self, source: TileSource | None) -> None:
        self.sketch.view.setSource(source)
        self.tiles_bar.setVisible(source is None and is_demo_workstation(self.ctx))
        if source is not None and self.view_data is not None and not self.sketch.sketch().parcel:
            self.go_to_location()

    def prepare_demo_tiles(self) -> None:
        self.tiles_button.setEnabled(False)
        self.tiles_label.setText(self.tr("Preparing the demo aerial map…"))
        prepare_demo_tiles(self.ctx, self.set_source)

    def shutdown(self) -> None:
        self.sketch.shutdown()


def show_pdf(ctx: UiContext, pdf: bytes, kind: str, title: str, file_name: str, parent: QWidget) -> QDialog:
    """The print preview (print, save as PDF), printer remembered per document kind in the settings."""
    from app.ui.print.preview import PrintPreviewDialog

    def get_printer(k: str) -> str:
        return str(ctx.settings.printer_for(k))

    def set_printer(k: str, name: str) -> None:
        from app.settings import save_settings

        ctx.settings = ctx.settings.with_changes(printers={**ctx.settings.printers, k: name})
        try:
            save_settings(ctx.paths.settings_file, ctx.settings)
        except OSError as exc:
            log.warning("printer choice not saved: %s", exc)

    dialog = PrintPreviewDialog(pdf, kind, get_printer, set_printer, parent, title=title, file_name=file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class DeficiencyDialog(QDialog):
    """What is missing (کسری): document check-boxes and a note; the case returns to formation with them."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return with deficiency"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What is missing?"), self))
        self.checks: dict[str, QCheckBox] = {}
        from app.domain.catalog import CATALOG

        for code in DEFICIENCY_ITEMS:
            doc = CATALOG.document_types.get(code)
            title = (doc.title_fa if ctx.settings.language == "fa" else doc.title_en) if doc else code
            check = QCheckBox(title, self)
            layout.addWidget(check)
            self.checks[code] = check
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Other missing items, for the citizen to be called"))
        layout.addWidget(self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def missing(self) -> list[str]:
        return [code for code, check in self.checks.items() if check.isChecked()]

    def note(self) -> str:
        return self.note_edit.toPlainText()


class DispatchDialog(QDialog):
    """The dispatch letter to the district: its number and Jalali date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send to the district"))
        form = QFormLayout(self)
        self.number_edit = QLineEdit(self)
        self.number_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.date_edit = JalaliDateEdit(self)
        form.addRow(self.tr("Letter number:"), self.number_edit)
        form.addRow(self.tr("Letter date:"), self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
