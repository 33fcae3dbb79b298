"""This workstation's devices and map: the printer each document goes to, the scanner and scan profiles it
remembers, and where the map's tiles come from (MBTiles file, XYZ URL, the server, or the demo set). Kept in the
workstation's settings file; each change is written to the audit trail."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, ValidationError
from app.settings import DOCUMENT_KINDS, Settings, save_settings
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.units.admin.common import isolate, message_label, show_message

log = logging.getLogger(__name__)

MAP_AUTO, MAP_FILE, MAP_URL = "auto", "mbtiles", "url"


def available_printers() -> list[str]:
    """The printers the system knows (QtPrintSupport is imported here only, when this panel opens)."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:  # pragma: no cover - a Qt without print support
        return []
    return list(QPrinterInfo.availablePrinterNames())


class WorkstationPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("admin-workstation")
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        number = ctx.workstation_no
        server = ctx.settings.server_url
        head = QLabel(self.tr("Workstation %1 — central server: %2").replace(
            "%1", digits(number) if number is not None else "—").replace(
            "%2", isolate(server) if server else self.tr("none (local only)")), body)  # fmt: skip
        head.setObjectName("workstation-summary")
        layout.addWidget(head)

        printers = QGroupBox(self.tr("Printers"), body)
        form = QFormLayout(printers)
        names = available_printers()
        self.printer_combos: dict[str, QComboBox] = {}
        for kind in DOCUMENT_KINDS:
            combo = QComboBox(printers)
            combo.setObjectName(f"printer-{kind}")
            combo.setEditable(True)
            combo.addItem(self.tr("System default printer"), "")
            for name in names:
                combo.addItem(name, name)
            current = ctx.settings.printer_for(kind)
            if current and combo.findData(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.printer_combos[kind] = combo
            form.addRow(self._kind_title(kind), combo)
        save_printers = QPushButton(self.tr("Save printers"), printers)
        save_printers.setObjectName("save-printers")
        save_printers.clicked.connect(self.save_printers)
        form.addRow("", save_printers)
        layout.addWidget(printers)

        scanner = QGroupBox(self.tr("Scanner"), body)
        scan_form = QFormLayout(scanner)
        remembered = {k: v for k, v in ctx.settings.extra.items() if k.startswith("scanner")}
        device = str(remembered.get("scanner_device") or "") or self.tr("none chosen yet (chosen in the Archive tab)")
        self.scanner_label = QLabel(device, scanner)
        self.scanner_label.setObjectName("scanner-device")
        scan_form.addRow(self.tr("Remembered scanner:"), self.scanner_label)
        folder = Path(ctx.settings.scan_profiles_dir) if ctx.settings.scan_profiles_dir else ctx.paths.scan_profiles
        self.profiles_label = QLabel(self._profiles_text(folder), scanner)
        self.profiles_label.setObjectName("scan-profiles")
        self.profiles_label.setWordWrap(True)
        scan_form.addRow(self.tr("Scan profiles:"), self.profiles_label)
        layout.addWidget(scanner)

        maps = QGroupBox(self.tr("Map source"), body)
        map_layout = QVBoxLayout(maps)
        self.map_group = QButtonGroup(maps)
        self.map_auto = QRadioButton(self.tr("Automatic: the server's tiles, else the demo tiles"), maps)
        self.map_file = QRadioButton(self.tr("An MBTiles file:"), maps)
        self.map_url = QRadioButton(self.tr("An XYZ tile address:"), maps)
        for button, name in ((self.map_auto, MAP_AUTO), (self.map_file, MAP_FILE), (self.map_url, MAP_URL)):
            button.setObjectName(f"map-{name}")
            self.map_group.addButton(button)
        self.map_path = QLineEdit(maps)
        self.map_path.setObjectName("map-path")
        self.map_path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        browse = QPushButton(self.tr("Browse…"), maps)
        browse.clicked.connect(self.browse_mbtiles)
        self.map_template = QLineEdit(maps)
        self.map_template.setObjectName("map-url")
        self.map_template.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.map_template.setPlaceholderText("https://tiles.example.ir/{z}/{x}/{y}.png")
        map_layout.addWidget(self.map_auto)
        row = QHBoxLayout()
        row.addWidget(self.map_file)
        row.addWidget(self.map_path, 1)
        row.addWidget(browse)
        map_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.map_url)
        row.addWidget(self.map_template, 1)
        map_layout.addLayout(row)
        self.map_message = message_label(maps, "map-message")
        map_layout.addWidget(self.map_message)
        self.map_in_use = QLabel(maps)
        self.map_in_use.setObjectName("map-in-use")
        self.map_in_use.setProperty("role", "hint")
        map_layout.addWidget(self.map_in_use)
        save_map = QPushButton(self.tr("Save map source"), maps)
        save_map.setObjectName("save-map")
        save_map.clicked.connect(self.save_map)
        map_layout.addWidget(save_map, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(maps)
        layout.addStretch(1)
        self.message = message_label(self, "workstation-message")
        outer.addWidget(self.message)
        self._show_map(str(getattr(ctx.settings, "map_tiles", "") or ""))

    # -- helpers -----------------------------------------------------------------------------------------------------
    def _kind_title(self, kind: str) -> str:
        titles = {
            "receipt": self.tr("Receipts:"),
            "certificate": self.tr("Certificates:"),
            "payment_slip": self.tr("Payment slips:"),
            "letter": self.tr("Letters:"),
            "sketch": self.tr("Sketches and maps:"),
        }
        return titles.get(kind, kind)

    def _profiles_text(self, folder: Path) -> str:
        try:
            from app.scanner.profiles import load_profiles

            names = [p.name for p in load_profiles(folder if folder.is_dir() else None)]
        except Exception as exc:  # the scanner area is optional here: show the folder anyway
            log.info("scan profiles not read: %s", exc)
            names = []
        text = "، ".join(names) if names else self.tr("the defaults")
        return f"{text} — {isolate(str(folder))}"

    def _show_map(self, setting: str) -> None:
        setting = setting.strip()
        if not setting:
            self.map_auto.setChecked(True)
        elif "://" in setting:
            self.map_url.setChecked(True)
            self.map_template.setText(setting)
        else:
            self.map_file.setChecked(True)
            self.map_path.setText(setting)
        self.map_in_use.setText(self._map_in_use(setting))

    def _map_in_use(self, setting: str) -> str:
        try:
            from app.maps.sources import choose_source
        except ImportError:
            return ""
        choice = choose_source(self.ctx.paths.tiles, map_tiles=setting, server_url=self.ctx.settings.server_url)
        kinds = {
            "mbtiles": self.tr("In use: the MBTiles file %1"),
            "url": self.tr("In use: the tile address %1"),
            "server": self.tr("In use: the server's tiles %1"),
            "demo": self.tr("In use: the demo tiles %1"),
            "none": self.tr("In use: no tiles (the map shows placeholders) %1"),
        }
        return kinds.get(choice.kind, "%1").replace("%1", isolate(choice.where) if choice.where else "")

    def _store(self, settings: Settings, key: str, value: object) -> None:
        save_settings(self.ctx.paths.settings_file, settings)
        self.ctx.settings = settings
        self.ctx.tasks.write(self.ctx.services.admin.record_workstation_setting, self.ctx.actor, key, value,
                             on_error=lambda e: show_message(self.message, error_text(e)))  # fmt: skip

    # -- actions -----------------------------------------------------------------------------------------------------
    def save_printers(self) -> None:
        printers: dict[str, str] = {}
        for kind, combo in self.printer_combos.items():
            text = combo.currentText().strip()
            data = combo.currentData()
            value = str(data) if data is not None and combo.itemText(combo.currentIndex()) == text else text
            if value:
                printers[kind] = value
        self._store(self.ctx.settings.with_changes(printers=printers), "printers", printers)
        show_message(self.message, self.tr("Printers saved."))

    def browse_mbtiles(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("MBTiles file"), str(self.ctx.paths.tiles),
                                                    "MBTiles (*.mbtiles)")  # fmt: skip
        if path:
            self.map_path.setText(path)
            self.map_file.setChecked(True)

    def map_setting(self) -> str:
        """What the form says, checked: an existing .mbtiles file or a URL with {z}, {x} and {y}."""
        if self.map_file.isChecked():
            path = Path(self.map_path.text().strip())
            if not path.is_file():
                raise ValidationError("maps.mbtiles_missing", field="map_path", path=str(path))
            return str(path)
        if self.map_url.isChecked():
            url = self.map_template.text().strip()
            missing = [p for p in ("{z}", "{x}", "{y}") if p not in url]
            if "://" not in url or missing:
                raise ValidationError("maps.template_invalid", field="map_url", missing="، ".join(missing) or "://")
            return url
        return ""

    def save_map(self) -> None:
        show_message(self.map_message, "")
        try:
            value = self.map_setting()
        except DomainError as error:
            show_message(self.map_message, error_text(error))
            return
        self._store(self.ctx.settings.with_changes(map_tiles=value), "map_tiles", value)
        self.map_in_use.setText(self._map_in_use(value))
        show_message(self.message, self.tr("Map source saved: maps opened from now on use it."))
