"""The scanning panel of the Archive tab: device and profile, scan with progress and cancel, a live thumbnail strip
(drag to reorder, rotate, delete, keep a page the blank check dropped), a zoomable viewer, the document type, Save.

Scanning and archiving run in worker threads; pages reach the GUI thread through queued signals and are already on
disk (a ScanSession) when they do. The widget knows nothing of the database: ``save_document(pdf, metadata)`` is a
plain callable the Archive tab wires to the archive service (which stores the file and writes the audit entry).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal
from PySide6.QtGui import QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import to_persian_digits
from app.scanner import processing
from app.scanner.archive_pdf import DOCUMENT_TYPES, ArchiveMetadata, ArchiveResult
from app.scanner.base import BatchResult, CancelToken, DeviceInfo, ScannerDriver, ScannerError
from app.scanner.batch import DISCARDED, SAVED, ScanSession
from app.scanner.messages_fa import message_for
from app.scanner.pipeline import PageEvent, archive_pages, scan_into_session
from app.scanner.profiles import Profile, replace
from app.ui.scan.page_viewer import PageViewer

log = logging.getLogger(__name__)

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
ROTATION_ROLE = Qt.ItemDataRole.UserRole + 2
INK_ROLE = Qt.ItemDataRole.UserRole + 3

SaveDocument = Callable[[bytes, dict[str, Any]], None]
DEVICE_FILES = "file:"


class _Worker(QThread):
    """Runs one callable off the GUI thread; ``progress`` carries page events, ``done``/``failed`` the outcome."""

    progress = Signal(object)
    done = Signal(object)
    failed = Signal(str, dict)

    def __init__(self, job: Callable[[Callable[[object], None]], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job

    def run(self) -> None:
        try:
            result = self._job(self.progress.emit)
        except ScannerError as exc:
            self.failed.emit(exc.code, dict(exc.params))
            return
        except Exception as exc:
            log.exception("scan worker failed")
            self.failed.emit("scanner.io_error", {"detail": str(exc)})
            return
        self.done.emit(result)


class ScanWidget(QWidget):
    """Signals: ``page_added(number)``, ``scan_finished(pages, cancelled)``, ``scan_failed(code)``, ``saved(sha256)``.

    With ``save_document=None`` the widget only builds the PDF and emits ``document_ready(result, metadata)``; the
    host stores it (on its own writer thread) and then calls ``finish_save()`` or ``save_failed(text)``.
    """

    page_added = Signal(int)
    scan_finished = Signal(int, bool)
    scan_failed = Signal(str)
    saved = Signal(str)
    document_ready = Signal(object, dict)

    def __init__(
        self,
        drivers: Sequence[ScannerDriver],
        profiles: Sequence[Profile],
        sessions_folder: Path,
        save_document: SaveDocument | None,
        *,
        operator: str = "",
        list_devices: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._drivers = list(drivers)
        self._profiles = list(profiles)
        self._sessions_folder = sessions_folder
        self._save_document = save_document
        self._operator = operator
        self._session: ScanSession | None = None
        self._worker: _Worker | None = None
        self._cancel: CancelToken | None = None
        self._case_id = ""
        self._tracking_number = ""
        self._devices: list[tuple[ScannerDriver, DeviceInfo]] = []
        self._awaiting_host = False
        self._built: ArchiveResult | None = None
        self._pending_metadata: ArchiveMetadata | None = None
        self.max_pages: int | None = None  # stop a batch after this many sheets (None: until the feeder is empty)
        self._listing = False
        self.on_refresh: Callable[[], None] | None = None
        self._build()
        if list_devices:
            self.refresh_devices()

    # -- layout ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.device_combo = QComboBox()
        self.refresh_button = QPushButton(self.tr("Find devices"))
        self.profile_combo = QComboBox()
        for profile in self._profiles:
            self.profile_combo.addItem(self._profile_label(profile), profile.name)
        self.doc_type_combo = QComboBox()
        for code in DOCUMENT_TYPES:
            self.doc_type_combo.addItem(self._doc_type_label(code), code)
        for combo in (self.device_combo, self.profile_combo, self.doc_type_combo):
            # long device and profile names must not widen the window past a 1366-pixel screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setRange(0.0, 10.0)
        self.threshold_spin.setSingleStep(0.05)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setToolTip(self.tr("A page with less ink than this counts as blank and is set aside."))
        self.scan_button = QPushButton(self.tr("Scan"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.case_label = QLabel(self.tr("No case chosen"))

        self.pages_model = QStandardItemModel(self)
        self.pages_view = QListView()
        self.pages_view.setModel(self.pages_model)
        self.pages_view.setViewMode(QListView.ViewMode.IconMode)
        self.pages_view.setIconSize(QSize(120, 160))
        self.pages_view.setGridSize(QSize(140, 190))
        self.pages_view.setMovement(QListView.Movement.Snap)
        self.pages_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pages_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.pages_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pages_view.setFlow(QListView.Flow.TopToBottom)
        self.pages_view.setWrapping(False)

        self.rotate_left_button = QPushButton(self.tr("Rotate left"))
        self.rotate_right_button = QPushButton(self.tr("Rotate right"))
        self.delete_button = QPushButton(self.tr("Delete page"))
        self.keep_button = QPushButton(self.tr("Keep page"))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.fit_button = QPushButton(self.tr("Fit to window"))
        self.save_button = QPushButton(self.tr("Save into the case"))
        self.save_button.setEnabled(False)
        self.viewer = PageViewer()

        # two rows, so the panel fits beside the Archive tab's queue on a 1366-pixel screen
        top = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        for row, label, widget in (
            (first, self.tr("Device:"), self.device_combo),
            (first, self.tr("Profile:"), self.profile_combo),
            (second, self.tr("Document type:"), self.doc_type_combo),
            (second, self.tr("Blank-page threshold:"), self.threshold_spin),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget, 1)
        first.addWidget(self.refresh_button)
        second.addStretch(1)
        second.addWidget(self.scan_button)
        second.addWidget(self.cancel_button)
        top.addLayout(first)
        top.addLayout(second)

        page_buttons = QHBoxLayout()
        for button in (self.rotate_right_button, self.rotate_left_button, self.delete_button, self.keep_button):
            page_buttons.addWidget(button)
        page_buttons.addStretch(1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            page_buttons.addWidget(button)

        strip = QWidget()
        strip_layout = QVBoxLayout(strip)
        strip_layout.setContentsMargins(0, 0, 0, 0)
        strip_layout.addWidget(self.pages_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(strip)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(1, 3)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.case_label)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(page_buttons)
        layout.addLayout(bottom)

        self.refresh_button.clicked.connect(self.refresh_button_clicked)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.scan_button.clicked.connect(self.start_scan)
        self.cancel_button.clicked.connect(self.cancel_scan)
        self.rotate_left_button.clicked.connect(lambda: self.rotate_selected(270))
        self.rotate_right_button.clicked.connect(lambda: self.rotate_selected(90))
        self.delete_button.clicked.connect(self.delete_selected)
        self.keep_button.clicked.connect(self.keep_selected)
        self.zoom_in_button.clicked.connect(self.viewer.zoom_in)
        self.zoom_out_button.clicked.connect(self.viewer.zoom_out)
        self.fit_button.clicked.connect(self.viewer.fit)
        self.save_button.clicked.connect(self.save)
        self.pages_view.selectionModel().currentChanged.connect(lambda current, _previous: self._show(current.row()))
        self._profile_changed()

    def _profile_label(self, profile: Profile) -> str:
        names = {
            "A3 plan sheet": self.tr("A3 plan sheet, 300 dpi, grey"),
            "A4 deed": self.tr("A4 deed, 300 dpi, grey"),
            "ID card": self.tr("ID card, 300 dpi, colour"),
            "A4 text": self.tr("A4 text, 300 dpi, black and white"),
        }
        return names.get(profile.name, profile.name)

    def _doc_type_label(self, code: str) -> str:
        names = {
            "deed": self.tr("Title deed"),
            "national_card": self.tr("National card"),
            "birth_certificate": self.tr("Birth certificate"),
            "previous_permit": self.tr("Previous permit"),
            "plan_sheet": self.tr("Plan sheet"),
            "power_of_attorney": self.tr("Power of attorney"),
            "inheritance_certificate": self.tr("Inheritance certificate"),
            "other": self.tr("Other"),
        }
        return names[code]

    # -- public API -----------------------------------------------------------------------------------------------
    def set_case(self, case_id: str, tracking_number: str = "", label: str = "") -> None:
        self._case_id = case_id
        self._tracking_number = tracking_number
        self.case_label.setText(label or tracking_number or case_id)

    def set_document_type(self, code: str) -> None:
        self.doc_type_combo.setCurrentIndex(DOCUMENT_TYPES.index(code))

    def select_device(self, device_id: str) -> None:
        for index, (_driver, device) in enumerate(self._devices):
            if device.id == device_id:
                self.device_combo.setCurrentIndex(index)
                return
        raise KeyError(device_id)

    def select_profile(self, name: str) -> None:
        index = self.profile_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.profile_combo.setCurrentIndex(index)

    @property
    def session(self) -> ScanSession | None:
        return self._session

    def current_profile(self) -> Profile:
        profile = self._profiles[max(0, self.profile_combo.currentIndex())]
        return replace(profile, blank_threshold=round(self.threshold_spin.value() / 100.0, 6))

    def page_numbers(self) -> list[int]:
        """Arrival numbers of the pages that will be saved, in strip order."""
        return [
            int(self.pages_model.item(row).data(NUMBER_ROLE))
            for row in range(self.pages_model.rowCount())
            if self.pages_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def is_busy(self) -> bool:
        return self._awaiting_host or (self._worker is not None and self._worker.isRunning())

    def set_profiles(self, profiles: Sequence[Profile], current: str | None = None) -> None:
        """Replace the profile list (after the profile editor saved), keeping the chosen one when it is still there."""
        keep = current or (self.profile_combo.currentData() if self.profile_combo.count() else None)
        self._profiles = list(profiles)
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in self._profiles:
            self.profile_combo.addItem(self._profile_label(profile), profile.name)
        index = self.profile_combo.findData(keep) if keep else -1
        self.profile_combo.setCurrentIndex(max(0, index))
        self.profile_combo.blockSignals(False)
        self._profile_changed()

    # -- devices --------------------------------------------------------------------------------------------------
    def refresh_devices(self) -> None:
        self.show_devices(self.list_all(self._drivers))

    def drivers(self) -> list[ScannerDriver]:
        return list(self._drivers)

    @staticmethod
    def list_all(drivers: Sequence[ScannerDriver]) -> tuple[list[tuple[ScannerDriver, DeviceInfo]], list[str]]:
        """Every driver's devices and the Persian problems met (any thread: no widget is touched)."""
        found: list[tuple[ScannerDriver, DeviceInfo]] = []
        problems: list[str] = []
        for driver in drivers:
            try:
                found.extend((driver, device) for device in driver.list_devices())
            except ScannerError as exc:
                problems.append(message_for(exc.code, **exc.params))
        return found, problems

    def refresh_button_clicked(self) -> None:
        """Find devices again: through the host's lister when it set one (``on_refresh``), else here and now."""
        if self.on_refresh is not None:
            self.on_refresh()
        else:
            self.refresh_devices()

    def set_listing(self, listing: bool) -> None:
        """The host lists the devices on its own thread pool (``list_all``, then ``show_devices``)."""
        self._listing = listing
        self.refresh_button.setEnabled(not listing and not self.is_busy())
        if listing:
            self._set_status(self.tr("Looking for scanners…"))

    def devices_listed(self) -> bool:
        return not self._listing and self.device_combo.count() > 0

    def show_devices(self, listing: object) -> None:
        found, problems = listing  # type: ignore[misc]
        self._listing = False
        self.refresh_button.setEnabled(not self.is_busy())
        self._devices.clear()
        self.device_combo.clear()
        for driver, device in found:
            self._devices.append((driver, device))
            self.device_combo.addItem(device.label, device.id)
        if not self._devices:
            problems.insert(0, message_for("scanner.no_device"))
        self._set_status(" ".join(problems))
        self.scan_button.setEnabled(bool(self._devices))

    def _profile_changed(self, *_args: object) -> None:
        if not self._profiles:
            return
        profile = self._profiles[max(0, self.profile_combo.currentIndex())]
        self.threshold_spin.setValue(profile.blank_threshold * 100.0)

    # -- scanning -------------------------------------------------------------------------------------------------
    def start_scan(self) -> None:
        if self.is_busy() or not self._devices:
            return
        driver, device = self._devices[max(0, self.device_combo.currentIndex())]
        self._run_batch(driver, device.id, self.current_profile())

    def import_files(self, paths: Sequence[Path]) -> None:
        """Pages of PDF, TIFF, JPEG or PNG files into the strip, as a scan would bring them (every file is decoded
        first: a corrupt one brings no page and a Persian message)."""
        if self.is_busy() or not paths:
            return
        import os

        from app.scanner.file_driver import FileDriver

        device_id = DEVICE_FILES + os.pathsep.join(str(p) for p in paths)
        profile = replace(self.current_profile(), blank_threshold=0.0)  # a page someone chose to import is kept
        self._run_batch(FileDriver(), device_id, profile)

    def _run_batch(self, driver: ScannerDriver, device_id: str, profile: Profile) -> None:
        if self._session is None:
            self._sessions_folder.mkdir(parents=True, exist_ok=True)
            self._session = ScanSession.create(
                self._sessions_folder,
                device_id=device_id,
                profile=profile,
                case_id=self._case_id,
                tracking_number=self._tracking_number,
            )
        session = self._session
        cancel = CancelToken()
        self._cancel = cancel

        max_pages = self.max_pages

        def job(report: Callable[[object], None]) -> BatchResult:
            return scan_into_session(driver, device_id, profile, session, cancel, on_event=report, max_pages=max_pages)

        self._worker = _Worker(job, self)
        self._worker.progress.connect(self._on_page)
        self._worker.done.connect(self._on_scan_done)
        self._worker.failed.connect(self._on_scan_failed)
        self._worker.finished.connect(self._worker_gone)
        self._set_busy(True, self.tr("Scanning…"))
        self._worker.start()

    def cancel_scan(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self._set_status(self.tr("Cancel asked; the sheet inside the scanner is finished first…"))

    def _on_page(self, event: object) -> None:
        assert isinstance(event, PageEvent)
        record = event.record
        pixmap = QPixmap()
        pixmap.loadFromData(event.thumbnail_png, "PNG")
        item = QStandardItem(QIcon(pixmap), str(self.pages_model.rowCount() + 1))
        item.setData(record.number, NUMBER_ROLE)
        item.setData(0, ROTATION_ROLE)
        item.setData(event.blank.ink_ratio, INK_ROLE)
        item.setCheckable(True)
        item.setDropEnabled(False)
        item.setEditable(False)
        ink = f"{event.blank.ink_ratio * 100:.2f}%"
        limit = f"{event.blank.threshold * 100:.2f}%"
        if event.blank.blank:
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(
                self.tr("Blank page: ink %1 under the threshold %2").replace("%1", ink).replace("%2", limit)
            )
        else:
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(self.tr("Ink on the page: %1 (threshold %2)").replace("%1", ink).replace("%2", limit))
        self.pages_model.appendRow(item)
        self.progress.setFormat(str(self.pages_model.rowCount()))
        if self.pages_model.rowCount() == 1:
            self.pages_view.setCurrentIndex(self.pages_model.index(0, 0))
        self.page_added.emit(record.number)

    def _on_scan_done(self, result: object) -> None:
        assert isinstance(result, BatchResult)
        if result.cancelled:
            self._set_status(message_for("scanner.cancelled"))
        else:
            self._set_status(self.tr("%1 pages scanned.").replace("%1", to_persian_digits(str(result.pages))))
        self.scan_finished.emit(result.pages, result.cancelled)

    def _on_scan_failed(self, code: str, params: dict[str, Any]) -> None:
        self._set_status(message_for(code, **params), error=True)
        self.scan_failed.emit(code)

    def _worker_gone(self) -> None:
        self._worker = None
        self._cancel = None
        self._set_busy(self._awaiting_host)

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        busy = busy or self._awaiting_host
        self.scan_button.setEnabled(not busy and bool(self._devices))
        self.cancel_button.setEnabled(busy and not self._awaiting_host)
        self.progress.setVisible(busy)
        self.save_button.setEnabled(not busy and self.pages_model.rowCount() > 0)
        for widget in (self.device_combo, self.profile_combo, self.refresh_button):
            widget.setEnabled(not busy)
        if text:
            self._set_status(text)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if error else "")

    # -- page editing ---------------------------------------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        rows = sorted({index.row() for index in self.pages_view.selectionModel().selectedIndexes()})
        if not rows and self.pages_view.currentIndex().isValid():
            rows = [self.pages_view.currentIndex().row()]
        return rows

    def rotate_selected(self, degrees: int) -> None:
        if self._session is None:
            return
        for row in self._selected_rows():
            item = self.pages_model.item(row)
            rotation = (int(item.data(ROTATION_ROLE)) + degrees) % 360
            item.setData(rotation, ROTATION_ROLE)
            record = self._session.update_page(int(item.data(NUMBER_ROLE)), rotation=rotation)
            image = self._session.image(record)
            pixmap = QPixmap()
            pixmap.loadFromData(processing.thumbnail_png(image, 160), "PNG")
            item.setIcon(QIcon(pixmap))
        self._show(self.pages_view.currentIndex().row())

    def delete_selected(self) -> None:
        if self._session is None:
            return
        for row in reversed(self._selected_rows()):
            number = int(self.pages_model.item(row).data(NUMBER_ROLE))
            self._session.update_page(number, deleted=True)
            self.pages_model.removeRow(row)
        self._renumber()
        self.save_button.setEnabled(self.pages_model.rowCount() > 0 and not self.is_busy())
        self._show(self.pages_view.currentIndex().row())

    def keep_selected(self) -> None:
        """Bring back pages the blank check dropped."""
        if self._session is None:
            return
        for row in self._selected_rows():
            item = self.pages_model.item(row)
            item.setCheckState(Qt.CheckState.Checked)
            self._session.update_page(int(item.data(NUMBER_ROLE)), deleted=False)

    def move_page(self, from_row: int, to_row: int) -> None:
        """What a drag in the strip does, callable from code and tests."""
        items = self.pages_model.takeRow(from_row)
        self.pages_model.insertRow(to_row, items)
        self._renumber()

    def _renumber(self) -> None:
        for row in range(self.pages_model.rowCount()):
            self.pages_model.item(row).setText(str(row + 1))

    def _show(self, row: int) -> None:
        if self._session is None or row < 0 or row >= self.pages_model.rowCount():
            self.viewer.show_image(None)
            return
        number = int(self.pages_model.item(row).data(NUMBER_ROLE))
        for record in self._session.pages(include_deleted=True):
            if record.number == number:
                self.viewer.show_image(self._session.image(record))
                return

    # -- saving ---------------------------------------------------------------------------------------------------
    def commit_strip(self) -> list[int]:
        """Write the strip's order and kept/dropped marks to the session's manifest (a crash now keeps them);
        returns the kept pages' numbers in order."""
        if self._session is None:
            return []
        numbers = self.page_numbers()
        session = self._session
        for row in range(self.pages_model.rowCount()):
            item = self.pages_model.item(row)
            session.update_page(int(item.data(NUMBER_ROLE)), deleted=item.checkState() != Qt.CheckState.Checked)
        session.arrange(numbers)
        return numbers

    def save(self) -> None:
        if self._session is None or self.is_busy():
            return
        if not self.page_numbers():
            self._set_status(self.tr("No page is left to save."), error=True)
            return
        session = self._session
        numbers = self.commit_strip()
        profile = self.current_profile()
        by_number = {r.number: r for r in session.pages()}
        records = [by_number[n] for n in numbers]
        metadata = ArchiveMetadata(
            document_type=str(self.doc_type_combo.currentData()),
            case_id=self._case_id,
            tracking_number=self._tracking_number,
            scanner=session.device_id,
            operator=self._operator,
        )
        save_document = self._save_document

        def job(_report: Callable[[object], None]) -> ArchiveResult:
            result = archive_pages(session, metadata, profile, records)
            if save_document is not None:
                save_document(result.pdf, self._metadata_dict(result, metadata))
            return result

        self._pending_metadata = metadata
        self._worker = _Worker(job, self)
        self._worker.done.connect(self._on_saved if save_document is not None else self._on_built)
        self._worker.failed.connect(self._on_scan_failed)
        self._worker.finished.connect(self._worker_gone)
        self._set_busy(True, self.tr("Building the PDF…"))
        self._worker.start()

    @staticmethod
    def _metadata_dict(result: ArchiveResult, metadata: ArchiveMetadata) -> dict[str, Any]:
        return {
            "document_type": metadata.document_type,
            "case_id": metadata.case_id,
            "tracking_number": metadata.tracking_number,
            "scanner": metadata.scanner,
            "operator": metadata.operator,
            "pages": result.page_count,
            "resolution": result.resolution,
            "sha256": result.sha256,
            "content_sha256": result.content_sha256,
            "page_sizes_mm": result.page_sizes_mm,
            "thumbnails": result.thumbnails,
            "scanned_at": result.metadata.get("ScannedAt", ""),
        }

    def _on_built(self, result: object) -> None:
        """The PDF is built; the host stores it and answers with finish_save() or save_failed()."""
        assert isinstance(result, ArchiveResult)
        self._built = result
        self._awaiting_host = True
        self._set_busy(True, self.tr("Saving into the case…"))
        assert self._pending_metadata is not None
        self.document_ready.emit(result, self._metadata_dict(result, self._pending_metadata))

    def finish_save(self) -> None:
        """The host stored the document (or, for a pile, every group of the strip): clear the strip."""
        self._awaiting_host = False
        result = self._built
        self._built = None
        if result is not None:
            self._on_saved(result)
        else:
            self._clear_saved()
        self._set_busy(False)

    def save_failed(self, text: str) -> None:
        """The host could not store the document: the pages stay, with the reason shown."""
        self._awaiting_host = False
        self._built = None
        self._set_busy(False)
        self._set_status(text, error=True)

    def _clear_saved(self) -> None:
        if self._session is not None:
            self._session.mark(SAVED)
            self._session.remove()
        self._session = None
        self.pages_model.clear()
        self.viewer.show_image(None)
        self.save_button.setEnabled(False)

    def _on_saved(self, result: object) -> None:
        assert isinstance(result, ArchiveResult)
        if self._session is not None:
            self._session.mark(SAVED)
            self._session.remove()
        self._session = None
        self.pages_model.clear()
        self.viewer.show_image(None)
        self._set_status(
            self.tr("Document saved with %1 pages.").replace("%1", to_persian_digits(str(result.page_count)))
        )
        self.saved.emit(result.sha256)

    def discard(self) -> None:
        """Throw the current pages away (the operator confirmed it)."""
        if self.is_busy():
            return
        if self._session is not None:
            self._session.mark(DISCARDED)
            self._session.remove()
        self._session = None
        self.pages_model.clear()
        self.viewer.show_image(None)
        self.save_button.setEnabled(False)

    def resume_session(self, folder: Path) -> None:
        """Reopen an unfinished session (after a crash or jam): its pages fill the strip again."""
        session = ScanSession.open(folder)
        self._session = session
        self.pages_model.clear()
        for record in session.pages(include_deleted=True):
            image = session.image(record)
            threshold = self.current_profile().blank_threshold
            event = PageEvent(
                record,
                processing.thumbnail_png(image, 160),
                processing.BlankCheck(record.deleted, record.ink_ratio or 0.0, threshold),
            )
            self._on_page(event)
            if record.rotation:
                self.pages_model.item(self.pages_model.rowCount() - 1).setData(record.rotation, ROTATION_ROLE)
        self.save_button.setEnabled(self.pages_model.rowCount() > 0)

    def shutdown(self) -> None:
        """Cancel a running batch and wait for the worker threads (the host calls this when it closes)."""
        if self._cancel is not None:
            self._cancel.cancel()
        if self._worker is not None:
            self._worker.wait(30_000)

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
