"""The scan profile editor: this workstation's profiles (paper, resolution, colour, source, blank-page threshold,
compression), kept as JSON files in ``DataPaths.scan_profiles`` by ``app.scanner.profiles``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.scanner.profiles import DEFAULT_PROFILES, Profile, delete_profile, find_profile, load_profiles, save_profile


class ProfileEditorDialog(QDialog):
    """``profiles_changed(name)`` after a save or delete (the name of the profile to select)."""

    profiles_changed = Signal(str)

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan-profile-editor")
        self.folder = folder
        self.setWindowTitle(self.tr("Scan profiles"))
        self.resize(720, 420)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget(self)
        left.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("New profile"), self)
        left.addWidget(self.new_button)
        layout.addLayout(left, 1)

        right = QVBoxLayout()
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.paper_combo = QComboBox(self)
        for code, text in (("a3", self.tr("A3")), ("a4", self.tr("A4")), ("id_card", self.tr("ID card"))):
            self.paper_combo.addItem(text, code)
        self.dpi_spin = QSpinBox(self)
        self.dpi_spin.setRange(50, 1200)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setSuffix(self.tr(" dpi"))
        self.mode_combo = QComboBox(self)
        for code, text in (
            ("gray", self.tr("Grey")),
            ("color", self.tr("Colour")),
            ("lineart", self.tr("Black and white")),
        ):
            self.mode_combo.addItem(text, code)
        self.source_combo = QComboBox(self)
        for code, text in (("flatbed", self.tr("Flatbed")), ("feeder", self.tr("Document feeder"))):
            self.source_combo.addItem(text, code)
        self.duplex_check = QCheckBox(self.tr("Both sides (duplex)"), self)
        self.blank_spin = QDoubleSpinBox(self)
        self.blank_spin.setDecimals(2)
        self.blank_spin.setRange(0.0, 50.0)
        self.blank_spin.setSingleStep(0.05)
        self.blank_spin.setSuffix(" %")
        self.blank_spin.setToolTip(self.tr("A page with less ink than this counts as blank; 0 keeps every page."))
        self.quality_spin = QSpinBox(self)
        self.quality_spin.setRange(10, 95)
        self.quality_spin.setToolTip(self.tr("JPEG quality of grey and colour pages (black-and-white pages: CCITT G4)"))
        self.deskew_check = QCheckBox(self.tr("Straighten skewed pages"), self)
        self.crop_check = QCheckBox(self.tr("Crop to the paper"), self)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Paper:"), self.paper_combo)
        form.addRow(self.tr("Resolution:"), self.dpi_spin)
        form.addRow(self.tr("Colour:"), self.mode_combo)
        form.addRow(self.tr("Source:"), self.source_combo)
        form.addRow("", self.duplex_check)
        form.addRow(self.tr("Blank-page threshold:"), self.blank_spin)
        form.addRow(self.tr("JPEG quality:"), self.quality_spin)
        form.addRow("", self.deskew_check)
        form.addRow("", self.crop_check)
        right.addLayout(form)
        self.message = QLabel(self)
        self.message.setProperty("role", "fieldMessage")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        right.addStretch(1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save profile"), self)
        self.save_button.setProperty("primary", True)
        self.delete_button = QPushButton(self.tr("Delete / restore default"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        right.addLayout(buttons)
        layout.addLayout(right, 2)

        self.list.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.close_button.clicked.connect(self.accept)
        self.reload()

    # -- data ----------------------------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        current = select or (
            self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        )
        self.list.blockSignals(True)
        self.list.clear()
        for profile in load_profiles(self.folder):
            item = QListWidgetItem(profile.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
        self.list.blockSignals(False)
        rows = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.list.setCurrentRow(rows.index(current) if current in rows else 0)

    def profile_names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        profile = find_profile(load_profiles(self.folder), str(item.data(Qt.ItemDataRole.UserRole)))
        if profile is not None:
            self.show_profile(profile)

    def show_profile(self, profile: Profile) -> None:
        self.message.clear()
        self.name_edit.setText(profile.name)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(profile.paper))
        self.dpi_spin.setValue(profile.dpi)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(profile.mode))
        self.source_combo.setCurrentIndex(self.source_combo.findData(profile.source))
        self.duplex_check.setChecked(profile.duplex)
        self.blank_spin.setValue(profile.blank_threshold * 100.0)
        self.quality_spin.setValue(profile.jpeg_quality)
        self.deskew_check.setChecked(profile.deskew)
        self.crop_check.setChecked(profile.crop)
        is_default = find_profile(list(DEFAULT_PROFILES), profile.name) is not None
        self.delete_button.setText(self.tr("Restore default") if is_default else self.tr("Delete profile"))

    def _new(self) -> None:
        self.list.clearSelection()
        self.show_profile(Profile(self.tr("New profile")))
        self.name_edit.selectAll()
        self.name_edit.setFocus()

    def current_profile(self) -> Profile:
        return Profile(
            name=" ".join(self.name_edit.text().split()),
            paper=str(self.paper_combo.currentData()),
            dpi=self.dpi_spin.value(),
            mode=str(self.mode_combo.currentData()),
            source=str(self.source_combo.currentData()),
            duplex=self.duplex_check.isChecked(),
            blank_threshold=round(self.blank_spin.value() / 100.0, 6),
            jpeg_quality=self.quality_spin.value(),
            deskew=self.deskew_check.isChecked(),
            crop=self.crop_check.isChecked(),
        )

    # -- actions -------------------------------------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            profile = self.current_profile()
        except ValidationError as exc:
            field = str(exc.params.get("field") or "")
            self.message.setText(
                self.tr("Give the profile a name.")
                if field == "name"
                else self.tr("Check the value of: %1").replace("%1", field)
            )
            (self.name_edit if field == "name" else self.dpi_spin).setFocus()
            return False
        save_profile(self.folder, profile)
        self.reload(select=profile.name)
        self.message.setText(self.tr("Profile «%1» saved.").replace("%1", profile.name))
        self.profiles_changed.emit(profile.name)
        return True

    def delete(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name = str(item.data(Qt.ItemDataRole.UserRole))
        delete_profile(self.folder, name)
        self.reload(select=name)
        self.profiles_changed.emit(name)
